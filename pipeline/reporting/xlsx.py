"""The report tables as one Excel workbook: numbers stay numbers, formats do the display.

Every sheet has the same layout so a program can read it back (``HEADER_ROW``):
row 1 the table title, row 2 its formula and source, row 3 the synthetic-data banner
(empty for real data), row 4 the header, data from row 5; panes frozen below the header
and right of the first column. Excel shows separators in the reader's locale, so the
number formats are the standard ``#,##0`` / ``#,##0.00`` codes (an Indonesian Excel
shows ``5.463.337.162``).
"""

from __future__ import annotations

import math
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import polars as pl
import xlsxwriter
import xlsxwriter.workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from pipeline.reporting import fmt
from pipeline.reporting.model import Col, Context, Kind, ReportTable
from pipeline.reporting.text import t

HEADER_ROW = 3
"""0-based row of the column headers (fastexcel: ``header_row=3``)."""

NUM_FORMATS = {
    Kind.MONEY: "#,##0.00",
    Kind.PERCENT: '#,##0.00" %"',
    Kind.POINTS: "+#,##0.00;-#,##0.00;0.00",
    Kind.NUMBER: "#,##0.00",
    Kind.MEASURE: "#,##0.00",
    Kind.INTEGER: "#,##0",
}
"""One number format per kind, the same precision as the pages (fmt.MONEY_DECIMALS...)."""
DECIMALS = {
    Kind.MONEY: fmt.MONEY_DECIMALS,
    Kind.PERCENT: fmt.PERCENT_DECIMALS,
    Kind.POINTS: fmt.PERCENT_DECIMALS,
    Kind.NUMBER: fmt.SCORE_DECIMALS,
    Kind.MEASURE: fmt.SCORE_DECIMALS,
    Kind.INTEGER: 0,
}
"""Values are stored rounded as printed: the cell holds the figure the page shows."""
_MARKS = {"ok": "mark_ok", "rounding": "mark_rounding", "mismatch": "mark_mismatch"}


class _Formats:
    """xlsxwriter formats, created once per distinct look."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.cache: dict[tuple[Any, ...], Format] = {}

    def get(self, **props: Any) -> Format:
        key = tuple(sorted(props.items()))
        if key not in self.cache:
            self.cache[key] = self.book.add_format(props)
        return self.cache[key]


def excel_columns(table: ReportTable, lang: str) -> list[Col]:
    """The columns a sheet has: the table's Excel columns, then the synthetic flag."""
    cols = [c for c in table.columns if c.excel]
    if "_sintetis" in table.frame.columns:
        cols.append(Col("_sintetis", t("col_sintetis", lang), Kind.BOOL))
    return cols


def sheet_names(tables: list[ReportTable]) -> list[str]:
    """Unique sheet names of at most 31 characters, without the characters Excel refuses."""
    names: list[str] = []
    for table in tables:
        base = "".join(ch for ch in table.sheet if ch not in "[]:*?/\\")[:31].strip() or "Tabel"
        name, n = base, 2
        while name.lower() in (x.lower() for x in names):
            suffix = f" {n}"
            name = base[: 31 - len(suffix)] + suffix
            n += 1
        names.append(name)
    return names


IN_MEMORY = hasattr(xlsxwriter.workbook, "ZipInfo")
"""Assemble each workbook's parts in memory (xlsxwriter's ``in_memory``), not in temporary
files: a site's workbook of ~17 sheets spent about 40 ms of wall time (7 ms CPU) creating,
dating and deleting ~27 temporary files. The zip entries are dated and flagged as the
temporary files would have them (:func:`_entries_as_from_files`), so the bytes are the
same; without the hook (another xlsxwriter) the temporary files are used."""

_ON_DISK_DATE = (1980, 1, 31, 0, 0, 0)
"""What xlsxwriter dates a part written through a temporary file (its ``os.utime``)."""
_ON_DISK_MODE = 0o100600 << 16
"""The zip's Unix attributes of a part read from a temporary file (``mkstemp``: 0600)."""
_ZIPINFO_LOCK = threading.Lock()


def _zipinfo_from_file(filename: str, date_time: tuple[int, ...]) -> zipfile.ZipInfo:
    """The entry ``ZipFile.write`` makes of xlsxwriter's temporary file for ``filename``."""
    info = zipfile.ZipInfo(filename, _ON_DISK_DATE)
    info.external_attr = _ON_DISK_MODE
    return info


@contextmanager
def _entries_as_from_files() -> Iterator[None]:
    """While a workbook closes: its in-memory parts get the zip entries (date, attributes)
    of temporary files, so ``in_memory`` writes the bytes the default mode writes.

    xlsxwriter dates an in-memory part 1980-01-01 with no attributes and a part copied from
    a temporary file 1980-01-31 with that file's mode; everything else is the same. The
    name is only used for in-memory parts; the lock keeps two threads from interleaving.
    """
    module: Any = xlsxwriter.workbook
    with _ZIPINFO_LOCK:
        saved = module.ZipInfo
        module.ZipInfo = _zipinfo_from_file
        try:
            yield
        finally:
            module.ZipInfo = saved


