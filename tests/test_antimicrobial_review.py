"""An antibiotic's order asks for its review date or its course's length, and the escalation list,
the handover sheet and the MAR ask its review once due (UK "Start Smart then Focus"; HAS, SPILF:
réévaluation à 48-72 h); an as-required opioid standing a week unreviewed likewise. An IV
amoxicillin written on the outage's first day ran to its 31st with nothing asking anyone to
review it (review R6, defect 1)."""

from datetime import datetime

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
from downtime.services import census, chart_alerts, medication, printing, records
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


def _said(nurse) -> list[str]:
    return [line for alert in _alerts(nurse).alerts if alert.form_id == medication.ORDER_FORM for line in alert.said]


def test_the_escalation_list_asks_the_review_once_due_and_the_doctors_review_clears_it(session_for,
                                                                                      medication_ward, clock):
    _, amoxicillin, _ = medication_ward
    clock.now = datetime.fromisoformat("2026-11-30T09:00+01:00")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    found = _alerts(nurse)
    assert _said(nurse) == []
    assert found.next_due is not None and found.next_due <= datetime.fromisoformat("2026-11-30T10:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-30T10:30+01:00")
    (alert,) = [alert for alert in _alerts(nurse).alerts if alert.form_id == medication.ORDER_FORM]
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
