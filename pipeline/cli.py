"""The ``lakip`` command: a thin Click layer over :mod:`pipeline.api`.

Each command parses options, calls one API function and prints. :class:`LakipCommand`
is the one place that turns exceptions into messages and exit codes:

- 0: done; for ``validate``, no error found (warnings allowed)
- 1: ``validate`` found errors, or an operational failure (message, no traceback)
- 2: usage error (unknown option, missing path, arguments the library cannot honour)

``--debug`` shows the traceback of an operational failure.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from pipeline import __version__, api
from pipeline.api import DEFAULT_OUT, DEFAULT_RAW, DEFAULT_REPORTS, DEFAULT_WAREHOUSE
from pipeline.errors import LakipError, LakipUsageError
from pipeline.interrupt import forget_interrupt
from schemas.text import DEFAULT_LANG, LANGS, in_lang, t, tn


class Settings:
    def __init__(self, lang: str, debug: bool, quiet: bool, jobs: int | None = None) -> None:
        self.lang = lang
        self.debug = debug
        self.quiet = quiet or bool(os.environ.get("CI"))
        self.jobs = jobs  # processes reading workbooks; None: one per core


def _settings() -> Settings:
    ctx = click.get_current_context()
    obj = ctx.find_object(Settings)
    return obj if obj is not None else Settings(DEFAULT_LANG, False, False)


class LakipCommand(click.Command):
    """Every lakip command: a library failure becomes a message and an exit code.

    - :class:`LakipUsageError` (arguments the library cannot honour): exit 2, with usage;
    - :class:`LakipError` (operational or data): exit 1;
    - an OS error (a folder that cannot be written): exit 1, the path and the reason;
    - anything else is a lakip bug: exit 1, one line, and ``--debug`` for the traceback.

    Click's own exits (usage errors, ``sys.exit``) pass through unchanged.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt as exc:  # Ctrl-C outside a load: nothing half-written
            raise _interrupted(_warehouse(ctx), _settings().lang) from exc
        except Exception as exc:
            if _settings().debug:
                raise
            raise _failure(exc, ctx) from exc


def _warehouse(ctx: click.Context) -> Path | None:
    value = ctx.params.get("warehouse")
    return Path(value) if value is not None else None


def _warehouse_fault(exc: Exception, ctx: click.Context) -> Exception:
    """A DuckDB failure (bare, or the cause of a plain LakipError) told as what it means for
    the warehouse: damaged, unwritable, full (:mod:`pipeline.guard`)."""
    import duckdb

    from pipeline import guard

    cause = exc if isinstance(exc, duckdb.Error) else exc.__cause__
    if not isinstance(cause, duckdb.Error) or (
        isinstance(exc, LakipError) and type(exc) is not LakipError
    ):
        return exc
    told = guard.warehouse_error(_warehouse(ctx) or Path("."), cause)
    return told if type(told) is not LakipError or not isinstance(exc, LakipError) else exc


def _failure(exc: Exception, ctx: click.Context) -> click.ClickException:
    """The message and exit code of a failure (see :class:`LakipCommand`)."""
    from pipeline import guard
    from pipeline.load import interrupted_query

    lang = _settings().lang
    if interrupted_query(exc):  # Ctrl-C that DuckDB turned into an error, outside load's own guard
        return click.ClickException(in_lang(guard.interrupted(_warehouse(ctx)), lang))
    exc = _warehouse_fault(exc, ctx)
    if isinstance(exc, LakipUsageError):
        return click.UsageError(in_lang(exc, lang), ctx)
    if isinstance(exc, LakipError):
        return click.ClickException(in_lang(exc, lang))
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return click.ClickException(f"{where}{exc.strerror or exc}")
    return click.ClickException(
        f"{type(exc).__name__}: {exc} (galat internal lakip / internal lakip error; "
        "--debug shows the traceback)"
    )


class _LakipGroup(click.Group):
    """The command group: a Ctrl-C while the arguments are read or before the command's own
    handling starts is told like one during it, not as Click's bare "Aborted!"."""

    command_class = LakipCommand  # every @cli.command() gets the handling above

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt as exc:
            raise _interrupted(None) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            raise _interrupted(None) from exc


