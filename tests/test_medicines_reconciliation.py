"""The medicines reconciliation (NICE NG5 1.3; HAS 2018, conciliation médicamenteuse): a home
medicine held or stopped is answered on the ward without writing an order and stopping it (which
printed a MAR row and exported a prescription never meant); a line added to the admission's list
afterwards, or typed otherwise, is asked again; one continued with nothing charted is still asked."""

import json
from datetime import datetime

import pytest
from fhir.resources.R4B.medicationstatement import MedicationStatement

from downtime.services import census, home_medicines, prefill, reconciliation, records, wards
from downtime.services.errors import ValidationFailed
from downtime.storage.records import current
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

USUAL = "Apixaban 5 mg bd\nMetformin 1 g bd\nRamipril 10 mg od"
AT = "2026-11-28T11:00+01:00"


@pytest.fixture
def admitted(session_for, admission_values, clock):
    """A patient admitted to 3B at 09:00 on 28/11 with three home medicines, none charted, and the
    admission's record id."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    admission = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00", "usual_medicines": USUAL})
    return admission.patient_id, admission.record_id


def _reconcile(doctor, patient: str, home_list: str, rows: list[dict]):
    return records.save_new(doctor, reconciliation.FORM, {
        "reconciled_at": AT, "reconciled_as": "prescriber", "reconciled_by": "Dr Karim Benali",
        "sources": ["patient", "gp_letter"], "home_list": home_list, "decisions": rows}, patient_id=patient)


def _held_stopped_continued(doctor, patient: str):
    """Apixaban held for surgery, metformin stopped, ramipril continued (not charted)."""
    return _reconcile(doctor, patient, "Apixaban 5 mg bd\nMetformin 1 g bd\nRamipril 10 mg od", [
        {"medicine": "Apixaban 5 mg bd", "decision": "held", "reason": "hip surgery", "until": "48 h post-op"},
        {"medicine": "Metformin 1 g bd", "decision": "stopped", "reason": "eGFR 22"},
        {"medicine": "Ramipril 10 mg od", "decision": "continued"}])


def _ward_line(session, at: datetime, lang: str = "en") -> str:
    inside = [row.patient for row in census.census(session.db, session.forms, ward="3B", at=at) if row.patient]
    return " ".join(home_medicines.handover(session.db, inside, at, lang).values())


HELD = {"medicine": "Apixaban", "decision": "held", "reason": "Hb 78, melaena", "until": "after endoscopy"}
STOPPED = {"medicine": "Metformin 1 g bd", "decision": "stopped", "reason": "eGFR 22"}
CONTINUED = {"medicine": "Ramipril", "decision": "continued"}


def test_held_and_stopped_are_answered_continued_uncharted_and_lines_added_later_are_asked(
        session_for, admitted, clock):
    """Held and stopped leave the ward line; ramipril "continued" with no order stays on it; a line
    added to the admission afterwards, and apixaban's line retyped at another dose, are asked again."""
    patient, admission = admitted
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat(AT)
    _reconcile(doctor, patient, USUAL, [HELD, STOPPED, CONTINUED])
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    said = _ward_line(nurse, clock.now)
    assert "(reconcile within 24 h, NICE NG5): Ramipril 10 mg od: prescriber" in said
    records.amend(nurse, admission, {**current(nurse.db, admission).data,
                                     "usual_medicines": "Apixaban 2.5 mg bd\nMetformin 1 g bd\nRamipril 10 mg od\n"
                                                        "Amlodipine 5 mg od"}, "GP letter arrived")
    said = _ward_line(nurse, clock.now)
    assert "NICE NG5): Apixaban 2.5 mg bd; Ramipril 10 mg od; Amlodipine 5 mg od: prescriber" in said


def test_a_reconciliation_withdrawn_or_of_an_earlier_stay_answers_nothing(session_for, admitted, clock):
    patient, _ = admitted
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat(AT)
    saved = _reconcile(doctor, patient, USUAL, [HELD, STOPPED, CONTINUED])
    records.mark_entered_in_error(doctor, saved.record_id, "wrong patient")
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    assert "NICE NG5): Apixaban 5 mg bd; Metformin 1 g bd; Ramipril 10 mg od:" in _ward_line(nurse, clock.now)


