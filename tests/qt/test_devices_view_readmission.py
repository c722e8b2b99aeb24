"""The line and catheter tab of a readmitted patient: a cannula of the stay that ended says it is
followed no more, not "taken out" (no one charted it out), and may be checked if the patient came
back with it; a PICC line of that stay asks whether it is still in, in the warning colour."""

from downtime.qt.devices_view import DevicesView
from downtime.services import devices, records
from tests.test_devices_readmission import _charted_in_then_readmitted

IN_SINCE, NEXT = 6, 7


def test_the_tab_asks_whether_the_picc_line_is_still_in_and_says_the_cannula_is_followed_no_more(
        qtbot, session_for, patient, admission_values):
    nurse = _charted_in_then_readmitted(session_for, patient, admission_values)
    chart = DevicesView(nurse, patient)
    qtbot.addWidget(chart)
    assert chart.latest.text() == "Still in: PICC line, Right arm (still in?)"
    picc, cannula = (chart.model.texts(row) for row in range(2))  # newest first
    assert (picc[IN_SINCE], picc[NEXT]) == ("charted in during the stay that ended 28/11", "still in?")
    assert (cannula[IN_SINCE], cannula[NEXT]) == ("", "no longer followed: stay ended 28/11")
    assert chart.model.is_warning(0, NEXT) and not chart.model.is_warning(1, NEXT)
    carried = []
    chart.carry_on.connect(lambda _, answers: carried.append(answers))
    chart.table.setCurrentIndex(chart.model.index(1, 0))
    chart.next_chosen()
    assert [(answers["device"], answers["event"], answers["inserted_at"]) for answers in carried] == [
        ("peripheral", "checked", "2026-11-28T09:30:00+01:00")]
    picc = chart.model.rows[0]
    records.save_new(nurse, "device_check", {**devices.next_check(picc), "checked_at": "2026-11-28T13:00+01:00",
                                             "site_state": "clean", "still_needed": True}, patient_id=patient)
    chart.refresh()
    assert chart.latest.text() == "Still in: PICC line, Right arm (next check 29/11 13:00)"
    assert [chart.model.texts(row)[NEXT] for row in range(3)] == ["29/11 13:00", "", "no longer followed: stay ended 28/11"]
