"""``python -m pipeline`` and the ``lakip`` command.

A tiny module on purpose: importing the CLI (polars, DuckDB, pandera) takes a second or
more on a busy machine, and a Ctrl-C during that import would otherwise end in a
KeyboardInterrupt traceback and death by the signal (exit -2/130) instead of the plain
message and exit 1 of every other Ctrl-C (docs/robustness.md).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys

STARTED_NOTHING = (
    "Dihentikan sebelum lakip mulai; belum ada yang ditulis. / "
    "Interrupted before lakip started; nothing was written."
)


def forget_interrupt() -> None:
    """Let the exit code lakip chose stand after a Ctrl-C it has told.

    CPython 3.11 remembers a KeyboardInterrupt that ended an ``exec`` of source text
    (dataclasses and namedtuples build their methods that way, at import and at run time)
    and, at exit, kills the process with SIGINT (exit -2/130) even when the program caught
    the interrupt. Ignoring SIGINT from here on also covers the end of shutdown, where
    Python puts SIGINT back to its default action while the worker pool is joined. (Other
    Python versions keep the flag elsewhere: then only the signal is ignored.)
    """
    with contextlib.suppress(ValueError):  # not the main thread
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt").value = 0


def main() -> None:
    try:
        from pipeline.cli import main as run
    except KeyboardInterrupt:
        forget_interrupt()
        sys.stderr.write(f"Error: {STARTED_NOTHING}\n")
        sys.stderr.flush()
        # Nothing was opened or started yet. Ending at once skips a shutdown that could
        # touch half-imported extension modules (DuckDB's aborts when asked to register
        # its types a second time).
        os._exit(1)
    run()


if __name__ == "__main__":
    main()
