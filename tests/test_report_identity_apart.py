"""A submission whose kode_wilayah is another kecamatan's (IDN001) gets a kecamatan_key of its
own in the warehouse; the report keeps it on rows of its own too, never merged with the real
kecamatan of that code (nor with the kecamatan it names)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import SAMPLE_CSV

from pipeline.cli import cli

# openpyxl does not keep the workbook's conditional-formatting extensions (not read here)
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

EXPECTED = {
    ("Medang Deras", "12.19.01"),
    ("Sei Suka", "12.19.02"),
    ("Medang Deras", "12.19.02"),  # names Medang Deras, writes Sei Suka's code
}


def _submission(folder: Path, kecamatan: str, kode: str) -> None:
    shutil.copytree(SAMPLE_CSV, folder, ignore=shutil.ignore_patterns("*.md"))
    identitas = folder / "identitas.csv"
    text = identitas.read_text(encoding="utf-8")
    text = text.replace("kecamatan;Medang Deras", f"kecamatan;{kecamatan}")
    identitas.write_text(text.replace("kode_wilayah;12.19.01", f"kode_wilayah;{kode}"), "utf-8")


def _pairs(sheet) -> tuple[set[tuple[str, str]], list[tuple]]:
    """(kecamatan, kode) of every data row of a sheet with both columns, and the rows."""
    rows = list(sheet.iter_rows(values_only=True))
    for at, row in enumerate(rows):
        names = [str(v) if v is not None else "" for v in row]
        if "Kecamatan" in names and any(n.startswith("Kode") for n in names):
            kec = names.index("Kecamatan")
            kode = next(i for i, n in enumerate(names) if n.startswith("Kode"))
            data = [r for r in rows[at + 1 :] if r[kode] and str(r[kode]).startswith("12.19.")]
            return {(r[kec], r[kode]) for r in data if r[kec]}, data
    return set(), []


def test_wrong_code_keeps_its_own_rows_in_every_per_kecamatan_table(tmp_path: Path):
    year = tmp_path / "raw" / "2025"
    _submission(year / "medang-deras", "Medang Deras", "12.19.01")
    _submission(year / "sei-suka", "Sei Suka", "12.19.02")
    _submission(year / "medang-deras-kode-sei-suka", "Medang Deras", "12.19.02")
    reports = tmp_path / "reports"
    result = CliRunner().invoke(
        cli,
        ["-q", "-j", "1", "run", "--raw", str(tmp_path / "raw"), "--warehouse",
         str(tmp_path / "w.duckdb"), "--reports", str(reports), "--out", str(tmp_path / "out")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(reports / "2025" / "ringkasan.xlsx", read_only=True)
    checked = []
    for sheet in book.worksheets:
        pairs, rows = _pairs(sheet)
        if not pairs:
            continue
        checked.append(sheet.title)
        if sheet.title == "Pengiriman":  # by the national list: Sei Suka once, then the file
            assert {p for p in pairs if p[1] == "12.19.02"} == {
                ("Sei Suka", "12.19.02"),
                ("Medang Deras", "12.19.02"),
            }
            versions = [r for r in rows if r[1] in ("Sei Suka", "Medang Deras")]
            assert len(versions) == 3, versions  # one row each, one version each
            continue
        assert pairs == EXPECTED, (sheet.title, pairs)
    assert {"Ringkasan", "Pengiriman", "Efisiensi per kecamatan", "Peringkat"} <= set(checked)
    assert len(checked) >= 10, checked
    ringkasan = _pairs(book["Ringkasan"])[1]
    assert len(ringkasan) == 3  # three rows, not two with one merged
    pages = {p.name for p in (reports / "2025" / "kecamatan").glob("*.html")}
    assert {"12-19-02-medang-deras.html", "12-19-02-sei-suka.html"} <= pages


def test_a_wrong_code_fills_no_slot_of_the_national_list(tmp_path: Path):
    """Three files in, but only two kecamatan of Batu Bara's list: "belum masuk" is the
    list minus the kecamatan that are in, not minus the files."""
    year = tmp_path / "raw" / "2025"
    _submission(year / "medang-deras", "Medang Deras", "12.19.01")
    _submission(year / "sei-suka", "Sei Suka", "12.19.02")
    _submission(year / "medang-deras-kode-sei-suka", "Medang Deras", "12.19.02")
    reports = tmp_path / "reports"
    result = CliRunner().invoke(
        cli,
        ["-q", "-j", "1", "run", "--raw", str(tmp_path / "raw"), "--warehouse",
         str(tmp_path / "w.duckdb"), "--reports", str(reports), "--out", str(tmp_path / "out")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    wilayah = Path(__file__).resolve().parents[1] / "schemas" / "data" / "wilayah_kecamatan.csv"
    expected = wilayah.read_text(encoding="utf-8").count(",Kabupaten Batu Bara,")
    book = openpyxl.load_workbook(reports / "2025" / "ringkasan.xlsx", read_only=True)
    rows = [
        [str(v) if v is not None else "" for v in r]
        for r in book["Ringkasan kabupaten"].iter_rows(values_only=True)
    ]
    head = next(i for i, r in enumerate(rows) if "Belum masuk" in r)
    line = next(r for r in rows[head + 1 :] if r and r[0].startswith("Batu Bara"))
    assert line[rows[head].index("Belum masuk")] == str(expected - 2)
    assert line[rows[head].index("Laporan masuk: Jumlah")] == "3"  # three files in
