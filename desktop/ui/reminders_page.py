"""Relances: the reminder calendar.

The "Aujourd'hui" tab is the assistant's morning: today's actions grouped by channel
(letters to print, calls, e-mails, salesperson hand-offs, formal notices), each to do,
log as a call, hand to the salesperson, postpone or skip. "Semaine" and "Mois" show what
falls on each day, including what the plans will propose if nothing is paid; "Tâches"
is each person's list. Filters by assignee and segment apply to every tab.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Channel, DocumentKind
from desktop.domain.errors import ValidationError
from desktop.domain.money import format_cents
from desktop.services.calendar import CalendarFilter
from desktop.services.registry import Services
from desktop.services.reminders import ReminderRow
from desktop.ui.blocking.decisions_panel import DecisionsPanel
from desktop.ui.dates import format_date
from desktop.ui.messages import field_error_message
from desktop.ui.reminders.action_dialogs import CallDialog, HandoffDialog
from desktop.ui.reminders.labels import channel_group_title
from desktop.ui.reminders.month_view import MonthView
from desktop.ui.reminders.task_list import TaskList
from desktop.ui.reminders.week_view import WeekView
from desktop.ui.tasks import run_with_progress

ACTION_ID_ROLE = Qt.ItemDataRole.UserRole
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
UNASSIGNED = -1


class RemindersPage(QWidget):
    sig_open_customer = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._loaded = False
        self._rows: dict[int, ReminderRow] = {}
        title = QLabel(self.tr("Relances"))
        title.setStyleSheet("QLabel { font-size: 16pt; font-weight: 600; }")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("QLabel { color: #555; }")

        self.assignee_filter = QComboBox()
        self.assignee_filter.setAccessibleName(self.tr("Filtrer par responsable"))
        self.assignee_filter.addItem(self.tr("Tous les responsables"), None)
        self.assignee_filter.addItem(self.tr("Non attribuées"), UNASSIGNED)
        for user in services.reference.users():
            self.assignee_filter.addItem(user.name, user.id)
        self.segment_filter = QComboBox()
        self.segment_filter.setAccessibleName(self.tr("Filtrer par segment"))
        self.segment_filter.addItem(self.tr("Tous les segments"), None)
        for segment in services.reference.segments():
            self.segment_filter.addItem(segment.name, segment.id)
        self.assignee_filter.currentIndexChanged.connect(lambda *_a: self._filters_changed())
        self.segment_filter.currentIndexChanged.connect(lambda *_a: self._filters_changed())
        self.refresh_button = QPushButton(self.tr("Actualiser"))
        self.refresh_button.setToolTip(self.tr("Recalculer les relances dues aujourd'hui (F5)"))
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.clicked.connect(self.reload)
        self.export_button = QPushButton(self.tr("Exporter le calendrier…"))
        self.export_button.setToolTip(
            self.tr("Fichier .ics pour Outlook ou Google Agenda (30 prochains jours)")
        )
        self.export_button.clicked.connect(self.export_calendar)
        self.letters_button = QPushButton(self.tr("Courriers du jour…"))
        self.letters_button.setToolTip(
            self.tr("Tous les courriers et mises en demeure du jour dans un seul PDF (Ctrl+L)")
        )
        self.letters_button.setShortcut(QKeySequence("Ctrl+L"))
        self.letters_button.clicked.connect(self.print_letters)
        self.emails_button = QPushButton(self.tr("E-mails du jour…"))
        self.emails_button.setToolTip(
            self.tr("Un fichier .eml par client, courrier PDF joint, pour votre messagerie")
        )
        self.emails_button.clicked.connect(self.prepare_emails)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Responsable")))
        filters.addWidget(self.assignee_filter)
        filters.addWidget(QLabel(self.tr("Segment")))
        filters.addWidget(self.segment_filter)
        filters.addStretch(1)
        filters.addWidget(self.letters_button)
        filters.addWidget(self.emails_button)
        filters.addWidget(self.export_button)
        filters.addWidget(self.refresh_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_today(), self.tr("Aujourd'hui"))
        self.week = WeekView(services)
        self.month = MonthView(services)
        self.task_list = TaskList(services)
        self.tabs.addTab(self.week, self.tr("Semaine"))
        self.tabs.addTab(self.month, self.tr("Mois"))
        self.tabs.addTab(self.task_list, self.tr("Tâches"))
        self.decisions = DecisionsPanel(services)
        self.tabs.addTab(self.decisions, self.tr("Blocages à décider"))
        for view in (self.week, self.month, self.task_list):
            view.sig_open_customer.connect(self.sig_open_customer)
        self.decisions.customer_requested.connect(self.sig_open_customer)
        self.decisions.sig_decided.connect(lambda *_a: self._update_decision_tab())
        self.tabs.currentChanged.connect(lambda *_a: self._reload_current_tab())

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.subtitle)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        self._update_buttons()

    def _build_today(self) -> QWidget:
        self.done_button = QPushButton(self.tr("Fait"))
        self.done_button.setToolTip(self.tr("Marquer l'action comme faite (Ctrl+Entrée)"))
        self.done_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.call_button = QPushButton(self.tr("Compte rendu d'appel…"))
        self.handoff_button = QPushButton(self.tr("Transmettre au commercial…"))
        self.assign_button = QPushButton(self.tr("Attribuer…"))
        self.postpone_button = QPushButton(self.tr("Reporter…"))
        self.skip_button = QPushButton(self.tr("Ignorer…"))
        self.dispute_button = QPushButton(self.tr("Litige…"))
        self.dispute_button.setToolTip(
            self.tr("Le client conteste : ouvrir un litige sur les factures de cette relance")
        )
        self.dispute_button.clicked.connect(lambda: self.open_dispute())
        self.done_button.clicked.connect(self.mark_done)
        self.call_button.clicked.connect(self.log_call)
        self.handoff_button.clicked.connect(self.hand_over)
        self.assign_button.clicked.connect(self.assign)
        self.postpone_button.clicked.connect(self.postpone)
        self.skip_button.clicked.connect(self.skip)
        buttons = QHBoxLayout()
        for button in (
            self.done_button,
            self.call_button,
            self.handoff_button,
            self.assign_button,
            self.postpone_button,
            self.skip_button,
            self.dispute_button,
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
                self.tr("Responsable"),
            ]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 200), (2, 90), (3, 60), (4, 130), (5, 150)):
            self.tree.setColumnWidth(column, width)
        self.tree.itemDoubleClicked.connect(self._open)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        return page

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            QTimer.singleShot(0, self.reload)

    def channel_title(self, channel: Channel) -> str:
        return channel_group_title(channel)

    def calendar_filter(self) -> CalendarFilter:
        assignee = self.assignee_filter.currentData()
        segment = self.segment_filter.currentData()
        return CalendarFilter(
            assignee_id=int(assignee) if assignee not in (None, UNASSIGNED) else None,
            unassigned=assignee == UNASSIGNED,
            segment_id=int(segment) if segment is not None else None,
        )

    def show_assignee(self, user_id: int | None) -> None:
        """Narrow every tab to the actions and tasks of one person (None: everyone's)."""
        index = max(self.assignee_filter.findData(user_id), 0) if user_id is not None else 0
        if not self._loaded:  # the first showing loads with this filter
            self.assignee_filter.blockSignals(True)
            self.assignee_filter.setCurrentIndex(index)
            self.assignee_filter.blockSignals(False)
            self.task_list.select_assignee(user_id)
        else:
            self.assignee_filter.setCurrentIndex(index)

    def show_today(self) -> None:
        """Bring today's actions forward (the assistant's home)."""
        self.tabs.setCurrentIndex(0)

    def _filters_changed(self) -> None:
        assignee = self.assignee_filter.currentData()
        self.task_list.select_assignee(assignee if assignee != UNASSIGNED else None)
        self.reload_list()
        self._reload_current_tab()

    def _reload_current_tab(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.week or current is self.month:
            current.set_filter(self.calendar_filter())
        elif current is self.task_list:
            self.task_list.reload()
        elif current is self.decisions:
            self.decisions.refresh()
            self._update_decision_tab()

    def _update_decision_tab(self) -> None:
        """The tab says how many decisions wait, so the owner sees them from any tab."""
        count = len(self.decisions.rows)
        index = self.tabs.indexOf(self.decisions)
        title = self.tr("Blocages à décider")
        self.tabs.setTabText(index, f"{title} ({count})" if count else title)

    def reload(self) -> None:
        """Compute today's actions (catching up on days the app was closed, settling the
        promises whose date has come) and list them; refresh the tab on show."""
        reminders = self._services.reminders
        today = self._services.context.clock.today()
        if not self._services.database.read_only:  # a read-only view lists what is planned
            scores = self._services.score

            def work() -> object:
                # The morning's scores too (customers not scored today), for the list.
                scores.refresh(today, only_stale=True)
                return reminders.refresh(today)

            run_with_progress(self, self.tr("Calcul des relances du jour…"), work)
        self.reload_list()
        # The owner's pending decisions are counted on their tab whatever tab is shown.
        self.decisions.refresh()
        self._update_decision_tab()
        if self.tabs.currentWidget() is not self.decisions:
            self._reload_current_tab()

    def reload_list(self) -> None:
        today = self._services.context.clock.today()
        flt = self.calendar_filter()
        rows = self._services.reminders.due(
            today,
            assignee_id=flt.assignee_id,
            segment_id=flt.segment_id,
            unassigned=flt.unassigned,
        )
        self._rows = {row.id: row for row in rows}
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
                    row.assignee_name,
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

    def _selected_row(self) -> ReminderRow | None:
        action = self._selected_action()
        return self._rows.get(action) if action is not None else None

    def _update_buttons(self) -> None:
        selected = self._selected_action() is not None
        writable = not self._services.database.read_only
        for button in (
            self.done_button,
            self.call_button,
            self.handoff_button,
            self.assign_button,
            self.postpone_button,
            self.skip_button,
            self.dispute_button,
        ):
            button.setEnabled(selected and writable)

    def mark_done(self) -> None:
        action = self._selected_action()
        if action is not None:
            self._services.reminders.mark_done(action, self._services.context.clock.today())
            self.reload()

    def log_call(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        dialog = CallDialog(self._services, row, self)
        if not dialog.exec():
            return
        if dialog.dispute_requested:
            self.open_dispute(row)
        self.reload()

    def open_dispute(self, row: ReminderRow | None = None) -> int | None:
        """« Litige… »: a dispute for the action's customer on the invoices it chases;
        once open, the disputed part leaves the reminders."""
        from desktop.ui.disputes.dispute_dialog import open_dispute_dialog

        row = row or self._selected_row()
        if row is None:
            return None
        invoices = [item.document_id for item in row.items if item.kind is DocumentKind.INVOICE]
        dispute_id = open_dispute_dialog(self._services, row.customer_id, invoices, self)
        if dispute_id is not None:
            self.reload()
        return dispute_id

    def hand_over(self) -> None:
        row = self._selected_row()
        if row is not None and HandoffDialog(self._services, row, self).exec():
            self.reload()

    def assign(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        users = self._services.reference.users()
        names = [self.tr("(personne)")] + [user.name for user in users]
        current = next((i + 1 for i, u in enumerate(users) if u.id == row.assignee_id), 0)
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Attribuer la relance"),
            self.tr("Qui s'en charge ?"),
            names,
            current,
            False,
        )
        if not ok:
            return
        index = names.index(name)
        self._services.reminders.assign(row.id, users[index - 1].id if index > 0 else None)
        self.reload_list()

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

    def print_letters(self) -> None:
        """Preview today's letters in one PDF, print or save them; the dialog marks the
        actions done only once the user confirms."""
        from desktop.ui.letters.batch_dialog import LetterBatchDialog

        dialog = LetterBatchDialog(self._services, self._services.context.clock.today(), self)
        dialog.sig_marked_done.connect(lambda *_a: self.reload_list())
        dialog.exec()
        self.reload_list()

    def prepare_emails(self) -> None:
        """Write today's reminder e-mails as .eml files (PDF attached) into a folder the
        user picks, then offer to mark them sent."""
        today = self._services.context.clock.today()
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier où préparer les e-mails du jour")
        )
        if not folder:
            return
        target = Path(folder) / f"relances-{today.isoformat()}"
        letters = self._services.letters
        try:
            batch = run_with_progress(
                self,
                self.tr("Préparation des e-mails…"),
                lambda: letters.write_emails(today, target),
            )
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("E-mails du jour"),
                self.tr("Impossible d'écrire dans « %1 » : %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        lines = [
            self.tr("%n e-mail(s) prêt(s) dans « %1 ».", "", len(batch.written)).replace(
                "%1", str(target)
            )
        ]
        if batch.cannot_send:
            lines.append(self.tr("Sans adresse e-mail :"))
            lines += [f"• {item.customer_name}" for item in batch.cannot_send]
        if not batch.written:
            QMessageBox.information(self, self.tr("E-mails du jour"), "\n".join(lines))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        lines.append("")
        lines.append(self.tr("Une fois envoyés, marquer ces relances comme faites ?"))
        answer = QMessageBox.question(
            self,
            self.tr("E-mails du jour"),
            "\n".join(lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            letters.mark_batch_done(batch.action_ids, today)
            self.reload_list()

    def export_calendar(self) -> None:
        today = self._services.context.clock.today()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le calendrier"),
            f"relances-{today.isoformat()}.ics",
            self.tr("Calendrier iCalendar (*.ics)"),
        )
        if not name:
            return
        path = Path(name if name.lower().endswith(".ics") else name + ".ics")
        try:
            count = self._services.calendar.export_ics(
                path, today, today + timedelta(days=30), self.calendar_filter()
            )
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Exporter le calendrier"),
                self.tr("Impossible d'écrire « %1 » : %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        QMessageBox.information(
            self,
            self.tr("Exporter le calendrier"),
            self.tr("%n événement(s) exporté(s) dans « %1 ».", "", count).replace("%1", path.name),
        )

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        customer = item.data(0, CUSTOMER_ID_ROLE)
        if customer is not None:
            self.sig_open_customer.emit(int(customer))
