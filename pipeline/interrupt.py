"""What lakip does after a Ctrl-C it has handled; standard library only, so the entry point
(:mod:`pipeline.__main__`) can use it before the CLI's heavy imports."""

from __future__ import annotations

import contextlib
import signal


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
