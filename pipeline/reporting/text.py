"""The reports' words: keys ``report.<key>`` of :mod:`schemas.text`, the one text catalog.

One table of pairs so a page never mixes languages and a missing translation fails
loudly (KeyError in tests) instead of showing a key. Domain words that have no fair
English equivalent (kecamatan, kabupaten, pagu, IKM, AKIP, predikat) stay Indonesian.
"""

from __future__ import annotations

from schemas.text import t as _t


def t(key: str, lang: str, **values: object) -> str:
    """The report text ``key`` (``report.<key>`` in :data:`schemas.text.TEXT`) in ``lang``."""
    return _t(f"report.{key}", lang, **values)
