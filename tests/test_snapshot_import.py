"""Loading the last known state before an outage: the CSV set and a FHIR Bundle arrive as ward
records; a bad line is refused by file, line and column with nothing written; loading the same
snapshot again changes nothing, even once the ward has worked on its records; every laptop that
loaded it merges and imports at the records office."""

import csv
from dataclasses import replace
import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from downtime.formspec.values import ParseError, parse_date
from downtime.paths import resources_dir
from downtime.services import census, medication, records, theatre
from downtime.services.search import search
from downtime.storage.records import list_current
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.importing import import_path
from downtime.sync.merge import merge
from downtime.sync.outcome import ImportRefused
from downtime.sync.snapshot_csv import FILES, NO_TIME, columns_of, read_csv_snapshot
from downtime.sync.snapshot_fhir import read_fhir_snapshot

SNAPSHOT = Path(__file__).parent / "data" / "snapshot"


def _counts(db):
    return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("patients", "records", "audit")}


@pytest.fixture
def clerk(session_for):
    return session_for("records")


@pytest.fixture
def snapshot(tmp_path):
    return Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))


def test_templates_shipped_match_the_forms(forms):
    for file in FILES:
        header = (resources_dir() / "snapshot" / file.name).read_text(encoding="utf-8").strip()
        assert header.split(",") == columns_of(forms, file), file.name


def test_csv_snapshot_loads_patients_beds_allergies_orders_and_theatre(clerk, snapshot):
    result = import_path(clerk, snapshot)
    assert result.added == {"patient": 2, "order": 2, "session": 1, "booking": 1}
    db, forms = clerk.db, clerk.forms
    rows = {row.patient.display_name: row for row in census.census(db, forms, "3B") if row.patient}
    helene = rows["LEFÈVRE Hélène Marie"].patient
    assert (helene.bed, helene.allergies, helene.ipp) == ("12", ("Penicillin", "Latex"), "800123")
    assert rows["NGUYEN Van Minh"].patient.allergy_status == "nka"
    orders = medication.orders(db, helene.patient_id, clerk.clock())
    assert {(o.drug, o.controlled) for o in orders} == {("Paracetamol", False), ("Morphine", True)}
    (booking,) = theatre.bookings(db, forms)
    assert booking.patient.patient_id == helene.patient_id and booking.session_id
    assert search(db, forms, "lefevre")[0].downtime_number.startswith("DT-042-")


def test_a_csv_snapshot_loads_the_medicines_taken_before_admission(clerk, snapshot):
    """stays.csv's template has the admission form's column: what the EHR knew the patient took
    at home arrives on the ward's admission, one medicine a line as a spreadsheet quotes it."""
    stays = snapshot / "stays.csv"
    lines = stays.read_text(encoding="utf-8").splitlines()
    stays.write_text("\n".join([f"{lines[0]},usual_medicines",
                                 f'{lines[1]},"Apixaban 5 mg twice a day\nBisoprolol 2.5 mg morning"',
                                 f"{lines[2]},"]) + "\n", encoding="utf-8")
    import_path(clerk, snapshot)
    admissions = {record.data["birth_name"]: record.data for record in list_current(clerk.db, form_id="admission")}
    assert admissions["Lefèvre"]["usual_medicines"] == "Apixaban 5 mg twice a day\nBisoprolol 2.5 mg morning"
    assert "usual_medicines" not in admissions["Nguyen"]


def test_loading_the_same_snapshot_again_changes_nothing(clerk, snapshot):
    first = import_path(clerk, snapshot)
    before = _counts(clerk.db)
    again = import_path(clerk, snapshot)
    assert again.added == {} and again.unchanged == first.added
    assert _counts(clerk.db) == {**before, "audit": before["audit"] + 1}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _with_empty_columns(path: Path, given: dict[int, str] | None = None) -> None:
    """Each line ending with two empty columns, as a spreadsheet saves them (";;" or ",,"); `given`:
    a value in the first of them on these lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("".join(f"{line},{(given or {}).get(number, '')},\n" for number, line in enumerate(lines, 1)),
                    encoding="utf-8")


MALFORMED = {
    "missing column": (lambda s: _edit(s / "stays.csv", ",reason,", ",why,"),
                       "stays.csv, line 1: unknown column 'why'"),
    "missing required column": (lambda s: _edit(s / "patients.csv", ",sex,", ",,"),
                                "patients.csv, line 1: column 5 has no name in the header (see the template)"),
    # A spreadsheet's empty columns after the last named hold nothing; one given a value is named.
    "value under no column name": (lambda s: _with_empty_columns(s / "patients.csv", {3: "x"}),
                                   "patients.csv, line 3: column 10 has no name in the header (see the template)"),
    "bad date": (lambda s: _edit(s / "patients.csv", "1948-03-12", "1948-13-12"),
                 "patients.csv, line 2, column birth_date: '1948-13-12'"),
    # Said "choose one of the listed options", where a file lists none.
    "unknown code": (lambda s: _edit(s / "medication_orders.csv", ",PO,", ",BY MOUTH,"),
                     "medication_orders.csv, line 2, column route: 'BY MOUTH': no option of “route”; write one of "
                     "its codes: PO, IV, IM, SC, SL, PR, INH, NEB, TOP, NG, TD, EYE, EAR, NAS, BUC"),
    "duplicate id": (lambda s: _edit(s / "medication_orders.csv", "RX-2,P001", "RX-1,P001"),
                     "medication_orders.csv, line 3: order 'RX-1' is also at medication_orders.csv, line 2"),
    "wrong encoding": (lambda s: (s / "patients.csv").write_bytes(
        (s / "patients.csv").read_text(encoding="utf-8").encode("latin-1")),
        "patients.csv, line 2: not UTF-8 text"),
    "truncated file": (lambda s: (s / "theatre_bookings.csv").write_bytes(
        (s / "theatre_bookings.csv").read_bytes()[:-40]),
        "theatre_bookings.csv, line 2: 8 values where the header names 11 columns (is the file cut short?)"),
    "unknown patient": (lambda s: _edit(s / "medication_orders.csv", "RX-2,P001", "RX-2,P999"),
                        "medication_orders.csv, line 3: patient 'P999' is not in this snapshot"),
    "unknown session": (lambda s: _edit(s / "theatre_bookings.csv", ",P001,S-1,", ",P001,S-9,"),
                        "theatre_bookings.csv, line 2: session 'S-9' is not in this snapshot"),
    # A problem of the stay's answers (a bed) named patients.csv alone, where the bed is not.
    "two patients in one bed": (lambda s: _edit(s / "stays.csv", "3B,4,", "3B,12,"),
                                "patients.csv, line 3 (stays.csv, line 3): "),
    # Said "patient 'P001' has no line in stays.csv", which it has.
    "patient listed twice": (lambda s: _edit(s / "patients.csv", "P002,", "P001,"),
                             "patients.csv, line 3: patient 'P001' is also at patients.csv, line 2"),
    "stay of no patient": (lambda s: (s / "stays.csv").write_text(
        (s / "stays.csv").read_text(encoding="utf-8") + "P009,2026-11-26 14:00,direct,Asthma,3B,5,Dr Vasseur,nka,,\n",
        encoding="utf-8"), "stays.csv, line 4: patient 'P009' is not in patients.csv"),
    "form rule broken": (lambda s: _edit(s / "medication_orders.csv", ",5,mg,", ",,mg,"),
                         "medication_orders.csv, line 3: "),
    # Named the patients.csv line the allergy was merged into, where nothing is wrong.
    "allergy without its substance": (lambda s: _edit(s / "allergies.csv", "P001,Latex,,", "P001,,Rash,"),
                                      "allergies.csv, line 3, column substance: “substance” is required."),
    # Cut in its last cell (IPP 800124 cut to 80): loaded, the cut number on the wristband.
    "cut in the last line's last cell": (lambda s: (s / "patients.csv").write_bytes(
        (s / "patients.csv").read_bytes().rstrip(b"\r\n")[:-4]),
        "patients.csv, line 3: the last line has no line end (is the file cut short?)"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_each_malformed_snapshot_is_refused_by_name_and_nothing_written(clerk, snapshot, case):
    damage, expected = MALFORMED[case]
    damage(snapshot)
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, snapshot)
    assert str(refused.value).startswith(expected), str(refused.value)
    assert _counts(clerk.db) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(p.name for p in SNAPSHOT.glob("*.csv"))), data=st.data())
def test_mutated_csv_is_loaded_or_refused_never_half_written(clerk, tmp_path_factory, name, data):
    folder = Path(shutil.copytree(SNAPSHOT, tmp_path_factory.mktemp("fuzz") / "snapshot"))
    original = (folder / name).read_bytes()
    position = data.draw(st.integers(0, len(original) - 1))
    replacement = data.draw(st.binary(min_size=0, max_size=4))
    (folder / name).write_bytes(original[:position] + replacement + original[position + 1:])
    before = _counts(clerk.db)
    try:
        import_path(clerk, folder)
    except ImportRefused as refused:
        assert str(refused).strip()
        assert _counts(clerk.db) == before


def _bundle() -> dict:
    def entry(resource):
        return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}

    patient = {"resourceType": "Patient", "id": "11111111-1111-4111-8111-111111111111",
               "identifier": [{"use": "usual", "system": "urn:hospital:ipp", "value": "900555"},
                              {"system": "urn:oid:1.2.250.1.213.1.4.8", "value": "254037511302312"}],
               "name": [{"use": "official", "family": "Roux", "given": ["Élise"]}],
               "gender": "female", "birthDate": "1950-02-03",
               "telecom": [{"system": "email", "value": "e.roux@example.org"},
                           {"system": "phone", "use": "old", "value": "01 40 00 00 00"},
                           {"system": "phone", "use": "mobile", "value": "06 12 34 56 78"}]}
    subject = {"reference": f"urn:uuid:{patient['id']}"}
    encounter = {"resourceType": "Encounter", "id": "22222222-2222-4222-8222-222222222222",
                 "status": "in-progress", "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                                                    "code": "IMP"},
                 "subject": subject, "period": {"start": "2026-11-26T10:00:00+01:00"},
                 "reasonCode": [{"text": "Heart failure"}],
                 "participant": [{"individual": {"display": "Dr Vasseur"}}],
                 "location": [{"location": {"display": "3B"}, "physicalType": {"coding": [{"code": "wa"}]}},
                              {"location": {"display": "7"}, "physicalType": {"coding": [{"code": "bd"}]}}]}
    allergy = {"resourceType": "AllergyIntolerance", "id": "33333333-3333-4333-8333-333333333333",
               "patient": subject, "code": {"text": "Amoxicillin"},
               "reaction": [{"manifestation": [{"text": "Urticaria"}], "severity": "moderate"}]}
    order = {"resourceType": "MedicationRequest", "id": "44444444-4444-4444-8444-444444444444",
             "status": "active", "intent": "order", "subject": subject,
             "medicationCodeableConcept": {"text": "Furosemide"}, "authoredOn": "2026-11-26T11:00:00+01:00",
             "requester": {"display": "Dr Benali"}, "identifier": [{"value": "RX-9"}],
             "dosageInstruction": [{"timing": {"repeat": {"timeOfDay": ["08:00:00", "14:00:00"]}},
                                    "route": {"text": "iv"},
                                    "doseAndRate": [{"doseQuantity": {"value": 40, "unit": "mg"}}]}]}
    schedule = {"resourceType": "Schedule", "id": "55555555-5555-4555-8555-555555555555",
                "actor": [{"display": "Theatre 1"}], "serviceType": [{"text": "Cardiology"}]}
    slot = {"resourceType": "Slot", "id": "66666666-6666-4666-8666-666666666666", "status": "busy",
            "schedule": {"reference": f"urn:uuid:{schedule['id']}"},
            "start": "2026-11-30T08:00:00+01:00", "end": "2026-11-30T12:00:00+01:00"}
    appointment = {"resourceType": "Appointment", "id": "77777777-7777-4777-8777-777777777777",
                   "status": "booked", "serviceType": [{"text": "Pacemaker insertion"}],
                   "created": "2026-11-20T16:30:00+01:00", "start": "2026-11-30T09:00:00+01:00",
                   "end": "2026-11-30T10:30:00+01:00", "slot": [{"reference": f"urn:uuid:{slot['id']}"}],
                   "participant": [{"actor": subject, "status": "accepted"},
                                   {"actor": {"display": "Dr Martin"}, "status": "accepted"}]}
    # The operation's request, whose priority is the booking's NCEPOD class (elective, "routine").
    request = {"resourceType": "ServiceRequest", "id": "99999999-9999-4999-8999-999999999999", "status": "active",
               "intent": "order", "subject": subject, "priority": "routine", "code": {"text": "Pacemaker insertion"}}
    appointment["basedOn"] = [{"reference": f"urn:uuid:{request['id']}"}]
    return {"resourceType": "Bundle", "type": "collection",
            "entry": [entry(r) for r in (patient, encounter, allergy, order, schedule, slot, request, appointment)]}


def test_fhir_snapshot_loads_and_loads_again_without_change(clerk, tmp_path):
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(_bundle()), encoding="utf-8")
    result = import_path(clerk, path)
    assert result.added == {"patient": 1, "order": 1, "session": 1, "booking": 1}
    (admission,) = list_current(clerk.db, "admission")
    assert admission.data["bed"] == "7" and admission.data["allergies"][0]["substance"] == "Amoxicillin"
    assert admission.data["identity_status"] == "provisional" and admission.data["ipp"] == "900555"
    assert admission.data["phone"] == "06 12 34 56 78", "the number the rescheduling list rings, not the old one"
    (order,) = medication.orders(clerk.db, str(admission.patient_id), clerk.clock())
    assert (order.drug, order.dose, order.route, order.controlled) == ("Furosemide", 40, "IV", False)
    assert import_path(clerk, path).added == {}


def test_a_fhir_snapshots_temporary_ins_is_the_nir_not_the_hospital_number(clerk, tmp_path):
    """An INS still awaiting its NIR (an NIA, under its own OID, as this app's export now sends
    it) was read as the hospital's patient number (IPP) when listed first, and lost otherwise."""
    bundle = _bundle()
    patient = bundle["entry"][0]["resource"]
    patient["identifier"] = [{"use": "official", "system": "urn:oid:1.2.250.1.213.1.4.9", "value": "850027511302386"},
                             {"use": "usual", "system": "urn:hospital:ipp", "value": "900555"}]
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    import_path(clerk, path)
    (admission,) = list_current(clerk.db, "admission")
    assert (admission.data["nir"], admission.data["ipp"]) == ("850027511302386", "900555")


