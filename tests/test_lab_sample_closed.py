"""A sample the laboratory rejected or lost, or no longer needed, is closed by amending it with
who said so and when (lab_request version 2): no longer chased on the escalation list, the
handover sheet or the results tab; its state says what happened, an urgent one asking for a new
sample until one is sent; the paper log says it, and the export's ServiceRequest is revoked with
a note saying why."""

import json
from datetime import datetime

import pytest
from fhir.resources.R4B.servicerequest import ServiceRequest

from downtime.services import census, chart_alerts, lab_results, printing, records
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.pdf_text import pdf_text

URGENT = {"taken_at": "2026-11-28T11:40+01:00", "urgency": "urgent", "tests": ["electrolytes", "crp"],
          "sample_number": "B26-1"}
ROUTINE = {"taken_at": "2026-11-28T12:00+01:00", "urgency": "routine", "tests": ["fbc"], "sample_number": "B26-2"}
REJECTED = {"outcome": "rejected", "rejected_because": "haemolysed", "closed_by": "Mme Roux, biochemistry",
            "closed_at": "2026-11-28T13:50+01:00"}
SAID = "REJECTED by the laboratory (haemolysed), said by Mme Roux, biochemistry 28/11 13:50"


def _alerts(session) -> list[tuple[str, str, list[str]]]:
    inside = census.in_patients(session.db, session.forms, "3B", session.clock())
    return [(alert.form_id, alert.latest, alert.said) for alert in chart_alerts.alerts(
        session.db, session.forms, inside, session.clock(), "en", ward="3B").alerts if alert.form_id == "lab_request"]


def _states(session, patient) -> list[str]:
    return [one.state(session.form("lab_request"), session.clock(), "en")
            for one in lab_results.samples(session.db, patient)]


def test_a_sample_closed_asks_no_answer_without_who_said_so_and_when(session_for, patient):
    nurse = session_for("nurse")
    sample = records.save_new(nurse, "lab_request", URGENT, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, sample.record_id, {**URGENT, "outcome": "rejected"}, "laboratory phoned")
    assert sorted(error.path for error in refused.value.errors) == ["closed_at", "closed_by", "rejected_because"]
    with pytest.raises(ValidationFailed) as refused:  # closed before it was taken
        records.amend(nurse, sample.record_id, {**URGENT, **REJECTED, "closed_at": "2026-11-28T11:00+01:00"},
                      "laboratory phoned")
    assert [error.path for error in refused.value.errors] == ["taken_at"]
    closed = records.amend(nurse, sample.record_id, {**URGENT, **REJECTED}, "laboratory phoned")
    assert closed.version == 2 and closed.data["tests"] == ["electrolytes", "crp"]  # amended, nothing erased


def test_a_sample_just_sent_answers_nothing_of_its_closing(session_for, patient):
    """A sample is closed by amending it once the laboratory says so; one written new already
    "rejected" (a script, a stale draft) was never chased. Refused, naming each answer."""
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "lab_request", {**URGENT, **REJECTED}, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [
        (field, f"“{label}”: answered by amending the record once it is saved, not on a new one.") for field, label in (
            ("outcome", "Sample rejected, lost or cancelled"), ("rejected_because", "Why the laboratory rejected it"),
            ("closed_by", "Who said so (laboratory or doctor)"), ("closed_at", "When"))]
    assert lab_results.samples(nurse.db, patient) == []


def test_a_rejected_or_lost_sample_is_no_longer_chased_and_an_urgent_one_asks_for_a_new_sample(
        session_for, patient, clock):
    nurse = session_for("nurse")
    urgent = records.save_new(nurse, "lab_request", URGENT, patient_id=patient)
    routine = records.save_new(nurse, "lab_request", ROUTINE, patient_id=patient)
    assert [said for _, _, said in _alerts(nurse)] == [["RESULT NOT BACK since 28/11 13:40: phone the laboratory"]]

    records.amend(nurse, urgent.record_id, {**URGENT, **REJECTED}, "laboratory phoned")
    records.amend(nurse, routine.record_id, {**ROUTINE, "outcome": "lost", "closed_by": "Porter desk",
                                             "closed_at": "2026-11-28T13:55+01:00"}, "not received by the laboratory")
    resend_now = f"{SAID} — URGENT: send a new sample and record it as a new sample sent"
    lost = "LOST, said by Porter desk 28/11 13:55 — resend?"
    assert _states(nurse, patient) == [resend_now, lost]
    assert _alerts(nurse) == [("lab_request", "Urea and electrolytes, CRP (Urgent) taken 28/11 11:40", [resend_now])]
    assert lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: (
        f"SAMPLES AWAITING RESULTS: Urea and electrolytes, CRP (Urgent) taken 28/11 11:40, B26-1: {resend_now}")}
    assert lab_results.next_due(lab_results.samples(nurse.db, patient), nurse.clock()) is None

    clock.now = datetime.fromisoformat("2026-11-28T14:10+01:00")
    records.save_new(nurse, "lab_request", {**URGENT, "taken_at": "2026-11-28T14:05+01:00", "sample_number": "B26-3"},
                     patient_id=patient)
    assert _states(nurse, patient)[0] == f"{SAID} — sent again 28/11 14:05"
    assert _alerts(nurse) == []  # the new sample is due by 16:05
    clock.now = datetime.fromisoformat("2026-12-27T10:00+01:00")  # a month on: only the new sample is chased
    assert [latest for _, latest, _ in _alerts(nurse)] == ["Urea and electrolytes, CRP (Urgent) taken 28/11 14:05"]
    assert "B26-1" not in lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]


