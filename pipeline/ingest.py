"""Stage 1, ingest: workbooks and CSV folders -> one typed polars frame per table.

Reading is split so that only the unavoidable part is per file:

1. per file: which sheet holds which table (by its name), each sheet's cells read
   as text into an Arrow record batch, and the file-level findings (ING001-003,
   ING010);
2. per chunk of files (one chunk per worker process on large runs), over all sheets
   at once with polars: each sheet's header row and which column is which, then per
   table: classify rows (detail, declared total, note, repeated header) and parse
   every cell with the readers of :mod:`pipeline.cells`, one reader call per kind.

Every value keeps ``submission_id``, ``sheet`` and Excel ``row``; the ``layout``
frame maps each (submission, table, column) to its column letter, so any finding
can point at ``sheet!cell``. Nothing is dropped silently: a value that cannot be
read becomes a finding carrying the raw text.
"""

from __future__ import annotations

import atexit
import csv
import hashlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from typing import Any

import fastexcel
import polars as pl
import pyarrow as pa

from pipeline.cells import column_letter, read_cells, read_column, value_dtype
from pipeline.errors import LakipError
from schemas.contract import (
    IDENTITAS_KEYS,
    LABEL_PUNCTUATION,
    TABLE_BY_NAME,
    TABLES,
    TOTAL_LABELS,
    UNIT_IN_PARENS,
    Kind,
    Table,
    header_lookup,
    norm,
    sheet_lookup,
)
from schemas.findings import concat_findings, empty_findings, locate, make_findings

HEADER_SCAN_ROWS = 25
HEADER_QUICK_ROWS = 6  # scanned first; deeper only for sheets without a complete header here
_LABEL_BYTES = 64  # longer than any header or total label (at most 32 characters)
_COL = "__UNNAMED__"  # fastexcel's name for column j of a sheet read without a header
_NOTE = r"^\s*(sumber|keterangan|catatan|ket\s*[:.]|note|source)"
_SHEETS = sheet_lookup()
_HEADERS = {t.name: header_lookup(t) for t in TABLES}
_HEADER_KEYS = {t.name: sorted(_HEADERS[t.name]) for t in TABLES}
_TOTAL_KEYS = sorted(TOTAL_LABELS)

SUBMISSION_SCHEMA: dict[str, pl.DataType] = {
    "submission_id": pl.String(),
    "path": pl.String(),
    "format": pl.String(),
    "sha256": pl.String(),
    "bytes": pl.Int64(),
    "provinsi": pl.String(),
    "kabupaten": pl.String(),
    "kecamatan": pl.String(),
    "tahun": pl.Int64(),
    "kode_wilayah": pl.String(),
    "penanggung_jawab": pl.String(),
    "nip": pl.String(),
    "tanggal_laporan": pl.String(),
    "sintetis": pl.Boolean(),
}
LAYOUT_SCHEMA: dict[str, pl.DataType] = {
    "submission_id": pl.String(),
    "table": pl.String(),
    "sheet": pl.String(),
    "column": pl.String(),
    "letter": pl.String(),
}


class IngestError(LakipError):
    """Raised for usage problems (a path that does not exist), never for bad data."""


@dataclass
class Batch:
    """Everything one run read: all submissions, each table concatenated across them."""

    submissions: pl.DataFrame
    tables: dict[str, pl.DataFrame]
    totals: dict[str, pl.DataFrame]
    layout: pl.DataFrame
    findings: pl.DataFrame
    skipped: list[str] = field(default_factory=list)  # unchanged files not read (by sha256)

    def table(self, name: str) -> pl.DataFrame:
        return self.tables[name]


@dataclass
class _FileRead:
    submission_id: str
    path: str
    fmt: str
    sha256: str
    size: int
    findings: list[dict[str, object]] = field(default_factory=list)


# ---------------------------------------------------------------- discovery


def discover(root: Path) -> list[Path]:
    """Submissions under ``root``: ``*.xlsx`` files and folders holding ``*.csv`` files."""
    if not root.exists():
        raise IngestError(f"{root} does not exist")
    if root.is_file():
        return [root]
    if _is_csv_submission(root):
        return [root]
    found: list[Path] = []
    for path in sorted(root.rglob("*")):
        if path.name.startswith(("~$", ".")):
            continue
        is_workbook = path.is_file() and path.suffix.lower() == ".xlsx"
        if is_workbook or (path.is_dir() and _is_csv_submission(path)):
            found.append(path)
    return found


def _is_csv_submission(folder: Path) -> bool:
    """A folder is a CSV submission when one of its CSV files is named after a table."""
    return any(norm(p.stem) in _SHEETS for p in folder.glob("*.csv"))


def fingerprint(path: Path) -> tuple[str, int]:
    """sha256 and size of a workbook, or of a CSV folder's files in name order."""
    digest = hashlib.sha256()
    size = 0
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    for file in files:
        data = file.read_bytes()
        if path.is_dir():
            digest.update(file.name.encode())
        digest.update(data)
        size += len(data)
    return digest.hexdigest(), size


# ---------------------------------------------------------------- per file


@dataclass
class _Sheets:
    """The text of every table sheet of a chunk of files, and where each came from.

    Sheets stay Arrow record batches until the whole chunk is read: one polars frame
    per sheet would cost more than reading the sheet.
    """

    data: list[pa.RecordBatch] = field(default_factory=list)
    submission_id: list[str] = field(default_factory=list)
    sheet: list[str] = field(default_factory=list)
    table: list[str] = field(default_factory=list)
    offset: list[int] = field(default_factory=list)  # absolute index of the first column

    def add(self, sub: str, sheet: str, table: str, offset: int, data: pa.RecordBatch) -> None:
        self.data.append(data)
        self.submission_id.append(sub)
        self.sheet.append(sheet)
        self.table.append(table)
        self.offset.append(offset)

    def truncate(self, size: int) -> None:
        for values in (self.data, self.submission_id, self.sheet, self.table, self.offset):
            del values[size:]


