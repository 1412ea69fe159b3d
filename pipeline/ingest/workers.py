"""Running ingest: hashing and skipping files, then parsing them in chunks, inline or
in a pool of spawned worker processes that report progress through a queue.

The worker entry points (:func:`_start_worker`, :func:`_ingest_chunk`, :func:`ready`)
are module-level functions of this module so that spawned processes can unpickle them.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, wait
from pathlib import Path
from queue import Empty
from typing import Any

import polars as pl

from pipeline.ingest.classify import Batch, assemble
from pipeline.ingest.discovery import fingerprint, shown
from pipeline.ingest.read import _finding, _Sheets, read_submission
from pipeline.pool import end_with_parent, one_polars_thread, ready, start_deaf
from schemas.findings import concat_findings, findings
from schemas.rules.ingest import ING011

PARALLEL_MIN_FILES = 96
"""Below this many files a process pool costs more to start than it saves."""
MAX_CHUNK_FILES = 1024
"""Files per worker task: bounds a worker's memory (about 150 MB per 1,000 files)."""


PROGRESS_EVERY = 16
"""A worker reports progress every this many files read."""
_progress_queue: Any = None  # set in each worker process by _start_worker
_kept: list[_Sheets] | None = None  # in a worker: the last chunk's sheets (see _exit_at_once)


def _start_worker(queue: Any, parent: int | None = None) -> None:
    global _progress_queue, _kept
    _progress_queue = queue
    _kept = []
    atexit.register(_exit_at_once)
    # Ctrl-C reaches the whole process group: the parent handles it and closes the pool,
    # a worker printing its own KeyboardInterrupt traceback would only add noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None:
        threading.Thread(target=end_with_parent, args=(parent,), daemon=True).start()


