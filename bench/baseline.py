"""The baseline a user writes without lakip, for the benchmark's comparison.

Per file: ``pandas.read_excel`` with openpyxl for every sheet, the header found by
scanning rows, numbers parsed cell by cell in Python, then a pandera (pandas backend)
schema per table with the same kinds of checks lakip runs: types and ranges, declared
totals against sums, program/kegiatan sums, recomputed capaian and serapan.
It is written the straightforward way on purpose: that is what lakip is measured against.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

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


def validate_file(path: Path) -> int:
    """Validate one workbook; return the number of failed checks."""
    sheets = pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")
    by_norm = {re.sub(r"[\s_\-.]+", "", k.lower()): v for k, v in sheets.items()}
    failures = 0
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
