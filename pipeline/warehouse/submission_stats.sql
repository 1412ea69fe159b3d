-- The figures v_riwayat_pengiriman compares between versions, computed from the rows of
-- one submission just inserted, inside its transaction (pipeline.load._load_one).
UPDATE submissions SET
    baris = $baris,
    baris_total = $baris_total,
    error_count = $errors,
    warning_count = $warnings,
    n_indikator = (SELECT count(*) FROM raw_capaian_iku WHERE submission_id = $sid),
    n_program = (
        SELECT count(*) FROM raw_program_kegiatan
        WHERE submission_id = $sid AND tingkat_baku(tingkat) = 'program'
    ),
    pagu_total = (
        SELECT CAST(sum(pagu) AS DECIMAL(18,2)) FROM raw_program_kegiatan
        WHERE submission_id = $sid AND tingkat_baku(tingkat) = 'program'
    ),
    realisasi_total = (
        SELECT CAST(sum(realisasi_anggaran) AS DECIMAL(18,2)) FROM raw_program_kegiatan
        WHERE submission_id = $sid AND tingkat_baku(tingkat) = 'program'
    ),
    belanja_anggaran = (
        SELECT CAST(sum(anggaran) AS DECIMAL(18,2)) FROM raw_realisasi_belanja
        WHERE submission_id = $sid
    ),
    belanja_realisasi = (
        SELECT CAST(sum(realisasi) AS DECIMAL(18,2)) FROM raw_realisasi_belanja
        WHERE submission_id = $sid
    )
WHERE submission_id = $sid;
