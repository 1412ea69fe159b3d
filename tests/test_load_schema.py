"""The shortcuts of the load's fixed cost give the same warehouse as the plain way.

- views and staging views are created unbound (``WITH (DEFER_BINDING)``): each binds, and
  reads the same columns and rows, as the same view created bound;
- each load transaction's COMMIT checkpoints at once (no WAL first): same contents;
- the columns of each table come from ``pragma_table_info``, not ``duckdb_columns()``.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from test_load_support import SAMPLE

import pipeline.load as loader
from pipeline.ingest import ingest
from pipeline.validate import Validation, validate

DEFERRED = re.compile(r"\s+WITH \(DEFER_BINDING\)(?= AS\b)")


@pytest.fixture(scope="module")
def sample() -> tuple[object, Validation]:
    batch = ingest([SAMPLE])
    return batch, validate(batch)


def _views(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1")
    return [r[0] for r in rows.fetchall()]


def _dump(con: duckdb.DuckDBPyConnection, relation: str) -> tuple[list[object], list[object]]:
    name = loader.quote(relation)
    described = con.execute(f"DESCRIBE {name}").fetchall()
    return described, con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()


def test_every_view_is_created_unbound() -> None:
    for name in ("staging.sql", "views.sql"):
        text = loader._sql_text(name)
        created = re.findall(r"CREATE OR REPLACE VIEW \w+", text)
        assert created
        assert len(DEFERRED.findall(text)) == len(created), name


def test_unbound_views_read_as_bound_ones(
    sample: tuple[object, Validation], tmp_path: Path
) -> None:
    """Bound again (the SQL without DEFER_BINDING), every view has the same columns and rows."""
    batch, validation = sample
    warehouse = tmp_path / "w.duckdb"
    loader.load(batch, validation, warehouse)  # type: ignore[arg-type]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        views = _views(con)
        assert views
        unbound = {v: _dump(con, v) for v in views}
    bound_copy = tmp_path / "bound.duckdb"
    bound_copy.write_bytes(warehouse.read_bytes())
    with duckdb.connect(str(bound_copy)) as con:
        for name in ("staging.sql", "views.sql"):
            con.execute(DEFERRED.sub("", loader._sql_text(name)))
        bound = con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND is_bound ORDER BY 1"
        ).fetchall()
        assert [r[0] for r in bound] == views
        for view in views:
            assert _dump(con, view) == unbound[view], view


def test_checkpoint_on_commit_writes_the_same_warehouse(
    sample: tuple[object, Validation], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch, validation = sample
    shortcut = tmp_path / "shortcut.duckdb"
    loader.load(batch, validation, shortcut)  # type: ignore[arg-type]
    assert not shortcut.with_name(shortcut.name + ".wal").exists()
    monkeypatch.setattr(loader, "_checkpoint_on_commit", lambda con: None)
    plain = tmp_path / "plain.duckdb"
    loader.load(batch, validation, plain)  # type: ignore[arg-type]
    tables = "SELECT table_name FROM duckdb_tables() ORDER BY 1"
    with (
        duckdb.connect(str(shortcut), read_only=True) as a,
        duckdb.connect(str(plain), read_only=True) as b,
    ):
        names = [r[0] for r in a.execute(tables).fetchall()]
        assert names == [r[0] for r in b.execute(tables).fetchall()]
        for table in names:
            time_free = _time_free(a, table)
            assert a.execute(time_free).fetchall() == b.execute(time_free).fetchall(), table


def _time_free(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """A table's rows without its timestamp columns (load times differ between two loads)."""
    rows = con.execute(
        f"SELECT name FROM pragma_table_info({loader._literal(loader.quote(table))}) "
        "WHERE type <> 'TIMESTAMP'"
    ).fetchall()
    return f"SELECT {', '.join(loader.quote(r[0]) for r in rows)} FROM {loader.quote(table)}"


def test_columns_read_without_binding_views(
    sample: tuple[object, Validation], tmp_path: Path
) -> None:
    """_Columns lists each table's columns in order, added *_hitung ones included, as
    duckdb_columns() does, and binds no view doing so."""
    batch, validation = sample
    warehouse = tmp_path / "w.duckdb"
    loader.load(batch, validation, warehouse)  # type: ignore[arg-type]
    with duckdb.connect(str(warehouse)) as con:
        columns = loader._Columns(con).by_table
        assert con.execute(
            "SELECT count(*) FROM duckdb_views() WHERE NOT internal AND is_bound"
        ).fetchall() == [(0,)]
        expected: dict[str, list[str]] = {}
        rows = con.execute(
            "SELECT c.table_name, c.column_name FROM duckdb_columns() AS c "
            "SEMI JOIN duckdb_tables() AS t USING (table_oid) ORDER BY c.table_name, c.column_index"
        ).fetchall()
        for table, column in rows:
            expected.setdefault(table, []).append(column)
    assert columns == expected
    added = [c for c in columns["raw_tren_iku"] if c.endswith("_hitung")]
    assert len(added) > 1  # declared capaian_hitung and those the validator added
