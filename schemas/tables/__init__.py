"""One pandera DataFrameModel per submission table, and how frames are prepared for them.

``MODELS`` maps each table of ``schemas/contract.py`` to its model; the validator calls
``MODELS[name].validate(prepare(name, frame), lazy=True)`` once per table, on the
concatenation of all submissions.
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.rules.base import predikat_baku, tingkat_baku
from schemas.tables.akip_komponen import AkipKomponen
from schemas.tables.akip_nilai import AkipNilai
from schemas.tables.anggaran_program import AnggaranProgram
from schemas.tables.capaian_iku import CapaianIku
from schemas.tables.efisiensi_sasaran import EfisiensiSasaran
from schemas.tables.identitas import Identitas
from schemas.tables.ikm_survei import IkmSurvei
from schemas.tables.ikm_unsur import IkmUnsur
from schemas.tables.kemajuan_renstra import KemajuanRenstra
from schemas.tables.perjanjian_kinerja import PerjanjianKinerja
from schemas.tables.program_kegiatan import ProgramKegiatan
from schemas.tables.realisasi_belanja import RealisasiBelanja
from schemas.tables.rencana_belanja import RencanaBelanja
from schemas.tables.sdm import Sdm
from schemas.tables.tren_iku import TrenIku

MODELS: dict[str, type[pa.DataFrameModel]] = {
    "identitas": Identitas,
    "perjanjian_kinerja": PerjanjianKinerja,
    "anggaran_program": AnggaranProgram,
    "rencana_belanja": RencanaBelanja,
    "capaian_iku": CapaianIku,
    "tren_iku": TrenIku,
    "kemajuan_renstra": KemajuanRenstra,
    "program_kegiatan": ProgramKegiatan,
    "realisasi_belanja": RealisasiBelanja,
    "ikm_unsur": IkmUnsur,
    "ikm_survei": IkmSurvei,
    "akip_komponen": AkipKomponen,
    "akip_nilai": AkipNilai,
    "efisiensi_sasaran": EfisiensiSasaran,
    "sdm": Sdm,
}


def prepare(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Spelling a model should not care about: 'Sub Kegiatan', ' Positif', 'bb'."""
    if name == "program_kegiatan":
        frame = frame.with_columns(tingkat_baku(pl.col("tingkat")).alias("tingkat"))
    if name == "perjanjian_kinerja":
        frame = frame.with_columns(pl.col("polaritas").str.strip_chars().str.to_lowercase())
    if name == "akip_nilai":
        frame = frame.with_columns(predikat_baku(pl.col("predikat")).alias("predikat"))
    return frame
