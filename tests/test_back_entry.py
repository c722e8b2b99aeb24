"""The records office works the back-entry list: grouped by patient, in an order the EHR takes
top to bottom (the admission first, each record after those it points to); ticking off is audited, an amendment brings the item back, and the
downtime number is reconciled to the EHR's."""

import csv
import json
import re

import pytest
from pypdf import PdfReader

from downtime.cli import main
from downtime.domain.medication import Check
from downtime.domain.records import loaded_from_snapshot
from downtime.domain.staff import Role
from downtime.services import back_entry, medication, printing, records, staff
from downtime.services.context import Session
from downtime.services.errors import PermissionDenied, ServiceError
from downtime.services.patients import downtime_numbers
from downtime.storage.audit import verify_chain
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from tests.conftest import GIRARD, death_answers, doctor_on, unknown_man


@pytest.fixture
def office(demo_office):
    return demo_office


def _patients(work: list[back_entry.PatientWork]) -> list[back_entry.PatientWork]:
    """The list's patients, without the theatre sessions (about no patient) that come first."""
    return [group for group in work if group.patient is not None]


def test_items_are_grouped_by_patient_in_the_order_the_ehr_takes_them(office):
    """Theatre sessions first (the bookings point to them), then each patient: the admission,
    then orders, doses, theatre and observations, each record after those it points to. Sorted
    by kind then time, the orders came before the admission (for a patient the EHR did not have
    yet) and a cancellation typed at 06:36 before the 11:00 booking it cancels."""
    work = back_entry.worklist(office)
    assert work[0].patient is None and {i.record.form_id for i in work[0].items} == {"theatre_session"}
    with_orders = next(group for group in work if {"medication_order", "medication_administration"}
                       <= {i.record.form_id for i in group.items})
    steps = [item.step for item in with_orders.items]
    assert with_orders.items[0].record.form_id == "admission" and {0, 1, 2} <= set(steps)
    names = [group.patient.display_name for group in work if group.patient]
    assert names == sorted(names)
    lines = [item for group in work for item in group.items]
    place = {item.record.record_id: at for at, item in enumerate(lines)}
    pointing = [(item, str(item.record.data[name])) for item in lines
                for name in ("order", "booking", "session") if item.record.data.get(name) in place]
    assert {item.record.form_id for item, _ in pointing} == {"medication_administration", "operation_booking",
                                                             "operation_cancellation", "operation_rebooking",
                                                             "operation_done", "surgical_safety_checklist",
                                                             "blood_transfusion"}
    assert all(place[target] < place[item.record.record_id] for item, target in pointing)
    # The demo cancels operations before their planned start, the time a booking is listed by.
    assert any(lines[place[target]].record.occurred_at > item.record.occurred_at for item, target in pointing)
    for group in work[1:]:
        admissions = [at for at, item in enumerate(group.items) if item.record.form_id == "admission"]
        assert admissions[:1] == [0], group.patient.display_name
    done, total = back_entry.progress(work)
    assert done == 0 and total == sum(len(group.items) for group in work) > 100
    assert back_entry.progress_counts(office) == (done, total)
    # Observation sets were listed under "Other", which said nothing to the clerk of what to enter.
    assert {item.step_name for group in work for item in group.items if item.record.form_id == "observations"} == {
        "Observations and other records"}
    # A booking whose session is not in the EHR yet says to enter the session first, where it is.
    sessions = {item.record.record_id: item for item in work[0].items}
    item, session = next((item, sessions[target]) for item, target in pointing if target in sessions)
    assert item.waits_for == (back_entry.WaitsFor(office.form("theatre_session").title, session.record.occurred_at),)
    assert ("enter first what it points to, not in the EHR yet: Theatre session of "
            f"{session.record.occurred_at.astimezone():%d/%m/%Y %H:%M}, at the start of the list (not about a patient)"
            ) in item.to_do
    back_entry.mark_entered(office, session.record.record_id, session.record.version, "SESSION-1")
    again = back_entry.line_of(office, item.record.record_id)
    assert again.waits_for == () and "enter first" not in again.to_do


def test_the_list_fetched_a_page_of_patients_at_a_time_is_the_whole_list(office, clock, left_agrees):
    order = back_entry.worklist_order(office)
    pages = [group for start in range(0, len(order), 7) for group in back_entry.worklist_of(office, order[start:start + 7])]
    assert pages == back_entry.worklist(office)
    item = _patients(pages)[3].items[0]
    back_entry.mark_entered(office, item.record.record_id, item.record.version, "EHR-1")
    nurse = Session(office.db, office.device, staff.sign_in(office.db, "nurse", "1111", clock), office.forms, clock)
    for withdrawn in [item for group in pages for item in group.items if item.record.form_id == "observations"][:2]:
        records.mark_entered_in_error(nurse, withdrawn.record.record_id, "wrong patient")
    assert back_entry.progress_counts(office) == back_entry.progress(back_entry.worklist(office))
    assert left_agrees(office)


def test_a_page_of_the_worklist_seeks_its_records_audit_entries_never_reads_every_one(office):
    """A page of the records office's list is read on the window's thread as the clerk scrolls.
    From ten records on, SQLite read the audit log's every record entry to find a page's, and
    looked each one's record up: 26 seconds a page at a hospital's scale (1.5 million entries),
    the app frozen 108 seconds as the tab opened. SQLite plans a query alike on a small database
    (no statistics are kept), so the plan is asked here."""
    order = back_entry.worklist_order(office)
    read: list[str] = []
    office.db.conn.set_trace_callback(read.append)
    try:
        back_entry.worklist_of(office, order)
    finally:
        office.db.conn.set_trace_callback(None)
    joined = [sql for sql in read if "FROM records r" in sql and "JOIN audit a ON" in sql]
    assert joined and len(back_entry.worklist(office)[0].items) >= 10
    for sql in joined:
        plan = [str(row[-1]) for row in office.db.execute(f"EXPLAIN QUERY PLAN {sql}")]
        assert plan[0].startswith("SEARCH r ") and "(entity=? AND entity_id=?)" in plan[1], plan


def test_marking_entered_is_audited_and_an_amendment_brings_it_back(office, clock):
    group = _patients(back_entry.worklist(office))[0]
    item = group.items[-1]
    back_entry.mark_entered(office, item.record.record_id, item.record.version, "EHR-123")
    ticked = next(i for i in _patients(back_entry.worklist(office))[0].items if i.record.record_id == item.record.record_id)
    assert ticked.done and ticked.entered.ehr_reference == "EHR-123" and ticked.entered.entered_by == "records"
    assert back_entry.progress(back_entry.worklist(office))[0] == 1
    with pytest.raises(ServiceError, match="already marked"):
        back_entry.mark_entered(office, item.record.record_id, item.record.version, "EHR-123")
    with pytest.raises(ServiceError, match="reference"):
        back_entry.mark_entered(office, group.items[0].record.record_id, group.items[0].record.version, " ")
    assert verify_chain(office.db) is None


def test_an_item_amended_after_entry_must_be_corrected(office, tmp_path, laptop):
    nurse, clerk = laptop(tmp_path / "ward5.sqlite", 5)
    values = {"unidentified": False, "birth_name": "Roux", "given_names": "Paul", "sex": "male", "birth_date": "1960-01-02",
              "identity_status": "provisional", "arrival_at": "2026-11-28T10:00+01:00",
              "admission_mode": "direct", "reason": "Chest pain", "ward": "3B", "bed": "10",
              "admitting_clinician": "Dr V", "allergy_status": "nka", "resuscitation": "full"}
    saved = records.save_new(nurse, "admission", values)
    import_export(office, export(clerk, tmp_path / "e1").folder)
    back_entry.mark_entered(office, saved.record_id, 1, "EHR-9")
    records.amend(nurse, saved.record_id, {**values, "bed": "20"}, "wrong bed")  # beds the demo's patients leave free
    import_export(office, export(clerk, tmp_path / "e2", since_last=True).folder)
    item = next(i for g in back_entry.worklist(office) for i in g.items if i.record.record_id == saved.record_id)
    assert not item.done and item.to_do == "correct in the EHR (version 1 was entered, EHR reference EHR-9) — Bed: 10 → 20"
    with pytest.raises(ServiceError, match="version 2"):
        back_entry.mark_entered(office, saved.record_id, 1, "EHR-9b")


def test_linking_the_ehr_number(office):
    group = _patients(back_entry.worklist(office))[0]
    back_entry.link_patient(office, group.patient.downtime_number, "IPP 4455")
    assert _patients(back_entry.worklist(office))[0].ehr_patient_number == "IPP 4455"
    with pytest.raises(ServiceError, match="No patient"):
        back_entry.link_patient(office, "DT-000-00000-0", "1")


def test_only_records_staff_work_the_list(office, laptop, tmp_path):
    nurse, _ = laptop(tmp_path / "other.sqlite", 8)
    with pytest.raises(PermissionDenied):
        back_entry.mark_entered(nurse, "x", 1, "y")


@pytest.mark.parametrize("lang, counted", [
    ("en", "— the records about no patient and {count} patient(s), in the order to enter them"),
    ("fr", "— les fiches sans patient et {count} patient(s), dans l’ordre de saisie")])
def test_the_printed_worklist_has_each_patient_and_item_in_the_clerks_language(office, tmp_path, lang, counted):
    """It was printed in English whatever the office's language; its birth dates as the
    wristband's ("born 12/03/1954" is the 3rd of December to a reader who writes the month first)."""
    from dataclasses import replace

    clerk = replace(office, lang=lang)
    text = " ".join(_pdf_text(printing.print_worklist(clerk, tmp_path / "worklist.pdf")).split())
    patients = _patients(back_entry.worklist(clerk))
    assert patients[0].patient.display_name in text and patients[0].patient.downtime_number in text
    assert counted.format(count=len(patients)) in text
    if lang == "en":
        assert "Medication order" in text and "Back-entry worklist" in text
        assert re.search(r"born \d\d-[A-Z][a-z]{2}-\d{4}", text) and not re.search(r"born \d\d/\d\d/\d{4}", text)
    else:
        assert "Liste de ressaisie dans le DPI" in text and "Prescription" in text and "saisir" in text
        assert not any(word in text for word in ("What to enter", "Medication order", "EHR reference"))


def test_a_part_of_the_worklist_is_the_patients_from_the_chosen_one_as_the_screen_shows_them(office, tmp_path):
    order = back_entry.worklist_order(office)
    assert back_entry.worklist_part(office, order, 0, len(order), left_only=False) == back_entry.worklist(office)
    whole = _patients(back_entry.worklist(office))
    start = back_entry.position(office, order, whole[2].patient.downtime_number)
    assert back_entry.worklist_part(office, order, start, 3, left_only=False) == whole[2:5]
    for item in whole[2].items:
        back_entry.mark_entered(office, item.record.record_id, item.record.version, "EHR-2")
    back_entry.mark_entered(office, whole[3].items[0].record.record_id, whole[3].items[0].record.version, "EHR-3")
    part = back_entry.worklist_part(office, order, start, 2, left_only=True)
    assert [group.patient for group in part] == [whole[3].patient, whole[4].patient]
    assert part[0].items == whole[3].items[1:] and part[1].items == whole[4].items
    with pytest.raises(ServiceError, match="DT-000-00000-0"):
        back_entry.position(office, order, "DT-000-00000-0")
    out = printing.print_worklist(office, tmp_path / "part.pdf", part)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert whole[3].patient.downtime_number in text and whole[4].patient.downtime_number in text
    assert whole[2].patient.downtime_number not in text and whole[5].patient.downtime_number not in text
    assert (f"Part of the list: 2 patient(s) from {whole[3].patient.display_name} to {whole[4].patient.display_name}, "
            "in the order to enter them") in " ".join(text.split())


@pytest.mark.parametrize("lang, said", [
    ("en", "Part of the list: the records about no patient and 5 patient(s) from ADAM Gérard to BARBIER Monique, in the "
           "order to enter them"),
    ("fr", "Partie de la liste : les fiches sans patient et 5 patient(s) d’ADAM Gérard à BARBIER Monique, dans l’ordre "
           "de saisie")])
