"""Search fixtures: the service on the seeded directory, once with FTS5 and once portable."""

from __future__ import annotations

import pytest

from defence_dir.data.database import Database
from defence_dir.search.service import SearchService


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """FTS5 is SQLite's: on PostgreSQL a search test runs once, on the server's own path."""
    fts5_on_server = [item for item in items if getattr(item, "callspec", None)
                      and item.callspec.params.get("backend") == "fts5"
                      and item.callspec.params.get("db_backend") == "postgresql"]
    if fts5_on_server:
        config.hook.pytest_deselected(items=fts5_on_server)
        items[:] = [item for item in items if item not in fts5_on_server]


@pytest.fixture(params=["fts5", "portable"])
def backend(request, db: Database) -> str:
    """Run a test against both query paths on SQLite: FTS5 and the portable path other
    databases use (on PostgreSQL only the latter, its own)."""
    if request.param == "portable":
        db.engine.__dict__["_defence_dir_fts"] = False
    return request.param


@pytest.fixture
def search(db: Database, backend: str) -> SearchService:
    return SearchService(db.read_session)


def names(service: SearchService, query: str, **filters) -> list[str]:
    """Display names of the hits, in rank order."""
    from defence_dir.search.service import SearchFilters

    result = service.search(query, SearchFilters(**filters))
    return [_name(service, hit) for hit in result.hits]


def _name(service: SearchService, hit) -> str:
    from defence_dir.data.models import Network, Organisation, Person

    model = {"person": Person, "organisation": Organisation, "network": Network}[hit.kind]
    with service._session_factory() as session:
        record = session.get(model, hit.id)
        return record.display_name if hit.kind == "person" else record.name


@pytest.fixture
def find(search: SearchService):
    """find(query, **filters) -> display names of the hits, in rank order."""
    return lambda query, **filters: names(search, query, **filters)


@pytest.fixture
def monkeypatch_module():
    """A monkeypatch a hypothesis test may use across its examples (undone at the end)."""
    patcher = pytest.MonkeyPatch()
    yield patcher
    patcher.undo()
