"""Turning the names a user types for filters (network, organisation, …) into record ids."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from defence_dir.data.models import DistributionList, Event, Network, Organisation, Topic
from defence_dir.errors import NotFoundError
from defence_dir.i18n import N_, _
from defence_dir.search.service import SearchFilters
from defence_dir.text.folding import words

_WHAT: dict[str, tuple[Any, str]] = {
    "network": (Network, N_("There is no network “{name}”.")),
    "organisation": (Organisation, N_("There is no organisation “{name}”.")),
    "topic": (Topic, N_("There is no technology field “{name}”.")),
    "list": (DistributionList, N_("There is no distribution list “{name}”.")),
    "event": (Event, N_("There is no event “{name}”.")),
}


def record_id(session: Session, what: str, name: str) -> int:
    """The id of the record named `name`: exact, else the one whose folded name equals it or
    starts with it ("aerospace" → AeroSpace.NRW); ambiguous or unknown names are errors."""
    model, missing = _WHAT[what]
    rows = session.execute(select(model.id, model.name)).all()
    exact: list[int] = [row.id for row in rows if row.name == name]
    if exact:
        return exact[0]
    wanted = words(name)
    if wanted:
        same: list[int] = [row.id for row in rows if words(row.name) == wanted]
        if len(same) == 1:
            return same[0]
        starting: list[int] = [row.id for row in rows if words(row.name)[:len(wanted)] == wanted]
        if len(starting) == 1:
            return starting[0]
        if len(starting) > 1:
            raise NotFoundError(_("“{name}” fits several; please give the full name.", name=name))
    raise NotFoundError(_(missing, name=name))


def filters_from_names(session: Session, *, kind: str | None = None, **names: Any) -> SearchFilters:
    """SearchFilters from names, e.g. filters_from_names(s, network="AeroSpace.NRW")."""
    ids = {f"{what}_id": record_id(session, what, name)
           for what, name in names.items() if name is not None}
    return SearchFilters(kind=kind, **ids)
