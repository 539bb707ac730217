"""Hypothesis: whatever two or three persons hold and whatever the user picks, a merge and its
undo leave every table exactly as it was (on each backend)."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from merge_helpers import dump, first_ids
from sqlalchemy import select

from defence_dir.data.models import AttendanceStatus, NetworkRole, Organisation
from defence_dir.lists.consent import Consent, ConsentSource, set_attendance, subscribe, unsubscribe
from defence_dir.merging.rules import PICKABLE
from defence_dir.merging.service import merge_persons, undo_merge
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft, create_person

EMAILS = ("anna@firma.de", "Anna@Firma.de", "a.schmidt@web.de", "info@firma.de", "as@x.org")
PHONES = ("0211 123456", "+49 211 123456", "+49 (211) 12 34 56", "0171 2345678",
          "+49 171 2345678", "0228 998877")
NAMES = ("Anna", "Änne", "Schmidt", "Schmitt", None)
# Per list: not on it, subscribed, unsubscribed, unsubscribed and subscribed again.
MEMBERSHIP = st.sampled_from([None, "given", "withdrawn", "again"])
ATTENDANCE = st.sampled_from([None, *AttendanceStatus])

person_values = st.fixed_dictionaries({
    "given": st.sampled_from(NAMES), "family": st.sampled_from(NAMES[2:4]),
    "title": st.sampled_from([None, "Dr.", "Prof. Dr."]),
    "function": st.sampled_from([None, "Leiterin", "Vertrieb"]),
    "notes": st.sampled_from([None, "Messe Essen", "Rückruf\nbevorzugt Mobil"]),
    "organisation": st.sampled_from([None, 0, 1]),
    "emails": st.lists(st.sampled_from(EMAILS), unique_by=str.casefold, max_size=3),
    "phones": st.lists(st.sampled_from(PHONES), unique=True, max_size=3),
    "topics": st.sets(st.integers(0, 3), max_size=3),
    "roles": st.sets(st.tuples(st.integers(0, 1), st.sampled_from(["Beirat", "Kontakt"]),
                               st.sampled_from([None, "Luftfahrt"])), max_size=2),
    "lists": st.lists(MEMBERSHIP, min_size=3, max_size=3),
    "events": st.lists(ATTENDANCE, min_size=3, max_size=3),
})


def _create(db, known, orgs, values, start: datetime) -> int:
    with db.session() as session:
        person_id = create_person(session, PersonDraft(
            given_name=values["given"], family_name=values["family"], title=values["title"],
            function=values["function"], notes=values["notes"],
            organisation_id=None if values["organisation"] is None
            else orgs[values["organisation"]],
            emails=[EmailDraft(e) for e in values["emails"]],
            phones=[PhoneDraft(p) for p in values["phones"]],
            topic_ids=[known["topics"][i] for i in values["topics"]])).id
        roles = {(n, r): f for n, r, f in values["roles"]}
        for (network, role), focus in roles.items():
            session.add(NetworkRole(person_id=person_id, network_id=known["networks"][network],
                                    role=role, focus=focus))
        for list_id, step in zip(known["lists"], values["lists"], strict=False):
            if step is None:
                continue
            subscribe(session, list_id, person_id, Consent(ConsentSource.FORM, "Web", at=start))
            if step in ("withdrawn", "again"):
                unsubscribe(session, list_id, person_id, at=start + timedelta(days=1))
            if step == "again":
                subscribe(session, list_id, person_id,
                          Consent(ConsentSource.EVENT, "Messe", at=start + timedelta(days=2)),
                          new_consent_after_unsubscribe=True)
        for event_id, status in zip(known["events"], values["events"], strict=False):
            if status is not None:
                set_attendance(session, event_id, [person_id], AttendanceStatus(status))
    return person_id


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(persons=st.lists(person_values, min_size=2, max_size=3),
       picks=st.dictionaries(st.sampled_from(sorted(PICKABLE - {"organisation_id"})),
                             st.integers(0, 2), max_size=4),
       day=st.integers(0, 300))
def test_merge_then_undo_restores_every_table(db, persons, picks, day):
    known = first_ids(db)
    with db.read_session() as session:
        orgs = list(session.scalars(select(Organisation.id).order_by(Organisation.id)))
    start = datetime(2025, 1, 1, 9, 30) + timedelta(days=day)
    ids = [_create(db, known, orgs, values, start) for values in persons]
    chosen = {field: ids[i % len(ids)] for field, i in picks.items()}
    before = dump(db)
    try:
        result = merge_persons(db, ids[0], ids[1:], picks=chosen)
    except Exception as refused:  # only a pick leaving no name may be refused
        assert "Vor- oder Nachnamen" in str(refused), refused
        assert dump(db) == before
        return
    assert dump(db) != before
    undo_merge(db, result.merge_id)
    assert dump(db) == before
