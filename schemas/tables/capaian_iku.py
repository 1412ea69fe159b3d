"""Model of ``capaian_iku`` (3.2): target, realisasi and printed capaian per indicator."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.tables._base import PREDIKAT, SubmissionRows, value_or_predikat


class CapaianIku(SubmissionRows):
    no: int = pa.Field(nullable=True, ge=0)
    sasaran_strategis: str = pa.Field(nullable=True)
    indikator: str = pa.Field(nullable=False)
    satuan: str = pa.Field(nullable=True)
    target: float = pa.Field(nullable=True)
    target_predikat: str = pa.Field(nullable=True, isin=PREDIKAT)
    realisasi: float = pa.Field(nullable=True)
    realisasi_predikat: str = pa.Field(nullable=True, isin=PREDIKAT)
    # nullable: a qualitative target has no numeric capaian (CAP004)
    capaian: float = pa.Field(nullable=True, ge=0)

    @pa.dataframe_check(name="SCH002:target")
    @classmethod
    def target_filled(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return value_or_predikat(data, "target")

    @pa.dataframe_check(name="SCH002:realisasi")
    @classmethod
    def realisasi_filled(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return value_or_predikat(data, "realisasi")
