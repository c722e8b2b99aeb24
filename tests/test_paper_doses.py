"""Doses given on paper while the laptop was down, typed in later by another nurse: the chart,
the printed MAR, the exports and the controlled-drug register name who gave and witnessed them,
and what was transcribed from paper says so."""

import csv
import json

import pytest

from downtime.services import cd_register, medication, printing, records, staff
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.services.laptops import authors
from downtime.sync.export import export
from tests.pdf_text import pdf_text


def _given_iv(at, scheduled):
    return {"outcome": "given", "given_at": at, "scheduled_for": scheduled, "dose_given": 1.0, "route": "IV"}


def _morphine(at, **more):
    return {"outcome": "given", "given_at": at, "dose_given": 5.0, "route": "SC", "given_for": "pain 7/10", **more}


def test_a_dose_given_by_the_night_nurse_and_typed_by_the_day_nurse_is_the_night_nurses(
        night, session_for, tmp_path):
    """The dose the night nurse gave at 08:05 on paper, typed in by the day nurse: the chart, the
    printed MAR, the CSV and the EHR's performer named the day nurse, who was not there. The
    record's author stays who typed it, as the Provenance says."""
    patient, amox, _ = night
    nurse = session_for("nurse")
    saved = medication.record_dose(nurse, amox, {**_given_iv("2026-11-28T08:05+01:00", "2026-11-28T08:00+01:00"),
                                                 "given_by": "NIGHT"}, overrides={"allergy": "Tolerated before"})
    assert saved.author == "nurse" and saved.data["given_by"] == "night"  # as the staff ID is written
    (dose,) = medication.administrations(nurse.db, patient)
    assert dose.given_by == "night"
    assert medication.dose_text(dose, authors(nurse), {}, "en") == "NF 08:05"
    assert "NF 08:05" in pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf"))

    folder = export(session_for("records"), tmp_path / "export").folder
    with (folder / "csv" / "medication_administration.csv").open(encoding="utf-8-sig", newline="") as handle:
        (row,) = csv.DictReader(handle)
    assert (row["author"], row["given_by"]) == ("nurse", "night")
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    resources = [entry["resource"] for entry in bundle["entry"]]
    (given,) = [r for r in resources if r["resourceType"] == "MedicationAdministration"]
    assert [p["actor"]["identifier"]["value"] for p in given["performer"]] == ["night"]
    assert given["performer"][0]["actor"]["display"] == "Noémie Faure (ward nurse)"
    (provenance,) = [r for r in resources if r["resourceType"] == "Provenance"
                     and r["entity"][0]["what"]["identifier"]["value"] == saved.record_id]
    assert [agent["who"]["identifier"]["value"] for agent in provenance["agent"]] == ["nurse"]


def test_a_dose_the_typist_gave_names_no_other_giver(night, session_for):
    patient, amox, _ = night
    nurse = session_for("nurse")
    saved = medication.record_dose(nurse, amox, {**_given_iv("2026-11-28T08:05+01:00", "2026-11-28T08:00+01:00"),
                                                 "given_by": "nurse"}, overrides={"allergy": "Tolerated before"})
    assert "given_by" not in saved.data
    assert medication.administrations(nurse.db, patient)[0].given_by == "nurse"


@pytest.mark.parametrize("named", ["nobody", "records", "coord"])
def test_a_giver_who_is_not_a_nurse_or_doctor_here_is_refused_naming_the_field(night, session_for, named):
    _, amox, _ = night
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, amox, {**_given_iv("2026-11-28T08:05+01:00", "2026-11-28T08:00+01:00"),
                                             "given_by": named}, overrides={"allergy": "Tolerated before"})
    (error,) = refused.value.errors
    assert error.path == "given_by" and error.message.startswith("Given by (if not you): ")
    assert nurse.db.execute("SELECT COUNT(*) FROM records WHERE form_id = 'medication_administration'").fetchone()[0] == 0


def test_a_controlled_drugs_witness_is_another_person_than_its_giver(night, session_for):
    """The night nurse gave the morphine: she cannot be its witness too, though the day nurse typing it
    could be."""
    _, _, morphine = night
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    with pytest.raises(ServiceError, match="different person from the giver"):
        medication.record_dose(nurse, morphine, _morphine("2026-11-28T10:00+01:00", given_by="night"),
                               witness=("night", "5555"), giver_pin="5555")
    saved = medication.record_dose(nurse, morphine, _morphine("2026-11-28T10:00+01:00", given_by="night"),
                                   witness=("doctor", "2222"), giver_pin="5555")
    assert (saved.data["given_by"], saved.data["witness"]) == ("night", "doctor")


