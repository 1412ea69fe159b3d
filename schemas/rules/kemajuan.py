"""KEM: progress towards the end-of-Renstra target, realisasi / target_akhir x 100."""

from __future__ import annotations

import polars as pl

from schemas.formulas import compare_at_precision, typed_decimals
from schemas.rules.base import Context, Found, emit, fmt_num, with_tolerance
from schemas.rules.capaian import capaian_hitung, formula_text, with_polaritas

TABLE = "kemajuan_renstra"


def check(ctx: Context) -> list[Found]:
    frame = with_polaritas(ctx.tables[TABLE], ctx)
    frame = frame.with_columns(
        capaian_hitung("target_akhir", "realisasi").alias("tingkat_kemajuan_hitung")
    )
    ctx.tables[TABLE] = frame
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
                with_tolerance(formula_text("target_akhir", "realisasi")).alias("detail"),
            ),
            "KEM001",
            ctx,
        )
    ]
