"""SCH: the pandera models of :mod:`schemas.tables`, run once per table for the whole run.

Failure cases carry the 0-based index into the frame that was validated; joining that
index back to the frame gives submission, sheet, row and the raw value, then the cell.
A cell ingest could not read (ING007) is null here and would also fail ``nullable``:
those SCH002 findings are dropped, the cell has its finding already.
"""

from __future__ import annotations

import re

import pandera.polars as pa
import polars as pl

from schemas.formulas import first_of
from schemas.rules.base import LABELS, Context, emit
from schemas.tables import MODELS, prepare

_RANGE = (
    (re.compile(r"^greater_than_or_equal_to\((.+)\)$"), ">= {0}"),
    (re.compile(r"^less_than_or_equal_to\((.+)\)$"), "<= {0}"),
    (re.compile(r"^greater_than\((.+)\)$"), "> {0}"),
    (re.compile(r"^less_than\((.+)\)$"), "< {0}"),
    (re.compile(r"^in_range\((.+), (.+)\)$"), "{0} - {1}"),
)


def _code(check: str) -> str:
    if ":" in check and check.startswith("SCH"):
        return check.split(":", 1)[0]
    if check == "not_nullable":
        return "SCH002"
    if check.startswith("isin("):
        return "SCH003"
    return "SCH001"


def _expected(check: str) -> str:
    """A pandera check name as the range or the allowed set a clerk reads."""
    for pattern, template in _RANGE:
        m = pattern.match(check)
        if m:
            return template.format(*m.groups())
    m = re.match(r"^isin\(\[(.*)\]\)$", check)
    if m:
        return " | ".join(v.strip(" '\"") for v in m.group(1).split(","))
    if check.startswith("SCH004"):
        return "U.BB.PP(.K.KK(.SSSS))"
    if check.startswith("SCH001:nilai"):
        return "jumlah >= 0, nilai_ikm 25 - 100"
    return ""


def _failures(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    model = MODELS[name]
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = pl.DataFrame(exc.failure_cases)
        return cases.select(
            pl.col("index").cast(pl.Int64),
            pl.when(pl.col("schema_context") == "DataFrameSchema")
            .then(pl.col("check").str.split(":").list.get(1, null_on_oob=True))
            .otherwise(pl.col("column"))
            .alias("column"),
            pl.col("check").cast(pl.String),
        ).filter(pl.col("index").is_not_null())
    return pl.DataFrame(schema={"index": pl.Int64, "column": pl.String, "check": pl.String})


def check(ctx: Context) -> list[pl.DataFrame]:
    out = []
    unread = ctx.ingest_findings.filter(pl.col("rule") == "ING007").select(
        "submission_id", "sheet", "row", "column"
    )
    for name in MODELS:
        source = ctx.tables[name]
        failures = _failures(name, prepare(name, source))
        if failures.height == 0:
            continue
        label = LABELS.get(name)
        indexed = source.with_row_index("index").select(
            pl.col("index").cast(pl.Int64),
            "submission_id",
            "sheet",
            "row",
            (pl.col(label) if label else pl.lit(None, dtype=pl.String)).alias("label"),
            *[pl.col(c).cast(pl.String).alias(f"_raw_{c}") for c in source.columns],
        )
        checks = failures.get_column("check").unique().to_list()
        rows = (
            failures.join(indexed, on="index", how="inner")
            .with_columns(
                pl.col("check").replace_strict({c: _code(c) for c in checks}).alias("_code"),
                pl.col("check")
                .replace_strict({c: _expected(c) or None for c in checks}, return_dtype=pl.String)
                .alias("expected"),
                pl.lit(name).alias("table"),
                _raw_value(failures.get_column("column").unique().to_list(), source.columns),
            )
            .join(unread, on=["submission_id", "sheet", "row", "column"], how="anti")
            .unique(["submission_id", "row", "column", "_code"], maintain_order=True)
        )
        for (code,), part in rows.group_by("_code", maintain_order=True):
            out.append(
                emit(
                    part.select(
                        "submission_id", "sheet", "row", "table", "column", "label",
                        "expected", "found",
                    ),
                    str(code),
                    ctx,
                )
            )  # fmt: skip
    return out


def _raw_value(columns: list[str], present: list[str]) -> pl.Expr:
    """The failing cell's value as text, whichever column failed."""
    cases = [
        (pl.col("column") == column, pl.col(f"_raw_{column}"))
        for column in columns
        if column in present
    ]
    return (first_of(cases) if cases else pl.lit(None, dtype=pl.String)).alias("found")
