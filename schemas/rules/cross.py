"""XTB: figures one report prints in several tables must agree.

Indicators are matched by :func:`schemas.rules.base.match_indikator` (normalised name,
else the word-subset alias rule); programs by :func:`schemas.rules.base.program_key`,
else by order. A finding sits on the cell of the table that copies the figure (trend
table, program row, analysis tables); ``detail`` names the cell it was compared with.
Budget sums use detail rows only, so a wrong declared total is blamed once, by TOT001.
"""

from __future__ import annotations

import polars as pl

from schemas.catalog import Rule, register
from schemas.formulas import compare_at_precision
from schemas.rules.base import (
    SUM_MONEY,
    Context,
    Found,
    cell_expr,
    cell_range,
    detail,
    emit,
    fmt_measure,
    fmt_money,
    fmt_num,
    indikator_key,
    match_indikator,
    per_value,
    program_key,
    same_measure,
    texts,
    tokens,
)
from schemas.text import sheet_title

XTB001 = register(Rule(
    "XTB001", "error",
    "Target IKU berbeda dengan Perjanjian Kinerja", "IKU target differs from the PK",
    "Target '{label}' di {cell} tertulis {found}, padahal Perjanjian Kinerja menetapkan {expected}"
    " ({detail}).",
    "The target of '{label}' at {cell} says {found}, but the PK agreed {expected} ({detail}).",
    "Periksa {cell}: target {expected} sama dengan Perjanjian Kinerja (atau perbaiki PK bila itu "
    "yang salah).",
    "Check {cell}: {expected} equals the PK target (or fix the PK if that is the wrong one).",
    tables=("perjanjian_kinerja", "capaian_iku"),
    formula="PK target = the IKU table's target for the same indikator (name compared"
    " without case, spaces, punctuation or parenthesised acronyms; alias: all words of one name"
    " in the other); predikat compared too when both carry one",
    details={
        "pk_differs": ("{} = {}; PK berbeda dari keduanya", "{} = {}; the PK differs from both")
    },
))  # fmt: skip
XTB002 = register(Rule(
    "XTB002", "error",
    "Target tahun laporan di tabel tren berbeda dengan PK",
    "Trend-table target of the report year differs from the PK",
    "Target '{label}' di {cell} tertulis {found}, padahal Perjanjian Kinerja menetapkan {expected}"
    " ({detail}).",
    "The target of '{label}' at {cell} says {found}, but the PK agreed {expected} ({detail}).",
    "Periksa {cell}: target tahun laporan {expected} sama dengan Perjanjian Kinerja.",
    "Check {cell}: the report year's target {expected} equals the PK.",
    tables=("perjanjian_kinerja", "tren_iku"),
    formula="PK target = the trend table's target in the row of the report year",
))  # fmt: skip
XTB003 = register(Rule(
    "XTB003", "error",
    "Tabel tren berbeda dengan capaian IKU tahun laporan",
    "Trend table differs from the IKU table for the report year",
    "Kolom {column} '{label}' di {cell} tertulis {found}, padahal tabel capaian IKU mencetak "
    "{expected} ({detail}).",
    "The {column} of '{label}' at {cell} says {found}, but the IKU table prints {expected} "
    "({detail}).",
    "Periksa {cell}: tahun laporan pada tabel tren harus sama dengan tabel capaian IKU "
    "({expected}).",
    "Check {cell}: the report year in the trend table must equal the IKU table ({expected}).",
    tables=("capaian_iku", "tren_iku"),
    formula="the trend table's realisasi and capaian in the row of the report year = those of the"
    " IKU table",
))  # fmt: skip
XTB004 = register(Rule(
    "XTB004", "error",
    "Indikator hasil di baris program berbeda target dengan PK",
    "Outcome indicator on a program row has another target than the PK",
    "Program '{label}' memakai indikator PK dengan target {found} di {cell}, padahal PK menetapkan"
    " {expected} ({detail}).",
    "Program '{label}' carries a PK indicator with target {found} at {cell}, but the PK agreed "
    "{expected} ({detail}).",
    "Periksa {cell}: target indikator hasil program mengikuti PK ({expected}).",
    "Check {cell}: the program's outcome target follows the PK ({expected}).",
    tables=("perjanjian_kinerja", "program_kegiatan"),
    formula="program row whose indikator matches a PK indikator (same name, or alias: all words of"
    " one in the other, 'Nilai AKIP' ~ 'Nilai Evaluasi AKIP'): its Target Kinerja = PK target",
))  # fmt: skip
XTB005 = register(Rule(
    "XTB005", "error",
    "Anggaran program di PK berbeda dengan pagu program",
    "PK program budget differs from the program pagu",
    "Anggaran '{label}' di PK ({cell}) tertulis {found}, padahal pagu program di tabel"
    " program/kegiatan {expected} ({detail}).",
    "The PK budget of '{label}' ({cell}) says {found}, but the program pagu in the program table is"
    " {expected} ({detail}).",
    "Periksa {cell}: {expected} membuat PK sama dengan pagu program; bila PK benar, perbaiki pagu"
    " program dan kegiatannya.",
    "Check {cell}: {expected} makes the PK equal the program pagu; if the PK is right, fix the"
    " program pagu and its kegiatan.",
    tables=("anggaran_program", "program_kegiatan"),
    formula="PK budget (Anggaran Program) = the program's pagu in the program table, exact to the"
            " sen;"
    " programs matched by name (case, punctuation, a leading 'Program' and the suffix -an ignored),"
    " else by order (said in the finding)",
    rank=3,
    details={
        "by_name": ("{}; dicocokkan menurut nama", "{}; matched by name"),
        "by_order": (
            "{}; nama tidak cocok, dicocokkan menurut urutan ke-{}",
            "{}; names differ, matched by order, #{}",
        ),
        "not_in_program": ("tidak ada di tabel program/kegiatan", "not in the program table"),
        "not_in_pk": ("tidak ada di anggaran PK", "not in the PK budget"),
    },
))  # fmt: skip
XTB006 = register(Rule(
    "XTB006", "error",
    "Total anggaran berbeda antartabel", "Total budget differs between tables",
    "Jumlah rincian di {cell} adalah {found}, sedangkan tabel anggaran lainnya berjumlah "
    "{expected} ({detail}).",
    "The rows at {cell} add up to {found}, while the other budget tables total {expected} "
    "({detail}).",
    "Periksa baris rincian di {cell}: totalnya harus {expected} seperti tabel anggaran lainnya.",
    "Check the rows at {cell}: they must total {expected} like the other budget tables.",
    tables=("anggaran_program", "rencana_belanja", "realisasi_belanja", "program_kegiatan"),
    formula="the sums of the detail rows (never the declared totals, TOT001 blames those) of"
    " Anggaran Program, Rencana Belanja, Realisasi Belanja (Anggaran) and the program rows' pagu"
    " agree; the reference is the amount most tables share (tie: Rencana Belanja, Realisasi"
    " Belanja, Program Kegiatan, Anggaran Program)",
    rank=4,
))  # fmt: skip
XTB007 = register(Rule(
    "XTB007", "error",
    "Total realisasi program berbeda dengan realisasi belanja",
    "Program spending total differs from spending by type",
    "Jumlah rincian di {cell} adalah {found}, sedangkan jumlah di tabel lainnya ({detail}) "
    "adalah {expected}.",
    "The rows at {cell} add up to {found}, those of the other table ({detail}) to {expected}.",
    "Periksa baris rincian di {cell}: jumlahnya harus {expected}; tabel ini yang disalahkan karena"
    " baris JUMLAH/TOTAL-nya sendiri sepakat dengan tabel lainnya.",
    "Check the rows at {cell}: they must total {expected}; this table is blamed because its own"
    " JUMLAH/TOTAL row agrees with the other table.",
    tables=("program_kegiatan", "realisasi_belanja"),
    formula="sum of Realisasi Anggaran (Rp) of the program rows = sum of Realisasi (Rp) of"
    " Realisasi Belanja, exact to the sen;"
    " blamed on the side whose own declared total sides with the other (default: program rows)",
    rank=4,
))  # fmt: skip
XTB008 = register(Rule(
    "XTB008", "error",
    "Realisasi kemajuan Renstra berbeda dengan capaian IKU",
    "Renstra progress realisasi differs from the IKU table",
    "Realisasi '{label}' di {cell} tertulis {found}, padahal tabel capaian IKU mencetak {expected}"
    " ({detail}).",
    "The realisasi of '{label}' at {cell} says {found}, but the IKU table prints {expected} "
    "({detail}).",
    "Periksa {cell}: realisasi tahun laporan sama dengan tabel capaian IKU ({expected}).",
    "Check {cell}: the report year's realisasi equals the IKU table ({expected}).",
    tables=("kemajuan_renstra", "capaian_iku"),
    formula="Renstra progress table's realisasi = the IKU table's realisasi for the same"
    " indikator",
))  # fmt: skip
XTB009 = register(Rule(
    "XTB009", "error",
    "Nilai IKM survei berbeda dengan realisasi IKU", "Survey IKM differs from the IKU realisasi",
    "Nilai IKM survei di {cell} tertulis {found}, padahal realisasi IKU '{label}' {expected} "
    "({detail}).",
    "The survey IKM at {cell} says {found}, but the IKU '{label}' realisasi is {expected} "
    "({detail}).",
    "Periksa {cell}: nilai IKM survei sama dengan realisasi indikator IKM ({expected}).",
    "Check {cell}: the survey IKM equals the IKM indicator's realisasi ({expected}).",
    tables=("ikm_survei", "capaian_iku"),
    formula="the survey's IKM score = the IKU table's realisasi of the IKM indicator (name with"
    " 'IKM' or"
    " 'indeks kepuasan masyarakat')",
))  # fmt: skip
XTB010 = register(Rule(
    "XTB010", "error",
    "Nilai AKIP berbeda dengan realisasi indikator AKIP",
    "AKIP score differs from the AKIP indicator's realisasi",
    "Realisasi '{label}' di {cell} tertulis {found}, padahal nilai AKIP tahun itu {expected} "
    "({detail}).",
    "The realisasi of '{label}' at {cell} says {found}, but that year's AKIP score is {expected} "
    "({detail}).",
    "Periksa {cell}: realisasi indikator AKIP sama dengan nilai AKIP tahun itu ({expected}).",
    "Check {cell}: the AKIP indicator's realisasi equals that year's AKIP score ({expected}).",
    tables=("akip_nilai", "tren_iku", "capaian_iku"),
    formula="realisasi of the AKIP indicator (name with 'AKIP') in the trend and IKU tables ="
    " the AKIP score of the same year",
))  # fmt: skip
XTB011 = register(Rule(
    "XTB011", "error",
    "Capaian pada analisis efisiensi berbeda dengan capaian IKU",
    "Capaian in the efficiency table differs from the IKU table",
    "Capaian '{label}' di {cell} tertulis {found}, padahal tabel capaian IKU mencetak {expected} "
    "({detail}).",
    "The capaian of '{label}' at {cell} says {found}, but the IKU table prints {expected} "
    "({detail}).",
    "Periksa {cell}: capaian sama dengan tabel capaian IKU ({expected}).",
    "Check {cell}: the capaian equals the IKU table ({expected}).",
    tables=("efisiensi_sasaran", "capaian_iku"),
    formula="% Capaian Kinerja of the efficiency table = the IKU table's capaian for the same"
    " indikator",
))  # fmt: skip
XTB012 = register(Rule(
    "XTB012", "warning",
    "Penyerapan pada analisis efisiensi berbeda dengan serapan programnya",
    "Absorption in the efficiency table differs from its program's",
    "Penyerapan '{label}' di {cell} tertulis {found}, sedangkan program yang membawa indikator itu"
    " menyerap {expected} ({detail}).",
    "The absorption of '{label}' at {cell} says {found}, while the program carrying that indicator"
    " absorbed {expected} ({detail}).",
    "Periksa {cell}: penyerapan sasaran ini biasanya serapan programnya ({expected}); sebutkan"
    " sumbernya bila lain.",
    "Check {cell}: this sasaran's absorption is usually its program's ({expected}); say where it"
    " comes from otherwise.",
    tables=("efisiensi_sasaran", "program_kegiatan"),
    formula="% Penyerapan Anggaran of the efficiency table = % Anggaran of the one program row"
    " whose indikator matches it (XTB004 matching); inferred mapping: warning",
))  # fmt: skip

