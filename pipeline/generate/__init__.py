"""Synthetic submissions with injected errors and a ground truth, for tests and benchmarks.

Why: the validator can only be trusted if we know what it should find. A generated
submission is internally consistent to the sen (every derived figure computed exactly as
``docs/domain-rules.md`` says, rounded half-up to the printed 2 decimals), so any finding
on it is a false positive; then ``inject`` errors are typed into known cells, so a missed
one is a false negative. The ground truth names the rule and the ``sheet!cell`` where the
validator must report it.

Made-up data must never pass for real: every submission says ``sintetis = ya`` in its
``identitas`` sheet, carries a ``sintetis`` custom property, and is written under
``<out>/sintetis/<tahun>/``. The first 12 kecamatan are the real ones of Kabupaten Batu
Bara (12.19.01 .. 12.19.12), then the other real kecamatan of the national list
(``schemas/data/wilayah_kecamatan.csv``), all with invented figures; beyond its 7,285 come
invented names in invented kabupaten whose Kemendagri codes use unassigned province codes
(99, 98, 97, 90..84).

Same arguments, same bytes: all randomness comes from ``random.Random`` seeded with
strings built from the arguments, and workbooks carry a fixed creation date.

The package, by concern: :mod:`~pipeline.generate.arithmetic` (exact figures and how
they print), :mod:`~pipeline.generate.places` (kecamatan names and codes),
:mod:`~pipeline.generate.history` (multi-year series and one year's report),
:mod:`~pipeline.generate.injectors` (error injection and ground truth) and
:mod:`~pipeline.generate.rendering` (writing xlsx/CSV, and :func:`generate` itself).
This module only re-exports their public names.
"""

from __future__ import annotations

from pipeline.generate.arithmetic import (
    AKIP_BANDS,
    AKIP_LABELS,
    DASH,
    MEAS_STYLES,
    MONEY_STYLES,
    PCT_STYLES,
    PRED_STYLES,
    PROGRAM_EFISIENSI,
    SASARAN_EFISIENSI,
    GenerateError,
    Meas,
    Money,
    Pct,
    Raw,
    Value,
    akip_predikat,
    capaian_h,
    dec_text,
    display,
    div_half_up,
    efisiensi_sasaran,
    money_text,
    nilai_ikm,
    number,
    pct,
    render,
    thousands,
)
from pipeline.generate.history import (
    AKIP_KOMPONEN,
    IKM_UNSUR,
    PROGRAMS,
    PROGRAMS_BY_CODE,
    History,
    Indicator,
    Keg,
    Prog,
    ProgramMeta,
    Report,
    Row,
    Sub,
    build_history,
    build_report,
)
from pipeline.generate.injectors import (
    INJECTION_KINDS,
    INJECTORS,
    MAX_PER_SUBMISSION,
    PK,
    TRUTH_COLUMNS,
    Injection,
    Place,
    plan_injections,
    visible,
)
from pipeline.generate.places import (
    BATU_BARA,
    MAX_KECAMATAN,
    MAX_SYNTHETIC,
    SYNTHETIC_PROVINCES,
    Identity,
    identity,
    slugify,
)
from pipeline.generate.rendering import (
    CHUNK,
    SCORE_COLUMNS,
    GenerateResult,
    Rendered,
    generate,
    render_report,
    render_table,
    submission_path,
)

__all__ = [
    "AKIP_BANDS",
    "AKIP_KOMPONEN",
    "AKIP_LABELS",
    "BATU_BARA",
    "CHUNK",
    "DASH",
    "IKM_UNSUR",
    "INJECTION_KINDS",
    "INJECTORS",
    "MAX_KECAMATAN",
    "MAX_PER_SUBMISSION",
    "MAX_SYNTHETIC",
    "MEAS_STYLES",
    "MONEY_STYLES",
    "PCT_STYLES",
    "PK",
    "PRED_STYLES",
    "PROGRAMS",
    "PROGRAMS_BY_CODE",
    "PROGRAM_EFISIENSI",
    "SASARAN_EFISIENSI",
    "SCORE_COLUMNS",
    "SYNTHETIC_PROVINCES",
    "TRUTH_COLUMNS",
    "GenerateError",
    "GenerateResult",
    "History",
    "Identity",
    "Indicator",
    "Injection",
    "Keg",
    "Meas",
    "Money",
    "Pct",
    "Place",
    "Prog",
    "ProgramMeta",
    "Raw",
    "Rendered",
    "Report",
    "Row",
    "Sub",
    "Value",
    "akip_predikat",
    "build_history",
    "build_report",
    "capaian_h",
    "dec_text",
    "display",
    "div_half_up",
    "efisiensi_sasaran",
    "generate",
    "identity",
    "money_text",
    "nilai_ikm",
    "number",
    "pct",
    "plan_injections",
    "render",
    "render_report",
    "render_table",
    "slugify",
    "submission_path",
    "thousands",
    "visible",
]
