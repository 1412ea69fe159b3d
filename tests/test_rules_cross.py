"""XTB: figures printed in several tables of one report agree."""

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


def roots(result: Validation) -> dict[str, str | None]:
    ids = {r["finding_id"]: f"{r['rule']} {r['cell']}" for r in result.findings.rows(named=True)}
    return {
        f"{r['rule']} {r['cell']}": ids.get(r["root"]) for r in result.findings.rows(named=True)
    }


def test_iku_target_differs_from_pk(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "capaian_iku", 2, "target", "86,00")
    assert found(run(tmp_path, data), "XTB") == [("XTB001", "capaian_iku.csv!E2", "85.00", "86.00")]


def test_pk_target_differs_from_both_copies(tmp_path: Path) -> None:
    # capaian_iku and the trend table agree on 85,00: the PK is the odd one out
    data = example.edit(example.sheets(), "perjanjian_kinerja", 2, "target", "84,00")
    result = run(tmp_path, data)
    assert found(result, "XTB") == [
        ("XTB001", "perjanjian_kinerja.csv!E2", "85.00", "84.00"),
        ("XTB002", "tren_iku.csv!D3", "84.00", "85.00"),
    ]
    assert roots(result)["XTB002 tren_iku.csv!D3"] == "XTB001 perjanjian_kinerja.csv!E2"


def test_predikat_differs_from_pk(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "capaian_iku", 3, "target", "70,00 ( BB )")
    assert ("XTB001", "capaian_iku.csv!E3", "70.00 (B)", "70.00 (BB)") in found(run(tmp_path, data))


def test_trend_target_of_the_report_year_differs_from_pk(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "tren_iku", 3, "target", "86,00")
    assert found(run(tmp_path, data), "XTB") == [("XTB002", "tren_iku.csv!D3", "85.00", "86.00")]


def test_trend_realisasi_differs_from_iku(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "tren_iku", 3, "realisasi", "84,00")
    assert found(run(tmp_path, data), "XTB") == [("XTB003", "tren_iku.csv!E3", "85.00", "84.00")]


def test_a_predikat_alone_matches_its_score(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "tren_iku", 5, "realisasi", "BB")
    assert found(run(tmp_path, data), "XTB") == []


def test_other_years_of_the_trend_are_not_the_iku_table(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "tren_iku", 2, "target", "81,00")
    data = example.edit(data, "tren_iku", 2, "capaian", "97,53 %")
    assert found(run(tmp_path, data)) == []


def test_outcome_indicator_on_a_program_row(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 2, "target_kinerja", "71,00")
    result = run(tmp_path, data)
    assert found(result, "XTB") == [("XTB004", "program_kegiatan.csv!F2", "70.00 (B)", "71.00")]
    detail = result.findings.filter(pl.col("rule") == "XTB004").row(0, named=True)["detail"]
    said = detail_text(detail, "id") or ""
    assert "indikator PK 'Nilai Evaluasi AKIP' dicocokkan menurut kata-kata namanya" in said


def test_pk_program_budget_is_the_root_of_the_pk_total(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "anggaran_program", 3, "anggaran", "550.000,00")
    result = run(tmp_path, data)
    assert found(result) == [
        ("XTB005", "anggaran_program.csv!C3", "500000.00", "550000.00"),
        ("TOT001", "anggaran_program.csv!C4", "1550000.00", "1500000.00"),
        ("XTB006", "anggaran_program.csv!C2:C3", "1500000.00", "1550000.00"),
    ]
    assert roots(result) == {
        "XTB005 anggaran_program.csv!C3": None,
        "TOT001 anggaran_program.csv!C4": "XTB005 anggaran_program.csv!C3",
        "XTB006 anggaran_program.csv!C2:C3": "XTB005 anggaran_program.csv!C3",
    }


def test_programs_matched_by_order_when_names_differ(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "anggaran_program", 3, "program", "Program Lain-lain")
    assert found(run(tmp_path / "same", data)) == []
    data = example.edit(data, "anggaran_program", 3, "anggaran", "450.000,00")
    data = example.edit(data, "anggaran_program", 4, "anggaran", "1.450.000,00")
    result = run(tmp_path / "differs", data)
    xtb = result.findings.filter(pl.col("rule") == "XTB005").row(0, named=True)
    assert (xtb["cell"], xtb["expected"], xtb["found"]) == (
        "anggaran_program.csv!C3",
        "500000.00",
        "450000.00",
    )
    assert "urutan" in (detail_text(xtb["detail"], "id") or "")
    assert "by order" in (detail_text(xtb["detail"], "en") or "")


def test_program_missing_from_the_pk(tmp_path: Path) -> None:
    data = example.sheets()
    del data["anggaran_program"][2]
    data = example.edit(data, "anggaran_program", 3, "anggaran", "1.000.000,00")
    result = run(tmp_path, data)
    assert found(result, "XTB005") == [("XTB005", "program_kegiatan.csv!G8", "-", "500000.00")]
    assert roots(result)["XTB006 anggaran_program.csv!C2"] == "XTB005 program_kegiatan.csv!G8"


def test_rencana_belanja_row_is_the_odd_one_out(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "rencana_belanja", 3, "anggaran", "RP 310.000,00")
    result = run(tmp_path, data)
    assert found(result) == [
        ("TOT001", "rencana_belanja.csv!B4", "1510000.00", "1500000.00"),
        ("XTB006", "rencana_belanja.csv!B2:B3", "1500000.00", "1510000.00"),
    ]
    assert roots(result)["TOT001 rencana_belanja.csv!B4"] == "XTB006 rencana_belanja.csv!B2:B3"


def test_realisasi_blamed_on_the_side_its_own_total_disowns(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "realisasi_belanja", 2, "realisasi", "RP 1.090.000")
    result = run(tmp_path, data)
    assert found(result, "XTB") == [
        ("XTB007", "realisasi_belanja.csv!C2:C3", "1350000.00", "1360000.00")
    ]
    assert roots(result)["TOT001 realisasi_belanja.csv!C4"] == "XTB007 realisasi_belanja.csv!C2:C3"


def test_kemajuan_realisasi_differs_from_iku(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "kemajuan_renstra", 2, "realisasi", "84,00")
    assert found(run(tmp_path, data), "XTB") == [
        ("XTB008", "kemajuan_renstra.csv!B2", "85.00", "84.00")
    ]


def test_survey_ikm_differs_from_iku_realisasi(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "ikm_survei", 5, "nilai", "84,00")
    assert found(run(tmp_path, data), "XTB") == [("XTB009", "capaian_iku.csv!F2", "84.00", "85.00")]


def test_akip_realisasi_differs_from_akip_score(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "tren_iku", 5, "realisasi", "BB (71,00)")
    assert found(run(tmp_path, data), "XTB010") == [("XTB010", "tren_iku.csv!E5", "72.00", "71.00")]


def test_efficiency_capaian_differs_from_iku(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "efisiensi_sasaran", 2, "persen_capaian", "99%")
    assert found(run(tmp_path, data), "XTB") == [
        ("XTB011", "efisiensi_sasaran.csv!C2", "100.00", "99.00")
    ]


def test_efficiency_absorption_differs_from_its_program(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "efisiensi_sasaran", 3, "persen_penyerapan", "95,00")
    result = run(tmp_path, data)
    assert found(result, "XTB") == [("XTB012", "efisiensi_sasaran.csv!D3", "90.00", "95.00")]
    assert result.findings.filter(pl.col("rule") == "XTB012").row(0, named=True)["severity"] == (
        "warning"
    )