def test_a_fhir_snapshots_medication_statements_are_the_medicines_taken_before_admission(clerk, tmp_path):
    """The EHR lists what the patient took at home as MedicationStatements (this app's export
    writes one, its answer as text); the snapshot dropped them, and the ward asked again. The
    active ones load one a line, each with its dosage as the EHR words it."""
    bundle = _bundle()
    subject = {"reference": f"urn:uuid:{bundle['entry'][0]['resource']['id']}"}
    for number, (status, drug, dosage) in enumerate((
            ("active", {"text": "Bisoprolol 2.5 mg"}, [{"text": "1 tablet in the morning"}]),
            ("stopped", {"text": "Ramipril 5 mg"}, []),
            ("active", {"coding": [{"system": "http://snomed.info/sct", "code": "318135005",
                                    "display": "Ramipril 2.5mg capsule"}]}, []))):
        statement = {"resourceType": "MedicationStatement", "id": f"88888888-8888-4888-8888-88888888888{number}",
                     "status": status, "medicationCodeableConcept": drug, "subject": subject, "dosage": dosage}
        bundle["entry"].append({"fullUrl": f"urn:uuid:{statement['id']}", "resource": statement})
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    import_path(clerk, path)
    (admission,) = list_current(clerk.db, "admission")
    assert admission.data["usual_medicines"] == "Bisoprolol 2.5 mg, 1 tablet in the morning\nRamipril 2.5mg capsule"


def test_a_fhir_snapshots_infusion_keeps_its_rate(clerk, tmp_path):
    """The EHR's saline at 125 mL/h came into the downtime chart as "1000 mL IV", its rate lost."""
    bundle = _bundle()
    dosage = bundle["entry"][3]["resource"]["dosageInstruction"][0]
    bundle["entry"][3]["resource"]["medicationCodeableConcept"] = {"text": "Sodium chloride 0.9%"}
    dosage["doseAndRate"] = [{"doseQuantity": {"value": 1000, "unit": "mL"},
                              "rateQuantity": {"value": 125, "unit": "mL/h"}}]
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    import_path(clerk, path)
    (order,) = list_current(clerk.db, "medication_order")
    assert (order.data["form"], order.data["rate_ml_h"]) == ("infusion", 125)


def test_a_fhir_snapshots_once_only_order_loads_at_its_time(clerk, tmp_path):
    """The EHR's furosemide 40 mg IV once at 18:00, prescribed and not given when the EHR went
    down, refused the whole bundle ("dosage has neither timing.repeat.timeOfDay nor asNeeded"):
    no patient of the ward was loaded. A dose at one `timing.event` is a once-only order at that
    time, as the app's own bundle writes one."""
    bundle = _bundle()
    bundle["entry"][3]["resource"]["dosageInstruction"][0]["timing"] = {"event": ["2026-11-26T18:00:00+01:00"]}
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    import_path(clerk, path)
    (order,) = list_current(clerk.db, "medication_order")
    assert (order.data["frequency"], order.data["start_at"]) == ("once", "2026-11-26T18:00+01:00")


@pytest.mark.parametrize(("repeat", "every_days"), [({"period": 1, "periodUnit": "wk"}, "7"),
                                                     ({"period": 3, "periodUnit": "d"}, "3"),
                                                     ({}, None)])
def test_a_fhir_snapshots_weekly_order_loads_weekly(clerk, tmp_path, repeat, every_days):
    """The EHR's methotrexate once a week would load as daily, due every morning; a period the
    order form cannot say is refused, naming the entry."""
    bundle = _bundle()
    bundle["entry"][3]["resource"]["dosageInstruction"][0]["timing"]["repeat"].update(repeat)
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    import_path(clerk, path)
    (order,) = list_current(clerk.db, "medication_order")
    assert order.data.get("every_days") == every_days


def test_a_fhir_snapshots_order_every_5_days_is_refused(clerk, tmp_path):
    bundle = _bundle()
    bundle["entry"][3]["resource"]["dosageInstruction"][0]["timing"]["repeat"].update({"period": 5, "periodUnit": "d"})
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    with pytest.raises(ImportRefused, match="dosage repeats every 5 d, which the order form cannot say"):
        import_path(clerk, path)
    assert list_current(clerk.db, "medication_order") == []


