"""Static inline-SVG charts: no JavaScript, no network, the same bytes from the same data.

Written by hand (a few hundred bytes per chart, microseconds each) rather than with a
plotting library; docs/reports.md records the measurements behind that choice. Numbers on
axes and labels come from :mod:`.fmt`, so they read in the page's language.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable


def sparkline(values: list[float | None], lo: float, hi: float, label: str) -> str:
    """A small static SVG line of one kecamatan's years on the scale ``lo``..``hi``.

    Hand-written rather than great-tables' nanoplot: the nanoplot divides by the value
    range and stops the whole report with a ZeroDivisionError when a kecamatan has one
    year only (a first report, or a workbook without its trend sheets). Years without a
    value are gaps; a single year is a dot.
    """
    width, height, pad = 120.0, 28.0, 4.0
    n = len(values)
    if hi - lo < 1e-9:
        lo, hi = lo - 1.0, hi + 1.0
    step = (width - 2 * pad) / max(n - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        y = height - pad - (v - lo) / (hi - lo) * (height - 2 * pad)
        return pad + i * step, y

    parts: list[str] = []
    run: list[str] = []
    for i, v in enumerate([*values, None]):
        if v is None:
            if len(run) > 1:
                parts.append(f'<polyline points="{" ".join(run)}"/>')
            run = []
            continue
        x, y = xy(i, v)
        run.append(f"{x:.1f},{y:.1f}")
    dots = "".join(
        f'<circle cx="{xy(i, v)[0]:.1f}" cy="{xy(i, v)[1]:.1f}" r="2.2"/>'
        for i, v in enumerate(values)
        if v is not None
    )
    return (
        f'<svg class="spark" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{html.escape(label)}">'
        f"<title>{html.escape(label)}</title>{''.join(parts)}{dots}</svg>"
    )


# Advance widths of DejaVu Sans / Helvetica-like faces at 12 px, generous, so a label
# wrapped to fit never runs past the chart's edge (the layout test measures every SVG text).
_NARROW, _WIDE = frozenset("fijlrtI.,:;'!|()[] "), frozenset("MWmw@%")


def _text_px(text: str) -> float:
    return sum(
        4.6 if ch in _NARROW else 11.5 if ch in _WIDE else 9.0 if ch.isupper() else 7.8
        for ch in text
    )


def _wrap(label: str, room: float) -> list[str]:
    """``label`` in lines of at most ``room`` px, broken between words (a word longer than
    a line is a line of its own): every word of a name is shown."""
    lines: list[str] = []
    for word in label.split():
        if lines and _text_px(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def ranked_bars(
    items: list[tuple[str, float | None]],
    title: str,
    value_text: Callable[[float], str],
    reference: float | None = 100.0,
    reference_text: str = "",
    over_is_bad: bool = False,
) -> str:
    """Horizontal bars, largest first, with a labelled reference line (100 %).

    ``items``: (label, value); a missing value is listed without a bar. Every bar carries
    its value as text, so the chart reads without hovering and prints as it shows. Labels
    sit left of their bars when they all fit a column of up to 250 px (kecamatan names),
    else whole above their bars, wrapped between words (program names): never cut.
    """
    rows = sorted(items, key=lambda item: (item[1] is None, -(item[1] or 0.0), item[0]))
    values = [v for _, v in rows if v is not None]
    top = max([*values, reference or 0.0, 1e-9])
    width, value_w, line_h, bar_h, head = 580.0, 80.0, 14.0, 20.0, 24.0
    # the label column widens to the longest label up to 250 px (kecamatan names); past
    # that, labels go above their bars
    need = max((_text_px(label) + 10 for label, _ in rows), default=0.0)
    beside = need <= 250.0
    label_w = max(180.0, need) if beside else 0.0
    bar_w = width - label_w - value_w
    wrapped = [[label] if beside else _wrap(label, width - 4) for label, _ in rows]
    heights = [bar_h if beside else line_h * len(lines) + bar_h for lines in wrapped]
    height = head + sum(heights) + 6

    def x(v: float) -> float:
        return label_w + max(0.0, v) / top * bar_w

    parts = [
        f'<text x="0" y="14" class="t">{html.escape(title)}</text>',
    ]
    figures: list[str] = []  # drawn last, over the reference line, on a white halo (report.css)
    y = head
    for (_, value), lines, row_h in zip(rows, wrapped, heights, strict=True):
        if beside:
            parts.append(
                f'<text x="{label_w - 6:.0f}" y="{y + 14:.0f}" class="l">'
                f"{html.escape(lines[0])}</text>"
            )
        else:
            parts.extend(
                f'<text x="0" y="{y + 11 + k * line_h:.0f}" class="la">{html.escape(line)}</text>'
                for k, line in enumerate(lines)
            )
        bar_y = y + row_h - bar_h
        y += row_h
        if value is None:
            continue
        over = " over" if over_is_bad and reference is not None and value > reference + 1e-9 else ""
        parts.append(
            f'<rect x="{label_w:.0f}" y="{bar_y + 3:.0f}" width="{x(value) - label_w:.1f}" '
            f'height="{bar_h - 6:.0f}" class="b{over}"/>'
        )
        figures.append(
            f'<text x="{x(value) + 4:.1f}" y="{bar_y + 14:.0f}" class="v">'
            f"{html.escape(value_text(value))}</text>"
        )
    if reference is not None:
        rx = x(reference)
        parts.append(
            f'<line x1="{rx:.1f}" x2="{rx:.1f}" y1="{head - 4:.0f}" y2="{height - 2:.0f}" '
            f'class="r"/><text x="{rx:.1f}" y="{head - 6:.0f}" class="rt">'
            f"{html.escape(reference_text)}</text>"
        )
    parts.extend(figures)
    return (
        f'<svg class="chart" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{html.escape(title)}">'
        f"<title>{html.escape(title)}</title>{''.join(parts)}</svg>"
    )


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    """Round axis steps (1, 2 or 5 × 10^k) covering ``lo``..``hi``: a reader's scale."""
    span = max(hi - lo, 1e-9)
    raw = span / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step + 1e-9) * step
    out = []
    v = first
    while v <= hi + step * 1e-6:
        out.append(round(v, 10))
        v += step
    if out[-1] < hi:
        out.append(round(out[-1] + step, 10))
    return out


