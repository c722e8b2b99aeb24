"""The line and catheter chart: each look at a device (put in, checked, taken out), each device
followed by what it is and where; phlebitis on the VIP score, an infected or faulty site, a
device no longer needed and a check overdue called out; how long each has been in; the handover
sheet's line, the escalation list, the letters, the paper chart filled and blank, and each look
in the export as an Observation."""

import dataclasses
import json
from datetime import datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.procedure import Procedure
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.devices import Sign, days_in, key, signs
from downtime.services import census, chart_alerts, devices, followed, observations, prefill, printing, records
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.pdf_text import pdf_text

PUT_IN = {"checked_at": "2026-11-28T09:30+01:00", "event": "inserted", "device": "peripheral", "site": "Left forearm",
          "size": "20 G", "next_in": "8"}


CHECK = {"checked_at": "2026-11-28T13:00+01:00", "event": "checked", "device": "peripheral", "site": "left  forearm",
         "vip": "0", "still_needed": True, "next_in": "8"}


@given(st.sampled_from(("0", "1", "2", "3", "4", "5")), st.sampled_from((None, "clean", "red", "pus", "fault")),
       st.sampled_from((None, True, False)), st.integers(-600, 600))
def test_a_device_asks_what_its_latest_look_found(vip, site, needed, minutes):
    due = datetime(2026, 11, 28, 13, tzinfo=timezone.utc)
    found = signs(int(vip), site, needed, due, due + timedelta(minutes=minutes))
    assert (Sign.PHLEBITIS in found) == (int(vip) >= 2)
    assert (Sign.INFECTION in found) == (site in ("red", "pus")) and (Sign.FAULT in found) == (site == "fault")
    assert (Sign.NOT_NEEDED in found) == (needed is False)
    # A device to take out is not asked its check as well (domain.devices.REPLACE_THE_CHECK).
    assert (Sign.OVERDUE in found) == (minutes >= 0 and int(vip) < 2 and needed is not False)
    assert found[-1:] == [Sign.OVERDUE] or Sign.OVERDUE not in found


@given(st.text(alphabet=st.sampled_from("aB  éÉ\tx"), max_size=12))
def test_a_device_is_followed_by_what_it_is_and_its_place_whatever_the_spacing_or_case(site):
    assert key("peripheral", site) == key("peripheral", f"  {site.upper()} ") != key("urinary", site)


def test_days_in_count_the_midnights_since_its_putting_in():
    """Read 23 hours after its putting in at 09:30, a device is in its second calendar day (1): the
    test pinned 0, whole 24 hours gone by, which read a cannula put in at 22:00 as in its first day
    the next morning."""
    put_in = datetime(2026, 11, 28, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert [days_in(put_in, put_in + timedelta(hours=hours)) for hours in (-1, 0, 14, 23, 24, 73)] == [0, 0, 0, 1, 1, 3]


def test_a_cannula_put_in_then_checked_says_its_days_and_phlebitis_asks_it_out(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    records.save_new(nurse, "device_check", CHECK, patient_id=patient)
    spec = nurse.form("device_check")
    looks = devices.chart(nurse.db, patient)
    [latest] = followed.still_open(looks)
    assert latest.inserted_at.isoformat() == "2026-11-28T09:30:00+01:00" and latest.asks(spec, nurse.clock(), "en") == []
    assert latest.text(spec, "en") == "Peripheral venous cannula, left forearm, 20 G: VIP 0 at 28/11 13:00"
    assert followed.coming(looks, nurse.clock()).isoformat() == "2026-11-28T21:00:00+01:00"
    clock.advance(days=2)  # 30/11 14:00: in its third day, its check overdue
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        "LINES AND CATHETERS: Peripheral venous cannula, left forearm, 20 G: VIP 0 at 28/11 13:00; in since 28/11 09:30 "
        "(day 3); CHECK OVERDUE (Peripheral venous cannula, left forearm) since 28/11 21:00")
    records.save_new(nurse, "device_check", {**CHECK, "checked_at": "2026-11-30T13:30+01:00", "vip": "3",
                                             "site": "Left forearm"}, patient_id=patient)
    looks = devices.chart(nurse.db, patient)
    assert followed.asking(looks, spec, nurse.clock(), "en") == [
        "PHLEBITIS (VIP 3, Peripheral venous cannula, Left forearm): take it out and tell the doctor (treatment), put "
        "a new one elsewhere only if still needed"]
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [(alert.form_id, alert.latest) for alert in found.alerts] == [
        ("device_check", "Peripheral venous cannula, Left forearm, 20 G: VIP 3 at 30/11 13:30"),
        ("medication_order", "Medicines taken before admission"),  # none recorded on admission
        ("vte_assessment", "VTE risk: not assessed yet")]
    assert found.next_due.isoformat() == "2026-11-30T21:30:00+01:00"
    # To take out: no next check beside it, which left the night nurse to choose.
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].endswith(
        "take it out and tell the doctor (treatment), put a new one elsewhere only if still needed")
    records.save_new(nurse, "device_check", {"checked_at": "2026-11-30T13:45+01:00", "event": "removed",
                                             "device": "peripheral", "site": "Left forearm", "vip": "3",
                                             "removed_why": "phlebitis"}, patient_id=patient)
    looks = devices.chart(nurse.db, patient)
    assert followed.still_open(looks) == [] and looks[-1].next_change(spec, nurse.clock(), "en") == "taken out"
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {}


