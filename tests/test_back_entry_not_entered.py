"""The ward answers a worklist line that says to ask it: "one dose recorded twice", "that dose was
never given". The clerk could only tick a line off with an EHR reference, so the line stayed
"ENTER" for ever, progress never reached 100 %, the next shift entered the dose twice, and a clerk
was tempted to tick it with a made-up reference. The answer is written down, who at the ward
said it and why; the line is then done, not entered, until the record is amended."""

import json
from datetime import datetime

import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from downtime.cli import main
from downtime.services import back_entry, printing, records
from downtime.services.errors import PermissionDenied, ServiceError
from downtime.storage.audit import verify_chain
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_back_entry import dose_recorded_twice, office_asking_the_ward

DUBOIS = "Sr Dubois, 3B, by phone"
TWICE = "one dose recorded twice"


@pytest.fixture
def dose_twice(tmp_path, laptop, clock, admission_values):
    return dose_recorded_twice(tmp_path, laptop, clock, admission_values)


def _lines(office):
    return {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}


def test_a_dose_recorded_twice_is_closed_with_the_wards_answer_and_counts_as_done(dose_twice, tmp_path, clock,
                                                                                   left_agrees):
    office, _, _, (first, second, _) = dose_twice
    done, total = back_entry.progress_counts(office)
    clock.advance(minutes=10)
    back_entry.mark_not_entered(office, second.record_id, 1, f"  {DUBOIS} ", f" {TWICE} ")
    at = f"{clock().astimezone():%d/%m/%Y %H:%M}"
    lines = _lines(office)
    closed = lines[second.record_id]
    assert closed.done and closed.entered is None
    assert closed.to_do_in("en").startswith(
        f"not entered — the ward ({DUBOIS}) said: {TWICE}; recorded by Records (records), {at} — the same dose "
        "(due 28/11/2026 14:00) was also recorded on laptop 1 (no. 001) by Nurse (nurse, laptop 001), given 28/11/2026 14:05")
    # The other record of the dose is the one to enter now, and its line says so.
    assert lines[first.record_id].to_do_in("en").endswith(
        f"before entering both; the ward said that record is not to be entered ({DUBOIS}: {TWICE}): enter this one")
    assert back_entry.progress_counts(office) == (done + 1, total) == back_entry.progress(back_entry.worklist(office))
    assert left_agrees(office)
    # Done, but not "entered in the EHR": the progress says how many the ward said not to enter.
    done_now, tallied, not_entered = back_entry.progress_and_not_entered(office)
    assert (done_now, tallied.listed, not_entered) == (done + 1, total, 1)
    assert back_entry.not_entered_done(back_entry.worklist(office)) == 1
    assert second.record_id not in {item.record.record_id for group in back_entry.left_to_enter(back_entry.worklist(office))
                                    for item in group.items}
    # Nothing of the record changed; the answer and its audit entry were written together.
    assert records.current(office.db, second.record_id).version == 1
    row = office.db.execute("SELECT ward_said, reason, recorded_by FROM not_entered WHERE record_id = ?",
                            [second.record_id]).fetchone()
    assert row == (DUBOIS, TWICE, "records")
    assert office.db.execute("SELECT COUNT(*) FROM audit WHERE action = 'back_entry.not_entered' AND entity_id = "
                             "(SELECT id FROM not_entered)").fetchone()[0] == 1
    assert verify_chain(office.db) is None
    printed = " ".join(" ".join(page.extract_text().split())
                       for page in PdfReader(printing.print_worklist(office, tmp_path / "list.pdf")).pages)
    assert f"not entered — the ward ({DUBOIS}) said: {TWICE}" in printed
    assert (f"{done + 1} of {total} record(s) done: {done} entered in the EHR, 1 not to be entered as the ward said "
            "— 1 patient(s)") in printed


