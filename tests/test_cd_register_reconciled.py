"""The controlled-drug register against the cupboard's counts: a dose given before a count, or
withdrawn after a count found its ampoule, is written on the page and reconciled, never taken
from (or given back to) a balance the count already set."""

import re

import pytest
from pypdf import PdfReader

from downtime.services import cd_register, medication, printing
from downtime.services.errors import ServiceError

WITNESS = ("doctor", "2222")
NIGHT_DOSE = "2026-11-29T02:30+01:00"


def _morphine(at, **more):
    return {"outcome": "given", "given_at": at, "dose_given": 5.0, "route": "SC", "given_for": "pain 7/10", **more}


def _night_dose_typed_in(nurse, morphine, clock):
    """The day nurse types in, at 07:20 on 29/11, the 5 mg the night nurse gave at 02:30 on paper."""
    clock.now = clock.now.replace(day=29, hour=7, minute=20)
    return medication.record_dose(nurse, morphine, _morphine(NIGHT_DOSE, given_by="night", transcribed=True),
                                  witness=("doctor", ""))


def _page(nurse):
    return cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")


def _counted(nurse, clock, counted, **reported):
    clock.now = clock.now.replace(day=29, hour=7, minute=0)
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", counted, witness=WITNESS, **reported)


def test_the_last_ampoule_given_before_the_opening_count_is_charted_and_reconciled(night, session_for, clock):
    """The night's last 5 mg given at 02:30 on paper, the register opened at 07:00 with the
    cupboard's 0 mg: the dose was refused ("record the stock received first"), the MAR without
    it. Now charted, its line and its reconciliation, witnessed on paper as the dose was."""
    patient, _, morphine = night
    nurse = session_for("nurse")
    _counted(nurse, clock, 0)
    dose = _night_dose_typed_in(nurse, morphine, clock)
    assert len(medication.administrations(nurse.db, patient)) == 1
    assert [(line.kind, line.change, line.balance) for line in _page(nurse)] == [
        ("opening", 0.0, 0.0), ("reconciled", 5.0, 5.0), ("administration", -5.0, 0.0)]
    reconciled = _page(nurse)[1]
    assert reconciled.record_id == dose.record_id and reconciled.witness == "doctor" and reconciled.on_paper
    assert reconciled.counted_at == clock.now.replace(minute=0)
    assert _page(nurse)[2].when_texts(nurse.clock().tzinfo) == ("29/11/2026 02:30", "07:20")  # still dated by its giving


def test_a_dose_given_before_the_handover_count_is_not_taken_twice(night, session_for, clock):
    """20 mg received; 5 mg given at 02:30 on paper; the 07:00 count finds 15 mg, a discrepancy
    reported; the dose typed in at 07:20 left the register at 10 mg for a cupboard of 15."""
    _, _, morphine = night
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    _counted(nurse, clock, 15, discrepancy_note="Sr Dubois told")
    _night_dose_typed_in(nurse, morphine, clock)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    assert [line.kind for line in _page(nurse)] == ["receipt", "discrepancy", "reconciled", "administration"]


def test_a_dose_given_before_the_opening_count_is_not_taken_again(night, session_for, clock):
    _, _, morphine = night
    nurse = session_for("nurse")
    _counted(nurse, clock, 15)
    _night_dose_typed_in(nurse, morphine, clock)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15


def test_a_dose_given_after_the_latest_count_is_still_refused_when_short(night, session_for, clock):
    """The count at 02:00 found 0 mg: a dose given at 02:30 came from no stock this page holds,
    and the nurse is not told to write a receipt to chart it."""
    _, _, morphine = night
    nurse = session_for("nurse")
    clock.now = clock.now.replace(day=29, hour=2, minute=0)
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 0, witness=WITNESS)
    with pytest.raises(ServiceError, match="holds 0 mg of Morphine; 5 mg cannot be given from it") as refused:
        _night_dose_typed_in(nurse, morphine, clock)
    assert "received" not in str(refused.value) and "count the cupboard" in str(refused.value)
    assert [line.kind for line in _page(nurse)] == ["opening"]


