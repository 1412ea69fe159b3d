"""The submission contract of ``docs/submission-format.md`` as data.

Ingest reads sheets through this contract (names, synonyms, the kind of every
column) and the pandera models check the frames it produces, so both stages agree
on one definition instead of two copies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class Kind(StrEnum):
    """How a column's cells are read."""

    TEXT = "text"
    INTEGER = "integer"  # counts, years, numbering
    MONEY = "money"  # rupiah with optional 2-digit sen -> Decimal(18, 2)
    PERCENT = "percent"  # a percentage, '%' optional -> Float64
    MEASURE = (
        "measure"  # an indicator value; may carry a predikat: '74,10 ( BB )' -> value + predikat
    )


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    synonyms: tuple[str, ...] = ()
    required: bool = True


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    synonyms: tuple[str, ...] = ()
    required: bool = True
    key_value: bool = False  # identitas / ikm_survei: kolom, nilai rows
    total_label: str | None = None  # the column whose cell says JUMLAH / TOTAL
    report_table: str = ""

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def value_columns(self) -> list[str]:
        """Frame columns the ingest produces for this table, predikat parts included."""
        out: list[str] = []
        for col in self.columns:
            out.append(col.name)
            if col.kind is Kind.MEASURE:
                out.append(f"{col.name}_predikat")
        return out


UNIT_IN_PARENS = r"\(\s*(rp|%)\s*\)"
"""'(Rp)' or '( % )' in a label: kept as 'rp' / '%', so 'Realisasi (Rp)' ~ 'realisasi rp'."""
UNIT_SUFFIX = r"(?i)\(\s*(?:%|rp\.?|orang|jiwa|ha|km2|km²)\s*\)\s*$"
"""A unit after a header ('Tingkat Kemajuan (%)', 'Pagu (Rp.)', 'Jumlah (orang)'): a label
unknown with its unit is looked up again without it."""
LABEL_PUNCTUATION = r"[\s_\-.:/()]+"
"""What a label comparison ignores: spaces, underscores, dashes, dots, colons, slashes."""


@lru_cache(maxsize=65536)
def norm(label: str) -> str:
    """Normalise a sheet or header label the way the contract compares them.

    Cached: the same few hundred labels recur in every workbook of a run. Ingest applies
    the same steps as a polars expression to whole columns.
    """
    text = label.strip().lower()
    text = re.sub(UNIT_IN_PARENS, r"\1", text)
    return re.sub(LABEL_PUNCTUATION, "", text)


C = Column
T, N, M, P, V = Kind.TEXT, Kind.INTEGER, Kind.MONEY, Kind.PERCENT, Kind.MEASURE

NO = C("no", N, ("nomor", "no urut"), required=False)
SASARAN = C("sasaran_strategis", T, ("sasaran", "sasaran strategis"))
INDIKATOR = C("indikator", T, ("indikator kinerja", "indikator kinerja utama", "iku"))
SATUAN = C("satuan", T, ("unit",))