def test_a_catheter_found_in_says_its_site_and_asks_to_come_out_when_no_longer_needed(session_for, patient):
    """A patient who came in with a urinary catheter: its putting in is typed from the transfer
    letter, or not known; its site said in words; "no longer needed" asks it out."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {
        "checked_at": "2026-11-28T10:00+01:00", "event": "checked", "device": "urinary", "site": "Urethral",
        "size": "Ch 14", "site_state": "pus", "still_needed": False, "next_in": "24"}, patient_id=patient)
    spec = nurse.form("device_check")
    [latest] = followed.still_open(devices.chart(nurse.db, patient))
    assert latest.in_since(nurse.clock(), "en") == "in since a date not known"
    assert latest.asks(spec, nurse.clock(), "en") == [
        "SITE INFECTED? (Urinary catheter, Urethral: pus or discharge): tell the doctor",
        "NO LONGER NEEDED (Urinary catheter, Urethral): take it out"]
    assert latest.asks(spec, nurse.clock(), "fr") == [
        "SITE INFECTÉ ? (Sonde urinaire, Urethral : pus ou écoulement) : prévenir le médecin",
        "PLUS NÉCESSAIRE (Sonde urinaire, Urethral) : le retirer"]
    records.save_new(nurse, "device_check", {
        "checked_at": "2026-11-28T12:00+01:00", "event": "checked", "device": "urinary", "site": "Urethral",
        "inserted_at": "2026-11-26T08:00+01:00", "site_state": "clean", "still_needed": True, "next_in": "24"},
        patient_id=patient)
    [latest] = followed.still_open(devices.chart(nurse.db, patient))
    assert latest.in_since(nurse.clock(), "fr") == "en place depuis le 26/11 08:00 (J2)"
    assert latest.text(spec, "en") == "Urinary catheter, Urethral, Ch 14: Clean, dry, working at 28/11 12:00"
    assert devices.next_check(latest) == {"event": "checked", "device": "urinary", "site": "Urethral", "size": "Ch 14",
                                          "next_in": "24", "inserted_at": "2026-11-26T08:00:00+01:00"}


def test_a_check_asks_the_site_and_the_daily_question_and_only_those_who_give_care_chart_it(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "device_check", {**CHECK, "vip": None, "still_needed": None, "next_in": None},
                         patient_id=patient)
    assert sorted(error.path for error in refused.value.errors) == ["next_in", "still_needed", "vip"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "device_check", {**CHECK, "device": "cvc", "vip": None, "event": "removed",
                                                 "still_needed": None, "next_in": None}, patient_id=patient)
    assert sorted(error.path for error in refused.value.errors) == ["removed_why", "site_state"]
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "device_check", PUT_IN, patient_id=patient)


def test_the_paper_chart_says_each_look_the_vip_key_and_the_next_and_the_blank_is_one_page(session_for, patient,
                                                                                           forms, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    records.save_new(nurse, "device_check", {**CHECK, "vip": "2", "notes": "Sore along the vein"}, patient_id=patient)
    text = pdf_text(printing.print_device_chart(nurse, patient, tmp_path / "devices.pdf"))
    assert "Line and catheter chart" in text and "VIP score: 0: site healthy; 1: slight pain or slight redness" in text
    assert ("Peripheral venous cannula, left forearm: in since 28/11 09:30 (day 1); next check 28/11 21:00") in text
    assert ("28/11 13:00 Peripheral venous cannula, left forearm, 20 G Checked VIP 2 Yes 28/11 09:30 8 hours Sore "
            "along the vein HL PHLEBITIS (VIP 2, Peripheral venous cannula, left forearm): take it out") in text
    for lang, title in (("en", "Line and catheter chart (blank)"),
                        ("fr", "Feuille de surveillance des cathéters et sondes (vierge)")):
        blank = PdfReader(printing.blank(forms, "devices", tmp_path / f"blank-{lang}.pdf", lang=lang,
                                         printed_by=None, printed_at=nurse.clock(), device_name="3B")).pages
        assert len(blank) == 1 and title in " ".join(blank[0].extract_text().split())


def test_the_export_sends_a_putting_in_as_a_procedure_and_a_check_as_an_observation(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    put_in = records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    checked = records.save_new(nurse, "device_check", {**CHECK, "vip": "3", "notes": "Red along the vein"},
                               patient_id=patient)
    found_in = records.save_new(nurse, "device_check", {
        "checked_at": "2026-11-28T10:00+01:00", "event": "checked", "device": "urinary", "site": "Urethral",
        "inserted_at": "2026-11-26T08:00+01:00", "site_state": "clean", "still_needed": True, "next_in": "24"},
        patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    procedure = Procedure.model_validate(by_id[put_in.record_id])
    assert (procedure.status, procedure.code.text, procedure.bodySite[0].text) == (
        "completed", "Put in: Peripheral venous cannula", "Left forearm")
    assert [note.text for note in procedure.note] == ["Size: 20 G", "Next check in 8 hours"]
    assert procedure.encounter is not None and procedure.performedDateTime is not None
    removed = records.save_new(nurse, "device_check", {"checked_at": "2026-11-28T13:30+01:00", "event": "removed",
                                                       "device": "peripheral", "site": "Left forearm", "vip": "3",
                                                       "removed_why": "phlebitis"}, patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "again").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    out = Procedure.model_validate(next(entry["resource"] for entry in bundle["entry"]
                                        if entry["resource"]["id"] == removed.record_id))
    assert (out.code.text, [note.text for note in out.note]) == (
        "Taken out: Peripheral venous cannula", ["Why taken out: Phlebitis or infection", "Site when taken out: VIP "
                                                 "score 3"])
    seen = Observation.model_validate(by_id[checked.record_id])
    assert (seen.code.text, seen.bodySite.text, seen.valueInteger, seen.interpretation[0].text) == (
        "Line or catheter check: Peripheral venous cannula (VIP score)", "left forearm", 3, "Phlebitis")
    assert [(part.code.text, part.valueBoolean) for part in seen.component] == [("Still needed", True)]
    catheter = Observation.model_validate(by_id[found_in.record_id])
    assert (catheter.valueString, catheter.interpretation) == ("Clean, dry, working", None)
    assert [part.code.text for part in catheter.component] == ["Still needed", "Put in on"]


def test_a_move_a_transfer_or_a_discharge_starts_with_the_lines_and_catheters_still_in(session_for, patient):
    """The receiving team goes on checking them; a discharge takes them out before the patient
    leaves: the letter says each, since when, as last checked."""
    nurse = session_for("nurse")
    assert "lines" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    records.save_new(nurse, "device_check", CHECK, patient_id=patient)
    said = ("Peripheral venous cannula, left forearm, 20 G: VIP 0 at 28/11 13:00; in since 28/11 09:30 (day 1); "
            "next check 28/11 21:00")
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["lines"] == said, form_id
    assert prefill.first_answers(session_for("nurse", "fr"), nurse.form("discharge"), patient)["lines"] == (
        "Cathéter veineux périphérique, left forearm, 20 G : VIP 0 le 28/11 13:00 ; en place depuis le 28/11 09:30 "
        "(J0) ; prochaine surveillance 28/11 21:00")
    records.save_new(nurse, "device_check", {"checked_at": "2026-11-28T13:30+01:00", "event": "removed",
                                             "device": "peripheral", "site": "Left forearm", "vip": "0",
                                             "removed_why": "not_needed"}, patient_id=patient)
    assert "lines" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)


def test_a_transfer_out_ticks_the_kinds_of_devices_still_in(session_for, patient):
    """The receiving hospital's ticks start from the chart: a midline is a peripheral line, a
    PICC a central one; an arterial line is said in the lines above, not ticked."""
    nurse = session_for("nurse")
    assert "devices" not in prefill.first_answers(nurse, nurse.form("transfer_out"), patient)
    for device, site in (("midline", "Right arm"), ("picc", "Left arm"), ("urinary", "Urethral"),
                         ("arterial", "Left radial")):
        records.save_new(nurse, "device_check", {**PUT_IN, "device": device, "site": site}, patient_id=patient)
    assert prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["devices"] == [
        "peripheral_iv", "central_line", "urinary_catheter"]


OBSERVED = {"respiratory_rate": 24, "spo2": 93, "spo2_scale": "scale_1", "systolic_bp": 125, "pulse": 110,
            "consciousness": "alert", "temperature": 38.6}


def test_a_transfer_out_ticks_oxygen_and_hands_on_the_oxygen_the_patient_is_on_now(session_for, patient):
    """A complete set on air at 10:00 (NEWS2 6) stands for the patient's risk; oxygen was started
    since, a set short of its temperature at 12:00 on 4 L/min scoring less. The ambulance crew read no oxygen among the
    devices (the lines chart never charts it) and "On supplemental oxygen: No". The letter's
    readings are the 12:00 set's, at its time, the temperature it has not the 10:00 set's."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    records.save_new(nurse, "observations", {**OBSERVED, "taken_at": "2026-11-28T10:00+01:00", "on_oxygen": False},
                     patient_id=patient)
    records.save_new(nurse, "observations", {**OBSERVED, "taken_at": "2026-11-28T12:00+01:00", "temperature": None,
                                             "spo2": 97, "on_oxygen": True, "oxygen_flow": 4.0}, patient_id=patient)
    first = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)
    assert first["devices"] == ["peripheral_iv", "oxygen"]
    assert ({name: first[name] for name in ("obs_at", "spo2", "on_oxygen", "oxygen_flow", "temperature")}
            == {"obs_at": "2026-11-28T12:00+01:00", "spo2": 97, "on_oxygen": True, "oxygen_flow": 4.0,
                "temperature": 38.6})
    records.save_new(nurse, "observations", {**OBSERVED, "taken_at": "2026-11-28T12:30+01:00", "temperature": None,
                                             "on_oxygen": False}, patient_id=patient)
    first = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)
    assert (first["devices"], first["on_oxygen"], "oxygen_flow" in first) == (["peripheral_iv"], False, False)


