-- Marts: the consolidated summaries, views over the staging layer (current submissions only,
-- except v_riwayat_pengiriman which shows every version). Recomputed figures use the macros of
-- macros.sql (= schemas/formulas.py), the same formula for every kecamatan; printed figures
-- are kept beside them as `<x>_tercetak`. Columns are documented in docs/warehouse.md.
-- WITH (DEFER_BINDING) as in staging.sql: bound when first queried, not when created.

-- Polarity of each indicator from the Perjanjian Kinerja of the same submission.
CREATE OR REPLACE VIEW int_polaritas WITH (DEFER_BINDING) AS
SELECT
    submission_id,
    indikator_kunci,
    CASE WHEN starts_with(lower(coalesce(any_value(polaritas), 'positif')), 'neg')
        THEN 'negatif' ELSE 'positif' END AS polaritas
FROM stg_perjanjian_kinerja
GROUP BY ALL;

-- Capaian IKU per kecamatan, tahun, indikator (Tabel 3.2).
CREATE OR REPLACE VIEW v_capaian_iku WITH (DEFER_BINDING) AS
SELECT
    c.provinsi,
    c.kabupaten,
    c.kecamatan,
    c.kode_wilayah,
    c.tahun_laporan AS tahun,
    c.no,
    c.sasaran_strategis,
    c.indikator,
    c.indikator_kunci,
    c.satuan,
    c.target,
    c.target_predikat,
    c.realisasi,
    c.realisasi_predikat,
    coalesce(pk.polaritas, 'positif') AS polaritas,
    c.capaian AS capaian_tercetak,
    capaian_persen(c.target, c.realisasi, pk.polaritas) AS capaian_hitung,
    status_banding(
        c.capaian, capaian_persen(c.target, c.realisasi, pk.polaritas), desimal := c.capaian_desimal
    ) AS status,
    status_banding(
        c.capaian, capaian_persen(c.target, c.realisasi, pk.polaritas), desimal := c.capaian_desimal
    ) = 'mismatch' AS berbeda,
    rating_capaian(capaian_persen(c.target, c.realisasi, pk.polaritas)) AS rating,
    rating_capaian_en(capaian_persen(c.target, c.realisasi, pk.polaritas)) AS rating_en,
    rating_capaian(c.capaian) AS rating_tercetak,
    c.capaian_hitung AS capaian_hitung_validasi,
    c.submission_id,
    c.kecamatan_key,
    c.kabupaten_key,
    c.sintetis,
    c.sheet,
    c."row",
    sel(c.submission_id, 'capaian_iku', 'capaian', c."row") AS sel_capaian
FROM stg_capaian_iku AS c
LEFT JOIN int_polaritas AS pk USING (submission_id, indikator_kunci);

