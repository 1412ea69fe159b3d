"""SER: budget absorption (realisasi / pagu) and over-spending."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from schemas.catalog import Rule, register
from schemas.formulas import compare_at_precision, serapan, typed_decimals
from schemas.rules.base import (
    SUM_MONEY,
    Context,
    Found,
    detail,
    emit,
    fmt_money,
    fmt_num,
    in_words,
    with_tolerance,
)
from schemas.rules.cross import XTB005
from schemas.rules.hierarchy import HIE001, HIE002


def _serapan_rule(
    code: str,
    table: str,
    title_id: str,
    title_en: str,
    formula: str,
    follows: tuple[Rule, ...] = (),
) -> Rule:
    """SER001 and SER002 differ only in the table and its columns."""
    return register(Rule(
        code, "error", title_id, title_en,
        "Serapan '{label}' di {cell} tertulis {found}, hasil hitung {expected} ({detail}).",
        "Absorption of '{label}' at {cell} says {found}; recomputed {expected} ({detail}).",
        "Periksa {cell} serta pagu dan realisasi di barisnya: {expected} sesuai dengan angka rupiah"
        " yang tertulis.",
        "Check {cell} and the budget and spending on its row: {expected} agrees with the rupiah as"
        " printed.",
        tables=(table,),
        formula=f"{formula}; tolerance one unit in the last printed digit (or the printed "
                 "precision)",
        follows=follows,
    ))  # fmt: skip


SER001 = _serapan_rule(
    "SER001",
    "program_kegiatan",
    "Persen anggaran program/kegiatan salah hitung",
    "Program/kegiatan budget % miscalculated",
    "% Anggaran = Realisasi Anggaran (Rp) / Pagu (Rp) × 100",
    follows=(HIE001, HIE002, XTB005),
)
SER002 = _serapan_rule(
    "SER002",
    "realisasi_belanja",
    "Persen realisasi belanja salah hitung",
    "Spending % miscalculated",
    "% = Realisasi (Rp) / Anggaran (Rp) × 100",
)
SER003 = register(Rule(
    "SER003", "error",
    "Realisasi melebihi pagu", "Spending above budget",
    "Realisasi '{label}' di {cell} sebesar {found} melebihi pagunya {expected} ({detail}).",
    "Spending of '{label}' at {cell}, {found}, exceeds its budget {expected} ({detail}).",
    "Periksa {cell}: realisasi tidak boleh melebihi {expected}; bila pagu berubah (APBD-P),"
    " perbarui pagunya.",
    "Check {cell}: spending cannot exceed {expected}; if the budget was revised (APBD-P), update "
    "it.",
    tables=("program_kegiatan", "realisasi_belanja"),
    formula="Realisasi Anggaran (Rp) ≤ Pagu (Rp) on every program, kegiatan and sub kegiatan row;"
    " Realisasi (Rp) ≤ Anggaran (Rp) on every belanja row",
    follows=(HIE001, HIE002, XTB005),
    details={"over": ("lebih {} (serapan {}%)", "over by {} (absorption {}%)")},
))  # fmt: skip

# (table, pagu, realisasi, printed %, label, rule for the %)
SPECS = (
    ("program_kegiatan", "pagu", "realisasi_anggaran", "persen_anggaran", "nama", SER001),
    ("realisasi_belanja", "anggaran", "realisasi", "persen", "jenis_belanja", SER002),
)


def derive(table: str) -> Callable[[pl.DataFrame, Context], pl.DataFrame]:
    """The step adding ``<printed %>_hitung`` = realisasi / pagu x 100 to ``table``."""
    _, pagu, real, pct, _, _ = next(spec for spec in SPECS if spec[0] == table)

    def step(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
        return frame.with_columns(serapan(pl.col(pagu), pl.col(real)).alias(f"{pct}_hitung"))

    return step


def check(ctx: Context) -> list[Found]:
    out: list[Found] = []
    for table, pagu, real, pct, label, rule in SPECS:
        hitung = f"{pct}_hitung"
        frame = ctx.tables[table]
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
                    with_tolerance(
                        in_words(table, f"{{{pct}}} = {{{real}}} / {{{pagu}}} × 100")
                    ).alias("detail"),
                ),
                rule,
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
                    detail(SER003, "over", fmt_money(excess), fmt_num(pl.col(hitung))).alias(
                        "detail"
                    ),
                ),
                SER003,
                ctx,
            )
        )
    return out
