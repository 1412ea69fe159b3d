"""YR: what a report prints about earlier years = what those years' own reports said.

(a) tiny two-year runs built from ``tests/example.py`` (Sei Suka 2025) and a 2024
    submission of the same kecamatan; identity, synthetic and duplicate cases in one batch;
(b) the real report (``raw/2025/medang-deras.xlsx``) with the history reconstructed from its
    own trend tables (``sample/riwayat``), loaded into a warehouse;
(c) one figure of the 2024 history changed: YR001/YR002 at the 2025 workbook's cells.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import example
import polars as pl
import pytest

from pipeline.ingest import discover, ingest
from pipeline.load import connect, load
from pipeline.validate import Validation, validate
from schemas.catalog import detail_text

REPO = Path(__file__).resolve().parents[1]
WORKBOOK = REPO / "raw" / "2025" / "medang-deras.xlsx"
RIWAYAT = REPO / "sample" / "riwayat"

Rows = list[list[str]]


def yr(result: Validation | pl.DataFrame) -> list[tuple[object, ...]]:
    findings = result if isinstance(result, pl.DataFrame) else result.findings
    f = findings.filter(pl.col("rule").str.starts_with("YR"))
    return f.sort("rule", "cell").select("rule", "cell", "expected", "found").rows()


# ------------------------------------------------------------------ (a) tiny cases


def identitas(kecamatan: str, kode: str | None, tahun: int, **extra: str) -> Rows:
    rows = [
        ["kolom", "nilai"],
        ["provinsi", "Sumatera Utara"],
        ["kabupaten", extra.pop("kabupaten", "Batu Bara")],
        ["kecamatan", kecamatan],
        ["tahun", str(tahun)],
        ["penanggung_jawab", "CAMAT"],
        ["nip", "19700101 199001 1 001"],
        ["tanggal_laporan", f"{tahun + 1}-01-31"],
    ]
    if kode is not None:
        rows.append(["kode_wilayah", kode])
    return rows + [[k, v] for k, v in extra.items()]


def own_2024(ikm: str = "79,00", akip: str = "B (65,00)", nilai: str = "65,00") -> example.Sheets:
    """What the 2024 report of Sei Suka said (the 2024 rows of example.CLEAN's trend table)."""
    return {
        "identitas": identitas("Sei Suka", "12.19.02", 2024),
        "capaian_iku": [
            ["no", "sasaran_strategis", "indikator", "satuan", "target", "realisasi", "capaian"],
            ["1", "Meningkatnya Kepuasan Masyarakat", "Indeks kepuasan masyarakat", "Nilai",
             "80,00", ikm, "98,75"],
            ["2", "Meningkatnya Akuntabilitas Kinerja", "Nilai Evaluasi AKIP", "Nilai", "CC",
             akip, ""],
        ],
        "akip_nilai": [["tahun", "nilai", "predikat"], ["2024", nilai, "B"]],
    }  # fmt: skip


def report_2025() -> example.Sheets:
    data = example.sheets()
    data["akip_nilai"].append(["2024", "65,00", "B"])
    return data


def run(root: Path, *subs: tuple[str, example.Sheets]) -> Validation:
    paths = [example.write(root / name, data) for name, data in subs]
    return validate(ingest(paths))


def test_consistent_years_yield_nothing(tmp_path: Path) -> None:
    result = run(tmp_path, ("2024/sei-suka", own_2024()), ("2025/sei-suka", report_2025()))
    assert yr(result) == []


def test_one_changed_trend_figure_is_one_finding_at_its_cell(tmp_path: Path) -> None:
    broken = example.edit(report_2025(), "tren_iku", 2, "realisasi", "79,50")
    result = run(tmp_path, ("2024/sei-suka", own_2024()), ("2025/sei-suka", broken))
    assert yr(result) == [("YR001", "tren_iku.csv!E2", "79.00", "79.50")]
    row = result.findings.filter(pl.col("rule") == "YR001").row(0, named=True)
    ids = result.submissions.select("submission_id", "tahun").rows()
    assert row["submission_id"] == next(s for s, t in ids if t == 2025)
    # the detail names the cell and the file of what 2024 said
    for lang in ("id", "en"):
        said = detail_text(row["detail"], lang)
        assert said is not None and "capaian_iku.csv!F2" in said and "2024/sei-suka" in said


# Every kecamatan of one batch is its own case: partial submissions are enough for YR.
TREN = ["indikator", "satuan", "tahun", "target", "realisasi", "capaian"]


def later(
    kecamatan: str,
    kode: str | None,
    ikm: str = "79,00",
    akip: str = "B (65,00)",
    nilai: str = "65,00",
    **extra: str,
) -> example.Sheets:
    """A 2025 report printing its 2024 figures (tren_iku rows 2-3, akip_nilai row 2)."""
    return {
        "identitas": identitas(kecamatan, kode, 2025, **extra),
        "tren_iku": [
            TREN,
            ["Indeks Kepuasan Masyarakat (IKM)", "Nilai", "2024", "80,00", ikm, ""],
            ["Nilai Evaluasi AKIP", "Nilai", "2024", "CC", akip, ""],
        ],
        "akip_nilai": [["tahun", "nilai", "predikat"], ["2024", nilai, "B"]],
    }


def earlier(kecamatan: str, kode: str | None, ikm: str = "79,00", **extra: str) -> example.Sheets:
    """The 2024 report itself."""
    akip, nilai = extra.pop("akip", "B (65,00)"), extra.pop("nilai", "65,00")
    data = own_2024(ikm=ikm, akip=akip, nilai=nilai)
    data["identitas"] = identitas(kecamatan, kode, 2024, **extra)
    return data


CASES: dict[str, list[tuple[str, example.Sheets]]] = {
    # the earlier report differs (a predikat, an AKIP score): found on the later one
    "Medang Deras": [
        ("2024/medang-deras", earlier("Medang Deras", "12.19.01", akip="BB (65,00)",
                                      nilai="66,00")),
        ("2025/medang-deras", later("Medang Deras", "12.19.01")),
    ],
    # one unit in the last printed digit is rounding
    "Lima Puluh Pesisir": [
        ("2024/lima-puluh-pesisir", earlier("Lima Puluh Pesisir", "12.19.09", ikm="79,01")),
        ("2025/lima-puluh-pesisir", later("Lima Puluh Pesisir", "12.19.09")),
    ],
    # no submission for 2024 in the run: skipped silently
    "Datuk Lima Puluh": [
        ("2025/datuk-lima-puluh", later("Datuk Lima Puluh", "12.19.10", ikm="1,00")),
    ],
    # names decide when a code is missing: case, 'Kec.'/'Kab.' prefixes ignored
    "Air Putih": [
        ("2024/air-putih", earlier("Kec. AIR PUTIH", None, kabupaten="Kab. Batu Bara")),
        ("2025/air-putih", later("Air Putih", "12.19.03", ikm="79,50")),
    ],
    # two codes that differ are two kecamatan, whatever the names say
    "Lima Puluh": [
        ("2024/lima-puluh", earlier("Lima Puluh", "12.19.11")),
        ("2025/lima-puluh", later("Lima Puluh", "12.19.04", ikm="79,50")),
    ],
    # a code written another way (here a desa code of Talawi) names the same kecamatan
    "Talawi": [
        ("2024/talawi", earlier("Talawi", "1219052001")),
        ("2025/talawi", later("Talawi", "12.19.05", ikm="79,50")),
    ],
    # a real report is not compared with a synthetic one ...
    "Tanjung Tiram": [
        ("2024/tanjung-tiram", earlier("Tanjung Tiram", "12.19.06", sintetis="ya")),
        ("2025/tanjung-tiram", later("Tanjung Tiram", "12.19.06", ikm="79,50")),
    ],
    # ... but two synthetic ones are
    "Sei Balai": [
        ("2024/sei-balai", earlier("Sei Balai", "12.19.07", sintetis="ya")),
        ("2025/sei-balai", later("Sei Balai", "12.19.07", ikm="79,50", sintetis="ya")),
    ],
    # two submissions for 2024: agreeing with one of them is enough
    "Laut Tador": [
        ("2024/laut-tador", earlier("Laut Tador", "12.19.08")),
        ("2024/laut-tador-revisi", earlier("Laut Tador", "12.19.08", ikm="79,50")),
        ("2025/laut-tador", later("Laut Tador", "12.19.08", ikm="79,50")),
    ],
    # agreeing with neither: one finding, naming the last of them in path order
    "Nibung Hangus": [
        ("2024/nibung-hangus", earlier("Nibung Hangus", "12.19.12", ikm="79,10")),
        ("2024/nibung-hangus-revisi", earlier("Nibung Hangus", "12.19.12", ikm="79,20")),
        ("2025/nibung-hangus", later("Nibung Hangus", "12.19.12", ikm="79,50")),
    ],
}  # fmt: skip
EXPECTED = {
    "Medang Deras": [
        ("YR001", "tren_iku.csv!E3", "65.00 (BB)", "65.00 (B)"),
        ("YR002", "akip_nilai.csv!B2", "66.00 (B)", "65.00 (B)"),
    ],
    "Lima Puluh Pesisir": [],
    "Datuk Lima Puluh": [],
    "Air Putih": [("YR001", "tren_iku.csv!E2", "79.00", "79.50")],
    "Lima Puluh": [],
    "Talawi": [("YR001", "tren_iku.csv!E2", "79.00", "79.50")],
    "Tanjung Tiram": [],
    "Sei Balai": [("YR001", "tren_iku.csv!E2", "79.00", "79.50")],
    "Laut Tador": [],
    "Nibung Hangus": [("YR001", "tren_iku.csv!E2", "79.20", "79.50")],
}


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Validation:
    root = tmp_path_factory.mktemp("cases")
    return run(root, *[sub for subs in CASES.values() for sub in subs])


@pytest.mark.parametrize("kecamatan", sorted(CASES))
def test_across_years_case(cases: Validation, kecamatan: str) -> None:
    later_ids = cases.submissions.filter(pl.col("tahun") == 2025).select("submission_id", "path")
    sub = later_ids.filter(pl.col("path").str.ends_with(CASES[kecamatan][-1][0]))
    assert sub.height == 1
    mine = cases.findings.join(sub, on="submission_id", how="semi")
    assert yr(mine) == EXPECTED[kecamatan]
    if kecamatan == "Nibung Hangus":
        detail = mine.filter(pl.col("rule") == "YR001").get_column("detail").item()
        assert "nibung-hangus-revisi" in (detail_text(detail, "id") or "")


# ------------------------------------------------------------------ (b) the real sample


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Validation, Path]]:
    batch = ingest([WORKBOOK, *discover(RIWAYAT)])
    result = validate(batch)
    warehouse = tmp_path_factory.mktemp("warehouse") / "lakip.duckdb"
    load(batch, result, warehouse)
    yield result, warehouse


