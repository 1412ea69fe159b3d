"""The kabupaten headline: budget, absorption, mean IKU capaian and which kecamatan are in.

"Belum masuk" counts the kecamatan the national reference (Kepmendagri, package data
``schemas/data/wilayah_kecamatan.csv``) lists for the kabupaten that have no current
submission for the year. A kabupaten the reference does not know (a synthetic one) shows
no expected count rather than a wrong one.
"""

from __future__ import annotations

from functools import cache

import duckdb
import polars as pl

from pipeline.reporting.common import SITUS, query, source, subtitle
from pipeline.reporting.model import Col, Context, Kind, ReportTable
from pipeline.reporting.text import t


@cache
def _wilayah() -> pl.DataFrame:
    """The national kecamatan list (:mod:`schemas.wilayah`): kode, kabupaten (name without
    'Kabupaten '/'Kota ')."""
    from schemas import wilayah

    frame = wilayah.reference().frame.select("kode", pl.col("kabupaten").alias("kabupaten_ref"))
    return frame.with_columns(
        pl.col("kode").str.slice(0, 5).alias("kode_kab"),
        pl.col("kabupaten_ref")
        .str.replace(r"^(Kabupaten|Kota)\s+", "")
        .str.to_lowercase()
        .alias("nama_kab"),
    )


def against_list(frame: pl.DataFrame) -> pl.DataFrame:
    """``diharapkan`` (kecamatan of the kabupaten in the national list, by code, else by
    name) and ``belum_masuk``: those of them not yet in. A row brings ``kode_kab``,
    ``nama_kab`` (lower case) and ``kode_masuk`` (its submissions' codes); a code of another
    kabupaten, an unknown code or a second file of one code fills no slot."""
    ref = _wilayah()
    codes = ref.select(
        "kode", pl.col("kode_kab").alias("_ref_kab"), pl.col("nama_kab").alias("_ref_nama")
    )
    filled = (
        frame.select("kode_kab", "nama_kab", "kode_masuk")
        .with_row_index("_row")
        .explode("kode_masuk")
        .join(codes, left_on="kode_masuk", right_on="kode", how="inner")
        .filter(
            (pl.col("_ref_kab") == pl.col("kode_kab")) | (pl.col("_ref_nama") == pl.col("nama_kab"))
        )
        .group_by("_row")
        .agg(pl.col("kode_masuk").n_unique().alias("_tercakup"))
    )
    return (
        frame.with_row_index("_row")
        .join(ref.group_by("kode_kab").len("_n_kode"), on="kode_kab", how="left")
        .join(ref.group_by("nama_kab").len("_n_nama"), on="nama_kab", how="left")
        .join(filled, on="_row", how="left")
        .with_columns(pl.coalesce("_n_kode", "_n_nama").alias("diharapkan"))
        .with_columns(
            (pl.col("diharapkan") - pl.col("_tercakup").fill_null(0))
            .clip(lower_bound=0)
            .alias("belum_masuk")
        )
        .drop("_row", "_n_kode", "_n_nama", "_tercakup", "kode_masuk")
    )


