"""Budget tables: pagu, realisasi and serapan, exact sums in DuckDB (DECIMAL), never in Python."""

from __future__ import annotations

import duckdb
import polars as pl

from pipeline.reporting.common import (
    LEBIH_COLORS,
    SITUS,
    label_kecamatan,
    multi_kabupaten,
    query,
    source,
    subtitle,
)
from pipeline.reporting.model import Col, Context, Kind, ReportTable
from pipeline.reporting.text import t

PROGRAM_KECAMATAN: dict[str, str] = {
    "7.01.01": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    "7.01.02": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    "7.01.03": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
    "7.01.04": "Program Koordinasi Ketentraman dan Ketertiban Umum",
    "7.01.05": "Program Penyelenggaraan Urusan Pemerintahan Umum",
    "7.01.06": "Program Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Desa",
}
"""Kecamatan programs (Kepmendagri 050-5889/2021), for the kabupaten totals."""

JENIS_BELANJA: dict[str, str] = {
    "5.1": "Belanja Operasi",
    "5.2": "Belanja Modal",
    "5.3": "Belanja Tidak Terduga",
    "5.4": "Belanja Transfer",
}

# The program's standard code: its own code when it has one, else recognised by name
# (the sample prints no codes). Keyword order matters: "pemerintahan umum" before "desa".
_KODE_PROGRAM = r"""
    coalesce(
        nullif(regexp_extract(kode, '^\s*(\d+\.\d{2}\.\d{2})', 1), ''),
        CASE
            WHEN kunci_teks(nama) LIKE '%penunjang%' THEN '7.01.01'
            WHEN kunci_teks(nama) LIKE '%pelayananpublik%' THEN '7.01.02'
            WHEN kunci_teks(nama) LIKE '%pemberdayaan%' THEN '7.01.03'
            WHEN kunci_teks(nama) LIKE '%ketentraman%'
                OR kunci_teks(nama) LIKE '%ketenteraman%' THEN '7.01.04'
            WHEN kunci_teks(nama) LIKE '%pemerintahanumum%' THEN '7.01.05'
            WHEN kunci_teks(nama) LIKE '%pemerintahandesa%' THEN '7.01.06'
        END
    )"""


def _anggaran_cols(lang: str, first: list[Col]) -> list[Col]:
    return [
        *first,
        Col("pagu", t("col_pagu", lang), Kind.MONEY),
        Col("realisasi", t("col_realisasi_anggaran", lang), Kind.MONEY),
        Col("sisa", t("col_sisa", lang), Kind.MONEY),
        Col("serapan", t("col_serapan", lang), Kind.PERCENT),
        Col("serapan_bar", t("col_serapan_bar", lang), Kind.BAR, source="serapan", excel=False),
    ]


