"""The customer list: search, filters, sort and paging done in SQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import pytest

from desktop.domain.clock import FixedClock
from desktop.domain.customer import Address
from desktop.domain.enums import Country, CustomerStatus, PaymentTermsBasis, Profile
from desktop.domain.text import fold
from desktop.persistence.database import Database
from desktop.persistence.migrations import open_or_create
from desktop.services.customers import CustomerFilter, CustomerRow, CustomerSort
from desktop.services.registry import Services, build_services
from tests.db.factories import belgian, customer


@dataclass(frozen=True)
class Book:
    """The populated file and the ids the tests refer to."""

    ids: dict[str, int]
    segments: dict[str, int]
    sellers: dict[str, int]
    updated: dict[int, datetime]


# name, city, postal code, status, segment, seller, terms, siren
ROWS = [
    (
        "Boulangerie Pâtisserie L'Épi d'Or",
        "Saint-Étienne",
        "42000",
        "active",
        "artisans",
        "elodie",
        30,
        "732829320",
    ),
    ("Dupont & Fils <SARL>", "Lyon", "69002", "under_watch", "btp", "marc", 45, "552100554"),
    (
        "Société Générale d'Équipements Industriels du Sud-Ouest",
        "Bordeaux",
        "33000",
        "active",
        "industrie",
        "marc",
        60,
        "542051180",
    ),
    ("Boulangerie du Marché", "Lyon", "69001", "prospect", "artisans", None, 30, None),
    ("Menuiserie Lefèvre", "Nantes", "44000", "blocked", "btp", "elodie", 30, "443061841"),
    ("Œnologie & Terroirs", "Beaune", "21200", "active", None, "elodie", 60, "380129866"),
    ("Garage de l'Étoile", "Paris", "75017", "insolvency", None, None, 30, "404833048"),
    ("Remise 100% Bio", "Rennes", "35000", "active", "artisans", "marc", 30, None),
    ("Remise 1000 Bio", "Rennes", "35000", "active", "artisans", "marc", 30, None),
    ("Bio_Nature", "Brest", "29200", "prospect", None, None, 30, None),
    ("BioXNature", "Brest", "29200", "prospect", None, None, 30, None),
    ("Alpha Levage", "Grenoble", "38000", "active", "industrie", "anais", 45, None),
    ("Zénith Transports", "Metz", "57000", "active", "industrie", "anais", 45, None),
    ("Atelier Ébène", "Limoges", "87000", "under_watch", "artisans", "elodie", 30, None),
    ("Charcuterie Lefèvre", "Nancy", "54000", "active", "artisans", "marc", 30, None),
    ("Imprimerie Durand", "Tours", "37000", "active", None, "anais", 60, None),
    ("Pharmacie de la Gare", "Dijon", "21000", "active", None, None, 30, None),
    ("Quincaillerie Moreau", "Amiens", "80000", "prospect", "btp", "marc", 30, None),
    ("Transports Petit", "Nîmes", "30000", "active", "industrie", "elodie", 45, None),
    ("Vins & Spiritueux Roux", "Beaune", "21200", "active", None, "anais", 60, None),
    # Holds "732", "829" and "320", but not the SIREN 732 829 320.
    ("Garage 829", "Chambéry", "73200", "active", None, None, 30, None),
]


@pytest.fixture(scope="module")
def listing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, Book]]:
    """One populated file shared by the module's tests, which only read it."""
    path = tmp_path_factory.mktemp("liste") / "clients.sqlite"
    clock = FixedClock(datetime(2026, 3, 16, 9, 30))
    open_or_create(path, now=clock.now(), app_version="test")
    services = build_services(Database.at(path), clock, lambda: "Camille Test")
    segments = {
        "artisans": services.reference.add_segment("Artisans & commerçants"),
        "btp": services.reference.add_segment("BTP"),
        "industrie": services.reference.add_segment("Industrie"),
    }
    sellers = {
        "elodie": services.reference.add_user("Elodie Dupré", Profile.SALESPERSON),
        "marc": services.reference.add_user("Marc Lambert", Profile.SALESPERSON),
        "anais": services.reference.add_user("Anaïs Noël", Profile.SALESPERSON),
    }
    ids: dict[str, int] = {}
    updated: dict[int, datetime] = {}
    for n, (name, city, postal, status, segment, seller, terms, siren) in enumerate(ROWS):
        # Creation times in an order unrelated to the names.
        clock.moment = datetime(2026, 3, 1 + (n * 7) % 15, 8 + n % 9, n)
        ids[name] = services.customers.create(
            customer(
                name,
                status=CustomerStatus(status),
                siren=siren or "",
                billing_address=Address("1 rue de la Paix", "", postal, city),
                segment_id=segments[segment] if segment else None,
                salesperson_id=sellers[seller] if seller else None,
                payment_terms_days=terms,
                payment_terms_basis=PaymentTermsBasis.INVOICE_DATE,
            )
        )
        updated[ids[name]] = clock.moment
    clock.moment = datetime(2026, 3, 16, 9, 30)
    ids["belge"] = services.customers.create(
        belgian(enterprise_number="0403170701", vat_number="BE0403170701")
    )
    updated[ids["belge"]] = clock.moment
    yield services, Book(ids, segments, sellers, updated)
    services.close()


