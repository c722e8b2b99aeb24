"""The ICU's laptop at 03:00: the nurse signs in and every ward list is on the ICU, with no ward
to choose; she can still look at another ward, for her session. An administrator gives the
laptop its ward on the Administration tab; nobody else can. The records office's laptop (no
ward) keeps all wards."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolBar

from downtime.qt.main_window import MainWindow
from downtime.services import records, settings, wards


@pytest.fixture
def hospital(session_for, admission_values):
    """Wards 3B and ICU, a patient on each; the laptop's ward not set yet."""
    admin = session_for("admin")
    wards.add_ward(admin, "3B", "Medicine", ["1", "2"])
    wards.add_ward(admin, "ICU", "Intensive care", ["1", "2"])
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "ward": "3B", "bed": "1"})
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "used_name": "", "given_names": "Paul",
                                          "sex": "male", "nir": "183077511302363", "ward": "ICU", "bed": "2"})
    return admin


def _lists(window: MainWindow) -> list[str | None]:
    """The ward chosen on each list the person has (the round and the controlled drugs only for
    those who record doses)."""
    return [panel.ward.currentData() for panel in (window.patients, window.medication, window.cd_register,
                                                   window.escalation) if panel is not None]


def _beds(listed, window: MainWindow) -> list[tuple[str, str]]:
    panel = listed(window.patients)
    return [(panel.model.text(row, 0), panel.model.text(row, 1)) for row in range(panel.model.rowCount())]


def test_the_nurse_signing_in_finds_the_laptops_ward_on_every_list(app_signed_in, hospital, db_path, answers, listed):
    settings.set_laptop_ward(hospital, "ICU")
    window = app_signed_in(db_path, "nurse", "1111")
    assert _lists(window) == ["ICU"] * 4
    assert _beds(listed, window) == [("ICU", "1"), ("ICU", "2")]
    assert window.banner.device.text() == "Ward 3B laptop (device 42), ward ICU"
    window.show_round()
    assert window.medication.count.text().startswith("0 dose(s)")
    assert window.print_census().name == "census-ICU.pdf"
    window.tabs.setCurrentWidget(window.escalation)
    assert [item.patient.display_name for item in listed(window.escalation).overdue_model.rows] == ["ROUX Paul"]


def test_another_ward_chosen_is_the_nurses_for_her_session_only(app_signed_in, hospital, db_path, answers, listed):
    settings.set_laptop_ward(hospital, "ICU")
    window = app_signed_in(db_path, "nurse", "1111")
    assert window.admin is None, "no Administration tab: a nurse cannot change the laptop's ward"
    window.patients.ward.setFocus()
    QTest.keyClick(window.patients.ward, Qt.Key.Key_Home)
    assert window.patients.ward.currentText() == "All wards"
    assert [ward for ward, _ in _beds(listed, window)] == ["3B", "3B", "ICU", "ICU"]
    assert window.print_census().name == "census-site.pdf", "the census follows the list on screen"
    window.show_round()
    QTest.keyClick(window.medication.ward, Qt.Key.Key_Up)
    assert window.medication.ward.currentText() == "3B"
    window.set_language("fr")
    try:
        assert _lists(window) == [None, "3B", "ICU", "ICU"], "kept in another language"
    finally:
        window.set_language("en")
    assert settings.laptop_ward(window.session.db) == "ICU"
    window.close()
    again = app_signed_in(db_path, "doctor", "2222")
    assert _lists(again) == ["ICU"] * 4


def test_the_records_office_laptop_of_no_ward_keeps_all_wards(app_signed_in, hospital, db_path, answers):
    settings.set_laptop_ward(hospital, "ICU")
    settings.set_laptop_ward(hospital, "")  # the ICU's spare laptop, now the records office's
    window = app_signed_in(db_path, "records", "4444")
    assert _lists(window) == [None, None], "no round or controlled drugs for the records clerk"
    assert window.banner.device.text() == "Ward 3B laptop (device 42)"


def test_the_administrator_gives_the_laptop_its_ward_on_the_administration_tab(app_signed_in, hospital, db_path,
                                                                              answers):
    window = app_signed_in(db_path, "admin", "0000")
    panel = window.admin
    window.tabs.setCurrentWidget(panel)
    panel.sections.setCurrentIndex(3)
    assert panel.laptop_ward.currentText() == "None (all wards)"
    panel.laptop_ward.setFocus()
    QTest.keyClick(panel.laptop_ward, Qt.Key.Key_End)
    assert panel.laptop_ward.currentText() == "ICU"
    assert settings.laptop_ward(window.session.db) is None, "not until the button is pressed"
    QTest.keyClick(panel.laptop_ward_button, Qt.Key.Key_Space)
    assert panel.said.text() == "This laptop belongs to ward ICU: its lists open on that ward."
    assert settings.laptop_ward(window.session.db) == "ICU"
    assert window.banner.device.text() == "Ward 3B laptop (device 42), ward ICU"
    assert _lists(window) == ["ICU"] * 2, "the window's lists follow at once"
    QTest.keyClick(panel.laptop_ward, Qt.Key.Key_Home)
    QTest.keyClick(panel.laptop_ward_button, Qt.Key.Key_Space)
    assert panel.said.text() == "This laptop belongs to no ward: the patient list and the NEWS2 escalations open on all wards."
    assert settings.laptop_ward(window.session.db) is None
    assert window.banner.device.text() == "Ward 3B laptop (device 42)"
    assert _lists(window) == [None, None]


def _new_admission(window: MainWindow):
    """The nurse clicks New admission on the toolbar."""
    bar = window.findChild(QToolBar)
    QTest.mouseClick(bar.widgetForAction(window.actions_by_id["new_admission"]), Qt.MouseButton.LeftButton)
    view = window.tabs.currentWidget()
    assert view.spec.id == "admission"
    return view


def test_a_new_admission_opens_in_the_laptops_ward(app_signed_in, hospital, db_path):
    """New admission on the ICU's laptop: the Ward box says ICU, for the nurse to check like any answer
    filled in for her; the tab closes without asking while nothing else is typed."""
    settings.set_laptop_ward(hospital, "ICU")
    view = _new_admission(app_signed_in(db_path, "nurse", "1111"))
    assert view.editors["ward"].edit.text() == "ICU" and view.editors["bed"].edit.text() == ""
    assert view.prefilled.isVisible() and "this laptop's ward" in view.prefilled.text() and not view.is_dirty()
    QTest.keyClicks(view.editors["bed"].edit, "1")
    assert view.is_dirty()


def test_a_new_admission_on_a_laptop_of_no_ward_starts_with_no_ward(app_signed_in, hospital, db_path):
    view = _new_admission(app_signed_in(db_path, "nurse", "1111"))
    assert view.editors["ward"].edit.text() == ""
    assert view.prefilled.isHidden()
