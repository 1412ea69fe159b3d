"""The closed word lists of the submission contract, each defined once.

The contract (:mod:`schemas.contract`) declares which column takes which list, the
pandera schemas check it (SCH003), the cell reader (:mod:`pipeline.cells`) recognises a
predikat and the rupiah mark with it, and the warehouse macros
(``pipeline/warehouse/macros.sql``) are tested against it. A word added here reaches
all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl


def _per_distinct(derive: Callable[[pl.Expr], pl.Expr]) -> Callable[[pl.Expr], pl.Expr]:
    """``derive`` computed once per distinct value, then mapped back onto every row.

    A vocabulary column repeats a handful of spellings over every row of a run.
    """

    def apply(expr: pl.Expr) -> pl.Expr:
        distinct = expr.unique(maintain_order=True)
        return expr.replace_strict(distinct, derive(distinct), default=None, return_dtype=pl.String)

    return apply


@dataclass(frozen=True)
class Vocabulary:
    """Allowed values of a column, and how a typed spelling becomes one of them."""

    name: str
    values: tuple[str, ...]
    baku: Callable[[pl.Expr], pl.Expr]
    """Spelling a clerk may vary ('Sub Kegiatan', ' Positif', 'bb') -> the listed form;
    an unknown word comes back as typed (trimmed), so SCH003 can show it."""
    sql_baku: str = ""
    """The macro of ``macros.sql`` doing what ``baku`` does, when the warehouse's staging
    views normalise this column in place (tested against ``baku``)."""

    @property
    def regex(self) -> str:
        """The values as a regex alternation, in list order ('AA|A|BB|...')."""
        return "|".join(self.values)


# ------------------------------------------------------------------ predikat

PREDIKAT_VALUES: tuple[str, ...] = ("AA", "A", "BB", "B", "CC", "C", "D")
"""AKIP predikat (PermenPAN-RB 88/2021), best first. Also typed beside an indicator value
('74,10 ( BB )'). Order matters to :attr:`Vocabulary.regex`: 'AA' before 'A'."""


def predikat_baku(expr: pl.Expr) -> pl.Expr:
    """' bb ' -> 'BB'."""
    return expr.str.to_uppercase().str.replace_all(r"\s+", "")


PREDIKAT = Vocabulary("predikat", PREDIKAT_VALUES, predikat_baku)


# ------------------------------------------------------------------ tingkat

TINGKAT_VALUES: tuple[str, ...] = ("program", "kegiatan", "sub_kegiatan")
"""Levels of 3.17 (Kepmendagri 050-5889/2021), outermost first."""


def _tingkat_words(expr: pl.Expr) -> pl.Expr:
    squeezed = expr.str.to_lowercase().str.replace_all(r"[^a-z]", "")
    return squeezed.replace_strict(
        {value.replace("_", ""): value for value in TINGKAT_VALUES},
        default=expr.str.strip_chars(),
        return_dtype=pl.String,
    )


tingkat_baku = _per_distinct(_tingkat_words)
tingkat_baku.__doc__ = (
    "'Sub Kegiatan', 'sub-kegiatan', 'SUBKEGIATAN' -> 'sub_kegiatan'; unknown stays as typed."
)

TINGKAT = Vocabulary("tingkat", TINGKAT_VALUES, tingkat_baku, sql_baku="tingkat_baku")


# ------------------------------------------------------------------ polaritas

POLARITAS_VALUES: tuple[str, ...] = ("positif", "negatif")
"""Direction of an indicator: higher is better (positif) or lower is better (negatif)."""


def polaritas_baku(expr: pl.Expr) -> pl.Expr:
    """' Positif' -> 'positif'."""
    return expr.str.strip_chars().str.to_lowercase()


POLARITAS = Vocabulary("polaritas", POLARITAS_VALUES, polaritas_baku)


# ------------------------------------------------------------------ jenis belanja

JENIS_BELANJA: dict[str, tuple[str, str]] = {
    "5.1": ("Belanja Operasi", "operasi"),
    "5.2": ("Belanja Modal", "modal"),
    "5.3": ("Belanja Tidak Terduga", "tidakterduga"),
    "5.4": ("Belanja Transfer", "transfer"),
}
"""Spending types of the APBD (Permendagri 90/2019): code -> (name, the word that
recognises a typed name, compared on its letters and digits only)."""


# ------------------------------------------------------------------ money words

RUPIAH = "rp"
"""The currency word a money cell or header may carry ('Rp. 4.239.574.595,69',
'Realisasi (Rp)'); compared lower-case, with an optional dot after it in a cell."""
RUPIAH_PREFIXES: tuple[str, ...] = (f"{RUPIAH}.", RUPIAH)
"""What a money cell may start with, longest first (stripped in this order)."""
