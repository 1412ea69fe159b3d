"""Reading cases: one tiny workbook per quirk a real kecamatan submission has."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest
from conftest import MINIMAL, SAMPLE_CSV, SAMPLE_XLSX, write_xlsx

from pipeline.ingest import IngestError, discover, ingest


def rules_of(batch) -> list[tuple[str, str | None]]:
    return sorted(batch.findings.select("rule", "cell").iter_rows())


def test_minimal_submission_reads_without_findings(make_xlsx):
    batch = ingest([make_xlsx("minimal")])
    assert batch.findings.height == 0
    sub = batch.submissions.row(0, named=True)
    assert (sub["kecamatan"], sub["tahun"], sub["kode_wilayah"]) == (
        "Medang Deras",
        2025,
        "12.19.01",
    )
    assert sub["sintetis"] is False


def test_title_rows_above_header_are_skipped_and_rows_keep_excel_numbers(make_xlsx):
    rows = [["Tabel 3.17 Analisis atas Efisiensi"], [], *MINIMAL["program_kegiatan"]]
    batch = ingest([make_xlsx("title_rows_above_header", program_kegiatan=rows)])
    pk = batch.tables["program_kegiatan"]
    assert pk["row"].to_list() == [4, 5, 6]
    assert pk["tingkat"].to_list() == ["program", "kegiatan", "sub_kegiatan"]


def test_note_row_below_table_is_not_data(make_xlsx):
    rows = [*MINIMAL["realisasi_belanja"], [], ["Sumber Data : Bagian Keuangan"]]
    batch = ingest([make_xlsx("note_row_below_table", realisasi_belanja=rows)])
    assert batch.tables["realisasi_belanja"].height == 1
    assert batch.findings.height == 0


def test_note_row_holding_numbers_is_a_finding(make_xlsx):
    rows = [*MINIMAL["realisasi_belanja"], ["Sumber: realisasi SP2D 2025 = 900.000"]]
    batch = ingest([make_xlsx("note_row_with_numbers", realisasi_belanja=rows)])
    found = batch.findings.filter(pl.col("rule") == "ING009")
    assert found.height == 1
    assert "900.000" in found["found"][0]


def test_rupiah_as_text_is_exact_decimal(make_xlsx):
    rows = [
        ["jenis_belanja", "anggaran", "realisasi", "persen"],
        ["Belanja Operasi", "RP 5.091.072.162", "RP 4.973.508.744,24", "97,69 %"],
        ["Belanja Modal", "Rp. 372.265.000", "371687600", "99,84%"],
        ["TOTAL :", "5.463.337.162,00", "RP 5.345.196.344,24", "97,83 %"],
    ]
    batch = ingest([make_xlsx("rupiah_as_text", realisasi_belanja=rows)])
    rb = batch.tables["realisasi_belanja"]
    assert rb.schema["anggaran"] == pl.Decimal(18, 2)
    assert rb["realisasi"].to_list() == [Decimal("4973508744.24"), Decimal("371687600.00")]
    assert rb["persen"].to_list() == [97.69, 99.84]
    total = batch.totals["realisasi_belanja"]
    assert total["anggaran"].to_list() == [Decimal("5463337162.00")]
    assert rb["realisasi"].sum() == Decimal("5345196344.24")


def test_excel_float_money_snaps_to_the_sen(make_xlsx):
    rows = [
        ["jenis_belanja", "anggaran", "realisasi", "persen"],
        ["Belanja Operasi", 5091072162, 4973508744.24, 97.69],
    ]
    batch = ingest([make_xlsx("excel_float_money", realisasi_belanja=rows)])
    assert batch.tables["realisasi_belanja"]["realisasi"][0] == Decimal("4973508744.24")


def test_score_with_predikat_reads_both_parts(make_xlsx):
    rows = [
        ["indikator", "satuan", "tahun", "target", "realisasi", "capaian"],
        ["Nilai Evaluasi AKIP", "Nilai", 2021, "CC", "B (69,22)", "116,33"],
        ["Nilai Evaluasi AKIP", "Nilai", 2025, "74,10 ( BB )", "BB (74,10)", "100"],
    ]
    batch = ingest([make_xlsx("score_with_predikat", tren_iku=rows)])
    tren = batch.tables["tren_iku"]
    assert tren["target"].to_list() == [None, 74.10]
    assert tren["target_predikat"].to_list() == ["CC", "BB"]
    assert tren["realisasi"].to_list() == [69.22, 74.10]
    assert tren["realisasi_predikat"].to_list() == ["B", "BB"]
    assert batch.findings.height == 0


def test_dash_means_not_filled_not_zero(make_xlsx):
    rows = [
        ["kategori", "uraian", "jumlah", "persen"],
        ["pendidikan", "S1", 27, "100"],
        ["pendidikan", "SLTP", "-", "–"],
        [None, "Jumlah", 27, 100],
    ]
    batch = ingest([make_xlsx("dash_not_filled", sdm=rows)])
    sdm = batch.tables["sdm"]
    assert sdm["jumlah"].to_list() == [27, None]
    assert sdm["persen"].to_list() == [100.0, None]
    assert batch.findings.height == 0


def test_english_style_numbers(make_xlsx):
    rows = [
        ["jenis_belanja", "anggaran", "realisasi", "persen"],
        ["Belanja Operasi", "1,500,000", "1,200,000.50", "77.78"],
    ]
    batch = ingest([make_xlsx("english_style_numbers", realisasi_belanja=rows)])
    rb = batch.tables["realisasi_belanja"]
    assert rb["anggaran"][0] == Decimal("1500000")
    assert rb["realisasi"][0] == Decimal("1200000.50")
    assert rb["persen"][0] == 77.78


@pytest.mark.parametrize("label", ["JUMLAH", "TOTAL :", "Jumlah", "total"])
def test_declared_total_rows_are_kept_apart(make_xlsx, label):
    rows = [
        ["no", "program", "anggaran", "keterangan"],
        [1, "Program A", "600.000", None],
        [2, "Program B", "400.000", None],
        [None, label, "1.000.000", None],
    ]
    batch = ingest([make_xlsx("declared_total", anggaran_program=rows)])
    assert batch.tables["anggaran_program"].height == 2
    assert batch.totals["anggaran_program"]["anggaran"].to_list() == [Decimal("1000000")]


def test_total_label_in_the_no_column(make_xlsx):
    rows = [
        ["no", "program", "anggaran", "keterangan"],
        [1, "Program A", "1.000.000", None],
        ["JUMLAH", None, "1.000.000", None],
    ]
    batch = ingest([make_xlsx("total_label_in_no_column", anggaran_program=rows)])
    assert batch.totals["anggaran_program"].height == 1
    assert batch.tables["anggaran_program"].height == 1


def test_sheet_and_header_names_are_matched_tolerantly(make_xlsx):
    data = dict(MINIMAL)
    data["Perjanjian Kinerja"] = [
        ["No.", "Sasaran Strategis", "Indikator Kinerja", "SATUAN", "Target"],
        [1, "Sasaran", "IKM", "Nilai", "89,20"],
    ]
    del data["perjanjian_kinerja"]
    data["Program-Kegiatan"] = data.pop("program_kegiatan")
    data["Program-Kegiatan"][0] = [
        "Tingkat",
        "Kode",
        "Program/Kegiatan",
        "Indikator Kinerja",
        "Satuan",
        "Target Kinerja",
        "Pagu",
        "Realisasi Kinerja",
        "Realisasi (Rp)",
        "% Kinerja",
        "% Anggaran",
    ]
    batch = ingest([write_xlsx(make_xlsx("x").parent / "names.xlsx", data)])
    assert batch.findings.height == 0
    assert batch.tables["perjanjian_kinerja"]["target"].to_list() == [89.2]
    assert batch.tables["program_kegiatan"]["realisasi_anggaran"].sum() == Decimal("2700000")


def test_unknown_column_with_values_is_a_finding(make_xlsx):
    rows = [
        ["jenis_belanja", "anggaran", "catatan pribadi"],
        ["Belanja Operasi", "RP 1.000.000", "dicek"],
        ["TOTAL :", "RP 1.000.000", None],
    ]
    batch = ingest([make_xlsx("unknown_column", rencana_belanja=rows)])
    found = batch.findings.filter(pl.col("rule") == "ING006").row(0, named=True)
    assert found["cell"] == "rencana_belanja!C1"
    assert found["found"] == "catatan pribadi"


def test_unreadable_number_points_at_its_cell(make_xlsx):
    rows = [list(r) for r in MINIMAL["program_kegiatan"]]
    rows[2][6] = "1.000.000,00,0"
    batch = ingest([make_xlsx("unreadable_number", program_kegiatan=rows)])
    found = batch.findings.filter(pl.col("rule") == "ING007").row(0, named=True)
    assert found["cell"] == "program_kegiatan!G3"
    assert found["found"] == "1.000.000,00,0"
    assert found["severity"] == "error"
    assert batch.tables["program_kegiatan"]["pagu"][1] is None


def test_ambiguous_percentage_is_a_warning(make_xlsx):
    rows = [
        ["jenis_belanja", "anggaran", "realisasi", "persen"],
        ["Belanja Operasi", "RP 1.000.000", "RP 900.000", "1.234"],
    ]
    batch = ingest([make_xlsx("ambiguous_percent", realisasi_belanja=rows)])
    found = batch.findings.filter(pl.col("rule") == "ING008").row(0, named=True)
    assert found["cell"] == "realisasi_belanja!D2"
    assert found["severity"] == "warning"


def test_leading_empty_column_keeps_true_letters(tmp_path):
    path = write_xlsx(tmp_path / "starts_in_column_b.xlsx", MINIMAL, first_col=1)
    rows = [list(r) for r in MINIMAL["program_kegiatan"]]
    rows[1][6] = "abc"
    data = dict(MINIMAL, program_kegiatan=rows)
    path = write_xlsx(tmp_path / "starts_in_column_b.xlsx", data, first_col=1)
    batch = ingest([path])
    assert batch.findings.filter(pl.col("rule") == "ING007")["cell"].to_list() == [
        "program_kegiatan!H2"
    ]


def test_missing_required_sheet(make_xlsx):
    data = {k: v for k, v in MINIMAL.items() if k != "realisasi_belanja"}
    batch = ingest([make_xlsx("missing_sheet", sheets=data)])
    # the sheet by the name the template gives it, one ingest reads
    assert ("ING002", "Realisasi Belanja") in rules_of(batch)


def test_corrupt_file_is_a_finding_not_a_traceback(tmp_path):
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"this is not a zip file")
    batch = ingest([bad])
    assert batch.findings["rule"].to_list() == ["ING001"]
    assert batch.submissions.height == 1


def test_csv_folder_with_comma_separator(tmp_path):
    folder = tmp_path / "csvsub"
    folder.mkdir()
    for name, rows in MINIMAL.items():
        lines = [",".join("" if v is None else f'"{v}"' for v in row) for row in rows]
        (folder / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    batch = ingest(discover(folder))
    assert batch.findings.height == 0
    assert batch.tables["program_kegiatan"]["pagu"].sum() == Decimal("3000000")
    assert batch.submissions["format"].to_list() == ["csv"]


def test_discover_finds_workbooks_and_csv_folders(tmp_path, make_xlsx):
    (tmp_path / "raw" / "2025" / "a").mkdir(parents=True)
    (tmp_path / "raw" / "2025" / "a" / "identitas.csv").write_text("kolom;nilai\n")
    write_xlsx(tmp_path / "raw" / "2025" / "b.xlsx", MINIMAL)
    (tmp_path / "raw" / "2025" / "~$b.xlsx").write_bytes(b"lock")
    found = [p.name for p in discover(tmp_path / "raw")]
    assert found == ["a", "b.xlsx"]
    with pytest.raises(IngestError):
        discover(tmp_path / "nowhere")


def test_sample_workbook_and_csv_folder_read_the_same():
    """The committed workbook is the CSV transcription written the way a clerk would."""
    a = ingest([SAMPLE_CSV])
    b = ingest([SAMPLE_XLSX])
    assert a.findings.height == b.findings.height

    # Values agree; only the typed precision differs (Excel numbers carry none).
    def values(frame: pl.DataFrame) -> pl.DataFrame:
        lineage = ("submission_id", "sheet", "row")
        return frame.select(
            [c for c in frame.columns if c not in lineage and not c.endswith("_desimal")]
        )

    for name, frame in a.tables.items():
        assert values(frame).equals(values(b.tables[name])), name
        assert values(a.totals[name]).equals(values(b.totals[name])), name


def test_sample_cells_point_at_the_workbook():
    batch = ingest([SAMPLE_XLSX])
    pk = batch.tables["program_kegiatan"]
    first = pk.row(0, named=True)
    assert first["sheet"] == "program_kegiatan"
    assert first["row"] == 4
    assert first["pagu"] == Decimal("4678892162")
    layout = batch.layout.filter(pl.col("table") == "program_kegiatan")
    letters = dict(layout.select("column", "letter").iter_rows())
    assert letters["pagu"] == "G"
    assert pk.height == 41
    assert Path(batch.submissions["path"][0]).name == "medang-deras.xlsx"


def test_unchanged_files_are_hashed_not_read(make_xlsx):
    path = make_xlsx("minimal")
    first = ingest([path])
    sha = first.submissions["sha256"][0]
    second = ingest([path], skip_sha256={sha})
    assert second.skipped == [str(path)]
    assert second.submissions.height == 0
    assert all(frame.height == 0 for frame in second.tables.values())


def test_total_label_that_is_also_a_column_name(make_xlsx):
    """'JUMLAH' under uraian is a declared total, though 'jumlah' is also a column name."""
    rows = [
        ["kategori", "uraian", "jumlah", "persen"],
        ["jenis_kelamin", "Laki-laki", 35, "66,04"],
        ["jenis_kelamin", "Perempuan", 18, "33,96"],
        [None, "JUMLAH", 53, "100"],
        ["Kategori", "Uraian", "Jumlah", "%"],
        ["pendidikan", "S1", 53, "100"],
        [None, "Jumlah", 53, "100"],
    ]
    batch = ingest([make_xlsx("total_label_is_a_column_name", sdm=rows)])
    assert batch.tables["sdm"]["uraian"].to_list() == ["Laki-laki", "Perempuan", "S1"]
    totals = batch.totals["sdm"]
    assert totals["jumlah"].to_list() == [53, 53]
    assert totals["kategori"].to_list() == ["jenis_kelamin", "pendidikan"]


def test_same_file_twice_is_read_once(make_xlsx, tmp_path):
    import shutil

    path = make_xlsx("minimal")
    copy = tmp_path / "salinan.xlsx"
    shutil.copy(path, copy)
    batch = ingest([path, copy])
    assert batch.submissions.height == 1
    found = batch.findings.filter(pl.col("rule") == "ING011").row(0, named=True)
    # a kecamatan's message never shows the server's absolute paths
    assert (found["found"], found["expected"]) == (copy.name, path.name)


def test_number_too_large_for_money_is_unreadable_not_dropped(make_xlsx):
    rows = [list(r) for r in MINIMAL["program_kegiatan"]]
    rows[1][8] = 1e30
    batch = ingest([make_xlsx("money_overflow", program_kegiatan=rows)])
    found = batch.findings.filter(pl.col("rule") == "ING007")["cell"].to_list()
    assert found == ["program_kegiatan!I2"]


def test_one_broken_csv_does_not_lose_the_folder(tmp_path):
    folder = tmp_path / "sebagian-rusak"
    folder.mkdir()
    for name, rows in MINIMAL.items():
        lines = [";".join("" if v is None else str(v) for v in row) for row in rows]
        (folder / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "ikm_unsur.csv").write_text('no;unsur;nilai\n1;"tanpa penutup;3,5\n')
    batch = ingest([folder])
    assert batch.findings.filter(pl.col("rule") == "ING001")["cell"].to_list() == ["ikm_unsur.csv"]
    assert batch.tables["program_kegiatan"].height == 3


def test_typed_decimals_are_kept_for_percentages(make_xlsx):
    rows = [
        ["indikator", "satuan", "tahun", "target", "realisasi", "capaian"],
        ["IKM", "Nilai", 2025, "89,20", "87,94", "98,20 %"],
        ["IKM", "Nilai", 2024, "88,35", "82,36", 93.22],
        ["AKIP", "Nilai", 2025, "74,10 ( BB )", "BB (74,1)", "100"],
    ]
    batch = ingest([make_xlsx("typed_decimals", tren_iku=rows)])
    tren = batch.tables["tren_iku"]
    # '93.22' and '100' look like Excel numbers (which keep no printed precision): unknown
    assert tren["capaian_desimal"].to_list() == [2, None, None]
    assert tren["target_desimal"].to_list() == [2, 2, 2]
    assert tren["realisasi_desimal"].to_list() == [2, 2, 1]
