"""An antibiotic's order asks for its review date or its course's length, and the escalation list,
the handover sheet and the MAR ask its review once due (UK "Start Smart then Focus"; HAS, SPILF:
réévaluation à 48-72 h); an as-required opioid standing a week unreviewed likewise. An IV
amoxicillin written on the outage's first day ran to its 31st with nothing asking anyone to
review it (review R6, defect 1)."""

from datetime import datetime, timedelta

import pytest
from fhir.resources.R4B.medicationrequest import MedicationRequest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from downtime.domain.medication import (
    Frequency,
    Order,
    Review,
    antibacterial,
    review_asked,
    review_due,
    review_due_at,
)
from downtime.services import census, chart_alerts, home_medicines, medication, printing, records
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_medication import REVIEW_EXTENSION

REVIEW = ("REVIEW ANTIBIOTIC: Amoxicillin 1 g IV, day 4 (started 27/11), review due 30/11 — the doctor reviews it "
          "and writes its next review date, or stops it")
"""What the list says of `medication_ward`'s amoxicillin, from 27/11 10:00, to review on 30/11 10:00."""
CEFTRIAXONE = {"drug": "Ceftriaxone", "dose": 2.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
               "times": "08:00", "start_at": "2026-11-27T12:00+01:00", "controlled": False, "high_alert": False}


def _order(drug: str, route: str = "IV", frequency: Frequency = Frequency.SCHEDULED, **more) -> Order:
    return Order(record_id="o", patient_id="p", drug=drug, dose=1, dose_unit="g", route=route, frequency=frequency,
                 start_at=datetime.fromisoformat("2026-11-27T10:00+01:00"), **more)


@pytest.mark.parametrize("drug, route", [
    ("Amoxicillin", "IV"), ("Co-amoxiclav", "PO"), ("Tazocin", "IV"), ("Céfépime", "IV"), ("Méropénème", "IV"),
    ("Gentamicine", "IV"), ("Vancomycin", "IV"), ("Clarithromycin", "PO"), ("Doxycycline", "PO"),
    ("Ciprofloxacin", "PO"), ("Flagyl", "PO"), ("Metronidazole", "IV"), ("Clindamycin", "PO"), ("Bactrim", "PO"),
    ("Co-trimoxazole", "PO"), ("Trimethoprim", "PO"), ("Nitrofurantoin", "PO"), ("Fosfomycin", "PO"),
    ("Linezolid", "IV"), ("Rifampicine", "PO"), ("Temocillin", "IV"), ("Colistin", "NEB")])
def test_an_antibacterial_is_known_by_its_class_its_name_or_its_brand(drug, route):
    assert antibacterial(drug, route)


@pytest.mark.parametrize("drug, route", [
    ("Paracetamol", "PO"), ("Morphine", "SC"), ("Fluconazole", "PO"), ("Sulfasalazine", "PO"),
    ("Fusidic acid", "TOP"), ("Furosemide", "IV")])
def test_no_other_medicine_nor_an_antibiotic_on_the_skin_is_one(drug, route):
    assert not antibacterial(drug, route)


def test_the_review_rule():
    """Without a review date nor a stop an antibiotic is due its review at 72 hours, an
    as-required opioid after a week; a review date is the review's, a stop decides a course's
    length; a once-only dose (a surgical prophylaxis) is no course."""
    at = datetime.fromisoformat
    amoxicillin = _order("Amoxicillin")
    assert review_asked(amoxicillin) is Review.ANTIBIOTIC
    assert review_due_at(amoxicillin) == at("2026-11-30T10:00+01:00")
    assert not review_due(amoxicillin, at("2026-11-30T09:59+01:00"))
    assert review_due(amoxicillin, at("2026-11-30T10:00+01:00"))
    reviewed = amoxicillin.model_copy(update={"review_at": at("2026-12-02T09:00+01:00")})
    assert not review_due(reviewed, at("2026-12-01T10:00+01:00"))
    assert review_due(reviewed, at("2026-12-02T09:00+01:00"))
    course = amoxicillin.model_copy(update={"stop_at": at("2026-12-04T10:00+01:00")})
    assert review_due_at(course) is None
    assert review_due_at(_order("Gentamicin", frequency=Frequency.ONCE)) is None
    morphine = _order("Morphine", "SC", Frequency.PRN, controlled=True)
    assert review_asked(morphine) is Review.AS_REQUIRED_OPIOID
    assert review_due_at(morphine) == at("2026-12-04T10:00+01:00")
    assert review_due_at(_order("Morphine", "SC", controlled=True)) is None  # regular: charted at each dose
    assert review_due_at(_order("Paracetamol", "PO")) is None


