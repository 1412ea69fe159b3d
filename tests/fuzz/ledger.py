"""The cell ledger: every non-empty cell a kecamatan sent is in the warehouse or in a finding.

:func:`unaccounted` reads every submission under a raw/ root on its own (fastexcel for
workbooks: every sheet, every cell, no header; the csv module for CSV folders, with
lakip's own decoding and separator sniffing) and returns the non-empty cells that the
warehouse does not account for. A cell is accounted for when it is

(a) a value of a table: a row of ``raw_<table>`` or ``raw_<table>_total`` at that sheet
    and row holds a value under the ``layout`` column with that letter (a null there
    counts only for a dash, which means "not filled", or for a total's label that lakip
    moved to the table's label column of the same row), or the header cell of such a
    column (``layout.header_row``);
(b) in ``raw_sel_lain`` at that sheet!cell (titles, notes, stray values, ...);
(c) named by a finding's ``cell`` ('sheet!H12': ING007 unreadable number, ...);
(d) covered by a finding whose scope is the whole sheet or file (:data:`SHEET_SCOPE`,
    :data:`FILE_SCOPE`): lakip said it did not read it, and why.

Row and column scopes are not needed: every cell of a note row, an unknown column or a
repeated header is in ``raw_sel_lain`` itself. A cell is non-empty when it holds a
character that is not white space (lakip's ``\\S``).

Limits: rows are numbered as fastexcel reads them with ``skip_rows=0`` (the same reader as
lakip's, so a reader that misnumbered rows would fool both); CSV files are decoded by
``pipeline.ingest.read._decode`` and split by ``_sniff_separator`` (a wrong guess there
is a wrong guess in both); formulas are compared by the value the file caches. Values
of text columns must be equal after strip; numbers are compared as "present and
non-null" only: lakip stores them typed (``'5.463.337.162,00'`` -> 5463337162.00).

Run it over fuzz mutants::

    python -m tests.fuzz.ledger --seed 1 --count 200

:func:`check_mutant` is the one call the campaign makes per mutant after its load stage.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import fastexcel
import polars as pl

REPO = Path(__file__).resolve().parents[2]

FILE_SCOPE = {"ING001", "ING015"}
"""Rules that, without a sheet, cover every cell of their file: unreadable (ING001) or not a
submission (ING015)."""
SHEET_SCOPE = {"ING001", "ING003", "ING004", "ING010", "ING014"}
"""Rules that cover every cell of the sheet they name: a CSV file that cannot be read
(ING001), an unknown sheet (ING003), a sheet without a header (ING004), a second sheet of
the same table (ING010), a sheet beyond the size limits (ING014)."""
BLANK = {"-", "–", "—", "--", "---"}
"""Texts lakip reads as "not filled" (pipeline.cells.DASHES): null in the table is right."""
_FILLED = re.compile(r"\S")
_WORKBOOKS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")


@dataclass(frozen=True)
class Cell:
    """One non-empty cell of a submission, and (when unaccounted) what was missing."""

    path: str
    submission_id: str
    sheet: str
    cell: str  # 'A12'
    row: int
    letter: str
    text: str
    why: str = ""

    def __str__(self) -> str:
        return f"{self.path} {self.sheet}!{self.cell} {self.text[:40]!r}: {self.why}"


def letter(index: int) -> str:
    """Excel column letters of a 0-based column index (A, ..., Z, AA, ...)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


# ---------------------------------------------------------------- the files, read on their own


