"""A dose's second signature: a controlled drug's witness named from the paper chart only for a
dose given while this laptop was not in use, and a high-alert medicine's independent second check
with a second clinician's PIN (services.medication.record_dose, services.cd_register.second_check)."""

from datetime import datetime

import pytest

from downtime.services import cd_register, medication
from downtime.services.errors import ServiceError, ValidationFailed

MORPHINE_DOSE = {"outcome": "given", "dose_given": 5.0, "route": "SC", "given_for": "pain 7/10", "transcribed": True,
                 "paper_reference": "MAR sheet 1"}
CHECKER = ("doctor", "2222")


def _morphine_in_cupboard(session_for) -> None:
    cd_register.cd_receive(session_for("nurse"), "3B", "Morphine", "mg", 20, witness=CHECKER)


def test_morphine_ticked_from_paper_while_the_laptop_was_in_use_is_refused_naming_the_tick(
        session_for, medication_ward, clock):
    """The laptop was in use at 13:30 (a sign-in, the cupboard's stock written); morphine "given
    at 13:40", typed at 14:00 as from paper, named the doctor as witness without their PIN and
    took 5 mg from the register on one nurse's word."""
    _, _, morphine = medication_ward
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    _morphine_in_cupboard(session_for)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, morphine, {**MORPHINE_DOSE, "given_at": "2026-11-28T13:40+01:00"},
                               witness=("doctor", ""))
    (error,) = refused.value.errors
    assert error.path == "transcribed"
    assert error.message == ("Transcribed from the paper chart: this laptop was in use at 13:40, when this controlled "
                             "drug was given: its witness confirms the dose with their own PIN, as for a dose given "
                             "now. Untick it: it is for a dose given while the laptop was not in use.")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20.0
    saved = medication.record_dose(nurse, morphine, {**MORPHINE_DOSE, "transcribed": False,
                                                     "given_at": "2026-11-28T13:40+01:00"}, witness=CHECKER)
    assert saved.data["witness"] == "doctor" and cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15.0


def test_morphine_given_minutes_before_the_laptop_was_first_used_is_witnessed_with_a_pin(
        session_for, medication_ward, clock):
    """The probe's case: nothing on this laptop before 14:00, morphine "at 13:40": a dose given
    minutes before the laptop is used is the round the nurse is on, her witness at hand."""
    _, _, morphine = medication_ward
    _morphine_in_cupboard(session_for)
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, morphine, {**MORPHINE_DOSE, "given_at": "2026-11-28T13:40+01:00"},
                               witness=("doctor", ""))
    assert refused.value.errors[0].path == "transcribed"
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20.0


def test_morphine_given_on_paper_before_the_laptop_was_set_up_names_its_witness_from_the_paper(
        session_for, medication_ward):
    """The ward on paper from the morning, the laptop set up at 14:00: the 09:00 dose's witness
    signed the paper and may have gone home."""
    _, _, morphine = medication_ward
    _morphine_in_cupboard(session_for)
    nurse = session_for("nurse")
    saved = medication.record_dose(nurse, morphine, {**MORPHINE_DOSE, "given_at": "2026-11-28T09:00+01:00"},
                                   witness=("doctor", ""))
    assert saved.data["witness"] == "doctor" and saved.data["transcribed"] is True
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15.0


def test_morphine_given_while_the_laptop_was_unused_is_accepted_with_the_witness_named_from_paper(paper_night):
    """Everything written at 14:00 on 28/11, nothing since until 07:15 the next morning: the
    02:00 dose, on paper, names its witness without their PIN; the register says so."""
    nurse, _, _, morphine, _ = paper_night
    saved = medication.record_dose(nurse, morphine, {**MORPHINE_DOSE, "given_at": "2026-11-29T02:00+01:00"},
                                   witness=("doctor", ""))
    assert saved.data["witness"] == "doctor"
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15.0
    line = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    assert line.on_paper and line.witness_text({}, "en", nurse.clock().tzinfo).startswith("witness on paper: doctor")


ENOXAPARIN_DOSE = {"outcome": "given", "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
                   "dose_given": 40.0, "route": "SC"}


