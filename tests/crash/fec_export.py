"""Two successive FEC exports of one accounting package, large enough to take a while.

The February export is imported once into the prepared file; the March export (the same
ledger one month later: new invoices, new payments, earlier invoices now matched) is the
one the crash tests kill while it is being imported. Windows-1252, tabs, CRLF, as the
usual French packages write them.
"""

from __future__ import annotations

from pathlib import Path

FEC_HEADER = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
    "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
    "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
)  # fmt: skip

TRADES = (
    "Boulangerie Pâtisserie", "Garage", "Épicerie fine", "Menuiserie", "Brasserie",
    "Pharmacie", "Quincaillerie", "Fromagerie", "Imprimerie", "Librairie-Papeterie",
)  # fmt: skip
FAMILIES = (
    "Dupont & Fils", "L'Épi d'Or", "Lefèvre", "Müller & Cie", "Béranger", "D'Arcy",
    "Les Frères Chénier", "Noël-Gaëtan", "Ségolène Faÿ", "Côté Jardin",
)  # fmt: skip

CUSTOMERS = 120
FEBRUARY_INVOICES = 6  # per customer, issued in January and February
MARCH_INVOICES = 3  # per customer, added by the March export


def _amount(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


def _customer(index: int) -> tuple[str, str]:
    name = f"{TRADES[index % len(TRADES)]} {FAMILIES[(index // len(TRADES)) % len(FAMILIES)]}"
    return f"411C{index:04d}", f"{name} n°{index}"


def _sale(num: int, day: str, who: tuple[str, str], piece: str, ttc: int, letter: str) -> list[str]:
    ht = ttc * 100 // 120
    tva = ttc - ht
    settled = (letter, "20260310") if letter else ("", "")
    common = ("VE", "Ventes", str(num), day)
    label = f"Facture {piece}"
    return [
        "\t".join((*common, "411000", "Clients", *who, piece, day, label, _amount(ttc), "0,00",
                   *settled, day, "", "")),
        "\t".join((*common, "706000", "Ventes de produits", "", "", piece, day, label, "0,00",
                   _amount(ht), "", "", day, "", "")),
        "\t".join((*common, "445710", "TVA collectée", "", "", piece, day, label, "0,00",
                   _amount(tva), "", "", day, "", "")),
    ]  # fmt: skip


def _payment(
    num: int, day: str, who: tuple[str, str], piece: str, cents: int, letter: str
) -> list[str]:
    common = ("BQ", "Banque", str(num), day)
    label = f"Virement {who[1]}"
    return [
        "\t".join((*common, "512000", "Banque", "", "", piece, day, label, _amount(cents), "0,00",
                   "", "", day, "", "")),
        "\t".join((*common, "411000", "Clients", *who, piece, day, label, "0,00", _amount(cents),
                   letter, "20260310", day, "", "")),
    ]  # fmt: skip


def ledger_lines(month: int) -> list[str]:
    """The FEC lines of the export made in `month` (2: February, 3: March)."""
    lines: list[str] = []
    num = 0
    for index in range(1, CUSTOMERS + 1):
        who = _customer(index)
        invoices = FEBRUARY_INVOICES + (MARCH_INVOICES if month >= 3 else 0)
        for n in range(invoices):
            num += 1
            day = f"2026{1 + n // 3:02d}{5 + 7 * (n % 3):02d}"
            ttc = 12_000 + 3_700 * n + 211 * index
            # In March the customer's first invoice is matched with a transfer.
            letter = "AA" if month >= 3 and n == 0 and index % 2 == 0 else ""
            lines += _sale(num, day, who, f"FA{index:04d}-{n:02d}", ttc, letter)
        if month >= 3 and index % 2 == 0:
            num += 1
            first = 12_000 + 211 * index
            lines += _payment(num, "20260310", who, f"VIR{index:04d}", first, "AA")
    return lines


def write_fec(path: Path, month: int) -> Path:
    text = "\r\n".join(["\t".join(FEC_HEADER), *ledger_lines(month)]) + "\r\n"
    path.write_bytes(text.encode("cp1252"))
    return path