def test_a_fhir_snapshots_order_keeps_why_it_was_prescribed(clerk, tmp_path):
    """The EHR's furosemide came in with no indication, which the chart and the order screen
    ask: each reason of the MedicationRequest is its indication, in words or coded."""
    bundle = _bundle()
    bundle["entry"][3]["resource"]["reasonCode"] = [
        {"text": "Heart failure"},
        {"coding": [{"system": "http://snomed.info/sct", "code": "38341003", "display": "Hypertension"}]}]
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    import_path(clerk, path)
    (order,) = list_current(clerk.db, "medication_order")
    assert order.data["indication"] == "Heart failure; Hypertension"


def _with_allergies(allergies: list[dict]) -> dict:
    """The snapshot bundle with these AllergyIntolerances of its patient in place of its own."""
    bundle = _bundle()
    subject = {"reference": f"urn:uuid:{bundle['entry'][0]['resource']['id']}"}
    bundle["entry"] = [entry for entry in bundle["entry"] if entry["resource"]["resourceType"] != "AllergyIntolerance"]
    for number, allergy in enumerate(allergies):
        resource = {**allergy, "resourceType": "AllergyIntolerance", "id": f"33333333-3333-4333-8333-33333333333{number}",
                    "patient": subject}
        bundle["entry"].append({"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource})
    return bundle


def test_the_exports_no_known_allergy_loads_back_as_no_known_allergies(session_for, admission_values, clerk, tmp_path):
    """The export sends "No known allergies" as SNOMED CT 716186003; the snapshot read it as an
    allergy to a substance named "No known allergies"."""
    records.save_new(session_for("nurse"), "admission", {**admission_values, "allergy_status": "nka", "allergies": []})
    sent = json.loads((export(clerk, tmp_path / "export").folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (nka,) = [e["resource"] for e in sent["entry"] if e["resource"]["resourceType"] == "AllergyIntolerance"]
    snapshot = _with_allergies([nka])
    del snapshot["entry"][0]["resource"]["identifier"][1]  # the INS: another patient than the one exported
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(snapshot), encoding="utf-8")
    import_path(clerk, path)
    (loaded,) = [r for r in list_current(clerk.db, "admission") if r.data.get("ipp") == "900555"]
    assert (loaded.data["allergy_status"], loaded.data.get("allergies")) == ("nka", None)


def test_an_exported_encounter_s_ward_and_bed_load_back(session_for, admission_values, clerk, tmp_path):
    """The export wrote each place as one location, "ward 3B bed 12", which this reader, taking
    the ward and the bed from locations typed `wa` and `bd`, could not load (nor could an EHR):
    each is now a location of its own, typed, and the current ones are where the patient is."""
    from downtime.sync.snapshot_fhir import read_fhir_snapshot

    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", admission_values)
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T11:00+01:00", "to_ward": "ICU", "to_bed": "4",
                                         "reason": "Needs monitoring"}, patient_id=admitted.patient_id)
    sent = json.loads((export(clerk, tmp_path / "export").folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": entry["fullUrl"], "resource": entry["resource"]} for entry in sent["entry"]
        if entry["resource"]["resourceType"] in ("Patient", "Encounter")]}), encoding="utf-8")
    (patient,) = [item for item in read_fhir_snapshot(path) if item.kind == "patient"]
    assert (patient.values["ward"], patient.values["bed"]) == ("ICU", "4")
    assert (patient.values["birth_name"], patient.values["reason"]) == ("Lefèvre", admission_values["reason"])


@pytest.mark.parametrize("document", ["passport", "residence_permit"])
def test_an_exported_identity_s_reliability_and_birthplace_load_back(session_for, admission_values, clerk, tmp_path,
                                                                       document):
    """The export says the identity was validated against a passport and where the patient was
    born, as FR Core does; the snapshot reader made every identity provisional and dropped the
    birthplace, which identity vigilance matches on."""
    records.save_new(session_for("nurse"), "admission", {**admission_values, "identity_document": document,
                                                          "birthplace_code": "99134"})
    sent = json.loads((export(clerk, tmp_path / "export").folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    path = _written(tmp_path, {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": entry["fullUrl"], "resource": entry["resource"]} for entry in sent["entry"]
        if entry["resource"]["resourceType"] in ("Patient", "Encounter")]})
    (patient,) = [item for item in read_fhir_snapshot(path) if item.kind == "patient"]
    assert {name: patient.values.get(name) for name in ("identity_status", "identity_document", "birthplace_code")} == {
        "identity_status": "validated", "identity_document": document, "birthplace_code": "99134"}


_FR_CORE = "https://hl7.fr/ig/fhir/core"


def _reliable(status, mode=None):
    parts = [{"url": "identityStatus", "valueCoding": {"system": f"{_FR_CORE}/CodeSystem/fr-core-cs-v2-0445",
                                                       "code": status}}]
    if mode:
        parts.append({"url": "validationMode", "valueCoding": {
            "system": f"{_FR_CORE}/CodeSystem/fr-core-cs-mode-validation-identity", "code": mode}})
    return {"url": f"{_FR_CORE}/StructureDefinition/fr-core-identity-reliability", "extension": parts}


def _born_in(address):
    return {"url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace", "valueAddress": address}


@pytest.mark.parametrize("extensions, expected", [
    ([_reliable("VALI", "CN"), _born_in({"district": "2A004"})],
     {"identity_status": "validated", "identity_document": "national_id_card", "birthplace_code": "2A004"}),
    ([_reliable("PROV"), _born_in({"extension": [{"url": f"{_FR_CORE}/StructureDefinition/fr-core-address-insee-code",
                                                  "valueCoding": {"system": "https://mos.esante.gouv.fr/NOS/TRE_R13-"
                                                                            "CommuneOM/FHIR/TRE-R13-CommuneOM",
                                                                  "code": "75056"}}], "city": "Paris"})],
     {"identity_status": "provisional", "identity_document": None, "birthplace_code": "75056"}),
    ([_reliable("DOUTE")], {"identity_status": "provisional", "identity_document": None, "birthplace_code": None}),
], ids=["validated, birthplace as district (FR Core 2.0)", "provisional, coded birthplace", "doubtful"])
def test_a_fhir_snapshots_identity_reliability_and_birthplace_are_loaded(clerk, tmp_path, extensions, expected):
    bundle = _bundle()
    bundle["entry"][0]["resource"]["extension"] = extensions
    import_path(clerk, _written(tmp_path, bundle))
    (admission,) = list_current(clerk.db, "admission")
    assert {name: admission.data.get(name) for name in expected} == expected


@pytest.mark.parametrize("extensions, expected", [
    ([_reliable("VALI", "PC")], "the identity is validated (VALI) but its validationMode 'PC' is none of CN, PA, CS"),
    ([_reliable("VALI")], "the identity is validated (VALI) but its validationMode None is none of CN, PA, CS"),
    ([_born_in({"district": "Paris"})], "Birthplace code (INSEE): five digits"),
], ids=["unknown document", "no document", "birthplace not a code"])
def test_a_fhir_snapshots_identity_it_cannot_take_is_refused_by_entry(clerk, tmp_path, extensions, expected):
    bundle = _bundle()
    bundle["entry"][0]["resource"]["extension"] = extensions
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, _written(tmp_path, bundle))
    assert str(refused.value).startswith("bundle entry 1 (Patient 1111"), str(refused.value)
    assert expected in str(refused.value)
    assert _counts(clerk.db) == before


_SNOMED = "http://snomed.info/sct"
_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"


def _allergy_resource(code: dict, verification: str | None, clinical: str | None) -> dict:
    resource: dict = {"code": code}
    if verification:
        resource["verificationStatus"] = {"coding": [{"system": _VERIFICATION, "code": verification}]}
    if clinical:
        resource["clinicalStatus"] = {"coding": [{"system": _CLINICAL, "code": clinical}]}
    return resource


_NO_KNOWN = {"coding": [{"system": _SNOMED, "code": "716186003", "display": "No known allergy"}]}
_NO_KNOWN_DRUG = {"coding": [{"system": _SNOMED, "code": "409137002", "display": "No known drug allergy"}]}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(allergies=st.lists(st.tuples(
    st.sampled_from([{"text": "Latex"}, {"text": "Codeine"}, _NO_KNOWN, _NO_KNOWN_DRUG]),
    st.sampled_from([None, "confirmed", "unconfirmed", "refuted", "entered-in-error"]),
    st.sampled_from([None, "active", "inactive"])), max_size=4))
def test_a_fhir_snapshots_allergy_status_is_what_its_standing_allergies_say(tmp_path_factory, allergies):
    """An allergy the EHR withdrew or refuted is none; "No known allergy" standing (neither
    unconfirmed nor inactive) is "No known allergies" unless an allergy stands beside it; "No
    known drug allergy" rules out drugs only, so it leaves the allergies not known; and nothing
    at all is "not known yet", never "none"."""
    from downtime.sync.snapshot_fhir import read_fhir_snapshot

    path = tmp_path_factory.mktemp("allergies") / "snapshot.json"
    path.write_text(json.dumps(_with_allergies([_allergy_resource(*allergy) for allergy in allergies])), "utf-8")
    (patient,) = [item for item in read_fhir_snapshot(path) if item.kind == "patient"]
    standing = [code["text"] for code, verification, _ in allergies
                if "text" in code and verification not in ("refuted", "entered-in-error")]
    none_known = any(code is _NO_KNOWN and verification in (None, "confirmed") and clinical in (None, "active")
                     for code, verification, clinical in allergies)
    expected = "allergies" if standing else "nka" if none_known else "unknown"
    assert patient.values["allergy_status"] == expected
    assert [row["substance"] for row in patient.values.get("allergies", [])] == standing


