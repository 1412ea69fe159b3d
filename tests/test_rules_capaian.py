"""CAP: printed capaian against realisasi / target, polarity and rounding."""

from __future__ import annotations

from pathlib import Path

import example
import polars as pl

from pipeline.ingest import ingest
from pipeline.validate import ValidateConfig, Validation, validate
from schemas.catalog import detail_text


def run(tmp_path: Path, data: example.Sheets, config: ValidateConfig | None = None) -> Validation:
    path = example.write(tmp_path / "raw" / "2025" / "sei-suka", data)
    return validate(ingest([path]), config)


def found(result: Validation, prefix: str = "") -> list[tuple[object, ...]]:
    f = result.findings.filter(pl.col("rule").str.starts_with(prefix))
    return f.select("rule", "cell", "expected", "found").rows()


def test_iku_capaian_wrong_is_the_root_of_its_copies(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "capaian_iku", 2, "capaian", "99,00")
    result = run(tmp_path, data)
    assert found(result) == [
        ("CAP001", "capaian_iku.csv!G2", "100.00", "99.00"),
        ("XTB003", "tren_iku.csv!F3", "99.00", "100.00"),
        ("XTB011", "efisiensi_sasaran.csv!C2", "99.00", "100.00"),
    ]
    cap = result.findings.row(0, named=True)
    assert cap["root"] is None
    assert result.findings.filter(pl.col("root") == cap["finding_id"]).height == 2
    said = detail_text(cap["detail"], "id") or ""
    assert "Capaian (%) = Realisasi / Target × 100, polaritas positif" in said


def test_trend_capaian(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "tren_iku", 2, "capaian", "97,00 %")
    assert found(run(tmp_path, data)) == [("CAP002", "tren_iku.csv!F2", "98.75", "97.00")]


def test_program_kegiatan_persen_kinerja(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 4, "persen_kinerja", "90")
    assert found(run(tmp_path, data)) == [("CAP003", "program_kegiatan.csv!J4", "100.00", "90.00")]


def test_numeric_capaian_for_a_qualitative_target_is_a_warning(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "tren_iku", 4, "capaian", "81,25")
    result = run(tmp_path, data)
    assert found(result) == [("CAP004", "tren_iku.csv!F4", "-", "81.25")]
    assert result.warning_count == 1 and result.error_count == 0


def test_rounding_and_printed_precision(tmp_path: Path) -> None:
    # 72 / 70 x 100 = 102,857...: 102,86 rounds, 102,85 is one unit off, 103 is the
    # figure at the printed precision; 102 is wrong.
    for printed in ("102,86", "102,85", "103"):
        data = example.edit(example.sheets(), "capaian_iku", 3, "capaian", printed)
        assert found(run(tmp_path / printed, data), "CAP") == [], printed
    data = example.edit(example.sheets(), "capaian_iku", 3, "capaian", "102")
    assert found(run(tmp_path / "102", data), "CAP") == [
        ("CAP001", "capaian_iku.csv!G3", "102.86", "102.00")
    ]


def _negative(tmp_path: Path, printed: str, config: ValidateConfig | None = None) -> Validation:
    data = example.edit(example.sheets(), "perjanjian_kinerja", 2, "polaritas", "negatif")
    data = example.edit(data, "capaian_iku", 2, "realisasi", "80,00")
    data = example.edit(data, "capaian_iku", 2, "capaian", printed)
    return run(tmp_path, data, config)


def test_negative_polarity_uses_pengurangan_by_default(tmp_path: Path) -> None:
    # (2 x 85 - 80) / 85 x 100 = 105,88
    # (the trend table keeps positive figures: only the IKU row is looked at here)
    assert found(_negative(tmp_path / "ok", "105,88"), "CAP001") == []
    result = _negative(tmp_path / "bad", "94,12")
    assert found(result, "CAP001") == [("CAP001", "capaian_iku.csv!G2", "105.88", "94.12")]
    detail = result.findings.filter(pl.col("rule") == "CAP001").row(0, named=True)["detail"]
    assert "(2 × Target - Realisasi) / Target × 100, polaritas negatif (pengurangan)" in (
        detail_text(detail, "id") or ""
    )
    iku = result.tables["capaian_iku"].row(0, named=True)
    assert iku["polaritas_hitung"] == "negatif" and iku["metode_hitung"] == "pengurangan"


def test_negative_method_is_configurable(tmp_path: Path) -> None:
    config = ValidateConfig(negative_method="rasio")  # 85 / 80 x 100 = 106,25
    result = _negative(tmp_path, "94,12", config)
    assert found(result, "CAP001") == [("CAP001", "capaian_iku.csv!G2", "106.25", "94.12")]


def test_polarity_override_by_indicator_name(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "capaian_iku", 2, "realisasi", "80,00")
    data = example.edit(data, "capaian_iku", 2, "capaian", "105,88")
    config = ValidateConfig(polaritas={"INDEKS KEPUASAN MASYARAKAT": "negatif"})
    assert found(run(tmp_path / "neg", data, config), "CAP001") == []
    assert found(run(tmp_path / "pos", data), "CAP001") == [
        ("CAP001", "capaian_iku.csv!G2", "94.12", "105.88")
    ]


def test_ratings_ride_along(tmp_path: Path) -> None:
    result = run(tmp_path, example.sheets())
    assert result.tables["capaian_iku"].get_column("rating_hitung").to_list() == [
        "Sangat Tinggi",
        "Sangat Tinggi",
    ]
    tren = result.tables["tren_iku"]
    assert tren.get_column("capaian_hitung").to_list()[2] is None  # target 'CC'