def test_a_printed_part_counts_its_patients_in_the_clerks_words(office, tmp_path, lang, said):
    """`--patients 5` printed "5 group(s) de ADAM Gérard": the theatre sessions counted as one
    of the five patients, and "de" unelided before a vowel ("d’ADAM")."""
    from dataclasses import replace

    clerk = replace(office, lang=lang)
    part = back_entry.worklist_part(clerk, back_entry.worklist_order(clerk), 0, 5, left_only=False)
    assert [group.patient.display_name for group in part if group.patient][::4] == ["ADAM Gérard", "BARBIER Monique"]
    text = " ".join(_pdf_text(printing.print_worklist(clerk, tmp_path / "part.pdf", part)).split())
    assert said in text


def test_the_worklist_command_prints_a_part(office, tmp_path):
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    who = ["--user", "records", "--pin", "4444"]
    whole = _patients(back_entry.worklist(office))
    out = tmp_path / "part.pdf"
    assert main(["pdf", "worklist", "--out", str(out), "--patients", "2", "--from", whole[1].patient.downtime_number,
                 "--left", "--db", db, *who]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert [g.patient.downtime_number for g in whole[:4] if g.patient.downtime_number in text] == [
        whole[1].patient.downtime_number, whole[2].patient.downtime_number]
    assert main(["pdf", "worklist", "--out", str(out), "--patients", "0", "--db", db, *who]) == 1
    assert main(["pdf", "worklist", "--out", str(out), "--from", "DT-000-00000-0", "--db", db, *who]) == 1


def test_the_printed_part_of_what_is_left_passes_over_the_patients_entered_whole(office, tmp_path, monkeypatch):
    """It went through every patient's page from the one chosen on until it had as many with a
    line left: once 40,000 of a hospital's patients were entered, 1,600 pages."""
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    whole = _patients(back_entry.worklist(office))
    for group in whole[1:3]:
        for item in group.items:
            back_entry.mark_entered(office, item.record.record_id, item.record.version, "EHR-1")
    read: list[str | None] = []
    worklist_of = back_entry.worklist_of
    monkeypatch.setattr(back_entry, "worklist_of", lambda session, order: read.extend(order) or worklist_of(session, order))
    out = tmp_path / "part.pdf"
    assert main(["pdf", "worklist", "--out", str(out), "--patients", "1", "--from", whole[1].patient.downtime_number,
                 "--left", "--db", db, "--user", "records", "--pin", "4444"]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert whole[3].patient.downtime_number in text and whole[1].patient.downtime_number not in text
    assert not {group.patient.patient_id for group in whole[1:3]} & set(read)


def test_worklist_commands(office, tmp_path, capsys, monkeypatch):
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    who = ["--user", "records", "--pin", "4444"]
    assert main(["worklist", "--db", db, *who]) == 0
    shown = capsys.readouterr().out
    assert "0 of" in shown and "Medication order" in shown
    item = _patients(back_entry.worklist(office))[0].items[0]
    with pytest.raises(SystemExit):  # the version entered is named: one amended since is never ticked unseen
        main(["worklist", "mark", item.record.record_id, "--ref", "EHR-1", "--db", db, *who])
    assert main(["worklist", "mark", item.record.record_id, "--ref", "EHR-1", "--version",
                 str(item.record.version + 1), "--db", db, *who]) == 1
    assert main(["worklist", "mark", item.record.record_id, "--ref", "EHR-1", "--version", str(item.record.version),
                 "--db", db, *who]) == 0
    number = _patients(back_entry.worklist(office))[0].patient.downtime_number
    assert main(["worklist", "link", number, "--ehr", "800999", "--db", db, *who]) == 0
    assert main(["pdf", "worklist", "--out", str(tmp_path / "w.pdf"), "--db", db, *who]) == 0
    assert _patients(back_entry.worklist(office))[0].items[0].done


def test_a_linked_patient_is_exported_as_replaced_by_the_ehr_number(office, tmp_path):
    import json

    from fhir.resources.R4B.bundle import Bundle

    group = _patients(back_entry.worklist(office))[0]
    back_entry.link_patient(office, group.patient.downtime_number, "800412")
    folder = export(office, tmp_path / "office-export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    # By fullUrl: a Patient the demo laptop changed (an admission amended, a death) goes as an update, without its id.
    (patient,) = [e["resource"] for e in bundle["entry"] if e["fullUrl"] == f"urn:uuid:{group.patient.patient_id}"]
    assert patient["link"] == [{"other": {"identifier": {"system": "urn:downtime:hospital-patient-number",
                                                         "value": "800412"}, "display": "EHR patient 800412"},
                                "type": "replaced-by"}]


def test_display_names_are_the_names_the_summaries_show(session_for, admission_values):
    from downtime.services import census, records

    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, first.record_id, {**admission_values, "used_name": "Dubois"}, "Nom d'usage")
    withdrawn = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Erreur", "bed": "15"})
    records.mark_entered_in_error(nurse, withdrawn.record_id, "Wrong patient")
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "bed": "16"})
    db, forms = nurse.db, nurse.forms
    assert census.display_names(db, forms) == {pid: s.display_name for pid, s in census.all_patients(db, forms).items()}
    assert "DUBOIS Hélène Marie (née LEFÈVRE)" in census.display_names(db, forms).values()


ROUX = {"unidentified": False, "birth_name": "Roux", "given_names": "Paul", "sex": "male", "birth_date": "1960-01-02",
        "identity_status": "provisional", "arrival_at": "2026-11-28T10:00+01:00", "admission_mode": "direct",
        "reason": "Chest pain", "ward": "3B", "bed": "2", "admitting_clinician": "Dr V", "allergy_status": "nka",
        "resuscitation": "full"}


def _pdf_text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _entered_then_changed(tmp_path, laptop, change):
    """Roux admitted on ward laptop 5, entered in the EHR by the office, then changed on the
    ward (`change(nurse, record_id)`) and imported again; returns the office's clerk."""
    nurse, ward_clerk = laptop(tmp_path / "ward5.sqlite", 5)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    saved = records.save_new(nurse, "admission", ROUX)
    import_export(office, export(ward_clerk, tmp_path / "e1").folder)
    back_entry.mark_entered(office, saved.record_id, 1, "EHR-9")
    change(nurse, saved.record_id)
    import_export(office, export(ward_clerk, tmp_path / "e2", since_last=True).folder)
    return office


def test_an_amended_item_says_which_answers_to_correct_on_screen_and_paper(tmp_path, laptop):
    office = _entered_then_changed(tmp_path, laptop, lambda nurse, record_id: records.amend(
        nurse, record_id, {**ROUX, "allergy_status": "allergies",
                           "allergies": [{"substance": "Penicillin", "reaction": "Rash"}]}, "allergy found"))
    (group,) = back_entry.worklist(office)
    (item,) = group.items
    changes = "Allergy status: No known allergies → Allergies listed below; Allergies: — → Penicillin (Rash)"
    assert item.to_do == f"correct in the EHR (version 1 was entered, EHR reference EHR-9) — {changes}"
    assert item.to_do_in("en", loud=True) == f"CORRECT IN THE EHR (VERSION 1 WAS ENTERED, EHR REFERENCE EHR-9) — {changes}"
    text = " ".join(_pdf_text(printing.print_worklist(office, tmp_path / "w.pdf")).split())
    assert "No known allergies → Allergies listed below" in text and "Penicillin (Rash)" in text


def test_an_amended_number_to_correct_is_given_with_its_unit(tmp_path, laptop):
    """"Weight: — → 68.5": kilograms or pounds, the clerk correcting the EHR had to guess."""
    office = _entered_then_changed(tmp_path, laptop, lambda nurse, record_id: records.amend(
        nurse, record_id, {**ROUX, "weight_kg": 68.5}, "weighed again"))
    (group,) = back_entry.worklist(office)
    (item,) = group.items
    assert item.to_do == "correct in the EHR (version 1 was entered, EHR reference EHR-9) — Weight: — → 68.5 kg"


@pytest.mark.parametrize("lang, headings, to_do", [
    ("en", "When To do Version What to enter", "correct in the EHR (version 1 was entered, EHR reference EHR-9)"),
    ("fr", "Quand À faire Version À saisir", "à corriger dans le DPI (la version 1 a été saisie, référence DPI EHR-9)")])
def test_the_printed_worklist_says_what_to_do_right_after_the_time_as_the_screen_does(tmp_path, laptop, lang,
                                                                                      headings, to_do):
    """The paper put what to enter before what to do, where the screen (the clerk reads what to
    do first) puts it right after the time."""
    from dataclasses import replace

    office = replace(_entered_then_changed(tmp_path, laptop, lambda nurse, record_id: records.amend(
        nurse, record_id, {**ROUX, "bed": "3"}, "wrong bed")), lang=lang)
    (item,) = _patients(back_entry.worklist(office))[0].items
    text = " ".join(_pdf_text(printing.print_worklist(office, tmp_path / "w.pdf")).split())
    assert headings in text
    assert f"{item.record.occurred_at:%d/%m/%Y %H:%M} {to_do} — " in text


def test_an_admission_withdrawn_after_it_was_entered_stays_under_its_patient(tmp_path, laptop, left_agrees):
    office = _entered_then_changed(tmp_path, laptop, lambda nurse, record_id: records.mark_entered_in_error(
        nurse, record_id, "wrong patient"))
    number = office.db.execute("SELECT downtime_number FROM patients").fetchone()[0]
    (group,) = back_entry.worklist(office)
    assert left_agrees(office) and back_entry.patients_left(office) == {group.items[0].record.patient_id}
    assert group.patient is not None and (group.patient.display_name, group.patient.downtime_number) == (
        "ROUX Paul", number)
    assert [item.to_do for item in group.items] == [
        "withdraw in the EHR (entered in error here; version 1 was entered, EHR reference EHR-9)"]
    text = _pdf_text(printing.print_worklist(office, tmp_path / "w.pdf"))
    assert "ROUX Paul" in text and number in text and "Not about a patient" not in text


def test_records_loaded_from_the_ehr_snapshot_are_work_only_once_changed_on_the_ward(session_for, laptop, tmp_path):
    import json

    from test_snapshot_import import _bundle

    from downtime.storage.records import list_current
    from downtime.sync.importing import import_path

    loader, nurse, doctor = session_for("records"), session_for("nurse"), session_for("doctor")
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(_bundle()), encoding="utf-8")
    import_path(loader, path)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(loader, tmp_path / "e1").folder)
    assert back_entry.worklist(office) == [] and back_entry.progress_counts(office) == (0, 0)
    (admission,) = list_current(loader.db, "admission")
    (order,) = list_current(loader.db, "medication_order")
    records.amend(nurse, admission.record_id, {**admission.data, "identity_status": "validated",
                                               "identity_document": "passport"}, "passport seen")
    records.mark_entered_in_error(doctor, order.record_id, "stopped before the outage")
    import_export(office, export(loader, tmp_path / "e2", since_last=True).folder)
    work = back_entry.worklist(office)
    assert [(item.record.form_id, item.to_do) for group in work for item in group.items] == [
        ("admission", "correct in the EHR (version 1 was entered) — Identity status: Provisional → "
                      "Validated (document seen); Identity document seen: — → Passport"),
        ("medication_order", "withdraw in the EHR (entered in error here)")]
    assert back_entry.progress_counts(office) == back_entry.progress(work) == (0, 2)


def test_accented_family_names_are_sorted_among_their_letter(session_for, admission_values):
    nurse, clerk = session_for("nurse"), session_for("records")
    for bed, name in (("1", "Zola"), ("2", "Émery"), ("3", "Fabre"), ("4", "ebert")):
        records.save_new(nurse, "admission", {**admission_values, "birth_name": name, "used_name": "", "bed": bed})
    assert [group.patient.display_name.split()[0] for group in back_entry.worklist(clerk)] == [
        "EBERT", "ÉMERY", "FABRE", "ZOLA"]


def test_a_record_typed_on_the_ward_is_never_taken_for_one_loaded_from_the_snapshot(session_for, admission_values):
    """The worklist tells them apart by the id's kind (random on the ward, name-based from a
    snapshot): a ward record taken for a snapshot one would never be back-entered."""
    saved = records.save_new(session_for("nurse"), "admission", admission_values)
    assert not loaded_from_snapshot(saved.record_id)


def _office_lines(tmp_path, laptop, ward_clerk) -> dict[str, str]:
    """The records office's list after importing the ward's stick: each record's line as the
    Back-entry tab and the printed worklist give it (what to enter)."""
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(ward_clerk, tmp_path / "stick").folder)
    return {item.record.record_id: item.label for group in back_entry.worklist(office) for item in group.items}


