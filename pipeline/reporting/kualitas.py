"""Data-quality tables: status and findings per kecamatan, findings per rule, the findings."""

from __future__ import annotations

import dataclasses

import duckdb
import polars as pl

from pipeline.reporting.common import (
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


def kualitas(con: duckdb.DuckDBPyConnection, ctx: Context, kecamatan: pl.DataFrame) -> ReportTable:
    lang = ctx.lang
    long = query(
        con,
        """
        SELECT submission_id, rule, severity, title_id, title_en, jumlah, status,
            galat_pengiriman AS galat, peringatan_pengiriman AS peringatan
        FROM v_kualitas_data
        WHERE tahun = $tahun
        ORDER BY rule
        """,
        tahun=ctx.tahun,
    )
    head = long.group_by("submission_id", maintain_order=True).agg(
        pl.col("status").first(), pl.col("galat").first(), pl.col("peringatan").first()
    )
    frame = kecamatan.join(head, on="submission_id", how="left", maintain_order="left")
    rules = long.filter(pl.col("rule").is_not_null())
    titles = dict(
        rules.select("rule", lang_col(lang, "title_id", "title_en")).unique("rule").iter_rows()
    )
    codes = sorted(titles)
    for code in codes:
        part = (
            rules.filter(pl.col("rule") == code)
            .group_by("submission_id")
            .agg(pl.col("jumlah").sum().alias(f"r_{code}"))
        )
        frame = frame.join(part, on="submission_id", how="left", maintain_order="left")
    frame = frame.with_columns(
        *[pl.col(f"r_{c}").fill_null(0) for c in codes],
        pl.col("galat").fill_null(0),
        pl.col("peringatan").fill_null(0),
        pl.col("status").fill_null("bersih"),
    ).with_columns(
        (pl.col("galat") + pl.col("peringatan")).alias("jumlah_temuan"),
        pl.col("status").replace_strict(
            {s: t(s, lang) for s in ("bersih", "peringatan", "galat")}, default=pl.col("status")
        ),
        (pl.lit("temuan/") + pl.col("slug") + pl.lit(".html")).alias("tautan"),
    )
    summary = (
        rules.with_columns(
            pl.format(
                "{} ({}): {}",
                pl.col(lang_col(lang, "title_id", "title_en")).fill_null(pl.col("rule")),
                pl.col("rule"),
                pl.col("jumlah").cast(pl.String),
            ).alias("_baris")
        )
        .group_by("submission_id", maintain_order=True)
        .agg(pl.col("_baris").str.join("; ").alias("aturan_dilanggar"))
    )
    frame = frame.join(summary, on="submission_id", how="left", maintain_order="left")
    frame = frame.with_columns(
        pl.when(pl.col("jumlah_temuan") > 0)
        .then(pl.format(t("lihat", lang, n="{}"), pl.col("jumlah_temuan").cast(pl.String)))
        .otherwise(pl.lit(t("lihat_bersih", lang)))
        .alias("lihat"),
        # a clean report's page exists, but "no findings" needs no link
        pl.when(pl.col("jumlah_temuan") > 0).then(pl.col("tautan")).alias("_href"),
    )
    aturan = t("spanner_aturan", lang)
    cols = [
        Col("kecamatan", t("col_kecamatan", lang), html=False),
        Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
        Col("status", t("col_status", lang), Kind.LABEL, colors=STATUS_COLORS),
        Col("galat", t("col_galat", lang), Kind.INTEGER),
        Col("peringatan", t("col_peringatan", lang), Kind.INTEGER),
        Col("lihat", t("col_lihat", lang), Kind.LINK, source="_href", excel=False),
        Col("aturan_dilanggar", t("col_aturan_dilanggar", lang), excel=False),
        # the workbook keeps one count column per rule, headed by its title and code
        *[
            Col(
                f"r_{c}",
                f"{titles[c]} ({c})" if titles[c] else c,
                Kind.INTEGER,
                spanner=aturan,
                html=False,
                blank_zero=True,
                when_nonzero=True,  # a site's workbook: the rules its kecamatan broke
            )
            for c in codes
        ],
        Col("tautan", t("col_lihat", lang), html=False),
    ]
    return ReportTable(
        id="kualitas-data",
        title=t("t_kualitas", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_kualitas", lang),
        source=source("src_kualitas", lang),
        sheet=t("page_kualitas", lang),
        stub=["_kec"],
        stub_label=t("col_kecamatan", lang),
    )


def aturan(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    lang = ctx.lang
    frame = query(
        con,
        f"""
        SELECT _situs, k.rule, k.severity, any_value(k.title_id) AS title_id,
            any_value(k.title_en) AS title_en,
            count(DISTINCT k.submission_id) AS jumlah_kecamatan,
            sum(k.jumlah) AS jumlah,
            bool_or(coalesce(p.sintetis, false)) AS sintetis
        FROM v_kualitas_data AS k
        JOIN stg_pengiriman AS p USING (submission_id)
        JOIN {SITUS} USING (submission_id)
        WHERE k.tahun = $tahun AND k.rule IS NOT NULL
        GROUP BY _situs, k.rule, k.severity
        ORDER BY _situs, k.severity, k.rule
        """,
        tahun=ctx.tahun,
    )
    frame = frame.with_columns(
        pl.format(
            "{} ({})", pl.col(lang_col(lang, "title_id", "title_en")).fill_null(""), pl.col("rule")
        ).alias("judul"),
        pl.col("severity").replace_strict(
            {"error": t("error", lang), "warning": t("warning", lang)},
            default=pl.col("severity"),
        ),
        pl.col("sintetis").fill_null(False).alias("_sintetis"),
    )
    cols = [
        Col("judul", t("col_aturan", lang)),
        Col("severity", t("col_tingkat", lang), Kind.LABEL, colors=STATUS_COLORS),
        Col("jumlah_kecamatan", t("col_jumlah_kecamatan", lang), Kind.INTEGER),
        Col("jumlah", t("col_jumlah_temuan", lang), Kind.INTEGER),
    ]
    return ReportTable(
        id="kualitas-aturan",
        title=t("t_aturan", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_kualitas", lang),
        source=source("src_kualitas", lang),
        sheet=t("t_aturan", lang),
    )


def temuan_rows(con: duckdb.DuckDBPyConnection, ctx: Context) -> pl.DataFrame:
    """Every finding of the year's current submissions, in page order."""
    return query(con, TEMUAN_SQL, tahun=ctx.tahun)


TEMUAN_SQL = f"""
    WITH judul AS (
        SELECT rule, any_value(title_id) AS title_id, any_value(title_en) AS title_en
        FROM v_kualitas_data
        WHERE rule IS NOT NULL
        GROUP BY rule
    )
    SELECT kabupaten, kecamatan, kode_wilayah, sintetis, submission_id, _situs,
        rule, j.title_id, j.title_en, severity, cell, label, expected, found,
        message_id, message_en, hint_id, hint_en, sheet, "row", finding_id
    FROM v_temuan
    JOIN {SITUS} USING (submission_id)
    LEFT JOIN judul AS j USING (rule)
    WHERE tahun = $tahun
    ORDER BY kode_wilayah NULLS LAST, kecamatan NULLS LAST, submission_id,
        severity, rule, sheet NULLS FIRST, "row" NULLS FIRST, cell, finding_id
"""
"""Findings of the year's current submissions, one by one (``v_temuan``)."""


def temuan(
    con: duckdb.DuckDBPyConnection,
    ctx: Context,
    *,
    submission_id: str | None = None,
    slug: str | None = None,
    rows: pl.DataFrame | None = None,
) -> ReportTable:
    """The findings of one submission (a kecamatan's page) or of all (the workbook sheet).

    ``rows``: the year's findings already read (:func:`temuan_rows`), so a page per
    kecamatan does not query the warehouse once per kecamatan.
    """
    lang = ctx.lang
    frame = temuan_rows(con, ctx) if rows is None else rows
    if submission_id is not None:
        frame = frame.filter(pl.col("submission_id") == submission_id)
    frame = label_kecamatan(frame, ctx).with_columns(
        pl.col(lang_col(lang, "message_id", "message_en")).alias("pesan"),
        pl.when(pl.col(lang_col(lang, "title_id", "title_en")).is_not_null())
        .then(pl.format("{} ({})", pl.col(lang_col(lang, "title_id", "title_en")), pl.col("rule")))
        .otherwise(pl.col("rule"))
        .alias("aturan"),
        pl.col(lang_col(lang, "hint_id", "hint_en")).alias("saran"),
        pl.col("severity").replace_strict(
            {"error": t("error", lang), "warning": t("warning", lang)},
            default=pl.col("severity"),
        ),
        pl.col("expected").alias("seharusnya"),
        pl.col("found").alias("tertulis"),
    )
    one = submission_id is not None
    if one:  # one kecamatan's page: its banner says whether it is made up, not every finding
        frame = frame.drop("_sintetis")
    cols = [
        Col("kecamatan", t("col_kecamatan", lang), html=not one),
        Col("kode_wilayah", t("col_kode_wilayah", lang), html=False),
        Col("aturan", t("col_aturan", lang)),
        Col("severity", t("col_tingkat", lang), Kind.LABEL, colors=STATUS_COLORS),
        Col("cell", t("col_sel", lang)),
        Col("label", t("col_tentang", lang)),
        Col("seharusnya", t("col_seharusnya", lang), Kind.FINDING),
        Col("tertulis", t("col_tertulis", lang), Kind.FINDING),
        Col("pesan", t("col_pesan", lang)),
        Col("saran", t("col_saran", lang)),
    ]
    return ReportTable(
        id=f"temuan-{slug}" if slug else "temuan",
        title=t("t_temuan", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_temuan", lang),
        source=source("src_kualitas", lang),
        sheet=t("col_temuan", lang),
        empty_text=t("no_findings", lang),
    )


def temuan_per_kecamatan(whole: ReportTable, kecamatan: pl.DataFrame) -> list[ReportTable]:
    """Each kecamatan's findings table (in ``kecamatan``'s order), as
    ``temuan(submission_id=..., slug=...)`` gives it, from ``whole``, the year's
    :func:`temuan` table.

    Why: a national year has 7,285 kecamatan; labelling the findings once and splitting
    them by submission is one pass instead of one filter of every finding per kecamatan.
    """
    frame = whole.frame.drop("_sintetis", "_situs", strict=False)
    parts = frame.partition_by("submission_id", as_dict=True, maintain_order=True)
    empty = frame.clear()
    columns = [
        dataclasses.replace(c, html=False) if c.name == "kecamatan" else c for c in whole.columns
    ]
    return [
        dataclasses.replace(
            whole, id=f"temuan-{slug}", frame=parts.get((sid,), empty), columns=columns
        )
        for sid, slug in zip(kecamatan["submission_id"], kecamatan["slug"], strict=True)
    ]