def lines(
    series: list[tuple[str, list[float | None]]],
    years: list[int],
    title: str,
    value_text: Callable[[float, int], str],
    reference: float | None = None,
    reference_text: str = "",
) -> str:
    """Multi-year lines with a y axis (ticks in the page's number format) and the years.

    ``series``: (legend label, one value per year, ``None`` a gap). The first series is
    drawn strong, the others lighter; each line ends in its last value as text, so the
    chart prints as it reads. ``value_text(v, decimals)`` writes a number: ticks with as
    few decimals as their step needs, values with two.
    An empty chart (no value at all) is an empty string.
    """
    values = [v for _, vs in series for v in vs if v is not None]
    if not values or not years:
        return ""
    lo, hi = min(values), max(values)
    if reference is not None:
        lo, hi = min(lo, reference), max(hi, reference)
    if hi - lo < 1e-9:
        lo, hi = lo - 1.0, hi + 1.0
    ticks = _ticks(lo, hi)
    lo, hi = ticks[0], ticks[-1]
    tick_decimals = max(0, -math.floor(math.log10(ticks[1] - ticks[0]) + 1e-9))
    left, right, top, bottom = 64.0, 96.0, 28.0, 48.0
    plot_w, plot_h = 360.0, 150.0
    width, height = left + plot_w + right, top + plot_h + bottom
    step = plot_w / max(len(years) - 1, 1)

    def x(i: int) -> float:
        return left + (i * step if len(years) > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h - (v - lo) / (hi - lo) * plot_h

    parts = [f'<text x="0" y="14" class="t">{html.escape(title)}</text>']
    for tick in ticks:
        ty = y(tick)
        parts.append(
            f'<line x1="{left:.0f}" x2="{left + plot_w:.0f}" y1="{ty:.1f}" y2="{ty:.1f}" '
            f'class="g"/><text x="{left - 6:.0f}" y="{ty + 4:.1f}" class="l">'
            f"{html.escape(value_text(tick, tick_decimals))}</text>"
        )
    for i, year in enumerate(years):
        parts.append(f'<text x="{x(i):.1f}" y="{top + plot_h + 18:.0f}" class="x">{year}</text>')
    ends: list[tuple[float, float, str]] = []  # value labels at the right, kept apart
    if reference is not None:
        parts.append(
            f'<line x1="{left:.0f}" x2="{left + plot_w:.0f}" y1="{y(reference):.1f}" '
            f'y2="{y(reference):.1f}" class="r"/>'
        )
        ends.append((y(reference) + 4, left + plot_w + 4, reference_text))
    legend = []
    drawn: list[list[float | None]] = []
    for s, (label, vs) in enumerate(series):
        if vs in drawn:
            continue  # the same line twice (one kecamatan: lowest = highest = mean)
        drawn.append(vs)
        cls = f"s{min(s, 2)}"
        run: list[str] = []
        for i, v in enumerate([*vs, None]):
            if v is None:
                if len(run) > 1:
                    parts.append(f'<polyline class="{cls}" points="{" ".join(run)}"/>')
                run = []
                continue
            run.append(f"{x(i):.1f},{y(v):.1f}")
        parts.extend(
            f'<circle class="{cls}" cx="{x(i):.1f}" cy="{y(v):.1f}" r="2.5"/>'
            for i, v in enumerate(vs)
            if v is not None
        )
        last = max((i for i, v in enumerate(vs) if v is not None), default=None)
        if last is not None:
            end = vs[last]
            if end is not None:
                ends.append((y(end) + 4, x(last) + 6, value_text(end, 2)))
        lx = left + (len(drawn) - 1) * 165.0
        ly = top + plot_h + 40
        legend.append(
            f'<line x1="{lx:.0f}" x2="{lx + 16:.0f}" y1="{ly - 4:.0f}" y2="{ly - 4:.0f}" '
            f'class="{cls}"/><text x="{lx + 20:.0f}" y="{ly:.0f}" class="k">'
            f"{html.escape(label)}</text>"
        )
    floor = -1e9
    for ey, ex, text in sorted(ends):  # end values never print over each other
        ey = max(ey, floor + 13)
        floor = ey
        parts.append(f'<text x="{ex:.1f}" y="{ey:.1f}" class="v">{html.escape(text)}</text>')
    return (
        f'<svg class="chart garis" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{html.escape(title)}">'
        f"<title>{html.escape(title)}</title>{''.join(legend)}{''.join(parts)}</svg>"
    )
