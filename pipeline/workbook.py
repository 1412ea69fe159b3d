"""Writing submission workbooks (and CSV folders) cell by cell, the way a clerk lays them out.

The generator (:mod:`pipeline.generate`) describes every sheet as a :class:`SheetSpec`:
title rows above the header, the header labels, rows of cells (an Excel number or a
text exactly as typed) and note rows below. This module only lays those out, so the
Excel address of every value is known before writing: :meth:`SheetSpec.ref` gives the
``sheet!H12`` that ingest and the validator will report, which is what a ground-truth
file must name.

Files are byte-for-byte reproducible: the workbook's creation date is fixed and
xlsxwriter stamps zip members with a constant date, so the same specs give the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import xlsxwriter

from pipeline.cells import column_letter

Cell = str | int | float | None

FIXED_CREATED = datetime(2000, 1, 1)
"""Default creation date stamped into workbooks: a constant, never the clock."""


@dataclass
class SheetSpec:
    """One sheet (or one CSV file) as laid out on the page.

    ``title`` rows sit above the header, one blank row separates the data from the
    ``notes`` when ``gap_before_notes``; everything starts at column ``first_col``.
    """

    name: str
    header: list[str]
    rows: list[list[Cell]]
    title: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    first_col: int = 0
    gap_before_notes: bool = True
    widths: list[float] = field(default_factory=list)

    @property
    def header_row(self) -> int:
        """0-based index of the header row."""
        return len(self.title)

    def excel_row(self, data_row: int) -> int:
        """1-based Excel row (or CSV line) of the ``data_row``-th data row."""
        return self.header_row + 2 + data_row

    def letter(self, col: int) -> str:
        return column_letter(self.first_col + col)

    def ref(self, data_row: int, col: int, fmt: str = "xlsx") -> str:
        """``sheet!H12`` for a data cell, named as ingest names it (CSV: the file name)."""
        sheet = self.name if fmt == "xlsx" else csv_file_name(self.name)
        return f"{sheet}!{self.letter(col)}{self.excel_row(data_row)}"

    def width(self) -> int:
        return max([len(self.header), *(len(r) for r in self.rows)])


def csv_file_name(sheet: str) -> str:
    return f"{sheet}.csv"


def write_workbook(
    path: Path,
    sheets: Mapping[str, SheetSpec],
    properties: Mapping[str, object] | None = None,
) -> Path:
    """Write ``sheets`` (in mapping order) to an ``.xlsx`` with xlsxwriter.

    Strings are written as strings and numbers as numbers, never guessed: the text a
    clerk typed (``5.463.337.162,00``) must stay text for the reader to see it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path), {"in_memory": True})
    props: dict[str, object] = {"created": FIXED_CREATED}
    if properties:
        props.update(properties)
    custom = props.pop("custom", None)
    workbook.set_properties(props)
    if isinstance(custom, Mapping):
        for key, value in custom.items():
            workbook.set_custom_property(str(key), str(value))
    bold = workbook.add_format({"bold": True})
    for spec in sheets.values():
        sheet = workbook.add_worksheet(spec.name)
        write_string = sheet.write_string
        write_number = sheet.write_number
        c0 = spec.first_col
        for i, width in enumerate(spec.widths):
            if width:
                sheet.set_column(c0 + i, c0 + i, width)
        for r, text in enumerate(spec.title):
            if text:
                write_string(r, c0, text, bold)
        r = spec.header_row
        for c, label in enumerate(spec.header):
            if label:
                write_string(r, c0 + c, label, bold)
        for row in spec.rows:
            r += 1
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    write_string(r, c0 + c, value)
                else:
                    write_number(r, c0 + c, value)
        if spec.notes:
            r += 2 if spec.gap_before_notes else 1
            for text in spec.notes:
                write_string(r, c0, text)
                r += 1
    workbook.close()
    return path


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def sheet_lines(spec: SheetSpec) -> list[list[str]]:
    """The sheet as CSV lines, every line padded to the table width.

    Padding matters: a CSV reader sizes the table from its first line, so a one-cell
    title line would otherwise cut every data line down to one column.
    """
    width = spec.first_col + spec.width()
    pad = [""] * spec.first_col

    def line(cells: list[str]) -> list[str]:
        full = pad + cells
        return full + [""] * (width - len(full))

    lines = [line([t]) for t in spec.title]
    lines.append(line(list(spec.header)))
    lines.extend(line([_csv_text(v) for v in row]) for row in spec.rows)
    if spec.notes:
        if spec.gap_before_notes:
            lines.append(line([]))
        lines.extend(line([t]) for t in spec.notes)
    return lines


SNIFF_BYTES = 4096
"""How much of a CSV file a reader looks at to guess its separator."""


def _csv_text_for(lines: list[list[str]], sep: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\n").writerows(lines)
    return buffer.getvalue()


def write_csv_folder(folder: Path, sheets: Mapping[str, SheetSpec], sep: str = ";") -> Path:
    """Write one ``<sheet>.csv`` per sheet (UTF-8) into ``folder``.

    ``sep`` is the preferred separator. Readers guess the separator by counting ``;``
    against ``,`` in the first bytes, and Indonesian decimals and names are full of
    commas, so a ``;`` file that would be guessed as ``,`` is written with ``,`` and
    quotes instead: the file must read back as written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for spec in sheets.values():
        lines = sheet_lines(spec)
        text = _csv_text_for(lines, sep)
        head = text[:SNIFF_BYTES]
        if sep == ";" and head.count(";") < head.count(","):
            text = _csv_text_for(lines, ",")
        (folder / csv_file_name(spec.name)).write_text(text, encoding="utf-8")
    return folder
