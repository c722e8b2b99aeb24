"""An allergy recorded after an order was written (co-amoxiclav, then a penicillin anaphylaxis the
daughter reports): a nurse alone gave the dose by typing any override reason, and nothing but the
printed MAR told the prescriber. The dose is refused until the prescriber reviews the order, and
the escalation list, the handover sheet and the chart's row ask for that review."""
from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, home_medicines, medication, printing, records
from downtime.services.errors import ServiceError
from tests.test_allergy_reason_and_holds import GIVEN_AT_16, _written_before_the_allergy

AT_16 = datetime.fromisoformat("2026-11-28T16:05+01:00")
WITHHELD_AT_16 = {"outcome": "not_given", "given_at": "2026-11-28T16:05+01:00",
                  "scheduled_for": "2026-11-28T16:00+01:00", "not_given_reason": "held",
                  "not_given_detail": "penicillin anaphylaxis recorded since: prescriber asked to review"}
LINE = {"en": "NOT TO BE GIVEN — ALLERGY RECORDED AFTER THE ORDER: Penicillin (Anaphylaxis, severe): the prescriber "
              "to review the order (amend it with the allergy acknowledged, or stop it)",
        "fr": "NE PAS ADMINISTRER — ALLERGIE ENREGISTRÉE APRÈS LA PRESCRIPTION : Penicillin (Anaphylaxis, sévère) : "
              "le prescripteur doit revoir la prescription (la modifier en prenant acte de l’allergie, ou l’arrêter)"}


def _asked(session, patient: str, at: datetime) -> tuple[list[list[str]], list[str]]:
    """What the escalation list says of the patient's orders (not of the medicines taken before
    admission, none recorded: asked a day after admission), and their handover lines of them."""
    inside = [row.patient for row in census.census(session.db, session.forms, ward="3B", at=at) if row.patient]
    found = chart_alerts.alerts(session.db, session.forms, inside, at, session.lang, ward="3B").alerts
    return ([alert.said for alert in found if alert.form_id == medication.ORDER_FORM
             and alert.latest != home_medicines.WORDS["heading"][session.lang]],
            [line for line in printing._charted(session, inside, at, {}).get(patient, []) if "Co-amoxiclav" in line])


def test_a_dose_is_refused_whatever_reason_the_nurse_types(session_for, admission_values, clock):
    nurse, patient, order = _written_before_the_allergy(session_for, admission_values)
    clock.now = AT_16
    with pytest.raises(ServiceError) as refused:
        medication.record_dose(nurse, order, GIVEN_AT_16, overrides={Check.ALLERGY: "patient says she is fine"})
    assert not isinstance(refused.value, medication.OverrideNeeded)
    assert refused.value.text("en") == (
        "Co-amoxiclav is not to be given: Penicillin (Anaphylaxis, severe) was recorded after it was prescribed, "
        "and the prescriber has not reviewed the order. Record the dose withheld (W) and ask the prescriber to review "
        "the order: amend it with the allergy acknowledged (“Prescribed despite the recorded allergy (reason)”), "
        "or stop it. At night, take the on-call prescriber's decision as a telephone order: amend the order, given by "
        "telephone, with the allergy reason.")
    assert medication.administrations(nurse.db, patient) == []
    # Withheld, as the nurse is told to record it, is saved.
    assert medication.record_dose(nurse, order, WITHHELD_AT_16).data["outcome"] == "not_given"


def test_the_escalation_list_the_handover_and_the_chart_row_ask_the_prescriber(session_for, admission_values,
                                                                               clock):
    _, patient, order = _written_before_the_allergy(session_for, admission_values)
    clock.now = AT_16
    for lang in ("en", "fr"):
        nurse = session_for("nurse", lang)
        escalated, handed = _asked(nurse, patient, AT_16)
        assert [LINE[lang]] in escalated, escalated
        assert any(LINE[lang] in line and "Co-amoxiclav" in line for line in handed), handed
        summary = census.patient_with_location(nurse.db, nurse.forms, patient)
        assert {patient_id: [(found.record_id, said) for found, said in unreviewed] for patient_id, unreviewed in
                medication.allergies_unreviewed(nurse.db, nurse.forms, lang, [summary], AT_16).items()} == {
            patient: [(order, LINE[lang])]}


def test_the_prescriber_acknowledging_the_allergy_lets_the_dose_be_given(session_for, admission_values, clock):
    nurse, patient, order = _written_before_the_allergy(session_for, admission_values)
    clock.now = AT_16
    doctor = session_for("doctor")
    written = records.current(doctor.db, order)
    with pytest.raises(medication.AllergyReasonNeeded):
        records.amend(doctor, order, {**written.data, "times": "16:00 22:00"}, "reviewed")
    records.amend(doctor, order, {**written.data, "allergy_reason": "Desensitised under allergist; anaphylaxis kit"},
                  "allergy reviewed")
    assert _asked(nurse, patient, AT_16) == ([], [])
    with pytest.raises(medication.OverrideNeeded):  # the allergy is still asked about, with the reason quoted
        medication.record_dose(nurse, order, GIVEN_AT_16)
    given = medication.record_dose(nurse, order, GIVEN_AT_16, overrides={Check.ALLERGY: "reason read, kit ready"})
    assert given.data["outcome"] == "given"


def test_the_prescriber_stopping_the_order_ends_the_question(session_for, admission_values, clock):
    nurse, patient, order = _written_before_the_allergy(session_for, admission_values)
    clock.now = AT_16
    doctor = session_for("doctor")
    written = records.current(doctor.db, order)
    records.amend(doctor, order, {**written.data, "stop_at": "2026-11-28T16:04+01:00"}, "penicillin anaphylaxis")
    assert _asked(nurse, patient, AT_16) == ([], [])
