"""Header detection for all sheets of a chunk at once: which row is the header and
which column is which, and the findings about the layout (ING004, ING005, ING006).

Kept apart from row classification because it decides the columns, once per sheet,
while classification works on the rows under them, once per table.
"""

from __future__ import annotations

import polars as pl

from pipeline.cells import column_letter
from pipeline.ingest.read import _COL, _HEADERS, HEADER_SCAN_ROWS, _column_index
from schemas.contract import LABEL_PUNCTUATION, TABLES, UNIT_IN_PARENS, UNIT_SUFFIX
from schemas.findings import findings, keyed_detail
from schemas.rules.ingest import ING004, ING005, ING006
from schemas.text import header_label

HEADER_QUICK_ROWS = 6  # scanned first; deeper only for sheets without a complete header here
_LABEL_BYTES = 64  # longer than any header or total label (at most 32 characters)


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
    # 'Tingkat Kemajuan (%)': a label with a unit after it is also tried without the unit.
    key, bare = _norm_expr(pl.col("v")), _norm_expr(pl.col("v").str.replace(UNIT_SUFFIX, ""))
    keyed = distinct.with_columns(
        pl.when(key.is_in(_LABEL_KEYS)).then(key).otherwise(bare).alias("key")
    ).filter(pl.col("key").is_in(_LABEL_KEYS))
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
    # the headers as the template prints them ('Pagu (Rp)'), each one ingest reads
    described = {t.name: ", ".join(header_label(t.name, c.name) for c in t.columns) for t in TABLES}
    no_header = meta.join(header, on="_s", how="anti")
    if no_header.height:
        out.append(
            findings(
                ING004,
                no_header.select(
                    "submission_id", "table", "sheet", pl.col("sheet").alias("cell"),
                    keyed_detail(
                        "ingest.expected_headers", [pl.col("table").replace_strict(described)]
                    ).alias("detail"),
                ),
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
            findings(
                ING005,
                missing.select(
                    "submission_id", "table", "sheet", pl.col("sheet").alias("cell"),
                    pl.col("name").alias("column"), (pl.col("header_r") + 1).alias("row"),
                ),
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
    # Only a column with a label in the header row is an unknown column; the values of a
    # column without one are stray cells, each its own ING016 (pipeline.ingest.others).
    unknown = (
        counts.join(with_header, on="_s")
        .join(
            top.select("_s", pl.col("_r").alias("header_r"), "j", pl.col("v").alias("label")),
            on=["_s", "header_r", "j"],
            how="left",
        )
        .filter(pl.col("label").str.contains(r"\S").fill_null(False))
        .with_columns((pl.col("offset") + pl.col("j")).alias("_abs"))
        .sort("_s", "j")
    )
    if unknown.height:
        out.append(
            findings(
                ING006,
                unknown.select(
                    "submission_id", "table", "sheet",
                    pl.format("{}!{}{}", "sheet", _letters(unknown, "_abs"), pl.col("header_r") + 1)
                    .alias("cell"),
                    (pl.col("header_r") + 1).alias("row"),
                    pl.col("label").fill_null("").alias("found"),
                    pl.col("values").cast(pl.String).alias("detail"),
                ),
            )
        )  # fmt: skip
    return out


def _table_text(
    cells: dict[str, pl.DataFrame], meta: pl.DataFrame, header: pl.DataFrame, mapping: pl.DataFrame
) -> dict[str, pl.DataFrame]:
    """Per table, the data rows below each header with columns under their contract names.

    ``_s`` (the sheet's index in the chunk) is kept so the row classes can be matched to
    the sheet's other cells (:mod:`pipeline.ingest.others`)."""
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
            "_s", "submission_id", "sheet", (pl.col("_r") + 1).alias("row"), *exprs
        )
    return out
