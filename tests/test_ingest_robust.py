"""Real-world files that used to be misread silently, crash or hang (issue 12, ingest side)."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest
from conftest import MINIMAL, SAMPLE_CSV

from pipeline.ingest import ingest


def _identitas(*extra: list[object]) -> list[list[object]]:
    return [*MINIMAL["identitas"], *[list(row) for row in extra]]


def _angka(batch, key: str) -> float | None:
    row = batch.tables["identitas"].filter(pl.col("kolom") == key)
    return row["angka"].item()


def test_sample_counts_read_indonesian_thousands():
    batch = ingest([SAMPLE_CSV])
    assert _angka(batch, "jumlah_penduduk") == 56152
    assert _angka(batch, "luas_ha") == 6547  # '6.547 Ha': thousands, as the seed report says
    assert batch.findings.height == 0


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("jumlah_penduduk", "56.152", 56152),
        ("jumlah_penduduk", "1.056.152", 1056152),
        ("jumlah_desa", "18", 18),
        ("luas_ha", "6.547", 6547),
        ("luas_ha", "6.547,25", 6547.25),
        ("luas_ha", "12,5", 12.5),
    ],
)
def test_identitas_numbers_read_by_the_keys_kind(make_xlsx, key, typed, value):
    batch = ingest([make_xlsx("kv", identitas=_identitas([key, typed]))])
    assert _angka(batch, key) == value
    assert batch.findings.height == 0


def test_unreadable_count_is_a_finding(make_xlsx):
    batch = ingest([make_xlsx("kv", identitas=_identitas(["jumlah_penduduk", "56,152 jiwa"]))])
    found = batch.findings.filter(pl.col("rule") == "ING007").row(0, named=True)
    assert found["cell"] == "identitas!B10"
    assert found["found"] == "56,152 jiwa"


def test_area_that_reads_both_ways_is_a_warning(make_xlsx):
    batch = ingest([make_xlsx("kv", identitas=_identitas(["luas_ha", "250.500"]))])
    assert _angka(batch, "luas_ha") == 250500
    found = batch.findings.filter(pl.col("rule") == "ING012").row(0, named=True)
    assert (found["cell"], found["expected"], found["detail"]) == (
        "identitas!B10",
        "250500",
        "250,500",
    )


def test_survey_counts_are_whole_numbers(make_xlsx):
    survei = [
        ["kolom", "nilai"],
        ["jumlah_responden", "1.250"],
        ["puas", "1.100"],
        ["tidak_puas", "150"],
        ["nilai_ikm", "89,20"],
    ]
    batch = ingest([make_xlsx("ikm", ikm_survei=survei)])
    got = dict(batch.tables["ikm_survei"].select("kolom", "angka").iter_rows())
    assert got == {"jumlah_responden": 1250, "puas": 1100, "tidak_puas": 150, "nilai_ikm": 89.2}


@pytest.mark.parametrize(
    ("sheet", "label", "column"),
    [
        ("kemajuan_renstra", "Tingkat Kemajuan (%)", "tingkat_kemajuan"),
        ("realisasi_belanja", "Persen (%)", "persen"),
        ("realisasi_belanja", "Anggaran (Rp.)", "anggaran"),
        ("realisasi_belanja", "Realisasi (Rp)", "realisasi"),
        ("sdm", "Jumlah (orang)", "jumlah"),
        ("sdm", "JUMLAH ( Orang )", "jumlah"),
    ],
)
def test_header_with_a_unit_in_brackets(make_xlsx, sheet, label, column):
    rows = [list(r) for r in MINIMAL.get(sheet) or _SDM]
    rows[0] = [label if cell == column else cell for cell in rows[0]]
    assert label in rows[0]
    batch = ingest([make_xlsx("unit", **{sheet: rows})])
    assert batch.findings.filter(pl.col("rule").is_in(["ING004", "ING005", "ING006"])).height == 0
    values = batch.tables[sheet][column]
    assert values.len() >= 1
    assert values.null_count() == 0


_SDM = [
    ["kategori", "uraian", "jumlah", "persen"],
    ["jenis_kelamin", "Laki-laki", "12", "60"],
    [None, "Perempuan", "8", "40"],
]


def test_total_label_in_the_no_column_names_the_row(make_xlsx):
    rows = [
        ["no", "program", "anggaran", "keterangan"],
        [1, "Program A", "1.000.000", None],
        ["JUMLAH", None, "1.000.000", None],
    ]
    batch = ingest([make_xlsx("total_in_no", anggaran_program=rows)])
    assert batch.findings.height == 0
    total = batch.totals["anggaran_program"].row(0, named=True)
    assert (total["program"], total["no"], total["anggaran"]) == (
        "JUMLAH",
        None,
        Decimal("1000000"),
    )


@pytest.mark.parametrize(
    ("typed", "value", "rule"),
    [
        ("1.234.567", 1234567.0, None),
        ("1,234,567", 1234567.0, None),
        ("1.234.567,5", 1234567.5, None),
        ("1.234", 1.234, "ING008"),  # the format's rule: a decimal, flagged
        ("97,69", 97.69, None),
    ],
)
def test_measure_with_thousand_groups(make_xlsx, typed, value, rule):
    rows = [list(r) for r in MINIMAL["perjanjian_kinerja"]]
    rows[1][4] = typed
    batch = ingest([make_xlsx("measure", perjanjian_kinerja=rows)])
    assert batch.tables["perjanjian_kinerja"]["target"].to_list() == [value]
    assert batch.findings["rule"].to_list() == ([rule] if rule else [])
