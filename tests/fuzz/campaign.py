"""`make fuzz`: a seeded mutation campaign over the sample and generated submissions.

Each mutant is the sample (CSV or xlsx) or a generated submission with 1-3 operators of
:mod:`fuzz.operators` applied, written as an xlsx workbook or a CSV folder, then run
through ``lakip validate`` (every mutant), ``lakip load`` and ``lakip run`` (the first
ones) in worker processes with CliRunner. Validate takes ``--batch`` mutants side by side
in one raw/2025/ (as an office sends many submissions at once): its fixed cost is paid once
per batch. A batch that fails in any way is re-run mutant by mutant, so every failure names
one mutant. Load and run take one mutant at a time; after each, the optional
``check(raw_root, warehouse)`` of ``tests/fuzz/ledger.py`` compares the warehouse with raw/.
Each mutant and stage is one run, classified against the contract:

- ok: exit code 0, 1 or 2 and no traceback (an unhandled exception);
- crash: an unhandled exception, another exit code, or more memory than ``--memory-mb``
  (a mutant alone; a batch above it is re-run mutant by mutant);
- hang: more than ``--timeout`` seconds (the worker is killed and replaced);
- lost: the ledger check found rows of raw/ missing or changed in the warehouse.

Mutant ``i`` of seed ``s`` is the same on every machine: rerun one with ``--only i``
(``--only i j --together`` validates several as one batch).
The last line printed is ``fuzz: N runs, X ok, Y crash, Z hang, W lost``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from fuzz.operators import CSV_ONLY, OPERATORS, XLSX_ONLY, ErrorCell, Formula, Mutant  # noqa: E402

SAMPLE_CSV = REPO / "sample" / "medang-deras-2025"
STAGES = ("validate", "load", "run")


@dataclass
class Outcome:
    index: int
    stage: str
    status: str  # ok | crash | hang
    detail: str
    ops: str
    seconds: float
    batch: int = 1  # mutants validated together in the run that gave this outcome
    peak_mb: float = 0.0  # the worker's peak RSS during that run


# ---------------------------------------------------------------- bases and writing


def _read_csv_folder(folder: Path) -> dict[str, list[list[Any]]]:
    sheets = {}
    for file in sorted(folder.glob("*.csv")):
        with file.open(encoding="utf-8-sig", newline="") as handle:
            sheets[file.stem] = [list(row) for row in csv.reader(handle, delimiter=";")]
    return sheets


def bases(cache: Path) -> list[dict[str, list[list[Any]]]]:
    """The sample and three generated submissions (CSV), as sheets of text cells."""
    found = [_read_csv_folder(SAMPLE_CSV)]
    generated = cache / "generated"
    if not generated.exists():
        from pipeline.generate import generate

        generate(generated, kecamatan=3, seed=11, inject=6, fmt="csv")
    for folder in sorted((generated / "sintetis").rglob("*")):
        if folder.is_dir() and any(folder.glob("*.csv")):
            found.append(_read_csv_folder(folder))
    return found


def _xlsx(path: Path, m: Mutant) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(path, {"strings_to_formulas": False, "strings_to_numbers": False})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    used: set[str] = set()
    for name, rows in m.sheets.items():
        title = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "Sheet"
        if title.lower() in used:
            continue
        used.add(title.lower())
        sheet = book.add_worksheet(title)
        for r, row in enumerate(rows[:1_048_000]):
            for c, value in enumerate(row[:16_000]):
                if value is None or value == "":
                    continue
                if isinstance(value, Formula):
                    sheet.write_formula(r, c, value.text)
                elif isinstance(value, ErrorCell):
                    sheet.write_formula(r, c, "=1/0" if "DIV" in value.text else "=NA()", None,
                                        value.text)  # fmt: skip
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                elif hasattr(value, "year"):
                    sheet.write_datetime(r, c, value, date)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value) if abs(value) < 1e308 else sheet.write(
                        r, c, str(value)
                    )
                else:
                    sheet.write_string(r, c, str(value))
        for sheet_name, r1, c1, r2, c2 in m.merges:
            if sheet_name == name and (r1, c1) != (r2, c2):
                with contextlib.suppress(Exception):  # an overlapping merge is refused
                    sheet.merge_range(r1, c1, r2, c2, "JUMLAH")
    book.close()


def _csv_folder(folder: Path, m: Mutant) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in m.sheets.items():
        file = folder / ("".join(ch for ch in name if ch not in "/\\\0") + ".csv")
        lines = [m.sep.join("" if v is None else str(v) for v in row) for row in rows]
        text = m.newline.join(lines) + m.newline
        data = text.encode(m.encoding, errors="replace")
        if m.bom and m.encoding == "utf-8":
            data = b"\xef\xbb\xbf" + data
        file.write_bytes(data)


def _damage(path: Path, kind: str, rng: random.Random) -> None:
    target = path
    if path.is_dir():
        files = sorted(path.glob("*.csv"))
        if not files:
            return
        target = rng.choice(files)
    if not target.is_file():
        return
    size = target.stat().st_size
    if kind == "zero_bytes":
        target.write_bytes(b"")
    elif kind == "truncate_half":
        os.truncate(target, size // 2)
    elif kind == "truncate_4k":
        os.truncate(target, min(size, 4096))
    elif kind == "random_bytes":
        with target.open("r+b") as handle:
            handle.seek(size // 3)
            handle.write(rng.randbytes(min(2048, max(1, size // 4))))
    elif kind == "not_a_workbook":
        target.write_text("Ini bukan buku kerja.\n", encoding="utf-8")
    elif kind == "encrypted_ole":  # what a password-protected xlsx starts with
        target.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + rng.randbytes(4096))
    elif kind == "zip_garbage":
        target.write_bytes(b"PK\x03\x04" + rng.randbytes(2000))


def _extras(path: Path, kind: str) -> None:
    folder = path if path.is_dir() else path.parent
    if kind == "dir_named_like_sheet":
        (folder / "sdm.csv").mkdir(exist_ok=True) if not (folder / "sdm.csv").exists() else None
        (folder / "tren_iku.csv").mkdir(exist_ok=True) if not (
            folder / "tren_iku.csv"
        ).exists() else None
    elif kind == "junk_files":
        (path.parent / "catatan.txt").write_text("catatan", encoding="utf-8")
        (path.parent / "arsip.zip").write_bytes(b"PK\x05\x06" + bytes(18))
        (path.parent / "lama.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(512))
    elif kind == "lock_file":
        (path.parent / f"~${path.name}").write_bytes(b"lock")
    elif kind == "fifo_like_sheet" and hasattr(os, "mkfifo"):
        fifo = folder / "ikm_unsur.csv"
        if fifo.exists() and not fifo.is_dir():
            fifo.unlink()
        if not fifo.exists():
            os.mkfifo(fifo)


def build(
    seed: int,
    index: int,
    workdir: Path,
    base: list[dict[str, list[list[Any]]]],
    skip: frozenset[str] = frozenset(),
    raw: Path | None = None,
) -> tuple[Path, Mutant]:
    """Mutant ``index`` of ``seed``, written under ``workdir`` (or into the shared ``raw``
    of a batch, as ``mutan<index>``, the same name alone or in a batch); returns raw/."""
    rng = random.Random(seed * 1_000_003 + index)
    sheets = {k: [list(r) for r in v] for k, v in rng.choice(base).items()}
    fmt = rng.choice(["xlsx", "csv"])
    m = Mutant(sheets, fmt=fmt)
    wrong = XLSX_ONLY if fmt == "csv" else CSV_ONLY
    allowed = [n for n in OPERATORS if n not in wrong and n not in skip]
    for name in rng.sample(allowed, rng.choice([1, 1, 2, 3])):
        m.ops.append(name)
        OPERATORS[name](rng, m)
    raw = raw or workdir / f"m{index}" / "raw"
    year = raw / "2025"
    year.mkdir(parents=True, exist_ok=True)
    path = year / (f"mutan{index}.xlsx" if fmt == "xlsx" else f"mutan{index}")
    if fmt == "xlsx":
        _xlsx(path, m)
    else:
        _csv_folder(path, m)
    for kind in m.damage:
        _damage(path, kind, rng)
    for kind in m.extras:
        _extras(path, kind)
    return raw, m


# ---------------------------------------------------------------- running


def _invoke(args: list[str]) -> tuple[str, str]:
    from click.testing import CliRunner

    from pipeline.cli import cli

    result = CliRunner().invoke(cli, args, catch_exceptions=True)
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        last = [line for line in tb.strip().splitlines() if line.strip()]
        where = [line.strip() for line in last if line.strip().startswith("File ")][-1:]
        return "crash", f"{type(exc).__name__}: {str(exc)[:160]} {' '.join(where)}"
    if result.exit_code not in (0, 1, 2):
        return "crash", f"exit code {result.exit_code}"
    if "Traceback (most recent call last)" in result.output:
        return "crash", "traceback in output"
    return "ok", f"exit {result.exit_code}"


Check = Callable[[Path, Path], list[str]]


def ledger_check() -> Check | None:
    """``check(raw_root, warehouse)`` of ``tests/fuzz/ledger.py``; None while it is not there."""
    try:
        ledger = importlib.import_module("fuzz.ledger")
    except ModuleNotFoundError as exc:
        if exc.name == "fuzz.ledger":
            return None
        raise
    return getattr(ledger, "check", None)


def _checked(check: Check | None, raw: Path, warehouse: Path) -> tuple[str, str] | None:
    """("lost", why) when the ledger check finds the warehouse disagrees with raw/."""
    if check is None:
        return None
    try:
        problems = check(raw, warehouse)
    except Exception as exc:  # the check's own fault, shown rather than hidden
        return "lost", f"ledger check failed: {type(exc).__name__}: {str(exc)[:160]}"
    if problems:
        return "lost", f"{len(problems)} lost: " + "; ".join(map(str, problems[:3]))[:300]
    return None


def _reset_peak() -> None:
    """Start a new peak-RSS window (Linux: writing 5 to clear_refs resets VmHWM)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


