"""EFI: efficiency against the formula each table implies (warnings)."""

from __future__ import annotations

from pathlib import Path

import example
import polars as pl

from pipeline.ingest import ingest
from pipeline.validate import Validation, validate
from schemas.catalog import detail_text


def run(tmp_path: Path, data: example.Sheets) -> Validation:
    return validate(ingest([example.write(tmp_path / "raw" / "2025" / "sei-suka", data)]))


def found(result: Validation) -> list[tuple[object, ...]]:
    return result.findings.select("rule", "severity", "cell", "expected", "found").rows()


def test_program_efficiency_truncated_or_rounded_is_fine(tmp_path: Path) -> None:
    # 350.000 / 400.000 = 87,5 % -> 0,875: 0,87 (truncated) and 0,88 (rounded) both fit
    for printed in ("0,87", "0,88"):
        data = example.edit(example.sheets(), "program_kegiatan", 4, "tingkat_efisiensi", printed)
        assert found(run(tmp_path / printed, data)) == []


def test_program_efficiency_off_formula(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 4, "tingkat_efisiensi", "0,80")
    result = run(tmp_path, data)
    assert found(result) == [("EFI001", "warning", "program_kegiatan.csv!L4", "0.88", "0.80")]
    assert result.error_count == 0
    hitung = result.tables["program_kegiatan"].get_column("tingkat_efisiensi_hitung")
    assert round(hitung[2], 4) == 0.875


def test_sasaran_efficiency_either_sign(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "efisiensi_sasaran", 2, "tingkat_efisiensi", "-10,00")
    assert found(run(tmp_path, data)) == []


def test_sasaran_efficiency_fits_no_formula(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "efisiensi_sasaran", 2, "tingkat_efisiensi", "5,00")
    result = run(tmp_path, data)
    assert found(result) == [("EFI002", "warning", "efisiensi_sasaran.csv!E2", "10.00", "5.00")]
    detail = detail_text(result.findings.row(0, named=True)["detail"], "id")
    assert "selisih % Capaian Kinerja dan % Penyerapan Anggaran: 100.00 - 90.00" in (detail or "")
    assert result.findings.filter(pl.col("severity") == "error").height == 0
