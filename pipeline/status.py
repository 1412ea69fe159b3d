"""``lakip status``: who has sent what, against every kecamatan the reference expects.

The rows are the kecamatan of the national reference (Kemendagri) for each kabupaten in
scope: the kabupaten of the submissions present, or the one asked for. Each gets one
state, from its latest version:

- ``belum masuk``: nothing received;
- ``tidak terbaca``: a file that could not be read (ING001);
- ``galat``: read, with errors;
- ``hanya peringatan``: read, warnings only;
- ``bersih``: read, no finding.

Two sources feed the same table: a validate run over raw/ (:func:`received_from_run`;
versions are files of the same kecamatan and year, dated by their modification time)
and the warehouse (:func:`received_from_warehouse`; versions are the loaded versions,
dated by their load time). The report's ``pengiriman.html`` and the ``Pengiriman`` sheet
of ``ringkasan.xlsx`` use the second.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl

from pipeline.errors import LakipError
from schemas.rules.ingest import ING001
from schemas.text import t

__all__ = [
    "STATES",
    "StatusError",
    "format_status",
    "received_from_run",
    "received_from_warehouse",
    "state_labels",
    "status_table",
]

STATES = ("belum masuk", "tidak terbaca", "galat", "hanya peringatan", "bersih")


def state_labels(lang: str) -> dict[str, str]:
    """Each state (as in STATES, the data's own words) as a reader of ``lang`` says it."""
    return {s: t(f"status.state.{s}", lang) for s in STATES}


RECEIVED_SCHEMA: dict[str, Any] = {
    "submission_id": pl.String,
    "kode_wilayah": pl.String,
    "provinsi": pl.String,
    "kabupaten": pl.String,
    "kecamatan": pl.String,
    "tahun": pl.Int64,
    "path": pl.String,
    "diterima": pl.Datetime("us"),
    "galat": pl.Int64,
    "peringatan": pl.Int64,
    "tidak_terbaca": pl.Boolean,
    "sintetis": pl.Boolean,
}
STATUS_COLUMNS = (
    "tahun",
    "kode_wilayah",
    "kabupaten",
    "kecamatan",
    "status",
    "galat",
    "peringatan",
    "versi",
    "terakhir_diterima",
    "berkas",
    "sintetis",
)


class StatusError(LakipError):
    """Nothing to say: no year given and nothing received, or an unknown kabupaten code."""


@lru_cache(maxsize=1)
def _reference() -> pl.DataFrame:
    """The national list (kode, provinsi, kabupaten, kecamatan) with matching keys."""
    from schemas import wilayah

    ref = wilayah.reference().frame.select("kode", "provinsi", "kabupaten", "kecamatan")
    return ref.with_columns(
        pl.col("kode").str.slice(0, 5).alias("kode_kabupaten"),
        _name_key(pl.col("kabupaten")).alias("_kab"),
        _name_key(pl.col("kecamatan")).alias("_kec"),
    )


def _name_key(expr: pl.Expr) -> pl.Expr:
    """'Kabupaten Batu Bara' ~ 'batu bara' ~ 'Batu-Bara'; 'Kota X' stays apart from X."""
    return (
        expr.str.to_lowercase()
        .str.replace(r"^\s*(kabupaten|kab\.?|kecamatan|kec\.?)\s+", "")
        .str.replace_all(r"[^0-9a-z]", "")
    )


# ------------------------------------------------------------------ sources


def received_from_run(result: Any) -> pl.DataFrame:
    """One row per file of a validate run (``pipeline.validate.Validation``)."""
    subs: pl.DataFrame = result.submissions
    found: pl.DataFrame = result.findings
    counts = found.group_by("submission_id").agg(
        (pl.col("severity") == "error").sum().cast(pl.Int64).alias("galat"),
        (pl.col("severity") == "warning").sum().cast(pl.Int64).alias("peringatan"),
        (pl.col("rule") == ING001.code).any().alias("tidak_terbaca"),
    )
    dates = [_mtime(p) for p in subs.get_column("path").to_list()]
    year_of_folder = pl.col("path").str.extract(r"(?:^|[\\/])(\d{4})[\\/][^\\/]+[\\/]?$", 1)
    out = (
        subs.join(counts, on="submission_id", how="left")
        .with_columns(
            pl.Series("diterima", dates, dtype=pl.Datetime("us")),
            pl.coalesce(pl.col("tahun"), year_of_folder.cast(pl.Int64, strict=False)).alias(
                "tahun"
            ),
        )
        .with_columns(
            pl.col("galat").fill_null(0),
            pl.col("peringatan").fill_null(0),
            pl.col("tidak_terbaca").fill_null(False),
        )
    )
    return out.select([pl.col(n).cast(t) for n, t in RECEIVED_SCHEMA.items()])


def _mtime(path: str) -> datetime | None:
    try:
        stamp = Path(path).stat().st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(stamp, UTC).replace(tzinfo=None, microsecond=0)


def received_from_warehouse(con: Any, tahun: int | None = None) -> pl.DataFrame:
    """Every loaded version (current or superseded) from the warehouse's ``submissions``."""
    frame = con.sql(
        """
        SELECT s.submission_id, s.kode_wilayah, s.provinsi, s.kabupaten, s.kecamatan,
            CAST(s.tahun AS BIGINT) AS tahun, s.path,
            CAST(date_trunc('second', s.loaded_at) AS TIMESTAMP) AS diterima,
            CAST(coalesce(s.error_count, 0) AS BIGINT) AS galat,
            CAST(coalesce(s.warning_count, 0) AS BIGINT) AS peringatan,
            EXISTS (SELECT 1 FROM findings f
                    WHERE f.submission_id = s.submission_id AND f.rule = 'ING001')
                AS tidak_terbaca,
            coalesce(s.sintetis, false) AS sintetis
        FROM submissions s
        WHERE $tahun IS NULL OR s.tahun = $tahun
        """,
        params={"tahun": tahun},
    ).pl()
    if frame.height == 0:
        return pl.DataFrame(schema=RECEIVED_SCHEMA)
    return frame.select([pl.col(n).cast(t) for n, t in RECEIVED_SCHEMA.items()])


def nothing_received() -> pl.DataFrame:
    """No file received at all (an empty raw/): every expected kecamatan is 'belum masuk'."""
    return pl.DataFrame(schema=RECEIVED_SCHEMA)


# ------------------------------------------------------------------ the table


def _place(received: pl.DataFrame) -> pl.DataFrame:
    """Each file's reference kode: its own kode_wilayah, else its names, else its file name.

    A file whose names are a known kecamatan but whose kode_wilayah is another (IDN001) is
    ``_apart``: the warehouse gives it a key of its own, so it fills neither kecamatan's row
    (nor counts as a version of either) and is shown on a row of its own."""
    ref = _reference()
    by_code = ref.select(pl.col("kode").alias("_k1"))
    by_name = ref.select("_kab", "_kec", pl.col("kode").alias("_k2")).unique(
        ["_kab", "_kec"], keep="none"
    )
    frame = received.with_columns(
        _name_key(pl.col("kabupaten")).alias("_kab"),
        _name_key(pl.col("kecamatan")).alias("_kec"),
        pl.col("kode_wilayah").str.strip_chars().alias("_k1"),
    )
    frame = frame.join(by_code.with_columns(pl.lit(True).alias("_known")), on="_k1", how="left")
    frame = frame.join(by_name, on=["_kab", "_kec"], how="left")
    digits = pl.col("_k1").str.replace_all(r"\D", "") != pl.col("_k2").str.replace_all(r"\D", "")
    apart = pl.col("_k1").is_not_null() & pl.col("_k2").is_not_null() & digits
    return frame.with_columns(
        pl.when(pl.col("_known") | apart)
        .then(pl.col("_k1"))
        .otherwise(pl.col("_k2"))
        .alias("kode"),
        apart.fill_null(False).alias("_apart"),
    ).drop("_known", "_k1", "_k2")


def _by_file_name(placed: pl.DataFrame, expected: pl.DataFrame) -> pl.DataFrame:
    """An unreadable file has no identity: place it by its name (raw/<tahun>/<slug>.xlsx)."""
    stem = (
        pl.col("path")
        .str.replace_all(r"\\", "/")
        .str.strip_chars_end("/")
        .str.extract(r"([^/]+)$", 1)
        .str.replace(r"(?i)\.(xlsx|xls|csv)$", "")
        .str.replace(r"[-_ ]\d{4}$", "")
    )
    names = expected.select(pl.col("kode").alias("_kf"), pl.col("_kec").alias("_stem")).unique(
        "_stem", keep="none"
    )
    return (
        placed.with_columns(_name_key(stem).alias("_stem"))
        .join(names, on="_stem", how="left")
        .with_columns(pl.coalesce("kode", "_kf").alias("kode"))
        .drop("_stem", "_kf")
    )


def status_table(
    received: pl.DataFrame, tahun: int | None = None, kabupaten: str | None = None
) -> pl.DataFrame:
    """One row per expected kecamatan and year (plus any received file the reference lacks).

    ``kabupaten`` is a Kemendagri code ('12.19'); without it, the kabupaten of the files
    received. Rows are in kode order; the state comes from the latest version received.
    """
    ref = _reference()
    if tahun is not None:
        received = received.filter(pl.col("tahun") == tahun)
    placed = _place(received)
    if kabupaten:
        codes = [kabupaten.strip()]
        if ref.filter(pl.col("kode_kabupaten") == codes[0]).height == 0:
            raise StatusError(
                f"Kode kabupaten '{kabupaten}' tidak ada di daftar wilayah (contoh: 12.19). / "
                f"Kabupaten code '{kabupaten}' is not in the reference (e.g. 12.19)."
            )
    else:
        codes = sorted(
            {k[:5] for k in placed.get_column("kode").drop_nulls().to_list()}
            | _kabupaten_by_name(placed)
        )
    expected = ref.filter(pl.col("kode_kabupaten").is_in(codes))
    placed = _by_file_name(placed, expected)
    years = sorted({y for y in placed.get_column("tahun").drop_nulls().to_list()})
    if tahun is not None:
        years = [tahun]
    if not years:
        raise StatusError(
            "Belum ada kiriman yang terbaca tahunnya: sebutkan --tahun. / "
            "No submission with a readable year: give --tahun."
        )
    grid = expected.select(pl.col("kode").alias("kode_wilayah"), "kabupaten", "kecamatan").join(
        pl.DataFrame({"tahun": years}, schema={"tahun": pl.Int64}), how="cross"
    )
    if kabupaten:
        placed = placed.filter(pl.col("kode").is_in(expected.get_column("kode").to_list()))
    own = pl.format("{}|{}", pl.col("kode"), pl.col("_kec"))  # IDN001: a row of its own
    latest = (
        placed.with_columns(
            pl.when(pl.col("_apart"))
            .then(own)
            .otherwise(pl.coalesce("kode", pl.format("?{}", pl.col("path"))))
            .alias("_place")
        )
        .sort("diterima", nulls_last=False)
        .group_by("_place", "tahun", "sintetis", maintain_order=True)
        .agg(
            pl.len().cast(pl.Int64).alias("versi"),
            pl.col("diterima").last().alias("terakhir_diterima"),
            pl.col("path").last().alias("berkas"),
            pl.col("galat").last(),
            pl.col("peringatan").last(),
            pl.col("tidak_terbaca").last(),
            pl.col("kode").last(),
            pl.col("kabupaten").last().alias("_kab_name"),
            pl.col("kecamatan").last().alias("_kec_name"),
            pl.col("_apart").last(),
        )
    )
    # A real submission fills its kecamatan's row; a synthetic one fills it only when no
    # real one came, marked sintetis. Synthetic and real versions are never counted together.
    expected_codes = grid.get_column("kode_wilayah").unique().to_list()
    fills = pl.col("kode").is_in(expected_codes) & ~pl.col("_apart")
    real = latest.filter(~pl.col("sintetis") & fills)
    fake = latest.filter(pl.col("sintetis") & fills)
    fake = fake.join(real.select("kode", "tahun"), on=["kode", "tahun"], how="anti")
    shown = pl.concat([real, fake])
    rows = grid.join(
        shown.drop("_place", "_kab_name", "_kec_name", "_apart"),
        left_on=["kode_wilayah", "tahun"],
        right_on=["kode", "tahun"],
        how="left",
    )
    extra = latest.join(shown.select("_place", "tahun", "sintetis"),
                        on=["_place", "tahun", "sintetis"], how="anti").select(
        "tahun",
        pl.col("kode").alias("kode_wilayah"),
        pl.col("_kab_name").alias("kabupaten"),
        pl.coalesce("_kec_name", pl.lit("?")).alias("kecamatan"),
        "versi",
        "terakhir_diterima",
        "berkas",
        "galat",
        "peringatan",
        "tidak_terbaca",
        "sintetis",
    )  # fmt: skip
    rows = pl.concat([rows, extra], how="diagonal_relaxed")
    state = (
        pl.when(pl.col("versi").is_null())
        .then(pl.lit("belum masuk"))
        .when(pl.col("tidak_terbaca"))
        .then(pl.lit("tidak terbaca"))
        .when(pl.col("galat") > 0)
        .then(pl.lit("galat"))
        .when(pl.col("peringatan") > 0)
        .then(pl.lit("hanya peringatan"))
        .otherwise(pl.lit("bersih"))
    )
    return (
        rows.with_columns(
            state.alias("status"),
            pl.col("versi").fill_null(0),
            pl.col("sintetis").fill_null(False),
        )
        .sort(["tahun", "kode_wilayah"], nulls_last=True)
        .select(list(STATUS_COLUMNS))
    )


def _kabupaten_by_name(placed: pl.DataFrame) -> set[str]:
    """Kabupaten codes of files whose kecamatan is unknown but whose kabupaten name is."""
    ref = _reference().select("_kab", "kode_kabupaten").unique()
    names = placed.filter(pl.col("kode").is_null()).select("_kab").drop_nulls().unique()
    hits = names.join(ref, on="_kab", how="inner")
    if hits.group_by("_kab").len().filter(pl.col("len") > 1).height:
        hits = hits.unique("_kab", keep="none")  # a name used in two provinces: ambiguous
    return set(hits.get_column("kode_kabupaten").to_list())


# ------------------------------------------------------------------ output

HEADERS = ("tahun", "kode", "kabupaten", "kecamatan", "status", "galat", "peringatan", "versi",
           "terakhir_diterima", "berkas")  # fmt: skip
"""The columns of :func:`shown_rows`, each headed by ``status.head.<name>``."""


def headers(lang: str) -> list[str]:
    """The headings of :func:`shown_rows` in ``lang``."""
    return [t(f"status.head.{name}", lang) for name in HEADERS]


def summary(table: pl.DataFrame, lang: str) -> str:
    """'12 kecamatan: 11 belum masuk, 1 galat' in the chosen language."""
    labels = state_labels(lang)
    counts = dict(table.group_by("status").len().iter_rows())
    parts = [f"{counts[s]} {labels[s]}" for s in STATES if counts.get(s)]
    return t("status.summary", lang, n=table.height, parts=", ".join(parts))


def format_status(table: pl.DataFrame, fmt: str) -> str:
    """CSV or JSON text: stable column names, dates in ISO 8601, the state as in STATES."""
    rows = [
        {k: (v.isoformat(sep=" ") if isinstance(v, datetime) else v) for k, v in row.items()}
        for row in table.iter_rows(named=True)
    ]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(table.columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def shown_rows(table: pl.DataFrame, lang: str) -> list[list[str]]:
    """Rows as a person reads them: 'galat (21)', dates without seconds, file names only."""
    labels = state_labels(lang)
    out = []
    for row in table.iter_rows(named=True):
        state = labels[row["status"]]
        if row["status"] == "galat":
            state = f"{state} ({row['galat']})"
        when = row["terakhir_diterima"]
        out.append(
            [
                str(row["tahun"]),
                row["kode_wilayah"] or "?",
                re.sub(r"^(Kabupaten|Kota)\s+", "", row["kabupaten"] or ""),
                (row["kecamatan"] or "?") + (" [sintetis]" if row["sintetis"] else ""),
                state,
                "" if row["versi"] == 0 else str(row["galat"]),
                "" if row["versi"] == 0 else str(row["peringatan"]),
                str(row["versi"]),
                when.strftime("%Y-%m-%d %H:%M") if when else "",
                Path(row["berkas"]).name if row["berkas"] else "",
            ]
        )
    return out
