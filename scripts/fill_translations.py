"""Fill unfinished German entries of the Qt Linguist catalogue from a JSON file.

    python scripts/fill_translations.py translations.json [--language en]

The JSON maps context -> source text -> German text, or for a plural ("%n …(s)") a list of the
singular and plural forms: {"ListView": {"Add to list": "Zum Verteiler hinzufügen",
"%n member(s)": ["%n Mitglied", "%n Mitglieder"]}}. Run scripts/update_translations.py first so
the new texts are in the catalogue; entries not in the JSON stay unfinished and are listed.
With --language en it fills the English catalogue, which holds only the plural forms.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


def fill(catalogue: Path, texts: dict[str, dict[str, str | list[str]]]) -> list[str]:
    """Fill what `texts` knows; return "context: source" of the entries still unfinished."""
    tree = ET.parse(catalogue)
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source", "")
            text = texts.get(name, {}).get(source)
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            del translation.attrib["type"]
            if message.get("numerus") == "yes":
                forms = [text] * 2 if isinstance(text, str) else text
                for child in list(translation):
                    translation.remove(child)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text if isinstance(text, str) else text[0]
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    catalogue.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                         encoding="utf-8")
    return missing


def main() -> int:
    arguments = sys.argv[1:]
    language = "de"
    if arguments[1:2] == ["--language"] and len(arguments) == 3:
        language = arguments.pop()
        arguments.pop()
    if len(arguments) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    texts = json.loads(Path(arguments[0]).read_text(encoding="utf-8"))
    missing = fill(TRANSLATIONS / f"defence_dir_{language}.ts", texts)
    for entry in missing:
        print(f"unfinished: {entry}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
