"""The catalog of rules: every finding lakip can emit has a stable code.

Like frictionless-py's error catalog, a code never changes meaning once released;
a rule that changes meaning gets a new code. A rule is one :class:`Rule` object,
declared once next to its check in :mod:`schemas.rules` (ingest's in
:mod:`schemas.rules.ingest`): code, severity, title, message template and fix hint in
Bahasa Indonesia and English, the tables it reads, its formula and tolerance, and its
place in the root-cause chain. Declaring it (:func:`register`) puts it in
:data:`RULES`, the catalog ``lakip rules`` and ``docs/rules.md`` are made from.

Templates use ``{expected}``, ``{found}``, ``{label}``, ``{column}``, ``{cell}``,
``{detail}``, ``{table}``, ``{sheet}`` from the finding's columns; ``{column}`` reads as
the column's printed header and ``{table}`` as the sheet name a reader knows
(:func:`schemas.text.header_label`, :func:`schemas.text.sheet_title`).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import polars as pl

from schemas.text import DEFAULT_LANG, LANGS, TEXT, header_label, numbers, pick, sheet_title, t


@dataclass(frozen=True, eq=False)
class Rule:
    """One rule: what it finds, how bad, where, how it is computed and how to fix it."""

    code: str
    severity: str  # error | warning
    title_id: str
    title_en: str
    message_id: str
    message_en: str
    hint_id: str = ""
    hint_en: str = ""
    tables: tuple[str, ...] = ()
    formula: str = ""
    # Root-cause chain (schemas.rules.roots). ``rank``: among money findings of the same
    # amount, the lowest rank is the root. ``follows``: a finding of this rule on the row
    # of a finding of one of these rules follows from it.
    rank: int | None = None
    follows: tuple[Rule, ...] = field(default=(), repr=False)
    # Detail texts: key -> (id, en) templates with positional ``{}`` (see schemas.findings).
    details: Mapping[str, tuple[str, str]] = field(default_factory=dict, repr=False)

    @property
    def family(self) -> str:
        """The code's letters: 'SER' of 'SER001'."""
        return self.code.rstrip("0123456789")

    def title(self, lang: str) -> str:
        return pick(lang, self.title_id, self.title_en)

    def message(self, lang: str) -> str:
        return pick(lang, self.message_id, self.message_en)

    def hint(self, lang: str) -> str:
        return pick(lang, self.hint_id, self.hint_en)

    def __str__(self) -> str:
        return self.code


# The order of the families in the catalog and docs/rules.md.
SECTIONS = ("ING", "SCH", "TOT", "HIE", "CAP", "SER", "KEM", "EFI", "AKP", "IKM", "XTB", "YR",
            "IDN", "SDM")  # fmt: skip

_DECLARED: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Declare ``rule`` (once per code); returns it, to be bound to a name beside its check."""
    if rule.code in _DECLARED:
        raise ValueError(f"duplicate rule code {rule.code}")
    if rule.family not in SECTIONS:
        raise ValueError(f"rule {rule.code}: family {rule.family} not in catalog.SECTIONS")
    _DECLARED[rule.code] = rule
    return rule


class _Catalog(Mapping[str, Rule]):
    """Every declared rule by code, in catalog order (family as SECTIONS, then code).

    Reading it imports the rule modules first (which declares them), so the catalog is
    complete however it is reached.
    """

    def _all(self) -> dict[str, Rule]:
        importlib.import_module("schemas.rules.families")
        importlib.import_module("schemas.rules.ingest")
        return _DECLARED

    def __getitem__(self, code: str) -> Rule:
        return self._all()[code]

    def __iter__(self) -> Iterator[str]:
        rules = self._all()
        return iter(sorted(rules, key=lambda c: (SECTIONS.index(rules[c].family), c)))

    def __len__(self) -> int:
        return len(self._all())


RULES: Mapping[str, Rule] = _Catalog()


BILINGUAL = " || "
"""How the warehouse's legacy ``findings.detail`` column shows both languages of a
detail ('teks Indonesia || English text'), as it did before details were structured."""


def detail_pair(key: str) -> tuple[str, str]:
    """The ``(id, en)`` templates of a detail key: a text-catalog key, or ``<code>.<name>``
    of a rule's declared ``details``."""
    if key in TEXT:
        return TEXT[key]
    code, _, name = key.partition(".")
    return RULES[code].details[name]


def detail_text(detail: Mapping[str, object] | str | None, lang: str) -> str | None:
    """A structured detail (:data:`schemas.findings.DETAIL`) in ``lang``, numbers as written.

    None when there is no detail, or an argument it needs is missing.
    """
    if detail is None or isinstance(detail, str):
        return detail
    key = detail.get("key")
    if key is None:
        text = detail.get("text")
        return None if text is None else str(text)
    args = list(detail.get("args") or [])  # type: ignore[call-overload]
    if any(a is None for a in args):
        return None
    return pick(lang, *detail_pair(str(key))).format(*args)


