"""Findings are data: one frame shape for every stage that can find something.

Ingest (unreadable cells, missing sheets) and validate (schemas, recomputations)
both emit frames of ``FINDING_SCHEMA``; every output (terminal, CSV, JSON, HTML,
the warehouse) is a view of that frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import polars as pl

DETAIL = pl.Struct({"key": pl.String(), "args": pl.List(pl.String()), "text": pl.String()})
"""A finding's detail as structure, rendered per language only at output
(:func:`schemas.catalog.detail_text`): ``key`` names an ``(id, en)`` pair (a rule's
``details`` entry as ``<code>.<name>``, or a :data:`schemas.text.TEXT` key) filled with
``args``; a detail with no translation (ingest's raw cell text) is ``text`` alone."""

FINDING_SCHEMA: dict[str, pl.DataType] = {
    "rule": pl.String(),
    "severity": pl.String(),  # error | warning
    "submission_id": pl.String(),
    "table": pl.String(),
    "sheet": pl.String(),
    "cell": pl.String(),  # 'program_kegiatan!H12'; sheet name alone when no cell applies
    "row": pl.Int64(),  # Excel row (1-based) or CSV line; null when the finding is about a sheet
    "column": pl.String(),  # canonical column name
    "label": pl.String(),  # what the row is about (program name, indicator, jenis belanja)
    "expected": pl.String(),
    "found": pl.String(),
    "detail": DETAIL,  # extra context for the message (formula variant, raw text)
    "root": pl.String(),  # finding_id of the root cause this finding follows from
    "finding_id": pl.String(),
}


def plain_detail(text: pl.Expr) -> pl.Expr:
    """A detail with no translation (raw text as read, an exception's message)."""
    return pl.when(text.is_not_null()).then(
        pl.struct(
            pl.lit(None, dtype=pl.String).alias("key"),
            pl.lit(None, dtype=pl.List(pl.String)).alias("args"),
            text.cast(pl.String).alias("text"),
        )
    )


def keyed_detail(key: str, args: list[pl.Expr]) -> pl.Expr:
    """A translatable detail: the text ``key`` with ``args`` (each cast to text).

    Null when an argument is null, as the joined text it replaces was.
    """
    given = [a.cast(pl.String) for a in args]
    struct = pl.struct(
        pl.lit(key, dtype=pl.String).alias("key"),
        (pl.concat_list(given) if given else pl.lit([], dtype=pl.List(pl.String))).alias("args"),
        pl.lit(None, dtype=pl.String).alias("text"),
    )
    if not given:
        return struct
    return pl.when(pl.all_horizontal([a.is_not_null() for a in given])).then(struct)


def empty_findings() -> pl.DataFrame:
    return pl.DataFrame(schema=FINDING_SCHEMA)


class RuleLike(Protocol):
    """What a finding needs of its rule (:class:`schemas.catalog.Rule`)."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> str: ...


def findings(
    rule: RuleLike, frame: pl.DataFrame, schema: Mapping[str, pl.DataType] = FINDING_SCHEMA
) -> pl.DataFrame:
    """The finding rows of ``rule``: a partial frame completed into ``schema``.

    ``frame`` holds any subset of the columns; ``rule`` is the rule's code, ``severity``
    its declared severity unless the frame says otherwise row by row (IKM002 is an error
    only beyond a band). With ``FINDING_SCHEMA`` (ingest) the rows get their stable ids;
    validate completes into its internal schema and adds ids once root causes are linked.
    """
    cols = []
    for name, dtype in schema.items():
        if name == "rule":
            cols.append(pl.lit(rule.code, dtype=pl.String).alias(name))
        elif name == "severity" and "severity" not in frame.columns:
            cols.append(pl.lit(rule.severity, dtype=pl.String).alias(name))
        elif name == "detail" and name in frame.columns and frame.schema[name] != DETAIL:
            cols.append(plain_detail(pl.col(name)).alias(name))
        elif name in frame.columns:
            cols.append(pl.col(name).cast(dtype).alias(name))
        else:
            cols.append(pl.lit(None, dtype=dtype).alias(name))
    out = frame.select(cols)
    return with_ids(out) if "finding_id" in schema else out


def with_ids(findings: pl.DataFrame) -> pl.DataFrame:
    """Stable id: the same finding in a rerun keeps its id (rule, submission, place)."""
    key = pl.concat_str(
        [
            pl.col("rule"),
            pl.col("submission_id").fill_null(""),
            pl.col("cell").fill_null(""),
            pl.col("column").fill_null(""),
            pl.col("label").fill_null(""),
        ],
        separator="|",
    )
    return findings.with_columns(
        finding_id=pl.col("rule") + "-" + key.hash(seed=42).cast(pl.String).str.slice(0, 10)
    )


def concat_findings(frames: list[pl.DataFrame]) -> pl.DataFrame:
    frames = [f for f in frames if f.height]
    if not frames:
        return empty_findings()
    return pl.concat([f.select(list(FINDING_SCHEMA)) for f in frames], how="vertical")


def locate(frame: pl.DataFrame, layout: pl.DataFrame) -> pl.DataFrame:
    """Add ``cell`` ('sheet!H12') from (submission, table, column, row) via the ingest layout."""
    joined = frame.join(
        layout.select("submission_id", "table", "column", "letter"),
        on=["submission_id", "table", "column"],
        how="left",
    )
    fallback = pl.col("sheet") if "sheet" in frame.columns else pl.lit(None, dtype=pl.String)
    cell = (
        pl.when(pl.col("letter").is_not_null() & pl.col("row").is_not_null())
        .then(pl.col("sheet") + "!" + pl.col("letter") + pl.col("row").cast(pl.String))
        .otherwise(fallback)
    )
    return joined.with_columns(cell.alias("cell")).drop("letter")
