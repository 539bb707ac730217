"""A vCard with an address several persons hold, or a role's (info@), is matched by its names
alone: to the holder of the same names, else to nobody (a new person, with a remark)."""

from __future__ import annotations

import pytest

from defence_dir.records.persons import EmailDraft, PersonDraft, create_person
from defence_dir.vcard.importer import Action, plan_import


def card(family: str, given: str, email: str) -> bytes:
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{family};{given};;;\r\nEMAIL:{email}\r\n"
            "END:VCARD\r\n").encode()


@pytest.fixture
def colleagues(db) -> dict[str, int]:
    with db.session() as session:
        return {given: create_person(session, PersonDraft(
                    given_name=given, family_name="Schmidt",
                    emails=[EmailDraft(address)])).id
                for given, address in (("Anna", "info@schmidt.example"),
                                       ("Bernd", "info@schmidt.example"),
                                       ("Tom", "kontakt@tom-schmidt.example"))}


@pytest.mark.parametrize("family,given,email,who", [
    ("Schmidt", "Anna", "info@schmidt.example", "Anna"),
    ("Schmidt", "Bernd", "INFO@schmidt.example", "Bernd"),
    ("Schmidt", "", "info@schmidt.example", None),  # either of them: neither is picked
    ("Schmidt", "Clara", "info@schmidt.example", None),  # a third colleague
    ("Schmidt", "Tom", "kontakt@tom-schmidt.example", "Tom"),
    ("Schmidt", "Tina", "kontakt@tom-schmidt.example", None),  # a role address: not Tom
])
def test_a_card_at_a_shared_address_is_its_holder_only_by_the_same_names(
        db, colleagues, family, given, email, who):
    with db.session() as session:
        [planned] = plan_import(session, card(family, given, email), "k.vcf").cards
    if who is None:
        assert (planned.action, planned.person_id) == (Action.NEW, None)
        assert any(email.casefold() in warning for warning in planned.warnings)
    else:
        assert planned.person_id == colleagues[who]
        assert planned.action in (Action.UPDATE, Action.UNCHANGED)
