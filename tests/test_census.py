import re
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from downtime.domain.census import Location, Movement, MovementEvent, StayStatus, locate
from downtime.services import census, records, wards
from downtime.services.errors import ServiceError, ValidationFailed
from tests.conftest import VERIFIED

T0 = datetime.fromisoformat("2026-11-28T08:00:00+01:00")


def _event(movement, hours, ward=None, bed=None, recorded_hours=None):
    return MovementEvent("p", f"r{hours}", movement, T0 + timedelta(hours=hours),
                         T0 + timedelta(hours=recorded_hours if recorded_hours is not None else hours),
                         ward, bed)


def test_locate_replays_events_in_the_order_they_happened():
    events = [
        _event(Movement.TRANSFER, 5, "ICU", "2", recorded_hours=9),
        _event(Movement.ADMIT, 1, "3B", "12"),
        _event(Movement.DISCHARGE, 8),
    ]
    assert locate(events, T0) is None
    assert locate(events, T0 + timedelta(hours=2)) == Location("p", StayStatus.IN, "3B", "12", T0 + timedelta(hours=1),
                                                               T0 + timedelta(hours=1), events[1], None)
    assert locate(events, T0 + timedelta(hours=6)).ward == "ICU"
    final = locate(events)
    assert final.status is StayStatus.DISCHARGED and final.ward == "ICU"


def test_nothing_moves_a_patient_who_has_left_until_readmission():
    events = [_event(Movement.ADMIT, 1, "3B", "1"), _event(Movement.DEATH, 2),
              _event(Movement.TRANSFER, 3, "ICU", "1")]
    assert locate(events).status is StayStatus.DECEASED


@pytest.fixture
def nurse(session_for):
    admin = session_for("admin")
    wards.add_ward(admin, "3B", "Internal medicine", [str(n) for n in range(1, 7)])
    wards.add_ward(admin, "ICU", "Intensive care", ["1", "2"])
    return session_for("nurse")


def _admit(nurse, values, bed, hours_ago=3):
    return records.save_new(nurse, "admission", {
        **values, "bed": bed, "arrival_at": (nurse.clock() - timedelta(hours=hours_ago)).isoformat(timespec="minutes")})


def _move(nurse, patient_id, ward, bed, hours_ago=1):
    return records.save_new(nurse, "transfer", {
        "moved_at": (nurse.clock() - timedelta(hours=hours_ago)).isoformat(timespec="minutes"),
        "to_ward": ward, "to_bed": bed, "reason": "needs monitoring"}, patient_id=patient_id)


def test_census_lists_every_bed_with_its_patient_or_empty(nurse, admission_values, forms):
    first = _admit(nurse, admission_values, "2")
    rows = census.census(nurse.db, forms, ward="3B")
    assert [row.bed for row in rows] == ["1", "2", "3", "4", "5", "6"]
    assert [row.patient.patient_id if row.patient else None for row in rows][1] == first.patient_id
    assert sum(row.patient is None for row in rows) == 5


def test_transfer_moves_the_patient_and_the_past_census_stays_true(nurse, admission_values, forms, clock):
    first = _admit(nurse, admission_values, "2")
    _move(nurse, first.patient_id, "ICU", "1")
    assert census.in_patients(nurse.db, forms, ward="3B") == []
    (in_icu,) = census.in_patients(nurse.db, forms, ward="ICU")
    assert (in_icu.ward, in_icu.bed, in_icu.stay) == ("ICU", "1", StayStatus.IN)
    two_hours_ago = clock.now - timedelta(hours=2)
    (earlier,) = census.in_patients(nurse.db, forms, at=two_hours_ago)
    assert (earlier.ward, earlier.bed) == ("3B", "2")


def test_two_patients_in_one_bed_are_refused_naming_the_occupant(nurse, admission_values, forms):
    _admit(nurse, admission_values, "2")
    second = {**admission_values, "birth_name": "Dupont", "used_name": "", "given_names": "Paul", "sex": "male"}
    with pytest.raises(ServiceError, match=r"Bed 2 of ward 3B is taken by MARTIN Hélène Marie.*DT-042-00001"):
        _admit(nurse, second, "2")
    assert len(census.in_patients(nurse.db, forms)) == 1


def test_transfer_into_an_occupied_bed_is_refused(nurse, admission_values):
    _admit(nurse, admission_values, "2")
    other = _admit(nurse, {**admission_values, "birth_name": "Roux"}, "3")
    with pytest.raises(ServiceError, match="is taken by"):
        _move(nurse, other.patient_id, "3B", "2")


def test_unknown_ward_or_bed_is_refused(nurse, admission_values):
    with pytest.raises(ServiceError, match="Unknown ward 'Z'"):
        _admit(nurse, {**admission_values, "ward": "Z"}, "1")
    with pytest.raises(ServiceError, match="has no bed '99'"):
        _admit(nurse, admission_values, "99")


def test_a_ward_typed_in_another_case_is_that_ward_with_its_beds(nurse, admission_values, forms):
    patient = _admit(nurse, admission_values, "2").patient_id
    with pytest.raises(ServiceError, match="Ward ICU has no bed '99'"):
        _move(nurse, patient, "icu", "99")
    _move(nurse, patient, "icu", "2")
    assert [row.patient.patient_id for row in census.census(nurse.db, forms, ward="ICU") if row.patient] == [patient]


def test_a_ward_and_bed_typed_in_another_case_are_stored_as_the_ward_is_configured(nurse, session_for,
                                                                                  admission_values, forms):
    """The ward clerk's review: "3b" and "icu", accepted as wards 3B and ICU, were stored as typed,
    so the patient strip, the exports and the records office's merge read "icu" beside "ICU"."""
    wards.add_ward(session_for("admin"), "HDU", "High dependency", ["A1", "A2"])
    patient = _admit(nurse, {**admission_values, "ward": "3b"}, "2").patient_id
    moved = _move(nurse, patient, " hdu", "a2 ")
    (summary,) = census.in_patients(nurse.db, forms)
    assert (moved.data["to_ward"], moved.data["to_bed"], summary.ward, summary.bed) == ("HDU", "A2", "HDU", "A2")
    first = records.list_current(nurse.db, form_id="admission")[0]
    assert (first.data["ward"], first.data["bed"]) == ("3B", "2")


def test_a_freed_bed_can_be_taken(nurse, admission_values, forms):
    first = _admit(nurse, admission_values, "2", hours_ago=5)
    _move(nurse, first.patient_id, "ICU", "2", hours_ago=2)
    _admit(nurse, {**admission_values, "birth_name": "Roux"}, "2", hours_ago=1)
    assert len(census.in_patients(nurse.db, forms)) == 2


def test_discharged_patient_cannot_be_moved_or_cared_for(nurse, admission_values, forms, clock):
    first = _admit(nurse, admission_values, "2")
    records.save_new(nurse, "discharge", {
        "discharged_at": (clock.now - timedelta(hours=1)).isoformat(timespec="minutes"),
        "destination": "home", "letter_given": True, "medicines_given": True}, patient_id=first.patient_id)
    with pytest.raises(ServiceError, match="not in hospital"):
        _move(nurse, first.patient_id, "ICU", "1", hours_ago=0)
    with pytest.raises(ServiceError, match="Taken: this patient is not in hospital at that time"):
        census.require_in_hospital(nurse.db, first.patient_id, clock.now, "Taken")
    assert census.census(nurse.db, forms, ward="3B")[1].patient is None


