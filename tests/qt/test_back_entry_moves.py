"""A record entered in the EHR under a patient's earlier EHR number says so on its Back-entry
line, from the re-link on, until the clerk says it was moved there (Moved in the EHR…): the
re-link's message alone was closed and forgotten."""

from PySide6.QtCore import Qt

from downtime.services import back_entry
from tests.qt.test_data_transfer import _office_tab


def test_the_clerk_marks_a_record_moved_in_the_ehr_after_a_relink(qtbot, tmp_path, forms, clock, laptop, answers,
                                                                 demo_database):
    script, asked = answers
    clerk, panel = _office_tab(qtbot, tmp_path, forms, clock, laptop, demo_database)
    group = next(group for group in back_entry.worklist(clerk) if group.patient is not None)
    admission = group.items[0].record
    back_entry.link_patient(clerk, group.patient.downtime_number, "800999")
    back_entry.mark_entered(clerk, admission.record_id, admission.version, "ADM-4711")
    back_entry.link_patient(clerk, group.patient.downtime_number, "12", replacing="800999")
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
    model, button = panel.model, panel.moved_button
    row = next(row for row in range(model.rowCount()) if model.rows[row][1].record.record_id == admission.record_id)
    assert model.text(row, 5) == ("MOVE IN THE EHR TO PATIENT 12 — entered in the EHR under patient 800999, linked to "
                                  "EHR patient 12 since: move it there in the EHR, then mark it moved")
    panel.table.selectRow(row + 1)
    assert not button.isEnabled(), "nothing to move on another line"
    panel.table.selectRow(row)
    assert button.isEnabled()
    done_before = panel.counts[0]
    script["confirm"] = [False]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked[-1] == ("confirm", "Moved in the EHR?")
    assert clerk.db.execute("SELECT COUNT(*) FROM ehr_moves").fetchone() == (0,), "No writes nothing"
    script["confirm"] = [True]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clerk.db.execute("SELECT from_ehr, to_ehr FROM ehr_moves WHERE record_id = ?",
                            [admission.record_id]).fetchone() == ("800999", "12")
    assert admission.record_id not in {model.rows[row][1].record.record_id for row in range(model.rowCount())}
    assert panel.counts[0] == done_before + 1
    done, tally, _ = back_entry.progress_and_not_entered(clerk)
    assert (done, tally.listed) == panel.counts
