"""Live processes seen through /proc, for the tests that interrupt lakip and then check that
nothing it started is left running (Linux only; the callers skip without /proc)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

PARENT, SESSION = 1, 3
"""Fields of /proc/<pid>/stat after the command name: parent pid, session id."""


def live(field: int, value: int) -> list[int]:
    """Pids of the processes, not zombies, whose stat ``field`` is ``value``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[field]) == value:
            found.append(int(entry.name))
    return found


def children(pid: int) -> list[int]:
    return live(PARENT, pid)


def session(sid: int) -> list[int]:
    """The processes of session ``sid`` (a command started in a session of its own and
    everything it started)."""
    return live(SESSION, sid)


def left_after(proc: subprocess.Popen[str], seconds: float = 10) -> list[int]:
    """Wait (up to ``seconds``) for the session ``proc`` led to empty, then kill what is
    left, so nothing outlives the test either; return what was left."""
    deadline = time.monotonic() + seconds
    while session(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = session(proc.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left
