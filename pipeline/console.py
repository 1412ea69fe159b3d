"""Terminal output (rich): views of the batch and of the findings frame, nothing more."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
from rich.console import Console
from rich.table import Table

from schemas.catalog import RULES, render

TEXT = {
    "id": {
        "submissions": "Pengiriman",
        "file": "Berkas",
        "kecamatan": "Kecamatan",
        "tahun": "Tahun",
        "rows": "Baris",
        "findings": "Temuan",
        "errors": "Galat",
        "warnings": "Peringatan",
        "status": "Status",
        "clean": "bersih",
        "warn": "peringatan",
        "error": "galat",
        "top": "Aturan terbanyak",
        "cell": "Sel",
        "rule": "Aturan",
        "message": "Pesan",
        "written": "Ditulis",
        "total": "{n} pengiriman, {e} galat, {w} peringatan",
        "more": "... dan {n} temuan lain (lihat berkas temuan)",
        "severity": "Tingkat",
        "tables": "Tabel",
        "title": "Judul",
        "formula": "Rumus",
        "synthetic": "SINTETIS",
    },
    "en": {
        "submissions": "Submissions",
        "file": "File",
        "kecamatan": "Kecamatan",
        "tahun": "Year",
        "rows": "Rows",
        "findings": "Findings",
        "errors": "Errors",
        "warnings": "Warnings",
        "status": "Status",
        "clean": "clean",
        "warn": "warnings",
        "error": "errors",
        "top": "Most frequent rules",
        "cell": "Cell",
        "rule": "Rule",
        "message": "Message",
        "written": "Written",
        "total": "{n} submissions, {e} errors, {w} warnings",
        "more": "... and {n} more findings (see the findings files)",
        "severity": "Severity",
        "tables": "Tables",
        "title": "Title",
        "formula": "Formula",
        "synthetic": "SYNTHETIC",
    },
}

MAX_LISTED = 40


def _console() -> Console:
    return Console(width=160, soft_wrap=False)


def print_ingest(batch: Any, lang: str) -> None:
    t = TEXT[lang]
    console = _console()
    table = Table(title=t["submissions"])
    for col in (t["file"], t["kecamatan"], t["tahun"], t["rows"], t["findings"]):
        table.add_column(col)
    counts: dict[str, int] = {}
    for frame in batch.tables.values():
        for sid, n in frame.group_by("submission_id").len().iter_rows():
            counts[sid] = counts.get(sid, 0) + n
    per_sub = dict(batch.findings.group_by("submission_id").len().iter_rows())
    for row in batch.submissions.iter_rows(named=True):
        name = row["kecamatan"] or "?"
        if row["sintetis"]:
            name += f" [{t['synthetic']}]"
        table.add_row(
            row["path"],
            name,
            str(row["tahun"] or "?"),
            str(counts.get(row["submission_id"], 0)),
            str(per_sub.get(row["submission_id"], 0)),
        )
    console.print(table)
    if batch.findings.height:
        _print_list(console, render(batch.findings, lang), t, batch.submissions)


def _status(errors: int, warnings: int, t: dict[str, str]) -> str:
    if errors:
        return f"[red]{t['error']}[/red]"
    if warnings:
        return f"[yellow]{t['warn']}[/yellow]"
    return f"[green]{t['clean']}[/green]"


def print_findings_summary(
    result: Any, lang: str, written: Sequence[Path] = (), quiet: bool = False
) -> None:
    """Per kecamatan counts, then the errors themselves with their cells."""
    t = TEXT[lang]
    console = _console()
    findings: pl.DataFrame = result.findings
    subs: pl.DataFrame = result.submissions
    if not quiet:
        table = Table(title=t["findings"])
        for col in (t["kecamatan"], t["tahun"], t["errors"], t["warnings"], t["status"], t["top"]):
            table.add_column(col)
        for sub in subs.sort("kecamatan", "tahun", nulls_last=True).iter_rows(named=True):
            mine = findings.filter(pl.col("submission_id") == sub["submission_id"])
            errors = mine.filter(pl.col("severity") == "error").height
            warnings = mine.height - errors
            top = mine.group_by("rule").len().sort(["len", "rule"], descending=[True, False])
            top_text = ", ".join(f"{r} ×{n}" for r, n in top.head(4).iter_rows())
            name = sub["kecamatan"] or sub["path"]
            if sub["sintetis"]:
                name += f" [{t['synthetic']}]"
            table.add_row(
                name,
                str(sub["tahun"] or "?"),
                str(errors),
                str(warnings),
                _status(errors, warnings, t),
                top_text,
            )
        console.print(table)
        if findings.height:
            _print_list(console, render(findings, lang), t, subs)
    errors = findings.filter(pl.col("severity") == "error").height
    console.print(t["total"].format(n=subs.height, e=errors, w=findings.height - errors))
    for path in written:
        console.print(f"{t['written']}: {path}")


def _print_list(
    console: Console, rendered: pl.DataFrame, t: dict[str, str], subs: pl.DataFrame
) -> None:
    """Errors first, roots before what follows; Kecamatan and Tahun when a run holds several."""
    who = subs.select("submission_id", "kecamatan", "tahun")
    ordered = (
        rendered.join(who, on="submission_id", how="left")
        .with_columns(
            (pl.col("severity") != "error").alias("_w"), pl.col("root").is_not_null().alias("_c")
        )
        .sort(["_w", "_c", "kecamatan", "tahun", "submission_id", "cell"], nulls_last=True)
    )
    several = subs.height > 1
    table = Table(show_lines=False)
    heads = [t["severity"], t["rule"], t["cell"], t["message"]]
    if several:
        heads[1:1] = [t["kecamatan"], t["tahun"]]
    for col in heads:
        table.add_column(col, overflow="fold")
    for row in ordered.head(MAX_LISTED).iter_rows(named=True):
        sev = "[red]E[/red]" if row["severity"] == "error" else "[yellow]W[/yellow]"
        cells = [sev, row["rule"], row["cell"] or "", row["message"]]
        if several:
            cells[1:1] = [row["kecamatan"] or "?", str(row["tahun"] or "?")]
        table.add_row(*cells)
    console.print(table)
    if ordered.height > MAX_LISTED:
        console.print(t["more"].format(n=ordered.height - MAX_LISTED))


def print_rules(lang: str, fmt: str) -> None:
    t = TEXT[lang]
    rules = sorted(RULES.values(), key=lambda r: r.code)
    if fmt == "json":
        data = [
            {
                "code": r.code,
                "severity": r.severity,
                "tables": list(r.tables),
                "title_id": r.title_id,
                "title_en": r.title_en,
                "formula": r.formula,
            }
            for r in rules
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "markdown":
        from schemas.catalog import rules_markdown

        print(rules_markdown(lang), end="")
        return
    table = Table(title=f"lakip rules ({len(rules)})")
    for col in (t["rule"], t["severity"], t["tables"], t["title"], t["formula"]):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(r.code, r.severity, ", ".join(r.tables), r.title(lang), r.formula)
    _console().print(table)


def print_result(columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """A query result as a terminal table; numbers right-aligned, NULL shown as such."""
    table = Table(show_lines=False)
    for i, col in enumerate(columns):
        numeric = any(isinstance(r[i], int | float | Decimal) for r in rows[:50])
        table.add_column(col, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*["NULL" if v is None else str(v) for v in row])
    _console().print(table)
    _console().print(f"({len(rows)} rows)")


class LazyProgress:
    """A rich progress bar (count, rate, time left) that appears only for runs longer
    than a second, and never with --quiet, in CI, or when stderr is not a terminal."""

    def __init__(self, total: int, label: str, quiet: bool, delay: float = 1.0) -> None:
        import time

        self._time = time.monotonic
        self.total = total
        self.label = label
        self.enabled = not quiet and Console(stderr=True).is_terminal
        self.delay = delay
        self.done = 0
        self.started = self._time()
        self._progress: Any = None
        self._task: Any = None

    def __call__(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        if self._progress is None and self._time() - self.started >= self.delay:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=self.total, rate="")
        if self._progress is not None:
            elapsed = max(self._time() - self.started, 1e-9)
            self._progress.update(
                self._task, completed=self.done, rate=f"{self.done / elapsed:,.0f} berkas/s"
            )

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __enter__(self) -> LazyProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
