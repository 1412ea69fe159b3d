"""Findings read as plain language: what kecamatan staff see in findings files and reports.

Issue 14 point 3: no view, column, table or file names of lakip's own; formulas in words
and the symbols readers know; each language only in its own text. Every finding of real
corpora (the sample, a generated batch with many injected errors, odd files) and every
text of the catalog is rendered in both languages and checked by :func:`problems`.
"""

from __future__ import annotations

import re
import shutil
import string
from collections.abc import Iterable, Mapping
from pathlib import Path

import polars as pl
import pytest

from pipeline import api
from pipeline.template import header_label as template_header
from pipeline.template import sheet_title as template_sheet
from schemas.catalog import RULES, format_number
from schemas.contract import TABLES
from schemas.text import LANGS, TEXT, header_label, sheet_title

ROOT = Path(__file__).resolve().parents[1]

# lakip's names a reader must never meet: tables, columns, their derived columns
CONTRACT_NAMES = frozenset(
    {t.name for t in TABLES}
    | {c.name for t in TABLES for c in t.columns}
    | {f"{c.name}_{suffix}" for t in TABLES for c in t.columns for suffix in ("predikat", "hitung")}
)
SNAKE = re.compile(r"(?<![\w.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w])")
MATHS = re.compile(r"[Σ∑∏√∈∀∃≠]|>=|<=|!=|==|\|[^|]*\|")
UNFILLED = re.compile(r"\{[A-Za-z_0-9]*\}")
# English words that have no place in an Indonesian text (loanwords such as 'sheet',
# 'file' in an Excel menu, 'workbook' or 'folder' are Indonesian office usage)
ENGLISH = re.compile(
    r"\b(the|of|and|rows?|components?|sum|expected|found|missing|empty|unreadable|ambiguous|"
    r"broken|with|is|are|not|only|tolerance|printed|matched|parent|values?|column|table|cell|"
    r"outside|over|by)\b"
)
# Indonesian words that have no place in an English text (domain words stay: pagu, kegiatan)
INDONESIAN = re.compile(
    r"\b(dan|atau|yang|tidak|dengan|baris|tertulis|seharusnya|sendiri|menurut|dicocokkan|"
    r"kosong|rincian|toleransi|jumlah|dari|di|ke|untuk)\b"
)
# 'komponen/components', 'baris/row' ('id / en' sentences: the other language's words)
MIXED = re.compile(r"\w/(?:components?|rows?|parent|columns?|tables?)\b")
# 'capaian_iku.csv!G5': the sheet as the kecamatan named it (its last word, if spaced)
# a rule code shows only beside its plain title: 'Capaian IKU salah hitung (CAP001)'
BARE_CODE = re.compile(r"(?<!\()\b[A-Z]{2,3}\d{3}\b(?!\))")
CELL = re.compile(r"\S*!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?")


def _quoted(text: str) -> str:
    """Without what a finding quotes from the workbook ('...'): data, not our words."""
    return re.sub(r"'[^']*'", " ", text)


def problems(text: str, lang: str, data: Iterable[str] = ()) -> list[str]:
    """What a reader should not meet in ``text`` (a ``lang`` text), besides ``data``.

    ``data``: what the finding echoes from the workbook or the server (labels, expected
    and found values, sheet names, file names): shown as they are, so left out here.
    """
    shown = text
    for value in sorted({d for d in data if d}, key=len, reverse=True):
        shown = shown.replace(value, " ")
    shown = CELL.sub(" ", shown)
    shown = re.sub(r"\S*[/\\]\S*\.(?:xlsx|xls|csv)\b|\S+\.(?:xlsx|xlsm|xls|csv|ods)\b", " ", shown)
    shown = _quoted(shown)
    found: list[str] = []
    found += [f"maths {m!r}" for m in MATHS.findall(shown)]
    found += [f"name {m!r}" for m in SNAKE.findall(shown) if m in CONTRACT_NAMES]
    found += [f"unfilled {m!r}" for m in UNFILLED.findall(shown)]
    found += [f"mixed {m!r}" for m in MIXED.findall(shown)]
    found += [f"bare code {m!r}" for m in BARE_CODE.findall(shown)]
    other = ENGLISH if lang == "id" else INDONESIAN
    found += [f"other language {m!r}" for m in other.findall(shown)]
    return found


