"""`lakip report`: the figures on the pages and in the workbook are the warehouse's.

Built once per module from the real Medang Deras 2025 report (``sample``) and from that
report plus generated kecamatan (``mixed``, see tests/test_report_support.py). The pages
are read back cell by cell (great-tables ``headers`` ids) and the workbook with fastexcel,
and compared with the views queried directly. Snapshots: ``tests/snapshots/``, refreshed
with ``LAKIP_UPDATE_SNAPSHOTS=1``.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb
import fastexcel
import polars as pl
import pytest
from click.testing import CliRunner
from test_report_support import (
    REPO,
    SNAPSHOTS,
    SYNTHETIC_NAMES,
    build_warehouse,
    cells,
    mixed_raw,
    normalise,
    sample_raw,
    stub_cells,
    table_html,
    text,
)

from pipeline.cli import cli
from pipeline.errors import LakipError
from pipeline.ingest import discover, ingest
from pipeline.load import load
from pipeline.report import PAGE_TABLES, WORKBOOK, report
from pipeline.reporting import fmt
from pipeline.reporting.xlsx import HEADER_ROW
from pipeline.validate import validate

BANNER_ID = "DATA SINTETIS — bukan data resmi"
BANNER_EN = "SYNTHETIC DATA — not official"
ORDER = "kode_wilayah NULLS LAST, kecamatan NULLS LAST, submission_id"


@dataclass
class Site:
    warehouse: Path
    reports: Path
    written: list[Path] = field(default_factory=list)

    def page(self, name: str, tahun: int = 2025) -> str:
        return (self.reports / str(tahun) / name).read_text(encoding="utf-8")

    def query(self, sql: str, **params: object) -> pl.DataFrame:
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            return con.sql(sql, params=params or None).pl()
        finally:
            con.close()

    def sheet(self, name: str, tahun: int = 2025) -> pl.DataFrame:
        book = fastexcel.read_excel(str(self.reports / str(tahun) / WORKBOOK))
        return book.load_sheet(name, header_row=HEADER_ROW).to_polars()

    def sheet_head(self, name: str, tahun: int = 2025) -> list[str]:
        """The three rows above the header: title, formula and source, banner."""
        book = fastexcel.read_excel(str(self.reports / str(tahun) / WORKBOOK))
        frame = book.load_sheet(name, header_row=None, n_rows=3).to_polars()
        return [str(v) if v is not None else "" for v in frame[frame.columns[0]].to_list()]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("sample")
    warehouse = build_warehouse(sample_raw(root / "raw"), root / "lakip.duckdb")
    site = Site(warehouse, root / "reports")
    site.written = report(warehouse, site.reports)
    return site


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("mixed")
    warehouse = build_warehouse(mixed_raw(root / "raw"), root / "lakip.duckdb")
    site = Site(warehouse, root / "reports")
    site.written = report(warehouse, site.reports)
    return site


# ---------------------------------------------------------------- formatting


def test_indonesian_number_formats() -> None:
    # one money style: always with its sen, so a column never mixes 10.011.500 and ,00
    assert fmt.rupiah(Decimal("5463337162.00")) == "Rp 5.463.337.162,00"
    assert fmt.rupiah(Decimal("4973508744.24")) == "Rp 4.973.508.744,24"
    assert fmt.rupiah(Decimal("-343000.00")) == "-Rp 343.000,00"
    assert fmt.score(71.26) == "71,26" and fmt.score(71.26, "en") == "71.26"
    assert fmt.count(1579) == "1.579"
    assert fmt.percent(97.83) == "97,83 %"
    assert fmt.number(1234567.891, 2, "en") == "1,234,567.89"
    assert fmt.percent(97.8345, lang="en") == "97.83%"
    assert fmt.signed(9.3263) == "+9,33"
    assert fmt.signed(-0.001) == "0,00"
    assert fmt.number(89.2, trim=True) == "89,20"
    assert fmt.percent(None) == fmt.MISSING


def test_rounding_is_half_up_like_the_validator() -> None:
    """98.585 is 98.58499.. in binary: the validator says 98,59, so must the page."""
    assert fmt.percent(98.585) == "98,59 %"
    assert fmt.number(0.125) == "0,13"
    assert fmt.number(-2.675) == "-2,68"


def test_finding_values_get_separators_but_text_stays() -> None:
    assert fmt.finding_value("5461337162.00") == "5.461.337.162,00"
    assert fmt.finding_value("74.10 (BB)") == "74,10 (BB)"  # the score too (issue 11)
    assert fmt.finding_value("2025") == "2025"  # a year never gets a thousands dot
    assert fmt.finding_value("74.10 (BB)", "en") == "74.10 (BB)"
    assert fmt.finding_number("5461337162.00") == Decimal("5461337162.00")
    assert fmt.finding_number("74.10 (BB)") is None
    assert fmt.finding_value("-") == "-"


# ---------------------------------------------------------------- the site


def test_site_per_year_with_every_page(sample: Site) -> None:
    out = sample.reports / "2025"
    expected = [out / name for name in PAGE_TABLES]
    expected += [out / "pengiriman.html"]  # the submission status (tests/test_status.py)
    expected += [out / "temuan" / "12-19-01-medang-deras.html"]
    expected += [out / "kecamatan" / "12-19-01-medang-deras.html", out / WORKBOOK]
    expected.append(sample.reports / "index.html")  # every year
    assert sample.written == expected
    assert all(p.is_file() for p in expected)


def test_years_link_to_each_other(mixed: Site) -> None:
    years = (mixed.reports / "index.html").read_text(encoding="utf-8")
    assert years.index('href="2025/index.html"') < years.index('href="2024/index.html"')
    for tahun in (2024, 2025):
        assert 'href="../index.html">Semua tahun</a>' in mixed.page("capaian.html", tahun)
    assert 'href="../../index.html">Semua tahun</a>' in mixed.page(
        "temuan/12-19-01-medang-deras.html"
    )


def test_title_and_footer_name_the_kabupaten_and_year(sample: Site) -> None:
    for name in PAGE_TABLES:
        page = sample.page(name)
        title = page[page.index("<title>") : page.index("</title>")]
        footer = page[page.index("<footer>") :]
        assert "Kabupaten Batu Bara" in title and "2025" in title
        assert "Kabupaten Batu Bara" in footer and "Tahun 2025" in footer


@pytest.mark.parametrize("site_name", ["sample", "mixed"])
def test_every_table_has_its_stable_id(site_name: str, request: pytest.FixtureRequest) -> None:
    site: Site = request.getfixturevalue(site_name)
    for name, ids in PAGE_TABLES.items():
        page = site.page(name)
        for table_id in ids:
            assert page.count(f'<div id="{table_id}"') == 1, (name, table_id)


def test_every_table_names_formula_and_source(sample: Site) -> None:
    for name, ids in PAGE_TABLES.items():
        page = sample.page(name)
        for table_id in ids:
            start = page.index(f'<div id="{table_id}"')
            notes = page[start : page.index("</section>", start)]
            assert "<strong>Rumus:</strong>" in notes, table_id
            assert "<strong>Sumber:</strong>" in notes, table_id
            assert "LKjIP" in notes or "lakip" in notes, table_id


MACHINERY = re.compile(r"\bv_[a-z_]+|\bstg_[a-z_]+|docs/[\w-]+\.md|lakip rules|Σ|/work/|/tmp/")
"""What readers must never see: view names, file names, commands, formula symbols of code."""


def test_plain_language_for_readers(sample: Site) -> None:
    # the findings pages quote the validator's own messages; every other page is plain
    for name in PAGE_TABLES:
        page = sample.page(name)
        assert MACHINERY.findall(page) == [], name
    glossary = sample.page("glosarium.html")
    for term in ("Capaian kinerja", "Serapan anggaran", "Efisiensi", "IKM", "Nilai AKIP"):
        assert f"<dt>{term}" in glossary, term
    assert glossary.count('<dd class="dasar">') == 7
    # a rule code only next to its plain title
    kualitas = sample.page("kualitas.html")
    for judul in cells(kualitas, "kualitas-aturan", "judul"):
        assert re.fullmatch(r".{8,} \([A-Z]{3}\d{3}\)", judul), judul


def test_no_script_no_external_resource(sample: Site) -> None:
    for path in sample.written:
        if path.suffix == ".html":
            page = path.read_text(encoding="utf-8")
            assert "<script" not in page
            assert 'src="http' not in page and 'href="http' not in page and "url(http" not in page


# ---------------------------------------------------------------- figures = views


def test_capaian_page_equals_v_capaian_iku(sample: Site) -> None:
    view = sample.query(
        f"SELECT * FROM v_capaian_iku WHERE tahun = 2025 ORDER BY {ORDER}, no NULLS LAST, row"
    )
    page = sample.page("capaian.html")
    tid = "capaian-kinerja"
    assert cells(page, tid, "capaian_hitung") == [fmt.percent(v) for v in view["capaian_hitung"]]
    assert cells(page, tid, "capaian_tercetak") == [
        fmt.percent(v) for v in view["capaian_tercetak"]
    ]
    assert cells(page, tid, "rating") == view["rating"].to_list()
    # the real report's error: IKM printed 98,20 where 87,94 / 89,2 = 98,59
    row = cells(page, tid, "capaian_hitung").index("98,59 %")
    assert cells(page, tid, "capaian_tercetak")[row] == "98,20 %"
    assert cells(page, tid, "status")[row] == "≠ berbeda"
    assert cells(page, tid, "target")[1] == "74,10 (BB)"


def test_efisiensi_is_one_formula_beside_what_was_printed(sample: Site) -> None:
    view = sample.query(f"SELECT * FROM v_efisiensi WHERE tahun = 2025 ORDER BY {ORDER}, row")
    page = sample.page("efisiensi.html")
    tid = "efisiensi-program"
    for c, s, e in zip(
        view["capaian_hitung"], view["serapan_hitung"], view["efisiensi"], strict=True
    ):
        assert e == pytest.approx(c - s)
    assert cells(page, tid, "efisiensi") == [fmt.signed(v) for v in view["efisiensi"]]
    assert cells(page, tid, "kategori") == view["kategori"].to_list()
    assert cells(page, tid, "efisiensi_tercetak") == [
        fmt.number(v) for v in view["efisiensi_tercetak"]
    ]
    for table_id in PAGE_TABLES["efisiensi.html"]:
        notes = page[page.index(f'<div id="{table_id}"') :]
        notes = notes[: notes.index("</section>")]
        assert "capaian kinerja (%) − serapan anggaran (%)" in notes
    ringkasan = sample.query("SELECT * FROM v_ringkasan_kecamatan WHERE tahun = 2025")
    kec = cells(page, "efisiensi-kecamatan", "efisiensi")
    assert kec == [fmt.signed(ringkasan["rata_capaian"][0] - ringkasan["serapan"][0])]
    # the sasaran table: recomputed IKU capaian - printed penyerapan, printed value beside
    sasaran = cells(page, "efisiensi-sasaran", "efisiensi")
    assert sasaran == ["-1,41", "+2,40"]
    assert cells(page, "efisiensi-sasaran", "efisiensi_tercetak") == ["1,80", "7,50"]


def test_anggaran_totals_are_exact_sums_of_the_view(sample: Site) -> None:
    page = sample.page("anggaran.html")
    sums = sample.query(
        """
        SELECT sumber, sum(pagu) AS pagu, sum(realisasi) AS realisasi
        FROM v_realisasi_anggaran
        WHERE tahun = 2025 AND (sumber = 'realisasi_belanja' OR tingkat = 'program')
        GROUP BY sumber
        """
    )
    by = {r["sumber"]: r for r in sums.iter_rows(named=True)}
    jenis = by["realisasi_belanja"]
    assert isinstance(jenis["pagu"], Decimal)
    assert jenis["pagu"] == Decimal("5463337162.00")
    pagu = cells(page, "anggaran-jenis-belanja", "pagu")
    assert pagu[-1] == "Rp 5.463.337.162,00" == fmt.rupiah(jenis["pagu"])
    realisasi = cells(page, "anggaran-jenis-belanja", "realisasi")
    assert realisasi[-1] == fmt.rupiah(jenis["realisasi"]) == "Rp 5.345.196.344,24"
    program = cells(page, "anggaran-program", "realisasi")
    assert program[-1] == fmt.rupiah(by["program_kegiatan"]["realisasi"]) == "Rp 5.259.576.563,00"
    # the kabupaten table closes both groups with the same exact sums
    kab = cells(page, "anggaran-kabupaten", "realisasi")
    assert fmt.rupiah(jenis["realisasi"]) in kab
    assert fmt.rupiah(by["program_kegiatan"]["realisasi"]) in kab
    # serapan as a bar, and the number beside it
    raw = table_html(page, "anggaran-program")
    assert raw.count('<div class="bar" role="img" aria-label="Serapan (grafik): ') == 6
    assert cells(page, "anggaran-program", "serapan")[-1] == "96,27 %"


def test_index_summarises_v_ringkasan_kecamatan(mixed: Site) -> None:
    view = mixed.query(
        f"SELECT *, mutu_ikm(ikm) AS mutu FROM v_ringkasan_kecamatan WHERE tahun = 2025 "
        f"ORDER BY {ORDER}"
    )
    page = mixed.page("index.html")
    tid = "ringkasan-kecamatan"
    assert [s.replace(" SINTETIS", "") for s in stub_cells(page, tid)] == [
        *view["kecamatan"].to_list(),
        "Jumlah data resmi",
        "Jumlah data sintetis",
    ]
    n = view.height
    assert cells(page, tid, "serapan")[:n] == [fmt.percent(v) for v in view["serapan"]]
    assert cells(page, tid, "pagu_total")[:n] == [fmt.rupiah(v) for v in view["pagu_total"]]
    assert cells(page, tid, "ikm_mutu")[:n] == [
        f"{fmt.number(v)} ({m})" if m else fmt.number(v)
        for v, m in zip(view["ikm"], view["mutu"], strict=True)
    ]
    # a total row per kind of data, real first: exact sums, serapan of the sums; made-up
    # figures are never added to real ones
    total = mixed.query(
        "SELECT coalesce(sintetis, false) AS s, sum(pagu_total) AS p, sum(realisasi_total) AS r "
        "FROM v_ringkasan_kecamatan WHERE tahun = 2025 GROUP BY 1 ORDER BY 1"
    )
    assert total["s"].to_list() == [False, True]
    assert cells(page, tid, "pagu_total")[n:] == [fmt.rupiah(v) for v in total["p"]]
    assert cells(page, tid, "serapan")[n:] == [
        fmt.percent(r / p * 100) for p, r in zip(total["p"], total["r"], strict=True)
    ]
    # the headline: a row per kind of data (real first), never one sum of both, and the
    # kecamatan in against the national list
    head = "ringkasan-kabupaten"
    kinds = mixed.query(
        "SELECT coalesce(sintetis, false) AS s, sum(pagu_total) AS p, count(*) AS n "
        "FROM v_ringkasan_kecamatan WHERE tahun = 2025 GROUP BY 1 ORDER BY 1"
    )
    assert kinds["s"].to_list() == [False, True]
    assert cells(page, head, "pagu") == [fmt.rupiah(v) for v in kinds["p"]]
    assert cells(page, head, "masuk") == [str(v) for v in kinds["n"]]
    assert [s.endswith("SINTETIS") for s in cells(page, head, "_kab")] == [False, True]
    wilayah = (REPO / "schemas" / "data" / "wilayah_kecamatan.csv").read_text(encoding="utf-8")
    expected = wilayah.count(",Kabupaten Batu Bara,")
    assert expected > n
    assert cells(page, head, "diharapkan") == [str(expected)] * 2
    assert cells(page, head, "belum_masuk") == [str(expected - v) for v in kinds["n"]]
    # the big figures are the real kecamatan's alone
    cards = page[page.index('<div class="kpis">') : page.index('<div class="charts">')]
    assert fmt.rupiah(kinds["p"][0]) in cards and fmt.rupiah(sum(kinds["p"])) not in cards
    assert f"{kinds['n'][1]} kecamatan sintetis tidak dijumlahkan" in cards


def test_tren_uses_each_years_own_report(mixed: Site) -> None:
    page = mixed.page("tren.html")
    ikm = mixed.query(
        f"SELECT kecamatan, ikm_tercetak FROM v_ikm WHERE tahun = 2024 ORDER BY {ORDER}"
    )
    shown = dict(
        zip(
            [s.replace(" SINTETIS", "") for s in stub_cells(page, "tren-ikm")],
            cells(page, "tren-ikm", "th_2024"),
            strict=True,
        )
    )
    for kecamatan, value in ikm.iter_rows():
        assert shown[kecamatan] == fmt.number(value)
    # Medang Deras has no 2024 submission: its 2024 IKM comes from its 2025 trend table
    assert shown["Medang Deras"] == "82,36"
    assert table_html(page, "tren-ikm").count("<svg") == len(shown)


def test_only_reports_without_errors_are_ranked(mixed: Site) -> None:
    page = mixed.page("tren.html")
    clean = mixed.query(
        "SELECT count(*) AS n FROM v_ringkasan_kecamatan "
        "WHERE tahun = 2025 AND coalesce(error_count, 0) = 0"
    )["n"][0]
    ranks = cells(page, "peringkat-kecamatan", "peringkat_akip")
    notes = cells(page, "peringkat-kecamatan", "keterangan")
    assert 0 < clean < len(ranks)
    assert ranks[:clean] == [str(i) for i in range(1, clean + 1)]
    assert ranks[clean:] == [fmt.MISSING] * (len(ranks) - clean)
    assert notes[:clean] == [""] * clean
    assert all(n.startswith("tidak diperingkat: laporan memuat") for n in notes[clean:])
    # per indicator: ranked by the result itself, so a low target cannot lift a rank
    rows = list(
        zip(
            cells(page, "pembanding-iku", "peringkat"),
            cells(page, "pembanding-iku", "realisasi"),
            strict=True,
        )
    )
    ranked = [(int(r), v) for r, v in rows if r != fmt.MISSING]
    assert ranked and min(r for r, _ in ranked) == 1


def test_low_absorption_is_flagged_whatever_the_category(mixed: Site) -> None:
    page = mixed.page("index.html")
    serapan = cells(page, "ringkasan-kecamatan", "serapan")
    flags = cells(page, "ringkasan-kecamatan", "catatan_serapan")
    for value, flag in zip(serapan, flags, strict=True):
        low = value != fmt.MISSING and float(value.rstrip(" %").replace(",", ".")) < 85
        assert flag == ("serapan rendah" if low else ""), (value, flag)


def test_kualitas_counts_and_links_to_findings(sample: Site) -> None:
    page = sample.page("kualitas.html")
    view = sample.query(
        "SELECT DISTINCT galat_pengiriman, peringatan_pengiriman, status FROM v_kualitas_data"
    )
    assert cells(page, "kualitas-data", "galat") == [str(view["galat_pengiriman"][0])]
    assert cells(page, "kualitas-data", "status") == [view["status"][0]]
    assert 'href="temuan/12-19-01-medang-deras.html"' in page
    findings = sample.query("SELECT count(*) AS n FROM findings")["n"][0]
    temuan = sample.page("temuan/12-19-01-medang-deras.html")
    rule_cells = cells(temuan, "temuan-12-19-01-medang-deras", "aturan")
    assert len(rule_cells) == findings
    assert all(re.fullmatch(r".{8,} \([A-Z]{3}\d{3}\)", c) for c in rule_cells), rule_cells
    if findings:
        assert 'href="../kualitas.html"' in temuan


# ---------------------------------------------------------------- the workbook


def test_workbook_has_one_sheet_per_table(sample: Site) -> None:
    book = fastexcel.read_excel(str(sample.reports / "2025" / WORKBOOK))
    n_tables = sum(len(ids) for ids in PAGE_TABLES.values()) + 2  # + findings, pengiriman
    assert len(book.sheet_names) == n_tables
    for name in book.sheet_names:
        header = book.load_sheet(name, header_row=None, skip_rows=HEADER_ROW, n_rows=1)
        labels = [str(v) for v in header.to_polars().row(0) if v is not None]
        assert len(labels) == len(set(labels)), (name, labels)
        title, note, banner = sample.sheet_head(name)
        assert "Kabupaten Batu Bara" in title and "2025" in title
        assert note.startswith("Rumus:") and "Sumber:" in note
        assert banner == ""


def test_workbook_numbers_equal_the_views(sample: Site) -> None:
    view = sample.query(
        f"SELECT * FROM v_capaian_iku WHERE tahun = 2025 ORDER BY {ORDER}, no NULLS LAST, row"
    )
    sheet = sample.sheet("Capaian kinerja")
    # stored rounded as printed (half-up, 2 decimals), so a cell is the figure the page shows
    assert sheet["Dihitung ulang (lakip): Capaian"].to_list() == [
        float(fmt.rounded(v, 2)) if v is not None else None for v in view["capaian_hitung"]
    ]
    assert sheet["Dicetak kecamatan: Capaian"].to_list() == view["capaian_tercetak"].to_list()
    assert sheet["Target"].dtype == pl.Float64 and sheet["Realisasi"].dtype == pl.Float64
    ringkasan = sample.query("SELECT * FROM v_ringkasan_kecamatan WHERE tahun = 2025")
    sheet = sample.sheet("Ringkasan")
    assert sheet["Serapan"].to_list()[: ringkasan.height] == [
        float(fmt.rounded(v, 2)) for v in ringkasan["serapan"]
    ]
    # a finding's expected and found figures are numbers, its texts stay text
    findings = sample.sheet("Temuan")
    column = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[findings.columns.index("Seharusnya")]
    book = fastexcel.read_excel(str(sample.reports / "2025" / WORKBOOK))
    with zipfile.ZipFile(sample.reports / "2025" / WORKBOOK) as z:
        xml = z.read(f"xl/worksheets/sheet{len(book.sheet_names)}.xml").decode()
    cells_xml = re.findall(rf'<c r="{column}(\d+)"([^>]*)>', xml)
    text = [' t="s"' in attrs for row, attrs in cells_xml if int(row) > HEADER_ROW + 1]
    assert text.count(False) >= 10 and text.count(True) >= 1  # numbers, and "BB" as text
    assert sheet["Pagu"].to_list()[: ringkasan.height] == [
        float(v) for v in ringkasan["pagu_total"]
    ]
    program = sample.query(
        "SELECT sum(pagu) AS pagu, sum(realisasi) AS realisasi FROM v_realisasi_anggaran "
        "WHERE tahun = 2025 AND tingkat = 'program'"
    )
    sheet = sample.sheet("Anggaran program")
    total = sheet.filter(pl.col("Program") == "Jumlah")
    assert total["Pagu"].to_list() == [float(program["pagu"][0])]
    assert total["Realisasi"].to_list() == [float(program["realisasi"][0])]


def test_workbook_formats_and_frozen_panes(sample: Site) -> None:
    with zipfile.ZipFile(sample.reports / "2025" / WORKBOOK) as z:
        styles = z.read("xl/styles.xml").decode()
        sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
    assert 'formatCode="#,##0"' in styles
    assert 'formatCode="#,##0.00&quot; %&quot;"' in styles
    assert f'ySplit="{HEADER_ROW + 1}"' in sheet1 and 'state="frozen"' in sheet1
    # printable as it is: A4 landscape, one page wide, header row on every page
    assert 'paperSize="9"' in sheet1 and 'orientation="landscape"' in sheet1
    assert 'fitToPage="1"' in sheet1 and 'fitToHeight="0"' in sheet1


# ---------------------------------------------------------------- synthetic data


def _html_pages(site: Site, tahun: int) -> dict[str, str]:
    out = site.reports / str(tahun)
    return {
        str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.html"))
    }


def test_real_data_carries_no_synthetic_mark(sample: Site) -> None:
    for name, page in _html_pages(sample, 2025).items():
        assert BANNER_ID not in page, name
        assert "badge-sintetis" not in page.replace(".badge-sintetis {", ""), name


def test_banner_exactly_on_pages_showing_synthetic_rows(mixed: Site) -> None:
    pages = _html_pages(mixed, 2025)
    # + pengiriman.html, 6 findings pages and 6 profiles
    assert len(pages) == len(PAGE_TABLES) + 1 + 6 + 6
    for name, page in pages.items():
        real_only = name in (
            "temuan/12-19-01-medang-deras.html",
            "kecamatan/12-19-01-medang-deras.html",
            "glosarium.html",
        )
        assert page.count(BANNER_ID) == (0 if real_only else 1), name
    for name, page in _html_pages(mixed, 2024).items():  # made-up only
        assert page.count(BANNER_ID) == (name != "glosarium.html"), name


def test_synthetic_rows_are_marked(mixed: Site) -> None:
    page = mixed.page("capaian.html")
    for name in SYNTHETIC_NAMES:
        assert f'{name}</a> <span class="badge-sintetis">SINTETIS</span></th>' in page
    assert "Medang Deras <span" not in page
    sheet = mixed.sheet("Ringkasan")
    flags = dict(zip(sheet["Kecamatan"], sheet["Data sintetis"], strict=True))
    assert flags == {"Medang Deras": False, "Jumlah data resmi": False} | {
        n: True for n in [*SYNTHETIC_NAMES, "Jumlah data sintetis"]
    }
    assert mixed.sheet_head("Ringkasan")[2] == BANNER_ID


# ---------------------------------------------------------------- language, years, errors


def test_english(sample: Site, tmp_path: Path) -> None:
    report(sample.warehouse, tmp_path, lang="en")
    index = (tmp_path / "2025" / "index.html").read_text(encoding="utf-8")
    capaian = (tmp_path / "2025" / "capaian.html").read_text(encoding="utf-8")
    anggaran = (tmp_path / "2025" / "anggaran.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and "Summary per kecamatan" in index
    assert "Recomputed (lakip)" in capaian and "Very high" in capaian
    assert "98.59%" in cells(capaian, "capaian-kinerja", "capaian_hitung")
    assert cells(anggaran, "anggaran-jenis-belanja", "pagu")[-1] == "Rp 5,463,337,162.00"
    for page in (index, capaian, anggaran):
        assert "Dihitung ulang" not in page and "Sumber" not in page
    book = fastexcel.read_excel(str(tmp_path / "2025" / WORKBOOK))
    assert book.sheet_names == [
        "Kabupaten summary",
        "Summary",
        "Performance achievement",
        "Efficiency per kecamatan",
        "Efficiency per programme",
        "Efficiency per objective",
        "Budget, kabupaten",
        "Budget by expenditure type",
        "Budget by programme",
        "Trend IKM",
        "Trend AKIP",
        "Rank",
        "IKU comparison",
        "Data quality",
        "Findings by rule",
        "Findings",
        "Submissions",
    ]


def test_english_banner(mixed: Site, tmp_path: Path) -> None:
    report(mixed.warehouse, tmp_path, lang="en", tahun=2024)
    page = (tmp_path / "2024" / "index.html").read_text(encoding="utf-8")
    assert page.count(BANNER_EN) == 1 and ">SYNTHETIC<" in page


def test_one_year_only_and_unknown_year(mixed: Site, tmp_path: Path) -> None:
    written = report(mixed.warehouse, tmp_path, tahun=2024)
    assert written[-1] == tmp_path / "index.html"  # the years page lists every year
    assert all(p.is_relative_to(tmp_path / "2024") for p in written[:-1])
    assert not (tmp_path / "2025").exists()
    with pytest.raises(LakipError, match="2030"):
        report(mixed.warehouse, tmp_path, tahun=2030)


def test_errors_are_lakip_errors(tmp_path: Path) -> None:
    with pytest.raises(LakipError, match="belum ada"):
        report(tmp_path / "none.duckdb", tmp_path / "reports")
    with pytest.raises(LakipError, match="fr"):
        report(tmp_path / "none.duckdb", tmp_path / "reports", lang="fr")


def test_outdated_warehouse_is_a_lakip_error(sample: Site, tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    old.write_bytes(sample.warehouse.read_bytes())
    con = duckdb.connect(str(old))
    con.execute("CREATE OR REPLACE VIEW v_efisiensi AS SELECT 1 AS x")
    con.close()
    with pytest.raises(LakipError, match="lakip load"):
        report(old, tmp_path / "reports")


def test_same_warehouse_same_bytes(sample: Site, tmp_path: Path) -> None:
    first = report(sample.warehouse, tmp_path / "a")
    second = report(sample.warehouse, tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_stale_findings_pages_are_removed(sample: Site, tmp_path: Path) -> None:
    stale = tmp_path / "2025" / "temuan" / "12-19-99-hilang.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    report(sample.warehouse, tmp_path)
    assert not stale.exists()


def test_cli_report(sample: Site, tmp_path: Path) -> None:
    args = ["report", "--warehouse", str(sample.warehouse), "--reports", str(tmp_path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == str(tmp_path / "2025" / "index.html")
    result = CliRunner().invoke(cli, ["--lang", "en", *args])
    assert result.exit_code == 0
    assert 'lang="en"' in (tmp_path / "2025" / "index.html").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, [*args, "--tahun", "1999"])
    assert result.exit_code == 1 and "1999" in result.output


# ---------------------------------------------------------------- snapshots

SNAPSHOT_PAGES = ("index.html", "capaian.html", "efisiensi.html", "anggaran.html", "tren.html")


@pytest.mark.parametrize("name", SNAPSHOT_PAGES)
def test_snapshot(sample: Site, name: str) -> None:
    """Whole pages of the real sample; LAKIP_UPDATE_SNAPSHOTS=1 rewrites them."""
    _check_snapshot(f"report-sample-{name}", normalise(sample.page(name)))


def test_snapshot_english(sample: Site, tmp_path: Path) -> None:
    report(sample.warehouse, tmp_path, lang="en")
    page = (tmp_path / "2025" / "capaian.html").read_text(encoding="utf-8")
    _check_snapshot("report-sample-en-capaian.html", normalise(page))


def _check_snapshot(file: str, actual: str) -> None:
    path = SNAPSHOTS / file
    if os.environ.get("LAKIP_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path}: run with LAKIP_UPDATE_SNAPSHOTS=1 and review it")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{file} changed: review, then LAKIP_UPDATE_SNAPSHOTS=1"


def test_submissions_without_a_year_say_so(tmp_path: Path) -> None:
    folder = tmp_path / "tanpa-tahun"
    shutil.copytree(Path(__file__).parent.parent / "sample" / "medang-deras-2025", folder)
    identitas = folder / "identitas.csv"
    lines = identitas.read_text(encoding="utf-8").splitlines()
    identitas.write_text(
        "\n".join(line for line in lines if not line.startswith("tahun;")) + "\n", encoding="utf-8"
    )
    batch = ingest(discover(folder))
    warehouse = tmp_path / "w.duckdb"
    load(batch, validate(batch), warehouse)
    with pytest.raises(LakipError, match="1 pengiriman, tetapi tidak satu pun"):
        report(warehouse, tmp_path / "reports")


def test_charts_are_static_svg_ranked_with_the_100_line(mixed: Site) -> None:
    index = mixed.page("index.html")
    svgs = re.findall(r'<svg class="chart".*?</svg>', index, re.S)
    assert len(svgs) == 2  # serapan, capaian
    for svg in svgs:
        values = [
            float(v.replace(".", "").replace(",", "."))
            for v in re.findall(r'class="v">([\d.,]+) %</text>', svg)
        ]
        assert len(values) == 6 and values == sorted(values, reverse=True)
        assert "<line x1=" in svg and ">100 %</text>" in svg
        assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org", "")
    anggaran = mixed.page("anggaran.html")
    assert anggaran.count('<svg class="chart"') == 2  # jenis belanja, program
    assert re.search(r'class="v">Rp \d+,\d{2} (M|jt)</text>', anggaran)


def test_one_profile_per_kecamatan_linked_from_the_tables(mixed: Site) -> None:
    profiles = sorted((mixed.reports / "2025" / "kecamatan").glob("*.html"))
    assert len(profiles) == 6
    sei_suka = mixed.page("kecamatan/12-19-02-sei-suka.html")
    for tid in ("capaian-kinerja", "anggaran-jenis-belanja", "tren-ikm", "temuan"):
        assert f'id="{tid}-12-19-02-sei-suka"' in sei_suka, tid
    assert "Talawi" not in sei_suka  # only its own rows
    for name in ("index.html", "capaian.html", "anggaran.html"):
        assert 'href="kecamatan/12-19-02-sei-suka.html"' in mixed.page(name), name


def test_line_chart_axes_gaps_and_number_format() -> None:
    from pipeline.reporting import charts

    def text(v: float, decimals: int) -> str:
        return fmt.number(v, decimals)

    svg = charts.lines(
        [("A", [70.5, None, 72.25, 74.1]), ("B", [70.5, None, 72.25, 74.1]), ("C", [1000.0] * 4)],
        [2022, 2023, 2024, 2025],
        "Judul",
        text,
    )
    assert svg.count("<polyline") == 2  # A in two runs around the gap; B = A is not drawn twice
    assert [int(y) for y in re.findall(r'class="x">(\d+)</text>', svg)] == [2022, 2023, 2024, 2025]
    ticks = re.findall(r'class="l">([^<]+)</text>', svg)
    assert ticks[0] == "0" and "1.000" in ticks  # round steps, Indonesian thousands
    assert ">74,10</text>" in svg and ">1.000,00</text>" in svg
    assert charts.lines([("A", [None, None])], [2024, 2025], "x", text) == ""
    fine = charts.lines([("A", [1.2, 1.7])], [2024, 2025], "x", text)
    assert re.findall(r'class="l">([^<]+)</text>', fine)[:2] == ["1,2", "1,4"]


def test_multi_year_lines_on_tren_and_profiles(mixed: Site) -> None:
    tren_page = mixed.page("tren.html")
    svgs = re.findall(r'<svg class="chart garis".*?</svg>', tren_page, re.S)
    assert [re.search(r"<title>([^<]+)</title>", s)[1] for s in svgs] == [  # type: ignore[index]
        "Nilai IKM per tahun",
        "Nilai AKIP per tahun",
        "Serapan anggaran per tahun",
    ]
    for svg in svgs:
        years = re.findall(r'class="x">(\d{4})</text>', svg)
        assert years == [str(y) for y in range(2020, 2026)]
        for tick in re.findall(r'class="l">([^<]+)</text>', svg):
            assert re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?( %)?", tick), tick
        assert "Rata-rata kecamatan" in svg and "<script" not in svg
    assert ">100 %</text>" in svgs[2]
    # the mean line ends at the mean of the IKM column of the report year
    ikm = [
        float(v.replace(",", "."))
        for v in cells(tren_page, "tren-ikm", "th_2025")
        if v not in ("", fmt.MISSING)
    ]
    mean = fmt.number(sum(ikm) / len(ikm))
    assert f'class="v">{mean}</text>' in svgs[0]
    profile = mixed.page("kecamatan/12-19-02-sei-suka.html")
    own = re.findall(r'<svg class="chart garis".*?</svg>', profile, re.S)
    assert len(own) == 3 and all("Sei Suka" in s for s in own)


BADGE = re.compile(r' <span class="badge-[^<]*</span>')


def test_every_table_listing_kecamatan_links_each_to_its_profile(mixed: Site) -> None:
    from pipeline.reporting.pengiriman import FILE, TABLE_ID

    profiles = {p.stem: p for p in (mixed.reports / "2025" / "kecamatan").glob("*.html")}
    names = mixed.query(
        "SELECT DISTINCT kecamatan, kode_wilayah FROM stg_pengiriman WHERE tahun_laporan = 2025"
    )
    pages = {**PAGE_TABLES, FILE: (TABLE_ID,)}
    checked = 0
    for page_name, ids in pages.items():
        page = mixed.page(page_name)
        for tid in ids:
            if f'<div id="{tid}" class="kosong"' in page:
                continue
            fragment = table_html(page, tid)
            rows = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", fragment, re.S)
            for name, kode in names.iter_rows():
                slug = next(s for s in profiles if s.startswith(kode.replace(".", "-")))
                label_cells = [c for c in rows if text(BADGE.sub("", c)) == name]
                for cell in label_cells:  # a cell that is the kecamatan's name is its link
                    assert f'<a href="kecamatan/{slug}.html">' in cell, (page_name, tid, name)
                    checked += 1
    assert checked >= 6 * 8  # six kecamatan in at least eight tables


def test_rerun_renders_only_pages_whose_inputs_changed(
    mixed: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from pipeline import report as report_module

    rendered: list[str] = []
    real = report_module.render_page

    def counting(page, ctx):  # type: ignore[no-untyped-def]
        rendered.append(page.file)
        return real(page, ctx)

    monkeypatch.setattr(report_module, "render_page", counting)
    first = {p: p.read_bytes() for p in report(mixed.warehouse, tmp_path) if p.suffix == ".html"}
    pages = len(rendered)
    assert pages >= 6 * 2 + 7  # nav pages, findings and profiles of six kecamatan
    rendered.clear()
    again = report(mixed.warehouse, tmp_path)
    assert rendered == []  # nothing changed: every page copied from the previous site
    assert {p: p.read_bytes() for p in again if p.suffix == ".html"} == first
    hashes_file = tmp_path / "2025" / report_module.HASHES
    hashes = json.loads(hashes_file.read_text(encoding="utf-8"))
    hashes["tren.html"] = "an older input"
    hashes_file.write_text(json.dumps(hashes), encoding="utf-8")
    report(mixed.warehouse, tmp_path)
    assert rendered == ["tren.html"]
    rendered.clear()
    report(mixed.warehouse, tmp_path, lang="en")  # other words: every page again
    assert len(rendered) == pages


def test_page_hash_follows_the_frames(mixed: Site) -> None:
    from pipeline.report import page_hash
    from pipeline.reporting.model import Context, Page, ReportTable

    ctx = Context(2025, "id", "Kabupaten X", False, "0")
    frame = pl.DataFrame({"a": [Decimal("1.00"), Decimal("2.00")]})
    table = ReportTable("t", "T", "", frame, [], "", "", "T")
    page = Page("x.html", "index", "X", "", [table])
    same = Page(
        "x.html", "index", "X", "", [ReportTable("t", "T", "", frame.clone(), [], "", "", "T")]
    )
    assert page_hash(page, ctx) == page_hash(same, ctx)
    changed = frame.with_columns(pl.col("a") + Decimal("0.01"))
    other = Page("x.html", "index", "X", "", [ReportTable("t", "T", "", changed, [], "", "", "T")])
    assert page_hash(page, ctx) != page_hash(other, ctx)


@pytest.mark.parametrize("n", [40, 500])  # hashed from Python values / by polars' row hashes
def test_page_hash_sees_every_cell_not_the_layout(n: int) -> None:
    """One changed cell changes the hash; the same values laid out in other chunks (or
    floats apart in the last bits, as DuckDB's parallel sums give) do not."""
    from pipeline.report import SMALL_FRAME, page_hash
    from pipeline.reporting.model import Context, Page, ReportTable

    ctx = Context(2025, "id", "Kabupaten X", False, "0")
    frame = pl.DataFrame(
        {
            "kec": [f"Kecamatan nomor {i:04d} yang panjang" for i in range(n)],
            "pagu": [Decimal(i) / 100 for i in range(n)],
            "persen": [i / 7 for i in range(n)],
            "tren": [[float(i), None] for i in range(n)],
            "_sintetis": [i % 3 == 0 for i in range(n)],
            "kosong": [None] * n,
        },
        schema_overrides={"pagu": pl.Decimal(18, 2)},
    )

    def digest(f: pl.DataFrame) -> str:
        table = ReportTable("t", "T", "", f, [], "", "", "T")
        return page_hash(Page("x.html", "index", "X", "", [table]), ctx)

    assert (frame.height * frame.width <= SMALL_FRAME) == (n == 40)
    first = digest(frame)
    chunked = pl.concat([frame[:10], frame[10:33], frame[33:]], rechunk=False)
    assert chunked.n_chunks() == 3
    assert digest(chunked) == first
    assert digest(chunked.rechunk()) == first
    assert digest(frame.with_columns(pl.col("persen") * (1 + 1e-15))) == first
    for column, value in [
        ("kec", "Kecamatan lain"),
        ("pagu", Decimal("0.01")),
        ("persen", 1.5),
        ("tren", [1.0, 2.0]),
        ("_sintetis", True),
        ("kosong", None),
    ]:
        changed = frame.with_columns(
            pl.when(pl.int_range(pl.len()) == n // 2)
            .then(pl.lit(value, dtype=frame.schema[column]))
            .otherwise(pl.col(column))
            .alias(column)
        )
        if changed.equals(frame):  # the null column cannot change its value
            continue
        assert digest(changed) != first, column
    assert digest(frame.slice(0, n - 1)) != first  # a row fewer
    assert digest(frame.rename({"kosong": "lain"})) != first  # a column's name
    assert digest(frame.with_columns(pl.col("kosong").cast(pl.Int64))) != first  # its type
    swapped = frame.with_columns(pl.col("kec").reverse())
    assert digest(swapped) != first  # the same values in another order


def test_pages_rendered_in_a_process_pool_are_the_same(
    mixed: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import report as report_module

    serial = {p.name: p.read_bytes() for p in report(mixed.warehouse, tmp_path / "a")}
    monkeypatch.setattr(report_module, "PARALLEL_MIN", 1)
    monkeypatch.setattr(report_module.os, "cpu_count", lambda: 2)
    pooled = {p.name: p.read_bytes() for p in report(mixed.warehouse, tmp_path / "b")}
    assert pooled.keys() == serial.keys()
    for name, data in serial.items():
        if name.endswith(".html"):
            assert pooled[name] == data, name


def test_bar_labels_are_whole_words_never_cut() -> None:
    """Kecamatan names sit left of their bars; a program name too long for that column is
    written whole above its bar, wrapped between words (it used to end in '…')."""
    from pipeline.reporting import charts

    def words(svg: str) -> list[str]:
        return re.findall(r'class="la?">([^<]*)</text>', svg)

    names = [("Medang Deras", 91.0), ("Beutong Ateuh Banggalang", 88.5)]
    short = charts.ranked_bars(names, "x", str)  # the column widens for the longer name
    assert words(short) == [n for n, _ in names] and 'class="la"' not in short
    name = (
        "Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Desa dan Kelurahan "
        "Se-Kabupaten Batu Bara Tahun Anggaran 2025"
    )
    long = charts.ranked_bars([(name, 5.0e8), ("Penunjang", 4.4e10)], "x", str, reference=None)
    lines = words(long)
    # largest first: Penunjang, then the long name on lines of its own
    assert "…" not in long and lines[0] == "Penunjang" and " ".join(lines[1:]) == name
    assert len(lines) >= 3  # wrapped: no line wider than the chart
    width = float(re.search(r'width="(\d+)"', long).group(1))  # type: ignore[union-attr]
    assert all(charts._text_px(line) <= width for line in lines)