# Two tables printing the same percentage may round it differently (102,85 / 102,86).
ROUNDING = 0.01


def _prefixed(
    frame: pl.DataFrame, prefix: str, keep: tuple[str, ...] = ("submission_id",)
) -> pl.DataFrame:
    return frame.rename({c: f"{prefix}{c}" for c in frame.columns if c not in keep})


def _measure_cols(name: str) -> list[str]:
    return [name, f"{name}_predikat"]


def _pk(ctx: Context) -> pl.DataFrame:
    pk = cell_expr(ctx.tables["perjanjian_kinerja"], "perjanjian_kinerja", "target", ctx)
    return _prefixed(
        pk.select("submission_id", "sheet", "row", "indikator", *_measure_cols("target"), "_cell"),
        "pk_",
    )


def pk_link_key() -> pl.Expr:
    """The PK target of an indicator: XTB001 blaming the PK is the root of XTB002 on it."""
    return pl.concat_str(
        [
            pl.col("submission_id"),
            pl.lit("pk"),
            indikator_key(pl.col("pk_indikator")),
            fmt_measure(pl.col("pk_target"), pl.col("pk_target_predikat")),
        ],
        separator="|",
    )


def _compare_measure(
    pairs: pl.DataFrame,
    ctx: Context,
    rule: Rule,
    table: str,
    column: str,
    other: str,
    other_cell: str,
    label: pl.Expr,
    tolerance: float = 0.0,
    link: pl.Expr | None = None,
    pk_name: str | None = None,
) -> Found:
    """Findings where ``column`` (this table) differs from ``other`` (the reference).

    The detail names the reference cell and how the rows were paired (by name, or by the
    words of the name), with the PK indicator's name from column ``pk_name`` if given.
    """
    how = "ref" if pk_name is None else "ref_pk"
    extra = [] if pk_name is None else [pk_name]
    said = (
        pl.when(pl.col("match") == "alias")
        .then(texts(f"detail.{how}.alias", other_cell, *extra))
        .otherwise(texts(f"detail.{how}.nama", other_cell, *extra))
    )
    pairs = pairs.with_columns(
        pl.col(other).alias("_ref"), pl.col(f"{other}_predikat").alias("_ref_predikat")
    )
    bad = pairs.lazy().filter(~same_measure(column, "_ref", tolerance))
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit(table).alias("table"),
            pl.lit(column).alias("column"),
            label.alias("label"),
            fmt_measure(pl.col("_ref"), pl.col("_ref_predikat")).alias("expected"),
            fmt_measure(pl.col(column), pl.col(f"{column}_predikat")).alias("found"),
            said.alias("detail"),
            *([link.alias("link_key")] if link is not None else []),
        ),
        rule,
        ctx,
    )


