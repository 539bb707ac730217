"""Dataclasses pickled as their field values come back equal, as their own class."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field

import pytest

from defence_dir.compact_pickle import pickled_by_fields
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft
from defence_dir.vcard.card_reading import ReadCard


def test_a_read_card_comes_back_equal():
    draft = PersonDraft(title="Dr.", given_name="Jürgen", family_name="Schnitzmeier",
                        notes="Zeile 1\nZeile 2", emails=[EmailDraft("js@zenit.de")],
                        phones=[PhoneDraft("0208 30004-23", "work", "+49208300042")],
                        topic_ids=[3, 7])
    card = ReadCard(12, "Dr. Jürgen Schnitzmeier", 140, ["eine Warnung"], None, draft,
                    "ZENIT GmbH", "uid-1")
    back = pickle.loads(pickle.dumps(card))
    assert back == card
    # PhoneDraft's normal form is not part of its equality, but must travel too.
    assert back.draft.phones[0].e164 == "+49208300042"


def test_a_subclass_stays_itself():
    @pickled_by_fields
    @dataclass
    class Base:
        a: int
        b: str = "x"

    @dataclass
    class Child(Base):
        c: list[int] = field(default_factory=list)

    globals().update(Base=Base, Child=Child)  # pickle finds classes by module and name
    Base.__qualname__, Child.__qualname__ = "Base", "Child"
    back = pickle.loads(pickle.dumps(Child(1, "y", [2])))
    assert type(back) is Child and back == Child(1, "y", [2])


def test_a_field_outside_init_is_refused():
    with pytest.raises(TypeError):
        @pickled_by_fields
        @dataclass
        class Counted:
            n: int
            seen: int = field(default=0, init=False)
