"""A submission whose kode_wilayah names another kecamatan (IDN001) is kept apart."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
from click.testing import CliRunner
from conftest import SAMPLE_CSV

from pipeline.cli import cli


def _submission(folder: Path, kode: str) -> None:
    shutil.copytree(SAMPLE_CSV, folder, ignore=shutil.ignore_patterns("*.md"))
    identitas = folder / "identitas.csv"
    text = identitas.read_text(encoding="utf-8").replace(
        "kode_wilayah;12.19.01", f"kode_wilayah;{kode}"
    )
    identitas.write_text(text, encoding="utf-8")


def test_wrong_code_neither_supersedes_nor_joins_the_named_kecamatan(tmp_path: Path):
    first, second = tmp_path / "a" / "2025", tmp_path / "b" / "2025"
    _submission(first / "medang-deras", "12.19.01")
    _submission(second / "medang-deras-kode-sei-suka", "12.19.02")  # Sei Suka's code
    warehouse = tmp_path / "w.duckdb"
    runner = CliRunner()
    for raw in (first.parent, second.parent):
        result = runner.invoke(
            cli, ["-q", "-j", "1", "load", "--raw", str(raw), "--warehouse", str(warehouse)]
        )
        assert result.exit_code == 0, result.output
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "SELECT s.kecamatan_key, s.is_current, s.version FROM submissions s ORDER BY loaded_at"
        ).fetchall()
        flagged = con.execute(
            "SELECT count(*) FROM findings WHERE rule = 'IDN001' AND detail_key = 'IDN001.by_code'"
        ).fetchone()
    finally:
        con.close()
    assert flagged == (1,)
    (key_a, current_a, _), (key_b, current_b, version_b) = rows
    assert key_a != key_b  # two identities, not one kecamatan's versions
    assert current_a and current_b and version_b == 1
    assert key_b.startswith(key_a) and "121902" in key_b
