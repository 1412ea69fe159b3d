"""``lakip feedback``: the return package a kecamatan operator can open and act on.

For each submission, ``<out>/<tahun>/<kode>-<slug>/`` gets:

- a copy of the kecamatan's own workbook with every finding's cell filled (red for an
  error, amber for a warning) and a comment giving the message, the expected and found
  figures, how to fix it and the root cause it follows from; a first sheet ``Temuan``
  lists every finding with a hyperlink to its cell (a CSV submission gets the ``Temuan``
  workbook alone);
- ``surat.html``, a one-page cover letter: counts, what to fix first, the deadline.

Nothing here recomputes a finding: cells, figures, hints and roots are the validate
stage's (:func:`pipeline.validate.rendered`). The file in raw/ is only read.
"""

from __future__ import annotations

import html
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.validate import Validation, rendered, selected
from schemas.catalog import format_number
from schemas.text import resolve, t

__all__ = ["TEMUAN_SHEET", "FeedbackResult", "write_feedback"]

TEMUAN_SHEET = "Temuan"
RED = "FFC7CE"
AMBER = "FFE699"
RED_LIGHT = "FDE9EC"
AMBER_LIGHT = "FFF4D6"
_STRENGTH = {RED: 4, AMBER: 3, RED_LIGHT: 2, AMBER_LIGHT: 1}
"""A finding's own cell is filled strong, the other cells of a range finding light, so the
cell to look at stands out; on a shared cell the strongest fill wins."""
MAX_FILLED = 400
"""Cells of a range finding that are filled; the comment sits on the range's first cell."""
AUTHOR = "lakip"
WIDTHS = (4, 11, 8, 22, 24, 55, 15, 15, 40, 22)
"""Column widths of the Temuan sheet (characters): one A4 landscape page wide."""

COLS = ("no", "severity", "rule", "cell", "title", "message", "expected", "found", "fix", "root")
"""The Temuan sheet's columns, each headed by ``feedback.col.<name>`` (schemas.text)."""
_CELL = re.compile(r"^(?P<sheet>.+)!(?P<ref>\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$")


@dataclass
class FeedbackResult:
    """One folder per submission: the annotated workbook (or Temuan workbook) and the letter."""

    folders: list[Path]
    workbooks: list[Path]
    comments: int  # cell comments written over all workbooks


def split_cell(cell: str | None) -> tuple[str, str] | None:
    """'Anggaran Program!C3:C7' -> ('Anggaran Program', 'C3:C7'); None without a cell."""
    if not cell:
        return None
    match = _CELL.match(cell)
    if match is None:
        return None
    return match["sheet"].strip("'"), match["ref"].replace("$", "")


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-") or "tanpa-nama"


def comment_text(row: dict, lang: str) -> str:
    """The comment of one finding: message, figures, fix, root cause."""
    lines = [f"[{_w(row['severity'], lang)} {row['rule']}] {row['title']}", row["message"] or ""]
    expected = format_number(row.get("expected"), lang)
    found = format_number(row.get("found"), lang)
    if expected or found:
        lines.append(
            f"{_w('expected', lang)}: {expected or '-'}; {_w('found', lang)}: {found or '-'}"
        )
    if row.get("hint"):
        lines.append(f"{_w('fix', lang)}: {row['hint']}")
    lines.append(f"{_w('root', lang)}: {_root_text(row, lang)}")
    return "\n".join(line for line in lines if line)


def _w(key: str, lang: str, **values: object) -> str:
    """The feedback text ``feedback.<key>`` in ``lang``."""
    return t(f"feedback.{key}", lang, **values)


def _root_text(row: dict, lang: str) -> str:
    root = row.get("_root_ref")
    if not root:
        return _w("root_self", lang)
    return _w("root_first", lang, root=root)


def _with_roots(frame: pl.DataFrame) -> pl.DataFrame:
    """``_root_ref``: 'Title (RULE), sheet!cell' of the root a finding follows from, else
    null: a rule code is never shown without its plain title."""
    roots = frame.select(
        pl.col("finding_id").alias("root"),
        pl.format("{} ({}), {}", pl.col("title"), pl.col("rule"), pl.col("cell")).alias(
            "_root_ref"
        ),
    )
    follows = frame.group_by("root").len("_followers").rename({"root": "finding_id"})
    out = frame.join(roots, on="root", how="left").with_columns(
        pl.when(pl.col("root") == pl.col("finding_id"))
        .then(None)
        .otherwise(pl.col("_root_ref"))
        .alias("_root_ref")
    )
    return out.join(follows, on="finding_id", how="left").with_columns(
        pl.col("_followers").fill_null(0)
    )


