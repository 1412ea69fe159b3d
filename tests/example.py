"""The smallest consistent submission: every table, every figure agreeing.

Used by the rule tests (each breaks one cell and expects exactly one finding) and as an
executable example of the submission format. Cells are typed the way clerks type
them (Indonesian numbers, '%' signs, 'BB (72,00)'), one CSV per sheet, ';'-separated.
Kecamatan Sei Suka (12.19.02), Kabupaten Batu Bara, report year 2025.
"""

from __future__ import annotations

import copy
from pathlib import Path

Sheets = dict[str, list[list[str]]]

_PK = "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN/KOTA"
_PP = "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"

CLEAN: Sheets = {
    "identitas": [
        ["kolom", "nilai"],
        ["provinsi", "Sumatera Utara"],
        ["kabupaten", "Batu Bara"],
        ["kecamatan", "Sei Suka"],
        ["tahun", "2025"],
        ["kode_wilayah", "12.19.02"],
        ["penanggung_jawab", "CAMAT SEI SUKA"],
        ["nip", "19700101 199001 1 001"],
        ["tanggal_laporan", "2026-01-31"],
    ],
    "perjanjian_kinerja": [
        ["no", "sasaran_strategis", "indikator", "satuan", "target", "polaritas"],
        ["1", "Meningkatnya Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat (IKM)", "Nilai",
         "85,00", "positif"],
        ["2", "Meningkatnya Akuntabilitas Kinerja", "Nilai Evaluasi AKIP", "Nilai", "70,00 ( B )",
         ""],
    ],
    "anggaran_program": [
        ["no", "program", "anggaran", "keterangan"],
        ["1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "1.000.000,00",
         "APBD"],
        ["2", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "500.000,00", "APBD"],
        ["", "JUMLAH", "1.500.000,00", ""],
    ],
    "rencana_belanja": [
        ["jenis_belanja", "anggaran"],
        ["BELANJA OPERASI", "RP 1.200.000,00"],
        ["BELANJA MODAL", "RP 300.000,00"],
        ["TOTAL :", "RP 1.500.000,00"],
    ],
    "capaian_iku": [
        ["no", "sasaran_strategis", "indikator", "satuan", "target", "realisasi", "capaian"],
        ["1", "Meningkatnya Kepuasan Masyarakat", "Indeks kepuasan masyarakat", "Nilai", "85,00",
         "85,00", "100"],
        ["2", "Meningkatnya Akuntabilitas Kinerja", "Nilai Evaluasi AKIP", "Nilai", "70,00 ( B )",
         "72,00 ( BB )", "102,86"],
    ],
    "tren_iku": [
        ["indikator", "satuan", "tahun", "target", "realisasi", "capaian"],
        ["Indeks Kepuasan Masyarakat (IKM)", "Nilai", "2024", "80,00", "79,00", "98,75 %"],
        ["Indeks Kepuasan Masyarakat (IKM)", "Nilai", "2025", "85,00", "85,00", "100 %"],
        ["Nilai Evaluasi AKIP", "Nilai", "2024", "CC", "B (65,00)", ""],
        ["Nilai Evaluasi AKIP", "Nilai", "2025", "B (70,00)", "BB (72,00)", "102,86"],
    ],
    "kemajuan_renstra": [
        ["indikator", "realisasi", "target_akhir", "tahun_akhir", "tingkat_kemajuan"],
        ["Indeks Kepuasan Masyarakat (IKM)", "85,00", "90,00", "2026", "94,44"],
        ["Nilai Evaluasi AKIP", "BB (72,00)", "BB (75,00)", "2026", "96,00"],
    ],
    "program_kegiatan": [
        ["tingkat", "kode", "nama", "indikator", "satuan", "target_kinerja", "pagu",
         "realisasi_kinerja", "realisasi_anggaran", "persen_kinerja", "persen_anggaran",
         "tingkat_efisiensi"],
        ["program", "7.01.01", _PK, "Nilai AKIP", "Nilai", "70,00", "1.000.000", "72,00",
         "900.000", "102,86", "90,00", "0,90"],
        ["kegiatan", "7.01.01.2.01", "Perencanaan Perangkat Daerah", "Persentase dokumen", "%",
         "100", "600.000", "100", "550.000", "100", "91,67", "0,91"],
        ["sub_kegiatan", "7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan", "Jumlah dokumen",
         "Dokumen", "2", "400.000", "2", "350.000", "100", "87,50", "0,87"],
        ["sub_kegiatan", "7.01.01.2.01.0002", "Evaluasi Kinerja", "Jumlah laporan", "Laporan",
         "4", "200.000", "4", "200.000", "100", "100", ""],
        ["kegiatan", "7.01.01.2.02", "Administrasi Keuangan", "Persentase dokumen keuangan", "%",
         "100", "400.000", "100", "350.000", "100", "87,50", "0,88"],
        ["sub_kegiatan", "7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "Jumlah orang",
         "Orang", "10", "400.000", "10", "350.000", "100", "87,50", "0,88"],
        ["program", "7.01.02", _PP, "Persentase layanan tepat waktu", "%", "100", "500.000",
         "100", "450.000", "100", "90,00", "0,90"],
        ["kegiatan", "7.01.02.2.01", "Penyelenggaraan Urusan Pemerintahan", "Persentase urusan",
         "%", "100", "500.000", "100", "450.000", "100", "90,00", "0,90"],
        ["sub_kegiatan", "7.01.02.2.01.0001", "Fasilitasi Pelayanan Minimal", "Jumlah laporan",
         "Laporan", "12", "500.000", "12", "450.000", "100", "90,00", "0,90"],
        ["", "", "JUMLAH", "", "", "", "1.500.000", "", "1.350.000", "100", "90,00", ""],
    ],
    "realisasi_belanja": [
        ["jenis_belanja", "anggaran", "realisasi", "persen"],
        ["BELANJA OPERASI", "RP 1.200.000", "RP 1.080.000", "90,00 %"],
        ["BELANJA MODAL", "RP 300.000", "RP 270.000", "90,00 %"],
        ["TOTAL :", "RP 1.500.000", "RP 1.350.000", "90,00 %"],
    ],
    "ikm_unsur": [
        ["no", "unsur", "nilai"],
        *[
            [f"{i}.", name, "3,40"]
            for i, name in enumerate(
                (
                    "Persyaratan", "Prosedur", "Waktu pelayanan", "Biaya/Tarif", "Produk layanan",
                    "Kompetensi pelaksana", "Perilaku pelaksana", "Penanganan pengaduan",
                    "Sarana dan prasarana",
                ),
                start=1,
            )
        ],
    ],
    "ikm_survei": [
        ["kolom", "nilai"],
        ["jumlah_responden", "100"],
        ["puas", "90"],
        ["tidak_puas", "10"],
        ["nilai_ikm", "85,00"],
    ],
    "akip_komponen": [
        ["tahun", "komponen", "bobot", "nilai"],
        ["2025", "Perencanaan Kinerja", "30,00", "22,00"],
        ["2025", "Pengukuran Kinerja", "30,00", "20,00"],
        ["2025", "Pelaporan Kinerja", "15,00", "12,00"],
        ["2025", "Evaluasi Akuntabilitas Kinerja Internal", "25,00", "18,00"],
    ],
    "akip_nilai": [
        ["tahun", "nilai", "predikat"],
        ["2025", "72,00", "BB"],
    ],
    "efisiensi_sasaran": [
        ["sasaran_strategis", "indikator", "persen_capaian", "persen_penyerapan",
         "tingkat_efisiensi"],
        ["Meningkatnya Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat (IKM)", "100%", "90,00%",
         "10,00"],
        ["Meningkatnya Akuntabilitas Kinerja", "Nilai Evaluasi AKIP", "102,86", "90,00", "12,86"],
    ],
    "sdm": [
        ["kategori", "uraian", "jumlah", "persen"],
        ["jenis_kelamin", "Laki-laki", "6", "60,00"],
        ["jenis_kelamin", "Perempuan", "4", "40,00"],
        ["jenis_kelamin", "Jumlah", "10", "100"],
    ],
}  # fmt: skip


def sheets() -> Sheets:
    """A fresh, editable copy of :data:`CLEAN`."""
    return copy.deepcopy(CLEAN)


def edit(data: Sheets, sheet: str, row: int, column: str, value: str) -> Sheets:
    """Set one cell: ``row`` is the Excel/CSV row (header = 1), ``column`` its header."""
    header = data[sheet][0]
    data[sheet][row - 1][header.index(column)] = value
    return data


def write(folder: Path, data: Sheets) -> Path:
    """Write ``data`` as a CSV-folder submission; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in data.items():
        text = "\n".join(";".join(cell for cell in row) for row in rows) + "\n"
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder
