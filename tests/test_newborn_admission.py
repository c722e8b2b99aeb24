"""A baby born on the ward is admitted under the mother's family name before its first names
are declared: "First names … is required" left only the unidentified path, which drops the
family name that links the baby to its mother."""

import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import given, strategies as st

from downtime.formspec.schema import BornWithin, holds
from downtime.services import records, wards
from downtime.services.census import patient_with_location
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export

BABY = {"given_names": None, "used_name": None, "nir": None, "identity_status": "provisional",
        "arrival_at": "2026-11-28T09:00+01:00", "weight_kg": 3.4, "height_cm": 50, "bed": "13"}


@pytest.fixture
def nurse(session_for):
    wards.add_ward(session_for("admin"), "3B", "Maternity", [str(n) for n in range(1, 21)])
    return session_for("nurse")


@pytest.mark.parametrize("born", ["2026-11-28", "2026-11-01"])  # born today, 27 days before arriving
def test_a_newborn_is_admitted_without_first_names(nurse, admission_values, born):
    saved = records.save_new(nurse, "admission", {**admission_values, **BABY, "birth_date": born})
    patient = patient_with_location(nurse.db, nurse.forms, saved.patient_id)
    assert patient.display_name == "LEFÈVRE" and not patient.unidentified
    assert str(patient.birth_date) == born


@pytest.mark.parametrize("born", ["2026-10-31", "1954-03-12"])  # 28 days old, an adult
def test_anyone_older_still_needs_their_first_names(nurse, admission_values, born):
    with pytest.raises(ValidationFailed, match="First names"):
        records.save_new(nurse, "admission", {**admission_values, **BABY, "birth_date": born})


def test_a_newborn_without_first_names_goes_to_the_ehr_under_the_family_name(nurse, admission_values, session_for,
                                                                            tmp_path):
    baby = records.save_new(nurse, "admission", {**admission_values, **BABY, "birth_date": "2026-11-28"}).patient_id
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    (patient,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Patient"
                  and entry["resource"]["id"] == baby]
    assert patient["name"] == [{"use": "official", "family": "Lefèvre"}]


@given(st.one_of(st.none(), st.text(max_size=30), st.dates().map(str)), st.one_of(st.none(), st.text(max_size=30)))
def test_whether_a_baby_is_newborn_is_read_from_anything_typed_without_failing(born, arrived):
    """The form asks at each keystroke, with the date still half typed."""
    newborn = holds(BornWithin(field="birth_date", born_within_days=28, before="arrival_at"),
                    {"birth_date": born, "arrival_at": arrived})
    assert newborn in (True, False)
    if newborn:
        assert born and arrived
