"""Doubts about a patient's identity worth a second look before saving, though not refusals.

The NIR on an admission form can pass its key and still be another person's: a relative's card
picked up at the desk, or a date of birth mistyped beside it. Either joins two people's records
at back-entry. A NIR that disagrees with the sex or the date of birth typed beside it is said
when saving, and the nurse decides: an EHR snapshot or another laptop's export is taken as it
is, the EHR being where identity is settled. So is an admission, new or amended, of someone who
looks like a patient already in hospital (`already_in_hospital`); a snapshot's patient who looks
like one is refused by their NIR or IPP, said by their name and birthday (`in_hospital_alike`). So
too a patient who left the hospital alive, named by a new admission or by an amendment (an
unknown patient identified, in one step or two: `known_here_before`), with the allergies their
stay recorded. A patient admitted unidentified (`admitted_unidentified`) is asked about one by
one, as the same person or not; identified, samples and blood labelled with what their band
read before are said (`sent_under`). A temporary name another unidentified patient in
hospital has, or one a patient in hospital had before being renamed or identified, is refused
(`check_temporary_name`), as is the name of a newborn without first names that another in
hospital, their twin, has; one two laptops' imports gave two patients, or gave one while a
patient here had it before being renamed or identified, is said (`temporary_names_shared`).
An amendment of the admission of a patient on another ward tells it only what that ward acts on
(`acted_on_changed`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from sqlite_utils import Database

from downtime.domain.census import StayStatus
from downtime.domain.clock import ward_time
from downtime.domain.downtime_number import downtime_numbers_in
from downtime.domain.duplicates import fold, probable_duplicates
from downtime.domain.nir import nir_disagreements, nir_problem
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.formspec.values import FieldError, relevant_values
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Listed, Phrase, message, semicolon
from downtime.services import lab_results, search, transfusion
from downtime.services.bedside import in_present_stays
from downtime.services.census import departures, in_patients
from downtime.services.errors import ValidationFailed
from downtime.services.patients import PatientSummary, earlier_temporary_names
from downtime.services.search import sort_key
from downtime.storage.records import current_of, histories, list_current

TRAITS = {"sex": QT_TRANSLATE_NOOP("messages", "sex"), "year": QT_TRANSLATE_NOOP("messages", "year of birth"),
          "month": QT_TRANSLATE_NOOP("messages", "month of birth")}


def nir_doubt(spec: FormSpec, values: dict[str, Any], lang: Lang, before: dict[str, Any] | None = None) -> str:
    """Why the NIR typed on this form may not be this patient's, or "" when nothing says so; for
    an amendment of `before`, only once it changes the NIR, the sex or the date of birth (the
    nurse correcting an allergy is not asked again about a NIR the EHR sent)."""
    fields = {meaning: spec.by_meaning(meaning) for meaning in (Meaning.NIR, Meaning.BIRTH_DATE, Meaning.SEX)}
    kept = relevant_values(spec, values)
    typed = {meaning: kept.get(field.id) if field else None for meaning, field in fields.items()}
    if before is not None and all(relevant_values(spec, before).get(field.id) == typed[meaning]
                                  for meaning, field in fields.items() if field):
        return ""
    nir = typed[Meaning.NIR]
    if not isinstance(nir, str) or not nir or nir_problem(nir):
        return ""
    born = typed[Meaning.BIRTH_DATE]
    found = nir_disagreements(nir, date.fromisoformat(born) if isinstance(born, str) else None, typed[Meaning.SEX])
    if not found:
        return ""
    return message(lang, QT_TRANSLATE_NOOP(
        "messages", "The NIR does not agree with the {traits} typed on this form. Re-read the card and the date of "
                    "birth: it may be another person's card, whose number would join two people's records at "
                    "back-entry."), traits=", ".join(message(lang, TRAITS[trait]) for trait in found))


# The admission's answer naming the patients alike the ward saved it as another person than
# (forms/admission.yaml), read by domain.duplicates under the same name in every laptop's records.
NOT_SAME_AS = "not_same_as"
# The admission's answers `probable_duplicates` compares, by their meaning.
_COMPARED = {"birth_name": Meaning.BIRTH_NAME, "used_name": Meaning.USED_NAME, "given_names": Meaning.GIVEN_NAMES,
             "birth_date": Meaning.BIRTH_DATE, "nir": Meaning.NIR, "ipp": Meaning.IPP}


def _compared(spec: FormSpec, data: dict[str, Any], number: str) -> dict[str, Any]:
    fields = {key: spec.by_meaning(meaning) for key, meaning in _COMPARED.items()}
    return {"downtime_number": number, "not_same_as": data.get(NOT_SAME_AS),
            **{key: data.get(field.id) for key, field in fields.items() if field}}


@dataclass(frozen=True)
class AlreadyInHospital:
    """Who a new admission looks like (`already_in_hospital`): their downtime numbers, kept on the
    admission (its `not_same_as`) when the nurse saves it as another person, and what to ask her;
    and, by number, what to ask of each in turn (`each`) when the amendment identifies a patient
    admitted unidentified: not saving it left the patient unnamed, and "another patient" hid
    one person's two numbers from the records office. `each` leaves out one whose NIR (or IPP)
    differs from this admission's: a twin, whom "Is it the same person?" invited to join."""

    numbers: tuple[str, ...]
    text: str
    each: tuple[tuple[str, str], ...]


