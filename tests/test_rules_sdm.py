"""SDM: staff percentages per kategori."""

from __future__ import annotations

from pathlib import Path

import example

from pipeline.ingest import ingest
from pipeline.validate import Validation, validate


def run(tmp_path: Path, data: example.Sheets) -> Validation:
    return validate(ingest([example.write(tmp_path / "raw" / "2025" / "sei-suka", data)]))


def test_percentage_of_its_kategori(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "sdm", 2, "persen", "59,00")
    assert run(tmp_path, data).findings.select("rule", "cell", "expected", "found").rows() == [
        ("SDM001", "sdm.csv!D2", "60.00", "59.00")
    ]


def test_fewer_decimals_and_empty_rows(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "sdm", 2, "persen", "60")
    data["sdm"][1:3] = [
        ["jenis_kelamin", "Laki-laki", "6", "60"],
        ["jenis_kelamin", "Perempuan", "4", "40,00"],
    ]
    data["sdm"].insert(3, ["jenis_kelamin", "Lainnya", "-", "-"])
    result = run(tmp_path, data)
    assert result.findings.height == 0
    assert result.tables["sdm"].get_column("persen_hitung").to_list()[:2] == [60.0, 40.0]
