"""The cells of a table sheet that are no value of a table row: kept, never dropped.

A kecamatan's sheet holds more than its table: a title above the header, header cells
of columns the format does not have, a header repeated half-way down, notes and
sign-offs below the table, a stray figure right of it, a value without its key in
``identitas``. None of them is a value of a ``raw_<table>`` row, and each used to be
left behind without a trace. They go to ``raw_sel_lain`` with the reason (``alasan``)
each is not part of the table; the ones that are probably a mistake (a value in a column
without a header, a value without its key) are also an ING016 warning at their cell.

Sheets that are not read as a table at all (unknown, duplicate, without a header, too
large, unreadable) are not listed here: their finding covers the whole sheet.
Computed for all sheets of a chunk at once, as the headers are.
"""

from __future__ import annotations

import polars as pl

from pipeline.ingest.headers import _cell_columns, _letters
from pipeline.ingest.read import _COL, _column_index
from schemas.findings import findings
from schemas.rules.ingest import ING016

OTHERS_SCHEMA: dict[str, pl.DataType] = {
    "submission_id": pl.String(),
    "table": pl.String(),
    "sheet": pl.String(),
    "cell": pl.String(),
    "row": pl.Int64(),
    "letter": pl.String(),
    "nilai": pl.String(),
    "alasan": pl.String(),
}
"""Columns of ``raw_sel_lain`` (docs/warehouse.md)."""

REASONS: dict[str, str] = {
    "judul": "above the header row: a title or a line before the table",
    "judul_kolom": "a header cell outside the table's columns, or the header repeated below it",
    "catatan": "a note row (Sumber:, Keterangan:, Catatan: ...) in or below the table",
    "luar_kolom": "below the header in a column the format does not have",
    "tanpa_kunci": "a value without its key (kolom) in a key/value sheet",
    "label_jumlah": "a total's label (JUMLAH) beside the label column, which already has text",
}
"""``alasan``: why a cell is not part of its table."""

_ROW_REASON = {"note": "catatan", "header": "judul_kolom", "tanpa_kunci": "tanpa_kunci"}
"""Row class (pipeline.ingest.classify) -> the reason its cells are not table values."""


def filled(
    cells: dict[str, pl.DataFrame],
    meta: pl.DataFrame,
    header: pl.DataFrame,
    mapping: pl.DataFrame,
    rows: pl.DataFrame,
) -> pl.DataFrame:
    """The non-blank cells of the sheets with a header that may be no table value.

    Those are the cells above and in the header row, every cell of the rows in ``rows``
    (``_s``, ``_r``: notes, repeated headers, ... below the header) and the cells of the
    columns that some sheet of the table does not map. The bulk, the table columns of
    data rows in sheets that follow the template, is never unpivoted: this stays a
    small fraction of ingest.

    Returns ``_s``, ``_r`` (0-based row), ``j``, ``_abs`` (absolute column), ``v``,
    ``name`` (the table column, if mapped), the submission, table, sheet and
    ``header_r``, plus ``alasan`` where the position alone decides it (above the header,
    header row, unknown column); null for a cell under a table column below the header
    (its row class decides). A header cell of a table column is left out: ``layout``
    records it, with ``header_row``.
    """
    parts: list[pl.DataFrame] = []
    for frame in cells.values():
        columns = _cell_columns(frame)
        placed = frame.join(header, on="_s")
        listed = placed.filter(pl.col("_r") <= pl.col("header_r"))
        listed = pl.concat([listed, placed.join(rows, on=["_s", "_r"], how="semi")])
        sheets = placed.get_column("_s").unique()
        everywhere = (
            mapping.filter(pl.col("_s").is_in(sheets.implode()))
            .group_by("j")
            .agg(pl.len().alias("n"))
            .filter(pl.col("n") == sheets.len())
            .get_column("j")
        )
        full = {f"{_COL}{j}" for j in everywhere.to_list()}
        rest = [c for c in columns if c not in full]
        chunks = [(listed, columns)]
        if rest:
            placed_below = placed.filter(pl.col("_r") > pl.col("header_r")).join(
                rows, on=["_s", "_r"], how="anti"
            )
            chunks.append((placed_below, rest))
        parts.extend(
            part.unpivot(index=["_s", "_r", "header_r"], on=on,
                         variable_name="_col", value_name="v")
            .filter(pl.col("v").str.contains(r"\S"))
            .with_columns(_column_index())
            .drop("_col")
            for part, on in chunks
            if part.height
        )  # fmt: skip
    schema = {"_s": pl.Int64, "_r": pl.Int64, "header_r": pl.Int64, "v": pl.String, "j": pl.Int64}
    cells_ = pl.concat(parts) if parts else pl.DataFrame(schema=schema)
    mapped = mapping.select("_s", "j", "name", pl.lit(True).alias("_mapped"))
    out = (
        cells_.join(mapped, on=["_s", "j"], how="left")
        .join(meta.select("_s", "submission_id", "table", "sheet", "offset"), on="_s")
        .with_columns(
            (pl.col("offset") + pl.col("j")).alias("_abs"),
            pl.col("_mapped").fill_null(False),
        )
    )
    below = pl.col("_r") > pl.col("header_r")
    at = pl.col("_r") == pl.col("header_r")
    alasan = (
        pl.when(pl.col("_r") < pl.col("header_r"))
        .then(pl.lit("judul"))
        .when(at & ~pl.col("_mapped"))
        .then(pl.lit("judul_kolom"))
        .when(below & ~pl.col("_mapped"))
        .then(pl.lit("luar_kolom"))
        .otherwise(pl.lit(None, dtype=pl.String))
    )
    return out.with_columns(alasan.alias("alasan")).filter(
        ~(at & pl.col("_mapped"))  # a header cell of a table column: in layout
    )


