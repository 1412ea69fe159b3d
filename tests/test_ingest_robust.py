"""Real-world files that used to be misread silently, crash or hang (issue 12, ingest side)."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest
from conftest import MINIMAL, SAMPLE_CSV

from pipeline.ingest import discover, ingest
from schemas.catalog import detail_text


def _identitas(*extra: list[object]) -> list[list[object]]:
    return [*MINIMAL["identitas"], *[list(row) for row in extra]]


def _angka(batch, key: str) -> float | None:
    row = batch.tables["identitas"].filter(pl.col("kolom") == key)
    return row["angka"].item()


def test_sample_counts_read_indonesian_thousands():
    batch = ingest([SAMPLE_CSV])
    assert _angka(batch, "jumlah_penduduk") == 56152
    assert _angka(batch, "luas_ha") == 6547  # '6.547 Ha': thousands, as the seed report says
    assert batch.findings.height == 0


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("jumlah_penduduk", "56.152", 56152),
        ("jumlah_penduduk", "1.056.152", 1056152),
        ("jumlah_desa", "18", 18),
        ("luas_ha", "6.547", 6547),
        ("luas_ha", "6.547,25", 6547.25),
        ("luas_ha", "12,5", 12.5),
    ],
)
def test_identitas_numbers_read_by_the_keys_kind(make_xlsx, key, typed, value):
    batch = ingest([make_xlsx("kv", identitas=_identitas([key, typed]))])
    assert _angka(batch, key) == value
    assert batch.findings.height == 0


def test_unreadable_count_is_a_finding(make_xlsx):
    batch = ingest([make_xlsx("kv", identitas=_identitas(["jumlah_penduduk", "56,152 jiwa"]))])
    found = batch.findings.filter(pl.col("rule") == "ING007").row(0, named=True)
    assert found["cell"] == "identitas!B10"
    assert found["found"] == "56,152 jiwa"


def test_area_that_reads_both_ways_is_a_warning(make_xlsx):
    batch = ingest([make_xlsx("kv", identitas=_identitas(["luas_ha", "250.500"]))])
    assert _angka(batch, "luas_ha") == 250500
    found = batch.findings.filter(pl.col("rule") == "ING012").row(0, named=True)
    assert (found["cell"], found["expected"], found["detail"]["text"]) == (
        "identitas!B10",
        "250500",
        "250,500",
    )


def test_survey_counts_are_whole_numbers(make_xlsx):
    survei = [
        ["kolom", "nilai"],
        ["jumlah_responden", "1.250"],
        ["puas", "1.100"],
        ["tidak_puas", "150"],
        ["nilai_ikm", "89,20"],
    ]
    batch = ingest([make_xlsx("ikm", ikm_survei=survei)])
    got = dict(batch.tables["ikm_survei"].select("kolom", "angka").iter_rows())
    assert got == {"jumlah_responden": 1250, "puas": 1100, "tidak_puas": 150, "nilai_ikm": 89.2}


@pytest.mark.parametrize(
    ("sheet", "label", "column"),
    [
        ("kemajuan_renstra", "Tingkat Kemajuan (%)", "tingkat_kemajuan"),
        ("realisasi_belanja", "Persen (%)", "persen"),
        ("realisasi_belanja", "Anggaran (Rp.)", "anggaran"),
        ("realisasi_belanja", "Realisasi (Rp)", "realisasi"),
        ("sdm", "Jumlah (orang)", "jumlah"),
        ("sdm", "JUMLAH ( Orang )", "jumlah"),
    ],
)
def test_header_with_a_unit_in_brackets(make_xlsx, sheet, label, column):
    rows = [list(r) for r in MINIMAL.get(sheet) or _SDM]
    rows[0] = [label if cell == column else cell for cell in rows[0]]
    assert label in rows[0]
    batch = ingest([make_xlsx("unit", **{sheet: rows})])
    assert batch.findings.filter(pl.col("rule").is_in(["ING004", "ING005", "ING006"])).height == 0
    values = batch.tables[sheet][column]
    assert values.len() >= 1
    assert values.null_count() == 0


_SDM = [
    ["kategori", "uraian", "jumlah", "persen"],
    ["jenis_kelamin", "Laki-laki", "12", "60"],
    [None, "Perempuan", "8", "40"],
]


def test_total_label_in_the_no_column_names_the_row(make_xlsx):
    rows = [
        ["no", "program", "anggaran", "keterangan"],
        [1, "Program A", "1.000.000", None],
        ["JUMLAH", None, "1.000.000", None],
    ]
    batch = ingest([make_xlsx("total_in_no", anggaran_program=rows)])
    assert batch.findings.height == 0
    total = batch.totals["anggaran_program"].row(0, named=True)
    assert (total["program"], total["no"], total["anggaran"]) == (
        "JUMLAH",
        None,
        Decimal("1000000"),
    )


@pytest.mark.parametrize(
    ("typed", "value", "rule"),
    [
        ("1.234.567", 1234567.0, None),
        ("1,234,567", 1234567.0, None),
        ("1.234.567,5", 1234567.5, None),
        ("1.234", 1.234, "ING008"),  # the format's rule: a decimal, flagged
        ("97,69", 97.69, None),
    ],
)
def test_measure_with_thousand_groups(make_xlsx, typed, value, rule):
    rows = [list(r) for r in MINIMAL["perjanjian_kinerja"]]
    rows[1][4] = typed
    batch = ingest([make_xlsx("measure", perjanjian_kinerja=rows)])
    assert batch.tables["perjanjian_kinerja"]["target"].to_list() == [value]
    assert batch.findings["rule"].to_list() == ([rule] if rule else [])


def _csv_folder(root, rows_by_sheet=None, sep=";", encoding="utf-8"):
    """A CSV submission of the minimal sheets, written with ``encoding``."""
    root.mkdir(parents=True, exist_ok=True)
    for name, rows in (rows_by_sheet or MINIMAL).items():
        lines = [sep.join("" if v is None else str(v) for v in row) for row in rows]
        (root / f"{name}.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return root


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-16", "utf-8", "latin-1"])
def test_csv_encodings_are_decoded(tmp_path, encoding):
    sheets = dict(MINIMAL)
    sheets["identitas"] = _identitas(["penanggung_jawab", "JOSÉ – Camat, 5 m²"])[:]
    sheets["identitas"] = [r for r in sheets["identitas"] if r != ["penanggung_jawab", "Contoh"]]
    if encoding == "latin-1":  # no dash in Latin-1
        sheets["identitas"][-1] = ["penanggung_jawab", "JOSÉ, 5 m²"]
    folder = _csv_folder(tmp_path / "raw" / "2025" / "enc", sheets, encoding=encoding)
    batch = ingest([folder])
    assert batch.findings.height == 0
    name = batch.submissions["penanggung_jawab"].item()
    assert name == sheets["identitas"][-1][1]
    assert "\ufffd" not in name


def test_undecidable_encoding_is_a_finding(tmp_path):
    folder = _csv_folder(tmp_path / "raw" / "2025" / "rusak")
    with (folder / "identitas.csv").open("ab") as handle:
        handle.write(b"jumlah_desa;\x81\x8d18\r\n")  # bytes that no encoding tried maps
    batch = ingest([folder])
    found = batch.findings.filter(pl.col("rule") == "ING013")
    assert found["cell"].to_list() == ["identitas.csv"]


def test_ragged_csv_title_line_keeps_the_table(tmp_path):
    sheets = dict(MINIMAL)
    sheets["capaian_iku"] = [["Tabel 3.2 Capaian IKU"], *MINIMAL["capaian_iku"]]
    folder = _csv_folder(tmp_path / "raw" / "2025" / "ragged", sheets)
    batch = ingest([folder])
    assert batch.findings.height == 0
    assert batch.tables["capaian_iku"].height == len(MINIMAL["capaian_iku"]) - 1


def test_folder_or_fifo_named_like_a_sheet_is_a_finding(tmp_path):
    import os

    folder = _csv_folder(tmp_path / "raw" / "2025" / "aneh")
    (folder / "ikm_unsur.csv").mkdir()
    os.mkfifo(folder / "sdm.csv")
    batch = ingest(discover(tmp_path / "raw"))
    found = batch.findings.filter(pl.col("rule") == "ING001")
    assert sorted(found["cell"].to_list()) == ["ikm_unsur.csv", "sdm.csv"]
    assert batch.tables["capaian_iku"].height == len(MINIMAL["capaian_iku"]) - 1


def test_unreadable_workbook_is_a_finding(make_xlsx, monkeypatch):
    from pipeline.ingest import read

    path = make_xlsx("terkunci")

    def refuse(_path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(read, "_read_capped", refuse)
    batch = ingest([path])
    found = batch.findings.row(0, named=True)
    assert (found["rule"], found["cell"]) == ("ING001", "terkunci.xlsx")
    assert "izin" in (detail_text(found["detail"], "id") or "")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "kosong"),
        (b"kolom;nilai\nprovinsi;Sumatera Utara\n", "bukan workbook"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "kata sandi",
        ),
        (None, "terpotong"),
    ],
)
def test_unreadable_file_says_what_it_is(make_xlsx, tmp_path, content, says):
    good = make_xlsx("utuh").read_bytes()
    path = tmp_path / "raw" / "2025" / "rusak.xlsx"
    path.parent.mkdir(parents=True)
    path.write_bytes(good[: len(good) // 2] if content is None else content)
    batch = ingest([path])
    found = batch.findings.row(0, named=True)
    assert (found["rule"], found["cell"]) == ("ING001", "2025/rusak.xlsx")
    detail = detail_text(found["detail"], "id") or ""  # rendered per reader from its key
    assert says in detail
    english = detail_text(found["detail"], "en") or ""
    assert "send" in english and says not in english  # each language only in its own text
    assert "calamine" not in detail.lower() and "Context" not in detail


@pytest.mark.parametrize("suffix", [".xlsm", ".XLSX"])
def test_other_workbook_suffixes_are_read(make_xlsx, tmp_path, suffix):
    path = tmp_path / "raw" / "2025" / f"medang{suffix}"
    path.parent.mkdir(parents=True)
    path.write_bytes(make_xlsx("m").read_bytes())
    batch = ingest(discover(tmp_path / "raw"))
    assert batch.findings.height == 0
    assert batch.submissions["kecamatan"].to_list() == ["Medang Deras"]


def test_anything_else_in_raw_is_a_finding(make_xlsx, tmp_path):
    year = tmp_path / "raw" / "2025"
    year.mkdir(parents=True)
    (year / "kiriman.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    (year / "identitas.csv").write_text("kolom;nilai\n")
    (year / "kosong").mkdir()
    (year / "README.md").write_text("catatan\n")
    (year / "kosong.xlsx").write_bytes(b"")  # not a duplicate of the empty folder
    batch = ingest(discover(tmp_path / "raw"))
    assert batch.findings.filter(pl.col("rule") == "ING001")["cell"].to_list() == [
        "2025/kosong.xlsx"
    ]
    found = batch.findings.filter(pl.col("rule") == "ING015")
    assert found["cell"].to_list() == ["2025/identitas.csv", "2025/kiriman.zip", "2025/kosong"]
    details = " ".join(detail_text(d, "id") or "" for d in found["detail"].to_list())
    assert "ekstrak" in details and "satu folder" in details and "folder kosong" in details
    assert batch.findings.height == 4  # no ING002 for what is no submission


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_sheet_beyond_the_caps_is_cut_with_a_finding(make_xlsx, tmp_path, monkeypatch, fmt):
    from pipeline.ingest import read

    monkeypatch.setattr(read, "MAX_SHEET_ROWS", 4)
    monkeypatch.setattr(read, "MAX_SHEET_COLUMNS", 6)
    rows = [list(r) for r in MINIMAL["anggaran_program"]]
    extra = [[9, f"Program {i}", "1.000", None, None, None, None, "x"] for i in range(6)]
    sheets = {**MINIMAL, "anggaran_program": rows[:1] + extra}
    if fmt == "xlsx":
        path = make_xlsx("besar", sheets=sheets)
    else:
        path = _csv_folder(tmp_path / "besar", sheets)
    batch = ingest([path])
    found = batch.findings.filter(pl.col("rule") == "ING014").row(0, named=True)
    assert (found["sheet"].split(".")[0], found["found"], found["expected"]) == (
        "anggaran_program",
        "7 x 8",
        "4 x 6",
    )
    assert batch.tables["anggaran_program"].height == 3  # rows 2-4 of the sheet


def test_workbook_whose_used_range_is_huge_is_refused_not_opened(tmp_path):
    import xlsxwriter

    path = tmp_path / "luas.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("identitas")
    sheet.write_string(0, 0, "kolom")
    sheet.write_string(1_048_575, 16_383, "x")  # XFD1048576: the reader would ask for 400 GB
    workbook.close()
    batch = ingest([path])
    found = batch.findings.filter(pl.col("rule") == "ING014")
    assert found.select("sheet", "found").rows() == [("identitas", "1048576 x 16384")]


def test_one_far_cell_is_one_cell_not_a_huge_sheet(tmp_path):
    """A sheet whose only value sits in AZ1048576 has the used range of that one cell: it
    is read (the stray value reported), not refused as if it spanned A1:AZ1048576."""
    import xlsxwriter

    path = tmp_path / "jauh.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("catatan").write_string(1_048_575, 51, "x")
    workbook.close()
    batch = ingest([path])
    assert batch.findings.filter(pl.col("rule") == "ING014").height == 0


@pytest.mark.parametrize("sample", ["csv", "xlsx"])
def test_sample_population_in_the_warehouse(tmp_path, sample):
    import duckdb
    from conftest import SAMPLE_XLSX
    from test_load_support import read

    import pipeline.load as loader

    warehouse = tmp_path / "w.duckdb"
    loader.load(*read([SAMPLE_CSV if sample == "csv" else SAMPLE_XLSX]), warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        got = dict(
            con.execute(
                "SELECT kolom, angka FROM raw_identitas"
                " WHERE kolom IN ('jumlah_penduduk', 'luas_ha', 'jumlah_desa')"
            ).fetchall()
        )
    assert got == {"jumlah_penduduk": 56152, "luas_ha": 6547, "jumlah_desa": 18}


def test_findings_html_grows_with_the_findings_only():
    import time

    from pipeline.validate import OUTPUT_COLUMNS, _html

    def page(n: int) -> tuple[str, float]:
        frame = pl.DataFrame(
            {c: [f"{c} {i % 97}" for i in range(n)] for c in OUTPUT_COLUMNS}
        ).with_columns(
            pl.Series("cell", [f"program_kegiatan!I{i}" for i in range(n)]),
            pl.Series("sheet", [f"sheet {i // 40}" for i in range(n)]),
            pl.Series("severity", ["error", "warning"] * (n // 2)),
            pl.Series("message", ['<b>"x" & y</b>'] * n),
            pl.lit("Medang Deras").alias("kecamatan"),
            pl.lit(2025).alias("tahun"),
        )
        start = time.perf_counter()
        text = _html(frame, "id")
        return text, time.perf_counter() - start

    text, seconds = page(20_000)
    assert seconds < 10  # great-tables took 75 s for 20,021 findings
    assert text.count('<th scope="row">') == 20_000 and "program_kegiatan!I19999" in text
    assert "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;" in text and "<b>" not in text
    assert text.count('<tr class="group">') == 500


def test_utf8_mixed_with_cp1252_is_a_finding(tmp_path):
    folder = _csv_folder(tmp_path / "raw" / "2025" / "campur")
    with (folder / "identitas.csv").open("ab") as handle:
        handle.write("jumlah_desa;18 – ".encode() + "É\r\n".encode("cp1252"))
    batch = ingest([folder])
    assert batch.findings.filter(pl.col("rule") == "ING013")["cell"].to_list() == ["identitas.csv"]
