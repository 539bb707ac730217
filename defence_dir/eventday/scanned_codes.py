"""What a scanner typed: the UID in a badge's vCard (however its lines came through) or a bare
UID, as candidates to look up."""

from __future__ import annotations

import re

_UUID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
                   r"[0-9a-fA-F]{12}")
# "UID:" or "UID;VALUE=text:", looked for anywhere: a scanner may have dropped the line ends.
_UID_PROPERTY = re.compile(r"UID(?:;[^:\r\n]*)?:", re.IGNORECASE)
# Properties that follow the UID in a card; where line ends were lost, the UID runs into one.
_NEXT_PROPERTY = re.compile(
    r"(?:N|FN|ORG|TITLE|EMAIL|TEL|ADR|URL|NOTE|CATEGORIES|REV|END|PRODID|VERSION|KIND)"
    r"[;:]")
_URN = re.compile(r"^urn:uuid:", re.IGNORECASE)
# A scanner set to a US keyboard typing into a German one: ":" arrives as "Ö", "-" as "ß",
# y and z swapped. Undone when the text shows it.
_US_ON_GERMAN = str.maketrans({"Ö": ":", "ö": ";", "ß": "-", "z": "y", "y": "z",
                               "Z": "Y", "Y": "Z"})


def looks_like_card(text: str) -> bool:
    return "BEGIN:VCARD" in text.upper() or _UID_PROPERTY.search(text) is not None


def uid_candidates(text: str) -> list[str]:
    """The UIDs this scan may hold, most likely first (empty: no code, perhaps a name)."""
    text = text.strip().replace("\x00", "")
    if not text:
        return []
    found = _candidates(text)
    if "UIDÖ" in text.upper() or "ß" in text:
        found.extend(_candidates(text.translate(_US_ON_GERMAN)))
    return list(dict.fromkeys(found))


def _candidates(text: str) -> list[str]:
    found: list[str] = []
    for match in _UID_PROPERTY.finditer(text):
        rest = text[match.end():]
        value = re.split(r"[\r\n]", rest, maxsplit=1)[0].strip()
        found.extend(_values(value))
    if not found and not looks_like_card(text) and not any(c.isspace() for c in text):
        found.extend(_values(text))  # a bare UID
    if not found:
        found.extend(m.group(0) for m in _UUID.finditer(text))  # a UUID anywhere
    return found


def _values(value: str) -> list[str]:
    """The value itself, its UUID, and the value cut where a following property begins."""
    value = _URN.sub("", value)
    values = [value]
    uuid = _UUID.match(value)
    if uuid:
        values.insert(0, uuid.group(0))
    for match in _NEXT_PROPERTY.finditer(value):
        if match.start() > 0:
            values.append(value[:match.start()])
    return [v for v in values if v]


# Words of an academic title as typed before a name ("Prof. Dr.-Ing.", "Dipl.-Kfm."): the
# search does not index titles, so a name typed with one would match nobody.
_TITLE_WORD = re.compile(r"^(?:[^\W\d_]{1,5}\.)(?:-?[^\W\d_]{1,5}\.?)*$|^(?:dr|prof|mag)$",
                         re.IGNORECASE)


def without_titles(text: str) -> str:
    """The typed name without its academic title words (unless nothing else is left)."""
    words = text.split()
    kept = [w for w in words if not _TITLE_WORD.match(w)]
    return " ".join(kept) if kept else text