def test_problems_sees_what_readers_should_not() -> None:
    """The checker itself: each kind of leak is caught, data and cells are not."""
    assert problems("Σ 5 komponen/components", "id") == [
        "maths 'Σ'",
        "mixed 'n/components'",
        "other language 'components'",
    ]
    assert problems("persen_anggaran = realisasi_anggaran / pagu x 100", "id") == [
        "name 'persen_anggaran'",
        "name 'realisasi_anggaran'",
    ]
    assert problems("induk/parent: baris/row 3", "id")
    assert problems("tahun {tahun} tertulis", "id") == ["unfilled '{tahun}'"]
    assert problems("the sum of 5 baris", "en") == ["other language 'baris'"]
    assert problems("Akibat dari HIE002 G5.", "id") == ["bare code 'HIE002'"]
    assert problems("Akibat dari Kegiatan salah (HIE002) di G5.", "id") == []
    # a cell reference, a quoted value, an echoed label and a file name are the reader's own
    clean = "Sel capaian_iku!G5 ('capaian') berisi 'x_y', lihat 2025/air_putih.xlsx (Program A)"
    assert problems(clean, "id", data=["Program A"]) == []


# ---------------------------------------------------------------- the corpora


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample, a generated batch with many errors (xlsx and CSV), and odd files."""
    home = tmp_path_factory.mktemp("messages")
    sample = home / "sample" / "2025"
    sample.mkdir(parents=True)
    shutil.copy(ROOT / "raw" / "2025" / "medang-deras.xlsx", sample)
    api.generate(home / "gen", kecamatan=12, seed=7, inject=60)
    api.generate(home / "gencsv", kecamatan=4, seed=3, inject=30, fmt="csv", years=2)
    odd = home / "odd" / "2025"
    odd.mkdir(parents=True)
    (odd / "kosong.xlsx").write_bytes(b"")
    (odd / "terpotong.xlsx").write_bytes(b"PK\x03\x04" + b"\0" * 64)
    (odd / "laporan.pdf").write_bytes(b"%PDF-1.4")
    (odd / "lepas.csv").write_text("a;b\n1;2\n")
    (odd / "arsip.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    (odd / "folder-kosong").mkdir()
    broken = odd / "rusak"
    shutil.copytree(ROOT / "sample" / "medang-deras-2025", broken)
    (broken / "sdm.csv").write_text('kategori;uraian;jumlah\n"a"b;c;1\n')
    (broken / "catatan.csv").mkdir()
    return {
        "sample": home / "sample",
        "gen": home / "gen" / "sintetis",
        "gencsv": home / "gencsv" / "sintetis",
        "odd": home / "odd",
    }


def _data(row: Mapping[str, object], lang: str) -> list[str]:
    """What one finding echoes from the workbook, as raw text and in ``lang``'s numbers."""
    echoed = [str(row.get(k) or "") for k in ("label", "expected", "found", "sheet", "cell")]
    echoed += [format_number(str(row[k]), lang) for k in ("expected", "found") if row.get(k)]
    path = str(row.get("cell") or "")
    echoed += [Path(path).name, "/".join(Path(path).parts[-2:])] if "/" in path else []
    return echoed


