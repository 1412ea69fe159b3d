"""IKM: the community satisfaction index of PermenPAN-RB 14/2017.

``ikm_survei`` is a key/value sheet; it is pivoted once per run into one row per
submission (value and Excel row of every key) so the checks are plain column logic.
"""

from __future__ import annotations

import polars as pl

from schemas.catalog import Rule, register
from schemas.formulas import ikm_mutu, ikm_nilai, round_half_up
from schemas.rules.base import Context, detail, emit, fmt_num

IKM001 = register(Rule(
    "IKM001", "error",
    "Jumlah unsur IKM bukan 9", "Number of IKM unsur is not 9",
    "Tabel unsur IKM ({cell}) memuat {found} unsur, bukan {expected} (PermenPAN-RB 14/2017).",
    "The IKM unsur table ({cell}) has {found} unsur, not {expected} (PermenPAN-RB 14/2017).",
    "Gunakan 9 unsur PermenPAN-RB 14/2017 (persyaratan; prosedur; waktu; biaya; produk;"
    " kompetensi; perilaku; pengaduan; sarana) di {cell}.",
    "Use the 9 unsur of PermenPAN-RB 14/2017 at {cell}.",
    tables=("ikm_unsur",),
    formula="number of unsur = 9",
))  # fmt: skip
IKM002 = register(Rule(
    "IKM002", "error",
    "Nilai IKM tidak sesuai rata-rata unsurnya", "IKM differs from the mean of its unsur",
    "Nilai IKM di {cell} tertulis {found}; rata-rata nilai unsur × 25 = {expected} ({detail}).",
    "The IKM at {cell} says {found}; the mean of the unsur scores × 25 = {expected} ({detail}).",
    "Periksa {cell} dan nilai unsur: dari unsur yang tertulis IKM = {expected}; selisih kecil"
    " wajar bila IKM dihitung dari data responden.",
    "Check {cell} and the unsur: from the unsur as printed the IKM is {expected}; a small gap is"
    " normal when the IKM comes from respondent-level data.",
    tables=("ikm_survei", "ikm_unsur"),
    formula="IKM score = the mean of the unsur scores × 25; a warning while the gap is at most"
    " 1,0 point (configurable), an error beyond; one unit in the last digit is rounding",
    details={
        "mean": (
            "rata-rata {} unsur × 25 = {} × 25; selisih {} (peringatan bila paling besar {})",
            "mean of {} unsur × 25 = {} × 25; gap {} (a warning while at most {})",
        )
    },
))  # fmt: skip
IKM003 = register(Rule(
    "IKM003", "error",
    "Puas + tidak puas tidak sama dengan jumlah responden",
    "Satisfied + unsatisfied differs from respondents",
    "Puas + tidak puas = {expected}, tetapi jumlah responden di {cell} tertulis {found} "
    "({detail}).",
    "Satisfied + unsatisfied = {expected}, but the respondents at {cell} say {found} ({detail}).",
    "Periksa {cell} serta baris puas dan tidak puas: jumlahnya harus {found}.",
    "Check {cell} and the satisfied/unsatisfied rows: they must add up to {found}.",
    tables=("ikm_survei",),
    formula="puas + tidak_puas = jumlah_responden ('-' counted as 0 only when the other part fills"
            " it)",
    details={"parts": ("puas {} + tidak puas {}", "satisfied {} + unsatisfied {}")},
))  # fmt: skip
IKM004 = register(Rule(
    "IKM004", "error",
    "Mutu pelayanan tidak sesuai nilai IKM", "Service quality grade does not match the IKM",
    "Mutu di {cell} tertulis {found}, padahal IKM {detail} bermutu {expected}.",
    "The grade at {cell} says {found}, but an IKM of {detail} is grade {expected}.",
    "Periksa {cell}: IKM {detail} bermutu {expected} (A 88,31-100; B 76,61-88,30; C 65,00-76,60;"
    " D 25,00-64,99).",
    "Check {cell}: an IKM of {detail} is grade {expected}.",
    tables=("ikm_survei",),
    formula="PermenPAN-RB 14/2017: A 88,31-100; B 76,61-88,30; C 65,00-76,60; D 25,00-64,99",
))  # fmt: skip

KEYS = ("jumlah_responden", "puas", "tidak_puas", "nilai_ikm")
MUTU_KEYS = ("mutu", "mutu_pelayanan", "kategori", "kategori_mutu", "predikat")
UNSUR = 9


def survei(ctx: Context) -> pl.DataFrame:
    """One row per submission: ``<key>`` (number), ``<key>_row``, ``mutu`` text and sheet."""
    kv = ctx.tables["ikm_survei"]
    subs = kv.select("submission_id", "sheet").unique("submission_id", maintain_order=True)
    first = kv.unique(["submission_id", "kolom"], keep="first", maintain_order=True)
    out = subs
    for key in KEYS:
        part = first.filter(pl.col("kolom") == key).select(
            "submission_id", pl.col("angka").alias(key), pl.col("row").alias(f"{key}_row")
        )
        out = out.join(part, on="submission_id", how="left")
    mutu = first.filter(pl.col("kolom").is_in(MUTU_KEYS)).unique("submission_id", keep="first")
    return out.join(
        mutu.select(
            "submission_id", pl.col("nilai").alias("mutu"), pl.col("row").alias("mutu_row")
        ),
        on="submission_id",
        how="left",
    )