-- Pagu, realisasi and serapan per program / kegiatan / sub_kegiatan (Tabel 3.17) and per
-- jenis belanja (Realisasi Anggaran).
CREATE OR REPLACE VIEW v_realisasi_anggaran WITH (DEFER_BINDING) AS
WITH baris AS (
    SELECT
        submission_id, kecamatan_key, kabupaten_key, sintetis,
        provinsi, kabupaten, kecamatan, kode_wilayah,
        tahun_laporan AS tahun,
        'program_kegiatan' AS sumber,
        tingkat,
        kode,
        nama,
        pagu,
        realisasi_anggaran AS realisasi,
        persen_anggaran AS serapan_tercetak,
        persen_anggaran_desimal AS serapan_desimal,
        sheet,
        "row",
        parent_row,
        program_row,
        sel(submission_id, 'program_kegiatan', 'persen_anggaran', "row") AS sel_serapan
    FROM stg_program_kegiatan
    UNION ALL BY NAME
    SELECT
        submission_id, kecamatan_key, kabupaten_key, sintetis,
        provinsi, kabupaten, kecamatan, kode_wilayah,
        tahun_laporan AS tahun,
        'realisasi_belanja' AS sumber,
        'jenis_belanja' AS tingkat,
        kode_jenis_belanja(jenis_belanja) AS kode,
        jenis_belanja AS nama,
        anggaran AS pagu,
        realisasi,
        persen AS serapan_tercetak,
        persen_desimal AS serapan_desimal,
        sheet,
        "row",
        CAST(NULL AS BIGINT) AS parent_row,
        CAST(NULL AS BIGINT) AS program_row,
        sel(submission_id, 'realisasi_belanja', 'persen', "row") AS sel_serapan
    FROM stg_realisasi_belanja
)
SELECT
    provinsi, kabupaten, kecamatan, kode_wilayah, tahun, sumber, tingkat, kode, nama,
    pagu,
    realisasi,
    CAST(pagu - realisasi AS DECIMAL(18,2)) AS sisa,
    serapan_tercetak,
    serapan_persen(pagu, realisasi) AS serapan_hitung,
    status_banding(
        serapan_tercetak, serapan_persen(pagu, realisasi), desimal := serapan_desimal
    ) AS status,
    status_banding(
        serapan_tercetak, serapan_persen(pagu, realisasi), desimal := serapan_desimal
    ) = 'mismatch' AS berbeda,
    realisasi > pagu AS lebih_salur,
    submission_id, kecamatan_key, kabupaten_key, sintetis,
    sheet, "row", parent_row, program_row, sel_serapan
FROM baris;

-- Efficiency per program: capaian kinerja - serapan, one formula for every kecamatan, with
-- what the kecamatan printed beside it (Tabel 3.17 tingkat_efisiensi).
CREATE OR REPLACE VIEW v_efisiensi WITH (DEFER_BINDING) AS
WITH program AS (
    SELECT
        *,
        capaian_persen(target_kinerja, realisasi_kinerja, 'positif') AS c_hitung,
        serapan_persen(pagu, realisasi_anggaran) AS s_hitung
    FROM stg_program_kegiatan
    WHERE tingkat = 'program'
)
SELECT
    provinsi, kabupaten, kecamatan, kode_wilayah, tahun_laporan AS tahun,
    kode,
    nama AS program,
    indikator,
    target_kinerja,
    realisasi_kinerja,
    pagu,
    realisasi_anggaran,
    persen_kinerja AS capaian_tercetak,
    c_hitung AS capaian_hitung,
    persen_anggaran AS serapan_tercetak,
    s_hitung AS serapan_hitung,
    efisiensi_selisih(c_hitung, s_hitung) AS efisiensi,
    kategori_efisiensi(efisiensi_selisih(c_hitung, s_hitung)) AS kategori,
    kategori_efisiensi_en(efisiensi_selisih(c_hitung, s_hitung)) AS kategori_en,
    tingkat_efisiensi AS efisiensi_tercetak,
    'capaian% - serapan%' AS rumus,
    submission_id, kecamatan_key, kabupaten_key, sintetis, sheet, "row",
    sel(submission_id, 'program_kegiatan', 'tingkat_efisiensi', "row") AS sel_efisiensi
FROM program;