DESATURATING = {"respiratory_rate": 25, "spo2": 96, "spo2_scale": "scale_1", "on_oxygen": False, "systolic_bp": 125,
                "diastolic_bp": 70, "pulse": 115, "consciousness": "alert", "temperature": 38.3}


def test_a_transfer_out_gives_the_saturation_with_the_oxygen_it_was_measured_on(session_for, patient):
    """A complete set on air at 10:00 (SpO2 96 %, NEWS2 6) stands for the patient's risk; at 13:00
    they desaturate to 88 % and are put on 4 L/min, a set of those alone scoring less. The letter
    read "10:00: SpO2 96 % on 4 L/min", a reading never taken, and the 88 % was nowhere on it. Its
    NEWS2 scores the 88 % on oxygen with the 10:00 set's other readings, none newer charted."""
    nurse = session_for("nurse")
    records.save_new(nurse, "observations", {**DESATURATING, "taken_at": "2026-11-28T10:00+01:00"},
                     patient_id=patient)
    records.save_new(nurse, "observations", {"taken_at": "2026-11-28T13:00+01:00", "spo2": 88, "spo2_scale": "scale_1",
                                             "on_oxygen": True, "oxygen_flow": 4.0}, patient_id=patient)
    spec = nurse.form("transfer_out")
    first = prefill.first_answers(nurse, spec, patient)
    assert ({name: first.get(name) for name in ("obs_at", "spo2", "spo2_scale", "on_oxygen", "oxygen_flow",
                                                "resp_rate", "pulse", "temperature", "devices")}
            == {"obs_at": "2026-11-28T13:00+01:00", "spo2": 88, "spo2_scale": "scale_1", "on_oxygen": True,
                "oxygen_flow": 4.0, "resp_rate": 25, "pulse": 115, "temperature": 38.3, "devices": ["oxygen"]})
    [section] = [section for section in spec.sections if section.news2]
    news2 = observations.copied_score(section, first)
    assert news2 is not None and news2.total == 3 + 3 + 2 + 0 + 2 + 0 + 1  # RR, SpO2, oxygen, BP, pulse, ACVPU, 38.3
    # A saturation rechecked at 13:30 on the same oxygen: the letter's is the newest, with its time.
    records.save_new(nurse, "observations", {"taken_at": "2026-11-28T13:30+01:00", "spo2": 90, "spo2_scale": "scale_1",
                                             "on_oxygen": True, "oxygen_flow": 4.0}, patient_id=patient)
    first = prefill.first_answers(nurse, spec, patient)
    assert (first["obs_at"], first["spo2"], first["on_oxygen"], first["oxygen_flow"]) == (
        "2026-11-28T13:30+01:00", 90, True, 4.0)


