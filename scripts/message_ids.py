"""List the core's translatable message ids (`_("…")` calls) that lack a German translation.

Usage: python scripts/message_ids.py [--all]   (prints JSON: msgid -> "")
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def message_ids(package: Path = ROOT / "defence_dir") -> dict[str, str]:
    """msgid -> "file:line" of its first use, for every `_("…")`, `N_("…")` and both forms of
    `_n("…", "…", count)` of the core.

    The Qt UI is left out: it has Qt Linguist catalogues (resources/translations).
    """
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        if "ui" in path.relative_to(package).parts:
            continue  # the Qt UI has Qt Linguist catalogues (resources/translations)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_", "_n")):
                continue
            texts = node.args[:2] if node.func.id == "_n" else node.args[:1]
            for text in texts:
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    found.setdefault(text.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def german_catalog() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted((ROOT / "defence_dir" / "locale" / "de").glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


if __name__ == "__main__":
    catalog = german_catalog()
    ids = message_ids()
    wanted = ids if "--all" in sys.argv else {m: w for m, w in ids.items() if m not in catalog}
    json.dump({m: "" for m in wanted}, sys.stdout, ensure_ascii=False, indent=2)
    print()
