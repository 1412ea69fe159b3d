"""Summary, capaian and efisiensi tables: performance recomputed beside what was printed."""

from __future__ import annotations

import duckdb
import polars as pl

from pipeline.reporting import fmt
from pipeline.reporting.common import (
    KATEGORI_COLORS,
    RATING_COLORS,
    RENDAH_COLORS,
    SITUS,
    STATUS_COLORS,
    label_kecamatan,
    lang_col,
    query,
    source,
    subtitle,
)
from pipeline.reporting.model import Col, Context, Kind, ReportTable
from pipeline.reporting.text import t

SERAPAN_RENDAH = 85.0
"""Serapan (%) below which a kecamatan is flagged as low absorption, whatever its efficiency
category: a high 'efficiency' from money left unspent is not a saving to praise."""


def _serapan_rendah(lang: str) -> pl.Expr:
    """'serapan rendah' where absorption is below SERAPAN_RENDAH, whatever the category."""
    return (
        pl.when(pl.col("serapan") < SERAPAN_RENDAH)
        .then(pl.lit(t("serapan_rendah", lang)))
        .otherwise(pl.lit(None, dtype=pl.String))
        .alias("catatan_serapan")
    )


def _rendah_note(lang: str) -> str:
    return t("f_serapan_rendah", lang, batas=fmt.percent(SERAPAN_RENDAH, lang=lang))


