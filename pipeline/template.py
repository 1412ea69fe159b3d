"""``lakip template``: the workbook an office sends each kecamatan before the deadline.

Generated from the contract (:mod:`schemas.contract`), so a filled template reads back
through ingest exactly as the contract says: every table's sheet, every column in order
with a header label ingest recognises, the identitas sheet pre-filled from the national
reference of kecamatan (``schemas/data/wilayah_kecamatan.csv``). Dropdowns and number
rules catch typing mistakes while the kecamatan fills it in, long before validate does.

The instructions live in a text box on the ``Petunjuk`` sheet, not in its cells: ingest
reports a sheet with cell values it does not know (ING003), and a template must read back
without any ING finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from pipeline.errors import LakipError
from schemas.contract import (
    IDENTITAS_KEYS,
    IKM_SURVEI_KEYS,
    TABLES,
    Column,
    Kind,
    Table,
    header_lookup,
    norm,
    sheet_lookup,
)
from schemas.text import HEADER_OVERRIDES, pick, t, title_words

__all__ = [
    "Kecamatan",
    "TemplateError",
    "header_label",
    "kecamatan_of",
    "reference",
    "sheet_title",
    "slug",
    "write_template",
    "write_templates",
]

DATA_ROWS = 500
"""Rows below the header that carry the dropdowns and number rules."""
INSTRUCTIONS_SHEET = "Petunjuk"
FIXED_CREATED = datetime(2000, 1, 1)


class TemplateError(LakipError):
    """An unknown kabupaten or kecamatan code."""


@dataclass(frozen=True)
class Kecamatan:
    kode: str
    provinsi: str
    kabupaten: str
    kecamatan: str


@lru_cache(maxsize=1)
def reference() -> tuple[Kecamatan, ...]:
    """Every kecamatan of the national reference (Kemendagri, :mod:`schemas.wilayah`)."""
    from schemas import wilayah

    rows = wilayah.reference().frame.select("kode", "provinsi", "kabupaten", "kecamatan")
    return tuple(Kecamatan(*row) for row in rows.iter_rows())


def kecamatan_of(kabupaten: str, kecamatan: tuple[str, ...] = ()) -> list[Kecamatan]:
    """The reference kecamatan of kabupaten code ``12.19``, optionally only some codes/names."""
    every = [k for k in reference() if k.kode.startswith(kabupaten.strip() + ".")]
    if not every:
        raise TemplateError(
            f"Kode kabupaten '{kabupaten}' tidak ada di daftar wilayah (contoh: 12.19). / "
            f"Kabupaten code '{kabupaten}' is not in the reference (e.g. 12.19)."
        )
    if not kecamatan:
        return every
    wanted = {_key(k) for k in kecamatan}
    chosen = [k for k in every if _key(k.kode) in wanted or _key(k.kecamatan) in wanted]
    found = {_key(k.kode) for k in chosen} | {_key(k.kecamatan) for k in chosen}
    missing = sorted(w for w in wanted if w not in found)
    if missing:
        raise TemplateError(
            f"Kecamatan tidak ada di kabupaten {kabupaten}: {', '.join(missing)}. / "
            f"No such kecamatan in kabupaten {kabupaten}: {', '.join(missing)}."
        )
    return chosen


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z.]", "", text.lower())


def slug(text: str) -> str:
    """'Medang Deras' -> 'medang-deras': the file name IDN004 expects for the kecamatan."""
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


# ------------------------------------------------------------------ labels

# The header words live with the other texts (schemas.text), where findings name columns
# by the same labels the template prints.
_HEADER_OVERRIDES = HEADER_OVERRIDES
_title = title_words


def sheet_title(table: Table) -> str:
    """The sheet name people know ('Capaian IKU'), one ingest maps back to the table."""
    label = _title(table.name)
    return label if sheet_lookup().get(norm(label)) == table.name else table.name


def header_label(table: Table, column: Column) -> str:
    """The header people know ('Pagu (Rp)'); falls back to a plainer label ingest knows."""
    lookup = header_lookup(table)
    money_rp = f"{_title(column.name)} (Rp)" if column.kind is Kind.MONEY else ""
    for label in (_HEADER_OVERRIDES.get(column.name, ""), money_rp, _title(column.name)):
        if label and lookup.get(norm(label)) == column.name:
            return label
    return column.name


_MEANING: dict[str, tuple[str, str]] = {
    # column: (meaning, example)
    "no": ("Nomor urut baris.", "1"),
    "sasaran_strategis": (
        "Sasaran strategis Renstra yang diukur.",
        "Meningkatnya kualitas pelayanan publik",
    ),
    "indikator": (
        "Indikator kinerja, ditulis sama di semua sheet.",
        "Indeks Kepuasan Masyarakat (IKM)",
    ),
    "satuan": ("Satuan indikator.", "Nilai"),
    "target": ("Target kinerja tahun ini.", "85,00"),
    "realisasi": ("Realisasi tahun ini.", "87,94"),
    "polaritas": (
        "positif = makin tinggi makin baik (bawaan); negatif = makin rendah makin baik.",
        "positif",
    ),
    "program": (
        "Nama program sesuai Perjanjian Kinerja.",
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    ),
    "anggaran": ("Pagu anggaran dalam rupiah.", "5463337162"),
    "keterangan": ("Keterangan, mis. sumber dana.", "APBD"),
    "jenis_belanja": ("Jenis belanja; baris TOTAL di bawah rinciannya.", "Belanja Operasi"),
    "capaian": ("Capaian = realisasi / target x 100, seperti tercetak di laporan.", "98,20"),
    "tahun": ("Tahun.", "2025"),
    "target_akhir": ("Target akhir periode Renstra.", "90,20"),
    "tahun_akhir": ("Tahun akhir Renstra.", "2026"),
    "tingkat_kemajuan": ("Realisasi / target akhir x 100.", "97,49"),
    "tingkat": ("program, kegiatan atau sub_kegiatan; kegiatan di bawah programnya.", "kegiatan"),
    "kode": ("Kode rekening; memperpanjang kode induknya.", "7.01.01.2.01.0001"),
    "nama": (
        "Nama program, kegiatan atau sub kegiatan.",
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    ),
    "target_kinerja": ("Target kinerja (keluaran/hasil).", "12"),
    "pagu": ("Pagu anggaran dalam rupiah.", "2535000"),
    "realisasi_kinerja": ("Realisasi kinerja (keluaran/hasil).", "12"),
    "realisasi_anggaran": ("Realisasi anggaran dalam rupiah.", "2535000"),
    "persen_kinerja": ("Realisasi kinerja / target kinerja x 100.", "100,00"),
    "persen_anggaran": ("Realisasi anggaran / pagu x 100 (serapan).", "97,69"),
    "tingkat_efisiensi": ("Tingkat efisiensi seperti tercetak (boleh kosong).", "2,31"),
    "persen": ("Persentase seperti tercetak.", "97,69"),
    "unsur": ("Unsur pelayanan (9 unsur PermenPAN-RB 14/2017).", "Persyaratan pelayanan"),
    "komponen": ("Komponen penilaian AKIP.", "Perencanaan Kinerja"),
    "bobot": ("Bobot komponen.", "30"),
    "predikat": ("Predikat AKIP: AA, A, BB, B, CC, C atau D.", "BB"),
    "persen_capaian": ("% capaian kinerja sasaran.", "98,20"),
    "persen_penyerapan": ("% penyerapan anggaran.", "97,69"),
    "kategori": (
        "Kelompok: jenis_kelamin atau pendidikan; baris JUMLAH per kategori.",
        "pendidikan",
    ),
    "uraian": ("Uraian dalam kategori.", "Strata 1"),
    "jumlah": ("Jumlah pegawai (orang).", "27"),
    "kolom": ("Nama isian (jangan diubah).", "kecamatan"),
}
_NILAI_MEANING = {
    "identitas": (
        "Isian identitas; baris yang sudah terisi berasal dari daftar Kemendagri.",
        "Medang Deras",
    ),
    "ikm_survei": ("Isian survei IKM untuk tiap baris kolom.", "120"),
    "ikm_unsur": ("Nilai unsur, skala 1 sampai 4.", "3,29"),
    "akip_komponen": ("Nilai komponen AKIP.", "23,30"),
    "akip_nilai": ("Nilai AKIP total tahun itu.", "74,10"),
}
_FORMAT: dict[Kind, tuple[str, str]] = {
    Kind.TEXT: ("-", "teks"),
    Kind.INTEGER: ("orang/tahun/nomor", "bilangan bulat tanpa titik, mis. 2025"),
    Kind.MONEY: ("rupiah",
                 "angka tanpa 'Rp'; sen boleh dua desimal: 5463337162 atau 5.463.337.162,00"),
    Kind.PERCENT: ("persen / skor", "angka dengan koma desimal, tanpa tanda %: 97,69"),
    Kind.MEASURE: ("satuan indikator",
                   "angka dengan koma desimal, boleh diikuti predikat: 74,10 (BB)"),
}  # fmt: skip


_MEANING_EN: dict[str, str] = {
    "no": "Row number.",
    "sasaran_strategis": "The Renstra strategic objective measured.",
    "indikator": "Performance indicator, written the same on every sheet.",
    "satuan": "Unit of the indicator.",
    "target": "This year's target.",
    "realisasi": "This year's result.",
    "polaritas": "positif = higher is better (default); negatif = lower is better.",
    "program": "Programme name as in the Perjanjian Kinerja.",
    "anggaran": "Budget in rupiah.",
    "keterangan": "Note, e.g. source of funds.",
    "jenis_belanja": "Type of expenditure; the TOTAL row below the details.",
    "capaian": "Achievement = result / target x 100, as printed in the report.",
    "tahun": "Year.",
    "target_akhir": "Target at the end of the Renstra period.",
    "tahun_akhir": "Last year of the Renstra.",
    "tingkat_kemajuan": "Result / end target x 100.",
    "tingkat": "program, kegiatan or sub_kegiatan; a kegiatan below its program.",
    "kode": "Account code; extends its parent's code.",
    "nama": "Name of the program, kegiatan or sub kegiatan.",
    "target_kinerja": "Output/outcome target.",
    "pagu": "Budget in rupiah.",
    "realisasi_kinerja": "Output/outcome result.",
    "realisasi_anggaran": "Spending in rupiah.",
    "persen_kinerja": "Result / target x 100.",
    "persen_anggaran": "Spending / budget x 100 (absorption).",
    "tingkat_efisiensi": "Efficiency as printed (may be empty).",
    "persen": "Percentage as printed.",
    "unsur": "Service element (the 9 of PermenPAN-RB 14/2017).",
    "komponen": "AKIP assessment component.",
    "bobot": "Weight of the component.",
    "predikat": "AKIP grade: AA, A, BB, B, CC, C or D.",
    "persen_capaian": "% achievement of the objective's indicator.",
    "persen_penyerapan": "% budget absorption.",
    "kategori": "Group: jenis_kelamin or pendidikan; one JUMLAH row per group.",
    "uraian": "Item within the group.",
    "jumlah": "Number of staff.",
    "kolom": "Field name (do not change).",
    "nilai": "The value of the field.",
}
_FORMAT_EN: dict[Kind, tuple[str, str]] = {
    Kind.TEXT: ("-", "text"),
    Kind.INTEGER: ("people/year/number", "whole number without separators, e.g. 2025"),
    Kind.MONEY: ("rupiah", "a number without 'Rp'; two decimals of sen allowed: 5463337162"),
    Kind.PERCENT: ("percent / score", "a number with a decimal comma, no % sign: 97,69"),
    Kind.MEASURE: ("the indicator's unit", "a number, optionally with its grade: 74,10 (BB)"),
}


def header_comment(table: Table, column: Column, lang: str = "id") -> str:
    """Meaning, unit, format and an example, for the header cell's comment."""
    meaning, example = _MEANING.get(column.name, (column.name, "-"))
    if column.name == "nilai":
        meaning, example = _NILAI_MEANING.get(table.name, (meaning, example))
    kind = Kind.TEXT if column.name == "nilai" and table.key_value else column.kind
    unit, fmt = _FORMAT[kind]
    meaning = pick(lang, meaning, _MEANING_EN.get(column.name, meaning))
    unit, fmt = (
        pick(lang, id_, en) for id_, en in zip(_FORMAT[kind], _FORMAT_EN[kind], strict=True)
    )

    def w(key: str) -> str:
        return t(f"template.comment.{key}", lang)

    wajib = w("required") if column.required else w("optional")
    return (
        f"{header_label(table, column)} ({wajib})\n"
        f"{w('meaning')}: {meaning}\n{w('unit')}: {unit}\n{w('format')}: {fmt}\n"
        f"{w('example')}: {example}\n{w('empty')}"
    )


