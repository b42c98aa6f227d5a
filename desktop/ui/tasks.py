"""Long work off the UI thread, with a progress dialog the user can watch and cancel.

Services see the plain `progress(fraction)` / `cancelled()` protocol; the Qt machinery
(worker thread, queued signals, dialog) stays here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

ProgressFn = Callable[[float], None]
CancelledFn = Callable[[], bool]

STEPS = 1000


class TaskCancelled(Exception):
    """The user pressed Annuler; the work stopped and wrote nothing."""


class _Worker(QThread):
    sig_progress = Signal(int)
    sig_done = Signal()

    def __init__(self, work: Callable[[ProgressFn, CancelledFn], Any]) -> None:
        super().__init__()
        self._work = work
        self.cancel_requested = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work(self._report, self.cancel_requested.is_set)
        except BaseException as exc:  # handed back to the UI thread, never lost
            self.error = exc
        self.sig_done.emit()

    def _report(self, fraction: float) -> None:
        # Emitted from the worker thread: Qt queues it to the dialog in the UI thread.
        self.sig_progress.emit(int(max(0.0, min(1.0, fraction)) * STEPS))


def run_task(
    parent: QWidget | None,
    label: str,
    work: Callable[[ProgressFn, CancelledFn], Any],
    *,
    cancellable: bool = True,
    cancel_text: str = "",
    busy: bool = False,
) -> Any:
    """Run `work(progress, cancelled)` on a worker thread; the window keeps repainting.

    Returns its result or re-raises its exception on the UI thread. When the user
    cancels, `cancelled()` becomes true; the work is expected to stop and raise.
    """
    dialog = QProgressDialog(label, cancel_text, 0, STEPS, parent)
    dialog.setWindowTitle("Encaisse")
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    if busy:
        dialog.setRange(0, 0)  # no fraction to show: a moving bar
    worker = _Worker(work)
    loop = QEventLoop()
    worker.sig_progress.connect(dialog.setValue)
    worker.sig_done.connect(loop.quit)
    dialog.canceled.connect(worker.cancel_requested.set)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[], Any]) -> Any:
    """Run `work()` off the UI thread behind a busy indicator (no cancel)."""

    def wrapped(_progress: ProgressFn, _cancelled: CancelledFn) -> Any:
        return work()

    return run_task(parent, label, wrapped, cancellable=False, busy=True)