def kabupaten(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    lang = ctx.lang
    frame = query(
        con,
        f"""
        WITH baris AS (
            SELECT _situs, kabupaten, kecamatan_key, 1 AS kelompok, kode,
                upper(nama) AS nama_asli, pagu, realisasi
            FROM v_realisasi_anggaran JOIN {SITUS} USING (submission_id)
            WHERE tahun = $tahun AND sumber = 'realisasi_belanja'
            UNION ALL
            SELECT _situs, kabupaten, kecamatan_key, 2 AS kelompok,
                {_KODE_PROGRAM} AS kode, upper(nama) AS nama_asli, pagu, realisasi
            FROM v_realisasi_anggaran JOIN {SITUS} USING (submission_id)
            WHERE tahun = $tahun AND sumber = 'program_kegiatan' AND tingkat = 'program'
        ),
        kab AS (
            SELECT b.*, coalesce(p.sintetis, false) AS sintetis
            FROM baris AS b
            JOIN (SELECT kecamatan_key, bool_or(coalesce(sintetis, false)) AS sintetis
                  FROM stg_pengiriman WHERE tahun_laporan = $tahun GROUP BY ALL) AS p
                USING (kecamatan_key)
        ),
        rinci AS (
            SELECT _situs, kabupaten, kelompok, coalesce(kode, nama_asli) AS kunci,
                any_value(kode) AS kode, min(nama_asli) AS nama_asli,
                CAST(sum(pagu) AS DECIMAL(18,2)) AS pagu,
                CAST(sum(realisasi) AS DECIMAL(18,2)) AS realisasi,
                count(DISTINCT kecamatan_key) AS jumlah_kecamatan,
                bool_or(sintetis) AS sintetis,
                false AS is_total
            FROM kab
            GROUP BY _situs, kabupaten, kelompok, coalesce(kode, nama_asli)
        ),
        jumlah AS (
            SELECT _situs, kabupaten, kelompok, NULL AS kunci, NULL AS kode, NULL AS nama_asli,
                CAST(sum(pagu) AS DECIMAL(18,2)) AS pagu,
                CAST(sum(realisasi) AS DECIMAL(18,2)) AS realisasi,
                count(DISTINCT kecamatan_key) AS jumlah_kecamatan,
                bool_or(sintetis) AS sintetis,
                true AS is_total
            FROM kab
            GROUP BY _situs, kabupaten, kelompok
        )
        SELECT _situs, kabupaten, kelompok, kode, nama_asli, pagu, realisasi,
            CAST(pagu - realisasi AS DECIMAL(18,2)) AS sisa,
            serapan_persen(pagu, realisasi) AS serapan,
            jumlah_kecamatan, sintetis, is_total
        FROM (SELECT * FROM rinci UNION ALL BY NAME SELECT * FROM jumlah)
        ORDER BY kabupaten NULLS LAST, kelompok, is_total, kode NULLS LAST, nama_asli
        """,
        tahun=ctx.tahun,
    )
    names = PROGRAM_KECAMATAN | JENIS_BELANJA
    groups = {1: t("group_jenis", lang), 2: t("group_program", lang)}
    frame = frame.with_columns(
        pl.when(pl.col("is_total"))
        .then(pl.lit(t("total", lang)))
        .otherwise(pl.col("kode").replace_strict(names, default=None, return_dtype=pl.String))
        .fill_null(pl.col("nama_asli").str.to_titlecase())
        .alias("uraian"),
        pl.col("kelompok").replace_strict(groups, return_dtype=pl.String).alias("kelompok_nama"),
        pl.col("is_total").alias("_total"),
        pl.col("sintetis").fill_null(False).alias("_sintetis"),
    )
    frame = frame.with_columns(
        pl.when(multi_kabupaten(ctx))
        .then(pl.col("kabupaten").fill_null("?") + pl.lit(" · ") + pl.col("kelompok_nama"))
        .otherwise(pl.col("kelompok_nama"))
        .alias("_grup")
    )
    frame = frame.with_columns(pl.col("uraian").alias("_uraian"))
    cols = _anggaran_cols(
        lang,
        [
            Col("kabupaten", t("col_kabupaten", lang), html=False),
            Col("kelompok_nama", t("col_kelompok", lang), html=False),
            Col("kode", t("col_kode", lang)),
            Col("uraian", t("col_uraian", lang), html=False),
            Col("jumlah_kecamatan", t("col_jumlah_kecamatan", lang), Kind.INTEGER),
        ],
    )
    return ReportTable(
        id="anggaran-kabupaten",
        title=t("t_anggaran_kabupaten", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_anggaran", lang) + " " + t("f_anggaran_kabupaten", lang),
        source=source("src_anggaran", lang),
        sheet=t("sheet_anggaran_kabupaten", lang),
        stub=["_grup", "_uraian"],
        stub_label=t("col_uraian", lang),
    )


def _anggaran_kecamatan(con: duckdb.DuckDBPyConnection, ctx: Context, sumber: str) -> pl.DataFrame:
    """Rows of one source per kecamatan, each kecamatan closed by its exact 'Jumlah' row."""
    where = (
        "sumber = 'realisasi_belanja'"
        if sumber == "jenis"
        else ("sumber = 'program_kegiatan' AND tingkat = 'program'")
    )
    frame = query(
        con,
        f"""
        WITH rinci AS (
            -- over-spent kegiatan / sub_kegiatan under each program (program_row)
            SELECT submission_id, program_row, count(*) AS rinci_lebih
            FROM v_realisasi_anggaran
            WHERE tahun = $tahun AND sumber = 'program_kegiatan' AND tingkat <> 'program'
                AND lebih_salur
            GROUP BY ALL
        ),
        baris AS (
            SELECT a.kabupaten, a.kecamatan, a.kode_wilayah, p.sintetis, a.submission_id,
                a.kode, a.nama, a.pagu, a.realisasi, a.sisa, a.serapan_hitung AS serapan,
                a.serapan_tercetak, a.status, a.lebih_salur, a.sel_serapan, a."row",
                CASE WHEN a.sumber = 'program_kegiatan' THEN coalesce(r.rinci_lebih, 0) END
                    AS rinci_lebih,
                false AS is_total
            FROM v_realisasi_anggaran AS a
            JOIN stg_pengiriman AS p USING (submission_id)
            LEFT JOIN rinci AS r
                ON r.submission_id = a.submission_id AND r.program_row = a."row"
            WHERE a.tahun = $tahun AND {where}
        ),
        jumlah AS (
            SELECT kabupaten, kecamatan, kode_wilayah, any_value(sintetis) AS sintetis,
                submission_id,
                CAST(sum(pagu) AS DECIMAL(18,2)) AS pagu,
                CAST(sum(realisasi) AS DECIMAL(18,2)) AS realisasi,
                true AS is_total
            FROM baris
            GROUP BY kabupaten, kecamatan, kode_wilayah, submission_id
        )
        SELECT * REPLACE (
                CAST(pagu - realisasi AS DECIMAL(18,2)) AS sisa,
                serapan_persen(pagu, realisasi) AS serapan
            )
        FROM (
            SELECT * FROM baris
            UNION ALL BY NAME
            SELECT *, CAST(NULL AS DECIMAL(18,2)) AS sisa, CAST(NULL AS DOUBLE) AS serapan
            FROM jumlah
        ) JOIN {SITUS} USING (submission_id)
        ORDER BY kode_wilayah NULLS LAST, kecamatan NULLS LAST, submission_id, is_total,
            "row"
        """,
        tahun=ctx.tahun,
    )
    lang = ctx.lang
    return label_kecamatan(frame, ctx).with_columns(
        pl.when(pl.col("is_total"))
        .then(pl.lit(t("total", lang)))
        .otherwise(pl.coalesce(pl.col("nama"), pl.lit("?")))
        .alias("_uraian"),
        pl.col("is_total").alias("_total"),
        pl.when(pl.col("lebih_salur"))
        .then(pl.lit(t("mark_lebih", lang)))
        .when(pl.col("rinci_lebih").fill_null(0) > 0)
        .then(pl.lit(t("mark_rinci_lebih", lang)))
        .otherwise(None)
        .alias("catatan"),
    )


def _anggaran_kecamatan_cols(lang: str, nama: str) -> list[Col]:
    tercetak = t("spanner_tercetak", lang)
    program = nama == t("col_program", lang)
    return [
        *_anggaran_cols(
            lang,
            [
                Col("kecamatan", t("col_kecamatan", lang), html=False),
                Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
                # no column of dashes when no kecamatan printed a code
                Col("kode", t("col_kode", lang), html_when_any=True),
                Col("_uraian", nama, html=False),
            ],
        ),
        # the column only when it says something
        Col("catatan", t("col_catatan", lang), Kind.LABEL, colors=LEBIH_COLORS, html_when_any=True),
        *(
            [Col("rinci_lebih", t("col_rinci_lebih", lang), Kind.INTEGER, html=False)]
            if program
            else []
        ),
        Col("serapan_tercetak", t("col_serapan", lang), Kind.PERCENT, spanner=tercetak),
        Col("status", t("col_banding", lang), Kind.MARK, spanner=tercetak),
        Col("sel_serapan", t("col_sel", lang), spanner=tercetak),
    ]


def jenis(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    lang = ctx.lang
    frame = _anggaran_kecamatan(con, ctx, "jenis")
    return ReportTable(
        id="anggaran-jenis-belanja",
        title=t("t_anggaran_jenis", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=_anggaran_kecamatan_cols(lang, t("col_jenis_belanja", lang)),
        formula=t("f_anggaran", lang),
        source=source("src_realisasi_belanja", lang),
        sheet=t("sheet_anggaran_jenis", lang),
        stub=["_kec", "_uraian"],
        stub_label=f"{t('col_kecamatan', lang)} / {t('col_jenis_belanja', lang)}",
    )


def program(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    lang = ctx.lang
    frame = _anggaran_kecamatan(con, ctx, "program")
    return ReportTable(
        id="anggaran-program",
        title=t("t_anggaran_program", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=_anggaran_kecamatan_cols(lang, t("col_program", lang)),
        formula=t("f_anggaran", lang),
        source=source("src_program", lang),
        sheet=t("sheet_anggaran_program", lang),
        stub=["_kec", "_uraian"],
        stub_label=f"{t('col_kecamatan', lang)} / {t('col_program', lang)}",
    )
