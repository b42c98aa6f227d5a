"""Folded sort columns for cities, salespeople and segments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

SQL lower() on SQLite only folds ASCII, so "Évry" sorted after "Grenoble" and
"Émilie" after "Zoé". The folded copies are filled for existing rows here and kept
up to date by the services.
"""

import sqlalchemy as sa
from alembic import op

from desktop.domain.text import fold

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _backfill(table: str, key: str, source: str, target: str, length: int) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text(f"SELECT {key}, {source} FROM {table}")).all()
    if rows:
        connection.execute(
            sa.text(f"UPDATE {table} SET {target} = :folded WHERE {key} = :key"),
            [{"key": k, "folded": fold(v)[:length]} for k, v in rows],
        )


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sort_city", sa.String(length=100), nullable=False, server_default="")
        )
    with op.batch_alter_table("segments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sort_name", sa.String(length=100), nullable=False, server_default="")
        )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sort_name", sa.String(length=200), nullable=False, server_default="")
        )
    _backfill("customers", "id", "billing_city", "sort_city", 100)
    _backfill("segments", "id", "name", "sort_name", 100)
    _backfill("users", "id", "name", "sort_name", 200)


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("sort_name")
    with op.batch_alter_table("segments", schema=None) as batch_op:
        batch_op.drop_column("sort_name")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_column("sort_city")
