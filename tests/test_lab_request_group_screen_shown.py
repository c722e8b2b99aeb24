"""A group and screen's taker, bedside identification and the patient's group as the blood bank
holds it (lab_request version 3) go to the results log printed and the export's ServiceRequest."""

import json

from pypdf import PdfReader

from downtime.services import printing, records
from downtime.sync.export import export


def test_a_group_and_screen_says_who_took_it_on_the_log_and_in_the_export(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "lab_request", {"taken_at": "2026-11-28T13:00+01:00", "urgency": "urgent",
                                                    "tests": ["group_screen"], "taken_by": "Paul Martin",
                                                    "identified_at_bedside": True, "group_sample": "first_sample"},
                             patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [request] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == saved.record_id]
    assert ("Group and screen: taken by Paul Martin; patient identified and tube labelled at the bedside; Not on "
            "record: first sample (a second one, taken apart, is needed before blood is given)") in [
        note["text"] for note in request["note"]]
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_lab_results(nurse, patient, tmp_path / "l.pdf")).pages)
    assert "Paul Martin; Not on record: first sample" in text
