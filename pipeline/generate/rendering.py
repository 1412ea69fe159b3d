"""Writing the reports: each table rendered with a clerk's quirks (sheet and header
spellings, number styles, titles and notes), then written as xlsx or CSV folders in
chunks, inline or in worker processes, with the ground truth file: :func:`generate`.

The chunk worker :func:`_run_chunk` is module-level so spawned processes can unpickle it.
"""

from __future__ import annotations

import functools
import multiprocessing
import random
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polars as pl

from pipeline.generate.arithmetic import (
    DASH,
    MEAS_STYLES,
    MONEY_STYLES,
    PCT_STYLES,
    PRED_STYLES,
    GenerateError,
    Meas,
    Value,
    render,
)
from pipeline.generate.history import POSITIF, History, Report, build_history, build_report
from pipeline.generate.injectors import (
    INJECTION_KINDS,
    INJECTORS,
    MAX_PER_SUBMISSION,
    PK,
    TRUTH_COLUMNS,
    Injection,
    Place,
    plan_injections,
)
from pipeline.generate.places import MAX_KECAMATAN, Identity, identity
from pipeline.ingest import fingerprint
from pipeline.workbook import Cell, SheetSpec, write_csv_folder, write_workbook
from schemas.contract import TABLE_BY_NAME, Kind, header_lookup, norm, sheet_lookup


@dataclass
class GenerateResult:
    """What :func:`generate` wrote: submission paths and the ground truth.

    ``unplaced`` lists injection kinds that found no free place before the last
    submission (rare; the truth then holds fewer than ``inject`` rows).
    """

    paths: list[Path]
    truth_path: Path | None
    injected: pl.DataFrame
    unplaced: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- rendering with a clerk's quirks

_TITLES: dict[str, tuple[str, str]] = {
    "identitas": ("Tabel 1.3", "Gambaran Umum Kecamatan {kec}"),
    "perjanjian_kinerja": ("Tabel 2.1", "Perjanjian Kinerja Kecamatan {kec} Tahun {tahun}"),
    "anggaran_program": ("Tabel 2.1", "Program dan Anggaran Perjanjian Kinerja Tahun {tahun}"),
    "rencana_belanja": ("RENCANA ANGGARAN", "Kecamatan {kec} Tahun {tahun}"),
    "capaian_iku": ("Tabel 3.2", "Capaian Indikator Kinerja Utama Kecamatan {kec} Tahun {tahun}"),
    "tren_iku": ("Tabel 3.5", "Perbandingan Capaian Kinerja Tahun {first} - {tahun}"),
    "kemajuan_renstra": ("Tabel 3.7", "Perbandingan Realisasi dengan Target Jangka Menengah"),
    "program_kegiatan": (
        "Tabel 3.17",
        "Analisis atas Efisiensi Penggunaan Sumber Daya Kecamatan {kec} Tahun {tahun}",
    ),
    "realisasi_belanja": ("3.2 REALISASI ANGGARAN", "Kecamatan {kec} Tahun {tahun}"),
    "ikm_unsur": ("Tabel 3.3", "Data Indeks Kepuasan Masyarakat Kecamatan {kec}"),
    "ikm_survei": ("Tabel 3.6", "Hasil Pelaksanaan Survey Kepuasan Masyarakat Tahun {tahun}"),
    "akip_komponen": ("Tabel 3.12", "Aspek Penilaian AKIP Kecamatan {kec}"),
    "akip_nilai": ("Tabel 3.4", "Nilai Akuntabilitas Kinerja Kecamatan {kec}"),
    "efisiensi_sasaran": ("Tabel 3.10", "Analisis atas Efisiensi Penggunaan Sumber Daya"),
    "sdm": ("Tabel 1.7", "Jumlah Pegawai Kecamatan {kec}"),
}
_SOURCES = (
    "Sumber Data : Sub Bagian Keuangan dan Program Kecamatan {kec}",
    "Sumber Data : Bagian Umum dan Kepegawaian Kec. {kec}",
    "Sumber : Kecamatan {kec} Kabupaten {kab}",
)
_KEY_LABELS = {
    "kode_wilayah": "Kode Wilayah",
    "penanggung_jawab": "Penanggung Jawab",
    "nip": "NIP",
    "tanggal_laporan": "Tanggal Laporan",
    "jumlah_desa": "Jumlah Desa",
    "jumlah_kelurahan": "Jumlah Kelurahan",
    "jumlah_penduduk": "Jumlah Penduduk",
    "luas_ha": "Luas (Ha)",
    "jumlah_responden": "Jumlah Responden",
    "tidak_puas": "Tidak Puas",
    "nilai_ikm": "Nilai IKM",
}
_SHEETS = sheet_lookup()
_HEADERS = {name: header_lookup(t) for name, t in TABLE_BY_NAME.items()}