TABLES: tuple[Table, ...] = (
    Table(
        "identitas",
        (C("kolom", T, ("key", "uraian", "field")), C("nilai", T, ("value", "isi"))),
        synonyms=("identitas", "identitas opd", "identity"),
        key_value=True,
        report_table="sampul, 1.3",
    ),
    Table(
        "perjanjian_kinerja",
        (
            NO,
            SASARAN,
            INDIKATOR,
            SATUAN,
            C("target", V, ("target kinerja", "target 2025")),
            C("polaritas", T, ("polarity", "arah"), required=False),
        ),
        synonyms=("pk", "perjanjian kinerja"),
        report_table="2.1",
    ),
    Table(
        "anggaran_program",
        (
            NO,
            C("program", T, ("nama program", "program kegiatan")),
            C("anggaran", M, ("pagu", "anggaran rp", "pagu anggaran", "jumlah anggaran")),
            C("keterangan", T, ("ket", "sumber dana"), required=False),
        ),
        synonyms=("anggaran program", "pk anggaran", "program anggaran"),
        total_label="program",
        report_table="2.1 (anggaran)",
    ),
    Table(
        "rencana_belanja",
        (
            NO,
            C("jenis_belanja", T, ("belanja", "jenis belanja", "uraian")),
            C("anggaran", M, ("pagu", "anggaran rp", "rencana", "rencana anggaran")),
        ),
        synonyms=("rencana belanja", "rencana anggaran"),
        total_label="jenis_belanja",
        report_table="Rencana Anggaran",
    ),
    Table(
        "capaian_iku",
        (
            NO,
            SASARAN,
            INDIKATOR,
            SATUAN,
            C("target", V),
            C("realisasi", V),
            C("capaian", P, ("capaian %", "persen capaian", "% capaian")),
        ),
        synonyms=("capaian iku", "capaian kinerja", "iku"),
        report_table="3.2",
    ),
    Table(
        "tren_iku",
        (
            INDIKATOR,
            SATUAN,
            C("tahun", N, ("year",)),
            C("target", V),
            C("realisasi", V),
            C("capaian", P, ("capaian %", "persen capaian", "% capaian")),
        ),
        synonyms=("tren iku", "tren", "trend iku"),
        report_table="3.5, 3.11",
    ),
    Table(
        "kemajuan_renstra",
        (
            NO,
            INDIKATOR,
            C("realisasi", V, ("realisasi kinerja",)),
            C("target_akhir", V, ("target akhir", "target akhir renstra")),
            C("tahun_akhir", N, ("tahun akhir",)),
            C("tingkat_kemajuan", P, ("tingkat kemajuan", "kemajuan", "kemajuan %")),
        ),
        synonyms=("kemajuan renstra", "kemajuan"),
        report_table="3.7, 3.13",
    ),
    Table(
        "program_kegiatan",
        (
            C("tingkat", T, ("level", "jenis")),
            C("kode", T, ("kode rekening", "kode program"), required=False),
            C(
                "nama",
                T,
                ("program kegiatan", "program/kegiatan", "uraian", "nama program kegiatan"),
            ),
            C("indikator", T, ("indikator kinerja", "indikator kinerja outcome output")),
            SATUAN,
            C("target_kinerja", V, ("target", "target kinerja")),
            C("pagu", M, ("anggaran", "target rp", "pagu rp", "pagu anggaran", "anggaran rp")),
            C("realisasi_kinerja", V, ("realisasi kinerja",)),
            C(
                "realisasi_anggaran",
                M,
                (
                    "realisasi rp",
                    "realisasi anggaran",
                    "realisasi keuangan",
                    "realisasi anggaran rp",
                ),
            ),
            C("persen_kinerja", P, ("% kinerja", "kinerja %", "persen kinerja", "capaian kinerja")),
            C(
                "persen_anggaran",
                P,
                ("% anggaran", "anggaran %", "% rp", "persen anggaran", "serapan"),
            ),
            C(
                "tingkat_efisiensi",
                Kind.PERCENT,
                ("tingkat efisiensi", "efisiensi"),
                required=False,
            ),
        ),
        synonyms=("program kegiatan", "program dan kegiatan", "efisiensi program"),
        total_label="nama",
        report_table="3.17",
    ),
    Table(
        "realisasi_belanja",
        (
            NO,
            C("jenis_belanja", T, ("belanja", "jenis belanja", "uraian")),
            C("anggaran", M, ("pagu", "anggaran rp")),
            C("realisasi", M, ("realisasi rp", "realisasi anggaran")),
            C("persen", P, ("%", "persentase", "serapan", "persen realisasi")),
        ),
        synonyms=("realisasi belanja", "realisasi anggaran"),
        total_label="jenis_belanja",
        report_table="3.2 (Realisasi Anggaran)",
    ),
    Table(
        "ikm_unsur",
        (NO, C("unsur", T, ("unsur pelayanan", "unsur layanan")), C("nilai", P, ("nilai unsur",))),
        synonyms=("ikm unsur", "unsur ikm"),
        required=False,
        report_table="3.3",
    ),
    Table(
        "ikm_survei",
        (C("kolom", T, ("key", "uraian")), C("nilai", T, ("value",))),
        synonyms=("ikm survei", "survei ikm", "ikm survey"),
        required=False,
        key_value=True,
        report_table="3.6",
    ),
    Table(
        "akip_komponen",
        (
            C("tahun", N),
            C("komponen", T, ("aspek penilaian", "aspek", "komponen penilaian")),
            C("bobot", P, (), required=False),
            C("nilai", P),
        ),
        synonyms=("akip komponen", "komponen akip", "aspek akip"),
        required=False,
        report_table="3.4, 3.12",
    ),
    Table(
        "akip_nilai",
        (C("tahun", N), C("nilai", P, ("nilai akip", "total")), C("predikat", T, ("kategori",))),
        synonyms=("akip nilai", "nilai akip"),
        required=False,
        report_table="3.4, 3.12",
    ),
    Table(
        "efisiensi_sasaran",
        (
            NO,
            SASARAN,
            INDIKATOR,
            C("persen_capaian", P, ("% capaian kinerja", "capaian kinerja", "% capaian")),
            C("persen_penyerapan", P, ("% penyerapan anggaran", "penyerapan anggaran", "serapan")),
            C("tingkat_efisiensi", P, ("tingkat efisiensi", "tingkat efisiensi %", "efisiensi")),
        ),
        synonyms=("efisiensi sasaran", "efisiensi"),
        required=False,
        report_table="3.10, 3.16",
    ),
    Table(
        "sdm",
        (
            C("kategori", T, ("category",)),
            C("uraian", T),
            C("jumlah", N, ("jumlah pegawai", "orang")),
            C("persen", P, ("%", "persentase")),
        ),
        synonyms=("sdm", "pegawai", "sumber daya manusia"),
        required=False,
        total_label="uraian",
        report_table="1.7, 1.8",
    ),
)

TABLE_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

IDENTITAS_KEYS: tuple[str, ...] = (
    "provinsi",
    "kabupaten",
    "kecamatan",
    "tahun",
    "kode_wilayah",
    "penanggung_jawab",
    "nip",
    "tanggal_laporan",
    "jumlah_desa",
    "jumlah_kelurahan",
    "jumlah_penduduk",
    "luas_ha",
    "sintetis",
)
IDENTITAS_REQUIRED: tuple[str, ...] = (
    "provinsi",
    "kabupaten",
    "kecamatan",
    "tahun",
    "penanggung_jawab",
    "nip",
    "tanggal_laporan",
)
IKM_SURVEI_KEYS: tuple[str, ...] = ("jumlah_responden", "puas", "tidak_puas", "nilai_ikm")

TOTAL_LABELS = frozenset({"jumlah", "total", "jumlahtotal", "totalkeseluruhan", "grandtotal"})


def sheet_lookup() -> dict[str, str]:
    """Normalised sheet label -> canonical table name."""
    out: dict[str, str] = {}
    for table in TABLES:
        for label in (table.name, *table.synonyms):
            out.setdefault(norm(label), table.name)
    return out


def header_lookup(table: Table) -> dict[str, str]:
    """Normalised header label -> canonical column name, for one table."""
    out: dict[str, str] = {}
    for col in table.columns:
        out[norm(col.name)] = col.name
    for col in table.columns:
        for label in col.synonyms:
            out.setdefault(norm(label), col.name)
    return out
