"""Root causes: one wrong figure, one root finding; what it breaks links to it.

Three vectorised passes (joins, no loops), documented in docs/rules.md's intro:

1. **Same amount.** A money mismatch that differs by exactly the amount of a mismatch
   lower in the chain follows from it. Within (submission, what the amount is of
   (pagu/realisasi), amount), the finding of the lowest rank is the root:
   HIE002 (kegiatan vs its sub_kegiatan) < HIE001 (program vs its kegiatan) < XTB005
   (PK program budget vs program pagu) < XTB006/XTB007 (sums across tables) < TOT001
   (declared totals). A level whose parts agree with their own children is thus the
   root, and the sums above it that are off by the same amount are consequences.
2. **Same row.** A percentage or over-spend finding (SER001, SER003, EFI001) on the row
   of a money finding (HIE001, HIE002, XTB005) follows from it; so does a total row's
   percentage (TOT003) from that row's wrong total (TOT001).
3. **Same figure copied.** Findings sharing a ``link_key`` (the same wrong capaian
   printed in 3.2 and in the trend table) follow the first by rule code.

Every consequence points at the final root (no chains).
"""

from __future__ import annotations

import polars as pl

from schemas.catalog import RULES

# Both from the declarations (Rule.rank, Rule.follows), read once all rules are declared.
RANK = {rule.code: rule.rank for rule in RULES.values() if rule.rank is not None}
# follower rule -> the rules whose finding on the same row it follows from
ROW_LINKS = {
    rule.code: tuple(root.code for root in rule.follows) for rule in RULES.values() if rule.follows
}


def link_roots(findings: pl.DataFrame) -> pl.DataFrame:
    """Fill ``root`` (finding_id of the root cause) in a frame with ``finding_id``."""
    frame = findings.with_columns(pl.lit(None, dtype=pl.String).alias("root"))
    frame = _same_amount(frame)
    frame = _same_row(frame)
    return _same_figure(frame)


def _set_root(frame: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """Apply (finding_id -> _root) where the finding has no root yet."""
    links = links.unique("finding_id", keep="first")
    return (
        frame.join(links, on="finding_id", how="left")
        .with_columns(pl.coalesce("root", "_root").alias("root"))
        .drop("_root")
    )


def _same_amount(frame: pl.DataFrame) -> pl.DataFrame:
    rank = pl.col("rule").replace_strict(RANK, default=None, return_dtype=pl.Int32)
    money = frame.with_columns(rank.alias("_rank")).filter(
        pl.col("_rank").is_not_null() & pl.col("amount").is_not_null() & (pl.col("amount") > 0)
    )
    if money.height == 0:
        return frame
    group = ["submission_id", "amount_kind", "amount"]
    roots = (
        money.sort([*group, "_rank", "table", "row"], nulls_last=True)
        .group_by(group, maintain_order=True)
        .agg(pl.col("finding_id").first().alias("_root"), pl.col("_rank").first().alias("_top"))
    )
    links = money.join(roots, on=group).filter(pl.col("_rank") > pl.col("_top"))
    return _set_root(frame, links.select("finding_id", "_root"))


def _same_row(frame: pl.DataFrame) -> pl.DataFrame:
    key = ["submission_id", "table", "row"]
    pairs = pl.DataFrame(
        [(f, r) for f, roots in ROW_LINKS.items() for r in roots],
        schema={"rule": pl.String, "_root_rule": pl.String},
        orient="row",
    )
    roots = frame.filter(pl.col("row").is_not_null()).select(
        *key, pl.col("rule").alias("_root_rule"), pl.coalesce("root", "finding_id").alias("_root")
    )
    followers = frame.filter(pl.col("rule").is_in(list(ROW_LINKS)) & pl.col("root").is_null())
    links = (
        followers.join(pairs, on="rule")
        .join(roots, on=[*key, "_root_rule"])
        .sort("finding_id", "_root_rule")
        .select("finding_id", "_root")
    )
    return _set_root(frame, links)


def _same_figure(frame: pl.DataFrame) -> pl.DataFrame:
    keyed = frame.filter(pl.col("link_key").is_not_null())
    if keyed.height == 0:
        return frame
    firsts = (
        keyed.sort("link_key", "rule", "table", "row")
        .group_by("link_key", maintain_order=True)
        .agg(pl.coalesce("root", "finding_id").first().alias("_root"), pl.len().alias("_n"))
        .filter(pl.col("_n") > 1)
    )
    links = keyed.join(firsts.drop("_n"), on="link_key").filter(
        pl.col("finding_id") != pl.col("_root")
    )
    return _set_root(frame, links.select("finding_id", "_root"))
