"""An area that a later version builds: it says so plainly instead of showing fake content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, what_it_will_do: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setStyleSheet("QLabel { font-size: 16pt; font-weight: 600; }")
        body = QLabel(what_it_will_do)
        body.setWordWrap(True)
        body.setStyleSheet("QLabel { font-size: 11pt; color: #333; }")
        note = QLabel(
            self.tr(
                "Cet espace n'est pas encore disponible dans cette version d'Encaisse. "
                "Aucune donnée n'y est affichée tant qu'il n'est pas terminé."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(
            "QLabel { background: #fff7e0; border: 1px solid #e8d9a8; border-radius: 6px; "
            "padding: 12px; color: #5c4a00; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