def test_the_worklist_line_of_a_medication_order_omits_as_required_and_the_times(tmp_path, laptop, clock,
                                                                                 admission_values):
    """The clerk types each order into the EHR from its line. Regular amoxicillin at 08:00
    14:00 20:00 reads "Amoxicillin — 1 — g — Intravenous (IV)": no times. Morphine 5 mg SC
    *as required* for pain, every 4 h at least, 4 a day at most, controlled, reads "Morphine —
    5 — mg — Subcutaneous (SC)": nothing says it is PRN, so it can be entered as a regular
    opioid order."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    doctor = doctor_on(nurse, clock)
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    amox = records.save_new(doctor, "medication_order", {
        "drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T10:00+01:00", "review_at": "2026-12-01T10:00+01:00",
        "controlled": False, "high_alert": False, "allergy_reason": "Tolerated amoxicillin since (GP letter)"},
        patient_id=patient)
    morphine = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-28T10:00+01:00", "controlled": True, "high_alert": True}, patient_id=patient)
    lines = _office_lines(tmp_path, laptop, ward_clerk)
    shown = (lines[amox.record_id], lines[morphine.record_id])
    assert ("08:00 14:00 20:00" in shown[0],
            any(word in shown[1].lower() for word in ("as required", "prn"))) == (True, True), shown


def test_the_worklist_line_of_a_dose_gives_the_dose_ordered_not_the_dose_given(tmp_path, laptop, clock,
                                                                               admission_values):
    """The nurse gave half the ordered dose (0.5 g of a 1 g order). The clerk's line reads
    "Amoxicillin — 1 — g — … — Given — 28/11/2026 14:05": the 0.5 g given is nowhere, so the
    EHR records 1 g given."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    doctor = doctor_on(nurse, clock)
    patient = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka",
                                                    "allergies": []}).patient_id
    amox = records.save_new(doctor, "medication_order", {
        "drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T10:00+01:00", "review_at": "2026-12-01T10:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    clock.advance(minutes=10)
    dose = medication.record_dose(nurse, amox.record_id, {
        "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given", "given_at": "2026-11-28T14:05+01:00",
        "dose_given": 0.5, "route": "IV"}, overrides={Check.DOSE_MISMATCH: "half dose, doctor's call"})
    assert dose.data["dose_given"] == 0.5
    line = _office_lines(tmp_path, laptop, ward_clerk)[dose.record_id]
    assert "0.5" in line or "0,5" in line, line


def test_an_ehr_number_already_linked_to_another_patient_is_refused_unless_the_same_person(tmp_path, laptop,
                                                                                         admission_values):
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    for name, bed in (("Lefèvre", "12"), ("Roux", "7")):
        records.save_new(nurse, "admission", {**admission_values, "birth_name": name, "bed": bed, "nir": ""})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(ward_clerk, tmp_path / "stick").folder)
    first, second = sorted(group.patient.downtime_number for group in back_entry.worklist(office))
    back_entry.link_patient(office, first, "800777")
    with pytest.raises(ServiceError, match=f"EHR number 800777 is already linked to {first}"):
        back_entry.link_patient(office, second, "800777")
    back_entry.link_patient(office, first, "800777")  # the same patient again: nothing to ask
    back_entry.link_patient(office, second, "800777", same_person=True)
    assert sorted(back_entry.ehr_numbers(office.db).values()) == ["800777", "800777"]
    back_entry.link_patient(office, first, "800888", replacing="800777")  # a number typed on the wrong line, corrected
    statements: list[str] = []
    office.db.conn.set_trace_callback(statements.append)
    try:
        assert back_entry.linked_elsewhere(office.db, "DT-000-00000-0", "800777") == [second]
    finally:
        office.db.conn.set_trace_callback(None)
    plans = [" ".join(row[3] for row in office.db.execute(f"EXPLAIN QUERY PLAN {statement}"))
             for statement in statements if "patient_links" in statement]
    assert plans and not [plan for plan in plans if "SCAN patient_links" in plan], plans


def test_the_worklist_lines_of_an_admission_and_a_transfer_give_what_the_bundle_leaves_out(tmp_path, laptop,
                                                                                            admission_values):
    """The FHIR bundle has no place for a resuscitation decision, the weight drugs are dosed by
    or isolation precautions, so the clerk enters them from the admission's line; a transfer's
    line must name the bed the patient went to, as the EHR's transfer asks for it."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admitted = records.save_new(nurse, "admission", {**admission_values, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali", "resuscitation_decided_at": "2026-11-28T10:00+01:00",
                                                     "isolation": "contact", "weight_kg": 48.5})
    moved = records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T11:00+01:00", "to_ward": "ICU",
                                                 "to_bed": "Side 2", "reason": "Needs monitoring"},
                             patient_id=admitted.patient_id)
    lines = _office_lines(tmp_path, laptop, ward_clerk)
    admission = lines[admitted.record_id]
    assert ("DNACPR" in admission, "48.5" in admission, "Contact precautions" in admission) == (True, True, True), \
        admission
    assert "Side 2" in lines[moved.record_id], lines[moved.record_id]


def test_records_of_a_patient_whose_admission_is_not_imported_yet_stay_under_their_downtime_number(
        tmp_path, laptop, clock, admission_values):
    """The stick of the second day arrives first: its transfer is imported (a first version needs
    nothing before it) while the admission is on the first day's stick. The line must stay the
    patient's, under their downtime number, not go to the ward's records "not about a patient"
    where nobody could tell whose transfer to enter."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admitted = records.save_new(nurse, "admission", admission_values)
    first_day = export(ward_clerk, tmp_path / "day-1").folder
    clock.advance(hours=20)
    moved = records.save_new(nurse, "transfer", {"moved_at": "2026-11-29T09:00+01:00", "to_ward": "ICU",
                                                 "to_bed": "4", "reason": "Needs monitoring"},
                             patient_id=admitted.patient_id)
    second_day = export(ward_clerk, tmp_path / "day-2", since_last=True).folder
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, second_day)
    (group,) = back_entry.worklist(office)
    number = downtime_numbers(nurse.db)[str(admitted.patient_id)]
    assert group.patient is not None and group.patient.downtime_number == number
    assert [item.record.record_id for item in group.items] == [moved.record_id]
    assert "not imported" in group.patient.display_name
    import_export(office, first_day)
    (group,) = back_entry.worklist(office)
    assert group.patient is not None and group.patient.display_name == "MARTIN Hélène Marie (née LEFÈVRE)"


def test_the_line_of_a_provisional_identity_says_to_enter_it_as_provisional_without_the_ins(
        tmp_path, laptop, admission_values):
    """The bundle leaves the INS of a provisional identity out; the clerk typing the admission
    from the list must do the same, in their language, and the list says so until it is
    entered (a validated identity's line does not)."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    provisional = records.save_new(nurse, "admission", {**admission_values, "identity_status": "provisional",
                                                         "identity_document": None})
    validated = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "nir": "",
                                                      "bed": "14"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(ward_clerk, tmp_path / "stick").folder)
    items = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert items[provisional.record_id].to_do_in("en") == (
        "enter — identity provisional: create it as provisional in the EHR, without the INS, until an identity "
        "document is seen")
    assert items[provisional.record_id].to_do_in("fr").startswith("à saisir — identité provisoire : ")
    assert items[validated.record_id].to_do_in("en") == "enter"
    back_entry.mark_entered(office, provisional.record_id, 1, "EHR-1")
    (entered,) = [item for group in back_entry.worklist(office) for item in group.items
                  if item.record.record_id == provisional.record_id]
    assert entered.to_do_in("en") == "entered"


def test_a_provisional_file_entered_then_identified_as_an_ehr_patient_is_to_merge_not_rename(
        tmp_path, laptop, admission_values, clock):
    """The office entered UNKNOWN MALE ALPHA as the provisional EHR file EHR-PROV-555, as its line
    asked; identified as GIRARD, IPP 80012345, who has his own EHR file, the line said "correct
    in the EHR": renaming the provisional file into a second file for him. It says to link, then
    merge; once linked, to merge; marked entered, done."""
    nurse, ward_clerk = laptop(tmp_path / "ward5.sqlite", 5)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    admitted = records.save_new(nurse, "admission", unknown_man(admission_values))
    import_export(office, export(ward_clerk, tmp_path / "e1").folder)
    back_entry.mark_entered(office, admitted.record_id, 1, "EHR-PROV-555")
    records.amend(nurse, admitted.record_id, {**admitted.data, **GIRARD, "ipp": "80012345"}, "Identified, passport")
    import_export(office, export(ward_clerk, tmp_path / "e2", since_last=True).folder)
    (group,) = back_entry.worklist(office)
    (item,) = group.items
    number = group.patient.downtime_number
    assert item.to_do.startswith("merge in the EHR into patient 80012345 (version 1 was entered as provisional file "
                                 "EHR-PROV-555) — ")
    assert item.to_do.endswith(f" — link {number} to EHR patient 80012345 first; identified since as EHR patient "
                               "80012345: merge the provisional file EHR-PROV-555 into theirs (identity vigilance), "
                               "never rename it into a second file for them, then mark this version entered")
    back_entry.link_patient(office, number, "80012345")
    ((item,),) = [group.items for group in back_entry.worklist(office)]
    assert item.to_do.endswith(" — identified since as EHR patient 80012345: merge the provisional file EHR-PROV-555 "
                               "into theirs (identity vigilance), never rename it into a second file for them, then "
                               "mark this version entered")
    back_entry.mark_entered(office, admitted.record_id, 2, "80012345")
    ((item,),) = [group.items for group in back_entry.worklist(office)]
    assert item.done and item.to_do == "entered"


def test_the_worklist_heading_of_an_identified_patient_names_the_temporary_name_he_was_admitted_under(
        tmp_path, session_for, admission_values, clock):
    """The clerk back-entering holds paper forms and laboratory slips reading UNKNOWN MALE ALPHA:
    the printed heading named GIRARD Thomas Paul alone."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", unknown_man(admission_values))
    clock.now = clock.now.replace(day=30, hour=10)
    records.amend(nurse, admitted.record_id, {**admitted.data, **GIRARD}, "Identified by his wife")
    ((was,),) = [group.formerly for group in back_entry.worklist(session_for("records"))]
    assert (was.name, was.descriptor) == ("Unknown Male Alpha", "man about 35, road accident")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(printing.print_worklist(
        session_for("records"), tmp_path / "w.pdf")).pages).split())
    assert "GIRARD Thomas Paul (admitted as UNKNOWN MALE ALPHA until 30/11/2026 10:00) — born" in text


def test_the_worklist_line_of_a_transfer_gives_its_handover_notes(tmp_path, laptop, admission_values):
    """The bundle moves the patient's bed and has no place for what the ward handed over; the
    EHR's transfer note is typed from the line."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admitted = records.save_new(nurse, "admission", admission_values)
    moved = records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T11:00+01:00", "to_ward": "ICU",
                                                 "to_bed": "Side 2", "reason": "Needs monitoring",
                                                 "handover_notes": "Hip X-ray done; NBM from midnight"},
                             patient_id=admitted.patient_id)
    line = _office_lines(tmp_path, laptop, ward_clerk)[moved.record_id]
    assert line.endswith("Handover notes: Hip X-ray done; NBM from midnight"), line


def test_the_worklist_lines_of_a_discharge_and_a_death_give_the_follow_up_and_the_notes(tmp_path, laptop,
                                                                                       admission_values):
    """The bundle ends the stay with its disposition and has no place for the follow-up arranged
    or the notes on a death; the death's line read "… — Yes — No", answers without questions."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    home = records.save_new(nurse, "admission", admission_values)
    left = records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                                 "letter_given": True, "medicines_given": True,
                                                 "follow_up": "Fracture clinic in 2 weeks"}, patient_id=home.patient_id)
    other = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "nir": "", "bed": "14"})
    died = records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali",
                                             "expected": True, "family_informed": False,
                                             "notes": "Daughter to be called by the ward"}, patient_id=other.patient_id)
    lines = _office_lines(tmp_path, laptop, ward_clerk)
    assert lines[left.record_id].endswith("Follow-up arranged: Fracture clinic in 2 weeks"), lines[left.record_id]
    assert lines[died.record_id].endswith(
        "Date and time death verified: 28/11/2026 13:00 — Verified by (name): Dr Benali — Verified by a: Doctor — "
        "Observed for (minutes; at least 5): 5 min — Expected death: Yes — Referred to the coroner (medico-legal obstacle): No — Implanted device (pacemaker, "
        "ICD, pump, radioactive implant): None — Next of kin informed: No — Notes: Daughter to be called by the "
        "ward"), \
        lines[died.record_id]


