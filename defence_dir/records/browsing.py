"""What the main window shows, each read in its own session: table rows, section records and
the detail pane's record (the window itself never opens one)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from defence_dir.data.database import Database
from defence_dir.records import directory

Record = dict[str, Any]

_DETAIL_LOADERS: dict[str, Callable[[Session, int], Record | None]] = {
    "person": directory.person_detail,
    "organisation": directory.organisation_detail,
    "network": directory.network_detail,
    "topic": directory.topic_detail,
    "event": directory.event_detail,
    "list": directory.list_detail,
}


def person_rows(db: Database, ids: Sequence[int]) -> dict[int, dict[str, str]]:
    """The persons table's cells for these ids (the rows scrolled into view)."""
    with db.read_session() as session:
        return {row.id: {"display_name": row.display_name, "networks": row.networks,
                         "organisation": row.organisation, "function": row.function,
                         "email": row.email, "phone": row.phone}
                for row in directory.person_rows(session, ids)}


def organisation_rows(db: Database, ids: Sequence[int]) -> dict[int, dict[str, str]]:
    with db.read_session() as session:
        return directory.organisation_rows(session, ids)


def network_rows(db: Database, ids: Sequence[int]) -> dict[int, dict[str, str]]:
    with db.read_session() as session:
        return directory.network_rows(session, ids)


def section_records(db: Database, section_key: str) -> list[Record]:
    """Every technology field, event or list (section keys as directory.KINDS), events and
    lists with the counts their columns show."""
    with db.read_session() as session:
        records = directory.list_records(session, section_key)
    for record in records:
        if section_key == "events":
            counts = record.get("attendance") or {}
            record["registered"] = sum(counts.values()) - counts.get("cancelled", 0)
            record["attended"] = counts.get("attended", 0)
        elif section_key == "lists":
            counts = record.get("members") or {}
            record["subscribed"] = counts.get("subscribed", 0)
            record["unsubscribed"] = counts.get("unsubscribed", 0)
    return records


def detail(db: Database, kind: str, record_id: int) -> Record | None:
    """The record the detail pane shows, with what it links to; None if it is gone."""
    with db.read_session() as session:
        return _DETAIL_LOADERS[kind](session, record_id)


def first_emails(db: Database, person_ids: Sequence[int]) -> list[str]:
    """Each person's first email address (persons without one are left out)."""
    with db.read_session() as session:
        records = directory.records_by_id(session, "persons", person_ids)
    return [r["emails"][0]["address"] for r in records.values() if r["emails"]]
