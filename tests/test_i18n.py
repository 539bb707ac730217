"""Every message of the core has a German translation; the language follows the environment."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from defence_dir import i18n

ROOT = Path(__file__).resolve().parents[1]


def _message_tool():
    spec = importlib.util.spec_from_file_location("message_ids", ROOT / "scripts/message_ids.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_core_message_has_a_german_translation():
    tool = _message_tool()
    catalog = tool.german_catalog()
    missing = {m: where for m, where in tool.message_ids().items() if m not in catalog}
    assert missing == {}


def test_translations_keep_their_placeholders():
    catalog = _message_tool().german_catalog()
    for message, german in catalog.items():
        assert sorted(re.findall(r"{\w+}", message)) == sorted(re.findall(r"{\w+}", german)), (
            message)


@pytest.mark.parametrize("env,expected", [
    ({"LANG": "de_DE.UTF-8"}, "de"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "de"),
    ({"LANG": "fr_FR.UTF-8"}, "de"),
    ({"LANG": "de_DE.UTF-8", "DEFENCE_DIR_LANG": "en"}, "en"),
])
def test_language_follows_the_environment(monkeypatch, env, expected):
    for var in ("DEFENCE_DIR_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert i18n.system_language() == expected


def test_messages_are_translated_and_filled_in():
    i18n.set_language("de")
    assert i18n._("The folder {folder} does not exist.", folder="/x") == (
        "Der Ordner /x existiert nicht.")
    i18n.set_language("en")
    assert i18n._("The folder {folder} does not exist.", folder="/x") == (
        "The folder /x does not exist.")


def test_a_fixed_language_holds_in_its_thread_only(monkeypatch):
    import threading

    monkeypatch.setenv("DEFENCE_DIR_LANG", "en")
    seen = []
    with i18n.language_fixed():
        monkeypatch.setenv("DEFENCE_DIR_LANG", "de")
        seen.append(i18n.current_language())
        other = threading.Thread(target=lambda: seen.append(i18n.current_language()))
        other.start()
        other.join()
    seen.append(i18n.current_language())
    assert seen == ["en", "de", "de"]


def test_counted_messages_take_the_singular_for_one():
    i18n.set_language("de")
    assert i18n._n("An older backup deleted.", "{count} older backups deleted.", 1) == (
        "Eine ältere Sicherungskopie gelöscht.")
    assert i18n._n("An older backup deleted.", "{count} older backups deleted.", 3) == (
        "3 ältere Sicherungskopien gelöscht.")
    i18n.set_language("en")
    assert i18n._n("{count} row imported with a warning (see Details).",
                   "{count} rows imported with a warning (see Details).", 1) == (
        "1 row imported with a warning (see Details).")
