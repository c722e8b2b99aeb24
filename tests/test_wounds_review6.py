"""The wound chart after review 6: a pressure ulcer charted at category 2 or worse for the first
time asks the nurse in charge, the tissue viability nurse and an incident report (NHS Improvement
2018) for the day it was found; a healed wound open again is worse; a pressure ulcer is never
reverse staged (NPIAP/EPUAP/PPPIA 2019): a better category than its worst is refused and a later
look is judged against the worst; a wound open when its stay ended is asked about, not chased as
a dressing overdue since the patient was at home."""

from datetime import datetime, timedelta

import pytest

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.wounds import first_reportable, new_worst, reverse_staged
from downtime.services import census, chart_alerts, followed, printing, records, wounds
from downtime.services.errors import ValidationFailed
from tests.pdf_text import pdf_text
from tests.test_stay_boundary import _readmit

LOOK = {"assessed_at": "2026-11-28T10:00+01:00", "wound": "Sacrum", "kind": "pressure_ulcer", "category": "2",
        "length_cm": 3.0, "width_cm": 2.0, "depth_cm": 0.5, "bed": "granulating", "exudate": "low",
        "infection": False, "dressing": "Hydrocolloid", "next_in": "2"}
REPORT = ("NEW PRESSURE ULCER (Sacrum, {category}, charted 28/11 10:00): tell the nurse in charge and the tissue "
          "viability nurse; report it as an incident")


def _asked(nurse):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                        ward="3B").alerts if alert.form_id == wounds.FORM]


def test_a_category_is_reported_once_it_reaches_2_and_never_reverse_staged():
    assert [now for now in ("1", "2", "3", "4", "unstageable", "deep_tissue", None)
            if first_reportable(None, now)] == ["2", "3", "4", "unstageable", "deep_tissue"]
    assert first_reportable("1", "2") and not first_reportable("2", "3") and not first_reportable("deep_tissue", "4")
    assert reverse_staged("4", "2") and reverse_staged("3", "1") and reverse_staged("unstageable", "2")
    assert not any(reverse_staged(worst, now) for worst, now in (("2", "2"), ("2", "3"), ("deep_tissue", "2"),
                                                                  ("unstageable", "3"), (None, "1"), ("4", None)))
    assert new_worst(None, "1") and new_worst("2", "4") and not new_worst("3", "unstageable")
    assert not new_worst("4", "2") and not new_worst("2", None)


@pytest.mark.parametrize(("category", "said"), [("3", "Category 3"), ("4", "Category 4"),
                                                ("unstageable", "Unstageable (base hidden by slough or eschar)"),
                                                ("deep_tissue", "Suspected deep tissue injury")])
