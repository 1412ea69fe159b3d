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
from schemas.text_report import REPORT

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
    "cli.unchanged.one": (
        "{n} berkas tidak berubah (isinya sama persis), tidak dibaca ulang",
        "{n} unchanged file (same content) not read again",
    ),
    "cli.unchanged.other": (
        "{n} berkas tidak berubah (isinya sama persis), tidak dibaca ulang",
        "{n} unchanged files (same content) not read again",
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
    "load.reread.one": (
        "{n} pengiriman dibaca oleh lakip versi lama, kini dibaca ulang dari raw/.",
        "{n} submission had been read by an older lakip and was read again from raw/.",
    ),
    "load.reread.other": (
        "{n} pengiriman dibaca oleh lakip versi lama, kini dibaca ulang dari raw/.",
        "{n} submissions had been read by an older lakip and were read again from raw/.",
    ),
    "load.stale.one": (
        "Perhatian: {n} pengiriman di gudang data dibaca oleh lakip versi lama dan tidak dibaca"
        " ulang, karena tidak semua berkas gudang data ada di raw/. Kembalikan berkasnya ke raw/,"
        " lalu jalankan lakip rebuild.",
        "Note: {n} submission in the warehouse was read by an older lakip and was not read again,"
        " because not every file of the warehouse is under raw/. Put the files back under raw/,"
        " then run lakip rebuild.",
    ),
    "load.stale.other": (
        "Perhatian: {n} pengiriman di gudang data dibaca oleh lakip versi lama dan tidak dibaca"
        " ulang, karena tidak semua berkas gudang data ada di raw/. Kembalikan berkasnya ke raw/,"
        " lalu jalankan lakip rebuild.",
        "Note: {n} submissions in the warehouse were read by an older lakip and were not read"
        " again, because not every file of the warehouse is under raw/. Put the files back under"
        " raw/, then run lakip rebuild.",
    ),
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
    # ------------------------------------------------------------ warehouse faults (guard)
    "guard.damaged": (
        "Berkas gudang data {warehouse} rusak (terpotong atau isinya berubah: {detail}). "
        "Berkas di raw/ tidak tersentuh: bangun ulang gudang data dengan "
        "`lakip rebuild --raw raw --warehouse {warehouse}`.",
        "The warehouse file {warehouse} is damaged (truncated or altered: {detail}). raw/ is "
        "intact: rebuild it with `lakip rebuild --raw raw --warehouse {warehouse}`.",
    ),
    "guard.full": (
        "Disk penuh saat menulis gudang data {warehouse} ({detail}). Transaksi dibatalkan; "
        "kosongkan ruang disk lalu ulangi (raw/ tidak tersentuh).",
        "The disk is full while writing the warehouse {warehouse} ({detail}). The transaction "
        "was rolled back; free some space and run again (raw/ is intact).",
    ),
    "guard.unwritable": (
        "Folder gudang data {folder} atau berkasnya tidak bisa ditulis ({detail}); DuckDB juga "
        "menulis {wal} di folder yang sama. Periksa izin folder atau pilih --warehouse lain.",
        "The warehouse folder {folder} or its file cannot be written ({detail}); DuckDB also "
        "writes {wal} beside it. Check the permissions or choose another --warehouse.",
    ),
    "guard.busy": (
        "Gudang data {warehouse} sedang dipakai proses lain; tunggu sampai selesai lalu ulangi.",
        "The warehouse {warehouse} is held by another process; wait until it finishes and try "
        "again.",
    ),
    "guard.interrupted": (
        "Dihentikan. Gudang data{where} berisi keadaan sebelumnya atau hasil yang lengkap, "
        "tidak setengah; jalankan lagi perintah yang sama untuk melanjutkan.",
        "Interrupted. The warehouse{where} holds its earlier state or the complete result, "
        "never half; run the same command again to continue.",
    ),
    # ------------------------------------------------------------ lakip sql / export
    "api.no_submission": (
        "Tidak ada pengiriman di {raw}: letakkan berkas di {raw}/<tahun>/<kecamatan>.xlsx "
        "atau satu folder CSV per kecamatan {raw}/<tahun>/<kecamatan>/<tabel>.csv.",
        "No submission found in {raw}: expected {raw}/<tahun>/<kecamatan>.xlsx or one CSV "
        "folder per kecamatan, {raw}/<tahun>/<kecamatan>/<tabel>.csv.",
    ),
    "query.no_files": (
        "`lakip sql` hanya membaca tabel dan view gudang data; membaca atau menulis berkas "
        "lain (read_csv, read_parquet, glob, COPY, ATTACH, INSTALL) ditolak.",
        "`lakip sql` reads the warehouse's tables and views only: reading or writing other "
        "files (read_csv, read_parquet, glob, COPY, ATTACH, INSTALL) is refused.",
    ),
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
    # ------------------------------------------------------------ finding messages
    "findings.also_explains": (" Akibatnya juga: {after}.", " It also explains: {after}."),
    "findings.follows_from": (" Akibat dari {ref}.", " Follows from {ref}."),
    # a rule code only beside its plain title: 'Capaian IKU salah hitung (CAP001) di G5'
    "findings.ref": ("{title} ({rule}) di {cell}", "{title} ({rule}) at {cell}"),
    "findings.no_kecamatan": (
        "Tidak ada kiriman kecamatan {names} di {raw}.",
        "No submission of kecamatan {names} in {raw}.",
    ),
    # ------------------------------------------------------------ finding details
    # A rule's own details are declared beside it (Rule.details, keyed <code>.<name>);
    # these are shared by several rules.
    "detail.tolerance": (
        "{}; toleransi: 1 digit terakhir atau presisi cetak",
        "{}; tolerance: one unit in the last printed digit, or the printed precision",
    ),
    # The cell a copied figure was compared with, and how the two rows were paired.
    "detail.ref.nama": ("{}, dicocokkan menurut nama", "{}, matched by name"),
    "detail.ref.alias": (
        "{}, dicocokkan menurut kata-kata namanya",
        "{}, matched by the words of its name",
    ),
    "detail.ref_pk.nama": (
        "{}, indikator PK '{}' dicocokkan menurut nama",
        "{}, the PK indicator '{}' matched by name",
    ),
    "detail.ref_pk.alias": (
        "{}, indikator PK '{}' dicocokkan menurut kata-kata namanya",
        "{}, the PK indicator '{}' matched by the words of its name",
    ),
    # A formula's terms are the column headers of the workbook (the same in both
    # languages); the words around them are translated here.
    "detail.capaian.positif": (
        "{}, polaritas positif; toleransi: 1 digit terakhir atau presisi cetak",
        "{}, positive polarity; tolerance: one unit in the last printed digit, or the "
        "printed precision",
    ),
    "detail.capaian.pengurangan": (
        "{}, polaritas negatif (pengurangan); toleransi: 1 digit terakhir atau presisi cetak",
        "{}, negative polarity (subtraction); tolerance: one unit in the last printed "
        "digit, or the printed precision",
    ),
    "detail.capaian.rasio": (
        "{}, polaritas negatif (rasio); toleransi: 1 digit terakhir atau presisi cetak",
        "{}, negative polarity (ratio); tolerance: one unit in the last printed digit, or "
        "the printed precision",
    ),
    # ingest's details (ING001, ING004, ING015): what a file or folder is and what to do
    "ingest.folder": ("sebuah folder", "a folder"),
    "ingest.not_regular": ("bukan berkas biasa (mis. FIFO)", "not a regular file (e.g. a FIFO)"),
    "ingest.broken_csv": (
        "CSV rusak: tanda kutip atau pemisah kolomnya tidak berpasangan; simpan ulang dari "
        "Excel sebagai CSV UTF-8",
        "broken CSV: its quotes or column separators do not pair up; save it again from Excel "
        "as CSV UTF-8",
    ),
    "ingest.too_large": (
        "berkas lebih dari {} MB, tidak dibaca; kirim hanya tabel format baku",
        "larger than {} MB, not read; send only the format's tables",
    ),
    "ingest.permission": (
        "berkas tidak boleh dibaca (izin akses); minta pengelola server membuka izinnya",
        "the file may not be read (permission denied); ask the server's administrator",
    ),
    "ingest.cannot_open": (
        "berkas tidak dapat dibuka oleh sistem operasi server",
        "the server's operating system cannot open the file",
    ),
    "ingest.unreadable.empty": (
        "berkas kosong (0 bita); buka di Excel, simpan ulang sebagai .xlsx, lalu kirim ulang",
        "the file is empty (0 bytes); open it in Excel, save it again as .xlsx and send it again",
    ),
    "ingest.unreadable.encrypted": (
        "berkas dilindungi kata sandi (terenkripsi); buka di Excel, hapus kata sandinya "
        "(File > Info > Protect Workbook), simpan, lalu kirim ulang",
        "the file is password-protected (encrypted); open it in Excel, remove the password "
        "(File > Info > Protect Workbook), save and send it again",
    ),
    "ingest.unreadable.old_xls": (
        "workbook Excel lama (.xls) yang rusak atau terenkripsi; buka di Excel, simpan ulang "
        "sebagai .xlsx, lalu kirim ulang",
        "an old Excel workbook (.xls), damaged or encrypted; open it in Excel, save it again "
        "as .xlsx and send it again",
    ),
    "ingest.unreadable.truncated": (
        "berkas terpotong (unggahan atau salinan tidak selesai); kirim ulang berkas utuhnya",
        "the file is truncated (an upload or copy did not finish); send the whole file again",
    ),
    "ingest.unreadable.zip": (
        "arsip zip yang rusak atau bukan workbook; buka di Excel, simpan ulang sebagai .xlsx, "
        "lalu kirim ulang",
        "a damaged zip, or no workbook; open it in Excel, save it again as .xlsx and send it again",
    ),
    "ingest.unreadable.html": (
        "halaman web (HTML/XML), bukan workbook; buka di Excel, simpan ulang sebagai .xlsx, "
        "lalu kirim ulang",
        "a web page (HTML/XML), not a workbook; open it in Excel, save it again as .xlsx and "
        "send it again",
    ),
    "ingest.unreadable.pdf": (
        "dokumen PDF, bukan workbook; buka di Excel, simpan ulang sebagai .xlsx, lalu kirim ulang",
        "a PDF, not a workbook; open it in Excel, save it again as .xlsx and send it again",
    ),
    "ingest.unreadable.unknown": (
        "bukan workbook Excel (isinya tidak dikenali); buka di Excel, simpan ulang sebagai "
        ".xlsx, lalu kirim ulang",
        "not an Excel workbook (contents not recognised); open it in Excel, save it again as "
        ".xlsx and send it again",
    ),
    "ingest.csv_folder_unknown": (
        "folder CSV tanpa tabel yang dikenal; beri nama tiap berkas sesuai tabelnya "
        "(identitas.csv, capaian_iku.csv, ...)",
        "a CSV folder with no known table; name each file after its table "
        "(identitas.csv, capaian_iku.csv, ...)",
    ),
    "ingest.empty_folder": (
        "folder kosong; isi dengan satu CSV per tabel atau hapus folder ini",
        "an empty folder; fill it with one CSV per table or remove it",
    ),
    "ingest.archive": (
        "arsip; ekstrak isinya ke folder tahunnya (satu workbook atau satu folder CSV per "
        "kecamatan) lalu hapus arsipnya",
        "an archive; unpack it into the year's folder (one workbook or one CSV folder per "
        "kecamatan), then remove the archive",
    ),
    "ingest.loose_csv": (
        "berkas CSV lepas; letakkan CSV tiap kecamatan dalam satu folder per kecamatan, satu "
        "berkas per tabel (identitas.csv, ...)",
        "a loose CSV file; put each kecamatan's CSV files in one folder of their own, one file "
        "per table (identitas.csv, ...)",
    ),
    "ingest.other_file": (
        "berkas jenis {} tidak dibaca; kirim sebagai .xlsx atau folder CSV",
        "a {} file is not read; send an .xlsx or a CSV folder",
    ),
    "ingest.no_suffix": (
        "berkas tanpa akhiran nama tidak dibaca; kirim sebagai .xlsx atau folder CSV",
        "a file without a suffix is not read; send an .xlsx or a CSV folder",
    ),
    "ingest.sheet_empty": ("sheet kosong", "the sheet is empty"),
    "ingest.expected_headers": ("judul kolom yang diharapkan: {}", "the headers expected: {}"),
    # ------------------------------------------------------------ docs/rules.md
    "rules_md.intro": (
        "# Katalog aturan lakip\n\n"
        "Dibuat oleh `schemas.catalog.rules_markdown()`; jangan disunting manual"
        " (`tests/test_rules_doc.py` memeriksanya). Kode tidak pernah berganti makna.\n",
        "# lakip rule catalog\n\n"
        "Generated by `schemas.catalog.rules_markdown()`; do not edit by hand"
        " (`tests/test_rules_doc.py` checks it). A code never changes meaning.\n",
    ),
    "rules_md.notes": (
        (
            "## Keputusan yang berlaku untuk semua aturan\n"
            "\n"
            "- **Pembulatan.** Angka tercetak dibandingkan setelah hasil hitung dibulatkan "
            "setengah ke atas\n"
            "  ke 2 desimal; selisih 1 digit terakhir (0,01) adalah pembulatan dan tidak "
            "dilaporkan. Angka\n"
            "  yang dicetak dengan desimal lebih sedikit ('1,9', '100') dibandingkan pada "
            "presisi cetaknya:\n"
            "  '100' untuk 99,9967 konsisten, '100' untuk 98,6 tidak. Presisi dibaca dari "
            "nilainya (98,20\n"
            "  terbaca 98,2), jadi tidak pernah lebih halus dari yang tampak. Uang "
            "dibandingkan persis\n"
            "  sampai sen (Decimal).\n"
            "- **Akar masalah.** Satu angka salah = satu temuan akar; temuan lain yang "
            "diakibatkannya\n"
            "  menunjuk akar itu di kolom `root`. Selisih uang yang sama besar (per "
            "kiriman, pagu atau\n"
            "  realisasi) dirantai dari tingkat terbawah: HIE002 < HIE001 < XTB005 < "
            "XTB006/XTB007 <\n"
            "  TOT001. SER001/SER003/EFI001 pada baris akar mengikuti akar itu. Angka "
            "salah yang sama yang\n"
            "  disalin ke tabel lain (capaian 3.2 -> 3.5; nilai AKIP) mengikuti temuan pertama.\n"
            "- **Nama.** Indikator: sama bila sama setelah huruf kecil dan tanpa spasi, "
            "tanda baca dan\n"
            "  singkatan dalam kurung; atau (alias) semua kata satu nama ada di nama "
            "lainnya ('Nilai AKIP' ~\n"
            "  'Nilai Evaluasi AKIP'). Program: tanpa 'Program' di depan dan akhiran -an\n"
            "  (pemerintah/pemerintahan); bila tidak cocok, menurut urutan (disebutkan di "
            "temuan).\n"
            "- **Efisiensi.** Tidak ada rumus resmi: tabel 3.17 memakai persen anggaran / "
            "100 (dibulatkan\n"
            "  atau dipotong), tabel 3.10/3.16 selisih capaian dan penyerapan; laporan konsolidasi "
            "memakai\n"
            "  `formulas.efisiensi` = capaian - serapan untuk semua kecamatan.\n"
            "- **Polaritas.** Dari kolom `polaritas` PK atau `ValidateConfig.polaritas`, "
            "bawaan positif;\n"
            "  indikator negatif memakai `(2 × target - realisasi) / target × 100` "
            "(pengurangan) kecuali\n"
            "  diatur `rasio`.\n"
        ),
        (
            "## Decisions that hold for every rule\n"
            "\n"
            "- **Rounding.** A printed figure is compared with the recomputed one rounded "
            "half-up to 2\n"
            "  decimals; one unit in the last digit (0.01) is rounding and not reported. "
            "Figures printed\n"
            "  with fewer decimals ('1.9', '100') are compared at their printed precision: "
            "'100' for\n"
            "  99.9967 is consistent, '100' for 98.6 is not. The precision is read from "
            "the value (98,20\n"
            "  reads as 98.2), so it is never finer than what is visible. Money is "
            "compared exactly, to the\n"
            "  sen (Decimal).\n"
            "- **Root causes.** One wrong figure = one root finding; the findings it "
            "causes point at it in\n"
            "  `root`. Money mismatches of the same amount (per submission, pagu or "
            "realisasi) chain from\n"
            "  the lowest level: HIE002 < HIE001 < XTB005 < XTB006/XTB007 < TOT001. "
            "SER001/SER003/EFI001 on\n"
            "  a root's row follow that root. The same wrong figure copied into another "
            "table (capaian\n"
            "  3.2 -> 3.5; the AKIP score) follows the first finding.\n"
            "- **Names.** Indicators match when equal after lower-casing and dropping "
            "spaces, punctuation\n"
            "  and parenthesised acronyms, or (alias) when all words of one occur in the "
            "other ('Nilai\n"
            "  AKIP' ~ 'Nilai Evaluasi AKIP'). Programs: without a leading 'Program' and "
            "the suffix -an\n"
            "  (pemerintah/pemerintahan); unmatched names fall back to order (said in the "
            "finding).\n"
            "- **Efficiency.** No official formula: table 3.17 uses budget % / 100 (rounded or\n"
            "  truncated), tables 3.10/3.16 the gap between capaian and absorption; the"
            " consolidated reports use\n"
            "  `formulas.efisiensi` = capaian - serapan for every kecamatan.\n"
            "- **Polarity.** From the PK `polaritas` column or `ValidateConfig.polaritas`, "
            "default\n"
            "  positif; negative indicators use `(2 × target - realisasi) / target × 100` "
            "(pengurangan)\n"
            "  unless configured `rasio`.\n"
        ),
    ),
    "rules_md.head.code": ("Kode", "Code"),
    "rules_md.head.severity": ("Tingkat", "Severity"),
    "rules_md.head.tables": ("Tabel", "Tables"),
    "rules_md.head.title_id": ("Judul (id)", "Title (id)"),
    "rules_md.head.title_en": ("Title (en)", "Title (en)"),
    "rules_md.head.formula": ("Rumus / toleransi", "Formula / tolerance"),
    "rules_md.head.hint": ("Petunjuk", "Hint"),
    # ------------------------------------------------------------ schemas.formulas labels
    "rating.very_high": ("Sangat Tinggi", "Very high"),
    "rating.high": ("Tinggi", "High"),
    "rating.medium": ("Sedang", "Medium"),
    "rating.low": ("Rendah", "Low"),
    "rating.very_low": ("Sangat Rendah", "Very low"),
    "efisiensi.efficient": ("Efisien", "Efficient"),
    "efisiensi.fair": ("Cukup efisien", "Fairly efficient"),
    "efisiensi.not": ("Tidak efisien", "Not efficient"),
    # ------------------------------------------------------ lakip template / feedback / status
    "cli.templates": ("{n} templat -> {folder}", "{n} templates -> {folder}"),
    "cli.feedback": (
        "{n} paket umpan balik, {comments} komentar sel -> {folder}",
        "{n} return packages, {comments} cell comments -> {folder}",
    ),
    # status (lakip status, pengiriman.html): the state words, the table heads
    "status.state.belum masuk": ("belum masuk", "not received"),
    "status.state.tidak terbaca": ("tidak terbaca", "unreadable"),
    "status.state.galat": ("galat", "errors"),
    "status.state.hanya peringatan": ("hanya peringatan", "warnings only"),
    "status.state.bersih": ("bersih", "clean"),
    "status.summary": ("{n} kecamatan: {parts}", "{n} kecamatan: {parts}"),
    "status.head.tahun": ("Tahun", "Year"),
    "status.head.kode": ("Kode", "Code"),
    "status.head.kabupaten": ("Kabupaten", "Kabupaten"),
    "status.head.kecamatan": ("Kecamatan", "Kecamatan"),
    "status.head.status": ("Status", "State"),
    "status.head.galat": ("Galat", "Errors"),
    "status.head.peringatan": ("Peringatan", "Warnings"),
    "status.head.versi": ("Versi", "Versions"),
    "status.head.terakhir_diterima": ("Terakhir diterima", "Last received"),
    "status.head.berkas": ("Berkas", "File"),
    # pengiriman.html (the report page of the same table)
    "pengiriman.page": ("Pengiriman", "Submissions"),
    "pengiriman.title": ("Status pengiriman data per kecamatan", "Submission status per kecamatan"),
    "pengiriman.intro": (
        "Setiap kecamatan yang diharapkan menurut daftar wilayah Kemendagri untuk "
        "tahun {tahun}: {summary}. Status dari versi terakhir yang dimuat.",
        "Every kecamatan the Kemendagri reference expects for {tahun}: {summary}. "
        "The state is that of the last version loaded.",
    ),
    "pengiriman.formula": (
        "belum masuk = tidak ada kiriman; tidak terbaca = berkas tidak dapat dibaca "
        "(ING001); galat = ada galat; hanya peringatan = tanpa galat; bersih = tanpa temuan.",
        "not received = nothing sent; unreadable = the file cannot be read (ING001); "
        "errors = has errors; warnings only = no error; clean = no finding.",
    ),
    "pengiriman.source": (
        "submissions, findings (gudang data); daftar wilayah Kemendagri",
        "submissions, findings (warehouse); Kemendagri reference of kecamatan",
    ),
    "pengiriman.head.kode": ("Kode", "Code"),
    "pengiriman.head.kecamatan": ("Kecamatan", "Kecamatan"),
    "pengiriman.head.kabupaten": ("Kabupaten", "Kabupaten"),
    "pengiriman.head.status": ("Status", "State"),
    "pengiriman.head.galat": ("Galat", "Errors"),
    "pengiriman.head.peringatan": ("Peringatan", "Warnings"),
    "pengiriman.head.versi": ("Versi", "Versions"),
    "pengiriman.head.terakhir": ("Terakhir dimuat", "Last loaded"),
    "pengiriman.head.berkas": ("Berkas", "File"),
    "pengiriman.empty": ("Tidak ada kecamatan yang diharapkan.", "No kecamatan expected."),
    "pengiriman.link": (
        "Status pengiriman: siapa yang belum mengirim atau berkasnya tidak terbaca",
        "Submission status: who has not sent, or sent an unreadable file",
    ),
    # feedback (lakip feedback: cell comments, the Temuan sheet, the cover letter)
    "feedback.error": ("GALAT", "ERROR"),
    "feedback.warning": ("PERINGATAN", "WARNING"),
    "feedback.expected": ("Seharusnya", "Expected"),
    "feedback.found": ("Tertulis", "Found"),
    "feedback.fix": ("Cara memperbaiki", "How to fix"),
    "feedback.root": ("Akar masalah", "Root cause"),
    "feedback.root_self": ("temuan ini sendiri", "this finding"),
    "feedback.root_first": (
        "perbaiki {root} dulu; temuan ini ikut hilang",
        "fix {root} first; this finding goes with it",
    ),
    "feedback.col.no": ("No", "No"),
    "feedback.col.severity": ("Tingkat", "Severity"),
    "feedback.col.rule": ("Aturan", "Rule"),
    "feedback.col.cell": ("Sel", "Cell"),
    "feedback.col.title": ("Judul", "Title"),
    "feedback.col.message": ("Pesan", "Message"),
    "feedback.col.expected": ("Seharusnya", "Expected"),
    "feedback.col.found": ("Tertulis", "Found"),
    "feedback.col.fix": ("Cara memperbaiki", "How to fix"),
    "feedback.col.root": ("Akar masalah", "Root cause"),
    "feedback.title": (
        "Temuan pemeriksaan LKjIP {tahun} — Kecamatan {kec}",
        "LKjIP {tahun} review findings — Kecamatan {kec}",
    ),
    "feedback.surat_title": (
        "Hasil pemeriksaan data LKjIP {tahun}",
        "Review of the LKjIP {tahun} data",
    ),
    "feedback.to": ("Kepada Yth. Camat {kec}<br>{kab}", "To the Camat of {kec}<br>{kab}"),
    "feedback.intro": (
        "Data LKjIP tahun {tahun} yang dikirim ({file}) telah diperiksa dengan lakip. "
        "Ditemukan <strong>{e} galat</strong> dan <strong>{w} peringatan</strong>.",
        "The LKjIP {tahun} data you sent ({file}) was checked with lakip. It has "
        "<strong>{e} errors</strong> and <strong>{w} warnings</strong>.",
    ),
    "feedback.clean": ("Tidak ada galat. Terima kasih.", "No errors. Thank you."),
    "feedback.first": (
        "Perbaiki lebih dulu (akar masalah; temuan lain mengikutinya):",
        "Fix these first (root causes; other findings follow from them):",
    ),
    "feedback.more": (
        "dan {n} temuan akar lainnya, lihat sheet Temuan.",
        "and {n} more root findings, see the Temuan sheet.",
    ),
    "feedback.follows": ("{n} temuan lain mengikuti", "{n} other findings follow"),
    "feedback.howto": (
        "Buka berkas terlampir ({book}): sel merah = galat, sel kuning = peringatan; "
        "arahkan kursor ke sel untuk penjelasannya. Sheet Temuan memuat semua temuan "
        "dengan tautan ke selnya. Perbaiki langsung di berkas itu, hapus sheet Temuan, "
        "lalu kirim kembali.",
        "Open the attached file ({book}): red cells are errors, amber cells warnings; "
        "hover over a cell for the explanation. The Temuan sheet lists every finding "
        "with a link to its cell. Correct the cells in that file, delete the Temuan "
        "sheet and send it back.",
    ),
    "feedback.deadline": (
        "Mohon kirim ulang berkas yang telah diperbaiki paling lambat <strong>{batas}</strong>.",
        "Please send the corrected file back by <strong>{batas}</strong>.",
    ),
    "feedback.sign": ("Bappeda / Bagian Organisasi", "Planning office"),
    "feedback.default_deadline": ("[tanggal batas kirim ulang]", "[resubmission deadline]"),
    # ------------------------------------------------------------ lakip template (workbook)
    "template.comment.required": ("wajib", "required"),
    "template.comment.optional": ("boleh kosong", "may be empty"),
    "template.comment.meaning": ("Arti", "Meaning"),
    "template.comment.unit": ("Satuan", "Unit"),
    "template.comment.format": ("Format", "Format"),
    "template.comment.example": ("Contoh", "Example"),
    "template.comment.empty": (
        "'-' atau kosong = tidak diisi (bukan nol).",
        "'-' or empty = not filled (never zero).",
    ),
    "template.rule.list_title": ("Pilih dari daftar", "Choose from the list"),
    "template.rule.list_msg": (
        "Pilih salah satu isian dari daftar.",
        "Choose one entry of the list.",
    ),
    "template.rule.list_other": (
        " Isian lain boleh bila memang berbeda.",
        " Another entry is allowed when it really differs.",
    ),
    "template.rule.list_err_title": ("Isian tidak dikenal", "Unknown entry"),
    "template.rule.list_err": ("Pilih: ", "Choose: "),
    "template.rule.money_title": ("Rupiah", "Rupiah"),
    "template.rule.money_msg": (
        "Angka rupiah tanpa 'Rp' dan tanpa titik ribuan; sen boleh dua desimal. '-' "
        "bila tidak diisi. Baris JUMLAH: jumlah baris di atasnya.",
        "Rupiah without 'Rp' and without thousands dots; two decimals of sen allowed. "
        "'-' when not filled. JUMLAH row: the sum of the rows above.",
    ),
    "template.rule.money_err_title": ("Bukan angka rupiah", "Not a rupiah amount"),
    "template.rule.money_err": (
        "Isi angka rupiah (≥ 0), atau '-' bila memang tidak diisi.",
        "Enter a rupiah amount (≥ 0), or '-' when it is not filled.",
    ),
    "template.rule.pct_title": ("Persen / skor", "Percent / score"),
    "template.rule.pct_msg": (
        "Angka dengan dua desimal, tanpa tanda %: 97,69. '-' bila tidak diisi.",
        "A number with two decimals, no % sign: 97,69. '-' when not filled.",
    ),
    "template.rule.pct_err_title": ("Bukan angka", "Not a number"),
    "template.rule.pct_err": (
        "Isi angka (mis. 97,69) tanpa tanda %, atau '-'.",
        "Enter a number (e.g. 97,69) without %, or '-'.",
    ),
    "template.rule.int_title": ("Bilangan bulat", "Whole number"),
    "template.rule.int_msg": (
        "Bilangan bulat dari {lo} sampai {hi}.",
        "A whole number from {lo} to {hi}.",
    ),
    "template.rule.int_err_title": ("Bukan bilangan bulat", "Not a whole number"),
    "template.rule.int_err": (
        "Isi bilangan bulat dari {lo} sampai {hi}.",
        "Enter a whole number from {lo} to {hi}.",
    ),
    "template.year": ("Tahun", "Year"),
    "template.table": ("Tabel", "Table"),
    "template.instructions.title": (
        "PETUNJUK PENGISIAN LKjIP {tahun} — Kecamatan {kecamatan}, {kabupaten} ({kode})",
        "HOW TO FILL IN THE LKjIP {tahun} — Kecamatan {kecamatan}, {kabupaten} ({kode})",
    ),
    "template.instructions.steps": (
        "1. Isi setiap sheet sesuai tabel laporan kinerja yang tercetak. Jangan mengubah "
        "nama sheet dan judul kolom (baris judul dikunci tanpa sandi); sel data bebas "
        "diisi. Baris boleh ditambah. Arahkan kursor ke judul kolom untuk arti, satuan, "
        "format dan contohnya.\n"
        "2. Angka: rupiah tanpa 'Rp' (5463337162 atau 5.463.337.162,00); persen dan skor "
        "dengan koma desimal tanpa tanda % (97,69). Tulis angka seperti tercetak di "
        "laporan, termasuk angka hasil hitung (jumlah, capaian, serapan): lakip "
        "menghitung ulang dan menunjukkan sel yang berbeda.\n"
        "3. Tanda '-' atau sel kosong berarti TIDAK DIISI, bukan nol. Tulis 0 bila memang "
        "nol.\n"
        "4. Baris JUMLAH/TOTAL: tepat di bawah baris rincian terakhir, dengan kata JUMLAH "
        "(atau TOTAL) di kolom nama/uraian, berisi jumlah seperti tercetak. Jangan beri "
        "baris kosong di antara rincian. Catatan 'Sumber data: ...' boleh di bawahnya.\n"
        "5. Sheet wajib: Identitas sampai Realisasi Belanja; sheet lain isi bila tabelnya "
        "ada di laporan.\n"
        "\n"
        "Isi tiap sheet:",
        "1. Fill each sheet from the printed tables of the performance report. Do not "
        "rename sheets or column headers (header rows are protected, without a password); "
        "data cells are free. Rows may be added. Hover over a header for its meaning, "
        "unit, format and an example.\n"
        "2. Numbers: rupiah without 'Rp' (5463337162 or 5.463.337.162,00); percentages "
        "and scores with a decimal comma and no % sign (97,69). Type figures as printed, "
        "derived ones too (totals, capaian, serapan): lakip recomputes them and points at "
        "the cells that differ.\n"
        "3. '-' or an empty cell means NOT FILLED, never zero. Type 0 when it is zero.\n"
        "4. JUMLAH/TOTAL rows: right below the last detail row, with the word JUMLAH (or "
        "TOTAL) in the name column and the total as printed. No blank rows between "
        "details. A 'Sumber data: ...' note may follow.\n"
        "5. Required sheets: Identitas to Realisasi Belanja; fill the others when the "
        "report has the table.\n"
        "\n"
        "Each sheet:",
    ),
    "template.instructions.optional": (" (opsional)", " (optional)"),
    "template.instructions.closing": (
        "Kirim berkas ini (.xlsx) kembali tanpa mengganti namanya. Setelah diperiksa, "
        "kecamatan menerima salinan berkasnya dengan sel bertanda merah (galat) dan "
        "kuning (peringatan), komentar di tiap sel, dan sheet Temuan.",
        "Send this file (.xlsx) back without renaming it. After the review the kecamatan "
        "gets its file back with red (error) and amber (warning) cells, a comment on "
        "each, and a Temuan sheet.",
    ),
}


