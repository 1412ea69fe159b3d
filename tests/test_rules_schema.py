"""SCH: the pandera models, run once per table, mapped back to cells."""

from __future__ import annotations

from pathlib import Path

import example
import polars as pl
import pytest

from pipeline.ingest import ingest
from pipeline.validate import Validation, validate
from schemas.contract import TABLES
from schemas.tables import MODELS


def run(tmp_path: Path, data: example.Sheets) -> Validation:
    return validate(ingest([example.write(tmp_path / "raw" / "2025" / "sei-suka", data)]))


def found(result: Validation, prefix: str = "SCH") -> list[tuple[object, ...]]:
    f = result.findings.filter(pl.col("rule").str.starts_with(prefix))
    return f.select("rule", "cell", "expected", "found").rows()


@pytest.mark.parametrize("table", [t.name for t in TABLES])
def test_one_model_per_table_with_the_contract_columns(table: str) -> None:
    contract = next(t for t in TABLES if t.name == table)
    declared = set(MODELS[table].to_schema().columns)
    extra = {"angka"} if contract.key_value else set()
    assert declared == {"submission_id", "sheet", "row", *contract.value_columns, *extra}


def test_value_out_of_range(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "ikm_unsur", 2, "nilai", "4,50")
    assert found(run(tmp_path, data)) == [("SCH001", "ikm_unsur.csv!C2", "1 - 4", "4.5")]


def test_negative_money(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "rencana_belanja", 3, "anggaran", "-300.000")
    assert found(run(tmp_path, data)) == [("SCH001", "rencana_belanja.csv!B3", "≥ 0", "-300000.00")]


def test_required_value_missing(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "capaian_iku", 2, "indikator", "")
    data = example.edit(data, "capaian_iku", 3, "realisasi", "-")
    assert found(run(tmp_path, data)) == [
        ("SCH002", "capaian_iku.csv!C2", None, None),
        ("SCH002", "capaian_iku.csv!F3", None, None),
    ]


def test_a_predikat_alone_is_a_target(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "perjanjian_kinerja", 3, "target", "CC")
    assert found(run(tmp_path, data)) == []


def test_values_not_allowed(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 4, "tingkat", "subkeg")
    data = example.edit(data, "perjanjian_kinerja", 2, "polaritas", "naik")
    data = example.edit(data, "akip_nilai", 2, "predikat", "X")
    assert found(run(tmp_path, data)) == [
        ("SCH003", "perjanjian_kinerja.csv!F2", "positif | negatif", "naik"),
        ("SCH003", "program_kegiatan.csv!A4", "program | kegiatan | sub_kegiatan", "subkeg"),
        ("SCH003", "akip_nilai.csv!C2", "AA | A | BB | B | CC | C | D", "X"),
    ]


def test_code_format(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 2, "kode", "7.1.1")
    assert found(run(tmp_path, data)) == [
        ("SCH004", "program_kegiatan.csv!B2", "U.BB.PP(.K.KK(.SSSS))", "7.1.1")
    ]
    older = example.edit(example.sheets(), "program_kegiatan", 4, "kode", "7.01.01.2.01.01")
    assert found(run(tmp_path / "older", older)) == []


def test_unreadable_cell_is_blamed_once(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "anggaran_program", 2, "anggaran", "sejuta")
    result = run(tmp_path, data)
    assert found(result) == []
    assert found(result, "ING007") == [("ING007", "anggaran_program.csv!C2", None, "sejuta")]
