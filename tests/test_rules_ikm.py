"""IKM: unsur count, the index from its unsur, respondents, quality grade."""

from __future__ import annotations

from pathlib import Path

import example
import polars as pl

from pipeline.ingest import ingest
from pipeline.validate import ValidateConfig, Validation, validate


def run(tmp_path: Path, data: example.Sheets, config: ValidateConfig | None = None) -> Validation:
    path = example.write(tmp_path / "raw" / "2025" / "sei-suka", data)
    return validate(ingest([path]), config)


def found(result: Validation, prefix: str = "") -> list[tuple[object, ...]]:
    f = result.findings.filter(pl.col("rule").str.starts_with(prefix))
    return f.select("rule", "severity", "cell", "expected", "found").rows()


def test_not_nine_unsur(tmp_path: Path) -> None:
    data = example.sheets()
    data["ikm_unsur"].pop()
    assert found(run(tmp_path, data)) == [("IKM001", "error", "ikm_unsur.csv", "9", "8")]


def test_small_gap_to_the_unsur_mean_is_a_warning(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "ikm_survei", 5, "nilai", "84,50")
    result = run(tmp_path, data)
    assert found(result, "IKM") == [("IKM002", "warning", "ikm_survei.csv!B5", "85.00", "84.50")]
    tight = run(tmp_path / "tight", data, ValidateConfig(ikm_warning_band=0.2))
    assert found(tight, "IKM") == [("IKM002", "error", "ikm_survei.csv!B5", "85.00", "84.50")]


def test_large_gap_is_an_error(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "ikm_survei", 5, "nilai", "80,00")
    assert found(run(tmp_path, data), "IKM") == [
        ("IKM002", "error", "ikm_survei.csv!B5", "85.00", "80.00")
    ]


def test_respondents_do_not_add_up(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "ikm_survei", 3, "nilai", "80")
    assert found(run(tmp_path, data)) == [("IKM003", "error", "ikm_survei.csv!B2", "90", "100")]


def test_dash_for_nobody_unsatisfied(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "ikm_survei", 3, "nilai", "100")
    data = example.edit(data, "ikm_survei", 4, "nilai", "-")
    assert found(run(tmp_path, data)) == []


def test_quality_grade(tmp_path: Path) -> None:
    for grade, expected in (
        ("B (Baik)", []),
        ("A", [("IKM004", "error", "ikm_survei.csv!B6", "B", "A")]),
    ):
        data = example.sheets()
        data["ikm_survei"].append(["mutu", grade])
        assert found(run(tmp_path / grade[0], data)) == expected


def test_recomputed_index_rides_along(tmp_path: Path) -> None:
    survei = run(tmp_path, example.sheets()).tables["ikm_survei"]
    row = survei.filter(pl.col("kolom") == "nilai_ikm").row(0, named=True)
    assert round(row["nilai_hitung"], 2) == 85.0
