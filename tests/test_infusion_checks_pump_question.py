"""The pump's question of version 2 asked under a field of its own (`pump_ok`, "Pump working (on
hold if paused), battery good"), version 1's answer ("Pump running, battery good", `pump_working`)
read with its own meaning: asked under one id, a version-1 "No" at a paused bag (the pump not
running, on purpose) amended on a version-2 laptop for the wording of its action became "PUMP ON
HOLD FAULTY", and stayed on the escalation list though nobody had said the pump was faulty."""

from dataclasses import replace
from pathlib import Path

import pytest

from downtime.formspec.loader import load_form
from downtime.services import infusion_checks, infusion_rates, records
from downtime.services.errors import ValidationFailed
from tests.test_infusion_checks import _at, _check
from tests.test_infusion_rates import fluids_running  # noqa: F401  (the fixture)

FORMS = Path(__file__).parents[1] / "forms"


def _checked_on_version_1(nurse, order_id: str, folder: Path):
    """A check recorded by a laptop with version 1 of the form (its pump question under
    `pump_working`), at the bag paused at 10:00."""
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T10:00+01:00", "change": "paused",
                                                 "rate_ml_h": None, "reason": "Cannula tissued, awaiting resite"})
    path = folder / "infusion_check.yaml"
    path.write_text((FORMS / "infusion_check.yaml").read_text(encoding="utf-8").replace(
        "version: 2\n", "version: 1\n", 1).replace("pump_ok", "pump_working").replace("        since: 2\n", ""),
        encoding="utf-8")
    older = replace(nurse, forms={**nurse.forms, infusion_checks.FORM: load_form(path)})
    return infusion_checks.record_check(older, order_id, {
        "checked_at": "2026-11-28T12:00+01:00", "volume_left_ml": 750.0, "pump_rate_ml_h": 125.0, "site": "ok",
        "line_intact": True, "pump_working": False, "action": "Pump on hold while awaiting resite"}).record


def _line(nurse, patient) -> str:
    return [line for lines in infusion_checks.chart_lines(nurse, [patient], "en", None).under_bag.values()
            for _, line in lines][-1]


def test_a_version_1_check_amended_on_version_2_keeps_its_pump_answers_meaning(fluids_running, session_for, clock,
                                                                             tmp_path):
    nurse, patient, order_id, _ = fluids_running
    saved = _checked_on_version_1(nurse, order_id, tmp_path)
    assert _line(nurse, patient).endswith("— PUMP NOT RUNNING OR BATTERY LOW → Pump on hold while awaiting resite")
    doctor = session_for("doctor")
    clock.now = _at("2026-11-28T12:30+01:00")
    # Version 2's question is not version 1's: its answer is asked of the amendment, not taken from "running".
    with pytest.raises(ValidationFailed) as refused:
        records.amend(doctor, saved.record_id, {**saved.data, "action": "Pump on hold; Dr aware"}, "Worded in full")
    assert refused.value.errors[0].path == infusion_checks.PUMP_WORKING == "pump_ok"
    amended = records.amend(doctor, saved.record_id, {**saved.data, "action": "Pump on hold; Dr aware",
                                                      "pump_ok": True}, "Worded in full")
    assert amended.data["pump_working"] is False and amended.data["pump_ok"] is True  # the first answer kept
    assert "PUMP" not in _line(nurse, patient)


def test_version_2_asks_its_pump_question_under_its_own_field(fluids_running):
    nurse, _, order_id, _ = fluids_running
    spec = nurse.form(infusion_checks.FORM)
    assert [field.id for field in spec.fields() if field.id.startswith("pump_")] == ["pump_rate_ml_h", "pump_ok"]
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T10:00+01:00", "change": "paused",
                                                 "rate_ml_h": None, "reason": "Hypotensive, fluids held"})
    faulty = _check(nurse, order_id, "2026-11-28T11:00+01:00", 750.0, pump_ok=False, action="Pump changed")
    assert faulty.said == ["The pump is faulty or its battery is low."]
    assert "pump_working" not in faulty.record.data


def test_the_export_names_the_pump_question_each_check_answered(session_for, fluids_running, clock, tmp_path):
    """A paused pump on hold answers version 2's question Yes: sent as "Pump running" = True, the
    EHR read it as running; version 1's answer keeps version 1's question."""
    from downtime.sync.export import export
    from tests.test_infusion_checks_exported import _checks_sent

    nurse, _, order_id, _ = fluids_running
    older = _checked_on_version_1(nurse, order_id, tmp_path)
    clock.now = _at("2026-11-28T13:10+01:00")
    newer = _check(nurse, order_id, "2026-11-28T13:00+01:00", 750.0, pump_ok=True).record
    sent = _checks_sent(export(session_for("records"), tmp_path / "out").folder)
    pump = {record_id: [(part.code.text, part.valueBoolean) for part in sent[record_id].component][-1]
            for record_id in (older.record_id, newer.record_id)}
    assert pump == {older.record_id: ("Pump running, battery good", False),
                    newer.record_id: ("Pump working (on hold if paused), battery good", True)}
