"""A year of several kabupaten: one complete site per kabupaten and an index over them.

The warehouse holds the real Medang Deras report (Batu Bara, 12.19) beside generated
kecamatan of Batu Bara, Aceh Selatan (11.01) and a kabupaten the national list does not
know (the generator's Aceh Tenggara renamed "Antah Berantah", code 11.77), over 2024-2025.
The figures of the index are checked against SQL on the warehouse written here, not
against the report's own queries; every link of every page must reach a file; a second
run after one more Aceh Selatan kecamatan is loaded renders only Aceh Selatan's pages.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import fastexcel
import polars as pl
import pytest
from test_report_support import (
    REPO,
    build_warehouse,
    cells,
    links_broken,
    sample_raw,
    stub_cells,
)

from pipeline import report as reporter
from pipeline.generate import generate
from pipeline.report import PAGE_TABLES, WORKBOOK, report
from pipeline.reporting import fmt, kabupaten
from pipeline.reporting.common import slugify
from schemas.wilayah import reference

INDEX_TABLE = "ringkasan-per-kabupaten"
LATE = "11.01"
"""The kabupaten that gets one more kecamatan between the two runs."""


def _codes() -> dict[str, str]:
    """Folder name -> kode wilayah of the kecamatan the generator writes first: Batu Bara,
    then the national list in code order (the names of these three kabupaten are unique)."""
    frame = reference().frame.filter(
        pl.col("kode").str.slice(0, 5).is_in(["12.19", "11.01", "11.02"])
    )
    return {slugify(k): c for k, c in zip(frame["kecamatan"], frame["kode"], strict=True)}


def _rename_kabupaten(folder: Path) -> None:
    """Aceh Tenggara -> 'Antah Berantah' 11.77 in every sheet: a kabupaten no list knows."""
    for csv in folder.glob("*.csv"):
        body = csv.read_text(encoding="utf-8")
        body = body.replace("Aceh Tenggara", "Antah Berantah").replace("11.02.", "11.77.")
        csv.write_text(body, encoding="utf-8")


@dataclass
class Province:
    warehouse: Path
    reports: Path
    first: dict[Path, bytes]  # every file of the first run
    rendered: list[str]  # pages rendered by the second run (the others were copied)

    def sql(self, query: str) -> pl.DataFrame:
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            return con.sql(query).pl()
        finally:
            con.close()


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Province:
    root = tmp_path_factory.mktemp("provinsi")
    raw = sample_raw(root / "raw")  # the real Medang Deras, 2025
    generate(root / "gen", kecamatan=32, seed=12, inject=4, years=2, fmt="csv")
    late = root / "late"
    codes = _codes()
    for year in sorted(p for p in (root / "gen" / "sintetis").iterdir() if p.is_dir()):
        kept: dict[str, int] = {}
        for folder in sorted(
            (p for p in year.iterdir() if p.is_dir()), key=lambda p: codes[p.name]
        ):
            kab = codes[folder.name][:5]
            kept[kab] = kept.get(kab, 0) + 1
            if folder.name == "medang-deras" or kept[kab] > 3:
                continue  # the real one supersedes it; 3 per kabupaten are enough
            if kab == "11.02":
                _rename_kabupaten(folder)
            dest = raw if not (year.name == "2025" and kab == LATE and kept[kab] == 3) else late
            shutil.copytree(folder, dest / "sintetis" / year.name / folder.name)
    warehouse = build_warehouse(raw, root / "lakip.duckdb")
    out = root / "reports"
    report(warehouse, out)
    first = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    build_warehouse(late, warehouse)  # one more Aceh Selatan kecamatan
    rendered: list[str] = []
    render = reporter.render_page

    def counting(page, ctx):  # type: ignore[no-untyped-def]
        rendered.append(f"{ctx.wilayah}: {page.file}")
        return render(page, ctx)

    reporter.render_page = counting  # type: ignore[assignment]
    try:
        report(warehouse, out)
    finally:
        reporter.render_page = render  # type: ignore[assignment]
    return Province(warehouse, out, first, rendered)


def test_a_site_per_kabupaten_with_every_page(province: Province) -> None:
    year = province.reports / "2025"
    assert sorted(p.name for p in year.iterdir()) == ["11.01", "11.77", "12.19", "index.html"]
    for site in (p for p in year.iterdir() if p.is_dir()):
        for name, ids in PAGE_TABLES.items():
            page = (site / name).read_text(encoding="utf-8")
            for table_id in ids:
                assert f'id="{table_id}"' in page, (site.name, name, table_id)
        assert (site / ".sidik.json").is_file()
        assert fastexcel.read_excel(str(site / WORKBOOK)).sheet_names
    # the flat pages of a one-kabupaten year are not there: the index is the summary
    assert not (year / "capaian.html").exists()
    assert not [p for p in province.reports.rglob(".*") if p.name != ".sidik.json"]


def test_each_site_shows_only_its_own_kecamatan(province: Province) -> None:
    expected = province.sql(
        "SELECT kode_kabupaten, kecamatan, kode_wilayah, sintetis FROM stg_pengiriman "
        "WHERE tahun_laporan = 2025 ORDER BY kode_wilayah"
    )
    assert expected["kode_kabupaten"].n_unique() == 3
    for (kode,), own in expected.group_by("kode_kabupaten"):
        site = province.reports / "2025" / str(kode)
        index = (site / "index.html").read_text(encoding="utf-8")
        shown = [s.replace(" SINTETIS", "") for s in stub_cells(index, "ringkasan-kecamatan")]
        kinds = own["sintetis"].fill_null(False).n_unique()
        totals = ["Jumlah data resmi", "Jumlah data sintetis"] if kinds == 2 else ["Jumlah"]
        assert shown == [*own["kecamatan"], *totals], kode
        profiles = sorted(p.name for p in (site / "kecamatan").glob("*.html"))
        assert len(profiles) == own.height
        assert [p[:8].replace("-", ".") for p in profiles] == sorted(own["kode_wilayah"])
        # the status table lists the national list of this kabupaten only
        status = (site / "pengiriman.html").read_text(encoding="utf-8")
        codes = cells(status, "pengiriman", "kode_wilayah")
        assert all(c.startswith(f"{kode}.") for c in codes if c), kode
        names = [s.replace(" SINTETIS", "") for s in stub_cells(status, "pengiriman")]
        assert set(own["kecamatan"]) <= set(names), kode
        if kode == "11.77":  # not on the national list: only what came in, without a kode
            assert sorted(names) == sorted(own["kecamatan"]) and set(codes) == {""}
        else:
            assert len(names) == reference().frame["kode"].str.starts_with(kode).sum()
        # every page of the site links to profiles of its own kecamatan only
        linked = {
            Path(h).name
            for page in site.rglob("*.html")
            for h in re.findall(r'href="[./]*kecamatan/([^"]+)"', page.read_text(encoding="utf-8"))
        }
        assert linked == set(profiles), kode
        sheet = fastexcel.read_excel(str(site / WORKBOOK)).load_sheet("Ringkasan", header_row=3)
        assert sheet.height == own.height + len(totals)  # its kecamatan and the Jumlah rows


def test_index_figures_add_up_to_the_warehouse(province: Province) -> None:
    figures = province.sql(
        """
        SELECT s.kode_kabupaten AS kode, coalesce(s.sintetis, false) AS sintetis,
            sum(v.pagu_total) AS pagu, sum(v.realisasi_total) AS realisasi,
            count(*) AS masuk, count(*) FILTER (WHERE v.error_count > 0) AS galat
        FROM v_ringkasan_kecamatan v JOIN submissions s USING (submission_id)
        WHERE v.tahun = 2025 GROUP BY ALL ORDER BY kode, sintetis
        """
    )
    index = (province.reports / "2025" / "index.html").read_text(encoding="utf-8")
    labels = stub_cells(index, INDEX_TABLE)
    kinds = figures.group_by("sintetis").agg(pl.col("pagu", "realisasi", "masuk").sum())
    kinds = kinds.sort("sintetis")
    n = figures.height
    # a row per kabupaten and kind, then a total per kind: real first, then synthetic
    assert len(labels) == n + kinds.height
    assert cells(index, INDEX_TABLE, "kode")[:n] == figures["kode"].to_list()
    assert cells(index, INDEX_TABLE, "pagu") == [
        fmt.rupiah(v) for v in [*figures["pagu"], *kinds["pagu"]]
    ]
    assert cells(index, INDEX_TABLE, "realisasi") == [
        fmt.rupiah(v) for v in [*figures["realisasi"], *kinds["realisasi"]]
    ]
    assert cells(index, INDEX_TABLE, "masuk") == [
        str(v) for v in [*figures["masuk"], *kinds["masuk"]]
    ]
    assert cells(index, INDEX_TABLE, "galat")[:n] == [str(v) for v in figures["galat"]]
    # synthetic rows and their total are marked; the real ones are not
    marked = [label.endswith("SINTETIS") for label in labels]
    assert marked == [*figures["sintetis"], *kinds["sintetis"]]
    assert labels[n:] == ["Jumlah data resmi", "Jumlah data sintetis SINTETIS"]
    assert "DATA SINTETIS" in index
    # Batu Bara has one real and 3 synthetic kecamatan: two rows, one site
    batu_bara = figures.filter(pl.col("kode") == "12.19")
    assert batu_bara["sintetis"].to_list() == [False, True]
    assert index.count('href="12.19/index.html"') == 2
    # against the national list: Batu Bara's 12, the unknown kabupaten none
    wilayah = duckdb.sql(
        "SELECT substr(kode, 1, 5) AS kab, count(*) AS n FROM read_csv($path, all_varchar = true) "
        "GROUP BY 1",
        params={"path": str(REPO / "schemas" / "data" / "wilayah_kecamatan.csv")},
    ).pl()
    expected = dict(wilayah.iter_rows())
    shown = dict(zip(figures["kode"], cells(index, INDEX_TABLE, "diharapkan"), strict=False))
    assert shown["12.19"] == str(expected["12.19"])
    assert shown["11.01"] == str(expected["11.01"])
    assert "11.77" not in expected and shown["11.77"] == fmt.MISSING
    # each site's own headline: its kabupaten's figures, a row per kind as on the index
    for (kode,), own in figures.group_by("kode"):
        site = (province.reports / "2025" / str(kode) / "index.html").read_text(encoding="utf-8")
        assert cells(site, "ringkasan-kabupaten", "pagu") == [fmt.rupiah(v) for v in own["pagu"]]
        assert cells(site, "ringkasan-kabupaten", "masuk") == [str(v) for v in own["masuk"]]


def test_every_link_reaches_a_file(province: Province) -> None:
    assert links_broken(province.reports) == []
    years = (province.reports / "index.html").read_text(encoding="utf-8")
    assert 'href="2025/index.html"' in years and "3 kabupaten/kota" in years
    profile = next((province.reports / "2025" / "12.19" / "kecamatan").glob("*.html"))
    page = profile.read_text(encoding="utf-8")
    assert 'href="../../index.html">Semua kabupaten<' in page
    assert 'href="../../../index.html">Semua tahun<' in page


def test_a_rerun_renders_only_the_changed_kabupaten(province: Province) -> None:
    assert province.rendered, "the new kecamatan changed nothing"
    assert all(r.startswith("Kabupaten Aceh Selatan:") for r in province.rendered)
    # its new profile is among them; the other sites are byte for byte the first run's
    assert any(r.count("kecamatan/") for r in province.rendered)
    for path, before in province.first.items():
        relative = path.relative_to(province.reports).parts
        if relative[0] == "2025" and len(relative) > 2 and relative[1] != LATE:
            assert path.read_bytes() == before, path


def test_site_folders_are_safe_and_unique() -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE stg_pengiriman AS SELECT * FROM (VALUES "
        "('12.19', 'Batu Bara', 'Sumatera Utara', 2025), "
        "(NULL, 'Kota Antah/Berantah', 'X', 2025), "
        "(NULL, 'kota antah berantah!', 'X', 2025), "
        "(NULL, NULL, NULL, 2025), "
        "(NULL, 'Index', NULL, 2025), "
        "('77.01', 'Luar Daftar', 'Y', 2025)"
        ") t(kode_kabupaten, kabupaten, provinsi, tahun_laporan)"
    )
    folders = kabupaten.sites(con, 2025)["folder"].to_list()
    assert folders[:2] == ["12.19", "77.01"]
    assert len(set(folders)) == len(folders)
    assert all(re.fullmatch(r"[a-z0-9.-]+", f) for f in folders), folders
    assert "kab-kota-antah-berantah" in folders and "kab-kota-antah-berantah-2" in folders


def test_a_failure_in_one_kabupaten_leaves_the_whole_year(
    province: Province, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {p: p.read_bytes() for p in province.reports.rglob("*") if p.is_file()}
    calls = {"n": 0}
    build = reporter.build_site

    def fails_on_the_second(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return build(*args, **kwargs)

    monkeypatch.setattr(reporter, "build_site", fails_on_the_second)
    with pytest.raises(RuntimeError, match="disk full"):
        report(province.warehouse, province.reports, tahun=2025)
    assert calls["n"] == 2
    after = {p: p.read_bytes() for p in province.reports.rglob("*") if p.is_file()}
    assert after == before
    assert not [p.name for p in province.reports.iterdir() if p.name.startswith(".")]
    # the site map (a temporary table) is gone after a failure inside it, and while open
    # it puts every submission of every year in its kabupaten's site
    con = duckdb.connect(str(province.warehouse), read_only=True)
    try:
        with pytest.raises(RuntimeError), kabupaten.site_map(con):
            sites = con.sql(
                "SELECT DISTINCT m._situs, s.kode_kabupaten, s.tahun "
                "FROM _lakip_situs m JOIN submissions s USING (submission_id)"
            ).fetchall()
            assert sorted(sites) == [
                (k, k, y) for k in ("11.01", "11.77", "12.19") for y in (2024, 2025)
            ]
            raise RuntimeError("inside")
        temporary = "SELECT count(*) FROM duckdb_tables() WHERE temporary"
        assert con.sql(temporary).fetchall() == [(0,)]
    finally:
        con.close()


def test_a_site_is_the_site_of_its_kabupaten_alone(province: Province, tmp_path: Path) -> None:
    """Batu Bara's site, cut from the year's tables of three kabupaten, is the site a
    warehouse holding only Batu Bara gives: every page (but the navigation up to the
    year's index) and every workbook cell. Its kecamatan are real and synthetic, on the
    national list, over two years: totals per kind, ranks, means and trends per site."""
    raw = province.warehouse.parent / "raw"
    own = tmp_path / "raw"
    shutil.copytree(raw / "2025", own / "2025")  # the real Medang Deras
    codes = _codes()
    for folder in raw.glob("sintetis/*/*"):
        if codes[folder.name].startswith("12.19."):
            shutil.copytree(folder, own / "sintetis" / folder.parent.name / folder.name)
    alone = build_warehouse(own, tmp_path / "alone.duckdb")
    report(alone, tmp_path / "reports", tahun=2025)
    flat, nested = tmp_path / "reports" / "2025", province.reports / "2025" / "12.19"
    pages = sorted(p.relative_to(flat) for p in flat.rglob("*.html"))
    assert pages == sorted(p.relative_to(nested) for p in nested.rglob("*.html"))
    assert len(pages) > 10
    # the links up to the year's index differ, and the load times of the two warehouses
    up = re.compile(r'<a class="tahun" href="[./]*index.html">Semua kabupaten</a>\n|\.\./')
    loaded = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"
    for name in pages:
        one, other = (
            re.sub(loaded, "T", up.sub("", (root / name).read_text(encoding="utf-8")))
            for root in (flat, nested)
        )
        assert one == other, name
    for sheet in fastexcel.read_excel(str(flat / WORKBOOK)).sheet_names:
        frames = [
            fastexcel.read_excel(str(root / WORKBOOK))
            .load_sheet(sheet)
            .to_polars()
            .with_columns(pl.col(pl.String).str.replace_all(loaded, "T"))
            for root in (flat, nested)
        ]
        assert frames[0].equals(frames[1]), sheet
