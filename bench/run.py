"""Benchmark: lakip against the fastexcel floor and a per-file pandas baseline, in one run.

Why ratios and not seconds: machines differ, so every figure is compared with a floor and
a baseline measured in the same run on the same files. Each measurement runs in a fresh
child process so its peak memory (RSS) is its own.

    python bench/run.py                      # 1k, 3k and 7,285 files, one year
    python bench/run.py --sizes 200,500      # quicker
    python bench/run.py --years 5            # five report years per kecamatan
    python bench/run.py --repeat 1           # one run each instead of the best of three
    python bench/run.py --no-report          # without timing `lakip report` after each load

After each lakip run, `lakip report` of the warehouse it loaded is timed too (issue 14):
report / (ingest + validate + load) for wall and CPU side by side, and the largest page.

Generated submissions are cached under bench/.cache/ (gitignored): generating 7,285
workbooks once takes a few minutes; later runs reuse them.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

TARGET_FLOOR_RATIO = 1.5
TARGET_BASELINE_RATIO = 30.0
TARGET_RSS_MB = 2048.0
TARGET_FLAT = 0.20
TARGET_REPORT_RATIO = 3.0  # lakip report / (ingest + validate + load), issue 14
TARGET_PAGE_MB = 2.0  # the largest HTML page of the reports, issue 14


# ------------------------------------------------------------------ children


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            out.extend(int(c) for c in task.read_text().split())
        except OSError:
            continue
    return out


class TreeRss:
    """Peak RSS of this process and all its worker processes together, sampled.

    ``ru_maxrss`` only knows one process at a time; a run whose workers each hold a
    chunk needs their sum. Sampled every 20 ms from /proc (Linux); elsewhere it falls
    back to this process's own peak plus cores x the largest worker's.
    """

    def __init__(self) -> None:
        import threading

        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._proc = Path("/proc/self/status").exists()

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = [os.getpid()]
            total = 0
            while pids:
                pid = pids.pop()
                total += _rss_kb(pid)
                pids.extend(_children(pid))
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(0.02)

    def __enter__(self) -> TreeRss:
        if self._proc:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._proc:
            self._thread.join()

    @property
    def mb(self) -> float:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        if self._proc:
            return max(self.peak_kb / 1024.0, own)
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
        return own + (os.cpu_count() or 1) * child


def _read_all(paths: list[Path]) -> int:
    """Every sheet of every workbook into Arrow with fastexcel: the floor's unit of work.

    The fastest way we know: from the file's bytes (about 10% faster than from its
    path) and eager (no lazy sheet object, no conversion to polars).
    """
    import fastexcel

    rows = 0
    for path in paths:
        reader = fastexcel.read_excel(path.read_bytes())
        for name in reader.sheet_names:
            batch = reader.load_sheet(
                name, header_row=None, skip_rows=0, dtypes="string", eager=True
            )
            rows += batch.num_rows
    return rows


def child_floor(paths: list[Path]) -> dict[str, float]:
    """Read every sheet of every workbook with fastexcel, nothing else, on every core.

    Processes, not threads: with threads the GIL-bound part of each sheet read
    serialises, and two threads were measured slower than one at 7,285 files.
    Chunked like lakip's ingest, so both pay the same process start-up.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.ingest import chunk_size

    workers = os.cpu_count() or 1
    size = chunk_size(len(paths), workers)
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    with TreeRss() as rss:
        start = time.perf_counter()
        before = _cpu_all()
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            rows = sum(pool.map(_read_all, chunks))
        seconds = time.perf_counter() - start
        cpu = _cpu_all() - before  # the pool's workers are reaped when it closes
    return {"seconds": seconds, "rows": rows, "rss_mb": rss.mb, "cpu": cpu}