def _finding(**kw: object) -> dict[str, object]:
    return kw


def _has_values(data: pa.RecordBatch) -> bool:
    return data.num_rows > 0 and any(c.null_count < len(c) for c in data.columns)


def _sniff_separator(text: bytes, table: str | None) -> str:
    """';' or ',': the one under which some top row names most of the table's columns.

    Counting characters misleads (decimals '3,82' and names with commas), so both
    readings of the top lines are tried against the contract's header labels.
    """
    head = text[:8192].decode("utf-8", errors="replace").splitlines()[:HEADER_SCAN_ROWS]
    lookup = _HEADERS.get(table or "", {})
    scores: dict[str, int] = {}
    for sep in (";", ","):
        rows = list(csv.reader(head, delimiter=sep))
        scores[sep] = max((sum(norm(c) in lookup for c in row) for row in rows), default=0)
    return max((";", ","), key=lambda sep: scores[sep])  # a tie keeps ';'


def _claim(sub: _FileRead, seen: dict[str, str], sheet: str, table: str) -> str | None:
    """``table`` if this is the first sheet that holds it, else None and ING010."""
    if table in seen:
        sub.findings.append(
            _finding(rule="ING010", severity="error", table=table, sheet=sheet,
                     cell=sheet, found=sheet, expected=seen[table])
        )  # fmt: skip
        return None
    seen[table] = sheet
    return table


def _unknown(sub: _FileRead, sheet: str, data: pa.RecordBatch) -> None:
    if _has_values(data):
        sub.findings.append(
            _finding(rule="ING003", severity="warning", sheet=sheet, cell=sheet, found=sheet)
        )


def _empty(sub: _FileRead, sheet: str, table: str) -> None:
    sub.findings.append(
        _finding(rule="ING004", severity="error", table=table, sheet=sheet, cell=sheet,
                 detail="sheet is empty")
    )  # fmt: skip


def _read_workbook(data: bytes, sub: _FileRead, sheets: _Sheets, seen: dict[str, str]) -> None:
    # From the bytes already in memory (read once for the hash too): fastexcel reads a
    # workbook from bytes about 10% faster than from its path. Eager sheets skip the
    # lazy sheet object; the column filter only notes where the sheet's first column is.
    reader = fastexcel.read_excel(data)
    for name in reader.sheet_names:
        named = _SHEETS.get(norm(name))
        if named is None:
            batch = reader.load_sheet(
                name, header_row=None, skip_rows=0, dtypes="string", eager=True
            )
            _unknown(sub, name, batch)
            continue
        table = _claim(sub, seen, name, named)
        if table is None:
            continue
        first: list[int] = []

        def note_first(column: Any, first: list[int] = first) -> bool:
            if not first:
                first.append(column.absolute_index)
            return True

        batch = reader.load_sheet(
            name, header_row=None, skip_rows=0, dtypes="string", eager=True, use_columns=note_first
        )
        if batch.num_rows == 0 or not first:
            _empty(sub, name, table)
            continue
        sheets.add(sub.submission_id, name, table, first[0], batch)


def _read_csv_folder(folder: Path, sub: _FileRead, sheets: _Sheets, seen: dict[str, str]) -> None:
    for file in sorted(folder.glob("*.csv")):
        text = file.read_bytes()
        named = _SHEETS.get(norm(file.stem))
        sep = _sniff_separator(text, named)
        try:
            frame = pl.read_csv(
                text,
                has_header=False,
                infer_schema=False,
                separator=sep,
                truncate_ragged_lines=True,
                encoding="utf8-lossy",
            )
        except (pl.exceptions.PolarsError, ValueError) as exc:
            # one broken file is a finding for that file; the folder's other tables still load
            sub.findings.append(
                _finding(rule="ING001", severity="error", sheet=file.name, cell=file.name,
                         detail=str(exc).splitlines()[0][:300])
            )  # fmt: skip
            continue
        names = [f"{_COL}{j}" for j in range(frame.width)]
        data = frame.to_arrow().rename_columns(names)
        data = data.cast(pa.schema([pa.field(n, pa.string()) for n in names]))
        batch = data.combine_chunks().to_batches()
        if named is None:
            if batch:
                _unknown(sub, file.name, batch[0])
            continue
        table = _claim(sub, seen, file.name, named)
        if table is None:
            continue
        if frame.height == 0:
            _empty(sub, file.name, table)
            continue
        sheets.add(sub.submission_id, file.name, table, 0, batch[0])


def read_submission(path: Path, sheets: _Sheets, known: tuple[str, int] | None = None) -> _FileRead:
    """Read one workbook or CSV folder: its sheets go to ``sheets`` as text, unparsed.

    ``known`` is the file's (sha256, size) when the caller has hashed it already.
    """
    folder = path.is_dir()
    fmt = "csv" if folder else "xlsx"
    data = None if folder else path.read_bytes()
    if known is not None:
        sha, size = known
    elif data is None:
        sha, size = fingerprint(path)
    else:
        sha, size = hashlib.sha256(data).hexdigest(), len(data)
    sub = _FileRead(sha[:16], str(path), fmt, sha, size)
    mark = len(sheets.data)
    seen: dict[str, str] = {}
    try:
        if data is None:
            _read_csv_folder(path, sub, sheets, seen)
        else:
            _read_workbook(data, sub, sheets, seen)
    except (OSError, ValueError, fastexcel.FastExcelError, pl.exceptions.PolarsError) as exc:
        # a corrupt or foreign file is a finding, not a traceback; none of it is kept
        sheets.truncate(mark)
        sub.findings = [
            _finding(rule="ING001", severity="error", cell=path.name, detail=str(exc)[:300])
        ]
        return sub
    for table in TABLES:
        if table.required and table.name not in seen:
            sub.findings.append(
                _finding(rule="ING002", severity="error", table=table.name, cell=table.name)
            )
    return sub


