"""When one email address belongs to several people (info@, office@, an assistant's mailbox).

Importers match a row or card to a person by email first. An address shared by colleagues would
then merge different people into one, so an email match only counts when the names do not clearly
disagree. Both importers (spreadsheet and vCard) ask this one rule.
"""

from __future__ import annotations

from defence_dir.search.folding import words


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
