"""A report table is data plus column specs; the HTML and the xlsx renderers read the same one.

Why one model: the workbook must show *the same tables* as the pages, so each table is
built once (from the warehouse views, raw values: Decimal money, float percentages) and
rendered twice. Helper columns start with ``_``: ``_sintetis`` (the row is made-up data),
``_total`` (a sum row, shown bold), ``_kec`` (the kecamatan label shown in the stub).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

import polars as pl


class Kind(Enum):
    TEXT = "text"
    MONEY = "money"  # Decimal rupiah
    PERCENT = "percent"  # float, percent units (97.83 = 97,83 %)
    POINTS = "points"  # signed difference in percentage points
    NUMBER = "number"  # float, 2 decimals
    MEASURE = "measure"  # an indicator's target/realisasi: printed precision, predikat beside
    INTEGER = "integer"
    LABEL = "label"  # a category with a colour (rating, kategori, status)
    MARK = "mark"  # status_banding: ok / rounding / mismatch
    BAR = "bar"  # html only: single-value nanoplot of ``source``
    PLOT = "plot"  # html only: line nanoplot of a list column
    LINK = "link"  # html only: (text, href) from ``source`` columns
    BOOL = "bool"
    FINDING = "finding"  # a finding's expected/found text: a number where it is one


@dataclass(frozen=True)
class Col:
    """One column: where its values are, how to show them, in which output."""

    name: str
    label: str
    kind: Kind = Kind.TEXT
    spanner: str | None = None
    html: bool = True
    excel: bool = True
    source: str | None = None  # BAR: the value column; MEASURE: the predikat column; LINK: href
    colors: dict[str, tuple[str, str]] | None = None  # LABEL: value -> (background, text)
    width: str | None = None
    tooltip: str | None = None
    align: str | None = None  # left / center / right; default by kind
    rotate: bool = False  # a narrow count column with a vertical label
    blank_zero: bool = False  # show 0 as an empty cell (counts where 0 is the norm)
    html_when_any: bool = False  # on the page only when some row has a value (no column of dashes)
    when_nonzero: bool = False  # in either output only when some row counts more than 0


@dataclass
class ReportTable:
    """A table as both outputs show it: same id, title, rows, formula and source."""

    id: str
    title: str
    subtitle: str
    frame: pl.DataFrame
    columns: list[Col]
    formula: str
    source: str
    sheet: str
    stub: list[str] = field(default_factory=list)  # hierarchical row labels, outermost first
    stub_label: str | None = None
    empty_text: str | None = None

    @property
    def sintetis_rows(self) -> int:
        if "_sintetis" not in self.frame.columns or self.frame.height == 0:
            return 0
        return int(self.frame["_sintetis"].sum() or 0)  # nulls are not counted

    def for_site(self, frame: pl.DataFrame, subtitle: str) -> ReportTable:
        """This table cut to one site's rows (``frame``): the columns that depend on which
        rows there are (``html_when_any``, ``when_nonzero``) are decided on those rows, so a
        site built from the year's table is the table a query of that site alone gives."""
        columns = []
        for col in self.columns:
            peak = frame[col.name].max() if col.when_nonzero else None
            if col.when_nonzero and not (isinstance(peak, int | float) and peak > 0):
                continue
            if col.html_when_any and col.html:
                col = replace(col, html=frame[col.name].null_count() < frame.height)
            columns.append(col)
        return replace(self, frame=frame, subtitle=subtitle, columns=columns)

    def column(self, name: str) -> Col:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


@dataclass
class Page:
    """One HTML file of a year's site."""

    file: str  # relative to reports/<tahun>/, e.g. "capaian.html" or "temuan/x.html"
    key: str  # nav key: index, capaian, efisiensi, anggaran, tren, kualitas, temuan
    title: str
    intro: str  # plain text
    tables: list[ReportTable]
    extra_html: str = ""  # trusted HTML after the intro (legend, links)
    kecamatan: int = 0  # distinct kecamatan shown
    sintetis_kecamatan: int = 0  # of which made-up

    @property
    def sintetis(self) -> bool:
        return self.sintetis_kecamatan > 0


@dataclass(frozen=True)
class Context:
    """What every table of one year's site needs to know."""

    tahun: int
    lang: str
    wilayah: str  # "Kabupaten Batu Bara" or "3 kabupaten/kota"
    multi_kabupaten: bool
    version: str
    nested: bool = False  # one kabupaten's site under reports/<tahun>/<kode>/ (links one level up)
    multi_sites: frozenset[str] = frozenset()
    """While the year's tables are built for every site at once: the sites (``_situs``)
    whose kecamatan name more than one kabupaten, where a kecamatan's label names its
    kabupaten too (``multi_kabupaten`` of that site's own context)."""
