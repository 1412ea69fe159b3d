"""Figures over the years: the programme catalog, multi-year indicator series
(:func:`build_history`) and one year's :class:`Report` as data, consistent to the sen.

One module because a report is a year cut from its history: both draw on the same
catalog and indicators.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from pipeline.generate.arithmetic import (
    DASH,
    NEGATIF,
    POSITIF,
    Meas,
    Money,
    Pct,
    Value,
    akip_predikat,
    capaian_h,
    dec_text,
    efisiensi_sasaran,
    nilai_ikm,
    pct,
    thousands,
)
from pipeline.generate.places import _FIRST_NAMES, _GELAR, _LAST_NAMES, _WOMEN, Identity
from schemas.vocab import JENIS_BELANJA, TINGKAT_VALUES

PROGRAM, KEGIATAN, SUB_KEGIATAN = TINGKAT_VALUES
OPERASI, MODAL = JENIS_BELANJA["5.1"][0], JENIS_BELANJA["5.2"][0]

# ---------------------------------------------------------------- the domain catalog

# Kepmendagri 050-5889/2021 nomenclature of urusan 7.01 (Kecamatan), as kecamatan use it.
# P program | name | outcome indicator ('-': the AKIP indicator of the PK)
# K kegiatan | name | indicator (satuan %)
# S sub-kegiatan | name | indicator | satuan | target range | pagu range (rupiah) | belanja
# (target range 0-0: the number of desa). Indented lines continue the line above.
_CATALOG = """
P 7.01.01 | Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota | -
K 2.01 | Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah | Persentase
    Dokumen Perencanaan dan Pelaporan yang Disusun Tepat Waktu
S 0001 | Penyusunan Dokumen Perencanaan Perangkat Daerah | Jumlah Dokumen Perencanaan
    Perangkat Daerah | Dokumen | 1-3 | 1000000-15000000 | operasi
S 0002 | Koordinasi dan Penyusunan Dokumen RKA-SKPD | Jumlah Dokumen RKA-SKPD dan Laporan
    Hasil Koordinasi Penyusunan Dokumen RKA-SKPD | Dokumen | 1-2 | 1000000-8000000 | operasi
S 0003 | Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD | Jumlah Dokumen Perubahan
    RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen Perubahan RKA-SKPD | Dokumen |
    1-2 | 1000000-8000000 | operasi
S 0004 | Koordinasi dan Penyusunan DPA-SKPD | Jumlah Dokumen DPA-SKPD dan Laporan Hasil
    Koordinasi Penyusunan Dokumen DPA-SKPD | Dokumen | 1-2 | 1000000-8000000 | operasi
S 0006 | Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja
    SKPD | Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD | Laporan |
    1-4 | 1000000-10000000 | operasi
S 0007 | Evaluasi Kinerja Perangkat Daerah | Jumlah Laporan Evaluasi Kinerja Perangkat
    Daerah | Laporan | 1-4 | 1000000-10000000 | operasi
K 2.02 | Administrasi Keuangan Perangkat Daerah | Persentase Dokumen Keuangan yang Tersusun
    Tepat Waktu
S 0001 | Penyediaan Gaji dan Tunjangan ASN | Jumlah Orang yang Menerima Gaji dan Tunjangan
    ASN | Orang | 15-45 | 1200000000-5500000000 | operasi
S 0002 | Penyediaan Administrasi Pelaksanaan Tugas ASN | Jumlah Dokumen Hasil Penyediaan
    Administrasi Pelaksanaan Tugas ASN | Dokumen | 12-12 | 5000000-60000000 | operasi
S 0003 | Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD | Jumlah Dokumen
    Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD | Dokumen | 12-12 |
    2000000-25000000 | operasi
S 0005 | Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD | Jumlah Laporan
    Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan Laporan Keuangan Akhir
    Tahun SKPD | Laporan | 1-2 | 1000000-5000000 | operasi
S 0007 | Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD |
    Jumlah Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD | Laporan | 4-12 |
    300000-5000000 | operasi
K 2.05 | Administrasi Kepegawaian Perangkat Daerah | Persentase Pegawai yang Mendapatkan
    Pembinaan Kepegawaian
S 0002 | Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya | Jumlah Paket Pakaian Dinas
    beserta Atribut Kelengkapan | Paket | 10-60 | 5000000-40000000 | operasi
S 0009 | Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi | Jumlah Pegawai
    Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan | Orang | 2-20 |
    3000000-30000000 | operasi
S 0010 | Sosialisasi Peraturan Perundang-Undangan | Jumlah Orang yang Mengikuti Sosialisasi
    Peraturan Perundang-Undangan | Orang | 20-120 | 1000000-40000000 | operasi
K 2.06 | Administrasi Umum Perangkat Daerah | Persentase Terpenuhinya Kebutuhan Administrasi
    Umum Perangkat Daerah
S 0001 | Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor | Jumlah Paket
    Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan | Paket | 12-12 |
    2000000-15000000 | operasi
S 0002 | Penyediaan Peralatan dan Perlengkapan Kantor | Jumlah Paket Peralatan dan
    Perlengkapan Kantor yang Disediakan | Paket | 12-12 | 10000000-70000000 | operasi
