"""Warehouse faults told plainly: damaged file, folder not writable, disk full, interrupted.

DuckDB reports these as IOException, FatalException or a bare ``Error`` whose text is the
only clue; :func:`warehouse_error` turns them into a message that says what happened, that
raw/ is intact and what to run (its words are ``guard.*`` of :mod:`schemas.text`, in both
languages, as an exception has no reader yet). :func:`verify` reads every block of every
table (DuckDB checks each block's checksum on read), so a damaged file is found before
anything is written to it, not later by ``lakip report``.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import duckdb

from pipeline.errors import (
    Interrupted,
    LakipError,
    WarehouseBusy,
    WarehouseDamaged,
    WarehouseUnwritable,
)
from schemas.text import both

DAMAGE_SIGNS = (
    "not a valid duckdb database",
    "could not read enough bytes",
    "corrupt database",
    "checksum",
    "failed to read database header",
    "invalid block",
)
FULL_SIGNS = ("no space left", "file too large", "disk quota")
DENIED_SIGNS = ("permission denied", "read-only file system", "operation not permitted")


def damaged(warehouse: Path, detail: str) -> WarehouseDamaged:
    return WarehouseDamaged(both("guard.damaged", warehouse=warehouse, detail=detail))


def _detail(exc: BaseException) -> str:
    """The first line of DuckDB's message, without the folder part of any path."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return re.sub(r'"(?:[^"]*[/\\])([^"/\\]+)"', r'"\1"', text)[:240]


def warehouse_error(warehouse: Path, exc: BaseException) -> LakipError:
    """A clear :class:`LakipError` for a DuckDB (or OS) failure on ``warehouse``."""
    if isinstance(exc, LakipError):
        return exc
    low = str(exc).lower()
    detail = _detail(exc)
    if any(sign in low for sign in FULL_SIGNS):
        return WarehouseUnwritable(both("guard.full", warehouse=warehouse, detail=detail))
    if any(sign in low for sign in DENIED_SIGNS) or isinstance(exc, PermissionError):
        return WarehouseUnwritable(
            both(
                "guard.unwritable",
                folder=warehouse.parent,
                wal=f"{warehouse.name}.wal",
                detail=detail,
            )
        )
    if any(sign in low for sign in DAMAGE_SIGNS):
        return damaged(warehouse, detail)
    if ("lock" in low and "conflicting" in low) or "could not set lock" in low:
        return WarehouseBusy(both("guard.busy", warehouse=warehouse))
    if "interrupt" in low:
        return interrupted(warehouse)
    return LakipError(f"{warehouse}: {detail}")


def interrupted(warehouse: Path | None = None) -> Interrupted:
    return Interrupted(both("guard.interrupted", where=f" {warehouse}" if warehouse else ""))


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """ROLLBACK when a transaction is open; after a COMMIT that went through, or a fatal
    error that invalidated the connection, there is nothing to roll back."""
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")


def verify(con: duckdb.DuckDBPyConnection, warehouse: Path) -> None:
    """Read every value of every table, so DuckDB checks every block's checksum.

    About 0.1 s per 10 MB of warehouse; raises :class:`WarehouseDamaged` on any read error.
    """
    try:
        tables = con.execute(
            "SELECT database_name, schema_name, table_name FROM duckdb_tables() "
            "WHERE NOT temporary AND database_name = current_database()"
        ).fetchall()
        for database, schema, table in tables:
            name = f'"{database}"."{schema}"."{table}"'
            columns = [row[0] for row in con.execute(f"DESCRIBE {name}").fetchall()]
            sums = ", ".join(f'sum(hash("{c}"))' for c in columns) or "count(*)"
            con.execute(f"SELECT count(*), {sums} FROM {name}").fetchall()
    except duckdb.Error as exc:
        raise damaged(warehouse, _detail(exc)) from exc


def has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    """False for a file DuckDB created whose schema never committed (a load killed at its
    start): the state of a new, empty warehouse."""
    row = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()"
    ).fetchone()
    return bool(row and row[0])


def check_file(warehouse: Path) -> None:
    """Open ``warehouse`` read-only and :func:`verify` it (after a failed write)."""
    if not warehouse.exists():
        return
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        raise warehouse_error(warehouse, exc) from exc
    try:
        verify(con, warehouse)
    finally:
        con.close()
