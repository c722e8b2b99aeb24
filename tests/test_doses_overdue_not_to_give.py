"""The handover's DOSES OVERDUE tells the nurse to "give or record" only a dose she may give: not one
a later dose of the order, or a dose of the medicine from another order or as required, has
replaced (the amoxicillin of 08:00 beside the 14:00 given, the paracetamol tablet beside the
infusion given for its time: a double dose), not one a high potassium holds (the sheet said
"Ramipril held — prescriber to decide" and "give or record it" of the same dose), and not a
tablet for a patient nil by mouth or who failed the swallow screen (review T2, items 2 to 4)."""

from datetime import datetime

from downtime.services import census, chart_alerts, medication, records, wards

START = "2026-11-28T07:45+01:00"
AMOXICILLIN = {"drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
               "times": "08:00 14:00 20:00", "start_at": START, "controlled": False, "high_alert": False,
               "review_at": "2026-11-30T10:00+01:00"}
PARACETAMOL = {**AMOXICILLIN, "drug": "Paracetamol", "route": "PO", "times": "06:00 12:00 18:00 00:00",
               "review_at": None}
PARACETAMOL_IV = {**PARACETAMOL, "route": "IV"}
PARACETAMOL_PRN = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "prn",
                   "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 4, "start_at": START,
                   "controlled": False, "high_alert": False}
RAMIPRIL = {**PARACETAMOL, "drug": "Ramipril", "dose": 5.0, "dose_unit": "mg", "times": "08:00"}
POTASSIUM = {"received_at": "2026-11-28T07:50+01:00", "received_by": "telephone", "caller": "Biochemistry",
             "read_back": True, "test": "Potassium", "result": "6.8", "units": "mmol/L", "range": "3.5–5.3",
             "flag": "critical", "told": "Dr Martin", "told_at": "2026-11-28T07:51+01:00", "acknowledged": True,
             "action": "Calcium gluconate, insulin-dextrose"}
FAILED_SWALLOW = {"screened_at": "2026-11-28T10:20+01:00", "screened_by": "Hélène Lefèvre", "reason": "stroke",
                  "alert_upright": True, "cough_on_request": True, "controls_saliva": True, "teaspoons": "sign",
                  "signs": ["wet_voice"], "outcome": "fail", "slt_referral": "made",
                  "slt_referred_at": "2026-11-28T10:22+01:00"}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-28T{text}+01:00")


def _admitted(session_for, admission_values, clock, *orders, **admission):
    """A patient on 3B since 07:30 (no known allergy) with `orders` written at 07:40; their ids."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = _at("07:30")
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "allergy_status": "nka", "allergies": [], "arrival_at": "2026-11-28T07:30+01:00",
        **admission}).patient_id
    clock.now = _at("07:40")
    return patient, [records.save_new(session_for("doctor"), "medication_order", order, patient_id=patient).record_id
                     for order in orders]


def _given(session_for, clock, order_id, slot, at, route):
    """The dose of `slot` (None: as required) recorded given at `at`."""
    clock.now = _at(at)
    medication.record_dose(session_for("nurse"), order_id, {
        "outcome": "given", "given_at": _at(at).isoformat(), "dose_given": 1.0, "route": route,
        **({"scheduled_for": _at(slot).isoformat()} if slot else {"given_for": "pain 6/10"})})


def _overdue(session_for, clock, at, patient, lang="en"):
    clock.now = _at(at)
    nurse = session_for("nurse", lang)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", clock.now)
    return chart_alerts.doses_overdue(nurse.db, nurse.forms, inside, clock.now, lang)[patient]


def test_a_dose_the_orders_later_dose_replaced_is_recorded_not_given_late(session_for, admission_values, clock):
    """Amoxicillin 08:00 with nothing recorded, 14:00 given: at 15:00 the 08:00 is not to give."""
    patient, (amoxicillin,) = _admitted(session_for, admission_values, clock, AMOXICILLIN)
    _given(session_for, clock, amoxicillin, "14:00", "14:00", "IV")
    assert _overdue(session_for, clock, "15:00", patient) == (
        "DOSES OVERDUE, NOT RECORDED: Amoxicillin 1 g IV 28/11 08:00 — the 28/11 14:00 dose is given: record it "
        "(given on paper, or not given and why), do not give it late")
    assert _overdue(session_for, clock, "15:00", patient, "fr") == (
        "DOSES EN RETARD, NON TRACÉES : Amoxicillin 1 g IV 28/11 08:00 — la dose du 28/11 14:00 est donnée : la "
        "tracer (donnée sur papier, ou non donnée et pourquoi), ne pas la donner en retard")


def test_a_dose_the_orders_next_dose_due_now_replaced_is_not_given_late(session_for, admission_values, clock):
    """At 13:30 the 14:00 amoxicillin is due on the round: the 08:00 is recorded, the 14:00 given."""
    patient, _ = _admitted(session_for, admission_values, clock, AMOXICILLIN)
    said = _overdue(session_for, clock, "13:30", patient)
    assert "give or record" not in said and "the 28/11 14:00 dose is due now" in said


def test_a_dose_another_order_of_the_medicine_gave_for_its_time_is_not_given(session_for, admission_values, clock):
    """Paracetamol by mouth and IV at the same times, the IV given at 11:50 for 12:00: at 14:00 the
    tablet of 12:00 is not a gram more."""
    patient, (_, infusion) = _admitted(session_for, admission_values, clock, PARACETAMOL, PARACETAMOL_IV)
    _given(session_for, clock, infusion, "12:00", "11:50", "IV")
    said = _overdue(session_for, clock, "14:00", patient)
    assert "give or record" not in said
    assert said.startswith("DOSES OVERDUE, NOT RECORDED: Paracetamol 1 g PO 28/11 12:00")
    assert said.endswith("— the 28/11 12:00 dose is given: record it (given on paper, or not given and why), do not "
                         "give it late")


def test_a_dose_an_as_required_dose_of_the_medicine_gave_within_its_interval_is_not_given(
        session_for, admission_values, clock):
    """Paracetamol as required (every 4 h) given at 11:30: at 14:00 the regular 12:00 gram is not given."""
    patient, (_, as_required) = _admitted(session_for, admission_values, clock, PARACETAMOL, PARACETAMOL_PRN)
    _given(session_for, clock, as_required, None, "11:30", "PO")
    said = _overdue(session_for, clock, "14:00", patient)
    assert "give or record" not in said and "the 28/11 11:30 dose is given" in said


def test_a_dose_a_high_potassium_holds_is_said_held(session_for, admission_values, clock):
    """Potassium 6.8 received at 07:50, ramipril's 08:00 with nothing recorded: at 19:00 it is held."""
    patient, _ = _admitted(session_for, admission_values, clock, RAMIPRIL)
    clock.now = _at("07:52")
    records.save_new(session_for("nurse"), "lab_result", POTASSIUM, patient_id=patient)
    said = _overdue(session_for, clock, "19:00", patient)
    assert "Ramipril 5 mg PO 28/11 08:00 (check the paper first) — HELD: Ramipril: POTASSIUM 6.8 mmol/L" in said
    assert said.endswith("— prescriber to decide")
    assert "give or record" not in said
    assert "SUSPENDUE" in _overdue(session_for, clock, "19:00", patient, "fr")


