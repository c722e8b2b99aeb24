"""A discharge says what the patient goes home on: the orders in force when it is written, for
the nurse and the doctor to check, and beside them the medicines taken before admission, so the
GP and the community nurse reading the record back-entered see what changed in hospital. It
said only "Prescription and medicines explained: Yes"."""

import json
from datetime import datetime

import pytest
from fhir.resources.R4B.medicationstatement import MedicationStatement

from downtime.domain.medication import Check
from downtime.i18n import message
from downtime.services import leaving, medication, prefill, printing, records
from downtime.services.prefill import WORDS
from downtime.sync.export import export
from downtime.sync.fhir_elements import derived_id
from tests.pdf_text import pdf_text
from tests.test_time_critical import LEVODOPA

HOME = {"discharged_at": "2026-11-28T14:00+01:00", "destination": "home", "letter_given": True,
        "medicines_given": True}
USUAL = "Apixaban 5 mg twice a day\nBisoprolol 2.5 mg in the morning"


@pytest.fixture
def going_home(session_for, medication_ward, clock):
    """`medication_ward`'s patient, who took apixaban and bisoprolol at home: amoxicillin given at
    08:05, furosemide stopped this morning; the clock at 14:00 on 28/11. Returns the patient's id."""
    patient, amoxicillin, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    admission = next(record for record in records.list_current(nurse.db, patient_id=patient)
                     if record.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, "usual_medicines": USUAL}, "told by the daughter")
    medication.record_dose(nurse, amoxicillin, {"outcome": "given", "given_at": "2026-11-28T08:05+01:00",
                                                "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1.0,
                                                "route": "IV"}, overrides={Check.ALLERGY: "tolerated in 2024"})
    records.save_new(doctor, "medication_order", {
        "drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00", "start_at": "2026-11-27T10:00+01:00", "stop_at": "2026-11-28T07:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    return patient


def test_a_discharge_starts_from_the_orders_in_force_and_the_medicines_taken_before_admission(session_for,
                                                                                             going_home):
    """The transfer-out's lines of the orders in force (each with its last dose, a stopped one
    left out there), the going-home letter reconciling them with the medicines taken at home
    (tests/test_discharge_reconciliation.py): those never charted first, asked of, and the order
    stopped in hospital said stopped, after the orders in force; and the admission's usual
    medicines as typed."""
    nurse = session_for("nurse")
    answers = prefill.first_answers(nurse, nurse.form("discharge"), going_home)
    treatments = prefill.first_answers(nurse, nurse.form("transfer_out"), going_home)["current_treatments"]
    listed = answers["medicines_on_discharge"].split("\n")
    assert [line.split(" — ")[0] for line in listed] == [
        "Apixaban 5 mg twice a day", "Bisoprolol 2.5 mg in the morning",
        *(line.split(" — ")[0] for line in treatments.split("\n")), "Furosemide 40 mg PO"]
    assert listed[2].startswith(
        "Amoxicillin 1 g IV, at 08:00 14:00 20:00, from 27/11/2026 10:00 — last given 28/11/2026 08:05")
    assert "Morphine 5 mg SC" in answers["medicines_on_discharge"]
    assert "Furosemide 40 mg PO — STOPPED in hospital 28/11 07:00" in listed
    assert "Furosemide" not in treatments
    assert answers["usual_medicines"] == USUAL


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_patient_on_no_medicine_starts_with_the_line_saying_so(session_for, patient, lang):
    """An empty box read as forgotten; the discharge's list may be left empty (not required), so
    the chart's answer is said, after the medicines taken before admission asked of, none recorded
    on admission (test_a_list_recorded_nowhere_is_asked_unknown_not_none). A transfer-out's,
    required, stays for the nurse to fill in."""
    nurse = session_for("nurse", lang)
    answers = prefill.first_answers(nurse, nurse.form("discharge"), patient)
    assert answers["medicines_on_discharge"].splitlines()[-1] == WORDS["no_order"][lang]
    assert "usual_medicines" not in answers  # none recorded on admission
    assert "current_treatments" not in prefill.first_answers(nurse, nurse.form("transfer_out"), patient)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_list_recorded_nowhere_is_asked_unknown_not_none(session_for, patient, lang):
    """The admission's list left blank and no reconciliation: "None: no medicine in force" and a
    blank list under it read to the GP as a patient on no medicine. The letter asks the list,
    unknown, and the save asks its blank (leaving.unfilled); the list typed on the admission since
    (or "Nil") answers it."""
    nurse = session_for("nurse", lang)
    spec = nurse.form("discharge")
    answers = prefill.first_answers(nurse, spec, patient)
    asked = WORDS["home_unrecorded"][lang].format(asked=leaving.WORDS["continue_or_stop"][lang])
    assert answers["medicines_on_discharge"].splitlines() == [asked, WORDS["no_order"][lang]]
    assert leaving.unfilled(spec, answers, lang) == [message(
        lang, leaving.UNFILLED, field=spec.field("medicines_on_discharge").label.get(lang), line=asked)]
    admission = next(record for record in records.list_current(nurse.db, patient_id=patient)
                     if record.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, "usual_medicines": "Nil"}, "asked the daughter")
    assert prefill.first_answers(nurse, spec, patient)["medicines_on_discharge"] == WORDS["no_order"][lang]


def test_a_discharge_without_them_is_still_saved_and_amended(session_for, patient):
    """Not required: a discharge written before the form asked them, or on a laptop of an
    earlier release, is corrected and settled without them (the field came without a new
    version of the form)."""
    nurse = session_for("nurse")
    assert not nurse.form("discharge").field("medicines_on_discharge").required
    left = records.save_new(nurse, "discharge", HOME, patient_id=patient)
    amended = records.amend(nurse, left.record_id, {**HOME, "destination": "care_home"}, "went to her care home")
    assert amended.form_version == left.form_version == nurse.form("discharge").version


def test_the_printed_discharge_and_the_worklist_line_give_them(session_for, going_home, tmp_path):
    nurse = session_for("nurse")
    answers = prefill.first_answers(nurse, nurse.form("discharge"), going_home)
    home = ("Apixaban 5 mg twice a day (restarted 28/11)\nBisoprolol stopped: pulse 48\n"
            "Amoxicillin 1 g PO three times a day until 02/12 (IV changed to oral)")
    left = records.save_new(nurse, "discharge", {**answers, **HOME, "medicines_on_discharge": home},
                            patient_id=going_home)
    text = pdf_text(printing.print_record(nurse, left.record_id, tmp_path / "discharge.pdf"))
    assert "Medicines on discharge Apixaban 5 mg twice a day (restarted 28/11) Bisoprolol stopped: pulse 48" in text
    assert "Medicines taken before admission Apixaban 5 mg twice a day Bisoprolol 2.5 mg in the morning" in text
    assert records.record_label(nurse, left) == (
        "Date and time of discharge: 28/11/2026 14:00 — Destination: Home — "
        "Reason for the stay / diagnosis: Fall at home, suspected hip fracture. — Discharge letter given: Yes — "
        f"Prescription and medicines explained: Yes — Medicines on discharge: {home}")


@pytest.mark.parametrize("lang, pages, asked", [("en", 1, "Medicines on discharge"), ("fr", 2, "Traitement de sortie")])
def test_the_blank_discharge_keeps_its_pages(blank_pages, lang, pages, asked):
    """The blank stays one sheet in English (a row more took it to a second): on paper, the
    discharge prescription lists the medicines."""
    blank = blank_pages("discharge", lang)
    assert len(blank) == pages and not any(asked in page for page in blank)


def test_the_export_sends_the_medicines_on_discharge_as_a_statement_in_the_stay(session_for, going_home,
                                                                                exported_resource, tmp_path):
    """For the GP and the community nurse reading the EHR: the orders themselves end with the
    stay. Withdrawn with the discharge; the usual medicines go with the admission's statement."""
    nurse = session_for("nurse")
    left = records.save_new(nurse, "discharge", {**HOME, "medicines_on_discharge": "Apixaban 5 mg twice a day",
                                                 "usual_medicines": USUAL}, patient_id=going_home)
    statement = exported_resource(derived_id(left.record_id, "medicines_on_discharge"), MedicationStatement)
    admission = next(record for record in records.list_current(nurse.db, patient_id=going_home)
                     if record.form_id == "admission")
    assert (statement.status, statement.medicationCodeableConcept.text, statement.category.text) == (
        "active", "Apixaban 5 mg twice a day", "Medicines on discharge")
    assert (statement.subject.reference, statement.context.reference) == (
        f"urn:uuid:{going_home}", f"urn:uuid:{admission.record_id}")
    assert statement.effectiveDateTime.isoformat() == "2026-11-28T14:00:00+01:00"
    records.mark_entered_in_error(nurse, left.record_id, "another patient's discharge")
    later = export(session_for("records"), tmp_path / "later").folder
    bundle = json.loads((later / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    statuses = {entry["resource"]["identifier"][0]["value"]: entry["resource"]["status"] for entry in bundle["entry"]
                if entry["resource"]["resourceType"] == "MedicationStatement"}
    assert statuses[derived_id(left.record_id, "medicines_on_discharge")] == "entered-in-error"
    assert statuses[derived_id(admission.record_id, "usual_medicines")] == "active"


FOUR_A_DAY = {**LEVODOPA, "times": "08:00 12:00 16:00 20:00", "start_at": "2026-11-28T07:00+01:00"}
LEFT_AT_TWO = datetime.fromisoformat("2026-11-28T14:00+01:00")


@pytest.fixture
def typed_late(session_for, medication_ward, clock):
    """`medication_ward`'s patient on co-careldopa (time-critical) at 08:00 12:00 16:00 20:00, given
    at 08:00 only; she left at 14:00 (a paper discharge) and the nurse types it at 22:00: the
    12:00 dose was missed in hospital, the 16:00 and 20:00 fell due after she had gone. Returns the
    patient's id."""
    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    order = records.save_new(session_for("doctor"), "medication_order", FOUR_A_DAY, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T08:00+01:00")
    medication.record_dose(session_for("nurse"), order, {
        "outcome": "given", "given_at": "2026-11-28T08:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 1.0, "route": "PO"})
    clock.now = datetime.fromisoformat("2026-11-28T22:00+01:00")
    return patient


def test_a_discharge_typed_late_lists_the_doses_missed_before_the_patient_left(session_for, typed_late):
    """Read at the time typed in, the letter said the 16:00 and 20:00 doses were not recorded,
    "give it now"; read when she left, it names the 12:00 dose alone."""
    nurse = session_for("nurse")
    medicines = prefill.first_answers(nurse, nurse.form("discharge"), typed_late, at=LEFT_AT_TWO)[
        "medicines_on_discharge"]
    assert ("Co-careldopa 25/100 1 tablet(s) PO — no dose recorded in hospital (due 28/11 12:00): check the paper "
            "chart") in medicines
    assert "16:00)" not in medicines and "20:00)" not in medicines


def test_a_discharge_letter_says_a_dose_missed_in_hospital_not_what_the_ward_does(session_for, typed_late):
    """A GP reads the letter after the patient has gone: no "check the paper chart … give it
    now". Nor a transfer to another hospital's (review R3 D6): its team cannot know what this ward
    was told, and reads the same facts."""
    nurse = session_for("nurse")
    medicines = prefill.first_answers(nurse, nurse.form("discharge"), typed_late)["medicines_on_discharge"]
    assert "give it now" not in medicines and "TIME-CRITICAL DOSE NOT RECORDED" not in medicines
    assert ("no dose recorded in hospital (3 doses due 28/11 12:00 to 28/11 20:00): check the paper chart"
            in medicines)
    handed = prefill.first_answers(nurse, nurse.form("transfer_out"), typed_late)["current_treatments"]
    assert "give it now" not in handed
    assert "no dose recorded in hospital (3 doses due 28/11 12:00 to 28/11 20:00)" in handed


def test_a_discharge_read_later_than_now_reads_the_chart_now(session_for, typed_late):
    """A discharge time in the future (refused on saving) reads no dose that has not fallen due."""
    nurse = session_for("nurse")
    later = prefill.first_answers(nurse, nurse.form("discharge"), typed_late,
                                  at=datetime.fromisoformat("2026-11-29T10:00+01:00"))
    assert later == prefill.first_answers(nurse, nurse.form("discharge"), typed_late)


def test_a_once_only_dose_past_its_time_says_on_a_going_home_letter_that_none_is_recorded_or_why_not_given(
        session_for, medication_ward, clock):
    """A once-only furosemide IV of 13:30, the patient discharged at 15:30: the letter said "not
    given yet", read by the GP as a dose still to give; then "not given in hospital", of a dose
    given on the paper chart in a power cut and not yet typed, and of one recorded not given as the
    emergency department had given it, its reason dropped: the GP gave it again. With no record,
    the letter says so; recorded not given, it says why, as the MAR does; a transfer to another
    hospital's letter alike (review R3 D6). A dose for the evening keeps "not given yet". Time-critical,
    it is not said a second time as a "time-critical dose missed"."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    ordered = [records.save_new(nurse, "medication_order", {
        "drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
        "start_at": start, "controlled": False, "high_alert": False, "telephone_order": True,
        "prescriber": "Dr Martin", "read_back": True, "time_critical": True}, patient_id=patient).record_id
               for start in ("2026-11-28T13:30+01:00", "2026-11-28T20:00+01:00")]
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    furosemide = "Furosemide 40 mg IV, once, at 28/11/2026 {time} (TIME-CRITICAL — within 30 min) — "
    medicines = prefill.first_answers(nurse, nurse.form("discharge"), patient)["medicines_on_discharge"]
    assert (furosemide.format(time="13:30") + "no dose recorded in hospital (due 28/11 13:30): check the paper "
            "chart") in medicines
    assert furosemide.format(time="20:00") + "not given yet" in medicines
    assert medicines.count("(due 28/11 13:30)") == 1  # said once, on its own line
    handed = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"]
    assert (furosemide.format(time="13:30") + "no dose recorded in hospital (due 28/11 13:30): check the paper "
            "chart") in handed
    medication.record_dose(nurse, ordered[0], {
        "outcome": "not_given", "not_given_reason": "other",
        "not_given_detail": "Given in the emergency department at 12:50 (ED chart)",
        "scheduled_for": "2026-11-28T13:30+01:00", "given_at": "2026-11-28T13:35+01:00"})
    medicines = prefill.first_answers(nurse, nurse.form("discharge"), patient)["medicines_on_discharge"]
    assert (furosemide.format(time="13:30") + "not given in hospital (due 28/11 13:30): O — Other: Given in the "
            "emergency department at 12:50 (ED chart)") in medicines