def already_in_hospital(db: Database, forms: dict[str, FormSpec], spec: FormSpec, values: dict[str, Any],
                        lang: Lang, *, before: dict[str, Any] | None = None,
                        patient_id: str | None = None) -> AlreadyInHospital | None:
    """Who, in hospital now, looks like the patient a new admission is about to admit (the same
    NIR, IPP, or birth name, first name and date of birth, as the records office's duplicates
    are found), or "". Admitted a second time (by the emergency department and again by the
    ward, or on a second shift), one person got a second number, wristband and medication
    chart, each in its own bed on the census: a dose recorded on one chart did not show on the
    other. Only the records office's list said so, once the outage was over. An amendment of
    patient `patient_id`'s admission `before` is asked about only those it newly finds
    (`_newly_alike`: a patient admitted unnamed, then given another's card), never naming
    themself. Asked of each (`each`), one whose NIR (or IPP) differs from this admission's is
    left out (`_another_person`): twins, one in bed 13, the other identified from his own card,
    were asked "Is it the same person?", and a Yes joined their charts. None when no one is
    alike."""
    typed, alike = _newly_alike(db, forms, spec, values, before, patient_id, {StayStatus.IN})
    found = [message(lang, QT_TRANSLATE_NOOP("messages", "{name}, born {born}, {number}, in {place} ({why})"),
                     name=patient.display_name, born=patient.birth_date_in(lang), number=patient.downtime_number,
                     place=place(patient), why=semicolon(lang).join(message(lang, why) for why in reasons))
             for patient, _, reasons in alike]
    if not found:
        return None
    numbers = tuple(patient.downtime_number for patient, _, _ in alike)
    return AlreadyInHospital(numbers, message(lang, QT_TRANSLATE_NOOP(
        "messages", "Already in hospital, probably the same person: {patients}. A second admission gives them a "
                    "second downtime number, wristband and medication chart, and a dose recorded on one chart does "
                    "not show on the other. If it is them, do not save: open their record instead."),
        patients=semicolon(lang).join(found)), tuple((number, message(lang, QT_TRANSLATE_NOOP(
            "messages", "Already in hospital, probably the same person: {patient}. If it is them, they have two "
                        "downtime numbers, wristbands and medication charts, and a dose recorded on one chart does not "
                        "show on the other: saved as the same person, the records office joins the two numbers."),
            patient=line)) for number, line, (_, admission, _) in zip(numbers, found, alike)
            if not _another_person(typed, _compared(forms[admission.form_id], admission.data, ""))))


def admitted_unidentified(db: Database, spec: FormSpec, record_id: str) -> bool:
    """Whether an admission was first saved of a patient no one could name: each amendment of it
    since identifies them further (the name first, the date of birth and NIR from a card later),
    asked about as an identification is."""
    field = spec.by_meaning(Meaning.UNIDENTIFIED)
    return field is not None and histories(db, [record_id])[record_id][0].data.get(field.id) is True


# What a ward caring for the patient acts on beyond their wristband (printing.wristband_changes):
# who they are, as the EHR and the laboratory know them, and whether to resuscitate them.
_ACTED_ON = (*_COMPARED.values(), Meaning.RESUSCITATION)


