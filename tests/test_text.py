"""The text catalog: every key in both languages, and no language branch elsewhere."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from schemas import text
from schemas.text import (
    SAME_IN_BOTH,
    TEXT,
    UNTRANSLATED,
    both,
    known,
    numbers,
    pick,
    resolve,
    t,
    tn,
)

ROOT = Path(__file__).resolve().parents[1]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_each_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    idn, en = TEXT[key]
    assert idn.strip() and en.strip(), f"{key}: a side is empty"
    assert _fields(idn) == _fields(en), f"{key}: {_fields(idn)} vs {_fields(en)}"


def test_untranslated_keys_are_exactly_those_whose_sides_are_equal() -> None:
    """Keeps the list honest: translating a key means taking it off the list."""
    same = {k for k, (idn, en) in TEXT.items() if idn == en} - SAME_IN_BOTH
    assert same == UNTRANSLATED


def test_plural_keys_come_in_pairs() -> None:
    stems = {k.rsplit(".", 1)[0] for k in TEXT if k.endswith((".one", ".other"))}
    for stem in stems:
        assert f"{stem}.one" in TEXT and f"{stem}.other" in TEXT, stem


def test_lookup_picks_the_side_and_fills_in() -> None:
    assert t("console.total", "id", n=3, e=2, w=1) == "3 pengiriman, 2 galat, 1 peringatan"
    assert t("console.total", "en", n=3, e=2, w=1) == "3 submissions, 2 errors, 1 warnings"
    assert t("findings.title") == "Temuan validasi"  # Bahasa Indonesia by default
    assert tn("word.submission", 1, "en") == "submission"
    assert tn("word.submission", 2, "en") == "submissions"
    assert tn("word.submission", 2, "id") == "pengiriman"
    assert pick("en", "Judul", "Title") == "Title"
    # a placeholder may be called lang: the language argument is positional-only
    assert both("report.unknown_lang", lang="'fr'").endswith("Unknown language 'fr'.")


def test_an_unknown_language_is_refused_not_guessed() -> None:
    assert known("id") and known("en") and not known("fr")
    with pytest.raises(text.UnknownLanguage):
        t("findings.title", "fr")
    with pytest.raises(text.UnknownLanguage):
        numbers("ID")
    assert resolve("en") == "en"


def test_a_missing_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        t("console.no_such_key", "id")


# ---------------------------------------------------------------- no language branches

TEXT_MODULES = {"schemas/text.py", "schemas/numbers.py"}

# Nothing outside the text module chooses words by comparing or indexing with the
# language. A file that must (briefly, while it is converted) goes on this list, and the
# test below fails once it no longer branches, so the list cannot go stale.
STILL_TO_CONVERT: set[str] = set()

_LANG_NAMES = {"lang", "language"}


def _is_lang(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in _LANG_NAMES
    if isinstance(node, ast.Attribute):
        return node.attr in _LANG_NAMES
    return False


def _branches(source: str) -> list[int]:
    """Lines that compare the language (``lang == "id"``, ``lang in ...``) or index by it
    (``LABELS[lang]``): a choice of words that belongs in the text module."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            chosen = any(_is_lang(n) for n in (node.left, *node.comparators))
        elif isinstance(node, ast.Subscript):
            chosen = _is_lang(node.slice)
        elif isinstance(node, ast.Match):
            chosen = _is_lang(node.subject)
        else:
            continue
        if chosen:
            lines.append(node.lineno)
    return sorted(lines)


def _sources() -> dict[str, str]:
    files = [*ROOT.glob("pipeline/**/*.py"), *ROOT.glob("schemas/**/*.py")]
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in files}


def test_the_scan_sees_a_branch() -> None:
    assert _branches('x = "a" if lang == "id" else "b"') == [1]
    assert _branches("y = LABELS[settings.lang]") == [1]
    assert _branches("ok = t('k', lang)\nname = f'{n}_{lang}'") == []


def test_nothing_outside_the_text_module_branches_on_the_language() -> None:
    sources = _sources()
    found = {
        path: lines
        for path, source in sources.items()
        if path not in TEXT_MODULES and (lines := _branches(source))
    }
    unexpected = {p: lines for p, lines in found.items() if p not in STILL_TO_CONVERT}
    assert not unexpected, f"language branches outside schemas/text.py: {unexpected}"
    done = sorted(STILL_TO_CONVERT - set(found))
    assert not done, f"no longer branches on the language, take off STILL_TO_CONVERT: {done}"


def test_messages_count_in_the_readers_style(tmp_path: Path) -> None:
    from pipeline.load import LoadSummary

    summary = LoadSummary(tmp_path / "w.duckdb", loaded=["a"], rows=4142, rebuilt=True)
    assert summary.describe("id").startswith("Gudang data dibangun ulang: 1 pengiriman dimuat")
    assert "(4.142 baris), 0 dilewati" in summary.describe("id")
    assert summary.describe("en").startswith("Warehouse rebuilt: 1 submission loaded (4,142 rows)")


def test_an_error_raised_without_a_reader_speaks_both_languages(tmp_path: Path) -> None:
    from pipeline.errors import LakipError
    from pipeline.query import open_read_only

    with pytest.raises(LakipError) as caught:
        open_read_only(tmp_path / "none.duckdb")
    message = str(caught.value)
    assert message.startswith(
        t("warehouse.missing_short", "id", warehouse=tmp_path / "none.duckdb")
    )
    assert message.endswith("run `lakip load` first.)")
