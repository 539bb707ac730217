"""The window explains a PostgreSQL server that lacks the search extension (one line, German)."""

from __future__ import annotations

from defence_dir.data import postgres_search


def test_the_window_explains_a_missing_extension(pg_url, monkeypatch, qapp):
    from defence_dir.ui.window import app

    monkeypatch.setattr(postgres_search, "TRIGRAM_EXTENSION", "defence_dir_missing_extension")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(app, "show_error", lambda _parent, title, text: shown.append(
        (title, text)))
    assert app.run_app(pg_url) == 1
    [(title, message)] = shown
    assert title == "Das Verzeichnis kann nicht geöffnet werden"
    assert "postgresql-contrib" in message and "\n" not in message
