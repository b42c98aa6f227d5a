"""Relances: the day's actions, grouped by channel, to do, postpone or skip.

The month/week calendar, letters and promises come with the rest of the reminder
calendar; this page already gives the assistant her list for the morning.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Channel
from desktop.domain.errors import ValidationError
from desktop.domain.money import format_cents
from desktop.services.registry import Services
from desktop.ui.dates import format_date
from desktop.ui.messages import field_error_message
from desktop.ui.tasks import run_with_progress

ACTION_ID_ROLE = Qt.ItemDataRole.UserRole
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RemindersPage(QWidget):
    sig_open_customer = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._loaded = False
        title = QLabel(self.tr("Relances du jour"))
        title.setStyleSheet("QLabel { font-size: 16pt; font-weight: 600; }")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("QLabel { color: #555; }")
        self.refresh_button = QPushButton(self.tr("Actualiser"))
        self.refresh_button.setToolTip(self.tr("Recalculer les relances dues aujourd'hui (F5)"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.reload)
        self.done_button = QPushButton(self.tr("Fait"))
        self.postpone_button = QPushButton(self.tr("Reporter…"))
        self.skip_button = QPushButton(self.tr("Ignorer…"))
        self.done_button.clicked.connect(self.mark_done)
        self.postpone_button.clicked.connect(self.postpone)
        self.skip_button.clicked.connect(self.skip)
        buttons = QHBoxLayout()
        for button in (
            self.refresh_button,
            self.done_button,
            self.postpone_button,
            self.skip_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Relances du jour par canal"))
        self.tree.setHeaderLabels(
            [
                self.tr("Client"),
                self.tr("Niveau"),
                self.tr("Prévue le"),
                self.tr("Pièces"),
                self.tr("Montant relancé"),
            ]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 220), (2, 100), (3, 70), (4, 140)):
            self.tree.setColumnWidth(column, width)
        self.tree.itemDoubleClicked.connect(self._open)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.subtitle)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self._update_buttons()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self.reload)

    def channel_title(self, channel: Channel) -> str:
        return {
            Channel.LETTER: self.tr("Courriers à imprimer"),
            Channel.PHONE: self.tr("Appels à passer"),
            Channel.EMAIL: self.tr("E-mails à envoyer"),
            Channel.SALESPERSON: self.tr("À transmettre aux commerciaux"),
            Channel.FORMAL_NOTICE: self.tr("Mises en demeure"),
        }[channel]

    def reload(self) -> None:
        """Compute today's actions (catching up on days the app was closed) and list them."""
        reminders = self._services.reminders
        today = self._services.context.clock.today()

        writable = not self._services.database.read_only

        def work():  # type: ignore[no-untyped-def]
            if writable:  # a read-only view (screenshots) lists what is already planned
                reminders.refresh(today)
            return reminders.due(today)

        rows = run_with_progress(self, self.tr("Calcul des relances du jour…"), work)
        self.tree.clear()
        groups: dict[Channel, QTreeWidgetItem] = {}
        for row in rows:
            group = groups.get(row.channel)
            if group is None:
                group = QTreeWidgetItem([self.channel_title(row.channel)])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[row.channel] = group
                self.tree.addTopLevelItem(group)
            item = QTreeWidgetItem(
                [
                    row.customer_name,
                    row.level_name,
                    format_date(row.planned_on),
                    str(row.item_count),
                    format_cents(row.total_cents),
                ]
            )
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, ACTION_ID_ROLE, row.id)
            item.setData(0, CUSTOMER_ID_ROLE, row.customer_id)
            group.addChild(item)
        for channel, group in groups.items():
            group.setText(0, f"{self.channel_title(channel)} ({group.childCount()})")
            group.setExpanded(True)
        self.subtitle.setText(
            self.tr("%n action(s) au %s", "", len(rows)).replace(
                "%s", format_date(today, long=True)
            )
            if rows
            else self.tr("Rien à faire aujourd'hui.")
        )
        self._update_buttons()

    def _selected_action(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, ACTION_ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def _update_buttons(self) -> None:
        selected = self._selected_action() is not None
        for button in (self.done_button, self.postpone_button, self.skip_button):
            button.setEnabled(selected)

    def mark_done(self) -> None:
        action = self._selected_action()
        if action is not None:
            self._services.reminders.mark_done(action, self._services.context.clock.today())
            self.reload()

    def postpone(self) -> None:
        action = self._selected_action()
        if action is None:
            return
        days, ok = QInputDialog.getInt(
            self,
            self.tr("Reporter la relance"),
            self.tr("Reporter de combien de jours ?"),
            7,
            1,
            90,
        )
        if ok:
            self._services.reminders.postpone(
                action, self._services.context.clock.today() + timedelta(days=days)
            )
            self.reload()

    def skip(self) -> None:
        action = self._selected_action()
        if action is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Ignorer la relance"), self.tr("Pourquoi ne pas relancer ce client ?")
        )
        if not ok:
            return
        try:
            self._services.reminders.skip(action, reason)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Relance"), field_error_message(exc.errors[0]))
            return
        self.reload()

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        customer = item.data(0, CUSTOMER_ID_ROLE)
        if customer is not None:
            self.sig_open_customer.emit(int(customer))
