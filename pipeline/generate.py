"""Synthetic submissions with injected errors and a ground truth, for tests and benchmarks.

Why: the validator can only be trusted if we know what it should find. A generated
submission is internally consistent to the sen (every derived figure computed exactly as
``docs/domain-rules.md`` says, rounded half-up to the printed 2 decimals), so any finding
on it is a false positive; then ``inject`` errors are typed into known cells, so a missed
one is a false negative. The ground truth names the rule and the ``sheet!cell`` where the
validator must report it.

Made-up data must never pass for real: every submission says ``sintetis = ya`` in its
``identitas`` sheet, carries a ``sintetis`` custom property, and is written under
``<out>/sintetis/<tahun>/``. The first 12 kecamatan are the real ones of Kabupaten Batu
Bara (12.19.01 .. 12.19.12) with invented figures; the others have invented names in
invented kabupaten whose Kemendagri codes use unassigned province codes (99, 98, 97, 90..84).

Same arguments, same bytes: all randomness comes from ``random.Random`` seeded with
strings built from the arguments, and workbooks carry a fixed creation date.

Formulas (exact: money in integer sen, percentages in integer hundredths)
-------------------------------------------------------------------------
- capaian = realisasi / target * 100 (polaritas negatif: (2*target - realisasi) / target * 100);
- persen_kinerja = realisasi_kinerja / target_kinerja * 100; persen_anggaran (serapan) and
  realisasi_belanja.persen = realisasi / pagu * 100; tingkat_kemajuan = realisasi / target_akhir
  * 100; sdm persen = jumlah / total * 100; nilai_ikm = mean(9 unsur) * 25;
- ``SASARAN_EFISIENSI``: efisiensi_sasaran.tingkat_efisiensi = persen_capaian - persen_penyerapan;
  ``PROGRAM_EFISIENSI``: program_kegiatan.tingkat_efisiensi is left empty;
- all of them rounded half-up to 2 decimals; sums exact to the sen.

Injected errors (``INJECTION_KINDS``): what changes, and what the validator must report
--------------------------------------------------------------------------------------
Each injection edits one printed figure (two or four for SER003, XTB005, SCH001: see
there) in a "place" no other injection of the same submission touches. Where possible the
edit is chosen so that no derived figure of the same row moves (a pagu typo small enough
that the printed serapan stays right), and it always misses by more than rounding at the
printed precision (:func:`visible`). Truth columns: ``cell`` is where the finding is
expected, ``changed_cell`` the cell edited, ``original``/``injected`` its text as printed,
``consequences`` the ``RULE@sheet!cell`` findings that legitimately follow from the root
(allowed, not required).

======  ========================================================  ============================
rule    edit                                                      expected (consequences)
======  ========================================================  ============================
TOT001  digit typo in a declared JUMLAH/TOTAL money cell of        TOT001 there (TOT003 at the
        anggaran_program, rencana_belanja, realisasi_belanja or    row's own percentage if the
        program_kegiatan (pagu)                                    typo moves it)
HIE002  digit typo raising a KEGIATAN pagu (its subs unchanged)    HIE002 there (HIE001 at the
                                                                   program pagu; SER001 at the
                                                                   row's serapan if it moves)
HIE001  digit typo lowering a PROGRAM realisasi_anggaran (its      HIE001 there (TOT001 at the
        kegiatan unchanged)                                        JUMLAH realisasi, XTB007 over
                                                                   the program rows; SER001)
SER001  persen_anggaran of a program/kegiatan/sub row              SER001 there
SER002  realisasi_belanja.persen of a detail row                   SER002 there
SER003  a sub_kegiatan realisasi raised 1-8% above its pagu, a     SER003 at the over-spent
        sibling's lowered by as much, both serapan reprinted       realisasi
CAP001  capaian_iku.capaian                                        CAP001 there (XTB003 at the
                                                                   report year in tren_iku,
                                                                   XTB011 in efisiensi_sasaran)
CAP002  tren_iku.capaian of a year before the report year          CAP002 there
CAP003  persen_kinerja of a program/kegiatan/sub row               CAP003 there
KEM001  kemajuan_renstra.tingkat_kemajuan                          KEM001 there
AKP001  one akip_komponen nilai (kept <= bobot, same band)         AKP001 at the akip_nilai
                                                                   nilai of that year
AKP003  akip_nilai predikat set to a neighbouring band             AKP003 there
IKM002  ikm_survei nilai_ikm moved by 1.5 to 5 points              IKM002 there (XTB009 at the
                                                                   IKM realisasi in capaian_iku)
IKM003  ikm_survei puas (puas + tidak_puas != jumlah_responden)    IKM003 at jumlah_responden:
                                                                   a + b = c cannot say which
                                                                   part is wrong, so the total
XTB001  perjanjian_kinerja target of an indicator not repeated     XTB001 at the PK target
        on a program row (capaian_iku and tren_iku keep the old    (XTB002 at the tren_iku
        target and agree with each other)                          target of the report year)
XTB005  two anggaran_program budgets, +d and -d (JUMLAH and all    XTB005 at the first (XTB005
        totals stay right)                                         at the second)
SDM001  sdm persen of a detail row                                 SDM001 there
SCH004  a sub_kegiatan kode mistyped (``0001`` -> ``O001`` or      SCH004 there
        three digits), still starting with its parent's code
SCH001  rencana_belanja: Belanja Modal typed negative, Belanja     SCH001 at the modal cell
        Operasi raised by twice that (the TOTAL stays right)
ING007  a rencana_belanja or anggaran_program detail anggaran      ING007 there (TOT001 at the
        typed as ``50910.72.162`` (misplaced dots)                 declared total)
IDN001  identitas kode_wilayah of a Batu Bara kecamatan set to     IDN001 there
        another Batu Bara kecamatan's code
======  ========================================================  ============================

Not single-cell, so injected in the consistent form above: SER003 (a lone over-spend
breaks the kegiatan sum), SCH001 (a lone negative breaks the TOTAL), XTB005 (one changed
budget breaks either its JUMLAH or the total agreement). IDN001 goes only to the real Batu
Bara kecamatan: a synthetic code has no reference to be wrong against. Synthetic kabupaten
are unknown to ``schemas/data/wilayah.csv``, so every synthetic submission also draws one
IDN002 warning by construction.
"""

from __future__ import annotations

import bisect
import functools
import math
import multiprocessing
import random
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polars as pl

from pipeline.ingest import fingerprint
from pipeline.workbook import Cell, SheetSpec, write_csv_folder, write_workbook
from schemas.contract import TABLE_BY_NAME, Kind, header_lookup, norm, sheet_lookup

# ---------------------------------------------------------------- formulas shared with validate

SASARAN_EFISIENSI = "persen_capaian - persen_penyerapan"
"""efisiensi_sasaran.tingkat_efisiensi as generated (variant 1 of domain-rules.md)."""
PROGRAM_EFISIENSI: str | None = None
"""program_kegiatan.tingkat_efisiensi as generated: None = left empty."""

INJECTION_KINDS: tuple[str, ...] = (
    "TOT001",
    "HIE002",
    "HIE001",
    "SER001",
    "SER002",
    "SER003",
    "CAP001",
    "CAP002",
    "CAP003",
    "KEM001",
    "AKP001",
    "AKP003",
    "IKM002",
    "IKM003",
    "XTB001",
    "XTB005",
    "SDM001",
    "SCH004",
    "SCH001",
    "ING007",
    "IDN001",
)

TRUTH_COLUMNS: dict[str, pl.DataType] = {
    "file": pl.String(),
    "submission_id": pl.String(),
    "kecamatan": pl.String(),
    "kode_wilayah": pl.String(),
    "tahun": pl.Int64(),
    "rule": pl.String(),
    "table": pl.String(),
    "sheet": pl.String(),
    "cell": pl.String(),
    "column": pl.String(),
    "row": pl.Int64(),
    "original": pl.String(),
    "injected": pl.String(),
    "changed_cell": pl.String(),
    "consequences": pl.String(),
}

