"""Promises to pay remember the balance they were made on

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23

`promises_to_pay.baseline_cents` is what the customer owed when promising; the promise is
kept once the balance has dropped by the promised amount. `checked_on` is the day the
promise was found kept or broken. Existing promises get a baseline of 0 (they can only be
checked by hand) and no check date.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("promises_to_pay") as batch:
        batch.add_column(
            sa.Column("baseline_cents", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("checked_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("promises_to_pay") as batch:
        batch.drop_column("checked_on")
        batch.drop_column("baseline_cents")
