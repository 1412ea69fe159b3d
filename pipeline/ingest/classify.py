"""From each table's text rows to the typed batch: row classes (data, declared total,
note, repeated header, empty), the hand-off of every cell to the readers of
:mod:`pipeline.cells`, and the :class:`Batch` a chunk of files becomes.

:func:`assemble` is the whole per-chunk path; the headers come from
:mod:`pipeline.ingest.headers`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from pipeline.cells import read_cells, read_column, value_dtype
from pipeline.ingest.headers import (
    _LABEL_BYTES,
    _headers,
    _letters,
    _structure_findings,
    _table_text,
)
from pipeline.ingest.others import OTHERS_SCHEMA, filled, others
from pipeline.ingest.read import _HEADERS, _cells, _FileRead, _Sheets
from schemas.catalog import Rule
from schemas.contract import (
    IDENTITAS_KEYS,
    LABEL_PUNCTUATION,
    TABLE_BY_NAME,
    TABLES,
    TOTAL_LABELS,
    Kind,
    Table,
)
from schemas.findings import DETAIL, concat_findings, empty_findings, locate
from schemas.findings import findings as rule_findings
from schemas.rules.ingest import ING007, ING008, ING009, ING012

_NOTE = r"^\s*(sumber|keterangan|catatan|ket\s*[:.]|note|source)"
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
    "header_row": pl.Int64(),  # the sheet's header row (Excel's number): its cells are here
}


@dataclass
class Batch:
    """Everything one run read: all submissions, each table concatenated across them."""

    submissions: pl.DataFrame
    tables: dict[str, pl.DataFrame]
    totals: dict[str, pl.DataFrame]
    layout: pl.DataFrame
    findings: pl.DataFrame
    skipped: list[str] = field(default_factory=list)  # unchanged files not read (by sha256)
    others: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=OTHERS_SCHEMA))
    """Cells of table sheets that are no table value (raw_sel_lain, pipeline.ingest.others)."""

    def table(self, name: str) -> pl.DataFrame:
        return self.tables[name]


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
    frame = frame.with_columns(kind.alias("_kind"))
    if not table.total_label:
        return frame
    # 'JUMLAH' where a merged cell left it (the 'no' column): the label goes to the
    # table's label column, so the total is named in messages and 'no' is not misread.
    label = table.total_label
    is_total = pl.col("_kind") == "total"
    holds = {n: pl.col(n).is_in(found[n][0].implode()).fill_null(False) for n in text_cols}
    text = pl.coalesce([pl.when(hit).then(pl.col(n)) for n, hit in holds.items()])
    blank = pl.col(label).str.strip_chars().replace("", None).is_null()
    moved = [
        pl.when(is_total & blank).then(text).otherwise(pl.col(label)).alias(label),
        *[
            pl.when(is_total & hit).then(None).otherwise(pl.col(n)).alias(n)
            for n, hit in holds.items()
            if n != label
        ],
    ]
    return frame.with_columns(moved)


def _unmoved_labels(read: pl.DataFrame, classified: pl.DataFrame, table: Table) -> pl.DataFrame:
    """(``_s``, ``row``, ``name``) of the total labels :func:`_classify` cleared and did not move.

    'JUMLAH' in another text column than the label column is cleared there; it moves to
    the label column only when that is blank. Where the label column already holds text
    the cleared cell is kept in ``raw_sel_lain`` (``label_jumlah``), not dropped.
    """
    label = table.total_label
    assert label is not None  # only called for tables with a total row
    names = [n for n in (*_text_columns(table), "no") if n in read.columns and n != label]
    blank_label = read.get_column(label).str.contains(r"\S").fill_null(False).not_()
    total = classified.get_column("_kind") == "total"
    parts = []
    for name in names:
        before, after = read.get_column(name), classified.get_column(name)
        cleared = total & before.str.contains(r"\S").fill_null(False) & after.is_null()
        moved = blank_label & (classified.get_column(label) == before).fill_null(False)
        gone = cleared & ~moved
        if gone.any():
            parts.append(read.filter(gone).select("_s", "row", pl.lit(name).alias("name")))
    schema = {"_s": pl.Int64, "row": pl.Int64, "name": pl.String}
    return pl.concat(parts) if parts else pl.DataFrame(schema=schema)


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


def assemble(reads: list[_FileRead], sheets: _Sheets) -> Batch:
    """Find every sheet's header, then concatenate by table and parse each table once."""
    findings = []
    file_findings = [{**f, "submission_id": r.submission_id} for r in reads for f in r.findings]
    for rule, group in _group(file_findings).values():
        findings.append(rule_findings(rule, _frame(group)))
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
    loose = None
    if meta.height:
        cells = _cells(sheets)
        header, mapping, top = _headers(cells)
        findings.extend(_structure_findings(cells, meta, header, mapping, top))
        texts = _table_text(cells, meta, header, mapping)
        loose = (cells, meta, header, mapping)
        placed = (
            mapping.join(meta, on="_s")
            .join(header, on="_s")
            .with_columns((pl.col("offset") + pl.col("j")).alias("_abs"))
        )
        layout = placed.select(
            "submission_id",
            "table",
            "sheet",
            pl.col("name").alias("column"),
            _letters(placed, "_abs").alias("letter"),
            (pl.col("header_r") + 1).alias("header_row"),
        )
    return _finish(reads, texts, layout, findings, loose)


