-- The formulas of schemas/formulas.py (docs/domain-rules.md) as DuckDB macros, so every view
-- recomputes every kecamatan the same way. tests/test_warehouse.py checks each macro against
-- its Python twin on a grid of values (band edges, nulls, target 0): change both together.

-- Identity and matching keys ------------------------------------------------------------

-- Letters and digits only, lower case: 'Kec. Medang  Deras' and 'medang deras' compare equal.
CREATE OR REPLACE MACRO kunci_teks(x) AS
    regexp_replace(lower(trim(x)), '[^a-z0-9]+', '', 'g');

-- An indicator's name without parenthesised abbreviations: 'Indeks Kepuasan Masyarakat (IKM)'
-- and 'Indeks kepuasan masyarakat' are the same indicator across tables and years.
CREATE OR REPLACE MACRO kunci_indikator(x) AS
    kunci_teks(regexp_replace(x, '\([^)]*\)', '', 'g'));

-- The identity of a kecamatan: provinsi | kabupaten | kecamatan, normalised, with the words
-- 'kabupaten'/'kab.' and 'kecamatan'/'kec.' dropped ('Kota' is kept: Kota X is not Kabupaten X).
-- NULL when the kecamatan is missing: such a submission is keyed by its submission_id alone.
CREATE OR REPLACE MACRO kunci_kecamatan(provinsi, kabupaten, kecamatan) AS
    CASE WHEN kecamatan IS NULL OR kunci_teks(kecamatan) = '' THEN NULL
    ELSE coalesce(kunci_teks(provinsi), '')
        || '|' || coalesce(kunci_teks(regexp_replace(lower(kabupaten),
                   '^\s*(kabupaten|kab\.?)\s+', '')), '')
        || '|' || kunci_teks(regexp_replace(lower(kecamatan), '^\s*(kecamatan|kec\.?)\s+', ''))
    END;

-- The kabupaten of a submission: the first two parts of its kecamatan_key, plus '|sintetis' for
-- a synthetic one (so made-up kecamatan are never averaged or ranked with real ones); a file
-- without identity is its own group.
CREATE OR REPLACE MACRO kunci_kabupaten(kecamatan_key, submission_id, sintetis) AS
    CASE WHEN kecamatan_key IS NULL THEN submission_id
        ELSE split_part(kecamatan_key, '|', 1) || '|' || split_part(kecamatan_key, '|', 2)
            || CASE WHEN coalesce(sintetis, false) THEN '|sintetis' ELSE '' END
    END;

-- '12.19.01' -> '12.19'
CREATE OR REPLACE MACRO kode_kabupaten(kode) AS
    nullif(regexp_extract(kode, '^\s*(\d{2}\.\d{2})', 1), '');

-- 'Sub Kegiatan', 'sub-kegiatan', 'SUB_KEGIATAN' -> 'sub_kegiatan' (schemas/vocab.py TINGKAT;
-- tests/test_vocab.py checks they agree)
CREATE OR REPLACE MACRO tingkat_baku(t) AS
    CASE kunci_teks(t)
        WHEN 'program' THEN 'program'
        WHEN 'kegiatan' THEN 'kegiatan'
        WHEN 'subkegiatan' THEN 'sub_kegiatan'
        ELSE lower(trim(t))
    END;

-- 'Belanja Modal', 'BELANJA MODAL' -> '5.2': the APBD code of a spending type, recognised by
-- its word (schemas/vocab.py JENIS_BELANJA; tests/test_vocab.py checks they agree).
CREATE OR REPLACE MACRO kode_jenis_belanja(x) AS
    CASE
        WHEN kunci_teks(x) LIKE '%operasi%' THEN '5.1'
        WHEN kunci_teks(x) LIKE '%modal%' THEN '5.2'
        WHEN kunci_teks(x) LIKE '%tidakterduga%' THEN '5.3'
        WHEN kunci_teks(x) LIKE '%transfer%' THEN '5.4'
    END;

-- Where a value sat: 'program_kegiatan.csv!I12', from the layout table.
CREATE OR REPLACE MACRO sel(sid, tabel, kolom, baris) AS (
    SELECT l.sheet || '!' || l.letter || CAST(baris AS VARCHAR)
    FROM layout AS l
    WHERE l.submission_id = sid AND l."table" = tabel AND l."column" = kolom
    LIMIT 1
);

-- Formulas (schemas/formulas.py) --------------------------------------------------------

-- round_half_up: like a person with a calculator, 0.125 -> 0.13.
CREATE OR REPLACE MACRO bulat2(x) AS
    floor(abs(x * 100) + 0.5 + 1e-9) * sign(x * 100) / 100;

-- capaian: positif realisasi/target*100; negatif (2*target - realisasi)/target*100
-- (metode 'pengurangan', PermenPAN-RB 6/2022, the default of formulas.capaian);
-- NULL when target is 0 or either figure is missing.
CREATE OR REPLACE MACRO capaian_persen(target, realisasi, polaritas) AS
    CASE
        WHEN target IS NULL OR realisasi IS NULL OR target = 0 THEN NULL
        WHEN starts_with(lower(coalesce(polaritas, 'positif')), 'neg')
            THEN (2 * target - realisasi) / target * 100
        ELSE realisasi / target * 100
    END;

