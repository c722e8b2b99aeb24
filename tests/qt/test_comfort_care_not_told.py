"""On comfort care a high NEWS2 asks nobody to be told: RCP NEWS2 (2017) does not apply to end-of-life
care, and the handover sheet and the escalation list on screen showed a dying patient's 15 as
"NOT RECORDED", in red, as if the nurse had failed to escalate."""

from datetime import datetime

from downtime.qt.observations_view import EscalationModel
from downtime.services import observations, printing, records
from tests.pdf_text import pdf_text
from tests.test_observation_plan import DYING, dying, plan  # noqa: F401  (the fixture)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _told(nurse, forms, clock, tmp_path) -> tuple[str, str, bool]:
    """Who was told as the sheet prints it, and as the screen's TOLD column says it, with its warning."""
    sheet = pdf_text(printing.print_census(nurse, tmp_path / f"{clock.now:%H%M}.pdf", ward="3B"))
    model = EscalationModel()
    model.set_rows(observations.review(nurse.db, forms, "3B", clock.now).escalations)
    return sheet, model.text(0, EscalationModel.TOLD), model.is_warning(0, EscalationModel.TOLD)


def test_a_high_score_on_comfort_care_is_not_said_told_not_recorded(session_for, dying, clock, forms,  # noqa: F811
                                                                     tmp_path):
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T13:00+01:00")
    sheet, told, warned = _told(nurse, forms, clock, tmp_path)
    assert "Told: NOT RECORDED" in sheet and (told, warned) == ("NOT RECORDED", True)
    clock.now = _at("2026-11-28T14:00+01:00")
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)
    clock.now = _at("2026-11-28T16:05+01:00")
    records.save_new(nurse, "observations", {**DYING, "taken_at": "2026-11-28T16:00+01:00"}, patient_id=dying)
    clock.now = _at("2026-11-28T20:00+01:00")
    sheet, told, warned = _told(nurse, forms, clock, tmp_path)
    assert "Told: NOT RECORDED" not in sheet and (told, warned) == ("", False)
