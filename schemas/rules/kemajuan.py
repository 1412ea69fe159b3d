"""KEM: progress towards the end-of-Renstra target, realisasi / target_akhir × 100."""

from __future__ import annotations

import polars as pl

from schemas.catalog import Rule, register
from schemas.formulas import compare_at_precision, typed_decimals
from schemas.rules.base import Context, Found, emit, fmt_num
from schemas.rules.capaian import capaian_hitung, formula_text, with_polaritas

KEM001 = register(Rule(
    "KEM001", "error",
    "Tingkat kemajuan Renstra salah hitung", "Renstra progress miscalculated",
    "Tingkat kemajuan '{label}' di {cell} tertulis {found}, hasil hitung {expected} ({detail}).",
    "Progress of '{label}' at {cell} says {found}; recomputed {expected} ({detail}).",
    "Periksa {cell} serta realisasi dan target akhir di barisnya: {expected} sesuai dengan angka"
    " yang tertulis.",
    "Check {cell} and the realisasi and end target on its row: {expected} agrees with them as "
    "printed.",
    tables=("kemajuan_renstra",),
    formula="Tingkat Kemajuan = Realisasi / Target Akhir × 100 (same polarity rule as capaian);"
    " tolerance one unit in the last printed digit",
))  # fmt: skip

TABLE = "kemajuan_renstra"


def derive(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """Add polaritas_hitung, metode_hitung and tingkat_kemajuan_hitung."""
    frame = with_polaritas(frame, ctx)
    return frame.with_columns(
        capaian_hitung("target_akhir", "realisasi").alias("tingkat_kemajuan_hitung")
    )


def check(ctx: Context) -> list[Found]:
    frame = ctx.tables[TABLE]
    status = compare_at_precision(
        pl.col("tingkat_kemajuan"),
        pl.col("tingkat_kemajuan_hitung"),
        typed_decimals(frame, "tingkat_kemajuan"),
    )
    bad = frame.lazy().filter(status == "mismatch")
    return [
        emit(
            bad.select(
                "submission_id",
                "sheet",
                "row",
                pl.lit(TABLE).alias("table"),
                pl.lit("tingkat_kemajuan").alias("column"),
                pl.col("indikator").alias("label"),
                fmt_num(pl.col("tingkat_kemajuan_hitung")).alias("expected"),
                fmt_num(pl.col("tingkat_kemajuan")).alias("found"),
                formula_text(TABLE, "tingkat_kemajuan", "target_akhir", "realisasi").alias(
                    "detail"
                ),
            ),
            KEM001,
            ctx,
        )
    ]
