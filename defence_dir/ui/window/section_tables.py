"""The table model of each section: searched sections load the rows in view, the small ones
(technology fields, events, lists) keep their records until data changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject

from defence_dir.data.database import Database
from defence_dir.records import browsing
from defence_dir.text.folding import words
from defence_dir.ui.vcard.drag_data import vcard_mime_data
from defence_dir.ui.window.person_drag import with_person_ids
from defence_dir.ui.window.sections import SECTIONS, Section
from defence_dir.ui.window.table_models import HitTableModel, RecordTableModel


class SectionTables(QObject):
    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._records_cache: dict[str, list[dict[str, Any]]] = {}
        loaders: dict[str, Callable[[Sequence[int]], dict[int, dict[str, str]]]] = {
            "person": lambda ids: browsing.person_rows(database, ids),
            "organisation": lambda ids: browsing.organisation_rows(database, ids),
            "network": lambda ids: browsing.network_rows(database, ids)}
        self.models: dict[str, HitTableModel | RecordTableModel] = {}
        for section in SECTIONS:
            model: HitTableModel | RecordTableModel
            if section.searched:
                model = HitTableModel(section.columns, loaders[section.kind])
                if section.kind == "person":  # drag persons out as .vcf, or onto a list
                    model.mime_factory = lambda ids: with_person_ids(
                        vcard_mime_data(database, ids), ids)
            else:
                model = RecordTableModel(section.columns)
            self.models[section.key] = model  # each sorts itself (a hit model: the search)

    def hit_model(self, section: Section) -> HitTableModel:
        model = self.models[section.key]
        assert isinstance(model, HitTableModel)
        return model

    def show_records(self, section: Section, query: str) -> int:
        """Fill a small section's table with its records that have words starting with each
        word of `query`; the number shown."""
        model = self.models[section.key]
        assert isinstance(model, RecordTableModel)
        records = self._records(section)
        wanted = words(query)
        if wanted:
            records = [r for r in records
                       if all(any(w.startswith(t) for w in words(
                           " ".join(str(v) for v in r.values() if isinstance(v, str))))
                              for t in wanted)]
        model.set_records(records)
        return len(records)

    def _records(self, section: Section) -> list[dict[str, Any]]:
        """Read once and kept until data changes (typing filters them in memory)."""
        cached = self._records_cache.get(section.key)
        if cached is None:
            cached = self._records_cache[section.key] = browsing.section_records(
                self.database, section.key)
        return cached

    def forget_records(self) -> None:
        """The small sections read their records again when next shown."""
        self._records_cache.clear()

    def forget_rows(self) -> None:
        """The searched sections load the rows in view again (a record changed)."""
        for model in self.models.values():
            if isinstance(model, HitTableModel):
                model.invalidate()
