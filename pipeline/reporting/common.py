"""What every report table shares: the query helper, the kecamatan label, the colours.

Every figure of the reports comes from SQL on the warehouse views (``v_*``, ``stg_*``);
Python only reshapes (pivots years, adds the kecamatan label) and never sums money.
Values bind as parameters (``$tahun``), never formatted into the SQL text. Where a view
lacks a column the report needs, the table modules compute it on top of the views with
the warehouse's own macros (``capaian_persen``, ``serapan_persen``, ``efisiensi_selisih``,
...), so the formula stays the one of :mod:`schemas.formulas`; docs/reports.md lists what
should move into the views.
"""

from __future__ import annotations

import re

import duckdb
import polars as pl

from pipeline.reporting.model import Context
from pipeline.reporting.text import t
from schemas.text import pick

RATING_COLORS: dict[str, tuple[str, str]] = {
    "Sangat Tinggi": ("#1b7837", "#ffffff"),
    "Tinggi": ("#a6dba0", "#00441b"),
    "Sedang": ("#fee08b", "#4d3800"),
    "Rendah": ("#fdae61", "#4d2000"),
    "Sangat Rendah": ("#c2271d", "#ffffff"),
}
RATING_COLORS |= {
    en: RATING_COLORS[idn]
    for idn, en in (
        ("Sangat Tinggi", "Very high"),
        ("Tinggi", "High"),
        ("Sedang", "Medium"),
        ("Rendah", "Low"),
        ("Sangat Rendah", "Very low"),
    )
}
KATEGORI_COLORS: dict[str, tuple[str, str]] = {
    "Efisien": ("#a6dba0", "#00441b"),
    "Cukup efisien": ("#f2f2f2", "#333333"),
    "Tidak efisien": ("#f4a582", "#4d1000"),
    "Efficient": ("#a6dba0", "#00441b"),
    "Fairly efficient": ("#f2f2f2", "#333333"),
    "Not efficient": ("#f4a582", "#4d1000"),
}
STATUS_COLORS: dict[str, tuple[str, str]] = {
    "bersih": ("#a6dba0", "#00441b"),
    "clean": ("#a6dba0", "#00441b"),
    "peringatan": ("#fee08b", "#4d3800"),
    "warnings": ("#fee08b", "#4d3800"),
    "warning": ("#fee08b", "#4d3800"),
    "galat": ("#f4a582", "#4d1000"),
    "errors": ("#f4a582", "#4d1000"),
    "error": ("#f4a582", "#4d1000"),
}
RENDAH_COLORS: dict[str, tuple[str, str]] = {
    "serapan rendah": ("#fdae61", "#4d2000"),
    "low absorption": ("#fdae61", "#4d2000"),
}
LEBIH_COLORS: dict[str, tuple[str, str]] = {
    "melebihi pagu": ("#c2271d", "#ffffff"),
    "over budget": ("#c2271d", "#ffffff"),
    "ada kegiatan melebihi pagu": ("#fee08b", "#4d3800"),
    "an activity over budget": ("#fee08b", "#4d3800"),
}


SITUS = "_lakip_situs"
"""A temporary table (``submission_id``, ``_situs``) while a year is reported: which
kabupaten site each submission (of every year) belongs to
(:func:`pipeline.reporting.kabupaten.site_map`). Every table of the year is queried once
for all sites, ranks and totals partitioned by ``_situs``, and each site takes its rows."""


def query(con: duckdb.DuckDBPyConnection, sql: str, **params: object) -> pl.DataFrame:
    """Run one SELECT with bound parameters into polars."""
    return con.sql(sql, params=params or None).pl()


def source(key: str, lang: str) -> str:
    """Where a table's figures come from, in the reader's words (the LKjIP tables, never
    the warehouse's view or column names; docs/reports.md maps them to the views)."""
    return t(key, lang)


def label_kecamatan(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """Add ``_kec`` (the kecamatan as shown) and ``_sintetis`` (never null)."""
    name = pl.coalesce(pl.col("kecamatan"), pl.lit("?"))
    if "kabupaten" in frame.columns:
        with_kab = name + pl.lit(" · ") + pl.coalesce(pl.col("kabupaten"), pl.lit("?"))
        name = pl.when(multi_kabupaten(ctx)).then(with_kab).otherwise(name)
    sintetis = pl.col("sintetis").fill_null(False) if "sintetis" in frame.columns else pl.lit(False)
    return frame.with_columns(name.alias("_kec"), sintetis.alias("_sintetis"))


def multi_kabupaten(ctx: Context) -> pl.Expr:
    """Whether a row's site names more than one kabupaten (its labels then name them)."""
    if ctx.multi_sites:
        return pl.col("_situs").is_in(sorted(ctx.multi_sites))
    return pl.lit(ctx.multi_kabupaten)


def subtitle(ctx: Context) -> str:
    return f"{ctx.wilayah} · {t('year', ctx.lang)} {ctx.tahun}"


def lang_col(lang: str, idn: str, en: str) -> str:
    return pick(lang, idn, en)


def kecamatan_list(con: duckdb.DuckDBPyConnection, ctx: Context) -> pl.DataFrame:
    """The year's current submissions, one per kecamatan, with their site (``_situs``) and
    a file slug unique within the site."""
    frame = query(
        con,
        f"""
        SELECT submission_id, kecamatan_key, provinsi, kabupaten, kecamatan, kode_wilayah,
            coalesce(sintetis, false) AS sintetis, _situs
        FROM stg_pengiriman JOIN {SITUS} USING (submission_id)
        WHERE tahun_laporan = $tahun
        ORDER BY kode_wilayah NULLS LAST, kecamatan NULLS LAST, submission_id
        """,
        tahun=ctx.tahun,
    )
    slugs: list[str] = []
    seen: dict[str, set[str]] = {}
    for sid, kode, name, situs in frame.select(
        "submission_id", "kode_wilayah", "kecamatan", "_situs"
    ).iter_rows():
        base = slugify(f"{kode or ''} {name or sid}")
        taken = seen.setdefault(situs, set())
        slug = base if base not in taken else f"{base}-{sid[:8]}"
        taken.add(slug)
        slugs.append(slug)
    return label_kecamatan(frame.with_columns(pl.Series("slug", slugs, dtype=pl.String)), ctx)


def slugify(text: str) -> str:
    """'12.19.01 Medang Deras' -> '12-19-01-medang-deras' (file names, anchors)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "kecamatan"
