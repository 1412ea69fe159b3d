-- The budget figures v_riwayat_pengiriman compares between versions, for every submission of
-- one load transaction at once (pipeline.load._load_chunk), from the rows being inserted:
-- _lakip_ids (submission_id), _lakip_program_kegiatan and _lakip_realisasi_belanja are the
-- registered frames of this transaction. Sums are taken over the values cast the way the raw
-- tables store them (DECIMAL(18,2)). Row and finding counts are counted in polars.
-- tingkat_baku (regular expressions) runs once per distinct spelling of tingkat, not on each
-- of the rows: the filter is on any_value(tingkat), which the optimizer cannot push below the
-- grouping as it would a filter on the group key itself (measured: 8 ms instead of 170 ms).
WITH program_tingkat AS (
    SELECT tingkat
    FROM (
        SELECT any_value(tingkat) AS tingkat
        FROM _lakip_program_kegiatan
        GROUP BY tingkat
    )
    WHERE tingkat_baku(tingkat) = 'program'
)
SELECT
    i.submission_id,
    coalesce(p.n_program, 0) AS n_program,
    p.pagu_total,
    p.realisasi_total,
    b.belanja_anggaran,
    b.belanja_realisasi
FROM _lakip_ids AS i
LEFT JOIN (
    SELECT
        submission_id,
        count(*) AS n_program,
        CAST(sum(CAST(pagu AS DECIMAL(18,2))) AS DECIMAL(18,2)) AS pagu_total,
        CAST(sum(CAST(realisasi_anggaran AS DECIMAL(18,2))) AS DECIMAL(18,2)) AS realisasi_total
    FROM _lakip_program_kegiatan
    SEMI JOIN program_tingkat USING (tingkat)
    GROUP BY submission_id
) AS p USING (submission_id)
LEFT JOIN (
    SELECT
        submission_id,
        CAST(sum(CAST(anggaran AS DECIMAL(18,2))) AS DECIMAL(18,2)) AS belanja_anggaran,
        CAST(sum(CAST(realisasi AS DECIMAL(18,2))) AS DECIMAL(18,2)) AS belanja_realisasi
    FROM _lakip_realisasi_belanja
    GROUP BY submission_id
) AS b USING (submission_id);
