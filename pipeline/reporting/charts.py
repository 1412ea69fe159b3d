"""Static inline-SVG charts: no JavaScript, no network, the same bytes from the same data.

Written by hand (a few hundred bytes per chart, microseconds each) rather than with a
plotting library; docs/reports.md records the measurements behind that choice. Numbers on
axes and labels come from :mod:`.fmt`, so they read in the page's language.
"""

from __future__ import annotations

import html


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