def _unsur(ctx: Context) -> pl.DataFrame:
    """Per submission: the unsur table's sheet, count, mean and empty cells."""
    return (
        ctx.tables["ikm_unsur"]
        .group_by("submission_id")
        .agg(
            pl.col("sheet").first(),
            pl.len().alias("_n"),
            pl.col("nilai").mean().alias("_mean"),
            pl.col("nilai").null_count().alias("_nulls"),
        )
    )


def _recomputed(ctx: Context, unsur: pl.DataFrame) -> pl.DataFrame:
    """:func:`survei` with the unsur figures and nilai_ikm_hitung = mean x 25."""
    sv = survei(ctx).join(
        unsur.select("submission_id", "_n", "_mean", "_nulls"), on="submission_id", how="left"
    )
    hitung = pl.when(pl.col("_nulls") == 0).then(ikm_nilai(pl.col("_mean")))
    return sv.with_columns(hitung.alias("nilai_ikm_hitung"))


def derive(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """ikm_survei with nilai_hitung on its nilai_ikm row."""
    sv = _recomputed(ctx, _unsur(ctx))
    return frame.join(
        sv.select("submission_id", "nilai_ikm_hitung").with_columns(
            pl.lit("nilai_ikm").alias("kolom")
        ),
        on=["submission_id", "kolom"],
        how="left",
    ).rename({"nilai_ikm_hitung": "nilai_hitung"})


def check(ctx: Context) -> list[pl.DataFrame]:
    unsur = _unsur(ctx)
    out = [
        emit(
            unsur.filter(pl.col("_n") != UNSUR).select(
                "submission_id",
                "sheet",
                pl.lit("ikm_unsur").alias("table"),
                pl.lit("unsur").alias("label"),
                pl.lit(str(UNSUR)).alias("expected"),
                pl.col("_n").cast(pl.String).alias("found"),
            ),
            IKM001,
            ctx,
        )
    ]
    sv = _recomputed(ctx, unsur)
    gap = (pl.col("nilai_ikm") - round_half_up(pl.col("nilai_ikm_hitung"))).abs()
    band = ctx.config.ikm_warning_band
    severity = pl.when(gap <= band + 1e-9).then(pl.lit("warning")).otherwise(pl.lit("error"))
    base: list[str | pl.Expr] = ["submission_id", "sheet", pl.lit("ikm_survei").alias("table")]
    out.append(
        emit(
            sv.filter(gap > 0.01 + 1e-7).select(
                *base,
                pl.col("nilai_ikm_row").alias("row"),
                pl.lit("nilai").alias("column"),
                pl.lit("nilai_ikm").alias("label"),
                fmt_num(pl.col("nilai_ikm_hitung")).alias("expected"),
                fmt_num(pl.col("nilai_ikm")).alias("found"),
                severity.alias("severity"),
                detail(
                    IKM002,
                    "mean",
                    "_n",
                    fmt_num(pl.col("_mean"), 4),
                    fmt_num(gap),
                    pl.lit(f"{band:g}"),
                ).alias("detail"),
            ),
            IKM002,
            ctx,
        )
    )
    parts = pl.col("puas").is_not_null() | pl.col("tidak_puas").is_not_null()
    total = pl.col("puas").fill_null(0) + pl.col("tidak_puas").fill_null(0)
    out.append(
        emit(
            sv.filter(parts & pl.col("jumlah_responden").is_not_null())
            .filter(total != pl.col("jumlah_responden"))
            .select(
                *base,
                pl.col("jumlah_responden_row").alias("row"),
                pl.lit("nilai").alias("column"),
                pl.lit("jumlah_responden").alias("label"),
                fmt_num(total, 0).alias("expected"),
                fmt_num(pl.col("jumlah_responden"), 0).alias("found"),
                detail(
                    IKM003,
                    "parts",
                    fmt_num(pl.col("puas"), 0).fill_null("-"),
                    fmt_num(pl.col("tidak_puas"), 0).fill_null("-"),
                ).alias("detail"),
            ),
            IKM003,
            ctx,
        )
    )
    grade = pl.col("mutu").str.strip_chars().str.to_uppercase().str.extract(r"^([A-D])\b", 1)
    expected = ikm_mutu(pl.col("nilai_ikm"))
    out.append(
        emit(
            sv.filter(grade.is_not_null() & expected.is_not_null() & (grade != expected)).select(
                *base,
                pl.col("mutu_row").alias("row"),
                pl.lit("nilai").alias("column"),
                pl.lit("mutu").alias("label"),
                expected.alias("expected"),
                pl.col("mutu").alias("found"),
                fmt_num(pl.col("nilai_ikm")).alias("detail"),
            ),
            IKM004,
            ctx,
        )
    )
    return out
