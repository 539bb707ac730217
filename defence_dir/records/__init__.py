"""Records: persons, organisations, technology fields, their snapshots for undo and reading the
directory; kinds.py names the kinds, service.py is the window's and the command line's way in."""