def test_a_tablet_for_a_patient_nil_by_mouth_asks_for_another_route(session_for, admission_values, clock):
    """Nil by mouth on admission: the 12:00 paracetamol tablet, overdue at 14:00, is not to give by mouth."""
    patient, _ = _admitted(session_for, admission_values, clock, PARACETAMOL, diet=["nil_by_mouth"])
    said = _overdue(session_for, clock, "14:00", patient)
    assert said.endswith("— nil by mouth on admission: not by mouth — ask the doctor for another route, or record "
                         "it not given")
    assert "give or record" not in said


def test_a_tablet_after_a_failed_swallow_screen_asks_for_another_route(session_for, admission_values, clock):
    """The swallow screen failed at 10:20: the 12:00 paracetamol, overdue at 14:00, is not by mouth;
    the paracetamol IV of the same patient is not asked of."""
    patient, _ = _admitted(session_for, admission_values, clock, PARACETAMOL)
    clock.now = _at("10:25")
    records.save_new(session_for("nurse"), "swallow_screen", FAILED_SWALLOW, patient_id=patient)
    said = _overdue(session_for, clock, "14:00", patient)
    assert "ask the doctor for another route" in said and "give or record" not in said
    assert "demander au médecin une autre voie" in _overdue(session_for, clock, "14:00", patient, "fr")


BUCCAL = {**PARACETAMOL, "drug": "Prochlorperazine buccal", "dose": 3.0, "dose_unit": "mg", "route": "BUC"}


def test_a_buccal_dose_after_a_failed_swallow_screen_is_not_told_not_by_mouth(session_for, admission_values, clock):
    """A failed screen stops only what is swallowed (domain.swallow_screen.by_mouth): the buccal
    prochlorperazine dissolves in the mouth and its dose given raises no warning, yet the sheet
    told the nurse "not by mouth", leaving out the antiemetic the patient could take (review s65
    T3 D7)."""
    patient, _ = _admitted(session_for, admission_values, clock, PARACETAMOL, BUCCAL)
    clock.now = _at("10:25")
    records.save_new(session_for("nurse"), "swallow_screen", FAILED_SWALLOW, patient_id=patient)
    said = {line.split(" ")[0]: line for line in _overdue(session_for, clock, "14:00", patient).removeprefix(
        "DOSES OVERDUE, NOT RECORDED: ").split("; ")}
    assert "not by mouth" not in said["Prochlorperazine"] and "give or record it" in said["Prochlorperazine"]
    assert "failed swallow screen 10:20: not by mouth" in said["Paracetamol"]


def test_a_buccal_dose_nil_by_mouth_on_admission_is_not_by_mouth(session_for, admission_values, clock):
    """Nil by mouth on admission is fasting: nothing in the mouth, buccal included."""
    patient, _ = _admitted(session_for, admission_values, clock, BUCCAL, diet=["nil_by_mouth"])
    assert "— nil by mouth on admission: not by mouth" in _overdue(session_for, clock, "14:00", patient)
