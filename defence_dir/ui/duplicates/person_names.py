"""Display names of persons for the finder's lists, read in chunks (run it in a job)."""

from __future__ import annotations

from collections.abc import Collection

from defence_dir.data.database import Database
from defence_dir.records import browsing

CHUNK = 500  # ids per query: far below any backend's limit on bound parameters


def person_names(db: Database, ids: Collection[int]) -> dict[int, str]:
    ordered = sorted(ids)
    names: dict[int, str] = {}
    for start in range(0, len(ordered), CHUNK):
        rows = browsing.person_rows(db, ordered[start:start + CHUNK])
        names.update({person_id: row["display_name"] for person_id, row in rows.items()})
    return names