def acted_on_changed(spec: FormSpec, before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether an amendment of an admission from `before` to `after` changes the patient's
    identity (the answers compared) or resuscitation decision: what the ward caring for them acts
    on, whose laptop learns it only from a stick. A phone number or a diet note corrected asked
    for one, saying their name and allergies had changed."""
    was, now = relevant_values(spec, before), relevant_values(spec, after)
    return any(was.get(field.id) != now.get(field.id)
               for meaning in _ACTED_ON if (field := spec.by_meaning(meaning)) is not None)


class SentUnder(Enum):
    """What left the ward labelled with the identity the patient's band read (`sent_under`)."""

    BLOOD = "blood"
    """A group-and-screen sample, or blood ordered or given: the units crossmatched from the
    sample read that name, and the bedside check compares them with a band reading another."""
    SAMPLES = "samples"
    """Samples alone, some results still to come: they come back under that name."""


# A laboratory request's test whose sample the blood bank groups and crossmatches units from
# (forms/lab_request.yaml).
GROUP_AND_SCREEN = "group_screen"
# The forms of blood ordered or given.
_BLOOD_FORMS = (transfusion.ORDER_FORM, transfusion.FORM)


def sent_under(db: Database, patient_id: str) -> SentUnder | None:
    """What of the patient's present stay went out labelled with the identity their band read:
    blood (a group-and-screen sample not closed, blood ordered or given, standing), else samples
    whose results are still to come, else None. A routine full blood count sent under UNKNOWN
    FEMALE ALPHA was told as blood ("start no unit labelled so"), noise that teaches the nurse to
    skip the paragraph where it matters; a sample rejected, lost or cancelled brings nothing back."""
    sent = [one for one in lab_results.samples(db, patient_id) if one.outcome is None]
    blood = [record for record in list_current(db, patient_id=patient_id)
             if record.form_id in _BLOOD_FORMS and record.status is not RecordStatus.ENTERED_IN_ERROR]
    if any(GROUP_AND_SCREEN in one.record.data["tests"] for one in sent) \
            or in_present_stays(db, {patient_id: blood}).get(patient_id):
        return SentUnder.BLOOD
    return SentUnder.SAMPLES if any(one.chased for one in sent) else None


def in_hospital_alike(db: Database, forms: dict[str, FormSpec], spec: FormSpec,
                      values: dict[str, Any]) -> list[tuple[PatientSummary, list[str]]]:
    """Each patient in hospital who looks like an admission a snapshot is about to load, with the
    reasons: no one is at the keyboard to be asked, as on the ward, so the import decides."""
    return _alike_in_hospital(db, forms, _compared(spec, relevant_values(spec, values), ""), None)


def _alike_in_hospital(db: Database, forms: dict[str, FormSpec], typed: dict[str, Any],
                       patient_id: str | None) -> list[tuple[PatientSummary, list[str]]]:
    """Each patient in hospital (but `patient_id`) who looks like the admission `typed`, with the
    reasons, but those it was saved as another person than."""
    return [(patient, reasons) for patient, _, reasons in _alike(db, forms, typed, patient_id, {StayStatus.IN})]


def _newly_alike(db: Database, forms: dict[str, FormSpec], spec: FormSpec, values: dict[str, Any],
                 before: dict[str, Any] | None, patient_id: str | None,
                 stays: set[StayStatus]) -> tuple[dict[str, Any], list[tuple[PatientSummary, RecordVersion, list[str]]]]:
    """The admission `values` as compared, and each patient whose stay stands as one of `stays`
    who looks like it (`_alike`); for an amendment of `before`, but those `before` looked like
    already, their NIR (or IPP) not differing (`_another_person`): asked about then. A Yes leaves
    nothing on the record, and the nurse, asked again when the IPP came from the EHR the next
    day, could undo it with a tired No. None found when the amendment changes none of the
    answers compared."""
    typed = _compared(spec, relevant_values(spec, values), "")
    if before is None:
        return typed, _alike(db, forms, typed, patient_id, stays)
    was = _compared(spec, relevant_values(spec, before), "")
    if typed == was:
        return typed, []
    asked = {patient.patient_id for patient, admission, _ in _alike(db, forms, was, patient_id, stays)
             if not _another_person(was, _compared(forms[admission.form_id], admission.data, ""))}
    return typed, [found for found in _alike(db, forms, typed, patient_id, stays) if found[0].patient_id not in asked]


def _alike(db: Database, forms: dict[str, FormSpec], typed: dict[str, Any], patient_id: str | None,
           stays: set[StayStatus]) -> list[tuple[PatientSummary, RecordVersion, list[str]]]:
    """Each patient whose stay stands as one of `stays` (but `patient_id`) who looks like the
    admission `typed`, with their admission and the reasons, but those it was saved as another
    person than."""
    told_apart = set(downtime_numbers_in(str(typed.get("not_same_as") or "")))
    looked_for = [typed.get("nir"), typed.get("ipp"), *_names_born(typed)]
    candidates = {patient.patient_id: patient for text in looked_for if text
                  for patient in search.search(db, forms, str(text))
                  if patient.stay in stays and patient.patient_id != patient_id
                  and patient.downtime_number not in told_apart}
    admissions = current_of(db, [patient.admission_record_id for patient in candidates.values()])
    found = []
    for patient in candidates.values():
        admission = admissions[patient.admission_record_id]
        reasons = [duplicate.why for duplicate in probable_duplicates(
            [typed, _compared(forms[admission.form_id], admission.data, patient.downtime_number)])]
        if reasons:
            found.append((patient, admission, reasons))
    return found


@dataclass(frozen=True)
class KnownBefore:
    """One patient, out of hospital now, an admission names (`known_here_before`): their downtime
    number, what to ask the nurse of them, and the allergies their stay recorded that this
    admission does not list (as the admission form's rows), to copy onto it once she says it is
    them: offered for all the namesakes at once, two people's allergies became one list."""

    number: str
    text: str
    allergies: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class KnownHere:
    """Who, out of hospital now, an admission names (`known_here_before`): each of them, asked
    about one by one when the admission identifies someone, and what to ask of them all when it
    admits someone (their numbers kept on the admission, its `not_same_as`, when the nurse says
    it is another person)."""

    patients: tuple[KnownBefore, ...]
    text: str

    @property
    def numbers(self) -> tuple[str, ...]:
        return tuple(patient.number for patient in self.patients)


# The allergy status whose allergies are listed below it (forms/admission.yaml): the answer the
# form takes once the allergies of an earlier stay are copied onto it.
ALLERGIES_LISTED = "allergies"
# Those who left alive: the name of a patient who died here, typed again, is another's.
_LEFT = {StayStatus.DISCHARGED, StayStatus.TRANSFERRED_OUT}
# The numbers that are a person's own, the first both admissions carry deciding (`_another_person`).
_OWN_NUMBERS = ("nir", "ipp")
_KNOWN_HERE = QT_TRANSLATE_NOOP(
    "messages", "Known here already, probably the same person: {patients}. If it is them, their allergies recorded "
                "then stand for this stay too: check them with the patient or their family.")


def known_here_before(db: Database, forms: dict[str, FormSpec], spec: FormSpec, values: dict[str, Any],
                      lang: Lang, *, before: dict[str, Any] | None = None,
                      patient_id: str | None = None) -> KnownHere | None:
    """Who this laptop knew from a stay that ended (discharged or transferred out) and looks like
    the patient a new admission names, or an amendment of `before` newly names (`_newly_alike`,
    as `already_in_hospital` asks), found as it finds them, but one whose NIR (or IPP) differs
    from this admission's (`_another_person`). A man
    sent home on 27/11 with a penicillin anaphylaxis, brought back unconscious as UNKNOWN MALE
    ALPHA and identified on 30/11, read "ALLERGIES NOT KNOWN YET" under a second number: only the
    records office's list said so, once the outage was over. Identified in two steps (his name,
    then the date of birth and NIR of his carte Vitale), the second was never asked about. None
    when no one is (newly) alike. When they left on the ward's clock: a discharge at 10:00 typed
    on a laptop set to UTC, merged here, read "left on 28/11 09:00"."""
    kept = relevant_values(spec, values)
    typed, newly = _newly_alike(db, forms, spec, values, before, patient_id, _LEFT)
    alike = [(patient, admission, reasons) for patient, admission, reasons in newly
             if not _another_person(typed, _compared(forms[admission.form_id], admission.data, ""))]
    if not alike:
        return None
    left = departures(db, forms, [patient.patient_id for patient, _, _ in alike])
    lines, copies = [], []
    for patient, admission, reasons in alike:
        copies.append(tuple(allergies_not_listed(spec, kept, _allergy_rows(forms[admission.form_id], admission.data))))
        lines.append(message(lang, QT_TRANSLATE_NOOP(
            "messages", "{name}, born {born}, {number}, left on {left} ({why}) — allergies: {allergies}"),
            name=patient.display_name, born=patient.birth_date_in(lang), number=patient.downtime_number,
            left=ward_time(left[patient.patient_id].at, None) if patient.patient_id in left else "—",
            why=semicolon(lang).join(message(lang, why) for why in reasons),
            allergies=", ".join(patient.allergies_in(lang))
            or _allergy_status(forms[admission.form_id], patient, lang)))
    return KnownHere(tuple(KnownBefore(patient.downtime_number, message(lang, _KNOWN_HERE, patients=line), rows)
                           for (patient, _, _), line, rows in zip(alike, lines, copies)),
                     message(lang, _KNOWN_HERE, patients=semicolon(lang).join(lines)))


def _another_person(typed: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """Whether two admissions alike by name and date of birth carry each a NIR (or, not both, an
    IPP) and they differ: two people. Mrs Martin née Lefèvre born 12/03/1954, identified from her
    own ID card, was said "probably the same person" as her namesake sent home that morning,
    whose penicillin allergy was offered to copy onto her. The records office's duplicates keep
    the broader rule (a NIR mistyped on one laptop), with time to look."""
    both = next((key for key in _OWN_NUMBERS if typed.get(key) and theirs.get(key)), None)
    return both is not None and fold(str(typed[both])) != fold(str(theirs[both]))


def allergies_not_listed(spec: FormSpec, values: dict[str, Any],
                         rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Those of these allergy rows (an earlier stay's) whose substance the admission `values` does
    not list yet, each substance once: a patient identified as the person of two earlier stays
    is offered, for the second, only what the first did not list."""
    listed = {fold(str(row.get("substance") or "")) for row in _allergy_rows(spec, values)}
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        if (substance := fold(str(row.get("substance") or ""))) and substance not in listed:
            found.setdefault(substance, row)
    return list(found.values())


def _allergy_rows(spec: FormSpec, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The allergies an admission lists, as its form's rows (none unless its status lists them)."""
    status, rows = spec.by_meaning(Meaning.ALLERGY_STATUS), spec.by_meaning(Meaning.ALLERGIES)
    if status is None or rows is None or data.get(status.id) != ALLERGIES_LISTED:
        return []
    return [dict(row) for row in data.get(rows.id) or []]


def _allergy_status(spec: FormSpec, patient: PatientSummary, lang: Lang) -> str:
    """The patient's allergy status in the form's words ("No known allergies"), "—" unanswered."""
    field = spec.by_meaning(Meaning.ALLERGY_STATUS)
    label = next((option.label for option in getattr(field, "options", []) if option.code == patient.allergy_status),
                 None)
    return label.get(lang) if label is not None else "—"


def _names_born(typed: dict[str, Any]) -> list[str]:
    """The searches finding whoever shares a family name and the date of birth with `typed`:
    each of its names, birth and used (a married name typed in the birth name's box is another
    woman's used name), as typed and joined ("Le Goff" finds LEGOFF)."""
    born = typed.get("birth_date")
    if not born:
        return []
    names = [str(typed.get(key) or "") for key in ("birth_name", "used_name")]
    spelt = {tuple(search.typed_terms(spelling)): spelling for name in names if name.strip()
             for spelling in (name, fold(name))}
    return [f"{name} {date.fromisoformat(born):%d/%m/%Y}" for name in spelt.values()]


def place(patient: PatientSummary) -> str:
    return " / ".join(filter(None, (patient.ward, patient.bed)))


def _spoken(name: Any) -> str:
    """A name as it reads on a wristband: case, accents and spacing aside."""
    return sort_key(" ".join(str(name or "").split()))


def check_temporary_name(db: Database, forms: dict[str, FormSpec], spec: FormSpec, kept: dict[str, Any],
                         patient_id: str | None, lang: Lang, before: dict[str, Any] | None = None) -> None:
    """Refuse a temporary name (new, or changed from `before`) that another unidentified patient
    in hospital already has: a major incident's two unknown men were both "Inconnu Trèfle",
    their wristbands, labels and charts told apart only by the description in brackets and the
    number. So too one a patient in hospital had before being renamed or identified
    (`earlier_temporary_names`): a temporary name once given is spent (`temporary_names_shared`):
    his samples and paper charts still read it, and a result phoned for it found two men. So
    too the name of a newborn without first names (`_check_nameless_newborn`).
    `kept`: the form's checked values."""
    _check_nameless_newborn(db, forms, spec, kept, patient_id, lang, before)
    field = spec.by_meaning(Meaning.TEMPORARY_NAME)
    name = kept.get(field.id) if field is not None else None
    if field is None or not name or (before is not None and _spoken(before.get(field.id)) == _spoken(name)):
        return
    candidates = [patient for patient in search.search(db, forms, str(name))
                  if patient.stay is StayStatus.IN and patient.patient_id != patient_id]
    versions = histories(db, [patient.admission_record_id for patient in candidates])
    for patient in candidates:
        *_, admission = versions[patient.admission_record_id]
        spec_theirs = forms[admission.form_id]
        theirs = spec_theirs.by_meaning(Meaning.TEMPORARY_NAME)
        if theirs is not None and patient.unidentified and _spoken(admission.data.get(theirs.id)) == _spoken(name):
            raise ValidationFailed([FieldError(field.id, message(lang, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: {name}, {number}, in {place}, already has that name; give each unidentified "
                            "patient a temporary name of their own."), field=field.label.get(lang),
                name=patient.display_name, number=patient.downtime_number, place=place(patient)))])
        for earlier in earlier_temporary_names(spec_theirs, versions[patient.admission_record_id]):
            if _spoken(earlier.name) == _spoken(name):
                raise ValidationFailed([FieldError(field.id, message(lang, QT_TRANSLATE_NOOP(
                    "messages", "“{field}”: {name}, {number}, in {place}, was {temporary} until {until}: their "
                                "samples, labels and paper forms still carry that name; choose another."),
                    field=field.label.get(lang), name=patient.display_name, number=patient.downtime_number,
                    place=place(patient), temporary=earlier.name.upper(), until=ward_time(earlier.until, None)))])


def temporary_names_shared(db: Database, forms: dict[str, FormSpec], patient_ids: Collection[str]) -> list[Phrase]:
    """Each temporary name that unidentified patients in hospital, one of them among these (an
    import's admissions), now share, naming them and where they are: `check_temporary_name`
    refuses it on one laptop, but a major incident's emergency department and ward each began
    their alphabet at the same word, and the ward's import of the department's stick put two
    UNKNOWN FEMALE BRAVO in beds 6 and 7, nothing said. So too one a patient in hospital had
    before being renamed or identified (`earlier_temporary_names`): the department identified
    its UNKNOWN MALE ALPHA as Girard, intensive care's stick brought its own, and a result phoned
    for that name found two men.

    One rule, `check_temporary_name`'s: a temporary name once given is spent, its samples at the
    laboratory reading it whoever carries it next. So every patient carrying it is to be renamed,
    each ward its own: told "each but one", two laptops each kept theirs, or the ward that
    renamed its own as told was then told the name kept was one it had had."""
    present = in_patients(db, forms)
    versions = histories(db, [patient.admission_record_id for patient in present])
    shared: dict[str, list[PatientSummary]] = {}
    had: dict[str, list[tuple[str, Phrase]]] = {}  # by name, who had it (their patient id) and until when
    for patient in present:
        if patient.unidentified and patient.family_names:  # their temporary name (patients.summarise)
            shared.setdefault(_spoken(patient.family_names[0]), []).append(patient)
        admission = versions[patient.admission_record_id]
        for earlier in earlier_temporary_names(forms[admission[-1].form_id], admission):
            had.setdefault(_spoken(earlier.name), []).append((patient.patient_id, Phrase(QT_TRANSLATE_NOOP(
                "messages", "{name}, {number} ({place}), until {until}"), {
                "name": patient.display_name, "number": patient.downtime_number, "place": place(patient),
                "until": ward_time(earlier.until, None)})))
    said = []
    for spoken, alike in shared.items():
        carrying = {patient.patient_id for patient in alike}
        earlier = [phrase for patient_id, phrase in had.get(spoken, []) if patient_id not in carrying]
        named = carrying | {patient_id for patient_id, _ in had.get(spoken, [])}
        if not named & set(patient_ids) or len(alike) + len(earlier) < 2:
            continue
        patients = ", ".join(f"{patient.downtime_number} ({place(patient)})" for patient in alike)
        name = alike[0].family_names[0].upper()
        if not earlier:
            said.append(Phrase(_SHARED, {"count": len(alike), "name": name, "patients": patients}))
        else:
            said.append(Phrase(_HAD[len(alike) > 1], {"name": name, "patients": patients, "earlier": Listed(tuple(earlier))}))
    return said


_SHARED = QT_TRANSLATE_NOOP(
    "messages", "{count} unidentified patients in hospital now share the temporary name {name}: {patients}. Their "
                "samples, labels and paper forms carry it already: give each of them a new temporary name (amend "
                "their admission, each ward its own), then print their new wristband and ID labels.")
# By whether several unidentified patients carry the name now.
_HAD = {False: QT_TRANSLATE_NOOP(
    "messages", "The temporary name {name} of {patients}, unidentified, is one {earlier} had before being renamed "
                "or identified: their samples, labels and paper forms still carry it. Give the unidentified patient a "
                "new temporary name (amend their admission), then print their new wristband and ID labels."),
        True: QT_TRANSLATE_NOOP(
    "messages", "The temporary name {name} of {patients}, unidentified, is one {earlier} had before being renamed "
                "or identified: their samples, labels and paper forms still carry it. Give each of these "
                "unidentified patients a new temporary name (amend their admission, each ward its own), then print "
                "their new wristband and ID labels.")}


# A newborn's wristband reads these: alike, two twins without first names are told apart by
# their number alone.
_NEWBORN_NAMED_BY = (Meaning.BIRTH_NAME, Meaning.USED_NAME, Meaning.BIRTH_DATE)


def _nameless_newborn(spec: FormSpec, values: dict[str, Any]) -> tuple[str, ...] | None:
    """The names and date of birth, as they read, of a baby admitted without first names (the
    form lets one under 28 days old have none yet); None for anyone else, and on a form without
    first names."""
    given, unidentified = (spec.by_meaning(meaning) for meaning in (Meaning.GIVEN_NAMES, Meaning.UNIDENTIFIED))
    if given is None or _spoken(values.get(given.id)) or (unidentified and values.get(unidentified.id)):
        return None
    read = tuple(_spoken(values.get(field.id)) if (field := spec.by_meaning(meaning)) else ""
                 for meaning in _NEWBORN_NAMED_BY)
    birth_name, _, born = read
    return read if birth_name and born else None


def _check_nameless_newborn(db: Database, forms: dict[str, FormSpec], spec: FormSpec, kept: dict[str, Any],
                            patient_id: str | None, lang: Lang, before: dict[str, Any] | None) -> None:
    """Refuse a baby admitted without first names (new, or named so since `before`) under the
    family name and date of birth of another in hospital without first names: twins born on the
    ward were both LEFÈVRE, born 28/11/2026, their wristbands, labels and medication charts told
    apart by the number alone. A provisional first name tells them apart until theirs are
    declared; a single newborn may still be admitted without."""
    read, given = _nameless_newborn(spec, kept), spec.by_meaning(Meaning.GIVEN_NAMES)
    if read is None or given is None or (before is not None and _nameless_newborn(spec, before) == read):
        return
    birth_name, _, born = read
    candidates = [patient for patient in search.search(db, forms, f"{birth_name} {date.fromisoformat(born):%d/%m/%Y}")
                  if patient.stay is StayStatus.IN and patient.patient_id != patient_id]
    admissions = current_of(db, [patient.admission_record_id for patient in candidates])
    for patient in candidates:
        admission = admissions[patient.admission_record_id]
        if _nameless_newborn(forms[admission.form_id], admission.data) == read:
            raise ValidationFailed([FieldError(given.id, message(lang, TWINS_UNNAMED, field=given.label.get(lang),
                                                                name=patient.display_name,
                                                                born=patient.birth_date_in(lang),
                                                                number=patient.downtime_number, place=place(patient)))])


TWINS_UNNAMED = QT_TRANSLATE_NOOP(
    "messages", "“{field}”: {name}, born {born}, {number}, in {place}, has the same name and date of birth and no "
                "first names either. Give each baby a provisional first name (Twin 1, Twin 2) until theirs are "
                "declared: without one, their wristbands, labels and charts differ by the number alone.")
