"""Nothing through a nasogastric tube whose position is not confirmed (NPSA/2011/PSA002; NHS
Improvement NHS/PSA/RE/2016/006: a Never Event): a dose by NG while the line chart says the tube's
position is not confirmed is asked, given over only with a reason kept under "ng_position"; not a
dose typed from the paper chart, nor one by another route, nor once a check confirms the position;
no tube charted is said by the dose dialog, not asked; a feed charted on the fluid chart through an
unconfirmed tube asks the nurse (services.devices.feed_asks), not one through a gastrostomy; the
MAR's order box and the round's flags say it; the admission's diet records a patient fed by tube.
The tests' clock is 14:00 on 28/11 (Paris)."""

import json

from fhir.resources.R4B.nutritionorder import NutritionOrder
import pytest

from downtime.domain.medication import Check
from downtime.services import census, devices, medication, printing, records
from downtime.storage.records import current
from downtime.sync.export import export
from tests.pdf_text import pdf_text

TUBE = {"checked_at": "2026-11-28T10:00+01:00", "event": "inserted", "device": "nasogastric", "site": "Left nostril",
        "size": "Ch 12", "next_in": "8", "position_by": "not_confirmed", "mark_cm": 55.0}
CONFIRMED = {**TUBE, "checked_at": "2026-11-28T13:30+01:00", "event": "checked", "site_state": "clean",
             "still_needed": True, "position_by": "ph", "ph": 4.5}
PEG = {"checked_at": "2026-11-28T10:00+01:00", "event": "inserted", "device": "other", "site": "Abdomen",
       "next_in": "24", "notes": "PEG (gastrostomy)"}
LEVODOPA = {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "NG", "frequency": "scheduled",
            "times": "08:00 14:00", "start_at": "2026-11-28T07:30+01:00", "controlled": False, "high_alert": False,
            "time_critical": True}
GIVEN = {"outcome": "given", "dose_given": 1.0, "route": "NG", "scheduled_for": "2026-11-28T14:00+01:00",
         "given_at": "2026-11-28T14:00+01:00"}
FEED = {"measured_at": "2026-11-28T13:00+01:00", "route": "in_enteral", "volume": 500, "what": "Jevity 1.0"}
ASKED = ("Co-careldopa 25/100 is recorded given by nasogastric tube at 14:00, and the tube's position is not "
         "confirmed on the line chart (Left nostril, checked 10:00): through a misplaced tube it goes into the lungs. "
         "Confirm the position now (aspirate pH 5.5 or below, or an X-ray read by a doctor) and chart it on the Lines "
         "and catheters tab; if it was confirmed before this dose, say how in the reason.")


@pytest.fixture
def levodopa(session_for, medication_ward):
    """The patient of `medication_ward` with co-careldopa by NG tube: (patient id, order id)."""
    patient = medication_ward[0]
    return patient, records.save_new(session_for("doctor"), "medication_order", LEVODOPA,
                                     patient_id=patient).record_id


def _asked(nurse, order_id, values=GIVEN):
    return [one for one in medication.check_dose(nurse, order_id, values) if one.check is Check.NG_POSITION]


def test_a_dose_by_an_unconfirmed_tube_is_asked_and_given_over_only_with_a_reason(session_for, levodopa):
    patient, order = levodopa
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, TUBE, patient_id=patient)
    with pytest.raises(medication.OverrideNeeded) as asked:
        medication.record_dose(nurse, order, GIVEN)
    assert [warning.message for warning in asked.value.warnings if warning.check is Check.NG_POSITION] == [ASKED]
    (french,) = _asked(session_for("nurse", "fr"), order)
    assert french.text("fr").startswith("Co-careldopa 25/100 est noté administré par sonde nasogastrique à 14:00")
    assert "pH de l’aspiration 5,5 ou moins" in french.text("fr")
    saved = medication.record_dose(nurse, order, GIVEN, overrides={Check.NG_POSITION: "pH 4 at 13:55, chart to follow"})
    assert saved.data["overrides"] == [{"check": "ng_position", "reason": "pH 4 at 13:55, chart to follow"}]
    label = {option.code: option.label for option in nurse.form("medication_administration").field(
        "overrides").fields[0].options}["ng_position"]
    assert (label.get("en"), label.get("fr")) == ("Given by NG tube, position not charted as confirmed",
                                                  "Donné par SNG, vérification de position non notée")