Invoke = Callable[[list[str]], tuple[str, str]]


def _worker(conn: Any, seed: int, workdir: str, skip: frozenset[str], invoke: Invoke) -> None:
    os.environ["CI"] = "1"  # quiet: no progress bars
    base = bases(Path(workdir))
    check = ledger_check()
    while True:
        job = conn.recv()
        if job is None:
            return
        key, indices, stages = job
        home = Path(workdir) / f"j{key}"
        raw = home / "raw"
        ops: dict[int, str] = {}
        for index in indices:
            try:
                ops[index] = "+".join(build(seed, index, home, base, skip, raw=raw)[1].ops)
            except Exception as exc:  # the campaign's own fault: report, do not count
                ops[index] = f"BUILD FAILED {exc!r}"
        conn.send(("built", key, ops))
        for stage in stages:
            conn.send(("start", key, stage))
            args = ["-q", "-j", "1", stage, "--raw", str(raw)]
            warehouse = home / "w.duckdb"
            if stage in ("load", "run"):
                args += ["--warehouse", str(warehouse)]
            if stage in ("validate", "run"):
                args += ["--out", str(home / "out")]
            if stage == "run":
                args += ["--reports", str(home / "reports")]
            _reset_peak()
            started = time.monotonic()
            status, detail = invoke(args)
            seconds = time.monotonic() - started
            if status == "ok" and stage in ("load", "run"):
                status, detail = _checked(check, raw, warehouse) or (status, detail)
            conn.send(("result", key, stage, status, detail, seconds, _peak_mb()))
        shutil.rmtree(home, ignore_errors=True)
        conn.send(("done", key))


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class _Job:
    """Mutants built side by side in one raw/ and the stages run on them together."""

    key: int
    indices: tuple[int, ...]
    stages: tuple[str, ...]
    together: bool = False  # --together: a batch reproduced as such, never split

    @property
    def batch(self) -> bool:
        return len(self.indices) > 1 and not self.together


