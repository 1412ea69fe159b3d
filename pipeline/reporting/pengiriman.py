"""The submission status of a year (``pengiriman.html`` and a ``Pengiriman`` sheet).

The same table as ``lakip status`` (:mod:`pipeline.status`), read from the warehouse:
every kecamatan the national reference expects for the year's kabupaten, with its state,
the versions loaded, the last load time and the file. Its texts are the ``pengiriman.*`` keys of
:mod:`schemas.text`, so the page can be registered with a few lines in ``report.py``.
"""

from __future__ import annotations

import html

import duckdb
import polars as pl

from pipeline.reporting.common import SITUS
from pipeline.reporting.model import Col, Context, Kind, Page, ReportTable
from pipeline.status import received_from_warehouse, state_labels, status_table
from schemas.text import t

FILE = "pengiriman.html"
TABLE_ID = "pengiriman"

_HEADS = ("kode", "kecamatan", "kabupaten", "status", "galat", "peringatan", "versi",
          "terakhir", "berkas")  # fmt: skip
"""The table's columns, each headed by ``pengiriman.head.<name>`` (schemas.text)."""
COLORS: dict[str, tuple[str, str]] = {
    "belum masuk": ("#d9d9d9", "#262626"),
    "not received": ("#d9d9d9", "#262626"),
    "tidak terbaca": ("#b2182b", "#ffffff"),
    "unreadable": ("#b2182b", "#ffffff"),
    "galat": ("#f4a582", "#4d1000"),
    "errors": ("#f4a582", "#4d1000"),
    "hanya peringatan": ("#fee08b", "#4d3800"),
    "warnings only": ("#fee08b", "#4d3800"),
    "bersih": ("#a6dba0", "#00441b"),
    "clean": ("#a6dba0", "#00441b"),
}


def _text(ctx: Context, key: str, **values: object) -> str:
    """The page's text ``pengiriman.<key>`` in the report's language."""
    return t(f"pengiriman.{key}", ctx.lang, **values)


def received(con: duckdb.DuckDBPyConnection, tahun: int) -> pl.DataFrame:
    """Every version loaded for the year (:func:`pipeline.status.received_from_warehouse`)
    with its site (``_situs``), read once for all the year's sites."""
    frame = received_from_warehouse(con, tahun)
    sites = con.sql(f"SELECT submission_id, _situs FROM {SITUS}").pl()
    return frame.join(sites, on="submission_id", how="left", maintain_order="left")


def table(received: pl.DataFrame, ctx: Context) -> ReportTable:
    """The status table of the versions ``received`` (one site's rows of :func:`received`),
    built by :func:`pipeline.status.status_table`."""
    states = status_table(received.drop("_situs", strict=False), tahun=ctx.tahun)
    labels = state_labels(ctx.lang)
    frame = states.with_columns(
        pl.col("status").replace_strict(labels, default=pl.col("status")),
        pl.col("terakhir_diterima").dt.strftime("%Y-%m-%d %H:%M").alias("terakhir_diterima"),
        pl.col("berkas").str.extract(r"([^/\\]+)[/\\]?$", 1).alias("berkas"),
        pl.col("kecamatan").alias("_kec"),
        pl.col("sintetis").alias("_sintetis"),
    )
    heads = [_text(ctx, f"head.{name}") for name in _HEADS]
    cols = [
        Col("kode_wilayah", heads[0]),
        Col("kecamatan", heads[1], html=False),
        *([Col("kabupaten", heads[2])] if ctx.multi_kabupaten else []),
        Col("status", heads[3], Kind.LABEL, colors=COLORS),
        Col("galat", heads[4], Kind.INTEGER),
        Col("peringatan", heads[5], Kind.INTEGER),
        Col("versi", heads[6], Kind.INTEGER),
        Col("terakhir_diterima", heads[7]),
        Col("berkas", heads[8]),
    ]
    return ReportTable(
        id=TABLE_ID,
        title=_text(ctx, "title"),
        subtitle=f"{ctx.wilayah} · {ctx.tahun}",
        frame=frame,
        columns=cols,
        formula=_text(ctx, "formula"),
        source=_text(ctx, "source"),
        sheet=_text(ctx, "page"),
        stub=["_kec"],
        stub_label=heads[1],
        empty_text=_text(ctx, "empty"),
    )


def page(status: ReportTable, ctx: Context) -> Page:
    """``pengiriman.html``, shown under the data-quality tab of the navigation."""
    from pipeline.status import summary

    frame = status.frame
    # the summary counts states; the frame holds them already localised
    back = {v: k for k, v in state_labels(ctx.lang).items()}
    counted = frame.with_columns(pl.col("status").replace_strict(back, default=pl.col("status")))
    return Page(
        file=FILE,
        key="kualitas",
        title=_text(ctx, "page"),
        intro=_text(ctx, "intro", tahun=ctx.tahun, summary=summary(counted, ctx.lang)),
        tables=[status],
        kecamatan=frame.height,
        sintetis_kecamatan=int(frame.get_column("_sintetis").sum()),
    )


def link(ctx: Context) -> str:
    """A link to the page, for the data-quality page (the navigation has fixed tabs)."""
    return f'<p class="download"><a href="{FILE}">{html.escape(_text(ctx, "link"))}</a></p>'
