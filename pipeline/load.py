"""Stage 3, load: a validated batch -> the DuckDB warehouse the planning office queries for years.

Layers (dbt-like, see ``docs/warehouse.md``):

- tables, written here only: ``submissions`` (every version of every file, with
  lineage and the figures "what changed" compares), the ``kecamatan`` dimension,
  ``findings``, ``layout`` and one ``raw_<table>`` (and ``raw_<table>_total``) per
  sheet of the contract, printed figures beside the validator's ``<col>_hitung``;
- ``stg_<table>`` views: current submissions only, identity joined in, names cleaned once;
- ``v_*`` marts: the consolidated summaries, recomputed in SQL with the formulas of
  :mod:`schemas.formulas` (``pipeline/warehouse/macros.sql``), one formula for every kecamatan.

A submission loads in one transaction: everything of it or nothing. A file already in
the warehouse (same sha256) is skipped; a new file for the same kecamatan and tahun
supersedes the current one, which stays in the raw tables and ``v_riwayat_pengiriman``.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import duckdb
import polars as pl

from pipeline import __version__
from pipeline.errors import LakipError, WarehouseBusy
from pipeline.ingest import Batch
from schemas.catalog import render
from schemas.contract import TABLES, Kind, Table
from schemas.findings import FINDING_SCHEMA

SCHEMA_VERSION = 1
"""Bump when a table changes shape; views and macros are recreated on every write anyway."""

SQL_DIR = Path(__file__).parent / "warehouse"
SQL_FILES = ("schema.sql", "raw.sql", "macros.sql", "staging.sql", "views.sql")
"""Run in this order on every write connection; each statement is idempotent."""

_KIND_SQL = {
    Kind.TEXT: "VARCHAR",
    Kind.INTEGER: "BIGINT",
    Kind.MONEY: "DECIMAL(18,2)",
    Kind.PERCENT: "DOUBLE",
    Kind.MEASURE: "DOUBLE",
}

HITUNG: dict[str, tuple[tuple[str, str], ...]] = {
    "capaian_iku": (("capaian_hitung", "DOUBLE"),),
    "tren_iku": (("capaian_hitung", "DOUBLE"),),
    "kemajuan_renstra": (("tingkat_kemajuan_hitung", "DOUBLE"),),
    "program_kegiatan": (
        ("persen_kinerja_hitung", "DOUBLE"),
        ("persen_anggaran_hitung", "DOUBLE"),
        ("tingkat_efisiensi_hitung", "DOUBLE"),
        ("parent_row", "BIGINT"),
        ("program_row", "BIGINT"),
    ),
    "realisasi_belanja": (("persen_hitung", "DOUBLE"),),
    "efisiensi_sasaran": (("tingkat_efisiensi_hitung", "DOUBLE"),),
    "sdm": (("persen_hitung", "DOUBLE"),),
    "akip_nilai": (("nilai_hitung", "DOUBLE"), ("predikat_hitung", "VARCHAR")),
}
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
    error_count: int
    warning_count: int


@dataclass
class LoadSummary:
    """What one load did, for the CLI and for tests."""

    warehouse: Path
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    superseded: list[tuple[str, str]] = field(default_factory=list)  # (earlier, by)
    rows: int = 0
    rebuilt: bool = False

    def describe(self, lang: str = "id") -> str:
        n, k, m = len(self.loaded), len(self.skipped), len(self.superseded)
        if lang == "id":
            head = "Gudang data dibangun ulang: " if self.rebuilt else ""
            return (
                f"{head}{n} pengiriman dimuat ({self.rows} baris), {k} dilewati (tidak berubah), "
                f"{m} versi lama digantikan -> {self.warehouse}"
            )
        head = "Warehouse rebuilt: " if self.rebuilt else ""
        return (
            f"{head}{n} submission{'s' if n != 1 else ''} loaded ({self.rows} rows), "
            f"{k} skipped (unchanged), {m} earlier version{'s' if m != 1 else ''} superseded "
            f"-> {self.warehouse}"
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
    return "\n".join(out)


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
        elif found != SCHEMA_VERSION:
            raise LakipError(
                f"Gudang data memakai skema versi {found}, lakip ini versi {SCHEMA_VERSION}: "
                f"bangun ulang dari raw/ (pipeline.load.rebuild). / The warehouse has schema "
                f"version {found}, this lakip expects {SCHEMA_VERSION}: rebuild it from raw/."
            )
        for name in SQL_FILES[1:]:
            con.execute(_sql_text(name))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def connect(warehouse: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writer also creates or updates the schema.

    DuckDB allows one writing process per file: a second one gets
    :class:`~pipeline.errors.WarehouseBusy` instead of a raw IOException.
    """
    warehouse = Path(warehouse)
    if read_only and not warehouse.exists():
        raise LakipError(
            f"Gudang data {warehouse} belum ada: jalankan `lakip load` dulu. / "
            f"The warehouse {warehouse} does not exist yet: run `lakip load` first."
        )
    if not read_only:
        warehouse.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(warehouse), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise _busy(warehouse, str(exc)) from exc
        raise LakipError(f"{warehouse}: {exc}") from exc
    except duckdb.Error as exc:
        raise LakipError(f"{warehouse}: {exc}") from exc
    if not read_only:
        try:
            ensure_schema(con)
        except BaseException:
            con.close()
            raise
    return con


