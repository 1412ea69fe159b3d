"""Trend and comparison tables: IKM and AKIP over the years, ranking, IKU side by side."""

from __future__ import annotations

import duckdb
import polars as pl

from pipeline.reporting.common import (
    RATING_COLORS,
    SITUS,
    label_kecamatan,
    lang_col,
    query,
    source,
    subtitle,
)
from pipeline.reporting.model import Col, Context, Kind, ReportTable
from pipeline.reporting.text import t

TREN_TAHUN = 6
"""Years a trend shows: the report year and the five before it."""

_IKM_KUNCI = "indekskepuasanmasyarakat%"
"""indikator_kunci of the IKM indicator in the trend tables ('Indeks Kepuasan Masyarakat (IKM)')."""


def _years(ctx: Context) -> list[int]:
    return list(range(ctx.tahun - TREN_TAHUN + 1, ctx.tahun + 1))


def _series(
    con: duckdb.DuckDBPyConnection,
    ctx: Context,
    sql: str,
    kecamatan: pl.DataFrame,
    last: str,
) -> pl.DataFrame:
    """One row per kecamatan of the year, one column per year (``th_2025``), a list for
    the plot, and ``last`` (a column of ``sql``) of the report year's row."""
    years = _years(ctx)
    long = query(con, sql, tahun=ctx.tahun, dari=years[0])
    wide = kecamatan.select(
        "kecamatan_key",
        "kabupaten",
        "kecamatan",
        "kode_wilayah",
        "sintetis",
        "_kec",
        "_sintetis",
        "submission_id",
        "_situs",
    )
    for y in years:
        part = long.filter(pl.col("tahun_data") == y).select(
            "kecamatan_key", pl.col("nilai").alias(f"th_{y}")
        )
        wide = wide.join(part, on="kecamatan_key", how="left", maintain_order="left")
    now = long.filter(pl.col("tahun_data") == ctx.tahun).select("kecamatan_key", last)
    wide = wide.join(now, on="kecamatan_key", how="left", maintain_order="left")
    year_cols = [f"th_{y}" for y in years]
    return wide.with_columns(
        pl.concat_list([pl.col(c).cast(pl.Float64) for c in year_cols]).alias("tren")
    )


def ikm(con: duckdb.DuckDBPyConnection, ctx: Context, kecamatan: pl.DataFrame) -> ReportTable:
    lang = ctx.lang
    frame = _series(
        con,
        ctx,
        f"""
        WITH semua AS (
            SELECT kecamatan_key, tahun AS tahun_data, ikm_tercetak AS nilai,
                1 AS prioritas, tahun AS tahun_laporan
            FROM v_ikm
            WHERE tahun <= $tahun AND tahun >= $dari AND ikm_tercetak IS NOT NULL
            UNION ALL
            SELECT kecamatan_key, tahun AS tahun_data, realisasi AS nilai,
                2 AS prioritas, tahun_laporan
            FROM v_tren_iku
            WHERE indikator_kunci LIKE '{_IKM_KUNCI}' AND realisasi IS NOT NULL
                AND tahun_laporan <= $tahun AND tahun <= $tahun AND tahun >= $dari
        )
        SELECT kecamatan_key, tahun_data, nilai, mutu_ikm(nilai) AS mutu
        FROM semua
        QUALIFY row_number() OVER (
            PARTITION BY kecamatan_key, tahun_data ORDER BY prioritas, tahun_laporan DESC
        ) = 1
        """,
        kecamatan,
        "mutu",
    )
    return _tren_table(
        ctx,
        frame,
        id="tren-ikm",
        title=t("t_tren_ikm", lang),
        last=Col("mutu", f"{t('col_mutu', lang)} {ctx.tahun}", align="center"),
        formula=t("f_tren_ikm", lang),
        views="src_tren_ikm",
        sheet=f"{t('col_tren', lang)} IKM",
    )


def akip(con: duckdb.DuckDBPyConnection, ctx: Context, kecamatan: pl.DataFrame) -> ReportTable:
    lang = ctx.lang
    frame = _series(
        con,
        ctx,
        """
        WITH semua AS (
            SELECT kecamatan_key, tahun_penilaian AS tahun_data,
                coalesce(nilai_tercetak, nilai_hitung) AS nilai, 1 AS sumber,
                is_tahun_laporan, tahun AS tahun_laporan, submission_id
            FROM v_akip
            WHERE tahun <= $tahun AND tahun_penilaian <= $tahun AND tahun_penilaian >= $dari
                AND coalesce(nilai_tercetak, nilai_hitung) IS NOT NULL
            UNION ALL
            SELECT kecamatan_key, tahun AS tahun_data, realisasi AS nilai, 2 AS sumber,
                is_tahun_laporan, tahun_laporan, submission_id
            FROM v_tren_iku
            WHERE indikator_kunci LIKE '%akip%' AND realisasi IS NOT NULL
                AND tahun_laporan <= $tahun AND tahun <= $tahun AND tahun >= $dari
        )
        SELECT kecamatan_key, tahun_data, nilai, predikat_akip(nilai) AS predikat
        FROM semua
        QUALIFY row_number() OVER (
            PARTITION BY kecamatan_key, tahun_data
            ORDER BY sumber, is_tahun_laporan DESC, tahun_laporan DESC, submission_id
        ) = 1
        """,
        kecamatan,
        "predikat",
    )
    return _tren_table(
        ctx,
        frame,
        id="tren-akip",
        title=t("t_tren_akip", lang),
        last=Col("predikat", f"{t('col_predikat', lang)} {ctx.tahun}", align="center"),
        formula=t("f_tren_akip", lang),
        views="src_tren_akip",
        sheet=f"{t('col_tren', lang)} AKIP",
    )


