"""The submission contract of ``docs/submission-format.md`` as data.

Each column is declared once here: how ingest finds it (name, synonyms, whether its
header must be present), how its cells are read (kind), what a valid value is (nullable,
limits, vocabulary), its unit and whether it names the row (label). Ingest reads sheets
through it, :mod:`schemas.tables` builds the pandera schemas from it, the warehouse's
raw and staging SQL are generated from it, so every stage agrees on one definition.

Adding a column: declare it in its table below, regenerate ``pipeline/warehouse/raw.sql``
(and ``staging.sql``) with the command in the file's header (tests fail while they are
stale), and test it. A word list goes in :mod:`schemas.vocab`; a check over several
columns in ``schemas/tables/<table>.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from schemas.vocab import POLARITAS, PREDIKAT, RUPIAH, TINGKAT, Vocabulary


class Kind(StrEnum):
    """How a column's cells are read."""

    TEXT = "text"
    INTEGER = "integer"  # counts, years, numbering
    MONEY = "money"  # rupiah with optional 2-digit sen -> Decimal(18, 2)
    PERCENT = "percent"  # a percentage, '%' optional -> Float64
    MEASURE = (
        "measure"  # an indicator value; may carry a predikat: '74,10 ( BB )' -> value + predikat
    )


KIND_UNIT = {Kind.MONEY: "Rp", Kind.PERCENT: "%"}
"""The unit a column of this kind is in unless it says otherwise."""


@dataclass(frozen=True)
class Column:
    """One column of a sheet, everything every stage needs to know about it.

    - ``required``: ingest reports a missing header (ING005); ``nullable=False``: every
      row must fill it (SCH002; for a MEASURE a number or a predikat alone will do).
    - ``ge`` / ``le``: inclusive limits of the value (SCH001); both give one range check.
    - ``vocab``: the allowed words (SCH003), spelling normalised first (``Vocabulary.baku``).
    - ``label``: this column says what a row is about (a finding's ``label``).
    - ``key_macro``: a macro of ``macros.sql`` whose value the staging view adds as
      ``<name>_kunci`` (the matching key of a name).
    """

    name: str
    kind: Kind
    synonyms: tuple[str, ...] = ()
    required: bool = True
    nullable: bool = True
    ge: float | None = None
    le: float | None = None
    vocab: Vocabulary | None = None
    unit: str = ""
    label: bool = False
    key_macro: str = ""

    def __post_init__(self) -> None:
        if not self.unit and self.kind in KIND_UNIT:
            object.__setattr__(self, "unit", KIND_UNIT[self.kind])


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
    def label(self) -> str | None:
        """The column that says what a row is about (shown as a finding's ``label``)."""
        return next((col.name for col in self.columns if col.label), None)

    @property
    def value_columns(self) -> list[str]:
        """Frame columns the ingest produces for this table, predikat parts included."""
        out: list[str] = []
        for col in self.columns:
            out.append(col.name)
            if col.kind is Kind.MEASURE:
                out.append(f"{col.name}_predikat")
        return out


UNIT_IN_PARENS = rf"\(\s*({RUPIAH}|%)\s*\)"
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

YEARS = (2000, 2100)
"""The years lakip can mean (inclusive)."""
SCORE = (0, 100)
"""A score out of 100 (AKIP) or a share of staff (inclusive)."""

NO = C("no", N, ("nomor", "no urut"), required=False, ge=0)
# nullable: a sasaran cell is often merged over the indicators below it
SASARAN = C("sasaran_strategis", T, ("sasaran", "sasaran strategis"))
INDIKATOR = C(
    "indikator",
    T,
    ("indikator kinerja", "indikator kinerja utama", "iku"),
    nullable=False,
    label=True,
    key_macro="kunci_indikator",
)
SATUAN = C("satuan", T, ("unit",))
CAPAIAN = C("capaian", P, ("capaian %", "persen capaian", "% capaian"), ge=0)

