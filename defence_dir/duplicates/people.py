"""The finder's view of a person: folded names, organisation keys, contact keys, completeness."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from defence_dir.records.shared_address import is_role_address
from defence_dir.text.folding import phonetic_code, words

# German mobile numbers (+49 15x/16x/17x); elsewhere the stored kind "cell" says it.
_MOBILE_PREFIXES = ("+4915", "+4916", "+4917")


def is_mobile(e164: str, kind: str | None) -> bool:
    return kind == "cell" or e164.startswith(_MOBILE_PREFIXES)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def email_key(address: str) -> str:
    """An address as the finder compares it: local part and domain case-insensitive in
    ASCII (as SQLite's lower() is, so a lookup in the database agrees on every backend)."""
    return address.strip().translate(_ASCII_LOWER)


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which made
# building 100,000 of them a third of the finder's time.
@dataclass(slots=True, eq=False)
class Candidate:
    """One person (or an import row's draft) as the finder compares it."""

    id: int
    given: str  # folded words, space-separated
    family: str
    given_words: tuple[str, ...]
    family_words: tuple[str, ...]
    title: str
    display: str  # given and family name as written, for reasons
    organisation_id: int | None
    organisation: str  # as written
    # The smallest id among organisations taken for one (short and long name, legal forms).
    org_group: int | None
    emails: tuple[str, ...]  # email_key of each
    phones: tuple[tuple[str, bool], ...]  # (E.164, is mobile)
    completeness: int

    @property
    def name_key(self) -> tuple[str, str]:
        """Folded (given, family) in sorted order: swapped names give the same key."""
        a, b = self.given, self.family
        return (a, b) if a <= b else (b, a)

    @property
    def sparse(self) -> bool:
        """No organisation and no way to reach them: only the name can tell who it is."""
        return self.org_group is None and not self.emails and not self.phones

    def personal_emails(self) -> set[str]:
        return {e for e in self.emails if not is_role_address(e)}

    def name_codes(self) -> list[tuple[str, str]]:
        """(Kölner Phonetik code of a name word, initial of the other name part) for each
        word of the given and the family name: what name blocks are keyed by, so a swapped
        pair shares its keys."""
        found: list[tuple[str, str]] = []
        for own, other in ((self.given_words, self.family_words),
                           (self.family_words, self.given_words)):
            initial = other[0][:1] if other else ""
            for word in own:
                code = phonetic_code(word) or word
                found.append((code, initial))
        return list(dict.fromkeys(found))


# Titles and salutations some exports put into the name fields ("Dr. Jürgen", "Herr Müller").
_NOT_NAMES = frozenset({"dr", "prof", "ing", "dipl", "med", "rer", "nat", "phil", "jur",
                        "herr", "frau", "mba", "msc", "bsc"})


@lru_cache(maxsize=100_000)
def _name_words(text: str | None) -> tuple[tuple[str, ...], str]:
    """The folded words of a name part without titles, and them joined."""
    found = tuple(w for w in words(text) if w not in _NOT_NAMES)
    return found, " ".join(found)


def build_candidate(person_id: int, *, title: str | None, given: str | None,
                    family: str | None, organisation_id: int | None, organisation: str | None,
                    org_group: int | None, emails: list[str],
                    phones: list[tuple[str, bool]], filled_fields: int) -> Candidate:
    (given_words, given_text), (family_words, family_text) = (_name_words(given),
                                                              _name_words(family))
    display = f"{given or ''} {family or ''}".strip()
    # Most persons have one address and one number: no set needed then.
    unique_phones = tuple(phones) if len(phones) < 2 else tuple(dict.fromkeys(phones))
    keys = [email_key(e) for e in emails]
    unique_emails = tuple(keys) if len(keys) < 2 else tuple(dict.fromkeys(keys))
    return Candidate(
        id=person_id, given=given_text, family=family_text,
        given_words=given_words, family_words=family_words, title=(title or "").strip(),
        display=display, organisation_id=organisation_id, organisation=organisation or "",
        org_group=org_group, emails=unique_emails, phones=unique_phones,
        completeness=filled_fields + len(unique_emails) + len(unique_phones))