def test_history_folders_are_what_the_readme_says(sample: tuple[Validation, Path]) -> None:
    result, _ = sample
    subs = result.submissions.filter(pl.col("path").str.contains("riwayat"))
    got = sorted(subs.select("kecamatan", "tahun", "kode_wilayah", "sintetis").rows())
    assert got == [
        *[("Medang Deras", t, "12.19.01", False) for t in range(2021, 2025)],
        *[("Sei Suka", t, "12.19.02", False) for t in range(2021, 2026)],
    ]


def test_the_report_and_its_own_trend_tables_agree(sample: tuple[Validation, Path]) -> None:
    result, _ = sample
    # 2021-2024 come from the same printed tables as the 2025 trend table
    assert yr(result) == []


def test_v_tren_iku_has_medang_deras_ikm_2021_to_2025(sample: tuple[Validation, Path]) -> None:
    _, warehouse = sample
    with connect(warehouse) as con:
        rows = con.execute(
            "SELECT tahun, sumber, tahun_laporan, target, realisasi, dipilih,"
            " berbeda_dengan_laporan_asli FROM v_tren_iku"
            " WHERE kecamatan = 'Medang Deras' AND indikator_kunci = 'indekskepuasanmasyarakat'"
            " ORDER BY tahun, sumber"
        ).fetchall()
    own = {r[0]: r[3:5] for r in rows if r[1] == "capaian_iku" and r[5]}
    assert own == {
        2021: (80.0, 79.8),
        2022: (85.0, 85.0),
        2023: (88.31, 85.35),
        2024: (88.35, 82.36),
        2025: (89.2, 87.94),
    }
    assert {r[0]: r[2] for r in rows if r[1] == "capaian_iku"} == {t: t for t in range(2021, 2026)}
    # the 2025 trend table, beside them, says the same
    trend = {r[0]: (r[3], r[4], r[5], r[6]) for r in rows if r[1] == "tren_iku"}
    assert trend == {t: (*own[t], False, False) for t in range(2021, 2025)}
    assert all(r[2] == 2025 for r in rows if r[1] == "tren_iku")


