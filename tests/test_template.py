"""`lakip template`: one workbook per reference kecamatan, built from the contract, that
ingest reads back without a single ING finding, with the aids an operator needs."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.ingest import ingest
from pipeline.template import (
    INSTRUCTIONS_SHEET,
    TemplateError,
    header_label,
    kecamatan_of,
    sheet_title,
    write_template,
)
from schemas.contract import TABLES, header_lookup, norm, sheet_lookup

BATU_BARA = "12.19"


@pytest.fixture(scope="module")
def medang(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kec = kecamatan_of(BATU_BARA, ("12.19.01",))[0]
    return write_template(tmp_path_factory.mktemp("tpl") / "medang-deras.xlsx", kec, 2026)


def test_cli_writes_one_workbook_per_kecamatan_of_the_kabupaten(tmp_path: Path) -> None:
    run = CliRunner().invoke(
        cli, ["template", "--tahun", "2026", "--kabupaten", BATU_BARA, "--out", str(tmp_path)]
    )
    assert run.exit_code == 0, run.output
    files = sorted((tmp_path / "2026").glob("*.xlsx"))
    assert len(files) == 12
    assert {f.stem for f in files} >= {"medang-deras", "nibung-hangus", "lima-puluh-pesisir"}
    assert "12 templat" in run.output


def test_one_kecamatan_by_name_and_unknown_codes_are_refused(tmp_path: Path) -> None:
    assert [k.kode for k in kecamatan_of(BATU_BARA, ("Sei Suka",))] == ["12.19.02"]
    with pytest.raises(TemplateError):
        kecamatan_of("99.99")
    with pytest.raises(TemplateError):
        kecamatan_of(BATU_BARA, ("12.20.01",))
    run = CliRunner().invoke(
        cli, ["template", "--tahun", "2026", "--kabupaten", "99.99", "--out", str(tmp_path)]
    )
    assert run.exit_code == 1
    assert "99.99" in run.output and "Traceback" not in run.output


def test_blank_template_reads_back_without_ing_findings(medang: Path) -> None:
    batch = ingest([medang], workers=1)
    assert batch.findings.filter(batch.findings["rule"].str.starts_with("ING")).height == 0
    sub = batch.submissions.row(0, named=True)
    assert (sub["kecamatan"], sub["kode_wilayah"], sub["tahun"]) == (
        "Medang Deras",
        "12.19.01",
        2026,
    )
    assert sub["kabupaten"] == "Kabupaten Batu Bara" and sub["provinsi"] == "Sumatera Utara"
    # every table's header was found: each column is placed in the layout
    placed = {(r["table"], r["column"]) for r in batch.layout.iter_rows(named=True)}
    for table in TABLES:
        for column in table.columns:
            assert (table.name, column.name) in placed, (table.name, column.name)


def test_sheets_and_headers_follow_the_contract_in_order(medang: Path) -> None:
    book = openpyxl.load_workbook(medang)
    assert book.sheetnames == [INSTRUCTIONS_SHEET, *(sheet_title(t) for t in TABLES)]
    for table in TABLES:
        assert sheet_lookup()[norm(sheet_title(table))] == table.name
        sheet = book[sheet_title(table)]
        row = 1 if table.name == "identitas" else 2
        labels = [sheet.cell(row=row, column=c + 1).value for c in range(len(table.columns))]
        assert labels == [header_label(table, col) for col in table.columns]
        lookup = header_lookup(table)
        assert [lookup[norm(label)] for label in labels] == [c.name for c in table.columns]
        for c, column in enumerate(table.columns, start=1):
            comment = sheet.cell(row=row, column=c).comment
            assert comment is not None, (table.name, column.name)
            for word in ("Arti:", "Satuan:", "Format:", "Contoh:"):
                assert word in comment.text


def test_dropdowns_number_rules_protection_and_print_setup(medang: Path) -> None:
    book = openpyxl.load_workbook(medang)

    def rules(sheet_name: str) -> dict[str, object]:
        sheet = book[sheet_name]
        out = {}
        for dv in sheet.data_validations.dataValidation:
            for ref in str(dv.sqref).split():
                out[re.match(r"[A-Z]+", ref).group(0)] = dv  # type: ignore[union-attr]
        return out

    program = rules("Program Kegiatan")
    tingkat = program["A"]
    assert tingkat.type == "list" and "sub_kegiatan" in tingkat.formula1
    assert program["G"].type == "decimal" and program["G"].prompt  # pagu: money, with a message
    assert program["J"].type == "decimal"  # % kinerja
    assert "positif" in rules("Perjanjian Kinerja")["F"].formula1  # polaritas
    assert "Indeks" in rules("Perjanjian Kinerja")["D"].formula1  # satuan
    assert rules("AKIP Nilai")["C"].formula1 == '"AA,A,BB,B,CC,C,D"'  # predikat
    assert "Belanja Modal" in rules("Realisasi Belanja")["B"].formula1  # jenis belanja
    assert rules("SDM")["C"].type == "whole"  # jumlah pegawai
    for table in TABLES:
        sheet = book[sheet_title(table)]
        assert sheet.protection.sheet and not sheet.protection.password
        assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
        assert sheet.print_title_rows
        header = 1 if table.name == "identitas" else 2
        assert sheet.cell(row=header, column=1).protection.locked
    money = book["Anggaran Program"]
    col = money.column_dimensions["C"]
    assert col.number_format == "#,##0.00"  # Anggaran (Rp): data cells unlocked, money format
    assert col.protection.locked is False


def test_identitas_is_prefilled_from_the_reference(medang: Path) -> None:
    sheet = openpyxl.load_workbook(medang)["Identitas"]
    values = {r[0]: r[1] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["provinsi"] == "Sumatera Utara"
    assert values["kabupaten"] == "Kabupaten Batu Bara"
    assert values["kecamatan"] == "Medang Deras"
    assert values["kode_wilayah"] == "12.19.01"
    assert values["tahun"] == 2026
    assert values["penanggung_jawab"] is None  # left for the kecamatan


def test_english_template_keeps_the_format_and_explains_in_english(tmp_path: Path) -> None:
    run = CliRunner().invoke(
        cli,
        ["--lang", "en", "template", "--tahun", "2026", "--kabupaten", BATU_BARA,
         "--kecamatan", "Talawi", "--out", str(tmp_path)],
    )  # fmt: skip
    assert run.exit_code == 0, run.output
    assert "1 templates" in run.output
    (path,) = (tmp_path / "2026").glob("*.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Program Kegiatan"]
    assert sheet["G2"].value == "Pagu (Rp)"  # the header ingest knows, in any language
    assert "Meaning:" in sheet["G2"].comment.text and "Arti:" not in sheet["G2"].comment.text
    assert sheet["A1"].value.startswith("Table 3.17")
    batch = ingest([path], workers=1)
    assert batch.findings.filter(batch.findings["rule"].str.starts_with("ING")).height == 0