def _saline(snapshot: Path, form: str) -> None:
    """The CSV snapshot's orders with an IV fluid at 125 mL/h, its Form as given (the EHR's
    extract has no such column: left empty)."""
    _edit(snapshot / "medication_orders.csv", ",route,", ",route,form,rate_ml_h,")
    _edit(snapshot / "medication_orders.csv", ",g,PO,", ",g,PO,,,")
    _edit(snapshot / "medication_orders.csv", ",mg,SC,", ",mg,SC,,,")
    with (snapshot / "medication_orders.csv").open("a", encoding="utf-8") as orders:
        orders.write(f"RX-3,P001,Sodium chloride 0.9%,1000,mL,IV,{form},125,scheduled,08:00,,,,"
                     "2026-11-25T10:00+01:00,no,no,Dr Benali,RX-3\n")


def test_a_csv_snapshots_infusion_keeps_its_rate(clerk, snapshot):
    """A line giving the rate with the Form left empty (the EHR's extract has no Form) loaded
    "Sodium chloride 0.9% 1000 mL IV" with no rate: the rate applies to an infusion alone, and
    was dropped without a word. It reads as an infusion, as a FHIR snapshot's rate does."""
    _saline(snapshot, "")
    import_path(clerk, snapshot)
    (saline,) = [order for order in list_current(clerk.db, "medication_order")
                 if order.data["drug"] == "Sodium chloride 0.9%"]
    assert (saline.data["form"], saline.data["rate_ml_h"]) == ("infusion", 125)


def test_a_csv_snapshots_rate_for_a_form_other_than_an_infusion_is_refused_by_line(clerk, snapshot):
    """Given for a tablet, the rate was dropped without a word: one of the two is a slip."""
    _saline(snapshot, "tablet")
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, snapshot)
    assert str(refused.value) == ("medication_orders.csv, line 4, column rate_ml_h: '125': an infusion rate needs "
                                  "the form 'infusion', not 'tablet'")
    assert _counts(clerk.db) == before


@pytest.mark.parametrize("damage, expected", [
    (lambda b: b["entry"][1]["resource"].pop("reasonCode"), "bundle entry 2 (Encounter 2222"),
    (lambda b: b["entry"][0]["resource"].update(gender="femme"), "bundle entry 1 (Patient 1111"),
    (lambda b: b["entry"][3]["resource"].update(authoredOn="26/11/2026"), "snapshot.json, entry 4: resource.authoredOn"),
    (lambda b: b["entry"][3]["resource"]["dosageInstruction"][0].update(route={"text": "by mouth"}),
     "bundle entry 4 (MedicationRequest 4444"),
    (lambda b: b["entry"][7]["resource"].update(slot=[{"reference": "Slot/none"}]),
     "bundle entry 8 (Appointment 7777"),
    # A stay's answer named the Patient's entry alone, where the Encounter holds it.
    (lambda b: b["entry"][1]["resource"]["reasonCode"][0].update(text="x" * 5000),
     "bundle entry 1 (Patient 11111111-1111-4111-8111-111111111111), entry 2 (Encounter "
     "22222222-2222-4222-8222-222222222222): "),
    # A second stay left open in the EHR: the last one read was loaded, the other dropped unsaid.
    (lambda b: b["entry"].append({"fullUrl": "urn:uuid:88888888-8888-4888-8888-888888888888", "resource": {
        **b["entry"][1]["resource"], "id": "88888888-8888-4888-8888-888888888888",
        "location": [{"location": {"display": "3B"}, "physicalType": {"coding": [{"code": "wa"}]}},
                     {"location": {"display": "9"}, "physicalType": {"coding": [{"code": "bd"}]}}]}}),
     "bundle entry 9 (Encounter 8888"),
])
def test_a_bad_fhir_entry_is_named_and_nothing_written(clerk, tmp_path, damage, expected):
    bundle = _bundle()
    damage(bundle)
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, path)
    assert str(refused.value).startswith(expected), str(refused.value)
    assert _counts(clerk.db) == before


# The French the catalogue is to give a bundle's refusals (see the `french` fixture).
BUNDLE_FRENCH = {
    "entry {number} ({resource})": "entrée {number} ({resource})",
    "bundle {where}": "bundle {where}",
    "bundle {where}: {problem}": "bundle {where} : {problem}",
    "{what} is missing": "{what} est absent",
    "Encounter.location with physicalType 'wa' (the ward)": "Encounter.location avec physicalType 'wa' (le service)",
    "{what} needs a time of day, not only a date": "{what} doit donner une heure, pas seulement une date",
    "no participant is the surgeon (a Practitioner with participant.type PPRF, primary performer)":
        "aucun participant n’est le chirurgien (un Practitioner avec participant.type PPRF, primary performer)",
    "{where}: {kind} {key!r} was loaded before with other content ({changes}); correct it in the app (a snapshot "
    "never changes a record already loaded)": "{where} : {kind} {key!r} a déjà été chargé avec un autre contenu "
                                               "({changes}) ; corrigez-le dans l’application",
}
PATIENT_ENTRY = "entry 1 (Patient 11111111-1111-4111-8111-111111111111)"
ENCOUNTER_ENTRY = "entry 2 (Encounter 22222222-2222-4222-8222-222222222222)"


@pytest.mark.parametrize("damage, english, translated", [
    (lambda b: b["entry"][0]["resource"]["name"][0].pop("family"),
     f"bundle {PATIENT_ENTRY}: Patient.name.family is missing",
     f"bundle {PATIENT_ENTRY.replace('entry', 'entrée')} : Patient.name.family est absent"),
    (lambda b: b["entry"][1]["resource"]["location"].pop(0),
     f"bundle {ENCOUNTER_ENTRY}: Encounter.location with physicalType 'wa' (the ward) is missing",
     f"bundle {ENCOUNTER_ENTRY.replace('entry', 'entrée')} : Encounter.location avec physicalType 'wa' (le service) "
     "est absent"),
    (lambda b: b["entry"][3]["resource"].update(authoredOn="2026-11-26"),
     "bundle entry 4 (MedicationRequest 44444444-4444-4444-8444-444444444444): MedicationRequest.authoredOn needs a "
     "time of day, not only a date",
     "bundle entrée 4 (MedicationRequest 44444444-4444-4444-8444-444444444444) : MedicationRequest.authoredOn doit "
     "donner une heure, pas seulement une date"),
    (lambda b: b["entry"][7]["resource"].update(participant=[{**p, "status": "accepted"} for p in (PATIENT, ROOM)]),
     "bundle entry 8 (Appointment 77777777-7777-4777-8777-777777777777): no participant is the surgeon (a "
     "Practitioner with participant.type PPRF, primary performer)",
     "bundle entrée 8 (Appointment 77777777-7777-4777-8777-777777777777) : aucun participant n’est le chirurgien (un "
     "Practitioner avec participant.type PPRF, primary performer)"),
], ids=["patient's name", "stay's ward", "order's time", "booking's surgeon"])
def test_a_bad_fhir_entry_is_refused_in_the_readers_language(clerk, tmp_path, french, damage, english, translated):
    """"bundle entry 2 (Encounter …): Encounter.location with physicalType 'wa' (the ward) is
    missing" on a French laptop: a CSV snapshot's refusals were said in French, a bundle's
    stayed English, the entry's words and the problem's."""
    for source, said in BUNDLE_FRENCH.items():
        french(source, said)
    bundle = _bundle()
    damage(bundle)
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, _written(tmp_path, bundle))
    assert (refused.value.text("en"), refused.value.text("fr")) == (english, translated)


def test_an_entry_loaded_before_with_other_content_is_named_in_the_readers_language(clerk, tmp_path, french):
    for source, said in BUNDLE_FRENCH.items():
        french(source, said)
    bundle = _bundle()
    import_path(clerk, _written(tmp_path, bundle))
    bundle["entry"][1]["resource"]["location"][1]["location"]["display"] = "8"
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, _written(tmp_path, bundle))
    said = refused.value.text("fr")
    assert said.startswith(f"bundle {PATIENT_ENTRY.replace('entry', 'entrée')}, "
                           f"{ENCOUNTER_ENTRY.replace('entry', 'entrée')} : "), said
    assert "entry" not in said, said


def _written(tmp_path: Path, bundle: dict) -> Path:
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    return path


PATIENT = {"actor": {"reference": "urn:uuid:11111111-1111-4111-8111-111111111111", "display": "ROUX Élise"}}
ROOM = {"actor": {"reference": "Location/or-1", "display": "Bloc B salle 3"}}
PPRF = [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "PPRF"}]}]