def capaian_link_key(name: str, value: str) -> pl.Expr:
    """The IKU capaian as printed: CAP001 on it is the root of copies that disagree."""
    return pl.concat_str(
        [pl.col("submission_id"), indikator_key(pl.col(name)), fmt_num(pl.col(value))],
        separator="|",
    )


def check(ctx: Context) -> list[Found]:
    out: list[Found] = []
    pk = _pk(ctx)
    year = ctx.report_year
    iku = ctx.tables["capaian_iku"]
    tren = ctx.tables["tren_iku"].join(year, on="submission_id", how="left")
    tren_now = tren.filter(pl.col("tahun") == pl.col("tahun_laporan"))

    out.extend(_pk_targets(ctx, pk, iku, tren_now))
    pairs = match_indikator(tren_now, pk, right_name="pk_indikator")
    out.append(
        _compare_measure(
            pairs, ctx, XTB002, "tren_iku", "target", "pk_target", "pk__cell",
            pl.format("{} {}", pl.col("indikator"), pl.col("tahun")), link=pk_link_key(),
        )
    )  # fmt: skip
    out.extend(_tren_vs_iku(ctx, tren_now, iku))
    out.append(_program_outcome(ctx, pk))
    out.extend(_program_budget(ctx))
    out.append(_budget_totals(ctx))
    out.append(_realisasi_totals(ctx))
    out.append(_kemajuan(ctx, iku))
    out.append(_ikm(ctx, iku))
    out.extend(_akip(ctx, tren, iku))
    out.extend(_efisiensi(ctx, iku))
    return out


