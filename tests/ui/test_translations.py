"""The Qt Linguist catalogues cover every text of the window and compile."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from defence_dir.ui.common.translations import compiled_catalog, lrelease_command, ts_path

ROOT = Path(__file__).resolve().parents[2]


def sources(path: Path) -> set[tuple[str, str]]:
    tree = ET.parse(path)
    return {(context.findtext("name"), message.findtext("source"))
            for context in tree.iter("context") for message in context.iter("message")}


def test_german_catalogue_is_complete_and_current(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    ui_sources = sorted(str(p) for p in (ROOT / "defence_dir" / "ui").rglob("*.py"))
    subprocess.run([lupdate, "-silent", *ui_sources, "-ts", str(fresh)], check=True)
    assert sources(fresh) == sources(ts_path("de")), \
        "run scripts/update_translations.py and translate the new texts"
    # German: every text; English: the plural forms ("%n person(s)" reads "1 person").
    for language in ("de", "en"):
        tree = ET.parse(ts_path(language))
        unfinished = [m.findtext("source") for m in tree.iter("message")
                      if m.find("translation").get("type") == "unfinished"]
        assert unfinished == [], f"translate the new texts of defence_dir_{language}.ts"


def test_catalogues_compile(tmp_path, monkeypatch):
    assert lrelease_command() is not None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compiled_catalog.cache_clear()
    try:
        for language in ("de", "en"):
            catalog = compiled_catalog(language)
            assert catalog is not None and catalog.stat().st_size > 0
            assert str(tmp_path) in str(catalog)
    finally:
        compiled_catalog.cache_clear()
