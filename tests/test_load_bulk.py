"""pipeline.load at batch scale: set-based inserts (one statement per table per transaction),
versions and supersession inside one batch, all-or-nothing transactions of many submissions."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import polars as pl
import pytest
from test_load_support import PROGRAM_2, StandIn, copy_sample, read, stand_in

import pipeline.load as loader
from pipeline.errors import LakipError
from pipeline.generate import generate
from pipeline.ingest import Batch, ingest
from schemas.contract import TABLES

GENERATED = 200
TIMES = {"loaded_at", "superseded_at", "updated_at", "applied_at"}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Batch, StandIn]:
    out = tmp_path_factory.mktemp("generated")
    result = generate(out, kecamatan=GENERATED, seed=1, inject=0)
    batch = ingest(sorted(result.paths))
    return batch, stand_in(batch)


def row_counts(warehouse: Path) -> dict[str, int]:
    with loader.connect(warehouse) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return {
            n: con.execute(f"SELECT count(*) FROM {loader.quote(n)}").fetchone()[0]  # type: ignore[index]
            for n in names
        }


def contents(warehouse: Path) -> dict[str, list[str]]:
    """Every row of every table (load times left out), sorted: two warehouses compare equal."""
    out = {}
    with loader.connect(warehouse) as con:
        for (table,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall():
            cols = [
                loader.quote(c)
                for (c,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]
                ).fetchall()
                if c not in TIMES
            ]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {loader.quote(table)}").fetchall()
            out[table] = sorted(map(repr, rows))
    return out


def test_generated_submissions_load_with_one_insert_per_table(
    generated: tuple[Batch, StandIn], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch, validation = generated
    assert batch.submissions.height == GENERATED
    warehouse = tmp_path / "w.duckdb"
    statements: Counter[str] = Counter()
    real_insert = loader._insert_frame

    def spy(con: duckdb.DuckDBPyConnection, target: str, frame: pl.DataFrame) -> int:
        statements[target] += 1
        return real_insert(con, target, frame)

    monkeypatch.setattr(loader, "_insert_frame", spy)
    summary = loader.load(batch, validation, warehouse)
    monkeypatch.undo()

    # one INSERT per target table for the whole batch, not one per submission
    assert statements and set(statements.values()) == {1}
    assert {"submissions", "submission_tables", "layout"} <= set(statements)
    assert summary.loaded == batch.submissions["submission_id"].to_list()
    assert summary.skipped == [] and summary.superseded == []
    detail = {t.name: validation.tables[t.name].height for t in TABLES}
    assert summary.rows == sum(detail.values())

    counts = row_counts(warehouse)
    assert counts["submissions"] == GENERATED
    assert counts["submission_tables"] == GENERATED * len(TABLES)
    assert counts["layout"] == batch.layout.height
    assert counts["findings"] == validation.findings.height
    for name, height in detail.items():
        assert counts[f"raw_{name}"] == height, name
    for table in loader.total_tables():
        assert counts[f"raw_{table.name}_total"] == validation.totals[table.name].height

    program = validation.tables["program_kegiatan"].filter(pl.col("tingkat") == "program")
    with loader.connect(warehouse) as con:
        assert con.execute(
            "SELECT count(*), count(DISTINCT kecamatan_key), bool_and(is_current), max(version) "
            "FROM submissions"
        ).fetchall() == [(GENERATED, GENERATED, True, 1)]
        assert con.execute("SELECT count(*) FROM kecamatan").fetchall() == [(GENERATED,)]
        assert con.execute("SELECT count(*) FROM v_ringkasan_kecamatan").fetchall() == [
            (GENERATED,)
        ]
        stored = con.sql(
            "SELECT submission_id, baris, n_indikator, n_program, pagu_total, error_count "
            "FROM submissions"
        ).pl()
    # per-submission figures equal the frames, submission by submission
    expected = (
        batch.submissions.select("submission_id")
        .join(
            pl.concat([validation.tables[t.name].select("submission_id") for t in TABLES])
            .group_by("submission_id")
            .len("baris"),
            on="submission_id",
            how="left",
        )
        .join(
            validation.tables["capaian_iku"].group_by("submission_id").len("n_indikator"),
            on="submission_id",
            how="left",
        )
        .join(
            program.group_by("submission_id").agg(
                pl.len().alias("n_program"), pl.col("pagu").sum().alias("pagu_total")
            ),
            on="submission_id",
            how="left",
        )
        .join(
            validation.findings.filter(pl.col("severity") == "error")
            .group_by("submission_id")
            .len("error_count"),
            on="submission_id",
            how="left",
        )
        .with_columns(pl.col("baris", "n_indikator", "n_program", "error_count").fill_null(0))
    )
    got = stored.sort("submission_id")
    want = expected.sort("submission_id")
    for name in ("baris", "n_indikator", "n_program", "error_count"):
        assert got[name].cast(pl.Int64).to_list() == want[name].cast(pl.Int64).to_list(), name
    assert got["pagu_total"].to_list() == want["pagu_total"].to_list()

    again = loader.load(batch, validation, warehouse)
    assert again.loaded == [] and len(again.skipped) == GENERATED
    assert row_counts(warehouse) == counts


def test_transactions_of_any_size_build_the_same_warehouse(
    generated: tuple[Batch, StandIn], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch, validation = generated
    whole = loader.load(batch, validation, tmp_path / "one.duckdb")
    monkeypatch.setattr(loader, "SUBMISSIONS_PER_TRANSACTION", 64)
    chunked = loader.load(batch, validation, tmp_path / "four.duckdb")
    assert chunked.loaded == whole.loaded and chunked.rows == whole.rows
    assert contents(tmp_path / "four.duckdb") == contents(tmp_path / "one.duckdb")


def test_a_run_that_skips_some_files_loads_only_the_new_ones(
    generated: tuple[Batch, StandIn], tmp_path: Path
) -> None:
    batch, validation = generated
    warehouse = tmp_path / "w.duckdb"
    first = batch.submissions["path"].to_list()[:50]
    part = ingest([Path(p) for p in first])
    loader.load(part, stand_in(part), warehouse)
    summary = loader.load(batch, validation, warehouse)
    assert len(summary.skipped) == 50 and len(summary.loaded) == GENERATED - 50
    assert contents(warehouse) == contents(_fresh(batch, validation, tmp_path / "all.duckdb"))


def _fresh(batch: Batch, validation: StandIn, warehouse: Path) -> Path:
    loader.load(batch, validation, warehouse)
    return warehouse


@pytest.mark.parametrize("per_transaction", [1, 2, loader.SUBMISSIONS_PER_TRANSACTION])
def test_a_resubmission_supersedes_another_in_the_same_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, per_transaction: int
) -> None:
    monkeypatch.setattr(loader, "SUBMISSIONS_PER_TRANSACTION", per_transaction)
    warehouse = tmp_path / "w.duckdb"
    v1 = copy_sample(tmp_path / "a-v1")
    first = loader.load(*read([v1]), warehouse)
    # one batch, path order: version 2 of Medang Deras, another kecamatan, version 3
    v2 = copy_sample(tmp_path / "b-v2", {"program_kegiatan.csv": PROGRAM_2})
    other = copy_sample(
        tmp_path / "c-sei-suka",
        {"identitas.csv": ("kecamatan;Medang Deras", "kecamatan;Sei Suka")},
    )
    v3 = copy_sample(
        tmp_path / "d-v3",
        {"program_kegiatan.csv": (PROGRAM_2[0], PROGRAM_2[1].replace("9.011.500", "8.011.500"))},
    )
    summary = loader.load(*read([v2, other, v3]), warehouse)
    old = first.loaded[0]
    second, sei_suka, third = summary.loaded
    assert summary.superseded == [(old, second), (second, third)]
    with loader.connect(warehouse) as con:
        rows = con.execute(
            "SELECT submission_id, kecamatan, version, is_current, superseded_by, "
            "superseded_at IS NOT NULL FROM submissions ORDER BY kecamatan, version"
        ).fetchall()
        assert rows == [
            (old, "Medang Deras", 1, False, second, True),
            (second, "Medang Deras", 2, False, third, True),
            (third, "Medang Deras", 3, True, None, False),
            (sei_suka, "Sei Suka", 1, True, None, False),
        ]
        # version 2 was superseded when version 3 loaded
        stamps = con.execute(
            "SELECT a.superseded_at = b.loaded_at FROM submissions a "
            "JOIN submissions b ON a.superseded_by = b.submission_id"
        ).fetchall()
        assert stamps == [(True,), (True,)]
        history = con.execute(
            "SELECT version, versi_sebelumnya, selisih_realisasi FROM v_riwayat_pengiriman "
            "WHERE kecamatan = 'Medang Deras' ORDER BY version"
        ).fetchall()
        assert [h[:2] for h in history] == [(1, None), (2, old), (3, second)]
        assert [str(h[2]) for h in history[1:]] == ["-1000000.00", "-1000000.00"]
        current = con.execute(
            "SELECT submission_id FROM v_ringkasan_kecamatan ORDER BY kecamatan"
        ).fetchall()
        assert current == [(third,), (sei_suka,)]
        assert con.execute(
            "SELECT kecamatan, tahun_pertama, tahun_terakhir FROM kecamatan ORDER BY 1"
        ).fetchall() == [("Medang Deras", 2025, 2025), ("Sei Suka", 2025, 2025)]


def test_a_failing_transaction_keeps_the_committed_ones_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two transactions of one submission each: the second fails after some of its rows."""
    monkeypatch.setattr(loader, "SUBMISSIONS_PER_TRANSACTION", 1)
    v1 = copy_sample(tmp_path / "a-v1")
    other = copy_sample(
        tmp_path / "b-sei-suka",
        {"identitas.csv": ("kecamatan;Medang Deras", "kecamatan;Sei Suka")},
    )
    alone = loader.load(*read([v1]), tmp_path / "alone.duckdb")
    batch, validation = read([v1, other])
    second = batch.submissions["submission_id"][1]
    real_insert = loader._insert_frame
    raw_inserts: list[str] = []

    def failing(con: duckdb.DuckDBPyConnection, target: str, frame: pl.DataFrame) -> int:
        if target.startswith("raw_") and second in frame["submission_id"]:
            raw_inserts.append(target)
            if len(raw_inserts) == 3:  # the third raw table of the second transaction
                raise duckdb.IOException("disk full (injected)")
        return real_insert(con, target, frame)

    monkeypatch.setattr(loader, "_insert_frame", failing)
    warehouse = tmp_path / "w.duckdb"
    with pytest.raises(LakipError, match="tidak ada bagiannya yang tersimpan") as failed:
        loader.load(batch, validation, warehouse)
    assert len(raw_inserts) == 3
    assert "1 earlier submission of this run stays loaded" in str(failed.value)
    # the first transaction is there, complete; nothing of the second
    assert row_counts(warehouse) == row_counts(tmp_path / "alone.duckdb")
    with loader.connect(warehouse) as con:
        assert con.execute("SELECT submission_id FROM submissions").fetchall() == [
            (alone.loaded[0],)
        ]
    monkeypatch.undo()
    retry = loader.load(*read([v1, other]), warehouse)
    assert retry.skipped == alone.loaded and len(retry.loaded) == 1


