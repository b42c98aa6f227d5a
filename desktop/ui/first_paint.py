"""Quit once a window has painted: the hook of the start-up benchmark.

`desktop.app` installs it when ENCAISSE_BENCH_EXIT_WHEN_SHOWN=1 (see bench/bench_startup.py),
so that the time from process start to a window shown with its data can be measured
from outside, the same way as for a bare PySide6 window (bench/bare_window.py).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class _FirstPaint(QObject):
    def __init__(self, line: str, parent: QObject) -> None:
        super().__init__(parent)
        self._line = line
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            # After this paint and whatever it queued: the page is on screen.
            QTimer.singleShot(0, self._shown)
        return False

    def _shown(self) -> None:
        sys.stdout.write(self._line + "\n")
        sys.stdout.flush()
        QApplication.quit()


def quit_after_first_paint(window: QWidget, line: str) -> None:
    """Print `line` on stdout and quit the application after `window`'s first paint."""
    window.installEventFilter(_FirstPaint(line, window))
