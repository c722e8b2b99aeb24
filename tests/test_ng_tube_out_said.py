"""A nasogastric tube charted taken out, none charted in since, while the patient still has
medicines ordered by NG or a feed by tube (review s68 N2): the escalation list (urgent) and the
handover sheet say so, with the next dose by NG, so that the doctor is asked for another route or a
tube re-passed before it falls due. Nothing of a tube out with no medicine nor feed by it, nor
once a tube is charted in again, nor after the patient went home. The tests' clock is 14:00 on
28/11 (Paris)."""

from dataclasses import replace
from datetime import datetime

from downtime.services import census, chart_alerts, devices, leaving, printing, records
from downtime.storage.records import current
from tests.pdf_text import pdf_text
from tests.test_devices_void import PARIS
from tests.test_ng_position_at_use import CONFIRMED, FEED, PEG, PULLED_OUT, TUBE

LANSOPRAZOLE = {"drug": "Lansoprazole", "dose": 30.0, "dose_unit": "mg", "route": "NG", "frequency": "scheduled",
                "times": "18:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False}
PARACETAMOL_PRN = {"drug": "Paracetamol  oral suspension", "dose": 1.0, "dose_unit": "g", "route": "NG",
                   "frequency": "prn", "prn_indication": "pain", "min_interval_hours": 4.0, "max_doses_24h": 4,
                   "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False}
NO_LONGER_NEEDED = {**PULLED_OUT, "removed_why": "not_needed", "site_state": "clean", "notes": "eating now"}
SAID = ("NG TUBE OUT since 28/11 11:00, none charted in: next dose by NG 28/11 18:00 (Lansoprazole) — ask the doctor "
        "now for another route, or a tube re-passed and its position confirmed")
SAID_FR = ("SNG RETIRÉE depuis le 28/11 11:00, aucune notée en place : prochaine dose par SNG le 28/11 18:00 "
           "(Lansoprazole) — demander maintenant au médecin une autre voie, ou la pose d’une nouvelle sonde et la "
           "vérification de sa position")


def _out(nurse, patient: str) -> None:
    records.save_new(nurse, devices.FORM, {**TUBE, "position_by": "ph", "ph": 4.5}, patient_id=patient)
    records.save_new(nurse, devices.FORM, PULLED_OUT, patient_id=patient)


def _listed(nurse, at: datetime, lang: str = "en"):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", at)
    found = chart_alerts.alerts(nurse.db, nurse.forms, inside, at, lang, ward="3B")
    return [(alert.latest, alert.said, alert.urgent) for alert in found.alerts if alert.form_id == devices.FORM], \
        found.next_due


def _handover(nurse, patient: str, at: datetime, lang: str = "en") -> str:
    return devices.handover(nurse.db, nurse.forms, [patient], at, lang).get(patient, "")


def test_a_tube_out_with_a_dose_by_ng_to_come_is_listed_urgent_and_handed_over_until_one_is_charted_in(
        session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", LANSOPRAZOLE, patient_id=patient)
    _out(nurse, patient)
    listed, next_due = _listed(nurse, clock())
    assert listed == [("Nasogastric tube, Left nostril, Ch 12: Leaking, blocked or pulled out at 28/11 11:00", [SAID], True)]
    assert next_due == datetime(2026, 11, 28, 18, 0, tzinfo=PARIS)
    assert _listed(nurse, clock(), "fr")[0][0][1] == [SAID_FR]
    assert _handover(nurse, patient, clock()) == f"LINES AND CATHETERS: {SAID}"
    assert _handover(nurse, patient, clock(), "fr") == f"CATHÉTERS ET SONDES : {SAID_FR}"
    text = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).split())
    assert SAID in text
    french = " ".join(pdf_text(printing.print_census(replace(nurse, lang="fr"), tmp_path / "census-fr.pdf",
                                                     "3B")).split())
    assert SAID_FR in french
    late = datetime(2026, 11, 28, 19, 0, tzinfo=PARIS)  # its time passed, nothing recorded
    assert ("dose by NG due 28/11 18:00, not recorded (Lansoprazole); next dose by NG 29/11 18:00 (Lansoprazole) — "
            "ask") in _handover(nurse, patient, late)
    assert ("dose par SNG prévue le 28/11 18:00, non tracée (Lansoprazole) ; prochaine dose par SNG le 29/11 18:00 "
            "(Lansoprazole)") in _handover(nurse, patient, late, "fr")
    records.save_new(nurse, devices.FORM, {**TUBE, "checked_at": "2026-11-28T13:30+01:00", "site": "Right nostril"},
                     patient_id=patient)
    assert not any("NG TUBE OUT" in said for _, saids, _ in _listed(nurse, clock())[0] for said in saids)
    assert "NG TUBE OUT" not in _handover(nurse, patient, clock())


def test_a_tube_out_says_nothing_without_ng_orders_nor_feed_and_says_a_feed_or_a_diet_by_tube(
        session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", {**LANSOPRAZOLE, "route": "PO"}, patient_id=patient)
    _out(nurse, patient)
    assert _listed(nurse, clock())[0] == [] and _handover(nurse, patient, clock()) == ""
    admission = current(nurse.db, census.patient_with_location(nurse.db, nurse.forms, patient).admission_record_id)
    records.amend(nurse, admission.record_id, {**admission.data, "diet": ["nil_by_mouth", "tube_fed"]}, "fed by NG")
    assert _handover(nurse, patient, clock()) == (
        "LINES AND CATHETERS: NG TUBE OUT since 28/11 11:00, none charted in: fed by tube (admission diet) — ask the "
        "doctor now for another route, or a tube re-passed and its position confirmed")
    records.save_new(nurse, "fluid_balance", {**FEED, "measured_at": "2026-11-28T10:30+01:00"}, patient_id=patient)
    assert "fed by tube (admission diet); feed by tube charted 28/11 10:30 — ask" in _handover(nurse, patient, clock())
    assert "nutrition par sonde (régime d’admission) ; alimentation par sonde notée le 28/11 10:30 — demander" in \
        _handover(nurse, patient, clock(), "fr")


def test_a_feed_is_counted_from_when_the_tube_taken_out_went_in(session_for, medication_ward, clock):
    """Feeds charted while the tube taken out was in, or since, say the patient is fed by it; one
    of the day before, before this tube went in (10:00), does not (review S1: a window of 24 hours
    before the removal was a figure of our own). Amoxicillin IV and morphine SC go by no tube."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    records.save_new(nurse, "fluid_balance", {**FEED, "measured_at": "2026-11-28T09:30+01:00"}, patient_id=patient)
    _out(nurse, patient)
    assert _handover(nurse, patient, clock()) == ""
    records.save_new(nurse, "fluid_balance", {**FEED, "measured_at": "2026-11-28T10:30+01:00"}, patient_id=patient)
    assert "none charted in: feed by tube charted 28/11 10:30 — ask" in _handover(nurse, patient, clock())
    assert [urgent for _, _, urgent in _listed(nurse, clock())[0]] == [True]


def test_a_tube_the_patient_came_in_with_counts_the_feeds_from_its_first_look(session_for, patient, clock):
    """No insertion charted (the tube came in with the patient, first charted at a check at 09:30):
    the feeds from that look on, not those of a stay or a tube before."""
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_balance", {**FEED, "measured_at": "2026-11-28T09:10+01:00"}, patient_id=patient)
    records.save_new(nurse, devices.FORM, {**CONFIRMED, "checked_at": "2026-11-28T09:30+01:00"}, patient_id=patient)
    records.save_new(nurse, devices.FORM, PULLED_OUT, patient_id=patient)
    assert _handover(nurse, patient, clock()) == ""
    records.save_new(nurse, "fluid_balance", {**FEED, "measured_at": "2026-11-28T09:45+01:00"}, patient_id=patient)
    assert "feed by tube charted 28/11 09:45" in _handover(nurse, patient, clock())


def test_a_tube_taken_out_as_no_longer_needed_asks_for_the_ng_orders_alone(session_for, patient, clock):
    """Weaned (eating, the feed stopped at 10:30), the tube taken out at 11:00 as no longer needed:
    neither the admission's diet "Tube fed" nor the feeds before say anything, on the lists nor at
    discharge (review S1: an urgent line until discharge, and the discharge asked for a tube). An
    order still written by NG does, a prescribing question; a feed charted after it came out too."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    admission = current(nurse.db, census.patient_with_location(nurse.db, nurse.forms, patient).admission_record_id)
    records.amend(nurse, admission.record_id, {**admission.data, "diet": ["tube_fed"]}, "fed by NG")
    records.save_new(nurse, "fluid_balance", {**FEED, "measured_at": "2026-11-28T10:30+01:00"}, patient_id=patient)
    records.save_new(nurse, devices.FORM, {**TUBE, "position_by": "ph", "ph": 4.5}, patient_id=patient)
    records.save_new(nurse, devices.FORM, NO_LONGER_NEEDED, patient_id=patient)
    assert _handover(nurse, patient, datetime(2026, 11, 29, 10, 0, tzinfo=PARIS)) == ""
    assert _listed(nurse, clock())[0] == []
    assert "NG TUBE OUT" not in (leaving.still_asked(nurse.db, nurse.forms, patient, clock(), "en",
                                                     destination="home") or "")
    order = records.save_new(doctor, "medication_order", LANSOPRAZOLE, patient_id=patient)
    assert _handover(nurse, patient, clock()) == f"LINES AND CATHETERS: {SAID}"
    assert "NG TUBE OUT" in leaving.still_asked(nurse.db, nurse.forms, patient, clock(), "en", destination="home")
    records.amend(doctor, order.record_id, {**order.data, "route": "IV"}, "IV now")
    records.save_new(nurse, "fluid_balance", {**FEED, "measured_at": "2026-11-28T12:00+01:00"}, patient_id=patient)
    assert "none charted in: feed by tube charted 28/11 12:00 — ask" in _handover(nurse, patient, clock())


def test_the_next_dose_by_ng_is_named_whatever_was_left_unrecorded_before_the_tube_came_out(
        session_for, patient, clock):
    """10:00 and 18:00 by NG, the 10:00 not recorded while the tube was in, the tube out at 11:00:
    the 18:00 is the dose with no tube, named, and the list read again at its time (review S1: the
    10:00 was named, changes_at None). Across midnight, the next is tomorrow's."""
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", {
        **LANSOPRAZOLE, "times": "10:00 18:00", "start_at": "2026-11-28T09:00+01:00"}, patient_id=patient)
    records.save_new(nurse, devices.FORM, {**TUBE, "checked_at": "2026-11-28T09:10+01:00", "position_by": "ph",
                                           "ph": 4.5}, patient_id=patient)
    records.save_new(nurse, devices.FORM, PULLED_OUT, patient_id=patient)
    needed = devices.tubes_needed(nurse.db, devices.charts(nurse.db, [patient]), clock(), "en")[patient]
    assert (needed.said, needed.changes_at, needed.urgent) == (SAID, datetime(2026, 11, 28, 18, 0, tzinfo=PARIS), True)
    at = datetime(2026, 11, 29, 0, 30, tzinfo=PARIS)
    needed = devices.tubes_needed(nurse.db, devices.charts(nurse.db, [patient]), at, "en")[patient]
    assert "none charted in: dose by NG due 28/11 18:00, not recorded (Lansoprazole); next dose by NG 29/11 10:00 " \
        "(Lansoprazole) — ask" in needed.said
    assert needed.changes_at == datetime(2026, 11, 29, 10, 0, tzinfo=PARIS)


