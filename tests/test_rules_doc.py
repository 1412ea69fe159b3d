"""docs/rules.md is generated from the catalog and must not drift from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from schemas.catalog import RULES, SECTIONS, render, rules_markdown

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
# The families the catalog is ordered by (docs/rules.md), from the declarations.
FAMILIES = SECTIONS


def test_docs_rules_md_is_generated_from_the_catalog() -> None:
    expected = rules_markdown("id")
    assert DOC.read_text(encoding="utf-8") == expected, (
        'docs/rules.md is stale; regenerate with: .venv/bin/python -c "from pathlib import Path;'
        " from schemas.catalog import rules_markdown;"
        " Path('docs/rules.md').write_text(rules_markdown('id'), encoding='utf-8')\""
    )


def test_english_catalog_renders_too() -> None:
    text = rules_markdown("en")
    assert text.startswith("# lakip rule catalog")
    assert all(f"`{code}`" in text for code in RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_complete(code: str) -> None:
    rule = RULES[code]
    assert re.fullmatch(r"[A-Z]{2,3}\d{3}", code) and code.rstrip("0123456789") in FAMILIES
    assert rule.severity in ("error", "warning")
    assert rule.title_id and rule.title_en and rule.message_id and rule.message_en
    assert rule.hint_id and rule.hint_en
    if not code.startswith("ING"):
        assert rule.tables and rule.formula, code
        assert "{cell}" in rule.message_id + rule.hint_id, code


def test_templates_only_use_finding_columns() -> None:
    import polars as pl

    from schemas.findings import FINDING_SCHEMA

    allowed = set(FINDING_SCHEMA)
    for rule in RULES.values():
        for text in (rule.message_id, rule.message_en, rule.hint_id, rule.hint_en):
            assert set(re.findall(r"{(\w+)}", text)) <= allowed, rule.code
    frame = pl.DataFrame(
        [{"rule": c, "severity": r.severity, "cell": "x!A1"} for c, r in RULES.items()]
    )
    assert render(frame, "en").get_column("message").null_count() == 0