# ------------------------------------------------------------------ validation rules

_LISTS: dict[str, tuple[str, ...]] = {
    "tingkat": ("program", "kegiatan", "sub_kegiatan"),
    "polaritas": ("positif", "negatif"),
    "satuan": ("%", "Nilai", "Indeks", "Dokumen", "Laporan", "Orang", "Kegiatan", "Desa",
               "Unit", "Bulan", "Persen"),
    "predikat": ("AA", "A", "BB", "B", "CC", "C", "D"),
    "jenis_belanja": ("Belanja Operasi", "Belanja Modal", "Belanja Tidak Terduga",
                      "Belanja Transfer", "TOTAL"),
}  # fmt: skip
_STRICT_LISTS = {"tingkat", "polaritas", "predikat"}


_RULE_KEYS = ("list_title", "list_msg", "list_other", "list_err_title", "list_err", "money_title",
              "money_msg", "money_err_title", "money_err", "pct_title", "pct_msg", "pct_err_title",
              "pct_err", "int_title", "int_msg", "int_err_title", "int_err")  # fmt: skip
"""The input and error messages of the data validations, ``template.rule.<key>``."""


def _validation(table: Table, column: Column, lang: str = "id") -> dict[str, object] | None:
    """xlsxwriter data_validation options for a column, or None for free text."""
    w = {key: t(f"template.rule.{key}", lang) for key in _RULE_KEYS}
    if column.name in _LISTS and not table.key_value:
        strict = column.name in _STRICT_LISTS
        return {
            "validate": "list",
            "source": list(_LISTS[column.name]),
            "input_title": w["list_title"],
            "input_message": w["list_msg"] + ("" if strict else w["list_other"]),
            "error_type": "stop" if strict else "information",
            "error_title": w["list_err_title"],
            "error_message": w["list_err"] + ", ".join(_LISTS[column.name]),
        }
    if column.kind is Kind.MONEY:
        return {
            "validate": "decimal", "criteria": ">=", "value": 0,
            "input_title": w["money_title"], "input_message": w["money_msg"],
            "error_type": "warning", "error_title": w["money_err_title"],
            "error_message": w["money_err"],
        }  # fmt: skip
    if column.kind is Kind.PERCENT and not table.key_value:
        return {
            "validate": "decimal", "criteria": "between", "minimum": -1000, "maximum": 1000,
            "input_title": w["pct_title"], "input_message": w["pct_msg"],
            "error_type": "warning", "error_title": w["pct_err_title"],
            "error_message": w["pct_err"],
        }  # fmt: skip
    if column.kind is Kind.INTEGER:
        lo, hi = (2000, 2100) if column.name.startswith("tahun") else (0, 10_000_000)
        return {
            "validate": "integer", "criteria": "between", "minimum": lo, "maximum": hi,
            "input_title": w["int_title"], "input_message": w["int_msg"].format(lo=lo, hi=hi),
            "error_type": "warning", "error_title": w["int_err_title"],
            "error_message": w["int_err"].format(lo=lo, hi=hi),
        }  # fmt: skip
    return None


