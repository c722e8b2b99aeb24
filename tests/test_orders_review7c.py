"""Review 7 (c): a French or English brand beside its medicine's name is the same medicine, at
prescribing and on the round; a telephone order changed by telephone again keeps the 24 hours of
its first taking; the printed chart says "Until" of a course whose stop is still ahead."""

import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.domain.medication import Check
from downtime.services import medication, printing, records, telephone_orders, wards
from tests.statements import statements

DAILY = {"route": "PO", "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T15:00+01:00",
         "controlled": False, "high_alert": False, "dose": 40.0, "dose_unit": "mg"}


@pytest.mark.parametrize("standing,new", [
    ("Furosemide", "Lasilix"), ("Furosémide", "Lasix"), ("Esomeprazole", "Inexium"), ("Pantoprazole", "Eupantol"),
    ("Atorvastatine", "Tahor"), ("Bisoprolol", "Cardensiel"), ("Valproate de sodium", "Dépakine"),
    ("Méthylprednisolone", "Solu-Medrol"), ("Salbutamol", "Ventoline"), ("Zopiclone", "Imovane")])
def test_a_brand_beside_its_medicine_is_already_ordered(session_for, medication_ward, standing, new):
    """Furosemide 40 mg at 08:00 standing, "Lasilix 40 mg at 08:00" (its French brand, the name
    a patient's own list gives) was saved asking nothing: a double dose each morning."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    records.save_new(doctor, "medication_order", {**DAILY, "drug": standing}, patient_id=patient)
    asked = medication.duplicate_orders(doctor, {**DAILY, "drug": new}, patient)
    assert asked is not None and asked.startswith("Already ordered: ") and standing in asked


@pytest.mark.parametrize("standing", ["Levothyroxine", "Lévothyroxine sodique"])
def test_levothyrox_beside_levothyroxine_is_already_ordered(session_for, medication_ward, standing):
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    values = {**DAILY, "drug": standing, "dose": 100.0, "dose_unit": "microgram"}
    records.save_new(doctor, "medication_order", values, patient_id=patient)
    assert medication.duplicate_orders(doctor, {**values, "drug": "Levothyrox"}, patient) is not None


def test_a_brand_the_tables_do_not_know_written_as_its_medicines_name_shortened_is_asked(session_for,
                                                                                         medication_ward):
    """Tiapridal is tiapride: a brand no table lists, its name the medicine's and a few letters."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    records.save_new(doctor, "medication_order", {**DAILY, "drug": "Tiapride", "dose": 100.0}, patient_id=patient)
    assert medication.duplicate_orders(doctor, {**DAILY, "drug": "Tiapridal", "dose": 100.0}, patient) is not None


@pytest.mark.parametrize("standing,new", [
    ("Hydroxyzine", "Hydralazine"), ("Losartan", "Valsartan"), ("Prednisone", "Prednisolone"),
    ("Carbamazepine", "Oxcarbazepine"), ("Quinine", "Quinidine"), ("Vitamine B1", "Vitamine B12"),
    ("Chlorpromazine", "Chlorpropamide"), ("Cefuroxime", "Cefotaxime")])
def test_names_merely_alike_are_other_medicines_and_asked_nothing(session_for, medication_ward, standing, new):
    """Look-alike names of two medicines are no duplicate: asking "Already ordered" of each would
    teach the prescriber to answer it without reading."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    records.save_new(doctor, "medication_order", {**DAILY, "drug": standing, "review_at": "2026-12-01T08:00+01:00"},
                     patient_id=patient)  # the cefuroxime's review, asked of an antibiotic
    assert medication.duplicate_orders(doctor, {**DAILY, "drug": new}, patient) is None


def test_the_round_flags_a_brand_and_its_medicine_also_ordered(session_for, medication_ward, clock):
    """Saved all the same (the prescriber answered the question), the two orders' 08:00 doses are
    each flagged ALSO ORDERED on the round, naming the other."""
    patient, _, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    furosemide = records.save_new(doctor, "medication_order", {**DAILY, "drug": "Furosémide"}, patient_id=patient)
    lasilix = records.save_new(doctor, "medication_order", {**DAILY, "drug": "Lasilix"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T07:45+01:00")
    items = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
             if item.order.record_id in (furosemide.record_id, lasilix.record_id)]
    assert {(item.order.drug, tuple(other.drug for other in item.also_ordered)) for item in items} == {
        ("Furosémide", ("Lasilix",)), ("Lasilix", ("Furosémide",))}
    order = medication.order(nurse.db, lasilix.record_id)
    assert [other.record_id for other in medication.also_ordered_for(nurse.db, order, items[0].slot, clock.now)] == [
        furosemide.record_id]


TELEPHONED = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
              "times": "08:00 14:00 20:00", "start_at": "2026-11-28T14:00+01:00", "controlled": False,
              "high_alert": False, "telephone_order": True, "read_back": True, "prescriber": "Dr Hugo Bernard"}


def test_a_telephone_order_changed_again_by_telephone_keeps_the_24_hours_of_its_first_taking(
        session_for, medication_ward, clock):
    """Taken at 14:00 on 28/11, its times changed by a second call at 13:00 on 29/11, never
    countersigned: at 15:00 on 29/11 it has been given on nobody's signature for 25 hours, and
    read as not overdue (its 24 hours counted from the second call)."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    taken = records.save_new(nurse, "medication_order", TELEPHONED, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T13:00+01:00")
    records.amend(nurse, taken.record_id, {**taken.data, "times": "08:00 14:00 22:00"}, "Dr Bernard by telephone")
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    [listed] = telephone_orders.to_countersign(nurse, "3B")
    first = datetime.fromisoformat("2026-11-28T14:00+01:00")
    assert listed.overdue and listed.order.awaiting_since == first
    assert listed.order.times[-1].hour == 22
    # The chart and the round (whose orders the countersign dialog says "taken" of) and the dose
    # given from it read it so too.
    [row] = [row for row in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)
             if row.order.record_id == taken.record_id]
    assert row.order.awaiting_since == first
    warnings = medication.check_dose(nurse, taken.record_id, {
        "outcome": "given", "dose_given": 1.0, "route": "PO", "given_at": clock.now.isoformat(),
        "scheduled_for": "2026-11-29T14:00+01:00"})
    [said] = [warning.text("en") for warning in warnings if warning.check is Check.NOT_COUNTERSIGNED]
    assert said.startswith("Telephone order taken 28/11/2026 14:00 and not countersigned")