def test_a_dose_charted_by_mistake_withdrawn_after_the_count_found_its_ampoule(medication_ward, session_for, clock):
    """10:00 5 mg charted for this patient by mistake, never given; 12:00 the count finds 20 mg for
    15 on the register (+5, reported); 14:00 the dose withdrawn gave 5 back: 25 for 20."""
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    clock.now = clock.now.replace(hour=9)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    clock.now = clock.now.replace(hour=10)
    dose = medication.record_dose(nurse, morphine, _morphine("2026-11-28T10:00+01:00"), witness=WITNESS)
    clock.now = clock.now.replace(hour=12)
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS, discrepancy_note="Sr Dubois told")
    clock.now = clock.now.replace(hour=14)
    medication.withdraw_dose(nurse, dose.record_id, "charted for the wrong patient, never given", witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20
    assert [(line.kind, line.change) for line in _page(nurse)][-3:] == [
        ("discrepancy", 5.0), ("withdrawal", 5.0), ("reconciled", -5.0)]
    assert not _page(nurse)[-1].on_paper  # witnessed here with a PIN
    assert _page(nurse)[-1].counted_at == clock.now.replace(hour=12)
    assert cd_register.taken_from_register(nurse.db, dose.record_id) is None


def test_a_reconciled_dose_withdrawn_changes_nothing(night, session_for, clock):
    """The 02:30 dose charted after the 07:00 count was on the wrong patient's chart: withdrawn, its
    quantity given back went 5 mg above a cupboard that never held it again."""
    _, _, morphine = night
    nurse = session_for("nurse")
    _counted(nurse, clock, 15)
    dose = _night_dose_typed_in(nurse, morphine, clock)
    clock.now = clock.now.replace(hour=9)
    medication.withdraw_dose(nurse, dose.record_id, "wrong patient", witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    assert [(line.kind, line.change) for line in _page(nurse)][-2:] == [("withdrawal", 5.0), ("reconciled", -5.0)]
    assert cd_register.taken_from_register(nurse.db, dose.record_id) is None


def test_a_dose_withdrawn_with_no_count_since_is_given_back(medication_ward, session_for, clock):
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    clock.now = clock.now.replace(hour=9)
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    clock.now = clock.now.replace(hour=10)
    dose = medication.record_dose(nurse, morphine, _morphine("2026-11-28T10:00+01:00"), witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    medication.withdraw_dose(nurse, dose.record_id, "wrong patient", witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20
    assert [line.kind for line in _page(nurse)] == ["opening", "administration", "withdrawal"]


@pytest.mark.parametrize("lang, said", [
    ("en", "Reconciled: the count of 29/11/2026 07:00 already reflected the dose of 29/11/2026 02:30"),
    ("fr", "Régularisation : le comptage du 29/11/2026 07:00 tenait déjà compte de la dose du 29/11/2026 02:30")])
def test_the_printed_page_says_what_a_reconciliation_is(night, session_for, clock, tmp_path, lang, said):
    _, _, morphine = night
    _counted(session_for("nurse"), clock, 0)
    nurse = session_for("nurse", lang)
    _night_dose_typed_in(nurse, morphine, clock)
    out = printing.print_cd_page(nurse, "3B", "Morphine", "mg", tmp_path / "page.pdf")
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(out).pages))
    assert said in text


def test_a_dose_withdrawn_after_a_count_that_matched_is_given_back_as_any(night, session_for, clock):
    """The 02:30 dose typed in at 07:20 (taken: no count yet), the 12:00 count finds the cupboard
    as the register (15 mg: the ampoule was given), the dose withdrawn at 14:00 as the wrong
    patient's and recorded again for the right one: given back, then taken, the register is what
    the count found. A count that matched is no reason to reconcile (the ampoule was out as the
    register said)."""
    _, _, morphine = night
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    dose = _night_dose_typed_in(nurse, morphine, clock)
    clock.now = clock.now.replace(hour=12, minute=0)
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 15, witness=WITNESS)
    clock.now = clock.now.replace(hour=14)
    medication.withdraw_dose(nurse, dose.record_id, "wrong patient", witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20
    assert [line.kind for line in _page(nurse)] == ["receipt", "administration", "count", "withdrawal"]


def test_a_dose_charted_late_on_the_laptop_after_a_count_is_not_taken_twice(night, session_for, clock):
    """The 06:30 dose, witnessed there and then, charted on the laptop at 07:20 after the 07:00
    handover count found its ampoule gone (a discrepancy reported): taken again, the register
    went 5 mg below the cupboard. Charted here with its witness's PIN, it is reconciled as a
    paper dose is."""
    _, _, morphine = night
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    _counted(nurse, clock, 15, discrepancy_note="Sr Dubois told")
    clock.now = clock.now.replace(minute=20)
    medication.record_dose(nurse, morphine, _morphine("2026-11-29T06:30+01:00"), witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    assert [line.kind for line in _page(nurse)] == ["receipt", "discrepancy", "reconciled", "administration"]
