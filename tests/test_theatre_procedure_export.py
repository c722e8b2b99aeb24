"""The operation recorded done, exported as a FHIR Procedure: the EHR's procedure history, which
surgical coding and later care read (the next operation on that knee), received nothing of it, the
side only as an order detail's text and the done record's theatre and time as an Appointment's
comment."""

import json

from fhir.resources.R4B.procedure import Procedure
from fhir.resources.R4B.servicerequest import ServiceRequest

from downtime.services import records, theatre
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests import test_theatre_side_against_booking as sided
from tests.test_bad_input import MONDAY

left_knee = sided.left_knee  # a LEFT knee arthroscopy booked on Monday's list


def _bundle(session_for, folder):
    exported = export(session_for("records"), folder).folder
    bundle = json.loads((exported / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    return {entry["fullUrl"].removeprefix("urn:uuid:"): entry.get("resource") for entry in bundle["entry"]}


def test_the_operation_done_is_a_procedure_with_its_side_team_theatre_and_request(session_for, left_knee, tmp_path):
    patient, booking = left_knee
    coord = session_for("coord")
    done = theatre.record_done(coord, booking, {"done_at": f"{MONDAY}T08:10+01:00", "theatre": "T3",
                                                "notes": "Left knee arthroscopy, T1 out of use"})
    by_id = _bundle(session_for, tmp_path / "export")
    found = Procedure.model_validate(by_id[done.record_id])
    assert (found.status, found.code.text) == ("completed", "Knee arthroscopy")
    assert [site.text for site in found.bodySite] == ["LEFT: Knee arthroscopy"]
    assert found.performedDateTime.isoformat() == f"{MONDAY}T08:10:00+01:00"
    assert [(one.function.text, one.actor.display) for one in found.performer] == [
        ("surgeon", "Dr Roux"), ("anaesthetist", "Dr Klein")]
    assert found.location.display == "theatre T3"
    assert found.basedOn[0].reference == f"urn:uuid:{booking}"
    assert found.subject.reference == f"urn:uuid:{patient}"
    assert [note.text for note in found.note] == ["Left knee arthroscopy, T1 out of use"]
    request = ServiceRequest.model_validate(by_id[booking])
    assert [site.text for site in request.bodySite] == ["LEFT: Knee arthroscopy"]
    records.mark_entered_in_error(coord, done.record_id, "another patient's operation")
    assert Procedure.model_validate(_bundle(session_for, tmp_path / "again")[done.record_id]).status == \
        "entered-in-error"


def test_an_operation_not_done_has_no_procedure(session_for, left_knee, tmp_path):
    _, booking = left_knee
    by_id = _bundle(session_for, tmp_path / "export")
    assert by_id[booking]["status"] == "active"
    assert not [resource for resource in by_id.values() if resource and resource["resourceType"] == "Procedure"
                and resource.get("basedOn") == [{"reference": f"urn:uuid:{booking}"}]]
