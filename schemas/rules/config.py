"""Settings of the validator, with the defaults ``docs/domain-rules.md`` asks to make explicit.

Lives beside the rules (not in :mod:`pipeline.validate`) so that rule modules can read
it without importing the pipeline; :mod:`pipeline.validate` re-exports it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from schemas.formulas import DEFAULT_NEGATIVE_METHOD, NEGATIVE_METHODS
from schemas.vocab import POLARITAS
from schemas.wilayah import WILAYAH_CSV


@dataclass(frozen=True)
class ValidateConfig:
    """How the validator decides where practice varies.

    - ``polaritas``: per-indicator polarity override, keyed by indicator name (matched
      after normalisation, see :func:`schemas.rules.base.indikator_key`), value
      ``positif`` or ``negatif``. Default: the ``polaritas`` column of
      ``perjanjian_kinerja`` for that indicator, else ``positif``.
    - ``negative_method``: capaian of a lower-is-better indicator, one of
      ``formulas.NEGATIVE_METHODS``; default ``formulas.DEFAULT_NEGATIVE_METHOD``
      (``pengurangan``: ``(2*target - realisasi) / target * 100``, PermenPAN-RB 6/2022).
      ``negative_methods`` overrides it per indicator.
    - ``ikm_warning_band``: IKM002 is a warning while the printed IKM is within this many
      points of ``mean(unsur) * 25`` (respondent-level data explains small gaps), an error
      beyond. Default 1.0.
    - ``tahun_min`` / ``current_year``: IDN003 accepts report years from ``tahun_min``
      (2015, the first LKjIP under PermenPAN-RB 53/2014) to ``current_year + 1``;
      ``current_year`` defaults to today's year.
    - ``wilayah``: CSV ``kode,provinsi,kabupaten,kecamatan`` of known kecamatan (IDN001/2);
      default ``schemas/data/wilayah_kecamatan.csv`` (every kecamatan, Kepmendagri 2025;
      'Kabupaten X' and 'X' name the same kabupaten).
    """

    polaritas: Mapping[str, str] = field(default_factory=dict)
    negative_method: str = DEFAULT_NEGATIVE_METHOD
    negative_methods: Mapping[str, str] = field(default_factory=dict)
    ikm_warning_band: float = 1.0
    tahun_min: int = 2015
    current_year: int | None = None
    wilayah: Path = WILAYAH_CSV

    def __post_init__(self) -> None:
        methods = [self.negative_method, *self.negative_methods.values()]
        for method in methods:
            if method not in NEGATIVE_METHODS:
                raise ValueError(f"negative method {method!r} not in {NEGATIVE_METHODS}")
        for value in self.polaritas.values():
            if value not in POLARITAS.values:
                raise ValueError(f"polaritas {value!r} must be 'positif' or 'negatif'")

    @property
    def year_now(self) -> int:
        return self.current_year if self.current_year is not None else dt.date.today().year
