"""The task list: what each person must do about a customer (reminders handed to a
salesperson, promises to check…), filtered by assignee; a task is answered and closed here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import TaskStatus
from desktop.domain.errors import ValidationError
from desktop.services.registry import Services
from desktop.services.tasks import TaskRow
from desktop.ui.dates import format_date
from desktop.ui.reminders.labels import task_status_label
from desktop.ui.widgets import (
    ErrorLabel,
    ErrorMap,
    FieldWithError,
    save_cancel_buttons,
    value_label,
)

TASK_ROLE = Qt.ItemDataRole.UserRole


class AnswerDialog(QDialog):
    """The assignee's answer to a task; saving closes the task."""

    def __init__(self, services: Services, task: TaskRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._task = task
        self.setWindowTitle(self.tr("Répondre à la tâche"))
        self.setMinimumWidth(480)
        self.general_error = ErrorLabel()
        self.errors = ErrorMap(self.general_error)
        form = QFormLayout()
        form.addRow(self.tr("Tâche"), value_label(task.title))
        form.addRow(self.tr("Consignes"), value_label(task.instructions))
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText(
            self.tr("Ce que le client a répondu : date de paiement, litige, commande en cours…")
        )
        self.answer.setTabChangesFocus(True)
        form.addRow(
            self.tr("Réponse *"), self.errors.register("answer", FieldWithError(self.answer))
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        try:
            self._services.tasks.complete(self._task.id, self.answer.toPlainText())
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()


class TaskList(QWidget):
    sig_open_customer = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: dict[int, TaskRow] = {}
        self.assignee = QComboBox()
        self.assignee.setAccessibleName(self.tr("Tâches de"))
        self.assignee.addItem(self.tr("Toute l'équipe"), None)
        for user in services.reference.users():
            self.assignee.addItem(user.name, user.id)
        self.assignee.currentIndexChanged.connect(lambda *_a: self.reload())
        self.show_closed = QCheckBox(self.tr("Afficher les tâches faites"))
        self.show_closed.toggled.connect(lambda *_a: self.reload())
        self.answer_button = QPushButton(self.tr("Répondre…"))
        self.answer_button.clicked.connect(self.answer_selected)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Tâches de")))
        bar.addWidget(self.assignee)
        bar.addWidget(self.show_closed)
        bar.addStretch(1)
        bar.addWidget(self.answer_button)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Liste des tâches"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("Échéance"),
                self.tr("Client"),
                self.tr("Tâche"),
                self.tr("Pour"),
                self.tr("État"),
            ]
        )
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 90)
        self.tree.setColumnWidth(1, 220)
        self.tree.currentItemChanged.connect(lambda *_a: self._show_selected())
        self.tree.itemDoubleClicked.connect(lambda *_a: self.answer_selected())
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_customer_button = QPushButton(self.tr("Ouvrir la fiche client"))
        self.open_customer_button.clicked.connect(self._open_customer)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addWidget(self.open_customer_button)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._show_selected()

    def select_assignee(self, user_id: int | None) -> None:
        index = self.assignee.findData(user_id)
        self.assignee.setCurrentIndex(max(index, 0))

    def reload(self) -> None:
        assignee = self.assignee.currentData()
        rows = self._services.tasks.tasks(
            int(assignee) if assignee is not None else None,
            include_closed=self.show_closed.isChecked(),
        )
        today = self._services.context.clock.today()
        self._rows = {row.id: row for row in rows}
        self.tree.clear()
        for row in rows:
            item = QTreeWidgetItem(
                [
                    format_date(row.due_on),
                    row.customer_name,
                    row.title,
                    row.assignee_name or self.tr("(personne)"),
                    task_status_label(row.status),
                ]
            )
            if row.status is TaskStatus.OPEN and row.due_on < today:
                for column in range(5):
                    item.setForeground(column, Qt.GlobalColor.darkRed)
            item.setData(0, TASK_ROLE, row.id)
            self.tree.addTopLevelItem(item)
        self._show_selected()

    def selected(self) -> TaskRow | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return self._rows.get(int(item.data(0, TASK_ROLE)))

    def _show_selected(self) -> None:
        task = self.selected()
        self.answer_button.setEnabled(task is not None and task.status is TaskStatus.OPEN)
        self.open_customer_button.setEnabled(task is not None)
        if task is None:
            self.detail.setText(self.tr("Choisissez une tâche pour lire ses consignes."))
            return
        text = task.instructions
        if task.answer:
            text += "\n\n" + self.tr("Réponse (%1) :").replace("%1", format_date(task.done_on))
            text += "\n" + task.answer
        self.detail.setText(text)

    def answer_selected(self) -> None:
        task = self.selected()
        if task is None or task.status is not TaskStatus.OPEN:
            return
        if AnswerDialog(self._services, task, self).exec():
            self.reload()

    def _open_customer(self) -> None:
        task = self.selected()
        if task is not None:
            self.sig_open_customer.emit(task.customer_id)
