"""The report's renderer: pages and workbooks written by pool workers while the parent goes on.

Why these cases: rendering is asynchronous (the parent queues a site's files and builds the
next site), so what must hold is checked directly: a small year never starts a pool, the
work in flight is bounded, a worker's error reaches the parent, nothing is written after an
error has left the renderer (build_year then removes the staging folder), and a Ctrl-C
during a real ``lakip report`` ends with the plain message, no staging folder and no
process left behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from pipeline import report as report_module
from pipeline.generate import generate
from pipeline.reporting.html import render_page
from pipeline.reporting.model import Col, Context, Kind, Page, ReportTable
from pipeline.reporting.xlsx import write_workbook
from tests import procs
from tests.test_report_support import build_warehouse

CTX = Context(2025, "id", "Kabupaten Uji", False, "test")


def _page(i: int) -> Page:
    frame = pl.DataFrame({"kec": [f"Kecamatan {i}"], "nilai": [i / 3]})
    table = ReportTable(
        "uji",
        "Uji",
        "sub",
        frame,
        [Col("kec", "Kec"), Col("nilai", "N", Kind.NUMBER)],
        "f",
        "s",
        "U",
    )
    return Page(f"p{i}.html", "index", f"Halaman {i}", "intro", [table])


def _pooled(monkeypatch: pytest.MonkeyPatch, parallel_min: int = 1) -> None:
    monkeypatch.setattr(report_module, "PARALLEL_MIN", parallel_min)
    monkeypatch.setattr(report_module.os, "cpu_count", lambda: 2)


def test_a_small_year_renders_here_without_a_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a small year")

    monkeypatch.setattr(report_module, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(report_module.os, "cpu_count", lambda: 2)
    pages = [_page(i) for i in range(report_module.PARALLEL_MIN - 1)]
    with report_module._Renderer() as renderer:
        for page in pages:
            renderer.page(tmp_path / page.file, page, CTX)
            renderer.flush()  # as build_year does after each site: nothing may start yet
        renderer.workbook(tmp_path / "b.xlsx", pages[0].tables, CTX)
        renderer.close()
    for page in pages:
        assert (tmp_path / page.file).read_text(encoding="utf-8") == render_page(page, CTX)
    assert (tmp_path / "b.xlsx").read_bytes() == write_workbook(
        tmp_path / "direct.xlsx", pages[0].tables, CTX
    ).read_bytes()


def test_pool_workers_write_the_same_files_and_in_flight_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pooled(monkeypatch)
    monkeypatch.setattr(report_module, "RENDER_BATCH", 3)
    monkeypatch.setattr(report_module, "TASK_PAGES", 2)
    pages = [_page(i) for i in range(20)]
    out = tmp_path / "pool"
    out.mkdir()
    most = 0
    with report_module._Renderer() as renderer:
        for i in range(0, len(pages), 4):  # a "site" of four pages and its workbook
            for page in pages[i : i + 4]:
                renderer.page(out / page.file, page, CTX)
            renderer.workbook(out / f"b{i}.xlsx", pages[i].tables, CTX)
            renderer.flush()
            assert renderer._pool is not None  # handed to the pool, not rendered here
            most = max(most, renderer._in_flight)
            assert renderer._in_flight <= 2 * report_module.RENDER_BATCH
        renderer.close()
    assert most > 0
    for page in pages:
        assert (out / page.file).read_text(encoding="utf-8") == render_page(page, CTX)
    for i in range(0, len(pages), 4):
        direct = write_workbook(tmp_path / f"d{i}.xlsx", pages[i].tables, CTX)
        assert (out / f"b{i}.xlsx").read_bytes() == direct.read_bytes()


def test_a_worker_error_is_raised_in_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pooled(monkeypatch)
    with pytest.raises(FileNotFoundError), report_module._Renderer() as renderer:
        renderer.page(tmp_path / "p.html", _page(0), CTX)
        renderer.page(tmp_path / "no-such-folder" / "p.html", _page(1), CTX)
        renderer.flush()
        renderer.close()
    assert renderer._pool is None  # shut down on the way out


def test_nothing_is_written_after_an_error_leaves_the_renderer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build_year removes the staging folder as soon as the renderer is left: no task may
    still be writing into it then."""
    _pooled(monkeypatch)
    monkeypatch.setattr(report_module, "TASK_PAGES", 5)
    pages = [_page(i) for i in range(400)]
    with pytest.raises(RuntimeError, match="site 3"), report_module._Renderer() as renderer:
        for i in range(0, len(pages), 100):
            for page in pages[i : i + 100]:
                renderer.page(tmp_path / page.file, page, CTX)
            renderer.flush()
        raise RuntimeError("site 3 failed")
    written = sorted(p.name for p in tmp_path.iterdir())
    time.sleep(1.0)
    assert sorted(p.name for p in tmp_path.iterdir()) == written
    assert len(written) < len(pages)  # the tasks not yet started were dropped


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("render")
    generate(root / "gen", kecamatan=40, seed=21, inject=0, years=1, fmt="csv")
    return build_warehouse(root / "gen" / "sintetis", root / "lakip.duckdb")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize(
    ("children", "then"),
    [
        # as the first worker is spawned: a Ctrl-C then was lost while the parent ignored
        # SIGINT to start its workers deaf, and the report ran to its end (exit 0)
        (2, 0.0),
        (3, 0.1),  # once both workers run (the report may have ended: then it is whole)
    ],
)
def test_ctrl_c_while_workers_start_or_render_leaves_the_previous_year(
    warehouse: Path, tmp_path: Path, children: int, then: float
) -> None:
    reports = tmp_path / "reports"
    lakip = [sys.executable, "-m", "pipeline", "-q", "report"]
    args = ["--warehouse", str(warehouse), "--reports", str(reports)]
    first = subprocess.run([*lakip, *args], capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in reports.rglob("*") if p.is_file()}
    pages = sum(1 for p in before if p.suffix == ".html")
    assert pages >= report_module.PARALLEL_MIN  # the year renders in the pool
    for hashes in reports.rglob(report_module.HASHES):
        hashes.unlink()  # every page is rendered again
    proc = subprocess.Popen(
        [*lakip, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    # the pool's workers (and multiprocessing's resource tracker) are the parent's children
    while len(procs.children(proc.pid)) < children and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(then)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    left = procs.left_after(proc)
    assert left == [], f"processes outlived the report: {left}"
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert not [p.name for p in reports.iterdir() if p.name.startswith(".")]
    after = {p: p.read_bytes() for p in reports.rglob("*") if p.is_file()}
    if proc.returncode == 0 and children > 2:  # ended before the signal: a whole new year
        assert after.keys() == before.keys()
    else:
        assert proc.returncode == 1, err
        assert "Dihentikan" in err
        hashes = [p for p in before if p.name == report_module.HASHES]
        assert hashes
        for path in hashes:
            del before[path]
        assert after == before  # the previous year, untouched
