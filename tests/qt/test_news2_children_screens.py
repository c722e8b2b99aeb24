"""A child's observations on screen: the patient list asks for a child's first set on the
paediatric chart (a baby born today read "No set — OVERDUE", then "Not applicable (under 16)"
with no one asking for any set); the NEWS2 form refuses a child's set, and the observations tab
opens the paediatric chart."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.domain.news2 import NOT_APPLICABLE
from downtime.qt.observations_view import ObservationsView
from downtime.qt.patients_panel import NEWS2
from downtime.qt.pews_view import PewsView
from downtime.services import census, records, wards

NEWBORN = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 50, "spo2": 97, "spo2_scale": "scale_1",
           "on_oxygen": False, "systolic_bp": 65, "diastolic_bp": 40, "pulse": 145, "consciousness": "alert",
           "temperature": 36.9}


def _baby(window, session_for, admission_values) -> str:
    """A baby born this morning in bed 1, beside Mrs Martin (bed 12) with no set yet."""
    wards.add_ward(session_for("admin"), "3B", "Maternity", ["1", "12"])
    nurse = window.session
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T08:00+01:00"})
    baby = records.save_new(nurse, "admission", {
        **admission_values, "nir": None, "identity_status": "provisional", "given_names": "Léa",
        "birth_date": "2026-11-28", "arrival_at": "2026-11-28T09:00+01:00", "weight_kg": 3.4, "height_cm": 50,
        "bed": "1"}).patient_id
    window.patients.reload_wards()
    return baby


def test_the_list_asks_a_babys_first_pews_set_never_a_news2_one(window, session_for, admission_values, listed):
    """A child with no set this stay is overdue since admission on the paediatric chart, as an
    adult is on NEWS2's: the cell read "Not applicable (under 16)", in black, and no list said
    that nobody had observed the child since they came in."""
    _baby(window, session_for, admission_values)
    model = listed(window.patients).model
    news2 = {model.text(row, 1): model.text(row, NEWS2) for row in range(model.rowCount())}
    assert news2 == {"1": "No PEWS set — OVERDUE", "12": "No set — OVERDUE"}
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert {model.text(row, 1): model.data(model.index(row, NEWS2), tooltip) for row in range(model.rowCount())} == {
        "1": "No PEWS set this stay; OBSERVATIONS OVERDUE since admission (28/11 09:00): take a first set on the "
             "paediatric chart", "12": "No set — OVERDUE since 08:00"}
    baby = next(row for row in range(model.rowCount()) if model.text(row, 1) == "1")
    assert model.is_warning(baby, NEWS2)


def test_a_babys_set_is_refused_on_the_news2_chart_which_leads_to_the_paediatric_one(window, session_for,
                                                                                    admission_values, answers):
    baby = _baby(window, session_for, admission_values)
    chart = window.open_observations_of(baby)
    assert isinstance(chart, ObservationsView) and chart.latest.text() == NOT_APPLICABLE["en"]
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a &new set"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    for field_id, value in NEWBORN.items():
        form.editors[field_id].set_value(value)
    score = form.news2_labels["set"]
    assert NOT_APPLICABLE["en"] in score.text() and score.isVisible()
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # NEWS2 scores adults: saved unscored, a child's set escalated nothing however ill the child.
    assert form.record is None and "use the paediatric chart (PEWS)" in form.summary.text()
    assert [kind for kind, _ in answers[1]] == [], "no emergency response asked of the nurse"
    # The chart a child's observations go on is a click away; an adult's tab has no such button.
    QTest.mouseClick(chart.to_pews, Qt.MouseButton.LeftButton)
    assert isinstance(window.tabs.currentWidget(), PewsView) and window.tabs.currentWidget().patient_id == baby
    adult = next(patient.patient_id for patient in census.in_patients(window.session.db, window.session.forms)
                 if patient.patient_id != baby)
    assert window.open_observations_of(adult).to_pews.isHidden()
