"""The repositioning and wound tabs after review 6: a patient gone home is asked no change of
position; a wound open when its stay ended reads "still open?" on its latest look (not "healed",
which no one charted), in the warning colour, and nothing on an earlier look."""

from downtime.qt.repositioning_view import RepositioningView
from downtime.qt.wounds_view import WoundsView
from downtime.services import records
from tests.test_stay_boundary import _readmit

TURN = {"turned_at": "2026-11-28T12:30+01:00", "position": "left", "skin": "intact", "next_in": "2"}
LOOK = {"assessed_at": "2026-11-28T10:00+01:00", "wound": "Sacrum", "kind": "surgical", "length_cm": 3.0,
        "width_cm": 2.0, "bed": "granulating", "exudate": "low", "infection": False, "dressing": "Foam", "next_in": "1"}


def test_the_repositioning_tab_of_a_patient_gone_home_asks_nothing(qtbot, session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", TURN, patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T13:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    clock.advance(hours=2)
    chart = RepositioningView(nurse, patient)
    qtbot.addWidget(chart)
    assert chart.latest.text() == ("Latest: Left side (30° tilt), skin: Intact, no redness at 28/11 12:30 — none asked: stay "
                                   "ended 28/11 13:00")
    assert chart.alarms.isHidden() and not chart.model.is_warning(0, chart.model.NEXT)
    assert chart.model.texts(0)[chart.model.NEXT] == "none asked: stay ended 28/11 13:00"


def test_a_wound_of_an_ended_stay_reads_still_open_on_its_latest_look(qtbot, session_for, patient, admission_values,
                                                                      clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", LOOK, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T11:00+01:00"}, patient_id=patient)
    _readmit(session_for, patient, admission_values)
    chart = WoundsView(nurse, patient)
    qtbot.addWidget(chart)
    model = chart.model
    assert [model.texts(row)[model.NEXT] for row in range(model.rowCount())] == ["still open?", ""]
    assert model.is_warning(0, model.NEXT) and not model.is_warning(1, model.NEXT)
    assert chart.alarms.text().startswith("STILL OPEN? (Sacrum, charted open during the stay that ended 28/11)")