@pytest.mark.parametrize("participants", [
    [PATIENT, ROOM, {"actor": {"display": "Dr Martin"}}],
    [ROOM, PATIENT, {"actor": {"reference": "Practitioner/p-12", "display": "Dr Martin"}}],
    [PATIENT, {"actor": {"display": "Dr Roy"}}, {"type": PPRF, "actor": {"display": "Dr Martin"}}],
    [PATIENT, {"type": [{"text": "anaesthetist"}], "actor": {"display": "Dr Roy"}},
     {"type": [{"text": "surgeon"}], "actor": {"display": "Dr Martin"}},
     {"type": [{"text": "operating theatre"}], "actor": {"display": "Theatre 1"}}],
], ids=["room before", "patient by urn:uuid", "typed among untyped", "as the app exports it"])
def test_the_surgeon_is_the_participant_typed_so_never_a_room_or_the_patient(clerk, tmp_path, participants):
    bundle = _bundle()
    bundle["entry"][7]["resource"]["participant"] = [{**p, "status": "accepted"} for p in participants]
    import_path(clerk, _written(tmp_path, bundle))
    (booking,) = list_current(clerk.db, "operation_booking")
    assert booking.data["surgeon"] == "Dr Martin"


@pytest.mark.parametrize("participants, expected", [
    ([PATIENT, ROOM], "no participant is the surgeon"),
    ([PATIENT, {"actor": {"display": "Dr Roy"}}, {"actor": {"display": "Dr Martin"}}],
     "2 participants could be the surgeon"),
])
def test_a_booking_without_one_surgeon_is_refused_by_entry(clerk, tmp_path, participants, expected):
    bundle = _bundle()
    bundle["entry"][7]["resource"]["participant"] = [{**p, "status": "accepted"} for p in participants]
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, _written(tmp_path, bundle))
    assert str(refused.value).startswith(
        f"bundle entry 8 (Appointment 77777777-7777-4777-8777-777777777777): {expected}"), str(refused.value)
    assert _counts(clerk.db) == before


def test_the_same_snapshot_reloads_unchanged_after_the_ward_amended_its_records(clerk, session_for, tmp_path):
    path = _written(tmp_path, _bundle())
    import_path(clerk, path)
    (admission,) = list_current(clerk.db, "admission")
    records.amend(session_for("nurse"), admission.record_id, {**admission.data, "identity_status": "validated",
                                                              "identity_document": "national_id_card"}, "ID card seen")
    again = import_path(clerk, path)
    assert again.added == {} and sum(again.unchanged.values()) == 4
    assert list_current(clerk.db, "admission")[0].data["identity_status"] == "validated"


def test_a_line_changed_since_it_was_loaded_is_refused_by_name(clerk, tmp_path):
    bundle = _bundle()
    import_path(clerk, _written(tmp_path, bundle))
    bundle["entry"][3]["resource"]["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"]["value"] = 80
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused, match=r"^bundle entry 4 \(MedicationRequest 4444.*\): order '4444.*' was "
                                            r"loaded before with other content \(Dose: 40 → 80\); correct it in the "
                                            r"app"):
        import_path(clerk, _written(tmp_path, bundle))
    assert _counts(clerk.db) == before


def test_laptops_that_loaded_the_same_snapshot_merge_and_import_at_the_records_office(tmp_path, laptop):
    path = _written(tmp_path, _bundle())
    clerks = [laptop(tmp_path / f"{number}.sqlite", number)[1] for number in (1, 2)]
    folders = []
    for number, clerk in enumerate(clerks, start=1):
        import_path(clerk, path)
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    merged = merge(folders, tmp_path / "merged")
    assert {(d.why, tuple(n[:6] for n in d.downtime_numbers)) for d in merged.duplicates} == {
        ("the same NIR", ("DT-001", "DT-002")), ("the same IPP", ("DT-001", "DT-002")),
        ("the same family name (birth or used), first name and date of birth", ("DT-001", "DT-002"))}
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in folders:
        assert import_export(office, folder).added == {"patients": 1, "records": 4}
    assert [a.data["ipp"] for a in list_current(office.db, "admission")] == ["900555", "900555"]
    assert import_path(clerks[0], path).added == {}


def test_a_cut_short_bundle_is_refused(clerk, tmp_path):
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(_bundle())[:-30], encoding="utf-8")
    with pytest.raises(ImportRefused, match="snapshot.json: not JSON, or cut short"):
        import_path(clerk, path)


def test_import_command_reports_what_it_loaded(ward_db, db_path, snapshot, capsys):
    from downtime.cli import main

    who = ["--db", str(db_path), "--user", "records", "--pin", "4444"]
    assert main(["import", str(snapshot), *who]) == 0
    assert ("(a snapshot): 1 theatre booking(s), 2 medication order(s), 2 patient(s), 1 theatre session(s); 0 already here"
            in capsys.readouterr().out)
    assert main(["import", str(snapshot / "patients.csv"), *who]) != 0
    assert "not an export folder, a CSV snapshot folder or a FHIR Bundle" in capsys.readouterr().err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_fhir_bundle_is_loaded_or_refused_never_half_written(clerk, tmp_path_factory, data):
    original = json.dumps(_bundle()).encode("utf-8")
    position = data.draw(st.integers(0, len(original) - 1))
    replacement = data.draw(st.binary(min_size=0, max_size=4))
    path = tmp_path_factory.mktemp("fuzz") / "snapshot.json"
    path.write_bytes(original[:position] + replacement + original[position + 1:])
    before = _counts(clerk.db)
    try:
        import_path(clerk, path)
    except ImportRefused as refused:
        assert str(refused).strip()
        assert _counts(clerk.db) == before


def test_doses_due_before_the_snapshot_was_loaded_are_the_ehrs_not_overdue(clerk, snapshot, session_for, clock,
                                                                         tmp_path):
    """Loaded at 11:00, the paracetamol ordered in the EHR three days before read OVERDUE at
    every time of those days, and this morning's 08:00, given in the EHR before it went down,
    headed the round: a second dose offered at the outage's start. Those times are the EHR's
    chart's; a dose recorded here for one of them (from paper) still shows, and the times after
    the loading are due as any other."""
    from datetime import datetime, timedelta

    from downtime.domain.medication import DoseState, Outcome
    from downtime.services import printing
    from pypdf import PdfReader

    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    import_path(clerk, snapshot)
    nurse = session_for("nurse")
    assert [item.order.drug for item in medication.round_list(nurse.db, nurse.forms, "3B", clock())] == []
    helene = next(row.patient for row in census.census(nurse.db, nurse.forms, "3B") if row.patient and row.bed == "12")
    paracetamol = next(o for o in medication.orders(nurse.db, helene.patient_id, clock()) if o.drug == "Paracetamol")
    medication.record_dose(nurse, paracetamol.record_id, {
        "outcome": Outcome.GIVEN.value, "given_at": "2026-11-27T20:10+01:00", "scheduled_for": "2026-11-27T20:00+01:00",
        "dose_given": 1.0, "route": "PO"})

    (row,) = [row for row in medication.mar_grid(nurse.db, helene.patient_id, clock().date() - timedelta(days=2), 3,
                                                  clock()) if row.order.drug == "Paracetamol"]
    states = {f"{cell.slot:%d %H:%M}": cell.state for cell in row.cells}
    assert states == {"26 08:00": DoseState.IN_EHR, "26 14:00": DoseState.IN_EHR, "26 20:00": DoseState.IN_EHR,
                      "27 08:00": DoseState.IN_EHR, "27 14:00": DoseState.IN_EHR, "27 20:00": DoseState.GIVEN,
                      "28 08:00": DoseState.IN_EHR, "28 14:00": DoseState.UPCOMING, "28 20:00": DoseState.UPCOMING}
    printed = printing.print_mar(nurse, [helene.patient_id], tmp_path / "mar.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(printed).pages)
    assert "in the EHR (before downtime)" in text and "OVERDUE" not in text

    clock.now = datetime.fromisoformat("2026-11-28T20:45+01:00")
    # The laptop last used at 14:00 (its wards set up then, before its clock was set back to
    # 11:00): the 20:00 dose may be on paper (see paper_gap), the 14:00 one is overdue.
    assert [(f"{item.slot:%H:%M}", item.state) for item in medication.round_list(nurse.db, nurse.forms, "3B", clock())
            if item.order.record_id == paracetamol.record_id] == [("20:00", DoseState.CHECK_PAPER),
                                                                   ("14:00", DoseState.OVERDUE)]


def test_an_ehr_time_in_the_hour_the_clocks_repeat_is_loaded_not_refused(clerk, snapshot):
    """An EHR's CSV writes local times without their offset: a patient who arrived at 02:30 the
    night the clocks went back made the whole snapshot refused ("type it with its offset"), at the
    start of an outage, for a choice nobody at the laptop could make. It is read as it always was,
    the first time round, as a snapshot's other times are taken as the EHR wrote them."""
    _edit(snapshot / "stays.csv", "2026-11-26 14:00", "2026-10-25 02:30")
    import_path(clerk, snapshot)
    (minh,) = [row.patient for row in census.census(clerk.db, clerk.forms, "3B")
               if row.patient and row.patient.display_name == "NGUYEN Van Minh"]
    assert minh.admitted_at == "2026-10-25T02:30:00+02:00"


@pytest.mark.parametrize("written", ["26/11/2026 13:00 +00:00", "2026-11-26 13:00 +00:00"])
def test_an_ehr_time_written_with_its_utc_offset_is_loaded_as_that_instant(clerk, snapshot, written):
    """An EHR writing its times at UTC with their offset: the check on an offset typed on the ward
    (one the ward's clock did not have then) refused the whole snapshot at the start of an outage."""
    _edit(snapshot / "stays.csv", "2026-11-26 14:00", written)
    import_path(clerk, snapshot)
    (minh,) = [row.patient for row in census.census(clerk.db, clerk.forms, "3B")
               if row.patient and row.patient.display_name == "NGUYEN Van Minh"]
    assert minh.admitted_at == "2026-11-26T14:00:00+01:00"


@pytest.mark.parametrize("lang, words", [("en", "in the EHR (before downtime)"),
                                         ("fr", "dans le DPI (avant la procédure dégradée)")])
def test_the_ehrs_doses_are_said_in_whole_words_on_a_fortnights_chart(clerk, snapshot, session_for, clock, tmp_path,
                                                                       lang, words):
    """Fourteen narrow day columns broke "downtime)" and "dégradée)" inside their cells."""
    from datetime import date, datetime

    from downtime.domain.medication import DoseState

    from downtime.services import printing
    from pypdf import PdfReader

    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    import_path(clerk, snapshot)
    nurse = session_for("nurse", lang)
    helene = next(row.patient for row in census.census(nurse.db, nurse.forms, "3B") if row.patient and row.bed == "12")
    printed = printing.print_mar(nurse, [helene.patient_id], tmp_path / "mar.pdf", days=14)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(printed).pages)
    rows = medication.mar_grid(nurse.db, helene.patient_id, date(2026, 11, 15), 14, clock())
    assert text.count(words) == sum(cell.state is DoseState.IN_EHR for row in rows for cell in row.cells) > 0


