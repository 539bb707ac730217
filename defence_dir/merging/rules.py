"""The merge rules: what the kept person holds afterwards, worked out from the rows alone.

Single fields: the picked person's value, else fill-empty (the keeper's, else the first
other's). Notes: appended, each different text once. Emails, phones (one number in two
formats once), topics, network roles: united. List memberships: one per list with every
consent record; a suppression (unsubscribed) wins over a subscription. Event attendances:
one per event, the stronger status wins (see ATTENDANCE_STRENGTH).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from defence_dir.data.models import AttendanceStatus, MembershipStatus
from defence_dir.errors import ValidationError
from defence_dir.i18n import _
from defence_dir.merging.rows import Row
from defence_dir.records.person_fields import TEXT_FIELDS
from defence_dir.text.plain import clean_text

# Fields the user may pick a person's value for; "organisation" is the organisation_id.
SINGLE_FIELDS: tuple[str, ...] = (*(f for f in TEXT_FIELDS if f != "notes"), "organisation")
PICKABLE = frozenset((*SINGLE_FIELDS, "notes", "organisation_id"))
# Between appended notes: a line of its own, so where one record's notes end stays visible.
NOTE_SEPARATOR = "\n\n----\n\n"
# Which of two attendances of one event the merged person keeps. Being there beats
# everything; an open registration beats a withdrawn one; a no-show (registered, never
# cancelled) says more than a cancellation.
ATTENDANCE_STRENGTH = {AttendanceStatus.ATTENDED.value: 4,
                       AttendanceStatus.REGISTERED.value: 3,
                       AttendanceStatus.NO_SHOW.value: 2,
                       AttendanceStatus.CANCELLED.value: 1}

PersonRows = dict[str, list[Row]]


@dataclass
class GroupPlan:
    """The writes that merge one group; row ids are the rows' own, none are copied."""

    kept: int
    merged: tuple[int, ...]
    person: dict[str, Any] = field(default_factory=dict)  # the keeper's new column values
    email_moves: list[Row] = field(default_factory=list)  # {id, person_id, position}
    phone_moves: list[Row] = field(default_factory=list)
    topic_inserts: list[Row] = field(default_factory=list)  # {person_id, topic_id}
    role_moves: list[Row] = field(default_factory=list)  # {id, person_id}
    role_updates: list[Row] = field(default_factory=list)  # {id, focus}
    membership_moves: list[Row] = field(default_factory=list)  # {id, person_id}
    membership_updates: list[Row] = field(default_factory=list)
    consent_moves: list[Row] = field(default_factory=list)  # {id, membership_id}
    attendance_moves: list[Row] = field(default_factory=list)  # {id, person_id}
    attendance_updates: list[Row] = field(default_factory=list)  # {id, status}


def _filled(value: object) -> bool:
    return isinstance(value, int) or bool(clean_text(value if isinstance(value, str) else None,
                                                      multiline=True))


def single_value(field_name: str, persons: Sequence[Row], picks: Mapping[str, int]) -> int:
    """Index into `persons` (keeper first) of the person whose value the merge takes."""
    column = "organisation_id" if field_name == "organisation" else field_name
    picked = picks.get(field_name, picks.get(column))
    if picked is not None:
        return next(i for i, p in enumerate(persons) if p["id"] == picked)
    return next((i for i, p in enumerate(persons) if _filled(p[column])), 0)


def check_picks(picks: Mapping[str, int], ids: Sequence[int]) -> None:
    for name, person_id in picks.items():
        if name not in PICKABLE:
            raise ValidationError(_("“{field}” cannot be chosen in a merge.", field=name))
        if person_id not in ids:
            raise ValidationError(_("The value of “{field}” is chosen from person {id}, who "
                                    "is not part of this merge.", field=name, id=person_id))


def merged_notes(notes: Sequence[str | None]) -> str | None:
    """Every different note once, in order, with a separator line between them."""
    kept: list[str] = []
    for note in notes:
        text = clean_text(note, multiline=True)
        if text and not any(text in earlier for earlier in kept):
            kept.append(text)
    return NOTE_SEPARATOR.join(kept) or None


def phone_key(row: Row) -> str:
    """The same number written in two formats is one number: its E.164 form, else digits."""
    return str(row["e164"] or re.sub(r"\D", "", row["raw"]) or row["raw"])


def plan_group(ids: Sequence[int], rows: Mapping[int, PersonRows],
               picks: Mapping[str, int]) -> GroupPlan:
    """The writes merging `ids[1:]` into `ids[0]`, from each person's own rows."""
    kept = ids[0]
    persons = [rows[i]["person"][0] for i in ids]
    plan = GroupPlan(kept=kept, merged=tuple(ids[1:]))
    for name in SINGLE_FIELDS:
        column = "organisation_id" if name == "organisation" else name
        plan.person[column] = persons[single_value(name, persons, picks)][column]
    if "notes" in picks:
        plan.person["notes"] = persons[single_value("notes", persons, picks)]["notes"]
    else:
        plan.person["notes"] = merged_notes([p["notes"] for p in persons])
    if not (_filled(plan.person["given_name"]) or _filled(plan.person["family_name"])):
        raise ValidationError(_("A person needs a given or a family name."))
    _unite_contacts(plan, ids, rows)
    _unite_roles_and_topics(plan, ids, rows)
    _unite_memberships(plan, ids, rows)
    _unite_attendances(plan, ids, rows)
    return plan


