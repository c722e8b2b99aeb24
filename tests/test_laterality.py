"""An operation's side: the procedure's words may not name a side other than the one chosen,
which the theatre list prints in full (PAPER-REFERENCES: "side written in full, no L/R")."""

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from downtime.domain.laterality import contradiction, side_of, sides_named, sides_spoken
from downtime.formspec.schema import FormSpec
from downtime.services import records, theatre
from downtime.services.errors import ValidationFailed
from downtime.storage.records import list_current
from downtime.sync.outcome import ImportRefused
from downtime.sync.importing import import_path

from tests.test_snapshot_import import SNAPSHOT, _bundle, _counts, _edit
from tests.test_theatre_service import MONDAY, _booking, _session


@pytest.mark.parametrize("text, side, said", [
    ("Left knee arthroscopy", "right", "Left"),
    ("R total knee replacement", "left", "R"),
    ("TKR L", "not_applicable", "L"),
    ("Bilateral inguinal hernia repair", "left", "Bilateral"),
    ("Hallux valgus L", "bilateral", "L"),
    ("PTH G", "right", "G"),
    ("Prothèse totale de genou droite", "left", "droite"),
    ("ORIF wrist, right", "not_applicable", "right"),
    # The plural; and the French article elided before a vowel is no side ("D'HARDINGE" made a left hip
    # bilateral, so a bilateral one booked left passed).
    ("PROTHÈSES DE GENOUX BILATÉRAUX", "right", "BILATÉRAUX"), ("Implants mammaires bilateraux", "left", "bilateraux"),
    ("PTH GAUCHE, ABORD D'HARDINGE", "bilateral", "GAUCHE"),
])
def test_a_procedure_naming_another_side_is_found_with_its_words(text, side, said):
    assert contradiction(text, side) == said


@pytest.mark.parametrize("text, side", [
    ("Left knee arthroscopy", "left"),
    ("Arthroscopie genou D", "right"),
    ("Left and right carpal tunnel release", "bilateral"),
    ("Varicose veins, both sides", "bilateral"),
    ("Knee arthroscopy", "right"),
    ("D&C", "not_applicable"),
    ("L4-L5 laminectomy", "not_applicable"),
    ("Port insertion for R-CHOP", "not_applicable"),
    ("Laparoscopic cholecystectomy", "not_applicable"),
    ("Excision of lesion, left breast; lymph nodes", "left"),
    ("CURE D'HERNIE OMBILICALE", "not_applicable"), ("EXÉRÈSE D’UN KYSTE DU POIGNET GAUCHE", "left"),
    ("PTH GAUCHE, ABORD D'HARDINGE", "left"), ("L'ANCRAGE DU GENOU DROIT", "right"),
])
def test_a_procedure_naming_its_own_side_or_none_agrees(text, side):
    assert contradiction(text, side) is None


_NO_SIDE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60).filter(
    lambda text: not sides_named(text))


@settings(max_examples=300)
@given(before=_NO_SIDE, after=_NO_SIDE, words=st.sampled_from([("left", "left"), ("Right", "right"),
                                                                ("gauche", "left"), ("L", "left"), ("D", "right")]))
def test_a_side_named_anywhere_is_read_and_agrees_with_itself_alone(before, after, words):
    named, side = words
    text = f"{before} {named} {after}"
    assert contradiction(text, side) is None
    assert contradiction(text, "not_applicable") is not None
    assert contradiction(text, "right" if side == "left" else "left") == named


@given(words=st.lists(st.sampled_from(["left", "Right", "L", "G", "both sides", "knee", "D&C", "x", "-"]), max_size=12))
def test_the_side_the_words_give_is_one_they_agree_with(words):
    text = " ".join(words)
    assert contradiction(text, side_of(text)) is None


