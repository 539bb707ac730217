"""A person's own text fields, declared once for drafts, vCards and directory records."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from defence_dir.i18n import N_


def _text(label: str, *, name_part: bool = False, multiline: bool = False) -> Any:
    """A text field (None: empty) with what derives from it: its label for the user, whether
    it is part of the name, whether it keeps line breaks."""
    return field(default=None,
                 metadata={"label": label, "name_part": name_part, "multiline": multiline})


@dataclass(slots=True)
class PersonTexts:
    """A person's own texts; PersonDraft, the vCard's CardValues and CardData extend it, so a
    new field is added here (and as a column of models.Person) and everything else follows."""

    salutation: str | None = _text(N_("Salutation"), name_part=True)
    title: str | None = _text(N_("Academic title"), name_part=True)
    given_name: str | None = _text(N_("Given name"), name_part=True)
    middle_name: str | None = _text(N_("Middle name"), name_part=True)
    family_name: str | None = _text(N_("Family name"), name_part=True)
    name_suffix: str | None = _text(N_("Name suffix"), name_part=True)
    function: str | None = _text(N_("Function"))
    department: str | None = _text(N_("Department"))
    notes: str | None = _text(N_("Notes"), multiline=True)


TEXT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(PersonTexts))
NAME_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(PersonTexts)
                                     if f.metadata["name_part"])
MULTILINE_FIELDS: frozenset[str] = frozenset(f.name for f in fields(PersonTexts)
                                             if f.metadata["multiline"])
TEXT_LABELS: dict[str, str] = {f.name: f.metadata["label"] for f in fields(PersonTexts)}


def texts_of(source: object) -> dict[str, Any]:
    """The text fields of anything that has them as attributes (an ORM Person, a row, a draft),
    as keyword arguments for a PersonTexts (values: str | None)."""
    return {name: getattr(source, name) for name in TEXT_FIELDS}