def test_a_french_chart_counts_the_day_of_putting_in_as_j0_an_english_one_as_day_1(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {**PUT_IN, "device": "urinary", "site": "Urethral", "next_in": "24"},
                     patient_id=patient)
    clock.advance(hours=48)
    [latest] = followed.still_open(devices.chart(nurse.db, patient))
    assert latest.in_since(nurse.clock(), "fr") == "en place depuis le 28/11 09:30 (J2)"
    assert latest.in_since(nurse.clock(), "en") == "in since 28/11 09:30 (day 3)"


@pytest.mark.parametrize(("device", "site", "hours"), [("peripheral", "Left forearm", 12), ("midline", "Right arm", 12),
                                                       ("urinary", "Urethral", 24)])
def test_a_site_scored_for_phlebitis_falls_due_within_a_shift_whatever_was_planned(session_for, patient, device,
                                                                                     site, hours):
    """epic3: a cannula's site is scored at least once a shift; 24 hours let two go by unscored."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {**PUT_IN, "device": device, "site": site, "next_in": "24"},
                     patient_id=patient)
    [latest] = followed.still_open(devices.chart(nurse.db, patient))
    assert latest.due_at == datetime.fromisoformat(PUT_IN["checked_at"]) + timedelta(hours=hours)


OUT = {"checked_at": "2026-11-28T12:05+01:00", "event": "removed", "device": "peripheral", "site": "Left forearm",
       "vip": "2", "removed_why": "resited"}


def _look(nurse, patient, data, amended=None):
    devices.check_look(nurse.db, nurse.form("device_check"), patient, data, nurse.lang, amended)


def test_a_new_cannula_put_in_where_the_old_one_still_is_is_refused_named_apart_it_stays_followed(session_for,
                                                                                                    patient):
    """Resited before the old one came out, both "Left forearm": the old one's removal would close
    the new one too and it would leave every list."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    new = {**PUT_IN, "checked_at": "2026-11-28T12:00+01:00", "site": " left FOREARM", "size": "22 G"}
    with pytest.raises(ValidationFailed) as refused:
        _look(nurse, patient, new)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "site", "Peripheral venous cannula, left FOREARM is charted in already: name this one's place differently "
                "(e.g. “left FOREARM, wrist”) or record the other's removal first.")]
    with pytest.raises(ValidationFailed, match="déjà noté en place"):
        _look(session_for("nurse", "fr"), patient, new)
    _look(nurse, patient, {**new, "device": "midline"})
    wrist = {**new, "site": "Left forearm, wrist"}
    _look(nurse, patient, wrist)
    records.save_new(nurse, "device_check", wrist, patient_id=patient)
    records.save_new(nurse, "device_check", OUT, patient_id=patient)
    [followed_on] = followed.still_open(devices.chart(nurse.db, patient))
    assert (followed_on.site, followed_on.size) == ("Left forearm, wrist", "22 G")
    _look(nurse, patient, {**new, "checked_at": "2026-11-28T12:10+01:00"})  # the old one's place, once it is out


