"""Reading one workbook or CSV folder into its sheets' text, unparsed.

Per file is only what must be per file: which sheet holds which table (by its name),
each sheet's cells as text in an Arrow record batch, and the file-level findings
(ING001-003, ING010). Everything after this works on a whole chunk of files at once.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import html
import io
import itertools
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fastexcel
import polars as pl
import pyarrow as pa

from pipeline.ingest.discovery import (
    _SHEETS,
    WORKBOOK_SUFFIXES,
    csv_files,
    fingerprint,
    is_csv_submission,
    is_regular,
    shown,
)
from schemas.contract import TABLES, header_lookup, norm
from schemas.rules.ingest import ING001, ING002, ING003, ING004, ING010, ING013, ING014, ING015
from schemas.text import sheet_title

HEADER_SCAN_ROWS = 25
MAX_SHEET_ROWS = 10_000
"""Rows read per sheet (a kecamatan's largest table has a few hundred); the rest is ING014."""
MAX_SHEET_COLUMNS = 64
"""Columns read per sheet, from its first (the widest table has 12); the rest is ING014."""
MAX_FILE_BYTES = 64 * 2**20
"""A workbook or CSV file larger than this is not read (ING014): it bounds a file's memory."""
MAX_UNPACKED_BYTES = 512 * 2**20
"""The most an xlsx/xlsm/ods may unpack to (a zip bomb is refused before it is opened)."""
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


def _sniff_separator(text: str, table: str | None) -> str:
    """';', ',' or tab: the one under which some top row names most of the table's columns.

    Counting characters misleads (decimals '3,82' and names with commas), so every
    reading of the top lines is tried against the contract's header labels. Tab is
    what Excel's "Unicode text" writes.
    """
    head = text[:8192].splitlines()[:HEADER_SCAN_ROWS]
    lookup = _HEADERS.get(table or "", {})
    scores: dict[str, int] = {}
    for sep in (";", ",", "\t"):
        rows = list(csv.reader(head, delimiter=sep))
        scores[sep] = max((sum(norm(c) in lookup for c in row) for row in rows), default=0)
    return max((";", ",", "\t"), key=lambda sep: scores[sep])  # a tie keeps ';'


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")


def _decode(data: bytes) -> tuple[str, str | None]:
    """The text of a CSV file and, when its encoding could not be decided, why.

    UTF-8 (with or without BOM) and UTF-16 with BOM (Excel's "Unicode text") are
    certain; UTF-16 without BOM shows by its NUL bytes; anything else that is not
    UTF-8 is read as Windows-1252 (Excel's "CSV" on Windows; a superset of Latin-1 for
    every printable character). Bytes that are none of these are decoded with U+FFFD
    in their place, and the caller reports it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError:
                return data.decode(encoding, errors="replace"), encoding
    head = data[:4096]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError:
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        if _UTF8_SEQUENCE.search(data):
            # UTF-8 text with a few foreign bytes (two files pasted together): neither
            # reading is right throughout, so it is read as UTF-8 and reported
            return data.decode("utf-8", errors="replace"), "UTF-8 + Windows-1252"
    try:
        return data.decode("cp1252"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "UTF-8/Windows-1252"


def _csv_batch(text: str, sep: str) -> tuple[pa.RecordBatch, int, int, int]:
    """The rows of a CSV text as a record batch of text columns, ragged rows padded.

    Read as a spreadsheet would: a title line with fewer separators than the table
    does not narrow the table (polars takes the first line's width), an empty field
    is an empty cell. Strict quoting: an unclosed quote is an error, not a swallowed
    file. Only the first ``MAX_SHEET_ROWS`` rows and ``MAX_SHEET_COLUMNS`` columns are
    kept; also returns the rows and columns found and how many filled cells were cut.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    kept = list(itertools.islice(reader, MAX_SHEET_ROWS))
    height, width = len(kept), max((len(r) for r in kept), default=0)
    cut = sum(1 for r in kept for f in r[MAX_SHEET_COLUMNS:] if f.strip())
    for row in reader:  # the rows beyond the cap are counted, not kept
        height, width = height + 1, max(width, len(row))
        cut += sum(1 for f in row if f.strip())
    columns = [pa.array([(r[j] if j < len(r) else "") or None for r in kept], pa.string())
               for j in range(min(width, MAX_SHEET_COLUMNS))]  # fmt: skip
    names = [f"{_COL}{j}" for j in range(len(columns))]
    return pa.RecordBatch.from_arrays(columns, names=names), height, width, cut


def _too_big(sub: _FileRead, sheet: str, table: str | None, rows: int, cols: int) -> None:
    """ING014: a sheet beyond the caps; its filled cells past them were not read."""
    sub.findings.append(
        _finding(rule=ING014, table=table, sheet=sheet, cell=sheet,
                 found=f"{rows} x {cols}", expected=f"{MAX_SHEET_ROWS} x {MAX_SHEET_COLUMNS}")
    )  # fmt: skip


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
                 detail=("ingest.sheet_empty", ()))
    )  # fmt: skip


