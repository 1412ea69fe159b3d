"""Model of ``identitas`` (cover, 1.3): key/value rows; the keys are IDN rules' business."""

from __future__ import annotations

import pandera.polars as pa

from schemas.tables._base import SubmissionRows


class Identitas(SubmissionRows):
    kolom: str = pa.Field(nullable=False)
    nilai: str = pa.Field(nullable=True)
    angka: float = pa.Field(nullable=True)