# ------------------------------------------------------------------ instructions

TABLE_NOTES: dict[str, str] = {
    "identitas": "baris kolom sudah tersedia; isi penanggung_jawab, nip, tanggal_laporan "
    "(YYYY-MM-DD) dan data wilayah. Baris berwarna sudah diisi dari daftar Kemendagri.",
    "perjanjian_kinerja": "satu baris per indikator PK (Tabel 2.1).",
    "anggaran_program": "satu baris per program, lalu baris JUMLAH.",
    "rencana_belanja": "satu baris per jenis belanja, lalu baris TOTAL.",
    "capaian_iku": "satu baris per indikator (Tabel 3.2); capaian seperti tercetak.",
    "tren_iku": "satu baris per indikator per tahun (Tabel 3.5/3.11), tahun ini juga.",
    "kemajuan_renstra": "satu baris per indikator (Tabel 3.7/3.13).",
    "program_kegiatan": "urutan dokumen: program, kegiatannya, sub kegiatannya (Tabel 3.17); "
    "baris JUMLAH paling bawah.",
    "realisasi_belanja": "satu baris per jenis belanja, lalu baris TOTAL.",
    "ikm_unsur": "9 unsur pelayanan, nilai 1 sampai 4 (Tabel 3.3).",
    "ikm_survei": "isi nilai tiap baris kolom (Tabel 3.6).",
    "akip_komponen": "satu baris per tahun per komponen (Tabel 3.4/3.12).",
    "akip_nilai": "satu baris per tahun: nilai dan predikat.",
    "efisiensi_sasaran": "satu baris per indikator sasaran (Tabel 3.10/3.16).",
    "sdm": "per kategori (jenis_kelamin, pendidikan) rinciannya lalu satu baris JUMLAH.",
}


