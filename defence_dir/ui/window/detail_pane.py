"""The detail pane: every field of the selected record, links to related records, copy buttons.

Everything from the database is shown as plain text (labels with Qt.PlainText, button captions),
so a name like "<b>x</b>" appears literally.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from defence_dir.text.contact_values import format_phone_international
from defence_dir.ui.common.messages import plain_tooltip

LINK_WIDTH = 200  # pixels; longer link texts are elided


def plain_label(text: str, *, selectable: bool = True, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailPane(QScrollArea):
    """Shows one record; `navigate(kind, id)` asks the window to go to a linked record."""

    navigate = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(240)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.record: dict[str, Any] | None = None
        self.kind: str | None = None
        # A line under a person's name, e.g. "Possible duplicate: …" (set by the window).
        self.person_hint: Callable[[int], QWidget] | None = None
        self.show_empty()

    # --- building blocks ---------------------------------------------------------------------
    def _start(self) -> QVBoxLayout:
        body = QWidget()
        body.setObjectName("detailBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        self.setWidget(body)
        return layout

    def _title(self, layout: QVBoxLayout, text: str, subtitle: str = "") -> None:
        title = plain_label(text)
        title.setObjectName("detailTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        if subtitle:
            sub = plain_label(subtitle)
            sub.setObjectName("detailSubtitle")
            sub.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(sub)

    def _section(self, layout: QVBoxLayout, heading: str) -> None:
        layout.addSpacing(10)
        label = QLabel(heading)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setStyleSheet("color: palette(mid); text-transform: uppercase;")
        layout.addWidget(label)

    def _field(self, layout: QVBoxLayout, heading: str, value: str | None) -> None:
        if value:
            self._section(layout, heading)
            layout.addWidget(plain_label(value))

    def _link(self, layout: QVBoxLayout, text: str, kind: str, record_id: int,
              detail: str = "") -> None:
        row = QHBoxLayout()
        button = QPushButton()
        # A button does not wrap: a long event name would widen the whole pane beyond its
        # viewport and cut off every line. Elide it; the tooltip names it in full.
        button.setText(button.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                       LINK_WIDTH))
        button.setAccessibleName(text)
        button.setObjectName(f"link_{kind}_{record_id}")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet("QPushButton { color: palette(link); text-align: left; "
                             "padding: 1px 0; border: none; }"
                             "QPushButton:hover { text-decoration: underline; }")
        button.setToolTip(plain_tooltip(self.tr("Go to {name}").format(name=text)))
        button.clicked.connect(lambda: self.navigate.emit(kind, record_id))
        row.addWidget(button)
        if detail:
            row.addWidget(plain_label(detail, wrap=False))
        row.addStretch(1)
        layout.addLayout(row)

    def _contact(self, layout: QVBoxLayout, text: str, url: str, kind_label: str,
                 copy_value: str, object_name: str) -> None:
        """A value on its own line (it may be long), its kind and actions below it."""
        value = plain_label(text)
        value.setObjectName(object_name)
        layout.addWidget(value)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 4)
        if kind_label:
            hint = plain_label(kind_label, wrap=False, selectable=False)
            hint.setStyleSheet("color: palette(placeholder-text);")
            row.addWidget(hint)
        row.addStretch(1)
        open_button = QToolButton()
        open_button.setText(self.tr("Write") if url.startswith("mailto:") else
                            self.tr("Call") if url.startswith("tel:") else self.tr("Open"))
        open_button.setObjectName(f"{object_name}_open")
        open_button.setToolTip(plain_tooltip(url))
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(url)))
        copy_button = QToolButton()
        copy_button.setText(self.tr("Copy"))
        copy_button.setObjectName(f"{object_name}_copy")
        copy_button.setToolTip(plain_tooltip(self.tr("Copy {value}").format(value=copy_value)))
        copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(copy_value))
        row.addWidget(open_button)
        row.addWidget(copy_button)
        layout.addLayout(row)

    def _finish(self, layout: QVBoxLayout) -> None:
        layout.addStretch(1)

    # --- records ------------------------------------------------------------------------------
    def show_empty(self, text: str | None = None) -> None:
        self.record, self.kind = None, None
        layout = self._start()
        layout.addStretch(1)
        hint = plain_label(text or self.tr("Select an entry to see its details."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(hint)
        layout.addStretch(2)

    def show_record(self, kind: str, record: dict[str, Any] | None) -> None:
        if record is None:
            self.show_empty(self.tr("This entry no longer exists."))
            return
        self.record, self.kind = record, kind
        {"person": self._person, "organisation": self._organisation, "network": self._network,
         "topic": self._topic, "event": self._event, "list": self._list}[kind](record)

    def _person(self, p: dict[str, Any]) -> None:
        layout = self._start()
        subtitle = " · ".join(x for x in (p.get("function"), p.get("department")) if x)
        self._title(layout, p["display_name"], subtitle)
        if self.person_hint is not None and "id" in p:
            layout.addWidget(self.person_hint(p["id"]))
        if p.get("salutation"):
            layout.addWidget(plain_label(self.tr("Salutation: {value}").format(
                value=p["salutation"])))
        if p["organisation"]:
            self._section(layout, self.tr("Organisation"))
            self._link(layout, p["organisation"], "organisation", p["organisation_id"])
        if p["emails"]:
            self._section(layout, self.tr("Email"))
            for i, email in enumerate(p["emails"]):
                self._contact(layout, email["address"], f"mailto:{email['address']}",
                              self._kind_text(email["kind"]), email["address"], f"email_{i}")
        if p["phones"]:
            self._section(layout, self.tr("Phone"))
            for i, phone in enumerate(p["phones"]):
                shown = format_phone_international(phone["e164"]) if phone["e164"] \
                    else phone["raw"]
                dial = phone["e164"] or phone["raw"]
                self._contact(layout, shown, f"tel:{dial}", self._kind_text(phone["kind"]),
                              shown, f"phone_{i}")
        if p.get("network_links"):
            self._section(layout, self.tr("Networks"))
            for n in p["network_links"]:
                detail = " · ".join(x for x in (n["role"], n["focus"]) if x)
                self._link(layout, n["name"], "network", n["id"], detail)
        if p.get("topic_links"):
            self._section(layout, self.tr("Technology fields"))
            for t in p["topic_links"]:
                self._link(layout, t["name"], "topic", t["id"])
        if p.get("lists"):
            self._section(layout, self.tr("Distribution lists"))
            for m in p["lists"]:
                self._link(layout, m["name"], "list", m["id"], self._status_text(m["status"]))
        if p.get("events"):
            self._section(layout, self.tr("Events"))
            for e in p["events"]:
                self._link(layout, e["name"], "event", e["id"], self._status_text(e["status"]))
        if p.get("consent_history"):
            self._consent_history(layout, p["consent_history"])
        self._field(layout, self.tr("Notes"), p.get("notes"))
        self._section(layout, self.tr("Record"))
        layout.addWidget(plain_label(self.tr("Created {created}, changed {updated}, version "
                                             "{version}").format(
            created=(p["created_at"] or "")[:10], updated=(p["updated_at"] or "")[:10],
            version=p["version"])))
        self._finish(layout)

    def _consent_history(self, layout: QVBoxLayout, history: list[dict[str, Any]]) -> None:
        """Per list, each consent given or withdrawn: when (local time), how, and the note."""
        self._section(layout, self.tr("Consent history"))
        by_list: dict[str, list[dict[str, Any]]] = {}
        for step in history:  # oldest first; lists in the order of their first step
            by_list.setdefault(step["list"], []).append(step)
        for number, (list_name, steps) in enumerate(by_list.items()):
            heading = plain_label(list_name)
            heading.setObjectName(f"consentList_{number}")
            font = QFont(heading.font())
            font.setItalic(True)
            heading.setFont(font)
            layout.addWidget(heading)
            for step in steps:
                action = self._status_text("subscribed" if step["action"] == "given"
                                           else "unsubscribed")
                how = self._consent_source_text(step.get("source_kind"))
                if step.get("source"):
                    how = f"{how}: {step['source']}" if how else step["source"]
                line = plain_label(" · ".join(x for x in (local_time_text(step["at"]), action,
                                                          how) if x))
                line.setObjectName("consentStep")
                line.setContentsMargins(10, 0, 0, 0)
                layout.addWidget(line)
                if step.get("note"):
                    note = plain_label(self.tr("Note: {note}").format(note=step["note"]))
                    note.setObjectName("consentNote")
                    note.setContentsMargins(10, 0, 0, 2)
                    note.setStyleSheet("color: palette(placeholder-text);")
                    layout.addWidget(note)

    def _consent_source_text(self, kind: str | None) -> str:
        return {"form": self.tr("sign-up form"), "event": self.tr("at an event"),
                "import": self.tr("import"), "manual": self.tr("by hand")}.get(kind or "",
                                                                             kind or "")

    def _organisation(self, o: dict[str, Any]) -> None:
        layout = self._start()
        self._title(layout, o["name"], o.get("kind_label", ""))
        address = "\n".join(x for x in (o.get("street"), " ".join(
            y for y in (o.get("postal_code"), o.get("city")) if y), o.get("country")) if x)
        self._field(layout, self.tr("Address"), address)
        if o.get("website"):
            self._section(layout, self.tr("Website"))
            self._contact(layout, o["website"], _web_url(o["website"]), "", o["website"],
                          "website")
        if o.get("topic_links"):
            self._section(layout, self.tr("Technology fields"))
            for t in o["topic_links"]:
                self._link(layout, t["name"], "topic", t["id"])
        if o.get("person_links"):
            self._section(layout, self.tr("Persons"))
            for p in o["person_links"]:
                self._link(layout, p["name"], "person", p["id"])
        self._field(layout, self.tr("Notes"), o.get("notes"))
        self._finish(layout)

    def _network(self, n: dict[str, Any]) -> None:
        layout = self._start()
        self._title(layout, n["name"])
        self._field(layout, self.tr("Description"), n.get("description"))
        if n.get("website"):
            self._section(layout, self.tr("Website"))
            self._contact(layout, n["website"], _web_url(n["website"]), "", n["website"],
                          "website")
        if n.get("person_links"):
            self._section(layout, self.tr("Contact persons"))
            for p in n["person_links"]:
                detail = " · ".join(x for x in (p.get("role"), p.get("focus")) if x)
                self._link(layout, p["name"], "person", p["id"], detail)
        if n.get("topic_links"):
            self._section(layout, self.tr("Technology fields"))
            for t in n["topic_links"]:
                self._link(layout, t["name"], "topic", t["id"])
        self._finish(layout)

    def _topic(self, t: dict[str, Any]) -> None:
        layout = self._start()
        self._title(layout, t["name"])
        self._field(layout, self.tr("Description"), t.get("description"))
        for heading, key, kind in ((self.tr("Networks"), "network_links", "network"),
                                   (self.tr("Organisations"), "organisation_links",
                                    "organisation"),
                                   (self.tr("Persons"), "person_links", "person")):
            if t.get(key):
                self._section(layout, heading)
                for link in t[key]:
                    self._link(layout, link["name"], kind, link["id"])
        self._finish(layout)

    def _event(self, e: dict[str, Any]) -> None:
        layout = self._start()
        when = e.get("starts_on") or ""
        self._title(layout, e["name"], " · ".join(x for x in (when, e.get("city")) if x))
        self._field(layout, self.tr("Venue"), e.get("venue"))
        self._field(layout, self.tr("Organiser"), e.get("organiser"))
        self._field(layout, self.tr("Description"), e.get("description"))
        counts = e.get("attendance") or {}
        self._section(layout, self.tr("Attendance"))
        layout.addWidget(plain_label(", ".join(
            f"{self._status_text(status)}: {n}" for status, n in counts.items())
            or self.tr("No one registered yet.")))
        self._finish(layout)

    def _list(self, d: dict[str, Any]) -> None:
        layout = self._start()
        self._title(layout, d["name"], d.get("owner") or "")
        self._field(layout, self.tr("Description"), d.get("description"))
        counts = d.get("members") or {}
        self._section(layout, self.tr("Members"))
        layout.addWidget(plain_label(", ".join(
            f"{self._status_text(status)}: {n}" for status, n in counts.items())
            or self.tr("No members yet.")))
        self._finish(layout)

    def _kind_text(self, kind: str) -> str:
        return {"work": self.tr("work"), "home": self.tr("home"), "cell": self.tr("mobile"),
                "fax": self.tr("fax"), "other": self.tr("other")}.get(kind, kind)

    def _status_text(self, status: str) -> str:
        return {"registered": self.tr("registered"), "attended": self.tr("attended"),
                "cancelled": self.tr("cancelled"), "no_show": self.tr("no-show"),
                "subscribed": self.tr("subscribed"),
                "unsubscribed": self.tr("unsubscribed")}.get(status, status)


def local_time_text(iso_utc: str) -> str:
    """A stored UTC time ("2026-01-05T09:30:00Z") as the user's local date and time."""
    moment = QDateTime.fromString(iso_utc.removesuffix("Z")[:19], Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso_utc
    moment.setTimeZone(QTimeZone.utc())
    # The short format, but with the full year: consent records are evidence, "26" is not.
    pattern = QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return QLocale().toString(moment.toLocalTime(), pattern)


def _web_url(website: str) -> str:
    return website if "://" in website else f"https://{website}"

