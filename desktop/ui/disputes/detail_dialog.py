"""One dispute: what is contested and by whom, its status, the history and notes thread,
the attachments, and how it ends (credit note, reissued invoice, commercial gesture or
rejection with a reason). Every action goes through the dispute service and reloads."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.disputes import ACTIVE_STATUSES, ResolutionDraft
from desktop.domain.enums import DisputeResolution, DisputeStatus
from desktop.domain.errors import ErrorCode, FieldError, NotFoundError, ValidationError
from desktop.domain.money import format_cents, parse_cents
from desktop.domain.text import safe_file_stem
from desktop.services.disputes import DisputeDetail, DisputeError, DisputeEventData
from desktop.services.registry import Services
from desktop.ui.dates import format_date
from desktop.ui.disputes.labels import (
    STATUS_COLORS,
    category_label,
    department_label,
    dispute_status_label,
    resolution_label,
)
from desktop.ui.messages import dispute_problem_message, field_error_message
from desktop.ui.widgets import ErrorLabel, ErrorMap, FieldWithError, value_label

OVERDUE_COLOR = "#a1261f"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# The ways to close a dispute, in the order offered.
CLOSINGS = (
    DisputeResolution.CREDIT_NOTE,
    DisputeResolution.REISSUED_INVOICE,
    DisputeResolution.COMMERCIAL_GESTURE,
    DisputeResolution.REJECTED,
)


class StatusBadge(QLabel):
    """The dispute's status as a coloured pill."""

    def set_status(self, status: DisputeStatus) -> None:
        background, text = STATUS_COLORS[status]
        self.setText(dispute_status_label(status))
        self.setAccessibleName(dispute_status_label(status))
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {text}; border-radius: 9px; "
            "padding: 2px 10px; font-weight: 600; }"
        )