TABLE_NOTES_EN: dict[str, str] = {
    "identitas": "the field names are there; fill penanggung_jawab, nip, tanggal_laporan "
    "(YYYY-MM-DD) and the regional figures. Shaded rows come from the Kemendagri reference.",
    "perjanjian_kinerja": "one row per PK indicator (Table 2.1).",
    "anggaran_program": "one row per program, then the JUMLAH row.",
    "rencana_belanja": "one row per type of expenditure, then the TOTAL row.",
    "capaian_iku": "one row per indicator (Table 3.2); capaian as printed.",
    "tren_iku": "one row per indicator per year (Tables 3.5/3.11), this year included.",
    "kemajuan_renstra": "one row per indicator (Tables 3.7/3.13).",
    "program_kegiatan": "in document order: program, its kegiatan, their sub kegiatan "
    "(Table 3.17); the JUMLAH row last.",
    "realisasi_belanja": "one row per type of expenditure, then the TOTAL row.",
    "ikm_unsur": "the 9 service elements, scored 1 to 4 (Table 3.3).",
    "ikm_survei": "the value of each field (Table 3.6).",
    "akip_komponen": "one row per year and component (Tables 3.4/3.12).",
    "akip_nilai": "one row per year: score and grade.",
    "efisiensi_sasaran": "one row per objective indicator (Tables 3.10/3.16).",
    "sdm": "per group (jenis_kelamin, pendidikan) its rows, then one JUMLAH row.",
}


