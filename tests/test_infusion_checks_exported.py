"""Each check of a running infusion goes to the EHR as an Observation part of its bag's
MedicationAdministration (sync.fhir_infusion_checks), is listed for the records clerk with its bag,
and is kept by the merge of two laptops' exports."""

import json

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation

from downtime.services import records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from tests.test_infusion_checks import _check
from tests.test_infusion_rates import fluids_running  # noqa: F401  (the fixture)


def _checks_sent(folder) -> dict[str, Observation]:
    """The bundle's checks, validated as R4B, by record id; each one's bag sent with it."""
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    Bundle.model_validate(bundle)
    ids = {entry["fullUrl"] for entry in bundle["entry"]}
    sent = {entry["resource"]["identifier"][0]["value"]: Observation.model_validate(entry["resource"])
            for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"
            and entry["resource"]["code"].get("text") == "Infusion or syringe driver check"}
    assert all(one.partOf[0].reference in ids for one in sent.values())
    return sent


def test_a_check_goes_to_the_ehr_part_of_its_bag_with_its_volumes_and_rates(session_for, fluids_running, tmp_path):
    nurse, _, order_id, bag = fluids_running
    good = _check(nurse, order_id, "2026-11-28T11:00+01:00", 630.0).record
    # Judged from the 11:00 check: 630 mL less an hour at 125 mL/h.
    fast = _check(nurse, order_id, "2026-11-28T12:00+01:00", 380.0, site="red", vip="1",
                  action="Pump checked, Dr Benali told").record
    sent = _checks_sent(export(session_for("records"), tmp_path / "out").folder)
    one = sent[fast.record_id]
    assert (one.status, one.partOf[0].reference) == ("final", f"urn:uuid:{bag.record_id}")
    # A medication therapy watched (R4 observation-category "therapy"), not a clinician's examination.
    assert [(coding.system, coding.code) for coding in one.category[0].coding] == [
        ("http://terminology.hl7.org/CodeSystem/observation-category", "therapy")]
    assert [(part.code.text, part.valueQuantity.value if part.valueQuantity else
             part.valueCodeableConcept.text if part.valueCodeableConcept else
             part.valueInteger if part.valueInteger is not None else part.valueBoolean) for part in one.component] == [
        ("Volume left", 380.0), ("Volume expected left", 505.0), ("Rate shown on the pump", 125.0),
        ("Rate set", 125.0), ("Site", "Red"), ("VIP score (phlebitis)", 1), ("Line intact", True),
        ("Pump working (on hold if paused), battery good", True)]
    assert one.interpretation[0].text == ("Abnormal: 380 mL left, 505 mL expected: running faster than set. "
                                          "The site: red, VIP 1.")
    assert one.note[0].text == "Pump checked, Dr Benali told"
    assert sent[good.record_id].interpretation is None


def test_a_check_withdrawn_is_sent_entered_in_error(session_for, fluids_running, tmp_path):
    nurse, _, order_id, _ = fluids_running
    saved = _check(nurse, order_id, "2026-11-28T11:00+01:00", 630.0).record
    records.mark_entered_in_error(nurse, saved.record_id, "Wrong patient's pump")
    assert _checks_sent(export(session_for("records"), tmp_path / "out").folder)[saved.record_id].status == \
        "entered-in-error"


def test_the_merge_of_two_laptops_keeps_each_check_listed_with_its_bag_for_the_clerk(
        session_for, fluids_running, laptop, admission_values, tmp_path):
    """Merged with another laptop's export, imported at the records office: the check is on the
    clerk's list under "Medication administration", after the bag it is of, and in the office's
    bundle."""
    from downtime.services import back_entry

    nurse, _, order_id, bag = fluids_running
    saved = _check(nurse, order_id, "2026-11-28T11:00+01:00", 630.0).record
    other_nurse, other_clerk = laptop(tmp_path / "2.sqlite", 2)
    records.save_new(other_nurse, "admission", {**admission_values, "bed": "3", "birth_name": "Moreau", "nir": ""})
    folders = [export(session_for("records"), tmp_path / "export-1").folder,
               export(other_clerk, tmp_path / "export-2").folder]
    merged = merge(folders + [folders[0]], tmp_path / "merged")
    assert merged.versions["infusion_check"] == 1
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merged.folder)
    (work,) = [group for group in back_entry.worklist(office)
               if any(item.record.record_id == saved.record_id for item in group.items)]
    ids = [item.record.record_id for item in work.items]
    (item,) = [item for item in work.items if item.record.record_id == saved.record_id]
    assert back_entry.STEPS[item.step] == "Medication administration"
    assert ids.index(bag.record_id) < ids.index(saved.record_id)
    assert saved.record_id in _checks_sent(export(office, tmp_path / "office-export").folder)
