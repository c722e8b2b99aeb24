"""Who is on the ward: each patient with the two identifiers every screen and page shows."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.census import StayStatus
from downtime.domain.downtime_number import taken_apart
from downtime.domain.medication import allergy_alert
from downtime.domain.nir import normalise_nir
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import Field, Meaning, Text
from downtime.i18n import QT_TR_NOOP, Lang, translate
from downtime.storage.records import chunks, marks
from downtime.storage.records import downtime_numbers as downtime_numbers  # where every service reads them

UNKNOWN_BIRTH_DATE = QT_TR_NOOP("DOB unknown")


@dataclass(frozen=True)
class PatientSummary:
    patient_id: str
    downtime_number: str
    display_name: str
    birth_date: date | None
    sex: str | None
    ward: str | None
    bed: str | None
    allergy_status: str | None
    allergies: tuple[str, ...]  # the substances, as the safety checks match them
    unidentified: bool
    admission_record_id: str
    admission_version: int
    admitted_at: str
    ipp: str | None
    nir: str | None
    identity_status: str | None
    resuscitation: str | None
    isolation: str | None
    stay: StayStatus | None = None
    # Each allergy's reaction and severity (in the form's words), beside `allergies`: a drug
    # chart names the reaction, not only the substance.
    reactions: tuple[tuple[str, Text | None], ...] = ()
    # The birth name and the used name, as typed: two patients of a ward sharing one are
    # pointed out on its census (census.name_alerts). An unidentified patient's temporary name:
    # INCONNU Alpha in bed 4 and INCONNU Bravo in bed 5 read alike on every list and chart, and
    # two UNKNOWN FEMALE BRAVO brought onto one ward by two laptops' exports, the same.
    family_names: tuple[str, ...] = ()
    # The patient's telephone and their next of kin's, as typed: the coordinator rings one of
    # them with a cancelled operation's new date (theatre.phone_to_call).
    phone: str | None = None
    nok_phone: str | None = None
    # The beds of the patient's namesakes on their ward, where read (census.with_namesakes): the
    # name alert their own screens and printed chart carry.
    namesakes: tuple[str, ...] = ()
    # Why they came in, as the admission says it: the handover sheet and the list give it beside
    # the bed (a nurse taking over a ward on paper had names and beds and no reason for any).
    reason: str | None = None
    # Whether an interpreter is needed, and the language they speak, as typed: said on every
    # patient screen's header, where a nurse about to give a dose or ask consent reads it.
    interpreter_needed: bool = False
    language: str | None = None

    @property
    def allergy_alert(self) -> bool:
        """Whether the allergy line is a warning (see medication.allergy_alert)."""
        return allergy_alert(self.allergy_status, self.allergies)

    def allergies_in(self, lang: Lang) -> list[str]:
        """Each allergy with its reaction and severity ("Penicillin (anaphylaxis, severe)"), as a
        drug chart asks for them: wherever a dose is decided, an anaphylaxis must not read like
        a rash."""
        return [_allergy(substance, reaction, severity, lang) for substance, (reaction, severity) in
                zip(self.allergies, self.reactions or [("", None)] * len(self.allergies))]

    def birth_date_in(self, lang: Lang) -> str:
        """Day first; an unknown one said in the reader's language (a French list read "DOB unknown")."""
        return self.birth_date.strftime("%d/%m/%Y") if self.birth_date else translate(lang, "", UNKNOWN_BIRTH_DATE)


@dataclass(frozen=True)
class EarlierName:
    """A temporary name an admission had, as typed, with the description beside it, and when the
    version that dropped it (identifying the patient, or renaming them) was written."""

    name: str
    descriptor: str
    until: datetime


def earlier_temporary_names(spec: FormSpec, versions: Sequence[RecordVersion]) -> list[EarlierName]:
    """The temporary names an admission's versions (oldest first) gave the patient before the
    version standing: identified since, their samples at the laboratory, their paper charts,
    labels and controlled-drug register lines still read UNKNOWN MALE ALPHA."""
    unidentified, temporary, descriptor = (spec.by_meaning(meaning) for meaning in (
        Meaning.UNIDENTIFIED, Meaning.TEMPORARY_NAME, Meaning.DESCRIPTOR))
    if unidentified is None or temporary is None:
        return []

    def name(version: RecordVersion) -> str:
        return " ".join(str(version.data.get(temporary.id) or "").split()) \
            if version.data.get(unidentified.id) is True else ""

    found: dict[str, EarlierName] = {}
    for version, after in zip(versions, versions[1:]):
        if (was := name(version)) and was.casefold() != name(after).casefold():
            found[was.casefold()] = EarlierName(was, str(version.data.get(descriptor.id) or "").strip()
                                                if descriptor else "", after.recorded_at)
    return list(found.values())


def _allergy(substance: str, reaction: str, severity: Text | None, lang: Lang) -> str:
    how = ", ".join(filter(None, (reaction.strip(), severity.get(lang).lower() if severity else "")))
    return f"{substance} ({how})" if how else substance


_BORN = {"female": "née", "male": "né"}


