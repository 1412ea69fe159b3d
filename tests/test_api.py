"""The Python API (pipeline.api): what a notebook calls, and what the CLI calls."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from conftest import REPO, SAMPLE_XLSX

import pipeline
from pipeline import api
from pipeline.cli import cli
from pipeline.errors import LakipError, LakipUsageError
from pipeline.ingest import discover
from pipeline.ingest import ingest as read
from pipeline.validate import validate as check


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """A copy of raw/ (the sample workbook) in tmp."""
    folder = tmp_path / "raw"
    (folder / "2025").mkdir(parents=True)
    shutil.copy(SAMPLE_XLSX, folder / "2025" / "medang-deras.xlsx")
    return folder


def _tree(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in sorted(root.rglob("*"))}


def test_validate_returns_the_stages_frames_and_writes_nothing(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    before = _tree(tmp_path)
    v = pipeline.validate(raw)
    assert _tree(tmp_path) == before
    stitched = check(read(discover(raw)))
    assert v.findings.equals(stitched.findings)
    assert v.submissions.equals(stitched.submissions)
    assert set(v.tables) == set(stitched.tables)
    assert "capaian_hitung" in v.tables["capaian_iku"].columns
    assert v.error_count == v.findings.filter(pl.col("severity") == "error").height > 0
    assert v.error_count + v.warning_count == v.findings.height
    assert v.written == [] and v.loaded is None and v.skipped == []
    text = v.messages("en")
    assert text.height == v.findings.height
    assert text["message"].null_count() == 0
    assert text["kecamatan"].unique().to_list() == ["Medang Deras"]


def test_validate_with_out_writes_what_lakip_validate_writes(raw: Path, tmp_path: Path) -> None:
    v = pipeline.validate(raw, out=tmp_path / "api", lang="en", formats=("csv", "json"))
    assert v.written == [tmp_path / "api" / "findings.csv", tmp_path / "api" / "findings.json"]
    args = ["--lang", "en", "validate", "--raw", str(raw), "--out", str(tmp_path / "cli")]
    result = CliRunner().invoke(cli, [*args, "--format", "csv", "--format", "json"])
    assert result.exit_code == 1, result.output
    for name in ("findings.csv", "findings.json"):
        assert (tmp_path / "api" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()


def test_run_loads_reports_and_then_skips_unchanged_files(raw: Path, tmp_path: Path) -> None:
    warehouse, reports, out = tmp_path / "w.duckdb", tmp_path / "reports", tmp_path / "out"
    first = pipeline.run(raw, warehouse=warehouse, reports=reports, out=out)
    assert first.loaded is not None
    assert first.loaded.loaded == first.submissions["submission_id"].to_list()
    assert first.skipped == []
    assert first.written == [out / "findings.csv", out / "findings.json", out / "findings.html"]
    assert all(p.is_file() for p in first.written)
    assert reports / "2025" / "index.html" in first.reports
    assert all(p.exists() for p in first.reports)
    stored = pipeline.query("SELECT rule, count(*) AS n FROM findings GROUP BY rule", warehouse)
    assert stored.sort("rule").rows() == first.findings.group_by("rule").len().sort("rule").rows()

    again = pipeline.run(raw, warehouse=warehouse, reports=reports, out=tmp_path / "out2")
    assert again.skipped == [str(raw / "2025" / "medang-deras.xlsx")]
    assert again.loaded is None and again.written == [] and again.findings.height == 0
    assert not (tmp_path / "out2").exists()
    assert again.reports == first.reports


def test_load_and_rebuild_return_their_summary_and_findings(raw: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    loaded = pipeline.load(raw, warehouse)
    assert loaded.loaded is not None and len(loaded.loaded.loaded) == 1
    assert pipeline.load(raw, warehouse).skipped == [str(raw / "2025" / "medang-deras.xlsx")]
    rebuilt = pipeline.rebuild(raw, warehouse)
    assert rebuilt.loaded is not None and rebuilt.loaded.rebuilt
    assert rebuilt.loaded.loaded == loaded.loaded.loaded
    assert rebuilt.findings.equals(loaded.findings)


def test_failures_are_lakip_errors(tmp_path: Path) -> None:
    with pytest.raises(LakipError, match="lakip load"):
        pipeline.report(tmp_path / "none.duckdb", tmp_path / "reports")
    with pytest.raises(LakipUsageError, match="do not fit"):
        pipeline.generate(tmp_path, kecamatan=3, inject=500)
    with pytest.raises(LakipUsageError):
        pipeline.validate(SAMPLE_XLSX, out=tmp_path, lang="fr")


def test_every_stage_module_calls_its_api_function() -> None:
    for name in pipeline._STAGES:
        module = getattr(pipeline, name)
        assert module.__name__ == f"pipeline.{name}" and callable(module)
        assert callable(getattr(api, name)), name


@pytest.mark.parametrize(
    "first",
    ["import pipeline", "import pipeline.validate", "from pipeline import validate as checks"],
)
def test_import_is_cheap_and_validate_is_callable_in_any_import_order(first: str) -> None:
    code = (
        f"import sys\n{first}\n"
        "heavy = sorted(m for m in ('polars', 'duckdb', 'pandera') if m in sys.modules)\n"
        "import pipeline\n"
        "from pipeline import validate as checks\n"
        "assert callable(checks.validate) and callable(pipeline.validate)\n"
        "print(heavy, pipeline.validate(sys.argv[1]).submissions.height)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLE_XLSX)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    heavy, height = done.stdout.strip().rsplit(" ", 1)
    assert height == "1"
    if first == "import pipeline":
        assert heavy == "[]"


def test_the_readme_example_runs_as_a_plain_script(raw: Path, tmp_path: Path) -> None:
    """README "From Python", copied verbatim into script.py, run with `python script.py`."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"<!-- from-python:start -->\n```python\n(.*?)```\n<!-- from-python:end -->", readme, re.S
    )
    assert block is not None, "README has no From Python example"
    script = tmp_path / "script.py"
    script.write_text(
        block.group(1)
        + "\nimport json\nprint(json.dumps({'errors': v.error_count, 'run': r.error_count,"
        " 'loaded': r.loaded.loaded, 'written': [str(p) for p in r.written]}))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "script.py"], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert facts["errors"] == facts["run"] > 0
    assert len(facts["loaded"]) == 1
    assert facts["written"] == ["out/findings.csv", "out/findings.json", "out/findings.html"]
    assert (tmp_path / "warehouse" / "lakip.duckdb").is_file()
    assert (tmp_path / "reports" / "2025" / "index.html").is_file()
    assert "Medang Deras" in done.stdout
