"""TOT: every declared JUMLAH/TOTAL against the sum of its rows, to the sen.

Sums are grouped per submission (and per kategori for sdm) in one pass per table;
money stays Decimal throughout. A money column whose rows have an empty cell is not
summed (SCH002 already blames the empty cell, a partial sum would blame the total too).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from schemas.catalog import Rule, register
from schemas.formulas import compare_at_precision, serapan, typed_decimals
from schemas.rules.base import (
    MONEY,
    SUM_MONEY,
    Context,
    Found,
    detail,
    emit,
    empty_internal,
    fmt_money,
    fmt_num,
    in_words,
    with_tolerance,
)
from schemas.text import header_label

TOT001 = register(Rule(
    "TOT001", "error",
    "Jumlah tidak sama dengan rinciannya", "Declared total differs from its rows",
    "{label} di {cell} tertulis {found}, padahal jumlah rinciannya {expected} ({detail}).",
    "{label} at {cell} says {found}, but its rows add up to {expected} ({detail}).",
    "Periksa {cell} dan baris rinciannya: jumlah {expected} akan sama dengan rinciannya;"
    " bila jumlah yang tertulis benar, salah satu baris rincian salah.",
    "Check {cell} and the rows above it: {expected} would equal the rows; if the declared"
    " total is right, one of the rows is wrong.",
    tables=("anggaran_program", "rencana_belanja", "realisasi_belanja", "program_kegiatan", "sdm"),
    formula="declared JUMLAH/TOTAL = sum of the detail rows, exact to the sen (program table:"
    " sum of the program rows; sdm: per kategori, '-' and empty counted as none)",
    rank=5,
    details={"rows": ("jumlah {0} dari {1} baris rincian", "sum of {0} over {1} detail rows")},
))  # fmt: skip
TOT002 = register(Rule(
    "TOT002", "error",
    "Jumlah yang dinyatakan tidak ada", "Declared total missing",
    "Sheet '{sheet}' tidak memuat baris {label} untuk kolom '{column}' ({cell}); jumlah "
    "rinciannya {expected}.",
    "Sheet '{sheet}' has no {label} row for the column '{column}' ({cell}); its rows add up to "
    "{expected}.",
    "Tambahkan atau isi baris JUMLAH/TOTAL di {cell} seperti tercetak di laporan (jumlah "
    "rinciannya: {expected}).",
    "Add or fill the JUMLAH/TOTAL row at {cell} as printed in the report (the rows: {expected}).",
    tables=("anggaran_program", "rencana_belanja", "realisasi_belanja", "program_kegiatan", "sdm"),
    formula="a declared total row exists and its money or count cell is filled",
    details={
        "empty": ("sel kosong", "empty cell"),
        "no_row": ("baris jumlah tidak ada", "no total row"),
    },
))  # fmt: skip
TOT003 = register(Rule(
    "TOT003", "error",
    "Persentase baris jumlah salah", "Percentage on the total row is wrong",
    "Persentase di {cell} tertulis {found}, hasil hitung {expected} ({detail}).",
    "The percentage at {cell} says {found}; recomputed {expected} ({detail}).",
    "Periksa {cell}: {expected} sesuai dengan angka jumlah di baris yang sama.",
    "Check {cell}: {expected} agrees with the totals on the same row.",
    tables=("realisasi_belanja", "program_kegiatan", "sdm"),
    formula="total realisasi / total anggaran × 100 from the total row's own figures (sums when"
    " empty); sdm total % = 100; tolerance one unit in the last printed digit",
    follows=(TOT001,),
))  # fmt: skip


@dataclass(frozen=True)
class Sum:
    table: str
    column: str
    kind: str | None  # amount kind for root-cause linking; None: not money
    label: str  # the declared total's label column
    by: tuple[str, ...] = ()
    program_rows_only: bool = False
    nulls_are_zero: bool = False


SUMS = (
    Sum("anggaran_program", "anggaran", "pagu", "program"),
    Sum("rencana_belanja", "anggaran", "pagu", "jenis_belanja"),
    Sum("realisasi_belanja", "anggaran", "pagu", "jenis_belanja"),
    Sum("realisasi_belanja", "realisasi", "realisasi", "jenis_belanja"),
    Sum("program_kegiatan", "pagu", "pagu", "nama", program_rows_only=True),
    Sum("program_kegiatan", "realisasi_anggaran", "realisasi", "nama", program_rows_only=True),
    Sum("sdm", "jumlah", None, "uraian", by=("kategori",), nulls_are_zero=True),
)


def detail_rows(ctx: Context, spec: Sum) -> pl.DataFrame:
    if spec.program_rows_only and spec.table == "program_kegiatan":
        return ctx.program_rows()
    frame = ctx.tables[spec.table]
    if spec.program_rows_only:
        frame = frame.filter(pl.col("tingkat_baku") == "program")
    return frame


def sums(ctx: Context, spec: Sum) -> pl.DataFrame:
    """Per submission (and ``by``): ``_sum`` of the column, null when a cell is empty."""
    col = pl.col(spec.column)
    total = col.sum()
    if spec.column != "jumlah":
        total = total.cast(SUM_MONEY)
    if not spec.nulls_are_zero:
        total = pl.when(col.null_count() == 0).then(total)
    return (
        detail_rows(ctx, spec)
        .group_by("submission_id", *spec.by, maintain_order=True)
        .agg(total.alias("_sum"), pl.len().alias("_rows"))
    )


# table -> (printed %, pagu, realisasi) of its total row's percentage (TOT003); sdm: 100
PERCENTAGES = {
    "realisasi_belanja": ("persen", "anggaran", "realisasi"),
    "program_kegiatan": ("persen_anggaran", "pagu", "realisasi_anggaran"),
}


def derive(table: str) -> Callable[[pl.DataFrame, Context], pl.DataFrame]:
    """The step adding to ``table``'s declared totals ``<column>_hitung`` (Σ its rows,
    for each of its SUMS) and the recomputed percentage of the total row."""

    def step(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
        for spec in SUMS:
            if spec.table != table:
                continue
            keys = ["submission_id", *spec.by]
            summed = sums(ctx, spec).select(*keys, pl.col("_sum"))
            frame = frame.join(summed, on=keys, how="left").with_columns(
                pl.col("_sum").cast(MONEY if spec.kind else pl.Int64).alias(f"{spec.column}_hitung")
            )
            frame = frame.drop("_sum")
        if table in PERCENTAGES:
            pct, pagu, real = PERCENTAGES[table]
            hitung = serapan(
                pl.coalesce(pl.col(pagu), pl.col(f"{pagu}_hitung")),
                pl.coalesce(pl.col(real), pl.col(f"{real}_hitung")),
            )
            frame = frame.with_columns(hitung.alias(f"{pct}_hitung"))
        elif table == "sdm":
            hundred = pl.when(pl.col("jumlah_hitung") > 0).then(pl.lit(100.0))
            frame = frame.with_columns(hundred.alias("persen_hitung"))
        return frame

    return step


def check(ctx: Context) -> list[Found]:
    out: list[Found] = []
    for spec in SUMS:
        keys = ["submission_id", *spec.by]
        summed = sums(ctx, spec)
        declared = ctx.totals[spec.table].join(
            summed.select(*keys, "_sum", "_rows"), on=keys, how="left"
        )
        fmt = fmt_money if spec.kind else (lambda e: e.cast(pl.String))
        base: list[str | pl.Expr] = [
            "submission_id",
            "sheet",
            "row",
            pl.lit(spec.table).alias("table"),
            pl.lit(spec.column).alias("column"),
            pl.col(spec.label).alias("label"),
            fmt(pl.col("_sum")).alias("expected"),
        ]
        wrong = declared.lazy().filter(
            pl.col(spec.column).is_not_null()
            & pl.col("_sum").is_not_null()
            & (pl.col(spec.column) != pl.col("_sum"))
        )
        amount = (pl.col(spec.column).cast(SUM_MONEY) - pl.col("_sum").cast(SUM_MONEY)).abs()
        out.append(
            emit(
                wrong.select(
                    *base,
                    fmt(pl.col(spec.column)).alias("found"),
                    detail(
                        TOT001, "rows", pl.lit(header_label(spec.table, spec.column)), "_rows"
                    ).alias("detail"),
                    *([amount.alias("amount"), pl.lit(spec.kind).alias("amount_kind")]
                      if spec.kind else []),
                ),
                TOT001,
                ctx,
            )
        )  # fmt: skip
        empty_cell = declared.lazy().filter(
            pl.col(spec.column).is_null() & pl.col("_sum").is_not_null()
        )
        out.append(
            emit(
                empty_cell.select(
                    *base,
                    pl.lit(None, dtype=pl.String).alias("found"),
                    detail(TOT002, "empty").alias("detail"),
                ),
                TOT002,
                ctx,
            )
        )
        missing = summed.join(ctx.totals[spec.table].select(keys).unique(), on=keys, how="anti")
        missing = missing.filter(pl.col("_sum").is_not_null() & (pl.col("_rows") > 0))
        sheets = detail_rows(ctx, spec).group_by("submission_id").agg(pl.col("sheet").first())
        label = pl.format("JUMLAH {}", pl.col(spec.by[0])) if spec.by else pl.lit("JUMLAH/TOTAL")
        out.append(
            emit(
                missing.join(sheets, on="submission_id", how="left").select(
                    "submission_id",
                    "sheet",
                    pl.lit(None, dtype=pl.Int64).alias("row"),
                    pl.lit(spec.table).alias("table"),
                    pl.lit(spec.column).alias("column"),
                    label.alias("label"),
                    fmt(pl.col("_sum")).alias("expected"),
                    detail(TOT002, "no_row").alias("detail"),
                ),
                TOT002,
                ctx,
            )
        )
    out.extend(_percentages(ctx))
    return out


def _percentages(ctx: Context) -> list[Found]:
    """TOT003 on the total rows, from each row's own declared figures (sums when empty)."""
    out: list[Found] = []
    for table, label in (("realisasi_belanja", "jenis_belanja"), ("program_kegiatan", "nama")):
        pct, pagu, real = PERCENTAGES[table]
        formula = in_words(table, f"{{{pct}}} = {{{real}}} / {{{pagu}}} × 100")
        out.append(_compare(ctx.totals[table], table, pct, label, formula, ctx))
    out.append(_compare(ctx.totals["sdm"], "sdm", "persen", "uraian", "% = 100", ctx))
    return out


def _compare(
    frame: pl.DataFrame, table: str, pct: str, label: str, formula: str, ctx: Context
) -> Found:
    if frame.height == 0:
        return empty_internal()
    status = compare_at_precision(pl.col(pct), pl.col(f"{pct}_hitung"), typed_decimals(frame, pct))
    bad = frame.lazy().filter(status == "mismatch")
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit(table).alias("table"),
            pl.lit(pct).alias("column"),
            pl.col(label).alias("label"),
            fmt_num(pl.col(f"{pct}_hitung")).alias("expected"),
            fmt_num(pl.col(pct)).alias("found"),
            with_tolerance(formula).alias("detail"),
        ),
        TOT003,
        ctx,
    )
