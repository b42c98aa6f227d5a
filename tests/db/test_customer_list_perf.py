"""The customer list stays quick on a large file: 50,000 customers."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from sqlalchemy import insert
from stdnum import luhn

from desktop.domain.clock import FixedClock
from desktop.domain.enums import CustomerStatus
from desktop.domain.text import fold, search_key
from desktop.persistence.database import Database
from desktop.persistence.migrations import open_or_create
from desktop.persistence.models import Customer
from desktop.services.customers import CustomerFilter, CustomerSort
from desktop.services.registry import Services, build_services

N = 50_000
BUDGET_S = 0.150

TRADES = [
    "Boulangerie",
    "Pâtisserie",
    "Boucherie",
    "Charcuterie",
    "Menuiserie",
    "Garage",
    "Plomberie",
    "Électricité",
    "Pharmacie",
    "Librairie",
    "Fromagerie",
    "Quincaillerie",
    "Imprimerie",
    "Transports",
    "Brasserie",
    "Société Générale d'Équipements",
]
NAMES = [
    "Dupont",
    "Lefèvre",
    "Martin",
    "Bernard",
    "Dubois",
    "Moreau",
    "Laurent",
    "Girard",
    "Rousseau",
    "Fournier",
    "Mercier",
    "Blanc",
    "Guérin",
    "Faure",
    "Chevalier",
    "Noël",
]
SUFFIXES = ["& Fils", "SARL", "SAS", "& Cie", "du Centre", "de l'Étoile", "<SARL>", ""]
CITIES = [
    ("75011", "Paris"),
    ("69002", "Lyon"),
    ("13001", "Marseille"),
    ("42000", "Saint-Étienne"),
    ("33000", "Bordeaux"),
    ("44000", "Nantes"),
    ("59000", "Lille"),
    ("31000", "Toulouse"),
    ("67000", "Strasbourg"),
    ("21000", "Dijon"),
    ("97400", "Saint-Denis"),
    ("29200", "Brest"),
]


def _siren(n: int) -> str:
    base = f"{10_000_000 + n:08d}"
    return base + luhn.calc_check_digit(base)


def _rows(now: datetime) -> Iterator[dict[str, object]]:
    rnd = random.Random(20260316)
    statuses = [s.value for s in CustomerStatus]
    for n in range(N):
        name = " ".join(
            p for p in (rnd.choice(TRADES), rnd.choice(NAMES), rnd.choice(SUFFIXES)) if p
        )
        postal, city = rnd.choice(CITIES)
        siren = _siren(n)
        yield {
            "status": rnd.choice(statuses),
            "legal_name": name,
            "trade_name": "",
            "legal_form": "",
            "country": "FR",
            "siren": siren,
            "siret": "",
            "enterprise_number": None,
            "vat_number": "",
            "account_code": f"411{n:06d}",
            "billing_postal_code": postal,
            "billing_city": city,
            "payment_terms_days": rnd.choice((30, 45, 60)),
            "payment_terms_basis": "invoice_date",
            # As services.customers._apply computes them.
            "search_text": search_key(name, "", siren, "", "", "", f"411{n:06d}", postal, city),
            "sort_name": fold(name)[:200],
            "created_at": now,
            "updated_at": now,
        }


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    path = tmp_path_factory.mktemp("gros") / "gros-fichier.sqlite"
    clock = FixedClock(datetime(2026, 3, 16, 9, 30))
    open_or_create(path, now=clock.now(), app_version="test")
    services = build_services(Database.at(path), clock, lambda: "Camille Test")
    started = time.perf_counter()
    rows = list(_rows(clock.now()))
    with services.database.transaction() as session:
        session.execute(insert(Customer), rows)
    print(f"\n{N} clients insérés en {time.perf_counter() - started:.2f} s")
    yield services
    services.close()


def _median_s(action: Callable[[], object], runs: int = 5) -> float:
    action()  # warm the page cache once, as a user scrolling does
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("label", "flt", "sort"),
    [
        ("no filter, by name", CustomerFilter(), CustomerSort.NAME),
        ("common word", CustomerFilter(text="boulangerie"), CustomerSort.NAME),
        ("two words, accents", CustomerFilter(text="Lefèvre saint-étienne"), CustomerSort.NAME),
        (
            "rare: SIREN with spaces",
            CustomerFilter(text=_siren(41_234)[:3] + " " + _siren(41_234)[3:]),
            CustomerSort.NAME,
        ),
        ("no match", CustomerFilter(text="zzzz introuvable"), CustomerSort.NAME),
        (
            "status + word, by city",
            CustomerFilter(text="dupont", statuses=("active",)),
            CustomerSort.CITY,
        ),
    ],
)
def test_search_page_and_count_are_quick(
    big: Services, label: str, flt: CustomerFilter, sort: CustomerSort
) -> None:
    rows = big.customers.page(flt, sort, limit=200)
    total = big.customers.count(flt)
    assert len(rows) == min(200, total)
    if flt.statuses:
        assert {r.status.value for r in rows} <= set(flt.statuses)

    page_s = _median_s(lambda: big.customers.page(flt, sort, limit=200))
    count_s = _median_s(lambda: big.customers.count(flt))
    print(f"\n{label!r}: {total} found, page {page_s * 1000:.1f} ms, count {count_s * 1000:.1f} ms")
    assert page_s < BUDGET_S, f"page took {page_s * 1000:.0f} ms"
    assert count_s < BUDGET_S, f"count took {count_s * 1000:.0f} ms"


@pytest.mark.slow
def test_large_file_search_finds_the_right_customers(big: Services) -> None:
    siren = _siren(41_234)
    (row,) = big.customers.page(CustomerFilter(text=f"{siren[:3]} {siren[3:6]} {siren[6:]}"))
    assert row.identifier == siren
    everyone = big.customers.count(CustomerFilter())
    assert everyone == N
    boulangeries = big.customers.page(CustomerFilter(text="BOULANGERIE"), limit=200)
    assert boulangeries and all("Boulangerie" in r.legal_name for r in boulangeries)
    assert [r.legal_name for r in boulangeries] == sorted(
        (r.legal_name for r in boulangeries), key=lambda n: fold(n)
    )