def others(
    cells: pl.DataFrame, kinds: pl.DataFrame, cleared: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    """``raw_sel_lain`` rows and the ING016 findings, from :func:`filled` and the row classes.

    ``kinds``: ``_s``, ``row`` (1-based) and ``_kind`` of every row below a header, as
    classified (``tanpa_kunci`` for a key/value row without its key). ``cleared``: ``_s``,
    ``row``, ``name`` of the total labels classification cleared without moving them.
    """
    if cells.height == 0:
        return pl.DataFrame(schema=OTHERS_SCHEMA), None
    by_row = pl.col("_kind").replace_strict(_ROW_REASON, default=None, return_dtype=pl.String)
    decided = (
        cells.with_columns((pl.col("_r") + 1).alias("row"))
        .join(kinds.select("_s", "row", by_row.alias("_by_row")), on=["_s", "row"], how="left")
        .join(
            cleared.unique().with_columns(pl.lit("label_jumlah").alias("_label")),
            on=["_s", "row", "name"],
            how="left",
        )
        .with_columns(pl.coalesce("alasan", "_by_row", "_label").alias("alasan"))
        .filter(pl.col("alasan").is_not_null())
    )
    letter = _letters(decided, "_abs")
    kept = decided.with_columns(letter.alias("letter")).with_columns(
        pl.format("{}!{}{}", "sheet", "letter", "row").alias("cell"),
        pl.col("v").alias("nilai"),
    )
    # a stray value: in a column whose header cell is blank, or a value without its key
    labelled = cells.filter(pl.col("_r") == pl.col("header_r")).select(
        "_s", "j", pl.lit(True).alias("_labelled")
    )
    stray = (
        kept.join(labelled, on=["_s", "j"], how="left")
        .filter(
            ((pl.col("alasan") == "luar_kolom") & pl.col("_labelled").is_null())
            | (pl.col("alasan") == "tanpa_kunci")
        )
        .sort("_s", "_r", "j")
    )
    found = None
    if stray.height:
        found = findings(
            ING016,
            stray.select(
                "submission_id", "table", "sheet", "cell", "row",
                pl.col("v").alias("found"),
                pl.struct(
                    pl.format("ING016.{}", "alasan").alias("key"),
                    pl.lit([], dtype=pl.List(pl.String)).alias("args"),
                    pl.lit(None, dtype=pl.String).alias("text"),
                ).alias("detail"),
            ),
        )  # fmt: skip
    table = kept.sort("_s", "_r", "j").select([pl.col(n).cast(t) for n, t in OTHERS_SCHEMA.items()])
    return table, found
