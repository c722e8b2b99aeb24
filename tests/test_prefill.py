"""A transfer-out starts from the chart: the patient's last observation set and the treatments in
force, for the nurse to check, instead of figures copied by hand from one screen to another."""

from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from downtime.domain.medication import Check
from downtime.domain.news2 import Band
from downtime.formspec.loader import FormSpecError, load_forms
from downtime.services import medication, observations, prefill, printing, records, wards

SET = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
       "on_oxygen": False, "systolic_bp": 105, "diastolic_bp": 70, "pulse": 115, "consciousness": "new_confusion",
       "temperature": 38.3}


def test_a_transfer_out_starts_from_the_last_observation_set_standing(session_for, medication_ward, clock):
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(nurse, "observations", {**SET, "taken_at": "2026-11-28T08:00+01:00", "pulse": 72,
                                             "consciousness": "alert"}, patient_id=patient)
    records.save_new(nurse, "observations", SET, patient_id=patient)
    wrong = records.save_new(nurse, "observations", {**SET, "taken_at": "2026-11-28T13:00+01:00", "pulse": 40},
                             patient_id=patient)
    records.mark_entered_in_error(nurse, wrong.record_id, "another patient's set")
    answers = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)
    assert {name: answers[name] for name in ("obs_at", "resp_rate", "spo2", "systolic", "diastolic", "pulse",
                                             "temperature", "consciousness")} == {
        "obs_at": "2026-11-28T12:00+01:00", "resp_rate": 22, "spo2": 95, "systolic": 105, "diastolic": 70,
        "pulse": 115, "temperature": 38.3, "consciousness": "confusion"}
    assert answers["on_oxygen"] is False and "oxygen_flow" not in answers
    assert not {"situation", "receiving_hospital", "allergies_checked"} & answers.keys()


