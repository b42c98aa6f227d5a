"""`make bench`: every benchmark beside its floor, one table, bench/results.json and the docs.

    .venv/bin/python bench/run_all.py [--quick] [--only NAME ...] [--rebuild]

1. Builds the data files once into build/bench/ and reuses them while their generator
   version, size, seed and day are unchanged (a JSON file beside each says so):
   `large.sqlite` (`encaisse demo --size large`: 5,000 customers, 200,000 invoices),
   `huge.sqlite` (`--size huge`: 50,000 customers, 1,000,000 invoices) and
   `aging-1m.sqlite` (1,000,000 open items, bench/bench_aging.py's own file).
2. Runs the benchmarks one after the other, each in its own process, with run counts
   sized so that everything ends in under 15 minutes on a 2-core machine (builds
   included): import, aging, reminders, letters, startup, ui.
3. Prints one table — figure | measured | floor | ratio | target | ok —, writes it under
   "summary" in bench/results.json (each benchmark wrote its own figures there) and
   regenerates the table in docs/performance.md (between its markers; the text around
   them is kept), with the machine, its load and the date.

`--quick` runs fewer repetitions (to try the chain, not to publish figures); `--only`
runs some benchmarks and rebuilds the table from the figures already in results.json.
Exit code 0 when every target is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from benchkit import AS_OF, BUILD, RESULTS, ROOT, build_large, machine, merge_results

DOCS = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
SEED = 11
AGING_FILE_VERSION = 1  # bump when bench_aging.build changes
ALL = ("import", "aging", "reminders", "letters", "startup", "ui")
REUSED: list[str] = []  # the data files of an earlier run this run used again


# --- the files -------------------------------------------------------------------------


def _stamp_of(kind: str) -> dict[str, object]:
    from desktop.services.demo_large import GENERATOR_VERSION

    version = AGING_FILE_VERSION if kind == "aging-1m" else GENERATOR_VERSION
    return {"kind": kind, "version": version, "seed": SEED, "as_of": AS_OF.isoformat()}


def ensure_file(kind: str, rebuild: bool) -> Path:
    """build/bench/<kind>.sqlite, built unless a file of the same stamp is there."""
    path = BUILD / f"{kind}.sqlite"
    sidecar = BUILD / f"{kind}.json"
    wanted = _stamp_of(kind)
    if not rebuild and path.exists() and sidecar.exists():
        try:
            known = json.loads(sidecar.read_text(encoding="utf-8"))
        except ValueError:
            known = {}
        if {k: known.get(k) for k in wanted} == wanted:
            print(f"  {path.relative_to(ROOT)}: reused ({known.get('built', '?')})")
            REUSED.append(kind)
            return path
    print(f"  {path.relative_to(ROOT)}: building…", flush=True)
    started = time.perf_counter()
    sidecar.unlink(missing_ok=True)
    if kind == "aging-1m":
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        BUILD.mkdir(parents=True, exist_ok=True)
        _run([sys.executable, "bench/bench_aging.py", "--db", str(path), "--build-only"])
        summary = "1,000,000 open items, 5,000 customers"
    else:
        summary = str(build_large(path, kind, seed=SEED)["summary"])
    seconds = round(time.perf_counter() - started, 1)
    print(f"  {path.relative_to(ROOT)}: built in {seconds} s — {summary}", flush=True)
    sidecar.write_text(
        json.dumps(
            {
                **wanted,
                "built": datetime.now().isoformat(timespec="seconds"),
                "build_seconds": seconds,
                "summary": summary,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return path


# --- running ---------------------------------------------------------------------------


def _run(command: list[str], env: dict[str, str] | None = None) -> int:
    """Run a benchmark, its output shown as it comes; returns its exit code (a missed
    target is 1: the table says which)."""
    print(f"$ {' '.join(command[1:])}", flush=True)
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{command[1]} failed (exit {result.returncode})")
    return result.returncode


def benchmarks(quick: bool, files: dict[str, Path]) -> dict[str, Callable[[], int]]:
    py = sys.executable
    runs = {"import": 3, "aging": 5, "reminders": 3, "letters": 3, "startup": 7, "opens": 20}
    if quick:
        runs = {"import": 1, "aging": 1, "reminders": 1, "letters": 1, "startup": 2, "opens": 3}
    offscreen = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return {
        "import": lambda: _run([py, "bench/bench_import.py", "--runs", str(runs["import"])]),
        "aging": lambda: max(
            _run(
                [
                    py,
                    "bench/bench_aging.py",
                    "--db",
                    str(files["aging-1m"]),
                    "--runs",
                    str(runs["aging"]),
                ]
            ),
            _run(
                [
                    py,
                    "bench/bench_aging.py",
                    "--db",
                    str(files["huge"]),
                    "--runs",
                    str(min(runs["aging"], 3)),
                    "--key",
                    "aged_balance_huge",
                ]
            ),
        ),
        "reminders": lambda: _run(
            [
                py,
                "bench/bench_reminders.py",
                "--db",
                str(files["large"]),
                "--runs",
                str(runs["reminders"]),
            ]
        ),
        "letters": lambda: _run([py, "bench/bench_letters.py", "--runs", str(runs["letters"])]),
        "startup": lambda: _run(
            [
                py,
                "bench/bench_startup.py",
                "--db",
                str(files["large"]),
                "--runs",
                str(runs["startup"]),
            ]
        ),
        "ui": lambda: _run(
            [
                py,
                "bench/bench_ui.py",
                "--large",
                str(files["large"]),
                "--customers",
                str(files["huge"]),
                "--opens",
                str(runs["opens"]),
            ],
            env=offscreen,
        ),
    }


# --- the table -------------------------------------------------------------------------

Row = tuple[str, str, str, str, str, bool | None]


def _get(results: dict[str, Any], *keys: str) -> Any:
    value: Any = results
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def table(results: dict[str, Any]) -> list[Row]:
    """figure, measured, floor, ratio, target, ok — from what the benchmarks wrote."""
    rows: list[Row] = []

    def ratio_row(
        figure: str, key: str, value: str, floor: str, ratio: str, target: float, unit: str
    ) -> None:
        measured, base, r = (_get(results, key, k) for k in (value, floor, ratio))
        if measured is None:
            rows.append((figure, "—", "—", "—", f"≤ {target:g} ×", None))
            return
        rows.append(
            (
                figure,
                f"{measured:.3g} {unit}",
                f"{base:.3g} {unit}",
                f"{r:.2f} ×",
                f"≤ {target:g} ×",
                r <= target,
            )
        )

    ratio_row(
        "Start-up to a window with data, large file",
        "startup",
        "seconds",
        "floor_seconds",
        "ratio",
        1.5,
        "s",
    )
    ratio_row(
        "Peak memory of that process",
        "startup",
        "peak_mib",
        "floor_peak_mib",
        "memory_ratio",
        1.5,
        "MiB",
    )
    for figure, key in (
        ("Search-as-you-type keystroke, 50,000 customers", "search_keystroke"),
        ("Customer page with 2,000 documents", "customer_page"),
    ):
        median, target = (
            _get(results, "ui", key, "median_ms"),
            _get(results, "ui", key, "target_ms"),
        )
        rows.append(
            (
                figure,
                "—" if median is None else f"{median:.0f} ms",
                "—",
                "—",
                f"median ≤ {target or 0:g} ms",
                None if median is None else median <= target,
            )
        )
    ratio_row(
        "Aged balance, 1,000,000 open items",
        "aged_balance",
        "seconds",
        "hand_written_seconds",
        "ratio",
        2.0,
        "s",
    )
    ratio_row(
        "Aged balance, huge file (1,000,000 invoices)",
        "aged_balance_huge",
        "seconds",
        "hand_written_seconds",
        "ratio",
        2.0,
        "s",
    )
    refresh = _get(results, "reminders", "refresh_seconds")
    floor = _get(results, "reminders", "floor_seconds")
    rows.append(
        (
            "Actions due, 5,000 customers / 200,000 invoices",
            "—" if refresh is None else f"{refresh:.2f} s",
            "—" if floor is None else f"{floor:.2f} s (reads only)",
            "—" if refresh is None or not floor else f"{refresh / floor:.1f} ×",
            "≤ 2 s",
            None if refresh is None else refresh <= 2.0,
        )
    )
    ratio_row(
        "1,000 letters into one PDF", "letters", "seconds", "floor_seconds", "ratio", 2.0, "s"
    )
    ratio_row(
        "FEC import, 500,000 lines",
        "fec_import",
        "full_import_s",
        "pandas_s",
        "ratio_full_vs_pandas",
        3.0,
        "s",
    )
    return rows


HEADERS = ("figure", "measured", "floor", "ratio", "target", "ok")


def _ok_text(ok: bool | None) -> str:
    return "—" if ok is None else "yes" if ok else "NO"


def print_table(rows: list[Row]) -> None:
    cells = [HEADERS, *((*row[:5], _ok_text(row[5])) for row in rows)]
    widths = [max(len(str(c[i])) for c in cells) for i in range(len(HEADERS))]
    for n, cell in enumerate(cells):
        print("  ".join(str(v).ljust(w) for v, w in zip(cell, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def markdown(rows: list[Row], summary: dict[str, Any]) -> str:
    m = summary["machine"]
    if len(summary["ran"]) == len(ALL):
        command = "`make bench`"
    else:  # the other figures come from earlier runs
        command = f"`run_all.py --only {' '.join(summary['ran'])}`"
    files = (
        f"data files of an earlier run reused: {', '.join(summary['reused'])}"
        if summary["reused"]
        else "building the data files included"
    )
    lines = [
        f"Measured on {summary['measured_at'][:16].replace('T', ' ')}: {m['cpus']} CPUs, "
        f"{m['platform']}, Python {m['python']}, SQLite {m['sqlite']}, SQLAlchemy "
        f"{m['sqlalchemy']}; load average {summary['load_before']:.2f} before the run, "
        f"{m['load_average_1min']:.2f} after; {command} took {summary['minutes']:.1f} min"
        f"{' (--quick)' if summary['quick'] else ''} ({files}).",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
    ]
    lines += ["| " + " | ".join((*row[:5], _ok_text(row[5]))) + " |" for row in rows]
    return "\n".join(lines)


def write_docs(text: str) -> None:
    block = f"{BEGIN}\n{text}\n{END}"
    if DOCS.exists():
        current = DOCS.read_text(encoding="utf-8")
        if BEGIN in current and END in current:
            head, rest = current.split(BEGIN, 1)
            tail = rest.split(END, 1)[1]
            DOCS.write_text(head + block + tail, encoding="utf-8")
            return
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(f"# Performance\n\n{block}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs: try the chain")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=ALL,
        help="run only these",
    )
    parser.add_argument("--rebuild", action="store_true", help="build the files again")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    print(f"load average {load_before:.2f} on {os.cpu_count()} CPUs")
    chosen = args.only or list(ALL)
    needs = {
        "large": {"reminders", "startup", "ui"},
        "huge": {"aging", "ui"},
        "aging-1m": {"aging"},
    }
    print("data files:")
    files = {
        kind: ensure_file(kind, args.rebuild)
        for kind, users in needs.items()
        if users & set(chosen)
    }
    suite = benchmarks(args.quick, files)
    for name in chosen:
        print(f"\n=== {name} ===", flush=True)
        began = time.perf_counter()
        suite[name]()
        print(f"=== {name}: {time.perf_counter() - began:.0f} s ===", flush=True)

    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    rows = table(results)
    summary = {
        "measured_at": datetime.now().isoformat(timespec="seconds"),
        "minutes": round((time.perf_counter() - started) / 60, 1),
        "quick": args.quick,
        "ran": chosen,
        "reused": REUSED,
        "load_before": round(load_before, 2),
        "machine": machine(),
        "table": [dict(zip(HEADERS, (*row[:5], row[5]), strict=True)) for row in rows],
    }
    merge_results("summary", summary)
    print()
    print_table(rows)
    print(
        f"\n{summary['minutes']} min; load average {load_before:.2f} before, "
        f"{summary['machine']['load_average_1min']} after"  # type: ignore[index]
    )
    write_docs(markdown(rows, summary))
    print(f"written: {RESULTS.relative_to(ROOT)}, {DOCS.relative_to(ROOT)}")
    return 0 if all(row[5] is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
