"""Alembic environment: migrations always run on a connection handed over by defence-dir."""

from alembic import context

from defence_dir.data.migration import include_name
from defence_dir.data.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("defence-dir applies migrations through defence_dir.data.migration")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
