"""NEWS2 is validated for patients of 16 and over (RCP): a child's sets are charted with their
readings, never scored as an adult's, and put no child on the escalation or overdue lists; a
patient whose date of birth is unknown is scored as an adult."""

import json
from datetime import date, datetime

import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from downtime.domain.age import age_in_years
from downtime.domain.news2 import NOT_APPLICABLE, applies
from downtime.services import observations, printing, records, wards
from downtime.services.errors import ServiceError
from downtime.services.census import in_patients, patient_with_location
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

# A newborn's normal vital signs, which the adult chart scores 9, "HIGH".
NEWBORN = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 50, "spo2": 97, "spo2_scale": "scale_1",
           "on_oxygen": False, "systolic_bp": 65, "diastolic_bp": 40, "pulse": 145, "consciousness": "alert",
           "temperature": 36.9}
NOON = datetime.fromisoformat("2026-11-28T12:30+01:00")


@pytest.fixture
def nursery(session_for, admission_values):
    """Ward 3B with a baby born this morning, a patient turning 16 at midnight and an
    unidentified adult whose date of birth is unknown; each has had the newborn's set at noon on
    the NEWS2 chart, the two children's while their dates of birth were typed wrong, as adults'
    (the form refuses a child's set: `test_a_childs_set_is_refused_on_the_news2_chart`)."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    arrived = {**admission_values, "arrival_at": "2026-11-28T09:00+01:00", "nir": None,
               "identity_status": "provisional"}
    babys = records.save_new(nurse, "admission", {**arrived, "birth_date": "2006-11-28", "weight_kg": 3.4,
                                                  "weight_confirmed_kg": 3.4, "height_cm": 50, "bed": "1"})
    teens = records.save_new(nurse, "admission", {**arrived, "birth_name": "Durand", "birth_date": "1990-11-29",
                                                  "weight_kg": 55, "bed": "2"})
    unknown = records.save_new(nurse, "admission", {
        **arrived, "unidentified": True, "descriptor": "Man, about 40, found in the street",
        "temporary_name": "INCONNU TRÈFLE", "birth_name": None, "used_name": None, "given_names": None,
        "birth_date": None, "bed": "3"}).patient_id
    for patient in (babys.patient_id, teens.patient_id, unknown):
        records.save_new(nurse, "observations", NEWBORN, patient_id=patient)
    for admission, born in ((babys, "2026-11-28"), (teens, "2010-11-29")):
        records.amend(nurse, admission.record_id, {**admission.data, "birth_date": born}, "Date of birth typed wrong")
    return nurse, babys.patient_id, teens.patient_id, unknown


def test_a_childs_set_is_refused_on_the_news2_chart(nursery, clock):
    """NEWS2 scores adults: a 15-year-old's set saved unscored escalated nothing however ill they
    were. A child's goes on the paediatric chart; from their sixteenth birthday, on NEWS2."""
    nurse, baby, teen, _ = nursery
    with pytest.raises(ServiceError, match="Date and time taken: this patient was 15 years old then; Observations "
                                           r"\(NEWS2\) is for patients 16 or over: use the paediatric chart \(PEWS\)"):
        records.save_new(nurse, "observations", {**NEWBORN, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=teen)
    with pytest.raises(ServiceError, match="this patient was under a day old then"):
        records.save_new(nurse, "observations", {**NEWBORN, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=baby)
    clock.advance(hours=20)
    records.save_new(nurse, "observations", {**NEWBORN, "taken_at": "2026-11-29T08:00+01:00"}, patient_id=teen)


def test_news2_applies_from_the_sixteenth_birthday_and_when_the_age_is_unknown():
    assert not applies(date(2010, 11, 29), date(2026, 11, 28))
    assert applies(date(2010, 11, 29), date(2026, 11, 29))
    assert applies(None, date(2026, 11, 28))
    assert age_in_years(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_in_years(date(2008, 2, 29), date(2026, 3, 1)) == 18


def test_a_childs_set_typed_before_its_refusal_is_corrected_and_settled_not_moved(nursery, session_for):
    """A set that exists (typed before the date of birth was corrected, or by an older app) keeps
    the rules of its time: its reading corrected, or a hold on it settled at the records office,
    was refused as a child's new set."""
    nurse, baby, _, _ = nursery
    (typed,) = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, baby))
    corrected = records.amend(nurse, typed.record.record_id, {**typed.record.data, "temperature": 37.1}, "Typo")
    with pytest.raises(ServiceError, match="this patient was under a day old then"):
        records.amend(nurse, corrected.record_id, {**corrected.data, "taken_at": "2026-11-28T12:30+01:00"}, "Time")
    chosen = corrected.model_copy(update={"data": {**corrected.data, "temperature": 37.3}, "version": 3})
    clerk = session_for("records")
    with clerk.db.atomic():
        settled = records.settle_to(clerk, corrected.record_id, corrected, chosen, "The ward, by phone")
    assert settled.data["temperature"] == 37.3


def test_a_childs_set_is_charted_unscored_and_an_adult_of_unknown_age_is_scored(nursery):
    nurse, baby, teen, unknown = nursery
    (child,) = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, baby))
    assert child.news2 is None and child.observations.pulse == 145
    assert observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, teen))[0].news2 is None
    (adult,) = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, unknown))
    assert adult.news2 is not None and adult.news2.total == 9


