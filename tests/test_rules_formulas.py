"""The formula helpers the rules rely on."""

from __future__ import annotations

import polars as pl
import pytest

from schemas.formulas import (
    akip_bobot,
    akip_komponen_kelas,
    akip_predikat,
    compare_at_precision,
    ikm_mutu,
    printed_decimals,
)


def one(expr: pl.Expr, **cols: object) -> object:
    return pl.DataFrame({k: [v] for k, v in cols.items()}).select(expr).item()


@pytest.mark.parametrize(
    ("value", "decimals"), [(100.0, 0), (1.9, 1), (98.2, 1), (96.64, 2), (3.5211, 4)]
)
def test_printed_decimals(value: float, decimals: int) -> None:
    assert one(printed_decimals(pl.col("v")), v=value) == decimals


@pytest.mark.parametrize(
    ("printed", "recomputed", "status"),
    [
        (98.59, 98.587, "ok"),
        (96.64, 96.648, "rounding"),
        (100.42, 100.4286, "rounding"),
        (0.93, 0.9363, "rounding"),  # truncated: within one unit
        (100.0, 99.9967, "ok"),
        (1.9, 1.8868, "rounding"),
        (98.0, 98.4, "rounding"),  # a whole number at its precision
        (100.0, 98.6, "mismatch"),
        (0.8, 0.875, "mismatch"),  # '0,80' is not 0,875 at any precision
        (98.2, 98.587, "mismatch"),
        (None, 1.0, None),
    ],
)
def test_compare_at_precision(printed: float | None, recomputed: float, status: str | None) -> None:
    expr = compare_at_precision(pl.col("p"), pl.col("r"))
    frame = pl.DataFrame(
        {"p": [printed], "r": [recomputed]}, schema={"p": pl.Float64, "r": pl.Float64}
    )
    assert frame.select(expr).item() == status


@pytest.mark.parametrize(
    ("name", "kelas"),
    [
        ("Perencanaan Kinerja", "perencanaan kinerja"),
        ("Evaluasi Internal", "evaluasi akuntabilitas kinerja internal"),
        ("Pencapaian Sasaran/Kinerja", "pencapaian sasaran/kinerja"),
        ("Lain-lain", None),
    ],
)
def test_akip_components_by_keyword(name: str, kelas: str | None) -> None:
    assert one(akip_komponen_kelas(pl.col("k")), k=name) == kelas


def test_akip_weights_by_form() -> None:
    kelas = "evaluasi akuntabilitas kinerja internal"
    assert one(akip_bobot(pl.col("k"), pl.col("t")), k=kelas, t=2025) == 25.0
    assert one(akip_bobot(pl.col("k"), pl.col("t")), k=kelas, t=2021) == 10.0


@pytest.mark.parametrize(
    ("score", "predikat"),
    [(90.01, "AA"), (80.0, "BB"), (74.15, "BB"), (70.0, "B"), (30.0, "D")],
)
def test_akip_predikat_bands(score: float, predikat: str) -> None:
    assert one(akip_predikat(pl.col("v")), v=score) == predikat


def test_ikm_mutu_bands() -> None:
    assert [one(ikm_mutu(pl.col("v")), v=v) for v in (88.31, 88.305, 87.94, 65.0, 64.99)] == [
        "A", "A", "B", "C", "D",
    ]  # fmt: skip


def test_fmt_num_shows_huge_and_odd_floats_instead_of_failing() -> None:
    """A figure beyond Int64 once stopped validation with a cast error (seeded fuzz 7)."""
    from schemas.rules.base import fmt_num

    values = [98.585, -1.004, 100.0, 9.2e18, float("nan"), float("inf"), None, 0.0]
    shown = pl.DataFrame({"x": values}).select(fmt_num(pl.col("x"))).to_series().to_list()
    assert shown == ["98.59", "-1.00", "100.00", "9.2e+18", "NaN", "inf", None, "0.00"]
