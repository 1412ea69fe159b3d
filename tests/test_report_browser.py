"""The report pages in a real browser: headless Chromium renders every table, no console error.

Skipped when ``/usr/bin/chromium`` (Debian package ``chromium``) is missing. Screenshots of
each page of the mixed real + synthetic site go to ``<pytest tmp>/screenshots/`` (or to
``$LAKIP_SCREENSHOTS`` when set) for people to look at; their paths are printed (``-s``).
"""

from __future__ import annotations

import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from test_report_support import build_warehouse, mixed_raw

from pipeline.report import PAGE_TABLES, report

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
)
TIMEOUT = 120

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium is not installed (/usr/bin/chromium, Debian package `chromium`; "
    "`apt-get install -y chromium`)",
)


def chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    """One headless Chromium run with its own throw-away profile."""
    profile.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def console_messages(stderr: str) -> list[str]:
    """What the page logged to the console (``INFO:CONSOLE``) or threw (``Uncaught``)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    warehouse = build_warehouse(mixed_raw(root / "raw"), root / "lakip.duckdb")
    report(warehouse, root / "reports")
    return root / "reports" / "2025"


def _expected(site: Path) -> dict[Path, tuple[str, ...]]:
    pages = {site / name: ids for name, ids in PAGE_TABLES.items()}
    for page in sorted((site / "temuan").glob("*.html")):
        pages[page] = (f"temuan-{page.stem}",)
    return pages


def test_every_page_renders_every_table_without_console_errors(site: Path, tmp_path: Path) -> None:
    pages = _expected(site)

    def dump(item: tuple[int, Path]) -> tuple[Path, subprocess.CompletedProcess[str]]:
        i, page = item
        return page, chromium(["--dump-dom", page.as_uri()], tmp_path / f"profile-{i}")

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(dump, enumerate(pages)))
    for page, run in results:
        assert run.returncode == 0, (page.name, run.stderr[-2000:])
        dom = run.stdout
        assert "</html>" in dom, page.name
        for table_id in pages[page]:
            assert f'id="{table_id}"' in dom, (page.name, table_id)
        # a table without rows is a note with the same id (e.g. no findings)
        rendered = len(re.findall(r'class="(?:lk(?: padat)?|kosong)"', dom))
        assert rendered == len(pages[page]), page.name
        assert console_messages(run.stderr) == [], page.name


def test_screenshots(site: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A PNG of every page, 1400 px wide, for a person to look at."""
    target = Path(os.environ.get("LAKIP_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    target.mkdir(parents=True, exist_ok=True)
    names = list(PAGE_TABLES)

    def shot(item: tuple[int, str]) -> Path:
        i, name = item
        png = target / f"{Path(name).stem}.png"
        run = chromium(
            [f"--screenshot={png}", "--window-size=1400,2000", (site / name).as_uri()],
            tmp_path_factory.mktemp(f"shot-{i}"),
        )
        assert run.returncode == 0, run.stderr[-2000:]
        return png

    with ThreadPoolExecutor(max_workers=4) as pool:
        pngs = list(pool.map(shot, enumerate(names)))
    for png in pngs:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 20_000, png  # a blank page is a few kB
        print(f"screenshot: {png}")
