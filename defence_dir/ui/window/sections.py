"""The six sections of the window and what their tables show."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from defence_dir.ui.common.translation_marks import QT_TRANSLATE_NOOP
from defence_dir.ui.window.table_models import Column


@dataclass(frozen=True)
class Section:
    key: str  # "persons", …
    kind: str  # record kind shown: "person", "organisation", … "list"
    label: str  # English source text, translated in the "Sections" context
    columns: tuple[Column, ...]
    searched: bool  # True: rows come from the search service (filters apply)

    def title(self) -> str:
        return QCoreApplication.translate("Sections", self.label)


# QT_TRANSLATE_NOOP marks the texts for lupdate; they are translated where shown.
FOUND_IN = Column(QT_TRANSLATE_NOOP("Columns", "Found in"), "matched", 110)
SECTIONS: tuple[Section, ...] = (
    Section("persons", "person", QT_TRANSLATE_NOOP("Sections", "Persons"), (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), "display_name", 180), FOUND_IN,
        Column(QT_TRANSLATE_NOOP("Columns", "Networks"), "networks", 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Organisation"), "organisation", 130),
        Column(QT_TRANSLATE_NOOP("Columns", "Email"), "email", 200),
        Column(QT_TRANSLATE_NOOP("Columns", "Phone"), "phone", 130),
        Column(QT_TRANSLATE_NOOP("Columns", "Function"), "function", 150)), True),
    Section("organisations", "organisation", QT_TRANSLATE_NOOP("Sections", "Organisations"), (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), "name", 280), FOUND_IN,
        Column(QT_TRANSLATE_NOOP("Columns", "Kind"), "kind", 150),
        Column(QT_TRANSLATE_NOOP("Columns", "City"), "city", 160),
        Column(QT_TRANSLATE_NOOP("Columns", "Persons"), "persons", 80)), True),
    Section("networks", "network", QT_TRANSLATE_NOOP("Sections", "Networks"), (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), "name", 200), FOUND_IN,
        Column(QT_TRANSLATE_NOOP("Columns", "Contact persons"), "contacts", 120),
        Column(QT_TRANSLATE_NOOP("Columns", "Technology fields"), "topics", 360)), True),
    Section("topics", "topic", QT_TRANSLATE_NOOP("Sections", "Technology fields"), (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), "name", 260),
        Column(QT_TRANSLATE_NOOP("Columns", "Description"), "description", 400)), False),
    Section("events", "event", QT_TRANSLATE_NOOP("Sections", "Events"), (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), "name", 420),
        Column(QT_TRANSLATE_NOOP("Columns", "Date"), "starts_on", 110),
        Column(QT_TRANSLATE_NOOP("Columns", "City"), "city", 140),
        Column(QT_TRANSLATE_NOOP("Columns", "Registered"), "registered", 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Attended"), "attended", 100)), False),
    Section("lists", "list", QT_TRANSLATE_NOOP("Sections", "Distribution lists"), (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), "name", 260),
        Column(QT_TRANSLATE_NOOP("Columns", "Description"), "description", 300),
        Column(QT_TRANSLATE_NOOP("Columns", "Subscribed"), "subscribed", 100),
        Column(QT_TRANSLATE_NOOP("Columns", "Unsubscribed"), "unsubscribed", 110)), False),
)
SECTION_OF_KIND = {section.kind: section for section in SECTIONS}
