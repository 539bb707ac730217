"""Export then import returns every field unchanged, for every profile, with any text in it."""

from __future__ import annotations

import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from defence_dir.text.plain import clean_text
from defence_dir.vcard.card_reading import card_values
from defence_dir.vcard.reader import read_cards
from defence_dir.vcard.writer import CardData, Profile, card

# Any text a field can hold once saved (the normal form of plain_text.clean_text), from text
# with the characters that break vCards overrepresented.
TEXT = st.text(
    st.one_of(st.characters(blacklist_categories=("Cs",)),
              st.sampled_from(list(";,\\:\n\"=🙂ßäÖ\u00a0\u2028\x00\x1b"))),
    min_size=1, max_size=300,
)
VALUE = TEXT.map(clean_text).filter(bool)
NOTE = TEXT.map(lambda text: clean_text(text, multiline=True)).filter(bool)
OPTIONAL = st.none() | VALUE


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=st.sampled_from(list(Profile)), family=VALUE, given_name=OPTIONAL,
       middle=OPTIONAL, suffix=OPTIONAL, title=OPTIONAL, function=OPTIONAL, department=OPTIONAL,
       organisation=OPTIONAL, notes=st.none() | NOTE,
       categories=st.lists(VALUE, max_size=4, unique=True),
       emails=st.lists(VALUE, max_size=3))
def test_every_field_survives_export_and_import(profile, family, given_name, middle, suffix,
                                                title, function, department, organisation,
                                                notes, categories, emails):
    data = CardData(id=1, uid="0b7c3d9e-0000-4000-8000-000000000001", title=title,
                    given_name=given_name, middle_name=middle, family_name=family,
                    name_suffix=suffix, function=function, department=department,
                    organisation=organisation, notes=notes, categories=categories,
                    emails=[(e, "work") for e in emails])
    text = card(data, profile)
    [raw] = read_cards(text.encode("utf-8"))
    assert raw.error is None
    values = card_values(raw)
    got_title = values.title if values.salutation is None else \
        " ".join(x for x in (values.salutation, values.title) if x)
    assert (values.family_name, values.given_name, values.middle_name, values.name_suffix) == \
        (family, given_name, middle, suffix)
    assert got_title == title
    assert (values.function, values.notes, values.organisation) == (function, notes,
                                                                    organisation)
    if organisation or department:
        assert values.department == department
    assert values.categories == categories
    assert [address for address, _kind in values.emails] == emails
    assert values.full_name == data.display_name
    assert values.uid == data.uid
    if profile is not Profile.V4:  # a second, independent parser reads the same values
        parsed = vobject.readOne(text)
        assert parsed.fn.value == data.display_name
        if notes:
            assert parsed.note.value == notes
        if function:
            assert parsed.title.value == function
        assert [e.value for e in parsed.contents.get("email", [])] == emails
