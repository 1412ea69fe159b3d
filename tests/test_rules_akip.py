"""AKP: AKIP components, weights, predikat and the form of each year."""

from __future__ import annotations

from pathlib import Path

import example
import polars as pl

from pipeline.ingest import ingest
from pipeline.validate import Validation, validate
from schemas.catalog import detail_text


def run(tmp_path: Path, data: example.Sheets) -> Validation:
    return validate(ingest([example.write(tmp_path / "raw" / "2025" / "sei-suka", data)]))


def found(result: Validation, prefix: str = "") -> list[tuple[object, ...]]:
    f = result.findings.filter(pl.col("rule").str.starts_with(prefix))
    return f.select("rule", "cell", "expected", "found").rows()


def with_2021(data: example.Sheets, evaluasi: str = "8,00", total: str = "70,00") -> example.Sheets:
    """The pre-2022 five-component form, without printed weights."""
    data["akip_komponen"] += [
        ["2021", "Perencanaan Kinerja", "", "25,00"],
        ["2021", "Pengukuran Kinerja", "", "15,00"],
        ["2021", "Pelaporan Kinerja", "", "10,00"],
        ["2021", "Evaluasi Internal", "", evaluasi],
        ["2021", "Pencapaian Sasaran/Kinerja", "", "12,00"],
    ]
    data["akip_nilai"].append(["2021", total, ""])
    return data


def test_old_five_component_form_before_2022(tmp_path: Path) -> None:
    result = run(tmp_path, with_2021(example.sheets()))
    assert found(result) == []
    nilai = result.tables["akip_nilai"].filter(pl.col("tahun") == 2021).row(0, named=True)
    assert nilai["nilai_hitung"] == 70.0 and nilai["predikat_hitung"] == "B"


def test_total_differs_from_components_is_the_root_of_the_realisasi_copies(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "akip_nilai", 2, "nilai", "73,00")
    result = run(tmp_path, data)
    assert found(result) == [
        ("XTB010", "capaian_iku.csv!F3", "73.00", "72.00"),
        ("XTB010", "tren_iku.csv!E5", "73.00", "72.00"),
        ("AKP001", "akip_nilai.csv!B2", "72.00", "73.00"),
    ]
    akp = result.findings.filter(pl.col("rule") == "AKP001").row(0, named=True)
    assert result.findings.filter(pl.col("root") == akp["finding_id"]).height == 2


def test_one_unit_in_the_total_is_rounding(tmp_path: Path) -> None:
    data = with_2021(example.sheets(), total="70,01")
    assert found(run(tmp_path, data)) == []


def test_component_above_its_printed_weight(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "akip_komponen", 2, "nilai", "31,00")
    assert found(run(tmp_path, data), "AKP002") == [
        ("AKP002", "akip_komponen.csv!D2", "30.00", "31.00")
    ]


def test_component_above_its_standard_weight(tmp_path: Path) -> None:
    # 12/2015: Evaluasi internal weighs 10 before 2022
    data = with_2021(example.sheets(), evaluasi="12,00", total="74,00")
    assert found(run(tmp_path, data)) == [("AKP002", "akip_komponen.csv!D9", "10.00", "12.00")]


def test_predikat_of_the_declared_score(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "akip_nilai", 2, "predikat", "A")
    assert found(run(tmp_path, data)) == [("AKP003", "akip_nilai.csv!C2", "BB", "A")]


def test_predikat_typed_beside_a_score(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "kemajuan_renstra", 3, "target_akhir", "A (75,00)")
    assert found(run(tmp_path, data)) == [("AKP003", "kemajuan_renstra.csv!C3", "BB", "A")]


def test_boundary_belongs_to_the_lower_band(tmp_path: Path) -> None:
    # '>60-70 B': 70,00 is B, as the PK of the example says
    data = example.edit(example.sheets(), "perjanjian_kinerja", 3, "target", "70,00 ( BB )")
    assert ("AKP003", "perjanjian_kinerja.csv!E3", "B", "BB") in found(run(tmp_path, data))


def test_fifth_component_after_2022(tmp_path: Path) -> None:
    data = example.sheets()
    data["akip_komponen"].append(["2025", "Pencapaian Sasaran/Kinerja", "", "0,00"])
    result = run(tmp_path, data)
    assert found(result) == [
        (
            "AKP004",
            "akip_komponen.csv!B6",
            "88/2021: perencanaan kinerja, pengukuran kinerja, pelaporan kinerja,"
            " evaluasi akuntabilitas kinerja internal",
            "Pencapaian Sasaran/Kinerja",
        )
    ]


def test_a_dash_component_is_no_component(tmp_path: Path) -> None:
    data = example.sheets()
    data["akip_komponen"].append(["2025", "Pencapaian Sasaran/Kinerja", "", "-"])
    assert found(run(tmp_path, data)) == []


def test_missing_component(tmp_path: Path) -> None:
    data = example.sheets()
    del data["akip_komponen"][3]  # Pelaporan Kinerja 2025
    result = run(tmp_path, data)
    gaps = result.findings.filter(pl.col("rule") == "AKP004")
    assert gaps.select("cell", "label").rows() == [("akip_komponen.csv", "AKIP 2025")]
    assert "pelaporan kinerja" in (detail_text(gaps.row(0, named=True)["detail"], "id") or "")