@pytest.fixture
def book(listing: tuple[Services, Book]) -> Book:
    return listing[1]


@pytest.fixture
def shared(listing: tuple[Services, Book]) -> Services:
    return listing[0]


def _names(rows: list[CustomerRow]) -> set[str]:
    return {r.legal_name for r in rows}


def _search(services: Services, text: str) -> set[str]:
    flt = CustomerFilter(text=text)
    rows = services.customers.page(flt)
    assert services.customers.count(flt) == len(rows)
    return _names(rows)


# --- search -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["epi d'or", "EPI D'OR", "L'Épi d'Or", "l’épi d’or", "  épi   d'or ", "patisserie"],
)
def test_search_ignores_accents_case_and_spaces(shared: Services, book: Book, typed: str) -> None:
    assert _search(shared, typed) == {"Boulangerie Pâtisserie L'Épi d'Or"}


def test_search_finds_the_city(shared: Services, book: Book) -> None:
    assert _search(shared, "ETIENNE") == {"Boulangerie Pâtisserie L'Épi d'Or"}
    assert _search(shared, "beaune") == {"Œnologie & Terroirs", "Vins & Spiritueux Roux"}


def test_search_folds_ligatures(shared: Services, book: Book) -> None:
    assert _search(shared, "oenologie") == {"Œnologie & Terroirs"}


def test_search_with_ampersand_and_angle_brackets(shared: Services, book: Book) -> None:
    assert _search(shared, "dupont & fils <sarl>") == {"Dupont & Fils <SARL>"}


@pytest.mark.parametrize("typed", ["732829320", "732 829 320", "732.829.320", "73282932"])
def test_search_by_siren_with_or_without_spaces(shared: Services, book: Book, typed: str) -> None:
    assert _search(shared, typed) == {"Boulangerie Pâtisserie L'Épi d'Or"}


@pytest.mark.parametrize("typed", ["0403170701", "0403.170.701", "0403 170 701", "BE0403170701"])
def test_search_by_belgian_number_as_printed(shared: Services, book: Book, typed: str) -> None:
    assert _search(shared, typed) == {"Brasserie de l'Abbaye & Fils SPRL"}


def test_search_by_postal_code(shared: Services, book: Book) -> None:
    assert _search(shared, "69001") == {"Boulangerie du Marché"}


def test_every_word_must_match(shared: Services, book: Book) -> None:
    assert _search(shared, "boulangerie") == {
        "Boulangerie Pâtisserie L'Épi d'Or",
        "Boulangerie du Marché",
    }
    assert _search(shared, "boulangerie lyon") == {"Boulangerie du Marché"}
    assert _search(shared, "lyon boulangerie") == {"Boulangerie du Marché"}
    assert _search(shared, "lefevre nantes") == {"Menuiserie Lefèvre"}
    assert _search(shared, "boulangerie nantes") == set()


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("100%", {"Remise 100% Bio"}),
        ("%", {"Remise 100% Bio"}),
        ("bio_n", {"Bio_Nature"}),
        ("_", {"Bio_Nature"}),
        ("\\", set()),
    ],
)
def test_like_wildcards_typed_by_the_user_are_literal(
    shared: Services, book: Book, typed: str, found: set[str]
) -> None:
    assert _search(shared, typed) == found


