"""Stage 1, ingest: workbooks and CSV folders -> one typed polars frame per table.

Reading is split so that only the unavoidable part is per file:

1. per file: which sheet holds which table (by its name), each sheet's cells read
   as text into an Arrow record batch, and the file-level findings (ING001-003,
   ING010);
2. per chunk of files (one chunk per worker process on large runs), over all sheets
   at once with polars: each sheet's header row and which column is which, then per
   table: classify rows (detail, declared total, note, repeated header) and parse
   every cell with the readers of :mod:`pipeline.cells`, one reader call per kind.

Every value keeps ``submission_id``, ``sheet`` and Excel ``row``; the ``layout``
frame maps each (submission, table, column) to its column letter, so any finding
can point at ``sheet!cell``. Nothing is dropped silently: a value that cannot be
read becomes a finding carrying the raw text, and a cell that is no table value (a
title, a note, a stray figure) goes to ``Batch.others`` (``raw_sel_lain``).

The stage is a package split by concern, each step in its own module:
:mod:`~pipeline.ingest.discovery` (finding and hashing submissions),
:mod:`~pipeline.ingest.read` (files to sheets of text),
:mod:`~pipeline.ingest.headers` (header rows, column mapping, ING004-006),
:mod:`~pipeline.ingest.classify` (row classes, cell parsing, the batch),
:mod:`~pipeline.ingest.others` (the cells no table row takes: ``raw_sel_lain``, ING016) and
:mod:`~pipeline.ingest.workers` (the run: skip-by-hash, chunks, the process pool).
This module only re-exports the names other code imports.
"""

from __future__ import annotations

from pipeline.ingest.classify import LAYOUT_SCHEMA, SUBMISSION_SCHEMA, Batch, assemble
from pipeline.ingest.discovery import IngestError, discover, fingerprint
from pipeline.ingest.headers import HEADER_QUICK_ROWS
from pipeline.ingest.read import HEADER_SCAN_ROWS, read_submission
from pipeline.ingest.workers import (
    MAX_CHUNK_FILES,
    PARALLEL_MIN_FILES,
    PROGRESS_EVERY,
    chunk_size,
    ingest,
)

READER_VERSION = 4
"""How this ingest reads cells into values; stored per submission (``submissions.reader_version``).

Bump it when the same bytes would now be read into different values (a parsing fix, a
header newly recognised). A warehouse whose submissions were read by an older reader
re-reads them on the next load (:func:`pipeline.api.load`), so an upgrade never keeps
figures that the old reader got wrong. 1 (NULL in the warehouse): before the reader
version was recorded; 2: Indonesian thousands in counts and areas (``56.152`` -> 56152);
3: every cell outside the tables kept (``raw_sel_lain``), header rows in ``layout``;
4: a sheet whose one far cell made it look huge is read, not refused (ING014).
"""

__all__ = [
    "HEADER_QUICK_ROWS",
    "HEADER_SCAN_ROWS",
    "LAYOUT_SCHEMA",
    "MAX_CHUNK_FILES",
    "PARALLEL_MIN_FILES",
    "PROGRESS_EVERY",
    "READER_VERSION",
    "SUBMISSION_SCHEMA",
    "Batch",
    "IngestError",
    "assemble",
    "chunk_size",
    "discover",
    "fingerprint",
    "ingest",
    "read_submission",
]
