"""Stage 4, report: the warehouse views -> a static HTML site and an Excel workbook per year.

``reports/<tahun>/`` gets ``index.html`` (summary), ``capaian.html``, ``efisiensi.html``,
``anggaran.html``, ``tren.html``, ``kualitas.html``, one ``temuan/<kecamatan>.html`` per
submission and ``ringkasan.xlsx`` with the same tables. Everything is read from the
views (recomputed figures with the printed ones beside them) so every kecamatan is
measured the same way; see docs/reports.md for the pages, formulas and conventions.

Made-up data never passes for real: a page showing a submission marked ``sintetis``
carries a banner and marks the kecamatan's rows; the workbook does the same per sheet.
"""

from __future__ import annotations

import html
from pathlib import Path

import duckdb
import polars as pl

from pipeline import __version__
from pipeline.errors import LakipError
from pipeline.load import connect
from pipeline.reporting import anggaran, common, kinerja, kualitas, pengiriman, tren
from pipeline.reporting.html import (
    KATEGORI_LEGEND,
    NAV,
    NAV_FILES,
    RATING_LEGEND,
    legend,
    render_page,
)
from pipeline.reporting.model import Context, Page, ReportTable
from pipeline.reporting.text import t
from pipeline.reporting.xlsx import write_workbook
from schemas.text import both, known

PAGE_TABLES: dict[str, tuple[str, ...]] = {
    "index.html": ("ringkasan-kecamatan",),
    "capaian.html": ("capaian-kinerja",),
    "efisiensi.html": ("efisiensi-kecamatan", "efisiensi-program", "efisiensi-sasaran"),
    "anggaran.html": ("anggaran-kabupaten", "anggaran-jenis-belanja", "anggaran-program"),
    "tren.html": ("tren-ikm", "tren-akip", "peringkat-kecamatan", "pembanding-iku"),
    "kualitas.html": ("kualitas-data", "kualitas-aturan"),
}
"""The stable table ids of each page; a findings page ``temuan/<slug>.html`` has
``temuan-<slug>``. Tests and docs/reports.md rely on these."""
WORKBOOK = "ringkasan.xlsx"
FINDINGS_DIR = "temuan"


def report(
    warehouse: Path, reports_dir: Path, lang: str = "id", tahun: int | None = None
) -> list[Path]:
    """Write the site and workbook of every report year (or only ``tahun``); return the files.

    Raises :class:`~pipeline.errors.LakipError` when the warehouse is missing or holds no
    submission for the year asked.
    """
    if not known(lang):
        raise LakipError(both("report.unknown_lang", lang=repr(lang)))
    con = connect(Path(warehouse), read_only=True)
    try:
        years = report_years(con)
        if tahun is not None:
            if tahun not in years:
                raise LakipError(both("report.no_year", tahun=tahun, warehouse=warehouse))
            years = [tahun]
        loaded = con.execute("select count(*) from submissions").fetchone()
        if not years and loaded and loaded[0]:
            raise LakipError(both("report.no_readable_year", warehouse=warehouse, n=loaded[0]))
        if not years:
            raise LakipError(both("report.empty", warehouse=warehouse))
        written: list[Path] = []
        for year in years:
            written.extend(build_year(con, Path(reports_dir), year, lang))
        return written
    except duckdb.Error as exc:
        # e.g. a warehouse whose views predate this lakip: a load recreates them
        raise LakipError(both("report.unreadable", warehouse=warehouse, error=exc)) from exc
    finally:
        con.close()


def report_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Report years with at least one current submission, oldest first."""
    rows = con.execute(
        "SELECT DISTINCT tahun_laporan FROM stg_pengiriman WHERE tahun_laporan IS NOT NULL "
        "ORDER BY 1"
    ).fetchall()
    return [int(r[0]) for r in rows]


def context(con: duckdb.DuckDBPyConnection, tahun: int, lang: str) -> Context:
    """Who the year's report is about: one kabupaten by name, or how many."""
    rows = con.execute(
        "SELECT DISTINCT kabupaten FROM stg_pengiriman WHERE tahun_laporan = $tahun ORDER BY 1",
        {"tahun": tahun},
    ).fetchall()
    names = [r[0] for r in rows]
    if len(names) == 1:
        name = names[0] or "?"
        lower = name.lower()
        wilayah = name if lower.startswith(("kabupaten", "kota")) else f"Kabupaten {name}"
    else:
        wilayah = t("n_kabupaten", lang, n=len(names))
    return Context(tahun, lang, wilayah, len(names) > 1, __version__)


def build_tables(
    con: duckdb.DuckDBPyConnection, ctx: Context, kecamatan: pl.DataFrame
) -> dict[str, list[ReportTable]]:
    """Every table of the year, by page key."""
    return {
        "index": [kinerja.ringkasan(con, ctx)],
        "capaian": [kinerja.capaian(con, ctx)],
        "efisiensi": [
            kinerja.efisiensi_kecamatan(con, ctx),
            kinerja.efisiensi_program(con, ctx),
            kinerja.efisiensi_sasaran(con, ctx),
        ],
        "anggaran": [
            anggaran.kabupaten(con, ctx),
            anggaran.jenis(con, ctx),
            anggaran.program(con, ctx),
        ],
        "tren": [
            tren.ikm(con, ctx, kecamatan),
            tren.akip(con, ctx, kecamatan),
            tren.peringkat(con, ctx),
            tren.pembanding(con, ctx),
        ],
        "kualitas": [kualitas.kualitas(con, ctx, kecamatan), kualitas.aturan(con, ctx)],
    }