def test_the_worklist_line_of_an_admission_gives_the_identity_traits_the_bundle_leaves_out(tmp_path, laptop,
                                                                                          admission_values):
    """Creating the identity in the EHR asks for the birthplace and, for a validated one, the
    document seen; an encounter number already known says which EHR stay to use. None was in
    the bundle or on the line."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admitted = records.save_new(nurse, "admission", {**admission_values, "birthplace_code": "75056",
                                                     "encounter_number": "E-1"})
    line = _office_lines(tmp_path, laptop, ward_clerk)[admitted.record_id]
    assert "Identity status: Validated (document seen) — Identity document seen: National ID card" in line, line
    assert "Birthplace code (INSEE): 75056" in line and "Encounter number if known: E-1" in line, line


def test_the_worklist_line_of_an_admission_gives_how_to_talk_with_the_patient(tmp_path, laptop, admission_values):
    """The language spoken, the interpreter and the communication needs: learnt at the bedside
    each shift on paper, and for the EHR's nursing assessment, which the bundle has no place for."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admitted = records.save_new(nurse, "admission", {
        **admission_values, "language": "Portuguese", "interpreter_needed": True,
        "communication_needs": "Deaf in the left ear, lip-reads; glasses"})
    line = _office_lines(tmp_path, laptop, ward_clerk)[admitted.record_id]
    assert line.endswith("Language the patient speaks, if not the ward's: Portuguese — Interpreter needed: Yes — "
                         "Communication needs (hearing, sight, speech, memory, understanding): Deaf in the left ear, "
                         "lip-reads; glasses"), line


def test_the_worklist_line_of_an_admission_gives_the_medicines_taken_before_admission(tmp_path, laptop,
                                                                                        admission_values):
    """The clerk back-entering an admission reconciles what the patient took at home in the
    EHR; the line left it out, on screen and on paper, and the clerk went to the paper form."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    typed = "Apixaban 5 mg twice a day, last 27/11 20:00\nBisoprolol 2.5 mg morning"
    admitted = records.save_new(nurse, "admission", {**admission_values, "usual_medicines": typed})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(ward_clerk, tmp_path / "stick").folder)
    (group,) = back_entry.worklist(office)
    (line,) = [item.label for item in group.items if item.record.record_id == admitted.record_id]
    assert f"Allergies: Penicillin (Rash, Moderate) — Medicines taken before admission (drug, dose, when last taken): " \
           f"{typed} — Resuscitation" in line, line
    # On paper, each medicine on a line of its own as typed: run on, "… 20:00 Bisoprolol …" read as one.
    text = _pdf_text(printing.print_worklist(office, tmp_path / "w.pdf"))
    assert "Medicines taken before admission (drug, dose, when last taken): Apixaban 5 mg twice a day, last 27/11 " \
           "20:00 Bisoprolol 2.5 mg morning — Resuscitation" in " ".join(text.split()), text
    assert any(line.startswith("Bisoprolol 2.5 mg morning — ") for line in text.splitlines()), text


@pytest.fixture
def long_group(tmp_path, laptop, clock):
    """Roux with 40 observation sets since his admission, imported into the office: his group runs over pages."""
    from datetime import timedelta

    nurse, ward_clerk = laptop(tmp_path / "ward5.sqlite", 5)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    roux = records.save_new(nurse, "admission", ROUX).patient_id
    for minutes in range(200, 0, -5):
        records.save_new(nurse, "observations", {
            "taken_at": (clock.now - timedelta(minutes=minutes)).isoformat(timespec="minutes"), "respiratory_rate": 16,
            "spo2": 97, "spo2_scale": "scale_1", "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80,
            "pulse": 72, "consciousness": "alert", "temperature": 37.0}, patient_id=roux)
    import_export(office, export(ward_clerk, tmp_path / "e1").folder)
    return office


def test_every_page_of_a_patients_group_names_the_patient(long_group, tmp_path):
    """A group running onto the next page went on there under the column headings alone: a clerk
    ticking that page had no name or number to enter its lines under."""
    (group,) = back_entry.worklist(long_group)
    pages = PdfReader(printing.print_worklist(long_group, tmp_path / "w.pdf")).pages
    assert len(pages) > 1
    for page in pages:
        assert group.patient.downtime_number in page.extract_text()


def test_an_admission_with_the_longest_answers_leaves_the_worklist_printable(tmp_path, laptop):
    """The longest allergy list and reason the admission form takes made its line taller than a
    page: reportlab gave up, and the office's whole worklist did not print. The longest list of
    medicines taken before admission, one a line, goes on it too."""
    nurse, ward_clerk = laptop(tmp_path / "ward5.sqlite", 5)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    allergies = [{"substance": f"Substance {number:02d} " + "x" * 87, "reaction": "Anaphylaxis, " * 14 + "urticaria",
                  "severity": "severe"} for number in range(20)]
    records.save_new(nurse, "admission", {**ROUX, "reason": "Chest pain. " * 166, "allergy_status": "allergies",
                                          "allergies": allergies, "usual_medicines": "Apixaban 5 mg.\n" * 133})
    import_export(office, export(ward_clerk, tmp_path / "e1").folder)
    text = "".join(_pdf_text(printing.print_worklist(office, tmp_path / "w.pdf")).split())
    assert all(f"Substance{number:02d}" in text for number in range(20))
    assert text.count("Apixaban5mg.") == 133


def test_the_ehr_number_to_write_is_punctuated_in_each_language(tmp_path, laptop):
    """The English worklist set a French space before its colon: "EHR number : ____"."""
    from dataclasses import replace

    nurse, ward_clerk = laptop(tmp_path / "ward5.sqlite", 5)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    records.save_new(nurse, "admission", ROUX)
    import_export(office, export(ward_clerk, tmp_path / "e1").folder)
    assert "EHR number: ____" in _pdf_text(printing.print_worklist(office, tmp_path / "en.pdf"))
    assert "N° DPI : ____" in _pdf_text(printing.print_worklist(replace(office, lang="fr"), tmp_path / "fr.pdf"))


def test_a_parts_subtitle_naming_two_long_names_stays_on_the_page(tmp_path, laptop):
    """The subtitle of a part of the list names its first and last patients on one line: two
    married names ran it off the right edge of the page, its count of records entered cut."""
    from pypdf import PdfReader
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from downtime.pdf.page import MARGIN, SANS

    nurse, ward_clerk = laptop(tmp_path / "ward5.sqlite", 5)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for bed, birth in (("1", "Dupont-Martin"), ("2", "Lefèvre-Delacroix")):
        records.save_new(nurse, "admission", {**ROUX, "bed": bed, "birth_name": birth, "used_name": "Montmorency-Laval",
                                              "given_names": "Marie-Thérèse Anne Louise", "sex": "female"})
    import_export(office, export(ward_clerk, tmp_path / "e1").folder)
    page = PdfReader(printing.print_worklist(office, tmp_path / "w.pdf", back_entry.worklist(office))).pages[0]
    ends: list[tuple[str, float]] = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: ends.append(
        (text, cm[4] + tm[4] + stringWidth(text, SANS, 9))) if "Part of the list" in text or "EHR" in text else None)
    subtitle = [(text, end) for text, end in ends if "Part of the list" in text or "record(s) entered" in text]
    assert subtitle and all(end <= float(page.mediabox.width) - MARGIN for _, end in subtitle), subtitle


def test_the_printed_and_command_line_worklists_say_who_is_probably_one_person(tmp_path, laptop, admission_values,
                                                                                capsys):
    """One person admitted on two laptops, under two downtime numbers: the tab said so above the
    list, but the printed part the clerk ticks while typing and `downtime worklist` did not, and
    each number became an EHR file of its own. Said under each of them, until both are linked."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    records.save_new(nurse_1, "admission", admission_values)
    records.save_new(nurse_2, "admission", {**admission_values, "ward": "5A", "bed": "7"})
    records.save_new(nurse_2, "admission", {**admission_values, "birth_name": "Roux", "given_names": "Paul",
                                            "nir": "", "bed": "3"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    first, second = "DT-001-00001-7", "DT-002-00001-6"
    why = "(the same NIR; the same family name (birth or used), first name and date of birth)"
    said = {first: f"Probably the same person as {second} {why}: link both to one EHR patient number, and enter "
                   "the admission once.",
            second: f"Probably the same person as {first} {why}: link both to one EHR patient number, and enter "
                    "the admission once."}
    printed = " ".join(_pdf_text(printing.print_worklist(office, tmp_path / "w.pdf")).split())
    assert said[first] in printed and said[second] in printed and printed.count("Probably the same person") == 2
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    who = ["--db", db, "--user", "records", "--pin", "4444"]
    assert main(["worklist", *who]) == 0
    shown = capsys.readouterr().out
    assert said[first] in shown and said[second] in shown and shown.count("Probably the same person") == 2
    for number in (first, second):
        back_entry.link_patient(office, number, "800123", same_person=number == second)
    assert "Probably" not in _pdf_text(printing.print_worklist(office, tmp_path / "linked.pdf"))
    assert main(["worklist", *who]) == 0 and "Probably" not in capsys.readouterr().out


def test_namesakes_the_ward_told_apart_are_never_asked_to_be_linked(tmp_path, laptop, admission_values, capsys):
    """Twins of one name and date of birth in beds 30 and 31, one allergic to penicillin: the
    nurse answered the admission's "Already in hospital?" that the second is another person, yet
    the worklist asked the clerk to link both to one EHR file. The answer is kept on the
    admission (`not_same_as`), and the worklist now says they are other people, on paper and on
    the command line."""
    nurse, clerk = laptop(tmp_path / "ward.sqlite", 1)
    twin = {**admission_values, "nir": ""}
    records.save_new(nurse, "admission", {**twin, "bed": "30"})
    first, second = "DT-001-00001-7", "DT-001-00002-5"
    records.save_new(nurse, "admission", {**twin, "bed": "31", "not_same_as": first})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "stick").folder)
    assert back_entry.probable_duplicates(office) == []
    why = "(the same family name (birth or used), first name and date of birth)"
    said = {number: f"Not the same person as {other} {why}: the ward told them apart when admitting them. Enter each "
                    "under their own EHR patient; do not link them to one."
            for number, other in ((first, second), (second, first))}
    printed = " ".join(_pdf_text(printing.print_worklist(office, tmp_path / "w.pdf")).split())
    assert said[first] in printed and said[second] in printed and "Probably" not in printed
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["worklist", "--db", db, "--user", "records", "--pin", "4444"]) == 0
    shown = capsys.readouterr().out
    assert said[first] in shown and said[second] in shown and "Probably" not in shown


def test_the_worklist_command_speaks_the_clerks_language(office, capsys):
    """`downtime worklist --lang fr` said its count in French and every line in English (the
    step, what to do, the ward's records' heading): the printed worklist speaks French."""
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["worklist", "--lang", "fr", "--db", db, "--user", "records", "--pin", "4444"]) == 0
    shown = capsys.readouterr().out
    assert "Prescription" in shown and "à saisir)" in shown and "(ne concerne pas un patient)" in shown
    assert not any(word in shown for word in ("Medication order", " enter)", "Not about a patient"))
    # French typography's space before the colon, as the screen and the printed list have it.
    steps = [line.split("] ", 1)[1] for line in shown.splitlines() if line.startswith("  [")]
    assert steps and all(re.match(r"[^:]+[^ ]: ", step) is None for step in steps), steps[0]
    assert any(step.startswith("Admission, allergies et mouvements : Date et heure d’arrivée : ") for step in steps)


def _paracetamol(doctor: Session, patient: str, start: str = "2026-11-28T10:00+01:00"):
    """Paracetamol 1 g by mouth at 08:00, 14:00 and 20:00 from `start`."""
    return records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": start, "controlled": False, "high_alert": False}, patient_id=patient)


