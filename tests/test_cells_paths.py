"""The quick readers of pipeline.cells give exactly the general reader's answer.

``read_column`` reads plain numbers with a cast and the usual typed forms with a few
literal steps, and sends only the rest through ``_read_slow``; these shortcuts must
never change a value, a status, a predikat or the typed decimals.
"""

from __future__ import annotations

import itertools
import random

import polars as pl
import pytest

from pipeline.cells import _read_slow, read_column
from schemas.contract import Kind

NUMBERS = [
    "0", "7", "-7", "6.", "-6.", "12", "007", "97.69", "97.6", "1.5", "1.234", "1,234",
    "12.345", "1.500", "1.500.000", "1.500.000,5", "1.500.000,50", "1.500.000,505",
    "4239574595.69", "4239574595.699", "5345196344.239999771", "1,234,567.89",
    "1.234.567", "98,20", "98,2", "3,82", "100", "100.00", "1e5", "inf", "nan", "1..2",
    "12.3.4", ",5", "5,", "99999999999999999999999", "0.001", "-0,5",
]  # fmt: skip
DECOR = ["{}", " {} ", "{}%", "{} %", "Rp {}", "Rp. {}", "RP{}", "rp. {}", "{} (BB)",
         "{}( b )", "BB ({})", "a ({})"]  # fmt: skip
OTHER = [None, "", " ", "-", "–", "—", "--", "AA", "bb", "n/a", "x", "Rp", "%", "(BB)",
         "74,10 ( BB )", "B (70,00)", "12 Desa"]  # fmt: skip


def _corpus() -> list[str | None]:
    cells: list[str | None] = [d.format(n) for n, d in itertools.product(NUMBERS, DECOR)]
    cells += OTHER
    rng = random.Random(6)
    alphabet = "0123456789.,- %RpB()"
    cells += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))) for _ in range(400)]
    return cells


@pytest.mark.parametrize("kind", [Kind.MONEY, Kind.INTEGER, Kind.PERCENT, Kind.MEASURE])
def test_quick_paths_agree_with_the_general_reader(kind: Kind) -> None:
    frame = pl.DataFrame({"x": _corpus(), "other": range(len(_corpus()))})
    quick = read_column(frame, "x", kind)
    slow = _read_slow(frame, "x", kind)
    if "x_desimal" in slow.columns:
        # By design a plain number as Excel renders it ('97.69') keeps no typed
        # precision: the quick path says null where the general reader counts digits.
        excel_number = frame.get_column("x").str.contains(r"^\s*-?\d+(?:\.\d+)?\s*$")
        excel_number = excel_number.fill_null(False)
        slow = slow.with_columns(
            pl.when(excel_number & (pl.col("_status_x") == "ok"))
            .then(None)
            .otherwise(pl.col("x_desimal"))
            .alias("x_desimal")
        )
    assert sorted(quick.columns) == sorted(slow.columns)
    assert quick.select(sorted(slow.columns)).equals(slow.select(sorted(slow.columns)))


def test_quick_paths_cover_the_usual_forms() -> None:
    """Not a vacuous agreement: these forms are read, with their decimals."""
    frame = pl.DataFrame({"x": ["95,77 %", "97.69", "-", "", "74,10 ( BB )", "1.234"]})
    out = read_column(frame, "x", Kind.PERCENT)
    assert out.get_column("x").to_list()[:2] == [95.77, 97.69]
    assert out.get_column("x_desimal").to_list()[:2] == [2, None]
    assert out.get_column("_status_x").to_list() == [
        "ok", "ok", "dash", "empty", "unreadable", "ambiguous",
    ]  # fmt: skip
    money = read_column(pl.DataFrame({"x": ["Rp. 4.239.574.595,69", "1.500"]}), "x", Kind.MONEY)
    assert [str(v) for v in money.get_column("x").to_list()] == ["4239574595.69", "1500.00"]
