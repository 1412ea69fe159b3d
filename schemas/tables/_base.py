"""Shared pieces of the per-table pandera models.

Every model validates the frame ingest produced for one table, concatenated over all
submissions of the run (one ``validate`` call per table). Columns follow
``schemas/contract.py``: TEXT -> String, INTEGER -> Int64, MONEY -> Decimal(18, 2),
PERCENT and MEASURE -> Float64 (MEASURE also ``<name>_predikat``). Frame-wide checks are
named ``'<RULE>:<column>'`` so the validator knows which rule and cell a failure is.
"""

from __future__ import annotations

from typing import Any

import pandera.polars as pa
import polars as pl
from pandera.engines import polars_engine

Money = polars_engine.Decimal
MONEY_KW = {"precision": 18, "scale": 2}
PREDIKAT = ["AA", "A", "BB", "B", "CC", "C", "D"]
YEARS = (2000, 2100)


def money(nullable: bool = False) -> Any:
    """A rupiah column: Decimal(18, 2), never negative."""
    return pa.Field(nullable=nullable, ge=0, dtype_kwargs=MONEY_KW)


def value_or_predikat(data: pa.PolarsData, column: str) -> pl.LazyFrame:
    """A MEASURE cell is filled when it holds a number or a predikat alone ('CC')."""
    filled = pl.col(column).is_not_null() | pl.col(f"{column}_predikat").is_not_null()
    return data.lazyframe.select(filled.alias(column))


class SubmissionRows(pa.DataFrameModel):
    """Keys ingest adds to every row: which submission, which sheet, which Excel row."""

    submission_id: str = pa.Field(nullable=False)
    sheet: str = pa.Field(nullable=False)
    row: int = pa.Field(nullable=False, ge=1)

    class Config:
        strict = False  # the validator's own columns may ride along
        coerce = False  # ingest already typed every column; a wrong dtype is a bug
