"""Stage 1, ingest: workbooks and CSV folders -> one typed polars frame per table.

Reading is split in two so that the expensive part is vectorised across the run:

1. per file, cheap structure work: find each sheet's table, its header row and
   which column is which (a handful of rows looked at per sheet);
2. per table, over all submissions at once: classify rows (detail, declared total,
   note, repeated header) and parse every cell with the polars readers of
   :mod:`pipeline.cells`.

Every value keeps ``submission_id``, ``sheet`` and Excel ``row``; the ``layout``
frame maps each (submission, table, column) to its column letter, so any finding
can point at ``sheet!cell``. Nothing is dropped silently: a value that cannot be
read becomes a finding carrying the raw text.
"""

from __future__ import annotations

import csv
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import fastexcel
import polars as pl

from pipeline.cells import column_letter, read_cells, read_column
from pipeline.errors import LakipError
from schemas.contract import (
    IDENTITAS_KEYS,
    TABLE_BY_NAME,
    TABLES,
    TOTAL_LABELS,
    Kind,
    Table,
    header_lookup,
    norm,
    sheet_lookup,
)
from schemas.findings import concat_findings, empty_findings, locate, make_findings

HEADER_SCAN_ROWS = 25
_NOTE = r"^\s*(sumber|keterangan|catatan|ket\s*[:.]|note|source)"
_SHEETS = sheet_lookup()
_HEADERS = {t.name: header_lookup(t) for t in TABLES}
_HEADER_LABELS = {t.name: set(_HEADERS[t.name]) for t in TABLES}

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
class _SheetRead:
    table: str
    sheet: str
    frame: pl.DataFrame  # the data rows as text, columns renamed (unmapped ones '_x<j>')
    letters: dict[str, str]
    submission_id: str = ""
    base_row: int = 0  # Excel row of the frame's first row


@dataclass
class _FileRead:
    submission_id: str
    path: str
    fmt: str
    sha256: str
    size: int
    sheets: list[_SheetRead] = field(default_factory=list)
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


def _raw_sheets_xlsx(path: Path) -> list[tuple[str, pl.DataFrame, list[int]]]:
    reader = fastexcel.read_excel(path)
    out = []
    for name in reader.sheet_names:
        sheet = reader.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")
        frame = sheet.to_polars()
        absolute = [c.absolute_index for c in sheet.available_columns()]
        out.append((name, frame, absolute))
    return out


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


def _raw_sheets_csv(folder: Path, sub: _FileRead) -> list[tuple[str, pl.DataFrame, list[int]]]:
    out = []
    for file in sorted(folder.glob("*.csv")):
        text = file.read_bytes()
        sep = _sniff_separator(text, _SHEETS.get(norm(file.stem)))
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
        out.append((file.name, frame, list(range(frame.width))))
    return out


def _header_row(rows: list[list[str | None]], table: Table) -> tuple[int, dict[int, str]] | None:
    """First row among the top rows that names most of the table's columns."""
    lookup = _HEADERS[table.name]
    best: tuple[int, dict[int, str]] | None = None
    for i, row in enumerate(rows):
        mapping: dict[int, str] = {}
        for j, cell in enumerate(row):
            if cell is None:
                continue
            name = lookup.get(norm(cell))
            if name is not None and name not in mapping.values():
                mapping[j] = name
        if len(mapping) >= 2 and (best is None or len(mapping) > len(best[1])):
            best = (i, mapping)
            required = [c.name for c in table.columns if c.required]
            if all(r in mapping.values() for r in required):
                break
    return best


def _finding(**kw: object) -> dict[str, object]:
    return kw


