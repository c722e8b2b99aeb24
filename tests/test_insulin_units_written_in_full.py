"""An insulin order writing "units" abbreviated (services.medication.check_order): NPSA/2010/RRR013
has units written in full ("4U" is read as 40, "IU" as IV), yet a sliding scale "8-12: 2u" and an
"Actrapid 50 IU in 50 mL" were saved, and the MAR printed them as written for the nurse to dose from."""

import pytest

from downtime.domain.medication import units_abbreviated
from downtime.services import records
from downtime.services.errors import ValidationFailed

ASPART = {"drug": "Insulin aspart", "dose": 6.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
          "times": "08:00 12:00 18:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": True,
          "time_critical": True}
VRIII = {"drug": "Actrapid 50 units in 50 mL", "dose": 50.0, "dose_unit": "units", "route": "IV", "form": "infusion",
         "rate_ml_h": 2.0, "dose_rule": "rate by the VRIII scale on the hourly capillary glucose",
         "frequency": "once", "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": True,
         "time_critical": True}


@pytest.mark.parametrize(("field", "written", "typed"), [
    ("dose_rule", "under 8: none; 8-12: 2u; 12-16: 4u; over 16: 6u", "2u"),
    ("dose_rule", "8-12: 2 IU; 12-16: 4 IU", "2 IU"),
    ("dose_rule", "8-12: 2U; 12-16: 4U", "2U"),
    ("dose_rule", "under 4: 0.5u/h", "0.5u"),
    ("dose_rule", "glycémie 8 à 12 : 2 UI ; 12 à 16 : 4 UI", "2 UI"),
    ("drug", "Actrapid 50u in 50 mL", "50u"),
    ("drug", "Actrapid 50 IU in 50 mL", "50 IU"),
])
def test_units_abbreviated_in_an_insulin_order_are_refused_on_their_field(session_for, medication_ward, field,
                                                                            written, typed):
    base = VRIII if field == "drug" else ASPART
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor"), "medication_order", {**base, field: written},
                         patient_id=medication_ward[0])
    [error] = refused.value.errors
    assert error.path == field
    assert f"write “units” in full, not “{typed}”" in error.message


def test_the_refusal_in_french(session_for, medication_ward):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor", lang="fr"), "medication_order",
                         {**ASPART, "dose_rule": "glycémie 8 à 12 : 2 UI"}, patient_id=medication_ward[0])
    assert "écrire « unités » en toutes lettres, pas « 2 UI »" in refused.value.errors[0].message


@pytest.mark.parametrize("text", ["8-12: 2 units; 12-16: 4 units", "glycémie 8 à 12 : 2 unités", "Lantus",
                                  "Humulin R U-500", "NovoMix 30", "Humalog Mix25", "under 4: 0.5 units/h"])
def test_units_written_in_full_are_not_taken_for_abbreviated(text):
    assert units_abbreviated(text) is None


def test_another_medicine_in_units_is_not_asked(session_for, medication_ward):
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Heparin 25000 units in 50 mL", "dose": 25000.0, "dose_unit": "units", "route": "IV",
        "form": "infusion", "rate_ml_h": 2.0, "dose_rule": "rate by the APTT nomogram", "frequency": "once",
        "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": True}, patient_id=medication_ward[0])
