"""The Back-entry tab's link box asks before linking a number to another EHR patient than the
one a number of the same NIR is linked to: one person's records would be split between two EHR
files. Answered no, nothing is linked; yes, it is, as the clerk's word that the EHR shows two
people."""

from downtime.qt.prompts import Prompts
from downtime.services import back_entry, records
from downtime.sync.export import export
from downtime.sync.import_export import import_export


def test_linking_a_number_of_the_same_nir_to_another_ehr_patient_is_asked(qtbot, tmp_path, laptop, admission_values,
                                                                        answers, monkeypatch, back_entry_tab):
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    records.save_new(nurse_1, "admission", admission_values)
    second = records.save_new(nurse_2, "admission", {**admission_values, "ward": "5A", "bed": "4"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    back_entry.link_patient(office, "DT-001-00001-7", "800123")
    panel = back_entry_tab(office).back_entry
    script, asked = answers
    questions: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(
        lambda parent, title, text: questions.append(f"{title}|{text}") or script["confirm"].pop(0)))
    panel.table.setFocus()
    panel.table.selectRow(next(row for row in range(panel.model.rowCount())
                               if panel.model.text(row, 1) == "DT-002-00001-6"))

    script["text"], script["confirm"] = ["800999"], [False]
    panel.link_selected()
    (question,) = questions
    assert question.startswith("One person, two EHR files?|DT-001-00001-7 has the same NIR as DT-002-00001-6 "
                               "(254037511302312) and is linked to EHR patient 800123: ")
    assert question.endswith("\n\nLink MARTIN Hélène Marie (née LEFÈVRE) (DT-002-00001-6) to EHR patient 800999 all "
                             "the same?")
    assert second.patient_id not in back_entry.ehr_numbers(office.db), "answered no: not linked"

    script["text"], script["confirm"] = ["800999"], [True]
    panel.link_selected()
    assert back_entry.ehr_numbers(office.db)[second.patient_id] == "800999"
    assert not [said for kind, said in asked if kind == "error"]
