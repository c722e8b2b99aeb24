"""The Back-entry tab closes a line that says to ask the ward with the ward's answer that it is
not to be entered, typed in a dialog as the clerk would."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from downtime.qt.not_entered_dialog import NotEnteredDialog
from downtime.services import back_entry
from downtime.sync.export import export
from tests.qt.test_data_transfer import _back_entry_tab
from tests.test_back_entry import office_asking_the_ward


def test_the_clerk_closes_a_dose_recorded_twice_with_the_wards_answer(qtbot, tmp_path, laptop, clock,
                                                                      admission_values, type_text):
    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    main, panel = _back_entry_tab(qtbot, office)
    model, button = panel.model, panel.not_entered_button
    rows = {model.rows[row][1].record.record_id: row for row in range(model.rowCount())}
    ordinary = next(row for record_id, row in rows.items() if record_id not in flagged)
    panel.table.selectRow(ordinary)
    assert not button.isEnabled(), "a line with nothing to ask the ward is entered, not skipped"
    panel.table.selectRow(rows[flagged[1]])
    assert button.isEnabled()
    done_before, total = panel.counts
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = panel.answering
    qtbot.waitExposed(dialog)
    assert not dialog.sent.isVisible(), "no bundle was made here"
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "To do: ENTER — the same dose" in words and "ask the ward whether it is one dose recorded twice" in words
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Say who at the ward said it" in dialog.problem.text()
    type_text(dialog.ward_said, "Sœur Lefèvre, 3B, par téléphone")
    type_text(dialog.reason, "une dose saisie deux fois")
    with qtbot.waitSignal(dialog.recorded):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert flagged[1] not in {model.rows[row][1].record.record_id for row in range(model.rowCount())}
    assert panel.counts[0] == done_before + 1
    assert panel.summary.text() == (f"{done_before + 1} of {total} done: {done_before} entered in the EHR, 1 not to "
                                    "be entered as the ward said")
    assert office.db.execute("SELECT ward_said, reason FROM not_entered WHERE record_id = ?", [flagged[1]]).fetchone() \
        == ("Sœur Lefèvre, 3B, par téléphone", "une dose saisie deux fois")
    panel.left_only.setChecked(False)
    row = next(row for row in range(model.rowCount()) if model.rows[row][1].record.record_id == flagged[1])
    assert model.text(row, 5).startswith("not entered — the ward (Sœur Lefèvre, 3B, par téléphone) said: une dose "
                                         "saisie deux fois; recorded by Records (records), ")
    panel.table.selectRow(row)
    assert not button.isEnabled(), "a line done is not answered again"
    # The other record of the dose is now the one to enter, and its line says so.
    other = next(row for row in range(model.rowCount()) if model.rows[row][1].record.record_id == flagged[0])
    assert model.text(other, 5).endswith("the ward said that record is not to be entered (Sœur Lefèvre, 3B, par "
                                         "téléphone: une dose saisie deux fois): enter this one")
    done, tallied, not_entered = back_entry.progress_and_not_entered(office)
    assert (done, tallied.listed, not_entered) == (*panel.counts, panel.not_entered)


def test_the_dialog_says_in_red_when_an_earlier_bundle_sent_the_record(qtbot, tmp_path, laptop, clock, admission_values):
    """Posted from that bundle, the EHR holds the dose: the clerk learns, before recording the
    ward's answer, that the next bundle withdraws it there."""
    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    export(office, tmp_path / "before-the-answer")
    main, panel = _back_entry_tab(qtbot, office)
    rows = {panel.model.rows[row][1].record.record_id: row for row in range(panel.model.rowCount())}
    panel.table.selectRow(rows[flagged[1]])
    qtbot.mouseClick(panel.not_entered_button, Qt.MouseButton.LeftButton)
    dialog = panel.answering
    qtbot.waitExposed(dialog)
    assert dialog.sent.isVisible()
    assert dialog.sent.text() == ("This record was sent in an earlier FHIR bundle: with the ward's answer recorded, the "
                                  "next bundle marks it entered in error in the EHR.")


def test_the_wards_answers_dialogs_closed_are_not_kept(qtbot, tmp_path, laptop, clock, admission_values, escaped):
    """Each line answered opened a dialog that stayed, hidden, a child of the tab for the rest of
    the session, a clerk's thousands of lines: once closed it is deleted, and the tab holds none."""
    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    main, panel = _back_entry_tab(qtbot, office)
    rows = {panel.model.rows[row][1].record.record_id: row for row in range(panel.model.rowCount())}

    def answering():
        panel.table.selectRow(rows[flagged[1]])
        qtbot.mouseClick(panel.not_entered_button, Qt.MouseButton.LeftButton)
        return panel.answering

    escaped([answering] * 2)
    assert panel.findChildren(NotEnteredDialog) == [] and panel.answering is None
