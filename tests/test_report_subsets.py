"""`lakip report` builds for any subset of submissions, and never leaves a half-written year.

Each case generates a few synthetic kecamatan as CSV folders (fast), cuts them to the
subset (a first year without history, one kecamatan, sheets missing, every submission
with errors, synthetic only, two kabupaten), loads them and builds the report. Every page
must exist with every table id, the workbook must open, and no staging folder may remain.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import fastexcel
import pytest
from test_report_support import build_warehouse, links_broken

from pipeline import report as reporter
from pipeline.generate import generate
from pipeline.report import PAGE_TABLES, WORKBOOK, report

HISTORY = ("tren", "akip")
"""Sheet-name starts of the tables that carry earlier years (tren_iku, akip_*)."""
MISSING = (*HISTORY, "survei", "unsur", "efisiensi", "sdm", "kemajuan", "program")


def _drop_sheets(raw: Path, starts: tuple[str, ...]) -> None:
    for csv in raw.rglob("*.csv"):
        if csv.stem.lower().replace("_", " ").startswith(starts):
            csv.unlink()


def _keep(raw: Path, n: int) -> None:
    """Only the first ``n`` kecamatan folders of every year."""
    for year in (raw / "sintetis").iterdir():
        if year.is_dir():
            for folder in sorted(p for p in year.iterdir() if p.is_dir())[n:]:
                shutil.rmtree(folder)


def first_year(raw: Path) -> Path:
    generate(raw, kecamatan=1, seed=5, inject=0, years=1, fmt="csv")
    _drop_sheets(raw, HISTORY)
    return raw


def first_year_two(raw: Path) -> Path:
    generate(raw, kecamatan=2, seed=6, inject=0, years=1, fmt="csv")
    _drop_sheets(raw, HISTORY)
    return raw


def one_kecamatan(raw: Path) -> Path:
    generate(raw, kecamatan=1, seed=7, inject=2, years=2, fmt="csv")
    return raw


def sheets_missing(raw: Path) -> Path:
    generate(raw, kecamatan=2, seed=8, inject=0, years=1, fmt="csv")
    _drop_sheets(raw, MISSING)
    return raw


def all_galat(raw: Path) -> Path:
    generate(raw, kecamatan=3, seed=5, inject=12, years=1, fmt="csv")
    return raw


def synthetic_only(raw: Path) -> Path:
    generate(raw, kecamatan=3, seed=9, inject=3, years=2, fmt="csv")
    return raw


def two_kabupaten(raw: Path) -> Path:
    # the generator's first 12 are Batu Bara's, then the national list in code order
    generate(raw, kecamatan=14, seed=10, inject=2, years=1, fmt="csv")
    return raw


CASES: dict[str, Callable[[Path], Path]] = {
    "first-year": first_year,
    "first-year-two": first_year_two,
    "one-kecamatan": one_kecamatan,
    "sheets-missing": sheets_missing,
    "all-galat": all_galat,
    "synthetic-only": synthetic_only,
    "two-kabupaten": two_kabupaten,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_report_builds_for_any_subset(case: str, tmp_path: Path) -> None:
    warehouse = build_warehouse(CASES[case](tmp_path / "raw"), tmp_path / "w.duckdb")
    out = tmp_path / "reports"
    written = report(warehouse, out)
    assert written and all(p.exists() for p in written)
    years = sorted(p.name for p in out.iterdir() if p.name != "index.html")
    assert not [y for y in years if y.startswith(".")], years  # no staging left behind
    assert links_broken(out) == []
    sites = []
    for year in years:
        index = (out / year / "index.html").read_text(encoding="utf-8")
        if 'id="ringkasan-per-kabupaten"' in index:  # several kabupaten: a site each
            nested = sorted(p for p in (out / year).iterdir() if p.is_dir())
            assert len(nested) >= 2, year
            for site in nested:
                assert f'href="{site.name}/index.html"' in index, (year, site.name)
            sites.extend(nested)
        else:
            sites.append(out / year)
    for site in sites:
        year = site.name
        for name, ids in PAGE_TABLES.items():
            page = (site / name).read_text(encoding="utf-8")
            assert page.rstrip().endswith("</html>"), (year, name)
            for table_id in ids:
                assert f'id="{table_id}"' in page, (year, name, table_id)
        assert list((site / "temuan").glob("*.html")), year
        sheets = fastexcel.read_excel(str(site / WORKBOOK)).sheet_names
        assert len(sheets) >= sum(len(ids) for ids in PAGE_TABLES.values()), year
    if case == "all-galat":
        index = (out / "2025" / "index.html").read_text(encoding="utf-8")
        assert index.count(">galat<") >= 3
    if case == "two-kabupaten":  # Batu Bara's 12 and Aceh Selatan's first 2, each a site
        assert [p.name for p in sites] == ["11.01", "12.19"]
        for site, n in zip(sites, (2, 12), strict=True):
            assert len(list((site / "kecamatan").glob("*.html"))) == n
    else:
        assert sites == [out / y for y in years]  # one kabupaten: the flat site of a year


def test_a_failure_leaves_the_previous_site_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = build_warehouse(one_kecamatan(tmp_path / "raw"), tmp_path / "w.duckdb")
    out = tmp_path / "reports"
    report(warehouse, out)
    before = {p: p.read_bytes() for p in (out / "2025").rglob("*") if p.is_file()}
    calls = {"n": 0}
    render = reporter.render_page

    def fails_on_the_third(*args: object, **kwargs: object) -> str:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return render(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reporter, "render_page", fails_on_the_third)
    with pytest.raises(RuntimeError, match="disk full"):
        # in English: every page's inputs changed, so none is copied from the previous site
        report(warehouse, out, lang="en")
    after = {p: p.read_bytes() for p in (out / "2025").rglob("*") if p.is_file()}
    assert after == before
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
