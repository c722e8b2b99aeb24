"""A going-home letter reconciles the medicines (NICE NG5 1.2 and 1.3): each medicine taken at home is
said continued, stopped or changed, and each order stopped in hospital is said stopped. The letter
listed only the orders in force: bisoprolol, taken at home and stopped in hospital for a pulse of
48, vanished from it, the GP read it as still taken, and a home apixaban never charted in hospital
went unmentioned, nobody asked whether to restart it."""

from datetime import datetime, timedelta

from downtime.services import census, leaving, medication, prefill, records
from tests.test_anticoagulation import warfarin  # noqa: F401 (a fixture)
from tests.test_discharge_medicines import (  # noqa: F401 (fixtures)
    HOME,
    LEFT_AT_TWO,
    USUAL,
    going_home,
    typed_late,
)
from tests.test_snapshot_bundle_time import _load

BISOPROLOL = {"drug": "Bisoprolol", "dose": 2.5, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "08:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False}


def _discharge_medicines(nurse, patient: str) -> str:
    return prefill.first_answers(nurse, nurse.form("discharge"), patient)["medicines_on_discharge"]


def test_a_home_medicine_stopped_in_hospital_is_said_stopped_with_why(session_for, going_home, clock):  # noqa: F811
    """Bisoprolol charted from 27/11, stopped by an amendment on 28/11 at 07:00 for a pulse of 48."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-27T10:00+01:00")
    order = records.save_new(doctor, "medication_order", BISOPROLOL, patient_id=going_home)
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    records.amend(doctor, order.record_id, {**order.data, "stop_at": "2026-11-28T07:00+01:00"}, "pulse 48")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    medicines = _discharge_medicines(nurse, going_home)
    assert "Bisoprolol 2.5 mg PO — STOPPED in hospital 28/11 07:00: pulse 48" in medicines
    # Taken at home and only stopped in hospital: whether it restarts is asked.
    assert ("Bisoprolol 2.5 mg in the morning — taken before admission, stopped in hospital: continue, stop or "
            "change? …") in medicines.splitlines()
    assert "Furosemide 40 mg PO — STOPPED in hospital 28/11 07:00" in medicines  # an order stopped, no reason
    assert "PO — ARRÊTÉ à l’hôpital le\u00a028/11 à 07:00 : pulse 48" in _discharge_medicines(
        session_for("nurse", "fr"), going_home)
    # A transfer to another hospital hands on what runs, as before.
    assert "STOPPED" not in prefill.first_answers(nurse, nurse.form("transfer_out"), going_home)["current_treatments"]


def test_a_home_medicine_no_order_matches_is_asked_of_before_the_save(session_for, going_home):  # noqa: F811
    """Apixaban, taken at home and never charted: the line ends in the blank the save asks of."""
    nurse = session_for("nurse")
    medicines = _discharge_medicines(nurse, going_home)
    line = ("Apixaban 5 mg twice a day — taken before admission, not charted in hospital: continue, stop or "
            "change? …")
    assert line in medicines.splitlines()
    spec = nurse.form("discharge")
    asked = leaving.unfilled(spec, {"medicines_on_discharge": medicines}, "en")
    assert len(asked) == 2 and f"“{line}”: fill in the “…”" in asked[0]  # bisoprolol, not charted here, too
    assert medicines.splitlines()[1].startswith("Bisoprolol 2.5 mg in the morning — taken before admission")
    answered = medicines.replace("change? …", "change? restarted 28/11 by Dr Benali")
    assert leaving.unfilled(spec, {"medicines_on_discharge": answered}, "en") == []
    fr = session_for("nurse", "fr")
    said = _discharge_medicines(fr, going_home)
    assert ("Apixaban 5 mg twice a day — pris avant l’admission, non prescrit à l’hôpital : poursuivre, arrêter ou "
            "modifier ? …") in said
    assert len(leaving.unfilled(spec, {"medicines_on_discharge": said}, "fr")) == 2


def test_the_letter_gives_the_orders_indication(session_for, warfarin, clock):  # noqa: F811 (the fixture)
    """The GP and the anticoagulation clinic decide the target and the duration from it."""
    patient, _ = warfarin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T10:00+01:00")
    line = next(line for line in _discharge_medicines(nurse, patient).splitlines() if "Warfarin" in line)
    assert "; for atrial fibrillation)" in line
    fr = session_for("nurse", "fr")
    assert "; indication : atrial fibrillation)" in _discharge_medicines(fr, patient)


def test_a_going_home_letter_says_no_dose_recorded_or_none_given_not_not_given_yet(session_for, medication_ward,
                                                                                  clock):
    """Amoxicillin at 08:00 14:00 20:00 from 27/11 10:00, never recorded, and a PRN morphine never
    given: "not given yet" was read by the GP as a dose still to give."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    medicines = _discharge_medicines(nurse, patient)
    assert "not given yet" not in medicines
    assert ("Amoxicillin 1 g IV, at 08:00 14:00 20:00, from 27/11/2026 10:00 — no dose recorded in hospital "
            "(3 doses due 27/11 14:00 to 28/11 08:00): check the paper chart") in medicines
    assert "none given in hospital" in next(line for line in medicines.splitlines() if line.startswith("Morphine"))
    # A transfer to another hospital reads the doses past as the letter home does (review R3 D6).
    transfer = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"]
    assert "not given yet" not in transfer and "(3 doses due 27/11 14:00 to 28/11 08:00): check the paper chart" in \
        transfer


def test_a_french_letter_sets_the_missed_dose_after_a_spaced_colon(session_for, typed_late):  # noqa: F811
    fr = session_for("nurse", "fr")
    medicines = prefill.first_answers(fr, fr.form("discharge"), typed_late, at=LEFT_AT_TWO)["medicines_on_discharge"]
    assert "(prévue 28/11 12:00) : vérifier" in medicines and "PO: " not in medicines and "): " not in medicines


def _usual(nurse, patient: str, usual: str) -> None:
    admission = next(record for record in records.list_current(nurse.db, patient_id=patient)
                     if record.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, "usual_medicines": usual}, "told by the daughter")


