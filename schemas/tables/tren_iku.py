"""Model of ``tren_iku`` (3.5, 3.11): one row per indicator and year."""

from __future__ import annotations

import pandera.polars as pa

from schemas.tables._base import PREDIKAT, YEARS, SubmissionRows


class TrenIku(SubmissionRows):
    indikator: str = pa.Field(nullable=False)
    satuan: str = pa.Field(nullable=True)
    tahun: int = pa.Field(nullable=False, in_range={"min_value": YEARS[0], "max_value": YEARS[1]})
    # nullable: years without a target or a result yet are left blank
    target: float = pa.Field(nullable=True)
    target_predikat: str = pa.Field(nullable=True, isin=PREDIKAT)
    realisasi: float = pa.Field(nullable=True)
    realisasi_predikat: str = pa.Field(nullable=True, isin=PREDIKAT)
    capaian: float = pa.Field(nullable=True, ge=0)