# ---------------------------------------------------------------- per chunk, vectorised


def _position(column: str) -> int:
    return int(column[len(_COL) :])


def _column_index() -> pl.Expr:
    """:func:`_position` of an unpivoted ``_col``, as ``j``."""
    return pl.col("_col").str.slice(len(_COL)).cast(pl.Int64).alias("j")


def _cells(sheets: _Sheets) -> dict[str, pl.DataFrame]:
    """Per table, its sheets of the chunk as one text frame: ``_s``, ``_r`` and the cells.

    ``_s`` is the sheet, ``_r`` the 0-based row; cell columns are ``__UNNAMED__<j>``,
    ``j`` counted from the sheet's first column. Sheets of one shape are concatenated
    by Arrow without copying, the few shapes of a table aligned by name (missing
    columns null) and copied once.
    """
    groups: dict[tuple[str, pa.Schema], list[int]] = {}
    for i, data in enumerate(sheets.data):
        groups.setdefault((sheets.table[i], data.schema), []).append(i)
    by_table: dict[str, list[list[int]]] = {}
    for (table, _), members in groups.items():
        by_table.setdefault(table, []).append(members)
    out: dict[str, pl.DataFrame] = {}
    for table, shapes in by_table.items():
        parts = [pa.Table.from_batches([sheets.data[i] for i in m]) for m in shapes]
        arrow = pa.concat_tables(parts, promote_options="default").combine_chunks()
        text = pl.DataFrame(arrow)
        ordered = sorted(text.columns, key=_position)
        text = text.select(ordered)
        order = [i for m in shapes for i in m]
        where = pl.DataFrame(
            {"_s": order, "_h": [sheets.data[i].num_rows for i in order]},
            schema={"_s": pl.Int64, "_h": pl.Int64},
        ).select(
            pl.col("_s").repeat_by("_h").explode(),
            pl.int_ranges(0, "_h", dtype=pl.Int64).explode().alias("_r"),
        )
        frame = pl.concat([where, text], how="horizontal")
        # shapes interleave across files: restore file and row order when they do
        out[table] = frame if len(shapes) == 1 else frame.sort("_s", "_r")
    return out


def _label_frame() -> pl.DataFrame:
    """(table, normalised label) -> column name, and whether the column is required."""
    rows = [
        (t.name, label, name, next(c.required for c in t.columns if c.name == name))
        for t in TABLES
        for label, name in _HEADERS[t.name].items()
    ]
    return pl.DataFrame(
        rows, schema=["table", "key", "name", "required"], orient="row"
    ).with_columns(pl.col("required").cast(pl.Int64))


_LABELS = _label_frame()
_LABEL_KEYS = _LABELS.get_column("key").unique().sort().implode()
_REQUIRED = {t.name: sum(c.required for c in t.columns) for t in TABLES}


def _norm_expr(expr: pl.Expr) -> pl.Expr:
    """:func:`schemas.contract.norm` as a polars expression."""
    return (
        expr.str.strip_chars()
        .str.to_lowercase()
        .str.replace_all(UNIT_IN_PARENS, "${1}")
        .str.replace_all(LABEL_PUNCTUATION, "")
    )


def _letters(frame: pl.DataFrame, index: str) -> pl.Expr:
    """Excel column letters of the 0-based absolute column index ``index``."""
    top = int(frame.get_column(index).max() or 0) if frame.height else 0  # type: ignore[arg-type]
    return pl.col(index).replace_strict(
        list(range(top + 1)), [column_letter(i) for i in range(top + 1)], return_dtype=pl.String
    )


def _cell_columns(frame: pl.DataFrame) -> list[str]:
    return [c for c in frame.columns if c.startswith(_COL)]