def write_workbook(path: Path, tables: list[ReportTable], ctx: Context) -> Path:
    """Write ``tables`` (one sheet each) to ``path``; same input, same bytes."""
    lang = ctx.lang
    path.parent.mkdir(parents=True, exist_ok=True)
    options = {"strings_to_numbers": False, "strings_to_urls": False, "in_memory": IN_MEMORY}
    book = xlsxwriter.Workbook(str(path), options)
    sintetis = any(table.sintetis_rows for table in tables)
    book.set_properties(
        {
            "title": f"{t('site_title', lang)} — {ctx.wilayah} {ctx.tahun}",
            "subject": f"{ctx.wilayah} · {t('year', lang)} {ctx.tahun}",
            "author": f"lakip {ctx.version}",
            "comments": t("banner", lang) if sintetis else "",
            # fixed, so the same warehouse gives the same file
            "created": datetime(ctx.tahun, 12, 31),
        }
    )
    if sintetis:
        book.set_custom_property("sintetis", True)
    formats = _Formats(book)
    for table, name in zip(tables, sheet_names(tables), strict=True):
        _sheet(book.add_worksheet(name), table, ctx, formats)
    if IN_MEMORY:
        with _entries_as_from_files():
            book.close()
    else:
        book.close()
    return path


def _sheet(ws: Worksheet, table: ReportTable, ctx: Context, formats: _Formats) -> None:
    lang = ctx.lang
    cols = excel_columns(table, lang)
    frame = table.frame
    ws.write_string(0, 0, f"{table.title} — {table.subtitle}", formats.get(bold=True, font_size=13))
    note = f"{t('formula', lang)}: {table.formula} {t('source', lang)}: {table.source}"
    ws.write_string(1, 0, note.replace("**", ""), formats.get(italic=True, font_color="#3b4656"))
    if table.sintetis_rows:
        banner = formats.get(bold=True, font_color="#ffffff", bg_color="#7b2cbf")
        ws.write_string(2, 0, t("banner", lang), banner)
        for c in range(1, max(len(cols), 1)):
            ws.write_blank(2, c, None, banner)
    header = formats.get(bold=True, bg_color="#eef2f7", bottom=1, text_wrap=True, valign="top")
    for c, col in enumerate(cols):
        label = col.label if not col.spanner else f"{col.spanner}: {col.label}"
        ws.write_string(HEADER_ROW, c, label or col.name, header)
    _write_rows(ws, frame, cols, lang, formats)
    last = HEADER_ROW + frame.height
    _print_setup(ws, table, ctx, last, len(cols))
    for c, col in enumerate(cols):
        ws.set_column(c, c, _width(col, frame))
    if frame.height and cols:
        ws.autofilter(HEADER_ROW, 0, last, len(cols) - 1)
    ws.freeze_panes(HEADER_ROW + 1, 1)
    for c, col in enumerate(cols):
        bar = any(b.kind is Kind.BAR and b.source == col.name for b in table.columns)
        if bar and frame.height:
            ws.conditional_format(
                HEADER_ROW + 1,
                c,
                last,
                c,
                {
                    "type": "data_bar",
                    "min_type": "num",
                    "min_value": 0,
                    "max_type": "num",
                    "max_value": 100,
                    "bar_color": "#9db9dd",
                    "bar_solid": True,
                },
            )


def _write_rows(
    ws: Worksheet, frame: pl.DataFrame, cols: list[Col], lang: str, formats: _Formats
) -> None:
    """The data rows, below the header.

    Why column by column: a national workbook has millions of cells, so each column's
    values and formats are worked out once per distinct value (labels, marks, findings
    repeat) or with one call per number, and only the writes go cell by cell. The cells
    are still written row by row and the formats created in the order a row-by-row pass
    meets them, so the file is byte for byte what a plain loop writes.
    """
    height = frame.height
    if not height or not cols:
        return
    bold = frame["_total"].fill_null(False).to_list() if "_total" in frame.columns else None
    values: list[list[object]] = []
    looks: list[list[tuple[Any, ...]]] = []
    for col in cols:
        raw = frame[col.name].to_list() if col.name in frame.columns else [None] * height
        out, look = _column(col, raw, lang, bold)
        values.append(out)
        looks.append(look)
    # formats in the order a row-major pass first needs them (xf indices, styles.xml)
    first: dict[tuple[Any, ...], tuple[int, int]] = {}
    for c, look in enumerate(looks):
        for key in dict.fromkeys(look):
            first[key] = min(first.get(key, (height, c)), (look.index(key), c))
    styles = {key: formats.get(**dict(key)) for key in sorted(first, key=first.__getitem__)}
    write = {
        type(None): ws.write_blank,
        bool: ws.write_boolean,
        float: ws.write_number,
        str: ws.write_string,
    }
    columns = [(c, values[c], [styles[key] for key in looks[c]]) for c in range(len(cols))]
    for r in range(height):
        row = HEADER_ROW + 1 + r
        for c, vals, style in columns:
            value = vals[r]
            write[type(value)](row, c, value, style[r])


