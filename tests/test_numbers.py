"""One number formatter per language, on the shapes lakip really prints."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from pipeline.generate import generate
from pipeline.ingest import discover, ingest
from pipeline.reporting import fmt
from pipeline.validate import validate
from schemas.catalog import format_number
from schemas.numbers import EXCEL_FORMATS, MISSING
from schemas.text import numbers

ID, EN = numbers("id"), numbers("en")


def test_money_with_and_without_sen() -> None:
    assert ID.money(Decimal("5463337162.00")) == "Rp 5.463.337.162"
    assert ID.money(Decimal("4973508744.24"), 2) == "Rp 4.973.508.744,24"
    assert EN.money(Decimal("4973508744.24"), 2) == "Rp 4,973,508,744.24"
    assert ID.money(Decimal("-343000.00")) == "-Rp 343.000"
    assert ID.money(None) == MISSING


def test_percentages_round_half_up_on_the_printed_digits() -> None:
    assert ID.percent(98.585) == "98,59 %"  # the binary float is 98.58499...
    assert EN.percent(97.8345) == "97.83%"
    assert ID.percent(float("nan")) == MISSING
    assert ID.signed(9.3263) == "+9,33" and EN.signed(-5) == "-5.00" and ID.signed(-0.001) == "0,00"


def test_scores_carry_their_predikat() -> None:
    assert ID.score(71.26, "BB") == "71,26 (BB)"
    assert EN.score(71.26, "BB") == "71.26 (BB)"
    assert ID.score(100.0) == "100" and ID.score(89.2) == "89,20"
    assert ID.score(None, "BB") == "BB" and ID.score(None) == MISSING


def test_counts_are_grouped_years_never() -> None:
    assert ID.count(7285) == "7.285" and EN.count(7285) == "7,285" and ID.count(12) == "12"
    assert ID.year(2025) == "2025" == EN.year(2025)
    assert ID.number(1234567.891, 2) == "1.234.567,89"
    assert EN.number(1234567.891, 2) == "1,234,567.89"


@pytest.mark.parametrize(
    ("machine", "idn", "en"),
    [
        ("5461337162.00", "5.461.337.162,00", "5,461,337,162.00"),  # a total to the sen
        ("-238799000.00", "-238.799.000,00", "-238,799,000.00"),  # a selisih
        ("98.59", "98,59", "98.59"),  # a capaian
        ("71.26 (BB)", "71,26 (BB)", "71.26 (BB)"),  # a score with its predikat (issue 11)
        ("2025", "2025", "2025"),  # a year never gets a thousands dot (issue 11)
        ("1500", "1500", "1500"),  # nor any 4-digit whole number: a year or a code?
        ("12345", "12.345", "12,345"),
        ("171", "171", "171"),
        ("12.19.01 (Air Putih)", "12.19.01 (Air Putih)", "12.19.01 (Air Putih)"),  # a code
        ("7.01.05.2.01.004", "7.01.05.2.01.004", "7.01.05.2.01.004"),  # a kode rekening
        ("≥ 0", "≥ 0", "≥ 0"),  # a limit, in the sign readers know
        ("-", "-", "-"),
    ],
)
def test_machine_text_as_each_reader_writes_it(machine: str, idn: str, en: str) -> None:
    assert (ID.text(machine), EN.text(machine)) == (idn, en)
    # the findings files and the temuan pages say the same now
    assert format_number(machine, "id") == idn == fmt.finding_value(machine, "id")
    assert format_number(machine, "en") == en == fmt.finding_value(machine, "en")
    frame = pl.DataFrame({"v": [machine, None]})
    assert frame.select(ID.text_expr("v"))["v"].to_list() == [idn, None]
    assert frame.select(EN.text_expr("v"))["v"].to_list() == [en, None]


def test_a_missing_value_is_empty_in_files_and_a_dash_on_pages() -> None:
    assert format_number(None) == "" and fmt.finding_value(None) == MISSING


def test_scalars_agree_with_the_report_formatter() -> None:
    """The reports' fmt can call these one by one: same text for the same value."""
    values: list[object] = [
        Decimal("5463337162.00"), Decimal("4973508744.24"), 98.585, 0.125, -2.675, 0, -0.001,
        89.2, 100.0, 7285, None, float("inf"), "12.5", "abc",
    ]  # fmt: skip
    for lang, num in (("id", ID), ("en", EN)):
        for v in values:
            for d in (0, 2):
                assert num.number(v, d) == fmt.number(v, d, lang), (v, d, lang)
                assert num.number(v, d, trim=True) == fmt.number(v, d, lang, trim=True)
                assert num.money(v, d) == fmt.rupiah(v, d, lang)
            assert num.percent(v) == fmt.percent(v, 2, lang)
            assert num.signed(v) == fmt.signed(v, 2, lang)


def test_count_expression_matches_the_scalar() -> None:
    counts = [0, 7, 999, 1000, 7285, -1234567, None]
    for num in (ID, EN):
        shown = pl.DataFrame({"n": counts}).select(num.count_expr("n"))["n"].to_list()
        assert shown == [None if n is None else num.count(n) for n in counts]
        years = pl.DataFrame({"y": [2025, None]}).select(num.year_expr("y"))["y"].to_list()
        assert years == ["2025", None]


def test_excel_formats_keep_the_number_and_show_sen_only_for_money_with_sen() -> None:
    assert EXCEL_FORMATS["money"] == "#,##0" and EXCEL_FORMATS["money_sen"] == "#,##0.00"
    assert EXCEL_FORMATS["year"] == "0"  # no thousands separator on a year


def test_expression_equals_scalar_on_a_generated_corpus(tmp_path: Path) -> None:
    """Every expected/found text of a corpus with injected errors, both ways, both languages."""
    generate(tmp_path, kecamatan=4, seed=11, inject=60)
    findings = validate(ingest(discover(tmp_path / "sintetis"))).findings
    values = pl.concat([findings["expected"], findings["found"]]).unique().sort(nulls_last=True)
    assert values.len() > 20  # real variety: money, percentages, scores, codes, text
    frame = values.to_frame("v")
    for num in (ID, EN):
        vectorised = frame.select(num.text_expr("v"))["v"].to_list()
        assert vectorised == [None if v is None else num.text(v) for v in values.to_list()]
    shown = [ID.text(v) for v in values.drop_nulls().to_list()]
    assert any("," in s and "." in s for s in shown)  # grouped money with sen was seen