def _cpu(who: int) -> float:
    """User + system CPU seconds of this process, or of its finished and reaped children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _cpu_all() -> float:
    return _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)


def child_lakip(paths: list[Path], warehouse: Path) -> dict[str, float]:
    """lakip's ingest + validate + load of the same files, wall time and CPU time."""
    import multiprocessing

    from pipeline.ingest import ingest
    from pipeline.load import load
    from pipeline.validate import validate

    with TreeRss() as rss:
        start = time.perf_counter()
        own0, kids0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        batch = ingest(paths)
        t_ingest = time.perf_counter()
        own1 = _cpu(resource.RUSAGE_SELF)
        result = validate(batch)
        t_validate = time.perf_counter()
        own2 = _cpu(resource.RUSAGE_SELF)
        load(batch, result, warehouse)
        end = time.perf_counter()
        own3 = _cpu(resource.RUSAGE_SELF)
    # ingest does not wait for its workers to exit; reap them to count their CPU time
    deadline = time.monotonic() + 5
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    kids = _cpu(resource.RUSAGE_CHILDREN) - kids0
    return {
        "seconds": end - start,
        "ingest": t_ingest - start,
        "validate": t_validate - t_ingest,
        "load": end - t_validate,
        "cpu": own3 - own0 + kids,
        "cpu_workers": kids,
        "cpu_ingest_parent": own1 - own0,
        "cpu_validate": own2 - own1,
        "cpu_load": own3 - own2,
        "findings": float(result.findings.height),
        "rss_mb": rss.mb,
    }


def child_report(warehouse: Path, reports: Path) -> dict[str, float | str]:
    """``lakip report`` of a warehouse just loaded: wall and CPU time (with the render
    pool's workers, reaped when the pool closes) and the largest page written."""
    from pipeline.report import report

    with TreeRss() as rss:
        start = time.perf_counter()
        before = _cpu_all()
        written = report(warehouse, reports)
        seconds = time.perf_counter() - start
        cpu = _cpu_all() - before
    pages = [p for p in reports.rglob("*.html") if p.is_file()]
    largest = max(pages, key=lambda p: p.stat().st_size)
    workbooks = [p for p in written if p.suffix == ".xlsx"]
    return {
        "seconds": seconds,
        "cpu": cpu,
        "pages": float(len(pages)),
        "page_bytes": float(sum(p.stat().st_size for p in pages)),
        "largest_page": str(largest.relative_to(reports)),
        "largest_page_mb": largest.stat().st_size / 1e6,
        "workbook_mb": max((p.stat().st_size for p in workbooks), default=0) / 1e6,
        "rss_mb": rss.mb,
    }


def child_baseline(paths: list[Path]) -> dict[str, float]:
    """What a user writes without lakip: pandas + openpyxl per file, pandera per file."""
    from bench.baseline import validate_file

    start = time.perf_counter()
    failures = 0
    for path in paths:
        failures += validate_file(path)
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return {"seconds": seconds, "failures": failures, "rss_mb": own}


# ------------------------------------------------------------------ parent


def _files(cache: Path, count: int, years: int, seed: int) -> list[Path]:
    from pipeline.generate import generate

    folder = cache / f"n{count}-y{years}-s{seed}"
    marker = folder / "done"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        print(f"generating {count} kecamatan x {years} year(s) into {folder} ...", flush=True)
        generate(
            folder, kecamatan=count, seed=seed, inject=0, years=years, workers=os.cpu_count() or 1
        )
        print(f"  generated in {time.perf_counter() - start:.1f} s", flush=True)
        marker.write_text("ok")
    return sorted(folder.rglob("*.xlsx"))


