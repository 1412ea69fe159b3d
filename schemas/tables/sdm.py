"""Model of ``sdm`` (1.7, 1.8): staff counts per kategori."""

from __future__ import annotations

import pandera.polars as pa

from schemas.tables._base import SubmissionRows


class Sdm(SubmissionRows):
    kategori: str = pa.Field(nullable=False)
    uraian: str = pa.Field(nullable=False)
    # nullable: '-' or blank means nobody in that row (SLTP '-', SD blank in the seed)
    jumlah: int = pa.Field(nullable=True, ge=0)
    persen: float = pa.Field(nullable=True, in_range={"min_value": 0, "max_value": 100})
