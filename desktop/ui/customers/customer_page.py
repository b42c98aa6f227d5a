"""One customer: identity, addresses, terms, contacts, ratings, visit reports, timeline."""

from __future__ import annotations

import json
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.customer import Address
from desktop.domain.enums import (
    ActionStatus,
    Assessment,
    CallOutcome,
    Channel,
    Country,
    CustomerStatus,
    DisputeCategory,
    DisputeResolution,
    DisputeStatus,
    PromiseStatus,
    RatingSource,
)
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.identifiers import format_be_enterprise_number
from desktop.domain.money import format_cents
from desktop.domain.score import ScoreFactor, ScoreResult
from desktop.domain.text import safe_file_stem
from desktop.services.blocking import BlockingStateError
from desktop.services.customers import CustomerDetail
from desktop.services.registry import Services
from desktop.services.timeline import TimelineEntry, TimelineKind
from desktop.services.visits import VisitReportData
from desktop.ui.audit.customer_audit_tab import CustomerAuditTab
from desktop.ui.blocking.banner import BlockedBanner
from desktop.ui.blocking.insolvency_dialog import InsolvencyDialog
from desktop.ui.blocking.reason_dialog import ask_reason
from desktop.ui.check_dialog import DoubtfulFormDialog
from desktop.ui.customers.customer_form import CustomerDialog
from desktop.ui.customers.documents_tab import DocumentsTab
from desktop.ui.customers.personal_data import PersonalDataActions
from desktop.ui.customers.score_history import ScoreHistoryWidget
from desktop.ui.customers.small_dialogs import ContactDialog, RatingDialog
from desktop.ui.customers.visit_form import VisitReportDialog
from desktop.ui.dates import format_date
from desktop.ui.disputes.customer_tab import CustomerDisputesTab
from desktop.ui.disputes.labels import (
    category_label,
    dispute_status_label,
    resolution_label,
)
from desktop.ui.messages import (
    assessment_label,
    blocking_state_message,
    country_label,
    field_error_message,
    field_label,
    insolvency_label,
    payment_terms_text,
    rating_source_label,
    topic_label,
)
from desktop.ui.reminders.action_dialogs import PromiseDialog
from desktop.ui.reminders.labels import channel_label, outcome_label, promise_status_label
from desktop.ui.repayment.plans_tab import CustomerPlansTab
from desktop.ui.repayment.visit_briefs import save_customer_brief
from desktop.ui.score_style import SCORE_COLORS
from desktop.ui.widgets import StatusBadge, read_only_form, value_label

RECEIVABLE_KINDS = (
    TimelineKind.INVOICE,
    TimelineKind.CREDIT_NOTE,
    TimelineKind.PAYMENT,
    TimelineKind.INVOICE_SETTLED,
)
REMINDER_KINDS = (
    TimelineKind.REMINDER,
    TimelineKind.PROMISE,
    TimelineKind.TASK,
)

TAB_SUMMARY, TAB_INVOICES, TAB_TIMELINE, TAB_VISITS, TAB_CONTACTS, TAB_RATINGS = range(6)
TAB_DISPUTES = 6
TAB_PLANS = 7
TAB_AUDIT = 8

ASSESSMENT_COLORS = {
    Assessment.REASSURING: "#1e6b34",
    Assessment.NEUTRAL: "#555555",
    Assessment.WORRYING: "#a1261f",
    Assessment.NOT_OBSERVED: "#999999",
}


def _address_text(address: Address) -> str:
    lines = [address.line1, address.line2, f"{address.postal_code} {address.city}".strip()]
    if address.country is not Country.FRANCE:
        lines.append(country_label(address.country))
    return "\n".join(line for line in lines if line)


def _score_band_text(band: str) -> str:
    return {
        "good": QCoreApplication.translate("ScoreBox", "sain"),
        "watch": QCoreApplication.translate("ScoreBox", "à surveiller"),
        "risk": QCoreApplication.translate("ScoreBox", "à risque"),
    }.get(band, band)


def _score_factor_text(factor: ScoreFactor) -> str:
    """One factor of the score in words (the domain gives a code and figures)."""
    f = factor.figures

    # Literal translate() calls: lupdate files them under "ScoreBox" only that way.
    if factor.code == "payment_delay":
        return (
            QCoreApplication.translate(
                "ScoreBox",
                "Retard moyen de paiement sur 12 mois : %1 j (%2 facture(s) réglée(s), %3)",
            )
            .replace("%1", f"{f['average_days_late']:g}".replace(".", ","))
            .replace("%2", str(f["invoices"]))
            .replace("%3", format_cents(f["amount_cents"]))
        )
    if factor.code == "overdue_share":
        return (
            QCoreApplication.translate("ScoreBox", "Part échue de l'encours : %1 % (%2 sur %3)")
            .replace("%1", str(f["share_percent"]))
            .replace("%2", format_cents(f["overdue_cents"]))
            .replace("%3", format_cents(f["open_cents"]))
        )
    if factor.code == "open_disputes":
        return (
            QCoreApplication.translate("ScoreBox", "Litiges en cours : %1 (%2 contestés)")
            .replace("%1", str(f["count"]))
            .replace("%2", format_cents(f["disputed_cents"]))
        )
    if factor.code == "external_rating":
        try:
            source = rating_source_label(RatingSource(f["source"]))
        except ValueError:
            source = f["source"]
        return (
            QCoreApplication.translate("ScoreBox", "Note %1 %2 du %3 (poids %4 % selon son âge)")
            .replace("%1", source)
            .replace("%2", f["value"])
            .replace("%3", format_date(date.fromisoformat(f["rated_on"])))
            .replace("%4", str(f["weight_percent"]))
        )
    if factor.code == "visit_observations":
        return (
            QCoreApplication.translate(
                "ScoreBox",
                "Rapports de visite : %1 observation(s) inquiétante(s), %2 rassurante(s), "
                "dernière visite le %3",
            )
            .replace("%1", str(f["worrying"]))
            .replace("%2", str(f["reassuring"]))
            .replace("%3", format_date(date.fromisoformat(f["latest_visit"])))
        )
    if factor.code == "insolvency":
        return QCoreApplication.translate("ScoreBox", "Procédure collective : score ramené à 0")
    return factor.code


