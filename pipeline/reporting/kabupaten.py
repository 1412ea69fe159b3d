"""One site per kabupaten when a year holds several, and the year's index over them.

A year whose warehouse holds one kabupaten keeps the flat site ``reports/<tahun>/``. With
several, ``reports/<tahun>/index.html`` is :func:`index_table` (a row per kabupaten and kind
of data) and each kabupaten gets the complete site of one kabupaten under
``reports/<tahun>/<folder>/`` (:func:`sites` names the folders).

Why scoping by temporary views (:func:`scope`) rather than a filter in every table module:
each page module reads the views with ``WHERE tahun = $tahun`` and knows nothing of
kabupaten; shadowing every relation that has a ``submission_id`` with a temporary view
limited to the kabupaten's submissions (every year, for the trends) makes each module
build exactly the single-kabupaten site it builds today, ranks and means included.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import polars as pl

from pipeline.reporting.common import query, slugify, source
from pipeline.reporting.model import Col, Context, Kind, ReportTable
from pipeline.reporting.ringkasan import against_list
from pipeline.reporting.text import t


def site_key(alias: str = "") -> str:
    """Which site a submission belongs to (SQL): its Kemendagri kabupaten code (``12.19``,
    from its kode wilayah), else its kabupaten's name. Real and synthetic kecamatan of one
    kabupaten share the site (its pages mark the synthetic ones, as a flat site does)."""
    a = f"{alias}." if alias else ""
    return f"coalesce({a}kode_kabupaten, 'nama:' || lower(trim(coalesce({a}kabupaten, '?'))))"


SCOPE_TABLE = "_lakip_situs"
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


def _with_submission_id(con: duckdb.DuckDBPyConnection) -> tuple[str, list[str], set[str]]:
    """The database's name, its relations with a ``submission_id``, and which are views."""
    db = str(con.execute("SELECT current_database()").fetchall()[0][0])
    names = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT table_name FROM duckdb_columns() WHERE database_name = $db "
            "AND schema_name = 'main' AND column_name = 'submission_id' ORDER BY 1",
            {"db": db},
        ).fetchall()
    ]
    views = {
        r[0]
        for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE database_name = $db "
            "AND schema_name = 'main' AND NOT internal",
            {"db": db},
        ).fetchall()
    }
    return db, names, views & set(names)


def _whole(name: str) -> str:
    """The temporary table holding view ``name`` computed for the whole warehouse."""
    return f'"_lakip_semua_{name}"'


@contextmanager
def computed_once(con: duckdb.DuckDBPyConnection) -> Iterator[set[str]]:
    """While open, every view with a ``submission_id`` is also a temporary table computed
    once for the whole warehouse; :func:`scope` then filters those tables instead of
    computing the view stack again for each kabupaten (514 sites nationally).

    Exact because every window and aggregate of the views is partitioned by submission,
    kecamatan or kabupaten (``views.sql``), never across kabupaten: a view limited to one
    kabupaten's submissions equals the whole view limited to them.
    """
    db, _, views = _with_submission_id(con)
    try:
        for name in sorted(views):
            con.execute(
                f'CREATE OR REPLACE TEMP TABLE {_whole(name)} AS SELECT * FROM "{db}".main."{name}"'
            )
        yield views
    finally:
        for name in views:
            con.execute(f"DROP TABLE IF EXISTS temp.main.{_whole(name)}")


@contextmanager
def scope(
    con: duckdb.DuckDBPyConnection, situs: str, whole: set[str] | frozenset[str] = frozenset()
) -> Iterator[None]:
    """While open, every relation of the warehouse with a ``submission_id`` reads only the
    submissions (of every year) of one kabupaten: temporary views of the same names shadow
    them (DuckDB looks in ``temp`` first); dropped on exit. Views named in ``whole`` (from
    :func:`computed_once`) read their table computed once instead of the view stack."""
    db, names, _ = _with_submission_id(con)
    con.execute(
        f'CREATE OR REPLACE TEMP TABLE {SCOPE_TABLE} AS SELECT submission_id FROM "{db}".main.'
        f"submissions WHERE {site_key()} = $situs",
        {"situs": situs},
    )
    try:
        for name in names:
            source = f"temp.main.{_whole(name)}" if name in whole else f'"{db}".main."{name}"'
            con.execute(
                f'CREATE OR REPLACE TEMP VIEW "{name}" AS SELECT * FROM {source} '
                f"WHERE submission_id IN (SELECT submission_id FROM temp.main.{SCOPE_TABLE})"
            )
        yield
    finally:
        for name in names:
            con.execute(f'DROP VIEW IF EXISTS temp.main."{name}"')
        con.execute(f"DROP TABLE IF EXISTS temp.main.{SCOPE_TABLE}")


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
