"""The records clerk settles a record on hold from the Back-entry tab, by keyboard, once the
ward has said which version is right."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from downtime.qt.back_entry_panel import TO_DO
from downtime.qt.settle_dialog import SettleHoldDialog
from downtime.services import back_entry, records
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge



def test_the_clerk_settles_a_hold_with_the_keyboard_and_the_line_becomes_one_to_enter(
        qtbot, tmp_path, laptop, disagreeing, type_text, back_entry_tab):
    record, first, second, third, *_ = disagreeing
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first, second, third], tmp_path / "merged").folder)
    window = back_entry_tab(office)
    panel = window.back_entry

    held = next(row for row in range(panel.model.rowCount()) if panel.model.rows[row][1].record.record_id == record)
    panel.table.setFocus()
    panel.table.selectRow(1 - held)
    assert not panel.settle_button.isEnabled(), "offered on a line on hold only"
    qtbot.keyClick(panel.table, Qt.Key.Key_Up if held == 0 else Qt.Key.Key_Down)
    assert panel.table.currentIndex().row() == held and panel.settle_button.isEnabled()
    assert panel.settle_button.text() == "&Settle the hold…"

    panel.settle_button.setFocus()  # Alt+S, its mnemonic (unique on the tab: see test_mnemonics)
    qtbot.keyClick(panel.settle_button, Qt.Key.Key_Space)
    dialog = panel.findChild(SettleHoldDialog)
    qtbot.waitActive(dialog)
    assert [dialog.versions.item(row).text().split(": ", 1)[1].splitlines() for row in range(dialog.versions.count())] == [
        ["version 2 by Nurse (nurse, laptop 002), 28/11/2026 14:10: Bed: 14", "changed since version 1: Bed: 14",
         "choosing it: the change on laptop 1 (no. 001) to Bed: 15 will be dropped"],
        ["version 2 by Nurse (nurse, laptop 001), 28/11/2026 14:15: Bed: 15", "changed since version 1: Bed: 15",
         "choosing it: the change on laptop 2 (no. 002) to Bed: 14 will be dropped"]]
    # Laptop 2 admitted no one: it is named as its export's manifest names it, not "laptop 6e8f94ed".
    assert [dialog.versions.item(row).text().split(": ", 1)[0] for row in range(dialog.versions.count())] == [
        "laptop 2 (no. 002)", "laptop 1 (no. 001)"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.versions)
    qtbot.keyClick(dialog.versions, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.reason
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.text() == "Choose the version that is right (arrow keys).", \
        "none is chosen for the clerk"
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Backtab)
    qtbot.keyClick(dialog.versions, Qt.Key.Key_Down)  # the first version, then the second
    qtbot.keyClick(dialog.versions, Qt.Key.Key_Down)
    assert [index.row() for index in dialog.versions.selectedIndexes()] == [1]
    qtbot.keyClick(dialog.versions, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.text().startswith("Reason: say who decided which version is right")
    assert records.current(office.db, record).version == 1

    with qtbot.waitSignal(dialog.settled):
        type_text(dialog.reason, "Sœur Hélène Martin, service 3B, par téléphone")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    standing = records.current(office.db, record)
    assert (standing.version, standing.data["bed"]) == (2, "15")
    assert standing.reason.endswith("chosen. Sœur Hélène Martin, service 3B, par téléphone")
    line = next(row for row in range(panel.model.rowCount()) if panel.model.rows[row][1].record.record_id == record)
    assert panel.model.text(line, TO_DO) == (
        "ENTER — hold settled by Records (records), 28/11/2026 14:15: the hold from version 2: version 2 on laptop 1 "
        "(no. 001) chosen, version 2 stands; reason: Sœur Hélène Martin, service 3B, par téléphone")
    assert panel.model.text(line, 6) == "2"
    assert panel.summary.text() == "0 of 2 entered in the EHR"
    panel.table.selectRow(line)
    assert not panel.settle_button.isEnabled()


def test_settle_dialogs_closed_are_not_kept(qtbot, tmp_path, laptop, disagreeing, back_entry_tab, escaped):
    """Each hold looked at opened a dialog that stayed, hidden, a child of the tab for the rest of
    the session: once closed it is deleted, and the tab holds none."""
    record, first, second, third, *_ = disagreeing
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first, second, third], tmp_path / "merged").folder)
    panel = back_entry_tab(office).back_entry
    held = next(row for row in range(panel.model.rowCount()) if panel.model.rows[row][1].record.record_id == record)

    def settling():
        panel.table.selectRow(held)
        qtbot.keyClick(panel.settle_button, Qt.Key.Key_Space)
        return panel.settling

    escaped([settling] * 2)
    assert panel.findChildren(SettleHoldDialog) == [] and panel.settling is None


def _settling(qtbot, tmp_path, laptop, record, exports):
    """The settle dialog of `record`, on hold at a records office that imported the merge of these exports."""
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge(exports, tmp_path / "merged").folder)
    group, item = next((group, item) for group in back_entry.worklist(office) for item in group.items
                       if item.record.record_id == record)
    dialog = SettleHoldDialog(office, item, group.patient)
    qtbot.addWidget(dialog)
    return dialog, group


def test_the_settle_dialog_names_the_patient_whose_record_it_settles(qtbot, tmp_path, laptop, disagreeing):
    """The clerk phones the ward about the patient: the dialog, which covers the worklist, says
    who it is by two identifiers and the downtime number, as every patient screen does."""
    record, first, second, third, *_ = disagreeing
    dialog, group = _settling(qtbot, tmp_path, laptop, record, [first, second, third])
    shown = dialog.identity.text()
    assert group.patient.display_name in shown and group.patient.downtime_number in shown
    assert "born 12/03/1954" in shown


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Home])
def test_the_first_arrow_key_in_the_settle_dialog_chooses_the_first_version(qtbot, tmp_path, laptop, disagreeing, key):
    """None is chosen beforehand, and the first key the clerk presses in the list chooses its
    first version: the list made it current unseen, so Down chose the second and Up or Home
    chose nothing."""
    record, first, second, third, *_ = disagreeing
    dialog, group = _settling(qtbot, tmp_path, laptop, record, [first, second, third])
    dialog.show()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.versions)
    assert dialog.versions.selectedIndexes() == []
    qtbot.keyClick(dialog.versions, key)
    assert [index.row() for index in dialog.versions.selectedIndexes()] == [0]


def test_a_version_its_laptop_replaced_since_is_said_so_in_the_settle_dialog(
        qtbot, tmp_path, laptop, disagreeing, clock, admission_values):
    """Laptop 1 moved the patient to bed 15, then to bed 16: choosing its version 2 would undo
    its own later move, and the list did not say that version 3 replaced it."""
    from downtime.sync.export import export

    record, _, second, third, nurse_1, clerk_1 = disagreeing
    clock.advance(minutes=5)
    records.amend(nurse_1, record, {**admission_values, "bed": "16"}, "moved to bed 16")
    dialog, _ = _settling(qtbot, tmp_path, laptop, record,
                          [export(clerk_1, tmp_path / "export-1-later").folder, second, third])
    lines = [dialog.versions.item(row).text() for row in range(dialog.versions.count())]
    assert [line.splitlines()[0].endswith(" — REPLACED on that laptop by its version 3") for line in lines] == [
        False, True, False], lines
    assert "Bed: 15" in lines[1] and "Bed: 16" in lines[2]


def test_a_settlement_that_kept_the_version_standing_is_in_the_records_history(qtbot, tmp_path, laptop, disagreeing):
    """Choosing the version that stands writes no version: who settled, and the ward's word, were
    in the audit log alone. The record's History says them, after the version kept."""
    from downtime.qt.form_view import FormView

    record, first, second, *_ = disagreeing
    clerk = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in (first, second):
        import_export(clerk, folder)
    group, item = next((group, item) for group in back_entry.worklist(clerk) for item in group.items
                       if item.record.record_id == record)
    dialog = SettleHoldDialog(clerk, item, group.patient)
    qtbot.addWidget(dialog)
    kept = records.current(clerk.db, record)
    dialog.show()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.versions)
    for _ in range(1 + [version.id for version in dialog.hold.versions].index(kept.id)):
        qtbot.keyClick(dialog.versions, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.versions, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.reason, "Sister Martin, ward 3B, by phone")
    with qtbot.waitSignal(dialog.settled):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert records.current(clerk.db, record) == kept
    view = FormView(clerk, clerk.form("admission"), record=kept)
    qtbot.addWidget(view)
    history = view.history_text().splitlines()
    assert history[2] == ("Hold settled 28/11/2026 14:15 by Records (records): the hold from version 2: version 2 "
                          "on laptop 1 (no. 001) chosen, version 2 stands — reason: Sister Martin, ward 3B, by phone")
    assert history[3].startswith("Set aside, another laptop's: v2 ")


