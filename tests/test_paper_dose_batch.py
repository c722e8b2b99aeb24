"""A night of doses given on the paper chart while the laptop was off, typed in at once at 07:15:
the doses due in the paper gap listed, and the rows saved together through record_dose, or none
of them."""

from dataclasses import replace
from datetime import datetime

import pytest

from downtime.domain.medication import Check, DoseState, NotGivenReason
from downtime.services import cd_register, medication
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.services.paper_doses import (
    OverridesNeeded, PaperDose, RowRefused, Stretch, gap_stretch, paper_chart, save_paper_doses,
)
from tests.paper_night import typed_at_night

LAST_WRITTEN = datetime.fromisoformat("2026-11-28T14:00+01:00")  # the laptop's last record before the night
MORNING = datetime.fromisoformat("2026-11-29T07:15+01:00")  # paper_night's clock


def _at(text: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-{text}+01:00")


def _given(order_id, slot, **more):
    at = _at(slot)
    return PaperDose(order_id, at, True, at, dose=1.0, route="PO", **more)


def _morphine(morphine, at, **more):
    return PaperDose(morphine, None, True, _at(at), dose=5.0, route="SC", given_for="pain 7/10", given_by="night",
                     **more)


def _doses(nurse, patient):
    return len(typed_at_night(nurse, patient))


def _audited(nurse):
    return nurse.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]


def test_the_doses_due_in_the_paper_gap_are_listed_with_the_as_required_orders(paper_night):
    nurse, patient, amox, morphine, paracetamol = paper_night
    stretch = gap_stretch(nurse, [patient])
    assert stretch == Stretch(LAST_WRITTEN, MORNING)
    chart = paper_chart(nurse, [patient], stretch)
    assert [(dose.order.record_id, dose.slot) for dose in chart.due] == [
        (paracetamol, _at("28T18:00")), (amox, _at("28T20:00")), (paracetamol, _at("29T00:00")),
        (paracetamol, _at("29T06:00"))]
    assert [order.record_id for order in chart.as_required] == [morphine]


def test_a_stretch_the_nurse_chooses_lists_what_is_still_unrecorded_in_it(paper_night, clock):
    """The nurse chooses 19:00 to now (06:10): the dose typed at 00:05 is not listed again, nor
    the 06:00 dose, due ten minutes ago (being given now, not typed in from paper)."""
    nurse, patient, amox, _, paracetamol = paper_night
    clock.now = _at("29T00:05")
    medication.record_dose(nurse, paracetamol, {"outcome": "given", "given_at": "2026-11-29T00:00+01:00",
                                                "scheduled_for": "2026-11-29T00:00+01:00", "dose_given": 1.0,
                                                "route": "PO"})
    clock.now = _at("29T06:10")
    chart = paper_chart(nurse, [patient], Stretch(_at("28T19:00"), clock.now))
    assert [(dose.order.record_id, dose.slot) for dose in chart.due] == [(amox, _at("28T20:00"))]
    with pytest.raises(ServiceError, match="ends at or before its start"):
        paper_chart(nurse, [patient], Stretch(clock.now, _at("28T19:00")))


def test_the_rows_are_saved_as_doses_transcribed_from_the_paper_and_the_chart_no_longer_says_check_the_paper(paper_night):
    nurse, patient, amox, morphine, paracetamol = paper_night
    saved = save_paper_doses(nurse, {
        1: _given(paracetamol, "28T18:00", given_by="night"),
        2: PaperDose(amox, _at("28T20:00"), False, _at("28T20:00"), reason="refused"),
        3: _given(paracetamol, "29T00:00", given_by="NIGHT"),
        4: _given(paracetamol, "29T06:00"),
        5: _morphine(morphine, "29T02:30", witness="doctor")})
    assert len(saved) == 5 and all(record.data["transcribed"] for record in saved)
    doses = {(dose.order_id, dose.scheduled_for): dose for dose in typed_at_night(nurse, patient)}
    night_one = doses[paracetamol, _at("29T00:00")]
    assert (night_one.given_by, night_one.on_paper, night_one.at) == ("night", True, _at("29T00:00"))
    assert doses[paracetamol, _at("29T06:00")].given_by == "nurse"  # the day nurse typing it gave it herself
    assert doses[amox, _at("28T20:00")].reason.value == "refused"
    given_for_pain = doses[morphine, None]
    assert (given_for_pain.given_by, given_for_pain.witness, given_for_pain.given_for) == ("night", "doctor", "pain 7/10")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    cells = [cell for row in medication.mar_grid(nurse.db, patient, _at("28T00:00").date(), 2, MORNING)
             for cell in row.cells]
    assert not any(cell.state is DoseState.CHECK_PAPER for cell in cells)
    assert paper_chart(nurse, [patient], Stretch(LAST_WRITTEN, MORNING)).due == ()