def _order(doctor, patient: str, drug: str, dose: float, **more) -> records.RecordVersion:
    return records.save_new(doctor, "medication_order", {
        "drug": drug, "dose": dose, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "08:00",
        "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": drug == "Apixaban", **more},
        patient_id=patient)


def test_a_home_medicine_held_or_at_another_dose_in_hospital_is_asked_of(session_for, going_home, clock):  # noqa: F811
    """Apixaban 5 mg twice a day at home, 2.5 mg charted; bisoprolol charted as at home, then held
    for a pulse of 48: the letter was silent on both, read as matched."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-27T10:00+01:00")
    _order(doctor, going_home, "Apixaban", 2.5)
    held = _order(doctor, going_home, "Bisoprolol", 2.5)
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    records.amend(doctor, held.record_id, {**held.data, "stop_at": "2026-11-28T07:00+01:00"}, "held: pulse 48")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    medicines = _discharge_medicines(nurse, going_home)
    assert medicines.splitlines()[:2] == [
        "Apixaban 5 mg twice a day — taken before admission, dose changed in hospital: continue, stop or change? …",
        "Bisoprolol 2.5 mg in the morning — taken before admission, stopped in hospital: continue, stop or change? …"]
    assert len(leaving.unfilled(nurse.form("discharge"), {"medicines_on_discharge": medicines}, "en")) == 2
    fr = _discharge_medicines(session_for("nurse", "fr"), going_home)
    assert "Apixaban 5 mg twice a day — pris avant l’admission, dose modifiée à l’hôpital : poursuivre" in fr


def test_a_home_line_is_left_to_its_order_only_when_one_order_gives_all_it_names(session_for, medication_ward,
                                                                                 clock):
    """Several medicines on one line, one of them charted, and co-codamol beside a paracetamol
    order went unasked: the ramipril and the codeine were never mentioned. A line one order in
    force gives at the dose it says is that order's, a name the tables do not know by its first
    word."""
    patient = medication_ward[0]
    nurse, doctor = session_for("nurse"), session_for("doctor")
    _usual(nurse, patient, "Apixaban 5 mg bd, ramipril 5 mg\nCo-codamol 30/500 two tablets qds\n"
                           "- Paracetamol 1 g qds\nApixaban 5 mg bd\nFoo 10 mg")
    _order(doctor, patient, "Apixaban", 5.0, times="08:00 20:00")
    _order(doctor, patient, "Paracetamol", 1000.0, times="06:00 12:00 18:00 22:00")
    _order(doctor, patient, "Foo", 10.0)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    asked = [line for line in _discharge_medicines(nurse, patient).splitlines() if "taken before admission" in line]
    said = "its medicines not all given by one order in hospital, say of each: continue, stop or change? …"
    assert asked == [f"Apixaban 5 mg bd, ramipril 5 mg — taken before admission, {said}",
                     f"Co-codamol 30/500 two tablets qds — taken before admission, {said}"]


def test_a_line_saying_there_is_no_medicine_is_not_asked_of(session_for, medication_ward, admission_values,
                                                            clock):
    """"Nil", "NKDA", "Aucun", "Néant", a heading: each went on the letter as a medicine to
    continue, stop or change, and the save asked to complete it ("See GP letter", a list not got
    yet, is asked as unknown: test_home_medicines_not_recorded). A patient on no order keeps the
    line saying so, whatever the home lines."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    _usual(nurse, patient, "Nil\nNone\nNKDA\nAucun\nNéant\nPas de traitement\n"
                           "Nil regular medicines\nTraitement habituel :")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    medicines = _discharge_medicines(nurse, patient)
    assert "taken before admission" not in medicines
    assert leaving.unfilled(nurse.form("discharge"), {"medicines_on_discharge": medicines}, "en") == []
    alone = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-27T09:00+01:00",
                                                  "bed": "14", "usual_medicines": "Nil\nRamipril 5 mg"}).patient_id
    assert _discharge_medicines(nurse, alone).splitlines() == [
        "Ramipril 5 mg — taken before admission, not charted in hospital: continue, stop or change? …",
        "None: no medicine in force on the medication chart"]