def test_entered_in_error_transfer_puts_the_patient_back(nurse, admission_values, forms):
    first = _admit(nurse, admission_values, "2")
    move = _move(nurse, first.patient_id, "ICU", "1")
    records.mark_entered_in_error(nurse, move.record_id, "wrong patient moved")
    (patient,) = census.in_patients(nurse.db, forms)
    assert (patient.ward, patient.bed) == ("3B", "2")


def test_amended_transfer_time_is_replayed(nurse, admission_values, forms, clock):
    first = _admit(nurse, admission_values, "2", hours_ago=6)
    move = _move(nurse, first.patient_id, "ICU", "1", hours_ago=1)
    earlier = (clock.now - timedelta(hours=4)).isoformat(timespec="minutes")
    records.amend(nurse, move.record_id, {**move.data, "moved_at": earlier}, "time was wrong")
    (at_three,) = census.in_patients(nurse.db, forms, at=clock.now - timedelta(hours=3))
    assert at_three.ward == "ICU"


def test_transfer_out_with_handover_leaves_the_census(nurse, admission_values, forms, clock):
    first = _admit(nurse, admission_values, "2")
    records.save_new(nurse, "transfer_out", {
        "departed_at": clock.now.isoformat(timespec="minutes"), "receiving_hospital": "CHU Sud",
        "receiving_unit": "Réanimation, Dr Petit, 01 23 45 67 89", "transport_mode": "mobile_icu",
        "escort": "doctor", "situation": "Respiratory failure", "background": "COPD",
        "condition": "unstable", "current_treatments": "Amoxicillin 1 g IV 8-hourly, last 12:00",
        "devices": ["peripheral_iv", "oxygen"], "allergies_checked": True, "resuscitation": "full",
        "obs_at": clock.now.isoformat(timespec="minutes"), "resp_rate": 28, "spo2": 89,
        "documents_sent": ["admission_record", "medication_chart"]}, patient_id=first.patient_id)
    assert census.in_patients(nurse.db, forms) == []
    location = census.locations(nurse.db)[first.patient_id]
    assert location.status is StayStatus.TRANSFERRED_OUT


def test_readmission_keeps_the_downtime_number(nurse, admission_values, forms, clock):
    first = _admit(nurse, admission_values, "2", hours_ago=6)
    records.save_new(nurse, "discharge", {
        "discharged_at": (clock.now - timedelta(hours=4)).isoformat(timespec="minutes"),
        "destination": "home", "letter_given": True, "medicines_given": True}, patient_id=first.patient_id)
    again = records.save_new(nurse, "admission", {**admission_values, "bed": "5"}, patient_id=first.patient_id)
    assert again.patient_id == first.patient_id
    (patient,) = census.in_patients(nurse.db, forms)
    assert patient.bed == "5" and patient.downtime_number.startswith("DT-042-00001")
    with pytest.raises(ServiceError, match="already admitted"):
        records.save_new(nurse, "admission", {**admission_values, "bed": "6"}, patient_id=first.patient_id)


def test_no_admission_follows_a_death(nurse, admission_values, forms, clock):
    """A patient whose death is recorded was readmitted (by an import, or a record typed for the
    wrong patient), back in a bed on the census; the death withdrawn, they can be."""
    first = _admit(nurse, admission_values, "2", hours_ago=6)
    death = records.save_new(nurse, "death", {
        "died_at": (clock.now - timedelta(hours=4)).isoformat(timespec="minutes"),
        "verified_at": (clock.now - timedelta(hours=4)).isoformat(timespec="minutes"), "verified_by": "Dr X",
        "referred_to_coroner": False, "implanted_device": "none", "expected": True, "family_informed": True,
        **VERIFIED}, patient_id=first.patient_id)
    with pytest.raises(ServiceError, match="This patient's death is recorded .*: no admission follows it"):
        records.save_new(nurse, "admission", {**admission_values, "bed": "5"}, patient_id=first.patient_id)
    assert census.in_patients(nurse.db, forms) == []
    records.mark_entered_in_error(nurse, death.record_id, "wrong patient")
    with pytest.raises(ServiceError, match="already admitted"):
        records.save_new(nurse, "admission", {**admission_values, "bed": "5"}, patient_id=first.patient_id)


def test_only_administrators_configure_wards(session_for):
    with pytest.raises(ServiceError):
        wards.add_ward(session_for("nurse"), "X", "X ward", ["1"])
    with pytest.raises(ServiceError, match="^Bed '1' is listed twice.$"):
        wards.add_ward(session_for("admin"), "X", "X ward", ["1", "1"])
    with pytest.raises(ServiceError, match="^Beds: one is empty.$"):
        wards.add_ward(session_for("admin"), "X", "X ward", ["1", " "])
    assert wards.wards(session_for("admin").db) == []


def test_movement_index_follows_saves_and_rebuilds_to_the_same_lines(nurse, admission_values, forms):
    first = _admit(nurse, admission_values, "2")
    second = _admit(nurse, {**admission_values, "birth_name": "Other"}, "3")
    moved = _move(nurse, first.patient_id, "ICU", "1")
    records.mark_entered_in_error(nurse, moved.record_id, "wrong patient")
    _move(nurse, second.patient_id, "ICU", "2")

    def lines():
        return sorted(tuple(row.values()) for row in nurse.db.query("SELECT * FROM movement_index"))

    maintained = lines()
    assert len(maintained) == 4 and sum(line[3] for line in maintained) == 3
    assert census.rebuild_index(nurse.db, forms) == 4 and lines() == maintained
    nurse.db.execute("DELETE FROM movement_index")
    census.ensure_index(nurse.db, forms)
    assert lines() == maintained
    assert [row.patient.patient_id for row in census.census(nurse.db, forms, ward="3B") if row.patient] == [first.patient_id]

# A movement record written, amended or marked entered in error is checked against the
# patient's whole timeline and against every other patient's stays in the bed it fills.

def _at(nurse, hours_ago):
    return (nurse.clock() - timedelta(hours=hours_ago)).isoformat(timespec="minutes")


def _discharge(nurse, patient_id, hours_ago):
    return records.save_new(nurse, "discharge", {"discharged_at": _at(nurse, hours_ago), "destination": "home",
                                                 "letter_given": True, "medicines_given": True}, patient_id=patient_id)


@pytest.fixture
def roux(admission_values):
    return {**admission_values, "birth_name": "Roux", "used_name": "", "given_names": "Paul", "sex": "male"}


def _beds(nurse, forms, hours_ago=0):
    return {p.patient_id: (p.ward, p.bed)
            for p in census.in_patients(nurse.db, forms, at=nurse.clock() - timedelta(hours=hours_ago))}


def test_withdrawing_a_transfer_cannot_put_the_patient_back_into_a_bed_now_taken(nurse, admission_values, roux, forms):
    first = _admit(nurse, admission_values, "2", hours_ago=5)
    move = _move(nurse, first.patient_id, "ICU", "1", hours_ago=4)
    second = _admit(nurse, roux, "2", hours_ago=2)
    with pytest.raises(ServiceError, match=r"Bed 2 of ward 3B is taken by ROUX Paul \(DT-042-00002.*move that patient first"):
        records.mark_entered_in_error(nurse, move.record_id, "wrong patient moved")
    assert records.current(nurse.db, move.record_id).version == 1
    assert _beds(nurse, forms) == {first.patient_id: ("ICU", "1"), second.patient_id: ("3B", "2")}


