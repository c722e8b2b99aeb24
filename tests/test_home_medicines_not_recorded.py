"""An admission typed on the ward with "Medicines taken before admission" left blank asked nothing,
ever: no escalation line, no handover line, no question at leaving, no reconciliation. A blank list
is not yet known, not none (NICE NG5 1.3: taken and reconciled within 24 hours of admission):
asked once the 24 hours have gone by, until the admission is amended with the list or a medicines
reconciliation records it. One loaded from the EHR's snapshot holds the EHR's list: not asked."""

import json
from datetime import datetime

import pytest

from downtime.domain.records import RecordVersion
from downtime.services import census, chart_alerts, leaving, prefill, printing, reconciliation, records, wards
from downtime.sync.importing import import_path
from tests.test_snapshot_import import _bundle

LINE = {"en": "MEDICINES TAKEN BEFORE ADMISSION NOT RECORDED since admission on 28/11 09:00 (take the list and "
              "reconcile within 24 h, NICE NG5): ask the patient, family, GP or community pharmacy",
        "fr": "TRAITEMENT HABITUEL NON RENSEIGNÉ depuis l’admission le 28/11 09:00 (recueillir la liste et concilier "
              "dans les 24 h, NICE NG5) : demander au patient, à la famille, au médecin traitant ou à la pharmacie"}
DAY_IN = datetime.fromisoformat("2026-11-29T15:00+01:00")


@pytest.fixture
def ward(session_for, clock):
    """Ward 3B, the clock at 09:00 on 28/11."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")


def _admit(session_for, admission_values, **usual: str) -> RecordVersion:
    """An admission to 3B at 09:00 on 28/11, `usual_medicines` as given (none: left blank)."""
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00", **usual})


def _inside(session, at: datetime) -> list:
    return [row.patient for row in census.census(session.db, session.forms, ward="3B", at=at) if row.patient]


def _sheet(session, at: datetime) -> str:
    """What the handover sheet says of 3B's patients' charts at `at`, one string."""
    return " ".join(line for lines in printing._charted(session, _inside(session, at), at, {}).values()
                    for line in lines)


def _escalated(session, at: datetime) -> list[str]:
    """The escalation list's lines of 3B at `at`."""
    return [said for alert in chart_alerts.alerts(session.db, session.forms, _inside(session, at), at, session.lang,
                                                  ward="3B").alerts for said in alert.said]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_blank_list_is_asked_a_day_after_admission_on_the_sheet_the_list_and_at_leaving(
        session_for, admission_values, ward, clock, lang):
    """Not in the first 24 hours (it is being taken), then on the handover sheet, on the escalation
    list, and among what is still asked as the patient leaves."""
    nurse = session_for("nurse", lang)
    patient = _admit(session_for, admission_values).patient_id
    before = datetime.fromisoformat("2026-11-29T08:59+01:00")
    assert LINE[lang] not in _sheet(nurse, before) and LINE[lang] not in _escalated(nurse, before)
    clock.now = DAY_IN
    assert LINE[lang] in _sheet(nurse, DAY_IN)
    assert LINE[lang] in _escalated(nurse, DAY_IN)
    assert LINE[lang] in leaving.still_asked(nurse.db, nurse.forms, patient, DAY_IN, lang, destination="home")


@pytest.mark.parametrize("typed", ["Nil", "None", "Aucun :", "N/A", "Néant."])
def test_a_list_saying_none_is_answered(session_for, admission_values, ward, typed):
    nurse = session_for("nurse")
    _admit(session_for, admission_values, usual_medicines=typed)
    assert "BEFORE ADMISSION" not in _sheet(nurse, DAY_IN)


def test_a_heading_alone_is_no_list(session_for, admission_values, ward):
    """"Traitement habituel :" typed and nothing under it records no medicine nor none."""
    nurse = session_for("nurse")
    _admit(session_for, admission_values, usual_medicines="Traitement habituel :\n  \n-")
    assert LINE["en"] in _sheet(nurse, DAY_IN)


def test_the_admission_amended_with_the_list_answers_it(session_for, admission_values, ward, clock):
    """Its medicines are then asked to be charted, as any list's."""
    nurse = session_for("nurse")
    admission = _admit(session_for, admission_values)
    clock.now = DAY_IN
    records.amend(nurse, admission.record_id, {**admission.data, "usual_medicines": "Ramipril 10 mg od"},
                  "list taken from the daughter")
    said = _sheet(nurse, DAY_IN)
    assert "NOT RECORDED" not in said
    assert "NOT CHARTED since admission on 28/11 09:00 (reconcile within 24 h, NICE NG5): Ramipril 10 mg od" in said