def test_a_telephone_order_countersigned_then_changed_by_telephone_awaits_from_the_new_call(
        session_for, medication_ward, clock):
    """The doctor's countersignature closes the first call: the second call's change is a new
    telephone order, its 24 hours from then."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    taken = records.save_new(nurse, "medication_order", TELEPHONED, patient_id=patient)
    clock.advance(hours=2)
    signed = telephone_orders.countersign(session_for("doctor"), taken.record_id)
    clock.now = datetime.fromisoformat("2026-11-29T13:00+01:00")
    records.amend(nurse, taken.record_id, telephone_orders.amended_from(nurse, {**signed.data, "times": "08:00"})
                  | {"read_back": True}, "Dr Bernard by telephone")
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    [listed] = telephone_orders.to_countersign(nurse, "3B")
    assert not listed.overdue and listed.order.awaiting_since == datetime.fromisoformat("2026-11-29T13:00+01:00")


def test_taken_from_counts_back_over_the_versions_awaiting_a_countersignature():
    from downtime.domain.records import RecordVersion

    def version(number: int, hour: int, **data) -> RecordVersion:
        return RecordVersion.model_construct(record_id="o", version=number, data=data,
                                             recorded_at=datetime(2026, 11, 28, hour, tzinfo=None))

    phoned = {"telephone_order": True}
    versions = [version(1, 8), version(2, 9, **phoned), version(3, 10, **phoned, countersigned=True),
                version(4, 11, **phoned), version(5, 12, **phoned)]
    assert telephone_orders.taken_from(versions).hour == 11
    assert telephone_orders.taken_from(versions[:3]) is None
    assert telephone_orders.taken_from(versions[:2]).hour == 9


def test_the_wards_list_to_countersign_reads_as_many_statements_for_one_changed_order_as_for_four(
        session_for, admission_values, clock):
    """Each order changed by telephone since its taking is read with its versions: for the whole
    ward at once, not one statement an order."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(bed) for bed in range(1, 11)])
    nurse = session_for("nurse")
    counted: list[int] = []
    admitted = 0
    for beds in (1, 4):
        while admitted < beds:
            admitted += 1
            bed = admitted
            patient = records.save_new(nurse, "admission", {
                **admission_values, "nir": None, "birth_name": f"Nom{bed}", "used_name": f"Nom{bed}",
                "bed": str(bed), "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
            taken = records.save_new(nurse, "medication_order", TELEPHONED, patient_id=patient)
            records.amend(nurse, taken.record_id, {**taken.data, "times": "08:00 20:00"}, "Dr Bernard by telephone")
        count, listed = statements(nurse.db, lambda: telephone_orders.to_countersign(nurse, "3B"))
        assert len(listed) == beds
        counted.append(count)
    assert counted[0] == counted[1]


def _printed(session, patient, out) -> str:
    path = printing.print_mar(session, [patient], out, days=3)
    return " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages)


@pytest.mark.parametrize("lang,ahead,passed", [("en", "Until 30/11 08:00", "Stopped 30/11 08:00"),
                                               ("fr", "Jusqu’au 30/11 08:00", "Arrêt 30/11 08:00")])
def test_the_printed_mar_says_until_of_a_stop_still_ahead_and_stopped_once_passed(
        session_for, medication_ward, clock, tmp_path, lang, ahead, passed):
    """Amoxicillin to end at 08:00 on 30/11, printed at 14:00 on 28/11, read "Stopped 30/11 08:00":
    a course with two days to run, read as ended on the paper chart the outage is given from."""
    patient, amox, _ = medication_ward
    doctor = session_for("doctor")
    current = records.current(doctor.db, amox)
    records.amend(doctor, amox, {**current.data, "stop_at": "2026-11-30T08:00+01:00"}, "7-day course")
    text = _printed(session_for("nurse", lang), patient, tmp_path / "before.pdf")
    assert ahead in text and passed not in text
    clock.now = datetime.fromisoformat("2026-11-30T09:00+01:00")
    text = _printed(session_for("nurse", lang), patient, tmp_path / "after.pdf")
    assert passed in text and ahead not in text