def instructions(kec: Kecamatan, tahun: int, lang: str = "id") -> str:
    """The Petunjuk text (Bahasa Indonesia; English with lang='en'): sheets, numbers, '-',
    JUMLAH rows."""
    notes = (
        pick(lang, TABLE_NOTES.get(table.name, ""), TABLE_NOTES_EN.get(table.name, ""))
        for table in TABLES
    )
    optional = t("template.instructions.optional", lang)
    title = t(
        "template.instructions.title", lang,
        tahun=tahun, kecamatan=kec.kecamatan, kabupaten=kec.kabupaten, kode=kec.kode,
    )  # fmt: skip
    lines = [title, "", t("template.instructions.steps", lang)]
    for table, note in zip(TABLES, notes, strict=True):
        lines.append(f"  • {sheet_title(table)}{'' if table.required else optional}: {note}")
    lines += ["", t("template.instructions.closing", lang)]
    return "\n".join(lines)


# ------------------------------------------------------------------ writing


def _identitas_rows(kec: Kecamatan, tahun: int) -> list[tuple[str, str | int | None]]:
    known: dict[str, str | int] = {
        "provinsi": kec.provinsi,
        "kabupaten": kec.kabupaten,
        "kecamatan": kec.kecamatan,
        "tahun": tahun,
        "kode_wilayah": kec.kode,
    }
    return [(key, known.get(key)) for key in IDENTITAS_KEYS if key != "sintetis"]


