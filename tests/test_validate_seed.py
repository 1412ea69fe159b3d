"""Proof on the real report: every inconsistency of the Medang Deras 2025 LKjIP, and nothing else.

``sample/medang-deras-2025/`` transcribes the seed report cell for cell, errors
included. Each expected finding below was checked by hand against the seed text
(``shared/seed/000_f93e8bc4c9fdaa63.txt``); the comment says what the report prints and
what it should print. The same findings are expected from the workbook
``raw/2025/medang-deras.xlsx`` (other sheet names and rows, so matched by rule, table,
column and row label).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

import polars as pl
import pytest

from pipeline.ingest import ingest
from pipeline.validate import Validation, validate

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample" / "medang-deras-2025"
WORKBOOK = REPO / "raw" / "2025" / "medang-deras.xlsx"


class Expected(NamedTuple):
    rule: str
    cell: str  # in the CSV folder
    expected: str
    found: str
    table: str
    column: str
    label: str  # start of the row label, to find the same finding in the workbook
    severity: str = "error"


PK1 = "Program Penunjang Urusan Pemerintahan Daerah"
P1 = "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH"
PERENCANAAN = "Perencanaan, Penganggaran, dan Evaluasi Kinerja"

EXPECTED = (
    # 2.1 PK: program 1 budget 4.676.892.162 where 3.17 has 4.678.892.162 (typo, root) ...
    Expected("XTB005", "anggaran_program.csv!C2", "4678892162.00", "4676892162.00",
             "anggaran_program", "anggaran", PK1),
    # ... so the PK JUMLAH 5.463.337.162 is not the sum of its programs (5.461.337.162) ...
    Expected("TOT001", "anggaran_program.csv!C7", "5461337162.00", "5463337162.00",
             "anggaran_program", "anggaran", "JUMLAH"),
    # ... and the PK programs total 2.000.000 less than rencana, realisasi and 3.17 budgets.
    Expected("XTB006", "anggaran_program.csv!C2:C6", "5463337162.00", "5461337162.00",
             "anggaran_program", "anggaran", "Anggaran Program"),
    # 3.2: IKM capaian 98,20 where 87,94 / 89,20 x 100 = 98,59 (and 3.5 copies it).
    Expected("CAP001", "capaian_iku.csv!G2", "98.59", "98.20", "capaian_iku", "capaian",
             "Indeks kepuasan"),
    Expected("CAP002", "tren_iku.csv!F6", "98.59", "98.20", "tren_iku", "capaian",
             "Indeks Kepuasan Masyarakat (IKM) 2025"),
    # 3.11: AKIP 2021 capaian 116,33 against the qualitative target 'CC' (warning).
    Expected("CAP004", "tren_iku.csv!F7", "-", "116.33", "tren_iku", "capaian",
             "Nilai Evaluasi AKIP 2021", "warning"),
    # 3.11: AKIP 2023 capaian 89,07 (copied from 2022) where 66,66 / 70 x 100 = 95,23.
    Expected("CAP002", "tren_iku.csv!F9", "95.23", "89.07", "tren_iku", "capaian",
             "Nilai Evaluasi AKIP 2023"),
    # 3.7: tingkat kemajuan 99,36 where 87,94 / 90,20 x 100 = 97,49.
    Expected("KEM001", "kemajuan_renstra.csv!E2", "97.49", "99.36", "kemajuan_renstra",
             "tingkat_kemajuan", "Indeks Kepuasan"),
    # 3.13: target akhir 'B (74,15)': 74,15 is BB (>70-80) ...
    Expected("AKP003", "kemajuan_renstra.csv!C3", "BB", "B", "kemajuan_renstra", "target_akhir",
             "Nilai Evaluasi AKIP"),
    # ... and tingkat kemajuan 104,95 where 74,10 / 74,15 x 100 = 99,93.
    Expected("KEM001", "kemajuan_renstra.csv!E3", "99.93", "104.95", "kemajuan_renstra",
             "tingkat_kemajuan", "Nilai Evaluasi AKIP"),
    # 3.17: program 1 realisasi 4.481.074.363 vs its kegiatan 4.481.417.363 (consequence) ...
    Expected("HIE001", "program_kegiatan.csv!I2", "4481417363.00", "4481074363.00",
             "program_kegiatan", "realisasi_anggaran", P1),
    # ... its outcome indicator 'Nilai AKIP' has target 70,50 where the PK agreed 74,10 (BB).
    Expected("XTB004", "program_kegiatan.csv!F2", "74.10 (BB)", "70.50", "program_kegiatan",
             "target_kinerja", P1),
    # 3.17: kegiatan Perencanaan realisasi 2.878.000 vs its sub_kegiatan 2.535.000 (root) ...
    Expected("HIE002", "program_kegiatan.csv!I3", "2535000.00", "2878000.00", "program_kegiatan",
             "realisasi_anggaran", PERENCANAAN),
    # ... above its pagu 2.535.000 ...
    Expected("SER003", "program_kegiatan.csv!I3", "2535000.00", "2878000.00", "program_kegiatan",
             "realisasi_anggaran", PERENCANAAN),
    # ... and printed 99,98 % where 2.878.000 / 2.535.000 x 100 = 113,53.
    Expected("SER001", "program_kegiatan.csv!K3", "113.53", "99.98", "program_kegiatan",
             "persen_anggaran", PERENCANAAN),
    # 3.17: realisasi 2 laporan of target 10 printed 100 %.
    Expected("CAP003", "program_kegiatan.csv!J9", "20.00", "100.00", "program_kegiatan",
             "persen_kinerja", "Koordinasi dan Penyusunan Laporan keuangan Bulanan"),
    # 3.17: 100 of 150 Orang printed 100 %.
    Expected("CAP003", "program_kegiatan.csv!J41", "66.67", "100.00", "program_kegiatan",
             "persen_kinerja", "Pembinaan Wawasan Kebangsaan"),
    # 3.17: 100 of 200 Orang printed 100 %.
    Expected("CAP003", "program_kegiatan.csv!J42", "50.00", "100.00", "program_kegiatan",
             "persen_kinerja", "Pembinaan Kerukunan"),
    # 3.17 JUMLAH realisasi 5.345.196.344,24 is the realisasi belanja, not the programs' sum ...
    Expected("TOT001", "program_kegiatan.csv!I43", "5259576563.00", "5345196344.24",
             "program_kegiatan", "realisasi_anggaran", "JUMLAH"),
    # ... the programs spend 85.619.781,24 less than the realisasi belanja (root).
    Expected("XTB007", "program_kegiatan.csv!I2:I39", "5345196344.24", "5259576563.00",
             "program_kegiatan", "realisasi_anggaran", "Program Kegiatan"),
    # 3.6: IKM 87,94 vs mean of the 9 unsur x 25 = 88,03 (respondent data explains it: warning).
    Expected("IKM002", "ikm_survei.csv!B5", "88.03", "87.94", "ikm_survei", "nilai", "nilai_ikm",
             "warning"),
    # 3.12: 2021 total 69,22 where its 5 components add up to 69,12.
    Expected("AKP001", "akip_nilai.csv!B4", "69.12", "69.22", "akip_nilai", "nilai", "2021"),
    # 3.16: efficiency 7,50 fits no formula: |100 - 97,60| = 2,40 (warning).
    Expected("EFI002", "efisiensi_sasaran.csv!E3", "2.40", "7.50", "efisiensi_sasaran",
             "tingkat_efisiensi", "Nilai Evaluasi AKIP", "warning"),
    # 3.16: penyerapan 97,60 %, but the program carrying Nilai AKIP absorbed 95,77 % (warning).
    Expected("XTB012", "efisiensi_sasaran.csv!D3", "95.77", "97.60", "efisiensi_sasaran",
             "persen_penyerapan", "Nilai Evaluasi AKIP", "warning"),
    # 1.8: Strata 1 printed 50,92 % where 27 / 53 x 100 = 50,94.
    Expected("SDM001", "sdm.csv!D6", "50.94", "50.92", "sdm", "persen", "pendidikan: Strata 1"),
)  # fmt: skip

# Root causes: consequence (rule, cell) -> root (rule, cell).
ROOTS = {
    ("TOT001", "anggaran_program.csv!C7"): ("XTB005", "anggaran_program.csv!C2"),
    ("XTB006", "anggaran_program.csv!C2:C6"): ("XTB005", "anggaran_program.csv!C2"),
    ("HIE001", "program_kegiatan.csv!I2"): ("HIE002", "program_kegiatan.csv!I3"),
    ("SER003", "program_kegiatan.csv!I3"): ("HIE002", "program_kegiatan.csv!I3"),
    ("SER001", "program_kegiatan.csv!K3"): ("HIE002", "program_kegiatan.csv!I3"),
    ("TOT001", "program_kegiatan.csv!I43"): ("XTB007", "program_kegiatan.csv!I2:I39"),
    ("CAP002", "tren_iku.csv!F6"): ("CAP001", "capaian_iku.csv!G2"),
}


@cache
def _run(path: Path) -> Validation:
    return validate(ingest([path]))


@pytest.fixture(scope="module")
def csv_result() -> Validation:
    return _run(SAMPLE)


def _key(row: dict[str, object]) -> tuple[object, ...]:
    return (row["rule"], row["cell"], row["expected"], row["found"], row["severity"])


def test_every_seed_inconsistency_is_found(csv_result: Validation) -> None:
    found = {_key(r) for r in csv_result.findings.iter_rows(named=True)}
    missing = [
        e for e in EXPECTED if (e.rule, e.cell, e.expected, e.found, e.severity) not in found
    ]
    assert missing == []


def test_nothing_else_is_found(csv_result: Validation) -> None:
    """Precision: every finding of the run is one of the expected (warnings included)."""
    wanted = {(e.rule, e.cell, e.expected, e.found, e.severity) for e in EXPECTED}
    extra = [r for r in csv_result.findings.iter_rows(named=True) if _key(r) not in wanted]
    assert extra == []
    assert csv_result.findings.height == len(EXPECTED)
    assert csv_result.error_count == 21
    assert csv_result.warning_count == 4


def test_root_causes_are_linked(csv_result: Validation) -> None:
    f = csv_result.findings
    by_cell = {(r["rule"], r["cell"]): r for r in f.iter_rows(named=True)}
    for consequence, root in ROOTS.items():
        assert by_cell[consequence]["root"] == by_cell[root]["finding_id"], consequence
        assert by_cell[root]["root"] is None
    linked = f.filter(pl.col("root").is_not_null()).height
    assert linked == len(ROOTS)


def test_root_messages_name_the_fix(csv_result: Validation) -> None:
    from schemas.catalog import render

    out = render(csv_result.findings, "id")
    row = out.filter(pl.col("rule") == "HIE002").row(0, named=True)
    assert "2.535.000,00" in row["hint"]
    assert "(HIE001) di program_kegiatan.csv!I2" in row["message"]
    follower = out.filter(pl.col("rule") == "HIE001").row(0, named=True)
    assert (
        "Akibat dari Kegiatan tidak sama dengan jumlah sub kegiatannya (HIE002) di"
        " program_kegiatan.csv!I3" in follower["message"]
    )


@pytest.mark.parametrize(
    ("table", "label", "why"),
    [
        ("tren_iku", "Indeks Kepuasan Masyarakat (IKM)|2023", "96,64 vs 96,648: rounding"),
        ("tren_iku", "Nilai Evaluasi AKIP|2024", "100,42 vs 100,43: rounding"),
        ("tren_iku", "Nilai Evaluasi AKIP|2022", "89,07 = 62,35 / 70"),
        ("program_kegiatan", "PROGRAM PEMBERDAYAAN", "99.92 printed English style"),
        ("program_kegiatan", "PROGRAM PENYELENGGARAAN URUSAN", "100 for 99,9967: whole percent"),
        ("program_kegiatan", "Penyediaan Bahan Logistik", "efficiency 0,93 truncated from 0,9363"),
        ("sdm", "Strata 2", "1.9 for 1,8868: one printed decimal"),
        ("akip_nilai", "2020", "69,12 vs components 69,13: one unit, rounding"),
        ("realisasi_belanja", "TOTAL", "97,83 for 97,8376: one unit, rounding"),
    ],
)
def test_consistent_figures_raise_nothing(
    csv_result: Validation, table: str, label: str, why: str
) -> None:
    frame = pl.concat([csv_result.tables[table], csv_result.totals[table]], how="diagonal_relaxed")
    name, _, year = label.partition("|")
    column = {"tren_iku": "indikator", "program_kegiatan": "nama", "sdm": "uraian"}.get(
        table, "jenis_belanja" if table == "realisasi_belanja" else None
    )
    if table == "akip_nilai":
        rows = frame.filter(pl.col("tahun") == int(name))
    else:
        rows = frame.filter(pl.col(column).str.starts_with(name))
        if year:
            rows = rows.filter(pl.col("tahun") == int(year))
    assert rows.height >= 1, why
    hit = csv_result.findings.filter(
        (pl.col("table") == table) & pl.col("row").is_in(rows.get_column("row").to_list())
    )
    assert hit.height == 0, (why, hit.select("rule", "cell").rows())


def test_recomputed_figures_ride_along(csv_result: Validation) -> None:
    pk = csv_result.tables["program_kegiatan"]
    kegiatan = pk.filter(pl.col("nama").str.starts_with(PERENCANAAN)).row(0, named=True)
    assert str(kegiatan["realisasi_anggaran_anak"]) == "2535000.00"
    assert kegiatan["parent_row"] == 2 and kegiatan["program_row"] == 2
    assert round(kegiatan["persen_anggaran_hitung"], 2) == 113.53
    iku = csv_result.tables["capaian_iku"].row(0, named=True)
    assert round(iku["capaian_hitung"], 2) == 98.59 and iku["rating_hitung"] == "Sangat Tinggi"
    total = csv_result.totals["program_kegiatan"].row(0, named=True)
    assert str(total["realisasi_anggaran_hitung"]) == "5259576563.00"
    sdm = csv_result.tables["sdm"].filter(pl.col("uraian") == "Strata 1").row(0, named=True)
    assert round(sdm["persen_hitung"], 2) == 50.94


@pytest.mark.skipif(not WORKBOOK.exists(), reason="raw/2025/medang-deras.xlsx not built yet")
def test_workbook_gives_the_same_findings() -> None:
    result = _run(WORKBOOK)
    rows = list(result.findings.iter_rows(named=True))
    unmatched = list(rows)
    for e in EXPECTED:
        hits = [
            r
            for r in unmatched
            if (r["rule"], r["table"], r["column"], r["expected"], r["found"], r["severity"])
            == (e.rule, e.table, e.column, e.expected, e.found, e.severity)
            and str(r["label"]).startswith(e.label)
        ]
        assert hits, e
        unmatched.remove(hits[0])
    assert unmatched == []
