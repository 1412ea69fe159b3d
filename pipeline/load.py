"""Stage 3, load: a validated batch -> the DuckDB warehouse the planning office queries for years.

Layers (dbt-like, see ``docs/warehouse.md``):

- tables, written here only: ``submissions`` (every version of every file, with
  lineage and the figures "what changed" compares), the ``kecamatan`` dimension,
  ``findings``, ``layout`` and one ``raw_<table>`` (and ``raw_<table>_total``) per
  sheet of the contract, printed figures beside the validator's ``<col>_hitung``;
- ``stg_<table>`` views: current submissions only, identity joined in, names cleaned once;
- ``v_*`` marts: the consolidated summaries, recomputed in SQL with the formulas of
  :mod:`schemas.formulas` (``pipeline/warehouse/macros.sql``), one formula for every kecamatan.

Loading is set-based: the new submissions of a run go in together, one INSERT per table,
in transactions of up to :data:`SUBMISSIONS_PER_TRANSACTION` submissions; a failure rolls
back the whole transaction, so each submission is in the warehouse entirely or not at all.
A file already in the warehouse (same sha256) is skipped; a new file for the same kecamatan
and tahun supersedes the current one, which stays in the raw tables and
``v_riwayat_pengiriman``.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import duckdb
import polars as pl

from pipeline import __version__, guard
from pipeline.errors import LakipError, WarehouseBusy, WarehouseDamaged
from pipeline.ingest import READER_VERSION, Batch
from schemas.catalog import detail_joined, details_in, render
from schemas.contract import TABLES, Kind, Table
from schemas.findings import FINDING_SCHEMA
from schemas.rules.derived import stored_columns
from schemas.rules.identitas import IDN001
from schemas.text import LANGS, both, both_of, numbers, t, tn

SCHEMA_VERSION = 5
"""Bump when a table changes shape, with a step in :func:`_migrations`; views and macros
are recreated on every write anyway."""

SQL_DIR = Path(__file__).parent / "warehouse"
SQL_FILES = ("schema.sql", "raw.sql", "macros.sql", "staging.sql", "views.sql")
"""Run in this order on every write connection; each statement is idempotent."""

SUBMISSIONS_PER_TRANSACTION = 10_000
"""New submissions loaded per transaction (a national year, 7,285 files, takes one).

Each transaction inserts its submissions with one statement per table; a failure rolls
back all of that transaction and none of the ones committed before it. Every transaction
costs a commit that writes its partly filled row groups and checkpoints: four
transactions for a national year took twice as long as one.
"""

_KIND_SQL = {
    Kind.TEXT: "VARCHAR",
    Kind.INTEGER: "BIGINT",
    Kind.MONEY: "DECIMAL(18,2)",
    Kind.PERCENT: "DOUBLE",
    Kind.MEASURE: "DOUBLE",
}

HITUNG: dict[str, tuple[tuple[str, str], ...]] = stored_columns()
"""Columns the validator adds that the raw tables declare up front.

