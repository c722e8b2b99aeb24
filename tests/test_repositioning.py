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
from downtime.domain.repositioning import Sign, next_due, signs
from downtime.services import census, chart_alerts, prefill, printing, records, repositioning
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

TURN = {"turned_at": "2026-11-28T12:30+01:00", "position": "left", "skin": "intact", "next_in": "2"}


def _text(path):
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


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
    said = ("REPOSITIONING: On the back, skin: Redness that does not blanch (category 1) (sacrum) at 28/11 14:25; "
            "next due 28/11 17:25; PRESSURE DAMAGE (sacrum): tell the nurse in charge, keep the patient off it, "
            "chart the wound")
    assert repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {patient: said}
    assert said in _text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [(alert.form_id, alert.said) for alert in found.alerts] == [("repositioning", [
        "PRESSURE DAMAGE (sacrum): tell the nurse in charge, keep the patient off it, chart the wound"])]
    assert found.next_due.isoformat() == "2026-11-28T17:25:00+01:00"  # the list is read again then
    french = repositioning.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]
    assert french.startswith("CHANGEMENT DE POSITION : Sur le dos, peau : Rougeur qui ne blanchit pas (catégorie 1) "
                             "(sacrum) le 28/11 14:25 ; prochain le 28/11 17:25 ; ESCARRE (sacrum)")


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
    text = _text(printing.print_repositioning_chart(nurse, patient, tmp_path / "turns.pdf"))
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
    assert latest.text(nurse.form("repositioning"), "en") == "Declined (say why in the notes)"
    assert latest.asks(nurse.clock(), "en") == []
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
            "(left heel) at 28/11 12:30\nPRESSURE DAMAGE (left heel): tell the nurse in charge, keep the patient off it, "
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
