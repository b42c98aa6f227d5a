"""The dashboard's charts, drawn with matplotlib, and the monthly report (PDF) built on them.

The chart functions draw on a matplotlib `Axes` from plain lists, so the Tableau de bord
(on a Qt canvas) and the printed report (PNG in memory placed by ReportLab) share them.
matplotlib and ReportLab are imported inside the functions: importing this module stays
cheap, and the application starts without loading either.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.documents.aging_pdf import bucket_label_fr
from desktop.documents.dispute_sheet import CATEGORY_FR
from desktop.documents.letter_layout import (
    HEADER_BACKGROUND,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Letterhead,
    Typeface,
    color,
    french_long_date,
    numbered_canvas,
    report_page_decorators,
    style_maker,
)
from desktop.documents.output import written_atomically
from desktop.domain.enums import Channel, DisputeCategory

__all__ = [
    "ACCENT",
    "OVERDUE_COLORS",
    "ReportData",
    "aging_colors",
    "bar_chart",
    "euros_short",
    "line_chart",
    "month_label",
    "render_monthly_report",
]

ACCENT = "#2f6fdf"
MUTED_INK = "#616E7C"
# Light to dark red as items get older: the eye goes to the oldest money first.
OVERDUE_COLORS = ("#f4b183", "#ee8f5a", "#e06c3c", "#c0392b", "#8e1f14")
CHANNEL_FR = {
    Channel.LETTER: "Courrier",
    Channel.EMAIL: "E-mail",
    Channel.PHONE: "Appel",
    Channel.SALESPERSON: "Commercial",
    Channel.FORMAL_NOTICE: "Mise en demeure",
}
_MONTHS_SHORT_FR = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
    "nov.", "déc.",
)  # fmt: skip


@dataclass(frozen=True)
class ReportData:
    """The dashboard's figures as plain values (keys, cents, days)."""

    as_of: date
    company_name: str
    open_cents: int
    overdue_cents: int
    aging: tuple[tuple[str, int], ...]  # (bucket key, cents), overdue buckets only
    dso: tuple[tuple[date, float | None], ...]  # (month end, days), oldest first
    disputes: tuple[tuple[str, int, int], ...]  # (category value, count, cents)
    late_payers: tuple[tuple[str, int], ...]  # (customer name, overdue cents)
    actions: tuple[tuple[str, int], ...]  # (channel value, count)
    proposals: tuple[tuple[str, date], ...]  # (customer name, proposed on)


# --- charts (shared with the UI) -----------------------------------------------------------


def euros_short(cents: float) -> str:
    """An axis tick in euros: '12 k€', '1,5 M€', '800 €'."""
    euros = cents / 100
    if abs(euros) >= 1_000_000:
        return f"{euros / 1_000_000:.1f} M€".replace(".", ",")
    if abs(euros) >= 1_000:
        return f"{euros / 1_000:.0f} k€"
    return f"{euros:.0f} €"


def month_label(day: date) -> str:
    """'nov. 26': the tick of a month end on the DSO chart."""
    return f"{_MONTHS_SHORT_FR[day.month - 1]} {day.year % 100:02d}"


def _style(ax: Any, title: str) -> None:
    # A figure title, not an axes title: long category names on the left of horizontal
    # bars would otherwise push it off the right edge.
    ax.figure.suptitle(title, x=0.02, ha="left", fontsize=10, fontweight="bold", color="#1F2933")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8, colors="#3E4C59")


def _empty(ax: Any, text: str) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(0.5, 0.5, text, ha="center", va="center", color=MUTED_INK, transform=ax.transAxes)


