"""HIE: program > kegiatan > sub_kegiatan in table 3.17.

The parent of a row is the nearest row above it (same submission, row order) of the
next higher tingkat, found with a forward fill over each submission, never a loop:
a kegiatan's parent is the last program above it; a sub_kegiatan's parent is the last
kegiatan above it provided that kegiatan comes after the last program.
"""

from __future__ import annotations

import polars as pl

from schemas.catalog import Rule, register
from schemas.rules.base import MONEY, Context, Found, detail, emit, fmt_money, tingkat_baku
from schemas.text import header_label

# 'jumlah Pagu (Rp) dari 3 kegiatan': the children a program's or kegiatan's figure is
# compared with ({0} the column's header, {1} how many)

HIE001 = register(Rule(
    "HIE001", "error",
    "Program tidak sama dengan jumlah kegiatannya", "Program differs from the sum of its kegiatan",
    "Program '{label}' ({cell}) tertulis {found}, padahal kegiatannya berjumlah {expected} "
    "({detail}).",
    "Program '{label}' ({cell}) says {found}, but its kegiatan add up to {expected} ({detail}).",
    "Periksa {cell}: {expected} akan membuat program sama dengan kegiatannya; bila program benar,"
    " periksa kegiatan di bawahnya.",
    "Check {cell}: {expected} would make the program equal its kegiatan; if the program is right,"
    " check the kegiatan below it.",
    tables=("program_kegiatan",),
    formula="a program's pagu or realisasi anggaran = the sum of the kegiatan below it (until the"
    " next program), exact to the sen",
    rank=2,
    details={"children": ("jumlah {0} dari {1} kegiatan", "sum of {0} over {1} kegiatan")},
))  # fmt: skip
HIE002 = register(Rule(
    "HIE002", "error",
    "Kegiatan tidak sama dengan jumlah sub kegiatannya",
    "Kegiatan differs from the sum of its sub kegiatan",
    "Kegiatan '{label}' ({cell}) tertulis {found}, padahal sub kegiatannya berjumlah {expected} "
    "({detail}).",
    "Kegiatan '{label}' ({cell}) says {found}, but its sub kegiatan add up to {expected} "
    "({detail}).",
    "Periksa {cell}: {expected} akan membuat kegiatan sama dengan sub kegiatannya (dan"
    " programnya serta JUMLAH ikut sepakat bila hanya sel ini yang salah).",
    "Check {cell}: {expected} would make the kegiatan equal its sub kegiatan (and its program and"
    " the JUMLAH agree when this cell is the only wrong one).",
    tables=("program_kegiatan",),
    formula="a kegiatan's pagu or realisasi anggaran = the sum of the sub kegiatan below it (until"
    " the next kegiatan or program), exact to the sen",
    rank=1,
    details={
        "children": ("jumlah {0} dari {1} sub kegiatan", "sum of {0} over {1} sub kegiatan")
    },
))  # fmt: skip
HIE003 = register(Rule(
    "HIE003", "error",
    "Struktur program/kegiatan tidak sah", "Invalid program/kegiatan structure",
    "Baris {cell} ('{label}') tidak berada dalam struktur program > kegiatan > sub kegiatan: "
    "{detail}.",
    "Row {cell} ('{label}') is outside the program > kegiatan > sub kegiatan structure: {detail}.",
    "Isi tingkat di {cell} ({expected}) dan urutkan baris: setiap kegiatan di bawah programnya,"
    " setiap sub kegiatan di bawah kegiatannya.",
    "Fill the tingkat at {cell} ({expected}) and order the rows: every kegiatan under its program,"
    " every sub kegiatan under its kegiatan.",
    tables=("program_kegiatan",),
    formula="parent = nearest row above of the next higher tingkat (sub kegiatan: a kegiatan after"
    " the last program)",
    details={
        "no_tingkat": ("kolom Tingkat kosong", "the Tingkat column is empty"),
        "no_program": ("kegiatan tanpa program di atasnya", "kegiatan before any program"),
        "no_kegiatan": (
            "sub kegiatan tanpa kegiatan di atasnya dalam programnya",
            "sub kegiatan before any kegiatan of its program",
        ),
    },
))  # fmt: skip
HIE004 = register(Rule(
    "HIE004", "error",
    "Kode tidak menurunkan kode induknya", "Code does not extend its parent's",
    "Kode '{found}' di {cell} tidak diawali kode induknya {expected} ({detail}).",
    "Code '{found}' at {cell} does not start with its parent's code {expected} ({detail}).",
    "Perbaiki kode di {cell} agar diawali {expected}, atau pindahkan baris ke bawah induk yang "
    "benar.",
    "Fix the code at {cell} to start with {expected}, or move the row under its real parent.",
    tables=("program_kegiatan",),
    formula="the code of a row starts with its parent's code and a dot",
    details={"parent": ("induknya di baris {}", "its parent is on row {}")},
))  # fmt: skip