@pytest.mark.parametrize("home_list, rows, sources", [
    ("Apixaban 5 mg bd", [{"medicine": "Apixaban 5 mg bd", "decision": "held", "reason": "Hb 78"}], ["patient"]),
    ("Apixaban 5 mg bd", [{"medicine": "Apixaban 5 mg bd", "decision": "continued"}], ["patient"]),
    ("Nil", [], ["gp_letter"])])
def test_a_reconciliation_recording_the_medicines_or_none_answers_it(session_for, admission_values, ward, clock,
                                                                     home_list, rows, sources):
    """A reconciliation listing medicines (decided any way) or none, a list checked and no row:
    nothing asked of the blank admission's list."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    patient = _admit(session_for, admission_values).patient_id
    clock.now = DAY_IN
    records.save_new(doctor, reconciliation.FORM, {
        "reconciled_at": "2026-11-29T11:00+01:00", "reconciled_as": "prescriber", "reconciled_by": "Dr Karim Benali",
        "sources": sources, "home_list": home_list, **({"decisions": rows} if rows else {})}, patient_id=patient)
    assert "NOT RECORDED" not in _sheet(nurse, DAY_IN)
    assert not any("NOT RECORDED" in said for said in _escalated(nurse, DAY_IN))


def test_a_patient_loaded_from_the_snapshot_holds_the_ehr_list(session_for, ward, clock, tmp_path):
    """The EHR's snapshot gave no medicine statement: its list is the EHR's, not asked."""
    path = tmp_path / "ehr.json"
    path.write_text(json.dumps(_bundle()), encoding="utf-8")
    clock.now = DAY_IN
    import_path(session_for("records"), path)
    nurse = session_for("nurse")
    admission, = [record for record in records.list_current(nurse.db) if record.form_id == "admission"]
    assert not admission.data.get("usual_medicines")
    assert "BEFORE ADMISSION" not in _sheet(nurse, DAY_IN)


def _letter(session, patient: str) -> list[str]:
    """The lines the going-home letter's "Medicines on discharge" starts with, as prefilled."""
    return prefill.first_answers(session, session.form("discharge"), patient)["medicines_on_discharge"].splitlines()


def _unknown(lang: str) -> str:
    """The letter's line asking the medicines taken before admission, unknown, not none."""
    return prefill.WORDS["home_unrecorded"][lang].format(asked=leaving.WORDS["continue_or_stop"][lang])


@pytest.mark.parametrize("typed", [
    "No list available", "No information yet", "Pas de liste", "Rien apporté", "None brought in, family to bring",
    "Pas d'ordonnance", "Sans information", "N/A - patient unconscious", "No idea",
    "Patient confused, family to bring list", "unknown", "patient unsure", "see GP letter", "as per list in notes"])
def test_a_list_said_unknown_or_elsewhere_is_asked_on_the_ward_and_on_the_letter(
        session_for, admission_values, ward, clock, typed):
    """Each says the list is not known yet, not that none is taken: its first word ("No", "Pas",
    "Rien", "Sans", "N/A") no longer reads as "none". The ward gets the list; the letter, while no
    reconciliation got it, asks it unknown, not "None: no medicine in force" over a blank list."""
    nurse = session_for("nurse")
    patient = _admit(session_for, admission_values, usual_medicines=typed).patient_id
    clock.now = DAY_IN
    assert f"NOT YET LISTED since admission on 28/11 09:00 (“{typed}”): obtain the list and reconcile" in _sheet(
        nurse, DAY_IN)
    assert _letter(nurse, patient)[0] == _unknown("en")


def test_an_allergy_status_records_no_medicine(session_for, admission_values, ward, clock):
    """"NKDA" (no known drug allergy) says nothing of the medicines taken: the list is not recorded,
    neither none nor a medicine to chart."""
    nurse = session_for("nurse")
    patient = _admit(session_for, admission_values, usual_medicines="NKDA").patient_id
    clock.now = DAY_IN
    said = _sheet(nurse, DAY_IN)
    assert LINE["en"] in said and "NKDA" not in said
    assert _letter(nurse, patient) == [_unknown("en"), prefill.WORDS["no_order"]["en"]]