def test_a_sample_cancelled_is_said_so_and_neither_chased_nor_asked_again(session_for, patient, clock):
    nurse = session_for("nurse")
    sample = records.save_new(nurse, "lab_request", URGENT, patient_id=patient)
    records.amend(nurse, sample.record_id, {**URGENT, "outcome": "cancelled", "closed_by": "Dr Martin",
                                            "closed_at": "2026-11-28T12:30+01:00"}, "no longer needed")
    clock.now = datetime.fromisoformat("2026-12-27T10:00+01:00")
    assert _states(nurse, patient) == ["CANCELLED (no longer needed), said by Dr Martin 28/11 12:30"]
    assert _alerts(nurse) == [] and lab_results.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {}


def test_the_french_state_says_the_rejection_in_french(session_for, patient):
    nurse = session_for("nurse")
    sample = records.save_new(nurse, "lab_request", ROUTINE, patient_id=patient)
    records.amend(nurse, sample.record_id, {**ROUTINE, **REJECTED, "rejected_because": "clotted"}, "labo")
    sent = lab_results.samples(nurse.db, patient)
    assert [one.state(nurse.form("lab_request"), nurse.clock(), "fr") for one in sent] == [
        "REFUSÉ par le laboratoire (coagulé), signalé par Mme Roux, biochemistry le 28/11 13:50 — à renvoyer ?"]


def test_the_log_prints_the_outcome_and_the_export_revokes_the_request_with_why(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    urgent = records.save_new(nurse, "lab_request", URGENT, patient_id=patient)
    cancelled = records.save_new(nurse, "lab_request", ROUTINE, patient_id=patient)
    records.amend(nurse, urgent.record_id, {**URGENT, **REJECTED}, "laboratory phoned")
    records.amend(nurse, cancelled.record_id, {**ROUTINE, "outcome": "cancelled", "closed_by": "Dr Martin",
                                               "closed_at": "2026-11-28T12:30+01:00"}, "no longer needed")
    text = " ".join(pdf_text(printing.print_lab_results(nurse, patient, tmp_path / "log.pdf")).split())
    assert "REJECTED by the laboratory (haemolysed)" in text and "CANCELLED (no longer needed)" in text

    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    rejected = ServiceRequest.model_validate(by_id[urgent.record_id])
    assert rejected.status == "revoked"
    assert [note.text for note in rejected.note] == [
        "Sample taken 2026-11-28T11:40:00+01:00",
        "Rejected by the laboratory (Haemolysed), said by Mme Roux, biochemistry, 2026-11-28T13:50:00+01:00: no result "
        "will come of this request", "Number on the request form or tube: B26-1"]
    revoked = ServiceRequest.model_validate(by_id[cancelled.record_id])
    assert revoked.status == "revoked"
    assert revoked.note[1].text.startswith("Cancelled (no longer needed), said by Dr Martin")


def test_a_sample_taken_before_the_laboratory_said_it_rejected_the_urgent_one_is_not_its_resend(
        session_for, patient, clock):
    """The urgent electrolytes of 11:40 haemolysed, said at 13:50; the doctor's routine bloods at
    12:00 had asked electrolytes too: that sample, sent for something else before anyone knew,
    read as the urgent one "sent again 28/11 12:00", and nobody was asked for a new sample. A
    new sample is one taken once the laboratory said so, whatever else it asks."""
    nurse = session_for("nurse")
    urgent = records.save_new(nurse, "lab_request", URGENT, patient_id=patient)
    records.save_new(nurse, "lab_request", {**ROUTINE, "tests": ["fbc", "electrolytes"]}, patient_id=patient)
    records.amend(nurse, urgent.record_id, {**URGENT, **REJECTED}, "laboratory phoned")
    resend_now = f"{SAID} — URGENT: send a new sample and record it as a new sample sent"
    assert _states(nurse, patient)[0] == resend_now
    assert [said for _, _, said in _alerts(nurse)] == [[resend_now]]

    clock.now = datetime.fromisoformat("2026-11-28T14:10+01:00")
    records.save_new(nurse, "lab_request", {**ROUTINE, "taken_at": "2026-11-28T14:05+01:00", "tests": ["crp"],
                                            "urgency": "urgent", "sample_number": "B26-3"}, patient_id=patient)
    assert _states(nurse, patient)[0] == f"{SAID} — sent again 28/11 14:05"
    assert _alerts(nurse) == []
