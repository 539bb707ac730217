"""Opening the database named on the command line."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from defence_dir.data.database import Database


def database_from(args: argparse.Namespace) -> Database:
    from defence_dir.data.database import open_database

    return open_database(args.db)
