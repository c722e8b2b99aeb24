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
    clock.advance(hours=23, minutes=59)  # 29/11 13:59
    assert _asked(nurse) == [[said]]
    clock.advance(minutes=1)  # a day after it was found and typed (14:00)
    assert _asked(nurse) == []


def test_a_pressure_ulcer_typed_from_paper_the_next_day_asks_the_incident_for_a_day_from_then(session_for, patient,
                                                                                              clock):
    """Found at 10:00 on 28/11 while the laptop was away, written on the paper chart and typed at
    12:00 on 29/11: its day was counted from 10:00 on 28/11, and had gone before anyone read it."""
    nurse = session_for("nurse")
    clock.now = clock.now.replace(day=29, hour=12, minute=0)
    records.save_new(nurse, "wound_care", {**LOOK, "wound": "Left heel", "category": "3", "next_in": "5"},
                     patient_id=patient)
    said = ("NEW PRESSURE ULCER (Left heel, Category 3, charted 28/11 10:00): tell the nurse in charge and the tissue "
            "viability nurse; report it as an incident")
    assert said in wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    clock.advance(hours=23, minutes=59)
    assert _asked(nurse) == [[said]]
    clock.advance(minutes=1)  # a day after it was typed
    assert _asked(nurse) == []


def test_a_pressure_ulcer_present_on_admission_is_reported_as_one_the_patient_came_in_with(session_for, patient):
    """Admitted from a nursing home with a category 3 sacral ulcer: "NEW PRESSURE ULCER … report it
    as an incident", exactly as one caught on day 10; the form could not say it was there on arrival."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "category": "3", "present_on_admission": "yes"}, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "wound": "Left heel", "present_on_admission": "no"},
                     patient_id=patient)
    assert sorted(_asked(nurse)) == [
        ["NEW PRESSURE ULCER (Left heel, Category 2, charted 28/11 10:00): tell the nurse in charge and the tissue "
         "viability nurse; report it as an incident"],
        ["PRESSURE ULCER PRESENT ON ADMISSION (Sacrum, Category 3, charted 28/11 10:00): tell the nurse in charge and "
         "the tissue viability nurse; report it (not acquired here)"]]
    assert "ESCARRE PRÉSENTE À L’ADMISSION (Sacrum, Catégorie 3, notée le 28/11 10:00)" in wounds.handover(
        nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]


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
                    {**later, "kind": "skin_tear", "category": None, "reclassified_why": "TVN: a skin tear"}):
        wounds.check_look(nurse.db, spec, patient, allowed, "en")


def test_a_pressure_ulcer_charted_as_something_else_asks_why_and_keeps_its_worst_category_on_the_lists(
        session_for, patient, clock):
    """Category 4 at 10:00, a moisture lesion at 12:00 was saved without a word, and once the day's
    incident reminder had gone the handover and the letter read "Sacrum: Moisture lesion": the
    category 4 had left every list."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "category": "4", "depth_cm": 3.0}, patient_id=patient)
    relabelled = {**LOOK, "assessed_at": "2026-11-28T12:00+01:00", "kind": "moisture", "category": None}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "wound_care", relabelled, patient_id=patient)
    [error] = refused.value.errors
    assert (error.path, error.message) == ("reclassified_why", (
        "Sacrum: charted a pressure ulcer category 4 on 28/11 10:00, charted now as something else. Its worst "
        "category stays on the chart, the handover and the letters beside what it is now; the incident review asks "
        "who judged it no pressure ulcer and why: say so in “Charted a pressure ulcer before: why not now (who "
        "judged it)”, or chart it a pressure ulcer."))
    records.save_new(nurse, "wound_care", {**relabelled, "reclassified_why": "TVN review: incontinence damage"},
                     patient_id=patient)
    clock.advance(days=1, hours=2)  # the incident's day over
    line = ("Sacrum: Moisture lesion (charted Pressure ulcer, Category 4 on 28/11), 3 × 2 × 0.5 cm, Granulating "
            "(red); dressing: Hydrocolloid (28/11 12:00)")
    assert wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].startswith(
        f"WOUNDS: {line}")
    assert wounds.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")[0].startswith(line)
    assert "Lésion liée à l’humidité (notée Escarre, Catégorie 4 le 28/11)" in wounds.handover(
        nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]


