"""Helpers for the load and warehouse tests: a Validation stand-in and sample copies.

``StandIn`` has exactly the attributes ``pipeline.load.ValidationLike`` asks for, with a
few ``<col>_hitung`` columns computed by :mod:`schemas.formulas`, so the loader is tested
against the contract of ``pipeline.validate.Validation`` and not against its internals.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.ingest import Batch, ingest
from schemas import formulas
from schemas.findings import FINDING_SCHEMA, concat_findings

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample" / "medang-deras-2025"


@dataclass
class StandIn:
    """What ``pipeline.validate.validate`` returns, reduced to the loader's needs."""

    submissions: pl.DataFrame
    findings: pl.DataFrame
    tables: dict[str, pl.DataFrame]
    totals: dict[str, pl.DataFrame]
    error_count: int
    warning_count: int


def stand_in(batch: Batch, extra_findings: pl.DataFrame | None = None) -> StandIn:
    """batch.tables plus a couple of recomputed columns, the way the validator adds them."""
    tables = dict(batch.tables)
    tables["capaian_iku"] = tables["capaian_iku"].with_columns(
        formulas.capaian(pl.col("target"), pl.col("realisasi")).alias("capaian_hitung")
    )
    tables["program_kegiatan"] = tables["program_kegiatan"].with_columns(
        formulas.serapan(pl.col("pagu"), pl.col("realisasi_anggaran")).alias(
            "persen_anggaran_hitung"
        ),
        formulas.capaian(pl.col("target_kinerja"), pl.col("realisasi_kinerja")).alias(
            "persen_kinerja_hitung"
        ),
    )
    totals = dict(batch.totals)
    program_sums = (
        tables["program_kegiatan"]
        .filter(pl.col("tingkat") == "program")
        .group_by("submission_id")
        .agg(pl.col("pagu").sum().alias("pagu_hitung"))
    )
    totals["program_kegiatan"] = totals["program_kegiatan"].join(
        program_sums, on="submission_id", how="left"
    )
    findings = concat_findings(
        [batch.findings, *([] if extra_findings is None else [extra_findings])]
    ).select(list(FINDING_SCHEMA))
    return StandIn(
        submissions=batch.submissions,
        findings=findings,
        tables=tables,
        totals=totals,
        error_count=int((findings["severity"] == "error").sum()),
        warning_count=int((findings["severity"] == "warning").sum()),
    )


def copy_sample(dest: Path, edits: dict[str, tuple[str, str]] | None = None) -> Path:
    """Copy the sample CSV folder to ``dest``; ``edits`` = {file: (old text, new text)}."""
    shutil.copytree(SAMPLE, dest)
    for name, (old, new) in (edits or {}).items():
        file = dest / name
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return dest


def read(paths: list[Path]) -> tuple[Batch, StandIn]:
    batch = ingest(paths)
    return batch, stand_in(batch)


# Program 2 of Tabel 3.17: realisasi 10.011.500 -> 9.011.500 (one realisasi changed).
PROGRAM_2 = (
    "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK;"
    "Persentase Kepuasan Masyarakat terhadap Pelayanan Kecamatan;%;100;10.011.500;100;10.011.500;",
    "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK;"
    "Persentase Kepuasan Masyarakat terhadap Pelayanan Kecamatan;%;100;10.011.500;100;9.011.500;",
)
