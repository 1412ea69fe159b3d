"""IDN: who submitted, for which year, and whether the file says the same.

Region names are compared as text keys (case, spaces, punctuation and a leading
'Kabupaten'/'Kab.'/'Kecamatan'/'Kec.' ignored, :func:`schemas.wilayah.region_key`)
against ``ValidateConfig.wilayah`` (default the national list, read through
:func:`schemas.wilayah.reference`).
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from schemas.catalog import Rule, register
from schemas.contract import IDENTITAS_REQUIRED
from schemas.rules.base import Context, cell_expr, detail, emit, text_key
from schemas.wilayah import reference, region_key

IDN001 = register(Rule(
    "IDN001", "error",
    "Kecamatan tidak dikenal atau kode wilayah tidak cocok",
    "Unknown kecamatan or mismatching region code",
    "Kecamatan/kode di {cell} tertulis '{found}', tidak cocok dengan daftar wilayah {label} "
    "({detail}).",
    "Kecamatan/code at {cell} says '{found}', which does not match the region list of {label} "
    "({detail}).",
    "Periksa {cell}: yang cocok adalah {expected} (kode Kemendagri).",
    "Check {cell}: the match is {expected} (Kemendagri code).",
    tables=("identitas",),
    formula="the identitas kecamatan is in the national list (Kepmendagri 2025) for its"
    " kabupaten; the region code (kode_wilayah) equals that kecamatan's code (digits compared)",
    details={
        "by_name": ("nama kecamatan", "the kecamatan name"),
        "by_code": ("kode wilayah", "the region code"),
    },
))  # fmt: skip
IDN002 = register(Rule(
    "IDN002", "warning",
    "Kabupaten tidak dikenal", "Unknown kabupaten",
    "Kabupaten '{found}' di {cell} tidak ada dalam daftar wilayah lakip ({detail}).",
    "Kabupaten '{found}' at {cell} is not in lakip's region list ({detail}).",
    "Periksa ejaan di {cell}: tulis nama kabupaten/kota seperti daftar Kemendagri (mis. 'Batu Bara'"
    " atau 'Kabupaten Batu Bara').",
    "Check the spelling at {cell}: write the kabupaten/kota as the Kemendagri list does (e.g. "
    "'Batu Bara' or 'Kabupaten Batu Bara').",
    tables=("identitas",),
    formula="the identitas kabupaten ('Kabupaten'/'Kab.' ignored) is in the national list"
    " (Kepmendagri 2025)",
))  # fmt: skip
IDN003 = register(Rule(
    "IDN003", "error",
    "Tahun atau tanggal laporan tidak masuk akal", "Implausible year or report date",
    "{label} di {cell} tertulis '{found}': {detail}.",
    "{label} at {cell} says '{found}': {detail}.",
    "Periksa {cell}: isian yang masuk akal adalah {expected}.",
    "Check {cell}: a plausible entry is {expected}.",
    tables=("identitas",),
    formula="2015 (configurable) ≤ tahun ≤ current year + 1; the report date (ISO, dd/mm/yyyy or"
    " '30 Januari 2026') after 31 December of tahun",
    details={
        "year_range": ("tahun di luar {}-{}", "year outside {}-{}"),
        "unreadable": ("tanggal tidak terbaca", "unreadable date"),
        "early": (
            "laporan tahun {} bertanggal sebelum tahun itu berakhir",
            "the {} report is dated before that year ended",
        ),
    },
))  # fmt: skip
IDN004 = register(Rule(
    "IDN004", "warning",
    "Nama berkas tidak sesuai identitas", "File name disagrees with identitas",
    "Berkas {cell} menunjuk {found}, sedangkan identitas menyatakan {expected}.",
    "File {cell} points at {found}, while identitas says {expected}.",
    "Pindahkan atau ganti nama berkas menjadi <tahun>/<kecamatan>.xlsx sesuai identitas "
    "({expected}), atau perbaiki identitas.",
    "Move or rename the file to <tahun>/<kecamatan>.xlsx per identitas ({expected}), or fix "
    "identitas.",
    tables=("identitas",),
    formula="raw/<tahun>/<kecamatan-slug>.xlsx (or folder, or a '-<tahun>' suffix): the year and "
            "the"
    " slug agree with identitas; identitas wins, the file name is only reported",
))  # fmt: skip
IDN005 = register(Rule(
    "IDN005", "error",
    "Identitas wajib tidak ada", "Required identitas key missing",
    "Identitas '{label}' tidak ada atau kosong ({cell}).",
    "Identitas '{label}' is missing or empty ({cell}).",
    "Tambahkan baris '{label}' beserta nilainya di sheet identitas.",
    "Add the row '{label}' with its value to the identitas sheet.",
    tables=("identitas",),
    formula="the required identitas rows (provinsi, kabupaten, kecamatan, tahun,"
    " penanggung_jawab, nip, tanggal_laporan) present and filled",
))  # fmt: skip
IDN006 = register(Rule(
    "IDN006", "error",
    "Dua kiriman untuk kecamatan dan tahun yang sama",
    "Two submissions for the same kecamatan and year",
    "{label} ({cell}) dikirim lebih dari sekali dalam satu proses: {detail}.",
    "{label} ({cell}) was submitted more than once in one run: {detail}.",
    "Hapus kiriman lama dari folder kiriman; simpan satu berkas per kecamatan dan tahun.",
    "Remove the older submission from the submissions folder; keep one file per kecamatan and"
    " year.",
    tables=("identitas",),
    formula="one submission per (kabupaten, kecamatan, tahun) per run, names compared without"
    " case/spaces",
))  # fmt: skip

BULAN = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_tanggal(expr: pl.Expr) -> pl.Expr:
    """Report date as typed: ISO, dd/mm/yyyy, '30 Januari 2026', or an Excel serial day."""
    text = expr.str.strip_chars().str.to_lowercase()
    iso = text.str.extract(r"^(\d{4}-\d{2}-\d{2})", 1).str.to_date("%Y-%m-%d", strict=False)
    parts = text.str.extract_groups(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
    dmy = _date(
        parts.struct.field("3").cast(pl.Int32, strict=False),
        parts.struct.field("2").cast(pl.Int32, strict=False),
        parts.struct.field("1").cast(pl.Int32, strict=False),
    )
    words = text.str.extract_groups(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
    month = words.struct.field("2").replace_strict(BULAN, default=None, return_dtype=pl.Int32)
    spelled = _date(
        words.struct.field("3").cast(pl.Int32, strict=False),
        month,
        words.struct.field("1").cast(pl.Int32, strict=False),
    )
    serial = text.str.extract(r"^(\d{5})(?:\.0+)?$", 1).cast(pl.Int64, strict=False)
    excel = pl.lit(EXCEL_EPOCH) + pl.duration(days=serial)
    valid = [
        pl.when(d.is_not_null() & d.dt.year().is_between(1900, 2200)).then(d)
        for d in (iso, dmy, spelled, excel.cast(pl.Date))
    ]
    return pl.coalesce(valid)


def _date(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """``pl.date`` that is null for a day the month does not have ('30 Februari 2026').

    ``pl.date`` raises on any impossible date in the column, stopping validation.
    """
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days = (
        pl.when(month == 2)
        .then(pl.when(leap).then(29).otherwise(28))
        .when(month.is_in([4, 6, 9, 11]))
        .then(30)
        .otherwise(31)
    )
    real = month.is_between(1, 12) & (day >= 1) & (day <= days) & year.is_between(1, 9999)
    return pl.date(pl.when(real).then(year), pl.when(real).then(month), pl.when(real).then(day))


def parsed_dates(texts: pl.Series) -> pl.Series:
    """:func:`parse_tanggal` of each text, parsed once per distinct text.

    A run types few distinct dates. (Not with ``per_value``: polars 2.1 panics
    evaluating this expression on a column's ``unique()``.)
    """
    distinct = texts.unique().drop_nulls().to_frame("_text")
    distinct = distinct.with_columns(parse_tanggal(pl.col("_text")).alias("_date"))
    return (
        texts.to_frame("_text")
        .join(distinct, on="_text", how="left", maintain_order="left")
        .get_column("_date")
        .alias(texts.name)
    )


def _kv(ctx: Context, key: str) -> pl.DataFrame:
    """submission_id -> sheet, row, raw value and cell of one identitas key."""
    kv = ctx.tables["identitas"].filter(pl.col("kolom") == key)
    kv = kv.unique("submission_id", keep="first", maintain_order=True)
    return cell_expr(kv, "identitas", "nilai", ctx).select(
        "submission_id",
        pl.col("sheet").alias(f"{key}_sheet"),
        pl.col("row").alias(f"{key}_row"),
        pl.col("_cell").alias(f"{key}_cell"),
    )


def _at(key: str) -> list[pl.Expr]:
    return [
        pl.col(f"{key}_sheet").alias("sheet"),
        pl.col(f"{key}_row").alias("row"),
        pl.lit("identitas").alias("table"),
        pl.lit("nilai").alias("column"),
    ]


def check(ctx: Context) -> list[pl.DataFrame]:
    subs = ctx.submissions
    for key in ("kabupaten", "kecamatan", "kode_wilayah", "tahun", "tanggal_laporan"):
        subs = subs.join(_kv(ctx, key), on="submission_id", how="left")
    wilayah = reference(ctx.config.wilayah).frame.select(
        "kode", "kabupaten_nama", "kecamatan", _kab="kab_key", _kec="kec_key"
    )
    kab_list = wilayah.group_by("_kab").agg(
        pl.col("kabupaten_nama").first().alias("_kab_nama"),
        pl.col("kecamatan").sort().str.join(", ").alias("_kec_list"),
    )
    subs = subs.with_columns(
        region_key(pl.col("kabupaten")).alias("_kab"), region_key(pl.col("kecamatan")).alias("_kec")
    ).join(kab_list, on="_kab", how="left")
    known = wilayah.select(
        "_kab", "_kec", pl.col("kode").alias("_kode"), pl.col("kecamatan").alias("_kec_nama")
    )
    subs = subs.join(known, on=["_kab", "_kec"], how="left")
    out = []
    known_kab = pl.col("_kab_nama").is_not_null()
    out.append(
        emit(
            subs.filter(pl.col("kabupaten").is_not_null() & ~known_kab).select(
                "submission_id", *_at("kabupaten"),
                pl.lit("kabupaten").alias("label"),
                pl.col("kabupaten").alias("found"),
                pl.lit(str(ctx.config.wilayah.name)).alias("detail"),
            ),
            IDN002,
            ctx,
        )
    )  # fmt: skip
    unknown_kec = known_kab & pl.col("kecamatan").is_not_null() & pl.col("_kode").is_null()
    out.append(
        emit(
            subs.filter(unknown_kec).select(
                "submission_id", *_at("kecamatan"),
                pl.col("_kab_nama").alias("label"),
                pl.col("_kec_list").alias("expected"),
                pl.col("kecamatan").alias("found"),
                detail(IDN001, "by_name").alias("detail"),
            ),
            IDN001,
            ctx,
        )
    )  # fmt: skip
    digits = pl.col("kode_wilayah").str.replace_all(r"\D", "")
    wrong_kode = (
        pl.col("_kode").is_not_null()
        & pl.col("kode_wilayah").is_not_null()
        & (digits != pl.col("_kode").str.replace_all(r"\D", ""))
    )
    out.append(
        emit(
            subs.filter(wrong_kode).select(
                "submission_id", *_at("kode_wilayah"),
                pl.col("_kab_nama").alias("label"),
                pl.format("{} ({})", pl.col("_kode"), pl.col("_kec_nama")).alias("expected"),
                pl.col("kode_wilayah").alias("found"),
                detail(IDN001, "by_code").alias("detail"),
            ),
            IDN001,
            ctx,
        )
    )  # fmt: skip
    out.extend(_dates(ctx, subs))
    out.append(_path(ctx, subs))
    out.append(_required(ctx))
    out.append(_duplicates(ctx, subs))
    return out


def _dates(ctx: Context, subs: pl.DataFrame) -> list[pl.DataFrame]:
    lo, hi = ctx.config.tahun_min, ctx.config.year_now + 1
    kv = ctx.tables["identitas"].filter(pl.col("kolom") == "tahun").unique("submission_id")
    raw_tahun = kv.select("submission_id", pl.col("nilai").alias("_tahun_raw"))
    subs = subs.join(raw_tahun, on="submission_id", how="left")
    bad_year = pl.col("_tahun_raw").is_not_null() & (
        pl.col("tahun").is_null() | ~pl.col("tahun").is_between(lo, hi)
    )
    years = emit(
        subs.filter(bad_year).select(
            "submission_id", *_at("tahun"),
            pl.lit("tahun").alias("label"),
            pl.lit(f"{lo} - {hi}").alias("expected"),
            pl.col("_tahun_raw").alias("found"),
            detail(IDN003, "year_range", pl.lit(str(lo)), pl.lit(str(hi))).alias("detail"),
        ),
        IDN003,
        ctx,
    )  # fmt: skip
    subs = subs.with_columns(parsed_dates(subs.get_column("tanggal_laporan")).alias("_tanggal"))
    tanggal = pl.col("_tanggal")
    year_end = pl.date(pl.col("tahun"), 12, 31)
    unreadable = pl.col("tanggal_laporan").is_not_null() & tanggal.is_null()
    early = tanggal.is_not_null() & pl.col("tahun").is_not_null() & (tanggal <= year_end)
    dates = emit(
        subs.lazy()
        .filter(unreadable | early)
        .select(
            "submission_id", *_at("tanggal_laporan"),
            pl.lit("tanggal_laporan").alias("label"),
            pl.when(unreadable)
            .then(pl.lit("YYYY-MM-DD"))
            .otherwise(pl.format("> {}-12-31", pl.col("tahun")))
            .alias("expected"),
            pl.col("tanggal_laporan").alias("found"),
            pl.when(unreadable)
            .then(detail(IDN003, "unreadable"))
            .otherwise(detail(IDN003, "early", "tahun"))
            .alias("detail"),
        )
        .collect(engine="in-memory"),
        IDN003,
        ctx,
    )  # fmt: skip
    return [years, dates]


def slug(expr: pl.Expr) -> pl.Expr:
    """'Medang Deras' -> 'medang-deras'."""
    return expr.str.to_lowercase().str.replace_all(r"[^a-z0-9]+", "-").str.strip_chars("-")


def _path(ctx: Context, subs: pl.DataFrame) -> pl.DataFrame:
    """IDN004: raw/<tahun>/<slug>.xlsx (or folder, or '<slug>-<tahun>') agrees with identitas."""
    path = pl.col("path").str.replace_all(r"\\", "/").str.strip_chars_end("/")
    name = path.str.extract(r"([^/]+)$", 1)
    parent = path.str.extract(r"([^/]+)/[^/]+$", 1)
    stem = name.str.replace(r"(?i)\.(xlsx|xlsm|xlsb|xls|ods)$", "")
    suffix_year = stem.str.extract(r"[-_ ](\d{4})$", 1)
    parent_year = parent.str.extract(r"^(\d{4})$", 1)
    file_year = pl.coalesce(parent_year, suffix_year).cast(pl.Int64, strict=False)
    file_slug = stem.str.replace(r"[-_ ]\d{4}$", "")
    # the file as the rule reads it, <tahun>/<name>: not the server's whole path
    shown = pl.when(parent.is_not_null()).then(pl.format("{}/{}", parent, name)).otherwise(name)
    frame = subs.with_columns(
        file_year.alias("_year"), file_slug.alias("_slug"), shown.alias("_name")
    ).filter(pl.col("_year").is_not_null())
    wrong_year = pl.col("tahun").is_not_null() & (pl.col("_year") != pl.col("tahun"))
    wrong_slug = pl.col("kecamatan").is_not_null() & (
        text_key(pl.col("_slug")) != region_key(pl.col("kecamatan"))
    )
    bad = frame.filter(wrong_year | wrong_slug)
    return emit(
        bad.select(
            "submission_id",
            pl.col("_name").alias("cell"),
            pl.lit("identitas").alias("table"),
            pl.col("_name").alias("label"),
            pl.format("{} / {}", pl.col("tahun"), slug(pl.col("kecamatan"))).alias("expected"),
            pl.format("{} / {}", pl.col("_year"), pl.col("_slug")).alias("found"),
        ),
        IDN004,
        ctx,
    )


def _required(ctx: Context) -> pl.DataFrame:
    """IDN005: every required key present and filled (only where an identitas sheet exists)."""
    kv = ctx.tables["identitas"]
    sheets = kv.group_by("submission_id").agg(pl.col("sheet").first())
    required = pl.DataFrame({"label": list(IDENTITAS_REQUIRED)})
    filled = kv.filter(pl.col("nilai").is_not_null()).select(
        "submission_id", pl.col("kolom").alias("label")
    )
    missing = sheets.join(required, how="cross").join(
        filled, on=["submission_id", "label"], how="anti"
    )
    return emit(
        missing.select("submission_id", "sheet", pl.lit("identitas").alias("table"), "label"),
        IDN005,
        ctx,
    )


def _duplicates(ctx: Context, subs: pl.DataFrame) -> pl.DataFrame:
    """IDN006: one submission per kabupaten, kecamatan and tahun in a run."""
    keys = ["_kab", "_kec", "tahun"]
    frame = subs.filter(pl.col("_kec").is_not_null() & pl.col("tahun").is_not_null())
    frame = frame.with_columns(
        pl.len().over(keys).alias("_n"),
        # each by its year folder and name ('2025/air-putih.xlsx'), not the server's path
        pl.col("path")
        .str.extract(r"([^/\\]+[/\\][^/\\]+)[/\\]*$")
        .sort()
        .str.join(", ")
        .over(keys)
        .alias("_paths"),
    ).filter(pl.col("_n") > 1)
    return emit(
        frame.select(
            "submission_id",
            *_at("kecamatan"),
            pl.format("{} {}", pl.col("kecamatan"), pl.col("tahun")).alias("label"),
            pl.lit("1").alias("expected"),
            pl.col("_n").cast(pl.String).alias("found"),
            pl.col("_paths").alias("detail"),
        ),
        IDN006,
        ctx,
    )
