"""An upgrade never keeps figures an older reader got wrong (``submissions.reader_version``).

A warehouse loaded by a lakip whose ingest read ``56.152`` as 56.152 must not keep that
value just because the file did not change: the next load reads such files again, by a
rebuild from raw/ when raw/ still holds every file of the warehouse, and otherwise says
which files could not be read again and how to fix it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
from click.testing import CliRunner

from pipeline import api
from pipeline.cli import cli
from pipeline.ingest import READER_VERSION

REPO = Path(__file__).resolve().parents[1]
SAMPLE_XLSX = REPO / "raw" / "2025" / "medang-deras.xlsx"
SAMPLE_CSV = REPO / "sample" / "medang-deras-2025"

PENDUDUK = "SELECT angka FROM raw_identitas WHERE kolom = 'jumlah_penduduk'"


def _raw(tmp_path: Path, *, csv: bool = False) -> Path:
    raw = tmp_path / "raw" / "2025"
    raw.mkdir(parents=True)
    shutil.copy(SAMPLE_XLSX, raw / "medang-deras.xlsx")
    if csv:  # the same kecamatan again, as a CSV folder: a second version
        shutil.copytree(SAMPLE_CSV, raw / "zz-medang-deras-csv")
    return raw.parent


def _as_if_read_by_reader_1(warehouse: Path) -> None:
    """What a warehouse loaded before this fix holds: no reader version, 56.152 people."""
    with duckdb.connect(str(warehouse)) as con:
        con.execute("UPDATE submissions SET reader_version = NULL")
        con.execute("UPDATE raw_identitas SET angka = 56.152 WHERE kolom = 'jumlah_penduduk'")


def _rows(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_each_submission_records_the_reader_that_read_it(tmp_path: Path) -> None:
    raw, warehouse = _raw(tmp_path), tmp_path / "w.duckdb"
    api.load(raw, warehouse)
    assert _rows(warehouse, "SELECT reader_version FROM submissions") == [(READER_VERSION,)]
    assert _rows(warehouse, PENDUDUK) == [(56152.0,)]


def test_files_an_older_reader_read_are_read_again(tmp_path: Path) -> None:
    raw, warehouse = _raw(tmp_path, csv=True), tmp_path / "w.duckdb"
    api.load(raw, warehouse)
    history = "SELECT sha256, version, is_current, loaded_at FROM submissions ORDER BY version"
    before = _rows(warehouse, history)
    assert len(before) == 2
    _as_if_read_by_reader_1(warehouse)
    assert _rows(warehouse, PENDUDUK) == [(56.152,), (56.152,)]

    result = api.load(raw, warehouse)
    assert result.loaded is not None and result.loaded.reread == 2
    assert "dibaca ulang" in result.loaded.describe("id")
    assert _rows(warehouse, PENDUDUK) == [(56152.0,), (56152.0,)]
    assert _rows(warehouse, history) == before  # same versions, order and load times
    assert _rows(warehouse, "SELECT DISTINCT reader_version FROM submissions") == [
        (READER_VERSION,)
    ]
    again = api.load(raw, warehouse)  # now current: nothing is read again
    assert again.loaded is None or again.loaded.reread == 0
    assert len(again.skipped) == 2


def test_a_file_gone_from_raw_is_not_lost_to_a_reread(tmp_path: Path) -> None:
    raw, warehouse = _raw(tmp_path, csv=True), tmp_path / "w.duckdb"
    api.load(raw, warehouse)
    _as_if_read_by_reader_1(warehouse)
    shutil.rmtree(raw / "2025" / "zz-medang-deras-csv")  # its version stays in the warehouse

    result = CliRunner().invoke(cli, ["load", "--raw", str(raw), "--warehouse", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "2 pengiriman di gudang data dibaca oleh lakip versi lama" in result.output
    assert "lakip rebuild" in result.output
    assert len(_rows(warehouse, "SELECT * FROM submissions")) == 2  # nothing dropped
    assert _rows(warehouse, PENDUDUK) == [(56.152,), (56.152,)]  # left for the office to decide
