"""Two patients the ward told apart who share a NIR: kept on the records office's list (one of
the numbers is probably mistyped, or the ward was wrong), but never told to be linked as one
person without checking their cards."""

from pypdf import PdfReader

from downtime.cli import main
from downtime.domain.duplicates import SAME_NIR, duplicates_and_namesakes
from downtime.services import back_entry, printing, records
from downtime.sync.export import export
from downtime.sync.import_export import import_export

NIR = "254037511302312"
FIRST, SECOND, THIRD = "DT-003-00001-5", "DT-003-00002-3", "DT-003-00003-1"


def _pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_a_pair_told_apart_sharing_a_nir_is_asked_to_be_checked_not_linked(tmp_path, laptop, admission_values, capsys):
    """LEFEVRE Helene born 1954 and DUPUIS Marie born 1960, the second saved "another patient"
    with the first's NIR: the worklist told the clerk "Probably the same person: link both to
    one EHR patient number, and enter the admission once", and the ward's answer was gone. A
    NIR mistyped is likelier than one person under two names and birth dates."""
    nurse, clerk = laptop(tmp_path / "ward.sqlite", 3)
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Lefevre", "given_names": "Helene",
                                          "birth_date": "1954-03-12", "nir": NIR, "bed": "7"})
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Dupuis", "given_names": "Marie",
                                          "birth_date": "1960-01-01", "nir": NIR, "bed": "8", "not_same_as": FIRST})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "stick").folder)
    assert [(group.downtime_numbers, group.why) for group in back_entry.probable_duplicates(office)] == [
        ((FIRST, SECOND), SAME_NIR)]
    said = {number: f"Told apart from {other} by the ward, yet sharing the same NIR: check each one's identity "
                    "(carte Vitale, identity document) before linking. A number mistyped on one admission is likelier "
                    "than one person told apart by mistake: correct it, and link both to one EHR patient number only "
                    "if their identities match."
            for number, other in ((FIRST, SECOND), (SECOND, FIRST))}
    assert back_entry.worklist_notes(office) == said
    printed = _pdf_text(printing.print_worklist(office, tmp_path / "w.pdf"))
    assert said[FIRST] in printed and said[SECOND] in printed and "enter the admission once" not in printed
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["worklist", "--db", db, "--user", "records", "--pin", "4444"]) == 0
    shown = capsys.readouterr().out
    assert said[FIRST] in shown and said[SECOND] in shown and "enter the admission once" not in shown


def test_only_a_group_every_two_of_which_the_ward_told_apart_is_marked_so():
    """One NIR on two admissions, the second saved "another patient" than the first: marked. A
    third with that NIR, told apart from neither: the group is one question again (not marked),
    since two of them the ward never told apart."""
    one = {"downtime_number": FIRST, "birth_name": "Lefevre", "given_names": "Helene", "birth_date": "1954-03-12",
           "nir": NIR}
    apart = {**one, "downtime_number": SECOND, "birth_name": "Dupuis", "not_same_as": FIRST}
    probable, _ = duplicates_and_namesakes([one, apart])
    assert [(group.downtime_numbers, group.told_apart) for group in probable] == [((FIRST, SECOND), True)]
    again = {**one, "downtime_number": THIRD, "birth_name": "Roux"}
    probable, _ = duplicates_and_namesakes([one, apart, again])
    assert [(group.downtime_numbers, group.told_apart) for group in probable] == [((FIRST, SECOND, THIRD), False)]
