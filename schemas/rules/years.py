"""YR: across years, what a report prints about earlier years = what those years' reports said.

The domain rule (``docs/domain-rules.md``, "Across years"): last year's figures printed in
this year's trend table must equal what last year's own submission said. The batch of a
run holds every year under ``raw/``, so each submission S of report year Y is paired with
the submissions R of the **same kecamatan** for each earlier year T < Y, and

- YR001: every ``tren_iku`` row of S with ``tahun`` T (target, realisasi: value and
  predikat) is compared with R's own ``capaian_iku`` row of the same indicator;
- YR002: every ``akip_nilai`` row of S with ``tahun`` T (nilai, and predikat when both
  print one) is compared with R's own ``akip_nilai`` row for T.

**Same kecamatan.** Two submissions are the same kecamatan when both carry a
``kode_wilayah`` and its kecamatan digits are equal (``12.19.01`` = ``121901``); when
either lacks one, when their ``provinsi|kabupaten|kecamatan`` keys are equal (case, spaces,
punctuation and a leading 'Kabupaten'/'Kab.'/'Kecamatan'/'Kec.' ignored, as IDN does).
Two codes that differ are two kecamatan, whatever the names say. A synthetic submission
(``submissions.sintetis``) is compared only with synthetic ones, a real one only with
real ones.

**Matching and tolerance.** Indicators as the cross-table rules match them
(:func:`schemas.rules.base.match_indikator`: normalised name, else the word-subset alias);
numbers agree within one unit of the last printed digit (0,01, :data:`ROUNDING`); a
predikat is compared only when both cells carry one, and a predikat alone matches a score
of the same predikat (:func:`schemas.rules.base.same_measure`).

**Skipped silently:** a year with no submission of that kecamatan in the run, an
indicator that year's report does not list, a cell empty on either side. When the run
holds several submissions of one kecamatan for year T (a revision beside the original;
IDN006 reports that), a figure agreeing with any of them is not a finding; otherwise the
one finding names the last of them in path order (the one a load makes current).

The finding sits on S's cell (the copy); ``expected`` is what year T's own report said and
``detail`` names its cell and file. Everything is joins over all submissions at once.
"""

from __future__ import annotations

import polars as pl

from schemas.catalog import Rule, register
from schemas.rules.base import (
    Context,
    cell_expr,
    detail,
    emit,
    fmt_measure,
    match_indikator,
    predikat_baku,
    same_measure,
)
from schemas.rules.identitas import region_key

_YR_SAME = (
    "same kecamatan = equal kecamatan code (first 6 digits of the Kemendagri code) when both"
    " carry one, else equal provinsi, kabupaten and kecamatan names (case, spaces, punctuation,"
    " 'Kabupaten'/'Kecamatan' ignored); the submission of year T in the same run; synthetic only"
    " with synthetic;"
    " skipped when year T has no submission; several for T: agreeing with any is enough"
)

# where the earlier figure comes from: 'laporan 2024 Medang Deras sendiri (E2 di <file>)'
_SOURCE = {
    "source": ("laporan {} {} sendiri ({} di {})", "the {} report of {} itself ({} in {})"),
    "source_nama": (
        "laporan {} {} sendiri ({} di {}, dicocokkan menurut nama)",
        "the {} report of {} itself ({} in {}, matched by name)",
    ),
    "source_alias": (
        "laporan {} {} sendiri ({} di {}, dicocokkan menurut kata-kata namanya)",
        "the {} report of {} itself ({} in {}, matched by the words of its name)",
    ),
}

