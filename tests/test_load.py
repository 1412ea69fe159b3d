"""pipeline.load: idempotent by sha256, versions and supersession, set-based loading in
all-or-nothing transactions, a clear error when another process holds the warehouse, rebuild."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import polars as pl
import pytest
from test_load_support import PROGRAM_2, SAMPLE, copy_sample, read, stand_in

import pipeline.load as loader
from pipeline.errors import LakipError, WarehouseBusy
from pipeline.ingest import ingest
from schemas.catalog import Rule
from schemas.findings import findings
from schemas.rules.ingest import ING007

TABLES_TO_COUNT = (
    "submissions",
    "submission_tables",
    "kecamatan",
    "layout",
    "findings",
    "raw_capaian_iku",
    "raw_program_kegiatan",
    "raw_program_kegiatan_total",
    "raw_identitas",
)


def counts(warehouse: Path) -> dict[str, int]:
    with loader.connect(warehouse) as con:
        return {
            t: con.execute(f"SELECT count(*) FROM {loader.quote(t)}").fetchone()[0]  # type: ignore[index]
            for t in TABLES_TO_COUNT
        }


def every_table_row_count(warehouse: Path) -> dict[str, int]:
    with loader.connect(warehouse) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return {
            n: con.execute(f"SELECT count(*) FROM {loader.quote(n)}").fetchone()[0]  # type: ignore[index]
            for n in names
        }


def test_sample_loads_and_a_second_load_is_a_no_op(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    batch, validation = read([SAMPLE])
    first = loader.load(batch, validation, warehouse)
    sid = batch.submissions["submission_id"][0]
    assert first.loaded == [sid] and first.skipped == [] and first.rows > 100
    before = every_table_row_count(warehouse)
    second = loader.load(*read([SAMPLE]), warehouse)
    assert second.loaded == [] and second.skipped == [sid] and second.superseded == []
    assert every_table_row_count(warehouse) == before
    assert before["submissions"] == 1
    assert before["raw_program_kegiatan"] == batch.tables["program_kegiatan"].height
    with loader.connect(warehouse) as con:
        row = con.execute(
            "SELECT version, is_current, kecamatan, tahun, kode_kabupaten, sintetis "
            "FROM submissions"
        ).fetchone()
    assert row == (1, True, "Medang Deras", 2025, "12.19", False)


def test_describe_in_both_languages(tmp_path: Path) -> None:
    summary = loader.LoadSummary(tmp_path / "w.duckdb", loaded=["a", "b"], skipped=["c"])
    summary.superseded.append(("x", "a"))
    assert summary.describe("id").startswith(
        "2 pengiriman dimuat (0 baris), 1 dilewati (tidak berubah), 1 versi lama digantikan"
    )
    assert summary.describe("en").startswith(
        "2 submissions loaded (0 rows), 1 skipped (unchanged), 1 earlier version superseded"
    )


def test_resubmission_supersedes_and_history_stays(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    v1 = copy_sample(tmp_path / "v1")
    v2 = copy_sample(tmp_path / "v2", {"program_kegiatan.csv": PROGRAM_2})
    first = loader.load(*read([v1]), warehouse)
    second = loader.load(*read([v2]), warehouse)
    old, new = first.loaded[0], second.loaded[0]
    assert old != new
    assert second.superseded == [(old, new)]
    with loader.connect(warehouse) as con:
        subs = con.execute(
            "SELECT submission_id, version, is_current, superseded_by FROM submissions "
            "ORDER BY version"
        ).fetchall()
        assert subs == [(old, 1, False, new), (new, 2, True, None)]
        # every view sees the new figure only
        realisasi = con.execute(
            "SELECT submission_id, realisasi FROM v_realisasi_anggaran "
            "WHERE tingkat = 'program' AND nama LIKE 'PROGRAM PENYELENGGARAAN PEMERINTAHAN%'"
        ).fetchall()
        assert realisasi == [(new, Decimal("9011500.00"))]
        ringkasan = con.execute(
            "SELECT submission_id, version, realisasi_total FROM v_ringkasan_kecamatan"
        ).fetchall()
        assert ringkasan == [(new, 2, Decimal("5258576563.00"))]
        assert con.execute("SELECT DISTINCT submission_id FROM v_capaian_iku").fetchall() == [
            (new,)
        ]
        # version 1 is still in the raw tables
        raw = con.execute(
            "SELECT submission_id, realisasi_anggaran FROM raw_program_kegiatan "
            "WHERE nama LIKE 'PROGRAM PENYELENGGARAAN PEMERINTAHAN%' ORDER BY realisasi_anggaran"
        ).fetchall()
        assert raw == [(new, Decimal("9011500.00")), (old, Decimal("10011500.00"))]
        riwayat = con.execute(
            "SELECT version, is_current, versi_sebelumnya, selisih_realisasi, selisih_pagu "
            "FROM v_riwayat_pengiriman ORDER BY version"
        ).fetchall()
        assert riwayat == [
            (1, False, None, None, None),
            (2, True, old, Decimal("-1000000.00"), Decimal("0.00")),
        ]
    # loading version 1 again changes nothing: its file is known
    again = loader.load(*read([v1]), warehouse)
    assert again.skipped == [old] and again.loaded == []
    with loader.connect(warehouse) as con:
        current = con.execute("SELECT submission_id FROM submissions WHERE is_current").fetchall()
    assert current == [(new,)]


def test_two_versions_in_one_batch_load_in_order(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    v1 = copy_sample(tmp_path / "a-v1")
    v2 = copy_sample(tmp_path / "b-v2", {"program_kegiatan.csv": PROGRAM_2})
    summary = loader.load(*read([v1, v2]), warehouse)
    assert len(summary.loaded) == 2
    assert summary.superseded == [(summary.loaded[0], summary.loaded[1])]


def test_the_same_file_twice_in_one_batch_loads_once(tmp_path: Path) -> None:
    copy = copy_sample(tmp_path / "copy")
    summary = loader.load(*read([SAMPLE, copy]), tmp_path / "twice.duckdb")
    # ingest already reads identical files once (ING011), so load sees one submission
    assert len(summary.loaded) == 1
    once = loader.load(*read([SAMPLE]), tmp_path / "once.duckdb")
    assert summary.rows == once.rows
    # the rows are stored once, like the file's; the only extra is the ING011 warning
    twice = every_table_row_count(tmp_path / "twice.duckdb")
    single = every_table_row_count(tmp_path / "once.duckdb")
    differing = {k: (twice[k], single.get(k)) for k in twice if twice[k] != single.get(k)}
    assert set(differing) <= {"findings"}
    with loader.connect(tmp_path / "twice.duckdb") as con:
        extra = con.execute("SELECT rule FROM findings WHERE rule = 'ING011'").fetchall()
    assert extra == [("ING011",)]


def test_submission_without_identity_loads_on_its_own(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    nameless = copy_sample(
        tmp_path / "nameless", {"identitas.csv": ("kecamatan;Medang Deras\n", "")}
    )
    loader.load(*read([SAMPLE]), warehouse)
    summary = loader.load(*read([nameless]), warehouse)
    assert summary.loaded and summary.superseded == []
    with loader.connect(warehouse) as con:
        rows = con.execute(
            "SELECT kecamatan, kecamatan_key, version, is_current FROM submissions "
            "ORDER BY kecamatan NULLS LAST"
        ).fetchall()
        assert rows[0][0] == "Medang Deras" and rows[0][3]
        assert rows[1] == (None, None, 1, True)
        ringkasan = con.execute(
            "SELECT count(*) FROM v_ringkasan_kecamatan WHERE kecamatan IS NULL"
        ).fetchone()
        assert ringkasan == (1,)


def test_findings_are_loaded_rendered_in_both_languages(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    batch = ingest([SAMPLE])
    sid = batch.submissions["submission_id"][0]
    finding = findings(
        ING007,
        pl.DataFrame(
            {
                "submission_id": [sid],
                "table": ["capaian_iku"],
                "sheet": ["capaian_iku.csv"],
                "cell": ["capaian_iku.csv!F2"],
                "row": [2],
                "column": ["realisasi"],
                "found": ["87,94x"],
            }
        ),
    )
    loader.load(batch, stand_in(batch, finding), warehouse)
    with loader.connect(warehouse) as con:
        row = con.execute(
            "SELECT rule, cell, message_id, message_en, title_en, hint_id FROM findings"
        ).fetchone()
        assert row is not None
        assert row[:2] == ("ING007", "capaian_iku.csv!F2")
        assert "capaian_iku.csv!F2" in row[2] and "87,94x" in row[2]
        assert row[3].startswith("Cell capaian_iku.csv!F2")
        assert row[4] == "Unreadable number" and row[5]
        kualitas = con.execute(
            "SELECT rule, severity, jumlah, status FROM v_kualitas_data"
        ).fetchall()
        assert kualitas == [("ING007", "error", 1, "galat")]
        assert con.execute("SELECT error_count FROM submissions").fetchone() == (1,)


def test_recomputed_columns_are_stored_and_new_ones_added(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    batch, validation = read([SAMPLE])
    validation.tables["capaian_iku"] = validation.tables["capaian_iku"].with_columns(
        (pl.col("target") * 2).alias("target_hitung"),  # a column the schema does not know yet
        pl.lit("x").alias("internal_scratch"),  # not a recomputation: not loaded
    )
    loader.load(batch, validation, warehouse)
    with loader.connect(warehouse) as con:
        rows = con.execute(
            'SELECT capaian_hitung, target_hitung FROM raw_capaian_iku ORDER BY "row"'
        ).fetchall()
        columns = {r[0] for r in con.execute("DESCRIBE raw_capaian_iku").fetchall()}
        total = con.execute("SELECT pagu_hitung FROM raw_program_kegiatan_total").fetchone()
    assert rows[0][0] == pytest.approx(87.94 / 89.2 * 100)
    assert rows[0][1] == pytest.approx(178.4)
    assert "internal_scratch" not in columns
    assert total == (Decimal("5463337162.00"),)


def test_failure_mid_load_leaves_nothing_of_that_submission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "w.duckdb"
    v1 = copy_sample(tmp_path / "v1")
    v2 = copy_sample(tmp_path / "v2", {"program_kegiatan.csv": PROGRAM_2})
    first = loader.load(*read([v1]), warehouse)
    before = every_table_row_count(warehouse)

    real_insert = loader._insert_frame
    raw_tables: list[str] = []

    def failing(con: duckdb.DuckDBPyConnection, target: str, frame: pl.DataFrame) -> int:
        if target.startswith("raw_"):
            raw_tables.append(target)
            if len(raw_tables) == 3:
                raise OSError("disk full (injected)")
        return real_insert(con, target, frame)

    monkeypatch.setattr(loader, "_insert_frame", failing)
    with pytest.raises(LakipError, match="injected"):  # an OSError is told, not raised
        loader.load(*read([v2]), warehouse)
    assert len(raw_tables) == 3
    assert every_table_row_count(warehouse) == before
    with loader.connect(warehouse) as con:
        assert con.execute("SELECT submission_id, is_current FROM submissions").fetchall() == [
            (first.loaded[0], True)
        ]
    monkeypatch.undo()
    retry = loader.load(*read([v2]), warehouse)
    assert retry.superseded == [(first.loaded[0], retry.loaded[0])]


def test_failure_on_an_empty_warehouse_leaves_it_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "w.duckdb"
    real_insert = loader._insert_frame
    seen: list[str] = []

    def failing(con: duckdb.DuckDBPyConnection, target: str, frame: pl.DataFrame) -> int:
        if target.startswith("raw_"):
            seen.append(target)
            if len(seen) == 3:
                raise RuntimeError("injected")
        return real_insert(con, target, frame)

    monkeypatch.setattr(loader, "_insert_frame", failing)
    with pytest.raises(RuntimeError):
        loader.load(*read([SAMPLE]), warehouse)
    assert set(counts(warehouse).values()) == {0}


HOLDER = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("ready", flush=True)
    time.sleep(120)
    """
)