def test_withdrawing_a_discharge_cannot_put_the_patient_back_into_a_bed_now_taken(nurse, admission_values, roux, forms):
    first = _admit(nurse, admission_values, "2", hours_ago=5)
    discharge = _discharge(nurse, first.patient_id, hours_ago=4)
    second = _admit(nurse, roux, "2", hours_ago=2)
    with pytest.raises(ServiceError, match="Bed 2 of ward 3B is taken by ROUX Paul"):
        records.mark_entered_in_error(nurse, discharge.record_id, "wrong patient discharged")
    assert records.current(nurse.db, discharge.record_id).version == 1
    assert _beds(nurse, forms) == {second.patient_id: ("3B", "2")}


def test_a_discharge_amended_to_after_the_next_occupant_came_is_refused(nurse, admission_values, roux, forms):
    first = _admit(nurse, admission_values, "2", hours_ago=6)
    discharge = _discharge(nurse, first.patient_id, hours_ago=4)
    _admit(nurse, roux, "2", hours_ago=2)
    with pytest.raises(ServiceError, match="Bed 2 of ward 3B is taken by ROUX Paul"):
        records.amend(nurse, discharge.record_id, {**discharge.data, "discharged_at": _at(nurse, 1)}, "time corrected")
    assert len(_beds(nurse, forms, hours_ago=1.5)) == 1


def test_an_arrival_amended_to_after_the_discharge_is_refused_naming_the_discharge(nurse, admission_values, forms):
    first = _admit(nurse, admission_values, "2", hours_ago=10)
    _discharge(nurse, first.patient_id, hours_ago=4)
    with pytest.raises(ServiceError, match=r"patient's Discharge of 28/11/2026 10:00: the patient would not be in hospital"):
        records.amend(nurse, first.record_id, {**first.data, "arrival_at": _at(nurse, 2)}, "arrival time corrected")
    assert census.in_patients(nurse.db, forms) == []


def test_a_discharge_back_entered_before_a_later_transfer_is_refused_naming_the_transfer(nurse, admission_values):
    first = _admit(nurse, admission_values, "1", hours_ago=8)
    _move(nurse, first.patient_id, "ICU", "1", hours_ago=2)
    with pytest.raises(ServiceError, match=r"patient's Internal transfer of 28/11/2026 12:00"):
        _discharge(nurse, first.patient_id, hours_ago=5)
    where = census.location_at(nurse.db, first.patient_id)
    assert (where.status, where.ward, where.bed) == (StayStatus.IN, "ICU", "1")


def test_a_back_dated_admission_is_refused_when_another_patient_lay_in_the_bed_meanwhile(nurse, admission_values, roux,
                                                                                          forms):
    earlier = _admit(nurse, roux, "2", hours_ago=6)
    _move(nurse, earlier.patient_id, "ICU", "1", hours_ago=4)
    with pytest.raises(ServiceError, match=r"Bed 2 of ward 3B was taken by ROUX Paul .* from 28/11/2026 08:00 to "
                                           r"28/11/2026 10:00"):
        _admit(nurse, admission_values, "2", hours_ago=8)
    assert _beds(nurse, forms, hours_ago=5) == {earlier.patient_id: ("3B", "2")}


def test_a_back_entered_stay_in_a_bed_left_before_its_new_occupant_came_is_accepted(nurse, admission_values, roux,
                                                                                     forms):
    first = _admit(nurse, admission_values, "1", hours_ago=8)
    _move(nurse, first.patient_id, "ICU", "1", hours_ago=4)
    second = _admit(nurse, roux, "3", hours_ago=2)
    _move(nurse, first.patient_id, "3B", "3", hours_ago=6)
    assert _beds(nurse, forms, hours_ago=5) == {first.patient_id: ("3B", "3")}
    assert _beds(nurse, forms) == {first.patient_id: ("ICU", "1"), second.patient_id: ("3B", "3")}


def test_amending_an_admission_keeps_its_place_before_a_transfer_of_the_same_minute(nurse, admission_values, forms,
                                                                                    clock):
    first = _admit(nurse, admission_values, "2", hours_ago=3)
    clock.advance(minutes=1)
    _move(nurse, first.patient_id, "ICU", "1", hours_ago=3 + 1 / 60)
    clock.advance(minutes=5)
    records.amend(nurse, first.record_id, {**first.data, "bed": "3"}, "bed was wrong")
    assert _beds(nurse, forms) == {first.patient_id: ("ICU", "1")}
    census.rebuild_index(nurse.db, forms)
    assert _beds(nurse, forms) == {first.patient_id: ("ICU", "1")}


def test_migration_empties_an_index_ordered_by_latest_versions_so_that_opening_rebuilds_it(tmp_path):
    import sqlcipher3
    from sqlite_utils import Database

    from downtime.storage.migrations import MIGRATIONS

    db = Database(sqlcipher3.connect(str(tmp_path / "old.sqlite")))
    MIGRATIONS.apply(db, stop_before="m010_movement_index_entered_order")
    db.execute("INSERT INTO movement_index VALUES ('r1', 'p1', 'admit', 1, '2026-11-28T10:00+01:00',"
               " '2026-11-28T10:05+01:00', '2026-11-28T09:00Z', '2026-11-28T09:05Z', '3B', '2', '3b', '2')")
    MIGRATIONS.apply(db)
    assert db.execute("SELECT COUNT(*) FROM movement_index").fetchone()[0] == 0
    assert {"entered_at", "entered_utc"} <= {column.name for column in db["movement_index"].columns}


def test_a_readmitted_patient_reads_from_the_latest_stay_after_the_first_stays_admission_is_amended(
        nurse, admission_values, forms, clock):
    """Correcting the first stay's admission (its weight, typed wrong) is its newest version, yet
    the census, the patient banner and the dose checks must keep the current stay's answers:
    DNACPR, not the first stay's "for resuscitation", the latex allergy found since, and the
    married name she now uses (the records office's worklist names her so too)."""
    first = _admit(nurse, {**admission_values, "resuscitation": "full"}, "2", hours_ago=200)
    _discharge(nurse, first.patient_id, hours_ago=150)
    latex = [*admission_values["allergies"], {"substance": "Latex", "reaction": "Wheeze", "severity": "severe"}]
    second = records.save_new(nurse, "admission", {**admission_values, "used_name": "Dubois", "bed": "5",
                                                   "arrival_at": _at(nurse, 5),
                                                   "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali", "resuscitation_decided_at": "2026-11-28T10:00+01:00",
                                                   "allergies": latex},
                              patient_id=first.patient_id)
    clock.advance(minutes=10)
    records.amend(nurse, first.record_id, {**first.data, "weight_kg": 60}, "weight typed wrong")
    (listed,) = census.in_patients(nurse.db, forms)
    banner = census.patient_with_location(nurse.db, forms, first.patient_id)
    for shown in (listed, banner):
        assert shown.admission_record_id == second.record_id
        assert (shown.bed, shown.resuscitation, shown.allergies) == ("5", "dnacpr", ("Penicillin", "Latex"))
        assert shown.admitted_at == second.occurred_at.isoformat()
    assert listed.display_name.startswith("DUBOIS")
    assert census.display_names(nurse.db, forms) == {first.patient_id: listed.display_name}


