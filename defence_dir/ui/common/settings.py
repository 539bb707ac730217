"""The user's settings (QSettings): language, window geometry, splitter and column state."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from defence_dir import i18n

LANGUAGE_CHOICES = ("system", "de", "en")


def settings() -> QSettings:
    """An INI file in the user's config folder (tests point QSettings.setPath elsewhere)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "DEFENCE.NRW",
                     "defence-dir")


def language_choice() -> str:
    value = str(settings().value("language", "system"))
    return value if value in LANGUAGE_CHOICES else "system"


def set_language_choice(choice: str) -> None:
    if choice not in LANGUAGE_CHOICES:
        raise ValueError(choice)
    settings().setValue("language", choice)


def effective_language() -> str:
    """German unless English is chosen, or "system" and the system locale is English."""
    choice = language_choice()
    return i18n.system_language() if choice == "system" else choice