def _exit_at_once() -> None:
    """End a worker without freeing its last chunk's sheets piece by piece.

    Freeing a chunk's Arrow sheets costs about 0.2 s per 1,000 files (a few
    microseconds for each of their tens of thousands of arrays, imported from
    fastexcel). A worker frees a chunk's sheets only when it starts the next one
    (keeping them all would hold about 180 MB per 1,000 files), and the last chunk's
    are taken back by the operating system at once when it exits. Progress still in
    the queue is flushed first.
    """
    if _progress_queue is not None:
        _progress_queue.close()
        _progress_queue.join_thread()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _ingest_chunk(
    paths: list[Path],
    prints: list[tuple[str, int]] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Batch:
    """Read and parse one chunk of files into a batch (in a worker process, or inline)."""
    known: list[tuple[str, int] | None] = list(prints) if prints else [None] * len(paths)
    report = progress or (_progress_queue.put if _progress_queue is not None else None)
    if _kept is not None:
        _kept.clear()  # the previous chunk's sheets
    sheets = _Sheets()
    reads = []
    for i, (path, fingerprint_) in enumerate(zip(paths, known, strict=True), start=1):
        reads.append(read_submission(path, sheets, fingerprint_))
        if report and (i % PROGRESS_EVERY == 0 or i == len(paths)):
            report(i % PROGRESS_EVERY or PROGRESS_EVERY)
    batch = assemble(reads, sheets)
    if _kept is not None:
        _kept.append(sheets)
    return batch


def _concat(batches: list[Batch]) -> Batch:
    if len(batches) == 1:
        return batches[0]
    first = batches[0]
    return Batch(
        pl.concat([b.submissions for b in batches]),
        {k: pl.concat([b.tables[k] for b in batches]) for k in first.tables},
        {k: pl.concat([b.totals[k] for b in batches]) for k in first.totals},
        pl.concat([b.layout for b in batches]),
        concat_findings([b.findings for b in batches]),
        others=pl.concat([b.others for b in batches]),
    )


def chunk_size(files: int, workers: int) -> int:
    """Files per worker task: as few tasks as memory allows, a multiple of the workers.

    Each task pays a fixed ~0.3 s of query planning, so fewer is faster; a count that
    is a multiple of the workers keeps them all busy to the end.
    """
    rounds = -(-files // (MAX_CHUNK_FILES * workers))
    return max(1, -(-files // (rounds * workers)))


class _Workers:
    """Worker processes, started before the files are hashed so that their start-up
    (a fresh interpreter importing polars, about 0.3 s) overlaps the hashing.

    Spawned, not forked: polars' thread pool does not survive a fork. Workers report
    files read through a queue, so a progress bar moves within a chunk.
    """

    def __init__(self, workers: int, progress: bool) -> None:
        context = multiprocessing.get_context("spawn")
        self.workers = workers
        with one_polars_thread():
            # the queues start multiprocessing's resource tracker (which ignores Ctrl-C
            # itself and unblocks SIGINT in this thread): before SIGINT is blocked
            self.queue: Any = context.Queue() if progress else None
            self.pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.queue, os.getpid()),
            )
            try:
                with start_deaf():  # a Ctrl-C meanwhile is held, then raised
                    for _ in range(workers):
                        self.pool.submit(ready)
            except BaseException:
                self.pool.shutdown(wait=True, cancel_futures=True)
                raise

    def map_chunks(
        self,
        paths: list[Path],
        prints: list[tuple[str, int]],
        progress: Callable[[int], None] | None,
    ) -> list[Batch]:
        size = chunk_size(len(paths), self.workers)
        with one_polars_thread():
            futures = [
                self.pool.submit(_ingest_chunk, paths[i : i + size], prints[i : i + size])
                for i in range(0, len(paths), size)
            ]
        reported = 0

        def drain(timeout: float = 0.0) -> None:
            nonlocal reported
            while self.queue is not None and progress is not None and reported < len(paths):
                try:
                    n = self.queue.get(timeout=timeout) if timeout else self.queue.get_nowait()
                except Empty:
                    return
                reported += n
                progress(n)

        pending = set(futures)
        while pending:
            _, pending = wait(pending, timeout=0.2)
            drain()
        batches = [f.result() for f in futures]
        if progress is not None:
            drain(timeout=0.5)  # the last reports may still be in the queue's pipe
            if reported < len(paths):
                progress(len(paths) - reported)
        return batches

    def close(self) -> None:
        # Not waiting: each worker tears its interpreter down (about 0.2 s) while the
        # caller goes on to validate.
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self.queue is not None:
            self.queue.close()


def _parse_files(
    paths: list[Path],
    prints: list[tuple[str, int]],
    workers: _Workers | None,
    progress: Callable[[int], None] | None,
) -> Batch:
    # Each worker reads AND parses its chunk: reading is partly GIL-bound.
    if workers is None or len(paths) < PARALLEL_MIN_FILES:
        return _ingest_chunk(paths, prints, progress)
    return _concat(workers.map_chunks(paths, prints, progress))


def ingest(
    paths: Sequence[Path] | Iterable[Path],
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    skip_sha256: Iterable[str] = (),
) -> Batch:
    """Read every submission and return them as one :class:`Batch`.

    Every file is hashed first: one whose sha256 is in ``skip_sha256`` (already in
    the warehouse) is not read (listed in ``Batch.skipped``), and a byte-identical
    copy of another file of the run is read once (ING011).
    """
    skip = set(skip_sha256)
    paths = list(paths)
    cores = workers or os.cpu_count() or 1
    # Start the workers first when they will be needed: a run against a warehouse that
    # already knows files (skip_sha256) may read few of them, so there they start later.
    pool: _Workers | None = None
    if cores > 1 and len(paths) - len(skip) >= PARALLEL_MIN_FILES:
        pool = _Workers(cores, progress is not None)
    try:
        return _ingest_files(paths, skip, pool, cores, progress)
    finally:
        if pool is not None:
            pool.close()


def _ingest_files(
    paths: list[Path],
    skip: set[str],
    pool: _Workers | None,
    cores: int,
    progress: Callable[[int], None] | None,
) -> Batch:
    # Hash every file first, in this thread: for workbooks of tens of kilobytes a thread
    # pool costs more in hand-offs than it gains (0.8 s against 0.23 s for 7,285 files).
    prints = [fingerprint(p) for p in paths]
    first: dict[str, str] = {}
    todo: list[Path] = []
    todo_prints: list[tuple[str, int]] = []
    skipped: list[str] = []
    duplicates: list[dict[str, object]] = []
    for path, (sha, size) in zip(paths, prints, strict=True):
        if sha in skip:
            skipped.append(str(path))
        elif sha in first:
            duplicates.append(
                _finding(submission_id=sha[:16], cell=shown(path), found=shown(path),
                         expected=shown(Path(first[sha])))
            )  # fmt: skip
        else:
            first[sha] = str(path)
            todo.append(path)
            todo_prints.append((sha, size))
    if progress and (skipped or duplicates):
        progress(len(skipped) + len(duplicates))
    if pool is None and cores > 1 and len(todo) >= PARALLEL_MIN_FILES:
        pool = _Workers(cores, progress is not None)
        try:
            batch = _parse_files(todo, todo_prints, pool, progress)
        finally:
            pool.close()
    else:
        batch = _parse_files(todo, todo_prints, pool, progress)
    if duplicates:
        extra = findings(ING011, pl.DataFrame(duplicates))
        batch.findings = concat_findings([batch.findings, extra])
    batch.findings = _in_file_order(batch.findings, batch.submissions)
    batch.skipped = skipped
    return batch


def _in_file_order(findings: pl.DataFrame, submissions: pl.DataFrame) -> pl.DataFrame:
    """Findings by file (in the order given), then rule, sheet and row.

    The same order whether the files were read in one process or in chunks by several.
    """
    order = submissions.select("submission_id").with_row_index("_file")
    return (
        findings.join(order, on="submission_id", how="left")
        .sort(["_file", "rule", "sheet", "row", "cell"], nulls_last=True, maintain_order=True)
        .drop("_file")
    )
