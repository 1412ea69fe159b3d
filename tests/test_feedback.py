"""`lakip feedback`: the kecamatan's own workbook back with a fill and a comment at every
finding's cell, a Temuan sheet linking to them, and a cover letter; raw/ untouched."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.feedback import RED, RED_LIGHT, TEMUAN_SHEET, split_cell
from pipeline.generate import generate
from pipeline.ingest import discover, ingest
from pipeline.validate import rendered, validate

SAMPLE = Path(__file__).resolve().parent.parent / "raw" / "2025" / "medang-deras.xlsx"


@pytest.fixture(scope="module")
def returned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, pl.DataFrame]:
    """The sample alone in raw/, its return package, and the findings validate gave it."""
    root = tmp_path_factory.mktemp("fb")
    raw = root / "raw"
    (raw / "2025").mkdir(parents=True)
    shutil.copy(SAMPLE, raw / "2025" / SAMPLE.name)
    run = CliRunner().invoke(cli, ["feedback", "--raw", str(raw), "--out", str(root / "out")])
    assert run.exit_code == 0, run.output
    findings = rendered(validate(ingest(discover(raw), workers=1)), "id")
    return raw, root / "out" / "2025" / "12.19.01-medang-deras", findings


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_package_layout_and_raw_untouched(returned: tuple[Path, Path, pl.DataFrame]) -> None:
    raw, folder, _ = returned
    assert sorted(p.name for p in folder.iterdir()) == ["medang-deras.xlsx", "surat.html"]
    assert sha(raw / "2025" / SAMPLE.name) == sha(SAMPLE)


def test_a_comment_and_a_fill_at_every_finding_cell(
    returned: tuple[Path, Path, pl.DataFrame],
) -> None:
    _, folder, findings = returned
    book = openpyxl.load_workbook(folder / "medang-deras.xlsx")
    with_cell = [r for r in findings.iter_rows(named=True) if split_cell(r["cell"])]
    assert len(with_cell) >= 20
    for row in with_cell:
        sheet, ref = split_cell(row["cell"])  # type: ignore[misc]
        cell = book[sheet][ref.split(":")[0]]
        assert cell.comment is not None, row["cell"]
        assert f"{row['rule']}] {row['title']}" in cell.comment.text
        assert row["message"] in cell.comment.text
        colour = cell.fill.start_color.rgb[-6:]
        if row["severity"] == "error":
            assert colour in (RED, RED_LIGHT) and (colour == RED or ":" in row["cell"])
        else:
            assert colour != "000000"
    # the two the issue names: JUMLAH anggaran of Anggaran Program, Perencanaan realisasi
    total = book["Anggaran Program"]["C8"].comment.text
    assert "TOT001" in total and "5.461.337.162,00" in total and "Akar masalah" in total
    assert (
        "perbaiki Anggaran program di PK berbeda dengan pagu program (XTB005), "
        "Anggaran Program!C3 dulu" in total
    )
    perencanaan = book["program_kegiatan"]["I5"].comment.text
    assert "HIE002" in perencanaan and "2.535.000,00" in perencanaan
    assert "Cara memperbaiki" in perencanaan
    # a range finding fills the whole range light, its comment on the first cell
    assert book["Anggaran Program"]["C7"].fill.start_color.rgb[-6:] == RED_LIGHT
    assert book["Anggaran Program"]["C7"].comment is None
    assert book["program_kegiatan"]["I5"].fill.start_color.rgb[-6:] == RED  # inside I4:I41


def test_temuan_sheet_lists_every_finding_with_links(
    returned: tuple[Path, Path, pl.DataFrame],
) -> None:
    _, folder, findings = returned
    book = openpyxl.load_workbook(folder / "medang-deras.xlsx")
    assert book.sheetnames[0] == TEMUAN_SHEET
    sheet = book[TEMUAN_SHEET]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == findings.height
    assert [r[3] for r in rows] == findings.get_column("cell").to_list()
    links = {
        sheet.cell(row=r, column=4).value: sheet.cell(row=r, column=4).hyperlink
        for r in range(3, sheet.max_row + 1)
    }
    assert links["Anggaran Program!C8"].location == "'Anggaran Program'!C8"
    assert links["program_kegiatan!I4:I41"].location == "'program_kegiatan'!I4"


def test_cover_letter_counts_and_roots(returned: tuple[Path, Path, pl.DataFrame]) -> None:
    _, folder, findings = returned
    letter = (folder / "surat.html").read_text(encoding="utf-8")
    errors = findings.filter(pl.col("severity") == "error").height
    assert f"<strong>{errors} galat</strong>" in letter
    assert f"<strong>{findings.height - errors} peringatan</strong>" in letter
    assert "[tanggal batas kirim ulang]" in letter
    roots = re.findall(r"<li><strong>([^<]+)</strong> — (\w+)", letter)
    assert ("Anggaran Program!C3", "XTB005") in roots  # a root cause, not its consequences
    assert all(rule != "TOT001" or cell != "Anggaran Program!C8" for cell, rule in roots)


def test_csv_submission_gets_a_temuan_workbook(tmp_path: Path) -> None:
    made = generate(tmp_path / "gen", 1, seed=4, inject=3, fmt="csv")
    result = validate(ingest(made.paths, workers=1))
    from pipeline.feedback import write_feedback

    done = write_feedback(result, tmp_path / "out", "en", deadline="31 March 2026")
    (book_path,) = done.workbooks
    assert book_path.name.startswith("temuan-") and book_path.suffix == ".xlsx"
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == [TEMUAN_SHEET]
    assert book[TEMUAN_SHEET].max_row - 2 == result.findings.height >= 3
    assert "31 March 2026" in (book_path.parent / "surat.html").read_text(encoding="utf-8")


def test_feedback_for_one_kecamatan_only(tmp_path: Path) -> None:
    made = generate(tmp_path / "gen", 2, seed=4, inject=0)
    run = CliRunner().invoke(
        cli,
        ["feedback", "--raw", str(tmp_path / "gen"), "--out", str(tmp_path / "o"),
         "--kecamatan", "sei suka"],
    )  # fmt: skip
    assert run.exit_code == 0, run.output
    assert [p.name for p in (tmp_path / "o" / "2025").iterdir()] == ["12.19.02-sei-suka"]
    assert len(made.paths) == 2


def _annotation_texts(pdf: bytes) -> list[str]:
    """/Contents of the PDF's annotations (LibreOffice writes comments as PDF notes)."""
    out = []
    for raw in re.findall(rb"/Contents\s*(<[0-9A-Fa-f\s]+>|\((?:\\.|[^\\)])*\))", pdf):
        if raw.startswith(b"<"):
            data = bytes.fromhex(re.sub(rb"\s", b"", raw[1:-1]).decode())
            out.append(data[2:].decode("utf-16-be") if data[:2] == b"\xfe\xff" else data.decode())
        else:
            out.append(raw[1:-1].decode("latin-1"))
    return out


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_annotated_workbook_opens_in_libreoffice(
    returned: tuple[Path, Path, pl.DataFrame], tmp_path: Path
) -> None:
    _, folder, _ = returned
    book = tmp_path / "medang-deras.xlsx"
    shutil.copy(folder / "medang-deras.xlsx", book)
    notes = 'pdf:calc_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", notes, "--outdir", str(tmp_path), str(book)],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    pdf = tmp_path / "medang-deras.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    comments = _annotation_texts(pdf.read_bytes())
    assert any(
        "perbaiki Anggaran program di PK berbeda dengan pagu program (XTB005), "
        "Anggaran Program!C3 dulu" in c
        for c in comments
    )
    assert any("HIE002" in c and "2.535.000,00" in c for c in comments)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Temuan pemeriksaan LKjIP 2025" in text  # the Temuan sheet printed first
        assert "TOT001" in text


