"""A patient on insulin on the theatre list (R2 #6): the insulins the medication chart has in force
said on the day list, the board's tooltip, the printed list and `downtime theatre list`, as an
anticoagulant is, and "put first on the list" when another patient's operation comes before
theirs in the theatre that day, as a latex allergy is (CPOC/JBDS-IP: a patient on insulin first
on a morning list, the fast short)."""

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt

from downtime.domain.theatre import Lowering, lowering
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
    assert "ON INSULIN: put first on the list" in text


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


GLICLAZIDE = {**GLARGINE, "drug": "Gliclazide", "dose": 80.0, "dose_unit": "mg", "route": "PO", "times": "08:00",
              "time_critical": False, "high_alert": False}


@pytest.mark.parametrize("drug, said", [
    ("Gliclazide", "ON A SULFONYLUREA: Gliclazide (omit on the morning of surgery)"),
    ("Dapagliflozin", "ON AN SGLT2 INHIBITOR: Dapagliflozin (stop the day before surgery and on its day: ketoacidosis)"),
    ("Metformin", "ON METFORMIN: Metformin (once or twice a day: as usual; three times a day: omit the lunchtime "
                  "dose)"),
    ("Repaglinide", "ON A MEGLITINIDE: Repaglinide (omit on the morning of surgery)")])
def test_a_patient_on_another_diabetes_medicine_is_said_with_its_rule_and_put_first(session_for, ward, tmp_path,
                                                                                    drug, said):
    """A type 2 on gliclazide, booked at 11:30 behind another patient and fasting from midnight,
    was said nowhere on the list (R7 #6): her 08:00 gliclazide was given on the round."""
    coord, abel, zola = session_for("coord"), ward(1), ward(2, used_name="Zola")
    records.save_new(session_for("doctor"), "medication_order", {**GLICLAZIDE, "drug": drug}, patient_id=zola)
    t1 = _session(coord)
    first = theatre.book(coord, abel, _booking(t1, "08:00")).record_id
    last = theatre.book(coord, zola, _booking(t1, "11:30", surgeon="Dr Other", procedure="Appendicectomy",
                                              side="not_applicable")).record_id
    line = _line(coord, last)
    assert (line.insulins, line.insulin_not_first) == ((), True)
    assert theatre.insulin_said(line, "en") == [said]
    assert "ON DIABETES MEDICINES: put first on the list" in theatre.board_status(line, "en", coord.clock())
    assert theatre.insulin_said(_line(coord, first), "en") == []
    text = " ".join(pdf_text(printing.print_theatre_list(coord, date(2026, 11, 30), tmp_path / "list.pdf")).split())
    assert said in text and "ON DIABETES MEDICINES: put first on the list" in text


METFORMIN = {**GLICLAZIDE, "drug": "Metformin", "dose": 500.0, "times": "08:00 20:00"}


def test_a_patient_on_insulin_behind_one_on_metformin_alone_is_still_asked_to_go_first(session_for, ward):
    """Abel on metformin alone (taken as usual, no hypo) at 08:00, Zola fasting on insulin at
    09:00, Yves on gliclazide at 10:00, Marc on metformin at 11:00: counted alike as "goes first",
    Zola behind Abel was told nothing. Insulin goes before a sulfonylurea, and both before
    metformin alone; one behind patients of its own rank or earlier is in order."""
    coord, doctor = session_for("coord"), session_for("doctor")
    patients = {name: ward(bed, used_name=name) for bed, name in enumerate(("Abel", "Zola", "Yves", "Marc"), 1)}
    for name, order in (("Abel", METFORMIN), ("Zola", GLARGINE), ("Yves", GLICLAZIDE), ("Marc", METFORMIN)):
        records.save_new(doctor, "medication_order", order, patient_id=patients[name])
    t1 = _session(coord)
    booked = {name: theatre.book(coord, patient, _booking(t1, f"{hour:02d}:00", surgeon=f"Dr {name}",
                                                         procedure=f"Operation {name}")).record_id
              for hour, (name, patient) in enumerate(patients.items(), 8)}
    late = {name: _line(coord, booking).insulin_not_first for name, booking in booked.items()}
    assert late == {"Abel": False, "Zola": True, "Yves": True, "Marc": False}
    assert "ON INSULIN: put first on the list" in theatre.board_status(_line(coord, booked["Zola"]), "en",
                                                                       coord.clock())


@pytest.mark.parametrize("drug, parts", [
    ("Dapagliflozin/metformin 5/1000 mg", {Lowering.SGLT2, Lowering.METFORMIN}),
    ("Xigduo (dapagliflozin/metformin)", {Lowering.SGLT2, Lowering.METFORMIN}),
    ("Empagliflozin + metformin", {Lowering.SGLT2, Lowering.METFORMIN}),
    ("Gliclazide/metformin", {Lowering.SULFONYLUREA, Lowering.METFORMIN}),
    ("Glucovance", {Lowering.SULFONYLUREA, Lowering.METFORMIN}),
    ("Répaglinide 1 mg", {Lowering.MEGLITINIDE}),
    ("NovoNorm", {Lowering.MEGLITINIDE}),
    ("Nateglinide", {Lowering.MEGLITINIDE}),
    ("Sitagliptin", set()),
])
def test_a_combination_written_by_its_generic_names_gives_each_part(drug, parts):
    """"Dapagliflozin/metformin" rewritten from the brand on a paper chart read as metformin
    alone, "as usual", and the dapagliflozin to stop (ketoacidosis) was said nowhere; repaglinide
    and nateglinide, whose morning dose is omitted as a sulfonylurea's, were said nowhere at all."""
    assert set(lowering(drug)) == parts


@pytest.mark.parametrize("drug, parts", [
    ("Edistride 10 mg", {Lowering.SGLT2}), ("Ebymect 5/1000 mg", {Lowering.SGLT2, Lowering.METFORMIN}),
    ("Steglujan 5/100 mg", {Lowering.SGLT2}), ("Sotagliflozin 200 mg", {Lowering.SGLT2}),
    ("Dapagliflozine 10 mg", {Lowering.SGLT2}), ("Vipdomet 12.5/1000 mg", {Lowering.METFORMIN}),
    ("Efficib 50/1000", {Lowering.METFORMIN}), ("Competact", {Lowering.METFORMIN}), ("Januvia", set())])
def test_any_gliflozin_and_any_metformin_combination_is_on_the_theatre_list(drug, parts):
    """The list read closed lists of brands: Edistride, Ebymect, Steglujan or sotagliflozin,
    stopped the day before for ketoacidosis, were said nowhere (review T1)."""
    assert set(lowering(drug)) == parts
