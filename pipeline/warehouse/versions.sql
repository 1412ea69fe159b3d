-- Identity, version and supersession of every submission of one load transaction, set-based
-- (pipeline.load._load_chunk). Reads the registered frame _lakip_new (the new submissions, in
-- load order `_seq`: files known from an earlier warehouse by their old loaded_at, then batch
-- order = path order) and the submissions already in the warehouse.
--
-- A submission is identified when kunci_kecamatan(...) and tahun are both known. Within one
-- (kecamatan_key, tahun) the new submissions take versions max(version in the warehouse) + 1,
-- + 2, ... in `_seq` order; each is superseded by the next one of the same load, and only the
-- last stays current. `first_of_group` marks the one that supersedes the warehouse's current
-- version (pipeline/warehouse/supersede.sql). Unidentified submissions: version 1, current.
WITH incoming AS (
    SELECT
        submission_id,
        _seq,
        loaded_at,
        tahun,
        -- Made-up data never supersedes real data: a synthetic submission has a key of its own.
        -- A kode_wilayah that names another kecamatan than the name does (IDN001, kode_beda
        -- set by pipeline.load) leaves the identity unsure: the submission gets a key of its
        -- own, so it neither supersedes nor joins either kecamatan's history.
        kunci_kecamatan(provinsi, kabupaten, kecamatan)
            || CASE WHEN coalesce(kode_beda, false)
                THEN '|kode ' || regexp_replace(coalesce(kode_wilayah, ''), '\D', '', 'g')
                ELSE '' END
            || CASE WHEN coalesce(sintetis, false) THEN '|sintetis' ELSE '' END AS kecamatan_key,
        kode_kabupaten(kode_wilayah) AS kode_kabupaten
    FROM _lakip_new
),
identified AS (
    SELECT * FROM incoming WHERE kecamatan_key IS NOT NULL AND tahun IS NOT NULL
),
known AS (
    SELECT s.kecamatan_key, s.tahun, max(s.version) AS version
    FROM submissions AS s
    SEMI JOIN identified AS i ON s.kecamatan_key = i.kecamatan_key AND s.tahun = i.tahun
    GROUP BY ALL
),
ordered AS (
    SELECT
        i.submission_id,
        coalesce(k.version, 0) + row_number() OVER w AS version,
        row_number() OVER w = 1 AS first_of_group,
        lead(i.submission_id) OVER w AS superseded_by,
        lead(i.loaded_at) OVER w AS superseded_at
    FROM identified AS i
    LEFT JOIN known AS k ON i.kecamatan_key = k.kecamatan_key AND i.tahun = k.tahun
    WINDOW w AS (PARTITION BY i.kecamatan_key, i.tahun ORDER BY i._seq)
)
SELECT
    n.submission_id,
    n._seq,
    n.tahun,
    n.loaded_at,
    n.kecamatan_key,
    n.kode_kabupaten,
    CAST(coalesce(o.version, 1) AS INTEGER) AS version,
    o.superseded_by IS NULL AS is_current,
    o.superseded_by,
    CAST(o.superseded_at AS TIMESTAMP) AS superseded_at,
    coalesce(o.first_of_group, false) AS first_of_group
FROM incoming AS n
LEFT JOIN ordered AS o USING (submission_id)
ORDER BY n._seq;
