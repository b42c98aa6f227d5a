"""What every printed letter shares: the letterhead, the recipient placed for a window
envelope, "Page n/N", fonts, French dates and amounts, and safe text.

Used by the account statement (platypus) and by the reminder letters (plain canvas,
for speed); both draw the letterhead and the address with the canvas functions here, so
a letter and a statement put the customer's address at the same place.

Window envelope: a French DL envelope (110 × 220 mm) with its window 45 mm from the
top and 110 mm from the left edge of the A4 sheet folded in three.

Canvas strings are not markup: names are drawn as typed. Paragraph text (platypus)
goes through `Typeface.escape`, so "Dupont & Fils <SARL>" prints as such there too.
Line breaks typed in a name or an address line start a new printed line; anywhere a
single line is expected (`one_line`) they become spaces.

Amounts are French (`1 234,56 €`): with DejaVu Sans (found on the system or in
resources/fonts) the narrow no-break space of `format_cents` is drawn as is; with the
Helvetica fallback, which has no glyph for it, it becomes a no-break space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from desktop.domain.money import format_cents

__all__ = [
    "ADDRESS_LEFT",
    "ADDRESS_TOP",
    "ADDRESS_WIDTH",
    "INK",
    "MARGIN",
    "MM",
    "MUTED",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "RULE",
    "Letterhead",
    "Recipient",
    "Typeface",
    "color",
    "draw_footer",
    "draw_later_header",
    "draw_letterhead",
    "draw_page_number",
    "draw_window_address",
    "english_long_date",
    "find_fonts",
    "french_long_date",
    "lines_of",
    "numbered_canvas",
    "one_line",
    "short_date",
    "string_width",
    "window_address_bottom",
]

MM = 72 / 25.4  # points per millimetre (reportlab.lib.units.mm, without importing it)
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM  # A4 portrait
MARGIN = 15 * MM
LETTERHEAD_TOP = 14 * MM
LETTERHEAD_WIDTH = 88 * MM
ADDRESS_LEFT, ADDRESS_TOP, ADDRESS_WIDTH = 110 * MM, 45 * MM, 85 * MM
FOOTER_Y = 8 * MM

INK = "#1F2933"
MUTED = "#616E7C"
RULE = "#9AA5B1"
LIGHT_RULE = "#D5DBE1"
HEADER_BACKGROUND = "#E8EDF3"
TOTAL_BACKGROUND = "#F2F2F2"
PANEL_BACKGROUND = "#F7F9FB"
LATE_INK = "#B42318"

_MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_NNBSP = "\u202f"
_NBSP = "\u00a0"
_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\t]")
# ReportLab breaks a word wider than its column one character at a time, measuring the
# rest each time: a 5,000-character word took seconds per cell and could not be read.
LONGEST_WORD = 200
_LONG_WORD = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def french_long_date(day: date) -> str:
    """date(2026, 3, 16) -> '16 mars 2026'; the first of the month is '1er'."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {_MONTHS_FR[day.month - 1]} {day.year}"


def english_long_date(day: date) -> str:
    """date(2026, 3, 16) -> '16 March 2026'."""
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def lines_of(text: str) -> list[str]:
    """The printed lines of `text`: every kind of line break starts a new line; tabs and
    other control characters (which fonts cannot draw) become spaces."""
    return [_CONTROLS.sub(" ", part) for part in _BREAKS.split(text)]


def _clip_words(text: str) -> str:
    return _LONG_WORD.sub(lambda word: word.group()[:LONGEST_WORD] + "…", text)


def one_line(text: str) -> str:
    """`text` on a single line: line breaks and control characters become spaces."""
    return " ".join(part.strip() for part in lines_of(text) if part.strip())


# --- The data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    """The user's company as printed at the top of a letter or statement."""

    name: str
    legal_form: str = ""
    address_lines: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    # Already formatted for print: "SIREN 814 527 368", "TVA FR12814527368", "BCE 0403.170.701".
    identifiers: tuple[str, ...] = ()
    iban: str = ""  # formatted in groups of four: "FR76 3000 4008 …"
    bic: str = ""
    city: str = ""  # where letters are written from ("Lyon, le 16 mars 2026")


@dataclass(frozen=True)
class Recipient:
    """The customer, as its address shows through the envelope window."""

    name: str
    address_lines: tuple[str, ...] = ()  # street lines, "75011 Paris", country if abroad
    account_code: str = ""
    identifier: str = ""  # SIREN or enterprise number, formatted


# --- Fonts -------------------------------------------------------------------------------

_FONT_DIRS = (
    Path(__file__).resolve().parents[2] / "resources" / "fonts",
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu-sans-fonts"),  # Fedora
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),  # Arch
    Path("/Library/Fonts"),
    Path.home() / "Library" / "Fonts",
    Path("C:/Windows/Fonts"),
)