class DisputeDetailDialog(QDialog):
    sig_changed = Signal(int)
    sig_open_customer = Signal(int)

    def __init__(
        self,
        services: Services,
        dispute_id: int,
        parent: QWidget | None = None,
        customer_link: bool = True,
    ) -> None:
        """`customer_link`: offer « Ouvrir le client » (not when opened from that page)."""
        super().__init__(parent)
        self._services = services
        self.dispute_id = dispute_id
        self.detail: DisputeDetail | None = None
        self.resize(1000, 720)
        writable = not services.database.read_only

        # --- header --------------------------------------------------------------------
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("QLabel { font-size: 15pt; font-weight: 600; }")
        self.badge = StatusBadge()
        self.customer_button = QPushButton(self.tr("Ouvrir le client"))
        self.customer_button.clicked.connect(self._open_customer)
        self.customer_button.setVisible(customer_link)
        self.edit_button = QPushButton(self.tr("Modifier…"))
        self.edit_button.setToolTip(
            self.tr("Factures, montants, catégorie, service, responsable, dates")
        )
        self.edit_button.clicked.connect(self.edit)
        self.sheet_button = QPushButton(self.tr("Fiche PDF…"))
        self.sheet_button.setToolTip(self.tr("La fiche du litige à imprimer pour une réunion"))
        self.sheet_button.clicked.connect(lambda: self.save_sheet())
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self.customer_button)
        title_row.addWidget(self.edit_button)
        title_row.addWidget(self.sheet_button)

        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(18)
        self.fact_labels: dict[str, QLabel] = {}
        captions = (
            ("category", self.tr("Catégorie")),
            ("department", self.tr("Service concerné")),
            ("owner", self.tr("Responsable")),
            ("reported", self.tr("Signalé")),
            ("answer", self.tr("Réponse attendue")),
            ("age", self.tr("Ouvert depuis")),
            ("disputed", self.tr("Montant contesté")),
        )
        for index, (key, caption) in enumerate(captions):
            head = QLabel(caption)
            head.setStyleSheet("QLabel { color: #555; }")
            value = value_label("")
            self.fact_labels[key] = value
            self.facts.addWidget(head, (index // 4) * 2, index % 4)
            self.facts.addWidget(value, (index // 4) * 2 + 1, index % 4)
        self.description = value_label("")
        self.description.setStyleSheet("QLabel { background: #f6f6f6; padding: 6px; }")

        self.lines = QTreeWidget()
        self.lines.setRootIsDecorated(False)
        self.lines.setAccessibleName(self.tr("Factures contestées"))
        self.lines.setHeaderLabels(
            [
                self.tr("Facture"),
                self.tr("Date"),
                self.tr("Échéance"),
                self.tr("Montant TTC"),
                self.tr("Reste dû"),
                self.tr("Contesté"),
            ]
        )
        self.lines.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            self.lines.setColumnWidth(column, 110)

        # --- status --------------------------------------------------------------------
        self.status_buttons: dict[DisputeStatus, QPushButton] = {
            DisputeStatus.ANALYSIS: QPushButton(self.tr("Analyse")),
            DisputeStatus.WAITING_CUSTOMER: QPushButton(self.tr("Attente client")),
            DisputeStatus.OPEN: QPushButton(self.tr("Rouvrir")),
        }
        self.status_buttons[DisputeStatus.ANALYSIS].setToolTip(
            self.tr("Le service concerné analyse le litige")
        )
        self.status_buttons[DisputeStatus.WAITING_CUSTOMER].setToolTip(
            self.tr("Une réponse ou une pièce est attendue du client")
        )
        self.status_buttons[DisputeStatus.OPEN].setToolTip(
            self.tr("Remettre le litige à l'état ouvert")
        )
        status_row = QHBoxLayout()
        self.status_caption = QLabel(self.tr("Passer en :"))
        status_row.addWidget(self.status_caption)
        for status, button in self.status_buttons.items():
            button.clicked.connect(lambda _c=False, s=status: self.change_status(s))
            status_row.addWidget(button)
        status_row.addStretch(1)

        # --- thread --------------------------------------------------------------------
        self.thread = QTextBrowser()
        self.thread.setAccessibleName(self.tr("Historique et notes"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            self.tr("Une note, ou le commentaire du prochain changement de statut…")
        )
        self.note.setFixedHeight(64)
        self.note_error = ErrorLabel()
        self.note_button = QPushButton(self.tr("Ajouter la note"))
        self.note_button.clicked.connect(self.add_note)
        thread_box = QGroupBox(self.tr("Historique et notes"))
        thread_layout = QVBoxLayout(thread_box)
        thread_layout.addWidget(self.thread, 1)
        thread_layout.addWidget(self.note)
        thread_layout.addWidget(self.note_error)
        note_row = QHBoxLayout()
        note_row.addStretch(1)
        note_row.addWidget(self.note_button)
        thread_layout.addLayout(note_row)

        # --- attachments ---------------------------------------------------------------
        self.attachments = QListWidget()
        self.attachments.setAccessibleName(self.tr("Pièces jointes"))
        self.attachments.itemDoubleClicked.connect(lambda _i: self.open_attachment())
        self.attach_button = QPushButton(self.tr("Ajouter…"))
        self.attach_button.setToolTip(
            self.tr("Photo, bon de livraison… : une copie est rangée à côté du fichier Encaisse")
        )
        self.attach_button.clicked.connect(lambda: self.add_attachment())
        self.open_attachment_button = QPushButton(self.tr("Ouvrir"))
        self.open_attachment_button.clicked.connect(self.open_attachment)
        attachments_box = QGroupBox(self.tr("Pièces jointes"))
        attachments_layout = QVBoxLayout(attachments_box)
        attachments_layout.addWidget(self.attachments, 1)
        attachment_buttons = QHBoxLayout()
        attachment_buttons.addWidget(self.attach_button)
        attachment_buttons.addWidget(self.open_attachment_button)
        attachment_buttons.addStretch(1)
        attachments_layout.addLayout(attachment_buttons)

        # --- resolution ----------------------------------------------------------------
        self.resolution_box = QGroupBox(self.tr("Clore le litige"))
        self.resolution_error = ErrorLabel()
        self.errors = ErrorMap(self.resolution_error)
        self.closing = QComboBox()
        self.closing.setAccessibleName(self.tr("Issue du litige"))
        for kind in CLOSINGS:
            self.closing.addItem(resolution_label(kind), kind.value)
        self.credit_note_number = QLineEdit()
        self.credit_note_number.setPlaceholderText(self.tr("ex. AV-2026-0012"))
        self.reissued_number = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("1 234,56")
        self.amount.setAlignment(RIGHT)
        self.approved_by = QLineEdit()
        self.approved_by.setPlaceholderText(self.tr("Qui a accordé le geste"))
        self.closing_note = QPlainTextEdit()
        self.closing_note.setTabChangesFocus(True)
        self.closing_note.setFixedHeight(56)
        self.close_button = QPushButton(self.tr("Clore le litige…"))
        self.close_button.clicked.connect(self.close_dispute)
        self.resolution_form = QFormLayout()
        self.resolution_form.addRow(self.tr("Issue"), self.closing)
        self._rows: dict[str, FieldWithError] = {
            "credit_note_number": FieldWithError(self.credit_note_number),
            "reissued_number": FieldWithError(self.reissued_number),
            "amount": FieldWithError(self.amount),
            "approved_by": FieldWithError(self.approved_by),
            "note": FieldWithError(self.closing_note),
        }
        captions_of = {
            "credit_note_number": self.tr("N° de l'avoir *"),
            "reissued_number": self.tr("N° de la facture réémise *"),
            "amount": self.tr("Montant *"),
            "approved_by": self.tr("Accordé par *"),
            "note": self.tr("Commentaire"),
        }
        self._captions: dict[str, QLabel] = {}
        for key, holder in self._rows.items():
            self.errors.register(key, holder)
            caption = QLabel(captions_of[key])
            self._captions[key] = caption
            self.resolution_form.addRow(caption, holder)
        # A rejection's reason is typed in the comment field.
        self.errors.register("reason", self._rows["note"])
        self.errors.register("text", self._rows["note"])
        resolution_layout = QVBoxLayout(self.resolution_box)
        resolution_layout.addLayout(self.resolution_form)
        resolution_layout.addWidget(self.resolution_error)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close_row.addWidget(self.close_button)
        resolution_layout.addLayout(close_row)
        self.closing.currentIndexChanged.connect(lambda _i: self._update_closing_fields())

        self.outcome_box = QGroupBox(self.tr("Issue du litige"))
        self.outcome = value_label("")
        QVBoxLayout(self.outcome_box).addWidget(self.outcome)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(attachments_box, 1)
        right_layout.addWidget(self.resolution_box)
        right_layout.addWidget(self.outcome_box)
        splitter = QSplitter()
        splitter.addWidget(thread_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.general_error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addLayout(self.facts)
        layout.addWidget(self.description)
        layout.addWidget(self.lines)
        layout.addLayout(status_row)
        layout.addWidget(self.general_error)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self._writable = writable
        self.reload()
        self._update_closing_fields()

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            detail = self._services.disputes.get(self.dispute_id)
        except NotFoundError:
            self.general_error.show_message(dispute_problem_message("not_found"))
            return
        self.detail = detail
        row = detail.row
        self.setWindowTitle(
            self.tr("Litige n° %1 — %2").replace("%1", str(row.id)).replace("%2", row.customer_name)
        )
        self.title.setText(
            self.tr("Litige n° %1 — %2").replace("%1", str(row.id)).replace("%2", row.customer_name)
        )
        self.badge.set_status(row.status)
        facts = self.fact_labels
        facts["category"].setText(category_label(row.category))
        facts["department"].setText(department_label(row.department))
        facts["owner"].setText(row.owner_name or self.tr("personne"))
        reported = self.tr("le %s") % format_date(row.reported_on)
        if detail.reported_by:
            reported = (
                self.tr("par %1 le %2")
                .replace("%1", detail.reported_by)
                .replace("%2", format_date(row.reported_on))
            )
        facts["reported"].setText(reported)
        answer = format_date(row.expected_answer_on) if row.expected_answer_on else "—"
        if row.answer_overdue:
            answer += self.tr(" (en retard)")
        facts["answer"].setText(answer)
        facts["answer"].setStyleSheet(
            f"QLabel {{ color: {OVERDUE_COLOR}; font-weight: 600; }}" if row.answer_overdue else ""
        )
        facts["age"].setText(self.tr("%n jour(s)", "", row.days_open))
        facts["disputed"].setText(format_cents(row.disputed_cents))
        self.description.setText(detail.description)
        self._fill_lines(detail)
        self._fill_thread(detail.events)
        self._fill_attachments(detail)
        is_open = row.status in ACTIVE_STATUSES
        self.status_caption.setVisible(is_open)
        for status, button in self.status_buttons.items():
            button.setVisible(is_open and status is not row.status)
            button.setEnabled(self._writable)
        self.edit_button.setVisible(is_open)
        self.edit_button.setEnabled(self._writable)
        self.note_button.setEnabled(self._writable)
        self.attach_button.setEnabled(self._writable)
        self.resolution_box.setVisible(is_open)
        self.close_button.setEnabled(self._writable)
        self.outcome_box.setVisible(not is_open)
        self.outcome.setText(self.outcome_text(detail))

    def _fill_lines(self, detail: DisputeDetail) -> None:
        self.lines.clear()
        for line in detail.lines:
            item = QTreeWidgetItem(
                [
                    line.number,
                    format_date(line.issued_on),
                    format_date(line.due_on),
                    format_cents(line.total_cents),
                    format_cents(line.open_cents),
                    format_cents(line.disputed_cents),
                ]
            )
            for column in (3, 4, 5):
                item.setTextAlignment(column, RIGHT)
            self.lines.addTopLevelItem(item)
        # As tall as its lines (up to five), so the thread below gets the room.
        row_height = self.lines.sizeHintForRow(0) if detail.lines else 20
        header = self.lines.header().sizeHint().height()
        self.lines.setFixedHeight(header + row_height * min(max(len(detail.lines), 1), 5) + 6)

    def event_text(self, event: DisputeEventData) -> str:
        """One entry of the thread as HTML, what users typed escaped."""
        when = f"{format_date(event.at.date())} {event.at:%H:%M}"
        head = f"<span style='color:#555'>{escape(when)} — {escape(event.author)}</span>"
        parts = [head]
        if event.to_status is not None and event.from_status is None:
            parts.append(f"<b>{escape(self.tr('Litige ouvert'))}</b>")
        elif event.to_status is not None and event.from_status is not None:
            change = (
                f"{dispute_status_label(event.from_status)} → "
                f"{dispute_status_label(event.to_status)}"
            )
            parts.append(f"<b>{escape(self.tr('Statut : %s') % change)}</b>")
        if event.text:
            parts.append(escape(event.text).replace("\n", "<br>"))
        return "<br>".join(parts)

    def _fill_thread(self, events: tuple[DisputeEventData, ...]) -> None:
        if not events:
            self.thread.setHtml(f"<p style='color:#666'>{escape(self.tr('Aucun événement.'))}</p>")
            return
        # Newest last, as a conversation reads; the view scrolls to it.
        blocks = []
        for event in events:
            background = "#ffffff" if event.to_status is not None else "#f4f7fc"
            blocks.append(
                f"<table width='100%' cellpadding='6' style='background:{background}'>"
                f"<tr><td>{self.event_text(event)}</td></tr></table>"
            )
        self.thread.setHtml("".join(blocks))
        bar = self.thread.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _fill_attachments(self, detail: DisputeDetail) -> None:
        self.attachments.clear()
        for attachment in detail.attachments:
            item = QListWidgetItem(
                f"{attachment.file_name} — {format_date(attachment.added_at.date())}"
            )
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            self.attachments.addItem(item)
        self.open_attachment_button.setEnabled(bool(detail.attachments))
        if detail.attachments:
            self.attachments.setCurrentRow(0)

    def outcome_text(self, detail: DisputeDetail) -> str:
        """How a closed dispute ended, in one or two sentences."""
        if detail.resolution is None:
            return ""
        on = format_date(detail.resolved_on) if detail.resolved_on else ""
        amount = (
            format_cents(detail.resolution_cents) if detail.resolution_cents is not None else ""
        )
        if detail.resolution is DisputeResolution.CREDIT_NOTE:
            text = self.tr("Résolu le %1 par l'avoir n° %2 de %3")
            text = text.replace("%2", detail.credit_note_number).replace("%3", amount)
        elif detail.resolution is DisputeResolution.REISSUED_INVOICE:
            text = self.tr("Résolu le %1 : facture réémise sous le n° %2")
            text = text.replace("%2", detail.reissued_number)
        elif detail.resolution is DisputeResolution.COMMERCIAL_GESTURE:
            text = self.tr("Résolu le %1 : geste commercial de %2 accordé par %3")
            text = text.replace("%2", amount).replace("%3", detail.approved_by)
        else:
            text = self.tr("Rejeté le %1")
        text = text.replace("%1", on)
        if detail.resolution_note:
            text += "\n" + detail.resolution_note
        return text

    # --- actions -------------------------------------------------------------------------

    def _changed(self) -> None:
        self.reload()
        self.sig_changed.emit(self.dispute_id)

    def _refused(self, exc: DisputeError) -> None:
        self.general_error.show_message(dispute_problem_message(exc.code))

    def change_status(self, status: DisputeStatus) -> None:
        """Move the dispute; a note typed in the box goes with the change as its comment."""
        self.general_error.show_message("")
        try:
            self._services.disputes.change_status(
                self.dispute_id, status, self.note.toPlainText().strip()
            )
        except DisputeError as exc:
            self._refused(exc)
            return
        self.note.clear()
        self.note_error.show_message("")
        self._changed()

    def add_note(self) -> None:
        try:
            self._services.disputes.add_note(self.dispute_id, self.note.toPlainText())
        except ValidationError as exc:
            self.note_error.show_message(field_error_message(exc.errors[0]))
            return
        self.note.clear()
        self.note_error.show_message("")
        self._changed()

    def add_attachment(self, path: str | None = None) -> int | None:
        """Ask for a file (unless given) and copy it into the dispute's folder."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Joindre une pièce au litige"),
                "",
                self.tr(
                    "Photos, PDF et documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xlsx "
                    "*.txt *.eml *.msg);;Tous les fichiers (*)"
                ),
            )
            if not path:
                return None
        try:
            attachment_id = self._services.disputes.attach(self.dispute_id, Path(path))
        except (DisputeError, OSError) as exc:
            message = (
                dispute_problem_message(exc.code)
                if isinstance(exc, DisputeError)
                else self.tr("La pièce n'a pas pu être copiée : %s") % exc
            )
            QMessageBox.warning(self, self.tr("Pièce jointe"), message)
            return None
        self._changed()
        return attachment_id

    def open_attachment(self) -> None:
        item = self.attachments.currentItem()
        if item is None:
            return
        try:
            path = self._services.disputes.attachment_path(int(item.data(Qt.ItemDataRole.UserRole)))
        except (DisputeError, NotFoundError) as exc:
            code = exc.code if isinstance(exc, DisputeError) else "attachment_missing"
            QMessageBox.warning(self, self.tr("Pièce jointe"), dispute_problem_message(code))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def edit(self) -> None:
        from desktop.ui.disputes.dispute_dialog import DisputeDialog

        dialog = DisputeDialog(self._services, dispute_id=self.dispute_id, parent=self)
        if dialog.exec():
            self._changed()

    def save_sheet(self, path: str | None = None) -> Path | None:
        """Ask where (unless given), write the dispute sheet PDF and show it."""
        if self.detail is None:
            return None
        interactive = path is None
        if path is None:
            suggested = (
                self.tr("Litige %1 %2.pdf")
                .replace("%1", str(self.dispute_id))
                .replace("%2", safe_file_stem(self.detail.row.customer_name, 60))
            )
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Enregistrer la fiche du litige"),
                suggested,
                self.tr("Document PDF (*.pdf)"),
            )
            if not path:
                return None
        try:
            written = self._services.disputes.write_sheet(self.dispute_id, Path(path))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Fiche non enregistrée"),
                self.tr("Le fichier n'a pas pu être écrit : %s") % exc,
            )
            return None
        if interactive:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written

    def _open_customer(self) -> None:
        if self.detail is not None:
            self.sig_open_customer.emit(self.detail.row.customer_id)
            self.accept()

    # --- closing -------------------------------------------------------------------------

    def closing_kind(self) -> DisputeResolution:
        return DisputeResolution(self.closing.currentData())

    def _update_closing_fields(self) -> None:
        kind = self.closing_kind()
        shown = {
            DisputeResolution.CREDIT_NOTE: {"credit_note_number", "amount", "note"},
            DisputeResolution.REISSUED_INVOICE: {"reissued_number", "note"},
            DisputeResolution.COMMERCIAL_GESTURE: {"amount", "approved_by", "note"},
            DisputeResolution.REJECTED: {"note"},
        }[kind]
        for key, holder in self._rows.items():
            holder.setVisible(key in shown)
            self._captions[key].setVisible(key in shown)
        self._captions["note"].setText(
            self.tr("Motif du rejet *")
            if kind is DisputeResolution.REJECTED
            else self.tr("Commentaire")
        )
        if (
            kind in (DisputeResolution.CREDIT_NOTE, DisputeResolution.COMMERCIAL_GESTURE)
            and not self.amount.text()
            and self.detail is not None
        ):
            # The usual credit note cancels what is disputed: a starting point.
            self.amount.setText(format_cents(self.detail.row.disputed_cents, symbol=False))
        self.errors.clear()

    def resolution_draft(self, confirm_above: bool = False) -> ResolutionDraft:
        """The resolution as typed; ValidationError "amount" when it does not parse."""
        kind = self.closing_kind()
        amount: int | None = None
        if kind in (DisputeResolution.CREDIT_NOTE, DisputeResolution.COMMERCIAL_GESTURE):
            amount = parse_cents(self.amount.text(), "amount")
        return ResolutionDraft(
            kind=kind,
            amount_cents=amount,
            credit_note_number=self.credit_note_number.text(),
            reissued_number=self.reissued_number.text(),
            approved_by=self.approved_by.text(),
            note=self.closing_note.toPlainText(),
            confirm_above_disputed=confirm_above,
        )

    def close_dispute(self) -> bool:
        """Close the dispute as chosen, after a confirmation (closing is final; a credit
        note above the disputed total says so). True once closed."""
        if self.detail is None:
            return False
        self.errors.clear()
        self.general_error.show_message("")
        kind = self.closing_kind()
        try:
            draft = self.resolution_draft()
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        if kind is DisputeResolution.REJECTED and not draft.note.strip():
            self.errors.show([FieldError("reason", ErrorCode.REQUIRED)])
            return False
        disputed = self.detail.row.disputed_cents
        above = (
            kind is DisputeResolution.CREDIT_NOTE
            and draft.amount_cents is not None
            and draft.amount_cents > disputed
        )
        if above:
            question = (
                self.tr(
                    "L'avoir de %1 dépasse le montant contesté (%2).\n"
                    "Enregistrer quand même cet avoir et clore le litige ?"
                )
                .replace("%1", format_cents(draft.amount_cents or 0))
                .replace("%2", format_cents(disputed))
            )
        elif kind is DisputeResolution.REJECTED:
            question = self.tr(
                "Rejeter ce litige ? Le montant contesté (%1) revient dans le cycle de relance."
            ).replace("%1", format_cents(disputed))
        else:
            question = self.tr("Clore ce litige : %1 ? Il ne pourra plus être modifié.").replace(
                "%1", resolution_label(kind).lower()
            )
        answer = QMessageBox.question(
            self,
            self.tr("Clore le litige"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        disputes = self._services.disputes
        try:
            if kind is DisputeResolution.REJECTED:
                disputes.reject(self.dispute_id, draft.note)
            else:
                disputes.resolve(self.dispute_id, self.resolution_draft(confirm_above=above))
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        except DisputeError as exc:
            self.resolution_error.show_message(dispute_problem_message(exc.code))
            return False
        self._changed()
        return True


def open_dispute_detail(
    services: Services,
    dispute_id: int,
    parent: QWidget | None = None,
    on_changed=None,  # type: ignore[no-untyped-def]
    on_open_customer=None,  # type: ignore[no-untyped-def]
) -> DisputeDetailDialog:
    """Show one dispute (modal); the callbacks hear about changes and customer requests."""
    dialog = DisputeDetailDialog(services, dispute_id, parent)
    if on_changed is not None:
        dialog.sig_changed.connect(on_changed)
    if on_open_customer is not None:
        dialog.sig_open_customer.connect(on_open_customer)
    dialog.exec()
    return dialog