def build_year(
    con: duckdb.DuckDBPyConnection, reports_dir: Path, tahun: int, lang: str
) -> list[Path]:
    """Write ``reports_dir/<tahun>/``: the pages, the findings pages and the workbook."""
    ctx = context(con, tahun, lang)
    out = reports_dir / str(tahun)
    kecamatan = common.kecamatan_list(con, ctx)
    by_page = build_tables(con, ctx, kecamatan)
    pages = [_page(key, by_page[key], ctx, kecamatan) for key in NAV]
    findings_pages = []
    rows = kualitas.temuan_rows(con, ctx)
    for row in kecamatan.iter_rows(named=True):
        table = kualitas.temuan(
            con, ctx, submission_id=row["submission_id"], slug=row["slug"], rows=rows
        )
        name = row["_kec"]
        findings_pages.append(
            Page(
                file=f"{FINDINGS_DIR}/{row['slug']}.html",
                key="kualitas",
                title=t("page_temuan", lang, kecamatan=name),
                intro=t("intro_temuan", lang, kecamatan=name, tahun=tahun),
                tables=[table],
                extra_html=(
                    f'<p><a class="back" href="../{NAV_FILES["kualitas"]}">'
                    f"{html.escape(t('back_kualitas', lang))}</a></p>"
                ),
                kecamatan=1,
                sintetis_kecamatan=1 if row["_sintetis"] else 0,
            )
        )
    delivery = pengiriman.table(con, ctx)  # submission status: page + workbook sheet
    pages.append(pengiriman.page(delivery, ctx))
    pages[NAV.index("kualitas")].extra_html += pengiriman.link(ctx)
    written: list[Path] = []
    for page in [*pages, *findings_pages]:
        path = out / page.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(page, ctx), encoding="utf-8")
        written.append(path)
    _remove_stale(out / FINDINGS_DIR, {p for p in written if p.parent.name == FINDINGS_DIR})
    workbook_tables = [table for key in NAV for table in by_page[key]]
    workbook_tables.append(kualitas.temuan(con, ctx, rows=rows))
    workbook_tables.append(delivery)
    written.append(write_workbook(out / WORKBOOK, workbook_tables, ctx))
    return written


def _page(key: str, page_tables: list[ReportTable], ctx: Context, kecamatan: pl.DataFrame) -> Page:
    lang = ctx.lang
    shown, made_up = _shown(page_tables)
    intro_values: dict[str, object] = {"n": kecamatan.height, "tahun": ctx.tahun}
    intro = t(f"intro_{key}", lang, **intro_values)
    extra = ""
    if key == "index":
        extra = _index_extra(lang)
    elif key == "capaian":
        extra = legend(t("col_rating", lang), RATING_LEGEND, lang)
    elif key == "efisiensi":
        extra = legend(t("col_kategori", lang), KATEGORI_LEGEND, lang)
    return Page(
        file=NAV_FILES[key],
        key=key,
        title=t(f"page_{key}", lang),
        intro=intro,
        tables=page_tables,
        extra_html=extra,
        kecamatan=len(shown),
        sintetis_kecamatan=len(made_up),
    )


def _shown(page_tables: list[ReportTable]) -> tuple[set[str], set[str]]:
    """Submissions a page shows, and which of them are synthetic."""
    shown: set[str] = set()
    made_up: set[str] = set()
    for table in page_tables:
        frame = table.frame
        if "submission_id" not in frame.columns or frame.height == 0:
            continue
        ids = frame.filter(pl.col("submission_id").is_not_null())
        shown.update(ids["submission_id"].to_list())
        if "_sintetis" in frame.columns:
            made_up.update(ids.filter(pl.col("_sintetis"))["submission_id"].to_list())
    return shown, made_up


def _index_extra(lang: str) -> str:
    cards = []
    for key in NAV[1:]:
        cards.append(
            f'<a href="{NAV_FILES[key]}"><strong>{html.escape(t(f"page_{key}", lang))}</strong>'
            f"<span>{html.escape(t(f'card_{key}', lang))}</span></a>"
        )
    return (
        f'<div class="cards">{"".join(cards)}</div>'
        f'<p class="download"><a href="{WORKBOOK}">{html.escape(t("download_xlsx", lang))}</a></p>'
        + legend(t("col_rating", lang), RATING_LEGEND, lang)
        + legend(t("col_kategori", lang), KATEGORI_LEGEND, lang)
    )


def _remove_stale(folder: Path, keep: set[Path]) -> None:
    """Findings pages of kecamatan no longer in the year (a superseded or renamed one)."""
    if not folder.is_dir():
        return
    for path in folder.glob("*.html"):
        if path not in keep:
            path.unlink()
