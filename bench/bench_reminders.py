"""Benchmark: the actions due for 5,000 customers with 200,000 invoices (issues 4 and 9).

    .venv/bin/python bench/bench_reminders.py [--customers 5000] [--invoices 200000]
                                              [--db FILE] [--no-save] [--profile]

Builds a data file with the large-file generator (`encaisse demo --size large`, see
desktop/services/demo_large.py; `--customers`/`--invoices` scale it): customers in a few
segments (consumers, a few insolvent or blocked ones, salespeople), invoices over two
years, most of them settled, about 17 % still open with a spread of due dates, a few
credit notes and unmatched payments, open and closed disputes, pending and past promises
to pay, a few repayment plans, and a reminder history of about 50,000 actions (done or
skipped, at the levels of the plans shipped by migration 0005). `--db` reuses a file
built before (`make bench` keeps one in build/bench/). Then measures, in the same run,
median of `--runs` (5):

(a) the floor: hand-written `sqlite3` queries reading what the engine needs (the plans,
    the open items with their disputed sums, the customers with their segment's plan,
    the past actions with their level ranks, the pending promises) into Python tuples;
    beside it, for the breakdown, the floor plus the pure engine (`actions_due`) fed
    with those tuples;
(b) `ReminderService.refresh(as_of)`, the first refresh of the day (it saves the new
    actions), each run on a fresh copy of the file;
(c) `ReminderService.due(as_of)`, the day's list, on a refreshed copy;
(d) `CalendarService.events(month start, month end)`, the month view with the engine's
    forecast, on a refreshed copy.

Prints the seconds, the ratios to the floor and whether (b) meets the 2 s target, and
merges the figures into bench/results.json under "reminders". `--profile` also prints
where (b) and (d) spend their time (cProfile). Not a test: it takes a few minutes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchkit import fresh_copy  # noqa: E402

from desktop.domain.clock import FixedClock  # noqa: E402
from desktop.domain.dunning import (  # noqa: E402
    CustomerState,
    DueAction,
    DunningLevel,
    DunningPlan,
    OpenItem,
    PastAction,
    Promise,
    actions_due,
)
from desktop.domain.enums import (  # noqa: E402
    ActionStatus,
    Channel,
    CustomerStatus,
    DocumentKind,
    PromiseStatus,
    Tone,
)
from desktop.persistence.database import Database  # noqa: E402
from desktop.services.registry import Services, build_services  # noqa: E402

AS_OF = date(2026, 3, 16)
NOW = datetime(2026, 3, 16, 9, 30)
MONTH = (date(2026, 3, 1), date(2026, 3, 31))
HISTORY_DAYS = 730  # two years of invoices
TARGET_SECONDS = 2.0
RUNS = 5
RESULTS = ROOT / "bench" / "results.json"
T = TypeVar("T")


def build(path: Path, customers: int, invoices: int, seed: int = 11) -> dict[str, int]:
    """Create the file at `path` with the large-file generator (`encaisse demo --size`,
    services.demo_large) and return how many rows each table received."""
    from benchkit import build_large

    size: str | tuple[int, int] = (
        "large" if (customers, invoices) == (5_000, 200_000) else (customers, invoices)
    )
    build_large(path, size, seed=seed)
    return _counts(path)


def _counts(path: Path) -> dict[str, int]:
    tables = {
        "customers": "customers",
        "invoices": "documents WHERE kind = 'invoice'",
        "open_invoices": "documents WHERE kind = 'invoice' AND settled_on IS NULL",
        "overdue_invoices": (
            f"documents WHERE kind = 'invoice' AND settled_on IS NULL AND due_on < '{AS_OF}'"
        ),
        "credit_notes": "documents WHERE kind = 'credit_note'",
        "payments": "documents WHERE kind = 'payment'",
        "open_disputes": "disputes WHERE status NOT IN ('resolved', 'rejected')",
        "dispute_items": "dispute_items",
        "pending_promises": "promises_to_pay WHERE status = 'pending'",
        "reminder_actions": "reminder_actions",
        "reminder_action_items": "reminder_action_items",
    }
    connection = sqlite3.connect(path)
    try:
        return {
            key: int(connection.execute(f"SELECT COUNT(*) FROM {sql}").fetchone()[0])
            for key, sql in tables.items()
        }
    finally:
        connection.close()


# --- the floor ---------------------------------------------------------------------------

_CLOSED = "('resolved', 'rejected')"
FLOOR_SQL = {
    "plans": """
        SELECT p.id, p.name, p.min_gap_days, p.for_consumers, p.is_default,
               l.rank, l.name, l.offset_days, l.channel, l.tone,
               l.claims_penalties, l.claims_indemnity, l.deadline_days
        FROM dunning_plans AS p JOIN dunning_levels AS l ON l.plan_id = p.id
        ORDER BY p.id, l.rank""",
    "items": f"""
        SELECT d.id, d.customer_id, d.kind, d.due_on, d.open_cents,
               COALESCE(x.disputed, 0), r.document_id IS NOT NULL
        FROM documents AS d
        LEFT JOIN (
            SELECT i.document_id, SUM(i.disputed_cents) AS disputed
            FROM dispute_items AS i JOIN disputes AS s ON s.id = i.dispute_id
            WHERE s.status NOT IN {_CLOSED}
            GROUP BY i.document_id
        ) AS x ON x.document_id = d.id
        LEFT JOIN (
            SELECT DISTINCT pd.document_id
            FROM repayment_plan_documents AS pd
            JOIN repayment_plans AS rp ON rp.id = pd.plan_id
            WHERE rp.status = 'active'
        ) AS r ON r.document_id = d.id
        WHERE d.settled_on IS NULL AND d.open_cents <> 0 AND d.issued_on <= :as_of""",
    "customers": """
        SELECT c.id, c.is_consumer, c.status, c.insolvency_kind, c.salesperson_id,
               s.dunning_plan_id
        FROM customers AS c LEFT JOIN segments AS s ON s.id = c.segment_id""",
    "past": """
        SELECT a.customer_id, l.rank, a.planned_on, a.status, a.done_on
        FROM reminder_actions AS a JOIN dunning_levels AS l ON l.id = a.level_id""",
    "promises": """
        SELECT customer_id, promised_for, grace_days, status
        FROM promises_to_pay WHERE status = 'pending'""",
}

FloorData = dict[str, list[tuple[Any, ...]]]


def floor(path: Path) -> FloorData:
    """(a) Everything the engine reads, as raw tuples, through the bare sqlite3 module."""
    connection = sqlite3.connect(path)
    try:
        params = {"as_of": AS_OF.isoformat()}
        return {key: connection.execute(sql, params).fetchall() for key, sql in FLOOR_SQL.items()}
    finally:
        connection.close()


def engine_on(data: FloorData) -> list[DueAction]:
    """The pure engine fed with the floor's tuples: the work no storage layer can avoid."""
    day = date.fromisoformat
    levels: dict[int, list[DunningLevel]] = {}
    plans_meta: dict[int, tuple[str, int, bool, bool]] = {}
    for pid, pname, gap, consumers, default, rank, name, off, ch, tone, pen, ind, dl in data[
        "plans"
    ]:
        plans_meta[pid] = (pname, gap, bool(consumers), bool(default))
        levels.setdefault(pid, []).append(
            DunningLevel(rank, name, off, Channel(ch), Tone(tone), bool(pen), bool(ind), dl)
        )
    rules = {
        pid: DunningPlan(name, tuple(levels[pid]), gap, consumers)
        for pid, (name, gap, consumers, _) in plans_meta.items()
    }
    default = next(pid for pid, meta in plans_meta.items() if meta[3])
    consumer = next(pid for pid, meta in plans_meta.items() if meta[2])
    items = [
        OpenItem(doc, cid, DocumentKind(kind), day(due), cents, disputed, bool(in_plan))
        for doc, cid, kind, due, cents, disputed, in_plan in data["items"]
    ]
    owing = {item.customer_id for item in items}
    states = [
        CustomerState(
            cid,
            rules[segment_plan if segment_plan in rules else consumer if is_consumer else default],
            insolvent=status == CustomerStatus.INSOLVENCY.value or kind is not None,
            blocked=status == CustomerStatus.BLOCKED.value,
        )
        for cid, is_consumer, status, kind, _, segment_plan in data["customers"]
        if cid in owing
    ]
    past = [
        PastAction(cid, rank, day(planned), ActionStatus(status), day(done) if done else None)
        for cid, rank, planned, status, done in data["past"]
    ]
    promises = [
        Promise(cid, day(promised), grace, PromiseStatus(status))
        for cid, promised, grace, status in data["promises"]
    ]
    return actions_due(AS_OF, states, items, past, promises)


