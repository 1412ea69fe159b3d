"""HIE: program > kegiatan > sub_kegiatan sums, structure and codes; root causes."""

from __future__ import annotations

from pathlib import Path

import example
import polars as pl

from pipeline.ingest import ingest
from pipeline.validate import Validation, validate


def run(tmp_path: Path, data: example.Sheets) -> Validation:
    return validate(ingest([example.write(tmp_path / "raw" / "2025" / "sei-suka", data)]))


def found(result: Validation, prefix: str = "") -> list[tuple[object, ...]]:
    f = result.findings.filter(pl.col("rule").str.starts_with(prefix))
    return f.select("rule", "cell", "expected", "found").rows()


def roots(result: Validation) -> dict[str, str | None]:
    ids = {r["finding_id"]: f"{r['rule']} {r['cell']}" for r in result.findings.rows(named=True)}
    return {
        f"{r['rule']} {r['cell']}": ids.get(r["root"]) for r in result.findings.rows(named=True)
    }


def test_parent_rows_and_children_sums(tmp_path: Path) -> None:
    pk = run(tmp_path, example.sheets()).tables["program_kegiatan"]
    assert pk.get_column("parent_row").to_list() == [None, 2, 3, 3, 2, 6, None, 8, 9]
    assert pk.get_column("program_row").to_list() == [2, 2, 2, 2, 2, 2, 8, 8, 8]
    assert [str(v) if v is not None else None for v in pk.get_column("pagu_anak")] == [
        "1000000.00", "600000.00", None, None, "400000.00", None, "500000.00", "500000.00", None,
    ]  # fmt: skip


def test_kegiatan_differs_from_its_sub_kegiatan_is_the_root(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 3, "realisasi_anggaran", "560.000")
    result = run(tmp_path, data)
    assert found(result) == [
        ("HIE001", "program_kegiatan.csv!I2", "910000.00", "900000.00"),
        ("HIE002", "program_kegiatan.csv!I3", "550000.00", "560000.00"),
        ("SER001", "program_kegiatan.csv!K3", "93.33", "91.67"),
    ]
    assert roots(result) == {
        "HIE001 program_kegiatan.csv!I2": "HIE002 program_kegiatan.csv!I3",
        "HIE002 program_kegiatan.csv!I3": None,
        "SER001 program_kegiatan.csv!K3": "HIE002 program_kegiatan.csv!I3",
    }


def test_program_typo_is_the_root_of_every_sum_it_breaks(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 2, "pagu", "1.100.000")
    result = run(tmp_path, data)
    root = "HIE001 program_kegiatan.csv!G2"
    assert roots(result) == {
        "XTB005 anggaran_program.csv!C2": root,
        root: None,
        "SER001 program_kegiatan.csv!K2": root,
        "TOT001 program_kegiatan.csv!G11": root,
        "XTB006 program_kegiatan.csv!G2:G8": root,
    }
    assert ("HIE001", "program_kegiatan.csv!G2", "1000000.00", "1100000.00") in found(result)


def test_kegiatan_before_any_program(tmp_path: Path) -> None:
    data = example.sheets()
    orphan = ["kegiatan", "", "Kegiatan Tanpa Program", "", "", "", "0", "", "0", "", "", ""]
    data["program_kegiatan"].insert(1, orphan)
    assert found(run(tmp_path, data)) == [
        ("HIE003", "program_kegiatan.csv!A2", "program", "kegiatan")
    ]


def test_sub_kegiatan_directly_under_a_program(tmp_path: Path) -> None:
    data = example.sheets()
    stray = ["sub_kegiatan", "", "Sub Tanpa Kegiatan", "", "", "", "0", "", "0", "", "", ""]
    data["program_kegiatan"].insert(8, stray)  # right after program 2 (row 8): row 9
    assert found(run(tmp_path, data)) == [
        ("HIE003", "program_kegiatan.csv!A9", "kegiatan", "sub_kegiatan")
    ]


def test_tingkat_missing(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 5, "tingkat", "")
    result = run(tmp_path, data)
    assert (
        "HIE003",
        "program_kegiatan.csv!A5",
        "program | kegiatan | sub_kegiatan",
        None,
    ) in found(result)
    # the row no longer counts under its kegiatan, so the kegiatan sums disagree too
    assert {r[0] for r in found(result)} == {"HIE002", "HIE003"}


def test_child_code_must_extend_the_parent_code(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 4, "kode", "7.01.01.2.02.0001")
    assert found(run(tmp_path, data)) == [
        ("HIE004", "program_kegiatan.csv!B4", "7.01.01.2.01.…", "7.01.01.2.02.0001")
    ]


def test_tingkat_spelling_is_forgiven(tmp_path: Path) -> None:
    data = example.edit(example.sheets(), "program_kegiatan", 4, "tingkat", "Sub Kegiatan")
    data = example.edit(data, "program_kegiatan", 2, "tingkat", "PROGRAM")
    assert run(tmp_path, data).findings.height == 0
