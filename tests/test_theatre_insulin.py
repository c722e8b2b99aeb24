"""A patient on insulin on the theatre list (R2 #6): the insulins the medication chart has in force
said on the day list, the board's tooltip, the printed list and `downtime theatre list`, as an
anticoagulant is, and "put first on the list" when another patient's operation comes before
theirs in the theatre that day, as a latex allergy is (CPOC/JBDS-IP: a patient on insulin first
on a morning list, the fast short)."""

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt

from downtime.services import printing, records, theatre
from tests import test_theatre_review as review
from tests.pdf_text import pdf_text
from tests.test_theatre_review5 import MONDAY, _booking, _line, _session

GLARGINE = {"drug": "Insulin glargine", "dose": 18.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
            "times": "22:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": True,
            "time_critical": True}

ward = review.ward  # the earlier review's ward of patients by bed


@pytest.fixture
def on_insulin_last(session_for, ward):
    """Abel on nothing at 08:00 on Monday's T1 list, Zola on insulin glargine at 11:30. Returns
    (coordinator, Abel's booking, Zola's)."""
    coord, abel, zola = session_for("coord"), ward(1), ward(2, used_name="Zola")
    records.save_new(session_for("doctor"), "medication_order", GLARGINE, patient_id=zola)
    t1 = _session(coord)
    first = theatre.book(coord, abel, _booking(t1, "08:00")).record_id
    last = theatre.book(coord, zola, _booking(t1, "11:30", surgeon="Dr Other", procedure="Appendicectomy",
                                              side="not_applicable")).record_id
    return coord, first, last


def test_the_day_list_says_a_patient_on_insulin_and_to_put_them_first(on_insulin_last):
    coord, first, last = on_insulin_last
    zola, abel = _line(coord, last), _line(coord, first)
    assert (zola.insulins, zola.insulin_not_first) == (("Insulin glargine",), True)
    assert (abel.insulins, abel.insulin_not_first) == ((), False)
    assert theatre.insulin_said(zola, "en") == ["ON INSULIN: Insulin glargine"]
    assert "ON INSULIN: put first on the list" in theatre.board_status(zola, "en", coord.clock())
    assert "INSULIN" not in theatre.board_status(abel, "en", coord.clock())


def test_a_patient_on_insulin_first_is_not_asked_to_move(session_for, ward):
    coord, zola = session_for("coord"), ward(2, used_name="Zola")
    records.save_new(session_for("doctor"), "medication_order", GLARGINE, patient_id=zola)
    line = _line(coord, theatre.book(coord, zola, _booking(_session(coord), "08:00")).record_id)
    assert line.insulins == ("Insulin glargine",) and not line.insulin_not_first
    assert "put first" not in theatre.board_status(line, "en", coord.clock())


def test_the_printed_list_says_on_insulin_and_put_first(on_insulin_last, tmp_path):
    coord, _, _ = on_insulin_last
    text = pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf"))
    assert "ON INSULIN: Insulin glargine" in text
    assert "ON INSULIN, not first in this theatre today: put first on the list" in text


def test_the_command_line_list_says_on_insulin(on_insulin_last, db_path, capsys):
    from downtime.cli import main

    command = ["theatre", "list", "--date", MONDAY, "--db", str(db_path), "--user", "coord", "--pin", "3333"]
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "ON INSULIN: Insulin glargine" in out and "ON INSULIN: put first on the list" in out
    assert main([*command, "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["insulins"], line["insulin_not_first"]) for line in lines] == [
        ([], False), (["Insulin glargine"], True)]


def test_the_boards_tooltip_says_on_insulin(qtbot, on_insulin_last):
    from downtime.qt.theatre_panel import PATIENT, STATUS, DayModel

    coord, _, last = on_insulin_last
    model = DayModel(coord)
    model.set_rows([("T1", _line(coord, last))])
    tip = model.data(model.index(0, PATIENT), Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[-1] == "ON INSULIN: Insulin glargine"
    assert model.is_warning(0, STATUS)