def test_empty_search_lists_everyone(shared: Services, book: Book) -> None:
    assert shared.customers.count(CustomerFilter(text="   ")) == len(ROWS) + 1


# --- filters ----------------------------------------------------------------------------


def test_filter_by_status(shared: Services, book: Book) -> None:
    flt = CustomerFilter(statuses=(CustomerStatus.PROSPECT.value,))
    expected = {r[0] for r in ROWS if r[3] == "prospect"}
    assert _names(shared.customers.page(flt)) == expected
    assert shared.customers.count(flt) == len(expected) == 4

    two = CustomerFilter(statuses=("blocked", "insolvency"))
    assert _names(shared.customers.page(two)) == {"Menuiserie Lefèvre", "Garage de l'Étoile"}


def test_filter_by_segment_and_salesperson(shared: Services, book: Book) -> None:
    flt = CustomerFilter(segment_id=book.segments["artisans"])
    rows = shared.customers.page(flt)
    assert _names(rows) == {r[0] for r in ROWS if r[4] == "artisans"}
    assert {r.segment for r in rows} == {"Artisans & commerçants"}

    flt = CustomerFilter(salesperson_id=book.sellers["marc"], segment_id=book.segments["btp"])
    rows = shared.customers.page(flt)
    assert _names(rows) == {"Dupont & Fils <SARL>", "Quincaillerie Moreau"}
    assert {r.salesperson for r in rows} == {"Marc Lambert"}


def test_filters_and_search_combine(shared: Services, book: Book) -> None:
    flt = CustomerFilter(text="lefevre", statuses=("active",))
    assert _names(shared.customers.page(flt)) == {"Charcuterie Lefèvre"}
    assert shared.customers.count(flt) == 1


def test_count_by_status_ignores_the_status_filter_but_not_the_search(
    shared: Services, book: Book
) -> None:
    everyone = shared.customers.count_by_status(CustomerFilter(statuses=("active",)))
    assert everyone[CustomerStatus.ACTIVE] == sum(1 for r in ROWS if r[3] == "active") + 1
    assert everyone[CustomerStatus.PROSPECT] == 4
    assert sum(everyone.values()) == len(ROWS) + 1

    lefevre = shared.customers.count_by_status(CustomerFilter(text="lefèvre"))
    assert lefevre == {CustomerStatus.BLOCKED: 1, CustomerStatus.ACTIVE: 1}


def test_row_content(shared: Services, book: Book) -> None:
    (row,) = shared.customers.page(CustomerFilter(text="epi d'or"))
    assert row.id == book.ids["Boulangerie Pâtisserie L'Épi d'Or"]
    assert row.identifier == "732829320"
    assert (row.postal_code, row.city) == ("42000", "Saint-Étienne")
    assert row.status is CustomerStatus.ACTIVE
    assert row.segment == "Artisans & commerçants"
    assert row.salesperson == "Elodie Dupré"
    assert row.payment_terms_days == 30
    (belge,) = shared.customers.page(CustomerFilter(text="abbaye"))
    assert belge.identifier == "0403170701"


# --- sort and paging --------------------------------------------------------------------


def _text_key(value: str | None) -> tuple:
    # NULL sorts first in ascending order (SQLite, and what the list shows).
    return (0, "") if value is None else (1, fold(value))


def _expected_order(
    services: Services, book: Book, sort: CustomerSort, descending: bool
) -> list[int]:
    rows = services.customers.page(CustomerFilter(), limit=1000)
    details = {r.id: services.customers.get(r.id) for r in rows}

    def primary(r: CustomerRow) -> tuple:
        d = details[r.id].draft
        return {
            CustomerSort.NAME: lambda: (fold(r.legal_name),),
            CustomerSort.SIREN: lambda: (
                _text_key(d.siren or None),
                _text_key(d.enterprise_number or None),
            ),
            CustomerSort.CITY: lambda: (fold(r.city),),
            CustomerSort.STATUS: lambda: (r.status.value,),
            CustomerSort.SEGMENT: lambda: (_text_key(r.segment or None),),
            CustomerSort.SALESPERSON: lambda: (_text_key(r.salesperson or None),),
            CustomerSort.PAYMENT_TERMS: lambda: (r.payment_terms_days,),
            CustomerSort.UPDATED: lambda: (book.updated[r.id],),
            # Not scored yet (None) last in both directions (issue 7).
            CustomerSort.SCORE: lambda: (
                (r.score is not None) if descending else (r.score is None),
                r.score or 0,
            ),
        }[sort]()

    # Ties are broken by name then id, in ascending order whatever the direction.
    ordered = sorted(rows, key=lambda r: (fold(r.legal_name), r.id))
    ordered.sort(key=primary, reverse=descending)  # stable: keeps the tie-break order
    return [r.id for r in ordered]


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", list(CustomerSort))
def test_sort_by_every_column_both_directions(
    shared: Services, book: Book, sort: CustomerSort, descending: bool
) -> None:
    rows = shared.customers.page(CustomerFilter(), sort, descending, limit=1000)
    assert [r.id for r in rows] == _expected_order(shared, book, sort, descending)