SYNTHETIC_PROVINCES: tuple[tuple[str, str], ...] = (
    ("99", "Sumatera Tenggara"),
    ("98", "Kalimantan Barat Daya"),
    ("97", "Sulawesi Barat Daya"),
    ("90", "Nusa Tenggara Tengah"),
    ("89", "Maluku Tenggara Raya"),
    ("88", "Kepulauan Selat Raya"),
    ("87", "Jawa Selatan Raya"),
    ("86", "Kalimantan Timur Laut"),
    ("85", "Sulawesi Timur Raya"),
    ("84", "Sumatera Barat Laut"),
)
"""Province codes no real region has (real ones: 11-19, 21, 31-36, 51-53, 61-65, 71-76, 81-82,
91-96), with invented names: 99, 98, 97, then 90 down to 84."""

BATU_BARA: tuple[tuple[str, str, int, int], ...] = (
    # kode, kecamatan, desa, kelurahan (shared/data/wilayah_batubara.csv)
    ("12.19.01", "Medang Deras", 18, 3),
    ("12.19.02", "Sei Suka", 9, 1),
    ("12.19.03", "Air Putih", 17, 2),
    ("12.19.04", "Lima Puluh", 11, 1),
    ("12.19.05", "Talawi", 9, 1),
    ("12.19.06", "Tanjung Tiram", 8, 2),
    ("12.19.07", "Sei Balai", 14, 0),
    ("12.19.08", "Laut Tador", 10, 0),
    ("12.19.09", "Lima Puluh Pesisir", 13, 0),
    ("12.19.10", "Datuk Lima Puluh", 10, 0),
    ("12.19.11", "Datuk Tanah Datar", 10, 0),
    ("12.19.12", "Nibung Hangus", 12, 0),
)


class GenerateError(ValueError):
    """Arguments the generator cannot honour (too many kecamatan, unknown format)."""


@dataclass
class GenerateResult:
    """What :func:`generate` wrote: submission paths and the ground truth.

    ``unplaced`` lists injection kinds that found no free place before the last
    submission (rare; the truth then holds fewer than ``inject`` rows).
    """

    paths: list[Path]
    truth_path: Path | None
    injected: pl.DataFrame
    unplaced: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- exact arithmetic


def div_half_up(num: int, den: int) -> int:
    """``num / den`` rounded half away from zero, in integers (no binary floats)."""
    if den < 0:
        num, den = -num, -den
    sign = -1 if num < 0 else 1
    return sign * ((2 * abs(num) + den) // (2 * den))


def pct(part: int, whole: int) -> int:
    """``part / whole * 100`` in hundredths, rounded half-up."""
    return div_half_up(part * 10000, whole)


def capaian_h(target: int, realisasi: int, polaritas: str = "positif") -> int:
    """Capaian in hundredths from target and realisasi in hundredths."""
    if polaritas == "negatif":
        return div_half_up((2 * target - realisasi) * 10000, target)
    return div_half_up(realisasi * 10000, target)


def efisiensi_sasaran(capaian: int, serapan: int) -> int:
    """``SASARAN_EFISIENSI`` in hundredths."""
    return capaian - serapan


def nilai_ikm(unsur: list[int]) -> int:
    """IKM = mean of the unsur (hundredths) x 25, in hundredths, rounded half-up."""
    return div_half_up(sum(unsur) * 25, len(unsur))


AKIP_BANDS = ((9000, "AA"), (8000, "A"), (7000, "BB"), (6000, "B"), (5000, "CC"), (3000, "C"))
AKIP_LABELS = ("AA", "A", "BB", "B", "CC", "C", "D")


def akip_predikat(total: int) -> str:
    """PermenPAN-RB 88/2021 band of a score in hundredths (lower bounds exclusive)."""
    for lower, label in AKIP_BANDS:
        if total > lower:
            return label
    return "D"


# ---------------------------------------------------------------- printed values


@dataclass(frozen=True)
class Money:
    sen: int


@dataclass(frozen=True)
class Pct:
    h: int  # hundredths


@dataclass(frozen=True)
class Meas:
    """An indicator value: hundredths, printed with ``decimals`` (0 or 2), maybe a predikat."""

    h: int
    decimals: int = 2
    predikat: str | None = None


@dataclass(frozen=True)
class Raw:
    """Text typed as is (an injected unreadable number)."""

    text: str


DASH = Raw("-")
Value = Money | Pct | Meas | Raw | int | str | None


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def money_text(sen: int, always_sen: bool) -> str:
    rupiah, rest = divmod(abs(sen), 100)
    text = thousands(rupiah)
    if always_sen or rest:
        text += f",{rest:02d}"
    return ("-" if sen < 0 else "") + text


def dec_text(h: int, sep: str = ",", short_whole: bool = True) -> str:
    whole, rest = divmod(abs(h), 100)
    sign = "-" if h < 0 else ""
    if rest == 0 and short_whole:
        return f"{sign}{whole}"
    return f"{sign}{whole}{sep}{rest:02d}"


def number(h: int, scale: int = 100) -> int | float:
    """An Excel number for a value in 1/scale units: int when whole."""
    return h // scale if h % scale == 0 else h / scale


MONEY_STYLES = ("num", "id", "id00", "rp", "rp00", "rpdot")
PCT_STYLES = ("num", "id", "id00", "idpct", "idpct_tight", "en")
MEAS_STYLES = ("num", "id", "id00")
PRED_STYLES = ("num_pred", "pred_num", "num_pred_tight")


def render(value: Value, style: str, u: float = 0.5) -> Cell:
    """One printed cell for ``value`` in a column ``style``; ``u`` varies a few cells."""
    if value is None:
        return None
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise TypeError("bool is not a cell value")
    if isinstance(value, int):
        return value if style == "num" else str(value)
    if isinstance(value, Money):
        if style == "num" or u < 0.04:
            return number(value.sen)
        if style == "id":
            return money_text(value.sen, False)
        if style == "id00":
            return money_text(value.sen, True)
        if style == "rp":
            return "RP " + money_text(value.sen, False)
        if style == "rp00":
            return "Rp " + money_text(value.sen, True)
        return "Rp. " + money_text(value.sen, False)
    if isinstance(value, Pct):
        if style == "num":
            return number(value.h)
        if style == "text":
            return display(value)
        if style == "en" or u < 0.05:
            return dec_text(value.h, ".")
        if style == "id":
            return dec_text(value.h)
        if style == "id00":
            return dec_text(value.h, short_whole=False)
        if style == "idpct":
            return dec_text(value.h) + " %"
        return dec_text(value.h) + "%"
    # Meas
    whole = value.decimals == 0
    if value.predikat is not None:
        body = dec_text(value.h, short_whole=False)
        if style == "pred_num":
            return f"{value.predikat} ({body})"
        if style == "num_pred_tight":
            return f"{body} ({value.predikat})"
        return f"{body} ( {value.predikat} )"
    if style == "num":
        return number(value.h)
    return dec_text(value.h, short_whole=whole or style != "id00")


def display(value: Value) -> str:
    """The canonical Indonesian print of a value, for the ground truth."""
    if value is None:
        return ""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Money):
        return money_text(value.sen, True)
    if isinstance(value, Pct):
        return dec_text(value.h, short_whole=False)
    text = dec_text(value.h, short_whole=value.decimals == 0)
    return f"{text} ( {value.predikat} )" if value.predikat else text


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


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Synthetic place names: single-word parts from disjoint sets, so every combination is a
# different name and a different slug. None of them is a Batu Bara kecamatan.
_PLACE_PREFIX = _words(
    "Sei Tanjung Bandar Pematang Kuala Batang Padang Bukit Lubuk Muara Simpang Tebing "
    "Teluk Rantau Pulau Koto Kampung Gunung Labuhan Pasir Talang Ujung Parit Tanah "
    "Aek Natal Paya Kota Lau Huta"
)
_PLACE_ROOT = _words(
    "Merah Jaya Makmur Indah Sari Mulia Harapan Rejo Asri Permai Sejahtera Lestari "
    "Panjang Tinggi Kubu Gading Rambai Sentosa Damai Meranti Kelapa Pinang Kemuning "
    "Cempaka Melati Mandiri Bakti Pelita Setia Murni Sakti Intan Kencana Bening "
    "Selasih Ketapang"
)
_PLACE_SUFFIX = ("", *_words("Utara Selatan Timur Barat Hulu Hilir Pesisir Tengah Baru"))
_KAB_PREFIX = _words(
    "Tanjung Padang Labuhan Batang Muara Bukit Bandar Kuala Teluk Rantau Pulau Sungai "
    "Lembah Danau Karang Tanah"
)
_KAB_ROOT = _words(
    "Selaras Mandala Permata Cendana Purnama Seberang Bestari Nusa Gemilang Jayakarta "
    "Mahkota Samudera Segara Mekar Wangi Perdana Pusaka Lancang Sakti Utama"
)
_KAB_SUFFIX = ("", "Raya", "Utara", "Selatan", "Timur", "Barat")

