"""Model of ``anggaran_program`` (2.1, second part): budget per program in the PK."""

from __future__ import annotations

import pandera.polars as pa

from schemas.tables._base import Money, SubmissionRows, money


class AnggaranProgram(SubmissionRows):
    no: int = pa.Field(nullable=True, ge=0)
    program: str = pa.Field(nullable=False)
    anggaran: Money = money()
    keterangan: str = pa.Field(nullable=True)
