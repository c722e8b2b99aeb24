"""NICE NG89's reasons against anti-embolism stockings besides an acute stroke, ticked with the
risks (version 3 of the assessment): peripheral arterial disease or bypass grafting, neuropathy or
other sensory impairment, skin stockings may damage, an allergy to their material, severe leg
oedema, a limb deformity or unusual leg size or shape. Stockings are refused when one is ticked,
by the one rule that refuses them after a stroke; an assessment of version 2 ticked none and reads
as before; the blank stays one page."""

import pytest

from downtime.domain.vte import stockings_ruled_out
from downtime.services import census, records, vte
from downtime.services.errors import ValidationFailed

ASSESSED = {"assessed_at": "2026-11-28T10:00+01:00", "mobility": "medical_reduced",
            "thrombosis_risks": ["over_60", "comorbidity"], "bleeding_risks": [], "prophylaxis": "mechanical"}
STOCKINGS = {**ASSESSED, "mechanical_device": "stockings"}


def _said(session, lang="en"):
    at = session.clock()
    inside = census.in_patients(session.db, session.forms, "3B", at)
    return vte.handover(session.db, session.forms, inside, at, lang), vte.escalation(
        session.db, session.forms, inside, at, lang).asking


def test_stockings_are_refused_with_a_reason_against_them_ticked(session_for, patient, forms, french):
    doctor, spec = session_for("doctor"), forms["vte_assessment"]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "vte_assessment", {**STOCKINGS, "against_stockings": ["arterial_disease", "leg_oedema"]},
                         patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "mechanical_device", "“Mechanical prophylaxis”: no anti-embolism stockings with what is ticked (NICE NG89: "
        "peripheral arterial disease, suspected or proven; severe leg oedema): choose intermittent pneumatic "
        "compression, or another decision.")]
    french(vte.STOCKINGS_RULED_OUT, "« {field} » : pas de bas anti-thrombose avec ce qui est coché (NICE NG89 : "
                                    "{reasons}) : choisir la compression pneumatique intermittente, ou une autre "
                                    "décision.")
    with pytest.raises(ValidationFailed) as refused:  # with a stroke too, all said
        vte.check(spec, {**STOCKINGS, "bleeding_risks": ["acute_stroke"], "against_stockings": ["skin_damage"]}, "fr")
    assert refused.value.errors[0].message == (
        "« Prophylaxie mécanique » : pas de bas anti-thrombose avec ce qui est coché (NICE NG89 : AVC aigu ; peau "
        "fragile, dermatose, gangrène, greffe de peau récente) : choisir la compression pneumatique intermittente, ou "
        "une autre décision.")
    saved = records.save_new(doctor, "vte_assessment", {**STOCKINGS, "mechanical_device": "ipc",
                                                        "against_stockings": ["sensory_impairment"]}, patient_id=patient)
    with pytest.raises(ValidationFailed):  # an amendment to stockings
        records.amend(doctor, saved.record_id, {**saved.data, "mechanical_device": "stockings"}, "Device")
    assert records.amend(doctor, saved.record_id, {**saved.data, "against_stockings": []}, "Neuropathy ruled out",
                         ).data["against_stockings"] == []
    assert records.amend(doctor, saved.record_id, {**saved.data, "mechanical_device": "stockings",
                                                   "against_stockings": []}, "Stockings").version == 3


def test_every_reason_rules_stockings_out_and_compression_or_no_mechanical_decision_is_not(forms):
    codes = [option.code for option in forms["vte_assessment"].field("against_stockings").options]
    assert codes == ["arterial_disease", "arterial_bypass", "sensory_impairment", "skin_damage", "allergy",
                     "leg_oedema", "leg_shape"]
    for code in codes:
        assert stockings_ruled_out({**STOCKINGS, "against_stockings": [code]}) == [("against_stockings", code)]
    assert stockings_ruled_out({**STOCKINGS, "mechanical_device": "ipc", "against_stockings": codes}) == []
    assert stockings_ruled_out({**ASSESSED, "prophylaxis": "pharmacological", "against_stockings": codes}) == []
    assert stockings_ruled_out({**ASSESSED, "against_stockings": ["allergy"]}) == [("against_stockings", "allergy")]


def test_stockings_merged_with_a_reason_against_them_are_asked_of_the_doctor(session_for, patient):
    """A record no laptop checked (the hospital's snapshot) still warns the nurses."""
    records.save_imported(session_for("records"), "vte_assessment", {**STOCKINGS, "against_stockings": ["allergy"]},
                          patient, "7d1c3b2a-9e8f-4a6b-8c5d-0e1f2a3b4c5d")
    handover, escalation = _said(session_for("nurse"))
    said = ("NO ANTI-EMBOLISM STOCKINGS (NICE NG89: allergy to the material): ask the doctor for intermittent "
            "pneumatic compression or another decision")
    assert handover == {patient: f"VTE risk assessed 28/11 10:00: Mechanical, anti-embolism stockings; {said}"}
    assert escalation[patient][1] == [said]
    assert _said(session_for("nurse"), "fr")[1][patient][1] == [
        "PAS DE BAS ANTI-THROMBOSE (NICE NG89 : allergie au matériau) : demander au médecin une compression "
        "pneumatique intermittente ou une autre décision"]


def test_an_assessment_of_version_2_ticked_none_and_reads_as_before(session_for, patient, forms):
    assert forms["vte_assessment"].version == 4
    older = records.save_imported(session_for("records"), "vte_assessment", STOCKINGS, patient,
                                  "2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7a8b")
    handover, escalation = _said(session_for("nurse"))
    assert handover == {patient: "VTE risk assessed 28/11 10:00: Mechanical, anti-embolism stockings"}
    assert escalation == {}
    assert records.amend(session_for("doctor"), older.record_id, {**STOCKINGS, "notes": "Legs checked"},
                         "Note added").version == 2


def test_the_blank_asks_the_reasons_and_stays_one_page(blank_pages):
    english, french = blank_pages("vte_assessment", "en"), blank_pages("vte_assessment", "fr")
    assert len(english) == len(french) == 1
    assert "Against anti-embolism stockings (NICE NG89)" in english[0] and "Severe leg oedema" in english[0]
    assert "Contre-indications aux bas anti-thrombose (NICE NG89)" in french[0] and "Allergie au matériau" in french[0]