Any other ``*_hitung`` column a later validator produces is added to its raw table on
load (``ALTER TABLE ... ADD COLUMN``), so nothing it recomputes is silently dropped.
"""


class ValidationLike(Protocol):
    """What load needs of ``pipeline.validate.Validation`` (duck-typed)."""

    submissions: pl.DataFrame
    findings: pl.DataFrame
    tables: dict[str, pl.DataFrame]
    totals: dict[str, pl.DataFrame]

    @property
    def error_count(self) -> int: ...

    @property
    def warning_count(self) -> int: ...


@dataclass
class LoadSummary:
    """What one load did, for the CLI and for tests."""

    warehouse: Path
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    superseded: list[tuple[str, str]] = field(default_factory=list)  # (earlier, by)
    rows: int = 0
    rebuilt: bool = False
    reread: int = 0  # submissions an older reader had read, read again by a rebuild
    stale: int = 0  # ... left as they were because their files are no longer under raw/

    def describe(self, lang: str = "id") -> str:
        n, k, m = len(self.loaded), len(self.skipped), len(self.superseded)
        count = numbers(lang).count
        return t(
            "load.summary",
            lang,
            head=t("load.rebuilt", lang) if self.rebuilt else "",
            loaded=tn("load.loaded", n, lang, n=count(n), rows=count(self.rows)),
            k=count(k),
            superseded=tn("load.superseded", m, lang, m=count(m)),
            warehouse=self.warehouse,
        ) + "".join(
            "\n" + tn(key, n, lang, n=count(n))
            for key, n in (("load.reread", self.reread), ("load.stale", self.stale))
            if n
        )


# ---------------------------------------------------------------- schema


def quote(identifier: str) -> str:
    """Quote a table or column name taken from the contract (never data)."""
    return '"' + identifier.replace('"', '""') + '"'


def raw_columns(table: Table) -> list[tuple[str, str]]:
    """Columns of ``raw_<table>``: lineage, the contract's columns, the validator's extras."""
    cols = [("submission_id", "VARCHAR NOT NULL"), ("sheet", "VARCHAR"), ("row", "BIGINT")]
    for col in table.columns:
        cols.append((col.name, _KIND_SQL[col.kind]))
        if col.kind is Kind.MEASURE:
            cols.append((f"{col.name}_predikat", "VARCHAR"))
        if col.kind in (Kind.PERCENT, Kind.MEASURE):
            # decimals as typed ('98,20' -> 2; null for an Excel number): the precision
            # the printed figure is compared at, as the validator does
            cols.append((f"{col.name}_desimal", "TINYINT"))
    if table.key_value:
        cols.append(("angka", "DOUBLE"))  # ingest reads every nilai as a number too
    cols.extend(HITUNG.get(table.name, ()))
    return cols


def total_columns(table: Table) -> list[tuple[str, str]]:
    """Columns of ``raw_<table>_total``: the declared row, and each sum recomputed."""
    cols = [(n, t) for n, t in raw_columns(table) if (n, t) not in HITUNG.get(table.name, ())]
    for col in table.columns:
        if col.kind in (Kind.MONEY, Kind.INTEGER, Kind.PERCENT):
            cols.append((f"{col.name}_hitung", _KIND_SQL[col.kind]))
    return cols


def total_tables() -> list[Table]:
    """Tables whose sheet carries a declared JUMLAH / TOTAL row."""
    return [t for t in TABLES if t.total_label]


def raw_schema_sql() -> str:
    """The DDL of every raw table, generated from the contract (checked in as raw.sql)."""
    out = [
        "-- Raw layer: one table per sheet of the submission contract, every version kept.",
        "-- GENERATED from schemas/contract.py by pipeline.load.raw_schema_sql(); do not edit.",
        "-- Regenerate: .venv/bin/python -c 'from pipeline.load import raw_schema_sql as s;"
        ' print(s(), end="")\' > pipeline/warehouse/raw.sql',
        "",
    ]
    targets = [(f"raw_{t.name}", raw_columns(t)) for t in TABLES]
    targets += [(f"raw_{t.name}_total", total_columns(t)) for t in total_tables()]
    for name, cols in targets:
        body = ",\n".join(f"    {quote(n)} {t}" for n, t in cols)
        out.append(f"CREATE TABLE IF NOT EXISTS {quote(name)} (\n{body}\n);\n")
    out.append(OTHERS_DDL)
    return "\n".join(out)


OTHERS_TABLE = "raw_sel_lain"
OTHERS_DDL = f"""\
-- Cells of table sheets that are no value of a table row (pipeline.ingest.others):
-- titles, header cells outside the table's columns, notes, stray values. alasan says why.
CREATE TABLE IF NOT EXISTS {OTHERS_TABLE} (
    "submission_id" VARCHAR NOT NULL,
    "table" VARCHAR,
    "sheet" VARCHAR,
    "cell" VARCHAR,
    "row" BIGINT,
    "letter" VARCHAR,
    "nilai" VARCHAR,
    "alasan" VARCHAR
);
"""
"""``raw_sel_lain``: not generated from the contract (its shape is the same for every
sheet), written into raw.sql by :func:`raw_schema_sql` with the tables that are."""


_STAGING_HEADER = """\
-- Staging layer: one view per raw table, current submissions only, identity joined in and
-- names cleaned once (tingkat_baku, indikator_kunci). Marts (views.sql) read only these.
-- `tahun_laporan` is the submission's report year; a sheet's own `tahun` column (tren_iku,
-- akip_*) keeps its name.
-- WITH (DEFER_BINDING): a view is bound when first queried, not on every write connection
-- (binding all of them took most of a load's fixed cost); tests bind every view.
-- GENERATED from schemas/contract.py by pipeline.load.staging_sql(); do not edit.
-- Regenerate: {regenerate}

-- The submissions that feed every view: the current version of each kecamatan-tahun, plus
-- submissions without identity (keyed by submission_id alone).
CREATE OR REPLACE VIEW stg_pengiriman WITH (DEFER_BINDING) AS
SELECT
    submission_id,
    coalesce(kecamatan_key, submission_id) AS kecamatan_key,
    kunci_kabupaten(kecamatan_key, submission_id, sintetis) AS kabupaten_key,
    provinsi,
    kabupaten,
    kecamatan,
    kode_wilayah,
    kode_kabupaten,
    tahun AS tahun_laporan,
    version,
    sintetis,
    loaded_at
FROM submissions
WHERE is_current;
"""

_STAGING_IDENTITY = (
    "    p.kecamatan_key, p.kabupaten_key, p.provinsi, p.kabupaten, p.kecamatan, p.kode_wilayah,\n"
    "    p.kode_kabupaten, p.tahun_laporan, p.sintetis,"
)
"""The identity of the submission every staging row carries (from stg_pengiriman)."""


def _staging_view(name: str, table: Table | None) -> str:
    """``stg_<name>``: the current rows of ``raw_<name>`` with their identity.

    ``table`` (None for a ``_total`` table, kept as loaded) adds what its contract
    columns ask for: a vocabulary normalised in place (``Vocabulary.sql_baku``) and a
    matching key (``Column.key_macro`` -> ``<column>_kunci``).
    """
    replace = []
    keys = []
    for col in table.columns if table else ():
        if col.vocab is not None and col.vocab.sql_baku:
            replace.append(f"{col.vocab.sql_baku}(r.{col.name}) AS {col.name}")
        if col.key_macro:
            keys.append(f"    {col.key_macro}(r.{col.name}) AS {col.name}_kunci")
    star = "    r.*" + (f" REPLACE ({', '.join(replace)})" if replace else "")
    select = ",\n".join([star, *keys])
    return (
        f"CREATE OR REPLACE VIEW stg_{name} WITH (DEFER_BINDING) AS\n"
        f"SELECT\n{_STAGING_IDENTITY}\n{select}\n"
        f"FROM raw_{name} AS r\n"
        "JOIN stg_pengiriman AS p USING (submission_id);\n"
    )


def staging_sql() -> str:
    """The staging views, generated from the contract (checked in as staging.sql)."""
    views = [_staging_view(t.name, t) for t in TABLES]
    views += [_staging_view(f"{t.name}_total", None) for t in total_tables()]
    regenerate = (
        ".venv/bin/python -c 'from pipeline.load import staging_sql as s;"
        ' print(s(), end="")\' > pipeline/warehouse/staging.sql'
    )
    return "\n".join([_STAGING_HEADER.format(regenerate=regenerate), *views])


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create what is missing, recreate macros and views; safe to run on every open."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_sql_text("schema.sql"))
        row = _one(con, "SELECT max(version) FROM schema_version")
        found = row[0] if row else None
        if found is None:
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?, ?)",
                [SCHEMA_VERSION, _now(), __version__, "initial schema"],
            )
        elif found > SCHEMA_VERSION:
            raise LakipError(both("warehouse.schema_version", found=found, expected=SCHEMA_VERSION))
        else:
            for version, description, statements in _migrations():
                if version <= found:
                    continue
                for statement in statements:
                    con.execute(statement)
                con.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?, ?)",
                    [version, _now(), __version__, description],
                )
        for name in SQL_FILES[1:]:
            con.execute(_sql_text(name))
        con.execute("COMMIT")
    except BaseException:
        guard.rollback(con)
        raise


def _migrations() -> list[tuple[int, str, list[str]]]:
    """(version, description, statements) that bring an older warehouse up to date.

    Each step only adds what the newer raw.sql creates in a new warehouse, so an upgraded
    warehouse and a new one have the same tables; rows loaded before keep NULL there.
    """
    typed = [
        f"ALTER TABLE {quote(target)} ADD COLUMN IF NOT EXISTS {quote(name)} {sql}"
        for table in TABLES
        for target, columns in (
            (f"raw_{table.name}", raw_columns(table)),
            *([(f"raw_{table.name}_total", total_columns(table))] if table.total_label else []),
        )
        for name, sql in columns
        if name.endswith("_desimal")
    ]
    detail = [
        f"ALTER TABLE findings ADD COLUMN IF NOT EXISTS {name} {sql}"
        for name, sql in (
            ("detail_key", "VARCHAR"),
            ("detail_args", "VARCHAR[]"),
            ("detail_id", "VARCHAR"),
            ("detail_en", "VARCHAR"),
        )
    ]
    ledger = ["ALTER TABLE layout ADD COLUMN IF NOT EXISTS header_row BIGINT", OTHERS_DDL]
    return [
        (2, "typed decimals of percentages and scores (<column>_desimal)", typed),
        (3, "structured finding details (detail_key, detail_args, detail_id, detail_en)", detail),
        (
            4,
            "the reader version of each submission (reader_version)",
            ["ALTER TABLE submissions ADD COLUMN IF NOT EXISTS reader_version INTEGER"],
        ),
        (5, "cells outside the tables (raw_sel_lain) and the header row in layout", ledger),
    ]


def connect(warehouse: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writer also creates or updates the schema.

    DuckDB allows one writing process per file: a second one gets
    :class:`~pipeline.errors.WarehouseBusy` instead of a raw IOException.
    """
    warehouse = Path(warehouse)
    if read_only and not warehouse.exists():
        raise LakipError(both("warehouse.missing", warehouse=warehouse))
    existed = warehouse.exists()
    try:
        if not read_only:
            warehouse.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(warehouse), read_only=read_only)
    except duckdb.IOException as exc:
        if "could not set lock" in str(exc).lower():
            raise _busy(warehouse, str(exc)) from exc
        raise guard.warehouse_error(warehouse, exc) from exc
    except (duckdb.Error, OSError) as exc:
        raise guard.warehouse_error(warehouse, exc) from exc
    if not read_only:
        try:
            if existed:
                guard.verify(con, warehouse)  # never write into a damaged file
            ensure_schema(con)
        except duckdb.Error as exc:
            con.close()
            raise guard.warehouse_error(warehouse, exc) from exc
        except BaseException:
            con.close()
            raise
    return con


