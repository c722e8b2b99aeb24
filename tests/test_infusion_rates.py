"""A running infusion's rate changed, paused or its bag stopped (forms/infusion_rate.yaml,
services.infusion_rates): "VRIII 3 → 4 mL/h at 11:00, glucose 14.2" was refused as a dose "already
given", and could be written only by amending the order into a new prescription."""

from datetime import datetime

import pytest

from downtime.domain.records import RecordStatus
from downtime.services import infusion_rates, medication, records
from downtime.services.errors import ServiceError, ValidationFailed

FLUIDS = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
          "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00",
          "controlled": False, "high_alert": False}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _bag(nurse, order_id: str, at: str, rate: float = 125.0):
    return medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": at, "scheduled_for": at,
                                                     "dose_given": 1000.0, "route": "IV", "rate_ml_h": rate})


@pytest.fixture
def fluids_running(session_for, medication_ward, clock):
    """Saline 1 L at 125 mL/h each morning, its bag put up on 28/11 at 08:00; the clock at 12:00.
    Returns (nurse, patient id, order id, bag's dose)."""
    patient = medication_ward[0]
    order_id = records.save_new(session_for("doctor"), "medication_order", FLUIDS, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    bag = _bag(nurse, order_id, "2026-11-28T08:00+01:00")
    clock.now = _at("2026-11-28T12:00+01:00")
    return nurse, patient, order_id, bag


def _change(nurse, order_id: str, at: str, change: str = "rate", rate: float | None = 83.0,
            reason: str | None = "Crackles at both bases"):
    return infusion_rates.change_rate(nurse, order_id, {"changed_at": at, "change": change, "rate_ml_h": rate,
                                                        "reason": reason})


def _refused(nurse, order_id: str, at: str, change: str = "rate") -> tuple[str, str]:
    with pytest.raises(ValidationFailed) as refused:
        _change(nurse, order_id, at, change)
    return refused.value.errors[0].path, refused.value.errors[0].message


def test_a_bag_slowed_runs_at_its_new_rate_from_its_time(fluids_running):
    nurse, patient, order_id, bag = fluids_running
    saved = _change(nurse, order_id, "2026-11-28T11:00+01:00")
    assert saved.data["bag"] == bag.record_id and saved.patient_id == patient
    changes = infusion_rates.by_bag(nurse.db, [patient])[bag.record_id]
    dose = medication.administration_of(bag)
    assert infusion_rates.running_words(dose, changes, "en", None) == "running at 83 mL/h since 11:00 (Crackles at both bases)"
    assert infusion_rates.change_words(changes[0], dose.at, "en", None) == "→ 83 mL/h 11:00 (Crackles at both bases)"
    assert infusion_rates.running_words(dose, [], "fr", None) == "en cours à 125 mL/h depuis 08:00"


def test_a_bag_paused_then_restarted_then_stopped(fluids_running):
    nurse, patient, order_id, bag = fluids_running
    _change(nurse, order_id, "2026-11-28T09:00+01:00", "paused", None, "Cannula tissued")
    _change(nurse, order_id, "2026-11-28T10:00+01:00", "rate", 125.0, "New cannula")
    _change(nurse, order_id, "2026-11-28T11:30+01:00", "stopped", None, None)
    changes = infusion_rates.by_bag(nurse.db, [patient])[bag.record_id]
    dose = medication.administration_of(bag)
    assert [infusion_rates.change_words(change, dose.at, "en", None) for change in changes] == [
        "→ paused 09:00 (Cannula tissued)", "→ 125 mL/h 10:00 (New cannula)", "→ stopped 11:30"]
    assert infusion_rates.running_words(dose, changes, "en", None) == ""
    assert infusion_rates.running_bag(nurse.db, medication.order(nurse.db, order_id), _at("2026-11-28T12:00+01:00")) is None


def test_a_new_rate_says_why(fluids_running):
    nurse, _, order_id, _ = fluids_running
    with pytest.raises(ValidationFailed) as refused:
        _change(nurse, order_id, "2026-11-28T11:00+01:00", reason=None)
    assert refused.value.errors[0].path == "reason"


def test_a_change_before_the_bag_or_in_the_future_is_refused(fluids_running):
    nurse, _, order_id, _ = fluids_running
    assert _refused(nurse, order_id, "2026-11-28T12:30+01:00")[0] == "changed_at"
    # 07:30 is before the only bag, which was put up at 08:00: no bag was running then.
    assert _refused(nurse, order_id, "2026-11-28T07:30+01:00")[0] == "bag"


def test_a_change_after_the_bag_was_stopped_is_refused(fluids_running):
    nurse, _, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T10:00+01:00", "stopped", None, None)
    assert _refused(nurse, order_id, "2026-11-28T11:00+01:00")[0] == "bag"


def test_a_stop_before_a_change_already_recorded_is_refused(fluids_running):
    nurse, _, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T11:00+01:00")
    path, said = _refused(nurse, order_id, "2026-11-28T10:00+01:00", "stopped")
    assert path == "changed_at" and "11:00" in said


def test_a_stop_entered_in_error_lets_the_bag_run_on(fluids_running):
    nurse, _, order_id, _ = fluids_running
    stop = _change(nurse, order_id, "2026-11-28T10:00+01:00", "stopped", None, None)
    records.mark_entered_in_error(nurse, stop.record_id, "Wrong patient's pump")
    assert _change(nurse, order_id, "2026-11-28T11:00+01:00").data["change"] == "rate"


def test_the_rate_of_a_medicine_that_is_no_infusion_is_refused(fluids_running, medication_ward):
    nurse, _, _, _ = fluids_running
    path, said = _refused(nurse, medication_ward[1], "2026-11-28T11:00+01:00")
    assert path == "bag" and "Amoxicillin is not an infusion" in said


def test_the_next_bag_is_the_one_changed(fluids_running, clock):
    """A change typed for 09:00 after the next morning's bag is changed on the bag running at 09:00
    that day; one on the first bag, after the second was put up, is refused."""
    nurse, patient, order_id, first = fluids_running
    clock.now = _at("2026-11-29T08:05+01:00")
    second = _bag(nurse, order_id, "2026-11-29T08:00+01:00", 100.0)
    clock.now = _at("2026-11-29T10:00+01:00")
    assert _change(nurse, order_id, "2026-11-29T09:00+01:00").data["bag"] == second.record_id
    with pytest.raises(ValidationFailed) as refused:
        infusion_rates.check(nurse, patient, {"bag": first.record_id, "changed_at": "2026-11-29T09:30+01:00",
                                              "change": "rate", "rate_ml_h": 90.0, "reason": "x"})
    assert "put up at 08:00" in refused.value.errors[0].message


def test_a_change_after_the_order_was_stopped_only_stops_the_bag(fluids_running, session_for, clock):
    nurse, _, order_id, _ = fluids_running
    records.amend(session_for("doctor"), order_id, FLUIDS | {"stop_at": "2026-11-28T10:00+01:00"}, "Drinking well")
    assert _refused(nurse, order_id, "2026-11-28T11:00+01:00")[0] == "changed_at"
    assert _change(nurse, order_id, "2026-11-28T11:00+01:00", "stopped", None, None).data["change"] == "stopped"



def _mar_on_the_infusion(qtbot, nurse, patient):
    from downtime.qt.mar_view import MarView

    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):  # a mnemonic answers in the active window only
        view.show()
    line = next(number for number, (row, _) in enumerate(view.model.rows) if row.order.drug == FLUIDS["drug"])
    view.table.setCurrentIndex(view.model.index(line, 0))
    return view, line