def test_a_row_refused_saves_none_of_the_rows_and_names_the_row(paper_night):
    """Row 7 (the morphine at 02:30, its witness not named) is refused after the rows given
    before it were written inside the batch (record_dose's own transaction is a savepoint of the
    batch's): none of them is left, nor their audit entries, nor the register's line."""
    nurse, patient, _, morphine, paracetamol = paper_night
    before = _audited(nurse)
    rows = {1: _given(paracetamol, "28T18:00"), 3: _given(paracetamol, "29T00:00"),
            4: _morphine(morphine, "29T01:00", witness="doctor"), 7: _morphine(morphine, "29T05:30"),
            8: _given(paracetamol, "29T06:00")}
    with pytest.raises(RowRefused) as refused:
        save_paper_doses(nurse, rows)
    assert refused.value.row == 7
    assert refused.value.text("en") == (
        "Row 7, Morphine 5 mg SC 05:30: Controlled drug: name the witness who signed the paper chart.")
    assert _doses(nurse, patient) == 0 and _audited(nurse) == before
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20
    assert nurse.db.execute("SELECT COUNT(*) FROM cd_register WHERE kind = 'administration'").fetchone()[0] == 0


def test_a_row_refused_on_a_field_keeps_that_field_for_the_screen(paper_night):
    nurse, patient, _, _, paracetamol = paper_night
    with pytest.raises(RowRefused) as refused:
        save_paper_doses(nurse, {2: _given(paracetamol, "29T00:00", given_by="nobody")})
    assert isinstance(refused.value.problem, ValidationFailed)
    assert refused.value.problem.errors[0].path == "given_by"
    assert refused.value.text("en").startswith("Row 2, Paracetamol 1 g PO 00:00: Given by (if not you): ")
    assert _doses(nurse, patient) == 0


def test_warnings_come_back_by_row_and_nothing_is_saved_until_each_has_its_reason(paper_night):
    """The amoxicillin (a penicillin allergy) and a second morphine an hour after the first (a
    row judged against the rows given before it in the batch) each ask a reason; the rows
    without warnings are not saved meanwhile."""
    nurse, patient, amox, morphine, paracetamol = paper_night
    before = _audited(nurse)
    rows = {1: _given(paracetamol, "28T18:00"), 2: PaperDose(amox, _at("28T20:00"), True, _at("28T20:00"), dose=1.0,
                                                              route="IV"),
            3: _morphine(morphine, "29T01:00", witness="doctor"), 4: _morphine(morphine, "29T02:00", witness="doctor")}
    with pytest.raises(OverridesNeeded) as needed:
        save_paper_doses(nurse, rows)
    assert sorted(needed.value.warnings) == [2, 4]
    assert [w.check for w in needed.value.warnings[2]] == [Check.ALLERGY]
    assert Check.PRN_INTERVAL in [w.check for w in needed.value.warnings[4]]
    assert _doses(nurse, patient) == 0 and _audited(nurse) == before
    answered = {number: replace(row, overrides={w.message: "on the paper, prescriber told"
                                                for w in needed.value.warnings.get(number, [])})
                for number, row in rows.items()}
    assert len(save_paper_doses(nurse, answered)) == 4
    (amoxicillin,) = [dose for dose in typed_at_night(nurse, patient) if dose.order_id == amox]
    assert amoxicillin.overrides == (("allergy", "on the paper, prescriber told"),)


def test_a_row_the_paper_says_nil_by_mouth_of_an_iv_order_asks_a_reason_and_is_saved_as_the_paper_says(paper_night):
    """The paper chart shows the 20:00 amoxicillin IV circled F (nil by mouth): the row was refused,
    the transcriber told to give a dose of 11 hours before, or to record it held, which the paper
    does not say. It asks a reason, as a warning, and is saved as the paper says; the dose was
    missed all the same, which the warning says."""
    nurse, patient, amox, _, _ = paper_night
    row = PaperDose(amox, _at("28T20:00"), False, _at("28T20:00"), reason="nil_by_mouth")
    with pytest.raises(OverridesNeeded) as needed:
        save_paper_doses(nurse, {2: row})
    (warning,) = needed.value.warnings[2]
    assert (warning.check, warning.text("en")) == (Check.ROUTE_MISMATCH, (
        "The paper chart says nil by mouth, but Amoxicillin is given IV: nil by mouth does not stop it, so this dose "
        "was missed. Record it as the paper says, with a reason, and tell the prescriber."))
    assert _doses(nurse, patient) == 0
    save_paper_doses(nurse, {2: replace(row, overrides={warning.message: "As on the paper chart"})})
    (dose,) = typed_at_night(nurse, patient)
    assert (dose.reason, dose.on_paper, dose.overrides) == (
        NotGivenReason.NIL_BY_MOUTH, True, (("route_mismatch", "As on the paper chart"),))