def test_a_wristband_is_out_of_date_when_the_amended_admission_is_the_one_it_prints(nurse, admission_values, clock):
    """What the band says (name, birth date and sex, number, IPP, allergies) changed by an amendment
    of the stay it is printed from; a bed or a weight amended, or an earlier stay's admission,
    leave it true."""
    from downtime.services.printing import wristband_changes

    first = _admit(nurse, admission_values, "2", hours_ago=200)
    weighed = records.amend(nurse, first.record_id, {**first.data, "weight_kg": 60}, "weight typed wrong")
    assert wristband_changes(nurse, first, weighed) == []
    named = records.amend(nurse, first.record_id, {**weighed.data, "used_name": "Dubois", "birth_date": "1954-03-21"},
                          "married name")
    assert wristband_changes(nurse, weighed, named) == [
        ("MARTIN Hélène Marie (née LEFÈVRE)", "DUBOIS Hélène Marie (née LEFÈVRE)"),
        ("12-Mar-1954   Sex F", "21-Mar-1954   Sex F")]
    numbered = records.amend(nurse, first.record_id, {**named.data, "ipp": "80012345"}, "EHR number found")
    assert wristband_changes(nurse, named, numbered) == [("—", "IPP 80012345")]
    _discharge(nurse, first.patient_id, hours_ago=150)
    records.save_new(nurse, "admission", {**admission_values, "bed": "5", "arrival_at": _at(nurse, 5)},
                     patient_id=first.patient_id)
    clock.advance(minutes=10)
    earlier = records.amend(nurse, first.record_id, {**numbered.data, "allergy_status": "nka", "allergies": []},
                            "allergy disproved")
    assert wristband_changes(nurse, numbered, earlier) == []


def test_id_labels_are_out_of_date_when_an_amendment_changes_a_line_they_carry(nurse, admission_values, clock,
                                                                               tmp_path):
    """A date of birth corrected (1954 typed for 1945) asked for a new band alone: the sheet of ID
    labels printed before, kept in the patient's folder, went on being stuck on forms and sample
    tubes with the old one. The lines labels carry (name, date of birth, sex) are told from the
    band's own (IPP, allergies), with when this laptop last printed the labels; a band printed
    since is not labels."""
    from downtime.services.printing import label_changes, print_labels, print_wristband

    first = _admit(nurse, admission_values, "2")
    assert label_changes(nurse, first, records.amend(nurse, first.record_id, {**first.data, "bed": "3"}, "moved")
                         ).lines == ()
    clock.advance(minutes=5)
    printed = nurse.clock()
    print_labels(nurse, first.patient_id, tmp_path / "labels.pdf")
    clock.advance(minutes=30)
    print_wristband(nurse, first.patient_id, tmp_path / "band.pdf")
    before = records.current(nurse.db, first.record_id)
    dated = records.amend(nurse, first.record_id, {**before.data, "birth_date": "1945-03-12"}, "1954 typed for 1945")
    changed = label_changes(nurse, before, dated)
    assert changed.lines == (("12-Mar-1954   Sex F", "12-Mar-1945   Sex F"),)
    assert changed.printed_at == printed
    allergic = records.amend(nurse, first.record_id, {**dated.data, "ipp": "80012345", "allergies": [
        {"substance": "Latex", "reaction": "Rash", "severity": "mild"}]}, "EHR number and an allergy found")
    assert label_changes(nurse, dated, allergic).lines == ()
    other = _admit(nurse, {**admission_values, "birth_name": "Roux", "nir": None}, "4")
    print_wristband(nurse, other.patient_id, tmp_path / "other.pdf")
    renamed = records.amend(nurse, other.record_id, {**other.data, "given_names": "Paul"}, "first name misheard")
    assert label_changes(nurse, other, renamed).printed_at is None


def test_a_band_printed_before_an_amendment_of_what_it_reads_is_out_of_date(nurse, admission_values, clock, tmp_path):
    """The band printed at 10:00 reads 12-Mar-1954; the date of birth corrected at 11:00, the new
    band not printed, the old one on the wrist was scanned and said "Band checked". A band printed
    since, or an amendment of what no band says, leaves it true; a patient never banded here has
    no band to be out of date."""
    from downtime.services.printing import BandOutOfDate, band_out_of_date, print_wristband

    first = _admit(nurse, admission_values, "2")
    assert band_out_of_date(nurse, first.patient_id) is None
    printed = nurse.clock()
    print_wristband(nurse, first.patient_id, tmp_path / "band.pdf")
    clock.advance(minutes=60)
    weighed = records.amend(nurse, first.record_id, {**first.data, "weight_kg": 60}, "weight typed wrong")
    assert band_out_of_date(nurse, first.patient_id) is None
    dated = records.amend(nurse, first.record_id, {**weighed.data, "birth_date": "1954-03-21"}, "date of birth misread")
    assert band_out_of_date(nurse, first.patient_id) == BandOutOfDate(
        printed, (("12-Mar-1954   Sex F", "21-Mar-1954   Sex F"),))
    clock.advance(minutes=5)
    print_wristband(nurse, first.patient_id, tmp_path / "new band.pdf")
    assert band_out_of_date(nurse, first.patient_id) is None
    records.amend(nurse, first.record_id, {**dated.data, "ipp": "80012345"}, "EHR number found")
    assert band_out_of_date(nurse, first.patient_id).lines == (("—", "IPP 80012345"),)


def _readmitted(nurse, first, admission_values, clock, bed="5"):
    """The patient went home an hour on and came back to `bed` an hour later, the IPP found at
    last on the second stay."""
    clock.advance(minutes=60)
    records.save_new(nurse, "discharge", {"discharged_at": nurse.clock().isoformat(timespec="minutes"),
                                          "destination": "home", "letter_given": True, "medicines_given": True},
                     patient_id=first.patient_id)
    clock.advance(minutes=60)
    return records.save_new(nurse, "admission", {**admission_values, "bed": bed, "ipp": "80012345",
                                                 "arrival_at": nurse.clock().isoformat(timespec="minutes")},
                            patient_id=first.patient_id)


def test_a_band_printed_after_a_readmission_reads_true_whatever_the_first_stay_became(
        nurse, admission_values, clock, tmp_path):
    """Readmitted at 12:00 with the IPP, the first stay's weight amended at 12:30, the new band
    printed at 13:00 reading IPP 80012345: it was said out of date (the first stay's amendment
    taken for what it read), reprinting it changed nothing, and every dose asked why. A
    readmission withdrawn before the band was printed is not what it reads either."""
    from downtime.services.printing import band_out_of_date, print_wristband

    first = _admit(nurse, admission_values, "2")
    _readmitted(nurse, first, admission_values, clock)
    clock.advance(minutes=30)
    records.amend(nurse, first.record_id, {**first.data, "weight_kg": 61}, "weight typed wrong")
    clock.advance(minutes=30)
    print_wristband(nurse, first.patient_id, tmp_path / "band.pdf")
    assert band_out_of_date(nurse, first.patient_id) is None

    roux = {**admission_values, "family_name": "ROUX", "given_names": "Paul"}
    other = _admit(nurse, roux, "3")
    withdrawn = _readmitted(nurse, other, roux, clock, bed="6")
    records.mark_entered_in_error(nurse, withdrawn.record_id, "wrong patient")
    print_wristband(nurse, other.patient_id, tmp_path / "roux.pdf")
    assert band_out_of_date(nurse, other.patient_id) is None


