"""Revision 0002 fills the folded sort columns of rows written before it existed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from sqlalchemy import text

from desktop.persistence.engine import make_engine
from desktop.persistence.migrations import alembic_config, open_or_create

NOW = datetime(2026, 3, 16, 9, 30)


def test_upgrade_from_0001_folds_existing_cities_and_names(tmp_path: Path) -> None:
    path = tmp_path / "ancien.sqlite"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (id, name, email, phone, profile, active, created_at, updated_at)"
                " VALUES (1, 'Émilie Durand', '', '', 'salesperson', 1, :now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO segments (id, name, description, created_at, updated_at)"
                " VALUES (1, 'Écoles & Mairies', '', :now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO customers (id, status, legal_name, trade_name, legal_form, country,"
                " siret, vat_number, billing_line1, billing_line2, billing_postal_code,"
                " billing_city, billing_country, delivery_line1, delivery_line2,"
                " delivery_postal_code, delivery_city, delivery_country, email, phone, website,"
                " is_consumer, language, payment_terms_days, payment_terms_basis,"
                " priority_prospect, notes, search_text, sort_name, created_at, updated_at)"
                " VALUES (1, 'active', 'Boulangerie L''Épi d''Or', '', '', 'FR', '', '', '', '',"
                " '91000', 'Évry-Courcouronnes', 'FR', '', '', '', '', 'FR', '', '', '', 0, 'fr',"
                " 30, 'invoice_date', 0, '', '', 'boulangerie', :now, :now)"
            ),
            {"now": NOW},
        )
    engine.dispose()

    opened = open_or_create(path, now=NOW, app_version="test")

    assert opened.upgraded_from == "0001"
    assert opened.backup_path is not None and opened.backup_path.exists()
    engine = make_engine(path)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT sort_city FROM customers")).scalar() == (
            "evry-courcouronnes"
        )
        assert connection.execute(text("SELECT sort_name FROM users")).scalar() == "emilie durand"
        assert connection.execute(text("SELECT sort_name FROM segments")).scalar() == (
            "ecoles & mairies"
        )
    engine.dispose()
