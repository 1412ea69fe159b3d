-- The kecamatan dimension for every identified submission of one load transaction, one
-- statement (pipeline.load._load_chunk). _lakip_rows: the submission rows just inserted, with
-- their load order `_seq`. Several files of one kecamatan in a load fold into one row first
-- (ON CONFLICT may touch a row once per statement), with the same result as loading them one
-- after another: names of the last file, a code kept unless a later file gives one, the
-- first and last tahun, the last loaded_at.
INSERT INTO kecamatan AS k
SELECT
    kecamatan_key,
    arg_max(kode_wilayah, _seq),        -- skips NULL: the last code given
    arg_max(kode_kabupaten, _seq),
    arg_max_null(provinsi, _seq),       -- the last file's names, even NULL
    arg_max_null(kabupaten, _seq),
    arg_max_null(kecamatan, _seq),
    min(tahun),
    max(tahun),
    arg_max_null(loaded_at, _seq)
FROM _lakip_rows
WHERE kecamatan_key IS NOT NULL AND tahun IS NOT NULL
GROUP BY kecamatan_key
ON CONFLICT (kecamatan_key) DO UPDATE SET
    kode_wilayah = coalesce(excluded.kode_wilayah, k.kode_wilayah),
    kode_kabupaten = coalesce(excluded.kode_kabupaten, k.kode_kabupaten),
    provinsi = excluded.provinsi,
    kabupaten = excluded.kabupaten,
    kecamatan = excluded.kecamatan,
    tahun_pertama = least(k.tahun_pertama, excluded.tahun_pertama),
    tahun_terakhir = greatest(k.tahun_terakhir, excluded.tahun_terakhir),
    updated_at = excluded.updated_at;
