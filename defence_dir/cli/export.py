"""`defence-dir export FORMAT …`: one parent command; each format registers its own sub-command."""

from __future__ import annotations

from typing import Any

from defence_dir.cli import export_eventday, export_vcard, export_xlsx
from defence_dir.i18n import _

FORMAT_MODULES = (export_vcard, export_xlsx, export_eventday)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("export", help=_("export contacts to a file"))
    formats = parser.add_subparsers(dest="format", metavar=_("FORMAT"), required=True)
    for module in FORMAT_MODULES:
        module.register(formats)
