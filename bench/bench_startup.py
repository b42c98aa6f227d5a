"""Benchmark: start-up of Encaisse on the large file, against a bare PySide6 window.

    .venv/bin/python bench/bench_startup.py [--db FILE] [--runs 7] [--user NAME]
                                            [--platform auto|xvfb|offscreen]
                                            [--profile] [--no-save]

Measures in the same run, alternating, median of `--runs` after one warm-up each:

(a) the floor: `bench/bare_window.py`, a QMainWindow with a QTableView of five rows;
(b) `python -m desktop --db <copy of the large file> --user NAME` with
    ENCAISSE_BENCH_EXIT_WHEN_SHOWN=1: the main window signed in as a salesperson (no
    "Qui êtes-vous ?" dialog), on their customer list, filled.

Time: from the parent's clock just before the process is started to the child printing
its "shown" line, which both print once the window's first paint has been delivered.
Memory: the child's peak resident set (ru_maxrss from wait4), for its whole life.
The display: one Xvfb server started for the run when `Xvfb` is installed (the xcb
platform, as on a desktop), else QT_QPA_PLATFORM=offscreen; the output says which.

The file is used through a copy in a temporary folder (the opening and closing backups
land beside it), and the children get their own HOME and XDG folders (settings, logs).
Prints the medians and the ratios (target: at most 1.5 for both) and merges them into
bench/results.json under "startup". `--profile` adds `-X importtime` (the slowest
imports) and a cProfile of one start. Not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchkit import BUILD, ROOT, build_large, fresh_copy, machine, merge_results, stamp

TARGET_RATIO = 1.5
SHOWN = "encaisse-window-shown"  # desktop.app.BENCH_SHOWN_LINE, bare_window's line
SALESPERSON = "Julien Bénard"  # a salesperson of the large file: lands on their customers
TIMEOUT_S = 180


class Display:
    """The display the children use: an Xvfb server of ours, or the offscreen platform."""

    def __init__(self, wanted: str) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.env: dict[str, str] = {}
        self.name = "offscreen"
        if wanted in ("auto", "xvfb") and shutil.which("Xvfb"):
            self._start_xvfb()
        elif wanted == "xvfb":
            raise SystemExit("Xvfb is not installed: use --platform offscreen")
        if self.process is None:
            self.env = {"QT_QPA_PLATFORM": "offscreen"}

    def _start_xvfb(self) -> None:
        number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
        process = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 15
        while not socket.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if not socket.exists():
            process.kill()
            process.wait()
            return
        self.process = process
        self.env = {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
        self.name = f"Xvfb :{number} (xcb)"

    def close(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


def child_env(home: Path, display: Display) -> dict[str, str]:
    env = dict(os.environ)
    env.update(display.env)
    env.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "ENCAISSE_BENCH_EXIT_WHEN_SHOWN": "1",
            "PYTHONDONTWRITEBYTECODE": "",
        }
    )
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def timed_start(command: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Seconds from before the start to the "shown" line, the peak RSS in KiB and the
    CPU seconds of the whole process (its quitting included): on a busy machine the CPU
    time says what the wall time would be on a quiet one."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    shown_at: float | None = None
    for line in process.stdout:
        if line.strip() == SHOWN:
            shown_at = time.perf_counter()
            break
    # Whatever else it prints (and its closing backup) until it exits.
    remaining_out = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read() if process.stderr else ""
    if shown_at is None or process.returncode != 0:
        raise RuntimeError(
            f"{command[1:]} did not show its window (exit {process.returncode}):\n"
            f"{remaining_out}\n{errors}"
        )
    return shown_at - start, int(usage.ru_maxrss), usage.ru_utime + usage.ru_stime


def profile_start(command: list[str], env: dict[str, str], folder: Path) -> None:
    """The slowest imports (-X importtime) and where one start spends its time."""
    print("\n--- -X importtime: the 25 slowest imports (cumulative, ms) ---")
    result = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    rows = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _self, cumulative, name = line.removeprefix("import time:").split("|", 2)
            if cumulative.strip().isdigit():
                rows.append((int(cumulative) / 1000, name.rstrip()))
    for ms, name in sorted(rows, reverse=True)[:25]:
        print(f"{ms:8.1f}  {name}")
    heavy = ("pandas", "matplotlib", "reportlab", "openpyxl", "jinja2", "icalendar", "faker")
    loaded = sorted({n.strip() for _ms, n in rows if n.strip() in heavy})
    print(f"heavy libraries imported at start: {', '.join(loaded) or 'none'}")

    stats = folder / "start.prof"
    subprocess.run(
        [command[0], "-m", "cProfile", "-o", str(stats), *command[1:]],
        env=env,
        cwd=ROOT,
        capture_output=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    import pstats

    print("\n--- cProfile of one start (by cumulative time) ---")
    pstats.Stats(str(stats), stream=sys.stdout).strip_dirs().sort_stats("cumulative").print_stats(
        40
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=BUILD / "large.sqlite")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--user", default=SALESPERSON)
    parser.add_argument("--platform", choices=["auto", "xvfb", "offscreen"], default="auto")
    parser.add_argument("--profile", action="store_true", help="-X importtime and cProfile")
    parser.add_argument("--no-save", action="store_true", help="do not write results.json")
    args = parser.parse_args(argv)

    if not args.db.exists():
        print(f"building {args.db} (encaisse demo --size large)…")
        print(build_large(args.db, "large"))
    display = Display(args.platform)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            copy = fresh_copy(args.db, folder / "large.sqlite")
            env = child_env(folder / "home", display)
            python = sys.executable
            floor_cmd = [python, str(ROOT / "bench" / "bare_window.py")]
            app_cmd = [python, "-m", "desktop", "--db", str(copy), "--user", args.user]
            timed_start(floor_cmd, env)  # warm-up: page cache, compiled bytecode
            timed_start(app_cmd, env)
            floor_t, floor_m, floor_c, app_t, app_m, app_c = [], [], [], [], [], []
            for run in range(args.runs):
                # Alternate which goes first, so a burst of load hits both alike.
                order = (
                    (floor_cmd, floor_t, floor_m, floor_c),
                    (app_cmd, app_t, app_m, app_c),
                )
                for command, times, peaks, cpus in order if run % 2 == 0 else order[::-1]:
                    seconds, peak, cpu = timed_start(command, env)
                    times.append(seconds)
                    peaks.append(peak)
                    cpus.append(cpu)
            if args.profile:
                profile_start(app_cmd, env, folder)
    finally:
        display.close()

    floor_s, app_s = statistics.median(floor_t), statistics.median(app_t)
    floor_kib, app_kib = statistics.median(floor_m), statistics.median(app_m)
    floor_cpu, app_cpu = statistics.median(floor_c), statistics.median(app_c)
    time_ratio, memory_ratio = app_s / floor_s, app_kib / floor_kib
    ok = time_ratio <= TARGET_RATIO and memory_ratio <= TARGET_RATIO
    print(f"display: {display.name}; {args.runs} runs each, medians; user {args.user}")
    print(
        f"bare PySide6 window : {floor_s:6.3f} s  {floor_kib / 1024:6.1f} MiB   "
        f"({', '.join(f'{t:.2f}' for t in floor_t)})"
    )
    print(
        f"Encaisse, large file: {app_s:6.3f} s  {app_kib / 1024:6.1f} MiB   "
        f"({', '.join(f'{t:.2f}' for t in app_t)})"
    )
    print(
        f"CPU, whole process  : {floor_cpu:6.3f} s (bare)  {app_cpu:6.3f} s (Encaisse)  "
        f"{app_cpu / floor_cpu:.2f} ×"
    )
    print(
        f"ratio               : {time_ratio:6.2f} ×   {memory_ratio:6.2f} ×   "
        f"(target <= {TARGET_RATIO}: {'met' if ok else 'MISSED'})"
    )
    if not args.no_save:
        merge_results(
            "startup",
            {
                "display": display.name,
                "user": args.user,
                "file_mb": round(args.db.stat().st_size / 1e6, 1),
                "runs": args.runs,
                "floor_seconds": round(floor_s, 4),
                "seconds": round(app_s, 4),
                "ratio": round(time_ratio, 3),
                "floor_peak_mib": round(floor_kib / 1024, 1),
                "peak_mib": round(app_kib / 1024, 1),
                "memory_ratio": round(memory_ratio, 3),
                "floor_cpu_seconds": round(floor_cpu, 3),
                "cpu_seconds": round(app_cpu, 3),
                "all_seconds": [round(t, 3) for t in app_t],
                "all_floor_seconds": [round(t, 3) for t in floor_t],
                "target": TARGET_RATIO,
                "ok": ok,
                "machine": machine(),
                "measured_at": stamp(),
            },
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