def detail_joined(detail: Mapping[str, object] | str | None) -> str | None:
    """Both languages in one text, 'id || en' (the warehouse's ``detail`` column)."""
    if detail is None or isinstance(detail, str) or detail.get("key") is None:
        return detail_text(detail, DEFAULT_LANG)
    sides = [detail_text(detail, lang) for lang in LANGS]
    return None if None in sides else BILINGUAL.join(s for s in sides if s is not None)


def localise(detail: Mapping[str, object] | str | None, lang: str) -> str:
    """A detail as a reader sees it: its ``lang`` side, number text in that language's style."""
    return numbers(lang).in_text(detail_text(detail, lang))


def details_in(details: pl.Series, lang: str) -> pl.Series:
    """A ``detail`` column rendered for ``lang`` (null stays null), for the output files."""
    shown = [detail_text(d, lang) for d in details.to_list()]
    style = numbers(lang)
    return pl.Series(
        details.name, [None if d is None else style.in_text(d) for d in shown], dtype=pl.String
    )


def format_number(text: str | None, lang: str = "id") -> str:
    """Canonical number text ('5463337162.00', '98.59') in the reader's style.

    id: 5.463.337.162,00 / 98,59; en: 5,463,337,162.00 / 98.59. Whole numbers of four
    digits or fewer (years, counts) are not grouped. Other text is returned as is.
    """
    return numbers(lang).text(text)  # one formatter: schemas.numbers


def render(findings: pl.DataFrame, lang: str = "id") -> pl.DataFrame:
    """Add ``title``, ``message`` and ``hint`` in the chosen language.

    Numbers in ``expected``/``found`` are written in the language's style, a bilingual
    ``detail`` shows its side, a root cause lists the findings that follow from it and
    a consequence names its root. Findings are few next to the data they describe, so
    plain string formatting per finding is fine here.
    """
    titles: list[str] = []
    messages: list[str] = []
    hints: list[str] = []
    rows = list(findings.iter_rows(named=True))
    by_id = {r["finding_id"]: r for r in rows if r.get("finding_id")}
    followers: dict[str, list[str]] = {}
    for r in rows:
        if r.get("root") and r["root"] != r.get("finding_id"):
            followers.setdefault(r["root"], []).append(_ref(r, lang))
    for row in rows:
        rule = RULES.get(row["rule"])
        values = {k: ("" if v is None else v) for k, v in row.items()}
        values["expected"] = format_number(row.get("expected"), lang)
        values["found"] = format_number(row.get("found"), lang)
        values["detail"] = localise(row.get("detail"), lang)
        # a reader knows the header and the sheet, not lakip's names for them
        if row.get("column"):
            values["column"] = header_label(row.get("table") or "", row["column"])
        if row.get("table"):
            values["table"] = sheet_title(row["table"])
        if rule is None:
            titles.append(row["rule"])
            messages.append(str(values.get("detail", "")))
            hints.append("")
            continue
        titles.append(rule.title(lang))
        message = rule.message(lang).format_map(_Safe(values))
        after = followers.get(row.get("finding_id") or "")
        if after:
            message += t("findings.also_explains", lang, after="; ".join(after))
        root = by_id.get(row.get("root") or "")
        if root is not None and root is not row:
            message += t("findings.follows_from", lang, ref=_ref(root, lang))
        messages.append(message)
        hints.append(rule.hint(lang).format_map(_Safe(values)))
    return findings.with_columns(
        pl.Series("title", titles, dtype=pl.String),
        pl.Series("message", messages, dtype=pl.String),
        pl.Series("hint", hints, dtype=pl.String),
    )


def _ref(row: Mapping[str, object], lang: str) -> str:
    """Another finding as a reader knows it: its plain title, its code, its cell."""
    rule = RULES.get(str(row["rule"]))
    title = rule.title(lang) if rule is not None else ""
    return t("findings.ref", lang, title=title, rule=row["rule"], cell=row["cell"]).lstrip()


class _Safe(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def rules_markdown(lang: str = "id") -> str:
    """The rule catalog as Markdown (``docs/rules.md``), generated, never edited by hand."""
    head = [t(f"rules_md.head.{name}", lang) for name in _MD_HEAD]
    lines = [
        t("rules_md.intro", lang),
        t("rules_md.notes", lang),
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for rule in RULES.values():
        cells = (
            f"`{rule.code}`",
            rule.severity,
            ", ".join(rule.tables),
            rule.title_id,
            rule.title_en,
            rule.formula,
            rule.hint(lang),
        )
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


_MD_HEAD = ("code", "severity", "tables", "title_id", "title_en", "formula", "hint")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