def test_the_printed_worklist_says_both_lines_of_the_pair_whole_in_french(dose_twice, tmp_path, clock):
    """The paper says what the screen says, with French typography's space before a semicolon
    and a colon, as the catalogue's sentences have it: it read "avant de saisir les deux; le
    service a dit"."""
    from dataclasses import replace

    office, _, _, (first, second, _) = dose_twice
    office = replace(office, lang="fr")
    back_entry.mark_not_entered(office, second.record_id, 1, DUBOIS, TWICE)
    lines = _lines(office)
    closed = (f"non saisi — le service ({DUBOIS}) a dit : {TWICE} ; noté par Records (records), "
              f"{clock().astimezone():%d/%m/%Y %H:%M} — la même dose (prévue le 28/11/2026 14:00) a aussi été tracée "
              "sur laptop 1 (n° 001) par Nurse (nurse, portable 001), administrée le 28/11/2026 14:05 : demander au service "
              "s’il s’agit d’une seule dose tracée deux fois avant de saisir les deux")
    to_enter = ("à saisir — la même dose (prévue le 28/11/2026 14:00) a aussi été tracée sur laptop 2 (n° 002) par "
                "Nurse (nurse, portable 002), administrée le 28/11/2026 14:40 : demander au service s’il s’agit d’une seule "
                f"dose tracée deux fois avant de saisir les deux ; le service a dit de ne pas saisir cette fiche "
                f"({DUBOIS} : {TWICE}) : saisir celle-ci")
    assert (lines[second.record_id].to_do_in("fr"), lines[first.record_id].to_do_in("fr")) == (closed, to_enter)
    printed = " ".join(" ".join(page.extract_text().split())
                       for page in PdfReader(printing.print_worklist(office, tmp_path / "list.pdf")).pages)
    assert closed in printed and to_enter in printed


def test_the_pair_reads_sensibly_once_the_other_dose_is_entered(dose_twice):
    """One dose not to be entered, the other entered: neither line still says to enter anything."""
    office, _, _, (first, second, _) = dose_twice
    back_entry.mark_not_entered(office, second.record_id, 1, DUBOIS, TWICE)
    back_entry.mark_entered(office, first.record_id, 1, "MAR-77")
    lines = _lines(office)
    assert lines[first.record_id].done and lines[first.record_id].to_do_in("en").startswith("entered — ")
    assert lines[first.record_id].to_do_in("en").endswith(
        f"; the ward said that record is not to be entered ({DUBOIS}: {TWICE})")
    assert lines[second.record_id].to_do_in("en").endswith("; that record is in the EHR (reference MAR-77)")
    assert "enter this one" not in lines[second.record_id].to_do_in("en")


def test_only_a_standing_line_that_says_to_ask_the_ward_can_be_closed_so(dose_twice, laptop, tmp_path):
    office, _, _, (first, second, evening) = dose_twice
    with pytest.raises(ServiceError, match="who at the ward"):
        back_entry.mark_not_entered(office, second.record_id, 1, "  ", TWICE)
    with pytest.raises(ServiceError, match="reason"):
        back_entry.mark_not_entered(office, second.record_id, 1, DUBOIS, " ")
    with pytest.raises(ServiceError, match="does not say to ask the ward"):
        back_entry.mark_not_entered(office, evening.record_id, 1, DUBOIS, "no reason to enter it")
    with pytest.raises(ServiceError, match="stands at version 1"):
        back_entry.mark_not_entered(office, second.record_id, 2, DUBOIS, TWICE)
    with pytest.raises(PermissionDenied):
        back_entry.mark_not_entered(laptop(tmp_path / "other.sqlite", 8)[0], second.record_id, 1, DUBOIS, TWICE)
    back_entry.mark_not_entered(office, second.record_id, 1, DUBOIS, TWICE)
    with pytest.raises(ServiceError, match="already marked not to be entered"):
        back_entry.mark_not_entered(office, second.record_id, 1, DUBOIS, TWICE)
    # Both records of one dose not entered would leave the dose out of the EHR.
    with pytest.raises(ServiceError, match=f"other record of this dose \\({second.record_id}\\) is marked not to be"):
        back_entry.mark_not_entered(office, first.record_id, 1, DUBOIS, TWICE)
    back_entry.mark_entered(office, first.record_id, 1, "MAR-77")
    with pytest.raises(ServiceError, match="already marked as entered"):
        back_entry.mark_not_entered(office, first.record_id, 1, DUBOIS, TWICE)
    assert office.db.execute("SELECT COUNT(*) FROM not_entered").fetchone()[0] == 1


