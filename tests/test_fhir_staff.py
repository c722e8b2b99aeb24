"""Staff in the FHIR bundle: each performer, requester and Provenance agent is a reference with
an identifier (the staff ID, under a system naming its laptop: staff IDs are each laptop's own)
and one display, the same whichever database makes the bundle, so the office's export of a merge
does not differ from the laptop's in who did what."""

import json

from downtime.services import records
from downtime.storage.records import current
from downtime.sync.export import export
from downtime.sync.fhir_elements import Context
from downtime.sync.import_export import import_export


def _bundle(folder):
    return json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))


def _by_url(bundle):
    return {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}


def test_the_office_refers_to_a_laptops_staff_as_the_laptop_does(doses_from_laptop_1, tmp_path, laptop):
    patient, paracetamol, morphine, dose, _ = doses_from_laptop_1
    on_laptop = _by_url(_bundle(tmp_path / "carried"))
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, tmp_path / "carried")
    at_office = _by_url(_bundle(export(office, tmp_path / "office").folder))
    given = on_laptop[f"urn:uuid:{dose}"]
    (device,) = office.db.execute("SELECT device_id FROM records WHERE record_id = ?", [dose]).fetchone()
    system = f"urn:downtime:staff:{device}"
    assert [performer["actor"] for performer in given["performer"]] == [
        {"identifier": {"system": system, "value": "nurse"}, "display": "Nurse (ward nurse)"},
        {"identifier": {"system": system, "value": "hl"}, "display": "Hélène Lefèvre (ward nurse)"}]
    assert on_laptop[f"urn:uuid:{morphine}"]["requester"] == {"identifier": {"system": system, "value": "doctor"},
                                                               "display": "Doctor (doctor)"}
    differing = [url for url, resource in on_laptop.items() if at_office.get(url) != resource]
    assert differing == []


def _named_by_display_alone(self, staff_id, device_id):
    """How releases before staff identifiers referred to a staff member."""
    return {"display": self.authors.of("en", staff_id, device_id, self.laptops({device_id}))}


def test_a_database_that_exported_before_staff_identifiers_sends_no_update_for_them(
        session_for, medication_ward, monkeypatch, tmp_path):
    """Every resource naming staff (orders, doses, observations, each Provenance) reads
    otherwise now than what an earlier release's export recorded as sent: compared as it
    stands, each went once as an update, replacing the EHR's copy with any change a clerk
    made to it there. A real change still goes as an update."""
    patient, amox, _ = medication_ward
    with monkeypatch.context() as before:
        before.setattr(Context, "person", _named_by_display_alone)
        earlier = _bundle(export(session_for("records"), tmp_path / "earlier").folder)
    assert "identifier" not in _by_url(earlier)[f"urn:uuid:{amox}"]["requester"]
    upgraded = export(session_for("records"), tmp_path / "upgraded")
    bundle = _bundle(upgraded.folder)
    assert "identifier" in _by_url(bundle)[f"urn:uuid:{amox}"]["requester"]
    assert upgraded.fhir_updates == 0
    assert {entry["request"]["method"] for entry in bundle["entry"]} == {"POST"}
    doctor = session_for("doctor")
    data = current(doctor.db, amox).data
    records.amend(doctor, amox, {**data, "stop_at": "2026-11-28T12:00+01:00"}, "Switched to oral")
    again = _bundle(export(session_for("records"), tmp_path / "again").folder)
    updated = {entry["fullUrl"] for entry in again["entry"] if entry["request"]["method"] == "PUT"}
    assert f"urn:uuid:{amox}" in updated