def test_a_transfer_out_scores_its_last_observations_with_news2(session_for, medication_ward, clock, tmp_path):
    """The handover copied the last set's readings and no score: the receiving team worked it out
    again, or took 22, 95 %, 115 and new confusion for a stable patient. Its observations are
    scored as the set they were copied from (new confusion, "confusion" on the handover, scores
    3), the score worked out from the handover's own answers: a pulse retaken on it is rescored,
    on screen and paper."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    records.save_new(nurse, "observations", SET, patient_id=patient)
    spec = nurse.form("transfer_out")
    (section,) = [section for section in spec.sections if section.news2]
    answers = prefill.first_answers(nurse, spec, patient)
    news2 = observations.copied_score(section, answers)
    assert news2 is not None and (news2.total, news2.band, news2.complete) == (10, Band.HIGH, True)
    assert observations.copied_score(section, {**answers, "pulse": 80}).total == 8
    assert observations.copied_score(section, {"obs_at": answers["obs_at"]}) is None
    assert observations.copied_score(section, {**answers, "pulse": 2}) is None  # a slip, refused when saved
    handover = records.save_new(nurse, "transfer_out", {
        **answers, "departed_at": "2026-11-28T14:00+01:00", "receiving_hospital": "CHU Lyon", "receiving_unit": "ICU",
        "transport_mode": "ambulance", "escort": "nurse", "situation": "Sepsis", "background": "Fall",
        "condition": "unstable", "allergies_checked": True, "documents_sent": ["medication_chart"]}, patient_id=patient)
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(printing.print_record(nurse, handover.record_id, tmp_path / "h.pdf")).pages)
    assert "NEWS2 10 — HIGH" in text and "Emergency response: registered nurse immediately informs" in text
    blank = " ".join(" ".join(page.extract_text().split())
                     for page in PdfReader(printing.print_blank(nurse, "transfer_out", tmp_path / "b.pdf")).pages)
    assert "NEWS2 total" in blank and "Clinical risk" in blank


def test_a_transfer_out_says_whether_the_last_set_was_on_oxygen_and_at_what_flow(
        session_for, medication_ward, clock):
    """An SpO2 of 92 % on 4 L/min is not one on air: the handover copied the saturation alone,
    and the receiving team could not tell (nor score NEWS2) without ringing back."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(nurse, "observations", {**SET, "on_oxygen": True, "oxygen_flow": 4.0, "spo2": 92},
                     patient_id=patient)
    answers = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)
    assert (answers["spo2"], answers["on_oxygen"], answers["oxygen_flow"]) == (92, True, 4.0)
    records.save_new(nurse, "observations", {**SET, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    answers = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)
    assert answers["on_oxygen"] is False and "oxygen_flow" not in answers


def test_a_transfer_out_lists_the_treatments_in_force_with_their_last_dose(session_for, medication_ward, clock):
    """Each with why it was prescribed despite the patient's allergy, when it was: the receiving
    ICU read "ALLERGIES: Penicillin" above amoxicillin, and nothing of the decision taken."""
    patient, amoxicillin, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    medication.record_dose(nurse, amoxicillin, {"outcome": "given", "given_at": "2026-11-28T08:05+01:00",
                                                "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1.0,
                                                "route": "IV"}, overrides={Check.ALLERGY: "tolerated in 2024"})
    stopped = records.save_new(doctor, "medication_order", {
        "drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00", "start_at": "2026-11-27T10:00+01:00", "stop_at": "2026-11-28T07:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    lines = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"].split("\n")
    assert lines == ["Amoxicillin 1 g IV, at 08:00 14:00 20:00, from 27/11/2026 10:00 — last given 28/11/2026 08:05 — "
                     "prescribed despite the recorded allergy: “Rash as a child; amoxicillin tolerated since”",
                     "Morphine 5 mg SC, as required (pain score > 4), at least 4 h apart, at most 4 in 24 h, "
                     "from 27/11/2026 10:00 (CONTROLLED DRUG — witness; HIGH-ALERT) — none given in hospital"]
    assert stopped.data["drug"] not in "".join(lines)
    records.amend(doctor, stopped.record_id, {**stopped.data, "drug": "Clarithromycin", "stop_at": None,
                                              "review_at": "2026-12-01T10:00+01:00",
                                              "allergy_reason": "kept from another medicine"}, "restarted")
    restarted = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"]
    assert "Clarithromycin" in restarted and "kept from another medicine" not in restarted  # it matches no allergy


def test_a_transfer_out_hands_over_what_the_chart_says_of_each_order(session_for, medication_ward, clock):
    """The receiving team read "Insulin aspart up to 8 units SC" without its scale, levodopa
    without "time-critical" nor its two doses missed ("not given yet"), and an antibiotic
    planned to end on 3 December as "stopped 03/12" (French "arrêtée le"), a course they did not
    continue. The doses missed are said as facts, as on the letter home (review R3 D6): the
    escalation list's "give it now" is this ward's instruction."""
    patient, _, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    common = {"route": "PO", "frequency": "scheduled", "start_at": "2026-11-28T09:30+01:00", "controlled": False,
              "high_alert": False}
    records.save_new(doctor, "medication_order", {**common, "drug": "Co-careldopa 25/100", "dose": 1.0,
                                                  "dose_unit": "tablet", "times": "10:00 13:00 16:00",
                                                  "time_critical": True}, patient_id=patient)
    records.save_new(doctor, "medication_order", {**common, "drug": "Insulin aspart", "dose": 8.0, "dose_unit": "units",
                                                  "route": "SC", "times": "18:00", "high_alert": True,
                                                  "time_critical": True,
                                                  "dose_rule": "glucose over 12: 4 units; over 16: 8 units"},
                     patient_id=patient)
    records.save_new(doctor, "medication_order", {**common, "drug": "Doxycycline", "dose": 100.0, "dose_unit": "mg",
                                                  "times": "18:00", "stop_at": "2026-12-03T08:00+01:00"},
                     patient_id=patient)
    lines = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"].split("\n")
    assert lines[2:] == [
        "Co-careldopa 25/100 1 tablet(s) PO, at 10:00 13:00 16:00, from 28/11/2026 09:30 (TIME-CRITICAL — within 30 min) "
        "— no dose recorded in hospital (2 doses due 28/11 10:00 to 28/11 13:00): check the paper chart",
        "Doxycycline 100 mg PO, at 18:00, from 28/11/2026 09:30, until 03/12/2026 08:00 — not given yet",
        "Insulin aspart up to 8 units SC, at 18:00, from 28/11/2026 09:30 (HIGH-ALERT; TIME-CRITICAL — within 30 min; "
        "VARIABLE DOSE — by its rule; Variable dose: glucose over 12: 4 units; over 16: 8 units) — not given yet"]
    french = prefill.first_answers(session_for("nurse", "fr"), nurse.form("transfer_out"), patient)["current_treatments"]
    assert "jusqu’au 03/12/2026 08:00" in french and "HORAIRE CRITIQUE — à 30 min près" in french


def test_a_transfer_out_hands_over_the_orders_written_for_later(session_for, medication_ward, clock):
    """Furosemide 40 mg IV once at 18:00 and ceftriaxone from tomorrow 08:00, written before a
    transfer at 16:00, were left off the handover (not started yet): the receiving team never
    gave the evening's furosemide, nor started the antibiotic. Each is handed over, its time
    saying when; an order stopped before its start is not."""
    patient, _, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T16:00+01:00")
    common = {"dose_unit": "mg", "route": "IV", "controlled": False, "high_alert": False}
    records.save_new(doctor, "medication_order", {**common, "drug": "Furosemide", "dose": 40.0, "frequency": "once",
                                                  "start_at": "2026-11-28T18:00+01:00"}, patient_id=patient)
    records.save_new(doctor, "medication_order", {**common, "drug": "Ceftriaxone", "dose": 2000.0,
                                                  "frequency": "scheduled", "times": "08:00",
                                                  "start_at": "2026-11-29T08:00+01:00",
                                                  "review_at": "2026-12-02T08:00+01:00"}, patient_id=patient)
    cancelled = records.save_new(doctor, "medication_order", {**common, "drug": "Gentamicin", "dose": 5.0,
                                                              "frequency": "once", "start_at": "2026-11-28T20:00+01:00"},
                                 patient_id=patient)
    records.amend(doctor, cancelled.record_id, {**cancelled.data, "stop_at": "2026-11-28T15:30+01:00"}, "not needed")
    lines = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"].split("\n")
    assert lines[2:] == ["Furosemide 40 mg IV, once, at 28/11/2026 18:00 — not given yet",
                         "Ceftriaxone 2000 mg IV, at 08:00, from 29/11/2026 08:00 — not given yet"]


def test_a_transfer_out_leaves_out_the_orders_of_a_stay_that_ended(earlier_stay, session_for, medication_ward):
    """The furosemide of the patient's first stay, never stopped at that discharge, was handed
    over to the receiving hospital as a current treatment of this one; the orders written in
    this stay are."""
    nurse, _, _ = earlier_stay
    treatments = prefill.first_answers(nurse, nurse.form("transfer_out"), medication_ward[0])["current_treatments"]
    assert [line.split(" ")[0] for line in treatments.split("\n")] == ["Amoxicillin", "Morphine", "Ceftriaxone"]


def test_a_death_does_not_start_verified_by_the_person_signed_in(session_for, medication_ward, tmp_path):
    """"Death verified by" started as the signed-in nurse's name: in France a doctor certifies a
    death, and the nurse recording it is the record's author. A form that asks for the person
    signed in (`signed_in`) still starts with their name."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    assert prefill.first_answers(nurse, nurse.form("death"), patient) == {}
    edited = load_forms(_forms_edited(tmp_path, "transfer_out.yaml", "      - id: handed_over_to\n",
                                      "      - id: handed_over_to\n        signed_in: true\n"))
    assert prefill.first_answers(nurse, edited["transfer_out"], patient)["handed_over_to"] == "Hélène Lefèvre"


@pytest.mark.parametrize("field, problem", [
    ("died_at", "field 'died_at': signed_in fills a text field only"),
])
def test_a_signed_in_answer_other_than_a_text_is_refused_when_the_forms_load(tmp_path, field, problem):
    with pytest.raises(FormSpecError, match=f"death.yaml.*{problem}"):
        load_forms(_forms_edited(tmp_path, "death.yaml", f"      - id: {field}\n",
                                 f"      - id: {field}\n        signed_in: true\n"))


def test_a_patient_with_nothing_charted_starts_with_a_handover_of_their_admissions_answers_alone(session_for,
                                                                                                  admission_values):
    """No observation, no order: nothing else to copy but that no VTE risk assessment was made. The
    resuscitation status and the isolation come from the admission, which every patient has: the
    handover left a DNACPR decision and an MRSA isolation on the ward's census, for the receiving
    team to learn of them from no paper."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali", "resuscitation_decided_at": "2026-11-28T10:00+01:00",
                                                    "isolation": "contact"}).patient_id
    assert prefill.first_answers(nurse, nurse.form("transfer_out"), patient) == {
        "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
        "resuscitation_decided_at": "2026-11-28T10:00+01:00", "isolation": "contact",
        "vte": "VTE risk not assessed during this stay"}