def _busy(warehouse: Path, message: str) -> WarehouseBusy:
    pid = re.search(r"PID (\d+)", message)
    who = f" (PID {pid.group(1)})" if pid else ""
    return WarehouseBusy(both("warehouse.busy", warehouse=warehouse, who=who))


# ---------------------------------------------------------------- load


def load(
    batch: Batch,
    validation: ValidationLike,
    warehouse: Path,
    *,
    history: Mapping[str, datetime] | None = None,
) -> LoadSummary:
    """Load every new submission of ``batch``, set-based: one INSERT per table per transaction.

    The new submissions go in together, :data:`SUBMISSIONS_PER_TRANSACTION` at a time (one
    transaction for a run up to that size): a failure rolls the whole transaction back, so a
    submission is in the warehouse entirely or not at all.

    ``history`` (sha256 -> loaded_at) is what :func:`rebuild` passes so that a rebuilt
    warehouse keeps the original load times and therefore the same version order.
    """
    summary = LoadSummary(Path(warehouse))
    loaded_at = _now()
    known = dict(history or {})
    # Files loaded before come first, in their old order; new files follow in batch order.
    subs = batch.submissions.with_row_index("_order").with_columns(
        pl.col("sha256")
        .replace_strict(known, default=loaded_at, return_dtype=pl.Datetime("us"))
        .alias("loaded_at"),
        (~pl.col("sha256").is_in(list(known))).alias("_new"),
    )
    subs = subs.sort(["_new", "loaded_at", "_order"]).drop("_order", "_new")
    subs = subs.with_row_index("_seq").with_columns(pl.col("_seq").cast(pl.Int64))
    con = connect(Path(warehouse), read_only=False)
    try:
        _load_new(con, batch, validation, subs, summary)
    except KeyboardInterrupt as exc:
        con.close()
        raise guard.interrupted(Path(warehouse)) from exc
    except BaseException as exc:
        con.close()
        if isinstance(exc, duckdb.Error | OSError) or interrupted_query(exc):
            # After a failed write, make sure what stays on disk is sound.
            guard.check_file(Path(warehouse))
            if interrupted_query(exc):
                raise guard.interrupted(Path(warehouse)) from exc
            raise guard.warehouse_error(Path(warehouse), exc) from exc
        raise
    con.close()
    return summary


