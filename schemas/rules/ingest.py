"""ING: what ingest finds while reading workbooks and CSV folders.

The checks live in :mod:`pipeline.ingest`; the rules are declared here so that the
catalog, the warehouse and ingest read the same objects (``findings(ING007, frame)``).
"""

from __future__ import annotations

from schemas.catalog import Rule, register

ING001 = register(Rule(
    "ING001", "error",
    "Berkas tidak dapat dibaca", "File cannot be read",
    "Berkas {cell} tidak dapat dibaca sebagai workbook/CSV: {detail}.",
    "File {cell} cannot be read as a workbook/CSV: {detail}.",
    "Simpan ulang sebagai .xlsx (Excel 2007+) atau folder CSV UTF-8, lalu kirim kembali.",
    "Save it again as .xlsx (Excel 2007+) or a folder of UTF-8 CSV files and resubmit.",
))  # fmt: skip
ING002 = register(Rule(
    "ING002", "error",
    "Sheet wajib tidak ada", "Required sheet missing",
    "Sheet wajib '{table}' tidak ditemukan.",
    "Required sheet '{table}' not found.",
    "Tambahkan sheet '{table}' sesuai format baku pengiriman.",
    "Add the sheet '{table}' as the submission format describes.",
))  # fmt: skip
ING003 = register(Rule(
    "ING003", "warning",
    "Sheet tidak dikenal, tidak dimuat", "Unknown sheet, not loaded",
    "Sheet '{found}' tidak cocok dengan tabel mana pun dan isinya tidak dimuat.",
    "Sheet '{found}' matches no table of the format; its contents were not loaded.",
    "Ganti nama sheet sesuai format baku, atau hapus bila memang bukan data.",
    "Rename the sheet to a table of the format, or remove it if it holds no data.",
))  # fmt: skip
ING004 = register(Rule(
    "ING004", "error",
    "Baris judul kolom tidak ditemukan", "Header row not found",
    "Sheet '{sheet}' tidak memiliki baris judul kolom yang dikenali ({detail}).",
    "Sheet '{sheet}' has no recognisable header row ({detail}).",
    "Beri judul kolom sesuai format baku di atas data.",
    "Put the column names of the format in a row above the data.",
))  # fmt: skip
ING005 = register(Rule(
    "ING005", "error",
    "Kolom wajib tidak ada", "Required column missing",
    "Kolom wajib '{column}' tidak ada di sheet '{sheet}'.",
    "Required column '{column}' is missing from sheet '{sheet}'.",
    "Tambahkan kolom '{column}' pada baris judul.",
    "Add the column '{column}' to the header row.",
))  # fmt: skip
ING006 = register(Rule(
    "ING006", "warning",
    "Kolom tidak dikenal, isinya tidak dimuat", "Unknown column, values not loaded",
    "Kolom '{found}' di {cell} tidak dikenal; {detail} nilainya tidak dimuat.",
    "Column '{found}' at {cell} is not part of the format; its {detail} values were not loaded.",
    "Ganti judul kolom dengan nama baku, atau pindahkan isinya ke kolom yang benar.",
    "Rename the column to its name in the format, or move its values to the right column.",
))  # fmt: skip
ING007 = register(Rule(
    "ING007", "error",
    "Angka tidak terbaca", "Unreadable number",
    "Sel {cell} ('{column}') berisi '{found}', bukan angka yang sah untuk kolom ini.",
    "Cell {cell} ('{column}') holds '{found}', not a valid number for this column.",
    "Isi dengan angka (mis. 5.463.337.162,00 atau 97,69), atau '-' bila memang tidak diisi.",
    "Enter a number (e.g. 5.463.337.162,00 or 97,69), or '-' if it is not filled.",
))  # fmt: skip
ING008 = register(Rule(
    "ING008", "warning",
    "Angka bermakna ganda", "Ambiguous number",
    "Sel {cell} berisi '{found}': dibaca sebagai {expected}, tetapi bisa juga ribuan.",
    "Cell {cell} holds '{found}': read as {expected}, but it could also be thousands.",
    "Tulis desimal dengan koma (97,69) dan ribuan dengan titik (1.234).",
    "Write decimals with a comma (97,69) and thousands with a dot (1.234).",
))  # fmt: skip
ING009 = register(Rule(
    "ING009", "warning",
    "Catatan berisi angka tidak dimuat", "Note holding numbers not loaded",
    "Baris catatan {cell} berisi angka yang tidak dimuat: '{found}'.",
    "Note row {cell} holds numbers that were not loaded: '{found}'.",
    "Bila angka itu data, pindahkan ke baris tabel; bila catatan, abaikan peringatan ini.",
    "If those numbers are data, move them into the table; if it is a note, ignore this.",
))  # fmt: skip
ING010 = register(Rule(
    "ING010", "error",
    "Tabel yang sama di dua sheet", "Same table in two sheets",
    "Sheet '{found}' dan '{expected}' sama-sama tabel '{table}'; hanya '{expected}' dimuat.",
    "Sheets '{found}' and '{expected}' are both table '{table}'; only '{expected}' was loaded.",
    "Gabungkan keduanya dalam satu sheet.",
    "Merge them into one sheet.",
))  # fmt: skip
ING011 = register(Rule(
    "ING011", "warning",
    "Berkas ganda dalam satu kiriman", "Duplicate file in one run",
    "Berkas {found} sama persis (sha256) dengan {expected}; hanya dibaca sekali.",
    "File {found} is byte-identical (sha256) to {expected}; it was read once.",
    "Hapus salinan yang tidak perlu dari folder kiriman.",
    "Remove the unneeded copy from the submissions folder.",
    tables=(),
    formula="sha256(berkas) = sha256(berkas lain)",
))  # fmt: skip
ING012 = register(Rule(
    "ING012", "warning",
    "Angka dibaca sebagai ribuan", "Number read as thousands",
    "Sel {cell} berisi '{found}': dibaca sebagai {expected} (titik = pemisah ribuan), "
    "tetapi bisa juga desimal {detail}.",
    "Cell {cell} holds '{found}': read as {expected} (the dot groups thousands), "
    "but it could also be the decimal {detail}.",
    "Tulis ribuan dengan titik tanpa desimal (6.547) atau desimal dengan koma (6,547).",
    "Write thousands with a dot (6.547) or decimals with a comma (6,547).",
))  # fmt: skip
ING013 = register(Rule(
    "ING013", "error",
    "Pengodean berkas CSV tidak dikenali", "CSV encoding not recognised",
    "Berkas {cell} bukan UTF-8, UTF-16 atau Windows-1252 ({found}); huruf yang tidak terbaca"
    " ditandai '\ufffd'.",
    "File {cell} is not UTF-8, UTF-16 or Windows-1252 ({found}); characters that could not be"
    " read are marked '\ufffd'.",
    "Simpan ulang dari Excel sebagai 'CSV UTF-8 (Comma delimited)' lalu kirim ulang.",
    "Save it again from Excel as 'CSV UTF-8 (Comma delimited)' and send it again.",
))  # fmt: skip
ING014 = register(Rule(
    "ING014", "error",
    "Sheet melebihi batas ukuran", "Sheet beyond the size limit",
    "Sheet '{sheet}' berisi sel sampai {found} (baris × kolom); hanya {expected} pertama yang"
    " dibaca, sel di luarnya tidak dimuat.",
    "Sheet '{sheet}' holds cells up to {found} (rows × columns); only the first {expected}"
    " were read, the cells beyond them were not loaded.",
    "Hapus baris dan kolom di luar tabel (termasuk sel kosong yang berformat), lalu kirim ulang.",
    "Delete the rows and columns outside the table (formatted empty cells too) and resubmit.",
))  # fmt: skip
ING015 = register(Rule(
    "ING015", "error",
    "Bukan berkas kiriman, tidak dibaca", "Not a submission, not read",
    "{cell} di folder kiriman tidak dibaca: {detail}.",
    "{cell} in the submissions folder was not read: {detail}.",
    "Satu kiriman = satu workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) atau satu folder CSV"
    " per kecamatan di folder tahunnya.",
    "One submission = one workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) or one CSV folder per"
    " kecamatan in the year's folder.",
))  # fmt: skip
ING016 = register(Rule(
    "ING016", "warning",
    "Nilai di luar tabel", "Value outside the table",
    "Sel {cell} berisi '{found}' {detail}; nilai itu tidak masuk tabel '{table}' (disimpan di"
    " raw_sel_lain).",
    "Cell {cell} holds '{found}' {detail}; it is not part of table '{table}' (kept in"
    " raw_sel_lain).",
    "Pindahkan nilai itu ke kolom yang benar di bawah judul kolom baku, atau hapus bila bukan"
    " data.",
    "Move the value into the right column under a header of the format, or delete it if it is"
    " not data.",
    details={
        "luar_kolom": ("di kolom tanpa judul, di luar kolom tabel",
                       "in a column without a header, outside the table's columns"),
        "tanpa_kunci": ("tanpa nama kunci di kolom 'kolom'", "without a key in the 'kolom' column"),
    },
))  # fmt: skip