def _read_workbook(data: bytes, sub: _FileRead, sheets: _Sheets, seen: dict[str, str]) -> None:
    # From the bytes already in memory (read once for the hash too): fastexcel reads a
    # workbook from bytes about 10% faster than from its path. The column filter notes
    # where the sheet's first column is and keeps at most MAX_SHEET_COLUMNS; rows are
    # capped too, so a sheet with 100,000 stray rows costs what 10,000 do.
    huge = _huge_sheets(data)
    for name, (rows, cols) in huge.items():
        _too_big(sub, name, _SHEETS.get(norm(name)), rows, cols)
    reader = fastexcel.read_excel(data)
    if not set(huge) <= set(reader.sheet_names):
        return  # a huge sheet known only by its file: opening any sheet might be it
    for name in reader.sheet_names:
        if name in huge:
            continue  # ING014; the workbook's other sheets are read as usual
        named = _SHEETS.get(norm(name))
        table = None if named is None else _claim(sub, seen, name, named)
        if named is not None and table is None:
            continue
        first: list[int] = []

        def pick(column: Any, first: list[int] = first) -> bool:
            if not first:
                first.append(column.absolute_index)
            return bool(column.absolute_index - first[0] < MAX_SHEET_COLUMNS)

        sheet = reader.load_sheet(
            name, header_row=None, skip_rows=0, dtypes="string", n_rows=MAX_SHEET_ROWS,
            use_columns=pick,
        )  # fmt: skip
        batch = sheet.to_arrow()
        if table is None:
            _unknown(sub, name, batch)
            continue
        if batch.num_rows == 0 or not first:
            _empty(sub, name, table)
            continue
        height, width = sheet.total_height, sheet.width
        if height > MAX_SHEET_ROWS or width > MAX_SHEET_COLUMNS:
            _too_big(sub, name, table, height, width)
        sheets.add(sub.submission_id, name, table, first[0], batch)


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="(?:([A-Z]+)(\d+):)?([A-Z]+)(\d+)"')
"""The used range, ``B2:XFD1048576`` or one cell ``AZ1048576`` (the reader allocates from
its first cell, not from A1)."""
MAX_SHEET_CELLS = 20_000_000
"""A sheet whose used range spans more cells than this is not opened (the reader would
allocate every cell of the range: a stray value in XFD1048576 asks for 400 GB)."""


def _column(letters: bytes) -> int:
    """'A' -> 1, 'XFD' -> 16384."""
    col = 0
    for letter in letters.decode():
        col = col * 26 + ord(letter) - 64
    return col


_SHEET_TAG = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL_TAG = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')


