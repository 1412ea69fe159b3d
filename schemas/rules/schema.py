"""SCH: the pandera models of :mod:`schemas.tables`, run once per table for the whole run.

Failure cases carry the 0-based index into the frame that was validated; joining that
index back to the frame gives submission, sheet, row and the raw value, then the cell.
A cell ingest could not read (ING007) is null here and would also fail ``nullable``:
those SCH002 findings are dropped, the cell has its finding already.
"""

from __future__ import annotations

from functools import cache

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData
from pandera.constants import CHECK_OUTPUT_KEY

from schemas.catalog import Rule, register
from schemas.contract import TABLE_BY_NAME
from schemas.formulas import first_of
from schemas.rules.base import Context, emit
from schemas.rules.ingest import ING007
from schemas.tables import MODELS, prepare

SCH001 = register(Rule(
    "SCH001", "error",
    "Nilai di luar jenis atau rentang", "Value of wrong type or out of range",
    "Sel {cell} ('{column}') berisi {found}, di luar rentang yang sah ({expected}).",
    "Cell {cell} ('{column}') holds {found}, outside the valid range ({expected}).",
    "Periksa {cell}: isi nilai dalam rentang {expected} (mis. persen dan rupiah tidak negatif,"
    " nilai unsur IKM 1-4, nilai AKIP 0-100, tahun 2000-2100).",
    "Check {cell}: enter a value within {expected} (percentages and rupiah not negative,"
    " IKM unsur 1-4, AKIP scores 0-100, years 2000-2100).",
    tables=("*",),
    formula="the limits the submission format sets for each column (≥, ≤, a range), empty cells"
    " skipped",
))  # fmt: skip
SCH002 = register(Rule(
    "SCH002", "error",
    "Nilai wajib kosong", "Required value missing",
    "Sel {cell} ('{column}') kosong atau '-', padahal wajib diisi{detail}.",
    "Cell {cell} ('{column}') is empty or '-', but it is required{detail}.",
    "Isi {cell} dengan nilai kolom '{column}' seperti tercetak di laporan.",
    "Fill {cell} with the '{column}' value as printed in the report.",
    tables=("*",),
    formula="a required column is filled on every row ('a number or its predikat' for indicator"
    " targets)",
))  # fmt: skip
SCH003 = register(Rule(
    "SCH003", "error",
    "Nilai tidak diizinkan", "Value not allowed",
    "Sel {cell} ('{column}') berisi '{found}'; yang diizinkan: {expected}.",
    "Cell {cell} ('{column}') holds '{found}'; allowed: {expected}.",
    "Ganti isi {cell} dengan salah satu dari: {expected}.",
    "Replace {cell} with one of: {expected}.",
    tables=("program_kegiatan", "perjanjian_kinerja", "akip_nilai"),
    formula="Tingkat is program, kegiatan or sub_kegiatan (case, spaces and hyphens ignored);"
    " Polaritas is positif or negatif; Predikat is AA, A, BB, B, CC, C or D",
))  # fmt: skip
SCH004 = register(Rule(
    "SCH004", "error",
    "Format kode tidak sah", "Invalid code format",
    "Kode '{found}' di {cell} tidak sesuai format {expected}.",
    "Code '{found}' at {cell} does not follow the format {expected}.",
    "Tulis kode di {cell} seperti Kepmendagri 050-5889/2021: program 7.01.01, kegiatan"
    " 7.01.01.2.01, sub kegiatan 7.01.01.2.01.0001.",
    "Write the code at {cell} as Kepmendagri 050-5889/2021 does: program 7.01.01, kegiatan"
    " 7.01.01.2.01, sub kegiatan 7.01.01.2.01.0001.",
    tables=("program_kegiatan",),
    formula="U.BB.PP (program), U.BB.PP.K.KK (kegiatan), U.BB.PP.K.KK.SSSS or .SS (older"
    " sub kegiatan); U and BB may be X for cross-urusan programs",
))  # fmt: skip

_BY_CODE = {rule.code: rule for rule in (SCH001, SCH002, SCH003, SCH004)}

# Run the quick test of :func:`passing_tables` first (tests switch it off to compare).
PRECHECK = True

