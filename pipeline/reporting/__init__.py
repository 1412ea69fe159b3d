"""The consolidated reports: warehouse views -> great-tables HTML pages and one xlsx workbook.

``pipeline.report.report`` is the entry point; the modules here are its parts:
:mod:`.common` (query helper, kecamatan label, colours), :mod:`.kinerja` (summary, capaian,
efisiensi), :mod:`.anggaran`, :mod:`.tren`, :mod:`.kualitas` (the tables, SQL on the views),
:mod:`.model` (a table = frame + column specs, rendered twice), :mod:`.fmt` (Indonesian /
English numbers, exact money), :mod:`.text` (every label in both languages), :mod:`.html`
and :mod:`.xlsx` (the two renderers). See docs/reports.md.
"""
