"""A field that came in a later version of its form (`since`) is one a record first saved under an
earlier version was never asked: shown and printed only where answered, and in a hold's comparison
"not on version 1 of the form" on the side of the laptop whose form did not ask it. A falls-risk
assessment of version 1 printed the version-2 "Decided at the review" row empty, and a hold
between a version 1 and a version 2 read "—" on the version-1 side, as if the doctor had decided
nothing. The tests' clock is 14:00 on 28/11 (Paris)."""

import dataclasses
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.values import never_asked
from downtime.services import back_entry, printing, records
from downtime.services.back_entry import on_hold_of
from tests.pdf_text import pdf_text
from tests.test_death_recorded_under_version_4 import DEATH, _death_of_version_4
from tests.test_falls_risk import ASSESSED, REVIEWED

FORM = "falls_risk"
REVIEW = {"medicines_reviewed_by": "Dr Benali", "medicines_reviewed_at": "2026-11-28T13:50+01:00"}
"""A review as version 1 recorded it: who and when, no decision."""
DECISION = ("Decided at the review", "Décisions de la réévaluation")


def _of_version_1(session, patient):
    """A reviewed assessment from a laptop whose falls-risk form was version 1."""
    older = dataclasses.replace(session, forms={**session.forms, FORM: session.form(FORM).model_copy(
        update={"version": 1})})
    saved = records.save_imported(older, FORM, {**ASSESSED, **REVIEW}, patient, "0c9d6a1e-5b7f-4d2a-8e3c-2f1a4b5c6d7e")
    assert saved.form_version == 1
    return saved


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_assessment_of_version_1_prints_no_decision_it_was_never_asked(session_for, patient, tmp_path, lang):
    nurse = session_for("nurse", lang)
    saved = _of_version_1(session_for("records"), patient)
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "v1.pdf"))
    assert "Dr Benali" in text and not any(label in text for label in DECISION)
    # Amended since on this laptop (stamped version 2), its reviewer's name corrected: still one of version 1.
    amended = records.amend(nurse, saved.record_id, {**ASSESSED, **REVIEW, "medicines_reviewed_by": "Dr K Benali"},
                            "Name in full")
    assert amended.form_version == 2
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "amended.pdf"))
    assert "Dr K Benali" in text and not any(label in text for label in DECISION)
    # Its decision, once an amendment gives it, prints.
    records.amend(session_for("doctor", lang), saved.record_id, {**ASSESSED, **REVIEWED}, "Decided")
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "decided.pdf"))
    assert "Zopiclone" in text and any(label in text for label in DECISION)


def test_an_assessment_of_version_2_prints_its_decision(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, ASSESSED, patient_id=patient)
    records.amend(session_for("doctor"), saved.record_id, {**ASSESSED, **REVIEWED}, "Reviewed")
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / "v2.pdf"))
    assert "Decided at the review" in text and "Zopiclone" in text


def _version(data, *, version: int, form_version: int, device: str) -> RecordVersion:
    return RecordVersion(id=f"{device}-{version}", record_id="r", version=version, form_id=FORM,
                         form_version=form_version, patient_id="p", status=RecordStatus.FINAL, data=data,
                         reason="Corrected", author="nurse", device_id=device,
                         recorded_at=datetime(2026, 11, 28, 13, tzinfo=UTC),
                         occurred_at=datetime(2026, 11, 28, 12, tzinfo=UTC))


@pytest.mark.parametrize("lang, not_on", [("en", "not on version 1 of the form"),
                                          ("fr", "absent de la version 1 du formulaire")])
def test_a_hold_says_the_decision_was_not_on_the_version_1_laptops_form(forms, lang, not_on):
    spec = forms[FORM]
    older = _version({**ASSESSED, **REVIEW, "walking_aid": "Stick"}, version=2, form_version=1, device="a")
    later = _version({**ASSESSED, **REVIEWED}, version=2, form_version=2, device="b")
    hold = on_hold_of(spec, [older, later], {})
    assert {field.id for field in hold.fields} >= {"medicines_review_outcome", "medicines_stopped_which"}
    said_older, said_later = hold.version_in(older, lang), hold.version_in(later, lang)
    label = spec.field("medicines_review_outcome").line_label(lang)
    colon = " : " if lang == "fr" else ": "
    assert f"{label}{colon}{not_on}" in said_older and f"{label}{colon}—" not in said_older
    assert not_on not in said_later and "Zopiclone" in said_later
    # A version-2 laptop that left it unanswered reads "—": its form asked it.
    cleared = _version({**ASSESSED, **REVIEW}, version=2, form_version=2, device="c")
    assert not_on not in on_hold_of(spec, [cleared, later], {}).version_in(cleared, lang)


@pytest.mark.parametrize("lang, verified", [("en", "Verified by (name) Dr B Verified by a ☒ Doctor ☐ Registered nurse"),
                                             ("fr", "Constaté par (nom) Dr B Constaté par un ☒ Médecin ☐ Infirmier")])
