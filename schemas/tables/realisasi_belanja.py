"""Model of ``realisasi_belanja`` (3.2 Realisasi Anggaran): spending by type."""

from __future__ import annotations

import pandera.polars as pa

from schemas.tables._base import Money, SubmissionRows, money


class RealisasiBelanja(SubmissionRows):
    no: int = pa.Field(nullable=True, ge=0)
    jenis_belanja: str = pa.Field(nullable=False)
    anggaran: Money = money()
    realisasi: Money = money()
    persen: float = pa.Field(nullable=True, ge=0)
