"""A later migration that rebuilds a referenced table must not delete its children.

Batch mode copies the table, drops the old one and renames the copy; with foreign keys
on, the DROP would cascade into dispute items and reminder lines. The migration
environment turns them off for the upgrade and checks integrity before committing.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop.persistence import migrations

NOW = datetime(2026, 3, 16, 9, 30)

REBUILD_DOCUMENTS = '''"""rebuild documents

Revision ID: {revision}
Revises: {down_revision}
"""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("rebuilt", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents", recreate="always") as batch_op:
        batch_op.drop_column("rebuilt")
'''


def _ship(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    current = migrations.head_revision()
    copy = tmp_path / "migrations"
    shutil.copytree(migrations.migrations_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    source = body.format(revision=f"{current}_next", down_revision=current)
    (copy / "versions" / f"{current}_next_rebuild.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(migrations, "migrations_dir", lambda: copy)


def _count(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as connection:
        value = connection.execute(sql).fetchone()[0]
    connection.close()
    return int(value)


def test_rebuilding_documents_keeps_dispute_items_and_credit_note_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "encaisse.sqlite"
    migrations.open_or_create(path, now=NOW, app_version="test")
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA foreign_keys=ON")
        c.execute(
            "INSERT INTO customers (id, status, legal_name, trade_name, legal_form, country, siret,"
            " vat_number, billing_line1, billing_line2, billing_postal_code, billing_city,"
            " billing_country, delivery_line1, delivery_line2, delivery_postal_code,"
            " delivery_city, delivery_country, email, phone, website, is_consumer, language,"
            " payment_terms_days, payment_terms_basis, priority_prospect, notes, search_text,"
            " sort_name, sort_city, created_at, updated_at) VALUES (1, 'active',"
            " 'Dupont & Fils', '', '', 'FR', '', '', '', '', '', 'Lyon', 'FR', '', '', '', '',"
            " 'FR', '', '', '', 0, 'fr', 30, 'invoice_date', 0, '', '', 'dupont', 'lyon',"
            " '2026-01-01', '2026-01-01')"
        )
        for doc_id, kind, number, total, corrects in (
            (1, "invoice", "FA-1", 120000, None),
            (2, "credit_note", "AV-1", -20000, 1),
        ):
            c.execute(
                "INSERT INTO documents (id, customer_id, kind, number, issued_on, due_on,"
                " total_cents, open_cents, corrects_id, label, import_source, matching_code,"
                " created_at, updated_at) VALUES (?, 1, ?, ?, '2026-01-05', '2026-02-04', ?, ?,"
                " ?, '', '', '', '2026-01-05', '2026-01-05')",
                (doc_id, kind, number, total, total, corrects),
            )
        c.execute(
            "INSERT INTO disputes (id, customer_id, category, status, description, reported_by,"
            " reported_on, department, resolution_note, approved_by, created_at, updated_at)"
            " VALUES (1, 1, 'price', 'open', 'Prix contesté', 'Mme Leroy', '2026-02-10',"
            " 'sales', '', '', '2026-02-10', '2026-02-10')"
        )
        c.execute(
            "INSERT INTO dispute_items (dispute_id, document_id, disputed_cents)"
            " VALUES (1, 1, 30000)"
        )
    c.close()

    _ship(tmp_path, monkeypatch, REBUILD_DOCUMENTS)
    opened = migrations.open_or_create(path, now=NOW, app_version="test")

    assert opened.upgraded_from is not None
    assert _count(path, "SELECT COUNT(*) FROM dispute_items") == 1
    assert _count(path, "SELECT corrects_id FROM documents WHERE number = 'AV-1'") == 1
    assert _count(path, "SELECT COUNT(*) FROM pragma_foreign_key_check") == 0