@pytest.mark.parametrize("lang, said", [
    ("en", "“Procedure” says “Left”, and “Side” is RIGHT"),
    ("fr", "« Intervention » dit « Left », et « Côté » est DROIT"),
])
def test_a_booking_whose_procedure_names_the_other_side_is_refused_on_the_procedure(session_for, admission_values,
                                                                                   lang, said):
    coord = session_for("coord", lang)
    patient = records.save_new(session_for("nurse"), "admission", admission_values).patient_id
    session_id = _session(coord, "T1", MONDAY)
    with pytest.raises(ValidationFailed) as refused:
        theatre.book(coord, patient, {**_booking(session_id, "08:00"), "procedure": "Left knee arthroscopy",
                                      "laterality": "right"})
    assert [(error.path, error.message[:len(said)]) for error in refused.value.errors] == [("procedure", said)]
    assert not theatre.bookings(coord.db, coord.forms)
    booked = theatre.book(coord, patient, {**_booking(session_id, "08:00"), "procedure": "Left knee arthroscopy",
                                           "laterality": "left"})
    with pytest.raises(ValidationFailed, match="Procedure|Intervention"):
        records.amend(coord, booked.record_id, {**booked.data, "laterality": "not_applicable"}, "side corrected")
    assert records.current(coord.db, booked.record_id).data["laterality"] == "left"


def test_a_form_whose_side_field_is_not_a_choice_of_the_sides_is_refused(forms):
    data = forms["operation_booking"].model_dump(mode="json", exclude_none=True)
    data["sections"][0]["fields"][0]["side_from"] = "diagnosis"
    with pytest.raises(ValueError, match="side_from names no choice field of the sides 'diagnosis'"):
        FormSpec.model_validate(data)


@pytest.mark.parametrize("procedure, side", [("Left knee arthroscopy", "left"), ("Pacemaker insertion", "not_applicable"),
                                             ("Bilateral inguinal hernia repair", "bilateral")])
def test_a_fhir_snapshots_operation_takes_its_side_from_its_words(session_for, tmp_path, procedure, side):
    """An EHR appointment has no side of its own: loaded as not applicable, "Left knee
    arthroscopy" would now be refused, and the list would not print its side in full."""
    bundle = _bundle()
    bundle["entry"][-1]["resource"]["serviceType"] = [{"text": procedure}]
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    clerk = session_for("records")
    import_path(clerk, path)
    (booking,) = list_current(clerk.db, "operation_booking")
    assert (booking.data["procedure"], booking.data["laterality"]) == (procedure, side)


def test_a_csv_snapshots_booking_naming_the_other_side_is_refused_by_line_and_nothing_written(session_for, tmp_path):
    clerk, snapshot = session_for("records"), Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))
    _edit(snapshot / "theatre_bookings.csv", ",Hemiarthroplasty,left,", ",Right hemiarthroplasty,left,")
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused, match=r"^theatre_bookings.csv, line 2: .*Procedure.* says “Right”"):
        import_path(clerk, snapshot)
    assert _counts(clerk.db) == before


@pytest.mark.parametrize("words", ["TKR L", "PTH G", "genou G", "L knee", "knee on the left", "Left.",
                                   "mark on the left", "Right knee? No: left, site marked", "drain à gauche",
                                   "Trigger finger release digit 3 L", "Doigt 3 G, garrot 250 mmHg", "Rib 7 L fixation"])
def test_words_said_aloud_name_a_side_however_the_team_writes_it(words):
    """The time-out's words were read as a note, and "TKR L" or "knee on the left" on a RIGHT
    knee's checklist named no side: the wrong-site question went unasked."""
    assert "left" in sides_spoken(words)
    assert contradiction(words, "right", prose=True) is not None


@pytest.mark.parametrize("words", ["Tourniquet off right after closure, drain left in situ", "All right, stable",
                                   "Patient to recovery right away", "Drain left in place", "Right now: none",
                                   "Seen by Dr R. Martin and Pr L. Roux", "D&C, L4-L5, R-CHOP",
                                   "Expected blood loss 1 L, 2 units crossmatched", "Saignement attendu 1 L, 2 CGR",
                                   "Spinal, 2 L crystalloid", "Dr G Martin to assist",
                                   "Group O Rh D negative, 2 units crossmatched", "O RhD positive, 1,5 L expected"])
def test_words_said_aloud_of_something_else_name_no_side(words):
    """A litre after a number, a blood group's Rh D and an initial after a title without its dot
    were sides, and asked the wrong-site question of a correct hip or knee."""
    assert sides_spoken(words) == {}
    assert contradiction(words, "right", prose=True) is None
    assert contradiction(words, "left", prose=True) is None