# --- measuring ---------------------------------------------------------------------------


def median_seconds(run: Callable[[], T], repeat: int | None = None) -> tuple[float, T]:
    times = []
    for _ in range(repeat or RUNS):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def open_services(path: Path) -> Services:
    return build_services(Database.at(path), FixedClock(NOW), lambda: "bench")


def timed_refreshes(source: Path, workdir: Path) -> tuple[float, int, Path]:
    """(b) median of RUNS first refreshes of the day, each on its own fresh copy; returns
    the median, the actions created and the last refreshed copy."""
    times: list[float] = []
    created = 0
    copy = workdir / "refreshed.sqlite"
    for _ in range(RUNS):
        fresh_copy(source, copy)
        services = open_services(copy)
        try:
            start = time.perf_counter()
            result = services.reminders.refresh(AS_OF)
            times.append(time.perf_counter() - start)
            created = result.created
        finally:
            services.close()
    return statistics.median(times), created, copy


def profile(label: str, run: Callable[[], object], lines: int = 25) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    print(f"\n--- profile: {label} (by cumulative time) ---")
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(lines)
    print(f"--- profile: {label} (by own time) ---")
    stats.sort_stats("tottime").print_stats(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=5_000)
    parser.add_argument("--invoices", type=int, default=200_000)
    parser.add_argument("--db", type=Path, help="reuse (or build once) this file; never modified")
    parser.add_argument("--no-save", action="store_true", help="do not write results.json")
    parser.add_argument("--profile", action="store_true", help="print cProfile of (b) and (d)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args(argv)
    global RUNS
    RUNS = args.runs

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        path = args.db or workdir / "bench-reminders.sqlite"
        if not path.exists():
            start = time.perf_counter()
            build(path, args.customers, args.invoices)
            print(f"built in {time.perf_counter() - start:.1f} s")
        counts = _counts(path)
        print(", ".join(f"{key} {value:,}" for key, value in counts.items()))

        floor(path)  # warm the page cache
        floor_s, data = median_seconds(lambda: floor(path))
        engine_s, expected = median_seconds(lambda: engine_on(floor(path)))
        refresh_s, created, refreshed = timed_refreshes(path, workdir)

        services = open_services(refreshed)
        try:
            again_s, again = median_seconds(lambda: services.reminders.refresh(AS_OF))
            due_s, due = median_seconds(lambda: services.reminders.due(AS_OF))
            events_s, events = median_seconds(lambda: services.calendar.events(*MONTH))
            forecast_s, _ = median_seconds(lambda: services.reminders.forecast(AS_OF, MONTH[1]))
            between_s, _ = median_seconds(lambda: services.reminders.between(*MONTH))
        finally:
            services.close()
        connection = sqlite3.connect(refreshed)
        try:
            # The history's ids come first: what is above them is what the refresh saved.
            saved, saved_total = connection.execute(
                "SELECT COUNT(*), COALESCE(SUM(total_cents), 0) FROM reminder_actions WHERE id > ?",
                (counts["reminder_actions"],),
            ).fetchone()
        finally:
            connection.close()

        if args.profile:
            profile_copy = fresh_copy(path, workdir / "profiled.sqlite")
            services = open_services(profile_copy)
            try:
                profile("refresh (first of the day)", lambda: services.reminders.refresh(AS_OF))
                profile("calendar month view", lambda: services.calendar.events(*MONTH))
            finally:
                services.close()

    # The floor and the service must agree on what is due, or the comparison means nothing.
    assert created == saved == len(expected), (created, saved, len(expected))
    assert saved_total == sum(action.total_cents for action in expected), "totals differ"
    assert again.created == 0, "a second refresh the same day created actions"
    assert len(due) == created, (len(due), created)

    ok = refresh_s <= TARGET_SECONDS
    floor_rows = sum(len(rows) for rows in data.values())
    lines = (
        ("(a) floor, sqlite3 tuples", floor_s, f"{floor_rows:,} rows"),
        ("    floor + pure engine", engine_s, f"{len(expected):,} actions"),
        ("(b) refresh, first of the day", refresh_s, f"{created:,} actions created"),
        ("    refresh again, same day", again_s, "nothing to create"),
        ("(c) due(as_of)", due_s, f"{len(due):,} rows"),
        ("(d) calendar month view", events_s, f"{len(events):,} events"),
        ("    of which: forecast", forecast_s, "from as_of to the month's end"),
        ("    of which: between", between_s, "the month's actions"),
    )
    for label, seconds, note in lines:
        print(f"{label:31} {seconds:7.3f} s  {seconds / floor_s:5.1f} x floor  ({note})")
    print(f"target (b) <= {TARGET_SECONDS} s: {'met' if ok else 'MISSED'}")
    if not args.no_save:
        entry = {
            "as_of": AS_OF.isoformat(),
            "rows": counts,
            "runs": RUNS,
            "floor_seconds": round(floor_s, 4),
            "floor_plus_engine_seconds": round(engine_s, 4),
            "refresh_seconds": round(refresh_s, 4),
            "refresh_again_seconds": round(again_s, 4),
            "due_seconds": round(due_s, 4),
            "calendar_month_seconds": round(events_s, 4),
            "forecast_seconds": round(forecast_s, 4),
            "between_seconds": round(between_s, 4),
            "actions_created": created,
            "due_rows": len(due),
            "calendar_events": len(events),
            "ratio_refresh": round(refresh_s / floor_s, 2),
            "ratio_due": round(due_s / floor_s, 2),
            "ratio_calendar": round(events_s / floor_s, 2),
            "target_seconds": TARGET_SECONDS,
            "ok": ok,
            # Figures from a busy machine are not comparable: say how busy it was.
            "machine": {
                "cpus": os.cpu_count(),
                "load_average_1min": round(os.getloadavg()[0], 2),
                "python": platform.python_version(),
                "sqlite": sqlite3.sqlite_version,
            },
            "measured_at": datetime.now().isoformat(timespec="seconds"),
        }
        # Other benchmarks write their own keys: read, merge and write back at once.
        results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        results["reminders"] = entry
        RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
