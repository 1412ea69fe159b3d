"""Model of ``akip_komponen`` (3.4, 3.12): AKIP evaluation components per year."""

from __future__ import annotations

import pandera.polars as pa

from schemas.tables._base import YEARS, SubmissionRows

SCORE = {"min_value": 0, "max_value": 100}


class AkipKomponen(SubmissionRows):
    tahun: int = pa.Field(nullable=False, in_range={"min_value": YEARS[0], "max_value": YEARS[1]})
    komponen: str = pa.Field(nullable=False)
    bobot: float = pa.Field(nullable=True, in_range=SCORE)
    # nullable: '-' marks a component the year's form does not have (AKP004 reads it so)
    nilai: float = pa.Field(nullable=True, in_range=SCORE)