def test_a_handover_says_how_to_talk_with_the_patient(session_for, admission_values):
    """The receiving ward learnt that a patient spoke no French, or could not hear, when they
    first asked them something: the admission's language, interpreter and communication needs
    are copied (printed: tests/test_pdf_forms.py)."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {
        **admission_values, "language": "Vietnamese", "interpreter_needed": True,
        "communication_needs": "Hard of hearing: left ear; speak slowly"}).patient_id
    answers = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)
    assert {key: answers.get(key) for key in ("language", "interpreter_needed", "communication_needs")} == {
        "language": "Vietnamese", "interpreter_needed": True, "communication_needs": "Hard of hearing: left ear; speak slowly"}


@pytest.mark.parametrize("copied, expected", [
    ("{form: nowhere, field: pulse}", "names unknown form 'nowhere'"),
    ("{form: observations, field: heart}", "names unknown field 'heart' of 'observations'"),
    ("{form: observations, field: temperature}", "observations.temperature is a decimal, this a integer"),
    ("{form: observations}", "without a field copies 'medication_order' or 'lab_result' or 'repositioning' or "
                              "'wound_care' or 'device_check' or 'pain_assessment' or 'nutrition_screening' or "
                              "'delirium_screening' or 'inpatient_fall' or 'neuro_observations' or "
                              "'sepsis_screening' or 'vte_assessment' or "
                              "'paediatric_observations' or 'missing_patient' or 'swallow_screen' or 'falls_risk' into a "
                              "long text only"),
])
def test_a_copy_from_nowhere_is_refused_when_the_forms_load(tmp_path, copied, expected):
    with pytest.raises(FormSpecError, match=f"transfer_out.yaml: field 'pulse': copied_from.*{expected}"):
        load_forms(_forms_edited(tmp_path, "transfer_out.yaml", "copied_from: {form: observations, field: pulse}",
                                 f"copied_from: {copied}"))


def test_a_tick_copied_to_a_code_the_field_lacks_is_refused_when_the_forms_load(tmp_path):
    """The transfer out's devices ticked from the line and catheter chart: a code mistyped in
    the form would never tick."""
    with pytest.raises(FormSpecError, match="transfer_out.yaml: field 'devices': copied_from: codes 'picc_line' are "
                                            "none of this field's options"):
        load_forms(_forms_edited(tmp_path, "transfer_out.yaml", "picc: central_line", "picc: picc_line"))


def test_a_news2_section_that_copies_a_row_from_nowhere_is_refused_when_the_forms_load(tmp_path):
    """Scored without the set's scale, a saturation on scale 2 would score as on scale 1."""
    with pytest.raises(FormSpecError, match="transfer_out.yaml: section 'observations': news2 copies no field "
                                            "'spo2_scale' of 'observations'"):
        load_forms(_forms_edited(tmp_path, "transfer_out.yaml",
                                 "        copied_from: {form: observations, field: spo2_scale}\n", ""))


