"""Findings people can sort through: `validate --kecamatan`, findings.* in kecamatan, tahun,
sheet and cell order, Kecamatan/Tahun in the console list, and findings.xlsx."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.generate import generate


@pytest.fixture(scope="module")
def kabupaten(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four generated kecamatan with errors in every one of them."""
    root = tmp_path_factory.mktemp("sorting")
    generate(root, 4, seed=21, inject=16)
    return root / "sintetis" / "2025"


def run_validate(raw: Path, out: Path, *extra: str) -> tuple[int, str, pl.DataFrame]:
    result = CliRunner().invoke(
        cli,
        ["validate", "--raw", str(raw), "--out", str(out), *extra],
        terminal_width=200,
        env={"CI": None},  # CI is quiet: this test reads the console list
    )
    frame = pl.read_csv(out / "findings.csv", infer_schema=False)
    return result.exit_code, result.output, frame


def test_findings_are_sorted_by_kecamatan_tahun_sheet_and_cell(
    kabupaten: Path, tmp_path: Path
) -> None:
    code, output, frame = run_validate(kabupaten, tmp_path)
    assert code == 1
    assert frame["kecamatan"].n_unique() == 4
    keys = frame.select(
        "kecamatan",
        pl.col("tahun").cast(pl.Int64),
        pl.col("sheet").str.to_lowercase(),
        pl.col("row").cast(pl.Int64),
        "cell",
    )
    assert keys.rows() == sorted(keys.rows(), key=lambda r: tuple((v is not None, v) for v in r))
    # the console list names the kecamatan and year of each finding when a run holds several
    listing = output.split("┏")[-1].splitlines()[1]  # the header of the findings list
    assert "Kecamatan" in listing and "Tahun" in listing and "Aturan" in listing


def test_validate_one_kecamatan_keeps_its_findings_of_the_full_run(
    kabupaten: Path, tmp_path: Path
) -> None:
    _, _, every = run_validate(kabupaten, tmp_path / "all")
    code, _, only = run_validate(kabupaten, tmp_path / "one", "--kecamatan", "12.19.02")
    assert set(only["kecamatan"].to_list()) == {"Sei Suka"}
    expected = every.filter(pl.col("kecamatan") == "Sei Suka")
    assert only["finding_id"].to_list() == expected["finding_id"].to_list()
    assert code == (1 if (expected["severity"] == "error").any() else 0)
    by_name = CliRunner().invoke(
        cli, ["validate", "--raw", str(kabupaten), "--out", str(tmp_path / "n"),
              "--kecamatan", "sei suka", "--kecamatan", "Medang-Deras"],
    )  # fmt: skip
    names = set(pl.read_csv(tmp_path / "n" / "findings.csv")["kecamatan"].to_list())
    assert names == {"Sei Suka", "Medang Deras"}, by_name.output
    unknown = CliRunner().invoke(
        cli, ["validate", "--raw", str(kabupaten), "--out", str(tmp_path / "x"),
              "--kecamatan", "Atlantis"],
    )  # fmt: skip
    assert unknown.exit_code == 1 and "Atlantis" in unknown.output


def test_single_submission_console_has_no_kecamatan_column(tmp_path: Path) -> None:
    made = generate(tmp_path / "gen", 1, seed=21, inject=3)
    result = CliRunner().invoke(
        cli, ["validate", "--raw", str(made.paths[0]), "--out", str(tmp_path / "o")],
        terminal_width=200, env={"CI": None},  # CI is quiet: this test reads the console list
    )  # fmt: skip
    listing = result.output.split("┏")[-1].splitlines()[1]  # the findings list's header
    assert "Aturan" in listing and "Kecamatan" not in listing


def test_findings_xlsx_has_real_numbers_and_filters(kabupaten: Path, tmp_path: Path) -> None:
    _, _, frame = run_validate(kabupaten, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "findings.xlsx")
    sheet = book["Temuan"]
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    assert sheet.freeze_panes == "A2"
    heads = [c.value for c in sheet[1]]
    assert heads[:4] == ["Kecamatan", "Tahun", "Aturan", "Tingkat"]
    assert sheet.max_row - 1 == frame.height
    expected_col = heads.index("Seharusnya") + 1
    table_col = heads.index("Tabel") + 1
    numbers = [
        (sheet.cell(row=r, column=expected_col), sheet.cell(row=r, column=table_col).value)
        for r in range(2, sheet.max_row + 1)
        if isinstance(sheet.cell(row=r, column=expected_col).value, float)
    ]
    assert numbers, "expected figures are written as numbers"
    money = [c for c, table in numbers if c.number_format == "#,##0.00"]
    assert money and all(isinstance(c.value, float) for c in money)
    assert [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)] == frame[
        "kecamatan"
    ].to_list()