def _pk_targets(
    ctx: Context, pk: pl.DataFrame, iku: pl.DataFrame, tren_now: pl.DataFrame
) -> list[Found]:
    """XTB001: PK target = capaian_iku target, blamed on the odd one out.

    When the trend table's report year agrees with capaian_iku and only the PK differs,
    the PK cell is the wrong one (two tables against one); otherwise the IKU table,
    which should copy the signed PK, is blamed.
    """
    iku = cell_expr(iku, "capaian_iku", "target", ctx).rename({"_cell": "_cell_iku"})
    pairs = match_indikator(iku, pk, right_name="pk_indikator").drop("n_match")
    tren_ref = cell_expr(tren_now, "tren_iku", "target", ctx)
    tren_ref = _prefixed(
        tren_ref.select("submission_id", "indikator", *_measure_cols("target"), "_cell"), "tr_"
    )
    indexed = pairs.with_row_index("_pid")
    with_tren = match_indikator(
        indexed.select("_pid", "submission_id", pl.col("indikator").alias("_nm")),
        tren_ref,
        left_name="_nm",
        right_name="tr_indikator",
    ).select("_pid", "tr_target", "tr_target_predikat", "tr__cell")
    pairs = indexed.join(with_tren, on="_pid", how="left").drop("_pid")
    differs = ~same_measure("target", "pk_target")
    tren_agrees = (
        pl.col("tr_target").is_not_null() | pl.col("tr_target_predikat").is_not_null()
    ) & same_measure("target", "tr_target")
    blame_pk = pairs.filter(differs & tren_agrees)
    pk_side = emit(
        blame_pk.select(
            "submission_id",
            pl.col("pk_sheet").alias("sheet"),
            pl.col("pk_row").alias("row"),
            pl.col("pk__cell").alias("cell"),
            pl.lit("perjanjian_kinerja").alias("table"),
            pl.lit("target").alias("column"),
            pl.col("pk_indikator").alias("label"),
            fmt_measure(pl.col("target"), pl.col("target_predikat")).alias("expected"),
            fmt_measure(pl.col("pk_target"), pl.col("pk_target_predikat")).alias("found"),
            detail(XTB001, "pk_differs", "_cell_iku", "tr__cell").alias("detail"),
            pk_link_key().alias("link_key"),
        ),
        XTB001,
        ctx,
    ) if blame_pk.height else emit(pl.DataFrame(), XTB001, ctx)  # fmt: skip
    rest = pairs.filter(~(differs & tren_agrees))
    iku_side = _compare_measure(
        rest, ctx, XTB001, "capaian_iku", "target", "pk_target", "pk__cell",
        pl.col("indikator"), link=pk_link_key(),
    )  # fmt: skip
    return [pk_side, iku_side]


