"""A glucose in the unit the meter shows (mmol/L, g/L on a French ward, mg/dL): asked of every new
reading, each unit's values checked, judged in mmol/L, shown and printed as typed with the mmol/L
beside, exported in mmol/L; a reading typed before the form asked was in mmol/L, and stays so."""

import json

import pytest
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.glucose import SCALES, Sign, Unit, from_mmol, out_of_scale, reading, signs, to_mmol
from downtime.services import glucose, printing, records
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export

AT = "2026-11-28T13:50+01:00"
READ = {"taken_at": AT, "timing": "before_lunch", "reading": "value", "next_in": "60"}


def _shown(unit: Unit) -> st.SearchStrategy[float]:
    """A value a meter in `unit` shows: within its values, with its places."""
    scale = SCALES[unit]
    step = 10 ** -scale.places
    return st.integers(round(scale.lowest / step), round(scale.highest / step)).map(
        lambda count: round(count * step, scale.places))


@given(st.sampled_from(list(Unit)).flatmap(lambda unit: st.tuples(st.just(unit), _shown(unit))))
def test_a_value_a_meter_shows_comes_back_from_mmol_as_typed_and_is_judged_by_its_mmol(shown):
    unit, value = shown
    assert not out_of_scale(value, unit)
    assert from_mmol(to_mmol(value, unit), unit) == value
    found = reading({"reading": "value", "glucose": value, "glucose_unit": unit.value})
    assert found.glucose == to_mmol(value, unit) and found.typed == value
    # The hypo is below 4 mmol/L, 0.72 g/L or 72 mg/dL whatever the unit.
    assert (Sign.HYPO in signs(found)) == (value < {Unit.MMOL: 4, Unit.G_L: 0.72, Unit.MG_DL: 72}[unit])


@given(st.sampled_from(list(Unit)), st.floats(0.1, 630, allow_nan=False))
def test_a_larger_value_is_never_less_glucose_and_a_value_beyond_the_unit_is_refused(unit, value):
    scale = SCALES[unit]
    assert to_mmol(value, unit) <= to_mmol(value + 1, unit)
    if not scale.lowest <= value <= scale.highest:
        assert out_of_scale(value, unit)


def test_grams_and_milligrams_are_read_as_the_meter_showed_them():
    """2,5 g/L is 13.9 mmol/L, high, its ketones asked; 30 mg/dL is 1.7 mmol/L, a severe hypo;
    a reading typed before the form asked the unit was in mmol/L."""
    grams = reading({"reading": "value", "glucose": 2.5, "glucose_unit": "g_l"})
    assert signs(grams) == [Sign.CHECK_KETONES] and grams.text() == "2.5 g/L (13.9 mmol/L)"
    milligrams = reading({"reading": "value", "glucose": 30, "glucose_unit": "mg_dl"})
    assert signs(milligrams) == [Sign.HYPO] and milligrams.text() == "30 mg/dL (1.7 mmol/L)"
    assert signs(reading({"reading": "value", "glucose": 0.7, "glucose_unit": "g_l"})) == [Sign.HYPO]
    older = reading({"reading": "value", "glucose": 2.5})
    assert signs(older) == [Sign.HYPO] and older.text() == "2.5 mmol/L"


def test_a_french_nurses_reading_in_grams_is_not_a_hypo_on_the_chart_handover_and_paper(session_for, patient,
                                                                                        tmp_path):
    nurse = session_for("nurse", "fr")
    records.save_new(nurse, "blood_glucose", {**READ, "glucose": 2.5, "glucose_unit": "g_l"}, patient_id=patient)
    (found,) = glucose.chart(nurse.db, patient)
    assert found.signs == [Sign.CHECK_KETONES] and found.text("fr") == "2,5 g/L (13,9 mmol/L)"
    assert glucose.handover(nurse.db, [patient], nurse.clock(), "fr")[patient].startswith(
        "GLYCÉMIE : 2,5 g/L (13,9 mmol/L) le 28/11 13:50 ; Au-dessus de 12 mmol/L")
    text = " ".join(PdfReader(printing.print_glucose_chart(nurse, patient, tmp_path / "g.pdf")).pages[0]
                    .extract_text().split())
    assert "2,5 g/L (13,9 mmol/L)" in text and "Glycémie et unité" in text


