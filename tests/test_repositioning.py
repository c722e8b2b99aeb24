"""The repositioning (turning) chart: each change of position with the skin over the pressure
areas, the next one falling overdue with time, pressure damage called out, the handover sheet's
line, the escalation list, the paper chart filled and blank, and each change in the export as a
Procedure."""

import json
from datetime import datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.procedure import Procedure
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.braden import Band, band
from downtime.domain.repositioning import Sign, due_after, next_due, signs, too_seldom, uncharted_from
from downtime.services import census, chart_alerts, prefill, printing, records, repositioning
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.pdf_text import pdf_text
from tests.test_devices import on_version

TURN = {"turned_at": "2026-11-28T12:30+01:00", "position": "left", "skin": "intact", "next_in": "2"}


@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1), timezones=st.just(timezone.utc)),
       st.sampled_from((2, 3, 4, 6)), st.integers(-600, 600), st.sampled_from(("intact", "blanching", "category_1",
                                                                              "broken")))
def test_a_change_is_overdue_exactly_once_its_hours_have_passed_and_damage_is_always_said(turned, every, minutes, skin):
    due = next_due(turned, every)
    at = due + timedelta(minutes=minutes)
    said = signs(skin, due, at)
    assert (Sign.OVERDUE in said) == (minutes >= 0)
    assert (Sign.DAMAGE in said) == (skin in ("category_1", "broken"))
    assert due - turned == timedelta(hours=every)


def test_the_next_change_falls_overdue_and_damage_is_called_out_until_the_skin_is_better(session_for, patient, clock,
                                                                                          tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", TURN, patient_id=patient)
    [turn] = repositioning.chart(nurse.db, patient)
    assert turn.asks(nurse.clock(), "en") == [] and turn.next_change(nurse.clock(), "en") == "next due 28/11 14:30"
    clock.advance(minutes=30)  # 14:30 on the clock: due now
    assert turn.asks(nurse.clock(), "en") == ["REPOSITIONING OVERDUE since 28/11 14:30"]
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T14:25+01:00", "position": "back",
                                              "skin": "category_1", "skin_where": "  sacrum ", "next_in": "3"},
                     patient_id=patient)
    latest = repositioning.chart(nurse.db, patient)[-1]
    assert latest.asks(nurse.clock(), "en") == [
        "PRESSURE DAMAGE (sacrum): tell the nurse in charge, keep the patient off it, chart the wound"]
    said = ("REPOSITIONING: On the back, skin: Redness that does not blanch (category 1) at 28/11 14:25; "
            "next due 28/11 17:25; PRESSURE DAMAGE (sacrum): tell the nurse in charge, keep the patient off it, "
            "chart the wound")  # the place once, in the ask
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: said}
    assert said in pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [(alert.form_id, alert.said) for alert in found.alerts] == [("repositioning", [
        "PRESSURE DAMAGE (sacrum): tell the nurse in charge, keep the patient off it, chart the wound"])]
    assert found.next_due.isoformat() == "2026-11-28T17:25:00+01:00"  # the list is read again then
    french = repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]
    assert french.startswith("CHANGEMENT DE POSITION : Sur le dos, peau : Rougeur qui ne blanchit pas (catégorie 1) "
                             "le 28/11 14:25 ; prochain le 28/11 17:25 ; ESCARRE (sacrum)")


def test_reddened_skin_says_where_and_only_those_who_give_care_chart_it(session_for, patient, admission_values):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "repositioning", {**TURN, "skin": "blanching"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["skin_where"]
    with pytest.raises(ServiceError, match="this patient is not in hospital at that time"):  # before they came in
        records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T08:00+01:00"}, patient_id=patient)
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "repositioning", TURN, patient_id=patient)