def _moved_with_an_order(tmp_path, laptop, clock, admission_values):
    """Laptop 1 admitted a patient and its doctor wrote their paracetamol; the patient moved to
    laptop 2's ward with a stick made then. The doctor, each laptop's nurse and records clerk,
    and the order."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    patient = records.save_new(nurse_1, "admission", admission_values).patient_id
    doctor = doctor_on(nurse_1, clock)
    order = _paracetamol(doctor, patient)
    import_export(clerk_2, export(clerk_1, tmp_path / "moved").folder)
    return doctor, (nurse_1, clerk_1), (nurse_2, clerk_2), order


def dose_recorded_twice(tmp_path, laptop, clock, admission_values):
    """The 14:00 dose given on laptop 1 (14:05) and on laptop 2 (14:40), and laptop 2's 20:00
    dose, all imported at the records office: the office's clerk, each laptop's nurse and clerk,
    and the three doses."""
    _, (nurse_1, clerk_1), (nurse_2, clerk_2), order = _moved_with_an_order(tmp_path, laptop, clock, admission_values)
    clock.advance(hours=7)
    doses = tuple(medication.record_dose(nurse, order.record_id, {
        "scheduled_for": f"2026-11-28T{due}+01:00", "outcome": "given", "given_at": f"2026-11-28T{given}+01:00",
        "dose_given": 1.0, "route": "PO"}) for nurse, due, given in (
        (nurse_1, "14:00", "14:05"), (nurse_2, "14:00", "14:40"), (nurse_2, "20:00", "20:10")))
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    return office, (nurse_1, clerk_1), (nurse_2, clerk_2), doses


def test_one_scheduled_dose_recorded_on_two_laptops_is_said_on_both_lines(tmp_path, laptop, clock, admission_values):
    """The patient moved to another ward with a stick made before their 14:00 dose; the first
    ward recorded it, the second gave (or recorded) it again. Each laptop checked double doses
    against its own records only, and the office listed both to enter with no word: the EHR
    then read two doses given, or lost a real double dose among the lines."""
    office, (nurse_1, clerk_1), (nurse_2, clerk_2), (first, second, evening) = dose_recorded_twice(
        tmp_path, laptop, clock, admission_values)
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    # Who recorded the other dose by the name their laptop's export gave, staff ID and laptop: staff IDs
    # are each laptop's own, and the office's staff list named its own nurse ("Nurse (nurse)"), not the ward's. And when it was
    # given, to compare with this line's dose: both were typed at 21:00, which the line said.
    assert lines[first.record_id].to_do_in("en") == (
        "enter — the same dose (due 28/11/2026 14:00) was also recorded on laptop 2 (no. 002) by Nurse (nurse, laptop 002), "
        "given 28/11/2026 14:40: ask the ward whether it is one dose recorded twice before entering both")
    assert "also recorded on laptop 1 (no. 001) by Nurse (nurse, laptop 001), given 28/11/2026 14:05:" in lines[
        second.record_id].to_do_in("en")
    # A ward laptop names its own nurse from its staff list, the other laptop's by name, ID and laptop.
    import_export(clerk_2, export(clerk_1, tmp_path / "stick1-to-ward2").folder)
    on_ward_2 = {item.record.record_id: item.to_do_in("en") for group in back_entry.worklist(clerk_2)
                 for item in group.items}
    assert "also recorded on laptop 2 (no. 002) by Nurse (nurse), given 28/11/2026 14:40:" in on_ward_2[first.record_id]
    assert "also recorded on laptop 1 (no. 001) by Nurse (nurse, laptop 001), given 28/11/2026 14:05:" in on_ward_2[
        second.record_id]
    assert lines[evening.record_id].to_do_in("en") == "enter"
    assert "RECORDED" not in lines[first.record_id].to_do_in("en", loud=True).split(" — ", 1)[1]
    medication.withdraw_dose(nurse_2, second.record_id, "recorded twice: given once, on ward 1")
    import_export(office, export(clerk_2, tmp_path / "stick2-again").folder)
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert lines[first.record_id].to_do_in("en") == "enter"


def test_the_line_of_a_dose_recorded_twice_says_once_the_other_record_is_in_the_ehr(tmp_path, laptop, clock,
                                                                                    admission_values, capsys):
    """The 14:00 dose recorded on two laptops: the morning clerk asked the ward, entered laptop
    1's and ticked it off. The other line went on saying "ask the ward … before entering both",
    nothing more: the next clerk, on the line left, typed the dose into the EHR a second time.
    It says the other record is in the EHR already, under which reference, on the screen, the
    printed list and `downtime worklist`; the line ticked off says nothing of it."""
    _, (nurse_1, clerk_1), (nurse_2, clerk_2), order = _moved_with_an_order(tmp_path, laptop, clock, admission_values)
    clock.advance(hours=7)
    first, second = (medication.record_dose(nurse, order.record_id, {
        "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given", "given_at": f"2026-11-28T{given}+01:00",
        "dose_given": 1.0, "route": "PO"}) for nurse, given in ((nurse_1, "14:05"), (nurse_2, "14:40")))
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    already = "that record is in the EHR already (reference MAR-77)"
    assert already not in json.dumps([item.to_do_in("en") for group in back_entry.worklist(office)
                                      for item in group.items])
    # Ticked from the command line, its line's warning is said again: the clerk may not have read
    # it whole in `downtime worklist`'s long output.
    who = ["--db", str(tmp_path / "office.sqlite"), "--user", "records", "--pin", "4444"]
    assert main(["worklist", "mark", first.record_id, "--version", "1", "--ref", "MAR-77", *who]) == 0
    said = capsys.readouterr().out
    assert "marked entered in the EHR as MAR-77" in said and "Its line said: enter — the same dose" in said
    assert "ask the ward whether it is one dose recorded twice" in said
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert lines[second.record_id].to_do_in("en") == (
        "enter — the same dose (due 28/11/2026 14:00) was also recorded on laptop 1 (no. 001) by Nurse (nurse, laptop 001), "
        "given 28/11/2026 14:05: ask the ward whether it is one dose recorded twice before entering both; that record "
        "is in the EHR already (reference MAR-77): enter this one only if the ward says it is not the same dose")
    assert already not in lines[first.record_id].to_do_in("en")
    out = printing.print_worklist(office, tmp_path / "list.pdf")
    printed = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert already in printed
    main(["worklist", *who])
    assert already in capsys.readouterr().out


def test_the_same_dose_marked_not_given_on_another_laptop_is_said_so_with_its_time(tmp_path, laptop, clock,
                                                                                   admission_values):
    """Laptop 1 charted the 14:00 dose refused at 14:30, laptop 2 gave it at 14:40, both typed at
    21:00: the given dose's line said the other was "recorded … 28/11/2026 21:00", and the clerk
    asked the ward about a second dose that was never given. It says the other was marked not
    given, and when; the refused dose's line says when the other was given."""
    _, (nurse_1, clerk_1), (nurse_2, clerk_2), order = _moved_with_an_order(tmp_path, laptop, clock, admission_values)
    clock.advance(hours=7)
    refused = medication.record_dose(nurse_1, order.record_id, {
        "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "not_given", "given_at": "2026-11-28T14:30+01:00",
        "not_given_reason": "refused"})
    given = medication.record_dose(nurse_2, order.record_id, {
        "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given", "given_at": "2026-11-28T14:40+01:00",
        "dose_given": 1.0, "route": "PO"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    lines = {item.record.record_id: item.to_do_in("en") for group in back_entry.worklist(office) for item in group.items}
    assert lines[given.record_id] == (
        "enter — the same dose (due 28/11/2026 14:00) was also recorded on laptop 1 (no. 001) by Nurse (nurse, laptop 001), "
        "marked not given 28/11/2026 14:30: ask the ward whether it is one dose recorded twice before entering both")
    assert "by Nurse (nurse, laptop 002), given 28/11/2026 14:40: ask the ward" in lines[refused.record_id]


def test_a_dose_given_only_in_another_laptops_version_on_hold_is_said_on_the_line_of_the_same_dose(dose_on_hold,
                                                                                                   tmp_path, laptop,
                                                                                                   clock):
    """Laptop 2 withdrew the 08:00 dose laptop 1 had given (the dose is on hold: laptop 1's
    version says given) and gave the 08:00 dose again. At the office, where laptop 2's
    withdrawal stands, the second dose was listed to enter with no word: the one record of the
    first dose given was laptop 1's version on hold, which the check of the same dose did not
    read, so its line said nothing or 'ask the ward' by the order the sticks came in. Entered,
    and the hold then settled as given, the EHR read two doses."""
    _, order, dose, _, nurse_2 = dose_on_hold
    values = {"outcome": "given", "given_at": "2026-11-28T08:30+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
              "dose_given": 1.0, "route": "PO"}
    try:
        again = medication.record_dose(nurse_2, order, values)
    except medication.OverrideNeeded as needed:
        again = medication.record_dose(nurse_2, order, values, overrides={
            warning.check: "given again, the first withdrawn" for warning in needed.warnings})
    clerk_2 = Session(nurse_2.db, nurse_2.device, staff.sign_in(nurse_2.db, "records", "4444", clock), nurse_2.forms,
                      clock)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk_2, tmp_path / "stick2").folder)
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert lines[again.record_id].to_do_in("en") == (
        "enter — the same dose (due 28/11/2026 08:00) was also recorded on laptop 001 by nurse (laptop 001), given "
        "28/11/2026 08:05: ask the ward whether it is one dose recorded twice before entering both")
    assert lines[dose].on_hold is not None and lines[dose].conflicts == ()
    bundle = export(office, tmp_path / "office-export")  # the bundle's Provenance says it too
    assert [found.record_id for found in bundle.ask_the_ward] == [again.record_id]


def _dose_on_laptop_2(tmp_path, laptop, clock, admission_values) -> tuple[Session, Session, Session, str, str]:
    """Laptop 1's doctor wrote an order, the patient moved to laptop 2's ward with a stick, and
    laptop 2 gave its 14:00 dose: the doctor, both laptops' records clerks, the order and the dose."""
    doctor, (_, clerk_1), (nurse_2, clerk_2), order = _moved_with_an_order(tmp_path, laptop, clock, admission_values)
    clock.advance(hours=1)
    dose = medication.record_dose(nurse_2, order.record_id, {
        "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given", "given_at": "2026-11-28T14:05+01:00",
        "dose_given": 1.0, "route": "PO"})
    return doctor, clerk_1, clerk_2, order.record_id, dose.record_id


@pytest.mark.parametrize("stopped, first", [(False, 1), (True, 1), (True, 2)])
def test_a_dose_whose_order_another_laptop_withdrew_says_so(tmp_path, laptop, clock, admission_values, stopped, first):
    """Laptop 1 marked the order entered in error after the patient moved to laptop 2's ward,
    which gave a dose from it. A laptop refuses to withdraw an order its doses stand on, but no
    laptop saw both: the office listed the dose to enter, named by an order it no longer listed
    (withdrawn before it was entered), so the clerk entered a dose with no order in the EHR, and
    nobody asked whether the patient had had a drug written for someone else. When laptop 2's
    doctor stopped the order meanwhile, the order is on hold, and with laptop 2's stick taken
    first its stop stood at the office, the withdrawal was the version on hold, and the dose's
    line said nothing."""
    doctor, clerk_1, clerk_2, order, dose = _dose_on_laptop_2(tmp_path, laptop, clock, admission_values)
    records.mark_entered_in_error(doctor, order, "written for the wrong patient")
    if stopped:
        records.amend(doctor_on(clerk_2, clock), order, {**records.current(clerk_2.db, order).data,
                                                       "stop_at": "2026-11-29T10:00+01:00"}, "stops tomorrow")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for clerk in (clerk_1, clerk_2) if first == 1 else (clerk_2, clerk_1):
        import_export(office, export(clerk, tmp_path / f"stick{clerk.device.device_number}").folder)
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert (order in lines and lines[order].on_hold is not None) == stopped
    line = lines[dose]
    assert line.to_do_in("en") == (
        "enter — its order was withdrawn (entered in error) on laptop 1 (no. 001) by Dr Benali (doctor, laptop 001), 28/11/2026 15:00: "
        "written for the wrong patient. Ask the ward or the prescriber before entering this dose")
    assert "its order was withdrawn" in _pdf_text(printing.print_worklist(office, tmp_path / "w.pdf"))