_RANGE_TEXT = {
    "greater_than_or_equal_to": "≥ {min_value}",
    "less_than_or_equal_to": "≤ {max_value}",
    "greater_than": "> {min_value}",
    "less_than": "< {max_value}",
    "in_range": "{min_value} - {max_value}",
}
"""How a built-in limit reads to a clerk, from its ``Check.statistics``."""


def identifier(check: pa.Check) -> str:
    """What pandera writes in a failure case's ``check`` column for ``check``."""
    if check.error is not None:
        return str(check.error)
    return check.name if check.name is not None else str(check)


def expected_text(check: pa.Check) -> str:
    """A check as the range or the allowed set a clerk reads ('1 - 4', 'AA | A | ...').

    Read from the check's statistics; a hand-written frame check carries its own text
    as ``statistics['expected']`` (see :class:`schemas.tables._base.FrameCheck`).
    """
    stats = check.statistics or {}
    if "expected" in stats:
        return str(stats["expected"])
    if check.name == "isin":
        return " | ".join(str(v) for v in stats.get("allowed_values", ()))
    template = _RANGE_TEXT.get(check.name or "")
    return template.format(**stats) if template else ""


def rule_code(check: pa.Check) -> str:
    """SCH002 empty, SCH003 not in the list, SCH00x a named frame check, else SCH001."""
    name = check.name or ""
    if name.startswith("SCH") and ":" in name:
        return name.split(":", 1)[0]
    return SCH003.code if name == "isin" else SCH001.code


@cache
def check_texts(name: str) -> dict[str, tuple[str, str]]:
    """Failure-case ``check`` text -> (rule code, expected) for every check of a table."""
    schema = MODELS[name].to_schema()
    checks = [c for col in schema.columns.values() for c in col.checks] + list(schema.checks)
    return {identifier(c): (rule_code(c), expected_text(c)) for c in checks}


def _code(table: str, check: str) -> str:
    known = check_texts(table).get(check)
    if known is not None:
        return known[0]
    # a dtype or column failure
    return SCH002.code if check == "not_nullable" else SCH001.code


def _expected(table: str, check: str) -> str:
    known = check_texts(table).get(check)
    return known[1] if known is not None else ""