def test_the_paper_chart_says_each_change_and_the_next_and_the_blank_is_one_page(session_for, patient, forms, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", {**TURN, "skin": "broken", "skin_where": "left heel",
                                              "notes": "Heels off-loaded"}, patient_id=patient)
    text = pdf_text(printing.print_repositioning_chart(nurse, patient, tmp_path / "turns.pdf"))
    assert "Repositioning and skin chart" in text and "Next due 28/11 14:30" in text
    assert ("28/11 12:30 Left side (30° tilt) Broken skin or blister (category 2 or worse) left heel 2 hours Heels "
            "off-loaded HL PRESSURE DAMAGE (left heel)") in text
    for lang, title in (("en", "Repositioning and skin chart (blank)"),
                        ("fr", "Feuille de changements de position et surveillance cutanée (vierge)")):
        blank = PdfReader(printing.blank(forms, "repositioning", tmp_path / f"blank-{lang}.pdf", lang=lang,
                                         printed_by=None, printed_at=nurse.clock(), device_name="3B")).pages
        assert len(blank) == 1 and title in " ".join(blank[0].extract_text().split())


def test_the_export_sends_each_change_as_a_procedure_declined_as_not_done(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    done = records.save_new(nurse, "repositioning", {**TURN, "skin": "category_1", "skin_where": "sacrum"},
                            patient_id=patient)
    declined = records.save_new(nurse, "repositioning", {  # not moved: the skin not seen, not asked
        "turned_at": "2026-11-28T13:40+01:00", "position": "declined", "next_in": "2",
        "notes": "Asleep, in pain when moved"}, patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    turned = Procedure.model_validate(by_id[done.record_id])
    assert (turned.status, turned.code.text) == ("completed", "Repositioning: Left side (30° tilt)")
    assert turned.complication[0].text == "Pressure damage: Redness that does not blanch (category 1) (sacrum)"
    assert [note.text for note in turned.note] == [
        "Skin over the pressure areas: Redness that does not blanch (category 1) (sacrum)",
        "Next change of position in 2 hours"]
    assert turned.encounter is not None and turned.performedDateTime is not None
    refused = Procedure.model_validate(by_id[declined.record_id])
    assert (refused.status, refused.code.text, refused.statusReason.text) == (
        "not-done", "Repositioning", "Declined by the patient: Asleep, in pain when moved")
    assert [note.text for note in refused.note] == ["Next change of position in 2 hours", "Asleep, in pain when moved"]
    [latest] = repositioning.chart(nurse.db, patient)[-1:]
    assert latest.text(nurse.form("repositioning"), "en") == "Declined: Asleep, in pain when moved"
    assert latest.asks(nurse.clock(), "en") == [  # the damage found at 12:30 still stands
        "PRESSURE DAMAGE (sacrum, seen 28/11 12:30): tell the nurse in charge, keep the patient off it, chart the "
        "wound"]
    with pytest.raises(ValidationFailed) as refused_form:  # moved: the skin is asked
        records.save_new(nurse, "repositioning", {**TURN, "skin": None}, patient_id=patient)
    assert [error.path for error in refused_form.value.errors] == ["skin"]


def test_a_move_a_transfer_or_a_discharge_starts_with_the_pressure_areas(session_for, patient):
    """Pressure damage is often found on arrival with nothing said of it: the letter says it."""
    nurse = session_for("nurse")
    assert "pressure_areas" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)
    records.save_new(nurse, "repositioning", {**TURN, "skin": "category_1", "skin_where": "left heel", "next_in": "3"},
                     patient_id=patient)
    said = ("Repositioned every 3 hours; last: Left side (30° tilt), skin: Redness that does not blanch (category 1) "
            "(left heel) at 28/11 12:30; next due 28/11 15:30\nPRESSURE DAMAGE (left heel): tell the nurse in charge, keep the patient off it, "
            "chart the wound")
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["pressure_areas"] == said, form_id
    assert prefill.first_answers(session_for("nurse", "fr"), nurse.form("discharge"), patient)[
        "pressure_areas"].startswith("Changement de position toutes les 3 heures ; dernier : Côté gauche")


BRADEN = {"assessed_at": "2026-11-28T09:30+01:00", "sensory": "2", "moisture": "2", "activity": "1", "mobility": "2",
          "nutrition": "2", "friction": "1"}  # 10


def test_each_braden_total_falls_in_its_band():
    """Ayello and Braden's bands, typed out: 19 to 23, 15 to 18, 13 and 14, 10 to 12, 9 or less."""
    expected = {**dict.fromkeys(range(6, 10), Band.VERY_HIGH), **dict.fromkeys(range(10, 13), Band.HIGH),
                **dict.fromkeys(range(13, 15), Band.MODERATE), **dict.fromkeys(range(15, 19), Band.MILD),
                **dict.fromkeys(range(19, 24), Band.NONE)}
    assert {score: band(score) for score in range(6, 24)} == expected


def test_the_latest_risk_assessed_heads_the_chart_the_handover_the_letters_and_goes_to_the_ehr(session_for, patient,
                                                                                               tmp_path):
    nurse = session_for("nurse")
    assert repositioning.risk(nurse.db, patient) is None
    records.save_new(nurse, "braden_assessment", {**BRADEN, "activity": "3", "nutrition": "3"}, patient_id=patient)
    latest = records.save_new(nurse, "braden_assessment", {**BRADEN, "assessed_at": "2026-11-28T13:00+01:00"},
                              patient_id=patient)
    found = repositioning.risk(nurse.db, patient)
    assert (found.score, found.band) == (10, Band.HIGH)
    assert found.text("en") == "Pressure ulcer risk: Braden 10, HIGH RISK (28/11 13:00)"
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {
        patient: "Pressure ulcer risk: Braden 10, HIGH RISK (28/11 13:00)"}
    records.save_new(nurse, "repositioning", TURN, patient_id=patient)
    said = repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]
    assert said.startswith("Risque d’escarre : Braden 10, RISQUE ÉLEVÉ (28/11 13:00) ; CHANGEMENT DE POSITION : ")
    assert prefill.first_answers(nurse, nurse.form("discharge"), patient)["pressure_areas"].splitlines()[0] == (
        "Pressure ulcer risk: Braden 10, HIGH RISK (28/11 13:00)")
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    check_codes(bundle)
    observed = Observation.model_validate(next(entry["resource"] for entry in bundle["entry"]
                                               if entry["resource"]["id"] == latest.record_id))
    assert (observed.valueInteger, observed.interpretation[0].text, observed.category[0].coding[0].code) == (
        10, "HIGH RISK", "survey")
    assert [(part.code.text, part.valueInteger) for part in observed.component] == [
        ("Sensory perception", 2), ("Moisture", 2), ("Activity", 1), ("Mobility", 2), ("Nutrition", 2),
        ("Friction and shear", 1)]


