"""Benchmark: the aged balance over a large file, against a hand-written SQL aggregate.

    .venv/bin/python bench/bench_aging.py [--items 1000000] [--customers 5000]

Builds a data file (through the migrations, then Core bulk inserts) with `--customers`
customers and `--items` open documents, then measures in the same run, median of 5:

(a) a hand-written SQL aggregate run through the `sqlite3` module: the same bucketing
    by due date, summed per customer, joined with the customers' code and name;
(b) `ReceivablesService.aged_balance` (SQLAlchemy Core, result as frozen dataclasses).

Prints the ratio b / a (target: at most 2) and merges the figures into
bench/results.json under "aged_balance". Not a test: it takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchkit import machine  # noqa: E402
from sqlalchemy import text  # noqa: E402

from desktop.domain.aging import DEFAULT_BUCKETS  # noqa: E402
from desktop.domain.clock import FixedClock  # noqa: E402
from desktop.domain.enums import CustomerStatus, DocumentKind  # noqa: E402
from desktop.persistence.bulk import insert_rows  # noqa: E402
from desktop.persistence.database import Database  # noqa: E402
from desktop.persistence.migrations import open_or_create  # noqa: E402
from desktop.persistence.models import Customer, Document, Segment, User  # noqa: E402
from desktop.services.registry import build_services  # noqa: E402

AS_OF = date(2026, 3, 16)
NOW = datetime(2026, 3, 16, 9, 30)
TARGET_RATIO = 2.0
RESULTS = ROOT / "bench" / "results.json"


def build(path: Path, customers: int, items: int, seed: int = 7) -> None:
    """A file with `customers` customers and `items` open documents (signed amounts)."""
    rng = random.Random(seed)
    open_or_create(path, now=NOW, app_version="bench")
    database = Database.at(path)
    try:
        with database.transaction() as session:
            stamp = {"created_at": NOW, "updated_at": NOW}
            insert_rows(
                session,
                User,
                (
                    {"id": i, "name": f"Commercial {i}", "profile": "salesperson", **stamp}
                    for i in range(1, 21)
                ),
            )
            insert_rows(
                session,
                Segment,
                ({"id": i, "name": f"Segment {i}", **stamp} for i in range(1, 9)),
            )
            insert_rows(
                session,
                Customer,
                (
                    {
                        "id": i,
                        "status": CustomerStatus.ACTIVE.value,
                        "legal_name": f"Client {i:05d} SARL",
                        "sort_name": f"client {i:05d} sarl",
                        "account_code": f"411C{i:05d}",
                        "segment_id": rng.randint(1, 8) if i % 10 else None,
                        "salesperson_id": rng.randint(1, 20) if i % 7 else None,
                        **stamp,
                    }
                    for i in range(1, customers + 1)
                ),
            )

            def documents():  # type: ignore[no-untyped-def]
                for i in range(1, items + 1):
                    issued = AS_OF - timedelta(days=rng.randint(0, 240))
                    due = issued + timedelta(days=rng.choice((0, 30, 45, 60)))
                    if i % 20 == 0:
                        kind, sign = DocumentKind.CREDIT_NOTE, -1
                    elif i % 33 == 0:
                        kind, sign = DocumentKind.PAYMENT, -1
                    else:
                        kind, sign = DocumentKind.INVOICE, 1
                    total = sign * rng.randint(1_000, 2_000_000)
                    yield {
                        "customer_id": rng.randint(1, customers),
                        "kind": kind.value,
                        "number": f"N{i:08d}",
                        "issued_on": issued,
                        "due_on": due,
                        "total_cents": total,
                        "open_cents": total if i % 4 else total // 2,
                        "settled_on": None,
                        **stamp,
                    }

            insert_rows(session, Document, documents(), chunk_size=20_000)
    finally:
        database.close()


def hand_written(path: Path, *, force_scan: bool) -> Callable[[], list[tuple]]:  # type: ignore[type-arg]
    """The aggregate one would write by hand: one pass, one SUM(CASE) per bucket.

    `force_scan` writes GROUP BY +customer_id, the SQLite idiom that stops the planner
    from walking ix_documents_customer_open (one random table read per document, about
    3× slower here) and makes it scan the table and sort; the faster of the two is the
    baseline.
    """
    dates = [d.isoformat() for d in DEFAULT_BUCKETS.boundary_dates(AS_OF)]
    as_of = AS_OF.isoformat()
    amount = "CASE WHEN d.settled_on IS NULL THEN d.open_cents ELSE d.total_cents END"
    columns = []
    for index in range(len(dates) + 1):
        conditions = []
        if index < len(dates):
            conditions.append(f"d.due_on >= '{dates[index]}'")
        if index > 0:
            conditions.append(f"d.due_on < '{dates[index - 1]}'")
        columns.append(
            f"SUM(CASE WHEN {' AND '.join(conditions)} THEN {amount} ELSE 0 END) AS b{index}"
        )
    # As the service: a customer is listed unless every bucket is zero (a credit note in
    # one bucket may cancel an invoice in another: the total is then zero, not the row).
    listed = " OR ".join(f"g.b{index} <> 0" for index in range(len(columns)))
    group = "+d.customer_id" if force_scan else "d.customer_id"
    sql = f"""
        SELECT c.id, c.account_code, c.legal_name, g.*
        FROM (
            SELECT d.customer_id, {", ".join(columns)}, SUM({amount}) AS total
            FROM documents AS d
            WHERE d.issued_on <= '{as_of}'
              AND (d.settled_on IS NULL OR d.settled_on > '{as_of}')
            GROUP BY {group}
        ) AS g JOIN customers AS c ON c.id = g.customer_id
        WHERE {listed}
        ORDER BY c.sort_name, c.id
    """

    def run() -> list[tuple]:  # type: ignore[type-arg]
        connection = sqlite3.connect(path)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    return run


def median_seconds(run: Callable[[], object], repeat: int = 5) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=5_000)
    parser.add_argument("--db", type=Path, help="reuse (or build once) this file")
    parser.add_argument("--no-save", action="store_true", help="do not write results.json")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--build-only", action="store_true", help="build --db, measure nothing")
    parser.add_argument(
        "--key", default="aged_balance", help="key in results.json (another file, another key)"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench-aging.sqlite"
        if not path.exists():
            start = time.perf_counter()
            build(path, args.customers, args.items)
            print(f"built {args.items:,} documents in {time.perf_counter() - start:.1f} s")
        if args.build_only:
            return 0
        services = build_services(Database.at(path), FixedClock(NOW), lambda: "bench")
        try:
            services.receivables.aged_balance(AS_OF)  # warm the page cache and the pool
            runs = args.runs
            naive_s, raw_rows = median_seconds(hand_written(path, force_scan=False), runs)
            scan_s, _ = median_seconds(hand_written(path, force_scan=True), runs)
            svc_s, balance = median_seconds(lambda: services.receivables.aged_balance(AS_OF), runs)
            with services.database.read() as session:
                open_items = session.execute(
                    text(
                        "SELECT COUNT(*) FROM documents WHERE issued_on <= :d "
                        "AND (settled_on IS NULL OR settled_on > :d)"
                    ),
                    {"d": AS_OF.isoformat()},
                ).scalar_one()
                documents = session.execute(text("SELECT COUNT(*) FROM documents")).scalar_one()
            raw_s = min(naive_s, scan_s)
        finally:
            services.close()

    assert len(raw_rows) == len(balance.rows), (len(raw_rows), len(balance.rows))  # type: ignore[arg-type, attr-defined]
    raw_total = sum(row[-1] for row in raw_rows)  # type: ignore[union-attr]
    assert raw_total == balance.total, (raw_total, balance.total)  # type: ignore[attr-defined]
    ratio = svc_s / raw_s
    print(f"hand-written SQL : {naive_s:.3f} s (GROUP BY customer_id)")
    print(f"hand-written SQL : {scan_s:.3f} s (GROUP BY +customer_id, table scan)")
    print(f"aged_balance     : {svc_s:.3f} s")
    print(f"open items       : {open_items:,} of {documents:,} documents")
    print(f"ratio            : {ratio:.2f} (target <= {TARGET_RATIO})")
    if not args.no_save:
        results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        results[args.key] = {
            "file": path.name if args.db else "built for this run",
            "items": open_items,
            "documents": documents,
            "customers": len(balance.rows),  # type: ignore[attr-defined]
            "runs": args.runs,
            "hand_written_seconds": round(raw_s, 4),
            "hand_written_index_walk_seconds": round(naive_s, 4),
            "hand_written_table_scan_seconds": round(scan_s, 4),
            "seconds": round(svc_s, 4),
            "ratio": round(ratio, 3),
            "target": TARGET_RATIO,
            "ok": ratio <= TARGET_RATIO,
            "measured_at": datetime.now().isoformat(timespec="seconds"),
            "machine": machine(),
        }
        RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
