"""ReportTable -> great-tables HTML, and pages -> static HTML files.

No JavaScript and no external resource: the pages open from a USB stick or an e-mail
attachment, and a browser shows them without a console error. No timestamp either,
so the same warehouse gives the same bytes (snapshot tests).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import cache
from pathlib import Path
from string import Template
from typing import Any

import polars as pl
from great_tables import GT, loc, md, style
from great_tables import html as gt_html
from great_tables._styles import CellStyle

from pipeline.reporting import fmt
from pipeline.reporting.charts import sparkline
from pipeline.reporting.common import KATEGORI_COLORS, RATING_COLORS
from pipeline.reporting.model import Col, Context, Kind, Page, ReportTable
from pipeline.reporting.text import t

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

NAV = ("index", "capaian", "efisiensi", "anggaran", "tren", "kualitas")
NAV_FILES = {key: ("index.html" if key == "index" else f"{key}.html") for key in NAV}

_MARKS = {"ok": "mark_ok", "rounding": "mark_rounding", "mismatch": "mark_mismatch"}
_MARK_STYLE: dict[str, list[CellStyle]] = {
    "ok": [style.text(color="#2d6a2d")],
    "rounding": [style.text(color="#7a5c00")],
    "mismatch": [style.text(color="#ffffff", weight="bold"), style.fill(color="#c2271d")],
}
_SINTETIS_CSS = (
    "background: repeating-linear-gradient(135deg, #f3e8ff 0 6px, #ffffff 6px 12px);"
    " border-left: 4px solid #7b2cbf;"
)


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
    text = fmt.number(value, 2, lang, trim=True)
    return f"{text} ({_esc(predikat)})" if predikat else text


def _formatter(col: Col, table: ReportTable, lang: str) -> Callable[[Any], str]:
    """The cell formatter of one column kind (plain text out, or escaped HTML)."""
    kind = col.kind
    if kind is Kind.MONEY:
        decimals = fmt.money_decimals(table.frame[col.name].to_list())
        return lambda v: fmt.rupiah(v, decimals, lang)
    if kind is Kind.PERCENT:
        return lambda v: fmt.percent(v, 2, lang)
    if kind is Kind.POINTS:
        return lambda v: fmt.signed(v, 2, lang)
    if kind is Kind.NUMBER:
        return lambda v: fmt.number(v, 2, lang)
    if kind is Kind.INTEGER:
        if col.blank_zero:
            return lambda v: "" if v in (0, None) else fmt.number(v, 0, lang)
        return lambda v: fmt.number(v, 0, lang)
    if kind is Kind.BOOL:
        return lambda v: fmt.MISSING if v is None else t("yes" if v else "no", lang)
    if kind is Kind.MARK:
        return lambda v: fmt.MISSING if v is None else t(_MARKS.get(v, "mark_mismatch"), lang)
    # TEXT, LABEL, and the pre-rendered MEASURE / LINK cells (already escaped HTML)
    if kind in (Kind.MEASURE, Kind.LINK):
        return lambda v: fmt.MISSING if v is None else str(v)
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


def _blank_none(f: Callable[[Any], str]) -> Callable[[Any], str]:
    return lambda v: "" if v is None else f(v)


def _data(table: ReportTable, lang: str) -> tuple[pl.DataFrame, set[str]]:
    """The frame great-tables sees, and the columns already rendered as safe HTML.

    Row labels are escaped here and the synthetic badge appended to the mark column;
    measures get their predikat, links their anchor.
    """
    frame = table.frame
    out: dict[str, pl.Series] = {}
    done: set[str] = set()
    sintetis = (
        frame["_sintetis"].fill_null(False).to_list()
        if "_sintetis" in frame.columns
        else [False] * frame.height
    )
    mark, _ = mark_column(table)

    def text(name: str) -> pl.Series:
        values = [_esc(v) if v is not None else "" for v in frame[name].to_list()]
        if name == mark:
            values = [
                f'<span class="rowlabel">{v}{_badge(lang)}</span>' if s else v
                for v, s in zip(values, sintetis, strict=True)
            ]
        done.add(name)
        return pl.Series(name, values, dtype=pl.String)

    for name in table.stub:
        out[name] = text(name)
    for col in table.columns:
        if not col.html or col.name in out:
            continue
        if col.name == "_kec" or (col.name == mark and col.kind is Kind.TEXT):
            out[col.name] = text(col.name)
        elif col.kind is Kind.MEASURE:
            preds = frame[col.source].to_list() if col.source else [None] * frame.height
            values = frame[col.name].to_list()
            shown = [_measure(v, p, lang) for v, p in zip(values, preds, strict=True)]
            out[col.name] = pl.Series(col.name, shown, dtype=pl.String)
            done.add(col.name)
        elif col.kind is Kind.LINK:
            hrefs = frame[col.source or col.name].to_list()
            links = [
                f'<a href="{html.escape(str(h))}">{_esc(v)}</a>' if h else _esc(v)
                for v, h in zip(frame[col.name].to_list(), hrefs, strict=True)
            ]
            out[col.name] = pl.Series(col.name, links, dtype=pl.String)
            done.add(col.name)
        elif col.kind is Kind.BAR:
            out[col.name] = frame[col.source or col.name].cast(pl.Float64).alias(col.name)
        elif col.kind is Kind.PLOT:
            out[col.name] = pl.Series(col.name, _plots(table, col, lang), dtype=pl.String)
            done.add(col.name)
        else:
            out[col.name] = frame[col.name]
    return pl.DataFrame(out), done


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
        parts = [f"{c.label}: {fmt.number(row[c.name], 2, lang)}" for c in years]
        texts.append(f"{t('col_tren', lang)} {row.get('_kec', '')}. " + "; ".join(parts))
    return texts


def _md_escape(text: str) -> str:
    """Text into a markdown note without its ``*`` or ``_`` turning into emphasis."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#" else ch for ch in text)