-- Every year an indicator appears in, from all current submissions: the report year from
-- capaian_iku, earlier years from tren_iku. `dipilih` marks the one row per kecamatan,
-- indikator and tahun a trend should use: that year's own report if loaded, else the latest.
CREATE OR REPLACE VIEW v_tren_iku WITH (DEFER_BINDING) AS
WITH laporan AS (
    SELECT
        c.submission_id, c.kecamatan_key, c.kabupaten_key, c.sintetis, c.provinsi, c.kabupaten,
        c.kecamatan, c.kode_wilayah, c.tahun_laporan,
        c.indikator, c.indikator_kunci, c.satuan,
        c.tahun_laporan AS tahun,
        c.target, c.realisasi, c.capaian AS capaian_tercetak,
        capaian_persen(c.target, c.realisasi, pk.polaritas) AS capaian_hitung,
        'capaian_iku' AS sumber, c.sheet, c."row"
    FROM stg_capaian_iku AS c
    LEFT JOIN int_polaritas AS pk USING (submission_id, indikator_kunci)
),
tren AS (
    SELECT
        t.submission_id, t.kecamatan_key, t.kabupaten_key, t.sintetis, t.provinsi, t.kabupaten,
        t.kecamatan, t.kode_wilayah, t.tahun_laporan,
        t.indikator, t.indikator_kunci, t.satuan,
        t.tahun,
        t.target, t.realisasi, t.capaian AS capaian_tercetak,
        capaian_persen(t.target, t.realisasi, pk.polaritas) AS capaian_hitung,
        'tren_iku' AS sumber, t.sheet, t."row"
    FROM stg_tren_iku AS t
    LEFT JOIN int_polaritas AS pk USING (submission_id, indikator_kunci)
    WHERE t.tahun < t.tahun_laporan
),
semua AS (
    SELECT * FROM laporan
    UNION ALL BY NAME
    SELECT * FROM tren
)
SELECT
    s.provinsi, s.kabupaten, s.kecamatan, s.kode_wilayah,
    s.indikator, s.indikator_kunci, s.satuan,
    CAST(s.tahun AS INTEGER) AS tahun,
    s.target, s.realisasi, s.capaian_tercetak, s.capaian_hitung,
    s.tahun = s.tahun_laporan AS is_tahun_laporan,
    s.tahun_laporan,
    s.sumber,
    s.submission_id,
    asli.realisasi AS realisasi_laporan_asli,
    abs(s.realisasi - asli.realisasi) > 1e-9 AS berbeda_dengan_laporan_asli,
    row_number() OVER (
        PARTITION BY s.kecamatan_key, s.indikator_kunci, s.tahun
        ORDER BY s.tahun = s.tahun_laporan DESC, s.tahun_laporan DESC, s.submission_id
    ) = 1 AS dipilih,
    s.kecamatan_key, s.kabupaten_key, s.sintetis, s.sheet, s."row"
FROM semua AS s
LEFT JOIN laporan AS asli
    ON asli.kecamatan_key = s.kecamatan_key
    AND asli.indikator_kunci = s.indikator_kunci
    AND asli.tahun = s.tahun
    AND s.sumber = 'tren_iku';

-- Each indicator x tahun with every kecamatan of the kabupaten side by side (Tabel 3.8):
-- long format, one row per kecamatan, with the kabupaten's figures to compare against.
CREATE OR REPLACE VIEW v_pembanding WITH (DEFER_BINDING) AS
SELECT
    provinsi, kabupaten, kabupaten_key,
    indikator_kunci,
    first(indikator ORDER BY tahun DESC) OVER (PARTITION BY kabupaten_key, indikator_kunci)
        AS indikator,
    tahun,
    kecamatan, kode_wilayah,
    target, realisasi, capaian_tercetak, capaian_hitung,
    rating_capaian(capaian_hitung) AS rating,
    count(*) OVER w AS jumlah_kecamatan,
    avg(capaian_hitung) OVER w AS rata_capaian_kabupaten,
    capaian_hitung - avg(capaian_hitung) OVER w AS selisih_rata_kabupaten,
    rank() OVER (
        PARTITION BY kabupaten_key, indikator_kunci, tahun ORDER BY capaian_hitung DESC NULLS LAST
    ) AS peringkat,
    realisasi - lag(realisasi) OVER k AS perubahan_realisasi,
    capaian_hitung - lag(capaian_hitung) OVER k AS perubahan_capaian,
    sumber, submission_id, kecamatan_key, sintetis
FROM v_tren_iku
WHERE dipilih
WINDOW
    w AS (PARTITION BY kabupaten_key, indikator_kunci, tahun),
    k AS (PARTITION BY kecamatan_key, indikator_kunci ORDER BY tahun);