YR001 = register(Rule(
    "YR001", "error",
    "Tabel tren berbeda dengan laporan tahun itu sendiri",
    "Trend table differs from that year's own report",
    "Kolom {column} '{label}' di {cell} tertulis {found}, padahal {detail} mencetak {expected}.",
    "The {column} of '{label}' at {cell} says {found}, but {detail} prints {expected}.",
    "Periksa {cell}: salin angka laporan tahun itu ({expected}); bila laporan tahun itu yang"
    " salah, kirim revisinya.",
    "Check {cell}: copy that year's own figure ({expected}); if that year's report is the wrong"
    " one, resubmit it.",
    tables=("tren_iku", "capaian_iku", "identitas"),
    formula="the trend table's target and realisasi of a year T before the report year = the"
    " IKU table's target and realisasi of the same kecamatan's own submission for year T"
    " (indikator matched as XTB; predikat compared when both carry one); tolerance one unit in"
    " the last printed digit (0.01); "
    + _YR_SAME,
    details=_SOURCE,
))  # fmt: skip
YR002 = register(Rule(
    "YR002", "warning",
    "Nilai AKIP tahun sebelumnya berbeda dengan laporan tahun itu",
    "Earlier AKIP score differs from that year's own report",
    "{label} di {cell} tertulis {found}, padahal {detail} mencetak {expected}.",
    "{label} at {cell} says {found}, but {detail} prints {expected}.",
    "Periksa {cell}: salin nilai AKIP dari laporan tahun itu ({expected}), atau dari LHE AKIP"
    " Inspektorat bila laporan tahun itu yang salah.",
    "Check {cell}: copy the AKIP score of that year's report ({expected}), or of the"
    " Inspektorat's evaluation letter if that year's report is the wrong one.",
    tables=("akip_nilai", "identitas"),
    formula="the AKIP score (and predikat when both print one) of a year T before the report"
    " year = the AKIP score of year T in the same kecamatan's own submission for year T;"
    " tolerance 0.01; "
    + _YR_SAME,
    details=_SOURCE,
))  # fmt: skip

# Two reports printing the same figure may round it differently (one unit, 2 decimals).
ROUNDING = 0.01

_PAIR = "_pair"


def kecamatan_identity(subs: pl.DataFrame) -> pl.DataFrame:
    """submission_id -> ``_kode`` (kecamatan code digits) and ``_nama`` (region text key).

    ``_kode`` is the first 6 digits of kode_wilayah (province, kabupaten, kecamatan:
    ``12.19.01`` = ``121901``; a desa code typed by mistake still names its kecamatan);
    a code of fewer digits is unusable and counts as missing. Either may be null; a
    submission with neither cannot be paired with any other.
    """
    digits = pl.col("kode_wilayah").str.replace_all(r"\D", "")
    kode = pl.when(digits.str.len_chars() >= 6).then(digits.str.slice(0, 6))
    kec = region_key(pl.col("kecamatan"))
    nama = pl.concat_str(
        [
            region_key(pl.col("provinsi")).fill_null(""),
            region_key(pl.col("kabupaten")).fill_null(""),
            kec,
        ],
        separator="|",
    )
    return subs.select(
        "submission_id",
        "tahun",
        "path",
        "kecamatan",
        pl.col("sintetis").fill_null(False).alias("sintetis"),
        kode.alias("_kode"),
        pl.when(kec.is_not_null() & (kec != "")).then(nama).alias("_nama"),
    )