def _case(label: str, rng: random.Random) -> str:
    spaced = label.replace("_", " ")
    return rng.choice((label, spaced.title(), spaced.upper(), spaced.capitalize()))


@functools.cache
def _sheet_labels(table: str) -> tuple[str, ...]:
    """Names a clerk may give the sheet that ingest maps back to ``table``."""
    names = (table, *TABLE_BY_NAME[table].synonyms)
    return tuple(lab for lab in names if _SHEETS.get(norm(lab)) == table and len(lab) <= 31)


@functools.cache
def _header_labels(table: str, column: str) -> tuple[str, ...]:
    """Header labels (the name and its contract synonyms) that ingest maps back to ``column``."""
    col = TABLE_BY_NAME[table].column(column)
    return tuple(lab for lab in (column, *col.synonyms) if _HEADERS[table].get(norm(lab)) == column)


def _sheet_name(table: str, rng: random.Random) -> str:
    return _case(rng.choice(_sheet_labels(table)), rng)


def _header_label(table: str, column: str, rng: random.Random) -> str:
    return _case(rng.choice(_header_labels(table, column)), rng)


def _columns(table: str, rep: Report, rng: random.Random) -> list[str]:
    """The contract's columns for this sheet, some optional ones left out as clerks do."""
    cols = []
    for col in TABLE_BY_NAME[table].columns:
        name = col.name
        if name == "no" and rng.random() < 0.3:
            continue
        polar = any(r.get("polaritas") for r in rep.rows(table))
        if name == "polaritas" and not polar and rng.random() < 0.8:
            continue
        if name == "keterangan" and rng.random() < 0.15:
            continue
        if name == "tingkat_efisiensi" and table == PK and rng.random() < 0.5:
            continue
        if name == "bobot" and rng.random() < 0.1:
            continue
        cols.append(name)
    return cols


SCORE_COLUMNS = frozenset(
    {
        ("ikm_unsur", "nilai"),
        ("akip_komponen", "bobot"),
        ("akip_komponen", "nilai"),
        ("akip_nilai", "nilai"),
    }
)
"""Percent-kind columns that hold scores: never printed with a '%'."""


def _style(kind: Kind, rng: random.Random, score: bool = False) -> str:
    if kind is Kind.MONEY:
        return rng.choice(MONEY_STYLES)
    if kind is Kind.PERCENT:
        return rng.choice(MEAS_STYLES if score else PCT_STYLES)
    if kind is Kind.MEASURE:
        return rng.choice(MEAS_STYLES)
    if kind is Kind.INTEGER:
        return rng.choice(("num", "text"))
    return "text"


@dataclass
class Rendered:
    spec: SheetSpec
    columns: list[str]
    styles: dict[tuple[int, str], tuple[str, float]]  # (row, column) -> (style, u) used


def render_table(table: str, rep: Report, rng: random.Random) -> Rendered:
    """Lay one table out as a sheet: header synonyms, number styles, titles, notes."""
    contract = TABLE_BY_NAME[table]
    name = rep.ident.kecamatan
    cols = ["kolom", "nilai"] if contract.key_value else _columns(table, rep, rng)
    header = [_header_label(table, c, rng) for c in cols]
    styles = {c: _style(contract.column(c).kind, rng, (table, c) in SCORE_COLUMNS) for c in cols}
    pred_style = rng.choice(PRED_STYLES)
    dash_empty = rng.random() < 0.5
    title_key = rng.random() < 0.5
    kv_style = rng.choice(("num", "text"))
    rows: list[list[Cell]] = []
    used: dict[tuple[int, str], tuple[str, float]] = {}
    for i, row in enumerate(rep.rows(table)):
        cells: list[Cell] = []
        for c in cols:
            u = rng.random()
            value = row.get(c)
            if contract.key_value:
                if c == "kolom" and isinstance(value, str):
                    value = _KEY_LABELS.get(value, value.title()) if title_key else value
                style = kv_style
            else:
                style = styles[c]
                if isinstance(value, Meas) and value.predikat:
                    style = pred_style
            if value is None and c == "polaritas" and not row.get("_total"):
                value = POSITIF
            if value is None and c == "tingkat_efisiensi" and not row.get("_total"):
                value = DASH if dash_empty else None
            used[(i, c)] = (style, u)
            cells.append(render(value, style, u))
        rows.append(cells)
    title: list[str] = []
    if rng.random() < 0.65:
        first, second = _TITLES[table]
        fill = {"kec": name, "tahun": rep.tahun, "first": rep.tahun - 4}
        title = [first, second.format(**fill)] if rng.random() < 0.7 else [second.format(**fill)]
        if rng.random() < 0.4:
            title.append("")
    notes: list[str] = []
    if rng.random() < 0.4:
        notes = [rng.choice(_SOURCES).format(kec=name, kab=rep.ident.kabupaten)]
    widths = [
        38.0
        if contract.column(c).kind is Kind.TEXT and c not in ("no", "tingkat", "satuan")
        else 16.0
        for c in cols
    ]
    spec = SheetSpec(
        name=_sheet_name(table, rng),
        header=header,
        rows=rows,
        title=title,
        notes=notes,
        first_col=1 if rng.random() < 0.08 else 0,
        gap_before_notes=rng.random() < 0.7,
        widths=widths,
    )
    return Rendered(spec, cols, used)


