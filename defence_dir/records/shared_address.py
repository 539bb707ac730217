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
from typing import Generic, TypeVar

from defence_dir.text.folding import words

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


_SAME, _MAYBE, _DIFFERENT = "same", "maybe", "different"


def _verdict(given_a: str | None, family_a: str | None,
             given_b: str | None, family_b: str | None) -> str:
    """`names_same` (_SAME), else `names_disagree` (_DIFFERENT), else _MAYBE, in one pass."""
    a = (_folded(given_a), _folded(family_a))
    b = (_folded(given_b), _folded(family_b))
    if not all((*a, *b)):
        return _MAYBE
    if a == b or a == (b[1], b[0]):
        return _SAME
    return _DIFFERENT if a[0] != b[0] and a[1] != b[1] else _MAYBE


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

    __slots__ = ("_by_name", "_pending", "_role", "address", "first")

    def __init__(self, first: T, address: str | None = None) -> None:
        self.first = first  # the earliest holder: named in a shared-address warning
        self.address = address  # given by a file's rows or cards: a role's is stricter
        self._role: bool | None = None
        # Folded name part -> (holder, its folded (given, family) or () if a part is missing).
        self._by_name: dict[str, list[tuple[T, tuple[str, ...]]]] = {}
        # Holders not yet folded: most addresses of a file are never looked up again, and
        # folding every card's names here cost a sixth of planning 100,000 cards.
        self._pending: list[tuple[T, str | None, str | None]] = []

    def add(self, holder: T, given: str | None, family: str | None) -> None:
        self._pending.append((holder, given, family))

    @property
    def by_name(self) -> dict[str, list[tuple[T, tuple[str, ...]]]]:
        for holder, given, family in self._pending:
            keys = name_keys(given, family)
            for key in keys or ("",):
                self._by_name.setdefault(key, []).append((holder, keys))
        self._pending.clear()
        return self._by_name

    def same_person(self, given: str | None, family: str | None) -> T | None:
        """A holder whose names do not disagree with these (the earliest in its bucket); of
        a role address, with two full names, only one whose names are the same."""
        keys = name_keys(given, family)
        if not keys:
            return self.first  # a missing name part cannot tell two people apart
        if self._role is None:  # asked only of an address seen again
            self._role = self.address is not None and is_role_address(self.address)
        swapped, by_name = (keys[1], keys[0]), self.by_name
        for key in (*keys, ""):
            for holder, other in by_name.get(key, ()):
                if not other:
                    return holder  # a missing part: may be them
                if other in (keys, swapped):
                    return holder
                # Not clearly different (`names_disagree`); at a role address (info@) two full
                # names are one person only when they are the same.
                if not self._role and (other[0] == keys[0] or other[1] == keys[1]):
                    return holder
        return None

    def fitting(self, given: str | None,
                family: str | None) -> tuple[list[T], list[T], bool]:
        """(every holder these names may be: whose names do not disagree, all of them when a
        part is missing; those of them whose names are the same; whether the ones they may
        be are all namesakes of each other), in one pass."""
        keys = name_keys(given, family)
        if not keys:
            return list(dict.fromkeys(holder for bucket in self.by_name.values()
                                      for holder, _other in bucket)), [], False
        swapped, by_name = (keys[1], keys[0]), self.by_name
        found: dict[T, tuple[str, ...]] = {}
        same: dict[T, None] = {}
        for key in (*keys, ""):
            for holder, other in by_name.get(key, ()):
                if not other or other[0] == keys[0] or other[1] == keys[1]:
                    found[holder] = other
                if other in (keys, swapped):
                    found[holder], same[holder] = other, None
        names = set(found.values())
        return list(found), list(same), len(names) == 1 and () not in names


# What an email address says about who a row or card is: (the holder these names are, None
# when none or not certain which; the address's first holder, None when nobody holds it; with
# a holder: its namesakes at the address, without: every holder the names fit when they fit
# several, none of them picked). A plain tuple: planning 100,000 cards asks for one per
# address.
AddressMatch = tuple[int | None, int | None, tuple[int, ...]]
_NOBODY: AddressMatch = (None, None, ())


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
        the one whose names are the same (the first by id of namesakes; none when the names
        fit several without being theirs)."""
        first = self.first.get(address)
        if first is None:
            return _NOBODY
        holders = self.shared.get(address)
        if holders is None:
            # One folding of each name; the role check only when the names neither are
            # the same nor clearly differ (a typo, a missing part): planning 100,000 cards
            # asks this for every address.
            verdict = _verdict(*self._names(first), given, family)
            is_them = verdict is _SAME or (verdict is _MAYBE and not is_role_address(address))
            return (first if is_them else None), first, ()
        found, same, namesakes = holders.fitting(given, family)
        if same or (namesakes and not is_role_address(address)):
            # Namesakes at one address: the same person entered twice, as far as anyone can
            # tell (a name that fits one of them fits all). The first by id, the others named
            # to the user.
            picked = sorted(same or found)
            return picked[0], first, tuple(picked[1:])
        if len(found) > 1:
            return None, first, tuple(sorted(found))
        # At most one holder these names may be, and not by the same name: a typo, unless the
        # address is a role's.
        return (found[0] if found and not is_role_address(address) else None), first, ()