def test_a_second_writer_gets_warehouse_busy(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    loader.load(*read([SAMPLE]), warehouse)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(warehouse)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseBusy) as busy:
            loader.load(*read([SAMPLE]), warehouse)
        message = str(busy.value)
        assert "sedang dipakai proses lain" in message
        assert "held by another process" in message
        assert f"PID {holder.pid}" in message
        with pytest.raises(WarehouseBusy):
            loader.connect(warehouse, read_only=False)
        with pytest.raises(WarehouseBusy):
            loader.connect(warehouse)  # DuckDB does not let a reader in beside a writer either
        with pytest.raises(WarehouseBusy):
            loader.rebuild(SAMPLE, warehouse, validator=stand_in)
    finally:
        holder.kill()
        holder.wait()
    assert loader.load(*read([SAMPLE]), warehouse).skipped  # free again


def test_reading_a_missing_warehouse_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LakipError, match="lakip load"):
        loader.connect(tmp_path / "nothing.duckdb")
    assert not (tmp_path / "nothing.duckdb").exists()


def test_rebuild_reloads_everything_and_keeps_load_order(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    raw = tmp_path / "raw" / "2025"
    raw.mkdir(parents=True)
    v1 = copy_sample(raw / "z-medang-deras")  # sorts after v2: only history gives the order
    first = loader.load(*read([v1]), warehouse)
    with loader.connect(warehouse) as con:
        loaded_at = con.execute("SELECT loaded_at FROM submissions").fetchone()
    assert loaded_at is not None
    copy_sample(raw / "a-medang-deras-revisi", {"program_kegiatan.csv": PROGRAM_2})
    summary = loader.rebuild(tmp_path / "raw", warehouse, validator=stand_in)
    assert summary.rebuilt and len(summary.loaded) == 2
    assert summary.describe("id").startswith("Gudang data dibangun ulang: 2 pengiriman dimuat")
    assert summary.warehouse == warehouse
    assert not warehouse.with_name("w.duckdb.rebuild").exists()
    with loader.connect(warehouse) as con:
        rows = con.execute(
            "SELECT submission_id, version, is_current, loaded_at FROM submissions ORDER BY version"
        ).fetchall()
    assert rows[0][:3] == (first.loaded[0], 1, False)
    assert rows[0][3] == loaded_at[0]
    assert rows[1][1:3] == (2, True) and isinstance(rows[1][3], datetime)


def test_rebuild_without_a_warehouse_builds_one(tmp_path: Path) -> None:
    warehouse = tmp_path / "new" / "w.duckdb"
    summary = loader.rebuild(SAMPLE, warehouse, validator=stand_in)
    assert summary.loaded and warehouse.exists()
    assert counts(warehouse)["submissions"] == 1


def test_a_database_error_mid_load_becomes_a_lakip_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "w.duckdb"

    def broken(con: duckdb.DuckDBPyConnection, target: str, frame: pl.DataFrame) -> int:
        raise duckdb.ConstraintException("injected constraint failure")

    monkeypatch.setattr(loader, "_insert_frame", broken)
    with pytest.raises(LakipError, match="tidak ada bagiannya yang tersimpan"):
        loader.load(*read([SAMPLE]), warehouse)
    assert counts(warehouse)["submissions"] == 0


def test_findings_about_no_submission_are_stored_once(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    unknown = Rule("XXX999", "warning", "", "", "", "")  # a code no catalog declares
    batch_wide = findings(
        unknown, pl.DataFrame({"detail": ["two files for one kecamatan"], "cell": ["raw/2025"]})
    )
    v2 = copy_sample(tmp_path / "v2", {"program_kegiatan.csv": PROGRAM_2})
    for path in (SAMPLE, v2):
        batch = ingest([path])
        loader.load(batch, stand_in(batch, batch_wide), warehouse)
    with loader.connect(warehouse) as con:
        rows = con.execute(
            "SELECT rule, submission_id, message_en FROM findings WHERE rule = 'XXX999'"
        ).fetchall()
    assert rows == [("XXX999", None, "two files for one kecamatan")]


def test_lakip_load_command_prints_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI wiring (pipeline/cli.py `load`) with the stand-in as the validator."""
    import types

    from click.testing import CliRunner

    import pipeline
    from pipeline.cli import cli

    fake = types.ModuleType("pipeline.validate")
    fake.validate = stand_in  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pipeline.validate", fake)
    monkeypatch.setattr(pipeline, "validate", fake, raising=False)
    warehouse = tmp_path / "w.duckdb"
    args = ["load", "--raw", str(SAMPLE), "--warehouse", str(warehouse)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert first.output.startswith("1 pengiriman dimuat")
    # --all reads the file again: load itself skips it by sha256
    second = CliRunner().invoke(cli, ["--lang", "en", *args, "--all"])
    assert second.exit_code == 0, second.output
    assert second.output.startswith("0 submissions loaded (0 rows), 1 skipped (unchanged)")
    # by default the CLI does not even read it (pipeline/cli.py): nothing reaches load
    third = CliRunner().invoke(cli, ["--lang", "en", *args])
    assert third.exit_code == 0, third.output
    assert "0 submissions loaded (0 rows)" in third.output


DETAIL_COLUMNS = ("detail_key", "detail_args", "detail_id", "detail_en")


def test_findings_keep_their_detail_structured_and_rendered(tmp_path: Path) -> None:
    """The warehouse stores the detail's key and values, each language's text as the findings
    files show it, and ``detail`` as both joined (what queries written before read)."""
    import example

    from pipeline.validate import rendered, validate
    from schemas.text import numbers

    warehouse = tmp_path / "w.duckdb"
    data = example.edit(example.sheets(), "program_kegiatan", 2, "target_kinerja", "71,00")
    data = example.edit(data, "capaian_iku", 2, "capaian", "99,99")
    batch = ingest([example.write(tmp_path / "raw" / "2025" / "sei-suka", data)])
    validation = validate(batch)
    loader.load(batch, validation, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        stored = con.sql(
            "SELECT finding_id, detail, detail_key, detail_args, detail_id, detail_en FROM findings"
        ).pl()
    keyed = stored.filter(pl.col("detail_key").is_not_null())
    assert keyed.height > 0 and keyed.get_column("detail_args").list.len().min() is not None
    for lang in ("id", "en"):
        shown = rendered(validation, lang).select("finding_id", pl.col("detail").alias("shown"))
        both = keyed.join(shown, on="finding_id")
        assert both.height == keyed.height
        assert both.get_column(f"detail_{lang}").equals(both.get_column("shown"), check_names=False)
    for row in keyed.iter_rows(named=True):  # detail: both sides, numbers as machine text
        left, right = row["detail"].split(" || ")
        assert numbers("id").in_text(left) == row["detail_id"]
        assert numbers("en").in_text(right) == row["detail_en"]


def test_a_version_2_warehouse_gets_the_detail_columns(tmp_path: Path) -> None:
    """Schema 3 added the structured detail to ``findings``; older rows keep NULL there."""
    warehouse = tmp_path / "w.duckdb"
    loader.load(*read([SAMPLE]), warehouse)
    with duckdb.connect(str(warehouse)) as raw:  # make it look like schema 2
        for name in DETAIL_COLUMNS:
            raw.execute(f"ALTER TABLE findings DROP COLUMN {name}")
        raw.execute("UPDATE schema_version SET version = 2")
    loader.connect(warehouse, read_only=False).close()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        versions = con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
        columns = [r[0] for r in con.execute("DESCRIBE findings").fetchall()]
        empty = con.execute("SELECT count(*) FROM findings WHERE detail_key IS NOT NULL").fetchone()
    assert versions == [(2,), (3,), (4,), (5,)] and loader.SCHEMA_VERSION == 5
    assert columns[-len(DETAIL_COLUMNS) :] == list(DETAIL_COLUMNS)  # as in a new warehouse
    assert empty == (0,)