def _busy(warehouse: Path, message: str) -> WarehouseBusy:
    pid = re.search(r"PID (\d+)", message)
    who = f" (PID {pid.group(1)})" if pid else ""
    return WarehouseBusy(
        f"Gudang data {warehouse} sedang dipakai proses lain{who}; tunggu sampai selesai "
        f"lalu ulangi. / The warehouse {warehouse} is held by another process{who}; "
        f"wait until it finishes and try again."
    )


# ---------------------------------------------------------------- load


def load(
    batch: Batch,
    validation: ValidationLike,
    warehouse: Path,
    *,
    history: Mapping[str, datetime] | None = None,
) -> LoadSummary:
    """Load every new submission of ``batch``, one transaction each.

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
    parts = _Parts(batch, validation)
    con = connect(Path(warehouse), read_only=False)
    try:
        columns = _Columns(con)
        for sub in subs.iter_slices(1):
            sid = str(sub["submission_id"][0])
            hit = _one(
                con, "SELECT submission_id FROM submissions WHERE sha256 = ?", [sub["sha256"][0]]
            )
            if hit is not None:
                summary.skipped.append(sid)
                continue
            try:
                rows, superseded = _load_one(con, columns, sub, parts)
            except duckdb.Error as exc:
                raise LakipError(
                    f"Memuat pengiriman {sid} ({sub['path'][0]}) gagal; tidak ada bagiannya yang "
                    f"tersimpan. / Loading submission {sid} failed; nothing of it was written. "
                    f"[{exc}]"
                ) from exc
            summary.loaded.append(sid)
            summary.rows += rows
            summary.superseded.extend((old, sid) for old in superseded)
        if summary.loaded:
            _load_unattached(con, parts.unattached)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return summary


def rebuild(
    raw: Path,
    warehouse: Path,
    *,
    validator: Callable[[Batch], ValidationLike] | None = None,
) -> LoadSummary:
    """Drop the warehouse and load everything under ``raw`` again (ingest + validate + load).

    Built in a side file and swapped in at the end, so a failed rebuild leaves the old
    warehouse intact. Files already known keep their ``loaded_at`` and version order;
    superseded versions survive only if their files are still under ``raw``.
    """
    from pipeline import ingest as stage

    warehouse = Path(warehouse)
    if validator is None:
        validator = importlib.import_module("pipeline.validate").validate
    history: dict[str, datetime] = {}
    if warehouse.exists():
        try:
            con = duckdb.connect(str(warehouse), read_only=False)  # fails if someone holds it
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise _busy(warehouse, str(exc)) from exc
            raise LakipError(f"{warehouse}: {exc}") from exc
        except duckdb.Error as exc:
            raise LakipError(f"{warehouse}: {exc}") from exc
        try:
            tables = {
                r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
            }
            if "submissions" in tables:
                history = dict(con.execute("SELECT sha256, loaded_at FROM submissions").fetchall())
        finally:
            con.close()
    batch = stage.ingest(stage.discover(Path(raw)))
    result = validator(batch)
    side = warehouse.with_name(warehouse.name + ".rebuild")
    for stale in (side, side.with_name(side.name + ".wal")):
        stale.unlink(missing_ok=True)
    summary = load(batch, result, side, history=history)
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


class _Parts:
    """Every frame of the batch split by submission once, not filtered per submission."""

    def __init__(self, batch: Batch, validation: ValidationLike) -> None:
        self.tables = {
            t.name: _split(validation.tables.get(t.name, batch.tables.get(t.name))) for t in TABLES
        }
        self.totals = {
            t.name: _split(validation.totals.get(t.name, batch.totals.get(t.name)))
            for t in total_tables()
        }
        self.layout = _split(batch.layout)
        findings = _rendered(validation.findings.select(list(FINDING_SCHEMA)))
        self.findings = _split(findings)
        self.unattached = findings.filter(pl.col("submission_id").is_null())
        self.counts = {
            t.name: {sid: frame.height for sid, frame in self.tables[t.name].items()}
            for t in TABLES
        }


def _split(frame: pl.DataFrame | None) -> dict[str, pl.DataFrame]:
    if frame is None or frame.height == 0 or "submission_id" not in frame.columns:
        return {}
    return {str(k[0]): v for k, v in frame.partition_by("submission_id", as_dict=True).items()}


def _rendered(findings: pl.DataFrame) -> pl.DataFrame:
    """Findings with title, message and hint in both languages, as the catalog renders them."""
    names = ("title", "message", "hint")
    both = findings
    for lang in ("id", "en"):
        shown = render(findings, lang).select(names)
        both = both.with_columns(shown.rename({n: f"{n}_{lang}" for n in names}))
    return both


class _Columns:
    """The columns of each warehouse table, read once; grows when a column is added."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        rows = con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main'"
        ).fetchall()
        self.by_table: dict[str, list[str]] = {}
        for table, column in rows:
            self.by_table.setdefault(table, []).append(column)

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


