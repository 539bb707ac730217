"""The persons side by side as the merge sees them: a line per field, differences marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from defence_dir.data.models import (
    DistributionList,
    Event,
    MembershipStatus,
    Network,
    Organisation,
    Topic,
    display_name_of,
)
from defence_dir.errors import NotFoundError
from defence_dir.i18n import N_, _
from defence_dir.merging import rows as row_store
from defence_dir.merging.rows import Row
from defence_dir.merging.rules import SINGLE_FIELDS, phone_key
from defence_dir.records.persons import field_label
from defence_dir.text.plain import clean_text

# (field, label) of what the merge unites, in the order shown.
UNITED_FIELDS = (("emails", N_("Email addresses")), ("phones", N_("Phone numbers")),
                 ("networks", N_("Networks")), ("topics", N_("Technology fields")),
                 ("lists", N_("Distribution lists")), ("events", N_("Events")),
                 ("notes", N_("Notes")))
_ATTENDANCE = {"registered": N_("registered"), "attended": N_("attended"),
               "cancelled": N_("cancelled"), "no_show": N_("no-show")}


def _attendance(status: str) -> str:
    label = _ATTENDANCE.get(status)
    return _(label) if label else status


def person_name(row: Row) -> str:
    return display_name_of(row["title"], row["given_name"], row["middle_name"],
                           row["family_name"], row["name_suffix"])


def load(session: Session, ids: Sequence[int]) -> dict[int, dict[str, list[Row]]]:
    """Each person's own rows; NotFoundError for an id that is not (or no longer) there."""
    rows = row_store.split_by_person(row_store.own_rows(session, ids), ids)
    for person_id in ids:
        if not rows[person_id]["person"]:
            raise NotFoundError(_("Person {id} does not exist (deleted or erased meanwhile).",
                                  id=person_id))
    return rows


def _names(session: Session, model: Any, ids: set[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in row_store.chunks(sorted(ids)):
        found.update((row[0], row[1]) for row in session.execute(
            select(model.id, model.name).where(model.id.in_(chunk))))
    return found


def single_fields(session: Session, persons: list[Row]) -> list[tuple[str, str, list[Any]]]:
    """(field, label, values as shown) of the fields the user picks a value for."""
    organisations = _names(session, Organisation,
                           {p["organisation_id"] for p in persons if p["organisation_id"]})
    shown = []
    for name in SINGLE_FIELDS:
        if name == "organisation":
            values = [organisations.get(p["organisation_id"]) for p in persons]
        else:
            values = [p[name] for p in persons]
        shown.append((name, field_label(name), values))
    return shown


def united_fields(session: Session, ids: Sequence[int],
                  rows: dict[int, dict[str, list[Row]]]) -> list[tuple[str, str, list[str]]]:
    def ids_of(table: str, column: str) -> set[int]:
        return {r[column] for pid in ids for r in rows[pid][table]}

    networks = _names(session, Network, ids_of("network_role", "network_id"))
    topics = _names(session, Topic, ids_of("person_topic", "topic_id"))
    lists = _names(session, DistributionList, ids_of("list_membership", "list_id"))
    events = _names(session, Event, ids_of("attendance", "event_id"))

    def membership(m: Row) -> str:
        name = lists.get(m["list_id"], "?")
        if m["status"] == MembershipStatus.UNSUBSCRIBED.value:
            return _("{list} (unsubscribed)", list=name)
        return name

    def role(r: Row) -> str:
        return f"{networks.get(r['network_id'], '?')}: {r['role']}"

    lines: dict[str, Callable[[dict[str, list[Row]]], list[str]]] = {
        "emails": lambda own: [e["address"] for e in sorted(own["email_address"],
                                                             key=lambda e: e["position"])],
        "phones": lambda own: [p["raw"] for p in sorted(own["phone_number"],
                                                        key=lambda p: p["position"])],
        "networks": lambda own: sorted(role(r) for r in own["network_role"]),
        "topics": lambda own: sorted(topics.get(t["topic_id"], "?") for t in own["person_topic"]),
        "lists": lambda own: sorted(membership(m) for m in own["list_membership"]),
        "events": lambda own: sorted(
            f"{events.get(a['event_id'], '?')} ({_attendance(a['status'])})"
            for a in own["attendance"]),
        "notes": lambda own: [n for n in [own["person"][0]["notes"]] if n],
    }
    shown = []
    for name, label in UNITED_FIELDS:
        shown.append((name, _(label), ["; ".join(lines[name](rows[pid])) for pid in ids]))
    return shown


def differs(values: Sequence[object]) -> bool:
    """Whether the non-empty values disagree after the normal form."""
    texts = {clean_text(v, multiline=True) if isinstance(v, str) else v for v in values}
    texts.discard(None)
    return len(texts) > 1


def contacts_differ(field: str, ids: Sequence[int],
                    rows: dict[int, dict[str, list[Row]]]) -> bool:
    """For "emails" and "phones": the same address in other capitals, or the same number
    in two formats, is no difference."""
    if field == "emails":
        keys = {frozenset(e["address"].casefold() for e in rows[pid]["email_address"])
                for pid in ids}
    else:
        keys = {frozenset(phone_key(p) for p in rows[pid]["phone_number"]) for pid in ids}
    keys.discard(frozenset())
    return len(keys) > 1
