"""Two laptops that never saw each other's records of one patient's same scheduled dose: the
merge is the first to hold both, and says to ask the ward about each, as the records office's
import of it would (the one rule, services.back_entry.conflicts_among), in its manifest, its
CSV lines and its report."""

import csv
import json

import pytest

from downtime.cli import main
from downtime.services import medication, records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from tests.conftest import doctor_on

NOT_GIVEN = {"outcome": "not_given", "not_given_reason": "refused", "given_at": "2026-11-28T14:10+01:00"}
GIVEN = {"outcome": "given", "given_at": "2026-11-28T14:05+01:00", "dose_given": 1.0, "route": "PO"}


@pytest.fixture(params=[GIVEN, NOT_GIVEN], ids=["given again", "refused on the other"])
def one_dose_on_two_laptops(request, tmp_path, laptop, clock, admission_values):
    """Laptop 1 admitted a patient and its doctor wrote their paracetamol at 14:00; the patient
    moved to laptop 2's ward with a stick made then. Each laptop's nurse recorded the 14:00
    dose, laptop 1's given, laptop 2's as the parameter says, neither seeing the other's; and
    each laptop exported. The exports and both doses' record ids."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    patient = records.save_new(nurse_1, "admission", admission_values).patient_id
    order = records.save_new(doctor_on(nurse_1, clock), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    import_export(clerk_2, export(clerk_1, tmp_path / "moved").folder)
    clock.advance(hours=7)
    doses = [medication.record_dose(nurse, order.record_id, {"scheduled_for": "2026-11-28T14:00+01:00", **values})
             for nurse, values in ((nurse_1, GIVEN), (nurse_2, request.param))]
    exports = [export(clerk, tmp_path / f"stick{number}") for number, clerk in ((1, clerk_1), (2, clerk_2))]
    assert [result.ask_the_ward for result in exports] == [(), ()]  # neither laptop knew
    return [result.folder for result in exports], [dose.record_id for dose in doses]


def _lines(folder, form_id):
    with (folder / "csv" / f"{form_id}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_merge_says_to_ask_the_ward_about_each_dose_as_the_office_importing_it_would(
        one_dose_on_two_laptops, tmp_path, laptop):
    exports, doses = one_dose_on_two_laptops
    result = merge(exports, tmp_path / "merged")
    assert sorted(found.record_id for found in result.ask_the_ward) == sorted(doses)
    manifest = json.loads((tmp_path / "merged" / "manifest.json").read_text(encoding="utf-8"))
    asked = {found["record_id"]: found for found in manifest["ask_the_ward"]}
    assert sorted(asked) == sorted(doses)
    assert asked[doses[0]]["downtime_number"] == "DT-001-00001-7"
    assert asked[doses[0]]["form_id"] == "medication_administration" and asked[doses[0]]["version"] == 1
    assert asked[doses[0]]["why"].startswith("the same dose (due 28/11/2026 14:00) was also recorded on laptop 2 "
                                             "(no. 002) by Nurse (nurse, laptop 002), ")
    cells = {row["record_id"]: row["ask_the_ward"] for row in _lines(tmp_path / "merged", "medication_administration")}
    assert cells == {dose: f"ASK THE WARD: {asked[dose]['why']}" for dose in doses}
    assert "ask_the_ward" not in _lines(tmp_path / "merged", "admission")[0]
    # The office importing the merge finds the same records to ask about, by the same rule.
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, tmp_path / "merged")
    assert sorted(found.record_id for found in export(office, tmp_path / "office-export").ask_the_ward) == sorted(doses)


def test_a_laptops_own_warning_and_the_merges_are_each_said_once_on_a_line(one_dose_on_two_laptops, tmp_path):
    """Merging the merge again with the same exports finds the same doses, and their lines say
    it once, not once for each merge."""
    exports, doses = one_dose_on_two_laptops
    merge(exports, tmp_path / "merged")
    again = merge([tmp_path / "merged", *exports], tmp_path / "again")
    assert sorted(found.record_id for found in again.ask_the_ward) == sorted(doses)
    assert _lines(tmp_path / "again", "medication_administration") == _lines(tmp_path / "merged",
                                                                             "medication_administration")


def test_the_merge_command_prints_each_record_to_ask_the_ward_about(one_dose_on_two_laptops, tmp_path, capsys):
    exports, doses = one_dose_on_two_laptops
    assert main(["merge", *map(str, exports), "--out", str(tmp_path / "m")]) == 0
    out = capsys.readouterr().out.splitlines()
    said = out.index("2 record(s) merged contradict another laptop's record (the manifest's ask_the_ward, each "
                     "line's ask_the_ward cell): ask the ward about each before entering it")
    lines = out[said + 1:]
    assert len(lines) == 2
    assert sorted(line.split()[6].rstrip(",") for line in lines) == sorted(doses)
    assert all(line.startswith("ASK THE WARD: DT-001-00001-7 Medication administration ") for line in lines)
    assert all("version 1: the same dose (due 28/11/2026 14:00) was also recorded on laptop " in line for line in lines)


def test_patients_each_on_one_laptop_give_nothing_to_ask(tmp_path, laptop, admission_values):
    folders = []
    for number in (1, 2):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", admission_values)
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    assert merge(folders, tmp_path / "merged").ask_the_ward == ()
    assert json.loads((tmp_path / "merged" / "manifest.json").read_text(encoding="utf-8"))["ask_the_ward"] == []


def test_a_record_whose_admission_the_other_laptop_withdrew_is_asked_about(tmp_path, observed_after_a_move):
    """Laptop 2 took observations of a patient who came from laptop 1, whose nurse then withdrew
    the admission (a duplicate, she thought): the observations stand on laptop 2 alone."""
    nurse_1, clerk_1, nurse_2, clerk_2, admitted, taken = observed_after_a_move
    records.mark_entered_in_error(nurse_1, admitted.record_id, "duplicate of DT-001-00002-5")
    result = merge([export(clerk, tmp_path / f"stick{number}").folder for number, clerk in ((1, clerk_1), (2, clerk_2))],
                   tmp_path / "merged")
    assert [(found.record_id, found.why_in("en")) for found in result.ask_the_ward] == [(taken.record_id, (
        "this patient's admission was withdrawn (entered in error) on laptop 1 (no. 001) by Nurse (nurse, laptop 001), "
        "28/11/2026 14:30: "
        "duplicate of DT-001-00002-5. Ask the ward before entering this record"))]
    assert [row["ask_the_ward"] for row in _lines(tmp_path / "merged", "observations")] == [
        result.ask_the_ward[0].words()]


def test_a_line_one_laptop_flagged_names_a_third_laptops_record_of_the_same_dose_too(tmp_path, laptop, clock,
                                                                                   admission_values):
    """Laptops 2 and 3 took laptop 1's patient on a stick; each of the three recorded the 14:00
    dose, and laptop 2 then took laptop 1's next stick, so its export says to ask the ward about
    its dose and laptop 1's, each naming the other. Only the merge holds laptop 3's dose: the
    lines laptop 2 flagged must name it too. They kept laptop 2's words alone, and the clerk,
    told of two records of the dose, entered the third."""
    nurses, clerks = zip(*(laptop(tmp_path / f"ward{number}.sqlite", number) for number in (1, 2, 3)))
    patient = records.save_new(nurses[0], "admission", admission_values).patient_id
    order = records.save_new(doctor_on(nurses[0], clock), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    moved = export(clerks[0], tmp_path / "moved").folder
    for clerk in clerks[1:]:
        import_export(clerk, moved)
    clock.advance(hours=7)
    doses = [medication.record_dose(nurse, order.record_id, {"scheduled_for": "2026-11-28T14:00+01:00", **values}).record_id
             for nurse, values in zip(nurses, (GIVEN, GIVEN, NOT_GIVEN))]
    import_export(clerks[1], export(clerks[0], tmp_path / "next-1").folder)
    sticks = [export(clerk, tmp_path / f"stick{number}") for number, clerk in enumerate(clerks, 1)]
    assert {found.record_id for found in sticks[1].ask_the_ward} == set(doses[:2])
    result = merge([stick.folder for stick in sticks], tmp_path / "merged")
    cells = {row["record_id"]: row["ask_the_ward"] for row in _lines(tmp_path / "merged", "medication_administration")}
    for dose, others in ((doses[0], ("laptop 2 (no. 002)", "laptop 3 (no. 003)")),
                         (doses[1], ("laptop 1 (no. 001)", "laptop 3 (no. 003)")),
                         (doses[2], ("laptop 1 (no. 001)", "laptop 2 (no. 002)"))):
        for other in others:
            assert f"the same dose (due 28/11/2026 14:00) was also recorded on {other} by " in cells[dose], (dose, other)
    # Laptop 2's own words are kept (they name its nurse by name), and what it said is not said twice.
    for dose in doses[:2]:
        assert cells[dose].startswith(next(found.words() for found in sticks[1].ask_the_ward if found.record_id == dose))
        assert cells[dose].count("laptop 3 (no. 003)") == 1 and cells[dose].count("ASK THE WARD") == 2
    assert {found.record_id for found in result.ask_the_ward} == set(doses)
    # Merged again with the sticks, the lines say each record once still.
    merge([tmp_path / "merged", *(stick.folder for stick in sticks)], tmp_path / "again")
    assert _lines(tmp_path / "again", "medication_administration") == _lines(tmp_path / "merged",
                                                                             "medication_administration")
