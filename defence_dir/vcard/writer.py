"""Cards for address books: what each target profile needs, written by hand on purpose.

vobject escapes and folds 3.0 correctly but builds ~2,500 cards/s, cannot write 4.0 parameters
or 2.1, and splits an ORG given as a string per character; this writer is plain string work
(tests check its output with vobject and against golden files).
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime
from functools import lru_cache

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from defence_dir import __version__
from defence_dir.data.models import (
    EmailAddress,
    Network,
    NetworkRole,
    Organisation,
    Person,
    PhoneNumber,
    Topic,
    display_name_of,
    person_topic,
)
from defence_dir.records.person_fields import TEXT_FIELDS, PersonTexts
from defence_dir.vcard.text import CRLF, escape, fold, without_controls


class Profile(enum.StrEnum):
    STANDARD = "standard"  # one multi-card 3.0 file: Apple, Google, Android, Thunderbird, …
    OUTLOOK = "outlook"  # 3.0, one card per file, CHARSET=UTF-8 on non-ASCII values
    V4 = "v4"  # RFC 6350


PRODID = f"-//DEFENCE.NRW//defence-dir {__version__}//DE"
_TEL_TYPES_3 = {"work": "WORK,VOICE", "cell": "CELL,VOICE", "fax": "WORK,FAX",
                "home": "HOME,VOICE", "other": "VOICE"}
_TEL_TYPES_4 = {"work": "work,voice", "cell": "cell,voice", "fax": "work,fax",
                "home": "home,voice", "other": "voice"}
_EMAIL_TYPES_3 = {"work": "INTERNET,WORK", "home": "INTERNET,HOME", "other": "INTERNET"}
_EMAIL_TYPES_4 = {"work": "work", "home": "home", "other": ""}


@dataclass
class CardData(PersonTexts):
    """A person as a card needs it (loaded in bulk with a few queries)."""

    _: KW_ONLY  # after the texts, which all have defaults
    id: int
    uid: str
    organisation: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    website: str | None = None
    updated_at: datetime | None = None
    emails: list[tuple[str, str]] = field(default_factory=list)  # (address, kind)
    phones: list[tuple[str | None, str, str]] = field(default_factory=list)  # (e164, raw, kind)
    categories: list[str] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        return display_name_of(self.title, self.given_name, self.middle_name,
                               self.family_name, self.name_suffix)


def load_cards(session: Session, person_ids: Sequence[int]) -> list[CardData]:
    """Card data for these persons, in the order given."""
    cards: dict[int, CardData] = {}
    end = 2 + len(TEXT_FIELDS)
    for start in range(0, len(person_ids), 5000):
        chunk = list(person_ids[start:start + 5000])
        for row in session.execute(
            select(Person.id, Person.uid, *(getattr(Person, name) for name in TEXT_FIELDS),
                   Person.updated_at, Organisation.name,
                   Organisation.street, Organisation.postal_code, Organisation.city,
                   Organisation.country, Organisation.website)
            .outerjoin(Organisation, Person.organisation_id == Organisation.id)
            .where(Person.id.in_(chunk))
        ):
            # The texts are CardData's positional fields, in TEXT_FIELDS order; by index, as
            # a Row's attributes by name made loading 100,000 cards 2.7 s slower.
            cards[row[0]] = CardData(
                *row[2:end], id=row[0], uid=row[1], updated_at=row[end],
                organisation=row[end + 1], street=row[end + 2], postal_code=row[end + 3],
                city=row[end + 4], country=row[end + 5], website=row[end + 6])
        for person_id, address, kind in session.execute(
                select(EmailAddress.person_id, EmailAddress.address, EmailAddress.kind)
                .where(EmailAddress.person_id.in_(chunk)).order_by(EmailAddress.position)):
            cards[person_id].emails.append((address, kind))
        for person_id, e164, raw, kind in session.execute(
                select(PhoneNumber.person_id, PhoneNumber.e164, PhoneNumber.raw,
                       PhoneNumber.kind)
                .where(PhoneNumber.person_id.in_(chunk)).order_by(PhoneNumber.position)):
            cards[person_id].phones.append((e164, raw, kind))
        categories: defaultdict[int, list[str]] = defaultdict(list)
        for person_id, name in session.execute(
                select(NetworkRole.person_id, Network.name).join(Network)
                .where(NetworkRole.person_id.in_(chunk)).order_by(Network.name)):
            categories[person_id].append(name)
        for person_id, name in session.execute(
                select(person_topic.c.person_id, Topic.name).join(Topic)
                .where(person_topic.c.person_id.in_(chunk)).order_by(Topic.name)):
            categories[person_id].append(name)
        for person_id, names in categories.items():
            cards[person_id].categories = list(dict.fromkeys(names))
    return [cards[i] for i in person_ids if i in cards]


@lru_cache(maxsize=4_096)
def _phone_text(e164: str, v4: bool) -> str:
    number = _number(e164)
    if v4:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _number(e164: str) -> phonenumbers.PhoneNumber:
    """The number object of a stored E.164 string without phonenumbers.parse (a third of an
    export's time): country calling codes are prefix-free, so the code splits off exactly."""
    digits = e164.lstrip("+")
    for length in (1, 2, 3):
        if int(digits[:length] or 0) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            number = phonenumbers.PhoneNumber(country_code=int(digits[:length]),
                                              national_number=int(digits[length:] or 0))
            if digits[length:].startswith("0"):  # Italian-style leading zero
                number.italian_leading_zero = True
            return number
    return phonenumbers.parse(e164, None)


def _rev(moment: datetime | None) -> str | None:
    return moment.strftime("%Y%m%dT%H%M%SZ") if moment else None


def _components(*values: str | None) -> str:
    return ";".join(escape(v or "") for v in values)


def card(data: CardData, profile: Profile) -> str:
    """One vCard, CRLF line ends, folded, ending with CRLF."""
    v4 = profile is Profile.V4
    charset = profile is Profile.OUTLOOK
    lines: list[str] = []

    def add(name: str, value: str, params: str = "") -> None:
        value = without_controls(value)  # UID and URL are not escaped; rows may predate cleaning
        if charset and not value.isascii():
            params += ";CHARSET=UTF-8"
        lines.append(fold(f"{name}{params}:{value}"))

    lines.append("BEGIN:VCARD")
    lines.append("VERSION:4.0" if v4 else "VERSION:3.0")
    lines.append(f"PRODID:{PRODID}")
    if v4:
        lines.append("KIND:individual")
    add("UID", f"urn:uuid:{data.uid}" if v4 else data.uid)
    prefixes = ",".join(escape(p) for p in (data.salutation, data.title) if p)
    add("N", ";".join((escape(data.family_name or ""), escape(data.given_name or ""),
                       escape(data.middle_name or ""), prefixes,
                       escape(data.name_suffix or ""))))
    add("FN", escape(data.display_name or data.organisation or ""))
    if data.organisation or data.department:
        add("ORG", _components(data.organisation, data.department))
    if data.function:
        add("TITLE", escape(data.function))
    for address, kind in data.emails:
        if v4:
            types = _EMAIL_TYPES_4.get(kind, "")
            add("EMAIL", escape(address), f";TYPE={types}" if types else "")
        else:
            add("EMAIL", escape(address), f";TYPE={_EMAIL_TYPES_3.get(kind, 'INTERNET')}")
    for e164, raw, kind in data.phones:
        if v4:
            value = _phone_text(e164, True) if e164 else escape(raw)
            value_type = ";VALUE=uri" if e164 else ""
            add("TEL", value, f"{value_type};TYPE={_TEL_TYPES_4.get(kind, 'voice')}")
        else:
            value = _phone_text(e164, False) if e164 else raw
            add("TEL", escape(value), f";TYPE={_TEL_TYPES_3.get(kind, 'VOICE')}")
    if any((data.street, data.postal_code, data.city, data.country)):
        add("ADR", _components("", "", data.street, data.city, "", data.postal_code,
                               data.country), ";TYPE=work" if v4 else ";TYPE=WORK")
    if data.website:
        url = data.website if "://" in data.website else f"https://{data.website}"
        add("URL", url)  # a URI: not TEXT-escaped
    if data.categories:
        add("CATEGORIES", ",".join(escape(c) for c in data.categories))
    if data.notes:
        add("NOTE", escape(data.notes))
    rev = _rev(data.updated_at)
    if rev:
        lines.append(f"REV:{rev}")
    lines.append("END:VCARD")
    return CRLF.join(lines) + CRLF
