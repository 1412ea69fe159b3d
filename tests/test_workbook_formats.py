"""The sample as .xls, .ods and .xlsb (made from its .xlsx, tests/data/make_formats.py):
validate finds the same and load stores the same values as from the .xlsx.

Offices save with whatever they have; lakip reads these formats through calamine, and a
format that reads a cell differently (a number as text, a column lost) would change the
findings or the warehouse without any error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipeline import api

DATA = Path(__file__).parent / "data"
PER_FILE = {"submission_id", "path", "format", "sha256", "bytes", "finding_id", "root"}
"""Columns that name the file itself (its hash, its path, its kind, finding ids made from
the hash), not what it says, and the moments of the load."""
WHEN = {"loaded_at", "updated_at", "applied_at"}


def _raw(tmp_path: Path, suffix: str) -> Path:
    raw = tmp_path / suffix / "raw"
    (raw / "2025").mkdir(parents=True)
    shutil.copy(DATA / f"medang-deras.{suffix}", raw / "2025" / f"medang-deras.{suffix}")
    return raw


def _findings(raw: Path) -> pl.DataFrame:
    found = api.validate(raw, workers=1).messages("id")
    keep = [c for c in found.columns if c not in PER_FILE]
    return found.select(keep).sort(keep)


def _warehouse(raw: Path, warehouse: Path) -> dict[str, pl.DataFrame]:
    api.load(raw, warehouse, workers=1)
    tables: dict[str, pl.DataFrame] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        for name in sorted(names):
            frame = con.sql(f'SELECT * FROM "{name}"').pl()
            keep = [c for c in frame.columns if c not in PER_FILE | WHEN]
            tables[name] = frame.select(keep).sort(keep) if keep else frame
    return tables


@pytest.fixture(scope="module")
def xlsx(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, dict[str, pl.DataFrame]]:
    tmp = tmp_path_factory.mktemp("xlsx")
    raw = _raw(tmp, "xlsx")
    return _findings(raw), _warehouse(raw, tmp / "w.duckdb")


@pytest.mark.parametrize("suffix", ["xls", "ods", "xlsb"])
def test_same_findings_and_warehouse_as_the_xlsx(xlsx, tmp_path: Path, suffix: str):
    assert (DATA / f"medang-deras.{suffix}").stat().st_size < 200_000
    findings, tables = xlsx
    raw = _raw(tmp_path, suffix)
    mine = _findings(raw)
    assert mine.height >= 20 and not mine.filter(pl.col("rule").str.starts_with("ING")).height
    assert mine.equals(findings), pl.concat([mine, findings]).filter(
        pl.concat([mine, findings]).is_unique()
    )
    loaded = _warehouse(raw, tmp_path / "w.duckdb")
    assert loaded.keys() == tables.keys()
    assert loaded["raw_program_kegiatan"].height > 40
    for name, frame in tables.items():
        assert loaded[name].equals(frame), name
