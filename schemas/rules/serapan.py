"""SER: budget absorption (realisasi / pagu) and over-spending."""

from __future__ import annotations

import polars as pl

from schemas.formulas import compare_at_precision, serapan, typed_decimals
from schemas.rules.base import SUM_MONEY, Context, Found, emit, fmt_money, fmt_num, with_tolerance

# (table, pagu, realisasi, printed %, label, rule for the %)
SPECS = (
    ("program_kegiatan", "pagu", "realisasi_anggaran", "persen_anggaran", "nama", "SER001"),
    ("realisasi_belanja", "anggaran", "realisasi", "persen", "jenis_belanja", "SER002"),
)


def check(ctx: Context) -> list[Found]:
    out: list[Found] = []
    for table, pagu, real, pct, label, code in SPECS:
        hitung = f"{pct}_hitung"
        frame = ctx.tables[table].with_columns(serapan(pl.col(pagu), pl.col(real)).alias(hitung))
        ctx.tables[table] = frame
        base: list[str | pl.Expr] = [
            "submission_id",
            "sheet",
            "row",
            pl.lit(table).alias("table"),
            pl.col(label).alias("label"),
        ]
        bad = frame.lazy().filter(
            compare_at_precision(pl.col(pct), pl.col(hitung), typed_decimals(frame, pct))
            == "mismatch"
        )
        out.append(
            emit(
                bad.select(
                    *base,
                    pl.lit(pct).alias("column"),
                    fmt_num(pl.col(hitung)).alias("expected"),
                    fmt_num(pl.col(pct)).alias("found"),
                    with_tolerance(f"{pct} = {real} / {pagu} x 100").alias("detail"),
                ),
                code,
                ctx,
            )
        )
        over = frame.lazy().filter(pl.col(real) > pl.col(pagu))
        excess = pl.col(real).cast(SUM_MONEY) - pl.col(pagu).cast(SUM_MONEY)
        out.append(
            emit(
                over.select(
                    *base,
                    pl.lit(real).alias("column"),
                    fmt_money(pl.col(pagu)).alias("expected"),
                    fmt_money(pl.col(real)).alias("found"),
                    pl.format(
                        "lebih {} ({}%) || over by {} ({}%)",
                        fmt_money(excess),
                        fmt_num(pl.col(hitung)),
                        fmt_money(excess),
                        fmt_num(pl.col(hitung)),
                    ).alias("detail"),
                ),
                "SER003",
                ctx,
            )
        )
    return out
