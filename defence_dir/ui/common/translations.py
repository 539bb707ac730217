"""Qt Linguist catalogues: .ts sources in resources/translations, compiled to .qm on first use.

The .qm files are build products, not kept in git: lrelease (shipped with PySide6) compiles a
catalogue into the user cache folder the first time it is needed, keyed by the source's hash,
so an updated .ts is picked up automatically. Qt's own catalogue (standard buttons) is loaded too.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from functools import cache
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from defence_dir import i18n
from defence_dir.ui.common.resource_paths import resources_dir

_installed: list[QTranslator] = []


def ts_path(language: str) -> Path:
    return resources_dir() / "translations" / f"defence_dir_{language}.ts"


def lrelease_command() -> str | None:
    import PySide6

    base = Path(PySide6.__file__).parent
    for candidate in (base / "lrelease", base / "Qt" / "libexec" / "lrelease",
                      base / "lrelease.exe"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


@cache
def compiled_catalog(language: str) -> Path | None:
    """The .qm of our catalogue for `language`, compiled if needed; None if unavailable."""
    source = ts_path(language)
    if not source.exists():
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = (Path(platformdirs.user_cache_dir("defence-dir", appauthor=False))
              / "translations" / f"defence_dir_{language}-{digest}.qm")
    if target.exists():
        return target
    command = lrelease_command()
    if command is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    result = subprocess.run([command, "-silent", str(source), "-qm", str(partial)],
                            capture_output=True, check=False)
    if result.returncode != 0 or not partial.exists():
        return None
    partial.replace(target)
    return target


def install_language(language: str) -> None:
    """Switch core messages and Qt translators to `language` ("de" or "en"); English is the
    source language, its catalogue only adds plural forms."""
    i18n.set_language(language)
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.German if language == "de"
                               else QLocale.Language.English, QLocale.Country.Germany))
    qt_translator = QTranslator(app)
    if language != "en" and qt_translator.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    catalog = compiled_catalog(language)
    if catalog is not None:
        ours = QTranslator(app)
        if ours.load(str(catalog)):
            app.installTranslator(ours)
            _installed.append(ours)