def test_a_line_left_undecided_or_held_without_why_is_refused_naming_the_field(session_for, admitted, clock):
    patient, _ = admitted
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat(AT)
    with pytest.raises(ValidationFailed, match="Decision on each medicine: no decision for “Metformin 1 g bd”"):
        _reconcile(doctor, patient, USUAL, [HELD, CONTINUED])
    with pytest.raises(ValidationFailed, match="Why"):
        _reconcile(doctor, patient, USUAL, [{**HELD, "reason": None}, STOPPED, CONTINUED])
    french = session_for("doctor", "fr")
    with pytest.raises(ValidationFailed, match="aucune décision pour « Metformin 1 g bd »"):
        _reconcile(french, patient, USUAL, [HELD, CONTINUED])


def test_the_form_starts_from_the_admission_list_one_row_a_medicine(session_for, admitted, clock):
    patient, _ = admitted
    doctor = session_for("doctor")
    answers = prefill.first_answers(doctor, doctor.form(reconciliation.FORM), patient)
    assert (answers["home_list"], answers["reconciled_as"], answers["reconciled_by"]) == (
        USUAL, "prescriber", "Dr Karim Benali")
    assert answers["decisions"] == [{"medicine": line} for line in USUAL.splitlines()]


def test_the_going_home_letter_says_what_was_held_or_stopped_and_why(session_for, admitted, clock):
    """The GP reads the decision and its reason, in English and French, and is still asked."""
    patient, _ = admitted
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat(AT)
    _reconcile(doctor, patient, USUAL, [HELD, STOPPED, CONTINUED])
    letter = prefill.first_answers(doctor, doctor.form("discharge"), patient)["medicines_on_discharge"]
    assert ("Apixaban 5 mg bd — taken before admission, held in hospital (Hb 78, melaena; until after endoscopy) "
            "(medicines reconciliation): continue, stop or change?") in letter
    assert "Metformin 1 g bd — taken before admission, stopped in hospital (eGFR 22) (medicines reconciliation)" in letter
    assert "Ramipril 10 mg od — taken before admission, not charted in hospital" in letter
    french = session_for("doctor", "fr")
    lettre = prefill.first_answers(french, french.form("discharge"), patient)["medicines_on_discharge"]
    assert ("Apixaban 5 mg bd — pris avant l’admission, suspendu à l’hôpital (Hb 78, melaena ; jusqu’à : after "
            "endoscopy) (conciliation médicamenteuse) :") in lettre



@pytest.mark.parametrize("form_id", ["transfer_out", "transfer"])
def test_a_handover_says_what_was_held_or_stopped_and_why(session_for, admitted, clock, form_id):
    """A transfer's or a move's treatments listed the orders in force alone: the receiving team
    read nothing of the apixaban held for melaena, and restarted it from the patient's own list.
    The continued ramipril, uncharted, is not a reconciliation's hold: the letter lists the orders."""
    patient, _ = admitted
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat(AT)
    _reconcile(doctor, patient, USUAL, [HELD, STOPPED, CONTINUED])
    handed = prefill.first_answers(doctor, doctor.form(form_id), patient)["current_treatments"]
    assert handed.splitlines()[-2:] == [
        "Apixaban 5 mg bd — taken before admission, held in hospital (Hb 78, melaena; until after endoscopy) "
        "(medicines reconciliation)",
        "Metformin 1 g bd — taken before admission, stopped in hospital (eGFR 22) (medicines reconciliation)"]
    assert "Ramipril" not in handed

def _statements(session_for, tmp_path, name: str) -> dict[str, MedicationStatement]:
    """The reconciliation's statements in the records office's export, read by R4B, by medicine."""
    bundle = json.loads((export(session_for("records"), tmp_path / name).folder / "fhir" / "bundle.json").read_text(
        encoding="utf-8"))
    check_codes(bundle)
    statements = [MedicationStatement.model_validate(entry["resource"]) for entry in bundle["entry"]
                  if entry["resource"]["resourceType"] == "MedicationStatement"]
    return {one.medicationCodeableConcept.text: one for one in statements if one.note}