class CustomerPage(QWidget):
    sig_back = Signal()
    sig_changed = Signal(int)
    sig_deleted = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id: int | None = None
        self.detail: CustomerDetail | None = None

        self.back_button = QPushButton(self.tr("← Liste des clients"))
        self.back_button.setToolTip(self.tr("Revenir à la liste (Échap)"))
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(self.sig_back)
        self.name_label = QLabel()
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setStyleSheet("QLabel { font-size: 18pt; font-weight: 600; }")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setWordWrap(True)
        self.badge = StatusBadge(CustomerStatus.PROSPECT)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setStyleSheet("QLabel { color: #555; }")
        self.edit_button = QPushButton(self.tr("Modifier…"))
        self.edit_button.setToolTip(self.tr("Modifier la fiche (Ctrl+E)"))
        self.visit_button = QPushButton(self.tr("Nouveau rapport de visite…"))
        self.visit_button.setToolTip(self.tr("Rédiger un rapport de visite (Ctrl+R)"))
        self.statement_button = QPushButton(self.tr("Relevé de compte…"))
        self.statement_button.setToolTip(
            self.tr("Enregistrer le relevé de compte en PDF, prêt à envoyer (Ctrl+P)")
        )
        self.statement_button.clicked.connect(lambda: self.save_statement())
        # The rarer actions sit in one menu: the bar stays readable on a laptop screen.
        self.more_menu = QMenu(self)
        self.more_menu.setToolTipsVisible(True)

        def action(text: str, tip: str, slot) -> QAction:  # type: ignore[no-untyped-def]
            item = self.more_menu.addAction(text)
            item.setToolTip(tip)
            item.setStatusTip(tip)
            item.triggered.connect(lambda _checked=False: slot())
            return item

        self.promise_action = action(
            self.tr("Promesse de paiement…"),
            self.tr("Noter une promesse de paiement : les relances attendent jusqu'à sa date"),
            self.record_promise,
        )
        self.plan_action = action(
            self.tr("Plan d'apurement…"),
            self.tr("Échelonner les factures échues : échéancier à faire signer"),
            self.new_repayment_plan,
        )
        self.proposal_action = action(
            self.tr("Nouvelle proposition…"),
            self.tr("Préparer une proposition commerciale avec son échéancier de paiement"),
            self.new_proposal,
        )
        self.brief_action = action(
            self.tr("Fiche de visite (PDF)…"),
            self.tr("Une page à lire avant la visite : retards, litiges, points à aborder"),
            self.save_visit_brief,
        )
        self.more_menu.addSeparator()
        self.block_action = action(
            self.tr("Bloquer…"),
            self.tr("Bloquer ce client (décision motivée)"),
            self.block_customer,
        )
        self.insolvency_action = action(
            self.tr("Procédure collective…"),
            self.tr("Enregistrer un jugement d'ouverture : relances arrêtées, client bloqué"),
            self.record_insolvency,
        )
        self.claim_action = action(
            self.tr("Déclaration de créance (PDF)…"),
            self.tr("Enregistrer le récapitulatif de la créance à déclarer au mandataire"),
            self.save_claim,
        )
        self.doubtful_action = action(
            self.tr("Signaler comme douteuse…"),
            self.tr("Ajouter ce client à la liste des entreprises douteuses, avec le motif"),
            self.report_doubtful,
        )
        self.more_menu.addSeparator()
        self.delete_action = action(
            self.tr("Supprimer…"), self.tr("Supprimer ce client"), self.delete_customer
        )
        self.more_button = QPushButton(self.tr("Plus d'actions"))
        self.more_button.setMenu(self.more_menu)
        self.more_button.setAccessibleName(self.tr("Plus d'actions sur ce client"))
        self.banner = BlockedBanner(services)
        self.banner.sig_changed.connect(self._block_changed)
        self.edit_button.clicked.connect(self.edit_customer)
        self.visit_button.clicked.connect(lambda: self.new_visit_report())

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.visit_button)
        top.addWidget(self.statement_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.more_button)
        title_row = QHBoxLayout()
        title_row.addWidget(self.name_label, 1)
        title_row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_summary_tab(), self.tr("Fiche"))
        self.documents_tab = DocumentsTab(services)
        self.tabs.addTab(self.documents_tab, self.tr("Factures"))
        self.tabs.addTab(self._build_timeline_tab(), self.tr("Chronologie"))
        self.tabs.addTab(self._build_visits_tab(), self.tr("Rapports de visite"))
        self.tabs.addTab(self._build_contacts_tab(), self.tr("Contacts"))
        self.tabs.addTab(self._build_ratings_tab(), self.tr("Notations externes"))
        self.disputes_tab = CustomerDisputesTab(services)
        self.tabs.addTab(self.disputes_tab, self.tr("Litiges"))
        self.disputes_tab.sig_changed.connect(self._disputes_changed)
        self.documents_tab.sig_dispute_opened.connect(lambda _id: self._disputes_changed())
        self.plans_tab = CustomerPlansTab(services)
        self.tabs.addTab(self.plans_tab, self.tr("Plans d'apurement"))
        self.plans_tab.sig_changed.connect(self._disputes_changed)
        # Read when first shown (see ui.audit.customer_audit_tab).
        self.audit_tab = CustomerAuditTab(services)
        self.tabs.addTab(self.audit_tab, self.tr("Historique des modifications"))
        self.tabs.currentChanged.connect(self._tab_shown)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(title_row)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)

        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.edit_customer)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=lambda: self.save_statement())
        QShortcut(QKeySequence("Ctrl+R"), self, activated=lambda: self.new_visit_report())
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.sig_back.emit)
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.sig_back.emit)

    # --- tabs --------------------------------------------------------------------------

    def _build_summary_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.identity_box = QGroupBox(self.tr("Identité"))
        self.identity_form = read_only_form()
        self.identity_box.setLayout(self.identity_form)
        self.address_box = QGroupBox(self.tr("Adresses et coordonnées"))
        self.address_form = read_only_form()
        self.address_box.setLayout(self.address_form)
        self.terms_box = QGroupBox(self.tr("Conditions commerciales"))
        self.terms_form = read_only_form()
        self.terms_box.setLayout(self.terms_form)
        self.notes_box = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(self.notes_box)
        self.notes_label = value_label("")
        self.notes_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        notes_layout.addWidget(self.notes_label)
        grid.addWidget(self.identity_box, 0, 0)
        grid.addWidget(self.address_box, 0, 1)
        grid.addWidget(self.terms_box, 1, 0)
        grid.addWidget(self.notes_box, 1, 1)
        grid.addWidget(self._build_score_box(), 2, 0, 1, 2)
        grid.setRowStretch(3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return page

    def _build_score_box(self) -> QGroupBox:
        """The solvency score with its colour, each factor's points, and its rules."""
        self.score_box = QGroupBox(self.tr("Score de solvabilité"))
        layout = QVBoxLayout(self.score_box)
        head = QHBoxLayout()
        self.score_label = QLabel()
        self.score_label.setTextFormat(Qt.TextFormat.PlainText)
        self.score_label.setAccessibleName(self.tr("Score de solvabilité"))
        self.score_rules_button = QPushButton(self.tr("Règles du score…"))
        self.score_rules_button.setToolTip(self.tr("Comment le score est calculé"))
        self.score_rules_button.clicked.connect(self.show_score_rules)
        head.addWidget(self.score_label)
        head.addStretch(1)
        head.addWidget(self.score_rules_button)
        layout.addLayout(head)
        self.score_factors = QTreeWidget()
        self.score_factors.setHeaderLabels([self.tr("Points"), self.tr("Facteur")])
        self.score_factors.setRootIsDecorated(False)
        self.score_factors.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.score_factors.setAccessibleName(self.tr("Contributions au score"))
        self.score_factors.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.score_factors.setMaximumHeight(150)
        layout.addWidget(self.score_factors)
        self.score_history = ScoreHistoryWidget()  # the stored points (migration 0011)
        layout.addWidget(self.score_history)
        self.score_rules_box: QMessageBox | None = None
        return self.score_box

    def _fill_score(self, customer_id: int) -> None:
        # Computed and stored: what the page shows is what the list sorts on.
        result = self._services.score.refresh_customer(
            customer_id, self._services.context.clock.today()
        )
        self.score_result: ScoreResult = result
        self.score_history.set_points(self._services.score.history(customer_id, limit=12))
        self.score_label.setText(
            self.tr("%1/100 — %2 (base %3)")
            .replace("%1", str(result.score))
            .replace("%2", _score_band_text(result.band))
            .replace("%3", str(result.base))
        )
        self.score_label.setStyleSheet(
            f"QLabel {{ font-size: 14pt; font-weight: 600; color: {SCORE_COLORS[result.band]}; }}"
        )
        self.score_factors.clear()
        for factor in result.factors:
            points = f"+{factor.points}" if factor.points > 0 else str(factor.points)
            item = QTreeWidgetItem([points.replace("-", "\u2212"), _score_factor_text(factor)])
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if factor.points:
                item.setForeground(0, QColor(SCORE_COLORS["good" if factor.points > 0 else "risk"]))
            self.score_factors.addTopLevelItem(item)
        if not result.factors:
            self.score_factors.addTopLevelItem(
                QTreeWidgetItem(["", self.tr("Rien de connu : le score reste à sa base.")])
            )

    def show_score_rules(self) -> QMessageBox:
        """The versioned rules of the score, in a window that does not block."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Règles du score de solvabilité"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(self._services.score.rules())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.score_rules_box = box
        return box

    def _build_timeline_tab(self) -> QWidget:
        self._timeline_view = QTextBrowser()
        self._timeline_view.setOpenLinks(False)
        self._timeline_view.setAccessibleName(self.tr("Chronologie du client"))
        self._timeline_view.anchorClicked.connect(self._timeline_link)
        # Filled when its tab is first shown (see `timeline`).
        self._timeline_stale = False
        self._timeline_reports: list[VisitReportData] = []
        return self._timeline_view

    @property
    def timeline(self) -> QTextBrowser:
        """The timeline view, filled first if it waits for its tab to be shown."""
        self._ensure_timeline()
        return self._timeline_view

    def _ensure_timeline(self) -> None:
        # The timeline reads every invoice and payment of the customer, the heaviest part
        # of a page with thousands of documents: it is read when its tab is first shown
        # (or asked for), not at each opening of the page (issue 9).
        if self._timeline_stale and self.customer_id is not None:
            self._timeline_stale = False
            entries = self._services.timeline.for_customer(self.customer_id)
            self._fill_timeline(entries, self._timeline_reports)

    def _tab_shown(self, index: int) -> None:
        if index == TAB_TIMELINE:
            self._ensure_timeline()

    def _build_visits_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.visits = QTreeWidget()
        self.visits.setRootIsDecorated(False)
        self.visits.setAccessibleName(self.tr("Rapports de visite"))
        self.visits.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Commercial"),
                self.tr("Points inquiétants"),
                self.tr("À retenir"),
            ]
        )
        self.visits.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.visits.setColumnWidth(0, 100)
        self.visits.setColumnWidth(1, 160)
        self.visits.setColumnWidth(2, 220)
        self.visits.itemActivated.connect(
            lambda item, _c: self.edit_visit_report(item.data(0, Qt.ItemDataRole.UserRole))
        )
        self.visits.itemDoubleClicked.connect(
            lambda item, _c: self.edit_visit_report(item.data(0, Qt.ItemDataRole.UserRole))
        )
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Nouveau rapport…"))
        add.clicked.connect(lambda: self.new_visit_report())
        edit = QPushButton(self.tr("Ouvrir…"))
        edit.clicked.connect(self._edit_selected_visit)
        remove = QPushButton(self.tr("Supprimer…"))
        remove.clicked.connect(self._delete_selected_visit)
        buttons.addWidget(add)
        buttons.addWidget(edit)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.visits)
        return page

    def _build_contacts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.contacts = QTreeWidget()
        self.contacts.setRootIsDecorated(False)
        self.contacts.setAccessibleName(self.tr("Contacts"))
        self.contacts.setHeaderLabels(
            [
                self.tr("Nom"),
                self.tr("Fonction"),
                self.tr("E-mail"),
                self.tr("Téléphone"),
                self.tr("Rôle"),
            ]
        )
        self.contacts.setColumnWidth(0, 200)
        self.contacts.setColumnWidth(1, 160)
        self.contacts.setColumnWidth(2, 240)
        self.contacts.setColumnWidth(3, 140)
        self.contacts.itemDoubleClicked.connect(lambda _i, _c: self._edit_selected_contact())
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Ajouter…"))
        add.clicked.connect(self._add_contact)
        edit = QPushButton(self.tr("Modifier…"))
        edit.clicked.connect(self._edit_selected_contact)
        remove = QPushButton(self.tr("Supprimer…"))
        remove.clicked.connect(self._delete_selected_contact)
        for b in (add, edit, remove):
            buttons.addWidget(b)
        # « Exporter / Effacer ses données… » (GDPR): see ui.customers.personal_data.
        self.personal_data = PersonalDataActions(
            self._services, self.contacts, lambda: self.customer_id, self.reload, page
        )
        self.personal_data.add_to(buttons)
        self.personal_data.sig_erased.connect(self.sig_changed)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.contacts)
        return page

    def _build_ratings_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.ratings = QTreeWidget()
        self.ratings.setRootIsDecorated(False)
        self.ratings.setAccessibleName(self.tr("Notations externes"))
        self.ratings.setHeaderLabels(
            [self.tr("Date"), self.tr("Source"), self.tr("Note"), self.tr("Commentaire")]
        )
        self.ratings.setColumnWidth(0, 100)
        self.ratings.setColumnWidth(1, 200)
        self.ratings.setColumnWidth(2, 80)
        self.ratings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Ajouter une notation…"))
        add.clicked.connect(self._add_rating)
        remove = QPushButton(self.tr("Supprimer…"))
        remove.clicked.connect(self._delete_selected_rating)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.ratings)
        return page

    # --- loading -----------------------------------------------------------------------

    def report_doubtful(self) -> None:
        """Put the customer shown on the doubtful list (reason and source asked)."""
        if self.customer_id is None or self.detail is None:
            return
        form = DoubtfulFormDialog(
            self._services, self.customer_id, self.detail.display_name, parent=self
        )
        form.exec()

    def show_customer(self, customer_id: int) -> bool:
        """Load and show a customer; False if it no longer exists."""
        try:
            detail = self._services.customers.get(customer_id)
        except NotFoundError:
            return False
        self.customer_id = customer_id
        self.detail = detail
        d = detail.draft
        self.name_label.setText(d.legal_name)
        self.badge.set_status(d.status)
        facts = [d.legal_form, detail.segment_name]
        if detail.salesperson_name:
            facts.append(self.tr("suivi par %s") % detail.salesperson_name)
        if d.billing_address.city:
            facts.append(d.billing_address.city)
        self.subtitle.setText(" · ".join(f for f in facts if f))
        blocked = self.banner.show_customer(customer_id) is not None
        self.block_action.setVisible(not blocked)
        self.claim_action.setVisible(d.insolvency_opened_on is not None)
        self._fill_summary(detail)
        self._fill_score(customer_id)
        self._fill_contacts(detail)
        self._fill_ratings(detail)
        reports = self._services.visits.for_customer(customer_id)
        self._fill_visits(reports)
        self._timeline_reports = reports
        self._timeline_stale = True
        if self.tabs.currentIndex() == TAB_TIMELINE:
            self._ensure_timeline()
        open_items = self.documents_tab.show_customer(customer_id)
        self.tabs.setTabText(TAB_INVOICES, self.tr("Factures (%n ouverte(s))", "", open_items))
        in_progress = self.disputes_tab.show_customer(customer_id)
        self.tabs.setTabText(
            TAB_DISPUTES,
            self.tr("Litiges (%n en cours)", "", in_progress)
            if in_progress
            else self.tr("Litiges"),
        )
        self.audit_tab.show_customer(customer_id)
        running = self.plans_tab.show_customer(customer_id, d.legal_name)
        self.tabs.setTabText(
            TAB_PLANS,
            self.tr("Plans d'apurement (%n en cours)", "", running)
            if running
            else self.tr("Plans d'apurement"),
        )
        return True

    def show_disputes(self) -> None:
        self.tabs.setCurrentIndex(TAB_DISPUTES)

    def _disputes_changed(self, *_args: object) -> None:
        """A dispute changes what is chased and, closed by a credit note, the balance."""
        self.reload()
        if self.customer_id is not None:
            self.sig_changed.emit(self.customer_id)

    def show_invoices(self) -> None:
        self.tabs.setCurrentIndex(TAB_INVOICES)

    def reload(self) -> None:
        if self.customer_id is not None:
            self.show_customer(self.customer_id)

    def _fill_summary(self, detail: CustomerDetail) -> None:
        d = detail.draft
        for form in (self.identity_form, self.address_form, self.terms_form):
            while form.rowCount():
                form.removeRow(0)
        identity = [
            (self.tr("Raison sociale"), d.legal_name),
            (self.tr("Nom commercial"), d.trade_name),
            (self.tr("Forme juridique"), d.legal_form),
        ]
        if d.siren:
            identity.append((self.tr("SIREN"), f"{d.siren[:3]} {d.siren[3:6]} {d.siren[6:]}"))
        if d.siret:
            identity.append((self.tr("SIRET"), d.siret))
        if d.enterprise_number:
            identity.append(
                (self.tr("N° d'entreprise"), format_be_enterprise_number(d.enterprise_number))
            )
        identity += [
            (self.tr("N° de TVA"), d.vat_number),
            (self.tr("Compte auxiliaire"), d.account_code),
            (
                self.tr("Type"),
                self.tr("Particulier") if d.is_consumer else self.tr("Professionnel"),
            ),
        ]
        for label, value in identity:
            self.identity_form.addRow(label, value_label(value))
        self.address_form.addRow(
            self.tr("Facturation"), value_label(_address_text(d.billing_address))
        )
        if not d.delivery_address.is_empty():
            self.address_form.addRow(
                self.tr("Livraison"), value_label(_address_text(d.delivery_address))
            )
        self.address_form.addRow(self.tr("E-mail"), value_label(d.email))
        self.address_form.addRow(self.tr("Téléphone"), value_label(d.phone))
        self.address_form.addRow(self.tr("Site web"), value_label(d.website))
        terms = [
            (self.tr("Segment"), detail.segment_name),
            (self.tr("Commercial"), detail.salesperson_name),
            (
                self.tr("Délai de paiement"),
                payment_terms_text(d.payment_terms_days, d.payment_terms_basis),
            ),
            (
                self.tr("Plafond de crédit"),
                format_cents(d.credit_limit_cents)
                if d.credit_limit_cents is not None
                else self.tr("aucun"),
            ),
            (
                self.tr("Langue des courriers"),
                self.tr("Français") if d.language == "fr" else self.tr("Anglais"),
            ),
        ]
        if d.insolvency_kind or d.insolvency_opened_on:
            terms.append(
                (
                    self.tr("Procédure collective"),
                    " · ".join(
                        p
                        for p in (
                            insolvency_label(d.insolvency_kind) if d.insolvency_kind else "",
                            self.tr("ouverte le %s") % format_date(d.insolvency_opened_on)
                            if d.insolvency_opened_on
                            else "",
                            self.tr("BODACC du %s") % format_date(d.bodacc_published_on)
                            if d.bodacc_published_on
                            else "",
                        )
                        if p
                    ),
                )
            )
        for label, value in terms:
            self.terms_form.addRow(label, value_label(value))
        self.notes_label.setText(d.notes or "—")

    def _fill_contacts(self, detail: CustomerDetail) -> None:
        self.contacts.clear()
        for contact in detail.contacts:
            roles = []
            if contact.is_primary:
                roles.append(self.tr("principal"))
            if contact.receives_reminders:
                roles.append(self.tr("reçoit les relances"))
            item = QTreeWidgetItem(
                [contact.full_name, contact.role, contact.email, contact.phone, ", ".join(roles)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, contact)
            self.contacts.addTopLevelItem(item)
        self.tabs.setTabText(TAB_CONTACTS, self.tr("Contacts (%n)", "", len(detail.contacts)))

    def _fill_ratings(self, detail: CustomerDetail) -> None:
        self.ratings.clear()
        for rating in detail.ratings:
            item = QTreeWidgetItem(
                [
                    format_date(rating.rated_on),
                    rating_source_label(rating.source),
                    rating.value,
                    rating.comment,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, rating.id)
            self.ratings.addTopLevelItem(item)
        self.tabs.setTabText(
            TAB_RATINGS, self.tr("Notations externes (%n)", "", len(detail.ratings))
        )

    def _fill_visits(self, reports: list[VisitReportData]) -> None:
        self.visits.clear()
        for report in reports:
            d = report.draft
            worrying = ", ".join(topic_label(t) for t in report.worrying_topics)
            summary = (d.for_credit_management or d.free_text).replace("\n", " ")
            item = QTreeWidgetItem(
                [format_date(d.visit_date), report.author_name, worrying, summary]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, report.id)
            if report.worrying_topics:
                item.setForeground(2, QColor(ASSESSMENT_COLORS[Assessment.WORRYING]))
            self.visits.addTopLevelItem(item)
        self.tabs.setTabText(TAB_VISITS, self.tr("Rapports de visite (%n)", "", len(reports)))

    def _fill_timeline(
        self, entries: list[TimelineEntry], visit_reports: list[VisitReportData]
    ) -> None:
        if not entries:
            self._timeline_view.setHtml(
                f"<p style='color:#666'>{escape(self.tr('Aucun événement.'))}</p>"
            )
            return
        # The reports are already loaded for their tab: no second query.
        reports = {r.id: r for r in visit_reports}
        parts = ["<table width='100%' cellspacing='0' cellpadding='6'>"]
        for entry in entries:
            title, body = self._timeline_text(entry, reports)
            parts.append(
                "<tr>"
                f"<td valign='top' width='90' style='color:#555'>{escape(format_date(entry.on))}</td>"
                f"<td valign='top'><b>{title}</b>" + (f"<br>{body}" if body else "") + "</td></tr>"
            )
        parts.append("</table>")
        self._timeline_view.setHtml("".join(parts))

    def _timeline_text(
        self, entry: TimelineEntry, reports: dict[int, VisitReportData]
    ) -> tuple[str, str]:
        """(title, body) as HTML with everything typed by users escaped."""
        who = escape(entry.actor)
        if entry.kind is TimelineKind.CREATED:
            return escape(self.tr("Fiche créée")) + (f" — {who}" if who else ""), ""
        if entry.kind is TimelineKind.UPDATED:
            names = json.loads(entry.facts.get("changes") or "{}")
            changed = list(dict.fromkeys(field_label(name) for name in names))
            body = escape(self.tr("Champs modifiés : %s") % ", ".join(changed)) if changed else ""
            return escape(self.tr("Fiche modifiée")) + (f" — {who}" if who else ""), body
        if entry.kind is TimelineKind.RATING:
            source = rating_source_label(RatingSource(entry.facts["source"]))
            title = escape(self.tr("Notation %s : %s") % (source, entry.facts["value"]))
            return title, escape(entry.facts.get("comment", ""))
        if entry.kind in RECEIVABLE_KINDS:
            return self._receivable_text(entry)
        if entry.kind in REMINDER_KINDS:
            return self._reminder_text(entry)
        if entry.kind is TimelineKind.DISPUTE:
            return self._dispute_text(entry)
        report = reports.get(entry.ref_id or -1)
        title = escape(self.tr("Rapport de visite")) + (f" — {who}" if who else "")
        title = f"<a href='visit:{entry.ref_id}'>{title}</a>"
        if report is None:
            return title, ""
        lines = []
        for obs in report.draft.observations:
            if obs.assessment in (Assessment.WORRYING, Assessment.REASSURING):
                color = ASSESSMENT_COLORS[obs.assessment]
                comment = f" — {escape(obs.comment)}" if obs.comment else ""
                lines.append(
                    f"<span style='color:{color}'>● {escape(topic_label(obs.topic))} : "
                    f"{escape(assessment_label(obs.assessment))}</span>{comment}"
                )
        text = report.draft.for_credit_management or report.draft.free_text
        if text:
            lines.append(escape(text).replace("\n", "<br>"))
        return title, "<br>".join(lines)

    def _receivable_text(self, entry: TimelineEntry) -> tuple[str, str]:
        """Invoices, credit notes, payments and settlements, as plain French sentences."""
        f = entry.facts

        def amount(key: str) -> str:
            return format_cents(int(f.get(key) or 0))

        def due() -> str:
            return format_date(date.fromisoformat(f["due_on"])) if f.get("due_on") else ""

        label = escape(f.get("label", ""))
        if entry.kind is TimelineKind.INVOICE:
            title = self.tr("Facture %s : %s, échéance le %s") % (
                f.get("number", ""),
                amount("amount_cents"),
                due(),
            )
            return escape(title), label
        if entry.kind is TimelineKind.CREDIT_NOTE:
            title = self.tr("Avoir %s : %s") % (f.get("number", ""), amount("amount_cents"))
            body = self.tr("sur la facture %s") % f["corrects"] if f.get("corrects") else ""
            return escape(title), escape(body) or label
        if entry.kind is TimelineKind.PAYMENT:
            title = self.tr("Règlement reçu : %s") % amount("amount_cents")
            body = self.tr("affecté à %s") % f["invoices"] if f.get("invoices") else ""
            return escape(title), escape(body)
        late = int(f.get("days_late") or 0)
        title = self.tr("Facture %s soldée") % f.get("number", "")
        body = (
            self.tr("payée avec %n jour(s) de retard", "", late)
            if late > 0
            else self.tr("payée à l'échéance ou avant")
        )
        return escape(title), escape(body)

    def _dispute_text(self, entry: TimelineEntry) -> tuple[str, str]:
        """A dispute opened, moved on, resolved or rejected, as plain French sentences."""
        f = entry.facts
        who = f" — {entry.actor}" if entry.actor else ""
        category = category_label(DisputeCategory(f["category"])) if f.get("category") else ""
        amount = format_cents(int(f.get("disputed_cents") or 0))
        event = f.get("event", "")
        if event == "opened":
            title = self.tr("Litige ouvert : %1, %2 contestés").replace("%1", category)
            body = self.tr("Factures : %1").replace("%1", f.get("invoices", ""))
            if f.get("text"):
                body += "\n" + f["text"]
            return escape(title.replace("%2", amount)) + escape(who), escape(body).replace(
                "\n", "<br>"
            )
        if event == "status" and f.get("to_status"):
            status = dispute_status_label(DisputeStatus(f["to_status"]))
            title = self.tr("Litige %1 : %2").replace("%1", category).replace("%2", status)
            return escape(title) + escape(who), escape(f.get("text", ""))
        if event == "resolved" and f.get("resolution"):
            how = resolution_label(DisputeResolution(f["resolution"]))
            title = self.tr("Litige %1 résolu : %2").replace("%1", category).replace("%2", how)
            if f.get("resolution_cents"):
                title += f" ({format_cents(int(f['resolution_cents']))})"
            return escape(title) + escape(who), escape(f.get("text", ""))
        title = self.tr("Litige %1 rejeté").replace("%1", category)
        return escape(title) + escape(who), escape(f.get("text", ""))

    def _reminder_text(self, entry: TimelineEntry) -> tuple[str, str]:
        """Reminder actions, promises to pay and tasks, as plain French sentences."""
        f = entry.facts
        who = f" — {entry.actor}" if entry.actor else ""
        if entry.kind is TimelineKind.PROMISE:
            title = self.tr("Promesse de paiement de %1 pour le %2 (%3)")
            title = (
                title.replace("%1", format_cents(int(f.get("amount_cents") or 0)))
                .replace("%2", format_date(date.fromisoformat(f["promised_for"])))
                .replace("%3", promise_status_label(PromiseStatus(f["status"])).lower())
            )
            return escape(title), escape(f.get("notes", ""))
        if entry.kind is TimelineKind.TASK:
            title = self.tr("Tâche : %1").replace("%1", f.get("title", "")) + who
            answer = f.get("answer", "")
            body = self.tr("Réponse : %1").replace("%1", answer) if answer else ""
            return escape(title), escape(body).replace("\n", "<br>")
        channel = channel_label(Channel(f["channel"])) if f.get("channel") else ""
        status = ActionStatus(f["status"])
        level = f.get("level") or channel
        amount = format_cents(int(f.get("amount_cents") or 0))
        if status is ActionStatus.DONE:
            title = self.tr("Relance faite : %1 (%2), %3")
        elif status is ActionStatus.SKIPPED:
            title = self.tr("Relance ignorée : %1 (%2), %3")
        else:
            title = self.tr("Relance prévue : %1 (%2), %3")
        title = title.replace("%1", level).replace("%2", channel).replace("%3", amount) + who
        if level.casefold() == channel.casefold():  # "Appel (Appel)" says it twice
            title = title.replace(f" ({channel})", "", 1)
        lines = []
        if f.get("outcome") and f["outcome"] in CallOutcome._value2member_map_:
            lines.append(outcome_label(CallOutcome(f["outcome"])))
        for key in ("notes", "skip_reason"):
            if f.get(key):
                lines.append(f[key])
        return escape(title), "<br>".join(escape(line) for line in lines)

    def new_proposal(self) -> None:
        """Open the proposal editor for this customer (or prospect)."""
        if self.customer_id is None:
            return
        from desktop.ui.proposals.editor import ProposalEditor

        editor = ProposalEditor(self._services, customer_id=self.customer_id, parent=self)
        editor.sig_changed.connect(lambda _id: self.reload())
        editor.exec()

    def record_promise(self) -> None:
        if self.customer_id is None or self.detail is None:
            return
        balance = self._services.receivables.customer_balance(
            self.customer_id, self._services.context.clock.today()
        )
        dialog = PromiseDialog(
            self._services,
            self.customer_id,
            self.detail.display_name,
            max(balance.overdue_cents, 0),
            self,
        )
        if dialog.exec():
            self.reload()

    def new_repayment_plan(self) -> None:
        """« Plan d'apurement… »: the plan dialog, then the plans tab."""
        if self.customer_id is None:
            return
        self.plans_tab.new_plan()
        self.tabs.setCurrentIndex(TAB_PLANS)

    def save_visit_brief(self, path: str | None = None) -> Path | None:
        """« Fiche de visite (PDF)… »: the one-page pre-visit brief."""
        if self.customer_id is None or self.detail is None:
            return None
        return save_customer_brief(
            self, self._services, self.customer_id, self.detail.display_name, path
        )

    def _timeline_link(self, url: QUrl) -> None:
        if url.scheme() == "visit":
            self.edit_visit_report(int(url.path()))

    # --- actions -----------------------------------------------------------------------

    def edit_customer(self) -> None:
        if self.customer_id is None:
            return
        dialog = CustomerDialog(self._services, self.customer_id, self)
        if dialog.exec():
            self.reload()
            self.sig_changed.emit(self.customer_id)

    def save_statement(self, path: str | None = None) -> Path | None:
        """Ask where, then write the customer's account statement as of today as a PDF."""
        if self.customer_id is None or self.detail is None:
            return None
        as_of = self._services.context.clock.today()
        interactive = path is None
        if path is None:
            safe_name = safe_file_stem(self.detail.display_name, 60)
            suggested = f"Relevé {safe_name} {as_of.isoformat()}.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Enregistrer le relevé de compte"),
                suggested,
                self.tr("Document PDF (*.pdf)"),
            )
            if not path:
                return None
        from desktop.documents.statement import render_statement

        data = self._services.statements.statement(self.customer_id, as_of)
        try:
            written = render_statement(data, Path(path))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Relevé non enregistré"),
                self.tr("Le fichier n'a pas pu être écrit : %s") % exc,
            )
            return None
        if interactive:  # show it at once, in the system's PDF viewer
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written

    def block_customer(self) -> bool:
        """The owner blocks the customer without waiting for a rule: reason asked."""
        if self.customer_id is None or self.detail is None:
            return False
        reason = ask_reason(
            self,
            self.tr("Bloquer le client"),
            self.tr("Pourquoi bloquer « %s » ? Cette décision est enregistrée à votre nom.")
            % self.detail.display_name,
            self.tr("Bloquer"),
        )
        if reason is None:
            return False
        try:
            self._services.blocking.block_now(self.customer_id, reason)
        except BlockingStateError as exc:
            QMessageBox.information(self, self.tr("Blocage"), blocking_state_message(exc.blocked))
        self._block_changed(self.customer_id)
        return True

    def record_insolvency(self) -> bool:
        """« Procédure collective… »: kind and dates; the customer is blocked."""
        if self.customer_id is None:
            return False
        if not InsolvencyDialog(self._services, self.customer_id, self).exec():
            return False
        self._block_changed(self.customer_id)
        return True

    def save_claim(self, path: str | None = None) -> Path | None:
        """Ask where, then write the summary of the claim to declare as a PDF."""
        if self.customer_id is None or self.detail is None:
            return None
        interactive = path is None
        if path is None:
            safe_name = safe_file_stem(self.detail.display_name, 60)
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Enregistrer la déclaration de créance"),
                self.tr("Déclaration de créance %s.pdf") % safe_name,
                self.tr("Document PDF (*.pdf)"),
            )
            if not path:
                return None
        try:
            written = self._services.blocking.render_claim(self.customer_id, Path(path))
        except (OSError, ValidationError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Déclaration non enregistrée"),
                field_error_message(exc.errors[0])
                if isinstance(exc, ValidationError)
                else self.tr("Le fichier n'a pas pu être écrit : %s") % exc,
            )
            return None
        if interactive:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written

    def _block_changed(self, customer_id: int) -> None:
        self.reload()
        self.sig_changed.emit(customer_id)

    def delete_customer(self) -> None:
        if self.customer_id is None or self.detail is None:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("Supprimer le client"),
            self.tr(
                "Supprimer « %s » avec ses contacts, notations et rapports de visite ?\n"
                "Cette action est définitive."
            )
            % self.detail.display_name,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.customers.delete(self.customer_id)
        except ValidationError as exc:
            QMessageBox.information(
                self, self.tr("Suppression impossible"), field_error_message(exc.errors[0])
            )
            return
        deleted = self.customer_id
        self.customer_id = None
        self.sig_deleted.emit(deleted)

    def new_visit_report(self) -> VisitReportDialog | None:
        if self.customer_id is None:
            return None
        dialog = VisitReportDialog(self._services, self.customer_id, parent=self)
        if dialog.exec():
            self.reload()
            self.tabs.setCurrentIndex(TAB_TIMELINE)
        return dialog

    def edit_visit_report(self, report_id: int | None) -> None:
        if self.customer_id is None or report_id is None:
            return
        dialog = VisitReportDialog(self._services, self.customer_id, int(report_id), self)
        if dialog.exec():
            self.reload()

    def _edit_selected_visit(self) -> None:
        item = self.visits.currentItem()
        if item is not None:
            self.edit_visit_report(item.data(0, Qt.ItemDataRole.UserRole))

    def _delete_selected_visit(self) -> None:
        item = self.visits.currentItem()
        if item is None:
            return
        if (
            QMessageBox.question(
                self, self.tr("Supprimer le rapport"), self.tr("Supprimer ce rapport de visite ?")
            )
            == QMessageBox.StandardButton.Yes
        ):
            self._services.visits.delete(int(item.data(0, Qt.ItemDataRole.UserRole)))
            self.reload()

    def _add_contact(self) -> None:
        if (
            self.customer_id is not None
            and ContactDialog(self._services, self.customer_id, None, self).exec()
        ):
            self.reload()

    def _edit_selected_contact(self) -> None:
        item = self.contacts.currentItem()
        if item is None or self.customer_id is None:
            return
        contact = item.data(0, Qt.ItemDataRole.UserRole)
        if ContactDialog(self._services, self.customer_id, contact, self).exec():
            self.reload()

    def _delete_selected_contact(self) -> None:
        item = self.contacts.currentItem()
        if item is None:
            return
        contact = item.data(0, Qt.ItemDataRole.UserRole)
        if (
            QMessageBox.question(
                self,
                self.tr("Supprimer le contact"),
                self.tr("Supprimer le contact « %s » ?") % contact.full_name,
            )
            == QMessageBox.StandardButton.Yes
        ):
            self._services.customers.delete_contact(contact.id)
            self.reload()

    def _add_rating(self) -> None:
        if (
            self.customer_id is not None
            and RatingDialog(self._services, self.customer_id, self).exec()
        ):
            self.reload()

    def _delete_selected_rating(self) -> None:
        item = self.ratings.currentItem()
        if item is None:
            return
        if (
            QMessageBox.question(
                self, self.tr("Supprimer la notation"), self.tr("Supprimer cette notation ?")
            )
            == QMessageBox.StandardButton.Yes
        ):
            self._services.customers.delete_rating(int(item.data(0, Qt.ItemDataRole.UserRole)))
            self.reload()
