"""What the save of a move to another ward asks (services.leaving.still_asked's `moved_to`): the
patient stays in hospital. The discharge's words had the nurse chart a stop of the saline going
on to 5A with the patient (read there, once the stick came, as a bag no longer up), have the
coordinator cancel Monday's hip, and tell "the team taking over" of the 18:00 levodopa."""

from datetime import datetime

from downtime.services import leaving
from tests.test_leaving import booked_for_monday, drip_up  # noqa: F401 (fixtures)
from tests.test_leaving_destination import levodopa_due_at_six  # noqa: F401 (fixture)


def test_a_move_keeps_the_bag_running_and_the_booking(session_for, drip_up, booked_for_monday, clock):  # noqa: F811
    nurse = session_for("nurse")
    asked = leaving.still_asked(nurse.db, nurse.forms, drip_up, clock.now, "en", moved_to="5A")
    assert ("• INFUSION RUNNING: Sodium chloride 0.9% 1000 mL IV at 125 mL/h, running at 125 mL/h since 10:00: it "
            "goes with the patient: tell ward 5A's nurse; do not chart a stop") in asked
    assert ("• Booked: Hip hemiarthroplasty, LEFT, 30/11 08:00, T1: the booking stands: tell the surgical "
            "coordinator the patient is now on ward 5A") in asked
    assert "cancel" not in asked and "record its stop" not in asked
    french = leaving.still_asked(nurse.db, nurse.forms, drip_up, clock.now, "fr", moved_to="5A")
    assert "elle part avec le patient : le dire à l’infirmier(ère) du service 5A ; ne pas noter d’arrêt" in french
    assert "elle est maintenue : dire au coordinateur du bloc que le patient est maintenant dans le service 5A" in french


def test_a_time_critical_dose_due_is_handed_to_the_receiving_ward(levodopa_due_at_six):  # noqa: F811
    nurse, patient = levodopa_due_at_six
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, datetime.fromisoformat("2026-11-28T17:50+01:00"),
                                "en", moved_to="5A")
    assert ("• DUE AT 18:00: Co-careldopa 25/100 1 tablet(s) PO (TIME-CRITICAL): give it before the move, or tell "
            "ward 5A's nurse when it is due") in asked