def test_v_pembanding_puts_medang_deras_beside_sei_suka(sample: tuple[Validation, Path]) -> None:
    _, warehouse = sample
    with connect(warehouse) as con:
        rows = con.execute(
            "SELECT indikator_kunci, kecamatan, realisasi, jumlah_kecamatan FROM v_pembanding"
            " WHERE kabupaten = 'Batu Bara' AND tahun = 2025 ORDER BY 1, 2"
        ).fetchall()
    assert rows == [
        ("indekskepuasanmasyarakat", "Medang Deras", 87.94, 2),
        ("indekskepuasanmasyarakat", "Sei Suka", 86.36, 2),
        ("nilaievaluasiakip", "Medang Deras", 74.1, 2),
        ("nilaievaluasiakip", "Sei Suka", 76.34, 2),
    ]


# ------------------------------------------------------------------ (c) one figure changed


def test_a_changed_history_figure_is_found_at_the_workbook_cell(tmp_path: Path) -> None:
    riwayat = tmp_path / "riwayat"
    shutil.copytree(RIWAYAT, riwayat, ignore=shutil.ignore_patterns("*.md"))
    folder = riwayat / "2024" / "medang-deras"
    iku = folder / "capaian_iku.csv"
    iku.write_text(iku.read_text(encoding="utf-8").replace(";82,36;", ";82,63;"), "utf-8")
    akip = folder / "akip_nilai.csv"
    akip.write_text(akip.read_text(encoding="utf-8").replace("70,30", "70,03"), "utf-8")
    result = validate(ingest([WORKBOOK, *discover(riwayat)]))
    assert yr(result) == [
        ("YR001", "Tren IKU!E5", "82.63", "82.36"),
        ("YR002", "AKIP_Nilai!B6", "70.03 (BB)", "70.30"),
    ]
    found = result.findings.filter(pl.col("rule").str.starts_with("YR"))
    workbook_id = result.submissions.filter(pl.col("path") == str(WORKBOOK))["submission_id"]
    assert found.get_column("submission_id").unique().to_list() == workbook_id.to_list()