def display_name(spec: FormSpec, data: dict[str, Any]) -> str:
    """Family name in capitals then first names ("DUPONT Marie"), as on NHS and French
    wristbands; an unidentified patient is shown by temporary name and description. A used
    name is followed by the birth name, "(née DUBOIS)", "(né DUBOIS)" for a man, "(né(e)
    DUBOIS)" when the sex is not known: words both languages read (a man's "(born …)" stood in
    English on every French list and paper)."""

    def value(meaning: Meaning) -> str:
        field = spec.by_meaning(meaning)
        return str(data.get(field.id) or "").strip() if field else ""

    if data.get(_field_id(spec, Meaning.UNIDENTIFIED)) is True:
        temporary = value(Meaning.TEMPORARY_NAME)
        descriptor = value(Meaning.DESCRIPTOR)
        return f"{temporary.upper()} ({descriptor})" if descriptor else temporary.upper()
    family = value(Meaning.USED_NAME) or value(Meaning.BIRTH_NAME)
    birth = value(Meaning.BIRTH_NAME)
    name = f"{family.upper()} {value(Meaning.GIVEN_NAMES)}".strip()
    if birth and family.upper() != birth.upper():
        name += f" ({_BORN.get(data.get(_field_id(spec, Meaning.SEX)), 'né(e)')} {birth.upper()})"
    return name


def _field_id(spec: FormSpec, meaning: Meaning) -> str:
    field = spec.by_meaning(meaning)
    return field.id if field else ""


def summarise(spec: FormSpec, record: RecordVersion, downtime_number: str) -> PatientSummary:
    data = record.data

    def get(meaning: Meaning) -> Any:
        return data.get(_field_id(spec, meaning))

    allergies_field = spec.by_meaning(Meaning.ALLERGIES)
    listed: list[dict[str, Any]] = []
    if allergies_field is not None and get(Meaning.ALLERGY_STATUS) == "allergies":
        listed = list(data.get(allergies_field.id) or [])
    substances = tuple(str(row.get("substance", "")) for row in listed)
    born = get(Meaning.BIRTH_DATE)
    # As the card reads, without the dots, dashes or spaces the form lets through: the search
    # index and the export's INS take it from here.
    nir = get(Meaning.NIR)
    return PatientSummary(
        patient_id=str(record.patient_id), downtime_number=downtime_number,
        display_name=display_name(spec, data),
        birth_date=date.fromisoformat(born) if born else None, sex=get(Meaning.SEX),
        ward=get(Meaning.WARD), bed=get(Meaning.BED), allergy_status=get(Meaning.ALLERGY_STATUS),
        allergies=substances, unidentified=get(Meaning.UNIDENTIFIED) is True,
        admission_record_id=record.record_id, admission_version=record.version,
        admitted_at=record.occurred_at.isoformat(), ipp=get(Meaning.IPP), nir=normalise_nir(nir) if nir else None,
        identity_status=get(Meaning.IDENTITY_STATUS), resuscitation=get(Meaning.RESUSCITATION),
        isolation=get(Meaning.ISOLATION),
        reactions=tuple((str(row.get("reaction") or ""), _option_label(allergies_field, "severity", row.get("severity")))
                        for row in listed),
        family_names=tuple(str(name).strip() for name in (
            (get(Meaning.TEMPORARY_NAME),) if get(Meaning.UNIDENTIFIED) is True
            else (get(Meaning.BIRTH_NAME), get(Meaning.USED_NAME))) if name and str(name).strip()),
        phone=get(Meaning.PHONE) or None, nok_phone=get(Meaning.NOK_PHONE) or None,
        reason=" ".join(str(get(Meaning.REASON) or "").split()) or None,
        interpreter_needed=get(Meaning.INTERPRETER) is True, language=str(get(Meaning.LANGUAGE) or "").strip() or None)


def _option_label(group: Field | None, field_id: str, code: Any) -> Text | None:
    """The label of a repeat group's choice, in both languages (None: not answered)."""
    found = next((sub for sub in getattr(group, "fields", []) if sub.id == field_id), None)
    return next((option.label for option in getattr(found, "options", []) if option.code == code), None)


def patients_numbered(db: Database, shown: Collection[str]) -> dict[str, str]:
    """The patient of each downtime number as `downtime_numbers` shows it (typed in any case),
    by that number as given: a number two laptops gave is one patient's only with its laptop."""
    wanted = {text: taken_apart(text) for text in shown}
    numbers = sorted({number for number, _ in wanted.values()})
    rows = [row for part in chunks(numbers) for row in db.execute(
        f"SELECT patient_id, downtime_number, device_id FROM patients WHERE downtime_number IN ({marks(part)})", part)]
    given = {}
    for patient_id, number, device_id in rows:
        given.setdefault(number, []).append((patient_id, device_id))
    return {text: found[0][0] for text, (number, laptop) in wanted.items()
            if len(found := [(patient_id, device_id) for patient_id, device_id in given.get(number, [])
                             if device_id.startswith(laptop)]) == 1}
