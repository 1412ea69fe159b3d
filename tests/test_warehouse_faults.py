"""Warehouse faults end in a clear message and exit 1, with nothing lost.

kill -9 and Ctrl-C at several moments of a ``-j 2`` load of generated files, a full disk,
a read-only folder, a truncated and a corrupted warehouse. The load runs as a real
``lakip`` process so that signals, worker processes and exit codes are the real ones.
``LAKIP_FAULT_FILES=500`` runs the issue's 500-file load; the default keeps ``make test``
short while still starting worker processes (more than PARALLEL_MIN_FILES files).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.generate import generate
from pipeline.guard import warehouse_error
from pipeline.ingest.workers import PARALLEL_MIN_FILES
from tests import procs

FILES = int(os.environ.get("LAKIP_FAULT_FILES", PARALLEL_MIN_FILES + 4))
LAKIP = [sys.executable, "-m", "pipeline"]


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("faults")
    generate(root, kecamatan=FILES, seed=5, inject=0, workers=2)
    return root / "sintetis"


def _load(raw: Path, warehouse: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LAKIP, "-q", "-j", "2", "load", "--raw", str(raw), "--warehouse", str(warehouse), *extra],
        capture_output=True,
        text=True,
        timeout=600,
    )


def _content(warehouse: Path) -> tuple[object, ...]:
    """What a load put in: submissions, their current flags and every table's row count."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        subs = con.execute(
            "SELECT sha256, is_current, version, baris FROM submissions ORDER BY sha256"
        ).fetchall()
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'raw\\_%' "
                "ESCAPE '\\' OR table_name IN ('findings', 'layout') ORDER BY 1"
            ).fetchall()
        ]
        counts = [con.execute(f'SELECT count(*) FROM "{t}"').fetchone() for t in tables]
        return tuple(subs), tuple(zip(tables, counts, strict=True))
    finally:
        con.close()


def _whole(warehouse: Path) -> int:
    """Submissions in the warehouse, asserting each is complete (its rows all there).

    A load killed after DuckDB created the file but before the schema's transaction
    committed leaves a file without any table: the state before a new warehouse (0), which
    the next load fills like a new one."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()
        if tables is None or tables[0] == 0:
            return 0
        # every submission's declared row count equals the rows stored for it
        mismatched = con.execute(
            "SELECT s.submission_id FROM submissions s "
            "LEFT JOIN (SELECT submission_id, sum(baris) AS n FROM submission_tables "
            "GROUP BY ALL) t USING (submission_id) WHERE coalesce(t.n, 0) <> s.baris"
        ).fetchall()
        assert mismatched == []
        row = con.execute("SELECT count(*) FROM submissions").fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()


@pytest.fixture(scope="module")
def clean(raw: Path, tmp_path_factory) -> tuple[object, ...]:
    warehouse = tmp_path_factory.mktemp("clean") / "w.duckdb"
    done = _load(raw, warehouse)
    assert done.returncode == 0, done.stderr
    return _content(warehouse)


def _interrupt_at(raw: Path, warehouse: Path, delay: float, sig: int) -> tuple[int, str]:
    proc = subprocess.Popen(
        [*LAKIP, "-q", "-j", "2", "load", "--raw", str(raw), "--warehouse", str(warehouse)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(delay)
    if sig == signal.SIGINT:
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    else:
        proc.send_signal(sig)  # only the parent: its workers must notice on their own
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    left = procs.left_after(proc)
    assert left == [], f"processes outlived their parent: {left}"
    return proc.returncode, err


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


@needs_proc
@pytest.mark.parametrize(
    ("sig", "delay"),
    [
        (signal.SIGKILL, 1.0),
        pytest.param(signal.SIGKILL, 3.0, marks=pytest.mark.slow),
        pytest.param(signal.SIGKILL, 6.0, marks=pytest.mark.slow),
        pytest.param(signal.SIGTERM, 2.0, marks=pytest.mark.slow),
        (signal.SIGINT, 1.5),
        pytest.param(signal.SIGINT, 4.0, marks=pytest.mark.slow),
        pytest.param(signal.SIGINT, 8.0, marks=pytest.mark.slow),
    ],
)
def test_interrupted_load_leaves_whole_state_and_rerun_equals_clean(
    raw: Path, clean: tuple[object, ...], tmp_path: Path, sig: int, delay: float
):
    warehouse = tmp_path / "w.duckdb"
    code, err = _interrupt_at(raw, warehouse, delay, sig)
    if sig == signal.SIGINT:
        assert "Traceback" not in err
    else:
        # A worker being spawned at the instant its parent is killed may print
        # multiprocessing's own start-up traceback (spawn_main) as it exits; never lakip's.
        assert not re.search(r'File "[^"]*pipeline[/\\]', err), err
    if sig == signal.SIGINT:
        assert code in (0, 1), err
        if code == 1:
            assert "Dihentikan" in err
    if warehouse.exists():
        assert _whole(warehouse) in (0, FILES)
    rerun = _load(raw, warehouse)
    assert rerun.returncode == 0, rerun.stderr
    assert "Traceback" not in rerun.stderr
    assert _content(warehouse) == clean


def test_report_of_a_warehouse_killed_before_its_schema(tmp_path: Path):
    """A load killed after DuckDB made the file, before the schema committed, leaves a file
    without tables: report says to load first, not DuckDB's catalog error."""
    warehouse = tmp_path / "w.duckdb"
    duckdb.connect(str(warehouse)).close()
    result = CliRunner().invoke(
        cli, ["-q", "report", "--warehouse", str(warehouse), "--reports", str(tmp_path / "r")]
    )
    assert result.exit_code == 1, result.output
    assert "belum berisi laporan" in result.output and "lakip load" in result.output
    assert "Catalog" not in result.output and "rusak" not in result.output


