"""TOT: declared totals against their rows, on the smallest consistent submission."""

from __future__ import annotations

from pathlib import Path

import example
import polars as pl

from pipeline.ingest import ingest
from pipeline.validate import Validation, validate


def run(tmp_path: Path, data: example.Sheets) -> Validation:
    return validate(ingest([example.write(tmp_path / "raw" / "2025" / "sei-suka", data)]))


def found(result: Validation, prefix: str = "") -> list[tuple[object, ...]]:
    f = result.findings.filter(pl.col("rule").str.starts_with(prefix))
    return f.select("rule", "cell", "expected", "found").rows()


def test_consistent_submission_raises_nothing(tmp_path: Path) -> None:
    result = run(tmp_path, example.sheets())
    assert result.findings.height == 0
    assert result.error_count == 0 and result.warning_count == 0


def test_declared_total_differs_from_rows(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "anggaran_program", 4, "anggaran", "1.600.000,00")
    assert found(run(tmp_path, data)) == [
        ("TOT001", "anggaran_program.csv!C4", "1500000.00", "1600000.00")
    ]


def test_total_cell_empty(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "rencana_belanja", 4, "anggaran", "")
    assert found(run(tmp_path, data)) == [("TOT002", "rencana_belanja.csv!B4", "1500000.00", None)]


def test_total_row_missing(tmp_path: Path) -> None:
    data = example.sheets()
    data["realisasi_belanja"].pop()  # the TOTAL row
    result = run(tmp_path, data)
    assert sorted(found(result)) == [
        ("TOT002", "realisasi_belanja.csv", "1350000.00", None),
        ("TOT002", "realisasi_belanja.csv", "1500000.00", None),
    ]


def test_total_percentage(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "realisasi_belanja", 4, "persen", "91,00 %")
    assert found(run(tmp_path, data)) == [("TOT003", "realisasi_belanja.csv!D4", "90.00", "91.00")]


def test_total_percentage_follows_a_wrong_total_on_its_row(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 11, "pagu", "1.400.000")
    result = run(tmp_path, data)
    assert found(result) == [
        ("TOT001", "program_kegiatan.csv!G11", "1500000.00", "1400000.00"),
        ("TOT003", "program_kegiatan.csv!K11", "96.43", "90.00"),
    ]
    tot001, tot003 = result.findings.rows(named=True)
    assert tot003["root"] == tot001["finding_id"]


def test_sdm_total_per_kategori(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "sdm", 4, "jumlah", "11")
    assert found(run(tmp_path, data)) == [("TOT001", "sdm.csv!C4", "10", "11")]


def test_totals_get_recomputed_columns(tmp_path: Path) -> None:
    result = run(tmp_path, example.sheets())
    total = result.totals["realisasi_belanja"].row(0, named=True)
    assert str(total["realisasi_hitung"]) == "1350000.00"
    assert total["persen_hitung"] == 90.0
    assert result.totals["realisasi_belanja"].schema["anggaran_hitung"] == pl.Decimal(18, 2)
