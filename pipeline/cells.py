"""Vectorised reading of cell text as kecamatan type it.

Every cell arrives as text (fastexcel renders Excel numbers as plain ``97.69``;
clerks type ``5.463.337.162,00``, ``RP 5.091.072.162``, ``97,69 %``, ``74,10 ( BB )``).
Each reader is a polars expression over a whole column of all submissions, so a
national run parses each column once instead of once per cell in Python. Each cell
costs one regex pass (two for measures, whose predikat is split off first): the
pattern captures the digit groups of every accepted style and the value is assembled
from the captures with literal string operations.

A reader returns a struct with the parsed ``value``, a ``status`` and, for
measures, the ``predikat`` typed beside the number. Status values:

- ``ok``: read;
- ``empty``: blank cell;
- ``dash``: ``-`` / ``–``: explicitly not filled (null, never zero);
- ``ambiguous``: read, but another reading was possible (``1.234`` as a percentage);
- ``unreadable``: not a number of this column's kind.
"""

from __future__ import annotations

import polars as pl

from schemas.contract import Kind
from schemas.vocab import PREDIKAT as PREDIKAT_WORDS
from schemas.vocab import RUPIAH, RUPIAH_PREFIXES

MONEY = pl.Decimal(18, 2)
PREDIKAT = PREDIKAT_WORDS.regex
DASHES = ["-", "–", "—", "--", "---"]

# '74,10 ( BB )', 'B (70,00)', 'BB (74,10)', or a predikat alone ('CC').
_NUM = r"[-\d.,]+\s*%?"
_MEASURE = (
    rf"(?i)^\s*(?:(?P<p1>{PREDIKAT})\s*\(\s*(?P<n1>{_NUM})\s*\)"
    rf"|(?P<n2>{_NUM})\s*\(\s*(?P<p2>{PREDIKAT})\s*\)"
    rf"|(?P<p3>{PREDIKAT}))\s*$"
)


def read_column(frame: pl.DataFrame, column: str, kind: Kind) -> pl.DataFrame:
    """Parse text column ``column`` of ``frame`` in place, for its kind.

    Adds ``_status_<column>`` (and ``<column>_predikat`` for measures). Cells that
    are plain numbers as Excel renders them (``4676892162``, ``97.69``) take a cast,
    the usual typed forms (``95,77 %``, ``Rp. 4.239.574.595,69``) a few literal steps,
    both over the whole column at once; only the rest goes through the general
    reader, and its answers are written back into place.
    """
    if kind is Kind.TEXT or frame.height == 0:
        return _read_slow(frame, column, kind)
    work = frame.with_columns(pl.col(column).str.strip_chars().alias("_t"))
    t = pl.col("_t")
    dot = t.str.find(".", literal=True)
    after_dot = t.str.len_bytes() - dot - 1
    plain = t.str.contains(r"^-?\d+(?:\.\d+)?$")
    if kind is Kind.MONEY:
        # '1.500' in a money column is thousands, and sen have two digits: slow path.
        fast = plain & (dot.is_null() | (after_dot <= 2))
        medium = t.str.contains(rf"(?i)^(?:{RUPIAH}\.?\s*)?\d{{1,3}}(?:\.\d{{3}})+(?:,\d{{1,2}})?$")
    elif kind is Kind.INTEGER:
        fast = plain & dot.is_null()
        medium = t.str.contains(r"^\d+\.$")  # a numbered row: '6.'
    else:
        # '1.234' as a percentage is ambiguous: the slow path flags it.
        fast = plain & ~(dot.is_not_null() & (after_dot == 3) & (dot <= 3)).fill_null(False)
        medium = t.str.contains(r"^-?\d+(?:,\d{1,2})?\s*%?$")
    # Blank and dash cells (a third of a national run) need no reading at all.
    blank = t.is_null() | (t == "") | t.is_in(DASHES)
    # Lazily, so that the shared parts (the stripped text's '.', the plain-number
    # test) are computed once (polars' common subexpression elimination).
    work = (
        work.lazy()
        .with_columns(
            fast.fill_null(False).alias("_fast"),
            (~fast & medium).fill_null(False).alias("_mid"),
            blank.alias("_blank"),
        )
        .collect(engine="in-memory")
    )
    mid_value, mid_decimals = _medium(t, kind)
    work = work.with_columns(
        pl.when("_fast")
        .then(t.cast(value_dtype(kind), strict=False))
        .when("_mid")
        .then(mid_value)
        .otherwise(None)
        .alias(column)
    )
    status = (
        pl.when("_blank")
        .then(pl.when(t.is_in(DASHES)).then(pl.lit("dash")).otherwise(pl.lit("empty")))
        .when(pl.col("_fast") | pl.col("_mid"))
        # a number too large for its type (1e30 rupiah) is unreadable, never dropped
        .then(pl.when(pl.col(column).is_null()).then(pl.lit("unreadable")).otherwise(pl.lit("ok")))
        .otherwise(None)
    )
    typed = [status.alias(f"_status_{column}")]
    if kind is Kind.MEASURE:
        typed.append(pl.lit(None, dtype=pl.String).alias(f"{column}_predikat"))
    if kind in (Kind.PERCENT, Kind.MEASURE):
        typed.append(
            pl.when("_mid")
            .then(mid_decimals)
            .otherwise(None)
            .cast(pl.Int8)
            .alias(f"{column}_desimal")
        )
    work = work.with_columns(typed)
    rest = ~(work.get_column("_fast") | work.get_column("_mid") | work.get_column("_blank"))
    work = work.drop("_t", "_fast", "_mid", "_blank")
    if rest.any():
        slow = _read_slow(frame.filter(rest), column, kind)
        where = rest.arg_true()
        work = work.with_columns(
            work.get_column(name).scatter(where, slow.get_column(name))
            for name in work.columns
            if name not in frame.columns or name == column
        )
    return work