def _unite_contacts(plan: GroupPlan, ids: Sequence[int], rows: Mapping[int, PersonRows]) -> None:
    kept = ids[0]
    emails = sorted(rows[kept]["email_address"], key=lambda r: (r["position"], r["id"]))
    known = {e["address"].casefold() for e in emails}
    position = max((e["position"] for e in emails), default=-1) + 1
    for other in ids[1:]:
        for email in sorted(rows[other]["email_address"], key=lambda r: (r["position"], r["id"])):
            if email["address"].casefold() not in known:
                known.add(email["address"].casefold())
                plan.email_moves.append({"id": email["id"], "person_id": kept,
                                         "position": position})
                position += 1
    phones = sorted(rows[kept]["phone_number"], key=lambda r: (r["position"], r["id"]))
    numbers = {phone_key(p) for p in phones}
    position = max((p["position"] for p in phones), default=-1) + 1
    for other in ids[1:]:
        for phone in sorted(rows[other]["phone_number"], key=lambda r: (r["position"], r["id"])):
            if phone_key(phone) not in numbers:
                numbers.add(phone_key(phone))
                plan.phone_moves.append({"id": phone["id"], "person_id": kept,
                                         "position": position})
                position += 1


def _unite_roles_and_topics(plan: GroupPlan, ids: Sequence[int],
                            rows: Mapping[int, PersonRows]) -> None:
    kept = ids[0]
    topics = {t["topic_id"] for t in rows[kept]["person_topic"]}
    roles = {(r["network_id"], r["role"]): r for r in rows[kept]["network_role"]}
    focus_filled: dict[int, str] = {}
    for other in ids[1:]:
        for link in rows[other]["person_topic"]:
            if link["topic_id"] not in topics:
                topics.add(link["topic_id"])
                plan.topic_inserts.append({"person_id": kept, "topic_id": link["topic_id"]})
        for role in sorted(rows[other]["network_role"], key=lambda r: r["id"]):
            same = roles.get((role["network_id"], role["role"]))
            if same is None:
                roles[(role["network_id"], role["role"])] = role
                plan.role_moves.append({"id": role["id"], "person_id": kept})
            elif (not same["focus"] and role["focus"] and same["person_id"] == kept
                  and same["id"] not in focus_filled):
                focus_filled[same["id"]] = role["focus"]
    plan.role_updates = [{"id": i, "focus": f} for i, f in focus_filled.items()]


def _unite_memberships(plan: GroupPlan, ids: Sequence[int],
                       rows: Mapping[int, PersonRows]) -> None:
    kept = ids[0]
    consent_by_membership: dict[int, list[Row]] = {}
    for person in ids:
        for record in rows[person]["consent_record"]:
            consent_by_membership.setdefault(record["membership_id"], []).append(record)
    by_list: dict[int, list[Row]] = {}
    for person in ids:
        for membership in sorted(rows[person]["list_membership"], key=lambda r: r["id"]):
            by_list.setdefault(membership["list_id"], []).append(membership)
    for memberships in by_list.values():
        target = memberships[0]  # the keeper's if it has one (ids are in keeper-first order)
        if target["person_id"] != kept:
            plan.membership_moves.append({"id": target["id"], "person_id": kept})
        if len(memberships) == 1:
            continue
        for other in memberships[1:]:
            plan.consent_moves += [{"id": c["id"], "membership_id": target["id"]}
                                   for c in consent_by_membership.get(other["id"], [])]
        plan.membership_updates.append(_membership_values(target, memberships))


def _membership_values(target: Row, memberships: Sequence[Row]) -> Row:
    """One membership for several: a suppression wins (latest withdrawal); the consent
    proof is the target's, else the first other's that has one."""
    unsubscribed = [m for m in memberships if m["status"] == MembershipStatus.UNSUBSCRIBED.value]
    proof = next((m for m in memberships if m["consent_at"] or m["consent_source"]), target)
    return {
        "id": target["id"],
        "status": (MembershipStatus.UNSUBSCRIBED.value if unsubscribed
                   else MembershipStatus.SUBSCRIBED.value),
        "unsubscribed_at": max((m["unsubscribed_at"] for m in unsubscribed), default=None),
        "consent_at": proof["consent_at"], "consent_source": proof["consent_source"],
        "consent_note": proof["consent_note"],
    }


def _unite_attendances(plan: GroupPlan, ids: Sequence[int],
                       rows: Mapping[int, PersonRows]) -> None:
    kept = ids[0]
    by_event: dict[int, list[Row]] = {}
    for person in ids:
        for attendance in sorted(rows[person]["attendance"], key=lambda r: r["id"]):
            by_event.setdefault(attendance["event_id"], []).append(attendance)
    for attendances in by_event.values():
        target = attendances[0]
        if target["person_id"] != kept:
            plan.attendance_moves.append({"id": target["id"], "person_id": kept})
        strongest = max(attendances, key=lambda a: ATTENDANCE_STRENGTH.get(a["status"], 0))
        if strongest["status"] != target["status"]:
            plan.attendance_updates.append({"id": target["id"], "status": strongest["status"]})
