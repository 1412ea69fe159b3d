"""Every command with a bad input ends in a message and an exit code, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLE_XLSX

from pipeline import api
from pipeline.cli import cli


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """raw/ with the sample, a file that is no DuckDB warehouse, and a plain file."""
    root = tmp_path_factory.mktemp("bad")
    (root / "raw").mkdir()
    shutil.copy(SAMPLE_XLSX, root / "raw" / "medang-deras.xlsx")
    (root / "junk.duckdb").write_bytes(b"this is not a DuckDB database\n" * 200)
    (root / "file.txt").write_text("a file, not a folder\n", encoding="utf-8")
    return root


def _invoke(place: Path, args: list[str]) -> Result:
    filled = [a.format(root=place) for a in args]
    return CliRunner().invoke(cli, ["--quiet", *filled])


def _clean_failure(result: Result, code: int) -> None:
    """Click exited with ``code`` and a message: no exception escaped the command."""
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert "Error: " in result.output


MISSING = "{root}/does-not-exist"
JUNK = "{root}/junk.duckdb"


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        # missing folder or file: a usage error
        (["ingest", "--raw", MISSING], 2, "does not exist"),
        (["validate", "--raw", MISSING], 2, "does not exist"),
        (["load", "--raw", MISSING], 2, "does not exist"),
        (["run", "--raw", MISSING], 2, "does not exist"),
        (["rebuild", "--raw", MISSING], 2, "does not exist"),
        (["report", "--warehouse", f"{MISSING}.duckdb"], 1, "lakip load"),
        (["sql", "SELECT 1", "--warehouse", f"{MISSING}.duckdb"], 1, "lakip load"),
        (["export", "--warehouse", f"{MISSING}.duckdb", "--out", "{root}/x"], 1, "lakip load"),
        # a warehouse that is not a DuckDB file
        (["load", "--raw", "{root}/raw", "--warehouse", JUNK], 1, "not a valid DuckDB"),
        (["run", "--raw", "{root}/raw", "--warehouse", JUNK, "--out", "{root}/o"], 1, "DuckDB"),
        # (rebuild on a damaged file replaces it: tests/test_warehouse_faults.py)
        (["report", "--warehouse", JUNK, "--reports", "{root}/r"], 1, "not a valid DuckDB"),
        (["sql", "SELECT 1", "--warehouse", JUNK], 1, "not a valid DuckDB"),
        (["export", "--warehouse", JUNK, "--out", "{root}/x"], 1, "not a valid DuckDB"),
        # an output folder that cannot be made
        (["validate", "--raw", "{root}/raw", "--out", "{root}/file.txt/out"], 1, "directory"),
        # bad option values
        (["rules", "--format", "xml"], 2, "xml"),
        (["validate", "--raw", "{root}/raw", "--format", "pdf"], 2, "pdf"),
        (["report", "--tahun", "dua ribu"], 2, "dua ribu"),
        (["generate", "--kecamatan", "0"], 2, "--kecamatan"),
        (["generate", "--inject", "-1"], 2, "--inject"),
        (["generate", "--format", "ods"], 2, "ods"),
        (["export", "--format", "xls"], 2, "xls"),
        (["sql"], 2, "STATEMENT"),
        # arguments only the library can refuse
        (["generate", "--kecamatan", "3", "--inject", "500", "--out", "{root}/g"], 2, "fit"),
    ],
)
def test_bad_input_is_a_message_and_an_exit_code(
    place: Path, args: list[str], code: int, says: str
) -> None:
    result = _invoke(place, args)
    _clean_failure(result, code)
    assert says in result.output


def test_a_refused_generate_shows_the_usage_and_writes_nothing(place: Path) -> None:
    result = _invoke(
        place, ["generate", "--kecamatan", "3", "--inject", "500", "--out", "{root}/g"]
    )
    assert "generate [OPTIONS]" in result.output  # the usage line, as for a bad option
    assert "500 injections do not fit in 3 submissions" in result.output
    assert not (place / "g" / "sintetis" / "2025" / "ground_truth.csv").exists()


def test_an_unexpected_error_is_one_line_and_debug_shows_it(
    place: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a lakip bug")

    monkeypatch.setattr(api, "ingest", broken)
    result = _invoke(place, ["ingest", "--raw", "{root}/raw"])
    _clean_failure(result, 1)
    assert "ValueError: a lakip bug" in result.output and "--debug" in result.output
    debug = CliRunner().invoke(cli, ["--debug", "ingest", "--raw", str(place / "raw")])
    assert isinstance(debug.exception, ValueError)
