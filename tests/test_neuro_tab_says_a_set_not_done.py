"""The neuro tab's headline when the latest set was not done: the latest GCS taken, and the set
not done and why, as the handover says them."""

from datetime import datetime

from downtime.services import records
from tests.test_neuro_not_done import REFUSED, SET


def test_the_headline_says_the_last_gcs_taken_and_the_set_refused(session_for, patient, clock, qtbot):
    """A set refused at 12:10 after a GCS of 15 at 11:40 read "Latest: GCS — (ET VT MT) at 28/11
    12:10": a patient not testable on every component (intubated, paralysed, eyes shut), the 15
    and the refusal said nowhere on the tab."""
    from downtime.qt.neuro_view import NeuroView

    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", {**SET, "next_set_in": "60"}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", REFUSED, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T12:15+01:00")
    view = NeuroView(nurse, patient)
    qtbot.addWidget(view)
    assert view.latest.text() == ("Latest: GCS 15 (E4 V5 M6) at 28/11 11:40; set not done 28/11 12:10 (refused) — "
                                  "next set due 28/11 12:40")