def test_a_record_in_the_ehr_at_an_earlier_version_is_corrected_there_not_skipped(dose_twice, tmp_path):
    """Version 1 is in the EHR: a ward's "not to be entered" of version 2 would leave version 1
    there, a dose given twice in the EHR; it is corrected or withdrawn there."""
    office, (nurse_1, clerk_1), _, (first, second, _) = dose_twice
    back_entry.mark_entered(office, first.record_id, 1, "MAR-77")
    _amend_the_dose(nurse_1, first.record_id)
    import_export(office, export(clerk_1, tmp_path / "stick1-again", since_last=True).folder)
    with pytest.raises(ServiceError, match="Version 1 of this record is in the EHR already"):
        back_entry.mark_not_entered(office, first.record_id, 2, DUBOIS, TWICE)


def _amend_the_dose(nurse, record_id):
    current = records.current(nurse.db, record_id)
    return records.amend(nurse, record_id, {**current.data, "route": "SL"},
                         "route misread from the paper chart")


def test_an_amendment_brings_a_line_not_entered_back_saying_what_the_ward_had_said(dose_twice, tmp_path, left_agrees):
    office, _, (nurse_2, clerk_2), (first, second, _) = dose_twice
    back_entry.mark_not_entered(office, second.record_id, 1, DUBOIS, TWICE)
    _amend_the_dose(nurse_2, second.record_id)
    import_export(office, export(clerk_2, tmp_path / "stick2-again", since_last=True).folder)
    line = _lines(office)[second.record_id]
    assert not line.done and line.record.version == 2
    assert line.to_do_in("en").startswith(f"enter — version 1 was not entered: the ward ({DUBOIS}) said: {TWICE}; "
                                          "recorded by Records (records), ")
    # The other dose's line no longer calls it not to be entered: the ward answered of version 1.
    assert "not to be entered" not in _lines(office)[first.record_id].to_do_in("en")
    assert back_entry.progress_counts(office) == back_entry.progress(back_entry.worklist(office))
    assert left_agrees(office)
    back_entry.mark_not_entered(office, second.record_id, 2, DUBOIS, "still the same dose, its route corrected")
    assert _lines(office)[second.record_id].done


def test_the_other_dose_in_the_ehr_and_amended_since_is_said_so(dose_twice, tmp_path):
    """Laptop 1's dose was entered as version 1, then amended there: the other line said "that
    record is in the EHR already (reference MAR-77)" of a version no longer standing."""
    office, (nurse_1, clerk_1), _, (first, second, _) = dose_twice
    back_entry.mark_entered(office, first.record_id, 1, "MAR-77")
    _amend_the_dose(nurse_1, first.record_id)
    import_export(office, export(clerk_1, tmp_path / "stick1-again", since_last=True).folder)
    assert _lines(office)[second.record_id].to_do_in("en").endswith(
        "before entering both; version 1 of that record is in the EHR (reference MAR-77); it was amended since: enter "
        "this one only if the ward says it is not the same dose")


def test_the_command_line_records_the_wards_answer(dose_twice, tmp_path, capsys):
    office, _, _, (first, second, evening) = dose_twice
    who = ["--db", str(tmp_path / "office.sqlite"), "--user", "records", "--pin", "4444"]
    assert main(["worklist", "not-entered", second.record_id, "--version", "1", "--ward-said", DUBOIS,
                 "--reason", TWICE, *who]) == 0
    said = capsys.readouterr().out
    assert f"record {second.record_id} version 1 marked not to be entered in the EHR: the ward ({DUBOIS}) said: " \
           f"{TWICE}" in said
    assert "Its line said: enter — the same dose (due 28/11/2026 14:00)" in said
    assert "earlier FHIR bundle" not in said, "no bundle was made here"
    assert main(["worklist", "not-entered", evening.record_id, "--version", "1", "--ward-said", DUBOIS,
                 "--reason", "none", *who]) == 1
    assert "does not say to ask the ward" in capsys.readouterr().err
    assert main(["worklist", *who]) == 0
    said = capsys.readouterr().out
    assert said.startswith("1 of 5 record(s) done: 0 entered in the EHR, 1 not to be entered as the ward said\n")
    (listed,) = [line for line in said.splitlines() if line.endswith(second.record_id)]
    assert listed.startswith("  [x] Medication administration: ")
    assert f"(v1, not entered — the ward ({DUBOIS}) said: {TWICE}; recorded by Records (records), " in listed


