"""The day's letters: what will be printed, a preview, then save or print, and only
when the user confirms, the reminders are marked done.

The PDF is written off the UI thread into a temporary folder owned by the dialog;
"Enregistrer le PDF…" copies it, "Imprimer…" sends its pages to a printer as images
(PySide6-Essentials has no QtPdf; pypdfium2 renders them at the printer's resolution).
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Channel
from desktop.domain.errors import NotFoundError
from desktop.domain.money import format_cents
from desktop.services.letters import LetterBatch
from desktop.services.registry import Services
from desktop.services.reminders import ActionClosedError
from desktop.ui.dates import format_date
from desktop.ui.letters.pdf_pages import PdfPages
from desktop.ui.letters.preview import PagePreview
from desktop.ui.messages import letter_problem_message
from desktop.ui.tasks import TaskCancelled, run_task

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole


class LetterBatchDialog(QDialog):
    """`LetterBatchDialog(services, as_of, parent)`: the letters due on `as_of`."""

    sig_marked_done = Signal(int)  # how many reminder actions were marked done

    def __init__(self, services: Services, as_of: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._as_of = as_of
        self._folder = tempfile.TemporaryDirectory(prefix="encaisse-courriers-")
        self.pdf_path = Path(self._folder.name) / f"courriers-{as_of.isoformat()}.pdf"
        self.batch: LetterBatch | None = None
        self.marked_done = False
        self.setWindowTitle(self.tr("Courriers du %1").replace("%1", format_date(as_of)))
        self.resize(1150, 780)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Courriers à imprimer"))
        self.tree.setHeaderLabels([self.tr("Client"), self.tr("Niveau"), self.tr("Montant")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(1, 150)
        self.tree.setColumnWidth(2, 110)
        self.tree.setRootIsDecorated(False)
        self.preview = PagePreview()

        self.save_button = QPushButton(self.tr("Enregistrer le PDF…"))
        self.print_button = QPushButton(self.tr("Imprimer…"))
        self.close_button = QPushButton(self.tr("Fermer"))
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_letters)
        self.close_button.clicked.connect(self.accept)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.tree, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.load()

    # --- loading --------------------------------------------------------------------------

    def load(self) -> None:
        """Read the day's letters and write their PDF, off the UI thread."""
        letters = self._services.letters
        as_of, path = self._as_of, self.pdf_path

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            batch = letters.batch(as_of)
            letters.render_batch(batch, path, progress)
            return batch

        self.batch = run_task(self, self.tr("Préparation des courriers…"), work, cancellable=False)
        self._fill()
        self.preview.set_pdf(self.pdf_path)

    def _fill(self) -> None:
        batch = self.batch
        assert batch is not None
        self.tree.clear()
        for letter in batch.letters:
            level = letter.level_name
            if letter.channel is Channel.FORMAL_NOTICE:
                level = self.tr("%1 (recommandé AR)").replace("%1", level)
            item = QTreeWidgetItem([letter.customer_name, level, format_cents(letter.total_cents)])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, CUSTOMER_ID_ROLE, letter.customer_id)
            self.tree.addTopLevelItem(item)
        for problem in batch.cannot_print:
            item = QTreeWidgetItem(
                [problem.customer_name, letter_problem_message(problem.reason), ""]
            )
            item.setData(0, CUSTOMER_ID_ROLE, problem.customer_id)
            for column in range(3):
                item.setForeground(column, QBrush(QColor("#B42318")))
            item.setToolTip(1, letter_problem_message(problem.reason))
            self.tree.addTopLevelItem(item)
        count = len(batch.letters)
        text = self.tr("%n courrier(s) à imprimer", "", count)
        if batch.cannot_print:
            text += " · " + self.tr("%n client(s) sans courrier", "", len(batch.cannot_print))
        self.summary.setText(text)
        has_letters = count > 0
        self.save_button.setEnabled(has_letters)
        self.print_button.setEnabled(has_letters)

    # --- output ---------------------------------------------------------------------------

    def save_pdf(self) -> None:
        """Ask where to save the PDF, copy it there, then offer to mark the reminders done."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer les courriers"),
            f"courriers-{self._as_of.isoformat()}.pdf",
            self.tr("Documents PDF (*.pdf)"),
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            shutil.copyfile(self.pdf_path, target)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Enregistrement impossible"),
                self.tr("Le fichier n'a pas pu être écrit : %1").replace(
                    "%1", exc.strerror or str(exc)
                ),
            )
            return
        self.confirm_done()

    def print_letters(self) -> None:
        """Choose a printer, print every page, then offer to mark the reminders done."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except TaskCancelled:
            return  # the job was aborted: nothing to mark done
        self.confirm_done()

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page of the PDF on `printer` (as images at its resolution, at most
        300 dpi); returns the number of pages sent. Off the UI thread, with a progress
        bar (a morning's hundred letters take a while at 300 dpi): Qt paints on a
        printer from any thread. Annuler aborts the job and raises TaskCancelled."""
        dpi = min(300, printer.resolution())
        path = self.pdf_path

        def work(progress, cancelled) -> int:  # type: ignore[no-untyped-def]
            pages = PdfPages(path)
            painter = QPainter()
            sent = 0
            try:
                if not painter.begin(printer):
                    return 0
                count = len(pages)
                for index in range(count):
                    if cancelled():
                        printer.abort()
                        painter.end()
                        raise TaskCancelled()
                    if index:
                        printer.newPage()
                    image = pages.image(index, dpi)
                    target = painter.viewport()
                    size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    painter.drawImage(QRect(target.topLeft(), size), image)
                    sent += 1
                    progress(sent / count)
                painter.end()
            finally:
                pages.close()
            return sent

        return int(
            run_task(
                self,
                self.tr("Impression des courriers…"),
                work,
                cancel_text=self.tr("Annuler"),
            )
        )

    def confirm_done(self) -> None:
        """Ask before marking the printed letters' reminders done; only a yes marks them."""
        batch = self.batch
        if batch is None or not batch.action_ids or self.marked_done:
            return
        count = len(batch.action_ids)
        answer = QMessageBox.question(
            self,
            self.tr("Relances faites ?"),
            self.tr("Marquer ces %n relances comme faites ?", "", count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            done = self._services.letters.mark_batch_done(batch.action_ids, self._as_of)
        except (ActionClosedError, NotFoundError):
            QMessageBox.warning(
                self,
                self.tr("Relances modifiées"),
                self.tr(
                    "Certaines de ces relances ont été traitées ou supprimées entre-temps : "
                    "aucune n'a été marquée. Rouvrez les courriers du jour."
                ),
            )
            return
        self.marked_done = True
        self.summary.setText(
            self.summary.text()
            + "\n"
            + self.tr("%n relance(s) marquée(s) comme faite(s).", "", done)
        )
        self.sig_marked_done.emit(done)

    def done(self, result: int) -> None:  # Qt's name: the dialog closes
        self.preview.clear()
        self._folder.cleanup()
        super().done(result)