_FIRST_NAMES = _words(
    "Ahmad Muhammad Rahmat Dedi Hendra Sri Nurhayati Siti Rudi Budi Zulkifli Irwan "
    "Fauzi Yusnita Ratna Darmawan Amri Syafrizal Khairul Ridwan Indra Mahmud Hasan "
    "Taufik Ilham Fitri Lestari Wahyuni Erwin Agus Safaruddin Juliana Rosmawati Azhar "
    "Fahmi"
)
_LAST_NAMES = (
    *_words(
        "Siregar Nasution Lubis Harahap Hasibuan Pohan Sinaga Tanjung Damanik Saragih "
        "Purba Ginting Sembiring Panjaitan Rangkuti Daulay Matondang Pulungan Ritonga "
        "Situmorang Manurung Batubara"
    ),
    "",
    "",
    "",
)
_WOMEN = frozenset(
    _words("Sri Nurhayati Siti Yusnita Ratna Fitri Lestari Wahyuni Juliana Rosmawati")
)
_GELAR = ("S.Sos", "SH", "S.STP, M.Si", "S.IP", "SE", "S.Sos, M.AP", "S.STP", "SH, MH")


# ---------------------------------------------------------------- identity


@dataclass(frozen=True)
class Identity:
    index: int
    provinsi: str
    kabupaten: str
    kecamatan: str
    kode: str
    desa: int
    kelurahan: int
    slug: str
    real: bool


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _scrambled(j: int, size: int, stride: int) -> int:
    """A fixed permutation of ``range(size)`` so neighbours get unrelated names."""
    while math.gcd(stride, size) != 1:
        stride += 1
    return (j * stride + 7) % size


_KAB_CACHE: list[int] = []  # cumulative kecamatan counts of synthetic kabupaten


def _synthetic_place(j: int) -> tuple[int, int]:
    """Synthetic kecamatan ``j`` -> (kabupaten index, kecamatan number within it)."""
    while not _KAB_CACHE or _KAB_CACHE[-1] <= j:
        size = random.Random(f"kabupaten:{len(_KAB_CACHE)}").randint(6, 24)
        _KAB_CACHE.append((_KAB_CACHE[-1] if _KAB_CACHE else 0) + size)
    kab = bisect.bisect_right(_KAB_CACHE, j)
    start = _KAB_CACHE[kab - 1] if kab else 0
    return kab, j - start + 1


MAX_SYNTHETIC = len(_PLACE_PREFIX) * len(_PLACE_ROOT) * len(_PLACE_SUFFIX)
MAX_KECAMATAN = len(BATU_BARA) + MAX_SYNTHETIC


