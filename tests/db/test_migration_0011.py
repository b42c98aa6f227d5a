"""Revision 0011 adds the stored score to customers and the score history table, keeping
every row (and every child of a customer) written before it."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import text

from desktop.domain.clock import FixedClock
from desktop.persistence.database import Database
from desktop.persistence.engine import make_engine
from desktop.persistence.migrations import alembic_config, open_or_create
from desktop.services.registry import build_services

NOW = datetime(2026, 3, 16, 9, 30)


def _old_file(path: Path) -> None:
    """A file at 0010 with two customers, a contact and an open invoice."""
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0010")
    with engine.begin() as connection:
        for cid, name in ((1, "Quincaillerie Lefèvre & Fils <SARL>"), (2, "L'Épi d'Or")):
            connection.execute(
                text(
                    "INSERT INTO customers (id, status, legal_name, trade_name, legal_form,"
                    " country, siret, vat_number, billing_line1, billing_line2,"
                    " billing_postal_code, billing_city, billing_country, delivery_line1,"
                    " delivery_line2, delivery_postal_code, delivery_city, delivery_country,"
                    " email, phone, website, is_consumer, language, payment_terms_days,"
                    " payment_terms_basis, priority_prospect, notes, search_text, sort_name,"
                    " sort_city, created_at, updated_at) VALUES (:id, 'active', :name, '', '',"
                    " 'FR', '', '', '', '', '42000', 'Saint-Étienne', 'FR', '', '', '', '', 'FR',"
                    " '', '', '', 0, 'fr', 30, 'invoice_date', 0, '', '', :name, '', :now, :now)"
                ),
                {"id": cid, "name": name, "now": NOW},
            )
        connection.execute(
            text(
                "INSERT INTO contacts (customer_id, first_name, last_name, role, email, phone,"
                " is_primary, receives_reminders, notes, created_at, updated_at) VALUES (1,"
                " 'Jean-Noël', 'Lefèvre', 'Gérant', '', '', 1, 1, '', :now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO documents (id, customer_id, kind, number, issued_on, due_on,"
                " total_cents, open_cents, label, import_source, matching_code, created_at,"
                " updated_at) VALUES (1, 1, 'invoice', 'FA-2026-0042', '2026-01-21',"
                " '2026-02-20', 400000, 400000, '', '', '', :now, :now)"
            ),
            {"now": NOW},
        )
    engine.dispose()


def test_upgrade_from_0010_keeps_the_rows_and_adds_an_empty_score(tmp_path: Path) -> None:
    path = tmp_path / "avant-0011.encaisse"
    _old_file(path)

    opened = open_or_create(path, now=NOW, app_version="test")

    assert opened.upgraded_from == "0010"
    with sqlite3.connect(path) as connection:
        assert connection.execute(
            "SELECT id, legal_name, score, score_rules_version, score_on FROM customers ORDER BY id"
        ).fetchall() == [
            (1, "Quincaillerie Lefèvre & Fils <SARL>", None, None, None),
            (2, "L'Épi d'Or", None, None, None),
        ]
        assert connection.execute("SELECT COUNT(*) FROM contacts").fetchone() == (1,)
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone() == (1,)
        assert connection.execute("SELECT COUNT(*) FROM score_history").fetchone() == (0,)
        indexes = {
            row[1] for row in connection.execute("PRAGMA index_list('score_history')").fetchall()
        }
        assert "ix_score_history_customer_computed_on" in indexes
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def test_the_first_refresh_after_the_upgrade_scores_the_old_customers(tmp_path: Path) -> None:
    path = tmp_path / "avant-0011.encaisse"
    _old_file(path)
    open_or_create(path, now=NOW, app_version="test")
    services = build_services(Database.at(path), FixedClock(NOW), lambda: "Camille Test")
    try:
        assert services.score.refresh(date(2026, 3, 16), only_stale=True) == 2
        assert [p.score for p in services.score.history(1)] == [50]  # all of it overdue
        services.customers.delete(2)
    finally:
        services.close()
    with sqlite3.connect(path) as connection:
        # The history of a deleted customer goes with it (ON DELETE CASCADE).
        assert connection.execute("SELECT customer_id FROM score_history").fetchall() == [(1,)]
    connection.close()
