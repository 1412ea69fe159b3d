"""Mutation operators of the fuzz campaign: each takes a submission and returns a broken one.

A submission is a :class:`Mutant`: sheets as rows of cells (text as offices type it, or
native numbers, dates, booleans, formulas for xlsx), plus how it is written (xlsx or a CSV
folder, encoding, delimiter) and byte-level damage done after writing. Operators are
plain functions registered in :data:`OPERATORS`; each is seeded by the caller's rng.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Cell = Any  # str | float | int | bool | datetime | Formula | Error | None


@dataclass(frozen=True)
class Formula:
    text: str


@dataclass(frozen=True)
class ErrorCell:
    text: str


@dataclass
class Mutant:
    sheets: dict[str, list[list[Cell]]]
    fmt: str = "xlsx"  # or "csv"
    encoding: str = "utf-8"
    bom: bool = False
    sep: str = ";"
    newline: str = "\n"
    merges: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    damage: list[str] = field(default_factory=list)  # byte-level, applied after writing
    extras: list[str] = field(default_factory=list)  # extra files/dirs beside the submission
    ops: list[str] = field(default_factory=list)


Operator = Callable[[random.Random, Mutant], None]
OPERATORS: dict[str, Operator] = {}
CSV_ONLY: set[str] = set()
XLSX_ONLY: set[str] = set()


def op(name: str, only: str | None = None) -> Callable[[Operator], Operator]:
    def register(func: Operator) -> Operator:
        OPERATORS[name] = func
        if only == "csv":
            CSV_ONLY.add(name)
        elif only == "xlsx":
            XLSX_ONLY.add(name)
        return func

    return register


def _sheet(rng: random.Random, m: Mutant) -> str | None:
    return rng.choice(sorted(m.sheets)) if m.sheets else None


def _rows(rng: random.Random, m: Mutant) -> list[list[Cell]] | None:
    name = _sheet(rng, m)
    return m.sheets[name] if name else None


def _cells(
    rng: random.Random, m: Mutant, k: int, numeric: bool = False
) -> tuple[list[list[Cell]], list[tuple[int, int]]]:
    """One sheet's rows and up to ``k`` (row, col) positions among its data rows."""
    rows = _rows(rng, m)
    if not rows or len(rows) < 2:
        return [], []
    spots = [
        (r, c)
        for r in range(1, len(rows))
        for c in range(len(rows[r]))
        if not numeric or _looks_number(rows[r][c])
    ]
    return rows, rng.sample(spots, min(k, len(spots)))


def _looks_number(value: Cell) -> bool:
    return isinstance(value, str) and any(ch.isdigit() for ch in value) and len(value) < 24


def _set_cells(rng: random.Random, m: Mutant, k: int, make: Callable[[Cell], Cell], numeric=True):
    rows, spots = _cells(rng, m, k, numeric)
    for r, c in spots:
        rows[r][c] = make(rows[r][c])


def _to_number(text: Cell) -> float | None:
    if not isinstance(text, str):
        return None
    cleaned = text.replace(".", "").replace(",", ".").strip()
    try:
        return float(cleaned)
    except ValueError:
        return None


# ---------------------------------------------------------------- sheets


@op("drop_sheet")
def _drop_sheet(rng, m):
    name = _sheet(rng, m)
    if name:
        del m.sheets[name]


@op("extra_sheet")
def _extra_sheet(rng, m):
    m.sheets[f"Catatan {rng.randint(1, 99)}"] = [["catatan"], ["isi bebas"], [rng.random()]]


@op("rename_sheet_upper")
def _rename_upper(rng, m):
    name = _sheet(rng, m)
    if name:
        m.sheets[name.upper().replace("_", " ")] = m.sheets.pop(name)


@op("rename_sheet_random")
def _rename_random(rng, m):
    name = _sheet(rng, m)
    if name:
        m.sheets[f"Sheet{rng.randint(1, 9)}"] = m.sheets.pop(name)


