"""A nutrition screening's weight far from the stay's latest is asked about as the admission's is,
the weight confirmed kept in the screening; the loss the stay's weights show is then asked at the
weight lost, and confirmed as not scored in its own box."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.services import census, nutrition, weight


def test_a_screenings_weight_far_from_the_admissions_is_asked_about_then_its_loss(window_for, session_for, patient,
                                                                                 clock, answers, type_text):
    """61.5 kg on admission, 52 kg a week later with "less than 5 %" ticked."""
    script, asked = answers
    script["confirm"] = [False, True]
    clock.advance(days=7)
    window = window_for(session_for("nurse"))
    form = window.open_new(window.session.form("nutrition_screening"), patient)
    assert isinstance(form, FormView)
    form.editors["screened_at"].set_value("2026-12-05T10:00+01:00")
    type_text(form.editors["weight_kg"].edit, "52")
    form.editors["weight_loss"].set_value("under_5")
    form.editors["acute_no_intake"].set_value(False)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("confirm", "Check the weight")] and form.record is None  # back at the weight
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("confirm", "Check the weight")] * 2 and form.record is None
    assert form.editors["weight_confirmed_kg"].value() == 52.0
    said = form.error_labels["weight_loss"]
    assert not said.isHidden() and "show 15.4 % lost" in said.text()
    type_text(form.editors["loss_not_scored_pct"].edit, "15")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    assert (form.record.data["weight_confirmed_kg"], form.record.data["loss_not_scored_pct"]) == (52.0, 15)
    assert nutrition.latest(form.session.db, [patient])[patient].text("en").endswith(
        "; 15 % weight loss measured, not scored)")


def test_a_screening_of_a_patient_who_cannot_be_weighed_says_its_weight_is_estimated(window_for, session_for, patient,
                                                                                   type_text):
    window = window_for(session_for("nurse"))
    form = window.open_new(window.session.form("nutrition_screening"), patient)
    form.editors["screened_at"].set_value("2026-11-28T13:30+01:00")
    type_text(form.editors["weight_kg"].edit, "61")
    form.editors["weight_method"].set_value("estimated")
    form.editors["weight_loss"].set_value("under_5")
    form.editors["acute_no_intake"].set_value(False)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    patients = [census.patient_with_location(form.session.db, form.session.forms, patient)]
    assert weight.latest(form.session.db, form.session.forms, patients)[patient].text("en") == (
        "61.5 kg on admission (28/11/2026) (the weight measured, not the later 61 kg ESTIMATED 28/11/2026, not "
        "weighed)")
