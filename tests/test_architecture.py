"""The house rules of the source tree, read from the code itself (no module is imported to
find its imports, so a rule holds for code paths no other test runs)."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "defence_dir"
UI = PACKAGE / "ui"
WINDOW = UI / "window" / "main_window.py"
MAX_TOP_LEVEL_MODULES = 8
MAX_GUI_LINES = 450
MAX_WINDOW_LINES = 350
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


@dataclass(frozen=True)
class Module:
    name: str  # dotted, e.g. defence_dir.ui.window.main_window
    path: Path
    tree: ast.Module

    @property
    def is_package(self) -> bool:
        return self.path.name == "__init__.py"

    @property
    def in_ui(self) -> bool:
        return self.path.is_relative_to(UI)


def _modules() -> dict[str, Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(parts)
        found[name] = Module(name, path, ast.parse(path.read_text("utf-8"), str(path)))
    return found


MODULES = _modules()


def imported_names(module: Module) -> Iterator[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every import statement anywhere in
    the module: at the top, in functions, under TYPE_CHECKING (all count)."""
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the module's package
                package = module.name.split(".")
                base = package[: len(package) - node.level + (1 if module.is_package else 0)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield target, [alias.name for alias in node.names], node.lineno


def internal_targets(module: Module) -> set[str]:
    """The modules of defence_dir this module imports (`from pkg import mod` names mod)."""
    targets = set()
    for target, names, _line in imported_names(module):
        if target != "defence_dir" and not target.startswith("defence_dir."):
            continue
        submodules = [f"{target}.{name}" for name in names if f"{target}.{name}" in MODULES]
        targets.update(submodules or ([target] if target in MODULES else []))
    targets.discard(module.name)
    return targets


def import_cycles() -> list[list[str]]:
    """The strongly connected groups of the import graph with more than one module (Tarjan)."""
    graph = {name: sorted(internal_targets(module)) for name, module in MODULES.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in graph[node]:
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph)))
    for name in graph:
        if name not in index:
            visit(name)
    return groups


def test_the_rules_see_the_whole_package():
    # The checks below would pass on nothing: make sure they read the real tree.
    assert len(MODULES) > 150
    assert "defence_dir.ui.window.main_window" in MODULES
    assert "defence_dir.ui.window.main_window" in internal_targets(
        MODULES["defence_dir.ui.window.app"])


def test_the_cycle_finder_finds_a_cycle():
    graph_cycle = [name for group in import_cycles() for name in group]
    fake = Module("defence_dir.fake_a", PACKAGE / "fake_a.py",
                  ast.parse("from defence_dir import fake_b"))
    fake_b = Module("defence_dir.fake_b", PACKAGE / "fake_b.py",
                    ast.parse("if True:\n    import defence_dir.fake_a"))
    MODULES.update({fake.name: fake, fake_b.name: fake_b})
    try:
        groups = import_cycles()
    finally:
        del MODULES[fake.name], MODULES[fake_b.name]
    assert ["defence_dir.fake_a", "defence_dir.fake_b"] in groups
    assert len([n for g in groups for n in g]) == len(graph_cycle) + 2


def test_no_import_cycle_anywhere_in_the_package():
    # An import inside a function or under TYPE_CHECKING counts: the modules still depend on
    # each other, and a newcomer cannot read one without the other.
    assert import_cycles() == []


def _orm_classes() -> set[str]:
    from defence_dir.data import models

    return {name for name, value in vars(models).items()
            if isinstance(value, type) and hasattr(value, "__mapper__")}


def test_the_gui_never_touches_storage():
    orm = _orm_classes()
    assert {"Person", "Organisation", "DistributionList"} <= orm
    found = []
    for module in MODULES.values():
        if not module.in_ui:
            continue
        for target, names, line in imported_names(module):
            if target.split(".")[0] == "sqlalchemy":
                found.append(f"{module.name}:{line} imports {target}")
            elif target == "defence_dir.data.models" and orm.intersection(names):
                found.append(f"{module.name}:{line} imports ORM classes "
                             f"{sorted(orm.intersection(names))}")
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("session", "read_session"):
                found.append(f"{module.name}:{node.lineno} opens a session")
    assert found == []


def test_the_core_never_imports_qt():
    found = [f"{module.name}:{line} imports {target}"
             for module in MODULES.values() if not module.in_ui
             for target, _names, line in imported_names(module)
             if target.split(".")[0] in QT_PACKAGES]
    assert found == []


def test_few_modules_directly_in_the_package():
    top_level = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top_level) <= MAX_TOP_LEVEL_MODULES, top_level


def test_no_module_is_named_like_a_standard_library_module():
    # `import calendar` in a sibling module would mean ours or the standard one, depending on
    # how the program starts; and a reader thinks of the standard one first.
    clashes = [module.name for module in MODULES.values()
               if module.name.rsplit(".", 1)[-1] in sys.stdlib_module_names]
    assert clashes == []


@pytest.mark.parametrize("limit, paths", [
    (MAX_GUI_LINES, sorted(UI.rglob("*.py"))),
    (MAX_WINDOW_LINES, [WINDOW]),
], ids=["gui-modules", "main-window"])
def test_gui_modules_stay_small(limit, paths):
    too_long = {str(path.relative_to(PACKAGE)): lines for path in paths
                if (lines := len(path.read_text("utf-8").splitlines())) > limit}
    assert too_long == {}


def test_controllers_get_the_host_not_the_window():
    importers = [module.name for module in MODULES.values()
                 if "defence_dir.ui.window.main_window" in internal_targets(module)]
    # Only the application start creates the window.
    assert importers == ["defence_dir.ui.window.app"]