def _sheet_files(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet XML path -> the sheet's name as the office sees it, from workbook.xml."""
    try:
        book = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {rid: target.decode().lstrip("/") for rid, target in _REL_TAG.findall(rels)}
    out = {}
    for name, rid in _SHEET_TAG.findall(book):
        target = targets.get(rid, "")
        path = target if target.startswith("xl/") else f"xl/{target}"
        out[path] = html.unescape(name.decode())
    return out


def _huge_sheets(data: bytes) -> dict[str, tuple[int, int]]:
    """Sheets of an xlsx whose declared used range is beyond ``MAX_SHEET_CELLS``.

    Read from the ``<dimension>`` at the head of each worksheet's XML, before the reader
    opens the workbook. Named by the sheet's file when the workbook's names cannot be
    matched cheaply.
    """
    if not data.startswith(b"PK"):
        return {}
    out: dict[str, tuple[int, int]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if not info.filename.startswith("xl/worksheets/sheet"):
                    continue
                with archive.open(info) as handle:
                    head = handle.read(4096)
                found = _DIMENSION.search(head)
                if found is None:
                    continue
                first_col, first_row, last_col, last_row = found.groups()
                rows = int(last_row) - int(first_row or last_row) + 1
                cols = _column(last_col) - _column(first_col or last_col) + 1
                if rows * cols > MAX_SHEET_CELLS:
                    out[info.filename] = (rows, cols)
            if out:
                names = _sheet_files(archive)
                out = {names.get(k, Path(k).stem): v for k, v in out.items()}
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error):
        return {}  # the reader says what is wrong with it
    return out


Said = tuple[str, tuple[object, ...]]
"""A detail as a text key of :data:`schemas.text.TEXT` and its values, rendered per reader."""


def _file_error(sub: _FileRead, name: str, detail: Said) -> None:
    sub.findings.append(_finding(rule=ING001, sheet=name, cell=name, detail=detail))


def _read_csv_folder(folder: Path, sub: _FileRead, sheets: _Sheets, seen: dict[str, str]) -> None:
    for file in csv_files(folder):
        named = _SHEETS.get(norm(file.stem))
        if not is_regular(file):
            what: Said = ("ingest.folder" if file.is_dir() else "ingest.not_regular", ())
            _file_error(sub, file.name, what)
            continue
        try:
            raw = _read_capped(file)
        except OSError as exc:
            _file_error(sub, file.name, _os_error(exc))
            continue
        if raw is None:
            _file_error(sub, file.name, _TOO_LARGE)
            continue
        text, undecided = _decode(raw)
        if undecided:
            # still read (with U+FFFD where a byte was not text), never silently
            sub.findings.append(
                _finding(rule=ING013, table=named, sheet=file.name,
                         cell=file.name, found=undecided)
            )  # fmt: skip
        sep = _sniff_separator(text, named)
        try:
            batch, height, width, cut = _csv_batch(text, sep)
        except csv.Error:
            # one broken file is a finding for that file; the folder's other tables still load
            _file_error(sub, file.name, ("ingest.broken_csv", ()))
            continue
        if named is None:
            _unknown(sub, file.name, batch)
            continue
        table = _claim(sub, seen, file.name, named)
        if table is None:
            continue
        if not _has_values(batch):
            _empty(sub, file.name, table)
            continue
        if cut:
            _too_big(sub, file.name, table, height, width)
        sheets.add(sub.submission_id, file.name, table, 0, batch)


_TOO_LARGE: Said = ("ingest.too_large", (MAX_FILE_BYTES // 2**20,))


def _read_capped(path: Path) -> bytes | None:
    """The bytes of a file, or None when it is larger than ``MAX_FILE_BYTES``."""
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    return None if len(data) > MAX_FILE_BYTES else data


def _os_error(exc: OSError) -> Said:
    if isinstance(exc, PermissionError):
        return ("ingest.permission", ())
    return ("ingest.cannot_open", ())


def _what_is(data: bytes, suffix: str) -> Said:
    """What an unreadable workbook is, and what the office should do, without reader internals."""
    if not data:
        kind = "empty"
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        encrypted = "EncryptedPackage".encode("utf-16-le") in data or suffix != ".xls"
        kind = "encrypted" if encrypted else "old_xls"
    elif data.startswith(b"PK"):
        kind = "truncated" if b"PK\x05\x06" not in data[-65_557:] else "zip"
    elif data.lstrip()[:1] == b"<":
        kind = "html"
    elif data.startswith(b"%PDF"):
        kind = "pdf"
    else:
        kind = "unknown"
    return (f"ingest.unreadable.{kind}", ())


def _unpacks_too_far(data: bytes) -> bool:
    """Whether a zip-based workbook would unpack beyond ``MAX_UNPACKED_BYTES`` (a zip bomb)."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES
    except (zipfile.BadZipFile, ValueError, OSError):
        return False  # the reader says what is wrong with it


def _not_a_submission(path: Path) -> Said:
    """ING015's advice for an entry of raw/ that is no submission."""
    suffix = path.suffix.lower()
    if path.is_dir():
        if any(path.glob("*.csv")):
            return ("ingest.csv_folder_unknown", ())
        return ("ingest.empty_folder", ())
    if suffix in (".zip", ".rar", ".7z", ".gz", ".tar"):
        return ("ingest.archive", ())
    if suffix in (".csv", ".txt", ".tsv"):
        return ("ingest.loose_csv", ())
    if not path.is_file():
        return ("ingest.not_regular", ())
    return ("ingest.other_file", (suffix,)) if suffix else ("ingest.no_suffix", ())


def read_submission(path: Path, sheets: _Sheets, known: tuple[str, int] | None = None) -> _FileRead:
    """Read one workbook or CSV folder: its sheets go to ``sheets`` as text, unparsed.

    ``known`` is the file's (sha256, size) when the caller has hashed it already. An
    entry that is no submission (a zip, a loose CSV, an empty folder) is ING013 only,
    a file that cannot be read ING001 saying what it is.
    """
    folder = path.is_dir() and is_csv_submission(path)
    workbook = path.suffix.lower() in WORKBOOK_SUFFIXES and is_regular(path)
    fmt = "csv" if folder else path.suffix.lower().lstrip(".") if workbook else "lain"
    data: bytes | None = None
    problem: Said | None = None
    if workbook:
        try:
            data = _read_capped(path)
            if data is None:
                problem = _TOO_LARGE
        except OSError as exc:
            problem = _os_error(exc)
    if known is not None:
        sha, size = known
    elif data is None:
        sha, size = fingerprint(path)
    else:
        sha, size = hashlib.sha256(data).hexdigest(), len(data)
    sub = _FileRead(sha[:16], str(path), fmt, sha, size)
    name = shown(path)
    if not folder and not workbook:
        sub.findings = [_finding(rule=ING015, cell=name,
                                 detail=_not_a_submission(path))]  # fmt: skip
        return sub
    if problem is not None or (data is not None and _unpacks_too_far(data)):
        sub.findings = [_finding(rule=ING001, cell=name,
                                 detail=problem or _TOO_LARGE)]  # fmt: skip
        return sub
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
        detail = (
            _os_error(exc)
            if isinstance(exc, OSError)
            else _what_is(data or b"", path.suffix.lower())
        )
        sub.findings = [_finding(rule=ING001, cell=name, detail=detail)]
        return sub
    for table in TABLES:
        if table.required and table.name not in seen:
            # the sheet by the name the template gives it ('Capaian IKU'), one ingest reads
            sheet = sheet_title(table.name)
            sub.findings.append(_finding(rule=ING002, table=table.name, cell=sheet))
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
