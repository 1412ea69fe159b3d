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
    if ctx.multi_kabupaten and "kabupaten" in frame.columns:
        name = name + pl.lit(" · ") + pl.coalesce(pl.col("kabupaten"), pl.lit("?"))
    sintetis = pl.col("sintetis").fill_null(False) if "sintetis" in frame.columns else pl.lit(False)
    return frame.with_columns(name.alias("_kec"), sintetis.alias("_sintetis"))


def subtitle(ctx: Context) -> str:
    return f"{ctx.wilayah} · {t('year', ctx.lang)} {ctx.tahun}"


def lang_col(lang: str, idn: str, en: str) -> str:
    return pick(lang, idn, en)


def kecamatan_list(con: duckdb.DuckDBPyConnection, ctx: Context) -> pl.DataFrame:
    """The year's current submissions, one per kecamatan, with a unique file slug."""
    frame = query(
        con,
        """
        SELECT submission_id, kecamatan_key, provinsi, kabupaten, kecamatan, kode_wilayah,
            coalesce(sintetis, false) AS sintetis
        FROM stg_pengiriman
        WHERE tahun_laporan = $tahun
        ORDER BY kode_wilayah NULLS LAST, kecamatan NULLS LAST, submission_id
        """,
        tahun=ctx.tahun,
    )
    slugs: list[str] = []
    seen: set[str] = set()
    for row in frame.iter_rows(named=True):
        base = slugify(f"{row['kode_wilayah'] or ''} {row['kecamatan'] or row['submission_id']}")
        slug = base if base not in seen else f"{base}-{row['submission_id'][:8]}"
        seen.add(slug)
        slugs.append(slug)
    return label_kecamatan(frame.with_columns(pl.Series("slug", slugs, dtype=pl.String)), ctx)


def slugify(text: str) -> str:
    """'12.19.01 Medang Deras' -> '12-19-01-medang-deras' (file names, anchors)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "kecamatan"