def _wrap(label: str, width: int = 10) -> str:
    """Break a long label at its middle space."""
    if len(label) <= width or " " not in label:
        return label
    middle = len(label) // 2
    spaces = [i for i, c in enumerate(label) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return label[:cut] + "\n" + label[cut + 1 :]


def bar_chart(
    ax: Any,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    colors: Sequence[str] | str = ACCENT,
    horizontal: bool = False,
    tick_format: Callable[[float], str] | None = None,
    value_format: Callable[[float], str] | None = None,
    empty_text: str = "",
) -> None:
    """Bars of `values` named by `labels`; horizontal bars list the first label on top.
    When every value is zero, `empty_text` is written instead of an empty frame."""
    from matplotlib.ticker import FuncFormatter

    _style(ax, title)
    if not labels or not any(values):
        _empty(ax, empty_text)
        return
    positions = list(range(len(labels)))
    if horizontal:
        bars = ax.barh(positions, values, color=colors)
        ax.set_yticks(positions, labels)
        ax.invert_yaxis()
        axis = ax.xaxis
    else:
        bars = ax.bar(positions, values, color=colors)
        # Two-word labels go on two lines so neighbours never overlap ("Mise en demeure").
        ax.set_xticks(positions, [_wrap(label) for label in labels])
        axis = ax.yaxis
    if tick_format is not None:
        axis.set_major_formatter(FuncFormatter(lambda v, _p: tick_format(v)))
    if value_format is not None:
        ax.bar_label(bars, [value_format(v) for v in values], fontsize=7.5, padding=2)
        ax.margins(x=0.18) if horizontal else ax.margins(y=0.15)
    ax.grid(axis="x" if horizontal else "y", color="#E4E7EB", linewidth=0.6)
    ax.set_axisbelow(True)


def line_chart(
    ax: Any,
    title: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    unit: str = "",
    empty_text: str = "",
) -> None:
    """A line through `values` (None leaves a gap), one point per label."""
    _style(ax, title)
    if not any(v is not None for v in values):
        _empty(ax, empty_text)
        return
    positions = list(range(len(labels)))
    ys = [float("nan") if v is None else v for v in values]
    ax.plot(positions, ys, color=ACCENT, marker="o", markersize=3.5, linewidth=1.8)
    ax.set_xticks(positions, labels, rotation=45, ha="right")
    ax.set_ylim(bottom=0)
    if unit:
        ax.set_ylabel(unit, fontsize=8, color=MUTED_INK)
    last = next((v for v in reversed(values) if v is not None), None)
    if last is not None and values[-1] is not None:
        ax.annotate(
            f"{last:.0f} {unit}".strip(),
            (positions[-1], last),
            textcoords="offset points",
            xytext=(0, 6),
            ha="center",
            fontsize=8,
            fontweight="bold",
            color=ACCENT,
        )
    ax.grid(axis="y", color="#E4E7EB", linewidth=0.6)
    ax.set_axisbelow(True)


def aging_colors(count: int) -> list[str]:
    """One colour per overdue bucket, from light (recent) to dark (oldest)."""
    if count <= len(OVERDUE_COLORS):
        return list(OVERDUE_COLORS[len(OVERDUE_COLORS) - count :])
    return [OVERDUE_COLORS[min(i, len(OVERDUE_COLORS) - 1)] for i in range(count)]


# --- the PDF ---------------------------------------------------------------------------------


def _png(draw: Callable[[Any], None], width_in: float, height_in: float) -> io.BytesIO:
    """One chart rendered to PNG in memory (no GUI backend involved)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_in, height_in), dpi=150)
    draw(figure.add_subplot())
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150)
    buffer.seek(0)
    return buffer


def _category(value: str) -> str:
    try:
        return CATEGORY_FR[DisputeCategory(value)]
    except ValueError:
        return value


def _channel(value: str) -> str:
    try:
        return CHANNEL_FR[Channel(value)]
    except ValueError:
        return value


def render_monthly_report(
    data: ReportData, company: Letterhead, path: Path, printed_on: date
) -> Path:
    """Write the monthly report to `path` (A4 portrait): letterhead, headline figures,
    four charts (overdue by age, DSO trend, open disputes by category, today's actions
    by channel), the ten largest late payers and the blocking proposals waiting.
    Names are printed as typed. Returns the path."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        Image,
        KeepTogether,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from desktop.documents.letter_layout import find_fonts

    face = Typeface(*find_fonts())
    body_width = PAGE_WIDTH - 2 * MARGIN
    title = f"Rapport mensuel au {french_long_date(data.as_of)}"

    style = style_maker(face.regular)

    s_title = style("title", fontName=face.bold, fontSize=15, leading=19, spaceAfter=3)
    s_text = style("text")
    s_head = style("head", fontName=face.bold, fontSize=11, leading=14, spaceBefore=6)
    s_cell = style("cell", fontSize=8.5, leading=10.5)
    s_right = style("right", fontSize=8.5, leading=10.5, alignment=2)
    s_muted = style("muted", fontSize=8.5, textColor=colors.HexColor(MUTED_INK))

    def para(text: str, st: ParagraphStyle) -> Paragraph:
        return Paragraph(face.escape(text), st)

    first_page, later_page = report_page_decorators(face, company, title, printed_on)

    def frame(top: float, name: str) -> Any:
        return Frame(
            MARGIN, MARGIN, body_width, PAGE_HEIGHT - top - MARGIN, id=name,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip

    doc = BaseDocTemplate(
        str(path),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        title=face.printable(title),
        author=face.printable(company.name),
        subject="Rapport mensuel",
        creator="Encaisse",
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[frame(45 * mm, "first")], onPage=first_page),
            PageTemplate(id="later", frames=[frame(20 * mm, "later")], onPage=later_page),
        ]
    )

    overdue_share = (
        f" ({data.overdue_cents * 100 / data.open_cents:.0f} %)".replace(".", ",")
        if data.open_cents > 0
        else ""
    )
    last_dso = data.dso[-1][1] if data.dso else None
    story: list[Any] = [
        NextPageTemplate("later"),
        para(title, s_title),
        para(
            f"Encours total : {face.money(data.open_cents)} · échu : "
            f"{face.money(data.overdue_cents)}{overdue_share} · DSO : "
            + (f"{last_dso:.0f} j".replace(".", ",") if last_dso is not None else "—")
            + f" · litiges ouverts : {sum(c for _k, c, _a in data.disputes)}",
            s_text,
        ),
        Spacer(1, 4 * mm),
    ]

    chart_w, chart_h = body_width / 2 - 2 * mm, 58 * mm
    inches = (chart_w / 72, chart_h / 72)

    def chart(draw: Callable[[Any], None]) -> Any:
        return Image(_png(draw, *inches), width=chart_w, height=chart_h)

    aging_keys = [bucket_label_fr(k) for k, _c in data.aging]
    charts = [
        chart(
            lambda ax: bar_chart(
                ax, "Retards par ancienneté", aging_keys, [c for _k, c in data.aging],
                colors=aging_colors(len(data.aging)), tick_format=euros_short,
                value_format=euros_short, empty_text="Aucun retard",
            )
        ),
        chart(
            lambda ax: line_chart(
                ax, "DSO sur 12 mois", [month_label(d) for d, _v in data.dso],
                [v for _d, v in data.dso], unit="jours", empty_text="Pas de ventes",
            )
        ),
        chart(
            lambda ax: bar_chart(
                ax, "Litiges ouverts par cause", [_category(k) for k, _n, _c in data.disputes],
                [c for _k, _n, c in data.disputes], horizontal=True, tick_format=euros_short,
                value_format=euros_short, empty_text="Aucun litige ouvert",
            )
        ),
        chart(
            lambda ax: bar_chart(
                ax, "Actions de relance du jour", [_channel(k) for k, _n in data.actions],
                [n for _k, n in data.actions], value_format=lambda v: f"{v:.0f}",
                empty_text="Aucune action due",
            )
        ),
    ]  # fmt: skip
    grid = Table([charts[:2], charts[2:]], colWidths=[body_width / 2] * 2)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(grid)

    lines = [[para("Client", s_cell), para("Échu", s_right)]]
    lines += [[para(name, s_cell), para(face.money(c), s_right)] for name, c in data.late_payers]
    top = [para("Les dix plus gros retards", s_head), Spacer(1, 2 * mm)]
    if data.late_payers:
        # splitInRow: a row taller than a page goes on over the next one (issue 8).
        table = Table(lines, colWidths=[body_width - 35 * mm, 35 * mm], repeatRows=1, splitInRow=1)
        table.setStyle(_table_style(colors))
        top.append(table)
    else:
        top.append(para("Aucun client en retard.", s_muted))
    story.append(KeepTogether(top))

    waiting = [para("Blocages à décider", s_head), Spacer(1, 2 * mm)]
    if data.proposals:
        rows = [[para("Client", s_cell), para("Proposé le", s_right)]]
        rows += [
            [para(name, s_cell), para(on.strftime("%d/%m/%Y"), s_right)]
            for name, on in data.proposals
        ]
        table = Table(rows, colWidths=[body_width - 35 * mm, 35 * mm], repeatRows=1, splitInRow=1)
        table.setStyle(_table_style(colors))
        waiting.append(table)
    else:
        waiting.append(para("Aucune proposition de blocage en attente.", s_muted))
    story.append(KeepTogether(waiting))

    with written_atomically(path) as temporary:
        doc.filename = str(temporary)  # complete before it takes the name
        doc.build(story, canvasmaker=numbered_canvas(face))
    return path


def _table_style(colors: Any) -> Any:
    from reportlab.platypus import TableStyle

    return TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), color(HEADER_BACKGROUND)),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#CBD2D9")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    )
