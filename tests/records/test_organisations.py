"""Organisations and technology fields: what is refused, how values are cleaned, and that a
snapshot brings a deleted one back with its links."""

from __future__ import annotations

import pytest

from defence_dir.data.models import OrganisationKind
from defence_dir.errors import NotFoundError, ValidationError
from defence_dir.records import organisations as orgs


def test_an_organisation_draft_reports_every_problem():
    draft = orgs.OrganisationDraft(name="  ", kind="konzern", website="www zenit de")
    assert [p.field for p in draft.problems()] == ["name", "kind", "website"]
    with pytest.raises(ValidationError):
        draft.validated()


def test_values_are_cleaned_and_notes_keep_their_lines():
    clean = orgs.OrganisationDraft(name=" Zenit\u00a0GmbH\x07 ", notes="Zeile 1\nZeile 2 ",
                                   kind=OrganisationKind.OTHER.value).validated()
    assert clean.name == "Zenit GmbH"
    assert clean.notes == "Zeile 1\nZeile 2"


def test_missing_records_are_reported(db):
    with db.session() as session:
        for call in (lambda: orgs.update_organisation(session, 987654,
                                                      orgs.OrganisationDraft(name="X")),
                     lambda: orgs.delete_organisation(session, 987654),
                     lambda: orgs.update_topic(session, 987654, "X"),
                     lambda: orgs.delete_topic(session, 987654),
                     lambda: orgs.snapshot_topic(session, 987654)):
            with pytest.raises(NotFoundError):
                call()


def test_renaming_a_topic_to_its_own_name_in_other_case_is_allowed(db):
    with db.session() as session:
        topic = orgs.create_topic(session, "Robotik")
        orgs.update_topic(session, topic.id, "ROBOTIK", "Roboter")
        assert (topic.name, topic.description) == ("ROBOTIK", "Roboter")
