"""Imports: spreadsheets (spreadsheet/), the batches that record them and undo; service.py is
the window's and the command line's way in (vCards: defence_dir/vcard)."""
