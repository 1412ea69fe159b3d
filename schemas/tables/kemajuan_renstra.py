"""Model of ``kemajuan_renstra`` (3.7, 3.13): progress towards the end-of-Renstra target."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.tables._base import PREDIKAT, YEARS, SubmissionRows, value_or_predikat


class KemajuanRenstra(SubmissionRows):
    no: int = pa.Field(nullable=True, ge=0)
    indikator: str = pa.Field(nullable=False)
    realisasi: float = pa.Field(nullable=True)
    realisasi_predikat: str = pa.Field(nullable=True, isin=PREDIKAT)
    target_akhir: float = pa.Field(nullable=True)
    target_akhir_predikat: str = pa.Field(nullable=True, isin=PREDIKAT)
    tahun_akhir: int = pa.Field(
        nullable=True, in_range={"min_value": YEARS[0], "max_value": YEARS[1]}
    )
    tingkat_kemajuan: float = pa.Field(nullable=True, ge=0)

    @pa.dataframe_check(name="SCH002:target_akhir")
    @classmethod
    def target_filled(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return value_or_predikat(data, "target_akhir")

    @pa.dataframe_check(name="SCH002:realisasi")
    @classmethod
    def realisasi_filled(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return value_or_predikat(data, "realisasi")
