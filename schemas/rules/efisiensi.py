"""EFI: efficiency as each table prints it, against the formula the table implies.

There is no official formula (docs/domain-rules.md lists four), so these are warnings
that state the formula. The seed decides:

- 3.17 (``program_kegiatan``): ``tingkat_efisiensi = persen_anggaran / 100``, the share
  of the pagu spent. Program 1 prints 95,77 % and 0,96 with a persen kinerja of 105,10,
  which rules out the ratio to the performance (0,91); every other row has 100 %
  kinerja. Several rows are truncated rather than rounded (93,63 -> 0,93; 99,98 ->
  0,99): a figure truncated to two decimals lies within the one-unit tolerance. A figure
  that fits the recomputed serapan or the printed persen_anggaran is accepted: SER001
  already blames a wrong persen_anggaran, this rule only checks the efficiency cell.
- 3.10/3.16 (``efisiensi_sasaran``): ``|persen_capaian - persen_penyerapan|``. 3.10
  prints 98,20 / 100 / 1,80; the narrative calls the figure "efisiensi dalam penggunaan
  anggaran", so kecamatan print the gap with either sign. 3.16 (100 / 97,60 / 7,50)
  fits no formula.

``formulas.efisiensi`` (capaian - serapan) remains the one formula of the consolidated
reports; the recomputed column here (``tingkat_efisiensi_hitung``) is the implied one.
"""

from __future__ import annotations

import polars as pl

from schemas.catalog import Rule, register
from schemas.formulas import compare_at_precision
from schemas.rules.base import Context, detail, emit, fmt_num
from schemas.rules.cross import XTB005
from schemas.rules.hierarchy import HIE001, HIE002

EFI001 = register(Rule(
    "EFI001", "warning",
    "Tingkat efisiensi program/kegiatan tidak sesuai rumusnya",
    "Program/kegiatan efficiency does not follow its formula",
    "Tingkat efisiensi '{label}' di {cell} tertulis {found}; menurut rumus tabel ini {expected} "
    "({detail}).",
    "Efficiency of '{label}' at {cell} says {found}; the table's formula gives {expected} "
    "({detail}).",
    "Periksa {cell}: dengan rumus % Anggaran / 100 nilainya {expected} (dibulatkan atau"
    " dipotong ke 2 desimal).",
    "Check {cell}: with the formula % Anggaran / 100 it is {expected} (rounded or truncated to 2"
    " decimals).",
    tables=("program_kegiatan",),
    formula="Tingkat Efisiensi = % Anggaran / 100 (share of the pagu spent), the formula the"
    " seed's 3.17 implies (e.g. 95,77 gives 0,96; 93,63 gives 0,93); rounding or truncation to two"
    " decimals accepted (within one unit). No official formula: warning",
    follows=(HIE001, HIE002, XTB005),
    details={
        "formula": (
            "% Anggaran / 100, dibulatkan atau dipotong ke desimal cetak",
            "% Anggaran / 100, rounded or truncated to the printed decimals",
        )
    },
))  # fmt: skip
EFI002 = register(Rule(
    "EFI002", "warning",
    "Tingkat efisiensi sasaran tidak sesuai rumus apa pun", "Sasaran efficiency fits no formula",
    "Tingkat efisiensi '{label}' di {cell} tertulis {found}; selisih capaian dan penyerapan"
    " adalah {expected} ({detail}).",
    "Efficiency of '{label}' at {cell} says {found}; the gap between capaian and absorption is"
    " {expected} ({detail}).",
    "Periksa {cell}: selisih % capaian dan % penyerapan (tanpa tanda minus) adalah {expected};"
    " sebutkan rumus yang dipakai di bawah tabel.",
    "Check {cell}: the gap between capaian % and absorption % (without a minus sign) is"
    " {expected}; state the formula under the table.",
    tables=("efisiensi_sasaran",),
    formula="Tingkat Efisiensi = the gap between % Capaian Kinerja and % Penyerapan Anggaran,"
    " without its sign (the seed's 3.10 prints 98,20, 100 and 1,80; kecamatan print the gap with"
    " either sign); the consolidated reports use capaian - serapan. No official formula: warning",
    details={
        "gap": (
            "selisih % Capaian Kinerja dan % Penyerapan Anggaran: {} - {}",
            "the gap between % Capaian Kinerja and % Penyerapan Anggaran: {} - {}",
        )
    },
))  # fmt: skip


def derive_program(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """3.17: tingkat_efisiensi_hitung = persen_anggaran_hitung / 100 (serapan's first)."""
    return frame.with_columns(
        (pl.col("persen_anggaran_hitung") / 100).alias("tingkat_efisiensi_hitung")
    )


def derive_sasaran(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """3.10/3.16: tingkat_efisiensi_hitung = |persen_capaian - persen_penyerapan|."""
    return frame.with_columns(
        (pl.col("persen_capaian") - pl.col("persen_penyerapan"))
        .abs()
        .alias("tingkat_efisiensi_hitung")
    )


def check(ctx: Context) -> list[pl.DataFrame]:
    pk = ctx.tables["program_kegiatan"]
    printed = pl.col("tingkat_efisiensi")
    fits_recomputed = compare_at_precision(printed, pl.col("tingkat_efisiensi_hitung"))
    fits_printed = compare_at_precision(printed, pl.col("persen_anggaran") / 100)
    wrong = (fits_recomputed == "mismatch") & (
        fits_printed.is_null() | (fits_printed == "mismatch")
    )
    program = emit(
        pk.filter(wrong).select(
            "submission_id",
            "sheet",
            "row",
            pl.lit("program_kegiatan").alias("table"),
            pl.lit("tingkat_efisiensi").alias("column"),
            pl.col("nama").alias("label"),
            fmt_num(pl.col("tingkat_efisiensi_hitung")).alias("expected"),
            fmt_num(pl.col("tingkat_efisiensi")).alias("found"),
            detail(EFI001, "formula").alias("detail"),
        ),
        EFI001,
        ctx,
    )
    es = ctx.tables["efisiensi_sasaran"]
    status = compare_at_precision(
        pl.col("tingkat_efisiensi").abs(), pl.col("tingkat_efisiensi_hitung")
    )
    sasaran = emit(
        es.filter(status == "mismatch").select(
            "submission_id",
            "sheet",
            "row",
            pl.lit("efisiensi_sasaran").alias("table"),
            pl.lit("tingkat_efisiensi").alias("column"),
            pl.col("indikator").alias("label"),
            fmt_num(pl.col("tingkat_efisiensi_hitung")).alias("expected"),
            fmt_num(pl.col("tingkat_efisiensi")).alias("found"),
            detail(
                EFI002,
                "gap",
                fmt_num(pl.col("persen_capaian")),
                fmt_num(pl.col("persen_penyerapan")),
            ).alias("detail"),
        ),
        EFI002,
        ctx,
    )
    return [program, sasaran]