def _medium(t: pl.Expr, kind: Kind) -> tuple[pl.Expr, pl.Expr]:
    """The value and typed decimals of '95,77 %', 'Rp. 4.239.574.595,69' and '6.'."""
    if kind is Kind.MONEY:
        digits = _strip_rupiah(t.str.to_lowercase()).str.strip_chars()
        digits = digits.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True)
        return digits.cast(MONEY, strict=False), pl.lit(None, dtype=pl.Int8)
    if kind is Kind.INTEGER:
        return t.str.strip_suffix(".").cast(pl.Int64, strict=False), pl.lit(None, dtype=pl.Int8)
    body = t.str.strip_suffix("%").str.strip_chars()
    comma = body.str.find(",", literal=True).cast(pl.Int64)
    decimals = (
        pl.when(comma.is_null()).then(0).otherwise(body.str.len_bytes().cast(pl.Int64) - comma - 1)
    )
    return body.str.replace(",", ".", literal=True).cast(pl.Float64, strict=False), decimals


def _read_slow(frame: pl.DataFrame, column: str, kind: Kind) -> pl.DataFrame:
    """Parse text column ``column`` of ``frame`` in place, for its kind.

    Adds ``_status_<column>`` and, for measures, ``<column>_predikat``. Works in
    stages, materialising each: a single nested expression would recompute the regex
    captures once per reference.
    """
    status_col = f"_status_{column}"
    raw = pl.col(column).str.strip_chars()
    if kind is Kind.TEXT:
        stripped = frame.with_columns(raw.alias(column))
        text = pl.col(column)
        return stripped.with_columns(
            pl.when(text == "").then(None).otherwise(text).alias(column),
            pl.when(text.is_null() | (text == "")).then(pl.lit("empty")).otherwise(pl.lit("ok"))
            .alias(status_col),
        )  # fmt: skip
    work = frame.with_columns(raw.alias("_t"))
    t = pl.col("_t")
    if kind is Kind.MEASURE:
        work = work.with_columns(t.str.extract_groups(_MEASURE).alias("_m"))
        m = pl.col("_m")
        work = work.with_columns(
            pl.coalesce(m.struct.field("p1"), m.struct.field("p2"), m.struct.field("p3"))
            .str.to_uppercase()
            .alias(f"{column}_predikat"),
            pl.when(m.struct.field("p3").is_not_null())
            .then(None)
            .otherwise(pl.coalesce(m.struct.field("n1"), m.struct.field("n2"), t))
            .alias("_body"),
            m.struct.field("p3").is_not_null().alias("_pred_only"),
        ).drop("_m")
        body = pl.col("_body")
    else:
        work = work.with_columns(pl.lit(False).alias("_pred_only"))
        body = t
    whole = kind in (Kind.MONEY, Kind.INTEGER)
    # Literal clean-up first (cheap), then three anchored matches without captures (DFA).
    clean = (
        _strip_rupiah(body.str.to_lowercase())
        .str.replace_all(" ", "", literal=True)
        .str.strip_suffix("%")
    )
    work = work.with_columns(clean.alias("_c"))
    c = pl.col("_c")
    if whole:
        id_style = c.str.contains(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
        en_style = c.str.contains(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
        plain = c.str.contains(r"^-?\d+(?:[.,]\d+)?\.?$")
    else:
        # '1.234.567' (a target of 1,234,567 visitors) has only the thousands reading;
        # a single group ('1.234') is the ambiguous case, flagged below.
        id_style = c.str.contains(r"^-?\d{1,3}(?:(?:\.\d{3})+,\d+|(?:\.\d{3}){2,})$")
        en_style = c.str.contains(r"^-?\d{1,3}(?:(?:,\d{3})+\.\d+|(?:,\d{3}){2,})$")
        plain = c.str.contains(r"^-?\d+(?:[.,]\d+)?$")
    plain_text = c.str.strip_suffix(".").str.replace(",", ".", literal=True)
    sep = plain_text.str.find(".", literal=True)
    frac_len = plain_text.str.len_bytes() - sep - 1
    work = work.with_columns(
        pl.when(id_style)
        .then(c.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True))
        .when(en_style)
        .then(c.str.replace_all(",", "", literal=True))
        .when(plain)
        .then(plain_text)
        .otherwise(None)
        .alias("_n"),
        # '1.234' or '1,234' as a percentage: 1.234 or 1234? Read as a decimal, flag it.
        (~id_style & ~en_style & plain & (frac_len == 3) & (sep <= 3) & pl.lit(not whole))
        .fill_null(False)
        .alias("_amb"),
        pl.when(~id_style & ~en_style & plain).then(frac_len).otherwise(None).alias("_fl"),
    )
    if kind in (Kind.PERCENT, Kind.MEASURE):
        work = work.with_columns(
            # How many decimals the clerk typed ('98,20' -> 2): the precision a printed figure
            # is compared at. Unknown (null) for Excel numbers, which keep no printed precision.
            pl.when(id_style)
            .then(_after(c, ","))
            .when(en_style)
            .then(_after(c, "."))
            .when(plain)
            .then(pl.when(sep.is_null()).then(0).otherwise(frac_len.cast(pl.Int64)))
            .otherwise(None)
            .clip(lower_bound=0)
            .cast(pl.Int8)
            .alias("_typed"),
        )
    n = pl.col("_n")
    if kind is Kind.MONEY:
        # Sen have at most two digits. Excel stores money as binary floats and fastexcel
        # renders 5345196344.24 as '5345196344.239999771': snap such artefacts to the sen,
        # but anything genuinely finer than a sen is not a rupiah amount.
        as_float = n.cast(pl.Float64, strict=False)
        snapped = as_float.round(2)
        long_frac = pl.col("_fl") > 2
        fixed = (
            pl.when(~long_frac.fill_null(False))
            .then(n)
            .when((as_float - snapped).abs() < 1e-4)
            .then(snapped.cast(pl.String))
            .otherwise(None)
        )
        value = fixed.cast(MONEY, strict=False)
    elif kind is Kind.INTEGER:
        as_float = n.cast(pl.Float64, strict=False)
        whole_number = pl.when(as_float == as_float.round(0)).then(as_float).otherwise(None)
        value = whole_number.cast(pl.Int64, strict=False)  # beyond Int64: unreadable
    else:
        value = n.cast(pl.Float64, strict=False)
    work = work.with_columns(value.alias("_v"))
    is_empty = t.is_null() | (t == "")
    is_dash = t.is_in(DASHES)
    pred_only = pl.col("_pred_only")
    status = (
        pl.when(is_empty)
        .then(pl.lit("empty"))
        .when(is_dash)
        .then(pl.lit("dash"))
        .when(pred_only)
        .then(pl.lit("ok"))
        .when(pl.col("_v").is_null())
        .then(pl.lit("unreadable"))
        .when(pl.col("_amb"))
        .then(pl.lit("ambiguous"))
        .otherwise(pl.lit("ok"))
    )
    work = work.with_columns(
        status.alias(status_col),
        pl.when(is_empty | is_dash | pred_only).then(None).otherwise(pl.col("_v")).alias(column),
    )
    if kind in (Kind.PERCENT, Kind.MEASURE):
        work = work.with_columns(
            pl.when(pl.col(column).is_null()).then(None).otherwise(pl.col("_typed"))
            .alias(f"{column}_desimal")
        )  # fmt: skip
    drop = ["_t", "_body", "_pred_only", "_c", "_fl", "_amb", "_n", "_v", "_typed"]
    return work.drop(drop, strict=False)


def read_cells(raw: pl.Expr, kind: Kind) -> pl.Expr:
    """Expression form for small uses (identitas values, tests); see :func:`read_column`."""
    return raw.map_batches(
        lambda s: _struct(read_column(pl.DataFrame({"x": s}), "x", kind), kind),
        return_dtype=_struct_dtype(kind),
    )


def value_dtype(kind: Kind) -> pl.DataType:
    """The type a column of this kind is read into."""
    if kind is Kind.MONEY:
        return MONEY
    if kind is Kind.INTEGER:
        return pl.Int64()
    if kind is Kind.TEXT:
        return pl.String()
    return pl.Float64()


def _struct_dtype(kind: Kind) -> pl.Struct:
    fields = {"value": value_dtype(kind), "status": pl.String()}
    if kind is Kind.MEASURE:
        fields["predikat"] = pl.String()
    return pl.Struct(fields)


def _struct(frame: pl.DataFrame, kind: Kind) -> pl.Series:
    cols = [pl.col("x").alias("value"), pl.col("_status_x").alias("status")]
    if kind is Kind.MEASURE:
        cols.append(pl.col("x_predikat").alias("predikat"))
    return frame.select(pl.struct(cols).alias("x")).to_series()


def _strip_rupiah(text: pl.Expr) -> pl.Expr:
    """'rp. 4.239' / 'rp 4.239' -> ' 4.239' (lower-case text; each prefix tried in turn)."""
    for prefix in RUPIAH_PREFIXES:
        text = text.str.strip_prefix(prefix)
    return text


def _after(text: pl.Expr, mark: str) -> pl.Expr:
    """Characters after the first ``mark`` (0 without one), signed to avoid underflow."""
    length = text.str.len_bytes().cast(pl.Int64)
    at = text.str.find(mark, literal=True).cast(pl.Int64)
    return pl.when(at.is_null()).then(0).otherwise(length - at - 1)


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
