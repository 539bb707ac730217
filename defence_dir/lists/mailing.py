"""Mailings: the recipients of a list or an event as a mail-merge .xlsx, or one line for BCC."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from defence_dir.data.models import Attendance, ListMembership, MembershipStatus, Person
from defence_dir.i18n import N_, _
from defence_dir.lists.consent import STATUS_LABELS, get_event_by_name, get_list_by_name
from defence_dir.records.directory import person_load_options, person_sort_key
from defence_dir.text.xlsx_cells import write_text_sheets

# Column headers a German mail merge expects, in this order.
MAIL_MERGE_COLUMNS = (N_("Salutation"), N_("Title"), N_("Given name"), N_("Family name"),
                      N_("Function"), N_("Organisation"), N_("Email"), N_("Status"))

@dataclass(frozen=True)
class Recipient:
    person: Person
    status: str

    @property
    def email(self) -> str | None:
        return self.person.emails[0].address if self.person.emails else None


def recipients(session: Session, *, list_name: str | None = None,
               event_name: str | None = None) -> list[Recipient]:
    """Everyone on the list (any status) or registered for the event, alphabetically."""
    if (list_name is None) == (event_name is None):
        raise ValueError("exactly one of list_name and event_name")
    if list_name is not None:
        owner_id = get_list_by_name(session, list_name).id
        statement = (select(Person, ListMembership.status).join(ListMembership)
                     .where(ListMembership.list_id == owner_id))
    else:
        owner_id = get_event_by_name(session, event_name or "").id
        statement = (select(Person, Attendance.status).join(Attendance)
                     .where(Attendance.event_id == owner_id))
    rows = session.execute(statement.options(*person_load_options())).all()
    found = [Recipient(person, status) for person, status in rows]
    return sorted(found, key=lambda r: person_sort_key(r.person))


def mail_merge_rows(found: list[Recipient]) -> Iterator[list[str | None]]:
    for r in found:
        p = r.person
        yield [
            p.salutation, p.title, " ".join(x for x in (p.given_name, p.middle_name) if x),
            p.family_name, p.function, p.organisation.name if p.organisation else None,
            r.email, _(STATUS_LABELS.get(r.status, r.status)),
        ]


def write_mail_merge_xlsx(found: list[Recipient], path: Path) -> int:
    """Write the recipients as an .xlsx with one header row (values as inert text)."""
    write_text_sheets(path, [(_("Recipients"), [_(c) for c in MAIL_MERGE_COLUMNS],
                              mail_merge_rows(found))])
    return len(found)


@dataclass(frozen=True)
class EmailLine:
    line: str
    included: int
    left_out_unsubscribed: int
    left_out_invalid: int

    @property
    def left_out(self) -> int:
        return self.left_out_unsubscribed + self.left_out_invalid


EXCLUDED_STATUSES = {MembershipStatus.UNSUBSCRIBED.value, "cancelled"}


def email_line(found: list[Recipient], separator: str = ", ") -> EmailLine:
    """The addresses for a BCC field, without unsubscribed (or cancelled) persons and invalid or
    missing addresses; each address once."""
    addresses: dict[str, str] = {}
    unsubscribed = invalid = 0
    for r in found:
        if r.status in EXCLUDED_STATUSES:
            unsubscribed += 1
            continue
        if r.email is None or not _deliverable_syntax(r.email):
            invalid += 1
            continue
        addresses.setdefault(r.email.casefold(), r.email)
    return EmailLine(separator.join(addresses.values()), len(addresses), unsubscribed, invalid)


def _deliverable_syntax(address: str) -> bool:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True