def write_template(path: Path, kec: Kecamatan, tahun: int, lang: str = "id") -> Path:
    """One kecamatan's workbook: instructions, then one sheet per table of the contract."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path), {"in_memory": True})
    book.set_properties(
        {
            "title": f"LKjIP {tahun} Kecamatan {kec.kecamatan}",
            "subject": "Format baku pengiriman data LKjIP (lakip template)",
            "created": FIXED_CREATED,
        }
    )
    fmt = {
        "title": book.add_format({"bold": True, "font_size": 12, "locked": True}),
        "header": book.add_format(
            {"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True,
             "valign": "top", "locked": True}
        ),
        "locked": book.add_format({"locked": True}),
        "prefilled": book.add_format({"bg_color": "#EEEEEE", "locked": True}),
        Kind.TEXT: book.add_format({"locked": False, "num_format": "@"}),
        Kind.INTEGER: book.add_format({"locked": False, "num_format": "0"}),
        Kind.MONEY: book.add_format({"locked": False, "num_format": "#,##0.00"}),
        Kind.PERCENT: book.add_format({"locked": False, "num_format": "0.00"}),
        Kind.MEASURE: book.add_format({"locked": False}),
    }  # fmt: skip
    guide = book.add_worksheet(INSTRUCTIONS_SHEET)
    guide.insert_textbox(
        1, 1, instructions(kec, tahun, lang),
        {"width": 1100, "height": 620, "font": {"size": 11},
         "align": {"vertical": "top"}, "line": {"color": "#4F81BD"}},
    )  # fmt: skip
    _page_setup(guide, repeat=None)
    guide.protect("", {"objects": True})
    for table in TABLES:
        sheet = book.add_worksheet(sheet_title(table))
        if table.name == "identitas":
            _identitas(sheet, table, kec, tahun, fmt, lang)
        else:
            _table_sheet(sheet, table, kec, tahun, fmt, lang)
    book.close()
    return path


def _page_setup(sheet: Worksheet, repeat: int | None) -> None:
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    if repeat is not None:
        sheet.repeat_rows(0, repeat)


_PROTECT = {
    "insert_rows": True, "delete_rows": True, "format_cells": True, "format_columns": True,
    "format_rows": True, "sort": True, "autofilter": True,
}  # fmt: skip


def _identitas(
    sheet: Worksheet, table: Table, kec: Kecamatan, tahun: int, fmt: dict, lang: str
) -> None:
    sheet.set_column(0, 0, 22, fmt["locked"])
    sheet.set_column(1, 1, 50, fmt[Kind.TEXT])
    sheet.set_row(0, None, fmt["locked"])
    for c, column in enumerate(table.columns):
        sheet.write_string(0, c, header_label(table, column), fmt["header"])
        sheet.write_comment(0, c, header_comment(table, column, lang), {"x_scale": 3, "y_scale": 2})
    for r, (key, value) in enumerate(_identitas_rows(kec, tahun), start=1):
        sheet.write_string(r, 0, key, fmt["locked"])
        if value is None:
            continue
        if isinstance(value, int):
            sheet.write_number(r, 1, value, fmt["prefilled"])
        else:
            sheet.write_string(r, 1, value, fmt["prefilled"])
    _page_setup(sheet, repeat=0)
    sheet.protect("", _PROTECT)


def _table_sheet(
    sheet: Worksheet, table: Table, kec: Kecamatan, tahun: int, fmt: dict, lang: str
) -> None:
    header = 1  # row 0: title, row 1: header
    year, word = t("template.year", lang), t("template.table", lang)
    title = f"{sheet_title(table)} — Kecamatan {kec.kecamatan} {year} {tahun}"
    if table.report_table:
        title = f"{word} {table.report_table}: {title}"
    sheet.set_row(0, 20, fmt["locked"])
    sheet.set_row(header, 32, fmt["locked"])
    sheet.write_string(0, 0, title, fmt["title"])
    for c, column in enumerate(table.columns):
        width = 40 if column.kind is Kind.TEXT and column.name not in ("no", "satuan") else 16
        sheet.set_column(c, c, width, fmt[column.kind])
        sheet.write_string(header, c, header_label(table, column), fmt["header"])
        sheet.write_comment(
            header, c, header_comment(table, column, lang), {"x_scale": 3, "y_scale": 2}
        )
        rule = _validation(table, column, lang)
        if rule is not None:
            sheet.data_validation(header + 1, c, header + DATA_ROWS, c, rule)
    if table.name == "ikm_survei":
        for r, key in enumerate(IKM_SURVEI_KEYS, start=header + 1):
            sheet.write_string(r, 0, key, fmt["locked"])
    sheet.freeze_panes(header + 1, 0)
    _page_setup(sheet, repeat=header)
    sheet.protect("", _PROTECT)


def write_templates(
    out: Path, tahun: int, kabupaten: str, kecamatan: tuple[str, ...] = (), lang: str = "id"
) -> list[Path]:
    """One workbook per kecamatan of ``kabupaten``: ``out/<tahun>/<slug>.xlsx``.

    The name is the one ``raw/<tahun>/<slug>.xlsx`` expects, so a returned file goes into
    raw/ as it is. ``lang='en'`` writes the instructions, comments and input messages in
    English; sheet names and headers stay the format's.
    """
    return [
        write_template(out / str(tahun) / f"{slug(k.kecamatan)}.xlsx", k, tahun, lang)
        for k in kecamatan_of(kabupaten, kecamatan)
    ]
