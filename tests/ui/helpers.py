"""Small helpers shared by the UI tests: realistic records, showing windows, reading labels."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.domain.customer import Address, CustomerDraft
from desktop.domain.enums import CustomerStatus
from desktop.services.registry import Services

# Luhn-valid SIRENs (and one that is not).
SIREN_EPI = "732829320"
SIREN_OTHER = "552100554"
SIREN_THIRD = "542051180"
SIREN_INVALID = "732829321"
BE_ENTERPRISE = "0403.170.701"

EPI_NAME = "Boulangerie Pâtisserie L'Épi d'Or"
DUPONT_NAME = "Dupont & Fils <SARL>"


def draft(name: str = EPI_NAME, city: str = "Lyon", postal_code: str = "69002", **changes: Any):
    """A French business customer, active, with a billing address."""
    base = CustomerDraft(
        legal_name=name,
        status=CustomerStatus.ACTIVE,
        billing_address=Address("12, rue de l'Église", "", postal_code, city),
    )
    return replace(base, **changes)


def create_customer(services: Services, name: str = EPI_NAME, **changes: Any) -> int:
    return services.customers.create(draft(name, **changes))


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type `text` key by key, accents included.

    QTest.keyClicks only knows ASCII and a few upper-case Latin-1 letters: on « â », « é »,
    « œ » or « ’ » it aborts the whole test process (Q_ASSERT in qasciikey.cpp). Such
    characters are sent as the key events a keyboard layout or input method produces:
    no key code, the character as the event's text. A line break is the Return key.
    """
    run = ""
    for char in text:
        if char.isascii() and char.isprintable():
            run += char
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if char == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
    if run:
        qtbot.keyClicks(widget, run)


def show_active(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    """Show a top-level widget and make it the active window, so focus and shortcuts work."""
    with qtbot.waitExposed(widget):
        widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
    return widget


def displayed_text(label: QLabel) -> str:
    """What a QLabel actually shows: rich text is rendered, plain text is shown as is."""
    text = label.text()
    fmt = label.textFormat()
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def error_text(holder: Any, field: str) -> str:
    """The message under `field` of a form using an ErrorMap, '' when the label is hidden."""
    label = holder.errors.label(field)
    assert label is not None, f"no error label for {field!r}"
    return label.text() if not label.isHidden() else ""
