"""The catalog of rules: every finding lakip can emit has a stable code.

Like frictionless-py's error catalog, a code never changes meaning once released;
a rule that changes meaning gets a new code. A rule is one :class:`Rule` object,
declared once next to its check in :mod:`schemas.rules` (ingest's in
:mod:`schemas.rules.ingest`): code, severity, title, message template and fix hint in
Bahasa Indonesia and English, the tables it reads, its formula and tolerance, and its
place in the root-cause chain. Declaring it (:func:`register`) puts it in
:data:`RULES`, the catalog ``lakip rules`` and ``docs/rules.md`` are made from.

Templates use ``{expected}``, ``{found}``, ``{label}``, ``{column}``, ``{cell}``,
``{detail}``, ``{table}``, ``{sheet}`` from the finding's columns.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import polars as pl

from schemas.text import numbers


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
        return self.title_id if lang == "id" else self.title_en

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
"""A ``detail`` may hold 'teks Indonesia || English text'; :func:`render` picks one side."""

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_NUMBER_WITH_PREDIKAT = re.compile(r"^(-?\d+(?:\.\d+)?)( \((?:AA|A|BB|B|CC|C|D)\))$")
_DECIMAL_IN_TEXT = re.compile(r"(?<![\w.])-?\d+\.\d+(?![\w.])")


def localise(text: str | None, lang: str) -> str:
    """The side of an 'id || en' text for ``lang``, number text in that language's style."""
    if text is None:
        return ""
    if BILINGUAL in text:
        left, right = text.split(BILINGUAL, 1)
        text = left if lang == "id" else right
    return _DECIMAL_IN_TEXT.sub(lambda m: format_number(m.group(0), lang), text)


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
            followers.setdefault(r["root"], []).append(f"{r['rule']} {r['cell']}")
    for row in rows:
        rule = RULES.get(row["rule"])
        values = {k: ("" if v is None else v) for k, v in row.items()}
        values["expected"] = format_number(row.get("expected"), lang)
        values["found"] = format_number(row.get("found"), lang)
        values["detail"] = localise(row.get("detail"), lang)
        if rule is None:
            titles.append(row["rule"])
            messages.append(str(values.get("detail", "")))
            hints.append("")
            continue
        titles.append(rule.title(lang))
        template = rule.message_id if lang == "id" else rule.message_en
        hint = rule.hint_id if lang == "id" else rule.hint_en
        message = template.format_map(_Safe(values))
        after = followers.get(row.get("finding_id") or "")
        if after:
            lead = " Akibatnya juga: " if lang == "id" else " It also explains: "
            message += lead + "; ".join(after) + "."
        root = by_id.get(row.get("root") or "")
        if root is not None and root is not row:
            lead = " Akibat dari " if lang == "id" else " Follows from "
            message += f"{lead}{root['rule']} {root['cell']}."
        messages.append(message)
        hints.append(hint.format_map(_Safe(values)))
    return findings.with_columns(
        pl.Series("title", titles, dtype=pl.String),
        pl.Series("message", messages, dtype=pl.String),
        pl.Series("hint", hints, dtype=pl.String),
    )