def _signed(db, staff_id):
    """What a giver's PIN left in the audit: no sign-in of theirs (staff.PinUse.GIVER)."""
    return db.execute("SELECT action FROM audit WHERE actor = ? AND action LIKE 'giver.%' ORDER BY seq",
                      [staff_id]).fetchall()


def test_a_controlled_dose_given_now_by_a_colleague_rests_on_the_givers_pin_not_the_typists_word_alone(
        night, session_for):
    """The day nurse names the night nurse as the morphine's giver and witnesses it with her own
    PIN: the register read as two people's word, and only one had signed anything. The giver
    confirms with their own PIN, as the witness does; nothing is written until they have."""
    patient, _, morphine = night
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    given = _morphine("2026-11-28T13:50+01:00", given_by="night")
    signed_before = _signed(nurse.db, "night")
    for pin, said in ((None, "Given by (if not you): given by Noémie Faure, who confirms it with their own PIN, as the giver of a "
                             "controlled drug or a high-alert medicine does."),
                      ("", "Given by (if not you): given by Noémie Faure, who confirms it with their own PIN, as the giver of a "
                           "controlled drug or a high-alert medicine does."),
                      ("1111", "Given by (if not you): wrong PIN for Noémie Faure.")):
        with pytest.raises(ValidationFailed) as refused:
            medication.record_dose(nurse, morphine, given, witness=("nurse", "1111"), giver_pin=pin)
        (error,) = refused.value.errors
        assert (error.path, error.message) == ("given_by", said)
    assert _signed(nurse.db, "night") == [*signed_before, ("giver.failed",)]  # an empty PIN is never tried
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20
    assert medication.administrations(nurse.db, patient) == []

    saved = medication.record_dose(nurse, morphine, given, witness=("nurse", "1111"), giver_pin="5555")
    assert (saved.author, saved.data["given_by"], saved.data["witness"]) == ("nurse", "night", "nurse")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    assert _signed(nurse.db, "night")[-1] == ("giver.confirm",)
    line_id = nurse.db.execute("SELECT id FROM cd_register WHERE record_id = ?", [saved.record_id]).fetchone()[0]
    (detail,) = nurse.db.execute("SELECT detail FROM audit WHERE entity_id = ? AND action = 'cd.administration'",
                                 [line_id]).fetchone()
    assert json.loads(detail)["giver_confirmed"] == "night"


def test_the_register_names_the_giver_of_a_dose_a_colleague_typed(night, session_for, tmp_path):
    """The register's "By" read as the typist alone: beside a witness who was that typist, the line
    read as a dose its giver witnessed. It names the giver first, then who entered it."""
    _, _, morphine = night
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    medication.record_dose(nurse, morphine, _morphine("2026-11-28T13:50+01:00", given_by="night"),
                           witness=("nurse", "1111"), giver_pin="5555")
    names = staff.names_with_ids(nurse.db)
    assert [line.by_text(names, "en") for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")] == [
        names["nurse"], f"{names['night']} (gave it; entered by {names['nurse']})"]
    page = pdf_text(printing.print_cd_page(nurse, "3B", "Morphine", "mg", tmp_path / "cd.pdf"))
    assert "Noémie Faure (gave it; entered by Hélène Lefèvre)" in page


def test_a_giver_locked_out_is_said_under_the_field(night, session_for):
    _, _, morphine = night
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    for _ in range(5):
        with pytest.raises(ValidationFailed):
            medication.record_dose(nurse, morphine, _morphine("2026-11-28T13:50+01:00", given_by="night"),
                                   witness=("doctor", "2222"), giver_pin="0000")
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, morphine, _morphine("2026-11-28T13:50+01:00", given_by="night"),
                               witness=("doctor", "2222"), giver_pin="5555")
    (error,) = refused.value.errors
    assert error.path == "given_by" and error.message.startswith(
        "Given by (if not you): Too many wrong PINs for this staff ID: it is locked until ")


