"""A line of the controlled-drug register written in error (a receipt on the wrong page, a
wastage that never happened) marked entered in error, with its reason and a witness, as the paper
register's line is bracketed and signed: the line stays, struck, and a line under it gives its
quantity back. The only way back was a count written as a DISCREPANCY to report, when nothing
went missing."""

from __future__ import annotations

import csv
import json

import pytest

from downtime.cli import main
from downtime.services import cd_register, medication, printing
from downtime.services.errors import ServiceError
from downtime.sync.cd_register_csv import ENCODING, PATH
from downtime.sync.export import export
from tests.pdf_text import pdf_text

WITNESS = ("doctor", "2222")
TEN = ("Morphine 10 mg/ml injection", "mg")


@pytest.fixture
def wrong_page(session_for, medication_ward):
    """100 mg on the 10 mg/ml page, then 300 mg of 30 mg/ml ampoules received on it by mistake;
    the nurse and the wrong line's id."""
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", *TEN, 100, witness=WITNESS)
    cd_register.cd_receive(nurse, "3B", *TEN, 300, witness=WITNESS, note="delivery 4411")
    return nurse, cd_register.cd_lines(nurse.db, nurse.forms, "3B", *TEN)[-1].line_id


def _audit_after(db, seq: int) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in db.execute("SELECT actor, action FROM audit WHERE seq > ? ORDER BY seq", [seq])]


def test_a_receipt_on_the_wrong_page_is_marked_entered_in_error_without_a_discrepancy(wrong_page):
    nurse, line_id = wrong_page
    before = nurse.db.execute("SELECT MAX(seq) FROM audit").fetchone()[0]
    assert cd_register.cd_strike(nurse, line_id, "30 mg/ml ampoules, received on the wrong page", WITNESS) == 100.0
    lines = cd_register.cd_lines(nurse.db, nurse.forms, "3B", *TEN)
    assert [(line.kind, line.change, line.balance, line.struck) for line in lines] == [
        ("receipt", 100.0, 100.0, None),
        ("receipt", 300.0, 400.0, "30 mg/ml ampoules, received on the wrong page"),
        ("struck", -300.0, 100.0, None)]
    assert lines[2].strikes == lines[1] and lines[2].note == "30 mg/ml ampoules, received on the wrong page"
    assert _audit_after(nurse.db, before) == [("nurse", "cd.struck"), ("doctor", "witness.confirm")]
    assert not cd_register.cd_count_check(nurse.db, "3B", *TEN, 100).discrepancy
    assert [line.line_id for line in cd_register.cd_lines_to_strike(nurse.db, nurse.forms, "3B", *TEN)] == [
        lines[0].line_id]


def test_a_line_is_marked_once_and_a_doses_line_never(wrong_page, medication_ward):
    nurse, line_id = wrong_page
    with pytest.raises(ServiceError, match="say why the line was entered in error"):
        cd_register.cd_strike(nurse, line_id, "  ", WITNESS)
    cd_register.cd_strike(nurse, line_id, "wrong page", WITNESS)
    with pytest.raises(ServiceError, match="marked entered in error already"):
        cd_register.cd_strike(nurse, line_id, "wrong page", WITNESS)
    struck = cd_register.cd_lines(nurse.db, nurse.forms, "3B", *TEN)[-1]
    with pytest.raises(ServiceError, match="never struck out"):
        cd_register.cd_strike(nurse, str(struck.line_id), "again", WITNESS)
    with pytest.raises(ServiceError, match="no line 'nope'"):
        cd_register.cd_strike(nurse, "nope", "wrong", WITNESS)
    dose = medication.record_dose(nurse, medication_ward[2], {
        "outcome": "given", "given_at": "2026-11-28T13:30+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 7/10"}, witness=WITNESS, register_page=TEN[0])
    given = next(line for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", *TEN)
                 if line.record_id == dose.record_id)
    with pytest.raises(ServiceError, match="a dose's line is withdrawn with its dose"):
        cd_register.cd_strike(nurse, str(given.line_id), "wrong", WITNESS)


