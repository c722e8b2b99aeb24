"""What answers the wrong-site question a WHO checklist asks when its time out names another side
than the booking's, and what is still said afterwards: notes confirming the other side saved the
checklist and left the booking, the list and the board on the side the team found wrong; a ward
abbreviation ("LIH") or another body part's check ("IV in right hand, site checked") lifted the
question of a knee, while a leg's mark or a side said in the next clause did not lift it; and an
operation recorded done on another side than booked asked no word, or any word, and a bilateral
one done on one side was called an incident."""

from datetime import date

import pytest

from downtime.domain.laterality import contradiction, side_of, sides_spoken, speaks_of_side
from downtime.services import records, theatre
from downtime.services.errors import ServiceError
from tests.test_theatre_side_after_checked import checked_right_knee, left_knee, left_knee_booked  # noqa: F401


def _line(db, forms) -> theatre.ListEntry:
    ((_, (entry,)),) = theatre.day_list(db, forms, date(2026, 11, 28))
    return entry


@pytest.mark.parametrize("notes", ["Right knee confirmed with the consent and the mark", "right marked",
                                   "marquage droit"])
def test_notes_confirming_the_other_side_flag_the_booking_until_its_side_is_corrected(left_knee, notes):  # noqa: F811
    """The team checked the RIGHT knee of a LEFT booking: the checklist is the team's record and
    is saved, but the list and the board say so until the booking says RIGHT."""
    coord, nurse, patient, booking = left_knee
    checked_right_knee(nurse, patient, booking, notes)
    entry = _line(nurse.db, nurse.forms)
    assert entry.other_side_checked == "Right"
    assert any("CHECKLIST NAMES ANOTHER SIDE" in said for said in theatre.line_flags(entry, "en"))
    records.amend(coord, booking, {**records.current(coord.db, booking).data, "laterality": "right"},
                  "time out: consent and mark say right")
    assert _line(nurse.db, nurse.forms).other_side_checked is None


def test_notes_confirming_the_side_booked_flag_nothing(left_knee):  # noqa: F811
    _, nurse, patient, booking = left_knee
    checked_right_knee(nurse, patient, booking, "Left knee confirmed with the consent and the mark, words a slip")
    assert _line(nurse.db, nurse.forms).other_side_checked is None


@pytest.mark.parametrize("procedure, text", [
    ("Knee arthroscopy", "LIH"), ("Knee arthroscopy", "LIH, site checked"),
    ("Knee arthroscopy", "left arm cannula checked"), ("Knee arthroscopy", "left hip confirmed"),
    ("Knee arthroscopy", "IV in left hand, site checked"), ("Cataract extraction", "Left knee marked"),
    ("Total hip replacement", "L TKR last year, site checked"), ("Arthroscopie du genou", "Main gauche : cathéter vérifié")])
def test_a_side_said_of_another_body_part_answers_nothing_even_checked(procedure, text):
    assert not speaks_of_side(text, {"left"}, procedure)


@pytest.mark.parametrize("procedure, text", [
    ("Inguinal hernia repair", "LIH"), ("Knee arthroscopy", "LTKR site marked"), ("Knee arthroscopy", "L knee marked"),
    ("Knee arthroscopy", "Left knee marked, IV in right hand"), ("Excision of lipoma", "Left side marked")])
def test_a_side_said_of_the_operations_own_part_or_of_none_answers_it(procedure, text):
    """An abbreviation of the operation's own part; a part the procedure does not name, left to
    the site check as before."""
    assert speaks_of_side(text, {"left"}, procedure)