-- Findings per kecamatan, tahun, rule and severity; a clean submission shows one row with
-- rule NULL and status 'bersih'.
CREATE OR REPLACE VIEW v_kualitas_data WITH (DEFER_BINDING) AS
WITH per_rule AS (
    SELECT
        submission_id, rule, severity,
        any_value(title_id) AS title_id,
        any_value(title_en) AS title_en,
        count(*) AS jumlah
    FROM findings
    GROUP BY ALL
),
per_sub AS (
    SELECT
        submission_id,
        count(*) FILTER (WHERE severity = 'error') AS galat,
        count(*) FILTER (WHERE severity = 'warning') AS peringatan
    FROM findings
    GROUP BY ALL
)
SELECT
    p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah, p.tahun_laporan AS tahun,
    r.rule, r.severity, r.title_id, r.title_en,
    coalesce(r.jumlah, 0) AS jumlah,
    coalesce(s.galat, 0) AS galat_pengiriman,
    coalesce(s.peringatan, 0) AS peringatan_pengiriman,
    CASE
        WHEN coalesce(s.galat, 0) > 0 THEN 'galat'
        WHEN coalesce(s.peringatan, 0) > 0 THEN 'peringatan'
        ELSE 'bersih'
    END AS status,
    p.submission_id, p.kecamatan_key, p.kabupaten_key, p.sintetis
FROM stg_pengiriman AS p
LEFT JOIN per_rule AS r USING (submission_id)
LEFT JOIN per_sub AS s USING (submission_id);

-- Every finding of every current submission, one row per finding, with the kecamatan it is
-- about: what `make validate` sends back, queryable. Findings of files without identity keep
-- their submission_id as kecamatan_key (as in stg_pengiriman).
CREATE OR REPLACE VIEW v_temuan WITH (DEFER_BINDING) AS
SELECT
    p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah, p.tahun_laporan AS tahun,
    f.rule, f.severity, f.title_id, f.title_en,
    f.cell, f."table", f.sheet, f."row", f."column", f.label,
    f.expected, f.found, f.detail,
    f.message_id, f.message_en, f.hint_id, f.hint_en,
    f.root, f.finding_id,
    p.submission_id, p.kecamatan_key, p.kabupaten_key, p.sintetis
FROM findings AS f
JOIN stg_pengiriman AS p USING (submission_id);

-- IKM per kecamatan, tahun: printed nilai_ikm beside the mean of the unsur x 25.
CREATE OR REPLACE VIEW v_ikm WITH (DEFER_BINDING) AS
WITH unsur AS (
    SELECT submission_id, count(*) AS jumlah_unsur, avg(nilai) AS rata_unsur
    FROM stg_ikm_unsur
    GROUP BY ALL
),
survei AS (
    SELECT
        submission_id,
        max(angka) FILTER (WHERE kolom = 'nilai_ikm') AS nilai_ikm,
        max(angka) FILTER (WHERE kolom = 'jumlah_responden') AS jumlah_responden,
        max(angka) FILTER (WHERE kolom = 'puas') AS puas,
        max(angka) FILTER (WHERE kolom = 'tidak_puas') AS tidak_puas
    FROM stg_ikm_survei
    GROUP BY ALL
)
SELECT
    p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah, p.tahun_laporan AS tahun,
    s.nilai_ikm AS ikm_tercetak,
    u.rata_unsur * 25 AS ikm_hitung,
    s.nilai_ikm - u.rata_unsur * 25 AS selisih,
    status_banding(s.nilai_ikm, u.rata_unsur * 25) AS status,
    mutu_ikm(s.nilai_ikm) AS mutu_tercetak,
    mutu_ikm(u.rata_unsur * 25) AS mutu_hitung,
    u.jumlah_unsur,
    u.jumlah_unsur = 9 AS unsur_lengkap,
    u.rata_unsur,
    CAST(s.jumlah_responden AS BIGINT) AS jumlah_responden,
    CAST(s.puas AS BIGINT) AS puas,
    CAST(s.tidak_puas AS BIGINT) AS tidak_puas,
    p.submission_id, p.kecamatan_key, p.kabupaten_key, p.sintetis
