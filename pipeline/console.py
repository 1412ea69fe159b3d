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
from schemas.text import DEFAULT_LANG, numbers, t

MAX_LISTED = 40


def _console() -> Console:
    return Console(width=160, soft_wrap=False)


def _words(lang: str, *names: str) -> list[str]:
    return [t(f"console.{name}", lang) for name in names]


def print_ingest(batch: Any, lang: str) -> None:
    num = numbers(lang)
    console = _console()
    table = Table(title=t("console.submissions", lang))
    for col in _words(lang, "file", "kecamatan", "tahun", "rows", "findings"):
        table.add_column(col)
    counts: dict[str, int] = {}
    for frame in batch.tables.values():
        for sid, n in frame.group_by("submission_id").len().iter_rows():
            counts[sid] = counts.get(sid, 0) + n
    per_sub = dict(batch.findings.group_by("submission_id").len().iter_rows())
    for row in batch.submissions.iter_rows(named=True):
        name = row["kecamatan"] or "?"
        if row["sintetis"]:
            name += f" [{t('console.synthetic', lang)}]"
        table.add_row(
            row["path"],
            name,
            num.year(row["tahun"]) if row["tahun"] else "?",
            num.count(counts.get(row["submission_id"], 0)),
            num.count(per_sub.get(row["submission_id"], 0)),
        )
    console.print(table)
    if batch.findings.height:
        _print_list(console, render(batch.findings, lang), lang, batch.submissions)


def _status(errors: int, warnings: int, lang: str) -> str:
    if errors:
        return f"[red]{t('console.error', lang)}[/red]"
    if warnings:
        return f"[yellow]{t('console.warn', lang)}[/yellow]"
    return f"[green]{t('console.clean', lang)}[/green]"


def print_findings_summary(
    result: Any, lang: str, written: Sequence[Path] = (), quiet: bool = False
) -> None:
    """Per kecamatan counts, then the errors themselves with their cells."""
    num = numbers(lang)
    console = _console()
    findings: pl.DataFrame = result.findings
    subs: pl.DataFrame = result.submissions
    if not quiet:
        table = Table(title=t("console.findings", lang))
        for col in _words(lang, "kecamatan", "tahun", "errors", "warnings", "status", "top"):
            table.add_column(col)
        for sub in subs.sort("kecamatan", "tahun", nulls_last=True).iter_rows(named=True):
            mine = findings.filter(pl.col("submission_id") == sub["submission_id"])
            errors = mine.filter(pl.col("severity") == "error").height
            warnings = mine.height - errors
            top = mine.group_by("rule").len().sort(["len", "rule"], descending=[True, False])
            top_text = ", ".join(f"{r} ×{num.count(n)}" for r, n in top.head(4).iter_rows())
            name = sub["kecamatan"] or sub["path"]
            if sub["sintetis"]:
                name += f" [{t('console.synthetic', lang)}]"
            table.add_row(
                name,
                num.year(sub["tahun"]) if sub["tahun"] else "?",
                num.count(errors),
                num.count(warnings),
                _status(errors, warnings, lang),
                top_text,
            )
        console.print(table)
        if findings.height:
            _print_list(console, render(findings, lang), lang, subs)
    errors = findings.filter(pl.col("severity") == "error").height
    e, w = num.count(errors), num.count(findings.height - errors)
    console.print(t("console.total", lang, n=num.count(subs.height), e=e, w=w))
    for path in written:
        console.print(t("console.written", lang, path=path))


def _print_list(console: Console, rendered: pl.DataFrame, lang: str, subs: pl.DataFrame) -> None:
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
    heads = _words(lang, "severity", "rule", "cell", "message")
    if several:
        heads[1:1] = _words(lang, "kecamatan", "tahun")
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
        console.print(t("console.more", lang, n=numbers(lang).count(ordered.height - MAX_LISTED)))


def print_rules(lang: str, fmt: str) -> None:
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
    table = Table(title=t("console.rules_title", lang, n=len(rules)))
    for col in _words(lang, "rule", "severity", "tables", "title", "formula"):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(r.code, r.severity, ", ".join(r.tables), r.title(lang), r.formula)
    _console().print(table)


def print_result(columns: list[str], rows: list[tuple[Any, ...]], lang: str = DEFAULT_LANG) -> None:
    """A query result as a terminal table; numbers right-aligned, NULL shown as such."""
    table = Table(show_lines=False)
    for i, col in enumerate(columns):
        numeric = any(isinstance(r[i], int | float | Decimal) for r in rows[:50])
        table.add_column(col, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*["NULL" if v is None else str(v) for v in row])
    _console().print(table)
    _console().print(t("console.n_rows", lang, n=len(rows)))


class LazyProgress:
    """A rich progress bar (count, rate, time left) that appears only for runs longer
    than a second, and never with --quiet, in CI, or when stderr is not a terminal."""

    def __init__(
        self, total: int, label: str, quiet: bool, delay: float = 1.0, lang: str = DEFAULT_LANG
    ) -> None:
        import time

        self._time = time.monotonic
        self.total = total
        self.label = label
        self.enabled = not quiet and Console(stderr=True).is_terminal
        self.delay = delay
        self.lang = lang
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
            rate = numbers(self.lang).count(self.done / elapsed)
            self._progress.update(
                self._task, completed=self.done, rate=t("console.rate", self.lang, rate=rate)
            )

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __enter__(self) -> LazyProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
