"""AKP: the AKIP evaluation (PermenPAN-RB 88/2021; before 2022, 12/2015).

Components are recognised by keyword ('Evaluasi Internal' is the Evaluasi Akuntabilitas
Kinerja Internal component); a component row holding '-' is not a component of that
year's form (the seed's 2024 'Pencapaian Sasaran/Kinerja' row).
"""

from __future__ import annotations

import polars as pl

from schemas.catalog import Rule, register
from schemas.findings import plain_detail
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
    detail,
    emit,
    fmt_num,
    predikat_baku,
)

AKP001 = register(Rule(
    "AKP001", "error",
    "Nilai AKIP tidak sama dengan jumlah komponennya",
    "AKIP score differs from the sum of its components",
    "Nilai AKIP {label} di {cell} tertulis {found}, padahal komponennya berjumlah {expected} "
    "({detail}).",
    "AKIP score {label} at {cell} says {found}, but its components add up to {expected} "
    "({detail}).",
    "Periksa {cell} dan komponen tahun itu: nilai {expected} sama dengan jumlah komponennya.",
    "Check {cell} and that year's components: {expected} equals their sum.",
    tables=("akip_komponen", "akip_nilai"),
    formula="AKIP score (Nilai) = the sum of the component scores of the same year; tolerance"
    " one unit in the last printed digit",
    details={
        "sum": (
            "jumlah {} komponen; toleransi: 1 digit terakhir atau presisi cetak",
            "sum of {} components; tolerance: one unit in the last printed digit, or the "
            "printed precision",
        )
    },
))  # fmt: skip
AKP002 = register(Rule(
    "AKP002", "error",
    "Nilai komponen AKIP melebihi bobotnya", "AKIP component above its weight",
    "Komponen '{label}' di {cell} bernilai {found}, melebihi bobotnya {expected} ({detail}).",
    "Component '{label}' at {cell} scores {found}, above its weight {expected} ({detail}).",
    "Periksa {cell}: nilai komponen paling tinggi {expected}.",
    "Check {cell}: the component scores at most {expected}.",
    tables=("akip_komponen",),
    formula="component score ≤ its weight (Bobot); the weight from the row, else"
    " PermenPAN-RB 88/2021 (30/30/15/25, from 2022) or 12/2015 (30/25/15/10/20, before 2022)",
    details={"printed": ("bobot tertulis", "printed weight")},
))  # fmt: skip
AKP003 = register(Rule(
    "AKP003", "error",
    "Predikat tidak sesuai nilainya", "Predikat does not match the score",
    "Di {cell} nilai {detail} tertulis berpredikat {found}, padahal menurut PermenPAN-RB 88/2021"
    " predikatnya {expected}.",
    "At {cell} the score {detail} carries predikat {found}, but PermenPAN-RB 88/2021 gives "
    "{expected}.",
    "Periksa {cell}: nilai {detail} berpredikat {expected}; bila predikat benar, nilainya salah.",
    "Check {cell}: a score of {detail} is {expected}; if the predikat is right, the score is "
    "wrong.",
    tables=("akip_nilai", "perjanjian_kinerja", "capaian_iku", "tren_iku", "kemajuan_renstra",
            "program_kegiatan"),
    formula=">90-100 AA, >80-90 A, >70-80 BB, >60-70 B, >50-60 CC, >30-50 C, 0-30 D; in the"
    " AKIP score table and every cell holding a score with its predikat ('B (74,15)')",
))  # fmt: skip
AKP004 = register(Rule(
    "AKP004", "error",
    "Susunan komponen AKIP tidak sesuai tahunnya", "AKIP components wrong for the year",
    "Komponen {label} ({cell}) tidak sesuai tahunnya: {detail}.",
    "The components of {label} ({cell}) do not fit the year: {detail}.",
    "Sesuaikan komponen {label} dengan PermenPAN-RB {expected}.",
    "Make the components of {label} those of PermenPAN-RB {expected}.",
    tables=("akip_komponen",),
    formula="from 2022: Perencanaan, Pengukuran, Pelaporan, Evaluasi Akuntabilitas Kinerja "
            "Internal;"
    " before 2022 also Pencapaian Sasaran/Kinerja; each once; a row with '-' is not a component",
    details={
        "unknown": ("komponen tidak dikenal", "unknown component"),
        "duplicate": ("komponen ganda", "duplicate component"),
        "not_in_form": (
            "'{}' tidak ada dalam evaluasi {}", "'{}' is not part of the {} evaluation"
        ),
        "missing": ("tidak ada: {}", "missing: {}"),
    },
))  # fmt: skip

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


def derive_komponen(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """Add kelas (which component of the form) and bobot_hitung (its weight)."""
    frame = frame.with_columns(akip_komponen_kelas(pl.col("komponen")).alias("kelas"))
    return frame.with_columns(
        pl.coalesce("bobot", akip_bobot(pl.col("kelas"), pl.col("tahun"))).alias("bobot_hitung")
    )


def _component_sums(ctx: Context) -> pl.DataFrame:
    """Per (submission, tahun): nilai_hitung = Σ component nilai, and _n components."""
    return (
        ctx.tables["akip_komponen"]
        .filter(pl.col("nilai").is_not_null())
        .group_by("submission_id", "tahun")
        .agg(pl.col("nilai").sum().alias("nilai_hitung"), pl.len().alias("_n"))
    )


def derive_nilai(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """Add nilai_hitung (Σ its components) and predikat_hitung (of the printed nilai)."""
    nilai = frame.join(_component_sums(ctx), on=["submission_id", "tahun"], how="left")
    nilai = nilai.with_columns(akip_predikat(pl.col("nilai")).alias("predikat_hitung"))
    return nilai.drop("_n")


def check(ctx: Context) -> list[Found]:
    komponen = ctx.tables["akip_komponen"]
    out: list[Found] = [_sum(ctx, komponen), _bobot(ctx, komponen), *_predikat(ctx)]
    out.extend(_form(ctx, komponen))
    return out


def _sum(ctx: Context, komponen: pl.DataFrame) -> Found:
    counts = _component_sums(ctx).select("submission_id", "tahun", "_n")
    nilai = ctx.tables["akip_nilai"].join(counts, on=["submission_id", "tahun"], how="left")
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
            detail(AKP001, "sum", "_n").alias("detail"),
            pl.concat_str(
                [pl.col("submission_id"), pl.lit("akip"), pl.col("tahun").cast(pl.String)],
                separator="|",
            ).alias("link_key"),
        ),
        AKP001,
        ctx,
    )


def _bobot(ctx: Context, komponen: pl.DataFrame) -> Found:
    bad = komponen.lazy().filter(pl.col("nilai") > pl.col("bobot_hitung") + 1e-9)
    source = (
        pl.when(pl.col("bobot").is_not_null())
        .then(detail(AKP002, "printed"))
        .otherwise(
            plain_detail(
                pl.when(pl.col("tahun") >= AKIP_FORM_BARU)
                .then(pl.lit("PermenPAN-RB 88/2021"))
                .otherwise(pl.lit("PermenPAN-RB 12/2015"))
            )
        )
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
        AKP002,
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
            AKP003,
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
                AKP003,
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
        .then(detail(AKP004, "unknown"))
        .when(pl.col("_dupes") > 1)
        .then(detail(AKP004, "duplicate"))
        .otherwise(detail(AKP004, "not_in_form", "komponen", "tahun"))
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
        AKP004,
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
            detail(AKP004, "missing", "_missing").alias("detail"),
        ),
        AKP004,
        ctx,
    )
    return [rows, gaps]