FROM stg_pengiriman AS p
LEFT JOIN unsur AS u USING (submission_id)
LEFT JOIN survei AS s USING (submission_id)
WHERE u.submission_id IS NOT NULL OR s.submission_id IS NOT NULL;

-- AKIP evaluation per kecamatan, report year and evaluation year: the printed nilai and
-- predikat beside the sum of the komponen and its predikat. `dipilih` as in v_tren_iku.
CREATE OR REPLACE VIEW v_akip WITH (DEFER_BINDING) AS
WITH komponen AS (
    SELECT
        submission_id, tahun,
        sum(nilai) AS nilai_hitung,
        sum(bobot) AS bobot_total,
        count(*) AS jumlah_komponen,
        count(*) FILTER (WHERE nilai > bobot) AS komponen_melebihi_bobot
    FROM stg_akip_komponen
    GROUP BY ALL
),
nilai AS (
    SELECT
        submission_id, tahun, any_value(nilai) AS nilai, any_value(nilai_desimal) AS nilai_desimal,
        any_value(predikat) AS predikat
    FROM stg_akip_nilai
    GROUP BY ALL
),
gabung AS (
    SELECT
        coalesce(n.submission_id, k.submission_id) AS submission_id,
        CAST(coalesce(n.tahun, k.tahun) AS INTEGER) AS tahun_penilaian,
        n.nilai, n.nilai_desimal, n.predikat, k.nilai_hitung, k.bobot_total, k.jumlah_komponen,
        k.komponen_melebihi_bobot
    FROM nilai AS n
    FULL OUTER JOIN komponen AS k ON n.submission_id = k.submission_id AND n.tahun = k.tahun
)
SELECT
    p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah, p.tahun_laporan AS tahun,
    g.tahun_penilaian,
    g.nilai AS nilai_tercetak,
    g.nilai_hitung,
    status_banding(g.nilai, g.nilai_hitung, desimal := g.nilai_desimal) AS status,
    g.predikat AS predikat_tercetak,
    predikat_akip(g.nilai) AS predikat_dari_nilai,
    predikat_akip(g.nilai_hitung) AS predikat_hitung,
    g.jumlah_komponen,
    g.bobot_total,
    g.komponen_melebihi_bobot,
    g.tahun_penilaian = p.tahun_laporan AS is_tahun_laporan,
    row_number() OVER (
        PARTITION BY p.kecamatan_key, g.tahun_penilaian
        ORDER BY g.tahun_penilaian = p.tahun_laporan DESC, p.tahun_laporan DESC, p.submission_id
    ) = 1 AS dipilih,
    p.submission_id, p.kecamatan_key, p.kabupaten_key, p.sintetis
FROM gabung AS g
JOIN stg_pengiriman AS p USING (submission_id);