# The published reports' words (schemas/text_report.py, kept apart for size).
TEXT.update({f"report.{key}": pair for key, pair in REPORT.items()})

SAME_IN_BOTH = frozenset(
    {
        "console.kecamatan",
        "console.status",
        "findings.xlsx.kecamatan",
        "findings.xlsx.sheet",
        "rules_md.head.title_en",  # the heading of the English titles, in both catalogs
        "status.head.kabupaten",
        "status.head.kecamatan",
        "status.summary",  # '12 kecamatan: ...', the state words inside are translated
        "pengiriman.head.kecamatan",
        "pengiriman.head.kabupaten",
        "feedback.col.no",
        "template.comment.format",
        "template.rule.money_title",  # 'Rupiah'
        *(
            f"report.{key}"
            for key in (
                "kabupaten", "n_kabupaten", "col_kecamatan", "col_kabupaten", "col_status",
                "col_rating", "total_kabupaten", "col_ikm", "col_predikat",
                "col_jumlah_indikator", "col_no", "col_target", "col_target_predikat",
                "col_jumlah_kecamatan",
            )
        ),
    }
)  # fmt: skip
"""Keys whose Indonesian word is also the English one (a name, a domain word, a code)."""

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


# ------------------------------------------------------------ column and sheet names
# A reader knows a column by the header printed in the workbook ('Pagu (Rp)'), never by
# lakip's column name ('pagu'); the template writes these headers (pipeline.template
# header_label gives the same, tests/test_messages.py checks it).