def _headers(
    cells: dict[str, pl.DataFrame],
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Each sheet's header row and which column is which, for all sheets at once.

    The header is the first row among the top rows that names every required column
    of the table; failing that, the first row naming the most columns (at least two).
    A label counts once per row (its leftmost cell). Returns (header: ``_s``,
    ``header_r``), (mapping: ``_s``, ``j``, ``name``) and the top rows' cells.

    Most headers sit in the first few rows, and a complete header there is final (rows
    below cannot come first), so the top rows are scanned first and only the sheets
    left undecided are scanned down to ``HEADER_SCAN_ROWS``.
    """
    header, mapping, top = _scan_headers(cells, HEADER_QUICK_ROWS, complete_only=True)
    decided = header.get_column("_s")
    rest = {t: f.filter(~pl.col("_s").is_in(decided.implode())) for t, f in cells.items()}
    rest = {t: f for t, f in rest.items() if f.height}
    if rest:
        more_header, more_mapping, more_top = _scan_headers(
            rest, HEADER_SCAN_ROWS, complete_only=False
        )
        header = pl.concat([header, more_header])
        mapping = pl.concat([mapping, more_mapping])
        # the quick pass already holds every sheet's top rows
        top = pl.concat([top, more_top.filter(pl.col("_r") >= HEADER_QUICK_ROWS)])
    return header, mapping.sort("_s", "j"), top


def _scan_headers(
    cells: dict[str, pl.DataFrame], depth: int, complete_only: bool
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    top = pl.concat(
        [
            frame.filter(pl.col("_r") < depth)
            .unpivot(
                index=["_s", "_r"], on=_cell_columns(frame), variable_name="_col", value_name="v"
            )
            .drop_nulls("v")
            .with_columns(
                pl.lit(table).alias("table"),
                _column_index(),
            )
            .drop("_col")
            for table, frame in cells.items()
        ]
    )
    # Normalised per distinct text (titles and headers repeat across files), and only
    # the texts that are some column's label are joined back.
    distinct = top.select(pl.col("v").unique()).filter(pl.col("v").str.len_bytes() <= _LABEL_BYTES)
    keyed = distinct.with_columns(_norm_expr(pl.col("v")).alias("key")).filter(
        pl.col("key").is_in(_LABEL_KEYS)
    )
    hits = (
        top.join(keyed, on="v")
        .join(_LABELS, on=["table", "key"])
        .group_by("_s", "_r", "name")
        .agg(pl.col("j").min(), pl.col("required").first(), pl.col("table").first())
    )
    n_required = pl.col("table").replace_strict(_REQUIRED, return_dtype=pl.Int64)
    rows = (
        hits.group_by("_s", "_r")
        .agg(pl.len().cast(pl.Int64).alias("n"), pl.col("required").sum(), pl.col("table").first())
        .sort("_s", "_r")
        .with_columns(
            prev=pl.col("n").cum_max().shift(1).over("_s").fill_null(0),
            complete=pl.col("required") >= n_required,
        )
        .filter((pl.col("n") >= 2) & (pl.col("n") > pl.col("prev")))
    )
    complete = pl.col("_r").filter(pl.col("complete")).min()
    chosen = complete if complete_only else pl.coalesce(complete, pl.col("_r").max())
    header = rows.group_by("_s").agg(chosen.alias("header_r")).drop_nulls("header_r")
    mapping = hits.join(header, left_on=["_s", "_r"], right_on=["_s", "header_r"]).select(
        "_s", "j", "name"
    )
    return header, mapping, top


def _structure_findings(
    cells: dict[str, pl.DataFrame],
    meta: pl.DataFrame,
    header: pl.DataFrame,
    mapping: pl.DataFrame,
    top: pl.DataFrame,
) -> list[pl.DataFrame]:
    """ING004 (no header), ING005 (required column missing), ING006 (unknown column)."""
    out = []
    described = {t.name: ", ".join(c.name for c in t.columns) for t in TABLES}
    no_header = meta.join(header, on="_s", how="anti")
    if no_header.height:
        out.append(
            make_findings(
                no_header.select(
                    "submission_id", "table", "sheet", pl.col("sheet").alias("cell"),
                    pl.col("table").replace_strict(described).alias("detail"),
                ),
                "ING004", "error",
            )
        )  # fmt: skip
    with_header = meta.join(header, on="_s")
    required = _LABELS.filter(pl.col("required") == 1).select("table", "name").unique()
    missing = (
        with_header.join(required, on="table")
        .join(mapping, on=["_s", "name"], how="anti")
        .sort("_s", "name")
    )
    if missing.height:
        out.append(
            make_findings(
                missing.select(
                    "submission_id", "table", "sheet", pl.col("sheet").alias("cell"),
                    pl.col("name").alias("column"), (pl.col("header_r") + 1).alias("row"),
                ),
                "ING005", "error",
            )
        )  # fmt: skip
    # Columns the contract does not know: their values would be lost, so say so.
    counts = pl.concat(
        [
            frame.join(header, on="_s")
            .filter(pl.col("_r") > pl.col("header_r"))
            .group_by("_s")
            .agg([(pl.col(c).str.strip_chars() != "").sum().alias(c) for c in _cell_columns(frame)])
            .unpivot(index="_s", variable_name="_col", value_name="values")
            .filter(pl.col("values") > 0)
            for frame in cells.values()
        ]
    )
    counts = counts.with_columns(_column_index()).join(mapping, on=["_s", "j"], how="anti")
    if counts.height:
        unknown = (
            counts.join(with_header, on="_s")
            .join(
                top.select("_s", pl.col("_r").alias("header_r"), "j", pl.col("v").alias("label")),
                on=["_s", "header_r", "j"],
                how="left",
            )
            .with_columns((pl.col("offset") + pl.col("j")).alias("_abs"))
            .sort("_s", "j")
        )
        out.append(
            make_findings(
                unknown.select(
                    "submission_id", "table", "sheet",
                    pl.format("{}!{}{}", "sheet", _letters(unknown, "_abs"), pl.col("header_r") + 1)
                    .alias("cell"),
                    (pl.col("header_r") + 1).alias("row"),
                    pl.col("label").fill_null("").alias("found"),
                    pl.col("values").cast(pl.String).alias("detail"),
                ),
                "ING006", "warning",
            )
        )  # fmt: skip
    return out


def _table_text(
    cells: dict[str, pl.DataFrame], meta: pl.DataFrame, header: pl.DataFrame, mapping: pl.DataFrame
) -> dict[str, pl.DataFrame]:
    """Per table, the data rows below each header with columns under their contract names."""
    where = meta.select("_s", "submission_id", "sheet")
    out: dict[str, pl.DataFrame] = {}
    for table in TABLES:
        frame = cells.get(table.name)
        if frame is None:
            continue
        rows = (
            frame.join(header, on="_s", maintain_order="left")
            .filter(pl.col("_r") > pl.col("header_r"))
            .join(where, on="_s", maintain_order="left")
        )
        placed = mapping.join(frame.select(pl.col("_s").unique()), on="_s")
        if placed.height:
            wide = placed.pivot(on="name", index="_s", values="j")
            wide = wide.rename({n: f"_j_{n}" for n in wide.columns if n != "_s"})
            rows = rows.join(wide, on="_s", how="left", maintain_order="left")
        # Only the positions a column actually has in some sheet are tried (one or two:
        # most sheets follow the template).
        where_is = {
            name: sorted(group.get_column("j").unique().to_list())
            for (name,), group in placed.group_by("name")
        }
        exprs = []
        for name in [c.name for c in table.columns]:
            if f"_j_{name}" not in rows.columns:
                exprs.append(pl.lit(None, dtype=pl.String).alias(name))
                continue
            pick = pl.col(f"_j_{name}")
            branches = [pl.when(pick == j).then(pl.col(f"{_COL}{j}")) for j in where_is[name]]
            exprs.append(pl.coalesce(branches).alias(name))
        out[table.name] = rows.select(
            "submission_id", "sheet", (pl.col("_r") + 1).alias("row"), *exprs
        )
    return out


# ---------------------------------------------------------------- per table, vectorised


def _text_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.kind is Kind.TEXT]


def _labelled(column: pl.Series, table: str) -> tuple[pl.Series, pl.Series]:
    """The distinct cells of ``column`` that normalise to a total label / a header label.

    Normalised per distinct value: names repeat across submissions, and only short
    cells can be a label at all.
    """
    short = column.filter(column.str.len_bytes() <= _LABEL_BYTES).unique()
    normed = short.str.to_lowercase().str.replace_all(LABEL_PUNCTUATION, "")
    return (
        short.filter(normed.is_in(_TOTAL_KEYS)),
        short.filter(normed.is_in(_HEADER_KEYS[table])),
    )


def _classify(frame: pl.DataFrame, table: Table) -> pl.DataFrame:
    """Add ``_kind``: data, total, note, header or empty, over all submissions at once."""
    names = [c.name for c in table.columns]
    all_blank = ~pl.any_horizontal([pl.col(n).str.contains(r"\S").fill_null(False) for n in names])
    text_cols = [n for n in (*_text_columns(table), "no") if n in names] or names[:1]
    found = {n: _labelled(frame.get_column(n), table.name) for n in text_cols}
    total_hit = pl.any_horizontal([pl.col(n).is_in(found[n][0].implode()) for n in text_cols])
    # A header repeated inside the data (a table pasted page by page): its text cells
    # name columns and no number column holds a digit ('JUMLAH' with figures is a total).
    label_hit = frame.select(
        pl.any_horizontal([pl.col(n).is_in(found[n][1].implode()) for n in text_cols]).fill_null(
            False
        )
    ).to_series()
    numeric = [n for n in names if n not in text_cols]
    header_hit = label_hit
    if numeric and label_hit.any():
        # the digit test only on the few rows naming a column
        no_digits = ~pl.any_horizontal(
            [pl.col(n).str.contains(r"\d").fill_null(False) for n in numeric]
        )
        clean = frame.filter(label_hit).select(no_digits).to_series()
        header_hit = label_hit.clone().scatter(label_hit.arg_true(), clean)
    stripped = [pl.col(n).str.strip_chars() for n in names[:3]]
    first = pl.coalesce([pl.when(e == "").then(None).otherwise(e) for e in stripped])
    # Key/value sheets (identitas) may hold a key such as 'sumber': not a note there.
    note_hit = (
        pl.lit(False) if table.key_value else first.str.contains("(?i)" + _NOTE).fill_null(False)
    )
    kind = (
        pl.when(all_blank)
        .then(pl.lit("empty"))
        .when(pl.lit(header_hit))
        .then(pl.lit("header"))
        .when(note_hit)
        .then(pl.lit("note"))
        .when(total_hit.fill_null(False) if table.total_label else pl.lit(False))
        .then(pl.lit("total"))
        .otherwise(pl.lit("data"))
    )
    return frame.with_columns(kind.alias("_kind"))


def _parse(bodies: dict[str, pl.DataFrame]) -> dict[str, tuple[pl.DataFrame, pl.DataFrame]]:
    """Per table, typed columns plus the cells that could not be read.

    Every column of one kind, across all tables, is parsed in one pass: a reader
    costs a few milliseconds per call whatever its length, so one call per kind
    instead of one per column keeps small chunks cheap.
    """
    pieces: dict[Kind, list[tuple[str, str, int]]] = {}
    series: dict[Kind, list[pl.Series]] = {}
    for name, body in bodies.items():
        for col in TABLE_BY_NAME[name].columns:
            pieces.setdefault(col.kind, []).append((name, col.name, body.height))
            series.setdefault(col.kind, []).append(body.get_column(col.name).rename("x"))
    typed: dict[tuple[str, str], pl.DataFrame] = {}
    for kind, items in pieces.items():
        out = read_column(pl.DataFrame(pl.concat(series[kind])), "x", kind)
        outputs = ["x", *[c for c in ("x_predikat", "x_desimal", "_status_x") if c in out.columns]]
        out = out.select(outputs)
        offset = 0
        for table, column, height in items:
            part = out.slice(offset, height)
            part.columns = [c.replace("x", column, 1) for c in outputs]
            typed[(table, column)] = part
            offset += height
    result: dict[str, tuple[pl.DataFrame, pl.DataFrame]] = {}
    for name, body in bodies.items():
        parts = [body.select("submission_id", "sheet", "row")]
        issues = []
        for col in TABLE_BY_NAME[name].columns:
            part = typed[(name, col.name)]
            final = [col.name]
            if col.kind is Kind.MEASURE:
                final.append(f"{col.name}_predikat")
            if col.kind in (Kind.PERCENT, Kind.MEASURE):
                final.append(f"{col.name}_desimal")
            parts.append(part.select(final))
            if col.kind is Kind.TEXT:
                continue
            status = part.get_column(f"_status_{col.name}")
            bad = status.is_in(["unreadable", "ambiguous"])
            if bad.any():
                issues.append(
                    body.filter(bad).select(
                        "submission_id",
                        "sheet",
                        "row",
                        pl.lit(name).alias("table"),
                        pl.lit(col.name).alias("column"),
                        pl.col(col.name).alias("found"),
                        status.filter(bad).alias("detail"),
                        part.get_column(col.name).filter(bad).cast(pl.String).alias("expected"),
                    )
                )
        parts.append(body.select("_kind"))
        issue_frame = pl.concat(issues) if issues else pl.DataFrame()
        result[name] = (pl.concat(parts, how="horizontal"), issue_frame)
    return result


def _empty_table(table: Table) -> pl.DataFrame:
    schema: dict[str, pl.DataType] = {
        "submission_id": pl.String(),
        "sheet": pl.String(),
        "row": pl.Int64(),
    }
    for col in table.columns:
        schema[col.name] = value_dtype(col.kind)
        if col.kind is Kind.MEASURE:
            schema[f"{col.name}_predikat"] = pl.String()
        if col.kind in (Kind.PERCENT, Kind.MEASURE):
            schema[f"{col.name}_desimal"] = pl.Int8()
    return pl.DataFrame(schema=schema)


def _snake(expr: pl.Expr) -> pl.Expr:
    return (
        expr.str.strip_chars()
        .str.to_lowercase()
        .str.replace_all(r"[\s\-.:/()]+", "_")
        .str.strip_chars("_")
    )


def _submissions(reads: list[_FileRead], identitas: pl.DataFrame) -> pl.DataFrame:
    base = pl.DataFrame(
        {
            "submission_id": [r.submission_id for r in reads],
            "path": [r.path for r in reads],
            "format": [r.fmt for r in reads],
            "sha256": [r.sha256 for r in reads],
            "bytes": [r.size for r in reads],
        },
        schema={
            k: SUBMISSION_SCHEMA[k] for k in ("submission_id", "path", "format", "sha256", "bytes")
        },
    )
    keys = identitas.filter(pl.col("kolom").is_in(list(IDENTITAS_KEYS))).unique(
        ["submission_id", "kolom"], keep="first", maintain_order=True
    )
    wide = keys.pivot(on="kolom", index="submission_id", values="nilai") if keys.height else None
    if wide is None:
        wide = pl.DataFrame(schema={"submission_id": pl.String()})
    out = base.join(wide, on="submission_id", how="left")
    for name in SUBMISSION_SCHEMA:
        if name not in out.columns:
            out = out.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    tahun = read_cells(pl.col("tahun"), Kind.INTEGER).struct.field("value")
    sintetis = (
        pl.col("sintetis")
        .str.to_lowercase()
        .str.strip_chars()
        .is_in(["ya", "yes", "true", "1", "sintetis", "synthetic"])
        .fill_null(False)
    )
    return out.with_columns(tahun.alias("tahun"), sintetis.alias("sintetis")).select(
        [pl.col(n).cast(t) for n, t in SUBMISSION_SCHEMA.items()]
    )


PARALLEL_MIN_FILES = 96
"""Below this many files a process pool costs more to start than it saves."""
MAX_CHUNK_FILES = 1024
"""Files per worker task: bounds a worker's memory (about 150 MB per 1,000 files)."""


PROGRESS_EVERY = 16
"""A worker reports progress every this many files read."""
_progress_queue: Any = None  # set in each worker process by _start_worker
_kept: list[_Sheets] | None = None  # in a worker: the last chunk's sheets (see _exit_at_once)


def _start_worker(queue: Any) -> None:
    global _progress_queue, _kept
    _progress_queue = queue
    _kept = []
    atexit.register(_exit_at_once)


def _exit_at_once() -> None:
    """End a worker without freeing its last chunk's sheets piece by piece.

    Freeing a chunk's Arrow sheets costs about 0.2 s per 1,000 files (a few
    microseconds for each of their tens of thousands of arrays, imported from
    fastexcel). A worker frees a chunk's sheets only when it starts the next one
    (keeping them all would hold about 180 MB per 1,000 files), and the last chunk's
    are taken back by the operating system at once when it exits. Progress still in
    the queue is flushed first.
    """
    if _progress_queue is not None:
        _progress_queue.close()
        _progress_queue.join_thread()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _ingest_chunk(
    paths: list[Path],
    prints: list[tuple[str, int]] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Batch:
    """Read and parse one chunk of files into a batch (in a worker process, or inline)."""
    known: list[tuple[str, int] | None] = list(prints) if prints else [None] * len(paths)
    report = progress or (_progress_queue.put if _progress_queue is not None else None)
    if _kept is not None:
        _kept.clear()  # the previous chunk's sheets
    sheets = _Sheets()
    reads = []
    for i, (path, fingerprint_) in enumerate(zip(paths, known, strict=True), start=1):
        reads.append(read_submission(path, sheets, fingerprint_))
        if report and (i % PROGRESS_EVERY == 0 or i == len(paths)):
            report(i % PROGRESS_EVERY or PROGRESS_EVERY)
    batch = assemble(reads, sheets)
    if _kept is not None:
        _kept.append(sheets)
    return batch


def _concat(batches: list[Batch]) -> Batch:
    if len(batches) == 1:
        return batches[0]
    first = batches[0]
    return Batch(
        pl.concat([b.submissions for b in batches]),
        {k: pl.concat([b.tables[k] for b in batches]) for k in first.tables},
        {k: pl.concat([b.totals[k] for b in batches]) for k in first.totals},
        pl.concat([b.layout for b in batches]),
        concat_findings([b.findings for b in batches]),
    )


def chunk_size(files: int, workers: int) -> int:
    """Files per worker task: as few tasks as memory allows, a multiple of the workers.

    Each task pays a fixed ~0.3 s of query planning, so fewer is faster; a count that
    is a multiple of the workers keeps them all busy to the end.
    """
    rounds = -(-files // (MAX_CHUNK_FILES * workers))
    return max(1, -(-files // (rounds * workers)))


@contextmanager
def _one_polars_thread() -> Iterator[None]:
    """Processes spawned inside start with one polars thread.

    The workers already fill the cores; polars' own pool in each of them would only
    contend (about 10% more CPU per chunk).
    """
    saved = os.environ.get("POLARS_MAX_THREADS")
    os.environ["POLARS_MAX_THREADS"] = "1"
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("POLARS_MAX_THREADS", None)
        else:
            os.environ["POLARS_MAX_THREADS"] = saved


def _ready() -> None:
    """A no-op task: submitting one per worker starts them all (they import this module)."""


class _Workers:
    """Worker processes, started before the files are hashed so that their start-up
    (a fresh interpreter importing polars, about 0.3 s) overlaps the hashing.

    Spawned, not forked: polars' thread pool does not survive a fork. Workers report
    files read through a queue, so a progress bar moves within a chunk.
    """

    def __init__(self, workers: int, progress: bool) -> None:
        context = multiprocessing.get_context("spawn")
        self.workers = workers
        self.queue: Any = context.Queue() if progress else None
        with _one_polars_thread():
            self.pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.queue,),
            )
            for _ in range(workers):
                self.pool.submit(_ready)

    def map_chunks(
        self,
        paths: list[Path],
        prints: list[tuple[str, int]],
        progress: Callable[[int], None] | None,
    ) -> list[Batch]:
        size = chunk_size(len(paths), self.workers)
        with _one_polars_thread():
            futures = [
                self.pool.submit(_ingest_chunk, paths[i : i + size], prints[i : i + size])
                for i in range(0, len(paths), size)
            ]
        reported = 0

        def drain(timeout: float = 0.0) -> None:
            nonlocal reported
            while self.queue is not None and progress is not None and reported < len(paths):
                try:
                    n = self.queue.get(timeout=timeout) if timeout else self.queue.get_nowait()
                except Empty:
                    return
                reported += n
                progress(n)

        pending = set(futures)
        while pending:
            _, pending = wait(pending, timeout=0.2)
            drain()
        batches = [f.result() for f in futures]
        if progress is not None:
            drain(timeout=0.5)  # the last reports may still be in the queue's pipe
            if reported < len(paths):
                progress(len(paths) - reported)
        return batches

    def close(self) -> None:
        # Not waiting: each worker tears its interpreter down (about 0.2 s) while the
        # caller goes on to validate.
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self.queue is not None:
            self.queue.close()


def _parse_files(
    paths: list[Path],
    prints: list[tuple[str, int]],
    workers: _Workers | None,
    progress: Callable[[int], None] | None,
) -> Batch:
    # Each worker reads AND parses its chunk: reading is partly GIL-bound.
    if workers is None or len(paths) < PARALLEL_MIN_FILES:
        return _ingest_chunk(paths, prints, progress)
    return _concat(workers.map_chunks(paths, prints, progress))


def ingest(
    paths: Sequence[Path] | Iterable[Path],
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    skip_sha256: Iterable[str] = (),
) -> Batch:
    """Read every submission and return them as one :class:`Batch`.

    Every file is hashed first: one whose sha256 is in ``skip_sha256`` (already in
    the warehouse) is not read (listed in ``Batch.skipped``), and a byte-identical
    copy of another file of the run is read once (ING011).
    """
    skip = set(skip_sha256)
    paths = list(paths)
    cores = workers or os.cpu_count() or 1
    # Start the workers first when they will be needed: a run against a warehouse that
    # already knows files (skip_sha256) may read few of them, so there they start later.
    pool: _Workers | None = None
    if cores > 1 and len(paths) - len(skip) >= PARALLEL_MIN_FILES:
        pool = _Workers(cores, progress is not None)
    try:
        return _ingest_files(paths, skip, pool, cores, progress)
    finally:
        if pool is not None:
            pool.close()


def _ingest_files(
    paths: list[Path],
    skip: set[str],
    pool: _Workers | None,
    cores: int,
    progress: Callable[[int], None] | None,
) -> Batch:
    # Hash every file first, in this thread: for workbooks of tens of kilobytes a thread
    # pool costs more in hand-offs than it gains (0.8 s against 0.23 s for 7,285 files).
    prints = [fingerprint(p) for p in paths]
    first: dict[str, str] = {}
    todo: list[Path] = []
    todo_prints: list[tuple[str, int]] = []
    skipped: list[str] = []
    duplicates: list[dict[str, object]] = []
    for path, (sha, size) in zip(paths, prints, strict=True):
        if sha in skip:
            skipped.append(str(path))
        elif sha in first:
            duplicates.append(
                _finding(submission_id=sha[:16], cell=str(path), found=str(path),
                         expected=first[sha])
            )  # fmt: skip
        else:
            first[sha] = str(path)
            todo.append(path)
            todo_prints.append((sha, size))
    if progress and (skipped or duplicates):
        progress(len(skipped) + len(duplicates))
    if pool is None and cores > 1 and len(todo) >= PARALLEL_MIN_FILES:
        pool = _Workers(cores, progress is not None)
        try:
            batch = _parse_files(todo, todo_prints, pool, progress)
        finally:
            pool.close()
    else:
        batch = _parse_files(todo, todo_prints, pool, progress)
    if duplicates:
        extra = make_findings(pl.DataFrame(duplicates), "ING011", "warning")
        batch.findings = concat_findings([batch.findings, extra])
    batch.findings = _in_file_order(batch.findings, batch.submissions)
    batch.skipped = skipped
    return batch


def _in_file_order(findings: pl.DataFrame, submissions: pl.DataFrame) -> pl.DataFrame:
    """Findings by file (in the order given), then rule, sheet and row.

    The same order whether the files were read in one process or in chunks by several.
    """
    order = submissions.select("submission_id").with_row_index("_file")
    return (
        findings.join(order, on="submission_id", how="left")
        .sort(["_file", "rule", "sheet", "row", "cell"], nulls_last=True, maintain_order=True)
        .drop("_file")
    )


def assemble(reads: list[_FileRead], sheets: _Sheets) -> Batch:
    """Find every sheet's header, then concatenate by table and parse each table once."""
    findings = []
    file_findings = [{**f, "submission_id": r.submission_id} for r in reads for f in r.findings]
    for (rule, severity), group in _group(file_findings).items():
        findings.append(
            make_findings(pl.DataFrame(group, infer_schema_length=None), rule, severity)
        )
    meta = pl.DataFrame(
        {
            "_s": list(range(len(sheets.data))),
            "submission_id": sheets.submission_id,
            "sheet": sheets.sheet,
            "table": sheets.table,
            "offset": sheets.offset,
        },
        schema={
            "_s": pl.Int64,
            "submission_id": pl.String,
            "sheet": pl.String,
            "table": pl.String,
            "offset": pl.Int64,
        },
    )
    texts: dict[str, pl.DataFrame] = {}
    layout = pl.DataFrame(schema=LAYOUT_SCHEMA)
    if meta.height:
        cells = _cells(sheets)
        header, mapping, top = _headers(cells)
        findings.extend(_structure_findings(cells, meta, header, mapping, top))
        texts = _table_text(cells, meta, header, mapping)
        placed = mapping.join(meta, on="_s").with_columns(
            (pl.col("offset") + pl.col("j")).alias("_abs")
        )
        layout = placed.select(
            "submission_id",
            "table",
            "sheet",
            pl.col("name").alias("column"),
            _letters(placed, "_abs").alias("letter"),
        )
    return _finish(reads, texts, layout, findings)


def _finish(
    reads: list[_FileRead],
    texts: dict[str, pl.DataFrame],
    layout: pl.DataFrame,
    findings: list[pl.DataFrame],
) -> Batch:
    """Classify the rows of every table and parse its cells: the typed batch."""
    tables: dict[str, pl.DataFrame] = {}
    totals: dict[str, pl.DataFrame] = {}
    bodies: dict[str, pl.DataFrame] = {}
    for table in TABLES:
        names = [c.name for c in table.columns]
        text = texts.get(table.name)
        if text is None:
            text = pl.DataFrame(
                schema={"submission_id": pl.String, "sheet": pl.String, "row": pl.Int64}
                | {n: pl.String for n in names}
            )
        text = _classify(text, table)
        kinds = text.get_column("_kind")
        if (kinds == "note").any():
            joined = pl.concat_str([pl.col(n) for n in names], separator=" ", ignore_nulls=True)
            note_numbers = text.filter(pl.col("_kind") == "note").filter(joined.str.contains(r"\d"))
            if note_numbers.height:
                # pointed at the note's own cell: the first of the columns it was read from
                where = pl.coalesce(
                    pl.when(pl.col(n).str.strip_chars() != "").then(pl.lit(n)) for n in names[:3]
                )
                notes = note_numbers.select(
                    "submission_id", "sheet", "row", pl.lit(table.name).alias("table"),
                    where.alias("column"), joined.alias("found"),
                )  # fmt: skip
                findings.append(make_findings(locate(notes, layout), "ING009", "warning"))
        body = text.filter(kinds.is_in(["data", "total"]))
        if table.key_value:
            kv = body.select(
                "submission_id",
                "sheet",
                "row",
                _snake(pl.col("kolom")).alias("kolom"),
                pl.col("nilai").str.strip_chars().replace("", None).alias("nilai"),
            ).filter(pl.col("kolom").is_not_null())
            kv = kv.with_columns(
                read_cells(pl.col("nilai"), Kind.PERCENT).struct.field("value").alias("angka")
            )
            tables[table.name] = kv
            totals[table.name] = kv.clear()
            continue
        bodies[table.name] = body
    for name, (parsed, issues) in _parse(bodies).items():
        table = TABLE_BY_NAME[name]
        if issues.height:
            unread = issues.filter(pl.col("detail") == "unreadable")
            ambiguous = issues.filter(pl.col("detail") == "ambiguous")
            if unread.height:
                findings.append(
                    make_findings(locate(unread.drop("expected"), layout), "ING007", "error")
                )
            if ambiguous.height:
                findings.append(make_findings(locate(ambiguous, layout), "ING008", "warning"))
        if name == "sdm":
            parsed = parsed.with_columns(pl.col("kategori").forward_fill().over("submission_id"))
        is_total = parsed.get_column("_kind") == "total"
        empty = _empty_table(table)
        cast = [pl.col(n).cast(t) for n, t in empty.schema.items()]
        tables[name] = parsed.filter(~is_total).select(cast)
        totals[name] = parsed.filter(is_total).select(cast)
    submissions = _submissions(reads, tables["identitas"])
    all_findings = concat_findings(findings) if findings else empty_findings()
    return Batch(submissions, tables, totals, layout, all_findings)


def _group(rows: list[dict[str, object]]) -> dict[tuple[str, str], list[dict[str, object]]]:
    out: dict[tuple[str, str], list[dict[str, object]]] = {}
    for row in rows:
        key = (str(row.pop("rule")), str(row.pop("severity")))
        out.setdefault(key, []).append(row)
    return out
