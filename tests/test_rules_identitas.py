"""IDN: identity of a submission against the region list, the year and the file name."""

from __future__ import annotations

from pathlib import Path

import example
import polars as pl
import pytest

from pipeline.ingest import ingest
from pipeline.validate import ValidateConfig, Validation, validate
from schemas.catalog import detail_text


def run(
    tmp_path: Path, data: example.Sheets, folder: str = "raw/2025/sei-suka", **config: object
) -> Validation:
    path = example.write(tmp_path / folder, data)
    return validate(ingest([path]), ValidateConfig(**config))  # type: ignore[arg-type]


def found(result: Validation) -> list[tuple[object, ...]]:
    return result.findings.select("rule", "severity", "cell", "expected", "found").rows()


def identitas(key: str, value: str) -> example.Sheets:
    data = example.sheets()
    row = next(i for i, r in enumerate(data["identitas"]) if r[0] == key)
    data["identitas"][row][1] = value
    return data


def test_unknown_kecamatan(tmp_path: Path) -> None:
    result = run(tmp_path, identitas("kecamatan", "Sei Sukaa"), "raw/2025/sei-sukaa")
    [(rule, _severity, cell, expected, value)] = found(result)
    assert (rule, cell, value) == ("IDN001", "identitas.csv!B4", "Sei Sukaa")
    assert "Medang Deras" in str(expected) and "Sei Suka" in str(expected)


def test_kode_wilayah_of_another_kecamatan(tmp_path: Path) -> None:
    assert found(run(tmp_path, identitas("kode_wilayah", "12.19.05"))) == [
        ("IDN001", "error", "identitas.csv!B6", "12.19.02 (Sei Suka)", "12.19.05")
    ]


def test_names_compared_loosely(tmp_path: Path) -> None:
    data = identitas("kabupaten", "Kabupaten BATU BARA")
    data = example.edit(data, "identitas", 4, "nilai", "Kec. Sei  Suka")
    data = example.edit(data, "identitas", 6, "nilai", "121902")
    assert found(run(tmp_path, data)) == []


def test_unknown_kabupaten(tmp_path: Path) -> None:
    # not in the national list (Asahan, used here before, is a real kabupaten)
    assert found(run(tmp_path, identitas("kabupaten", "Asahan Raya"))) == [
        ("IDN002", "warning", "identitas.csv!B3", None, "Asahan Raya")
    ]


@pytest.mark.parametrize(
    ("kabupaten", "kecamatan", "kode"),
    [
        ("Asahan", "Air Batu", "12.09.13"),
        ("KABUPATEN BANDUNG", "Kec. Soreang", "320437"),
        ("Kota Bandung", "Sumur Bandung", "32.73.19"),
    ],
)
def test_any_kecamatan_of_the_national_list_is_known(
    tmp_path: Path, kabupaten: str, kecamatan: str, kode: str
) -> None:
    data = identitas("kabupaten", kabupaten)
    data = example.edit(data, "identitas", 4, "nilai", kecamatan)
    data = example.edit(data, "identitas", 6, "nilai", kode)
    folder = "raw/2025/" + kecamatan.lower().replace("kec. ", "").replace(" ", "-")
    assert found(run(tmp_path, data, folder)) == []


def test_kota_is_not_the_kabupaten_of_the_same_name(tmp_path: Path) -> None:
    data = identitas("kabupaten", "Bandung")  # Kabupaten Bandung, not Kota Bandung
    data = example.edit(data, "identitas", 4, "nilai", "Sumur Bandung")
    data = example.edit(data, "identitas", 6, "nilai", "32.73.19")
    [(rule, _severity, cell, expected, value)] = found(
        run(tmp_path, data, "raw/2025/sumur-bandung")
    )
    assert (rule, cell, value) == ("IDN001", "identitas.csv!B4", "Sumur Bandung")
    assert "Soreang" in str(expected)


def test_year_out_of_range(tmp_path: Path) -> None:
    result = run(tmp_path, identitas("tahun", "2030"), "raw/2030/sei-suka", current_year=2026)
    rules = result.findings.filter(pl.col("rule") == "IDN003").select("cell", "expected").rows()
    assert ("identitas.csv!B5", "2015 - 2027") in rules


@pytest.mark.parametrize(
    ("typed", "ok"),
    [
        ("30 Januari 2026", True),
        ("31/01/2026", True),
        ("46053", True),  # an Excel serial day: 2026-01-31
        ("2025-12-15", False),
        ("tiga puluh Januari", False),
        # impossible dates are unreadable dates, never a polars ComputeError
        ("30 Februari 2026", False),
        ("31/02/2026", False),
        ("32 Januari 2026", False),
        ("31 April 2026", False),
    ],
)
def test_report_date(tmp_path: Path, typed: str, ok: bool) -> None:
    result = run(tmp_path, identitas("tanggal_laporan", typed))
    assert [r[0] for r in found(result)] == ([] if ok else ["IDN003"])


def test_folder_year_disagrees(tmp_path: Path) -> None:
    assert found(run(tmp_path, example.sheets(), "raw/2024/sei-suka")) == [
        (
            "IDN004",
            "warning",
            "2024/sei-suka",  # the folder and name the rule reads, not the whole path
            "2025 / sei-suka",
            "2024 / sei-suka",
        )
    ]


def test_file_name_outside_the_convention_is_not_judged(tmp_path: Path) -> None:
    assert found(run(tmp_path, example.sheets(), "kiriman/lkjip_final")) == []


def test_required_key_missing(tmp_path: Path) -> None:
    data = example.sheets()
    data["identitas"] = [r for r in data["identitas"] if r[0] != "nip"]
    result = run(tmp_path, data)
    assert result.findings.select("rule", "cell", "label").rows() == [
        ("IDN005", "identitas.csv", "nip")
    ]


def test_two_submissions_for_one_kecamatan_and_year(tmp_path: Path) -> None:
    first = example.write(tmp_path / "raw/2025/sei-suka", example.sheets())
    second = example.write(
        tmp_path / "kiriman/ulang", example.edit(example.sheets(), "identitas", 7, "nilai", "X")
    )
    result = validate(ingest([first, second]))
    dupes = result.findings.filter(pl.col("rule") == "IDN006")
    assert dupes.height == 2
    assert set(dupes.get_column("submission_id")) == set(result.submissions["submission_id"])
    # each file by its folder and name, not the server's path
    assert "2025/sei-suka" in (detail_text(dupes.row(0, named=True)["detail"], "id") or "")
