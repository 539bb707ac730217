"""Refresh the Qt Linguist sources from the UI code (new texts appear as unfinished).

    python scripts/update_translations.py

Then translate in Qt Linguist (pyside6-linguist resources/translations/defence_dir_de.ts).
The .qm files are compiled by the app on first use (defence_dir/ui/common/translations.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# English is the source language; its catalogue holds only the plural forms ("%n hit(s)").
LANGUAGES = ("de", "en")


def main() -> int:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) \
        or shutil.which("pyside6-lupdate")
    if lupdate is None:
        print("pyside6-lupdate not found (pip install PySide6-Essentials)", file=sys.stderr)
        return 1
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "defence_dir" / "ui").rglob("*.py"))
    for language in LANGUAGES:
        target = ROOT / "resources" / "translations" / f"defence_dir_{language}.ts"
        options = ["-pluralonly"] if language == "en" else []
        subprocess.run([lupdate, "-no-obsolete", *options, "-source-language", "en",
                        "-target-language", language, *sources, "-ts", str(target)],
                       cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
