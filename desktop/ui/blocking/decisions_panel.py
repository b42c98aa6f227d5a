"""The owner's list of blocking proposals: block or keep, with a reason; the rule's N days.

Embedded as a tab of the Relances page. `refresh()` runs the rules for today (unless the
file is open read-only) and lists what is pending, oldest first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.services.blocking import OVERDUE_DAYS_RANGE, ProposalRow
from desktop.services.registry import Services
from desktop.ui.blocking.reason_dialog import ask_reason
from desktop.ui.dates import format_date
from desktop.ui.messages import blocking_rule_text, field_error_message
from desktop.ui.tasks import run_with_progress

DECISION_ID_ROLE = Qt.ItemDataRole.UserRole
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COL_CUSTOMER, COL_RULES, COL_PROPOSED = range(3)


class DecisionsPanel(QWidget):
    customer_requested = Signal(int)  # open this customer's page
    sig_decided = Signal(int)  # a customer was blocked or kept

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.rows: list[ProposalRow] = []
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("QLabel { color: #555; }")
        self.block_button = QPushButton(self.tr("Bloquer…"))
        self.block_button.setToolTip(self.tr("Bloquer ce client (motif obligatoire)"))
        self.keep_button = QPushButton(self.tr("Maintenir…"))
        self.keep_button.setToolTip(
            self.tr(
                "Ne pas bloquer ce client (motif obligatoire) ; reproposé dans 30 jours "
                "ou si la situation s'aggrave"
            )
        )
        self.open_button = QPushButton(self.tr("Ouvrir la fiche"))
        self.block_button.clicked.connect(lambda: self.decide(True))
        self.keep_button.clicked.connect(lambda: self.decide(False))
        self.open_button.clicked.connect(self._open_selected)

        self.days = QSpinBox()
        self.days.setRange(*OVERDUE_DAYS_RANGE)
        self.days.setSuffix(self.tr(" jours"))
        self.days.setAccessibleName(self.tr("Seuil de retard proposant un blocage"))
        self.days.setToolTip(
            self.tr(
                "Proposer le blocage quand la plus ancienne pièce impayée a plus de retard "
                "que ce seuil"
            )
        )
        self.apply_days = QPushButton(self.tr("Appliquer"))
        self.apply_days.clicked.connect(self.save_days)
        self.days.valueChanged.connect(
            lambda value: self.apply_days.setEnabled(value != self._stored_days)
        )
        self._stored_days = 0

        buttons = QHBoxLayout()
        for button in (self.block_button, self.keep_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Proposer le blocage au-delà de")))
        buttons.addWidget(self.days)
        buttons.addWidget(QLabel(self.tr("de retard")))
        buttons.addWidget(self.apply_days)

        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Propositions de blocage à décider"))
        self.tree.setHeaderLabels([self.tr("Client"), self.tr("Motif"), self.tr("Proposé le")])
        header = self.tree.header()
        header.setStretchLastSection(False)  # the rules take the room, not the date
        header.setSectionResizeMode(COL_RULES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PROPOSED, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(COL_CUSTOMER, 280)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.tree.itemDoubleClicked.connect(lambda *_a: self._open_selected())

        layout = QVBoxLayout(self)
        layout.addWidget(self.subtitle)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self._update_buttons()

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Run the rules for today (when the file is writable) and list the proposals."""
        blocking = self._services.blocking
        writable = not self._services.database.read_only
        today = self._services.context.clock.today()

        def work() -> list[ProposalRow]:
            if writable:  # a read-only view (screenshots) lists what is already proposed
                blocking.refresh(today)
            return blocking.proposals()

        rows = run_with_progress(self, self.tr("Calcul des propositions de blocage…"), work)
        self._stored_days = blocking.overdue_days()
        self.days.blockSignals(True)
        self.days.setValue(self._stored_days)
        self.days.blockSignals(False)
        self.apply_days.setEnabled(False)
        self.rows = rows
        self.tree.clear()
        for row in self.rows:
            # One rule per line: the cell grows rather than cutting the figures.
            rules = "\n".join(blocking_rule_text(rule, row.overdue_days) for rule in row.rules)
            item = QTreeWidgetItem([row.customer_name, rules, format_date(row.proposed_on)])
            item.setToolTip(COL_RULES, rules)
            item.setData(0, DECISION_ID_ROLE, row.decision_id)
            item.setData(0, CUSTOMER_ID_ROLE, row.customer_id)
            self.tree.addTopLevelItem(item)
        if self.rows:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.subtitle.setText(
            self.tr("%n proposition(s) de blocage à décider", "", len(self.rows))
            if self.rows
            else self.tr("Aucune proposition de blocage en attente.")
        )
        self._update_buttons()

    def _selected(self) -> tuple[int, int, str] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return (
            int(item.data(0, DECISION_ID_ROLE)),
            int(item.data(0, CUSTOMER_ID_ROLE)),
            item.text(COL_CUSTOMER),
        )

    def _update_buttons(self) -> None:
        selected = self._selected() is not None
        writable = not self._services.database.read_only
        for button in (self.block_button, self.keep_button):
            button.setEnabled(selected and writable)
        self.open_button.setEnabled(selected)
        self.days.setEnabled(writable)

    # --- actions -------------------------------------------------------------------------

    def decide(self, block: bool) -> bool:
        """Ask the reason, then block or keep the selected customer; True when decided."""
        selected = self._selected()
        if selected is None:
            return False
        decision_id, customer_id, name = selected
        if block:
            title = self.tr("Bloquer le client")
            prompt = self.tr(
                "Pourquoi bloquer « %1 » ? Les commandes et propositions seront signalées."
            )
            accept = self.tr("Bloquer")
        else:
            title = self.tr("Maintenir le client")
            prompt = self.tr(
                "Pourquoi ne pas bloquer « %1 » ? La proposition reviendra dans 30 jours, "
                "ou plus tôt si la situation s'aggrave."
            )
            accept = self.tr("Maintenir")
        reason = ask_reason(self, title, prompt.replace("%1", name), accept)
        if reason is None:
            return False
        try:
            self._services.blocking.decide(decision_id, block, reason)
        except ValidationError as exc:
            QMessageBox.warning(self, title, field_error_message(exc.errors[0]))
            return False
        except NotFoundError:
            QMessageBox.information(
                self, title, self.tr("Cette proposition a déjà été traitée ou retirée.")
            )
            self.refresh()
            return False
        self.refresh()
        self.sig_decided.emit(customer_id)
        return True

    def save_days(self) -> None:
        """Store the rule's number of days and run the rules again."""
        try:
            self._services.blocking.set_overdue_days(self.days.value())
        except ValidationError as exc:
            QMessageBox.warning(
                self, self.tr("Seuil de retard"), field_error_message(exc.errors[0])
            )
            return
        self.refresh()

    def _open_selected(self) -> None:
        selected = self._selected()
        if selected is not None:
            self.customer_requested.emit(selected[1])