_ACRONYMS = {"iku", "ikm", "akip", "sdm", "pk"}
HEADER_OVERRIDES: dict[str, str] = {
    "no": "No.",
    "indikator": "Indikator Kinerja",
    "anggaran": "Anggaran (Rp)",
    "pagu": "Pagu (Rp)",
    "realisasi_anggaran": "Realisasi Anggaran (Rp)",
    "capaian": "Capaian (%)",
    "persen_kinerja": "% Kinerja",
    "persen_anggaran": "% Anggaran",
    "persen": "%",
    "persen_capaian": "% Capaian Kinerja",
    "persen_penyerapan": "% Penyerapan Anggaran",
    "tingkat_efisiensi": "Tingkat Efisiensi",
    "nama": "Program/Kegiatan",
    "kode": "Kode Rekening",
}


def title_words(name: str) -> str:
    """'capaian_iku' -> 'Capaian IKU': a name as words, acronyms in capitals."""
    return " ".join(w.upper() if w in _ACRONYMS else w.capitalize() for w in name.split("_"))


def header_label(table: str, column: str) -> str:
    """The header a reader sees for ``column`` of ``table`` ('Pagu (Rp)'); one ingest reads.

    A name the contract does not know (a predikat part, a made-up column) reads as words.
    """
    from schemas.contract import TABLE_BY_NAME, Kind, header_lookup, norm

    spec = TABLE_BY_NAME.get(table)
    base = column.removesuffix("_predikat")
    if spec is None or base not in {c.name for c in spec.columns}:
        return title_words(base)
    col = spec.column(base)
    lookup = header_lookup(spec)
    money_rp = f"{title_words(base)} (Rp)" if col.kind is Kind.MONEY else ""
    for label in (HEADER_OVERRIDES.get(base, ""), money_rp, title_words(base)):
        if label and lookup.get(norm(label)) == base:
            return label
    return title_words(base)