def submissions(raw_root: Path) -> list[Path]:
    """Every workbook, CSV folder and loose CSV file under ``raw_root`` (not hidden, no lock
    file, not a file lakip writes itself).

    A folder is a CSV submission when one of its CSV files is named after a table (lakip's
    own rule, ``is_csv_submission``); other CSV files are loose files (ING015).
    """
    from pipeline.ingest.discovery import _OWN_FILES, is_csv_submission

    found: list[Path] = []
    for folder, dirs, files in os.walk(raw_root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        # lakip's own files beside the submissions (ground_truth.csv) are no submission
        names = sorted(f for f in files if not f.startswith((".", "~$")) and f not in _OWN_FILES)
        if here != raw_root and is_csv_submission(here):
            found.append(here)
            names = [f for f in names if not f.lower().endswith(".csv")]
        found.extend(here / f for f in names if f.lower().endswith((*_WORKBOOKS, ".csv")))
    return found


def submission_id(path: Path) -> str:
    from pipeline.ingest.discovery import fingerprint

    return fingerprint(path)[0][:16]


def _workbook_sheets(path: Path) -> Iterator[tuple[str, Iterator[tuple[int, int, str]] | None]]:
    """(sheet, cells) of a workbook; cells is a lazy (row, column, text) iterator."""
    reader = fastexcel.read_excel(path)
    for name in reader.sheet_names:

        def cells(name: str = name) -> Iterator[tuple[int, int, str]]:
            sheet = reader.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")
            columns = sheet.available_columns()
            frame = sheet.to_polars()
            for column, values in zip(columns, frame.iter_columns(), strict=True):
                for row, text in enumerate(values.to_list()):
                    if text is not None and _FILLED.search(text):
                        yield row, column.absolute_index, text

        yield name, cells()


def _csv_cells(file: Path) -> Iterator[tuple[int, int, str]]:
    from pipeline.ingest.discovery import _SHEETS
    from pipeline.ingest.read import _decode, _sniff_separator
    from schemas.contract import norm

    text, _ = _decode(file.read_bytes())
    sep = _sniff_separator(text, _SHEETS.get(norm(file.stem)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    for row, fields in enumerate(reader):
        for column, value in enumerate(fields):
            if _FILLED.search(value):
                yield row, column, value


def _sheets(path: Path) -> Iterator[tuple[str, Iterator[tuple[int, int, str]] | None]]:
    if path.is_dir():
        for file in sorted(path.glob("*.csv")):
            if file.is_file():
                yield file.name, _csv_cells(file)
    elif path.suffix.lower() == ".csv":
        yield path.name, _csv_cells(path)
    else:
        yield from _workbook_sheets(path)


# ---------------------------------------------------------------- the warehouse


@dataclass
class _Warehouse:
    values: dict[tuple[str, str, int, str], bool]  # (sid, sheet, row, letter) -> non-null
    texts: dict[tuple[str, str, int, str], str]  # ... -> the value of a text column
    row_texts: dict[tuple[str, str, int], set[str]]  # text values of a table row
    headers: set[tuple[str, str, int, str]]  # (sid, sheet, header_row, letter)
    others: set[tuple[str, str]]  # (sid, 'sheet!A1')
    cells: set[tuple[str, str]]  # (sid, 'sheet!A1') named by a finding
    sheets: set[tuple[str, str]]  # (sid, sheet) covered by a sheet-scope finding
    files: set[str]  # sid covered by a file-scope finding


def _read_warehouse(warehouse: Path) -> _Warehouse:
    from pipeline.load import quote, total_tables
    from schemas.contract import TABLES, Kind

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        layout = con.sql(
            'SELECT submission_id, "table", sheet, "column", letter, header_row FROM layout'
        ).pl()
        parts = []
        targets = [(t.name, f"raw_{t.name}", t) for t in TABLES]
        targets += [(t.name, f"raw_{t.name}_total", t) for t in total_tables()]
        for name, target, table in targets:
            if target not in tables:
                continue
            names = [c.name for c in table.columns]
            # a score given as its predikat alone ('CC') is in <column>_predikat
            cast = ", ".join(
                f"coalesce(CAST({quote(c.name)} AS VARCHAR), {quote(c.name + '_predikat')})"
                f" AS {quote(c.name)}"
                if c.kind is Kind.MEASURE
                else f"CAST({quote(c.name)} AS VARCHAR) AS {quote(c.name)}"
                for c in table.columns
            )
            frame = con.sql(f"SELECT submission_id, sheet, row, {cast} FROM {quote(target)}").pl()
            # text is stored as written, stripped ('kolom' of a key/value sheet is snake_cased)
            texts = [c.name for c in table.columns if c.kind is Kind.TEXT]
            texts = [n for n in texts if not (table.key_value and n == "kolom")]
            parts.append(
                frame.unpivot(index=["submission_id", "sheet", "row"], on=names,
                              variable_name="column", value_name="value")
                .with_columns(
                    pl.lit(name).alias("table"), pl.col("column").is_in(texts).alias("text")
                )
            )  # fmt: skip
        long = pl.concat(parts) if parts else None
        others = (
            con.sql("SELECT submission_id, cell FROM raw_sel_lain").fetchall()
            if "raw_sel_lain" in tables
            else []
        )
        findings = con.sql("SELECT rule, submission_id, sheet, cell FROM findings").fetchall()
    finally:
        con.close()
    values: dict[tuple[str, str, int, str], bool] = {}
    texts: dict[tuple[str, str, int, str], str] = {}
    row_texts: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    if long is not None:
        placed = long.join(
            layout.select("submission_id", "table", "sheet", "column", "letter"),
            on=["submission_id", "table", "sheet", "column"],
        )
        for sid, sheet, row, value, where, text in placed.select(
            "submission_id", "sheet", "row", "value", "letter", "text"
        ).iter_rows():
            key = (sid, sheet, row, where)
            values[key] = values.get(key, False) or value is not None
            if text and value is not None:
                texts[key] = value
        # every text of a row, whatever its column: a total's label moved to the label
        # column may sit in a column the sheet does not have
        for sid, sheet, row, value in (
            long.drop_nulls("value").select("submission_id", "sheet", "row", "value").iter_rows()
        ):
            row_texts[(sid, sheet, row)].add(value.strip())
    headers = {
        (sid, sheet, row, where)
        for sid, sheet, row, where in layout.select(
            "submission_id", "sheet", "header_row", "letter"
        ).iter_rows()
        if row is not None
    }
    cells: set[tuple[str, str]] = set()
    sheets: set[tuple[str, str]] = set()
    files: set[str] = set()
    for rule, sid, sheet, cell in findings:
        if cell:
            cells.add((sid, cell))
        if rule in SHEET_SCOPE and sheet:
            sheets.add((sid, sheet))
        if rule in FILE_SCOPE and not sheet:
            files.add(sid)
    return _Warehouse(values, texts, row_texts, headers, set(others), cells, sheets, files)


# ---------------------------------------------------------------- the ledger


def _why(w: _Warehouse, sid: str, sheet: str, row: int, where: str, text: str) -> str:
    """Empty when the cell is accounted for, else what is missing."""
    address = f"{sheet}!{where}{row}"
    if (sid, address) in w.others or (sid, address) in w.cells:
        return ""
    if (sid, sheet, row, where) in w.headers:
        return ""
    present = w.values.get((sid, sheet, row, where))
    stored = w.texts.get((sid, sheet, row, where))
    # a total's label moved to the label column is elsewhere in the same row (and sdm's
    # kategori, forward-filled, may hold the group's name where the label was)
    moved = text.strip() in w.row_texts.get((sid, sheet, row), set())
    if stored is not None and stored.strip() != text.strip() and not moved:
        return f"its table row holds another text there: {stored[:40]!r}"
    if present:
        return ""
    if present is None:
        return "in no table row, not in raw_sel_lain, named by no finding"
    if text.strip() in BLANK or moved:
        return ""
    return "its table row holds null there, and no finding names the cell"


def ledger(raw_root: Path, warehouse: Path) -> tuple[int, list[Cell]]:
    """(non-empty cells seen, the unaccounted ones) of every submission under ``raw_root``."""
    w = _read_warehouse(warehouse)
    seen = 0
    missing: list[Cell] = []
    for path in submissions(raw_root):
        sid = submission_id(path)
        shown = str(path.relative_to(raw_root))
        if sid in w.files:
            continue
        try:
            for sheet, cells in _sheets(path):
                if (sid, sheet) in w.sheets or cells is None:
                    continue
                for row, column, text in cells:
                    seen += 1
                    where = letter(column)
                    why = _why(w, sid, sheet, row + 1, where, text)
                    if why:
                        missing.append(
                            Cell(shown, sid, sheet, f"{where}{row + 1}", row + 1, where, text, why)
                        )
        except (OSError, ValueError, csv.Error, fastexcel.FastExcelError) as exc:
            # the checker cannot read it either: lakip must have said so for the file
            missing.append(Cell(shown, sid, "", "", 0, "", "", f"unreadable, no ING001: {exc}"))
    return seen, missing


def unaccounted(raw_root: Path, warehouse: Path) -> list[Cell]:
    """The non-empty cells under ``raw_root`` that are neither in the warehouse nor in a finding."""
    return ledger(Path(raw_root), Path(warehouse))[1]


def check_mutant(raw: Path, warehouse: Path) -> list[str]:
    """For the fuzz campaign, after a mutant's load stage: one line per unaccounted cell.

    Empty when every cell is accounted for, or when the load left no warehouse (a run
    that refused to load is the campaign's own finding, not the ledger's).
    """
    if not Path(warehouse).exists():
        return []
    return [str(c) for c in unaccounted(raw, warehouse)]


# ---------------------------------------------------------------- over fuzz mutants


def _load(raw: Path, warehouse: Path) -> str:
    from click.testing import CliRunner

    from pipeline.cli import cli

    result = CliRunner().invoke(
        cli, ["-q", "-j", "1", "load", "--raw", str(raw), "--warehouse", str(warehouse)]
    )
    return f"exit {result.exit_code}" + (f" {result.exception!r}" if result.exception else "")


def run(seed: int, indices: Iterable[int], skip: frozenset[str] = frozenset()) -> int:
    """Build, load and check each mutant; print the unaccounted cells, return how many."""
    sys.path.insert(0, str(REPO / "tests"))
    from fuzz.campaign import bases, build

    os.environ["CI"] = "1"
    workdir = Path(tempfile.mkdtemp(prefix="lakip-ledger-"))
    total = cells = 0
    try:
        base = bases(workdir)
        for index in indices:
            raw, mutant = build(seed, index, workdir, base, skip)
            warehouse = raw.parent / "w.duckdb"
            status = _load(raw, warehouse)
            lost: list[Cell] = []
            if warehouse.exists():
                seen, lost = ledger(raw, warehouse)
                cells += seen
            total += len(lost)
            if lost:
                print(f"mutant {index} ({'+'.join(mutant.ops)}, {status}): {len(lost)} unaccounted")
                for cell in lost[:5]:
                    print(f"    {cell}")
            with contextlib.suppress(OSError):
                shutil.rmtree(raw.parent)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"ledger: {cells} cells checked, {total} unaccounted")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--only", type=int, nargs="*", default=None)
    parser.add_argument("--skip", nargs="*", default=[], help="operators left out")
    args = parser.parse_args(argv)
    indices = args.only if args.only is not None else range(args.count)
    return 1 if run(args.seed, indices, frozenset(args.skip)) else 0


if __name__ == "__main__":
    sys.exit(main())