UNKNOWN = "0b6c1d2e-0000-4000-8000-000000000000"


@pytest.mark.parametrize("command", [["mark", "--ref", "MAR-1"],
                                     ["not-entered", "--ward-said", DUBOIS, "--reason", TWICE]])
def test_the_worklist_commands_refuse_an_unknown_record_or_another_version_naming_them_and_what_to_do(
        dose_twice, tmp_path, capsys, command):
    """An id mistyped read "no record …", untranslated, and a version mistyped "This record now
    stands at version 1; review that version first": neither named what was given, nor said
    which version to give, and "now stands" said it was amended when the clerk had typed 2 for 1.
    The version is taken as the list shows it, "v1", too: that was refused as not a number."""
    office, _, _, (first, second, _) = dose_twice
    who = ["--db", str(tmp_path / "office.sqlite"), "--user", "records", "--pin", "4444"]
    action, *rest = command

    def refused(record_id: str, version: str) -> str:
        assert main(["worklist", action, record_id, "--version", version, *rest, *who]) == 1
        return capsys.readouterr().err.strip()

    assert refused(UNKNOWN, "1") == (f"downtime: No record {UNKNOWN} here: copy its id from the end of its line in "
                                     "`downtime worklist`.")
    assert refused(second.record_id, "2") == (f"downtime: Record {second.record_id} stands at version 1, not 2: "
                                              "read its line in `downtime worklist` again, then give --version 1.")
    assert main(["worklist", action, second.record_id, "--version", "v1", *rest, *who]) == 0


def test_the_migration_adds_an_append_only_table_the_audit_chain_covers(tmp_path):
    import sqlcipher3
    from sqlite_utils import Database

    from downtime.storage import audit
    from downtime.storage.migrations import MIGRATIONS

    db = Database(sqlcipher3.connect(str(tmp_path / "office.sqlite")))
    MIGRATIONS.apply(db, stop_before="m024_not_entered")
    assert "not_entered" not in db.table_names()
    MIGRATIONS.apply(db)
    with db.conn:
        audit.insert_audited(db, "not_entered", {
            "id": "n1", "record_id": "r1", "version": 1, "ward_said": DUBOIS, "reason": TWICE,
            "recorded_by": "records", "recorded_at": "2026-12-01T14:10+01:00"},
            at=datetime.fromisoformat("2026-12-01T14:10+01:00"), actor="records", device_id="d0",
            action="back_entry.not_entered")
    assert audit.verify_chain(db) is None
    for change in ("UPDATE not_entered SET reason = 'x'", "DELETE FROM not_entered"):
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            db.execute(change)


