"""A print of patient data leaves an audit entry naming whose data it copies (services.printing):
the log answers "who printed Mrs Lefèvre's notes, and when?"."""

import json

import pytest

from downtime.services import printing
from downtime.services.patients import downtime_numbers


def _last_print(db) -> tuple[str, dict]:
    actor, detail = db.execute("SELECT actor, detail FROM audit WHERE action = 'print' ORDER BY seq DESC LIMIT 1").fetchone()
    return actor, json.loads(detail)


CHARTS = {
    "notes": lambda session, patient, out: printing.print_notes(session, patient, out),
    "neuro": lambda session, patient, out: printing.print_neuro_chart(session, patient, out),
    "pain": lambda session, patient, out: printing.print_pain_chart(session, patient, out),
    "lab results": lambda session, patient, out: printing.print_lab_results(session, patient, out),
    "mar": lambda session, patient, out: printing.print_mar(session, [patient], out),
    "labels": lambda session, patient, out: printing.print_labels(session, patient, out),
}


@pytest.mark.parametrize("kind", CHARTS)
def test_a_patient_print_names_the_patient_in_its_audit_entry(session_for, medication_ward, tmp_path, kind):
    patient = medication_ward[0]
    coord = session_for("coord")
    CHARTS[kind](coord, patient, tmp_path / "p.pdf")
    actor, detail = _last_print(coord.db)
    assert actor == "coord"
    assert detail["patient_ids"] == [patient]
    assert detail["downtime_numbers"] == [downtime_numbers(coord.db, [patient])[patient]]


def test_a_ward_mar_pack_names_its_ward_and_every_patient(session_for, medication_ward, twin, tmp_path):
    nurse = session_for("nurse")
    printing.print_ward_mar_pack(nurse, "3B", tmp_path / "pack.pdf")
    _, detail = _last_print(nurse.db)
    numbers = downtime_numbers(nurse.db, [medication_ward[0], twin])
    assert detail["ward"] == "3B"
    assert sorted(detail["patient_ids"]) == sorted([medication_ward[0], twin])
    assert sorted(detail["downtime_numbers"]) == sorted(numbers.values())


def test_a_blank_form_names_no_patient(session_for, tmp_path):
    nurse = session_for("nurse")
    printing.print_blank(nurse, "admission", tmp_path / "b.pdf")
    _, detail = _last_print(nurse.db)
    assert "patient_ids" not in detail and detail["what"] == "blank admission"


def test_a_census_names_its_ward_and_its_in_patients(session_for, medication_ward, twin, tmp_path):
    nurse = session_for("nurse")
    printing.print_census(nurse, tmp_path / "census.pdf", ward="3B")
    _, detail = _last_print(nurse.db)
    assert detail["ward"] == "3B" and sorted(detail["patient_ids"]) == sorted([medication_ward[0], twin])