def test_who_gave_a_dose_is_not_amended(night, session_for):
    """Naming another giver would move the controlled-drug witness's check: the dose is withdrawn
    and recorded again, as its witness is."""
    _, amox, _ = night
    nurse = session_for("nurse")
    saved = medication.record_dose(nurse, amox, _given_iv("2026-11-28T08:05+01:00", "2026-11-28T08:00+01:00"),
                                   overrides={"allergy": "Tolerated before"})
    with pytest.raises(ServiceError, match="Given by"):
        records.amend(nurse, saved.record_id, {**saved.data, "given_by": "night"}, "night nurse gave it")


def _night_morphine(session_for, clock, night, **more):
    """07:00 on 29/11: the day nurse types in the morphine the night nurse gave at 02:30 on paper,
    witnessed on paper by the doctor, who has gone home (`more`: more of the dose's answers)."""
    _, _, morphine = night
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    clock.now = clock.now.replace(day=29, hour=7, minute=0)
    return nurse, medication.record_dose(nurse, morphine, _morphine("2026-11-29T02:30+01:00", given_by="night",
                                                                    transcribed=True, **more), witness=("doctor", ""))


def test_a_controlled_dose_witnessed_on_paper_is_typed_in_naming_its_witness_without_their_pin(
        night, session_for, clock, tmp_path):
    patient, _, _ = night
    nurse, saved = _night_morphine(session_for, clock, night)
    assert (saved.author, saved.data["given_by"], saved.data["witness"], saved.data["transcribed"]) == (
        "nurse", "night", "doctor", True)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    *_, line = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")
    names = staff.names_with_ids(nurse.db)
    assert line.witness_text(names, "en", nurse.clock().tzinfo) == ("witness on paper: Dr Karim Benali (doctor) (transcribed by "
                                              "Hélène Lefèvre (nurse) at 29/11 07:00)")
    (dose,) = medication.administrations(nurse.db, patient)
    assert medication.dose_text(dose, authors(nurse), {}, "en") + medication.typed_words(dose, "en") == (
        "NF 02:30 / KB (from paper, typed 07:00)")
    assert "NF 29/11 02:30 / KB — 5 mg (from paper, typed 07:00) — for: pain 7/10" in pdf_text(
        printing.print_mar(nurse, [patient], tmp_path / "mar.pdf"))
    page = pdf_text(printing.print_cd_page(nurse, "3B", "Morphine", "mg", tmp_path / "cd.pdf"))
    assert ("29/11/2026 02:30 (written 07:00) Dose given -5 15 Noémie Faure (gave it; entered by Hélène Lefèvre) "
            "witness on paper: Dr Karim Benali "
            "(transcribed by Hélène Lefèvre at 29/11 07:00)") in page
    line_id = nurse.db.execute("SELECT id FROM cd_register WHERE record_id = ?", [saved.record_id]).fetchone()[0]
    written = nurse.db.execute("SELECT action, actor FROM audit WHERE entity_id = ? OR json_extract(detail, "
                               "'$.record_id') = ?", [line_id, saved.record_id]).fetchall()
    assert sorted(written) == [("cd.administration", "nurse"), ("record.create", "nurse")]


def test_a_dose_given_now_still_needs_its_witnesss_pin_whatever_the_box_says(night, session_for, clock):
    """Ticking "Transcribed from the paper chart" for a dose given ten minutes ago is no way round
    the witness: refused naming the field, nothing written."""
    _, _, morphine = night
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, morphine, _morphine("2026-11-28T13:50+01:00", transcribed=True),
                               witness=("doctor", ""))
    (error,) = refused.value.errors
    assert error.path == "transcribed" and error.message == (
        "Transcribed from the paper chart: only for a dose given at least 15 minutes before it is typed; a dose given "
        "now is witnessed with the witness's own PIN.")
    with pytest.raises(ServiceError, match="the witness must be a different person"):  # the paper's witness, not the giver
        medication.record_dose(nurse, morphine, _morphine("2026-11-28T10:00+01:00", transcribed=True),
                               witness=("nurse", ""))
    with pytest.raises(ServiceError, match="Rémi Durand may not record care"):
        medication.record_dose(nurse, morphine, _morphine("2026-11-28T10:00+01:00", transcribed=True),
                               witness=("records", ""))
    with pytest.raises(ServiceError, match="name the witness who signed the paper chart"):
        medication.record_dose(nurse, morphine, _morphine("2026-11-28T10:00+01:00", transcribed=True),
                               witness=("", ""))
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20
    assert nurse.db.execute("SELECT COUNT(*) FROM records WHERE form_id = 'medication_administration'").fetchone()[0] == 0


