"""A wastage typed in after a count that already found it gone is written with its
reconciliation (see test_cd_wastage_after_a_count): marked entered in error, it takes that
reconciliation with it, or the register stays above the cupboard by it and a later loss hides."""

from downtime.services import cd_register
from tests.test_cd_wastage_after_a_count import WITNESS, _night_dose, _page, _stock


def test_a_reconciled_wastage_struck_takes_its_reconciliation_with_it(night, session_for, clock):
    _, _, morphine = night
    nurse = session_for("nurse")
    _stock(nurse, clock, 20, 10)
    dose = _night_dose(nurse, morphine, clock)
    clock.now = clock.now.replace(minute=25)
    cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS)
    reconciled, wastage = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-2:]
    clock.now = clock.now.replace(minute=30)
    assert cd_register.cd_strike(nurse, str(wastage.line_id), "typed against the wrong dose", WITNESS) == 10
    lines = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")
    assert [(line.kind, line.change, line.struck) for line in lines[-4:]] == [
        ("reconciled", 5.0, "typed against the wrong dose"), ("wastage", -5.0, "typed against the wrong dose"),
        ("struck", 5.0, None), ("struck", -5.0, None)]
    assert {line.strikes.line_id for line in lines[-2:]} == {reconciled.line_id, wastage.line_id}
    clock.now = clock.now.replace(minute=35)
    assert cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS) == 10
    assert _page(nurse)[-2:] == [("reconciled", 5.0), ("wastage", -5.0)]
