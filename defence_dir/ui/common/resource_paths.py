"""Where the app's resources (icon, .desktop file, translations) are, from a checkout or installed.

They live in the top-level `resources/` folder; `pip install .` copies it to
`<prefix>/share/defence-dir`
(pyproject's data-files), an editable install or a source run reads the checkout's folder.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[3] / "resources"
_INSTALLED = Path(sys.prefix) / "share" / "defence-dir"


@cache
def resources_dir() -> Path:
    for candidate in (_CHECKOUT, _INSTALLED):
        if (candidate / "icons" / "defence-dir.svg").exists():
            return candidate
    return _CHECKOUT


def icon_path() -> Path:
    return resources_dir() / "icons" / "defence-dir.svg"
