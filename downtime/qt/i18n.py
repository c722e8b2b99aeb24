"""The interface language. Our catalogue (`downtime_fr.qm`, compiled from the `.ts` that also
serves the services and the command line) and Qt's own (`qtbase_fr.qm`: the buttons of message
boxes, file and print dialogs) are installed together, so a French ward never meets an English
"Cancel". Switching re-installs them; Qt then sends every window a LanguageChange event."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from downtime.errors import UserError
from downtime.i18n import Lang
from downtime.paths import resources_dir

translate = QCoreApplication.translate

_installed: list[QTranslator] = []  # the translators of the language now in use
_current: list[Lang] = ["en"]


def language() -> Lang:
    return _current[0]


def set_language(lang: Lang) -> None:
    """Install the translators of `lang` in the running application (English needs none)."""
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication must exist before its language is set"
    for old in _installed:
        app.removeTranslator(old)
    loaded: list[QTranslator] = []
    if lang != "en":
        for folder, name in ((QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{lang}"),
                             (str(resources_dir() / "i18n"), f"downtime_{lang}")):
            translator = QTranslator(app)
            if not translator.load(name, folder):
                raise FileNotFoundError(f"the {name}.qm translation is missing from {folder}")
            app.installTranslator(translator)
            loaded.append(translator)
    _installed[:] = loaded
    _current[0] = lang


def locale() -> QLocale:
    """For day and month names (a MAR column reads "sam. 28/11" in French)."""
    return QLocale("fr_FR" if language() == "fr" else "en_GB")


def word(text: str) -> str:
    """A word marked with QT_TR_NOOP (column headings, states), in the interface's language."""
    return translate("", text)


def say(problem: UserError) -> str:
    """A user error in the interface's language."""
    return problem.text(language())
