"""Reading one workbook or CSV folder into its sheets' text, unparsed.

Per file is only what must be per file: which sheet holds which table (by its name),
each sheet's cells as text in an Arrow record batch, and the file-level findings
(ING001-003, ING010). Everything after this works on a whole chunk of files at once.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fastexcel
import polars as pl
import pyarrow as pa

from pipeline.ingest.discovery import _SHEETS, fingerprint
from schemas.contract import TABLES, header_lookup, norm
from schemas.rules.ingest import ING001, ING002, ING003, ING004, ING010

HEADER_SCAN_ROWS = 25
_COL = "__UNNAMED__"  # fastexcel's name for column j of a sheet read without a header
_HEADERS = {t.name: header_lookup(t) for t in TABLES}


@dataclass
class _FileRead:
    submission_id: str
    path: str
    fmt: str
    sha256: str
    size: int
    findings: list[dict[str, object]] = field(default_factory=list)


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
            _finding(rule=ING010, table=table, sheet=sheet,
                     cell=sheet, found=sheet, expected=seen[table])
        )  # fmt: skip
        return None
    seen[table] = sheet
    return table


def _unknown(sub: _FileRead, sheet: str, data: pa.RecordBatch) -> None:
    if _has_values(data):
        sub.findings.append(_finding(rule=ING003, sheet=sheet, cell=sheet, found=sheet))


def _empty(sub: _FileRead, sheet: str, table: str) -> None:
    sub.findings.append(
        _finding(rule=ING004, table=table, sheet=sheet, cell=sheet,
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
                _finding(rule=ING001, sheet=file.name, cell=file.name,
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
        sub.findings = [_finding(rule=ING001, cell=path.name, detail=str(exc)[:300])]
        return sub
    for table in TABLES:
        if table.required and table.name not in seen:
            sub.findings.append(_finding(rule=ING002, table=table.name, cell=table.name))
    return sub


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