def test_the_next_change_starts_from_how_often_the_latest_said(session_for, patient):
    """The care plan's frequency is the latest change's: picked again at every turn, it was one
    more box to get wrong at 03:00."""
    nurse = session_for("nurse")
    assert "next_in" not in prefill.first_answers(nurse, nurse.form("repositioning"), patient)
    records.save_new(nurse, "repositioning", {**TURN, "next_in": "3"}, patient_id=patient)
    first = prefill.first_answers(nurse, nurse.form("repositioning"), patient)
    assert first["next_in"] == "3" and not {"position", "skin"} & first.keys()


DAMAGE = ("PRESSURE DAMAGE (sacrum, seen 28/11 12:30): tell the nurse in charge, keep the patient off it, chart the "
          "wound")


def _alerts(nurse):
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")


def test_damage_found_stands_through_a_declined_change_until_the_skin_is_seen_again(session_for, patient, clock):
    """Category 1 on the sacrum found at 12:30 left the handover, the escalation list and the
    letters once the 13:50 change was declined, the skin not seen."""
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", {**TURN, "skin": "category_1", "skin_where": "sacrum"},
                     patient_id=patient)
    records.save_new(nurse, "repositioning", {"turned_at": "2026-11-28T13:50+01:00", "position": "declined",
                                              "next_in": "2", "notes": "Refused"}, patient_id=patient)
    said = repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert said == ("REPOSITIONING: Declined: Refused at 28/11 13:50; next due 28/11 14:30; " + DAMAGE)
    assert repositioning.pressure_areas(nurse.db, [patient])[patient].asks(nurse.clock(), "en") == [DAMAGE]
    assert repositioning.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")[-1] == DAMAGE
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient].endswith(
        "ESCARRE (sacrum, constatée le 28/11 12:30) : prévenir l’infirmier(ère) responsable, mettre la zone en "
        "décharge, suivre la plaie")
    turns = repositioning.chart(nurse.db, patient)
    assert [turn.damaged for turn in turns] == [True, False]  # each line of the chart says its own skin
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T13:55+01:00", "skin": "blanching",
                                              "skin_where": "sacrum"}, patient_id=patient)
    assert "PRESSURE DAMAGE" not in repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[
        patient]  # seen since: redness that blanches, no damage


