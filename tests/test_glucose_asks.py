"""What the glucose chart asks beyond a hypo and high ketones: a meter's HI or 30 mmol/L told to the
doctor (a hyperosmolar state), ketones of 0.6 to 1.4 rechecked within 2 hours (due, then
overdue), the third hypo in a row calling the doctor, ketones asked again until a later reading
measures them, the day's hypo on the handover once rechecked, and every time on the ward's clock."""

from datetime import datetime

from pypdf import PdfReader

from downtime.domain.glucose import SIGNS, Sign, reading, signs
from downtime.services import census, chart_alerts, glucose, printing, records

READ = {"timing": "other", "reading": "value", "glucose_unit": "mmol_l", "next_in": "60"}
PERSISTS = "STILL A HYPO after 2 treatments or more: call the doctor now; consider IV glucose or glucagon"


def _signs(**data):
    return signs(reading({"reading": "value", **data}))


def _save(nurse, patient, at: str, **data) -> None:
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": f"2026-11-28T{at}+01:00", **data},
                     patient_id=patient)


def _alerts(nurse, at: datetime) -> list[chart_alerts.ChartAlert]:
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", at), at, "en",
                                ward="3B")
    return [alert for alert in found.alerts if alert.form_id == glucose.FORM]


def test_a_meters_hi_or_30_mmol_is_told_to_the_doctor_whatever_the_ketones():
    assert signs(reading({"reading": "hi", "ketones": 0.4})) == [Sign.HYPEROSMOLAR]
    assert signs(reading({"reading": "hi"})) == [Sign.HYPEROSMOLAR, Sign.CHECK_KETONES]
    assert _signs(glucose=32.0, ketones=0.5) == [Sign.HYPEROSMOLAR]
    assert _signs(glucose=540, glucose_unit="mg_dl", ketones=0.2) == [Sign.HYPEROSMOLAR]
    assert _signs(glucose=29.9, ketones=0.5) == []
    assert SIGNS[Sign.HYPEROSMOLAR]["en"].endswith("tell the doctor now (hyperosmolar state possible); send a "
                                                   "laboratory glucose")


def test_ketones_of_0_6_to_1_4_are_rechecked_within_2_hours():
    assert _signs(glucose=18.0, ketones=1.2) == [Sign.KETONES_RECHECK]
    assert _signs(glucose=7.0, ketones=0.6) == [Sign.KETONES_RECHECK]
    assert _signs(glucose=18.0, ketones=0.5) == [] and _signs(glucose=18.0, ketones=1.5) == [Sign.KETONES]


def test_the_third_hypo_in_a_row_calls_the_doctor(session_for, patient, clock):
    """JBDS-IP: the third reading below 4 mmol/L in a row, after 2 treatments, calls the doctor; a
    reading above 4 in between starts the count again. R5 #10: it said "after 3 treatments" at the
    third reading, when two had been given."""
    nurse = session_for("nurse")
    for at, value in (("12:40", 3.5), ("12:55", 5.1), ("13:20", 3.1), ("13:35", 3.3)):
        _save(nurse, patient, at, glucose=value, action="15 g glucose")
    assert not any(Sign.HYPO_PERSISTS in one.signs for one in glucose.chart(nurse.db, patient))
    _save(nurse, patient, "13:50", glucose=3.4, action="15 g glucose")
    latest = glucose.chart(nurse.db, patient)[-1]
    assert latest.signs == [Sign.HYPO, Sign.HYPO_PERSISTS]
    assert glucose.asking(glucose.chart(nurse.db, patient), nurse.clock(), "en")[1] == PERSISTS
    assert PERSISTS in glucose.handover(nurse.db, [patient], nurse.clock(), "en")[patient]
    assert glucose.asking(glucose.chart(nurse.db, patient), nurse.clock(), "fr")[1] == (
        "HYPOGLYCÉMIE PERSISTANTE après 2 resucrages ou plus : appeler le médecin immédiatement ; envisager glucosé "
        "IV ou glucagon")


