"""KEM: progress towards the end-of-Renstra target."""

from __future__ import annotations

from pathlib import Path

import example
import polars as pl

from pipeline.ingest import ingest
from pipeline.validate import Validation, validate
from schemas.catalog import detail_text


def run(tmp_path: Path, data: example.Sheets) -> Validation:
    return validate(ingest([example.write(tmp_path / "raw" / "2025" / "sei-suka", data)]))


def test_tingkat_kemajuan_recomputed(tmp_path: Path) -> None:
    result = run(tmp_path, example.sheets())
    assert result.findings.height == 0
    hitung = result.tables["kemajuan_renstra"].get_column("tingkat_kemajuan_hitung")
    assert [round(v, 2) for v in hitung] == [94.44, 96.0]


def test_tingkat_kemajuan_wrong(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "kemajuan_renstra", 2, "tingkat_kemajuan", "95,00")
    result = run(tmp_path, data)
    assert result.findings.select("rule", "cell", "expected", "found").rows() == [
        ("KEM001", "kemajuan_renstra.csv!E2", "94.44", "95.00")
    ]
    detail = detail_text(result.findings.row(0, named=True)["detail"], "id")
    assert "Tingkat Kemajuan = Realisasi / Target Akhir × 100" in (detail or "")


def test_whole_number_at_its_printed_precision(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "kemajuan_renstra", 2, "tingkat_kemajuan", "94")
    assert run(tmp_path, data).findings.filter(pl.col("rule") == "KEM001").height == 0
