"""The letter of a new date to a child at home gives the children's fasting rule the ward's line
gives (clear fluids until an hour before, a baby's breast milk until 4 hours before): it gave the
adult's 2 hours without water, which risks a small child's dehydration and hypoglycaemia."""

import pytest

from downtime.services import printing, records, theatre
from tests.pdf_text import pdf_text


def _session(coord, name: str, day: str) -> str:
    return records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery",
        "starts_at": f"{day}T08:00+01:00", "ends_at": f"{day}T18:00+01:00"}).record_id


@pytest.mark.parametrize(("born", "lang", "rule"), [
    ("2021-03-02", "en", "(nothing to eat in the 6 hours before, clear water until 1 hour before)"),
    ("2026-04-10", "en", ("(nothing to eat in the 6 hours before, breast milk until 4 hours before, clear water "
                          "until 1 hour before)")),
    ("2026-04-10", "fr", ("(rien à manger dans les 6 heures qui précèdent, lait maternel jusqu’à 4 heures avant, "
                          "eau claire jusqu’à 1 heure avant)")),
    ("1950-04-10", "en", "(nothing to eat in the 6 hours before, clear water until 2 hours before)")])
def test_the_letter_home_gives_the_patients_own_fasting_rule(session_for, admission_values, send_home, tmp_path,
                                                             born, lang, rule):
    coord = session_for("coord")
    patient_id = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "nir": None, "birth_date": born, "weight_kg": None, "height_cm": None}).patient_id
    send_home(patient_id)
    booking = theatre.book(coord, patient_id, {
        "procedure": "Hernia repair", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-20T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": None,
        "anaesthetic": "general", "session": _session(coord, "T1", "2026-12-07"),
        "planned_start": "2026-12-07T09:00+01:00", "expected_minutes": 60})
    theatre.cancel(coord, booking.record_id, {"cancelled_at": "2026-11-28T13:20+01:00", "reason": "information_system",
                                              "last_minute": False, "patient_told": "phone"})
    theatre.rebook(coord, booking.record_id, {"outcome": "rebooked", "session": _session(coord, "T2", "2026-12-14"),
                                              "planned_start": "2026-12-14T09:00+01:00",
                                              "decided_at": "2026-11-28T13:40+01:00"})
    letter = " ".join(pdf_text(printing.print_letter(session_for("coord", lang=lang), booking.record_id,
                                                     tmp_path / "letter.pdf")).split())
    assert rule in letter