def test_a_dose_is_not_asked_once_confirmed_nor_from_paper_nor_by_another_route(session_for, levodopa):
    patient, order = levodopa
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, TUBE, patient_id=patient)
    assert _asked(nurse, order, {**GIVEN, "transcribed": True, "given_by": "nurse"}) == []
    assert _asked(nurse, order, {**GIVEN, "route": "PO"}) == []
    assert _asked(nurse, order, {"outcome": "not_given", "not_given_reason": "refused",
                                 "scheduled_for": "2026-11-28T14:00+01:00", "given_at": "2026-11-28T14:00+01:00"}) == []
    # The check confirming it was charted after the dose it would answer: that dose is asked still.
    records.save_new(nurse, devices.FORM, {**CONFIRMED, "checked_at": "2026-11-28T13:50+01:00"}, patient_id=patient)
    assert _asked(nurse, order, {**GIVEN, "given_at": "2026-11-28T13:45+01:00"}) != []
    assert _asked(nurse, order) == []


def test_no_tube_charted_is_said_not_asked_and_a_gastrostomy_is_not_a_nasogastric_tube(session_for, levodopa, clock):
    patient, order = levodopa
    nurse = session_for("nurse")
    assert _asked(nurse, order) == []
    assert devices.tube_said(nurse.db, patient, clock(), "en") == (
        "NO NG TUBE CHARTED IN on the line chart: confirm its position before use (aspirate pH 5.5 or below, or an "
        "X-ray read by a doctor), and chart it")
    records.save_new(nurse, devices.FORM, PEG, patient_id=patient)
    assert devices.feed_asks(nurse.db, patient, FEED, clock(), "en") is None
    records.save_new(nurse, devices.FORM, CONFIRMED | {"event": "inserted", "still_needed": None, "site_state": None},
                     patient_id=patient)
    assert devices.tube_said(nurse.db, patient, clock(), "en") == ""
    assert devices.feed_asks(nurse.db, patient, {**FEED, "measured_at": "2026-11-28T13:40+01:00"}, clock(),
                             "en") is None


def test_a_feed_through_an_unconfirmed_tube_is_asked(session_for, levodopa, clock):
    patient, _ = levodopa
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, TUBE, patient_id=patient)
    assert devices.feed_asks(nurse.db, patient, FEED, clock(), "en") == (
        "NG POSITION NOT CONFIRMED (28/11 10:00): nothing by it until confirmed (aspirate pH 5.5 or below, or an "
        "X-ray read by a doctor). Stop the feed and confirm the position now, then chart the check on the Lines and "
        "catheters tab.")
    assert devices.feed_asks(nurse.db, patient, {**FEED, "route": "in_oral"}, clock(), "en") is None
    assert devices.feed_asks(nurse.db, patient, {**FEED, "measured_at": "2026-11-28T09:00+01:00"}, clock(),
                             "en") is None
    assert devices.feed_asks(nurse.db, patient, FEED, clock(), "fr").endswith(
        "Arrêter l’alimentation et vérifier la position maintenant, puis noter la surveillance dans l’onglet "
        "Cathéters et sondes.")


