"""SER: budget absorption and over-spending."""

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


def test_program_kegiatan_persen_anggaran(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 4, "persen_anggaran", "92,00")
    assert found(run(tmp_path, data)) == [("SER001", "program_kegiatan.csv!K4", "87.50", "92.00")]


def test_realisasi_belanja_persen(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "realisasi_belanja", 2, "persen", "91,00 %")
    assert found(run(tmp_path, data)) == [("SER002", "realisasi_belanja.csv!D2", "90.00", "91.00")]


def test_over_spend_on_a_sub_kegiatan(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 5, "realisasi_anggaran", "210.000")
    assert found(run(tmp_path, data), "SER") == [
        ("SER001", "program_kegiatan.csv!K5", "105.00", "100.00"),
        ("SER003", "program_kegiatan.csv!I5", "200000.00", "210000.00"),
    ]


def test_over_spend_on_a_belanja_row(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "realisasi_belanja", 3, "realisasi", "RP 310.000")
    assert ("SER003", "realisasi_belanja.csv!C3", "300000.00", "310000.00") in found(
        run(tmp_path, data), "SER"
    )


def test_english_style_and_whole_percentages_are_read_as_printed(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 3, "persen_anggaran", "91.67")
    data = example.edit(data, "program_kegiatan", 2, "persen_anggaran", "90")
    assert run(tmp_path, data).findings.height == 0
