"""What was left of a dose's ampoule, discarded at the dose before a count written since (given
on paper in the night, its wastage typed in after the morning count): the count already found it
gone, so its wastage is written on the page and reconciled, never taken from the balance again."""

import pytest

from downtime.services import cd_register, medication

WITNESS = ("doctor", "2222")
NIGHT = "2026-11-29T02:30+01:00"


def _stock(nurse, clock, received, counted):
    """`received` mg in the cupboard on 28/11, counted at 07:00 on 29/11 (a discrepancy reported)."""
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", received, witness=WITNESS)
    clock.now = clock.now.replace(day=29, hour=7, minute=0)
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", counted, witness=WITNESS, discrepancy_note="Sr Dubois told")


def _night_dose(nurse, morphine, clock, **outcome):
    """The 02:30 dose typed in at 07:20 by the day nurse from the night's paper chart."""
    clock.now = clock.now.replace(day=29, hour=7, minute=20)
    values = outcome or {"outcome": "given", "dose_given": 5.0, "route": "SC", "given_for": "pain 7/10"}
    return medication.record_dose(nurse, morphine, {**values, "given_at": NIGHT, "given_by": "night",
                                                    "transcribed": True}, witness=("doctor", ""))


def _page(nurse):
    return [(line.kind, line.change) for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")]


@pytest.mark.parametrize("received, counted", [(20, 10), (10, 0)])
def test_the_wastage_of_a_night_dose_typed_in_after_the_count_is_reconciled(night, session_for, clock,
                                                                             received, counted):
    """5 mg of a 10 mg ampoule given at 02:30, the other 5 mg discarded; the 07:00 count found the
    whole ampoule gone. Its wastage typed in at 07:25 was taken again (or refused below zero, the
    last ampoule): the register 5 mg below the cupboard."""
    _, _, morphine = night
    nurse = session_for("nurse")
    _stock(nurse, clock, received, counted)
    dose = _night_dose(nurse, morphine, clock)
    clock.now = clock.now.replace(minute=25)
    assert cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS) == counted
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == counted
    assert _page(nurse) == [("receipt", received), ("discrepancy", -10.0), ("reconciled", 5.0),
                            ("administration", -5.0), ("reconciled", 5.0), ("wastage", -5.0)]
    reconciled, wastage = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-2:]
    assert reconciled.record_id == wastage.record_id == dose.record_id
    assert reconciled.witness == wastage.witness == "doctor"
    assert not reconciled.on_paper and not wastage.on_paper  # witnessed here with a PIN, as the wastage is
    assert reconciled.counted_at == clock.now.replace(minute=0)


def test_the_wastage_of_a_dose_given_after_the_count_is_taken(night, session_for, clock):
    """The night's wastage reconciled, the 08:00 dose and its wastage come from the cupboard the
    count found: 10 mg, then nothing left."""
    _, _, morphine = night
    nurse = session_for("nurse")
    _stock(nurse, clock, 20, 10)
    night_dose = _night_dose(nurse, morphine, clock)
    cd_register.cd_waste(nurse, night_dose.record_id, 5, witness=WITNESS)
    clock.now = clock.now.replace(hour=8, minute=5)
    dose = medication.record_dose(nurse, morphine, {"outcome": "given", "given_at": "2026-11-29T08:00+01:00",
                                                    "dose_given": 5.0, "route": "SC", "given_for": "pain 6/10"},
                                  witness=WITNESS)
    assert cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS) == 0
    assert _page(nurse)[-2:] == [("administration", -5.0), ("wastage", -5.0)]


@pytest.mark.parametrize("received, counted", [(20, 15), (5, 0)])
def test_a_dose_drawn_up_in_the_night_and_refused_is_reconciled_when_destroyed_after_the_count(
        night, session_for, clock, received, counted):
    """5 mg drawn up at 02:30, refused and destroyed on paper; the 07:00 count found it gone."""
    _, _, morphine = night
    nurse = session_for("nurse")
    _stock(nurse, clock, received, counted)
    dose = _night_dose(nurse, morphine, clock, outcome="not_given", not_given_reason="refused")
    assert cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS) == counted
    assert [kind for kind, _ in _page(nurse)] == ["receipt", "discrepancy", "reconciled", "wastage"]
    assert _page(nurse)[-2:] == [("reconciled", 5.0), ("wastage", -5.0)]
    assert cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1].note == (
        "Drawn up, not given (refused), destroyed: 5 mg")
