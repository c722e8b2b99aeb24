"""What the ward is told of the medicines taken before admission: on the handover sheet a line of
its own (it ran on inside "NOT DONE SINCE ADMISSION" as one more screening), each medicine with
its dose but not when it was last taken ("last today 08:00" read a day on), a long list cut; a
list said to be elsewhere ("See GP list") asked once to be got; a patient loaded from the EHR's
snapshot asked only what the EHR could not have decided."""

import json
from datetime import datetime

import pytest

from downtime.services import census, printing, records, wards
from downtime.sync.importing import import_path
from tests.test_snapshot_import import _bundle


@pytest.fixture
def ward(session_for, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")


def _admit(session_for, admission_values, usual: str) -> str:
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00", "usual_medicines": usual}).patient_id


def _sheet(session_for, at: datetime, lang: str = "en") -> dict[str, list[str]]:
    session = session_for("nurse", lang)
    inside = [row.patient for row in census.census(session.db, session.forms, ward="3B", at=at) if row.patient]
    return printing._charted(session, inside, at, {})


def test_the_home_medicines_are_a_line_of_their_own_with_their_dose_a_long_list_cut(
        session_for, admission_values, clock, ward):
    usual = "\n".join(["Bisoprolol 2.5 mg morning, last today 08:00", "Co-careldopa 25/100 1 tab qds",
                       *(f"{drug} 10 mg od" for drug in ("Ramipril", "Amlodipine", "Atorvastatin", "Omeprazole",
                                                         "Citalopram", "Baclofen", "Propranolol"))])
    patient = _admit(session_for, admission_values, usual)
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    line, = [one for one in _sheet(session_for, clock.now)[patient] if "BEFORE ADMISSION" in one]
    assert line == ("MEDICINES TAKEN BEFORE ADMISSION NOT CHARTED since admission on 28/11 09:00 (reconcile within "
                    "24 h, NICE NG5): Co-careldopa 25/100 1 tab qds (TIME-CRITICAL: prescribe now); Bisoprolol 2.5 mg "
                    "morning; Ramipril 10 mg od; Amlodipine 10 mg od; Atorvastatin 10 mg od; and 4 more (see the "
                    "admission): prescriber to chart, hold or stop each")
    french, = [one for one in _sheet(session_for, clock.now, "fr")[patient] if "TRAITEMENT HABITUEL" in one]
    assert "et 4 autre(s) (voir l’admission)" in french and "NON FAIT" not in french


def test_a_list_said_to_be_elsewhere_is_asked_for_once_after_a_day(session_for, admission_values, clock, ward):
    patient = _admit(session_for, admission_values, "See GP list\nAs per blister pack")
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    assert not [one for one in _sheet(session_for, clock.now).get(patient, []) if "BEFORE ADMISSION" in one]
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    assert [one for one in _sheet(session_for, clock.now)[patient] if "BEFORE ADMISSION" in one] == [
        ("MEDICINES TAKEN BEFORE ADMISSION NOT YET LISTED since admission on 28/11 09:00 (“See GP list”): "
         "obtain the list and reconcile")]
    french, = [one for one in _sheet(session_for, clock.now, "fr")[patient] if "TRAITEMENT HABITUEL" in one]
    assert french == ("TRAITEMENT HABITUEL PAS ENCORE LISTÉ depuis l’admission le 28/11 09:00 (« See GP list ») : "
                      "obtenir la liste et concilier")


def test_a_patient_loaded_from_the_ehr_is_asked_only_time_critical_and_ward_added_lines(
        session_for, clock, tmp_path, ward):
    """The EHR's orders were its reconciliation: an apixaban it left unordered (held) is not
    asked; a co-beneldopa it left unordered is, at once; a line the ward adds after the load is
    asked like any other."""
    bundle = _bundle()
    subject = {"reference": f"urn:uuid:{bundle['entry'][0]['resource']['id']}"}
    for number, drug in enumerate(("Apixaban 5mg tablets", "Co-beneldopa 25mg/100mg capsules")):
        bundle["entry"].append({"fullUrl": f"urn:uuid:88888888-8888-4888-8888-88888888888{number}", "resource": {
            "resourceType": "MedicationStatement", "id": f"88888888-8888-4888-8888-88888888888{number}",
            "status": "active", "medicationCodeableConcept": {"text": drug}, "subject": subject}})
    path = tmp_path / "ehr.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    import_path(session_for("records"), path)
    nurse = session_for("nurse")
    admission, = [record for record in records.list_current(nurse.db) if record.form_id == "admission"]
    said = " ".join(_sheet(session_for, clock.now)[admission.patient_id])
    assert "Co-beneldopa 25mg/100mg capsules (TIME-CRITICAL: prescribe now): prescriber" in said
    assert "Apixaban" not in said
    records.amend(nurse, admission.record_id, {**admission.data, "usual_medicines": (
        f"{admission.data['usual_medicines']}\nMetformin 1 g bd")}, "the patient's own list")
    said = " ".join(_sheet(session_for, clock.now)[admission.patient_id])
    assert "(TIME-CRITICAL: prescribe now); Metformin 1 g bd: prescriber" in said and "Apixaban" not in said
