"""The analyst's read path: ``lakip sql`` and ``lakip export`` over the warehouse.

The warehouse is opened read-only, so a statement that would write is refused by
DuckDB itself rather than by parsing SQL here; the refusal becomes a clear
:class:`ReadOnlyViolation` instead of a traceback.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from pipeline.errors import LakipError, ReadOnlyViolation, WarehouseBusy
from pipeline.guard import warehouse_error
from pipeline.safecsv import neutral_frame, rows_text
from schemas.text import BOTH_PAREN, both, t


def open_read_only(warehouse: Path, sandboxed: bool = True) -> duckdb.DuckDBPyConnection:
    """Read-only connection; ``sandboxed`` also disables file access (for user SQL)."""
    if not warehouse.exists():
        raise LakipError(both("warehouse.missing_short", BOTH_PAREN, warehouse=warehouse))
    try:
        # No file access either: COPY TO, ATTACH and INSTALL would write outside the warehouse.
        config: dict[str, str | bool | int | float | list[str]] = (
            {"enable_external_access": False, "lock_configuration": True} if sandboxed else {}
        )
        return duckdb.connect(str(warehouse), read_only=True, config=config)
    except duckdb.IOException as exc:
        if "could not set lock" not in str(exc).lower():  # a damaged or unreadable file
            raise warehouse_error(warehouse, exc) from exc
        message = both("warehouse.busy_reading", BOTH_PAREN, warehouse=warehouse)
        raise WarehouseBusy(f"{message} [{exc}]") from exc
    except duckdb.Error as exc:
        raise warehouse_error(warehouse, exc) from exc


def run_query(warehouse: Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Execute one read-only statement; return column names and rows.

    More than one statement is refused (only one result could be printed); values that
    hold this machine's folders (``PRAGMA database_list``) show the file name only.
    """
    con = open_read_only(warehouse)
    try:
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            raise LakipError(f"SQL: {exc}") from exc
        if len(statements) > 1:
            raise LakipError(
                f"`lakip sql` menjalankan satu pernyataan sekali jalan, diberikan "
                f"{len(statements)}: jalankan satu per satu. / `lakip sql` runs one statement "
                f"at a time, {len(statements)} were given: run them one by one."
            )
        cursor = con.execute(sql)
        if cursor.description is None:
            return [], []
        columns = [d[0] for d in cursor.description]
        return columns, _without_paths(cursor.fetchall(), warehouse)
    except duckdb.PermissionException as exc:
        raise ReadOnlyViolation(both("query.no_files")) from exc
    except duckdb.InvalidInputException as exc:
        text = str(exc).lower()
        if "read-only" in text or "locked" in text:
            raise ReadOnlyViolation(both("query.read_only", BOTH_PAREN)) from exc
        raise LakipError(f"SQL: {exc}") from exc
    except duckdb.Error as exc:
        failure = warehouse_error(warehouse, exc)
        if type(failure) is not LakipError:  # damaged file, disk: not the statement's fault
            raise failure from exc
        raise LakipError(f"SQL: {exc}") from exc
    finally:
        con.close()


def _without_paths(rows: list[tuple[Any, ...]], warehouse: Path) -> list[tuple[Any, ...]]:
    """Rows with this machine's folders taken out of text values (the file name stays)."""
    folder = str(warehouse.resolve().parent)
    places = [(folder.rstrip(os.sep) + os.sep, ""), (folder, ".")]
    home = os.path.expanduser("~")
    if home not in ("", "/", "~"):
        places.append((home, "~"))

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            for place, shown in places:
                value = value.replace(place, shown)
        elif isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return [tuple(clean(v) for v in row) for row in rows]


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def format_rows(columns: list[str], rows: list[tuple[Any, ...]], fmt: str) -> str:
    """CSV or JSON text of a result (the terminal table is drawn by the console)."""
    if fmt == "json":
        data = [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return rows_text(columns, rows, _plain)


def export(warehouse: Path, out: Path, fmt: str = "parquet") -> list[Path]:
    """Write every staging fact view (current submissions) partitioned by report year.

    Hive layout (``<view>/tahun_laporan=2025/*.parquet``) is what Spark, Trino,
    BigQuery external tables and DuckDB itself read as a partitioned dataset.
    """
    if fmt not in ("parquet", "csv"):
        raise LakipError(t("query.unknown_format", fmt=repr(fmt)))
    con = open_read_only(warehouse, sandboxed=False)  # COPY TO writes the export files
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        views = [
            name
            for (name,) in con.execute(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal "
                "AND view_name LIKE 'stg\\_%' ESCAPE '\\' ORDER BY view_name"
            ).fetchall()
        ]
        for view in [*views, "findings_current"]:
            target = out / view
            if view == "findings_current":
                source = (
                    "SELECT f.*, p.tahun_laporan FROM findings f "
                    "JOIN stg_pengiriman p USING (submission_id)"
                )
            else:
                source = f'SELECT * FROM "{view}"'
            options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
            if fmt == "csv":
                # text cells that a spreadsheet would run as formulas get a quote prefix
                con.register("_lakip_safe", neutral_frame(con.sql(source).pl()))
                source = "SELECT * FROM _lakip_safe"
            # Identifiers come from the catalog, paths are bound as literals by DuckDB's quoting.
            path_literal = str(target).replace("'", "''")
            con.execute(
                f"COPY ({source}) TO '{path_literal}' "
                f"({options}, PARTITION_BY (tahun_laporan), OVERWRITE_OR_IGNORE true)"
            )
            written.append(target)
    finally:
        con.close()
    return written


def stored_files(warehouse: Path) -> dict[str, int]:
    """sha256 -> reader version of every file already loaded (any version of a kecamatan).

    Drives incremental runs: a file held with the current reader is not read again. A
    warehouse written before reader versions were recorded answers 1 for every file.
    """
    if not warehouse.exists():
        return {}
    con = open_read_only(warehouse)
    try:
        columns = {
            name
            for (name,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'submissions'"
            ).fetchall()
        }
        if not columns:
            return {}
        version = "coalesce(reader_version, 1)" if "reader_version" in columns else "1"
        rows = con.execute(f"SELECT sha256, {version} FROM submissions").fetchall()
        return {sha: int(v) for sha, v in rows}
    except duckdb.Error as exc:
        raise warehouse_error(warehouse, exc) from exc
    finally:
        con.close()
