"""The sample submission: CSV transcription, the workbook built from it, and the seed report.

- every CSV of ``sample/medang-deras-2025/`` has exactly the canonical columns of its sheet;
- ``sample/build_sample.py`` rebuilds ``raw/2025/medang-deras.xlsx`` cell for cell, and the
  workbook holds every CSV cell and nothing besides title, header and note rows;
- figures are spot-checked against the seed report (``../shared`` beside the repo;
  skipped if absent).
"""

from __future__ import annotations

import csv
import importlib.util
import math
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import fastexcel
import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample"
CSV_DIR = SAMPLE / "medang-deras-2025"
WORKBOOK = REPO / "raw" / "2025" / "medang-deras.xlsx"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "000_f93e8bc4c9fdaa63.txt"
CONTRACT = SHARED / "docs" / "submission-format.md"

# The sheets and columns of docs/submission-format.md, in contract order.
CANONICAL_COLUMNS: dict[str, list[str]] = {
    "identitas": ["kolom", "nilai"],
    "perjanjian_kinerja": ["no", "sasaran_strategis", "indikator", "satuan", "target", "polaritas"],
    "anggaran_program": ["no", "program", "anggaran", "keterangan"],
    "rencana_belanja": ["jenis_belanja", "anggaran"],
    "capaian_iku": [
        "no",
        "sasaran_strategis",
        "indikator",
        "satuan",
        "target",
        "realisasi",
        "capaian",
    ],
    "tren_iku": ["indikator", "satuan", "tahun", "target", "realisasi", "capaian"],
    "kemajuan_renstra": [
        "indikator",
        "realisasi",
        "target_akhir",
        "tahun_akhir",
        "tingkat_kemajuan",
    ],
    "program_kegiatan": [
        "tingkat",
        "kode",
        "nama",
        "indikator",
        "satuan",
        "target_kinerja",
        "pagu",
        "realisasi_kinerja",
        "realisasi_anggaran",
        "persen_kinerja",
        "persen_anggaran",
        "tingkat_efisiensi",
    ],
    "realisasi_belanja": ["jenis_belanja", "anggaran", "realisasi", "persen"],
    "ikm_unsur": ["no", "unsur", "nilai"],
    "ikm_survei": ["kolom", "nilai"],
    "akip_komponen": ["tahun", "komponen", "bobot", "nilai"],
    "akip_nilai": ["tahun", "nilai", "predikat"],
    "efisiensi_sasaran": [
        "sasaran_strategis",
        "indikator",
        "persen_capaian",
        "persen_penyerapan",
        "tingkat_efisiensi",
    ],
    "sdm": ["kategori", "uraian", "jumlah", "persen"],
}

# Columns whose cells are not printed as such in the seed (keys, derived labels, constants).
NOT_SEED_CELLS: dict[str, set[str]] = {
    "identitas": {"kolom", "nilai"},
    "ikm_survei": {"kolom"},
    "kemajuan_renstra": {"tahun_akhir"},
    "program_kegiatan": {"tingkat", "kode"},
    "sdm": {"kategori"},
}


