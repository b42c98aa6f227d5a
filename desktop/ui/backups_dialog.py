"""Sauvegardes: the backups of the open file, what each contains, and restoring one.

Restoring replaces the open file: the dialog reports it in `restored` and the main window
asks the application to open the file again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.backups import (
    BackupError,
    BackupInfo,
    BackupProblem,
    DatabaseOpenError,
    FileLockedError,
)
from desktop.services.registry import Services
from desktop.ui.messages import locked_message, open_problem_message

COLUMN_DATE, COLUMN_REASON, COLUMN_CONTENTS, COLUMN_SIZE = range(4)


class BackupsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.restored = False  # True once the open file was replaced by a backup
        self.setWindowTitle(self.tr("Sauvegardes"))
        self.resize(760, 420)

        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.change_folder_button = QPushButton(self.tr("Changer de dossier…"))
        self.change_folder_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.change_folder_button)

        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Date"), self.tr("Motif"), self.tr("Contenu"), self.tr("Taille")]
        )
        self.table.setColumnWidth(COLUMN_DATE, 150)
        self.table.setColumnWidth(COLUMN_REASON, 190)
        self.table.setColumnWidth(COLUMN_CONTENTS, 260)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("Aucune sauvegarde pour l'instant."))

        self.backup_button = QPushButton(self.tr("Sauvegarder maintenant"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Restaurer…"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.refresh()

    # --- display -------------------------------------------------------------------------

    def refresh(self) -> None:
        self.folder_label.setText(
            self.tr("Dossier des sauvegardes : %s") % self._services.backups.folder()
        )
        self.table.clear()
        self._rows = self._services.backups.list()
        for info in self._rows:
            item = QTreeWidgetItem(
                [
                    info.taken_at.strftime("%d/%m/%Y %H:%M:%S"),
                    self.reason_label(info.reason),
                    self.contents_text(info),
                    QLocale().formattedDataSize(info.size_bytes),
                ]
            )
            item.setData(COLUMN_DATE, Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(COLUMN_DATE, str(info.path))
            self.table.addTopLevelItem(item)
        if self._rows:
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self.empty_label.setVisible(not self._rows)
        self._update_buttons()

    def reason_label(self, reason: str) -> str:
        labels = {
            "ouverture": self.tr("À l'ouverture"),
            "fermeture": self.tr("À la fermeture"),
            "avant-import": self.tr("Avant un import"),
            "manuelle": self.tr("Manuelle"),
            "avant-restauration": self.tr("Avant une restauration"),
        }
        if reason.startswith("avant-migration"):
            return self.tr("Avant une mise à jour")
        return labels.get(reason, reason)

    def contents_text(self, info: BackupInfo) -> str:
        if info.customers is None or info.open_items is None:
            return self.tr("Illisible (fichier endommagé ?)")
        return (
            self.tr("%n client(s)", "", info.customers)
            + ", "
            + self.tr("%n pièce(s) ouverte(s)", "", info.open_items)
        )

    def selected(self) -> BackupInfo | None:
        row = self.table.indexOfTopLevelItem(self.table.currentItem())
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.readable)

    # --- actions -------------------------------------------------------------------------

    def backup_now(self) -> None:
        try:
            path = self._services.backups.backup()
        except (OSError, BackupError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Sauvegardes"),
                self.tr("La sauvegarde n'a pas pu être écrite : %s") % exc,
            )
            return
        self.refresh()
        QMessageBox.information(
            self, self.tr("Sauvegardes"), self.tr("Sauvegarde enregistrée : %s") % path.name
        )

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier des sauvegardes"), str(self._services.backups.folder())
        )
        if folder:
            self._services.backups.set_folder(Path(folder))
            self.refresh()

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        when = info.taken_at.strftime("%d/%m/%Y %H:%M:%S")
        answer = QMessageBox.question(
            self,
            self.tr("Restaurer une sauvegarde"),
            self.tr(
                "Remplacer le fichier ouvert par la sauvegarde du %1 (%2) : %3 ?\n\n"
                "Le fichier actuel sera d'abord gardé dans les sauvegardes."
            )
            .replace("%1", when)
            .replace("%2", self.reason_label(info.reason))
            .replace("%3", self.contents_text(info)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            kept = self._services.backups.restore(info.path)
        except DatabaseOpenError as exc:
            self._refused(open_problem_message(exc.problem, str(exc.path), exc.detail))
            return
        except FileLockedError as exc:
            holder = exc.holder
            self._refused(locked_message(holder.user, holder.host, holder.since))
            return
        except BackupError as exc:
            if exc.problem is not BackupProblem.BUSY:
                raise
            self._refused(
                self.tr("Le fichier est encore utilisé : fermez les autres fenêtres et réessayez.")
            )
            return
        self.restored = True
        QMessageBox.information(
            self,
            self.tr("Restaurer une sauvegarde"),
            self.tr("La sauvegarde du %1 a été restaurée. Le fichier remplacé est gardé : %2")
            .replace("%1", when)
            .replace("%2", kept.name if kept else "—"),
        )
        self.accept()

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Restaurer une sauvegarde"), message)
