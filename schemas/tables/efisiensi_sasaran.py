"""Model of ``efisiensi_sasaran`` (3.10, 3.16): efficiency per sasaran, as printed."""

from __future__ import annotations

import pandera.polars as pa

from schemas.tables._base import SubmissionRows


class EfisiensiSasaran(SubmissionRows):
    no: int = pa.Field(nullable=True, ge=0)
    sasaran_strategis: str = pa.Field(nullable=True)
    indikator: str = pa.Field(nullable=False)
    persen_capaian: float = pa.Field(nullable=True, ge=0)
    persen_penyerapan: float = pa.Field(nullable=True, ge=0)
    # may be negative: capaian - serapan is a common variant
    tingkat_efisiensi: float = pa.Field(nullable=True)
