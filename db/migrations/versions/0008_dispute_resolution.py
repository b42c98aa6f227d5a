"""Disputes remember the credit note and the reissued invoice that resolved them

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24

`disputes.credit_note_id` is the credit note (a row of `documents`) created when a
dispute is resolved by a credit note: it is what lowers the customer's outstanding.
`disputes.reissued_number` is the number of the invoice issued again to replace the
disputed one. Existing disputes get neither.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Batch mode copies `disputes` on SQLite; the migration environment turns foreign
    # keys off for the upgrade, so the copy does not cascade into the dispute items,
    # events and attachments, and checks integrity before committing.
    with op.batch_alter_table("disputes") as batch:
        batch.add_column(sa.Column("credit_note_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("reissued_number", sa.String(60), nullable=False, server_default="")
        )
        batch.create_foreign_key(
            "fk_disputes_credit_note_id_documents",
            "documents",
            ["credit_note_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    # Downgrades are for development files only.
    with op.batch_alter_table("disputes") as batch:
        batch.drop_constraint("fk_disputes_credit_note_id_documents", type_="foreignkey")
        batch.drop_column("reissued_number")
        batch.drop_column("credit_note_id")
