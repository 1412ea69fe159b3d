"""Warehouses and HTML helpers shared by the report tests (no tests here).

Two warehouses, built once per test module in a tmp dir:

- ``sample``: the real Medang Deras 2025 report (``raw/2025/medang-deras.xlsx``), errors
  included, validated by ``pipeline.validate`` (or the load tests' stand-in before it exists);
- ``mixed``: the same real report plus 5 generated Batu Bara kecamatan over 2024-2025
  (``sintetis``), so pages show real and made-up rows side by side and 2024 is made-up only.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from pipeline.ingest import discover, ingest
from pipeline.load import load

REPO = Path(__file__).resolve().parents[1]
SAMPLE_XLSX = REPO / "raw" / "2025" / "medang-deras.xlsx"
SNAPSHOTS = Path(__file__).parent / "snapshots"

MIXED_SEED = 11
MIXED_KECAMATAN = 6  # the first 6 of Batu Bara; the generated Medang Deras is dropped
SYNTHETIC_NAMES = ("Sei Suka", "Air Putih", "Lima Puluh", "Talawi", "Tanjung Tiram")


def _validator():  # type: ignore[no-untyped-def]
    try:
        from pipeline.validate import validate
    except ImportError:  # the validator is written in parallel; the loader's stand-in
        from test_load_support import stand_in as validate
    return validate


def build_warehouse(raw: Path, warehouse: Path) -> Path:
    """ingest -> validate -> load, as ``lakip load`` does."""
    batch = ingest(discover(raw))
    load(batch, _validator()(batch), warehouse)
    return warehouse


def sample_raw(dest: Path) -> Path:
    (dest / "2025").mkdir(parents=True)
    shutil.copy(SAMPLE_XLSX, dest / "2025" / SAMPLE_XLSX.name)
    return dest


def mixed_raw(dest: Path) -> Path:
    """The real report plus generated kecamatan (2 years); skips if no generator yet."""
    generate_module = pytest.importorskip("pipeline.generate")
    if not hasattr(generate_module, "generate"):
        pytest.skip("pipeline.generate.generate is not written yet")
    sample_raw(dest)
    generate_module.generate(
        dest / "gen", kecamatan=MIXED_KECAMATAN, seed=MIXED_SEED, inject=3, years=2
    )
    # the generator's kecamatan 0 is Medang Deras: it would supersede the real report
    for path in (dest / "gen").rglob("medang-deras*"):
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    return dest


# ---------------------------------------------------------------- reading the HTML back


def table_html(page: str, table_id: str) -> str:
    """The ``<table>`` of one table id in a page."""
    start = page.index(f'<div id="{table_id}"')
    end = page.index("</table>", start)
    return page[start:end]


def cells(page: str, table_id: str, column: str) -> list[str]:
    """Text of every body cell of ``column`` in table ``table_id``, top to bottom."""
    column_id = re.escape(f"{table_id}-{column}")
    pattern = re.compile(
        r'<td headers="' + column_id + r'"[^>]*>(.*?)</td>',
        re.S,
    )
    return [text(m) for m in pattern.findall(table_html(page, table_id))]


def stub_cells(page: str, table_id: str) -> list[str]:
    """Text of the stub (row label) cells, in document order."""
    pattern = re.compile(
        r'<th[^>]*id="' + re.escape(table_id) + r'-stub-[^"]*"[^>]*>(.*?)</th>', re.S
    )
    return [text(m) for m in pattern.findall(table_html(page, table_id))]


def text(fragment: str) -> str:
    """Visible text of an HTML fragment."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def normalise(page: str) -> str:
    """A page as snapshots store it: the lakip version masked, the site stylesheet (its
    own file, pipeline/templates/report.css) left out, line ends stripped."""
    page = re.sub(r"lakip \d+\.\d+\.\d+\S*", "lakip X.Y.Z", page)
    page = re.sub(
        r"<style>\n/\* lakip reports.*?</style>",
        "<style>/* report.css */</style>",
        page,
        flags=re.S,
    )
    return "\n".join(line.rstrip() for line in page.splitlines()) + "\n"


def links_broken(root: Path) -> list[str]:
    """Every ``href`` of every page under ``root`` that does not reach a file."""
    broken = []
    for page in sorted(root.rglob("*.html")):
        for href in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            target = href.split("#", 1)[0]
            if not target or re.match(r"[a-z]+:", target):
                continue
            if not (page.parent / target).resolve().is_file():
                broken.append(f"{page.relative_to(root)} -> {href}")
    return broken
