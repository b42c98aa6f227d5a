"""Benchmark: 1,000 reminder letters into one PDF, against a bare ReportLab loop.

    .venv/bin/python bench/bench_letters.py [--letters 1000] [--no-save]

Measures in the same run, median of 3:

(a) the floor: a bare ReportLab canvas loop drawing the same strings (every string the
    letters print, recorded once from a real run, with its font, size and position) on
    the same number of pages, same fonts, same compression;
(b) `render_letters`: laying the letters out (wrapping, table, page breaks) and drawing
    them, letterhead, rules and boxes included.

Prints the ratio b / a (target: at most 2) and merges the figures into
bench/results.json under "letters". Not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from desktop.documents.letter import LetterData, LetterLine, render_letters  # noqa: E402
from desktop.documents.letter_layout import (  # noqa: E402
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Letterhead,
    Recipient,
    Typeface,
)
from desktop.documents.templating import INVOICE_TABLE  # noqa: E402

AS_OF = date(2026, 3, 16)
TARGET_RATIO = 2.0
RUNS = 3
RESULTS = ROOT / "bench" / "results.json"

COMPANY = Letterhead(
    name="Ateliers Durand & Fils",
    legal_form="SAS",
    address_lines=("14 rue des Forges", "ZI de la Plaine", "69800 Saint-Priest"),
    phone="04 78 20 45 60",
    email="contact@ateliers-durand.fr",
    identifiers=("SIREN 814 527 362", "TVA FR02814527362"),
    iban="FR76 3000 4008 2300 0104 8271 559",
    bic="BNPAFRPPXXX",
    city="Saint-Priest",
)
MENTIONS = (
    "Pénalités de retard exigibles dès le lendemain de l'échéance, sans rappel : taux BCE + "
    "10 points (soit 12,15 % pour le 1er semestre 2026) (C. com. art. L441-10).",
    "Indemnité forfaitaire pour frais de recouvrement : 40 € par facture payée en retard "
    "(C. com. art. L441-10 et D441-5).",
)


def letters(count: int) -> list[LetterData]:
    """`count` letters like a morning's batch: 1 to 6 invoices, every fifth a formal notice."""
    out = []
    for i in range(count):
        n = 1 + i % 6
        lines = tuple(
            LetterLine(
                number=f"FA-2026-{i * 7 + k:06d}",
                issued_on=AS_OF - timedelta(days=60 + k * 3),
                due_on=AS_OF - timedelta(days=30 + k * 3),
                total_cents=120_000 + 3_717 * k + i,
                paid_cents=20_000 if k == 1 else 0,
                remaining_cents=120_000 + 3_717 * k + i - (20_000 if k == 1 else 0),
                days_late=30 + k * 3,
            )
            for k in range(n)
        )
        principal = sum(line.remaining_cents for line in lines)
        formal = i % 5 == 4
        out.append(
            LetterData(
                company=COMPANY,
                recipient=Recipient(
                    name=f"Boulangerie Pâtisserie L'Épi d'Or n°{i} & Cie",
                    address_lines=(
                        "À l'attention de Claire Dubois",
                        f"{i % 90 + 1}, rue de l'Église",
                        "42000 Saint-Étienne",
                    ),
                    account_code=f"411C{i:05d}",
                ),
                dated=AS_OF,
                subject=f"Deuxième relance : {principal / 100:.2f} € en retard de paiement",
                paragraphs=(
                    "Bonjour Claire Dubois,",
                    "Malgré notre précédente relance, ces factures restent impayées, avec "
                    f"{30 + n * 3} jours de retard :",
                    INVOICE_TABLE,
                    "Merci de régler le total sans attendre. Comme le prévoient la loi et nos "
                    "conditions de vente, des pénalités de retard et une indemnité forfaitaire "
                    "de 40 € par facture s'appliquent désormais.",
                    "Si un problème empêche le règlement, appelez-nous : nous préférons en parler.",
                    "Cordialement,",
                ),
                lines=lines,
                principal_cents=principal,
                penalty_cents=1_234 * n,
                indemnity_cents=4_000 * n,
                indemnity_count=n,
                formal_notice=formal,
                deadline=AS_OF + timedelta(days=8) if formal else None,
                mentions=MENTIONS,
                signer="Camille Martin",
            )
        )
    return out


class _Recorder(Canvas):
    """A canvas that remembers every string drawn, page by page."""

    pages: list[list[tuple[str, float, float, float, str]]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        type(self).pages = [[]]

    def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> Any:
        type(self).pages[-1].append((self._fontname, self._fontsize, x, y, text))
        return super().drawString(x, y, text, *args, **kwargs)

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> Any:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        left = x - stringWidth(text, self._fontname, self._fontsize)
        type(self).pages[-1].append((self._fontname, self._fontsize, left, y, text))
        return super().drawRightString(x, y, text, *args, **kwargs)

    def showPage(self) -> None:
        type(self).pages.append([])
        super().showPage()


def bare_loop(pages: list[list[tuple[str, float, float, float, str]]], path: Path) -> None:
    """The floor: the same strings at the same places, nothing computed."""
    canvas = Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1, invariant=1)
    for page in pages:
        current = None
        for font, size, x, y, text in page:
            if current != (font, size):
                canvas.setFont(font, size)
                current = (font, size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()


def median_seconds(work: Callable[[], Any]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--no-save", action="store_true", help="do not write results.json")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args(argv)
    global RUNS
    RUNS = args.runs

    batch = letters(args.letters)
    face = Typeface.default()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pages = render_letters(batch, folder / "recorded.pdf", canvas_class=_Recorder)
        recorded = [p for p in _Recorder.pages if p][:pages]
        strings = sum(len(p) for p in recorded)
        bare_loop(recorded, folder / "warm.pdf")  # fonts loaded, caches warm for both
        floor_s = median_seconds(lambda: bare_loop(recorded, folder / "floor.pdf"))
        letters_s = median_seconds(lambda: render_letters(batch, folder / "letters.pdf"))
        size_kb = (folder / "letters.pdf").stat().st_size / 1024
    ratio = letters_s / floor_s
    print(f"{args.letters} letters, {pages} pages, {strings} strings, font {face.regular}")
    print(f"bare ReportLab loop : {floor_s:.3f} s")
    print(f"render_letters      : {letters_s:.3f} s ({size_kb:.0f} kB)")
    print(f"ratio               : {ratio:.2f} (target <= {TARGET_RATIO})")
    if not args.no_save:
        results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        results["letters"] = {
            "letters": args.letters,
            "pages": pages,
            "strings": strings,
            "font": face.regular,
            "floor_seconds": round(floor_s, 4),
            "seconds": round(letters_s, 4),
            "ratio": round(ratio, 3),
            "target": TARGET_RATIO,
            "ok": ratio <= TARGET_RATIO,
            "runs": RUNS,
            "measured_at": datetime.now().isoformat(timespec="seconds"),
        }
        RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
