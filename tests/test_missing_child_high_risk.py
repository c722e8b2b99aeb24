"""A child missing from hospital is at HIGH risk whatever the nurse ticks (trusts' missing-patient
policies; DfE 2014): the form opens with "A child or a vulnerable adult" ticked and the risk HIGH,
a medium or low risk is refused naming the Risk field, and the police are due once the immediate
search is done. A 2-year-old was saved "low risk", the police to be told an hour later (review
R1 D1). A child's record the check never saw (the birth date recorded after it, or saved before
the rule) is read HIGH until the child is back (review S4 S4)."""

from datetime import date, datetime

import pytest

from downtime.domain.missing_patient import CHILD_FACTOR, child_at
from downtime.services import census, chart_alerts, missing_patient, prefill, records
from downtime.services.errors import ValidationFailed
from tests.conftest import GIRARD, unknown_man

CHILD = {"noticed_at": "2026-11-28T13:30+01:00", "last_seen_at": "2026-11-28T13:20+01:00",
         "last_seen_where": "play room", "description": "Small boy, blue pyjamas", "how": "not_known",
         "risk_factors": [], "risk": "low"}


@pytest.fixture
def ward(admit_to_paediatrics):
    """Ward PED: Noe, 2 years; Sam, 17 years and 11 months when noticed missing."""
    return {"two": admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe"),
            "seventeen": admit_to_paediatrics("4", "2008-12-20", 60.0, "Sam")}


@pytest.mark.parametrize("lang, said", [
    ("en", "“Risk”: a child (2 years) missing from hospital is at HIGH risk whatever is ticked: answer HIGH"),
    ("fr", ("« Risque » : un enfant (2 ans) disparu de l’hôpital est à risque ÉLEVÉ quels que soient les éléments "
            "cochés"))])
@pytest.mark.parametrize("judged", ["low", "medium"])
def test_a_missing_child_judged_medium_or_low_is_refused_naming_the_risk(session_for, ward, lang, said, judged):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse", lang=lang), "missing_patient", {**CHILD, "risk": judged},
                         patient_id=ward["two"])
    (error,) = refused.value.errors
    assert error.path == "risk" and error.message.startswith(said)


def test_a_missing_child_at_high_risk_asks_the_police_once_the_immediate_search_is_done(session_for, ward, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "missing_patient", {**CHILD, "risk": "high"}, patient_id=ward["seventeen"])
    clock.advance(hours=1)
    inside = census.in_patients(nurse.db, nurse.forms, "PED", nurse.clock())
    (alert,) = [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), nurse.lang,
                                                       ward="PED").alerts if alert.form_id == "missing_patient"]
    assert "HIGH RISK" in alert.latest and alert.urgent


def test_the_form_opens_for_a_child_with_the_factor_ticked_and_the_risk_high(session_for, ward):
    nurse = session_for("nurse")
    opened = prefill.first_answers(nurse, nurse.form("missing_patient"), ward["two"])
    assert (opened["risk_factors"], opened["risk"]) == ([CHILD_FACTOR], "high")


def test_a_child_is_one_under_18_when_noticed_missing():
    noticed = datetime.fromisoformat(CHILD["noticed_at"])
    assert child_at(date(2008, 11, 29), noticed) and not child_at(date(2008, 11, 28), noticed)
    assert not child_at(None, noticed)
    assert missing_patient.first_answers(date(2008, 11, 28), noticed) == {}


def _missing_alert(nurse) -> tuple[str, bool]:
    inside = census.in_patients(nurse.db, nurse.forms, "PED", nurse.clock())
    (alert,) = [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), nurse.lang,
                                                       ward="PED").alerts if alert.form_id == "missing_patient"]
    return alert.latest, alert.urgent


def test_a_child_identified_after_being_recorded_missing_at_low_risk_is_read_high(session_for, admission_values,
                                                                                   clock):
    """A boy "about 12", his birth date not known, recorded missing at low risk (accepted: no age
    to hold it to), then identified as a 12-year-old: the alert still counted down to the police
    an hour later, as low risk."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "PED", "Paediatrics", ["1"])
    nurse = session_for("nurse")
    boy = records.save_new(nurse, "admission", {**unknown_man(admission_values), "descriptor": "boy about 12",
                                                "ward": "PED", "bed": "1", "arrival_at": "2026-11-28T09:00+01:00"})
    saved = records.save_new(nurse, "missing_patient", CHILD, patient_id=boy.patient_id)
    assert missing_patient.risk(saved.data) == "low"
    records.amend(nurse, boy.record_id, {**boy.data, **GIRARD, "given_names": "Tom", "birth_date": "2014-06-14"},
                  "Identified")
    clock.advance(hours=1)
    latest, urgent = _missing_alert(nurse)
    assert "HIGH RISK" in latest and urgent
    assert missing_patient.risk(saved.data, date(2014, 6, 14)) == "high"
    back = {**CHILD, "returned_at": "2026-11-28T14:00+01:00", "returned_where": "Car park"}
    assert missing_patient.risk(back, date(2014, 6, 14)) == "low"  # back: read as it was recorded
