-- lakip warehouse, core tables. Every statement is idempotent: it runs on every write
-- connection (pipeline.load.ensure_schema), before raw.sql, macros.sql, staging.sql, views.sql.
-- Money is DECIMAL(18,2), never DOUBLE. Logical keys are documented in docs/warehouse.md.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,           -- pipeline.load.SCHEMA_VERSION when applied
    applied_at TIMESTAMP NOT NULL,      -- UTC
    lakip_version VARCHAR,
    description VARCHAR
);

-- One row per file ever loaded (every version of every kecamatan-tahun).
CREATE TABLE IF NOT EXISTS submissions (
    submission_id VARCHAR PRIMARY KEY,  -- first 16 hex digits of sha256
    version INTEGER NOT NULL,           -- 1, 2, ... per (kecamatan_key, tahun)
    kecamatan_key VARCHAR,              -- kunci_kecamatan(provinsi, kabupaten, kecamatan); NULL without identity
    path VARCHAR,
    format VARCHAR,                     -- xlsx | csv
    sha256 VARCHAR NOT NULL UNIQUE,
    bytes BIGINT,
    provinsi VARCHAR,
    kabupaten VARCHAR,
    kecamatan VARCHAR,
    tahun INTEGER,                      -- report year, from identitas
    kode_wilayah VARCHAR,               -- Kemendagri kecamatan code, e.g. 12.19.01
    kode_kabupaten VARCHAR,             -- 12.19
    penanggung_jawab VARCHAR,
    nip VARCHAR,
    tanggal_laporan VARCHAR,
    sintetis BOOLEAN,                   -- synthetic test data, never a real report
    loaded_at TIMESTAMP NOT NULL,       -- UTC
    lakip_version VARCHAR,              -- the lakip that validated and loaded it
    reader_version INTEGER,             -- pipeline.ingest.READER_VERSION that read it; NULL: before 0.x recorded it
    is_current BOOLEAN NOT NULL,        -- false once a newer version of the same kecamatan-tahun loads
    superseded_by VARCHAR,              -- submission_id of that newer version
    superseded_at TIMESTAMP,
    baris BIGINT,                       -- detail rows over all raw_ tables
    baris_total BIGINT,                 -- declared JUMLAH/TOTAL rows
    n_indikator BIGINT,                 -- rows of capaian_iku
    n_program BIGINT,                   -- program rows of program_kegiatan
    pagu_total DECIMAL(18,2),           -- sum of program pagu (program_kegiatan)
    realisasi_total DECIMAL(18,2),      -- sum of program realisasi_anggaran
    belanja_anggaran DECIMAL(18,2),     -- sum of realisasi_belanja.anggaran
    belanja_realisasi DECIMAL(18,2),    -- sum of realisasi_belanja.realisasi
    error_count INTEGER,
    warning_count INTEGER
);

-- Detail and declared-total row counts per table of each submission.
CREATE TABLE IF NOT EXISTS submission_tables (
    submission_id VARCHAR NOT NULL,
    "table" VARCHAR NOT NULL,
    baris BIGINT NOT NULL,
    baris_total BIGINT NOT NULL
);

-- The kecamatan dimension: the latest names and codes seen for each identity.
CREATE TABLE IF NOT EXISTS kecamatan (
    kecamatan_key VARCHAR PRIMARY KEY,
    kode_wilayah VARCHAR,
    kode_kabupaten VARCHAR,
    provinsi VARCHAR,
    kabupaten VARCHAR,
    kecamatan VARCHAR,
    tahun_pertama INTEGER,
    tahun_terakhir INTEGER,
    updated_at TIMESTAMP
);

-- Where each column of each table sat in each submission: sheet!<letter><row> is a cell.
CREATE TABLE IF NOT EXISTS layout (
    submission_id VARCHAR NOT NULL,
    "table" VARCHAR NOT NULL,
    sheet VARCHAR,
    "column" VARCHAR NOT NULL,
    letter VARCHAR,
    header_row BIGINT                   -- the sheet's header row: sheet!<letter><header_row> is its label
);

-- Every finding of every stage (schemas/findings.py FINDING_SCHEMA), rendered in both languages.
CREATE TABLE IF NOT EXISTS findings (
    rule VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,          -- error | warning
    submission_id VARCHAR,
    "table" VARCHAR,
    sheet VARCHAR,
    cell VARCHAR,                       -- 'program_kegiatan!H12'
    "row" BIGINT,
    "column" VARCHAR,
    label VARCHAR,
    expected VARCHAR,
    found VARCHAR,
    detail VARCHAR,
    root VARCHAR,                       -- finding_id of the root cause
    finding_id VARCHAR,
    title_id VARCHAR,
    title_en VARCHAR,
    message_id VARCHAR,
    message_en VARCHAR,
    hint_id VARCHAR,
    hint_en VARCHAR,
    detail_key VARCHAR,                 -- the detail's text key (NULL: detail_id is raw text)
    detail_args VARCHAR[],              -- the values filled into it
    detail_id VARCHAR,                  -- the detail as the Indonesian findings files show it
    detail_en VARCHAR                   -- ... and the English ones
);
