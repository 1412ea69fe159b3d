"""Named exceptions of the library; only the CLI (`pipeline.cli.LakipCommand`) turns them
into messages and exit codes."""

from __future__ import annotations


class LakipError(Exception):
    """An operational failure the user can act on (exit code 1)."""


class WarehouseBusy(LakipError):
    """Another process holds the warehouse for writing."""


class ReadOnlyViolation(LakipError):
    """A statement given to ``lakip sql`` would change the warehouse."""


class LakipUsageError(LakipError):
    """Arguments the library cannot honour, e.g. more injections than fit (exit code 2)."""


class WarehouseDamaged(LakipError):
    """The warehouse file is truncated or corrupted; raw/ is intact, `lakip rebuild` remakes it."""


class WarehouseUnwritable(LakipError):
    """The warehouse's folder or file cannot be written (permissions, read-only, disk full)."""


class Interrupted(LakipError):
    """The user stopped a run (Ctrl-C, SIGTERM); the warehouse holds a consistent state."""