def test_high_ketones_are_asked_again_until_a_later_reading_measures_them(session_for, patient, clock):
    """13:00 ketones 3.4 (an SGLT2 inhibitor's ketoacidosis, the glucose near normal), 14:00 no
    ketones measured: the tab, the escalation list and the handover still ask for them; measured
    at 15:00, they ask what that reading asks."""
    nurse = session_for("nurse")
    _save(nurse, patient, "13:00", glucose=9.0, ketones=3.4)
    _save(nurse, patient, "14:00", glucose=9.2)
    again = "Ketones 3.4 mmol/L at 28/11 13:00, not measured since: recheck them"
    assert glucose.asking(glucose.chart(nurse.db, patient), nurse.clock(), "en") == [again]
    assert glucose.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        f"GLUCOSE: 9.2 mmol/L at 28/11 14:00; {again}; next reading due 28/11 15:00 (hourly)")
    (alert,) = _alerts(nurse, nurse.clock())
    assert alert.said == [again]
    assert glucose.asking(glucose.chart(nurse.db, patient), nurse.clock(), "fr") == [
        "Cétonémie à 3,4 mmol/L le 28/11 13:00, non mesurée depuis : la recontrôler"]
    clock.advance(minutes=60)
    _save(nurse, patient, "15:00", glucose=8.8, ketones=0.4)
    assert glucose.asking(glucose.chart(nurse.db, patient), nurse.clock(), "en") == []
    assert _alerts(nurse, nurse.clock()) == []


def test_ketones_of_0_6_to_1_4_are_asked_again_due_2_hours_on_then_overdue(session_for, patient, clock):
    """R5 #9 (this test said the opposite: ketones below 1.5 were forgotten by the next reading):
    1.2 at 10:00, "recheck them within 2 hours", then an 11:00 glucose without ketones planning the
    next at 15:00: at 12:30 nothing asked the ketones. Due at 12:00, then overdue, on the tab, the
    escalation list and the handover, until a reading measures them; the list read again at 12:00."""
    nurse = session_for("nurse")
    _save(nurse, patient, "10:00", glucose=13.0, ketones=1.2)
    _save(nurse, patient, "11:00", glucose=10.5, next_in="240")
    readings = glucose.chart(nurse.db, patient)
    before, after = (datetime.fromisoformat(f"2026-11-28T{at}+01:00") for at in ("11:30", "12:30"))
    assert glucose.asking(readings, before, "en") == ["Ketones 1.2 mmol/L at 28/11 10:00: recheck due 28/11 12:00"]
    assert glucose.coming(readings, before) == datetime.fromisoformat("2026-11-28T12:00+01:00")
    late = "KETONE RECHECK OVERDUE since 28/11 12:00 (ketones 1.2 mmol/L at 28/11 10:00)"
    assert glucose.asking(readings, after, "en") == [late]
    assert glucose.asking(readings, after, "fr") == [
        "CONTRÔLE DE CÉTONÉMIE EN RETARD depuis le 28/11 12:00 (cétonémie à 1,2 mmol/L le 28/11 10:00)"]
    assert [alert.said for alert in _alerts(nurse, after)] == [[late]]
    assert glucose.handover(nurse.db, [patient], after, "en")[patient] == (
        f"GLUCOSE: 10.5 mmol/L at 28/11 11:00; {late}; next reading due 28/11 15:00 (every 4 hours)")
    _save(nurse, patient, "12:40", glucose=9.8, ketones=0.4, next_in="240")
    assert glucose.asking(glucose.chart(nurse.db, patient), after.replace(hour=13), "en") == []


def test_ketones_of_0_6_to_1_4_on_the_latest_reading_say_once_their_recheck_is_overdue(session_for, patient, clock):
    nurse = session_for("nurse")
    _save(nurse, patient, "10:00", glucose=9.0, ketones=0.8, next_in="240")
    readings = glucose.chart(nurse.db, patient)
    assert glucose.asking(readings, datetime.fromisoformat("2026-11-28T11:59+01:00"), "en") == [
        SIGNS[Sign.KETONES_RECHECK]["en"]]
    assert glucose.asking(readings, datetime.fromisoformat("2026-11-28T12:00+01:00"), "en") == [
        SIGNS[Sign.KETONES_RECHECK]["en"], "KETONE RECHECK OVERDUE since 28/11 12:00 (ketones 0.8 mmol/L at 28/11 10:00)"]