def test_a_new_pressure_ulcer_of_category_3_or_worse_asks_the_nurse_in_charge_and_an_incident_report(
        session_for, patient, clock, category, said):
    """Charted for the first time at category 3 it asked nothing of anyone."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "category": category, "bed": "sloughy", "depth_cm": 1.0},
                     patient_id=patient)
    [look] = wounds.chart(nurse.db, patient)
    assert look.asks(nurse.forms[wounds.FORM], nurse.clock(), "en") == [REPORT.format(category=said)]
    assert _asked(nurse) == [[REPORT.format(category=said)]]


def test_the_incident_is_asked_for_the_day_the_ulcer_was_found_over_each_look_then_goes(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", LOOK, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    said = REPORT.format(category="Category 2")
    assert wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        f"WOUNDS: Sacrum: Pressure ulcer, Category 2, 3 × 2 × 0.5 cm, Granulating (red); dressing: Hydrocolloid "
        f"(28/11 13:00); {said}; next dressing 30/11 13:00")
    assert (
        "NOUVELLE ESCARRE (Sacrum, Catégorie 2, notée le 28/11 10:00) : prévenir l’infirmier(ère) responsable et "
        "l’infirmier(ère) plaies et cicatrisation ; faire une déclaration d’événement indésirable ; prochain "
        "pansement"
    ) in wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]
    clock.advance(hours=19, minutes=59)  # 29/11 09:59
    assert _asked(nurse) == [[said]]
    clock.advance(minutes=1)  # a day after it was found
    assert _asked(nurse) == []


def test_a_category_1_asks_nothing_and_once_it_is_a_2_it_is_worse_and_reported(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "category": "1", "bed": "intact", "depth_cm": None},
                     patient_id=patient)
    assert _asked(nurse) == []
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T12:00+01:00", "depth_cm": None},
                     patient_id=patient)
    assert _asked(nurse) == [[
        "NEW PRESSURE ULCER (Sacrum, Category 2, charted 28/11 12:00): tell the nurse in charge and the tissue "
        "viability nurse; report it as an incident",
        "WOUND WORSE (Sacrum: Category 1 on 28/11, Category 2 now): tell the nurse in charge and the tissue viability "
        "nurse"]]


def test_a_healed_pressure_ulcer_broken_down_again_is_worse(session_for, patient, clock):
    """Healed at 09:00, open again at 12:00: the look before had no size to be larger than, and
    the category was the same, so nothing was asked."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {"assessed_at": "2026-11-28T09:00+01:00", "wound": "Sacrum",
                                           "kind": "pressure_ulcer", "category": "2", "bed": "healed"},
                     patient_id=patient)
    clock.advance(days=2)  # the incident of its first charting asked no more
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-30T12:00+01:00"}, patient_id=patient)
    look = wounds.chart(nurse.db, patient)[-1]
    assert look.asks(nurse.forms[wounds.FORM], nurse.clock(), "en") == [
        "WOUND WORSE (Sacrum: healed on 28/11, open again now): tell the nurse in charge and the tissue viability "
        "nurse"]
    assert look.asks(nurse.forms[wounds.FORM], nurse.clock(), "fr") == [
        "PLAIE AGGRAVÉE (Sacrum : cicatrisée le 28/11, rouverte maintenant) : prévenir l’infirmier(ère) responsable "
        "et l’infirmier(ère) plaies et cicatrisation"]