def test_a_choice_copied_with_a_code_the_field_lacks_is_refused(tmp_path):
    with pytest.raises(FormSpecError, match="field 'consciousness': copied_from: codes 'new_confusion' are none"):
        load_forms(_forms_edited(tmp_path, "transfer_out.yaml", ", codes: {new_confusion: confusion}", ""))


def _forms_edited(folder: Path, name: str, old: str, new: str) -> Path:
    """The app's forms copied into `folder`, the one in file `name` with `old` made `new` (a
    form author's slip)."""
    from downtime.paths import forms_dir

    for path in forms_dir().glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        (folder / path.name).write_text(text.replace(old, new) if path.name == name else text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("lang", "said"), [("en", ["☒ Not for resuscitation (DNACPR)", "Isolation precautions ☐ None ☒ Contact"]),
                                            ("fr", ["☒ Pas de RCP (décision tracée)",
                                                    "Précautions d’isolement ☐ Aucune ☒ Contact"])])
@pytest.mark.parametrize(("form", "values"), [
    ("transfer_out", {"departed_at": "2026-11-28T14:00+01:00", "receiving_hospital": "CHU Lyon",
                      "receiving_unit": "ICU", "transport_mode": "ambulance", "escort": "nurse", "situation": "Sepsis",
                      "background": "Fall", "condition": "unstable", "allergies_checked": True,
                      "documents_sent": ["medication_chart"], "current_treatments": "Amoxicillin 1 g IV",
                      "obs_at": "2026-11-28T13:30+01:00"}),
    # A discharge to a care home carried neither: the home learnt of the DNACPR decision and the
    # MRSA at the next cardiac arrest or the next swab.
    ("discharge", {"discharged_at": "2026-11-28T14:00+01:00", "destination": "care_home", "letter_given": True,
                   "medicines_given": True})])
