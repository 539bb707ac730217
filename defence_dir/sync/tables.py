"""The tables an offline copy mirrors, in the order parents come before their rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Table

from defence_dir.data.models import Base

# Table name -> the column a change is logged by (migration 0005): the row's id, or for a link
# table its owner, whose links the copy replaces as a whole.
MIRRORED: dict[str, str] = {
    "topic": "id", "network": "id", "organisation": "id", "person": "id",
    "email_address": "id", "phone_number": "id", "network_role": "id", "event": "id",
    "attendance": "id", "distribution_list": "id", "list_membership": "id",
    "consent_record": "id", "person_topic": "person_id",
    "organisation_topic": "organisation_id", "network_topic": "network_id",
    "not_duplicate_pair": "id",
}
# Import and merge history stays with the team (undo is a write): a copy keeps no import_batch
# rows, so the columns pointing at them are left empty there.
NOT_COPIED_COLUMNS = frozenset({"import_batch_id"})


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def copied_columns(name: str) -> list[Column[Any]]:
    return [c for c in table(name).columns if c.name not in NOT_COPIED_COLUMNS]


def key_column(name: str) -> Column[Any]:
    return table(name).columns[MIRRORED[name]]
