"""Worker processes as lakip's stages start them (ingest's readers, the report's renderers).

Why one module: both stages spawn workers that must end with their parent (kill -9),
run one polars thread each (the workers already fill the cores) and leave Ctrl-C to the
parent; neither stage reaches into the other for that.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

PARENT_CHECK_SECONDS = 0.5


def end_with_parent(parent: int) -> None:
    """End this worker when the process that started it is gone (kill -9, SIGTERM).

    A dead parent never shuts the pool down; without this its workers and the resource
    tracker stayed alive for minutes, holding stdout open. Polling the parent id works
    on every platform and whatever thread started the worker.
    """
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


@contextmanager
def one_polars_thread() -> Iterator[None]:
    """Processes spawned inside start with one polars thread.

    The workers already fill the cores; polars' own pool in each of them would only
    contend (about 10% more CPU per chunk).
    """
    saved = os.environ.get("POLARS_MAX_THREADS")
    os.environ["POLARS_MAX_THREADS"] = "1"
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("POLARS_MAX_THREADS", None)
        else:
            os.environ["POLARS_MAX_THREADS"] = saved


def ready() -> None:
    """A no-op task: submitting one per worker starts them all (they import this module)."""


@contextmanager
def start_deaf() -> Iterator[None]:
    """Processes spawned inside start with SIGINT blocked (the signal mask survives the
    fork and exec), so a Ctrl-C while a worker imports stays pending until its initializer
    ignores it; a Ctrl-C to the parent meanwhile is held and raised once they are started.

    Why held, not ignored: ignoring SIGINT in the parent while spawning (as ingest started
    its workers until 2026-12) lost a Ctrl-C that came then, and the load or report ran to
    its end (about one Ctrl-C in 100 in the fault tests);
    blocking it in this thread alone does not keep it pending while other threads (DuckDB's,
    polars', the pool's) accept it. Why not raised at once: a KeyboardInterrupt between a
    worker's spawn and the parent sending it its start-up data makes that worker print
    multiprocessing's traceback (EOFError).
    """
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    blocked = mask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, blocked)
        signal.signal(signal.SIGINT, previous)
        if held and callable(previous):
            previous(signal.SIGINT, None)  # Python's own handler: KeyboardInterrupt
