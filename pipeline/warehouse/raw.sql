-- Raw layer: one table per sheet of the submission contract, every version kept.
-- GENERATED from schemas/contract.py by pipeline.load.raw_schema_sql(); do not edit.
-- Regenerate: .venv/bin/python -c 'from pipeline.load import raw_schema_sql as s; print(s(), end="")' > pipeline/warehouse/raw.sql

CREATE TABLE IF NOT EXISTS "raw_identitas" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "kolom" VARCHAR,
    "nilai" VARCHAR,
    "angka" DOUBLE
);

CREATE TABLE IF NOT EXISTS "raw_perjanjian_kinerja" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "sasaran_strategis" VARCHAR,
    "indikator" VARCHAR,
    "satuan" VARCHAR,
    "target" DOUBLE,
    "target_predikat" VARCHAR,
    "target_desimal" TINYINT,
    "polaritas" VARCHAR
);

CREATE TABLE IF NOT EXISTS "raw_anggaran_program" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "program" VARCHAR,
    "anggaran" DECIMAL(18,2),
    "keterangan" VARCHAR
);

CREATE TABLE IF NOT EXISTS "raw_rencana_belanja" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "jenis_belanja" VARCHAR,
    "anggaran" DECIMAL(18,2)
);

CREATE TABLE IF NOT EXISTS "raw_capaian_iku" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "sasaran_strategis" VARCHAR,
    "indikator" VARCHAR,
    "satuan" VARCHAR,
    "target" DOUBLE,
    "target_predikat" VARCHAR,
    "target_desimal" TINYINT,
    "realisasi" DOUBLE,
    "realisasi_predikat" VARCHAR,
    "realisasi_desimal" TINYINT,
    "capaian" DOUBLE,
    "capaian_desimal" TINYINT,
    "capaian_hitung" DOUBLE
);

CREATE TABLE IF NOT EXISTS "raw_tren_iku" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "indikator" VARCHAR,
    "satuan" VARCHAR,
    "tahun" BIGINT,
    "target" DOUBLE,
    "target_predikat" VARCHAR,
    "target_desimal" TINYINT,
    "realisasi" DOUBLE,
    "realisasi_predikat" VARCHAR,
    "realisasi_desimal" TINYINT,
    "capaian" DOUBLE,
    "capaian_desimal" TINYINT,
    "capaian_hitung" DOUBLE
);

CREATE TABLE IF NOT EXISTS "raw_kemajuan_renstra" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "indikator" VARCHAR,
    "realisasi" DOUBLE,
    "realisasi_predikat" VARCHAR,
    "realisasi_desimal" TINYINT,
    "target_akhir" DOUBLE,
    "target_akhir_predikat" VARCHAR,
    "target_akhir_desimal" TINYINT,
    "tahun_akhir" BIGINT,
    "tingkat_kemajuan" DOUBLE,
    "tingkat_kemajuan_desimal" TINYINT,
    "tingkat_kemajuan_hitung" DOUBLE
);

CREATE TABLE IF NOT EXISTS "raw_program_kegiatan" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "tingkat" VARCHAR,
    "kode" VARCHAR,
    "nama" VARCHAR,
    "indikator" VARCHAR,
    "satuan" VARCHAR,
    "target_kinerja" DOUBLE,
    "target_kinerja_predikat" VARCHAR,
    "target_kinerja_desimal" TINYINT,
    "pagu" DECIMAL(18,2),
    "realisasi_kinerja" DOUBLE,
    "realisasi_kinerja_predikat" VARCHAR,
    "realisasi_kinerja_desimal" TINYINT,
    "realisasi_anggaran" DECIMAL(18,2),
    "persen_kinerja" DOUBLE,
    "persen_kinerja_desimal" TINYINT,
    "persen_anggaran" DOUBLE,
    "persen_anggaran_desimal" TINYINT,
    "tingkat_efisiensi" DOUBLE,
    "tingkat_efisiensi_desimal" TINYINT,
    "persen_kinerja_hitung" DOUBLE,
    "persen_anggaran_hitung" DOUBLE,
    "tingkat_efisiensi_hitung" DOUBLE,
    "parent_row" BIGINT,
    "program_row" BIGINT
);

CREATE TABLE IF NOT EXISTS "raw_realisasi_belanja" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "jenis_belanja" VARCHAR,
    "anggaran" DECIMAL(18,2),
    "realisasi" DECIMAL(18,2),
    "persen" DOUBLE,
    "persen_desimal" TINYINT,
    "persen_hitung" DOUBLE
);

CREATE TABLE IF NOT EXISTS "raw_ikm_unsur" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "unsur" VARCHAR,
    "nilai" DOUBLE,
    "nilai_desimal" TINYINT
);

CREATE TABLE IF NOT EXISTS "raw_ikm_survei" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "kolom" VARCHAR,
    "nilai" VARCHAR,
    "angka" DOUBLE
);