@pytest.mark.parametrize("moved, first", [(False, 1), (True, 1), (True, 2)])
def test_the_records_of_a_patient_whose_admission_another_laptop_withdrew_say_so(tmp_path, laptop, admission_values,
                                                                                 observed_after_a_move, moved, first):
    """Laptop 1 withdrew the admission (entered in error) once the patient had moved to laptop
    2's ward, which went on recording their care. A laptop refuses to withdraw an admission its
    patient's other records stand on, but none saw both: the office listed that care to enter
    for a patient whose admission it no longer listed. When laptop 2 moved the patient's bed
    meanwhile, the admission is on hold, and with laptop 2's stick taken first the withdrawal
    was the version on hold, and the care's line said nothing."""
    nurse_1, clerk_1, nurse_2, clerk_2, admitted, taken = observed_after_a_move
    if moved:
        records.amend(nurse_2, admitted.record_id, {**admission_values, "bed": "14"}, "moved to bed 14")
    records.mark_entered_in_error(nurse_1, admitted.record_id, "duplicate of DT-001-00002-5")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for clerk in (clerk_1, clerk_2) if first == 1 else (clerk_2, clerk_1):
        import_export(office, export(clerk, tmp_path / f"stick{clerk.device.device_number}").folder)
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert sorted(lines) == sorted([taken.record_id, *([admitted.record_id] if moved else [])])
    assert lines[taken.record_id].to_do_in("en") == (
        "enter — this patient's admission was withdrawn (entered in error) on laptop 1 (no. 001) by Nurse (nurse, laptop 001), "
        "28/11/2026 14:30: duplicate of DT-001-00002-5. Ask the ward before entering this record")