def _interrupted(warehouse: Path | None, lang: str | None = None) -> click.ClickException:
    """ "Dihentikan": in the reader's language once the options are read, else in both."""
    from pipeline import guard

    told = guard.interrupted(warehouse)
    return click.ClickException(in_lang(told, lang) if lang else str(told))


def handled(func: Callable[..., Any]) -> Callable[..., Any]:
    """Kept so a command written with the old decorator still merges: does nothing now,
    :class:`LakipCommand` handles every command's errors."""
    return func


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, cls=_LakipGroup)
@click.version_option(__version__, prog_name="lakip")
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=DEFAULT_LANG,
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
def ingest(raw: Path) -> None:
    """Read every submission under RAW and print what was found in each.

    Reads .xlsx workbooks and CSV folders, finds each table's sheet and header,
    parses Indonesian number text, and reports unreadable cells. Writes nothing.

    \b
    Example:
      lakip ingest --raw raw/2025
    """
    from pipeline.console import print_ingest

    batch = api.ingest(raw, workers=_settings().jobs)
    print_ingest(batch, _settings().lang)


@cli.command()
@raw_option
@out_option
@click.option(
    "--format",
    "formats",
    type=click.Choice(api.FORMATS),
    multiple=True,
    default=api.FORMATS,
    show_default=True,
    help="Findings files to write (repeatable).",
)
@click.option(
    "--kecamatan",
    "kecamatan",
    multiple=True,
    help="Only these kecamatan (name or code 12.19.01; repeatable). All files are still "
    "validated together, so cross-year findings stay the same.",
)
def validate(raw: Path, out: Path, formats: tuple[str, ...], kecamatan: tuple[str, ...]) -> None:
    """Check every submission under RAW and write the findings to OUT.

    Every finding has a rule code (see `lakip rules`), a severity, the cell it is
    about (sheet!cell), the expected and the found figure, and a fix hint.
    Exit code 1 when any error was found, 0 when clean or warnings only.

    \b
    Example:
      lakip validate --raw raw/2025 --out out
      lakip --lang en validate --format csv
    """
    from pipeline.console import print_findings_summary

    settings = _settings()
    result = api.validate(
        raw,
        out=out,
        lang=settings.lang,
        formats=formats,
        workers=settings.jobs,
        kecamatan=kecamatan,
    )
    print_findings_summary(result, settings.lang, result.written, quiet=settings.quiet)
    if result.error_count:
        sys.exit(1)


all_option = click.option(
    "--all",
    "read_all",
    is_flag=True,
    help="Read every file, also those already loaded (default: skip unchanged files by sha256).",
)


def _progress(settings: Settings) -> api.Progress:
    """The progress bar of load and run, for the number of files found."""
    from pipeline.console import LazyProgress

    label = t("cli.reading", settings.lang)
    return lambda total: LazyProgress(total, label, settings.quiet, lang=settings.lang)


def _printer(settings: Settings) -> api.Step:
    """Print each step of load and run as soon as it is done."""

    def show(step: str, result: api.Result) -> None:
        if step == "read" and result.skipped and not settings.quiet:
            click.echo(
                tn("cli.unchanged", len(result.skipped), settings.lang, n=len(result.skipped))
            )
        elif step == "validate":
            from pipeline.console import print_findings_summary

            print_findings_summary(result, settings.lang, result.written, quiet=settings.quiet)
        elif step == "load" and result.loaded is not None:
            click.echo(result.loaded.describe(settings.lang))
        elif step == "report":
            for page in result.reports:
                click.echo(str(page))

    return show


@cli.command()
@raw_option
@warehouse_option
@all_option
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
    settings = _settings()
    api.load(
        raw, warehouse, read_all=read_all, workers=settings.jobs,
        progress=_progress(settings), on_step=_printer(settings),
    )  # fmt: skip


