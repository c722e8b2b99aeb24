"""A change of position less often than the patient's risk asks, saved or amended through the
records service by any caller (the CLI, a script, the form): refused without the nurse's reason,
naming its field; saved with it, the reason kept (services.repositioning.check_often_enough),
printed on the paper chart and sent in the export."""

import json

import pytest
from fhir.resources.R4B.procedure import Procedure

from downtime.services import printing, records, repositioning
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from tests.pdf_text import pdf_text

BRADEN_9 = {"assessed_at": "2026-11-28T09:30+01:00", "sensory": "2", "moisture": "1", "activity": "1",
            "mobility": "1", "nutrition": "2", "friction": "2"}
TURN = {"turned_at": "2026-11-28T12:30+01:00", "position": "left", "skin": "intact", "next_in": "4"}
PLAN = "Care plan: 6-hourly turns agreed with the patient"


def test_the_records_service_refuses_a_six_hourly_plan_at_a_very_high_risk_without_its_reason(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    count = nurse.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "repositioning", {**TURN, "next_in": "6"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == [repositioning.SELDOM_REASON]
    assert nurse.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == count
    saved = records.save_new(nurse, "repositioning", {**TURN, "next_in": "6", repositioning.SELDOM_REASON: PLAN},
                             patient_id=patient)
    assert saved.data[repositioning.SELDOM_REASON] == PLAN


def test_an_amendment_to_six_hourly_asks_the_reason_one_leaving_it_does_not(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    saved = records.save_new(nurse, "repositioning", TURN, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, saved.record_id, {**TURN, "next_in": "6"}, "care plan changed")
    assert [error.path for error in refused.value.errors] == [repositioning.SELDOM_REASON]
    amended = records.amend(nurse, saved.record_id, {**TURN, "next_in": "6", repositioning.SELDOM_REASON: PLAN},
                            "care plan changed")
    assert records.amend(nurse, saved.record_id, {**amended.data, "skin": "blanching", "skin_where": "sacrum"},
                         "skin looked at again").data[repositioning.SELDOM_REASON] == PLAN


def test_the_paper_chart_and_the_export_say_the_reason(session_for, patient, tmp_path):
    """The reason kept was read nowhere but the record: the chart's notes and the Procedure's say it."""
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    saved = records.save_new(nurse, "repositioning", {**TURN, "next_in": "6", repositioning.SELDOM_REASON: PLAN,
                                                      "notes": "Air mattress"}, patient_id=patient)
    text = pdf_text(printing.print_repositioning_chart(nurse, patient, tmp_path / "turns.pdf"))
    assert f"6 hours Less often than advised: {PLAN} Air mattress HL" in text
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [turned] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == saved.record_id]
    assert [note.text for note in Procedure.model_validate(turned).note] == [
        "Skin over the pressure areas: Intact, no redness", "Next change of position in 6 hours",
        f"Less often than the Braden risk advises, the nurse's reason: {PLAN}", "Air mattress"]
