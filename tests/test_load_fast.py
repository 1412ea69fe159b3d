"""What the faster load keeps: the budget figures of submission_stats.sql, all-or-nothing when
the findings rendered on the second thread fail, one transaction for a national year."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import polars as pl
import pytest
from test_load_support import SAMPLE, read

import pipeline.load as loader


def test_program_budget_uses_tingkat_baku_of_every_spelling() -> None:
    """tingkat_baku runs once per distinct spelling; the sums equal the per-row macro's."""
    con = duckdb.connect()
    loader.ensure_schema(con)
    spellings = ["program", " Program ", "PROGRAM", "Kegiatan", "Sub Kegiatan", None, "program"]
    pagu = [Decimal(f"{i}00.25") for i in range(1, len(spellings) + 1)]
    sid = ["a", "a", "b", "a", "b", "b", "c"]
    frames = {
        "_lakip_ids": pl.DataFrame({"submission_id": ["a", "b", "c", "d"]}),
        "_lakip_program_kegiatan": pl.DataFrame(
            {"submission_id": sid, "tingkat": spellings, "pagu": pagu, "realisasi_anggaran": pagu},
            schema=loader._STATS_INPUTS["program_kegiatan"],
        ),
        "_lakip_realisasi_belanja": pl.DataFrame(schema=loader._STATS_INPUTS["realisasi_belanja"]),
    }
    for name, frame in frames.items():
        con.register(name, loader._arrow(frame))
    got = con.execute(
        "SELECT submission_id, n_program, pagu_total FROM ("
        + loader._sql_text("submission_stats.sql").rstrip().rstrip(";")
        + ") ORDER BY 1"
    ).fetchall()
    per_row = dict(
        con.execute(
            "SELECT submission_id, sum(pagu) FROM _lakip_program_kegiatan "
            "WHERE tingkat_baku(tingkat) = 'program' GROUP BY 1"
        ).fetchall()
    )
    assert got == [
        ("a", 2, per_row["a"]),
        ("b", 1, per_row["b"]),
        ("c", 1, per_row["c"]),
        ("d", 0, None),
    ]


def test_a_rendering_failure_leaves_the_warehouse_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Findings are rendered on a second thread; its failure still rolls the load back."""

    def broken(findings: pl.DataFrame) -> pl.DataFrame:
        raise RuntimeError("render failed (injected)")

    monkeypatch.setattr(loader, "_rendered", broken)
    warehouse = tmp_path / "w.duckdb"
    with pytest.raises(RuntimeError, match="injected"):
        loader.load(*read([SAMPLE]), warehouse)
    with loader.connect(warehouse) as con:
        assert con.execute("SELECT count(*) FROM submissions").fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM raw_program_kegiatan").fetchall() == [(0,)]
    monkeypatch.undo()
    assert loader.load(*read([SAMPLE]), warehouse).loaded


def test_a_national_year_is_one_transaction() -> None:
    assert loader.SUBMISSIONS_PER_TRANSACTION >= 7_285
