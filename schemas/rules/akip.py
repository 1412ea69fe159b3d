"""AKP: the AKIP evaluation (PermenPAN-RB 88/2021; before 2022, 12/2015).

Components are recognised by keyword ('Evaluasi Internal' is the Evaluasi Akuntabilitas
Kinerja Internal component); a component row holding '-' is not a component of that
year's form (the seed's 2024 'Pencapaian Sasaran/Kinerja' row).
"""

from __future__ import annotations

import polars as pl

from schemas.formulas import (
    AKIP_BOBOT,
    AKIP_BOBOT_LAMA,
    AKIP_FORM_BARU,
    akip_bobot,
    akip_komponen_kelas,
    akip_predikat,
    compare_at_precision,
    typed_decimals,
)
from schemas.rules.base import (
    Context,
    Found,
    emit,
    fmt_num,
    predikat_baku,
    with_tolerance,
)

# Every cell that can hold a score with its predikat ('B (74,15)').
MEASURES = (
    ("perjanjian_kinerja", "target", "indikator"),
    ("capaian_iku", "target", "indikator"),
    ("capaian_iku", "realisasi", "indikator"),
    ("tren_iku", "target", "indikator"),
    ("tren_iku", "realisasi", "indikator"),
    ("kemajuan_renstra", "realisasi", "indikator"),
    ("kemajuan_renstra", "target_akhir", "indikator"),
    ("program_kegiatan", "target_kinerja", "nama"),
    ("program_kegiatan", "realisasi_kinerja", "nama"),
)


def check(ctx: Context) -> list[Found]:
    komponen = ctx.tables["akip_komponen"].with_columns(
        akip_komponen_kelas(pl.col("komponen")).alias("kelas")
    )
    komponen = komponen.with_columns(
        pl.coalesce("bobot", akip_bobot(pl.col("kelas"), pl.col("tahun"))).alias("bobot_hitung")
    )
    ctx.tables["akip_komponen"] = komponen
    out: list[Found] = [_sum(ctx, komponen), _bobot(ctx, komponen), *_predikat(ctx)]
    out.extend(_form(ctx, komponen))
    return out


def _sum(ctx: Context, komponen: pl.DataFrame) -> Found:
    sums = (
        komponen.filter(pl.col("nilai").is_not_null())
        .group_by("submission_id", "tahun")
        .agg(pl.col("nilai").sum().alias("nilai_hitung"), pl.len().alias("_n"))
    )
    nilai = ctx.tables["akip_nilai"].join(sums, on=["submission_id", "tahun"], how="left")
    nilai = nilai.with_columns(akip_predikat(pl.col("nilai")).alias("predikat_hitung"))
    ctx.tables["akip_nilai"] = nilai.drop("_n")
    bad = nilai.lazy().filter(
        compare_at_precision(
            pl.col("nilai"), pl.col("nilai_hitung"), typed_decimals(nilai, "nilai")
        )
        == "mismatch"
    )
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit("akip_nilai").alias("table"),
            pl.lit("nilai").alias("column"),
            pl.col("tahun").cast(pl.String).alias("label"),
            fmt_num(pl.col("nilai_hitung")).alias("expected"),
            fmt_num(pl.col("nilai")).alias("found"),
            with_tolerance(pl.format("Σ {} komponen/components", pl.col("_n"))).alias("detail"),
            pl.concat_str(
                [pl.col("submission_id"), pl.lit("akip"), pl.col("tahun").cast(pl.String)],
                separator="|",
            ).alias("link_key"),
        ),
        "AKP001",
        ctx,
    )


def _bobot(ctx: Context, komponen: pl.DataFrame) -> Found:
    bad = komponen.lazy().filter(pl.col("nilai") > pl.col("bobot_hitung") + 1e-9)
    source = (
        pl.when(pl.col("bobot").is_not_null())
        .then(pl.lit("bobot tertulis || printed weight"))
        .when(pl.col("tahun") >= AKIP_FORM_BARU)
        .then(pl.lit("PermenPAN-RB 88/2021"))
        .otherwise(pl.lit("PermenPAN-RB 12/2015"))
    )
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit("akip_komponen").alias("table"),
            pl.lit("nilai").alias("column"),
            pl.format("{} {}", pl.col("komponen"), pl.col("tahun")).alias("label"),
            fmt_num(pl.col("bobot_hitung")).alias("expected"),
            fmt_num(pl.col("nilai")).alias("found"),
            source.alias("detail"),
        ),
        "AKP002",
        ctx,
    )