def test_the_mar_says_it_in_each_running_ng_orders_box(session_for, levodopa, medication_ward, tmp_path):
    patient, _ = levodopa
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, {**TUBE, "position_by": "ph", "ph": 6.5}, patient_id=patient)
    flag = ("NG POSITION NOT CONFIRMED (28/11 10:00: aspirate pH 6.5): nothing by it until confirmed (aspirate pH 5.5 "
            "or below, or an X-ray read by a doctor)")
    [one] = devices.tubes_to_confirm(nurse.db, [patient], nurse.clock()).values()
    assert one.position_flag(nurse.clock(), "en") == flag
    assert one.position_flag(nurse.clock(), "en", whole=False) == "NG POSITION NOT CONFIRMED (28/11 10:00: aspirate pH 6.5)"
    text = " ".join(pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).split())
    assert text.count("NG POSITION NOT CONFIRMED") == 1  # the levodopa's box, not the amoxicillin IV's
    french = session_for("nurse", "fr")
    text = " ".join(pdf_text(printing.print_mar(french, [patient], tmp_path / "mar-fr.pdf")).split())
    assert "POSITION DE LA SNG NON VÉRIFIÉE (28/11 10:00 : pH de l’aspiration 6,5)" in text
    records.save_new(nurse, devices.FORM, CONFIRMED, patient_id=patient)
    text = " ".join(pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar-2.pdf")).split())
    assert "NG POSITION" not in text


def test_a_patient_fed_by_tube_is_recorded_so_and_their_ng_orders_are_not_kept_from_the_mouth(
        session_for, levodopa, tmp_path):
    """The admission's diet had no tube feeding: a patient fed by NG was recorded "Nil by mouth"
    alone, and the census said nothing of the feed. Nil by mouth keeps what is swallowed from the
    mouth, never a dose by NG (domain.medication.NIL_BY_MOUTH_ROUTES)."""
    patient, order = levodopa
    nurse = session_for("nurse")
    admission = current(nurse.db, census.patient_with_location(nurse.db, nurse.forms, patient).admission_record_id)
    records.amend(nurse, admission.record_id, {**admission.data, "diet": ["nil_by_mouth", "tube_fed"]}, "fed by NG")
    fasting = medication.nil_by_mouth(nurse.db, [patient], nurse.clock())[patient]
    assert fasting.why("NG") is None and fasting.why("PO") is not None
    assert [one for one in medication.check_dose(nurse, order, GIVEN) if one.check is Check.NIL_BY_MOUTH_GIVEN] == []
    text = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).split())
    assert "DIET: Nil by mouth, Tube fed (NG, PEG) (admission record)" in text
    french = " ".join(pdf_text(printing.print_census(session_for("nurse", "fr"), tmp_path / "census-fr.pdf",
                                                     "3B")).split())
    assert "À jeun, Nutrition par sonde (SNG, GPE)" in french


# Review s67 S1 of the above.