@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1), timezones=st.just(timezone.utc)),
       st.sampled_from(("left", "back", "chair", "declined")), st.sampled_from((2, 3, 4, 6)),
       st.one_of(st.none(), st.integers(-600, 600)))
def test_a_declined_change_never_moves_the_next_one_due(turned_at, position, every, before_minutes):
    due_before = None if before_minutes is None else turned_at + timedelta(minutes=before_minutes)
    due = due_after(position, turned_at, every, due_before)
    assert due == (due_before if position == "declined" and due_before is not None else next_due(turned_at, every))


def test_a_declined_change_leaves_the_patient_overdue_since_their_last_turn(session_for, patient, clock):
    """Declined at 14:45, a patient last turned at 12:30 read as turned at 14:45, and fell overdue
    only at 16:45, though never moved."""
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", TURN, patient_id=patient)  # 12:30, next in 2 hours: 14:30
    clock.advance(minutes=50)
    records.save_new(nurse, "repositioning", {"turned_at": "2026-11-28T14:45+01:00", "position": "declined",
                                              "next_in": "2", "notes": "Refused"}, patient_id=patient)
    latest = repositioning.chart(nurse.db, patient)[-1]
    assert latest.due_at.isoformat() == "2026-11-28T14:30:00+01:00" and latest.overdue(nurse.clock())
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        "REPOSITIONING: Declined: Refused at 28/11 14:45; REPOSITIONING OVERDUE since 28/11 14:30")
    assert [(alert.form_id, alert.said) for alert in _alerts(nurse).alerts] == [
        ("repositioning", ["REPOSITIONING OVERDUE since 28/11 14:30"])]
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T14:48+01:00", "next_in": "3"},
                     patient_id=patient)
    assert repositioning.chart(nurse.db, patient)[-1].due_at.isoformat() == "2026-11-28T17:48:00+01:00"


def test_a_first_change_declined_counts_from_itself(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", {"turned_at": "2026-11-28T12:30+01:00", "position": "declined",
                                              "next_in": "2", "notes": "Asleep"}, patient_id=patient)
    [turn] = repositioning.chart(nurse.db, patient)
    assert turn.due_at.isoformat() == "2026-11-28T14:30:00+01:00" and turn.seen is None
    assert turn.asks(nurse.clock(), "en") == []


BRADEN_9 = {**BRADEN, "moisture": "1", "mobility": "1", "friction": "2"}  # 9: very high risk


def test_each_band_at_risk_asks_a_change_within_its_hours():
    """NICE CG179: at least every 6 hours at risk, every 4 at high risk."""
    assessed = datetime(2026, 11, 28, 9, 30, tzinfo=timezone.utc)
    assert {one: uncharted_from(one, assessed) for one in Band} == {
        Band.VERY_HIGH: assessed + timedelta(hours=4), Band.HIGH: assessed + timedelta(hours=4),
        Band.MODERATE: assessed + timedelta(hours=6), Band.MILD: assessed + timedelta(hours=6), Band.NONE: None}
    assert [every for every in (2, 3, 4, 6) if too_seldom(Band.VERY_HIGH, every)] == [6]
    assert [every for every in (2, 3, 4, 6) if too_seldom(Band.HIGH, every)] == [6]
    assert not any(too_seldom(one, 6) for one in (Band.MODERATE, Band.MILD, Band.NONE))


