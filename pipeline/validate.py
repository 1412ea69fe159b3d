"""Stage 2, validate: recompute everything a report derives and say where it disagrees.

All submissions of a run are checked together: every rule family of
:mod:`schemas.rules` works on whole tables (one frame per table, keyed by
``submission_id`` and Excel ``row``), and each pandera model runs once per table.
The result keeps the batch's tables with the recomputed figures beside the printed
ones (``<column>_hitung``) and one findings frame (``schemas.findings.FINDING_SCHEMA``)
holding the ingest findings and the validator's, with root causes linked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.ingest import Batch
from pipeline.safecsv import write_frame
from schemas.catalog import format_number, localise, render
from schemas.contract import TABLES
from schemas.findings import FINDING_SCHEMA, concat_findings, with_ids
from schemas.rules import FAMILIES, Context, ValidateConfig, hierarchy, resolve
from schemas.rules.roots import link_roots

__all__ = ["ValidateConfig", "Validation", "validate", "write_findings"]

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
    """Run every rule family over the whole batch and link root causes."""
    ctx = Context(
        submissions=batch.submissions,
        tables=dict(batch.tables),
        totals=dict(batch.totals),
        layout=batch.layout,
        ingest_findings=batch.findings,
        config=config or ValidateConfig(),
    )
    hierarchy.enrich(ctx)
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


def _not_blamed_by_ingest(found: pl.DataFrame, ingest_findings: pl.DataFrame) -> pl.DataFrame:
    """Drop findings about a column ingest could not find at all (ING005).

    Without the column every row would fail 'required' or 'structure' checks; the one
    ING005 finding already says what to fix.
    """
    missing = ingest_findings.filter(pl.col("rule") == "ING005").select(
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
    """Findings with title/message/hint in ``lang``, kecamatan and tahun joined."""
    out = render(result.findings, lang)
    out = out.with_columns(
        pl.col("detail").map_elements(lambda d: localise(d, lang), return_dtype=pl.String)
    )
    who = result.submissions.select("submission_id", "kecamatan", "tahun")
    return out.join(who, on="submission_id", how="left").select(OUTPUT_COLUMNS)


def write_findings(
    result: Validation, out: Path, lang: str, formats: tuple[str, ...]
) -> list[Path]:
    """Write findings.csv / findings.json / findings.html to ``out``; return the paths."""
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
    if "html" in formats:
        path = out / "findings.html"
        path.write_text(_html(frame, lang), encoding="utf-8")
        written.append(path)
    return written


HTML_LABELS = {
    "id": ("Temuan validasi", "sel", "aturan", "tingkat", "seharusnya", "tertulis", "pesan",
           "petunjuk"),
    "en": ("Validation findings", "cell", "rule", "severity", "expected", "found", "message",
           "hint"),
}  # fmt: skip


def _html(frame: pl.DataFrame, lang: str) -> str:
    """great-tables page: one group per kecamatan and sheet, a row per finding."""
    from great_tables import GT, loc, style

    labels = HTML_LABELS["en" if lang == "en" else "id"]
    shown = frame.with_columns(
        pl.format(
            "{} {} — {}",
            pl.col("kecamatan").fill_null("?"),
            pl.col("tahun").cast(pl.String).fill_null("?"),
            pl.coalesce("sheet", "table", pl.lit("-")),
        ).alias("group"),
        pl.col("expected").map_elements(lambda v: format_number(v, lang), return_dtype=pl.String),
        pl.col("found").map_elements(lambda v: format_number(v, lang), return_dtype=pl.String),
        pl.format("{} {}", pl.col("rule"), pl.col("title")).alias("rule"),
    ).select("group", "cell", "rule", "severity", "expected", "found", "message", "hint")
    is_error = pl.col("severity") == "error"
    words = ("galat", "peringatan") if lang != "en" else ("error", "warning")
    shown = shown.with_columns(
        pl.when(is_error).then(pl.lit(words[0])).otherwise(pl.lit(words[1])).alias("severity")
    )
    table = (
        GT(shown, groupname_col="group", rowname_col="cell")
        .tab_header(title=labels[0])
        .cols_label(
            rule=labels[2], severity=labels[3], expected=labels[4], found=labels[5],
            message=labels[6], hint=labels[7],
        )
        .tab_stubhead(label=labels[1])
        .tab_style(
            style=style.text(color="#b00020", weight="bold"),
            locations=loc.body(columns="severity", rows=pl.col("severity") == words[0]),
        )
    )  # fmt: skip
    body = table.as_raw_html()
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        f"<title>{labels[0]}</title></head>\n<body>\n{body}\n</body>\n</html>\n"
    )
