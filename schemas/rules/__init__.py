"""Rule implementations, one module per family of ``schemas.catalog`` codes.

Each family is ``check(ctx) -> list[pl.DataFrame]`` over whole tables of every
submission of the run; some also add recomputed ``*_hitung`` columns to ``ctx.tables``
and ``ctx.totals``. ``FAMILIES`` is the order :func:`pipeline.validate.validate` runs
them in (later families read what earlier ones computed).
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
