"""A morphine syringe driver (10 mg over 24 hours, set up at 10:00) halted by the patient's death
at 13:00, taken down at 13:20 as the body was laid out, 8.5 mg left in it destroyed, witnessed:
nothing of what was destroyed was said, and its stop went as a MedicationAdministration dated 20
minutes after Patient.deceasedDateTime. It ends at the death, with its stop and the register's
destruction in its notes, `stopped` (FHIR: "permanently halted, before all of them occurred"),
not `completed`."""

import json
from datetime import datetime

from fhir.resources.R4B.bundle import Bundle

from downtime.services import cd_register, medication, records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.conftest import death_answers
from tests.test_infusion_rates import _change, syringe_at_death, syringe_running  # noqa: F401 (fixtures)


def _bundle(session_for, folder) -> list[dict]:
    """The ward laptop's own bundle (its register, where the destruction is, is not imported
    into the records office's database), valid R4 with known codes: its resources."""
    found = export(session_for("records"), folder).folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    Bundle.model_validate(bundle)
    return [entry["resource"] for entry in bundle["entry"]]


def test_a_driver_halted_by_the_death_ends_at_it_with_what_was_destroyed(syringe_at_death, session_for, tmp_path):
    nurse, patient, driver = syringe_at_death
    stop = _change(nurse, driver, "2026-11-28T13:20+01:00", "stopped", None, "Patient died 13:00")
    (syringe,) = [dose for dose in medication.administrations(nurse.db, patient) if dose.order_id == driver]
    cd_register.cd_waste(nurse, syringe.record_id, 8.5, witness=("doctor", "2222"))
    resources = _bundle(session_for, tmp_path / "export")
    (died,) = [resource["deceasedDateTime"] for resource in resources if resource["resourceType"] == "Patient"]
    given = {resource["id"]: resource for resource in resources if resource["resourceType"] == "MedicationAdministration"}
    sent = given[syringe.record_id]
    assert (sent["status"], sent["effectivePeriod"]) == (
        "stopped", {"start": "2026-11-28T10:00:00+01:00", "end": died})
    notes = [note["text"] for note in sent["note"]]
    assert "Infusion stopped, syringe or bag taken down at 2026-11-28T13:20:00+01:00, after the end of the stay: " \
           "Patient died 13:00" in notes
    assert any(note.startswith("Controlled-drug register, witnessed: Left in the infusion, destroyed: 8.5 mg")
               for note in notes)
    # No administration after the death: the stop is the driver's period end, not one of its own.
    assert stop.record_id not in given
    assert all(datetime.fromisoformat(resource.get("effectiveDateTime") or resource["effectivePeriod"]["start"])
               <= datetime.fromisoformat(died) for resource in given.values())


def test_a_driver_running_at_the_death_never_charted_stopped_is_stopped_at_it(syringe_at_death, session_for,
                                                                               tmp_path):
    nurse, patient, driver = syringe_at_death
    (syringe,) = [dose for dose in medication.administrations(nurse.db, patient) if dose.order_id == driver]
    sent = next(resource for resource in _bundle(session_for, tmp_path / "export")
                if resource["id"] == syringe.record_id)
    assert (sent["status"], sent["effectivePeriod"]["end"]) == ("stopped", "2026-11-28T13:00:00+01:00")
    assert not any("destroyed" in note["text"] for note in sent["note"])



def test_a_stop_an_earlier_bundle_sent_before_the_death_was_recorded_goes_again_as_it_went(
        syringe_running, session_for, clock, tmp_path):
    """The stop charted at 13:20 and exported before the 13:00 death was recorded went as an
    administration of its own, which the EHR may hold: later bundles dropped it without a word,
    and said it again in the driver's note. It goes again; a stop never sent is the note alone."""
    nurse, patient, driver = syringe_running
    (syringe,) = [dose for dose in medication.administrations(nurse.db, patient) if dose.order_id == driver]
    clock.now = datetime.fromisoformat("2026-11-28T13:25+01:00")
    stop = _change(nurse, driver, "2026-11-28T13:20+01:00", "stopped", None, "Patient died 13:00")
    assert stop.record_id in {resource.get("id") for resource in _bundle(session_for, tmp_path / "before")}
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True}, patient_id=patient)
    given = {resource["identifier"][0]["value"]: resource for resource in _bundle(session_for, tmp_path / "after")
             if resource["resourceType"] == "MedicationAdministration"}  # updates, by their identifier
    assert given[stop.record_id]["effectiveDateTime"] == "2026-11-28T13:20:00+01:00"
    assert given[syringe.record_id]["status"] == "stopped"
    assert not any(note["text"].startswith("Infusion stopped") for note in given[syringe.record_id]["note"])
