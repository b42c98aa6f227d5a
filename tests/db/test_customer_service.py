"""The customer file through its service: what the user saves is what they read back."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Row, select

from desktop.domain.clock import FixedClock
from desktop.domain.customer import Address, CustomerDraft, RatingDraft, validate_customer
from desktop.domain.enums import (
    Assessment,
    Country,
    CustomerStatus,
    InsolvencyKind,
    ObservationTopic,
    PaymentTermsBasis,
    Profile,
    RatingSource,
)
from desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from desktop.domain.visit import Observation, VisitReportDraft
from desktop.persistence.models import AuditEntry
from desktop.services.customers import ContactData
from desktop.services.registry import Services
from tests.db.factories import add_document, at, belgian, count_rows, customer


def _audit(services: Services, entity_id: int, entity: str = "customer") -> list[Row]:
    """The audit rows of one record, oldest first, as plain rows."""
    with services.database.read() as session:
        return list(
            session.execute(
                select(
                    AuditEntry.action,
                    AuditEntry.actor,
                    AuditEntry.at,
                    AuditEntry.summary,
                    AuditEntry.changes_json,
                )
                .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.id)
            )
        )


def _full_draft(services: Services) -> CustomerDraft:
    segment = services.reference.add_segment("Artisans & commerçants")
    seller = services.reference.add_user("Élodie Dupré", Profile.SALESPERSON)
    return CustomerDraft(
        legal_name="Boulangerie Pâtisserie L'Épi d'Or",
        status=CustomerStatus.UNDER_WATCH,
        trade_name="L'Épi d'Or — Dupont & Fils <SARL>",
        legal_form="SARL",
        country=Country.FRANCE,
        siren="732 829 320",
        siret="732 829 320 00074",
        vat_number="FR 44 732 829 320",
        account_code="411EPIDOR",
        billing_address=Address("12, rue de l'Église", "Bâtiment B", "42000", "Saint-Étienne"),
        delivery_address=Address("ZA des Œillets", "", "42100", "Saint-Étienne"),
        email="compta@epi-dor.fr",
        phone="04 77 12 34 56",
        website="https://epi-dor.fr",
        language="fr",
        segment_id=segment,
        salesperson_id=seller,
        payment_terms_days=45,
        payment_terms_basis=PaymentTermsBasis.END_OF_MONTH_AFTER,
        credit_limit_cents=1_500_000,
        insolvency_kind=InsolvencyKind.SAFEGUARD,
        insolvency_opened_on=date(2026, 2, 2),
        bodacc_published_on=date(2026, 2, 10),
        notes="Gérant : M. Lefèvre. « Paie toujours le 10 du mois. »",
    )


def test_create_then_get_returns_what_was_typed(services: Services, clock: FixedClock) -> None:
    draft = _full_draft(services)
    contacts = [
        ContactData(None, "Jérôme", "Lefèvre", "Gérant", "j.lefevre@epi-dor.fr", is_primary=True),
        ContactData(None, "Anaïs", "Noël", "Comptabilité", receives_reminders=True),
    ]
    customer_id = services.customers.create(draft, contacts)

    detail = services.customers.get(customer_id)
    assert detail.draft == validate_customer(draft, clock.today())
    assert detail.draft.siren == "732829320"
    assert detail.draft.trade_name == "L'Épi d'Or — Dupont & Fils <SARL>"
    assert detail.segment_name == "Artisans & commerçants"
    assert detail.salesperson_name == "Élodie Dupré"
    assert detail.created_at == detail.updated_at == clock.now()
    assert [(c.full_name, c.is_primary) for c in detail.contacts] == [
        ("Jérôme Lefèvre", True),
        ("Anaïs Noël", False),
    ]
    assert detail.contacts[1].receives_reminders
    (entry,) = _audit(services, customer_id)
    assert (entry.action, entry.actor, entry.summary) == (
        "create",
        "Camille Test",
        "Boulangerie Pâtisserie L'Épi d'Or",
    )


def test_a_belgian_customer_round_trip(services: Services) -> None:
    customer_id = services.customers.create(
        belgian(enterprise_number="0403.170.701", vat_number="BE 0403.170.701")
    )
    draft = services.customers.get(customer_id).draft
    assert draft.country is Country.BELGIUM
    assert draft.enterprise_number == "0403170701"
    assert draft.vat_number == "BE0403170701"
    assert draft.billing_address.country is Country.BELGIUM
    assert draft.siren == ""


def test_get_of_a_missing_customer(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.customers.get(424242)


def test_invalid_customer_writes_nothing(services: Services, db_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.customers.create(customer(siren="732829321"))
    assert services.customers.total() == 0
    assert count_rows(db_path, "audit_log") == 0


def test_duplicate_siren_is_refused_naming_the_existing_customer(
    services: Services, db_path
) -> None:  # type: ignore[no-untyped-def]
    first = services.customers.create(customer("Dupont & Fils <SARL>", siren="732829320"))
    audit_rows = count_rows(db_path, "audit_log")

    with pytest.raises(ValidationError) as info:
        services.customers.create(customer("Épicerie Dupont", siren="732 829 320"))
    (error,) = info.value.errors
    assert error.field == "siren"
    assert error.code is ErrorCode.DUPLICATE_SIREN
    assert error.params["name"] == "Dupont & Fils <SARL>"
    assert error.params["id"] == str(first)
    assert services.customers.total() == 1
    assert count_rows(db_path, "audit_log") == audit_rows


def test_duplicate_siren_given_through_the_siret(services: Services) -> None:
    services.customers.create(customer("Dupont & Fils <SARL>", siren="732829320"))
    with pytest.raises(ValidationError) as info:
        services.customers.create(customer("Dupont Nord", siret="73282932000074"))
    assert info.value.codes() == {"siren": ErrorCode.DUPLICATE_SIREN}
    assert services.customers.total() == 1


def test_duplicate_belgian_enterprise_number(services: Services) -> None:
    services.customers.create(belgian(enterprise_number="0403170701"))
    with pytest.raises(ValidationError) as info:
        services.customers.create(belgian("Brasserie Dupont", enterprise_number="0403.170.701"))
    assert info.value.codes() == {"enterprise_number": ErrorCode.DUPLICATE_ENTERPRISE_NUMBER}
    assert info.value.errors[0].params["name"] == "Brasserie de l'Abbaye & Fils SPRL"


def test_update_may_keep_its_own_siren_but_not_take_another(services: Services) -> None:
    first = services.customers.create(customer("Dupont & Fils <SARL>", siren="732829320"))
    second = services.customers.create(customer("Menuiserie Lefèvre", siren="552100554"))

    services.customers.update(first, customer("Dupont & Fils SARL", siren="732829320"))
    assert services.customers.get(first).draft.legal_name == "Dupont & Fils SARL"

    with pytest.raises(ValidationError) as info:
        services.customers.update(second, customer("Menuiserie Lefèvre", siren="732829320"))
    assert info.value.codes() == {"siren": ErrorCode.DUPLICATE_SIREN}
    assert services.customers.get(second).draft.siren == "552100554"


def test_update_writes_an_audit_row_with_the_changed_fields(
    services: Services, clock: FixedClock
) -> None:
    customer_id = services.customers.create(customer(payment_terms_days=30))
    clock.moment = at(17, 14)
    changed = customer("Boulangerie L'Épi d'Or & Cie", payment_terms_days=45)
    services.customers.update(customer_id, changed)

    create, update = _audit(services, customer_id)
    assert create.action == "create"
    assert update.action == "update"
    assert update.at == at(17, 14)
    assert update.actor == "Camille Test"
    changes = json.loads(update.changes_json)
    assert changes == {
        "legal_name": ["Boulangerie Pâtisserie L'Épi d'Or", "Boulangerie L'Épi d'Or & Cie"],
        "payment_terms_days": ["30", "45"],
    }
    assert services.customers.get(customer_id).updated_at == at(17, 14)


def test_saving_without_change_writes_no_audit_row(services: Services) -> None:
    customer_id = services.customers.create(customer())
    services.customers.update(customer_id, customer())
    assert [e.action for e in _audit(services, customer_id)] == ["create"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "nouvelle.compta@epi-dor.fr"}, "email"),
        ({"phone": "04 77 00 00 00"}, "phone"),
        ({"notes": "Nouveau gérant depuis janvier."}, "notes"),
        (
            {"billing_address": Address("3 place Jean-Jaurès", "", "42000", "Saint-Étienne")},
            "billing_line1",
        ),
    ],
)
def test_every_edit_leaves_a_trace(services: Services, changes: dict, field: str) -> None:
    # Who changed the e-mail address reminders go to, and when, matters as much as the name.
    customer_id = services.customers.create(customer(email="compta@epi-dor.fr"))
    services.customers.update(customer_id, customer(**{"email": "compta@epi-dor.fr", **changes}))
    entries = _audit(services, customer_id)
    assert [e.action for e in entries] == ["create", "update"]
    recorded = json.loads(entries[1].changes_json)
    assert list(recorded) == [field]


def test_delete_removes_contacts_ratings_and_visit_reports(services: Services, db_path) -> None:  # type: ignore[no-untyped-def]
    keep = services.customers.create(customer("Menuiserie Lefèvre", siren="552100554"))
    services.customers.save_contact(keep, ContactData(None, "Paul", "Lefèvre"))
    gone = services.customers.create(
        customer(siren="732829320"), [ContactData(None, "Jérôme", "Lefèvre", is_primary=True)]
    )
    services.customers.add_rating(gone, RatingDraft(RatingSource.COFACE, "7", date(2026, 1, 5)))
    services.visits.create(
        VisitReportDraft(
            gone,
            date(2026, 3, 10),
            observations=(Observation(ObservationTopic.PREMISES, Assessment.WORRYING),),
        )
    )

    services.customers.delete(gone)

    with pytest.raises(NotFoundError):
        services.customers.get(gone)
    assert count_rows(db_path, "contacts", f"customer_id = {gone}") == 0
    assert count_rows(db_path, "external_ratings") == 0
    assert count_rows(db_path, "visit_reports") == 0
    assert count_rows(db_path, "visit_observations") == 0
    # The other customer is untouched.
    assert len(services.customers.get(keep).contacts) == 1
    last = _audit(services, gone)[-1]
    assert (last.action, last.summary) == ("delete", "Boulangerie Pâtisserie L'Épi d'Or")


def test_delete_of_a_customer_with_invoices_is_refused_and_removes_nothing(
    services: Services, db_path
) -> None:  # type: ignore[no-untyped-def]
    customer_id = services.customers.create(
        customer(siren="732829320"), [ContactData(None, "Jérôme", "Lefèvre")]
    )
    services.customers.add_rating(
        customer_id, RatingDraft(RatingSource.COFACE, "7", date(2026, 1, 5))
    )
    services.visits.create(VisitReportDraft(customer_id, date(2026, 3, 10)))
    add_document(services, customer_id)
    audit_rows = count_rows(db_path, "audit_log")

    with pytest.raises(ValidationError) as info:
        services.customers.delete(customer_id)
    assert info.value.codes() == {"customer": ErrorCode.HAS_DOCUMENTS}

    detail = services.customers.get(customer_id)
    assert len(detail.contacts) == 1
    assert len(detail.ratings) == 1
    assert len(services.visits.for_customer(customer_id)) == 1
    assert count_rows(db_path, "documents") == 1
    assert count_rows(db_path, "audit_log") == audit_rows


def test_delete_of_a_missing_customer(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.customers.delete(999)


# --- contacts ---------------------------------------------------------------------------


def test_only_one_primary_contact(services: Services) -> None:
    customer_id = services.customers.create(customer())
    first = services.customers.save_contact(
        customer_id, ContactData(None, "Jérôme", "Lefèvre", is_primary=True)
    )
    second = services.customers.save_contact(
        customer_id, ContactData(None, "Anaïs", "Noël", "Comptabilité", is_primary=True)
    )
    primaries = [c.id for c in services.customers.get(customer_id).contacts if c.is_primary]
    assert primaries == [second]

    # Making the first one primary again demotes the second.
    services.customers.save_contact(
        customer_id, ContactData(first, "Jérôme", "Lefèvre", "Gérant", is_primary=True)
    )
    contacts = {c.id: c for c in services.customers.get(customer_id).contacts}
    assert contacts[first].is_primary and contacts[first].role == "Gérant"
    assert not contacts[second].is_primary


def test_a_new_customer_gets_at_most_one_primary_contact(services: Services) -> None:
    customer_id = services.customers.create(
        customer(),
        [
            ContactData(None, "Jérôme", "Lefèvre", is_primary=True),
            ContactData(None, "Anaïs", "Noël", is_primary=True),
        ],
    )
    contacts = services.customers.get(customer_id).contacts
    assert len(contacts) == 2
    assert sum(c.is_primary for c in contacts) == 1


def test_a_primary_contact_of_another_customer_stays_primary(services: Services) -> None:
    one = services.customers.create(
        customer(), [ContactData(None, "Jérôme", "Lefèvre", is_primary=True)]
    )
    other = services.customers.create(customer("Menuiserie Lefèvre"))
    services.customers.save_contact(other, ContactData(None, "Paul", "Martin", is_primary=True))
    assert services.customers.get(one).contacts[0].is_primary


def test_contact_needs_a_name(services: Services) -> None:
    customer_id = services.customers.create(customer())
    with pytest.raises(ValidationError) as info:
        services.customers.save_contact(customer_id, ContactData(None, "  ", " ", email="a@b.fr"))
    assert info.value.codes() == {"last_name": ErrorCode.REQUIRED}
    assert services.customers.get(customer_id).contacts == ()


def test_contact_of_another_customer_cannot_be_edited_through_this_one(services: Services) -> None:
    one = services.customers.create(customer())
    other = services.customers.create(customer("Menuiserie Lefèvre"))
    contact = services.customers.save_contact(one, ContactData(None, "Jérôme", "Lefèvre"))
    with pytest.raises(NotFoundError):
        services.customers.save_contact(other, ContactData(contact, "Paul", "Martin"))
    assert services.customers.get(one).contacts[0].full_name == "Jérôme Lefèvre"


def test_delete_contact(services: Services) -> None:
    customer_id = services.customers.create(customer())
    contact = services.customers.save_contact(customer_id, ContactData(None, "Jérôme", "Lefèvre"))
    services.customers.delete_contact(contact)
    assert services.customers.get(customer_id).contacts == ()


# --- ratings ----------------------------------------------------------------------------


def test_ratings_round_trip_newest_first(services: Services) -> None:
    customer_id = services.customers.create(customer())
    older = services.customers.add_rating(
        customer_id, RatingDraft(RatingSource.COFACE, " 6 ", date(2025, 11, 3), "Revue annuelle")
    )
    newer = services.customers.add_rating(
        customer_id, RatingDraft(RatingSource.CREDITSAFE, "54", date(2026, 3, 16))
    )
    ratings = services.customers.get(customer_id).ratings
    assert [(r.id, r.source, r.value, r.rated_on) for r in ratings] == [
        (newer, RatingSource.CREDITSAFE, "54", date(2026, 3, 16)),
        (older, RatingSource.COFACE, "6", date(2025, 11, 3)),
    ]
    assert ratings[1].comment == "Revue annuelle"

    services.customers.delete_rating(older)
    assert [r.id for r in services.customers.get(customer_id).ratings] == [newer]


@pytest.mark.parametrize(
    ("source", "value"), [(RatingSource.COFACE, "11"), (RatingSource.CREDITSAFE, "101")]
)
def test_rating_out_of_scale_is_refused_and_not_written(
    services: Services, source: RatingSource, value: str
) -> None:
    customer_id = services.customers.create(customer())
    with pytest.raises(ValidationError) as info:
        services.customers.add_rating(customer_id, RatingDraft(source, value, date(2026, 3, 1)))
    assert info.value.codes() == {"value": ErrorCode.RATING_OUT_OF_RANGE}
    assert services.customers.get(customer_id).ratings == ()


def test_rating_of_a_missing_customer(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.customers.add_rating(77, RatingDraft(RatingSource.COFACE, "5", date(2026, 3, 1)))


def test_find_id_by_identifier_as_printed(services: Services) -> None:
    french = services.customers.create(customer(siren="732829320"))
    belgian_id = services.customers.create(belgian(enterprise_number="0403170701"))
    assert services.customers.find_id("732 829 320") == french
    assert services.customers.find_id("0403.170.701") == belgian_id
    assert services.customers.find_id(str(french)) == french
    assert services.customers.find_id("552100554") is None


def test_update_of_a_missing_customer(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.customers.update(31, replace(customer(), legal_name="Fantôme SA"))
