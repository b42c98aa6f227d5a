"""Documents keyed per customer: (customer_id, kind, number)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

A FEC gives one PieceRef to a bank remittance or a cheque deposit that credits several
customers: one payment per customer under the same number. The unique key of
`documents` becomes (customer_id, kind, number); the import service still refuses an
invoice or credit note number held by another customer.

SQLite cannot drop a constraint in place: `documents` is copied (batch "recreate").
The migration environment turns foreign keys off for it, so dropping the old table does
not run the ON DELETE actions of dispute items, reminder lines or corrections, and
checks integrity before committing.
"""

from alembic import op

# Reflected SQLite constraints may have lost their names (the import_id foreign key,
# added in place by 0003): the copy names them as the models do.
NAMING_CONVENTION = {
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
}

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table(
        "documents", schema=None, recreate="always", naming_convention=NAMING_CONVENTION
    ) as batch_op:
        batch_op.drop_constraint("uq_documents_kind_number", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_documents_customer_id_kind_number"), ["customer_id", "kind", "number"]
        )


def downgrade() -> None:
    # Fails (IntegrityError) when two customers hold a payment with the same number.
    with op.batch_alter_table(
        "documents", schema=None, recreate="always", naming_convention=NAMING_CONVENTION
    ) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_documents_customer_id_kind_number"), type_="unique")
        batch_op.create_unique_constraint("uq_documents_kind_number", ["kind", "number"])
