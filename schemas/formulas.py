"""The domain formulas of ``docs/domain-rules.md`` as polars expressions.

One definition serves the validator (printed vs recomputed), the warehouse (the
recomputed figure stored beside the printed one) and the reports (the same
formula for every kecamatan). Each function documents its choice where practice
varies.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from schemas.text import t

# Printed figures carry two decimals; a difference of one unit in the last digit is rounding.
PRINTED_DECIMALS = 2
ROUNDING_UNIT = 0.01
_EPS = 1e-9

NEGATIVE_METHODS = ("pengurangan", "rasio")
"""Capaian of a lower-is-better indicator.

``pengurangan`` (default, PermenPAN-RB 6/2022 and most e-SAKIP systems):
``(2*target - realisasi) / target * 100``; ``rasio``: ``target / realisasi * 100``.
"""
DEFAULT_NEGATIVE_METHOD = "pengurangan"


def first_of(cases: Iterable[tuple[pl.Expr, pl.Expr]]) -> pl.Expr:
    """The value of the first case whose condition holds, null when none does.

    A ``when/then`` chain written as a coalesce, so every step is a plain ``pl.Expr``
    (type-checkable); a case's value must not itself be null.
    """
    return pl.coalesce([pl.when(condition).then(value) for condition, value in cases])


def round_half_up(expr: pl.Expr, decimals: int = PRINTED_DECIMALS) -> pl.Expr:
    """Round like a person with a calculator: 0.125 -> 0.13 (binary floats nudged)."""
    factor = 10**decimals
    scaled = expr * factor
    return (scaled.abs() + 0.5 + _EPS).floor() * scaled.sign() / factor


def capaian(
    target: pl.Expr,
    realisasi: pl.Expr,
    polaritas: pl.Expr | None = None,
    method: str = DEFAULT_NEGATIVE_METHOD,
) -> pl.Expr:
    """Achievement in percent; null where target is 0 or missing (no numeric capaian)."""
    positive = realisasi / target * 100
    if method == "rasio":
        negative = target / realisasi * 100
    else:
        negative = (2 * target - realisasi) / target * 100
    pol = polaritas if polaritas is not None else pl.lit("positif")
    value = (
        pl.when(pol.fill_null("positif").str.to_lowercase().str.starts_with("neg"))
        .then(negative)
        .otherwise(positive)
    )
    return (
        pl.when(target.is_null() | realisasi.is_null() | (target == 0)).then(None).otherwise(value)
    )


def serapan(pagu: pl.Expr, realisasi: pl.Expr) -> pl.Expr:
    """Budget absorption in percent, from exact money (Decimal) to a float percentage."""
    return (
        pl.when(pagu.is_null() | realisasi.is_null() | (pagu == 0))
        .then(None)
        .otherwise(realisasi.cast(pl.Float64) / pagu.cast(pl.Float64) * 100)
    )


def compare_printed(printed: pl.Expr, recomputed: pl.Expr) -> pl.Expr:
    """'ok', 'rounding' (one unit in the last printed digit) or 'mismatch'.

    The recomputed figure is rounded half-up to the printed precision first.
    """
    diff = (printed - round_half_up(recomputed)).abs()
    return (
        pl.when(printed.is_null() | recomputed.is_null())
        .then(None)
        .when(diff <= _EPS + 1e-7)
        .then(pl.lit("ok"))
        .when(diff <= ROUNDING_UNIT + 1e-7)
        .then(pl.lit("rounding"))
        .otherwise(pl.lit("mismatch"))
    )


RATING_BANDS = (
    (91.0, "rating.very_high"),
    (76.0, "rating.high"),
    (66.0, "rating.medium"),
    (51.0, "rating.low"),
    (float("-inf"), "rating.very_low"),
)
"""Permendagri 86/2017 bands as half-open intervals [91,inf) [76,91) [66,76) [51,66) (-inf,51):
the printed bands leave gaps for decimals (90.5), and above 100 is the top band. Each band's
label is a :data:`schemas.text.TEXT` key."""


def rating(capaian_pct: pl.Expr, lang: str = "id") -> pl.Expr:
    return first_of((capaian_pct >= lower, pl.lit(t(key, lang))) for lower, key in RATING_BANDS)


AKIP_BANDS = (
    (90.0, "AA"),
    (80.0, "A"),
    (70.0, "BB"),
    (60.0, "B"),
    (50.0, "CC"),
    (30.0, "C"),
)
"""PermenPAN-RB 88/2021: >90-100 AA, >80-90 A, >70-80 BB, >60-70 B, >50-60 CC, >30-50 C, 0-30 D."""

AKIP_BOBOT = {
    "perencanaan kinerja": 30.0,
    "pengukuran kinerja": 30.0,
    "pelaporan kinerja": 15.0,
    "evaluasi akuntabilitas kinerja internal": 25.0,
}


def akip_predikat(nilai: pl.Expr) -> pl.Expr:
    bands = [(nilai > lower, pl.lit(label)) for lower, label in AKIP_BANDS]
    return first_of([*bands, (nilai.is_not_null(), pl.lit("D"))])


IKM_MUTU = ((88.31, "A"), (76.61, "B"), (65.0, "C"), (25.0, "D"))
"""PermenPAN-RB 14/2017: A 88,31-100; B 76,61-88,30; C 65,00-76,60; D 25,00-64,99."""


def ikm_mutu(nilai: pl.Expr) -> pl.Expr:
    rounded = round_half_up(nilai)
    return first_of((rounded >= lower, pl.lit(label)) for lower, label in IKM_MUTU)


def efisiensi(capaian_pct: pl.Expr, serapan_pct: pl.Expr) -> pl.Expr:
    """The consolidated efficiency: ``capaian% - serapan%`` (variant 1 of domain-rules.md).

    Chosen for the reports because it is defined for every row with a capaian and a
    serapan, needs no output volumes, and reads directly: positive = more performance
    than money spent.
    """
    return capaian_pct - serapan_pct


def efisiensi_kategori(selisih: pl.Expr, lang: str = "id") -> pl.Expr:
    """> +5 efisien, -5..+5 cukup efisien, < -5 tidak efisien."""
    labels = [t(f"efisiensi.{k}", lang) for k in ("efficient", "fair", "not")]
    return (
        pl.when(selisih.is_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(selisih > 5)
        .then(pl.lit(labels[0]))
        .when(selisih >= -5)
        .then(pl.lit(labels[1]))
        .otherwise(pl.lit(labels[2]))
    )


# ------------------------------------------------------------------ printed precision

_PRECISION_PROBE = 1e-6


def printed_decimals(printed: pl.Expr, most: int = 4) -> pl.Expr:
    """Fewest decimals (0..``most``) that reproduce a printed figure: 100 -> 0, 1.9 -> 1.

    Ingest keeps numbers, not their text, so ``98,20`` and ``98,2`` both arrive as 98.2
    and read as one decimal. That is the cautious side: a figure is never compared at a
    precision finer than the one it visibly carries.
    """
    cases = []
    for d in range(most):
        scaled = printed * 10**d
        exact = (scaled - scaled.round(0)).abs() < _PRECISION_PROBE * 10**d
        cases.append((exact, pl.lit(d, dtype=pl.Int32)))
    return first_of([*cases, (printed.is_not_null(), pl.lit(most, dtype=pl.Int32))])


def _round_to(expr: pl.Expr, decimals: pl.Expr) -> pl.Expr:
    """Half-up rounding at a per-row number of decimals."""
    factor = pl.lit(10.0).pow(decimals)
    scaled = expr * factor
    return (scaled.abs() + 0.5 + _EPS).floor() * scaled.sign() / factor


def compare_at_precision(
    printed: pl.Expr, recomputed: pl.Expr, typed: pl.Expr | None = None
) -> pl.Expr:
    """Like :func:`compare_printed`, also accepting a figure printed with fewer decimals.

    Consistent ('ok' or 'rounding') when the printed figure is within one unit of the
    second decimal of the recomputed one (:func:`compare_printed`; a figure truncated to
    two decimals is within that unit too), or when it equals the recomputed figure
    rounded half-up at the precision the printed figure carries: ``100`` for 99,9967 and
    ``1.9`` for 1,8868 are consistent; ``100`` for 98,6 and ``0,80`` for 0,875 are not.
    No extra unit is granted below two decimals.

    ``typed`` is the number of decimals the kecamatan typed (ingest's ``<col>_desimal``):
    when known, ``98,20`` is compared at two decimals, not at the one its value shows.
    """
    base = compare_printed(printed, recomputed)
    shown = printed_decimals(printed)
    if typed is not None:
        shown = pl.coalesce(typed.cast(pl.Int32), shown)
    decimals = pl.min_horizontal(shown, pl.lit(PRINTED_DECIMALS))
    coarse = (printed - _round_to(recomputed, decimals)).abs() <= 1e-7
    return (
        pl.when(base.is_null())
        .then(None)
        .when(base != "mismatch")
        .then(base)
        .when(coarse)
        .then(pl.lit("rounding"))
        .otherwise(pl.lit("mismatch"))
    )


# ------------------------------------------------------------------ AKIP components

AKIP_BOBOT_LAMA = {
    "perencanaan kinerja": 30.0,
    "pengukuran kinerja": 25.0,
    "pelaporan kinerja": 15.0,
    "evaluasi akuntabilitas kinerja internal": 10.0,
    "pencapaian sasaran/kinerja": 20.0,
}
"""Weights of the evaluation before 2022 (PermenPAN-RB 12/2015), fifth component included."""

AKIP_FORM_BARU = 2022
"""First year of the 4-component evaluation of PermenPAN-RB 88/2021."""

AKIP_KELAS = (
    ("perencanaan", "perencanaan kinerja"),
    ("pengukuran", "pengukuran kinerja"),
    ("pelaporan", "pelaporan kinerja"),
    ("evaluasi", "evaluasi akuntabilitas kinerja internal"),
    ("capaian|pencapaian|sasaran", "pencapaian sasaran/kinerja"),
)
"""Keyword -> canonical component: reports shorten names ('Evaluasi Internal')."""


def akip_komponen_kelas(komponen: pl.Expr) -> pl.Expr:
    """Canonical AKIP component name (a key of the bobot tables) or null if unknown."""
    text = komponen.str.to_lowercase()
    return first_of((text.str.contains(pattern), pl.lit(name)) for pattern, name in AKIP_KELAS)


def akip_bobot(kelas: pl.Expr, tahun: pl.Expr) -> pl.Expr:
    """Standard weight of a component for the evaluation year (88/2021 or 12/2015)."""
    baru = kelas.replace_strict(AKIP_BOBOT, default=None, return_dtype=pl.Float64)
    lama = kelas.replace_strict(AKIP_BOBOT_LAMA, default=None, return_dtype=pl.Float64)
    return pl.when(tahun >= AKIP_FORM_BARU).then(baru).otherwise(lama)


def ikm_nilai(mean_unsur: pl.Expr) -> pl.Expr:
    """IKM from the mean unsur score (1-4): mean x 25 (PermenPAN-RB 14/2017)."""
    return mean_unsur * 25


def typed_decimals(frame: pl.DataFrame, column: str) -> pl.Expr | None:
    """The typed-precision column ingest keeps beside ``column``, when the frame has it."""
    name = f"{column}_desimal"
    return pl.col(name) if name in frame.columns else None
