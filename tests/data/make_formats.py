"""How tests/data/medang-deras.{xls,ods,xlsb} were made from raw/2025/medang-deras.xlsx.

Kept to remake them (not run by the tests). .xls and .ods: LibreOffice,
``soffice --headless --convert-to xls|ods``. .xlsb: LibreOffice 7.4 has no xlsb export
filter ("Calc MS Excel 2007 Binary" only imports), so SheetJS (npm ``xlsx`` 0.18.5) writes
it: ``XLSX.writeFile(XLSX.readFile("medang-deras.xlsx"), "out.xlsb", {bookType: "xlsb"})``.
SheetJS writes every cell after the first of a row in the short record form
(BrtShort*, [MS-XLSB] 2.5.10, no column); Excel writes the full form, and calamine (which
lakip reads with) reads only the full form: a SheetJS xlsb reads one column wide. This
script rewrites the short records into the full ones (column = previous cell's + 1), so the
fixture has the records Excel writes:

    python tests/data/make_formats.py out.xlsb tests/data/medang-deras.xlsb
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

SHORT_TO_FULL = {12: 1, 13: 2, 14: 3, 15: 4, 16: 5, 17: 6, 18: 7}
"""BrtShortBlank..BrtShortIsst -> BrtCellBlank..BrtCellIsst."""
CELLS = set(range(1, 12))  # full-form cells and formula cells: a 4-byte column first
ROW = 0  # BrtRowHdr


def _varint(data: bytes, at: int, most: int) -> tuple[int, int]:
    value = shift = 0
    for _ in range(most):
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    return value, at


def _put(value: int, most: int) -> bytes:
    out = bytearray()
    for _ in range(most):
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            break
    return bytes(out)


def expand(sheet: bytes) -> bytes:
    """One worksheet part with every short cell record in its full form."""
    out, at, column = bytearray(), 0, -1
    while at < len(sheet):
        kind, at = _varint(sheet, at, 2)
        size, at = _varint(sheet, at, 4)
        body = sheet[at : at + size]
        at += size
        if kind == ROW:
            column = -1
        elif kind in SHORT_TO_FULL:
            column += 1
            kind, body = SHORT_TO_FULL[kind], column.to_bytes(4, "little") + body
        elif kind in CELLS:
            column = int.from_bytes(body[:4], "little")
        out += _put(kind, 2) + _put(len(body), 4) + body
    return bytes(out)


def main(source: str, target: str) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename.startswith("xl/worksheets/sheet") and item.filename.endswith(".bin"):
                data = expand(data)
            new.writestr(item, data)
    print(f"{target}: {Path(target).stat().st_size} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:3])
