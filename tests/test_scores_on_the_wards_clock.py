"""NEWS2's and PEWS's sets said on the ward's clock, whatever offset each was typed with: a set
taken at 13:00 on a laptop set to UTC (12:00+00:00), merged here, read "at 28/11 12:00" in the
incomplete set's notice, the child's chart, its escalations and the transfer letter, and a
child's next set "due 28/11 13:00" an hour before it was (the nurse looking for a set the paper
chart did not have, or thinking it overdue)."""

from datetime import date

from downtime.services import observations, pews, prefill, records
from downtime.services.census import patient_with_location
from tests.test_observations import HIGH, RECHECK, ward  # noqa: F401 (a fixture)
from tests.test_pews import BABY, SET, child  # noqa: F401 (a fixture)
from tests.test_pews_recent_temperature import BASE, SICK, _asking, _save, nurse  # noqa: F401 (a fixture)


def test_the_incomplete_notice_says_the_complete_set_on_the_wards_clock(ward):  # noqa: F811
    nurse, patient, _ = ward
    records.save_new(nurse, "observations", {**HIGH, "taken_at": "2026-11-28T12:00+00:00"}, patient_id=patient)
    records.save_new(nurse, "observations", {**RECHECK, "taken_at": "2026-11-28T13:30+01:00"}, patient_id=patient)
    chart = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))
    assert "the last complete set (NEWS2 7 — HIGH at 28/11 13:00)" in observations.incomplete_notice(chart, "en")


def test_a_childs_set_its_next_and_its_escalations_are_said_on_the_wards_clock(session_for, child, clock):  # noqa: F811
    nurse = session_for("nurse")
    spec = nurse.form(pews.FORM)
    records.save_new(nurse, pews.FORM, {**SET, "taken_at": "2026-11-28T12:30+00:00", "oxygen": "high",
                                        "concern": True}, patient_id=child)
    lines, born = pews.chart(nurse.db, child), date.fromisoformat(BABY)
    assert pews.state(lines, born, spec, clock(), "en") == (
        "PEWS 9 (3 to under 12 months) at 28/11 13:30; next set due 28/11 14:30")
    assert any("under 5 (NICE NG143), 28/11 13:30)" in said for said in pews.asking(lines, born, spec, clock(), "en"))
    said = prefill.first_answers(nurse, nurse.form("transfer_out"), child)["pews"]
    assert said.startswith("PEWS 9 (3 to under 12 months) at 28/11 13:30:")


def test_a_full_set_standing_and_a_temperature_read_from_it_are_said_on_the_wards_clock(nurse,  # noqa: F811
                                                                                     admit_to_paediatrics):
    toddler = admit_to_paediatrics("1", "2024-06-01", 12.0, "Toddler")
    records.save_new(nurse, pews.FORM, {**BASE, **SICK, "temperature": 35.4, "taken_at": "2026-11-28T06:00+00:00",
                                        "notes": "Dr Benali told 07:05"}, patient_id=toddler)
    _save(nurse, toddler, "08:00", heart_rate=None)
    asks = _asking(nurse, toddler, nurse.clock())
    assert any(said.startswith("LAST FULL SET (28/11 07:00) STILL STANDS:") for said in asks), asks
    assert any("temperature of the 28/11 07:00 set, 28/11 08:00)" in said for said in asks), asks
