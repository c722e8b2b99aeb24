"""View ▸ Language: the open window is re-translated in place, open forms keep what was typed,
Qt's own buttons follow, and no English the catalogue knows is left on screen."""

import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QDialogButtonBox, QGroupBox, QLabel, QLineEdit, QMenu, QTableView, QWidget,
)

from downtime.i18n import catalogue_path, saved_language
from downtime.qt.form_view import FormView
from downtime.qt.i18n import set_language
from downtime.qt.mar_view import MarView
from downtime.qt.observations_view import ObservationsView
from downtime.qt.sign_in import SignInDialog
from downtime.services import records, wards
from downtime.services.context import Vault


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    set_language("en")


def _english_only() -> set[str]:
    """Sources whose French differs: seeing one of these on a French screen is a miss."""
    found = set()
    for message in ElementTree.parse(catalogue_path("fr")).getroot().iter("message"):
        source, french = message.findtext("source", ""), message.findtext("translation", "")
        if source != french and "{" not in source:
            found.add(source.replace("&", ""))
    return found


def _texts(window: QWidget) -> set[str]:
    """Every text a person can see or hear in the window: labels, buttons, menus, tabs, headings."""
    shown = {window.windowTitle()}
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)):
            shown.add(widget.text())
        if isinstance(widget, QGroupBox):
            shown.add(widget.title())
        if isinstance(widget, QLineEdit):
            shown.add(widget.placeholderText())
        if isinstance(widget, QMenu):
            shown |= {widget.title(), *(action.text() for action in widget.actions())}
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            shown |= {str(model.headerData(column, Qt.Orientation.Horizontal)) for column in range(model.columnCount())}
        shown.add(widget.accessibleName())
        shown.add(widget.toolTip())
    shown |= {window.tabs.tabText(index) for index in range(window.tabs.count())}
    return {text.replace("&", "") for text in shown if text}



def _sign_in_in_french(dialog):
    """The nurse, back at the lock screen, chooses French and signs in again."""
    dialog.languages.setCurrentIndex(dialog.languages.findData("fr"))
    dialog.staff_id.setText("nurse")
    dialog.pin.setText("1111")
    dialog.try_sign_in()
    return dialog.result()

def test_switching_to_french_retranslates_the_open_window_and_keeps_typed_text(
        window, session_for, admission_values, type_text, qtbot):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    saved = records.save_new(window.session, "admission", admission_values)
    window.patients.reload_wards()
    window.open_mar_of(saved.patient_id)
    window.open_observations_of(saved.patient_id)
    form = window.new_admission()
    type_text(form.editors["birth_name"].widget, "Dupré")
    assert "Ward" in {action.text().replace("&", "") for action in window.menuBar().actions()}
    assert window.minimumSizeHint().width() <= 1024, "the window must fit an old laptop's screen"

    window.actions_by_id["language_fr"].trigger()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    assert saved_language() == "fr" and window.session.lang == "fr"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:2] == ["&Service", "Saisir pour le patien&t sélectionné"] and "&Affichage" in menus
    assert [window.tabs.tabText(index) for index in range(6)] == [
        "Patients", "Tour des médicaments", "Stupéfiants", "Bloc", "Alertes",
        "Plan d’administration — MARTIN Hélène Marie (née LEFÈVRE) — lit 12"]
    views = [window.tabs.widget(index) for index in range(window.tabs.count())]
    assert [type(view) for view in views[5:]] == [MarView, ObservationsView, FormView]
    reopened = views[-1]
    assert window.tabs.currentWidget() is reopened
    assert reopened.editors["birth_name"].raw() == "Dupré" and reopened.draft_id == form.draft_id
    assert reopened.save_button.text() == "&Enregistrer (Ctrl+S)"
    assert any(box.title() == "Identité du patient" for box in reopened.findChildren(QGroupBox)), \
        "form labels come from the form definition, in French"
    assert "PROCÉDURE DÉGRADÉE" in window.banner.mode.text()
    assert window.minimumSizeHint().width() <= 1024, "French is longer: the window must still fit"
    assert window.patients.model.headerData(1, Qt.Orientation.Horizontal) == "Lit"
    for name in ("medication", "cd_register", "theatre", "escalation"):
        assert getattr(window, name) is not None  # each list built (on first showing), in French
    left = _texts(window) & _english_only()
    assert not left, f"still in English after switching: {sorted(left)}"

    window.actions_by_id["language_en"].trigger()
    assert window.menuBar().actions()[0].text() == "&Ward" and saved_language() == "en"


def test_qt_own_buttons_follow_the_language(qapp):
    set_language("fr")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close)
    assert sorted(button.text() for button in buttons.buttons()) == ["Annuler", "Fermer"]


def test_the_language_is_chosen_at_sign_in_and_kept_for_the_laptop(qtbot, tmp_path, clock):
    dialog = SignInDialog(Vault(tmp_path / "ward.sqlite"), clock, "Ward 3B laptop")
    qtbot.addWidget(dialog)
    assert dialog.sign_in_button.text() == "Sign in"
    dialog.languages.setCurrentIndex(dialog.languages.findData("fr"))
    assert dialog.windowTitle() == "Downtime — connexion" and dialog.staff_label.text() == "&Identifiant"
    assert dialog.sign_in_button.text() == "Se connecter" and "PROCÉDURE DÉGRADÉE" in dialog.header.text()
    assert saved_language() == "fr"
    again = SignInDialog(Vault(tmp_path / "ward.sqlite"), clock, "Ward 3B laptop")
    qtbot.addWidget(again)
    assert again.languages.currentData() == "fr"


