"""Downtime numbers reserved for patients admitted on paper while the laptop is away: printed
as labels, given to the patient when the paper admission is typed in, never given twice."""

import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from pypdf import PdfReader

from downtime.cli import main
from downtime.domain.downtime_number import format_downtime_number, parse_downtime_number
from downtime.services import paper_numbers, printing, records
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.storage import audit
from downtime.sync.export import export
from downtime.sync.import_export import import_export


def _numbers(db) -> list[str]:
    return [row["downtime_number"] for row in db.query("SELECT downtime_number FROM patients ORDER BY rowid")]


def _refusal(nurse, values) -> str:
    before = _numbers(nurse.db)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "admission", values)
    assert [error.path for error in refused.value.errors] == ["paper_number"]
    assert _numbers(nurse.db) == before, "nothing half-written"
    return refused.value.errors[0].message


def test_the_laptop_never_gives_a_number_reserved_for_paper(session_for, admission_values):
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "bed": "1"})
    reserved = paper_numbers.reserve(nurse, 3)
    assert [parse_downtime_number(number) for number in reserved] == [(42, 2), (42, 3), (42, 4)]
    records.save_new(nurse, "admission", {**admission_values, "bed": "2", "birth_name": "Roux", "nir": ""})
    assert parse_downtime_number(_numbers(nurse.db)[-1]) == (42, 5)
    assert audit.verify_chain(nurse.db) is None
    assert [row["action"] for row in nurse.db.query(
        "SELECT action FROM audit WHERE entity = 'paper_numbers' ORDER BY seq")] == ["paper_number.reserve"] * 3


def test_a_reserved_number_is_given_once_then_refused_naming_its_patient(session_for, admission_values):
    nurse = session_for("nurse")
    first, second = paper_numbers.reserve(nurse, 2)
    saved = records.save_new(nurse, "admission", {**admission_values, "paper_number": f"  {first.lower()} "})
    assert records.current(nurse.db, saved.record_id).data["paper_number"] == f"  {first.lower()} "
    assert nurse.db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?",
                            [saved.patient_id]).fetchone()[0] == first
    said = _refusal(nurse, {**admission_values, "bed": "2", "birth_name": "Roux", "nir": "", "paper_number": first})
    assert said == (f"“Number used on paper”: {first} is already used by MARTIN Hélène Marie (née LEFÈVRE), born "
                    "12/03/1954: check the wristband, or leave the field blank for a new number.")
    assert [number.number for number in paper_numbers.unused(nurse)] == [second]
    assert audit.verify_chain(nurse.db) is None


def test_another_laptops_or_an_unreserved_or_a_miscopied_number_is_refused_saying_why(session_for, admission_values):
    nurse = session_for("nurse")
    (reserved,) = paper_numbers.reserve(nurse, 1)
    not_reserved = format_downtime_number(42, 9)
    assert "was not reserved on this laptop (Ward 3B laptop)" in _refusal(
        nurse, {**admission_values, "paper_number": not_reserved})
    assert "DT-007-00001-" in _refusal(nurse, {**admission_values, "paper_number": format_downtime_number(7, 1)})
    miscopied = reserved[:-1] + str((int(reserved[-1]) + 1) % 10)
    assert _refusal(nurse, {**admission_values, "paper_number": miscopied}) == (
        "“Number used on paper” is not a valid downtime number (DT-ddd-sssss-k, its last digit checking the others): "
        "copy it again.")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.one_of(st.text(max_size=22),
                       st.builds(format_downtime_number, st.integers(1, 999), st.integers(1, 99_999)),
                       st.from_regex(r"DT-\d{3}-\d{5}-\d", fullmatch=True)))
def test_whatever_is_typed_as_the_paper_number_is_refused_naming_the_field_unless_reserved_here(
        session_for, admission_values, typed):
    nurse = session_for("nurse")
    reserved = set(paper_numbers.reserve(nurse, 1)) | {number.number for number in paper_numbers.unused(nurse)}
    if not typed.strip() or typed.strip().upper() in reserved:
        return
    assert "Number used on paper" in _refusal(nurse, {**admission_values, "paper_number": typed})