def _rows(frame: pl.DataFrame, expr: pl.Expr) -> list[int]:
    return frame.with_row_index("_i").filter(expr)["_i"].to_list()


def to_gt(table: ReportTable, lang: str) -> GT:
    """One great-tables table with the stable id, labels, formats, colours and notes."""
    frame = table.frame
    data, done = _data(table, lang)
    stub: str | list[str] | None = None
    if len(table.stub) == 1:
        stub = table.stub[0]
    elif table.stub:
        stub = list(table.stub)
    gt = GT(data, id=table.id, rowname_col=stub)
    gt = gt.tab_header(title=table.title, subtitle=table.subtitle)
    if table.stub_label:
        gt = gt.tab_stubhead(label=table.stub_label)
    shown = [c for c in table.columns if c.html]
    labels: dict[str, Any] = {}
    for col in shown:
        if col.tooltip:
            labels[col.name] = gt_html(
                f'<abbr title="{html.escape(col.tooltip)}">{html.escape(col.label)}</abbr>'
            )
        else:
            labels[col.name] = col.label
    gt = gt.cols_label(cases=labels)
    if done:
        gt = gt.fmt(lambda v: "" if v is None else v, columns=sorted(done))
    for col in shown:
        if col.name in done:
            continue
        if col.kind is Kind.BAR:
            gt = _bar(gt, col, data, lang)
        else:
            gt = gt.fmt(_formatter(col, table, lang), columns=col.name)
    spanners: dict[str, list[str]] = {}
    for col in shown:
        if col.spanner:
            spanners.setdefault(col.spanner, []).append(col.name)
    for i, (label, names) in enumerate(spanners.items()):
        gt = gt.tab_spanner(label=label, columns=names, id=f"{table.id}-s{i}")
    numeric = [
        c.name
        for c in shown
        if c.kind
        in (Kind.MONEY, Kind.PERCENT, Kind.POINTS, Kind.NUMBER, Kind.INTEGER, Kind.MEASURE)
    ]
    if numeric:
        gt = gt.cols_align("right", columns=numeric)
    centred = [c.name for c in shown if c.kind in (Kind.LABEL, Kind.MARK, Kind.BOOL)]
    if centred:
        gt = gt.cols_align("center", columns=centred)
    for col in shown:
        if col.align:
            gt = gt.cols_align(col.align, columns=col.name)
    rotated = [c.name for c in shown if c.rotate]
    if rotated:
        gt = gt.cols_label_rotate(columns=rotated, align="left", padding=4)
    if "_total" in frame.columns:
        # a sum row has no printed figure, code or check: empty, not "—"
        totals = _rows(frame, pl.col("_total").fill_null(False))
        for col in shown if totals else []:
            if col.kind not in (Kind.BAR, Kind.PLOT) and col.name not in done:
                gt = gt.fmt(
                    _blank_none(_formatter(col, table, lang)), columns=col.name, rows=totals
                )
    gt = _styles(gt, table, shown)
    widths = {c.name: c.width for c in shown if c.width}
    if "_kec" in table.stub and table.sintetis_rows:
        widths["_kec"] = "210px"  # room for the name and its SINTETIS badge on one line
    if len(table.stub) == 2:
        widths.setdefault(table.stub[1], "280px")  # indicator / program names: fewer lines
    if widths:
        gt = gt.cols_width(cases=widths)
    gt = gt.tab_source_note(md(f"**{t('formula', lang)}:** {_md_escape(table.formula)}"))
    gt = gt.tab_source_note(md(f"**{t('source', lang)}:** {_md_escape(table.source)}"))
    return gt.tab_options(
        table_font_size="13px",
        table_width="100%",
        heading_align="left",
        heading_title_font_size="17px",
        heading_subtitle_font_size="13px",
        column_labels_font_weight="bold",
        column_labels_background_color="#eef2f7",
        stub_background_color="#fafbfc",
        data_row_padding="5px",
        table_border_top_color="#1f3a5f",
        table_border_top_width="3px",
    ).opt_row_striping()


