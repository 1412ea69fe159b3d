"""Model of ``ikm_survei`` (3.6): key/value rows; counts are whole and the IKM is 25-100."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.tables._base import SubmissionRows

COUNTS = ("jumlah_responden", "puas", "tidak_puas")
NUMERIC = (*COUNTS, "nilai_ikm")


class IkmSurvei(SubmissionRows):
    kolom: str = pa.Field(nullable=False)
    nilai: str = pa.Field(nullable=True)
    angka: float = pa.Field(nullable=True)

    @pa.dataframe_check(name="SCH001:nilai")
    @classmethod
    def numbers_in_range(cls, data: pa.PolarsData) -> pl.LazyFrame:
        kolom, angka = pl.col("kolom"), pl.col("angka")
        dash = pl.col("nilai").is_null() | pl.col("nilai").str.contains(r"^\s*[-–—]+\s*$")
        ok = (
            pl.when(~kolom.is_in(NUMERIC) | dash)
            .then(True)
            .when(angka.is_null())
            .then(False)
            .when(kolom.is_in(COUNTS))
            .then((angka >= 0) & (angka == angka.round(0)))
            .otherwise((angka >= 25) & (angka <= 100))
        )
        return data.lazyframe.select(ok.fill_null(True).alias("nilai"))
