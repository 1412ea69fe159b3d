"""The words of the published reports, keyed ``report.<key>`` in :data:`schemas.text.TEXT`.

Kept in a file of their own only for size: :mod:`schemas.text` loads them into the one
catalog, and every report word is read through :func:`schemas.text.t`. Domain words with
no fair English equivalent (kecamatan, kabupaten, pagu, IKM, AKIP, predikat) stay
Indonesian on the English pages.
"""

from __future__ import annotations

REPORT: dict[str, tuple[str, str]] = {
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
    # the year's index when it holds several kabupaten (pipeline/reporting/kabupaten.py)
    "all_kabupaten": ("Semua kabupaten", "All kabupaten"),
    "card_tahun_kabupaten": (
        "{n} kabupaten/kota: ringkasan per kabupaten, lalu situs tiap kabupaten",
        "{n} kabupaten/kota: a summary per kabupaten, then each kabupaten's site",
    ),
    "page_kabupaten": ("Ringkasan per kabupaten", "Summary per kabupaten"),
    "intro_kabupaten": (
        "Laporan kinerja kecamatan tahun {tahun} dari {n} kabupaten/kota. Setiap kabupaten "
        "punya situs laporannya sendiri (halaman, profil kecamatan dan buku kerja Excel): "
        "klik namanya. Data sintetis diberi baris sendiri dan tidak pernah dijumlahkan dengan "
        "data resmi.",
        "The kecamatan performance reports of {tahun} from {n} kabupaten/kota. Each kabupaten "
        "has its own report site (pages, kecamatan profiles and Excel workbook): click its "
        "name. Synthetic data has rows of its own and is never added to official data.",
    ),
    "t_per_kabupaten": ("Ringkasan per kabupaten", "Summary per kabupaten"),
    "col_kode_kabupaten": ("Kode", "Code"),
    "col_provinsi": ("Provinsi", "Province"),
    "total_resmi": ("Jumlah data resmi", "Total, official data"),
    "total_sintetis": ("Jumlah data sintetis", "Total, synthetic data"),
    "f_per_kabupaten": (
        "satu baris per kabupaten dan jenis data (resmi, sintetis); serapan = jumlah realisasi "
        "anggaran program ÷ jumlah pagu program × 100; rata-rata capaian = rata-rata capaian "
        "IKU kecamatan yang masuk; belum masuk = kecamatan menurut daftar wilayah nasional "
        "tanpa laporan jenis itu tahun ini (kosong bila kabupaten tidak ada di daftar); data "
        "resmi dan sintetis dijumlahkan terpisah.",
        "one row per kabupaten and kind of data (official, synthetic); absorption = total "
        "programme spending ÷ total programme budget × 100; mean achievement = the mean IKU "
        "achievement of the kecamatan in; not yet in = the kecamatan of the national list "
        "without a report of that kind this year (empty when the kabupaten is not on the "
        "list); official and synthetic data are totalled apart.",
    ),
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
    "kpi_sintetis_terpisah": (
        "{n} kecamatan sintetis tidak dijumlahkan",
        "{n} synthetic kecamatan not added in",
    ),
    "kpi_dari": ("{masuk} dari {diharapkan} kecamatan", "{masuk} of {diharapkan} kecamatan"),
    "t_ringkasan": ("Ringkasan per kecamatan", "Summary per kecamatan"),
    "col_rata_capaian": ("Rata-rata capaian IKU", "Mean IKU achievement"),
    "col_ikm": ("IKM", "IKM"),
    "col_mutu": ("Mutu", "Grade"),
    "col_akip": ("Nilai AKIP", "AKIP score"),
    "col_predikat": ("Predikat", "Predikat"),
    "col_ikm_mutu": ("IKM (mutu)", "IKM (grade)"),
    "col_akip_predikat": ("Nilai AKIP (predikat)", "AKIP score (predikat)"),
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
