"""Before/after comparison for refactors (issue 11): same findings, warehouse and reports.

Drives lakip only through its CLI in subprocesses, so it survives any internal refactor: the
"before" and the "after" executables are each run on the same frozen input corpora, and what
they write is dumped to readable, normalised text files that a plain diff compares.

    # once, with the code of main (the corpora must not be rebuilt for "after": the
    # generator itself may change in the refactor)
    .venv/bin/python bench/compare.py corpora /work/compare/corpora
    .venv/bin/python bench/compare.py capture --corpora /work/compare/corpora \\
        --lakip /work/main/.venv/bin/lakip /work/compare/before
    # after the refactor, with the new code
    .venv/bin/python bench/compare.py capture --corpora /work/compare/corpora \\
        --lakip .venv/bin/lakip /work/compare/after
    .venv/bin/python bench/compare.py diff /work/compare/before /work/compare/after

Corpora: ``sample`` (raw/2025/medang-deras.xlsx plus the history of sample/riwayat as
raw/<tahun>/<kecamatan>/ CSV folders, as tests/test_history.py lays it out), ``gen-xlsx`` and
``gen-csv`` (``lakip generate --kecamatan 12 --seed 7 --inject 60 --years 3``), ``odd-1`` and
``odd-7`` (the seeded odd workbooks of tests/test_fuzz_workbooks.py, 130 each). A MANIFEST of
sha256s is written with them and checked before every capture.

Per corpus, capture runs ``lakip -q -j 1 [--lang id|en] validate`` and ``lakip -q -j 1 run``
into a fresh folder (cwd, relative paths), then writes under OUTDIR/<corpus>/:

- ``findings-core.tsv``: rule, severity, cell, expected, found (+ submission_id, sheet),
  sorted; the issue's "same findings" criterion, language-free.
- ``findings-<lang>.tsv``: every column of validate's findings.csv, rows sorted.
- ``validate-<lang>/findings.{csv,json,html}``, ``run-out/...``: the files as written.
- ``warehouse/_schema.tsv`` and ``warehouse/<table>.tsv``: every table and view,
  ``SELECT * ... ORDER BY ALL``, typed values, NULL kept apart from text.
- ``reports/...``: every report file; an .xlsx becomes the text of its zip members.
- ``console.txt``: each command, its exit code, stdout and stderr.

Volatile values, and only these, are replaced (they differ between two runs of one build):

- warehouse columns of a TIMESTAMP type (submissions.loaded_at/superseded_at,
  schema_version.applied_at, kecamatan.updated_at and the views that repeat them): wall-clock
  time of the run; replaced by ``<ts>``, NULL kept (superseded or not is data). The masked
  columns are listed in warehouse/_schema.tsv, so a new or vanished one shows in the diff.
- warehouse columns named ``lakip_version`` and the text ``lakip <version>`` in files and
  console output: the package version, which a release bumps without changing behaviour.
- the absolute path of the run folder (and its resolved form), anywhere: lakip is run with
  relative paths, so this only catches a build that makes them absolute.
- the id great-tables draws at random (10 letters) for a table built without one: the
  findings.html that validate and run write (the report pages set their ids); each becomes
  ``gt-random-<n>`` in order of appearance, in that file only.
- durations: lakip writes none into findings, the warehouse or the reports today; none is
  masked. If one appears, before/before2 stops being "all same" and says where.

Zip member timestamps inside .xlsx are not compared (lakip pins them to 1980 anyway); the
members' bytes are. Two captures of one build must diff as all same: that is the check that
the normalisation hides nothing else.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import importlib.util
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import duckdb

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPORA = ["sample", "gen-xlsx", "gen-csv", "odd-1", "odd-7"]
GENERATE = ["--kecamatan", "12", "--seed", "7", "--inject", "60", "--years", "3"]
ODD_SEEDS = {"odd-1": 1, "odd-7": 7}
ODD_FILES = 130  # as tests/test_fuzz_workbooks.py
CORE = ["submission_id", "sheet", "cell", "rule", "severity", "expected", "found"]
DIFF_LINES = 40  # lines of unified diff shown per differing artefact
LINE_WIDTH = 240  # a longer diff line is cut here


# ------------------------------------------------------------------ corpora


def build_corpora(target: Path, lakip: Path) -> None:
    """Write every corpus once; capture reuses them unchanged for before and after."""
    if target.exists() and any(target.iterdir()):
        sys.exit(f"compare: {target} is not empty; corpora are built once")
    target.mkdir(parents=True, exist_ok=True)

    sample = target / "sample"
    (sample / "2025").mkdir(parents=True)
    shutil.copy2(REPO / "raw" / "2025" / "medang-deras.xlsx", sample / "2025")
    shutil.copytree(
        REPO / "sample" / "riwayat",
        sample,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("*.md"),
    )

    for name, fmt in (("gen-xlsx", "xlsx"), ("gen-csv", "csv")):
        out = target / name
        _check([str(lakip), "-q", "generate", *GENERATE, "--format", fmt, "--out", str(out)])

    spec = importlib.util.spec_from_file_location("fuzz", REPO / "tests" / "test_fuzz_workbooks.py")
    assert spec is not None and spec.loader is not None
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    for name, seed in ODD_SEEDS.items():
        folder = target / name
        folder.mkdir()
        rng = random.Random(seed)
        for i in range(ODD_FILES):
            fuzz._workbook(folder / f"f{i:03d}.xlsx", rng)

    (target / "MANIFEST").write_text(_manifest(target), encoding="utf-8")
    print(f"compare: corpora {', '.join(CORPORA)} -> {target}")


def _manifest(root: Path) -> str:
    lines = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != "MANIFEST"):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(root).as_posix()}")
    return "\n".join(lines) + "\n"


def _check(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"compare: {' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")


# ------------------------------------------------------------------ capture


class Normaliser:
    """Replaces the volatile strings of one run: its folder and the lakip version."""

    def __init__(self, work: Path, version: str) -> None:
        roots = {str(work), str(work.resolve())}
        self.roots = sorted(roots, key=len, reverse=True)
        self.version = version

    def text(self, value: str) -> str:
        for root in self.roots:
            value = value.replace(root + os.sep, "").replace(root, ".")
        if self.version:
            value = value.replace(f"lakip {self.version}", "lakip <version>")
        return value


def capture(corpora: Path, lakip: Path, outdir: Path, jobs: int) -> None:
    """Run lakip on every corpus (corpora side by side, each -j 1) and dump the results."""
    manifest = corpora / "MANIFEST"
    if not manifest.exists() or manifest.read_text(encoding="utf-8") != _manifest(corpora):
        sys.exit(f"compare: {corpora} differs from its MANIFEST; rebuild both captures")
    if outdir.exists():
        sys.exit(f"compare: {outdir} exists; capture into a fresh folder")
    lakip = lakip.absolute()
    version = subprocess.run([str(lakip), "--version"], capture_output=True, text=True)
    found = re.search(r"version (\S+)", version.stdout)
    outdir.mkdir(parents=True)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        timings = list(
            pool.map(
                lambda c: _capture_one(
                    corpora / c, lakip, outdir / c, found.group(1) if found else ""
                ),
                CORPORA,
            )
        )
    for corpus, seconds in zip(CORPORA, timings, strict=True):
        print(f"compare: {corpus}: {seconds:.1f} s")
    print(f"compare: captured {lakip} -> {outdir} in {time.perf_counter() - start:.1f} s")


def _capture_one(corpus: Path, lakip: Path, out: Path, version: str) -> float:
    start = time.perf_counter()
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="lakip-compare-") as tmp:
        work = Path(tmp)
        shutil.copytree(corpus, work / "raw")
        norm = Normaliser(work, version)
        run = ["run", "--raw", "raw", "--warehouse", "w/lakip.duckdb", "--reports", "reports"]
        steps = [
            ["--lang", "id", "validate", "--raw", "raw", "--out", "validate-id"],
            ["--lang", "en", "validate", "--raw", "raw", "--out", "validate-en"],
            [*run, "--out", "run-out"],
        ]
        console = []
        for args in steps:
            cmd = [str(lakip), "-q", "-j", "1", *args]
            done = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
            console.append(
                f"$ lakip -q -j 1 {' '.join(args)}\nexit {done.returncode}\n"
                f"--- stdout\n{norm.text(done.stdout)}--- stderr\n{norm.text(done.stderr)}"
            )
        _write(out / "console.txt", "\n".join(console))

        for lang in ("id", "en"):
            header, rows = _read_csv(work / f"validate-{lang}" / "findings.csv")
            _write(out / f"findings-{lang}.tsv", _table(header, rows, norm))
            if lang == "id":
                idx = [header.index(c) if c in header else None for c in CORE]
                core = [[r[i] if i is not None else "<no column>" for i in idx] for r in rows]
                _write(out / "findings-core.tsv", _table(CORE, core, norm))
        for folder in ("validate-id", "validate-en", "run-out", "reports"):
            _dump_files(work / folder, out / folder, norm)
        _dump_warehouse(work / "w" / "lakip.duckdb", out / "warehouse", norm)
    return time.perf_counter() - start


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    if not path.exists():
        return ["<missing>"], []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return (rows[0], rows[1:]) if rows else ([], [])


def _table(header: list[str], rows: Iterable[list[str]], norm: Normaliser) -> str:
    """Tab-separated, rows sorted; tabs and newlines inside a value are escaped."""
    cells = sorted([norm.text(_esc(v)) for v in row] for row in rows)
    return "\n".join("\t".join(r) for r in [header, *cells]) + "\n"


def _esc(value: str) -> str:
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _dump_files(source: Path, target: Path, norm: Normaliser) -> None:
    if not source.exists():
        _write(target / "_missing.txt", f"{source.name} was not written\n")
        return
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        rel = path.relative_to(source)
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            _write(target / f"{rel}.txt", _xlsx_text(data, norm))
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            _write(target / f"{rel}.sha256", hashlib.sha256(data).hexdigest() + "\n")
            continue
        if path.suffix == ".html":
            text = _pin_gt_ids(text)
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_bytes(norm.text(text).encode("utf-8"))


GT_ID = re.compile(r'<div id="([a-z]{10})" style="padding-left:0px;padding-right:0px;')


def _pin_gt_ids(text: str) -> str:
    """great-tables draws a random 10-letter id for a table given none (findings.html)."""
    for n, found in enumerate(dict.fromkeys(GT_ID.findall(text)), 1):
        text = re.sub(rf"\b{found}\b", f"gt-random-{n}", text)
    return text


def _xlsx_text(data: bytes, norm: Normaliser) -> str:
    """Each zip member's content, one XML tag per line so a diff points at the cell."""
    parts = []
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return f"not a zip: sha256 {hashlib.sha256(data).hexdigest()}\n"
    for name in sorted(book.namelist()):
        raw = book.read(name)
        try:
            body = norm.text(raw.decode("utf-8")).replace("><", ">\n<")
        except UnicodeDecodeError:
            body = f"binary, sha256 {hashlib.sha256(raw).hexdigest()}"
        parts.append(f"=== {name}\n{body}\n")
    return "".join(parts)


