"""The ``lakip`` command: a thin Click layer over the stage functions.

Each command parses options, calls one library function and prints. This is the
one place that turns exceptions into exit codes:

- 0: done; for ``validate``, no error found (warnings allowed)
- 1: ``validate`` found errors, or an operational failure (message, no traceback)
- 2: usage error (unknown option, missing path)

``--debug`` shows the traceback of an operational failure.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from pipeline import __version__
from pipeline.errors import LakipError

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_RAW = Path("raw")
DEFAULT_WAREHOUSE = Path("warehouse/lakip.duckdb")
DEFAULT_REPORTS = Path("reports")
DEFAULT_OUT = Path("out")


class Settings:
    def __init__(self, lang: str, debug: bool, quiet: bool, jobs: int | None = None) -> None:
        self.lang = lang
        self.debug = debug
        self.quiet = quiet or bool(os.environ.get("CI"))
        self.jobs = jobs  # processes reading workbooks; None: one per core


def _settings() -> Settings:
    ctx = click.get_current_context()
    obj = ctx.find_object(Settings)
    return obj if obj is not None else Settings("id", False, False)


def duckdb_error() -> type[Exception]:
    """duckdb.Error, imported only when a command fails (keeps `lakip --help` fast)."""
    import duckdb

    return duckdb.Error


def handled(func: F) -> F:
    """Turn library errors into a clean message and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from pipeline import guard

        try:
            try:
                return func(*args, **kwargs)
            except KeyboardInterrupt as exc:  # Ctrl-C outside a load: nothing half-written
                raise guard.interrupted(kwargs.get("warehouse")) from exc
            except duckdb_error() as exc:  # warehouse faults the library did not name
                if _settings().debug:
                    raise
                raise guard.warehouse_error(kwargs.get("warehouse") or Path("."), exc) from exc
        except LakipError as exc:
            if _settings().debug:
                raise
            cause = exc.__cause__
            if type(exc) is LakipError and isinstance(cause, duckdb_error()):
                # a damaged or unwritable warehouse told as such, whichever stage met it
                told = guard.warehouse_error(kwargs.get("warehouse") or Path("."), cause)
                if type(told) is not LakipError:
                    exc = told
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


raw_option = click.option(
    "--raw",
    "raw",
    type=click.Path(exists=True, path_type=Path),
    default=DEFAULT_RAW,
    show_default=True,
    help="Folder of submissions (raw/<tahun>/*.xlsx or CSV folders), or one submission.",
)
warehouse_option = click.option(
    "--warehouse",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_WAREHOUSE,
    show_default=True,
    help="DuckDB warehouse file.",
)
out_option = click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Folder for findings (CSV, JSON, HTML).",
)
reports_option = click.option(
    "--reports",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_REPORTS,
    show_default=True,
    help="Folder for the published reports (reports/<tahun>/).",
)
tahun_option = click.option("--tahun", type=int, default=None, help="Only this report year.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lakip")
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Language of findings and reports: Bahasa Indonesia or English.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks of operational failures.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bars or summaries (CI is quiet).")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 256),
    default=None,
    help="Processes that read workbooks [default: one per core]; 1 reads in this process.",
)
@click.pass_context
def cli(ctx: click.Context, lang: str, debug: bool, quiet: bool, jobs: int | None) -> None:
    """lakip: validate and consolidate kecamatan performance reports (LKjIP / SAKIP).

    Stages: ingest -> validate -> load -> report. `lakip run` does all four.

    \b
    Example:
      lakip run --raw raw --warehouse warehouse/lakip.duckdb
      lakip --lang en validate --raw raw/2025
    """
    ctx.obj = Settings(lang, debug, quiet, jobs)


@cli.command()
@raw_option
@handled
def ingest(raw: Path) -> None:
    """Read every submission under RAW and print what was found in each.

    Reads .xlsx workbooks and CSV folders, finds each table's sheet and header,
    parses Indonesian number text, and reports unreadable cells. Writes nothing.

    \b
    Example:
      lakip ingest --raw raw/2025
    """
    from pipeline import ingest as stage
    from pipeline.console import print_ingest

    batch = stage.ingest(stage.discover(raw), workers=_settings().jobs)
    print_ingest(batch, _settings().lang)


@cli.command()
@raw_option
@out_option
@click.option(
    "--format",
    "formats",
    type=click.Choice(["csv", "json", "html"]),
    multiple=True,
    default=("csv", "json", "html"),
    show_default=True,
    help="Findings files to write (repeatable).",
)
@handled
def validate(raw: Path, out: Path, formats: tuple[str, ...]) -> None:
    """Check every submission under RAW and write the findings to OUT.

    Every finding has a rule code (see `lakip rules`), a severity, the cell it is
    about (sheet!cell), the expected and the found figure, and a fix hint.
    Exit code 1 when any error was found, 0 when clean or warnings only.

    \b
    Example:
      lakip validate --raw raw/2025 --out out
      lakip --lang en validate --format csv
    """
    from pipeline import ingest as stage
    from pipeline import validate as checks
    from pipeline.console import print_findings_summary

    settings = _settings()
    batch = stage.ingest(_submissions(raw), workers=settings.jobs)
    result = checks.validate(batch)
    written = checks.write_findings(result, out, settings.lang, formats)
    print_findings_summary(result, settings.lang, written, quiet=settings.quiet)
    if result.error_count:
        sys.exit(1)