def test_a_pressure_ulcer_relabelled_is_asked_why_once_not_again_at_each_dressing_after(session_for, patient):
    """Re-labelled a moisture lesion at 11:00 with the TVN's reason, the wound's next dressing at
    13:00 ("Dress the chosen wound" carries no reason) was refused, and every one after it, until
    the reason was typed again."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "category": "3"}, patient_id=patient)
    lesion = {**LOOK, "kind": "moisture", "category": None}
    records.save_new(nurse, "wound_care", {**lesion, "assessed_at": "2026-11-28T11:00+01:00",
                                           "reclassified_why": "TVN review: moisture lesion"}, patient_id=patient)
    records.save_new(nurse, "wound_care", {**lesion, "assessed_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    assert wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].startswith(
        "WOUNDS: Sacrum: Moisture lesion (charted Pressure ulcer, Category 3 on 28/11), 3 × 2 × 0.5 cm")


def test_amending_a_pressure_ulcers_own_look_to_another_kind_asks_why_as_a_new_look_does(session_for, patient):
    """Its only look amended from a category 3 to a moisture lesion was accepted without a word:
    the amended look was left out, no worst category was found, and the category 3 left every list."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "wound_care", {**LOOK, "category": "3"}, patient_id=patient)
    lesion = {**LOOK, "kind": "moisture", "category": None}
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, lesion, "wrong kind")
    [error] = refused.value.errors
    assert error.path == "reclassified_why" and error.message.startswith(
        "Sacrum: charted a pressure ulcer category 3 on 28/11 10:00, charted now as something else.")
    amended = records.amend(nurse, saved.record_id, {**lesion, "reclassified_why": "TVN: incontinence damage"},
                            "wrong kind")
    assert amended.data["kind"] == "moisture"


def test_correcting_a_pressure_ulcers_first_look_days_later_does_not_ask_its_incident_again(session_for, patient,
                                                                                            clock):
    """A category 3 found and reported on 28/11, its dressing's name corrected on 02/12: its day
    was counted from the correction, and "NEW PRESSURE ULCER … report it as an incident" was back on
    the handover and the escalation list four days after it was reported."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "wound_care", {**LOOK, "category": "3"}, patient_id=patient)
    assert _asked(nurse) == [[REPORT.format(category="Category 3")]]
    clock.advance(days=4)
    records.amend(nurse, saved.record_id, {**LOOK, "category": "3", "dressing": "Silicone foam"}, "dressing misnamed")
    assert _asked(nurse) == [["DRESSING OVERDUE (Sacrum) since 30/11 10:00"]]
    assert "NEW PRESSURE ULCER" not in wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]


def test_present_on_admission_is_said_at_a_wounds_first_look_within_72_hours_and_a_category_1_worse_since_is_new(
        session_for, patient, clock):
    """A category 1 charted on admission "present on admission", carried to every later look: a
    category 3 on day 5 was reported "not acquired here"; and a category 3 first charted on day 5
    was accepted as present on admission without a question."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "category": "1", "bed": "intact", "depth_cm": None,
                                           "present_on_admission": "yes"}, patient_id=patient)
    clock.advance(days=5)  # 03/12 10:00, admitted 28/11 09:00
    worse = {**LOOK, "assessed_at": "2026-12-03T09:00+01:00", "category": "3"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "wound_care", {**worse, "present_on_admission": "yes"}, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "present_on_admission", "“Present on admission”: Sacrum was charted before (28/11 10:00); whether it was "
                                "present on admission is answered at its first look only.")]
    records.save_new(nurse, "wound_care", worse, patient_id=patient)
    assert _asked(nurse) == [[REPORT.format(category="Category 3").replace("28/11 10:00", "03/12 09:00"),
                              "WOUND WORSE (Sacrum: Category 1 on 28/11, Category 3 now): tell the nurse in charge "
                              "and the tissue viability nurse"]]
    heel = {**worse, "wound": "Left heel", "present_on_admission": "yes"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "wound_care", heel, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "present_on_admission", "“Present on admission”: Left heel is first charted here 120 hours after the "
                                "admission (28/11 09:00). A pressure ulcer first found more than 72 hours after "
                                "admission counts as acquired here; answer “Yes” only at its first look within 72 "
                                "hours.")]
    records.save_new(nurse, "wound_care", {**heel, "present_on_admission": "unknown"}, patient_id=patient)
    assert not any("not acquired here" in said for asked in _asked(nurse) for said in asked)


def test_present_on_admission_is_on_the_printed_chart_and_the_handover_after_its_incident_day(session_for, patient,
                                                                                             clock, tmp_path):
    """A category 3 the patient came in with: once the day of its incident reminder had gone, the
    answer was said nowhere, the printed chart worked from during the outage included; and a
    category 1 it came in with, a 3 since, reads so."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "category": "3", "present_on_admission": "yes"}, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "wound": "Left heel", "category": "1", "bed": "intact",
                                           "depth_cm": None, "present_on_admission": "yes"}, patient_id=patient)
    clock.advance(days=2)
    records.save_new(nurse, "wound_care", {**LOOK, "wound": "Left heel", "category": "3",
                                           "assessed_at": "2026-11-30T10:00+01:00"}, patient_id=patient)
    handover = wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert "Sacrum: Pressure ulcer, Category 3 (present on admission), 3 × 2 × 0.5 cm" in handover
    assert "Left heel: Pressure ulcer, Category 3 (present on admission at category 1), 3 × 2 × 0.5 cm" in handover
    assert "Escarre, Catégorie 3 (présente à l’admission)" in wounds.handover(nurse.db, nurse.forms, [patient],
                                                                              nurse.clock(), "fr")[patient]
    text = " ".join(pdf_text(printing.print_wound_chart(nurse, patient, tmp_path / "wounds.pdf")).split())
    assert "Pressure ulcer, Category 3 (present on admission)" in text


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