def test_a_death_of_version_4_prints_that_a_doctor_verified_it_and_none_of_the_findings(session_for, patient,
                                                                                       tmp_path, lang, verified):
    """Version 5 asked the verifier's role and the findings: a death of version 4, amended here
    since (its family told), prints who verified it and none of version 5's findings empty. Its
    form asked for the "Doctor who verified the death": printed "Verified by (name) Dr B" alone, it
    no longer said a doctor verified it, where under version 5 a nurse may."""
    nurse = session_for("nurse", lang)
    death = _death_of_version_4(nurse, patient)
    records.amend(nurse, death.record_id, {**death.data, "family_informed": True}, "Daughter told")
    assert "verifier_role" not in records.current(nurse.db, death.record_id).data, "nothing written for it"
    text = " ".join(pdf_text(printing.print_record(nurse, death.record_id, tmp_path / "death.pdf")).split())
    assert verified in text
    for label in (("Observed for", "No central pulse", "Pupils fixed", "Last seen alive", "ICD switched off")
                  if lang == "en" else ("Observé pendant", "Pouls central absent", "Vu vivant")):
        assert label not in text, label
    assert DEATH["implanted_detail"] in text


def test_a_hold_reads_the_role_a_death_of_version_4_left_unanswered_as_a_doctor(forms):
    spec = forms["death"]
    doctor = _version({**DEATH, "verified_by": "Dr B"}, version=2, form_version=4, device="a")
    nurse = _version({**DEATH, "verified_by": "Dr B", "verifier_role": "registered_nurse"}, version=2,
                     form_version=5, device="b")
    hold = on_hold_of(spec, [doctor, nurse], {}, first_saved_under=4)
    assert "Verified by a: Doctor" in hold.version_in(doctor, "en")
    assert "Verified by a: Registered nurse" in hold.version_in(nurse, "en")
    assert on_hold_of(spec, [doctor, nurse.model_copy(update={"data": {**nurse.data, "verifier_role": "doctor"}})],
                      {}, first_saved_under=4).fields == (), "a blank role and a doctor are one answer"


def test_a_hold_reads_one_rule_with_the_print_for_a_version_1_record_amended_on_a_version_2_laptop(
        tmp_path, laptop, clock, admission_values):
    """Laptop 1 assesses under version 1, the doctor's review without a decision; laptops 2 and 3
    (version 2) have it. Laptop 2 corrects the walking aid, its decision left blank (not asked of
    a version 1 record), laptop 3's doctor adds the decision: the office's hold, and the merge's
    report, read "not on version 1 of the form" on laptop 2's side, as its print leaves the row
    out; they read "—", as if the doctor had decided nothing."""
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export
    from downtime.sync.merge import merge
    from tests.conftest import doctor_on

    (nurse_1, clerk_1), (nurse_2, clerk_2), (nurse_3, clerk_3) = (
        laptop(tmp_path / f"{number}.sqlite", number) for number in (1, 2, 3))
    patient_id = records.save_new(nurse_1, "admission", admission_values).patient_id
    saved = _of_version_1(clerk_1, patient_id)
    carried = export(clerk_1, tmp_path / "carried").folder
    for clerk in (clerk_2, clerk_3):
        import_export(clerk, carried)
    clock.advance(minutes=5)
    corrected = records.amend(nurse_2, saved.record_id, {**ASSESSED, **REVIEW, "walking_aid": "Stick"}, "Stick")
    records.amend(doctor_on(nurse_3, clock), saved.record_id, {**ASSESSED, **REVIEWED}, "Decided")
    folders = [export(clerk, tmp_path / f"export-{number}").folder for number, clerk in ((2, clerk_2), (3, clerk_3))]
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in (carried, *folders):
        import_export(office, folder)
    merged = merge(folders, tmp_path / "merged")
    label = office.form(FORM).field("medicines_review_outcome").line_label("en")
    for hold in (back_entry.hold_of(office, saved.record_id), merged.compared[saved.record_id]):
        said = hold.version_in(next(version for version in hold.versions if version.id == corrected.id), "en")
        assert f"{label}: not on version 1 of the form" in said and f"{label}: —" not in said, said


def _form(**field) -> dict:
    return {"id": "f", "version": 2, "title": {"en": "F", "fr": "F"}, "sections": [{"id": "s", "title": {
        "en": "S", "fr": "S"}, "fields": [{"id": "a", "kind": "text", "label": {"en": "A", "fr": "A"}}, field]}]}


LABEL = {"en": "B", "fr": "B"}


@pytest.mark.parametrize("field, said", [
    ({"id": "b", "kind": "text", "label": LABEL, "since": 3}, "since 3 is above the form's version 2"),
    ({"id": "b", "kind": "text", "label": LABEL, "since": 1}, "greater than or equal to 2"),
    ({"id": "b", "kind": "choice", "label": LABEL, "since": 2, "unanswered": "x",
      "options": [{"code": "x", "label": LABEL}, {"code": "y", "label": LABEL}]}, "since and unanswered"),
    ({"id": "b", "kind": "repeat", "label": LABEL, "fields": [
        {"id": "c", "kind": "text", "label": LABEL, "since": 2}]}, "since marks a whole field, not the columns 'c'"),
])
def test_since_is_refused_where_it_cannot_say_when_the_field_came_in(field, said):
    with pytest.raises(ValidationError) as refused:
        FormSpec.model_validate(_form(**field))
    assert said in str(refused.value)


def test_a_field_is_never_asked_of_an_earlier_version_unless_answered():
    spec = FormSpec.model_validate(_form(id="b", kind="text", label=LABEL, since=2))
    field = spec.field("b")
    assert never_asked(field, None, 1) and never_asked(field, "", 1)
    assert not never_asked(field, "kept", 1) and not never_asked(field, None, 2)
    assert not never_asked(spec.field("a"), None, 1)
