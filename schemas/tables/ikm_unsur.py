"""Model of ``ikm_unsur`` (3.3): the service elements, each scored 1 to 4."""

from __future__ import annotations

import pandera.polars as pa

from schemas.tables._base import SubmissionRows


class IkmUnsur(SubmissionRows):
    no: int = pa.Field(nullable=True, ge=0)
    unsur: str = pa.Field(nullable=False)
    nilai: float = pa.Field(nullable=False, in_range={"min_value": 1, "max_value": 4})