def headline(con: duckdb.DuckDBPyConnection, ctx: Context) -> ReportTable:
    """One row per kabupaten and kind of data, and a total per kind when it has several rows.

    Real and synthetic kecamatan of one kabupaten are two rows, never one sum (as the
    warehouse keys them apart, ``kabupaten_key`` ending ``|sintetis``): the synthetic row
    is marked, and the headline cards show the real figures whenever there are some.
    """
    lang = ctx.lang
    per_kab = query(
        con,
        f"""
        SELECT _situs, provinsi, kabupaten,
            min(substr(kode_wilayah, 1, 5)) AS kode_kab,
            CAST(sum(pagu_total) AS DECIMAL(18,2)) AS pagu,
            CAST(sum(realisasi_total) AS DECIMAL(18,2)) AS realisasi,
            serapan_persen(sum(pagu_total), sum(realisasi_total)) AS serapan,
            avg(rata_capaian) AS rata_capaian,
            count(*) AS masuk,
            count(*) FILTER (WHERE coalesce(error_count, 0) = 0
                AND coalesce(warning_count, 0) = 0) AS bersih,
            count(*) FILTER (WHERE coalesce(error_count, 0) = 0
                AND coalesce(warning_count, 0) > 0) AS peringatan,
            count(*) FILTER (WHERE coalesce(error_count, 0) > 0) AS galat,
            coalesce(sintetis, false) AS sintetis,
            -- the codes that fill a slot of the national list: not one whose code names
            -- another kecamatan than its name (IDN001, own key ending '|kode ...')
            list(DISTINCT kode_wilayah) FILTER (WHERE kode_wilayah IS NOT NULL
                AND coalesce(kecamatan_key, '') NOT LIKE '%|kode %') AS kode_masuk
        FROM v_ringkasan_kecamatan JOIN {SITUS} USING (submission_id)
        WHERE tahun = $tahun
        -- real apart from synthetic
        GROUP BY _situs, provinsi, kabupaten, coalesce(sintetis, false)
        ORDER BY kode_kab NULLS LAST, kabupaten, sintetis, provinsi
        """,
        tahun=ctx.tahun,
    )
    frame = (
        per_kab.with_columns(pl.col("kabupaten").str.to_lowercase().alias("nama_kab"))
        .pipe(against_list)
        .with_columns(
            pl.lit(False).alias("_total"),
            pl.col("sintetis").alias("_sintetis"),
            pl.col("kabupaten").fill_null("?").alias("_kab"),
        )
    )
    # a total per site and kind of data where that kind has several rows (kabupaten)
    several = frame.group_by("_situs", "sintetis").len().filter(pl.col("len") > 1)
    if several.height:
        total = (
            query(
                con,
                f"""
            SELECT _situs, coalesce(sintetis, false) AS sintetis,
                CAST(sum(pagu_total) AS DECIMAL(18,2)) AS pagu,
                CAST(sum(realisasi_total) AS DECIMAL(18,2)) AS realisasi,
                serapan_persen(sum(pagu_total), sum(realisasi_total)) AS serapan,
                avg(rata_capaian) AS rata_capaian
            FROM v_ringkasan_kecamatan JOIN {SITUS} USING (submission_id)
            WHERE tahun = $tahun
            GROUP BY ALL ORDER BY _situs, sintetis
            """,
                tahun=ctx.tahun,
            )
            .join(several.select("_situs", "sintetis"), on=["_situs", "sintetis"])
            .join(
                frame.group_by("_situs", "sintetis").agg(
                    pl.col("masuk", "bersih", "peringatan", "galat").sum()
                ),
                on=["_situs", "sintetis"],
            )
            .with_columns(
                pl.when(pl.col("sintetis"))
                .then(pl.lit(t("total_sintetis", lang)))
                .otherwise(pl.lit(t("total_resmi", lang)))
                .alias("_kab"),
                pl.lit(True).alias("_total"),
                pl.col("sintetis").alias("_sintetis"),
            )
        )
        frame = pl.concat([frame, total], how="diagonal_relaxed").sort(
            "sintetis", maintain_order=True
        )
    cols = [
        Col("_kab", t("col_kabupaten", lang), excel=False),
        Col("kabupaten", t("col_kabupaten", lang), html=False),
        Col("pagu", t("col_pagu", lang), Kind.MONEY),
        Col("realisasi", t("col_realisasi_anggaran", lang), Kind.MONEY),
        Col("serapan", t("col_serapan", lang), Kind.PERCENT),
        Col("rata_capaian", t("col_rata_capaian", lang), Kind.PERCENT),
        Col("bersih", t("col_n_bersih", lang), Kind.INTEGER, spanner=t("spanner_masuk", lang)),
        Col(
            "peringatan",
            t("col_n_peringatan", lang),
            Kind.INTEGER,
            spanner=t("spanner_masuk", lang),
        ),
        Col("galat", t("col_n_galat", lang), Kind.INTEGER, spanner=t("spanner_masuk", lang)),
        Col("masuk", t("col_n_masuk", lang), Kind.INTEGER, spanner=t("spanner_masuk", lang)),
        Col("belum_masuk", t("col_n_belum", lang), Kind.INTEGER),
        Col("diharapkan", t("col_n_diharapkan", lang), Kind.INTEGER),
    ]
    return ReportTable(
        id="ringkasan-kabupaten",
        title=t("t_ringkasan_kabupaten", lang),
        subtitle=subtitle(ctx),
        frame=frame,
        columns=cols,
        formula=t("f_ringkasan_kabupaten", lang),
        source=source("src_ringkasan_kabupaten", lang),
        sheet=t("sheet_ringkasan_kabupaten", lang),
    )