def test_a_look_naming_no_device_in_there_is_refused_when_misspelt_or_taken_out_already(session_for, patient):
    """A misspelt removal left the cannula it meant in; a check or a removal of one taken out
    reopened a chart. A first look at a device the patient came in with stands."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        _look(nurse, patient, {**OUT, "site": "Left forarm"})
    assert [error.message for error in refused.value.errors] == [
        "Peripheral venous cannula, Left forarm: never charted in (in then: Left forearm). If it is one of those, name "
        "its place as charted; if it is another, never charted, chart a check of it first, then its removal."]
    with pytest.raises(ValidationFailed, match=r"jamais noté en place \(en place alors : Left forearm\)"):
        _look(session_for("nurse", "fr"), patient, {**OUT, "site": "Left forarm"})
    _look(nurse, patient, {**CHECK, "site": "Right hand"})  # came in with it: its first look
    _look(nurse, patient, {**OUT, "device": "urinary", "site": "Urethral", "vip": None, "site_state": "clean"})
    records.save_new(nurse, "device_check", OUT, patient_id=patient)
    for look in (OUT, {**CHECK, "checked_at": "2026-11-28T13:00+01:00"}):
        with pytest.raises(ValidationFailed, match="none is charted in there at that time: name"):
            _look(nurse, patient, {**look, "checked_at": "2026-11-28T13:00+01:00"})
    _look(nurse, patient, {**OUT, "checked_at": "2026-11-28T12:00+01:00"})  # still in then


def test_an_amended_look_is_checked_without_itself_and_only_when_it_is_filed_elsewhere(session_for, patient):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    _look(nurse, patient, {**PUT_IN, "size": "22 G"}, first)
    _look(nurse, patient, {**PUT_IN, "checked_at": "2026-11-28T09:00+01:00"}, first)
    second = records.save_new(nurse, "device_check", {**PUT_IN, "site": "Left forearm, wrist"}, patient_id=patient)
    _look(nurse, patient, {**second.data, "notes": "Flushed"}, second)
    with pytest.raises(ValidationFailed, match="charted in already"):
        _look(nurse, patient, {**second.data, "site": "Left forearm"}, second)


def test_a_device_of_no_kind_listed_is_named_by_its_notes_on_every_list(session_for, patient, clock):
    """An epidural charted "Other (say in the notes)", the notes saying what it is: the handover,
    the letter and the escalation list read "Other (say in the notes), Lumbar L2-L3", nothing of an
    epidural (anticoagulant timing, removal by the anaesthetist). A later check's notes do not
    rename it; its notes are asked."""
    nurse = session_for("nurse")
    other = {"checked_at": "2026-11-28T10:00+01:00", "event": "checked", "device": "other", "site": "Lumbar L2-L3",
             "site_state": "clean", "still_needed": True, "next_in": "4"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "device_check", other, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["notes"]
    records.save_new(nurse, "device_check", {**other, "notes": "Epidural catheter, levobupivacaine 0.1 % 8 mL/h"},
                     patient_id=patient)
    records.save_new(nurse, "device_check", {**other, "checked_at": "2026-11-28T13:00+01:00", "site_state": "red",
                                             "notes": "Dressing changed"}, patient_id=patient)
    named = "Other: Epidural catheter, levobupivacaine 0.1 % 8 mL/h, Lumbar L2-L3"
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].startswith(
        f"LINES AND CATHETERS: {named}: Red, swollen or tender at 28/11 13:00")
    assert prefill.first_answers(nurse, nurse.form("transfer"), patient)["lines"].startswith(named)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                        ward="3B").alerts if alert.form_id == devices.FORM] == [[
        f"SITE INFECTED? ({named}: red, swollen or tender): tell the doctor"]]
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient].startswith(
        "CATHÉTERS ET SONDES : Autre : Epidural catheter, levobupivacaine 0.1 % 8 mL/h, Lumbar L2-L3 :")


def test_a_cannula_in_72_hours_asks_to_be_resited_or_kept_with_a_reason_each_day(session_for, patient, clock):
    """Put in on 28/11 at 10:00 and scored VIP 0 every shift: on 05/12 the handover said "in since
    28/11 10:00 (day 7)" and nothing else, the escalation list nothing (the paper cannula chart's
    "resite due" box; many UK trusts 72 hours, SF2H 2019 reassessed daily)."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {**PUT_IN, "checked_at": "2026-11-28T10:00+01:00", "next_in": "12"},
                     patient_id=patient)
    check = {**CHECK, "site": "Left forearm", "next_in": "12"}

    def checked(at: str, **answers) -> list[list[str]]:
        clock.now = datetime.fromisoformat(at)
        records.save_new(nurse, "device_check", {**check, "checked_at": at, **answers}, patient_id=patient)
        inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
        return [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                            ward="3B").alerts if alert.form_id == devices.FORM]

    asked = ("IN OVER 72 HOURS (Peripheral venous cannula, Left forearm): resite it, or record at a check why it "
             "stays")
    assert checked("2026-12-01T09:59+01:00") == []
    clock.now = datetime.fromisoformat("2026-12-01T10:00+01:00")
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        "LINES AND CATHETERS: Peripheral venous cannula, Left forearm, 20 G: VIP 0 at 01/12 09:59; in since 28/11 "
        f"10:00 (day 4); {asked}; next check 01/12 21:59")
    assert checked("2026-12-01T11:00+01:00", kept_why="Difficult veins, antibiotics end tomorrow") == []
    clock.now = datetime.fromisoformat("2026-12-02T11:00+01:00")  # a day on: asked again
    assert devices.chart(nurse.db, patient)[-1].asks(nurse.form("device_check"), nurse.clock(), "fr")[0] == (
        "EN PLACE DEPUIS PLUS DE 72 HEURES (Cathéter veineux périphérique, Left forearm) : le changer, ou noter à une "
        "surveillance pourquoi il reste")
    assert checked("2026-12-02T11:00+01:00") == [[asked]]