def _dump_warehouse(path: Path, target: Path, norm: Normaliser) -> None:
    target.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        _write(target / "_missing.txt", "no warehouse was written\n")
        return
    con = duckdb.connect(str(path), read_only=True)
    try:
        objects = con.execute(
            "SELECT table_schema, table_name, table_type FROM information_schema.tables "
            "WHERE table_catalog = current_database() ORDER BY ALL"
        ).fetchall()
        schema = ["schema\tname\ttype\tcolumn\tdata_type\tmasked"]
        for owner, name, kind in objects:
            columns = con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_catalog = current_database() AND table_schema = ? "
                "AND table_name = ? ORDER BY ordinal_position",
                [owner, name],
            ).fetchall()
            select = []
            for column, dtype in columns:
                quoted = '"' + column.replace('"', '""') + '"'
                masked = ""
                if dtype.startswith("TIMESTAMP"):
                    masked = "<ts>"
                elif column == "lakip_version":
                    masked = "<version>"
                if masked:
                    select.append(
                        f"CASE WHEN {quoted} IS NULL THEN NULL ELSE '{masked}' END AS {quoted}"
                    )
                else:
                    select.append(quoted)
                schema.append(f"{owner}\t{name}\t{kind}\t{column}\t{dtype}\t{masked}")
            qualified = f'"{owner}"."{name}"'
            label = name if owner == "main" else f"{owner}.{name}"
            try:
                rows = con.execute(
                    f"SELECT {', '.join(select)} FROM {qualified} ORDER BY ALL"
                ).fetchall()
            except duckdb.Error as error:
                _write(target / f"{label}.tsv", f"error: {norm.text(str(error))}\n")
                continue
            lines = ["\t".join(c for c, _ in columns)]
            lines += ["\t".join(norm.text(_value(v)) for v in row) for row in rows]
            _write(target / f"{label}.tsv", "\n".join(lines) + "\n")
        _write(target / "_schema.tsv", "\n".join(schema) + "\n")
    finally:
        con.close()


