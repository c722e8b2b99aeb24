"""The transfusion pathway's bedside rules, from a review of it: plasma for a patient not grouped
yet (group AB, group A only as the blood bank issued it) and checked against the group an earlier
unit recorded; the patient's special requirements whichever prescription said them, and a unit
named on its prescription while one with units left stands; one donation number started once; a
unit out of the fridge 4 hours by its start refused, and one that ran past them said so; the
bedside ABO card for every unit of red cells; a unit recorded before a rule corrected without it;
the printed record's notes; the prescription's status in the export."""

import json
import uuid
from datetime import datetime, timezone
from itertools import product

import pytest
from pypdf import PdfReader

from downtime.domain.blood_groups import abo_incompatible
from downtime.formspec.schema import holds
from downtime.services import printing, records, transfusion
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from tests.conftest import VERIFIED
from tests.test_transfusion import END, ORDER, UNIT, told_by


def _refused(session, values, patient, form_id="blood_transfusion") -> ValidationFailed:
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session, form_id, values, patient_id=patient)
    return refused.value


def _paths(refused: ValidationFailed) -> list[str]:
    return [error.path for error in refused.errors]


def _unit(number: int, **change) -> dict:
    return {**UNIT, "unit_number": f"G0001 26 {number:06d}", **change}


def test_a_patient_not_grouped_yet_gets_group_ab_plasma_or_group_a_the_blood_bank_issued_so(session_for, patient,
                                                                                             tmp_path):
    nurse = session_for("nurse")
    unknown = {"patient_group": "not_known"}
    for number, (component, group) in enumerate((("plasma", "o_neg"), ("cryo", "b_pos")), start=1):
        refused = _refused(nurse, _unit(number, component=component, unit_group=group, **unknown), patient)
        assert _paths(refused) == ["unit_group"] and "the patient's group is not known yet: only group AB" in str(refused)
    refused = _refused(nurse, _unit(3, component="plasma", unit_group="a_pos", **unknown), patient)
    assert _paths(refused) == ["group_a_agreed"]  # asked, and required
    refused = _refused(nurse, _unit(3, component="plasma", unit_group="a_pos", group_a_agreed=False, **unknown), patient)
    assert ("unless the blood bank issued it so (high-titre negative): give plasma of the patient's group or of group "
            "AB" in str(refused))
    records.save_new(nurse, "blood_transfusion", _unit(4, component="plasma", unit_group="ab_neg", **unknown),
                     patient_id=patient)
    given = records.save_new(nurse, "blood_transfusion", _unit(5, component="cryo", unit_group="a_neg",
                                                               group_a_agreed=True, **unknown), patient_id=patient)
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages)
    assert "Identity checked; group A issued so by the blood bank (high-titre negative)" in text
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [procedure] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == given.record_id]
    assert "Group A plasma issued so by the blood bank, high-titre negative" in procedure["note"][0]["text"]


def test_not_known_yet_is_checked_against_the_group_an_earlier_unit_recorded(session_for, patient):
    """Group O plasma suits a patient recorded as group B no more than one not grouped; group A
    plasma the blood bank issued high-titre negative suits both."""
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_transfusion", _unit(1, patient_group="b_neg", unit_group="o_neg"),
                     patient_id=patient)  # recorded as group B
    plasma = _unit(2, component="plasma", unit_group="o_pos", patient_group="not_known",
                   started_at="2026-11-28T13:00+01:00")
    refused = _refused(nurse, plasma, patient)
    assert _paths(refused) == ["unit_group"]
    assert str(refused) == (
        "“Unit's blood group”: this patient's group was recorded as B RhD negative with unit G0001 26 000001 on "
        "28/11/2026 12:00: group O is not compatible with it for Plasma (FFP); do not start it; ask the blood bank.")
    records.save_new(nurse, "blood_transfusion", {**plasma, "unit_group": "a_pos", "group_a_agreed": True},
                     patient_id=patient)
    records.save_new(nurse, "blood_transfusion", _unit(3, patient_group="not_known", started_at="2026-11-28T13:30+01:00"),
                     patient_id=patient)  # group O red cells suit group B


