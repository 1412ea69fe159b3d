"""`lakip status`: every kecamatan the reference expects, with what it sent and its state;
the same table in the report's pengiriman.html and in ringkasan.xlsx."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.generate import generate
from pipeline.ingest import discover, ingest
from pipeline.status import received_from_run, status_table
from pipeline.validate import validate

SAMPLE = Path(__file__).resolve().parent.parent / "raw" / "2025" / "medang-deras.xlsx"


def sample_raw(root: Path) -> Path:
    raw = root / "raw"
    (raw / "2025").mkdir(parents=True)
    shutil.copy(SAMPLE, raw / "2025" / SAMPLE.name)
    return raw


def test_sample_alone_lists_the_twelve_batu_bara_kecamatan(tmp_path: Path) -> None:
    raw = sample_raw(tmp_path)
    run = CliRunner().invoke(
        cli, ["status", "--raw", str(raw), "--tahun", "2025", "--format", "json"]
    )
    assert run.exit_code == 0, run.output
    rows = json.loads(run.output)
    assert len(rows) == 12
    assert [r["kode_wilayah"] for r in rows] == [f"12.19.{i:02d}" for i in range(1, 13)]
    states = {r["kecamatan"]: r["status"] for r in rows}
    assert states.pop("Medang Deras") == "galat"
    assert set(states.values()) == {"belum masuk"}
    medang = rows[0]
    assert (medang["galat"], medang["peringatan"], medang["versi"]) == (21, 4, 1)
    assert medang["berkas"].endswith("medang-deras.xlsx") and medang["terakhir_diterima"]
    table = CliRunner().invoke(cli, ["status", "--raw", str(raw), "--tahun", "2025"])
    assert "12 kecamatan: 11 belum masuk, 1 galat" in table.output
    english = CliRunner().invoke(cli, ["--lang", "en", "status", "--raw", str(raw)])
    assert "11 not received, 1 errors" in english.output


def test_every_state_versions_and_unreadable_files(tmp_path: Path) -> None:
    made = generate(tmp_path / "gen", 4, seed=9, inject=0)
    folder = made.paths[0].parent  # sintetis/2025: medang-deras, sei-suka, air-putih, lima-puluh
    # Sei Suka: a second, later version; the newest file is the one shown
    openpyxl.load_workbook(folder / "sei-suka.xlsx").save(folder / "sei-suka-2025.xlsx")
    os.utime(folder / "sei-suka.xlsx", (1_700_000_000, 1_700_000_000))
    # Air Putih: the file cannot be read at all
    (folder / "air-putih.xlsx").write_bytes(b"this is not a workbook")
    # Lima Puluh: not sent
    (folder / "lima-puluh.xlsx").unlink()
    result = validate(ingest(discover(folder), workers=1))
    table = status_table(received_from_run(result), tahun=2025, kabupaten="12.19")
    state = dict(zip(table["kecamatan"], table["status"], strict=True))
    assert table.height == 12
    assert state["Air Putih"] == "tidak terbaca"
    assert state["Lima Puluh"] == "belum masuk"
    # the same kecamatan-year twice in one run: IDN006, an error on both versions
    assert state["Sei Suka"] == "galat"
    assert state["Medang Deras"] == "bersih"
    made_up = dict(zip(table["kecamatan"], table["sintetis"], strict=True))
    assert made_up["Medang Deras"] and not made_up["Lima Puluh"]  # generated data is marked
    versi = dict(zip(table["kecamatan"], table["versi"], strict=True))
    assert versi["Sei Suka"] == 2 and versi["Lima Puluh"] == 0 and versi["Air Putih"] == 1
    files = dict(zip(table["kecamatan"], table["berkas"], strict=True))
    assert files["Sei Suka"].endswith("sei-suka-2025.xlsx")  # the newest by date
    assert table.filter(pl.col("status") == "belum masuk").height == 12 - 3


def test_the_latest_version_gives_the_state() -> None:
    """Warehouse-shaped input: Talawi sent twice, errors first, then warnings only."""
    from datetime import datetime

    from pipeline.status import RECEIVED_SCHEMA

    received = pl.DataFrame(
        [
            ("a", "12.19.05", "Sumatera Utara", "Batu Bara", "Talawi", 2025, "raw/2025/talawi.xlsx",
             datetime(2026, 2, 1), 3, 1, False, False),
            ("b", "12.19.05", "Sumatera Utara", "Batu Bara", "Talawi", 2025,
             "raw/2025/talawi-2025.xlsx", datetime(2026, 3, 1), 0, 2, False, False),
            ("c", None, "Sumatera Utara", "Kabupaten Batu Bara", "Sei Balai", 2025,
             "raw/2025/sei-balai.xlsx", datetime(2026, 3, 2), 0, 0, False, False),
        ],
        schema=RECEIVED_SCHEMA,
        orient="row",
    )  # fmt: skip
    table = status_table(received, tahun=2025)
    assert table.height == 12  # the kabupaten comes from the codes and names received
    talawi = table.filter(pl.col("kecamatan") == "Talawi").row(0, named=True)
    assert (talawi["status"], talawi["versi"], talawi["galat"], talawi["peringatan"]) == (
        "hanya peringatan", 2, 0, 2,
    )  # fmt: skip
    assert talawi["berkas"] == "raw/2025/talawi-2025.xlsx"
    sei_balai = table.filter(pl.col("kecamatan") == "Sei Balai").row(0, named=True)
    assert sei_balai["status"] == "bersih" and sei_balai["kode_wilayah"] == "12.19.07"
    # a synthetic Talawi beside the real one is its own row, never a version of it
    fake = received.head(1).with_columns(
        pl.lit("d").alias("submission_id"), pl.lit(True).alias("sintetis")
    )
    mixed = status_table(pl.concat([received, fake]), tahun=2025)
    talawi = mixed.filter(pl.col("kecamatan") == "Talawi")
    assert talawi.height == 2
    assert talawi.select("sintetis", "versi", "status").rows() == [
        (False, 2, "hanya peringatan"),
        (True, 1, "galat"),
    ]


def test_kabupaten_code_scopes_the_rows_and_an_unknown_code_is_refused(tmp_path: Path) -> None:
    raw = sample_raw(tmp_path)
    run = CliRunner().invoke(
        cli, ["status", "--raw", str(raw), "--kabupaten", "12.01", "--tahun", "2025",
              "--format", "csv"],
    )  # fmt: skip
    assert run.exit_code == 0, run.output
    lines = run.output.strip().splitlines()
    assert lines[0].startswith("tahun,kode_wilayah,kabupaten,kecamatan,status")
    assert all(",belum masuk," in line and "12.01." in line for line in lines[1:])
    bad = CliRunner().invoke(cli, ["status", "--raw", str(raw), "--kabupaten", "99.99"])
    assert bad.exit_code == 1 and "99.99" in bad.output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    raw = sample_raw(root)
    run = CliRunner().invoke(
        cli,
        ["-q", "run", "--raw", str(raw), "--warehouse", str(root / "w.duckdb"),
         "--reports", str(root / "reports"), "--out", str(root / "out")],
    )  # fmt: skip
    assert run.exit_code == 0, run.output
    return root / "reports" / "2025"


def test_report_has_the_pengiriman_page_and_sheet(site: Path) -> None:
    page = (site / "pengiriman.html").read_text(encoding="utf-8")
    assert page.count("belum masuk") >= 11 and "Nibung Hangus" in page and "12.19.12" in page
    assert "12 kecamatan: 11 belum masuk, 1 galat" in page
    assert 'href="pengiriman.html"' in (site / "kualitas.html").read_text(encoding="utf-8")
    sheet = openpyxl.load_workbook(site / "ringkasan.xlsx")["Pengiriman"]
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] and str(r[0]).startswith("12.19")]
    assert len(rows) == 12
    assert rows[0][:4] == ("12.19.01", "Medang Deras", "galat", 21)
