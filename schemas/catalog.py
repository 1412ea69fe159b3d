"""The catalog of rules: every finding lakip can emit has a stable code here.

Like frictionless-py's error catalog, a code never changes meaning once released;
a rule that changes meaning gets a new code. Each rule has a title and a message
template in Bahasa Indonesia and English, a severity, the tables it reads, a fix
hint, and (for recomputations) its formula and tolerance in the docstring-like
``formula`` field.

Templates use ``{expected}``, ``{found}``, ``{label}``, ``{column}``, ``{cell}``,
``{detail}``, ``{table}``, ``{sheet}`` from the finding's columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str  # error | warning
    title_id: str
    title_en: str
    message_id: str
    message_en: str
    hint_id: str = ""
    hint_en: str = ""
    tables: tuple[str, ...] = ()
    formula: str = ""
    check: Callable[..., pl.DataFrame] | None = field(default=None, compare=False)

    def title(self, lang: str) -> str:
        return self.title_id if lang == "id" else self.title_en


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"duplicate rule code {rule.code}")
    RULES[rule.code] = rule
    return rule


# ------------------------------------------------------------------ ingest (ING)

register(Rule(
    "ING001", "error",
    "Berkas tidak dapat dibaca", "File cannot be read",
    "Berkas {cell} tidak dapat dibaca sebagai workbook/CSV: {detail}.",
    "File {cell} cannot be read as a workbook/CSV: {detail}.",
    "Simpan ulang sebagai .xlsx (Excel 2007+) atau folder CSV UTF-8, lalu kirim kembali.",
    "Save it again as .xlsx (Excel 2007+) or a folder of UTF-8 CSV files and resubmit.",
))  # fmt: skip
register(Rule(
    "ING002", "error",
    "Sheet wajib tidak ada", "Required sheet missing",
    "Sheet wajib '{table}' tidak ditemukan.",
    "Required sheet '{table}' not found.",
    "Tambahkan sheet '{table}' sesuai format baku pengiriman (docs/submission-format.md).",
    "Add the sheet '{table}' as the submission format describes.",
))  # fmt: skip
register(Rule(
    "ING003", "warning",
    "Sheet tidak dikenal, tidak dimuat", "Unknown sheet, not loaded",
    "Sheet '{found}' tidak cocok dengan tabel mana pun dan isinya tidak dimuat.",
    "Sheet '{found}' matches no table of the format; its contents were not loaded.",
    "Ganti nama sheet sesuai format baku, atau hapus bila memang bukan data.",
    "Rename the sheet to a table of the format, or remove it if it holds no data.",
))  # fmt: skip
register(Rule(
    "ING004", "error",
    "Baris judul kolom tidak ditemukan", "Header row not found",
    "Sheet '{sheet}' tidak memiliki baris judul kolom yang dikenali (diharapkan: {detail}).",
    "Sheet '{sheet}' has no recognisable header row (expected: {detail}).",
    "Beri judul kolom sesuai format baku di atas data.",
    "Put the column names of the format in a row above the data.",
))  # fmt: skip
register(Rule(
    "ING005", "error",
    "Kolom wajib tidak ada", "Required column missing",
    "Kolom wajib '{column}' tidak ada di sheet '{sheet}'.",
    "Required column '{column}' is missing from sheet '{sheet}'.",
    "Tambahkan kolom '{column}' pada baris judul.",
    "Add the column '{column}' to the header row.",
))  # fmt: skip
register(Rule(
    "ING006", "warning",
    "Kolom tidak dikenal, isinya tidak dimuat", "Unknown column, values not loaded",
    "Kolom '{found}' di {cell} tidak dikenal; {detail} nilainya tidak dimuat.",
    "Column '{found}' at {cell} is not part of the format; its {detail} values were not loaded.",
    "Ganti judul kolom dengan nama baku, atau pindahkan isinya ke kolom yang benar.",
    "Rename the column to its name in the format, or move its values to the right column.",
))  # fmt: skip
register(Rule(
    "ING007", "error",
    "Angka tidak terbaca", "Unreadable number",
    "Sel {cell} ('{column}') berisi '{found}', bukan angka yang sah untuk kolom ini.",
    "Cell {cell} ('{column}') holds '{found}', not a valid number for this column.",
    "Isi dengan angka (mis. 5.463.337.162,00 atau 97,69), atau '-' bila memang tidak diisi.",
    "Enter a number (e.g. 5.463.337.162,00 or 97,69), or '-' if it is not filled.",
))  # fmt: skip
register(Rule(
    "ING008", "warning",
    "Angka bermakna ganda", "Ambiguous number",
    "Sel {cell} berisi '{found}': dibaca sebagai {expected}, tetapi bisa juga ribuan.",
    "Cell {cell} holds '{found}': read as {expected}, but it could also be thousands.",
    "Tulis desimal dengan koma (97,69) dan ribuan dengan titik (1.234).",
    "Write decimals with a comma (97,69) and thousands with a dot (1.234).",
))  # fmt: skip
register(Rule(
    "ING009", "warning",
    "Catatan berisi angka tidak dimuat", "Note holding numbers not loaded",
    "Baris catatan {cell} berisi angka yang tidak dimuat: '{found}'.",
    "Note row {cell} holds numbers that were not loaded: '{found}'.",
    "Bila angka itu data, pindahkan ke baris tabel; bila catatan, abaikan peringatan ini.",
    "If those numbers are data, move them into the table; if it is a note, ignore this.",
))  # fmt: skip
register(Rule(
    "ING010", "error",
    "Tabel yang sama di dua sheet", "Same table in two sheets",
    "Sheet '{found}' dan '{expected}' sama-sama tabel '{table}'; hanya '{expected}' dimuat.",
    "Sheets '{found}' and '{expected}' are both table '{table}'; only '{expected}' was loaded.",
    "Gabungkan keduanya dalam satu sheet.",
    "Merge them into one sheet.",
))  # fmt: skip


def render(findings: pl.DataFrame, lang: str = "id") -> pl.DataFrame:
    """Add ``title``, ``message`` and ``hint`` in the chosen language.

    Findings are few next to the data they describe, so plain string formatting
    per finding is fine here.
    """
    titles: list[str] = []
    messages: list[str] = []
    hints: list[str] = []
    for row in findings.iter_rows(named=True):
        rule = RULES.get(row["rule"])
        values = {k: ("" if v is None else v) for k, v in row.items()}
        if rule is None:
            titles.append(row["rule"])
            messages.append(str(values.get("detail", "")))
            hints.append("")
            continue
        titles.append(rule.title(lang))
        template = rule.message_id if lang == "id" else rule.message_en
        hint = rule.hint_id if lang == "id" else rule.hint_en
        messages.append(template.format_map(_Safe(values)))
        hints.append(hint.format_map(_Safe(values)))
    return findings.with_columns(
        pl.Series("title", titles, dtype=pl.String),
        pl.Series("message", messages, dtype=pl.String),
        pl.Series("hint", hints, dtype=pl.String),
    )


class _Safe(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
