"""The neuro chart's own alarms after a fall name its head injury as the fall records it, as the
fall's asks and the anticoagulant's dose do, in one set of words (domain.gcs.INJURY_NAMED): a head injury recorded Yes was "a possible head injury" on
every set, beside the fall's "HEAD INJURY: start neuro obs". One not excluded, or a patient found
on the floor whatever the answer (domain.falls.Fall.found), stays possible; a fall recorded No and
seen paces no neuro set, and none of these alarms is said of it."""

from datetime import datetime, timedelta

import pytest

from downtime.domain.falls import Ask, Fall, head_ct, pacing_fall, said
from downtime.domain.gcs import Gcs
from downtime.i18n import message

FELL_AT = datetime.fromisoformat("2026-11-28T02:00+01:00")


def _fall(head_injury: str, found: bool = False) -> Fall:
    return Fall(FELL_AT, head_injury, False, False, None, found=found)


@pytest.mark.parametrize("head_injury, found, en, fr", [
    ("yes", False, "GCS 11 after a fall with a head injury: tell the doctor now (CT head within 1 hour, NICE)",
     "Glasgow 11 après une chute avec un traumatisme crânien : prévenir le médecin immédiatement (scanner cérébral dans "
     "l’heure, NICE)"),
    ("not_excluded", False, "GCS 11 after a fall with a possible head injury: tell the doctor now (CT head within 1 "
                            "hour, NICE)",
     "Glasgow 11 après une chute avec un traumatisme crânien possible : prévenir le médecin immédiatement (scanner "
     "cérébral dans l’heure, NICE)"),
    ("no", True, "GCS 11 after a fall with a possible head injury: tell the doctor now (CT head within 1 hour, NICE)",
     "Glasgow 11 après une chute avec un traumatisme crânien possible : prévenir le médecin immédiatement (scanner "
     "cérébral dans l’heure, NICE)"),
])
def test_a_low_gcs_names_the_head_injury_as_the_fall_records_it(head_injury, found, en, fr):
    flag = head_ct(_fall(head_injury, found), FELL_AT + timedelta(minutes=10), Gcs(3, 2, 6))
    assert (flag.text("en"), flag.text("fr")) == (en, fr)


def test_every_alarm_of_a_head_injury_recorded_yes_names_it_so():
    fall, at = _fall("yes"), FELL_AT + timedelta(hours=3)
    said = [head_ct(fall, at, Gcs(4, 4, 6)), head_ct(fall, at, Gcs(None, 2, 6)), head_ct(fall, at, Gcs(4, 5, 6), True),
            head_ct(fall, at, Gcs(4, 5, 6), one_sided=("arm_left",))]
    assert [flag.text("en") for flag in said] == [
        "GCS 14 2 hours or more after a fall with a head injury: tell the doctor (GCS not back to 15 at 2 hours: CT "
        "head within 1 hour, NICE)",
        "GCS at most 12 (ET V2 M6) after a fall with a head injury: tell the doctor now (CT head within 1 hour, NICE)",
        "New limb weakness after a fall with a head injury (focal deficit: CT head within 1 hour, NICE)",
        "Weakness of the left arm (weaker than the other side) after a fall with a head injury: tell the doctor now "
        "(focal deficit: CT head within 1 hour, NICE)"]
    assert all("possible" not in flag.text("en") and "possible" not in flag.text("fr") for flag in said)


def test_a_fall_recorded_no_and_seen_paces_no_set():
    assert pacing_fall([_fall("no")], FELL_AT + timedelta(minutes=10)) is None


@pytest.mark.parametrize("head_injury", ["yes", "not_excluded"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_alarm_the_asks_and_the_anticoagulant_name_the_head_injury_in_one_set_of_words(head_injury, lang):
    """Three copies said it: the alarms' "traumatisme crânien possible", the asks' "UN TRAUMATISME
    CRÂNIEN POSSIBLE" and the anticoagulant's "un traumatisme crânien possible" (review S2 S7)."""
    fall = _fall(head_injury)
    (injury,) = fall.injury_named.values()
    words = injury.text(lang)
    assert words in head_ct(fall, FELL_AT + timedelta(minutes=10), Gcs(3, 2, 6)).text(lang)
    assert words.upper() in said(Ask.ANTICOAGULANT, fall, lang)
    assert words == message(lang, "a head injury" if head_injury == "yes" else "a possible head injury")