def test_a_patient_at_high_risk_never_turned_is_asked_for_a_change_within_4_hours(session_for, patient, clock):
    """A Braden of 9 at 09:30 with no turn charted asked nothing, on the handover or the
    escalation list, at 23:00."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", {**BRADEN_9, "assessed_at": "2026-11-28T10:30+01:00"},
                     patient_id=patient)
    areas = repositioning.pressure_areas(nurse.db, [patient])[patient]
    assert areas.asks(nurse.clock(), "en") == [] and areas.coming(nurse.clock()).isoformat() == (
        "2026-11-28T14:30:00+01:00")  # 4 hours after the assessment: the escalation list is read again then
    assert _alerts(nurse).next_due.isoformat() == "2026-11-28T14:30:00+01:00"
    assert areas.line(nurse.form("repositioning"), "en") == (
        "Pressure ulcer risk: Braden 9, VERY HIGH RISK (28/11 10:30)")
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        "Pressure ulcer risk: Braden 9, VERY HIGH RISK (28/11 10:30)")
    clock.advance(minutes=30)
    asked = "REPOSITIONING NOT CHARTED (Braden 9, very high risk): change the patient's position at least every 4 hours"
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        f"Pressure ulcer risk: Braden 9, VERY HIGH RISK (28/11 10:30); {asked}")
    assert areas.asks(nurse.clock(), "en") == [asked] and areas.coming(nurse.clock()) is None
    assert [(alert.form_id, alert.latest, alert.said) for alert in _alerts(nurse).alerts] == [
        ("repositioning", "Pressure ulcer risk: Braden 9, VERY HIGH RISK (28/11 10:30)", [asked])]
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient].endswith(
        "CHANGEMENTS DE POSITION NON TRACÉS (Braden 9, risque très élevé) : changer le patient de position au moins "
        "toutes les 4 heures")
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T13:00+01:00"},
                     patient_id=patient)  # typed late, since the assessment
    areas = repositioning.pressure_areas(nurse.db, [patient])[patient]
    assert areas.asks(nurse.clock(), "en") == [] and areas.uncharted_from is None


def test_a_patient_at_risk_is_asked_for_a_change_after_6_hours_and_one_not_at_risk_never(session_for, patient,
                                                                                         clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", {**BRADEN, "activity": "3", "nutrition": "3", "mobility": "3"},
                     patient_id=patient)  # 14: moderate
    clock.advance(hours=1, minutes=29)  # 15:29: 5 h 59 after
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        "Pressure ulcer risk: Braden 14, moderate risk (28/11 09:30)")
    clock.advance(minutes=1)
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].endswith(
        "; REPOSITIONING NOT CHARTED (Braden 14, moderate risk): change the patient's position at least every 6 hours")
    records.save_new(nurse, "braden_assessment", {**BRADEN, "assessed_at": "2026-11-28T09:40+01:00", "sensory": "4",
                                                  "moisture": "4", "activity": "4", "mobility": "4", "nutrition": "3",
                                                  "friction": "3"}, patient_id=patient)  # 22: not at risk
    clock.advance(days=1)
    areas = repositioning.pressure_areas(nurse.db, [patient])[patient]
    assert areas.asks(nurse.clock(), "en") == [] and areas.coming(nurse.clock()) is None


def test_a_change_charted_before_the_risk_falls_due_as_the_risk_asks(session_for, patient, clock):
    """A turn before the assessment: its next falls due no later than the risk's band allows (a
    Braden of 9: 4 hours after it), and asks the turn, said once."""
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T09:15+01:00", "next_in": "6"},
                     patient_id=patient)
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    clock.advance(hours=1, minutes=15)  # 15:15: overdue since 13:15, 4 hours after the turn
    areas = repositioning.pressure_areas(nurse.db, [patient])[patient]
    assert areas.asks(nurse.clock(), "en") == ["REPOSITIONING OVERDUE since 28/11 13:15"]


def test_a_change_less_often_than_the_risk_asks_is_saved_with_its_reason(session_for, patient):
    """A 6-hourly plan for a Braden of 9 was saved without a word: NICE asks every 4 hours at
    high risk. Saved with the nurse's reason, as the care plan may say otherwise
    (tests/test_repositioning_reason.py)."""
    nurse = session_for("nurse")
    six = {**TURN, "next_in": "6"}
    assert repositioning.too_seldom_for(nurse.db, patient, six, "en") is None  # no risk assessed
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    assert repositioning.too_seldom_for(nurse.db, patient, six, "en") == (
        "The latest pressure ulcer risk is Braden 9, very high risk (28/11 09:30): NICE asks for a change of position "
        "at least every 4 hours, not every 6.")
    assert repositioning.too_seldom_for(nurse.db, patient, six, "fr") == (
        "Le dernier risque d’escarre est Braden 9, risque très élevé (28/11 09:30) : le NICE demande un changement de "
        "position au moins toutes les 4 heures, et non toutes les 6.")
    assert repositioning.too_seldom_for(nurse.db, patient, {**TURN, "next_in": "4"}, "en") is None
    records.save_new(nurse, "repositioning", {**six, "seldom_reason": "As the care plan says"},
                     patient_id=patient)  # saved with its reason: a judgement, not an error


BRADEN_22 = {**BRADEN, "assessed_at": "2026-11-30T10:00+01:00", "sensory": "4", "moisture": "4", "activity": "4",
             "mobility": "4", "nutrition": "3", "friction": "3"}


def test_a_patient_found_not_at_risk_after_the_latest_turn_asks_no_more_until_at_risk_again(session_for, patient,
                                                                                             clock):
    """Braden 10, turned 2-hourly; two days later she walks the ward, Braden 22: the chart said
    "REPOSITIONING OVERDUE since 28/11 14:30" on the handover and the escalation list for the rest
    of her stay, unless turns never made were charted."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN, patient_id=patient)
    records.save_new(nurse, "repositioning", TURN, patient_id=patient)
    clock.advance(days=2)
    records.save_new(nurse, "braden_assessment", BRADEN_22, patient_id=patient)
    clock.advance(days=1)
    said = repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert "OVERDUE" not in said and "none asked: not at risk since 30/11 10:00" in said, said
    assert not [alert for alert in _alerts(nurse).alerts if alert.form_id == "repositioning"]
    records.save_new(nurse, "braden_assessment", {**BRADEN, "assessed_at": "2026-12-01T13:00+01:00"},
                     patient_id=patient)
    said = repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert "not at risk since" not in said and "next due 01/12 17:00" in said, said
    clock.advance(hours=5)  # 01/12 19:00, four hours after Braden 10 at 13:00 asked a turn
    assert [alert.said for alert in _alerts(nurse).alerts if alert.form_id == "repositioning"] == [[
        "REPOSITIONING OVERDUE since 01/12 17:00"]]
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-12-01T16:00+01:00"}, patient_id=patient)
    assert not repositioning.chart(nurse.db, patient)[-1].late  # within the hours of the risk found again