TABLES: tuple[Table, ...] = (
    Table(
        "identitas",
        (
            C("kolom", T, ("key", "uraian", "field"), nullable=False, label=True),
            C("nilai", T, ("value", "isi")),
        ),
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
            C("target", V, ("target kinerja", "target 2025"), nullable=False),
            C("polaritas", T, ("polarity", "arah"), required=False, vocab=POLARITAS),
        ),
        synonyms=("pk", "perjanjian kinerja"),
        report_table="2.1",
    ),
    Table(
        "anggaran_program",
        (
            NO,
            C("program", T, ("nama program", "program kegiatan"), nullable=False, label=True),
            C(
                "anggaran",
                M,
                ("pagu", "anggaran rp", "pagu anggaran", "jumlah anggaran"),
                nullable=False,
                ge=0,
            ),
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
            C(
                "jenis_belanja",
                T,
                ("belanja", "jenis belanja", "uraian"),
                nullable=False,
                label=True,
            ),
            C(
                "anggaran",
                M,
                ("pagu", "anggaran rp", "rencana", "rencana anggaran"),
                nullable=False,
                ge=0,
            ),
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
            C("target", V, nullable=False),
            C("realisasi", V, nullable=False),
            # nullable: a qualitative target has no numeric capaian (CAP004)
            CAPAIAN,
        ),
        synonyms=("capaian iku", "capaian kinerja", "iku"),
        report_table="3.2",
    ),
    Table(
        "tren_iku",
        (
            INDIKATOR,
            SATUAN,
            C("tahun", N, ("year",), nullable=False, ge=YEARS[0], le=YEARS[1]),
            # nullable: years without a target or a result yet are left blank
            C("target", V),
            C("realisasi", V),
            CAPAIAN,
        ),
        synonyms=("tren iku", "tren", "trend iku"),
        report_table="3.5, 3.11",
    ),
    Table(
        "kemajuan_renstra",
        (
            NO,
            INDIKATOR,
            C("realisasi", V, ("realisasi kinerja",), nullable=False),
            C("target_akhir", V, ("target akhir", "target akhir renstra"), nullable=False),
            C("tahun_akhir", N, ("tahun akhir",), ge=YEARS[0], le=YEARS[1]),
            C("tingkat_kemajuan", P, ("tingkat kemajuan", "kemajuan", "kemajuan %"), ge=0),
        ),
        synonyms=("kemajuan renstra", "kemajuan"),
        report_table="3.7, 3.13",
    ),
    Table(
        "program_kegiatan",
        (
            # nullable: a missing tingkat is a structure finding (HIE003), not SCH002
            C("tingkat", T, ("level", "jenis"), vocab=TINGKAT),
            C("kode", T, ("kode rekening", "kode program"), required=False),
            C(
                "nama",
                T,
                ("program kegiatan", "program/kegiatan", "uraian", "nama program kegiatan"),
                nullable=False,
                label=True,
            ),
            C(
                "indikator",
                T,
                ("indikator kinerja", "indikator kinerja outcome output"),
                key_macro="kunci_indikator",
            ),
            SATUAN,
            C("target_kinerja", V, ("target", "target kinerja")),
            C(
                "pagu",
                M,
                ("anggaran", "target rp", "pagu rp", "pagu anggaran", "anggaran rp"),
                nullable=False,
                ge=0,
            ),
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
                nullable=False,
                ge=0,
            ),
            C(
                "persen_kinerja",
                P,
                ("% kinerja", "kinerja %", "persen kinerja", "capaian kinerja"),
                ge=0,
            ),
            C(
                "persen_anggaran",
                P,
                ("% anggaran", "anggaran %", "% rp", "persen anggaran", "serapan"),
                ge=0,
            ),
            C("tingkat_efisiensi", P, ("tingkat efisiensi", "efisiensi"), required=False),
        ),
        synonyms=("program kegiatan", "program dan kegiatan", "efisiensi program"),
        total_label="nama",
        report_table="3.17",
    ),
    Table(
        "realisasi_belanja",
        (
            NO,
            C(
                "jenis_belanja",
                T,
                ("belanja", "jenis belanja", "uraian"),
                nullable=False,
                label=True,
            ),
            C("anggaran", M, ("pagu", "anggaran rp"), nullable=False, ge=0),
            C("realisasi", M, ("realisasi rp", "realisasi anggaran"), nullable=False, ge=0),
            C("persen", P, ("%", "persentase", "serapan", "persen realisasi"), ge=0),
        ),
        synonyms=("realisasi belanja", "realisasi anggaran"),
        total_label="jenis_belanja",
        report_table="3.2 (Realisasi Anggaran)",
    ),
    Table(
        "ikm_unsur",
        (
            NO,
            C("unsur", T, ("unsur pelayanan", "unsur layanan"), nullable=False, label=True),
            C("nilai", P, ("nilai unsur",), nullable=False, ge=1, le=4, unit="skala 1-4"),
        ),
        synonyms=("ikm unsur", "unsur ikm"),
        required=False,
        report_table="3.3",
    ),
    Table(
        "ikm_survei",
        (
            C("kolom", T, ("key", "uraian"), nullable=False, label=True),
            C("nilai", T, ("value",)),
        ),
        synonyms=("ikm survei", "survei ikm", "ikm survey"),
        required=False,
        key_value=True,
        report_table="3.6",
    ),
    Table(
        "akip_komponen",
        (
            C("tahun", N, nullable=False, ge=YEARS[0], le=YEARS[1]),
            C(
                "komponen",
                T,
                ("aspek penilaian", "aspek", "komponen penilaian"),
                nullable=False,
                label=True,
            ),
            C("bobot", P, (), required=False, ge=SCORE[0], le=SCORE[1], unit="poin"),
            # nullable: '-' marks a component the year's form does not have (AKP004 reads it so)
            C("nilai", P, ge=SCORE[0], le=SCORE[1], unit="poin"),
        ),
        synonyms=("akip komponen", "komponen akip", "aspek akip"),
        required=False,
        report_table="3.4, 3.12",
    ),
    Table(
        "akip_nilai",
        (
            C("tahun", N, nullable=False, label=True, ge=YEARS[0], le=YEARS[1]),
            C(
                "nilai",
                P,
                ("nilai akip", "total"),
                nullable=False,
                ge=SCORE[0],
                le=SCORE[1],
                unit="poin",
            ),
            C("predikat", T, ("kategori",), vocab=PREDIKAT),
        ),
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
            C(
                "persen_capaian",
                P,
                ("% capaian kinerja", "capaian kinerja", "% capaian"),
                ge=0,
            ),
            C(
                "persen_penyerapan",
                P,
                ("% penyerapan anggaran", "penyerapan anggaran", "serapan"),
                ge=0,
            ),
            # may be negative: capaian - serapan is a common variant
            C("tingkat_efisiensi", P, ("tingkat efisiensi", "tingkat efisiensi %", "efisiensi")),
        ),
        synonyms=("efisiensi sasaran", "efisiensi"),
        required=False,
        report_table="3.10, 3.16",
    ),
    Table(
        "sdm",
        (
            C("kategori", T, ("category",), nullable=False),
            C("uraian", T, nullable=False, label=True),
            # nullable: '-' or blank means nobody in that row (SLTP '-', SD blank in the seed)
            C("jumlah", N, ("jumlah pegawai", "orang"), ge=0, unit="orang"),
            C("persen", P, ("%", "persentase"), ge=SCORE[0], le=SCORE[1]),
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
