"""The observation and escalation plan on screen: comfort care decided while the admission has no
DNACPR asks why CPR stands, or where the DNACPR is written, and keeps the answer in the plan. It
was saved without a word, and the strip, the crash team and the letters read "For resuscitation"
of a patient whose plan was comfort only."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.services import records

DNACPR = {"resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
          "resuscitation_decided_at": "2026-11-28T10:00+01:00"}


def _comfort(window, patient):
    form = window.open_new(window.session.form("observation_plan"), patient)
    for name, value in (("decided_at", "2026-11-28T11:00+01:00"), ("decided_by", "Dr Benali"),
                        ("escalation", "comfort"), ("frequency", "stopped")):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    return form


def test_comfort_care_with_no_dnacpr_asks_why_cpr_stands_and_keeps_it(window, medication_ward, answers):
    """Cancelled, the plan is not saved; answered, the answer is kept in the plan."""
    patient = medication_ward[0]
    script, asked = answers
    script["reason"] = [None, "DNACPR written on the paper notes by Dr Benali, to be typed in"]
    form = _comfort(window, patient)
    assert asked == [("reason", "Comfort care with no DNACPR recorded")] and form.record is None
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    assert form.record.data["cpr_reason"] == "DNACPR written on the paper notes by Dr Benali, to be typed in"


def test_comfort_care_with_a_dnacpr_recorded_asks_nothing(window, medication_ward, session_for, answers):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    admission = next(r for r in records.list_current(nurse.db, patient_id=patient) if r.form_id == "admission")
    records.amend(session_for("doctor"), admission.record_id, {**admission.data, **DNACPR}, "DNACPR decided")
    _, asked = answers
    form = _comfort(window, patient)
    assert asked == [] and form.record is not None and "cpr_reason" not in form.record.data


def _why_cpr_shown(window, patient) -> bool:
    form = window.open_new(window.session.form("observation_plan"), patient)
    form.editors["escalation"].set_value("comfort")
    layout, cell = form.rows["cpr_reason"]
    return layout.isRowVisible(cell)


def test_why_cpr_stands_is_not_asked_on_screen_of_a_patient_with_a_dnacpr(window, medication_ward, session_for):
    """Comfort care chosen for a patient whose admission records a DNACPR: the form still showed
    "No DNACPR recorded: why CPR stands, …", and what was typed there went to the EHR as that."""
    patient = medication_ward[0]
    admission = next(r for r in records.list_current(window.session.db, patient_id=patient) if r.form_id == "admission")
    records.amend(session_for("doctor"), admission.record_id, {**admission.data, **DNACPR}, "DNACPR decided")
    assert not _why_cpr_shown(window, patient)
