"""Build the sample workbook ``raw/2025/medang-deras.xlsx`` from ``sample/medang-deras-2025/``.

The CSV folder is the transcription of the LKjIP 2025 of Kecamatan Medang Deras, every cell exactly
as the report prints it (see ``medang-deras-2025/SUMBER.md``). This script types that transcription
into a workbook the way a kecamatan clerk would: human sheet names, title rows above some tables,
a ``Sumber ...`` note below others, header labels with synonyms, and money and percentages as
real Excel numbers in some sheets but as the printed text in others. Every choice is a module-level
dict below, so the pipeline's contract can be checked against it.

Excel row of a CSV row (1-based): the title rows of the sheet (``TITLE_ROWS``, empty rows
included) come first, then the header row, then the data rows in CSV order, then ``NOTE_ROWS``.
So data row ``i`` (0-based, header excluded) of ``<sheet>.csv`` is Excel row
``data_start_row(sheet) + i`` with ``data_start_row(sheet) == len(TITLE_ROWS[sheet]) + 2``.
Columns keep the CSV order, starting at column A.

Usage::

    python sample/build_sample.py [--out raw/2025/medang-deras.xlsx] [--csv-dir DIR]

Only the standard library and xlsxwriter are used.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Literal

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
CSV_DIR = HERE / "medang-deras-2025"
DEFAULT_OUT = HERE.parent / "raw" / "2025" / "medang-deras.xlsx"

# Fixed creation date (the report's signature date): rebuilding gives the same workbook.
CREATED = dt.datetime(2026, 1, 30, 8, 0, 0)

# Canonical sheet name -> the sheet name the clerk typed. Each one equals the canonical name
# case-insensitively once spaces, underscores, hyphens and dots are removed.
SHEET_NAMES: dict[str, str] = {
    "identitas": "Identitas",
    "perjanjian_kinerja": "Perjanjian Kinerja",
    "anggaran_program": "Anggaran Program",
    "rencana_belanja": "rencana_belanja",
    "capaian_iku": "Capaian IKU",
    "tren_iku": "Tren IKU",
    "kemajuan_renstra": "Kemajuan-Renstra",
    "program_kegiatan": "program_kegiatan",
    "realisasi_belanja": "Realisasi Belanja",
    "ikm_unsur": "IKM Unsur",
    "ikm_survei": "ikm survei",
    "akip_komponen": "AKIP Komponen",
    "akip_nilai": "AKIP_Nilai",
    "efisiensi_sasaran": "Efisiensi Sasaran",
    "sdm": "SDM",
}

# Rows typed above the header row, in column A ("" = an empty row). Sheets not listed: none,
# the header is row 1.
TITLE_ROWS: dict[str, tuple[str, ...]] = {
    "perjanjian_kinerja": (
        "Tabel 2.1 Perjanjian Kinerja Kecamatan Medang Deras Tahun 2025",
        "",
    ),
    "anggaran_program": ("Tabel 2.1 (lanjutan) Anggaran Program Perjanjian Kinerja Tahun 2025",),
    "rencana_belanja": ("RENCANA ANGGARAN",),
    "capaian_iku": (
        "Tabel 3.2",
        "Capaian Indikator Kinerja Utama Kecamatan Medang Deras",
        "Kabupaten Batu Bara Tahun 2025",
    ),
    "kemajuan_renstra": (
        "Tabel 3.7 dan 3.13 Perbandingan realisasi kinerja sampai dengan tahun ini dengan "
        "target jangka menengah",
    ),
    "program_kegiatan": (
        "Tabel 3.17 Analisis atas Efisiensi Penggunaan Sumber Daya dalam rangka Pencapaian "
        "Kinerja Program dan Kegiatan Kecamatan Medang Deras Tahun 2025",
        "",
    ),
    "realisasi_belanja": ("3.2 REALISASI ANGGARAN",),
    "ikm_unsur": (
        "Tabel 3.3 Data Indeks Pelayanan/Indeks Kepuasan Masyarakat Kecamatan Medang Deras "
        "Kabupaten Batu Bara Tahun 2025",
    ),
    "ikm_survei": ("Tabel 3.6 Hasil Pelaksanaan Survey Kepuasan Masyarakat Tahun 2025", ""),
    "efisiensi_sasaran": (
        "Tabel 3.10 dan 3.16 Analisis atas efisiensi penggunaan sumber daya dalam rangka "
        "pencapaian tujuan dan sasaran perangkat daerah",
    ),
    "sdm": ("Tabel 1.7 dan 1.8 Jumlah Pegawai menurut Jenis Kelamin dan Jenjang Pendidikan", ""),
}

# Rows typed below the last data row, in column A ("" = an empty row), as the report has them.
NOTE_ROWS: dict[str, tuple[str, ...]] = {
    "ikm_unsur": ("Sumber : Kecamatan Medang Deras Kabupaten Batu Bara",),
    "sdm": ("", "Sumber Data : Bagian Umum dan Kepegawaian Kec. Medang Deras"),
}

# Header label typed for every sheet and column (canonical column -> label), in CSV order.
# Labels that are not the canonical name are the synonyms a reader must accept.
HEADER_LABELS: dict[str, dict[str, str]] = {
    "identitas": {"kolom": "Kolom", "nilai": "Nilai"},
    "perjanjian_kinerja": {
        "no": "No.",
        "sasaran_strategis": "Sasaran Strategis",
        "indikator": "Indikator Kinerja",
        "satuan": "Satuan",
        "target": "Target",
        "polaritas": "Polaritas",
    },
    "anggaran_program": {
        "no": "NO",
        "program": "PROGRAM",
        "anggaran": "ANGGARAN (Rp)",
        "keterangan": "KETERANGAN",
    },
    "rencana_belanja": {"jenis_belanja": "jenis_belanja", "anggaran": "anggaran"},
    "capaian_iku": {
        "no": "No.",
        "sasaran_strategis": "Sasaran Strategis",
        "indikator": "Indikator Kinerja",
        "satuan": "Satuan",
        "target": "Target",
        "realisasi": "Realisasi",
        "capaian": "Capaian (%)",
    },
    "tren_iku": {
        "indikator": "Indikator",
        "satuan": "Satuan",
        "tahun": "Tahun",
        "target": "Target",
        "realisasi": "Realisasi",
        "capaian": "Capaian",
    },
    "kemajuan_renstra": {
        "indikator": "Indikator Kinerja",
        "realisasi": "Realisasi",
        "target_akhir": "Target Akhir",
        "tahun_akhir": "Tahun Akhir",
        "tingkat_kemajuan": "Tingkat Kemajuan",
    },
    "program_kegiatan": {
        "tingkat": "Tingkat",
        "kode": "Kode",
        "nama": "Program/Kegiatan",
        "indikator": "Indikator Kinerja",
        "satuan": "Satuan",
        "target_kinerja": "Target Kinerja",
        "pagu": "Pagu",
        "realisasi_kinerja": "Realisasi Kinerja",
        "realisasi_anggaran": "Realisasi (Rp)",
        "persen_kinerja": "% Kinerja",
        "persen_anggaran": "% Anggaran",
        "tingkat_efisiensi": "Tingkat Efisiensi",
    },
    "realisasi_belanja": {
        "jenis_belanja": "Jenis Belanja",
        "anggaran": "Anggaran (Rp)",
        "realisasi": "Realisasi (Rp)",
        "persen": "%",
    },
    "ikm_unsur": {"no": "No.", "unsur": "Unsur Pelayanan", "nilai": "Nilai"},
    "ikm_survei": {"kolom": "kolom", "nilai": "nilai"},
    "akip_komponen": {
        "tahun": "Tahun",
        "komponen": "Komponen",
        "bobot": "Bobot",
        "nilai": "Nilai",
    },
    "akip_nilai": {"tahun": "Tahun", "nilai": "Nilai AKIP", "predikat": "Predikat"},
    "efisiensi_sasaran": {
        "sasaran_strategis": "Sasaran Strategis",
        "indikator": "Indikator Kinerja",
        "persen_capaian": "% Capaian Kinerja",
        "persen_penyerapan": "% Penyerapan Anggaran",
        "tingkat_efisiensi": "Tingkat Efisiensi (%)",
    },
    "sdm": {"kategori": "Kategori", "uraian": "Uraian", "jumlah": "Jumlah", "persen": "%"},
}

NumberKind = Literal["money", "plain"]

# Columns typed as real Excel numbers, per sheet: a cell there whose printed text is a plain
# Indonesian number (``4.676.892.162,00``, ``97,83``, ``100``) is written as that number with a
# matching number format (money ``#,##0``/``#,##0.00``, plain ``0``/``0.00``, as many decimals as
# printed). Anything else in such a column (``74,10 ( BB )``, ``CC``, ``-``, English-style
# ``99.92`` or ``1.9``, which an Indonesian-locale Excel keeps as text) stays text; empty stays
# blank. Sheets with no entry here are typed entirely as the printed text:
# rencana_belanja (``RP 5.091.072.162,00``), tren_iku (``99,75 %``), realisasi_belanja
# (``RP 5.091.072.162``, ``97,69 %``), ikm_survei, efisiensi_sasaran (``98,20%``).
NUMBER_COLUMNS: dict[str, dict[str, NumberKind]] = {
    "perjanjian_kinerja": {"no": "plain", "target": "plain"},
    "anggaran_program": {"no": "plain", "anggaran": "money"},
    "capaian_iku": {"no": "plain", "target": "plain", "realisasi": "plain", "capaian": "plain"},
    "kemajuan_renstra": {
        "realisasi": "plain",
        "target_akhir": "plain",
        "tahun_akhir": "plain",
        "tingkat_kemajuan": "plain",
    },
    "program_kegiatan": {
        "target_kinerja": "plain",
        "pagu": "money",
        "realisasi_kinerja": "plain",
        "realisasi_anggaran": "money",
        "persen_kinerja": "plain",
        "persen_anggaran": "plain",
        "tingkat_efisiensi": "plain",
    },
    "ikm_unsur": {"nilai": "plain"},
    "akip_komponen": {"tahun": "plain", "bobot": "plain", "nilai": "plain"},
    "akip_nilai": {"tahun": "plain", "nilai": "plain"},
    "sdm": {"jumlah": "plain", "persen": "plain"},
}

# The column that names a row, used to address single cells below.
LABEL_COLUMN: dict[str, str] = {"identitas": "kolom", "program_kegiatan": "nama"}

# Single cells typed differently from their column: (row label, column) -> how it is typed.
# identitas: only ``tahun`` is a number, the rest (``kode_wilayah`` ``12.19.01``, ``56.152``,
# ``6.547``) is text. program_kegiatan: a few money and percentage cells typed as text.
CELL_OVERRIDES: dict[str, dict[tuple[str, str], NumberKind | Literal["text"]]] = {
    "identitas": {("tahun", "nilai"): "plain"},
    "program_kegiatan": {
        ("PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN/KOTA", "persen_kinerja"): "text",
        ("Penyediaan Gaji dan Tunjangan ASN", "realisasi_anggaran"): "text",
        ("Administrasi Umum Perangkat Daerah", "persen_anggaran"): "text",
        ("Pendiaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "pagu"): "text",
        ("JUMLAH", "pagu"): "text",
        ("JUMLAH", "realisasi_anggaran"): "text",
    },
}

_ID_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")
_MAX_WIDTH = 60


def data_start_row(sheet: str) -> int:
    """Excel row (1-based) of the first data row of a canonical sheet."""
    return len(TITLE_ROWS.get(sheet, ())) + 2


def parse_id_number(text: str) -> tuple[float, int] | None:
    """Read a plain Indonesian-style number: ``4.676.892.162,00`` -> (4676892162.0, 2).

    Returns the value and the number of decimals printed, or None when the text is anything
    else (a currency prefix, a percent sign, a predikat, ``-``, English style ``99.92``).
    """
    match = _ID_NUMBER.fullmatch(text)
    if match is None:
        return None
    whole, fraction = match.group(1).replace(".", ""), match.group(2) or ""
    value = Decimal(f"{whole}.{fraction}" if fraction else whole)
    return float(value), len(fraction)


def number_format(kind: NumberKind, decimals: int) -> str:
    """The Excel number format showing a number as printed (``#,##0.00`` for money, ``0.00``...)."""
    base = "#,##0" if kind == "money" else "0"
    return f"{base}.{'0' * decimals}" if decimals else base


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and data rows of one semicolon-separated UTF-8 sample CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header, data = rows[0], rows[1:]
    for number, row in enumerate(data, start=2):
        if len(row) != len(header):
            raise ValueError(f"{path.name}:{number}: {len(row)} cells, header has {len(header)}")
    return header, data


def cell_kinds(
    sheet: str, header: Sequence[str], rows: Sequence[Sequence[str]]
) -> list[list[NumberKind | Literal["text"]]]:
    """How each data cell is typed: as a number of some kind, or as text."""
    columns = NUMBER_COLUMNS.get(sheet, {})
    kinds: list[list[NumberKind | Literal["text"]]] = [
        [columns.get(column, "text") for column in header] for _ in rows
    ]
    overrides = CELL_OVERRIDES.get(sheet, {})
    if overrides:
        label_index = header.index(LABEL_COLUMN[sheet])
        for (label, column), kind in overrides.items():
            hits = [i for i, row in enumerate(rows) if row[label_index] == label]
            if len(hits) != 1:
                raise ValueError(f"{sheet}: override row {label!r} matches {len(hits)} rows")
            kinds[hits[0]][header.index(column)] = kind
    return kinds


def write_sheet(
    workbook: xlsxwriter.Workbook,
    sheet: str,
    header: list[str],
    rows: list[list[str]],
    formats: dict[str, Format],
) -> None:
    """Write one sheet: title rows, header labels, data cells, note rows."""
    labels = HEADER_LABELS[sheet]
    if list(labels) != header:
        raise ValueError(f"{sheet}: CSV columns {header} differ from HEADER_LABELS {list(labels)}")
    worksheet: Worksheet = workbook.add_worksheet(SHEET_NAMES[sheet])
    row_index = 0
    for title in TITLE_ROWS.get(sheet, ()):
        if title:
            worksheet.write_string(row_index, 0, title, formats["title"])
        row_index += 1
    worksheet.write_row(row_index, 0, [labels[column] for column in header], formats["header"])
    row_index += 1
    for row, kinds in zip(rows, cell_kinds(sheet, header, rows), strict=True):
        for column_index, (text, kind) in enumerate(zip(row, kinds, strict=True)):
            if text == "":
                continue
            if kind == "text" or (parsed := parse_id_number(text)) is None:
                worksheet.write_string(row_index, column_index, text)
            else:
                value, decimals = parsed
                key = number_format(kind, decimals)
                if key not in formats:
                    formats[key] = workbook.add_format({"num_format": key})
                worksheet.write_number(row_index, column_index, value, formats[key])
        row_index += 1
    for note in NOTE_ROWS.get(sheet, ()):
        if note:
            worksheet.write_string(row_index, 0, note, formats["note"])
        row_index += 1
    for column_index, column in enumerate(header):
        longest = max([len(labels[column]), *(len(row[column_index]) for row in rows)])
        worksheet.set_column(column_index, column_index, min(longest + 2, _MAX_WIDTH))


def build_workbook(csv_dir: Path = CSV_DIR, out: Path = DEFAULT_OUT) -> Path:
    """Write the workbook ``out`` from the sample CSV folder ``csv_dir``; returns ``out``."""
    missing = [sheet for sheet in SHEET_NAMES if not (csv_dir / f"{sheet}.csv").is_file()]
    if missing:
        raise FileNotFoundError(f"{csv_dir}: missing {', '.join(f'{m}.csv' for m in missing)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(out))
    workbook.set_properties(
        {
            "title": "LKjIP 2025 Kecamatan Medang Deras",
            "author": "Kecamatan Medang Deras",
            "created": CREATED,
        }
    )
    formats: dict[str, Format] = {
        "title": workbook.add_format({"bold": True}),
        "header": workbook.add_format({"bold": True, "border": 1, "text_wrap": True}),
        "note": workbook.add_format({"italic": True}),
    }
    for sheet in SHEET_NAMES:
        header, rows = read_csv(csv_dir / f"{sheet}.csv")
        write_sheet(workbook, sheet, header, rows, formats)
    workbook.close()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="workbook to write")
    parser.add_argument("--csv-dir", type=Path, default=CSV_DIR, help="sample CSV folder")
    args = parser.parse_args(argv)
    path = build_workbook(args.csv_dir, args.out)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