@pytest.mark.parametrize(("patient_group", "unit_group"), [("ab_pos", "a_pos"), ("ab_neg", "b_neg"), ("b_pos", "a_neg"),
                                                           ("a_neg", "b_pos")])
def test_plasma_of_group_a_or_b_for_a_patient_of_another_group_is_given_as_the_blood_bank_issued_it(
        session_for, patient, patient_group, unit_group, tmp_path):
    """The BSH's plasma table: group A or B plasma for a patient of group AB, group A for group B,
    group B for group A, only high-titre negative (was refused for a known patient, taken for one
    not grouped yet); asked, No refused; said on the printed record and in the export."""
    nurse = session_for("nurse")
    unit = _unit(1, component="cryo", unit_group=unit_group, patient_group=patient_group, abo_card=None)
    assert _paths(_refused(nurse, unit, patient)) == ["group_a_agreed"]  # asked, and required
    refused = _refused(nurse, {**unit, "group_a_agreed": False}, patient)
    assert _paths(refused) == ["group_a_agreed"] and "unless the blood bank issued it so" in str(refused)
    given = records.save_new(nurse, "blood_transfusion", {**unit, "group_a_agreed": True}, patient_id=patient)
    group = unit_group.split("_")[0].upper()
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages)
    assert f"group {group} issued so by the blood bank (high-titre negative)" in text
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [procedure] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == given.record_id]
    assert f"Group {group} plasma issued so by the blood bank, high-titre negative" in procedure["note"][0]["text"]


def test_the_form_asks_whether_plasma_was_issued_high_titre_negative_whenever_the_answer_decides(session_for):
    """Group O plasma for a patient not group O is refused unasked: it is never given."""
    field = session_for("nurse").form("blood_transfusion").field("group_a_agreed")
    groups = [f"{abo}_{rhd}" for abo in ("o", "a", "b", "ab") for rhd in ("neg", "pos")]
    for component, patient_group, unit_group in product(("red_cells", "platelets", "plasma", "cryo", "other"),
                                                        [*groups, "not_known"], groups):
        decides = (abo_incompatible(component, patient_group, unit_group)
                   and not abo_incompatible(component, patient_group, unit_group, high_titre_negative=True))
        assert holds(field.relevant, {"component": component, "patient_group": patient_group,
                                      "unit_group": unit_group}) is decides, (component, patient_group, unit_group)


def test_the_patients_special_requirements_hold_whichever_prescription_a_unit_names(session_for, patient):
    """Three units named on no prescription were accepted against an irradiated prescription of
    two, none irradiated, and the prescription read "0 started"."""
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_transfusion", _unit(1, component="platelets", unit_group="a_neg", started_at="2026-11-28T10:00+01:00"),
                     patient_id=patient)  # before any prescription: given on paper, nothing in the app to meet
    order = records.save_new(session_for("doctor"), "blood_order", ORDER, patient_id=patient)  # red cells × 2, irradiated
    refused = _refused(nurse, _unit(2), patient)
    assert _paths(refused) == ["order"]
    assert str(refused) == (
        "“Prescription (if written in the app)”: blood is prescribed for this patient in the app (Red cells × 2, each "
        "over 2 hours, Irradiated (prescribed 28/11 11:00): 0 started): name the prescription it is given on.")
    refused = _refused(nurse, _unit(3, component="platelets", unit_group="a_neg"), patient)  # no platelets prescribed: on paper
    assert _paths(refused) == ["unit_requirements"]
    assert "the prescription of 28/11/2026 11:00 (Red cells) asks for Irradiated for this patient" in str(refused)
    records.save_new(nurse, "blood_transfusion", _unit(3, component="platelets", unit_group="a_neg", unit_requirements=["irradiated"]),
                     patient_id=patient)
    records.save_new(nurse, "blood_transfusion", _unit(4, component="plasma", unit_group="ab_neg"),
                     patient_id=patient)  # plasma is never irradiated
    for number in (5, 6):
        records.save_new(nurse, "blood_transfusion", _unit(number, order=order.record_id,
                                                           unit_requirements=["irradiated"]), patient_id=patient)
    [prescribed] = transfusion.prescriptions(nurse.db, patient)
    assert prescribed.started == 2 and prescribed.left == 0
    assert _paths(_refused(nurse, _unit(7), patient)) == ["unit_requirements"]  # a paper prescription now: irradiated still
    records.save_new(nurse, "blood_transfusion", _unit(7, unit_requirements=["irradiated"]), patient_id=patient)