@lru_cache(maxsize=1)
def find_fonts() -> tuple[str, str, bool]:
    """(regular, bold, unicode): DejaVu Sans when a copy is found, else Helvetica, whose
    WinAnsi encoding has no narrow no-break space (and no glyph beyond Latin-1)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in _FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        try:
            if regular.is_file() and bold.is_file():
                pdfmetrics.registerFont(TTFont("Encaisse-Sans", str(regular)))
                pdfmetrics.registerFont(TTFont("Encaisse-Sans-Bold", str(bold)))
                pdfmetrics.registerFontFamily(
                    "Encaisse-Sans", normal="Encaisse-Sans", bold="Encaisse-Sans-Bold"
                )
                return "Encaisse-Sans", "Encaisse-Sans-Bold", True
        except Exception:  # an unreadable or broken font file: try the next folder
            continue
    return "Helvetica", "Helvetica-Bold", False


class Typeface(NamedTuple):
    """The two fonts a document uses, and the text helpers that depend on them."""

    regular: str
    bold: str
    unicode: bool

    @classmethod
    def default(cls) -> Typeface:
        return cls(*find_fonts())

    def printable(self, text: str) -> str:
        """The text with the narrow no-break space swapped when the font cannot draw it."""
        return text if self.unicode else text.replace(_NNBSP, _NBSP)

    def money(self, cents: int, lang: str = "fr") -> str:
        return self.printable(format_cents(cents, lang=lang))

    def escape(self, text: str) -> str:
        """Paragraph markup for `text` printed literally, line breaks kept; a "word"
        longer than `LONGEST_WORD` characters (pasted garbage, never a real word) is cut
        with an ellipsis."""
        from xml.sax.saxutils import escape

        return "<br/>".join(escape(self.printable(_clip_words(line))) for line in lines_of(text))

    def width(self, text: str, bold: bool = False, size: float = 9) -> float:
        return string_width(text, self.bold if bold else self.regular, size)

    def fit(self, text: str, font: str, size: float, max_width: float) -> str:
        """`text` on one line, cut with an ellipsis so it fits in `max_width` points."""
        return _fit(self.printable(one_line(text)), font, size, max_width)

    def wrap(self, text: str, font: str, size: float, max_width: float) -> list[str]:
        """`text` cut into lines of at most `max_width` points; its own line breaks kept."""
        return list(_wrap(self.printable(text), font, size, max_width))


# Letters of a batch repeat the same strings (letterhead, labels, dates, mentions):
# measuring each once keeps a thousand letters close to the cost of drawing them.


@lru_cache(maxsize=65536)
def string_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


@lru_cache(maxsize=8192)
def _fit(text: str, font: str, size: float, max_width: float) -> str:
    if string_width(text, font, size) <= max_width:
        return text
    # Binary search for the longest prefix that fits with its ellipsis: removing one
    # character at a time measured a 5,000-character name 5,000 times (minutes).
    fits, too_long = 0, len(text)
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if string_width(text[:middle] + "…", font, size) <= max_width:
            fits = middle
        else:
            too_long = middle
    return text[:fits].rstrip() + "…"


@lru_cache(maxsize=8192)
def _wrap(text: str, font: str, size: float, max_width: float) -> tuple[str, ...]:
    from reportlab.lib.utils import simpleSplit

    out: list[str] = []
    for line in lines_of(text):
        out.extend(simpleSplit(line, font, size, max_width) or [""])
    return tuple(out)


@lru_cache(maxsize=64)
def color(hex_code: str) -> Any:
    """A ReportLab colour, parsed once (the canvas would parse a string on every call)."""
    from reportlab.lib.colors import HexColor

    return HexColor(hex_code)


def style_maker(font: str, size: float = 9, leading: float = 11.5) -> Any:
    """`style(name, **overrides)` → a ReportLab ParagraphStyle: body text of every printed
    document (`size` pt in INK), any attribute overridden by keyword."""
    from reportlab.lib.styles import ParagraphStyle

    ink = color(INK)

    def style(name: str, **overrides: Any) -> Any:
        base: dict[str, Any] = {
            "fontName": font,
            "fontSize": size,
            "leading": leading,
            "textColor": ink,
        }
        base.update(overrides)
        return ParagraphStyle(name, **base)

    return style


# --- Drawing on the canvas ---------------------------------------------------------------


def _letterhead_rows(face: Typeface, company: Letterhead) -> list[tuple[str, str, float]]:
    """(text, font, size) rows of the letterhead, wrapped to its width."""
    rows = [(t, face.bold, 13.0) for t in face.wrap(company.name, face.bold, 13, LETTERHEAD_WIDTH)]
    small = list(company.address_lines)
    contact = " · ".join(p for p in (company.phone, company.email) if p)
    if contact:
        small.append(contact)
    legal = " · ".join(p for p in (company.legal_form, *company.identifiers) if p)
    if legal:
        small.append(legal)
    for text in small:
        rows += [(t, face.regular, 8.0) for t in face.wrap(text, face.regular, 8, LETTERHEAD_WIDTH)]
    return rows


def draw_letterhead(canvas: Any, face: Typeface, company: Letterhead) -> None:
    """The company name, address, contact and identifiers at the top left of page 1."""
    y = PAGE_HEIGHT - LETTERHEAD_TOP
    canvas.setFillColor(color(INK))
    first = True
    for text, font, size in _letterhead_rows(face, company):
        y -= size * (1.25 if first else 1.3)
        if not first and font == face.regular and size == 8.0:
            canvas.setFillColor(color(MUTED))
        canvas.setFont(font, size)
        canvas.drawString(MARGIN, y, text)
        first = False


def _address_rows(face: Typeface, recipient: Recipient) -> list[tuple[str, str]]:
    rows = [(t, face.bold) for t in face.wrap(recipient.name, face.bold, 10, ADDRESS_WIDTH)]
    for line in recipient.address_lines:
        rows += [(t, face.regular) for t in face.wrap(line, face.regular, 10, ADDRESS_WIDTH)]
    return rows


_ADDRESS_LEADING = 13.0


def window_address_bottom(face: Typeface, recipient: Recipient) -> float:
    """How far from the top of the page (points) the address block ends."""
    return ADDRESS_TOP + _ADDRESS_LEADING * len(_address_rows(face, recipient))


def draw_window_address(canvas: Any, face: Typeface, recipient: Recipient) -> float:
    """The recipient's name and address where the envelope window shows them; returns
    how far from the top of the page (points) the block ends."""
    y = PAGE_HEIGHT - ADDRESS_TOP
    canvas.setFillColor(color(INK))
    rows = _address_rows(face, recipient)
    for text, font in rows:
        y -= _ADDRESS_LEADING
        canvas.setFont(font, 10)
        canvas.drawString(ADDRESS_LEFT, y + 3, text)
    return ADDRESS_TOP + _ADDRESS_LEADING * len(rows)


def draw_later_header(canvas: Any, face: Typeface, company_name: str, title: str) -> None:
    """The thin header of the pages after the first: company name left, title right."""
    name = face.fit(company_name, face.bold, 8.5, (PAGE_WIDTH - 2 * MARGIN) * 0.4)
    room = PAGE_WIDTH - 2 * MARGIN - face.width(name, True, 8.5) - 6 * MM
    canvas.setFont(face.bold, 8.5)
    canvas.setFillColor(color(INK))
    canvas.drawString(MARGIN, PAGE_HEIGHT - 11 * MM, name)
    canvas.setFont(face.regular, 8)
    canvas.setFillColor(color(MUTED))
    canvas.drawRightString(
        PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 11 * MM, face.fit(title, face.regular, 8, room)
    )
    canvas.setStrokeColor(color(RULE))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, PAGE_HEIGHT - 12.5 * MM, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 12.5 * MM)


def draw_footer(canvas: Any, face: Typeface, company: Letterhead) -> None:
    """The company's legal identity along the bottom of every page."""
    legal = " · ".join(p for p in (company.name, company.legal_form, *company.identifiers) if p)
    canvas.setFont(face.regular, 7)
    canvas.setFillColor(color(MUTED))
    canvas.drawString(
        MARGIN, FOOTER_Y, face.fit(legal, face.regular, 7, PAGE_WIDTH - 2 * MARGIN - 25 * MM)
    )