def test_a_tube_whose_check_is_overdue_by_the_charts_own_next_check_is_said_and_asked(session_for, levodopa, clock,
                                                                                     tmp_path):
    """Confirmed by X-ray at 10:00 on 27/11, its next check charted due in 8 hours (18:00), none
    since: at 14:00 on 28/11 the handover said CHECK OVERDUE, the dose dialog, the round, the MAR
    and Save said nothing."""
    patient, order = levodopa
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, {**TUBE, "checked_at": "2026-11-27T10:00+01:00", "position_by": "xray"},
                     patient_id=patient)
    assert devices.tube_said(nurse.db, patient, clock(), "en") == (
        "NG POSITION CHECK OVERDUE (last checked 27/11 10:00, due 27/11 18:00): nothing by it until confirmed "
        "(aspirate pH 5.5 or below, or an X-ray read by a doctor)")
    assert devices.tube_said(nurse.db, patient, clock(), "fr").startswith(
        "VÉRIFICATION DE LA POSITION DE LA SNG EN RETARD (dernière surveillance le 27/11 10:00, prévue le 27/11 18:00)")
    [asked] = _asked(nurse, order)
    assert "and the tube's position check is overdue on the line chart (Left nostril, checked 27/11 10:00, due " \
           "27/11 18:00): through a misplaced tube" in asked.message
    assert "la vérification de la position de la sonde est en retard" in asked.text("fr")
    assert _asked(nurse, order, {**GIVEN, "given_at": "2026-11-27T17:00+01:00"}) == []
    text = " ".join(pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).split())
    assert text.count("NG POSITION CHECK OVERDUE (last checked 27/11 10:00, due 27/11 18:00)") == 1
    records.save_new(nurse, devices.FORM, {**CONFIRMED, "checked_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    assert devices.tube_said(nurse.db, patient, clock(), "en") == "" and _asked(nurse, order) == []


def _home_and_back_on_levodopa(session_for, patient: str, admission_values) -> str:
    """The patient home at 21:00 on 27/11, readmitted at 12:00 on 28/11 and written levodopa by NG
    at 12:30: the new stay's order id."""
    nurse = session_for("nurse")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-27T21:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T12:00+01:00", "bed": "5"},
                     patient_id=patient)
    return records.save_new(session_for("doctor"), "medication_order",
                            {**LEVODOPA, "start_at": "2026-11-28T12:30+01:00"}, patient_id=patient).record_id


def test_a_tube_of_a_stay_that_ended_is_not_said_none_and_its_dose_is_asked(session_for, medication_ward,
                                                                            admission_values, clock):
    """An NG tube put in at 10:00 on 27/11, not confirmed, the patient home with it at 21:00 and
    readmitted at 12:00 on 28/11: the dose dialog said "NO NG TUBE CHARTED IN" while the devices tab
    asked "STILL IN?", and the dose by NG was saved unasked."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    records.save_new(nurse, devices.FORM, {**TUBE, "checked_at": "2026-11-27T10:00+01:00"}, patient_id=patient)
    order = _home_and_back_on_levodopa(session_for, patient, admission_values)
    assert devices.tube_said(nurse.db, patient, clock(), "en").startswith(
        "NG POSITION NOT CONFIRMED (charted in during the stay that ended 27/11): nothing by it until confirmed")
    [asked] = _asked(nurse, order)
    assert "the tube was charted in during the stay that ended 27/11, its position not charted since (Left nostril)" \
        in asked.message
    records.save_new(nurse, devices.FORM, {**CONFIRMED, "checked_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    assert _asked(nurse, order) == []


def test_a_gastrostomy_patients_ng_orders_are_not_told_to_test_an_aspirate(session_for, levodopa, clock):
    """A PEG charted in ("Other: PEG (gastrostomy)"), its medicines written "NG", the order form's
    only tube: each dose dialog said in red "NO NG TUBE CHARTED IN … aspirate pH 5.5 …"."""
    patient, order = levodopa
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, PEG, patient_id=patient)
    assert devices.tube_said(nurse.db, patient, clock(), "en") == (
        "No NG tube charted in (in: PEG (gastrostomy), Abdomen): if this goes by a nasogastric tube, chart the tube "
        "and its position check on the line chart")
    assert "Aucune SNG notée en place (en place : PEG (gastrostomy), Abdomen)" in devices.tube_said(
        nurse.db, patient, clock(), "fr")
    assert _asked(nurse, order) == []


def test_a_feed_of_before_a_check_confirming_the_tube_is_not_told_to_stop_now(session_for, levodopa, clock):
    """The 12:00-13:00 feed charted at 14:00, the position confirmed at 13:30: it was told "Stop the
    feed and confirm the position now" of a tube confirmed half an hour before."""
    patient, _ = levodopa
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, TUBE, patient_id=patient)
    assert devices.feed_asks(nurse.db, patient, FEED, clock(), "en") is not None
    records.save_new(nurse, devices.FORM, CONFIRMED, patient_id=patient)
    assert devices.feed_asks(nurse.db, patient, FEED, clock(), "en") is None