def test_name_sort_ignores_accents_and_ligatures(shared: Services, book: Book) -> None:
    names = [r.legal_name for r in shared.customers.page(CustomerFilter(), CustomerSort.NAME)]
    # "Œnologie" sorts as "oenologie", "Zénith" after "Vins", "Atelier Ébène" among the A.
    assert names.index("Œnologie & Terroirs") < names.index("Pharmacie de la Gare")
    assert names.index("Menuiserie Lefèvre") < names.index("Œnologie & Terroirs")
    assert names[-1] == "Zénith Transports"
    assert names[:2] == ["Alpha Levage", "Atelier Ébène"]


def test_city_sort_puts_accented_cities_in_french_order(services: Services) -> None:
    for name, city in (("Alpha", "Dijon"), ("Bravo", "Évry"), ("Charlie", "Grenoble")):
        services.customers.create(
            customer(name, billing_address=Address("", "", "91000", city, Country.FRANCE))
        )
    cities = [r.city for r in services.customers.page(CustomerFilter(), CustomerSort.CITY)]
    assert cities == ["Dijon", "Évry", "Grenoble"]


@pytest.mark.parametrize(
    ("sort", "descending"),
    [
        (CustomerSort.NAME, False),
        (CustomerSort.STATUS, False),
        (CustomerSort.PAYMENT_TERMS, True),
        (CustomerSort.SEGMENT, False),
        (CustomerSort.SALESPERSON, True),
    ],
)
def test_paging_is_stable(
    shared: Services, book: Book, sort: CustomerSort, descending: bool
) -> None:
    flt = CustomerFilter()
    whole = [r.id for r in shared.customers.page(flt, sort, descending, 0, 1000)]
    paged: list[int] = []
    offset = 0
    while True:
        page = shared.customers.page(flt, sort, descending, offset, 7)
        assert len(page) <= 7
        if not page:
            break
        paged += [r.id for r in page]
        offset += 7
    assert paged == whole
    assert sorted(paged) == sorted(set(book.ids.values()))


def test_paging_a_search(shared: Services, book: Book) -> None:
    flt = CustomerFilter(text="bio")
    first = shared.customers.page(flt, offset=0, limit=2)
    second = shared.customers.page(flt, offset=2, limit=2)
    assert [r.legal_name for r in first + second] == [
        "Bio_Nature",
        "BioXNature",
        "Remise 100% Bio",
        "Remise 1000 Bio",
    ]
    assert shared.customers.page(flt, offset=4, limit=2) == []


def test_salesperson_and_segment_sorts_ignore_accents(services: Services) -> None:
    from desktop.domain.enums import Profile

    zoe = services.reference.add_user("Zoé Martin", Profile.SALESPERSON)
    emilie = services.reference.add_user("Émilie Durand", Profile.SALESPERSON)
    denis = services.reference.add_user("Denis Roux", Profile.SALESPERSON)
    for name, salesperson in (("Alpha", zoe), ("Bravo", emilie), ("Charlie", denis)):
        services.customers.create(customer(name, salesperson_id=salesperson))
    rows = services.customers.page(CustomerFilter(), CustomerSort.SALESPERSON)
    assert [r.salesperson for r in rows] == ["Denis Roux", "Émilie Durand", "Zoé Martin"]
    assert [u.name for u in services.reference.salespeople()] == [
        "Denis Roux",
        "Émilie Durand",
        "Zoé Martin",
    ]
