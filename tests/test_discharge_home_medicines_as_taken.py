"""The going-home letter gave each home medicine as typed at admission, "Bisoprolol 2.5 mg
morning, last today 08:00 — taken before admission, not charted…", days after that today: the
letter says the medicine and its dose, up to when it was last taken, as the ward's line does."""

from downtime.services import records
from tests.test_discharge_medicines import going_home  # noqa: F401 (a fixture)
from tests.test_discharge_reconciliation import _discharge_medicines


def test_the_going_home_letter_gives_a_home_medicine_without_when_it_was_last_taken(
        session_for, going_home):  # noqa: F811
    nurse = session_for("nurse")
    admission = next(record for record in records.list_current(nurse.db, patient_id=going_home)
                     if record.form_id == "admission")
    records.amend(nurse, admission.record_id, {
        **admission.data, "usual_medicines": "Apixaban 5 mg twice a day, last today 08:00"}, "time of the last dose")
    assert ("Apixaban 5 mg twice a day — taken before admission, not charted in hospital: continue, stop or change? …"
            in _discharge_medicines(nurse, going_home).splitlines())
