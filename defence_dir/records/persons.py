"""Creating, changing and deleting persons, with validation and a guard for concurrent edits.

Every writer (edit dialog, vCard and spreadsheet import) goes through `PersonDraft`, so a value is
checked and normalised the same way whichever way it came in.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from defence_dir.compact_pickle import pickled_by_fields
from defence_dir.data.models import (
    EmailAddress,
    EmailKind,
    Organisation,
    Person,
    PhoneKind,
    PhoneNumber,
    Topic,
)
from defence_dir.errors import DefenceDirError, NotFoundError, ValidationError
from defence_dir.i18n import N_, _
from defence_dir.records.person_fields import MULTILINE_FIELDS, TEXT_LABELS, PersonTexts, texts_of

# Re-exported: the search and the imports read the field names from here.
from defence_dir.records.person_fields import TEXT_FIELDS as TEXT_FIELDS
from defence_dir.text.contact_values import normalize_email, phone_e164
from defence_dir.text.plain import clean_text


class ConcurrentEditError(DefenceDirError):
    """The person was changed elsewhere since it was loaded; saving would overwrite that."""

    def __init__(self, person_id: int, expected: int, found: int | None) -> None:
        super().__init__(
            _("This person was changed elsewhere in the meantime (version {found}, "
              "expected {expected}).", found=found, expected=expected)
            if found is not None
            else _("This person was deleted elsewhere in the meantime.")
        )
        self.person_id = person_id
        self.expected = expected
        self.found = found


@pickled_by_fields
@dataclass(slots=True)
class EmailDraft:
    address: str
    kind: str = EmailKind.WORK.value


@pickled_by_fields
@dataclass(slots=True)
class PhoneDraft:
    raw: str
    kind: str = PhoneKind.WORK.value
    # The normal form where it is known already (stored, or parsed while cleaning an import):
    # parsing again cost time, caching 100,000 numbers 25 MB. Not part of the value.
    e164: str | None = field(default=None, compare=False, repr=False)

    def normal_form(self) -> str | None:
        return self.e164 or phone_e164(self.raw)


@pickled_by_fields
@dataclass(slots=True)
class PersonDraft(PersonTexts):
    """A person's editable values as plain data; `validated()` normalises them."""

    organisation_id: int | None = None
    emails: list[EmailDraft] = field(default_factory=list)
    phones: list[PhoneDraft] = field(default_factory=list)
    topic_ids: list[int] = field(default_factory=list)

    def problems(self) -> list[ValidationError]:
        """Every problem at once, so a dialog can mark all bad fields together."""
        found: list[ValidationError] = []
        if not (clean_text(self.given_name) or clean_text(self.family_name)):
            found.append(ValidationError(_("A person needs a given or a family name."),
                                         field="family_name"))
        for index, email in enumerate(self.emails):
            try:
                normalize_email(email.address)
            except ValidationError as exc:
                found.append(ValidationError(str(exc), field=f"emails.{index}"))
            if email.kind not in EmailKind.__members__.values():
                found.append(ValidationError(_("Unknown email type “{kind}”.", kind=email.kind),
                                             field=f"emails.{index}"))
        for index, phone in enumerate(self.phones):
            if phone.normal_form() is None:
                found.append(ValidationError(
                    _("“{number}” is not a valid phone number.", number=phone.raw.strip()),
                    field=f"phones.{index}"))
            if phone.kind not in PhoneKind.__members__.values():
                found.append(ValidationError(_("Unknown phone type “{kind}”.", kind=phone.kind),
                                             field=f"phones.{index}"))
        seen: set[str] = set()
        for index, email in enumerate(self.emails):
            key = email.address.strip().casefold()
            if key in seen:
                found.append(ValidationError(
                    _("The email address “{address}” is listed twice.", address=email.address),
                    field=f"emails.{index}"))
            seen.add(key)
        return found

    def validated(self) -> PersonDraft:
        """A copy with trimmed texts, normalised emails and phones; raises on the first problem."""
        problems = self.problems()
        if problems:
            raise problems[0]
        texts: dict[str, Any] = {
            name: clean_text(getattr(self, name), multiline=name in MULTILINE_FIELDS)
            for name in TEXT_FIELDS}
        return replace(
            self,
            **texts,
            emails=[EmailDraft(normalize_email(e.address), e.kind) for e in self.emails],
            phones=[PhoneDraft(p.raw.strip(), p.kind, p.e164) for p in self.phones],
        )


def draft_of(person: Person) -> PersonDraft:
    return PersonDraft(
        **texts_of(person),
        organisation_id=person.organisation_id,
        emails=[EmailDraft(e.address, e.kind) for e in person.emails],
        phones=[PhoneDraft(p.raw, p.kind, p.e164) for p in person.phones],
        topic_ids=[t.id for t in person.topics],
    )


_texts = attrgetter(*TEXT_FIELDS)


