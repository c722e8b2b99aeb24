"""A child weighed again from the Record menu of the patient chosen (forms/weight.yaml), not by
amending the admission: a weight far from the admission's is asked about, then kept confirmed,
the child's weight then the one weighed, with its date (the dose dialog's, the MAR's)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.services import census, records, wards, weight


def test_a_nurse_weighs_a_child_again_from_the_record_menu(window, session_for, admission_values, clock, answers,
                                                           select_bed, type_text):
    script, asked = answers
    script["confirm"] = [False, True]
    wards.add_ward(session_for("admin"), "PED", "Paediatrics", [str(n) for n in range(1, 11)])
    values = {**admission_values, "birth_date": "2024-10-01", "given_names": "Noe", "weight_kg": 12.0,
              "allergy_status": "nka", "allergies": [], "ward": "PED", "bed": "3",
              "arrival_at": "2026-11-27T09:00+01:00"}
    for unasked in ("nir", "height_cm"):
        values.pop(unasked)
    patient = records.save_new(window.session, "admission", values).patient_id
    window.patients.reload_wards()
    select_bed(window, "3")
    window.actions_by_id["record_weight"].trigger()
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "weight" and form.patient_id == patient
    form.editors["weighed_at"].set_value("2026-11-28T13:30+01:00")
    type_text(form.editors["weight_kg"].edit, "10.5")
    form.editors["method"].set_value("measured")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("confirm", "Check the weight")] and form.record is None  # back at the weight
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("confirm", "Check the weight")] * 2
    assert form.record is not None, form.summary.text()
    assert form.record.data["weight_confirmed_kg"] == 10.5
    (admission,) = records.list_current(window.session.db, form_id="admission", patient_id=patient)
    assert admission.data["weight_kg"] == 12.0
    child = census.patient_with_location(window.session.db, window.session.forms, patient)
    assert weight.latest(window.session.db, window.session.forms, [child])[patient].text("en") == \
        "10.5 kg weighed 28/11/2026"


def test_an_admissions_weight_amended_far_from_the_one_it_replaces_is_asked_about(window, session_for, admission_values,
                                                                                  answers, type_text):
    """61.5 kg amended to 71.5 (a digit slipped, +16 %), a weight usual for an adult: saved without
    a word, and the doses per kilogram went by it."""
    script, asked = answers
    script["confirm"] = [False]
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    saved = records.save_new(window.session, "admission", admission_values)
    view = window.open_record(saved)
    view.amend_button.click()
    view.editors["weight_kg"].edit.clear()
    type_text(view.editors["weight_kg"].edit, "71.5")
    QTest.keyClick(view.editors["weight_kg"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ("confirm", "Check the weight") in asked
    assert records.current(window.session.db, saved.record_id).version == 1