@cli.command()
@raw_option
@warehouse_option
def rebuild(raw: Path, warehouse: Path) -> None:
    """Rebuild the WAREHOUSE from scratch from every submission under RAW.

    Builds a new file beside the old one and swaps it in only when complete, so a
    failed rebuild leaves the existing warehouse as it was.

    \b
    Example:
      lakip rebuild --raw raw --warehouse warehouse/lakip.duckdb
    """
    result = api.rebuild(raw, warehouse, workers=_settings().jobs)
    assert result.loaded is not None
    click.echo(result.loaded.describe(_settings().lang))


@cli.command()
@warehouse_option
@reports_option
@tahun_option
def report(warehouse: Path, reports: Path, tahun: int | None) -> None:
    """Write the consolidated HTML reports and Excel workbook from the WAREHOUSE.

    One static site per year under REPORTS/<tahun>/ (index.html, one page per
    summary, a profile per kecamatan, ringkasan.xlsx); REPORTS/index.html links
    the years. A year with more than one kabupaten gets an index per kabupaten
    at REPORTS/<tahun>/index.html and a whole site per kabupaten under
    REPORTS/<tahun>/<kode-kabupaten>/.

    \b
    Example:
      lakip report --warehouse warehouse/lakip.duckdb --reports reports
    """
    pages = api.report(warehouse, reports, lang=_settings().lang, tahun=tahun)
    for page in pages:
        click.echo(str(page))


@cli.command()
@raw_option
@warehouse_option
@reports_option
@out_option
@all_option
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
    settings = _settings()
    api.run(
        raw, warehouse, reports, out, lang=settings.lang, read_all=read_all,
        workers=settings.jobs, progress=_progress(settings), on_step=_printer(settings),
    )  # fmt: skip


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
    from pipeline.query import format_rows

    columns, rows = api.query_rows(statement, warehouse)
    if fmt == "table":
        print_result(columns, rows, _settings().lang)
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
def export(warehouse: Path, out: Path, fmt: str) -> None:
    """Export the fact tables of current submissions, partitioned by year (hive layout).

    One folder per staging view (`stg_program_kegiatan/tahun_laporan=2025/...`) plus
    the findings, for engines such as Spark, Trino or BigQuery. See docs/warehouse.md.

    \b
    Example:
      lakip export --format parquet --out export
    """
    for path in api.export(warehouse, out, fmt):
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
def generate(
    out: Path, count: int, seed: int, inject: int, tahun: int, years: int, fmt: str, workers: int
) -> None:
    """Write synthetic, internally consistent submissions, optionally with errors.

    The first 12 are the kecamatan of Kabupaten Batu Bara, then the other real
    kecamatan of the national list (names and Kemendagri codes, 7,285 in all),
    then invented ones. Every file is marked synthetic (identitas
    `sintetis = ya`, folder `sintetis/`) so made-up figures never pass for real.
    Injected errors are listed in OUT/sintetis/<tahun>/ground_truth.csv.

    \b
    Example:
      lakip generate --kecamatan 40 --seed 7 --inject 300 --out /tmp/uji
      lakip validate --raw /tmp/uji/sintetis/2025
    """
    result = api.generate(
        out, kecamatan=count, seed=seed, inject=inject, tahun=tahun, years=years, fmt=fmt,
        workers=workers,
    )  # fmt: skip
    lang = _settings().lang
    click.echo(t("cli.generated", lang, n=len(result.paths), folder=out / "sintetis"))
    if result.truth_path is not None:
        n = result.injected.height
        click.echo(t("cli.ground_truth", lang, path=result.truth_path, n=n))


# ------------------------------------------------------------------ the office's loop
# template -> status -> feedback: self-contained, each a thin wrapper over its module.


