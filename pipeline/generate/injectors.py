"""Error injection and the ground truth: each injector edits printed figures of a
:class:`Report` in a place no other injection touches, and says where the validator must
report it.

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
budget breaks either its JUMLAH or the total agreement). IDN001 goes only to the Batu Bara
kecamatan (the code of one of its siblings). Generated kecamatan come from the national
list up to its 7,285; the invented ones beyond it are in kabupaten the reference does not
know, so each of those also draws one IDN002 warning by construction.

Each injector is registered against the rule it breaks (``@injector(SER002, "belanja")``):
``INJECTORS`` is keyed by rule code and ``INJECTION_KINDS`` is its order of registration.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from pipeline.generate.arithmetic import (
    AKIP_LABELS,
    GenerateError,
    Meas,
    Money,
    Pct,
    Raw,
    Value,
    akip_predikat,
    div_half_up,
    pct,
)
from pipeline.generate.history import Indicator, ProgramMeta, Report, Row
from pipeline.generate.places import BATU_BARA, Identity
from schemas.catalog import Rule
from schemas.rules.akip import AKP001, AKP003
from schemas.rules.capaian import CAP001, CAP002, CAP003
from schemas.rules.cross import XTB001, XTB002, XTB003, XTB005, XTB007, XTB009, XTB011
from schemas.rules.hierarchy import HIE001, HIE002
from schemas.rules.identitas import IDN001
from schemas.rules.ikm import IKM002, IKM003
from schemas.rules.ingest import ING007
from schemas.rules.kemajuan import KEM001
from schemas.rules.schema import SCH001, SCH004
from schemas.rules.sdm import SDM001
from schemas.rules.serapan import SER001, SER002, SER003
from schemas.rules.totals import TOT001, TOT003

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
    rule: Rule
    expect: Place  # where the validator must report ``rule``
    changed: Place  # the cell that was edited
    original: Value
    injected: Value
    consequences: list[tuple[Rule, Place]] = field(default_factory=list)


Inject = Callable[[Report, random.Random], Injection | None]


@dataclass(frozen=True)
class Injector:
    """How to break one rule: the function that edits a report, and what it competes for.

    ``groups`` are the kinds of place of a submission the injection takes (see ``_CAPS``:
    how many of each one submission surely holds); ``home_only`` keeps it to the
    kecamatan of Batu Bara.
    """

    rule: Rule
    inject: Inject
    groups: tuple[str, ...]
    home_only: bool = False


INJECTORS: dict[str, Injector] = {}
"""The injectable rules by code, in registration order (the order seeded choices draw in)."""


def injector(rule: Rule, *groups: str, home_only: bool = False) -> Callable[[Inject], Inject]:
    """Register the decorated function as the injector of ``rule`` (one per rule)."""

    def register(inject: Inject) -> Inject:
        if rule.code in INJECTORS:
            raise ValueError(f"two injectors for {rule.code}")
        INJECTORS[rule.code] = Injector(rule, inject, groups, home_only)
        return inject

    return register


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


@injector(TOT001, "total")
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
        inj = Injection(TOT001, place, place, old, Money(value))
        if not kept and percent:
            inj.consequences.append((TOT003, Place(table, i, percent[2])))
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


@injector(HIE002, "program")
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
        inj = Injection(HIE002, place, place, old, Money(value))
        inj.consequences.append((HIE001, Place(PK, prog.row, "pagu")))
        if not kept:
            inj.consequences.append((SER001, Place(PK, keg_row, "persen_anggaran")))
        return inj
    return None


@injector(HIE001, "program", "pk_realisasi")
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
        inj = Injection(HIE001, place, place, old, Money(value))
        inj.consequences.append((TOT001, Place(PK, rep.pk_total, "realisasi_anggaran")))
        first, last = rep.programs[0].row, rep.programs[-1].row
        inj.consequences.append((XTB007, Place(PK, first, "realisasi_anggaran", last)))
        if not kept:
            inj.consequences.append((SER001, Place(PK, prog.row, "persen_anggaran")))
        return inj
    return None


def _inj_percent_in_program(rule: Rule, column: str) -> Inject:
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


injector(SER001, "program")(_inj_percent_in_program(SER001, "persen_anggaran"))


@injector(SER002, "belanja")
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
    return Injection(SER002, place, place, old, new)


@injector(SER003, "program")
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
            return Injection(SER003, place, place, real_a, new_a)
    return None


def _indicator_rows(rep: Report, rng: random.Random) -> list[tuple[int, Indicator]]:
    out = list(enumerate(rep.indicators))
    rng.shuffle(out)
    return out


@injector(CAP001, "indikator")
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
        inj = Injection(CAP001, place, place, old, new)
        # the same figure is copied into the trend table (report year) and the efficiency table
        inj.consequences.append((XTB003, Place("tren_iku", n * 5 + 4, "capaian")))
        inj.consequences.append((XTB011, Place("efisiensi_sasaran", n, "persen_capaian")))
        return inj
    return None


@injector(CAP002, "tren")
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
        return Injection(CAP002, place, place, old, new)
    return None


injector(CAP003, "program")(_inj_percent_in_program(CAP003, "persen_kinerja"))


@injector(KEM001, "kemajuan")
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
    return Injection(KEM001, place, place, old, new)


@injector(AKP001, "akip")
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
            AKP001, Place("akip_nilai", y, "nilai"), Place("akip_komponen", i, "nilai"), old, new
        )
    return None


@injector(AKP003, "akip")
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
    return Injection(AKP003, place, place, old, new)


@injector(IKM002, "indikator", "ikm")
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
    inj = Injection(IKM002, place, place, old, new)
    ikm_row = next(n for n, ind in enumerate(rep.indicators) if ind.key == "ikm")
    inj.consequences.append((XTB009, Place("capaian_iku", ikm_row, "realisasi")))
    return inj


@injector(IKM003, "ikm_puas")
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
        IKM003, Place("ikm_survei", 0, "nilai"), Place("ikm_survei", 1, "nilai"), old, new
    )


@injector(XTB001, "indikator", "ikm")
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
        inj = Injection(XTB001, place, place, old, new)
        inj.consequences.append((XTB002, Place("tren_iku", n * 5 + 4, "target")))
        return inj
    return None


@injector(XTB005, "anggaran")
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
            inj = Injection(XTB005, place, place, old_a, Money(value))
            inj.consequences.append((XTB005, Place("anggaran_program", b, "anggaran")))
            return inj
    return None


@injector(SDM001, "sdm")
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
        return Injection(SDM001, place, place, old, new)
    return None


@injector(SCH004, "program")
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
        return Injection(SCH004, place, place, old, new)
    return None


@injector(SCH001, "rencana")
def _inj_sch001(rep: Report, rng: random.Random) -> Injection | None:
    rows = rep.rows("rencana_belanja")
    if len(rows) < 3 or not _claim(rep, "rencana_belanja:rows"):
        return None
    modal, operasi = rows[1]["anggaran"], rows[0]["anggaran"]
    assert isinstance(modal, Money) and isinstance(operasi, Money)
    rows[1]["anggaran"] = Money(-modal.sen)
    rows[0]["anggaran"] = Money(operasi.sen + 2 * modal.sen)
    place = Place("rencana_belanja", 1, "anggaran")
    return Injection(SCH001, place, place, modal, Money(-modal.sen))


@injector(ING007, "rencana")
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
        inj = Injection(ING007, place, place, old, new)
        # a validator that sums around the unreadable cell blames the declared total
        inj.consequences.append((TOT001, Place(table, len(rows) - 1, "anggaran")))
        return inj
    return None


@injector(IDN001, "identitas", home_only=True)
def _inj_idn001(rep: Report, rng: random.Random) -> Injection | None:
    if not rep.ident.home or not _claim(rep, "identitas"):
        return None
    rows = rep.rows("identitas")
    i = next(k for k, r in enumerate(rows) if r["kolom"] == "kode_wilayah")
    old = rows[i]["nilai"]
    new = rng.choice([b[0] for b in BATU_BARA if b[0] != old])
    rows[i]["nilai"] = new
    place = Place("identitas", i, "nilai")
    return Injection(IDN001, place, place, old, new)


INJECTION_KINDS: tuple[str, ...] = tuple(INJECTORS)
"""The injectable rule codes, in the order of their registration above."""

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
    its groups; IDN001 only to Batu Bara kecamatan. A kind no submission has room
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
        inj = INJECTORS[kind]
        if inj.home_only and not subs[s].home:
            return False
        if len(plan[s]) >= MAX_PER_SUBMISSION:
            return False
        return all(load[s][g] < _CAPS[g] for g in inj.groups)

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
                    for g in INJECTORS[kd].groups:
                        load[s][g] += 1
                    cursor = (cursor + step + 1) % len(order)
                    placed = True
                    break
            if placed:
                break
        if not placed:
            raise GenerateError(f"{k} injections do not fit in {len(subs)} submissions")
    return plan
