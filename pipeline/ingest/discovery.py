"""Finding submissions under raw/<tahun>/ and fingerprinting them.

Which paths are submissions (``*.xlsx`` files, folders whose CSV files are named after
tables) and their sha256, used for skip-by-hash, duplicate files (ING011) and the
generator's submission ids. Nothing here opens a sheet; reading is :mod:`.read`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.errors import LakipError
from schemas.contract import norm, sheet_lookup

_SHEETS = sheet_lookup()


class IngestError(LakipError):
    """Raised for usage problems (a path that does not exist), never for bad data."""


def discover(root: Path) -> list[Path]:
    """Submissions under ``root``: ``*.xlsx`` files and folders holding ``*.csv`` files."""
    if not root.exists():
        raise IngestError(f"{root} does not exist")
    if root.is_file():
        return [root]
    if _is_csv_submission(root):
        return [root]
    found: list[Path] = []
    for path in sorted(root.rglob("*")):
        if path.name.startswith(("~$", ".")):
            continue
        is_workbook = path.is_file() and path.suffix.lower() == ".xlsx"
        if is_workbook or (path.is_dir() and _is_csv_submission(path)):
            found.append(path)
    return found


def _is_csv_submission(folder: Path) -> bool:
    """A folder is a CSV submission when one of its CSV files is named after a table."""
    return any(norm(p.stem) in _SHEETS for p in folder.glob("*.csv"))


def fingerprint(path: Path) -> tuple[str, int]:
    """sha256 and size of a workbook, or of a CSV folder's files in name order."""
    digest = hashlib.sha256()
    size = 0
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    for file in files:
        data = file.read_bytes()
        if path.is_dir():
            digest.update(file.name.encode())
        digest.update(data)
        size += len(data)
    return digest.hexdigest(), size
