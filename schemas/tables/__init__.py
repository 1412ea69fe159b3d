"""One pandera DataFrameModel per submission table, built from ``schemas/contract.py``.

Each contract column becomes a field: its kind gives the dtype (TEXT -> String,
INTEGER -> Int64, MONEY -> Decimal(18, 2), PERCENT and MEASURE -> Float64, a MEASURE also
``<name>_predikat`` in the predikat list), ``nullable``/``ge``/``le``/``vocab`` its checks
(both limits -> one ``in_range``). A MEASURE that must be filled is filled by a number
or a predikat alone, a frame-wide ``SCH002:<name>`` check. The few checks that look at
more than one column are written by hand in ``schemas/tables/<table>.py`` (``CHECKS``).

``MODELS`` maps each table to its model; the validator calls
``MODELS[name].validate(prepare(name, frame), lazy=True)`` once per table, on the
concatenation of all submissions.
"""

from __future__ import annotations

from typing import Any

import pandera.polars as pa
import polars as pl
from pandera.engines import polars_engine

from schemas.contract import TABLES, Column, Kind, Table
from schemas.tables import ikm_survei, program_kegiatan
from schemas.tables._base import FrameCheck, SubmissionRows, value_or_predikat
from schemas.vocab import PREDIKAT

FRAME_CHECKS: dict[str, tuple[FrameCheck, ...]] = {
    "program_kegiatan": program_kegiatan.CHECKS,
    "ikm_survei": ikm_survei.CHECKS,
}
"""The hand-written checks over whole rows, per table (run after the derived ones)."""

_ANNOTATION: dict[Kind, Any] = {
    Kind.TEXT: str,
    Kind.INTEGER: int,
    Kind.MONEY: polars_engine.Decimal,
    Kind.PERCENT: float,
    Kind.MEASURE: float,
}
_MONEY_KW = {"precision": 18, "scale": 2}


def _field(col: Column, nullable: bool) -> Any:
    """A pandera Field with the column's limits, as the hand-written models had them."""
    kwargs: dict[str, Any] = {"nullable": nullable}
    if col.ge is not None and col.le is not None:
        kwargs["in_range"] = {"min_value": col.ge, "max_value": col.le}
    elif col.ge is not None:
        kwargs["ge"] = col.ge
    elif col.le is not None:
        kwargs["le"] = col.le
    if col.vocab is not None:
        kwargs["isin"] = list(col.vocab.values)
    if col.kind is Kind.MONEY:
        kwargs["dtype_kwargs"] = _MONEY_KW
    return pa.Field(**kwargs)


def _frame_check(check: FrameCheck) -> Any:
    def run(cls: type, data: pa.PolarsData) -> pl.LazyFrame:
        return check.fn(data)

    run.__doc__ = check.fn.__doc__
    stats = {"expected": check.expected} if check.expected else None
    return pa.dataframe_check(name=check.name, statistics=stats)(run)


def _filled(column: str) -> FrameCheck:
    def filled(data: pa.PolarsData) -> pl.LazyFrame:
        """A number or a predikat alone ('CC')."""
        return value_or_predikat(data, column)

    return FrameCheck(f"SCH002:{column}", filled)


def frame_checks(table: Table) -> tuple[FrameCheck, ...]:
    """The table's checks over whole rows: derived from the contract, then hand-written."""
    derived = tuple(
        _filled(col.name) for col in table.columns if col.kind is Kind.MEASURE and not col.nullable
    )
    return derived + FRAME_CHECKS.get(table.name, ())


def build_model(table: Table) -> type[pa.DataFrameModel]:
    """The DataFrameModel of one contract table (named like the table: 'CapaianIku')."""
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {}
    for col in table.columns:
        annotations[col.name] = _ANNOTATION[col.kind]
        # a MEASURE may be filled by its predikat alone: its SCH002 is a frame check
        namespace[col.name] = _field(col, col.nullable or col.kind is Kind.MEASURE)
        if col.kind is Kind.MEASURE:
            annotations[f"{col.name}_predikat"] = str
            namespace[f"{col.name}_predikat"] = pa.Field(nullable=True, isin=list(PREDIKAT.values))
    if table.key_value:
        annotations["angka"] = float  # ingest reads every nilai as a number too
        namespace["angka"] = pa.Field(nullable=True)
    for i, check in enumerate(frame_checks(table)):
        namespace[f"_check_{i}"] = _frame_check(check)
    name = "".join(part.title() for part in table.name.split("_"))
    namespace.update(
        __annotations__=annotations,
        __module__=__name__,
        __qualname__=name,
        __doc__=f"Schema of ``{table.name}`` ({table.report_table}), from the contract.",
    )
    return type(name, (SubmissionRows,), namespace)


MODELS: dict[str, type[pa.DataFrameModel]] = {t.name: build_model(t) for t in TABLES}


def prepare(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Spelling a schema should not care about: 'Sub Kegiatan', ' Positif', 'bb'.

    Each column with a vocabulary is normalised by it before its values are checked.
    """
    table = next(t for t in TABLES if t.name == name)
    spelled = [
        col.vocab.baku(pl.col(col.name)).alias(col.name)
        for col in table.columns
        if col.vocab is not None and col.name in frame.columns
    ]
    return frame.with_columns(spelled) if spelled else frame