def _read_sheet(
    sub: _FileRead, sheet_name: str, table: Table, frame: pl.DataFrame, absolute: list[int]
) -> _SheetRead | None:
    if frame.height == 0:
        sub.findings.append(
            _finding(
                rule="ING004", severity="error", table=table.name, sheet=sheet_name,
                cell=sheet_name, detail="sheet is empty",
            )
        )  # fmt: skip
        return None
    head = frame.head(HEADER_SCAN_ROWS).rows()
    found = _header_row([list(r) for r in head], table)
    if found is None:
        sub.findings.append(
            _finding(rule="ING004", severity="error", table=table.name, sheet=sheet_name,
                     cell=sheet_name, detail=", ".join(c.name for c in table.columns))
        )  # fmt: skip
        return None
    header_idx, mapping = found
    letters = {name: column_letter(absolute[j]) for j, name in mapping.items()}
    for col in table.columns:
        if col.required and col.name not in mapping.values():
            sub.findings.append(
                _finding(rule="ING005", severity="error", table=table.name, sheet=sheet_name,
                         cell=sheet_name, column=col.name, row=header_idx + 1)
            )  # fmt: skip
    data = frame.slice(header_idx + 1)
    header_cells = head[header_idx]
    # Columns the contract does not know: their values would be lost, so say so.
    for j, label in enumerate(header_cells):
        if j in mapping:
            continue
        values = data.get_column(frame.columns[j]).drop_nulls()
        values = values.filter(values.str.strip_chars() != "")
        if values.len() == 0:
            continue
        letter = column_letter(absolute[j])
        sub.findings.append(
            _finding(rule="ING006", severity="warning", table=table.name, sheet=sheet_name,
                     cell=f"{sheet_name}!{letter}{header_idx + 1}", row=header_idx + 1,
                     found=label or "", detail=str(values.len()))
        )  # fmt: skip
    base_row = header_idx + 2  # Excel rows are 1-based and data starts below the header
    # Renaming in place and slicing are metadata operations; the submission, sheet and
    # row columns are built for all sheets at once in assemble(): a polars query per
    # sheet would cost more than reading the sheet.
    out = data.clone()
    out.columns = [mapping.get(j, f"_x{j}") for j in range(frame.width)]
    return _SheetRead(table.name, sheet_name, out, letters, sub.submission_id, base_row)


def read_submission(path: Path, known: tuple[str, int] | None = None) -> _FileRead:
    """Read one workbook or CSV folder into per-sheet text frames (no parsing yet).

    ``known`` is the file's (sha256, size) when the caller has hashed it already.
    """
    sha, size = known or fingerprint(path)
    fmt = "csv" if path.is_dir() else "xlsx"
    sub = _FileRead(sha[:16], str(path), fmt, sha, size)
    try:
        raw = _raw_sheets_csv(path, sub) if path.is_dir() else _raw_sheets_xlsx(path)
    except (OSError, ValueError, fastexcel.FastExcelError, pl.exceptions.PolarsError) as exc:
        # a corrupt or foreign file is a finding, not a traceback
        sub.findings.append(
            _finding(rule="ING001", severity="error", cell=path.name, detail=str(exc)[:300])
        )
        return sub
    seen: dict[str, str] = {}
    for sheet_name, frame, absolute in raw:
        label = Path(sheet_name).stem if fmt == "csv" else sheet_name
        table_name = _SHEETS.get(norm(label))
        if table_name is None:
            has_values = frame.height > 0 and any(
                s.drop_nulls().len() for s in frame.iter_columns()
            )
            if has_values:
                sub.findings.append(
                    _finding(rule="ING003", severity="warning", sheet=sheet_name,
                             cell=sheet_name, found=sheet_name)
                )  # fmt: skip
            continue
        if table_name in seen:
            sub.findings.append(
                _finding(rule="ING010", severity="error", table=table_name, sheet=sheet_name,
                         cell=sheet_name, found=sheet_name, expected=seen[table_name])
            )  # fmt: skip
            continue
        seen[table_name] = sheet_name
        read = _read_sheet(sub, sheet_name, TABLE_BY_NAME[table_name], frame, absolute)
        if read is not None:
            sub.sheets.append(read)
    for table in TABLES:
        if table.required and table.name not in seen:
            sub.findings.append(
                _finding(rule="ING002", severity="error", table=table.name, cell=table.name)
            )
    return sub


# ---------------------------------------------------------------- per table, vectorised


def _text_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.kind is Kind.TEXT]


def _classify(frame: pl.DataFrame, table: Table) -> pl.DataFrame:
    """Add ``_kind``: data, total, note, header or empty, over all submissions at once."""
    names = [c.name for c in table.columns]
    stripped = [pl.col(n).str.strip_chars() for n in names]
    all_blank = pl.all_horizontal([(e.is_null() | (e == "")) for e in stripped])
    text_cols = [n for n in (*_text_columns(table), "no") if n in names] or names[:1]
    normed = {
        n: pl.col(n).str.to_lowercase().str.replace_all(r"[\s_\-.:/()]+", "") for n in text_cols
    }
    total_hit = pl.any_horizontal(
        [e.is_in(sorted(TOTAL_LABELS)).fill_null(False) for e in normed.values()]
    )
    # A header repeated inside the data (a table pasted page by page): its text cells
    # name columns and no number column holds a digit ('JUMLAH' with figures is a total).
    labels = sorted(_HEADER_LABELS[table.name])
    numeric = [n for n in names if n not in text_cols]
    no_digits = (
        ~pl.any_horizontal([pl.col(n).str.contains(r"\d").fill_null(False) for n in numeric])
        if numeric
        else pl.lit(True)
    )
    header_hit = (
        pl.sum_horizontal(
            [e.is_in(labels).fill_null(False).cast(pl.Int32) for e in normed.values()]
        )
        >= 1
    ) & no_digits
    first = pl.coalesce([pl.when(e == "").then(None).otherwise(e) for e in stripped[:3]])
    # Key/value sheets (identitas) may hold a key such as 'sumber': not a note there.
    note_hit = (
        pl.lit(False)
        if table.key_value
        else first.str.to_lowercase().str.contains(_NOTE).fill_null(False)
    )
    kind = (
        pl.when(all_blank)
        .then(pl.lit("empty"))
        .when(header_hit)
        .then(pl.lit("header"))
        .when(note_hit)
        .then(pl.lit("note"))
        .when(total_hit if table.total_label else pl.lit(False))
        .then(pl.lit("total"))
        .otherwise(pl.lit("data"))
    )
    return frame.with_columns(kind.alias("_kind"))


