"""Model of ``program_kegiatan`` (3.17): programs, kegiatan and sub_kegiatan with money.

``tingkat`` arrives normalised ('Sub Kegiatan' -> 'sub_kegiatan', see
:func:`schemas.tables.prepare`); a missing tingkat is a structure finding (HIE003), not
SCH002, so the column is nullable here.
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.tables._base import PREDIKAT, Money, SubmissionRows, money

# Kepmendagri 050-5889/2021: U.BB.PP / U.BB.PP.K.KK / U.BB.PP.K.KK.SSSS (older data: .SS)
KODE_PROGRAM = r"[0-9X]\.[0-9X]{2}\.\d{2}"
KODE_KEGIATAN = KODE_PROGRAM + r"\.\d\.\d{2}"
KODE_SUB = KODE_KEGIATAN + r"\.(?:\d{4}|\d{2})"
KODE_BY_TINGKAT = {"program": KODE_PROGRAM, "kegiatan": KODE_KEGIATAN, "sub_kegiatan": KODE_SUB}


class ProgramKegiatan(SubmissionRows):
    tingkat: str = pa.Field(nullable=True, isin=["program", "kegiatan", "sub_kegiatan"])
    kode: str = pa.Field(nullable=True)
    nama: str = pa.Field(nullable=False)
    indikator: str = pa.Field(nullable=True)
    satuan: str = pa.Field(nullable=True)
    target_kinerja: float = pa.Field(nullable=True)
    target_kinerja_predikat: str = pa.Field(nullable=True, isin=PREDIKAT)
    pagu: Money = money()
    realisasi_kinerja: float = pa.Field(nullable=True)
    realisasi_kinerja_predikat: str = pa.Field(nullable=True, isin=PREDIKAT)
    realisasi_anggaran: Money = money()
    persen_kinerja: float = pa.Field(nullable=True, ge=0)
    persen_anggaran: float = pa.Field(nullable=True, ge=0)
    tingkat_efisiensi: float = pa.Field(nullable=True)

    @pa.dataframe_check(name="SCH004:kode")
    @classmethod
    def kode_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        kode = pl.col("kode").str.strip_chars()
        any_level = "|".join(KODE_BY_TINGKAT.values())
        pattern = pl.col("tingkat").replace_strict(
            {t: rf"^{p}$" for t, p in KODE_BY_TINGKAT.items()},
            default=rf"^(?:{any_level})$",
            return_dtype=pl.String,
        )
        ok = kode.str.contains(pattern)
        return data.lazyframe.select((kode.is_null() | ok).fill_null(True).alias("kode"))
