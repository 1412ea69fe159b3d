"""HIE: program > kegiatan > sub_kegiatan in table 3.17.

The parent of a row is the nearest row above it (same submission, row order) of the
next higher tingkat, found with a forward fill over each submission, never a loop:
a kegiatan's parent is the last program above it; a sub_kegiatan's parent is the last
kegiatan above it provided that kegiatan comes after the last program.
"""

from __future__ import annotations

import polars as pl

from schemas.rules.base import MONEY, Context, Found, emit, fmt_money, tingkat_baku

TABLE = "program_kegiatan"
AMOUNTS = (
    ("pagu", "pagu_anak", "pagu"),
    ("realisasi_anggaran", "realisasi_anggaran_anak", "realisasi"),
)


def enrich(ctx: Context) -> None:
    """Add tingkat_baku, program_row, parent_row and the children's sums to 3.17."""
    frame = ctx.tables[TABLE]
    frame = frame[frame.select(pl.arg_sort_by("submission_id", "row")).to_series()]
    tingkat = pl.col("tingkat_baku")
    row = pl.col("row")
    frame = frame.with_columns(tingkat_baku(pl.col("tingkat")).alias("tingkat_baku"))
    frame = frame.with_columns(
        pl.when(tingkat == "program")
        .then(row)
        .otherwise(None)
        .forward_fill()
        .over("submission_id")
        .alias("program_row"),
        pl.when(tingkat == "kegiatan")
        .then(row)
        .otherwise(None)
        .forward_fill()
        .over("submission_id")
        .alias("_kegiatan_above"),
    )
    kegiatan_ok = pl.col("_kegiatan_above").is_not_null() & (
        pl.col("program_row").is_null() | (pl.col("_kegiatan_above") > pl.col("program_row"))
    )
    parent = (
        pl.when(tingkat == "kegiatan")
        .then(pl.col("program_row"))
        .when((tingkat == "sub_kegiatan") & kegiatan_ok)
        .then(pl.col("_kegiatan_above"))
        .otherwise(None)
    )
    frame = frame.with_columns(
        parent.alias("parent_row"),
        pl.when(tingkat.is_in(["program", "kegiatan", "sub_kegiatan"]))
        .then(pl.col("program_row"))
        .otherwise(None)
        .alias("program_row"),
    ).drop("_kegiatan_above")
    children = (
        frame.filter(pl.col("parent_row").is_not_null())
        .group_by("submission_id", "parent_row")
        .agg(
            pl.len().alias("_n"),
            *[pl.col(col).count().alias(f"_n_{col}") for col, _, _ in AMOUNTS],
            *[pl.col(col).sum().alias(anak) for col, anak, _ in AMOUNTS],
        )
    )
    complete = [
        pl.when(pl.col(f"_n_{col}") == pl.col("_n")).then(pl.col(anak).cast(MONEY)).alias(anak)
        for col, anak, _ in AMOUNTS
    ]
    children = children.with_columns(complete).rename({"parent_row": "row"})
    # join the keys only and place the sums beside the frame: no copy of its other columns
    sums = (
        frame.select("submission_id", "row")
        .join(
            children.select("submission_id", "row", "_n", *[anak for _, anak, _ in AMOUNTS]),
            on=["submission_id", "row"],
            how="left",
            maintain_order="left",
        )
        .select(pl.col("_n").alias("jumlah_anak"), *[anak for _, anak, _ in AMOUNTS])
    )
    ctx.tables[TABLE] = pl.concat([frame, sums], how="horizontal")


def check(ctx: Context) -> list[Found]:
    frame = ctx.tables[TABLE]
    out: list[Found] = []
    for tingkat, code in (("program", "HIE001"), ("kegiatan", "HIE002")):
        rows = frame.lazy().filter(pl.col("tingkat_baku") == tingkat)
        for col, anak, kind in AMOUNTS:
            bad = rows.filter(
                pl.col(col).is_not_null()
                & pl.col(anak).is_not_null()
                & (pl.col(col) != pl.col(anak))
            )
            out.append(
                emit(
                    bad.select(
                        "submission_id",
                        "sheet",
                        "row",
                        pl.lit(TABLE).alias("table"),
                        pl.lit(col).alias("column"),
                        pl.col("nama").alias("label"),
                        fmt_money(pl.col(anak)).alias("expected"),
                        fmt_money(pl.col(col)).alias("found"),
                        pl.format(
                            "Σ {} {} ({}) || Σ {} of {} {} rows",
                            pl.lit(col),
                            pl.lit("sub_kegiatan" if tingkat == "kegiatan" else "kegiatan"),
                            pl.col("jumlah_anak"),
                            pl.lit(col),
                            pl.col("jumlah_anak"),
                            pl.lit("sub_kegiatan" if tingkat == "kegiatan" else "kegiatan"),
                        ).alias("detail"),
                        (pl.col(col).cast(pl.Decimal(38, 2)) - pl.col(anak)).abs().alias("amount"),
                        pl.lit(kind).alias("amount_kind"),
                    ),
                    code,
                    ctx,
                )
            )
    out.append(_structure(frame, ctx))
    out.append(_kode(frame, ctx))
    return out


def _structure(frame: pl.DataFrame, ctx: Context) -> Found:
    tingkat = pl.col("tingkat_baku")
    detail = (
        pl.when(tingkat.is_null())
        .then(pl.lit("tingkat kosong || tingkat missing"))
        .when(tingkat == "kegiatan")
        .then(pl.lit("kegiatan tanpa program di atasnya || kegiatan before any program"))
        .otherwise(
            pl.lit(
                "sub_kegiatan tanpa kegiatan di atasnya dalam programnya"
                " || sub_kegiatan before any kegiatan of its program"
            )
        )
    )
    expected = (
        pl.when(tingkat.is_null())
        .then(pl.lit("program | kegiatan | sub_kegiatan"))
        .when(tingkat == "kegiatan")
        .then(pl.lit("program"))
        .otherwise(pl.lit("kegiatan"))
    )
    bad = frame.lazy().filter(
        tingkat.is_null()
        | (tingkat.is_in(["kegiatan", "sub_kegiatan"]) & pl.col("parent_row").is_null())
    )
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit(TABLE).alias("table"),
            pl.lit("tingkat").alias("column"),
            pl.col("nama").alias("label"),
            expected.alias("expected"),
            pl.col("tingkat").alias("found"),
            detail.alias("detail"),
        ),
        "HIE003",
        ctx,
    )


def _kode(frame: pl.DataFrame, ctx: Context) -> Found:
    lazy = frame.lazy().select("submission_id", "sheet", "row", "nama", "kode", "parent_row")
    parents = lazy.select(
        "submission_id", pl.col("row").alias("parent_row"), pl.col("kode").alias("kode_induk")
    )
    rows = lazy.filter(pl.col("kode").is_not_null() & pl.col("parent_row").is_not_null()).join(
        parents, on=["submission_id", "parent_row"], how="inner"
    )
    kode = pl.col("kode").str.strip_chars()
    induk = pl.col("kode_induk").str.strip_chars()
    bad = rows.filter(induk.is_not_null() & ~kode.str.starts_with(induk + "."))
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit(TABLE).alias("table"),
            pl.lit("kode").alias("column"),
            pl.col("nama").alias("label"),
            (induk + ".…").alias("expected"),
            kode.alias("found"),
            pl.format("induk/parent: baris/row {}", pl.col("parent_row")).alias("detail"),
        ),
        "HIE004",
        ctx,
    )
