"""The validator against the generator's ground truth: find every injected error (recall)
and nothing else (precision), at the cell the truth names.

A failure here is a disagreement between the validator and the truth: the assertion
message lists every (rule, cell) concerned, so it can be settled on one side or the other,
never by loosening this test.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from pipeline.generate import SYNTHETIC_PROVINCES, generate
from pipeline.ingest import ingest

validate_module = pytest.importorskip("pipeline.validate")
if not hasattr(validate_module, "validate"):
    pytest.skip("pipeline.validate has no validate() yet", allow_module_level=True)

KECAMATAN, INJECT, SEED = 40, 300, 2025
KEY = ["submission_id", "rule", "cell"]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, pl.DataFrame]:
    out: Path = tmp_path_factory.mktemp("recall")
    result = generate(out, KECAMATAN, seed=SEED, inject=INJECT)
    assert result.injected.height == INJECT
    validation = validate_module.validate(ingest(result.paths))
    findings = validation.findings.join(
        validation.submissions.select("submission_id", "kecamatan", "kode_wilayah"),
        on="submission_id",
        how="left",
    )
    return result.injected, findings


def show(frame: pl.DataFrame) -> str:
    """Every row of a frame, wide enough to read cells and values."""
    with pl.Config(tbl_rows=-1, tbl_cols=-1, tbl_width_chars=240, fmt_str_lengths=60):
        return str(frame)


def allowed(truth: pl.DataFrame) -> pl.DataFrame:
    """Every (submission, rule, cell) a finding may have: roots and listed consequences."""
    roots = truth.select(KEY)
    cons = (
        truth.filter(pl.col("consequences") != "")
        .select("submission_id", pl.col("consequences").str.split(";"))
        .explode("consequences")
        .select(
            "submission_id",
            pl.col("consequences").str.split_exact("@", 1).struct.rename_fields(["rule", "cell"]),
        )
        .unnest("consequences")
    )
    return pl.concat([roots, cons.select(KEY)]).unique()


def expected_on_clean_data(findings: pl.DataFrame) -> pl.Expr:
    """Findings a clean synthetic submission has by construction.

    Kabupaten invented beyond the national list's 7,285 kecamatan are unknown to the
    region reference: IDN002 warns once per such submission (never for a real one).
    """
    synthetic = pl.col("kode_wilayah").str.slice(0, 2).is_in([c for c, _ in SYNTHETIC_PROVINCES])
    return (pl.col("rule") == "IDN002") & (pl.col("severity") == "warning") & synthetic


def test_every_injected_error_is_found_at_its_cell(run: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    truth, findings = run
    missed = truth.join(findings.select(KEY), on=KEY, how="anti")
    report = missed.select("kecamatan", "rule", "cell", "original", "injected", "changed_cell")
    assert missed.height == 0, (
        f"recall {1 - missed.height / truth.height:.1%}: {missed.height} injected errors "
        f"not reported at their cell\n{show(report)}"
    )


def test_nothing_but_injected_errors_and_their_consequences_is_found(
    run: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    truth, findings = run
    ok = allowed(truth)
    extra = findings.filter(~expected_on_clean_data(findings)).join(ok, on=KEY, how="anti")
    report = extra.select("kecamatan", "rule", "severity", "cell", "expected", "found", "detail")
    assert extra.height == 0, f"{extra.height} findings not explained by the truth\n{show(report)}"


def test_a_corpus_within_the_national_list_draws_no_idn002(
    run: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    """40 kecamatan are all real (Batu Bara, then the national list): no unknown kabupaten."""
    _, findings = run
    unknown = findings.filter(pl.col("rule") == "IDN002")
    assert findings.height > 0 and unknown.height == 0, show(unknown)