def test_the_fhir_bundle_leaves_out_a_dose_the_ward_said_is_not_to_be_entered(dose_twice, tmp_path):
    """Posted, the bundle put the dose recorded twice into the EHR twice all the same, the ward's
    answer written down on the worklist alone."""
    office, _, _, (first, second, _) = dose_twice
    back_entry.mark_not_entered(office, second.record_id, 1, DUBOIS, TWICE)
    bundle = json.loads((export(office, tmp_path / "out").folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    resources = [entry["resource"] for entry in bundle["entry"]]
    Bundle.model_validate(bundle)
    about = {resource["entity"][0]["what"]["identifier"]["value"]: resource["activity"]["text"]
             for resource in resources if resource["resourceType"] == "Provenance"}
    assert second.record_id not in about and first.record_id in about
    doses = [resource for resource in resources if resource["resourceType"] == "MedicationAdministration"]
    assert len(doses) == 2, "the first 14:00 dose and the 20:00 one"
    assert about[first.record_id].endswith(
        f"ASK THE WARD: the same dose (due 28/11/2026 14:00) was also recorded on laptop 2 (no. 002) by Nurse (nurse, laptop 002), "
        f"given 28/11/2026 14:40: ask the ward whether it is one dose recorded twice before entering both; the ward said "
        f"that record is not to be entered ({DUBOIS}: {TWICE}): enter this one")


def _bundle(folder):
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    return {(entry["resource"]["resourceType"], (entry["resource"].get("identifier") or [{}])[0].get("value")
             or entry["resource"]["entity"][0]["what"]["identifier"]["value"]): entry for entry in bundle["entry"]}


def test_a_dose_an_earlier_bundle_sent_goes_again_entered_in_error_once_the_ward_says_not_to_enter_it(dose_twice,
                                                                                                        tmp_path):
    """The office's bundle made before the ward answered held both records of the 14:00 dose: the
    later bundles left the second out, so where the earlier one was posted the EHR kept the dose
    given twice. The next bundle withdraws it there the FHIR way: the same resource, updated by its
    identifier, entered in error, its Provenance saying the ward's answer."""
    office, _, _, (first, second, evening) = dose_twice
    export(office, tmp_path / "before-the-answer")
    assert not back_entry.sent_in_an_earlier_bundle(office, "an unknown record")
    assert back_entry.sent_in_an_earlier_bundle(office, second.record_id)
    back_entry.mark_not_entered(office, second.record_id, 1, DUBOIS, TWICE)
    result = export(office, tmp_path / "after-the-answer", since_last=True)
    entries = _bundle(result.folder)
    dose = entries["MedicationAdministration", second.record_id]
    assert dose["resource"]["status"] == "entered-in-error" and "id" not in dose["resource"]
    assert dose["request"] == {"method": "PUT", "url": "MedicationAdministration?identifier=urn:downtime:record|"
                                                       f"{second.record_id}"}
    why = entries["Provenance", second.record_id]
    assert why["request"]["method"] == "PUT"
    assert why["resource"]["activity"]["coding"][0]["code"] == "NULLIFY"
    assert why["resource"]["activity"]["text"].startswith(
        "Entered in error: version 1 was sent in an earlier bundle and is not to be entered in the EHR, as the ward said "
        f"— NOT TO BE ENTERED: the ward ({DUBOIS}) said: {TWICE}; recorded by Records (records), ")
    assert "ASK THE WARD" not in why["resource"]["activity"]["text"]
    assert second.record_id not in {found.record_id for found in result.ask_the_ward}
    # The dose to enter goes again too, its Provenance now saying so; the record itself is not changed.
    assert entries["Provenance", first.record_id]["resource"]["activity"]["text"].endswith(
        f"the ward said that record is not to be entered ({DUBOIS}: {TWICE}): enter this one")
    assert entries["MedicationAdministration", first.record_id]["resource"]["status"] == "completed"
    assert ("MedicationAdministration", evening.record_id) not in entries, "nothing new of the 20:00 dose"
    assert records.current(office.db, second.record_id).status.value == "final"
    # A whole bundle withdraws it likewise; one posted twice changes nothing more.
    again = _bundle(export(office, tmp_path / "whole").folder)
    assert again["MedicationAdministration", second.record_id]["resource"]["status"] == "entered-in-error"
    assert again["MedicationAdministration", second.record_id]["request"]["method"] == "POST"


def test_the_clerk_is_told_when_the_record_answered_about_went_in_an_earlier_bundle(dose_twice, tmp_path, capsys):
    office, _, _, (first, second, _) = dose_twice
    who = ["--db", str(tmp_path / "office.sqlite"), "--user", "records", "--pin", "4444"]
    export(office, tmp_path / "before-the-answer")
    assert main(["worklist", "not-entered", second.record_id, "--version", "1", "--ward-said", DUBOIS,
                 "--reason", TWICE, *who]) == 0
    assert ("This record was sent in an earlier FHIR bundle: with the ward's answer recorded, the next bundle marks "
            "it entered in error in the EHR") in capsys.readouterr().out



def test_observations_and_a_dose_of_a_withdrawn_order_an_earlier_bundle_sent_are_withdrawn_alike(
        tmp_path, laptop, clock, admission_values):
    """Every resource made from the record goes entered in error, each as R4 says it (the dose's
    status, each Observation's), updated by its identifier."""
    office, (_, _, of_a_withdrawn_order, observed) = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    export(office, tmp_path / "before-the-answer")
    back_entry.mark_not_entered(office, of_a_withdrawn_order, 1, DUBOIS, "never given, the order was withdrawn")
    back_entry.mark_not_entered(office, observed, 1, DUBOIS, "taken of another patient")
    entries = _bundle(export(office, tmp_path / "after-the-answer", since_last=True).folder)
    assert entries["MedicationAdministration", of_a_withdrawn_order]["resource"]["status"] == "entered-in-error"
    why = entries["Provenance", observed]["resource"]
    assert "taken of another patient" in why["activity"]["text"]
    targets = {target["reference"] for target in why["target"]}
    made = [entry for entry in entries.values() if entry["fullUrl"] in targets]
    assert len(made) > 1 and {entry["resource"]["resourceType"] for entry in made} == {"Observation"}
    assert {entry["resource"]["status"] for entry in made} == {"entered-in-error"}
    assert {entry["request"]["method"] for entry in made} == {"PUT"}


WITHDRAWN_SAID = ("1 record(s) the ward said are not to be entered went out in an earlier FHIR bundle: this bundle marks "
                  "them entered in error, so posting it withdraws them from the EHR (the manifest's fhir_withdrawn)")
LEFT_OUT_SAID = ("1 record(s) the ward said are not to be entered are left out of the FHIR bundle, as no earlier bundle "
                 "sent them (the manifest's fhir_left_out)")


def _exported(tmp_path, capsys, name, *options):
    """`downtime export` at the office: what it printed, and the manifest."""
    who = ["--db", str(tmp_path / "office.sqlite"), "--user", "records", "--pin", "4444"]
    assert main(["export", "--out", str(tmp_path / name), "--plain", *options, *who]) == 0
    return capsys.readouterr().out, json.loads((tmp_path / name / "manifest.json").read_text(encoding="utf-8"))


def test_the_export_says_how_many_records_it_withdraws_as_the_ward_said(dose_twice, tmp_path, capsys):
    """The bundle withdrew a dose an earlier bundle had put in the EHR, and the export's report
    said nothing of it: whoever posted it did not know it took a dose out of the EHR."""
    office, _, _, (_, second, _) = dose_twice
    said, manifest = _exported(tmp_path, capsys, "before-the-answer")
    assert "not to be entered" not in said and (manifest["fhir_withdrawn"], manifest["fhir_left_out"]) == (0, 0)
    back_entry.mark_not_entered(office, second.record_id, 1, DUBOIS, TWICE)
    result = export(office, tmp_path / "after-the-answer", since_last=True)
    assert (result.fhir_withdrawn, result.fhir_left_out) == (1, 0)
    assert WITHDRAWN_SAID in result.notes_in("en", office.forms)
    for name, options in (("since-last", ["--since-last"]), ("whole", [])):
        said, manifest = _exported(tmp_path, capsys, name, *options)
        assert WITHDRAWN_SAID in said.splitlines() and "left out" not in said
        assert (manifest["fhir_withdrawn"], manifest["fhir_left_out"]) == (1, 0)


def test_the_export_says_how_many_records_it_leaves_out_as_the_ward_said(dose_twice, tmp_path, capsys):
    """Never sent, the dose the ward said not to enter is left out of the bundle: the export's
    report says so, and not that it withdraws anything."""
    office, _, _, (_, second, _) = dose_twice
    back_entry.mark_not_entered(office, second.record_id, 1, DUBOIS, TWICE)
    result = export(office, tmp_path / "service")
    assert (result.fhir_withdrawn, result.fhir_left_out) == (0, 1)
    assert LEFT_OUT_SAID in result.notes_in("en", office.forms)
    said, manifest = _exported(tmp_path, capsys, "command-line")
    assert LEFT_OUT_SAID in said.splitlines() and "withdraws" not in said
    assert (manifest["fhir_withdrawn"], manifest["fhir_left_out"]) == (0, 1)
    (detail,) = office.db.execute("SELECT detail FROM audit WHERE action = 'export' ORDER BY seq DESC").fetchone()
    assert (json.loads(detail)["fhir_withdrawn"], json.loads(detail)["fhir_left_out"]) == (0, 1)