@op("duplicate_sheet")
def _duplicate_sheet(rng, m):
    name = _sheet(rng, m)
    if name:
        m.sheets[name.replace("_", " ").title()[:31]] = [list(r) for r in m.sheets[name]]


@op("empty_sheet")
def _empty_sheet(rng, m):
    name = _sheet(rng, m)
    if name:
        m.sheets[name] = []


@op("header_only")
def _header_only(rng, m):
    name = _sheet(rng, m)
    if name:
        m.sheets[name] = m.sheets[name][:1]


@op("shuffle_columns")
def _shuffle_columns(rng, m):
    rows = _rows(rng, m)
    if rows:
        width = max(len(r) for r in rows)
        order = list(range(width))
        rng.shuffle(order)
        rows[:] = [[r[i] if i < len(r) else None for i in order] for r in rows]


@op("drop_column")
def _drop_column(rng, m):
    rows = _rows(rng, m)
    if rows and rows[0]:
        i = rng.randrange(len(rows[0]))
        rows[:] = [r[:i] + r[i + 1 :] for r in rows]


@op("extra_column")
def _extra_column(rng, m):
    rows = _rows(rng, m)
    if rows:
        rows[:] = [r + (["keterangan"] if i == 0 else [rng.choice(["", "ok", "1.234"])])
                   for i, r in enumerate(rows)]  # fmt: skip


@op("header_unit")
def _header_unit(rng, m):
    rows = _rows(rng, m)
    if rows and rows[0]:
        i = rng.randrange(len(rows[0]))
        rows[0][i] = f"{rows[0][i]} {rng.choice(['(%)', '(Rp)', '(Rp.)', '(orang)', '(Ha)'])}"


@op("duplicate_header")
def _duplicate_header(rng, m):
    rows = _rows(rng, m)
    if rows and len(rows[0]) > 1:
        rows[0][1] = rows[0][0]


@op("header_case_space")
def _header_case(rng, m):
    rows = _rows(rng, m)
    if rows and rows[0]:
        rows[0] = [f"  {str(h).upper().replace('_', ' ')} " if h else h for h in rows[0]]


@op("header_zero_width")
def _header_zero_width(rng, m):
    rows = _rows(rng, m)
    if rows and rows[0]:
        rows[0][0] = "\u200b" + str(rows[0][0]) + "\ufeff"


@op("title_rows_above")
def _title_rows(rng, m):
    rows = _rows(rng, m)
    if rows is not None:
        rows[:0] = [["LAPORAN KINERJA KECAMATAN TAHUN 2025"], [], ["Tabel 3.1"]]


@op("shift_right")
def _shift_right(rng, m):
    rows = _rows(rng, m)
    if rows:
        k = rng.randint(1, 3)
        rows[:] = [[None] * k + r for r in rows]


@op("huge_rows")
def _huge_rows(rng, m):
    rows = _rows(rng, m)
    if rows and len(rows) > 1:
        rows.extend([list(rows[-1]) for _ in range(rng.choice([2_000, 20_000]))])


@op("huge_columns")
def _huge_columns(rng, m):
    rows = _rows(rng, m)
    if rows:
        rows[:] = [r + [f"x{i}" for i in range(rng.choice([200, 2_000]))] for r in rows]


@op("delete_rows")
def _delete_rows(rng, m):
    rows = _rows(rng, m)
    if rows and len(rows) > 2:
        del rows[rng.randrange(1, len(rows)) :]


@op("duplicate_rows")
def _duplicate_rows(rng, m):
    rows = _rows(rng, m)
    if rows and len(rows) > 1:
        rows.extend(list(r) for r in rows[1:])


@op("shuffle_rows")
def _shuffle_rows(rng, m):
    rows = _rows(rng, m)
    if rows and len(rows) > 2:
        body = rows[1:]
        rng.shuffle(body)
        rows[1:] = body


