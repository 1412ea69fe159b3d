"""Frame-wide check of ``ikm_survei`` (3.6): counts are whole and the IKM is 25-100.

The sheet is key/value rows, so which limit applies depends on the row's ``kolom``.
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.contract import IKM_SURVEI_KEYS
from schemas.tables._base import FrameCheck

NUMERIC = IKM_SURVEI_KEYS
COUNTS = tuple(k for k in NUMERIC if k != "nilai_ikm")


def numbers_in_range(data: pa.PolarsData) -> pl.LazyFrame:
    """A numeric key holds a number: a count >= 0 and whole, the IKM 25 - 100."""
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


CHECKS = (FrameCheck("SCH001:nilai", numbers_in_range, "jumlah ≥ 0, nilai_ikm 25 - 100"),)