def test_the_override_sent_to_the_ehr_says_the_chart_not_the_tube(session_for, levodopa, tmp_path):
    """Given over the ask with "pH 4 at 13:55, chart to follow": the EHR was sent "Warning
    overridden (Given by NG tube, position not confirmed): …", a Never Event on record of a tube
    checked, its check not charted yet."""
    patient, order = levodopa
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, TUBE, patient_id=patient)
    saved = medication.record_dose(nurse, order, GIVEN, overrides={Check.NG_POSITION: "pH 4 at 13:55, chart to follow"})
    bundle = json.loads((export(session_for("records"), tmp_path / "out").folder / "fhir" / "bundle.json").read_text(
        encoding="utf-8"))
    (dose,) = [entry["resource"] for entry in bundle["entry"] if entry["fullUrl"] == f"urn:uuid:{saved.record_id}"]
    assert "Warning overridden (Given by NG tube, position not charted as confirmed): pH 4 at 13:55, chart to follow" \
        in [note["text"] for note in dose["note"]]


def test_tube_fed_is_sent_as_an_enteral_feed_not_an_oral_diet(session_for, medication_ward, tmp_path):
    """"Tube fed (NG, PEG)" was sent as the NutritionOrder's oralDiet type: the EHR read a diet by
    mouth of a patient fed by tube."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    admission = current(nurse.db, census.patient_with_location(nurse.db, nurse.forms, patient).admission_record_id)
    office = session_for("records")

    def sent(diet: list[str], notes: str | None) -> dict:
        records.amend(nurse, admission.record_id, {**current(nurse.db, admission.record_id).data, "diet": diet,
                                                   "diet_notes": notes}, "fed by NG")
        folder = export(office, tmp_path / f"out-{len(diet)}-{bool(notes)}").folder
        bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
        (order,) = [entry["resource"] for entry in bundle["entry"]
                    if entry["resource"]["resourceType"] == "NutritionOrder"]
        NutritionOrder.model_validate(order)
        return order

    alone = sent(["tube_fed"], "Jevity 1.0 at 60 mL/h")
    assert "oralDiet" not in alone
    assert alone["enteralFormula"] == {"administrationInstruction": "Tube fed (NG, PEG): Jevity 1.0 at 60 mL/h"}
    beside = sent(["nil_by_mouth", "tube_fed"], "Jevity 1.0 at 60 mL/h")
    assert beside["oralDiet"] == {"type": [{"text": "Nil by mouth"}], "instruction": "Jevity 1.0 at 60 mL/h"}
    assert beside["enteralFormula"] == {"administrationInstruction": "Tube fed (NG, PEG)"}


# Review s67 T3 of the above.

PULLED_OUT = {"checked_at": "2026-11-28T11:00+01:00", "event": "removed", "device": "nasogastric",
              "site": "Left nostril", "removed_why": "fault", "site_state": "fault", "notes": "pulled out by patient"}
CHARTED_OUT = "NG TUBE CHARTED OUT (28/11 11:00), none charted in since"


def test_a_tube_charted_taken_out_none_in_since_asks_a_dose_and_a_feed_and_says_it_on_the_round_and_the_mar(
        session_for, levodopa, clock, tmp_path):
    """Confirmed at 10:00, pulled out at 11:00, nothing charted since: the 14:00 dose by NG (gone
    down a tube put back uncharted, its position confirmed by no look) was saved unasked, the feed
    charted silently, the round's flags and the MAR empty: only a tube still in was looked at."""
    patient, order = levodopa
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, {**TUBE, "position_by": "ph", "ph": 4.5}, patient_id=patient)
    records.save_new(nurse, devices.FORM, PULLED_OUT, patient_id=patient)
    [asked] = _asked(nurse, order)
    assert "at 14:00, and the tube is charted taken out at 11:00 (Left nostril) and none is charted in since: " \
           "through a misplaced tube" in asked.message
    assert "la sonde est notée retirée (Left nostril, 11:00) et aucune n’est notée en place depuis" in asked.text("fr")
    whole = (f"{CHARTED_OUT}: if it was put back in, nothing by it until its position is confirmed (aspirate pH 5.5 "
             "or below, or an X-ray read by a doctor) and the tube charted")
    assert devices.tube_said(nurse.db, patient, clock(), "en") == whole
    assert devices.tube_said(nurse.db, patient, clock(), "fr").startswith(
        "SNG NOTÉE RETIRÉE (28/11 11:00), aucune notée en place depuis : si elle a été reposée")
    assert devices.feed_asks(nurse.db, patient, FEED, clock(), "en").startswith(whole)
    [one] = devices.tubes_to_confirm(nurse.db, [patient], clock()).values()
    assert one.position_flag(clock(), "en", whole=False) == CHARTED_OUT
    text = " ".join(pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).split())
    assert text.count(CHARTED_OUT) == 1
    assert _asked(nurse, order, {**GIVEN, "given_at": "2026-11-28T10:30+01:00"}) == []  # in and confirmed then
    records.save_new(nurse, devices.FORM, {**PEG, "checked_at": "2026-11-28T09:00+01:00"}, patient_id=patient)
    assert _asked(nurse, order) != []  # a PEG in before the tube came out is not in its place
    peg = records.save_new(nurse, devices.FORM, {**PEG, "checked_at": "2026-11-28T12:00+01:00", "site": "Abdomen, LUQ"},
                           patient_id=patient)
    assert _asked(nurse, order) == [] and devices.tube_said(nurse.db, patient, clock(), "en").startswith(
        "No NG tube charted in (in: PEG (gastrostomy), Abdomen")
    records.mark_entered_in_error(nurse, peg.record_id, "wrong patient")
    records.save_new(nurse, devices.FORM, {**CONFIRMED, "event": "inserted", "site": "Right nostril",
                                           "still_needed": None, "site_state": None}, patient_id=patient)
    assert _asked(nurse, order) == [] and devices.tube_said(nurse.db, patient, clock(), "en") == ""
    assert devices.tubes_to_confirm(nurse.db, [patient], clock()) == {}


