"""Opening the database named on the command line."""

from __future__ import annotations

import argparse

from defence_dir.data.database import Database, open_database


def database_from(args: argparse.Namespace) -> Database:
    return open_database(args.db)