@cache
def build_sample() -> ModuleType:
    """sample/build_sample.py imported from its path (sample/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_sample", SAMPLE / "build_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def read_csv(sheet: str) -> tuple[list[str], list[list[str]]]:
    with (CSV_DIR / f"{sheet}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    return rows[0], rows[1:]


def read_sheet(path: Path, name: str) -> list[list[str | None]]:
    frame = fastexcel.read_excel(path).load_sheet(name, header_row=None, dtypes="string")
    return [list(row) for row in frame.to_polars().iter_rows()]


@cache
def seed_cells() -> frozenset[str]:
    """Every table cell of the seed report, bold markup removed."""
    text = SEED.read_text(encoding="utf-8")
    return frozenset(
        re.sub(r"</?b>", "", cell)
        for line in text.splitlines()
        if "\t" in line
        for cell in line.split("\t")
    )


def test_one_csv_per_sheet() -> None:
    assert sorted(p.stem for p in CSV_DIR.glob("*.csv")) == sorted(CANONICAL_COLUMNS)


@pytest.mark.parametrize("sheet", list(CANONICAL_COLUMNS))
def test_csv_has_canonical_columns(sheet: str) -> None:
    header, rows = read_csv(sheet)
    assert header == CANONICAL_COLUMNS[sheet]
    assert rows, f"{sheet}.csv has no data rows"
    assert all(len(row) == len(header) for row in rows)


def test_canonical_columns_follow_the_contract() -> None:
    if not CONTRACT.is_file():
        pytest.skip(f"{CONTRACT} not found")
    contract: dict[str, list[str]] = {}
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].startswith("`"):
            continue
        columns = re.sub(r"\([^)]*\)", "", cells[1]).split(" +")[0]
        contract[re.findall(r"`([^`]+)`", cells[0])[0]] = re.findall(r"`([^`]+)`", columns)
    assert contract == CANONICAL_COLUMNS


def test_identitas_keys() -> None:
    _, rows = read_csv("identitas")
    assert [row[0] for row in rows] == [
        "provinsi",
        "kabupaten",
        "kecamatan",
        "tahun",
        "kode_wilayah",
        "penanggung_jawab",
        "nip",
        "tanggal_laporan",
        "jumlah_desa",
        "jumlah_kelurahan",
        "jumlah_penduduk",
        "luas_ha",
    ]


def test_rebuilt_workbook_equals_committed(tmp_path: Path) -> None:
    rebuilt = build_sample().build_workbook(CSV_DIR, tmp_path / "medang-deras.xlsx")
    names = fastexcel.read_excel(WORKBOOK).sheet_names
    assert fastexcel.read_excel(rebuilt).sheet_names == names
    for name in names:
        assert read_sheet(rebuilt, name) == read_sheet(WORKBOOK, name), name


@pytest.mark.parametrize("sheet", list(CANONICAL_COLUMNS))
def test_workbook_holds_exactly_the_csv(sheet: str) -> None:
    module = build_sample()
    header, rows = read_csv(sheet)
    titles = module.TITLE_ROWS.get(sheet, ())
    notes = module.NOTE_ROWS.get(sheet, ())
    labels = [module.HEADER_LABELS[sheet][column] for column in header]
    cells = read_sheet(WORKBOOK, module.SHEET_NAMES[sheet])

    def text_row(text: str) -> list[str | None]:
        return [text or None] + [None] * (len(header) - 1)

    assert len(cells) == len(titles) + 1 + len(rows) + len(notes)
    assert all(len(row) == len(header) for row in cells)
    assert cells[: len(titles)] == [text_row(title) for title in titles]
    assert cells[len(titles)] == labels
    start = module.data_start_row(sheet) - 1
    assert start == len(titles) + 1
    for offset, row in enumerate(rows):
        got_row = cells[start + offset]
        for column, expected, got in zip(header, row, got_row, strict=True):
            where = f"{sheet}!{column} row {start + offset + 1}"
            if expected == "":
                assert got is None, where
            elif got != expected:
                parsed = module.parse_id_number(expected)
                assert parsed is not None and got is not None, f"{where}: {got!r} != {expected!r}"
                assert math.isclose(float(got), parsed[0], rel_tol=0, abs_tol=1e-6), where
    assert cells[start + len(rows) :] == [text_row(note) for note in notes]


def test_sheet_names_match_canonical_names() -> None:
    for sheet, name in build_sample().SHEET_NAMES.items():
        assert re.sub(r"[\s_.\-]", "", name).lower() == sheet.replace("_", "")


def test_parse_id_number() -> None:
    parse = build_sample().parse_id_number
    assert parse("4.676.892.162,00") == (4676892162.0, 2)
    assert parse("5.345.196.344,24") == (5345196344.24, 2)
    assert parse("97,83") == (97.83, 2)
    assert parse("100") == (100.0, 0)
    for text in ("RP 5.091.072.162", "97,69 %", "74,10 ( BB )", "CC", "-", "99.92", "1.9", ""):
        assert parse(text) is None, text


def _needs_seed() -> None:
    if not SEED.is_file():
        pytest.skip(f"{SEED} not found")


def test_program_kegiatan_money_is_printed_in_the_seed() -> None:
    _needs_seed()
    text = SEED.read_text(encoding="utf-8")
    header, rows = read_csv("program_kegiatan")
    for column in ("pagu", "realisasi_anggaran"):
        index = header.index(column)
        for row in rows:
            money = row[index]
            assert money, f"{column} empty in {row[2]!r}"
            assert re.search(rf"(?<![\d.,]){re.escape(money)}(?![\d.,])", text), money
            assert money in seed_cells(), money


@pytest.mark.parametrize("sheet", list(CANONICAL_COLUMNS))
def test_cells_are_seed_table_cells(sheet: str) -> None:
    """Every transcribed cell is a table cell of the seed, verbatim (or two joined fragments)."""
    _needs_seed()
    cells = seed_cells()
    header, rows = read_csv(sheet)
    skip = NOT_SEED_CELLS.get(sheet, set())
    for row in rows:
        for column, value in zip(header, row, strict=True):
            if column in skip or value == "" or value in cells:
                continue
            # a row split over two pages: "<cell on one page> <cell on the next>"
            parts = [(value[:i], value[i + 1 :]) for i, c in enumerate(value) if c == " "]
            assert any(a in cells and b in cells for a, b in parts), f"{sheet}.{column}: {value!r}"


def test_identitas_is_printed_in_the_seed() -> None:
    _needs_seed()
    text = SEED.read_text(encoding="utf-8")
    for printed in ("56.152 jiwa", "6.547 Ha", "SYAHRIZAL, SH", "NIP. 19681028 198903 1 005"):
        assert printed in text, printed
    assert "Pangkalan Dodek, 30 Januari 2026" in text
    assert "3 ( Tiga ) Kelurahan dan 18 ( Delapan Belas ) Desa" in text