def test_the_printed_handover_says_the_resuscitation_status_and_isolation(session_for, medication_ward, tmp_path,
                                                                          lang, said, form, values):
    patient = medication_ward[0]
    nurse = session_for("nurse", lang)
    admission = records.list_current(nurse.db, "admission", patient_id=patient)[0]
    records.amend(nurse, admission.record_id, {**admission.data, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali", "resuscitation_decided_at": "2026-11-28T10:00+01:00",
                                               "isolation": "contact"}, "decided with the family")
    answers = prefill.first_answers(nurse, nurse.form(form), patient)
    assert (answers["resuscitation"], answers["isolation"]) == ("dnacpr", "contact")
    handover = records.save_new(nurse, form, {**answers, **values}, patient_id=patient)
    out = printing.print_record(nurse, handover.record_id, tmp_path / "handover.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert all(words in text for words in said), text


def test_an_internal_move_starts_with_what_the_receiving_ward_asks_first(session_for, paracetamol, clock, tmp_path):
    """Version 2 of the move's form: the receiving ward, on another laptop, reads none of this
    ward's records; version 1's paper went with no resuscitation status, no medicine nor its last
    dose, no observations. The as-required dose says when the next is allowed. Saved as version 4
    since the move hands on the swallow screen and the escalation plan too
    (tests/test_move_hands_on_swallow_and_plan.py)."""
    nurse, regular, prn = paracetamol
    patient = regular.patient_id
    wards.add_ward(session_for("admin"), "5A", "Surgery", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T13:00+01:00")
    records.save_new(nurse, "observations", SET, patient_id=patient)
    medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": "2026-11-28T13:00+01:00",
                                                  "dose_given": 1.0, "route": "PO", "given_for": "pain"})
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    answers = prefill.first_answers(nurse, nurse.form("transfer"), patient)
    assert (answers["resuscitation"], answers["obs_at"], answers["resp_rate"], answers["consciousness"]) == (
        "full", "2026-11-28T12:00+01:00", 22, "confusion")
    assert ("paracétamol 1 g PO, as required (pain), at least 4 h apart, at most 4 in 24 h, from 27/11/2026 07:00 — "
            "last given 28/11/2026 13:00 — next allowed from 28/11/2026 17:00") in answers["current_treatments"]
    move = records.save_new(nurse, "transfer", {**answers, "moved_at": "2026-11-28T14:30+01:00", "to_ward": "5A",
                                                "to_bed": "4", "reason": "Surgical review"}, patient_id=patient)
    assert move.form_version == 4
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(printing.print_record(nurse, move.record_id, tmp_path / "move.pdf")).pages)
    assert "Resuscitation status ☒ For resuscitation" in text and "NEWS2 of these observations NEWS2 " in text
    assert "— next allowed from 28/11/2026 17:00" in text


