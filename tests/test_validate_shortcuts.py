"""The validator's batching shortcuts give the plain answers.

- SCH: :func:`schemas.rules.schema.passing_tables` (one ``collect_all`` for all
  tables) must never call a table clean that pandera would reject.
- Findings built as LazyFrames (:class:`schemas.rules.base.Deferred`) and run together by
  :func:`schemas.rules.base.resolve` equal the ones emitted eagerly.
"""

from __future__ import annotations

from pathlib import Path

import example
import pandera.polars as pa
import polars as pl
import pytest

from pipeline.ingest import Batch, ingest
from pipeline.validate import Validation, validate
from schemas.rules import Context, base, schema
from schemas.rules.cross import XTB002
from schemas.rules.schema import SCH001
from schemas.tables import MODELS, prepare


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    folder = tmp_path_factory.mktemp("raw") / "2025" / "sei-suka"
    return ingest([example.write(folder, example.sheets())])


def pandera_accepts(name: str, frame: pl.DataFrame) -> bool:
    try:
        MODELS[name].validate(frame, lazy=True)
    except pa.errors.SchemaErrors:
        return False
    return True


def _edits(tables: dict[str, pl.DataFrame]) -> list[tuple[str, pl.DataFrame]]:
    """Tricky versions of clean tables: each breaks (or not) one kind of pandera check."""
    ikm = tables["ikm_unsur"]
    pk = tables["perjanjian_kinerja"]
    prog = tables["program_kegiatan"]
    nilai = tables["akip_nilai"]
    survei = tables["ikm_survei"]
    belanja = tables["rencana_belanja"]
    return [
        ("ikm_unsur", ikm),  # clean
        ("ikm_unsur", ikm.with_columns(pl.lit(float("nan")).alias("nilai"))),  # NaN, not null
        ("ikm_unsur", ikm.with_columns(pl.lit(None, dtype=pl.Float64).alias("nilai"))),
        ("ikm_unsur", ikm.with_columns(pl.col("nilai") + 10)),  # out of range
        ("ikm_unsur", ikm.with_columns(pl.col("nilai").cast(pl.Float32))),  # wrong dtype
        ("ikm_unsur", ikm.drop("nilai")),  # missing column
        ("ikm_unsur", ikm.with_columns(pl.lit(1).alias("extra"))),  # extra column is fine
        ("perjanjian_kinerja", pk),
        ("perjanjian_kinerja", pk.with_columns(pl.lit("naik").alias("polaritas"))),  # isin
        ("perjanjian_kinerja", pk.with_columns(pl.lit(None, dtype=pl.String).alias("polaritas"))),
        (  # frame-wide check: neither a target nor a predikat
            "perjanjian_kinerja",
            pk.with_columns(
                pl.lit(None, dtype=pl.Float64).alias("target"),
                pl.lit(None, dtype=pl.String).alias("target_predikat"),
            ),
        ),
        ("program_kegiatan", prog),
        ("program_kegiatan", prog.with_columns(pl.lit("7.1.1").alias("kode"))),  # SCH004
        ("program_kegiatan", prog.with_columns(pl.lit(None, dtype=pl.String).alias("kode"))),
        ("program_kegiatan", prog.with_columns(pl.col("row") - 100)),  # row >= 1
        ("akip_nilai", nilai.with_columns(pl.lit("X").alias("predikat"))),
        ("ikm_survei", survei.with_columns(pl.lit(-5.0).alias("angka"))),  # frame-wide range
        ("ikm_survei", survei.with_columns(pl.lit("-").alias("nilai"))),  # dash: no number due
        ("rencana_belanja", belanja.with_columns(-pl.col("anggaran"))),  # negative money
        ("rencana_belanja", belanja.clear()),  # no rows at all
    ]


def test_precheck_never_passes_what_pandera_rejects(batch: Batch) -> None:
    cases = _edits(batch.tables)
    verdicts = []
    for name, frame in cases:
        prepared = prepare(name, frame)
        quick = name in schema.passing_tables({name: prepared})
        plain = pandera_accepts(name, prepared)
        assert not quick or plain, f"{name}: quick test passed what pandera rejects"
        verdicts.append((quick, plain))
    # and it is not a no-op: clean tables pass quickly, broken ones go to pandera
    assert verdicts[0] == (True, True)
    assert (False, False) in verdicts
    assert sum(quick for quick, _ in verdicts) >= 5


