"""The repositioning chart after review 6: a Braden fallen to a band that asks changes more often
than the latest turn's plan brings the next turn forward (NICE CG179: at least every 4 hours at
high risk); a patient who has left (home, another hospital, death) is asked nothing, on the tab,
the printed chart and the lists; the pressure damage's ask in French puts the area, not the
patient, off load."""

from datetime import datetime, timedelta, timezone

from hypothesis import given, strategies as st

from downtime.domain.braden import Band
from downtime.domain.repositioning import EVERY_AT_MOST, due_at_band, next_due
from downtime.services import chart_alerts, census, printing, records, repositioning
from tests.pdf_text import pdf_text

BRADEN_MILD = {"assessed_at": "2026-11-28T10:00+01:00", "sensory": "3", "moisture": "3", "activity": "3",
               "mobility": "3", "nutrition": "2", "friction": "2"}  # 16, at risk: 6-hourly
BRADEN_VERY_HIGH = {"assessed_at": "2026-11-28T14:00+01:00", "sensory": "1", "moisture": "2", "activity": "1",
                    "mobility": "1", "nutrition": "2", "friction": "2"}  # 9, very high: at least 4-hourly
SIX_HOURLY = {"turned_at": "2026-11-28T10:30+01:00", "position": "left", "skin": "intact", "next_in": "6"}
TURN = {"turned_at": "2026-11-28T12:30+01:00", "position": "left", "skin": "intact", "next_in": "2"}
LEFT = {"discharged_at": "2026-11-28T13:00+01:00", "destination": "home", "letter_given": True,
        "medicines_given": True}


@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1), timezones=st.just(timezone.utc)),
       st.sampled_from((2, 3, 4, 6)), st.sampled_from(list(Band)), st.integers(-600, 600))
def test_a_risk_assessed_after_a_turn_brings_its_next_no_later_than_its_band_allows(turned, every, band, minutes):
    due, assessed = next_due(turned, every), turned + timedelta(minutes=minutes)
    moved = due_at_band(due, turned, band, assessed)
    if minutes <= 0 or band not in EVERY_AT_MOST:  # assessed before the turn (its plan was warned of), or not at risk
        assert moved == due
    else:
        assert moved == min(due, next_due(turned, EVERY_AT_MOST[band]))


def test_a_braden_fallen_to_very_high_after_a_6_hourly_turn_brings_the_next_turn_forward(session_for, patient, clock,
                                                                                          tmp_path):
    """Braden 16 at 10:00, turned at 10:30 "next in 6 hours"; Braden 9 at 14:00: the next change
    falls due 4 hours after the turn, 14:30 (the chart said 16:30, and nothing was asked)."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_MILD, patient_id=patient)
    records.save_new(nurse, "repositioning", SIX_HOURLY, patient_id=patient)
    records.save_new(nurse, "braden_assessment", BRADEN_VERY_HIGH, patient_id=patient)
    areas = repositioning.pressure_areas(nurse.db, [patient])[patient]
    assert (areas.assessed.score, areas.asks(nurse.clock(), "en")) == (9, [])
    assert areas.coming(nurse.clock()) == datetime.fromisoformat("2026-11-28T14:30+01:00")
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].endswith(
        "at 28/11 10:30; next due 28/11 14:30")
    clock.advance(hours=1, minutes=30)  # 15:30
    areas = repositioning.pressure_areas(nurse.db, [patient])[patient]
    assert areas.asks(nurse.clock(), "en") == ["REPOSITIONING OVERDUE since 28/11 14:30"]  # said once
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                        ward="3B").alerts if alert.form_id == repositioning.FORM] == [
        ["REPOSITIONING OVERDUE since 28/11 14:30"]]
    text = pdf_text(printing.print_repositioning_chart(nurse, patient, tmp_path / "turns.pdf"))
    assert "REPOSITIONING OVERDUE since 28/11 14:30" in text and "16:30" not in text


def test_a_risk_assessed_before_the_turn_or_gone_lower_keeps_the_turns_own_next(session_for, patient, clock):
    """The turn's plan stands when the risk was known when it was made (a plan less often than
    the band asks was given its reason then), and when the risk assessed after it allows longer."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", {**BRADEN_VERY_HIGH, "assessed_at": "2026-11-28T10:00+01:00"},
                     patient_id=patient)
    records.save_new(nurse, "repositioning", {**SIX_HOURLY, "seldom_reason": "As the care plan says"},
                     patient_id=patient)
    [turn] = repositioning.pressure_areas(nurse.db, [patient])[patient].turns
    assert turn.next_change(nurse.clock(), "en") == "next due 28/11 16:30"
    records.save_new(nurse, "braden_assessment", {**BRADEN_MILD, "assessed_at": "2026-11-28T13:00+01:00"},
                     patient_id=patient)
    [turn] = repositioning.pressure_areas(nurse.db, [patient])[patient].turns
    assert turn.next_change(nurse.clock(), "en") == "next due 28/11 16:30"


def test_the_repositioning_chart_of_a_patient_gone_home_asks_nothing(session_for, patient, clock, tmp_path):
    """Turned at 12:30 "next in 2 hours", discharged home at 13:00: at 16:00 the tab, the printed
    chart and the lists say nothing is asked (they said "REPOSITIONING OVERDUE since 28/11 14:30")."""
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", {**TURN, "skin": "category_1", "skin_where": "sacrum"},
                     patient_id=patient)
    records.save_new(nurse, "discharge", LEFT, patient_id=patient)
    clock.advance(hours=2)
    areas = repositioning.pressure_areas(nurse.db, [patient])[patient]
    assert (areas.asks(nurse.clock(), "en"), areas.coming(nurse.clock())) == ([], None)
    [turn] = areas.turns
    assert not turn.overdue(nurse.clock())
    assert turn.next_change(nurse.clock(), "en") == "none asked: stay ended 28/11 13:00"
    assert turn.next_change(nurse.clock(), "fr") == "plus demandé : séjour terminé le 28/11 13:00"
    text = pdf_text(printing.print_repositioning_chart(nurse, patient, tmp_path / "turns.pdf"))
    assert "None asked: stay ended 28/11 13:00" in text and "OVERDUE" not in text


def test_a_patient_at_risk_who_left_before_any_turn_is_not_asked_for_one(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_VERY_HIGH | {"assessed_at": "2026-11-28T12:00+01:00"},
                     patient_id=patient)
    records.save_new(nurse, "discharge", LEFT, patient_id=patient)
    clock.advance(hours=6)
    areas = repositioning.pressure_areas(nurse.db, [patient])[patient]
    assert (areas.uncharted_from, areas.asks(nurse.clock(), "en"), areas.coming(nurse.clock())) == (None, [], None)


def test_pressure_damage_in_french_puts_the_area_off_load(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", {**TURN, "skin": "category_1", "skin_where": "talon gauche"},
                     patient_id=patient)
    [turn] = repositioning.chart(nurse.db, patient)
    assert turn.asks(nurse.clock(), "fr") == ["ESCARRE (talon gauche) : prévenir l’infirmier(ère) responsable, "
                                              "mettre la zone en décharge, suivre la plaie"]
