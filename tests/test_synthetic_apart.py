"""Synthetic submissions never share a total with real ones in the warehouse marts."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
from click.testing import CliRunner
from conftest import SAMPLE_XLSX

from pipeline.cli import cli


def test_no_mart_mixes_synthetic_and_real(tmp_path: Path):
    raw = tmp_path / "raw"
    (raw / "2025").mkdir(parents=True)
    shutil.copy(SAMPLE_XLSX, raw / "2025" / "medang-deras.xlsx")  # real Medang Deras
    runner = CliRunner()
    made = runner.invoke(cli, ["generate", "--kecamatan", "2", "--out", str(raw)])
    assert made.exit_code == 0, made.output  # Batu Bara's first two, Medang Deras included
    warehouse = tmp_path / "w.duckdb"
    result = runner.invoke(
        cli, ["-q", "-j", "1", "load", "--raw", str(raw), "--warehouse", str(warehouse)]
    )
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        flags = con.execute("SELECT DISTINCT coalesce(sintetis, false) FROM submissions").fetchall()
        assert sorted(flags) == [(False,), (True,)]
        views = con.execute(
            "SELECT DISTINCT table_name FROM duckdb_columns() WHERE column_name = 'kabupaten_key' "
            "AND table_name LIKE 'v\\_%' ESCAPE '\\'"
        ).fetchall()
        assert views
        checked = 0
        for (view,) in views:
            columns = {
                c
                for (c,) in con.execute(
                    f"SELECT column_name FROM duckdb_columns() WHERE table_name = '{view}'"
                ).fetchall()
            }
            keys = {
                k for (k,) in con.execute(f'SELECT DISTINCT kabupaten_key FROM "{view}"').fetchall()
            }
            if not keys:
                continue
            checked += 1
            if "sintetis" in columns:
                mixed = con.execute(
                    f'SELECT kabupaten_key FROM "{view}" GROUP BY 1 '
                    "HAVING count(DISTINCT coalesce(sintetis, false)) > 1"
                ).fetchall()
                assert mixed == [], view
            # one key per kind: the synthetic kabupaten is its own group
            assert any(str(k).endswith("|sintetis") for k in keys), view
            assert any(not str(k).endswith("|sintetis") for k in keys), view
        assert checked
    finally:
        con.close()
