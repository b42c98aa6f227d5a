"""Alembic environment: always given an engine by desktop.persistence.migrations."""

from alembic import context

from desktop.persistence.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
