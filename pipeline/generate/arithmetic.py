"""Exact figures for a consistent submission: money in integer sen, percentages in
integer hundredths, every derived figure computed as the validator recomputes it, and
the printed forms a clerk types them in (``Money``, ``Pct``, ``Meas``, ``Raw``).

The base of the generator package; it also holds :class:`GenerateError`, which every
later step raises.

Formulas (exact: money in integer sen, percentages in integer hundredths)
-------------------------------------------------------------------------
- capaian = realisasi / target * 100 (polaritas negatif: (2*target - realisasi) / target * 100);
- persen_kinerja = realisasi_kinerja / target_kinerja * 100; persen_anggaran (serapan) and
  realisasi_belanja.persen = realisasi / pagu * 100; tingkat_kemajuan = realisasi / target_akhir
  * 100; sdm persen = jumlah / total * 100; nilai_ikm = mean(9 unsur) * 25;
- ``SASARAN_EFISIENSI``: efisiensi_sasaran.tingkat_efisiensi = persen_capaian - persen_penyerapan;
  ``PROGRAM_EFISIENSI``: program_kegiatan.tingkat_efisiensi is left empty;
- all of them rounded half-up to 2 decimals; sums exact to the sen.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.workbook import Cell
from schemas.vocab import POLARITAS_VALUES, PREDIKAT_VALUES, RUPIAH

POSITIF, NEGATIF = POLARITAS_VALUES
_RP = RUPIAH.capitalize()  # 'Rp', as printed

# ---------------------------------------------------------------- formulas shared with validate

SASARAN_EFISIENSI = "persen_capaian - persen_penyerapan"
"""efisiensi_sasaran.tingkat_efisiensi as generated (variant 1 of domain-rules.md)."""
PROGRAM_EFISIENSI: str | None = None
"""program_kegiatan.tingkat_efisiensi as generated: None = left empty."""


class GenerateError(ValueError):
    """Arguments the generator cannot honour (too many kecamatan, unknown format)."""


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


def capaian_h(target: int, realisasi: int, polaritas: str = POSITIF) -> int:
    """Capaian in hundredths from target and realisasi in hundredths."""
    if polaritas == NEGATIF:
        return div_half_up((2 * target - realisasi) * 10000, target)
    return div_half_up(realisasi * 10000, target)


def efisiensi_sasaran(capaian: int, serapan: int) -> int:
    """``SASARAN_EFISIENSI`` in hundredths."""
    return capaian - serapan


def nilai_ikm(unsur: list[int]) -> int:
    """IKM = mean of the unsur (hundredths) x 25, in hundredths, rounded half-up."""
    return div_half_up(sum(unsur) * 25, len(unsur))


AKIP_LABELS = PREDIKAT_VALUES  # best first; the last (D) is below every band
AKIP_BANDS = tuple(zip((9000, 8000, 7000, 6000, 5000, 3000), AKIP_LABELS, strict=False))


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
            return f"{_RP.upper()} " + money_text(value.sen, False)
        if style == "rp00":
            return f"{_RP} " + money_text(value.sen, True)
        return f"{_RP}. " + money_text(value.sen, False)
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
