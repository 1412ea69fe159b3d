"""A figure typed as '98,20' is compared at two decimals, not at the one its value shows."""

from __future__ import annotations

import polars as pl
from conftest import MINIMAL

from pipeline.ingest import ingest
from pipeline.validate import validate


def capaian_iku(printed: str | float) -> list[list[str | int | float | None]]:
    # 87,63 / 89,20 x 100 = 98,2399 -> 98,24
    return [
        MINIMAL["capaian_iku"][0],
        [1, "Meningkatnya Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat (IKM)", "Nilai",
         "89,20", "87,63", printed],
    ]  # fmt: skip


def cap001(make_xlsx, name: str, printed: str | float) -> list[str]:
    tren = [list(r) for r in MINIMAL["tren_iku"]]
    tren[1][4:] = ["87,63", "98,24"]
    kemajuan = [list(r) for r in MINIMAL["kemajuan_renstra"]]
    kemajuan[1][1] = "87,63"
    kemajuan[1][4] = "97,15"
    path = make_xlsx(name, capaian_iku=capaian_iku(printed), tren_iku=tren,
                     kemajuan_renstra=kemajuan)  # fmt: skip
    findings = validate(ingest([path])).findings
    return findings.filter(pl.col("rule") == "CAP001")["cell"].to_list()


def test_typed_two_decimals_are_held_to_two_decimals(make_xlsx):
    assert cap001(make_xlsx, "typed_98_20", "98,20") == ["capaian_iku!G2"]


def test_an_excel_number_keeps_the_cautious_reading(make_xlsx):
    # 98.2 stored as a number carries no printed precision: read as one decimal.
    assert cap001(make_xlsx, "number_98_2", 98.2) == []


def test_consistent_typed_figure_raises_nothing(make_xlsx):
    assert cap001(make_xlsx, "typed_98_24", "98,24") == []


def warehouse_status(
    make_xlsx, tmp_path, name: str, printed: str | float
) -> tuple[str, int | None]:
    from pipeline.load import connect, load

    tren = [list(r) for r in MINIMAL["tren_iku"]]
    tren[1][4:] = ["87,63", "98,24"]
    path = make_xlsx(name, capaian_iku=capaian_iku(printed), tren_iku=tren)
    batch = ingest([path])
    warehouse = tmp_path / f"{name}.duckdb"
    load(batch, validate(batch), warehouse)
    con = connect(warehouse)
    try:
        return con.execute(
            "SELECT v.status, r.capaian_desimal FROM v_capaian_iku AS v "
            'JOIN raw_capaian_iku AS r USING (submission_id, "row") '
            "WHERE v.indikator LIKE 'Indeks Kepuasan%'"
        ).fetchone()
    finally:
        con.close()


def test_the_warehouse_compares_a_typed_figure_at_its_typed_precision(make_xlsx, tmp_path):
    # the same answer as CAP001: '98,20' is two decimals, so 98,24 -> 98,20 is a mismatch
    assert warehouse_status(make_xlsx, tmp_path, "wh_98_20", "98,20") == ("mismatch", 2)
    assert warehouse_status(make_xlsx, tmp_path, "wh_98_2", 98.2) == ("rounding", None)
    assert warehouse_status(make_xlsx, tmp_path, "wh_98_24", "98,24") == ("ok", 2)
