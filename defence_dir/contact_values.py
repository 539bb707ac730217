"""Validation and normal forms of email addresses and phone numbers."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from defence_dir.errors import ValidationError
from defence_dir.i18n import _

DEFAULT_REGION = "DE"


def normalize_email(address: str) -> str:
    """The address in normal form (domain lower-cased, IDN decoded); syntax only, no network."""
    candidate = address.strip()
    if not candidate:
        raise ValidationError(_("The email address is empty."), field="email")
    try:
        return _normalized_email(candidate)
    except EmailNotValidError as exc:
        raise ValidationError(
            _("“{address}” is not a valid email address.", address=candidate), field="email"
        ) from exc


# Cached: an import checks each address when cleaning, previewing and writing a row.
@lru_cache(maxsize=100_000)
def _normalized_email(candidate: str) -> str:
    return validate_email(candidate, check_deliverability=False).normalized


def phone_e164(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 form of `raw`, or None when it is not a valid phone number."""
    return _phone_e164(raw.strip(), region)


@lru_cache(maxsize=100_000)
def _phone_e164(text: str, region: str) -> str | None:
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def require_phone_e164(raw: str, region: str = DEFAULT_REGION) -> str:
    """Like phone_e164, but a number that does not parse is an error for the user."""
    if not raw.strip():
        raise ValidationError(_("The phone number is empty."), field="phone")
    e164 = phone_e164(raw, region)
    if e164 is None:
        raise ValidationError(
            _("“{number}” is not a valid phone number.", number=raw.strip()), field="phone"
        )
    return e164


def format_phone_international(e164: str) -> str:
    """E.164 as people read it: "+49 211 38545917"."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