@pytest.mark.parametrize("lang", LANGS)
def test_every_finding_of_the_corpora_reads_plainly(corpora: dict[str, Path], lang: str) -> None:
    seen: dict[str, list[str]] = {}
    rules: set[str] = set()
    for name, raw in corpora.items():
        result = api.validate(raw, workers=1)
        frame = result.messages(lang)
        assert frame.height, name
        # every sheet as the kecamatan named it ('rencana_belanja' in the sample workbook)
        sheets = {s for f in result.tables.values() if "sheet" in f.columns for s in f["sheet"]}
        sheets |= set(frame.get_column("sheet").drop_nulls())
        for row in frame.iter_rows(named=True):
            rules.add(row["rule"])
            data = [*_data(row, lang), *(s for s in sheets if s)]
            for field in ("title", "message", "hint", "detail"):
                for problem in problems(str(row.get(field) or ""), lang, data):
                    seen.setdefault(f"{row['rule']} {field}: {problem}", [str(row.get(field))])
    assert len(rules) >= 30, sorted(rules)  # the corpora reach most rules
    assert not seen, "\n".join(f"{k}\n    {v[0]}" for k, v in sorted(seen.items()))


# ---------------------------------------------------------------- the catalog


def _sample(template: str) -> str:
    """``template`` filled with plain sample values ('{}' -> '12', '{cell}' -> a cell)."""
    names = [n for _, n, _, _ in string.Formatter().parse(template) if n is not None]
    positional = sum(1 for n in names if n == "" or n.isdigit())
    values = {n: "Capaian IKU!G5" if n == "cell" else "12" for n in names if n and not n.isdigit()}
    return template.format(*(["12"] * max(positional, 4)), **values)


def _catalog_texts() -> Iterable[tuple[str, str, str]]:
    """(where, lang, text) of every finding text the catalog can say."""
    keys = [k for k in TEXT if k.startswith(("detail.", "ingest.", "findings."))]
    for key in keys:
        for lang, text in zip(LANGS, TEXT[key], strict=True):
            yield key, lang, _sample(text)
    for code, rule in RULES.items():
        for lang in LANGS:
            for part in ("title", "message", "hint"):
                yield f"{code}.{part}", lang, _sample(getattr(rule, part)(lang))
        for name, pair in rule.details.items():
            for lang, text in zip(LANGS, pair, strict=True):
                yield f"{code}.{name}", lang, _sample(text)


def test_every_finding_text_of_the_catalog_reads_plainly() -> None:
    seen = [
        f"{where} ({lang}): {p}\n    {text}"
        for where, lang, text in _catalog_texts()
        for p in problems(text, lang, ["Capaian IKU"])
    ]
    assert not seen, "\n".join(seen)


def test_formulas_carry_no_maths_a_reader_does_not_know() -> None:
    """``lakip rules`` and docs/rules.md show them: no Σ, no >=, no table.column names."""
    for code, rule in RULES.items():
        assert not MATHS.findall(rule.formula), code
        dotted = re.findall(r"\b[a-z_]{3,}\.[a-z_]+\b", rule.formula.replace(".csv", ""))
        assert not dotted, (code, dotted)


def test_headers_and_sheets_are_those_the_template_prints() -> None:
    """A finding names a column by the header the kecamatan's template carries."""
    for table in TABLES:
        assert sheet_title(table.name) == template_sheet(table)
        for column in table.columns:
            assert header_label(table.name, column.name) == template_header(table, column)
    assert header_label("program_kegiatan", "realisasi_anggaran") == "Realisasi Anggaran (Rp)"
    assert header_label("capaian_iku", "target_predikat") == "Target"


def test_a_message_names_the_column_by_its_header(corpora: dict[str, Path]) -> None:
    """SCH, ING and TOT messages once said '(realisasi_anggaran)': now the header."""
    frame = api.validate(corpora["gen"], workers=1).messages("id")
    named = frame.filter(pl.col("message").str.contains("'Pagu (Rp)'|'Realisasi Anggaran (Rp)'"))
    raw_names = frame.filter(pl.col("message").str.contains("realisasi_anggaran|persen_anggaran"))
    assert raw_names.height == 0
    assert named.height + frame.filter(pl.col("rule").str.starts_with("SCH")).height > 0