def years(ctx: Context) -> list[int]:
    """The years a trend table or line chart shows, oldest first."""
    return _years(ctx)


def serapan(con: duckdb.DuckDBPyConnection, ctx: Context, kecamatan: pl.DataFrame) -> pl.DataFrame:
    """Serapan of each kecamatan of the year in each report year, wide like the trend tables.

    From each year's own report (the latest loaded version of it), so a line shows what was
    reported then; a year not loaded is a gap.
    """
    return _series(
        con,
        ctx,
        """
        SELECT kecamatan_key, tahun AS tahun_data, serapan AS nilai
        FROM v_ringkasan_kecamatan
        WHERE tahun <= $tahun AND tahun >= $dari AND serapan IS NOT NULL
        QUALIFY row_number() OVER (
            PARTITION BY kecamatan_key, tahun ORDER BY version DESC, submission_id
        ) = 1
        """,
        kecamatan,
        "nilai",
    )


def _tren_table(
    ctx: Context,
    frame: pl.DataFrame,
    *,
    id: str,
    title: str,
    last: Col,
    formula: str,
    views: str,
    sheet: str,
) -> ReportTable:
    lang = ctx.lang
    cols = [
        Col("kecamatan", t("col_kecamatan", lang), html=False),
        Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
        *[Col(f"th_{y}", str(y), Kind.NUMBER, spanner=t("year", lang)) for y in _years(ctx)],
        Col("tren", t("col_tren", lang), Kind.PLOT, excel=False, width="190px"),
        last,
    ]
    return ReportTable(
        id=id,
        title=title,
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=formula,
        source=source(views, lang),
        sheet=sheet,
        stub=["_kec"],
        stub_label=t("col_kecamatan", lang),
    )


