"""Numbers as a reader writes them: one formatter per language, for every output.

``Rp 5.463.337.162,00``, ``97,83 %``, ``71,26 (BB)`` in Bahasa Indonesia;
``Rp 5,463,337,162.00``, ``97.83%``, ``71.26 (BB)`` in English. The console, the
findings files (CSV/JSON/HTML), the report pages and the workbook all format through
one :class:`Numbers` so they cannot disagree. Pick the formatter with
:func:`schemas.text.numbers` (the language is resolved only there).

Rounding is half-up on the decimal text of the value (``98.585`` -> ``98,59``), the
way the validator and the warehouse round (:func:`schemas.formulas.round_half_up`),
never on the binary float; money stays ``Decimal`` (no float on the way). Two forms:
Python scalars (one value) and polars expressions (a whole column, for hot paths).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import polars as pl

MISSING = "—"
"""Shown for a missing value (no figure, or nothing to compute from)."""

PREDIKAT = ("AA", "A", "BB", "B", "CC", "C", "D")
"""The SAKIP ratings a score may carry in machine text (``'71.26 (BB)'``)."""

_MACHINE = rf"(-?)(\d+)(?:\.(\d+))?( \((?:{'|'.join(PREDIKAT)})\))?"
"""Machine number text: sign, whole digits, fraction digits, an optional predikat."""
_MACHINE_TEXT = re.compile(_MACHINE)
_DECIMAL_IN_TEXT = re.compile(r"(?<![\w.])-?\d+\.\d+(?![\w.])")
_UNGROUPED_DIGITS = 4
"""A whole number of this many digits or fewer is never grouped: it may be a year
(2025), a code or a small count, and ``2.025`` would misread as a decimal."""

EXCEL_FORMATS = {
    "money": "#,##0",
    "money_sen": "#,##0.00",
    "percent": '#,##0.00" %"',
    "points": "+#,##0.00;-#,##0.00;0.00",
    "number": "#,##0.00",
    "count": "#,##0",
    "year": "0",
    "score": "General",
}
"""xlsx number formats by kind. Excel shows them with the reader's own separators,
so one code serves both languages; the cell keeps the number."""


def to_decimal(value: object) -> Decimal | None:
    """A float through its shortest repr (what was printed), a Decimal as is."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return None if value.is_nan() or value.is_infinite() else value
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return Decimal(repr(value))
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return None
    return None if d.is_nan() or d.is_infinite() else d


def money_decimals(values: list[object]) -> int:
    """0 when every amount is whole rupiah, else 2: one precision per column aligns digits."""
    for v in values:
        d = to_decimal(v)
        if d is not None and d != d.to_integral_value():
            return 2
    return 0