def test_as_required_orders_by_ng_alone_are_listed_not_urgent(session_for, patient, clock):
    """A paracetamol as required by NG left written after the tube came out: for the doctor's next
    review, not a red "ask the doctor now" at 3 a.m. for days (review S1); a scheduled dose by NG
    beside it is urgent."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(doctor, "medication_order", PARACETAMOL_PRN, patient_id=patient)
    _out(nurse, patient)
    assert _listed(nurse, clock())[0] == [(
        "Nasogastric tube, Left nostril, Ch 12: Leaking, blocked or pulled out at 28/11 11:00",
        [("NG TUBE OUT since 28/11 11:00, none charted in: medicines by NG (Paracetamol oral suspension) — at the "
          "doctor's next review, ask for another route, or a tube re-passed and its position confirmed")], False)]
    assert "médicaments par SNG (Paracetamol oral suspension) — à la prochaine visite du médecin, demander une autre " \
        "voie" in _handover(nurse, patient, clock(), "fr")
    records.save_new(doctor, "medication_order", LANSOPRAZOLE, patient_id=patient)
    assert _listed(nurse, clock())[0] == [(
        "Nasogastric tube, Left nostril, Ch 12: Leaking, blocked or pulled out at 28/11 11:00", [SAID], True)]


def test_the_escalation_list_reads_the_line_chart_once(session_for, patient, clock, monkeypatch):
    """The devices' looks read for their checks serve the tube out too (review S1: read twice a
    refresh)."""
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", LANSOPRAZOLE, patient_id=patient)
    _out(nurse, patient)
    read, charts = [], devices.charts
    monkeypatch.setattr(devices, "charts", lambda db, patients: read.append(1) or charts(db, patients))
    assert _listed(nurse, clock())[0][0][1] == [SAID]
    assert len(read) == 1


def test_a_tube_out_is_said_no_more_once_the_patient_went_home(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", LANSOPRAZOLE, patient_id=patient)
    _out(nurse, patient)
    assert SAID in _handover(nurse, patient, clock())
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T13:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    assert _handover(nurse, patient, clock()) == ""
    assert _listed(nurse, clock())[0] == []


def test_an_as_required_order_by_ng_is_named_and_a_peg_put_in_since_ends_the_line(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", PARACETAMOL_PRN, patient_id=patient)
    _out(nurse, patient)
    assert "none charted in: medicines by NG (Paracetamol oral suspension) — at" in _handover(nurse, patient, clock())
    records.save_new(nurse, devices.FORM, {**PEG, "checked_at": "2026-11-28T12:00+01:00"}, patient_id=patient)
    assert "NG TUBE OUT" not in _handover(nurse, patient, clock())
