"""Every CSV lakip writes goes through here, so a cell cannot run as a formula when opened.

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``).
Following OWASP's CSV-injection guidance, such a *text* cell is prefixed with a single
quote, which the spreadsheet shows as text; the csv writer quotes cells holding the
separator or quotes, so a dangerous character cannot start a new cell mid-field.
Numbers are left alone: a negative amount stays a number (-1500, not '-1500), and so
does text that is only a number (``-1.500,25``): a spreadsheet reads it as a value, not
a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import polars as pl

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""First characters a spreadsheet may read as a formula (full-width forms included)."""
PREFIX = "'"
NUMBER = r"^[-+]?[0-9][0-9.,]*$"
"""Text that is a plain signed number is harmless and stays as it is."""


def neutral_cell(value: Any) -> Any:
    """One cell: text starting with a trigger gets the quote prefix; anything else unchanged."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not re.match(NUMBER, value):
        return PREFIX + value
    return value


def _pattern() -> str:
    escaped = "".join("\\" + c if c in "-+" else c for c in TRIGGERS)
    return f"^[{escaped}]"


def neutral_expr(column: str) -> pl.Expr:
    """The same rule as :func:`neutral_cell`, vectorised for a polars text column."""
    col = pl.col(column)
    return (
        pl.when(col.str.contains(_pattern()) & ~col.str.contains(NUMBER))
        .then(pl.lit(PREFIX) + col)
        .otherwise(col)
        .alias(column)
    )


def neutral_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Every text column of ``frame`` neutralised; numeric and date columns untouched."""
    text = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    return frame.with_columns([neutral_expr(name) for name in text]) if text else frame


def write_frame(frame: pl.DataFrame, path: Path) -> None:
    """``frame`` as CSV at ``path``, neutralised."""
    neutral_frame(frame).write_csv(path)


def rows_text(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    plain: Callable[[Any], Any] = lambda v: v,
) -> str:
    """CSV text of a header and rows (e.g. a ``lakip sql`` result), neutralised cell by cell.

    ``plain`` turns a value into what is written (Decimal -> text); it runs after the
    check, so only values that were text are neutralised.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutral_cell(c) for c in columns])
    writer.writerows([[plain(neutral_cell(v)) for v in row] for row in rows])
    return buffer.getvalue()
