"""Reminder letters and formal notices, many letters in one A4 PDF.

Plain data in (`LetterData`, built by `services.letters`), ReportLab canvas out. Each
letter starts on a new page and numbers its own pages ("Page 1/2"), so a stack printed
in one go separates by customer.

A letter: the letterhead; the customer's address where the window envelope shows it
(shared with the account statement, `letter_layout`); place and date; for a formal
notice, "Lettre recommandée avec accusé de réception" above the address and the title
"Mise en demeure"; the subject; the body written from the template; where the body
says `{{ invoice_table }}` (else after the body), the facts: the table of invoices
(number, date, due date, amount incl. VAT, paid, remaining, days late), penalties and
the fixed indemnity when the level claims them, the total, the payment deadline, the
bank details and "ignore this letter if you have already paid"; the signature; the
legal mentions in small print.

Why a canvas and not platypus: a morning's batch may hold a thousand letters, and
platypus' flowables cost several times the drawing itself. A letter is laid out once
into drawing operations (which tells its page count), then drawn; text is measured
with ReportLab's own metrics and wrapped with `simpleSplit`. Canvas strings are not
markup: "Dupont & Fils <SARL>" is drawn as typed; line breaks start a new line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from desktop.documents.letter_layout import (
    ADDRESS_LEFT,
    ADDRESS_TOP,
    INK,
    MARGIN,
    MM,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    Letterhead,
    Recipient,
    Typeface,
    color,
    draw_footer,
    draw_later_header,
    draw_letterhead,
    draw_page_number,
    draw_window_address,
    english_long_date,
    french_long_date,
    one_line,
    short_date,
    string_width,
    window_address_bottom,
)
from desktop.documents.output import written_atomically
from desktop.documents.templating import INVOICE_TABLE

__all__ = ["LABELS", "LetterData", "LetterLine", "invoice_text", "render_letters"]

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "subject": "Objet : ",
        "account": "Compte client : ",
        "number": "N° de facture",
        "issued": "Date",
        "due": "Échéance",
        "amount": "Montant TTC",
        "paid": "Réglé",
        "remaining": "Reste dû",
        "late": "Retard",
        "days": "{n}\u00a0j",
        "credit": " (avoir)",
        "principal": "Total des factures",
        "penalties": "Pénalités de retard",
        "indemnity": "Indemnité forfaitaire ({n} × 40 €)",
        "total": "Total à régler",
        "deadline": "À régler au plus tard le {date}",
        "bank": "Règlement par virement : IBAN {iban}",
        "bic": " — BIC {bic}",
        "bank_note": "Merci d'indiquer les numéros de facture dans le libellé du virement.",
        "registered": "Lettre recommandée avec accusé de réception",
        "formal_title": "Mise en demeure",
        "disputed": "Les montants en litige ({amount}) ne sont pas réclamés dans ce courrier.",
        "ignore": "Si vous avez réglé entre-temps, merci de ne pas tenir compte de ce courrier.",
        "place": "{city}, le {date}",
        "page": "Page",
        "invoice_line": "- Facture {number} du {issued}, échéance {due} : {remaining} restant dû",
        "credit_line": "- Avoir {number} du {issued} : {remaining}",
        "late_suffix": " ({n} jours de retard)",
    },
    "en": {
        "subject": "Subject: ",
        "account": "Customer account: ",
        "number": "Invoice no.",
        "issued": "Date",
        "due": "Due date",
        "amount": "Amount incl. VAT",
        "paid": "Paid",
        "remaining": "Remaining",
        "late": "Days late",
        "days": "{n}",
        "credit": " (credit note)",
        "principal": "Invoices total",
        "penalties": "Late-payment interest",
        "indemnity": "Fixed recovery fee ({n} × €40)",
        "total": "Total to pay",
        "deadline": "To be paid by {date}",
        "bank": "Payment by bank transfer: IBAN {iban}",
        "bic": " — BIC {bic}",
        "bank_note": "Please quote the invoice numbers in the transfer reference.",
        "registered": "Registered letter with acknowledgement of receipt",
        "formal_title": "Formal notice",
        "disputed": "Disputed amounts ({amount}) are not claimed in this letter.",
        "ignore": "If you have paid in the meantime, please disregard this letter.",
        "place": "{city}, {date}",
        "page": "Page",
        "invoice_line": "- Invoice {number} of {issued}, due {due}: {remaining} outstanding",
        "credit_line": "- Credit note {number} of {issued}: {remaining}",
        "late_suffix": " ({n} days late)",
    },
}


# --- The data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterLine:
    """One chased item. Credit notes are negative and show no delay."""

    number: str
    issued_on: date
    due_on: date
    total_cents: int  # amount incl. VAT
    paid_cents: int  # already settled: total − open
    remaining_cents: int  # what this letter asks for (a disputed part left out)
    days_late: int | None  # > 0 when overdue on the letter's date
    is_credit: bool = False


@dataclass(frozen=True)
class LetterData:
    """One letter, everything already decided: the drawer only lays it out."""

    company: Letterhead
    recipient: Recipient
    dated: date
    subject: str
    paragraphs: tuple[str, ...]  # the rendered template; INVOICE_TABLE marks the table
    lines: tuple[LetterLine, ...]
    principal_cents: int  # the sum of the remaining amounts
    penalty_cents: int = 0  # claimed penalties (0 when the level does not claim them)
    indemnity_cents: int = 0
    indemnity_count: int = 0  # late invoices charged the fixed indemnity
    disputed_cents: int = 0  # left out of this letter because under dispute
    formal_notice: bool = False
    deadline: date | None = None
    mentions: tuple[str, ...] = field(default_factory=tuple)
    signer: str = ""
    language: str = "fr"

    @property
    def total_cents(self) -> int:
        return self.principal_cents + self.penalty_cents + self.indemnity_cents

    @property
    def labels(self) -> dict[str, str]:
        return LABELS.get(self.language, LABELS["fr"])

    def long_date(self, day: date) -> str:
        return english_long_date(day) if self.language == "en" else french_long_date(day)


def invoice_text(letter: LetterData, face: Typeface | None = None) -> str:
    """The facts of the letter as plain text (for an e-mail body): one line per item,
    the totals, the deadline and the bank details."""
    labels = letter.labels
    lang = letter.language

    def money(cents: int) -> str:
        return (face or _PLAIN).money(cents, lang)

    out = []
    for line in letter.lines:
        template = labels["credit_line"] if line.is_credit else labels["invoice_line"]
        text = template.format(
            number=one_line(line.number),
            issued=short_date(line.issued_on),
            due=short_date(line.due_on),
            remaining=money(line.remaining_cents),
        )
        if line.days_late:
            text += labels["late_suffix"].format(n=line.days_late)
        out.append(text)
    out.append("")
    for label, cents in _total_rows(letter):
        out.append(f"{label} : {money(cents)}" if lang == "fr" else f"{label}: {money(cents)}")
    if letter.deadline is not None:
        out.append(labels["deadline"].format(date=letter.long_date(letter.deadline)))
    bank = _bank_lines(letter)
    if bank:
        out += ["", *bank]
    return "\n".join(out)


_PLAIN = Typeface("Helvetica", "Helvetica-Bold", True)  # plain text keeps every character


def _total_rows(letter: LetterData) -> list[tuple[str, int]]:
    labels = letter.labels
    if not letter.penalty_cents and not letter.indemnity_cents:
        return [(labels["total"], letter.total_cents)]
    rows = [(labels["principal"], letter.principal_cents)]
    if letter.penalty_cents:
        rows.append((labels["penalties"], letter.penalty_cents))
    if letter.indemnity_cents:
        rows.append((labels["indemnity"].format(n=letter.indemnity_count), letter.indemnity_cents))
    rows.append((labels["total"], letter.total_cents))
    return rows


def _bank_lines(letter: LetterData) -> list[str]:
    company = letter.company
    if not company.iban:
        return []
    labels = letter.labels
    first = labels["bank"].format(iban=company.iban)
    if company.bic:
        first += labels["bic"].format(bic=company.bic)
    return [first, labels["bank_note"]]


# --- Layout ------------------------------------------------------------------------------

# Distances are in points from the top of the page; the drawing turns them into y.
_TOP_LATER = 20 * MM
_BOTTOM = PAGE_HEIGHT - 14 * MM  # the footer line sits 8 mm from the bottom
_BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN
_COLUMNS = (43, 20, 20, 27, 24, 27, 19)  # mm, scaled to the body width
_COLUMN_WIDTHS = tuple(w * _BODY_WIDTH / sum(_COLUMNS) for w in _COLUMNS)
_BODY_SIZE, _BODY_LEADING = 10.0, 13.5
_CELL_SIZE, _ROW_HEIGHT = 8.5, 14.0
_HEADER_FILL = "#E8EDF3"
_BOX_FILL = "#F7F9FB"
_TOTAL_FILL = "#F2F2F2"
_LATE_INK = "#B42318"

# Drawing operations: ("t", font, size, color, x, top, text) text from x;
# ("r", …) text ending at x; ("l", x1, top1, x2, top2, width, color) a line;
# ("b", x, top, w, h, fill, stroke) a box; ("f", callable) a drawing function.
Op = tuple[Any, ...]


class _Layout:
    """Lays one letter out into pages of drawing operations."""

    def __init__(self, face: Typeface, letter: LetterData) -> None:
        self.face = face
        self.letter = letter
        self.labels = letter.labels
        self.pages: list[list[Op]] = []
        self.ops: list[Op] = []
        self.top = 0.0
        self.facts_done = False
        self.ignore_done = False

    # pages ---------------------------------------------------------------------------------

    def new_page(self) -> None:
        self.ops = []
        self.pages.append(self.ops)
        self.top = _TOP_LATER

    def room(self, height: float) -> None:
        """Start a new page unless `height` more points fit on this one."""
        if self.top + height > _BOTTOM:
            self.new_page()

    # text ----------------------------------------------------------------------------------

    def text(
        self, text: str, *, bold: bool = False, size: float = _BODY_SIZE, color: str = INK
    ) -> None:
        face = self.face
        font = face.bold if bold else face.regular
        leading = size * 1.35
        for line in face.wrap(text, font, size, _BODY_WIDTH):
            self.room(leading)
            self.top += leading
            self.ops.append(("t", font, size, color, MARGIN, self.top - size * 0.25, line))

    def gap(self, points: float) -> None:
        self.top += points

    # the letter ------------------------------------------------------------------------------

    def build(self) -> list[list[Op]]:
        letter, face, labels = self.letter, self.face, self.labels
        self.ops = []
        self.pages.append(self.ops)
        self.ops.append(("f", lambda c: draw_letterhead(c, face, letter.company)))
        if letter.formal_notice:
            self.ops.append(
                ("t", face.bold, 8.5, INK, ADDRESS_LEFT, ADDRESS_TOP - 4 * MM, labels["registered"])
            )
        self.ops.append(("f", lambda c: draw_window_address(c, face, letter.recipient)))
        self.top = max(88 * MM, window_address_bottom(face, letter.recipient) + 6 * MM)
        place = labels["place"].format(
            city=one_line(letter.company.city), date=letter.long_date(letter.dated)
        )
        if not letter.company.city:
            place = letter.long_date(letter.dated)
        self.ops.append(
            ("t", face.regular, _BODY_SIZE, INK, ADDRESS_LEFT, self.top, face.printable(place))
        )
        self.top += 8 * MM
        if letter.formal_notice:
            self.text(labels["formal_title"].upper(), bold=True, size=15)
            self.gap(2 * MM)
        reference = []
        if letter.recipient.account_code:
            reference.append(labels["account"] + letter.recipient.account_code)
        if letter.recipient.identifier:
            reference.append(letter.recipient.identifier)
        if reference:
            self.text(" · ".join(reference), size=8.5, color=MUTED)
        self.text(labels["subject"] + one_line(letter.subject), bold=True)
        self.gap(4 * MM)
        last = len(letter.paragraphs) - 1
        for index, paragraph in enumerate(letter.paragraphs):
            if INVOICE_TABLE in paragraph:
                before, _, after = paragraph.partition(INVOICE_TABLE)
                if before.strip():
                    self.paragraph(before.strip())
                self.facts()
                if after.strip():
                    self.paragraph(after.strip())
                continue
            if index == last and index > 0:
                # Before the closing formula: the facts if the template forgot the table,
                # then "ignore this letter if you have already paid".
                if not self.facts_done:
                    self.facts()
                self.ignore_if_paid()
            self.paragraph(paragraph)
        if not self.facts_done:
            self.facts()
        if not self.ignore_done:
            self.ignore_if_paid()
        self.signature()
        self.mentions()
        return self.pages

    def paragraph(self, text: str) -> None:
        self.text(text.replace(INVOICE_TABLE, ""))
        self.gap(3 * MM)

    def facts(self) -> None:
        self.facts_done = True
        self.table()
        self.totals()
        bank = _bank_lines(self.letter)
        if bank:
            self.bank_box(bank)
        self.gap(2 * MM)

    def ignore_if_paid(self) -> None:
        self.ignore_done = True
        self.text(self.labels["ignore"], bold=True, size=9)
        self.gap(4 * MM)

    def table(self) -> None:
        labels, face = self.labels, self.face
        heads = ("number", "issued", "due", "amount", "paid", "remaining", "late")

        def header() -> None:
            top = self.top
            self.ops.append(("b", MARGIN, top, _BODY_WIDTH, _ROW_HEIGHT, _HEADER_FILL, None))
            x = MARGIN
            for index, key in enumerate(heads):
                width = _COLUMN_WIDTHS[index]
                text = face.fit(labels[key], face.bold, _CELL_SIZE, width - 6)
                if index < 3:
                    self.ops.append(("t", face.bold, _CELL_SIZE, INK, x + 3, top + 10, text))
                else:
                    self.ops.append(
                        ("r", face.bold, _CELL_SIZE, INK, x + width - 3, top + 10, text)
                    )
                x += width
            self.top += _ROW_HEIGHT
            self.ops.append(("l", MARGIN, self.top, MARGIN + _BODY_WIDTH, self.top, 0.8, RULE))

        self.room(_ROW_HEIGHT * 3)
        header()
        lang = self.letter.language
        for line in self.letter.lines:
            if self.top + _ROW_HEIGHT > _BOTTOM:
                self.new_page()
                header()
            top = self.top
            number = one_line(line.number) + (labels["credit"] if line.is_credit else "")
            cells = (
                face.fit(number, face.regular, _CELL_SIZE, _COLUMN_WIDTHS[0] - 6),
                short_date(line.issued_on),
                short_date(line.due_on),
                face.money(line.total_cents, lang),
                face.money(line.paid_cents, lang) if line.paid_cents else "",
                face.money(line.remaining_cents, lang),
                labels["days"].format(n=line.days_late) if line.days_late else "",
            )
            x = MARGIN
            for index, text in enumerate(cells):
                width = _COLUMN_WIDTHS[index]
                if text:
                    color = _LATE_INK if index == 6 else INK
                    kind = "t" if index < 3 else "r"
                    at = x + 3 if index < 3 else x + width - 3
                    self.ops.append((kind, face.regular, _CELL_SIZE, color, at, top + 10, text))
                x += width
            self.top += _ROW_HEIGHT
            self.ops.append(
                ("l", MARGIN, self.top, MARGIN + _BODY_WIDTH, self.top, 0.25, "#D5DBE1")
            )
        self.gap(3 * MM)
        if self.letter.disputed_cents:
            amount = face.money(self.letter.disputed_cents, lang)
            self.text(labels["disputed"].format(amount=amount), size=8, color=MUTED)
            self.gap(1 * MM)

    def totals(self) -> None:
        face, letter = self.face, self.letter
        rows = _total_rows(letter)
        extra = 1 if letter.deadline is not None else 0
        self.room(_ROW_HEIGHT * (len(rows) + extra) + 4 * MM)
        width = 95 * MM
        left = MARGIN + _BODY_WIDTH - width
        right = MARGIN + _BODY_WIDTH - 3
        for index, (label, cents) in enumerate(rows):
            last = index == len(rows) - 1
            top = self.top
            font = face.bold if last else face.regular
            if last:
                self.ops.append(("b", left, top, width, _ROW_HEIGHT, _TOTAL_FILL, None))
                self.ops.append(("l", left, top, left + width, top, 0.8, RULE))
            self.ops.append(("t", font, 9.5, INK, left + 3, top + 10, face.printable(label)))
            self.ops.append(
                ("r", font, 9.5, INK, right, top + 10, face.money(cents, letter.language))
            )
            self.top += _ROW_HEIGHT
        if letter.deadline is not None:
            text = self.labels["deadline"].format(date=letter.long_date(letter.deadline))
            self.ops.append(("r", face.bold, 9.5, _LATE_INK, right, self.top + 10, text))
            self.top += _ROW_HEIGHT
        self.gap(4 * MM)

    def bank_box(self, lines: list[str]) -> None:
        face = self.face
        wrapped = [w for line in lines for w in face.wrap(line, face.regular, 9, _BODY_WIDTH - 12)]
        height = 12 * len(wrapped) + 8
        self.room(height + 3 * MM)
        top = self.top
        self.ops.append(("b", MARGIN, top, _BODY_WIDTH, height, _BOX_FILL, RULE))
        y = top + 4
        for text in wrapped:
            y += 12
            self.ops.append(("t", face.regular, 9, INK, MARGIN + 6, y - 3, text))
        self.top += height + 3 * MM

    def signature(self) -> None:
        face, letter = self.face, self.letter
        names = [n for n in (letter.signer, letter.company.name) if n.strip()]
        self.room(8 * MM + 14 * len(names))
        self.gap(2 * MM)
        for index, name in enumerate(names):
            font = face.bold if index == 0 else face.regular
            text = face.fit(name, font, _BODY_SIZE, PAGE_WIDTH - MARGIN - ADDRESS_LEFT)
            self.top += 14
            self.ops.append(("t", font, _BODY_SIZE, INK, ADDRESS_LEFT, self.top, text))
        self.gap(4 * MM)

    def mentions(self) -> None:
        """The legal mentions, kept together; in smaller print rather than alone on a
        page of their own."""
        face, mentions = self.face, self.letter.mentions

        def height(size: float) -> float:
            lines = sum(len(face.wrap(m, face.regular, size, _BODY_WIDTH)) for m in mentions)
            return lines * size * 1.35 + len(mentions)

        size = 7.5 if self.top + height(7.5) <= _BOTTOM else 6.5
        self.room(height(size))
        for mention in mentions:
            self.text(mention, size=size, color=MUTED)
            self.gap(1)


# --- Drawing -----------------------------------------------------------------------------


def _draw_page(canvas: Any, ops: Iterable[Op]) -> None:
    font: tuple[str, float] | None = None
    fill: str | None = None
    for op in ops:
        kind = op[0]
        if kind == "t" or kind == "r":
            _, name, size, ink, x, top, text = op
            if font != (name, size):
                canvas.setFont(name, size)
                font = (name, size)
            if fill != ink:
                canvas.setFillColor(color(ink))
                fill = ink
            if kind == "r":
                x -= string_width(text, name, size)
            canvas.drawString(x, PAGE_HEIGHT - top, text)
        elif kind == "l":
            _, x1, top1, x2, top2, width, stroke_color = op
            canvas.setLineWidth(width)
            canvas.setStrokeColor(color(stroke_color))
            canvas.line(x1, PAGE_HEIGHT - top1, x2, PAGE_HEIGHT - top2)
        elif kind == "b":
            _, x, top, w, h, fill_color, stroke = op
            canvas.setFillColor(color(fill_color))
            fill = fill_color
            if stroke:
                canvas.setStrokeColor(color(stroke))
                canvas.setLineWidth(0.6)
            canvas.rect(x, PAGE_HEIGHT - top - h, w, h, stroke=1 if stroke else 0, fill=1)
        else:  # "f": a shared drawing function (letterhead, window address)
            op[1](canvas)
            font = fill = None


def draw_letters(
    canvas: Any,
    letters: Iterable[LetterData],
    face: Typeface,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Draw `letters` on `canvas`, each from a new page; returns the number of pages."""
    count = 0
    for index, letter in enumerate(letters):
        pages = _Layout(face, letter).build()
        title = one_line(f"{letter.subject} — {letter.recipient.name}")
        for number, ops in enumerate(pages, start=1):
            if number > 1:
                draw_later_header(canvas, face, letter.company.name, title)
            _draw_page(canvas, ops)
            draw_footer(canvas, face, letter.company)
            draw_page_number(canvas, face, number, len(pages), letter.labels["page"])
            canvas.showPage()
            count += 1
        if progress is not None:
            progress(index + 1)
    return count


def render_letters(
    letters: Iterable[LetterData],
    path: Path | BinaryIO,
    *,
    title: str = "Relances",
    progress: Callable[[int], None] | None = None,
    canvas_class: Any = None,
) -> int:
    """Write `letters` into one A4 PDF at `path` (or into a binary file object);
    returns the number of pages.

    `progress(n)` is called after each letter; `canvas_class` lets a benchmark watch
    what is drawn."""
    from reportlab.pdfgen.canvas import Canvas

    face = Typeface.default()
    if isinstance(path, Path | str):
        with written_atomically(path) as temporary, temporary.open("wb") as handle:
            return render_letters(
                letters, handle, title=title, progress=progress, canvas_class=canvas_class
            )
    canvas = (canvas_class or Canvas)(
        path, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1, invariant=1
    )
    canvas.setTitle(title)
    canvas.setAuthor("Encaisse")
    canvas.setCreator("Encaisse")
    pages = draw_letters(canvas, letters, face, progress)
    if pages == 0:  # an empty batch still makes a valid PDF
        canvas.showPage()
    canvas.save()
    return pages
