"""Storage: models, engine and sessions, migrations and the shipped starting directory."""
