"""A patient linked to one EHR number, then typed another: the second link replaced the first
without a word, though an admission had been entered under the first number (it stays in that
EHR file unless the clerk moves it). Re-linking now says the current link and what was entered
under it, and takes the new number only when the number replaced is named; linking to the same
number again changes nothing and says so."""

import json

import pytest

from downtime.cli import main
from downtime.services import back_entry

WHO = ["--user", "records", "--pin", "4444"]


@pytest.fixture
def office(demo_office):
    return demo_office


def _admitted(office) -> tuple[str, str, back_entry.WorkItem]:
    """The first patient's downtime number, id and admission line."""
    group = next(group for group in back_entry.worklist(office) if group.patient is not None)
    admission = next(item for item in group.items if item.record.form_id == "admission")
    return group.patient.downtime_number, group.patient.patient_id, admission


def _links(office) -> int:
    return office.db.execute("SELECT COUNT(*) FROM patient_links").fetchone()[0]


def test_relinking_names_the_current_link_and_what_was_entered_under_it_and_wants_it_replaced(office, capsys):
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    number, patient_id, admission = _admitted(office)
    assert main(["worklist", "link", number, "--ehr", "800999", "--db", db, *WHO]) == 0
    back_entry.mark_entered(office, admission.record.record_id, admission.record.version, "ADM-4711")
    capsys.readouterr()

    assert main(["worklist", "link", number, "--ehr", "12", "--db", db, *WHO]) == 1
    refused = capsys.readouterr().err
    assert "linked to EHR patient 800999" in refused and "ADM-4711" in refused and "admission record of" in refused
    assert "--replace 800999" in refused
    assert back_entry.ehr_numbers(office.db, [patient_id]) == {patient_id: "800999"}

    assert main(["worklist", "link", number, "--ehr", "12", "--replace", "800999", "--db", db, *WHO]) == 0
    said = capsys.readouterr().out
    assert "from patient 800999 to patient 12" in said and "ADM-4711" in said
    assert back_entry.ehr_numbers(office.db, [patient_id]) == {patient_id: "12"}
    action, detail = office.db.execute("SELECT action, detail FROM audit ORDER BY seq DESC").fetchone()
    assert action == "back_entry.patient_relinked"
    said = json.loads(detail)
    assert (said["ehr"], said["replaced_ehr"], said["entered_under_replaced"]) == (
        "12", "800999", [admission.record.record_id])

    links = _links(office)
    assert main(["worklist", "link", number, "--ehr", " 12 ", "--db", db, *WHO]) == 0
    assert f"{number} is already linked to EHR patient 12: nothing changed." in capsys.readouterr().out
    assert _links(office) == links


def test_the_service_refuses_a_replacement_naming_another_number_than_the_one_linked(office):
    number, patient_id, _ = _admitted(office)
    assert back_entry.link_patient(office, number, "800999")
    with pytest.raises(back_entry.LinkedToAnother, match="none of their records is marked entered"):
        back_entry.link_patient(office, number, "12")
    with pytest.raises(back_entry.LinkedToAnother):
        back_entry.link_patient(office, number, "12", replacing="800998")
    assert not back_entry.link_patient(office, number, "800999")
    assert back_entry.link_patient(office, number, "12", replacing="800999")
    assert back_entry.ehr_numbers(office.db, [patient_id]) == {patient_id: "12"}


def _line(office, record_id) -> back_entry.WorkItem:
    return back_entry.line_of(office, record_id)