@op("blank_rows_between")
def _blank_rows(rng, m):
    rows = _rows(rng, m)
    if rows and len(rows) > 2:
        for _ in range(3):
            rows.insert(rng.randrange(1, len(rows)), [None] * len(rows[0]))


@op("total_label_in_no")
def _total_in_no(rng, m):
    rows = _rows(rng, m)
    if rows and len(rows) > 1:
        rows.append([rng.choice(["JUMLAH", "TOTAL", "Jumlah Total"])] + [""] * (len(rows[0]) - 1))


# ---------------------------------------------------------------- cells


@op("id_thousands")
def _id_thousands(rng, m):
    def make(v):
        n = _to_number(v)
        return f"{int(n or 0) * 1000:,}".replace(",", ".") if n is not None else v

    _set_cells(rng, m, 5, make)


@op("en_number")
def _en_number(rng, m):
    def make(v):
        n = _to_number(v)
        return f"{n:,.2f}" if n is not None else v

    _set_cells(rng, m, 5, make)


@op("rupiah_prefix")
def _rupiah(rng, m):
    _set_cells(rng, m, 5, lambda v: f"{rng.choice(['Rp', 'Rp.', 'IDR'])} {v}")


@op("percent_sign")
def _percent(rng, m):
    _set_cells(rng, m, 5, lambda v: f"{v} %")


@op("negative")
def _negative(rng, m):
    _set_cells(rng, m, 5, lambda v: f"-{v}")


@op("parenthesised")
def _paren(rng, m):
    _set_cells(rng, m, 5, lambda v: f"({v})")


@op("scientific")
def _scientific(rng, m):
    _set_cells(rng, m, 5, lambda v: rng.choice(["1e5", "1E+308", "-1e-300", "1e999"]))


@op("spaces_in_number")
def _spaces(rng, m):
    _set_cells(rng, m, 5, lambda v: str(v).replace(".", " ").replace(",", "\u00a0,"))


@op("nan_inf_text")
def _naninf(rng, m):
    _set_cells(rng, m, 5, lambda v: rng.choice(["nan", "NaN", "inf", "-inf", "Infinity"]))


@op("native_numbers", only="xlsx")
def _native(rng, m):
    for rows in m.sheets.values():
        for r in rows[1:]:
            for c, v in enumerate(r):
                n = _to_number(v)
                if n is not None and rng.random() < 0.8:
                    r[c] = n


@op("huge_numbers", only="xlsx")
def _huge_numbers(rng, m):
    _set_cells(rng, m, 5, lambda v: rng.choice([1e300, -1e300, 2**63, 9.999e15, 1e-320]))


@op("date_in_number", only="xlsx")
def _date_number(rng, m):
    _set_cells(rng, m, 4, lambda v: datetime.datetime(2025, rng.randint(1, 12), 1))


@op("bool_in_number", only="xlsx")
def _bool_number(rng, m):
    _set_cells(rng, m, 4, lambda v: rng.choice([True, False]))


@op("formula_cells", only="xlsx")
def _formulas(rng, m):
    _set_cells(rng, m, 4, lambda v: Formula(rng.choice(["=1+1", "=SUM(A1:A3)", "=1/0", "=A1"])))


@op("error_cells", only="xlsx")
def _errors(rng, m):
    _set_cells(rng, m, 4, lambda v: ErrorCell(rng.choice(["#DIV/0!", "#N/A", "#VALUE!", "#REF!"])))


@op("error_text")
def _error_text(rng, m):
    _set_cells(rng, m, 4, lambda v: rng.choice(["#DIV/0!", "#N/A", "#VALUE!"]))


@op("formula_injection_text")
def _injection(rng, m):
    _set_cells(
        rng, m, 3,
        lambda v: rng.choice(['=HYPERLINK("http://x","x")', "=cmd|' /C calc'!A0", "@SUM(1)",
                              "+1+1", "-2+3"]),
        numeric=False,
    )  # fmt: skip


