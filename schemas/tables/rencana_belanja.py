"""Model of ``rencana_belanja`` (Rencana Anggaran): planned spending by type."""

from __future__ import annotations

import pandera.polars as pa

from schemas.tables._base import Money, SubmissionRows, money


class RencanaBelanja(SubmissionRows):
    no: int = pa.Field(nullable=True, ge=0)
    jenis_belanja: str = pa.Field(nullable=False)
    anggaran: Money = money()
