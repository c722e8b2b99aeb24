"""A patient on a time-critical Parkinson's medicine on the theatre list (R1 D3): co-careldopa on
the chart, booked last and fasting from midnight, was said nowhere on the list, the board or
`downtime theatre list`, where a patient on insulin is said and asked first. The medicine is
named with what is done with it through the fast, and the patient asked first on the list as
one on insulin is (Parkinson's UK "Get It On Time"; NICE NG71; perioperative Parkinson's
guidance: first on the list, doses given with sips of water, another route planned)."""

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt

from downtime.services import printing, records, theatre
from tests import test_theatre_review as review
from tests.pdf_text import pdf_text
from tests.test_theatre_insulin import GLARGINE
from tests.test_theatre_review5 import MONDAY, _booking, _line, _session
from tests.test_time_critical import LEVODOPA

CO_CARELDOPA = {**LEVODOPA, "start_at": "2026-11-28T10:00+01:00"}
SAID = ("ON A TIME-CRITICAL PARKINSON'S MEDICINE: Co-careldopa 25/100: give each dose on time through the fast, "
        "with sips of water; a dose the patient cannot swallow: plan another route")
FIRST = "ON A TIME-CRITICAL PARKINSON'S MEDICINE: put first on the list"

ward = review.ward  # the earlier review's ward of patients by bed


@pytest.fixture
def on_levodopa_last(session_for, ward):
    """Abel on nothing at 08:00 on Monday's T1 list, Parkin on co-careldopa at 11:30. Returns
    (coordinator, Abel's booking, Parkin's)."""
    coord, abel, parkin = session_for("coord"), ward(1), ward(2, used_name="Parkin")
    records.save_new(session_for("doctor"), "medication_order", CO_CARELDOPA, patient_id=parkin)
    t1 = _session(coord)
    first = theatre.book(coord, abel, _booking(t1, "08:00")).record_id
    last = theatre.book(coord, parkin, _booking(t1, "11:30", surgeon="Dr Other", procedure="Appendicectomy",
                                                side="not_applicable")).record_id
    return coord, first, last


def test_the_day_list_names_the_medicine_and_asks_the_patient_first(on_levodopa_last):
    coord, first, last = on_levodopa_last
    parkin, abel = _line(coord, last), _line(coord, first)
    assert (parkin.time_critical, parkin.insulins, parkin.insulin_not_first) == (("Co-careldopa 25/100",), (), True)
    assert (abel.time_critical, abel.insulin_not_first) == ((), False)
    assert theatre.insulin_said(parkin, "en") == [SAID]
    assert FIRST in theatre.board_status(parkin, "en", coord.clock())
    assert "PARKINSON" not in theatre.board_status(abel, "en", coord.clock())


def test_a_patient_on_levodopa_first_is_not_asked_to_move(session_for, ward):
    coord, parkin = session_for("coord"), ward(2, used_name="Parkin")
    records.save_new(session_for("doctor"), "medication_order", CO_CARELDOPA, patient_id=parkin)
    line = _line(coord, theatre.book(coord, parkin, _booking(_session(coord), "08:00")).record_id)
    assert line.time_critical == ("Co-careldopa 25/100",) and not line.insulin_not_first
    assert "put first" not in theatre.board_status(line, "en", coord.clock())


def test_levodopa_and_insulin_both_go_first_either_before_the_other(session_for, ward):
    """Parkin on co-careldopa at 08:00, Zola on insulin at 09:00, Abel on nothing at 10:00: both
    go first, and neither is asked to move for the other."""
    coord, doctor = session_for("coord"), session_for("doctor")
    parkin, zola, abel = ward(1, used_name="Parkin"), ward(2, used_name="Zola"), ward(3)
    records.save_new(doctor, "medication_order", CO_CARELDOPA, patient_id=parkin)
    records.save_new(doctor, "medication_order", GLARGINE, patient_id=zola)
    t1 = _session(coord)
    booked = [theatre.book(coord, patient, _booking(t1, f"{hour:02d}:00", surgeon=f"Dr {hour}",
                                                    procedure=f"Operation {hour}")).record_id
              for hour, patient in ((8, parkin), (9, zola), (10, abel))]
    assert [_line(coord, booking).insulin_not_first for booking in booked] == [False, False, False]


