"""ReportTable -> a plain HTML table, and pages -> static HTML files.

No JavaScript and no external resource: the pages open from a USB stick or an e-mail
attachment, and a browser shows them without a console error. No timestamp either,
so the same warehouse gives the same bytes (snapshot tests).

The tables are written directly as HTML strings rather than with great-tables: its
fixed table layout and column widths clipped figures (``Rp 5.209.620.`` for a figure in
the billions), and it was almost all of the report time at scale. Here the browser sizes
every column to its content (``table-layout: auto``), numbers never wrap, text wraps at
spaces, and a table wider than the screen scrolls inside its box.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import cache
from pathlib import Path
from string import Template
from typing import Any

import polars as pl

from pipeline.reporting import fmt
from pipeline.reporting.charts import sparkline
from pipeline.reporting.common import KATEGORI_COLORS, RATING_COLORS
from pipeline.reporting.model import Col, Context, Kind, Page, ReportTable
from pipeline.reporting.text import t
from schemas.text import pick

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

NAV = ("index", "capaian", "efisiensi", "anggaran", "tren", "kualitas", "glosarium")
NAV_FILES = {key: ("index.html" if key == "index" else f"{key}.html") for key in NAV}

_MARKS = {"ok": "mark_ok", "rounding": "mark_rounding", "mismatch": "mark_mismatch"}
_MARK_CLASS = {"ok": "m-ok", "rounding": "m-round", "mismatch": "m-beda"}
_NUMERIC = (Kind.MONEY, Kind.PERCENT, Kind.POINTS, Kind.NUMBER, Kind.INTEGER, Kind.MEASURE)
_CENTRED = (Kind.LABEL, Kind.MARK, Kind.BOOL)


@cache
def _template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _esc(value: object) -> str:
    return fmt.MISSING if value is None else html.escape(str(value))


def _badge(lang: str) -> str:
    return f' <span class="badge-sintetis">{t("badge_sintetis", lang)}</span>'


def _measure(value: object, predikat: object, lang: str) -> str:
    """An indicator figure as printed: ``89,2``, ``74,1 (BB)``, or the predikat alone."""
    if value is None and predikat:
        return _esc(predikat)
    text = fmt.score(value, lang)
    return f"{text} ({_esc(predikat)})" if predikat else text


def _formatter(col: Col, table: ReportTable, lang: str) -> Callable[[Any], str]:
    """The cell formatter of one column kind: escaped HTML out."""
    kind = col.kind
    if kind is Kind.MONEY:
        return lambda v: fmt.rupiah(v, lang=lang)
    if kind is Kind.PERCENT:
        return lambda v: fmt.percent(v, lang=lang)
    if kind is Kind.POINTS:
        return lambda v: fmt.signed(v, lang=lang)
    if kind is Kind.NUMBER:
        return lambda v: fmt.score(v, lang)
    if kind is Kind.INTEGER:
        if col.blank_zero:
            return lambda v: "" if v in (0, None) else fmt.count(v, lang)
        return lambda v: fmt.count(v, lang)
    if kind is Kind.FINDING:
        return lambda v: fmt.finding_value(v, lang)
    if kind is Kind.BOOL:
        return lambda v: fmt.MISSING if v is None else t("yes" if v else "no", lang)
    if kind is Kind.MARK:
        return lambda v: fmt.MISSING if v is None else t(_MARKS.get(v, "mark_mismatch"), lang)
    return lambda v: "" if v is None else _esc(v)


def mark_column(table: ReportTable) -> tuple[str, bool]:
    """Where a synthetic row is marked: the kecamatan label, else the row label, else the
    first column; and whether that cell is in the stub."""
    shown = [c.name for c in table.columns if c.html]
    if "_kec" in table.stub:
        return "_kec", True
    if "_kec" in shown:
        return "_kec", False
    if table.stub:
        return table.stub[-1], True
    return shown[0], False


DENSE_FROM = 12
"""Tables of this many shown columns or more are set a little tighter (``table.lk.padat``),
so the widest (the kecamatan summary) fits a 1366 px screen without scrolling sideways."""


def _table_class(shown: list[Col]) -> str:
    return "lk padat" if len(shown) >= DENSE_FROM else "lk"


def _column_html(col: Col, table: ReportTable, lang: str) -> list[str]:
    """Every body cell of one column as safe HTML (no ``<td>``)."""
    frame = table.frame
    values = frame[col.name].to_list() if col.name in frame.columns else [None] * frame.height
    if col.kind is Kind.MEASURE:
        preds = frame[col.source].to_list() if col.source else [None] * frame.height
        return [
            fmt.MISSING if v is None and not p else _measure(v, p, lang)
            for v, p in zip(values, preds, strict=True)
        ]
    if col.kind is Kind.LINK:
        hrefs = frame[col.source or col.name].to_list()
        return [
            f'<a href="{html.escape(str(h))}">{_esc(v)}</a>' if h else _esc(v)
            for v, h in zip(values, hrefs, strict=True)
        ]
    if col.kind is Kind.BAR:
        return _bars(frame[col.source or col.name].cast(pl.Float64).to_list(), col, lang)
    if col.kind is Kind.PLOT:
        return _plots(table, col, lang)
    f = _formatter(col, table, lang)
    return [f(v) for v in values]


def _plots(table: ReportTable, col: Col, lang: str) -> list[str]:
    """A small line per kecamatan, one scale for all rows so the lines compare."""
    lists = table.frame[col.name].to_list()
    values = [v for row in lists if row for v in row if v is not None]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    return [
        sparkline(list(row), lo, hi, alt) if row and any(v is not None for v in row) else ""
        for row, alt in zip(lists, _plot_alt(table, lang), strict=True)
    ]


def _plot_alt(table: ReportTable, lang: str) -> list[str]:
    """Screen-reader text of a trend plot, in the page's language: '2021: 79,80; ...'."""
    years = [c for c in table.columns if c.name.startswith("th_")]
    texts = []
    for row in table.frame.iter_rows(named=True):
        parts = [f"{c.label}: {fmt.score(row[c.name], lang)}" for c in years]
        texts.append(f"{t('col_tren', lang)} {row.get('_kec', '')}. " + "; ".join(parts))
    return texts