def _another_patient(snapshot: Path, key: str, identity: str, bed: str) -> None:
    """A patients.csv line (`identity`: its columns after the key) and its stays.csv line."""
    with (snapshot / "patients.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{key},{identity}\n")
    with (snapshot / "stays.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{key},2026-11-26 15:00,direct,Pneumonia,3B,{bed},Dr Vasseur,nka,not_discussed,\n")


def test_one_person_under_two_keys_is_refused_naming_both_lines(clerk, snapshot):
    """The EHR's extract held Mrs Lefèvre twice (same IPP, no NIR on the second): she was
    loaded as two patients in two beds, with two downtime numbers, wristbands and medication
    charts, and nothing said so until the records office's merge after the outage."""
    _another_patient(snapshot, "P003", "Lefèvre,,Hélène,female,12/03/1948,,provisional,800123", "7")
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused, match=r"^patients.csv, line 4 \(stays.csv, line 4\): the same IPP \(800123\) as "
                                            r"patients.csv, line 2 \(stays.csv, line 2\): one person loaded twice"):
        import_path(clerk, snapshot)
    assert _counts(clerk.db) == before


def test_a_patient_the_ward_admitted_before_the_snapshot_is_not_loaded_again(clerk, session_for, snapshot,
                                                                          admission_values):
    """The ward admitted Mrs Lefèvre by hand at the outage's start; IT then loaded the EHR's
    extract, which holds her too: she had two numbers on the census."""
    typed = records.save_new(session_for("nurse"), "admission", {**admission_values, "bed": "1"})
    number = next(row[0] for row in clerk.db.execute(
        "SELECT downtime_number FROM patients WHERE patient_id = ?", [typed.patient_id]))
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused, match=rf"^patients.csv, line 2 \(stays.csv, line 2\): MARTIN Hélène Marie \(née LEFÈVRE\), born 12/03/1954, "
                                            rf"{number}, in 3B / 1, is in hospital with the same NIR"):
        import_path(clerk, snapshot)
    assert _counts(clerk.db) == before


def test_twins_of_one_name_and_birthday_are_loaded_as_two_patients(clerk, snapshot):
    """Only a number the hospital gives one person (NIR, IPP) refuses a line: twins Jean-Pierre
    and Jean-Luc, born the same day, are two patients, said for the ward to check."""
    _another_patient(snapshot, "P003", "Martin,,Jean-Pierre,male,02/05/2026,,provisional,800200", "7")
    _another_patient(snapshot, "P004", "Martin,,Jean-Luc,male,02/05/2026,,provisional,800201", "8")
    (snapshot / "snapshot.csv").write_text("taken_at\n2026-11-28T06:00+01:00\n", encoding="utf-8")
    result = import_path(clerk, snapshot)
    assert result.added["patient"] == 4
    (said,) = result.to_check
    assert said.text("en").startswith("patients.csv, line 5 (stays.csv, line 5): probably the same person as MARTIN "
                                      "Jean-Pierre, born 02/05/2026, DT-042-00003-")


def test_a_patient_the_ward_admitted_without_numbers_is_loaded_and_said_to_check(session_for, ward_db, db_path,
                                                                                snapshot, admission_values, capsys):
    """Admitted by hand at 03:00 without her NIR or IPP, then loaded from the EHR's extract by
    name and birthday alone: loaded (twins share those), but said, where nothing was."""
    from downtime.cli import main

    hand = {**admission_values, "nir": None, "identity_status": "provisional", "identity_document": None,
            "birth_date": "1948-03-12", "bed": "1"}
    records.save_new(session_for("nurse"), "admission", hand)
    assert main(["import", str(snapshot), "--db", str(db_path), "--user", "records", "--pin", "4444"]) == 0
    out = capsys.readouterr().out
    assert "2 patient(s)" in out
    assert ("patients.csv, line 2 (stays.csv, line 2): probably the same person as MARTIN Hélène Marie (née LEFÈVRE), "
            "born 12/03/1948, DT-042-00001-8, in 3B / 1, already in hospital (the same family name (birth or used), first name and "
            "date of birth)") in out


def test_the_same_snapshot_reloads_unchanged_once_the_wards_are_set_up(clerk, session_for, snapshot):
    """IT loaded the EHR's extract first (its wards in lower case, "3b"), then set up ward 3B:
    loading the same file again, or a later one, was refused as "loaded before with other
    content", the ward's spelling of its own code being all that differed."""
    from downtime.services import wards

    _edit(snapshot / "stays.csv", ",3B,12,", ",3b,12,")
    first = import_path(clerk, snapshot)
    wards.add_ward(session_for("admin"), "3B", "Medicine", wards.parse_beds("1-20"))
    again = import_path(clerk, snapshot)
    assert again.added == {} and again.unchanged == first.added


def _birth_date(snapshot: Path, cell: str) -> None:
    path = snapshot / "patients.csv"
    with path.open(encoding="utf-8", newline="") as text:
        rows = list(csv.reader(text))
    rows[1][rows[0].index("birth_date")] = cell
    with path.open("w", encoding="utf-8", newline="") as text:
        csv.writer(text).writerows(rows)


def test_a_date_that_does_not_exist_is_said_so_in_the_readers_language(clerk, snapshot):
    """31/02/1948 was refused as "write the date as DD/MM/YYYY", which it was, in English on a
    French laptop."""
    _birth_date(snapshot, "31/02/1948")
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, snapshot)
    assert refused.value.text("en") == ("patients.csv, line 2, column birth_date: '31/02/1948': “birth_date” is not a "
                                        "date: there is no 31 February 1948.")
    assert refused.value.text("fr").endswith("'31/02/1948' : « birth_date » n’est pas une date : il n’y a pas de "
                                             "31 février 1948.")


def test_a_bed_taken_is_refused_in_the_readers_language(clerk, session_for, snapshot, admission_values):
    """"patients.csv, line 2 (stays.csv, line 2) : Bed 12 of ward 3B is taken by…" on a French
    laptop: the ward's refusal stayed English inside the French line."""
    records.save_new(session_for("nurse"), "admission", {**admission_values, "nir": None, "used_name": None,
                                                         "birth_name": "Durand", "given_names": "Paul",
                                                         "sex": "male"})
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, snapshot)
    english, french = refused.value.text("en"), refused.value.text("fr")
    assert english.startswith("patients.csv, line 2 (stays.csv, line 2): Bed 12 of ward 3B: DURAND Paul")
    assert "Bed 12" not in french and "Lit 12 du service 3B" in french


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
       | st.from_regex(r"\A[0-9]{1,3}[/.-][0-9]{1,3}[/.-][0-9]{1,5}\Z"))
def test_any_malformed_date_cell_is_refused_by_file_line_and_column(forms, tmp_path_factory, cell):
    snapshot = Path(shutil.copytree(SNAPSHOT, tmp_path_factory.mktemp("snapshot") / "snapshot"))
    _birth_date(snapshot, cell)
    try:
        parse_date(cell)
    except ParseError:
        malformed = bool(cell.strip())
    else:
        malformed = False
    if not malformed:
        return
    with pytest.raises(ImportRefused) as refused:
        read_csv_snapshot(snapshot, forms)
    for lang, line, column in (("en", "line 2", "column birth_date"), ("fr", "ligne 2", "colonne birth_date")):
        said = refused.value.text(lang)
        assert said.startswith(f"patients.csv, {line}, {column}"), said


def test_an_ehr_order_is_time_critical_only_with_its_extension(clerk, tmp_path):
    bundle = _bundle()
    order = next(entry["resource"] for entry in bundle["entry"]
                 if entry["resource"]["resourceType"] == "MedicationRequest")
    order["extension"] = [{"url": "urn:downtime:time-critical-medicine", "valueBoolean": True}]
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    import_path(clerk, path)
    (admission,) = list_current(clerk.db, "admission")
    (loaded,) = medication.orders(clerk.db, str(admission.patient_id), clerk.clock())
    assert loaded.time_critical and not loaded.high_alert