def test_a_line_whose_quantity_left_the_cupboard_since_is_not_given_back_below_zero(session_for, medication_ward):
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 10, witness=WITNESS)
    wrong = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1].line_id
    medication.record_dose(nurse, medication_ward[2], {
        "outcome": "given", "given_at": "2026-11-28T13:30+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 7/10"}, witness=WITNESS)
    with pytest.raises(ServiceError, match="would leave it below zero"):
        cd_register.cd_strike(nurse, wrong, "wrong page", WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 5.0


def _dose_from_fifty(session_for, medication_ward):
    """50 mg of morphine received, and 5 mg of it given SC at 13:30: (nurse, the dose, the order)."""
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 50, witness=WITNESS)
    dose = medication.record_dose(nurse, morphine, {
        "outcome": "given", "given_at": "2026-11-28T13:30+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 7/10"}, witness=WITNESS)
    return nurse, dose, morphine


def test_a_wastage_against_a_dose_charted_by_mistake_is_withdrawn_with_it(session_for, medication_ward):
    """The dose was never given, its ampoule unopened: withdrawn, the register gave back the dose
    and kept the 5 mg "wasted", and a second wastage was refused; the cupboard's count of 50 was a
    discrepancy to report."""
    nurse, dose, morphine = _dose_from_fifty(session_for, medication_ward)
    cd_register.cd_waste(nurse, dose.record_id, 5.0, witness=WITNESS)
    medication.withdraw_dose(nurse, dose.record_id, "charted on the wrong chart, never given", witness=WITNESS)
    wasted = next(line for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")
                  if line.kind == "wastage")
    assert cd_register.cd_strike(nurse, str(wasted.line_id), "the dose was never given", WITNESS) == 50.0
    assert not cd_register.cd_count_check(nurse.db, "3B", "Morphine", "mg", 50).discrepancy


def test_a_wastage_of_the_wrong_quantity_struck_is_recorded_again(session_for, medication_ward):
    nurse, dose, morphine = _dose_from_fifty(session_for, medication_ward)
    cd_register.cd_waste(nurse, dose.record_id, 15.0, witness=WITNESS)
    wasted = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    cd_register.cd_strike(nurse, str(wasted.line_id), "15 typed for 5", WITNESS)
    assert cd_register.cd_waste(nurse, dose.record_id, 5.0, witness=WITNESS) == 40.0


def test_a_count_struck_is_no_count_a_late_dose_was_already_out_of(session_for, medication_ward, clock):
    """A count of the wrong page marked entered in error found no cupboard: a dose given before
    it is taken from the register when charted, not reconciled as already counted gone."""
    from datetime import datetime

    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 15, witness=WITNESS, discrepancy_note="told Sr Dubois")
    count = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    assert cd_register.counted_since(nurse.db, "3B", "Morphine", "mg", datetime.fromisoformat("2026-11-28T13:00+01:00"))
    cd_register.cd_strike(nurse, str(count.line_id), "counted the oral solution's shelf", WITNESS)
    assert not cd_register.counted_since(nurse.db, "3B", "Morphine", "mg",
                                         datetime.fromisoformat("2026-11-28T13:00+01:00"))
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20.0


