"""A record on hold among a hospital's lines: nothing said how many there were, and the one hold
was line 330 of 464. `downtime worklist` and the printed worklist count them beside the
progress, as the Back-entry tab does (tests/qt/test_back_entry_holds.py)."""

from pypdf import PdfReader

from downtime.cli import main
from downtime.services import back_entry
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge

WHO = ["--user", "records", "--pin", "4444"]


def test_the_worklist_and_its_print_count_the_records_on_hold(tmp_path, laptop, disagreeing, capsys):
    record, first, second, third, *_ = disagreeing
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first, second, third], tmp_path / "merged").folder)
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])

    assert main(["worklist", "--db", db, *WHO]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "0 of 2 record(s) entered in the EHR — 1 on hold"
    out = tmp_path / "worklist.pdf"
    assert main(["pdf", "worklist", "--out", str(out), "--db", db, *WHO]) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "0 of 2 record(s) entered in the EHR — 1 on hold" in text
    assert back_entry.holds_by_patient(office) == {back_entry.hold_of(office, record).versions[0].patient_id: 1}


def test_a_record_entered_then_on_hold_says_which_version_is_in_the_ehr(tmp_path, laptop, clock, admission_values,
                                                                        capsys):
    """Version 1 entered (ADM-4711); two laptops then amend it differently (bed 14, bed 15): the
    line read only "on hold … enter neither", the clerk phoning the wards could say neither what
    the EHR shows nor that whatever is settled is a correction there."""
    from downtime.services import records
    from downtime.sync.export import export

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    saved = records.save_new(nurse_1, "admission", admission_values)
    first = export(clerk_1, tmp_path / "first").folder
    import_export(office, first)
    back_entry.mark_entered(office, saved.record_id, 1, "ADM-4711")
    import_export(clerk_2, first)  # the patient moved to laptop 2's ward with the stick
    clock.advance(minutes=10)
    records.amend(nurse_2, saved.record_id, {**admission_values, "bed": "14"}, "moved to bed 14")
    clock.advance(minutes=5)
    records.amend(nurse_1, saved.record_id, {**admission_values, "bed": "15"}, "moved to bed 15")
    import_export(office, export(clerk_1, tmp_path / "second-1", since_last=True).folder)
    import_export(office, export(clerk_2, tmp_path / "second-2").folder)
    item = next(i for g in back_entry.worklist(office) for i in g.items if i.record.record_id == saved.record_id)
    said = ("on hold — two laptops disagree from version 2: enter neither until the wards say which is right — "
            "version 1 is in the EHR (ADM-4711): once settled, correct it there — ")
    assert item.on_hold is not None and item.to_do.startswith(said), item.to_do
    assert main(["worklist", "--db", str(tmp_path / "office.sqlite"), *WHO]) == 0
    assert said in capsys.readouterr().out
    assert main(["worklist", "settle", saved.record_id, "--db", str(tmp_path / "office.sqlite"), *WHO]) == 0
    assert capsys.readouterr().out.startswith("version 1 is in the EHR (ADM-4711): once settled, correct it there\n1. ")
    # Its laptop's account counts it on hold, no longer entered.
    assert [(account.laptop.number, account.records, account.entered, account.on_hold)
            for account in back_entry.by_laptop(office)] == [(1, 1, 0, 1), (2, 0, 0, 0)]
