"""One site per kabupaten when a year holds several, and the year's index over them.

A year whose warehouse holds one kabupaten keeps the flat site ``reports/<tahun>/``. With
several, ``reports/<tahun>/index.html`` is :func:`index_table` (a row per kabupaten and kind
of data) and each kabupaten gets the complete site of one kabupaten under
``reports/<tahun>/<folder>/`` (:func:`sites` names the folders).

Each table of the year is queried once for all sites (:func:`site_map` tells each
submission's site, ``_situs``; ranks and totals partition by it) and each site takes its
rows: a site is the site a warehouse holding only that kabupaten would give.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import polars as pl

from pipeline.reporting.common import SITUS, query, slugify, source
from pipeline.reporting.model import Col, Context, Kind, ReportTable
from pipeline.reporting.ringkasan import against_list
from pipeline.reporting.text import t


def site_key(alias: str = "") -> str:
    """Which site a submission belongs to (SQL): its Kemendagri kabupaten code (``12.19``,
    from its kode wilayah), else its kabupaten's name. Real and synthetic kecamatan of one
    kabupaten share the site (its pages mark the synthetic ones, as a flat site does)."""
    a = f"{alias}." if alias else ""
    return f"coalesce({a}kode_kabupaten, 'nama:' || lower(trim(coalesce({a}kabupaten, '?'))))"


_CODE = re.compile(r"\d{2}\.\d{2}")
_RESERVED = {"index", "kecamatan", "temuan"}


def sites(con: duckdb.DuckDBPyConnection, tahun: int) -> pl.DataFrame:
    """The year's kabupaten: ``situs`` (key), ``kode``, ``kabupaten``, ``provinsi`` and a
    ``folder`` that is safe in a path and a URL and unique within the year.

    The folder is the Kemendagri code (``12.19``) when the submissions carry one, known to
    the national list or not; else ``kab-<slug of the name>``.
    """
    frame = query(
        con,
        f"""
        SELECT {site_key()} AS situs, min(kode_kabupaten) AS kode,
            min(kabupaten) AS kabupaten, min(provinsi) AS provinsi  -- deterministic
        FROM stg_pengiriman WHERE tahun_laporan = $tahun
        GROUP BY 1 ORDER BY kode NULLS LAST, kabupaten NULLS LAST, situs
        """,
        tahun=tahun,
    )
    folders: list[str] = []
    for kode, name in zip(frame["kode"].to_list(), frame["kabupaten"].to_list(), strict=True):
        base = kode if kode and _CODE.fullmatch(kode) else f"kab-{slugify(name or '')[:40]}"
        folder, n = base, 2
        while folder in folders or folder in _RESERVED:
            folder, n = f"{base}-{n}", n + 1
        folders.append(folder)
    return frame.with_columns(pl.Series("folder", folders, dtype=pl.String))


@contextmanager
def site_map(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """While open, the temporary table ``common.SITUS`` says which site each submission (of
    every year, current or superseded) belongs to; every table of a year is then queried
    once for all its sites and split by ``_situs`` (report.py), instead of once per site.

    Why not a query per site: each query costs a few milliseconds whatever its size and
    reads views computed for the whole warehouse; 514 sites x 20 queries was most of a
    national report's time (docs/performance.md). Ranks and totals partition by ``_situs``;
    the views themselves partition by submission, kecamatan or kabupaten, never across
    kabupaten, so a site's rows are the rows a warehouse of that kabupaten alone gives.
    """
    db = str(con.execute("SELECT current_database()").fetchall()[0][0])
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {SITUS} AS SELECT submission_id, {site_key()} AS _situs "
        f'FROM "{db}".main.submissions'
    )
    try:
        yield
    finally:
        con.execute(f"DROP TABLE IF EXISTS temp.main.{SITUS}")


def index_table(con: duckdb.DuckDBPyConnection, ctx: Context, folders: pl.DataFrame) -> ReportTable:
    """A row per kabupaten and kind of data (official, synthetic), linking to its site, and a
    total per kind: synthetic kecamatan are never summed with real ones.

    The figures are the kabupaten headline's (``ringkasan.headline``): sums in SQL over
    ``v_ringkasan_kecamatan``, kecamatan counted by state and against the national list.
    """
    lang = ctx.lang
    sums = """
            CAST(sum(r.pagu_total) AS DECIMAL(18,2)) AS pagu,
            CAST(sum(r.realisasi_total) AS DECIMAL(18,2)) AS realisasi,
            serapan_persen(sum(r.pagu_total), sum(r.realisasi_total)) AS serapan,
            avg(r.rata_capaian) AS rata_capaian,
            count(*) AS masuk,
            count(*) FILTER (WHERE coalesce(r.error_count, 0) = 0
                AND coalesce(r.warning_count, 0) = 0) AS bersih,
            count(*) FILTER (WHERE coalesce(r.error_count, 0) = 0
                AND coalesce(r.warning_count, 0) > 0) AS peringatan,
            count(*) FILTER (WHERE coalesce(r.error_count, 0) > 0) AS galat"""
    rows = query(
        con,
        f"""
        SELECT {site_key("p")} AS situs,
            coalesce(r.sintetis, false) AS sintetis, {sums},
            list(DISTINCT r.kode_wilayah) FILTER (WHERE r.kode_wilayah IS NOT NULL
                AND coalesce(r.kecamatan_key, '') NOT LIKE '%|kode %') AS kode_masuk
        FROM v_ringkasan_kecamatan r JOIN stg_pengiriman p USING (submission_id)
        WHERE r.tahun = $tahun
        GROUP BY ALL
        """,
        tahun=ctx.tahun,
    )
    frame = (
        folders.join(rows, on="situs", how="inner")
        .with_columns(
            pl.col("kabupaten").fill_null("?").str.to_lowercase().alias("nama_kab"),
            pl.col("kode").alias("kode_kab"),
        )
        .pipe(against_list)
        .drop("kode_kab")
        .with_columns(
            pl.col("kabupaten").fill_null("?").alias("_kec"),
            (pl.col("folder") + "/index.html").alias("_profil"),
            pl.col("sintetis").alias("_sintetis"),
            pl.lit(False).alias("_total"),
        )
        .sort("kode", "kabupaten", "sintetis", nulls_last=True)
    )
    totals = query(
        con,
        f"""
        SELECT coalesce(r.sintetis, false) AS sintetis, {sums}
        FROM v_ringkasan_kecamatan r WHERE r.tahun = $tahun
        GROUP BY ALL ORDER BY sintetis
        """,
        tahun=ctx.tahun,
    )
    known = pl.col("diharapkan").is_not_null().any()
    expected = frame.group_by("sintetis").agg(
        pl.when(known).then(pl.col(c).sum()).alias(c) for c in ("diharapkan", "belum_masuk")
    )
    totals = totals.join(expected, on="sintetis", how="left").with_columns(
        pl.when(pl.col("sintetis"))
        .then(pl.lit(t("total_sintetis", lang)))
        .otherwise(pl.lit(t("total_resmi", lang)))
        .alias("_kec"),
        pl.col("sintetis").alias("_sintetis"),
        pl.lit(True).alias("_total"),
    )
    frame = pl.concat([frame, totals], how="diagonal_relaxed")
    spanner = t("spanner_masuk", lang)
    cols = [
        Col("kabupaten", t("col_kabupaten", lang), html=False),
        Col("kode", t("col_kode_kabupaten", lang)),
        Col("provinsi", t("col_provinsi", lang)),
        Col("bersih", t("col_n_bersih", lang), Kind.INTEGER, spanner=spanner),
        Col("peringatan", t("col_n_peringatan", lang), Kind.INTEGER, spanner=spanner),
        Col("galat", t("col_n_galat", lang), Kind.INTEGER, spanner=spanner),
        Col("masuk", t("col_n_masuk", lang), Kind.INTEGER, spanner=spanner),
        Col("belum_masuk", t("col_n_belum", lang), Kind.INTEGER),
        Col("diharapkan", t("col_n_diharapkan", lang), Kind.INTEGER),
        Col("pagu", t("col_pagu", lang), Kind.MONEY),
        Col("realisasi", t("col_realisasi_anggaran", lang), Kind.MONEY),
        Col("serapan", t("col_serapan", lang), Kind.PERCENT),
        Col("rata_capaian", t("col_rata_capaian", lang), Kind.PERCENT),
        Col("sintetis", t("col_sintetis", lang), Kind.BOOL, html=False),
    ]
    return ReportTable(
        id="ringkasan-per-kabupaten",
        title=t("t_per_kabupaten", lang),
        subtitle=f"{ctx.wilayah} · {t('year', lang)} {ctx.tahun}",
        frame=frame,
        columns=cols,
        formula=t("f_per_kabupaten", lang),
        source=source("src_ringkasan_kabupaten", lang),
        sheet=t("t_per_kabupaten", lang),
        stub=["_kec"],
        stub_label=t("col_kabupaten", lang),
    )
