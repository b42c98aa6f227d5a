"""First run: create the company's own file, or open a demo company, or an existing file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.services.company import CompanyProfile, validate_company
from desktop.ui.company_form import CompanyForm


class WelcomeChoice(StrEnum):
    CREATE = "create"
    DEMO = "demo"
    OPEN = "open"


class WelcomeDialog(QDialog):
    def __init__(
        self, default_path: Path, message: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bienvenue dans Encaisse"))
        self.setMinimumWidth(640)
        self.choice: WelcomeChoice | None = None
        self.company: CompanyProfile | None = None
        self.path = default_path

        # Two pages in one layout, only one shown: a hidden page takes no room, so the
        # dialog is as tall as the page on screen.
        self.pages = [self._choices_page(message), self._company_page()]
        layout = QVBoxLayout(self)
        for page in self.pages:
            layout.addWidget(page)
        self.show_page(0)

    def show_page(self, index: int) -> None:
        for i, page in enumerate(self.pages):
            page.setVisible(i == index)
        self.current_page = index
        if index == 1:
            self.company_form.field("legal_name").setFocus()
        self.adjustSize()

    def _choices_page(self, message: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Bienvenue dans Encaisse"))
        title.setStyleSheet("QLabel { font-size: 18pt; font-weight: 600; }")
        motto = QLabel(self.tr("Vendre c'est bien, être payé c'est mieux."))
        motto.setStyleSheet("QLabel { color: #555; font-style: italic; }")
        layout.addWidget(title)
        layout.addWidget(motto)
        if message:
            problem = QLabel(message)
            problem.setWordWrap(True)
            problem.setStyleSheet(
                "QLabel { background: #fde2e1; color: #a1261f; padding: 8px; border-radius: 4px; }"
            )
            layout.addWidget(problem)
        intro = QLabel(
            self.tr(
                "Encaisse garde votre fichier clients, les rapports de visite de vos commerciaux, "
                "vos relances et vos litiges dans un seul fichier sur cet ordinateur. "
                "Par quoi voulez-vous commencer ?"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.create_button = QPushButton(self.tr("Créer le fichier de mon entreprise"))
        self.create_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("Découvrir avec une société de démonstration"))
        self.open_button = QPushButton(self.tr("Ouvrir un fichier existant…"))
        quit_button = QPushButton(self.tr("Quitter"))
        explanations = (
            self.tr(
                "Un fichier neuf à votre nom : vous y saisissez vos clients, ou vous les importerez "
                "de votre comptabilité."
            ),
            self.tr(
                "Une entreprise fictive avec 300 clients et prospects et les rapports de visite de "
                "ses commerciaux, pour essayer sans risque."
            ),
            self.tr("Un fichier Encaisse copié d'un autre poste ou tiré d'une sauvegarde."),
        )
        for button, explanation in zip(
            (self.create_button, self.demo_button, self.open_button), explanations, strict=True
        ):
            button.setMinimumHeight(40)
            detail = QLabel(explanation)
            detail.setWordWrap(True)
            detail.setStyleSheet("QLabel { color: #555; margin: 0 4px 10px 4px; }")
            layout.addWidget(button)
            layout.addWidget(detail)
        layout.addSpacing(12)
        layout.addWidget(quit_button)
        self.create_button.clicked.connect(lambda: self.show_page(1))
        self.demo_button.clicked.connect(lambda: self._finish(WelcomeChoice.DEMO))
        self.open_button.clicked.connect(self._choose_existing)
        quit_button.clicked.connect(self.reject)
        return page

    def _company_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Votre entreprise"))
        title.setStyleSheet("QLabel { font-size: 14pt; font-weight: 600; }")
        hint = QLabel(
            self.tr(
                "Ces coordonnées figureront sur vos courriers de relance et vos propositions. "
                "Seule la raison sociale est obligatoire ; tout se modifie ensuite dans Paramètres."
            )
        )
        hint.setWordWrap(True)
        self.company_form = CompanyForm()
        where = QHBoxLayout()
        self.path_edit = QLineEdit(str(self.path))
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName(self.tr("Emplacement du fichier"))
        change = QPushButton(self.tr("Changer…"))
        change.clicked.connect(self._choose_location)
        where.addWidget(QLabel(self.tr("Fichier :")))
        where.addWidget(self.path_edit, 1)
        where.addWidget(change)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Retour"))
        back.clicked.connect(lambda: self.show_page(0))
        self.confirm_button = QPushButton(self.tr("Créer le fichier"))
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self._create)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.company_form)
        layout.addLayout(where)
        layout.addLayout(buttons)
        return page

    def _choose_location(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Emplacement du fichier"),
            str(self.path),
            self.tr("Fichiers Encaisse (*.sqlite *.encaisse);;Tous les fichiers (*)"),
        )
        if path:
            self.path = Path(path)
            self.path_edit.setText(path)

    def _choose_existing(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Ouvrir un fichier Encaisse"),
            str(self.path.parent),
            self.tr("Fichiers Encaisse (*.sqlite *.encaisse);;Tous les fichiers (*)"),
        )
        if path:
            self.path = Path(path)
            self._finish(WelcomeChoice.OPEN)

    def _create(self) -> None:
        try:
            self.company = validate_company(self.company_form.profile())
        except ValidationError as exc:
            self.company_form.show_errors(exc.errors)
            return
        self._finish(WelcomeChoice.CREATE)

    def _finish(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()
