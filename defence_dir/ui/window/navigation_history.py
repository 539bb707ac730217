"""Back and Forward through the records the user looked at, as in a web browser."""

from __future__ import annotations

from collections.abc import Iterator

Target = tuple[str, int]  # (record kind, id)


class NavigationHistory:
    """The records visited in order and where the user stands among them."""

    def __init__(self) -> None:
        self._entries: list[Target] = []
        self._index = -1

    def visit(self, target: Target) -> None:
        """A new record: what lay ahead of the current one (after Back) is dropped."""
        del self._entries[self._index + 1:]
        self._entries.append(target)
        self._index = len(self._entries) - 1

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> Target | None:
        if not self.can_go_back:
            return None
        self._index -= 1
        return self._entries[self._index]

    def forward(self) -> Target | None:
        if not self.can_go_forward:
            return None
        self._index += 1
        return self._entries[self._index]

    def forget(self, target: Target) -> None:
        """Drop every visit of a record that is gone for good (erased); the user stands at
        the last record left."""
        self._entries = [entry for entry in self._entries if entry != target]
        self._index = len(self._entries) - 1

    def __contains__(self, target: object) -> bool:
        return target in self._entries

    def __iter__(self) -> Iterator[Target]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