def render_report(rep: Report, seed: int) -> dict[str, Rendered]:
    """All sheets of a report; the layout depends on the seed, never on injected values."""
    rng = random.Random(f"{seed}:tata-letak:{rep.ident.index}:{rep.tahun}")
    tables = list(rep.tables)
    out: dict[str, Rendered] = {}
    for table in tables:
        out[table] = render_table(table, rep, rng)
    order = tables[:]
    if rng.random() < 0.3:  # some clerks put the optional sheets first
        order = [t for t in tables if not TABLE_BY_NAME[t].required] + [
            t for t in tables if TABLE_BY_NAME[t].required
        ]
    return {t: out[t] for t in order}


# ---------------------------------------------------------------- the API


def submission_path(out: Path, ident: Identity, tahun: int, fmt: str) -> Path:
    folder = out / "sintetis" / str(tahun)
    return folder / (f"{ident.slug}.xlsx" if fmt == "xlsx" else ident.slug)


def _ref(rendered: dict[str, Rendered], place: Place, fmt: str) -> tuple[str, str, int]:
    """(sheet as ingest names it, 'sheet!H12', Excel row) of a model cell."""
    r = rendered[place.table]
    col = r.columns.index(place.column)
    sheet = r.spec.name if fmt == "xlsx" else f"{r.spec.name}.csv"
    ref = r.spec.ref(place.row, col, fmt)
    if place.to_row is not None:
        ref += f":{r.spec.letter(col)}{r.spec.excel_row(place.to_row)}"
    return sheet, ref, r.spec.excel_row(place.row)


def _cell_text(value: Value, style: tuple[str, float]) -> str:
    """What the edited cell shows, in the style that cell was printed in."""
    cell = render(value, *style)
    if isinstance(cell, float):
        return repr(cell)
    return "" if cell is None else str(cell)


CHUNK = 64
"""Submissions generated as one unit of work. Injections that find no room move on to
the next submission of the same chunk, so the output does not depend on ``workers``."""


@dataclass(frozen=True)
class _Chunk:
    out: Path
    seed: int
    first: int
    tahun: int
    fmt: str
    subs: tuple[tuple[int, int], ...]  # (year, kecamatan index)
    plan: tuple[tuple[str, ...], ...]


def _run_chunk(chunk: _Chunk) -> tuple[list[Path], list[dict[str, object]], list[str]]:
    """Build, inject, lay out and write the submissions of one chunk, in order."""
    histories: dict[int, History] = {}
    paths: list[Path] = []
    truth: list[dict[str, object]] = []
    pending: list[str] = []
    for s, ((year, index), kinds) in enumerate(zip(chunk.subs, chunk.plan, strict=True)):
        ident = identity(index)
        hist = histories.get(index)
        if hist is None:
            hist = histories[index] = build_history(ident, chunk.seed, chunk.first, chunk.tahun)
        rep = build_report(ident, year, chunk.seed, hist)
        rng = random.Random(f"{chunk.seed}:suntik:{index}:{year}")
        done: list[Injection] = []
        waiting, pending = pending + list(kinds), []
        for kind in waiting:
            inj = INJECTORS[kind].inject(rep, rng)
            if inj is None:  # no room of that kind here: try the next submission
                pending.append(kind)
            else:
                done.append(inj)
        if s == len(chunk.subs) - 1:  # last chance: keep the count, change the kind
            for kind in list(pending):
                for other in INJECTION_KINDS:
                    inj = INJECTORS[other].inject(rep, rng)
                    if inj is not None:
                        done.append(inj)
                        pending.remove(kind)
                        break
        rendered = render_report(rep, chunk.seed)
        path = submission_path(chunk.out, ident, year, chunk.fmt)
        sheets = {t: r.spec for t, r in rendered.items()}
        if chunk.fmt == "xlsx":
            write_workbook(path, sheets, _properties(rep))
        else:
            write_csv_folder(path, sheets)
        paths.append(path)
        if done:
            sub_id = fingerprint(path)[0][:16]
            for inj in done:
                truth.append(_truth_row(inj, rep, rendered, path, chunk.out, sub_id, chunk.fmt))
    return paths, truth, pending