def test_a_band_printed_before_its_lines_were_kept_reads_the_identity_the_screens_showed(
        nurse, admission_values, clock, tmp_path):
    """A band printed before a print's entry kept what the band read: read as the screens read
    the identity then (the latest stay as it stood, a withdrawn readmission skipped), an earlier
    stay amended after the readmission, or the readmission withdrawn, made it out of date."""
    from downtime.services.printing import BandOutOfDate, WRISTBAND, band_out_of_date
    from downtime.storage import audit

    def printed_before_lines_were_kept(patient_id):
        number = census.patient_with_location(nurse.db, nurse.forms, patient_id).downtime_number
        audit.append_reading(nurse.db, at=nurse.clock(), actor=nurse.user.staff_id,
                             device_id=nurse.device.device_id, action="print",
                             detail={"what": f"{WRISTBAND} {number}", "record_id": None, "file": "band.pdf"})

    first = _admit(nurse, admission_values, "2")
    second = _readmitted(nurse, first, admission_values, clock)
    records.amend(nurse, first.record_id, {**first.data, "weight_kg": 61}, "weight typed wrong")
    printed = nurse.clock()
    printed_before_lines_were_kept(first.patient_id)
    assert band_out_of_date(nurse, first.patient_id) is None
    clock.advance(minutes=10)
    records.amend(nurse, second.record_id, {**second.data, "birth_date": "1954-03-21"}, "date of birth misread")
    assert band_out_of_date(nurse, first.patient_id) == BandOutOfDate(
        printed, (("12-Mar-1954   Sex F", "21-Mar-1954   Sex F"),))

    roux = {**admission_values, "family_name": "ROUX", "given_names": "Paul"}
    other = _admit(nurse, roux, "3")
    withdrawn = _readmitted(nurse, other, roux, clock, bed="6")
    records.mark_entered_in_error(nurse, withdrawn.record_id, "wrong patient")
    printed_before_lines_were_kept(other.patient_id)
    assert band_out_of_date(nurse, other.patient_id) is None


def test_an_admission_from_before_the_wards_were_set_can_still_be_amended_where_it_keeps_its_bed(
        session_for, admission_values, forms):
    """The patient came to bed 12 before the administrator set ward 3B's beds (1 to 10): an
    allergy found since is added to the admission, which keeps its place; a bed typed in
    the amendment is still checked."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", {**admission_values, "bed": "12"})
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 11)])
    latex = [*admission_values["allergies"], {"substance": "Latex", "reaction": "Wheeze", "severity": "severe"}]
    records.amend(nurse, admitted.record_id, {**admitted.data, "allergies": latex}, "latex allergy found")
    (patient,) = census.in_patients(nurse.db, forms)
    assert patient.allergies == ("Penicillin", "Latex") and patient.bed == "12"
    with pytest.raises(ServiceError, match="Ward 3B has no bed '11'"):
        records.amend(nurse, admitted.record_id, {**admitted.data, "bed": "11"}, "bed misheard")


def test_a_bed_or_ward_code_longer_than_the_forms_take_is_refused_when_it_is_set(session_for):
    """A bed no admission or transfer can name (their bed box takes 10 characters) would stay
    an empty bed on the census for good: beds and wards cannot be removed."""
    admin = session_for("admin")
    with pytest.raises(ServiceError, match=r"Bed 'Side room 2': at most 10 characters"):
        wards.add_ward(admin, "3B", "Medicine", ["1", "Side room 2"])
    with pytest.raises(ServiceError, match=r"Ward code '3B-[X]+': at most 40 characters"):
        wards.add_ward(admin, "3B-" + "X" * 38, "Medicine", ["1"])
    assert wards.wards(admin.db) == []
    wards.add_ward(admin, "3B", "Medicine", ["1", "Side room"])
    with pytest.raises(ServiceError, match=r"Bed 'Side room 12': at most 10 characters"):
        wards.add_beds(admin, "3B", ["Side room 12"])
    assert wards.wards(admin.db)[0].beds == ("1", "Side room")


def test_beds_added_to_a_ward_typed_in_another_case_are_the_wards(session_for, nurse, admission_values):
    """`downtime ward add-beds 5C` on a ward set up as "5c" said "3 beds" and wrote bed 23
    under "5C", a ward of no one: it was on no census and refused at every admission, and
    adding it again to "5c" crashed on the bed already written."""
    admin = session_for("admin")
    wards.add_ward(admin, "5c", "Cardiology", ["1", "2"])
    assert wards.add_beds(admin, " 5C ", ["23"]).beds == ("1", "2", "23")
    with pytest.raises(ServiceError, match="^Bed '23' is already in ward 5c.$"):
        wards.add_beds(admin, "5c", ["23"])
    _admit(nurse, {**admission_values, "ward": "5c"}, "23")
    assert [row.bed for row in census.census(nurse.db, nurse.forms, "5c") if row.patient] == ["23"]


def test_a_ward_typed_again_in_another_case_is_said_by_its_code(session_for, nurse):
    """"Ward 3b already exists" echoed what was typed, beside a list reading 3B."""
    with pytest.raises(ServiceError, match=r"^Ward 3B already exists; add beds to it instead"):
        wards.add_ward(session_for("admin"), " 3b", "Medicine", ["1"])


def test_a_bed_the_ward_lacks_is_refused_naming_the_wards_beds(session_for, nurse, admission_values):
    """"Ward 5C has no bed '33'." left the nurse, or IT loading the EHR's extract, guessing how
    the ward names its beds ("12" or "012", "SR" or "Side room")."""
    wards.add_ward(session_for("admin"), "5C", "Cardiology", wards.parse_beds("01-12, 21A, 21B, Side room"))
    with pytest.raises(ServiceError) as refused:
        _admit(nurse, {**admission_values, "ward": "5C"}, "33")
    assert str(refused.value) == "Ward 5C has no bed '33'; its beds: 01-12, 21A, 21B, Side room."


def test_a_new_admission_of_someone_already_in_hospital_is_said_naming_them(nurse, admission_values, forms, clock):
    """Admitted a second time (by the emergency department and again by the ward), one person
    got a second number, wristband and medication chart, each in its own bed on the census."""
    from downtime.services.identity import already_in_hospital

    spec = forms["admission"]
    _admit(nurse, admission_values, "2")
    said = already_in_hospital(nurse.db, forms, spec, {**admission_values, "bed": "3"}, "en")
    assert said is not None and said.numbers == ("DT-042-00001-8",) and said.text.startswith("Already in hospital, probably the same person: MARTIN Hélène Marie (née LEFÈVRE), born "
                           "12/03/1954, DT-042-00001-8, in 3B / 2 (the same NIR; the same family name (birth or used), first name and "
                           "date of birth).")
    typed_again = {**admission_values, "nir": None, "birth_name": "LEFEVRE", "given_names": "Hélène"}
    again = already_in_hospital(nurse.db, forms, spec, typed_again, "en")
    assert again is not None and "(the same family name (birth or used), first name and date of birth)" in again.text
    assert already_in_hospital(nurse.db, forms, spec, {**typed_again, "not_same_as": "DT-042-00001-8"}, "en") is None, \
        "a patient the nurse said this one is not is not asked about again"
    sister = {**admission_values, "nir": None, "given_names": "Louise"}
    assert already_in_hospital(nurse.db, forms, spec, sister, "en") is None
    (patient,) = census.in_patients(nurse.db, forms)
    records.save_new(nurse, "discharge", {
        "discharged_at": (clock.now - timedelta(hours=1)).isoformat(timespec="minutes"),
        "destination": "home", "letter_given": True, "medicines_given": True}, patient_id=patient.patient_id)
    assert already_in_hospital(nurse.db, forms, spec, admission_values, "en") is None


def test_an_amendment_that_makes_an_admission_look_like_someone_else_in_hospital_is_said(nurse, admission_values,
                                                                                          forms):
    """Admitted without papers as "Martin" and corrected once her daughter brought her card,
    the patient took the NIR and date of birth of Mrs Martin already in bed 2: one person, two
    numbers and two charts, with no question asked as the check ran on new admissions only.
    The patient herself is not named, and an amendment leaving the identity as it was is not
    asked about again."""
    from downtime.services.identity import already_in_hospital

    spec = forms["admission"]
    _admit(nurse, admission_values, "2")
    other = {**admission_values, "birth_name": "Durand", "used_name": None, "given_names": "Jeanne",
             "birth_date": "1961-07-04", "nir": None}
    second = _admit(nurse, other, "3")
    same = {**admission_values, "bed": "3"}
    said = already_in_hospital(nurse.db, forms, spec, same, "en", before=second.data, patient_id=second.patient_id)
    assert said is not None and said.numbers == ("DT-042-00001-8",) and said.text.startswith("Already in hospital, probably the same person: MARTIN Hélène Marie (née LEFÈVRE), born "
                           "12/03/1954, DT-042-00001-8, in 3B / 2 (the same NIR; ")
    assert already_in_hospital(nurse.db, forms, spec, {**other, "bed": "4"}, "en", before=second.data,
                               patient_id=second.patient_id) is None
    first = census.in_patients(nurse.db, forms)[0]
    first_admission = records.current(nurse.db, first.admission_record_id)
    renamed = {**first_admission.data, "given_names": "Hélène"}
    assert already_in_hospital(nurse.db, forms, spec, renamed, "en", before=first_admission.data,
                               patient_id=first.patient_id) is None
    records.amend(nurse, second.record_id, same, "identity found")
    amended = records.current(nurse.db, second.record_id)
    assert already_in_hospital(nurse.db, forms, spec, {**amended.data, "weight_kg": 60}, "en", before=amended.data,
                               patient_id=second.patient_id) is None


def _unidentified(values, temporary_name, descriptor):
    kept = {key: value for key, value in values.items()
            if key not in ("birth_name", "used_name", "given_names", "nir", "birth_date", "identity_document")}
    return {**kept, "unidentified": True, "descriptor": descriptor, "temporary_name": temporary_name,
            "identity_status": "provisional", "sex": "male"}


def test_two_unidentified_patients_in_hospital_cannot_share_a_temporary_name(nurse, admission_values, forms, clock):
    """A major incident's two unknown men were both admitted as "Inconnu Trèfle": their wristbands,
    labels and charts differed only by the description in brackets and the number."""
    from downtime.services.errors import ValidationFailed

    first = _admit(nurse, _unidentified(admission_values, "Inconnu Trèfle", "Unknown man, about 40"), "2")
    second = _unidentified(admission_values, "INCONNU TREFLE", "Unknown man, about 60")
    with pytest.raises(ValidationFailed) as refused:
        _admit(nurse, second, "3")
    ((error,),) = [refused.value.errors]
    assert error.path == "temporary_name"
    assert error.message == ("“Temporary name”: INCONNU TRÈFLE (Unknown man, about 40), DT-042-00001-8, in 3B / 2, "
                             "already has that name; give each unidentified patient a temporary name of their own.")
    other = _admit(nurse, {**second, "temporary_name": "Inconnu Tulipe"}, "3")
    with pytest.raises(ValidationFailed, match="DT-042-00001-8, in 3B / 2, already has that name"):
        records.amend(nurse, other.record_id, {**second, "bed": "3", "arrival_at": other.data["arrival_at"]},
                      "name misheard")
    records.save_new(nurse, "discharge", {
        "discharged_at": (clock.now - timedelta(hours=1)).isoformat(timespec="minutes"),
        "destination": "home", "letter_given": True, "medicines_given": True}, patient_id=first.patient_id)
    assert _admit(nurse, second, "4", hours_ago=0.5).data["temporary_name"] == "INCONNU TREFLE"


def test_an_identified_patients_temporary_name_is_not_given_to_the_next_unknown(nurse, admission_values, clock):
    """Identified as Mrs Martin, INCONNU TRÈFLE's samples at the laboratory and paper charts still
    read that name; the next unknown man was given it again, and a result phoned for "Inconnu
    Trèfle" found two patients on the ward."""
    first = _admit(nurse, _unidentified(admission_values, "Inconnu Trèfle", "Unknown woman, about 70"), "2")
    clock.advance(hours=1)
    records.amend(nurse, first.record_id, {**admission_values, "bed": "2", "arrival_at": first.data["arrival_at"]},
                  "Identified by her daughter")
    with pytest.raises(ValidationFailed) as refused:
        _admit(nurse, _unidentified(admission_values, "INCONNU TREFLE", "Unknown man, about 20"), "3")
    ((error,),) = [refused.value.errors]
    assert error.path == "temporary_name"
    assert error.message == ("“Temporary name”: MARTIN Hélène Marie (née LEFÈVRE), DT-042-00001-8, in 3B / 2, was "
                             "INCONNU TRÈFLE until 28/11 15:00: their samples, labels and paper forms still carry "
                             "that name; choose another.")
    assert _admit(nurse, _unidentified(admission_values, "Inconnu Tulipe", "Unknown man, about 20"), "3")


