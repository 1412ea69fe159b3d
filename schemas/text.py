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
    "findings.follows_from": (" Akibat dari {rule} {cell}.", " Follows from {rule} {cell}."),
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
            "  atau dipotong), tabel 3.10/3.16 |capaian - penyerapan|; laporan konsolidasi "
            "memakai\n"
            "  `formulas.efisiensi` = capaian - serapan untuk semua kecamatan.\n"
            "- **Polaritas.** Dari kolom `polaritas` PK atau `ValidateConfig.polaritas`, "
            "bawaan positif;\n"
            "  indikator negatif memakai `(2 x target - realisasi) / target x 100` "
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
            "  truncated), tables 3.10/3.16 |capaian - absorption|; the consolidated reports use\n"
            "  `formulas.efisiensi` = capaian - serapan for every kecamatan.\n"
            "- **Polarity.** From the PK `polaritas` column or `ValidateConfig.polaritas`, "
            "default\n"
            "  positif; negative indicators use `(2 x target - realisasi) / target x 100` "
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
        "Isi angka rupiah (>= 0), atau '-' bila memang tidak diisi.",
        "Enter a rupiah amount (>= 0), or '-' when it is not filled.",
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
        "5. Sheet wajib: identitas sampai realisasi_belanja; sheet lain isi bila tabelnya "
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
        "5. Required sheets: identitas to realisasi_belanja; fill the others when the "
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