def test_an_operation_done_on_another_side_than_booked_asks_what_happened(tmp_path, laptop, admission_values, clock):
    """Recorded done on the RIGHT of a LEFT booking with nothing said: a wrong-site operation, or
    a booking on the wrong side, went to the EHR as either with no word of which."""
    nurse, _ = laptop(tmp_path / "1.sqlite", 1)
    coord, _, booking = left_knee_booked(nurse, admission_values, clock)
    values = {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1", theatre.SIDE_OPERATED: "right"}
    with pytest.raises(ServiceError, match=r"Notes: the side operated \(RIGHT\) is not the side booked \(LEFT\)\. "
                                           r"Say here what happened"):
        theatre.record_done(coord, booking, values)
    done = theatre.record_done(coord, booking, {**values, "notes": "WRONG SITE: right knee operated, incident reported"})
    assert done.data[theatre.SIDE_OPERATED] == "right"


@pytest.mark.parametrize("procedure, text", [
    ("Total knee replacement", "Left leg marked and consented"), ("Total knee replacement", "left lower limb marked"),
    ("Total knee replacement", "left thigh tourniquet, site marked"),
    ("Total hip replacement", "Left leg marked, consent checked"),
    ("Hemiarthroplasty for fractured neck of femur", "left hip marked"),
    ("Hemiarthroplasty for fractured neck of femur", "left leg marked"),
    ("Arthroscopie du genou", "jambe gauche marquée"), ("Arthroscopie du genou", "membre inférieur gauche marqué"),
    ("Carpal tunnel release", "left hand marked"), ("ORIF ankle", "left leg marked"),
    ("Below-knee amputation", "left leg marked"), ("Varicose vein surgery", "left leg marked"),
    ("Shoulder arthroscopy", "left arm marked"), ("Femoral-popliteal bypass", "left leg marked"),
    ("Femoral-popliteal bypass", "left groin marked")])
def test_a_side_said_of_the_limb_holding_the_operations_part_answers_it(procedure, text):
    """The leg of a knee, the hip of a femoral neck, the hand of a carpal tunnel: the region
    around the operation's part is the operation's, not another body part."""
    assert speaks_of_side(text, {"left"}, procedure)


@pytest.mark.parametrize("procedure, text", [
    ("Knee arthroscopy", "Site marked: left. Arm cannula in situ"), ("Knee arthroscopy", "Checked: LEFT. Hand washed"),
    ("Knee arthroscopy", "Marked left, heel pads on"), ("Knee arthroscopy", "consent + mark: left / hip pain noted"),
    ("Total hip replacement", "Side checked: left, knee brace removed"),
    ("Cataract extraction", "Left marked, arm band checked"),
    ("Inguinal hernia repair", "left marked, leg compression stockings")])
def test_a_side_is_said_of_the_part_in_its_own_clause_only(procedure, text):
    assert speaks_of_side(text, {"left"}, procedure)


@pytest.mark.parametrize("notes", ["Consent form says left, patient and mark say right",
                                   "Mark on right knee; list says left",
                                   "Right knee marked and consented, left knee X-ray reviewed",
                                   "marquage genou droit, consentement dit gauche"])
def test_notes_confirming_the_other_side_flag_the_booking_even_naming_the_side_booked(left_knee, notes):  # noqa: F811
    """The team wrote down the discrepancy: the list and the board still say LEFT, a prompt to
    check with the team."""
    _, nurse, patient, booking = left_knee
    checked_right_knee(nurse, patient, booking, notes)
    assert _line(nurse.db, nurse.forms).other_side_checked == "Right"


_DONE = {"done_at": "2026-11-28T09:05+01:00", "theatre": "T1"}


@pytest.mark.parametrize("notes", ["ok", "Under GA, drain in situ"])
def test_notes_saying_nothing_of_the_side_operated_do_not_answer_it(tmp_path, laptop, admission_values, clock, notes):
    nurse, _ = laptop(tmp_path / "1.sqlite", 1)
    coord, _, booking = left_knee_booked(nurse, admission_values, clock)
    with pytest.raises(ServiceError, match=r"Notes: the side operated \(RIGHT\)"):
        theatre.record_done(coord, booking, {**_DONE, theatre.SIDE_OPERATED: "right", "notes": notes})
    theatre.record_done(coord, booking, {**_DONE, theatre.SIDE_OPERATED: "right",
                                         "notes": f"{notes}. Incident reported"})


def test_a_done_record_amended_to_another_side_asks_for_new_notes(tmp_path, laptop, admission_values, clock):
    """Notes written of the operation on the side booked say nothing of the other side it is
    amended to."""
    nurse, _ = laptop(tmp_path / "1.sqlite", 1)
    coord, _, booking = left_knee_booked(nurse, admission_values, clock)
    done = theatre.record_done(coord, booking, {**_DONE, theatre.SIDE_OPERATED: "left",
                                                "notes": "Left side: wrong site ruled out"})
    data = records.current(coord.db, done.record_id).data
    with pytest.raises(ServiceError, match=r"Notes: the side operated \(RIGHT\)"):
        records.amend(coord, done.record_id, {**data, theatre.SIDE_OPERATED: "right"}, "side")
    records.amend(coord, done.record_id, {**data, theatre.SIDE_OPERATED: "right", "notes": "Right knee operated"},
                  "side")
    amended = records.current(coord.db, done.record_id).data
    records.amend(coord, done.record_id, {**amended, "done_at": "2026-11-28T09:10+01:00"}, "time")


def _booked_on(coord, booking: str, side: str) -> None:
    """The LEFT booking amended to `side`, if another."""
    if side != "left":
        records.amend(coord, booking, {**records.current(coord.db, booking).data, "laterality": side}, "side")


def test_a_bilateral_operation_done_on_one_side_asks_which_is_still_to_do(tmp_path, laptop, admission_values, clock):
    """Planned, no incident: the side still to do is rebooked, and the booking keeps both sides."""
    nurse, _ = laptop(tmp_path / "1.sqlite", 1)
    coord, _, booking = left_knee_booked(nurse, admission_values, clock)
    _booked_on(coord, booking, "bilateral")
    with pytest.raises(ServiceError,
                       match=r"Notes: the operation booked on BOTH SIDES was done on the LEFT only") as refused:
        theatre.record_done(coord, booking, {**_DONE, theatre.SIDE_OPERATED: "left"})
    assert "incident" not in refused.value.text("en") and "indésirable" not in refused.value.text("fr")
    theatre.record_done(coord, booking, {**_DONE, theatre.SIDE_OPERATED: "left", "notes": "right postponed, to rebook"})


@pytest.mark.parametrize("booked, operated", [("not_applicable", "left"), ("left", "not_applicable")])
def test_an_operation_with_no_side_is_no_wrong_site(tmp_path, laptop, admission_values, clock, booked, operated):
    """A booking or a record of what was done with no side to it asks nothing."""
    nurse, _ = laptop(tmp_path / "1.sqlite", 1)
    coord, _, booking = left_knee_booked(nurse, admission_values, clock)
    _booked_on(coord, booking, booked)
    done = theatre.record_done(coord, booking, {**_DONE, theatre.SIDE_OPERATED: operated})
    assert done.data[theatre.SIDE_OPERATED] == operated


def test_a_sided_operation_done_on_both_sides_is_a_wrong_site(tmp_path, laptop, admission_values, clock):
    nurse, _ = laptop(tmp_path / "1.sqlite", 1)
    coord, _, booking = left_knee_booked(nurse, admission_values, clock)
    with pytest.raises(ServiceError, match=r"the side operated \(BOTH SIDES\) is not the side booked \(LEFT\)"):
        theatre.record_done(coord, booking, {**_DONE, theatre.SIDE_OPERATED: "bilateral"})


@pytest.mark.parametrize("words", ["Arthroscopy both knees", "TKR both knees", "Prothèse des deux genoux",
                                   "Cataract, both eyes"])
def test_both_knees_is_both_sides(words):
    """"Both knees" on a LEFT booking is a side the column contradicts, as "both sides" is."""
    assert side_of(words) == "bilateral"
    assert contradiction(words, "left") is not None and contradiction(words, "bilateral") is None


@pytest.mark.parametrize("procedure, text", [
    ("Knee arthroscopy", "Knee: left"), ("Knee arthroscopy", "Genou : gauche"), ("Knee arthroscopy", "Knee, left"),
    ("Knee arthroscopy", "Genou, gauche"), ("Knee arthroscopy", "Left: knee"), ("Total hip replacement", "Hanche : G"),
    ("Cataract extraction", "Eye: left"), ("Phacoémulsification", "Œil : gauche")])
def test_a_lone_part_and_a_lone_side_joined_by_a_colon_or_comma_answer_it(procedure, text):
    """"Genou : gauche" is ordinary French typography: cut at its colon, the side was said of
    nothing and the correct knee's checklist was refused until the team reworded it."""
    assert speaks_of_side(text, {"left"}, procedure)


@pytest.mark.parametrize("procedure, text", [
    ("Knee arthroscopy", "Hand: left, site checked"), ("Knee arthroscopy", "Main, gauche, cathéter vérifié"),
    ("Knee arthroscopy", "Knee: right, hand: left")])
def test_a_lone_side_joined_to_another_part_answers_nothing(procedure, text):
    assert not speaks_of_side(text, {"left"}, procedure)


@pytest.mark.parametrize("procedure, text, of_another_part", [
    ("Carpal tunnel release", "Both hands marked", "Both feet marked"),
    ("Libération du canal carpien", "Deux mains marquées", "Deux pieds marqués"),
    ("Bunion correction", "both feet marked and consented", "both hands marked and consented"),
    ("Hallux valgus", "les deux pieds marqués", "les deux mains marquées")])
def test_both_hands_or_feet_in_the_notes_answer_a_bilateral_operation(procedure, text, of_another_part):
    """A bilateral carpal tunnel release whose time out said "left": "Both hands marked" said
    nothing, and the checklist was refused. Both of another pair is another part's."""
    assert speaks_of_side(text, {"bilateral", "left"}, procedure)
    assert not speaks_of_side(of_another_part, {"bilateral", "left"}, procedure)


@pytest.mark.parametrize("words", ["IV access difficult in both hands", "Pulses present in both feet",
                                   "Garrot : deux mains libres", "Both hands scrubbed"])
def test_both_hands_or_feet_said_aloud_refuse_no_sided_booking(words):
    """Said aloud of the anaesthetic or the scrub, both hands or feet name no side of the
    operation: read as bilateral there, the checklist of a LEFT knee would be refused."""
    assert contradiction(words, "left", prose=True) is None


@pytest.mark.parametrize("procedure, text", [
    ("ACL reconstruction", "Right knee, tourniquet thigh"), ("Hemiarthroplasty", "Right hip"),
    ("#NOF fixation", "right hip marked"), ("DHS", "Right hip"), ("Prothèse totale de genou", "PTG droite"),
    ("PTG", "genou droit"), ("PTH", "hanche droite"), ("PTE", "épaule droite"),
    ("Knee arthroscopy", "right-sided knee")])
def test_the_operations_part_is_read_from_its_wards_names(procedure, text):
    """An ACL's knee, a neck of femur's hip, a French PTG's knee: the side said of that part
    answers the question, as "right knee" of a "Knee arthroscopy" does."""
    assert speaks_of_side(text, {"right"}, procedure)


def test_left_sided_is_a_side():
    assert sides_spoken("Left-sided hemicolectomy") == {"left": "Left-sided"}
    assert contradiction("Right-sided weakness", "left", prose=True) == "Right-sided"
