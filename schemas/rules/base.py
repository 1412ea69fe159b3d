"""What every rule family shares: the run context, finding rows, number text, name keys.

Rule families are functions ``check(ctx) -> list[pl.DataFrame]`` over whole tables of
all submissions at once; they build finding frames with :func:`emit`, which locates each
finding at its ``sheet!cell`` and keeps the extra columns the root-cause linker needs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias, overload

import polars as pl

from schemas.catalog import Rule
from schemas.contract import TABLES
from schemas.findings import FINDING_SCHEMA, findings, keyed_detail, locate
from schemas.formulas import round_half_up
from schemas.rules.config import ValidateConfig
from schemas.text import header_label
from schemas.vocab import predikat_baku as predikat_baku  # re-export: rules import it here
from schemas.vocab import tingkat_baku as tingkat_baku

MONEY = pl.Decimal(18, 2)
SUM_MONEY = pl.Decimal(38, 2)
KEYS = ["submission_id", "sheet", "row"]

# The column that says what a row is about, shown as a finding's ``label`` (the contract's
# label role; kept here for callers of the former hand-written dict).
LABELS: dict[str, str] = {t.name: t.label for t in TABLES if t.label}

# Columns kept beside FINDING_SCHEMA until root causes are linked (schemas.rules.roots).
EXTRA_SCHEMA: dict[str, pl.DataType] = {
    "amount": SUM_MONEY,  # |found - expected| of a money finding
    "amount_kind": pl.String(),  # 'pagu' or 'realisasi': what the amount is of
    "link_key": pl.String(),  # same key = the same wrong figure copied elsewhere
}
INTERNAL_SCHEMA: dict[str, pl.DataType] = {
    **{k: v for k, v in FINDING_SCHEMA.items() if k not in ("root", "finding_id")},
    **EXTRA_SCHEMA,
}


@dataclass
class Context:
    """One validation run: the batch's frames (enriched as families run) and settings."""

    submissions: pl.DataFrame
    tables: dict[str, pl.DataFrame]
    totals: dict[str, pl.DataFrame]
    layout: pl.DataFrame
    ingest_findings: pl.DataFrame
    config: ValidateConfig = field(default_factory=ValidateConfig)
    _letters: dict[tuple[str, str], pl.DataFrame] = field(
        default_factory=dict, init=False, repr=False
    )
    # what one family works out and a later one reuses (see e.g. hierarchy.enrich)
    cache: dict[str, object] = field(default_factory=dict, init=False, repr=False)

    @property
    def report_year(self) -> pl.DataFrame:
        """submission_id -> tahun of its identitas (the report year)."""
        return self.submissions.select("submission_id", pl.col("tahun").alias("tahun_laporan"))

    def letters(self, table: str, column: str) -> pl.DataFrame:
        """The layout rows of one column of one table (submission_id, table, column, letter).

        The layout has a row per column of every submission; each table's part is cut out
        once per run (then each column's), so that locating a cell joins the few rows of
        its column, not the whole layout.
        """
        if (table, column) not in self._letters:
            if (table, "") not in self._letters:
                self._letters[(table, "")] = self.layout.select(
                    "submission_id", "table", "column", "letter"
                ).filter(pl.col("table") == table)
            part = self._letters[(table, "")]
            self._letters[(table, column)] = part.filter(pl.col("column") == column)
        return self._letters[(table, column)]

    def program_rows(self) -> pl.DataFrame:
        """The program rows of 3.17 (``tingkat_baku == 'program'``) as the table is now.

        Cut once per version of the table: several families read them, and the table
        changes (a new frame in ``tables``) only when a family adds columns to it.
        """
        frame = self.tables["program_kegiatan"]
        hit = self.cache.get("program_rows")
        if not (isinstance(hit, tuple) and hit[0] is frame):
            hit = (frame, frame.filter(pl.col("tingkat_baku") == "program"))
            self.cache["program_rows"] = hit
        rows: pl.DataFrame = hit[1]
        return rows

    def layout_of(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The layout rows of the (table, column) pairs ``frame`` refers to."""
        pairs = frame.select("table", "column").unique().drop_nulls().rows()
        return pl.concat(
            [self.letters("", "-"), *(self.letters(str(t), str(c)) for t, c in pairs)],
            how="vertical",
        )


@dataclass(frozen=True)
class Deferred:
    """The finding rows of one rule as a query not yet run (see :func:`resolve`)."""

    frame: pl.LazyFrame
    rule: Rule


# What a rule family returns: finding frames, or queries that :func:`resolve` runs.
Found: TypeAlias = "pl.DataFrame | Deferred"


@overload
def emit(frame: pl.DataFrame, rule: Rule, ctx: Context) -> pl.DataFrame: ...
@overload
def emit(frame: pl.LazyFrame, rule: Rule, ctx: Context) -> Deferred: ...
def emit(frame: pl.DataFrame | pl.LazyFrame, rule: Rule, ctx: Context) -> Found:
    """Finding rows of ``rule`` in the internal schema, located at ``sheet!cell``.

    ``frame`` holds any subset of the internal columns; ``cell`` is derived from
    (submission, table, column, row) through the ingest layout unless given.
    A LazyFrame is not run here: it comes back as :class:`Deferred`, and
    :func:`resolve` runs all of a validation's deferred queries together, then emits
    their rows exactly as for a DataFrame (most of them are empty on clean data, and one
    ``collect_all`` costs much less than hundreds of small eager queries).
    """
    if isinstance(frame, pl.LazyFrame):
        return Deferred(frame, rule)
    if frame.height == 0:
        return pl.DataFrame(schema=INTERNAL_SCHEMA)
    given = frame.get_column("cell") if "cell" in frame.columns else None
    if "sheet" in frame.columns and "row" in frame.columns and "column" in frame.columns:
        frame = locate(frame.drop("cell", strict=False), ctx.layout_of(frame))
        if given is not None:
            frame = frame.with_columns(pl.coalesce(given, pl.col("cell")).alias("cell"))
    elif given is None and "sheet" in frame.columns:
        frame = frame.with_columns(pl.col("sheet").alias("cell"))
    return findings(rule, frame, INTERNAL_SCHEMA)


def resolve(found: Sequence[Found], ctx: Context) -> list[pl.DataFrame]:
    """The finding frames of ``found`` in order, the deferred ones run together."""
    queries = [item.frame for item in found if isinstance(item, Deferred)]
    # In memory: polars' streaming engine panics on some pl.format queries run
    # together (pola-rs/polars#25525, seen here on fuzzed workbooks).
    results = iter(pl.collect_all(queries, engine="in-memory") if queries else [])
    out = []
    for item in found:
        if isinstance(item, Deferred):
            out.append(emit(next(results), item.rule, ctx))
        else:
            out.append(item)
    return out


def cell_range(table: str, column: str, rows: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """submission_id -> 'sheet!C2:C6', the span of ``rows`` in one column (a sum's cells)."""
    span = rows.group_by("submission_id").agg(
        pl.col("sheet").first(), pl.col("row").min().alias("lo"), pl.col("row").max().alias("hi")
    )
    letters = ctx.letters(table, column)
    joined = span.join(letters.select("submission_id", "letter"), on="submission_id", how="left")
    cell = (
        pl.when(pl.col("letter").is_null())
        .then(pl.col("sheet"))
        .when(pl.col("lo") == pl.col("hi"))
        .then(pl.format("{}!{}{}", "sheet", "letter", "lo"))
        .otherwise(pl.format("{}!{}{}:{}{}", "sheet", "letter", "lo", "letter", "hi"))
    )
    return joined.select("submission_id", pl.col("sheet"), cell.alias("cell"))


# ------------------------------------------------------------------ number text


def fmt_num(expr: pl.Expr, decimals: int = 2) -> pl.Expr:
    """A float as fixed-decimal text ('98.59', '100.00'), rounded half-up; canonical form."""
    factor = 10**decimals
    rounded = round_half_up(expr, decimals) * factor
    scaled = rounded.round(0).cast(pl.Int64, strict=False)  # null beyond Int64
    sign = pl.when(scaled < 0).then(pl.lit("-")).otherwise(pl.lit(""))
    whole = (scaled.abs() // factor).cast(pl.String)
    text = sign + whole
    if decimals:
        text = text + "." + (scaled.abs() % factor).cast(pl.String).str.zfill(decimals)
    # Beyond 15 digits a float has no exact decimals to show (a figure typed as
    # 9.999.999.999.999.999 in a percentage column): its own text, never a crash.
    return pl.when(rounded.abs() < 1e15).then(text).otherwise(expr.cast(pl.String))


def fmt_money(expr: pl.Expr) -> pl.Expr:
    """Rupiah as canonical text with sen: '5463337162.00'."""
    return expr.cast(SUM_MONEY).cast(pl.String)


def fmt_measure(value: pl.Expr, predikat: pl.Expr) -> pl.Expr:
    """An indicator value as text, with its predikat when one was typed: '74.10 (BB)'."""
    number = fmt_num(value)
    return (
        pl.when(value.is_null())
        .then(predikat)
        .when(predikat.is_null())
        .then(number)
        .otherwise(pl.format("{} ({})", number, predikat))
    )


# ------------------------------------------------------------------ names


def per_value(expr: pl.Expr, derive: Callable[[pl.Expr], pl.Expr], dtype: pl.DataType) -> pl.Expr:
    """``derive(expr)`` computed once per distinct value, then mapped back onto every row.

    Name columns repeat a few spellings over hundreds of thousands of rows; regex and
    list work on the distinct values only is what keeps name keys cheap. ``derive`` must
    work element by element and map null to null; ``dtype`` is its result type (with
    ``default=None``: otherwise polars returns the input's type on an empty frame).
    """
    distinct = expr.unique(maintain_order=True)
    return expr.replace_strict(distinct, derive(distinct), default=None, return_dtype=dtype)


def text_key(expr: pl.Expr) -> pl.Expr:
    """Lower-case letters and digits only: 'Batu  Bara' ~ 'batu bara' ~ 'BATU-BARA'."""
    return expr.str.to_lowercase().str.replace_all(r"[^a-z0-9]", "")


def indikator_key(expr: pl.Expr) -> pl.Expr:
    """Indicator identity: text key without parenthesised acronyms.

    'Indeks Kepuasan Masyarakat (IKM)' ~ 'Indeks kepuasan masyarakat'.
    """
    return per_value(expr, lambda e: text_key(e.str.replace_all(r"\([^)]*\)", " ")), pl.String())


def tokens(expr: pl.Expr) -> pl.Expr:
    """Distinct lower-case words, parenthesised acronyms included ('ikm')."""
    return (
        expr.str.to_lowercase()
        .str.replace_all(r"[^a-z0-9]+", " ")
        .str.strip_chars()
        .str.split(" ")
        .list.unique()
        .list.sort()
    )


def program_key(expr: pl.Expr) -> pl.Expr:
    """Program identity across tables: words without a leading 'program' and the suffix -an.

    'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota' and 'PROGRAM PENUNJANG
    URUSAN PEMERINTAH DAERAH KABUPATEN/KOTA' give the same key: Indonesian writers swap
    the nominal suffix -an (pemerintah/pemerintahan) freely in program names.
    """
    return per_value(expr, _program_words, pl.String())


def _program_words(expr: pl.Expr) -> pl.Expr:
    words = (
        expr.str.to_lowercase()
        .str.replace_all(r"[^a-z0-9]+", " ")
        .str.strip_chars()
        .str.replace(r"^program\s+", "")
        .str.split(" ")
    )
    stemmed = words.list.eval(
        pl.when(pl.element().str.len_chars() > 5)
        .then(pl.element().str.replace(r"an$", ""))
        .otherwise(pl.element())
    )
    return stemmed.list.join("")


# Above this many (left name x right name) combinations, names are compared only within
# the submissions where both occur.
_NAME_PRODUCT_MAX = 50_000


def match_indikator(
    left: pl.DataFrame,
    right: pl.DataFrame,
    left_name: str = "indikator",
    right_name: str = "indikator",
) -> pl.DataFrame:
    """Pairs (left row, right row) of the same submission naming the same indicator.

    Same indicator = equal :func:`indikator_key`, or else (the alias rule) the words of
    one name all occur in the other, the shorter having at least two words:
    'Nilai AKIP' ~ 'Nilai Evaluasi AKIP'. An exact pair wins over an alias pair; each
    left row keeps at most one partner (the first in row order).
    Returns ``left`` columns plus the ``right`` columns suffixed ``_r`` (where names
    clash), ``match`` ('nama' or 'alias') and ``n_match`` (partners found).

    Reports repeat a few indicator names across thousands of submissions, so names are
    compared once per distinct (left name, right name) pair, and rows are then paired by
    joining on (submission, matching name) instead of every row with every other row.
    """
    renamed = {
        c: f"{c}_r" if c in left.columns else c for c in right.columns if c != "submission_id"
    }
    lrows = left.select("submission_id", pl.col(left_name).alias("_mi_nm")).with_row_index(
        "_mi_lid"
    )
    rcols: list[str | pl.Expr] = ["submission_id", pl.col(right_name).alias("_mi_nm_r")]
    by_row = renamed.get("row") == "row_r"
    if by_row:
        rcols.append(pl.col("row").alias("_mi_row_r"))
    rrows = right.select(rcols).with_row_index("_mi_rid")
    kinds = _name_pairs(lrows, rrows)
    sort_by = ["_mi_lid", "_mi_alias", *(["_mi_row_r"] if by_row else []), "_mi_rid"]
    chosen = (
        lrows.join(kinds, on="_mi_nm", how="inner")
        .join(rrows, on=["submission_id", "_mi_nm_r"], how="inner")
        .with_columns(pl.len().over("_mi_lid").alias("n_match"))
        .sort(sort_by)
        .unique("_mi_lid", keep="first", maintain_order=True)
    )
    picked_left = left[chosen.get_column("_mi_lid")]
    picked_right = right.drop("submission_id").rename(renamed)[chosen.get_column("_mi_rid")]
    return pl.concat(
        [picked_left, picked_right, chosen.select("match", "n_match")], how="horizontal"
    )


def _name_pairs(lrows: pl.DataFrame, rrows: pl.DataFrame) -> pl.DataFrame:
    """(_mi_nm, _mi_nm_r) pairs naming the same indicator: ``match`` and ``_mi_alias``.

    Only pairs that can meet are compared: every combination of distinct names when
    there are few, else the combinations occurring within one submission.
    """
    lnames = lrows.get_column("_mi_nm").unique().drop_nulls()
    rnames = rrows.get_column("_mi_nm_r").unique().drop_nulls()
    if lnames.len() * rnames.len() <= _NAME_PRODUCT_MAX:
        names = lnames.to_frame().join(rnames.to_frame(), how="cross")
    else:
        names = (
            lrows.select("submission_id", "_mi_nm")
            .unique()
            .join(rrows.select("submission_id", "_mi_nm_r").unique(), on="submission_id")
            .select("_mi_nm", "_mi_nm_r")
            .unique()
        )
    lt, rt = tokens(pl.col("_mi_nm")), tokens(pl.col("_mi_nm_r"))
    subset = (
        (lt.list.set_difference(rt).list.len() == 0) | (rt.list.set_difference(lt).list.len() == 0)
    ) & (pl.min_horizontal(lt.list.len(), rt.list.len()) >= 2)
    key = indikator_key(pl.col("_mi_nm"))
    exact = (key == indikator_key(pl.col("_mi_nm_r"))) & (key != "")
    kind = pl.when(exact).then(pl.lit("nama")).when(subset).then(pl.lit("alias"))
    return (
        names.with_columns(kind.alias("match"))
        .filter(pl.col("match").is_not_null())
        .with_columns((pl.col("match") != "nama").alias("_mi_alias"))
    )


def empty_internal() -> pl.DataFrame:
    return pl.DataFrame(schema=INTERNAL_SCHEMA)


def in_words(table: str, formula: str) -> str:
    """``formula`` with each ``{column}`` as the header a reader sees in ``table``.

    '{persen} = {realisasi} / {anggaran} × 100' -> '% = Realisasi (Rp) / Anggaran (Rp) × 100':
    a finding explains a figure in the workbook's own words, never lakip's column names.
    """
    names = {
        c.name: header_label(table, c.name) for t in TABLES if t.name == table for c in t.columns
    }
    return formula.format_map(names)


def with_tolerance(formula: str | pl.Expr) -> pl.Expr:
    """A ``detail``: the formula used (text, or an expression) and the tolerance."""
    return texts("detail.tolerance", formula if isinstance(formula, pl.Expr) else pl.lit(formula))


def detail(rule: Rule, key: str, *args: str | pl.Expr) -> pl.Expr:
    """The ``detail`` ``key`` of ``rule`` (its declared id and en texts) with ``args``.

    ``args`` fill the texts' ``{}`` (or ``{0}``, ``{1}`` where the languages order them
    differently); a str is a column name, as in ``pl.format``.
    """
    if key not in rule.details:
        raise KeyError(f"{rule.code} declares no detail {key!r}")
    return texts(f"{rule.code}.{key}", *args)


def texts(key: str, *args: str | pl.Expr) -> pl.Expr:
    """One detail as structure (:data:`schemas.findings.DETAIL`): its text key and args.

    Nothing is joined or translated here; :func:`schemas.catalog.detail_text` renders it
    in the reader's language at output.
    """
    return keyed_detail(key, [pl.col(a) if isinstance(a, str) else a for a in args])


def cell_expr(
    frame: pl.DataFrame,
    table: str,
    column: str,
    ctx: Context,
    sheet: str = "sheet",
    row: str = "row",
) -> pl.DataFrame:
    """Add ``_cell`` = 'sheet!C5' of ``column`` in ``table`` for each row of ``frame``."""
    letters = ctx.letters(table, column).select("submission_id", pl.col("letter").alias("_letter"))
    joined = frame.join(letters, on="submission_id", how="left")
    cell = pl.when(pl.col("_letter").is_not_null() & pl.col(row).is_not_null()).then(
        pl.format("{}!{}{}", pl.col(sheet), pl.col("_letter"), pl.col(row))
    )
    return joined.with_columns(cell.otherwise(pl.col(sheet)).alias("_cell")).drop("_letter")


def same_measure(a: str, b: str, tolerance: float = 0.0) -> pl.Expr:
    """Two MEASURE cells say the same: equal numbers (or both none), equal predikat if both.

    A predikat alone matches a score with the same predikat ('BB' ~ 'BB (74,10)').
    """
    va, vb = pl.col(a), pl.col(b)
    pa_, pb = pl.col(f"{a}_predikat"), pl.col(f"{b}_predikat")
    numbers = (va.is_null() & vb.is_null()) | ((va - vb).abs() <= tolerance + 1e-7)
    predikat = pa_.is_null() | pb.is_null() | (pa_ == pb)
    # 'BB' and 'BB (74,10)' say the same, one with less detail
    same_band = (va.is_null() | vb.is_null()) & (pa_ == pb)
    return ((numbers | same_band) & predikat).fill_null(False)