TABLE = "program_kegiatan"
AMOUNTS = (
    ("pagu", "pagu_anak", "pagu"),
    ("realisasi_anggaran", "realisasi_anggaran_anak", "realisasi"),
)


def enrich(ctx: Context) -> None:
    """:func:`derive` applied to the run's 3.17 in place (tests and callers of one family)."""
    ctx.tables[TABLE] = derive(ctx.tables[TABLE], ctx)


def derive(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """3.17 with tingkat_baku, program_row, parent_row and the children's sums.

    The table comes from ingest one submission after another, rows ascending; then the
    rows are tied to their parents by position within each run of a submission (integer
    work, no sort nor join on the string key) and the runs are put in submission order
    at the end (:func:`_enrich_runs`). Any other row order takes :func:`_enrich_plain`.
    Either way the table is sorted by (submission_id, row) and the same columns result.
    The parents' kode found on the way is kept in ``ctx.cache`` for HIE004.
    """
    runs = _runs(frame)
    if runs is None:
        return _enrich_plain(frame)
    enriched, kode_induk = _enrich_runs(frame, runs)
    ctx.cache[_KODE_INDUK] = (enriched.select("submission_id", "row"), kode_induk)
    return enriched


_KODE_INDUK = "hierarchy.kode_induk"


def _runs(frame: pl.DataFrame) -> pl.DataFrame | None:
    """(start, length, submission_id) of each run of a submission, in submission order.

    None unless each submission's rows are one run with ``row`` strictly ascending and
    neither key is ever null: then sorting the runs sorts the table.
    """
    sid, row = pl.col("submission_id"), pl.col("row")
    if frame.height == 0 or frame.select(sid.null_count() + row.null_count()).item():
        return None
    same = sid == sid.shift(1)
    flags = frame.select(
        (same & (row <= row.shift(1))).any().alias("_down"),
        same.not_().fill_null(True).alias("_start"),
    )
    if flags.get_column("_down")[0]:
        return None
    starts = flags.get_column("_start").arg_true()
    runs = pl.DataFrame(
        {
            "_start": starts,
            "_len": pl.concat([starts, pl.Series([frame.height], dtype=starts.dtype)]).diff(
                null_behavior="drop"
            ),
            "submission_id": frame.get_column("submission_id").gather(starts),
        }
    )
    if runs.get_column("submission_id").n_unique() != runs.height:
        return None
    return runs.sort("submission_id")


def _enrich_runs(frame: pl.DataFrame, runs: pl.DataFrame) -> tuple[pl.DataFrame, pl.Series]:
    """:func:`_enrich_plain` for a table of runs (see :func:`_runs`); also each row's
    parent's ``kode`` (for HIE004), aligned with the result."""
    tingkat = pl.col("tingkat_baku")
    row = pl.col("row")
    pos = pl.int_range(pl.len(), dtype=pl.Int64)
    run = (pl.col("submission_id") != pl.col("submission_id").shift(1)).fill_null(True).cum_sum()
    frame = frame.with_columns(tingkat_baku(pl.col("tingkat")).alias("tingkat_baku"))
    work = frame.select(tingkat, row, run.alias("_run"), pos.alias("_pos"))

    def last_above(level: str) -> list[pl.Expr]:
        # the last row of ``level`` at or above each row, kept only within its own run
        at = tingkat == level
        same_run = pl.when(at).then(pl.col("_run")).forward_fill() == pl.col("_run")
        return [
            pl.when(same_run).then(pl.when(at).then(row).forward_fill()).alias(f"_{level}_row"),
            pl.when(same_run)
            .then(pl.when(at).then(pl.col("_pos")).forward_fill())
            .alias(f"_{level}_pos"),
        ]

    work = work.with_columns(*last_above("program"), *last_above("kegiatan"))
    kegiatan_ok = pl.col("_kegiatan_row").is_not_null() & (
        pl.col("_program_row").is_null() | (pl.col("_kegiatan_row") > pl.col("_program_row"))
    )

    def parent(level: str) -> pl.Expr:
        return (
            pl.when(tingkat == "kegiatan")
            .then(pl.col(f"_program_{level}"))
            .when((tingkat == "sub_kegiatan") & kegiatan_ok)
            .then(pl.col(f"_kegiatan_{level}"))
            .otherwise(None)
        )

    work = work.select(
        pl.when(tingkat.is_in(["program", "kegiatan", "sub_kegiatan"]))
        .then(pl.col("_program_row"))
        .otherwise(None)
        .alias("program_row"),
        parent("row").alias("parent_row"),
        parent("pos").alias("_parent_pos"),
    )
    frame = pl.concat([frame, work.drop("_parent_pos")], how="horizontal")
    parent_pos = work.get_column("_parent_pos")
    children = (
        frame.select(*[col for col, _, _ in AMOUNTS])
        .with_columns(parent_pos)
        .filter(pl.col("_parent_pos").is_not_null())
        .group_by("_parent_pos")
        .agg(
            pl.len().alias("_n"),
            *[pl.col(col).count().alias(f"_n_{col}") for col, _, _ in AMOUNTS],
            *[pl.col(col).sum().alias(anak) for col, anak, _ in AMOUNTS],
        )
    )
    complete = [
        pl.when(pl.col(f"_n_{col}") == pl.col("_n")).then(pl.col(anak).cast(MONEY)).alias(anak)
        for col, anak, _ in AMOUNTS
    ]
    # each parent's sums placed at its position: the key is an integer, not a string
    sums = (
        pl.DataFrame({"_parent_pos": pl.int_range(frame.height, dtype=pl.Int64, eager=True)})
        .join(
            children.with_columns(complete),
            on="_parent_pos",
            how="left",
            maintain_order="left",
        )
        .select(pl.col("_n").alias("jumlah_anak"), *[anak for _, anak, _ in AMOUNTS])
    )
    kode_induk = frame.get_column("kode").gather(parent_pos).alias("kode_induk")
    order = runs.select(
        pl.int_ranges("_start", pl.col("_start") + pl.col("_len")).explode().alias("_order")
    ).get_column("_order")
    out = pl.concat([frame, sums], how="horizontal")[order]
    return out, kode_induk[order]


def _enrich_plain(frame: pl.DataFrame) -> pl.DataFrame:
    """Sort by (submission_id, row), then find each row's parent by forward fills."""
    frame = frame[frame.select(pl.arg_sort_by("submission_id", "row")).to_series()]
    tingkat = pl.col("tingkat_baku")
    row = pl.col("row")
    frame = frame.with_columns(tingkat_baku(pl.col("tingkat")).alias("tingkat_baku"))
    frame = frame.with_columns(
        pl.when(tingkat == "program")
        .then(row)
        .otherwise(None)
        .forward_fill()
        .over("submission_id")
        .alias("program_row"),
        pl.when(tingkat == "kegiatan")
        .then(row)
        .otherwise(None)
        .forward_fill()
        .over("submission_id")
        .alias("_kegiatan_above"),
    )
    kegiatan_ok = pl.col("_kegiatan_above").is_not_null() & (
        pl.col("program_row").is_null() | (pl.col("_kegiatan_above") > pl.col("program_row"))
    )
    parent = (
        pl.when(tingkat == "kegiatan")
        .then(pl.col("program_row"))
        .when((tingkat == "sub_kegiatan") & kegiatan_ok)
        .then(pl.col("_kegiatan_above"))
        .otherwise(None)
    )
    frame = frame.with_columns(
        parent.alias("parent_row"),
        pl.when(tingkat.is_in(["program", "kegiatan", "sub_kegiatan"]))
        .then(pl.col("program_row"))
        .otherwise(None)
        .alias("program_row"),
    ).drop("_kegiatan_above")
    children = (
        frame.filter(pl.col("parent_row").is_not_null())
        .group_by("submission_id", "parent_row")
        .agg(
            pl.len().alias("_n"),
            *[pl.col(col).count().alias(f"_n_{col}") for col, _, _ in AMOUNTS],
            *[pl.col(col).sum().alias(anak) for col, anak, _ in AMOUNTS],
        )
    )
    complete = [
        pl.when(pl.col(f"_n_{col}") == pl.col("_n")).then(pl.col(anak).cast(MONEY)).alias(anak)
        for col, anak, _ in AMOUNTS
    ]
    children = children.with_columns(complete).rename({"parent_row": "row"})
    # join the keys only and place the sums beside the frame: no copy of its other columns
    sums = (
        frame.select("submission_id", "row")
        .join(
            children.select("submission_id", "row", "_n", *[anak for _, anak, _ in AMOUNTS]),
            on=["submission_id", "row"],
            how="left",
            maintain_order="left",
        )
        .select(pl.col("_n").alias("jumlah_anak"), *[anak for _, anak, _ in AMOUNTS])
    )
    return pl.concat([frame, sums], how="horizontal")


def check(ctx: Context) -> list[Found]:
    frame = ctx.tables[TABLE]
    out: list[Found] = []
    for tingkat, rule in (("program", HIE001), ("kegiatan", HIE002)):
        rows = frame.lazy().filter(pl.col("tingkat_baku") == tingkat)
        for col, anak, kind in AMOUNTS:
            bad = rows.filter(
                pl.col(col).is_not_null()
                & pl.col(anak).is_not_null()
                & (pl.col(col) != pl.col(anak))
            )
            out.append(
                emit(
                    bad.select(
                        "submission_id",
                        "sheet",
                        "row",
                        pl.lit(TABLE).alias("table"),
                        pl.lit(col).alias("column"),
                        pl.col("nama").alias("label"),
                        fmt_money(pl.col(anak)).alias("expected"),
                        fmt_money(pl.col(col)).alias("found"),
                        detail(
                            rule, "children", pl.lit(header_label(TABLE, col)), "jumlah_anak"
                        ).alias("detail"),
                        (pl.col(col).cast(pl.Decimal(38, 2)) - pl.col(anak)).abs().alias("amount"),
                        pl.lit(kind).alias("amount_kind"),
                    ),
                    rule,
                    ctx,
                )
            )
    out.append(_structure(frame, ctx))
    out.append(_kode(frame, ctx))
    return out


def _structure(frame: pl.DataFrame, ctx: Context) -> Found:
    tingkat = pl.col("tingkat_baku")
    why = (
        pl.when(tingkat.is_null())
        .then(detail(HIE003, "no_tingkat"))
        .when(tingkat == "kegiatan")
        .then(detail(HIE003, "no_program"))
        .otherwise(detail(HIE003, "no_kegiatan"))
    )
    expected = (
        pl.when(tingkat.is_null())
        .then(pl.lit("program | kegiatan | sub_kegiatan"))
        .when(tingkat == "kegiatan")
        .then(pl.lit("program"))
        .otherwise(pl.lit("kegiatan"))
    )
    bad = frame.lazy().filter(
        tingkat.is_null()
        | (tingkat.is_in(["kegiatan", "sub_kegiatan"]) & pl.col("parent_row").is_null())
    )
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit(TABLE).alias("table"),
            pl.lit("tingkat").alias("column"),
            pl.col("nama").alias("label"),
            expected.alias("expected"),
            pl.col("tingkat").alias("found"),
            why.alias("detail"),
        ),
        HIE003,
        ctx,
    )


