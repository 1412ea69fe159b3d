"""CAP: printed capaian against realisasi / target, with each indicator's polarity.

Polarity comes from ``ValidateConfig.polaritas`` (by indicator name), else from the
``polaritas`` of the PK indicator of the same name, else ``positif``. The method for a
negative indicator is ``ValidateConfig.negative_methods`` / ``negative_method``. The
formula and tolerance used are written into each finding's ``detail``.
"""

from __future__ import annotations

import polars as pl

from schemas.formulas import capaian, compare_at_precision, rating, typed_decimals
from schemas.rules.base import (
    Context,
    Found,
    emit,
    fmt_measure,
    fmt_num,
    indikator_key,
    match_indikator,
    with_tolerance,
)


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


def formula_text(target: str, realisasi: str) -> pl.Expr:
    """The formula a row's capaian used, for the finding's detail."""
    return (
        pl.when(pl.col("metode_hitung") == "rasio")
        .then(pl.lit(f"{target} / {realisasi} x 100 (negatif, rasio)"))
        .when(pl.col("metode_hitung").is_not_null())
        .then(pl.lit(f"(2 x {target} - {realisasi}) / {target} x 100 (negatif, pengurangan)"))
        .otherwise(pl.lit(f"{realisasi} / {target} x 100 (positif)"))
    )


def qualitative(target: str) -> pl.Expr:
    """No numeric capaian: the target is a predikat alone, or 0."""
    return (pl.col(target).is_null() & pl.col(f"{target}_predikat").is_not_null()) | (
        pl.col(target) == 0
    )


def _check_table(
    ctx: Context,
    table: str,
    code: str,
    cols: tuple[str, str, str],
    label: pl.Expr,
    link: pl.Expr | None = None,
) -> tuple[pl.DataFrame, list[Found]]:
    target, realisasi, printed = cols
    pk_rows = pl.col("tingkat_baku") == "program" if table == "program_kegiatan" else None
    frame = with_polaritas(ctx.tables[table], ctx, pk_rows=pk_rows)
    hitung = f"{printed}_hitung"
    frame = frame.with_columns(capaian_hitung(target, realisasi).alias(hitung))
    frame = frame.with_columns(rating(pl.col(hitung)).alias("rating_hitung"))
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
            with_tolerance(formula_text(target, realisasi)).alias("detail"),
            *([link.alias("link_key")] if link is not None else []),
        ),
        code,
        ctx,
    )
    no_number = frame.lazy().filter(qualitative(target) & pl.col(printed).is_not_null())
    target_text = fmt_measure(pl.col(target), pl.col(f"{target}_predikat"))
    warn = emit(
        no_number.select(
            *base,
            pl.lit("-").alias("expected"),
            pl.format(
                "'{}' (kualitatif atau nol) || '{}' (qualitative or zero)", target_text, target_text
            ).alias("detail"),
        ),
        "CAP004",
        ctx,
    )
    return frame, [found, warn]


def check(ctx: Context) -> list[Found]:
    out: list[Found] = []
    year = ctx.report_year
    key = indikator_key(pl.col("indikator"))
    frame, found = _check_table(
        ctx,
        "capaian_iku",
        "CAP001",
        ("target", "realisasi", "capaian"),
        pl.col("indikator"),
        link=pl.concat_str(
            [pl.col("submission_id"), key, fmt_num(pl.col("capaian"))], separator="|"
        ),
    )
    ctx.tables["capaian_iku"] = frame
    out.extend(found)
    tren = ctx.tables["tren_iku"].join(year, on="submission_id", how="left")
    ctx.tables["tren_iku"] = tren
    frame, found = _check_table(
        ctx,
        "tren_iku",
        "CAP002",
        ("target", "realisasi", "capaian"),
        pl.format("{} {}", pl.col("indikator"), pl.col("tahun")),
        link=pl.when(pl.col("tahun") == pl.col("tahun_laporan")).then(
            pl.concat_str([pl.col("submission_id"), key, fmt_num(pl.col("capaian"))], separator="|")
        ),
    )
    ctx.tables["tren_iku"] = frame.drop("tahun_laporan")
    out.extend(found)
    frame, found = _check_table(
        ctx,
        "program_kegiatan",
        "CAP003",
        ("target_kinerja", "realisasi_kinerja", "persen_kinerja"),
        pl.col("nama"),
    )
    ctx.tables["program_kegiatan"] = frame
    out.extend(found)
    return out
