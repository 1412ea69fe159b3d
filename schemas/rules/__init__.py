"""Rule implementations, one module per family of ``schemas.catalog`` codes.

Each family declares its rules (:class:`schemas.catalog.Rule`) next to its
``check(ctx) -> list[Found]`` over whole tables of every submission of the run. The
recomputed columns (``*_hitung``, the hierarchy of 3.17, polarity) are declared in
:mod:`schemas.rules.derived` and added before any check, so a check only reads the
frames and the order of ``FAMILIES`` does not change what is found (it is the order
of the findings before validate sorts them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemas.rules.base import Context, Found, resolve
from schemas.rules.config import ValidateConfig

if TYPE_CHECKING:
    from schemas.rules.families import FAMILIES


def __getattr__(name: str) -> object:
    """``FAMILIES`` imports every family: only when asked for, so that importing one
    declaration (``from schemas.rules.ingest import ING007``) stays cheap."""
    if name == "FAMILIES":
        from schemas.rules.families import FAMILIES

        return FAMILIES
    raise AttributeError(f"module 'schemas.rules' has no attribute {name!r}")


__all__ = ["FAMILIES", "Context", "Found", "ValidateConfig", "resolve"]