@cli.command()
@click.option("--tahun", type=int, required=True, help="Report year of the template.")
@click.option("--kabupaten", required=True, help="Kemendagri kabupaten code, e.g. 12.19.")
@click.option(
    "--kecamatan",
    "kecamatan",
    multiple=True,
    help="Only this kecamatan (code 12.19.01 or name; repeatable) [default: all of them].",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("template"),
    show_default=True,
    help="Folder to write into; workbooks go to OUT/<tahun>/<kecamatan>.xlsx.",
)
@handled
def template(tahun: int, kabupaten: str, kecamatan: tuple[str, ...], out: Path) -> None:
    """Write the workbook each kecamatan fills in, generated from the submission format.

    One .xlsx per kecamatan of the kabupaten (from the national reference of
    kecamatan): instructions, every sheet and column of the format with comments,
    dropdowns and number rules, the identitas sheet pre-filled, header rows
    protected without a password, A4 landscape.

    \b
    Example:
      lakip template --tahun 2026 --kabupaten 12.19 --out template
    """
    lang = _settings().lang
    paths = api.template(tahun, kabupaten, kecamatan=kecamatan, out=out, lang=lang)
    if not _settings().quiet:
        for path in paths:
            click.echo(str(path))
    click.echo(t("cli.templates", lang, n=len(paths), folder=out / str(tahun)))


@cli.command()
@raw_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("umpan-balik"),
    show_default=True,
    help="Folder for the return packages: OUT/<tahun>/<kode>-<kecamatan>/.",
)
@click.option(
    "--kecamatan",
    "kecamatan",
    multiple=True,
    help="Only these kecamatan (name or code 12.19.01; repeatable).",
)
@click.option(
    "--batas",
    default=None,
    help="Resubmission deadline printed in the cover letter [default: a placeholder].",
)
@handled
def feedback(raw: Path, out: Path, kecamatan: tuple[str, ...], batas: str | None) -> None:
    """Write the return package of each submission under RAW: what to fix, where.

    Per submission, OUT/<tahun>/<kode>-<kecamatan>/ gets a copy of its own workbook
    with every finding's cell filled (red: error, amber: warning) and commented
    (message, expected and found, how to fix, root cause), a first sheet `Temuan`
    with a link to each cell, and a printable cover letter surat.html. A CSV
    submission gets the Temuan workbook. The files in RAW are only read.

    \b
    Example:
      lakip feedback --raw raw --out umpan-balik
      lakip feedback --raw raw --kecamatan "Medang Deras" --batas "31 Maret 2026"
    """
    settings = _settings()
    done = api.feedback(
        raw, out=out, kecamatan=kecamatan, deadline=batas, lang=settings.lang, workers=settings.jobs
    )
    if not settings.quiet:
        for path in done.workbooks:
            click.echo(str(path))
    click.echo(
        t("cli.feedback", settings.lang, n=len(done.folders), comments=done.comments, folder=out)
    )


@cli.command()
@raw_option
@tahun_option
@click.option("--kabupaten", default=None, help="Kemendagri kabupaten code, e.g. 12.19.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output: a terminal table, CSV or JSON.",
)
@handled
def status(raw: Path, tahun: int | None, kabupaten: str | None, fmt: str) -> None:
    """Show who has sent what: every kecamatan the reference expects, and its state.

    The rows are the kecamatan of the kabupaten of the submissions under RAW (or of
    --kabupaten), from the national reference. States: belum masuk (nothing
    received), tidak terbaca (unreadable file), galat (errors), hanya peringatan
    (warnings only), bersih (clean); with the versions received, the last received
    date and the file.

    \b
    Example:
      lakip status --tahun 2025
      lakip status --kabupaten 12.19 --format csv > pengiriman.csv
    """
    import shutil

    from pipeline import status as who

    settings = _settings()
    table = api.status(raw, tahun=tahun, kabupaten=kabupaten, workers=settings.jobs)
    if fmt != "table":
        click.echo(who.format_status(table, fmt), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    lang = settings.lang
    view = Table(title=t("console.submissions", lang))
    for name, head in zip(who.HEADERS, who.headers(lang), strict=True):
        view.add_column(head, overflow="fold", no_wrap=name not in ("kecamatan", "berkas"))
    for row in who.shown_rows(table, lang):
        view.add_row(*row)
    Console(width=max(shutil.get_terminal_size().columns, 120)).print(view)
    click.echo(who.summary(table, lang))


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
    try:
        cli(prog_name="lakip")
    finally:
        # The command is over (its message printed, its exit code set): a Ctrl-C from here
        # has nothing left to stop, and one it has told must not turn exit 1 into -2.
        forget_interrupt()
