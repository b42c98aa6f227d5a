"""Paramètres › Modèles d'échéancier: the templates proposals start from.

A list on the left; on the right the chosen template: its name, its kind, and either its
lines (event, %, days after the proposal, deposit, payment term) or its monthly
instalments (how many, the first one after how many days, an optional deposit). Saving
checks everything at once; the default template cannot be deleted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import PaymentTermsBasis, ScheduleKind
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.penalties import parse_rate_bp
from desktop.domain.schedule import Milestone, ScheduleTemplate
from desktop.services.proposals import ProposalError, TemplateData
from desktop.services.registry import Services
from desktop.ui.messages import field_error_message, terms_basis_label
from desktop.ui.proposals.labels import proposal_problem_message, schedule_kind_label
from desktop.ui.widgets import ErrorLabel

M_EVENT, M_PERCENT, M_OFFSET, M_DEPOSIT, M_DAYS, M_BASIS = range(6)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class MilestonesTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setAccessibleName(self.tr("Lignes du modèle"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Événement"),
                self.tr("%"),
                self.tr("Jours après la proposition"),
                self.tr("Acompte"),
                self.tr("Délai (j)"),
                self.tr("Compté"),
            ]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(M_EVENT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((M_PERCENT, 60), (M_OFFSET, 150), (M_DEPOSIT, 65), (M_DAYS, 90)):
            self.setColumnWidth(column, width)
        self.setColumnWidth(M_BASIS, 160)

    def set_milestones(self, milestones: tuple[Milestone, ...]) -> None:
        self.setRowCount(0)
        for m in milestones:
            self.add(m)

    def add(self, m: Milestone | None = None) -> int:
        m = m or Milestone("", 0)
        row = self.rowCount()
        self.insertRow(row)
        event = QLineEdit(m.event)
        percent = QLineEdit(f"{m.percent_bp / 100:g}".replace(".", ",") if m.percent_bp else "")
        percent.setAlignment(RIGHT)
        offset = QSpinBox()
        offset.setRange(0, 3650)
        offset.setValue(m.offset_days)
        deposit = QCheckBox()
        deposit.setChecked(m.is_deposit)
        days = QSpinBox()
        days.setRange(0, 365)
        days.setValue(m.due_days)
        days.setSpecialValueText(self.tr("à réception"))
        basis = QComboBox()
        for value in PaymentTermsBasis:
            basis.addItem(terms_basis_label(value), value.value)
        basis.setCurrentIndex(basis.findData(m.due_basis.value))
        for column, widget in enumerate((event, percent, offset, deposit, days, basis)):
            widget.setAccessibleName(self.horizontalHeaderItem(column).text())
            self.setCellWidget(row, column, widget)
        return row

    def remove_current(self) -> None:
        row = self.currentRow() if self.currentRow() >= 0 else self.rowCount() - 1
        if row >= 0:
            self.removeRow(row)

    def cell(self, row: int, column: int):  # type: ignore[no-untyped-def]
        return self.cellWidget(row, column)

    def milestones(self) -> tuple[tuple[Milestone, ...], list[FieldError]]:
        result: list[Milestone] = []
        errors: list[FieldError] = []
        for row in range(self.rowCount()):
            try:
                percent = parse_rate_bp(
                    self.cell(row, M_PERCENT).text(), f"milestones.{row}.percent"
                )
            except ValidationError as exc:
                errors += exc.errors
                continue
            result.append(
                Milestone(
                    event=self.cell(row, M_EVENT).text().strip(),
                    percent_bp=percent,
                    offset_days=self.cell(row, M_OFFSET).value(),
                    is_deposit=self.cell(row, M_DEPOSIT).isChecked(),
                    due_days=self.cell(row, M_DAYS).value(),
                    due_basis=PaymentTermsBasis(self.cell(row, M_BASIS).currentData()),
                )
            )
        return tuple(result), errors


class TemplatesDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.current_id: int | None = None
        self.setWindowTitle(self.tr("Modèles d'échéancier"))
        self.resize(980, 520)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Modèles"))
        self.list.currentItemChanged.connect(lambda *_a: self._show_current())
        self.new_button = QPushButton(self.tr("Nouveau modèle"))
        self.new_button.clicked.connect(self.new_template)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Nom du modèle"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Type"))
        for kind in ScheduleKind:
            self.kind.addItem(schedule_kind_label(kind), kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.milestones = MilestonesTable()
        add_line = QPushButton(self.tr("Ajouter une ligne"))
        add_line.clicked.connect(lambda: self.milestones.add())
        remove_line = QPushButton(self.tr("Supprimer la ligne"))
        remove_line.clicked.connect(self.milestones.remove_current)
        lines_page = QWidget()
        lines_layout = QVBoxLayout(lines_page)
        lines_layout.setContentsMargins(0, 0, 0, 0)
        lines_layout.addWidget(self.milestones, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add_line)
        buttons.addWidget(remove_line)
        buttons.addStretch(1)
        lines_layout.addLayout(buttons)

        self.instalments = QSpinBox()
        self.instalments.setRange(1, 119)
        self.instalments.setAccessibleName(self.tr("Nombre de mensualités"))
        self.first_offset = QSpinBox()
        self.first_offset.setRange(0, 3650)
        self.first_offset.setSuffix(self.tr(" jours après la proposition"))
        self.deposit = QLineEdit()
        self.deposit.setPlaceholderText("0")
        self.deposit.setAccessibleName(self.tr("Acompte à la commande (%)"))
        monthly_page = QWidget()
        monthly_form = QFormLayout(monthly_page)
        monthly_form.addRow(self.tr("Mensualités"), self.instalments)
        monthly_form.addRow(self.tr("Première mensualité"), self.first_offset)
        monthly_form.addRow(self.tr("Acompte à la commande (%)"), self.deposit)
        self.pages = QStackedWidget()
        self.pages.addWidget(lines_page)
        self.pages.addWidget(monthly_page)

        self.default_label = QLabel()
        self.default_label.setStyleSheet("QLabel { color: #1e6b34; }")
        self.error_label = ErrorLabel()
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.clicked.connect(lambda: self.save())
        self.default_button = QPushButton(self.tr("Modèle par défaut"))
        self.default_button.clicked.connect(self.make_default)
        self.delete_button = QPushButton(self.tr("Supprimer le modèle"))
        self.delete_button.clicked.connect(lambda: self.delete())
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        actions = QHBoxLayout()
        for button in (self.save_button, self.default_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)

        form = QFormLayout()
        form.addRow(self.tr("Nom *"), self.name)
        form.addRow(self.tr("Type"), self.kind)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.default_label)
        right.addWidget(self.pages, 1)
        right.addWidget(self.error_label)
        right.addLayout(actions)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.current_id
        self.list.blockSignals(True)
        self.list.clear()
        self.templates: dict[int, TemplateData] = {}
        for data in self._services.proposals.templates():
            self.templates[data.id] = data
            text = data.name + (self.tr(" (par défaut)") if data.is_default else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, data.id)
            self.list.addItem(item)
            if data.id == select_id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._show_current()

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).text().startswith(name):
                self.list.setCurrentRow(row)
                return

    def _show_current(self) -> None:
        item = self.list.currentItem()
        self.error_label.show_message("")
        if item is None:
            self.current_id = None
            return
        self.current_id = int(item.data(Qt.ItemDataRole.UserRole))
        data = self.templates[self.current_id]
        self._show(data.template)
        self.default_label.setText(
            self.tr("Les nouvelles propositions partent de ce modèle.") if data.is_default else ""
        )
        self.default_button.setEnabled(not data.is_default)
        self.delete_button.setEnabled(not data.is_default)

    def _show(self, template: ScheduleTemplate) -> None:
        self.name.setText(template.name)
        self.kind.setCurrentIndex(self.kind.findData(template.kind.value))
        self.milestones.set_milestones(template.milestones)
        self.instalments.setValue(max(template.instalments, 1))
        self.first_offset.setValue(template.first_offset_days)
        self.deposit.setText(
            f"{template.deposit_bp / 100:g}".replace(".", ",") if template.deposit_bp else ""
        )
        self._kind_changed()

    def _kind_changed(self) -> None:
        monthly = self.kind.currentData() == ScheduleKind.MONTHLY.value
        self.pages.setCurrentIndex(1 if monthly else 0)

    def new_template(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.current_id = None
        self._show(
            ScheduleTemplate(
                self.tr("Nouveau modèle"),
                ScheduleKind.MILESTONES,
                (Milestone(self.tr("À la commande"), 10000, 0, True),),
            )
        )
        self.default_label.setText("")
        self.default_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.name.setFocus()
        self.name.selectAll()

    def template(self) -> tuple[ScheduleTemplate | None, list[FieldError]]:
        kind = ScheduleKind(self.kind.currentData())
        if kind is ScheduleKind.MONTHLY:
            try:
                deposit = parse_rate_bp(self.deposit.text() or "0", "deposit")
            except ValidationError as exc:
                return None, exc.errors
            return (
                ScheduleTemplate(
                    self.name.text(),
                    kind,
                    instalments=self.instalments.value(),
                    first_offset_days=self.first_offset.value(),
                    deposit_bp=deposit,
                ),
                [],
            )
        milestones, errors = self.milestones.milestones()
        if errors:
            return None, errors
        return ScheduleTemplate(self.name.text(), kind, milestones), []

    def _describe(self, error: FieldError) -> str:
        parts = error.field.split(".")
        message = field_error_message(error)
        if parts[0] == "milestones" and len(parts) == 3:
            return self.tr("Ligne %1 : ").replace("%1", str(int(parts[1]) + 1)) + message
        names = {
            "name": self.tr("Nom"),
            "milestones": self.tr("Lignes"),
            "instalments": self.tr("Mensualités"),
            "first_offset_days": self.tr("Première mensualité"),
            "deposit": self.tr("Acompte"),
        }
        return f"{names.get(error.field, error.field)} : {message}"

    def save(self) -> int | None:
        template, errors = self.template()
        if template is not None:
            try:
                saved = self._services.proposals.save_template(template, self.current_id)
            except ValidationError as exc:
                errors = exc.errors
            else:
                self.current_id = saved
                self.reload(saved)
                return saved
        self.error_label.show_message("\n".join(self._describe(e) for e in errors))
        return None

    def make_default(self) -> None:
        if self.current_id is not None:
            self._services.proposals.set_default_template(self.current_id)
            self.reload(self.current_id)

    def delete(self) -> bool:
        if self.current_id is None:
            return False
        try:
            self._services.proposals.delete_template(self.current_id)
        except ProposalError as exc:
            self.error_label.show_message(proposal_problem_message(exc.code))
            return False
        self.current_id = None
        self.reload()
        return True