def _tren_vs_iku(ctx: Context, tren_now: pl.DataFrame, iku: pl.DataFrame) -> list[Found]:
    ref = cell_expr(iku, "capaian_iku", "realisasi", ctx)
    ref = _prefixed(
        ref.select("submission_id", "indikator", *_measure_cols("realisasi"), "capaian", "_cell"),
        "iku_",
    ).with_columns(pl.lit(None, dtype=pl.String).alias("iku_capaian_predikat"))
    pairs = match_indikator(tren_now, ref, right_name="iku_indikator").with_columns(
        pl.lit(None, dtype=pl.String).alias("capaian_predikat")
    )
    label = pl.format("{} {}", pl.col("indikator"), pl.col("tahun"))
    return [
        _compare_measure(
            pairs, ctx, XTB003, "tren_iku", "realisasi", "iku_realisasi", "iku__cell", label
        ),
        _compare_measure(
            pairs,
            ctx,
            XTB003,
            "tren_iku",
            "capaian",
            "iku_capaian",
            "iku__cell",
            label,
            tolerance=ROUNDING,
            link=capaian_link_key("iku_indikator", "iku_capaian"),
        ),
    ]


def _program_outcome(ctx: Context, pk: pl.DataFrame) -> Found:
    """XTB004: a PK indicator repeated on a program row carries the PK target."""
    programs = ctx.program_rows()
    pairs = match_indikator(programs, pk, right_name="pk_indikator")
    return _compare_measure(
        pairs, ctx, XTB004, "program_kegiatan", "target_kinerja", "pk_target", "pk__cell",
        pl.col("nama"), pk_name="pk_indikator",
    )  # fmt: skip


def _program_budget(ctx: Context) -> list[Found]:
    """XTB005: PK budget per program = 3.17 program pagu (by name, else by order)."""
    ap = cell_expr(ctx.tables["anggaran_program"], "anggaran_program", "anggaran", ctx)
    ap = ap.with_columns(
        program_key(pl.col("program")).alias("_key"),
    ).with_columns(pl.int_range(pl.len()).over("submission_id").alias("_ord"))
    pr = ctx.program_rows()
    pr = cell_expr(pr, "program_kegiatan", "pagu", ctx)
    pr = pr.select(
        "submission_id",
        program_key(pl.col("nama")).alias("_key"),
        pl.int_range(pl.len()).over("submission_id").alias("_ord"),
        pl.col("nama").alias("pk_nama"),
        pl.col("pagu").alias("pk_pagu"),
        pl.col("row").alias("pk_row"),
        pl.col("sheet").alias("pk_sheet"),
        pl.col("_cell").alias("pk_cell"),
    )
    by_name = ap.join(pr.drop("_ord"), on=["submission_id", "_key"], how="inner").with_columns(
        detail(XTB005, "by_name", "pk_cell").alias("_how")
    )
    ap_left = ap.join(
        by_name.select("submission_id", "row"), on=["submission_id", "row"], how="anti"
    )
    pr_left = pr.join(
        by_name.select("submission_id", pl.col("pk_row")),
        on=["submission_id", "pk_row"],
        how="anti",
    )
    ap_left = ap_left.with_columns(pl.int_range(pl.len()).over("submission_id").alias("_ord"))
    pr_left = pr_left.with_columns(pl.int_range(pl.len()).over("submission_id").alias("_ord"))
    by_order = ap_left.join(pr_left.drop("_key"), on=["submission_id", "_ord"], how="inner")
    by_order = by_order.with_columns(
        detail(XTB005, "by_order", "pk_cell", pl.col("_ord") + 1).alias("_how")
    )
    cols = ["submission_id", "sheet", "row", "program", "anggaran", "pk_pagu", "pk_cell", "_how"]
    pairs = pl.concat([by_name.select(cols), by_order.select(cols)])
    bad = pairs.lazy().filter(pl.col("anggaran") != pl.col("pk_pagu"))
    matched = emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit("anggaran_program").alias("table"),
            pl.lit("anggaran").alias("column"),
            pl.col("program").alias("label"),
            fmt_money(pl.col("pk_pagu")).alias("expected"),
            fmt_money(pl.col("anggaran")).alias("found"),
            pl.col("_how").alias("detail"),
            (pl.col("anggaran").cast(SUM_MONEY) - pl.col("pk_pagu")).abs().alias("amount"),
            pl.lit("pagu").alias("amount_kind"),
        ),
        XTB005,
        ctx,
    )
    only_pk = ap_left.join(
        by_order.select("submission_id", "row"), on=["submission_id", "row"], how="anti"
    )
    only_pk = only_pk.join(pr.select("submission_id").unique(), on="submission_id", how="semi")
    only_program = pr_left.join(
        by_order.select("submission_id", "pk_row"), on=["submission_id", "pk_row"], how="anti"
    ).join(ap.select("submission_id").unique(), on="submission_id", how="semi")
    lone = [
        emit(
            only_pk.select(
                "submission_id",
                "sheet",
                "row",
                pl.lit("anggaran_program").alias("table"),
                pl.lit("anggaran").alias("column"),
                pl.col("program").alias("label"),
                pl.lit("-").alias("expected"),
                fmt_money(pl.col("anggaran")).alias("found"),
                detail(XTB005, "not_in_program").alias("detail"),
                pl.col("anggaran").cast(SUM_MONEY).alias("amount"),
                pl.lit("pagu").alias("amount_kind"),
            ),
            XTB005,
            ctx,
        ),
        emit(
            only_program.select(
                "submission_id",
                pl.col("pk_sheet").alias("sheet"),
                pl.col("pk_row").alias("row"),
                pl.lit("program_kegiatan").alias("table"),
                pl.lit("pagu").alias("column"),
                pl.col("pk_nama").alias("label"),
                pl.lit("-").alias("expected"),
                fmt_money(pl.col("pk_pagu")).alias("found"),
                detail(XTB005, "not_in_pk").alias("detail"),
                pl.col("pk_pagu").cast(SUM_MONEY).alias("amount"),
                pl.lit("pagu").alias("amount_kind"),
            ),
            XTB005,
            ctx,
        ),
    ]
    return [matched, *lone]


