"""SDM: staff percentages per kategori (tables 1.7 and 1.8)."""

from __future__ import annotations

import polars as pl

from schemas.catalog import Rule, register
from schemas.formulas import compare_at_precision, typed_decimals
from schemas.rules.base import Context, Found, detail, emit, fmt_num

SDM001 = register(Rule(
    "SDM001", "error",
    "Persentase pegawai salah hitung", "Staff percentage miscalculated",
    "Persentase '{label}' di {cell} tertulis {found}, hasil hitung {expected} ({detail}).",
    "The percentage of '{label}' at {cell} says {found}; recomputed {expected} ({detail}).",
    "Periksa {cell} dan jumlah di barisnya: {expected} sesuai dengan jumlah yang tertulis.",
    "Check {cell} and the count on its row: {expected} agrees with the counts as printed.",
    tables=("sdm",),
    formula="% = Jumlah / the sum of Jumlah in its kategori × 100; tolerance one unit in the last"
    " printed digit, or the printed precision ('1,9')",
    details={
        "share": (
            "{0} / {1} × 100, {1} = jumlah pegawai kategorinya; toleransi: 1 digit terakhir atau"
            " presisi cetak",
            "{0} / {1} × 100, {1} = the staff of its kategori; tolerance: one unit in the last"
            " printed digit, or the printed precision",
        )
    },
))  # fmt: skip


_TOTAL = pl.col("jumlah").sum().over("submission_id", "kategori")


def derive(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """Add persen_hitung: each row's share of its kategori."""
    return frame.with_columns(
        pl.when(_TOTAL > 0).then(pl.col("jumlah") / _TOTAL * 100).alias("persen_hitung")
    )


def check(ctx: Context) -> list[Found]:
    frame = ctx.tables["sdm"].with_columns(_TOTAL.alias("_total"))
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
                detail(SDM001, "share", "jumlah", "_total").alias("detail"),
            ),
            SDM001,
            ctx,
        )
    ]
