"""Imports: bring invoices, credit notes and payments in from the accounting software."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.imports.service import ImportUndoRefused
from desktop.services.registry import Services
from desktop.ui.messages import import_undo_message


class ImportsPage(QWidget):
    sig_data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        title = QLabel(self.tr("Imports"))
        title.setStyleSheet("QLabel { font-size: 16pt; font-weight: 600; }")
        intro = QLabel(
            self.tr(
                "Importez les factures, avoirs et règlements de votre logiciel comptable : un FEC, "
                "ou une balance âgée en CSV ou Excel. Réimporter le même export, ou un plus "
                "récent, met à jour ce qui a changé sans jamais créer de doublon."
            )
        )
        intro.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Importer un fichier…"))
        self.import_button.setToolTip(
            self.tr("Importer un FEC, un CSV ou un classeur Excel (Ctrl+I)")
        )
        self.import_button.clicked.connect(lambda: self.start_import())
        self.undo_button = QPushButton(self.tr("Annuler le dernier import…"))
        self.undo_button.clicked.connect(self.undo_last)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setAccessibleName(self.tr("Historique des imports"))
        self.history.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Fichier"),
                self.tr("Format"),
                self.tr("Créées"),
                self.tr("Mises à jour"),
                self.tr("Soldées"),
                self.tr("Clients créés"),
                self.tr("État"),
            ]
        )
        self.history.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.history.setColumnWidth(0, 140)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Imports précédents")))
        layout.addWidget(self.history, 1)
        self.reload()

    def reload(self) -> None:
        self.history.clear()
        records = self._services.imports.history()
        for r in records:
            item = QTreeWidgetItem(
                [
                    r.started_at.strftime("%d/%m/%Y %H:%M"),
                    r.file_name,
                    r.source_format.upper(),
                    str(r.created),
                    str(r.updated),
                    str(r.settled),
                    str(r.customers_created),
                    self.tr("annulé le %s") % r.undone_at.strftime("%d/%m/%Y %H:%M")
                    if r.undone_at
                    else self.tr("importé"),
                ]
            )
            self.history.addTopLevelItem(item)
        self.undo_button.setEnabled(any(r.can_undo for r in records))

    def start_import(self, path: str = "") -> bool:
        from desktop.ui.imports.wizard import ImportWizard

        wizard = ImportWizard(self._services, self, path)
        done = bool(wizard.exec()) and wizard.result is not None
        self.reload()
        if done:
            self.sig_data_changed.emit()
        return done

    def undo_last(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Annuler le dernier import"),
            self.tr(
                "Les pièces créées par le dernier import seront supprimées et celles qu'il a "
                "modifiées retrouveront leur état d'avant. Continuer ?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.imports.undo_last()
        except ImportUndoRefused as exc:
            QMessageBox.warning(
                self, self.tr("Annulation impossible"), import_undo_message(exc.problem, exc.detail)
            )
            return
        self.reload()
        self.sig_data_changed.emit()