class _Slot:
    def __init__(self, seed: int, workdir: Path, skip: frozenset[str], invoke: Invoke) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        args = (child, seed, str(workdir), skip, invoke)
        self.proc = ctx.Process(target=_worker, args=args, daemon=True)
        self.proc.start()
        self.job: _Job | None = None
        self.ops: dict[int, str] = {}
        self.stage = ""
        self.since = 0.0

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)


def plan(
    validate: int, load: int, run: int, batch: int, only: list[int] | None, together: bool
) -> list[_Job]:
    """The jobs in running order: load/run mutants alone, validate mutants in batches."""
    if only is not None:
        if together:
            return [_Job(0, tuple(only), ("validate",), together=True)]
        return [_Job(k, (i,), STAGES) for k, i in enumerate(only)]
    jobs = [
        _Job(i, (i,), tuple(s for s, n in zip(STAGES[1:], (load, run), strict=True) if i < n))
        for i in range(max(load, run))
    ]
    size = max(1, batch)
    for start in range(0, validate, size):
        indices = tuple(range(start, min(validate, start + size)))
        jobs.append(_Job(len(jobs) + max(load, run), indices, ("validate",)))
    return jobs


def run_campaign(
    seed: int = 1,
    validate: int = 200,
    load: int = 40,
    run: int = 10,
    workers: int = 2,
    timeout: float = 60.0,
    memory_mb: float = 2048.0,
    only: list[int] | None = None,
    quiet: bool = False,
    skip: frozenset[str] = frozenset(),
    batch: int = 10,
    together: bool = False,
    invoke: Invoke = _invoke,
) -> list[Outcome]:
    """Run the campaign; return every outcome (see the module docstring)."""
    queue = plan(validate, load, run, batch, only, together)
    queue.reverse()  # pop() takes the next
    next_key = 1 + max((j.key for j in queue), default=0)
    outcomes: list[Outcome] = []
    splits: dict[int, tuple[_Job, str, str]] = {}  # split batch key -> (batch, status, detail)
    waiting: dict[int, int] = {}  # single re-run key -> split batch key
    workdir = Path(tempfile.mkdtemp(prefix="lakip-fuzz-"))
    slots = [_Slot(seed, workdir, skip, invoke) for _ in range(max(1, workers))]
    shown = 0

    def split(job: _Job, status: str, detail: str) -> None:
        """Re-run each mutant of a failed batch alone, ahead of the queue, to name it."""
        nonlocal next_key
        splits[job.key] = (job, status, detail)
        for index in reversed(job.indices):
            waiting[next_key] = job.key
            queue.append(_Job(next_key, (index,), ("validate",)))
            next_key += 1

    def settle(single: _Job) -> None:
        """After the last re-run of a split batch: a crash no mutant shows alone is counted."""
        parent = waiting.pop(single.key, None)
        if parent is None or parent in waiting.values():
            return
        job, status, detail = splits.pop(parent)
        mine = [o for o in outcomes if o.index in job.indices and o.stage == "validate"]
        if status == "crash" and mine and all(o.status == "ok" for o in mine):
            first = mine[0]
            first.status = "crash"
            first.detail = (
                f"only together (--together --only {' '.join(map(str, job.indices))}): {detail}"
            )

    def finished(job: _Job, stage: str, status: str, detail: str, secs: float, peak: float) -> None:
        for index in job.indices:
            ops = slot.ops.get(index, "")
            if not ops.startswith("BUILD FAILED"):
                size = len(job.indices)
                outcomes.append(Outcome(index, stage, status, detail, ops, secs, size, peak))

    try:
        while queue or any(s.job for s in slots):
            for n, slot in enumerate(slots):
                if slot.job is None and queue:
                    slot.job = queue.pop()
                    slot.conn.send((slot.job.key, slot.job.indices, slot.job.stages))
                    slot.since, slot.stage, slot.ops = time.monotonic(), "build", {}
                job = slot.job
                if job is None:
                    continue
                while slot.conn.poll(0.05):
                    msg = slot.conn.recv()
                    if msg[0] == "built":
                        slot.ops = msg[2]
                        for index, ops in slot.ops.items():
                            if ops.startswith("BUILD FAILED") and not quiet:
                                print(f"  mutant {index}: {ops}", file=sys.stderr)
                    elif msg[0] == "start":
                        slot.stage, slot.since = msg[2], time.monotonic()
                    elif msg[0] == "result":
                        _, _, stage, status, detail, secs, peak = msg
                        if status == "ok" and peak > memory_mb:
                            status, detail = "crash", f"{peak:.0f} MB"
                        if job.batch and status != "ok":
                            split(job, status, detail)
                        else:
                            finished(job, stage, status, detail, secs, peak)
                    elif msg[0] == "done":
                        slot.job = None
                        settle(job)
                        break
                if slot.job is None:
                    continue
                waited = time.monotonic() - slot.since
                memory = _rss_mb(slot.proc.pid)
                dead = not slot.proc.is_alive()
                if (
                    waited > timeout + (60 if slot.stage == "build" else 0)
                    or memory > memory_mb
                    or dead
                ):
                    status = "hang" if waited > timeout else "crash"
                    why = f"{waited:.0f} s"
                    if status != "hang":
                        why = f"worker died ({slot.proc.exitcode})" if dead else f"{memory:.0f} MB"
                    if job.batch:
                        split(job, status, why)
                    else:
                        done = {o.stage for o in outcomes if o.index in job.indices}
                        for stage in job.stages:
                            if stage not in done:
                                finished(job, stage, status, why, waited, memory)
                                break
                    slot.kill()
                    shutil.rmtree(workdir / f"j{job.key}", ignore_errors=True)
                    slots[n] = _Slot(seed, workdir, skip, invoke)
                    settle(job)
            if not quiet and len(outcomes) // 100 > shown // 100:
                shown = len(outcomes)
                print(f"  {shown} runs ...", file=sys.stderr, flush=True)
    finally:
        for slot in slots:
            if slot.proc.is_alive():
                with contextlib.suppress(OSError):
                    slot.conn.send(None)
                slot.proc.join(2)
                if slot.proc.is_alive():
                    slot.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    return outcomes


