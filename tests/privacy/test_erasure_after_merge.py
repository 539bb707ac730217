"""Erasing a person kept by a merge erases the merge record too: it holds the rows of both
persons as they were, so no byte of either may stay in the database files."""

from __future__ import annotations

import pytest
from erasure_scenario import EMAILS, FAMILY, GIVEN, OLD_EMAIL, PHONES, files_with_secrets
from erasure_scenario import scenario as scenario  # the fixture
from sqlalchemy import func, select

from defence_dir.data.database import open_database
from defence_dir.data.models import AuditEntry, Person, PersonMerge
from defence_dir.merging.service import merge_persons
from defence_dir.privacy import erase_person
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft, create_person


@pytest.mark.sqlite_only(reason="the SQLite file's and WAL's bytes")
def test_erasing_the_kept_person_leaves_no_byte_of_either(scenario):
    db = open_database(str(scenario.path))
    try:
        with db.session() as session:  # her duplicate, typed in by a colleague
            twin = create_person(session, PersonDraft(
                given_name=GIVEN, family_name=FAMILY.replace("ü", "ue"),
                function="Qualität", notes=f"Kontakt über {EMAILS[1]}",
                emails=[EmailDraft(OLD_EMAIL), EmailDraft(EMAILS[1])],
                phones=[PhoneDraft(PHONES[1])])).id
        merge_persons(db, scenario.person_id, [twin])
        with db.read_session() as session:
            before_json = session.scalar(select(PersonMerge.before_json))
        assert OLD_EMAIL in before_json  # the record holds her data until she is erased
        result = erase_person(db, scenario.person_id)
        assert result.wiped and not result.pending
        with db.read_session() as session:
            assert session.scalar(select(func.count()).select_from(PersonMerge)) == 0
            assert session.get(Person, twin) is None
            audit = " ".join(f"{e.subject} {e.detail}" for e in session.scalars(
                select(AuditEntry)))
        assert GIVEN not in audit and OLD_EMAIL not in audit
        assert files_with_secrets(scenario.path.parent) == []
    finally:
        db.close()
    assert files_with_secrets(scenario.path.parent) == []