def _parse(frame: pl.DataFrame, table: Table) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Typed columns plus the findings for cells that could not be read."""
    keep = ["submission_id", "sheet", "row"]
    out = frame.with_columns(
        [pl.col(c.name).alias(f"_raw_{c.name}") for c in table.columns if c.kind is not Kind.TEXT]
    )
    issues = []
    final = [*keep]
    for col in table.columns:
        out = read_column(out, col.name, col.kind)
        final.append(col.name)
        if col.kind is Kind.TEXT:
            continue
        if col.kind is Kind.MEASURE:
            final.append(f"{col.name}_predikat")
        if col.kind in (Kind.PERCENT, Kind.MEASURE):
            final.append(f"{col.name}_desimal")
        status = pl.col(f"_status_{col.name}")
        bad = out.filter(status.is_in(["unreadable", "ambiguous"]))
        if bad.height:
            issues.append(
                bad.select(
                    "submission_id",
                    "sheet",
                    "row",
                    pl.lit(table.name).alias("table"),
                    pl.lit(col.name).alias("column"),
                    pl.col(f"_raw_{col.name}").alias("found"),
                    status.alias("detail"),
                    pl.col(col.name).cast(pl.String).alias("expected"),
                )
            )
    final.append("_kind")
    issue_frame = pl.concat(issues) if issues else pl.DataFrame()
    return out.select(final), issue_frame


def _empty_table(table: Table) -> pl.DataFrame:
    schema: dict[str, pl.DataType] = {
        "submission_id": pl.String(),
        "sheet": pl.String(),
        "row": pl.Int64(),
    }
    for col in table.columns:
        dtype: pl.DataType
        if col.kind is Kind.MONEY:
            dtype = pl.Decimal(18, 2)
        elif col.kind is Kind.INTEGER:
            dtype = pl.Int64()
        elif col.kind in (Kind.PERCENT, Kind.MEASURE):
            dtype = pl.Float64()
        else:
            dtype = pl.String()
        schema[col.name] = dtype
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


def _ingest_chunk(paths: list[Path], prints: list[tuple[str, int]] | None = None) -> Batch:
    """Read and parse one chunk of files into a batch (runs in a worker process)."""
    known: list[tuple[str, int] | None] = list(prints) if prints else [None] * len(paths)
    return assemble([read_submission(p, k) for p, k in zip(paths, known, strict=True)])


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


def _parse_files(
    paths: list[Path],
    prints: list[tuple[str, int]],
    workers: int,
    progress: Callable[[int], None] | None,
) -> Batch:
    if workers <= 1 or len(paths) < PARALLEL_MIN_FILES:
        batch = _ingest_chunk(paths, prints)
        if progress:
            progress(len(paths))
        return batch
    # Chunks large enough to amortise polars' per-query planning, a few per worker
    # for balance and progress. Each worker reads AND parses its chunk: the per-sheet
    # structure work is Python and would serialise on the GIL in threads.
    size = max(PARALLEL_MIN_FILES // 2, min(512, -(-len(paths) // (workers * 4))))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    chunk_prints = [prints[i : i + size] for i in range(0, len(paths), size)]
    batches: list[Batch] = []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = pool.map(_ingest_chunk, chunks, chunk_prints)
        for chunk, batch in zip(chunks, results, strict=True):
            batches.append(batch)
            if progress:
                progress(len(chunk))
    return _concat(batches)


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
    # Hash every file first (threads: hashing and file reads release the GIL).
    with ThreadPoolExecutor(max_workers=4) as pool:
        prints = list(pool.map(fingerprint, paths))
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
    batch = _parse_files(todo, todo_prints, workers or os.cpu_count() or 1, progress)
    if duplicates:
        extra = make_findings(pl.DataFrame(duplicates), "ING011", "warning")
        batch.findings = concat_findings([batch.findings, extra])
    batch.skipped = skipped
    return batch


def assemble(reads: list[_FileRead]) -> Batch:
    """Concatenate per-file text frames by table and parse each table once."""
    findings = []
    file_findings = [{**f, "submission_id": r.submission_id} for r in reads for f in r.findings]
    for (rule, severity), group in _group(file_findings).items():
        findings.append(
            make_findings(pl.DataFrame(group, infer_schema_length=None), rule, severity)
        )
    layout_rows = [
        {
            "submission_id": r.submission_id,
            "table": s.table,
            "sheet": s.sheet,
            "column": c,
            "letter": letter,
        }
        for r in reads
        for s in r.sheets
        for c, letter in s.letters.items()
    ]
    layout = pl.DataFrame(layout_rows, schema=LAYOUT_SCHEMA)
    tables: dict[str, pl.DataFrame] = {}
    totals: dict[str, pl.DataFrame] = {}
    for table in TABLES:
        frames = [s.frame for r in reads for s in r.sheets if s.table == table.name]
        names = [c.name for c in table.columns]
        if frames:
            sheets = [s for r in reads for s in r.sheets if s.table == table.name]
            # One diagonal concat fills the columns a sheet lacks with nulls.
            text = pl.concat(frames, how="diagonal").rechunk()
            text = text.with_columns(
                [pl.lit(None, dtype=pl.String).alias(n) for n in names if n not in text.columns]
            ).select(names)
            where = (
                pl.DataFrame(
                    {
                        "submission_id": [s.submission_id for s in sheets],
                        "sheet": [s.sheet for s in sheets],
                        "base": [s.base_row for s in sheets],
                        "height": [s.frame.height for s in sheets],
                    },
                    schema={
                        "submission_id": pl.String,
                        "sheet": pl.String,
                        "base": pl.Int64,
                        "height": pl.Int64,
                    },
                )
                .select(
                    pl.col("submission_id").repeat_by("height").explode(),
                    pl.col("sheet").repeat_by("height").explode(),
                    pl.int_ranges("base", pl.col("base") + pl.col("height"), dtype=pl.Int64)
                    .explode()
                    .alias("row"),
                )
                .drop_nulls("row")
            )
            text = pl.concat([where, text], how="horizontal")
        else:
            text = pl.DataFrame(
                schema={"submission_id": pl.String, "sheet": pl.String, "row": pl.Int64}
                | {n: pl.String for n in names}
            )
        text = _classify(text, table)
        notes = text.filter(pl.col("_kind") == "note")
        note_numbers = notes.filter(
            pl.concat_str([pl.col(n).fill_null("") for n in names], separator=" ").str.contains(
                r"\d[\d.,]*\d|\d"
            )
            & pl.concat_str([pl.col(n).fill_null("") for n in names], separator=" ").str.contains(
                r"\d"
            )
        )
        if note_numbers.height:
            findings.append(
                make_findings(
                    note_numbers.select(
                        "submission_id", "sheet", "row", pl.lit(table.name).alias("table"),
                        pl.concat_str([pl.col(n) for n in names], separator=" ", ignore_nulls=True)
                        .alias("found"),
                    ),
                    "ING009", "warning",
                )
            )  # fmt: skip
        body = text.filter(pl.col("_kind").is_in(["data", "total"]))
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
        parsed, issues = _parse(body, table)
        if issues.height:
            unread = issues.filter(pl.col("detail") == "unreadable")
            ambiguous = issues.filter(pl.col("detail") == "ambiguous")
            if unread.height:
                findings.append(
                    make_findings(locate(unread.drop("expected"), layout), "ING007", "error")
                )
            if ambiguous.height:
                findings.append(make_findings(locate(ambiguous, layout), "ING008", "warning"))
        if table.name == "sdm":
            parsed = parsed.with_columns(pl.col("kategori").forward_fill().over("submission_id"))
        detail = parsed.filter(pl.col("_kind") == "data").drop("_kind")
        total = parsed.filter(pl.col("_kind") == "total").drop("_kind")
        empty = _empty_table(table)
        tables[table.name] = detail.select([pl.col(n).cast(t) for n, t in empty.schema.items()])
        totals[table.name] = total.select([pl.col(n).cast(t) for n, t in empty.schema.items()])
    submissions = _submissions(reads, tables["identitas"])
    all_findings = concat_findings(findings) if findings else empty_findings()
    return Batch(submissions, tables, totals, layout, all_findings)


def _group(rows: list[dict[str, object]]) -> dict[tuple[str, str], list[dict[str, object]]]:
    out: dict[tuple[str, str], list[dict[str, object]]] = {}
    for row in rows:
        key = (str(row.pop("rule")), str(row.pop("severity")))
        out.setdefault(key, []).append(row)
    return out
