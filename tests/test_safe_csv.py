"""CSV formula injection: every CSV lakip writes neutralises text that a spreadsheet would run."""

from __future__ import annotations

import csv
import html
import zipfile
from pathlib import Path

import polars as pl
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.safecsv import neutral_cell, neutral_frame, rows_text

ATTACKS = ('=HYPERLINK("http://x.example/?a","klik")', "=cmd|' /C calc'!A0", "@SUM(1+1)")


def _set(path: Path, row_prefix: str, column: int, value: str) -> None:
    """Replace one cell of the first line starting with ``row_prefix`` in a ``;`` CSV."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith(row_prefix):
            cells = line.split(";")
            cells[column] = value
            lines[i] = ";".join(cells)
            break
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def _dangerous(cells: list[str]) -> list[str]:
    return [c for c in cells if c.startswith(("=", "@", "+", "\t", "\r"))]


def test_cell_rule_text_only():
    assert neutral_cell("=1+1") == "'=1+1"
    assert neutral_cell("@SUM(A1)") == "'@SUM(A1)"
    assert neutral_cell("-2+3+cmd|' /C calc'!A0") == "'-2+3+cmd|' /C calc'!A0"
    assert neutral_cell("\t=1") == "'\t=1"
    assert neutral_cell("Kecamatan = baik") == "Kecamatan = baik"
    assert neutral_cell(-1500) == -1500  # a number stays a number
    assert neutral_cell("-1.500,25") == "-1.500,25"  # text that is only a number too
    frame = pl.DataFrame({"nama": ["=1", "ok", None, "-3"], "pagu": [-5, 1, 2, 3]})
    out = neutral_frame(frame)
    assert out["nama"].to_list() == ["'=1", "ok", None, "-3"]
    assert out["pagu"].to_list() == [-5, 1, 2, 3]
    text = rows_text(["a", "b"], [("=x", -7)])
    assert text.splitlines() == ["a,b", "'=x,-7"]


def test_every_csv_lakip_writes_is_neutralised(sample_copy: Path, tmp_path: Path):
    _set(sample_copy / "identitas.csv", "kecamatan;", 1, ATTACKS[2])
    _set(sample_copy / "program_kegiatan.csv", "kegiatan;", 2, ATTACKS[1])
    _set(sample_copy / "program_kegiatan.csv", "sub_kegiatan;", 2, ATTACKS[0])
    raw = sample_copy.parents[1]
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(cli, ["-q", "validate", "--raw", str(raw), "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    findings = _cells(out / "findings.csv")
    assert "'" + ATTACKS[2] in findings
    assert not _dangerous(findings)

    wh = tmp_path / "w.duckdb"
    result = runner.invoke(cli, ["-q", "load", "--raw", str(raw), "--warehouse", str(wh)])
    assert result.exit_code == 0, result.output
    export = tmp_path / "export"
    result = runner.invoke(
        cli, ["export", "--warehouse", str(wh), "--out", str(export), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    exported = [c for f in sorted(export.rglob("*.csv")) for c in _cells(f)]
    assert "'" + ATTACKS[1] in exported and "'" + ATTACKS[0] in exported
    assert not _dangerous(exported)

    query = "SELECT nama, -pagu AS minus FROM stg_program_kegiatan ORDER BY nama"
    result = runner.invoke(cli, ["sql", query, "--warehouse", str(wh), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(result.output.splitlines()))
    names = [r[0] for r in rows[1:]]
    assert "'" + ATTACKS[1] in names and "'" + ATTACKS[0] in names
    assert not _dangerous(names)
    minus = [r[1] for r in rows[1:] if r[1]]
    assert minus and all(m.startswith("-") and float(m) < 0 for m in minus)

    # xlsx: the same text is a string cell in the report workbook, never a formula
    reports = tmp_path / "reports"
    result = runner.invoke(cli, ["report", "--warehouse", str(wh), "--reports", str(reports)])
    assert result.exit_code == 0, result.output
    books = sorted(reports.rglob("*.xlsx"))
    assert books
    for book in books:
        with zipfile.ZipFile(book) as archive:
            sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
            xml = "".join(archive.read(n).decode("utf-8") for n in sheets)
            strings = "".join(
                archive.read(n).decode("utf-8")
                for n in archive.namelist()
                if n == "xl/sharedStrings.xml"
            )
        assert "<f>" not in xml and "<f " not in xml, book
        assert html.escape(ATTACKS[2], quote=False) in strings + xml