def ringkasan(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    lang = ctx.lang
    frame = query(
        con,
        f"""
        SELECT kabupaten, kecamatan, kode_wilayah, sintetis, submission_id, status,
            jumlah_indikator, rata_capaian,
            rating_capaian(rata_capaian) AS rating,
            rating_capaian_en(rata_capaian) AS rating_en,
            pagu_total, realisasi_total, serapan,
            efisiensi_selisih(rata_capaian, serapan) AS efisiensi,
            kategori_efisiensi(efisiensi_selisih(rata_capaian, serapan)) AS kategori,
            kategori_efisiensi_en(efisiensi_selisih(rata_capaian, serapan)) AS kategori_en,
            ikm, mutu_ikm(ikm) AS mutu_ikm,
            akip_tahun, coalesce(akip, akip_hitung) AS akip,
            predikat_akip(coalesce(akip, akip_hitung)) AS predikat_akip, _situs
        FROM v_ringkasan_kecamatan JOIN {SITUS} USING (submission_id)
        WHERE tahun = $tahun
        ORDER BY kode_wilayah NULLS LAST, kecamatan NULLS LAST, submission_id
        """,
        tahun=ctx.tahun,
    )
    frame = label_kecamatan(frame, ctx).with_columns(
        pl.col("status").replace_strict(
            {s: t(s, lang) for s in ("bersih", "peringatan", "galat")}, default=pl.col("status")
        ),
        pl.col(lang_col(lang, "rating", "rating_en")).alias("rating"),
        pl.col(lang_col(lang, "kategori", "kategori_en")).alias("kategori"),
        _serapan_rendah(lang),
    )
    if frame.height:
        # A total per kind of data (official, synthetic): made-up figures are never summed
        # with real ones. Exact money sums and serapan of the sums, in SQL like every figure.
        total = query(
            con,
            f"""
            SELECT _situs, coalesce(sintetis, false) AS sintetis,
                CAST(sum(pagu_total) AS DECIMAL(18,2)) AS pagu_total,
                CAST(sum(realisasi_total) AS DECIMAL(18,2)) AS realisasi_total,
                serapan_persen(sum(pagu_total), sum(realisasi_total)) AS serapan,
                avg(rata_capaian) AS rata_capaian,
                CAST(sum(jumlah_indikator) AS BIGINT) AS jumlah_indikator
            FROM v_ringkasan_kecamatan JOIN {SITUS} USING (submission_id)
            WHERE tahun = $tahun
            GROUP BY ALL ORDER BY _situs, sintetis
            """,
            tahun=ctx.tahun,
        )
        label = (
            pl.when(pl.len().over("_situs") == 1)
            .then(pl.lit(t("total", lang)))
            .when(pl.col("sintetis"))
            .then(pl.lit(t("total_sintetis", lang)))
            .otherwise(pl.lit(t("total_resmi", lang)))
        )
        total = total.with_columns(
            label.alias("_kec"),
            label.alias("kecamatan"),
            pl.lit(True).alias("_total"),
            pl.col("sintetis").alias("_sintetis"),
        )
        frame = pl.concat(
            [frame.with_columns(pl.lit(False).alias("_total")), total], how="diagonal_relaxed"
        )
    frame = frame.with_columns(  # one cell each on the page, two columns in the workbook
        pl.col("ikm").alias("ikm_mutu"), pl.col("akip").alias("akip_predikat")
    )
    cols = [
        Col("kecamatan", t("col_kecamatan", lang), html=False),
        Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
        Col("status", t("col_status", lang), Kind.LABEL, colors=STATUS_COLORS),
        Col("jumlah_indikator", t("col_jumlah_indikator", lang), Kind.INTEGER),
        Col("rata_capaian", t("col_rata_capaian", lang), Kind.PERCENT),
        Col("rating", t("col_rating", lang), Kind.LABEL, colors=RATING_COLORS),
        Col("pagu_total", t("col_pagu", lang), Kind.MONEY),
        Col("realisasi_total", t("col_realisasi_anggaran", lang), Kind.MONEY),
        Col("serapan", t("col_serapan", lang), Kind.PERCENT),
        Col("efisiensi", t("col_efisiensi", lang), Kind.POINTS),
        Col("kategori", t("col_kategori", lang), Kind.LABEL, colors=KATEGORI_COLORS),
        Col("catatan_serapan", t("col_catatan_serapan", lang), Kind.LABEL, colors=RENDAH_COLORS),
        Col("ikm", t("col_ikm", lang), Kind.NUMBER, html=False),
        Col("mutu_ikm", t("col_mutu", lang), align="center", html=False),
        Col("akip", t("col_akip", lang), Kind.NUMBER, html=False),
        Col("predikat_akip", t("col_predikat", lang), align="center", html=False),
        Col("ikm_mutu", t("col_ikm_mutu", lang), Kind.MEASURE, source="mutu_ikm", excel=False),
        Col(
            "akip_predikat",
            t("col_akip_predikat", lang),
            Kind.MEASURE,
            source="predikat_akip",
            excel=False,
        ),
    ]
    return ReportTable(
        id="ringkasan-kecamatan",
        title=t("t_ringkasan", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_ringkasan", lang) + " " + _rendah_note(lang),
        source=source("src_ringkasan", lang),
        sheet=t("page_index", lang),
        stub=["_kec"],
        stub_label=t("col_kecamatan", lang),
    )


# ---------------------------------------------------------------- capaian


def capaian(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    lang = ctx.lang
    frame = query(
        con,
        f"""
        SELECT c.kabupaten, c.kecamatan, c.kode_wilayah, p.sintetis, c.submission_id, _situs,
            c.no, c.sasaran_strategis, c.indikator, c.satuan, c.polaritas,
            c.target, c.target_predikat, c.realisasi, c.realisasi_predikat,
            c.capaian_hitung, c.rating, c.rating_en, c.capaian_tercetak, c.status,
            c.sel_capaian
        FROM v_capaian_iku AS c
        JOIN stg_pengiriman AS p USING (submission_id)
        JOIN {SITUS} USING (submission_id)
        WHERE c.tahun = $tahun
        ORDER BY c.kode_wilayah NULLS LAST, c.kecamatan NULLS LAST, c.submission_id,
            c.no NULLS LAST, c."row"
        """,
        tahun=ctx.tahun,
    )
    frame = label_kecamatan(frame, ctx).with_columns(
        pl.col(lang_col(lang, "rating", "rating_en")).alias("rating"),
        pl.col("polaritas").replace_strict(
            {"positif": t("positif", lang), "negatif": t("negatif", lang)},
            default=pl.col("polaritas"),
        ),
        pl.coalesce(pl.col("indikator"), pl.lit("?")).alias("_indikator"),
    )
    cols = [
        Col("kecamatan", t("col_kecamatan", lang), html=False),
        Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
        Col("no", t("col_no", lang), Kind.INTEGER, html=False),
        Col("sasaran_strategis", t("col_sasaran", lang), html=False),
        Col("indikator", t("col_indikator", lang), html=False),
        Col("satuan", t("col_satuan", lang), align="center"),
        Col("polaritas", t("col_polaritas", lang), align="center"),
        Col("target", t("col_target", lang), Kind.MEASURE, source="target_predikat"),
        Col("target_predikat", t("col_target_predikat", lang), html=False),
        Col("realisasi", t("col_realisasi", lang), Kind.MEASURE, source="realisasi_predikat"),
        Col("realisasi_predikat", t("col_realisasi_predikat", lang), html=False),
        Col(
            "capaian_hitung",
            t("col_capaian", lang),
            Kind.PERCENT,
            spanner=t("spanner_hitung", lang),
        ),
        Col(
            "rating",
            t("col_rating", lang),
            Kind.LABEL,
            spanner=t("spanner_hitung", lang),
            colors=RATING_COLORS,
        ),
        Col(
            "capaian_tercetak",
            t("col_capaian", lang),
            Kind.PERCENT,
            spanner=t("spanner_tercetak", lang),
        ),
        Col("status", t("col_banding", lang), Kind.MARK, spanner=t("spanner_tercetak", lang)),
        Col("sel_capaian", t("col_sel", lang), spanner=t("spanner_tercetak", lang)),
    ]
    return ReportTable(
        id="capaian-kinerja",
        title=t("t_capaian", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_capaian", lang) + " " + t("legend_rating", lang),
        source=source("src_capaian", lang),
        sheet=t("page_capaian", lang),
        stub=["_kec", "_indikator"],
        stub_label=f"{t('col_kecamatan', lang)} / {t('col_indikator', lang)}",
    )


# ---------------------------------------------------------------- efisiensi


def efisiensi_kecamatan(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    lang = ctx.lang
    frame = query(
        con,
        f"""
        WITH sasaran AS (
            SELECT submission_id, avg(tingkat_efisiensi) AS efisiensi_tercetak
            FROM stg_efisiensi_sasaran
            GROUP BY ALL
        )
        SELECT r.kabupaten, r.kecamatan, r.kode_wilayah, r.sintetis, r.submission_id, _situs,
            r.rata_capaian AS capaian, r.serapan,
            efisiensi_selisih(r.rata_capaian, r.serapan) AS efisiensi,
            kategori_efisiensi(efisiensi_selisih(r.rata_capaian, r.serapan)) AS kategori,
            kategori_efisiensi_en(efisiensi_selisih(r.rata_capaian, r.serapan)) AS kategori_en,
            r.rata_capaian_tercetak AS capaian_tercetak,
            r.serapan_tercetak,
            s.efisiensi_tercetak
        FROM v_ringkasan_kecamatan AS r
        LEFT JOIN sasaran AS s USING (submission_id)
        JOIN {SITUS} USING (submission_id)
        WHERE r.tahun = $tahun
        ORDER BY r.kode_wilayah NULLS LAST, r.kecamatan NULLS LAST, r.submission_id
        """,
        tahun=ctx.tahun,
    )
    frame = label_kecamatan(frame, ctx).with_columns(
        pl.col(lang_col(lang, "kategori", "kategori_en")).alias("kategori"), _serapan_rendah(lang)
    )
    hitung, tercetak = t("spanner_hitung", lang), t("spanner_tercetak", lang)
    cols = [
        Col("kecamatan", t("col_kecamatan", lang), html=False),
        Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
        Col("capaian", t("col_rata_capaian", lang), Kind.PERCENT, spanner=hitung),
        Col("serapan", t("col_serapan", lang), Kind.PERCENT, spanner=hitung),
        Col("efisiensi", t("col_efisiensi", lang), Kind.POINTS, spanner=hitung),
        Col(
            "kategori", t("col_kategori", lang), Kind.LABEL, spanner=hitung, colors=KATEGORI_COLORS
        ),
        Col(
            "catatan_serapan",
            t("col_catatan_serapan", lang),
            Kind.LABEL,
            spanner=hitung,
            colors=RENDAH_COLORS,
        ),
        Col(
            "capaian_tercetak", t("col_rata_capaian_tercetak", lang), Kind.PERCENT, spanner=tercetak
        ),
        Col("serapan_tercetak", t("col_serapan", lang), Kind.PERCENT, spanner=tercetak),
        Col(
            "efisiensi_tercetak",
            t("col_rata_efisiensi_tercetak", lang),
            Kind.NUMBER,
            spanner=tercetak,
        ),
    ]
    return ReportTable(
        id="efisiensi-kecamatan",
        title=t("t_efisiensi_kecamatan", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=" ".join(
            (t("f_efisiensi", lang), t("f_efisiensi_kecamatan", lang), _rendah_note(lang))
        ),
        source=source("src_efisiensi_kecamatan", lang),
        sheet=t("t_efisiensi_kecamatan", lang),
        stub=["_kec"],
        stub_label=t("col_kecamatan", lang),
    )


def efisiensi_program(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    lang = ctx.lang
    frame = query(
        con,
        f"""
        SELECT e.kabupaten, e.kecamatan, e.kode_wilayah, p.sintetis, e.submission_id, _situs,
            e.kode, e.program, e.indikator,
            e.capaian_hitung, e.serapan_hitung, e.efisiensi, e.kategori, e.kategori_en,
            e.capaian_tercetak, e.serapan_tercetak, e.efisiensi_tercetak, e.sel_efisiensi
        FROM v_efisiensi AS e
        JOIN stg_pengiriman AS p USING (submission_id)
        JOIN {SITUS} USING (submission_id)
        WHERE e.tahun = $tahun
        ORDER BY e.kode_wilayah NULLS LAST, e.kecamatan NULLS LAST, e.submission_id, e."row"
        """,
        tahun=ctx.tahun,
    )
    frame = label_kecamatan(frame, ctx).with_columns(
        pl.col(lang_col(lang, "kategori", "kategori_en")).alias("kategori"),
        pl.coalesce(pl.col("program"), pl.lit("?")).alias("_program"),
    )
    hitung, tercetak = t("spanner_hitung", lang), t("spanner_tercetak", lang)
    cols = [
        Col("kecamatan", t("col_kecamatan", lang), html=False),
        Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
        Col("kode", t("col_kode", lang), html_when_any=True),
        Col("program", t("col_program", lang), html=False),
        Col("indikator", t("col_indikator", lang)),
        Col("capaian_hitung", t("col_capaian_kinerja", lang), Kind.PERCENT, spanner=hitung),
        Col("serapan_hitung", t("col_serapan", lang), Kind.PERCENT, spanner=hitung),
        Col("efisiensi", t("col_efisiensi", lang), Kind.POINTS, spanner=hitung),
        Col(
            "kategori", t("col_kategori", lang), Kind.LABEL, spanner=hitung, colors=KATEGORI_COLORS
        ),
        Col("capaian_tercetak", t("col_capaian_kinerja", lang), Kind.PERCENT, spanner=tercetak),
        Col("serapan_tercetak", t("col_serapan", lang), Kind.PERCENT, spanner=tercetak),
        Col("efisiensi_tercetak", t("col_efisiensi", lang), Kind.NUMBER, spanner=tercetak),
        Col("sel_efisiensi", t("col_sel", lang), spanner=tercetak),
    ]
    return ReportTable(
        id="efisiensi-program",
        title=t("t_efisiensi_program", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_efisiensi", lang) + " " + t("f_efisiensi_program", lang),
        source=source("src_program", lang),
        sheet=t("t_efisiensi_program", lang),
        stub=["_kec", "_program"],
        stub_label=f"{t('col_kecamatan', lang)} / {t('col_program', lang)}",
    )


def efisiensi_sasaran(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    lang = ctx.lang
    frame = query(
        con,
        f"""
        WITH iku AS (
            SELECT submission_id, indikator_kunci, any_value(capaian_hitung) AS capaian_hitung
            FROM v_capaian_iku
            GROUP BY ALL
        )
        SELECT e.kabupaten, e.kecamatan, e.kode_wilayah, e.sintetis, e.submission_id, _situs,
            e.sasaran_strategis, e.indikator,
            i.capaian_hitung,
            e.persen_penyerapan AS serapan_tercetak,
            efisiensi_selisih(i.capaian_hitung, e.persen_penyerapan) AS efisiensi,
            kategori_efisiensi(efisiensi_selisih(i.capaian_hitung, e.persen_penyerapan))
                AS kategori,
            kategori_efisiensi_en(efisiensi_selisih(i.capaian_hitung, e.persen_penyerapan))
                AS kategori_en,
            e.persen_capaian AS capaian_tercetak,
            e.tingkat_efisiensi AS efisiensi_tercetak
        FROM stg_efisiensi_sasaran AS e
        LEFT JOIN iku AS i USING (submission_id, indikator_kunci)
        JOIN {SITUS} USING (submission_id)
        WHERE e.tahun_laporan = $tahun
        ORDER BY e.kode_wilayah NULLS LAST, e.kecamatan NULLS LAST, e.submission_id, e."row"
        """,
        tahun=ctx.tahun,
    )
    frame = label_kecamatan(frame, ctx).with_columns(
        pl.col(lang_col(lang, "kategori", "kategori_en")).alias("kategori"),
        pl.coalesce(pl.col("indikator"), pl.lit("?")).alias("_indikator"),
    )
    hitung, tercetak = t("spanner_rumus", lang), t("spanner_tercetak", lang)
    cols = [
        Col("kecamatan", t("col_kecamatan", lang), html=False),
        Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
        Col("sasaran_strategis", t("col_sasaran", lang)),
        Col("indikator", t("col_indikator", lang), html=False),
        Col("capaian_hitung", t("col_capaian_kinerja", lang), Kind.PERCENT, spanner=hitung),
        Col("serapan_tercetak", t("col_penyerapan_tercetak", lang), Kind.PERCENT, spanner=hitung),
        Col("efisiensi", t("col_efisiensi", lang), Kind.POINTS, spanner=hitung),
        Col(
            "kategori", t("col_kategori", lang), Kind.LABEL, spanner=hitung, colors=KATEGORI_COLORS
        ),
        Col("capaian_tercetak", t("col_capaian_kinerja", lang), Kind.PERCENT, spanner=tercetak),
        Col("efisiensi_tercetak", t("col_efisiensi", lang), Kind.NUMBER, spanner=tercetak),
    ]
    return ReportTable(
        id="efisiensi-sasaran",
        title=t("t_efisiensi_sasaran", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_efisiensi", lang) + " " + t("f_efisiensi_sasaran", lang),
        source=source("src_efisiensi_sasaran", lang),
        sheet=t("sheet_efisiensi_sasaran", lang),
        stub=["_kec", "_indikator"],
        stub_label=f"{t('col_kecamatan', lang)} / {t('col_indikator', lang)}",
    )