def test_a_medicine_stopped_before_the_operation_is_not_said(session_for, ward):
    coord, parkin = session_for("coord"), ward(2, used_name="Parkin")
    records.save_new(session_for("doctor"), "medication_order", {**CO_CARELDOPA, "stop_at": "2026-11-29T10:00+01:00"},
                     patient_id=parkin)
    t1 = _session(coord)
    theatre.book(coord, ward(1), _booking(t1, "08:00"))
    line = _line(coord, theatre.book(coord, parkin, _booking(t1, "11:30", surgeon="Dr Other",
                                                             procedure="Appendicectomy",
                                                             side="not_applicable")).record_id)
    assert (line.time_critical, line.insulin_not_first, theatre.insulin_said(line, "en")) == ((), False, [])


def test_each_route_is_said_as_it_goes_on_through_the_fast_and_water_never_to_one_nil_by_mouth(session_for, ward):
    """S5: the list said "with sips of water" of a patch and of a patient whose admission records
    nil by mouth; in the ward's THEATRE line's words (`theatre.parkinsons_said`), the patch is kept
    on, and the doctor asked for another route for the tablets."""
    coord, doctor, parkin = session_for("coord"), session_for("doctor"), ward(2, used_name="Parkin",
                                                                             diet=["nil_by_mouth"])
    records.save_new(doctor, "medication_order", CO_CARELDOPA, patient_id=parkin)
    records.save_new(doctor, "medication_order", {**CO_CARELDOPA, "drug": "Rotigotine 4 mg/24 h patch", "dose": 4.0,
                                                  "dose_unit": "mg", "route": "TD", "form": "patch", "times": "08:00"},
                     patient_id=parkin)
    line = _line(coord, theatre.book(coord, parkin, _booking(_session(coord), "08:00")).record_id)
    assert theatre.insulin_said(line, "en") == [(
        "ON A TIME-CRITICAL PARKINSON'S MEDICINE: Co-careldopa 25/100: ordered by mouth, but nil by mouth on admission: "
        "ask the doctor for another route now; Rotigotine 4 mg/24 h patch: keep the patch on through the fast and the "
        "operation")]
    assert line.time_critical == ("Co-careldopa 25/100", "Rotigotine 4 mg/24 h patch")


def test_the_printed_list_names_the_medicine_and_put_first(on_levodopa_last, tmp_path):
    coord, _, _ = on_levodopa_last
    text = " ".join(pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf")).split())
    assert SAID in text and FIRST in text


def test_the_command_line_list_names_the_medicine(on_levodopa_last, db_path, capsys):
    from downtime.cli import main

    command = ["theatre", "list", "--date", MONDAY, "--db", str(db_path), "--user", "coord", "--pin", "3333"]
    assert main(command) == 0
    out = capsys.readouterr().out
    assert SAID in out and FIRST in out
    assert main([*command, "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["time_critical"], line["insulin_not_first"]) for line in lines] == [
        ([], False), (["Co-careldopa 25/100"], True)]


def test_the_boards_tooltip_names_the_medicine(qtbot, on_levodopa_last):
    from downtime.qt.theatre_panel import PATIENT, STATUS, DayModel

    coord, _, last = on_levodopa_last
    model = DayModel(coord)
    model.set_rows([("T1", _line(coord, last))])
    tip = model.data(model.index(0, PATIENT), Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[-1] == SAID
    assert model.is_warning(0, STATUS)


def test_levodopa_charted_after_the_print_makes_it_out_of_date(session_for, admission_values, clock, tmp_path):
    """The list printed at 15:00 was pinned in theatre; at 15:30 the doctor charted the patient's
    co-careldopa from the GP's letter. A new print names it, the copy in theatre does not: the
    board says the list changed, as for an insulin charted after it."""
    coord = session_for("coord")
    patient = records.save_new(session_for("nurse"), "admission", admission_values).patient_id
    theatre.book(coord, patient, _booking(_session(coord), "08:00"))
    monday = date(2026, 11, 30)
    clock.advance(hours=1)  # 15:00
    printing.print_theatre_list(coord, monday, tmp_path / "list.pdf")
    clock.advance(minutes=30)
    records.save_new(session_for("doctor"), "medication_order", {**CO_CARELDOPA, "start_at": "2026-11-28T15:30+01:00"},
                     patient_id=patient)
    (changed,) = theatre.changed_since_printed(coord.db, monday, theatre.day_list(coord.db, coord.forms, monday))
    assert changed.said("en") == "CHANGED SINCE PRINTED 15:00 (T1)"
