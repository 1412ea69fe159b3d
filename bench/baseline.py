"""The baseline a user writes without lakip, for the benchmark's comparison.

Per file: ``pandas.read_excel`` with openpyxl for every sheet; for each of the 15 tables
of the contract the header found by scanning rows, numbers parsed cell by cell in
Python, and a pandera (pandas backend) schema with the types and ranges lakip checks;
then, for four tables, declared totals against sums, program/kegiatan sums and
recomputed capaian and serapan. It still does fewer checks than lakip (none of the
cross-table, predikat, AKIP, IKM or year-over-year rules), so the ratio understates
lakip's advantage. It is written the straightforward way on purpose: that is what lakip
is measured against.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from schemas.contract import TABLE_BY_NAME, TABLES, Kind, Table

_HEADERS = {
    "program_kegiatan": ["tingkat", "nama", "pagu", "realisasi_anggaran", "persen_anggaran"],
    "capaian_iku": ["indikator", "target", "realisasi", "capaian"],
    "realisasi_belanja": ["jenis_belanja", "anggaran", "realisasi", "persen"],
    "anggaran_program": ["program", "anggaran"],
}
_SYNONYMS = {
    "pagu": ("pagu", "anggaran", "target rp"),
    "realisasi_anggaran": ("realisasi anggaran", "realisasi (rp)", "realisasi rp"),
    "persen_anggaran": ("persen anggaran", "% anggaran", "serapan", "% rp"),
    "nama": ("nama", "program/kegiatan", "program kegiatan", "uraian"),
    "indikator": ("indikator", "indikator kinerja"),
    "capaian": ("capaian", "capaian (%)", "% capaian"),
    "jenis_belanja": ("jenis belanja", "jenis_belanja", "belanja"),
    "program": ("program", "nama program"),
    "anggaran": ("anggaran", "anggaran (rp)", "pagu"),
    "realisasi": ("realisasi", "realisasi (rp)"),
    "persen": ("persen", "%", "persentase"),
}


def _norm(text: object) -> str:
    return re.sub(r"[\s_\-.:]+", " ", str(text).strip().lower())


def _number(value: object) -> float | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = re.sub(r"(?i)^rp\.?\s*|\s*%$|\s+", "", str(value))
    text = re.sub(r"\(.*\)", "", text)
    if text in ("", "-", "–"):
        return None
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text):
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _table(sheet: pd.DataFrame, wanted: list[str]) -> pd.DataFrame | None:
    for i in range(min(len(sheet), 25)):
        labels = [_norm(v) for v in sheet.iloc[i].tolist()]
        mapping = {}
        for col in wanted:
            for j, label in enumerate(labels):
                if label in _SYNONYMS.get(col, (col,)) or label == col.replace("_", " "):
                    mapping[col] = j
                    break
        if len(mapping) == len(wanted):
            body = sheet.iloc[i + 1 :, list(mapping.values())]
            body.columns = list(mapping.keys())
            return body.reset_index(drop=True)
    return None


def _schemas() -> dict[str, pa.DataFrameSchema]:
    money = pa.Column(float, pa.Check.ge(0), nullable=True)
    pct = pa.Column(float, pa.Check.in_range(0, 1000), nullable=True)
    return {
        "program_kegiatan": pa.DataFrameSchema(
            {
                "tingkat": pa.Column(str, pa.Check.isin(["program", "kegiatan", "sub_kegiatan"])),
                "pagu": money,
                "realisasi_anggaran": money,
                "persen_anggaran": pct,
            },
            checks=[
                pa.Check(
                    lambda d: (
                        ((d.realisasi_anggaran / d.pagu * 100).round(2) - d.persen_anggaran)
                        .abs()
                        .le(0.011)
                        | d.pagu.isna()
                    )
                )
            ],
        ),
        "capaian_iku": pa.DataFrameSchema(
            {"target": pa.Column(float, nullable=True), "capaian": pct},
            checks=[
                pa.Check(
                    lambda d: (
                        ((d.realisasi / d.target * 100).round(2) - d.capaian).abs().le(0.011)
                        | d.target.isna()
                    )
                )
            ],
        ),
        "realisasi_belanja": pa.DataFrameSchema({"anggaran": money, "realisasi": money}),
        "anggaran_program": pa.DataFrameSchema({"anggaran": money}),
    }


SCHEMAS = _schemas()


def _kind_schema(table: Table) -> pa.DataFrameSchema:
    """Types and ranges of every column, as a user would write them from the contract."""
    columns: dict[str, pa.Column] = {}
    for col in table.columns:
        if col.kind is Kind.TEXT:
            columns[col.name] = pa.Column(nullable=True, required=False)
        elif col.kind is Kind.PERCENT:
            check = pa.Check.in_range(-1000, 1000)
            columns[col.name] = pa.Column(float, check, nullable=True, required=False)
        else:
            columns[col.name] = pa.Column(float, pa.Check.ge(0), nullable=True, required=False)
    return pa.DataFrameSchema(columns)


KIND_SCHEMAS = {t.name: _kind_schema(t) for t in TABLES if not t.key_value}


def _labels(table: Table) -> dict[str, str]:
    out = {}
    for col in table.columns:
        for label in (col.name, *col.synonyms):
            out[_norm(label)] = col.name
            out[_norm(label.replace("_", " "))] = col.name
    return out


LABELS = {t.name: _labels(t) for t in TABLES}
SHEETS = {
    re.sub(r"[\s_\-.]+", "", label.lower()): t.name
    for t in TABLES
    for label in (t.name, *t.synonyms)
}


def _typed_table(sheet: pd.DataFrame, table: Table) -> int:
    """Find the header, parse every number cell by cell, check types and ranges."""
    labels = LABELS[table.name]
    for i in range(min(len(sheet), 25)):
        mapping: dict[str, int] = {}
        for j, value in enumerate(sheet.iloc[i].tolist()):
            name = labels.get(_norm(value))
            if name and name not in mapping:
                mapping[name] = j
        if len(mapping) >= 2:
            break
    else:
        return 1
    body = sheet.iloc[i + 1 :, list(mapping.values())].copy()
    body.columns = list(mapping.keys())
    body = body.dropna(how="all")
    if table.key_value:
        return 0
    for col in table.columns:
        if col.name in body and col.kind is not Kind.TEXT:
            body[col.name] = pd.Series([_number(v) for v in body[col.name]], dtype="float64")
    try:
        KIND_SCHEMAS[table.name].validate(body.reset_index(drop=True), lazy=True)
    except pa.errors.SchemaErrors as exc:
        return len(exc.failure_cases)
    return 0


def validate_file(path: Path) -> int:
    """Validate one workbook; return the number of failed checks."""
    sheets = pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")
    by_norm = {re.sub(r"[\s_\-.]+", "", k.lower()): v for k, v in sheets.items()}
    failures = 0
    for key, sheet in by_norm.items():
        name = SHEETS.get(key)
        if name is not None:
            failures += _typed_table(sheet, TABLE_BY_NAME[name])
    for table, wanted in _HEADERS.items():
        sheet = by_norm.get(table.replace("_", ""))
        if sheet is None:
            failures += 1
            continue
        frame = _table(sheet, wanted)
        if frame is None:
            failures += 1
            continue
        label = wanted[0] if table != "program_kegiatan" else "nama"
        is_total = (
            frame[label].astype(str).str.strip().str.lower().str.startswith(("jumlah", "total"))
        )
        detail = frame[~is_total].dropna(how="all").copy()
        totals = frame[is_total]
        for col in wanted:
            if col not in ("tingkat", "nama", "indikator", "jenis_belanja", "program"):
                detail[col] = [_number(v) for v in detail[col]]
        detail = detail.astype(
            {
                c: "float64"
                for c in detail.columns
                if c in SCHEMAS[table].columns and SCHEMAS[table].columns[c].dtype.type is float
            }
        )
        try:
            SCHEMAS[table].validate(detail, lazy=True)
        except pa.errors.SchemaErrors as exc:
            failures += len(exc.failure_cases)
        money = "pagu" if table == "program_kegiatan" else wanted[1]
        if table == "program_kegiatan":
            programs = detail[detail.tingkat == "program"]
            failures += int(
                abs(programs[money].sum() - sum(_number(v) or 0 for v in totals[money])) > 0.005
            )
            current = None
            sums: dict[int, float] = {}
            for idx, row in detail.iterrows():
                if row.tingkat == "program":
                    current = idx
                    sums[idx] = 0.0
                elif row.tingkat == "kegiatan" and current is not None:
                    sums[current] += row.pagu or 0.0
            for idx, total in sums.items():
                failures += int(abs((detail.loc[idx, "pagu"] or 0.0) - total) > 0.005)
        elif money in detail and len(totals):
            failures += int(
                abs(detail[money].sum() - (_number(totals[money].iloc[0]) or 0)) > 0.005
            )
    return failures