def test_a_list_a_reconciliation_got_is_no_longer_unknown_on_the_letter(session_for, admission_values, ward, clock):
    """"See GP letter", then the GP letter reconciled with a medicine it found: the letter asks that
    medicine with its decision, not the list."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    patient = _admit(session_for, admission_values, usual_medicines="See GP letter").patient_id
    clock.now = DAY_IN
    records.save_new(doctor, reconciliation.FORM, {
        "reconciled_at": "2026-11-29T11:00+01:00", "reconciled_as": "prescriber", "reconciled_by": "Dr Karim Benali",
        "sources": ["gp_letter"], "home_list": "See GP letter",
        "decisions": [{"medicine": "Apixaban 5 mg bd", "decision": "held", "reason": "Hb 78"}]}, patient_id=patient)
    assert _letter(nurse, patient)[0] == prefill.WORDS["home_decided"]["en"].format(
        medicine="Apixaban 5 mg bd", decided="held in hospital (Hb 78)", asked=leaving.WORDS["continue_or_stop"]["en"])


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("usual, home_list, rows, said", [
    ({}, "Apixaban 5 mg bd\nBisoprolol 5 mg od", [
        {"medicine": "Apixaban 5 mg bd", "decision": "continued"},
        {"medicine": "Bisoprolol 5 mg od", "decision": "stopped", "reason": "bradycardia"}],
     [("home_medicine", "Apixaban 5 mg bd", None), ("home_decided", "Bisoprolol 5 mg od", "stopped")]),
    ({"usual_medicines": "Ramipril 10 mg od"}, "Ramipril 10 mg od", [
        {"medicine": "Ramipril 10 mg od", "decision": "continued"},
        {"medicine": "Apixaban 5 mg bd", "decision": "held", "reason": "Hb 78"}],
     [("home_medicine", "Ramipril 10 mg od", None), ("home_decided", "Apixaban 5 mg bd", "held")])])
def test_the_medicines_a_reconciliation_lists_go_on_the_letter_with_their_decisions(
        session_for, admission_values, ward, clock, lang, usual, home_list, rows, said):
    """The admission's list left blank, the reconciliation's typed by the prescriber: the letter
    read "None: no medicine in force" for a patient on apixaban (continued, never charted) and
    bisoprolol stopped for bradycardia. A medicine the reconciliation found beside the admission's
    list (apixaban held for anaemia) was left off it too."""
    nurse, doctor = session_for("nurse", lang), session_for("doctor")
    patient = _admit(session_for, admission_values, **usual).patient_id
    clock.now = DAY_IN
    records.save_new(doctor, reconciliation.FORM, {
        "reconciled_at": "2026-11-29T11:00+01:00", "reconciled_as": "prescriber", "reconciled_by": "Dr Karim Benali",
        "sources": ["patient"], "home_list": home_list, "decisions": rows}, patient_id=patient)
    asked, why = leaving.WORDS["continue_or_stop"][lang], {"stopped": "bradycardia", "held": "Hb 78"}
    assert _letter(nurse, patient) == [
        *(prefill.WORDS[word][lang].format(medicine=medicine, asked=asked, **(
            {"decided": f"{reconciliation.WORDS[decided][lang]} ({why[decided]})"} if decided else {}))
          for word, medicine, decided in said),
        prefill.WORDS["no_order"][lang]]


def test_the_medicines_a_reconciliation_lists_under_a_blank_list_are_asked_on_the_ward(
        session_for, admission_values, ward, clock):
    """Apixaban continued by a reconciliation typed under a blank admission, never charted, was
    asked by nothing; bisoprolol stopped there was handed over by nothing either."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    patient = _admit(session_for, admission_values).patient_id
    clock.now = DAY_IN
    records.save_new(doctor, reconciliation.FORM, {
        "reconciled_at": "2026-11-29T11:00+01:00", "reconciled_as": "prescriber", "reconciled_by": "Dr Karim Benali",
        "sources": ["patient"], "home_list": "Apixaban 5 mg bd\nBisoprolol 5 mg od", "decisions": [
            {"medicine": "Apixaban 5 mg bd", "decision": "continued"},
            {"medicine": "Bisoprolol 5 mg od", "decision": "stopped", "reason": "bradycardia"}]}, patient_id=patient)
    assert ("MEDICINES TAKEN BEFORE ADMISSION NOT CHARTED since admission on 28/11 09:00 (reconcile within 24 h, "
            "NICE NG5): Apixaban 5 mg bd: prescriber to chart, hold or stop each; Bisoprolol 5 mg od: STOPPED AT "
            "RECONCILIATION (bradycardia)") in _sheet(nurse, DAY_IN)