class _Safe(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


NOTES = {
    "id": """\
## Keputusan yang berlaku untuk semua aturan

- **Pembulatan.** Angka tercetak dibandingkan setelah hasil hitung dibulatkan setengah ke atas
  ke 2 desimal; selisih 1 digit terakhir (0,01) adalah pembulatan dan tidak dilaporkan. Angka
  yang dicetak dengan desimal lebih sedikit ('1,9', '100') dibandingkan pada presisi cetaknya:
  '100' untuk 99,9967 konsisten, '100' untuk 98,6 tidak. Presisi dibaca dari nilainya (98,20
  terbaca 98,2), jadi tidak pernah lebih halus dari yang tampak. Uang dibandingkan persis
  sampai sen (Decimal).
- **Akar masalah.** Satu angka salah = satu temuan akar; temuan lain yang diakibatkannya
  menunjuk akar itu di kolom `root`. Selisih uang yang sama besar (per kiriman, pagu atau
  realisasi) dirantai dari tingkat terbawah: HIE002 < HIE001 < XTB005 < XTB006/XTB007 <
  TOT001. SER001/SER003/EFI001 pada baris akar mengikuti akar itu. Angka salah yang sama yang
  disalin ke tabel lain (capaian 3.2 -> 3.5; nilai AKIP) mengikuti temuan pertama.
- **Nama.** Indikator: sama bila sama setelah huruf kecil dan tanpa spasi, tanda baca dan
  singkatan dalam kurung; atau (alias) semua kata satu nama ada di nama lainnya ('Nilai AKIP' ~
  'Nilai Evaluasi AKIP'). Program: tanpa 'Program' di depan dan akhiran -an
  (pemerintah/pemerintahan); bila tidak cocok, menurut urutan (disebutkan di temuan).
- **Efisiensi.** Tidak ada rumus resmi: tabel 3.17 memakai persen anggaran / 100 (dibulatkan
  atau dipotong), tabel 3.10/3.16 |capaian - penyerapan|; laporan konsolidasi memakai
  `formulas.efisiensi` = capaian - serapan untuk semua kecamatan.
- **Polaritas.** Dari kolom `polaritas` PK atau `ValidateConfig.polaritas`, bawaan positif;
  indikator negatif memakai `(2 x target - realisasi) / target x 100` (pengurangan) kecuali
  diatur `rasio`.
""",
    "en": """\
## Decisions that hold for every rule

- **Rounding.** A printed figure is compared with the recomputed one rounded half-up to 2
  decimals; one unit in the last digit (0.01) is rounding and not reported. Figures printed
  with fewer decimals ('1.9', '100') are compared at their printed precision: '100' for
  99.9967 is consistent, '100' for 98.6 is not. The precision is read from the value (98,20
  reads as 98.2), so it is never finer than what is visible. Money is compared exactly, to the
  sen (Decimal).
- **Root causes.** One wrong figure = one root finding; the findings it causes point at it in
  `root`. Money mismatches of the same amount (per submission, pagu or realisasi) chain from
  the lowest level: HIE002 < HIE001 < XTB005 < XTB006/XTB007 < TOT001. SER001/SER003/EFI001 on
  a root's row follow that root. The same wrong figure copied into another table (capaian
  3.2 -> 3.5; the AKIP score) follows the first finding.
- **Names.** Indicators match when equal after lower-casing and dropping spaces, punctuation
  and parenthesised acronyms, or (alias) when all words of one occur in the other ('Nilai
  AKIP' ~ 'Nilai Evaluasi AKIP'). Programs: without a leading 'Program' and the suffix -an
  (pemerintah/pemerintahan); unmatched names fall back to order (said in the finding).
- **Efficiency.** No official formula: table 3.17 uses budget % / 100 (rounded or
  truncated), tables 3.10/3.16 |capaian - absorption|; the consolidated reports use
  `formulas.efisiensi` = capaian - serapan for every kecamatan.
- **Polarity.** From the PK `polaritas` column or `ValidateConfig.polaritas`, default
  positif; negative indicators use `(2 x target - realisasi) / target x 100` (pengurangan)
  unless configured `rasio`.
""",
}


def rules_markdown(lang: str = "id") -> str:
    """The rule catalog as Markdown (``docs/rules.md``), generated, never edited by hand."""
    lang = "en" if lang == "en" else "id"
    head = (
        ("Kode", "Tingkat", "Tabel", "Judul (id)", "Title (en)", "Rumus / toleransi", "Petunjuk")
        if lang == "id"
        else (
            "Code",
            "Severity",
            "Tables",
            "Title (id)",
            "Title (en)",
            "Formula / tolerance",
            "Hint",
        )
    )
    intro = (
        "# Katalog aturan lakip\n\n"
        "Dibuat oleh `schemas.catalog.rules_markdown()`; jangan disunting manual"
        " (`tests/test_rules_doc.py` memeriksanya). Kode tidak pernah berganti makna.\n"
        if lang == "id"
        else "# lakip rule catalog\n\n"
        "Generated by `schemas.catalog.rules_markdown()`; do not edit by hand"
        " (`tests/test_rules_doc.py` checks it). A code never changes meaning.\n"
    )
    lines = [intro, NOTES[lang], "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for rule in RULES.values():
        hint = rule.hint_id if lang == "id" else rule.hint_en
        cells = (
            f"`{rule.code}`",
            rule.severity,
            ", ".join(rule.tables),
            rule.title_id,
            rule.title_en,
            rule.formula,
            hint,
        )
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