_EXEC_INTERRUPTED = """
import os, signal, sys
from pipeline.interrupt import forget_interrupt
try:
    exec("os.kill(os.getpid(), signal.SIGINT)\\nfor _ in range(10 ** 7): pass")
except KeyboardInterrupt:
    if sys.argv[1] == "forget":
        forget_interrupt()
    sys.exit(1)
"""


@pytest.mark.parametrize(("then", "code"), [("keep", -signal.SIGINT), ("forget", 1)])
def test_a_told_interrupt_keeps_its_exit_code(tmp_path: Path, then: str, code: int):
    """Run as ``python -m`` (as the fault tests run lakip), CPython kills a process by SIGINT
    at exit (-2) when a KeyboardInterrupt ended an exec() of text (as dataclasses build
    methods), even if the program caught it and chose its exit code: the flaky -2 of the
    fault tests. lakip forgets it once it has told it."""
    (tmp_path / "told.py").write_text(_EXEC_INTERRUPTED, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "told", then], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == code, done.stderr


def _mapped(pid: int, name: str) -> bool:
    try:
        return name in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


@needs_proc
def test_ctrl_c_while_lakip_starts_is_the_plain_message(raw: Path, tmp_path: Path):
    """Ctrl-C while lakip imports polars (a second or more on a busy machine) is told like
    any other Ctrl-C: before, it was a KeyboardInterrupt traceback and death by SIGINT (-2).
    The signal is sent once polars' library is mapped, so it lands after Python's own
    start-up and (unless the import ends within a few milliseconds) during lakip's."""
    warehouse = tmp_path / "w.duckdb"
    proc = subprocess.Popen(
        [*LAKIP, "-q", "-j", "2", "load", "--raw", str(raw), "--warehouse", str(warehouse)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not _mapped(proc.pid, "polars") and time.monotonic() < deadline:
        time.sleep(0.002)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert proc.returncode == 1, err
    assert "Dihentikan" in err and "Interrupted" in err
    if "sebelum lakip mulai" in err:
        assert not warehouse.exists()


def test_damaged_warehouse_is_named_and_never_written(raw: Path, tmp_path: Path):
    one = tmp_path / "raw"
    shutil.copytree(sorted((raw / "2025").glob("*.xlsx"))[0].parent, one / "2025")
    good = tmp_path / "good.duckdb"
    runner = CliRunner()
    first = sorted((one / "2025").glob("*.xlsx"))
    keep = first[:3]
    for extra in first[3:]:
        extra.unlink()
    result = runner.invoke(
        cli, ["-q", "-j", "1", "load", "--raw", str(one), "--warehouse", str(good)]
    )
    assert result.exit_code == 0, result.output
    size = good.stat().st_size
    newer = tmp_path / "more" / "2025"
    newer.mkdir(parents=True)
    shutil.copy(sorted((raw / "2025").glob("*.xlsx"))[5], newer / "baru.xlsx")

    def corrupt(path: Path) -> None:
        with path.open("r+b") as handle:
            handle.seek(size // 2)
            handle.write(os.urandom(8192))

    damages = {
        "0B": lambda p: os.truncate(p, 0),
        "4KiB": lambda p: os.truncate(p, 4096),
        "50%": lambda p: os.truncate(p, size // 2),
        "random": corrupt,
    }
    for name, damage in damages.items():
        warehouse = tmp_path / f"{name}.duckdb"
        shutil.copy(good, warehouse)
        damage(warehouse)
        before = warehouse.read_bytes()
        commands = [
            ["load", "--raw", str(tmp_path / "more"), "--warehouse", str(warehouse)],
            # report reads every block first (as load does): damage in a table it does not
            # show is still told, not published around
            ["report", "--warehouse", str(warehouse), "--reports", str(tmp_path / name)],
        ]
        if name in ("0B", "4KiB"):  # a query reads only its own blocks
            commands.append(
                ["sql", "SELECT count(*) FROM submissions", "--warehouse", str(warehouse)]
            )
        for args in commands:
            result = runner.invoke(cli, ["-q", "-j", "1", *args])
            assert result.exit_code == 1, (name, args[0], result.output)
            assert "rusak" in result.output and "lakip rebuild" in result.output, result.output
            # in the reader's language only (Indonesian by default, --lang en below)
            assert "raw/ tidak tersentuh" in result.output and "raw/ is intact" not in result.output
            assert "Traceback" not in result.output
            assert result.exception is None or isinstance(result.exception, SystemExit)
            assert "proses lain" not in result.output  # it is not "busy"
        english = runner.invoke(cli, ["-q", "--lang", "en", "-j", "1", *commands[0]])
        assert english.exit_code == 1, english.output
        assert "raw/ is intact" in english.output and "tidak tersentuh" not in english.output
        assert not (tmp_path / name).exists() or not any((tmp_path / name).rglob("*.html"))
        assert warehouse.read_bytes() == before, f"{name}: a damaged warehouse was written"
        # raw/ is intact: rebuild remakes it and keeps the damaged file aside
        result = runner.invoke(
            cli, ["-q", "-j", "1", "rebuild", "--raw", str(one), "--warehouse", str(warehouse)]
        )
        assert result.exit_code == 0, (name, result.output)
        assert warehouse.with_name(warehouse.name + ".rusak").read_bytes() == before
        assert _whole(warehouse) == len(keep)


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


@pytest.mark.slow
def test_disk_full_and_read_only_folder(raw: Path, clean: tuple[object, ...], tmp_path: Path):
    small = tmp_path / "small"
    if not _mount_tmpfs(small, "1m"):
        pytest.skip("cannot mount a tmpfs here (needs root); see test_fault_messages")
    try:
        warehouse = small / "w.duckdb"
        done = _load(raw, warehouse)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr and "Disk penuh" in done.stderr, done.stderr
        # after freeing space the rerun completes and equals a clean load
        subprocess.run(["mount", "-o", "remount,size=64m", str(small)], check=True)
        assert _load(raw, warehouse).returncode == 0
        assert _content(warehouse) == clean
        before = warehouse.read_bytes()
        subprocess.run(["mount", "-o", "remount,ro", str(small)], check=True)
        for target in (warehouse, small / "baru.duckdb", small / "sub" / "w.duckdb"):
            done = _load(raw, target, "--all")
            assert done.returncode == 1, done.stderr
            assert "Traceback" not in done.stderr
            assert "tidak bisa ditulis" in done.stderr, done.stderr
        assert warehouse.read_bytes() == before
    finally:
        subprocess.run(["umount", str(small)], capture_output=True)


@pytest.mark.parametrize(
    ("message", "word"),
    [
        ('IO Error: Could not write file "w.duckdb": No space left on device', "Disk penuh"),
        (
            'TransactionContext Error: Failed to commit: Cannot open file "w.duckdb.wal": '
            "Permission denied",
            "tidak bisa ditulis",
        ),
        ("Error: Corrupt database file: computed checksum 1 does not match stored", "rusak"),
        (
            'IO Error: Could not set lock on file "w.duckdb": Conflicting lock (PID 7)',
            "proses lain",
        ),
    ],
)
def test_fault_messages(message: str, word: str):
    text = str(warehouse_error(Path("w.duckdb"), duckdb.IOException(message)))
    assert word in text
