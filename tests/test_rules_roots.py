"""Root-cause linking on hand-made findings: same amount, same row, same figure."""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from schemas.rules.base import INTERNAL_SCHEMA
from schemas.rules.roots import link_roots


def frame(rows: list[dict[str, object]]) -> pl.DataFrame:
    full = [
        {name: row.get(name) for name in INTERNAL_SCHEMA} | {"finding_id": row["finding_id"]}
        for row in rows
    ]
    schema = {**INTERNAL_SCHEMA, "finding_id": pl.String()}
    return pl.DataFrame(full, schema=schema, orient="row")


def f(fid: str, rule: str, row: int, amount: str | None = None, kind: str = "realisasi",
      table: str = "program_kegiatan", key: str | None = None) -> dict[str, object]:  # fmt: skip
    return {
        "finding_id": fid, "rule": rule, "submission_id": "s", "table": table, "row": row,
        "amount": Decimal(amount) if amount else None, "amount_kind": kind, "link_key": key,
    }  # fmt: skip


def roots(out: pl.DataFrame) -> dict[str, str | None]:
    return dict(zip(out["finding_id"], out["root"], strict=True))


def test_lowest_level_mismatch_is_the_root_of_equal_amounts() -> None:
    out = link_roots(
        frame([
            f("tot", "TOT001", 43, "343000.00"),
            f("hie1", "HIE001", 2, "343000.00"),
            f("hie2", "HIE002", 3, "343000.00"),
        ])
    )  # fmt: skip
    assert roots(out) == {"tot": "hie2", "hie1": "hie2", "hie2": None}


def test_different_amounts_or_kinds_stay_apart() -> None:
    out = link_roots(
        frame([
            f("a", "HIE002", 3, "1.00"),
            f("b", "HIE001", 2, "2.00"),
            f("c", "HIE001", 5, "1.00", kind="pagu"),
        ])
    )  # fmt: skip
    assert roots(out) == {"a": None, "b": None, "c": None}


def test_same_rank_does_not_link() -> None:
    out = link_roots(frame([f("a", "HIE002", 3, "5.00"), f("b", "HIE002", 9, "5.00")]))
    assert roots(out) == {"a": None, "b": None}


def test_row_followers_point_at_the_final_root() -> None:
    out = link_roots(
        frame([
            f("hie2", "HIE002", 3, "10.00"),
            f("hie1", "HIE001", 2, "10.00"),
            f("ser_on_program", "SER001", 2),
            f("ser_on_kegiatan", "SER003", 3),
            f("cap_on_kegiatan", "CAP003", 3),
        ])
    )  # fmt: skip
    assert roots(out) == {
        "hie2": None,
        "hie1": "hie2",
        "ser_on_program": "hie2",
        "ser_on_kegiatan": "hie2",
        "cap_on_kegiatan": None,
    }


def test_same_figure_copied_follows_the_first_rule() -> None:
    out = link_roots(
        frame([
            f("tren", "CAP002", 6, table="tren_iku", key="s|ikm|98.20"),
            f("iku", "CAP001", 2, table="capaian_iku", key="s|ikm|98.20"),
            f("alone", "CAP002", 9, table="tren_iku", key="s|akip|89.07"),
        ])
    )  # fmt: skip
    assert roots(out) == {"tren": "iku", "iku": None, "alone": None}
