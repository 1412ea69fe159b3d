"""FAMILIES: every rule family's check, in the order their findings are concatenated.

Importing this module imports every family, which declares its rules.
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
from schemas.rules.base import Context, Found

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

__all__ = ["FAMILIES", "Family"]
