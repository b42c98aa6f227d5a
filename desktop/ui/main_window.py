"""The main window: a navigation for every area, the pages, menus and shortcuts."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.domain.enums import Profile
from desktop.services.registry import Services
from desktop.ui.check_dialog import CheckDialog
from desktop.ui.customers.customer_form import CustomerDialog
from desktop.ui.customers.customer_page import CustomerPage
from desktop.ui.customers.list_page import CustomerListPage
from desktop.ui.dashboard_page import DashboardPage
from desktop.ui.disputes_page import DisputesPage
from desktop.ui.imports.page import ImportsPage
from desktop.ui.messages import network_share_warning, profile_label
from desktop.ui.proposals_page import ProposalsPage
from desktop.ui.receivables_page import ReceivablesPage
from desktop.ui.reminders_page import RemindersPage
from desktop.ui.repayment.visit_briefs import save_week_briefs
from desktop.ui.settings_page import SettingsPage


class Area(IntEnum):
    DASHBOARD = 0
    CUSTOMERS = 1
    RECEIVABLES = 2
    REMINDERS = 3
    PROPOSALS = 4
    DISPUTES = 5
    IMPORTS = 6
    SETTINGS = 7


class MainWindow(QMainWindow):
    sig_open_file = Signal(str)
    sig_new_file = Signal()
    # The file shown was replaced on disk (a restore): the application opens it again.
    sig_reload_file = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.resize(1280, 800)
        self.setMinimumSize(QSize(900, 560))

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(230)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setWordWrap(True)
        self.nav.setStyleSheet(
            "QListWidget { background: #1f2a37; color: #e6edf3; border: none; font-size: 11pt; "
            "padding-top: 8px; }"
            "QListWidget::item { padding: 9px 14px; }"
            "QListWidget::item:selected { background: #2f6fdf; color: white; }"
        )
        labels = {
            Area.DASHBOARD: self.tr("Tableau de bord"),
            Area.CUSTOMERS: self.tr("Clients et prospects"),
            Area.RECEIVABLES: self.tr("Encours"),
            Area.REMINDERS: self.tr("Relances"),
            Area.PROPOSALS: self.tr("Propositions"),
            Area.DISPUTES: self.tr("Litiges"),
            Area.IMPORTS: self.tr("Imports"),
            Area.SETTINGS: self.tr("Paramètres"),
        }
        for area in Area:
            item = QListWidgetItem(labels[area])
            item.setToolTip(f"{labels[area]} (Ctrl+{area.value + 1})")
            self.nav.addItem(item)

        self.stack = QStackedWidget()
        self.customer_list = CustomerListPage(services)
        self.customer_page = CustomerPage(services)
        self.customers_stack = QStackedWidget()
        self.customers_stack.addWidget(self.customer_list)
        self.customers_stack.addWidget(self.customer_page)
        self.settings_page = SettingsPage(services)
        self.receivables_page = ReceivablesPage(services)
        self.imports_page = ImportsPage(services)
        self.reminders_page = RemindersPage(services)
        self.disputes_page = DisputesPage(services)
        self.proposals_page = ProposalsPage(services)
        self.dashboard_page = DashboardPage(services)
        pages = {
            Area.DASHBOARD: self.dashboard_page,
            Area.CUSTOMERS: self.customers_stack,
            Area.RECEIVABLES: self.receivables_page,
            Area.REMINDERS: self.reminders_page,
            Area.PROPOSALS: self.proposals_page,
            Area.DISPUTES: self.disputes_page,
            Area.IMPORTS: self.imports_page,
            Area.SETTINGS: self.settings_page,
        }
        for area in Area:
            self.stack.addWidget(pages[area])

        self.demo_banner = QLabel(self.tr("Société de démonstration : les données sont fictives."))
        self.demo_banner.setStyleSheet(
            "QLabel { background: #e8eef9; color: #1f4e99; padding: 6px 12px; }"
        )
        # Shown by the application when the file is on a network share (it detects it).
        self.network_banner = QLabel(network_share_warning())
        self.network_banner.setWordWrap(True)
        self.network_banner.setStyleSheet(
            "QLabel { background: #fff4e0; color: #7a4b00; padding: 6px 12px; }"
        )
        self.network_banner.setVisible(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.demo_banner)
        right_layout.addWidget(self.network_banner)
        right_layout.addWidget(self.stack, 1)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self.counts_label = QLabel()
        self.file_label = QLabel()
        self.person_label = QLabel()  # who is working (signs the changes)
        self.person_label.setAccessibleName(self.tr("Utilisateur"))
        self.person_label.setStyleSheet("QLabel { font-weight: 600; padding-right: 12px; }")
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.person_label)
        self.statusBar().addPermanentWidget(self.file_label)

        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.customer_list.sig_open_customer.connect(self.open_customer)
        self.customer_list.sig_new_customer.connect(self.new_customer)
        self.customer_list.sig_counts_changed.connect(self.counts_label.setText)
        self.customer_page.sig_back.connect(self.show_customer_list)
        self.customer_page.sig_changed.connect(lambda cid: self.customer_list.refresh(cid))
        self.customer_page.sig_deleted.connect(self._customer_deleted)
        self.settings_page.sig_reference_changed.connect(self.customer_list.reload_choices)
        self.settings_page.sig_company_changed.connect(self._update_title)
        self.receivables_page.sig_open_customer.connect(self.open_customer_invoices)
        self.reminders_page.sig_open_customer.connect(self.open_customer_invoices)
        self.disputes_page.sig_open_customer.connect(self.open_customer)
        self.proposals_page.sig_open_customer.connect(self.open_customer)
        self.proposals_page.sig_changed.connect(self._receivables_changed)
        # A dispute closed by a credit note changes the customer's balance.
        self.disputes_page.sig_changed.connect(self._receivables_changed)
        self.imports_page.sig_data_changed.connect(self._receivables_changed)
        self.dashboard_page.sig_show_receivables.connect(lambda: self.go_to(Area.RECEIVABLES))
        self.dashboard_page.sig_show_reminders.connect(lambda: self.go_to(Area.REMINDERS))
        self.dashboard_page.sig_show_disputes.connect(lambda: self.go_to(Area.DISPUTES))
        self.dashboard_page.sig_open_customer.connect(self.open_customer)

        self.check_dialog: CheckDialog | None = None  # built on first Ctrl+K
        self._build_menus()
        self._update_title()
        self.apply_profile()

    # --- menus -------------------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        self.new_customer_action = self._action(
            self.tr("&Nouveau client…"), "Ctrl+N", self.new_customer
        )
        file_menu.addAction(self.new_customer_action)
        file_menu.addAction(
            self._action(self.tr("&Importer depuis la comptabilité…"), "Ctrl+I", self.start_import)
        )
        file_menu.addAction(
            self._action(
                self.tr("Fiches de visite de la semaine…"), None, lambda: self.save_week_briefs()
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("Nouveau fichier d'entreprise…"), None, self.sig_new_file.emit)
        )
        file_menu.addAction(
            self._action(
                self.tr("&Ouvrir un fichier…"), QKeySequence.StandardKey.Open, self._choose_file
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("Sauvegardes et restauration…"), None, self.show_backups)
        )
        file_menu.addSeparator()
        self.switch_user_action = self._action(
            self.tr("Changer d'utilisateur…"), "Ctrl+Shift+U", self.switch_user
        )
        file_menu.addAction(self.switch_user_action)
        file_menu.addAction(
            self._action(self.tr("&Quitter"), QKeySequence.StandardKey.Quit, self.close)
        )

        go_menu = self.menuBar().addMenu(self.tr("&Aller à"))
        for area in Area:
            action = self._action(
                self.nav.item(area.value).text(),
                f"Ctrl+{area.value + 1}",
                lambda _checked=False, a=area: self.go_to(a),
            )
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(
            self._action(self.tr("Rechercher un client"), "Ctrl+F", self._focus_search)
        )
        # Ctrl+K works from any page and from any dialog of the application.
        self.check_action = self._action(
            self.tr("Vérifier une entreprise…"), "Ctrl+K", self.check_company
        )
        self.check_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        go_menu.addAction(self.check_action)
        self.audit_action = self._action(
            self.tr("Journal des modifications…"), "Ctrl+Shift+J", self.open_audit_log
        )
        go_menu.addAction(self.audit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Aide"))
        help_menu.addAction(self._action(self.tr("Raccourcis clavier"), "F1", self._show_shortcuts))
        help_menu.addAction(self._action(self.tr("À propos d'Encaisse"), None, self._show_about))

    # --- profiles ----------------------------------------------------------------------

    def apply_profile(self) -> None:
        """Open on the work of the person signed in, and put it first in the lists.

        The owner lands on the dashboard, the assistant on today's reminders, a salesperson
        on their own customers, with the reminder lists and tasks narrowed to theirs. A
        file without a team (nobody signed in) opens on the customer list, unfiltered.
        """
        identity = self.services.identity
        user = identity.user
        self.switch_user_action.setVisible(bool(self.services.reference.users()))
        # The journal of every change is the owner's (issue 7: "filterable for the owner").
        owner = identity.profile is Profile.OWNER
        self.audit_action.setVisible(owner)
        self.audit_action.setEnabled(owner)
        self.person_label.setText(
            f"{user.name} · {profile_label(user.profile)}" if user is not None else ""
        )
        self.person_label.setVisible(user is not None)
        mine = user.id if user is not None and user.profile is Profile.SALESPERSON else None
        self.customer_list.show_salesperson(mine)
        self.reminders_page.show_assignee(mine)
        self.customer_list.refresh()
        self.show_customer_list()
        if user is None:
            self.go_to(Area.CUSTOMERS)
        elif user.profile is Profile.OWNER:
            self.go_to(Area.DASHBOARD)
        elif user.profile is Profile.ASSISTANT:
            self.go_to(Area.REMINDERS)
            self.reminders_page.show_today()
        else:
            self.go_to(Area.CUSTOMERS)

    def switch_user(self) -> None:
        """Hand the computer to a colleague: pick who is working now (Ctrl+Shift+U)."""
        from desktop.ui.profile_dialog import ask_who_is_working

        if ask_who_is_working(self.services, first_start=False, parent=self):
            self.apply_profile()
            self.statusBar().showMessage(
                self.tr("Vous travaillez maintenant sous le nom de %s.")
                % self.services.identity.name(),
                5000,
            )

    # --- navigation --------------------------------------------------------------------

    def go_to(self, area: Area) -> None:
        self.nav.setCurrentRow(area.value)
        self.stack.setCurrentIndex(area.value)

    def show_customer_list(self) -> None:
        self.customers_stack.setCurrentWidget(self.customer_list)
        self.customer_list.table.setFocus()

    def open_customer(self, customer_id: int) -> None:
        self.go_to(Area.CUSTOMERS)
        if self.customer_page.show_customer(customer_id):
            self.customers_stack.setCurrentWidget(self.customer_page)
        else:
            self.customer_list.refresh()

    def open_customer_invoices(self, customer_id: int) -> None:
        self.open_customer(customer_id)
        self.customer_page.show_invoices()

    def _receivables_changed(self) -> None:
        # An import may create customers and changes every balance.
        self.customer_list.refresh()
        self.receivables_page.reload_if_loaded()
        self.dashboard_page.reload_if_loaded()

    def save_week_briefs(self) -> None:
        """The pre-visit briefs of a salesperson's visits planned this week, in one PDF."""
        save_week_briefs(self, self.services)

    def start_import(self) -> None:
        self.go_to(Area.IMPORTS)
        self.imports_page.start_import()

    def new_customer(self) -> None:
        dialog = CustomerDialog(self.services, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.customer_list.refresh(dialog.saved_id)
            self.open_customer(dialog.saved_id)

    def _customer_deleted(self, _customer_id: int) -> None:
        self.customer_list.refresh()
        self.show_customer_list()
        self.statusBar().showMessage(self.tr("Client supprimé."), 5000)

    def check_company(self) -> None:
        """The doubtful-prospect check (Ctrl+K): one dialog, kept between uses."""
        if self.check_dialog is None:
            self.check_dialog = CheckDialog(self.services, parent=self)
            self.check_dialog.sig_open_customer.connect(self.open_customer)
        self.check_dialog.start()

    def open_audit_log(self) -> None:
        """The journal of every change, filterable (Ctrl+Shift+J)."""
        from desktop.ui.audit.audit_dialog import AuditDialog

        if self.services.identity.profile is not Profile.OWNER:
            return
        dialog = AuditDialog(self.services, self)
        dialog.exec()

    def _focus_search(self) -> None:
        self.go_to(Area.CUSTOMERS)
        self.show_customer_list()
        self.customer_list.focus_search()

    def show_backups(self) -> None:
        from desktop.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.services, self)
        dialog.exec()
        if dialog.restored:
            self.sig_reload_file.emit(str(self.services.path))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Ouvrir un fichier Encaisse"),
            str(self.services.path.parent),
            self.tr("Fichiers Encaisse (*.sqlite *.encaisse);;Tous les fichiers (*)"),
        )
        if path:
            self.sig_open_file.emit(path)

    def _update_title(self) -> None:
        company = self.services.company.get()
        name = company.legal_name if company else self.tr("(entreprise non renseignée)")
        self.setWindowTitle(f"{name} — {APP_NAME}")
        self.demo_banner.setVisible(bool(company and company.is_demo))
        self.file_label.setText(str(self.services.path))

    def set_network_share_warning(self, on_share: bool) -> None:
        """Show or hide the banner warning that the file is on a network share."""
        self.network_banner.setVisible(on_share)

    def _show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+N", self.tr("Nouveau client")),
            ("Ctrl+F", self.tr("Rechercher un client")),
            ("Ctrl+K", self.tr("Vérifier une entreprise (liste des douteuses)")),
            ("Ctrl+Shift+J", self.tr("Journal des modifications")),
            ("Entrée", self.tr("Ouvrir le client sélectionné")),
            ("Ctrl+E", self.tr("Modifier la fiche ouverte")),
            ("Ctrl+R", self.tr("Nouveau rapport de visite")),
            ("Échap", self.tr("Revenir à la liste")),
            ("Ctrl+1 … Ctrl+8", self.tr("Aller à un espace")),
            ("Ctrl+I", self.tr("Importer depuis la comptabilité")),
            ("F5", self.tr("Relances : recalculer les relances du jour")),
            ("Ctrl+Entrée", self.tr("Relances : marquer l'action comme faite")),
            ("Ctrl+O", self.tr("Ouvrir un autre fichier")),
            ("Ctrl+Q", self.tr("Quitter")),
        ]
        html = (
            "<table cellpadding='4'>"
            + "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
            + "</table>"
        )
        QMessageBox.information(self, self.tr("Raccourcis clavier"), html)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("À propos d'Encaisse"),
            self.tr(
                "<b>Encaisse %s</b><br>Vendre c'est bien, être payé c'est mieux.<br><br>"
                "Fichier de données : %s"
            )
            % (__version__, self.services.path),
        )