def test_synthetic_submission_never_supersedes_the_real_one(tmp_path: Path) -> None:
    """The generator's first kecamatan is the real Medang Deras, marked sintetis."""
    from pipeline.generate import generate
    from pipeline.ingest import ingest
    from pipeline.validate import validate

    made = generate(tmp_path / "gen", kecamatan=1, seed=3, inject=0)
    real = Path(__file__).resolve().parents[1] / "raw" / "2025" / "medang-deras.xlsx"
    batch = ingest([real, *made.paths])
    warehouse = tmp_path / "w.duckdb"
    summary = loader.load(batch, validate(batch), warehouse)
    assert len(summary.loaded) == 2 and summary.superseded == []
    with loader.connect(warehouse) as con:
        rows = con.execute(
            "SELECT kecamatan, sintetis, is_current FROM submissions ORDER BY sintetis"
        ).fetchall()
    assert rows == [("Medang Deras", False, True), ("Medang Deras", True, True)]


def test_made_up_kecamatan_are_never_compared_with_real_ones(tmp_path: Path) -> None:
    """A kabupaten's averages and ranks (v_pembanding) keep synthetic and real apart, and
    every mart says which rows are synthetic."""
    from pipeline.generate import generate
    from pipeline.ingest import ingest
    from pipeline.validate import validate

    made = generate(tmp_path / "gen", kecamatan=2, seed=3, inject=0)
    real = Path(__file__).resolve().parents[1] / "raw" / "2025" / "medang-deras.xlsx"
    batch = ingest([real, *made.paths])
    warehouse = tmp_path / "w.duckdb"
    loader.load(batch, validate(batch), warehouse)
    with loader.connect(warehouse) as con:
        groups = con.execute(
            "SELECT sintetis, kabupaten_key, max(jumlah_kecamatan) FROM v_pembanding "
            "GROUP BY ALL ORDER BY sintetis"
        ).fetchall()
        marts = [
            r[0]
            for r in con.execute(
                "SELECT view_name FROM duckdb_views() WHERE view_name LIKE 'v\\_%' ESCAPE '\\'"
            ).fetchall()
        ]
        for view in marts:
            columns = {r[0] for r in con.execute(f"DESCRIBE {view}").fetchall()}
            assert {"sintetis", "kabupaten_key"} <= columns, view
    (real_flag, real_key, real_n), (made_flag, made_key, made_n) = groups
    assert (real_flag, made_flag) == (False, True)
    assert made_key == real_key + "|sintetis"  # the same kabupaten, kept apart
    assert (real_n, made_n) == (1, 2)
    assert len(marts) >= 10
