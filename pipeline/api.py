"""lakip from Python: every stage, and the whole run, as one plain function each.

The CLI (:mod:`pipeline.cli`) calls only these functions, so a notebook gets exactly what
``lakip run`` does::

    import pipeline

    v = pipeline.validate("raw")  # reads and checks, writes nothing
    v.findings.filter(pl.col("severity") == "error")  # polars frames
    r = pipeline.run("raw", warehouse="warehouse/lakip.duckdb", reports="reports", out="out")
    r.loaded.loaded, r.skipped, r.written, r.reports  # what was loaded, skipped, written

Nothing here prints. Failures are :class:`~pipeline.errors.LakipError` (operational or
data: exit code 1 in the CLI) or :class:`~pipeline.errors.LakipUsageError` (arguments
that cannot be honoured: exit code 2). Heavy modules are imported on first call, so that
``import pipeline`` and ``lakip --help`` stay fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import LakipError, LakipUsageError
from schemas.text import both, known, t

if TYPE_CHECKING:
    import polars as pl

    from pipeline.generate import GenerateResult
    from pipeline.ingest import Batch
    from pipeline.load import LoadSummary
    from pipeline.validate import Validation
    from schemas.rules import ValidateConfig

__all__ = [
    "DEFAULT_OUT",
    "DEFAULT_RAW",
    "DEFAULT_REPORTS",
    "DEFAULT_WAREHOUSE",
    "FORMATS",
    "Result",
    "export",
    "feedback",
    "generate",
    "ingest",
    "load",
    "query",
    "rebuild",
    "report",
    "run",
    "status",
    "submissions",
    "template",
    "validate",
]

PathLike = str | os.PathLike[str]

DEFAULT_RAW = Path("raw")
DEFAULT_WAREHOUSE = Path("warehouse/lakip.duckdb")
DEFAULT_REPORTS = Path("reports")
DEFAULT_OUT = Path("out")
FORMATS = ("csv", "json", "html", "xlsx")
"""Findings files :func:`validate` and :func:`run` can write."""

Tick = Callable[[int], None]
"""Told how many more files were read."""
Progress = Callable[[int], AbstractContextManager[Tick]]
"""Given the number of files found, returns a context manager yielding a :data:`Tick`
(the CLI's progress bar; a notebook passes nothing)."""
Step = Callable[[str, "Result"], None]
"""Called after each step of :func:`load` / :func:`run` (``read``, ``validate``, ``load``,
``report``) with the result so far, so the CLI prints each part as soon as it is done."""


@dataclass
class Result:
    """What :func:`validate`, :func:`load`, :func:`run` or :func:`rebuild` did.

    ``submissions`` and ``findings`` (schema ``schemas.findings.FINDING_SCHEMA``, one row per
    finding, codes and cells, no text) and ``tables`` / ``totals`` (each table of the
    contract across all submissions read, the recomputed ``*_hitung`` beside the printed
    figures) are polars frames. :meth:`messages` gives the findings with their text.
    """

    submissions: pl.DataFrame
    findings: pl.DataFrame
    tables: dict[str, pl.DataFrame] = field(default_factory=dict)
    totals: dict[str, pl.DataFrame] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    """Files not read because the warehouse already holds them (same sha256)."""
    written: list[Path] = field(default_factory=list)
    """Findings files written (empty for :func:`validate` without ``out``)."""
    loaded: LoadSummary | None = None
    """What the load did (submissions loaded, skipped, superseded, rows)."""
    reports: list[Path] = field(default_factory=list)
    """Report pages and workbooks written."""

    @property
    def error_count(self) -> int:
        return int((self.findings.get_column("severity") == "error").sum())

    @property
    def warning_count(self) -> int:
        return int((self.findings.get_column("severity") == "warning").sum())

    def messages(self, lang: str = "id") -> pl.DataFrame:
        """The findings as the findings files show them: kecamatan, tahun, title, message,
        hint in ``lang`` (``id`` or ``en``), one row per finding."""
        from pipeline.validate import rendered

        return rendered(self._validation(), lang)

    def _validation(self) -> Validation:
        from pipeline.validate import Validation

        return Validation(self.submissions, self.findings, self.tables, self.totals)


def _result(validation: Validation) -> Result:
    return Result(validation.submissions, validation.findings, validation.tables, validation.totals)


def _check(batch: Batch, config: ValidateConfig | None) -> Validation:
    """Validate through the ``pipeline.validate`` module as it is now (tests swap it)."""
    from pipeline import validate as checks

    return checks.validate(batch) if config is None else checks.validate(batch, config)


def _lang(lang: str) -> str:
    if not known(lang):
        raise LakipUsageError(both("report.unknown_lang", lang=repr(lang)))
    return lang


# ---------------------------------------------------------------- stages


def ingest(raw: PathLike = DEFAULT_RAW, *, workers: int | None = None) -> Batch:
    """Read every submission under ``raw`` (a folder, a workbook or a CSV folder); write nothing.

    ``workers``: processes reading workbooks (default one per core; 1 reads in-process).
    """
    from pipeline import ingest as stage

    return stage.ingest(submissions(raw), workers=workers)


def submissions(raw: PathLike = DEFAULT_RAW) -> list[Path]:
    """The submissions under ``raw``; none is an operational failure, so a wrong folder
    never passes the gate (``make validate``) as if it were clean."""
    from pipeline import ingest as stage
    from schemas.text import both

    paths = stage.discover(Path(raw))
    if not paths:
        raise LakipError(both("api.no_submission", raw=raw))
    return paths


def validate(
    raw: PathLike = DEFAULT_RAW,
    *,
    out: PathLike | None = None,
    lang: str = "id",
    formats: Sequence[str] = FORMATS,
    workers: int | None = None,
    config: ValidateConfig | None = None,
    kecamatan: Sequence[str] = (),
) -> Result:
    """Read and check every submission under ``raw``; the findings as polars frames.

    Writes nothing unless ``out`` is given: then ``findings.csv`` / ``.json`` / ``.html``
    (``formats``) in ``lang`` go there, as ``lakip validate`` does. ``kecamatan`` (names or
    codes) narrows the result after every file was checked together, so cross-year
    findings are those of a full run.
    """
    batch = ingest(raw, workers=workers)
    validation = _check(batch, config)
    if kecamatan:
        from pipeline import validate as checks

        validation = checks.only_kecamatan(validation, tuple(kecamatan))
        if validation.submissions.height == 0:
            names = ", ".join(kecamatan)
            raise LakipError(t("findings.no_kecamatan", _lang(lang), names=names, raw=raw))
    result = _result(validation)
    if out is not None:
        from pipeline import validate as checks

        result.written = checks.write_findings(validation, Path(out), _lang(lang), tuple(formats))
    return result


def _read_new(
    raw: PathLike,
    skip: set[str],
    workers: int | None,
    progress: Progress | None,
) -> Batch:
    """Discover, skip files the warehouse already holds (``skip``: their sha256), read the rest."""
    from pipeline import ingest as stage

    paths = submissions(raw)
    bar: AbstractContextManager[Tick | None] = (
        nullcontext(None) if progress is None else progress(len(paths))
    )
    with bar as tick:
        return stage.ingest(paths, workers=workers, progress=tick, skip_sha256=skip)


def _stale(raw: PathLike, stored: dict[str, int]) -> tuple[int, bool]:
    """How many stored files an older reader read, and whether raw/ still holds every stored file.

    Only then can a rebuild read them again without losing a version whose file is gone.
    """
    from pipeline.ingest import READER_VERSION, fingerprint

    old = sum(1 for version in stored.values() if version < READER_VERSION)
    if not old:
        return 0, False
    present = {fingerprint(path)[0] for path in submissions(raw)}
    return old, set(stored) <= present


def load(
    raw: PathLike = DEFAULT_RAW,
    warehouse: PathLike = DEFAULT_WAREHOUSE,
    *,
    read_all: bool = False,
    workers: int | None = None,
    config: ValidateConfig | None = None,
    progress: Progress | None = None,
    on_step: Step | None = None,
) -> Result:
    """Validate the submissions under ``raw`` and load them into ``warehouse``.

    Files the warehouse already holds (same sha256) are only hashed, not read
    (``Result.skipped``); ``read_all`` reads them again (load still skips them).
    """
    return _load(raw, Path(warehouse), read_all, workers, config, progress, on_step, out=None)


def _load(
    raw: PathLike,
    warehouse: Path,
    read_all: bool,
    workers: int | None,
    config: ValidateConfig | None,
    progress: Progress | None,
    on_step: Step | None,
    *,
    out: tuple[Path, str] | None,
) -> Result:
    """load, and for :func:`run` also the findings files (``out``: folder and language)."""
    from pipeline import load as loader
    from pipeline.query import stored_files

    step: Step = on_step or (lambda name, result: None)
    stored = stored_files(warehouse)
    stale, rereadable = (0, False) if read_all else _stale(raw, stored)
    if rereadable:
        return _reread(raw, warehouse, workers, config, step, stale, out=out)
    batch = _read_new(raw, set() if read_all else set(stored), workers, progress)
    result = Result(batch.submissions, batch.findings, skipped=list(batch.skipped))
    step("read", result)
    if out is None or batch.submissions.height:
        validation = _check(batch, config)
        result.findings, result.tables, result.totals = (
            validation.findings,
            validation.tables,
            validation.totals,
        )
        result.submissions = validation.submissions
        if out is not None:
            from pipeline import validate as checks

            folder, lang = out
            result.written = checks.write_findings(validation, folder, lang, FORMATS)
            step("validate", result)
        summary = loader.load(batch, validation, warehouse)
        summary.skipped.extend(batch.skipped)  # unchanged files ingest did not read
        summary.stale = stale
        result.loaded = summary
        step("load", result)
    return result


def _reread(
    raw: PathLike,
    warehouse: Path,
    workers: int | None,
    config: ValidateConfig | None,
    step: Step,
    stale: int,
    *,
    out: tuple[Path, str] | None,
) -> Result:
    """Files an older lakip read are read again: the warehouse is rebuilt from raw/.

    Only called when raw/ holds every file the warehouse holds, so no version is lost;
    the rebuild keeps load times and version order, and is swapped in only when complete.
    """
    from pipeline import load as loader

    seen: list[Validation] = []

    def check(batch: Batch) -> Validation:
        seen.append(_check(batch, config))
        return seen[-1]

    summary = loader.rebuild(Path(raw), warehouse, validator=check, workers=workers)
    summary.reread = stale
    result = _result(seen[0])
    step("read", result)
    if out is not None:
        from pipeline import validate as checks

        folder, lang = out
        result.written = checks.write_findings(seen[0], folder, lang, FORMATS)
        step("validate", result)
    result.loaded = summary
    step("load", result)
    return result


def report(
    warehouse: PathLike = DEFAULT_WAREHOUSE,
    reports: PathLike = DEFAULT_REPORTS,
    *,
    lang: str = "id",
    tahun: int | None = None,
) -> list[Path]:
    """Write the HTML sites and Excel workbooks of every report year (or ``tahun``)."""
    from pipeline import report as reporter

    return reporter.report(Path(warehouse), Path(reports), lang=_lang(lang), tahun=tahun)


def run(
    raw: PathLike = DEFAULT_RAW,
    warehouse: PathLike = DEFAULT_WAREHOUSE,
    reports: PathLike = DEFAULT_REPORTS,
    out: PathLike = DEFAULT_OUT,
    *,
    lang: str = "id",
    read_all: bool = False,
    workers: int | None = None,
    config: ValidateConfig | None = None,
    progress: Progress | None = None,
    on_step: Step | None = None,
) -> Result:
    """ingest -> validate -> load -> report, as ``lakip run``.

    Files the warehouse already holds (same sha256) are skipped; when nothing new was
    read no findings are written and nothing is loaded (``Result.loaded`` is None). The
    reports are rebuilt from the warehouse either way. Data errors do not raise: they
    are in ``Result.findings``.
    """
    result = _load(
        raw, Path(warehouse), read_all, workers, config, progress, on_step,
        out=(Path(out), _lang(lang)),
    )  # fmt: skip
    result.reports = report(warehouse, reports, lang=lang)
    if on_step is not None:
        on_step("report", result)
    return result


def rebuild(
    raw: PathLike = DEFAULT_RAW,
    warehouse: PathLike = DEFAULT_WAREHOUSE,
    *,
    workers: int | None = None,
    config: ValidateConfig | None = None,
) -> Result:
    """Build the warehouse again from every submission under ``raw``, swapped in when complete.

    A failed rebuild leaves the existing warehouse as it was; files already known keep
    their load time and version order.
    """
    from pipeline import load as loader

    seen: list[Validation] = []

    def check(batch: Batch) -> Validation:
        seen.append(_check(batch, config))
        return seen[-1]

    summary = loader.rebuild(Path(raw), Path(warehouse), validator=check, workers=workers)
    result = _result(seen[0])
    result.loaded = summary
    return result


def query(statement: str, warehouse: PathLike = DEFAULT_WAREHOUSE) -> pl.DataFrame:
    """One read-only SQL statement on the warehouse, as a polars frame."""
    import polars as pl

    from pipeline.query import run_query

    columns, rows = run_query(Path(warehouse), statement)
    return pl.DataFrame(rows, schema=columns, orient="row")


def query_rows(
    statement: str, warehouse: PathLike = DEFAULT_WAREHOUSE
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """One read-only SQL statement: column names and rows as DuckDB returns them."""
    from pipeline.query import run_query

    return run_query(Path(warehouse), statement)


def export(
    warehouse: PathLike = DEFAULT_WAREHOUSE, out: PathLike = "export", fmt: str = "parquet"
) -> list[Path]:
    """The fact tables of current submissions, partitioned by year (hive layout)."""
    from pipeline.query import export as do_export

    return do_export(Path(warehouse), Path(out), fmt)


def generate(
    out: PathLike = DEFAULT_RAW,
    *,
    kecamatan: int = 12,
    seed: int = 1,
    inject: int = 0,
    tahun: int = 2025,
    years: int = 1,
    fmt: str = "xlsx",
    workers: int = 1,
) -> GenerateResult:
    """Synthetic submissions under ``out/sintetis/<tahun>/``, with ``inject`` errors.

    Arguments the generator cannot honour (more injections than fit) raise
    :class:`~pipeline.errors.LakipUsageError`.
    """
    from pipeline.generate import GenerateError
    from pipeline.generate import generate as make

    try:
        return make(
            Path(out), kecamatan=kecamatan, seed=seed, inject=inject, tahun=tahun, years=years,
            fmt=fmt, workers=workers,
        )  # fmt: skip
    except GenerateError as exc:
        raise LakipUsageError(str(exc)) from exc


def template(
    tahun: int,
    kabupaten: str,
    *,
    kecamatan: Sequence[str] = (),
    out: PathLike = Path("template"),
    lang: str = "id",
) -> list[Path]:
    """The workbook each kecamatan of ``kabupaten`` fills in for ``tahun``, one per kecamatan."""
    from pipeline.template import write_templates

    return write_templates(Path(out), tahun, kabupaten, tuple(kecamatan), _lang(lang))


def feedback(
    raw: PathLike = DEFAULT_RAW,
    *,
    out: PathLike = Path("umpan-balik"),
    kecamatan: Sequence[str] = (),
    deadline: str | None = None,
    lang: str = "id",
    workers: int | None = None,
) -> Any:
    """The return package of each submission under ``raw`` (annotated workbook, letter).

    Every file is checked together, so cross-year findings are those of a full run;
    ``kecamatan`` only narrows which packages are written.
    """
    from pipeline import validate as checks
    from pipeline.feedback import write_feedback

    validation = checks.only_kecamatan(_check(ingest(raw, workers=workers), None), tuple(kecamatan))
    return write_feedback(validation, Path(out), _lang(lang), deadline=deadline)


def status(
    raw: PathLike = DEFAULT_RAW,
    *,
    tahun: int | None = None,
    kabupaten: str | None = None,
    workers: int | None = None,
) -> pl.DataFrame:
    """Every kecamatan the national reference expects, with the state of what it sent."""
    from pipeline import ingest as stage
    from pipeline import status as who

    paths = stage.discover(Path(raw))
    if paths:
        received = who.received_from_run(_check(stage.ingest(paths, workers=workers), None))
    else:
        received = who.nothing_received()
    return who.status_table(received, tahun=tahun, kabupaten=kabupaten)