def test_the_back_entry_tab_opens_with_a_dose_on_hold_whose_order_is_not_here(qtbot, dose_held_without_its_order,
                                                                              back_entry_tab):
    """It opened on no page (the dose's order was read to name the dose): its line says the
    order is not here, and the hold can be looked at."""
    office, order, dose = dose_held_without_its_order
    window = back_entry_tab(office)
    panel = window.back_entry
    [(_, item)] = panel.model.rows
    assert item.record.record_id == dose
    shown = [panel.model.index(0, column).data() for column in range(panel.model.columnCount())]
    assert any(f"Order {order} is not here: import the stick that has it" in str(text) for text in shown)


def test_a_record_entered_before_another_office_settled_it_otherwise_is_ticked_off_again_from_the_tab(
        qtbot, settled_otherwise, clock, answers, back_entry_tab):
    """Office 902 entered the record as Anne Durand's settlement left it (bed 14); Paul Martin's
    settlement, choosing bed 15, came with a later import. The tab's line read "entered", the
    line hidden from the clerk working what is left: it says the other office's settlement, is
    left to do, and is ticked off again with the EHR's reference once the ward is asked."""
    record, office, later = settled_otherwise
    back_entry.mark_entered(office, record, 3, "ADM-1")
    clock.advance(minutes=5)
    import_export(office, later)
    window = back_entry_tab(office)
    panel = window.back_entry
    line = next(row for row in range(panel.model.rowCount()) if panel.model.rows[row][1].record.record_id == record)
    said = panel.model.text(line, TO_DO)
    assert said.startswith("CHECK WITH THE WARD (VERSION 3 WAS ENTERED, EHR REFERENCE ADM-1) — hold settled by Anne Durand (clerk)")
    assert ("SETTLED OTHERWISE AT ANOTHER OFFICE: Paul Martin (clerk) settled it on 28/11/2026 14:20, choosing version "
            "2 on laptop 1 (no. 001)") in said
    assert panel.model.is_warning(line, TO_DO)
    assert panel.summary.text() == "0 of 1 entered in the EHR"
    script, _ = answers
    script["text"].append("ADM-1 checked with Sister Martin")
    panel.table.selectRow(line)
    panel.mark_selected()
    assert panel.left_only.isChecked() and not panel.model.rows, "done, it leaves what is left to enter"
    assert panel.summary.text() == "1 of 1 entered in the EHR"


