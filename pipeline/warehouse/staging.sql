-- Staging layer: one view per raw table, current submissions only, identity joined in and
-- names cleaned once (tingkat_baku, indikator_kunci). Marts (views.sql) read only these.
-- `tahun_laporan` is the submission's report year; a sheet's own `tahun` column (tren_iku,
-- akip_*) keeps its name.
-- WITH (DEFER_BINDING): a view is bound when first queried, not on every write connection
-- (binding all of them took most of a load's fixed cost); tests bind every view.
-- GENERATED from schemas/contract.py by pipeline.load.staging_sql(); do not edit.
-- Regenerate: .venv/bin/python -c 'from pipeline.load import staging_sql as s; print(s(), end="")' > pipeline/warehouse/staging.sql

-- The submissions that feed every view: the current version of each kecamatan-tahun, plus
-- submissions without identity (keyed by submission_id alone).
CREATE OR REPLACE VIEW stg_pengiriman WITH (DEFER_BINDING) AS
SELECT
    submission_id,
    coalesce(kecamatan_key, submission_id) AS kecamatan_key,
    kunci_kabupaten(kecamatan_key, submission_id, sintetis) AS kabupaten_key,
    provinsi,
    kabupaten,
    kecamatan,
    kode_wilayah,
    kode_kabupaten,
    tahun AS tahun_laporan,
    version,
    sintetis,
    loaded_at
FROM submissions
WHERE is_current;

CREATE OR REPLACE VIEW stg_identitas WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_identitas AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_perjanjian_kinerja WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*,
    kunci_indikator(r.indikator) AS indikator_kunci
FROM raw_perjanjian_kinerja AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_anggaran_program WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_anggaran_program AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_rencana_belanja WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_rencana_belanja AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_capaian_iku WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*,
    kunci_indikator(r.indikator) AS indikator_kunci
FROM raw_capaian_iku AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_tren_iku WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*,
    kunci_indikator(r.indikator) AS indikator_kunci
FROM raw_tren_iku AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_kemajuan_renstra WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*,
    kunci_indikator(r.indikator) AS indikator_kunci
FROM raw_kemajuan_renstra AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_program_kegiatan WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.* REPLACE (tingkat_baku(r.tingkat) AS tingkat),
    kunci_indikator(r.indikator) AS indikator_kunci
FROM raw_program_kegiatan AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_realisasi_belanja WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_realisasi_belanja AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_ikm_unsur WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_ikm_unsur AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_ikm_survei WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_ikm_survei AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_akip_komponen WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_akip_komponen AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_akip_nilai WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_akip_nilai AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_efisiensi_sasaran WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*,
    kunci_indikator(r.indikator) AS indikator_kunci
FROM raw_efisiensi_sasaran AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_sdm WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_sdm AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_anggaran_program_total WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_anggaran_program_total AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_rencana_belanja_total WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_rencana_belanja_total AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_program_kegiatan_total WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_program_kegiatan_total AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_realisasi_belanja_total WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_realisasi_belanja_total AS r
JOIN stg_pengiriman AS p USING (submission_id);

CREATE OR REPLACE VIEW stg_sdm_total WITH (DEFER_BINDING) AS
SELECT
    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,
    p.kode_kabupaten, p.tahun_laporan, p.sintetis,
    r.*
FROM raw_sdm_total AS r
JOIN stg_pengiriman AS p USING (submission_id);