def test_two_unknown_patients_whose_temporary_names_read_alike_get_the_name_alert(nurse, admission_values, forms):
    """INCONNU Alpha in bed 2 and INCONNU Bravo in bed 3 read "INCONNU …" on every list and chart,
    with no SAME NAME alert (MARTIN Jean and MARTIN Paul had one): an unidentified patient had no
    family name to compare."""
    alpha = _admit(nurse, _unidentified(admission_values, "INCONNU Alpha", "Unknown man, about 35"), "2")
    bravo = _admit(nurse, _unidentified(admission_values, "INCONNU Bravo", "Unknown man, about 50"), "3")
    _admit(nurse, _unidentified(admission_values, "Tulipe", "Unknown man, about 20"), "4")
    assert census.name_alerts(census.in_patients(nurse.db, forms)) == {alpha.patient_id: ("3",),
                                                                      bravo.patient_id: ("2",)}


def test_an_admission_naming_someone_discharged_earlier_says_their_stay_and_allergies(nurse, admission_values, forms,
                                                                                      clock):
    """Sent home with a penicillin allergy, Mrs Martin came back unconscious, unnamed: identified
    by amending the admission, nothing said she had a number and an allergy here. Said when an
    amendment identifies an unknown patient and when a new admission names her; not for an
    amendment leaving the identity, nor once told apart."""
    from downtime.services.identity import known_here_before

    spec = forms["admission"]
    first = _admit(nurse, admission_values, "2", hours_ago=5)
    records.save_new(nurse, "discharge", {
        "discharged_at": (clock.now - timedelta(hours=4)).isoformat(timespec="minutes"), "destination": "home",
        "letter_given": True, "medicines_given": True}, patient_id=first.patient_id)
    unknown = _admit(nurse, {**_unidentified(admission_values, "Inconnue Alpha", "Unknown woman, about 70"),
                             "sex": "female", "allergy_status": "unknown", "allergies": None}, "3")
    named = {**unknown.data, **{key: admission_values[key] for key in ("birth_name", "used_name", "given_names",
                                                                       "birth_date")},
             "unidentified": False, "identity_status": "provisional"}
    said = known_here_before(nurse.db, forms, spec, named, "en", before=unknown.data, patient_id=unknown.patient_id)
    assert said is not None and said.numbers == ("DT-042-00001-8",)
    assert said.text == ("Known here already, probably the same person: MARTIN Hélène Marie (née LEFÈVRE), born "
                         "12/03/1954, DT-042-00001-8, left on 28/11 10:00 (the same family name (birth or used), first "
                         "name and date of birth) — allergies: Penicillin (Rash, moderate). If it is them, their "
                         "allergies recorded then stand for this stay too: check them with the patient or their "
                         "family.")
    assert [(one.number, one.text, one.allergies) for one in said.patients] == [
        ("DT-042-00001-8", said.text, tuple(admission_values["allergies"]))]
    assert known_here_before(nurse.db, forms, spec, {**admission_values, "bed": "4"}, "en") is not None
    assert known_here_before(nurse.db, forms, spec, {**unknown.data, "bed": "4"}, "en", before=unknown.data,
                             patient_id=unknown.patient_id) is None
    assert known_here_before(nurse.db, forms, spec, {**named, "not_same_as": "DT-042-00001-8"}, "en",
                             before=unknown.data, patient_id=unknown.patient_id) is None