def test_the_number_used_on_paper_cannot_be_changed_by_an_amendment(session_for, admission_values):
    nurse = session_for("nurse")
    first, second = paper_numbers.reserve(nurse, 2)
    saved = records.save_new(nurse, "admission", admission_values)
    with pytest.raises(ValidationFailed, match="only for a new admission"):
        records.amend(nurse, saved.record_id, {**admission_values, "paper_number": first}, "Admitted on paper")
    given = records.save_new(nurse, "admission", {**admission_values, "bed": "2", "birth_name": "Roux", "nir": "",
                                                  "paper_number": second})
    amended = records.amend(nurse, given.record_id, {**records.current(nurse.db, given.record_id).data, "bed": "3"},
                            "Bed misheard")
    assert amended.data["paper_number"] == second


def test_reserving_needs_the_right_to_record_care_and_a_sensible_count(session_for):
    with pytest.raises(PermissionDenied):
        paper_numbers.reserve(session_for("coord"), 5)
    with pytest.raises(ServiceError, match="Reserve 1 to 100 numbers at a time, not 1000"):
        paper_numbers.reserve(session_for("nurse"), 1000)


def test_the_label_sheet_says_each_number_its_device_and_lines_to_write_on(session_for, tmp_path):
    nurse = session_for("nurse")
    out, numbers = printing.print_paper_numbers(nurse, tmp_path / "paper.pdf", 4)
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    for number in numbers:
        assert number in text
    assert text.count("Reserved for a patient admitted on paper — device 042") == 4
    assert text.count("Name") == 4 and text.count("Date of birth") == 4
    assert "Printed by" in text and "Page 1 of 1" in text
    french = PdfReader(printing.print_paper_numbers(session_for("nurse", "fr"), tmp_path / "fr.pdf", 1)[0])
    assert "Réservé à un patient admis sur papier — portable 042" in " ".join(french.pages[0].extract_text().split())
    assert [row["detail"] for row in nurse.db.query("SELECT detail FROM audit WHERE action = 'print'")][0].count(
        numbers[0]) == 1


def test_the_blank_admission_form_says_to_stick_a_reserved_label_in_the_number_box(forms, tmp_path, clock):
    out = printing.blank_form(forms["admission"], tmp_path / "admission.pdf", lang="en", printed_by=None,
                              printed_at=clock(), device_name="Ward 3B laptop")
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Admitted on paper: stick a reserved number label here, never a number of your own" in first
    discharge = printing.blank_form(forms["discharge"], tmp_path / "discharge.pdf", lang="en", printed_by=None,
                                    printed_at=clock(), device_name="Ward 3B laptop")
    assert "reserved number label" not in PdfReader(discharge).pages[0].extract_text()


def test_reserve_print_and_list_on_the_command_line(tmp_path, cli_demo, capsys, admission_values):
    db = str(cli_demo())
    signed = ["--db", db, "--user", "nurse", "--pin", "1111"]
    assert main(["pdf", "paper-numbers", "--count", "0", "--out", str(tmp_path / "none.pdf"), *signed]) == 1
    assert "--count: from 1 to 100 numbers" in capsys.readouterr().err
    assert main(["pdf", "paper-numbers", "--count", "3", "--out", str(tmp_path / "labels.pdf"), *signed]) == 0
    said = capsys.readouterr().out
    assert said.startswith("3 numbers reserved for patients admitted on paper, DT-900-") and "labels.pdf" in said
    assert main(["paper-numbers", "--json", *signed]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(listed) == 3 and all(row["reserved_by"] == "Hélène Lefèvre" for row in listed)
    assert main(["pdf", "paper-numbers", "--out", str(tmp_path / "ten.pdf"), *signed]) == 0
    capsys.readouterr()
    assert main(["paper-numbers", *signed]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 13


def test_a_patient_given_a_paper_number_reaches_the_records_office_as_any_patient(tmp_path, laptop, admission_values):
    nurse, clerk = laptop(tmp_path / "7.sqlite", 7)
    (number,) = paper_numbers.reserve(nurse, 1)
    records.save_new(nurse, "admission", {**admission_values, "paper_number": number})
    folder = export(clerk, tmp_path / "export-7").folder
    _, office = laptop(tmp_path / "office.sqlite", 500)
    import_export(office, folder)
    assert _numbers(office.db) == [number]
    assert office.db.execute("SELECT COUNT(*) FROM paper_numbers").fetchone()[0] == 0
    assert audit.verify_chain(office.db) is None