def interrupted_query(exc: BaseException) -> bool:
    """DuckDB turns Ctrl-C during a query into ``InterruptException`` or a RuntimeError."""
    return isinstance(exc, duckdb.InterruptException) or (
        isinstance(exc, RuntimeError) and "interrupted" in str(exc).lower()
    )


def _load_new(
    con: duckdb.DuckDBPyConnection,
    batch: Batch,
    validation: ValidationLike,
    subs: pl.DataFrame,
    summary: LoadSummary,
) -> None:
    """The body of :func:`load` on an open, verified write connection."""
    _checkpoint_on_commit(con)
    stored = _stored_hashes(con, subs)
    fresh = pl.col("sha256").is_first_distinct() & ~pl.col("sha256").is_in(stored)
    marked = subs.with_columns(fresh.alias("_fresh"))
    summary.skipped = marked.filter(~pl.col("_fresh"))["submission_id"].to_list()
    new = marked.filter(pl.col("_fresh")).drop("_fresh")
    if new.height:
        # Findings are rendered in Python on a second thread while DuckDB writes the raw
        # tables (it releases the GIL); they are needed only after those inserts.
        with ThreadPoolExecutor(1, thread_name_prefix="lakip-render") as pool:
            incoming = _Incoming(batch, validation, new, subs, pool)
            columns = _Columns(con)
            chunks = list(new.iter_slices(SUBMISSIONS_PER_TRANSACTION))
            for number, chunk in enumerate(chunks, start=1):
                last = number == len(chunks)
                _load_chunk(con, columns, chunk, incoming, summary, last=last)
    con.execute("CHECKPOINT")


