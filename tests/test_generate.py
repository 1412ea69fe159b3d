"""The generator: same arguments -> same bytes, clean submissions are really clean, the
ground truth points at cells that hold what it says, and made-up data says it is made up."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from pipeline.cells import read_cells
from pipeline.generate import (
    BATU_BARA,
    INJECTION_KINDS,
    SYNTHETIC_PROVINCES,
    TRUTH_COLUMNS,
    GenerateError,
    generate,
    identity,
    visible,
)
from pipeline.ingest import Batch, ingest
from schemas.contract import TABLE_BY_NAME, Kind
from schemas.formulas import akip_predikat, round_half_up
from schemas.wilayah import reference

N_CLEAN = 14  # the 12 Batu Bara kecamatan and two synthetic ones


def files_of(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    out = tmp_path_factory.mktemp("clean")
    return ingest(generate(out, N_CLEAN, seed=11, inject=0).paths)


def equal_2dp(printed: pl.Expr, recomputed: pl.Expr) -> pl.Expr:
    """Printed figure equals the recomputed one rounded half-up to 2 decimals."""
    return (printed - round_half_up(recomputed)).abs() < 1e-6


def assert_all(frame: pl.DataFrame, check: pl.Expr, what: str) -> None:
    bad = frame.filter(~check.fill_null(False))
    assert bad.height == 0, f"{what}:\n{bad}"


# ---------------------------------------------------------------- determinism


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_same_arguments_give_the_same_bytes(tmp_path: Path, fmt: str) -> None:
    a = generate(tmp_path / "a", 13, seed=5, inject=30, fmt=fmt)
    b = generate(tmp_path / "b", 13, seed=5, inject=30, fmt=fmt)
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")
    assert a.injected.equals(b.injected)
    c = generate(tmp_path / "c", 13, seed=6, inject=30, fmt=fmt)
    assert files_of(tmp_path / "a") != files_of(tmp_path / "c")
    assert c.paths[0].name == a.paths[0].name  # identity does not depend on the seed


def test_workers_do_not_change_the_bytes(tmp_path: Path) -> None:
    # 66 submissions = two chunks, so two processes really share the work
    generate(tmp_path / "one", 66, seed=3, inject=40, fmt="csv")
    generate(tmp_path / "two", 66, seed=3, inject=40, fmt="csv", workers=2)
    assert files_of(tmp_path / "one") == files_of(tmp_path / "two")


# ---------------------------------------------------------------- clean submissions


def test_clean_submissions_ingest_without_findings(clean: Batch) -> None:
    assert clean.submissions.height == N_CLEAN
    assert clean.findings.height == 0, clean.findings


def test_clean_csv_folders_ingest_without_findings(tmp_path: Path) -> None:
    batch = ingest(generate(tmp_path, N_CLEAN, seed=12, inject=0, fmt="csv").paths)
    assert batch.submissions["format"].to_list() == ["csv"] * N_CLEAN
    assert batch.findings.height == 0, batch.findings


def test_first_twelve_are_batu_bara_then_the_national_list_then_synthetic_codes(
    clean: Batch,
) -> None:
    subs = clean.submissions.sort("path")
    by_kode = dict(zip(subs["kode_wilayah"], subs["kecamatan"], strict=True))
    for kode, name, _, _ in BATU_BARA:
        assert by_kode[kode] == name
    assert [identity(i).kode for i in range(12)] == [f"12.19.{i:02d}" for i in range(1, 13)]
    assert {identity(i).kabupaten for i in range(12)} == {"Batu Bara"}
    fake = {code for code, _ in SYNTHETIC_PROVINCES}
    wilayah = reference()
    for i in (12, 13, 500, 7284):  # real kecamatan of the national list, other kabupaten
        ident = identity(i)
        known = wilayah.by_kode(ident.kode)
        assert ident.real and not ident.kode.startswith("12.19.")
        assert known is not None and known["kecamatan"] == ident.kecamatan
        assert wilayah.find(ident.kabupaten, ident.kecamatan) == known
    assert len({identity(i).kode for i in range(7285)}) == 7285  # each kecamatan once
    for i in (7285, 7286, 9000):  # invented only beyond the national list
        ident = identity(i)
        assert ident.kode.split(".")[0] in fake and not ident.real
    slugs = [identity(i).slug for i in range(7285)]
    assert len(set(slugs)) == len(slugs)  # a national run never overwrites a file


def test_every_submission_says_it_is_synthetic(clean: Batch) -> None:
    assert clean.submissions["sintetis"].all()
    for path in clean.submissions["path"]:
        assert "sintetis" in Path(path).parts
        with zipfile.ZipFile(path) as xlsx:
            assert b"sintetis" in xlsx.read("docProps/custom.xml")


def test_money_adds_up_to_the_sen(clean: Batch) -> None:
    pk = clean.tables["program_kegiatan"].with_columns(
        (pl.col("tingkat") == "program").cum_sum().over("submission_id").alias("p"),
        (pl.col("tingkat") != "sub_kegiatan").cum_sum().over("submission_id").alias("k"),
    )
    for money in ("pagu", "realisasi_anggaran"):
        progs = pk.filter(pl.col("tingkat") == "program").select("submission_id", "p", money)
        kegs = (
            pk.filter(pl.col("tingkat") == "kegiatan")
            .group_by("submission_id", "p")
            .agg(pl.col(money).sum().alias("keg"))
        )
        subs = (
            pk.filter(pl.col("tingkat") == "sub_kegiatan")
            .group_by("submission_id", "p")
            .agg(pl.col(money).sum().alias("sub"))
        )
        joined = progs.join(kegs, on=["submission_id", "p"]).join(subs, on=["submission_id", "p"])
        assert joined.height == progs.height
        assert_all(
            joined, (pl.col(money) == pl.col("keg")) & (pl.col("keg") == pl.col("sub")), money
        )
        keg_rows = pk.filter(pl.col("tingkat") == "kegiatan").select("submission_id", "k", money)
        keg_subs = (
            pk.filter(pl.col("tingkat") == "sub_kegiatan")
            .group_by("submission_id", "k")
            .agg(pl.col(money).sum().alias("sub"))
        )
        joined = keg_rows.join(keg_subs, on=["submission_id", "k"])
        assert_all(joined, pl.col(money) == pl.col("sub"), f"kegiatan {money}")
    totals = {
        name: frame.group_by("submission_id").agg(pl.all().exclude("sheet", "row").first())
        for name, frame in clean.totals.items()
        if frame.height
    }
    program_sums = (
        pk.filter(pl.col("tingkat") == "program")
        .group_by("submission_id")
        .agg(
            pl.col("pagu").sum().alias("pagu_sum"),
            pl.col("realisasi_anggaran").sum().alias("real_sum"),
        )
    )
    frame = program_sums
    for name, col in (
        ("anggaran_program", "anggaran"),
        ("rencana_belanja", "anggaran"),
        ("realisasi_belanja", "anggaran"),
        ("realisasi_belanja", "realisasi"),
    ):
        part = (
            clean.tables[name]
            .group_by("submission_id")
            .agg(pl.col(col).sum().alias(f"{name}_{col}"))
        )
        frame = frame.join(part, on="submission_id")
    for name in ("anggaran_program", "rencana_belanja", "realisasi_belanja", "program_kegiatan"):
        declared = totals[name].select(
            "submission_id",
            pl.col("pagu" if name == "program_kegiatan" else "anggaran").alias(f"{name}_total"),
        )
        frame = frame.join(declared, on="submission_id")
    budget = pl.col("pagu_sum")
    for col in (
        "anggaran_program_anggaran",
        "rencana_belanja_anggaran",
        "realisasi_belanja_anggaran",
        "anggaran_program_total",
        "rencana_belanja_total",
        "realisasi_belanja_total",
        "program_kegiatan_total",
    ):
        assert_all(frame, pl.col(col) == budget, col)
    assert_all(frame, pl.col("realisasi_belanja_realisasi") == pl.col("real_sum"), "realisasi")
    # PK program budgets = program pagu, program by program
    ap = clean.tables["anggaran_program"].with_columns(
        pl.int_range(pl.len()).over("submission_id").alias("i")
    )
    prog = pk.filter(pl.col("tingkat") == "program").with_columns(
        pl.int_range(pl.len()).over("submission_id").alias("i")
    )
    joined = ap.join(prog, on=["submission_id", "i"])
    assert joined.height == ap.height
    assert_all(joined, pl.col("anggaran") == pl.col("pagu"), "anggaran_program vs pagu")
    assert_all(pk, pl.col("realisasi_anggaran") <= pl.col("pagu"), "realisasi above pagu")
    assert pk["pagu"].min() > Decimal(0)


def test_percentages_are_derived_and_rounded_half_up(clean: Batch) -> None:
    pk = clean.tables["program_kegiatan"]
    serapan = pl.col("realisasi_anggaran").cast(pl.Float64) / pl.col("pagu").cast(pl.Float64) * 100
    assert_all(pk, equal_2dp(pl.col("persen_anggaran"), serapan), "persen_anggaran")
    kinerja = pl.col("realisasi_kinerja") / pl.col("target_kinerja") * 100
    assert_all(pk, equal_2dp(pl.col("persen_kinerja"), kinerja), "persen_kinerja")
    assert pk["tingkat_efisiensi"].null_count() == pk.height  # PROGRAM_EFISIENSI: left empty
    rb = pl.concat([clean.tables["realisasi_belanja"], clean.totals["realisasi_belanja"]])
    rb_serapan = pl.col("realisasi").cast(pl.Float64) / pl.col("anggaran").cast(pl.Float64) * 100
    assert_all(rb, equal_2dp(pl.col("persen"), rb_serapan), "realisasi_belanja.persen")
    sdm = clean.tables["sdm"].with_columns(
        pl.col("jumlah").sum().over("submission_id", "kategori").alias("total")
    )
    assert_all(
        sdm.filter(pl.col("jumlah").is_not_null()),
        equal_2dp(pl.col("persen"), pl.col("jumlah") / pl.col("total") * 100),
        "sdm persen",
    )
    kem = clean.tables["kemajuan_renstra"]
    progress = pl.col("realisasi") / pl.col("target_akhir") * 100
    assert_all(kem, equal_2dp(pl.col("tingkat_kemajuan"), progress), "tingkat_kemajuan")


def test_indicators_agree_across_tables(clean: Batch) -> None:
    tahun = clean.submissions.select("submission_id", pl.col("tahun").alias("lapor"))
    pk = clean.tables["perjanjian_kinerja"].select(
        "submission_id", "indikator", pl.col("target").alias("pk_target"), "polaritas"
    )
    negatif = pl.col("polaritas").fill_null("positif") == "negatif"
    for name in ("capaian_iku", "tren_iku"):
        frame = clean.tables[name].join(pk, on=["submission_id", "indikator"], how="left")
        assert frame["pk_target"].null_count() == 0, name
        recomputed = (
            pl.when(negatif)
            .then((2 * pl.col("target") - pl.col("realisasi")) / pl.col("target") * 100)
            .otherwise(pl.col("realisasi") / pl.col("target") * 100)
        )
        assert_all(frame, equal_2dp(pl.col("capaian"), recomputed), f"{name}.capaian")
        if name == "tren_iku":
            frame = frame.join(tahun, on="submission_id")
            years = frame.group_by("submission_id", "indikator").agg(pl.col("tahun").sort())
            assert_all(
                years.join(tahun, on="submission_id"),
                pl.col("tahun") == pl.int_ranges(pl.col("lapor") - 4, pl.col("lapor") + 1),
                "tren years",
            )
            frame = frame.filter(pl.col("tahun") == pl.col("lapor"))
            capaian = clean.tables["capaian_iku"].select(
                "submission_id", "indikator", pl.col("capaian").alias("iku_capaian")
            )
            frame = frame.join(capaian, on=["submission_id", "indikator"])
            assert_all(frame, pl.col("capaian") == pl.col("iku_capaian"), "tren = capaian_iku")
        assert_all(frame, pl.col("target") == pl.col("pk_target"), f"{name} target = PK")
    efi = clean.tables["efisiensi_sasaran"]
    gap = pl.col("persen_capaian") - pl.col("persen_penyerapan")
    assert_all(efi, equal_2dp(pl.col("tingkat_efisiensi"), gap), "efisiensi_sasaran")


def test_akip_and_ikm_follow_their_scales(clean: Batch) -> None:
    komponen = clean.tables["akip_komponen"]
    assert_all(komponen, pl.col("nilai") <= pl.col("bobot").fill_null(100), "nilai <= bobot")
    bobot = (
        komponen.filter(pl.col("bobot").is_not_null())
        .group_by("komponen")
        .agg(pl.col("bobot").first())
    )
    assert dict(bobot.iter_rows()) == {
        "Perencanaan Kinerja": 30.0,
        "Pengukuran Kinerja": 30.0,
        "Pelaporan Kinerja": 15.0,
        "Evaluasi Akuntabilitas Kinerja Internal": 25.0,
    }
    sums = komponen.group_by("submission_id", "tahun").agg(pl.col("nilai").sum().alias("sum"))
    nilai = clean.tables["akip_nilai"].join(sums, on=["submission_id", "tahun"])
    assert_all(nilai, equal_2dp(pl.col("nilai"), pl.col("sum")), "akip total")
    assert_all(nilai, pl.col("predikat") == akip_predikat(pl.col("nilai")), "predikat")
    unsur = clean.tables["ikm_unsur"]
    assert unsur.group_by("submission_id").len()["len"].to_list() == [9] * N_CLEAN
    assert_all(unsur, pl.col("nilai").is_between(1, 4), "unsur in 1..4")
    mean = unsur.group_by("submission_id").agg((pl.col("nilai").mean() * 25).alias("ikm"))
    survei = clean.tables["ikm_survei"].pivot(on="kolom", index="submission_id", values="angka")
    survei = survei.join(mean, on="submission_id")
    assert_all(survei, equal_2dp(pl.col("nilai_ikm"), pl.col("ikm")), "nilai_ikm")
    assert_all(
        survei, pl.col("puas") + pl.col("tidak_puas") == pl.col("jumlah_responden"), "responden"
    )


def test_codes_extend_their_parents(clean: Batch) -> None:
    def parent(tingkat: str) -> pl.Expr:
        kode = pl.when(pl.col("tingkat") == tingkat).then(pl.col("kode"))
        return kode.forward_fill().over("submission_id").alias(tingkat)

    pk = clean.tables["program_kegiatan"].with_columns(parent("program"), parent("kegiatan"))
    pattern = {
        "program": r"^7\.01\.0[1-6]$",
        "kegiatan": r"^7\.01\.0[1-6]\.2\.\d{2}$",
        "sub_kegiatan": r"^7\.01\.0[1-6]\.2\.\d{2}\.\d{4}$",
    }
    for tingkat, regex in pattern.items():
        rows = pk.filter(pl.col("tingkat") == tingkat)
        assert_all(rows, pl.col("kode").str.contains(regex), f"{tingkat} kode")
    assert_all(
        pk.filter(pl.col("tingkat") == "kegiatan"),
        pl.col("kode").str.starts_with(pl.col("program") + "."),
        "kegiatan under program",
    )
    assert_all(
        pk.filter(pl.col("tingkat") == "sub_kegiatan"),
        pl.col("kode").str.starts_with(pl.col("kegiatan") + "."),
        "sub under kegiatan",
    )
    per_program = pk.group_by("submission_id").agg((pl.col("tingkat") == "program").sum())
    assert per_program["tingkat"].is_between(4, 6).all()


# ---------------------------------------------------------------- the ground truth


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, Batch, Path]:
    out = tmp_path_factory.mktemp("injected")
    result = generate(out, 30, seed=21, inject=120)
    assert result.truth_path is not None
    return result.injected, ingest(result.paths), result.truth_path


def test_truth_lists_every_injection_and_covers_every_kind(
    injected: tuple[pl.DataFrame, Batch, Path],
) -> None:
    truth, _, path = injected
    assert truth.height == 120
    assert set(truth["rule"]) == set(INJECTION_KINDS)
    assert path == path.parent.parent.parent / "sintetis" / "2025" / "ground_truth.csv"
    on_disk = pl.read_csv(path, schema=TRUTH_COLUMNS)
    assert on_disk.equals(truth)
    assert truth.select(pl.col("file").str.starts_with("sintetis/2025/")).to_series().all()
    # one injection per place: no cell is edited twice, no two injections expect the same cell
    assert truth.select("submission_id", "changed_cell").is_unique().all()
    assert truth.select("submission_id", "cell").is_unique().all()
    assert truth.filter(pl.col("rule") == "IDN001")["kode_wilayah"].str.starts_with("12.19.").all()


def test_truth_cells_hold_the_injected_values(injected: tuple[pl.DataFrame, Batch, Path]) -> None:
    truth, batch, _ = injected
    same = truth.filter(pl.col("cell") == pl.col("changed_cell"))
    assert same.height > 0.8 * truth.height
    for row in same.iter_rows(named=True):
        table = TABLE_BY_NAME[row["table"]]
        frame = pl.concat([batch.tables[table.name], batch.totals[table.name]], how="diagonal")
        hit = frame.filter(
            (pl.col("submission_id") == row["submission_id"])
            & (pl.col("sheet") == row["sheet"])
            & (pl.col("row") == row["row"])
        )
        assert hit.height == 1, row
        if row["rule"] == "ING007":
            found = batch.findings.filter(
                (pl.col("submission_id") == row["submission_id"]) & (pl.col("cell") == row["cell"])
            )
            assert found["rule"].to_list() == ["ING007"]
            continue
        column = "nilai" if table.key_value else row["column"]
        kind = Kind.TEXT if table.key_value else table.column(column).kind
        value = hit[column][0]
        if kind is Kind.TEXT:
            assert value == row["injected"], row
            continue
        parsed = pl.select(read_cells(pl.lit(row["injected"]), kind).struct.field("value")).item()
        assert value == parsed, row
        assert (
            value
            != pl.select(read_cells(pl.lit(row["original"]), kind).struct.field("value")).item()
        )


def test_truth_consequences_name_cells(injected: tuple[pl.DataFrame, Batch, Path]) -> None:
    truth, _, _ = injected
    cons = truth.filter(pl.col("consequences") != "")["consequences"]
    assert cons.len() > 0
    for entry in cons.str.split(";").explode():
        rule, _, cell = entry.partition("@")
        assert rule[:3].isalpha() and rule[3:].isdigit() and "!" in cell, entry


def test_a_wrong_figure_must_miss_by_more_than_rounding() -> None:
    assert visible(9820, 9850)
    assert not visible(9821, 9820)  # one unit in the last digit is rounding
    assert not visible(9210, 9200)  # '92' is read at its own precision
    assert visible(9010, 9200)


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(GenerateError):
        generate(tmp_path, 2, seed=1, inject=1, fmt="ods")
    with pytest.raises(GenerateError):
        generate(tmp_path, 1, seed=1, inject=100)
    with pytest.raises(GenerateError):
        generate(tmp_path, 0, seed=1, inject=0)
