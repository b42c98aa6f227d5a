"""`encaisse screenshot PAGE --out F.png`: a page of the main window rendered offscreen."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.services.registry import Services

PAGES = (
    "customers",
    "customer:<SIREN ou id>",
    "invoices:<SIREN ou id>",
    "timeline:<SIREN ou id>",
    "visit:<SIREN ou id>",
    "customer-form",
    "receivables",
    "import-wizard:<fichier>",
    "dashboard",
    "reminders",
    "calendar",
    "week",
    "tasks",
    "plans",
    "proposals",
    "disputes",
    "imports",
    "settings",
    "welcome",
)


class UnknownPageError(ValueError):
    pass


def take_screenshot(
    services: Services,
    page: str,
    out: Path,
    size: tuple[int, int] = (1280, 800),
    lang: str | None = None,
) -> None:
    """Render `page` at `size` and save it as PNG; raises UnknownPageError for a bad name."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import install_translators
    from desktop.ui.main_window import Area, MainWindow

    app = QApplication.instance() or QApplication([])
    _lang, _translators = install_translators(app, lang)
    window = MainWindow(services)
    window.resize(*size)
    areas = {
        "dashboard": Area.DASHBOARD,
        "customers": Area.CUSTOMERS,
        "receivables": Area.RECEIVABLES,
        "reminders": Area.REMINDERS,
        "proposals": Area.PROPOSALS,
        "disputes": Area.DISPUTES,
        "imports": Area.IMPORTS,
        "settings": Area.SETTINGS,
    }
    target = window
    kind, _, key = page.partition(":")
    if kind in areas and not key:
        window.go_to(areas[kind])
    elif kind in ("calendar", "week", "tasks") and not key:
        window.go_to(Area.REMINDERS)
        page_widget = window.reminders_page
        tab = {
            "calendar": page_widget.month,
            "week": page_widget.week,
            "tasks": page_widget.task_list,
        }
        page_widget.tabs.setCurrentWidget(tab[kind])
    elif kind in ("customer", "visit", "invoices", "timeline") and key:
        customer_id = services.customers.find_id(key)
        if customer_id is None:
            raise UnknownPageError(f"aucun client « {key} »")
        window.open_customer(customer_id)
        if kind == "invoices":
            window.customer_page.show_invoices()
        if kind == "timeline":
            from desktop.ui.customers.customer_page import TAB_TIMELINE

            window.customer_page.tabs.setCurrentIndex(TAB_TIMELINE)
        if kind == "visit":
            from desktop.ui.customers.visit_form import VisitReportDialog

            reports = services.visits.for_customer(customer_id)
            target = VisitReportDialog(
                services, customer_id, reports[0].id if reports else None, window
            )
    elif kind == "customer-form":
        from desktop.ui.customers.customer_form import CustomerDialog

        first = services.customers.page(window.customer_list.current_filter(), limit=1)
        target = CustomerDialog(services, first[0].id if first else None, window)
    elif kind == "import-wizard" and key:
        from desktop.ui.imports.wizard import ImportWizard

        window.go_to(Area.IMPORTS)
        target = ImportWizard(services, window, key)
        target.resize(*size)
    elif kind == "plans":
        from desktop.ui.reminders.plan_editor import PlanEditorDialog

        window.go_to(Area.SETTINGS)
        target = PlanEditorDialog(services, window)
    elif kind == "welcome":
        from desktop.ui.welcome import WelcomeDialog

        target = WelcomeDialog(services.path)
    else:
        raise UnknownPageError(f"page inconnue « {page} » ; pages : {', '.join(PAGES)}")
    window.show()
    if target is not window:
        target.show()
    for _ in range(5):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not target.grab().save(str(out), "PNG"):
        raise OSError(f"impossible d'écrire {out}")
    if target is not window:
        target.close()
    window.close()
