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

from schemas.text import numbers

MISSING = "—"
"""Shown for a missing value (no figure, or nothing to compute from)."""

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


def percent(value: object, decimals: int = 2, lang: str = "id") -> str:
    """``97.8345`` -> ``97,83 %`` (id, with the space of Indonesian usage) or ``97.83%`` (en)."""
    if to_decimal(value) is None:
        return MISSING
    text = number(value, decimals, lang)
    return f"{text} %" if lang == "id" else f"{text}%"


def signed(value: object, decimals: int = 2, lang: str = "id") -> str:
    """A difference in percentage points, with its sign: ``+9,33``, ``-5,00``, ``0,00``."""
    d = to_decimal(value)
    if d is None:
        return MISSING
    text = number(d, decimals, lang)
    return text if text.startswith("-") or text.strip("0.,") == "" else f"+{text}"


def rupiah(value: object, decimals: int = 0, lang: str = "id") -> str:
    """``Decimal('5463337162.00')`` -> ``Rp 5.463.337.162``; sen shown when ``decimals=2``."""
    d = to_decimal(value)
    if d is None:
        return MISSING
    text = number(d, decimals, lang)
    return f"-Rp {text[1:]}" if text.startswith("-") else f"Rp {text}"


def money_decimals(values: list[object]) -> int:
    """0 when every amount is whole rupiah, else 2: one precision per column aligns digits."""
    for v in values:
        d = to_decimal(v)
        if d is not None and d != d.to_integral_value():
            return 2
    return 0


_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def finding_value(text: object, lang: str = "id") -> str:
    """A finding's expected/found text: plain machine numbers get the reader's separators.

    ``'5461337162.00'`` -> ``5.461.337.162,00``; anything else (``'74.10 (BB)'``, ``'-'``)
    is shown as the validator wrote it.
    """
    return numbers(lang).text(None if text is None else str(text).strip(), MISSING)
