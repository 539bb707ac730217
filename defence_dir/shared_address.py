"""When one email address belongs to several people (info@, office@, an assistant's mailbox).

Importers match a row or card to a person by email first. An address shared by colleagues would
then merge different people into one, so an email match only counts when the names do not clearly
disagree. An address several persons of the directory hold, or a role address (info@, kontakt@,
office@ ...), is stricter: it matches only the one holder whose names are the same; when the
names cannot tell which holder it is, it matches none (the importer says so). Both importers
(spreadsheet and vCard) ask this one rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

from defence_dir.search.folding import words

T = TypeVar("T")

# Mailboxes of a function rather than of a person, as German and English organisations name
# them; also with a suffix ("info.duesseldorf@", "kontakt-nrw@").
_ROLE_ADDRESS = re.compile(
    r"(?:info|infos|kontakt|contact|office|buero|büro|mail|post|poststelle|service|support|"
    r"sekretariat|secretary|empfang|reception|zentrale|verwaltung|team|hallo|hello|admin|"
    r"vertrieb|sales|presse|press|marketing|anfrage|anfragen|events?|veranstaltungen?|"
    r"noreply|no-reply|newsletter|bewerbung|jobs|karriere|personal|hr|buchhaltung|rechnung|"
    r"einkauf|geschaeftsstelle|geschäftsstelle|mitglieder|members)(?:[._-][^@]*)?@",
    re.IGNORECASE)


def is_role_address(address: str) -> bool:
    """Whether an address names a function (info@, kontakt@, office@ ...), not a person."""
    return _ROLE_ADDRESS.match(address) is not None


def _folded(name: str | None) -> str:
    return " ".join(words(name))


def names_disagree(given_a: str | None, family_a: str | None,
                   given_b: str | None, family_b: str | None) -> bool:
    """Whether two persons with the same address are clearly different people: both given and
    both family names known, and each differs after folding ("Jürgen"/"Juergen" agree). A name
    entered the other way round ("Müller Jürgen" vs "Jürgen Müller") is the same person."""
    a = (_folded(given_a), _folded(family_a))
    b = (_folded(given_b), _folded(family_b))
    if not all((*a, *b)):
        return False  # a missing part cannot tell two people apart
    return a[0] != b[0] and a[1] != b[1] and a != (b[1], b[0])


def names_same(given_a: str | None, family_a: str | None,
               given_b: str | None, family_b: str | None) -> bool:
    """Whether both names are known and the same after folding (or swapped): what tells one
    holder of a shared address from the others."""
    a, b = name_keys(given_a, family_a), name_keys(given_b, family_b)
    return bool(a) and bool(b) and (a == b or a == (b[1], b[0]))


def name_keys(given: str | None, family: str | None) -> tuple[str, ...]:
    """The folded given and family name, as `names_disagree` compares them; () if one is
    missing (then nobody can be told apart)."""
    folded = (_folded(given), _folded(family))
    return folded if all(folded) else ()


class AddressHolders(Generic[T]):
    """Who holds one address (rows or cards of a file, persons of the directory), found again
    by folded name part: thousands of colleagues at one info@ are not compared pairwise.

    Two holders can only agree by sharing a folded given or family name, or by missing a
    part (see `names_disagree`), so a lookup reads those few buckets alone."""

    __slots__ = ("by_name", "first", "role")

    def __init__(self, first: T, *, role: bool = False) -> None:
        self.first = first  # the earliest holder: named in a shared-address warning
        # A role address (info@): two full names are one person only when they are the same.
        self.role = role
        self.by_name: dict[str, list[tuple[T, str | None, str | None]]] = {}

    def add(self, holder: T, given: str | None, family: str | None) -> None:
        for key in name_keys(given, family) or ("",):
            self.by_name.setdefault(key, []).append((holder, given, family))

    def same_person(self, given: str | None, family: str | None) -> T | None:
        """A holder whose names do not disagree with these (the earliest in its bucket)."""
        keys = name_keys(given, family)
        if not keys:
            return self.first  # a missing name part cannot tell two people apart
        for key in (*keys, ""):
            for holder, other_given, other_family in self.by_name.get(key, ()):
                if self.role and key and not names_same(other_given, other_family, given,
                                                        family):
                    continue  # a colleague at info@, not the same person
                if not names_disagree(other_given, other_family, given, family):
                    return holder
        return None

    def candidates(self, given: str | None, family: str | None) -> list[T]:
        """Every holder these names may be: whose names do not disagree (all of them when a
        part is missing)."""
        keys = name_keys(given, family)
        if not keys:
            return list(dict.fromkeys(holder for bucket in self.by_name.values()
                                      for holder, _given, _family in bucket))
        found: dict[T, None] = {}
        for key in (*keys, ""):
            for holder, other_given, other_family in self.by_name.get(key, ()):
                if not names_disagree(other_given, other_family, given, family):
                    found[holder] = None
        return list(found)


class AddressMatch(NamedTuple):
    """What an email address says about who a row or card is."""

    person: int | None  # the holder these names are (None: none, or not certain which)
    first: int | None  # the address's first holder (None: nobody in the directory holds it)
    ambiguous: tuple[int, ...] = ()  # holders it may each be: none is picked


class DirectoryAddresses:
    """The directory's email addresses for an importer: each one's first holder (in the order
    added: callers add them in an explicit order, so every backend picks the same), and for the
    few that several persons hold (info@) all of them, by name part."""

    def __init__(self, names: Callable[[int], tuple[str | None, str | None]]) -> None:
        self._names = names  # person id -> (given, family)
        self.first: dict[str, int] = {}
        self.shared: dict[str, AddressHolders[int]] = {}
        self._shared_pairs: set[tuple[str, int]] = set()

    def add(self, address: str, person_id: int) -> None:
        """`address` folded as the importer looks it up."""
        first = self.first.setdefault(address, person_id)
        if first == person_id or (address, person_id) in self._shared_pairs:
            return
        holders = self.shared.get(address)
        if holders is None:
            holders = self.shared[address] = AddressHolders(first)
            holders.add(first, *self._names(first))
        holders.add(person_id, *self._names(person_id))
        self._shared_pairs.add((address, person_id))

    def holder(self, address: str, given: str | None, family: str | None) -> AddressMatch:
        """Who of the address's holders these names are. A sole holder of a personal address
        is it unless the names clearly disagree; of several holders or a role address, only
        the one whose names are the same (ambiguous when the names fit several)."""
        first = self.first.get(address)
        if first is None:
            return AddressMatch(None, None)
        holders = self.shared.get(address)
        role = is_role_address(address)
        if holders is None:
            is_them = names_same(*self._names(first), given, family) if role \
                else not names_disagree(*self._names(first), given, family)
            return AddressMatch(first if is_them else None, first)
        candidates = sorted(holders.candidates(given, family))
        same = [h for h in candidates if names_same(*self._names(h), given, family)]
        if len(same) == 1:
            return AddressMatch(same[0], first)
        if len(same) > 1 or len(candidates) > 1:
            return AddressMatch(None, first, tuple(same or candidates))
        # At most one holder these names may be, and not by the same name: a typo, unless the
        # address is a role's.
        return AddressMatch(candidates[0] if candidates and not role else None, first)
