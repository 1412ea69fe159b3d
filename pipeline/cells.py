"""Vectorised reading of cell text as kecamatan type it.

Every cell arrives as text (fastexcel renders Excel numbers as plain ``97.69``;
clerks type ``5.463.337.162,00``, ``RP 5.091.072.162``, ``97,69 %``, ``74,10 ( BB )``).
Each reader is a polars expression over a whole column of all submissions, so a
national run parses each column once instead of once per cell in Python.

A reader returns a struct with the parsed ``value``, a ``status`` and, for
measures, the ``predikat`` typed beside the number. Status values:

- ``ok``: read;
- ``empty``: blank cell;
- ``dash``: ``-`` / ``–``: explicitly not filled (null, never zero);
- ``ambiguous``: read, but another reading was possible (``1.234`` as a percentage);
- ``unreadable``: not a number of this column's kind.
"""

from __future__ import annotations

import polars as pl

from schemas.contract import Kind

MONEY = pl.Decimal(18, 2)
PREDIKAT = r"(?:AA|A|BB|B|CC|C|D)"

_DASH = r"^[-–—]+$"
# Indonesian thousands: 5.463.337.162 or 5.463.337.162,00
_ID_THOUSANDS = r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$"
# English thousands: 1,500,000 or 1,500,000.50
_EN_THOUSANDS = r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$"
_ID_DECIMAL = r"^-?\d+,\d+$"
_PLAIN = r"^-?\d+(?:\.\d+)?$"  # Excel numbers as fastexcel renders them, or English decimals
_SCI = r"^-?\d+(?:\.\d+)?[eE]-?\d+$"


def _clean(raw: pl.Expr) -> pl.Expr:
    """Trim, drop currency words and percent signs, collapse inner spaces."""
    return (
        raw.str.strip_chars()
        .str.replace_all(r"(?i)^rp\.?\s*", "")
        .str.replace_all(r"\s*%$", "")
        .str.replace_all(r"\s+", "")
    )


def _normalised_number(text: pl.Expr, kind: Kind) -> tuple[pl.Expr, pl.Expr]:
    """Text -> (canonical dot-decimal string or null, ambiguous flag)."""
    id_thousands = text.str.replace_all(r"\.", "").str.replace(",", ".")
    en_thousands = text.str.replace_all(",", "")
    id_decimal = text.str.replace(",", ".")
    three_after_dot = text.str.contains(r"^-?\d{1,3}\.\d{3}$")
    if kind is Kind.MONEY or kind is Kind.INTEGER:
        # Money and counts are whole numbers: a single dot before three digits groups thousands.
        value = (
            pl.when(text.str.contains(_ID_THOUSANDS))
            .then(id_thousands)
            .when(text.str.contains(_EN_THOUSANDS))
            .then(en_thousands)
            .when(text.str.contains(_ID_DECIMAL))
            .then(id_decimal)
            .when(text.str.contains(_PLAIN) | text.str.contains(_SCI))
            .then(text)
            .otherwise(None)
        )
        return value, pl.lit(False)
    # Percentages, scores and indicator values: decimals are normal, thousands are rare.
    value = (
        pl.when(text.str.contains(_ID_DECIMAL))
        .then(id_decimal)
        .when(text.str.contains(_PLAIN) | text.str.contains(_SCI))
        .then(text)
        .when(text.str.contains(r"^-?\d{1,3}(?:\.\d{3})+,\d+$"))
        .then(id_thousands)
        .when(text.str.contains(_EN_THOUSANDS))
        .then(en_thousands)
        .otherwise(None)
    )
    return value, three_after_dot


def read_cells(raw: pl.Expr, kind: Kind) -> pl.Expr:
    """Parse a text column into ``struct{value, status[, predikat]}`` for its kind."""
    stripped = raw.str.strip_chars()
    is_empty = stripped.is_null() | (stripped == "")
    is_dash = stripped.str.contains(_DASH)
    predikat = pl.lit(None, dtype=pl.String)
    body = stripped
    if kind is Kind.MEASURE:
        upper = stripped.str.to_uppercase()
        # '74,10 ( BB )', 'B (70,00)', 'BB (74,10)', or a predikat alone ('CC').
        num_first = upper.str.extract(rf"^([-\d.,]+)\s*%?\s*\(\s*({PREDIKAT})\s*\)$", 1)
        pred_num_first = upper.str.extract(rf"^([-\d.,]+)\s*%?\s*\(\s*({PREDIKAT})\s*\)$", 2)
        pred_first = upper.str.extract(rf"^({PREDIKAT})\s*\(\s*([-\d.,]+)\s*\)$", 1)
        num_pred_first = upper.str.extract(rf"^({PREDIKAT})\s*\(\s*([-\d.,]+)\s*\)$", 2)
        alone = upper.str.extract(rf"^({PREDIKAT})$", 1)
        predikat = pl.coalesce(pred_num_first, pred_first, alone)
        body = (
            pl.when(num_first.is_not_null())
            .then(num_first)
            .when(num_pred_first.is_not_null())
            .then(num_pred_first)
            .when(alone.is_not_null())
            .then(pl.lit(None, dtype=pl.String))
            .otherwise(stripped)
        )
    if kind is Kind.TEXT:
        value = pl.when(is_empty).then(None).otherwise(stripped)
        status = pl.when(is_empty).then(pl.lit("empty")).otherwise(pl.lit("ok"))
        return pl.struct(value.alias("value"), status.alias("status"))

    text = _clean(body)
    if kind is Kind.INTEGER:
        text = text.str.replace(r"\.$", "")  # numbering typed as '1.'
    number, ambiguous = _normalised_number(text, kind)
    if kind is Kind.MONEY:
        # Sen have at most two digits. Excel stores money as binary floats and fastexcel
        # renders 5345196344.24 as '5345196344.239999771': snap such artefacts to the sen,
        # but anything genuinely finer than a sen is not a rupiah amount.
        as_float = number.cast(pl.Float64, strict=False)
        snapped = as_float.round(2)
        number = (
            pl.when(~number.str.contains(r"\.\d{3,}$"))
            .then(number)
            .when((as_float - snapped).abs() < 1e-4)
            .then(snapped.cast(pl.String))
            .otherwise(None)
        )
        value = number.cast(MONEY, strict=False)
    elif kind is Kind.INTEGER:
        as_float = number.cast(pl.Float64, strict=False)
        value = pl.when(as_float == as_float.round(0)).then(as_float).otherwise(None).cast(pl.Int64)
    else:
        value = number.cast(pl.Float64, strict=False)
    predikat_only = predikat.is_not_null() & body.is_null()
    status = (
        pl.when(is_empty)
        .then(pl.lit("empty"))
        .when(is_dash)
        .then(pl.lit("dash"))
        .when(predikat_only)
        .then(pl.lit("ok"))
        .when(value.is_null())
        .then(pl.lit("unreadable"))
        .when(ambiguous)
        .then(pl.lit("ambiguous"))
        .otherwise(pl.lit("ok"))
    )
    value = pl.when(is_empty | is_dash).then(None).otherwise(value)
    fields = [value.alias("value"), status.alias("status")]
    if kind is Kind.MEASURE:
        fields.append(predikat.alias("predikat"))
    return pl.struct(fields)


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
