"""The overview's figures for the window, read in a transaction of their own."""

from __future__ import annotations

from defence_dir.data.database import Database
from defence_dir.overview.figures import Overview, overview


def overview_figures(db: Database) -> Overview:
    """Persons per network and field, list sizes over time, event turnout: one consistent
    reading (one read transaction), as plain dataclasses."""
    with db.read_session() as session:
        return overview(session)