def test_a_namesake_with_another_nir_or_ipp_is_not_known_here_and_each_ones_allergies_are_their_own(
        nurse, admission_values, forms, clock):
    """Mrs Martin née Lefèvre, NIR …023 12, went home this morning allergic to penicillin. Another
    Hélène Martin née Lefèvre born the same day, identified from her own ID card (NIR …045 46),
    was said "probably the same person" and offered the penicillin: two NIRs are two people, and
    so are two IPPs. Two earlier namesakes with no number each are asked about, each with the
    allergies of their own stay, not both lists as one."""
    from downtime.services.identity import known_here_before

    spec = forms["admission"]

    def earlier(values, bed):
        stay = _admit(nurse, values, bed, hours_ago=6)
        records.save_new(nurse, "discharge", {
            "discharged_at": (clock.now - timedelta(hours=4)).isoformat(timespec="minutes"), "destination": "home",
            "letter_given": True, "medicines_given": True}, patient_id=stay.patient_id)

    earlier(admission_values, "2")  # NIR …023 12, penicillin
    unknown = _admit(nurse, {**_unidentified(admission_values, "Inconnue Alpha", "Unknown woman, about 70"),
                             "sex": "female", "allergy_status": "unknown", "allergies": None}, "3")
    named = {**unknown.data, **{key: admission_values[key] for key in ("birth_name", "used_name", "given_names",
                                                                       "birth_date", "identity_document")},
             "nir": "254036912304546", "identity_status": "validated", "unidentified": False}
    asked = {"before": unknown.data, "patient_id": unknown.patient_id}
    assert known_here_before(nurse.db, forms, spec, named, "en", **asked) is None
    assert known_here_before(nurse.db, forms, spec, {**named, "nir": None, "ipp": "80012345"}, "en",
                             **asked) is not None  # no NIR to compare: her name and birthday say it
    latex = {"substance": "Latex", "reaction": "Urticaria", "severity": "moderate"}
    earlier({**admission_values, "nir": None, "ipp": "80055555", "allergies": [latex]}, "4")
    assert known_here_before(nurse.db, forms, spec, {**named, "nir": None, "ipp": "80012345"}, "en",
                             **asked).numbers == ("DT-042-00001-8",)  # another IPP: another person
    ibuprofen = {"substance": "Ibuprofen", "reaction": "Bronchospasm", "severity": "severe"}
    earlier({**admission_values, "nir": None, "allergies": [ibuprofen, latex]}, "5")
    said = known_here_before(nurse.db, forms, spec, named, "en", **asked)
    assert len(said.patients) == 2
    by_allergies = {tuple(row["substance"] for row in one.allergies): one.text for one in said.patients}
    assert set(by_allergies) == {("Latex",), ("Ibuprofen", "Latex")}
    assert "DT-042-00001-8" not in said.text and "Penicillin" not in said.text
    assert all(text.startswith("Known here already, probably the same person: MARTIN Hélène Marie (née LEFÈVRE)")
               and text.count(" left on ") == 1 for text in by_allergies.values())
    assert "Latex" in by_allergies[("Latex",)] and "Ibuprofen" not in by_allergies[("Latex",)]


def test_a_transfer_into_a_taken_bed_says_how_to_swap_two_patients(nurse, admission_values, forms):
    """Swapping two patients' beds, each transfer was refused with "move that patient first",
    which was refused the same way: the bed manager went round in a circle."""
    first = _admit(nurse, admission_values, "1")
    second = _admit(nurse, {**admission_values, "nir": None, "birth_name": "Roux"}, "2")
    with pytest.raises(ServiceError) as refused:
        _move(nurse, first.patient_id, "3B", "2")
    assert str(refused.value).endswith("choose another bed or move that patient first (to swap two patients' "
                                       "beds: move one to the ward with no bed, then each into the other's bed, "
                                       "all at the same time).")
    with pytest.raises(ServiceError) as admitting:
        _admit(nurse, {**admission_values, "nir": None, "birth_name": "Petit"}, "2")
    assert str(admitting.value).endswith("choose another bed or move that patient first.")
    _move(nurse, first.patient_id, "3B", None)
    _move(nurse, second.patient_id, "3B", "1")
    _move(nurse, first.patient_id, "3B", "2")
    assert {p.patient_id: p.bed for p in census.in_patients(nurse.db, forms)} == {first.patient_id: "2",
                                                                                 second.patient_id: "1"}


