"""An optional PIN per user, asked when that person is picked at start

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23

`users.pin_hash` holds a salted PBKDF2 hash of the PIN (never the PIN itself), as
`pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>`; empty means the user has no PIN.
Existing users have none.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("pin_hash", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("pin_hash")
