"""The validator's shortcuts (names compared per distinct value) give the row-wise answers."""

from __future__ import annotations

import polars as pl
import pytest

from schemas.rules import base
from schemas.rules.base import indikator_key, match_indikator, per_value, tingkat_baku
from schemas.rules.cross import _is_akip, _is_ikm

LEFT = pl.DataFrame(
    {
        "submission_id": ["a", "a", "a", "b", "b", "b"],
        "row": [3, 4, 5, 3, 4, 5],
        "indikator": [
            "Nilai AKIP",
            "Indeks Kepuasan Masyarakat (IKM)",
            None,
            "Nilai Evaluasi AKIP",
            "Persentase Desa",
            "Lain",
        ],
    }
)
RIGHT = pl.DataFrame(
    {
        "submission_id": ["a", "a", "a", "b", "b"],
        "row": [7, 8, 9, 7, 8],
        "indikator": [
            "Nilai Evaluasi AKIP",
            "indeks kepuasan masyarakat",
            "Nilai AKIP",
            "Nilai AKIP",
            "Persentase Desa Tertib",
        ],
        "target": [1.0, 2.0, 3.0, 4.0, 5.0],
    }
)


@pytest.mark.parametrize("product_max", [0, 10**6])
def test_match_indikator_pairs(monkeypatch: pytest.MonkeyPatch, product_max: int) -> None:
    """Exact beats alias, first right row wins, both ways of finding name pairs agree."""
    monkeypatch.setattr(base, "_NAME_PRODUCT_MAX", product_max)
    out = match_indikator(LEFT, RIGHT)
    assert out.columns == [
        "submission_id", "row", "indikator", "row_r", "indikator_r", "target", "match", "n_match",
    ]  # fmt: skip
    assert out.select("row", "row_r", "match", "n_match").rows() == [
        (3, 9, "nama", 2),
        (4, 8, "nama", 1),
        (3, 7, "alias", 1),
        (4, 8, "alias", 1),
    ]
    assert out.get_column("submission_id").to_list() == ["a", "a", "b", "b"]


def test_match_indikator_empty() -> None:
    out = match_indikator(LEFT.clear(), RIGHT)
    assert out.height == 0
    assert out.columns[-2:] == ["match", "n_match"]


def test_per_value_matches_row_wise() -> None:
    names = pl.Series("x", ["Sub Kegiatan", None, "PROGRAM", "Sub Kegiatan", " lain "])
    frame = names.to_frame()
    got = frame.select(tingkat_baku(pl.col("x"))).to_series().to_list()
    assert got == ["sub_kegiatan", None, "program", "sub_kegiatan", "lain"]
    assert frame.select(indikator_key(pl.col("x"))).to_series().to_list()[1] is None


def test_per_value_keeps_its_type_on_empty_frames() -> None:
    empty = pl.DataFrame({"indikator": pl.Series([], dtype=pl.String)})
    assert empty.filter(_is_ikm(pl.col("indikator"))).height == 0
    assert empty.filter(_is_akip(pl.col("indikator"))).height == 0
    upper = per_value(pl.col("indikator"), lambda e: e.str.len_chars(), pl.UInt32())
    assert empty.select(upper).dtypes == [pl.UInt32]