def test_orders_stopped_in_hospital_follow_those_in_force_one_a_medicine(session_for, medication_ward, clock):
    """A fortnight's orders stopped (70 medicines, paracetamol rewritten at a new dose three
    times) before the three in force, written last: sorted by start among them, the stopped ones
    pushed the insulin and the antiepileptic in force off the shortened letter."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    start = datetime.fromisoformat("2026-11-27T10:00+01:00")
    for number in range(70):
        clock.now = start + timedelta(minutes=number)
        _order(doctor, patient, f"Zorbexil{number:02d} " + "modified-release film-coated tablets " * 2, 1.0,
               start_at=clock.now.isoformat(), stop_at=(clock.now + timedelta(hours=2)).isoformat())
    for dose in (500.0, 1000.0):
        clock.now = start + timedelta(hours=3, minutes=dose / 100)
        _order(doctor, patient, "Paracetamol", dose, start_at=clock.now.isoformat(),
               stop_at=(clock.now + timedelta(hours=1)).isoformat())
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    for drug in ("Paracetamol", "Levetiracetam", "Bisoprolol"):
        _order(doctor, patient, drug, 500.0 if drug != "Bisoprolol" else 2.5, start_at="2026-11-28T09:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    unknown, *lines = _discharge_medicines(nurse, patient).splitlines()
    assert unknown.startswith("Medicines taken before admission — NOT RECORDED")  # none on the admission: asked
    assert [line.split(" ")[0] for line in lines[:5]] == ["Amoxicillin", "Morphine", "Bisoprolol", "Levetiracetam",
                                                          "Paracetamol"]
    assert not any("STOPPED" in line for line in lines[:5])
    assert "Paracetamol" not in "\n".join(lines[5:])  # rewritten: its order in force says it
    assert lines[-1].startswith("… and ")  # the cut falls on the stopped ones


def test_doses_the_ehr_holds_are_not_sent_to_the_paper_chart(session_for, clock, tmp_path):
    """Furosemide loaded from the EHR's snapshot at 11:00 on 29/11, running since 26/11, its doses
    on the EHR's chart: the letter said three days unrecorded, "check the paper chart"."""
    _load(session_for, clock, tmp_path, None, "2026-11-29T11:00+01:00")
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T11:30+01:00")
    patient = next(row.patient.patient_id for row in census.census(nurse.db, nurse.forms, "3B") if row.patient)
    line = next(line for line in _discharge_medicines(nurse, patient).splitlines() if line.startswith("Furosemide"))
    assert line == "Furosemide 40 mg IV, at 08:00 14:00, from 26/11/2026 11:00"


