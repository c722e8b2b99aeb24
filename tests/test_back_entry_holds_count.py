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
