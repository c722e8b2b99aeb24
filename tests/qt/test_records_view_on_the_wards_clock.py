"""The Records tab and a record's window say its times on the ward's clock, as its chart does: a
set taken at 13:30 and typed at 13:35 on a laptop set to UTC, merged here, was listed "28/11/2026
12:30", and its window read "recorded … at 28/11/2026 12:35", its history "v1 final 28/11/2026 12:35"."""

from datetime import datetime, timezone

from downtime.qt.form_view import FormView
from downtime.qt.records_view import RecordsView
from downtime.services import records
from tests.qt.test_observations_view import RCP_EXAMPLE
from tests.test_observations import ward  # noqa: F401 (a fixture)


def test_a_records_list_line_header_and_history_on_the_wards_clock(qtbot, ward, clock):  # noqa: F811
    nurse, patient, _ = ward
    typed = clock.now
    clock.now = datetime(2026, 11, 28, 12, 35, tzinfo=timezone.utc)
    saved = records.save_new(nurse, "observations", {**RCP_EXAMPLE, "taken_at": "2026-11-28T12:30+00:00"},
                             patient_id=patient)
    clock.now = typed
    listing = RecordsView(nurse, patient)
    qtbot.addWidget(listing)
    assert listing.model.text(0, 0) == "28/11/2026 13:30"
    view = FormView(nurse, nurse.form("observations"), record=saved)
    qtbot.addWidget(view)
    assert "at 28/11/2026 13:35" in view.header.text()
    assert view.history_text().startswith("v1 final 28/11/2026 13:35 by ")
