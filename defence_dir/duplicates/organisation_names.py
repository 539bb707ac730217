"""Organisation names as the finder compares them: folded, without legal form, by acronym."""

from __future__ import annotations

import re
from functools import lru_cache

from defence_dir.text.folding import words

# Legal forms as folded word runs (folding splits "e.V." into "e v", "GmbH & Co. KG" into
# "gmbh co kg"); the longest first, so "gmbh co kg" goes before "gmbh" and "kg".
_LEGAL_FORMS = sorted((tuple(form.split()) for form in (
    "gmbh co kgaa", "gmbh co kg", "ag co kg", "se co kg", "ug haftungsbeschrankt co kg",
    "ug haftungsbeschrankt", "gmbh", "ggmbh", "mbh", "ag", "kgaa", "kg", "ohg", "gbr", "ug",
    "se", "e v", "ev", "e g", "eg", "ltd", "limited", "inc", "llc", "plc", "corp",
    "corporation", "co", "gesellschaft mit beschrankter haftung", "aktiengesellschaft",
    "sa", "sarl", "srl", "bv", "nv", "ab", "as", "oy", "spa", "sp z o o",
)), key=len, reverse=True)
# An acronym as written: two to six capitals (digits allowed after the first), e.g. "FKIE".
_ACRONYM = re.compile(r"\b[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5}\b")
_LEGAL_ACRONYMS = {"AG", "KG", "SE", "GMBH", "KGAA", "OHG", "GBR", "UG", "EV", "EG", "LTD",
                   "INC", "LLC", "PLC", "CO", "SA", "BV", "NV", "AB", "AS", "OY", "SPA"}


def strip_legal_form(folded: tuple[str, ...]) -> tuple[str, ...]:
    """The folded words without legal forms wherever they stand ("gmbh co kg", "e v"); a
    name of legal forms alone stays as it is."""
    result: list[str] = []
    index = 0
    while index < len(folded):
        for form in _LEGAL_FORMS:
            if folded[index:index + len(form)] == form:
                index += len(form)
                break
        else:
            result.append(folded[index])
            index += 1
    return tuple(result) or folded


@lru_cache(maxsize=50_000)
def organisation_keys(name: str) -> tuple[str, ...]:
    """The keys two names of one organisation share: the folded name without legal form
    ("Rheinmetall AG" and "Rheinmetall GmbH" -> "rheinmetall"), and where the name carries an
    acronym, the first word with the acronym ("Fraunhofer FKIE" and "Fraunhofer-Institut für
    Kommunikation, Informationsverarbeitung und Ergonomie FKIE" -> "fraunhofer fkie"; a name
    that is only an acronym, "DLR", and "Deutsches Zentrum für Luft- und Raumfahrt (DLR)"
    -> "dlr")."""
    folded = strip_legal_form(tuple(words(name)))
    if not folded:
        return ()
    keys = [" ".join(folded)]
    acronyms = [a for a in _ACRONYM.findall(name) if a.upper() not in _LEGAL_ACRONYMS]
    if acronyms:
        acronym = " ".join(words(acronyms[-1]))
        keys.append(acronym if folded[0] == acronym or "(" in name else
                    f"{folded[0]} {acronym}")
    return tuple(dict.fromkeys(keys))
