"""Static inline-SVG charts: no JavaScript, no network, the same bytes from the same data.

Written by hand (a few hundred bytes per chart, microseconds each) rather than with a
plotting library; docs/reports.md records the measurements behind that choice. Numbers on
axes and labels come from :mod:`.fmt`, so they read in the page's language.
"""

from __future__ import annotations

import html
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
    its value as text, so the chart reads without hovering and prints as it shows.
    """
    rows = sorted(items, key=lambda item: (item[1] is None, -(item[1] or 0.0), item[0]))
    values = [v for _, v in rows if v is not None]
    top = max([*values, reference or 0.0, 1e-9])
    label_w, bar_w, value_w, row_h, head = 180.0, 320.0, 80.0, 20.0, 24.0
    width = label_w + bar_w + value_w
    height = head + row_h * len(rows) + 6

    def x(v: float) -> float:
        return label_w + max(0.0, v) / top * bar_w

    parts = [
        f'<text x="0" y="14" class="t">{html.escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(rows):
        y = head + i * row_h
        short = label if len(label) <= 25 else label[:24].rstrip() + "…"
        parts.append(
            f'<text x="{label_w - 6:.0f}" y="{y + 14:.0f}" class="l">{html.escape(short)}</text>'
        )
        if value is None:
            continue
        over = " over" if over_is_bad and reference is not None and value > reference + 1e-9 else ""
        parts.append(
            f'<rect x="{label_w:.0f}" y="{y + 3:.0f}" width="{x(value) - label_w:.1f}" '
            f'height="{row_h - 6:.0f}" class="b{over}"/>'
            f'<text x="{x(value) + 4:.1f}" y="{y + 14:.0f}" class="v">'
            f"{html.escape(value_text(value))}</text>"
        )
    if reference is not None:
        rx = x(reference)
        parts.append(
            f'<line x1="{rx:.1f}" x2="{rx:.1f}" y1="{head - 4:.0f}" y2="{height - 2:.0f}" '
            f'class="r"/><text x="{rx:.1f}" y="{head - 6:.0f}" class="rt">'
            f"{html.escape(reference_text)}</text>"
        )
    return (
        f'<svg class="chart" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{html.escape(title)}">'
        f"<title>{html.escape(title)}</title>{''.join(parts)}</svg>"
    )