-- One row per current submission: the headline figures of the consolidated report.
CREATE OR REPLACE VIEW v_ringkasan_kecamatan WITH (DEFER_BINDING) AS
WITH program AS (
    SELECT
        submission_id,
        CAST(sum(pagu) AS DECIMAL(18,2)) AS pagu_total,
        CAST(sum(realisasi_anggaran) AS DECIMAL(18,2)) AS realisasi_total,
        count(*) AS jumlah_program
    FROM stg_program_kegiatan
    WHERE tingkat = 'program'
    GROUP BY ALL
),
jumlah AS (
    SELECT
        submission_id,
        CAST(any_value(pagu) AS DECIMAL(18,2)) AS pagu_dinyatakan,
        CAST(any_value(realisasi_anggaran) AS DECIMAL(18,2)) AS realisasi_dinyatakan,
        any_value(persen_anggaran) AS serapan_tercetak
    FROM stg_program_kegiatan_total
    GROUP BY ALL
),
iku AS (
    SELECT
        submission_id,
        avg(capaian_hitung) AS rata_capaian,
        avg(capaian_tercetak) AS rata_capaian_tercetak,
        count(*) AS jumlah_indikator,
        count(*) FILTER (WHERE berbeda) AS capaian_berbeda
    FROM v_capaian_iku
    GROUP BY ALL
),
akip AS (
    SELECT submission_id, tahun_penilaian, nilai_tercetak, nilai_hitung, predikat_tercetak,
        predikat_hitung
    FROM v_akip
    WHERE tahun_penilaian <= tahun
    QUALIFY row_number() OVER (PARTITION BY submission_id ORDER BY tahun_penilaian DESC) = 1
),
temuan AS (
    SELECT
        submission_id,
        count(*) FILTER (WHERE severity = 'error') AS galat,
        count(*) FILTER (WHERE severity = 'warning') AS peringatan
    FROM findings
    GROUP BY ALL
)
SELECT
    p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah, p.tahun_laporan AS tahun,
    p.version,
    pr.jumlah_program,
    pr.pagu_total,
    pr.realisasi_total,
    serapan_persen(pr.pagu_total, pr.realisasi_total) AS serapan,
    j.serapan_tercetak,
    j.pagu_dinyatakan,
    j.realisasi_dinyatakan,
    i.jumlah_indikator,
    i.rata_capaian,
    i.rata_capaian_tercetak,
    rating_capaian(i.rata_capaian) AS rating,
    i.capaian_berbeda,
    ik.ikm_tercetak AS ikm,
    ik.ikm_hitung,
    ik.mutu_hitung AS mutu_ikm,
    a.tahun_penilaian AS akip_tahun,
    a.nilai_tercetak AS akip,
    a.nilai_hitung AS akip_hitung,
    a.predikat_tercetak AS akip_predikat,
    a.predikat_hitung AS akip_predikat_hitung,
    coalesce(t.galat, 0) AS error_count,
    coalesce(t.peringatan, 0) AS warning_count,
    CASE
        WHEN coalesce(t.galat, 0) > 0 THEN 'galat'
        WHEN coalesce(t.peringatan, 0) > 0 THEN 'peringatan'
        ELSE 'bersih'
    END AS status,
    p.sintetis,
    p.loaded_at,
    p.submission_id, p.kecamatan_key, p.kabupaten_key
FROM stg_pengiriman AS p
LEFT JOIN program AS pr USING (submission_id)
LEFT JOIN jumlah AS j USING (submission_id)
LEFT JOIN iku AS i USING (submission_id)
LEFT JOIN v_ikm AS ik USING (submission_id)
LEFT JOIN akip AS a USING (submission_id)
LEFT JOIN temuan AS t USING (submission_id);

-- Every version of every submission with what changed against the version before it.
CREATE OR REPLACE VIEW v_riwayat_pengiriman WITH (DEFER_BINDING) AS
SELECT
    provinsi, kabupaten, kecamatan, kode_wilayah, tahun,
    version,
    is_current,
    submission_id,
    lag(submission_id) OVER w AS versi_sebelumnya,
    superseded_by,
    superseded_at,
    loaded_at,
    lakip_version,
    path, format, sha256, bytes,
    baris,
    baris - lag(baris) OVER w AS selisih_baris,
    n_indikator,
    n_program,
    pagu_total,
    CAST(pagu_total - lag(pagu_total) OVER w AS DECIMAL(18,2)) AS selisih_pagu,
    realisasi_total,
    CAST(realisasi_total - lag(realisasi_total) OVER w AS DECIMAL(18,2)) AS selisih_realisasi,
    belanja_anggaran,
    belanja_realisasi,
    CAST(belanja_realisasi - lag(belanja_realisasi) OVER w AS DECIMAL(18,2))
        AS selisih_belanja_realisasi,
    error_count,
    error_count - lag(error_count) OVER w AS selisih_error,
    warning_count,
    warning_count - lag(warning_count) OVER w AS selisih_warning,
    sintetis,
    kecamatan_key,
    kunci_kabupaten(kecamatan_key, submission_id, sintetis) AS kabupaten_key
FROM submissions
WINDOW w AS (PARTITION BY coalesce(kecamatan_key, submission_id), tahun ORDER BY version);
