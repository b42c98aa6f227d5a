"""Start-up loads only what the first page needs (issue 9).

pandas, matplotlib, ReportLab and openpyxl are loaded when first used (an import, a chart,
a PDF, an Excel export), and Alembic only to create or upgrade a file: building and
showing the main window on a file already at the current schema loads none of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

from desktop.app import open_file
from desktop.domain.clock import FixedClock
from tests.ui.helpers import create_customer

LAZY = ("pandas", "matplotlib", "reportlab", "openpyxl", "alembic", "numpy")

SHOW_MAIN_WINDOW = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from desktop.app import open_file
    from desktop.ui.main_window import MainWindow
    services = open_file(Path(sys.argv[1]))
    window = MainWindow(services)
    window.show()
    app.processEvents()
    shown = window.customer_list.model.total
    window.close()
    services.close()
    lazy = json.loads(sys.argv[2])
    loaded = sorted({m.split(".")[0] for m in sys.modules} & set(lazy))
    print(json.dumps({"loaded": loaded, "customers": shown}))
    """
)


def test_showing_the_main_window_loads_no_heavy_library(tmp_path: Path) -> None:
    path = tmp_path / "Boulangerie Lefèvre & Fils.sqlite"
    services = open_file(path, FixedClock(datetime(2026, 3, 16, 9, 30)))
    create_customer(services, "Pâtisserie de l'Église & Cie")
    services.close()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SHOW_MAIN_WINDOW, str(path), json.dumps(LAZY)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["customers"] == 1  # the window did show the file's data
    assert report["loaded"] == []


def test_the_command_line_loads_neither_sqlalchemy_nor_qt_before_it_knows_the_command() -> None:
    code = (
        "import sys; import desktop.cli as c; c.build_parser(); import desktop.app; "
        "print(sorted(m for m in ('sqlalchemy', 'PySide6', 'alembic') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
