"""The catalog of rules: every finding lakip can emit has a stable code here.

Like frictionless-py's error catalog, a code never changes meaning once released;
a rule that changes meaning gets a new code. Each rule has a title and a message
template in Bahasa Indonesia and English, a severity, the tables it reads, a fix
hint, and (for recomputations) its formula and tolerance in the docstring-like
``formula`` field.

Templates use ``{expected}``, ``{found}``, ``{label}``, ``{column}``, ``{cell}``,
``{detail}``, ``{table}``, ``{sheet}`` from the finding's columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl


@dataclass(frozen=True)
class Rule:
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
    check: Callable[..., pl.DataFrame] | None = field(default=None, compare=False)

    def title(self, lang: str) -> str:
        return self.title_id if lang == "id" else self.title_en


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"duplicate rule code {rule.code}")
    RULES[rule.code] = rule
    return rule


# ------------------------------------------------------------------ ingest (ING)

register(Rule(
    "ING001", "error",
    "Berkas tidak dapat dibaca", "File cannot be read",
    "Berkas {cell} tidak dapat dibaca sebagai workbook/CSV: {detail}.",
    "File {cell} cannot be read as a workbook/CSV: {detail}.",
    "Simpan ulang sebagai .xlsx (Excel 2007+) atau folder CSV UTF-8, lalu kirim kembali.",
    "Save it again as .xlsx (Excel 2007+) or a folder of UTF-8 CSV files and resubmit.",
))  # fmt: skip
register(Rule(
    "ING002", "error",
    "Sheet wajib tidak ada", "Required sheet missing",
    "Sheet wajib '{table}' tidak ditemukan.",
    "Required sheet '{table}' not found.",
    "Tambahkan sheet '{table}' sesuai format baku pengiriman (docs/submission-format.md).",
    "Add the sheet '{table}' as the submission format describes.",
))  # fmt: skip
register(Rule(
    "ING003", "warning",
    "Sheet tidak dikenal, tidak dimuat", "Unknown sheet, not loaded",
    "Sheet '{found}' tidak cocok dengan tabel mana pun dan isinya tidak dimuat.",
    "Sheet '{found}' matches no table of the format; its contents were not loaded.",
    "Ganti nama sheet sesuai format baku, atau hapus bila memang bukan data.",
    "Rename the sheet to a table of the format, or remove it if it holds no data.",
))  # fmt: skip
register(Rule(
    "ING004", "error",
    "Baris judul kolom tidak ditemukan", "Header row not found",
    "Sheet '{sheet}' tidak memiliki baris judul kolom yang dikenali (diharapkan: {detail}).",
    "Sheet '{sheet}' has no recognisable header row (expected: {detail}).",
    "Beri judul kolom sesuai format baku di atas data.",
    "Put the column names of the format in a row above the data.",
))  # fmt: skip
register(Rule(
    "ING005", "error",
    "Kolom wajib tidak ada", "Required column missing",
    "Kolom wajib '{column}' tidak ada di sheet '{sheet}'.",
    "Required column '{column}' is missing from sheet '{sheet}'.",
    "Tambahkan kolom '{column}' pada baris judul.",
    "Add the column '{column}' to the header row.",
))  # fmt: skip
register(Rule(
    "ING006", "warning",
    "Kolom tidak dikenal, isinya tidak dimuat", "Unknown column, values not loaded",
    "Kolom '{found}' di {cell} tidak dikenal; {detail} nilainya tidak dimuat.",
    "Column '{found}' at {cell} is not part of the format; its {detail} values were not loaded.",
    "Ganti judul kolom dengan nama baku, atau pindahkan isinya ke kolom yang benar.",
    "Rename the column to its name in the format, or move its values to the right column.",
))  # fmt: skip
register(Rule(
    "ING007", "error",
    "Angka tidak terbaca", "Unreadable number",
    "Sel {cell} ('{column}') berisi '{found}', bukan angka yang sah untuk kolom ini.",
    "Cell {cell} ('{column}') holds '{found}', not a valid number for this column.",
    "Isi dengan angka (mis. 5.463.337.162,00 atau 97,69), atau '-' bila memang tidak diisi.",
    "Enter a number (e.g. 5.463.337.162,00 or 97,69), or '-' if it is not filled.",
))  # fmt: skip
register(Rule(
    "ING008", "warning",
    "Angka bermakna ganda", "Ambiguous number",
    "Sel {cell} berisi '{found}': dibaca sebagai {expected}, tetapi bisa juga ribuan.",
    "Cell {cell} holds '{found}': read as {expected}, but it could also be thousands.",
    "Tulis desimal dengan koma (97,69) dan ribuan dengan titik (1.234).",
    "Write decimals with a comma (97,69) and thousands with a dot (1.234).",
))  # fmt: skip
register(Rule(
    "ING009", "warning",
    "Catatan berisi angka tidak dimuat", "Note holding numbers not loaded",
    "Baris catatan {cell} berisi angka yang tidak dimuat: '{found}'.",
    "Note row {cell} holds numbers that were not loaded: '{found}'.",
    "Bila angka itu data, pindahkan ke baris tabel; bila catatan, abaikan peringatan ini.",
    "If those numbers are data, move them into the table; if it is a note, ignore this.",
))  # fmt: skip
register(Rule(
    "ING010", "error",
    "Tabel yang sama di dua sheet", "Same table in two sheets",
    "Sheet '{found}' dan '{expected}' sama-sama tabel '{table}'; hanya '{expected}' dimuat.",
    "Sheets '{found}' and '{expected}' are both table '{table}'; only '{expected}' was loaded.",
    "Gabungkan keduanya dalam satu sheet.",
    "Merge them into one sheet.",
))  # fmt: skip
register(Rule(
    "ING011", "warning",
    "Berkas ganda dalam satu kiriman", "Duplicate file in one run",
    "Berkas {found} sama persis (sha256) dengan {expected}; hanya dibaca sekali.",
    "File {found} is byte-identical (sha256) to {expected}; it was read once.",
    "Hapus salinan yang tidak perlu dari folder raw/.",
    "Remove the unneeded copy from the raw/ folder.",
    tables=(),
    formula="sha256(berkas) = sha256(berkas lain)",
))  # fmt: skip
register(Rule(
    "ING012", "warning",
    "Angka dibaca sebagai ribuan", "Number read as thousands",
    "Sel {cell} berisi '{found}': dibaca sebagai {expected} (titik = pemisah ribuan), "
    "tetapi bisa juga desimal {detail}.",
    "Cell {cell} holds '{found}': read as {expected} (the dot groups thousands), "
    "but it could also be the decimal {detail}.",
    "Tulis ribuan dengan titik tanpa desimal (6.547) atau desimal dengan koma (6,547).",
    "Write thousands with a dot (6.547) or decimals with a comma (6,547).",
))  # fmt: skip
register(Rule(
    "ING013", "error",
    "Pengodean berkas CSV tidak dikenali", "CSV encoding not recognised",
    "Berkas {cell} bukan UTF-8, UTF-16 atau Windows-1252 ({found}); huruf yang tidak terbaca"
    " ditandai '\ufffd'.",
    "File {cell} is not UTF-8, UTF-16 or Windows-1252 ({found}); characters that could not be"
    " read are marked '\ufffd'.",
    "Simpan ulang dari Excel sebagai 'CSV UTF-8 (Comma delimited)' lalu kirim ulang.",
    "Save it again from Excel as 'CSV UTF-8 (Comma delimited)' and send it again.",
))  # fmt: skip
register(Rule(
    "ING014", "error",
    "Sheet melebihi batas ukuran", "Sheet beyond the size limit",
    "Sheet '{sheet}' berisi sel sampai {found} (baris x kolom); hanya {expected} pertama yang"
    " dibaca, sel di luarnya tidak dimuat.",
    "Sheet '{sheet}' holds cells up to {found} (rows x columns); only the first {expected}"
    " were read, the cells beyond them were not loaded.",
    "Hapus baris dan kolom di luar tabel (termasuk sel kosong yang berformat), lalu kirim ulang.",
    "Delete the rows and columns outside the table (formatted empty cells too) and resubmit.",
))  # fmt: skip
register(Rule(
    "ING015", "error",
    "Bukan berkas kiriman, tidak dibaca", "Not a submission, not read",
    "{cell} di folder raw/ tidak dibaca: {detail}.",
    "{cell} in the raw/ folder was not read: {detail}.",
    "Satu kiriman = satu workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) atau satu folder CSV"
    " per kecamatan di raw/<tahun>/.",
    "One submission = one workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) or one CSV folder per"
    " kecamatan in raw/<tahun>/.",
))  # fmt: skip


# ------------------------------------------------------------------ validate: schema (SCH)
# The SCH rules come from the pandera DataFrameModels of schemas/tables/, run once per table.

register(Rule(
    "SCH001", "error",
    "Nilai di luar jenis atau rentang", "Value of wrong type or out of range",
    "Sel {cell} ('{column}') berisi {found}, di luar rentang yang sah ({expected}).",
    "Cell {cell} ('{column}') holds {found}, outside the valid range ({expected}).",
    "Periksa {cell}: isi nilai dalam rentang {expected} (mis. persen dan rupiah tidak negatif,"
    " nilai unsur IKM 1-4, nilai AKIP 0-100, tahun 2000-2100).",
    "Check {cell}: enter a value within {expected} (percentages and rupiah not negative,"
    " IKM unsur 1-4, AKIP scores 0-100, years 2000-2100).",
    tables=("*",),
    formula="pandera checks of schemas/tables/<table>.py (ge, le, in_range), nulls skipped",
))  # fmt: skip
register(Rule(
    "SCH002", "error",
    "Nilai wajib kosong", "Required value missing",
    "Sel {cell} ('{column}') kosong atau '-', padahal wajib diisi{detail}.",
    "Cell {cell} ('{column}') is empty or '-', but it is required{detail}.",
    "Isi {cell} dengan nilai kolom '{column}' seperti tercetak di laporan.",
    "Fill {cell} with the '{column}' value as printed in the report.",
    tables=("*",),
    formula="pandera nullable=False, and 'target or its predikat' for indicator targets",
))  # fmt: skip
register(Rule(
    "SCH003", "error",
    "Nilai tidak diizinkan", "Value not allowed",
    "Sel {cell} ('{column}') berisi '{found}'; yang diizinkan: {expected}.",
    "Cell {cell} ('{column}') holds '{found}'; allowed: {expected}.",
    "Ganti isi {cell} dengan salah satu dari: {expected}.",
    "Replace {cell} with one of: {expected}.",
    tables=("program_kegiatan", "perjanjian_kinerja", "akip_nilai"),
    formula="tingkat in program|kegiatan|sub_kegiatan (case, spaces and hyphens ignored);"
    " polaritas in positif|negatif; predikat in AA|A|BB|B|CC|C|D",
))  # fmt: skip
register(Rule(
    "SCH004", "error",
    "Format kode tidak sah", "Invalid code format",
    "Kode '{found}' di {cell} tidak sesuai format {expected} ({detail}).",
    "Code '{found}' at {cell} does not follow the format {expected} ({detail}).",
    "Tulis kode di {cell} seperti Kepmendagri 050-5889/2021: program 7.01.01, kegiatan"
    " 7.01.01.2.01, sub kegiatan 7.01.01.2.01.0001.",
    "Write the code at {cell} as Kepmendagri 050-5889/2021 does: program 7.01.01, kegiatan"
    " 7.01.01.2.01, sub_kegiatan 7.01.01.2.01.0001.",
    tables=("program_kegiatan",),
    formula="U.BB.PP (program), U.BB.PP.K.KK (kegiatan), U.BB.PP.K.KK.SSSS or .SS (older"
    " sub_kegiatan); U and BB may be X for cross-urusan programs",
))  # fmt: skip

# ------------------------------------------------------------------ totals (TOT)

register(Rule(
    "TOT001", "error",
    "Jumlah tidak sama dengan rinciannya", "Declared total differs from its rows",
    "{label} di {cell} tertulis {found}, padahal jumlah rinciannya {expected} ({detail}).",
    "{label} at {cell} says {found}, but its rows add up to {expected} ({detail}).",
    "Periksa {cell} dan baris rinciannya: jumlah {expected} akan sama dengan rinciannya;"
    " bila jumlah yang tertulis benar, salah satu baris rincian salah.",
    "Check {cell} and the rows above it: {expected} would equal the rows; if the declared"
    " total is right, one of the rows is wrong.",
    tables=("anggaran_program", "rencana_belanja", "realisasi_belanja", "program_kegiatan", "sdm"),
    formula="declared JUMLAH/TOTAL = Σ detail rows, exact to the sen (program_kegiatan: Σ program"
    " rows; sdm: per kategori, '-' and empty counted as none)",
))  # fmt: skip
register(Rule(
    "TOT002", "error",
    "Jumlah yang dinyatakan tidak ada", "Declared total missing",
    "Tabel '{table}' tidak menyatakan {label} untuk '{column}' ({cell}); jumlah rinciannya "
    "{expected}.",
    "Table '{table}' declares no {label} for '{column}' ({cell}); its rows add up to {expected}.",
    "Tambahkan/isi baris JUMLAH/TOTAL di {cell} seperti tercetak di laporan (rinciannya: "
    "{expected}).",
    "Add or fill the JUMLAH/TOTAL row at {cell} as printed in the report (the rows: {expected}).",
    tables=("anggaran_program", "rencana_belanja", "realisasi_belanja", "program_kegiatan", "sdm"),
    formula="a declared total row exists and its money/count cell is filled (pandera skips nulls,"
    " so this is checked here)",
))  # fmt: skip
register(Rule(
    "TOT003", "error",
    "Persentase baris jumlah salah", "Percentage on the total row is wrong",
    "Persentase di {cell} tertulis {found}, hasil hitung {expected} ({detail}).",
    "The percentage at {cell} says {found}; recomputed {expected} ({detail}).",
    "Periksa {cell}: {expected} sesuai dengan angka jumlah di baris yang sama.",
    "Check {cell}: {expected} agrees with the totals on the same row.",
    tables=("realisasi_belanja", "program_kegiatan", "sdm"),
    formula="total realisasi / total anggaran x 100 from the total row's own figures (sums when"
    " empty); sdm total persen = 100; tolerance one unit in the last printed digit",
))  # fmt: skip

# ------------------------------------------------------------------ hierarchy (HIE)

register(Rule(
    "HIE001", "error",
    "Program tidak sama dengan jumlah kegiatannya", "Program differs from the sum of its kegiatan",
    "Program '{label}' ({cell}) tertulis {found}, padahal kegiatannya berjumlah {expected} "
    "({detail}).",
    "Program '{label}' ({cell}) says {found}, but its kegiatan add up to {expected} ({detail}).",
    "Periksa {cell}: {expected} akan membuat program sama dengan kegiatannya; bila program benar,"
    " periksa kegiatan di bawahnya.",
    "Check {cell}: {expected} would make the program equal its kegiatan; if the program is right,"
    " check the kegiatan below it.",
    tables=("program_kegiatan",),
    formula="program pagu / realisasi_anggaran = Σ kegiatan below it (until the next program),"
    " exact to the sen",
))  # fmt: skip
register(Rule(
    "HIE002", "error",
    "Kegiatan tidak sama dengan jumlah sub kegiatannya",
    "Kegiatan differs from the sum of its sub_kegiatan",
    "Kegiatan '{label}' ({cell}) tertulis {found}, padahal sub kegiatannya berjumlah {expected} "
    "({detail}).",
    "Kegiatan '{label}' ({cell}) says {found}, but its sub_kegiatan add up to {expected} "
    "({detail}).",
    "Periksa {cell}: {expected} akan membuat kegiatan sama dengan sub kegiatannya (dan"
    " programnya serta JUMLAH ikut sepakat bila hanya sel ini yang salah).",
    "Check {cell}: {expected} would make the kegiatan equal its sub_kegiatan (and its program and"
    " the JUMLAH agree when this cell is the only wrong one).",
    tables=("program_kegiatan",),
    formula="kegiatan pagu / realisasi_anggaran = Σ sub_kegiatan below it (until the next"
    " kegiatan or program), exact to the sen",
))  # fmt: skip
register(Rule(
    "HIE003", "error",
    "Struktur program/kegiatan tidak sah", "Invalid program/kegiatan structure",
    "Baris {cell} ('{label}') tidak berada dalam struktur program > kegiatan > sub kegiatan: "
    "{detail}.",
    "Row {cell} ('{label}') is outside the program > kegiatan > sub_kegiatan structure: {detail}.",
    "Isi tingkat di {cell} ({expected}) dan urutkan baris: setiap kegiatan di bawah programnya,"
    " setiap sub kegiatan di bawah kegiatannya.",
    "Fill the tingkat at {cell} ({expected}) and order the rows: every kegiatan under its program,"
    " every sub_kegiatan under its kegiatan.",
    tables=("program_kegiatan",),
    formula="parent = nearest row above of the next higher tingkat (sub_kegiatan: a kegiatan after"
    " the last program)",
))  # fmt: skip
register(Rule(
    "HIE004", "error",
    "Kode tidak menurunkan kode induknya", "Code does not extend its parent's",
    "Kode '{found}' di {cell} tidak diawali kode induknya {expected} ({detail}).",
    "Code '{found}' at {cell} does not start with its parent's code {expected} ({detail}).",
    "Perbaiki kode di {cell} agar diawali {expected}, atau pindahkan baris ke bawah induk yang "
    "benar.",
    "Fix the code at {cell} to start with {expected}, or move the row under its real parent.",
    tables=("program_kegiatan",),
    formula="kode(child) starts with kode(parent) + '.'",
))  # fmt: skip

# ------------------------------------------------------------------ capaian (CAP)

_CAP_FORMULA = (
    "realisasi / target x 100 (positif); negatif: (2 x target - realisasi) / target x 100"
    " (pengurangan, default) or target / realisasi x 100 (rasio); polarity from"
    " perjanjian_kinerja.polaritas or ValidateConfig; tolerance one unit in the last printed"
    " digit, or the printed precision when fewer decimals are printed"
)
for _code, _table, _column, _title_id, _title_en in (
    ("CAP001", "capaian_iku", "capaian", "Capaian IKU salah hitung", "IKU capaian miscalculated"),
    (
        "CAP002",
        "tren_iku",
        "capaian",
        "Capaian pada tabel tren salah hitung",
        "Trend-table capaian miscalculated",
    ),
    (
        "CAP003",
        "program_kegiatan",
        "persen_kinerja",
        "Persen kinerja program/kegiatan salah hitung",
        "Program/kegiatan performance % miscalculated",
    ),
):
    register(Rule(
        _code, "error", _title_id, _title_en,
        "Capaian '{label}' di {cell} tertulis {found}, hasil hitung {expected} ({detail}).",
        "Capaian of '{label}' at {cell} says {found}; recomputed {expected} ({detail}).",
        "Periksa {cell} serta target dan realisasi di barisnya: capaian {expected} sesuai dengan"
        " target dan realisasi yang tertulis.",
        "Check {cell} and the target and realisasi on its row: {expected} agrees with the target"
        " and realisasi as printed.",
        tables=(_table, "perjanjian_kinerja"),
        formula=f"{_table}.{_column} = {_CAP_FORMULA}",
    ))  # fmt: skip
register(Rule(
    "CAP004", "warning",
    "Capaian angka untuk target kualitatif atau nol",
    "Numeric capaian for a qualitative or zero target",
    "'{label}' di {cell} mencetak capaian {found}, padahal targetnya {detail}: tidak ada capaian "
    "angka.",
    "'{label}' at {cell} prints capaian {found}, but its target is {detail}: no numeric capaian "
    "exists.",
    "Kosongkan {cell} atau tulis target sebagai angka (mis. 'B (60,00)') agar capaian dapat "
    "dihitung.",
    "Leave {cell} empty or give the target as a number (e.g. 'B (60,00)') so the capaian can be "
    "computed.",
    tables=("capaian_iku", "tren_iku", "program_kegiatan"),
    formula="target is a predikat alone ('CC') or 0 -> no capaian (no division)",
))  # fmt: skip

# ------------------------------------------------------------------ serapan (SER)

for _code, _table, _title_id, _title_en, _formula in (
    (
        "SER001",
        "program_kegiatan",
        "Persen anggaran program/kegiatan salah hitung",
        "Program/kegiatan budget % miscalculated",
        "persen_anggaran = realisasi_anggaran / pagu x 100",
    ),
    (
        "SER002",
        "realisasi_belanja",
        "Persen realisasi belanja salah hitung",
        "Spending % miscalculated",
        "persen = realisasi / anggaran x 100",
    ),
):
    register(Rule(
        _code, "error", _title_id, _title_en,
        "Serapan '{label}' di {cell} tertulis {found}, hasil hitung {expected} ({detail}).",
        "Absorption of '{label}' at {cell} says {found}; recomputed {expected} ({detail}).",
        "Periksa {cell} serta pagu dan realisasi di barisnya: {expected} sesuai dengan angka rupiah"
        " yang tertulis.",
        "Check {cell} and the budget and spending on its row: {expected} agrees with the rupiah as"
        " printed.",
        tables=(_table,),
        formula=f"{_formula}; tolerance one unit in the last printed digit (or the printed "
                 "precision)",
    ))  # fmt: skip
register(Rule(
    "SER003", "error",
    "Realisasi melebihi pagu", "Spending above budget",
    "Realisasi '{label}' di {cell} sebesar {found} melebihi pagunya {expected} ({detail}).",
    "Spending of '{label}' at {cell}, {found}, exceeds its budget {expected} ({detail}).",
    "Periksa {cell}: realisasi tidak boleh melebihi {expected}; bila pagu berubah (APBD-P),"
    " perbarui pagunya.",
    "Check {cell}: spending cannot exceed {expected}; if the budget was revised (APBD-P), update "
    "it.",
    tables=("program_kegiatan", "realisasi_belanja"),
    formula="realisasi_anggaran <= pagu on every program/kegiatan/sub_kegiatan row; realisasi <="
    " anggaran on every belanja row",
))  # fmt: skip

# ------------------------------------------------------------------ kemajuan renstra (KEM)

register(Rule(
    "KEM001", "error",
    "Tingkat kemajuan Renstra salah hitung", "Renstra progress miscalculated",
    "Tingkat kemajuan '{label}' di {cell} tertulis {found}, hasil hitung {expected} ({detail}).",
    "Progress of '{label}' at {cell} says {found}; recomputed {expected} ({detail}).",
    "Periksa {cell} serta realisasi dan target akhir di barisnya: {expected} sesuai dengan angka"
    " yang tertulis.",
    "Check {cell} and the realisasi and end target on its row: {expected} agrees with them as "
    "printed.",
    tables=("kemajuan_renstra",),
    formula="tingkat_kemajuan = realisasi / target_akhir x 100 (same polarity rule as capaian);"
    " tolerance one unit in the last printed digit",
))  # fmt: skip

# ------------------------------------------------------------------ efisiensi (EFI)

register(Rule(
    "EFI001", "warning",
    "Tingkat efisiensi program/kegiatan tidak sesuai rumusnya",
    "Program/kegiatan efficiency does not follow its formula",
    "Tingkat efisiensi '{label}' di {cell} tertulis {found}; menurut rumus tabel ini {expected} "
    "({detail}).",
    "Efficiency of '{label}' at {cell} says {found}; the table's formula gives {expected} "
    "({detail}).",
    "Periksa {cell}: dengan rumus persen anggaran / 100 nilainya {expected} (dibulatkan atau"
    " dipotong ke 2 desimal).",
    "Check {cell}: with the formula budget % / 100 it is {expected} (rounded or truncated to 2"
    " decimals).",
    tables=("program_kegiatan",),
    formula="tingkat_efisiensi = persen_anggaran / 100 (share of the pagu spent), the formula the"
    " seed's 3.17 implies (e.g. 95,77 -> 0,96; 93,63 -> 0,93); rounding or truncation to two"
    " decimals accepted (within one unit). No official formula: warning",
))  # fmt: skip
register(Rule(
    "EFI002", "warning",
    "Tingkat efisiensi sasaran tidak sesuai rumus apa pun", "Sasaran efficiency fits no formula",
    "Tingkat efisiensi '{label}' di {cell} tertulis {found}; selisih capaian dan penyerapan"
    " adalah {expected} ({detail}).",
    "Efficiency of '{label}' at {cell} says {found}; the gap between capaian and absorption is"
    " {expected} ({detail}).",
    "Periksa {cell}: dengan rumus |%capaian - %penyerapan| nilainya {expected}; sebutkan rumus"
    " yang dipakai di bawah tabel.",
    "Check {cell}: with |capaian% - absorption%| it is {expected}; state the formula under the "
    "table.",
    tables=("efisiensi_sasaran",),
    formula="tingkat_efisiensi = |persen_capaian - persen_penyerapan| (the seed's 3.10 prints"
    " 98,20 / 100 / 1,80; kecamatan print the gap with either sign); the consolidated reports"
    " use formulas.efisiensi = capaian - serapan. No official formula: warning",
))  # fmt: skip

# ------------------------------------------------------------------ AKIP (AKP)

register(Rule(
    "AKP001", "error",
    "Nilai AKIP tidak sama dengan jumlah komponennya",
    "AKIP score differs from the sum of its components",
    "Nilai AKIP {label} di {cell} tertulis {found}, padahal komponennya berjumlah {expected} "
    "({detail}).",
    "AKIP score {label} at {cell} says {found}, but its components add up to {expected} "
    "({detail}).",
    "Periksa {cell} dan komponen tahun itu: nilai {expected} sama dengan jumlah komponennya.",
    "Check {cell} and that year's components: {expected} equals their sum.",
    tables=("akip_komponen", "akip_nilai"),
    formula="akip_nilai.nilai = Σ akip_komponen.nilai of the same tahun; tolerance one unit in"
    " the last printed digit",
))  # fmt: skip
register(Rule(
    "AKP002", "error",
    "Nilai komponen AKIP melebihi bobotnya", "AKIP component above its weight",
    "Komponen '{label}' di {cell} bernilai {found}, melebihi bobotnya {expected} ({detail}).",
    "Component '{label}' at {cell} scores {found}, above its weight {expected} ({detail}).",
    "Periksa {cell}: nilai komponen paling tinggi {expected}.",
    "Check {cell}: the component scores at most {expected}.",
    tables=("akip_komponen",),
    formula="nilai <= bobot; bobot from the row, else PermenPAN-RB 88/2021 (30/30/15/25, from"
    " 2022) or 12/2015 (30/25/15/10/20, before 2022)",
))  # fmt: skip
register(Rule(
    "AKP003", "error",
    "Predikat tidak sesuai nilainya", "Predikat does not match the score",
    "Di {cell} nilai {detail} tertulis berpredikat {found}, padahal menurut PermenPAN-RB 88/2021"
    " predikatnya {expected}.",
    "At {cell} the score {detail} carries predikat {found}, but PermenPAN-RB 88/2021 gives "
    "{expected}.",
    "Periksa {cell}: nilai {detail} berpredikat {expected}; bila predikat benar, nilainya salah.",
    "Check {cell}: a score of {detail} is {expected}; if the predikat is right, the score is "
    "wrong.",
    tables=("akip_nilai", "perjanjian_kinerja", "capaian_iku", "tren_iku", "kemajuan_renstra",
            "program_kegiatan"),
    formula=">90-100 AA, >80-90 A, >70-80 BB, >60-70 B, >50-60 CC, >30-50 C, 0-30 D; in akip_nilai"
    " and every cell holding a score with its predikat ('B (74,15)')",
))  # fmt: skip
register(Rule(
    "AKP004", "error",
    "Susunan komponen AKIP tidak sesuai tahunnya", "AKIP components wrong for the year",
    "Komponen AKIP {label} ({cell}) tidak sesuai tahunnya: {detail}.",
    "AKIP components of {label} ({cell}) do not fit the year: {detail}.",
    "Sesuaikan komponen {label}: {expected}.",
    "Make the components of {label}: {expected}.",
    tables=("akip_komponen",),
    formula="from 2022: Perencanaan, Pengukuran, Pelaporan, Evaluasi Akuntabilitas Kinerja "
            "Internal;"
    " before 2022 also Pencapaian Sasaran/Kinerja; each once; a row with '-' is not a component",
))  # fmt: skip

# ------------------------------------------------------------------ IKM

register(Rule(
    "IKM001", "error",
    "Jumlah unsur IKM bukan 9", "Number of IKM unsur is not 9",
    "Tabel unsur IKM ({cell}) memuat {found} unsur, bukan {expected} (PermenPAN-RB 14/2017).",
    "The IKM unsur table ({cell}) has {found} unsur, not {expected} (PermenPAN-RB 14/2017).",
    "Gunakan 9 unsur PermenPAN-RB 14/2017 (persyaratan; prosedur; waktu; biaya; produk;"
    " kompetensi; perilaku; pengaduan; sarana) di {cell}.",
    "Use the 9 unsur of PermenPAN-RB 14/2017 at {cell}.",
    tables=("ikm_unsur",),
    formula="count(unsur) = 9",
))  # fmt: skip
register(Rule(
    "IKM002", "error",
    "Nilai IKM tidak sesuai rata-rata unsurnya", "IKM differs from the mean of its unsur",
    "Nilai IKM di {cell} tertulis {found}; rata-rata 9 unsur x 25 = {expected} ({detail}).",
    "The IKM at {cell} says {found}; mean of the unsur x 25 = {expected} ({detail}).",
    "Periksa {cell} dan nilai unsur: dari unsur yang tertulis IKM = {expected}; selisih kecil"
    " wajar bila IKM dihitung dari data responden.",
    "Check {cell} and the unsur: from the unsur as printed the IKM is {expected}; a small gap is"
    " normal when the IKM comes from respondent-level data.",
    tables=("ikm_survei", "ikm_unsur"),
    formula="nilai_ikm = mean(unsur nilai) x 25; warning while |gap| <= "
            "ValidateConfig.ikm_warning_band"
    " (1,0 point), error beyond; one unit in the last digit is rounding",
))  # fmt: skip
register(Rule(
    "IKM003", "error",
    "Puas + tidak puas tidak sama dengan jumlah responden",
    "Satisfied + unsatisfied differs from respondents",
    "Puas + tidak puas = {expected}, tetapi jumlah responden di {cell} tertulis {found} "
    "({detail}).",
    "Satisfied + unsatisfied = {expected}, but the respondents at {cell} say {found} ({detail}).",
    "Periksa {cell} serta baris puas dan tidak puas: jumlahnya harus {found}.",
    "Check {cell} and the satisfied/unsatisfied rows: they must add up to {found}.",
    tables=("ikm_survei",),
    formula="puas + tidak_puas = jumlah_responden ('-' counted as 0 only when the other part fills"
            " it)",
))  # fmt: skip
register(Rule(
    "IKM004", "error",
    "Mutu pelayanan tidak sesuai nilai IKM", "Service quality grade does not match the IKM",
    "Mutu di {cell} tertulis {found}, padahal IKM {detail} bermutu {expected}.",
    "The grade at {cell} says {found}, but an IKM of {detail} is grade {expected}.",
    "Periksa {cell}: IKM {detail} bermutu {expected} (A 88,31-100; B 76,61-88,30; C 65,00-76,60;"
    " D 25,00-64,99).",
    "Check {cell}: an IKM of {detail} is grade {expected}.",
    tables=("ikm_survei",),
    formula="PermenPAN-RB 14/2017: A 88,31-100; B 76,61-88,30; C 65,00-76,60; D 25,00-64,99",
))  # fmt: skip

# ------------------------------------------------------------------ cross-table (XTB)

register(Rule(
    "XTB001", "error",
    "Target IKU berbeda dengan Perjanjian Kinerja", "IKU target differs from the PK",
    "Target '{label}' di {cell} tertulis {found}, padahal Perjanjian Kinerja menetapkan {expected}"
    " ({detail}).",
    "The target of '{label}' at {cell} says {found}, but the PK agreed {expected} ({detail}).",
    "Periksa {cell}: target {expected} sama dengan Perjanjian Kinerja (atau perbaiki PK bila itu "
    "yang salah).",
    "Check {cell}: {expected} equals the PK target (or fix the PK if that is the wrong one).",
    tables=("perjanjian_kinerja", "capaian_iku"),
    formula="perjanjian_kinerja.target = capaian_iku.target for the same indikator (name compared"
    " without case, spaces, punctuation or parenthesised acronyms; alias: all words of one name"
    " in the other); predikat compared too when both carry one",
))  # fmt: skip
register(Rule(
    "XTB002", "error",
    "Target tahun laporan di tabel tren berbeda dengan PK",
    "Trend-table target of the report year differs from the PK",
    "Target '{label}' di {cell} tertulis {found}, padahal Perjanjian Kinerja menetapkan {expected}"
    " ({detail}).",
    "The target of '{label}' at {cell} says {found}, but the PK agreed {expected} ({detail}).",
    "Periksa {cell}: target tahun laporan {expected} sama dengan Perjanjian Kinerja.",
    "Check {cell}: the report year's target {expected} equals the PK.",
    tables=("perjanjian_kinerja", "tren_iku"),
    formula="perjanjian_kinerja.target = tren_iku.target where tren_iku.tahun = identitas.tahun",
))  # fmt: skip
register(Rule(
    "XTB003", "error",
    "Tabel tren berbeda dengan capaian IKU tahun laporan",
    "Trend table differs from the IKU table for the report year",
    "'{label}' {column} di {cell} tertulis {found}, padahal tabel capaian IKU mencetak {expected} "
    "({detail}).",
    "'{label}' {column} at {cell} says {found}, but the IKU table prints {expected} ({detail}).",
    "Periksa {cell}: tahun laporan pada tabel tren harus sama dengan tabel capaian IKU "
    "({expected}).",
    "Check {cell}: the report year in the trend table must equal the IKU table ({expected}).",
    tables=("capaian_iku", "tren_iku"),
    formula="tren_iku.realisasi/capaian (tahun = identitas.tahun) = capaian_iku.realisasi/capaian",
))  # fmt: skip
register(Rule(
    "XTB004", "error",
    "Indikator hasil di baris program berbeda target dengan PK",
    "Outcome indicator on a program row has another target than the PK",
    "Program '{label}' memakai indikator PK dengan target {found} di {cell}, padahal PK menetapkan"
    " {expected} ({detail}).",
    "Program '{label}' carries a PK indicator with target {found} at {cell}, but the PK agreed "
    "{expected} ({detail}).",
    "Periksa {cell}: target indikator hasil program mengikuti PK ({expected}).",
    "Check {cell}: the program's outcome target follows the PK ({expected}).",
    tables=("perjanjian_kinerja", "program_kegiatan"),
    formula="program row whose indikator matches a PK indikator (same name, or alias: all words of"
    " one in the other, 'Nilai AKIP' ~ 'Nilai Evaluasi AKIP'): target_kinerja = PK target",
))  # fmt: skip
register(Rule(
    "XTB005", "error",
    "Anggaran program di PK berbeda dengan pagu program",
    "PK program budget differs from the program pagu",
    "Anggaran '{label}' di PK ({cell}) tertulis {found}, padahal pagu program di tabel"
    " program/kegiatan {expected} ({detail}).",
    "The PK budget of '{label}' ({cell}) says {found}, but the program pagu in the program table is"
    " {expected} ({detail}).",
    "Periksa {cell}: {expected} membuat PK sama dengan pagu program; bila PK benar, perbaiki pagu"
    " program dan kegiatannya.",
    "Check {cell}: {expected} makes the PK equal the program pagu; if the PK is right, fix the"
    " program pagu and its kegiatan.",
    tables=("anggaran_program", "program_kegiatan"),
    formula="anggaran_program.anggaran = program_kegiatan.pagu of the same program, exact to the "
            "sen;"
    " programs matched by name (case, punctuation, a leading 'Program' and the suffix -an ignored),"
    " else by order (said in the finding)",
))  # fmt: skip
register(Rule(
    "XTB006", "error",
    "Total anggaran berbeda antartabel", "Total budget differs between tables",
    "Jumlah rincian '{table}' ({cell}) adalah {found}, sedangkan tabel lain berjumlah {expected} "
    "({detail}).",
    "The rows of '{table}' ({cell}) add up to {found}, while the other tables total {expected} "
    "({detail}).",
    "Periksa baris rincian di {cell}: totalnya harus {expected} seperti tabel anggaran lainnya.",
    "Check the rows at {cell}: they must total {expected} like the other budget tables.",
    tables=("anggaran_program", "rencana_belanja", "realisasi_belanja", "program_kegiatan"),
    formula="Σ detail rows (never the declared totals, TOT001 blames those) of anggaran_program,"
    " rencana_belanja, realisasi_belanja.anggaran and program_kegiatan program pagu agree; the"
    " reference is the amount most tables share (tie: rencana_belanja, realisasi_belanja,"
    " program_kegiatan, anggaran_program)",
))  # fmt: skip
register(Rule(
    "XTB007", "error",
    "Total realisasi program berbeda dengan realisasi belanja",
    "Program spending total differs from spending by type",
    "{label} ({cell}) berjumlah {found}, sedangkan tabel lainnya ({detail}) berjumlah {expected}.",
    "{label} ({cell}) adds up to {found}, the other table ({detail}) to {expected}.",
    "Periksa baris rincian di {cell}: jumlahnya harus {expected}; tabel ini yang disalahkan karena"
    " baris JUMLAH/TOTAL-nya sendiri sepakat dengan tabel lainnya.",
    "Check the rows at {cell}: they must total {expected}; this table is blamed because its own"
    " JUMLAH/TOTAL row agrees with the other table.",
    tables=("program_kegiatan", "realisasi_belanja"),
    formula="Σ program rows realisasi_anggaran = Σ realisasi_belanja.realisasi, exact to the sen;"
    " blamed on the side whose own declared total sides with the other (default: program rows)",
))  # fmt: skip
register(Rule(
    "XTB008", "error",
    "Realisasi kemajuan Renstra berbeda dengan capaian IKU",
    "Renstra progress realisasi differs from the IKU table",
    "Realisasi '{label}' di {cell} tertulis {found}, padahal tabel capaian IKU mencetak {expected}"
    " ({detail}).",
    "The realisasi of '{label}' at {cell} says {found}, but the IKU table prints {expected} "
    "({detail}).",
    "Periksa {cell}: realisasi tahun laporan sama dengan tabel capaian IKU ({expected}).",
    "Check {cell}: the report year's realisasi equals the IKU table ({expected}).",
    tables=("kemajuan_renstra", "capaian_iku"),
    formula="kemajuan_renstra.realisasi = capaian_iku.realisasi for the same indikator",
))  # fmt: skip
register(Rule(
    "XTB009", "error",
    "Nilai IKM survei berbeda dengan realisasi IKU", "Survey IKM differs from the IKU realisasi",
    "Nilai IKM survei di {cell} tertulis {found}, padahal realisasi IKU '{label}' {expected} "
    "({detail}).",
    "The survey IKM at {cell} says {found}, but the IKU '{label}' realisasi is {expected} "
    "({detail}).",
    "Periksa {cell}: nilai IKM survei sama dengan realisasi indikator IKM ({expected}).",
    "Check {cell}: the survey IKM equals the IKM indicator's realisasi ({expected}).",
    tables=("ikm_survei", "capaian_iku"),
    formula="ikm_survei.nilai_ikm = capaian_iku.realisasi of the IKM indicator (name with 'IKM' or"
    " 'indeks kepuasan masyarakat')",
))  # fmt: skip
register(Rule(
    "XTB010", "error",
    "Nilai AKIP berbeda dengan realisasi indikator AKIP",
    "AKIP score differs from the AKIP indicator's realisasi",
    "Realisasi '{label}' di {cell} tertulis {found}, padahal nilai AKIP tahun itu {expected} "
    "({detail}).",
    "The realisasi of '{label}' at {cell} says {found}, but that year's AKIP score is {expected} "
    "({detail}).",
    "Periksa {cell}: realisasi indikator AKIP sama dengan nilai AKIP tahun itu ({expected}).",
    "Check {cell}: the AKIP indicator's realisasi equals that year's AKIP score ({expected}).",
    tables=("akip_nilai", "tren_iku", "capaian_iku"),
    formula="tren_iku/capaian_iku realisasi of the AKIP indicator (name with 'AKIP') ="
    " akip_nilai.nilai of the same tahun",
))  # fmt: skip
register(Rule(
    "XTB011", "error",
    "Capaian pada analisis efisiensi berbeda dengan capaian IKU",
    "Capaian in the efficiency table differs from the IKU table",
    "Capaian '{label}' di {cell} tertulis {found}, padahal tabel capaian IKU mencetak {expected} "
    "({detail}).",
    "The capaian of '{label}' at {cell} says {found}, but the IKU table prints {expected} "
    "({detail}).",
    "Periksa {cell}: capaian sama dengan tabel capaian IKU ({expected}).",
    "Check {cell}: the capaian equals the IKU table ({expected}).",
    tables=("efisiensi_sasaran", "capaian_iku"),
    formula="efisiensi_sasaran.persen_capaian = capaian_iku.capaian for the same indikator",
))  # fmt: skip
register(Rule(
    "XTB012", "warning",
    "Penyerapan pada analisis efisiensi berbeda dengan serapan programnya",
    "Absorption in the efficiency table differs from its program's",
    "Penyerapan '{label}' di {cell} tertulis {found}, sedangkan program yang membawa indikator itu"
    " menyerap {expected} ({detail}).",
    "The absorption of '{label}' at {cell} says {found}, while the program carrying that indicator"
    " absorbed {expected} ({detail}).",
    "Periksa {cell}: penyerapan sasaran ini biasanya serapan programnya ({expected}); sebutkan"
    " sumbernya bila lain.",
    "Check {cell}: this sasaran's absorption is usually its program's ({expected}); say where it"
    " comes from otherwise.",
    tables=("efisiensi_sasaran", "program_kegiatan"),
    formula="efisiensi_sasaran.persen_penyerapan = serapan of the one program row whose indikator"
    " matches it (XTB004 matching); inferred mapping: warning",
))  # fmt: skip

# ------------------------------------------------------------------ across years (YR)
# Implemented in schemas/rules/years.py: a report's earlier years vs those years' own reports.

_YR_SAME = (
    "same kecamatan = equal kecamatan code (first 6 digits of kode_wilayah) when both carry one,"
    " else equal provinsi|kabupaten|kecamatan keys (case, spaces, punctuation,"
    " 'Kabupaten'/'Kecamatan' ignored); the submission of year T in the same run; synthetic only"
    " with synthetic;"
    " skipped when year T has no submission; several for T: agreeing with any is enough"
)
register(Rule(
    "YR001", "error",
    "Tabel tren berbeda dengan laporan tahun itu sendiri",
    "Trend table differs from that year's own report",
    "'{label}' {column} di {cell} tertulis {found}, padahal {detail} mencetak {expected}.",
    "'{label}' {column} at {cell} says {found}, but {detail} prints {expected}.",
    "Periksa {cell}: salin angka laporan tahun itu ({expected}); bila laporan tahun itu yang"
    " salah, kirim revisinya.",
    "Check {cell}: copy that year's own figure ({expected}); if that year's report is the wrong"
    " one, resubmit it.",
    tables=("tren_iku", "capaian_iku", "identitas"),
    formula="tren_iku.target/realisasi of year T < identitas.tahun = capaian_iku.target/realisasi"
    " of the same kecamatan's own submission for year T (indikator matched as XTB; predikat"
    " compared when both carry one); tolerance one unit in the last printed digit (0.01); "
    + _YR_SAME,
))  # fmt: skip
register(Rule(
    "YR002", "warning",
    "Nilai AKIP tahun sebelumnya berbeda dengan laporan tahun itu",
    "Earlier AKIP score differs from that year's own report",
    "{label} di {cell} tertulis {found}, padahal {detail} mencetak {expected}.",
    "{label} at {cell} says {found}, but {detail} prints {expected}.",
    "Periksa {cell}: salin nilai AKIP dari laporan tahun itu ({expected}), atau dari LHE AKIP"
    " Inspektorat bila laporan tahun itu yang salah.",
    "Check {cell}: copy the AKIP score of that year's report ({expected}), or of the"
    " Inspektorat's evaluation letter if that year's report is the wrong one.",
    tables=("akip_nilai", "identitas"),
    formula="akip_nilai.nilai (and predikat when both print one) of year T < identitas.tahun ="
    " akip_nilai of year T in the same kecamatan's own submission for year T; tolerance 0.01; "
    + _YR_SAME,
))  # fmt: skip

# ------------------------------------------------------------------ identitas (IDN)

register(Rule(
    "IDN001", "error",
    "Kecamatan tidak dikenal atau kode wilayah tidak cocok",
    "Unknown kecamatan or mismatching region code",
    "Kecamatan/kode di {cell} tertulis '{found}', tidak cocok dengan daftar wilayah {label} "
    "({detail}).",
    "Kecamatan/code at {cell} says '{found}', which does not match the region list of {label} "
    "({detail}).",
    "Periksa {cell}: yang cocok adalah {expected} (kode Kemendagri).",
    "Check {cell}: the match is {expected} (Kemendagri code).",
    tables=("identitas",),
    formula="identitas kecamatan in schemas/data/wilayah.csv for its kabupaten; kode_wilayah equal"
    " to that kecamatan's code (digits compared)",
))  # fmt: skip
register(Rule(
    "IDN002", "warning",
    "Kabupaten tidak dikenal", "Unknown kabupaten",
    "Kabupaten '{found}' di {cell} tidak ada dalam daftar wilayah lakip ({detail}).",
    "Kabupaten '{found}' at {cell} is not in lakip's region list ({detail}).",
    "Periksa ejaan di {cell}, atau tambahkan kecamatan kabupaten ini ke schemas/data/wilayah.csv.",
    "Check the spelling at {cell}, or add this kabupaten's kecamatan to schemas/data/wilayah.csv.",
    tables=("identitas",),
    formula="identitas kabupaten ('Kabupaten'/'Kab.' ignored) in schemas/data/wilayah.csv",
))  # fmt: skip
register(Rule(
    "IDN003", "error",
    "Tahun atau tanggal laporan tidak masuk akal", "Implausible year or report date",
    "{label} di {cell} tertulis '{found}': {detail}.",
    "{label} at {cell} says '{found}': {detail}.",
    "Periksa {cell}: {expected}.",
    "Check {cell}: {expected}.",
    tables=("identitas",),
    formula="ValidateConfig.tahun_min (2015) <= tahun <= current year + 1; tanggal_laporan"
    " (ISO, dd/mm/yyyy or '30 Januari 2026') after 31 December of tahun",
))  # fmt: skip
register(Rule(
    "IDN004", "warning",
    "Nama berkas tidak sesuai identitas", "File name disagrees with identitas",
    "Berkas {cell} menunjuk {found}, sedangkan identitas menyatakan {expected}.",
    "File {cell} points at {found}, while identitas says {expected}.",
    "Pindahkan/ganti nama berkas menjadi raw/<tahun>/<kecamatan>.xlsx sesuai identitas "
    "({expected}),"
    " atau perbaiki identitas.",
    "Move or rename the file to raw/<tahun>/<kecamatan>.xlsx per identitas ({expected}), or fix "
    "identitas.",
    tables=("identitas",),
    formula="raw/<tahun>/<kecamatan-slug>.xlsx (or folder, or a '-<tahun>' suffix): the year and "
            "the"
    " slug agree with identitas; identitas wins, the file name is only reported",
))  # fmt: skip
register(Rule(
    "IDN005", "error",
    "Identitas wajib tidak ada", "Required identitas key missing",
    "Identitas '{label}' tidak ada atau kosong ({cell}).",
    "Identitas '{label}' is missing or empty ({cell}).",
    "Tambahkan baris '{label}' beserta nilainya di sheet identitas.",
    "Add the row '{label}' with its value to the identitas sheet.",
    tables=("identitas",),
    formula="contract.IDENTITAS_REQUIRED keys present and filled",
))  # fmt: skip
register(Rule(
    "IDN006", "error",
    "Dua kiriman untuk kecamatan dan tahun yang sama",
    "Two submissions for the same kecamatan and year",
    "{label} ({cell}) dikirim lebih dari sekali dalam satu proses: {detail}.",
    "{label} ({cell}) was submitted more than once in one run: {detail}.",
    "Hapus kiriman lama dari folder raw/, simpan satu berkas per kecamatan dan tahun.",
    "Remove the older submission from raw/; keep one file per kecamatan and year.",
    tables=("identitas",),
    formula="one submission per (kabupaten, kecamatan, tahun) per run, names compared without"
    " case/spaces",
))  # fmt: skip

# ------------------------------------------------------------------ SDM

register(Rule(
    "SDM001", "error",
    "Persentase pegawai salah hitung", "Staff percentage miscalculated",
    "Persentase '{label}' di {cell} tertulis {found}, hasil hitung {expected} ({detail}).",
    "The percentage of '{label}' at {cell} says {found}; recomputed {expected} ({detail}).",
    "Periksa {cell} dan jumlah di barisnya: {expected} sesuai dengan jumlah yang tertulis.",
    "Check {cell} and the count on its row: {expected} agrees with the counts as printed.",
    tables=("sdm",),
    formula="persen = jumlah / Σ jumlah of its kategori x 100; tolerance one unit in the last"
    " printed digit, or the printed precision ('1,9')",
))  # fmt: skip

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
    if text is None:
        return ""
    with_predikat = _NUMBER_WITH_PREDIKAT.match(text)
    if with_predikat:
        return format_number(with_predikat.group(1), lang) + with_predikat.group(2)
    if not _NUMBER.match(text):
        return text
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    if frac or len(whole) > 4:
        groups: list[str] = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        groups.insert(0, whole)
        whole = ("." if lang == "id" else ",").join(groups)
    if frac:
        return sign + whole + ("," if lang == "id" else ".") + frac
    return sign + whole


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
