"""CAP: printed capaian against realisasi / target, with each indicator's polarity.

Polarity comes from ``ValidateConfig.polaritas`` (by indicator name), else from the
``polaritas`` of the PK indicator of the same name, else ``positif``. The method for a
negative indicator is ``ValidateConfig.negative_methods`` / ``negative_method``. The
formula and tolerance used are written into each finding's ``detail``.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from schemas.catalog import Rule, register
from schemas.formulas import capaian, compare_at_precision, rating, typed_decimals
from schemas.rules.base import (
    Context,
    Found,
    detail,
    emit,
    fmt_measure,
    fmt_num,
    in_words,
    indikator_key,
    match_indikator,
    texts,
)
from schemas.text import header_label

_CAP_FORMULA = (
    "realisasi / target × 100 (positif); negatif: (2 × target - realisasi) / target × 100"
    " (pengurangan, default) or target / realisasi × 100 (rasio); polarity from the"
    " Polaritas column of the Perjanjian Kinerja or the configuration; tolerance one unit in"
    " the last printed digit, or the printed precision when fewer decimals are printed"
)


def _capaian_rule(code: str, table: str, column: str, title_id: str, title_en: str) -> Rule:
    """CAP001-CAP003 differ only in the table and column they recompute."""
    return register(Rule(
        code, "error", title_id, title_en,
        "Capaian '{label}' di {cell} tertulis {found}, hasil hitung {expected} ({detail}).",
        "Capaian of '{label}' at {cell} says {found}; recomputed {expected} ({detail}).",
        "Periksa {cell} serta target dan realisasi di barisnya: capaian {expected} sesuai dengan"
        " target dan realisasi yang tertulis.",
        "Check {cell} and the target and realisasi on its row: {expected} agrees with the target"
        " and realisasi as printed.",
        tables=(table, "perjanjian_kinerja"),
        formula=f"{header_label(table, column)} = {_CAP_FORMULA}",
    ))  # fmt: skip


CAP001 = _capaian_rule(
    "CAP001", "capaian_iku", "capaian", "Capaian IKU salah hitung", "IKU capaian miscalculated"
)
CAP002 = _capaian_rule(
    "CAP002",
    "tren_iku",
    "capaian",
    "Capaian pada tabel tren salah hitung",
    "Trend-table capaian miscalculated",
)
CAP003 = _capaian_rule(
    "CAP003",
    "program_kegiatan",
    "persen_kinerja",
    "Persen kinerja program/kegiatan salah hitung",
    "Program/kegiatan performance % miscalculated",
)
CAP004 = register(Rule(
    "CAP004", "warning",
    "Capaian angka untuk target kualitatif atau nol",
    "Numeric capaian for a qualitative or zero target",
    "'{label}' di {cell} mencetak capaian {found}, padahal targetnya {detail}: tidak ada capaian "
    "angka.",
    "'{label}' at {cell} prints capaian {found}, but its target is {detail}: no numeric capaian "
    "exists.",
    "Kosongkan {cell} atau tulis target sebagai angka (mis. 'B (60,00)') agar capaian dapat "
    "dihitung.",
    "Leave {cell} empty or give the target as a number (e.g. 'B (60,00)') so the capaian can be "
    "computed.",
    tables=("capaian_iku", "tren_iku", "program_kegiatan"),
    formula="target is a predikat alone ('CC') or 0: no capaian (no division)",
    details={"qualitative": ("'{}' (kualitatif atau nol)", "'{}' (qualitative or zero)")},
))  # fmt: skip


def _overrides(mapping: dict[str, str], name: str) -> pl.DataFrame:
    frame = pl.DataFrame(
        {"_name": list(mapping), name: list(mapping.values())},
        schema={"_name": pl.String, name: pl.String},
    )
    return frame.select(indikator_key(pl.col("_name")).alias("_key"), name)


def with_polaritas(
    frame: pl.DataFrame, ctx: Context, name: str = "indikator", pk_rows: pl.Expr | None = None
) -> pl.DataFrame:
    """Add ``polaritas_hitung`` and ``metode_hitung`` (null for positif) to ``frame``.

    ``pk_rows`` limits which rows may carry a PK indicator (3.17: program rows only;
    kegiatan and sub_kegiatan measure outputs, whose polarity is the config's or positif).
    """
    pk = ctx.tables["perjanjian_kinerja"].select(
        "submission_id",
        "row",
        "indikator",
        pl.when(pl.col("polaritas").str.strip_chars().str.to_lowercase().str.starts_with("neg"))
        .then(pl.lit("negatif"))
        .when(pl.col("polaritas").is_not_null())
        .then(pl.lit("positif"))
        .alias("_pk_polaritas"),
    )
    indexed = frame.with_row_index("_rid")
    candidates = indexed if pk_rows is None else indexed.filter(pk_rows)
    matched = match_indikator(
        candidates.select("_rid", "submission_id", "row", pl.col(name).alias("_nm")),
        pk,
        left_name="_nm",
    ).select("_rid", "_pk_polaritas")
    cfg = ctx.config
    if cfg.polaritas or cfg.negative_methods:
        out = (
            indexed.with_columns(indikator_key(pl.col(name)).alias("_key"))
            .join(matched, on="_rid", how="left")
            .join(_overrides(dict(cfg.polaritas), "_cfg_polaritas"), on="_key", how="left")
            .join(_overrides(dict(cfg.negative_methods), "_cfg_metode"), on="_key", how="left")
        )
    else:  # no overrides to look up: what the joins with no rows would give
        out = indexed.join(matched, on="_rid", how="left").with_columns(
            pl.lit(None, dtype=pl.String).alias("_key"),
            pl.lit(None, dtype=pl.String).alias("_cfg_polaritas"),
            pl.lit(None, dtype=pl.String).alias("_cfg_metode"),
        )
    polaritas = pl.coalesce("_cfg_polaritas", "_pk_polaritas", pl.lit("positif"))
    metode = pl.coalesce("_cfg_metode", pl.lit(cfg.negative_method))
    return out.with_columns(
        polaritas.alias("polaritas_hitung"),
        pl.when(polaritas == "negatif").then(metode).alias("metode_hitung"),
    ).drop("_rid", "_key", "_pk_polaritas", "_cfg_polaritas", "_cfg_metode")


def capaian_hitung(target: str, realisasi: str) -> pl.Expr:
    """Capaian by the row's polarity and method (columns of :func:`with_polaritas`)."""
    t, r = pl.col(target), pl.col(realisasi)
    return (
        pl.when(pl.col("metode_hitung") == "rasio")
        .then(capaian(t, r, pl.lit("negatif"), "rasio"))
        .when(pl.col("metode_hitung").is_not_null())
        .then(capaian(t, r, pl.lit("negatif"), "pengurangan"))
        .otherwise(capaian(t, r))
    )


def formula_text(table: str, printed: str, target: str, realisasi: str) -> pl.Expr:
    """The formula a row's capaian used, in the workbook's headers, with its tolerance."""
    terms = {"p": printed, "t": target, "r": realisasi}
    rasio, pengurangan, positif = (
        in_words(table, text.format(**{k: f"{{{v}}}" for k, v in terms.items()}))
        for text in (
            "{p} = {t} / {r} × 100",
            "{p} = (2 × {t} - {r}) / {t} × 100",
            "{p} = {r} / {t} × 100",
        )
    )
    return (
        pl.when(pl.col("metode_hitung") == "rasio")
        .then(texts("detail.capaian.rasio", pl.lit(rasio)))
        .when(pl.col("metode_hitung").is_not_null())
        .then(texts("detail.capaian.pengurangan", pl.lit(pengurangan)))
        .otherwise(texts("detail.capaian.positif", pl.lit(positif)))
    )


def qualitative(target: str) -> pl.Expr:
    """No numeric capaian: the target is a predikat alone, or 0."""
    return (pl.col(target).is_null() & pl.col(f"{target}_predikat").is_not_null()) | (
        pl.col(target) == 0
    )


# table -> (target, realisasi, printed capaian) of its capaian recomputation
COLUMNS = {
    "capaian_iku": ("target", "realisasi", "capaian"),
    "tren_iku": ("target", "realisasi", "capaian"),
    "program_kegiatan": ("target_kinerja", "realisasi_kinerja", "persen_kinerja"),
}


def derive(table: str) -> Callable[[pl.DataFrame, Context], pl.DataFrame]:
    """The step adding polaritas_hitung, metode_hitung, <capaian>_hitung, rating_hitung."""

    def step(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
        target, realisasi, printed = COLUMNS[table]
        pk_rows = pl.col("tingkat_baku") == "program" if table == "program_kegiatan" else None
        if table == "tren_iku":  # as before the split: polarity found beside the report year
            frame = frame.join(ctx.report_year, on="submission_id", how="left")
        frame = with_polaritas(frame, ctx, pk_rows=pk_rows)
        hitung = f"{printed}_hitung"
        frame = frame.with_columns(capaian_hitung(target, realisasi).alias(hitung))
        frame = frame.with_columns(rating(pl.col(hitung)).alias("rating_hitung"))
        return frame.drop("tahun_laporan", strict=False)

    return step


def _check_table(
    ctx: Context,
    table: str,
    rule: Rule,
    label: pl.Expr,
    link: pl.Expr | None = None,
) -> list[Found]:
    target, realisasi, printed = COLUMNS[table]
    frame = ctx.tables[table]
    if table == "tren_iku":  # the link key needs the report year
        frame = frame.join(ctx.report_year, on="submission_id", how="left")
    hitung = f"{printed}_hitung"
    status = compare_at_precision(pl.col(printed), pl.col(hitung), typed_decimals(frame, printed))
    bad = frame.lazy().filter(status == "mismatch")
    base: list[str | pl.Expr] = [
        "submission_id",
        "sheet",
        "row",
        pl.lit(table).alias("table"),
        pl.lit(printed).alias("column"),
        label.alias("label"),
        fmt_num(pl.col(printed)).alias("found"),
    ]
    found = emit(
        bad.select(
            *base,
            fmt_num(pl.col(hitung)).alias("expected"),
            formula_text(table, printed, target, realisasi).alias("detail"),
            *([link.alias("link_key")] if link is not None else []),
        ),
        rule,
        ctx,
    )
    no_number = frame.lazy().filter(qualitative(target) & pl.col(printed).is_not_null())
    target_text = fmt_measure(pl.col(target), pl.col(f"{target}_predikat"))
    warn = emit(
        no_number.select(
            *base,
            pl.lit("-").alias("expected"),
            detail(CAP004, "qualitative", target_text).alias("detail"),
        ),
        CAP004,
        ctx,
    )
    return [found, warn]


def check(ctx: Context) -> list[Found]:
    key = indikator_key(pl.col("indikator"))
    return [
        *_check_table(
            ctx,
            "capaian_iku",
            CAP001,
            pl.col("indikator"),
            link=pl.concat_str(
                [pl.col("submission_id"), key, fmt_num(pl.col("capaian"))], separator="|"
            ),
        ),
        *_check_table(
            ctx,
            "tren_iku",
            CAP002,
            pl.format("{} {}", pl.col("indikator"), pl.col("tahun")),
            link=pl.when(pl.col("tahun") == pl.col("tahun_laporan")).then(
                pl.concat_str(
                    [pl.col("submission_id"), key, fmt_num(pl.col("capaian"))], separator="|"
                )
            ),
        ),
        *_check_table(ctx, "program_kegiatan", CAP003, pl.col("nama")),
    ]
