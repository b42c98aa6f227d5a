"""Labels of the dispute vocabularies (categories, departments, statuses, resolutions)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import Department, DisputeCategory, DisputeResolution, DisputeStatus

# (background, text) of each status badge in the lists; the closed ones are muted.
STATUS_COLORS: dict[DisputeStatus, tuple[str, str]] = {
    # Red is kept for late answers: an open dispute is not yet a problem.
    DisputeStatus.OPEN: ("#e8eef9", "#1f4e99"),
    DisputeStatus.ANALYSIS: ("#fff3d6", "#8a5a00"),
    DisputeStatus.WAITING_CUSTOMER: ("#f1e8f9", "#6a2c91"),
    DisputeStatus.RESOLVED: ("#e3f4e8", "#1e6b34"),
    DisputeStatus.REJECTED: ("#eeeeee", "#555555"),
}


def category_label(category: DisputeCategory) -> str:
    return {
        DisputeCategory.PRICE: QCoreApplication.translate("Disputes", "Prix"),
        DisputeCategory.QUANTITY: QCoreApplication.translate("Disputes", "Quantité"),
        DisputeCategory.WRONG_ITEM: QCoreApplication.translate("Disputes", "Erreur d'article"),
        DisputeCategory.DAMAGED: QCoreApplication.translate(
            "Disputes", "Marchandise abîmée ou non conforme"
        ),
        DisputeCategory.NOT_DELIVERED: QCoreApplication.translate(
            "Disputes", "Non livré ou livré en partie"
        ),
        DisputeCategory.BILLED_TWICE: QCoreApplication.translate("Disputes", "Facturé deux fois"),
        DisputeCategory.INVOICE_ERROR: QCoreApplication.translate(
            "Disputes", "Erreur de TVA ou de facturation"
        ),
        DisputeCategory.MISSING_PO: QCoreApplication.translate(
            "Disputes", "Bon de commande manquant"
        ),
        DisputeCategory.CONTRACT: QCoreApplication.translate(
            "Disputes", "Désaccord sur le contrat"
        ),
        DisputeCategory.OTHER: QCoreApplication.translate("Disputes", "Autre"),
    }[category]


def department_label(department: Department) -> str:
    return {
        Department.SALES: QCoreApplication.translate("Disputes", "Commercial"),
        Department.LOGISTICS: QCoreApplication.translate("Disputes", "Logistique"),
        Department.QUALITY: QCoreApplication.translate("Disputes", "Qualité"),
        Department.ACCOUNTING: QCoreApplication.translate("Disputes", "Comptabilité"),
        Department.MANAGEMENT: QCoreApplication.translate("Disputes", "Direction"),
    }[department]


def dispute_status_label(status: DisputeStatus) -> str:
    return {
        DisputeStatus.OPEN: QCoreApplication.translate("Disputes", "Ouvert"),
        DisputeStatus.ANALYSIS: QCoreApplication.translate("Disputes", "En analyse"),
        DisputeStatus.WAITING_CUSTOMER: QCoreApplication.translate("Disputes", "Attente client"),
        DisputeStatus.RESOLVED: QCoreApplication.translate("Disputes", "Résolu"),
        DisputeStatus.REJECTED: QCoreApplication.translate("Disputes", "Rejeté"),
    }[status]


def resolution_label(resolution: DisputeResolution) -> str:
    return {
        DisputeResolution.CREDIT_NOTE: QCoreApplication.translate("Disputes", "Avoir"),
        DisputeResolution.REISSUED_INVOICE: QCoreApplication.translate(
            "Disputes", "Facture réémise"
        ),
        DisputeResolution.COMMERCIAL_GESTURE: QCoreApplication.translate(
            "Disputes", "Geste commercial"
        ),
        DisputeResolution.REJECTED: QCoreApplication.translate("Disputes", "Rejeté"),
    }[resolution]