def test_a_donation_number_is_started_once_for_anyone(session_for, patient, admission_values):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "blood_transfusion", UNIT, patient_id=patient)
    again = {**UNIT, "unit_number": "G000126123456", "started_at": "2026-11-28T13:30+01:00"}
    refused = _refused(nurse, again, patient)
    assert _paths(refused) == ["unit_number"]
    assert str(refused).startswith(
        "“Donation (unit) number”: unit G0001 26 123456 was started already, for MARTIN Hélène Marie (née LEFÈVRE), "
        "DT-")
    assert "on 28/11/2026 12:00: a unit is given once" in str(refused) and "corrected by amending it" in str(refused)
    other = records.save_new(nurse, "admission", {**admission_values, "bed": "3", "birth_name": "AUTRE", "nir": None,
                                                  "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    assert _paths(_refused(nurse, {**again, "patient_group": "o_neg"}, other)) == ["unit_number"]
    records.amend(nurse, first.record_id, {**UNIT, "second_checker": "Anne Petit"}, "second checker misread")
    records.mark_entered_in_error(nurse, first.record_id, "wrong patient")
    records.save_new(nurse, "blood_transfusion", {**again, "patient_group": "o_neg"}, patient_id=other)


def test_a_unit_out_of_the_fridge_4_hours_by_its_start_is_refused_and_one_that_ran_past_them_says_so(
        session_for, patient, tmp_path):
    nurse = session_for("nurse")
    hung_now = {**UNIT, "started_at": "2026-11-28T13:50+01:00", "collected_at": "2026-11-28T09:00+01:00"}
    refused = _refused(nurse, hung_now, patient)  # typed at the bedside, at 14:00
    assert _paths(refused) == ["collected_at"]
    assert str(refused) == ("“Taken from the blood fridge at”: 28/11/2026 09:00, 4 hours or more before the start: a "
                            "unit is finished within 4 hours of leaving the fridge; do not start it: return it to the "
                            "blood bank.")
    # Typed in afterwards from paper (started 12:00), it is what happened: saved, said to have run past.
    late = records.save_new(nurse, "blood_transfusion", {**UNIT, "collected_at": "2026-11-28T07:00+01:00"},
                            patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": late.record_id}, patient_id=patient)  # 13:40, 6 h 40 out
    in_time = records.save_new(nurse, "blood_transfusion", _unit(2, started_at="2026-11-28T09:40+01:00"),
                               patient_id=patient)  # no time out of the fridge: counted from its start
    records.save_new(nurse, "transfusion_end", {**END, "unit": in_time.record_id}, patient_id=patient)  # 4 h exactly
    over, kept = sorted(transfusion.chart(nurse.db, patient), key=lambda unit: unit.number, reverse=True)
    end_spec = nurse.form("transfusion_end")
    assert over.state(end_spec, "en") == "RAN PAST 4 HOURS OUT OF THE FRIDGE; ended 28/11 13:40: Given in full, 280 mL"
    assert over.state(end_spec, "fr").startswith("A DÉPASSÉ 4 HEURES HORS DU RÉFRIGÉRATEUR ; ")
    assert kept.state(end_spec, "en") == "ended 28/11 13:40: Given in full, 280 mL"
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages)
    assert text.count("Ran past 4 hours out of the fridge") == 1
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    notes = {entry["resource"]["id"]: [note["text"] for note in entry["resource"]["note"]] for entry in bundle["entry"]
             if entry["resource"]["resourceType"] == "Procedure"}
    assert notes[late.record_id][-1] == "Ran past 4 hours out of the fridge"
    assert "Ran past 4 hours out of the fridge" not in notes[in_time.record_id]


def test_every_unit_of_red_cells_answers_the_bedside_abo_card(session_for, patient):
    """French practice's contrôle ultime: a unit of red cells was accepted with "Not used for this
    component", or with the card left blank."""
    nurse = session_for("nurse", "fr")
    blank = {key: value for key, value in UNIT.items() if key != "abo_card"}
    for values in ({**UNIT, "abo_card": "not_used"}, blank):
        refused = _refused(nurse, values, patient)
        assert _paths(refused) == ["abo_card"]
    english = _refused(session_for("nurse"), blank, patient)
    assert str(english) == ("“Bedside ABO test card”: answered for every unit of red cells: Compatible once the card is "
                            "done at the bedside, or “Not used at this hospital (no bedside card)” where the hospital has "
                            "no card; do not start the unit before.")
    records.save_new(nurse, "blood_transfusion", {**UNIT, "abo_card": "no_card"}, patient_id=patient)
    records.save_new(nurse, "blood_transfusion", _unit(2, component="platelets", unit_group="a_neg", abo_card="not_used"), patient_id=patient)
    records.save_new(nurse, "blood_transfusion", _unit(3, component="plasma", unit_group="ab_neg"), patient_id=patient)


def test_a_unit_recorded_before_these_rules_is_corrected_without_them(session_for, patient):
    """A unit of the form's version 1 (red cells with no card answered, its number given twice,
    out of the fridge 5 hours, group A plasma for a patient not grouped, not asked whether the
    blood bank issued it so) is corrected, its second checker's name, without being asked what no
    one asked then; a change of what a rule judges is asked it, but for the time out of the
    fridge, judged only as a unit is hung."""
    nurse = session_for("nurse")
    old = {**{key: value for key, value in UNIT.items() if key != "abo_card"}, "collected_at": "2026-11-28T07:00+01:00"}
    clerk = session_for("records")
    first = records.save_imported(clerk, "blood_transfusion", old, patient, str(uuid.uuid4()))
    plasma = records.save_imported(clerk, "blood_transfusion", {**UNIT, "component": "plasma", "unit_group": "a_neg",
                                                                "patient_group": "not_known"}, patient, str(uuid.uuid4()))
    records.amend(nurse, first.record_id, {**old, "second_checker": "Anne Petit"}, "second checker misread")
    records.amend(nurse, plasma.record_id, {**plasma.data, "second_checker": "Anne Petit"}, "second checker misread")
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, first.record_id, {**old, "abo_card": "not_used"}, "card answered")
    assert _paths(refused.value) == ["abo_card"]
    # A time out of the fridge corrected is what happened, the unit given: saved (it says it ran past).
    records.amend(nurse, first.record_id, {**old, "collected_at": "2026-11-28T06:50+01:00"}, "time misread")


def test_the_printed_record_gives_the_starts_and_the_ends_notes(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    started = records.save_new(nurse, "blood_transfusion", {**UNIT, "notes": "60 mL/h for the first 15 minutes"},
                               patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id, "outcome": "stopped_other",
                                                "volume": 120, "notes": "Cannula tissued, unit discarded"},
                     patient_id=patient)
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages)
    assert "60 mL/h for the first 15 minutes" in text
    assert "Stopped: another reason, 120 mL Cannula tissued, unit discarded" in text
    assert "Ran past" not in text