def test_a_turn_made_after_the_one_due_before_it_says_late_on_the_paper_chart(session_for, patient, clock, tmp_path):
    """Turned at 12:30 "next in 2 hours", the next charted at 19:00: once made, nothing on the
    tab or the paper chart said a turn was missed, for the nurse in charge or the review of a
    pressure ulcer."""
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", TURN, patient_id=patient)
    clock.advance(hours=7)
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T19:00+01:00", "position": "right"},
                     patient_id=patient)
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T20:55+01:00", "position": "back"},
                     patient_id=patient)
    text = pdf_text(printing.print_repositioning_chart(nurse, patient, tmp_path / "turns.pdf"))
    assert "LATE: due 28/11 14:30" in text and text.count("LATE:") == 1, text


def test_a_turn_after_the_one_a_new_braden_brought_forward_is_late_by_it(session_for, patient, clock):
    """Turned 10:30 "next in 6 h"; a Braden of 9 at 11:00 brought the next to 14:30, said
    overdue since then: the turn at 16:00 was weighed against the 16:30 its line first said."""
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T10:30+01:00", "next_in": "6"},
                     patient_id=patient)
    records.save_new(nurse, "braden_assessment", {**BRADEN_9, "assessed_at": "2026-11-28T11:00+01:00"},
                     patient_id=patient)
    clock.advance(hours=2)
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T16:00+01:00", "position": "right"},
                     patient_id=patient)
    assert repositioning.chart(nurse.db, patient)[-1].late_said(nurse.clock().tzinfo, "en") == "LATE: due 28/11 14:30"