@dataclass(frozen=True)
class Numbers:
    """The number style of one language; the two instances are :data:`ID` and :data:`EN`."""

    group: str
    """Thousands separator."""
    point: str
    """Decimal mark."""
    percent_sign: str
    """Written after a percentage (Indonesian usage puts a space before ``%``)."""
    currency: str = "Rp "

    # ------------------------------------------------------------ scalars

    def number(self, value: object, decimals: int = 2, trim: bool = False) -> str:
        """``1234567.891`` -> ``1.234.567,89`` (id) / ``1,234,567.89`` (en), half-up.

        ``trim`` drops a fraction that is all zeros (``100,00`` -> ``100``) and keeps the
        others whole (``89,20``), as scores and counts are printed in a LKjIP.
        """
        d = to_decimal(value)
        if d is None:
            return MISSING
        q = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if q == 0:
            q = abs(q)  # no "-0,00"
        sign = "-" if q < 0 else ""
        whole, _, frac = f"{abs(q):f}".partition(".")
        if trim and not frac.strip("0"):
            frac = ""
        return sign + self._join(self._grouped(whole), frac)

    def count(self, value: object) -> str:
        """A whole count, grouped: ``7285`` -> ``7.285`` (id) / ``7,285`` (en)."""
        return self.number(value, 0)

    def year(self, value: object) -> str:
        """A year (or any code held as a number) is never grouped: ``2025``."""
        d = to_decimal(value)
        return MISSING if d is None else f"{d:f}"

    def percent(self, value: object, decimals: int = 2) -> str:
        """``97.8345`` -> ``97,83 %`` (id) / ``97.83%`` (en)."""
        if to_decimal(value) is None:
            return MISSING
        return self.number(value, decimals) + self.percent_sign

    def signed(self, value: object, decimals: int = 2) -> str:
        """A difference in percentage points with its sign: ``+9,33``, ``-5,00``, ``0,00``."""
        d = to_decimal(value)
        if d is None:
            return MISSING
        text = self.number(d, decimals)
        return text if text.startswith("-") or text.strip("0.,") == "" else f"+{text}"

    def money(self, value: object, decimals: int = 0) -> str:
        """Rupiah: ``Rp 5.463.337.162``; with sen when ``decimals=2``; ``-Rp 343.000``."""
        d = to_decimal(value)
        if d is None:
            return MISSING
        text = self.number(d, decimals)
        return f"-{self.currency}{text[1:]}" if text.startswith("-") else self.currency + text

    def score(self, value: object, predikat: object = None, decimals: int = 2) -> str:
        """A score as printed, with its predikat: ``71,26 (BB)``, ``89,20``, ``100``, ``BB``."""
        if to_decimal(value) is None:
            return MISSING if not predikat else str(predikat)
        text = self.number(value, decimals, trim=True)
        return f"{text} ({predikat})" if predikat else text

    def text(self, value: str | None, missing: str = "") -> str:
        """Machine number text as the validator writes it, in this style; other text as is.

        ``'5461337162.00'`` -> ``5.461.337.162,00``, ``'98.59'`` -> ``98,59``,
        ``'71.26 (BB)'`` -> ``71,26 (BB)``, ``'2025'`` -> ``2025`` (see ``_UNGROUPED_DIGITS``),
        ``'12.19.01'`` or ``'-'`` unchanged. The digits are kept, never rounded.
        """
        if value is None:
            return missing
        m = _MACHINE_TEXT.fullmatch(value)
        if m is None:
            return value
        sign, whole, frac, suffix = m.groups()
        if frac is not None or len(whole) > _UNGROUPED_DIGITS:
            whole = self._grouped(whole)
        return sign + self._join(whole, frac or "") + (suffix or "")

    def in_text(self, value: str | None) -> str:
        """Every decimal inside free text (``'serapan 98.59 dari 100'``) in this style."""
        if value is None:
            return ""
        return _DECIMAL_IN_TEXT.sub(lambda m: self.text(m.group(0)), value)

    def _grouped(self, whole: str) -> str:
        """Digits in threes from the right, as written (no digit dropped or added)."""
        head = len(whole) % 3 or 3
        return self.group.join([whole[:head], *re.findall(r"\d{3}", whole[head:])])

    def _join(self, whole: str, frac: str) -> str:
        return f"{whole}{self.point}{frac}" if frac else whole

    # ------------------------------------------------------------ polars

    def text_expr(self, expr: pl.Expr | str) -> pl.Expr:
        """:meth:`text` over a whole String column, vectorised; null stays null."""
        col = pl.col(expr) if isinstance(expr, str) else expr
        parts = col.str.extract_groups(f"^{_MACHINE}$")
        sign, whole = parts.struct.field("1"), parts.struct.field("2")
        frac, suffix = parts.struct.field("3"), parts.struct.field("4")
        # Group from the right: reverse, a separator after every three digits, reverse back.
        grouped = (
            whole.str.reverse()
            .str.replace_all(r"(\d{3})", "${1}" + _literal(self.group))
            .str.strip_chars_end(self.group)
            .str.reverse()
        )
        whole = (
            pl.when(frac.is_not_null() | (whole.str.len_chars() > _UNGROUPED_DIGITS))
            .then(grouped)
            .otherwise(whole)
        )
        body = pl.when(frac.is_not_null()).then(pl.concat_str(whole, pl.lit(self.point), frac))
        shown = pl.concat_str(sign, body.otherwise(whole), suffix.fill_null(""))
        return pl.when(whole.is_null()).then(col).otherwise(shown)

    def count_expr(self, expr: pl.Expr | str) -> pl.Expr:
        """:meth:`count` over an integer column, vectorised; null stays null."""
        col = pl.col(expr) if isinstance(expr, str) else expr
        digits = col.cast(pl.Int64).abs().cast(pl.String)
        grouped = (
            digits.str.reverse()
            .str.replace_all(r"(\d{3})", "${1}" + _literal(self.group))
            .str.strip_chars_end(self.group)
            .str.reverse()
        )
        return pl.when(col >= 0).then(grouped).otherwise(pl.concat_str(pl.lit("-"), grouped))

    def year_expr(self, expr: pl.Expr | str) -> pl.Expr:
        """:meth:`year` over an integer column: the digits, never grouped."""
        col = pl.col(expr) if isinstance(expr, str) else expr
        return col.cast(pl.Int64).cast(pl.String)


def _literal(text: str) -> str:
    """``text`` safe as a regex replacement (a ``$`` would start a group reference)."""
    return text.replace("$", "$$")


ID = Numbers(group=".", point=",", percent_sign=" %")
EN = Numbers(group=",", point=".", percent_sign="%")
