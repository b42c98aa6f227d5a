"""The details of one audit entry: who, when, what, and each field before → after."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.audit_trail import AuditLine
from desktop.ui.audit.labels import Names, change_texts, elided, what_text, when_text

VALUE_CHARS = 300  # a long value (a letter's body…) is cut here; its tooltip holds it all


class AuditDetails(QWidget):
    def __init__(self, parent: QWidget | None = None, names: Names | None = None) -> None:
        super().__init__(parent)
        self.names = names  # users, segments, plans named instead of their ids
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setStyleSheet("QLabel { font-weight: 600; }")
        self.changes = QTreeWidget()
        self.changes.setRootIsDecorated(False)
        self.changes.setAlternatingRowColors(True)
        self.changes.setWordWrap(True)
        self.changes.setUniformRowHeights(False)
        self.changes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.changes.setAccessibleName(self.tr("Valeurs avant et après"))
        self.changes.setHeaderLabels([self.tr("Champ"), self.tr("Avant"), self.tr("Après")])
        header = self.changes.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setStyleSheet("QLabel { color: #666; }")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.empty)
        self.show_line(None)

    def show_line(self, line: AuditLine | None) -> None:
        """Show an entry's changes; None: what to do to see some."""
        self.changes.clear()
        if line is None:
            self.heading.setText("")
            self.empty.setText(
                self.tr("Choisissez une ligne pour voir les valeurs avant et après.")
            )
            self.empty.setVisible(True)
            return
        who = line.actor or self.tr("(inconnu)")
        heading = f"{when_text(line.at)} · {who}\n{what_text(line)}"
        if line.customer_name:
            heading += "\n" + self.tr("Client : %s") % line.customer_name
        self.heading.setText(heading)
        rows = change_texts(line, self.names)
        for name, before, after in rows:
            item = QTreeWidgetItem([name, elided(before, VALUE_CHARS), elided(after, VALUE_CHARS)])
            item.setToolTip(1, before)
            item.setToolTip(2, after)
            self.changes.addTopLevelItem(item)
        self.empty.setText(self.tr("Aucune valeur détaillée pour cette modification."))
        self.empty.setVisible(not rows)