def _request(session_for, tmp_path, order_id: str) -> dict:
    """The prescription's ServiceRequest in an export made now (an update of one sent before)."""
    bundle = json.loads((export(session_for("records"), tmp_path / str(uuid.uuid4())).folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    return next(entry["resource"] for entry in bundle["entry"] if entry["fullUrl"] == f"urn:uuid:{order_id}")


def test_a_prescription_is_exported_completed_only_when_its_units_were_given_in_full(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "blood_order", {**ORDER, "requirements": []}, patient_id=patient)
    first = records.save_new(nurse, "blood_transfusion", _unit(1, order=order.record_id), patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": first.record_id, "ended_at": "2026-11-28T12:10+01:00",
                                                "outcome": "stopped_other", "volume": 10,
                                                "notes": "cannula tissued, unit discarded"}, patient_id=patient)
    stopped = "Unit G0001 26 000001 not given in full: Stopped: another reason, 10 mL given"
    request = _request(session_for, tmp_path, order.record_id)
    assert request["status"] == "active" and request["note"][-1] == {"text": stopped}  # a unit still to give
    second = records.save_new(nurse, "blood_transfusion", _unit(2, order=order.record_id,
                                                                started_at="2026-11-28T12:30+01:00"), patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": second.record_id}, patient_id=patient)
    request = _request(session_for, tmp_path, order.record_id)
    assert request["status"] == "revoked" and request["note"][-1] == {"text": stopped}
    given = records.save_new(session_for("doctor"), "blood_order", {**ORDER, "units": 1, "requirements": [],
                                                                    "component": "platelets"}, patient_id=patient)
    unit = records.save_new(nurse, "blood_transfusion", _unit(3, component="platelets", unit_group="a_neg", order=given.record_id,
                                                              started_at="2026-11-28T13:00+01:00"), patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": unit.record_id}, patient_id=patient)
    assert _request(session_for, tmp_path, given.record_id)["status"] == "completed"


def test_two_ends_of_one_unit_export_the_first_written_as_the_screen_reads_it(session_for, patient, clock, tmp_path):
    """Two laptops each recorded the unit's end, one on a clock at UTC: the export sends the first
    written, as the screens read it, though the text of the times orders them otherwise
    (13:30+00:00 before 14:00+01:00)."""
    nurse = session_for("nurse")
    started = records.save_new(nurse, "blood_transfusion", UNIT, patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id}, patient_id=patient)  # at 14:00+01:00
    clock.now = datetime(2026, 11, 28, 13, 30, tzinfo=timezone.utc)  # 14:30 in Paris, half an hour later
    records.save_imported(session_for("records"), "transfusion_end", {
        **END, "unit": started.record_id, "outcome": "stopped_other", "volume": 40}, patient, str(uuid.uuid4()))
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.end.data["outcome"] == "completed"
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [procedure] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == started.record_id]
    assert procedure["status"] == "completed" and "Volume given: 280 mL" in [note["text"] for note in procedure["note"]]


@pytest.mark.parametrize(("form_id", "values"), [
    ("discharge", {"discharged_at": "2026-11-28T13:50+01:00", "destination": "home", "letter_given": True,
                   "medicines_given": True}),
    ("death", {"died_at": "2026-11-28T13:50+01:00", "verified_at": "2026-11-28T13:55+01:00", "verified_by": "Dr X",
               "referred_to_coroner": False, "implanted_device": "none", "expected": True, "family_informed": True,
               **VERIFIED})])
def test_the_patient_leaves_only_once_the_unit_running_is_ended(session_for, patient, form_id, values):
    """A discharge at 13:50 was saved while a unit ran since 12:00: the unit left the escalation
    list, its end was refused as after the patient left, and it went to the EHR in progress for
    ever. The end recorded first, at or before the time they leave, the patient leaves."""
    nurse = session_for("nurse")
    unit = records.save_new(nurse, "blood_transfusion", UNIT, patient_id=patient)
    refused = _refused(nurse, values, patient, form_id)
    assert refused.errors[0].message.startswith(f"“{next(nurse.form(form_id).fields()).label.en}”: unit Red cells G0001 26 "
                                                "123456 (O RhD negative) is recorded as running since 28/11/2026 12:00")
    records.save_new(nurse, "transfusion_end", {**END, "unit": unit.record_id, "ended_at": "2026-11-28T13:45+01:00"},
                     patient_id=patient)
    records.save_new(nurse, form_id, values, patient_id=patient)


def test_a_set_counts_around_a_unit_only_with_temperature_pulse_blood_pressure_and_breathing(session_for, patient):
    """A saturation taken alone before the start and at 15 minutes counted as both sets, and
    nothing was asked: a febrile or hypotensive reaction went unmeasured."""
    from tests.test_transfusion import OBS

    nurse = session_for("nurse")
    records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T13:40+01:00"}, patient_id=patient)
    records.save_new(nurse, "observations", {"taken_at": "2026-11-28T13:30+01:00", "spo2": 97, "spo2_scale": "scale_1",
                                             "on_oxygen": False}, patient_id=patient)
    records.save_new(nurse, "observations", {"taken_at": "2026-11-28T13:55+01:00", "spo2": 96, "spo2_scale": "scale_1",
                                             "on_oxygen": False}, patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == [
        "15-MINUTE OBSERVATIONS OVERDUE since 28/11 13:55",
        "No observations in the hour before the start: record the set taken before it"]
    for at in ("2026-11-28T13:31+01:00", "2026-11-28T13:56+01:00"):
        records.save_new(nurse, "observations", {**OBS, "taken_at": at}, patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.asks(nurse.clock(), "en") == []


def test_a_reaction_told_to_no_one_is_still_asked_once_the_patient_left_or_came_back(session_for, patient,
                                                                                     admission_values, tmp_path):
    """Recorded "blood bank told: No", the reaction left every list with the discharge: the blood
    bank's report is owed whatever became of the patient. Listed after the ward's beds while they
    are out, on their line once back, until the end says the doctor and the blood bank were told."""
    from downtime.services import chart_alerts, census

    nurse = session_for("nurse")
    unit = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:00+01:00"},
                            patient_id=patient)
    end = records.save_new(nurse, "transfusion_end", {
        **END, "unit": unit.record_id, "ended_at": "2026-11-28T11:20+01:00", "outcome": "stopped_reaction",
        "volume": 60, "reaction": True, "signs": ["fever"], "doctor_told": True, **told_by("2026-11-28T11:20+01:00"),
        "blood_bank_told": False}, patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)

    def asked() -> list[tuple[str, list[str]]]:
        inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
        return [(alert.patient.stay.value if alert.patient.stay else "", alert.said) for alert in chart_alerts.alerts(
            nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts if alert.form_id == "blood_transfusion"]

    told = ["REACTION: report it to the blood bank"]  # the doctor was told
    assert asked() == [("discharged", told)]
    sheet = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert "Red cells G0001 26 123456 (O RhD negative) ended 28/11 11:20: Stopped: a reaction" in sheet
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T13:00+01:00", "bed": "5"},
                     patient_id=patient)
    assert asked() == [("in", told)]
    records.amend(nurse, end.record_id, {**end.data, "blood_bank_told": True}, "reported")
    assert asked() == []


def test_a_reaction_of_a_unit_withdrawn_asks_nothing_and_an_earlier_stays_is_on_the_handover(
        session_for, patient, admission_values):
    """A unit withdrawn as recorded for the wrong patient kept its reaction on the escalation
    list, with no way to clear it; a readmitted patient's reaction of the stay before, told to no
    one, was on the list and not on the handover sheet."""
    from downtime.services import chart_alerts, census

    nurse = session_for("nurse")

    def ended_with_a_reaction(number: int) -> tuple[str, str]:
        unit = records.save_new(nurse, "blood_transfusion", _unit(number, started_at="2026-11-28T10:00+01:00"),
                                patient_id=patient)
        end = records.save_new(nurse, "transfusion_end", {
            **END, "unit": unit.record_id, "ended_at": "2026-11-28T10:20+01:00", "outcome": "stopped_reaction",
            "volume": 60, "reaction": True, "signs": ["fever"], "doctor_told": True, **told_by("2026-11-28T10:20+01:00"),
            "blood_bank_told": False},
            patient_id=patient)
        return unit.record_id, end.record_id

    def listed() -> list[list[str]]:
        inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
        return [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                            ward="3B").alerts if alert.form_id == "blood_transfusion"]

    wrong, _ = ended_with_a_reaction(1)
    records.mark_entered_in_error(nurse, wrong, "another patient's unit")
    assert listed() == [] and transfusion.reactions_untold(nurse.db) == {}
    ended_with_a_reaction(2)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T13:00+01:00", "bed": "5"},
                     patient_id=patient)
    assert listed() == [["REACTION: report it to the blood bank"]]
    assert transfusion.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        "TRANSFUSION: Red cells G0001 26 000002 (O RhD negative) ended 28/11 10:20: Stopped: a reaction, 60 mL (Temperature 38 °C or "
        "more, or up 1 °C); "
        "REACTION: report it to the blood bank")
