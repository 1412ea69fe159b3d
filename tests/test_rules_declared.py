"""A rule is one object: declared once, the catalog, root causes and derived columns read it."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import polars as pl
import pytest

import pipeline.validate as validate_module
from pipeline.ingest import ingest
from pipeline.load import HITUNG
from pipeline.validate import Validation, validate
from schemas.catalog import RULES, Rule, detail_joined, detail_text, register
from schemas.rules.base import texts
from schemas.rules.families import FAMILIES
from schemas.rules.roots import RANK, ROW_LINKS
from schemas.text import TEXT

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample" / "medang-deras-2025"


@cache
def _sample() -> Validation:
    return validate(ingest([SAMPLE]))


def test_a_code_is_declared_once() -> None:
    rule = RULES["SER001"]
    with pytest.raises(ValueError, match="duplicate rule code SER001"):
        register(Rule("SER001", "error", "a", "b", "c", "d"))
    assert RULES["SER001"] is rule


def test_rule_objects_are_importable_by_name() -> None:
    from schemas.rules.ingest import ING007
    from schemas.rules.serapan import SER001

    assert RULES["ING007"] is ING007 and ING007.severity == "error"
    assert SER001.follows and all(isinstance(r, Rule) for r in SER001.follows)


def test_root_cause_order_comes_from_the_declarations() -> None:
    # the chain of docs/rules.md: HIE002 < HIE001 < XTB005 < XTB006/XTB007 < TOT001
    assert sorted(RANK, key=lambda c: (RANK[c], c)) == [
        "HIE002", "HIE001", "XTB005", "XTB006", "XTB007", "TOT001",
    ]  # fmt: skip
    assert ROW_LINKS["TOT003"] == ("TOT001",)
    assert set(ROW_LINKS["SER001"]) == {"HIE001", "HIE002", "XTB005"}


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if r.details))
def test_detail_texts_have_both_languages_and_the_same_arguments(code: str) -> None:
    for key, (id_, en) in RULES[code].details.items():
        assert id_ and en and id_ != en, (code, key)
        slots = [re.findall(r"{(\d*)}", text) for text in (id_, en)]
        assert sorted(slots[0]) == sorted(slots[1]), (code, key)


def test_texts_fill_each_language_in_its_own_order(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = pl.DataFrame({"n": [3], "col": ["pagu"]})
    monkeypatch.setitem(TEXT, "test.order", ("Σ {0} {1} ({2})", "Σ {0} of {2} {1} rows"))
    out = frame.select(texts("test.order", "col", pl.lit("kegiatan"), "n").alias("d")).item()
    assert out == {"key": "test.order", "args": ["pagu", "kegiatan", "3"], "text": None}
    assert detail_text(out, "id") == "Σ pagu kegiatan (3)"
    assert detail_text(out, "en") == "Σ pagu of 3 kegiatan rows"
    # the warehouse's legacy ``detail`` column keeps both sides joined, as before
    assert detail_joined(out) == "Σ pagu kegiatan (3) || Σ pagu of 3 kegiatan rows"


def test_a_detail_with_a_missing_value_is_no_detail() -> None:
    frame = pl.DataFrame({"x": [None, "7"]}, schema={"x": pl.String})
    out = frame.select(texts("detail.tolerance", "x").alias("d")).to_series().to_list()
    assert out[0] is None and detail_text(out[0], "en") is None
    assert detail_text(out[1], "en") == (
        "7; tolerance: one unit in the last printed digit, or the printed precision"
    )


def test_family_order_does_not_change_the_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    batch = ingest([SAMPLE])
    forward = validate(batch)
    assert forward.findings.height > 20
    monkeypatch.setattr(validate_module, "FAMILIES", tuple(reversed(FAMILIES)))
    backward = validate(batch)
    assert backward.findings.equals(forward.findings)
    for name, frame in forward.tables.items():
        assert backward.tables[name].equals(frame), name


def test_warehouse_columns_are_the_derived_ones() -> None:
    tables = _sample().tables
    for table, columns in HITUNG.items():
        assert {name for name, _ in columns} <= set(tables[table].columns), table
    assert ("capaian_hitung", "DOUBLE") in HITUNG["capaian_iku"]
