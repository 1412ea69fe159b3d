"""Nothing clipped: every table cell of every page fits its box, on screen and on paper.

Headless Chromium opens every page of two sites, the real sample and a generated
kabupaten of 12 kecamatan x 3 years (and the index of a year of two kabupaten with the
pages of one of their sites), in frames 1280 and 1920 px wide, and counts the
table cells (and colour chips, badges, headline cards) whose content is wider than their
box (``scrollWidth > clientWidth``): there must be none. Then it prints pages to PDF (A4
landscape, the page's own ``@page``) and ``pdftotext`` must find the largest rupiah figures
of the page whole. One Chromium run measures a whole site (a harness page with one frame
per page and width), so the test stays a few seconds. Skipped without Chromium or pdftotext.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest
from test_report_browser import CHROMIUM, chromium
from test_report_support import build_warehouse, sample_raw

from pipeline.generate import generate
from pipeline.report import report

WIDTHS = (1280, 1920)
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium is not installed")

HARNESS = """<!DOCTYPE html><html><body><pre id="out">pending</pre><script>
const pages = %(pages)s, widths = %(widths)s, results = [];
let todo = pages.length * widths.length;
const SELECTOR = "table.lk th, table.lk td, .chip, .badge-sintetis, .cards a, .kpi";
function rgb(text) {
  const m = text.match(/[0-9.]+/g) || [];
  return {c: m.slice(0, 3).map(Number), a: m.length > 3 ? Number(m[3]) : 1};
}
function lum(c) {
  const [r, g, b] = c.map(v => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function backdrop(el, win) {  // the first opaque background colour behind el
  for (let e = el; e; e = e.parentElement) {
    const bg = rgb(win.getComputedStyle(e).backgroundColor);
    if (bg.a > 0.5) return bg.c;
  }
  return [255, 255, 255];
}
function measure(frame, page, width) {
  const doc = frame.contentDocument, win = frame.contentWindow, bad = [], faint = [];
  doc.querySelectorAll(SELECTOR).forEach(el => {
    if (el.scrollWidth > el.clientWidth)
      bad.push(el.textContent.trim().slice(0, 60) + " " + el.scrollWidth + ">" + el.clientWidth);
    if (!el.textContent.trim() || win.getComputedStyle(el).backgroundImage !== "none") return;
    const a = lum(rgb(win.getComputedStyle(el).color).c) + 0.05, b = lum(backdrop(el, win)) + 0.05;
    const ratio = Math.max(a, b) / Math.min(a, b);
    if (ratio < 4.5) faint.push(el.textContent.trim().slice(0, 40) + " " + ratio.toFixed(2));
  });
  doc.querySelectorAll("svg.chart text").forEach(el => {  // a chart's words inside its box
    const box = el.getBBox(), view = el.ownerSVGElement.viewBox.baseVal;
    if (box.x < -0.5 || box.x + box.width > view.width + 0.5)
      bad.push("svg: " + el.textContent.slice(0, 40) + " " + box.x.toFixed(1) + "+" +
               box.width.toFixed(1) + ">" + view.width);
  });
  const cells = doc.querySelectorAll("table.lk th, table.lk td").length;
  results.push({page, width, cells, bad, faint});
  if (--todo === 0) document.getElementById("out").textContent = JSON.stringify(results);
}
for (const page of pages) for (const width of widths) {
  const f = document.createElement("iframe");
  f.style.width = width + "px"; f.style.height = "900px";
  f.onload = () => measure(f, page, width);
  f.src = page;
  document.body.appendChild(f);
}
</script></body></html>
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("layout")
    sample = build_warehouse(sample_raw(root / "sample"), root / "sample.duckdb")
    generate(root / "gen", kecamatan=12, seed=7, inject=30, years=3, fmt="csv")
    kabupaten = build_warehouse(root / "gen", root / "gen.duckdb")
    report(sample, root / "r-sample")
    report(kabupaten, root / "r-gen")
    return {
        "sample": root / "r-sample" / "2025",
        "kabupaten": root / "r-gen" / "2025",
        "kabupaten-2023": root / "r-gen" / "2023",  # its first year: other findings, other marks
    }


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year of two kabupaten (Batu Bara's 12, Aceh Selatan's first 2): nested sites."""
    root = tmp_path_factory.mktemp("layout-provinsi")
    generate(root / "gen", kecamatan=14, seed=3, inject=6, years=2, fmt="csv")
    report(build_warehouse(root / "gen", root / "gen.duckdb"), root / "reports")
    return root / "reports" / "2025"


def overflowing(site: Path, work: Path, pages: list[Path] | None = None) -> list[dict[str, object]]:
    """Every page of ``site`` (or ``pages``) measured at every width: cells counted,
    overflowing listed."""
    pages = sorted(p.as_uri() for p in (pages or site.rglob("*.html")))
    harness = work / "harness.html"
    harness.write_text(
        HARNESS % {"pages": json.dumps(pages), "widths": json.dumps(list(WIDTHS))},
        encoding="utf-8",
    )
    run = chromium(
        [
            "--allow-file-access-from-files",
            "--virtual-time-budget=120000",
            "--dump-dom",
            harness.as_uri(),
        ],
        work / "profile",
    )
    found = re.search(r'<pre id="out">(.*?)</pre>', run.stdout, re.S)
    assert found and found.group(1) != "pending", run.stderr[-2000:]
    results: list[dict[str, object]] = json.loads(html.unescape(found.group(1)))
    assert len(results) == len(pages) * len(WIDTHS)
    return results


@pytest.mark.parametrize("name", ["sample", "kabupaten", "kabupaten-2023"])
def test_no_table_cell_overflows_or_is_hard_to_read(
    sites: dict[str, Path], name: str, tmp_path: Path
) -> None:
    """Nothing clipped, and every cell's text has WCAG AA contrast (4.5:1) on its background."""
    results = overflowing(sites[name], tmp_path)
    assert sum(int(r["cells"]) for r in results) > 1000  # type: ignore[call-overload]
    bad = {f"{Path(str(r['page'])).name}@{r['width']}": r["bad"] for r in results if r["bad"]}
    assert bad == {}
    faint = {f"{Path(str(r['page'])).name}@{r['width']}": r["faint"] for r in results if r["faint"]}
    assert faint == {}


def test_kabupaten_index_and_a_nested_site_fit(province: Path, tmp_path: Path) -> None:
    """The year's index of kabupaten, and every page of Aceh Selatan's site two levels down."""
    assert (province / "11.01" / "index.html").is_file()
    pages = [province / "index.html", *sorted((province / "11.01").rglob("*.html"))]
    results = overflowing(province, tmp_path, pages)
    index = [r for r in results if str(r["page"]).endswith("/2025/index.html")]
    assert len(index) == len(WIDTHS)
    assert all(int(r["cells"]) > 50 for r in index)  # type: ignore[call-overload]
    bad = {f"{r['page']}@{r['width']}": r["bad"] for r in results if r["bad"]}
    assert bad == {}


def _money(text: str) -> Decimal:
    return Decimal(text.removeprefix("Rp ").replace(".", "").replace(",", "."))


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (Debian poppler-utils) is not installed")
def test_printed_pages_show_the_largest_figures_whole(
    sites: dict[str, Path], tmp_path: Path
) -> None:
    jobs = [
        (name, page) for name in ("sample", "kabupaten") for page in ("index.html", "anggaran.html")
    ]

    def printed(item: tuple[int, tuple[str, str]]) -> tuple[str, str, str]:
        i, (name, page) = item
        pdf = tmp_path / f"{name}-{page}.pdf"
        run = chromium(
            ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", (sites[name] / page).as_uri()],
            tmp_path / f"profile-{i}",
        )
        assert pdf.exists(), run.stderr[-2000:]
        text = subprocess.run(
            [str(PDFTOTEXT), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        return name, page, text

    with ThreadPoolExecutor(max_workers=4) as pool:
        for name, page, text in pool.map(printed, enumerate(jobs)):
            source = (sites[name] / page).read_text(encoding="utf-8")
            figures = set(re.findall(r"Rp \d{1,3}(?:\.\d{3})+,\d{2}", source))
            largest = sorted(figures, key=_money)[-5:]
            assert len(largest) >= 2, (name, page)
            for figure in largest:
                assert figure in text, (name, page, figure)
