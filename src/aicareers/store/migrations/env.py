"""Alembic environment: runs on the connection ``store.migrate`` hands over.

aicareers runs migrations itself (``migrate.upgrade``), inside a transaction that already
holds the write lock, so there is no ``alembic.ini``. For a developer writing a new revision,
``alembic -x url=sqlite:///dev.db ...`` with a small ini pointing here works too.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from aicareers.store.schema import metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run() -> None:
    """Run the pending migrations on the given connection, or on ``-x url=...``."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    from aicareers.store.engine import create_engine
    from aicareers.store.location import parse_url

    url = parse_url(context.get_x_argument(as_dictionary=True)["url"])
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
            conn.commit()
    finally:
        engine.dispose()


run()
