"""A dose given covertly keeps its answer when amended in the records screen after its order is
made open: the form view hid the question (judged by the order as it reads now), its values left
it out, and the amendment erased "given covertly" from the chart, the MARs and the EHR (review
S2 S3). The tests' clock is 14:00 on 28/11 (Paris)."""

from downtime.qt.form_view import FormView
from downtime.services import medication, records

SERTRALINE = {"drug": "Sertraline", "dose": 50.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "10:00 14:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False,
              "covert": True, "covert_how": "crushed, in yoghurt", "covert_decided_at": "2026-11-28T08:30+01:00",
              "covert_decided_by": "Dr Karim Benali, consultant"}
OPEN = {"covert": False, "covert_how": None, "covert_decided_at": None, "covert_decided_by": None}


def test_amending_a_dose_given_covertly_keeps_its_answer_once_the_order_is_open(session_for, patient, qtbot):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", SERTRALINE, patient_id=patient)
    dose = medication.record_dose(nurse, order.record_id, {
        "outcome": "given", "dose_given": 50.0, "route": "PO", "scheduled_for": "2026-11-28T10:00+01:00",
        "given_at": "2026-11-28T10:05+01:00"})
    records.amend(doctor, order.record_id, {**order.data, **OPEN}, "reviewed: takes it openly now")
    form = FormView(nurse, nurse.form(medication.DOSE_FORM), record=records.current(nurse.db, dose.record_id))
    qtbot.addWidget(form)
    values = form.values()
    assert values is not None and values[medication.GIVEN_COVERTLY] is True
    amended = records.amend(nurse, dose.record_id, {**values, "site": "in yoghurt at breakfast"}, "site added")
    assert amended.data[medication.GIVEN_COVERTLY] is True


def test_a_dose_form_restored_as_typed_is_judged_at_the_time_typed(session_for, patient, qtbot):
    """A draft (or the form in the other language) holds the time as typed, "28/11/2026 10:05",
    not as stored: the question is judged at it, under the decision standing then."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", SERTRALINE, patient_id=patient)
    form = FormView(nurse, nurse.form(medication.DOSE_FORM), patient_id=patient)
    qtbot.addWidget(form)
    form.restore({"order": order.record_id, "outcome": "given", "given_at": "28/11/2026 08:00"})
    assert form.asked[medication.GIVEN_COVERTLY] is False
    form.restore({"order": order.record_id, "outcome": "given", "given_at": "28/11/2026 10:05"})
    assert form.asked.get(medication.GIVEN_COVERTLY) is not False