def test_a_new_antibiotic_without_a_review_date_nor_a_stop_is_refused_naming_the_field(session_for,
                                                                                        medication_ward):
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "medication_order", CEFTRIAXONE, patient_id=patient)
    (problem,) = refused.value.errors
    assert problem.path == "review_at"
    assert problem.message == ("Antibiotic: give its review date in “Review by (antibiotic: at 48-72 h)”, or its "
                               "course's length as its “Stop (leave empty if ongoing)” (Start Smart then Focus).")
    records.save_new(doctor, "medication_order", {**CEFTRIAXONE, "review_at": "2026-11-29T12:00+01:00"},
                     patient_id=patient)
    records.save_new(doctor, "medication_order", {**CEFTRIAXONE, "times": "20:00",
                                                  "stop_at": "2026-12-02T12:00+01:00"}, patient_id=patient)
    records.save_new(doctor, "medication_order", {**CEFTRIAXONE, "frequency": "once", "times": None},
                     patient_id=patient)
    records.save_new(doctor, "medication_order", {**CEFTRIAXONE, "drug": "Paracetamol", "dose": 1.0,
                                                  "route": "PO"}, patient_id=patient)


def test_an_order_written_before_it_was_asked_is_amended_without_one_and_its_review_asked_at_72_hours(
        session_for, medication_ward, clock, monkeypatch):
    """An antibiotic written before the form asked a review date (the service's check left out,
    as it then was) is not refused when amended for something else; the list asks its review
    72 hours after its start."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    with monkeypatch.context() as before_the_rule:
        before_the_rule.setattr(medication, "_check_antibiotic_review", lambda *_: None)
        written = records.save_new(doctor, "medication_order", CEFTRIAXONE, patient_id=patient)
    records.amend(doctor, written.record_id, {**CEFTRIAXONE, "indication": "Pyelonephritis"}, "Indication added")
    with pytest.raises(ValidationFailed):  # one with a review date keeps one
        records.amend(doctor, medication_ward[1], {**records.current(doctor.db, medication_ward[1]).data,
                                                   "review_at": None}, "Review date removed")
    clock.now = datetime.fromisoformat("2026-11-30T12:30+01:00")
    said = _said(session_for("nurse"))
    assert ("REVIEW ANTIBIOTIC: Ceftriaxone 2 g IV, day 4 (started 27/11), review due 30/11 — the doctor reviews it "
            "and writes its next review date, or stops it") in said


def _alerts(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, at=nurse.clock())
    return chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), nurse.lang, ward=None)


def _orders(nurse) -> list[chart_alerts.ChartAlert]:
    """The escalation list's alerts of the orders, not of the medicines taken before admission (none
    recorded: asked a day after admission)."""
    return [alert for alert in _alerts(nurse).alerts if alert.form_id == medication.ORDER_FORM
            and alert.latest != home_medicines.WORDS["heading"][nurse.lang]]


def _said(nurse) -> list[str]:
    return [line for alert in _orders(nurse) for line in alert.said]


def test_the_escalation_list_asks_the_review_once_due_and_the_doctors_review_clears_it(session_for,
                                                                                      medication_ward, clock):
    _, amoxicillin, _ = medication_ward
    clock.now = datetime.fromisoformat("2026-11-30T09:00+01:00")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    found = _alerts(nurse)
    assert _said(nurse) == []
    assert found.next_due is not None and found.next_due <= datetime.fromisoformat("2026-11-30T10:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-30T10:30+01:00")
    (alert,) = _orders(nurse)
    assert alert.said == [REVIEW] and alert.latest == "Amoxicillin 1 g IV 27/11 10:00"
    french = session_for("nurse")
    french.lang = "fr"
    assert _said(french) == [(
        "RÉÉVALUER L’ANTIBIOTIQUE : Amoxicillin 1 g IV, jour 4 (débuté le 27/11), réévaluation prévue le 30/11 — le "
        "médecin le réévalue et écrit sa prochaine date de réévaluation, ou l’arrête")]
    data = records.current(doctor.db, amoxicillin).data
    records.amend(doctor, amoxicillin, {**data, "review_at": "2026-12-03T10:00+01:00"}, "Reviewed: continue IV")
    assert _said(nurse) == []
    clock.now = datetime.fromisoformat("2026-12-03T11:00+01:00")
    assert _said(nurse) == [REVIEW.replace("day 4", "day 7").replace("due 30/11", "due 03/12")]
    records.amend(doctor, amoxicillin, {**records.current(doctor.db, amoxicillin).data,
                                        "stop_at": "2026-12-03T11:00+01:00"}, "Reviewed: stopped")
    assert _said(nurse) == []


def test_an_as_required_opioid_standing_a_week_unreviewed_is_asked_too(session_for, medication_ward, clock):
    _, _, morphine = medication_ward
    clock.now = datetime.fromisoformat("2026-12-04T11:00+01:00")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    assert ("REVIEW AS-REQUIRED OPIOID: Morphine 5 mg SC, day 8 (started 27/11), review due 04/12 — the doctor "
            "reviews it and writes its next review date, or stops it") in _said(nurse)
    records.amend(doctor, morphine, {**records.current(doctor.db, morphine).data,
                                     "review_at": "2026-12-08T10:00+01:00"}, "Reviewed: still needed")
    assert not [said for said in _said(nurse) if "OPIOID" in said]


def test_the_handover_sheet_says_it_on_the_patients_line(session_for, medication_ward, clock, tmp_path):
    clock.now = datetime.fromisoformat("2026-11-30T10:30+01:00")
    nurse = session_for("nurse")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert "REVIEW ANTIBIOTIC: Amoxicillin 1 g IV, day 4 (started 27/11), review due 30/11" in text


def test_the_mar_prints_and_the_screen_says_when_to_review(session_for, medication_ward, tmp_path, qtbot):
    from downtime.qt.mar_view import MarView

    patient, amoxicillin, morphine = medication_ward
    nurse = session_for("nurse")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).pages)
    assert "Review by 30/11" in text and "Review by 04/12" in text
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    model = view.model

    def tooltip(order_id: str) -> str:
        line = next(number for number, (row, _) in enumerate(model.rows) if row.order.record_id == order_id)
        return model.data(model.index(line, 0), Qt.ItemDataRole.ToolTipRole)

    assert "\nReview by 30/11\n" in tooltip(amoxicillin)
    assert "\nReview by 04/12\n" in tooltip(morphine)


def test_the_export_carries_the_review_date_on_a_valid_medication_request(session_for, medication_ward, tmp_path):
    import json

    _, amoxicillin, _ = medication_ward
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == amoxicillin]
    MedicationRequest.model_validate(request)
    assert {"url": REVIEW_EXTENSION, "valueDateTime": "2026-11-30T10:00:00+01:00"} in request["extension"]
    assert {"text": "Review by 2026-11-30T10:00:00+01:00"} in request["note"]


def test_a_stop_more_than_14_days_after_the_start_decides_no_course():
    """A stop typed a year wrong (28/11/2027) stood for a course's length decided, and the review
    at 72 hours was never asked; up to 14 days a stop still decides it, and a review date is the
    review's whatever the stop."""
    at = datetime.fromisoformat
    amoxicillin = _order("Amoxicillin")
    fortnight = amoxicillin.model_copy(update={"stop_at": at("2026-12-11T10:00+01:00")})
    assert review_due_at(fortnight) is None
    longer = amoxicillin.model_copy(update={"stop_at": at("2026-12-11T10:01+01:00")})
    assert review_due_at(longer) == at("2026-11-30T10:00+01:00")
    assert review_due(longer, at("2026-12-07T12:00+01:00"))
    reviewed = longer.model_copy(update={"review_at": at("2026-11-29T10:00+01:00")})
    assert review_due_at(reviewed) == at("2026-11-29T10:00+01:00")
    morphine = _order("Morphine", "SC", Frequency.PRN, controlled=True, stop_at=at("2027-11-27T10:00+01:00"))
    assert review_due_at(morphine) is None  # an as-required opioid's stop is the prescriber's, as before