def rebuild(
    raw: Path,
    warehouse: Path,
    *,
    validator: Callable[[Batch], ValidationLike],
    workers: int | None = None,
) -> LoadSummary:
    """Drop the warehouse and load everything under ``raw`` again (ingest + validate + load).

    Built in a side file and swapped in at the end, so a failed rebuild leaves the old
    warehouse intact. ``workers``: processes reading workbooks, as for
    :func:`pipeline.ingest.ingest`. Files already known keep their ``loaded_at`` and version order;
    superseded versions survive only if their files are still under ``raw``. ``validator``
    is :func:`pipeline.validate.validate` when :func:`pipeline.api.rebuild` calls this
    (load does not import the validator).
    """
    from pipeline import ingest as stage

    warehouse = Path(warehouse)
    history: dict[str, datetime] = {}
    damaged = False
    if warehouse.exists():
        try:
            con = duckdb.connect(str(warehouse), read_only=False)  # fails if someone holds it
        except duckdb.IOException as exc:
            if "could not set lock" in str(exc).lower():
                raise _busy(warehouse, str(exc)) from exc
            failure = guard.warehouse_error(warehouse, exc)
            if not isinstance(failure, WarehouseDamaged):
                raise failure from exc
            damaged = True
        except duckdb.Error as exc:
            failure = guard.warehouse_error(warehouse, exc)
            if not isinstance(failure, WarehouseDamaged):
                raise failure from exc
            damaged = True
    if warehouse.exists() and not damaged:
        try:
            guard.verify(con, warehouse)
            tables = {
                r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
            }
            if "submissions" in tables:
                history = dict(con.execute("SELECT sha256, loaded_at FROM submissions").fetchall())
        except WarehouseDamaged:
            damaged = True  # rebuilt from raw/ alone; the damaged file is kept aside
        finally:
            con.close()
    batch = stage.ingest(stage.discover(Path(raw)), workers=workers)
    result = validator(batch)
    side = warehouse.with_name(warehouse.name + ".rebuild")
    for stale in (side, side.with_name(side.name + ".wal")):
        stale.unlink(missing_ok=True)
    summary = load(batch, result, side, history=history)
    if damaged:
        os.replace(warehouse, warehouse.with_name(warehouse.name + ".rusak"))
    warehouse.with_name(warehouse.name + ".wal").unlink(missing_ok=True)
    os.replace(side, warehouse)
    summary.warehouse = warehouse
    summary.rebuilt = True
    return summary


# ---------------------------------------------------------------- internals