def _value(value: Any) -> str:
    """NULL apart from text 'NULL'; floats as repr; Decimals exactly."""
    if value is None:
        return "NULL"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ------------------------------------------------------------------ diff


BIG_FILE_LINES = 20_000


def diff(before: Path, after: Path) -> int:
    """Per corpus and artefact: `same`, or the first differing lines. 1 when any differ."""
    total = same = 0
    corpora = sorted({p.name for p in (*before.iterdir(), *after.iterdir()) if p.is_dir()})
    for corpus in corpora:
        print(f"== {corpus}")
        left, right = _files(before / corpus), _files(after / corpus)
        for rel in sorted(left | right):
            total += 1
            a, b = before / corpus / rel, after / corpus / rel
            if rel not in right:
                print(f"  {rel}: differ (only in before)")
                continue
            if rel not in left:
                print(f"  {rel}: differ (only in after)")
                continue
            if a.read_bytes() == b.read_bytes():
                same += 1
                print(f"  {rel}: same")
                continue
            print(f"  {rel}: differ")
            la, lb = _lines(a), _lines(b)
            if len(la) + len(lb) > BIG_FILE_LINES:
                # difflib is quadratic on long files that differ in order: name the first line
                first = next(
                    (i for i, (x, y) in enumerate(zip(la, lb, strict=False)) if x != y), len(la)
                )
                lines = iter(
                    [f"first difference at line {first + 1} ({len(la)} vs {len(lb)} lines)"]
                    + [f"-{x}" for x in la[first : first + 3]]
                    + [f"+{y}" for y in lb[first : first + 3]]
                )
            else:
                lines = difflib.unified_diff(
                    la, lb, f"before/{corpus}/{rel}", f"after/{corpus}/{rel}", n=1
                )
            for i, line in enumerate(lines):
                if i == DIFF_LINES:
                    print("    ... (cut)")
                    break
                line = line.rstrip("\n")
                print("    " + (line[:LINE_WIDTH] + " ..." if len(line) > LINE_WIDTH else line))
    print(f"compare: {total} artefacts, {same} same, {total - same} differ")
    return 0 if same == total else 1


def _files(root: Path) -> set[str]:
    if not root.exists():
        return set()
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)


# ------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("corpora", help="build the input corpora once into DIR")
    c.add_argument("dir", type=Path)
    c.add_argument("--lakip", type=Path, default=Path(sys.executable).parent / "lakip")
    p = sub.add_parser("capture", help="run a lakip build on the corpora, dump to OUTDIR")
    p.add_argument("--corpora", type=Path, required=True)
    p.add_argument("--lakip", type=Path, required=True, help="the lakip executable to capture")
    p.add_argument("--jobs", type=int, default=len(CORPORA), help="corpora captured at once")
    p.add_argument("outdir", type=Path)
    d = sub.add_parser("diff", help="compare two captures")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "corpora":
        build_corpora(args.dir, args.lakip)
    elif args.command == "capture":
        capture(args.corpora, args.lakip, args.outdir, args.jobs)
    else:
        return diff(args.before, args.after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