def _loaded_allergies(clerk, tmp_path, allergies: list[dict]):
    """The admission's allergies once the bundle with these AllergyIntolerances is loaded, and
    what the import's result says to check."""
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(_with_allergies(allergies)), encoding="utf-8")
    result = import_path(clerk, path)
    (admission,) = list_current(clerk.db, "admission")
    return admission.data, _said_but_its_time(result)


def _said_but_its_time(result) -> list[str]:
    """What the import's result says, but that the bundle gives no time (tests/test_snapshot_bundle_time.py)."""
    return [said.text("en") for said in result.to_check if said.template != NO_TIME]


def test_a_fhir_snapshots_allergy_keeps_every_reaction_and_its_worst_severity(clerk, tmp_path):
    """A penicillin rash (1998) then an anaphylaxis (2021) loaded as "Rash, mild", a ramipril
    cough and angioedema as a cough, and the EHR's criticality high dropped."""
    data, said = _loaded_allergies(clerk, tmp_path, [
        {"code": {"text": "Penicillin"}, "reaction": [{"manifestation": [{"text": "Rash"}], "severity": "mild"},
                                                      {"manifestation": [{"text": "Anaphylaxis"}], "severity": "severe"}]},
        {"code": {"text": "Ramipril"}, "reaction": [{"manifestation": [{"text": "Cough"}, {"text": "Angioedema"}],
                                                     "severity": "moderate"},
                                                    {"manifestation": [{"text": "Cough"}]}]},
        {"code": {"text": "Codeine"}, "criticality": "high", "reaction": [{"manifestation": [{"text": "Collapse"}]}]},
        {"code": {"text": "Latex"}, "criticality": "low"}])
    assert data["allergies"] == [
        {"substance": "Penicillin", "reaction": "Rash; Anaphylaxis", "severity": "severe"},
        {"substance": "Ramipril", "reaction": "Cough; Angioedema", "severity": "moderate"},
        {"substance": "Codeine", "reaction": "Collapse", "severity": "severe"},
        {"substance": "Latex"}]
    assert said == []


def test_a_fhir_snapshots_long_reaction_is_cut_and_said_not_refused(clerk, tmp_path):
    """One patient's reaction longer than the admission keeps refused the whole ward's snapshot,
    which the EHR, down, cannot give again."""
    long = ("Anaphylaxis in theatre 2019 requiring adrenaline x3, ICU admission; tryptase raised; skin-prick positive "
            "to amoxicillin and benzylpenicillin; tolerated cefuroxime 2021 under allergist supervision; avoid all.")
    assert len(long) > 200
    data, said = _loaded_allergies(clerk, tmp_path, [{"code": {"text": "Penicillin"}, "reaction": [
        {"manifestation": [{"text": long}], "severity": "severe"}]}])
    (row,) = data["allergies"]
    assert row["reaction"] == long[:199] + "…" and row["severity"] == "severe"
    assert said == [f"{PATIENT_WHERE}: the allergy “Penicillin”: reaction is longer than the admission keeps (200 "
                    "characters): loaded cut, ending “…”. Read it whole in the EHR's copy."]


def test_a_fhir_snapshots_twenty_first_allergy_keeps_the_most_severe_and_names_the_rest(clerk, tmp_path):
    allergies = [{"code": {"text": f"Substance {n}"}} for n in range(20)] + [
        {"code": {"text": "Penicillin"}, "reaction": [{"manifestation": [{"text": "Anaphylaxis"}]}]}]
    data, said = _loaded_allergies(clerk, tmp_path, allergies)
    assert [row["substance"] for row in data["allergies"]] == [f"Substance {n}" for n in range(19)] + ["Penicillin"]
    assert said == [f"{PATIENT_WHERE}: 21 allergies, more than the admission keeps (20): the most severe loaded, left "
                    "out: Substance 19. Read them in the EHR's copy and tell the ward."]


@pytest.mark.parametrize("words", ["No Known Allergies", "NKDA", "Unknown"])
def test_a_fhir_snapshots_no_allergy_in_words_only_is_no_allergy(clerk, tmp_path, words):
    """Uncoded, "No Known Allergies" loaded as an allergy to a substance so named, printed in red."""
    data, said = _loaded_allergies(clerk, tmp_path, [{"code": {"text": words}}])
    assert (data["allergy_status"], data.get("allergies")) == ("unknown", None)
    assert said == [f"entry 8 (AllergyIntolerance 33333333-3333-4333-8333-333333333330): “{words}” names no allergy "
                    "(no known allergies, or not known yet): not loaded as one. The patient's allergy status is the "
                    "snapshot's own; ask the ward to check it with them."]


PATIENT_WHERE = ("bundle entry 1 (Patient 11111111-1111-4111-8111-111111111111), entry 2 (Encounter "
                 "22222222-2222-4222-8222-222222222222)")


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_a_last_line_ended_as_any_spreadsheet_ends_it_loads(clerk, snapshot, end):
    for path in snapshot.glob("*.csv"):
        path.write_bytes(end.join(path.read_text(encoding="utf-8").splitlines()).encode() + end.encode())
    assert import_path(clerk, snapshot).added["patient"] == 2


def test_a_snapshot_written_with_its_accents_apart_loads_them_composed_and_finds_the_same_person(
        session_for, snapshot, admission_values):
    """The ward typed Mrs Lefèvre without her NIR in bed 1; the EHR's extract writes her accents
    apart (NFD): she was loaded as a second patient without a word, her name stored, printed and
    exported decomposed."""
    import unicodedata

    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(number) for number in range(1, 21)])
    records.save_new(session_for("nurse"), "admission", {**admission_values, "bed": "1", "nir": None,
                                                         "birth_date": "1948-03-12", "used_name": ""})
    patients = snapshot / "patients.csv"
    patients.write_text(unicodedata.normalize("NFD", patients.read_text(encoding="utf-8")), encoding="utf-8")
    clerk = session_for("records")
    said = [found.text("en") for found in import_path(clerk, snapshot).to_check]
    assert any(text.startswith("patients.csv, line 2 (stays.csv, line 2): probably the same person as LEFÈVRE Hélène Marie")
               for text in said), said
    loaded = {record.data["birth_name"]: record.data for record in list_current(clerk.db, form_id="admission")}
    assert loaded["Lefèvre"]["given_names"] == "Hélène Marie"  # composed: the key is the NFC spelling


def test_a_fhir_snapshot_written_with_its_accents_apart_loads_them_composed(clerk, tmp_path):
    import unicodedata

    written = tmp_path / "snapshot.json"
    written.write_text(json.dumps(_bundle()).replace("\\u00c9lise", "E\\u0301lise"), encoding="utf-8")
    assert "E\\u0301lise" in written.read_text(encoding="utf-8")  # as JSON escapes it
    import_path(clerk, written)
    (admission,) = list_current(clerk.db, "admission")
    assert admission.data["given_names"] == "Élise" == unicodedata.normalize("NFC", "E\u0301lise")


def test_a_newer_snapshots_changes_to_a_patient_loaded_before_are_named_in_its_refusal(clerk, snapshot, tmp_path):
    """The 06:00 extract adds an anaphylaxis the EHR recorded at 05:30 to Mr Nguyen, loaded "no
    known allergies" from the 05:00 one: refused as "loaded before with other content", the ward
    could not tell a new severe allergy from a respelt reason, and deleting the line left him
    "No known allergies"."""
    import_path(clerk, snapshot)
    newer = Path(shutil.copytree(snapshot, tmp_path / "newer"))
    _edit(newer / "stays.csv", ",nka,", ",allergies,")
    _edit(newer / "stays.csv", "Community-acquired pneumonia", "Pneumonia")
    with (newer / "allergies.csv").open("a", encoding="utf-8") as handle:
        handle.write("P002,Amoxicillin,Anaphylaxis,severe\n")
    _edit(newer / "allergies.csv", "P001,Penicillin,Rash,moderate", "P001,PENICILLIN,Anaphylaxis,severe")
    _edit(newer / "allergies.csv", "P001,Latex,,", "P001,Iodine,,")
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, newer)
    said = str(refused.value)
    assert said.startswith("patients.csv, line 2 (stays.csv, line 2): patient 'P001' was loaded before with other "
                           "content (Allergies: + Iodine, − Latex, ~ Penicillin (Rash, Moderate) → PENICILLIN "
                           "(Anaphylaxis, Severe)); correct it in the app"), said
    _edit(newer / "allergies.csv", "P001,PENICILLIN,Anaphylaxis,severe", "P001,Penicillin,Rash,moderate")
    _edit(newer / "allergies.csv", "P001,Iodine,,", "P001,Latex,,")
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, newer)
    assert ("patient 'P002' was loaded before with other content (Reason for admission / presenting complaint: "
            "Community-acquired pneumonia → Pneumonia; Allergy status: No known allergies → Allergies listed below; "
            "Allergies: + Amoxicillin (Anaphylaxis, Severe))") in str(refused.value)


def test_a_newer_snapshot_listing_a_patients_allergies_in_another_order_loads_unchanged(clerk, snapshot, tmp_path):
    """Refused as "loaded before with other content (allergies: )": nothing to correct, and the
    whole reload blocked."""
    import_path(clerk, snapshot)
    newer = Path(shutil.copytree(snapshot, tmp_path / "newer"))
    _edit(newer / "allergies.csv", "P001,Penicillin,Rash,moderate\nP001,Latex,,", "P001,Latex,,\nP001,Penicillin,Rash,moderate")
    assert import_path(clerk, newer).added == {}


