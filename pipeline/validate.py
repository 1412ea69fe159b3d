"""Stage 2, validate: recompute everything a report derives and say where it disagrees.

All submissions of a run are checked together: every rule family of
:mod:`schemas.rules` works on whole tables (one frame per table, keyed by
``submission_id`` and Excel ``row``), and each pandera model runs once per table.
The result keeps the batch's tables with the recomputed figures beside the printed
ones (``<column>_hitung``) and one findings frame (``schemas.findings.FINDING_SCHEMA``)
holding the ingest findings and the validator's, with root causes linked.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.ingest import Batch
from pipeline.safecsv import write_frame
from schemas.catalog import details_in, render
from schemas.contract import TABLES
from schemas.findings import FINDING_SCHEMA, concat_findings, with_ids
from schemas.rules import Context, ValidateConfig, resolve
from schemas.rules.derived import derive
from schemas.rules.families import FAMILIES
from schemas.rules.ingest import ING005
from schemas.rules.roots import link_roots
from schemas.text import numbers, t

__all__ = [
    "ValidateConfig",
    "Validation",
    "only_kecamatan",
    "selected",
    "validate",
    "write_findings",
]

_TABLE_ORDER = {t.name: i for i, t in enumerate(TABLES)}


@dataclass
class Validation:
    """What validate found, and the tables with their recomputed figures."""

    submissions: pl.DataFrame
    findings: pl.DataFrame
    tables: dict[str, pl.DataFrame]
    totals: dict[str, pl.DataFrame]

    @property
    def error_count(self) -> int:
        return self.findings.filter(pl.col("severity") == "error").height

    @property
    def warning_count(self) -> int:
        return self.findings.filter(pl.col("severity") == "warning").height


def validate(batch: Batch, config: ValidateConfig | None = None) -> Validation:
    """Derive the recomputed columns, run every rule family over the batch, link root causes."""
    ctx = Context(
        submissions=batch.submissions,
        tables=dict(batch.tables),
        totals=dict(batch.totals),
        layout=batch.layout,
        ingest_findings=batch.findings,
        config=config or ValidateConfig(),
    )
    derive(ctx)
    items = [item for _, family in FAMILIES for item in family(ctx)]
    frames = [frame for frame in resolve(items, ctx) if frame.height]
    if frames:
        found = _not_blamed_by_ingest(pl.concat(frames, how="vertical"), batch.findings)
        found = _unique_ids(
            with_ids(found.with_columns(pl.lit(None, dtype=pl.String).alias("finding_id")))
        )
        found = link_roots(found)
        found = found.select(list(FINDING_SCHEMA))
    else:
        found = pl.DataFrame(schema=FINDING_SCHEMA)
    findings = concat_findings([batch.findings, found])
    findings = findings.with_columns(
        pl.col("table").replace_strict(_TABLE_ORDER, default=99, return_dtype=pl.Int32).alias("_t")
    ).sort(["submission_id", "_t", "row", "rule"], nulls_last=True, maintain_order=True)
    return Validation(batch.submissions, findings.drop("_t"), ctx.tables, ctx.totals)


def selected(kecamatan: tuple[str, ...]) -> pl.Expr:
    """Submissions whose kecamatan name or Kemendagri code is one of ``kecamatan``.

    Compared without case, spaces or punctuation: 'medang deras', 'Medang-Deras' and
    '12.19.01' all pick Medang Deras.
    """
    keys = [re.sub(r"[^0-9a-z.]", "", k.lower()) for k in kecamatan]
    name = pl.col("kecamatan").str.to_lowercase().str.replace_all(r"[^0-9a-z]", "")
    code = pl.col("kode_wilayah").str.to_lowercase().str.replace_all(r"[^0-9a-z.]", "")
    names = [k.replace(".", "") for k in keys]
    return (name.is_in(names) | code.is_in(keys)).fill_null(False)


def only_kecamatan(result: Validation, kecamatan: tuple[str, ...]) -> Validation:
    """The findings of some kecamatan, from a run that validated everything together.

    Validating the whole run first keeps the cross-year and cross-file rules (YR*, IDN006)
    the same as in a full run; only the output is narrowed.
    """
    if not kecamatan:
        return result
    subs = result.submissions.filter(selected(kecamatan))
    ids = subs.get_column("submission_id")
    return Validation(
        subs,
        result.findings.filter(pl.col("submission_id").is_in(ids.to_list())),
        result.tables,
        result.totals,
    )


def _not_blamed_by_ingest(found: pl.DataFrame, ingest_findings: pl.DataFrame) -> pl.DataFrame:
    """Drop findings about a column ingest could not find at all (ING005).

    Without the column every row would fail 'required' or 'structure' checks; the one
    ING005 finding already says what to fix.
    """
    missing = ingest_findings.filter(pl.col("rule") == ING005.code).select(
        "submission_id", "table", "column"
    )
    if missing.height == 0:
        return found
    return found.join(missing, on=["submission_id", "table", "column"], how="anti")


def _unique_ids(found: pl.DataFrame) -> pl.DataFrame:
    """Stable ids stay unique: a repeated id gets '-2', '-3' in row order."""
    n = pl.int_range(pl.len()).over("finding_id")
    return found.with_columns(
        pl.when(n > 0)
        .then(pl.format("{}-{}", pl.col("finding_id"), n + 1))
        .otherwise(pl.col("finding_id"))
        .alias("finding_id")
    )


# ------------------------------------------------------------------ output

OUTPUT_COLUMNS = (
    "kecamatan",
    "tahun",
    "rule",
    "severity",
    "title",
    "cell",
    "label",
    "expected",
    "found",
    "message",
    "hint",
    "detail",
    "root",
    "finding_id",
    "submission_id",
    "table",
    "sheet",
    "row",
    "column",
)


def rendered(result: Validation, lang: str) -> pl.DataFrame:
    """Findings with title/message/hint in ``lang``, kecamatan and tahun joined.

    Sorted by kecamatan, tahun, sheet and cell (row, then the cell text), so a reader can
    work through one kecamatan's workbook sheet by sheet; file-level findings come first.
    """
    out = render(result.findings, lang)
    out = out.with_columns(details_in(out.get_column("detail"), lang))
    who = result.submissions.select("submission_id", "kecamatan", "tahun")
    return (
        out.join(who, on="submission_id", how="left")
        .with_columns(pl.col("sheet").str.to_lowercase().alias("_sheet"))
        .sort(["kecamatan", "tahun", "_sheet", "row", "cell", "rule"], nulls_last=False,
              maintain_order=True)
        .select(OUTPUT_COLUMNS)
    )  # fmt: skip


def write_findings(
    result: Validation, out: Path, lang: str, formats: tuple[str, ...]
) -> list[Path]:
    """Write findings.csv / .json / .html / .xlsx to ``out``; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    frame = rendered(result, lang)
    written = []
    if "csv" in formats:
        path = out / "findings.csv"
        write_frame(frame, path)  # formulas neutralised (pipeline.safecsv)
        written.append(path)
    if "json" in formats:
        path = out / "findings.json"
        path.write_text(
            json.dumps(frame.to_dicts(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append(path)
    if "xlsx" in formats:
        written.append(write_findings_xlsx(frame, out / "findings.xlsx", lang))
    if "html" in formats:
        path = out / "findings.html"
        path.write_text(_html(frame, lang), encoding="utf-8")
        written.append(path)
    return written


_NUMBER_TEXT = re.compile(r"^-?\d+(\.\d+)?$")
XLSX_COLUMNS = (
    "kecamatan", "tahun", "rule", "severity", "title", "cell", "label", "expected", "found",
    "message", "hint", "detail", "root", "row", "column", "table", "sheet",
)  # fmt: skip
"""Columns of findings.xlsx with a heading of their own, ``findings.xlsx.<name>``."""
_XLSX_WIDTHS = {"kecamatan": 18, "title": 30, "cell": 24, "label": 30, "expected": 16,
                "found": 16, "message": 70, "hint": 50, "detail": 30}  # fmt: skip


def write_findings_xlsx(frame: pl.DataFrame, path: Path, lang: str) -> Path:
    """Every finding in one sheet for the office's follow-up: filters, frozen header, and
    expected/found as real numbers (money with thousands, other figures with 2 decimals)."""
    import xlsxwriter

    from schemas.contract import TABLE_BY_NAME, Kind

    book = xlsxwriter.Workbook(str(path), {"in_memory": True})
    sheet = book.add_worksheet("Temuan")
    bold = book.add_format({"bold": True, "bg_color": "#DCE6F1", "text_wrap": True})
    money = book.add_format({"num_format": "#,##0.00"})
    figure = book.add_format({"num_format": "#,##0.00##"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    red = book.add_format({"font_color": "#B00020", "bold": True})
    columns = list(frame.columns)
    for c, name in enumerate(columns):
        heading = t(f"findings.xlsx.{name}", lang) if name in XLSX_COLUMNS else name
        sheet.write_string(0, c, heading, bold)
        sheet.set_column(c, c, _XLSX_WIDTHS.get(name, 12), wrap if name in ("message", "hint")
                         else None)  # fmt: skip
    for r, row in enumerate(frame.iter_rows(named=True), start=1):
        kind = None
        table = TABLE_BY_NAME.get(row.get("table") or "")
        if table is not None and row.get("column"):
            kind = next((c.kind for c in table.columns if c.name == row["column"]), None)
        for c, name in enumerate(columns):
            value = row[name]
            if value is None:
                continue
            if name in ("expected", "found") and _NUMBER_TEXT.match(str(value)):
                sheet.write_number(r, c, float(value), money if kind is Kind.MONEY else figure)
            elif isinstance(value, int):
                sheet.write_number(r, c, value)
            elif name == "severity" and value == "error":
                sheet.write_string(r, c, value, red)
            else:
                sheet.write_string(r, c, str(value))
    sheet.autofilter(0, 0, max(frame.height, 1), len(columns) - 1)
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.repeat_rows(0)
    book.close()
    return path


HTML_COLUMNS = ("rule", "severity", "expected", "found", "message", "hint")
"""The columns of findings.html after the stub (the cell), each labelled ``findings.<name>``."""


_HTML_STYLE = (
    "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}"
    "caption{font-size:1.3em;font-weight:bold;text-align:left;margin:.5em 0}"
    "th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}"
    "tr.group th{background:#f0f0f0;border-top:2px solid #999}"
    "td.error{color:#b00020;font-weight:bold}"
)


def _escaped(expr: pl.Expr) -> pl.Expr:
    """HTML-escaped text of a column (empty for null), over the whole column at once."""
    return (
        expr.cast(pl.String)
        .fill_null("")
        .str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
        .str.replace_all('"', "&quot;", literal=True)
    )


def _html(frame: pl.DataFrame, lang: str) -> str:
    """A plain HTML page: one group per kecamatan and sheet, a row per finding.

    Built with column-wide string expressions, so its cost grows with the findings
    (great-tables took 6.4 s for 5,021 findings and 75 s for 20,021).
    """
    num = numbers(lang)
    error, warning = t("findings.error", lang), t("findings.warning", lang)
    shown = frame.with_columns(
        pl.format(
            "{} {} — {}",
            pl.col("kecamatan").fill_null("?"),
            pl.col("tahun").cast(pl.String).fill_null("?"),
            pl.coalesce("sheet", "table", pl.lit("-")),
        ).alias("group"),
        num.text_expr("expected"),
        num.text_expr("found"),
        pl.format("{} {}", pl.col("rule"), pl.col("title")).alias("rule"),
    )
    # rows of one group together, groups in the order they first appear
    shown = (
        shown.with_row_index("_i")
        .with_columns(pl.col("_i").min().over("group").alias("_g"))
        .sort("_g", maintain_order=True)
    )
    first = pl.col("_g") != pl.col("_g").shift(1)
    row = pl.concat_str(
        pl.when(first.fill_null(True))
        .then(
            pl.format('<tr class="group"><th colspan="7">{}</th></tr>\n', _escaped(pl.col("group")))
        )
        .otherwise(pl.lit("")),
        pl.format(
            '<tr><th scope="row">{}</th><td>{}</td>',
            _escaped(pl.col("cell")),
            _escaped(pl.col("rule")),
        ),
        pl.when(pl.col("severity") == "error")
        .then(pl.lit(f'<td class="error">{html.escape(error)}</td>'))
        .otherwise(pl.lit(f"<td>{html.escape(warning)}</td>")),
        pl.format(
            "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            *[_escaped(pl.col(c)) for c in ("expected", "found", "message", "hint")],
        ),
    )
    body = "\n".join(shown.select(row.alias("r")).get_column("r").to_list())
    title = html.escape(t("findings.title", lang))
    names = ("cell", *HTML_COLUMNS)
    head = "".join(f"<th>{html.escape(t(f'findings.{name}', lang))}</th>" for name in names)
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_HTML_STYLE}</style></head>\n<body>\n"
        f"<table><caption>{title}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        f"{body}\n</tbody></table>\n</body>\n</html>\n"
    )