REVIEW_REASON = "Antibiotic reviewed after 72 h, or a course over 14 days: why"


@pytest.mark.parametrize("written, field, said", [
    ({"stop_at": "2027-11-27T12:00+01:00"}, "stop_at",
     "Antibiotic: a stop more than 14 days after its start is no course's length decided: give its review date, by "
     "30/11/2026 12:00, in “Review by (antibiotic: at 48-72 h)” (Start Smart then Focus), or the reason for so long a "
     f"course in “{REVIEW_REASON}”."),
    ({"review_at": "2026-12-27T12:00+01:00"}, "review_at",
     "Antibiotic: review it within 72 hours of its start, or of its typing if later, by 30/11/2026 12:00 (Start "
     f"Smart then Focus): write an earlier “Review by (antibiotic: at 48-72 h)”, or the reason for a later review in "
     f"“{REVIEW_REASON}”.")])
def test_a_new_antibiotics_far_stop_or_late_review_is_refused_unless_a_reason_is_kept(
        session_for, medication_ward, clock, written, field, said):
    """Ceftriaxone from 27/11 with a stop on 27/11/2027, or a review a month on, was saved, and on
    day 10 no list asked its review (review R8, defect 4). Refused on the field, saved once the
    prescriber's reason is kept in the order; the far stop's review is asked at 72 hours all the
    same, the late review's on its date."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat(CEFTRIAXONE["start_at"])  # typed as it starts
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "medication_order", {**CEFTRIAXONE, **written}, patient_id=patient)
    assert [(problem.path, problem.message) for problem in refused.value.errors] == [(field, said)]
    why = "Endocarditis: 6 weeks IV on the microbiologist's advice"
    saved = records.save_new(doctor, "medication_order", {**CEFTRIAXONE, **written, "review_reason": why},
                             patient_id=patient)
    assert saved.data["review_reason"] == why
    clock.now = datetime.fromisoformat("2026-12-07T12:00+01:00")
    ceftriaxone = [line for line in _said(session_for("nurse")) if "Ceftriaxone" in line]
    assert ceftriaxone == ([] if field == "review_at" else [
        "REVIEW ANTIBIOTIC: Ceftriaxone 2 g IV, day 11 (started 27/11), review due 30/11 — the doctor reviews it and "
        "writes its next review date, or stops it"])


def test_a_review_at_72_hours_a_fortnights_course_and_the_doctors_review_are_not_asked(session_for, medication_ward):
    """The limits are the rule's own (72 hours, 14 days), and an amendment is the doctor's review:
    it writes the next review date as it finds, a week on or more."""
    patient, amoxicillin, _ = medication_ward
    doctor = session_for("doctor")
    records.save_new(doctor, "medication_order", {**CEFTRIAXONE, "review_at": "2026-11-30T12:00+01:00"},
                     patient_id=patient)
    records.save_new(doctor, "medication_order", {**CEFTRIAXONE, "times": "20:00",
                                                  "stop_at": "2026-12-11T12:00+01:00"}, patient_id=patient)
    records.amend(doctor, amoxicillin, {**records.current(doctor.db, amoxicillin).data,
                                        "review_at": "2026-12-14T10:00+01:00"}, "Reviewed: osteomyelitis, continue IV")


def test_an_order_written_before_the_limits_is_amended_without_a_reason_and_reviewed_at_72_hours(
        session_for, medication_ward, clock, monkeypatch):
    """Written before the form asked the reason (the check left out, as it then was), a far stop
    is amended for something else unasked; the list asks its review 72 hours after its start."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    with monkeypatch.context() as before_the_rule:
        before_the_rule.setattr(medication, "_check_review_in_time", lambda *_: None, raising=False)
        written = records.save_new(doctor, "medication_order", {**CEFTRIAXONE, "stop_at": "2027-11-27T12:00+01:00"},
                                   patient_id=patient)
    records.amend(doctor, written.record_id, {**written.data, "indication": "Pyelonephritis"}, "Indication added")
    clock.now = datetime.fromisoformat("2026-11-30T12:30+01:00")
    assert [line for line in _said(session_for("nurse")) if "Ceftriaxone" in line] == [
        "REVIEW ANTIBIOTIC: Ceftriaxone 2 g IV, day 4 (started 27/11), review due 30/11 — the doctor reviews it and "
        "writes its next review date, or stops it"]


