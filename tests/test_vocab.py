"""Each vocabulary of schemas/vocab.py is the one the cell reader, the pandera schemas and
the warehouse macros use: a word added there and not in a macro fails here."""

from __future__ import annotations

import re

import duckdb
import polars as pl
import pytest

from pipeline import load as loader
from pipeline.cells import read_cells
from schemas.contract import TABLES, Kind
from schemas.tables import MODELS, prepare
from schemas.vocab import (
    JENIS_BELANJA,
    POLARITAS,
    PREDIKAT,
    TINGKAT,
    Vocabulary,
)


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    loader.ensure_schema(connection)  # the macros need the tables they read
    return connection


def _macro(name: str) -> str:
    text = loader._sql_text("macros.sql")
    return text.split(f"MACRO {name}(", 1)[1].split(";", 1)[0]


def spellings(word: str) -> list[str]:
    """How clerks type a listed word: as listed, capitals, words spaced or dashed."""
    spaced = word.replace("_", " ")
    return [word, word.upper(), f" {spaced.title()} ", word.replace("_", "-")]


def test_tingkat_macro_reads_every_word_as_python_does(con: duckdb.DuckDBPyConnection) -> None:
    typed = [s for word in TINGKAT.values for s in spellings(word)]
    expected = [word for word in TINGKAT.values for _ in spellings(word)]
    sql = [con.execute("SELECT tingkat_baku(?)", [t]).fetchone()[0] for t in typed]  # type: ignore[index]
    python = pl.select(TINGKAT.baku(pl.Series(typed))).to_series().to_list()
    assert sql == expected
    assert python == expected
    assert TINGKAT.sql_baku == "tingkat_baku"


def test_jenis_belanja_macro_equals_the_vocabulary(con: duckdb.DuckDBPyConnection) -> None:
    in_sql = dict(
        (code, word)
        for word, code in re.findall(
            r"LIKE '%(\w+)%' THEN '([\d.]+)'", _macro("kode_jenis_belanja")
        )
    )
    assert in_sql == {code: word for code, (_, word) in JENIS_BELANJA.items()}
    for code, (name, _) in JENIS_BELANJA.items():
        for typed in (name, name.upper(), f"{name} Daerah"):
            assert con.execute("SELECT kode_jenis_belanja(?)", [typed]).fetchone() == (code,)
    assert con.execute("SELECT kode_jenis_belanja('Belanja Lainnya')").fetchone() == (None,)


@pytest.mark.parametrize("word", PREDIKAT.values)
def test_the_cell_reader_knows_every_predikat(word: str) -> None:
    cells = pl.Series([f"74,10 ( {word} )", f"{word.lower()} (70,00)", word])
    read = pl.select(read_cells(pl.lit(cells), Kind.MEASURE).struct.unnest()).to_dicts()
    assert [r["predikat"] for r in read] == [word, word, word]
    assert [r["value"] for r in read] == [74.1, 70.0, None]


def test_a_word_outside_the_predikat_list_is_not_a_predikat() -> None:
    read = pl.select(read_cells(pl.lit(pl.Series(["74,10 (E)"])), Kind.MEASURE).struct.unnest())
    assert read.row(0, named=True) == {"value": None, "status": "unreadable", "predikat": None}


def _isin(table: str, column: str) -> list[str]:
    col = MODELS[table].to_schema().columns[column]
    return next(c.statistics["allowed_values"] for c in col.checks if c.name == "isin")


def test_the_schemas_allow_exactly_the_vocabulary() -> None:
    seen: set[str] = set()
    for table in TABLES:
        for col in table.columns:
            if col.vocab is not None:
                assert _isin(table.name, col.name) == list(col.vocab.values)
                seen.add(col.vocab.name)
            if col.kind is Kind.MEASURE:
                assert _isin(table.name, f"{col.name}_predikat") == list(PREDIKAT.values)
    assert seen == {"tingkat", "polaritas", "predikat"}


@pytest.mark.parametrize("vocab", [TINGKAT, POLARITAS, PREDIKAT], ids=lambda v: v.name)
def test_prepare_spells_each_word_as_listed(vocab: Vocabulary) -> None:
    table, column = next((t.name, c.name) for t in TABLES for c in t.columns if c.vocab is vocab)
    typed = [f" {w.replace('_', ' ').title()} " for w in vocab.values]
    if vocab is PREDIKAT:
        typed = [f" {w.lower()} " for w in vocab.values]
    frame = pl.DataFrame({column: typed, "other": typed})
    prepared = prepare(table, frame)
    assert prepared.get_column(column).to_list() == list(vocab.values)
    assert prepared.get_column("other").to_list() == typed