def test_a_record_entered_under_the_replaced_number_keeps_saying_so_on_its_line_until_marked_moved(office, capsys,
                                                                                                   tmp_path, left_agrees):
    """Re-linked, the records entered under the old number were named once in a message, then
    forgotten: the clerk who closed it had nothing left saying which to move in the EHR. Each
    one's line says it (screen, `downtime worklist`, printed list), counts as left to do, until a
    clerk marks it moved, audited; a record entered after the re-link has nothing to move."""
    from pypdf import PdfReader

    from downtime.services import printing
    from downtime.storage.audit import verify_chain

    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    number, patient_id, admission = _admitted(office)
    record = admission.record.record_id
    back_entry.link_patient(office, number, "800999")
    back_entry.mark_entered(office, record, admission.record.version, "ADM-4711")
    assert _line(office, record).done and back_entry.progress_counts(office)[0] == 1
    back_entry.link_patient(office, number, "12", replacing="800999")

    line = _line(office, record)
    said = ("entered in the EHR under patient 800999, linked to EHR patient 12 since: move it there in the EHR, then "
            "mark it moved")
    assert line.move == back_entry.MoveDue("800999", "12") and not line.done
    assert line.to_do == f"move in the EHR to patient 12 — {said}"
    assert back_entry.progress_counts(office)[0] == 0 == back_entry.progress(back_entry.worklist(office))[0]
    assert left_agrees(office)
    assert main(["worklist", "--db", db, *WHO]) == 0
    assert "[ ] Admission, allergies and movements: " in (shown := capsys.readouterr().out) and said in shown
    left = [group for group in back_entry.left_to_enter(back_entry.worklist(office))
            if group.patient and group.patient.patient_id == patient_id]
    printed = " ".join(" ".join(page.extract_text() for page in PdfReader(printing.print_worklist(
        office, tmp_path / "list.pdf", left)).pages).split())
    assert said in printed

    others = [item for group in back_entry.worklist(office) if group.patient and group.patient.patient_id != patient_id
              for item in group.items]
    assert all(item.move is None for item in others)
    with pytest.raises(back_entry.ServiceError, match="Nothing of record .* is to be moved in the EHR"):
        back_entry.mark_moved(office, others[0].record.record_id)
    assert main(["worklist", "moved", "no-such-record", "--db", db, *WHO]) == 1
    assert "No record no-such-record here" in capsys.readouterr().err

    assert main(["worklist", "moved", record, "--db", db, *WHO]) == 0
    assert f"record {record} marked moved in the EHR from patient 800999 to patient 12" in capsys.readouterr().out
    line = _line(office, record)
    assert line.move is None and line.done and line.to_do == "entered"
    assert back_entry.progress_counts(office)[0] == 1
    action, detail = office.db.execute("SELECT action, detail FROM audit ORDER BY seq DESC").fetchone()
    assert action == "back_entry.moved"
    assert {key: json.loads(detail)[key] for key in ("record_id", "from_ehr", "to_ehr")} == {
        "record_id": record, "from_ehr": "800999", "to_ehr": "12"}
    with pytest.raises(back_entry.ServiceError, match="marked moved there already"):
        back_entry.mark_moved(office, record)

    back_entry.link_patient(office, number, "13", replacing="12")  # moved to 12, linked to 13 since: from 12
    assert _line(office, record).move == back_entry.MoveDue("12", "13")
    back_entry.link_patient(office, number, "12", replacing="13")  # back to where it is: nothing to move
    assert _line(office, record).move is None and _line(office, record).done
    assert verify_chain(office.db) is None


def test_a_record_entered_after_the_relink_has_nothing_to_move(office):
    number, _, admission = _admitted(office)
    back_entry.link_patient(office, number, "800999")
    back_entry.link_patient(office, number, "12", replacing="800999")
    back_entry.mark_entered(office, admission.record.record_id, admission.record.version, "ADM-12")
    line = _line(office, admission.record.record_id)
    assert line.move is None and line.done


def test_a_number_other_than_the_ipp_the_admission_records_is_linked_only_when_said_wrong(
        session_for, admission_values, db_path, capsys, tmp_path):
    """The admission records the hospital number (IPP) from the patient's papers: the clerk typed
    the EHR number afresh, unprompted, and a digit mistyped linked one patient's records to
    another's file. A number other than the recorded IPP is refused unless the clerk says the
    admission's is wrong (the screen asks; the command wants --not-the-admissions-ipp); the
    printed list gives the recorded IPP beside the line to write the EHR number on."""
    from pypdf import PdfReader

    from downtime.services import printing, records

    nurse, clerk = session_for("nurse"), session_for("records")
    patient = records.save_new(nurse, "admission", {**admission_values, "ipp": "801234"}).patient_id
    (group,) = back_entry.worklist_of(clerk, [patient])
    number = group.patient.downtime_number
    assert back_entry.recorded_ipp(clerk, number) == "801234"
    out = printing.print_worklist(clerk, tmp_path / "worklist.pdf", [group])
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "EHR number: ____________ (the admission's hospital number: 801234, to check in the EHR)" in text
    with pytest.raises(back_entry.NotTheAdmissionsIpp) as refused:
        back_entry.link_patient(clerk, number, "801299")
    assert refused.value.text("en") == (f"{number}'s admission records the hospital number (IPP) 801234, not 801299: "
                                        "check the EHR; link to another number only if the admission's is wrong.")
    assert main(["worklist", "link", number, "--ehr", "801299", "--db", str(db_path), *WHO]) == 1
    assert "Give --not-the-admissions-ipp to link it to 801299 all the same." in capsys.readouterr().err
    assert back_entry.link_of(clerk, number) is None
    assert back_entry.link_patient(clerk, number, " 801 234 ")
    assert main(["worklist", "link", number, "--ehr", "801299", "--replace", "801 234", "--not-the-admissions-ipp",
                 "--db", str(db_path), *WHO]) == 0
    assert back_entry.ehr_numbers(clerk.db, [patient]) == {patient: "801299"}