def summary(outcomes: list[Outcome]) -> str:
    counts = Counter(o.status for o in outcomes)
    return (
        f"fuzz: {len(outcomes)} runs, {counts['ok']} ok, {counts['crash']} crash, "
        f"{counts['hang']} hang, {counts['lost']} lost"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--validate", type=int, default=300)
    parser.add_argument("--load", type=int, default=60)
    parser.add_argument("--run", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--memory-mb", type=float, default=2048.0)
    parser.add_argument("--only", type=int, nargs="*", default=None)
    parser.add_argument("--skip", nargs="*", default=[], help="operators left out")
    parser.add_argument("--batch", type=int, default=10, help="mutants per validate run")
    parser.add_argument(
        "--together", action="store_true", help="with --only: validate the mutants as one batch"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    outcomes = run_campaign(
        args.seed,
        args.validate,
        args.load,
        args.run,
        args.workers,
        args.timeout,
        args.memory_mb,
        args.only,
        skip=frozenset(args.skip),
        batch=args.batch,
        together=args.together,
    )
    bad = [o for o in outcomes if o.status != "ok"]
    groups = Counter((o.stage, o.status, o.detail[:120]) for o in bad)
    for (stage, status, detail), n in groups.most_common():
        example = next(
            o for o in bad if (o.stage, o.status, o.detail[:120]) == (stage, status, detail)
        )
        print(
            f"{n:5d} {status:5s} {stage:8s} {detail}  [e.g. --only {example.index}: {example.ops}]"
        )
    slow = sorted(outcomes, key=lambda o: -o.seconds)[:3]
    for o in slow:
        size = f" in a batch of {o.batch}" if o.batch > 1 else ""
        print(f"slowest: {o.seconds:.1f} s {o.stage}{size} --only {o.index} ({o.ops})")
    for stage in STAGES:
        runs = [o for o in outcomes if o.stage == stage]
        if runs:
            busy = sum(o.seconds / o.batch for o in runs)
            print(
                f"{stage}: {len(runs)} runs, {busy:.0f} s in lakip ({busy / len(runs):.2f} s each)"
            )
    for label, runs in (
        ("batch", [o for o in outcomes if o.batch > 1]),
        ("alone", [o for o in outcomes if o.batch == 1]),
    ):
        if runs:
            peak = max(runs, key=lambda o: o.peak_mb)
            print(f"peak memory {label}: {peak.peak_mb:.0f} MB ({peak.stage} --only {peak.index})")
    print(f"seed {args.seed}, {time.monotonic() - started:.0f} s, {len(OPERATORS)} operators")
    print(summary(outcomes))
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