S 0004 | Penyediaan Bahan Logistik Kantor | Jumlah Paket Bahan Logistik Kantor yang
    Disediakan | Paket | 12-12 | 10000000-50000000 | operasi
S 0005 | Penyediaan Barang Cetakan dan Penggandaan | Jumlah Paket Barang Cetak dan
    Penggandaan yang Disediakan | Paket | 12-12 | 5000000-30000000 | operasi
S 0006 | Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan | Jumlah Dokumen Bahan
    Bacaan dan Peraturan Perundang-Undangan yang Disediakan | Dokumen | 12-12 |
    3000000-20000000 | operasi
S 0009 | Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD | Jumlah Laporan
    Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD | Laporan | 12-12 |
    5000000-40000000 | operasi
K 2.07 | Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah | Persentase
    Pemenuhan Kebutuhan Barang Milik Daerah
S 0005 | Pengadaan Mebel | Jumlah Paket Mebel yang Disediakan | Unit | 4-30 |
    8000000-60000000 | modal
S 0006 | Pengadaan Peralatan dan Mesin Lainnya | Jumlah Unit Peralatan dan Mesin Lainnya
    yang Disediakan | Unit | 1-8 | 10000000-90000000 | modal
S 0010 | Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya | Jumlah Unit
    Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya yang Disediakan | Unit | 1-3 |
    50000000-400000000 | modal
K 2.08 | Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah | Persentase Terpenuhinya
    Kebutuhan Jasa Penunjang Kantor
S 0001 | Penyediaan Jasa Surat Menyurat | Jumlah Laporan Penyediaan Jasa Surat Menyurat |
    Laporan | 12-12 | 3000000-20000000 | operasi
S 0002 | Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik | Jumlah Laporan Penyediaan
    Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan | Laporan | 12-12 |
    30000000-150000000 | operasi
S 0004 | Penyediaan Jasa Pelayanan Umum Kantor | Jumlah Laporan Penyediaan Jasa Pelayanan
    Umum Kantor yang Disediakan | Laporan | 12-12 | 200000000-900000000 | operasi
K 2.09 | Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah | Persentase
    Barang Milik Daerah dalam Kondisi Baik
S 0002 | Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan
    Dinas atau Kendaraan Dinas Jabatan | Jumlah Kendaraan Perorangan Dinas atau Kendaraan
    Dinas Jabatan yang Dipelihara dan Dibayarkan Pajaknya | Unit | 2-12 | 10000000-60000000
    | operasi
S 0006 | Pemeliharaan Peralatan dan Mesin Lainnya | Jumlah Peralatan dan Mesin Lainnya yang
    Dipelihara | Unit | 2-20 | 3000000-25000000 | operasi
S 0009 | Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya | Jumlah Gedung Kantor
    dan Bangunan Lainnya yang Dipelihara/Direhabilitasi | Unit | 1-3 | 10000000-150000000 |
    operasi
P 7.01.02 | Program Penyelenggaraan Pemerintahan dan Pelayanan Publik | Persentase Kepuasan
    Masyarakat terhadap Pelayanan Kecamatan
K 2.01 | Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan | Persentase
    Kegiatan Pemerintahan di Kecamatan yang Terkoordinasi
S 0001 | Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan
    Perangkat Daerah dan Instansi Vertikal Terkait | Jumlah Laporan Hasil Koordinasi/Sinergi
    Perencanaan dan Pelaksanaan Kegiatan Pemerintahan | Laporan | 12-12 | 5000000-40000000 |
    operasi
S 0002 | Pelaksanaan Musyawarah Perencanaan Pembangunan di Kecamatan | Jumlah Dokumen Hasil
    Musyawarah Perencanaan Pembangunan Kecamatan | Dokumen | 1-1 | 5000000-35000000 |
    operasi
K 2.02 | Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja
    Perangkat Daerah yang Ada di Kecamatan | Persentase Pelayanan Publik Kecamatan yang
    Diselesaikan Tepat Waktu
S 0001 | Fasilitasi Percepatan Pencapaian Standar Pelayanan Minimal di Wilayah Kecamatan |
    Jumlah Laporan Fasilitasi Percepatan Pencapaian Standar Pelayanan Minimal di Wilayah
    Kecamatan | Laporan | 1-4 | 5000000-30000000 | operasi
S 0002 | Pelaksanaan Pelayanan Administrasi Terpadu Kecamatan | Jumlah Dokumen Pelayanan
    Administrasi Terpadu Kecamatan yang Diterbitkan | Dokumen | 150-900 | 5000000-45000000 |
    operasi
P 7.01.03 | Program Pemberdayaan Masyarakat Desa dan Kelurahan | Persentase Partisipasi
    Masyarakat Desa dan Kelurahan dalam Pembangunan
K 2.01 | Koordinasi Kegiatan Pemberdayaan Desa | Persentase Kegiatan Pemberdayaan Desa yang
    Terkoordinasi
S 0001 | Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan |
    Jumlah Laporan Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah
    Kecamatan | Laporan | 12-12 | 10000000-70000000 | operasi