def test_a_decline_keeps_the_turn_due_as_the_risks_assessed_before_it_had_it(session_for, patient, clock):
    """Turned 10:00 "next in 6 h"; a Braden of 10 at 11:00 brought the next to 14:00; declined at
    13:50 (the patient not moved): the chart said the next due at 16:00, not overdue at 14:10, and
    a turn at 14:30 was on time."""
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T10:00+01:00", "next_in": "6"},
                     patient_id=patient)
    records.save_new(nurse, "braden_assessment", {**BRADEN, "assessed_at": "2026-11-28T11:00+01:00"},
                     patient_id=patient)
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T13:50+01:00", "position": "declined",
                                              "skin": None, "next_in": "4", "notes": "In pain"}, patient_id=patient)
    latest = repositioning.chart(nurse.db, patient)[-1]
    assert not latest.late and latest.overdue(datetime.fromisoformat("2026-11-28T14:10+01:00"))
    clock.advance(hours=1)
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T14:30+01:00", "position": "right"},
                     patient_id=patient)
    assert repositioning.chart(nurse.db, patient)[-1].late_said(nurse.clock().tzinfo, "en") == "LATE: due 28/11 14:00"


def test_a_declined_change_is_handed_over_with_why_and_the_letter_gives_the_last_turn_and_the_next(session_for,
                                                                                                   patient, clock):
    """"Declined (say why in the notes)" was handed over, never the reason the next shift needs to
    offer the turn again, and the letter hid that the last real turn was at 10:00 and one overdue."""
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T10:00+01:00"}, patient_id=patient)
    declined = {"turned_at": "2026-11-28T12:00+01:00", "position": "declined", "next_in": "2"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "repositioning", declined, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["notes"]
    records.save_new(nurse, "repositioning", {**declined, "notes": "Sacral pain: accepts after analgesia, offer "
                                                                  "again at 13:00"}, patient_id=patient)
    why = "Declined: Sacral pain: accepts after analgesia, offer again at 13:00"
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        f"REPOSITIONING: {why} at 28/11 12:00; REPOSITIONING OVERDUE since 28/11 12:00")
    assert prefill.first_answers(nurse, nurse.form("transfer"), patient)["pressure_areas"] == (
        f"Repositioned every 2 hours; last: {why} at 28/11 12:00; last moved: Left side (30° tilt), skin: Intact, no "
        "redness at 28/11 10:00; REPOSITIONING OVERDUE since 28/11 12:00")
    assert repositioning.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "fr") == [
        "Changement de position toutes les 2 heures ; dernier : Refusé : Sacral pain: accepts after analgesia, offer "
        "again at 13:00 le 28/11 12:00 ; dernier changement fait : Côté gauche (décubitus latéral 30°), peau : "
        "Intacte, sans rougeur le 28/11 10:00 ; CHANGEMENT DE POSITION EN RETARD depuis 28/11 12:00"]


