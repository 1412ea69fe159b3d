"""The cell ledger (tests/fuzz/ledger.py): every non-empty cell a kecamatan sent is in the
warehouse (a table row, layout's header row, raw_sel_lain) or in a finding."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner
from conftest import MINIMAL, SAMPLE_CSV, SAMPLE_XLSX, write_xlsx
from fuzz.ledger import check_mutant, ledger, letter, unaccounted

import pipeline.load as loader
from pipeline.cli import cli
from pipeline.generate import generate


def _load(raw: Path, warehouse: Path) -> None:
    result = CliRunner().invoke(
        cli, ["-q", "-j", "1", "load", "--raw", str(raw), "--warehouse", str(warehouse)]
    )
    assert result.exit_code in (0, 1), result.output
    assert warehouse.exists()


def _rows(warehouse: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")


def test_letters() -> None:
    assert [letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


@pytest.mark.parametrize("sample", ["xlsx", "csv"])
def test_every_cell_of_the_sample_is_accounted_for(tmp_path: Path, sample: str) -> None:
    raw = tmp_path / "raw" / "2025"
    raw.mkdir(parents=True)
    if sample == "xlsx":
        shutil.copy(SAMPLE_XLSX, raw / SAMPLE_XLSX.name)
    else:
        shutil.copytree(SAMPLE_CSV, raw / "medang-deras")
    warehouse = tmp_path / "w.duckdb"
    _load(tmp_path / "raw", warehouse)
    seen, lost = ledger(tmp_path / "raw", warehouse)
    assert seen > 800 and lost == []
    # the sample's title lines are kept, without a finding
    titles = _rows(warehouse, "SELECT count(*) FROM raw_sel_lain WHERE alasan = 'judul'")
    assert titles[0][0] >= (10 if sample == "xlsx" else 0)
    assert _rows(warehouse, "SELECT count(*) FROM findings WHERE rule = 'ING016'") == [(0,)]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_generated_corpus_with_injected_errors_is_accounted_for(tmp_path: Path, fmt: str) -> None:
    generate(tmp_path / "gen", kecamatan=4, seed=5, inject=25, fmt=fmt)
    raw = tmp_path / "gen" / "sintetis"
    warehouse = tmp_path / "w.duckdb"
    _load(raw, warehouse)
    seen, lost = ledger(raw, warehouse)
    assert seen > 2000 and lost == []


def _stray_csv(folder: Path) -> tuple[str, str]:
    """A note line below capaian_iku and a value right of its first data row (CSV)."""
    file = folder / "capaian_iku.csv"
    lines = file.read_text(encoding="utf-8-sig").splitlines()
    width = lines[0].count(";")
    lines[1] = lines[1] + ";" * 2 + "cek lagi"
    lines.append("Catatan: angka sementara, menunggu verifikasi")
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"capaian_iku.csv!{letter(width + 2)}2", f"capaian_iku.csv!A{len(lines)}"


def _stray_xlsx(path: Path) -> tuple[str, str]:
    """The same in a copy of the sample workbook (openpyxl keeps the other cells)."""
    book = openpyxl.load_workbook(path)
    sheet = book["Capaian IKU"]
    last_row, last_col = sheet.max_row, sheet.max_column
    header = next(
        r for r in range(1, 10) if str(sheet.cell(r, 1).value).strip(" .").lower() == "no"
    )
    stray = sheet.cell(header + 1, last_col + 2, "cek lagi")
    note = sheet.cell(last_row + 2, 1, "Catatan: angka sementara, menunggu verifikasi")
    book.save(path)
    return f"Capaian IKU!{stray.coordinate}", f"Capaian IKU!{note.coordinate}"


@pytest.mark.parametrize("sample", ["csv", "xlsx"])
def test_a_note_and_a_stray_value_are_kept_and_the_ledger_misses_them_when_dropped(
    tmp_path: Path, sample: str
) -> None:
    raw = tmp_path / "raw" / "2025"
    raw.mkdir(parents=True)
    if sample == "csv":
        shutil.copytree(SAMPLE_CSV, raw / "medang-deras")
        stray, note = _stray_csv(raw / "medang-deras")
    else:
        shutil.copy(SAMPLE_XLSX, raw / "medang-deras.xlsx")
        stray, note = _stray_xlsx(raw / "medang-deras.xlsx")
    warehouse = tmp_path / "w.duckdb"
    _load(tmp_path / "raw", warehouse)
    assert unaccounted(tmp_path / "raw", warehouse) == []
    kept = dict(_rows(warehouse, "SELECT cell, alasan FROM raw_sel_lain"))
    assert kept[stray] == "luar_kolom" and kept[note] == "catatan"
    found = _rows(warehouse, "SELECT cell, found, detail_en FROM findings WHERE rule = 'ING016'")
    assert found == [
        (stray, "cek lagi", "in a column without a header, outside the table's columns")
    ]
    assert not _rows(warehouse, "SELECT * FROM findings WHERE rule = 'ING006'")  # no label: ING016

    # drop them from the warehouse as an ingest that forgot them would: the ledger says so
    with duckdb.connect(str(warehouse)) as con:
        con.execute("DELETE FROM raw_sel_lain WHERE cell IN (?, ?)", [stray, note])
        con.execute("DELETE FROM findings WHERE rule = 'ING016'")
    lost = unaccounted(tmp_path / "raw", warehouse)
    assert sorted(f"{c.sheet}!{c.cell}" for c in lost) == sorted([stray, note])
    assert {c.text for c in lost} == {"cek lagi", "Catatan: angka sementara, menunggu verifikasi"}
    assert check_mutant(tmp_path / "raw", warehouse) == [str(c) for c in lost]


def test_a_deleted_or_changed_table_value_is_reported(tmp_path: Path) -> None:
    raw = tmp_path / "raw" / "2025"
    shutil.copytree(SAMPLE_CSV, raw / "medang-deras")
    warehouse = tmp_path / "w.duckdb"
    _load(tmp_path / "raw", warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("UPDATE raw_capaian_iku SET indikator = NULL WHERE row = 3")
        con.execute("UPDATE raw_capaian_iku SET satuan = 'Persen' WHERE row = 2")
    lost = unaccounted(tmp_path / "raw", warehouse)
    assert [(c.sheet, c.cell, c.why) for c in lost] == [
        ("capaian_iku.csv", "D2", "its table row holds another text there: 'Persen'"),
        ("capaian_iku.csv", "C3", "its table row holds null there, and no finding names the cell"),
    ]


def _minimal(tmp_path: Path, **changes: Any) -> Path:
    raw = tmp_path / "raw" / "2025"
    raw.mkdir(parents=True)
    write_xlsx(raw / "k.xlsx", {**MINIMAL, **changes})
    return tmp_path / "raw"


def test_a_labelled_unknown_column_is_ing006_and_its_values_are_kept(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["jenis_belanja", "anggaran", "catatan pribadi"],
        ["Belanja Operasi", "RP 1.000.000", "dicek"],
        ["TOTAL :", "RP 1.000.000", None],
    ]
    raw = _minimal(tmp_path, rencana_belanja=rows)
    warehouse = tmp_path / "w.duckdb"
    _load(raw, warehouse)
    assert unaccounted(raw, warehouse) == []
    assert _rows(warehouse, "SELECT rule, cell FROM findings WHERE rule LIKE 'ING01_'") == []
    assert _rows(warehouse, "SELECT rule, cell FROM findings WHERE rule = 'ING006'") == [
        ("ING006", "rencana_belanja!C1")
    ]
    assert sorted(_rows(warehouse, "SELECT cell, nilai, alasan FROM raw_sel_lain")) == [
        ("rencana_belanja!C1", "catatan pribadi", "judul_kolom"),
        ("rencana_belanja!C2", "dicek", "luar_kolom"),
    ]
    # the header row of every table is in layout: its label cells are accounted for there
    assert _rows(
        warehouse, "SELECT DISTINCT header_row FROM layout WHERE \"table\" = 'rencana_belanja'"
    ) == [(1,)]


def test_an_identitas_value_without_its_key_is_ing016(tmp_path: Path) -> None:
    identitas: list[list[Any]] = [list(r) for r in MINIMAL["identitas"]]
    identitas.append([None, "Kepala Seksi Tapem"])
    raw = _minimal(tmp_path, identitas=identitas)
    warehouse = tmp_path / "w.duckdb"
    _load(raw, warehouse)
    assert unaccounted(raw, warehouse) == []
    cell = f"identitas!B{len(identitas)}"
    assert _rows(warehouse, "SELECT cell, found FROM findings WHERE rule = 'ING016'") == [
        (cell, "Kepala Seksi Tapem")
    ]
    assert _rows(warehouse, f"SELECT alasan FROM raw_sel_lain WHERE cell = '{cell}'") == [
        ("tanpa_kunci",)
    ]


def test_a_huge_sheet_does_not_hide_the_other_sheets(tmp_path: Path) -> None:
    import xlsxwriter

    raw = tmp_path / "raw" / "2025"
    raw.mkdir(parents=True)
    book = xlsxwriter.Workbook(str(raw / "k.xlsx"))
    for name, rows in MINIMAL.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    huge = book.add_worksheet("catatan")
    huge.write_string(0, 0, "Catatan")
    huge.write_string(1_048_575, 16_383, "x")  # A1:XFD1048576: never opened
    book.close()
    warehouse = tmp_path / "w.duckdb"
    _load(tmp_path / "raw", warehouse)
    assert _rows(warehouse, "SELECT rule, sheet FROM findings WHERE rule = 'ING014'") == [
        ("ING014", "catatan")
    ]
    assert _rows(warehouse, "SELECT count(*) FROM raw_identitas")[0][0] > 3  # still read
    assert unaccounted(tmp_path / "raw", warehouse) == []


def test_a_schema_4_warehouse_gets_the_ledger_table(tmp_path: Path) -> None:
    """Schema 5 added raw_sel_lain and layout.header_row; older rows keep NULL there."""
    raw = tmp_path / "raw" / "2025"
    shutil.copytree(SAMPLE_CSV, raw / "medang-deras")
    warehouse = tmp_path / "w.duckdb"
    _load(tmp_path / "raw", warehouse)
    with duckdb.connect(str(warehouse)) as con:  # make it look like schema 4
        con.execute("DROP TABLE raw_sel_lain")
        con.execute("ALTER TABLE layout DROP COLUMN header_row")
        con.execute("UPDATE schema_version SET version = 4")
    loader.connect(warehouse, read_only=False).close()
    versions = _rows(warehouse, "SELECT version FROM schema_version ORDER BY 1")
    assert versions[-2:] == [(4,), (5,)] and loader.SCHEMA_VERSION == 5
    assert _rows(warehouse, "SELECT count(*), count(header_row) FROM layout")[0][1] == 0
    assert _rows(warehouse, "SELECT count(*) FROM raw_sel_lain") == [(0,)]
    # the rows loaded before have no header row: the ledger cannot account for those cells
    lost = unaccounted(tmp_path / "raw", warehouse)
    assert lost and all(c.row == 1 for c in lost)


def test_others_of_a_batch_go_in_unchanged(tmp_path: Path) -> None:
    from pipeline.ingest import ingest
    from pipeline.validate import validate

    batch = ingest([SAMPLE_XLSX])
    warehouse = tmp_path / "w.duckdb"
    loader.load(batch, validate(batch), warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        stored = con.sql("SELECT * FROM raw_sel_lain").pl()
    assert stored.height == batch.others.height > 10
    assert stored.sort("cell").equals(batch.others.sort("cell"))
    assert set(batch.others.get_column("alasan")) <= {"judul", "judul_kolom", "catatan"}
    assert batch.others.filter(pl.col("nilai").str.contains(r"^\s*$")).height == 0