def test_a_pressure_ulcer_charted_better_than_its_worst_is_refused_naming_the_category(session_for, patient):
    """Category 4 at 10:00, category 2 at 11:00 was taken (records.save_new runs the check once
    registered there: see wounds.check_look)."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "category": "4", "depth_cm": 3.0}, patient_id=patient)
    spec = nurse.forms[wounds.FORM]
    later = {**LOOK, "assessed_at": "2026-11-28T11:00+01:00", "wound": " sacrum "}
    with pytest.raises(ValidationFailed) as refused:
        wounds.check_look(nurse.db, spec, patient, later, "en")
    [error] = refused.value.errors
    assert (error.path, error.message) == ("category", (
        "sacrum: charted a pressure ulcer category 4 on 28/11 10:00. A pressure ulcer is not reverse staged "
        "(NPIAP/EPUAP/PPPIA 2019): healing, it keeps its category (a healing category 4 is still a category 4). "
        "Chart category 4; its size and bed show it healing."))
    with pytest.raises(ValidationFailed, match="escarre notée catégorie 4 le 28/11 10:00"):
        wounds.check_look(nurse.db, spec, patient, later, "fr")
    for allowed in ({**later, "category": "4"}, {**later, "wound": "Left heel"},  # the same, another wound
                    {**later, "assessed_at": "2026-11-28T09:00+01:00"},  # back-entered before the 4
                    {**later, "kind": "skin_tear", "category": None}):
        wounds.check_look(nurse.db, spec, patient, allowed, "en")


def test_an_amendment_is_checked_only_when_it_changes_the_wound_time_or_category(session_for, patient):
    nurse = session_for("nurse")
    older = records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T11:00+01:00"},
                             patient_id=patient)  # reverse staged once the 4 back-entered before it
    records.save_new(nurse, "wound_care", {**LOOK, "category": "4"}, patient_id=patient)
    spec = nurse.forms[wounds.FORM]
    wounds.check_look(nurse.db, spec, patient, {**older.data, "dressing": "Foam"}, "en", older)
    with pytest.raises(ValidationFailed):
        wounds.check_look(nurse.db, spec, patient, {**older.data, "category": "3"}, "en", older)


def _version(number, category, bed="granulating"):
    at = datetime.fromisoformat("2026-11-28T10:00+01:00") + timedelta(hours=number)
    return RecordVersion(id=f"v{number}", record_id=f"r{number}", version=1, form_id=wounds.FORM, form_version=1,
                         patient_id="p", status=RecordStatus.FINAL,
                         data={**LOOK, "assessed_at": at.isoformat(), "category": category, "bed": bed},
                         reason=None, author="n", device_id="d", occurred_at=at, recorded_at=at)


def test_a_look_is_judged_against_the_worst_category_charted_before_it(forms):
    """Category 4 reverse staged to 2 (written before the rule), then charted 3: not worse (it
    read "WOUND WORSE" while the ulcer had healed some); a 4 again is not worse either."""
    looks = wounds.charted([_version(0, "4"), _version(1, "2"), _version(2, "3"), _version(3, "4")])
    assert [look.category_worse for look in looks] == [False, False, False, False]
    assert [look.worst.record_id for look in looks] == ["r0"] * 4
    looks = wounds.charted([_version(0, "2"), _version(1, "1"), _version(2, "3")])
    assert [look.category_worse for look in looks] == [False, False, True]
    assert looks[-1].worse(forms[wounds.FORM], "en") == "Category 2 on 28/11, Category 3 now"


def test_a_wound_open_when_its_stay_ended_is_asked_about_not_chased(session_for, patient, admission_values, clock,
                                                                     tmp_path):
    """Dressed at 10:00 every day, home at 12:00, back at 12:30: two days on, its dressing read
    "DRESSING OVERDUE since 29/11 10:00", a day the patient was at home."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "kind": "surgical", "category": None, "next_in": "1"},
                     patient_id=patient)
    _readmit(session_for, patient, admission_values)
    clock.advance(days=2)
    asked = ("STILL OPEN? (Sacrum, charted open during the stay that ended 28/11): check it and chart a look, or "
             "chart it healed")
    [look] = followed.still_open(wounds.chart(nurse.db, patient))
    assert (look.asked, look.due_at, look.asks(nurse.forms[wounds.FORM], nurse.clock(), "en")) == (True, None, [asked])
    assert wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        f"WOUNDS: Sacrum: Surgical wound, 3 × 2 × 0.5 cm, Granulating (red); dressing: Hydrocolloid (28/11 10:00); "
        f"{asked}")
    assert wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient].endswith(
        "TOUJOURS OUVERTE ? (Sacrum, notée ouverte pendant le séjour terminé le 28/11) : la vérifier et noter "
        "l’évaluation, ou la noter cicatrisée")
    assert _asked(nurse) == [[asked]]
    assert "Sacrum: still open?" in pdf_text(printing.print_wound_chart(nurse, patient, tmp_path / "wounds.pdf"))
    records.save_new(nurse, "wound_care", {**LOOK, "kind": "surgical", "category": None, "next_in": "1",
                                           "assessed_at": "2026-11-30T13:00+01:00"}, patient_id=patient)
    assert _asked(nurse) == [] and wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[
        patient].endswith("next dressing 01/12 13:00")


def test_a_reverse_staged_pressure_ulcer_is_refused_at_save_and_at_amendment(session_for, patient):
    """Registered in records._form_checks: the save and a correction run it alike."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "category": "4", "depth_cm": 3.0}, patient_id=patient)
    later = records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T11:00+01:00", "category": "4"},
                             patient_id=patient)
    with pytest.raises(ValidationFailed, match="healing, it keeps its category"):
        records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T12:00+01:00"}, patient_id=patient)
    with pytest.raises(ValidationFailed, match="charted a pressure ulcer category 4 on 28/11 10:00"):
        records.amend(nurse, later.record_id, {**later.data, "category": "2"}, "typed the wrong category")
    assert [look.record.data["category"] for look in wounds.chart(nurse.db, patient)] == ["4", "4"]


def test_the_paper_chart_asks_whether_a_wound_is_still_open_on_its_latest_look_only(session_for, patient,
                                                                                     admission_values, tmp_path):
    nurse = session_for("nurse")
    for at in ("2026-11-28T10:00+01:00", "2026-11-28T11:00+01:00"):
        records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": at, "kind": "surgical", "category": None},
                         patient_id=patient)
    _readmit(session_for, patient, admission_values)
    text = pdf_text(printing.print_wound_chart(nurse, patient, tmp_path / "wounds.pdf"))
    assert text.count("STILL OPEN?") == 1