def test_the_printed_page_and_the_export_keep_the_line_marked_entered_in_error(wrong_page, session_for, tmp_path):
    nurse, line_id = wrong_page
    cd_register.cd_strike(nurse, line_id, "wrong page", WITNESS)
    text = pdf_text(printing.print_cd_page(nurse, "3B", *TEN, tmp_path / "page.pdf"))
    assert "Received — ENTERED IN ERROR: wrong page" in " ".join(text.split())
    assert "ENTERED IN ERROR: the line of 28/11/2026 14:00 struck out" in " ".join(text.split())
    french = pdf_text(printing.print_cd_page(session_for("nurse", "fr"), "3B", *TEN, tmp_path / "page-fr.pdf"))
    assert "SAISIE PAR ERREUR : la ligne du 28/11/2026 14:00 est barrée" in " ".join(french.split())
    folder = export(session_for("records"), tmp_path / "export").folder
    with (folder / PATH).open(encoding=ENCODING, newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert [(line["kind"], line["change"], line["balance"], line["struck_line_id"], line["note"])
            for line in lines[1:]] == [("receipt", "300", "400", "", "delivery 4411"),
                                       ("struck", "-300", "100", line_id, "wrong page")]


def test_cd_strike_from_the_command_line(wrong_page, db_path, capsys):
    nurse, line_id = wrong_page
    person = ["--db", str(db_path), "--user", "nurse", "--pin", "1111"]
    stock = ["--ward", "3B", "--drug", TEN[0], "--unit", TEN[1]]
    capsys.readouterr()
    assert main(["cd", "strike", *stock, "--json", *person]) == 0
    assert [json.loads(line)["line_id"] for line in capsys.readouterr().out.splitlines()][0] == line_id
    witness = ["--witness-user", "doctor", "--witness-pin", "2222"]
    assert main(["cd", "strike", *stock, "--line", line_id, *witness, *person]) == 1
    assert capsys.readouterr().err == "downtime: --note: why the line was entered in error\n"
    assert main(["cd", "strike", *stock, "--line", line_id, "--note", "wrong page", *witness, *person]) == 0
    assert capsys.readouterr().out == "Morphine 10 mg/ml injection on ward 3B: balance 100 mg\n"
    assert cd_register.cd_lines(nurse.db, nurse.forms, "3B", *TEN)[1].struck == "wrong page"


def _late_dose_reconciled_against_a_count(session_for, morphine):
    """20 mg received; a count of the wrong shelf finds 15 (a discrepancy of 5, reported); the
    13:30 dose of 5 mg, given before it, charted after it, reconciled as already counted gone."""
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 15, witness=WITNESS, discrepancy_note="told Sr Dubois")
    count = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    medication.record_dose(nurse, morphine, {
        "outcome": "given", "given_at": "2026-11-28T13:30+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 7/10"}, witness=WITNESS)
    return nurse, count


def test_a_count_a_late_doses_reconciliation_relies_on_is_not_struck_but_counted_again(session_for, medication_ward):
    """Struck, the count gave its 5 mg back and the dose's reconciliation (+5) stayed: the
    register read 20 mg with 15 in the cupboard, and the next count was a discrepancy of 5 mg of
    morphine that never went missing. The strike is refused, the nurse told to count again."""
    nurse, count = _late_dose_reconciled_against_a_count(session_for, medication_ward[2])
    with pytest.raises(ServiceError) as refused:
        cd_register.cd_strike(nurse, str(count.line_id), "counted the oral solution's shelf", WITNESS)
    assert refused.value.text("en") == (
        "Controlled-drug register: doses charted after this count were reconciled against it, as already out of "
        "the cupboard it found: marked entered in error, the register would be wrong by them. Count the cupboard "
        "again with a witness (Cupboard count) and say in its note why this count was wrong.")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15.0
    assert not cd_register.cd_count_check(nurse.db, "3B", "Morphine", "mg", 15).discrepancy


def test_a_count_a_withdrawn_doses_reconciliation_relies_on_is_not_struck(session_for, medication_ward):
    """The dose charted, then a count that found its ampoule gone, then the dose withdrawn: its
    quantity given back is reconciled (-5) against that count, which, struck, left it standing."""
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    dose = medication.record_dose(nurse, medication_ward[2], {
        "outcome": "given", "given_at": "2026-11-28T13:30+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 7/10"}, witness=WITNESS)
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 12, witness=WITNESS, discrepancy_note="told Sr Dubois")
    count = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    medication.withdraw_dose(nurse, dose.record_id, "charted on the wrong chart", witness=WITNESS)
    with pytest.raises(ServiceError, match="reconciled against it"):
        cd_register.cd_strike(nurse, str(count.line_id), "counted the oral solution's shelf", WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 12.0


def test_a_count_no_reconciliation_relies_on_is_struck_though_one_relies_on_another(session_for, medication_ward):
    """A second count after the first, a dose charted late reconciled against the first: the
    second, a count of the wrong shelf, is no count the dose relies on, and is struck."""
    nurse, _ = _late_dose_reconciled_against_a_count(session_for, medication_ward[2])
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 12, witness=WITNESS, discrepancy_note="told Sr Dubois")
    second = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    assert cd_register.cd_strike(nurse, str(second.line_id), "counted the oral solution's shelf", WITNESS) == 15.0