def _polars_sql(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.Decimal):
        return "DECIMAL(18,2)"
    if dtype.is_float():
        return "DOUBLE"
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
    con.register(view, frame)
    try:
        cols = ", ".join(quote(c) for c in frame.columns)
        con.execute(f"INSERT INTO {quote(target)} ({cols}) SELECT {cols} FROM {quote(view)}")
    finally:
        con.unregister(view)
    return frame.height


def _load_unattached(con: duckdb.DuckDBPyConnection, findings: pl.DataFrame) -> None:
    """Findings about no one submission (e.g. across the batch), each stored once."""
    if findings.height == 0:
        return
    view = "_lakip_unattached"
    con.register(view, findings)
    try:
        cols = ", ".join(quote(c) for c in findings.columns)
        con.execute("BEGIN TRANSACTION")
        con.execute(
            f"INSERT INTO findings ({cols}) SELECT {cols} FROM {quote(view)} AS f "
            "WHERE f.finding_id NOT IN (SELECT finding_id FROM findings "
            "WHERE submission_id IS NULL AND finding_id IS NOT NULL)"
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister(view)


def _load_one(
    con: duckdb.DuckDBPyConnection, columns: _Columns, sub: pl.DataFrame, parts: _Parts
) -> tuple[int, list[str]]:
    """One submission, all or nothing. Returns its detail row count and what it superseded."""
    sid = str(sub["submission_id"][0])
    tahun = sub["tahun"][0]
    loaded_at = sub["loaded_at"][0]
    con.execute("BEGIN TRANSACTION")
    try:
        key_row = _one(
            con,
            "SELECT kunci_kecamatan(?, ?, ?), kode_kabupaten(?)",
            [sub["provinsi"][0], sub["kabupaten"][0], sub["kecamatan"][0], sub["kode_wilayah"][0]],
        )
        key, kode_kabupaten = key_row if key_row else (None, None)
        identified = key is not None and tahun is not None
        earlier: list[tuple[str, int, bool]] = []
        if identified:
            earlier = con.execute(
                "SELECT submission_id, version, is_current FROM submissions "
                "WHERE kecamatan_key = ? AND tahun = ? ORDER BY version",
                [key, tahun],
            ).fetchall()
        version = max((v for _, v, _ in earlier), default=0) + 1
        record = sub.with_columns(
            pl.lit(version, dtype=pl.Int32).alias("version"),
            pl.lit(key, dtype=pl.String).alias("kecamatan_key"),
            pl.lit(kode_kabupaten, dtype=pl.String).alias("kode_kabupaten"),
            pl.lit(__version__).alias("lakip_version"),
            pl.lit(True).alias("is_current"),
        )
        _insert_frame(con, "submissions", columns.fit(con, "submissions", record))
        superseded = [old for old, _, current in earlier if current]
        if superseded:
            con.execute(
                "UPDATE submissions SET is_current = false, superseded_by = ?, superseded_at = ? "
                "WHERE kecamatan_key = ? AND tahun = ? AND is_current AND submission_id <> ?",
                [sid, loaded_at, key, tahun, sid],
            )
        rows = 0
        for table in TABLES:
            frame = parts.tables[table.name].get(sid)
            if frame is not None:
                target = f"raw_{table.name}"
                rows += _insert_frame(con, target, columns.fit(con, target, frame))
        for table in total_tables():
            frame = parts.totals[table.name].get(sid)
            if frame is not None:
                target = f"raw_{table.name}_total"
                _insert_frame(con, target, columns.fit(con, target, frame))
        layout = parts.layout.get(sid)
        if layout is not None:
            _insert_frame(con, "layout", columns.fit(con, "layout", layout))
        findings = parts.findings.get(sid, pl.DataFrame(schema={"severity": pl.String}))
        _insert_frame(con, "findings", columns.fit(con, "findings", findings))
        counts = pl.DataFrame(
            {
                "submission_id": sid,
                "table": [t.name for t in TABLES],
                "baris": [parts.counts[t.name].get(sid, 0) for t in TABLES],
                "baris_total": [
                    parts.totals[t.name][sid].height
                    if t.total_label and sid in parts.totals[t.name]
                    else 0
                    for t in TABLES
                ],
            }
        )
        _insert_frame(con, "submission_tables", counts)
        errors = int((findings["severity"] == "error").sum())
        warnings = int((findings["severity"] == "warning").sum())
        con.execute(
            _sql_text("submission_stats.sql"),
            {
                "sid": sid,
                "baris": rows,
                "baris_total": int(counts["baris_total"].sum()),
                "errors": errors,
                "warnings": warnings,
            },
        )
        if identified:
            con.execute(
                "INSERT INTO kecamatan AS k VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (kecamatan_key) DO UPDATE SET "
                "kode_wilayah = coalesce(excluded.kode_wilayah, k.kode_wilayah), "
                "kode_kabupaten = coalesce(excluded.kode_kabupaten, k.kode_kabupaten), "
                "provinsi = excluded.provinsi, kabupaten = excluded.kabupaten, "
                "kecamatan = excluded.kecamatan, "
                "tahun_pertama = least(k.tahun_pertama, excluded.tahun_pertama), "
                "tahun_terakhir = greatest(k.tahun_terakhir, excluded.tahun_terakhir), "
                "updated_at = excluded.updated_at",
                [
                    key,
                    sub["kode_wilayah"][0],
                    kode_kabupaten,
                    sub["provinsi"][0],
                    sub["kabupaten"][0],
                    sub["kecamatan"][0],
                    tahun,
                    tahun,
                    loaded_at,
                ],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return rows, superseded
