"""The CLI end to end with CliRunner: wiring, messages and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from conftest import REPO, SAMPLE_XLSX

from pipeline.cli import cli, help_markdown


@pytest.fixture(scope="module")
def raw_dir(tmp_path_factory) -> Path:
    raw = tmp_path_factory.mktemp("cli") / "raw"
    (raw / "2025").mkdir(parents=True)
    shutil.copy(SAMPLE_XLSX, raw / "2025" / "medang-deras.xlsx")
    return raw


@pytest.fixture(scope="module")
def warehouse(raw_dir: Path) -> Path:
    path = raw_dir.parent / "w.duckdb"
    result = CliRunner().invoke(cli, ["load", "--raw", str(raw_dir), "--warehouse", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_every_command_explains_itself():
    runner = CliRunner()
    top = runner.invoke(cli, ["--help"])
    assert top.exit_code == 0
    for name in cli.list_commands(None):  # type: ignore[arg-type]
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, f"{name} --help has no example"


def test_cli_reference_in_docs_is_current():
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == help_markdown(), (
        "docs/cli.md drifted from --help: run `make docs`"
    )


def test_usage_error_exits_2():
    result = CliRunner().invoke(cli, ["validate", "--raw", "/does/not/exist"])
    assert result.exit_code == 2
    result = CliRunner().invoke(cli, ["validate", "--no-such-option"])
    assert result.exit_code == 2


def test_validate_sample_exits_1_and_writes_findings(raw_dir, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["--quiet", "validate", "--raw", str(raw_dir), "--out", str(out)]
    )
    assert result.exit_code == 1, result.output
    findings = pl.read_csv(out / "findings.csv", infer_schema=False)
    assert findings.height > 12
    # Every finding points at a place a person can find in the workbook.
    assert findings.filter(pl.col("cell").is_null()).height == 0
    assert "program_kegiatan!I5" in findings["cell"].to_list()
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert len(data) == findings.height
    assert (out / "findings.html").exists()
    assert "galat" in result.output


def test_validate_in_english(raw_dir, tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "--lang",
            "en",
            "validate",
            "--raw",
            str(raw_dir),
            "--out",
            str(tmp_path),
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 1
    assert "errors" in result.output
    messages = pl.read_csv(tmp_path / "findings.csv", infer_schema=False)["message"].to_list()
    assert any("written" in m or "printed" in m or "sum" in m for m in messages)


def test_validate_clean_submission_exits_0(make_xlsx, tmp_path):
    from conftest import MINIMAL

    path = make_xlsx("minimal", MINIMAL)
    result = CliRunner().invoke(cli, ["validate", "--raw", str(path), "--out", str(tmp_path)])
    assert result.exit_code in (0, 1)
    findings = pl.read_csv(tmp_path / "findings.csv", infer_schema=False)
    errors = findings.filter(pl.col("severity") == "error")
    assert result.exit_code == (1 if errors.height else 0)


def test_ingest_lists_the_submission(raw_dir):
    result = CliRunner().invoke(cli, ["ingest", "--raw", str(raw_dir)])
    assert result.exit_code == 0, result.output
    assert "Medang Deras" in result.output


def test_rules_lists_every_code():
    from schemas.catalog import RULES

    result = CliRunner().invoke(cli, ["rules", "--format", "json"])
    assert result.exit_code == 0
    codes = {r["code"] for r in json.loads(result.output)}
    assert codes == set(RULES)


def test_load_twice_is_idempotent(raw_dir, warehouse):
    # CI=true makes lakip quiet; this test reads the notes a person sees.
    result = CliRunner(env={"CI": None}).invoke(
        cli, ["load", "--raw", str(raw_dir), "--warehouse", str(warehouse)]
    )
    assert result.exit_code == 0
    assert "0 pengiriman dimuat" in result.output
    # Incremental: the unchanged file is hashed, not read again, and counted as skipped.
    assert "1 berkas tidak berubah" in result.output
    assert "1 dilewati (tidak berubah)" in result.output
    again = CliRunner(env={"CI": None}).invoke(
        cli, ["load", "--all", "--raw", str(raw_dir), "--warehouse", str(warehouse)]
    )
    assert again.exit_code == 0
    assert "tidak dibaca ulang" not in again.output
    assert "0 pengiriman dimuat" in again.output  # read again, still a no-op by sha256


def test_sql_reads_and_formats(warehouse):
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "sql",
            "SELECT kecamatan, tahun FROM submissions",
            "--warehouse",
            str(warehouse),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"kecamatan": "Medang Deras", "tahun": 2025}]
    table = runner.invoke(
        cli, ["sql", "SELECT count(*) AS n FROM findings", "--warehouse", str(warehouse)]
    )
    assert table.exit_code == 0 and "(1 rows)" in table.output


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM findings",
        "DROP VIEW v_capaian_iku",
        "CREATE TABLE x AS SELECT 1",
        "COPY findings TO '/tmp/lakip-leak.csv'",
    ],
)
def test_sql_refuses_writes_with_a_message(warehouse, statement):
    result = CliRunner().invoke(cli, ["sql", statement, "--warehouse", str(warehouse)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "read-only" in result.output or "hanya membaca" in result.output


def test_sql_on_missing_warehouse_is_a_message(tmp_path):
    result = CliRunner().invoke(
        cli, ["sql", "SELECT 1", "--warehouse", str(tmp_path / "no.duckdb")]
    )
    assert result.exit_code == 1
    assert "lakip load" in result.output


def test_export_parquet_partitioned_by_year(warehouse, tmp_path):
    out = tmp_path / "export"
    result = CliRunner().invoke(cli, ["export", "--warehouse", str(warehouse), "--out", str(out)])
    assert result.exit_code == 0, result.output
    files = list((out / "stg_program_kegiatan").glob("tahun_laporan=2025/*.parquet"))
    assert files
    frame = pl.read_parquet(out / "stg_program_kegiatan", hive_partitioning=True)
    assert frame.height == 41
    assert frame["tahun_laporan"].unique().to_list() == [2025]


@pytest.mark.parametrize(("args", "expected"), [([], None), (["-j", "1"], 1), (["--jobs", "3"], 3)])
def test_jobs_sets_the_reading_processes_of_every_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str], expected: int | None
) -> None:
    from pipeline import ingest as stage

    seen: list[int | None] = []
    real = stage.ingest

    def spy(paths, workers=None, **kw):  # type: ignore[no-untyped-def]
        seen.append(workers)
        return real(paths, workers=workers, **kw)

    monkeypatch.setattr(stage, "ingest", spy)
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE_XLSX, raw / "medang-deras.xlsx")
    warehouse = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli, [*args, "ingest", "--raw", str(raw)]).exit_code == 0
    validated = runner.invoke(cli, [*args, "validate", "--raw", str(raw), "--out", str(tmp_path)])
    assert validated.exit_code == 1  # the real report's errors
    loaded = runner.invoke(cli, [*args, "load", "--raw", str(raw), "--warehouse", warehouse])
    assert loaded.exit_code == 0, loaded.output
    rebuilt = runner.invoke(cli, [*args, "rebuild", "--raw", str(raw), "--warehouse", warehouse])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert seen == [expected] * 4


def test_jobs_must_be_positive() -> None:
    result = CliRunner().invoke(cli, ["-j", "0", "ingest"])
    assert result.exit_code == 2 and "0" in result.output
