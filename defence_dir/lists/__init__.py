"""Distribution lists and events: editing, members with consent history and the mailing;
service.py is the window's and the command line's way in."""