def _predikat(ctx: Context) -> list[Found]:
    out: list[Found] = []
    nilai = ctx.tables["akip_nilai"]
    printed = predikat_baku(pl.col("predikat"))
    bad = nilai.lazy().filter(
        printed.is_not_null()
        & pl.col("predikat_hitung").is_not_null()
        & (printed != pl.col("predikat_hitung"))
    )
    out.append(
        emit(
            bad.select(
                "submission_id",
                "sheet",
                "row",
                pl.lit("akip_nilai").alias("table"),
                pl.lit("predikat").alias("column"),
                pl.format("AKIP {}", pl.col("tahun")).alias("label"),
                pl.col("predikat_hitung").alias("expected"),
                pl.col("predikat").alias("found"),
                fmt_num(pl.col("nilai")).alias("detail"),
            ),
            "AKP003",
            ctx,
        )
    )
    for table, column, label in MEASURES:
        frame = ctx.tables[table]
        pred = pl.col(f"{column}_predikat")
        expected = akip_predikat(pl.col(column))
        # the band is computed only for the few cells that carry a predikat
        typed = frame.select(
            "submission_id", "sheet", "row", label, column, f"{column}_predikat"
        ).filter(pl.col(column).is_not_null() & pred.is_not_null())
        out.append(
            emit(
                typed.lazy()
                .filter(pred != expected)
                .select(
                    "submission_id",
                    "sheet",
                    "row",
                    pl.lit(table).alias("table"),
                    pl.lit(column).alias("column"),
                    pl.col(label).alias("label"),
                    expected.alias("expected"),
                    pred.alias("found"),
                    fmt_num(pl.col(column)).alias("detail"),
                ),
                "AKP003",
                ctx,
            )
        )
    return out


def _form(ctx: Context, komponen: pl.DataFrame) -> list[pl.DataFrame]:
    """AKP004: unknown, duplicate or out-of-form components, and missing ones."""
    present = komponen.filter(pl.col("nilai").is_not_null())
    baru = pl.col("tahun") >= AKIP_FORM_BARU
    allowed = pl.when(baru).then(pl.lit(list(AKIP_BOBOT))).otherwise(pl.lit(list(AKIP_BOBOT_LAMA)))
    present = present.with_columns(
        pl.len().over("submission_id", "tahun", "kelas").alias("_dupes"),
        allowed.alias("_allowed"),
    )
    wrong = present.filter(
        pl.col("kelas").is_null()
        | ~pl.col("_allowed").list.contains(pl.col("kelas"))
        | (pl.col("_dupes") > 1)
    )
    why = (
        pl.when(pl.col("kelas").is_null())
        .then(pl.lit("komponen tidak dikenal || unknown component"))
        .when(pl.col("_dupes") > 1)
        .then(pl.lit("komponen ganda || duplicate component"))
        .otherwise(
            pl.format(
                "'{}' tidak ada dalam evaluasi {} || '{}' is not part of the {} evaluation",
                pl.col("komponen"),
                pl.col("tahun"),
                pl.col("komponen"),
                pl.col("tahun"),
            )
        )
    )
    expected = (
        pl.when(baru)
        .then(pl.lit("88/2021: " + ", ".join(AKIP_BOBOT)))
        .otherwise(pl.lit("12/2015: " + ", ".join(AKIP_BOBOT_LAMA)))
    )
    rows = emit(
        wrong.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit("akip_komponen").alias("table"),
            pl.lit("komponen").alias("column"),
            pl.format("AKIP {}", pl.col("tahun")).alias("label"),
            expected.alias("expected"),
            pl.col("komponen").alias("found"),
            why.alias("detail"),
        ),
        "AKP004",
        ctx,
    )
    required = pl.DataFrame({"kelas": list(AKIP_BOBOT)})
    years = present.select("submission_id", "tahun", "sheet").unique(["submission_id", "tahun"])
    keys = ["submission_id", "tahun", "kelas"]
    missing = (
        years.join(required, how="cross")
        .join(present.select(keys), on=keys, how="anti")
        .group_by("submission_id", "tahun", "sheet")
        .agg(pl.col("kelas").sort().str.join(", ").alias("_missing"))
    )
    gaps = emit(
        missing.select(
            "submission_id",
            "sheet",
            pl.lit("akip_komponen").alias("table"),
            pl.format("AKIP {}", pl.col("tahun")).alias("label"),
            pl.when(pl.col("tahun") >= AKIP_FORM_BARU)
            .then(pl.lit("88/2021: " + ", ".join(AKIP_BOBOT)))
            .otherwise(pl.lit("12/2015: " + ", ".join(AKIP_BOBOT_LAMA)))
            .alias("expected"),
            pl.format("tidak ada: {} || missing: {}", pl.col("_missing"), pl.col("_missing")).alias(
                "detail"
            ),
        ),
        "AKP004",
        ctx,
    )
    return [rows, gaps]
