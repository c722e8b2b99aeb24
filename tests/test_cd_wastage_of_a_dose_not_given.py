"""A controlled drug's dose drawn up, then charted not given (the patient refused it), and
destroyed before a witness: its wastage is recorded against that dose, from the page it would
have been taken from, the record staying not given."""

import pytest

from downtime.services import cd_register, medication
from downtime.services.errors import ServiceError

WITNESS = ("doctor", "2222")


@pytest.fixture
def refused(session_for, medication_ward):
    """13:30 morphine 5 mg drawn up, refused: (nurse, the dose's record, the order id)."""
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    dose = medication.record_dose(nurse, morphine, {"outcome": "not_given", "not_given_reason": "refused",
                                                    "given_at": "2026-11-28T13:30+01:00"})
    return nurse, dose, morphine


def test_a_dose_drawn_up_then_refused_is_offered_and_its_destruction_witnessed(refused):
    nurse, dose, _ = refused
    offered = cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg")
    assert [(line.kind, line.record_id, line.change, line.note, f"{line.given_at:%H:%M}") for line in offered.doses] \
        == [("not_given", dose.record_id, -5.0, "Drawn up, not given (refused)", "13:30")]
    assert cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS, note="ampoule broken open") == 15.0
    line = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    assert (line.kind, line.change, line.witness, line.record_id, line.patient_name, line.note) == (
        "wastage", -5.0, "doctor", dose.record_id, "MARTIN Hélène Marie (née LEFÈVRE)",
        "Drawn up, not given (refused), destroyed: 5 mg; ampoule broken open")
    assert line.patient and f"{line.given_at:%H:%M}" == "13:30"
    again = medication.administrations(nurse.db, dose.patient_id)
    assert [(a.record_id, a.outcome.value) for a in again] == [(dose.record_id, "not_given")]  # still not given


def test_the_nurse_says_how_much_was_destroyed_once(refused):
    nurse, dose, _ = refused
    cd_register.cd_waste(nurse, dose.record_id, 2.5, witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 17.5
    with pytest.raises(ServiceError, match="recorded discarded already, 2.5 mg on"):
        cd_register.cd_waste(nurse, dose.record_id, 2.5, witness=WITNESS)
    offered = cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg")
    assert offered.doses == [] and offered.none_left is not None and "recorded already" in str(offered.none_left)


def test_the_wastage_stays_when_the_not_given_record_is_withdrawn(refused):
    """Withdrawing the record gives nothing back: the drug was destroyed all the same."""
    nurse, dose, _ = refused
    cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS)
    medication.withdraw_dose(nurse, dose.record_id, "charted twice")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15.0


def test_a_withdrawn_dose_not_given_takes_no_wastage(refused):
    nurse, dose, _ = refused
    medication.withdraw_dose(nurse, dose.record_id, "charted for the wrong patient")
    assert cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg").doses == []
    with pytest.raises(ServiceError, match="takes nothing from the register"):
        cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS)


def test_a_dose_not_given_of_a_medicine_not_controlled_takes_no_wastage(session_for, medication_ward):
    _, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    dose = medication.record_dose(nurse, amoxicillin, {"outcome": "not_given", "not_given_reason": "refused",
                                                       "given_at": "2026-11-28T13:30+01:00"})
    with pytest.raises(ServiceError, match="takes nothing from the register"):
        cd_register.cd_waste(nurse, dose.record_id, 1, witness=WITNESS)


def test_the_page_chosen_is_the_one_it_is_destroyed_from(refused):
    """The ward's morphine on its own page and the injection's: offered on both, taken from the
    one the nurse wastes it from (the register tab's page, `cd wastage --drug`)."""
    nurse, dose, _ = refused
    cd_register.cd_receive(nurse, "3B", "Morphine 10 mg/ml injection", "mg", 20, witness=WITNESS)
    for page in ("Morphine", "Morphine 10 mg/ml injection"):
        assert [line.record_id for line in cd_register.cd_doses_to_waste(nurse, "3B", page, "mg").doses] == [
            dose.record_id]
    cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS, page="Morphine 10 mg/ml injection")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine 10 mg/ml injection", "mg") == 15.0
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20.0
    assert cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg").doses == []


def test_the_oral_solutions_page_is_not_offered_for_a_dose_sc(refused):
    nurse, _, _ = refused
    cd_register.cd_receive(nurse, "3B", "Oramorph", "mg", 100, witness=WITNESS)
    assert cd_register.cd_doses_to_waste(nurse, "3B", "Oramorph", "mg").doses == []


def test_the_destruction_is_witnessed_by_a_clinicians_pin(refused):
    nurse, dose, _ = refused
    with pytest.raises(ServiceError, match="wrong PIN"):
        cd_register.cd_waste(nurse, dose.record_id, 5, witness=("doctor", "9999"))
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20.0


def test_doses_given_and_not_given_are_offered_latest_first(refused):
    nurse, dose, morphine = refused
    given = medication.record_dose(nurse, morphine, {"outcome": "given", "given_at": "2026-11-28T09:00+01:00",
                                                     "dose_given": 5.0, "route": "SC", "given_for": "pain 7/10"},
                                   witness=WITNESS)
    offered = cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg").doses
    assert [line.record_id for line in offered] == [dose.record_id, given.record_id]



def test_cd_wastage_lists_the_dose_drawn_up_and_records_its_destruction(refused, db_path, capsys):
    import json

    from downtime.cli import main

    _, dose, _ = refused
    command = ["cd", "wastage", "--ward", "3B", "--drug", "Morphine", "--unit", "mg", "--db", str(db_path),
               "--user", "nurse", "--pin", "1111"]
    assert main([*command, "--json"]) == 0
    assert [(row["record_id"], row["quantity"], row["drawn_up"]) for row in map(
        json.loads, capsys.readouterr().out.splitlines())] == [(dose.record_id, 5.0, "Drawn up, not given (refused)")]
    assert main([*command, "--dose", dose.record_id, "--quantity", "5", "--witness-user", "doctor",
                 "--witness-pin", "2222"]) == 0
    assert "balance 15 mg" in capsys.readouterr().out
    assert main([*command, "--dose", dose.record_id, "--quantity", "5", "--witness-user", "doctor",
                 "--witness-pin", "2222"]) == 1
    assert "recorded discarded already, 5 mg on" in capsys.readouterr().err