def _submissions(raw: Path) -> list[Path]:
    """Submissions under RAW; none is an operational failure, so a wrong folder never passes."""
    from pipeline import ingest as stage

    paths = stage.discover(raw)
    if not paths:
        raise LakipError(
            f"Tidak ada pengiriman di {raw}: letakkan berkas di {raw}/<tahun>/<kecamatan>.xlsx "
            f"atau satu folder CSV per kecamatan {raw}/<tahun>/<kecamatan>/<tabel>.csv. / "
            f"No submission found in {raw}: expected {raw}/<tahun>/<kecamatan>.xlsx or one "
            f"CSV folder per kecamatan, {raw}/<tahun>/<kecamatan>/<tabel>.csv."
        )
    return paths


all_option = click.option(
    "--all",
    "read_all",
    is_flag=True,
    help="Read every file, also those already loaded (default: skip unchanged files by sha256).",
)


def _read_for_load(raw: Path, warehouse: Path, read_all: bool) -> Any:
    """Discover, skip files the warehouse already holds (same sha256), read the rest."""
    from pipeline import ingest as stage
    from pipeline.console import LazyProgress
    from pipeline.query import known_sha256

    settings = _settings()
    paths = _submissions(raw)
    skip = set() if read_all else known_sha256(warehouse)
    label = "membaca" if settings.lang == "id" else "reading"
    with LazyProgress(len(paths), label, settings.quiet) as bar:
        batch = stage.ingest(paths, workers=settings.jobs, progress=bar, skip_sha256=skip)
    if batch.skipped and not settings.quiet:
        note = (
            "{n} berkas tidak berubah (sha256 sama), tidak dibaca ulang"
            if settings.lang == "id"
            else "{n} unchanged files (same sha256) not read again"
        )
        click.echo(note.format(n=len(batch.skipped)))
    return batch


@cli.command()
@raw_option
@warehouse_option
@all_option
@handled
def load(raw: Path, warehouse: Path, read_all: bool) -> None:
    """Validate the submissions under RAW and load them into the WAREHOUSE.

    Each submission loads atomically with its findings, the printed and the
    recomputed figures, and its lineage (file, sha256, sheet, cell). Files already
    loaded (same sha256) are only hashed, not read again; a new version of the same
    kecamatan and year supersedes the earlier one, which stays queryable.

    \b
    Example:
      lakip load --raw raw --warehouse warehouse/lakip.duckdb
    """
    from pipeline import load as loader
    from pipeline import validate as checks

    batch = _read_for_load(raw, warehouse, read_all)
    result = checks.validate(batch)
    summary = loader.load(batch, result, warehouse)
    summary.skipped.extend(batch.skipped)  # unchanged files ingest did not read
    click.echo(summary.describe(_settings().lang))


@cli.command()
@raw_option
@warehouse_option
@handled
def rebuild(raw: Path, warehouse: Path) -> None:
    """Rebuild the WAREHOUSE from scratch from every submission under RAW.

    Builds a new file beside the old one and swaps it in only when complete, so a
    failed rebuild leaves the existing warehouse as it was.

    \b
    Example:
      lakip rebuild --raw raw --warehouse warehouse/lakip.duckdb
    """
    from pipeline import load as loader

    summary = loader.rebuild(raw, warehouse, workers=_settings().jobs)
    click.echo(summary.describe(_settings().lang))


@cli.command()
@warehouse_option
@reports_option
@tahun_option
@handled
def report(warehouse: Path, reports: Path, tahun: int | None) -> None:
    """Write the consolidated HTML reports and Excel workbook from the WAREHOUSE.

    One static site per year under REPORTS/<tahun>/ (index.html and one page per
    summary) and REPORTS/<tahun>/ringkasan.xlsx.

    \b
    Example:
      lakip report --warehouse warehouse/lakip.duckdb --reports reports
    """
    from pipeline import report as reporter

    pages = reporter.report(warehouse, reports, lang=_settings().lang, tahun=tahun)
    for page in pages:
        click.echo(str(page))


@cli.command()
@raw_option
@warehouse_option
@reports_option
@out_option
@all_option
@handled
def run(raw: Path, warehouse: Path, reports: Path, out: Path, read_all: bool) -> None:
    """Run ingest -> validate -> load -> report on RAW.

    Files already in the warehouse (same sha256) are skipped, so a second run over
    an unchanged RAW reads nothing but hashes; `--all` reads everything again. The
    findings of what was read go to OUT and into the warehouse; the reports are
    rebuilt from the warehouse. Exit code is 0 even when the data has errors (they
    are reported): use `lakip validate` to gate on data errors.

    \b
    Example:
      lakip run --raw raw --warehouse warehouse/lakip.duckdb --reports reports
    """
    from pipeline import load as loader
    from pipeline import report as reporter
    from pipeline import validate as checks
    from pipeline.console import print_findings_summary

    settings = _settings()
    batch = _read_for_load(raw, warehouse, read_all)
    if batch.submissions.height:
        result = checks.validate(batch)
        written = checks.write_findings(result, out, settings.lang, ("csv", "json", "html"))
        print_findings_summary(result, settings.lang, written, quiet=settings.quiet)
        summary = loader.load(batch, result, warehouse)
        summary.skipped.extend(batch.skipped)  # unchanged files ingest did not read
        click.echo(summary.describe(settings.lang))
    for page in reporter.report(warehouse, reports, lang=settings.lang):
        click.echo(str(page))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table")
