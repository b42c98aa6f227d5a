"""The score's recent history in the customer page's score box: a small line of the last
points (drawn with QPainter: no chart library on a page opened this often) and the last
few points in words, newest first, with their change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop.domain.score import GOOD_FROM, MAX_SCORE, MIN_SCORE, RISK_BELOW
from desktop.services.score import ScorePoint, points_text
from desktop.ui.dates import format_date
from desktop.ui.score_style import score_color

LISTED = 4  # points written out beside the line
MARGIN = 8  # points of room above and below the scores drawn
MIN_SPAN = 30  # the smallest range of scores the drawing's height stands for
GRID = "#d6d6d6"
LINE = "#5b6b7f"


class ScoreSparkline(QWidget):
    """Scores against their dates, each point in its band's colour; dotted lines mark
    where the bands change. The height spans the scores shown with a margin (at least
    `MIN_SPAN` points), not 0–100: a drop of 20 points must be seen at this size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[ScorePoint] = []
        self.setMinimumSize(QSize(180, 56))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Évolution du score"))

    def sizeHint(self) -> QSize:
        return QSize(260, 64)

    def set_points(self, points: Sequence[ScorePoint]) -> None:
        self.points = list(points)
        self.update()

    def score_range(self) -> tuple[int, int]:
        """The scores at the bottom and at the top of the drawing."""
        scores = [p.score for p in self.points] or [MIN_SCORE, MAX_SCORE]
        low, high = min(scores) - MARGIN, max(scores) + MARGIN
        if high - low < MIN_SPAN:
            middle = (low + high) / 2
            low, high = round(middle - MIN_SPAN / 2), round(middle + MIN_SPAN / 2)
        low, high = max(MIN_SCORE, low), min(MAX_SCORE, high)
        return (low, max(high, low + 1))

    def _y(self, area: QRectF, score: float) -> float:
        low, high = self.score_range()
        return area.bottom() - (score - low) / (high - low) * area.height()

    def positions(self) -> list[QPointF]:
        """Where each point is drawn: x by date (so a quiet month takes its room), y by
        score. One point alone sits at the right end."""
        area = QRectF(self.rect()).adjusted(5, 5, -5, -5)
        if not self.points:
            return []
        first = self.points[0].computed_on.toordinal()
        span = max(self.points[-1].computed_on.toordinal() - first, 0)
        return [
            QPointF(
                area.right()
                if not span
                else area.left() + (p.computed_on.toordinal() - first) / span * area.width(),
                self._y(area, p.score),
            )
            for p in self.points
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(5, 5, -5, -5)
        painter.setPen(QPen(QColor(GRID), 1, Qt.PenStyle.DashLine))
        low, high = self.score_range()
        for threshold in (GOOD_FROM, RISK_BELOW):
            if low < threshold < high:
                y = self._y(area, threshold)
                painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        positions = self.positions()
        if len(positions) > 1:
            path = QPainterPath(positions[0])
            for position in positions[1:]:
                path.lineTo(position)
            painter.setPen(QPen(QColor(LINE), 1.5))
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        for point, position in zip(self.points, positions, strict=True):
            painter.setBrush(QColor(score_color(point.score)))
            painter.drawEllipse(position, 3.0, 3.0)
        painter.end()


class ScoreHistoryWidget(QWidget):
    """The line of the last points and the last `LISTED` of them in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sparkline = ScoreSparkline()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setStyleSheet("QLabel { color: #555; }")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.summary.setAccessibleName(self.tr("Historique du score"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sparkline)
        layout.addWidget(self.summary, 1)
        self.points: list[ScorePoint] = []
        self.set_points([])

    def set_points(self, points: Sequence[ScorePoint]) -> None:
        """Show these points (oldest first, as ScoreService.history gives them)."""
        self.points = list(points)
        self.sparkline.set_points(self.points)
        self.sparkline.setVisible(len(self.points) > 1)
        if not self.points:
            self.summary.setText(
                self.tr(
                    "Historique : pas encore de point enregistré (le score est enregistré "
                    "au calcul des relances du jour)."
                )
            )
            return
        if len(self.points) == 1:
            (point,) = self.points
            self.summary.setText(
                self.tr("Historique : %1 le %2, inchangé depuis.")
                .replace("%1", str(point.score))
                .replace("%2", format_date(point.computed_on))
            )
            return
        texts = []
        for k, point in enumerate(self.points):
            text = self.point_text(point)
            if k and point.rules_version != self.points[k - 1].rules_version:
                text += " " + self.tr("— règles v%1").replace("%1", point.rules_version)
            texts.append(text)
        lines = [self.tr("Historique (derniers changements) :"), *texts[::-1][:LISTED]]
        self.summary.setText("\n".join(lines))
        self.sparkline.setToolTip("\n".join(texts[::-1]))

    def point_text(self, point: ScorePoint) -> str:
        """« 16/03/2026 : 62 (−5) », or « … : 62 (premier calcul) » for the first one."""
        change = self.tr("premier calcul") if point.change is None else points_text(point.change)
        return (
            self.tr("%1 : %2 (%3)")
            .replace("%1", format_date(point.computed_on))
            .replace("%2", str(point.score))
            .replace("%3", change)
        )
