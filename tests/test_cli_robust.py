"""Gates and `lakip sql` answers that must not mislead: empty input, statements, paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_XLSX

from pipeline.cli import cli


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sqlrobust")
    (root / "raw" / "2025").mkdir(parents=True)
    shutil.copy(SAMPLE_XLSX, root / "raw" / "2025" / "medang-deras.xlsx")
    path = root / "gudang" / "w.duckdb"
    result = CliRunner().invoke(
        cli, ["-q", "-j", "1", "load", "--raw", str(root / "raw"), "--warehouse", str(path)]
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("command", ["validate", "load", "run"])
def test_empty_folder_exits_1_naming_it(command: str, tmp_path: Path):
    empty = tmp_path / "kosong"
    (empty / "2025").mkdir(parents=True)
    args = ["-q", command, "--raw", str(empty)]
    if command in ("load", "run"):
        args += ["--warehouse", str(tmp_path / "w.duckdb")]
    if command in ("validate", "run"):
        args += ["--out", str(tmp_path / "out")]
    if command == "run":
        args += ["--reports", str(tmp_path / "rep")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert str(empty) in result.output
    assert "<tahun>/<kecamatan>.xlsx" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "w.duckdb").exists()


def _sql(warehouse: Path, statement: str, *extra: str):
    return CliRunner().invoke(cli, ["sql", statement, "--warehouse", str(warehouse), *extra])


def test_sql_refuses_several_statements(warehouse: Path):
    result = _sql(warehouse, "SELECT 1 AS satu; SELECT 2 AS dua")
    assert result.exit_code == 1
    assert "satu pernyataan" in result.output and "2" in result.output
    assert _sql(warehouse, "SELECT 1 AS satu;").exit_code == 0


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM glob('/etc/*')",
        "COPY submissions TO '/tmp/lakip-leak.csv'",
        "ATTACH '/tmp/lakip-other.duckdb'",
    ],
)
def test_sql_file_access_refused_for_the_right_reason(warehouse: Path, statement: str):
    result = _sql(warehouse, statement)
    assert result.exit_code == 1
    assert "read_csv" in result.output and "berkas lain" in result.output
    assert "mengubah gudang data" not in result.output
    assert not Path("/tmp/lakip-leak.csv").exists()


def test_sql_write_refused_as_write(warehouse: Path):
    result = _sql(warehouse, "DELETE FROM submissions")
    assert result.exit_code == 1
    assert "mengubah gudang data" in result.output


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_sql_does_not_print_server_paths(warehouse: Path, fmt: str):
    for statement in (
        "PRAGMA database_list",
        "SELECT * FROM duckdb_databases()",
        "SELECT current_setting('temp_directory') AS t",
    ):
        result = _sql(warehouse, statement, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert str(warehouse.parent) not in result.output, statement
    assert "w.duckdb" in _sql(warehouse, "PRAGMA database_list", "--format", "csv").output


def test_generate_writes_outside_raw_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw" / "2025").mkdir(parents=True)
    result = CliRunner().invoke(cli, ["generate", "--kecamatan", "1"])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "raw").rglob("*.xlsx")) == []
    assert len(list((tmp_path / "sintetis" / "2025").glob("*.xlsx"))) == 1