def _run_child(kind: str, paths: list[Path], extra: list[str] | None = None) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(str(p) for p in paths))
        listing = handle.name
    try:
        cmd = [sys.executable, str(Path(__file__)), "--child", kind, "--list", listing]
        out = subprocess.run(
            [*cmd, *(extra or [])], check=True, capture_output=True, text=True, cwd=REPO
        )
    finally:
        os.unlink(listing)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000,7285")
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--baseline-sample", type=int, default=40)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of floor and lakip, alternated; best kept"
    )
    parser.add_argument("--cache", type=Path, default=HERE / ".cache")
    parser.add_argument(
        "--no-report", action="store_true", help="skip timing lakip report after each load"
    )
    parser.add_argument("--child", choices=["floor", "lakip", "baseline", "report"])
    parser.add_argument("--list", type=Path)
    parser.add_argument("--warehouse", type=Path)
    parser.add_argument("--reports", type=Path)
    args = parser.parse_args()
    if not args.child and importlib.util.find_spec("pandas") is None:
        # the baseline is what a user writes without lakip (pandas + openpyxl per file)
        parser.error("pandas is missing for the baseline: run `make bench` (installs .[bench])")

    if args.child:
        paths = [Path(p) for p in args.list.read_text().splitlines() if p]
        result: dict[str, Any]
        if args.child == "floor":
            result = child_floor(paths)
        elif args.child == "lakip":
            result = child_lakip(paths, args.warehouse)
        elif args.child == "report":
            result = child_report(args.warehouse, args.reports)
        else:
            result = child_baseline(paths)
        print(json.dumps(result))
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    kecamatan = max(sizes)
    files = _files(args.cache, kecamatan, args.years, args.seed)
    for path in files:  # warm the page cache: every measurement reads from memory
        path.read_bytes()
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    print(f"files available: {len(files)} ({args.years} year(s) per kecamatan)")
    rows = []
    for size in sizes:
        paths = files[: size * args.years]
        # Alternate floor and lakip and keep each one's fastest run: a shared machine's
        # noise only ever adds time, and alternating exposes both to the same moments.
        floors, lakips, reports = [], [], []
        for _ in range(max(1, args.repeat)):
            floors.append(_run_child("floor", paths))
            with tempfile.TemporaryDirectory() as tmp:
                warehouse = ["--warehouse", str(Path(tmp) / "w.duckdb")]
                lakips.append(_run_child("lakip", paths, warehouse))
                if not args.no_report:  # the report of the warehouse this run loaded
                    folder = ["--reports", str(Path(tmp) / "reports")]
                    reports.append(_run_child("report", [], [*warehouse, *folder]))
        floor = min(floors, key=lambda r: r["seconds"])
        lakip = min(lakips, key=lambda r: r["seconds"])
        lakip["rss_mb"] = max(r["rss_mb"] for r in lakips)
        if reports:
            best = min(reports, key=lambda r: r["seconds"])
            lakip["report"] = best
            lakip["report"]["cpu"] = min(r["cpu"] for r in reports)
        rows.append((len(paths), floor, lakip))
        n = len(paths)
        ratio = lakip["seconds"] / floor["seconds"]
        print(
            f"{n:>6} files  floor {floor['seconds']:7.2f} s  lakip {lakip['seconds']:7.2f} s "
            f"(ingest {lakip['ingest']:.2f}, validate {lakip['validate']:.2f}, "
            f"load {lakip['load']:.2f})  lakip/floor {ratio:.2f}  "
            f"peak RSS {lakip['rss_mb']:.0f} MB  "
            f"per 1,000 files {lakip['seconds'] / n * 1000:.1f} s",
            flush=True,
        )
        if reports:
            rep = lakip["report"]
            print(
                f"{'':>6}        report {rep['seconds']:7.2f} s wall, {rep['cpu']:.2f} s CPU; "
                f"ingest+validate+load {lakip['seconds']:.2f} s wall, {lakip['cpu']:.2f} s CPU; "
                f"report / (ingest+validate+load): wall {rep['seconds'] / lakip['seconds']:.2f}, "
                f"CPU {rep['cpu'] / lakip['cpu']:.2f}; {rep['pages']:.0f} pages "
                f"({rep['page_bytes'] / 1e6:.0f} MB), largest {rep['largest_page']} "
                f"{rep['largest_page_mb']:.2f} MB; workbook {rep['workbook_mb']:.1f} MB; "
                f"peak RSS {rep['rss_mb']:.0f} MB",
                flush=True,
            )
    n, floor, lakip = rows[-1]
    print(
        f"\nCPU seconds at {n} files: floor {floor['cpu']:.1f}; lakip {lakip['cpu']:.1f} "
        f"(ingest workers {lakip['cpu_workers']:.1f}, ingest parent "
        f"{lakip['cpu_ingest_parent']:.1f}, validate {lakip['cpu_validate']:.1f}, "
        f"load {lakip['cpu_load']:.1f}), ratio {lakip['cpu'] / floor['cpu']:.2f}"
    )
    sample = files[: args.baseline_sample]
    base = _run_child("baseline", sample)
    base_per_file = base["seconds"] / len(sample)
    largest_n, largest_floor, largest = rows[-1]
    baseline_scaled = base_per_file * largest_n
    per_file = [r[2]["seconds"] / r[0] for r in rows]
    flat = max(per_file) / min(per_file) - 1
    floor_per_file = [r[1]["seconds"] / r[0] for r in rows]
    floor_flat = max(floor_per_file) / min(floor_per_file) - 1
    if len(rows) > 1:
        # Context for the spread: the floor has fixed costs too (starting processes), and
        # the marginal cost of 1,000 more files shows whether time grows faster than files.
        print()
        print(f"floor's own time per file spread: {floor_flat:.0%}")
        for (n0, f0, l0), (n1, f1, l1) in itertools.pairwise(rows):
            extra = (n1 - n0) / 1000
            print(
                f"  {n0} -> {n1} files: each further 1,000 files cost lakip "
                f"{(l1['seconds'] - l0['seconds']) / extra:.2f} s, the floor "
                f"{(f1['seconds'] - f0['seconds']) / extra:.2f} s"
            )
            if "report" in l0 and "report" in l1:
                r0, r1 = l0["report"], l1["report"]
                print(
                    f"  {n0} -> {n1} files: each further 1,000 files cost lakip report "
                    f"{(r1['seconds'] - r0['seconds']) / extra:.2f} s wall, "
                    f"{(r1['cpu'] - r0['cpu']) / extra:.2f} s CPU"
                )
    floor_ratio = largest["seconds"] / largest_floor["seconds"]
    baseline_ratio = baseline_scaled / largest["seconds"]
    print()
    print(
        f"baseline (pandas+openpyxl+pandera per file): {base_per_file * 1000:.1f} ms/file "
        f"on {len(sample)} files, scaled to {largest_n}: {baseline_scaled:.1f} s"
    )
    checks = [
        (
            "lakip / floor",
            floor_ratio,
            f"<= {TARGET_FLOOR_RATIO}",
            floor_ratio <= TARGET_FLOOR_RATIO,
        ),
        (
            "baseline / lakip",
            baseline_ratio,
            f">= {TARGET_BASELINE_RATIO}",
            baseline_ratio >= TARGET_BASELINE_RATIO,
        ),
        (
            "peak RSS (MB)",
            largest["rss_mb"],
            f"< {TARGET_RSS_MB:.0f}",
            largest["rss_mb"] < TARGET_RSS_MB,
        ),
        ("time per file spread", flat, f"<= {TARGET_FLAT:.0%}", flat <= TARGET_FLAT),
    ]
    if "report" in largest:
        rep = largest["report"]
        wall = rep["seconds"] / largest["seconds"]
        cpu = rep["cpu"] / largest["cpu"]
        checks += [
            (
                "report / i+v+l, wall",
                wall,
                f"<= {TARGET_REPORT_RATIO}",
                wall <= TARGET_REPORT_RATIO,
            ),
            ("report / i+v+l, CPU", cpu, f"<= {TARGET_REPORT_RATIO}", cpu <= TARGET_REPORT_RATIO),
            (
                "largest page (MB)",
                rep["largest_page_mb"],
                f"<= {TARGET_PAGE_MB}",
                rep["largest_page_mb"] <= TARGET_PAGE_MB,
            ),
        ]
    for name, value, target, ok in checks:
        print(f"{name:<22} {value:10.2f}   target {target:<8} {'OK' if ok else 'MISSED'}")
    return 0 if all(c[3] for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
