"""The start-up floor: the least a PySide6 application does to show a window with data.

    .venv/bin/python bench/bare_window.py

Imports PySide6, creates a QApplication and a QMainWindow holding a QTableView of a few
rows, shows it, and once the window has painted prints BENCH_SHOWN_LINE on stdout and
quits. `bench/bench_startup.py` times it from before the process starts to that line,
beside Encaisse started the same way (ENCAISSE_BENCH_EXIT_WHEN_SHOWN=1). Nothing else is
imported: no project module, no SQL, no translations.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

BENCH_SHOWN_LINE = "encaisse-window-shown"  # the same line as desktop.app prints

ROWS = (
    ("Boulangerie Lefèvre & Fils SARL", "Saint-Étienne", "12 450,00 €"),
    ("Menuiserie Dupré SAS", "Lyon", "3 210,50 €"),
    ("Garage Mérieux et Associés", "Besançon", "980,00 €"),
    ("Pharmacie Caron", "Évreux", "0,00 €"),
    ("Librairie d'Arcy SCOP", "Nîmes", "1 745,20 €"),
)


class _FirstPaint(QObject):
    """Prints the line and quits after the window's first paint has been delivered."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, _shown)
        return False


def _shown() -> None:
    print(BENCH_SHOWN_LINE, flush=True)
    QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Fenêtre nue")
    model = QStandardItemModel(len(ROWS), 3)
    model.setHorizontalHeaderLabels(["Client", "Ville", "Échu"])
    for row, values in enumerate(ROWS):
        for column, value in enumerate(values):
            model.setItem(row, column, QStandardItem(value))
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 800)
    watcher = _FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
