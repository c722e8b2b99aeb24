"""Pressure damage found on the turning chart asks to tell the nurse in charge and to chart the
wound until a pressure ulcer still open on the wound chart, at that place and of a category that
covers the finding, is charted (whenever: before the turn too); then the turning chart names the
wound instead, on the escalation list, the handover, the printed chart and the letters. Damage
found at a new place, or worse than the wound chart says, asks again."""

from datetime import datetime

from downtime.services import census, chart_alerts, printing, records, repositioning
from tests.pdf_text import pdf_text

TURN = {"turned_at": "2026-11-28T10:00+01:00", "position": "left", "skin": "category_1", "skin_where": "sacrum",
        "next_in": "2"}
BRADEN = {"assessed_at": "2026-11-28T09:30+01:00", "sensory": "2", "moisture": "2", "activity": "1", "mobility": "2",
          "nutrition": "2", "friction": "1"}
LOOK = {"assessed_at": "2026-11-28T10:30+01:00", "wound": "Sacrum", "kind": "pressure_ulcer", "category": "1",
        "length_cm": 3.0, "width_cm": 2.0, "bed": "intact", "exudate": "none", "infection": False,
        "dressing": "Barrier film, off-loading", "next_in": "1", "present_on_admission": "no"}
CHARTED = "PRESSURE DAMAGE (sacrum): on the wound chart, “Sacrum” 28/11 10:30"
ASKED = "PRESSURE DAMAGE ({where}): tell the nurse in charge, keep the patient off it, chart the wound"


def _repositioning_alerts(nurse, at):
    patients = census.in_patients(nurse.db, nurse.forms, at=at)
    return [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, patients, at, "en", ward=None).alerts
            if alert.form_id == repositioning.FORM]


def test_damage_charted_on_the_wound_chart_is_named_not_asked_again(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN, patient_id=patient)
    records.save_new(nurse, "repositioning", TURN, patient_id=patient)
    records.save_new(nurse, "wound_care", LOOK, patient_id=patient)
    for hour, position in ((12, "right"), (13, "back")):
        records.save_new(nurse, "repositioning", {**TURN, "turned_at": f"2026-11-28T{hour}:00+01:00",
                                                  "position": position}, patient_id=patient)
    at = nurse.clock()
    assert _repositioning_alerts(nurse, at) == []
    handover = repositioning.handover(nurse.db, nurse.forms, [patient], at, "en")[patient]
    assert handover.endswith(CHARTED) and "chart the wound" not in handover
    assert repositioning.handed_on(nurse.db, nurse.forms, patient, at, "en")[-1] == CHARTED
    printed = " ".join(pdf_text(printing.print_repositioning_chart(nurse, patient, tmp_path / "r.pdf")).split())
    assert ASKED.format(where="sacrum") not in printed and CHARTED in printed
    # Damage found at a new place, no wound charted there: asked again.
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T13:30+01:00", "position": "left",
                                              "skin_where": "left heel"}, patient_id=patient)
    assert _repositioning_alerts(nurse, at) == [[ASKED.format(where="left heel")]]


def test_an_ulcer_charted_before_the_damage_names_it(session_for, patient):
    """An open pressure ulcer charted before the turn that sees it (found at admission, at a
    dressing) names the damage, a look at the skin finding none between them or not: it asked
    "chart the wound" at every turn until the next look at the wound, a day later."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T09:00+01:00", "category": "2"},
                     patient_id=patient)
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T09:30+01:00", "skin": "blanching"},
                     patient_id=patient)
    records.save_new(nurse, "repositioning", {**TURN, "skin": "broken"}, patient_id=patient)
    at = datetime.fromisoformat("2026-11-28T11:00+01:00")  # before the next turn falls due
    assert _repositioning_alerts(nurse, at) == []
    assert repositioning.handed_on(nurse.db, nurse.forms, patient, at, "en")[-1] == \
        "PRESSURE DAMAGE (sacrum): on the wound chart, “Sacrum” 28/11 09:00"


def test_damage_worse_than_the_wound_chart_says_asks_again(session_for, patient):
    """Broken skin found at a turn after the wound chart's category 1 look at that place is not on
    the wound chart: asked again (tell the nurse in charge, chart the wound) until a look charts
    it category 2 or worse, the one that asks for the incident report."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN, patient_id=patient)
    records.save_new(nurse, "repositioning", TURN, patient_id=patient)
    records.save_new(nurse, "wound_care", LOOK, patient_id=patient)
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T11:00+01:00", "skin": "broken"},
                     patient_id=patient)
    at = datetime.fromisoformat("2026-11-28T11:30+01:00")
    assert _repositioning_alerts(nurse, at) == [[ASKED.format(where="sacrum")]]
    assert "on the wound chart" not in repositioning.handover(nurse.db, nurse.forms, [patient], at, "en")[patient]
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T11:20+01:00", "category": "deep_tissue"},
                     patient_id=patient)
    assert _repositioning_alerts(nurse, at) == []


def test_a_look_at_another_ulcer_does_not_chart_new_damage(session_for, patient):
    """A routine look at a heel ulcer after new sacral damage was found does not chart the sacrum:
    the ulcer counts only when its name holds the damage's place (word for word)."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "wound": "Left heel", "assessed_at": "2026-11-28T09:40+01:00"},
                     patient_id=patient)
    records.save_new(nurse, "repositioning", TURN, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "wound": "Left heel"}, patient_id=patient)
    at = datetime.fromisoformat("2026-11-28T11:00+01:00")  # before the next turn falls due
    assert _repositioning_alerts(nurse, at) == [[ASKED.format(where="sacrum")]]
    assert "on the wound chart" not in repositioning.handover(nurse.db, nurse.forms, [patient], at, "en")[patient]
    records.save_new(nurse, "wound_care", {**LOOK, "wound": "Sacrum pressure ulcer",
                                           "assessed_at": "2026-11-28T10:45+01:00"}, patient_id=patient)
    assert _repositioning_alerts(nurse, at) == []


def test_a_milder_ulcer_at_the_place_asks_again_beside_a_worse_one(session_for, patient):
    """Two ulcers open at the sacrum, "Sacrum" category 1 and "Sacrum upper" category 3: broken
    skin found at the sacrum may be the category 1 breaking down, a new category 2 to report, so it
    is asked again (the worse one named it "on the wound chart" and silenced the ask)."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN, patient_id=patient)
    records.save_new(nurse, "wound_care", LOOK, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "wound": "Sacrum upper", "category": "3"},
                     patient_id=patient)
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T11:00+01:00", "skin": "broken"},
                     patient_id=patient)
    assert _repositioning_alerts(nurse, datetime.fromisoformat("2026-11-28T11:30+01:00")) == [
        [ASKED.format(where="sacrum")]]
