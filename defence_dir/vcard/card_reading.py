"""A vCard's properties read into a person draft: the work per card before matching, which
for a large file runs in several processes (see parallel_reading)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from defence_dir.compact_pickle import pickled_by_fields
from defence_dir.errors import ValidationError
from defence_dir.i18n import _
from defence_dir.records.person_fields import PersonTexts, texts_of
from defence_dir.records.persons import EmailDraft, PersonDraft, PhoneDraft
from defence_dir.text.contact_values import phone_e164
from defence_dir.text.folding import words
from defence_dir.vcard.reader import Property, RawCard, card_size
from defence_dir.vcard.text import split_unescaped, unescape

SALUTATIONS = {"herr", "frau", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "hr.", "fr.", "divers"}


def _unescape(value: str) -> str:
    return unescape(value) if "\\" in value else value  # most values have no escapes


def _split(value: str, separator: str) -> list[str]:
    return split_unescaped(value, separator) if "\\" in value else value.split(separator)


def _text(card: RawCard, name: str) -> str | None:
    return _value(card.first(name))


def _value(prop: Property | None) -> str | None:
    value = _unescape(prop.value).strip() if prop else ""
    return value or None


def _split_prefixes(prefixes: list[str]) -> tuple[str | None, str | None]:
    salutation = [p for p in prefixes if p.casefold() in SALUTATIONS]
    titles = [p for p in prefixes if p.casefold() not in SALUTATIONS]
    return (" ".join(salutation) or None, " ".join(titles) or None)


@dataclass
class CardValues(PersonTexts):
    """Every field of a card as plain text, before any checking."""

    full_name: str | None = None
    organisation: str | None = None
    uid: str | None = None
    emails: list[tuple[str, str]] = field(default_factory=list)  # (address, kind)
    phones: list[tuple[str, str]] = field(default_factory=list)  # (number, kind)
    categories: list[str] = field(default_factory=list)


def card_values(card: RawCard) -> CardValues:
    # The card's properties by name in one pass (asking the card per name scanned it ten times).
    by_name: dict[str, list[Property]] = {}
    for prop in card.properties:
        by_name.setdefault(prop.name, []).append(prop)

    def first(name: str) -> Property | None:
        found = by_name.get(name)
        return found[0] if found else None

    values = CardValues(full_name=_value(first("FN")), function=_value(first("TITLE")),
                        notes=_value(first("NOTE")))
    n = first("N")
    if n is not None:
        parts = [_unescape(p).strip() for p in _split(n.value, ";")] + [""] * 5
        values.family_name = parts[0] or None
        values.given_name = parts[1] or None
        values.middle_name = parts[2] or None
        values.name_suffix = parts[4] or None
        raw_prefixes = _split(n.value, ";")
        prefixes = [_unescape(p).strip() for p in _split(
            raw_prefixes[3] if len(raw_prefixes) > 3 else "", ",") if p.strip()]
        values.salutation, values.title = _split_prefixes(prefixes)
    org = first("ORG")
    if org is not None:
        org_parts = [_unescape(p).strip() for p in _split(org.value, ";")]
        values.organisation = org_parts[0] or None
        values.department = org_parts[1] if len(org_parts) > 1 and org_parts[1] else None
    for prop in by_name.get("EMAIL", ()):
        address = _unescape(prop.value).strip()
        if address:
            values.emails.append((address, "home" if "HOME" in prop.types() else "work"))
    for prop in by_name.get("TEL", ()):
        number = _unescape(prop.value).strip()
        if number.lower().startswith("tel:"):
            number = number[4:]
        if number:
            types = prop.types()
            values.phones.append((number, "fax" if "FAX" in types else "cell" if "CELL" in types
                                  else "home" if "HOME" in types else "work"))
    for prop in by_name.get("CATEGORIES", ()):
        values.categories += [_unescape(c).strip() for c in _split(prop.value, ",")
                              if c.strip()]
    uid = _value(first("UID"))
    values.uid = uid[9:] if uid and uid.lower().startswith("urn:uuid:") else uid
    return values


def card_draft(card: RawCard, topics: dict[str, int],
               known_phones: Mapping[str, str] | None = None,
               ) -> tuple[PersonDraft, str | None, str | None]:
    """(draft, organisation name, UID) of a card; raises ValidationError if unusable.
    `known_phones` ({number as stored: its normal form}) spares parsing numbers the
    directory holds already (a re-imported export: parsing was half of planning)."""
    known_phones = known_phones or {}
    values = card_values(card)
    draft = PersonDraft(
        **texts_of(values),
        emails=[EmailDraft(address, kind) for address, kind in values.emails],
        # Each number parsed once here; its normal form travels on the draft.
        phones=[PhoneDraft(number, kind, known_phones.get(number) or phone_e164(number))
                for number, kind in values.phones])
    if not (draft.given_name or draft.family_name) and values.full_name:
        pieces = values.full_name.rsplit(" ", 1)
        draft.given_name, draft.family_name = (pieces[0], pieces[1]) if len(pieces) == 2 \
            else (None, pieces[0])
    for category in values.categories:
        topic_id = topics.get(" ".join(words(category)))
        if topic_id is not None and topic_id not in draft.topic_ids:
            draft.topic_ids.append(topic_id)
    # Numbers a phone cannot parse are kept in the notes rather than lost.
    unparsable = [p.raw for p in draft.phones if p.e164 is None]
    if unparsable:
        draft.phones = [p for p in draft.phones if p.e164 is not None]
        note = _("Phone numbers from the vCard that could not be read: {numbers}",
                 numbers=", ".join(unparsable))
        draft.notes = f"{draft.notes}\n{note}" if draft.notes else note
    return draft.validated(), values.organisation, values.uid  # raises the first problem


def card_name(card: RawCard) -> str | None:
    """What the preview calls a card: its FN, else the names of its N (many phones and
    Outlook write no FN), else its first address, else None (the caller names it by its number)."""
    full_name = _text(card, "FN")
    if full_name:
        return full_name
    values = card_values(card)
    named = " ".join(x for x in (values.title, values.given_name, values.family_name) if x)
    return named or (values.emails[0][0] if values.emails else None)


@pickled_by_fields
@dataclass(slots=True)
class ReadCard:
    """A card read and checked, not yet matched: what planning needs of it."""

    number: int  # in its piece of the file until the caller numbers it in the file
    name: str | None  # None: the card is called by its number
    size: int  # characters of text kept (for the file's limit)
    warnings: list[str]
    error: str | None = None  # why it cannot come in (the reader's or the check's reason)
    draft: PersonDraft | None = None
    organisation: str | None = None
    uid: str | None = None


def read_card(card: RawCard, topics: dict[str, int],
              known_phones: Mapping[str, str] | None = None) -> ReadCard:
    """Everything planning needs of one card, without the directory's persons."""
    read = ReadCard(card.number, card_name(card), card_size(card), list(card.warnings),
                    card.error)
    if read.error is None:
        try:
            read.draft, read.organisation, read.uid = card_draft(card, topics, known_phones)
        except ValidationError as exc:
            read.error = str(exc)
    return read
