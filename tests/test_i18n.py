"""The French catalogue: every marked string is translated, the compiled .qm matches the .ts,
translations keep their {placeholders}, and no literal English reaches a Qt widget unmarked."""

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from downtime.errors import UserError
from downtime.i18n import QT_TRANSLATE_NOOP, catalogue_path, message, save_language, saved_language
from downtime.paths import resources_dir

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "downtime").rglob("*.py"))


def _tool(name: str) -> str:
    """pyside6-lupdate / -lrelease from the same environment as the tests."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is missing: it comes with PySide6"
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    root = ElementTree.parse(ts).getroot()
    return {(context.findtext("name", ""), message.findtext("source", "")): message.find("translation")
            for context in root.iter("context") for message in context.iter("message")}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], ElementTree.Element]:
    """The catalogue as lupdate makes it from today's sources, merged into a copy of ours."""
    ts = tmp_path_factory.mktemp("i18n") / "downtime_fr.ts"
    shutil.copy(catalogue_path("fr"), ts)
    subprocess.run([_tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(ts), "-locations", "none",
                    "-no-obsolete", "-target-language", "fr_FR"], check=True, capture_output=True)
    return _messages(ts)


def test_every_marked_string_has_a_french_translation(extracted):
    untranslated = [source for (context, source), translation in extracted.items()
                    if translation is None or translation.get("type") == "unfinished" or not translation.text]
    assert not untranslated, f"add French for these in {catalogue_path('fr')}: {untranslated}"


def test_the_catalogue_holds_nothing_the_sources_no_longer_say(extracted):
    assert set(_messages(catalogue_path("fr"))) == set(extracted)


def test_the_compiled_catalogue_is_the_one_the_app_loads(tmp_path):
    compiled = tmp_path / "downtime_fr.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(catalogue_path("fr")), "-qm", str(compiled)], check=True,
                   capture_output=True)
    assert compiled.read_bytes() == (resources_dir() / "i18n" / "downtime_fr.qm").read_bytes(), \
        "run pyside6-lrelease resources/i18n/downtime_fr.ts -qm resources/i18n/downtime_fr.qm"


def test_translations_keep_their_placeholders_and_one_shortcut_letter():
    for (context, source), translation in _messages(catalogue_path("fr")).items():
        french = translation.text or ""
        assert sorted(re.findall(r"\{([^{}]*)\}", source)) == sorted(re.findall(r"\{([^{}]*)\}", french)), (context, source)
        assert source.count("&") - source.count("&amp;") == french.count("&") - french.count("&amp;"), \
            (context, source, french)


# Calls that put their text arguments on screen.
SHOWN = {"setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName", "addTab",
         "insertTab", "setTabText", "addMenu", "addAction", "setTitle", "setSubTitle", "showMessage", "addRow",
         "addItem", "addItems", "setHorizontalHeaderLabels", "QLabel", "QPushButton", "QCheckBox", "QGroupBox",
         "QAction", "QMenu", "QToolBar", "error", "info", "confirm", "reason", "text", "secret", "choose_folder",
         "choose_file", "drawText"}
WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _has_words(node: ast.AST) -> bool:
    """A literal with words once {fields} and <tags> are taken out (not "<b>{}</b>" or "%")."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(re.sub(r"<[^>]*>|\{[^}]*\}", "", node.value)))
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_has_words(element) for element in node.elts)
    return False


def _unmarked(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SHOWN and any(_has_words(arg) for arg in node.args):
                found.append(f"{path.name}:{node.lineno}")
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "columns" for t in node.targets) \
                and _has_words(node.value):
            found.append(f"{path.name}:{node.lineno} (column headings)")
    return found


def test_no_literal_text_reaches_a_widget_without_the_catalogue():
    found = [place for path in sorted((ROOT / "downtime" / "qt").glob("*.py")) for place in _unmarked(path)]
    assert not found, f"wrap these in translate(...) or QT_TR_NOOP(...): {found}"


def test_the_check_itself_finds_unmarked_text(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('label = QLabel("Ward")\nlabel.setText(f"{n} beds free")\nbox.addItems(["Yes", "No"])\n'
                      'ok = QLabel(translate("X", "Ward"))\nbold = QLabel(f"<b>{name}</b>")\n'
                      'class M:\n    columns = ("Bed", "Name")\n', encoding="utf-8")
    assert _unmarked(sample) == ["sample.py:1", "sample.py:2", "sample.py:3", "sample.py:7 (column headings)"]


def test_user_errors_read_in_the_persons_language():
    problem = UserError(QT_TRANSLATE_NOOP("messages", "Unknown ward {ward}."), ward="9Z")
    assert str(problem) == "Unknown ward 9Z." and problem.text("en") == "Unknown ward 9Z."
    assert problem.text("fr") == "Service 9Z inconnu."
    assert UserError("patients.csv line 3: no such bed").text("fr") == "patients.csv line 3: no such bed"
    assert message("fr", "Unknown staff ID or wrong PIN.") == "Identifiant inconnu ou code erroné."


def test_the_laptops_language_is_kept_and_defaults_to_english():
    assert saved_language() == "en"
    save_language("fr")
    assert saved_language() == "fr"


def test_what_an_import_added_is_counted_in_words_in_both_languages():
    from downtime.sync.outcome import ImportResult

    result = ImportResult("snapshot", {"patient": 2, "booking": 1, "order": 3, "session": 1}, unchanged={})
    assert result.added_text("en") == "1 theatre booking(s), 3 medication order(s), 2 patient(s), 1 theatre session(s)"
    assert result.added_text("fr") == ("1 programmation(s) opératoire(s), 3 prescription(s), 2 patient(s), "
                                       "1 vacation(s) de bloc")
    assert ImportResult("export", {"patients": 1, "records": 14}, unchanged={}).added_text("fr") == (
        "1 patient(s), 14 version(s) d’enregistrement")


def test_a_database_the_disk_refuses_reads_in_the_persons_language(sqlite_full):
    from downtime.errors import refused_by_storage

    refusal = refused_by_storage(sqlite_full)
    assert refusal is not None and refusal.text("fr") == (
        "Non effectué : le disque est plein. Rien n’a été écrit à moitié ;"
        " appelez l’informatique si cela se reproduit.")
    assert refused_by_storage(ValueError("database or disk is full")) is None


def test_an_unknown_date_of_birth_reads_in_the_readers_language(session_for, admission_values):
    """A French patient list and French prints read "DOB unknown" for an unidentified patient."""
    from dataclasses import replace

    from downtime.services import records
    from downtime.services.census import patient_with_location

    nurse = session_for("nurse")
    saved = records.save_new(nurse, "admission", admission_values)
    unknown = replace(patient_with_location(nurse.db, nurse.forms, str(saved.patient_id)), birth_date=None)
    assert (unknown.birth_date_in("fr"), unknown.birth_date_in("en")) == ("DDN inconnue", "DOB unknown")
