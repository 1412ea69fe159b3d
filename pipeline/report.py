"""Stage 4, report: the warehouse views -> a static HTML site and an Excel workbook per year.

``reports/<tahun>/`` gets ``index.html`` (summary), ``capaian.html``, ``efisiensi.html``,
``anggaran.html``, ``tren.html``, ``kualitas.html``, one ``temuan/<kecamatan>.html`` per
submission and ``ringkasan.xlsx`` with the same tables. A year of several kabupaten gets
that site once per kabupaten under ``reports/<tahun>/<kode>/`` and an index over them at
``reports/<tahun>/index.html`` (:mod:`pipeline.reporting.kabupaten`). Everything is read from the
views (recomputed figures with the printed ones beside them) so every kecamatan is
measured the same way; see docs/reports.md for the pages, formulas and conventions.

Made-up data never passes for real: a page showing a submission marked ``sintetis``
carries a banner and marks the kecamatan's rows; the workbook does the same per sheet.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import polars.selectors as cs

from pipeline import __version__, guard
from pipeline.errors import LakipError
from pipeline.load import connect
from pipeline.pool import end_with_parent, one_polars_thread, ready, start_deaf
from pipeline.reporting import (
    anggaran,
    charts,
    common,
    fmt,
    kabupaten,
    kinerja,
    kualitas,
    pengiriman,
    ringkasan,
    tren,
)
from pipeline.reporting.html import (
    KATEGORI_LEGEND,
    NAV,
    NAV_FILES,
    RATING_LEGEND,
    glossary,
    kabupaten_page,
    legend,
    render_page,
    template_text,
    years_page,
)
from pipeline.reporting.kinerja import SERAPAN_RENDAH
from pipeline.reporting.model import Col, Context, Page, ReportTable
from pipeline.reporting.text import t
from pipeline.reporting.xlsx import write_workbook
from pipeline.status import RECEIVED_SCHEMA
from schemas.text import both, known

PAGE_TABLES: dict[str, tuple[str, ...]] = {
    "index.html": ("ringkasan-kabupaten", "ringkasan-kecamatan"),
    "capaian.html": ("capaian-kinerja",),
    "efisiensi.html": ("efisiensi-kecamatan", "efisiensi-program", "efisiensi-sasaran"),
    "anggaran.html": ("anggaran-kabupaten", "anggaran-jenis-belanja", "anggaran-program"),
    "tren.html": ("tren-ikm", "tren-akip", "peringkat-kecamatan", "pembanding-iku"),
    "kualitas.html": ("kualitas-data", "kualitas-aturan"),
    "glosarium.html": (),
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
        guard.verify(con, Path(warehouse))  # damage anywhere is told, not published around
        if not guard.has_tables(con):
            raise LakipError(both("report.empty", warehouse=warehouse))
        years = report_years(con)
        if tahun is not None:
            if tahun not in years:
                raise LakipError(both("report.no_year", tahun=tahun, warehouse=warehouse))
            years = [tahun]
        loaded = con.execute("select count(*) from submissions").fetchall()[0]
        if not years and loaded and loaded[0]:
            raise LakipError(both("report.no_readable_year", warehouse=warehouse, n=loaded[0]))
        if not years:
            raise LakipError(both("report.empty", warehouse=warehouse))
        written: list[Path] = []
        for year in years:
            written.extend(build_year(con, Path(reports_dir), year, lang))
        counts = dict(
            con.execute(
                f"SELECT tahun_laporan, count(DISTINCT {kabupaten.site_key()}) "
                "FROM stg_pengiriman WHERE tahun_laporan IS NOT NULL GROUP BY 1"
            ).fetchall()
        )
        written.append(_write_years_page(Path(reports_dir), report_years(con), lang, counts))
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
    return _context([r[0] for r in rows], tahun, lang)


def _context(names: list[str | None], tahun: int, lang: str, nested: bool = False) -> Context:
    """The context of a site whose kecamatan name the kabupaten ``names``."""
    if len(names) == 1:
        name = names[0] or "?"
        lower = name.lower()
        wilayah = name if lower.startswith(("kabupaten", "kota")) else f"Kabupaten {name}"
    else:
        wilayah = t("n_kabupaten", lang, n=len(names))
    return Context(tahun, lang, wilayah, len(names) > 1, __version__, nested=nested)


def build_tables(
    con: duckdb.DuckDBPyConnection, ctx: Context, kecamatan: pl.DataFrame
) -> dict[str, list[ReportTable]]:
    """Every table of the year, by page key (every site's rows, ``_situs`` telling whose)."""
    return {
        "index": [ringkasan.headline(con, ctx), kinerja.ringkasan(con, ctx)],
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
        "glosarium": [],
    }


def _by_site(frame: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """A year's frame split by ``_situs`` (rows in their order, without the key)."""
    parts = frame.partition_by("_situs", as_dict=True, maintain_order=True, include_key=False)
    return {str(key[0]): part for key, part in parts.items()}


@dataclasses.dataclass
class Year:
    """Every table of a report year, queried once for all its sites and split by site.

    Why: a national year has 514 kabupaten sites; querying each site's tables (about 20
    queries of a few milliseconds each, over views computed for the whole warehouse) was
    most of the report's time. Each site now takes its rows from these frames
    (:meth:`ReportTable.for_site`); ranks and totals were partitioned by site in SQL.
    """

    ctx: Context  # the year's: labels of every site, no wilayah of its own
    kecamatan: dict[str, pl.DataFrame]  # site -> its kecamatan (submissions) of the year
    tables: dict[str, list[ReportTable]]  # page key -> the year's tables
    parts: dict[str, dict[str, pl.DataFrame]]  # table id -> site -> its rows
    profile_parts: dict[str, dict[str, pl.DataFrame]]  # table id -> submission -> its rows
    findings: dict[str, ReportTable]  # submission -> its findings table
    temuan: ReportTable  # every finding of the year (the workbook's sheet)
    temuan_parts: dict[str, pl.DataFrame]
    serapan: dict[str, pl.DataFrame]  # site -> serapan by year of its kecamatan
    received: dict[str, pl.DataFrame]  # site -> versions received (status table)

    @classmethod
    def build(cls, con: duckdb.DuckDBPyConnection, tahun: int, lang: str) -> Year:
        """Run the year's queries (``kabupaten.site_map`` must be open)."""
        ctx = Context(tahun, lang, "", False, __version__)
        kecamatan = common.kecamatan_list(con, ctx)
        names = kecamatan.group_by("_situs").agg(pl.col("kabupaten").n_unique().alias("n"))
        ctx = dataclasses.replace(
            ctx, multi_sites=frozenset(names.filter(pl.col("n") > 1)["_situs"].to_list())
        )
        kecamatan = common.label_kecamatan(kecamatan, ctx)
        tables = build_tables(con, ctx, kecamatan)
        by_id = {table.id: table for key in NAV for table in tables[key]}
        profile_parts = {
            tid: {
                str(key[0]): part
                for key, part in by_id[tid]
                .frame.drop("_situs")
                .partition_by("submission_id", as_dict=True)
                .items()
            }
            for _, tid in PROFILE_TABLES
        }
        _link_profiles(tables, kecamatan)
        rows = kualitas.temuan_rows(con, ctx)
        whole = kualitas.temuan(con, ctx, rows=rows)
        findings = dict(
            zip(
                kecamatan["submission_id"].to_list(),
                kualitas.temuan_per_kecamatan(whole, kecamatan),
                strict=True,
            )
        )
        received = pengiriman.received(con, tahun)
        return cls(
            ctx=ctx,
            kecamatan=_by_site(kecamatan),
            tables=tables,
            parts={tid: _by_site(table.frame) for tid, table in by_id.items()},
            profile_parts=profile_parts,
            findings=findings,
            temuan=whole,
            temuan_parts=_by_site(whole.frame),
            serapan=_by_site(tren.serapan(con, ctx, kecamatan)),
            received=_by_site(received.filter(pl.col("_situs").is_not_null())),
        )

    def site_tables(self, situs: str, ctx: Context) -> dict[str, list[ReportTable]]:
        """The site's tables, by page key, as a query of that site alone gives them."""
        sub = common.subtitle(ctx)
        return {
            key: [self._cut(table, self.parts[table.id], situs, sub) for table in tables]
            for key, tables in self.tables.items()
        }

    @staticmethod
    def _cut(
        table: ReportTable, parts: dict[str, pl.DataFrame], situs: str, sub: str
    ) -> ReportTable:
        frame = parts.get(situs)
        if frame is None:
            frame = table.frame.drop("_situs").clear()
        return table.for_site(frame, sub)


def build_year(
    con: duckdb.DuckDBPyConnection, reports_dir: Path, tahun: int, lang: str
) -> list[Path]:
    """Write ``reports_dir/<tahun>/``: the pages, the findings pages and the workbook of the
    year's kabupaten; with several, one such site per kabupaten under ``<tahun>/<kode>/``
    and an index over them (docs/reports.md, "One site per kabupaten").

    The year's tables are queried once (:class:`Year`) and cut per site. The whole year is
    built in one staging folder and swapped in at the end, so a failure in any kabupaten
    leaves the previous year whole.
    """
    out = reports_dir / str(tahun)
    reports_dir.mkdir(parents=True, exist_ok=True)
    places = kabupaten.sites(con, tahun)
    staging = Path(tempfile.mkdtemp(prefix=f".{tahun}-", dir=reports_dir))
    try:
        staging.chmod(0o755)  # mkdtemp's 0700 would hide the site from a web server
        with kabupaten.site_map(con):
            year = Year.build(con, tahun, lang)
        with _Renderer() as renderer:  # renders every site's pages while the next is built
            if places.height <= 1:
                situs = places["situs"][0] if places.height else ""
                names = build_site(year, situs, staging, out, renderer)
            else:
                names = [_write_kabupaten_index(con, tahun, lang, places, staging)]
                for place in places.iter_rows(named=True):
                    folder = place["folder"]
                    (staging / folder).mkdir()
                    site = build_site(
                        year, place["situs"], staging / folder, out / folder, renderer, nested=True
                    )
                    names.extend(f"{folder}/{name}" for name in site)
                    renderer.flush()
            renderer.close()
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out / name for name in names]


def _write_kabupaten_index(
    con: duckdb.DuckDBPyConnection, tahun: int, lang: str, places: pl.DataFrame, staging: Path
) -> str:
    """``<tahun>/index.html`` of a year with several kabupaten."""
    ctx = context(con, tahun, lang)
    table = kabupaten.index_table(con, ctx, places)
    rows = table.frame.filter(~pl.col("_total"))
    made_up = int(rows.filter(pl.col("_sintetis"))["masuk"].sum())
    text = kabupaten_page(table, ctx, int(rows["masuk"].sum()), made_up)
    (staging / "index.html").write_text(text, encoding="utf-8")
    return "index.html"


def build_site(
    year: Year,
    situs: str,
    site: Path,
    previous: Path,
    renderer: _Renderer,
    nested: bool = False,
) -> list[str]:
    """Write one kabupaten's (or a year's) site into ``site`` from the year's tables: the
    pages unchanged since the ``previous`` site copied from it; the other pages and the
    workbook are queued on ``renderer`` (rendered and written with the other sites', in its
    workers). Returns the file names, relative to ``site``."""
    tahun, lang = year.ctx.tahun, year.ctx.lang
    kecamatan = year.kecamatan.get(situs)
    if kecamatan is None:
        kecamatan = next(iter(year.kecamatan.values())).clear()
    names = kecamatan["kabupaten"].unique(maintain_order=True).to_list()
    ctx = _context(names, tahun, lang, nested)
    by_page = year.site_tables(situs, ctx)
    sub = common.subtitle(ctx)
    findings_pages = []
    for row in kecamatan.iter_rows(named=True):
        name = row["_kec"]
        table = dataclasses.replace(year.findings[row["submission_id"]], subtitle=sub)
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
    serapan = year.serapan.get(situs)
    trends = {
        "ikm": by_page["tren"][0].frame,
        "akip": by_page["tren"][1].frame,
        "serapan": by_page["tren"][0].frame.clear() if serapan is None else serapan,
    }
    profiles = _profiles(by_page, year.profile_parts, findings_pages, kecamatan, ctx, trends)
    pages = [_page(key, by_page[key], ctx, kecamatan) for key in NAV]
    pages[NAV.index("tren")].extra_html += _tren_charts(trends, ctx)
    received = year.received.get(situs)
    if received is None:
        received = pl.DataFrame(schema=RECEIVED_SCHEMA)
    delivery = pengiriman.table(received, ctx)  # submission status: page + workbook sheet
    delivery.frame = _link_by_kode(delivery.frame, kecamatan)
    pages.append(pengiriman.page(delivery, ctx))
    pages[NAV.index("kualitas")].extra_html += pengiriman.link(ctx)
    names = _plan_pages([*pages, *findings_pages, *profiles], ctx, site, previous, renderer)
    workbook_tables = [table for key in NAV for table in by_page[key]]
    workbook_tables.append(Year._cut(year.temuan, year.temuan_parts, situs, sub))
    workbook_tables.append(delivery)
    renderer.workbook(site / WORKBOOK, workbook_tables, ctx)
    names.append(WORKBOOK)
    return names


HASHES = ".sidik.json"
"""Beside a year's pages: the hash of each page's inputs, so a re-run renders only the pages
whose inputs changed and copies the others from the previous site."""


ROW_SEED = 0x6C616B6970
"""Seed of the row hashes of a large frame: fixed, so the same values give the same hash in
every run (polars only promises that within one version, and its version is part of every
page hash)."""

SMALL_FRAME = 2_000
"""Cells up to which a frame is hashed from its Python values: a site's frames are mostly a
few rows, where polars' fixed cost per call (tens of microseconds, more on a busy machine)
is most of the work; larger frames are hashed by polars, row by row."""


def page_hash(page: Page, ctx: Context) -> str:
    """A fingerprint of everything a page is rendered from: its frames' values, its words,
    the context, the page template and stylesheet, lakip's and polars' versions."""
    return _PageHasher(ctx)(page)


class _PageHasher:
    """:func:`page_hash` for the pages of one site: what they share (the context and
    template, a table's columns, a frame shown on two pages) is hashed once.

    The caches key on object ids and keep the objects, so an id is never reused meanwhile.
    """

    def __init__(self, ctx: Context) -> None:
        self._base = hashlib.sha256()
        self._base.update(repr((ctx, __version__, pl.__version__)).encode())
        self._base.update(template_text().encode())
        self._columns: dict[int, tuple[list[Col], bytes]] = {}
        self._frames: dict[int, tuple[pl.DataFrame, bytes]] = {}

    def __call__(self, page: Page) -> str:
        digest = self._base.copy()
        digest.update(repr(dataclasses.replace(page, tables=[])).encode())
        for table in page.tables:
            digest.update(self._cached(self._columns, table.columns, repr))
            words = [
                getattr(table, f.name)
                for f in dataclasses.fields(table)
                if f.name not in ("frame", "columns")
            ]
            digest.update(repr(words).encode())
            digest.update(self._cached(self._frames, table.frame, _frame_digest))
        return digest.hexdigest()

    @staticmethod
    def _cached(
        cache: dict[int, tuple[Any, bytes]], item: Any, make: Callable[[Any], Any]
    ) -> bytes:
        hit = cache.get(id(item))
        if hit is None:
            made = make(item)
            hit = cache[id(item)] = (item, made.encode() if isinstance(made, str) else made)
        return hit[1]


def _frame_digest(frame: pl.DataFrame) -> bytes:
    """The frame's column names, types, height and values, hashed.

    Values, not Arrow buffers: the same values can sit in differently laid out buffers
    (chunks, string views) from one run to the next. Floats are rounded to 9 decimals:
    DuckDB's parallel averages may differ in the last bit from one run to the next, far
    below the 2 decimals a page shows. A small frame is hashed from its Python values
    (``repr``), a large one by polars (``hash_rows``, 64 bits per row; categoricals as
    their text, not their codes, which depend on the order strings were first seen).
    Either replaces JSON rows, which cost about 11 CPU s at national scale.
    """
    digest = hashlib.sha256(repr((frame.height, frame.columns, frame.dtypes)).encode())
    if frame.height == 0 or frame.width == 0:
        return digest.digest()
    if frame.height * frame.width <= SMALL_FRAME:
        rows = frame.rows()
        floats = [dtype.is_float() for dtype in frame.dtypes]
        if any(floats):
            columns = [
                [v if v is None else round(v, 9) for v in values] if is_float else values
                for values, is_float in zip(zip(*rows, strict=True), floats, strict=True)
            ]
            digest.update(repr(columns).encode())
        else:
            digest.update(repr(rows).encode())
        return digest.digest()
    frame = frame.with_columns(
        cs.float().round(9), cs.categorical().cast(pl.String), cs.enum().cast(pl.String)
    )
    hashes = frame.hash_rows(ROW_SEED).to_arrow()  # one UInt64 array without nulls
    start = hashes.offset * 8
    digest.update(memoryview(hashes.buffers()[1])[start : start + len(hashes) * 8])
    return digest.digest()


def _plan_pages(
    pages: list[Page],
    ctx: Context,
    staging: Path,
    out: Path,
    renderer: _Renderer,
) -> list[str]:
    """Copy into ``staging`` every page whose inputs hash as in the previous site (``out``);
    queue the others on ``renderer``. Writes the new hashes beside them."""
    try:
        previous = json.loads((out / HASHES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    hashes: dict[str, str] = {}
    page_hash_ = _PageHasher(ctx)
    folders: set[Path] = set()  # made already: a site has three, not one per page
    for page in pages:
        path = staging / page.file
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        key = page_hash_(page)
        hashes[page.file] = key
        old = out / page.file
        if previous.get(page.file) == key and old.is_file():
            shutil.copyfile(old, path)
        else:
            renderer.page(path, page, ctx)
    (staging / HASHES).write_text(json.dumps(hashes, indent=0, sort_keys=True), encoding="utf-8")
    return [page.file for page in pages]


PARALLEL_MIN = 64
"""Pages a year must have before a process pool pays for its start (about a second per
worker); a smaller year renders in this process."""


RENDER_BATCH = 2_000
"""Pages per batch in flight: the parent hands pages to the pool as each site is built and
waits for the oldest only when more than two batches (4,000 pages, with their tables) are
not yet written. A national year (514 kabupaten, 18,684 pages) once held every page's tables
at once (3.8 GB peak)."""

TASK_PAGES = 128
"""Pages per pool task at most: a large site is split so that every worker has some."""

PageJob = tuple[Path, Page, Context]
"""A page to render and the file to write it to."""
WorkbookJob = tuple[Path, list[ReportTable], Context]
"""A workbook to write: its file, its tables (one sheet each) and the context."""


def _render_task(pages: list[PageJob], workbooks: list[WorkbookJob]) -> int:
    """Write the workbooks and render and write the pages (in a pool worker, or here for a
    small year); returns how many files, not the texts, so nothing large comes back."""
    for path, tables, ctx in workbooks:
        write_workbook(path, tables, ctx)
    for path, page, ctx in pages:
        path.write_text(render_page(page, ctx), encoding="utf-8")
    return len(pages) + len(workbooks)


def _start_render_worker(parent: int) -> None:
    """A render worker leaves Ctrl-C to the parent (which waits for the task it is on, then
    removes the year's staging folder) and ends when the parent is gone (kill -9).

    It starts with SIGINT blocked (:func:`start_deaf`); ignoring it here also drops
    one that came meanwhile, so no worker prints a KeyboardInterrupt traceback.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=end_with_parent, args=(parent,), daemon=True).start()


class _Renderer:
    """Renders and writes a year's pages and workbooks, in a process pool when the year has
    many pages (started once it has, kept for the rest of the year).

    Asynchronous: :meth:`flush` hands the queued files to the pool and returns at once, so
    the parent builds the next sites while the workers render and write (the parent's own
    work is the report's bottleneck). At most two batches (:data:`RENDER_BATCH` pages) are
    in flight; beyond that the parent waits for the oldest task. :meth:`close` waits for
    everything and raises a worker's error; leaving the ``with`` block on an error (or
    Ctrl-C) cancels what has not started and waits for what has, so no worker writes into
    the staging folder after it has been removed.

    Rendering is pure Python (one string per page), so threads would share one core; worker
    processes are started with ``spawn``, as forking a process that holds DuckDB and polars
    thread pools can deadlock.
    """

    def __init__(self) -> None:
        self._pages: list[PageJob] = []
        self._workbooks: list[WorkbookJob] = []
        self._seen = 0  # pages queued this year
        self._pool: ProcessPoolExecutor | None = None
        self._workers = min(os.cpu_count() or 1, 8)
        self._futures: deque[tuple[Future[int], int]] = deque()
        self._in_flight = 0  # pages submitted and not yet known written
        self._closed = False

    def __enter__(self) -> _Renderer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        if exc_type is None:
            self.close()
            return
        self._closed = True
        self._pages.clear()
        self._workbooks.clear()
        if self._pool is not None:
            # the tasks already running finish (their workers ignore Ctrl-C); the rest are
            # dropped, so nothing is written into the staging folder once this returns
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def page(self, path: Path, page: Page, ctx: Context) -> None:
        """Queue ``page`` to be rendered into ``path``."""
        self._pages.append((path, page, ctx))
        self._seen += 1

    def workbook(self, path: Path, tables: list[ReportTable], ctx: Context) -> None:
        """Queue the workbook of ``tables`` to be written to ``path``."""
        self._workbooks.append((path, tables, ctx))

    def flush(self) -> None:
        """Hand the queued files on and return without waiting for them (unless more than
        two batches are in flight): to the pool once the year has :data:`PARALLEL_MIN`
        pages; until then they wait here, as the year may stay small."""
        self._collect_done()
        if self._pool is None:
            if self._seen < PARALLEL_MIN:
                return
            if self._workers < 2:
                if len(self._pages) >= RENDER_BATCH:
                    self._run_here()
                return
            self._start_pool()
        self._submit()
        while self._in_flight > 2 * RENDER_BATCH:
            self._wait_oldest()

    def close(self) -> None:
        """Render and write everything queued and wait for every task; a worker's error is
        raised here. Closing again does nothing."""
        if self._closed:
            return
        self._closed = True
        if self._pool is None and self._seen >= PARALLEL_MIN and self._workers >= 2:
            self._start_pool()
        if self._pool is None:
            self._run_here()
            return
        self._submit()
        while self._futures:
            self._wait_oldest()
        self._pool.shutdown(wait=True)
        self._pool = None

    def _start_pool(self) -> None:
        # workers are all started here, deaf to Ctrl-C from their first instruction and with
        # one polars thread each (the workers and the parent already fill the cores). The
        # pool's queues start multiprocessing's resource tracker first: starting it unblocks
        # SIGINT in this thread, so SIGINT is blocked only after, around the spawns alone.
        with one_polars_thread():
            self._pool = ProcessPoolExecutor(
                self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_render_worker,
                initargs=(os.getpid(),),
            )
            with start_deaf():
                for _ in range(self._workers):
                    self._pool.submit(ready)

    def _submit(self) -> None:
        """The queued files as tasks of at most :data:`TASK_PAGES` pages; a site's workbook
        goes with its first pages (pickled once with the tables they share)."""
        assert self._pool is not None
        pages, workbooks = self._pages, self._workbooks
        self._pages, self._workbooks = [], []
        if not pages and not workbooks:
            return
        tasks = max(1, -(-len(pages) // TASK_PAGES))
        size = -(-len(pages) // tasks) if pages else 0
        for i in range(tasks):
            part = pages[i * size : (i + 1) * size]
            future = self._pool.submit(_render_task, part, workbooks if i == 0 else [])
            self._futures.append((future, len(part)))
            self._in_flight += len(part)

    def _wait_oldest(self) -> None:
        future, pages = self._futures.popleft()
        self._in_flight -= pages
        future.result()  # a worker's exception is raised here

    def _collect_done(self) -> None:
        """Forget the tasks already written, from the oldest (an error is raised at once)."""
        while self._futures and self._futures[0][0].done():
            self._wait_oldest()

    def _run_here(self) -> None:
        pages, workbooks = self._pages, self._workbooks
        self._pages, self._workbooks = [], []
        _render_task(pages, workbooks)


def _write_years_page(
    reports_dir: Path, years: list[int], lang: str, counts: dict[int, int]
) -> Path:
    """``reports/index.html`` over every year of the warehouse, replaced in one rename."""
    path = reports_dir / "index.html"
    staging = reports_dir / f".index.html-{os.getpid()}"
    staging.write_text(years_page(years, lang, __version__, counts), encoding="utf-8")
    staging.replace(path)
    return path


def _swap(staging: Path, out: Path) -> None:
    """Put the finished ``staging`` folder in the place of ``out``.

    Why: a reader (or a web server) must never see a half-written year, and a failure
    must leave the previous site whole. The old folder is moved aside first, then the
    new one renamed into place (both renames on the same file system), then the old one
    deleted; findings pages of kecamatan that left the year go with it.
    """
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


PROFILE_DIR = "kecamatan"
PROFILE_TABLES = (
    ("capaian", "capaian-kinerja"),
    ("anggaran", "anggaran-jenis-belanja"),
    ("anggaran", "anggaran-program"),
    ("tren", "tren-ikm"),
    ("tren", "tren-akip"),
)
"""The tables a kecamatan profile shows, each cut to that kecamatan's rows."""


def _profiles(
    by_page: dict[str, list[ReportTable]],
    parts: dict[str, dict[str, pl.DataFrame]],
    findings: list[Page],
    kecamatan: pl.DataFrame,
    ctx: Context,
    trends: dict[str, pl.DataFrame],
) -> list[Page]:
    """One printable page per kecamatan: its capaian, budget, trends and findings
    (``parts``: each profile table's rows by submission, :class:`Year`)."""
    tables = {table.id: table for key, _ in PROFILE_TABLES for table in by_page[key]}
    index = _chart_index(trends, ctx)
    out = []
    for row, finding in zip(kecamatan.iter_rows(named=True), findings, strict=True):
        sid = row["submission_id"]
        own = []
        for _, tid in PROFILE_TABLES:
            table = tables[tid]
            frame = parts[tid].get(sid)
            if frame is None:
                frame = table.frame.clear().drop("_profil", strict=False)
            own.append(dataclasses.replace(table, frame=frame, id=f"{tid}-{row['slug']}"))
        own.extend(finding.tables)
        name = row["_kec"]
        out.append(
            Page(
                file=f"{PROFILE_DIR}/{row['slug']}.html",
                key="index",
                title=t("page_profil", ctx.lang, kecamatan=name),
                intro=t("intro_profil", ctx.lang, kecamatan=name, tahun=ctx.tahun),
                tables=own,
                extra_html=_tren_charts(trends, ctx, sid, name, index),
                kecamatan=1,
                sintetis_kecamatan=1 if row["_sintetis"] else 0,
            )
        )
    return out


TREN_CHARTS = (
    ("ikm", "chart_tren_ikm", False),
    ("akip", "chart_tren_akip", False),
    ("serapan", "chart_tren_serapan", True),
)
"""The multi-year line charts of the tren page and of each kecamatan profile."""


def _tren_charts(
    trends: dict[str, pl.DataFrame],
    ctx: Context,
    submission_id: str | None = None,
    name: str = "",
    index: dict[str, tuple[tuple[float | None, ...], dict[str, tuple[float | None, ...]]]]
    | None = None,
) -> str:
    """IKM, AKIP and serapan by year: the mean, lowest and highest kecamatan on the tren
    page; on a profile, that kecamatan against the mean of all of them (from ``index``,
    :func:`_chart_index`, when given: one pass for every profile)."""
    lang = ctx.lang
    years = tren.years(ctx)
    cols = [f"th_{y}" for y in years]
    figures = []
    for key, title, is_percent in TREN_CHARTS:
        frame = trends[key]
        if frame.height == 0:
            continue
        series: list[tuple[str, list[float | None]]]
        if index is not None and submission_id is not None:
            mean, rows = index[key]
            own_row = rows.get(submission_id)
            if own_row is None:
                continue
            series = [(name, list(own_row)), (t("chart_rata_kabupaten", lang), list(mean))]
            figures.append(_line_chart(series, years, key, title, is_percent, lang))
            continue
        wide = frame.select([pl.col(c).cast(pl.Float64) for c in cols])
        mean = wide.mean().row(0)
        if submission_id is None:
            series = [
                (t("chart_rata_kabupaten", lang), list(mean)),
                (t("chart_terendah", lang), list(wide.min().row(0))),
                (t("chart_tertinggi", lang), list(wide.max().row(0))),
            ]
        else:
            own = frame.filter(pl.col("submission_id") == submission_id)
            if own.height == 0:
                continue
            mine = own.select([pl.col(c).cast(pl.Float64) for c in cols]).row(0)
            series = [(name, list(mine)), (t("chart_rata_kabupaten", lang), list(mean))]
        figures.append(_line_chart(series, years, key, title, is_percent, lang))
    figures = [f"<figure>{svg}</figure>" for svg in figures if svg]
    return f'<div class="charts">{"".join(figures)}</div>' if figures else ""


def _line_chart(
    series: list[tuple[str, list[float | None]]],
    years: list[int],
    key: str,
    title: str,
    is_percent: bool,
    lang: str,
) -> str:
    def text(v: float, decimals: int) -> str:
        if is_percent:
            return fmt.percent(v, decimals, lang)
        return fmt.number(v, decimals, lang)

    return charts.lines(
        series,
        years,
        t(title, lang),
        text,
        reference=100.0 if key == "serapan" else None,
        reference_text=fmt.percent(100, 0, lang),
    )


def _chart_index(
    trends: dict[str, pl.DataFrame], ctx: Context
) -> dict[str, tuple[tuple[float | None, ...], dict[str, tuple[float | None, ...]]]]:
    """Per line chart: the mean of every kecamatan and each submission's own row, computed
    once for all profiles instead of a filter per profile."""
    cols = [f"th_{y}" for y in tren.years(ctx)]
    index = {}
    for key, frame in trends.items():
        if frame.height == 0:
            continue
        wide = frame.select([pl.col(c).cast(pl.Float64) for c in cols])
        rows: dict[str, tuple[float | None, ...]] = {}
        for sid, row in zip(frame["submission_id"].to_list(), wide.iter_rows(), strict=True):
            rows.setdefault(sid, row)
        index[key] = (wide.mean().row(0), rows)
    return index


def _link_profiles(by_page: dict[str, list[ReportTable]], kecamatan: pl.DataFrame) -> None:
    """Every kecamatan label in a table links to that kecamatan's profile page."""
    links = kecamatan.select(
        "submission_id", (pl.lit(f"{PROFILE_DIR}/") + pl.col("slug") + ".html").alias("_profil")
    )
    for tables in by_page.values():
        for table in tables:
            frame = table.frame
            if "submission_id" in frame.columns and "_profil" not in frame.columns:
                table.frame = frame.join(
                    links, on="submission_id", how="left", maintain_order="left"
                )


def _link_by_kode(frame: pl.DataFrame, kecamatan: pl.DataFrame) -> pl.DataFrame:
    """Link rows that have no submission id (the status table) to a profile by their
    kode wilayah, where that kode names exactly one kecamatan of the year."""
    if "kode_wilayah" not in frame.columns or "_profil" in frame.columns:
        return frame
    links = (
        kecamatan.filter(pl.col("kode_wilayah").is_not_null())
        .filter(pl.len().over("kode_wilayah") == 1)
        .select(
            "kode_wilayah",
            (pl.lit(f"{PROFILE_DIR}/") + pl.col("slug") + ".html").alias("_profil"),
        )
    )
    return frame.join(links, on="kode_wilayah", how="left", maintain_order="left")


def _page(key: str, page_tables: list[ReportTable], ctx: Context, kecamatan: pl.DataFrame) -> Page:
    lang = ctx.lang
    shown, made_up = _shown(page_tables)
    intro_values: dict[str, object] = {"n": kecamatan.height, "tahun": ctx.tahun}
    intro = t(f"intro_{key}", lang, **intro_values)
    extra = ""
    if key == "index":
        extra = _headline_cards(page_tables[0], lang) + _index_charts(page_tables[1], lang)
        extra += _index_extra(lang)
    elif key == "anggaran":
        extra = _anggaran_charts(page_tables[0], lang)
    elif key == "capaian":
        extra = legend(t("col_rating", lang), RATING_LEGEND, lang)
    elif key == "efisiensi":
        extra = legend(t("col_kategori", lang), KATEGORI_LEGEND, lang)
    elif key == "glosarium":
        extra = glossary(lang, batas=fmt.percent(SERAPAN_RENDAH, lang=lang))
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
        ids = frame["submission_id"].to_list()
        shown.update(ids)
        if "_sintetis" in frame.columns:
            marks = frame["_sintetis"].to_list()
            made_up.update(i for i, m in zip(ids, marks, strict=True) if m)
    shown.discard(None)  # type: ignore[arg-type]
    made_up.discard(None)  # type: ignore[arg-type]
    return shown, made_up


def _headline_cards(table: ReportTable, lang: str) -> str:
    """The kabupaten headline as a row of big figures (the total row when several): of the
    real kecamatan whenever there are some, synthetic ones are never added to them."""
    frame = table.frame
    if frame.height == 0:
        return ""
    real = frame.filter(~pl.col("_sintetis"))
    made_up = frame.filter(pl.col("_sintetis") & ~pl.col("_total"))
    if real.height:
        frame = real
    row = frame.row(frame.height - 1, named=True)
    expected = row.get("diharapkan")
    belum = row.get("belum_masuk")
    masuk = (
        t("kpi_dari", lang, masuk=row["masuk"], diharapkan=expected)
        if expected
        else (fmt.count(row["masuk"], lang))
    )
    detail = t(
        "kpi_masuk_detail",
        lang,
        bersih=row["bersih"],
        peringatan=row["peringatan"],
        galat=row["galat"],
        belum=fmt.MISSING if belum is None else belum,
    )
    if real.height and made_up.height:
        detail += " · " + t("kpi_sintetis_terpisah", lang, n=int(made_up["masuk"].sum()))
    cards = [
        ("kpi_pagu", fmt.rupiah(row["pagu"], lang=lang), ""),
        ("kpi_realisasi", fmt.rupiah(row["realisasi"], lang=lang), ""),
        ("kpi_serapan", fmt.percent(row["serapan"], lang=lang), ""),
        ("kpi_capaian", fmt.percent(row["rata_capaian"], lang=lang), ""),
        ("kpi_masuk", masuk, detail),
    ]
    items = "".join(
        f'<div class="kpi"><span class="kpi-label">{html.escape(t(key, lang))}</span>'
        f"<strong>{html.escape(value)}</strong>"
        + (f'<span class="kpi-detail">{html.escape(note)}</span>' if note else "")
        + "</div>"
        for key, value, note in cards
    )
    return f'<div class="kpis">{items}</div>'


def _index_charts(table: ReportTable, lang: str) -> str:
    """Serapan and mean IKU capaian by kecamatan as ranked bars with the 100 % line."""
    frame = table.frame
    if "_total" in frame.columns:
        frame = frame.filter(~pl.col("_total").fill_null(False))
    if frame.height == 0:
        return ""
    names = frame["_kec"].to_list()
    figures = []
    for column, key, bad in (
        ("serapan", "chart_serapan", True),  # spending over the budget is red
        ("rata_capaian", "chart_capaian", False),
    ):
        items = list(zip(names, frame[column].cast(pl.Float64).to_list(), strict=True))
        svg = charts.ranked_bars(
            items,
            t(key, lang),
            lambda v: fmt.percent(v, lang=lang),
            reference_text=fmt.percent(100, 0, lang),
            over_is_bad=bad,
        )
        figures.append(f"<figure>{svg}</figure>")
    return f'<div class="charts">{"".join(figures)}</div>'


def _anggaran_charts(table: ReportTable, lang: str) -> str:
    """The kabupaten's budget by jenis belanja and by program, as ranked bars of pagu."""
    frame = table.frame.filter(~pl.col("_total").fill_null(False))
    figures = []
    for kelompok, key in ((1, "chart_jenis"), (2, "chart_program")):
        part = frame.filter(pl.col("kelompok") == kelompok)
        if part.height == 0:
            continue
        # "Program " is the same first word of every program: the bar label starts after it
        labels = [str(u).removeprefix("Program ") for u in part["uraian"].to_list()]
        if table.frame["kabupaten"].n_unique() > 1:
            labels = [f"{u} · {k}" for u, k in zip(labels, part["kabupaten"], strict=True)]
        items = list(zip(labels, part["pagu"].cast(pl.Float64).to_list(), strict=True))
        svg = charts.ranked_bars(
            items, t(key, lang), lambda v: fmt.rupiah_short(v, lang), reference=None
        )
        figures.append(f"<figure>{svg}</figure>")
    return f'<div class="charts">{"".join(figures)}</div>' if figures else ""


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
