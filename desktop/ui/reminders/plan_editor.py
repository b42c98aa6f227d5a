"""Paramètres › Plans de relance: the dunning plans, their levels, and which segment
follows which plan.

A plan is edited as a whole and saved in one go (the service checks every level at once
and the problems are listed with the level they concern). Switching to another plan with
unsaved changes asks first. Segments are assigned to plans at once, each change audited.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dunning import LevelDraft, PlanDraft
from desktop.domain.enums import Channel, Tone
from desktop.domain.errors import FieldError, ValidationError
from desktop.services.registry import Services
from desktop.services.reminders import PlanData
from desktop.ui.messages import field_error_message
from desktop.ui.reminders.labels import channel_label, tone_label
from desktop.ui.widgets import ErrorLabel, confirm_discard

PLAN_ROLE = Qt.ItemDataRole.UserRole
LEVEL_ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = 8  # name, offset, channel, tone, template, penalties, indemnity, deadline


class PlanEditorDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._plans: list[PlanData] = []
        self._current: int | None = None  # plan id shown; None for a new plan
        self._dirty = False
        self.setWindowTitle(self.tr("Plans de relance"))
        self.resize(1100, 640)

        self.plan_list = QListWidget()
        self.plan_list.setAccessibleName(self.tr("Plans de relance"))
        self.plan_list.currentItemChanged.connect(self._plan_chosen)
        new_button = QPushButton(self.tr("Nouveau plan"))
        new_button.clicked.connect(self.new_plan)
        self.duplicate_button = QPushButton(self.tr("Dupliquer"))
        self.duplicate_button.clicked.connect(self.duplicate_plan)
        self.delete_button = QPushButton(self.tr("Supprimer…"))
        self.delete_button.clicked.connect(self.delete_plan)
        self.default_button = QPushButton(self.tr("Plan par défaut"))
        self.default_button.setToolTip(
            self.tr("Le plan des clients dont le segment n'a pas de plan")
        )
        self.default_button.clicked.connect(self.make_default)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.plan_list, 1)
        for button in (new_button, self.duplicate_button, self.default_button, self.delete_button):
            left_layout.addWidget(button)

        self.name = QLineEdit()
        self.description = QLineEdit()
        self.min_gap = QSpinBox()
        self.min_gap.setRange(0, 90)
        self.min_gap.setSuffix(self.tr(" jour(s)"))
        self.for_consumers = QCheckBox(
            self.tr("Plan pour les particuliers (jamais l'indemnité de 40 €)")
        )
        form = QFormLayout()
        form.addRow(self.tr("Nom *"), self.name)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Écart minimum entre deux relances"), self.min_gap)
        form.addRow("", self.for_consumers)
        for widget in (self.name, self.description):
            widget.textEdited.connect(self._changed)
        self.min_gap.valueChanged.connect(self._changed)
        self.for_consumers.toggled.connect(self._changed)

        self.levels = QTableWidget(0, COLUMNS)
        self.levels.setAccessibleName(self.tr("Niveaux du plan"))
        self.levels.setHorizontalHeaderLabels(
            [
                self.tr("Niveau"),
                self.tr("Jours / échéance"),
                self.tr("Canal"),
                self.tr("Ton"),
                self.tr("Modèle"),
                self.tr("Pénalités"),
                self.tr("40 €"),
                self.tr("Délai (j)"),
            ]
        )
        self.levels.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 130), (3, 90), (4, 150), (5, 75), (6, 50), (7, 75)):
            self.levels.setColumnWidth(column, width)
        self.levels.verticalHeader().hide()
        self.levels.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.levels.itemChanged.connect(self._changed)
        add_level = QPushButton(self.tr("Ajouter un niveau"))
        add_level.clicked.connect(self.add_level)
        remove_level = QPushButton(self.tr("Retirer le niveau"))
        remove_level.clicked.connect(self.remove_level)
        hint = QLabel(
            self.tr(
                "Jours comptés depuis l'échéance : négatif = rappel de courtoisie avant "
                "l'échéance. Les niveaux sont classés par jours à l'enregistrement."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("QLabel { color: #555; }")
        level_buttons = QHBoxLayout()
        level_buttons.addWidget(add_level)
        level_buttons.addWidget(remove_level)
        level_buttons.addStretch(1)
        self.errors = ErrorLabel()
        self.save_button = QPushButton(self.tr("Enregistrer le plan"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        plan_box = QGroupBox(self.tr("Plan"))
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.addLayout(form)
        plan_layout.addWidget(self.levels, 1)
        plan_layout.addLayout(level_buttons)
        plan_layout.addWidget(hint)
        plan_layout.addWidget(self.errors)
        plan_layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

        self.segments = QTableWidget(0, 2)
        self.segments.setAccessibleName(self.tr("Plan de chaque segment"))
        self.segments.setHorizontalHeaderLabels([self.tr("Segment"), self.tr("Plan de relance")])
        self.segments.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.segments.setColumnWidth(1, 220)
        self.segments.verticalHeader().hide()
        self.segments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        segments_box = QGroupBox(self.tr("Segments"))
        segments_layout = QVBoxLayout(segments_box)
        segments_layout.addWidget(self.segments)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(plan_box, 3)
        right_layout.addWidget(segments_box, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 880])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self._load_plans()

    # --- plans ----------------------------------------------------------------------------

    def _load_plans(self, select: int | None = None) -> None:
        self._plans = self._services.reminders.plans()
        self.plan_list.blockSignals(True)
        self.plan_list.clear()
        for plan in self._plans:
            text = plan.name + (self.tr(" (par défaut)") if plan.is_default else "")
            item = QListWidgetItem(text)
            item.setData(PLAN_ROLE, plan.id)
            self.plan_list.addItem(item)
        self.plan_list.blockSignals(False)
        target = select if select is not None else (self._plans[0].id if self._plans else None)
        for row in range(self.plan_list.count()):
            if self.plan_list.item(row).data(PLAN_ROLE) == target:
                self.plan_list.setCurrentRow(row)
        self._load_segments()

    def _plan(self, plan_id: int | None) -> PlanData | None:
        return next((p for p in self._plans if p.id == plan_id), None)

    def _plan_chosen(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        if self._dirty and not confirm_discard(self):
            self.plan_list.blockSignals(True)
            self.plan_list.setCurrentItem(previous)
            self.plan_list.blockSignals(False)
            return
        plan = self._plan(item.data(PLAN_ROLE))
        if plan is not None:
            self._show(plan.id, plan)

    def _show(self, plan_id: int | None, plan: PlanData | None) -> None:
        self._current = plan_id
        for widget in (self.name, self.description, self.min_gap, self.for_consumers, self.levels):
            widget.blockSignals(True)
        self.name.setText(plan.name if plan else "")
        self.description.setText(plan.description if plan else "")
        self.min_gap.setValue(plan.min_gap_days if plan else 7)
        self.for_consumers.setChecked(bool(plan and plan.for_consumers))
        self.levels.setRowCount(0)
        for level in plan.levels if plan else ():
            self._add_row(
                LevelDraft(
                    name=level.name,
                    offset_days=level.offset_days,
                    channel=level.channel,
                    tone=level.tone,
                    claims_penalties=level.claims_penalties,
                    claims_indemnity=level.claims_indemnity,
                    deadline_days=level.deadline_days,
                    template_key=level.template_key,
                    id=level.id if plan_id is not None else None,
                )
            )
        for widget in (self.name, self.description, self.min_gap, self.for_consumers, self.levels):
            widget.blockSignals(False)
        self.errors.show_message("")
        self._dirty = False
        is_saved = plan_id is not None
        self.delete_button.setEnabled(is_saved and not (plan and plan.is_default))
        self.default_button.setEnabled(is_saved and not (plan and plan.is_default))
        self.duplicate_button.setEnabled(is_saved)

    def _changed(self, *_args: object) -> None:
        self._dirty = True

    def new_plan(self) -> None:
        if self._dirty and not confirm_discard(self):
            return
        self.plan_list.clearSelection()
        self._show(None, None)
        self.name.setText(self.tr("Nouveau plan"))
        self.add_level()
        self.name.setFocus()
        self.name.selectAll()
        self._dirty = True

    def duplicate_plan(self) -> None:
        plan = self._plan(self._current)
        if plan is None or (self._dirty and not confirm_discard(self)):
            return
        self.plan_list.clearSelection()
        self._show(None, plan)
        self.name.setText(self.tr("Copie de %1").replace("%1", plan.name))
        self._dirty = True

    def delete_plan(self) -> None:
        plan = self._plan(self._current)
        if plan is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Supprimer le plan"),
            self.tr(
                "Supprimer le plan « %1 » ? Ses segments suivront le plan par défaut ; "
                "l'historique des relances est conservé."
            ).replace("%1", plan.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.reminders.delete_plan(plan.id)
        except ValidationError as exc:
            self.errors.show_message(field_error_message(exc.errors[0]))
            return
        self._dirty = False
        self._load_plans()

    def make_default(self) -> None:
        if self._current is not None:
            self._services.reminders.set_default_plan(self._current)
            self._load_plans(self._current)

    # --- levels ---------------------------------------------------------------------------

    def _add_row(self, level: LevelDraft) -> None:
        row = self.levels.rowCount()
        self.levels.insertRow(row)
        name = QTableWidgetItem(level.name)
        name.setData(LEVEL_ID_ROLE, level.id)
        self.levels.setItem(row, 0, name)
        offset = QSpinBox()
        offset.setRange(-60, 365)
        offset.setValue(level.offset_days)
        offset.setSuffix(self.tr(" j"))
        offset.valueChanged.connect(self._changed)
        self.levels.setCellWidget(row, 1, offset)
        channel = QComboBox()
        for value in Channel:
            channel.addItem(channel_label(value), value.value)
        channel.setCurrentIndex(channel.findData(level.channel.value))
        channel.currentIndexChanged.connect(self._changed)
        self.levels.setCellWidget(row, 2, channel)
        tone = QComboBox()
        for value in Tone:
            tone.addItem(tone_label(value), value.value)
        tone.setCurrentIndex(tone.findData(level.tone.value))
        tone.currentIndexChanged.connect(self._changed)
        self.levels.setCellWidget(row, 3, tone)
        template = QComboBox()
        template.addItem(self.tr("(selon le ton)"), "")
        letters = getattr(self._services, "letters", None)
        for key in letters.template_keys() if letters is not None else ():
            template.addItem(key, key)
        if level.template_key and template.findData(level.template_key) < 0:
            template.addItem(level.template_key, level.template_key)
        template.setCurrentIndex(max(template.findData(level.template_key), 0))
        template.currentIndexChanged.connect(self._changed)
        self.levels.setCellWidget(row, 4, template)
        for column, checked in ((5, level.claims_penalties), (6, level.claims_indemnity)):
            box = QCheckBox()
            box.setChecked(checked)
            box.toggled.connect(self._changed)
            holder = QWidget()
            holder_layout = QHBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            holder_layout.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
            self.levels.setCellWidget(row, column, holder)
        deadline = QSpinBox()
        deadline.setRange(0, 60)
        deadline.setSpecialValueText(self.tr("—"))
        deadline.setValue(level.deadline_days or 0)
        deadline.valueChanged.connect(self._changed)
        self.levels.setCellWidget(row, 7, deadline)

    def add_level(self) -> None:
        last = max((self._cell(row, 1).value() for row in range(self.levels.rowCount())), default=0)
        self._add_row(
            LevelDraft(
                name=self.tr("Nouveau niveau"),
                offset_days=last + 15 if self.levels.rowCount() else 7,
                channel=Channel.LETTER,
                tone=Tone.FRIENDLY,
            )
        )
        self._dirty = True

    def remove_level(self) -> None:
        row = self.levels.currentRow()
        if row >= 0:
            self.levels.removeRow(row)
            self._dirty = True

    def _cell(self, row: int, column: int):  # type: ignore[no-untyped-def]
        widget = self.levels.cellWidget(row, column)
        if column in (5, 6):
            return widget.findChild(QCheckBox)
        return widget

    def draft(self) -> PlanDraft:
        levels = []
        for row in range(self.levels.rowCount()):
            item = self.levels.item(row, 0)
            deadline = self._cell(row, 7).value()
            level_id = item.data(LEVEL_ID_ROLE) if item is not None else None
            levels.append(
                LevelDraft(
                    name=item.text() if item is not None else "",
                    offset_days=self._cell(row, 1).value(),
                    channel=Channel(self._cell(row, 2).currentData()),
                    tone=Tone(self._cell(row, 3).currentData()),
                    template_key=self._cell(row, 4).currentData() or "",
                    claims_penalties=self._cell(row, 5).isChecked(),
                    claims_indemnity=self._cell(row, 6).isChecked(),
                    deadline_days=deadline or None,
                    id=int(level_id) if level_id is not None else None,
                )
            )
        return PlanDraft(
            name=self.name.text(),
            min_gap_days=self.min_gap.value(),
            levels=tuple(levels),
            for_consumers=self.for_consumers.isChecked(),
            description=self.description.text(),
        )

    def save(self) -> None:
        try:
            plan_id = self._services.reminders.save_plan(self._current, self.draft())
        except ValidationError as exc:
            self.errors.show_message("\n".join(self._error_text(e) for e in exc.errors))
            return
        self._dirty = False
        self._load_plans(plan_id)

    def _error_text(self, error: FieldError) -> str:
        message = field_error_message(error)
        parts = error.field.split(".")
        if len(parts) == 3 and parts[0] == "levels":
            name = self.levels.item(int(parts[1]), 0)
            label = name.text() if name is not None else str(int(parts[1]) + 1)
            return self.tr("Niveau « %1 » : %2").replace("%1", label).replace("%2", message)
        return message

    # --- segments -------------------------------------------------------------------------

    def _load_segments(self) -> None:
        rows = self._services.reminders.segment_plans()
        self.segments.setRowCount(len(rows))
        for index, (segment_id, name, plan_id) in enumerate(rows):
            self.segments.setItem(index, 0, QTableWidgetItem(name))
            combo = QComboBox()
            combo.addItem(self.tr("(plan par défaut)"), None)
            for plan in self._plans:
                combo.addItem(plan.name, plan.id)
            combo.setCurrentIndex(max(combo.findData(plan_id), 0) if plan_id is not None else 0)
            combo.currentIndexChanged.connect(
                lambda _i, s=segment_id, c=combo: self._services.reminders.set_segment_plan(
                    s, c.currentData()
                )
            )
            self.segments.setCellWidget(index, 1, combo)

    def reject(self) -> None:
        if self._dirty and not confirm_discard(self):
            return
        super().reject()
