"""Shared pieces of the pandera schemas: the row keys every table carries.

Every schema validates the frame ingest produced for one table, concatenated over all
submissions of the run (one ``validate`` call per table). Frame-wide checks are named
``'<RULE>:<column>'`` so the validator knows which rule and cell a failure is; the
text a clerk reads as ``expected`` rides in the check's ``statistics['expected']``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandera.polars as pa
import polars as pl


@dataclass(frozen=True)
class FrameCheck:
    """A check over whole rows: ``fn`` returns one boolean column named after the cell
    that is wrong when it is False; ``name`` is ``'<RULE>:<column>'``."""

    name: str
    fn: Callable[[pa.PolarsData], pl.LazyFrame]
    expected: str = ""
    """What a clerk reads as the expected value of a failing cell ('' when nothing)."""


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