def _failures(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    model = MODELS[name]
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = pl.DataFrame(exc.failure_cases)
        return cases.select(
            pl.col("index").cast(pl.Int64),
            pl.when(pl.col("schema_context") == "DataFrameSchema")
            .then(pl.col("check").str.split(":").list.get(1, null_on_oob=True))
            .otherwise(pl.col("column"))
            .alias("column"),
            pl.col("check").cast(pl.String),
        ).filter(pl.col("index").is_not_null())
    return pl.DataFrame(schema={"index": pl.Int64, "column": pl.String, "check": pl.String})


def _check_passes(check: pa.Check, lf: pl.LazyFrame, key: str) -> pl.LazyFrame | bool:
    """One pandera check, run the way its polars backend runs it, reduced to 'all pass'.

    Returns a one-row frame holding one boolean, or a plain bool when the check answers
    without looking at the data.
    """
    # what pandera's Check.__call__ does before running: reload a built-in check's function
    fn_name = getattr(check._check_fn, "__name__", None)
    if fn_name is not None and check.is_builtin_check(fn_name):
        check._check_fn = check.get_builtin_check_fn(fn_name)
    backend = check.get_backend(lf)(check)
    out = backend.apply(PolarsData(lf, key))
    if isinstance(out, bool):
        return out
    result = pl.col(CHECK_OUTPUT_KEY)
    result = (result | result.is_null()) if check.ignore_na else result.fill_null(False)
    return out.select(result.all())


def _pass_queries(name: str, frame: pl.DataFrame) -> list[pl.LazyFrame] | None:
    """Queries that all yield True only if ``MODELS[name]`` accepts ``frame``; None: unsure.

    A quick test run before pandera: pandera runs each check as its own queries (several
    collects per check), which costs more than the checking itself on clean data. These
    queries apply the same pandera checks (same functions, same null handling) plus the
    column presence, dtype and nullable tests, and are collected together for all tables.
    The answer only decides whether pandera has to run: True means pandera would find
    nothing; anything else (False, an error, a feature not mirrored here) runs pandera.
    """
    schema = MODELS[name].to_schema()
    if (
        schema.unique
        or schema.add_missing_columns
        or schema.coerce
        or schema.strict
        or schema.ordered
        or schema.dtype is not None
        or getattr(schema, "parsers", None)
    ):
        return None
    lf = frame.lazy()
    dtypes = frame.schema
    queries: list[pl.LazyFrame] = []
    for column, col in schema.columns.items():
        if (
            col.regex
            or col.unique
            or col.coerce
            or col.default is not None
            or getattr(col, "parsers", None)
            or getattr(col, "drop_invalid_rows", False)
            or column not in dtypes
        ):
            return None
        if col.dtype is not None and not col.dtype.check(
            dtypes[column], PolarsData(lf.select(column), column)
        ):
            return None
        if not col.nullable:
            filled = pl.col(column).is_not_null()
            if dtypes[column] in (pl.Float32, pl.Float64):
                filled = filled & pl.col(column).is_not_nan()
            queries.append(lf.select(filled.all()))
        for chk in col.checks:
            if chk.raise_warning or chk.element_wise:
                return None
            passes = _check_passes(chk, lf, column)
            if passes is False:
                return None
            if passes is not True:
                queries.append(passes)
    for chk in schema.checks:
        if chk.raise_warning or chk.element_wise:
            return None
        passes = _check_passes(chk, lf, "*")
        if passes is False:
            return None
        if passes is not True:
            queries.append(passes)
    return queries


def passing_tables(frames: dict[str, pl.DataFrame]) -> set[str]:
    """The tables pandera would accept without a single failure case (see _pass_queries)."""
    queries: dict[str, list[pl.LazyFrame]] = {}
    for name, frame in frames.items():
        try:
            found = _pass_queries(name, frame)
        except Exception:  # anything unusual: let pandera itself say what is wrong
            found = None
        if found is not None:
            queries[name] = found
    flat = [q for qs in queries.values() for q in qs]
    try:
        answers = iter(pl.collect_all(flat, engine="in-memory")) if flat else iter(())
    except Exception:
        return set()
    passing = set()
    for name, qs in queries.items():
        results = [next(answers) for _ in qs]
        if all(r.shape == (1, 1) and r.item() is True for r in results):
            passing.add(name)
    return passing


def check(ctx: Context) -> list[pl.DataFrame]:
    out = []
    unread = ctx.ingest_findings.filter(pl.col("rule") == ING007.code).select(
        "submission_id", "sheet", "row", "column"
    )
    prepared = {name: prepare(name, ctx.tables[name]) for name in MODELS}
    passing = passing_tables(prepared) if PRECHECK else set()
    for name in MODELS:
        if name in passing:
            continue
        source = ctx.tables[name]
        failures = _failures(name, prepared[name])
        if failures.height == 0:
            continue
        label = TABLE_BY_NAME[name].label
        indexed = source.with_row_index("index").select(
            pl.col("index").cast(pl.Int64),
            "submission_id",
            "sheet",
            "row",
            (pl.col(label) if label else pl.lit(None, dtype=pl.String)).alias("label"),
            *[pl.col(c).cast(pl.String).alias(f"_raw_{c}") for c in source.columns],
        )
        checks = failures.get_column("check").unique().to_list()
        rows = (
            failures.join(indexed, on="index", how="inner")
            .with_columns(
                pl.col("check").replace_strict({c: _code(name, c) for c in checks}).alias("_code"),
                pl.col("check")
                .replace_strict(
                    {c: _expected(name, c) or None for c in checks}, return_dtype=pl.String
                )
                .alias("expected"),
                pl.lit(name).alias("table"),
                _raw_value(failures.get_column("column").unique().to_list(), source.columns),
            )
            .join(unread, on=["submission_id", "sheet", "row", "column"], how="anti")
            .unique(["submission_id", "row", "column", "_code"], maintain_order=True)
        )
        for (code,), part in rows.group_by("_code", maintain_order=True):
            out.append(
                emit(
                    part.select(
                        "submission_id", "sheet", "row", "table", "column", "label",
                        "expected", "found",
                    ),
                    _BY_CODE[str(code)],
                    ctx,
                )
            )  # fmt: skip
    return out


def _raw_value(columns: list[str], present: list[str]) -> pl.Expr:
    """The failing cell's value as text, whichever column failed."""
    cases = [
        (pl.col("column") == column, pl.col(f"_raw_{column}"))
        for column in columns
        if column in present
    ]
    return (first_of(cases) if cases else pl.lit(None, dtype=pl.String)).alias("found")