def year_pairs(subs: pl.DataFrame) -> pl.DataFrame:
    """(submission_id, ref_id): ref_id is the same kecamatan's submission of an earlier year.

    Columns: ``submission_id``, ``tahun_laporan``, ``ref_id``, ``ref_tahun``, ``ref_path``,
    ``ref_kecamatan``, ``_pair`` (a key of the pair, used as a submission key for matching).
    """
    ident = kecamatan_identity(subs).filter(pl.col("tahun").is_not_null())
    left = ident.select(
        "submission_id", pl.col("tahun").alias("tahun_laporan"), "sintetis", "_kode", "_nama"
    )
    right = ident.select(
        pl.col("submission_id").alias("ref_id"),
        pl.col("tahun").alias("ref_tahun"),
        pl.col("path").alias("ref_path"),
        pl.col("kecamatan").alias("ref_kecamatan"),
        "sintetis",
        pl.col("_kode").alias("_ref_kode"),
        pl.col("_nama").alias("_ref_nama"),
    )
    by_code = left.filter(pl.col("_kode").is_not_null()).join(
        right.filter(pl.col("_ref_kode").is_not_null()),
        left_on=["_kode", "sintetis"],
        right_on=["_ref_kode", "sintetis"],
        how="inner",
    )
    # names decide only where a code is missing on either side: two codes that differ
    # are two kecamatan
    by_name = (
        left.filter(pl.col("_nama").is_not_null())
        .join(
            right.filter(pl.col("_ref_nama").is_not_null()),
            left_on=["_nama", "sintetis"],
            right_on=["_ref_nama", "sintetis"],
            how="inner",
        )
        .filter(pl.col("_kode").is_null() | pl.col("_ref_kode").is_null())
    )
    cols = ["submission_id", "tahun_laporan", "ref_id", "ref_tahun", "ref_path", "ref_kecamatan"]
    pairs = pl.concat([by_code.select(cols), by_name.select(cols)], how="vertical")
    return (
        pairs.filter(
            (pl.col("ref_tahun") < pl.col("tahun_laporan"))
            & (pl.col("ref_id") != pl.col("submission_id"))
        )
        .unique(["submission_id", "ref_id"], maintain_order=True)
        .with_columns(pl.format("{}|{}", "submission_id", "ref_id").alias(_PAIR))
    )


def _detail(rule: Rule, match: pl.Expr | None = None) -> pl.Expr:
    """'laporan 2024 Medang Deras sendiri (Capaian IKU!E2 di 2024/medang-deras.xlsx, ...)'.

    The file by its year folder and name ('2024/medang-deras.xlsx'), not the server's path.
    """
    name = pl.col("ref_path").str.extract(r"([^/\\]+[/\\][^/\\]+)[/\\]*$")
    args: list[str | pl.Expr] = ["ref_tahun", "ref_kecamatan", "_ref_cell", name]
    if match is None:
        return detail(rule, "source", *args)
    return (
        pl.when(match == "alias")
        .then(detail(rule, "source_alias", *args))
        .otherwise(detail(rule, "source_nama", *args))
    )