def test_a_device_put_in_on_a_laptop_set_to_utc_reads_one_time_on_the_wards_clock(session_for, patient, tmp_path):
    """Put in at 10:00 on the ward's clock, typed on a laptop set to UTC (09:00+00:00): the handover
    read "Put in at 28/11 09:00; in since 28/11 10:00", two times for one insertion; the printed
    chart its line at 09:00."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {**PUT_IN, "checked_at": "2026-11-28T09:00+00:00"}, patient_id=patient)
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].startswith(
        "LINES AND CATHETERS: Peripheral venous cannula, Left forearm, 20 G: Put in at 28/11 10:00; in since 28/11 "
        "10:00 (day 1)")
    text = " ".join(pdf_text(printing.print_device_chart(nurse, patient, tmp_path / "devices.pdf")).split())
    assert "28/11 10:00" in text and "28/11 09:00" not in text


NG = {"checked_at": "2026-11-28T10:00+01:00", "event": "inserted", "device": "nasogastric", "site": "Left nostril",
      "size": "Ch 12", "next_in": "8"}


def test_a_nasogastric_tube_asks_its_position_confirmed_before_use(session_for, patient, clock, tmp_path):
    """Feeding through a misplaced nasogastric tube is a Never Event; the form asked an NG tube only
    "Clean, dry, working", nowhere its aspirate's pH, its X-ray or its mark, and nothing before its
    first feed."""
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "device_check", NG, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["position_by"]
    records.save_new(nurse, "device_check", {**NG, "position_by": "not_confirmed", "mark_cm": 55.0},
                     patient_id=patient)
    called = "Nasogastric tube, Left nostril"
    asked = (f"NG POSITION NOT CONFIRMED ({called}): do not use it for feeds or medicines until confirmed (aspirate "
             "pH 5.5 or below, or an X-ray read by a doctor)")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                        ward="3B").alerts if alert.form_id == devices.FORM] == [[asked]]
    check = {**NG, "checked_at": "2026-11-28T10:20+01:00", "event": "checked", "site_state": "clean",
             "still_needed": True}
    records.save_new(nurse, "device_check", {**check, "position_by": "ph", "ph": 4.5, "mark_cm": 55.0},
                     patient_id=patient)
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].startswith(
        f"LINES AND CATHETERS: {called}, Ch 12: Clean, dry, working, position: Aspirate pH 4.5, mark 55 cm at 28/11 "
        "10:20; in since")
    records.save_new(nurse, "device_check", {**check, "checked_at": "2026-11-28T13:50+01:00", "position_by": "ph",
                                             "ph": 6.5, "mark_cm": 48.0}, patient_id=patient)
    [latest] = followed.still_open(devices.chart(nurse.db, patient))
    assert latest.asks(nurse.form("device_check"), nurse.clock(), "en") == [
        f"NG POSITION NOT CONFIRMED ({called}: aspirate pH 6.5; mark 48 cm, 55 cm before): do not use it for feeds or "
        "medicines until confirmed (aspirate pH 5.5 or below, or an X-ray read by a doctor)"]
    assert latest.asks(nurse.form("device_check"), nurse.clock(), "fr")[0].startswith(
        "POSITION DE LA SNG NON VÉRIFIÉE (Sonde nasogastrique, Left nostril : pH de l’aspiration 6,5 ; repère 48 cm, "
        "55 cm auparavant) : ne pas l’utiliser")
    text = " ".join(pdf_text(printing.print_device_chart(nurse, patient, tmp_path / "devices.pdf")).split())
    assert "NG POSITION NOT CONFIRMED" in text


def on_version(nurse, form_id: str, version: int):
    """The nurse on a laptop still on `version` of `form_id`: what it saves is of that version, as
    a record typed before a form's later version reached the ward."""
    return dataclasses.replace(nurse, forms={**nurse.forms, form_id: nurse.form(form_id).model_copy(
        update={"version": version})})


