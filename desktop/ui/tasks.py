"""Long work off the UI thread, with a progress dialog the user can watch.

Services see a plain callable; the Qt machinery stays here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Worker(QThread):
    sig_done = Signal()

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except BaseException as exc:  # handed back to the UI thread, never lost
            self.error = exc
        self.sig_done.emit()


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[], Any]) -> Any:
    """Run `work` on a worker thread while a busy dialog keeps the window painted.

    Returns its result or re-raises its exception on the UI thread.
    """
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setWindowTitle("Encaisse")
    worker = _Worker(work)
    loop = QEventLoop()
    worker.sig_done.connect(loop.quit)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    if worker.error is not None:
        raise worker.error
    return worker.result