def sheet_title(table: str) -> str:
    """The sheet name a reader knows for ``table`` ('Capaian IKU'), one ingest reads."""
    from schemas.contract import norm, sheet_lookup

    label = title_words(table)
    return label if sheet_lookup().get(norm(label), table) == table else table


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


class Both(str):
    """A message in both languages (what ``str`` shows, for logs and API callers) that
    still knows each language alone, so the CLI shows the reader's (``--lang``) only."""

    texts: dict[str, str]

    def __new__(cls, text: str, texts: dict[str, str] | None = None) -> Both:
        made = super().__new__(cls, text)
        made.texts = dict(texts or {})
        return made

    def pick(self, lang: str) -> str:
        return self.texts.get(resolve(lang), str(self))


def both(key: str, form: str = BOTH, /, **values: object) -> Both:
    """Both languages in one message, for errors raised where no reader is known."""
    return both_of(lambda lang: t(key, lang, **values), form)


def both_of(message: Callable[[str], str], form: str = BOTH) -> Both:
    """Both languages of a message built per language (its parts translated too)."""
    texts = {lang: message(lang) for lang in LANGS}
    return Both(form.format(id=texts["id"], en=texts["en"]), texts)


def in_lang(exc: BaseException, lang: str) -> str:
    """An error's message in ``lang`` when it was raised with :func:`both`, else as raised."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first.pick(lang) if isinstance(first, Both) else str(exc)


def numbers(lang: str = DEFAULT_LANG) -> Numbers:
    """The number formatter of ``lang``: ``numbers("id").money(5463337162)``."""
    return _NUMBERS[resolve(lang)]
