"""Spreadsheet import: `reading` (xlsx/xls/ods via calamine, CSV as Excel saves it), `columns`
(header row and field mapping), `cleaning` (names, phones, emails, dates), `planning` (the
row-by-row preview with matching) and `writing` (apply, recorded for undo: imports/undo.py);
the window and the command line call them through imports/service.py."""