def test_french_chosen_at_the_lock_screen_by_the_same_nurse_turns_the_window_french(window, monkeypatch, type_text):
    """The lock screen's language list switched Qt's catalogue and the laptop's choice, but the
    window carried on in English (its menus, tabs and forms), and the dialogs it opened came in
    French: one screen in two languages."""
    view = window.new_admission()
    type_text(view.editors["birth_name"].edit, "Lefèvre")

    monkeypatch.setattr(SignInDialog, "exec", _sign_in_in_french)
    window.idle_timer.timeout.emit()
    assert saved_language() == "fr" and window.session.lang == "fr"
    assert window.menuBar().actions()[0].text() == "&Service"
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.editors["birth_name"].raw() == "Lefèvre"
    assert form.save_button.text() != "&Save (Ctrl+S)"


def test_switching_language_with_the_chart_of_a_patient_admitted_in_error_open_keeps_the_other_tabs(
        window, admission_values, answers, type_text, qtbot, session_for):
    """A chart or a half-typed form about a patient whose admission was then withdrawn could not be
    built again: the switch stopped there with an error, and the tabs after it, a form being typed
    among them, were gone from the window. Its draft is not offered at the next sign-in either,
    where it stopped the reopening of every draft after it."""
    from downtime.qt.main_window import MainWindow
    from downtime.services import drafts

    admitted = records.save_new(window.session, "admission", admission_values)
    window.open_mar_of(admitted.patient_id)
    window.open_observations_of(admitted.patient_id)
    window.open_records_of(admitted.patient_id)
    about_them = window.open_form(FormView(window.session, window.session.form("observations"),
                                           patient_id=admitted.patient_id))
    about_them.editors["pulse"].set_raw("88")
    about_them._changed()
    typed = window.new_admission()
    type_text(typed.editors["birth_name"].edit, "Lefèvre")
    typed._changed()
    records.mark_entered_in_error(window.session, admitted.record_id, "wrong patient")
    window.set_language("fr")
    forms = [window.tabs.widget(index) for index in range(window.tabs.count())
             if isinstance(window.tabs.widget(index), FormView)]
    assert [form.editors["birth_name"].raw() for form in forms] == ["Lefèvre"]
    assert window.statusBar().currentMessage().startswith("4 onglet(s) concernant un patient")
    assert len(drafts.drafts_of(window.session)) == 2, "the withdrawn patient's draft is kept, not erased"
    again = MainWindow(session_for("nurse"))
    qtbot.addWidget(again)
    (reopened,) = again.resume_drafts()
    assert reopened.editors["birth_name"].raw() == "Lefèvre"


def test_french_chosen_at_the_lock_screen_over_an_open_dialog_keeps_the_dialog_and_one_language(
        window, monkeypatch, qtbot, session_for, admission_values):
    """A window of its own open under the lock (here a dose dialog, typed in) belongs to the tabs
    the switch builds again: it would go with them. The window keeps its language, and the app's
    catalogue with it, until the person switches once the dialog is closed."""
    from downtime.qt.dose_dialog import DoseDialog
    from downtime.qt.i18n import language
    from downtime.services import medication

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    patient = records.save_new(window.session, "admission", admission_values).patient_id
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient)
    dialog = DoseDialog(window.session, medication.order(window.session.db, order.record_id), None, window.medication)
    dialog.open()
    dialog.site.setText("left arm")

    monkeypatch.setattr(SignInDialog, "exec", _sign_in_in_french)
    window.idle_timer.timeout.emit()
    qtbot.wait(10)
    assert dialog.isVisible() and dialog.site.text() == "left arm"
    assert window.session.lang == language() == "en" and window.menuBar().actions()[0].text() == "&Ward"


def test_the_dose_dialogs_reasons_not_given_are_the_charts(qtbot, session_for, medication_ward):
    """In French the dialog offered "F — À jeun" and "W — Suspendu…" (its own list) where the
    form, the chart and its key write J and S: the MAR then showed a letter the nurse had not
    chosen. The dialog offers the form's own answers, in the session's language (but "none by its
    rule", which an order with no rule never has: tests/test_none_by_rule.py)."""
    from downtime.qt.dose_dialog import DoseDialog
    from downtime.services import medication

    from downtime.services import records

    patient, _, _ = medication_ward
    oral = records.save_new(session_for("doctor"), "medication_order", {  # nil by mouth is for a dose by mouth
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "20:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    set_language("fr")
    nurse = session_for("nurse", "fr")
    dialog = DoseDialog(nurse, medication.order(nurse.db, oral), None)
    qtbot.addWidget(dialog)
    offered = [dialog.reason.itemText(index) for index in range(1, dialog.reason.count())]
    field = nurse.form("medication_administration").field("not_given_reason")
    assert offered == [option.label.get("fr") for option in field.options if option.code != "by_rule"]
    assert "J — À jeun" in offered and "S — Suspendu (raison clinique, préciser)" in offered
    dialog.outcome.setCurrentIndex(1)
    dialog.reason.setCurrentIndex(offered.index("J — À jeun") + 1)
    assert dialog.typed()["not_given_reason"] == "nil_by_mouth"
