"""A dose missed past the round's window (12 hours) is recorded, not given late: the handover said
"give or record each on the round" of a paracetamol 49 hours old and an enoxaparin missed
overnight, asking the next shift to give it then (a double dose, or an anticoagulant given at the
wrong time); the README's round says such a dose is accounted for and taken to the prescriber
(R2 D3). Of an order's doses still within the window, its latest keeps "give or record", the others
are recorded (S4 S2)."""

from downtime.services import census, chart_alerts, records
from tests.test_handover_doses import _record


def _overdue(nurse, lang="en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return chart_alerts.doses_overdue(nurse.db, nurse.forms, inside, nurse.clock(), lang)


def test_doses_missed_are_to_record_and_tell_the_prescriber_not_to_give_and_the_others_to_give_or_record(
        session_for, medication_ward):
    """28/11 14:00: the amoxicillin of 27/11 14:00 and 20:00 missed, that of 08:00 overdue; once the
    08:00 one is recorded, only the missed are said, and "give" of none; before, none either: the
    14:00 dose is due now."""
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    assert _overdue(nurse) == {patient: (
        "DOSES OVERDUE, NOT RECORDED: Amoxicillin 1 g IV 27/11 14:00 (MISSED, over 12 h, check the paper first), "
        "27/11 20:00 (MISSED, over 12 h, check the paper first), 28/11 08:00 (check the paper first) — the 28/11 14:00 "
        "dose is due now: record them (given on paper, or not given and why), do not give them late, tell the "
        "prescriber")}
    assert _overdue(nurse, "fr")[patient].endswith(
        " — la dose du 28/11 14:00 est à donner maintenant : les tracer (données sur papier, ou non données et "
        "pourquoi), ne pas les donner en retard, prévenir le prescripteur")
    _record(nurse, amoxicillin, "2026-11-28T08:00+01:00", "given")
    said = _overdue(nurse)[patient]
    assert said.endswith("27/11 20:00 (MISSED, over 12 h) — record each MISSED (given on "
                         "paper, or not given and why), do not give it late: tell the prescriber")
    assert "give or record" not in said


def test_orders_whose_doses_are_all_missed_are_told_what_to_do_once(session_for, medication_ward):
    """A senna of 27/11 22:00 and the amoxicillin's doses of 27/11, all missed, the amoxicillin's
    08:00 recorded: one "record each MISSED …" after both, where the sheet wrote its 20 words after
    each (review s65 T1-3)."""
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Senna", "dose": 15.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "22:00",
        "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient)
    _record(nurse, amoxicillin, "2026-11-28T08:00+01:00", "given")
    for lang, then in (("en", "record each MISSED"), ("fr", "tracer chaque dose OMISE")):
        said = _overdue(nurse, lang)[patient]
        assert said.count(then) == 1, said
        assert said.index("Amoxicillin") < said.index("Senna") < said.index(then), said
