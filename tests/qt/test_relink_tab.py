"""The Back-entry tab's link box: re-linking a patient to another EHR number replaced the first
link without a word, though the admission had been entered under it. Now the clerk is told the
current link and what was entered under it, and asked; the same number again changes nothing."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from downtime.qt.prompts import Prompts
from downtime.services import back_entry, records
from downtime.sync.export import export
from downtime.sync.import_export import import_export


def _button(panel, starts: str) -> QPushButton:
    return next(button for button in panel.findChildren(QPushButton) if button.text().startswith(starts))


def test_relinking_asks_naming_the_current_link_and_what_was_entered_under_it(qtbot, tmp_path, laptop,
                                                                             admission_values, answers, monkeypatch,
                                                                             back_entry_tab):
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admission = records.save_new(nurse, "admission", admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(ward_clerk, tmp_path / "stick").folder)
    panel = back_entry_tab(office).back_entry
    script, asked = answers
    questions: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(
        lambda parent, title, text: questions.append(f"{title}|{text}") or script["confirm"].pop(0)))
    qtbot.mouseClick(panel.left_only, Qt.MouseButton.LeftButton)  # the whole list: the line stays once entered
    panel.table.setFocus()
    panel.table.selectRow(0)
    link = _button(panel, "Link to EHR patient")

    script["text"] = ["800999"]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    script["text"] = ["ADM-4711"]
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert back_entry.worklist(office)[0].items[0].entered_now

    script["text"], script["confirm"] = ["12"], [False]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    (question,) = questions
    assert question.startswith("Replace the EHR link?|")
    assert "linked to EHR patient 800999" in question and "ADM-4711" in question
    assert question.endswith("to EHR patient 12 instead of 800999?")
    assert back_entry.ehr_numbers(office.db) == {admission.patient_id: "800999"}, "answered no: nothing changed"

    script["text"], script["confirm"] = ["12"], [True]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert back_entry.ehr_numbers(office.db) == {admission.patient_id: "12"}
    assert panel.model.text(panel.table.currentIndex().row(), 2) == "12"
    assert office.db.execute("SELECT action FROM audit ORDER BY seq DESC").fetchone()[0] == "back_entry.patient_relinked"

    links = office.db.execute("SELECT COUNT(*) FROM patient_links").fetchone()[0]
    asked.clear()
    script["text"] = ["12"]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    number = panel.model.text(0, 1)
    assert asked[-1] == ("info", f"{number} is already linked to EHR patient 12: nothing changed.")
    assert office.db.execute("SELECT COUNT(*) FROM patient_links").fetchone()[0] == links


def test_the_link_box_is_filled_with_the_admissions_ipp_and_another_number_is_asked_about(
        qtbot, tmp_path, laptop, admission_values, answers, monkeypatch, back_entry_tab):
    """The clerk typed the EHR number afresh, though the admission recorded the hospital number
    (IPP) from the patient's papers, and a digit mistyped linked one patient's records to
    another's file. The box comes filled with it, for the clerk to check in the EHR; another
    number is taken only once the clerk says the admission's is wrong."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admission = records.save_new(nurse, "admission", {**admission_values, "ipp": "801234"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(ward_clerk, tmp_path / "stick").folder)
    panel = back_entry_tab(office).back_entry
    script, asked = answers
    questions: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(
        lambda parent, title, text: questions.append(f"{title}|{text}") or script["confirm"].pop(0)))
    panel.table.setFocus()
    panel.table.selectRow(0)
    link = _button(panel, "Link to EHR patient")

    script["text"], script["confirm"] = ["801299"], [False]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert script["filled"] == ["801234"]
    (question,) = questions
    assert question.startswith("Not the admission's hospital number|") and "records the hospital number 801234" in question
    assert back_entry.ehr_numbers(office.db) == {}, "answered no: not linked"

    script["text"], script["confirm"] = ["801299"], [True]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert back_entry.ehr_numbers(office.db) == {admission.patient_id: "801299"}
    assert not [said for kind, said in asked if kind == "error"]


def test_the_clerk_accepts_the_admissions_ipp_the_real_box_is_filled_with(qtbot, tmp_path, laptop, admission_values,
                                                                        back_entry_tab):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admission = records.save_new(nurse, "admission", {**admission_values, "ipp": "801234"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(ward_clerk, tmp_path / "stick").folder)
    panel = back_entry_tab(office).back_entry
    panel.table.selectRow(0)
    shown: list[str] = []

    def accept() -> None:
        box = QApplication.activeModalWidget()
        shown.append(box.findChild(QLineEdit).text())
        box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(200, accept)
    panel.link_selected()
    assert shown == ["801234"]
    assert back_entry.ehr_numbers(office.db) == {admission.patient_id: "801234"}