CREATE TABLE IF NOT EXISTS "raw_akip_komponen" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "tahun" BIGINT,
    "komponen" VARCHAR,
    "bobot" DOUBLE,
    "bobot_desimal" TINYINT,
    "nilai" DOUBLE,
    "nilai_desimal" TINYINT
);

CREATE TABLE IF NOT EXISTS "raw_akip_nilai" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "tahun" BIGINT,
    "nilai" DOUBLE,
    "nilai_desimal" TINYINT,
    "predikat" VARCHAR,
    "nilai_hitung" DOUBLE,
    "predikat_hitung" VARCHAR
);

CREATE TABLE IF NOT EXISTS "raw_efisiensi_sasaran" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "sasaran_strategis" VARCHAR,
    "indikator" VARCHAR,
    "persen_capaian" DOUBLE,
    "persen_capaian_desimal" TINYINT,
    "persen_penyerapan" DOUBLE,
    "persen_penyerapan_desimal" TINYINT,
    "tingkat_efisiensi" DOUBLE,
    "tingkat_efisiensi_desimal" TINYINT,
    "tingkat_efisiensi_hitung" DOUBLE
);

CREATE TABLE IF NOT EXISTS "raw_sdm" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "kategori" VARCHAR,
    "uraian" VARCHAR,
    "jumlah" BIGINT,
    "persen" DOUBLE,
    "persen_desimal" TINYINT,
    "persen_hitung" DOUBLE
);

CREATE TABLE IF NOT EXISTS "raw_anggaran_program_total" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "program" VARCHAR,
    "anggaran" DECIMAL(18,2),
    "keterangan" VARCHAR,
    "no_hitung" BIGINT,
    "anggaran_hitung" DECIMAL(18,2)
);

CREATE TABLE IF NOT EXISTS "raw_rencana_belanja_total" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "jenis_belanja" VARCHAR,
    "anggaran" DECIMAL(18,2),
    "no_hitung" BIGINT,
    "anggaran_hitung" DECIMAL(18,2)
);

CREATE TABLE IF NOT EXISTS "raw_program_kegiatan_total" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "tingkat" VARCHAR,
    "kode" VARCHAR,
    "nama" VARCHAR,
    "indikator" VARCHAR,
    "satuan" VARCHAR,
    "target_kinerja" DOUBLE,
    "target_kinerja_predikat" VARCHAR,
    "target_kinerja_desimal" TINYINT,
    "pagu" DECIMAL(18,2),
    "realisasi_kinerja" DOUBLE,
    "realisasi_kinerja_predikat" VARCHAR,
    "realisasi_kinerja_desimal" TINYINT,
    "realisasi_anggaran" DECIMAL(18,2),
    "persen_kinerja" DOUBLE,
    "persen_kinerja_desimal" TINYINT,
    "persen_anggaran" DOUBLE,
    "persen_anggaran_desimal" TINYINT,
    "tingkat_efisiensi" DOUBLE,
    "tingkat_efisiensi_desimal" TINYINT,
    "pagu_hitung" DECIMAL(18,2),
    "realisasi_anggaran_hitung" DECIMAL(18,2),
    "persen_kinerja_hitung" DOUBLE,
    "persen_anggaran_hitung" DOUBLE,
    "tingkat_efisiensi_hitung" DOUBLE
);

CREATE TABLE IF NOT EXISTS "raw_realisasi_belanja_total" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "no" BIGINT,
    "jenis_belanja" VARCHAR,
    "anggaran" DECIMAL(18,2),
    "realisasi" DECIMAL(18,2),
    "persen" DOUBLE,
    "persen_desimal" TINYINT,
    "no_hitung" BIGINT,
    "anggaran_hitung" DECIMAL(18,2),
    "realisasi_hitung" DECIMAL(18,2),
    "persen_hitung" DOUBLE
);

CREATE TABLE IF NOT EXISTS "raw_sdm_total" (
    "submission_id" VARCHAR NOT NULL,
    "sheet" VARCHAR,
    "row" BIGINT,
    "kategori" VARCHAR,
    "uraian" VARCHAR,
    "jumlah" BIGINT,
    "persen" DOUBLE,
    "persen_desimal" TINYINT,
    "jumlah_hitung" BIGINT,
    "persen_hitung" DOUBLE
);

-- Cells of table sheets that are no value of a table row (pipeline.ingest.others):
-- titles, header cells outside the table's columns, notes, stray values. alasan says why.
CREATE TABLE IF NOT EXISTS raw_sel_lain (
    "submission_id" VARCHAR NOT NULL,
    "table" VARCHAR,
    "sheet" VARCHAR,
    "cell" VARCHAR,
    "row" BIGINT,
    "letter" VARCHAR,
    "nilai" VARCHAR,
    "alasan" VARCHAR
);