def test_precheck_all_tables_at_once(batch: Batch) -> None:
    """Together (one collect_all) the answers are the same as one table at a time."""
    frames = {name: prepare(name, batch.tables[name]) for name in MODELS}
    frames["ikm_unsur"] = frames["ikm_unsur"].with_columns(pl.col("nilai") + 10)
    together = schema.passing_tables(frames)
    alone = {name for name, frame in frames.items() if schema.passing_tables({name: frame})}
    assert together == alone
    assert "ikm_unsur" not in together
    assert together == {name for name, frame in frames.items() if pandera_accepts(name, frame)}


def _same(a: Validation, b: Validation) -> None:
    assert a.findings.equals(b.findings)
    assert a.tables.keys() == b.tables.keys()
    for name in a.tables:
        assert a.tables[name].equals(b.tables[name])


def test_validate_same_with_and_without_precheck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = example.edit(example.sheets(), "ikm_unsur", 2, "nilai", "4,50")
    data = example.edit(data, "program_kegiatan", 2, "kode", "7.1.1")
    data = example.edit(data, "perjanjian_kinerja", 2, "polaritas", "naik")
    data = example.edit(data, "capaian_iku", 2, "indikator", "")
    batch = ingest([example.write(tmp_path / "raw" / "2025" / "sei-suka", data)])
    quick = validate(batch)
    monkeypatch.setattr(schema, "PRECHECK", False)
    plain = validate(batch)
    _same(quick, plain)
    assert quick.findings.filter(pl.col("rule").str.starts_with("SCH")).height >= 4


def _ctx(batch: Batch) -> Context:
    return Context(
        submissions=batch.submissions,
        tables=dict(batch.tables),
        totals=dict(batch.totals),
        layout=batch.layout,
        ingest_findings=batch.findings,
    )


def test_deferred_findings_equal_eager_ones(batch: Batch) -> None:
    ctx = _ctx(batch)
    rows = batch.tables["ikm_unsur"]
    located = rows.select(
        "submission_id",
        "sheet",
        "row",
        pl.lit("ikm_unsur").alias("table"),
        pl.lit("nilai").alias("column"),
        pl.col("unsur").alias("label"),
        pl.col("nilai").cast(pl.String).alias("found"),
    )
    celled = located.with_columns(pl.lit("X!Z9").alias("cell")).drop("row")
    frames = [
        located,  # cell from the layout
        located.head(0),  # nothing found
        located.with_columns(pl.lit("bukan_kolom").alias("column")),  # no letter: sheet
        celled,  # cell given
        located.select("submission_id", "sheet", "label"),  # sheet only
    ]
    eager = [base.emit(f, SCH001, ctx) for f in frames]
    deferred = base.resolve([base.emit(f.lazy(), SCH001, ctx) for f in frames], ctx)
    assert all(isinstance(base.emit(f.lazy(), SCH001, ctx), base.Deferred) for f in frames)
    for a, b in zip(eager, deferred, strict=True):
        assert a.equals(b)
        assert a.schema == b.schema
    assert eager[0].height == rows.height
    assert eager[0].get_column("cell").str.contains("!").all()


def test_resolve_keeps_order_of_mixed_items(batch: Batch) -> None:
    ctx = _ctx(batch)
    rows = batch.tables["tren_iku"].select(
        "submission_id", "sheet", "row", pl.lit("tren_iku").alias("table"),
        pl.lit("target").alias("column"),
    )  # fmt: skip
    assert rows.height >= 3
    items: list[base.Found] = [
        base.emit(rows.head(1), XTB002, ctx),
        base.emit(rows.lazy().tail(2), XTB002, ctx),
        base.emit(rows.head(0), XTB002, ctx),
        base.emit(rows.lazy().head(3), XTB002, ctx),
    ]
    heights = [f.height for f in base.resolve(items, ctx)]
    assert heights == [1, 2, 0, 3]