def identity(index: int) -> Identity:
    """Kecamatan number ``index``: the 12 of Batu Bara first, then invented ones.

    Depends on the index only (never on the seed), so a kecamatan keeps its name and code
    across seeds and years.
    """
    if index < len(BATU_BARA):
        kode, name, desa, kel = BATU_BARA[index]
        return Identity(
            index, "Sumatera Utara", "Batu Bara", name, kode, desa, kel, slugify(name), True
        )
    j = index - len(BATU_BARA)
    if j >= MAX_SYNTHETIC:
        raise GenerateError(f"at most {MAX_KECAMATAN} kecamatan can be generated")
    kab, number_in_kab = _synthetic_place(j)
    if kab >= 99 * len(SYNTHETIC_PROVINCES):
        raise GenerateError(f"at most {MAX_KECAMATAN} kecamatan can be generated")
    prov_code, prov_name = SYNTHETIC_PROVINCES[kab // 99]
    kab_code = kab % 99 + 1
    n_kab = len(_KAB_PREFIX) * len(_KAB_ROOT) * len(_KAB_SUFFIX)
    k = _scrambled(kab, n_kab, 37)
    kab_name = " ".join(
        p
        for p in (
            _KAB_PREFIX[k % len(_KAB_PREFIX)],
            _KAB_ROOT[(k // len(_KAB_PREFIX)) % len(_KAB_ROOT)],
            _KAB_SUFFIX[k // (len(_KAB_PREFIX) * len(_KAB_ROOT))],
        )
        if p
    )
    s = _scrambled(j, MAX_SYNTHETIC, 4111)
    name = " ".join(
        p
        for p in (
            _PLACE_PREFIX[s % len(_PLACE_PREFIX)],
            _PLACE_ROOT[(s // len(_PLACE_PREFIX)) % len(_PLACE_ROOT)],
            _PLACE_SUFFIX[s // (len(_PLACE_PREFIX) * len(_PLACE_ROOT))],
        )
        if p
    )
    rng = random.Random(f"wilayah:{index}")
    desa = rng.randint(5, 24)
    kel = rng.choice((0, 0, 0, 1, 2, 3))
    kode = f"{prov_code}.{kab_code:02d}.{number_in_kab:02d}"
    return Identity(index, prov_name, kab_name, name, kode, desa, kel, slugify(name), False)


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
        "positif",
        False,
        _walk(rng, years, rng.randint(156, 172) * 50, (0, 150), 9500),
        {y: nilai_ikm(ikm_unsur[y]) for y in years},
    )
    akip_ind = Indicator(
        "akip",
        "Meningkatnya Akuntabilitas Kinerja Kecamatan",
        "Nilai Evaluasi AKIP",
        "Nilai",
        "positif",
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
                    "positif",
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
                    "positif",
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
                    "negatif",
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
                        "tingkat": "sub_kegiatan",
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
                "tingkat": "kegiatan",
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
        polaritas = "positif"
        if outcome is not None:  # an IKU repeated on its program row, with the PK's figures
            ind_name, satuan, polaritas = outcome.nama, outcome.satuan, outcome.polaritas
            t, r = outcome.target[tahun], outcome.realisasi[tahun]
            target_v, real_v = Meas(t), Meas(r)
        else:
            ind_name, satuan = indikator or "Persentase Capaian Kinerja Penunjang Urusan", "%"
            t, r = 10000, _kinerja(rng)
            target_v, real_v = Meas(t, 0), Meas(r, 0 if r % 100 == 0 else 2)
        rows[prog_row] = {
            "tingkat": "program",
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
            "BELANJA OPERASI" if caps else "Belanja Operasi",
            total_pagu - modal_pagu,
            total_real - modal_real,
        )
    ]
    if modal_pagu:
        jenis.append(("BELANJA MODAL" if caps else "Belanja Modal", modal_pagu, modal_real))
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
    negative = any(i.polaritas == "negatif" for i in inds)
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


# ---------------------------------------------------------------- injection


@dataclass(frozen=True)
class Place:
    """A cell of the report model: table, row index in that table, canonical column.

    ``to_row`` makes it a column range (``I5:I40``), as findings about a sum of rows name it.
    """

    table: str
    row: int
    column: str
    to_row: int | None = None


@dataclass
class Injection:
    rule: str
    expect: Place  # where the validator must report ``rule``
    changed: Place  # the cell that was edited
    original: Value
    injected: Value
    consequences: list[tuple[str, Place]] = field(default_factory=list)


def _claim(rep: Report, *zones: str) -> bool:
    """Reserve places of a submission for one injection; False if any is taken."""
    if any(z in rep.claimed for z in zones):
        return False
    rep.claimed.update(zones)
    return True


def _money_typos(sen: int, rng: random.Random, up: bool | None = None) -> list[int]:
    """Values a clerk gets by mistyping one digit of the rupiah part (thousands and up)."""
    rupiah = abs(sen) // 100
    digits = str(rupiah)
    lowest = 3 if len(digits) > 4 else 1
    out: list[int] = []
    positions = list(range(lowest, len(digits)))
    rng.shuffle(positions)
    for pos in positions:
        current = int(digits[-1 - pos])
        choices = [d for d in range(10) if d != current and (pos < len(digits) - 1 or d)]
        if up is not None:
            choices = [d for d in choices if (d > current) == up]
        if choices:
            new = rupiah + (rng.choice(choices) - current) * 10**pos
            out.append(new * 100 + abs(sen) % 100)
    return out


def visible(recomputed: int, printed: int) -> bool:
    """Whether a printed figure (hundredths) is wrong beyond rounding at its own precision.

    A reader takes the precision from the printed value ('92' has none, '92,1' one
    decimal) and forgives one unit of it, so a wrong value must miss by two units.
    """
    unit = 100 if printed % 100 == 0 else 10 if printed % 10 == 0 else 1
    return abs(div_half_up(recomputed, unit) * unit - printed) >= 2 * unit


def _pct_changes(h: int, rng: random.Random, lo: int = 0, hi: int | None = None) -> list[int]:
    """Wrong percentages a clerk might print: digits swapped or off by 0,10 to 10 points."""
    out = []
    whole, rest = divmod(h, 100)
    swapped = whole * 100 + (rest % 10) * 10 + rest // 10
    if abs(swapped - h) >= 10:
        out.append(swapped)
    deltas = [d * sign for d in (10, 27, 50, 90, 100, 180, 200, 300, 500, 1000) for sign in (-1, 1)]
    rng.shuffle(deltas)
    out += [h + d for d in deltas]
    return [v for v in out if v >= lo and (hi is None or v <= hi) and visible(h, v)]


def _unreadable(sen: int) -> str:
    """A money text with misplaced thousands dots (``5.091.0722.162``): no reading fits."""
    digits = str(abs(sen) // 100).rjust(6, "1")
    return f"{digits[:-5]}.{digits[-5:-3]}.{digits[-3:]}"


def _programs(rep: Report, rng: random.Random) -> list[ProgramMeta]:
    progs = list(rep.programs)
    rng.shuffle(progs)
    return progs


PK = "program_kegiatan"


# declared totals TOT001 may edit: table, money column, and the row's own percentage
# (pagu column, realisasi column, percent column) that TOT003 recomputes from the total row
_TOTALS: tuple[tuple[str, str, tuple[str, str, str] | None], ...] = (
    ("anggaran_program", "anggaran", None),
    ("rencana_belanja", "anggaran", None),
    (PK, "pagu", ("pagu", "realisasi_anggaran", "persen_anggaran")),
    ("realisasi_belanja", "anggaran", ("anggaran", "realisasi", "persen")),
)


def _inj_tot001(rep: Report, rng: random.Random) -> Injection | None:
    options = list(_TOTALS)
    rng.shuffle(options)
    for table, column, percent in options:
        if not _claim(rep, f"{table}:total"):
            continue
        rows = rep.rows(table)
        i = len(rows) - 1
        old = rows[i][column]
        assert isinstance(old, Money)
        typos = _money_typos(old.sen, rng)
        value, kept = (
            _keep_serapan(rows[i], column, typos, percent) if percent else (typos[0], True)
        )
        rows[i][column] = Money(value)
        place = Place(table, i, column)
        inj = Injection("TOT001", place, place, old, Money(value))
        if not kept and percent:
            inj.consequences.append(("TOT003", Place(table, i, percent[2])))
        return inj
    return None


_SERAPAN = ("pagu", "realisasi_anggaran", "persen_anggaran")


def _keep_serapan(
    row: Row, column: str, candidates: list[int], names: tuple[str, str, str] = _SERAPAN
) -> tuple[int, bool]:
    """First candidate that leaves the row's printed serapan right, else the first one."""
    pagu, real, printed = row[names[0]], row[names[1]], row[names[2]]
    assert isinstance(pagu, Money) and isinstance(real, Money) and isinstance(printed, Pct)
    for value in candidates:
        p, r = (value, real.sen) if column == names[0] else (pagu.sen, value)
        if p and pct(r, p) == printed.h:
            return value, True
    return candidates[0], False


def _inj_hie002(rep: Report, rng: random.Random) -> Injection | None:
    rows = rep.rows(PK)
    for prog in _programs(rep, rng):
        keg_row, _ = rng.choice(prog.kegiatan)
        old = rows[keg_row]["pagu"]
        assert isinstance(old, Money)
        typos = _money_typos(old.sen, rng, up=True)
        if not typos or not _claim(rep, f"program:{prog.code}"):
            continue
        value, kept = _keep_serapan(rows[keg_row], "pagu", typos)
        rows[keg_row]["pagu"] = Money(value)
        place = Place(PK, keg_row, "pagu")
        inj = Injection("HIE002", place, place, old, Money(value))
        inj.consequences.append(("HIE001", Place(PK, prog.row, "pagu")))
        if not kept:
            inj.consequences.append(("SER001", Place(PK, keg_row, "persen_anggaran")))
        return inj
    return None


def _inj_hie001(rep: Report, rng: random.Random) -> Injection | None:
    if "pk:realisasi" in rep.claimed:
        return None
    rows = rep.rows(PK)
    for prog in _programs(rep, rng):
        old = rows[prog.row]["realisasi_anggaran"]
        assert isinstance(old, Money)
        typos = _money_typos(old.sen, rng, up=False)
        if not typos or not _claim(rep, f"program:{prog.code}", "pk:realisasi"):
            continue
        value, kept = _keep_serapan(rows[prog.row], "realisasi_anggaran", typos)
        rows[prog.row]["realisasi_anggaran"] = Money(value)
        place = Place(PK, prog.row, "realisasi_anggaran")
        inj = Injection("HIE001", place, place, old, Money(value))
        inj.consequences.append(("TOT001", Place(PK, rep.pk_total, "realisasi_anggaran")))
        first, last = rep.programs[0].row, rep.programs[-1].row
        inj.consequences.append(("XTB007", Place(PK, first, "realisasi_anggaran", last)))
        if not kept:
            inj.consequences.append(("SER001", Place(PK, prog.row, "persen_anggaran")))
        return inj
    return None


def _inj_percent_in_program(
    rule: str, column: str
) -> Callable[[Report, random.Random], Injection | None]:
    def inject(rep: Report, rng: random.Random) -> Injection | None:
        rows = rep.rows(PK)
        for prog in _programs(rep, rng):
            if not _claim(rep, f"program:{prog.code}"):
                continue
            candidates = [prog.row] + [k for k, subs in prog.kegiatan for k in (k, *subs)]
            i = rng.choice(candidates)
            old = rows[i][column]
            assert isinstance(old, Pct)
            new = Pct(_pct_changes(old.h, rng)[0])
            rows[i][column] = new
            place = Place(PK, i, column)
            return Injection(rule, place, place, old, new)
        return None

    return inject


def _inj_ser003(rep: Report, rng: random.Random) -> Injection | None:
    rows = rep.rows(PK)
    for prog in _programs(rep, rng):
        pairs = [
            (a, b)
            for _, subs in prog.kegiatan
            for a in subs
            for b in subs
            if a != b and rep.belanja[a] == rep.belanja[b]
        ]
        rng.shuffle(pairs)
        for a, b in pairs:
            pagu_a, real_a, real_b = (
                rows[a]["pagu"],
                rows[a]["realisasi_anggaran"],
                rows[b]["realisasi_anggaran"],
            )
            assert isinstance(pagu_a, Money) and isinstance(real_a, Money)
            assert isinstance(real_b, Money)
            over = max(100_000, int(round(pagu_a.sen * rng.uniform(0.01, 0.08), -5)))
            shift = pagu_a.sen + over - real_a.sen
            if real_b.sen < shift or not _claim(rep, f"program:{prog.code}"):
                continue
            new_a, new_b = Money(real_a.sen + shift), Money(real_b.sen - shift)
            for i, value in ((a, new_a), (b, new_b)):
                pagu = rows[i]["pagu"]
                assert isinstance(pagu, Money)
                rows[i]["realisasi_anggaran"] = value
                rows[i]["persen_anggaran"] = Pct(pct(value.sen, pagu.sen))
            place = Place(PK, a, "realisasi_anggaran")
            return Injection("SER003", place, place, real_a, new_a)
    return None


def _inj_sch004(rep: Report, rng: random.Random) -> Injection | None:
    rows = rep.rows(PK)
    for prog in _programs(rep, rng):
        if not _claim(rep, f"program:{prog.code}"):
            continue
        i = rng.choice([s for _, subs in prog.kegiatan for s in subs])
        old = rows[i]["kode"]
        assert isinstance(old, str)
        parent, _, last = old.rpartition(".")
        broken = last.replace("0", "O", 1) if rng.random() < 0.5 else last[1:]
        new = f"{parent}.{broken}"
        rows[i]["kode"] = new
        place = Place(PK, i, "kode")
        return Injection("SCH004", place, place, old, new)
    return None


def _indicator_rows(rep: Report, rng: random.Random) -> list[tuple[int, Indicator]]:
    out = list(enumerate(rep.indicators))
    rng.shuffle(out)
    return out


def _inj_cap001(rep: Report, rng: random.Random) -> Injection | None:
    for n, ind in _indicator_rows(rep, rng):
        if not _claim(rep, f"ind:{ind.key}"):
            continue
        row = rep.rows("capaian_iku")[n]
        old = row["capaian"]
        assert isinstance(old, Pct)
        new = Pct(_pct_changes(old.h, rng)[0])
        row["capaian"] = new
        place = Place("capaian_iku", n, "capaian")
        inj = Injection("CAP001", place, place, old, new)
        # the same figure is copied into the trend table (report year) and the efficiency table
        inj.consequences.append(("XTB003", Place("tren_iku", n * 5 + 4, "capaian")))
        inj.consequences.append(("XTB011", Place("efisiensi_sasaran", n, "persen_capaian")))
        return inj
    return None


def _inj_cap002(rep: Report, rng: random.Random) -> Injection | None:
    for n, ind in _indicator_rows(rep, rng):
        back = rng.randint(1, 4)
        if not _claim(rep, f"tren:{ind.key}:{rep.tahun - back}"):
            continue
        i = n * 5 + 4 - back
        row = rep.rows("tren_iku")[i]
        old = row["capaian"]
        assert isinstance(old, Pct) and row["tahun"] == rep.tahun - back
        new = Pct(_pct_changes(old.h, rng)[0])
        row["capaian"] = new
        place = Place("tren_iku", i, "capaian")
        return Injection("CAP002", place, place, old, new)
    return None


def _inj_kem001(rep: Report, rng: random.Random) -> Injection | None:
    rows = rep.rows("kemajuan_renstra")
    free = [i for i in range(len(rows)) if f"kemajuan:{i}" not in rep.claimed]
    if not free:
        return None
    i = rng.choice(free)
    _claim(rep, f"kemajuan:{i}")
    old = rows[i]["tingkat_kemajuan"]
    assert isinstance(old, Pct)
    new = Pct(_pct_changes(old.h, rng)[0])
    rows[i]["tingkat_kemajuan"] = new
    place = Place("kemajuan_renstra", i, "tingkat_kemajuan")
    return Injection("KEM001", place, place, old, new)


def _inj_akp001(rep: Report, rng: random.Random) -> Injection | None:
    nilai = rep.rows("akip_nilai")
    komponen = rep.rows("akip_komponen")
    years = list(range(len(nilai)))
    rng.shuffle(years)
    for y in years:
        year = nilai[y]["tahun"]
        total = nilai[y]["nilai"]
        assert isinstance(total, Pct)
        rows = [i for i, r in enumerate(komponen) if r["tahun"] == year]
        i = rng.choice(rows)
        old, bobot = komponen[i]["nilai"], komponen[i]["bobot"]
        assert isinstance(old, Pct) and isinstance(bobot, Pct)
        deltas = [d * s for d in (30, 50, 80, 100, 150, 200, 250, 300) for s in (-1, 1)]
        rng.shuffle(deltas)
        fits = [
            d
            for d in deltas
            if 0 <= old.h + d <= bobot.h
            and akip_predikat(total.h + d) == akip_predikat(total.h)
            and visible(total.h + d, total.h)
        ]
        if not fits or not _claim(rep, f"akip:{year}"):
            continue
        new = Pct(old.h + fits[0])
        komponen[i]["nilai"] = new
        return Injection(
            "AKP001", Place("akip_nilai", y, "nilai"), Place("akip_komponen", i, "nilai"), old, new
        )
    return None


def _inj_akp003(rep: Report, rng: random.Random) -> Injection | None:
    nilai = rep.rows("akip_nilai")
    years = [y for y in range(len(nilai)) if f"akip:{nilai[y]['tahun']}" not in rep.claimed]
    if not years:
        return None
    y = rng.choice(years)
    _claim(rep, f"akip:{nilai[y]['tahun']}")
    old = nilai[y]["predikat"]
    assert isinstance(old, str)
    k = AKIP_LABELS.index(old)
    neighbours = [AKIP_LABELS[j] for j in (k - 1, k + 1) if 0 <= j < len(AKIP_LABELS)]
    new = rng.choice(neighbours)
    nilai[y]["predikat"] = new
    place = Place("akip_nilai", y, "predikat")
    return Injection("AKP003", place, place, old, new)


def _inj_ikm002(rep: Report, rng: random.Random) -> Injection | None:
    if not _claim(rep, "ikm:nilai", "ind:ikm"):
        return None
    row = rep.rows("ikm_survei")[3]
    old = row["nilai"]
    assert isinstance(old, Pct)
    deltas = [d * s for d in (150, 230, 300, 410, 500) for s in (-1, 1)]
    fits = [old.h + d for d in deltas if 2500 <= old.h + d <= 10000 and visible(old.h, old.h + d)]
    new = Pct(rng.choice(fits))
    row["nilai"] = new
    place = Place("ikm_survei", 3, "nilai")
    inj = Injection("IKM002", place, place, old, new)
    ikm_row = next(n for n, ind in enumerate(rep.indicators) if ind.key == "ikm")
    inj.consequences.append(("XTB009", Place("capaian_iku", ikm_row, "realisasi")))
    return inj


def _inj_ikm003(rep: Report, rng: random.Random) -> Injection | None:
    if not _claim(rep, "ikm:puas"):
        return None
    rows = rep.rows("ikm_survei")
    old, tidak = rows[1]["nilai"], rows[2]["nilai"]
    assert isinstance(old, int) and isinstance(tidak, int)
    step = rng.randint(1, 5)
    new = old - step if old > step else old + step
    rows[1]["nilai"] = new
    # a + b = c cannot say which of the three is wrong: reported at the total, as TOT001 is
    return Injection(
        "IKM003", Place("ikm_survei", 0, "nilai"), Place("ikm_survei", 1, "nilai"), old, new
    )


def _inj_xtb001(rep: Report, rng: random.Random) -> Injection | None:
    for n, ind in _indicator_rows(rep, rng):
        if ind.on_program or not _claim(rep, f"ind:{ind.key}"):
            continue
        row = rep.rows("perjanjian_kinerja")[n]
        old = row["target"]
        assert isinstance(old, Meas)
        hi = 10000 if ind.satuan == "%" else None
        value = next(v for v in _pct_changes(old.h, rng, lo=100, hi=hi) if abs(v - old.h) >= 50)
        new = Meas(value, old.decimals, akip_predikat(value) if old.predikat else None)
        row["target"] = new
        place = Place("perjanjian_kinerja", n, "target")
        inj = Injection("XTB001", place, place, old, new)
        inj.consequences.append(("XTB002", Place("tren_iku", n * 5 + 4, "target")))
        return inj
    return None


def _inj_xtb005(rep: Report, rng: random.Random) -> Injection | None:
    rows = [r for r in rep.rows("anggaran_program") if not r.get("_total")]
    if len(rows) < 2 or "anggaran_program:rows" in rep.claimed:
        return None
    a, b = rng.sample(range(len(rows)), 2)
    old_a, old_b = rows[a]["anggaran"], rows[b]["anggaran"]
    assert isinstance(old_a, Money) and isinstance(old_b, Money)
    for value in _money_typos(old_a.sen, rng, up=True):
        shift = value - old_a.sen
        if shift < old_b.sen and _claim(rep, "anggaran_program:rows"):
            rows[a]["anggaran"] = Money(value)
            rows[b]["anggaran"] = Money(old_b.sen - shift)
            place = Place("anggaran_program", a, "anggaran")
            inj = Injection("XTB005", place, place, old_a, Money(value))
            inj.consequences.append(("XTB005", Place("anggaran_program", b, "anggaran")))
            return inj
    return None


def _inj_sdm001(rep: Report, rng: random.Random) -> Injection | None:
    rows = rep.rows("sdm")
    candidates = [
        i for i, r in enumerate(rows) if isinstance(r["persen"], Pct) and not r.get("_total")
    ]
    rng.shuffle(candidates)
    for i in candidates:
        kategori = next(r["kategori"] for r in reversed(rows[: i + 1]) if r["kategori"])
        if not _claim(rep, f"sdm:{kategori}"):
            continue
        old = rows[i]["persen"]
        assert isinstance(old, Pct)
        new = Pct(_pct_changes(old.h, rng, hi=10000)[0])
        rows[i]["persen"] = new
        place = Place("sdm", i, "persen")
        return Injection("SDM001", place, place, old, new)
    return None


def _inj_sch001(rep: Report, rng: random.Random) -> Injection | None:
    rows = rep.rows("rencana_belanja")
    if len(rows) < 3 or not _claim(rep, "rencana_belanja:rows"):
        return None
    modal, operasi = rows[1]["anggaran"], rows[0]["anggaran"]
    assert isinstance(modal, Money) and isinstance(operasi, Money)
    rows[1]["anggaran"] = Money(-modal.sen)
    rows[0]["anggaran"] = Money(operasi.sen + 2 * modal.sen)
    place = Place("rencana_belanja", 1, "anggaran")
    return Injection("SCH001", place, place, modal, Money(-modal.sen))


def _inj_ing007(rep: Report, rng: random.Random) -> Injection | None:
    tables = ["rencana_belanja", "anggaran_program"]
    rng.shuffle(tables)
    for table in tables:
        if not _claim(rep, f"{table}:rows", f"{table}:total"):
            continue
        rows = rep.rows(table)
        i = rng.randrange(len(rows) - 1)
        old = rows[i]["anggaran"]
        assert isinstance(old, Money)
        new = Raw(_unreadable(old.sen))
        rows[i]["anggaran"] = new
        place = Place(table, i, "anggaran")
        inj = Injection("ING007", place, place, old, new)
        # a validator that sums around the unreadable cell blames the declared total
        inj.consequences.append(("TOT001", Place(table, len(rows) - 1, "anggaran")))
        return inj
    return None


def _inj_idn001(rep: Report, rng: random.Random) -> Injection | None:
    if not rep.ident.real or not _claim(rep, "identitas"):
        return None
    rows = rep.rows("identitas")
    i = next(k for k, r in enumerate(rows) if r["kolom"] == "kode_wilayah")
    old = rows[i]["nilai"]
    new = rng.choice([b[0] for b in BATU_BARA if b[0] != old])
    rows[i]["nilai"] = new
    place = Place("identitas", i, "nilai")
    return Injection("IDN001", place, place, old, new)


INJECTORS: dict[str, Callable[[Report, random.Random], Injection | None]] = {
    "TOT001": _inj_tot001,
    "HIE002": _inj_hie002,
    "HIE001": _inj_hie001,
    "SER001": _inj_percent_in_program("SER001", "persen_anggaran"),
    "SER002": lambda rep, rng: _inj_ser002(rep, rng),
    "SER003": _inj_ser003,
    "CAP001": _inj_cap001,
    "CAP002": _inj_cap002,
    "CAP003": _inj_percent_in_program("CAP003", "persen_kinerja"),
    "KEM001": _inj_kem001,
    "AKP001": _inj_akp001,
    "AKP003": _inj_akp003,
    "IKM002": _inj_ikm002,
    "IKM003": _inj_ikm003,
    "XTB001": _inj_xtb001,
    "XTB005": _inj_xtb005,
    "SDM001": _inj_sdm001,
    "SCH004": _inj_sch004,
    "SCH001": _inj_sch001,
    "ING007": _inj_ing007,
    "IDN001": _inj_idn001,
}


def _inj_ser002(rep: Report, rng: random.Random) -> Injection | None:
    rows = rep.rows("realisasi_belanja")
    i = rng.randrange(len(rows) - 1)
    if not _claim(rep, f"realisasi_belanja:{i}"):
        return None
    old = rows[i]["persen"]
    assert isinstance(old, Pct)
    new = Pct(_pct_changes(old.h, rng)[0])
    rows[i]["persen"] = new
    place = Place("realisasi_belanja", i, "persen")
    return Injection("SER002", place, place, old, new)


# Kinds that compete for the same places of a submission, and how many of a group one
# submission surely holds (a report has at least 4 programs, 2 indicators, 3 AKIP years...).
_GROUPS: dict[str, tuple[str, ...]] = {
    "TOT001": ("total",),
    "HIE002": ("program",),
    "HIE001": ("program", "pk_realisasi"),
    "SER001": ("program",),
    "CAP003": ("program",),
    "SER003": ("program",),
    "SCH004": ("program",),
    "SER002": ("belanja",),
    "CAP001": ("indikator",),
    "XTB001": ("indikator", "ikm"),
    "IKM002": ("indikator", "ikm"),
    "CAP002": ("tren",),
    "KEM001": ("kemajuan",),
    "AKP001": ("akip",),
    "AKP003": ("akip",),
    "IKM003": ("ikm_puas",),
    "XTB005": ("anggaran",),
    "SDM001": ("sdm",),
    "SCH001": ("rencana",),
    "ING007": ("rencana",),
    "IDN001": ("identitas",),
}
_CAPS = {
    "total": 2,
    "program": 4,
    "pk_realisasi": 1,
    "belanja": 1,
    "indikator": 2,
    "ikm": 1,
    "tren": 4,
    "kemajuan": 1,
    "akip": 2,
    "ikm_puas": 1,
    "anggaran": 1,
    "sdm": 2,
    "rencana": 1,
    "identitas": 1,
}
MAX_PER_SUBMISSION = 15
"""Injections one submission is asked to hold, so that no two of them share a place."""


def plan_injections(k: int, subs: list[Identity], rng: random.Random) -> dict[int, list[str]]:
    """Deal ``k`` rule kinds over the submissions, every kind before any kind twice.

    A kind goes to the next submission (in a shuffled rotation) that still has room in
    its groups; IDN001 only to real Batu Bara kecamatan. A kind no submission has room
    for is replaced by one that fits.
    """
    kinds: list[str] = []
    while len(kinds) < k:
        cycle = list(INJECTION_KINDS)
        rng.shuffle(cycle)
        kinds += cycle
    kinds = kinds[:k]
    plan: dict[int, list[str]] = {s: [] for s in range(len(subs))}
    load: list[dict[str, int]] = [dict.fromkeys(_CAPS, 0) for _ in subs]
    order = list(range(len(subs)))
    rng.shuffle(order)
    cursor = 0

    def room(s: int, kind: str) -> bool:
        if kind == "IDN001" and not subs[s].real:
            return False
        if len(plan[s]) >= MAX_PER_SUBMISSION:
            return False
        return all(load[s][g] < _CAPS[g] for g in _GROUPS[kind])

    for i, kind in enumerate(kinds):
        others = [kd for kd in INJECTION_KINDS if kd != kind]
        turn = i % len(others)  # replacements rotate, so no kind piles up
        candidates = [kind, *others[turn:], *others[:turn]]
        placed = False
        for kd in candidates:
            for step in range(len(order)):
                s = order[(cursor + step) % len(order)]
                if room(s, kd):
                    plan[s].append(kd)
                    for g in _GROUPS[kd]:
                        load[s][g] += 1
                    cursor = (cursor + step + 1) % len(order)
                    placed = True
                    break
            if placed:
                break
        if not placed:
            raise GenerateError(f"{k} injections do not fit in {len(subs)} submissions")
    return plan


# ---------------------------------------------------------------- rendering with a clerk's quirks

_TITLES: dict[str, tuple[str, str]] = {
    "identitas": ("Tabel 1.3", "Gambaran Umum Kecamatan {kec}"),
    "perjanjian_kinerja": ("Tabel 2.1", "Perjanjian Kinerja Kecamatan {kec} Tahun {tahun}"),
    "anggaran_program": ("Tabel 2.1", "Program dan Anggaran Perjanjian Kinerja Tahun {tahun}"),
    "rencana_belanja": ("RENCANA ANGGARAN", "Kecamatan {kec} Tahun {tahun}"),
    "capaian_iku": ("Tabel 3.2", "Capaian Indikator Kinerja Utama Kecamatan {kec} Tahun {tahun}"),
    "tren_iku": ("Tabel 3.5", "Perbandingan Capaian Kinerja Tahun {first} - {tahun}"),
    "kemajuan_renstra": ("Tabel 3.7", "Perbandingan Realisasi dengan Target Jangka Menengah"),
    "program_kegiatan": (
        "Tabel 3.17",
        "Analisis atas Efisiensi Penggunaan Sumber Daya Kecamatan {kec} Tahun {tahun}",
    ),
    "realisasi_belanja": ("3.2 REALISASI ANGGARAN", "Kecamatan {kec} Tahun {tahun}"),
    "ikm_unsur": ("Tabel 3.3", "Data Indeks Kepuasan Masyarakat Kecamatan {kec}"),
    "ikm_survei": ("Tabel 3.6", "Hasil Pelaksanaan Survey Kepuasan Masyarakat Tahun {tahun}"),
    "akip_komponen": ("Tabel 3.12", "Aspek Penilaian AKIP Kecamatan {kec}"),
    "akip_nilai": ("Tabel 3.4", "Nilai Akuntabilitas Kinerja Kecamatan {kec}"),
    "efisiensi_sasaran": ("Tabel 3.10", "Analisis atas Efisiensi Penggunaan Sumber Daya"),
    "sdm": ("Tabel 1.7", "Jumlah Pegawai Kecamatan {kec}"),
}
_SOURCES = (
    "Sumber Data : Sub Bagian Keuangan dan Program Kecamatan {kec}",
    "Sumber Data : Bagian Umum dan Kepegawaian Kec. {kec}",
    "Sumber : Kecamatan {kec} Kabupaten {kab}",
)
_KEY_LABELS = {
    "kode_wilayah": "Kode Wilayah",
    "penanggung_jawab": "Penanggung Jawab",
    "nip": "NIP",
    "tanggal_laporan": "Tanggal Laporan",
    "jumlah_desa": "Jumlah Desa",
    "jumlah_kelurahan": "Jumlah Kelurahan",
    "jumlah_penduduk": "Jumlah Penduduk",
    "luas_ha": "Luas (Ha)",
    "jumlah_responden": "Jumlah Responden",
    "tidak_puas": "Tidak Puas",
    "nilai_ikm": "Nilai IKM",
}
_SHEETS = sheet_lookup()
_HEADERS = {name: header_lookup(t) for name, t in TABLE_BY_NAME.items()}


def _case(label: str, rng: random.Random) -> str:
    spaced = label.replace("_", " ")
    return rng.choice((label, spaced.title(), spaced.upper(), spaced.capitalize()))


@functools.cache
def _sheet_labels(table: str) -> tuple[str, ...]:
    """Names a clerk may give the sheet that ingest maps back to ``table``."""
    names = (table, *TABLE_BY_NAME[table].synonyms)
    return tuple(lab for lab in names if _SHEETS.get(norm(lab)) == table and len(lab) <= 31)


@functools.cache
def _header_labels(table: str, column: str) -> tuple[str, ...]:
    """Header labels (the name and its contract synonyms) that ingest maps back to ``column``."""
    col = TABLE_BY_NAME[table].column(column)
    return tuple(lab for lab in (column, *col.synonyms) if _HEADERS[table].get(norm(lab)) == column)


def _sheet_name(table: str, rng: random.Random) -> str:
    return _case(rng.choice(_sheet_labels(table)), rng)


def _header_label(table: str, column: str, rng: random.Random) -> str:
    return _case(rng.choice(_header_labels(table, column)), rng)


def _columns(table: str, rep: Report, rng: random.Random) -> list[str]:
    """The contract's columns for this sheet, some optional ones left out as clerks do."""
    cols = []
    for col in TABLE_BY_NAME[table].columns:
        name = col.name
        if name == "no" and rng.random() < 0.3:
            continue
        polar = any(r.get("polaritas") for r in rep.rows(table))
        if name == "polaritas" and not polar and rng.random() < 0.8:
            continue
        if name == "keterangan" and rng.random() < 0.15:
            continue
        if name == "tingkat_efisiensi" and table == PK and rng.random() < 0.5:
            continue
        if name == "bobot" and rng.random() < 0.1:
            continue
        cols.append(name)
    return cols


SCORE_COLUMNS = frozenset(
    {
        ("ikm_unsur", "nilai"),
        ("akip_komponen", "bobot"),
        ("akip_komponen", "nilai"),
        ("akip_nilai", "nilai"),
    }
)
"""Percent-kind columns that hold scores: never printed with a '%'."""


def _style(kind: Kind, rng: random.Random, score: bool = False) -> str:
    if kind is Kind.MONEY:
        return rng.choice(MONEY_STYLES)
    if kind is Kind.PERCENT:
        return rng.choice(MEAS_STYLES if score else PCT_STYLES)
    if kind is Kind.MEASURE:
        return rng.choice(MEAS_STYLES)
    if kind is Kind.INTEGER:
        return rng.choice(("num", "text"))
    return "text"


@dataclass
class Rendered:
    spec: SheetSpec
    columns: list[str]
    styles: dict[tuple[int, str], tuple[str, float]]  # (row, column) -> (style, u) used


def render_table(table: str, rep: Report, rng: random.Random) -> Rendered:
    """Lay one table out as a sheet: header synonyms, number styles, titles, notes."""
    contract = TABLE_BY_NAME[table]
    name = rep.ident.kecamatan
    cols = ["kolom", "nilai"] if contract.key_value else _columns(table, rep, rng)
    header = [_header_label(table, c, rng) for c in cols]
    styles = {c: _style(contract.column(c).kind, rng, (table, c) in SCORE_COLUMNS) for c in cols}
    pred_style = rng.choice(PRED_STYLES)
    dash_empty = rng.random() < 0.5
    title_key = rng.random() < 0.5
    kv_style = rng.choice(("num", "text"))
    rows: list[list[Cell]] = []
    used: dict[tuple[int, str], tuple[str, float]] = {}
    for i, row in enumerate(rep.rows(table)):
        cells: list[Cell] = []
        for c in cols:
            u = rng.random()
            value = row.get(c)
            if contract.key_value:
                if c == "kolom" and isinstance(value, str):
                    value = _KEY_LABELS.get(value, value.title()) if title_key else value
                style = kv_style
            else:
                style = styles[c]
                if isinstance(value, Meas) and value.predikat:
                    style = pred_style
            if value is None and c == "polaritas" and not row.get("_total"):
                value = "positif"
            if value is None and c == "tingkat_efisiensi" and not row.get("_total"):
                value = DASH if dash_empty else None
            used[(i, c)] = (style, u)
            cells.append(render(value, style, u))
        rows.append(cells)
    title: list[str] = []
    if rng.random() < 0.65:
        first, second = _TITLES[table]
        fill = {"kec": name, "tahun": rep.tahun, "first": rep.tahun - 4}
        title = [first, second.format(**fill)] if rng.random() < 0.7 else [second.format(**fill)]
        if rng.random() < 0.4:
            title.append("")
    notes: list[str] = []
    if rng.random() < 0.4:
        notes = [rng.choice(_SOURCES).format(kec=name, kab=rep.ident.kabupaten)]
    widths = [
        38.0
        if contract.column(c).kind is Kind.TEXT and c not in ("no", "tingkat", "satuan")
        else 16.0
        for c in cols
    ]
    spec = SheetSpec(
        name=_sheet_name(table, rng),
        header=header,
        rows=rows,
        title=title,
        notes=notes,
        first_col=1 if rng.random() < 0.08 else 0,
        gap_before_notes=rng.random() < 0.7,
        widths=widths,
    )
    return Rendered(spec, cols, used)


def render_report(rep: Report, seed: int) -> dict[str, Rendered]:
    """All sheets of a report; the layout depends on the seed, never on injected values."""
    rng = random.Random(f"{seed}:tata-letak:{rep.ident.index}:{rep.tahun}")
    tables = list(rep.tables)
    out: dict[str, Rendered] = {}
    for table in tables:
        out[table] = render_table(table, rep, rng)
    order = tables[:]
    if rng.random() < 0.3:  # some clerks put the optional sheets first
        order = [t for t in tables if not TABLE_BY_NAME[t].required] + [
            t for t in tables if TABLE_BY_NAME[t].required
        ]
    return {t: out[t] for t in order}


# ---------------------------------------------------------------- the API


def submission_path(out: Path, ident: Identity, tahun: int, fmt: str) -> Path:
    folder = out / "sintetis" / str(tahun)
    return folder / (f"{ident.slug}.xlsx" if fmt == "xlsx" else ident.slug)


def _ref(rendered: dict[str, Rendered], place: Place, fmt: str) -> tuple[str, str, int]:
    """(sheet as ingest names it, 'sheet!H12', Excel row) of a model cell."""
    r = rendered[place.table]
    col = r.columns.index(place.column)
    sheet = r.spec.name if fmt == "xlsx" else f"{r.spec.name}.csv"
    ref = r.spec.ref(place.row, col, fmt)
    if place.to_row is not None:
        ref += f":{r.spec.letter(col)}{r.spec.excel_row(place.to_row)}"
    return sheet, ref, r.spec.excel_row(place.row)


def _cell_text(value: Value, style: tuple[str, float]) -> str:
    """What the edited cell shows, in the style that cell was printed in."""
    cell = render(value, *style)
    if isinstance(cell, float):
        return repr(cell)
    return "" if cell is None else str(cell)


CHUNK = 64
"""Submissions generated as one unit of work. Injections that find no room move on to
the next submission of the same chunk, so the output does not depend on ``workers``."""


@dataclass(frozen=True)
class _Chunk:
    out: Path
    seed: int
    first: int
    tahun: int
    fmt: str
    subs: tuple[tuple[int, int], ...]  # (year, kecamatan index)
    plan: tuple[tuple[str, ...], ...]


def _run_chunk(chunk: _Chunk) -> tuple[list[Path], list[dict[str, object]], list[str]]:
    """Build, inject, lay out and write the submissions of one chunk, in order."""
    histories: dict[int, History] = {}
    paths: list[Path] = []
    truth: list[dict[str, object]] = []
    pending: list[str] = []
    for s, ((year, index), kinds) in enumerate(zip(chunk.subs, chunk.plan, strict=True)):
        ident = identity(index)
        hist = histories.get(index)
        if hist is None:
            hist = histories[index] = build_history(ident, chunk.seed, chunk.first, chunk.tahun)
        rep = build_report(ident, year, chunk.seed, hist)
        rng = random.Random(f"{chunk.seed}:suntik:{index}:{year}")
        done: list[Injection] = []
        waiting, pending = pending + list(kinds), []
        for kind in waiting:
            inj = INJECTORS[kind](rep, rng)
            if inj is None:  # no room of that kind here: try the next submission
                pending.append(kind)
            else:
                done.append(inj)
        if s == len(chunk.subs) - 1:  # last chance: keep the count, change the kind
            for kind in list(pending):
                for other in INJECTION_KINDS:
                    inj = INJECTORS[other](rep, rng)
                    if inj is not None:
                        done.append(inj)
                        pending.remove(kind)
                        break
        rendered = render_report(rep, chunk.seed)
        path = submission_path(chunk.out, ident, year, chunk.fmt)
        sheets = {t: r.spec for t, r in rendered.items()}
        if chunk.fmt == "xlsx":
            write_workbook(path, sheets, _properties(rep))
        else:
            write_csv_folder(path, sheets)
        paths.append(path)
        if done:
            sub_id = fingerprint(path)[0][:16]
            for inj in done:
                truth.append(_truth_row(inj, rep, rendered, path, chunk.out, sub_id, chunk.fmt))
    return paths, truth, pending


def generate(
    out: Path,
    kecamatan: int,
    seed: int,
    inject: int,
    tahun: int = 2025,
    years: int = 1,
    fmt: str = "xlsx",
    workers: int = 1,
) -> GenerateResult:
    """Write ``kecamatan`` x ``years`` consistent submissions with ``inject`` known errors.

    Files go to ``<out>/sintetis/<year>/<slug>.xlsx`` (or ``<slug>/`` CSV folders) for the
    years ``tahun - years + 1 .. tahun``; the ground truth to
    ``<out>/sintetis/<tahun>/ground_truth.csv`` (only when ``inject > 0``). ``workers`` > 1
    writes chunks in that many processes; the bytes are the same either way.

    Example: ``generate(Path("cache"), kecamatan=40, seed=1, inject=300)``.
    """
    if fmt not in ("xlsx", "csv"):
        raise GenerateError(f"unknown format {fmt!r}: use 'xlsx' or 'csv'")
    if kecamatan < 1 or years < 1 or inject < 0:
        raise GenerateError("kecamatan and years must be >= 1, inject >= 0")
    if kecamatan > MAX_KECAMATAN:
        raise GenerateError(f"at most {MAX_KECAMATAN} kecamatan can be generated")
    first = tahun - years + 1
    idents = [identity(i) for i in range(kecamatan)]
    subs = [(year, ident) for year in range(first, tahun + 1) for ident in idents]
    if inject > MAX_PER_SUBMISSION * len(subs):
        raise GenerateError(
            f"{inject} injections do not fit in {len(subs)} submissions "
            f"(at most {MAX_PER_SUBMISSION} each)"
        )
    plan = plan_injections(inject, [ident for _, ident in subs], random.Random(f"{seed}:rencana"))
    chunks = [
        _Chunk(
            out,
            seed,
            first,
            tahun,
            fmt,
            tuple((year, ident.index) for year, ident in subs[i : i + CHUNK]),
            tuple(tuple(plan[s]) for s in range(i, min(i + CHUNK, len(subs)))),
        )
        for i in range(0, len(subs), CHUNK)
    ]
    if workers > 1 and len(chunks) > 1:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = list(pool.map(_run_chunk, chunks))
    else:
        results = [_run_chunk(c) for c in chunks]
    paths = [p for r in results for p in r[0]]
    truth = [row for r in results for row in r[1]]
    unplaced = [kind for r in results for kind in r[2]]
    injected = pl.DataFrame(truth, schema=TRUTH_COLUMNS)
    truth_path = None
    if inject:
        truth_path = out / "sintetis" / str(tahun) / "ground_truth.csv"
        truth_path.parent.mkdir(parents=True, exist_ok=True)
        injected.write_csv(truth_path)
    return GenerateResult(paths, truth_path, injected, unplaced)


def _properties(rep: Report) -> dict[str, object]:
    tanggal = next(r["nilai"] for r in rep.rows("identitas") if r["kolom"] == "tanggal_laporan")
    year, month, day = (int(p) for p in str(tanggal).split("-"))
    return {
        "title": f"LKjIP Kecamatan {rep.ident.kecamatan} Tahun {rep.tahun} (DATA SINTETIS)",
        "subject": "Data sintetis untuk pengujian lakip, bukan laporan resmi",
        "author": "lakip generate",
        "comments": "sintetis = ya",
        "created": datetime(year, month, day, 9, 0, 0),
        "custom": {"sintetis": "ya"},
    }


def _truth_row(
    inj: Injection,
    rep: Report,
    rendered: dict[str, Rendered],
    path: Path,
    out: Path,
    sub_id: str,
    fmt: str,
) -> dict[str, object]:
    sheet, cell, row = _ref(rendered, inj.expect, fmt)
    _, changed, _ = _ref(rendered, inj.changed, fmt)
    style = rendered[inj.changed.table].styles[(inj.changed.row, inj.changed.column)]
    return {
        "file": path.relative_to(out).as_posix(),
        "submission_id": sub_id,
        "kecamatan": rep.ident.kecamatan,
        "kode_wilayah": rep.ident.kode,
        "tahun": rep.tahun,
        "rule": inj.rule,
        "table": inj.expect.table,
        "sheet": sheet,
        "cell": cell,
        "column": inj.expect.column,
        "row": row,
        "original": _cell_text(inj.original, style),
        "injected": _cell_text(inj.injected, style),
        "changed_cell": changed,
        "consequences": ";".join(
            f"{rule}@{_ref(rendered, p, fmt)[1]}" for rule, p in inj.consequences
        ),
    }
