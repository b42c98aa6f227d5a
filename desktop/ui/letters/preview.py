"""A PDF preview: one page at a time as an image, with previous / next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.letters.pdf_pages import PdfPages

PREVIEW_DPI = 80.0  # the most a page is enlarged to; narrower panes fit the page width
A4_WIDTH_INCHES = 8.27


class PagePreview(QWidget):
    """Shows the pages of a PDF; `set_pdf` opens one, `clear` closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: PdfPages | None = None
        self._index = 0
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Aperçu de la page"))
        self.image.setStyleSheet("QLabel { background: #8A949E; padding: 8px; }")
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        self.scroll = scroll
        # Re-render at the new width once the user stops resizing.
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(lambda: self.show_page(self._index))
        self.previous_button = QPushButton(self.tr("◀ Précédente"))
        self.next_button = QPushButton(self.tr("Suivante ▶"))
        self.page_label = QLabel()
        self.previous_button.clicked.connect(lambda: self.show_page(self._index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._index + 1))
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addStretch(1)
        navigation.addWidget(self.page_label)
        navigation.addStretch(1)
        navigation.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(navigation)
        self._update_navigation()

    @property
    def page_count(self) -> int:
        return len(self._pages) if self._pages is not None else 0

    @property
    def current_page(self) -> int:
        return self._index

    def set_pdf(self, path: Path, page: int = 0) -> None:
        """Open `path` and show `page` (kept within the page count)."""
        self.clear()
        self._pages = PdfPages(path)
        self.show_page(page)

    def show_page(self, index: int) -> None:
        if self._pages is None or len(self._pages) == 0:
            return
        self._index = max(0, min(index, len(self._pages) - 1))
        self.image.setPixmap(QPixmap.fromImage(self._pages.image(self._index, self._dpi())))
        self._update_navigation()

    def _dpi(self) -> float:
        """The resolution at which the page fills the pane's width (padding aside)."""
        width = self.scroll.viewport().width() - 44  # padding and a vertical scroll bar
        return max(30.0, min(PREVIEW_DPI, width / A4_WIDTH_INCHES))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt's name
        super().resizeEvent(event)
        if self._pages is not None:
            self._resize_timer.start()

    def clear(self) -> None:
        if self._pages is not None:
            self._pages.close()
            self._pages = None
        self._index = 0
        self.image.clear()
        self._update_navigation()

    def _update_navigation(self) -> None:
        count = self.page_count
        self.previous_button.setEnabled(count > 0 and self._index > 0)
        self.next_button.setEnabled(count > 0 and self._index < count - 1)
        self.page_label.setText(
            self.tr("Page %1 sur %2").replace("%1", str(self._index + 1)).replace("%2", str(count))
            if count
            else ""
        )