S 0002 | Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan
    di Desa | Jumlah Desa yang Berpartisipasi dalam Forum Musyawarah Perencanaan Pembangunan
    Desa | Desa | 0-0 | 5000000-30000000 | operasi
K 2.02 | Kegiatan Pemberdayaan Kelurahan | Persentase Pelaksanaan Kegiatan Pemberdayaan
    Kelurahan
S 0001 | Pembangunan Sarana dan Prasarana Kelurahan | Jumlah Sarana dan Prasarana Kelurahan
    yang Terbangun | Unit | 2-12 | 100000000-500000000 | modal
S 0002 | Pemberdayaan Masyarakat di Kelurahan | Jumlah Pokmas dan Ormas yang Melaksanakan
    Pemberdayaan Masyarakat di Kelurahan | Pokmas/Ormas | 1-6 | 80000000-300000000 | operasi
P 7.01.04 | Program Koordinasi Ketentraman dan Ketertiban Umum | Persentase Desa yang
    Kondisinya Aman dan Kondusif
K 2.01 | Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum | Persentase
    Rapat Koordinasi Ketenteraman dan Ketertiban Umum yang Terlaksana
S 0001 | Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia
    dan Instansi Vertikal di Wilayah Kecamatan | Jumlah Laporan Hasil Sinergitas dengan
    Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan Instansi Vertikal
    di Wilayah Kecamatan | Laporan | 12-12 | 10000000-60000000 | operasi
S 0002 | Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat | Jumlah Laporan Hasil
    Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat | Laporan | 2-12 |
    5000000-30000000 | operasi
S 0003 | Pelaksanaan Koordinasi Penegakan Peraturan Daerah dan Peraturan Kepala Daerah |
    Jumlah Laporan Hasil Koordinasi Penegakan Peraturan Daerah dan Peraturan Kepala Daerah |
    Laporan | 2-12 | 5000000-30000000 | operasi
P 7.01.05 | Program Penyelenggaraan Urusan Pemerintahan Umum | Persentase Partisipasi
    Masyarakat dalam Pembinaan Wawasan Kebangsaan
K 2.01 | Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah |
    Persentase Pelaksanaan Pembinaan Wawasan Kebangsaan dan Persatuan Bangsa
S 0001 | Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional dalam rangka Memantapkan
    Pengamalan Pancasila, Pelaksanaan Undang-Undang Dasar Negara Republik Indonesia Tahun
    1945, Pelestarian Bhinneka Tunggal Ika serta Pemertahanan dan Pemeliharaan Keutuhan
    Negara Kesatuan Republik Indonesia | Jumlah Orang yang Mengikuti Pembinaan Wawasan
    Kebangsaan dan Ketahanan Nasional | Orang | 50-300 | 20000000-80000000 | operasi
S 0002 | Pembinaan Persatuan dan Kesatuan Bangsa | Jumlah Orang yang Mengikuti Pembinaan
    Persatuan dan Kesatuan Bangsa | Orang | 50-300 | 10000000-60000000 | operasi
S 0003 | Pembinaan Kerukunan Antarsuku dan Intrasuku, Umat Beragama, Ras, dan Golongan
    Lainnya Guna Mewujudkan Stabilitas Keamanan Lokal, Regional, dan Nasional | Jumlah Orang
    yang Mengikuti Pembinaan Kerukunan Antarsuku dan Intrasuku, Umat Beragama, Ras, dan
    Golongan Lainnya | Orang | 50-300 | 10000000-60000000 | operasi
S 0004 | Penanganan Konflik Sosial | Jumlah Laporan Penanganan Konflik Sosial | Laporan |
    1-4 | 5000000-30000000 | operasi
P 7.01.06 | Program Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Desa | Persentase
    Desa yang Tertib Administrasi Pemerintahan
K 2.01 | Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa |
    Persentase Desa yang Difasilitasi dalam Penyelenggaraan Pemerintahan Desa
S 0001 | Fasilitasi Penyusunan Peraturan Desa dan Peraturan Kepala Desa | Jumlah Desa yang
    Difasilitasi dalam Penyusunan Peraturan Desa dan Peraturan Kepala Desa | Desa | 0-0 |
    10000000-60000000 | operasi
S 0002 | Fasilitasi Administrasi Tata Pemerintahan Desa | Jumlah Desa yang Difasilitasi
    dalam Administrasi Tata Pemerintahan Desa | Desa | 0-0 | 10000000-60000000 | operasi
S 0003 | Fasilitasi Pengelolaan Keuangan Desa | Jumlah Desa yang Difasilitasi dalam
    Pengelolaan Keuangan Desa | Desa | 0-0 | 10000000-80000000 | operasi
S 0005 | Fasilitasi Penataan, Pemanfaatan dan Pendayagunaan Ruang Desa | Jumlah Desa yang
    Difasilitasi dalam Penataan, Pemanfaatan dan Pendayagunaan Ruang Desa | Desa | 0-0 |
    10000000-50000000 | operasi