def _finish(
    reads: list[_FileRead],
    texts: dict[str, pl.DataFrame],
    layout: pl.DataFrame,
    findings: list[pl.DataFrame],
    loose: tuple[dict[str, pl.DataFrame], pl.DataFrame, pl.DataFrame, pl.DataFrame] | None = None,
) -> Batch:
    """Classify the rows of every table and parse its cells: the typed batch.

    ``loose``: the sheets' cells, meta, header rows and mapping; the cells no table row
    takes become ``Batch.others`` (:mod:`pipeline.ingest.others`).
    """
    tables: dict[str, pl.DataFrame] = {}
    kinds: list[pl.DataFrame] = []
    lost: list[pl.DataFrame] = []
    totals: dict[str, pl.DataFrame] = {}
    bodies: dict[str, pl.DataFrame] = {}
    for table in TABLES:
        names = [c.name for c in table.columns]
        text = texts.get(table.name)
        if text is None:
            text = pl.DataFrame(
                schema={"_s": pl.Int64, "submission_id": pl.String, "sheet": pl.String,
                        "row": pl.Int64} | {n: pl.String for n in names}
            )  # fmt: skip
        read = text
        text = _classify(text, table)
        if table.total_label:
            lost.append(_unmoved_labels(read, text, table))
        if table.key_value:
            # a value whose key cell is blank cannot be a key/value row
            keyless = (pl.col("_kind") == "data") & _snake(pl.col("kolom")).is_null()
            text = text.with_columns(
                pl.when(keyless).then(pl.lit("tanpa_kunci")).otherwise("_kind").alias("_kind")
            )
        kinds.append(text.select("_s", "row", "_kind"))
        row_kinds = text.get_column("_kind")
        if (row_kinds == "note").any():
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
                findings.append(rule_findings(ING009, locate(notes, layout)))
        body = text.filter(row_kinds.is_in(["data", "total"]))
        if table.key_value:
            kv = body.select(
                "submission_id",
                "sheet",
                "row",
                _snake(pl.col("kolom")).alias("kolom"),
                pl.col("nilai").str.strip_chars().replace("", None).alias("nilai"),
            ).filter(pl.col("kolom").is_not_null())
            kv, kv_findings = _key_values(kv, table.name, layout)
            findings.extend(kv_findings)
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
                # 'unreadable' / 'ambiguous' sorted them; it is no text for a reader
                unread = unread.drop("expected", "detail")
                findings.append(rule_findings(ING007, locate(unread, layout)))
            if ambiguous.height:
                findings.append(rule_findings(ING008, locate(ambiguous.drop("detail"), layout)))
        if name == "sdm":
            parsed = parsed.with_columns(pl.col("kategori").forward_fill().over("submission_id"))
        is_total = parsed.get_column("_kind") == "total"
        empty = _empty_table(table)
        cast = [pl.col(n).cast(t) for n, t in empty.schema.items()]
        tables[name] = parsed.filter(~is_total).select(cast)
        totals[name] = parsed.filter(is_total).select(cast)
    submissions = _submissions(reads, tables["identitas"])
    kept = pl.DataFrame(schema=OTHERS_SCHEMA)
    if loose is not None:
        classes, cleared = pl.concat(kinds), pl.concat(lost)
        rows = pl.concat(
            [
                classes.filter(pl.col("_kind").is_in(["note", "header", "tanpa_kunci"])).select(
                    "_s", "row"
                ),
                cleared.select("_s", "row"),
            ]
        ).select("_s", (pl.col("row") - 1).alias("_r"))
        kept, stray = others(filled(*loose, rows.unique()), classes, cleared)
        if stray is not None:
            findings.append(stray)
    all_findings = concat_findings(findings) if findings else empty_findings()
    return Batch(submissions, tables, totals, layout, all_findings, others=kept)