def test_two_allergy_lines_of_one_substance_are_each_named_in_a_refusal(clerk, snapshot, tmp_path):
    """Keyed by their substance, one line hid the other: the change named was none."""
    _edit(snapshot / "allergies.csv", "P001,Latex,,", "P001,Penicillin,Urticaria,mild")
    import_path(clerk, snapshot)
    newer = Path(shutil.copytree(snapshot, tmp_path / "newer"))
    _edit(newer / "allergies.csv", "P001,Penicillin,Urticaria,mild", "P001,Penicillin,Anaphylaxis,severe")
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, newer)
    assert "(Allergies: ~ Penicillin (Urticaria, Mild) → Penicillin (Anaphylaxis, Severe)); correct it" in str(
        refused.value), str(refused.value)


def test_a_refusals_changes_are_named_in_the_readers_language(session_for, snapshot, tmp_path):
    clerk = replace(session_for("records"), lang="fr")
    import_path(clerk, snapshot)
    newer = Path(shutil.copytree(snapshot, tmp_path / "newer"))
    _edit(newer / "stays.csv", ",nka,", ",allergies,")
    with (newer / "allergies.csv").open("a", encoding="utf-8") as handle:
        handle.write("P002,Amoxicillin,Anaphylaxis,severe\n")
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, newer)
    assert ("(Statut allergique : Aucune allergie connue → Allergies ci-dessous ; Allergies : + Amoxicillin "
            "(Anaphylaxis, Sévère))") in str(refused.value), str(refused.value)


@pytest.mark.parametrize(("column", "written", "loaded"), [
    ("route", "sc", "SC"), ("route", "Subcutaneous", "SC"), ("route", "Sous-cutanée", "SC"),
    ("route", "Subcutaneous (SC)", "SC"), ("dose_unit", "MG", "mg")])
def test_a_code_written_in_another_case_or_as_its_label_loads_as_the_code(clerk, snapshot, column, written, loaded):
    """The FHIR reader took a route's label; the CSV reader refused "sc" and "MG" (taking "SC" and
    "mg"), telling IT to "choose one of the listed options" where none was listed."""
    _edit(snapshot / "medication_orders.csv", {"route": ",SC,", "dose_unit": ",5,mg,"}[column],
          {"route": f",{written},", "dose_unit": f",5,{written},"}[column])
    import_path(clerk, snapshot)
    (morphine,) = [order for order in list_current(clerk.db, form_id="medication_order")
                   if order.data["drug"] == "Morphine"]
    assert morphine.data[column] == loaded


def test_a_spreadsheets_empty_columns_after_the_last_named_are_left_aside(clerk, snapshot):
    """Excel saves the empty columns beside a table once one was touched: every line ending ",,"
    refused the file as "unknown column ''"."""
    for path in snapshot.glob("*.csv"):
        _with_empty_columns(path)
    assert import_path(clerk, snapshot).added == {"patient": 2, "order": 2, "session": 1, "booking": 1}


def test_a_snapshot_order_beside_the_same_medicine_typed_on_the_ward_is_said(session_for, snapshot, tmp_path, clock):
    """The 06:00 extract came without its orders; at 07:00 the doctor wrote paracetamol again on the
    laptop; at 09:00 IT loads the whole extract: the EHR's paracetamol stood beside it without a
    word (typed, the prescriber is asked "Already ordered"), and two 1 g doses were due at 14:00."""
    from datetime import datetime

    clock.now = datetime.fromisoformat("2026-11-28T06:30+01:00")
    without_orders = Path(shutil.copytree(snapshot, tmp_path / "without_orders"))
    (without_orders / "medication_orders.csv").unlink()
    import_path(session_for("records"), without_orders)
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    doctor = session_for("doctor")
    (helene,) = [row.patient for row in census.census(doctor.db, doctor.forms, "3B") if row.patient and row.bed == "12"]
    records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T07:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=helene.patient_id)
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    said = [found.text("en") for found in import_path(session_for("records"), snapshot).to_check]
    (already,) = [text for text in said if "Already ordered" in text]
    assert already.startswith("medication_orders.csv, line 2: Already ordered: Paracetamol 1 g"), already
    assert already.endswith("Loaded as another order: ask the prescriber to stop one (the ward may have written it "
                            "again while the EHR was down).")


def _booking_loaded(clerk, tmp_path, bundle: dict):
    result = import_path(clerk, _written(tmp_path, bundle))
    (booking,) = list_current(clerk.db, "operation_booking")
    return booking.data, _said_but_its_time(result)


def test_a_fhir_snapshots_anaesthetist_is_loaded(clerk, tmp_path):
    """The participant typed "anaesthetist", as this app's export writes it, was dropped: every
    booking of the EHR had none, and its anaesthetist could be booked in another theatre at once."""
    bundle = _bundle()
    bundle["entry"][7]["resource"]["participant"] = [
        {**PATIENT, "status": "accepted"},
        {"type": [{"text": "surgeon"}], "actor": {"display": "Dr Martin"}, "status": "accepted"},
        {"type": [{"coding": [{"system": "http://snomed.info/sct", "code": "88189002"}]}],
         "actor": {"display": "Dr Roy"}, "status": "accepted"}]
    booking, _ = _booking_loaded(clerk, tmp_path, bundle)
    assert (booking["surgeon"], booking["anaesthetist"]) == ("Dr Martin", "Dr Roy")


@pytest.mark.parametrize(("request_", "priority"), [
    ({"priority": "stat"}, "immediate_a"), ({"priority": "asap"}, "urgent"), ({"priority": "urgent"}, "expedited"),
    ({"priority": "routine"}, "elective"),
    # This app's export says the class in a note, which tells the two immediate ones apart.
    ({"priority": "stat", "note": [{"text": "NCEPOD priority: Immediate — limb or organ saving"}]}, "immediate_b"),
])
def test_a_fhir_snapshots_booking_takes_the_priority_of_its_request(clerk, tmp_path, request_, priority):
    """Every operation of the EHR's snapshot was loaded as NCEPOD elective: one cancelled by the
    outage ranked with the hernias on the rescheduling list, with no NCEPOD target."""
    bundle = _bundle()
    bundle["entry"][6]["resource"].pop("priority")
    bundle["entry"][6]["resource"].update(request_)
    booking, said = _booking_loaded(clerk, tmp_path, bundle)
    assert booking["priority"] == priority and not [text for text in said if "NCEPOD" in text]


def _without_priority(bundle: dict) -> dict:
    """The bundle's booking with no ServiceRequest, as most EHR Appointment extracts come."""
    bundle["entry"] = [entry for entry in bundle["entry"] if entry["resource"]["resourceType"] != "ServiceRequest"]
    bundle["entry"][-1]["resource"].pop("basedOn")
    bundle["entry"][-1]["resource"]["priority"] = 1  # R4's number says no NCEPOD class
    return bundle


def test_a_fhir_snapshots_booking_with_no_priority_loads_elective_and_is_said_by_patient(clerk, tmp_path):
    """Loaded as urgent, every booking of such an extract had an NCEPOD target of hours from its
    decision days before: BREACH at the load."""
    booking, said = _booking_loaded(clerk, tmp_path, _without_priority(_bundle()))
    assert booking["priority"] == "elective"
    assert said == ["bundle entry 7 (Appointment 77777777-7777-4777-8777-777777777777): ROUX Élise, Pacemaker "
                    "insertion: no NCEPOD priority in the EHR's extract: loaded as Elective: amend it if more urgent."]


def test_a_fhir_snapshots_booking_with_no_priority_cancelled_by_the_outage_is_no_breach(session_for, clerk, tmp_path,
                                                                                       clock):
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    import_path(clerk, _written(tmp_path, _without_priority(_bundle())))
    (state,) = theatre.bookings(clerk.db, clerk.forms)
    theatre.cancel(session_for("coord"), state.record.record_id, {
        "cancelled_at": "2026-11-28T09:00+01:00", "reason": "information_system", "last_minute": True,
        "patient_told": "phone"})
    waiting, _ = theatre.rescheduling(clerk.db, clerk.forms, clock())
    assert [(item.state.priority.value, item.breach) for item in waiting] == [("elective", False)]


def test_a_snapshot_folder_holding_an_export_loads_as_the_snapshot_it_is(clerk, tmp_path):
    """The records office's stick: the EHR's extract at its root, a laptop's export beside it. It
    was refused as "not an export but holds 1 export(s)", at the start of an outage; loaded, the
    export beside it is named, left to import (it was left without a word)."""
    stick = Path(shutil.copytree(SNAPSHOT, tmp_path / "stick"))
    (stick / "downtime-export-3B-laptop2").mkdir()
    (stick / "downtime-export-3B-laptop2" / "manifest.json").write_text("{}", encoding="utf-8")
    result = import_path(clerk, stick)
    assert len(list_current(clerk.db, "admission")) == 2
    assert [said.text("en") for said in result.to_check][-1] == (
        f"{stick} also holds 1 export(s), not imported with the snapshot: import each of them: "
        f"{stick / 'downtime-export-3B-laptop2'}")


def test_a_folder_of_exports_alone_is_refused_naming_them(clerk, tmp_path):
    export = tmp_path / "stick" / "downtime-export-3B-laptop2"
    export.mkdir(parents=True)
    (export / "manifest.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, tmp_path / "stick")
    assert str(refused.value) == (f"{tmp_path / 'stick'} is not an export but holds 1 export(s): import each of them "
                                  f"instead: {export}")
