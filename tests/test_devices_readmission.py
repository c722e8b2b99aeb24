"""A line or catheter charted in during a stay that ended (home at 12:00, back at 12:30; admitted
28/11 09:00, the tests' clock at 14:00) with no removal charted: a cannula, which no patient goes
home with, is followed no more, and a new stay starts clean (it was on the readmitted patient's
tab, handover and escalation list, its days counted from the first stay); a PICC line or a
catheter, which a patient may go home and come back with, is asked about, "still in?", until a
look of the new stay says, and is then followed with its days from its putting in."""

import pytest

from downtime.services import census, chart_alerts, devices, followed, prefill, printing, records
from downtime.services.errors import ValidationFailed
from tests.pdf_text import pdf_text
from tests.test_stay_boundary import _readmit

CANNULA = {"checked_at": "2026-11-28T09:30+01:00", "event": "inserted", "device": "peripheral",
           "site": "Left forearm", "next_in": "8"}
PICC = {"checked_at": "2026-11-28T10:00+01:00", "event": "inserted", "device": "picc", "site": "Right arm",
        "size": "4 Fr", "next_in": "24"}
ASKED = ("PICC line, Right arm, 4 Fr: Put in at 28/11 10:00; STILL IN? (PICC line, Right arm, charted in during the "
         "stay that ended 28/11): check it and chart the check, or chart its removal")


def _charted_in_then_readmitted(session_for, patient, admission_values):
    nurse = session_for("nurse")
    for look in (CANNULA, PICC):
        records.save_new(nurse, "device_check", look, patient_id=patient)
    return _readmit(session_for, patient, admission_values)


def _escalated(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                        ward="3B").alerts if alert.form_id == devices.FORM]


def test_a_cannula_of_an_ended_stay_is_followed_no_more_and_a_picc_line_is_asked_about(
        session_for, patient, admission_values, clock, tmp_path):
    nurse = _charted_in_then_readmitted(session_for, patient, admission_values)
    clock.advance(days=2)  # not "day 3" nor overdue since the patient went home
    [picc] = followed.still_open(devices.chart(nurse.db, patient))
    assert (picc.record.data["device"], picc.asked, picc.due_at) == ("picc", True, None)
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        f"LINES AND CATHETERS: {ASKED}")
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient].endswith(
        "TOUJOURS EN PLACE ? (PICC line, Right arm, noté en place pendant le séjour terminé le 28/11) : le vérifier "
        "et noter la surveillance, ou noter son retrait")
    assert _escalated(nurse) == [[ASKED.split("; ", 1)[1]]]
    assert devices.kinds_in(nurse.db, patient) == ["picc"]
    assert devices.still_in(nurse.db, nurse.forms, patient, nurse.clock(), "en") == (
        "Still in: PICC line, Right arm, charted in during the stay that ended 28/11.")
    assert prefill.first_answers(nurse, nurse.form("discharge"), patient)["lines"] == ASKED
    text = pdf_text(printing.print_device_chart(nurse, patient, tmp_path / "devices.pdf"))
    assert "PICC line, Right arm: charted in during the stay that ended 28/11; still in?" in text
    assert "no longer followed: stay ended 28/11" not in text  # the paper says a cannula's look as it was


def test_a_look_of_the_new_stay_follows_the_picc_line_again_and_a_new_cannula_goes_where_the_old_one_was(
        session_for, patient, admission_values):
    nurse = _charted_in_then_readmitted(session_for, patient, admission_values)
    [picc] = followed.still_open(devices.chart(nurse.db, patient))
    with pytest.raises(ValidationFailed, match="PICC line, Right arm is charted in already"):
        records.save_new(nurse, "device_check", {**PICC, "checked_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "device_check", {**devices.next_check(picc), "checked_at": "2026-11-28T13:00+01:00",
                                             "site_state": "clean", "still_needed": True}, patient_id=patient)
    records.save_new(nurse, "device_check", {**CANNULA, "checked_at": "2026-11-28T13:10+01:00"}, patient_id=patient)
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        "LINES AND CATHETERS: Peripheral venous cannula, Left forearm: Put in at 28/11 13:10; in since 28/11 13:10 "
        "(day 1); next check 28/11 21:10 | PICC line, Right arm, 4 Fr: Clean, dry, working at 28/11 13:00; in since "
        "28/11 10:00 (day 1); next check 29/11 13:00")
    assert _escalated(nurse) == []


def test_a_cannula_the_patient_came_back_with_is_charted_as_a_first_look(session_for, patient, admission_values):
    """Not refused as charted out already: the nurse who finds it in checks it, then takes it out."""
    nurse = _charted_in_then_readmitted(session_for, patient, admission_values)
    check = {"checked_at": "2026-11-28T13:00+01:00", "event": "checked", "device": "peripheral",
             "site": "Left forearm", "vip": "1", "still_needed": False, "next_in": "4"}
    records.save_new(nurse, "device_check", check, patient_id=patient)
    [cannula, _] = followed.still_open(devices.chart(nurse.db, patient))
    assert (cannula.inserted_at, cannula.in_since(nurse.clock(), "en")) == (None, "in since a date not known")
    records.save_new(nurse, "device_check", {**check, "checked_at": "2026-11-28T13:05+01:00", "event": "removed",
                                             "removed_why": "not_needed"}, patient_id=patient)
    assert [one.record.data["device"] for one in followed.still_open(devices.chart(nurse.db, patient))] == ["picc"]


def test_a_removal_of_a_device_never_charted_while_another_of_its_kind_is_in_says_how_to_chart_it(session_for,
                                                                                                    patient):
    """It closed nothing (each device is followed by its place), but named no device charted:
    a place misspelt, or a device never charted, whose removal needs a check of it first."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", CANNULA, patient_id=patient)
    out = {"checked_at": "2026-11-28T12:00+01:00", "event": "removed", "device": "peripheral", "site": "Right hand",
           "vip": "0", "removed_why": "not_needed"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "device_check", out, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "site", "Peripheral venous cannula, Right hand: never charted in (in then: Left forearm). If it is one of "
                "those, name its place as charted; if it is another, never charted, chart a check of it first, then "
                "its removal.")]
    records.save_new(nurse, "device_check", {**out, "checked_at": "2026-11-28T11:55+01:00", "event": "checked",
                                             "still_needed": False, "next_in": "4"}, patient_id=patient)
    records.save_new(nurse, "device_check", out, patient_id=patient)
    [left] = followed.still_open(devices.chart(nurse.db, patient))
    assert left.site == "Left forearm"