def _settle_dialog(qtbot, office, record):
    """The settle dialog of `record` on hold at `office`, shown, its list of versions focused."""
    group, item = next((group, item) for group in back_entry.worklist(office) for item in group.items
                       if item.record.record_id == record)
    dialog = SettleHoldDialog(office, item, group.patient)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.versions)
    return dialog


PENICILLIN_DROPPED = ("If you settle with this version, the change on laptop 1 (no. 001) to Allergies: added Penicillin "
                      "(Anaphylaxis, Severe) will be dropped.")


def test_choosing_the_weight_says_in_red_the_allergy_it_drops_and_combining_keeps_both(
        qtbot, allergy_and_weight, type_text):
    """The review's case: the header said the old allergies and nothing said the penicillin
    anaphylaxis would go. Now the header reads the allergies the choice leaves, the allergy
    dropped is named in red, Enter refuses until the box is ticked, and the last choice keeps
    both changes."""
    record, office, _ = allergy_and_weight
    dialog = _settle_dialog(qtbot, office, record)
    assert "ALLERGIES: those of the version you choose (shown once chosen)" in dialog.identity.text()
    assert dialog.intro.text().startswith("Standing here before settling: "), "the line reads the version standing"
    weighed = next(row for row, version in enumerate(dialog.hold.versions) if version.data["weight_kg"] == 81)
    assert dialog.versions.count() == 3
    assert dialog.versions.item(2).text().startswith("Keep both changes: a new version combining version 2")
    for _ in range(weighed + 1):
        qtbot.keyClick(dialog.versions, Qt.Key.Key_Down)
    assert dialog.drops.text() == PENICILLIN_DROPPED and dialog.drops.isVisible()
    assert dialog.drop_confirmed.isVisible() and not dialog.drop_confirmed.isChecked()
    assert "ALLERGIES: Codeine (Vomiting, mild) (once settled so)" in dialog.identity.text()
    assert "Penicillin" not in dialog.identity.text()

    qtbot.keyClick(dialog.versions, Qt.Key.Key_Tab)
    type_text(dialog.reason, "Ward 3B nurse in charge, phone")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.text().startswith(
        "Not settled, as it would drop a safety-critical change: the change on laptop 1 (no. 001) to Allergies: added "
        "Penicillin (Anaphylaxis, Severe) will be dropped.")
    assert records.current(office.db, record).version == 2 and back_entry.hold_of(office, record) is not None

    qtbot.keyClick(dialog.reason, Qt.Key.Key_Backtab)
    qtbot.keyClick(dialog.versions, Qt.Key.Key_End)
    assert not dialog.drops.isVisible() and not dialog.drop_confirmed.isVisible()
    assert "ALLERGIES: Codeine (Vomiting, mild); Penicillin (Anaphylaxis, severe) (once settled so)" in \
        dialog.identity.text()
    qtbot.keyClick(dialog.versions, Qt.Key.Key_Tab)
    with qtbot.waitSignal(dialog.settled):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    standing = records.current(office.db, record)
    assert (standing.version, standing.data["weight_kg"]) == (3, 81)
    assert [row["substance"] for row in standing.data["allergies"]] == ["Codeine", "Penicillin"]
    assert standing.reason.startswith("Settles the hold from version 2 by combining the versions, keeping the changes "
                                      "of each: version 2 by ")
    assert standing.reason.endswith(" at 28/11/2026 14:15. Ward 3B nurse in charge, phone")


def test_the_allergy_is_dropped_only_once_the_clerk_ticks_that_the_ward_said_so(qtbot, allergy_and_weight, type_text):
    record, office, _ = allergy_and_weight
    dialog = _settle_dialog(qtbot, office, record)
    weighed = next(row for row, version in enumerate(dialog.hold.versions) if version.data["weight_kg"] == 81)
    for _ in range(weighed + 1):
        qtbot.keyClick(dialog.versions, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.versions, Qt.Key.Key_Tab)
    type_text(dialog.reason, "Ward 3B nurse in charge, phone")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.drop_confirmed
    qtbot.keyClick(dialog.drop_confirmed, Qt.Key.Key_Space)
    assert dialog.drop_confirmed.isChecked()
    with qtbot.waitSignal(dialog.settled):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    standing = records.current(office.db, record)
    assert (standing.data["weight_kg"], [row["substance"] for row in standing.data["allergies"]]) == (81, ["Codeine"])