def write_feedback(
    result: Validation,
    out: Path,
    lang: str = "id",
    kecamatan: tuple[str, ...] = (),
    deadline: str | None = None,
) -> FeedbackResult:
    """Write the return package of every submission of ``result`` (or only ``kecamatan``)."""
    lang = resolve(lang)
    frame = _with_roots(rendered(result, lang))
    subs = result.submissions
    if kecamatan:
        subs = subs.filter(selected(kecamatan))
    done = FeedbackResult([], [], 0)
    for sub in subs.iter_rows(named=True):
        mine = frame.filter(pl.col("submission_id") == sub["submission_id"])
        folder = out / _year(sub) / _folder_name(sub)
        folder.mkdir(parents=True, exist_ok=True)
        book, comments = _workbook(sub, mine, folder, lang)
        (folder / "surat.html").write_text(
            surat(sub, mine, book.name, lang, deadline or _w("default_deadline", lang)),
            encoding="utf-8",
        )
        done.folders.append(folder)
        done.workbooks.append(book)
        done.comments += comments
    return done


def _year(sub: dict) -> str:
    """The identitas year, else the raw/<tahun>/ folder of an unreadable file."""
    if sub.get("tahun"):
        return str(sub["tahun"])
    parent = Path(str(sub["path"])).parent.name
    return parent if re.fullmatch(r"\d{4}", parent) else "tanpa-tahun"


def _folder_name(sub: dict) -> str:
    kode = sub.get("kode_wilayah") or "tanpa-kode"
    name = sub.get("kecamatan") or Path(str(sub["path"])).stem
    return f"{kode}-{_slug(str(name))}"


def _workbook(sub: dict, findings: pl.DataFrame, folder: Path, lang: str) -> tuple[Path, int]:
    """The annotated copy of an .xlsx submission, or a Temuan workbook for anything else."""
    source = Path(str(sub["path"]))
    book = None
    if sub["format"] == "xlsx" and source.is_file():
        try:
            with warnings.catch_warnings():
                # openpyxl drops extensions it does not know (slicers, some conditional
                # formats) and says so per sheet: the copy keeps the cells, which is the point
                warnings.simplefilter("ignore", UserWarning)
                book = load_workbook(source)
        except Exception:  # an unreadable file (ING001): the Temuan workbook alone
            book = None
    comments = 0
    if book is None:
        book = Workbook()
        book.remove(book.active)
        target = folder / f"temuan-{_slug(str(sub.get('kecamatan') or source.stem))}.xlsx"
    else:
        comments = _annotate(book, findings, lang)
        target = folder / source.name
    _temuan_sheet(book, findings, sub, lang)
    book.save(target)
    return target, comments


