"""Where a generated submission comes from: real kecamatan of the region reference
(:func:`schemas.wilayah.reference`, the national list of 7,285), the 12 of Kabupaten Batu
Bara first; beyond the list, invented kecamatan in invented kabupaten under unassigned
province codes. Also their officials' names, and the :class:`Identity` of each.

Only the names and codes are real: every figure is invented and every file says so
(``sintetis = ya``, folder ``sintetis/``).
"""

from __future__ import annotations

import bisect
import math
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

from pipeline.generate.arithmetic import GenerateError
from schemas.wilayah import WILAYAH_CSV, reference

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

HOME_KABUPATEN = "12.19"
"""Kabupaten Batu Bara: its kecamatan come first, as the pilot's own region."""

DESA_CSV = WILAYAH_CSV.with_name("wilayah_batubara.csv")
"""The desa and kelurahan of Batu Bara (kode, nama, jenis, kode_kecamatan, kecamatan):
how many each of its kecamatan has. Elsewhere the counts are invented."""


@cache
def _real_places(path: Path = DESA_CSV) -> pl.DataFrame:
    """The reference's kecamatan in the order they are generated, with desa counts.

    Batu Bara's first (in code order), then the others in code order, each name once;
    the kecamatan whose name an earlier one already has come last, and their file name
    adds the kabupaten (two files of one name would overwrite each other).
    """
    frame = reference().frame
    home = pl.col("kode_kabupaten") == HOME_KABUPATEN
    ordered = pl.concat([frame.filter(home).sort("kode"), frame.filter(~home).sort("kode")])
    ordered = ordered.with_columns(pl.col("kec_key").is_first_distinct().alias("_first"))
    ordered = ordered.sort("_first", descending=True, maintain_order=True)
    desa = (
        pl.read_csv(path, schema_overrides={"kode": pl.String, "kode_kecamatan": pl.String})
        .group_by(pl.col("kode_kecamatan").alias("kode"))
        .agg(
            (pl.col("jenis") == "desa").sum().cast(pl.Int64).alias("desa"),
            (pl.col("jenis") == "kelurahan").sum().cast(pl.Int64).alias("kelurahan"),
        )
    )
    name = pl.col("kecamatan")
    qualified = pl.format("{} {}", name, pl.col("kabupaten_nama"))
    return ordered.join(desa, on="kode", how="left", maintain_order="left").select(
        "kode",
        "provinsi",
        pl.col("kabupaten_nama").alias("kabupaten"),
        "kecamatan",
        "desa",
        "kelurahan",
        pl.when("_first").then(name).otherwise(qualified).alias("file_name"),
    )


BATU_BARA: tuple[tuple[str, str, int, int], ...] = tuple(
    _real_places()
    .filter(pl.col("kode").str.starts_with(HOME_KABUPATEN + "."))
    .select("kode", "kecamatan", "desa", "kelurahan")
    .iter_rows()
)
"""kode, kecamatan, desa, kelurahan of the kecamatan of Batu Bara, from the data files."""
N_REAL = _real_places().height


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
    real: bool  # a kecamatan of the region reference (its figures are invented all the same)

    @property
    def home(self) -> bool:
        """A kecamatan of Batu Bara (:data:`HOME_KABUPATEN`)."""
        return self.kode.startswith(HOME_KABUPATEN + ".")


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
MAX_KECAMATAN = N_REAL + MAX_SYNTHETIC


@cache
def _real_slugs() -> frozenset[str]:
    return frozenset(slugify(n) for n in _real_places().get_column("file_name"))


def _invented_counts(index: int) -> tuple[int, int]:
    """Desa and kelurahan of a kecamatan the data files have no count for."""
    rng = random.Random(f"wilayah:{index}")
    return rng.randint(5, 24), rng.choice((0, 0, 0, 1, 2, 3))


def identity(index: int) -> Identity:
    """Kecamatan number ``index``: the reference's (the 12 of Batu Bara first), then
    invented ones.

    Depends on the index only (never on the seed), so a kecamatan keeps its name and code
    across seeds and years.
    """
    if index < N_REAL:
        row = _real_places().row(index, named=True)
        desa, kel = row["desa"], row["kelurahan"]
        if desa is None:
            desa, kel = _invented_counts(index)
        return Identity(
            index,
            row["provinsi"],
            row["kabupaten"],
            row["kecamatan"],
            row["kode"],
            desa,
            kel,
            slugify(row["file_name"]),
            True,
        )
    j = index - N_REAL
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
    desa, kel = _invented_counts(index)
    kode = f"{prov_code}.{kab_code:02d}.{number_in_kab:02d}"
    slug = slugify(name)
    if slug in _real_slugs():  # an invented name a real kecamatan has: keep both files
        slug = slugify(f"{name} {kab_name}")
    return Identity(index, prov_name, kab_name, name, kode, desa, kel, slug, False)
