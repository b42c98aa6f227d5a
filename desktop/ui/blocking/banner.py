"""The strip shown above a blocked customer: since when, by whom, why; « Débloquer… »."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.services.blocking import BlockInfo, BlockingStateError
from desktop.services.registry import Services
from desktop.ui.blocking.reason_dialog import ask_reason
from desktop.ui.dates import format_date
from desktop.ui.messages import blocking_rules_text, blocking_state_message, field_error_message

# (background, border, text): red for a block, amber for an insolvency proceeding.
BLOCKED_COLORS = ("#fde2e1", "#e8a39e", "#8c1d18")
INSOLVENCY_COLORS = ("#fff3d6", "#e5c46b", "#6b4500")


class BlockedBanner(QFrame):
    """Hidden unless the customer shown is blocked. Reusable wherever a customer is at
    stake (customer page, proposal editor): `show_customer(id)` then read `block`."""

    sig_changed = Signal(int)  # the customer was unblocked

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, can_unblock: bool = True
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id: int | None = None
        self.block: BlockInfo | None = None
        self.setObjectName("blockedBanner")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unblock_button = QPushButton(self.tr("Débloquer…"))
        self.unblock_button.setToolTip(self.tr("Lever le blocage (décision motivée)"))
        self.unblock_button.clicked.connect(self.unblock)
        # Owners decide; other profiles see the banner without the button.
        self.unblock_button.setVisible(can_unblock)
        self._can_unblock = can_unblock
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.unblock_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def set_can_unblock(self, allowed: bool) -> None:
        self._can_unblock = allowed
        self.unblock_button.setVisible(allowed)

    def show_customer(self, customer_id: int | None) -> BlockInfo | None:
        """Show the block of `customer_id` (hide the strip if it is not blocked)."""
        self.customer_id = customer_id
        try:
            self.block = (
                self._services.blocking.current_block(customer_id)
                if customer_id is not None
                else None
            )
        except NotFoundError:
            self.block = None
        self._render()
        return self.block

    def text(self) -> str:
        return self.label.text()

    def _render(self) -> None:
        block = self.block
        if block is None:
            self.hide()
            return
        why = block.reason or blocking_rules_text(block.rules)
        if block.since is not None and block.by:
            text = (
                self.tr("Client bloqué depuis le %1 par %2")
                .replace("%1", format_date(block.since))
                .replace("%2", block.by)
            )
        elif block.since is not None:
            text = self.tr("Client bloqué depuis le %1").replace("%1", format_date(block.since))
        else:
            text = self.tr("Client bloqué")
        if why:
            text += self.tr(" : %1").replace("%1", why)
        self.label.setText(text)
        if block.reason and block.rules:
            self.label.setToolTip(blocking_rules_text(block.rules))
        background, border, ink = INSOLVENCY_COLORS if block.insolvency else BLOCKED_COLORS
        self.setStyleSheet(
            f"QFrame#blockedBanner {{ background: {background}; border: 1px solid {border}; "
            f"border-radius: 4px; }} QFrame#blockedBanner QLabel {{ color: {ink}; "
            "font-weight: 600; }"
        )
        self.unblock_button.setVisible(self._can_unblock)
        self.show()

    def unblock(self) -> bool:
        """Ask the reason, then lift the block; True when it was lifted."""
        if self.customer_id is None or self.block is None:
            return False
        reason = ask_reason(
            self,
            self.tr("Débloquer le client"),
            self.tr("Pourquoi lever le blocage ? Cette décision est enregistrée à votre nom."),
            self.tr("Débloquer"),
        )
        if reason is None:
            return False
        try:
            self._services.blocking.unblock(self.customer_id, reason)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Déblocage"), field_error_message(exc.errors[0]))
            return False
        except BlockingStateError as exc:
            QMessageBox.information(self, self.tr("Déblocage"), blocking_state_message(exc.blocked))
        customer_id = self.customer_id
        self.show_customer(customer_id)
        self.sig_changed.emit(customer_id)
        return self.block is None