-- serapan: realisasi / pagu * 100 from exact money to a float percentage.
CREATE OR REPLACE MACRO serapan_persen(pagu, realisasi) AS
    CASE
        WHEN pagu IS NULL OR realisasi IS NULL OR pagu = 0 THEN NULL
        ELSE CAST(realisasi AS DOUBLE) / CAST(pagu AS DOUBLE) * 100
    END;

-- printed_decimals: fewest decimals (0..4) that reproduce a printed figure, 100 -> 0, 1.9 -> 1.
CREATE OR REPLACE MACRO desimal_tercetak(p) AS
    CASE
        WHEN p IS NULL THEN NULL
        WHEN abs(p - round(p)) < 1e-6 THEN 0
        WHEN abs(p * 10 - round(p * 10)) < 1e-6 * 10 THEN 1
        WHEN abs(p * 100 - round(p * 100)) < 1e-6 * 100 THEN 2
        WHEN abs(p * 1000 - round(p * 1000)) < 1e-6 * 1000 THEN 3
        ELSE 4
    END;

-- half-up rounding at d decimals (formulas._round_to)
CREATE OR REPLACE MACRO bulat_ke(x, d) AS
    floor(abs(x * pow(10.0, d)) + 0.5 + 1e-9) * sign(x * pow(10.0, d)) / pow(10.0, d);

-- compare_at_precision (truncation off): 'ok'; 'rounding' when the printed figure is within
-- one unit of the second decimal, or equals the recomputed one rounded half-up at the
-- (at most 2) decimals it is printed with (100 for 99,9967); else 'mismatch'. `desimal`
-- is how many decimals the kecamatan typed (raw `<column>_desimal`: '98,20' -> 2); when
-- NULL (an Excel number) the precision is read off the value.
CREATE OR REPLACE MACRO status_banding(tercetak, hitung, desimal := NULL) AS
    CASE
        WHEN tercetak IS NULL OR hitung IS NULL THEN NULL
        WHEN abs(tercetak - bulat2(hitung)) <= 1e-9 + 1e-7 THEN 'ok'
        WHEN abs(tercetak - bulat2(hitung)) <= 0.01 + 1e-7 THEN 'rounding'
        WHEN abs(
            tercetak
            - bulat_ke(hitung, least(coalesce(desimal, desimal_tercetak(tercetak)), 2))
        ) <= 1e-7
            THEN 'rounding'
        ELSE 'mismatch'
    END;

-- rating: Permendagri 86/2017 as half-open bands [91,inf) [76,91) [66,76) [51,66) (-inf,51).
CREATE OR REPLACE MACRO rating_capaian(c) AS
    CASE
        WHEN c IS NULL THEN NULL
        WHEN c >= 91 THEN 'Sangat Tinggi'
        WHEN c >= 76 THEN 'Tinggi'
        WHEN c >= 66 THEN 'Sedang'
        WHEN c >= 51 THEN 'Rendah'
        ELSE 'Sangat Rendah'
    END;

CREATE OR REPLACE MACRO rating_capaian_en(c) AS
    CASE
        WHEN c IS NULL THEN NULL
        WHEN c >= 91 THEN 'Very high'
        WHEN c >= 76 THEN 'High'
        WHEN c >= 66 THEN 'Medium'
        WHEN c >= 51 THEN 'Low'
        ELSE 'Very low'
    END;

-- efisiensi: capaian% - serapan% (variant 1 of domain-rules.md), one formula for everyone.
CREATE OR REPLACE MACRO efisiensi_selisih(capaian, serapan) AS capaian - serapan;

-- efisiensi_kategori: > +5 efisien, -5..+5 cukup efisien, < -5 tidak efisien.
CREATE OR REPLACE MACRO kategori_efisiensi(s) AS
    CASE
        WHEN s IS NULL THEN NULL
        WHEN s > 5 THEN 'Efisien'
        WHEN s >= -5 THEN 'Cukup efisien'
        ELSE 'Tidak efisien'
    END;

CREATE OR REPLACE MACRO kategori_efisiensi_en(s) AS
    CASE
        WHEN s IS NULL THEN NULL
        WHEN s > 5 THEN 'Efficient'
        WHEN s >= -5 THEN 'Fairly efficient'
        ELSE 'Not efficient'
    END;

-- akip_predikat (PermenPAN-RB 88/2021): >90 AA, >80 A, >70 BB, >60 B, >50 CC, >30 C, else D.
CREATE OR REPLACE MACRO predikat_akip(n) AS
    CASE
        WHEN n IS NULL THEN NULL
        WHEN n > 90 THEN 'AA'
        WHEN n > 80 THEN 'A'
        WHEN n > 70 THEN 'BB'
        WHEN n > 60 THEN 'B'
        WHEN n > 50 THEN 'CC'
        WHEN n > 30 THEN 'C'
        ELSE 'D'
    END;

-- ikm_mutu (PermenPAN-RB 14/2017) on the value rounded to 2 decimals:
-- A 88,31-100; B 76,61-88,30; C 65,00-76,60; D 25,00-64,99.
CREATE OR REPLACE MACRO mutu_ikm(n) AS
    CASE
        WHEN n IS NULL THEN NULL
        WHEN bulat2(n) >= 88.31 THEN 'A'
        WHEN bulat2(n) >= 76.61 THEN 'B'
        WHEN bulat2(n) >= 65.0 THEN 'C'
        WHEN bulat2(n) >= 25.0 THEN 'D'
        ELSE NULL
    END;