@op("unicode_text")
def _unicode(rng, m):
    _set_cells(rng, m, 4, lambda v: f"{v} É² – ✓ 😀 \u202eRTL\u202c e\u0301", numeric=False)


@op("control_chars")
def _control(rng, m):
    _set_cells(rng, m, 4, lambda v: f"{v}\x00\x07\x1b[31m\x0b", numeric=False)


@op("very_long_text")
def _long(rng, m):
    _set_cells(rng, m, 2, lambda v: "panjang " * rng.choice([500, 4_000]), numeric=False)


@op("whitespace_padding")
def _padding(rng, m):
    _set_cells(rng, m, 6, lambda v: f" \t{v}\u00a0 ", numeric=False)


@op("blank_column_values")
def _blank_values(rng, m):
    rows = _rows(rng, m)
    if rows and rows[0]:
        c = rng.randrange(len(rows[0]))
        for r in rows[1:]:
            if c < len(r):
                r[c] = rng.choice(["", None, " ", "-"])


@op("impossible_date")
def _impossible_date(rng, m):
    rows = m.sheets.get("identitas")
    if rows:
        for r in rows:
            if r and r[0] == "tanggal_laporan" and len(r) > 1:
                r[1] = rng.choice(["30 Februari 2026", "31/02/2026", "32 Januari 2026",
                                   "31 April 2026", "2026-13-01", "kemarin"])  # fmt: skip


@op("wrong_kode_wilayah")
def _wrong_kode(rng, m):
    rows = m.sheets.get("identitas")
    if rows:
        for r in rows:
            if r and r[0] == "kode_wilayah" and len(r) > 1:
                r[1] = rng.choice(["12.19.02", "99.99.99", "12.19", "", "x"])


@op("tahun_text")
def _tahun_text(rng, m):
    rows = m.sheets.get("identitas")
    if rows:
        for r in rows:
            if r and r[0] == "tahun" and len(r) > 1:
                r[1] = rng.choice(["dua ribu dua puluh lima", "2025.0", "25", "-2025", "20255"])


@op("merged_cells", only="xlsx")
def _merged(rng, m):
    name = _sheet(rng, m)
    if name and len(m.sheets[name]) > 2:
        r = rng.randrange(0, len(m.sheets[name]) - 1)
        m.merges.append((name, r, 0, r + 1, rng.randint(0, 2)))


# ---------------------------------------------------------------- files


@op("cp1252", only="csv")
def _cp1252(rng, m):
    m.encoding = "cp1252"
    _set_cells(rng, m, 3, lambda v: f"{v} É²–", numeric=False)


@op("utf16", only="csv")
def _utf16(rng, m):
    m.encoding = "utf-16"


@op("bom", only="csv")
def _bom(rng, m):
    m.bom = True


@op("comma_delimiter", only="csv")
def _comma(rng, m):
    m.sep = ","


@op("tab_delimiter", only="csv")
def _tab(rng, m):
    m.sep = "\t"


@op("crlf", only="csv")
def _crlf(rng, m):
    m.newline = "\r\n"


@op("unbalanced_quote", only="csv")
def _quote(rng, m):
    _set_cells(rng, m, 2, lambda v: f'"{v}', numeric=False)


for _name in ("zero_bytes", "truncate_half", "truncate_4k", "random_bytes", "not_a_workbook",
              "encrypted_ole", "zip_garbage"):  # fmt: skip

    def _damage(rng: random.Random, m: Mutant, _name: str = _name) -> None:
        m.damage.append(_name)

    OPERATORS[_name] = _damage

for _name in ("dir_named_like_sheet", "junk_files", "lock_file", "fifo_like_sheet"):

    def _extra(rng: random.Random, m: Mutant, _name: str = _name) -> None:
        m.extras.append(_name)

    OPERATORS[_name] = _extra
CSV_ONLY.update({"dir_named_like_sheet", "fifo_like_sheet"})