def _styles(gt: GT, table: ReportTable, shown: list[Col]) -> GT:
    frame = table.frame
    for col in shown:
        if col.kind is Kind.LABEL and col.colors:
            values = frame[col.name]
            for value in sorted(set(values.drop_nulls().to_list())):
                colours = col.colors.get(value)
                if colours is None:
                    continue
                rows = _rows(frame, pl.col(col.name) == value)
                gt = gt.tab_style(
                    [style.fill(color=colours[0]), style.text(color=colours[1], weight="bold")],
                    loc.body(columns=col.name, rows=rows),
                )
        elif col.kind is Kind.MARK:
            for value, styles in sorted(_MARK_STYLE.items()):
                rows = _rows(frame, pl.col(col.name) == value)
                if rows:
                    gt = gt.tab_style(styles, loc.body(columns=col.name, rows=rows))
    if "_total" in frame.columns:
        rows = _rows(frame, pl.col("_total").fill_null(False))
        if rows:
            bold = [style.text(weight="bold"), style.borders(sides="top", color="#1f3a5f")]
            gt = gt.tab_style(bold, loc.body(rows=rows))
            if table.stub:
                gt = gt.tab_style(bold, loc.stub(rows=rows, columns=table.stub[-1]))
    if "_sintetis" in frame.columns:
        rows = _rows(frame, pl.col("_sintetis").fill_null(False))
        if rows:
            mark, in_stub = mark_column(table)
            where = (
                loc.stub(rows=rows, columns=mark) if in_stub else loc.body(columns=mark, rows=rows)
            )
            gt = gt.tab_style(style.css(_SINTETIS_CSS), where)
    return gt


def _value_formatter(lang: str) -> Callable[[float], str]:
    return lambda v: fmt.number(v, 2, lang)


def _bar(gt: GT, col: Col, data: pl.DataFrame, lang: str) -> GT:
    """Serapan as a plain CSS bar with a mark at 100 %, all rows on one scale.

    Not ``fmt_nanoplot(plot_type="bar")``: that works, but repeats an SVG and its
    stylesheet (~3 kB) in every cell, 100x the bytes of this bar for the same picture,
    and a consolidation of many kecamatan has thousands of such cells.
    """
    values = [v for v in data[col.name].to_list() if v is not None]
    top = max([100.0, *values])
    full = 100.0 / top * 100

    def bar(v: float | None) -> str:
        if v is None:
            return ""
        width = max(0.0, v) / top * 100
        over = " over" if v > 100 + 1e-9 else ""
        label = html.escape(f"{col.label}: {fmt.percent(v, 2, lang)}")
        return (
            f'<div class="bar{over}" role="img" aria-label="{label}" title="{label}">'
            f'<span style="width:{width:.2f}%"></span><i style="left:{full:.2f}%"></i></div>'
        )

    return gt.fmt(bar, columns=col.name)


def render_table(table: ReportTable, lang: str) -> str:
    """The table's HTML fragment; an empty table is a note with the same id."""
    if table.frame.height == 0:
        text = table.empty_text or t("no_rows", lang)
        return (
            f'<div id="{table.id}" class="kosong"><h2>{html.escape(table.title)}</h2>'
            f"<p>{html.escape(text)}</p></div>"
        )
    return to_gt(table, lang).as_raw_html()


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


def legend(title: str, items: tuple[tuple[str, str, str], ...], lang: str) -> str:
    """A colour key above a table: each label in its cell colour, with its range."""
    colors = RATING_COLORS | KATEGORI_COLORS
    chips = []
    for idn, en, band in items:
        label = en if lang == "en" else idn
        bg, fg = colors[idn]
        chips.append(
            f'<span class="chip" style="background:{bg};color:{fg}">{html.escape(label)}</span>'
            f'<span class="band">{html.escape(band)}</span>'
        )
    return f'<p class="legend"><strong>{html.escape(title)}:</strong> {"".join(chips)}</p>'


def _nav(page: Page, lang: str, prefix: str) -> str:
    items = []
    for key in NAV:
        label = html.escape(t(f"page_{key}", lang))
        href = prefix + NAV_FILES[key]
        current = ' aria-current="page"' if key == page.key else ""
        items.append(f'<a href="{href}"{current}>{label}</a>')
    return "\n".join(items)


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


def render_page(page: Page, ctx: Context) -> str:
    """A whole HTML document: header, nav, synthetic-data banner, tables, footer."""
    lang = ctx.lang
    depth = page.file.count("/")
    prefix = "../" * depth
    sections = "\n".join(
        f'<section class="tabel">\n<div class="scroll">\n{render_table(table, lang)}\n</div>\n'
        "</section>"
        for table in page.tables
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
        "nav": _nav(page, lang, prefix),
        "banner": _banner(page, lang),
        "intro": html.escape(page.intro),
        "extra": page.extra_html,
        "sections": sections,
        "footer": html.escape(
            t("footer", lang, wilayah=ctx.wilayah, tahun=ctx.tahun, version=ctx.version)
        ),
    }
    return Template(_template("page.html")).substitute(values)