"""

Sub = tuple[str, str, str, str, tuple[int, int], tuple[int, int], str]
Keg = tuple[str, str, str, tuple[Sub, ...]]
Prog = tuple[str, str, str, tuple[Keg, ...]]


def _parse_catalog(text: str) -> tuple[Prog, ...]:
    """The catalog table above -> nested tuples (program > kegiatan > sub-kegiatan)."""
    records: list[str] = []
    for line in text.strip().splitlines():
        if line.startswith("    "):
            records[-1] += " " + line.strip()
        else:
            records.append(line)
    progs: list[list] = []
    for record in records:
        level, _, body = record.partition(" ")
        fields = [f.strip() for f in body.split(" | ")]
        if level == "P":
            progs.append([fields[0], fields[1], "" if fields[2] == "-" else fields[2], []])
        elif level == "K":
            progs[-1][3].append([fields[0], fields[1], fields[2], []])
        else:
            lo, hi = (int(v) for v in fields[4].split("-"))
            p_lo, p_hi = (int(v) for v in fields[5].split("-"))
            sub = (fields[0], fields[1], fields[2], fields[3], (lo, hi), (p_lo, p_hi), fields[6])
            progs[-1][3][-1][3].append(sub)
    return tuple(
        (code, name, ind, tuple((kk, kn, ki, tuple(subs)) for kk, kn, ki, subs in kegs))
        for code, name, ind, kegs in progs
    )


PROGRAMS: tuple[Prog, ...] = _parse_catalog(_CATALOG)

IKM_UNSUR = (
    "Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Penanganan Pengaduan, Saran dan Masukan",
    "Sarana dan Prasarana",
)
AKIP_KOMPONEN = (
    ("Perencanaan Kinerja", 3000),
    ("Pengukuran Kinerja", 3000),
    ("Pelaporan Kinerja", 1500),
    ("Evaluasi Akuntabilitas Kinerja Internal", 2500),
)

# ---------------------------------------------------------------- multi-year history


@dataclass
class Indicator:
    """One strategic indicator of a kecamatan, its targets and results over the years."""

    key: str
    sasaran: str
    nama: str
    satuan: str
    polaritas: str
    predikat: bool  # printed with its AKIP predikat
    target: dict[int, int]
    realisasi: dict[int, int]
    target_akhir: int = 0
    in_kemajuan: bool = True
    on_program: str | None = None  # program code whose row repeats this indicator


@dataclass
class History:
    """What stays true across a kecamatan's reports: indicators, AKIP and IKM per year."""

    indicators: list[Indicator]
    akip: dict[int, list[int]]
    ikm_unsur: dict[int, list[int]]
    tahun_akhir: int
    camat: str
    nip: str
    luas_ha: int
    penduduk: int


def _walk(rng: random.Random, years: range, start: int, step: tuple[int, int], cap: int) -> dict:
    out, value = {}, start
    for y in years:
        out[y] = min(cap, value)
        value += rng.randint(*step)
    return out