def _column(
    col: Col, raw: list[object], lang: str, bold: list[bool] | None
) -> tuple[list[object], list[tuple[Any, ...]]]:
    """One column's cell values (None, bool, float or str) and looks (format properties,
    sorted) as :func:`_cell` gives them: numbers rounded one by one, anything else worked
    out once per distinct value."""
    bolds = [bool(b) for b in bold] if bold else [False] * len(raw)
    if col.kind in DECIMALS:
        # a number column's look does not depend on the value, only on the total row
        plain, strong = _cell(col, None, lang, False)[1], _cell(col, None, lang, True)[1]
        looks = [strong if b else plain for b in bolds]
        step = Decimal(1).scaleb(-DECIMALS[col.kind])
        out = [
            _rounded(value, step) if type(value) in _NUMBERS else _cell(col, value, lang, False)[0]
            for value in raw
        ]
        return out, looks
    seen: dict[object, tuple[object, tuple[Any, ...], tuple[Any, ...]]] = {}
    out = []
    looks = []
    for value, is_bold in zip(raw, bolds, strict=True):
        # floats are rounded one by one (-0.0 == 0.0); lists and structs are unhashable
        cache = not isinstance(value, float | list | dict)
        entry = seen.get(value) if cache else None
        if entry is None:
            shown, key_plain = _cell(col, value, lang, False)
            entry = (shown, key_plain, _cell(col, value, lang, True)[1])
            if cache:
                seen[value] = entry
        out.append(entry[0])
        looks.append(entry[2] if is_bold else entry[1])
    return out, looks


_NUMBERS = (float, int, Decimal)


def _rounded(value: Any, step: Decimal) -> float | None:
    """``float(fmt.rounded(value, decimals))`` without its checks, for a column of numbers."""
    if type(value) is float:
        if value != value or value in (math.inf, -math.inf):
            return None
        return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))
    return float(Decimal(value).quantize(step, rounding=ROUND_HALF_UP))


def _cell(col: Col, value: object, lang: str, bold: bool) -> tuple[object, tuple[Any, ...]]:
    """What one cell holds (None for a blank, a bool, a float or a str) and its look."""
    kind = col.kind
    look: dict[str, Any] = {"bold": True} if bold else {}
    if kind in NUM_FORMATS:
        look["num_format"] = NUM_FORMATS[kind]
    if kind is Kind.FINDING:
        number = fmt.finding_number(value)
        if number is not None:  # a figure stays a figure, with the precision it was given
            decimals = max(0, -int(number.as_tuple().exponent))
            look["num_format"] = "#,##0" + ("." + "0" * decimals if decimals else "")
            value = number
    if kind is Kind.LABEL and col.colors and value in col.colors:
        bg, fg = col.colors[str(value)]
        look |= {"bg_color": bg, "font_color": fg, "bold": True}
    if kind is Kind.MARK and value == "mismatch":
        look |= {"bg_color": "#c2271d", "font_color": "#ffffff", "bold": True}
    key = tuple(sorted(look.items()))
    if value is None:
        return None, key
    if kind is Kind.BOOL:
        return bool(value), key
    if kind is Kind.MARK:
        return t(_MARKS.get(str(value), "mark_mismatch"), lang), key
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        shown = fmt.rounded(value, DECIMALS[kind]) if kind in DECIMALS else fmt.to_decimal(value)
        return (None if shown is None else float(shown)), key
    return str(value), key


def _print_setup(ws: Worksheet, table: ReportTable, ctx: Context, last: int, ncols: int) -> None:
    """A4 landscape, one page wide, the header repeated on every page, page numbers."""
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(HEADER_ROW)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    if ncols:
        ws.print_area(0, 0, max(last, HEADER_ROW), ncols - 1)
    title = f"{table.title} — {ctx.wilayah} {ctx.tahun}".replace("&", "&&")
    ws.set_header(f"&L{title}")
    ws.set_footer(f"&R{t('page_of', ctx.lang)}")


def _width(col: Col, frame: Any) -> float:
    if col.kind is Kind.MONEY:
        return 18
    if col.kind in NUM_FORMATS or col.kind is Kind.BOOL:
        return max(10, min(len(col.label) + 2, 16))
    longest = 0
    if col.name in frame.columns:
        longest = max((len(str(v)) for v in frame[col.name].to_list() if v is not None), default=0)
    return max(8, min(max(longest, len(col.label)) + 2, 60))