def test_a_version_1_nasogastric_look_is_corrected_without_a_position_and_a_new_look_asks_it(session_for, patient):
    """An NG tube charted on version 1 (no position question), its time typed wrong: the correction
    was refused until "NG tube position confirmed by" was answered for a check hours old; a pH
    invented, or "Not confirmed" answered to get past, raising a false alarm."""
    nurse = session_for("nurse")
    saved = records.save_new(on_version(nurse, "device_check", 1), "device_check", NG, patient_id=patient)
    assert saved.form_version == 1
    amended = records.amend(nurse, saved.record_id, {**NG, "checked_at": "2026-11-28T09:40+01:00"}, "time typed wrong")
    assert "position_by" not in amended.data
    assert "NG POSITION" not in devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    check = {**NG, "checked_at": "2026-11-28T11:00+01:00", "event": "checked", "site_state": "clean",
             "still_needed": True}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "device_check", check, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [
        ("position_by", "“NG tube position confirmed by” is required.")]
    records.save_new(nurse, "device_check", {**check, "event": "removed", "removed_why": "not_needed"},
                     patient_id=patient)


def test_a_nasogastric_tube_not_confirmed_stays_so_until_a_look_says_how_it_was_confirmed(session_for, patient):
    """Put in "Not confirmed: do not use", then checked from a laptop still on version 1 (no place
    to say): "NG POSITION NOT CONFIRMED" left the chart, the handover and the escalation list
    though nobody had confirmed the position."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {**NG, "position_by": "not_confirmed"}, patient_id=patient)
    check = {**NG, "checked_at": "2026-11-28T11:00+01:00", "event": "checked", "site_state": "clean",
             "still_needed": True}
    records.save_new(on_version(nurse, "device_check", 1), "device_check", check, patient_id=patient)
    asked = ("NG POSITION NOT CONFIRMED (Nasogastric tube, Left nostril): do not use it for feeds or medicines until "
             "confirmed (aspirate pH 5.5 or below, or an X-ray read by a doctor)")
    assert asked in devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    records.save_new(nurse, "device_check", {**check, "checked_at": "2026-11-28T11:30+01:00", "position_by": "xray"},
                     patient_id=patient)
    assert "NG POSITION" not in devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]


def test_an_other_device_is_named_at_its_first_look_checked_after_without_it_and_the_letter_names_it_whole(
        session_for, patient):
    """An epidural charted "Other", named in the notes at its insertion: each 4-hourly check from
    "Check the chosen device" (which carries no notes) was refused until the name was typed again;
    and the letter cut a long name at 80 characters."""
    nurse = session_for("nurse")
    epidural = {"checked_at": "2026-11-28T09:00+01:00", "event": "inserted", "device": "other", "site": "Lumbar L3-4",
                "next_in": "4"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "device_check", epidural, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "notes", "“Notes (dressing, flushed, tip sent, who was told)”: say what this device is (it is charted "
                 "“Other”): every list names it by these notes.")]
    name = ("Epidural catheter, levobupivacaine 0.1 % with fentanyl 2 micrograms/mL at 8 mL/h, anaesthetist bleep "
            "4412 to remove")
    records.save_new(nurse, "device_check", {**epidural, "notes": name}, patient_id=patient)
    [latest] = followed.still_open(devices.chart(nurse.db, patient))
    records.save_new(nurse, "device_check", {**devices.next_check(latest), "checked_at": "2026-11-28T13:00+01:00",
                                             "site_state": "clean", "still_needed": True}, patient_id=patient)
    assert devices.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")[0].startswith(
        f"Other: {name}, Lumbar L3-4: Clean, dry, working at 28/11 13:00")
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].startswith(
        "LINES AND CATHETERS: Other: Epidural catheter, levobupivacaine 0.1 % with fentanyl 2 micrograms/mL at 8 "
        "mL/…, Lumbar L3-4: Clean")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_blank_check_form_stays_one_page_asking_the_ng_position_and_why_a_cannula_stays_in_its_notes(
        blank_pages, lang):
    """Version 2's NG position, pH, mark and "why it stays" boxes pushed the notes and the signature
    onto a second sheet."""
    [page] = blank_pages("device_check", lang)
    assert {"en": "NG tube position confirmed by (write the pH, and the mark at the nostril in cm)",
            "fr": "Position de la SNG vérifiée par (noter le pH, et le repère à la narine en cm)"}[lang] in page
    assert {"en": "a cannula in 72 hours kept: why", "fr": "cathéter en place depuis 72 h gardé : pourquoi"}[lang] \
        in page


def test_why_a_cannula_stays_past_72_hours_is_on_the_printed_chart_and_on_the_handover_while_it_answers(
        session_for, patient, clock, tmp_path):
    """Kept on day 4 "veins difficult, IV antibiotics end tomorrow": the reason was on no printed
    chart, and once it had answered the resite question the handover said nothing of why the
    cannula stayed."""
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {**PUT_IN, "checked_at": "2026-11-28T10:00+01:00", "next_in": "12"},
                     patient_id=patient)
    why = "Veins difficult, IV antibiotics end tomorrow"
    clock.now = datetime.fromisoformat("2026-12-01T11:00+01:00")
    records.save_new(nurse, "device_check", {**CHECK, "site": "Left forearm", "checked_at": "2026-12-01T11:00+01:00",
                                             "kept_why": why, "notes": "Flushed"}, patient_id=patient)
    assert devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        "LINES AND CATHETERS: Peripheral venous cannula, Left forearm, 20 G: VIP 0 at 01/12 11:00; in since 28/11 "
        f"10:00 (day 4); kept in past 72 hours: {why} (01/12 11:00); next check 01/12 19:00")
    assert f"gardé au-delà de 72 heures : {why} (01/12 11:00)" in devices.handover(
        nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]
    text = " ".join(pdf_text(printing.print_device_chart(nurse, patient, tmp_path / "devices.pdf")).split())
    assert f"kept in: {why}; Flushed" in text
    clock.now = datetime.fromisoformat("2026-12-02T11:00+01:00")  # the reason's day over: asked again instead
    handover = devices.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert "kept in past" not in handover and "IN OVER 72 HOURS" in handover