def merge_drafts(existing: PersonDraft, incoming: PersonDraft, *, overwrite: bool) -> PersonDraft:
    """What an import makes of a person it found again: texts from `incoming` fill empty
    fields (or replace them with `overwrite`); emails, phones and topics are added, never
    removed. The organisation is the caller's to decide."""
    # Positional (the text fields, then organisation_id and the lists): dataclasses.replace
    # and a setattr per field were most of comparing 100,000 re-imported vCards.
    values: list[Any] = [new if new and (overwrite or not old) else old
                         for old, new in zip(_texts(existing), _texts(incoming), strict=True)]
    values += [existing.organisation_id, list(existing.emails), list(existing.phones),
               list(existing.topic_ids)]
    merged = PersonDraft(*values)
    known_emails = {e.address.casefold() for e in merged.emails}
    merged.emails += [e for e in incoming.emails if e.address.casefold() not in known_emails]
    known_phones = {p.normal_form() or p.raw for p in merged.phones}
    merged.phones += [p for p in incoming.phones
                      if (p.normal_form() or p.raw) not in known_phones]
    merged.topic_ids += [t for t in incoming.topic_ids if t not in merged.topic_ids]
    return merged


def _apply(session: Session, person: Person, draft: PersonDraft) -> bool:
    """Copy `draft` onto `person`; returns whether a related list (emails, phones, topics) changed.

    Those changes do not update the person's own row, which is what bumps its version.
    """
    related_changed = False
    for name in TEXT_FIELDS:
        setattr(person, name, getattr(draft, name))
    org_id = draft.organisation_id
    if org_id is not None and session.get(Organisation, org_id) is None:
        raise NotFoundError(_("The organisation no longer exists."))
    person.organisation_id = draft.organisation_id
    # Replace the lists only where they changed, so an unchanged edit writes nothing.
    emails = [(e.address, e.kind) for e in draft.emails]
    if [(e.address, e.kind) for e in person.emails] != emails:
        # Keep the rows of addresses that stay (a new row for a kept address would collide
        # with the old one under the unique constraint before the old one is deleted).
        current = {e.address: e for e in person.emails}
        kept = []
        for position, (address, kind) in enumerate(emails):
            row = current.pop(address, None) or EmailAddress(address=address)
            row.kind, row.position = kind, position
            kept.append(row)
        person.emails = kept
        related_changed = True
    phones = [(p.raw, p.kind) for p in draft.phones]
    if [(p.raw, p.kind) for p in person.phones] != phones:
        current_phones: dict[str, list[PhoneNumber]] = {}
        for phone in person.phones:
            current_phones.setdefault(phone.raw, []).append(phone)
        kept_phones = []
        for position, (raw, kind) in enumerate(phones):
            reused = current_phones.get(raw)
            phone_row = reused.pop(0) if reused else PhoneNumber(raw=raw, e164=phone_e164(raw))
            phone_row.kind, phone_row.position = kind, position
            kept_phones.append(phone_row)
        person.phones = kept_phones
        related_changed = True
    if sorted(t.id for t in person.topics) != sorted(draft.topic_ids):
        topics = session.scalars(select(Topic).where(Topic.id.in_(draft.topic_ids))).all()
        person.topics = list(topics)
        related_changed = True
    return related_changed


def create_person(session: Session, draft: PersonDraft,
                  import_batch_id: int | None = None) -> Person:
    clean = draft.validated()
    person = Person(import_batch_id=import_batch_id)
    session.add(person)
    _apply(session, person, clean)
    session.flush()
    return person


def update_person(session: Session, person_id: int, draft: PersonDraft,
                  expected_version: int, *, validate: bool = True) -> Person:
    """Save `draft` over the person unless someone else saved since `expected_version`.

    `validate=False` is for putting back values that were stored before (an undo): they are
    restored as they were, even where today's checks would refuse them."""
    clean = draft.validated() if validate else draft
    person = session.get(Person, person_id, populate_existing=True)
    if person is None:
        raise ConcurrentEditError(person_id, expected_version, None)
    if person.version != expected_version:
        raise ConcurrentEditError(person_id, expected_version, person.version)
    try:  # _apply's queries autoflush: the versioned UPDATE may already go out there
        if _apply(session, person, clean) and not session.is_modified(person):
            person.updated_at = datetime.now(UTC).replace(tzinfo=None)  # bumps the version
        session.flush()
    except StaleDataError as exc:
        raise ConcurrentEditError(person_id, expected_version,
                                  _committed_version(session, person_id)) from exc
    return person


def _committed_version(session: Session, person_id: int) -> int | None:
    """The person's version as committed (None: deleted), read on a connection of its own:
    this session's transaction failed, so the user can still be offered to overwrite."""
    with session.get_bind().engine.connect() as connection:
        return connection.execute(select(Person.version).where(Person.id == person_id)
                                  ).scalar()


def delete_person(session: Session, person_id: int) -> None:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("The person no longer exists."))
    session.delete(person)
    session.flush()


def get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("The person no longer exists."))
    return person


# What a user reads for a field name in previews and reports (translated where shown).
FIELD_LABELS = {
    **TEXT_LABELS,
    "organisation": N_("Organisation"), "organisation_id": N_("Organisation"),
    "emails": N_("Email addresses"), "phones": N_("Phone numbers"),
    "topic_ids": N_("Technology fields"),
}


def field_label(field_name: str) -> str:
    return _(FIELD_LABELS[field_name]) if field_name in FIELD_LABELS else field_name