def build_history(ident: Identity, seed: int, first: int, last: int) -> History:
    """Indicators, AKIP and IKM for ``first - 4 .. last``, so trend tables agree across years."""
    rng = random.Random(f"{seed}:riwayat:{ident.index}")
    years = range(first - 4, last + 1)
    quality = rng.uniform(3.05, 3.55)
    free = rng.random() < 0.6
    ikm_unsur: dict[int, list[int]] = {}
    for y in years:
        quality = min(3.85, max(2.8, quality + rng.uniform(-0.08, 0.12)))
        unsur = [
            min(400, max(200, round((quality + rng.uniform(-0.3, 0.3)) * 100))) for _ in IKM_UNSUR
        ]
        if free:
            unsur[3] = 400
        ikm_unsur[y] = unsur
    base = rng.uniform(0.58, 0.76)
    akip: dict[int, list[int]] = {}
    for y in years:
        base = min(0.86, max(0.5, base + rng.uniform(-0.02, 0.035)))
        akip[y] = [
            min(bobot, round(bobot * min(0.97, max(0.35, base + rng.uniform(-0.08, 0.08)))))
            for _, bobot in AKIP_KOMPONEN
        ]
    ikm = Indicator(
        "ikm",
        "Meningkatnya Kepuasan Masyarakat terhadap Pelayanan Publik",
        "Indeks Kepuasan Masyarakat (IKM)",
        "Nilai",
        POSITIF,
        False,
        _walk(rng, years, rng.randint(156, 172) * 50, (0, 150), 9500),
        {y: nilai_ikm(ikm_unsur[y]) for y in years},
    )
    akip_ind = Indicator(
        "akip",
        "Meningkatnya Akuntabilitas Kinerja Kecamatan",
        "Nilai Evaluasi AKIP",
        "Nilai",
        POSITIF,
        True,
        _walk(rng, years, rng.randint(600, 720) * 10, (0, 30), 8800),
        {y: sum(akip[y]) for y in years},
        on_program="7.01.01" if rng.random() < 0.7 else None,
    )
    indicators = [ikm, akip_ind]
    n_wilayah = ident.desa + ident.kelurahan
    extra = rng.sample(("trantib", "admin", "aduan"), rng.choice((0, 1, 1, 2)))
    for key in sorted(extra, key=("trantib", "admin", "aduan").index):
        if key == "trantib":
            target = dict.fromkeys(years, rng.choice((9500, 10000)))
            real = {
                y: pct(rng.randint(max(1, n_wilayah * 8 // 10), n_wilayah), n_wilayah)
                for y in years
            }
            indicators.append(
                Indicator(
                    key,
                    "Meningkatnya Ketentraman dan Ketertiban Umum",
                    "Persentase Desa/Kelurahan yang Kondisinya Aman dan Kondusif",
                    "%",
                    POSITIF,
                    False,
                    target,
                    real,
                    on_program="7.01.04",
                )
            )
        elif key == "admin" and ident.desa:
            target = _walk(rng, years, rng.randint(16, 19) * 500, (0, 500), 10000)
            real = {
                y: pct(rng.randint(max(1, ident.desa * 7 // 10), ident.desa), ident.desa)
                for y in years
            }
            indicators.append(
                Indicator(
                    key,
                    "Meningkatnya Kualitas Penyelenggaraan Pemerintahan Desa",
                    "Persentase Desa yang Tertib Administrasi Pemerintahan",
                    "%",
                    POSITIF,
                    False,
                    target,
                    real,
                    on_program="7.01.06",
                )
            )
        elif key == "aduan":
            start = rng.randint(20, 30) * 50
            target = {y: max(300, start - 100 * i) for i, y in enumerate(years)}
            real = {y: max(0, t + rng.randint(-400, 300)) for y, t in target.items()}
            indicators.append(
                Indicator(
                    key,
                    "Meningkatnya Kualitas Pelayanan Publik Kecamatan",
                    "Persentase Pengaduan Masyarakat yang Tidak Tertangani",
                    "%",
                    NEGATIF,
                    False,
                    target,
                    real,
                    in_kemajuan=False,
                )
            )
    tahun_akhir = last + rng.randint(1, 3)
    for ind in indicators:
        if ind.satuan == "%":
            ind.target_akhir = 10000
        else:
            ind.target_akhir = min(9800, ind.target[last] + rng.randint(5, 40) * 10)
    pick = random.Random(f"pejabat:{ident.index}")
    first_name = pick.choice(_FIRST_NAMES)
    last_name = pick.choice(_LAST_NAMES)
    camat = " ".join(p for p in (first_name, last_name) if p) + ", " + pick.choice(_GELAR)
    born = (pick.randint(1966, 1984), pick.randint(1, 12), pick.randint(1, 28))
    tmt = (born[0] + pick.randint(22, 30), pick.randint(1, 12))
    sex = 2 if first_name in _WOMEN else 1
    nip = (
        f"{born[0]}{born[1]:02d}{born[2]:02d} {tmt[0]}{tmt[1]:02d} {sex} {pick.randint(1, 12):03d}"
    )
    luas = pick.randint(30, 400) * 100 + pick.randint(0, 99)
    penduduk = (ident.desa + ident.kelurahan) * pick.randint(1500, 4200)
    return History(indicators, akip, ikm_unsur, tahun_akhir, camat, nip, luas, penduduk)


# ---------------------------------------------------------------- one report as data

Row = dict[str, Value]


@dataclass
class ProgramMeta:
    code: str
    row: int
    kegiatan: list[tuple[int, list[int]]]  # (kegiatan row, sub rows)


@dataclass
class Report:
    """One submission as data: printed values per table row, plus where things are."""

    ident: Identity
    tahun: int
    tables: dict[str, list[Row]]
    programs: list[ProgramMeta]
    pk_total: int
    belanja: dict[int, str]  # program_kegiatan sub row -> 'operasi' | 'modal'
    indicators: list[Indicator]
    claimed: set[str] = field(default_factory=set)

    def rows(self, table: str) -> list[Row]:
        return self.tables[table]


def _rupiah(rng: random.Random, lo: int, hi: int) -> int:
    """A plausible pagu in sen: mostly round thousands, sometimes odd rupiah, rarely sen."""
    x = math.exp(rng.uniform(math.log(lo), math.log(hi)))
    r = rng.random()
    if r < 0.55:
        rupiah = int(round(x, -3))
    elif r < 0.8:
        rupiah = round(x / 500) * 500
    else:
        rupiah = round(x)
    sen = max(1000, rupiah) * 100
    if rng.random() < 0.03:
        sen += rng.randint(1, 99)
    return sen


def _realisasi(rng: random.Random, pagu: int) -> int:
    if rng.random() < 0.35:
        return pagu
    real = pagu * rng.uniform(0.7, 0.999)
    sen = int(real) // 100 * 100
    if rng.random() < 0.1:
        sen += rng.randint(1, 99)
    return min(sen, pagu)


def _kinerja(rng: random.Random) -> int:
    return 10000 if rng.random() < 0.85 else rng.randint(8500, 9999)


def _choose(rng: random.Random, items: tuple, lo: int, hi: int, must: tuple[str, ...] = ()) -> list:
    """A sorted sample of ``items`` (by their code) of size lo..hi that includes ``must``."""
    hi = min(hi, len(items))
    k = rng.randint(min(lo, hi), hi)
    forced = [it for it in items if it[0] in must]
    rest = [it for it in items if it[0] not in must]
    picked = forced + rng.sample(rest, max(0, min(len(rest), k - len(forced))))
    return sorted(picked, key=lambda it: it[0])


def _program_rows(
    rng: random.Random, ident: Identity, tahun: int, hist: History
) -> tuple[list[Row], list[ProgramMeta], dict[int, str]]:
    extra = [p for p in PROGRAMS[2:] if p[0] != "7.01.06" or ident.desa]
    progs = [*PROGRAMS[:2], *rng.sample(extra, rng.randint(2, min(4, len(extra))))]
    progs.sort(key=lambda p: p[0])
    rows: list[Row] = []
    metas: list[ProgramMeta] = []
    belanja: dict[int, str] = {}
    upper = rng.random() < 0.7
    for code, name, indikator, keg_catalog in progs:
        if code == "7.01.03" and not ident.kelurahan:
            keg_catalog = tuple(k for k in keg_catalog if k[0] != "2.02")
        must = ("2.02", "2.07") if code == "7.01.01" and rng.random() < 0.85 else ("2.02",)
        lo = 3 if code == "7.01.01" else 1
        kegs = _choose(rng, keg_catalog, lo, 6, must if code == "7.01.01" else ())
        prog_row = len(rows)
        rows.append({})
        meta = ProgramMeta(code, prog_row, [])
        prog_pagu = prog_real = 0
        for kk, keg_name, keg_ind, sub_catalog in kegs:
            keg_row = len(rows)
            rows.append({})
            subs = _choose(rng, sub_catalog, 1, 6, ("0001",) if kk == "2.02" else ())
            sub_rows: list[int] = []
            keg_pagu = keg_real = 0
            for ssss, sub_name, sub_ind, satuan, (t_lo, t_hi), (p_lo, p_hi), kind in subs:
                target = ident.desa if satuan == "Desa" else rng.randint(t_lo, t_hi)
                target = max(1, target)
                real_k = (
                    target if rng.random() < 0.8 else rng.randint(max(1, target * 6 // 10), target)
                )
                pagu = _rupiah(rng, p_lo, p_hi)
                real = _realisasi(rng, pagu)
                keg_pagu += pagu
                keg_real += real
                sub_rows.append(len(rows))
                belanja[len(rows)] = kind
                rows.append(
                    {
                        "tingkat": SUB_KEGIATAN,
                        "kode": f"{code}.{kk}.{ssss}",
                        "nama": sub_name,
                        "indikator": sub_ind,
                        "satuan": satuan,
                        "target_kinerja": Meas(target * 100, 0),
                        "pagu": Money(pagu),
                        "realisasi_kinerja": Meas(real_k * 100, 0),
                        "realisasi_anggaran": Money(real),
                        "persen_kinerja": Pct(pct(real_k, target)),
                        "persen_anggaran": Pct(pct(real, pagu)),
                    }
                )
            t, r = 10000, _kinerja(rng)
            rows[keg_row] = {
                "tingkat": KEGIATAN,
                "kode": f"{code}.{kk}",
                "nama": keg_name,
                "indikator": keg_ind,
                "satuan": "%",
                "target_kinerja": Meas(t, 0),
                "pagu": Money(keg_pagu),
                "realisasi_kinerja": Meas(r, 0 if r % 100 == 0 else 2),
                "realisasi_anggaran": Money(keg_real),
                "persen_kinerja": Pct(pct(r, t)),
                "persen_anggaran": Pct(pct(keg_real, keg_pagu)),
            }
            meta.kegiatan.append((keg_row, sub_rows))
            prog_pagu += keg_pagu
            prog_real += keg_real
        outcome = next((i for i in hist.indicators if i.on_program == code), None)
        polaritas = POSITIF
        if outcome is not None:  # an IKU repeated on its program row, with the PK's figures
            ind_name, satuan, polaritas = outcome.nama, outcome.satuan, outcome.polaritas
            t, r = outcome.target[tahun], outcome.realisasi[tahun]
            target_v, real_v = Meas(t), Meas(r)
        else:
            ind_name, satuan = indikator or "Persentase Capaian Kinerja Penunjang Urusan", "%"
            t, r = 10000, _kinerja(rng)
            target_v, real_v = Meas(t, 0), Meas(r, 0 if r % 100 == 0 else 2)
        rows[prog_row] = {
            "tingkat": PROGRAM,
            "kode": code,
            "nama": name.upper() if upper else name,
            "indikator": ind_name,
            "satuan": satuan,
            "target_kinerja": target_v,
            "pagu": Money(prog_pagu),
            "realisasi_kinerja": real_v,
            "realisasi_anggaran": Money(prog_real),
            "persen_kinerja": Pct(capaian_h(t, r, polaritas)),
            "persen_anggaran": Pct(pct(prog_real, prog_pagu)),
        }
        metas.append(meta)
    return rows, metas, belanja


def _sdm_rows(rng: random.Random) -> list[Row]:
    """Staff by sex and by education; percentages that add up to 100,00 exactly."""
    total = rng.randint(18, 70)
    groups = (
        ("jenis_kelamin", ("Laki-laki", "Perempuan")),
        ("pendidikan", ("Strata 2", "Strata 1", "D3", "SLTA", "SLTP")),
    )
    rows: list[Row] = []
    for kategori, labels in groups:
        for _ in range(200):
            weights = [
                rng.random() + (0.6 if lab in ("Strata 1", "SLTA", "Laki-laki") else 0)
                for lab in labels
            ]
            counts = [int(total * w / sum(weights)) for w in weights]
            counts[labels.index("Strata 1" if len(labels) > 2 else "Laki-laki")] += total - sum(
                counts
            )
            if sum(pct(c, total) for c in counts) == 10000:
                break
        dash_zero = rng.random() < 0.5
        for i, (label, count) in enumerate(zip(labels, counts, strict=True)):
            zero = count == 0 and dash_zero
            rows.append(
                {
                    "kategori": kategori if i == 0 or rng.random() < 0.7 else None,
                    "uraian": label,
                    "jumlah": DASH if zero else count,
                    "persen": DASH if zero else Pct(pct(count, total)),
                }
            )
        rows.append(
            {
                "kategori": None,
                "uraian": rng.choice(("Jumlah", "JUMLAH")),
                "jumlah": total,
                "persen": Pct(10000),
                "_total": True,
            }
        )
    return rows


def _measure(ind: Indicator, h: int) -> Meas:
    return Meas(h, 2, akip_predikat(h) if ind.predikat else None)


def _sen(row: Row, column: str) -> int:
    value = row[column]
    assert isinstance(value, Money)
    return value.sen


def build_report(ident: Identity, tahun: int, seed: int, hist: History) -> Report:
    """Every table of one consistent submission, figures derived exactly."""
    rng = random.Random(f"{seed}:laporan:{ident.index}:{tahun}")
    pk_rows, programs, belanja = _program_rows(rng, ident, tahun, hist)
    total_pagu = sum(_sen(pk_rows[p.row], "pagu") for p in programs)
    total_real = sum(_sen(pk_rows[p.row], "realisasi_anggaran") for p in programs)
    serapan = pct(total_real, total_pagu)
    pk_total = len(pk_rows)
    pk_rows.append(
        {
            "nama": rng.choice(("JUMLAH", "Jumlah", "TOTAL")),
            "pagu": Money(total_pagu),
            "realisasi_anggaran": Money(total_real),
            "persen_anggaran": Pct(serapan),
            "_total": True,
        }
    )
    modal = [i for i, kind in belanja.items() if kind == "modal"]
    modal_pagu = sum(_sen(pk_rows[i], "pagu") for i in modal)
    modal_real = sum(_sen(pk_rows[i], "realisasi_anggaran") for i in modal)
    caps = rng.random() < 0.5
    jenis = [
        (
            OPERASI.upper() if caps else OPERASI,
            total_pagu - modal_pagu,
            total_real - modal_real,
        )
    ]
    if modal_pagu:
        jenis.append((MODAL.upper() if caps else MODAL, modal_pagu, modal_real))
    total_label = rng.choice(("TOTAL :", "TOTAL", "JUMLAH", "Jumlah"))
    rencana: list[Row] = [
        {"no": f"{i + 1}.", "jenis_belanja": j, "anggaran": Money(a)}
        for i, (j, a, _) in enumerate(jenis)
    ]
    rencana.append({"jenis_belanja": total_label, "anggaran": Money(total_pagu), "_total": True})
    realisasi: list[Row] = [
        {
            "no": f"{i + 1}.",
            "jenis_belanja": j,
            "anggaran": Money(a),
            "realisasi": Money(r),
            "persen": Pct(pct(r, a)),
        }
        for i, (j, a, r) in enumerate(jenis)
    ]
    realisasi.append(
        {
            "jenis_belanja": total_label,
            "anggaran": Money(total_pagu),
            "realisasi": Money(total_real),
            "persen": Pct(serapan),
            "_total": True,
        }
    )
    ket = rng.choice(("APBD", "PAPBD", "P-APBD", "DPA"))
    anggaran: list[Row] = [
        {
            "no": i + 1,
            "program": PROGRAMS_BY_CODE[p.code][1],
            "anggaran": pk_rows[p.row]["pagu"],
            "keterangan": ket if rng.random() < 0.9 else DASH,
        }
        for i, p in enumerate(programs)
    ]
    anggaran.append(
        {"program": rng.choice(("JUMLAH", "Jumlah")), "anggaran": Money(total_pagu), "_total": True}
    )

    inds = hist.indicators
    program_serapan = {}
    for prog in programs:
        printed = pk_rows[prog.row]["persen_anggaran"]
        assert isinstance(printed, Pct)
        program_serapan[prog.code] = printed.h
    pk: list[Row] = []
    capaian: list[Row] = []
    tren: list[Row] = []
    kemajuan: list[Row] = []
    efisiensi: list[Row] = []
    negative = any(i.polaritas == NEGATIF for i in inds)
    for n, ind in enumerate(inds, start=1):
        t, r = ind.target[tahun], ind.realisasi[tahun]
        cap = capaian_h(t, r, ind.polaritas)
        pk.append(
            {
                "no": n,
                "sasaran_strategis": ind.sasaran,
                "indikator": ind.nama,
                "satuan": ind.satuan,
                "target": _measure(ind, t),
                "polaritas": ind.polaritas if negative else None,
            }
        )
        capaian.append(
            {
                "no": n,
                "sasaran_strategis": ind.sasaran,
                "indikator": ind.nama,
                "satuan": ind.satuan,
                "target": _measure(ind, t),
                "realisasi": _measure(ind, r),
                "capaian": Pct(cap),
            }
        )
        for y in range(tahun - 4, tahun + 1):
            ty, ry = ind.target[y], ind.realisasi[y]
            tren.append(
                {
                    "indikator": ind.nama,
                    "satuan": ind.satuan,
                    "tahun": y,
                    "target": _measure(ind, ty),
                    "realisasi": _measure(ind, ry),
                    "capaian": Pct(capaian_h(ty, ry, ind.polaritas)),
                }
            )
        if ind.in_kemajuan:
            kemajuan.append(
                {
                    "no": len(kemajuan) + 1,
                    "indikator": ind.nama,
                    "realisasi": _measure(ind, r),
                    "target_akhir": _measure(ind, ind.target_akhir),
                    "tahun_akhir": hist.tahun_akhir,
                    "tingkat_kemajuan": Pct(pct(r, ind.target_akhir)),
                }
            )
        # the sasaran's absorption: its program's serapan when the IKU sits on a program row
        absorbed = program_serapan.get(ind.on_program or "", serapan)
        efisiensi.append(
            {
                "no": n,
                "sasaran_strategis": ind.sasaran,
                "indikator": ind.nama,
                "persen_capaian": Pct(cap),
                "persen_penyerapan": Pct(absorbed),
                "tingkat_efisiensi": Pct(efisiensi_sasaran(cap, absorbed)),
            }
        )

    unsur = hist.ikm_unsur[tahun]
    ikm = nilai_ikm(unsur)
    responden = rng.randint(60, 400)
    tidak_puas = 0 if rng.random() < 0.3 else rng.randint(1, max(1, responden // 10))
    survei: list[Row] = [
        {"kolom": "jumlah_responden", "nilai": responden},
        {"kolom": "puas", "nilai": responden - tidak_puas},
        {"kolom": "tidak_puas", "nilai": tidak_puas},
        {"kolom": "nilai_ikm", "nilai": Pct(ikm)},
    ]
    unsur_rows: list[Row] = [
        {"no": f"{i + 1}.", "unsur": u, "nilai": Pct(v)}
        for i, (u, v) in enumerate(zip(IKM_UNSUR, unsur, strict=True))
    ]
    akip_years = [y for y in range(tahun - 2, tahun + 1) if y >= 2022] or [tahun]
    komponen: list[Row] = []
    nilai: list[Row] = []
    for y in akip_years:
        for (name, bobot), value in zip(AKIP_KOMPONEN, hist.akip[y], strict=True):
            komponen.append(
                {"tahun": y, "komponen": name, "bobot": Pct(bobot), "nilai": Pct(value)}
            )
        total = sum(hist.akip[y])
        nilai.append({"tahun": y, "nilai": Pct(total), "predikat": akip_predikat(total)})
    identitas = _identitas_rows(ident, tahun, hist, rng)
    tables: dict[str, list[Row]] = {
        "identitas": identitas,
        "perjanjian_kinerja": pk,
        "anggaran_program": anggaran,
        "rencana_belanja": rencana,
        "capaian_iku": capaian,
        "tren_iku": tren,
        "kemajuan_renstra": kemajuan,
        "program_kegiatan": pk_rows,
        "realisasi_belanja": realisasi,
        "ikm_unsur": unsur_rows,
        "ikm_survei": survei,
        "akip_komponen": komponen,
        "akip_nilai": nilai,
        "efisiensi_sasaran": efisiensi,
        "sdm": _sdm_rows(rng),
    }
    return Report(ident, tahun, tables, programs, pk_total, belanja, inds)


PROGRAMS_BY_CODE = {p[0]: p for p in PROGRAMS}


def _identitas_rows(ident: Identity, tahun: int, hist: History, rng: random.Random) -> list[Row]:
    day = rng.randint(5, 28)
    month = rng.choice((1, 1, 2))
    growth = 1 + 0.012 * (tahun - 2020)
    values: list[tuple[str, str]] = [
        ("provinsi", ident.provinsi),
        ("kabupaten", ident.kabupaten),
        ("kecamatan", ident.kecamatan),
        ("tahun", str(tahun)),
        ("kode_wilayah", ident.kode),
        ("penanggung_jawab", hist.camat),
        ("nip", hist.nip),
        ("tanggal_laporan", f"{tahun + 1}-{month:02d}-{day:02d}"),
        ("jumlah_desa", str(ident.desa)),
        ("jumlah_kelurahan", str(ident.kelurahan)),
        ("jumlah_penduduk", thousands(round(hist.penduduk * growth))),
        ("luas_ha", dec_text(hist.luas_ha)),
        ("sintetis", "ya"),
    ]
    return [{"kolom": k, "nilai": v} for k, v in values]
