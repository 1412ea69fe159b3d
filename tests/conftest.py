"""Shared fixtures: tiny workbooks built from Python literals, named for their quirk."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CSV = REPO / "sample" / "medang-deras-2025"
SAMPLE_XLSX = REPO / "raw" / "2025" / "medang-deras.xlsx"

Cell = str | int | float | None
Sheets = dict[str, list[list[Cell]]]

MINIMAL: Sheets = {
    "identitas": [
        ["kolom", "nilai"],
        ["provinsi", "Sumatera Utara"],
        ["kabupaten", "Batu Bara"],
        ["kecamatan", "Medang Deras"],
        ["tahun", 2025],
        ["kode_wilayah", "12.19.01"],
        ["penanggung_jawab", "Contoh"],
        ["nip", "19680101 199001 1 001"],
        ["tanggal_laporan", "2026-01-30"],
    ],
    "perjanjian_kinerja": [
        ["no", "sasaran_strategis", "indikator", "satuan", "target"],
        [
            1,
            "Meningkatnya Kepuasan Masyarakat",
            "Indeks Kepuasan Masyarakat (IKM)",
            "Nilai",
            "89,20",
        ],
    ],
    "anggaran_program": [
        ["no", "program", "anggaran", "keterangan"],
        [1, "Program Penunjang", "1.000.000,00", "APBD"],
        [None, "JUMLAH", "1.000.000,00", None],
    ],
    "rencana_belanja": [
        ["jenis_belanja", "anggaran"],
        ["Belanja Operasi", "RP 1.000.000"],
        ["TOTAL :", "RP 1.000.000"],
    ],
    "capaian_iku": [
        ["no", "sasaran_strategis", "indikator", "satuan", "target", "realisasi", "capaian"],
        [
            1,
            "Meningkatnya Kepuasan Masyarakat",
            "Indeks Kepuasan Masyarakat (IKM)",
            "Nilai",
            "89,20",
            "87,94",
            "98,59",
        ],
    ],
    "tren_iku": [
        ["indikator", "satuan", "tahun", "target", "realisasi", "capaian"],
        ["Indeks Kepuasan Masyarakat (IKM)", "Nilai", 2025, "89,20", "87,94", "98,59 %"],
    ],
    "kemajuan_renstra": [
        ["indikator", "realisasi", "target_akhir", "tahun_akhir", "tingkat_kemajuan"],
        ["Indeks Kepuasan Masyarakat (IKM)", "87,94", "90,20", 2026, "97,49"],
    ],
    "program_kegiatan": [
        [
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
        ],
        [
            "program",
            "7.01.01",
            "Program Penunjang",
            "Nilai AKIP",
            "Nilai",
            "74,10",
            1000000,
            "74,10",
            900000,
            100,
            90,
        ],
        [
            "kegiatan",
            "7.01.01.2.01",
            "Perencanaan",
            "Dokumen",
            "%",
            100,
            1000000,
            100,
            900000,
            100,
            90,
        ],
        [
            "sub_kegiatan",
            "7.01.01.2.01.0001",
            "Penyusunan",
            "Dokumen",
            "Dokumen",
            2,
            1000000,
            2,
            900000,
            100,
            90,
        ],
        [None, None, "JUMLAH", None, None, None, 1000000, None, 900000, 100, 90],
    ],
    "realisasi_belanja": [
        ["jenis_belanja", "anggaran", "realisasi", "persen"],
        ["Belanja Operasi", "RP 1.000.000", "RP 900.000", "90,00 %"],
        ["TOTAL :", "RP 1.000.000", "RP 900.000", "90,00 %"],
    ],
}


def write_xlsx(path: Path, sheets: Sheets, first_col: int = 0) -> Path:
    """Write sheets of literal rows; strings stay text, numbers become Excel numbers."""
    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c + first_col, value)
                else:
                    sheet.write_number(r, c + first_col, value)
    workbook.close()
    return path


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    def build(name: str, sheets: Sheets | None = None, **changes: list[list[Cell]]) -> Path:
        data = dict(MINIMAL if sheets is None else sheets)
        data.update(changes)
        return write_xlsx(tmp_path / f"{name}.xlsx", data)

    return build


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of the CSV sample submission."""
    target = tmp_path / "raw" / "2025" / "medang-deras"
    shutil.copytree(SAMPLE_CSV, target, ignore=shutil.ignore_patterns("*.md"))
    return target