def test_a_move_answering_none_of_version_2_still_prints(session_for, medication_ward, clock, tmp_path):
    """As a record of version 1 holds: the move and the charts' lines alone."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    wards.add_ward(session_for("admin"), "5A", "Surgery", [str(n) for n in range(1, 21)])
    move = records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T14:00+01:00", "to_ward": "5A",
                                                "reason": "Surgical review"}, patient_id=patient)
    text = " ".join(page.extract_text() for page in PdfReader(
        printing.print_record(nurse, move.record_id, tmp_path / "move.pdf")).pages)
    assert "Surgical review" in text


DRESSING = ("Aquacel Ag Extra to the wound bed, Allevyn Life 15x15 cm secondary, Cavilon barrier film to the "
            "periwound skin, offloading boot at night")


@pytest.mark.parametrize(("form_id", "more"), [
    ("discharge", "… and 1 more: see the “Wound assessment and dressing” records"),
    ("transfer_out", "… and 1 more: see the “Wound assessment and dressing” records"),
    ("transfer", "… and 1 more: see the “Wound assessment and dressing” records")])
def test_the_wounds_copied_fit_their_box_and_say_how_many_more_the_chart_lists(session_for, medication_ward, clock,
                                                                               form_id, more):
    """Four wounds dressed as the tissue viability nurse wrote it came to 1,042 characters for a
    box of 1,000: Save refused what the app had written, and the nurse deleted a wound by hand,
    which one left to chance. As the treatments: the first that fit, then how many more."""
    nurse = session_for("nurse")
    patient = medication_ward[0]
    for i, (wound, kind) in enumerate((("Sacrum", "pressure_ulcer"), ("Left heel", "pressure_ulcer"),
                                       ("Right heel", "pressure_ulcer"), ("Midline laparotomy", "surgical"))):
        records.save_new(nurse, "wound_care", {
            "assessed_at": f"2026-11-28T1{i}:00+01:00", "wound": wound, "kind": kind, "length_cm": 3.0,
            "width_cm": 2.0, "depth_cm": 0.5, "bed": "granulating", "exudate": "low", "infection": False,
            "dressing": DRESSING, "next_in": "2", **({"category": "2"} if kind == "pressure_ulcer" else {})},
            patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    wounds = prefill.first_answers(nurse, nurse.form(form_id), patient)["wounds"].split("\n")
    assert len("\n".join(wounds)) <= nurse.form(form_id).field("wounds").max_length
    assert len(wounds) == 4 and wounds[-1] == more


@pytest.mark.parametrize(("escalation", "frequency", "said"), [
    ("comfort", "stopped", ("Comfort care (Dr Benali, 28/11/2026 14:00): observations as agreed, escalate for "
                            "comfort only; routine observations stopped: no set is due; discussed with her daughter")),
    ("ward_ceiling", "four_hourly", ("Ward-based care, not for ICU (Dr Benali, 28/11/2026 14:00): tell the medical "
                                     "team as the score asks; no transfer to critical care; observations every 4 "
                                     "hours; discussed with her daughter"))])
def test_the_letters_carry_the_escalation_plan_standing(session_for, medication_ward, clock, tmp_path, escalation,
                                                        frequency, said):
    """The transfer-out and the discharge letters carried "For resuscitation" and every medicine,
    and nothing of comfort care only or "not for ICU": the crew took a dying patient to an
    emergency department. They start with the plan standing, printed on the letter."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T14:00+01:00", "decided_by": "Dr Benali", "escalation": escalation,
        "frequency": frequency, "discussed_with": "her daughter", "cpr_reason": "DNACPR on the paper notes"},
        patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T16:00+01:00")
    for form_id in ("transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["escalation_plan"] == said, form_id
    started = prefill.first_answers(nurse, nurse.form("discharge"), patient)
    letter = records.save_new(nurse, "discharge", {**started, "discharged_at": "2026-11-28T16:00+01:00",
                                                   "destination": "home", "letter_given": True,
                                                   "medicines_given": True}, patient_id=patient)
    printed = " ".join(" ".join(page.extract_text() for page in PdfReader(
        printing.print_record(nurse, letter.record_id, tmp_path / "letter.pdf")).pages).split())
    assert "Escalation plan (comfort care, ceiling of treatment)" in printed and "discussed with her daughter" in printed


def test_a_letter_with_no_plan_standing_starts_without_one(session_for, medication_ward):
    nurse, patient = session_for("nurse"), medication_ward[0]
    assert "escalation_plan" not in prefill.first_answers(nurse, nurse.form("transfer_out"), patient)


LONG_BY = ("Dr Marie-Christine Delacroix-Montgolfier, praticien hospitalier, gériatre d'astreinte pour le "
           "Dr Benali (4412)")
LONG_DISCUSSED = ("sa fille Anne-Sophie Delacroix (personne de confiance désignée) par téléphone, et son fils "
                  "Jean-Baptiste Delacroix au chevet, tous deux d'accord avec le plan de soins proposé ce jour")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_letters_plan_gives_the_decision_in_its_box_once_the_score_rose(session_for, medication_ward, clock, lang):
    """A ward ceiling agreed 4-hourly at NEWS2 0, the score 10 since, the doctor and the discussion
    written in full: the letter's plan read this ward's list's instruction ("now continuous
    monitoring, observations at least every hour, until the doctor reviews the plan"), its date
    with no year, and in French came to 670 characters of a 600-character box, the letter refused
    on text the nurse had not typed. It gives the decision, dated in full, cut to its box."""
    patient = medication_ward[0]
    nurse, doctor = session_for("nurse", lang), session_for("doctor")
    well = {"taken_at": "2026-11-28T10:00+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 125, "diastolic_bp": 70, "pulse": 75, "consciousness": "alert",
            "temperature": 37.0}
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    records.save_new(nurse, "observations", well, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(doctor, "observation_plan", {"decided_at": "2026-11-28T14:00+01:00", "decided_by": LONG_BY,
                                                  "escalation": "ward_ceiling", "frequency": "four_hourly",
                                                  "discussed_with": LONG_DISCUSSED}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    records.save_new(nurse, "observations", {**well, "taken_at": "2026-11-28T15:00+01:00", "respiratory_rate": 28,
                                             "spo2": 90, "pulse": 125, "systolic_bp": 95}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T16:00+01:00")
    for form_id in ("transfer_out", "discharge"):
        said = prefill.first_answers(nurse, nurse.form(form_id), patient)["escalation_plan"]
        assert len(said) <= nurse.form(form_id).field("escalation_plan").max_length, (form_id, len(said))
        assert f"{LONG_BY}, 28/11/2026 14:00" in said and "NEWS2" not in said, said
        assert said.endswith(LONG_DISCUSSED), said
    started = prefill.first_answers(nurse, nurse.form("discharge"), patient)
    records.save_new(nurse, "discharge", {**started, "discharged_at": "2026-11-28T16:00+01:00",
                                          "destination": "home", "letter_given": True, "medicines_given": True},
                     patient_id=patient)


def test_the_next_as_required_dose_at_the_second_02_30_says_which_02_30(patient_on_the_clock, session_for, clock):
    """Cyclizine every 4 h, last given at 23:30 summer time; the transfer form started at 02:40
    summer time read "next allowed from 25/10/2026 02:30", allowed already to the receiving ward:
    it is the 02:30 of winter time, 50 minutes later."""
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    patient = patient_on_the_clock(datetime(2026, 10, 24, 20, 0), "2026-10-24T19:00+02:00")
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Cyclizine", "dose": 50, "dose_unit": "mg", "route": "PO", "frequency": "prn",
        "prn_indication": "nausea", "min_interval_hours": 4, "max_doses_24h": 6,
        "start_at": "2026-10-24T20:00+02:00", "controlled": False, "high_alert": False}, patient_id=patient).record_id
    clock.now = datetime(2026, 10, 24, 23, 30, tzinfo=paris)
    medication.record_dose(nurse, order, {"outcome": "given", "given_at": "2026-10-24T23:30+02:00",
                                          "given_for": "nausea", "dose_given": 50, "route": "PO"},
                           overrides={check: "nausea" for check in Check})
    clock.now = datetime(2026, 10, 25, 2, 40, tzinfo=paris)
    said = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"]
    assert "— last given 24/10/2026 23:30 — next allowed from 25/10/2026 02:30 +01:00" in said


def test_a_discharge_letter_gives_the_last_variable_dose_and_the_reading_it_was_decided_on(
        session_for, medication_ward, clock):
    """Warfarin by INR going home: the letter read "up to 5 mg … — last given 28/11/2026 18:05",
    and the GP or the anticoagulation clinic doses the next one from the dose given and its INR."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    warfarin = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Warfarin", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "18:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True,
        "dose_rule": "INR under 2: 5 mg; 2 to 3: 3 mg; 3 to 4: 1 mg; over 4: none and tell the doctor"},
        patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    medication.record_dose(nurse, warfarin, {
        "outcome": "given", "dose_given": 3.0, "route": "PO", "given_at": "2026-11-28T18:05+01:00",
        "scheduled_for": "2026-11-28T18:00+01:00", "decided_on": "INR 2.4"}, witness=("doctor", "2222"))
    clock.now = datetime.fromisoformat("2026-11-29T10:00+01:00")
    said = prefill.first_answers(nurse, nurse.form("discharge"), patient)["medicines_on_discharge"]
    (line,) = [line for line in said.split("\n") if line.startswith("Warfarin")]
    assert line.endswith("— last given 28/11/2026 18:05: 3 mg (INR 2.4)"), line
