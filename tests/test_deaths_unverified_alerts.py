"""A death found on a night round recorded before it was verified (death form version 4,
`verification_pending`): the escalation list and the handover sheet say "DEATH NOT VERIFIED YET"
under "Left the ward", and whom to call (a registered nurse trained to may verify an expected death
the coroner need not hear of: RCN 2019), until the record is amended with who verified it and when."""

from datetime import datetime

from downtime.services import chart_alerts, printing, records, wards
from tests.conftest import VERIFIED, death_answers
from tests.pdf_text import pdf_text


def test_a_death_not_verified_yet_is_handed_over_until_amended(session_for, admission_values, clock, tmp_path):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    clock.now = datetime.fromisoformat("2026-11-29T03:30+01:00")
    found = {key: value for key, value in death_answers("2026-11-29T03:10+01:00").items()
             if key not in ("verified_at", "verified_by")}
    death = records.save_new(nurse, "death", {**found, "verification_pending": True, "expected": True,
                                              "family_informed": True, "certificate_done": False},
                             patient_id=patient)

    def left() -> list[list[str]]:
        return [alert.said for alert in chart_alerts.left_untold(nurse.db, nurse.forms, [], "3B", "en", {},
                                                                 at=clock.now, zone=clock.now.tzinfo)]

    expected = "DEATH NOT VERIFIED YET: call the doctor, or a registered nurse trained to verify an expected death"
    assert left() == [[expected, "death certificate not done", "amend the death record once done"]]
    assert f"{expected}; death certificate not done" in " ".join(
        pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).split())
    records.amend(nurse, death.record_id, {**death.data, "referred_to_coroner": True}, "Unexplained bruising: coroner")
    assert left()[0][0] == "DEATH NOT VERIFIED YET: call the doctor", "a coroner's case is the doctor's to verify"
    death = records.current(nurse.db, death.record_id)
    clock.now = datetime.fromisoformat("2026-11-29T08:30+01:00")
    records.amend(nurse, death.record_id, {**death.data, "verification_pending": False,
                                           "verified_at": "2026-11-29T08:15+01:00", "verified_by": "Dr Benali",
                                           "certificate_done": True, **VERIFIED}, "Verified and certified by Dr Benali")
    assert left() == []