def test_no_child_is_escalated_or_overdue_by_news2(nursery):
    nurse, baby, teen, unknown = nursery
    review = observations.review(nurse.db, nurse.forms, "3B", NOON)
    assert [item.patient.patient_id for item in review.escalations] == [unknown]
    assert set(review.standing) == {unknown}
    later = datetime.fromisoformat("2026-11-28T23:00+01:00")  # every set of noon overdue by then
    assert [item.patient.patient_id for item in observations.review(nurse.db, nurse.forms, "3B", later).overdue] \
        == [unknown]
    watched = observations.watches(nurse.db, in_patients(nurse.db, nurse.forms, "3B", NOON), NOON)
    assert not watched[baby].news2_applies and watched[baby].due_at is None and not watched[baby].overdue
    assert watched[unknown].news2_applies
    assert observations.next_due(watched.values()) == watched[unknown].due_at


def test_a_set_taken_from_the_sixteenth_birthday_is_scored(nursery, clock):
    nurse, _, teen, _ = nursery
    clock.advance(hours=20)
    records.save_new(nurse, "observations", {**NEWBORN, "taken_at": "2026-11-29T08:00+01:00"}, patient_id=teen)
    before, after = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, teen))
    assert before.news2 is None and after.news2 is not None and after.news2.total == 9
    morning = datetime.fromisoformat("2026-11-29T09:00+01:00")
    assert [item.patient.patient_id for item in observations.review(nurse.db, nurse.forms, "3B", morning).escalations
            if item.patient.patient_id == teen] == [teen]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_childs_news2_chart_and_the_census_say_news2_does_not_apply(nursery, session_for, tmp_path, lang):
    nurse, baby, _, _ = nursery
    reader = session_for("nurse", lang)
    chart = PdfReader(printing.print_news2_chart(reader, baby, tmp_path / "news2.pdf"))
    text = " ".join(" ".join(page.extract_text().split()) for page in chart.pages)
    assert NOT_APPLICABLE[lang] in text
    assert "HIGH" not in text.upper().replace("HIGH-", "") and "ÉLEVÉ" not in text.upper()
    assert "Scoring key" not in text and "Barème" not in text  # nothing to score the child's sets by hand
    census = PdfReader(printing.print_census(reader, tmp_path / "census.pdf", "3B"))
    text = " ".join(" ".join(page.extract_text().split()) for page in census.pages)
    # The baby and the patient not 16 yet: their first set on the paediatric chart is overdue.
    assert text.count({"en": "No PEWS set", "fr": "Pas de PEWS"}[lang]) == 4  # the NEWS2 column, the notes
    assert NOT_APPLICABLE[lang].split(" (")[0] not in text
    assert text.count({"en": "OBSERVATIONS OVERDUE since admission (28/11 09:00): take a first set on the paediatric "
                             "chart", "fr": "SURVEILLANCE EN RETARD depuis l’admission (28/11 09:00) : prendre une "
                                            "première série sur la feuille pédiatrique"}[lang]) == 2


def test_a_childs_set_goes_to_the_ehr_with_its_readings_and_no_news2_score(nursery, session_for, tmp_path):
    """A newborn's normal set went to the EHR's early-warning history as "NEWS2 9, high"."""
    _, baby, _, unknown = nursery
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    check_codes(bundle)
    totals = {resource["subject"]["reference"]: resource for entry in bundle["entry"]
              if (resource := entry["resource"])["resourceType"] == "Observation"
              and resource["category"][0]["coding"][0]["code"] == "survey"}
    child, adult = totals[f"urn:uuid:{baby}"], totals[f"urn:uuid:{unknown}"]
    assert "valueInteger" not in child and "component" not in child and "interpretation" not in child
    assert child["dataAbsentReason"]["coding"][0]["code"] == "not-applicable" and child["derivedFrom"]
    assert adult["valueInteger"] == 9