def _annotate(book: Workbook, findings: pl.DataFrame, lang: str) -> int:
    """Fill and comment every finding's cell; several findings on a cell share one comment."""
    notes: dict[tuple[str, str], list[str]] = {}
    worst: dict[tuple[str, str], str] = {}
    for row in findings.iter_rows(named=True):
        where = split_cell(row["cell"])
        if where is None or where[0] not in book.sheetnames:
            continue
        sheet = book[where[0]]
        min_col, min_row, max_col, max_row = range_boundaries(where[1])
        first = sheet.cell(row=min_row, column=min_col).coordinate
        key = (where[0], first)
        notes.setdefault(key, []).append(comment_text(row, lang))
        error = row["severity"] == "error"
        single = min_row == max_row and min_col == max_col
        colour = (RED if error else AMBER) if single else (RED_LIGHT if error else AMBER_LIGHT)
        cells = [(r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)]
        for r, c in cells[:MAX_FILLED]:
            k = (where[0], sheet.cell(row=r, column=c).coordinate)
            if _STRENGTH[colour] > _STRENGTH.get(worst.get(k, ""), 0):
                worst[k] = colour
    for (name, coordinate), colour in worst.items():
        book[name][coordinate].fill = PatternFill("solid", start_color=colour, end_color=colour)
    for (name, coordinate), texts in notes.items():
        text = "\n\n".join(texts)
        comment = Comment(text, AUTHOR)
        comment.width = 420
        comment.height = min(60 + 15 * text.count("\n") + len(text) // 4, 900)
        book[name][coordinate].comment = comment
    return len(notes)


def _temuan_sheet(book: Workbook, findings: pl.DataFrame, sub: dict, lang: str) -> Worksheet:
    """The first sheet: every finding, its cell a hyperlink into the workbook."""
    if TEMUAN_SHEET in book.sheetnames:
        del book[TEMUAN_SHEET]
    sheet = book.create_sheet(TEMUAN_SHEET, 0)
    book.active = 0
    for ws in book.worksheets[1:]:
        ws.sheet_view.tabSelected = False
    sheet.append(
        [_w("title", lang, tahun=sub.get("tahun") or "?", kec=sub.get("kecamatan") or "?")]
    )
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append([_w(f"col.{name}", lang) for name in COLS])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color="DCE6F1", end_color="DCE6F1")
    for i, row in enumerate(findings.iter_rows(named=True), start=1):
        sheet.append(
            [
                i,
                _w(row["severity"], lang),
                row["rule"],
                row["cell"],
                row["title"],
                row["message"],
                format_number(row.get("expected"), lang),
                format_number(row.get("found"), lang),
                row["hint"],
                row.get("_root_ref") or _w("root_self", lang),
            ]
        )
        r = sheet.max_row
        colour = RED if row["severity"] == "error" else AMBER
        sheet.cell(row=r, column=2).fill = PatternFill(
            "solid", start_color=colour, end_color=colour
        )
        where = split_cell(row["cell"])
        if where is not None and where[0] in book.sheetnames:
            link = sheet.cell(row=r, column=4)
            first = where[1].split(":")[0]
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{where[0]}'!{first}")
            link.font = Font(color="0563C1", underline="single")
        lines = 1
        for c, width in enumerate(WIDTHS, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            lines = max(lines, -(-len(str(cell.value or "")) // int(width * 1.1)))
        # openpyxl does not size rows; without a height wrapped text overflows the row
        sheet.row_dimensions[r].height = 13 * lines + 3
    for c, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:J{max(sheet.max_row, 2)}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = "2:2"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet


def _kabupaten(sub: dict) -> str:
    """'Batu Bara' -> 'Kabupaten Batu Bara'; 'Kota Medan' stays as written."""
    name = str(sub.get("kabupaten") or "").strip()
    if not name or re.match(r"(?i)^(kabupaten|kab\.|kota)\s", name):
        return name
    return f"Kabupaten {name}"


def surat(sub: dict, findings: pl.DataFrame, book: str, lang: str, deadline: str) -> str:
    """The one-page cover letter: counts, root causes to fix first, the deadline."""
    e = findings.filter(pl.col("severity") == "error").height
    w = findings.height - e
    esc = html.escape
    kec = esc(str(sub.get("kecamatan") or "?"))
    tahun = esc(str(sub.get("tahun") or "?"))
    roots = findings.filter(pl.col("_root_ref").is_null()).sort(
        [pl.col("severity") != "error", pl.col("_followers")], descending=[False, True],
        maintain_order=True,
    )  # fmt: skip
    shown = roots.head(8)
    items = []
    for row in shown.iter_rows(named=True):
        after = (
            f" <em>({_w('follows', lang, n=row['_followers'])})</em>" if row["_followers"] else ""
        )
        items.append(
            f"<li><strong>{esc(row['cell'] or '')}</strong> — {esc(row['rule'])} "
            f"{esc(row['title'])}{after}<br><span>{esc(row['hint'] or '')}</span></li>"
        )
    more = (
        f"<p>{esc(_w('more', lang, n=roots.height - shown.height))}</p>"
        if roots.height > shown.height
        else ""
    )
    body = f"<p>{_w('first', lang)}</p><ol>{''.join(items)}</ol>{more}" if items else ""
    status = "" if e else f"<p>{_w('clean', lang)}</p>"
    intro = _w("intro", lang, tahun=tahun, file=esc(Path(str(sub["path"])).name), e=e, w=w)
    title = esc(_w("surat_title", lang, tahun=tahun))
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{title} — {kec}</title>
<style>
@page {{ size: A4; margin: 20mm; }}
body {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; max-width: 170mm;
       margin: 2em auto; line-height: 1.4; color: #222; }}
h1 {{ font-size: 15pt; }} ol li {{ margin-bottom: .5em; }} li span {{ color: #555; }}
.sign {{ margin-top: 3em; }}
</style></head>
<body>
<p>{_w("to", lang, kec=kec, kab=esc(_kabupaten(sub)))}</p>
<h1>{title}</h1>
<p>{intro}</p>
{status}{body}
<p>{esc(_w("howto", lang, book=book))}</p>
<p>{_w("deadline", lang, batas=esc(deadline))}</p>
<p class="sign">{esc(_w("sign", lang))}</p>
</body></html>
"""
