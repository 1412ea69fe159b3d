"""Rule implementations, one module per family of ``schemas.catalog`` codes.

Each family declares its rules (:class:`schemas.catalog.Rule`) next to its
``check(ctx) -> list[Found]`` over whole tables of every submission of the run. The
recomputed columns (``*_hitung``, the hierarchy of 3.17, polarity) are declared in
:mod:`schemas.rules.derived` and added before any check, so a check only reads the
frames and the order of ``FAMILIES`` does not change what is found (it is the order
of the findings before validate sorts them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from schemas.rules import (
    akip,
    capaian,
    cross,
    efisiensi,
    hierarchy,
    identitas,
    ikm,
    kemajuan,
    schema,
    sdm,
    serapan,
    totals,
    years,
)
from schemas.rules.base import Context, Found, resolve
from schemas.rules.config import ValidateConfig

Family = Callable[[Context], Sequence[Found]]

FAMILIES: tuple[tuple[str, Family], ...] = (
    ("TOT", totals.check),
    ("HIE", hierarchy.check),
    ("CAP", capaian.check),
    ("SER", serapan.check),
    ("EFI", efisiensi.check),
    ("KEM", kemajuan.check),
    ("AKP", akip.check),
    ("IKM", ikm.check),
    ("SDM", sdm.check),
    ("XTB", cross.check),
    ("YR", years.check),
    ("IDN", identitas.check),
    ("SCH", schema.check),
)

__all__ = ["FAMILIES", "Context", "Found", "ValidateConfig", "hierarchy", "resolve"]
