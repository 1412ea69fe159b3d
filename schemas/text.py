"""Every word lakip says to a person, in Bahasa Indonesia and English, and its numbers.

One table of ``key -> (id, en)`` pairs, read through :func:`t`, so no message is
written twice and a missing translation fails loudly (``KeyError``; the tests check
that each key has both sides with the same ``{placeholders}``). The language is
resolved only here (:func:`resolve`): the rest of the code passes ``lang`` along and
never compares it, so adding a language is a column here, not a hunt through
``if lang == "id"`` branches. Numbers go through :func:`numbers`, one formatter per
language (:mod:`schemas.numbers`).

Keys are ``<area>.<name>``; the report pages' own table (``pipeline/reporting/text.py``,
same shape) is to be folded in here. Domain words without a fair English equivalent
(kecamatan, kabupaten, pagu, IKM, AKIP, predikat) stay Indonesian. A few English-only
messages predate this table: their ``id`` side repeats the English text, so the output
is unchanged until someone translates them (listed in :data:`UNTRANSLATED`).
"""

from __future__ import annotations

from collections.abc import Callable

from schemas.numbers import EN, ID, Numbers

LANGS = ("id", "en")
"""Supported languages, Bahasa Indonesia first (the default)."""
DEFAULT_LANG = "id"

_SIDE = {lang: i for i, lang in enumerate(LANGS)}
_NUMBERS = {"id": ID, "en": EN}

BOTH = "{id} / {en}"
"""How a message raised without a known reader (an exception) shows both languages."""
BOTH_PAREN = "{id} ({en})"