def test_the_nurse_slows_the_bag_from_the_mar(qtbot, fluids_running):
    """Alt+F on the infusion's row, the new rate and the reading typed, Save: the chart writes the
    change after the bag's dose, and the medicine says what it runs at."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    nurse, patient, order_id, bag = fluids_running
    view, line = _mar_on_the_infusion(qtbot, nurse, patient)
    assert view.model.running[order_id] == "running at 125 mL/h since 08:00"
    QTest.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.rate_dialog is not None and view.rate_dialog.isVisible())
    dialog = view.rate_dialog
    assert "running at 125 mL/h since 08:00" in dialog.running.text()
    dialog.changed_at.setText("")
    QTest.keyClicks(dialog.changed_at, "11:00")
    QTest.keyClicks(dialog.rate, "83,5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Reading or reason" in dialog.error.text() and dialog.isVisible()  # asked, the dialog left open
    QTest.keyClicks(dialog.reason, "Crackles at both bases")
    with qtbot.waitSignal(dialog.recorded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (change,) = infusion_rates.by_bag(nurse.db, [patient])[bag.record_id]
    assert (change.rate_ml_h, change.at, change.reason) == (83.5, _at("2026-11-28T11:00+01:00"), "Crackles at both bases")
    day = view.model.days.index(_at("2026-11-28T08:00+01:00").date()) + 2
    assert "@125\u00a0mL/h → 83.5 mL/h 11:00" in view.model.text(line, day)
    assert "running at 83.5 mL/h since 11:00" in view.model.data(view.model.index(line, 0), Qt.ItemDataRole.ToolTipRole)


def test_the_rate_of_a_row_that_is_no_infusion_is_not_asked(qtbot, fluids_running, monkeypatch):
    from downtime.qt.prompts import Prompts

    nurse, patient, _, _ = fluids_running
    said = []
    monkeypatch.setattr(Prompts, "error", staticmethod(lambda parent, title, words: said.append(title)))
    view, _ = _mar_on_the_infusion(qtbot, nurse, patient)
    amoxicillin = next(number for number, (row, _) in enumerate(view.model.rows) if row.order.drug == "Amoxicillin")
    view.table.setCurrentIndex(view.model.index(amoxicillin, 0))
    view.rate_button.click()
    assert said == ["No infusion running"] and view.rate_dialog is None


def test_the_printed_mar_writes_each_change_under_the_bag(fluids_running, clock, tmp_path):
    """The chart printed for the night: the bag's dose, then "→ 83 mL/h 11:00" and its stop."""
    from dataclasses import replace
    from datetime import date

    from pypdf import PdfReader

    from downtime.pdf.mar import mar_pdf
    from downtime.services import printing

    nurse, patient, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T11:00+01:00")
    _change(nurse, order_id, "2026-11-28T11:45+01:00", "stopped", None, None)
    first = date(2026, 11, 28)
    (chart,) = printing.charts(nurse, [patient], first, 2)
    out = mar_pdf([replace(chart, rate_changes=infusion_rates.by_bag(nurse.db, [patient]))], tmp_path / "mar.pdf",
                  first_day=first, days=2, authors=printing.authors(nurse), laptops={},
                  order_form=nurse.form(medication.ORDER_FORM), dose_form=nurse.form(medication.DOSE_FORM), lang="en",
                  printed_by="Hélène Lefèvre", printed_at=clock.now, device_name="3B laptop")
    printed = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "@125 mL/h → 83 mL/h 11:00 (Crackles at both bases) → stopped 11:45" in printed


def _administrations(session_for, folder) -> dict[str, "MedicationAdministration"]:  # noqa: F821
    """The bundle's MedicationAdministrations, validated as R4, by record id (their identifier: one
    sent again is an update by it, without its id)."""
    import json

    from fhir.resources.R4B.medicationadministration import MedicationAdministration

    from downtime.sync.export import export
    from downtime.sync.fhir_codes import check_codes

    found = export(session_for("records"), folder).folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    ids = {entry["fullUrl"] for entry in bundle["entry"]}
    given = {entry["resource"]["identifier"][0]["value"]: MedicationAdministration.model_validate(entry["resource"])
             for entry in bundle["entry"] if entry["resource"]["resourceType"] == "MedicationAdministration"}
    assert all(found.partOf[0].reference in ids for found in given.values() if found.partOf)  # the bag is sent too
    return given


def test_each_change_goes_to_the_ehr_as_part_of_its_bag(session_for, fluids_running, clock, tmp_path):
    nurse, _, order_id, bag = fluids_running
    slowed = _change(nurse, order_id, "2026-11-28T11:00+01:00")
    sent = _administrations(session_for, tmp_path / "running")[slowed.record_id]
    assert (sent.status, sent.partOf[0].reference, sent.request.reference) == (
        "in-progress", f"urn:uuid:{bag.record_id}", f"urn:uuid:{order_id}")
    assert (sent.dosage.rateQuantity.value, sent.dosage.rateQuantity.code) == (83, "mL/h")
    assert sent.effectivePeriod.start.isoformat() == "2026-11-28T11:00:00+01:00" and sent.effectivePeriod.end is None
    assert sent.reasonCode[0].text == "Crackles at both bases" and sent.medicationCodeableConcept.text == FLUIDS["drug"]
    stop = _change(nurse, order_id, "2026-11-28T11:45+01:00", "stopped", None, None)
    sent = _administrations(session_for, tmp_path / "stopped")
    assert (sent[slowed.record_id].status, sent[slowed.record_id].effectivePeriod.end.isoformat()) == (
        "completed", "2026-11-28T11:45:00+01:00")
    assert (sent[stop.record_id].status, sent[stop.record_id].effectiveDateTime.isoformat()) == (
        "completed", "2026-11-28T11:45:00+01:00")
    records.mark_entered_in_error(nurse, stop.record_id, "Another patient's pump")
    sent = _administrations(session_for, tmp_path / "withdrawn")
    assert sent[stop.record_id].status == "entered-in-error" and sent[slowed.record_id].effectivePeriod.end is None

def test_a_change_amended_is_held_to_its_bag_as_when_recorded(fluids_running):
    nurse, _, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T11:00+01:00")
    stop = _change(nurse, order_id, "2026-11-28T11:45+01:00", "stopped", None, None)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, stop.record_id, {**stop.data, "changed_at": "2026-11-28T10:30+01:00"}, "Typed late")
    assert "11:00" in refused.value.errors[0].message
    with pytest.raises(ValidationFailed):
        records.amend(nurse, stop.record_id, {**stop.data, "bag": "another"}, "Wrong bag")
    moved = records.amend(nurse, stop.record_id, {**stop.data, "changed_at": "2026-11-28T11:50+01:00"}, "Typed late")
    assert moved.data["changed_at"].startswith("2026-11-28T11:50")


def test_the_printed_mar_of_the_ward_writes_the_changes(fluids_running, tmp_path):
    from pypdf import PdfReader

    from downtime.services import printing

    nurse, patient, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T11:00+01:00")
    out = printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=2)
    printed = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "@125 mL/h → 83 mL/h 11:00 (Crackles at both bases)" in printed


def _sent(session_for, folder, since_last: bool = False) -> dict:
    """The bundle's MedicationAdministrations as sent (plain JSON), by record id."""
    import json

    from downtime.sync.export import export

    found = export(session_for("records"), folder, since_last=since_last).folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    return {entry["resource"]["identifier"][0]["value"]: entry["resource"]
            for entry in bundle["entry"] if entry["resource"]["resourceType"] == "MedicationAdministration"}


def _printed(session, patient: str, folder, **days) -> str:
    from pypdf import PdfReader

    from downtime.services import printing

    out = printing.print_mar(session, [patient], folder / "mar.pdf", **days)
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)


def test_the_transfer_handover_says_the_rate_the_bag_runs_at(fluids_running):
    """Slowed from 125 to 83 mL/h at 11:00: the receiving nurse set the pump to the prescribed
    125, which the handover alone said; in full and in its short line alike."""
    from downtime.services import prefill

    nurse, patient, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T11:00+01:00", reason="APTT ratio 3.2")
    (full, short), = [line for line in prefill._treatments(nurse, patient, _at("2026-11-28T12:00+01:00"))
                      if "Sodium chloride" in line[0]]
    assert "— running at 83 mL/h since 11:00 (APTT ratio 3.2)" in full
    assert "— running at 83 mL/h since 11:00 (APTT ratio 3.2)" in short


def test_a_bag_withdrawn_takes_its_rate_changes_with_it(session_for, fluids_running, tmp_path):
    """The bag's dose charted on the wrong patient and withdrawn: its 11:00 change went to the EHR
    as given, part of a withdrawn dose, and stood on the chart."""
    nurse, patient, order_id, bag = fluids_running
    slowed = _change(nurse, order_id, "2026-11-28T11:00+01:00")
    medication.withdraw_dose(nurse, bag.record_id, "Charted on the wrong patient")
    assert infusion_rates.by_bag(nurse.db, [patient]) == {}
    withdrawn = records.current_of(nurse.db, [slowed.record_id])[slowed.record_id]
    assert (withdrawn.status, withdrawn.reason) == (RecordStatus.ENTERED_IN_ERROR, "Charted on the wrong patient")
    assert nurse.db.execute("SELECT COUNT(*) FROM audit JOIN records ON records.id = audit.entity_id WHERE "
                            "audit.action = 'record.entered_in_error' AND records.record_id = ?",
                            [slowed.record_id]).fetchone()[0] == 1
    assert _sent(session_for, tmp_path / "e")[slowed.record_id]["status"] == "entered-in-error"


def test_a_change_of_a_bag_withdrawn_elsewhere_goes_to_the_ehr_withdrawn(session_for, fluids_running, tmp_path):
    """The bag withdrawn on its own (as another laptop's withdrawal merged here leaves it, its
    change standing): the change, sent before, is sent again withdrawn with it."""
    nurse, _, order_id, bag = fluids_running
    slowed = _change(nurse, order_id, "2026-11-28T11:00+01:00")
    assert _sent(session_for, tmp_path / "first")[slowed.record_id]["status"] == "in-progress"
    records.mark_entered_in_error(nurse, bag.record_id, "Charted on the wrong patient", checked_by_service=True)
    assert _sent(session_for, tmp_path / "second", since_last=True)[slowed.record_id]["status"] == "entered-in-error"


def test_a_bag_stopped_leaves_its_time_for_the_bag_put_up_after_it(fluids_running):
    """The 08:00 bag tissued, stopped at 10:00, a new one put up at 10:30: recorded for the 08:00
    time, or for none, it was "already given" or "given 150 min before this one"."""
    nurse, _, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T10:00+01:00", "stopped", None, None)
    values = {"outcome": "given", "given_at": "2026-11-28T10:30+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
              "dose_given": 1000.0, "route": "IV", "rate_ml_h": 125.0}
    assert medication.check_dose(nurse, order_id, values) == []
    assert medication.check_dose(nurse, order_id, {**values, "scheduled_for": None}) == []
    assert [w.check.value for w in medication.check_dose(nurse, order_id, {**values, "given_at": "2026-11-28T09:30+01:00"})] \
        == ["already_given"]  # the first bag still up then


def test_a_rates_period_ends_at_the_next_bag_or_the_orders_stop(session_for, fluids_running, clock, tmp_path):
    """83 mL/h of the first bag went to the EHR open, "completed", beside the next morning's bag;
    a rate still running is in progress, a pause on hold."""
    nurse, _, order_id, _ = fluids_running
    slowed = _change(nurse, order_id, "2026-11-28T11:00+01:00")
    sent = _sent(session_for, tmp_path / "running")[slowed.record_id]
    assert (sent["status"], sent["effectivePeriod"]) == ("in-progress", {"start": "2026-11-28T11:00:00+01:00"})
    paused = _change(nurse, order_id, "2026-11-28T11:30+01:00", "paused", None, "Cannula tissued")
    assert _sent(session_for, tmp_path / "paused")[paused.record_id]["status"] == "on-hold"
    clock.now = _at("2026-11-29T08:05+01:00")
    _bag(nurse, order_id, "2026-11-29T08:00+01:00", 100.0)
    sent = _sent(session_for, tmp_path / "next", since_last=True)[paused.record_id]
    assert (sent["status"], sent["effectivePeriod"]["end"]) == ("completed", "2026-11-29T08:00:00+01:00")
    records.amend(session_for("doctor"), order_id, FLUIDS | {"stop_at": "2026-11-29T10:00+01:00"}, "Drinking well")
    clock.now = _at("2026-11-29T11:00+01:00")
    restarted = _change(nurse, order_id, "2026-11-29T09:00+01:00", rate=50.0)
    assert _sent(session_for, tmp_path / "stopped")[restarted.record_id]["effectivePeriod"]["end"] == \
        "2026-11-29T10:00:00+01:00"


def test_since_last_sends_again_a_change_whose_stop_was_withdrawn(session_for, fluids_running, tmp_path):
    """Slowed 11:00, stopped 11:45 and exported; the stop withdrawn (the wrong pump): the next stick
    since the last sent only the stop, and the EHR kept the 11:00 rate ended at 11:45."""
    nurse, _, order_id, _ = fluids_running
    slowed = _change(nurse, order_id, "2026-11-28T11:00+01:00")
    stop = _change(nurse, order_id, "2026-11-28T11:45+01:00", "stopped", None, None)
    _sent(session_for, tmp_path / "first")
    records.mark_entered_in_error(nurse, stop.record_id, "Another patient's pump")
    again = _sent(session_for, tmp_path / "second", since_last=True)
    assert again[slowed.record_id]["effectivePeriod"] == {"start": "2026-11-28T11:00:00+01:00"}


HEPARIN = FLUIDS | {"drug": "Heparin sodium 25,000 units in 50 mL", "dose": 50.0, "rate_ml_h": 2.0, "high_alert": True}


@pytest.fixture
def heparin_running(session_for, medication_ward, clock):
    """A high-alert heparin syringe at 2 mL/h, put up at 08:00 checked by the doctor's PIN."""
    patient = medication_ward[0]
    order_id = records.save_new(session_for("doctor"), "medication_order", HEPARIN, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                             "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 50.0,
                                             "route": "IV", "rate_ml_h": 2.0}, witness=("doctor", "2222"))
    clock.now = _at("2026-11-28T12:00+01:00")
    return nurse, patient, order_id


def test_a_high_alert_infusions_new_rate_is_checked_as_its_bag_was(heparin_running):
    """The bag needed a second checker's PIN; the nurse alone set its rate, 2 to 3 mL/h or a
    tenfold 20, with nothing asked."""
    from downtime.services.errors import ServiceError

    nurse, _, order_id = heparin_running
    values = {"changed_at": "2026-11-28T11:00+01:00", "change": "rate", "rate_ml_h": 3.0, "reason": "APTT ratio 1.2"}
    with pytest.raises(ServiceError) as alone:
        infusion_rates.change_rate(nurse, order_id, values)
    assert "second nurse or doctor must check" in str(alone.value)
    before = nurse.db.execute("SELECT MAX(seq) FROM audit").fetchone()[0]
    saved = infusion_rates.change_rate(nurse, order_id, values, witness=("doctor", "2222"))
    assert saved.data["witness"] == "doctor"
    assert [row[0] for row in nurse.db.execute("SELECT action FROM audit WHERE seq > ? ORDER BY seq", [before])] == [
        "record.create", "second_check.confirm"]
    # A pause is no rate to check: the pump on hold is asked no PIN.
    assert infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:30+01:00", "change": "paused",
                                                        "reason": "Bleeding at the line"}).data["change"] == "paused"


def test_a_rate_over_twice_the_orders_asks_why(fluids_running):
    """125 mL/h prescribed: 150 is taken, 300 asked why (the tenfold slip, the doubled rate), and
    so is 250 for the patient's 61.5 kg, above twice an adult's maintenance (domain.adult_fluids)."""
    nurse, _, order_id, _ = fluids_running
    assert _change(nurse, order_id, "2026-11-28T10:00+01:00", rate=150.0).data["rate_ml_h"] == 150.0
    with pytest.raises(ValidationFailed) as refused:
        _change(nurse, order_id, "2026-11-28T10:30+01:00", rate=250.0)
    assert refused.value.errors[0].message.startswith(
        "250 mL/h is 6000 mL a day, above 2 times an adult's routine maintenance for 61.5 kg (153.8 mL/h: 25-30 mL/kg "
        "a day, NICE CG174;")
    with pytest.raises(ValidationFailed) as refused:
        _change(nurse, order_id, "2026-11-28T11:00+01:00", rate=300.0)
    assert refused.value.errors[0].path == "above_order"
    assert "300 mL/h is over 2 times the prescribed 125 mL/h" in refused.value.errors[0].message
    saved = infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:00+01:00", "change": "rate",
                                                         "rate_ml_h": 300.0, "reason": "BP 85/50",
                                                         "above_order": "Fluid challenge, Dr Benali"})
    assert saved.data["above_order"] == "Fluid challenge, Dr Benali"


def test_the_checker_signs_the_new_rate_in_the_dialog(qtbot, heparin_running):
    """The rate dialog of a high-alert heparin has the dose dialog's second-check rows: Save
    without the checker's PIN says so without trying it; with it, the rate is recorded checked."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from downtime.qt.rate_dialog import RateDialog

    nurse, patient, order_id = heparin_running
    order = medication.order(nurse.db, order_id)
    dialog = RateDialog(nurse, order, infusion_rates.running_bag(nurse.db, order, nurse.clock()))
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.rate, "3")
    QTest.keyClicks(dialog.reason, "APTT ratio 1.2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "second nurse or doctor must check" in dialog.error.text() and dialog.isVisible()
    QTest.keyClicks(dialog.witness_id, "doctor")
    QTest.keyClick(dialog.witness_id, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.witness_pin  # Enter goes to the PIN, never tries an empty one
    QTest.keyClicks(dialog.witness_pin, "2222")
    with qtbot.waitSignal(dialog.recorded) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (saved.args[0].data["rate_ml_h"], saved.args[0].data["witness"]) == (3.0, "doctor")


@pytest.mark.parametrize("typed, said", [("1.000", "“New rate”: write 1000 or 1: no thousands separator."),
                                         ("5.000", None)])
def test_a_new_rate_typed_with_three_zeros_after_its_point_names_both_readings_or_the_one_it_can_be(
        qtbot, fluids_running, typed, said):
    """"1.000" mL/h was refused with "New rate: write it as a number of mL/h.", which the nurse
    had. Both its readings fit the box and are named; "5.000" is 5 mL/h, 5,000 past the box's most."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from downtime.qt.rate_dialog import RateDialog

    nurse, _, order_id, _ = fluids_running
    order = medication.order(nurse.db, order_id)
    dialog = RateDialog(nurse, order, infusion_rates.running_bag(nurse.db, order, nurse.clock()))
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.rate, typed)
    QTest.keyClicks(dialog.reason, "Crackles at both bases")
    if said is not None:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == said and dialog.isVisible()
        return
    with qtbot.waitSignal(dialog.recorded) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].data["rate_ml_h"] == 5.0


def test_the_reading_each_rate_was_set_on_is_printed(fluids_running, tmp_path):
    nurse, patient, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T11:00+01:00", reason="APTT ratio 3.2")
    assert "→ 83 mL/h 11:00 (APTT ratio 3.2)" in _printed(nurse, patient, tmp_path, days=2)


def test_an_order_stopped_with_its_bag_up_says_to_stop_the_bag(fluids_running, session_for):
    nurse, _, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T09:00+01:00", reason="Crackles")
    records.amend(session_for("doctor"), order_id, FLUIDS | {"stop_at": "2026-11-28T10:00+01:00"}, "Drinking well")
    said = infusion_rates.running(nurse.db, [medication.order(nurse.db, order_id)], _at("2026-11-28T12:00+01:00"), "en")
    assert said == {order_id: "running at 83 mL/h since 09:00 (Crackles) — order stopped 10:00: stop the bag"}


def test_a_change_after_midnight_prints_in_its_own_days_column(fluids_running, clock, tmp_path):
    """Slowed to 40 mL/h at 12:00, to 20 at 02:00 next morning: the 02:00 change printed under the
    bag in the day before's column, and today's sheet said nothing of the pump."""
    from datetime import date

    nurse, patient, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T12:00+01:00", rate=40.0, reason="slow")
    clock.now = _at("2026-11-29T06:00+01:00")
    _change(nurse, order_id, "2026-11-29T02:00+01:00", rate=20.0, reason="glucose 4.1")
    today = _printed(nurse, patient, tmp_path, days=1, first_day=date(2026, 11, 29))
    assert ("bag of 28/11 08:00: running at 40 mL/h since 28/11 12:00 (slow) → 20 mL/h 02:00 (glucose 4.1)"
            in today)
    both = _printed(nurse, patient, tmp_path, days=2, first_day=date(2026, 11, 28))
    assert "→ 40 mL/h 12:00 (slow) Sun" not in both and "29/11 02:00" not in both


def test_the_fluid_chart_offers_what_a_stopped_bag_ran_in(fluids_running):
    """A litre at 125 mL/h from 08:00, slowed to 50 at 09:00, stopped at 10:00: 175 mL ran in,
    and the fluid chart offered the litre."""
    from datetime import date

    from downtime.services import fluid_balance

    nurse, patient, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T09:00+01:00", rate=50.0)
    _change(nurse, order_id, "2026-11-28T10:00+01:00", "stopped", None, None)
    (given,) = fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28))
    assert given.answers()["volume"] == 175
    assert given.text("en") == "08:00 Sodium chloride 0.9% 175 mL (bag stopped 10:00: what its rates ran in)"


def test_the_fluid_chart_asks_the_pump_of_a_stopped_bag_whose_rate_is_not_known(session_for, medication_ward, clock):
    """A bag recorded with no rate (as the app wrote it before services.medication.record_dose gave
    a bag the order's), stopped at 10:00: what ran in is not known here, and the litre was offered
    whole."""
    from datetime import date

    from downtime.services import fluid_balance

    patient = medication_ward[0]
    order_id = records.save_new(session_for("doctor"), "medication_order", FLUIDS, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    records.save_new(nurse, medication.DOSE_FORM, {
        "order": order_id, "outcome": "given", "given_at": "2026-11-28T08:00+01:00",
        "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1000.0, "route": "IV"}, patient_id=patient,
        checked_by_service=True)
    clock.now = _at("2026-11-28T12:00+01:00")
    _change(nurse, order_id, "2026-11-28T10:00+01:00", "stopped", None, None)
    (given,) = fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28))
    assert "volume" not in given.answers()
    assert given.text("fr") == ("08:00 Sodium chloride 0.9% (poche arrêtée à 10:00 : relever sur la pompe le volume "
                                "passé)")


GENTAMICIN = {"drug": "Gentamicin 360 mg in sodium chloride 0.9% 100 mL", "dose": 100.0, "dose_unit": "mL",
              "strength_mg": 360.0, "strength_ml": 100.0, "review_at": "2026-11-30T08:00+01:00",
              "route": "IV", "form": "infusion", "rate_ml_h": 200.0, "frequency": "scheduled", "times": "08:00",
              "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": False}


def _put_up(session_for, medication_ward, clock, order: dict, given_at: str, scheduled: str | None):
    """`order` written, its bag put up at `given_at` (for the `scheduled` time); (nurse, order id)."""
    order_id = records.save_new(session_for("doctor"), "medication_order", order,
                                patient_id=medication_ward[0]).record_id
    nurse = session_for("nurse")
    clock.now = _at(given_at)
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": given_at, "scheduled_for": scheduled,
                                             "dose_given": order["dose"], "route": "IV",
                                             "rate_ml_h": order["rate_ml_h"]} | ({"given_for": "pain"}
                                                                                 if scheduled is None else {}))
    return nurse, order_id


def test_a_bag_taken_down_after_it_ran_through_is_still_a_dose_given(session_for, medication_ward, clock):
    """Once-daily gentamicin, 100 mL at 200 mL/h put up at 08:00, its empty bag taken down and
    recorded "stopped" at 08:35: at 11:00 a second nurse going to give the 08:00 dose was told
    nothing, every stopped bag left out of the doses given (a second aminoglycoside dose)."""
    nurse, order_id = _put_up(session_for, medication_ward, clock, GENTAMICIN, "2026-11-28T08:00+01:00",
                              "2026-11-28T08:00+01:00")
    clock.now = _at("2026-11-28T08:40+01:00")
    _change(nurse, order_id, "2026-11-28T08:35+01:00", "stopped", None, None)
    clock.now = _at("2026-11-28T11:00+01:00")
    values = {"outcome": "given", "given_at": "2026-11-28T11:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
              "dose_given": 100.0, "route": "IV", "rate_ml_h": 200.0}
    assert "already_given" in [w.check.value for w in medication.check_dose(nurse, order_id, values)]
    # and, a second 360 mg in 3 hours, above an adult's 7 mg/kg of gentamicin in 24 h
    assert [w.check.value for w in medication.check_dose(nurse, order_id, {**values, "scheduled_for": None})] \
        == ["dose_spacing", "maximum_dose"]
    found = medication.order(nurse.db, order_id)
    assert infusion_rates.stopped_bags(nurse.db, found, _at("2026-11-28T11:00+01:00")) == set()


def test_a_bag_stopped_at_nine_tenths_ran_through_and_under_it_was_replaced(fluids_running, clock):
    """The margin: 1 L at 125 mL/h has run 900 mL at 15:12; stopped then it was given, stopped a
    minute before it is a bag taken down early whose time is open for the next."""
    nurse, _, order_id, bag = fluids_running
    found = medication.order(nurse.db, order_id)
    stop = _change(nurse, order_id, "2026-11-28T11:00+01:00", "stopped", None, None)
    assert infusion_rates.stopped_bags(nurse.db, found, _at("2026-11-28T12:00+01:00")) == {bag.record_id}
    clock.now = _at("2026-11-28T16:00+01:00")
    records.amend(nurse, stop.record_id, {**stop.data, "changed_at": "2026-11-28T15:11+01:00"}, "wrong time")
    assert infusion_rates.stopped_bags(nurse.db, found, _at("2026-11-28T16:00+01:00")) == {bag.record_id}
    records.amend(nurse, stop.record_id, {**stop.data, "changed_at": "2026-11-28T15:12+01:00"}, "wrong time")
    assert infusion_rates.stopped_bags(nurse.db, found, _at("2026-11-28T16:00+01:00")) == set()


def test_an_as_required_bag_stopped_early_still_counts_to_its_interval(session_for, medication_ward, clock):
    """IV paracetamol as required every 4 hours, its bag stopped at 10 minutes (line lost): a bag
    put up at 09:00 is an hour after it, and counts to its four a day."""
    paracetamol = {"drug": "Paracetamol 1 g in 100 mL", "dose": 100.0, "dose_unit": "mL", "route": "IV",
                   "strength_mg": 1000.0, "strength_ml": 100.0, "form": "infusion", "rate_ml_h": 400.0, "frequency": "prn", "prn_indication": "pain",
                   "min_interval_hours": 4, "max_doses_24h": 4, "start_at": "2026-11-28T07:00+01:00",
                   "controlled": False, "high_alert": False}
    nurse, order_id = _put_up(session_for, medication_ward, clock, paracetamol, "2026-11-28T08:00+01:00", None)
    clock.now = _at("2026-11-28T08:20+01:00")
    _change(nurse, order_id, "2026-11-28T08:10+01:00", "stopped", None, "Line lost")
    clock.now = _at("2026-11-28T09:00+01:00")
    said = medication.check_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T09:00+01:00",
                                                   "dose_given": 100.0, "route": "IV", "rate_ml_h": 400.0,
                                                   "given_for": "pain"})
    assert "prn_interval" in [w.check.value for w in said]


def test_a_bag_that_ran_through_hours_ago_is_not_said_running(fluids_running, clock, tmp_path):
    """A litre at 125 mL/h put up on 28/11 at 08:00, empty at 16:00, never recorded taken down (the
    paper chart never asked it): at 07:00 next morning the handover, the MAR and the round read
    "running at 125 mL/h since 08:00", a drip still up, and the next day's printed column too."""
    from datetime import date

    nurse, patient, order_id, _ = fluids_running
    found = medication.order(nurse.db, order_id)
    assert infusion_rates.running(nurse.db, [found], _at("2026-11-28T15:59+01:00"), "en") == {
        order_id: "running at 125 mL/h since 08:00"}
    said = "should have run out at 28/11 16:00: record the next syringe or bag, or its stop"
    assert infusion_rates.running(nurse.db, [found], _at("2026-11-29T07:00+01:00"), "en") == {order_id: said}
    assert infusion_rates.running(nurse.db, [found], _at("2026-11-28T16:00+01:00"), "en") == {
        order_id: "should have run out at 16:00: record the next syringe or bag, or its stop"}
    clock.now = _at("2026-11-29T07:00+01:00")
    assert f"bag of 28/11 08:00: {said}" in _printed(nurse, patient, tmp_path, days=1, first_day=date(2026, 11, 29))


def test_a_rate_set_on_another_day_than_it_is_read_carries_its_date(fluids_running):
    """Slowed to 10 mL/h at 11:00 (its litre lasts days), read at 07:00 next morning: "since 11:00"
    was taken for that morning's; a bag paused likewise."""
    nurse, _, order_id, _ = fluids_running
    found = medication.order(nurse.db, order_id)
    _change(nurse, order_id, "2026-11-28T11:00+01:00", rate=10.0, reason="Crackles")
    assert infusion_rates.running(nurse.db, [found], _at("2026-11-29T07:00+01:00"), "en") == {
        order_id: "running at 10 mL/h since 28/11 11:00 (Crackles)"}
    _change(nurse, order_id, "2026-11-28T11:30+01:00", "paused", None, "Line blocked")
    assert infusion_rates.running(nurse.db, [found], _at("2026-11-29T07:00+01:00"), "en") == {
        order_id: "paused since 28/11 11:30 (Line blocked)"}


def test_an_amended_rate_is_not_signed_by_a_checker_who_never_checked_it(heparin_running):
    """3 mL/h checked by the doctor's PIN, "corrected" alone to 30: saved with no PIN and no
    reason, still naming the doctor as its checker; a pause turned by amendment into 20 mL/h
    likewise asked no check. The reading amended, the rate left, keeps its check."""
    nurse, _, order_id = heparin_running
    saved = infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:00+01:00", "change": "rate",
                                                         "rate_ml_h": 3.0, "reason": "APTT ratio 1.2"},
                                       witness=("doctor", "2222"))
    for values in ({**saved.data, "rate_ml_h": 30.0}, {**saved.data, "rate_ml_h": 3.5},
                   {**saved.data, "rate_ml_h": 3.5, "witness": None}):
        with pytest.raises(ValidationFailed) as refused:
            records.amend(nurse, saved.record_id, values, "typo")
        assert refused.value.errors[0].path == "rate_ml_h"
        assert "a second check is signed with the checker's PIN" in refused.value.errors[0].message
    assert records.amend(nurse, saved.record_id, {**saved.data, "reason": "APTT ratio 1.3"}, "misread").data[
        "witness"] == "doctor"
    paused = infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:30+01:00", "change": "paused",
                                                          "reason": "line blocked"})
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, paused.record_id, {**paused.data, "change": "rate", "rate_ml_h": 20.0}, "was a new rate")
    assert refused.value.errors[0].path == "rate_ml_h"


def test_a_rate_amended_over_twice_the_orders_asks_why(fluids_running):
    """83 mL/h amended to 300 (the tenfold slip made in the correction) was saved with nothing asked;
    nor may an amendment name a checker, who signs with their PIN."""
    nurse, _, order_id, _ = fluids_running
    saved = _change(nurse, order_id, "2026-11-28T11:00+01:00")
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, {**saved.data, "rate_ml_h": 300.0}, "typo")
    assert refused.value.errors[0].path == "above_order"
    amended = records.amend(nurse, saved.record_id, {**saved.data, "rate_ml_h": 300.0,
                                                     "above_order": "Fluid challenge, Dr Benali"}, "typo")
    assert amended.data["rate_ml_h"] == 300.0
    with pytest.raises(ValidationFailed) as named:
        records.amend(nurse, saved.record_id, {**amended.data, "witness": "doctor"}, "checked it")
    assert named.value.errors[0].path == "witness"


def test_the_dialog_says_a_bag_should_have_run_through(fluids_running, clock, qtbot):
    """Opened at 07:00 next morning to take the litre of the day before down, the dialog said "Bag
    put up 28/11 08:00: running at 125 mL/h since 08:00"."""
    from downtime.qt.rate_dialog import RateDialog

    nurse, _, order_id, _ = fluids_running
    clock.now = _at("2026-11-29T07:00+01:00")
    order = medication.order(nurse.db, order_id)
    dialog = RateDialog(nurse, order, infusion_rates.running_bag(nurse.db, order, nurse.clock()))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.running.text() == ("Bag put up 28/11 08:00: should have run out at 28/11 16:00: record the next "
                                     "syringe or bag, or its stop")


@pytest.fixture
def syringe_running(session_for, medication_ward, clock):
    """A morphine 10 mg/24 h syringe driver at 0.7 mL/h set up at 10:00, witnessed; the clock at
    13:30. Returns (nurse, patient id, order id)."""
    from downtime.services import cd_register

    patient, witness = medication_ward[0], ("doctor", "2222")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = _at("2026-11-28T09:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=witness)
    driver = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 10.0, "dose_unit": "mg", "route": "SC", "form": "infusion", "rate_ml_h": 0.7,
        "frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T10:00+01:00", "controlled": True,
        "high_alert": True}, patient_id=patient).record_id
    clock.now = _at("2026-11-28T10:05+01:00")
    medication.record_dose(nurse, driver, {"outcome": "given", "given_at": "2026-11-28T10:00+01:00",
                                           "scheduled_for": "2026-11-28T10:00+01:00", "dose_given": 10.0,
                                           "route": "SC"}, witness=witness, overrides={"allergy": "not hers"})
    clock.now = _at("2026-11-28T13:30+01:00")
    return nurse, patient, driver


@pytest.fixture
def syringe_at_death(syringe_running):
    """`syringe_running`, the patient dead at 13:00, recorded at 13:30, the body not gone yet."""
    from tests.conftest import death_answers

    nurse, patient, driver = syringe_running
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True}, patient_id=patient)
    return nurse, patient, driver


def test_a_syringe_driver_running_at_a_death_is_charted_stopped_at_last_offices(syringe_at_death, clock):
    """Taken down at 13:20, after the 13:00 death: refused as "not in hospital at that time", while
    the chart said "stop the bag" for ever. Only its stop is taken after the death: a new rate is not."""
    nurse, _, driver = syringe_at_death
    with pytest.raises(ServiceError, match="not in hospital at that time"):
        infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T13:10+01:00", "change": "rate",
                                                   "rate_ml_h": 0.5, "reason": "Agitated"}, witness=("doctor", "2222"))
    stopped = _change(nurse, driver, "2026-11-28T13:20+01:00", "stopped", None, "Patient died 13:00")
    assert stopped.data["change"] == "stopped"


def test_a_stop_after_the_body_left_the_ward_is_refused(syringe_at_death, clock):
    nurse, patient, driver = syringe_at_death
    (death,) = records.list_current(nurse.db, form_id="death", patient_ids=[patient])
    clock.now = _at("2026-11-28T15:00+01:00")
    records.amend(nurse, death.record_id, {**death.data, "left_ward_at": "2026-11-28T14:00+01:00"}, "Body gone")
    with pytest.raises(ServiceError, match="not in hospital at that time"):
        _change(nurse, driver, "2026-11-28T14:30+01:00", "stopped", None)
    assert _change(nurse, driver, "2026-11-28T13:50+01:00", "stopped", None).data["change"] == "stopped"


def test_a_bag_reads_stopped_at_the_end_of_its_stay(syringe_at_death):
    """At 15:00, and the next morning ("running at 0.7 mL/h since 28/11 10:00 — order stopped 28/11
    13:00: stop the bag"), the syringe of a patient dead at 13:00 read as still running."""
    nurse, patient, driver = syringe_at_death
    for at in (_at("2026-11-28T15:00+01:00"), _at("2026-11-29T08:00+01:00")):
        assert infusion_rates.running_bag(nurse.db, medication.order(nurse.db, driver), at) is None
        assert infusion_rates.running(nurse.db, medication.orders(nurse.db, patient, at), at, "en") == {}
    assert infusion_rates.running(nurse.db, [medication.order(nurse.db, driver)], _at("2026-11-28T12:00+01:00"),
                                  "en") == {driver: "running at 0.7 mL/h since 10:00"}


def test_a_syringe_driver_up_at_a_death_is_a_task_until_its_stop_is_charted(syringe_at_death, clock):
    """The death's save asked once of the syringe driver still running; after it the chart no longer
    read the bag, and a stop never charted, the morphine left in it destroyed by no one, was asked
    of no one. It stays one of the death's tasks until its stop is charted, and then until what was
    left in it is recorded destroyed (see test_death_infusion_tasks)."""
    nurse, patient, driver = syringe_at_death
    died = _at("2026-11-28T13:00+01:00")
    clock.now = _at("2026-11-29T08:00+01:00")
    destroy = ("Morphine is a controlled drug: once it is taken down, destroy what is left in the syringe or bag with "
               "a witness, in the controlled drugs register")
    assert [up.said for up in infusion_rates.up_at_leaving(nurse.db, patient, died, "en", died=True)] == [
        f"Morphine: up at the death, never charted stopped: chart its stop; {destroy}"]
    _change(nurse, driver, "2026-11-28T13:20+01:00", "stopped", None, "Patient died 13:00")
    assert [up.said for up in infusion_rates.up_at_leaving(nurse.db, patient, died, "en", died=True)] == [
        f"Morphine: taken down 13:20; {destroy}"]


def test_the_time_of_death_corrected_earlier_keeps_a_stop_taken_at_last_offices(syringe_running, clock):
    """Found at 13:30, the driver taken down at 13:25, the death recorded at 13:30 and put at 13:15
    by the doctor verifying it: the correction was refused ("Infusion rate change of 13:25 would
    then fall outside the patient's stay"), and the controlled drug's stop had to be withdrawn. A
    rate charted while alive is still named, with its medicine, when the death is put before it."""
    from tests.conftest import death_answers

    nurse, patient, driver = syringe_running
    infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T13:10+01:00", "change": "rate",
                                               "rate_ml_h": 0.5, "reason": "Agitated"}, witness=("doctor", "2222"))
    _change(nurse, driver, "2026-11-28T13:25+01:00", "stopped", None, "Found not breathing")
    clock.now = _at("2026-11-28T13:40+01:00")
    death = records.save_new(nurse, "death", {**death_answers("2026-11-28T13:30+01:00"), "verified_by": "Dr B",
                                              "expected": True, "family_informed": True}, patient_id=patient)
    clock.now = _at("2026-11-28T14:30+01:00")
    corrected = records.amend(nurse, death.record_id, {**death.data, "died_at": "2026-11-28T13:15+01:00"},
                              "Time of death as the doctor verified it")
    assert corrected.data["died_at"] == "2026-11-28T13:15+01:00"
    with pytest.raises(ServiceError, match=r"Date and time of death: Infusion rate change \(Morphine\) of "
                                           r"28/11/2026 13:10 would then fall outside the patient's stay"):
        records.amend(nurse, death.record_id, {**corrected.data, "died_at": "2026-11-28T13:00+01:00"},
                      "Time of death as the doctor verified it")


def test_the_body_left_before_a_stop_already_charted_is_refused(syringe_at_death, clock):
    """Stopped at 13:20 (death at 13:00), then the body recorded leaving at 13:10: taken, though the
    stop typed after it is refused, and the chart and the register kept a stop charted on a body
    already at the mortuary."""
    nurse, patient, driver = syringe_at_death
    _change(nurse, driver, "2026-11-28T13:20+01:00", "stopped", None, "Patient died 13:00")
    (death,) = records.list_current(nurse.db, form_id="death", patient_ids=[patient])
    clock.now = _at("2026-11-28T15:00+01:00")
    with pytest.raises(ServiceError, match=r"Body left the ward \(to the mortuary\) at: Infusion rate change "
                                           r"\(Morphine\) of 28/11/2026 13:20 would then be after the body left"):
        records.amend(nurse, death.record_id, {**death.data, "left_ward_at": "2026-11-28T13:10+01:00"}, "Body gone")
    assert records.amend(nurse, death.record_id, {**death.data, "left_ward_at": "2026-11-28T13:20+01:00"},
                         "Body gone").data["left_ward_at"] == "2026-11-28T13:20+01:00"


def test_a_bag_run_through_before_the_death_is_not_said_up_at_it(session_for, medication_ward, clock):
    """1 L at 125 mL/h from 08:00, the chart reading "should have run out at 16:00", the
    patient dead at 23:00: the death's task said "up at the death", and for a controlled drug's
    bag "destroy what is left", though nothing was. The task stays, in the chart's words."""
    from downtime.services import cd_register
    from tests.conftest import death_answers

    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    saline = records.save_new(doctor, "medication_order", FLUIDS, patient_id=patient).record_id
    ketamine = records.save_new(doctor, "medication_order", {**FLUIDS, "drug": "Ketamine", "dose": 50.0,
                                                             "rate_ml_h": 2.0, "controlled": True},
                                patient_id=patient).record_id
    clock.now = _at("2026-11-28T08:05+01:00")
    cd_register.cd_receive(nurse, "3B", "Ketamine", "mL", 100, witness=("doctor", "2222"))
    _bag(nurse, saline, "2026-11-28T08:00+01:00")
    medication.record_dose(nurse, ketamine, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                             "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 50.0,
                                             "route": "IV", "rate_ml_h": 2.0}, witness=("doctor", "2222"))
    clock.now = _at("2026-11-28T23:30+01:00")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T23:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True}, patient_id=patient)
    died = _at("2026-11-28T23:00+01:00")
    assert sorted([up.said for up in infusion_rates.up_at_leaving(nurse.db, patient, died, "en", died=True)]) == [
        "Ketamine: up at the death, never charted stopped: chart its stop; Ketamine is a controlled drug: once it is "
        "taken down, destroy what is left in the syringe or bag with a witness, in the controlled drugs register",
        "Sodium chloride 0.9%: ran through before the death (at 16:00), never charted stopped: chart its end"]