def test_each_decision_exports_as_a_statement_held_on_hold_stopped_stopped(session_for, admitted, clock, tmp_path):
    """Held is on-hold, stopped is stopped, each with its reason, continued active, in the stay, R4B
    valid; the admission's own statement stays the list as typed. Withdrawn, they are withdrawn."""
    patient, admission = admitted
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat(AT)
    saved = _reconcile(doctor, patient, USUAL, [HELD, STOPPED, CONTINUED])
    told = _statements(session_for, tmp_path, "one")
    assert {text: (one.status, one.statusReason[0].text if one.statusReason else None)
            for text, one in told.items()} == {
        "Apixaban 5 mg bd": ("on-hold", "Hb 78, melaena (until after endoscopy)"),
        "Metformin 1 g bd": ("stopped", "eGFR 22"), "Ramipril 10 mg od": ("active", None)}
    held = told["Apixaban 5 mg bd"]
    assert held.context.reference.endswith(admission) and held.subject.reference.endswith(patient)
    assert held.note[0].text == ("Medicines reconciliation by Dr Karim Benali (Prescriber); sources used: Patient, "
                                 "GP letter / repeat list")
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    records.mark_entered_in_error(doctor, saved.record_id, "wrong patient")
    assert {one.status for one in _statements(session_for, tmp_path, "two").values()} == {"entered-in-error"}


def test_the_blank_paper_form_asks_the_sources_and_a_decision_per_medicine(blank_pages):
    """The binder's blank, as the drug chart's reconciliation box: sources ticked, each medicine's
    decision, why and until when, in English and French."""
    english, french = " ".join(blank_pages(reconciliation.FORM, "en")), " ".join(blank_pages(reconciliation.FORM, "fr"))
    for said in ("Medicines reconciliation", "GP letter / repeat list", "Care home chart", "Held until", "Why",
                 "☐ Held ☐ Stopped"):
        assert said in english, said
    for said in ("Conciliation médicamenteuse", "Ordonnance du médecin traitant", "Fiche de l’EHPAD",
                 "Suspendu jusqu’à", "☐ Suspendu ☐ Arrêté"):
        assert said in french, said


def test_a_medicine_held_at_reconciliation_and_still_charted_is_asked_until_its_order_is_stopped(
        session_for, admitted, clock):
    """Apixaban charted at 10:00 and held at the 11:00 reconciliation for melaena was given on the
    round with nothing said on the ward: the order in force "covered" its line. Asked until the
    order is stopped; an order started after the decision (its restart) asks nothing."""
    patient, _ = admitted
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    order = records.save_new(doctor, "medication_order", {
        "drug": "Apixaban", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": True},
        patient_id=patient)
    clock.now = datetime.fromisoformat(AT)
    _reconcile(doctor, patient, USUAL, [{**HELD, "medicine": "Apixaban 5 mg bd"}, STOPPED, CONTINUED])
    clock.now = datetime.fromisoformat("2026-11-28T19:00+01:00")
    assert ("Apixaban 5 mg bd: HELD AT RECONCILIATION (Hb 78, melaena; until after endoscopy) BUT STILL CHARTED: "
            "prescriber to hold the order, or reconcile again") in _ward_line(nurse, clock.now)
    assert ("Apixaban 5 mg bd : SUSPENDU À LA CONCILIATION (Hb 78, melaena ; jusqu’à : after endoscopy) MAIS "
            "TOUJOURS PRESCRIT : au prescripteur de suspendre la prescription, ou de concilier à nouveau"
            ) in _ward_line(nurse, clock.now, "fr")
    records.amend(doctor, order.record_id, {**current(doctor.db, order.record_id).data,
                                            "stop_at": "2026-11-28T19:00+01:00"}, "held at reconciliation")
    records.save_new(doctor, "medication_order", {
        "drug": "Apixaban", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T19:00+01:00", "controlled": False, "high_alert": True},
        patient_id=patient)
    assert "STILL CHARTED" not in _ward_line(nurse, clock.now)