# Tie-break of XTB006 (lower first): the DPA-based tables before the PK.
BUDGET_SOURCES = (
    ("rencana_belanja", "anggaran", False),
    ("realisasi_belanja", "anggaran", False),
    ("program_kegiatan", "pagu", True),
    ("anggaran_program", "anggaran", False),
)


def _detail(ctx: Context, table: str, programs_only: bool) -> pl.DataFrame:
    if programs_only and table == "program_kegiatan":
        return ctx.program_rows()
    frame = ctx.tables[table]
    return frame.filter(pl.col("tingkat_baku") == "program") if programs_only else frame


def _source_sums(ctx: Context) -> pl.DataFrame:
    parts = []
    for priority, (table, column, programs_only) in enumerate(BUDGET_SOURCES):
        rows = _detail(ctx, table, programs_only)
        if rows.height == 0:
            continue
        sums = rows.group_by("submission_id").agg(
            pl.when(pl.col(column).null_count() == 0)
            .then(pl.col(column).sum().cast(SUM_MONEY))
            .alias("_sum")
        )
        cells = cell_range(table, column, rows, ctx)
        parts.append(
            sums.join(cells, on="submission_id", how="left").with_columns(
                pl.lit(table).alias("table"),
                pl.lit(column).alias("column"),
                pl.lit(priority).alias("_priority"),
            )
        )
    if not parts:
        return pl.DataFrame()
    return pl.concat(parts, how="vertical_relaxed").filter(pl.col("_sum").is_not_null())


def _budget_totals(ctx: Context) -> Found:
    """XTB006: the four budget sums agree; the reference is what most of them say."""
    sums = _source_sums(ctx)
    if sums.height == 0:
        return emit(pl.DataFrame(), XTB006, ctx)
    votes = sums.group_by("submission_id", "_sum").agg(
        pl.len().alias("_votes"), pl.col("_priority").min().alias("_best")
    )
    reference = (
        votes.sort(["submission_id", "_votes", "_best"], descending=[False, True, False])
        .unique("submission_id", keep="first", maintain_order=True)
        .select("submission_id", pl.col("_sum").alias("_ref"), pl.col("_votes"))
    )
    sources = sums.group_by("submission_id").agg(
        pl.format("{}: {}", pl.col("sheet"), fmt_money(pl.col("_sum"))).str.join("; ").alias("_all")
    )
    bad = (
        sums.lazy()
        .join(reference.lazy(), on="submission_id")
        .join(sources.lazy(), on="submission_id")
        .filter(pl.col("_sum") != pl.col("_ref"))
    )
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "cell",
            "table",
            "column",
            # the table by the sheet name the template gives it ('Anggaran Program')
            pl.col("table")
            .replace_strict({t: sheet_title(t) for t, _, _ in BUDGET_SOURCES})
            .alias("label"),
            fmt_money(pl.col("_ref")).alias("expected"),
            fmt_money(pl.col("_sum")).alias("found"),
            pl.col("_all").alias("detail"),
            (pl.col("_sum") - pl.col("_ref")).abs().alias("amount"),
            pl.lit("pagu").alias("amount_kind"),
        ),
        XTB006,
        ctx,
    )


