"""The Back-entry tab lists a patient's lines in an order the EHR takes top to bottom, each
answer after its label: as the clerk reads them on screen."""

from datetime import datetime

from downtime.qt.back_entry_panel import WHAT
from tests.qt.test_data_transfer import _office_tab

STEP, WHEN = 3, 4


def _when(text: str) -> datetime:
    return datetime.strptime(text, "%d/%m/%Y %H:%M")


def test_the_tab_lists_the_admission_first_and_a_cancellation_after_its_booking_each_answer_named(
        qtbot, tmp_path, forms, clock, laptop, demo_database):
    """ANDRÉ Loïc's orders and doses came before his admission, and the theatre cancellation
    (06:36) before the 11:00 booking it cancels, reading "… — 01/12/2026 06:36 — Information-system
    outage — Yes": what "Yes" answered, the clerk could not tell."""
    _, panel = _office_tab(qtbot, tmp_path, forms, clock, laptop, demo_database)
    model = panel.model
    while model.canFetchMore():
        model.fetchMore()
    lines: dict[str, list[tuple[str, ...]]] = {}
    for row in range(model.rowCount()):
        lines.setdefault(model.text(row, 1), []).append(model.texts(row))
    assert list(lines)[0] == "", "the theatre sessions the bookings point to come first"
    patients = {number: said for number, said in lines.items() if number}
    assert all(said[0][STEP] == "Admission, allergies and movements" for said in patients.values())
    cancelled = [(said, at) for said in patients.values() for at, line in enumerate(said)
                 if "Cancelled at: " in line[WHAT]]
    assert cancelled
    for said, at in cancelled:
        booking = said[at][WHAT].split(" — Cancelled at: ")[0]
        assert any(line[WHAT] == booking for line in said[:at]), "its booking above it"
        assert "Reason: " in said[at][WHAT] and "Last minute (on the day the patient was due in or of the operation, or after arriving): " in said[at][WHAT]
    assert any(_when(booking[WHEN]) > _when(said[at][WHEN]) for said, at in cancelled for booking in said[:at]
               if said[at][WHAT].startswith(booking[WHAT])), "a cancellation typed before the booking's time"
    admissions = [said[0][WHAT] for said in patients.values()]
    assert all(text.startswith("Arrival date and time: ") for text in admissions)
    assert any(" kg — " in text and "Weight: " in text for text in admissions)