def _keep_unexplained(bad: pl.DataFrame, ok: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """One finding per S cell: none if any same-year submission agrees, else the last by path."""
    agreed = ok.select(keys).unique()
    return (
        bad.join(agreed, on=keys, how="anti")
        .sort([*keys, "ref_path"], descending=[False] * len(keys) + [True])
        .unique(keys, keep="first", maintain_order=True)
    )


def _has(column: str) -> pl.Expr:
    return pl.col(column).is_not_null() | pl.col(f"{column}_predikat").is_not_null()


def _trend(ctx: Context, pairs: pl.DataFrame) -> list[pl.DataFrame]:
    """YR001: S's trend rows of an earlier year vs that year's own capaian_iku."""
    tren = ctx.tables["tren_iku"].join(
        pairs, left_on=["submission_id", "tahun"], right_on=["submission_id", "ref_tahun"]
    )
    if tren.height == 0:
        return []
    left = tren.rename({"submission_id": "_sid"}).with_columns(
        pl.col(_PAIR).alias("submission_id"), pl.col("tahun").alias("ref_tahun")
    )
    iku = ctx.tables["capaian_iku"].join(
        pairs.select("ref_id", _PAIR).unique(), left_on="submission_id", right_on="ref_id"
    )
    cols = ["indikator", "target", "target_predikat", "realisasi", "realisasi_predikat"]
    iku = cell_expr(iku, "capaian_iku", "target", ctx).rename({"_cell": "_cell_target"})
    iku = cell_expr(iku, "capaian_iku", "realisasi", ctx).rename({"_cell": "_cell_realisasi"})
    right = iku.select(
        pl.col(_PAIR).alias("submission_id"),
        *[pl.col(c).alias(f"ref_{c}") for c in cols],
        pl.col("row").alias("ref_row"),
        "_cell_target",
        "_cell_realisasi",
    )
    matched = match_indikator(left, right, right_name="ref_indikator")
    out = []
    keys = ["_sid", "sheet", "row"]
    for column in ("target", "realisasi"):
        both = matched.filter(_has(column) & _has(f"ref_{column}"))
        agrees = same_measure(column, f"ref_{column}", ROUNDING)
        ok, bad = both.filter(agrees), both.filter(~agrees)
        bad = _keep_unexplained(bad.with_columns(pl.col(f"_cell_{column}").alias("_ref_cell")),
                                ok, keys)  # fmt: skip
        out.append(
            emit(
                bad.select(
                    pl.col("_sid").alias("submission_id"),
                    "sheet",
                    "row",
                    pl.lit("tren_iku").alias("table"),
                    pl.lit(column).alias("column"),
                    pl.format("{} {}", pl.col("indikator"), pl.col("tahun")).alias("label"),
                    fmt_measure(pl.col(f"ref_{column}"), pl.col(f"ref_{column}_predikat")).alias(
                        "expected"
                    ),
                    fmt_measure(pl.col(column), pl.col(f"{column}_predikat")).alias("found"),
                    _detail(YR001, pl.col("match")).alias("detail"),
                ),
                YR001,
                ctx,
            )
        )
    return out


def _akip(ctx: Context, pairs: pl.DataFrame) -> pl.DataFrame:
    """YR002: S's AKIP score of an earlier year vs that year's own akip_nilai."""
    nilai = ctx.tables["akip_nilai"]
    mine = nilai.join(
        pairs, left_on=["submission_id", "tahun"], right_on=["submission_id", "ref_tahun"]
    ).with_columns(pl.col("tahun").alias("ref_tahun"))
    own = cell_expr(nilai, "akip_nilai", "nilai", ctx).select(
        pl.col("submission_id").alias("ref_id"),
        pl.col("tahun").alias("ref_tahun"),
        pl.col("nilai").alias("ref_nilai"),
        pl.col("predikat").alias("ref_predikat"),
        pl.col("_cell").alias("_ref_cell"),
    )
    both = mine.join(own, on=["ref_id", "ref_tahun"], how="inner").filter(
        pl.col("nilai").is_not_null() & pl.col("ref_nilai").is_not_null()
    )
    p, rp = predikat_baku(pl.col("predikat")), predikat_baku(pl.col("ref_predikat"))
    same_nilai = (pl.col("nilai") - pl.col("ref_nilai")).abs() <= ROUNDING + 1e-7
    same_predikat = (p.is_null() | (p == "") | rp.is_null() | (rp == "") | (p == rp)).fill_null(
        True
    )
    agrees = same_nilai & same_predikat
    keys = ["submission_id", "sheet", "row"]
    bad = _keep_unexplained(both.filter(~agrees), both.filter(agrees), keys)
    as_text = {
        side: fmt_measure(
            pl.col(f"{pre}nilai"),
            pl.when(predikat_baku(pl.col(f"{pre}predikat")) != "").then(
                predikat_baku(pl.col(f"{pre}predikat"))
            ),
        )
        for side, pre in (("found", ""), ("expected", "ref_"))
    }
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit("akip_nilai").alias("table"),
            pl.when(same_nilai).then(pl.lit("predikat")).otherwise(pl.lit("nilai")).alias("column"),
            pl.format("AKIP {}", pl.col("tahun")).alias("label"),
            as_text["expected"].alias("expected"),
            as_text["found"].alias("found"),
            _detail(YR002).alias("detail"),
        ),
        YR002,
        ctx,
    )


def check(ctx: Context) -> list[pl.DataFrame]:
    pairs = year_pairs(ctx.submissions)
    if pairs.height == 0:
        return []
    return [*_trend(ctx, pairs), _akip(ctx, pairs)]


__all__ = ["ROUNDING", "check", "kecamatan_identity", "year_pairs"]