def _realisasi_totals(ctx: Context) -> Found:
    """XTB007: Σ program realisasi = Σ realisasi belanja.

    The finding sits on the side whose own declared total sides with the other table
    (its rows are the odd ones out): the seed's 3.17 JUMLAH repeats the realisasi
    belanja, so its program rows are blamed. Without such evidence, the program rows.
    """
    programs = _detail(ctx, "program_kegiatan", True)
    belanja = ctx.tables["realisasi_belanja"]

    def side(frame: pl.DataFrame, table: str, column: str, prefix: str) -> pl.DataFrame:
        sums = frame.group_by("submission_id").agg(
            pl.when(pl.col(column).null_count() == 0)
            .then(pl.col(column).sum().cast(SUM_MONEY))
            .alias("_sum")
        )
        declared = (
            ctx.totals[table]
            .group_by("submission_id")
            .agg(pl.col(column).first().cast(SUM_MONEY).alias("_declared"))
        )
        cells = cell_range(table, column, frame, ctx)
        out = sums.join(cells, on="submission_id").join(declared, on="submission_id", how="left")
        return _prefixed(out, prefix)

    joined = side(programs, "program_kegiatan", "realisasi_anggaran", "p_").join(
        side(belanja, "realisasi_belanja", "realisasi", "b_"), on="submission_id"
    )
    both = joined.lazy().filter(
        pl.col("p__sum").is_not_null()
        & pl.col("b__sum").is_not_null()
        & (pl.col("p__sum") != pl.col("b__sum"))
    )
    blame_belanja = (pl.col("b__declared") == pl.col("p__sum")) & (
        pl.col("p__declared").is_null() | (pl.col("p__declared") == pl.col("p__sum"))
    )
    pick = {
        name: pl.when(blame_belanja).then(pl.col(f"b_{name}")).otherwise(pl.col(f"p_{name}"))
        for name in ("sheet", "cell", "_sum")
    }
    ref = {
        name: pl.when(blame_belanja).then(pl.col(f"p_{name}")).otherwise(pl.col(f"b_{name}"))
        for name in ("cell", "_sum")
    }
    return emit(
        both.select(
            "submission_id",
            pick["sheet"].alias("sheet"),
            pick["cell"].alias("cell"),
            pl.when(blame_belanja)
            .then(pl.lit("realisasi_belanja"))
            .otherwise(pl.lit("program_kegiatan"))
            .alias("table"),
            pl.when(blame_belanja)
            .then(pl.lit("realisasi"))
            .otherwise(pl.lit("realisasi_anggaran"))
            .alias("column"),
            pl.when(blame_belanja)
            .then(pl.lit(sheet_title("realisasi_belanja")))
            .otherwise(pl.lit(sheet_title("program_kegiatan")))
            .alias("label"),
            fmt_money(ref["_sum"]).alias("expected"),
            fmt_money(pick["_sum"]).alias("found"),
            ref["cell"].alias("detail"),
            (pick["_sum"] - ref["_sum"]).abs().alias("amount"),
            pl.lit("realisasi").alias("amount_kind"),
        ),
        XTB007,
        ctx,
    )


def _iku_ref(ctx: Context, iku: pl.DataFrame, column: str) -> pl.DataFrame:
    ref = cell_expr(iku, "capaian_iku", column, ctx)
    cols = _measure_cols(column) if f"{column}_predikat" in iku.columns else [column]
    return _prefixed(ref.select("submission_id", "indikator", *cols, "_cell"), "iku_")


def _kemajuan(ctx: Context, iku: pl.DataFrame) -> Found:
    """XTB008: kemajuan_renstra.realisasi = capaian_iku.realisasi."""
    pairs = match_indikator(
        ctx.tables["kemajuan_renstra"], _iku_ref(ctx, iku, "realisasi"), right_name="iku_indikator"
    )
    return _compare_measure(
        pairs, ctx, XTB008, "kemajuan_renstra", "realisasi", "iku_realisasi", "iku__cell",
        pl.col("indikator"),
    )  # fmt: skip


def _is_ikm(name: pl.Expr) -> pl.Expr:
    return per_value(
        name,
        lambda n: (
            tokens(n).list.contains("ikm")
            | indikator_key(n).str.contains("indekskepuasanmasyarakat")
        ),
        pl.Boolean(),
    )


def _is_akip(name: pl.Expr) -> pl.Expr:
    def words_say_akip(n: pl.Expr) -> pl.Expr:
        words = tokens(n)
        return words.list.contains("akip") | words.list.contains("sakip")

    return per_value(name, words_say_akip, pl.Boolean())


def _ikm(ctx: Context, iku: pl.DataFrame) -> Found:
    """XTB009: the IKM indicator's realisasi = the survey's nilai_ikm."""
    kv = ctx.tables["ikm_survei"].filter(pl.col("kolom") == "nilai_ikm")
    kv = (
        cell_expr(kv, "ikm_survei", "nilai", ctx)
        .select("submission_id", pl.col("angka").alias("_ref"), pl.col("_cell").alias("_ref_cell"))
        .unique("submission_id", keep="first")
    )
    rows = iku.filter(_is_ikm(pl.col("indikator"))).join(kv, on="submission_id", how="inner")
    bad = rows.lazy().filter(
        pl.col("_ref").is_not_null()
        & pl.col("realisasi").is_not_null()
        & ((pl.col("realisasi") - pl.col("_ref")).abs() > 1e-9)
    )
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit("capaian_iku").alias("table"),
            pl.lit("realisasi").alias("column"),
            pl.col("indikator").alias("label"),
            fmt_num(pl.col("_ref")).alias("expected"),
            fmt_num(pl.col("realisasi")).alias("found"),
            pl.col("_ref_cell").alias("detail"),
        ),
        XTB009,
        ctx,
    )