def _drawn_in(pdf, words: str) -> list[tuple[float, ...]]:
    """The fill colours `words` are drawn in on the PDF's pages."""
    from pypdf.generic import ContentStream

    reader = PdfReader(pdf)
    found, fill = [], (0.0, 0.0, 0.0)
    for page in reader.pages:
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"rg":
                fill = tuple(round(float(number), 3) for number in operands)
            elif operator in (b"Tj", b"TJ") and words in str(operands):
                found.append(fill)
    return found


@pytest.mark.parametrize("lang, overdue, drawn, listed", [
    ("en", "REVIEW OVERDUE (due 30/11): day 6 of antibiotics", "REVIEW OVERDUE",
     "day 6 (started 27/11), review due 30/11"),
    ("fr", "RÉÉVALUATION EN RETARD (prévue le 30/11) : jour 6 d’antibiotique", "EN RETARD",
     "jour 6 (débuté le 27/11), réévaluation prévue le 30/11")])
def test_the_printed_mar_says_in_red_when_the_review_is_past_as_the_list_does(
        session_for, medication_ward, clock, tmp_path, lang, overdue, drawn, listed):
    """Printed on 02/12 for the amoxicillin to review by 30/11, the order box said "Review by
    30/11" as it did on the 28th: the paper chart the ward round reads while the laptop is
    elsewhere never said the review was past (review R8, defect 6). The day of therapy and the
    due date are the escalation list's. (`drawn`: its words the PDF draws as they are typed.)"""
    from downtime.pdf.page import ALERT

    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    nurse.lang = lang
    clock.now = datetime.fromisoformat("2026-11-30T09:59+01:00")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_mar(nurse, [patient], tmp_path / "before.pdf")).pages)
    assert drawn not in text
    clock.now = datetime.fromisoformat("2026-12-02T09:00+01:00")
    pdf = printing.print_mar(nurse, [patient], tmp_path / "after.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert overdue in text
    assert _drawn_in(pdf, drawn) == [tuple(round(value, 3) for value in ALERT.rgb())]
    assert [line for line in _said(nurse) if listed in line]


CIPROFLOXACIN = {**CEFTRIAXONE, "drug": "Ciprofloxacin", "dose": 500.0, "dose_unit": "mg", "route": "PO",
                 "start_at": "2026-11-27T11:00+01:00"}


@pytest.mark.parametrize("old_review", [
    {"review_at": "2026-12-20T11:00+01:00", "review_reason": "Osteomyelitis, 6 weeks (microbiology)"},
    {"review_at": "2026-11-28T11:00+01:00"}])
def test_an_antibiotic_prescribed_again_asks_its_review_afresh(readmitted, session_for, medication_ward, clock,
                                                                 old_review):
    """Prescribed again on readmission, the first stay's ciprofloxacin carried its review date and
    the reason for its late review: the reason excused the new course's 72-hour review (saved with
    a review three weeks on), and a review date already past made it overdue the moment it was
    written (review S5, defect 1). The new order asks them as a new one does."""
    doctor, patient = session_for("doctor"), medication_ward[0]
    now, clock.now = clock.now, datetime.fromisoformat("2026-11-27T11:00+01:00")
    old = records.save_new(doctor, "medication_order", {**CIPROFLOXACIN, **old_review}, patient_id=patient)
    clock.now = now + timedelta(minutes=30)
    again = medication.prescribed_again(doctor, old.record_id)
    assert "review_at" not in again and "review_reason" not in again
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "medication_order", again, patient_id=patient)
    assert [problem.path for problem in refused.value.errors] == ["review_at"]
    saved = records.save_new(doctor, "medication_order", {**again, "review_at": "2026-12-01T14:00+01:00"},
                             patient_id=patient)
    assert saved.data["review_at"] == "2026-12-01T14:00+01:00" and "review_reason" not in saved.data


