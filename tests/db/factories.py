"""Realistic French and Belgian records for the database tests."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.domain.customer import Address, CustomerDraft
from desktop.domain.enums import Country, CustomerStatus, DocumentKind
from desktop.persistence.models import Document
from desktop.services.registry import Services

# Valid identifiers (Luhn / mod 97) to pick from.
SIRENS = ("732829320", "552100554", "542051180", "443061841", "380129866", "404833048")
SIRET_OF = {"732829320": "73282932000074", "552100554": "55210055400013"}
BE_NUMBERS = ("0403170701", "0202239951")


def customer(name: str = "Boulangerie Pâtisserie L'Épi d'Or", **changes: Any) -> CustomerDraft:
    draft = CustomerDraft(
        legal_name=name,
        status=CustomerStatus.ACTIVE,
        billing_address=Address("12, rue de l'Église", "", "42000", "Saint-Étienne"),
    )
    return replace(draft, **changes)


def belgian(name: str = "Brasserie de l'Abbaye & Fils SPRL", **changes: Any) -> CustomerDraft:
    draft = CustomerDraft(
        legal_name=name,
        status=CustomerStatus.ACTIVE,
        country=Country.BELGIUM,
        billing_address=Address("Rue Neuve 1", "", "1000", "Bruxelles", Country.BELGIUM),
    )
    return replace(draft, **changes)


def add_document(services: Services, customer_id: int, number: str = "FA-2026-0001") -> int:
    """An invoice inserted straight through a session (the invoice service is elsewhere)."""
    now = services.context.clock.now()
    with services.database.transaction() as session:
        doc = Document(
            customer_id=customer_id,
            kind=DocumentKind.INVOICE.value,
            number=number,
            issued_on=date(2026, 1, 15),
            due_on=date(2026, 2, 14),
            total_cents=1_500_000,
            vat_cents=250_000,
            open_cents=1_500_000,
            created_at=now,
            updated_at=now,
        )
        session.add(doc)
        session.flush()
        return doc.id


def count_rows(path: Path, table: str, where: str = "") -> int:
    with sqlite3.connect(path) as connection:
        sql = f"SELECT COUNT(*) FROM {table}" + (f" WHERE {where}" if where else "")
        value = connection.execute(sql).fetchone()[0]
    connection.close()
    return int(value)


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 3, day, hour, 30)
