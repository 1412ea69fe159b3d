"""The validate API the CLI calls: Validation, validate(), write_findings()."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import example
import polars as pl
import pytest

from pipeline.ingest import ingest
from pipeline.validate import ValidateConfig, Validation, validate, write_findings
from schemas.findings import FINDING_SCHEMA

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample" / "medang-deras-2025"


@pytest.fixture(scope="module")
def seed() -> Validation:
    return validate(ingest([SAMPLE]))


def test_findings_frame_shape(seed: Validation) -> None:
    assert seed.findings.schema == pl.Schema(FINDING_SCHEMA)
    assert seed.findings.get_column("finding_id").n_unique() == seed.findings.height
    assert seed.findings.get_column("cell").null_count() == 0
    assert seed.error_count + seed.warning_count == seed.findings.height
    assert seed.submissions.equals(ingest([SAMPLE]).submissions)


def test_finding_ids_are_stable_across_runs(seed: Validation) -> None:
    again = validate(ingest([SAMPLE]))
    assert again.findings["finding_id"].to_list() == seed.findings["finding_id"].to_list()
    assert again.findings["root"].to_list() == seed.findings["root"].to_list()


def test_ingest_findings_are_kept(tmp_path: Path) -> None:
    folder = example.write(tmp_path / "raw" / "2025" / "sei-suka", example.sheets())
    (folder / "catatan.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    result = validate(ingest([folder]))
    assert result.findings.select("rule", "severity").rows() == [("ING003", "warning")]


def test_a_missing_column_is_blamed_once(tmp_path: Path) -> None:
    data = example.sheets()
    data["anggaran_program"] = [[r[0], r[1], r[3]] for r in data["anggaran_program"]]
    folder = example.write(tmp_path / "raw" / "2025" / "sei-suka", data)
    result = validate(ingest([folder]))
    rules = result.findings.filter(pl.col("table") == "anggaran_program")["rule"].to_list()
    assert rules == ["ING005"]  # not SCH002 on every row, not TOT001/XTB005 on nulls


def test_several_submissions_in_one_run(tmp_path: Path) -> None:
    clean = example.write(tmp_path / "raw" / "2025" / "sei-suka", example.sheets())
    result = validate(ingest([SAMPLE, clean]))
    per = dict(result.findings.group_by("submission_id").len().rows())
    assert sorted(per.values()) == [25]
    assert result.tables["program_kegiatan"]["submission_id"].n_unique() == 2


def test_write_findings_all_formats(seed: Validation, tmp_path: Path) -> None:
    paths = write_findings(seed, tmp_path / "out", "id", ("csv", "json", "html"))
    assert [p.name for p in paths] == ["findings.csv", "findings.json", "findings.html"]
    rows = list(csv.DictReader((tmp_path / "out" / "findings.csv").open(encoding="utf-8")))
    assert len(rows) == 25
    assert rows[0]["kecamatan"] == "Medang Deras" and rows[0]["tahun"] == "2025"
    assert {"title", "message", "hint", "expected", "found", "cell", "root"} <= set(rows[0])
    text = (tmp_path / "out" / "findings.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert isinstance(data, list) and len(data) == 25
    assert "× 100" in text  # UTF-8, not \\u escapes
    xtb007 = next(d for d in data if d["rule"] == "XTB007")
    assert "5.345.196.344,24" in xtb007["message"]
    html = (tmp_path / "out" / "findings.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "Medang Deras 2025" in html
    assert "program_kegiatan.csv!I3" in html and "Temuan validasi" in html


def test_write_findings_in_english_and_one_format(seed: Validation, tmp_path: Path) -> None:
    paths = write_findings(seed, tmp_path, "en", ("json",))
    assert paths == [tmp_path / "findings.json"]
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    hie = next(d for d in data if d["rule"] == "HIE002")
    assert hie["title"] == "Kegiatan differs from the sum of its sub kegiatan"
    assert "2,535,000.00" in hie["message"] and "It also explains" in hie["message"]
    assert hie["detail"] == "sum of Realisasi Anggaran (Rp) over 2 sub kegiatan"


def test_write_findings_without_findings(tmp_path: Path) -> None:
    folder = example.write(tmp_path / "raw" / "2025" / "sei-suka", example.sheets())
    result = validate(ingest([folder]))
    paths = write_findings(result, tmp_path / "out", "id", ("csv", "json", "html"))
    assert json.loads(paths[1].read_text(encoding="utf-8")) == []
    assert paths[0].read_text(encoding="utf-8").startswith("kecamatan,tahun,rule")


def test_config_is_checked() -> None:
    with pytest.raises(ValueError, match="negative method"):
        ValidateConfig(negative_method="kebalikan")
    with pytest.raises(ValueError, match="polaritas"):
        ValidateConfig(polaritas={"IKM": "naik"})
    assert ValidateConfig().ikm_warning_band == 1.0