def report_page_decorators(
    face: Typeface, company: Letterhead, title: str, printed_on: date
) -> tuple[Any, Any]:
    """The `onPage` callbacks of a report: the letterhead and the printing date on the
    first page, the company and `title` along the top of the later ones, the legal
    footer on all."""

    def first_page(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        draw_letterhead(canvas, face, company)
        canvas.setFont(face.regular, 8.5)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN,
            PAGE_HEIGHT - 20 * MM,
            face.printable(f"Édité le {french_long_date(printed_on)}"),
        )
        draw_footer(canvas, face, company)
        canvas.restoreState()

    def later_page(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        draw_later_header(canvas, face, company.name, title)
        draw_footer(canvas, face, company)
        canvas.restoreState()

    return first_page, later_page


def draw_page_number(canvas: Any, face: Typeface, number: int, total: int, word: str) -> None:
    """ "Page n/N" at the bottom right (`word` is "Page" in the letter's language)."""
    canvas.setFont(face.regular, 8)
    canvas.setFillColor(color(MUTED))
    canvas.drawRightString(PAGE_WIDTH - MARGIN, FOOTER_Y, f"{word} {number}/{total}")


def numbered_canvas(face: Typeface, *, only_if_several: bool = True) -> Any:
    """A canvas class for platypus that writes "Page n/N" once it knows N (platypus
    only learns the page count at the end); by default on documents of several pages."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if total > 1 or not only_if_several:
                    self.saveState()
                    draw_page_number(self, face, number, total, "Page")
                    self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas
