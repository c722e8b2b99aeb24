"""Telephone orders: a nurse writes the order a prescriber gives by telephone, read back to them;
a doctor countersigns it; a dose of one a day old and not countersigned is questioned."""

import json

import pytest
from fhir.resources.R4B.medicationrequest import MedicationRequest
from pypdf import PdfReader

from downtime.domain.census import StayStatus
from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, medication, prefill, printing, records, telephone_orders
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.sync.export import export
from tests.pdf_text import pdf_text

PARACETAMOL = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "prn",
               "prn_indication": "pain or fever", "min_interval_hours": 6, "max_doses_24h": 4,
               "start_at": "2026-11-28T14:00+01:00", "controlled": False, "high_alert": False}
BY_TELEPHONE = {**PARACETAMOL, "telephone_order": True, "read_back": True, "prescriber": "Dr Hugo Bernard"}


@pytest.fixture
def taken(session_for, medication_ward):
    """The night nurse's telephone order of paracetamol for the medication ward's patient, taken
    at 14:00 on 28/11 (the clock's time)."""
    patient, _, _ = medication_ward
    return records.save_new(session_for("nurse"), "medication_order", BY_TELEPHONE, patient_id=patient)


def test_a_nurse_writes_a_telephone_order_read_back_and_naming_its_prescriber(session_for, medication_ward, clock):
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    count = nurse.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    with pytest.raises(ValidationFailed) as unnamed:
        records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "prescriber": None}, patient_id=patient)
    assert [error.path for error in unnamed.value.errors] == ["prescriber"]
    with pytest.raises(ServiceError, match="read the order back to the prescriber"):
        records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "read_back": False}, patient_id=patient)
    with pytest.raises(PermissionDenied, match="only a doctor countersigns"):
        records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "countersigned": True}, patient_id=patient)
    assert nurse.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == count
    saved = records.save_new(nurse, "medication_order", BY_TELEPHONE, patient_id=patient)
    order = medication.order(nurse.db, saved.record_id)
    assert order.telephone and order.awaiting_since == clock.now and order.prescriber == "Dr Hugo Bernard"
    assert "TELEPHONE ORDER — to countersign" in medication.order_flags(order, "en", clock.now)
    assert "PRESCRIPTION TÉLÉPHONIQUE — à contresigner" in medication.order_flags(order, "fr", clock.now)


def test_a_doctor_signed_in_writes_an_order_of_their_own(session_for, medication_ward):
    patient, _, _ = medication_ward
    with pytest.raises(ServiceError, match="you are signed in as a doctor"):
        records.save_new(session_for("doctor"), "medication_order", {**BY_TELEPHONE, "countersigned": True},
                         patient_id=patient)


def test_a_doctor_countersigns_it_and_the_chart_no_longer_flags_it(session_for, taken, clock):
    with pytest.raises(PermissionDenied, match="Only a doctor countersigns"):
        telephone_orders.countersign(session_for("nurse"), taken.record_id)
    clock.advance(hours=9)
    doctor = session_for("doctor")
    signed = telephone_orders.countersign(doctor, taken.record_id)
    assert (signed.version, signed.author, signed.reason, signed.data["countersigned"]) == (
        2, "doctor", "Telephone order countersigned", True)
    order = medication.order(doctor.db, taken.record_id)
    assert order.telephone and order.awaiting_since is None
    assert not any("TELEPHONE" in flag for flag in medication.order_flags(order, "en", clock.now))
    with pytest.raises(ServiceError, match="awaits no countersignature"):
        telephone_orders.countersign(doctor, taken.record_id)


def test_a_change_by_telephone_is_countersigned_again_and_a_doctors_change_signs_it(session_for, taken, clock):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    telephone_orders.countersign(doctor, taken.record_id)
    signed = records.current(nurse.db, taken.record_id).data
    stopped = {**signed, "stop_at": "2026-11-29T08:00+01:00"}
    with pytest.raises(PermissionDenied, match="only a doctor countersigns"):
        records.amend(nurse, taken.record_id, stopped, "stopped by Dr Bernard by telephone")
    clock.advance(hours=2)
    again = records.amend(nurse, taken.record_id, telephone_orders.amended_from(nurse, stopped) | {"read_back": True},
                          "stopped by Dr Bernard by telephone")
    assert medication.order(nurse.db, taken.record_id).awaiting_since == clock.now
    with pytest.raises(ServiceError, match="a doctor changing a telephone order signs it"):
        records.amend(doctor, taken.record_id, {**again.data, "max_doses_24h": 3}, "at most 3")
    with pytest.raises(ServiceError, match="stays Yes"):
        records.amend(doctor, taken.record_id, {**again.data, "telephone_order": False, "read_back": None,
                                                "countersigned": None}, "my own order")
    records.amend(doctor, taken.record_id, telephone_orders.amended_from(doctor, {**again.data, "max_doses_24h": 3}),
                  "at most 3")
    assert medication.order(doctor.db, taken.record_id).awaiting_since is None


def test_a_dose_of_one_not_countersigned_within_a_day_is_questioned(session_for, taken, clock):
    nurse = session_for("nurse")
    given = {"outcome": "given", "given_for": "pain 5/10", "dose_given": 1.0, "route": "PO"}
    clock.advance(hours=23, minutes=59)
    assert Check.NOT_COUNTERSIGNED not in [warning.check for warning in medication.check_dose(
        nurse, taken.record_id, {**given, "given_at": clock.now.isoformat()})]
    clock.advance(hours=1)
    late = {**given, "given_at": clock.now.isoformat()}
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, taken.record_id, late)
    (warning,) = [warning for warning in caught.value.warnings if warning.check is Check.NOT_COUNTERSIGNED]
    assert warning.text("en") == ("Telephone order taken 28/11/2026 14:00 and not countersigned by a doctor within "
                                  "24 hours: ask a doctor to countersign it (or to write it) before giving.")
    telephone_orders.countersign(session_for("doctor"), taken.record_id)
    assert Check.NOT_COUNTERSIGNED not in [warning.check for warning in medication.check_dose(
        nurse, taken.record_id, late)]


def test_a_nurse_withdraws_only_a_telephone_order_not_countersigned(session_for, medication_ward, taken):
    _, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    count = nurse.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    assert not records.may_withdraw(nurse, records.current(nurse.db, amoxicillin))
    with pytest.raises(PermissionDenied, match="ask a doctor to withdraw this one"):
        records.mark_entered_in_error(nurse, amoxicillin, "wrong patient")
    assert nurse.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == count
    assert records.may_withdraw(nurse, taken)
    assert records.mark_entered_in_error(nurse, taken.record_id, "written for the wrong patient").version == 2


def test_the_export_names_the_nurse_who_took_it_and_says_it_awaits_a_doctor(session_for, taken, tmp_path):
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"]
                  if entry["resource"]["id"] == taken.record_id]
    MedicationRequest.model_validate(request)
    assert request["requester"] == {"display": "Dr Hugo Bernard"}
    assert request["recorder"]["identifier"]["value"] == "nurse"
    assert "Telephone order, read back to the prescriber; NOT countersigned by a doctor" in [
        note["text"] for note in request["note"]]


def test_the_list_to_countersign_leaves_out_those_countersigned_or_withdrawn(session_for, medication_ward, taken,
                                                                             clock):
    patient, _, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.advance(hours=1)
    second = records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "drug": "Ondansetron", "dose": 4.0,
                                                          "dose_unit": "mg"}, patient_id=patient)
    third = records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "drug": "Lactulose", "dose": 15.0,
                                                         "dose_unit": "mL"}, patient_id=patient)
    listed = telephone_orders.to_countersign(doctor)
    assert [(item.order.drug, item.patient.bed, item.taken_by) for item in listed] == [
        ("Paracetamol", "12", "Hélène Lefèvre (nurse)"), ("Ondansetron", "12", "Hélène Lefèvre (nurse)"),
        ("Lactulose", "12", "Hélène Lefèvre (nurse)")]
    telephone_orders.countersign(doctor, taken.record_id)
    records.mark_entered_in_error(nurse, third.record_id, "written for the wrong patient")
    assert [item.order.record_id for item in telephone_orders.to_countersign(doctor)] == [second.record_id]


def test_the_handover_sheet_says_each_patients_telephone_orders_to_countersign(session_for, taken, tmp_path):
    """The day team took over the ward from the sheet with nothing to say a doctor must sign."""
    nurse = session_for("nurse")
    out = printing.print_census(nurse, tmp_path / "census.pdf", ward="3B")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "TELEPHONE ORDER TO COUNTERSIGN: Paracetamol 1 g PO" in text
    telephone_orders.countersign(session_for("doctor"), taken.record_id)
    out = printing.print_census(nurse, tmp_path / "census-after.pdf", ward="3B")
    assert "COUNTERSIGN" not in " ".join(page.extract_text() for page in PdfReader(out).pages)


def test_a_transfer_to_another_hospital_hands_it_over_as_not_countersigned(session_for, medication_ward, taken):
    """Listed among the treatments in force as any other order, it passed for one a doctor had signed."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    lines = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"].split("\n")
    (line,) = [line for line in lines if line.startswith("Paracetamol")]
    assert line.endswith("— none given in hospital — telephone order from Dr Hugo Bernard, not countersigned yet")
    telephone_orders.countersign(session_for("doctor"), taken.record_id)
    assert "telephone order" not in prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"]


def test_the_export_names_who_countersigned_it_and_when_even_once_changed_since(session_for, taken, tmp_path, clock):
    doctor = session_for("doctor")
    clock.advance(hours=1)
    telephone_orders.countersign(doctor, taken.record_id)
    clock.advance(hours=2)
    records.amend(doctor, taken.record_id, {**records.current(doctor.db, taken.record_id).data,
                                            "indication": "Fever"}, "indication added")
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == taken.record_id]
    signer = doctor.user.name
    assert (f"Telephone order, read back to the prescriber; countersigned by {signer} (doctor), "
            "2026-11-28T15:00:00+01:00") in [note["text"] for note in request["note"]]


def test_one_never_countersigned_stays_listed_once_the_patient_left_saying_how(session_for, medication_ward, send_home,
                                                                              clock, qapp):
    """Taken at 11:00, the patient home at 12:00, never countersigned: the list read in-patients
    only, and the verbal order a dose may have been given on left every list the ward has."""
    from datetime import datetime

    from downtime.qt.telephone_orders_dialog import ToCountersignModel

    patient, _, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    taken = records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "start_at": "2026-11-28T11:00+01:00"},
                             patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:00+01:00")
    send_home(patient)
    clock.now = datetime.fromisoformat("2026-11-29T13:00+01:00")
    for ward in (None, "3B"):
        (item,) = telephone_orders.to_countersign(doctor, ward)
        assert (item.order.record_id, item.patient.stay, item.overdue) == (taken.record_id, StayStatus.DISCHARGED, True)
    assert telephone_orders.to_countersign(doctor, "4A") == []
    model = ToCountersignModel(doctor)
    model.set_rows(telephone_orders.to_countersign(doctor))
    assert model.texts(0)[0] == "3B / Discharged"
    telephone_orders.countersign(doctor, taken.record_id)
    assert telephone_orders.to_countersign(doctor) == []


def test_the_handover_sheet_lists_one_of_a_patient_gone_home_under_left_the_ward(session_for, medication_ward,
                                                                                 send_home, clock, tmp_path):
    """Taken at 11:00, the patient home at 12:00: the evening's sheet printed 20 empty beds and
    nothing else, while the same order for a patient in a bed prints "TO COUNTERSIGN"."""
    from datetime import datetime

    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    taken = records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "start_at": "2026-11-28T11:00+01:00"},
                             patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    send_home(patient)
    clock.now = datetime.fromisoformat("2026-11-28T19:00+01:00")
    assert ("Discharged MARTIN Hélène Marie (née LEFÈVRE) 12-Mar-1954 F DT-042-00001-8 Paracetamol 1 g PO (taken "
            "28/11 11:00) TELEPHONE ORDER TO COUNTERSIGN") in pdf_text(
        printing.print_census(nurse, tmp_path / "census.pdf", ward="3B"))
    assert "PRESCRIPTION TÉLÉPHONIQUE À CONTRESIGNER" in pdf_text(
        printing.print_census(session_for("nurse", "fr"), tmp_path / "etat.pdf", ward="3B"))
    assert "COUNTERSIGN" not in pdf_text(printing.print_census(nurse, tmp_path / "census-4a.pdf", ward="4A"))
    telephone_orders.countersign(session_for("doctor"), taken.record_id)
    assert "COUNTERSIGN" not in pdf_text(printing.print_census(nurse, tmp_path / "census-after.pdf", ward="3B"))


def test_the_handover_sheet_and_the_escalation_list_say_one_over_24_h(session_for, taken, clock, tmp_path):
    """28 hours unsigned, the sheet read as for an order taken an hour before, and the escalation
    list said nothing: only the dialog and a dose of it did."""
    nurse = session_for("nurse")

    def asking() -> list[tuple[str, list[str]]]:
        found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B"),
                                    nurse.clock(), "en", ward="3B")
        return [(alert.latest, alert.said) for alert in found.alerts if "COUNTERSIGNED" in " ".join(alert.said)]

    assert asking() == []
    assert "TELEPHONE ORDER TO COUNTERSIGN: Paracetamol 1 g PO (taken 28/11 14:00)" in pdf_text(
        printing.print_census(nurse, tmp_path / "census.pdf", ward="3B"))
    clock.advance(hours=28)
    assert "TELEPHONE ORDER TO COUNTERSIGN: Paracetamol 1 g PO (taken 28/11 14:00 — OVER 24 H)" in pdf_text(
        printing.print_census(nurse, tmp_path / "census-late.pdf", ward="3B"))
    assert [said for _, said in asking()] == [
        ["TELEPHONE ORDER NOT COUNTERSIGNED for 28 h (taken 28/11/2026 14:00): ask a doctor to countersign it"]]
    telephone_orders.countersign(session_for("doctor"), taken.record_id)
    assert asking() == []


def test_one_typed_after_the_call_is_taken_when_the_prescriber_gave_it(session_for, medication_ward, clock, tmp_path):
    """Given at 02:00 in an emergency, typed at 04:30: its 24 hours counted from 04:30."""
    from datetime import datetime

    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T04:30+01:00")
    given = {**BY_TELEPHONE, "start_at": "2026-11-28T02:00+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "medication_order", {**given, "telephone_at": "2026-11-28T05:00+01:00"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["telephone_at"]
    saved = records.save_new(nurse, "medication_order", {**given, "telephone_at": "2026-11-28T02:00+01:00"},
                             patient_id=patient)
    call = datetime.fromisoformat("2026-11-28T02:00+01:00")
    (item,) = telephone_orders.to_countersign(nurse)
    assert item.order.awaiting_since == call == medication.order(nurse.db, saved.record_id).awaiting_since
    assert telephone_orders.amended_from(nurse, saved.data)["telephone_at"] is None  # a new call, its own time
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == saved.record_id]
    assert ("Telephone order given 2026-11-28T02:00:00+01:00, read back to the prescriber; NOT countersigned by a "
            "doctor") in [note["text"] for note in request["note"]]
    clock.now = datetime.fromisoformat("2026-11-29T02:30+01:00")
    again = records.amend(nurse, saved.record_id, {**telephone_orders.amended_from(nurse, saved.data), "read_back": True,
                                                   "telephone_at": "2026-11-29T02:15+01:00", "max_doses_24h": 3},
                          "at most 3, by telephone")
    (item,) = telephone_orders.to_countersign(nurse)
    assert item.order.awaiting_since == call and item.overdue
    assert item.taken_by == "Hélène Lefèvre (nurse); changed by telephone 29/11 02:15: Hélène Lefèvre (nurse)"
    assert medication.order(nurse.db, again.record_id).awaiting_since == datetime.fromisoformat(
        "2026-11-29T02:15+01:00")


def test_a_mistyped_call_time_is_corrected_by_an_amendment(session_for, medication_ward, clock):
    """Typed 27/11 02:00 for 28/11 02:00, then amended to the right time: the amendment was a second
    call ("changed by telephone 28/11 02:00"), the list still counting from 27/11, overdue at once."""
    from datetime import datetime

    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T04:30+01:00")
    saved = records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "start_at": "2026-11-28T02:00+01:00",
                                                         "telephone_at": "2026-11-27T02:00+01:00"}, patient_id=patient)
    fixed = records.amend(nurse, saved.record_id, {**telephone_orders.amended_from(nurse, saved.data), "read_back": True,
                                                   "telephone_at": "2026-11-28T02:00+01:00"}, "call time mistyped")
    call = datetime.fromisoformat("2026-11-28T02:00+01:00")
    (item,) = telephone_orders.to_countersign(nurse)
    assert (item.order.awaiting_since, item.overdue, item.taken_by) == (call, False, "Hélène Lefèvre (nurse)")
    assert medication.order(nurse.db, fixed.record_id).awaiting_since == call
    records.amend(nurse, saved.record_id, {**telephone_orders.amended_from(nurse, fixed.data), "read_back": True,
                                           "telephone_at": "2026-11-28T04:00+01:00", "max_doses_24h": 3},
                  "at most 3, by telephone")
    (item,) = telephone_orders.to_countersign(nurse)
    assert item.order.awaiting_since == call  # a change is a call all the same, counted from the first
    assert item.taken_by == "Hélène Lefèvre (nurse); changed by telephone 28/11 04:00: Hélène Lefèvre (nurse)"


def test_an_overdue_telephone_order_is_not_made_in_date_by_moving_its_call_later(session_for, medication_ward, clock):
    """Given at 01:00 on 28/11, overdue at 06:00 the next day: its call "corrected" to 29/11 05:00,
    after its start, took it off the overdue list and the handover. Before its start, it is asked."""
    from datetime import datetime

    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T02:00+01:00")
    started = records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "start_at": "2026-11-28T01:00+01:00",
                                                           "telephone_at": "2026-11-28T01:00+01:00"}, patient_id=patient)
    planned = records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "drug": "Paracetamol",
                                                           "start_at": "2026-11-29T06:00+01:00",
                                                           "telephone_at": "2026-11-28T01:00+01:00"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T06:00+01:00")
    later = {"read_back": True, "telephone_at": "2026-11-29T05:00+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, started.record_id, {**telephone_orders.amended_from(nurse, started.data), **later}, "time")
    assert [error.path for error in refused.value.errors] == ["telephone_at"]
    moved = {**telephone_orders.amended_from(nurse, planned.data), **later}
    assert telephone_orders.call_doubt(nurse, moved, planned.data) == (
        "The call's time moves later, from 28/11/2026 01:00 to 29/11/2026 05:00: the 24 hours for a doctor's "
        "countersignature count from it. Is it the time the prescriber gave the order?")
    assert telephone_orders.call_doubt(nurse, {**moved, "max_doses_24h": 3}, planned.data) is None  # a later call
    assert [(item.order.drug, item.order.awaiting_since, item.overdue)
            for item in telephone_orders.to_countersign(nurse)] == [
        (drug, datetime.fromisoformat("2026-11-28T01:00+01:00"), True) for drug in (BY_TELEPHONE["drug"], "Paracetamol")]


def test_the_call_time_cannot_be_after_the_order_started(session_for, medication_ward, clock):
    """Start 01:00, the call given at 03:00: the order ran two hours before any prescriber gave it,
    and a dose charted at 01:30 raised no question."""
    from datetime import datetime

    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T04:30+01:00")
    given = {**BY_TELEPHONE, "start_at": "2026-11-28T01:00+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "medication_order", {**given, "telephone_at": "2026-11-28T03:00+01:00"},
                         patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "telephone_at", "“Given by telephone at” is after the order's start (28/11/2026 01:00): an order runs from "
                        "when the prescriber gave it. Correct the call's time, or the start.")]
    records.save_new(nurse, "medication_order", {**given, "telephone_at": "2026-11-28T01:00+01:00"}, patient_id=patient)


def test_a_call_time_more_than_a_day_before_the_typing_is_questioned(session_for, medication_ward, clock):
    """A year mistyped (28/11/2025 for 2026): at once "NOT COUNTERSIGNED for 8762 h (taken 28/11
    02:00)", nothing asked when it was typed, and no year said to see why."""
    from datetime import datetime

    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T04:30+01:00")
    typed = {**BY_TELEPHONE, "start_at": "2026-11-28T02:00+01:00", "telephone_at": "2025-11-28T02:00+01:00"}
    assert telephone_orders.call_doubt(nurse, typed, None) == (
        "The call was given on 28/11/2025 02:00, more than a day before now: the order is overdue for a doctor's "
        "countersignature at once. Is the date right?")
    assert telephone_orders.call_doubt(nurse, typed, typed) is None  # asked once, not of each amendment after
    assert telephone_orders.call_doubt(nurse, {**typed, "telephone_at": "2026-11-27T04:30+01:00"}, None) is None
    assert telephone_orders.call_doubt(nurse, {**typed, "telephone_at": None}, None) is None


def test_the_paper_order_has_a_place_for_the_call_s_time(tmp_path, forms):
    """A paper telephone order typed later had no call time to give: its 24 hours ran from the typing."""
    from datetime import datetime

    from downtime.pdf.forms import blank_form_pdf

    for lang, asked in (("en", "Given by telephone at"), ("fr", "Donnée par téléphone à")):
        out = blank_form_pdf(forms["medication_order"], tmp_path / f"blank-{lang}.pdf", lang=lang, printed_by=None,
                             printed_at=datetime.fromisoformat("2026-11-29T07:15+01:00"), device_name="3B")
        assert asked in " ".join(page.extract_text() for page in PdfReader(out).pages)