TEXT: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ plural words
    # Indonesian nouns do not inflect; English picks .one / .other (see tn()).
    "word.submission.one": ("pengiriman", "submission"),
    "word.submission.other": ("pengiriman", "submissions"),
    # ------------------------------------------------------------ console (rich tables)
    "console.submissions": ("Pengiriman", "Submissions"),
    "console.file": ("Berkas", "File"),
    "console.kecamatan": ("Kecamatan", "Kecamatan"),
    "console.tahun": ("Tahun", "Year"),
    "console.rows": ("Baris", "Rows"),
    "console.findings": ("Temuan", "Findings"),
    "console.errors": ("Galat", "Errors"),
    "console.warnings": ("Peringatan", "Warnings"),
    "console.status": ("Status", "Status"),
    "console.clean": ("bersih", "clean"),
    "console.warn": ("peringatan", "warnings"),
    "console.error": ("galat", "errors"),
    "console.top": ("Aturan terbanyak", "Most frequent rules"),
    "console.cell": ("Sel", "Cell"),
    "console.rule": ("Aturan", "Rule"),
    "console.message": ("Pesan", "Message"),
    "console.written": ("Ditulis: {path}", "Written: {path}"),
    "console.total": (
        "{n} pengiriman, {e} galat, {w} peringatan",
        "{n} submissions, {e} errors, {w} warnings",
    ),
    "console.more": (
        "... dan {n} temuan lain (lihat berkas temuan)",
        "... and {n} more findings (see the findings files)",
    ),
    "console.severity": ("Tingkat", "Severity"),
    "console.tables": ("Tabel", "Tables"),
    "console.title": ("Judul", "Title"),
    "console.formula": ("Rumus", "Formula"),
    "console.synthetic": ("SINTETIS", "SYNTHETIC"),
    "console.rules_title": ("lakip rules ({n})", "lakip rules ({n})"),
    "console.n_rows": ("({n} rows)", "({n} rows)"),
    "console.rate": ("{rate} berkas/s", "{rate} files/s"),
    # ------------------------------------------------------------ CLI
    "cli.reading": ("membaca", "reading"),
    "cli.unchanged": (
        "{n} berkas tidak berubah (sha256 sama), tidak dibaca ulang",
        "{n} unchanged files (same sha256) not read again",
    ),
    "cli.generated": ("{n} submissions -> {folder}", "{n} submissions -> {folder}"),
    "cli.ground_truth": ("ground truth: {path} ({n} errors)", "ground truth: {path} ({n} errors)"),
    # ------------------------------------------------------------ findings files
    "findings.title": ("Temuan validasi", "Validation findings"),
    "findings.xlsx.kecamatan": ("Kecamatan", "Kecamatan"),
    "findings.xlsx.tahun": ("Tahun", "Year"),
    "findings.xlsx.rule": ("Aturan", "Rule"),
    "findings.xlsx.severity": ("Tingkat", "Severity"),
    "findings.xlsx.title": ("Judul", "Title"),
    "findings.xlsx.cell": ("Sel", "Cell"),
    "findings.xlsx.label": ("Baris", "About"),
    "findings.xlsx.expected": ("Seharusnya", "Expected"),
    "findings.xlsx.found": ("Tertulis", "Found"),
    "findings.xlsx.message": ("Pesan", "Message"),
    "findings.xlsx.hint": ("Cara memperbaiki", "How to fix"),
    "findings.xlsx.detail": ("Rincian", "Detail"),
    "findings.xlsx.root": ("Akar masalah", "Root cause"),
    "findings.xlsx.row": ("Baris Excel", "Excel row"),
    "findings.xlsx.column": ("Kolom", "Column"),
    "findings.xlsx.table": ("Tabel", "Table"),
    "findings.xlsx.sheet": ("Sheet", "Sheet"),
    "findings.cell": ("sel", "cell"),
    "findings.rule": ("aturan", "rule"),
    "findings.severity": ("tingkat", "severity"),
    "findings.expected": ("seharusnya", "expected"),
    "findings.found": ("tertulis", "found"),
    "findings.message": ("pesan", "message"),
    "findings.hint": ("petunjuk", "hint"),
    "findings.error": ("galat", "error"),
    "findings.warning": ("peringatan", "warning"),
    # ------------------------------------------------------------ load
    "load.rebuilt": ("Gudang data dibangun ulang: ", "Warehouse rebuilt: "),
    "load.loaded.one": (
        "{n} pengiriman dimuat ({rows} baris)",
        "{n} submission loaded ({rows} rows)",
    ),
    "load.loaded.other": (
        "{n} pengiriman dimuat ({rows} baris)",
        "{n} submissions loaded ({rows} rows)",
    ),
    "load.superseded.one": ("{m} versi lama digantikan", "{m} earlier version superseded"),
    "load.superseded.other": ("{m} versi lama digantikan", "{m} earlier versions superseded"),
    "load.summary": (
        "{head}{loaded}, {k} dilewati (tidak berubah), {superseded} -> {warehouse}",
        "{head}{loaded}, {k} skipped (unchanged), {superseded} -> {warehouse}",
    ),
    "load.failed": (
        "Memuat {n} {submissions} [{where}] gagal; tidak ada {what} yang tersimpan ({kept}).",
        "Loading {n} {submissions} [{where}] failed; nothing of {what} was written ({kept}).",
    ),
    "load.failed_what.one": ("bagiannya", "it"),
    "load.failed_what.other": ("bagiannya", "them"),
    "load.failed_kept.one": (
        "{kept} pengiriman sebelumnya dalam proses ini sudah tersimpan utuh",
        "{kept} earlier submission of this run stays loaded, complete",
    ),
    "load.failed_kept.other": (
        "{kept} pengiriman sebelumnya dalam proses ini sudah tersimpan utuh",
        "{kept} earlier submissions of this run stay loaded, complete",
    ),
    # ------------------------------------------------------------ warehouse errors
    "warehouse.missing": (
        "Gudang data {warehouse} belum ada: jalankan `lakip load` dulu.",
        "The warehouse {warehouse} does not exist yet: run `lakip load` first.",
    ),
    "warehouse.missing_short": (
        "Gudang data {warehouse} belum ada: jalankan `lakip load` dulu.",
        "Warehouse {warehouse} does not exist yet: run `lakip load` first.",
    ),
    "warehouse.busy": (
        "Gudang data {warehouse} sedang dipakai proses lain{who}; tunggu sampai selesai "
        "lalu ulangi.",
        "The warehouse {warehouse} is held by another process{who}; wait until it finishes "
        "and try again.",
    ),
    "warehouse.busy_reading": (
        "Gudang data {warehouse} sedang dipakai proses lain untuk menulis; coba lagi nanti.",
        "The warehouse {warehouse} is being written by another process; try again later.",
    ),
    "warehouse.schema_version": (
        "Gudang data memakai skema versi {found}, lakip ini versi {expected}: pakai lakip "
        "yang lebih baru, atau bangun ulang dari raw/ (pipeline.load.rebuild).",
        "The warehouse has schema version {found}, this lakip expects {expected}: use a newer "
        "lakip, or rebuild it from raw/.",
    ),
    # ------------------------------------------------------------ lakip sql / export
    "query.read_only": (
        "`lakip sql` hanya membaca; perintah yang mengubah gudang data ditolak. "
        "Gunakan `lakip load` untuk memuat data.",
        "`lakip sql` is read-only: statements that change the warehouse are refused.",
    ),
    "query.unknown_format": ("unknown export format {fmt}", "unknown export format {fmt}"),
    # ------------------------------------------------------------ lakip report
    "report.unknown_lang": (
        "Bahasa tidak dikenal: {lang} (id, en).",
        "Unknown language {lang}.",
    ),
    "report.no_year": (
        "Tidak ada laporan tahun {tahun} di gudang data {warehouse}.",
        "No report for {tahun} in the warehouse {warehouse}.",
    ),
    "report.no_readable_year": (
        "Gudang data {warehouse} berisi {n} pengiriman, tetapi tidak satu pun dengan tahun "
        "laporan yang terbaca (identitas: tahun): perbaiki temuan ING/IDN pengiriman itu lalu "
        "muat ulang.",
        "The warehouse {warehouse} holds {n} submissions but none with a readable report year "
        "(identitas: tahun): fix their ING/IDN findings and load them again.",
    ),
    "report.empty": (
        "Gudang data {warehouse} belum berisi laporan: jalankan `lakip load` dulu.",
        "The warehouse {warehouse} holds no report yet: run `lakip load` first.",
    ),
    "report.unreadable": (
        "Laporan tidak dapat dibaca dari gudang data {warehouse}: {error}. Jalankan "
        "`lakip load` (memperbarui view) lalu ulangi.",
        "The reports cannot be read from the warehouse {warehouse}: {error}. Run `lakip load` "
        "(it updates the views) and try again.",
    ),
}

