"""Where a generated submission comes from: the 12 real kecamatan of Kabupaten Batu Bara
(with their Kemendagri codes), then invented kecamatan in invented kabupaten under
unassigned province codes, their officials' names, and the :class:`Identity` of each.
"""

from __future__ import annotations

import bisect
import math
import random
import re
from dataclasses import dataclass

from pipeline.generate.arithmetic import GenerateError

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
