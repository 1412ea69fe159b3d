"""The submission status of a year (``pengiriman.html`` and a ``Pengiriman`` sheet).

The same table as ``lakip status`` (:mod:`pipeline.status`), read from the warehouse:
every kecamatan the national reference expects for the year's kabupaten, with its state,
the versions loaded, the last load time and the file. Its texts live here (not in
``reporting.text``) so the page can be registered with a few lines in ``report.py``.
"""

from __future__ import annotations

import html

import duckdb
import polars as pl

from pipeline.reporting.model import Col, Context, Kind, Page, ReportTable
from pipeline.status import STATE_LABELS, received_from_warehouse, status_table

FILE = "pengiriman.html"
TABLE_ID = "pengiriman"

TEXT = {
    "id": {
        "page": "Pengiriman",
        "title": "Status pengiriman data per kecamatan",
        "intro": "Setiap kecamatan yang diharapkan menurut daftar wilayah Kemendagri untuk "
        "tahun {tahun}: {summary}. Status dari versi terakhir yang dimuat.",
        "formula": "belum masuk = tidak ada kiriman; tidak terbaca = berkas tidak dapat dibaca "
        "(ING001); galat = ada galat; hanya peringatan = tanpa galat; bersih = tanpa temuan.",
        "source": "submissions, findings (gudang data); daftar wilayah Kemendagri",
        "cols": ("Kode", "Kecamatan", "Kabupaten", "Status", "Galat", "Peringatan", "Versi",
                 "Terakhir dimuat", "Berkas"),
        "empty": "Tidak ada kecamatan yang diharapkan.",
        "link": "Status pengiriman: siapa yang belum mengirim atau berkasnya tidak terbaca",
    },
    "en": {
        "page": "Submissions",
        "title": "Submission status per kecamatan",
        "intro": "Every kecamatan the Kemendagri reference expects for {tahun}: {summary}. "
        "The state is that of the last version loaded.",
        "formula": "not received = nothing sent; unreadable = the file cannot be read (ING001); "
        "errors = has errors; warnings only = no error; clean = no finding.",
        "source": "submissions, findings (warehouse); Kemendagri reference of kecamatan",
        "cols": ("Code", "Kecamatan", "Kabupaten", "State", "Errors", "Warnings", "Versions",
                 "Last loaded", "File"),
        "empty": "No kecamatan expected.",
        "link": "Submission status: who has not sent, or sent an unreadable file",
    },
}  # fmt: skip
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


def _text(ctx: Context) -> dict:
    return TEXT["en" if ctx.lang == "en" else "id"]


def table(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    """The year's status table, built by :func:`pipeline.status.status_table`."""
    words = _text(ctx)
    states = status_table(received_from_warehouse(con, ctx.tahun), tahun=ctx.tahun)
    labels = STATE_LABELS["en" if ctx.lang == "en" else "id"]
    frame = states.with_columns(
        pl.col("status").replace_strict(labels, default=pl.col("status")),
        pl.col("terakhir_diterima").dt.strftime("%Y-%m-%d %H:%M").alias("terakhir_diterima"),
        pl.col("berkas").str.extract(r"([^/\\]+)[/\\]?$", 1).alias("berkas"),
        pl.col("kecamatan").alias("_kec"),
        pl.col("sintetis").alias("_sintetis"),
    )
    heads = words["cols"]
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
        title=words["title"],
        subtitle=f"{ctx.wilayah} · {ctx.tahun}",
        frame=frame,
        columns=cols,
        formula=words["formula"],
        source=words["source"],
        sheet=words["page"],
        stub=["_kec"],
        stub_label=heads[1],
        empty_text=words["empty"],
    )


def page(status: ReportTable, ctx: Context) -> Page:
    """``pengiriman.html``, shown under the data-quality tab of the navigation."""
    from pipeline.status import summary

    words = _text(ctx)
    frame = status.frame
    # the summary counts states; the frame holds them already localised
    back = {v: k for k, v in STATE_LABELS["en" if ctx.lang == "en" else "id"].items()}
    counted = frame.with_columns(pl.col("status").replace_strict(back, default=pl.col("status")))
    return Page(
        file=FILE,
        key="kualitas",
        title=words["page"],
        intro=words["intro"].format(tahun=ctx.tahun, summary=summary(counted, ctx.lang)),
        tables=[status],
        kecamatan=frame.height,
        sintetis_kecamatan=int(frame.get_column("_sintetis").sum()),
    )


def link(ctx: Context) -> str:
    """A link to the page, for the data-quality page (the navigation has fixed tabs)."""
    return f'<p class="download"><a href="{FILE}">{html.escape(_text(ctx)["link"])}</a></p>'
