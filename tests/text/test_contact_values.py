"""Normal forms of phone numbers and email addresses."""

from __future__ import annotations

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from defence_dir.errors import ValidationError
from defence_dir.text.contact_values import (
    format_phone_international,
    normalize_email,
    phone_e164,
    require_phone_e164,
)


@pytest.mark.parametrize("raw,e164", [
    ("0211 385459-17", "+4921138545917"),
    ("+49 211 385459-17", "+4921138545917"),
    ("0049 211 385459-17", "+4921138545917"),
    ("+49 (0)211 / 385459-17", "+4921138545917"),
    ("0170 1234567", "+491701234567"),
    ("+1 650 253 0000", "+16502530000"),
])
def test_phone_numbers_in_any_notation(raw, e164):
    assert phone_e164(raw) == e164


@pytest.mark.parametrize("raw", ["", "  ", "123", "abc", "+49", "0211-"])
def test_impossible_numbers_have_no_e164(raw):
    assert phone_e164(raw) is None


def test_require_phone_says_which_number(monkeypatch):
    with pytest.raises(ValidationError, match="„123“ ist keine gültige Telefonnummer"):
        require_phone_e164("123")


def test_international_display():
    assert format_phone_international("+4921138545917") == "+49 211 38545917"


@pytest.mark.parametrize("raw,normal", [
    ("harald.cremer@NMWP.de", "harald.cremer@nmwp.de"),
    ("  hans.stein@zenit.eu ", "hans.stein@zenit.eu"),
    ("info@müller-gmbh.de", "info@müller-gmbh.de"),
])
def test_email_normal_form(raw, normal):
    assert normalize_email(raw) == normal


@pytest.mark.parametrize("raw", ["", "kein-at", "a@", "@b.de", "a b@c.de", "a@@b.de"])
def test_invalid_emails_are_refused(raw):
    with pytest.raises(ValidationError):
        normalize_email(raw)


_LOCAL = st.text(alphabet="abcXYZ09._-+!#$%&'*/=?^`{|}~\"(),:;<>@[\\] äß", max_size=70)
_DOMAIN = st.sampled_from(["zenit.eu", "NMWP.DE", "müller-gmbh.de", "xn--mller-kva.de", "x",
                           "localhost", "a.test", "-x.de", "x..de", "1.2", "b.de>", "",
                           "x" * 64 + ".de", ("y" * 60 + ".") * 4 + "de"])


@given(local=_LOCAL, domain=_DOMAIN)
@settings(max_examples=400, deadline=None)
def test_email_fast_path_agrees_with_email_validator(local, domain):
    """The shortcut for plain addresses must accept, refuse and normalize exactly like the
    library does for the whole address."""
    address = f"{local}@{domain}".strip()
    try:
        expected = validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        expected = None
    if not address:
        expected = None
    try:
        found = normalize_email(address)
    except ValidationError:
        found = None
    assert found == expected


def _parsed_by_library(text: str) -> str | None:
    """What phonenumbers' general parser makes of a number (region DE)."""
    try:
        number = phonenumbers.parse(text.strip(), "DE")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# Numbers as people type them: a prefix (national, +49, or something the shortcut must leave
# to the library), digits from real German ranges, the separators of every notation.
_PREFIX = st.sampled_from(["0", "+49", "+49 ", "+49 (0)", "0049 ", "(0", "00", "0 0", "+4",
                           "+490", "+1 ", "", "49", "+ 49 ", "0)"])
_BODY = st.text(alphabet="0123456789 ./()-", min_size=0, max_size=22)
_GERMAN_RANGES = st.sampled_from(["211", "221", "30", "89", "2151", "151", "160", "170",
                                  "171", "1801", "800", "900", "32", "700", "69", "4", "0"])


@given(prefix=_PREFIX, area=_GERMAN_RANGES, body=_BODY,
       tail=st.sampled_from(["", " ", "-", ")", " x12", " ext. 5", "#", "/x"]))
@settings(max_examples=3000, deadline=None)
def test_phone_shortcut_agrees_with_phonenumbers(prefix, area, body, tail):
    """The shortcut for plain German numbers must accept, refuse and normalize exactly like
    phonenumbers' general parser."""
    text = f"{prefix}{area}{body}{tail}"
    assert phone_e164(text) == _parsed_by_library(text), text


def test_phone_shortcut_agrees_on_every_number_of_a_range():
    """Every number of a few real blocks, in three notations (nothing sampled)."""
    for block in ("211 555", "171 55", "30 1234", "800 33", "2151 7", "32 22"):
        for n in range(0, 10_000, 7):
            for notation in (f"0{block}{n}", f"+49 {block} {n}", f"0{block}-{n}"):
                assert phone_e164(notation) == _parsed_by_library(notation), notation


@given(area=_GERMAN_RANGES.filter(lambda area: area != "0")
       | st.sampled_from(["16", "12", "31", "118", "199", "9", "1"]),
       digits=st.text(alphabet="0123456789", min_size=0, max_size=14))
@settings(max_examples=3000, deadline=None)
def test_phone_shortcut_decides_plain_numbers_itself(area, digits):
    """For a number in plain national form the shortcut's own answer, valid or not, is the
    library's (so it rarely needs the general path and never disagrees with it)."""
    from defence_dir.text.contact_values import _plain_german_e164
    text = f"0{area}{digits}"
    assert _plain_german_e164(text) == _parsed_by_library(text), text


@pytest.mark.parametrize("kind", [kind for kind in vars(phonenumbers.PhoneNumberType).values()
                                  if isinstance(kind, int)])
def test_phone_shortcut_knows_every_kind_of_german_number(kind):
    """phonenumbers' own example of each kind (mobile, toll-free, premium, …), written as
    people write it, is read by the shortcut itself, as the library reads it."""
    from defence_dir.text.contact_values import _plain_german_e164
    example = phonenumbers.example_number_for_type("DE", kind)
    if example is None:
        pytest.skip("no German example of this kind")
    written = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    national = phonenumbers.national_significant_number(example)
    e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    texts = [f"0{national}", f"+49 {national}", f"+49-{national[:3]}/{national[3:]}"]
    if written.startswith("0"):  # a pager's is written without the prefix
        texts += [written, written.replace(" ", "/", 1)]
    for text in texts:
        assert _plain_german_e164(text) == e164 == _parsed_by_library(text), text