@functools.cache
def _sql_text(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")


def _one(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None
) -> tuple[Any, ...] | None:
    """First row of a query, the result consumed (DuckDB refuses new work on a pending one)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0] if rows else None


def _now() -> datetime:
    """Load times are stored as naive UTC timestamps."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _checkpoint_on_commit(con: duckdb.DuckDBPyConnection) -> None:
    """Each load transaction's COMMIT checkpoints straight away, without writing the WAL first.

    DuckDB does so by itself only for a commit estimated at over 16 MiB of WAL; a smaller
    load wrote its rows to the WAL, then again to the file at the CHECKPOINT that ends
    :func:`load` (measured: 360 files with 1,340 findings, 0.29 s -> 0.26 s per load).
    Durability is the same: a commit returns once its checkpoint is on disk. The settings
    hold for this database instance only, which ends with the connection.
    """
    con.execute("SET checkpoint_threshold = '0b'")
    con.execute("SET auto_checkpoint_skip_wal_threshold = 0")


def _stored_hashes(con: duckdb.DuckDBPyConnection, subs: pl.DataFrame) -> list[str]:
    """The sha256 of the batch's files that the warehouse already holds, in one query."""
    view = "_lakip_hashes"
    con.register(view, subs.select("sha256"))
    try:
        rows = con.execute(
            f"SELECT sha256 FROM submissions WHERE sha256 IN (SELECT sha256 FROM {view})"
        ).fetchall()
    finally:
        con.unregister(view)
    return [r[0] for r in rows]


class _Incoming:
    """The frames of the batch restricted to its new submissions, findings rendered once.

    A file given twice in one batch (same sha256, so the same submission_id) loads once:
    its rows, read twice by ingest, are kept once. ``pool`` is the second thread that
    renders the findings and counts the rows while DuckDB writes.
    """

    def __init__(
        self,
        batch: Batch,
        validation: ValidationLike,
        new: pl.DataFrame,
        subs: pl.DataFrame,
        pool: ThreadPoolExecutor,
    ) -> None:
        ids = new["submission_id"]
        twice = subs.filter(pl.col("sha256").is_duplicated())["submission_id"].unique()
        # Rows of submissions that are not loaded are dropped once, here; each transaction
        # then takes its own slice (no filter at all for a run loaded in one transaction).
        everything = new.height == subs.height
        self.one_transaction = new.height <= SUBMISSIONS_PER_TRANSACTION

        def restrict(frame: pl.DataFrame | None) -> pl.DataFrame | None:
            if frame is None or frame.height == 0 or "submission_id" not in frame.columns:
                return None
            sid = pl.col("submission_id")
            if not everything:
                frame = frame.filter(sid.is_in(ids.implode()))
            frame = _once(frame, twice)
            return frame if frame.height else None

        self.tables = {
            t.name: restrict(validation.tables.get(t.name, batch.tables.get(t.name)))
            for t in TABLES
        }
        self.totals = {
            t.name: restrict(validation.totals.get(t.name, batch.totals.get(t.name)))
            for t in total_tables()
        }
        self.layout = restrict(batch.layout)
        self.others = restrict(batch.others)
        # Render only what is inserted: the new submissions' findings and those about no one
        # submission (the latter only if not stored yet, checked in SQL on insert).
        findings = validation.findings.select(list(FINDING_SCHEMA))
        sid = pl.col("submission_id")
        if not everything:
            findings = findings.filter(sid.is_in(ids.implode()) | sid.is_null())
        self.pool = pool
        # IDN001 on kode_wilayah: the code names another kecamatan than the name does
        wrong = (pl.col("rule") == IDN001.code) & (
            pl.col("detail").struct.field("key") == f"{IDN001.code}.by_code"
        )
        self.kode_beda = findings.filter(wrong)["submission_id"].unique()
        self._rendering: Future[pl.DataFrame] = pool.submit(_rendered, _once(findings, twice))

    @functools.cached_property
    def findings(self) -> pl.DataFrame:
        """The new submissions' findings, rendered (waits for the rendering thread)."""
        return self._rendering.result().filter(pl.col("submission_id").is_not_null())

    @functools.cached_property
    def unattached(self) -> pl.DataFrame:
        """Findings about no one submission, rendered."""
        return self._rendering.result().filter(pl.col("submission_id").is_null())

    def slice(self, frame: pl.DataFrame | None, ids: pl.Series) -> pl.DataFrame | None:
        """The rows of one transaction's submissions."""
        if frame is None or self.one_transaction:
            return frame
        part = frame.filter(pl.col("submission_id").is_in(ids.implode()))
        return part if part.height else None


def _once(frame: pl.DataFrame, twice: pl.Series) -> pl.DataFrame:
    """Rows of the submissions in ``twice`` (files given twice) kept once; others untouched."""
    if twice.len() == 0:
        return frame
    repeated = pl.col("submission_id").is_in(twice.implode())
    return frame.filter(~repeated | pl.struct(pl.all()).is_first_distinct())


def _rendered(findings: pl.DataFrame) -> pl.DataFrame:
    """Findings with title, message, hint and detail in both languages, as the catalog
    renders them; the structured detail kept as ``detail_key``/``detail_args``, and
    ``detail`` as both languages joined (the text it held before details were structured)."""
    names = ("title", "message", "hint")
    both = findings
    for lang in LANGS:
        shown = render(findings, lang).select(names)
        both = both.with_columns(shown.rename({n: f"{n}_{lang}" for n in names}))
        both = both.with_columns(
            details_in(findings.get_column("detail"), lang).alias(f"detail_{lang}")
        )
    structured = findings.get_column("detail")
    joined = [detail_joined(d) for d in structured.to_list()]
    return both.with_columns(
        structured.struct.field("key").alias("detail_key"),
        structured.struct.field("args").alias("detail_args"),
        pl.Series("detail", joined, dtype=pl.String),
    )


class _Columns:
    """The columns of each warehouse table, read once; grows when a column is added."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        # pragma_table_info of each table, not duckdb_columns(): that lists the columns of
        # the views too, which binds every view (they are created unbound, see views.sql).
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
            ).fetchall()
        ]
        self.by_table: dict[str, list[str]] = {t: [] for t in tables}
        if tables:
            rows = con.execute(
                " UNION ALL ".join(
                    f"SELECT {_literal(t)}, name FROM pragma_table_info({_literal(quote(t))})"
                    for t in tables
                )
            ).fetchall()
            for table, column in rows:
                self.by_table[table].append(column)

    def fit(self, con: duckdb.DuckDBPyConnection, target: str, frame: pl.DataFrame) -> pl.DataFrame:
        """Keep the frame's columns the table has, adding any new ``*_hitung`` column first."""
        have = self.by_table[target]
        for name, dtype in frame.schema.items():
            if name.endswith("_hitung") and name not in have:
                con.execute(
                    f"ALTER TABLE {quote(target)} ADD COLUMN IF NOT EXISTS "
                    f"{quote(name)} {_polars_sql(dtype)}"
                )
                have.append(name)
        return frame.select([c for c in frame.columns if c in have])


def _literal(text: str) -> str:
    """A SQL string literal (of a table name from the catalog, never data)."""
    return "'" + text.replace("'", "''") + "'"


def _polars_sql(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.Decimal):
        return "DECIMAL(18,2)"
    if dtype.is_float():
        return "DOUBLE"
    if dtype == pl.Int8:
        return "TINYINT"
    if dtype.is_integer():
        return "BIGINT"
    if dtype == pl.Boolean:
        return "BOOLEAN"
    return "VARCHAR"


def _insert_frame(con: duckdb.DuckDBPyConnection, target: str, frame: pl.DataFrame) -> int:
    """Insert a polars frame through Arrow in one statement; values never touch the SQL text."""
    if frame.height == 0:
        return 0
    view = "_lakip_incoming"
    con.register(view, _arrow(frame))
    try:
        con.execute(f"INSERT INTO {quote(target)} BY NAME SELECT * FROM {quote(view)}")
    finally:
        con.unregister(view)
    return frame.height


def _arrow(frame: pl.DataFrame) -> Any:
    """The frame as Arrow without copying its strings (string views, which DuckDB reads).

    A polars frame registered as is goes through ``to_arrow()`` at the oldest compat level,
    which rewrites every string column as ``large_string``.
    """
    return frame.to_arrow(compat_level=pl.CompatLevel.newest())


class _Registered:
    """Frames registered under fixed names for the statements of one transaction."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.names: list[str] = []

    def __call__(self, name: str, frame: pl.DataFrame) -> None:
        self.con.register(name, _arrow(frame))
        self.names.append(name)

    def __enter__(self) -> _Registered:
        return self

    def __exit__(self, *exc: object) -> None:
        for name in self.names:
            self.con.unregister(name)


def _load_unattached(con: duckdb.DuckDBPyConnection, findings: pl.DataFrame) -> None:
    """Findings about no one submission (e.g. across the batch), each stored once."""
    if findings.height == 0:
        return
    view = "_lakip_unattached"
    con.register(view, findings)
    try:
        cols = ", ".join(quote(c) for c in findings.columns)
        con.execute(
            f"INSERT INTO findings ({cols}) SELECT {cols} FROM {quote(view)} AS f "
            "WHERE f.finding_id NOT IN (SELECT finding_id FROM findings "
            "WHERE submission_id IS NULL AND finding_id IS NOT NULL)"
        )
    finally:
        con.unregister(view)


_STATS_INPUTS: dict[str, dict[str, pl.DataType]] = {
    "program_kegiatan": {
        "submission_id": pl.String(),
        "tingkat": pl.String(),
        "pagu": pl.Decimal(18, 2),
        "realisasi_anggaran": pl.Decimal(18, 2),
    },
    "realisasi_belanja": {
        "submission_id": pl.String(),
        "anggaran": pl.Decimal(18, 2),
        "realisasi": pl.Decimal(18, 2),
    },
}
"""The columns ``submission_stats.sql`` reads from the frames of a transaction."""


def _stats_input(frame: pl.DataFrame | None, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """``frame`` reduced to ``schema`` (an absent table or column reads as no rows / NULL)."""
    if frame is None:
        return pl.DataFrame(schema=schema)
    return frame.select(
        pl.col(n) if n in frame.columns else pl.lit(None, dtype=t).alias(n)
        for n, t in schema.items()
    )


def _load_chunk(
    con: duckdb.DuckDBPyConnection,
    columns: _Columns,
    chunk: pl.DataFrame,
    incoming: _Incoming,
    summary: LoadSummary,
    *,
    last: bool,
) -> None:
    """New submissions in load order, in one transaction: all of them or nothing.

    One statement per target table whatever the number of submissions; versions,
    supersession, statistics and the kecamatan dimension are computed for the whole set.
    """
    ids = chunk["submission_id"]
    con.execute("BEGIN TRANSACTION")
    try:
        with _Registered(con) as register:
            register("_lakip_new", chunk.with_columns(_kode_beda(incoming.kode_beda)))
            plan = con.sql(_sql_text("versions.sql")).pl()
            register("_lakip_plan", plan)
            replaced = con.execute(
                "SELECT s.submission_id, p.submission_id, p._seq, s.version "
                "FROM submissions AS s JOIN _lakip_plan AS p "
                "ON s.kecamatan_key = p.kecamatan_key AND s.tahun = p.tahun "
                "WHERE p.first_of_group AND s.is_current"
            ).fetchall()
            if replaced:
                con.execute(_sql_text("supersede.sql"))

            details = {t.name: incoming.slice(incoming.tables[t.name], ids) for t in TABLES}
            totals = {t.name: incoming.slice(incoming.totals[t.name], ids) for t in total_tables()}
            # counted on the second thread while DuckDB writes the rows
            counting = incoming.pool.submit(_per_table, ids, details, totals)
            rows = 0
            for name, frame in details.items():
                if frame is not None:
                    target = f"raw_{name}"
                    rows += _insert_frame(con, target, columns.fit(con, target, frame))
            for name, frame in totals.items():
                if frame is not None:
                    target = f"raw_{name}_total"
                    _insert_frame(con, target, columns.fit(con, target, frame))
            layout = incoming.slice(incoming.layout, ids)
            if layout is not None:
                _insert_frame(con, "layout", columns.fit(con, "layout", layout))
            others = incoming.slice(incoming.others, ids)
            if others is not None:
                _insert_frame(con, OTHERS_TABLE, columns.fit(con, OTHERS_TABLE, others))
            findings = incoming.slice(incoming.findings, ids)
            if findings is None:
                findings = incoming.findings.clear()
            _insert_frame(con, "findings", columns.fit(con, "findings", findings))

            per_table = counting.result()
            _insert_frame(con, "submission_tables", per_table)

            register("_lakip_ids", chunk.select("submission_id"))
            for name, schema in _STATS_INPUTS.items():
                register(f"_lakip_{name}", _stats_input(details[name], schema))
            budget = con.sql(_sql_text("submission_stats.sql")).pl()
            record = (
                chunk.join(
                    plan.drop("first_of_group", "_seq", "tahun", "loaded_at"),
                    on="submission_id",
                    how="left",
                )
                .join(_stats(per_table, findings), on="submission_id", how="left")
                .join(budget, on="submission_id", how="left")
                .with_columns(
                    pl.lit(__version__).alias("lakip_version"),
                    pl.lit(READER_VERSION, pl.Int32).alias("reader_version"),
                )
                .sort("_seq")
            )
            _insert_frame(con, "submissions", columns.fit(con, "submissions", record))
            register("_lakip_rows", record)
            con.execute(_sql_text("kecamatan.sql"))
            if last:
                _load_unattached(con, incoming.unattached)
        con.execute("COMMIT")
    except BaseException as exc:
        guard.rollback(con)  # nothing to roll back when the COMMIT itself went through
        if isinstance(exc, duckdb.Error) and not interrupted_query(exc):
            failure = guard.warehouse_error(summary.warehouse, exc)
            if type(failure) is LakipError:  # not a disk, permission or damage fault
                raise _failed(chunk, summary, exc) from exc
        raise
    summary.loaded.extend(ids.to_list())
    summary.rows += rows
    # (earlier, by) in load order, as if the submissions had been loaded one by one
    within = plan.filter(pl.col("superseded_by").is_not_null())
    seq = dict(zip(plan["submission_id"], plan["_seq"], strict=True))
    version = dict(zip(plan["submission_id"], plan["version"], strict=True))
    pairs = [(by_seq, v, old, by) for old, by, by_seq, v in replaced]
    pairs += [
        (seq[by], version[old], old, by)
        for old, by in zip(within["submission_id"], within["superseded_by"], strict=True)
    ]
    summary.superseded.extend((old, by) for _, _, old, by in sorted(pairs))


def _kode_beda(ids: pl.Series) -> pl.Expr:
    """True for a submission whose kode_wilayah names another kecamatan than its name (IDN001
    on kode_wilayah): its identity is unsure, so versions.sql keys it apart."""
    return pl.col("submission_id").is_in(ids.implode()).alias("kode_beda")


def _count(frame: pl.DataFrame, table: str, name: str) -> pl.DataFrame:
    """Rows per submission of one table's frame."""
    return (
        frame.group_by("submission_id")
        .len(name=name)
        .select("submission_id", pl.lit(table).alias("table"), pl.col(name).cast(pl.Int64))
    )


def _per_table(
    ids: pl.Series,
    details: Mapping[str, pl.DataFrame | None],
    totals: Mapping[str, pl.DataFrame | None],
) -> pl.DataFrame:
    """``submission_tables`` rows: every contract table of every submission, zeros included.

    Each count frame holds one (submission, table) once, so two joins put the detail and
    the total counts beside the grid without a group_by over all of them.
    """
    grid = pl.DataFrame({"submission_id": ids}).join(
        pl.DataFrame({"table": [t.name for t in TABLES]}), how="cross"
    )
    for name, frames in (("baris", details), ("baris_total", totals)):
        parts = [_count(f, table, name) for table, f in frames.items() if f is not None]
        if parts:
            grid = grid.join(pl.concat(parts), on=["submission_id", "table"], how="left")
        else:
            grid = grid.with_columns(pl.lit(None, pl.Int64).alias(name))
    return grid.with_columns(pl.col("baris", "baris_total").fill_null(0).cast(pl.Int64))


def _stats(per_table: pl.DataFrame, findings: pl.DataFrame) -> pl.DataFrame:
    """Row and finding counts of each submission, one group_by each."""
    rows = per_table.group_by("submission_id").agg(
        pl.col("baris").sum(),
        pl.col("baris_total").sum(),
        pl.col("baris").filter(pl.col("table") == "capaian_iku").sum().alias("n_indikator"),
    )
    severity = pl.col("severity")
    found = findings.group_by("submission_id").agg(
        (severity == "error").sum().cast(pl.Int32).alias("error_count"),
        (severity == "warning").sum().cast(pl.Int32).alias("warning_count"),
    )
    return rows.join(found, on="submission_id", how="left").with_columns(
        pl.col("error_count", "warning_count").fill_null(0)
    )


def _failed(chunk: pl.DataFrame, summary: LoadSummary, exc: duckdb.Error) -> LakipError:
    n = chunk.height
    first, end = chunk["path"][0], chunk["path"][-1]
    where = f"{chunk['submission_id'][0]} ({first})" if n == 1 else f"{first} .. {end}"
    kept = len(summary.loaded)

    def message(lang: str) -> str:
        return t(
            "load.failed",
            lang,
            n=n,
            submissions=tn("word.submission", n, lang),
            where=where,
            what=tn("load.failed_what", n, lang),
            kept=tn("load.failed_kept", kept, lang, kept=kept),
        )

    return LakipError(f"{both_of(message)} [{exc}]")