def test_patients_of_one_ward_sharing_a_family_name_are_pointed_out(nurse, admission_values, forms):
    """Mrs Martin (née Lefèvre) in bed 2 and Mr Lefèvre in bed 5: the census said nothing of
    the name they share, where a dose or a label goes to the wrong one."""
    martin = _admit(nurse, admission_values, "2")
    lefevre = _admit(nurse, {**admission_values, "nir": None, "birth_name": "LEFEVRE", "used_name": "",
                             "given_names": "Paul", "sex": "male"}, "5")
    _admit(nurse, {**admission_values, "nir": None, "birth_name": "Roux", "used_name": "", "given_names": "Émile"}, "3")
    _admit(nurse, {**admission_values, "nir": None, "given_names": "Jeanne", "ward": "ICU"}, "1")
    assert census.name_alerts(census.in_patients(nurse.db, forms)) == {martin.patient_id: ("5",),
                                                                      lefevre.patient_id: ("2",)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_people_already_in_hospital_and_why_are_listed_with_a_space_before_the_semicolon_in_french(
        nurse, admission_values, forms, lang, listed_in):
    """Admitted twice already, each alike for two reasons: the French question read "…de
    naissance); MARTIN…" and "(le même NIR; …)"."""
    from downtime.services.identity import already_in_hospital

    _admit(nurse, admission_values, "2")
    _admit(nurse, admission_values, "3")
    said = already_in_hospital(nurse.db, forms, forms["admission"], {**admission_values, "bed": "4"}, lang)
    assert said is not None and len(said.numbers) == 2
    listed_in(said.text, lang)
    assert said.text.count(";") == 3, "two people, each alike for two reasons"


@pytest.mark.parametrize(("sex", "shown"), [("female", "GARNIER Élodie (née DUBOIS)"), ("male", "GARNIER Élie (né DUBOIS)"),
                                            ("unknown", "GARNIER Élie (né(e) DUBOIS)")])
def test_a_used_name_is_followed_by_the_birth_name_in_words_both_languages_read(forms, sex, shown):
    """A man's "(born DUBOIS)" stood in English on every French list and paper."""
    from downtime.services.patients import display_name

    given = "Élodie" if sex == "female" else "Élie"
    assert display_name(forms["admission"], {"unidentified": False, "birth_name": "Dubois", "used_name": "Garnier",
                                             "given_names": given, "sex": sex}) == shown


# The patients in hospital now are kept apart (patients_last_moved_in) so that a ward's census
# reads its own patients, not each of the thousands a records office's ward ever held.

_STEPS = st.lists(st.tuples(st.sampled_from(["admit", "move", "discharge", "withdraw"]), st.integers(0, 1),
                            st.integers(0, 4), st.sampled_from(["1", "2", "3"])), min_size=3, max_size=10)
_names = iter(f"Zed{''.join('abcdefghij'[int(digit)] for digit in str(n))}" for n in range(10**6))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_STEPS)
def test_the_patients_in_hospital_now_follow_every_movement_saved_or_withdrawn(nurse, session_for, admission_values,
                                                                                 forms, steps):
    """Whatever is saved or refused, the patients in hospital now say what the movements say, and
    each ward's census now is its census at this moment read the long way."""
    ward = next(_names)[:8]
    wards.add_ward(session_for("admin"), ward, "Hypothesis ward", ["1", "2", "3"])
    patients: list[str | None] = [None, None]
    movements: dict[str, list[str]] = {}
    for step, (action, slot, jitter, bed) in enumerate(steps):
        patient_id, hours_ago = patients[slot], 3 * (len(steps) - step) + jitter  # mostly in order
        try:
            if action == "admit" or patient_id is None:
                saved = records.save_new(nurse, "admission", {
                    **admission_values, "birth_name": next(_names), "ward": ward, "bed": bed,
                    "arrival_at": _at(nurse, hours_ago)}, patient_id=patient_id)
            elif action == "move":
                saved = records.save_new(nurse, "transfer", {"moved_at": _at(nurse, hours_ago), "to_ward": ward,
                                                             "to_bed": bed, "reason": "closer to the desk"},
                                         patient_id=patient_id)
            elif action == "discharge":
                saved = _discharge(nurse, patient_id, hours_ago)
            else:
                if movements.get(patient_id):
                    records.mark_entered_in_error(nurse, movements[patient_id].pop(), "wrong patient")
                continue
        except ServiceError:
            continue
        patients[slot] = saved.patient_id
        movements.setdefault(saved.patient_id, []).append(saved.record_id)
    assert census.index_problem(nurse.db, forms) is None
    for each in (ward, "3B", None):
        assert ([(row.bed, row.patient.patient_id if row.patient else None) for row in census.census(nurse.db, forms, each)]
                == [(row.bed, row.patient.patient_id if row.patient else None)
                    for row in census.census(nurse.db, forms, each, at=nurse.clock())])


def test_verify_names_a_patient_taken_off_the_patients_in_hospital_with_sql(nurse, admission_values, forms):
    """The census trusts the table as it trusts movement_index: a line deleted with plain SQL took
    the patient off the ward's list, and `downtime verify` must say so."""
    first = _admit(nurse, admission_values, "2")
    assert census.index_problem(nurse.db, forms) is None
    nurse.db.execute("DELETE FROM patients_last_moved_in WHERE patient_id = ?", [first.patient_id])
    assert census.census(nurse.db, forms, ward="3B")[1].patient is None
    assert census.index_problem(nurse.db, forms) == (
        "the patients in hospital by their last movement disagree with the movement index about 1 patient(s),"
        f" first {first.patient_id}")
    census.rebuild_index(nurse.db, forms)
    assert census.census(nurse.db, forms, ward="3B")[1].patient.patient_id == first.patient_id


def test_upgrading_to_the_patients_in_hospital_rebuilds_them_when_the_database_opens(nurse, admission_values, forms):
    """A laptop upgraded mid-outage: its patients stay on their wards once the database opens."""
    from downtime.storage.migrations import m033_patients_last_moved_in

    first = _admit(nurse, admission_values, "2")
    nurse.db.execute("DROP TABLE patients_last_moved_in")
    m033_patients_last_moved_in(nurse.db)
    assert nurse.db.execute("SELECT COUNT(*) FROM movement_index").fetchone()[0] == 0
    census.ensure_index(nurse.db, forms)
    assert census.census(nurse.db, forms, ward="3B")[1].patient.patient_id == first.patient_id
    assert census.index_problem(nurse.db, forms) is None


def _died(nurse, clock, patient_id, hours_ago, **answers):
    at = (clock.now - timedelta(hours=hours_ago)).isoformat(timespec="minutes")
    return records.save_new(nurse, "death", {
        "died_at": at, "verified_at": at, "verified_by": "Dr X", "referred_to_coroner": False,
        "implanted_device": "none", "expected": True, "family_informed": True, **VERIFIED, **answers},
        patient_id=patient_id)


def test_the_bed_of_a_patient_who_died_is_held_until_the_body_left_the_ward(nurse, admission_values, roux, forms,
                                                                            clock):
    """Last offices, the family's visit, the porters: the census read the bed empty the minute
    she died and took a new admission into it with the body still there. It reads "DECEASED —
    awaiting mortuary" (her stay ended at the death: she is no in-patient) until the death form
    says when the body left the ward; then the bed is free, and the census of those hours still
    says it was held."""
    first = _admit(nurse, admission_values, "2", hours_ago=6)
    death = _died(nurse, clock, first.patient_id, hours_ago=4)
    bed = next(row for row in census.census(nurse.db, forms, ward="3B") if row.bed == "2")
    assert bed.patient is None and bed.body is not None and bed.body.patient.patient_id == first.patient_id
    name = f"{bed.body.patient.display_name} ({bed.body.patient.downtime_number})"
    died = (clock.now - timedelta(hours=4)).strftime("%d/%m/%Y %H:%M")
    assert census.body_text(bed.body, "en") == f"DECEASED — awaiting mortuary: {name}, died {died}"
    assert census.in_patients(nurse.db, forms) == []
    with pytest.raises(ServiceError, match=rf"Bed 2 of ward 3B: {re.escape(name)} died in it at {died} and the body "
                                           r"has not left the ward; choose another bed, or record on the death form "
                                           r"when the body left\."):
        _admit(nurse, roux, "2", hours_ago=0)
    left = (clock.now - timedelta(hours=2)).isoformat(timespec="minutes")
    records.amend(nurse, death.record_id, {**death.data, "left_ward_at": left}, "porters came at 14:00")
    assert [row.body for row in census.census(nurse.db, forms, ward="3B")] == [None] * 6
    assert next(row for row in census.census(nurse.db, forms, ward="3B", at=clock.now - timedelta(hours=3))
                if row.bed == "2").body == bed.body
    with pytest.raises(ServiceError, match=r"Bed 2 of ward 3B was taken by .* to "):
        _admit(nurse, roux, "2", hours_ago=3)
    second = _admit(nurse, roux, "2", hours_ago=1)
    records.amend(nurse, death.record_id, {**death.data, "left_ward_at": None}, "time not known after all")
    rows = census.census(nurse.db, forms, ward="3B")
    assert [(row.bed, row.patient.patient_id if row.patient else None, row.body) for row in rows][1] == (
        "2", second.patient_id, None), "put in the bed since, the next patient says the body had gone"
    assert len(rows) == 6


def test_the_body_cannot_leave_the_ward_before_the_death_was_verified(nurse, admission_values, clock):
    first = _admit(nurse, admission_values, "2", hours_ago=6)
    with pytest.raises(ValidationFailed, match="Date and time death verified"):
        _died(nurse, clock, first.patient_id, hours_ago=4,
              left_ward_at=(clock.now - timedelta(hours=5)).isoformat(timespec="minutes"))
