"""When one email address belongs to several people (info@, office@, an assistant's mailbox).

Importers match a row or card to a person by email first. An address shared by colleagues would
then merge different people into one, so an email match only counts when the names do not clearly
disagree. Both importers (spreadsheet and vCard) ask this one rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from defence_dir.search.folding import words

T = TypeVar("T")


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

    __slots__ = ("by_name", "first")

    def __init__(self, first: T) -> None:
        self.first = first  # the earliest holder: named in a shared-address warning
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
                if not names_disagree(other_given, other_family, given, family):
                    return holder
        return None


class DirectoryAddresses:
    """The directory's email addresses for an importer: each one's first holder (in the order
    added), and for the few that several persons hold (info@) all of them, by name part."""

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

    def holder(self, address: str, given: str | None,
               family: str | None) -> tuple[int | None, int | None]:
        """(the holder these names may be, else None; the address's first holder, None when
        nobody holds it)."""
        first = self.first.get(address)
        if first is None:
            return None, None
        holders = self.shared.get(address)
        if holders is not None:
            return holders.same_person(given, family), first
        return (None if names_disagree(*self._names(first), given, family) else first), first
