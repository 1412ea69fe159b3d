"""Derived columns: what validate recomputes, declared once per table, computed in one pass.

Before any check runs, :func:`derive` adds to every table (and to every table's declared
totals) the columns its steps compute, in the order declared here: the hierarchy of
3.17, each indicator's polarity, the recomputed ``<column>_hitung`` figures. The rule
families then only read the frames (a check is a function of the frames), so the order
they run in does not change what they find.

A step is ``(frame, ctx) -> frame``: the table with its new columns. Steps read other
tables only as ingest gave them (their raw columns), never another table's derived
columns, so the tables can be derived in any order; totals come after the tables (their
sums read 3.17's program rows). ``stored`` names the derived columns the warehouse's raw
table declares up front (``pipeline.load.HITUNG``, with their SQL types); any other
``*_hitung`` column is added to the warehouse table when first loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from schemas.rules import akip, capaian, efisiensi, hierarchy, ikm, kemajuan, sdm, serapan, totals
from schemas.rules.base import Context

Step = Callable[[pl.DataFrame, Context], pl.DataFrame]


@dataclass(frozen=True)
class Derived:
    """The derived columns of one table: the steps that add them, in order."""

    steps: tuple[Step, ...]
    stored: tuple[tuple[str, str], ...] = ()  # (column, SQL type) declared in raw.sql


TABLES: dict[str, Derived] = {
    "program_kegiatan": Derived(
        (
            hierarchy.derive,
            capaian.derive("program_kegiatan"),
            serapan.derive("program_kegiatan"),
            efisiensi.derive_program,
        ),
        stored=(
            ("persen_kinerja_hitung", "DOUBLE"),
            ("persen_anggaran_hitung", "DOUBLE"),
            ("tingkat_efisiensi_hitung", "DOUBLE"),
            ("parent_row", "BIGINT"),
            ("program_row", "BIGINT"),
        ),
    ),
    "capaian_iku": Derived(
        (capaian.derive("capaian_iku"),), stored=(("capaian_hitung", "DOUBLE"),)
    ),
    "tren_iku": Derived((capaian.derive("tren_iku"),), stored=(("capaian_hitung", "DOUBLE"),)),
    "realisasi_belanja": Derived(
        (serapan.derive("realisasi_belanja"),), stored=(("persen_hitung", "DOUBLE"),)
    ),
    "efisiensi_sasaran": Derived(
        (efisiensi.derive_sasaran,), stored=(("tingkat_efisiensi_hitung", "DOUBLE"),)
    ),
    "kemajuan_renstra": Derived(
        (kemajuan.derive,), stored=(("tingkat_kemajuan_hitung", "DOUBLE"),)
    ),
    "akip_komponen": Derived((akip.derive_komponen,)),
    "ikm_survei": Derived((ikm.derive,)),
    "sdm": Derived((sdm.derive,), stored=(("persen_hitung", "DOUBLE"),)),
    "akip_nilai": Derived(
        (akip.derive_nilai,), stored=(("nilai_hitung", "DOUBLE"), ("predikat_hitung", "VARCHAR"))
    ),
}  # fmt: skip

# The declared JUMLAH/TOTAL rows of these tables get Σ of their rows and the total %.
TOTALS: dict[str, Derived] = {
    name: Derived((totals.derive(name),))
    for name in dict.fromkeys(spec.table for spec in totals.SUMS)
}


def derive(ctx: Context) -> None:
    """Add every derived column to ``ctx.tables`` and ``ctx.totals``, once, before checks."""
    for where, declared in ((ctx.tables, TABLES), (ctx.totals, TOTALS)):
        for name, derived in declared.items():
            frame = where[name]
            for step in derived.steps:
                frame = step(frame, ctx)
            where[name] = frame


def stored_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """table -> the derived columns its warehouse table declares up front (name, SQL type)."""
    return {name: derived.stored for name, derived in TABLES.items() if derived.stored}