@pytest.mark.parametrize("written, field", [
    ({"review_at": "2026-12-01T14:01+01:00"}, "review_at"), ({"stop_at": "2026-12-09T10:01+01:00"}, "stop_at")])
def test_an_antibiotic_typed_late_is_given_72_hours_from_its_typing(session_for, medication_ward, clock, written,
                                                                      field):
    """The paper order of ceftriaxone started 24/11 10:00 is typed on 28/11 at 14:00: the doctor
    was told to review it "by 27/11/2026 10:00", a day already gone, overdue once saved (review S5,
    defect 3). Its latest review is 72 hours from its typing: 30/11 is saved, a minute after
    01/12 14:00 asked, and a stop more than 14 days after its start asks a review by then too."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    late = {**CEFTRIAXONE, "start_at": "2026-11-24T10:00+01:00"}
    saved = records.save_new(doctor, "medication_order", {**late, "review_at": "2026-11-30T10:00+01:00"},
                             patient_id=patient)
    assert saved.data["review_at"] == "2026-11-30T10:00+01:00"
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "medication_order", {**late, **written}, patient_id=patient)
    [(path, said)] = [(problem.path, problem.message) for problem in refused.value.errors]
    assert path == field and "by 01/12/2026 14:00" in said, said


def test_the_reason_for_a_long_course_is_a_note_of_a_valid_medication_request(session_for, medication_ward,
                                                                              exported_resource):
    """The reason the app asked for a 6-week course never reached the EHR: the records office
    back-entered the course without it (review S5, defect 2)."""
    why = "Endocarditis: 6 weeks IV on the microbiologist's advice"
    saved = records.save_new(session_for("doctor"), "medication_order", {
        **CEFTRIAXONE, "stop_at": "2027-01-08T12:00+01:00", "review_reason": why}, patient_id=medication_ward[0])
    resource = exported_resource(saved.record_id, MedicationRequest)
    assert f"Long course / late review: {why}" in [note.text for note in resource.note or []]


@pytest.mark.parametrize("lang, overdue, kept", [
    ("en", "REVIEW OVERDUE (due 30/11)", "Long course / late review: “Pulmonary TB: 6 months, TB clinic”"),
    ("fr", "RÉÉVALUATION EN RETARD (prévue le 30/11)",
     "Traitement long / réévaluation tardive : « Pulmonary TB: 6 months, TB clinic »")])
def test_the_printed_mar_says_the_reason_kept_for_a_long_course_beside_its_review(
        session_for, medication_ward, clock, tmp_path, lang, overdue, kept):
    """Rifampicin for TB, 6 months, its reason kept: on day 5 the MAR printed REVIEW OVERDUE in
    red, a date the doctor never wrote, and nowhere why the course was decided (review S5,
    defect 2). The reason follows the review's line in the order box."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    nurse.lang = lang
    records.save_new(session_for("doctor"), "medication_order", {
        **CEFTRIAXONE, "drug": "Rifampicin", "dose": 600.0, "dose_unit": "mg", "route": "PO",
        "stop_at": "2027-05-27T12:00+01:00", "review_reason": "Pulmonary TB: 6 months, TB clinic"},
        patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-01T12:00+01:00")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).pages)
    assert overdue in text
    assert kept in text[text.index(overdue):]