UNTRANSLATED = frozenset(
    {
        "console.rules_title",
        "console.n_rows",
        "cli.generated",
        "cli.ground_truth",
        "query.unknown_format",
    }
)
"""English-only before this table; the ``id`` side repeats it (output unchanged)."""


class UnknownLanguage(ValueError):
    """A language lakip has no text for."""


def resolve(lang: str) -> str:
    """``lang`` if lakip speaks it; the one place a language is checked."""
    if lang not in _SIDE:
        raise UnknownLanguage(f"unknown language {lang!r}; lakip speaks {', '.join(LANGS)}")
    return lang


def known(lang: str) -> bool:
    """Whether lakip has text in ``lang``."""
    return lang in _SIDE


def pick(lang: str, idn: str, en: str) -> str:
    """One side of a pair kept elsewhere (a rule's ``title_id``/``title_en``)."""
    return (idn, en)[_SIDE[resolve(lang)]]


def t(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The text of ``key`` in ``lang``, with ``{name}`` filled from ``values``."""
    text = TEXT[key][_SIDE[resolve(lang)]]
    return text.format(**values) if values else text


def tn(key: str, n: int, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """``key.one`` when ``n`` is 1, else ``key.other`` (English plurals), filled in."""
    return t(f"{key}.{'one' if n == 1 else 'other'}", lang, **values)


def both(key: str, form: str = BOTH, /, **values: object) -> str:
    """Both languages in one message, for errors raised where no reader is known."""
    return both_of(lambda lang: t(key, lang, **values), form)


def both_of(message: Callable[[str], str], form: str = BOTH) -> str:
    """Both languages of a message built per language (its parts translated too)."""
    return form.format(id=message("id"), en=message("en"))


def numbers(lang: str = DEFAULT_LANG) -> Numbers:
    """The number formatter of ``lang``: ``numbers("id").money(5463337162)``."""
    return _NUMBERS[resolve(lang)]
