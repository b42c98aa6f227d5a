"""Imports of accounting exports, and what each one changed

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

`imports` keeps one row per import (who, when, which file, the counts, undone or not);
`import_changes` one row per document or customer it created or changed, with the
document's fields before the change so the last import can be undone. Each document
remembers the last import that touched it. The index on documents.corrects_id keeps
deleting many documents (undoing a large import) linear: SQLite looks up the documents
that refer to each deleted one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("source_format", sa.String(length=32), nullable=False),
        sa.Column("mapping_name", sa.String(length=100), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_count", sa.Integer(), nullable=False),
        sa.Column("updated_count", sa.Integer(), nullable=False),
        sa.Column("settled_count", sa.Integer(), nullable=False),
        sa.Column("unchanged_count", sa.Integer(), nullable=False),
        sa.Column("customers_created_count", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imports")),
    )
    op.create_table(
        "import_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_import_changes_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_import_changes_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["imports.id"],
            name=op.f("fk_import_changes_import_id_imports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_changes")),
    )
    with op.batch_alter_table("import_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_import_changes_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_import_changes_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_import_changes_import_id"), ["import_id"], unique=False
        )

    # No copy-and-move of `documents` here: with foreign keys on, dropping the old table
    # would run the ON DELETE actions of every table that refers to it (dispute items,
    # reminder items, payment allocations deleted; corrections unlinked). SQLite adds a
    # nullable column with an inline REFERENCES clause in place, without copying.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE documents ADD COLUMN import_id INTEGER "
            "CONSTRAINT fk_documents_import_id_imports REFERENCES imports (id)"
        )
    else:
        op.add_column("documents", sa.Column("import_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_documents_import_id_imports",
            "documents",
            "imports",
            ["import_id"],
            ["id"],
        )
    with op.batch_alter_table("documents", schema=None, recreate="never") as batch_op:
        batch_op.create_index("ix_documents_corrects_id", ["corrects_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_import_id"), ["import_id"], unique=False)


def downgrade() -> None:
    # Dropping a column that holds a foreign key means copying `documents` on SQLite:
    # like any batch copy with foreign keys on, it runs the ON DELETE actions of the
    # tables referring to documents. Downgrades are for development files only.
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_import_id"))
        batch_op.drop_index("ix_documents_corrects_id")
        batch_op.drop_column("import_id")

    with op.batch_alter_table("import_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_changes_import_id"))
        batch_op.drop_index(batch_op.f("ix_import_changes_document_id"))
        batch_op.drop_index(batch_op.f("ix_import_changes_customer_id"))

    op.drop_table("import_changes")
    op.drop_table("imports")