def _bars(values: list[float | None], col: Col, lang: str) -> list[str]:
    """Serapan as a plain CSS bar with a mark at 100 %, all rows on one scale."""
    top = max([100.0, *[v for v in values if v is not None]])
    full = 100.0 / top * 100
    out = []
    for v in values:
        if v is None:
            out.append("")
            continue
        width = max(0.0, v) / top * 100
        over = " over" if v > 100 + 1e-9 else ""
        label = html.escape(f"{col.label}: {fmt.percent(v, lang=lang)}")
        out.append(
            f'<div class="bar{over}" role="img" aria-label="{label}" title="{label}">'
            f'<span style="width:{width:.2f}%"></span><i style="left:{full:.2f}%"></i></div>'
        )
    return out


def _cell_styles(col: Col, table: ReportTable) -> list[str]:
    """An inline style per body cell of a coloured column (rating, kategori, status)."""
    frame = table.frame
    if col.kind is Kind.LABEL and col.colors and col.name in frame.columns:
        styles = []
        for v in frame[col.name].to_list():
            colours = col.colors.get(v) if v is not None else None
            styles.append(f"background:{colours[0]};color:{colours[1]}" if colours else "")
        return styles
    return [""] * frame.height


def _classes(col: Col) -> str:
    if col.align == "left":
        return "txt"
    if col.align == "center" or (col.align is None and col.kind in _CENTRED):
        return "mid"
    if col.align == "right" or col.kind in _NUMERIC:
        return "num"
    if col.kind in (Kind.BAR, Kind.PLOT):
        return "fig"
    return "txt"


def _header(table: ReportTable, shown: list[Col], stub_label: str) -> str:
    tid = table.id
    stub = bool(table.stub)

    def label(col: Col) -> str:
        text = html.escape(col.label)
        if col.tooltip:
            text = f'{text}<span class="judul-aturan">{html.escape(col.tooltip)}</span>'
        return text

    spanned = any(c.spanner for c in shown)
    top: list[str] = []
    bottom: list[str] = []
    rows = 2 if spanned else 1
    if stub:
        top.append(
            f'<th scope="col" rowspan="{rows}" class="stubhead" id="{tid}-stubhead">'
            f"{html.escape(stub_label)}</th>"
        )
    i = 0
    while i < len(shown):
        col = shown[i]
        cls = _classes(col)
        if not spanned or not col.spanner:
            top.append(
                f'<th scope="col" rowspan="{rows}" class="{cls}" id="{tid}-{col.name}">'
                f"{label(col)}</th>"
            )
            i += 1
            continue
        j = i
        while j < len(shown) and shown[j].spanner == col.spanner:
            j += 1
        top.append(
            f'<th scope="colgroup" colspan="{j - i}" class="spanner">'
            f"{html.escape(col.spanner)}</th>"
        )
        for c in shown[i:j]:
            bottom.append(
                f'<th scope="col" class="{_classes(c)}" id="{tid}-{c.name}">{label(c)}</th>'
            )
        i = j
    out = "<tr>" + "".join(top) + "</tr>"
    if bottom:
        out += "<tr>" + "".join(bottom) + "</tr>"
    return out


