"""The template filled as an office fills it (openpyxl, cell by cell, with the generator's
figures and its injected errors) reads back without an ING finding, and validate finds
exactly the injected errors, at the cells where the office typed them."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from pipeline.generate import generate
from pipeline.ingest import ingest
from pipeline.template import kecamatan_of, sheet_title, write_template
from pipeline.validate import validate
from schemas.contract import TABLE_BY_NAME, header_lookup, norm, sheet_lookup

SEED, INJECT = 31, 12
NOTE = re.compile(r"^\s*(sumber|keterangan|catatan|ket\s*[:.]|note|source)", re.IGNORECASE)
Where = tuple[str, int, int]  # sheet, row, column (1-based)


def _header(sheet: openpyxl.worksheet.worksheet.Worksheet, table: str) -> tuple[int, dict]:
    """The generated sheet's header row and its column positions -> canonical columns."""
    lookup = header_lookup(TABLE_BY_NAME[table])
    best: tuple[int, dict[int, str]] = (0, {})
    for r, row in enumerate(sheet.iter_rows(max_row=25, values_only=True), start=1):
        found = {
            c: lookup[norm(str(v))]
            for c, v in enumerate(row, start=1)
            if v is not None and norm(str(v)) in lookup
        }
        if len(found) > len(best[1]):
            best = (r, found)
    return best


def fill(generated: Path, template: Path, target: Path) -> dict[Where, Where]:
    """Copy every data cell of ``generated`` into ``template``; return where each went."""
    source = openpyxl.load_workbook(generated)
    book = openpyxl.load_workbook(template)
    moved: dict[Where, Where] = {}
    for sheet in source.worksheets:
        table = sheet_lookup().get(norm(sheet.title))
        assert table is not None, sheet.title
        spec = TABLE_BY_NAME[table]
        into = book[sheet_title(spec)]
        header, columns = _header(sheet, table)
        position = {c.name: i + 1 for i, c in enumerate(spec.columns)}
        if spec.key_value:
            keys = {
                norm(str(into.cell(row=r, column=1).value)): r for r in range(2, into.max_row + 1)
            }
            key_col = next(c for c, name in columns.items() if name == "kolom")
            next_free = max(into.max_row, 1) + 1
        out_row = header if table == "identitas" else 2
        for r in range(header + 1, sheet.max_row + 1):
            values = {c: sheet.cell(row=r, column=c).value for c in columns}
            texts = [v for v in values.values() if v not in (None, "")]
            if not texts or NOTE.match(str(texts[0])):
                continue
            if spec.key_value:
                key = norm(str(values[key_col]))
                if key in keys:
                    target_row = keys[key]
                else:
                    target_row, next_free = next_free, next_free + 1
            else:
                out_row += 1
                target_row = out_row
            for c, name in columns.items():
                value = values[c]
                cell = into.cell(row=target_row, column=position[name])
                cell.value = value  # text stays text, numbers numbers: as typed
                moved[(sheet.title, r, c)] = (into.title, target_row, position[name])
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return moved


def relocate(cell: str, moved: dict[Where, Where]) -> str:
    """'Sheet!C3' or 'Sheet!C3:C7' of the generated file -> the same place in the template."""
    sheet, ref = cell.rsplit("!", 1)
    parts = []
    for part in ref.split(":"):
        letters, row = coordinate_from_string(part)
        new_sheet, new_row, new_col = moved[(sheet, row, column_index_from_string(letters))]
        parts.append(f"{get_column_letter(new_col)}{new_row}")
    return f"{new_sheet}!{':'.join(parts)}"


@pytest.fixture(scope="module")
def roundtrip(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, pl.DataFrame]:
    root = tmp_path_factory.mktemp("roundtrip")
    made = generate(root / "gen", 1, seed=SEED, inject=INJECT)
    (generated,) = made.paths
    kec = kecamatan_of("12.19", ("12.19.01",))[0]
    template = write_template(root / "template" / "medang-deras.xlsx", kec, 2025)
    filled = root / "raw" / "2025" / generated.name
    moved = fill(generated, template, filled)
    truth = made.injected.with_columns(
        pl.col("cell").map_elements(lambda c: relocate(c, moved), return_dtype=pl.String),
        pl.col("consequences").map_elements(
            lambda text: ";".join(
                f"{item.split('@')[0]}@{relocate(item.split('@')[1], moved)}"
                for item in text.split(";")
                if item
            ),
            return_dtype=pl.String,
        ),
    )
    findings = validate(ingest([filled], workers=1)).findings
    return truth, findings


def test_the_generator_injected_errors(roundtrip: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    truth, _ = roundtrip
    assert truth.height >= INJECT - 2  # a kind may find no free place (GenerateResult.unplaced)
    assert truth["rule"].n_unique() >= 6


def test_no_ing_finding_but_the_injected_ones(roundtrip: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    truth, findings = roundtrip
    injected = set(truth.filter(pl.col("rule").str.starts_with("ING"))["cell"].to_list())
    ing = findings.filter(pl.col("rule").str.starts_with("ING"))
    assert set(ing["cell"].to_list()) <= injected, ing.select("rule", "cell", "found", "detail")


def test_validate_finds_exactly_the_injected_errors_at_the_template_cells(
    roundtrip: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    truth, findings = roundtrip
    key = ["rule", "cell"]
    missed = truth.select(key).join(findings.select(key), on=key, how="anti")
    assert missed.height == 0, f"not found in the filled template:\n{missed}"
    consequences = (
        truth.filter(pl.col("consequences") != "")
        .select(pl.col("consequences").str.split(";"))
        .explode("consequences")
        .select(pl.col("consequences").str.split_exact("@", 1).struct.rename_fields(key))
        .unnest("consequences")
    )
    allowed = pl.concat([truth.select(key), consequences.select(key)]).unique()
    extra = findings.select([*key, "found", "expected"]).join(allowed, on=key, how="anti")
    assert extra.height == 0, f"found but not injected:\n{extra}"
