"""A child on an opioid breathes faster than an adult, and slows to danger sooner: the breathing that
stops the opioid goes by the child's age on the ward's day of the line (Pediadol: under 20 a minute
before 1 year, under 15 from 1 to 5 years, under 10 from 6), said with its limit. Held to the
adult's 10, a baby of 8 months breathing 12 a minute on morphine was no call to stop it."""

import pytest

from downtime.domain.pain import clears, depressing, found, slow_breathing
from downtime.services import pain, printing, records
from tests.pdf_text import pdf_text

SETTLED = {"scale": "flacc", "flacc_face": "0", "flacc_legs": "0", "flacc_activity": "0", "flacc_cry": "0",
           "flacc_consolability": "0", "action": ["analgesia"], "reassess_in": "30", "sedation": "1"}
"""A child settled after morphine, drowsy at times: only the breathing can stop the opioid."""
STOP = "{found}: stop the opioid, call the doctor, naloxone as prescribed"


@pytest.fixture
def admit_child(session_for, admission_values):
    """admit_child(born, bed, kg): a child admitted to the paediatric ward the evening before; their id."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "5C", "Paediatrics", [str(n) for n in range(1, 9)])

    def admit(born: str, bed: str, kg: float) -> str:
        return records.save_new(session_for("nurse"), "admission", {
            **admission_values, "given_names": "Tom", "sex": "male", "birth_date": born, "nir": None,
            "identity_status": "provisional", "identity_document": None, "weight_kg": kg, "height_cm": None,
            "ward": "5C", "bed": bed, "arrival_at": "2026-11-27T20:00+01:00", "reason": "Burns"}).patient_id

    return admit


@pytest.mark.parametrize(("age_years", "limit"), [(0, 20), (1, 15), (5, 15), (6, 10), (17, 10), (40, 10), (None, 10)])
def test_the_breathing_limit_goes_by_the_age(age_years, limit):
    """Under the limit stops the opioid, at it clears; an age not known is held to the adult's 10."""
    assert slow_breathing(age_years) == limit
    assert depressing({"sedation": "1", "breathing_rate": limit - 1}, age_years) == ["breathing_rate"]
    assert clears({"sedation": "1", "breathing_rate": limit}, age_years)


def test_a_younger_childs_breathing_says_its_limit_and_an_adults_reads_as_before():
    slow = {"sedation": "2", "breathing_rate": 12}
    assert found(slow, "en", 0) == "SEDATION 2/3, BREATHING 12/min (under 20 a minute before 1 year)"
    assert found(slow, "fr", 3) == "SÉDATION 2/3, FRÉQUENCE RESPIRATOIRE 12/min (sous 15 par minute de 1 à 5 ans)"
    assert found(slow, "en", 6) == "SEDATION 2/3" and found({**slow, "breathing_rate": 8}, "en", None) == (
        "SEDATION 2/3, BREATHING 8/min")


def test_a_baby_of_8_months_breathing_12_on_morphine_stops_it(session_for, admit_child, clock, tmp_path):
    """12 a minute is under the 20 of a baby: called out on the tab, the handover sheet, the dose
    check and the printed chart, until a line finds 20 or more."""
    baby = admit_child("2026-03-10", "4", 8.5)
    nurse = session_for("nurse")
    spec = nurse.form("pain_assessment")
    records.save_new(nurse, "pain_assessment", {**SETTLED, "assessed_at": "2026-11-28T13:30+01:00",
                                                "breathing_rate": 12}, patient_id=baby)
    said = "BREATHING 12/min (under 20 a minute before 1 year)"
    assert pain.latest(nurse.db, baby).asks(spec, clock(), "en")[0] == STOP.format(found=said)
    assert pain.handover(nurse.db, nurse.forms, [baby], clock(), "fr")[baby].split(" ; ")[1] == (
        "FRÉQUENCE RESPIRATOIRE 12/min (sous 20 par minute avant 1 an) : arrêter l’opioïde, appeler le médecin, "
        "naloxone selon la prescription")
    assert pain.stopped_opioid(nurse.db, nurse.forms, baby, clock()).text("en") == said
    printed = " ".join(pdf_text(printing.print_pain_chart(nurse, baby, tmp_path / "pain.pdf")).split())
    assert STOP.format(found=said) in printed
    records.save_new(nurse, "pain_assessment", {**SETTLED, "assessed_at": "2026-11-28T13:40+01:00",
                                                "breathing_rate": 19}, patient_id=baby)
    assert pain.stopped_opioid(nurse.db, nurse.forms, baby, clock()).text("en") == (
        "BREATHING 19/min (under 20 a minute before 1 year)")
    records.save_new(nurse, "pain_assessment", {**SETTLED, "assessed_at": "2026-11-28T13:50+01:00",
                                                "breathing_rate": 20}, patient_id=baby)
    assert pain.stopped_opioid(nurse.db, nurse.forms, baby, clock()) is None


@pytest.mark.parametrize(("born", "kg", "breathing", "asked"), [
    ("2023-06-01", 14.0, 14, ["BREATHING 14/min (under 15 a minute from 1 to 5 years)"]),
    ("2023-06-01", 14.0, 15, []),
    ("2020-06-01", 21.0, 12, []),
    ("2020-06-01", 21.0, 9, ["BREATHING 9/min"])], ids=["3 years, 14", "3 years, 15", "6 years, 12", "6 years, 9"])
def test_a_child_from_1_to_5_years_is_held_to_15_and_from_6_to_10(session_for, admit_child, clock, born, kg,
                                                                  breathing, asked):
    child = admit_child(born, "5", kg)
    nurse = session_for("nurse")
    records.save_new(nurse, "pain_assessment", {**SETTLED, "assessed_at": "2026-11-28T13:30+01:00",
                                                "breathing_rate": breathing}, patient_id=child)
    finding = pain.stopped_opioid(nurse.db, nurse.forms, child, clock())
    assert ([] if finding is None else [finding.text("en")]) == asked


@pytest.mark.parametrize(("breathing", "asked"), [
    (14, ["BREATHING 14/min (under 15 a minute from 1 to 5 years)"]), (18, [])])
@pytest.mark.parametrize("at", ["2026-11-28T00:30+01:00", "2026-11-27T23:30+00:00"],
                         ids=["ward's clock", "laptop set to UTC"])
def test_the_age_is_the_one_on_the_wards_day(session_for, admit_child, clock, at, breathing, asked):
    """A first birthday at midnight: at 00:30 the child is 1, held to 15 a minute, however the
    laptop's clock was set (read on UTC's 27/11, the baby's 20 would stop the opioid at 18)."""
    child = admit_child("2025-11-28", "6", 9.5)
    nurse = session_for("nurse")
    records.save_new(nurse, "pain_assessment", {**SETTLED, "assessed_at": at, "breathing_rate": breathing},
                     patient_id=child)
    finding = pain.stopped_opioid(nurse.db, nurse.forms, child, clock())
    assert ([] if finding is None else [finding.text("en")]) == asked