def render_table(table: ReportTable, lang: str) -> str:
    """The table's HTML fragment; an empty table is a note with the same id."""
    if table.frame.height == 0:
        text = table.empty_text or t("no_rows", lang)
        return (
            f'<div id="{table.id}" class="kosong"><h2>{html.escape(table.title)}</h2>'
            f"<p>{html.escape(text)}</p></div>"
        )
    frame = table.frame
    tid = table.id
    shown = [c for c in table.columns if c.html and c.name not in table.stub]
    body = {c.name: _column_html(c, table, lang) for c in shown}
    styles = {c.name: _cell_styles(c, table) for c in shown}
    classes = {c.name: _classes(c) for c in shown}
    marks = {c.name: frame[c.name].to_list() for c in shown if c.kind is Kind.MARK}
    n = frame.height
    # plain lists: a Series method per table costs more than the loop (thousands of pages)
    totals = [v is True for v in frame["_total"].to_list()] if "_total" in frame else [False] * n
    sintetis = (
        [v is True for v in frame["_sintetis"].to_list()] if "_sintetis" in frame else [False] * n
    )
    mark, _ = mark_column(table)
    stub_values = {
        name: [_esc(v) if v is not None else "" for v in frame[name].to_list()]
        for name in table.stub
    }
    outer = table.stub[0] if len(table.stub) == 2 else None
    inner = table.stub[-1] if table.stub else None
    width = len(shown) + (1 if table.stub else 0)
    links = frame["_profil"].to_list() if "_profil" in frame.columns else None
    if links is not None and "_kec" in body:  # a kecamatan column outside the stub
        body["_kec"] = [
            f'<a href="{html.escape(h)}">{v}</a>' if h else v
            for v, h in zip(body["_kec"], links, strict=True)
        ]
    rows: list[str] = []
    group = None
    g = 0
    for r in range(n):
        if outer is not None:
            value = stub_values[outer][r]
            if value != group:
                group = value
                label = value
                if links and links[r] and outer == "_kec":
                    label = f'<a href="{html.escape(links[r])}">{label}</a>'
                label += _badge(lang) if sintetis[r] and mark == outer else ""
                cls = "grup sintetis" if sintetis[r] and mark == outer else "grup"
                rows.append(
                    f'<tr class="{cls}"><th scope="rowgroup" colspan="{width}" '
                    f'id="{tid}-stub-g{g}">{label}</th></tr>'
                )
                g += 1
        cells: list[str] = []
        if inner is not None:
            label = stub_values[inner][r]
            if links and links[r] and inner == "_kec":
                label = f'<a href="{html.escape(links[r])}">{label}</a>'
            cls = "stub"
            if sintetis[r] and mark == inner:
                label += _badge(lang)
                cls += " sintetis"
            cells.append(f'<th scope="row" class="{cls}" id="{tid}-stub-{r}">{label}</th>')
        for col in shown:
            name = col.name
            value = body[name][r]
            if totals[r] and value == fmt.MISSING and col.kind not in (Kind.BAR, Kind.PLOT):
                value = ""  # a sum row has no printed figure, code or check
            cls = classes[name]
            if name in marks and marks[name][r] in _MARK_CLASS:
                cls += " " + _MARK_CLASS[marks[name][r]]
            if name == mark and sintetis[r]:
                value += _badge(lang)
                cls += " sintetis"
            if col.kind is Kind.LABEL and styles[name][r]:
                cls += " chip"
            style = f' style="{styles[name][r]}"' if styles[name][r] else ""
            cells.append(f'<td headers="{tid}-{name}" class="{cls}"{style}>{value}</td>')
        row_cls = ' class="jumlah"' if totals[r] else ""
        rows.append(f"<tr{row_cls}>{''.join(cells)}</tr>")
    notes = (
        f'<p class="catatan"><strong>{html.escape(t("formula", lang))}:</strong> '
        f"{html.escape(table.formula)}</p>"
        f'<p class="catatan"><strong>{html.escape(t("source", lang))}:</strong> '
        f"{html.escape(table.source)}</p>"
    )
    return (
        f'<div id="{tid}" class="tabel-isi"><h2>{html.escape(table.title)}</h2>'
        f'<p class="sub">{html.escape(table.subtitle)}</p>\n'
        f'<div class="scroll"><table class="{_table_class(shown)}">\n<thead>'
        f"{_header(table, shown, table.stub_label or '')}</thead>\n<tbody>\n"
        + "\n".join(rows)
        + f"\n</tbody></table></div>\n{notes}</div>"
    )