def peringkat(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    """Kecamatan ranked by AKIP score, then IKM; only submissions without errors.

    Why not by capaian: capaian is measured against each kecamatan's own target, so a lower
    target ranks higher. AKIP (an external evaluation) and IKM (a survey on one scale) are
    the same measure for everyone. A submission with errors is listed below, unranked, with
    the reason: its figures are not reliable enough to be compared.
    """
    lang = ctx.lang
    frame = query(
        con,
        f"""
        WITH r AS (
            SELECT *, coalesce(akip, akip_hitung) AS nilai_akip,
                coalesce(error_count, 0) = 0 AS dinilai
            FROM v_ringkasan_kecamatan JOIN {SITUS} USING (submission_id)
            WHERE tahun = $tahun
        )
        SELECT kabupaten, kecamatan, kode_wilayah, sintetis, submission_id, _situs, dinilai,
            coalesce(error_count, 0) AS galat,
            CASE WHEN dinilai AND nilai_akip IS NOT NULL THEN
                rank() OVER (PARTITION BY _situs, kabupaten_key, dinilai
                    ORDER BY nilai_akip DESC NULLS LAST)
            END AS peringkat_akip,
            nilai_akip AS akip, predikat_akip(nilai_akip) AS predikat_akip,
            CASE WHEN dinilai AND ikm IS NOT NULL THEN
                rank() OVER (
                    PARTITION BY _situs, kabupaten_key, dinilai ORDER BY ikm DESC NULLS LAST
                )
            END AS peringkat_ikm,
            ikm, mutu_ikm(ikm) AS mutu_ikm,
            rata_capaian
        FROM r
        ORDER BY kabupaten NULLS LAST, dinilai DESC, peringkat_akip NULLS LAST,
            peringkat_ikm NULLS LAST, kode_wilayah NULLS LAST, kecamatan, submission_id
        """,
        tahun=ctx.tahun,
    )
    frame = label_kecamatan(frame, ctx).with_columns(
        pl.when(pl.col("dinilai"))
        .then(pl.lit(None, dtype=pl.String))
        .otherwise(pl.format(t("tidak_diperingkat", lang, n="{}"), pl.col("galat")))
        .alias("keterangan")
    )
    cols = [
        Col("peringkat_akip", t("col_peringkat_akip", lang), Kind.INTEGER, align="center"),
        Col("_kec", t("col_kecamatan", lang), excel=False),
        Col("kecamatan", t("col_kecamatan", lang), html=False),
        Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
        Col("akip", t("col_akip", lang), Kind.NUMBER),
        Col("predikat_akip", t("col_predikat", lang), align="center"),
        Col("peringkat_ikm", t("col_peringkat_ikm", lang), Kind.INTEGER, align="center"),
        Col("ikm", t("col_ikm", lang), Kind.NUMBER),
        Col("mutu_ikm", t("col_mutu", lang), align="center"),
        Col("rata_capaian", t("col_rata_capaian", lang), Kind.PERCENT),
        Col("keterangan", t("col_keterangan", lang)),
    ]
    return ReportTable(
        id="peringkat-kecamatan",
        title=t("t_peringkat", lang, tahun=ctx.tahun),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_peringkat", lang),
        source=source("src_ringkasan", lang),
        sheet=t("col_peringkat", lang),
    )


def pembanding(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    lang = ctx.lang
    frame = query(
        con,
        f"""
        WITH kec AS (
            SELECT kecamatan_key, bool_or(coalesce(sintetis, false)) AS sintetis
            FROM stg_pengiriman
            WHERE tahun_laporan = $tahun
            GROUP BY ALL
        )
        , dasar AS (
            SELECT b.*, k.sintetis, m._situs,
                coalesce(s.error_count, 0) = 0 AND b.realisasi IS NOT NULL AS dinilai,
                coalesce(s.error_count, 0) AS galat,
                CASE WHEN c.polaritas = 'negatif' THEN -b.realisasi ELSE b.realisasi END AS ukuran
            FROM v_pembanding AS b
            JOIN kec AS k USING (kecamatan_key)
            JOIN {SITUS} AS m ON m.submission_id = b.submission_id
            LEFT JOIN v_ringkasan_kecamatan AS s
                ON s.submission_id = b.submission_id AND s.tahun = b.tahun
            LEFT JOIN (
                SELECT submission_id, indikator_kunci, any_value(polaritas) AS polaritas
                FROM v_capaian_iku GROUP BY ALL
            ) AS c ON c.submission_id = b.submission_id AND c.indikator_kunci = b.indikator_kunci
            WHERE b.tahun = $tahun
        )
        SELECT b.kabupaten, b.kecamatan, b.kode_wilayah, b.sintetis, b.submission_id, b._situs,
            b.indikator, b.target, b.realisasi, b.capaian_hitung, b.dinilai, b.galat,
            rating_capaian(b.capaian_hitung) AS rating,
            rating_capaian_en(b.capaian_hitung) AS rating_en,
            b.rata_capaian_kabupaten, b.selisih_rata_kabupaten,
            CASE WHEN b.dinilai THEN rank() OVER (
                PARTITION BY b._situs, b.kabupaten_key, b.indikator_kunci, b.dinilai
                ORDER BY b.ukuran DESC
            ) END AS peringkat,
            b.jumlah_kecamatan
        FROM dasar AS b
        ORDER BY b.kabupaten NULLS LAST, b.indikator, b.dinilai DESC, peringkat NULLS LAST,
            b.kode_wilayah NULLS LAST, b.kecamatan, b.submission_id
        """,
        tahun=ctx.tahun,
    )
    frame = label_kecamatan(frame, ctx).with_columns(
        pl.col(lang_col(lang, "rating", "rating_en")).alias("rating"),
        pl.coalesce(pl.col("indikator"), pl.lit("?")).alias("_indikator"),
        pl.when(pl.col("dinilai"))
        .then(pl.lit(None, dtype=pl.String))
        .when(pl.col("galat") > 0)
        .then(pl.format(t("tidak_diperingkat", lang, n="{}"), pl.col("galat")))
        .otherwise(pl.lit(t("tidak_diperingkat_kosong", lang)))
        .alias("keterangan"),
    )
    cols = [
        Col("indikator", t("col_indikator", lang), html=False),
        Col("kecamatan", t("col_kecamatan", lang), html=False),
        Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
        Col("peringkat", t("col_peringkat", lang), Kind.INTEGER),
        Col("jumlah_kecamatan", t("col_jumlah_pembanding", lang), Kind.INTEGER),
        Col("target", t("col_target", lang), Kind.MEASURE),
        Col("realisasi", t("col_realisasi", lang), Kind.MEASURE),
        Col("capaian_hitung", t("col_capaian", lang), Kind.PERCENT),
        Col("rating", t("col_rating", lang), Kind.LABEL, colors=RATING_COLORS),
        Col("rata_capaian_kabupaten", t("col_rata_kabupaten", lang), Kind.PERCENT),
        Col("selisih_rata_kabupaten", t("col_selisih_rata", lang), Kind.POINTS),
        Col("keterangan", t("col_keterangan", lang)),
    ]
    return ReportTable(
        id="pembanding-iku",
        title=t("t_pembanding", lang, tahun=ctx.tahun),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_pembanding", lang),
        source=source("src_capaian", lang),
        sheet=t("sheet_pembanding", lang),
        stub=["_indikator", "_kec"],
        stub_label=f"{t('col_indikator', lang)} / {t('col_kecamatan', lang)}",
    )