def _akip(ctx: Context, tren: pl.DataFrame, iku: pl.DataFrame) -> list[Found]:
    """XTB010: the AKIP indicator's realisasi = akip_nilai of the same year."""
    nilai = (
        cell_expr(ctx.tables["akip_nilai"], "akip_nilai", "nilai", ctx)
        .select(
            "submission_id",
            "tahun",
            pl.col("nilai").alias("_ref"),
            pl.col("_cell").alias("_ref_cell"),
        )
        .unique(["submission_id", "tahun"], keep="first")
    )
    iku_now = iku.join(ctx.report_year, on="submission_id").with_columns(
        pl.col("tahun_laporan").alias("tahun")
    )
    out: list[Found] = []
    for table, frame, label in (
        ("tren_iku", tren, pl.format("{} {}", pl.col("indikator"), pl.col("tahun"))),
        ("capaian_iku", iku_now, pl.col("indikator")),
    ):
        rows = frame.filter(_is_akip(pl.col("indikator"))).join(
            nilai, on=["submission_id", "tahun"], how="inner"
        )
        bad = rows.lazy().filter(
            pl.col("realisasi").is_not_null()
            & ((pl.col("realisasi") - pl.col("_ref")).abs() > 1e-9)
        )
        out.append(
            emit(
                bad.select(
                    "submission_id",
                    "sheet",
                    "row",
                    pl.lit(table).alias("table"),
                    pl.lit("realisasi").alias("column"),
                    label.alias("label"),
                    fmt_num(pl.col("_ref")).alias("expected"),
                    fmt_num(pl.col("realisasi")).alias("found"),
                    pl.col("_ref_cell").alias("detail"),
                    akip_link_key().alias("link_key"),
                ),
                XTB010,
                ctx,
            )
        )  # fmt: skip
    return out


def akip_link_key() -> pl.Expr:
    """One AKIP score per submission and year: AKP001 and XTB010 on it share a root."""
    return pl.concat_str(
        [pl.col("submission_id"), pl.lit("akip"), pl.col("tahun").cast(pl.String)], separator="|"
    )


def _efisiensi(ctx: Context, iku: pl.DataFrame) -> list[Found]:
    """XTB011 capaian = capaian_iku; XTB012 penyerapan = serapan of its program."""
    es = ctx.tables["efisiensi_sasaran"]
    ref = _iku_ref(ctx, iku, "capaian")
    pairs = match_indikator(es, ref, right_name="iku_indikator")
    bad = pairs.lazy().filter(
        pl.col("persen_capaian").is_not_null()
        & pl.col("iku_capaian").is_not_null()
        & ((pl.col("persen_capaian") - pl.col("iku_capaian")).abs() > ROUNDING + 1e-7)
    )
    base: list[str | pl.Expr] = [
        "submission_id",
        "sheet",
        "row",
        pl.lit("efisiensi_sasaran").alias("table"),
        pl.col("indikator").alias("label"),
    ]
    capaian = emit(
        bad.select(
            *base,
            pl.lit("persen_capaian").alias("column"),
            fmt_num(pl.col("iku_capaian")).alias("expected"),
            fmt_num(pl.col("persen_capaian")).alias("found"),
            pl.col("iku__cell").alias("detail"),
            capaian_link_key("iku_indikator", "iku_capaian").alias("link_key"),
        ),
        XTB011,
        ctx,
    )
    programs = ctx.program_rows()
    programs = cell_expr(programs, "program_kegiatan", "persen_anggaran", ctx)
    programs = _prefixed(
        programs.select(
            "submission_id",
            "indikator",
            "nama",
            "persen_anggaran",
            "persen_anggaran_hitung",
            "_cell",
        ),
        "pr_",
    )
    pairs = match_indikator(es, programs, right_name="pr_indikator").filter(pl.col("n_match") == 1)
    # a faithful copy of the program's printed % is fine: SER001 judges that figure
    penyerapan = pl.col("persen_penyerapan")
    off_recomputed = compare_at_precision(penyerapan, pl.col("pr_persen_anggaran_hitung"))
    off_printed = compare_at_precision(penyerapan, pl.col("pr_persen_anggaran"))
    bad = pairs.lazy().filter(
        (off_recomputed == "mismatch") & (off_printed.is_null() | (off_printed == "mismatch"))
    )
    serapan = emit(
        bad.select(
            *base,
            pl.lit("persen_penyerapan").alias("column"),
            fmt_num(pl.col("pr_persen_anggaran_hitung")).alias("expected"),
            fmt_num(pl.col("persen_penyerapan")).alias("found"),
            pl.format("{} ({})", pl.col("pr__cell"), pl.col("pr_nama")).alias("detail"),
        ),
        XTB012,
        ctx,
    )
    return [capaian, serapan]