# ---------------------------------------------------------------- pages


RATING_LEGEND = (
    ("Sangat Tinggi", "Very high", "≥ 91"),
    ("Tinggi", "High", "76 – < 91"),
    ("Sedang", "Medium", "66 – < 76"),
    ("Rendah", "Low", "51 – < 66"),
    ("Sangat Rendah", "Very low", "< 51"),
)
"""Permendagri 86/2017 bands as the pages key them (schemas.formulas.RATING_BANDS)."""
KATEGORI_LEGEND = (
    ("Efisien", "Efficient", "> +5"),
    ("Cukup efisien", "Fairly efficient", "−5 … +5"),
    ("Tidak efisien", "Not efficient", "< −5"),
)


GLOSSARY = ("capaian", "serapan", "efisiensi", "ikm", "akip", "predikat", "status")


def glossary(lang: str, **values: object) -> str:
    """The glossary page's list: each term, its meaning and formula in words, its source."""
    items = []
    for key in GLOSSARY:
        term, meaning, basis = t(f"glos_{key}", lang, **values).split("|")
        items.append(
            f'<div class="istilah" id="{key}"><dt>{html.escape(term)}</dt>'
            f"<dd>{html.escape(meaning)}</dd>"
            f'<dd class="dasar"><strong>{html.escape(t("glos_source", lang))}:</strong> '
            f"{html.escape(basis)}</dd></div>"
        )
    return f'<dl class="glosarium">{"".join(items)}</dl>'


def legend(title: str, items: tuple[tuple[str, str, str], ...], lang: str) -> str:
    """A colour key above a table: each label in its cell colour, with its range."""
    colors = RATING_COLORS | KATEGORI_COLORS
    chips = []
    for idn, en, band in items:
        label = pick(lang, idn, en)
        bg, fg = colors[idn]
        chips.append(
            f'<span class="chip" style="background:{bg};color:{fg}">{html.escape(label)}</span>'
            f'<span class="band">{html.escape(band)}</span>'
        )
    return f'<p class="legend"><strong>{html.escape(title)}:</strong> {"".join(chips)}</p>'


def _nav(page: Page, lang: str, prefix: str, nested: bool = False) -> str:
    items = []
    for key in NAV:
        label = html.escape(t(f"page_{key}", lang))
        href = prefix + NAV_FILES[key]
        current = ' aria-current="page"' if key == page.key else ""
        items.append(f'<a href="{href}"{current}>{label}</a>')
    up = prefix + "../"
    if nested:  # a kabupaten's site under reports/<tahun>/<kode>/: the year's index above it
        items.append(
            f'<a class="tahun" href="{up}index.html">{html.escape(t("all_kabupaten", lang))}</a>'
        )
        up += "../"
    # the years of the warehouse: reports/index.html lists them all
    items.append(f'<a class="tahun" href="{up}index.html">{html.escape(t("all_years", lang))}</a>')
    return "\n".join(items)


def _plain_page(lang: str, title: str, heading: str, sub: str, nav: str, body: str) -> str:
    """A page outside a kabupaten's site (every year; a year's kabupaten): same look."""
    site = html.escape(t("site_title", lang))
    sub_html = f'<p class="sub">{html.escape(sub)}</p>' if sub else ""
    nav_html = (
        f'<nav aria-label="{html.escape(t("nav_label", lang))}"><div class="wrap">{nav}</div></nav>'
        if nav
        else ""
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{_template('report.css')}\n</style>\n"
        "</head>\n<body>\n"
        f'<header class="top"><div class="wrap"><p class="kicker">{site}</p>'
        f"<h1>{html.escape(heading)}</h1>{sub_html}</div>{nav_html}</header>\n"
        f"{body}\n</body>\n</html>\n"
    )


