"""Model of ``perjanjian_kinerja`` (2.1): the targets agreed for the year."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.tables._base import PREDIKAT, SubmissionRows, value_or_predikat


class PerjanjianKinerja(SubmissionRows):
    no: int = pa.Field(nullable=True, ge=0)
    # nullable: a sasaran cell is often merged over the indicators below it
    sasaran_strategis: str = pa.Field(nullable=True)
    indikator: str = pa.Field(nullable=False)
    satuan: str = pa.Field(nullable=True)
    target: float = pa.Field(nullable=True)
    target_predikat: str = pa.Field(nullable=True, isin=PREDIKAT)
    polaritas: str = pa.Field(nullable=True, isin=["positif", "negatif"])

    @pa.dataframe_check(name="SCH002:target")
    @classmethod
    def target_filled(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return value_or_predikat(data, "target")
