"""Benchmark: importing a large FEC, against pandas reading the same file.

    .venv/bin/python bench/bench_import.py [--lines 500000] [--runs 3] [--profile]

Generates a FEC of `--lines` lines (Windows-1252, tabs, CRLF: sales on 411/706/44571,
transfers on 512/411 matched with their invoice, a few credit notes) in a temporary
folder, then measures in the same run, median of `--runs`:

(a) pandas alone: `read_csv(sep="\\t", dtype=str)` plus the Debit/Credit amounts in
    cents and the two dates parsed, vectorised;
(b) `parse_fec` alone (plain chunks read by the vectorised fast path, as by default for a
    file this size), and for comparison (b') with the fast path off, line by line;
(c) the full import as the wizard runs it: parse, dry run (`plan`), then `apply` with
    that plan (it checks the file did not move, and plans again only if it did) into a
    fresh data file.

(a), (b) and (b') run in turn, run after run, so that a busy machine slows them alike;
their CPU times are recorded too. Prints the ratios b / a and c / a (target: at most 3)
and merges the figures into bench/results.json under "fec_import". `--profile` adds a
cProfile of one full import. Not a test: it takes a minute or two.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
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

# The bench folder too: this file is also loaded by path from the tests.
sys.path.insert(0, str(ROOT / "bench"))
from benchkit import RESULTS, merge_results  # noqa: E402

from desktop.domain.clock import FixedClock  # noqa: E402
from desktop.persistence.database import Database  # noqa: E402
from desktop.persistence.migrations import open_or_create  # noqa: E402
from desktop.services.imports.fec import parse_fec  # noqa: E402
from desktop.services.imports.service import ImportOptions  # noqa: E402
from desktop.services.registry import build_services  # noqa: E402

NOW = datetime(2026, 3, 16, 9, 30)
TARGET_RATIO = 3.0
ENCODING = "cp1252"
HEADER = (
    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t"
    "CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t"
    "ValidDate\tMontantdevise\tIdevise"
)
TRADES = ("Boulangerie", "Garage", "Épicerie", "Pâtisserie", "Brasserie", "Menuiserie")
CITIES = ("Besançon", "Évry", "Orléans", "Saint-Étienne", "Angoulême", "Périgueux")


def _amount(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


def _letters(n: int) -> str:
    text = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        text = chr(65 + r) + text
    return text


def generate(path: Path, lines: int, customers: int = 3000, seed: int = 11) -> None:
    """A FEC of about `lines` lines: per invoice 3 lines, 70 % paid (2 lines, matched),
    5 % followed by a credit note (3 lines)."""
    rng = random.Random(seed)
    names = [
        (f"411C{i:05d}", f"{TRADES[i % 6]} {CITIES[i % 5]} n°{i} & Fils")
        for i in range(1, customers + 1)
    ]
    start = date(2025, 1, 1)
    out: list[str] = [HEADER]
    entry = 0
    invoice = 0
    letter = 0
    while len(out) - 1 < lines:
        invoice += 1
        entry += 1
        code, name = names[rng.randrange(customers)]
        day = start + timedelta(days=rng.randrange(440))
        d = day.strftime("%Y%m%d")
        ht = rng.randrange(5_000, 2_000_000)
        tva = ht // 5
        ttc = ht + tva
        piece = f"FA{invoice:07d}"
        label = f"Facture {piece} {name}"
        paid = rng.random() < 0.7
        let = _letters(letter) if paid else ""
        if paid:
            letter += 1
        pay_day = day + timedelta(days=rng.randrange(10, 90))
        p = pay_day.strftime("%Y%m%d")
        out.append(
            f"VE\tVentes\t{entry}\t{d}\t411000\tClients\t{code}\t{name}\t{piece}\t{d}\t{label}\t"
            f"{_amount(ttc)}\t0,00\t{let}\t{p if paid else ''}\t{d}\t\t"
        )
        out.append(
            f"VE\tVentes\t{entry}\t{d}\t706000\tVentes de produits\t\t\t{piece}\t{d}\t{label}\t"
            f"0,00\t{_amount(ht)}\t\t\t{d}\t\t"
        )
        out.append(
            f"VE\tVentes\t{entry}\t{d}\t445710\tTVA collectée\t\t\t{piece}\t{d}\t{label}\t"
            f"0,00\t{_amount(tva)}\t\t\t{d}\t\t"
        )
        if paid:
            entry += 1
            ref = f"VIR{invoice:07d}"
            out.append(
                f"BQ\tBanque\t{entry}\t{p}\t512000\tBanque\t\t\t{ref}\t{p}\tVirement {name}\t"
                f"{_amount(ttc)}\t0,00\t\t\t{p}\t\t"
            )
            out.append(
                f"BQ\tBanque\t{entry}\t{p}\t411000\tClients\t{code}\t{name}\t{ref}\t{p}\t"
                f"Virement {name}\t0,00\t{_amount(ttc)}\t{let}\t{p}\t{p}\t\t"
            )
        if rng.random() < 0.05:
            entry += 1
            part_ht = ht // 10
            part_tva = part_ht // 5
            ref = f"AV{invoice:07d}"
            for account, lib, debit, credit, aux in (
                ("411000", "Clients", "0,00", _amount(part_ht + part_tva), (code, name)),
                ("706000", "Ventes de produits", _amount(part_ht), "0,00", ("", "")),
                ("445710", "TVA collectée", _amount(part_tva), "0,00", ("", "")),
            ):
                out.append(
                    f"VE\tVentes\t{entry}\t{d}\t{account}\t{lib}\t{aux[0]}\t{aux[1]}\t{ref}\t"
                    f"{d}\tAvoir remise {piece}\t{debit}\t{credit}\t\t\t{d}\t\t"
                )
    with open(path, "w", encoding=ENCODING, newline="\r\n") as fh:
        fh.write("\n".join(out[: lines + 1]))
        fh.write("\n")


def pandas_alone(path: Path) -> int:
    import pandas as pd

    df = pd.read_csv(path, sep="\t", dtype=str, encoding=ENCODING, keep_default_na=False)
    cents = {}
    for column in ("Debit", "Credit"):
        units = df[column].str.replace(",", "", regex=False)
        cents[column] = pd.to_numeric(units, errors="coerce").astype("Int64")
    net = cents["Debit"] - cents["Credit"]
    ecriture = pd.to_datetime(df["EcritureDate"], format="%Y%m%d", errors="coerce")
    piece = pd.to_datetime(df["PieceDate"], format="%Y%m%d", errors="coerce")
    assert ecriture.notna().all() and piece.notna().all() and net.notna().all()
    return len(df)


def parse_alone(path: Path, *, fast: bool | None = None) -> int:
    parsed = parse_fec(path, fast=fast)
    assert parsed.ok, parsed.rejected[:5]
    return len(parsed.entries)


def full_import(path: Path, folder: Path) -> dict[str, float]:
    """Parse, dry run and apply into a new data file; the time of each step."""
    target = folder / f"import-{time.perf_counter_ns()}.sqlite"
    open_or_create(target, now=NOW, app_version="bench")
    services = build_services(Database.at(target), FixedClock(NOW), lambda: "bench")
    try:
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        parsed = services.imports.read_file(path, "fec")
        t1 = time.perf_counter()
        options = ImportOptions(file_name=path.name, source_format="fec")
        plan = services.imports.plan(parsed, options)
        t2 = time.perf_counter()
        result = services.imports.apply(parsed, options, plan=plan)  # as the wizard does
        t3 = time.perf_counter()
        cpu = time.process_time() - cpu0
    finally:
        services.close()
    assert plan.ok and result.created == len(parsed.entries)
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    return {
        "parse": t1 - t0,
        "plan": t2 - t1,
        "apply": t3 - t2,
        "total": t3 - t0,
        "cpu": cpu,
        "documents": result.created,
        "customers": result.customers_created,
    }


def interleaved_medians(
    functions: dict[str, Callable[[], object]], runs: int
) -> dict[str, tuple[float, float]]:
    """Each function once per run, in turn: (median wall time, median CPU time)."""
    wall: dict[str, list[float]] = {name: [] for name in functions}
    cpu: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(runs):
        for name, function in functions.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            function()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start)
    return {
        name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in functions
    }


def machine() -> dict[str, object]:
    import pandas
    import sqlalchemy

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "pandas": pandas.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one full import")
    parser.add_argument("--no-save", action="store_true", help="do not write results.json")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="encaisse-bench-") as tmp:
        folder = Path(tmp)
        fec = folder / "FEC_bench.txt"
        start = time.perf_counter()
        generate(fec, args.lines)
        size_mb = fec.stat().st_size / 1e6
        print(
            f"FEC: {args.lines} lines, {size_mb:.1f} MB, made in {time.perf_counter() - start:.1f} s"
        )

        medians = interleaved_medians(
            {
                "pandas": lambda: pandas_alone(fec),
                "parse": lambda: parse_alone(fec),
                "line_by_line": lambda: parse_alone(fec, fast=False),
            },
            args.runs,
        )
        pandas_s, pandas_cpu = medians["pandas"]
        parse_s, parse_cpu = medians["parse"]
        line_by_line_s, line_by_line_cpu = medians["line_by_line"]
        steps = [full_import(fec, folder) for _ in range(args.runs)]
        steps.sort(key=lambda s: s["total"])
        middle = steps[len(steps) // 2]
        full_s = float(middle["total"])

        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            full_import(fec, folder)
            profiler.disable()
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(30)
            print(text.getvalue())

    ratio_parse = parse_s / pandas_s
    ratio_full = full_s / pandas_s
    rows = [
        ("(a) pandas read_csv + amounts + dates", pandas_s, 1.0),
        ("(b) parse_fec", parse_s, ratio_parse),
        ("(b') parse_fec, fast path off", line_by_line_s, line_by_line_s / pandas_s),
        ("(c) full import: parse + plan + apply", full_s, ratio_full),
        ("    of which parse", float(middle["parse"]), None),
        ("    of which plan (dry run)", float(middle["plan"]), None),
        ("    of which apply (writes)", float(middle["apply"]), None),
    ]
    print(f"\n{'step':<44} {'seconds':>8} {'× (a)':>7}")
    for name, seconds, ratio in rows:
        print(f"{name:<44} {seconds:>8.2f} {'' if ratio is None else f'{ratio:>7.2f}'}")
    full_cpu = float(middle["cpu"])
    print(
        f"CPU: (a) {pandas_cpu:.2f} s, (b) {parse_cpu:.2f} s, (b') {line_by_line_cpu:.2f} s, "
        f"(c) {full_cpu:.2f} s: (c)/(a) {full_cpu / pandas_cpu:.2f}"
    )
    print(
        f"\n{middle['documents']} documents, {middle['customers']} customers; "
        f"target (c)/(a) ≤ {TARGET_RATIO:g}: {'met' if ratio_full <= TARGET_RATIO else 'MISSED'}"
    )
    if not args.no_save:
        merge_results(
            "fec_import",
            {
                "lines": args.lines,
                "file_mb": round(size_mb, 1),
                "documents": middle["documents"],
                "customers": middle["customers"],
                "runs": args.runs,
                "pandas_s": round(pandas_s, 3),
                "parse_fec_s": round(parse_s, 3),
                "parse_fec_line_by_line_s": round(line_by_line_s, 3),
                "cpu_s": {
                    "pandas": round(pandas_cpu, 3),
                    "parse_fec": round(parse_cpu, 3),
                    "parse_fec_line_by_line": round(line_by_line_cpu, 3),
                    "full_import": round(full_cpu, 3),
                },
                "ratio_full_vs_pandas_cpu": round(full_cpu / pandas_cpu, 2),
                "full_import_s": round(full_s, 3),
                "full_import_steps_s": {
                    k: round(float(middle[k]), 3) for k in ("parse", "plan", "apply")
                },
                "ratio_parse_vs_pandas": round(ratio_parse, 2),
                "ratio_full_vs_pandas": round(ratio_full, 2),
                "target_ratio": TARGET_RATIO,
                "target_met": ratio_full <= TARGET_RATIO,
                "measured_at": datetime.now().isoformat(timespec="seconds"),
                "machine": machine(),
            },
        )
        print(f"Saved in {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
