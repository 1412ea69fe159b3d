"""Finding submissions under raw/<tahun>/ and fingerprinting them.

Which paths are submissions (workbooks, folders whose CSV files are named after
tables) and their sha256, used for skip-by-hash, duplicate files (ING011) and the
generator's submission ids. Anything else found under raw/ (a zip, a loose CSV, an
empty folder) is returned too, so that reading it gives a finding (ING013) instead of
being ignored. Nothing here opens a sheet; reading is :mod:`.read`.
"""

from __future__ import annotations

import hashlib
import re
import stat
from pathlib import Path

from pipeline.errors import LakipError
from schemas.contract import norm, sheet_lookup

_SHEETS = sheet_lookup()
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
"""Workbook formats the calamine reader opens."""
_YEAR = re.compile(r"^\d{4}$")
_NOTES = (".md",)  # a README beside the submissions is not a submission, nor a fault
_OWN_FILES = ("ground_truth.csv",)  # what `lakip generate --inject` writes beside its workbooks


class IngestError(LakipError):
    """Raised for usage problems (a path that does not exist), never for bad data."""


def discover(root: Path) -> list[Path]:
    """Submissions under ``root``, and every other entry a finding must name.

    Workbooks and CSV folders are submissions; a file of another kind, a CSV file
    outside a submission folder and an empty folder are returned for ING013.
    """
    if not root.exists():
        raise IngestError(f"{root} does not exist")
    if not root.is_dir() or is_csv_submission(root):
        return [root]
    found: list[Path] = []
    inside: list[Path] = []  # CSV submission folders: their entries are not looked at
    for path in sorted(root.rglob("*")):
        name = path.name
        if name.startswith(("~$", ".")) or any(f in path.parents for f in inside):
            continue
        if path.is_dir():
            # raw/<tahun>/ holds submissions: CSV files loose in it are ING015, not a
            # submission named after the year
            if not _YEAR.match(name) and is_csv_submission(path):
                found.append(path)
                inside.append(path)
            elif not _YEAR.match(name) and not any(
                not p.name.startswith(".") for p in path.iterdir()
            ):
                found.append(path)  # an empty folder: ING013 (an empty raw/<tahun>/ is no entry)
            continue
        if path.suffix.lower() in _NOTES or name.lower().startswith("readme") or name in _OWN_FILES:
            continue
        found.append(path)
    return found


def is_regular(path: Path) -> bool:
    """A regular file (not a folder, FIFO or socket: reading a FIFO blocks forever)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def csv_files(folder: Path) -> list[Path]:
    """The ``*.csv`` entries of a folder, in name order, whatever kind of entry they are."""
    return sorted(folder.glob("*.csv"))


def is_csv_submission(folder: Path) -> bool:
    """A folder is a CSV submission when one of its CSV files is named after a table."""
    return any(norm(p.stem) in _SHEETS for p in folder.glob("*.csv"))


def fingerprint(path: Path) -> tuple[str, int]:
    """sha256 and size of a workbook, or of a CSV folder's regular files in name order.

    A file that cannot be read (no permission) or is no regular file adds its name
    only: reading the submission then reports it.
    """
    digest = hashlib.sha256()
    size = 0
    folder = path.is_dir()
    files = csv_files(path) if folder else [path]
    if folder and not files:
        digest.update(b"\0empty folder")  # not the empty file's hash: that one is ING001
    for file in files:
        if folder:
            digest.update(file.name.encode())
        if not is_regular(file):
            continue
        try:
            data = file.read_bytes()
        except OSError:
            digest.update(b"\0unreadable")
            continue
        digest.update(data)
        size += len(data)
    return digest.hexdigest(), size


def shown(path: Path) -> str:
    """A path as a kecamatan's message shows it: relative to raw/, never absolute."""
    parts = path.parts
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] == "raw":
            return "/".join(parts[i + 1 :])
    return path.name