# How the number of a key/value row is read (docs/submission-format.md, "How cells are
# read"): counts are whole ('56.152' is 56152 people), an area may have decimals but is
# written Indonesian style ('6.547' is 6547 ha), and any other key as a percentage or
# score.
_KEY_KINDS: dict[str, Kind] = {
    "tahun": Kind.INTEGER,
    "jumlah_desa": Kind.INTEGER,
    "jumlah_kelurahan": Kind.INTEGER,
    "jumlah_penduduk": Kind.INTEGER,
    "jumlah_responden": Kind.INTEGER,
    "puas": Kind.INTEGER,
    "tidak_puas": Kind.INTEGER,
    "luas_ha": Kind.MONEY,  # dot groups thousands, comma marks (up to 2) decimals
}
_NUMERIC_KEYS = {"identitas": (*_KEY_KINDS, "nilai_ikm"), "ikm_survei": (*_KEY_KINDS, "nilai_ikm")}
# '250.500': 250500 ha, or the English decimal 250.5 ha? Both are a kecamatan's size.
# '6.547' read as a decimal (6.5 ha) is no kecamatan's area (none is under 100 ha), so
# only three digits before the dot are ambiguous.
_THOUSANDS_ONLY = r"^\s*\d{3}\.\d{3}\s*$"


def _key_values(
    kv: pl.DataFrame, table: str, layout: pl.DataFrame
) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    """``angka`` of every key/value row, read by the key's kind, and its findings.

    A key the format gives a number (a count, the area, the IKM score) whose value
    cannot be read is ING007; an area read as thousands that could be an English
    decimal is ING012. Other keys (names, codes, dates) only get ``angka`` when it reads
    as a plain number, without findings.
    """
    parts = []
    findings: list[pl.DataFrame] = []
    kinds = pl.col("kolom").replace_strict(_KEY_KINDS, default="percent", return_dtype=pl.String)
    kv = kv.with_row_index("_i").with_columns(kinds.alias("_kind"))
    for kind in (Kind.INTEGER, Kind.MONEY, Kind.PERCENT):
        part = kv.filter(pl.col("_kind") == kind.value)
        read = read_column(part.select(pl.col("nilai").alias("x")), "x", kind)
        parts.append(
            part.select(
                "_i",
                read.get_column("x").cast(pl.Float64).alias("angka"),
                read.get_column("_status_x").alias("_status"),
            )
        )
    status = pl.concat(parts)
    out = kv.join(status, on="_i", how="left").sort("_i")
    numeric = pl.col("kolom").is_in(_NUMERIC_KEYS[table])
    where: list[str | pl.Expr] = [
        "submission_id", "sheet", "row", pl.lit(table).alias("table"),
        pl.lit("nilai").alias("column"), pl.col("nilai").alias("found"),
    ]  # fmt: skip
    unread = out.filter(numeric & (pl.col("_status") == "unreadable"))
    if unread.height:
        findings.append(rule_findings(ING007, locate(unread.select(where), layout)))
    thousands = out.filter(
        (pl.col("_kind") == Kind.MONEY.value)
        & (pl.col("_status") == "ok")
        & pl.col("nilai").str.contains(_THOUSANDS_ONLY)
    )
    if thousands.height:
        findings.append(
            rule_findings(
                ING012,
                locate(
                    thousands.select(
                        *where,
                        pl.col("angka").cast(pl.Int64).cast(pl.String).alias("expected"),
                        pl.col("nilai").str.replace(".", ",", literal=True).alias("detail"),
                    ),
                    layout,
                ),
            )
        )
    return out.drop("_i", "_kind", "_status"), findings


def _frame(rows: list[dict[str, object]]) -> pl.DataFrame:
    """File findings as a frame; a ``(key, values)`` detail becomes a structured detail,
    rendered in the reader's language at output (:data:`schemas.findings.DETAIL`)."""
    if not any("detail" in row for row in rows):
        return pl.DataFrame(rows, infer_schema_length=None)

    def structured(value: object) -> dict[str, object] | None:
        if isinstance(value, tuple):
            key, args = value
            return {"key": key, "args": [str(a) for a in args], "text": None}
        return None if value is None else {"key": None, "args": None, "text": str(value)}

    rows = [{**row, "detail": structured(row.get("detail"))} for row in rows]
    return pl.DataFrame(rows, infer_schema_length=None, schema_overrides={"detail": DETAIL})


def _group(rows: list[dict[str, object]]) -> dict[str, tuple[Rule, list[dict[str, object]]]]:
    """The file findings by rule code (a rule object back from a worker is a copy)."""
    out: dict[str, tuple[Rule, list[dict[str, object]]]] = {}
    for row in rows:
        rule = row.pop("rule")
        assert isinstance(rule, Rule)
        out.setdefault(rule.code, (rule, []))[1].append(row)
    return out
