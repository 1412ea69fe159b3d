"""The region reference: every kecamatan of Indonesia with its Kemendagri code.

``schemas/data/wilayah_kecamatan.csv`` (Kepmendagri 2025; ``kode,provinsi,kabupaten,
kecamatan``, 7,285 rows, kabupaten spelled 'Kabupaten X' / 'Kota X') is the only place
lakip knows regions from: the identity checks (IDN001/2), the generator's places and
the template all read it through :func:`reference`, loaded once per file.

Names are compared tolerantly, as clerks type them: case, spaces and punctuation are
ignored, and so is a leading 'Kabupaten'/'Kab.'/'Kecamatan'/'Kec.' ('Kabupaten Batu
Bara' = 'Batu Bara' = 'BATU BARA'). 'Kota' is kept: Kota Bandung is not Kabupaten Bandung.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

WILAYAH_CSV = Path(__file__).resolve().parent / "data" / "wilayah_kecamatan.csv"

_PREFIX = r"^\s*(kabupaten|kab\.?|kecamatan|kec\.?)\s+"


def region_key(expr: pl.Expr) -> pl.Expr:
    """'Kabupaten Batu Bara' ~ 'Kab. Batu Bara' ~ 'BATU BARA'; 'Kec. X' ~ 'X'."""
    stripped = expr.str.to_lowercase().str.replace(_PREFIX, "")
    return stripped.str.replace_all(r"[^a-z0-9]", "")


def name_key(name: str) -> str:
    """:func:`region_key` of one name (the same expression, so both always agree)."""
    key = pl.select(region_key(pl.lit(name, dtype=pl.String))).item()
    return str(key)


def kode_digits(expr: pl.Expr) -> pl.Expr:
    """'12.19.01' -> '121901': codes compare on their digits."""
    return expr.str.replace_all(r"\D", "")


@dataclass(frozen=True)
class Wilayah:
    """The reference as one frame, with the keys every lookup uses.

    ``frame`` columns: kode, provinsi, kabupaten, kecamatan (as in the file),
    ``kode_kabupaten`` ('12.19'), ``kabupaten_nama`` (the name without a leading
    'Kabupaten ': 'Batu Bara', 'Kota Medan'), ``kab_key``, ``kec_key`` and ``kode_key``.
    """

    path: Path
    frame: pl.DataFrame

    def by_kode(self, kode: str) -> dict[str, str] | None:
        """The kecamatan of a code ('12.19.01' or '121901'), or None."""
        digits = "".join(ch for ch in kode if ch.isdigit())
        hit = self.frame.filter(pl.col("kode_key") == digits)
        return _first(hit)

    def find(self, kabupaten: str, kecamatan: str) -> dict[str, str] | None:
        """The kecamatan named so in the kabupaten named so (names compared loosely)."""
        hit = self.frame.filter(
            (pl.col("kab_key") == name_key(kabupaten)) & (pl.col("kec_key") == name_key(kecamatan))
        )
        return _first(hit)

    def kecamatan_of(self, kabupaten: str) -> pl.DataFrame:
        """The kecamatan of one kabupaten, by name or by code ('12.19'), in code order."""
        digits = "".join(ch for ch in kabupaten if ch.isdigit())
        if digits:
            hit = self.frame.filter(kode_digits(pl.col("kode_kabupaten")) == digits)
        else:
            hit = self.frame.filter(pl.col("kab_key") == name_key(kabupaten))
        return hit.sort("kode")

    def kabupaten(self) -> pl.DataFrame:
        """One row per kabupaten/kota: kode_kabupaten, provinsi, kabupaten, names, key, count."""
        return (
            self.frame.group_by("kode_kabupaten", maintain_order=True)
            .agg(
                pl.col("provinsi", "kabupaten", "kabupaten_nama", "kab_key").first(),
                pl.len().alias("jumlah_kecamatan"),
            )
            .sort("kode_kabupaten")
        )


def _first(frame: pl.DataFrame) -> dict[str, str] | None:
    return frame.row(0, named=True) if frame.height else None


def reference(path: Path | None = None) -> Wilayah:
    """The region reference of ``path`` (default: the national list), read once."""
    return _load(Path(path or WILAYAH_CSV).resolve())


@cache
def _load(path: Path) -> Wilayah:
    raw = pl.read_csv(path, schema_overrides={"kode": pl.String}).select(
        pl.col("kode").str.strip_chars(),
        pl.col("provinsi", "kabupaten", "kecamatan").cast(pl.String).str.strip_chars(),
    )
    frame = raw.with_columns(
        pl.col("kode").str.extract(r"^(\d+\.\d+)", 1).alias("kode_kabupaten"),
        pl.col("kabupaten").str.replace(r"(?i)^kabupaten\s+", "").alias("kabupaten_nama"),
        region_key(pl.col("kabupaten")).alias("kab_key"),
        region_key(pl.col("kecamatan")).alias("kec_key"),
        kode_digits(pl.col("kode")).alias("kode_key"),
    )
    return Wilayah(path, frame)