def test_a_new_reading_is_refused_without_its_unit_and_with_a_value_no_meter_in_it_shows(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_glucose", {**READ, "glucose": 2.5}, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [
        ("glucose_unit", "“Unit the meter shows” is required.")]
    for value, unit, said in (
            (1.25, "mmol_l", "“Glucose”: 1.25 is not what a meter reading in mmol/L shows (0.6 to 35, 1 decimal "
                             "place): check the unit the meter shows."),
            (30.0, "g_l", "“Glucose”: 30 is not what a meter reading in g/L shows (0.1 to 6.3, 2 decimal places): "
                          "check the unit the meter shows."),
            (5.6, "mg_dl", "“Glucose”: 5.6 is not what a meter reading in mg/dL shows (10 to 630, whole numbers): "
                           "check the unit the meter shows.")):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(nurse, "blood_glucose", {**READ, "glucose": value, "glucose_unit": unit},
                             patient_id=patient)
        assert [(error.path, error.message) for error in refused.value.errors] == [("glucose", said)]
    french = session_for("nurse", "fr")
    with pytest.raises(ValidationFailed, match="« Glycémie » : 1,25 n’est pas une valeur affichée par un lecteur en "
                                               "mmol/L \\(de 0,6 à 35, 1 décimale\\)"):
        records.save_new(french, "blood_glucose", {**READ, "glucose": 1.25, "glucose_unit": "mmol_l"},
                         patient_id=patient)
    # A meter's LO or HI has no value, and no unit to ask.
    assert records.save_new(nurse, "blood_glucose", {**READ, "reading": "lo"}, patient_id=patient).version == 1


def test_a_reading_typed_before_the_form_asked_the_unit_is_in_mmol_and_corrected_so(session_for, patient, clock):
    older = {"taken_at": "2026-11-28T10:00+01:00", "timing": "before_lunch", "reading": "value", "glucose": 3.1,
             "next_in": "60"}
    saved = records.save_imported(session_for("records"), "blood_glucose", older, patient,
                                  "6d1c5a0e-3b7f-4d2a-9c8e-1f0a2b3c4d5e")
    nurse = session_for("nurse")
    (found,) = glucose.chart(nurse.db, patient)
    assert found.signs == [Sign.HYPO] and found.text("en") == "3.1 mmol/L"
    amended = records.amend(nurse, saved.record_id, {**older, "glucose": 3.4}, "Misread")
    assert amended.data.get("glucose_unit") is None
    with pytest.raises(ValidationFailed, match="Unit the meter shows"):
        records.amend(nurse, records.save_new(nurse, "blood_glucose", {**READ, "glucose": 5.2, "glucose_unit": "mmol_l",
                                                                     "action": "Glucose tablets"},
                                              patient_id=patient).record_id, {**READ, "glucose": 5.4}, "Misread")


def test_a_reading_in_grams_is_exported_in_mmol_per_litre(session_for, patient, tmp_path):
    nurse = session_for("nurse", "fr")
    saved = records.save_new(nurse, "blood_glucose", {**READ, "glucose": 0.65, "glucose_unit": "g_l"},
                             patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (found,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == saved.record_id]
    # At the 1 decimal a meter in mmol/L shows, the value as typed kept (R2 #7: 3.611 no meter showed).
    assert (found["valueQuantity"]["value"], found["valueQuantity"]["code"]) == (3.6, "mmol/L")
    assert found["note"][0]["text"] == "As read on the meter: 0.65 g/L"