def office_asking_the_ward(tmp_path, laptop, clock, admission_values) -> tuple[Session, list[str]]:
    """The records office with a 14:00 dose recorded on two laptops, a dose whose order laptop 1
    withdrew after the patient moved to laptop 2's ward, and observations laptop 2 took of a
    patient whose admission laptop 1 withdrew; and the four records the worklist says to ask the
    ward about (both doses, the other dose, the observations)."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    doctor = doctor_on(nurse_1, clock)
    twice, withdrawn, gone = (records.save_new(nurse_1, "admission", {
        **admission_values, "birth_name": name, "used_name": "", "given_names": "Anne", "nir": "", "bed": bed}).patient_id
        for name, bed in (("Roux", "1"), ("Blanc", "2"), ("Petit", "3")))
    orders = [_paracetamol(doctor, patient) for patient in (twice, withdrawn)]
    import_export(clerk_2, export(clerk_1, tmp_path / "moved").folder)
    clock.advance(hours=7)
    doses = [medication.record_dose(nurse, order.record_id, {
        "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given", "given_at": "2026-11-28T14:05+01:00",
        "dose_given": 1.0, "route": "PO"}) for nurse, order in ((nurse_1, orders[0]), (nurse_2, orders[0]),
                                                                 (nurse_2, orders[1]))]
    taken = records.save_new(nurse_2, "observations", {
        "taken_at": "2026-11-28T17:20+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 37.0}, patient_id=gone)
    records.mark_entered_in_error(doctor, orders[1].record_id, "written for the wrong patient")
    records.mark_entered_in_error(nurse_1, records.list_current(nurse_1.db, patient_ids=[gone])[0].record_id,
                                  "duplicate of DT-001-00009-3")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    return office, [dose.record_id for dose in doses] + [taken.record_id]


def test_the_office_bundle_flags_each_record_the_worklist_says_to_ask_the_ward_about(tmp_path, laptop, clock,
                                                                                  admission_values, capsys):
    """A dose recorded on two laptops, a dose whose order another laptop withdrew, and care of a
    patient whose admission another laptop withdrew: the worklist says "ask the ward" on each
    line, but the office's FHIR bundle carried them with no word, so whoever posted it learnt
    nothing. They are real records (a double dose may really have been given) and stay in the
    bundle; their Provenance says what the worklist's line says, and the export names them."""
    from fhir.resources.R4B.bundle import Bundle

    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    lines = {item.record.record_id: item.to_do_in("en").split(" — ", 1)[1]
             for group in back_entry.worklist(office) for item in group.items if " — " in item.to_do_in("en")}
    assert sorted(lines) == sorted(flagged)
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["export", "--db", db, "--user", "records", "--pin", "4444", "--out", str(tmp_path / "out"),
                 "--plain"]) == 0
    shown = capsys.readouterr().out
    bundle = json.loads((tmp_path / "out" / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    provenance = {resource["entity"][0]["what"]["identifier"]["value"]: resource["activity"]["text"]
                  for resource in (entry["resource"] for entry in bundle["entry"])
                  if resource["resourceType"] == "Provenance"}
    assert set(flagged) <= set(provenance)
    for record_id in flagged:
        assert provenance[record_id] == f"Recorded during the downtime (version 1) — ASK THE WARD: {lines[record_id]}"
    # Who to ask for, by name, staff ID and laptop (the office's own "Nurse (nurse)" is not the ward's),
    # and so each record's author: by staff ID under their laptop's system, as the laptop itself names them.
    assert "was also recorded on laptop 2 (no. 002) by Nurse (nurse, laptop 002)" in provenance[flagged[0]]
    devices = dict(office.db.execute("SELECT record_id, device_id FROM records WHERE record_id IN (?, ?)", flagged[:2]))
    ward_nurse = [{"identifier": {"system": f"urn:downtime:staff:{devices[record_id]}", "value": "nurse"},
                   "display": "Nurse (ward nurse)"} for record_id in flagged[:2]]
    assert ward_nurse[0] != ward_nurse[1]
    agents = {resource["entity"][0]["what"]["identifier"]["value"]: [agent["who"] for agent in resource["agent"]]
              for resource in (entry["resource"] for entry in bundle["entry"]) if resource["resourceType"] == "Provenance"}
    assert (agents[flagged[0]], agents[flagged[1]]) == ([ward_nurse[0]], [ward_nurse[1]])
    given = {resource["id"]: resource["performer"][0]["actor"] for resource in
             (entry["resource"] for entry in bundle["entry"]) if resource["resourceType"] == "MedicationAdministration"}
    assert given[flagged[1]] == ward_nurse[1]
    assert not any("ASK THE WARD" in text for record_id, text in provenance.items() if record_id not in flagged)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert {found["record_id"]: found["why"] for found in manifest["ask_the_ward"]} == {
        record_id: lines[record_id] for record_id in flagged}
    assert "4 record(s) in the FHIR bundle contradict another laptop's record" in shown
    assert all(lines[record_id] in shown for record_id in flagged)


ASK_THE_WARD_TAG = {"system": "urn:downtime:review", "code": "ask-the-ward",
                    "display": "Ask the ward before entering it: another laptop's record contradicts it"}


def _tags(bundle: dict) -> dict[str, list[dict]]:
    """The review tags of every tagged resource of a bundle, by fullUrl."""
    return {entry["fullUrl"]: entry["resource"]["meta"]["tag"] for entry in bundle["entry"]
            if "meta" in entry["resource"]}


def test_each_resource_of_a_record_to_ask_the_ward_about_carries_the_tag_itself(tmp_path, laptop, clock,
                                                                               admission_values):
    """Only the Provenance's words said to ask the ward: an integration engine loading the bundle
    took the two MedicationAdministrations of one dose, and the observations of a patient whose
    admission was withdrawn, as any other. Each resource made from such a record carries the tag
    ask-the-ward; the Provenance keeps its words, and nothing else is tagged."""
    from fhir.resources.R4B.bundle import Bundle

    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    bundle = json.loads((export(office, tmp_path / "out").folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    targets = {resource["entity"][0]["what"]["identifier"]["value"]: [target["reference"] for target in resource["target"]]
               for resource in (entry["resource"] for entry in bundle["entry"]) if resource["resourceType"] == "Provenance"}
    made = [target for record_id in flagged for target in targets[record_id]]
    assert len(made) > len(flagged), "the observations are several resources"
    assert _tags(bundle) == {target: [ASK_THE_WARD_TAG] for target in made}
    assert all("ASK THE WARD: " in text for record_id, text in _provenance_texts(bundle).items() if record_id in flagged)


def _csv_lines(folder, form_id: str) -> list[dict[str, str]]:
    with (folder / "csv" / f"{form_id}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_office_csvs_say_ask_the_ward_on_each_line_the_provenance_flags(tmp_path, laptop, clock, admission_values):
    """The clerk typing from the CSVs read the doses recorded twice, the dose whose order was
    withdrawn and the care of a patient whose admission was withdrawn as any other line: only
    the FHIR bundle's Provenance and the manifest said to ask the ward. Each such line says it,
    in the Provenance's words; the other lines say nothing."""
    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    result = export(office, tmp_path / "out")
    provenance = _provenance_texts(json.loads((result.folder / "fhir" / "bundle.json").read_text(encoding="utf-8")))
    said = {row["record_id"]: row["ask_the_ward"] for form_id in ("medication_administration", "observations")
            for row in _csv_lines(result.folder, form_id)}
    assert sorted(record_id for record_id, cell in said.items() if cell) == sorted(flagged)
    for record_id in flagged:
        assert said[record_id].startswith("ASK THE WARD: ")
        assert provenance[record_id] == f"Recorded during the downtime (version 1) — {said[record_id]}"
    assert "ask_the_ward" not in _csv_lines(result.folder, "admission")[0]


def _provenance_texts(bundle: dict) -> dict[str, str]:
    """Each record's Provenance activity text in a bundle, by record id."""
    return {resource["entity"][0]["what"]["identifier"]["value"]: resource["activity"]["text"]
            for resource in (entry["resource"] for entry in bundle["entry"]) if resource["resourceType"] == "Provenance"}


def _same_dose_on_two_laptops(tmp_path, laptop, clock, admission_values):
    """The patient moved to laptop 2's ward with a stick made before their 14:00 dose, which
    both laptops' nurses then gave at 14:05. Each laptop's nurse and records clerk, and each dose."""
    _, (nurse_1, clerk_1), (nurse_2, clerk_2), order = _moved_with_an_order(tmp_path, laptop, clock, admission_values)
    clock.advance(hours=7)
    first, second = (medication.record_dose(nurse, order.record_id, {
        "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given", "given_at": "2026-11-28T14:05+01:00",
        "dose_given": 1.0, "route": "PO"}) for nurse in (nurse_1, nurse_2))
    return (nurse_1, clerk_1), (nurse_2, clerk_2), first, second


@pytest.mark.parametrize("flagged_first", [True, False])
def test_a_merge_keeps_what_one_laptops_csv_says_to_ask_the_ward_about(tmp_path, laptop, clock, admission_values,
                                                                         flagged_first):
    """Laptop 2 took laptop 1's stick, so its export holds both laptops' 14:00 dose and says on
    both lines to ask the ward; laptop 1's export carries its own dose's line plain, and no
    ask_the_ward column at all, as every export before the column did. The merge keeps the
    warning whichever export comes last (the later export's line is the one kept), and the
    merge imports at the records office as any other."""
    (_, clerk_1), (_, clerk_2), first, second = _same_dose_on_two_laptops(tmp_path, laptop, clock, admission_values)
    plain = export(clerk_1, tmp_path / "stick1").folder
    assert "ask_the_ward" not in _csv_lines(plain, "medication_administration")[0]
    import_export(clerk_2, plain)
    flagged = export(clerk_2, tmp_path / "stick2")
    words = {found.record_id: f"ASK THE WARD: {found.why_in('en')}" for found in flagged.ask_the_ward}
    assert sorted(words) == sorted([first.record_id, second.record_id])
    folders = [flagged.folder, plain] if flagged_first else [plain, flagged.folder]
    merged = merge(folders, tmp_path / "merged").folder
    lines = _csv_lines(merged, "medication_administration")
    assert {row["record_id"]: row["ask_the_ward"] for row in lines} == words
    assert "ask_the_ward" not in _csv_lines(merged, "admission")[0]
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merged)
    assert {item.record.record_id for group in back_entry.worklist(office) for item in group.items
            if item.conflicts} == set(words)


def _same_dose_on_a_later_stick(tmp_path, laptop, clock, admission_values):
    """Laptop 1's 14:00 dose reached the office first and went out in its `--since-last`
    export, unflagged; laptop 2's record of the same dose came on a later stick, and the office
    exported again since the last. The office's clerk, both doses and the later export."""
    (_, clerk_1), (_, clerk_2), first, second = _same_dose_on_two_laptops(tmp_path, laptop, clock, admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk_1, tmp_path / "stick1").folder)
    assert export(office, tmp_path / "bundle1", since_last=True).ask_the_ward == ()
    import_export(office, export(clerk_2, tmp_path / "stick2").folder)
    return office, first, second, export(office, tmp_path / "bundle2", since_last=True)


def test_the_csv_of_a_later_export_carries_the_line_of_a_dose_asked_about_again(tmp_path, laptop, clock,
                                                                                admission_values):
    """The later `--since-last` export's bundle carries laptop 1's dose again, flagged, but its
    CSV had no line of it (unchanged since the earlier export): the clerk typing from the CSVs
    read laptop 2's dose alone. The CSV carries the dose's line again, saying to ask the ward, as
    the bundle does."""
    office, first, second, later = _same_dose_on_a_later_stick(tmp_path, laptop, clock, admission_values)
    lines = {row["record_id"]: row for row in _csv_lines(later.folder, "medication_administration")}
    assert sorted(lines) == sorted([first.record_id, second.record_id])
    words = {found.record_id: f"ASK THE WARD: {found.why_in('en')}" for found in later.ask_the_ward}
    assert {record_id: row["ask_the_ward"] for record_id, row in lines.items()} == words
    assert lines[first.record_id]["version"] == "1" and lines[first.record_id]["author"] == "nurse"
    assert later.counts["medication_administration"] == 2


def test_a_record_in_an_earlier_bundle_is_flagged_again_when_its_contradiction_arrives(tmp_path, laptop, clock,
                                                                                     admission_values):
    """Laptop 1's 14:00 dose reached the office first, and its `--since-last` bundle carried it
    unflagged; laptop 2's record of the same dose came on a later stick. The later bundle
    flagged laptop 2's dose only: the earlier one, unchanged, was not in it, so whoever posted
    it learnt of one side only, and a dose possibly given twice looked settled in the EHR. The
    later bundle carries the earlier dose again, flagged (a conditional create: posting it twice
    creates nothing), and its manifest names both, the earlier one as from an earlier export."""
    from fhir.resources.R4B.bundle import Bundle

    office, first, second, later = _same_dose_on_a_later_stick(tmp_path, laptop, clock, admission_values)
    bundle = json.loads((later.folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    provenance = _provenance_texts(bundle)
    lines = {item.record.record_id: item.to_do_in("en").split(" — ", 1)[1]
             for group in back_entry.worklist(office) for item in group.items if " — " in item.to_do_in("en")}
    assert sorted(lines) == sorted([first.record_id, second.record_id])
    for dose in (first, second):
        assert provenance[dose.record_id] == (
            f"Recorded during the downtime (version 1) — ASK THE WARD: {lines[dose.record_id]}")
    manifest = json.loads((later.folder / "manifest.json").read_text(encoding="utf-8"))
    assert {found["record_id"]: (found["why"], found["in_an_earlier_export"]) for found in manifest["ask_the_ward"]} == {
        first.record_id: (lines[first.record_id], True), second.record_id: (lines[second.record_id], False)}
    said = later.ask_the_ward_in("en", office.forms)
    assert said[0].startswith("2 record(s) in the FHIR bundle contradict another laptop's record")
    (again,) = [line for line in said if first.record_id in line]
    assert again.endswith("(in an earlier export too: posted from it, the EHR holds the record; this bundle puts the "
                          "warning on its Provenance and tags its resources)")
    requests = {entry["resource"]["entity"][0]["what"]["identifier"]["value"]: entry["request"]
                for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Provenance"}
    assert requests[first.record_id] == {
        "method": "PUT", "url": f"Provenance?entity:identifier=urn:downtime:record|{first.record_id}"}
    assert requests[second.record_id]["method"] == "POST"
    # Both doses carry the tag; the one sent plain before stays a conditional create: the tag
    # reaches the engine without replacing the EHR's copy, and what was sent is unchanged.
    doses = {entry["fullUrl"]: entry for entry in bundle["entry"]
             if entry["resource"]["resourceType"] == "MedicationAdministration"}
    assert _tags(bundle) == {url: [ASK_THE_WARD_TAG] for url in doses}
    assert {entry["request"]["method"] for entry in doses.values()} == {"POST"} and later.fhir_updates == 1


@pytest.mark.parametrize("since_last, amended", [(False, False), (True, True)])
def test_a_record_any_earlier_bundle_sent_is_named_as_from_an_earlier_export(tmp_path, laptop, clock,
                                                                             admission_values, since_last, amended):
    """in_an_earlier_export read "not changed in this range": a whole export (every record is in
    its range) named laptop 1's dose as new although the office's earlier bundle had sent it, and
    so did a `--since-last` one once laptop 1 had amended the dose since. Whoever posted it took
    the EHR for not holding the dose yet. What an earlier export sent (storage.fhir_sent) says it;
    laptop 2's dose, never sent, is new."""
    (nurse_1, clerk_1), (_, clerk_2), first, second = _same_dose_on_two_laptops(tmp_path, laptop, clock,
                                                                                admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk_1, tmp_path / "stick1").folder)
    assert export(office, tmp_path / "bundle1", since_last=since_last).ask_the_ward == ()
    if amended:
        records.amend(nurse_1, first.record_id, {**records.current(nurse_1.db, first.record_id).data,
                                                 "site": "left arm"}, "site")
        import_export(office, export(clerk_1, tmp_path / "stick1-again", since_last=True).folder)
    import_export(office, export(clerk_2, tmp_path / "stick2").folder)
    later = export(office, tmp_path / "bundle2", since_last=since_last)
    assert {found.record_id: found.in_an_earlier_export for found in later.ask_the_ward} == {
        first.record_id: True, second.record_id: False}
    (again,) = [line for line in later.ask_the_ward_in("en", office.forms) if first.record_id in line]
    assert again.endswith("(in an earlier export too: posted from it, the EHR holds the record; this bundle puts the "
                          "warning on its Provenance and tags its resources)")


def test_a_dose_in_an_earlier_bundle_is_flagged_again_when_its_orders_withdrawal_arrives(tmp_path, laptop, clock,
                                                                                        admission_values):
    """The dose went out in the office's first bundle; laptop 1's withdrawal of its order came on
    a later stick. The later bundle carried the order, withdrawn, and not the dose it leaves
    without an order: the dose is carried again, its Provenance saying to ask the ward."""
    from fhir.resources.R4B.bundle import Bundle

    doctor, clerk_1, clerk_2, order, dose = _dose_on_laptop_2(tmp_path, laptop, clock, admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk_2, tmp_path / "stick2").folder)
    assert export(office, tmp_path / "bundle1", since_last=True).ask_the_ward == ()
    records.mark_entered_in_error(doctor, order, "written for the wrong patient")
    import_export(office, export(clerk_1, tmp_path / "stick1").folder)
    later = export(office, tmp_path / "bundle2", since_last=True)
    bundle = json.loads((later.folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    assert "ASK THE WARD: its order was withdrawn" in _provenance_texts(bundle)[dose]
    assert [(found.record_id, found.in_an_earlier_export) for found in later.ask_the_ward] == [(dose, True)]


def test_two_people_alike_linked_to_two_ehr_patients_are_no_longer_said_to_be_one(tmp_path, laptop, admission_values,
                                                                                  capsys):
    """Two women of one name and birth date (different NIRs) on two laptops: probably one person,
    until the clerk, having found each in the EHR, links each number to her own EHR patient. The
    tab, the printed list and `downtime worklist` went on saying "link both to one EHR patient
    number, and enter the admission once", without end: a clerk of the next shift doing so put one
    woman's records in the other's EHR file, and left her admission out."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    records.save_new(nurse_1, "admission", admission_values)
    records.save_new(nurse_2, "admission", {**admission_values, "nir": "", "ward": "5A", "bed": "7"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    assert [group.downtime_numbers for group in back_entry.probable_duplicates(office)] == [
        ("DT-001-00001-7", "DT-002-00001-6")]
    back_entry.link_patient(office, "DT-001-00001-7", "800123")
    assert len(back_entry.probable_duplicates(office)) == 1, "one linked, the other not yet: still to look at"
    back_entry.link_patient(office, "DT-002-00001-6", "800456")
    assert back_entry.probable_duplicates(office) == []
    assert "Probably" not in _pdf_text(printing.print_worklist(office, tmp_path / "linked.pdf"))
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["worklist", "--db", db, "--user", "records", "--pin", "4444"]) == 0
    assert "Probably" not in capsys.readouterr().out


def test_an_admission_linked_to_the_ehr_patient_of_another_number_says_to_enter_it_only_as_another_stay(
        tmp_path, laptop, admission_values):
    """One person admitted on two laptops: the clerk links both numbers to one EHR patient, and
    the note "Probably one person … enter the admission once" goes, as it should; but both
    admissions were then listed to enter with no word, and the EHR got the stay twice."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    first = records.save_new(nurse_1, "admission", admission_values)
    second = records.save_new(nurse_2, "admission", {**admission_values, "ward": "5A", "bed": "7"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert lines[first.record_id].to_do_in("en") == lines[second.record_id].to_do_in("en") == "enter"
    back_entry.link_patient(office, "DT-001-00001-7", "800123")
    back_entry.link_patient(office, "DT-002-00001-6", "800123", same_person=True)
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert lines[first.record_id].to_do_in("en") == (
        "enter — EHR patient 800123 is DT-002-00001-6 too: enter this admission only if it is another stay, not the "
        "same one twice")
    assert "EHR patient 800123 is DT-001-00001-7 too" in lines[second.record_id].to_do_in("en")
    back_entry.mark_entered(office, first.record_id, 1, "ADM-1")
    lines = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    assert lines[first.record_id].to_do_in("en") == "entered"
    assert "EHR patient 800123 is DT-001-00001-7 too" in lines[second.record_id].to_do_in("en")


def test_a_dose_line_gives_its_order_as_the_chart_heads_it_its_outcome_and_the_scheduled_time(
        tmp_path, laptop, clock, admission_values):
    """The 08:00 dose, refused, charted at 10:30 from the paper: its line gave the time it was
    charted ("Actual time: 10:30") and not the dose it was, so the clerk marked the EHR's nearest
    dose, 14:00, as refused. And it began with every answer of the order ("Paracetamol — Dose: 1
    — Unit: g — Type of order: …"), the outcome far on: cut on screen, a refused dose read as given."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    order = _paracetamol(doctor_on(nurse, clock), patient, start="2026-11-28T07:00+01:00")
    refused = medication.record_dose(nurse, order.record_id, {
        "scheduled_for": "2026-11-28T08:00+01:00", "outcome": "not_given", "given_at": "2026-11-28T10:30+01:00",
        "not_given_reason": "refused"})
    line = _office_lines(tmp_path, laptop, ward_clerk)[refused.record_id]
    assert line == ("Paracetamol 1 g PO — Outcome: Not given — Scheduled time (regular doses): 28/11/2026 08:00 — "
                    "Actual time: 28/11/2026 10:30 — Reason not given: R — Refused — typed 14:00"), line


def test_a_dose_held_from_version_1_whose_order_is_not_here_is_listed_saying_its_order_is_missing(
        dose_held_without_its_order):
    """The list opened on no page: it read the dose's order to say what the dose was. It
    opens, and the dose's line says its order is not here yet."""
    office, order, dose = dose_held_without_its_order
    [item] = [item for group in back_entry.worklist(office) for item in group.items]
    assert item.record.record_id == dose and item.on_hold is not None
    assert f"Order {order} is not here: import the stick that has it" in item.label


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_worklists_reasons_and_steps_are_written_with_french_typography_in_french(tmp_path, laptop, admission_values,
                                                                                      capsys, lang, listed_in):
    """One person on two laptops, alike for two reasons: the French worklists read "(le même
    NIR; …)", and `downtime worklist --lang fr` each line's step "Admission, …: …", where every
    sentence of the catalogue writes " ; " and " : "."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    records.save_new(nurse_1, "admission", admission_values)
    records.save_new(nurse_2, "admission", {**admission_values, "ward": "5A", "bed": "7"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    french = Session(office.db, office.device, office.user, office.forms, office.clock, lang)
    listed_in(" ".join(_pdf_text(printing.print_worklist(french, tmp_path / "w.pdf")).split()), lang)
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["worklist", "--lang", lang, "--db", db, "--user", "records", "--pin", "4444"]) == 0
    shown = capsys.readouterr().out
    listed_in(shown, lang)
    steps = [line for line in shown.splitlines() if line.startswith("  [")]
    assert steps and all(re.match(r"  \[[ x]\] [^:]*\S" + {"en": ": ", "fr": " : "}[lang], line) for line in steps), steps


@pytest.mark.parametrize("lang, born, unknown", [("en", "born 12-Mar-1954", "date of birth unknown"),
                                                 ("fr", "né(e) le 12-Mars-1954", "date de naissance inconnue")])
def test_the_printed_worklist_says_an_unknown_date_of_birth_in_words(session_for, admission_values, tmp_path,
                                                                     lang, born, unknown):
    """It read "né(e) le DDN inconnue" ("born DOB unknown"), a birth on a date that is not there."""
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", admission_values)
    records.save_new(nurse, "admission", {
        **admission_values, "unidentified": True, "descriptor": "Unknown man, about 40", "temporary_name": "INCONNU GARE",
        "birth_name": None, "used_name": None, "given_names": None, "birth_date": None, "nir": None, "bed": "13",
        "identity_status": "provisional"})
    text = " ".join(_pdf_text(printing.print_worklist(session_for("records", lang), tmp_path / "w.pdf")).split())
    assert f"— {born} —" in text and f"INCONNU GARE (Unknown man, about 40) — {unknown} —" in text
    assert "DDN inconnue" not in text and "DOB unknown" not in text


def test_a_second_cancellation_names_the_rebooked_slot_and_follows_the_rebooking_of_its_minute(
        session_for, admission_values, clock, monkeypatch):
    """An operation cancelled, rebooked, then its new date cancelled in the same minute: the
    second cancellation's line named the booking's first date ("Planned start: 30/11/2026 08:00
    … Cancelled at: 28/11/2026 14:00"), and, told apart from the rebooking of its minute by their
    ids at random, came before the rebooking it cancels. It names the slot it cancels, after that
    rebooking, as they were written."""
    import uuid

    from downtime.services import theatre

    made = iter(range(10**6, 0, -1))  # each record's id before the last one's: by ids, the newest first
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(made)))
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    monday, tuesday = (records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": f"{day}T08:00+01:00",
        "ends_at": f"{day}T13:00+01:00"}).record_id for day in ("2026-11-30", "2026-12-01"))
    booked = theatre.book(coord, patient, {
        "procedure": "Laparoscopic cholecystectomy", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "session": monday,
        "planned_start": "2026-11-30T08:00+01:00", "expected_minutes": 60}).record_id
    # Last minute: the patient is on the ward (admitted at 10:30).
    cancelled = {"reason": "information_system", "last_minute": True, "patient_told": "phone"}
    theatre.cancel(coord, booked, {**cancelled, "cancelled_at": "2026-11-28T13:00+01:00"})
    theatre.rebook(coord, booked, {"outcome": "rebooked", "session": tuesday, "planned_start": "2026-12-01T08:00+01:00",
                                   "decided_at": "2026-11-28T14:00+01:00"})
    clock.advance(seconds=20)
    theatre.cancel(coord, booked, {**cancelled, "cancelled_at": "2026-11-28T14:00+01:00"})
    (work,) = _patients(back_entry.worklist(session_for("records")))
    lines = [(item.record.form_id, item.label) for item in work.items if item.record.form_id.startswith("operation_")]
    assert [form_id for form_id, _ in lines] == ["operation_booking", "operation_cancellation", "operation_rebooking",
                                                 "operation_cancellation"]
    assert "Planned start: 30/11/2026 08:00" in lines[1][1] and "Cancelled at: 28/11/2026 13:00" in lines[1][1]
    assert "Planned start: 01/12/2026 08:00" in lines[3][1] and "Cancelled at: 28/11/2026 14:00" in lines[3][1]


def test_each_line_names_whom_the_ehr_is_to_name_for_it(session_for, medication_ward, tmp_path):
    """The clerk typing a dose into the EHR is asked who gave it, an order who prescribed it: the
    list gave the ward's answers alone (the giver only when not whoever typed it). Each line now
    names them: an order's prescriber (a telephone order's as named), a dose's giver (the night
    nurse named by the day nurse typing her dose in), anything else its writer, and whoever
    changed it since."""
    patient, amoxicillin, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    staff.add_staff(session_for("admin"), "night", "Noémie Faure", Role.WARD_NURSE, "5555")
    phoned = records.save_new(doctor, "medication_order", {
        "drug": "Ondansetron", "dose": 4.0, "dose_unit": "mg", "route": "IV", "frequency": "prn",
        "prn_indication": "nausea", "min_interval_hours": 8, "max_doses_24h": 3, "start_at": "2026-11-27T10:00+01:00",
        "controlled": False, "high_alert": False, "prescriber": "Dr Anne Roux (phone)"}, patient_id=patient)
    night = medication.record_dose(nurse, amoxicillin, {
        "outcome": "given", "dose_given": 1.0, "route": "IV", "given_at": "2026-11-28T08:00+01:00",
        "scheduled_for": "2026-11-28T08:00+01:00", "given_by": "night", "transcribed": True},
        overrides={Check.ALLERGY: "tolerated since"})
    refused = medication.record_dose(nurse, amoxicillin, {
        "outcome": "not_given", "not_given_reason": "refused", "scheduled_for": "2026-11-27T14:00+01:00",
        "given_at": "2026-11-27T14:10+01:00"}, overrides={Check.ALLERGY: "tolerated since"})
    admission = next(record for record in records.list_current(nurse.db, "admission", patient_id=patient))
    records.amend(doctor, admission.record_id, {**admission.data, "weight_kg": 60.0}, "weighed again")
    (work,) = back_entry.worklist_of(session_for("records"), [patient])
    by = {item.record.record_id: item.by for item in work.items}
    assert by[amoxicillin] == "Prescriber: Dr Karim Benali (doctor)"
    assert by[phoned.record_id] == "Prescriber: Dr Anne Roux (phone)"
    assert by[night.record_id] == "Given by: Noémie Faure (night)"
    assert by[refused.record_id] == "Recorded by: Hélène Lefèvre (nurse)"
    assert by[admission.record_id] == "Recorded by: Hélène Lefèvre (nurse); changed by Dr Karim Benali (doctor)"
    french = back_entry.worklist_of(session_for("records", "fr"), [patient])[0]
    assert {item.by for item in french.items} >= {"Donnée par : Noémie Faure (night)",
                                                 "Prescripteur : Dr Anne Roux (phone)"}
    out = printing.print_worklist(session_for("records"), tmp_path / "worklist.pdf", [work])
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "Given by: Noémie Faure (night)" in text and "Prescriber: Dr Anne Roux (phone)" in text


def _line(office, record_id):
    return next((item for group in back_entry.worklist(office) for item in group.items
                 if item.record.record_id == record_id), None)


def test_a_dose_entered_from_the_printed_list_then_withdrawn_is_recorded_entered_and_withdrawn_in_the_ehr(
        tmp_path, laptop, clock, admission_values, capsys):
    """The clerk types version 1 into the EHR from the printed list (MAR-77) while the ward's
    next stick withdraws the dose: the tick was refused, sending the clerk to a line the list no
    longer had, and nothing said to withdraw the dose in the EHR."""
    nurse, clerk = laptop(tmp_path / "ward.sqlite", 1)
    patient = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka",
                                                    "allergies": []}).patient_id
    order = records.save_new(doctor_on(nurse, clock), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T10:30+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    clock.advance(minutes=20)
    dose = medication.record_dose(nurse, order, {"outcome": "given", "given_at": clock.now.isoformat(),
                                                 "scheduled_for": "2026-11-28T14:00+01:00", "dose_given": 1.0,
                                                 "route": "PO"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "s1").folder)
    clock.advance(minutes=30)
    medication.withdraw_dose(nurse, dose.record_id, "charted for the wrong patient")
    import_export(office, export(clerk, tmp_path / "s2", since_last=True).folder)
    assert _line(office, dose.record_id) is None
    capsys.readouterr()
    assert main(["worklist", "mark", dose.record_id, "--version", "1", "--ref", "MAR-77",
                 "--db", str(tmp_path / "office.sqlite"), "--user", "records", "--pin", "4444"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert ("Recorded: version 1 is in the EHR. The record now stands at version 2: its line says what to correct "
            "or withdraw there.") in out
    assert "Its line now says: withdraw in the EHR (entered in error here; version 1 was entered, EHR reference MAR-77)" in out
    line = _line(office, dose.record_id)
    assert not line.done and line.to_do.startswith("withdraw in the EHR (entered in error here; version 1 was entered, EHR reference MAR-77)")
    detail = json.loads(office.db.execute("SELECT detail FROM audit WHERE action = 'back_entry.entered'"
                                          " ORDER BY seq DESC LIMIT 1").fetchone()[0])
    assert (detail["record_id"], detail["version"], detail["superseded_by"]) == (dose.record_id, 1, 2)
    assert verify_chain(office.db) is None


def test_an_admission_entered_from_the_printed_list_then_amended_says_what_to_correct(
        tmp_path, laptop, clock, admission_values):
    nurse, clerk = laptop(tmp_path / "ward.sqlite", 1)
    saved = records.save_new(nurse, "admission", admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "s1").folder)
    clock.advance(minutes=30)
    records.amend(nurse, saved.record_id, {**admission_values, "bed": "15"}, "moved to bed 15")
    import_export(office, export(clerk, tmp_path / "s2", since_last=True).folder)
    said = back_entry.mark_entered(office, saved.record_id, 1, "ADM-4711")
    assert said.text("en") == ("Recorded: version 1 is in the EHR. The record now stands at version 2: its line "
                               "says what to correct or withdraw there.")
    assert _line(office, saved.record_id).to_do == (
        "correct in the EHR (version 1 was entered, EHR reference ADM-4711) — Bed: 12 → 15")
    # Once only, and never an earlier version than one ticked; the standing one closes the line.
    with pytest.raises(ServiceError, match="Version 1 of this record is marked as entered in the EHR already"):
        back_entry.mark_entered(office, saved.record_id, 1, "ADM-4711")
    assert back_entry.mark_entered(office, saved.record_id, 2, "ADM-4711b") is None
    assert _line(office, saved.record_id).done


def test_the_worklist_gives_each_laptops_sticks_records_and_entries(tmp_path, laptop, clock, admission_values,
                                                                    capsys):
    """Laptops 1 and 2's sticks imported, laptop 3's in a drawer: the worklist's one hospital total
    read "2 of 2 record(s) entered in the EHR", and nothing said which laptops were heard from.
    Laptop 3 is known here only by a patient of its that moved with a stick to laptop 2."""
    from downtime.pdf.worklist import worklist_pdf

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    nurse_3, clerk_3 = laptop(tmp_path / "3.sqlite", 3)
    first = records.save_new(nurse_1, "admission", admission_values)
    records.save_new(nurse_1, "admission", {**admission_values, "birth_name": "Roux", "nir": "", "bed": "3"})
    records.save_new(nurse_3, "admission", {**admission_values, "birth_name": "Blanc", "nir": "", "bed": "4"})
    import_export(clerk_2, export(clerk_3, tmp_path / "moved").folder)  # Blanc moved to laptop 2's ward
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk_1, tmp_path / "s1").folder)
    clock.advance(minutes=30)
    import_export(office, export(clerk_2, tmp_path / "s2").folder)
    back_entry.mark_entered(office, first.record_id, 1, "ADM-1")
    said = [account.text_in("en") for account in back_entry.by_laptop(office)]
    assert said == [
        "laptop 1 (no. 001): 1 stick(s), the latest exported 28/11/2026 14:00 — 2 record(s): 1 entered in the EHR, "
        "0 not to be entered, 0 on hold",
        "laptop 2 (no. 002): 1 stick(s), the latest exported 28/11/2026 14:30 — 0 record(s): 0 entered in the EHR, "
        "0 not to be entered, 0 on hold",
        "laptop 003: no stick imported here — 1 record(s): 0 entered in the EHR, 0 not to be entered, 0 on hold"], said
    capsys.readouterr()
    assert main(["worklist", "--db", str(tmp_path / "office.sqlite"), "--user", "records", "--pin", "4444"]) == 0
    assert capsys.readouterr().out.splitlines()[2:5] == said
    out = worklist_pdf(back_entry.worklist(office), tmp_path / "w.pdf", whole=True, printed_by="Records",
                       printed_at=clock(), device_name="Office", lang="en", same_person={}, missing=[],
                       reconciled="", laptops=said)
    first_page = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert all(line in first_page for line in said), first_page