def generate(
    out: Path,
    kecamatan: int,
    seed: int,
    inject: int,
    tahun: int = 2025,
    years: int = 1,
    fmt: str = "xlsx",
    workers: int = 1,
) -> GenerateResult:
    """Write ``kecamatan`` x ``years`` consistent submissions with ``inject`` known errors.

    Files go to ``<out>/sintetis/<year>/<slug>.xlsx`` (or ``<slug>/`` CSV folders) for the
    years ``tahun - years + 1 .. tahun``; the ground truth to
    ``<out>/sintetis/<tahun>/ground_truth.csv`` (only when ``inject > 0``). ``workers`` > 1
    writes chunks in that many processes; the bytes are the same either way.

    Example: ``generate(Path("cache"), kecamatan=40, seed=1, inject=300)``.
    """
    if fmt not in ("xlsx", "csv"):
        raise GenerateError(f"unknown format {fmt!r}: use 'xlsx' or 'csv'")
    if kecamatan < 1 or years < 1 or inject < 0:
        raise GenerateError("kecamatan and years must be >= 1, inject >= 0")
    if kecamatan > MAX_KECAMATAN:
        raise GenerateError(f"at most {MAX_KECAMATAN} kecamatan can be generated")
    first = tahun - years + 1
    idents = [identity(i) for i in range(kecamatan)]
    subs = [(year, ident) for year in range(first, tahun + 1) for ident in idents]
    if inject > MAX_PER_SUBMISSION * len(subs):
        raise GenerateError(
            f"{inject} injections do not fit in {len(subs)} submissions "
            f"(at most {MAX_PER_SUBMISSION} each)"
        )
    plan = plan_injections(inject, [ident for _, ident in subs], random.Random(f"{seed}:rencana"))
    chunks = [
        _Chunk(
            out,
            seed,
            first,
            tahun,
            fmt,
            tuple((year, ident.index) for year, ident in subs[i : i + CHUNK]),
            tuple(tuple(plan[s]) for s in range(i, min(i + CHUNK, len(subs)))),
        )
        for i in range(0, len(subs), CHUNK)
    ]
    if workers > 1 and len(chunks) > 1:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = list(pool.map(_run_chunk, chunks))
    else:
        results = [_run_chunk(c) for c in chunks]
    paths = [p for r in results for p in r[0]]
    truth = [row for r in results for row in r[1]]
    unplaced = [kind for r in results for kind in r[2]]
    injected = pl.DataFrame(truth, schema=TRUTH_COLUMNS)
    truth_path = None
    if inject:
        truth_path = out / "sintetis" / str(tahun) / "ground_truth.csv"
        truth_path.parent.mkdir(parents=True, exist_ok=True)
        injected.write_csv(truth_path)
    return GenerateResult(paths, truth_path, injected, unplaced)


def _properties(rep: Report) -> dict[str, object]:
    tanggal = next(r["nilai"] for r in rep.rows("identitas") if r["kolom"] == "tanggal_laporan")
    year, month, day = (int(p) for p in str(tanggal).split("-"))
    return {
        "title": f"LKjIP Kecamatan {rep.ident.kecamatan} Tahun {rep.tahun} (DATA SINTETIS)",
        "subject": "Data sintetis untuk pengujian lakip, bukan laporan resmi",
        "author": "lakip generate",
        "comments": "sintetis = ya",
        "created": datetime(year, month, day, 9, 0, 0),
        "custom": {"sintetis": "ya"},
    }


def _truth_row(
    inj: Injection,
    rep: Report,
    rendered: dict[str, Rendered],
    path: Path,
    out: Path,
    sub_id: str,
    fmt: str,
) -> dict[str, object]:
    sheet, cell, row = _ref(rendered, inj.expect, fmt)
    _, changed, _ = _ref(rendered, inj.changed, fmt)
    style = rendered[inj.changed.table].styles[(inj.changed.row, inj.changed.column)]
    return {
        "file": path.relative_to(out).as_posix(),
        "submission_id": sub_id,
        "kecamatan": rep.ident.kecamatan,
        "kode_wilayah": rep.ident.kode,
        "tahun": rep.tahun,
        "rule": inj.rule.code,
        "table": inj.expect.table,
        "sheet": sheet,
        "cell": cell,
        "column": inj.expect.column,
        "row": row,
        "original": _cell_text(inj.original, style),
        "injected": _cell_text(inj.injected, style),
        "changed_cell": changed,
        "consequences": ";".join(
            f"{rule.code}@{_ref(rendered, p, fmt)[1]}" for rule, p in inj.consequences
        ),
    }