def test_a_refused_dose_is_said_at_its_own_time(session_for, medication_ward, clock):
    """Amoxicillin from 27/11: nothing recorded at 14:00 and 20:00, the 28/11 08:00 dose refused:
    the letter dated the refusal 27/11 14:00, and the two unrecorded doses lost their question."""
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:10+01:00")
    medication.record_dose(nurse, amoxicillin, {"outcome": "not_given", "given_at": "2026-11-28T08:10+01:00",
                                                "scheduled_for": "2026-11-28T08:00+01:00",
                                                "not_given_reason": "refused"})
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    line = next(line for line in _discharge_medicines(nurse, patient).splitlines() if line.startswith("Amoxicillin"))
    assert line.startswith("Amoxicillin 1 g IV, at 08:00 14:00 20:00, from 27/11/2026 10:00 — no dose recorded in "
                           "hospital (2 doses due 27/11 14:00 to 27/11 20:00): check the paper chart — not given in "
                           "hospital (due 28/11 08:00): R — Refused")


def test_an_order_written_with_its_end_and_stopped_early_keeps_why(session_for, medication_ward, clock):
    """A 7-day clarithromycin, its end written in, stopped on day 2 for a QTc of 520 ms."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-27T10:00+01:00")
    order = _order(doctor, patient, "Clarithromycin", 500.0, stop_at="2026-12-04T10:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    records.amend(doctor, order.record_id, {**order.data, "stop_at": "2026-11-28T07:00+01:00"}, "QTc 520 ms")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    assert "Clarithromycin 500 mg PO — STOPPED in hospital 28/11 07:00: QTc 520 ms" in _discharge_medicines(
        nurse, patient).splitlines()


def test_a_dose_still_in_its_window_is_not_given_yet_not_sent_to_the_paper_chart(session_for, medication_ward,
                                                                                   clock):
    """Omeprazole at 14:00, written at 13:30, nothing recorded: read at 14:00 (due), 14:20 and
    14:45 (late, within its round), the letter said "no dose recorded in hospital: check the paper
    chart", and the GP doubted a dose never due before the patient left. Overdue, it is asked of."""
    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-27T13:30+01:00")
    _order(session_for("doctor"), patient, "Omeprazole", 20.0, times="14:00", start_at=clock.now.isoformat())
    nurse = session_for("nurse")

    def omeprazole_at(moment: str) -> str:
        clock.now = datetime.fromisoformat(f"2026-11-27T{moment}+01:00")
        return next(line for line in _discharge_medicines(nurse, patient).splitlines() if line.startswith("Omeprazole"))

    for moment in ("14:00", "14:20", "14:45"):
        assert omeprazole_at(moment) == "Omeprazole 20 mg PO, at 14:00, from 27/11/2026 13:30 — not given yet", moment
    assert omeprazole_at("15:10") == ("Omeprazole 20 mg PO, at 14:00, from 27/11/2026 13:30 — no dose recorded "
                                      "in hospital (due 27/11 14:00): check the paper chart")
