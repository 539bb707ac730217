"""Carry translations of texts that moved to another Qt context (code moved to a new class).

    python scripts/update_translations.py        # the moved texts appear as unfinished
    python scripts/carry_translations.py [REV]   # fill them from the catalogues at REV
    python scripts/update_translations.py        # lupdate's own layout again

REV is a git revision whose catalogues still have the texts translated (default HEAD). An
unfinished entry takes the translation its source text (and comment and plural flag) had in
REV, preferring the same context, then any; entries without one stay unfinished and are listed.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("de", "en")
Key = tuple[str | None, str | None, str | None]


def _key(message: ET.Element) -> Key:
    return message.findtext("source"), message.findtext("comment"), message.get("numerus")


def translations(catalogue: ET.Element) -> dict[Key, dict[str, ET.Element]]:
    """Finished translations by source text, then by context."""
    found: dict[Key, dict[str, ET.Element]] = {}
    for context in catalogue.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                found.setdefault(_key(message), {})[name] = translation
    return found


def carry(path: Path, old: ET.Element) -> list[str]:
    """Fill the unfinished entries of `path` from `old`; return those still unfinished."""
    known = translations(old)
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            candidates = known.get(_key(message), {})
            source = candidates.get(name) or next(iter(candidates.values()), None)
            if source is None:
                missing.append(f"{name}: {message.findtext('source')}")
                continue
            copy = ET.fromstring(ET.tostring(source))
            copy.tail = translation.tail
            message.remove(translation)
            message.append(copy)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    revision = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
    for language in LANGUAGES:
        relative = f"resources/translations/defence_dir_{language}.ts"
        old = subprocess.run(["git", "show", f"{revision}:{relative}"], cwd=ROOT, check=True,
                             capture_output=True).stdout
        for entry in carry(ROOT / relative, ET.fromstring(old)):
            print(f"{language}: still unfinished: {entry}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
