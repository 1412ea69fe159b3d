"""The process-parallel ingest reads exactly what the inline one reads, and reports progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from polars.testing import assert_frame_equal

from pipeline.generate import generate
from pipeline.ingest import MAX_CHUNK_FILES, PARALLEL_MIN_FILES, chunk_size, discover, ingest


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("parallel")
    generate(root, kecamatan=PARALLEL_MIN_FILES + 4, seed=11, inject=60, workers=2)
    found = discover(root)
    assert len(found) >= PARALLEL_MIN_FILES
    return found


def test_parallel_ingest_equals_inline(files: list[Path]) -> None:
    inline = ingest(files, workers=1)
    parallel = ingest(files, workers=2)
    assert_frame_equal(inline.submissions, parallel.submissions)
    assert_frame_equal(inline.layout, parallel.layout)
    assert_frame_equal(inline.findings, parallel.findings)  # same rows, same order
    assert inline.findings.height > 0  # the injected errors that ingest sees
    for name, table in inline.tables.items():
        assert_frame_equal(table, parallel.tables[name])
        assert_frame_equal(inline.totals[name], parallel.totals[name])


def test_parallel_progress_counts_every_file_as_it_is_read(files: list[Path]) -> None:
    calls: list[int] = []
    ingest(files, workers=2, progress=calls.append)
    assert sum(calls) == len(files)
    assert len(calls) > 2  # the bar moves within a chunk, not once per chunk


@pytest.mark.parametrize("count", [96, 1000, 2049, 3000, 7285, 36425])
@pytest.mark.parametrize("workers", [2, 3, 8])
def test_chunks_are_few_bounded_and_a_multiple_of_the_workers(count: int, workers: int) -> None:
    size = chunk_size(count, workers)
    tasks = -(-count // size)
    rounds = -(-count // (MAX_CHUNK_FILES * workers))
    assert size <= MAX_CHUNK_FILES
    assert tasks == rounds * workers  # every worker busy in every round
