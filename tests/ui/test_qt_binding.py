"""The Qt binding must not lose references to None.

PySide6 6.12.0 under Python 3.11 decrements None's reference count on every call of a
void method (setData, setFont, setForeground…): after a few hours of use the count
reaches zero and the interpreter aborts ("deallocating None"). pyproject.toml keeps the
binding below that version; this test fails if an upgrade brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def test_void_calls_keep_the_reference_count_of_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tree.setColumnCount(2)
    item = QTreeWidgetItem(["Boulangerie L'Épi d'Or & Fils", "1 234,56 €"])
    tree.addTopLevelItem(item)
    before = sys.getrefcount(None)
    for index in range(2000):
        item.setData(0, Qt.ItemDataRole.UserRole, index)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
    # Unrelated objects may come and go meanwhile; a leak would show as -4000.
    assert sys.getrefcount(None) - before > -200
