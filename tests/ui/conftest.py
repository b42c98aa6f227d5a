"""UI-test fixtures: no modal dialog may ever block a test, and a ready main window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from desktop.services.registry import Services
from desktop.ui.main_window import MainWindow


def _unexpected(name: str):  # type: ignore[no-untyped-def]
    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError(
            f"{name} was opened without the test arranging its answer: it would block"
        )

    return refuse


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box or file dialog the test did not expect fails it instead of hanging.

    Tests that expect one monkeypatch it again with the answer they want.
    """
    for name in ("warning", "question", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, _unexpected(f"QMessageBox.{name}"))
    monkeypatch.setattr(QMessageBox, "exec", _unexpected("QMessageBox.exec"))
    for name in ("getText", "getItem", "getInt"):
        monkeypatch.setattr(QInputDialog, name, _unexpected(f"QInputDialog.{name}"))
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, _unexpected(f"QFileDialog.{name}"))


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item):  # type: ignore[no-untyped-def]
    """Once the test is over, a form still holding typed text may be thrown away.

    pytest-qt closes the test's widgets at the very start of teardown, before any fixture
    is finalised; an editing dialog then asks whether to discard what was typed. This
    wrapper runs first and answers « Abandonner » (undone with the test's monkeypatch).
    """
    monkeypatch = getattr(item, "funcargs", {}).get("monkeypatch")
    if monkeypatch is not None:
        monkeypatch.setattr(
            QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
        )
    yield


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return qapp


@pytest.fixture
def keep_locale() -> Iterator[None]:
    """Restore the default QLocale that a translator installation changes."""
    saved = QLocale()
    yield
    QLocale.setDefault(saved)


@pytest.fixture
def window(qtbot, services: Services) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(services)
    qtbot.addWidget(main)
    return main
