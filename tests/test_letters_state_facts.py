"""A letter to the next team (a transfer to another hospital, a discharge) states facts, not this
ward's instructions: a bag its rates had emptied went on both letters as "should have run out at
16:00: record the next syringe or bag, or its stop", a task for a ward that no longer has the
patient, and a medicine a high potassium holds "hold and ask the doctor" (review s65 H2 item 7)."""

from datetime import datetime

from downtime.services import prefill
from tests.test_high_potassium_holds_the_medicines_that_raise_it import _phoned_high, raisers  # noqa: F401
from tests.test_infusion_rates import fluids_running  # noqa: F401  (fixture)

LETTERS = {"transfer_out": "current_treatments", "discharge": "medicines_on_discharge"}


def test_a_bag_run_out_is_said_on_a_letter_as_a_fact(fluids_running, clock):  # noqa: F811
    """Saline 1 L at 125 mL/h put up at 08:00, nothing charted since: empty by 16:00, read at 18:00."""
    nurse, patient, _, _ = fluids_running
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    for form_id, field in LETTERS.items():
        line = next(line for line in prefill.first_answers(nurse, nurse.form(form_id), patient)[field].splitlines()
                    if "Sodium chloride" in line)
        assert line.endswith("— should have run out at 16:00: neither its stop nor a next syringe or bag recorded"), \
            line


def test_a_hold_is_said_on_a_letter_as_its_fact(session_for, raisers, clock):  # noqa: F811
    """Ramipril held for a potassium of 6.8: the letters said "hold and ask the doctor", this ward's
    task, which a team elsewhere cannot know was done; they say what holds it."""
    patient, _ = raisers
    _phoned_high(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    for lang in ("en", "fr"):
        nurse = session_for("nurse", lang)
        for form_id, field in LETTERS.items():
            line = next(line for line in prefill.first_answers(nurse, nurse.form(form_id), patient)[field].splitlines()
                        if "Ramipril" in line)
            assert line.endswith({
                "en": "— HELD: Ramipril: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30, and this medicine "
                      "raises it.",
                "fr": "— SUSPENDU : Ramipril : KALIÉMIE 6,8 mmol/L (3.5–5.3) reçue le 29/11 10:30, et ce médicament "
                      "l’augmente."}[lang]), line
