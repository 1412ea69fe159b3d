"""The workbook writer: what each kind of cell holds and how it looks, read back with openpyxl.

Why: the writer works column by column for speed (millions of cells at national scale);
these cases pin the per-cell rules it must keep (half-up rounding of what was printed,
blanks, labels, marks, findings as numbers, bold total rows).
"""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from pipeline.reporting.model import Col, Context, Kind, ReportTable
from pipeline.reporting.text import t
from pipeline.reporting.xlsx import HEADER_ROW, write_workbook

CTX = Context(2025, "id", "Kabupaten Batu Bara", False, "test")
COLORS = {"Tinggi": ("#a6dba0", "#00441b")}


def _table(frame: pl.DataFrame, columns: list[Col]) -> ReportTable:
    return ReportTable(
        id="uji",
        title="Uji",
        subtitle="sub",
        frame=frame,
        columns=columns,
        formula="f",
        source="s",
        sheet="Uji",
    )


def _rows(path: Path) -> list[list[openpyxl.cell.cell.Cell]]:
    ws = openpyxl.load_workbook(path)["Uji"]
    return [list(row) for row in ws.iter_rows(min_row=HEADER_ROW + 2)]


def test_cells_hold_the_printed_figure_rounded_half_up(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            # 2.675 and 0.125 are below the half in binary: float rounding would go down
            "persen": [2.675, 0.125, float("nan"), None, 99.29372197309416],
            "uang": [Decimal("5461337162.005"), Decimal("1.004"), None, Decimal("0"), None],
            "jumlah": [3, None, 0, 12, 7],
        },
        schema_overrides={"uang": pl.Decimal(20, 3)},
    )
    cols = [
        Col("persen", "P", Kind.PERCENT),
        Col("uang", "U", Kind.MONEY),
        Col("jumlah", "J", Kind.INTEGER),
    ]
    path = write_workbook(tmp_path / "b.xlsx", [_table(frame, cols)], CTX)
    values = [[c.value for c in row] for row in _rows(path)]
    assert values == [
        [2.68, 5461337162.01, 3],
        [0.13, 1.0, None],
        [None, None, 0],
        [None, 0, 12],
        [99.29, None, 7],
    ]
    formats = {c.number_format for c in _rows(path)[0]}
    assert formats == {'#,##0.00" %"', "#,##0.00", "#,##0"}


def test_labels_marks_findings_and_total_rows(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "rating": ["Tinggi", "Lain", None, "Tinggi"],
            "status": ["ok", "mismatch", None, "rounding"],
            "tertulis": ["5461337162.00", "-", "74.1", None],
            "ada": [True, False, None, True],
            "_total": [False, False, False, True],
        }
    )
    cols = [
        Col("rating", "R", Kind.LABEL, colors=COLORS),
        Col("status", "S", Kind.MARK),
        Col("tertulis", "T", Kind.FINDING),
        Col("ada", "A", Kind.BOOL),
    ]
    path = write_workbook(tmp_path / "b.xlsx", [_table(frame, cols)], CTX)
    rows = _rows(path)
    assert [[c.value for c in row] for row in rows] == [
        ["Tinggi", t("mark_ok", "id"), 5461337162, True],
        ["Lain", t("mark_mismatch", "id"), "-", False],
        [None, None, 74.1, None],
        ["Tinggi", t("mark_rounding", "id"), None, True],
    ]
    # a coloured label is filled and bold; an unknown one is plain
    assert rows[0][0].fill.fgColor.rgb.endswith("A6DBA0") and rows[0][0].font.b
    assert not rows[1][0].font.b
    # a mismatch is red; findings keep the precision they were given
    assert rows[1][1].fill.fgColor.rgb.endswith("C2271D")
    assert rows[0][2].number_format == "#,##0.00"
    assert rows[2][2].number_format == "#,##0.0"
    # the total row is bold in every column, the others only where a label says so
    assert all(c.font.b for c in rows[3])
    assert not any(c.font.b for c in rows[2])


def test_same_tables_same_bytes(tmp_path: Path) -> None:
    frame = pl.DataFrame({"a": ["x", "y", "x"], "b": [1.005, 2.5, None]})
    cols = [
        Col("a", "A", Kind.LABEL, colors={"y": ("#000000", "#ffffff")}),
        Col("b", "B", Kind.NUMBER),
    ]
    one = write_workbook(tmp_path / "1.xlsx", [_table(frame, cols)], CTX).read_bytes()
    two = write_workbook(tmp_path / "2.xlsx", [_table(frame, cols)], CTX).read_bytes()
    assert one == two


def test_in_memory_parts_write_the_bytes_of_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parts assembled in memory (no temporary files, cheaper) give the very file the
    temporary files give: same zip entry dates and attributes, same bytes."""
    import xlsxwriter.workbook

    from pipeline.reporting import xlsx

    frame = pl.DataFrame(
        {"a": ["x", "y", None], "b": [1.005, 2.5, None], "_sintetis": [False, True, False]}
    )
    cols = [Col("a", "A", Kind.LABEL, colors={"y": ("#000000", "#ffffff")}), Col("b", "B")]
    tables = [_table(frame, cols), _table(frame.head(1), cols)]
    assert xlsx.IN_MEMORY  # the hook exists in this xlsxwriter: the fast path is the one used
    fast = write_workbook(tmp_path / "memory.xlsx", tables, CTX).read_bytes()
    assert xlsxwriter.workbook.ZipInfo is zipfile.ZipInfo  # put back after the close
    monkeypatch.setattr(xlsx, "IN_MEMORY", False)
    on_disk = write_workbook(tmp_path / "files.xlsx", tables, CTX).read_bytes()
    assert fast == on_disk
    # and the plain in_memory mode would not be: the entries are what the hook changes
    plain = xlsxwriter.Workbook(str(tmp_path / "plain.xlsx"), {"in_memory": True})
    plain.add_worksheet("Uji")
    plain.close()
    with (
        zipfile.ZipFile(tmp_path / "plain.xlsx") as plain_zip,
        zipfile.ZipFile(tmp_path / "memory.xlsx") as ours,
    ):
        assert {i.date_time for i in plain_zip.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.date_time for i in ours.infolist()} == {(1980, 1, 31, 0, 0, 0)}