def test_a_tube_taken_out_in_a_stay_that_ended_asks_nothing_of_the_new_stay(session_for, medication_ward,
                                                                         admission_values, clock):
    """A tube taken out before the patient went home is not the new stay's: a stay starts clean,
    its doses by NG said as with no tube charted (not asked)."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    records.save_new(nurse, devices.FORM, {**TUBE, "checked_at": "2026-11-27T10:00+01:00"}, patient_id=patient)
    records.save_new(nurse, devices.FORM, {**PULLED_OUT, "checked_at": "2026-11-27T11:00+01:00"}, patient_id=patient)
    order = _home_and_back_on_levodopa(session_for, patient, admission_values)
    assert _asked(nurse, order) == []
    assert devices.tube_said(nurse.db, patient, clock(), "en").startswith("NO NG TUBE CHARTED IN")


def test_a_dose_from_the_paper_chart_through_a_tube_to_confirm_is_saved_and_what_to_do_told(session_for, levodopa):
    """Given already, it is not asked (nothing to override): it was saved silently. Told once saved."""
    patient, order = levodopa
    nurse = session_for("nurse")
    records.save_new(nurse, devices.FORM, TUBE, patient_id=patient)
    paper = {**GIVEN, "given_at": "2026-11-28T13:30+01:00", "transcribed": True, "given_by": "nurse"}
    assert devices.paper_dose_said(nurse, order, paper, "en") == (
        "Co-careldopa 25/100 is recorded given from the paper chart by nasogastric tube at 13:30, and the tube's "
        "position is not confirmed on the line chart (Left nostril, checked 10:00): given already through a tube whose "
        "position was not charted as confirmed. Report it as an incident and tell the doctor now (through a misplaced "
        "tube it goes into the lungs: watch for aspiration).")
    assert "Le signaler comme événement indésirable et prévenir le médecin" in devices.paper_dose_said(
        nurse, order, paper, "fr")
    assert medication.record_dose(nurse, order, paper) is not None
    assert devices.paper_dose_said(nurse, order, GIVEN, "en") == ""  # asked at Save instead
    assert devices.paper_dose_said(nurse, order, {**paper, "route": "PO"}, "en") == ""
    assert devices.paper_dose_said(nurse, order, {**paper, "given_at": "2026-11-28T09:00+01:00"}, "en") == ""
