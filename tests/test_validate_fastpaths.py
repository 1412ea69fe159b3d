"""Second round of validator shortcuts: each gives what the plain way gives.

- HIE: :func:`schemas.rules.hierarchy.enrich` ties rows to parents by position within
  each submission's run of rows (``_enrich_runs``) instead of sort + window + join
  (``_enrich_plain``); HIE004 reads the parent's kode enrich found instead of a self-join.
- CAP: :func:`schemas.rules.capaian.with_polaritas` skips the override joins when the
  config has none.
- names: :func:`schemas.rules.base._name_pairs` remembers compared name pairs in a run.
- IDN: report dates are parsed once per distinct text.
- 3.17 program rows are cut once per version of the table (:meth:`Context.program_rows`).
"""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest

from schemas.rules import hierarchy
from schemas.rules.base import Context, resolve
from schemas.rules.capaian import with_polaritas
from schemas.rules.config import ValidateConfig
from schemas.rules.identitas import parse_tanggal, parsed_dates

MONEY = pl.Decimal(18, 2)


def _program_table() -> pl.DataFrame:
    """3.17 of three submissions, not in submission order, with odd structures."""
    rows = [
        # submission 'c' first: ingest order is not sorted by submission_id
        ("c", 5, "Program", "1", 100, 60),
        ("c", 6, "Kegiatan", "1.1", 60, 60),
        ("c", 7, "sub kegiatan", "1.1.1", 30, 20),
        ("c", 8, "SUB-KEGIATAN", "1.1.2", 30, 40),
        ("c", 9, "kegiatan", "1.2", None, 5),  # empty pagu: no pagu sum for the program
        ("c", 11, "sub_kegiatan", "2.2.1", 7, 7),  # wrong kode prefix
        ("c", 12, "Program", None, 8, 8),
        ("c", 13, "sub_kegiatan", "9", 8, 8),  # sub_kegiatan with no kegiatan in program
        ("a", 3, "kegiatan", "1.1", 5, 5),  # kegiatan before any program
        ("a", 4, "sub_kegiatan", "1.2.1", 5, 5),  # wrong kode prefix
        ("a", 5, None, None, 1, 1),  # tingkat missing
        ("a", 6, "program", "2", 9, 9),
        ("a", 7, "bidang", "2.x", 9, 9),  # unknown tingkat
        ("a", 8, "kegiatan", None, 9, 9),
        ("a", 9, "sub_kegiatan", "2.1", 4, 4),  # parent kode missing
        ("a", 10, "sub_kegiatan", "2.1", 5, None),
        ("b", 2, "sub_kegiatan", "1", 1, 1),
        ("b", 3, "sub_kegiatan", "1", 1, 1),
    ]
    frame = pl.DataFrame(
        rows,
        schema=["submission_id", "row", "tingkat", "kode", "pagu", "realisasi_anggaran"],
        orient="row",
    )
    return frame.with_columns(
        pl.lit("3.17").alias("sheet"),
        pl.format("baris {}", pl.col("row")).alias("nama"),
        pl.col("pagu").cast(MONEY),
        pl.col("realisasi_anggaran").cast(MONEY),
    )


def _orders(frame: pl.DataFrame) -> list[pl.DataFrame]:
    return [
        frame,
        frame.sort("submission_id", "row"),
        frame.sort("submission_id", descending=True, maintain_order=True),
        frame.filter(pl.col("submission_id") == "b"),
        frame.head(1),
    ]


@pytest.mark.parametrize("case", range(5))
def test_enrich_by_runs_equals_plain(case: int) -> None:
    frame = _orders(_program_table())[case]
    runs = hierarchy._runs(frame)
    assert runs is not None
    fast, kode_induk = hierarchy._enrich_runs(frame, runs)
    plain = hierarchy._enrich_plain(frame)
    assert fast.equals(plain)
    # the parent's kode, the plain way: a self-join on (submission_id, parent_row)
    parents = plain.select(
        "submission_id", pl.col("row").alias("parent_row"), pl.col("kode").alias("kode_induk")
    )
    joined = plain.join(parents, on=["submission_id", "parent_row"], how="left")
    assert kode_induk.equals(joined.get_column("kode_induk"))


def test_enrich_by_runs_found_parents() -> None:
    out = hierarchy._enrich_plain(_program_table())
    c = out.filter(pl.col("submission_id") == "c")
    assert c.get_column("parent_row").to_list() == [None, 5, 6, 6, 5, 9, None, None]
    assert c.get_column("pagu_anak").to_list()[:2] == [None, Decimal("60.00")]
    assert c.get_column("realisasi_anggaran_anak").to_list()[0] == Decimal("65.00")


