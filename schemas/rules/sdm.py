"""SDM: staff percentages per kategori (tables 1.7 and 1.8)."""

from __future__ import annotations

import polars as pl

from schemas.formulas import compare_at_precision, typed_decimals
from schemas.rules.base import Context, Found, emit, fmt_num, with_tolerance


def check(ctx: Context) -> list[Found]:
    frame = ctx.tables["sdm"]
    total = pl.col("jumlah").sum().over("submission_id", "kategori")
    frame = frame.with_columns(
        pl.when(total > 0).then(pl.col("jumlah") / total * 100).alias("persen_hitung"),
        total.alias("_total"),
    )
    ctx.tables["sdm"] = frame.drop("_total")
    bad = frame.lazy().filter(
        compare_at_precision(
            pl.col("persen"), pl.col("persen_hitung"), typed_decimals(frame, "persen")
        )
        == "mismatch"
    )
    return [
        emit(
            bad.select(
                "submission_id",
                "sheet",
                "row",
                pl.lit("sdm").alias("table"),
                pl.lit("persen").alias("column"),
                pl.format("{}: {}", pl.col("kategori"), pl.col("uraian")).alias("label"),
                fmt_num(pl.col("persen_hitung")).alias("expected"),
                fmt_num(pl.col("persen")).alias("found"),
                with_tolerance(
                    pl.format("{} / {} x 100", pl.col("jumlah"), pl.col("_total"))
                ).alias("detail"),
            ),
            "SDM001",
            ctx,
        )
    ]
