"""Numbers as a Bappeda analyst reads them: ``Rp 5.463.337.162``, ``97,83 %``.

Formatted in Python rather than with great-tables' ``locale="id"``: its separators are
right, but it rounds the binary float (``98.585`` -> ``98,58``) where the validator and
the warehouse round half-up (``98,59``, :func:`schemas.formulas.round_half_up`), and a
recomputed figure shown one hundredth away from the one the status column calls equal
would confuse the reader. Money stays ``Decimal`` from DuckDB to the page: no float on
the way, so the rupiah shown are the rupiah summed.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from schemas.text import numbers, t

MISSING = "—"
"""Shown for a missing value (no figure, or nothing to compute from)."""

MONEY_DECIMALS = 2
"""Every rupiah figure shows its sen: one style for a whole column, a page and the workbook
(``Rp 10.011.500,00``, never ``Rp 10.011.500`` beside it), and exact to the sen."""
PERCENT_DECIMALS = 2
SCORE_DECIMALS = 2


_SEPARATORS = {"id": (".", ","), "en": (",", ".")}


def to_decimal(value: object) -> Decimal | None:
    """A float through its shortest repr (what was printed), a Decimal as is."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return Decimal(repr(value))
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def number(value: object, decimals: int = 2, lang: str = "id", trim: bool = False) -> str:
    """``1234567.891`` -> ``1.234.567,89`` (id) or ``1,234,567.89`` (en), rounded half-up.

    ``trim`` drops a fraction that is all zeros (``100,00`` -> ``100``, ``2,00`` -> ``2``) and
    keeps the others whole (``89,20``, ``74,10``), as scores and counts are printed in a LKjIP.
    """
    d = to_decimal(value)
    if d is None:
        return MISSING
    quantum = Decimal(1).scaleb(-decimals)
    q = d.quantize(quantum, rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)  # no "-0,00"
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    if trim and not frac.strip("0"):
        frac = ""
    group, point = _SEPARATORS.get(lang, _SEPARATORS["id"])
    grouped = f"{int(whole):,}".replace(",", group)
    return f"{sign}{grouped}{point}{frac}" if frac else f"{sign}{grouped}"


def score(value: object, lang: str = "id") -> str:
    """A score or indicator figure (IKM, AKIP, target, realisasi): ``71,26`` / ``71.26``."""
    return number(value, SCORE_DECIMALS, lang)


def count(value: object, lang: str = "id") -> str:
    """A count: ``1.579`` (id), ``1,579`` (en)."""
    return number(value, 0, lang)


def percent(value: object, decimals: int = PERCENT_DECIMALS, lang: str = "id") -> str:
    """``97.8345`` -> ``97,83 %`` (id, with the space of Indonesian usage) or ``97.83%`` (en)."""
    if to_decimal(value) is None:
        return MISSING
    text = number(value, decimals, lang)
    return t("report.percent_value", lang, value=text)


def signed(value: object, decimals: int = 2, lang: str = "id") -> str:
    """A difference in percentage points, with its sign: ``+9,33``, ``-5,00``, ``0,00``."""
    d = to_decimal(value)
    if d is None:
        return MISSING
    text = number(d, decimals, lang)
    return text if text.startswith("-") or text.strip("0.,") == "" else f"+{text}"


def rupiah(value: object, decimals: int = MONEY_DECIMALS, lang: str = "id") -> str:
    """``Decimal('5463337162.00')`` -> ``Rp 5.463.337.162,00`` (id) / ``Rp 5,463,337,162.00``."""
    d = to_decimal(value)
    if d is None:
        return MISSING
    text = number(d, decimals, lang)
    return f"-Rp {text[1:]}" if text.startswith("-") else f"Rp {text}"


_SHORT_UNITS = {"id": ("M", "jt"), "en": ("B", "M")}
"""Miliar / juta (id), billion / million (en)."""


def rupiah_short(value: object, lang: str = "id") -> str:
    """A chart label: ``Rp 40,78 M`` (miliar) / ``Rp 40.78 B``, ``Rp 346,71 jt`` / ``Rp 346.71 M``.

    Only beside a bar, where the exact figure is in the table below it.
    """
    d = to_decimal(value)
    if d is None:
        return MISSING
    big, small = _SHORT_UNITS.get(lang, _SHORT_UNITS["id"])
    if abs(d) >= Decimal(10) ** 9:
        return f"Rp {number(d / Decimal(10) ** 9, 2, lang)} {big}"
    return f"Rp {number(d / Decimal(10) ** 6, 2, lang)} {small}"


_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_EMBEDDED_NUMBER = re.compile(r"(?<![\w.,])-?\d+\.\d+(?![\w.,])")


def finding_number(text: object) -> Decimal | None:
    """A finding's expected/found text as a number when it is a plain machine number
    (``'5461337162.00'``), else None: the workbook stores those as numbers."""
    if text is None:
        return None
    s = str(text).strip()
    return Decimal(s) if _PLAIN_NUMBER.match(s) else None


def finding_value(text: object, lang: str = "id") -> str:
    """A finding's expected/found text with the reader's separators.

    ``'5461337162.00'`` -> ``5.461.337.162,00``; a number inside text too
    (``'74.10 (BB)'`` -> ``74,10 (BB)``); anything else (``'-'``) as the validator wrote it.
    """
    return numbers(lang).text(None if text is None else str(text).strip(), MISSING)


def rounded(value: object, decimals: int) -> Decimal | None:
    """The value as printed, rounded half-up: what the workbook stores, so a cell's value
    is the figure the page shows (``99.29372197309416`` -> ``99.29``)."""
    d = to_decimal(value)
    return None if d is None else d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
