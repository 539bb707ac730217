"""Normal forms of phone numbers and email addresses."""

from __future__ import annotations

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
