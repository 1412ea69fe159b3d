"""Model of ``akip_nilai`` (3.4, 3.12): the declared AKIP score and predikat per year."""

from __future__ import annotations

import pandera.polars as pa

from schemas.tables._base import PREDIKAT, YEARS, SubmissionRows


class AkipNilai(SubmissionRows):
    tahun: int = pa.Field(nullable=False, in_range={"min_value": YEARS[0], "max_value": YEARS[1]})
    nilai: float = pa.Field(nullable=False, in_range={"min_value": 0, "max_value": 100})
    predikat: str = pa.Field(nullable=True, isin=PREDIKAT)