def _same_rows(keys: pl.DataFrame, frame: pl.DataFrame) -> bool:
    """``frame`` holds the rows of ``keys`` (submission_id, row) in the same order."""
    return keys.height == frame.height and keys.equals(frame.select("submission_id", "row"))


def _kode(frame: pl.DataFrame, ctx: Context) -> Found:
    lazy = frame.lazy().select("submission_id", "sheet", "row", "nama", "kode", "parent_row")
    known = ctx.cache.get(_KODE_INDUK)
    if isinstance(known, tuple) and _same_rows(known[0], frame):
        # derive found each parent's kode already, aligned with rows in this order
        rows = lazy.with_columns(known[1]).filter(
            pl.col("kode").is_not_null() & pl.col("parent_row").is_not_null()
        )
    else:
        parents = lazy.select(
            "submission_id", pl.col("row").alias("parent_row"), pl.col("kode").alias("kode_induk")
        )
        rows = lazy.filter(pl.col("kode").is_not_null() & pl.col("parent_row").is_not_null()).join(
            parents, on=["submission_id", "parent_row"], how="inner"
        )
    kode = pl.col("kode").str.strip_chars()
    induk = pl.col("kode_induk").str.strip_chars()
    bad = rows.filter(induk.is_not_null() & ~kode.str.starts_with(induk + "."))
    return emit(
        bad.select(
            "submission_id",
            "sheet",
            "row",
            pl.lit(TABLE).alias("table"),
            pl.lit("kode").alias("column"),
            pl.col("nama").alias("label"),
            (induk + ".…").alias("expected"),
            kode.alias("found"),
            detail(HIE004, "parent", "parent_row").alias("detail"),
        ),
        HIE004,
        ctx,
    )
