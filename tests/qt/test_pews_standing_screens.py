"""A child's standing doctor call on the screens the nurse looks at first: after a PEWS 9, a set of
"room air" alone read "PEWS ≥ 0 (incomplete)", and the patient list sorted the child among the
well, the pop-up after saving it said nothing of the call still standing."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from downtime.qt.patients_panel import NEWS2
from downtime.services import pews, records, wards
from tests.qt.test_pews_view import new_set, pews_tab

URGENT = {"respiratory_rate": 56, "respiratory_effort": "moderate", "spo2": 93, "oxygen": "high", "heart_rate": 158,
          "systolic_bp": 90, "capillary_refill": "under_3", "temperature": 37.2, "consciousness": "alert",
          "concern": False, "next_in": "60"}  # PEWS 9 at 4 months
WATCHED = {**URGENT, "oxygen": "low"}  # PEWS 7
ROOM_AIR_ALONE = {"oxygen": "room_air", "concern": False, "next_in": "60"}
STANDS = "LAST FULL SET (28/11 13:00) STILL STANDS: PEWS 9 (8 or more): call the doctor to review the child now"


def _children(window, session_for, admission_values) -> dict[str, str]:
    """Two babies of 4 months on ward 3B, Lina in bed 12 and Noé in bed 3: their patient ids by bed."""
    wards.add_ward(session_for("admin"), "3B", "Paediatrics", [str(n) for n in range(1, 13)])
    baby = {**admission_values, "birth_date": "2026-07-31", "nir": None, "identity_status": "provisional",
            "identity_document": None, "weight_kg": 6.1, "height_cm": 62, "arrival_at": "2026-11-28T09:00+01:00",
            "reason": "Bronchiolitis"}
    found = {bed: records.save_new(window.session, "admission", {**baby, "given_names": name, "bed": bed}).patient_id
             for bed, name in (("12", "Lina"), ("3", "Noé"))}
    window.patients.reload_wards()
    return found


def _set(window, child: str, at: str, values: dict) -> None:
    records.save_new(window.session, pews.FORM, {**values, "taken_at": f"2026-11-28T{at}+01:00"}, patient_id=child)


def test_a_standing_pews_9_sorts_the_child_first_behind_an_incomplete_set(window, session_for, admission_values,
                                                                          listed):
    """Sorted by their PEWS, highest first, the child whose "room air" alone follows a PEWS 9 sorted as 0."""
    children = _children(window, session_for, admission_values)
    _set(window, children["12"], "13:00", URGENT)
    _set(window, children["12"], "13:30", ROOM_AIR_ALONE)
    _set(window, children["3"], "13:00", WATCHED)
    panel = listed(window.patients)
    header = panel.table.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(NEWS2) + 5, 5))
    assert [(panel.model.text(row, 1), panel.model.text(row, NEWS2)) for row in range(2)] == [
        ("12", "PEWS ≥ 0 (incomplete) · 14:30"), ("3", "PEWS 7 — OVERDUE")]


def test_a_call_no_longer_standing_sorts_by_the_latest_score(window, session_for, admission_values, listed):
    """A full set after the PEWS 9 ends its call: the child sorts by what the list shows again."""
    children = _children(window, session_for, admission_values)
    _set(window, children["12"], "13:00", URGENT)
    _set(window, children["12"], "13:20", {**URGENT, "oxygen": "room_air", "respiratory_effort": "normal"})
    _set(window, children["12"], "13:30", ROOM_AIR_ALONE)
    _set(window, children["3"], "13:00", WATCHED)
    panel = listed(window.patients)
    panel.model.sort(NEWS2)
    assert [panel.model.text(row, 1) for row in range(2)] == ["3", "12"]


def test_saving_an_incomplete_set_after_a_pews_9_says_the_call_still_stands(window, session_for, admission_values,
                                                                             select_bed, answers):
    children = _children(window, session_for, admission_values)
    _set(window, children["12"], "13:00", URGENT)
    form = new_set(window, pews_tab(window, select_bed))
    form.editors["taken_at"].set_value("2026-11-28T13:30+01:00")
    for field, value in ROOM_AIR_ALONE.items():
        form.editors[field].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    _, asked = answers
    assert asked[-1] == ("info", f"{window.statusBar().currentMessage()}\n\n{STANDS}")


def test_a_set_entered_late_says_nothing_of_a_call_the_chart_no_longer_reads(window, session_for, admission_values,
                                                                            answers):
    """Entered after a later set, a set is not the child's latest: what stands is the later one's to say."""
    children = _children(window, session_for, admission_values)
    _set(window, children["12"], "13:00", URGENT)
    _set(window, children["12"], "13:30", ROOM_AIR_ALONE)
    _, asked = answers
    told = len(asked)
    assert asked[-1][1].endswith(STANDS)
    _set(window, children["12"], "12:00", ROOM_AIR_ALONE)
    assert len(asked) == told  # it asks nothing itself: no dialog
