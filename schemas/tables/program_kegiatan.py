"""Frame-wide check of ``program_kegiatan`` (3.17): the code fits its tingkat.

``tingkat`` arrives normalised ('Sub Kegiatan' -> 'sub_kegiatan', see
:func:`schemas.tables.prepare`); every column check comes from the contract.
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.tables._base import FrameCheck

# Kepmendagri 050-5889/2021: U.BB.PP / U.BB.PP.K.KK / U.BB.PP.K.KK.SSSS (older data: .SS)
KODE_PROGRAM = r"[0-9X]\.[0-9X]{2}\.\d{2}"
KODE_KEGIATAN = KODE_PROGRAM + r"\.\d\.\d{2}"
KODE_SUB = KODE_KEGIATAN + r"\.(?:\d{4}|\d{2})"
KODE_BY_TINGKAT = {"program": KODE_PROGRAM, "kegiatan": KODE_KEGIATAN, "sub_kegiatan": KODE_SUB}


def kode_format(data: pa.PolarsData) -> pl.LazyFrame:
    """A kode, when typed, has the shape of its tingkat (any level's when tingkat is odd)."""
    kode = pl.col("kode").str.strip_chars()
    any_level = "|".join(KODE_BY_TINGKAT.values())
    pattern = pl.col("tingkat").replace_strict(
        {t: rf"^{p}$" for t, p in KODE_BY_TINGKAT.items()},
        default=rf"^(?:{any_level})$",
        return_dtype=pl.String,
    )
    ok = kode.str.contains(pattern)
    return data.lazyframe.select((kode.is_null() | ok).fill_null(True).alias("kode"))


CHECKS = (FrameCheck("SCH004:kode", kode_format, "U.BB.PP(.K.KK(.SSSS))"),)
