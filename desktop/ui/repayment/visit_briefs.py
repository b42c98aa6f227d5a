"""Saving pre-visit briefs from the UI: one customer's (« Fiche de visite (PDF)… » on the
customer page) or a salesperson's week (« Fiches de visite de la semaine… » in the
Fichier menu)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from desktop.domain.errors import NotFoundError
from desktop.domain.text import safe_file_stem
from desktop.services.registry import Services


def _ask_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("VisitBriefs", "Enregistrer la fiche de visite"),
        suggested,
        QCoreApplication.translate("VisitBriefs", "Document PDF (*.pdf)"),
    )
    return path or None


def _failed(parent: QWidget, exc: Exception) -> None:
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("VisitBriefs", "Fiche non enregistrée"),
        QCoreApplication.translate("VisitBriefs", "Le fichier n'a pas pu être écrit : %1").replace(
            "%1", str(exc)
        ),
    )


def save_customer_brief(
    parent: QWidget, services: Services, customer_id: int, name: str, path: str | None = None
) -> Path | None:
    """Ask where (unless `path`), write the customer's brief and show it."""
    interactive = path is None
    if path is None:
        today = services.context.clock.today()
        path = _ask_path(
            parent,
            QCoreApplication.translate("VisitBriefs", "Fiche de visite %1 %2.pdf")
            .replace("%1", safe_file_stem(name, 60))
            .replace("%2", today.isoformat()),
        )
        if path is None:
            return None
    try:
        written = services.brief.write_pdf(customer_id, Path(path))
    except (OSError, NotFoundError) as exc:
        _failed(parent, exc)
        return None
    if interactive:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
    return written


def save_week_briefs(
    parent: QWidget,
    services: Services,
    salesperson_id: int | None = None,
    path: str | None = None,
) -> tuple[Path | None, int]:
    """Ask which salesperson (unless given) and where, then write the briefs of the
    visits they planned this week into one PDF; (path, count). Says so when no visit is
    planned."""
    interactive = path is None
    if salesperson_id is None:
        people = services.brief.salespeople()
        if not people:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("VisitBriefs", "Fiches de visite"),
                QCoreApplication.translate(
                    "VisitBriefs", "Aucun commercial n'est enregistré (Paramètres › Équipe)."
                ),
            )
            return None, 0
        names = [p.name for p in people]
        chosen, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("VisitBriefs", "Fiches de visite de la semaine"),
            QCoreApplication.translate("VisitBriefs", "Commercial :"),
            names,
            0,
            False,
        )
        if not ok:
            return None, 0
        salesperson_id = people[names.index(chosen)].id
    ids = services.brief.week_customers(salesperson_id)
    if not ids:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("VisitBriefs", "Fiches de visite"),
            QCoreApplication.translate(
                "VisitBriefs", "Aucune visite n'est prévue cette semaine pour ce commercial."
            ),
        )
        return None, 0
    if path is None:
        today = services.context.clock.today()
        path = _ask_path(
            parent,
            QCoreApplication.translate("VisitBriefs", "Fiches de visite %1.pdf").replace(
                "%1", today.isoformat()
            ),
        )
        if path is None:
            return None, 0
    try:
        written, count = services.brief.write_week_pdf(salesperson_id, Path(path))
    except (OSError, NotFoundError) as exc:
        _failed(parent, exc)
        return None, 0
    if interactive:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
    return written, count
