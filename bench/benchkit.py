"""What the benchmarks share: medians, the machine, results.json, the large files.

The benchmark scripts import it as a sibling module (`python bench/bench_x.py` puts
`bench/` first on the path); `bench/run_all.py` uses it to build the files once.
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results.json"
BUILD = ROOT / "build" / "bench"
# Every benchmark file is generated as of this day, so that figures compare run to run.
AS_OF = date(2026, 3, 16)
NOW = datetime(2026, 3, 16, 9, 30)
T = TypeVar("T")


def median_seconds(run: Callable[[], T], repeat: int) -> tuple[float, T]:
    """The median wall time of `repeat` calls of `run`, and the last result."""
    times = []
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def machine() -> dict[str, object]:
    """What the figures were measured on; the load says how busy the machine was."""
    import sqlalchemy

    return {
        "cpus": os.cpu_count(),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite": sqlite3.sqlite_version,
    }


def merge_results(key: str, figures: dict[str, object]) -> None:
    """Write `figures` under `key` in bench/results.json, keeping the other keys."""
    results: dict[str, object] = {}
    if RESULTS.exists():
        try:
            results = json.loads(RESULTS.read_text(encoding="utf-8"))
        except ValueError:
            results = {}
    results[key] = figures
    RESULTS.write_text(
        json.dumps(results, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def stamp() -> str:
    return datetime.now().isoformat(timespec="seconds")


# --- the large files ---------------------------------------------------------------------


def build_large(path: Path, size: str | tuple[int, int], *, seed: int = 11) -> dict[str, Any]:
    """Create `path` with `encaisse demo --size` rows as of AS_OF; returns the summary
    and how long it took. `size` is "large", "huge" or (customers, invoices)."""
    from desktop.domain.clock import FixedClock
    from desktop.persistence.database import Database
    from desktop.persistence.migrations import open_or_create
    from desktop.services.demo_large import SIZES, LargeSize, generate_large
    from desktop.services.registry import build_services

    chosen = SIZES[size] if isinstance(size, str) else LargeSize.custom(*size)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    open_or_create(path, now=NOW, app_version="bench")
    services = build_services(Database.at(path), FixedClock(NOW), lambda: "bench")
    shown = [-10]

    def progress(fraction: float) -> None:  # a line every 10 %: a huge file takes minutes
        if fraction * 100 >= shown[0] + 10:
            shown[0] = int(fraction * 10) * 10
            print(f"    {shown[0]:3d} % ({time.perf_counter() - started:.0f} s)", flush=True)

    try:
        summary = generate_large(services, chosen, seed=seed, progress=progress)
        with services.database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        services.close()
    return {"summary": str(summary), "seconds": round(time.perf_counter() - started, 1)}


def fresh_copy(source: Path, target: Path) -> Path:
    """A copy of a built file through SQLite's backup API (safe whatever the journal)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target