# ------------------------------------------------------------------ the published reports
# Domain words with no fair English equivalent (kecamatan, kabupaten, pagu, IKM, AKIP,
# predikat) stay Indonesian on the English pages.
_REPORT: dict[str, tuple[str, str]] = {
    "percent_value": ("{value} %", "{value}%"),  # the space of Indonesian usage
    # site
    "site_title": ("Laporan Konsolidasi Kinerja Kecamatan", "Consolidated Kecamatan Performance"),
    "year": ("Tahun", "Year"),
    "kabupaten": ("Kabupaten", "Kabupaten"),
    "n_kabupaten": ("{n} kabupaten/kota", "{n} kabupaten/kota"),
    "footer": (
        "{wilayah} · Tahun {tahun} · disusun oleh lakip {version} dari gudang data "
        "(laporan kinerja kecamatan yang dimuat, versi terbaru masing-masing)",
        "{wilayah} · Year {tahun} · built by lakip {version} from the warehouse "
        "(the kecamatan performance reports loaded, latest version of each)",
    ),
    "banner": ("DATA SINTETIS — bukan data resmi", "SYNTHETIC DATA — not official"),
    "banner_detail": (
        "{n} dari {total} kecamatan di halaman ini berasal dari data buatan generator lakip "
        "(ditandai SINTETIS di barisnya). Angka-angka ini tidak boleh dikutip sebagai data "
        "pemerintah.",
        "{n} of the {total} kecamatan on this page come from the lakip generator's made-up "
        "data (marked SYNTHETIC on their rows). These figures must never be quoted as "
        "government data.",
    ),
    "banner_detail_one": (
        "Laporan kecamatan ini berasal dari data buatan generator lakip. Angka-angkanya tidak "
        "boleh dikutip sebagai data pemerintah.",
        "This kecamatan report comes from the lakip generator's made-up data. Its figures must "
        "never be quoted as government data.",
    ),
    "badge_sintetis": ("SINTETIS", "SYNTHETIC"),
    "all_years": ("Semua tahun", "All years"),
    "card_tahun": (
        "Ringkasan, capaian, anggaran, tren dan kualitas data",
        "Summary, achievement, budget, trends and data quality",
    ),
    "intro_tahun": (
        "Laporan konsolidasi setiap tahun yang ada di gudang data. Pilih tahun.",
        "The consolidated report of every year in the warehouse. Choose a year.",
    ),
    "nav_label": ("Halaman laporan", "Report pages"),
    "source": ("Sumber", "Source"),
    "formula": ("Rumus", "Formula"),
    "warehouse": ("gudang data lakip", "lakip warehouse"),
    # sources, in the reader's words: the LKjIP tables the figures were read from
    "src_ringkasan": (
        "LKjIP setiap kecamatan: tabel capaian IKU, program dan kegiatan, IKM dan nilai AKIP.",
        "Each kecamatan's LKjIP: the IKU achievement, programme and activity, IKM and AKIP tables.",
    ),
    "src_capaian": (
        "LKjIP setiap kecamatan: tabel capaian indikator kinerja utama (IKU).",
        "Each kecamatan's LKjIP: the key performance indicator (IKU) achievement table.",
    ),
    "src_efisiensi_kecamatan": (
        "LKjIP setiap kecamatan: tabel capaian IKU, program dan kegiatan, dan tabel efisiensi.",
        "Each kecamatan's LKjIP: the IKU achievement, programme and activity, and efficiency "
        "tables.",
    ),
    "src_efisiensi_sasaran": (
        "LKjIP setiap kecamatan: tabel efisiensi per sasaran dan tabel capaian IKU.",
        "Each kecamatan's LKjIP: the efficiency per objective and IKU achievement tables.",
    ),
    "src_anggaran": (
        "LKjIP setiap kecamatan: tabel realisasi anggaran menurut jenis belanja dan tabel "
        "program dan kegiatan.",
        "Each kecamatan's LKjIP: the budget realisation by type of expenditure and the "
        "programme and activity tables.",
    ),
    "src_realisasi_belanja": (
        "LKjIP setiap kecamatan: tabel realisasi anggaran menurut jenis belanja.",
        "Each kecamatan's LKjIP: the budget realisation by type of expenditure table.",
    ),
    "src_program": (
        "LKjIP setiap kecamatan: tabel program dan kegiatan (baris program).",
        "Each kecamatan's LKjIP: the programme and activity table (programme rows).",
    ),
    "src_tren_ikm": (
        "LKjIP setiap tahun: nilai IKM hasil survei, atau tabel tren IKU laporan terbaru.",
        "Each year's LKjIP: the surveyed IKM, or the IKU trend table of the latest report.",
    ),
    "src_tren_akip": (
        "LKjIP setiap tahun: tabel nilai AKIP, atau tabel tren IKU laporan terbaru.",
        "Each year's LKjIP: the AKIP score table, or the IKU trend table of the latest report.",
    ),
    "src_kualitas": (
        "Pemeriksaan otomatis lakip atas berkas yang dikirim setiap kecamatan.",
        "lakip's automatic checks of the file each kecamatan sent.",
    ),
    "no_rows": ("Tidak ada data untuk tahun ini.", "No data for this year."),
    "download_xlsx": (
        "Semua tabel dalam satu buku kerja Excel: ringkasan.xlsx",
        "All tables in one Excel workbook: ringkasan.xlsx",
    ),
    # pages
    "page_index": ("Ringkasan", "Summary"),
    "page_capaian": ("Capaian kinerja", "Performance achievement"),
    "page_efisiensi": ("Efisiensi", "Efficiency"),
    "page_anggaran": ("Realisasi anggaran", "Budget realisation"),
    "page_tren": ("Tren dan pembanding", "Trends and comparison"),
    "page_kualitas": ("Kualitas data", "Data quality"),
    "page_profil": ("Profil {kecamatan}", "Profile {kecamatan}"),
    "intro_profil": (
        "Kinerja, anggaran, tren dan temuan pemeriksaan {kecamatan} tahun {tahun}, satu halaman "
        "untuk dicetak.",
        "Performance, budget, trends and check findings of {kecamatan} for {tahun}, one page "
        "to print.",
    ),
    "page_temuan": ("Temuan {kecamatan}", "Findings {kecamatan}"),
    "intro_index": (
        "Rekap laporan kinerja (LKjIP) {n} kecamatan. Angka capaian, serapan dan efisiensi "
        "dihitung ulang dari angka target, realisasi, pagu dan realisasi anggaran yang "
        "dilaporkan, dengan rumus yang sama untuk setiap kecamatan; angka yang dicetak "
        "kecamatan ditampilkan di sampingnya.",
        "Summary of the performance reports (LKjIP) of {n} kecamatan. Achievement, absorption "
        "and efficiency are recomputed from the reported targets, results, budgets and "
        "spending, with the same formula for every kecamatan; the figures each kecamatan "
        "printed are shown beside them.",
    ),
    "intro_capaian": (
        "Setiap indikator kinerja utama (IKU) setiap kecamatan. Capaian dihitung ulang dari "
        "target dan realisasi; tanda ≠ menandai capaian tercetak yang berbeda dari hasil "
        "hitung, ≈ menandai selisih pembulatan.",
        "Every key performance indicator (IKU) of every kecamatan. Achievement is recomputed "
        "from target and result; ≠ marks a printed achievement that differs from the "
        "recomputed one, ≈ a rounding difference.",
    ),
    "intro_efisiensi": (
        "Efisiensi dihitung dengan satu rumus untuk semua kecamatan: capaian kinerja (%) "
        "dikurangi serapan anggaran (%). Angka efisiensi yang dicetak kecamatan, yang "
        "rumusnya berbeda-beda, ditampilkan di sampingnya dan tidak dibandingkan langsung.",
        "Efficiency uses one formula for every kecamatan: performance achievement (%) minus "
        "budget absorption (%). The efficiency each kecamatan printed, whose formulas vary, "
        "is shown beside it and not compared directly.",
    ),
    "intro_anggaran": (
        "Pagu, realisasi dan serapan anggaran: total kabupaten, lalu setiap kecamatan menurut "
        "jenis belanja dan menurut program. Batang menunjukkan serapan; garis tegak = 100 %, "
        "batang merah = melebihi pagu.",
        "Budget, spending and absorption: the kabupaten total, then each kecamatan by type "
        "of expenditure and by programme. Bars show absorption; the vertical line is 100%, "
        "a red bar is over budget.",
    ),
    "intro_tren": (
        "Nilai IKM dan AKIP setiap kecamatan dari tahun ke tahun (angka laporan tahun itu "
        "bila ada, selain itu tabel tren laporan terbaru sampai tahun ini), dan peringkat "
        "kecamatan pada tahun {tahun}.",
        "IKM and AKIP of every kecamatan over the years (that year's own report when loaded, "
        "otherwise the trend table of the latest report up to this year), and the ranking "
        "of the kecamatan in {tahun}.",
    ),
    "intro_kualitas": (
        "Hasil pemeriksaan otomatis setiap laporan: status, jumlah temuan per aturan, dan "
        "tautan ke daftar temuan (sel, angka seharusnya, angka tertulis, saran perbaikan).",
        "Automatic checks of every report: status, findings per rule, and a link to the list "
        "of findings (cell, expected and found figure, how to fix).",
    ),
    "intro_temuan": (
        "Semua temuan pemeriksaan laporan {kecamatan} tahun {tahun}, galat dahulu.",
        "Every finding of the checks of the {kecamatan} report for {tahun}, errors first.",
    ),
    "card_capaian": (
        "Setiap IKU setiap kecamatan: target, realisasi, capaian dihitung ulang, rating.",
        "Every IKU of every kecamatan: target, result, recomputed achievement, rating.",
    ),
    "card_efisiensi": (
        "Capaian kinerja − serapan anggaran, per kecamatan, program dan sasaran.",
        "Performance − budget absorption, per kecamatan, programme and objective.",
    ),
    "card_anggaran": (
        "Pagu, realisasi dan serapan: total kabupaten, jenis belanja, program.",
        "Budget, spending and absorption: kabupaten total, expenditure type, programme.",
    ),
    "card_tren": (
        "IKM dan AKIP dari tahun ke tahun, peringkat dan pembanding antarkecamatan.",
        "IKM and AKIP over the years, ranking and comparison across kecamatan.",
    ),
    "card_kualitas": (
        "Status pemeriksaan setiap laporan dan daftar temuannya.",
        "Check status of every report and its list of findings.",
    ),
    "no_findings": ("Tidak ada temuan: laporan ini bersih.", "No findings: this report is clean."),
    "back_kualitas": ("← Kembali ke Kualitas data", "← Back to Data quality"),
    "legend_rating": (
        "Rating capaian (Permendagri 86/2017, interval setengah terbuka): ≥ 91 Sangat Tinggi; "
        "76 – < 91 Tinggi; 66 – < 76 Sedang; 51 – < 66 Rendah; < 51 Sangat Rendah.",
        "Achievement rating (Permendagri 86/2017, half-open intervals): ≥ 91 Very high; "
        "76 – < 91 High; 66 – < 76 Medium; 51 – < 66 Low; < 51 Very low.",
    ),
    # glossary: (term, definition, source) per entry
    "page_glosarium": ("Glosarium", "Glossary"),
    "intro_glosarium": (
        "Arti setiap ukuran di laporan ini, cara menghitungnya dan dasar aturannya.",
        "What each measure in this report means, how it is computed and where it comes from.",
    ),
    "card_glosarium": (
        "Capaian, serapan, efisiensi, IKM, AKIP dan predikat: arti, rumus dan dasarnya.",
        "Achievement, absorption, efficiency, IKM, AKIP and predikat: meaning, formula, source.",
    ),
    "glos_term": ("Istilah", "Term"),
    "glos_meaning": ("Arti dan rumus", "Meaning and formula"),
    "glos_source": ("Dasar", "Source"),
    "glos_capaian": (
        "Capaian kinerja|Seberapa jauh target indikator kinerja tercapai: realisasi ÷ target "
        "× 100 %. Untuk indikator yang makin kecil makin baik: (2 × target − realisasi) ÷ target "
        "× 100 %. Rating: ≥ 91 Sangat Tinggi; 76 sampai < 91 Tinggi; 66 sampai < 76 Sedang; 51 "
        "sampai < 66 Rendah; < 51 Sangat Rendah.|PermenPAN-RB 53/2014 (LKjIP); PermenPAN-RB "
        "6/2022 (indikator negatif); Permendagri 86/2017 (rating)",
        "Achievement|How far an indicator's target was reached: result ÷ target × 100 %. For an "
        "indicator where lower is better: (2 × target − result) ÷ target × 100 %. Rating: ≥ 91 "
        "Very high; 76 to < 91 High; 66 to < 76 Medium; 51 to < 66 Low; < 51 Very low.|"
        "PermenPAN-RB 53/2014 (LKjIP); PermenPAN-RB 6/2022 (negative indicators); Permendagri "
        "86/2017 (rating)",
    ),
    "glos_serapan": (
        "Serapan anggaran|Bagian pagu yang sudah dibelanjakan: realisasi anggaran ÷ pagu × 100 %. "
        "Serapan di bawah {batas} ditandai serapan rendah; di atas 100 % berarti melebihi pagu.|"
        "Tabel realisasi anggaran dan tabel program dan kegiatan LKjIP (PermenPAN-RB 53/2014)",
        "Budget absorption|The share of the budget (pagu) that was spent: spending ÷ budget × "
        "100 %. Absorption below {batas} is flagged as low absorption; above 100 % is over "
        "budget.|The budget realisation and programme tables of the LKjIP (PermenPAN-RB 53/2014)",
    ),
    "glos_efisiensi": (
        "Efisiensi|Capaian kinerja dikurangi serapan anggaran, dalam poin persen: hasil lebih "
        "besar dari uang yang dipakai berarti efisien. Lebih dari +5 Efisien; −5 sampai +5 "
        "Cukup efisien; kurang dari −5 Tidak efisien. Tidak ada rumus resmi tunggal: laporan ini "
        "memakai satu rumus yang sama untuk semua kecamatan.|Praktik SAKIP daerah (varian selisih "
        "capaian − serapan)",
        "Efficiency|Performance achievement minus budget absorption, in percentage points: more "
        "result than money used is efficient. Above +5 Efficient; −5 to +5 Fairly efficient; "
        "below −5 Not efficient. There is no single official formula: this report uses one "
        "formula for every kecamatan.|Regional SAKIP practice (the achievement − absorption "
        "variant)",
    ),
    "glos_ikm": (
        "IKM (Indeks Kepuasan Masyarakat)|Kepuasan warga atas pelayanan kecamatan: rata-rata "
        "nilai 9 unsur pelayanan (1 sampai 4) × 25, skala 25 sampai 100. Mutu: A 88,31–100; B "
        "76,61–88,30; C 65,00–76,60; D 25,00–64,99.|PermenPAN-RB 14/2017",
        "IKM (community satisfaction index)|Residents' satisfaction with the kecamatan's "
        "services: the mean score of 9 service elements (1 to 4) × 25, on a 25 to 100 scale. "
        "Grade: A 88.31–100; B 76.61–88.30; C 65.00–76.60; D 25.00–64.99.|PermenPAN-RB 14/2017",
    ),
    "glos_akip": (
        "Nilai AKIP|Nilai hasil evaluasi Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) "
        "kecamatan, 0 sampai 100: jumlah nilai komponennya (perencanaan, pengukuran, pelaporan, "
        "evaluasi internal, capaian).|PermenPAN-RB 88/2021",
        "AKIP score|The score of the evaluation of the kecamatan's performance accountability "
        "(SAKIP), 0 to 100: the sum of its component scores (planning, measurement, reporting, "
        "internal evaluation, results).|PermenPAN-RB 88/2021",
    ),
    "glos_predikat": (
        "Predikat AKIP|Huruf dari nilai AKIP: di atas 90 AA; di atas 80 A; di atas 70 BB; di "
        "atas 60 B; di atas 50 CC; di atas 30 C; selain itu D.|PermenPAN-RB 88/2021",
        "AKIP predikat|The letter grade of the AKIP score: above 90 AA; above 80 A; above 70 BB; "
        "above 60 B; above 50 CC; above 30 C; else D.|PermenPAN-RB 88/2021",
    ),
    "glos_status": (
        "Status data|Hasil pemeriksaan otomatis berkas kecamatan: bersih (tanpa temuan), "
        "hanya peringatan, atau galat (ada angka yang salah atau tidak terbaca). Hanya kecamatan "
        "tanpa galat yang diperingkat.|Pemeriksaan lakip (daftar aturan pemeriksaan)",
        "Data status|The result of lakip's automatic checks of the kecamatan's file: clean (no "
        "findings), warnings only, or errors (a figure that is wrong or unreadable). Only "
        "kecamatan without errors are ranked.|lakip's checks (the list of checking rules)",
    ),
    # common columns
    "col_kecamatan": ("Kecamatan", "Kecamatan"),
    "col_kabupaten": ("Kabupaten", "Kabupaten"),
    "col_kode_wilayah": ("Kode wilayah", "Area code"),
    "col_sintetis": ("Data sintetis", "Synthetic data"),
    "col_status": ("Status", "Status"),
    "col_pagu": ("Pagu", "Budget (pagu)"),
    "col_realisasi_anggaran": ("Realisasi", "Spent"),
    "col_sisa": ("Sisa", "Unspent"),
    "col_serapan": ("Serapan", "Absorption"),
    "col_serapan_bar": ("Serapan (grafik)", "Absorption (bar)"),
    "col_serapan_tercetak": ("Serapan tercetak", "Printed absorption"),
    "col_banding": ("Cek", "Check"),
    "col_capaian": ("Capaian", "Achievement"),
    "col_capaian_tercetak": ("Capaian tercetak", "Printed achievement"),
    "col_rating": ("Rating", "Rating"),
    "col_efisiensi": ("Efisiensi", "Efficiency"),
    "col_kategori": ("Kategori", "Category"),
    "col_efisiensi_tercetak": ("Efisiensi tercetak", "Printed efficiency"),
    "spanner_hitung": ("Dihitung ulang (lakip)", "Recomputed (lakip)"),
    "spanner_rumus": ("Menurut rumus lakip", "By the lakip formula"),
    "spanner_tercetak": ("Dicetak kecamatan", "Printed by the kecamatan"),
    "total": ("Jumlah", "Total"),
    "total_kabupaten": ("Total {wilayah}", "Total {wilayah}"),
    "yes": ("ya", "yes"),
    "page_of": ("Halaman &P dari &N", "Page &P of &N"),
    "no": ("tidak", "no"),
    # marks (status_banding)
    "mark_ok": ("✓ sama", "✓ same"),
    "mark_rounding": ("≈ pembulatan", "≈ rounding"),
    "mark_mismatch": ("≠ berbeda", "≠ differs"),
    "col_catatan": ("Catatan", "Note"),
    "mark_lebih": ("melebihi pagu", "over budget"),
    "mark_rinci_lebih": ("ada kegiatan melebihi pagu", "an activity over budget"),
    "col_rinci_lebih": ("Kegiatan/sub melebihi pagu", "Activities over budget"),
    # ringkasan
    "t_ringkasan_kabupaten": ("Ringkasan kabupaten", "Kabupaten summary"),
    "sheet_ringkasan_kabupaten": ("Ringkasan kabupaten", "Kabupaten summary"),
    "spanner_masuk": ("Laporan masuk", "Reports in"),
    "col_n_bersih": ("Bersih", "Clean"),
    "col_n_peringatan": ("Hanya peringatan", "Warnings only"),
    "col_n_galat": ("Galat", "Errors"),
    "col_n_masuk": ("Jumlah", "Total"),
    "col_n_belum": ("Belum masuk", "Not yet in"),
    "col_n_diharapkan": ("Kecamatan menurut referensi nasional", "Kecamatan per national list"),
    "f_ringkasan_kabupaten": (
        "serapan = jumlah realisasi anggaran program ÷ jumlah pagu program × 100; rata-rata "
        "capaian = rata-rata capaian IKU semua kecamatan yang masuk; belum masuk = kecamatan "
        "menurut daftar wilayah nasional yang belum mengirim laporan tahun ini (kosong bila "
        "kabupaten tidak ada di daftar).",
        "absorption = total programme spending ÷ total programme budget × 100; mean "
        "achievement = the mean IKU achievement of every kecamatan in; not yet in = the "
        "kecamatan of the national list that have not sent this year's report (empty when the "
        "kabupaten is not on the list).",
    ),
    "src_ringkasan_kabupaten": (
        "LKjIP setiap kecamatan; daftar kecamatan nasional (Kepmendagri).",
        "Each kecamatan's LKjIP; the national kecamatan list (Kepmendagri).",
    ),
    "chart_serapan": ("Serapan anggaran per kecamatan", "Budget absorption per kecamatan"),
    "chart_capaian": (
        "Rata-rata capaian IKU per kecamatan",
        "Mean IKU achievement per kecamatan",
    ),
    "chart_jenis": ("Pagu menurut jenis belanja", "Budget by type of expenditure"),
    "chart_program": ("Pagu menurut program", "Budget by programme"),
    "chart_tren_ikm": ("Nilai IKM per tahun", "IKM score by year"),
    "chart_tren_akip": ("Nilai AKIP per tahun", "AKIP score by year"),
    "chart_tren_serapan": ("Serapan anggaran per tahun", "Budget absorption by year"),
    "chart_rata_kabupaten": ("Rata-rata kecamatan", "Mean of the kecamatan"),
    "chart_terendah": ("Terendah", "Lowest"),
    "chart_tertinggi": ("Tertinggi", "Highest"),
    "kpi_pagu": ("Total pagu", "Total budget"),
    "kpi_realisasi": ("Total realisasi", "Total spent"),
    "kpi_serapan": ("Serapan", "Absorption"),
    "kpi_capaian": ("Rata-rata capaian IKU", "Mean IKU achievement"),
    "kpi_masuk": ("Laporan masuk", "Reports in"),
    "kpi_masuk_detail": (
        "{bersih} bersih · {peringatan} hanya peringatan · {galat} galat · {belum} belum masuk",
        "{bersih} clean · {peringatan} warnings only · {galat} errors · {belum} not yet in",
    ),
    "kpi_dari": ("{masuk} dari {diharapkan} kecamatan", "{masuk} of {diharapkan} kecamatan"),
    "t_ringkasan": ("Ringkasan per kecamatan", "Summary per kecamatan"),
    "col_rata_capaian": ("Rata-rata capaian IKU", "Mean IKU achievement"),
    "col_ikm": ("IKM", "IKM"),
    "col_mutu": ("Mutu", "Grade"),
    "col_akip": ("Nilai AKIP", "AKIP score"),
    "col_predikat": ("Predikat", "Predikat"),
    "col_jumlah_indikator": ("IKU", "IKU"),
    "f_ringkasan": (
        "capaian = realisasi ÷ target × 100 (indikator yang makin kecil makin baik: (2 × "
        "target − realisasi) ÷ target × 100), rata-rata semua IKU kecamatan; serapan = jumlah"
        " realisasi anggaran program ÷ jumlah pagu program × 100; efisiensi = capaian − "
        "serapan, dalam poin persen; mutu IKM dari nilai IKM yang dicetak (PermenPAN-RB "
        "14/2017); predikat AKIP dari nilai AKIP terakhir yang dicetak (PermenPAN-RB "
        "88/2021).",
        "achievement = result ÷ target × 100 (for an indicator where lower is better: (2 × "
        "target − result) ÷ target × 100), the mean over the kecamatan's IKU; absorption = "
        "total programme spending ÷ total programme budget × 100; efficiency = achievement − "
        "absorption, in percentage points; IKM grade from the printed IKM (PermenPAN-RB "
        "14/2017); AKIP predikat from the latest printed AKIP score (PermenPAN-RB 88/2021).",
    ),
    # capaian
    "t_capaian": ("Capaian kinerja per indikator", "Performance achievement per indicator"),
    "col_indikator": ("Indikator", "Indicator"),
    "col_no": ("No", "No"),
    "col_sasaran": ("Sasaran strategis", "Strategic objective"),
    "col_satuan": ("Satuan", "Unit"),
    "col_polaritas": ("Polaritas", "Polarity"),
    "col_target": ("Target", "Target"),
    "col_realisasi": ("Realisasi", "Result"),
    "col_target_predikat": ("Target (predikat)", "Target (predikat)"),
    "col_realisasi_predikat": ("Realisasi (predikat)", "Result (predikat)"),
    "col_status_banding": ("Status banding", "Comparison"),
    "positif": ("positif", "positive"),
    "negatif": ("negatif", "negative"),
    "f_capaian": (
        "capaian = realisasi ÷ target × 100; polaritas negatif: (2 × target − realisasi) ÷ "
        "target × 100 (PermenPAN-RB 6/2022); target 0 atau berupa predikat: tidak dihitung. "
        "Banding setelah pembulatan setengah ke atas ke 2 desimal; selisih 0,01 = pembulatan.",
        "achievement = result ÷ target × 100; negative polarity: (2 × target − result) ÷ "
        "target × 100 (PermenPAN-RB 6/2022); target 0 or a predikat: not computed. Compared "
        "after rounding half-up to 2 decimals; a difference of 0.01 = rounding.",
    ),
    # efisiensi
    "t_efisiensi_kecamatan": ("Efisiensi per kecamatan", "Efficiency per kecamatan"),
    "t_efisiensi_program": ("Efisiensi per program", "Efficiency per programme"),
    "t_efisiensi_sasaran": (
        "Efisiensi per sasaran (tabel efisiensi kecamatan)",
        "Efficiency per objective (the kecamatan's efficiency table)",
    ),
    "col_program": ("Program", "Programme"),
    "sheet_efisiensi_sasaran": ("Efisiensi per sasaran", "Efficiency per objective"),
    "col_kode": ("Kode", "Code"),
    "col_capaian_kinerja": ("Capaian kinerja", "Performance"),
    "col_penyerapan_tercetak": ("Penyerapan tercetak", "Printed absorption"),
    "col_rata_efisiensi_tercetak": (
        "Rata-rata efisiensi tercetak (per sasaran)",
        "Mean printed efficiency (per objective)",
    ),
    "col_rata_capaian_tercetak": ("Rata-rata capaian tercetak", "Mean printed achievement"),
    "f_efisiensi": (
        "efisiensi = capaian kinerja (%) − serapan anggaran (%), dalam poin persen: lebih "
        "dari +5 Efisien, −5 sampai +5 Cukup efisien, kurang dari −5 Tidak efisien; rumus "
        "yang sama untuk semua kecamatan (lihat Glosarium).",
        "efficiency = performance achievement (%) − budget absorption (%), in percentage "
        "points: above +5 Efficient, −5 to +5 Fairly efficient, below −5 Not efficient; the "
        "same formula for every kecamatan (see the Glossary).",
    ),
    "f_efisiensi_kecamatan": (
        "capaian kinerja = rata-rata capaian IKU yang dihitung ulang; serapan = jumlah "
        "realisasi anggaran program ÷ jumlah pagu program × 100.",
        "performance = mean recomputed IKU achievement; absorption = total programme spending"
        " ÷ total programme budget × 100.",
    ),
    "f_efisiensi_program": (
        "capaian kinerja = realisasi kinerja ÷ target kinerja × 100 (indikator program); "
        "serapan = realisasi anggaran ÷ pagu × 100.",
        "performance = performance result ÷ performance target × 100 (programme indicator); "
        "absorption = spending ÷ budget × 100.",
    ),
    "f_efisiensi_sasaran": (
        "capaian kinerja = capaian IKU yang dihitung ulang untuk indikator sasaran itu "
        "(kosong bila indikatornya tidak ada di tabel capaian IKU); serapan = penyerapan "
        "yang dicetak kecamatan (tidak dapat dihitung ulang: tabel ini tidak menyebut "
        "program sasarannya).",
        "performance = the recomputed IKU achievement of the objective's indicator (empty "
        "when it is not in the IKU table); absorption = as printed by the kecamatan (cannot "
        "be recomputed: the table does not name the objective's programmes).",
    ),
    # anggaran
    "t_anggaran_kabupaten": ("Realisasi anggaran kabupaten", "Budget realisation, kabupaten"),
    "t_anggaran_jenis": (
        "Realisasi anggaran per kecamatan menurut jenis belanja",
        "Budget realisation per kecamatan by type of expenditure",
    ),
    "t_anggaran_program": (
        "Realisasi anggaran per kecamatan menurut program",
        "Budget realisation per kecamatan by programme",
    ),
    "sheet_anggaran_kabupaten": ("Anggaran kabupaten", "Budget, kabupaten"),
    "sheet_anggaran_jenis": ("Anggaran jenis belanja", "Budget by expenditure type"),
    "sheet_anggaran_program": ("Anggaran program", "Budget by programme"),
    "col_uraian": ("Uraian", "Item"),
    "col_kelompok": ("Kelompok", "Group"),
    "col_jenis_belanja": ("Jenis belanja", "Type of expenditure"),
    "col_jumlah_kecamatan": ("Kecamatan", "Kecamatan"),
    "group_jenis": ("Menurut jenis belanja", "By type of expenditure"),
    "group_program": ("Menurut program", "By programme"),
    "f_anggaran": (
        "serapan = realisasi ÷ pagu × 100; sisa = pagu − realisasi; jumlah dihitung tepat "
        "sampai sen dari baris-barisnya, bukan diambil dari angka JUMLAH yang dicetak.",
        "absorption = spending ÷ budget × 100; unspent = budget − spending; totals are added "
        "up exactly to the sen from the rows, not taken from the printed totals.",
    ),
    "f_anggaran_kabupaten": (
        "Program dikelompokkan menurut kode program kecamatan (Kepmendagri 050-5889/2021; "
        "dikenali dari nama bila kodenya kosong); jenis belanja menurut Permendagri 90/2019. "
        "Jumlah menurut jenis belanja dan menurut program bisa berbeda bila laporan "
        "kecamatan tidak konsisten (lihat Kualitas data).",
        "Programmes are grouped by kecamatan programme code (Kepmendagri 050-5889/2021; "
        "recognised by name when the code is empty); types of expenditure per Permendagri "
        "90/2019. The totals by type and by programme can differ when a kecamatan report is "
        "inconsistent (see Data quality).",
    ),
    # tren
    "t_tren_ikm": (
        "Tren Indeks Kepuasan Masyarakat (IKM)",
        "Trend of the IKM (satisfaction index)",
    ),
    "t_tren_akip": ("Tren nilai evaluasi AKIP", "Trend of the AKIP evaluation score"),
    "t_peringkat": ("Peringkat kecamatan {tahun}", "Ranking of the kecamatan, {tahun}"),
    "t_pembanding": (
        "Pembanding capaian IKU antarkecamatan {tahun}",
        "IKU achievement compared across kecamatan, {tahun}",
    ),
    "col_tren": ("Tren", "Trend"),
    "sheet_pembanding": ("Pembanding IKU", "IKU comparison"),
    "col_peringkat": ("Peringkat", "Rank"),
    "col_keterangan": ("Keterangan", "Note"),
    "tidak_diperingkat": (
        "tidak diperingkat: laporan memuat {n} galat",
        "not ranked: the report has {n} errors",
    ),
    "tidak_diperingkat_kosong": (
        "tidak diperingkat: realisasi tidak ada",
        "not ranked: no result",
    ),
    "serapan_rendah": ("serapan rendah", "low absorption"),
    "f_serapan_rendah": (
        "Serapan di bawah {batas} ditandai serapan rendah, apa pun kategori efisiensinya: "
        "efisiensi yang tinggi karena anggaran tidak terpakai bukan penghematan.",
        "Absorption below {batas} is flagged as low absorption, whatever the efficiency "
        "category: a high efficiency from budget left unspent is not a saving.",
    ),
    "col_catatan_serapan": ("Catatan serapan", "Absorption note"),
    "col_peringkat_akip": ("Peringkat AKIP", "AKIP rank"),
    "col_peringkat_ikm": ("Peringkat IKM", "IKM rank"),
    "col_peringkat_capaian": ("Peringkat capaian", "Achievement rank"),
    "col_rata_kabupaten": ("Rata-rata kabupaten", "Kabupaten mean"),
    "col_selisih_rata": ("Selisih dari rata-rata", "Difference from mean"),
    "col_jumlah_pembanding": ("Jumlah kecamatan", "Kecamatan compared"),
    "f_tren_ikm": (
        "IKM = nilai IKM tercetak (rata-rata 9 unsur × 25, PermenPAN-RB 14/2017); mutu: "
        "A 88,31–100; B 76,61–88,30; C 65,00–76,60; D 25,00–64,99.",
        "IKM = printed IKM (mean of the 9 unsur × 25, PermenPAN-RB 14/2017); grade: "
        "A 88.31–100; B 76.61–88.30; C 65.00–76.60; D 25.00–64.99.",
    ),
    "f_tren_akip": (
        "nilai AKIP yang dicetak di tabel nilai AKIP (bila kosong: jumlah nilai komponennya; "
        "bila tahun itu tidak ada: realisasi indikator nilai AKIP di tabel tren IKU); "
        "predikat dari nilai (PermenPAN-RB 88/2021): di atas 90 AA, di atas 80 A, di atas 70 "
        "BB, di atas 60 B, di atas 50 CC, di atas 30 C, selain itu D.",
        "the AKIP score printed in the AKIP table (when empty: the sum of its component "
        "scores; when the year is missing: the result of the AKIP indicator in the IKU trend "
        "table); predikat from the score (PermenPAN-RB 88/2021): above 90 AA, above 80 A, "
        "above 70 BB, above 60 B, above 50 CC, above 30 C, else D.",
    ),
    "f_peringkat": (
        "Peringkat dalam kabupaten (1 = terbaik; nilai sama = peringkat sama) menurut nilai "
        "AKIP, lalu menurut IKM: keduanya ukuran yang sama untuk semua kecamatan. Capaian "
        "tidak diperingkat karena diukur terhadap target masing-masing kecamatan. Hanya "
        "laporan tanpa galat yang diperingkat; yang lain ada di bawah dengan alasannya.",
        "Rank within the kabupaten (1 = best; ties share a rank) by AKIP score, then by IKM: "
        "both measure every kecamatan the same way. Achievement is not ranked because it is "
        "measured against each kecamatan's own target. Only reports without errors are "
        "ranked; the others are listed below with the reason.",
    ),
    "f_pembanding": (
        "Peringkat per indikator dalam kabupaten menurut realisasi (hasil yang dicapai, dalam"
        " satuan indikator; untuk indikator yang makin kecil makin baik, realisasi terkecil "
        "terbaik), bukan menurut capaian, agar target yang rendah tidak menaikkan peringkat; "
        "target dan capaian ditampilkan di sampingnya. Hanya laporan tanpa galat yang "
        "diperingkat. Indikator disamakan menurut namanya tanpa singkatan dalam kurung.",
        "Rank per indicator within the kabupaten by result (what was achieved, in the "
        "indicator's unit; for an indicator where lower is better, the lowest result is "
        "best), not by achievement, so that a low target does not lift a rank; target and "
        "achievement are shown beside it. Only reports without errors are ranked. Indicators "
        "are matched by name without bracketed abbreviations.",
    ),
    # kualitas
    "t_kualitas": ("Kualitas data per kecamatan", "Data quality per kecamatan"),
    "t_aturan": ("Temuan menurut aturan", "Findings by rule"),
    "t_temuan": ("Daftar temuan", "Findings"),
    "col_galat": ("Galat", "Errors"),
    "col_peringatan": ("Peringatan", "Warnings"),
    "col_temuan": ("Temuan", "Findings"),
    "col_lihat": ("Daftar temuan", "List of findings"),
    "lihat": ("lihat {n} temuan", "see {n} findings"),
    "lihat_bersih": ("tidak ada temuan", "no findings"),
    "spanner_aturan": ("Jumlah temuan per aturan", "Findings per rule"),
    "col_aturan": ("Aturan", "Rule"),
    "col_aturan_dilanggar": ("Temuan menurut aturan", "Findings by rule"),
    "col_tingkat": ("Tingkat", "Severity"),
    "col_judul": ("Judul", "Title"),
    "col_sel": ("Sel", "Cell"),
    "col_tentang": ("Tentang", "About"),
    "col_seharusnya": ("Seharusnya", "Expected"),
    "col_tertulis": ("Tertulis", "Found"),
    "col_pesan": ("Pesan", "Message"),
    "col_saran": ("Saran perbaikan", "How to fix"),
    "col_jumlah_temuan": ("Jumlah temuan", "Findings"),
    "bersih": ("bersih", "clean"),
    "peringatan": ("peringatan", "warnings"),
    "galat": ("galat", "errors"),
    "error": ("galat", "error"),
    "warning": ("peringatan", "warning"),
    "f_kualitas": (
        "status: galat bila ada paling sedikit satu temuan tingkat galat, peringatan bila "
        "hanya ada peringatan, bersih bila tidak ada temuan. Judul setiap aturan tertera di "
        "sampingnya; penjelasan lengkap ada di daftar aturan pemeriksaan lakip.",
        "status: errors when there is at least one error-level finding, warnings when there "
        "are only warnings, clean when there are none. Each rule's title is shown beside it; "
        "the full explanation is in lakip's list of checking rules.",
    ),
    "f_temuan": (
        "Sel = lembar!sel pada berkas yang dikirim kecamatan; seharusnya = angka hasil hitung"
        " ulang lakip; tertulis = angka di berkas.",
        "Cell = sheet!cell in the file the kecamatan sent; expected = the figure lakip "
        "recomputed; found = the figure in the file.",
    ),
}
TEXT.update({f"report.{key}": pair for key, pair in _REPORT.items()})

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
