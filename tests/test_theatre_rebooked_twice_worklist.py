"""A rebooking another laptop's rebooking of the same operation contradicts (REBOOKED TWICE) is
not a plain item of the back-entry worklist: the clerk working down the list entered both dates
in the EHR, which held the operation twice. Neither is entered until a coordinator, having rung
the patient with the date kept, withdraws the other; then the one kept is."""

from downtime.services import back_entry, records, theatre
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_theatre_merge import _coordinator, rebooked_on_two_laptops  # noqa: F401  (fixture)


def _rebookings(office, booking: str) -> list[back_entry.WorkItem]:
    patient = str(theatre.booking_facts(office.db, booking).record.patient_id)
    (work,) = back_entry.worklist_of(office, [patient])
    return sorted((item for item in work.items if item.record.form_id == "operation_rebooking"),
                  key=lambda item: item.record.data["planned_start"])


def test_neither_rebooking_is_entered_until_one_is_withdrawn(rebooked_on_two_laptops, tmp_path, clock):  # noqa: F811
    clerk1, clerk2, office_nurse, office, booking = rebooked_on_two_laptops
    for n, clerk in ((1, clerk1), (2, clerk2)):
        import_export(office, export(clerk, tmp_path / f"export-{n}").folder)
    wednesday, thursday = _rebookings(office, booking)
    told = ("rebooked twice: another date was given on laptop {n} (no. 00{n}) by Coordinator (coord, laptop 00{n}), "
            "28/11/2026 14:00: enter neither until a coordinator has rung the patient with the date kept and marked "
            "the other rebooking entered in error, then enter the one kept")
    for item, other in ((wednesday, 2), (thursday, 1)):
        said = item.to_do_in("en")
        assert said.startswith("do not enter — ")
        assert told.format(n=other) in said
    records.mark_entered_in_error(_coordinator(office_nurse, clock), thursday.record.record_id,
                                  "Patient keeps Wednesday")
    (kept,) = _rebookings(office, booking)
    assert kept.record.record_id == wednesday.record.record_id
    assert kept.action_in("en") == "enter" and "rebooked twice" not in kept.to_do_in("en")