def rules(fmt: str) -> None:
    """List every rule: code, severity, tables, title and formula.

    \b
    Example:
      lakip rules
      lakip --lang en rules --format markdown > docs/rules.md
    """
    from pipeline.console import print_rules

    print_rules(_settings().lang, fmt)


@cli.command()
@click.argument("statement")
@warehouse_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output: a terminal table, CSV or JSON.",
)
@handled
def sql(statement: str, warehouse: Path, fmt: str) -> None:
    """Run one read-only SQL STATEMENT on the warehouse and print the result.

    The warehouse is opened read-only with file access disabled: INSERT, UPDATE,
    DROP, COPY TO or ATTACH are refused with a message. See docs/warehouse.md
    for the tables and views.

    \b
    Example:
      lakip sql "SELECT kecamatan, tahun, serapan FROM v_ringkasan_kecamatan"
      lakip sql "SELECT * FROM v_kualitas_data" --format csv > kualitas.csv
    """
    from pipeline.console import print_result
    from pipeline.query import format_rows, run_query

    columns, rows = run_query(warehouse, statement)
    if fmt == "table":
        print_result(columns, rows)
    else:
        click.echo(format_rows(columns, rows, fmt), nl=False)


@cli.command()
@warehouse_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("export"),
    show_default=True,
    help="Folder for the exported dataset.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True
)
@handled
def export(warehouse: Path, out: Path, fmt: str) -> None:
    """Export the fact tables of current submissions, partitioned by year (hive layout).

    One folder per staging view (`stg_program_kegiatan/tahun_laporan=2025/...`) plus
    the findings, for engines such as Spark, Trino or BigQuery. See docs/warehouse.md.

    \b
    Example:
      lakip export --format parquet --out export
    """
    from pipeline.query import export as do_export

    for path in do_export(warehouse, out, fmt):
        click.echo(str(path))


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to write into; files go to OUT/sintetis/<tahun>/, outside raw/ by default "
    "so synthetic files never mix with real submissions.",
)
@click.option("--kecamatan", "count", type=click.IntRange(1, 100_000), default=12)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option(
    "--inject", type=click.IntRange(0), default=0, show_default=True, help="Errors to inject."
)
@click.option("--tahun", type=int, default=2025, show_default=True, help="Report year.")
@click.option("--years", type=click.IntRange(1, 10), default=1, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv"]), default="xlsx")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@handled
def generate(
    out: Path, count: int, seed: int, inject: int, tahun: int, years: int, fmt: str, workers: int
) -> None:
    """Write synthetic, internally consistent submissions, optionally with errors.

    The first 12 are the kecamatan of Kabupaten Batu Bara (with their Kemendagri
    codes), then invented ones. Every file is marked synthetic (identitas
    `sintetis = ya`, folder `sintetis/`) so made-up figures never pass for real.
    Injected errors are listed in OUT/sintetis/<tahun>/ground_truth.csv.

    \b
    Example:
      lakip generate --kecamatan 40 --seed 7 --inject 300 --out /tmp/uji
      lakip validate --raw /tmp/uji/sintetis/2025
    """
    from pipeline.generate import generate as make

    result = make(
        out, kecamatan=count, seed=seed, inject=inject, tahun=tahun, years=years, fmt=fmt,
        workers=workers,
    )  # fmt: skip
    click.echo(f"{len(result.paths)} submissions -> {out / 'sintetis'}")
    if result.truth_path is not None:
        click.echo(f"ground truth: {result.truth_path} ({result.injected.height} errors)")


def help_markdown() -> str:
    """The CLI reference (docs/cli.md), generated from the commands' own help."""
    parts = [
        "# lakip command line\n",
        "Generated from `lakip --help` by `make docs`; a test fails when it drifts.\n",
    ]
    root = cli.make_context("lakip", [], resilient_parsing=True, terminal_width=100)
    parts.append(f"## lakip\n\n```text\n{cli.get_help(root)}\n```\n")
    for name in sorted(cli.list_commands(root)):
        command = cli.get_command(root, name)
        assert command is not None
        ctx = command.make_context(
            f"lakip {name}", [], parent=root, resilient_parsing=True, terminal_width=100
        )
        parts.append(f"## lakip {name}\n\n```text\n{command.get_help(ctx)}\n```\n")
    return "\n".join(parts)


def main() -> None:
    cli(prog_name="lakip")
