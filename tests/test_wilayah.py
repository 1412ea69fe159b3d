"""The region reference: the national list, loaded once, looked up by code and by name."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from schemas.wilayah import WILAYAH_CSV, name_key, reference, region_key

BATU_BARA = [
    "Medang Deras", "Sei Suka", "Air Putih", "Lima Puluh", "Talawi", "Tanjung Tiram",
    "Sei Balai", "Laut Tador", "Lima Puluh Pesisir", "Datuk Lima Puluh", "Datuk Tanah Datar",
    "Nibung Hangus",
]  # fmt: skip


def test_the_national_list_is_read_once() -> None:
    ref = reference()
    assert ref is reference(WILAYAH_CSV)
    assert ref.frame.height == 7285
    assert ref.frame.get_column("kode").n_unique() == 7285
    assert ref.kabupaten().height == 514
    assert ref.frame.select(pl.struct("kab_key", "kec_key").is_duplicated().any()).item() is False


def test_batu_bara_by_name_and_by_code() -> None:
    ref = reference()
    for typed in ("Batu Bara", "Kabupaten Batu Bara", "kab. BATU  BARA", "12.19"):
        rows = ref.kecamatan_of(typed)
        assert rows.get_column("kecamatan").to_list() == BATU_BARA, typed
        assert set(rows.get_column("kabupaten_nama")) == {"Batu Bara"}
    assert ref.by_kode("121902") == ref.find("Batu Bara", "Kec. Sei  Suka")
    hit = ref.by_kode("12.19.02")
    assert (
        hit is not None and hit["kecamatan"] == "Sei Suka" and hit["provinsi"] == "Sumatera Utara"
    )
    assert ref.by_kode("99.01.01") is None
    assert ref.find("Batu Bara", "Sei Sukaa") is None


def test_kota_and_kabupaten_of_one_name_stay_apart() -> None:
    ref = reference()
    kota = ref.find("Kota Bandung", "Sumur Bandung")
    assert kota is not None and kota["kabupaten_nama"] == "Kota Bandung"
    assert ref.find("Bandung", "Sumur Bandung") is None
    assert ref.find("Kabupaten Bandung", "Soreang") is not None


def test_one_key_in_python_and_in_polars() -> None:
    names = ["Kabupaten Batu Bara", "Kab. Batu Bara", "Kota Tebing Tinggi", "Kec.  Sei Suka", None]
    keys = pl.select(region_key(pl.Series(names, dtype=pl.String))).to_series().to_list()
    assert keys == ["batubara", "batubara", "kotatebingtinggi", "seisuka", None]
    assert [name_key(n) for n in names[:4]] == keys[:4]


def test_another_reference_file_reads_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "wilayah.csv"
    path.write_text(
        "kode,provinsi,kabupaten,kecamatan\n12.19.01,Sumatera Utara,Batu Bara,Medang Deras\n",
        encoding="utf-8",
    )
    ref = reference(path)
    assert ref.find("Kabupaten Batu Bara", "medang deras") == ref.by_kode("12.19.01")
    assert ref.kabupaten().height == 1
