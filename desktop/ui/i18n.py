"""Translations: French is the source language; English comes from a Qt Linguist .qm file."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

SUPPORTED = ("fr", "en")


def resources_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def choose_language(requested: str | None) -> str:
    """`--lang` wins; otherwise French for a French-speaking system, English for the rest."""
    if requested in SUPPORTED:
        return requested  # type: ignore[return-value]
    system = QLocale.system().name()
    return "fr" if system.startswith("fr") or system in ("C", "") else "en"


def install_translators(
    app: QCoreApplication, requested: str | None
) -> tuple[str, list[QTranslator]]:
    """Install the app's and Qt's own translations; returns the language and translators.

    The translators must stay referenced for as long as the application runs.
    """
    lang = choose_language(requested)
    locale = (
        QLocale(QLocale.Language.French, QLocale.Country.France)
        if lang == "fr"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if lang != "fr":
        own = QTranslator(app)
        if own.load(str(translations_dir() / f"encaisse_{lang}.qm")):
            app.installTranslator(own)
            installed.append(own)
    return lang, installed
