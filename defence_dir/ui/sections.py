"""The six sections of the window and what their tables show."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from defence_dir.ui.table_models import Column


@dataclass(frozen=True)
class Section:
    key: str  # "persons", …
    kind: str  # record kind shown: "person", "organisation", … "list"
    label: str  # English source text, translated in the "Sections" context
    columns: tuple[Column, ...]
    searched: bool  # True: rows come from the search service (filters apply)

    def title(self) -> str:
        return QCoreApplication.translate("Sections", self.label)


def _labels_for_lupdate() -> None:
    QCoreApplication.translate("Sections", "Persons")
    QCoreApplication.translate("Sections", "Organisations")
    QCoreApplication.translate("Sections", "Networks")
    QCoreApplication.translate("Sections", "Technology fields")
    QCoreApplication.translate("Sections", "Events")
    QCoreApplication.translate("Sections", "Distribution lists")


FOUND_IN = Column("Found in", "matched", 110)
SECTIONS: tuple[Section, ...] = (
    Section("persons", "person", "Persons", (
        Column("Name", "display_name", 180), FOUND_IN, Column("Networks", "networks", 100),
        Column("Organisation", "organisation", 130), Column("Email", "email", 200),
        Column("Phone", "phone", 130), Column("Function", "function", 150)), True),
    Section("organisations", "organisation", "Organisations", (
        Column("Name", "name", 280), FOUND_IN, Column("Kind", "kind", 150),
        Column("City", "city", 160), Column("Persons", "persons", 80)), True),
    Section("networks", "network", "Networks", (
        Column("Name", "name", 200), FOUND_IN, Column("Contact persons", "contacts", 120),
        Column("Technology fields", "topics", 360)), True),
    Section("topics", "topic", "Technology fields", (
        Column("Name", "name", 260), Column("Description", "description", 400)), False),
    Section("events", "event", "Events", (
        Column("Name", "name", 420), Column("Date", "starts_on", 110),
        Column("City", "city", 140), Column("Registered", "registered", 100),
        Column("Attended", "attended", 100)), False),
    Section("lists", "list", "Distribution lists", (
        Column("Name", "name", 260), Column("Description", "description", 300),
        Column("Subscribed", "subscribed", 100), Column("Unsubscribed", "unsubscribed", 110)),
        False),
)
SECTION_OF_KIND = {section.kind: section for section in SECTIONS}