@pytest.mark.parametrize(
    "edit",
    [
        lambda f: f.reverse(),  # rows descending
        lambda f: pl.concat([f, f.tail(1)]),  # a repeated (submission, row)
        lambda f: pl.concat([f.tail(2).head(1), f.head(3), f.tail(1)]),  # b split in two runs
        lambda f: f.with_columns(pl.lit(None, dtype=pl.Int64).alias("row")),
        lambda f: f.with_columns(
            pl.when(pl.col("row") == 3).then(None).otherwise("submission_id").alias("submission_id")
        ),
        lambda f: f.clear(),
    ],
)
def test_enrich_falls_back_to_plain(edit: object) -> None:
    assert callable(edit)
    frame = edit(_program_table())
    assert hierarchy._runs(frame) is None
    ctx = _ctx({"program_kegiatan": frame})
    hierarchy.enrich(ctx)
    assert ctx.tables["program_kegiatan"].equals(hierarchy._enrich_plain(frame))
    assert hierarchy._KODE_INDUK not in ctx.cache


def _ctx(tables: dict[str, pl.DataFrame], config: ValidateConfig | None = None) -> Context:
    layout = pl.DataFrame(
        schema={"submission_id": pl.String, "table": pl.String, "column": pl.String,
                "letter": pl.String, "header_row": pl.Int64}
    )  # fmt: skip
    return Context(
        submissions=pl.DataFrame({"submission_id": ["a", "b", "c"]}),
        tables=tables,
        totals={},
        layout=layout,
        ingest_findings=pl.DataFrame(),
        config=config or ValidateConfig(),
    )


def _sorted(frames: list[pl.DataFrame]) -> pl.DataFrame:
    out = pl.concat(frames, how="vertical")
    return out.sort(out.columns, nulls_last=True)


def test_kode_from_enrich_equals_self_join() -> None:
    ctx = _ctx({"program_kegiatan": _program_table()})
    hierarchy.enrich(ctx)
    frame = ctx.tables["program_kegiatan"]
    assert hierarchy._KODE_INDUK in ctx.cache
    fast = _sorted(resolve([hierarchy._kode(frame, ctx)], ctx))
    ctx.cache.clear()
    plain = _sorted(resolve([hierarchy._kode(frame, ctx)], ctx))
    assert fast.height == 2  # 2.2.1 under 1.2, 1.2.1 under 1.1
    assert fast.equals(plain)
    # a frame other than the one enrich made never uses the cached kode
    ctx.tables["program_kegiatan"] = _program_table()
    hierarchy.enrich(ctx)
    assert hierarchy._KODE_INDUK in ctx.cache
    other = frame.sample(fraction=1.0, shuffle=True, seed=1)
    assert _sorted(resolve([hierarchy._kode(other, ctx)], ctx)).equals(plain)


def test_program_rows_follow_the_table() -> None:
    ctx = _ctx({"program_kegiatan": hierarchy._enrich_plain(_program_table())})
    first = ctx.program_rows()
    plain = ctx.tables["program_kegiatan"].filter(pl.col("tingkat_baku") == "program")
    assert first.equals(plain)
    assert ctx.program_rows() is first
    ctx.tables["program_kegiatan"] = ctx.tables["program_kegiatan"].tail(8)
    assert ctx.program_rows().equals(plain.tail(2))


PK = pl.DataFrame(
    {
        "submission_id": ["a", "a", "b", "b"],
        "row": [3, 4, 3, 4],
        "indikator": ["Angka Kemiskinan", "Nilai AKIP", "Angka Kemiskinan (AK)", None],
        "polaritas": ["Negatif ", "positif", None, "negatif"],
    }
)


def test_polaritas_without_overrides_equals_joins() -> None:
    frame = pl.DataFrame(
        {
            "submission_id": ["b", "a", "a", "a", "c"],
            "row": [5, 6, 5, 7, 1],
            "indikator": ["angka kemiskinan", "Angka Kemiskinan", None, "Nilai AKIP", "x"],
        }
    )
    empty = with_polaritas(frame, _ctx({"perjanjian_kinerja": PK}))
    # an override that matches no indicator: the joins run and change nothing
    cfg = ValidateConfig(polaritas={"tidak ada": "negatif"}, negative_methods={"tidak": "rasio"})
    joined = with_polaritas(frame, _ctx({"perjanjian_kinerja": PK}, cfg))
    assert empty.equals(joined)
    assert empty.get_column("polaritas_hitung").to_list() == [
        "positif", "negatif", "positif", "positif", "positif",
    ]  # fmt: skip


def test_dates_parsed_per_distinct_text() -> None:
    texts = [
        "2026-01-09", None, "2026-01-09", "30 Januari 2026", "30 januari 2026", "31/12/2025",
        "46000", "46000.0", "kemarin", "", " 2026-02-30", "1 Mei. 2026", "31/12/2025", None,
    ]  # fmt: skip
    frame = pl.DataFrame({"t": texts}, schema={"t": pl.String})
    row_wise = frame.select(parse_tanggal(pl.col("t")))
    distinct = parsed_dates(frame.get_column("t"))
    assert distinct.to_frame().equals(row_wise)
    assert parsed_dates(frame.get_column("t").clear()).dtype == pl.Date
    assert row_wise.get_column("t").null_count() == 5