def test_unreadable_file_gets_a_temuan_workbook_naming_ing001(tmp_path: Path) -> None:
    raw = tmp_path / "raw" / "2025"
    raw.mkdir(parents=True)
    (raw / "talawi.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    run = CliRunner().invoke(
        cli, ["feedback", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "o")]
    )
    assert run.exit_code == 0, run.output
    (book_path,) = (tmp_path / "o").rglob("*.xlsx")
    assert book_path.relative_to(tmp_path / "o").as_posix() == (
        "2025/tanpa-kode-talawi/temuan-talawi.xlsx"
    )
    rows = list(openpyxl.load_workbook(book_path)[TEMUAN_SHEET].iter_rows(values_only=True))
    assert any(r[2] == "ING001" for r in rows[2:])
    assert (raw / "talawi.xlsx").read_bytes().startswith(b"PK\x03\x04 not")


def test_the_annotated_copy_reads_back_like_the_original(
    returned: tuple[Path, Path, pl.DataFrame], tmp_path: Path
) -> None:
    """A kecamatan corrects the returned copy and sends it back: fills and comments change
    nothing ingest reads; with the Temuan sheet deleted, the same findings come back."""
    _, folder, findings = returned
    book = openpyxl.load_workbook(folder / "medang-deras.xlsx")
    del book[TEMUAN_SHEET]
    again = tmp_path / "2025" / "medang-deras.xlsx"
    again.parent.mkdir()
    book.save(again)
    back = rendered(validate(ingest([again], workers=1)), "id")
    assert (
        back.select("rule", "cell", "found").rows()
        == findings.select("rule", "cell", "found").rows()
    )