def test_the_records_office_reads_what_came_from_paper_in_the_csv_the_fhir_bundle_and_the_worklist(
        night, session_for, clock, tmp_path):
    from fhir.resources.R4B.bundle import Bundle

    from downtime.services import back_entry

    nurse, saved = _night_morphine(session_for, clock, night)
    typed = medication.record_dose(nurse, night[2], _morphine("2026-11-29T06:55+01:00"), witness=("doctor", "2222"))
    folder = export(session_for("records"), tmp_path / "export").folder
    with (folder / "csv" / "medication_administration.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["record_id"]: row for row in csv.DictReader(handle)}
    assert (rows[saved.record_id]["transcribed"], rows[typed.record_id]["transcribed"]) == ("yes", "")
    text = (folder / "fhir" / "bundle.json").read_text(encoding="utf-8")
    Bundle.model_validate_json(text)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in json.loads(text)["entry"]}
    assert {"text": "Transcribed from the paper chart: the witness signed the paper chart, no PIN on the laptop"} in (
        by_id[saved.record_id]["note"])
    assert not any("paper" in note["text"] for note in by_id[typed.record_id].get("note", []))
    lines = {item.record.record_id: item.label for work in back_entry.worklist(session_for("records"))
             for item in work.items}
    assert lines[saved.record_id].endswith("— Transcribed from the paper chart: Yes — typed 07:00")
    assert "Given by: Noémie Faure (night)" in lines[saved.record_id]
    assert "paper" not in lines[typed.record_id]


def test_the_records_office_finds_the_paper_sheet_a_transcribed_dose_came_from(night, session_for, clock, tmp_path,
                                                                                laptop):
    """The clerk checking the 02:30 morphine against the paper chart had the ward's whole pile to go
    through: the nurse typing it in names the sheet, and the worklist, the CSV, the EHR's note and the
    records office's copy carry it. A dose given now names no paper."""
    from fhir.resources.R4B.bundle import Bundle

    from downtime.services import back_entry
    from downtime.sync.import_export import import_export

    nurse, saved = _night_morphine(session_for, clock, night, paper_reference="MAR sheet 2, night 28/11")
    typed = medication.record_dose(nurse, night[2], _morphine("2026-11-29T06:55+01:00", paper_reference="sheet 9"),
                                   witness=("doctor", "2222"))
    assert saved.data["paper_reference"] == "MAR sheet 2, night 28/11" and "paper_reference" not in typed.data
    folder = export(session_for("records"), tmp_path / "export").folder
    with (folder / "csv" / "medication_administration.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["record_id"]: row for row in csv.DictReader(handle)}
    assert (rows[saved.record_id]["paper_reference"], rows[typed.record_id]["paper_reference"]) == (
        "MAR sheet 2, night 28/11", "")
    text = (folder / "fhir" / "bundle.json").read_text(encoding="utf-8")
    Bundle.model_validate_json(text)
    notes = {entry["resource"]["id"]: [note["text"] for note in entry["resource"].get("note", [])]
             for entry in json.loads(text)["entry"]}
    transcribed = notes[saved.record_id].index(
        "Transcribed from the paper chart: the witness signed the paper chart, no PIN on the laptop")
    assert notes[saved.record_id][transcribed + 1] == "Paper chart reference: MAR sheet 2, night 28/11"
    assert not any("Paper chart" in note for note in notes[typed.record_id])
    lines = {item.record.record_id: item.label for work in back_entry.worklist(session_for("records"))
             for item in work.items}
    assert lines[saved.record_id].endswith("— Transcribed from the paper chart: Yes — Paper chart reference: MAR "
                                           "sheet 2, night 28/11 — typed 07:00")

    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, folder)
    assert records.current(office.db, saved.record_id).data["paper_reference"] == "MAR sheet 2, night 28/11"


def test_the_worklist_line_names_the_giver_as_given_by_in_both_languages(night, session_for, clock):
    """The line read "Given by (if not you): Noémie Faure (night)", the dose form's words to the
    nurse typing it, on the clerk's worklist and the record lists."""
    from downtime.services import back_entry

    _, saved = _night_morphine(session_for, clock, night)
    for lang, said in (("en", "— Given by: Noémie Faure (night) —"), ("fr", "— Administré par : Noémie Faure (night) —")):
        clerk = session_for("records", lang)
        lines = {item.record.record_id: item.label for work in back_entry.worklist(clerk) for item in work.items}
        assert said in lines[saved.record_id] and said in records.record_label(clerk, saved)