def test_turns_typed_on_a_laptop_set_to_utc_read_on_the_wards_clock(session_for, patient):
    """A turn at 12:30 typed on a laptop set to UTC (11:30+00:00) read "at 28/11 11:30; next due
    28/11 14:30" on the handover; a Braden assessed so, an hour off on the letter."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", {**BRADEN, "assessed_at": "2026-11-28T08:30+00:00"},
                     patient_id=patient)
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T11:30+00:00"}, patient_id=patient)
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        "Pressure ulcer risk: Braden 10, HIGH RISK (28/11 09:30); REPOSITIONING: Left side (30° tilt), skin: Intact, "
        "no redness at 28/11 12:30; next due 28/11 14:30")
    assert repositioning.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en") == [
        "Pressure ulcer risk: Braden 10, HIGH RISK (28/11 09:30)",
        "Repositioned every 2 hours; last: Left side (30° tilt), skin: Intact, no redness at 28/11 12:30; next due "
        "28/11 14:30"]


def test_two_turns_the_night_the_clocks_go_back_print_apart(session_for, patient_on_the_clock, tmp_path):
    """Turned at 02:30 summer time then at 02:30 winter time, an hour later: the printed chart read
    "25/10 02:30" twice, one turn charted twice to a reviewer after a pressure ulcer."""
    patient = patient_on_the_clock(datetime(2026, 10, 25, 6, 0), "2026-10-24T20:00+02:00")
    nurse = session_for("nurse")
    for at, position in (("2026-10-25T00:30+02:00", "left"), ("2026-10-25T02:30+02:00", "right"),
                         ("2026-10-25T02:30+01:00", "back")):
        records.save_new(nurse, "repositioning", {**TURN, "turned_at": at, "position": position}, patient_id=patient)
    text = pdf_text(printing.print_repositioning_chart(nurse, patient, tmp_path / "turns.pdf"))
    assert "25/10 00:30" in text and "25/10 02:30 +02:00" in text and "25/10 02:30 +01:00" in text


def test_the_printed_chart_says_the_risk_and_the_change_asked_of_a_patient_at_risk_with_none_charted(
        session_for, patient, clock, tmp_path):
    """Braden 9 at 09:30, no change charted: at 14:00 the tab and the handover asked "REPOSITIONING
    NOT CHARTED", the printed chart the ward carries on by hand said neither, nor the risk, only
    "every 6 hours, every 4 at high risk" over empty lines (services.printing passes the pressure
    areas)."""
    from downtime.domain.laptops import NOBODY
    from downtime.pdf.repositioning import repositioning_chart_pdf
    from downtime.services.census import patient_with_location

    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    areas = repositioning.pressure_areas(nurse.db, [patient])[patient]
    out = repositioning_chart_pdf(patient_with_location(nurse.db, nurse.forms, patient), areas.turns,
                                  nurse.form(repositioning.FORM), tmp_path / "turns.pdf", authors=NOBODY, laptops={},
                                  lang="en", printed_by="Nurse", printed_at=nurse.clock(), device_name="3B",
                                  areas=areas)
    text = " ".join(pdf_text(out).split())
    assert ("Pressure ulcer risk: Braden 9, VERY HIGH RISK (28/11 09:30) REPOSITIONING NOT CHARTED (Braden 9, very "
            "high risk): change the patient's position at least every 4 hours") in text


def test_a_decline_of_version_2_is_corrected_without_a_reason_and_a_new_one_asks_why(session_for, patient):
    """A decline charted on version 2, which asked no reason, its time typed wrong: the correction
    was refused until a reason nobody recorded was typed; a new decline asks why, in words that say
    what a paper chart giving none is typed with."""
    nurse = session_for("nurse")
    declined = {**TURN, "position": "declined"}
    saved = records.save_new(on_version(nurse, "repositioning", 2), "repositioning", declined, patient_id=patient)
    assert saved.form_version == 2
    amended = records.amend(nurse, saved.record_id, {**declined, "turned_at": "2026-11-28T12:15+01:00"},
                            "time typed wrong")
    assert not amended.data.get("notes")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "repositioning", {**declined, "turned_at": "2026-11-28T13:00+01:00"},
                         patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "notes", "“Notes (mattress, cushion, heels off-loaded, why declined)”: say why the change was declined, and "
                 "when it is offered again (“not recorded on the paper chart” for one typed from paper that gave "
                 "none).")]


def test_the_letter_gives_a_declined_changes_whole_reason_and_the_handover_its_first_words(session_for, patient,
                                                                                          clock):
    """The notes take 300 characters; the letter handing the patient on cut a decline's reason at
    80, the plan agreed with the patient and her daughter never reaching the receiving ward."""
    nurse = session_for("nurse")
    records.save_new(nurse, "repositioning", TURN, patient_id=patient)
    why = ("Declines turning because of sacral pain; oxycodone given 13:00; agreed with her and her daughter to "
           "offer again after it works, and to use the air mattress meanwhile")
    records.save_new(nurse, "repositioning", {**TURN, "turned_at": "2026-11-28T13:30+01:00", "position": "declined",
                                              "notes": why}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    assert f"last: Declined: {why}, skin: Intact, no redness at 28/11 13:30" in repositioning.handed_on(
        nurse.db, nurse.forms, patient, clock.now, "en")[-1]
    assert repositioning.handover(nurse.db, nurse.forms, [patient], clock.now, "en")[patient].startswith(
        "REPOSITIONING: Declined: Declines turning because of sacral pain; oxycodone given 13:00; agreed with her…")