def test_the_handover_tells_the_days_hypo_once_rechecked_for_24_hours(session_for, patient, clock):
    clock.now = datetime.fromisoformat("2026-11-28T14:10+01:00")
    nurse = session_for("nurse")
    _save(nurse, patient, "13:50", glucose=2.6, action="4 glucose tablets")
    _save(nurse, patient, "14:05", glucose=5.4, timing="recheck", next_in="none")
    assert glucose.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        "GLUCOSE: 5.4 mmol/L at 28/11 14:05; hypo in the last 24 hours: 2.6 mmol/L at 28/11 13:50")
    assert glucose.handover(nurse.db, [patient], datetime.fromisoformat("2026-11-28T21:00+01:00"), "fr")[patient] == (
        "GLYCÉMIE : 5,4 mmol/L le 28/11 14:05 ; hypoglycémie dans les dernières 24 heures : 2,6 mmol/L le 28/11 13:50")
    assert glucose.handover(nurse.db, [patient], datetime.fromisoformat("2026-11-29T13:50+01:00"), "en")[patient] == (
        "GLUCOSE: 5.4 mmol/L at 28/11 14:05")


def test_times_are_said_on_the_wards_clock(session_for, patient, clock, tmp_path):
    """A reading stored with another offset (the snapshot's UTC): 12:50 UTC is 13:50 on the ward."""
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": "2026-11-28T12:50+00:00", "glucose": 3.2},
                     patient_id=patient)
    assert glucose.handover(nurse.db, [patient], nurse.clock(), "en")[patient].startswith(
        "GLUCOSE: 3.2 mmol/L at 28/11 13:50; HYPO")
    (alert,) = _alerts(nurse, nurse.clock())
    assert alert.latest == "3.2 mmol/L 28/11 13:50"
    text = " ".join(PdfReader(printing.print_glucose_chart(nurse, patient, tmp_path / "g.pdf")).pages[0]
                    .extract_text().split())
    assert "28/11 13:50 Other time 3.2 mmol/L" in text


def test_the_reading_after_a_hypo_asks_how_it_was_treated(session_for, patient, clock):
    """R2 #9: 2.4 at 13:50 and its recheck at 14:05 were saved with "Action taken" empty: nothing
    told whether the patient had sugar, IV glucose or glucagon. The hypo itself is not asked (it is
    charted, then treated): its recheck is, unless the hypo was amended with its treatment."""
    import pytest

    from downtime.services.errors import ValidationFailed

    nurse = session_for("nurse")
    spec = nurse.form(glucose.FORM)
    _save(nurse, patient, "13:50:00", glucose=2.4)
    recheck = {**READ, "timing": "recheck", "taken_at": "2026-11-28T14:05+01:00", "glucose": 4.6}
    with pytest.raises(ValidationFailed) as asked:
        glucose.check_treated(nurse.db, spec, patient, recheck, "en")
    (error,) = asked.value.errors
    assert error.path == "action" and error.message == (
        "“Action taken (hypo treated, who was told)”: say how the hypo of 2.4 mmol/L at 28/11 13:50 was treated "
        "(sugar by mouth, IV glucose, glucagon) and who was told.")
    glucose.check_treated(nurse.db, spec, patient, {**recheck, "action": "150 mL orange juice, Dr Roux told"}, "en")
    glucose.check_treated(nurse.db, spec, patient, recheck, "en", before=recheck)  # an amendment: not asked
    glucose.check_treated(nurse.db, spec, patient, {**recheck, "taken_at": "2026-11-28T13:40+01:00"}, "en")
    (hypo,) = glucose.chart(nurse.db, patient)
    records.amend(nurse, hypo.record.record_id, {**hypo.record.data, "action": "Glucagon 1 mg IM"}, "treatment")
    glucose.check_treated(nurse.db, spec, patient, recheck, "en")
