"""Pick lists: the id and name of every network, organisation, technology field, list or event."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from defence_dir.data.database import Database
from defence_dir.data.models import DistributionList, Event, Network, Organisation, Topic
from defence_dir.text.collation import sort_key

# Record kind (a RecordKind value) -> the table its choices come from.
_MODELS: dict[str, Any] = {
    "network": Network,
    "organisation": Organisation,
    "topic": Topic,
    "list": DistributionList,
    "event": Event,
}


def choice_kinds() -> tuple[str, ...]:
    """The record kinds `choices` answers for."""
    return tuple(_MODELS)


def choices(db: Database, kind: str) -> list[tuple[int, str]]:
    """Every record of `kind` as (id, name), in phone-book order ("Ä" with "A", case ignored),
    the same on SQLite and PostgreSQL (whose own collations disagree); ties keep id order."""
    model = _MODELS.get(kind)
    if model is None:
        raise ValueError(f"no pick list for records of kind {kind!r}")
    with db.read_session() as session:
        rows = [(int(i), str(n)) for i, n in
                session.execute(select(model.id, model.name).order_by(model.id))]
    rows.sort(key=lambda row: sort_key(row[1]))  # stable: equal names keep id order
    return rows