@pytest.mark.parametrize(("second", "said"), [
    (None, "High-alert medicine: a second nurse or doctor must check the dose with their own PIN."),
    (("nurse", "1111"), "High-alert medicine: the second check must be made by someone other than the giver."),
    (("records", "4444"), ("High-alert medicine: the second check must be made by a nurse or a doctor; Rémi Durand "
                           "may not record care.")),
    (("doctor", "9999"), None),
])
def test_a_high_alert_dose_without_a_second_clinicians_pin_is_refused(enoxaparin, second, said):
    nurse, order_id = enoxaparin
    with pytest.raises(ServiceError) as refused:
        medication.record_dose(nurse, order_id, ENOXAPARIN_DOSE, witness=second)
    if said is not None:
        assert refused.value.text("en") == said
    assert medication.recorded_for(nurse.db, medication.order(nurse.db, order_id),
                                   datetime.fromisoformat("2026-11-28T14:00+01:00")) is None


def test_a_high_alert_dose_checked_with_a_second_clinicians_pin_is_saved_with_no_register_line(enoxaparin):
    nurse, order_id = enoxaparin
    saved = medication.record_dose(nurse, order_id, ENOXAPARIN_DOSE, witness=CHECKER)
    assert saved.data["witness"] == "doctor"
    assert cd_register.taken_from_register(nurse.db, saved.record_id) is None
    assert cd_register.register_pages(nurse.db) == []
    french = nurse.form(medication.DOSE_FORM).field("witness").label.get("fr")
    assert french == "Témoin / double contrôle"


def test_a_high_alert_dose_given_by_a_colleague_is_confirmed_with_the_givers_pin(enoxaparin, session_for):
    """Enoxaparin "given by Noémie, checked by me" was saved on the typist's PIN alone: one person
    signed for two. The colleague named as giver confirms with her own PIN, as a controlled drug's
    giver does."""
    from downtime.domain.staff import Role
    from downtime.services import staff

    nurse, order_id = enoxaparin
    staff.add_staff(session_for("admin"), "night", "Noémie Faure", Role.WARD_NURSE, "5555")
    by_noemie = {**ENOXAPARIN_DOSE, "given_by": "night"}
    said = []
    for pin in (None, "1111"):
        with pytest.raises(ValidationFailed) as refused:
            medication.record_dose(nurse, order_id, by_noemie, witness=("nurse", "1111"), giver_pin=pin)
        said += [(error.path, error.message.split(": ", 1)[1]) for error in refused.value.errors]
    assert said == [("given_by", "given by Noémie Faure, who confirms it with their own PIN, as the giver of a "
                                 "controlled drug or a high-alert medicine does."),
                    ("given_by", "wrong PIN for Noémie Faure.")]
    saved = medication.record_dose(nurse, order_id, by_noemie, witness=("nurse", "1111"), giver_pin="5555")
    assert (saved.data["given_by"], saved.data["witness"]) == ("night", "nurse")


def test_a_high_alert_dose_not_given_asks_no_second_check(enoxaparin):
    nurse, order_id = enoxaparin
    saved = medication.record_dose(nurse, order_id, {**ENOXAPARIN_DOSE, "outcome": "not_given",
                                                     "not_given_reason": "refused"})
    assert "witness" not in saved.data


def test_a_high_alert_dose_from_paper_asks_a_pin_only_while_the_laptop_was_in_use(enoxaparin, clock, session_for):
    nurse, order_id = enoxaparin
    # Its order typed in at 14:00, the laptop signed into at 14:05: in use when the dose was given.
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T14:45+01:00")
    dose = {**ENOXAPARIN_DOSE, "transcribed": True}
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, order_id, {**dose, "given_at": "2026-11-28T14:20+01:00"})
    assert refused.value.errors[0].path == "transcribed"
    assert "when this high-alert medicine was given: its second check is confirmed with the checker's own PIN" in (
        refused.value.errors[0].message)
    clock.now = datetime.fromisoformat("2026-11-29T16:00+01:00")  # the laptop unused since 14:00 yesterday
    night = {**dose, "given_at": "2026-11-29T14:05+01:00", "scheduled_for": "2026-11-29T14:00+01:00"}
    saved = medication.record_dose(session_for("nurse"), order_id, night)
    assert saved.data["transcribed"] is True and "witness" not in saved.data