def years_page(
    years: list[int], lang: str, version: str, kabupaten: dict[int, int] | None = None
) -> str:
    """``reports/index.html``: every report year, newest first, each linking to its site
    (or, for a year of several kabupaten, to its index of them: ``kabupaten`` counts them)."""
    counts = kabupaten or {}
    links = "".join(
        f'<a href="{y}/index.html"><strong>{html.escape(t("year", lang))} {y}</strong>'
        + "<span>"
        + html.escape(
            t("card_tahun_kabupaten", lang, n=counts[y])
            if counts.get(y, 1) > 1
            else t("card_tahun", lang)
        )
        + "</span></a>"
        for y in sorted(years, reverse=True)
    )
    title = t("site_title", lang)
    body = (
        f'<main class="wrap"><p class="intro">{html.escape(t("intro_tahun", lang))}</p>'
        f'<div class="cards">{links}</div></main>\n'
        f'<footer><div class="wrap">lakip {html.escape(version)}</div></footer>'
    )
    return _plain_page(lang, title, t("all_years", lang), "", "", body)


def kabupaten_page(table: ReportTable, ctx: Context, kecamatan: int, sintetis: int) -> str:
    """``reports/<tahun>/index.html`` of a year with several kabupaten: the summary per
    kabupaten (each linking to its own site), the synthetic-data banner when a row is made
    up, a link to every year."""
    lang = ctx.lang
    heading = t("page_kabupaten", lang)
    nav = (
        f'<a href="index.html" aria-current="page">{html.escape(heading)}</a>\n'
        f'<a class="tahun" href="../index.html">{html.escape(t("all_years", lang))}</a>'
    )
    marker = Page("index.html", "index", heading, "", [], "", kecamatan, sintetis)
    footer = t("footer", lang, wilayah=ctx.wilayah, tahun=ctx.tahun, version=ctx.version)
    n = table.frame.filter(~pl.col("_total"))["folder"].n_unique()
    body = (
        f"{_banner(marker, lang)}\n"
        f'<main class="wrap"><p class="intro">'
        f"{html.escape(t('intro_kabupaten', lang, n=n, tahun=ctx.tahun))}</p>\n"
        f'<section class="tabel">\n{render_table(table, lang)}\n</section></main>\n'
        f'<footer><div class="wrap">{html.escape(footer)}</div></footer>'
    )
    sub = f"{ctx.wilayah} · {t('year', lang)} {ctx.tahun}"
    return _plain_page(lang, f"{heading} — {ctx.tahun}", heading, sub, nav, body)


def _banner(page: Page, lang: str) -> str:
    if not page.sintetis:
        return ""
    if page.kecamatan == 1:
        detail = t("banner_detail_one", lang)
    else:
        detail = t("banner_detail", lang, n=page.sintetis_kecamatan, total=page.kecamatan)
    return (
        '<div class="banner-sintetis" role="alert">'
        f"<strong>{html.escape(t('banner', lang))}</strong>"
        f"<span>{html.escape(detail)}</span></div>"
    )


def template_text() -> str:
    """The page template and stylesheet: a change to either re-renders every page."""
    return _template("page.html") + _template("report.css")


def render_page(page: Page, ctx: Context) -> str:
    """A whole HTML document: header, nav, synthetic-data banner, tables, footer."""
    lang = ctx.lang
    depth = page.file.count("/")
    prefix = "../" * depth
    sections = "\n".join(
        f'<section class="tabel">\n{render_table(table, lang)}\n</section>' for table in page.tables
    )
    title = f"{page.title} — {ctx.wilayah} {ctx.tahun}"
    values = {
        "lang": lang,
        "title": html.escape(title),
        "css": _template("report.css"),
        "site_title": html.escape(t("site_title", lang)),
        "heading": html.escape(page.title),
        "wilayah": html.escape(ctx.wilayah),
        "tahun_label": html.escape(f"{t('year', lang)} {ctx.tahun}"),
        "nav_label": html.escape(t("nav_label", lang)),
        "nav": _nav(page, lang, prefix, ctx.nested),
        "banner": _banner(page, lang),
        "intro": html.escape(page.intro),
        "extra": page.extra_html,
        "sections": sections,
        "footer": html.escape(
            t("footer", lang, wilayah=ctx.wilayah, tahun=ctx.tahun, version=ctx.version)
        ),
    }
    return Template(_template("page.html")).substitute(values)
