"""A patient's repositioning (turning) chart: each change of position with the skin over the
pressure areas, and what the latest asks of the nurse now (domain.repositioning): the next
change once overdue, pressure damage found; and their latest pressure ulcer risk assessment
(domain.braden). Never stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.braden import ADULTS_FROM_YEARS, BANDS, FIRST_WITHIN, Band, band as band_of, total
from downtime.domain.census import StayStatus
from downtime.domain.records import RecordVersion
from downtime.domain.repositioning import DAMAGE, SIGNS, Sign, next_due, signs
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import semicolon
from downtime.services.bedside import Chart, first_due, ordered
from downtime.services.patients import PatientSummary

FORM = "repositioning"
RISK_FORM = "braden_assessment"
WORDS = {
    "handover": {"en": "REPOSITIONING: {turn} at {time}", "fr": "CHANGEMENT DE POSITION : {turn} le {time}"},
    "skin": {"en": "skin: {skin}", "fr": "peau : {skin}"},
    "due": {"en": "next due {due}", "fr": "prochain le {due}"},
    "risk": {"en": "Pressure ulcer risk: Braden {score}, {band} ({time})",
             "fr": "Risque d’escarre : Braden {score}, {band} ({time})"},
    "every": {"en": "Repositioned every {every}; last: {turn} at {time}",
              "fr": "Changement de position toutes les {every} ; dernier : {turn} le {time}"},
}


@dataclass(frozen=True)
class Turned:
    """A change of position (`record`), when it was, and when the next falls due."""

    record: RecordVersion
    turned_at: datetime
    due_at: datetime

    def skin(self, spec: FormSpec, lang: Lang) -> str:
        """"Redness that blanches when pressed (sacrum)", or "" when not said (declined)."""
        data = self.record.data
        if not data.get("skin"):
            return ""
        where = " ".join((data.get("skin_where") or "").split())
        return format_value(spec.field("skin"), data["skin"], lang) + (f" ({where})" if where else "")

    def text(self, spec: FormSpec, lang: Lang) -> str:
        """"Left side (30° tilt), skin: Redness that blanches when pressed (sacrum)"."""
        position = format_value(spec.field("position"), self.record.data["position"], lang)
        skin = self.skin(spec, lang)
        return f"{position}, {WORDS['skin'][lang].format(skin=skin)}" if skin else position

    @property
    def damaged(self) -> bool:
        return self.record.data.get("skin") in DAMAGE

    def said(self, sign: Sign, at: datetime, lang: Lang) -> str:
        return SIGNS[sign][lang].format(where=" ".join((self.record.data.get("skin_where") or "").split()),
                                        due=f"{self.due_at.astimezone(at.tzinfo):%d/%m %H:%M}")

    def asks(self, at: datetime, lang: Lang) -> list[str]:
        """What it asks at `at` (the latest change of position's, the chart's), each in words."""
        return [self.said(sign, at, lang) for sign in signs(self.record.data.get("skin") or "", self.due_at, at)]

    def overdue(self, at: datetime) -> bool:
        return elapsed.instant(self.due_at) <= elapsed.instant(at)

    def next_change(self, at: datetime, lang: Lang) -> str:
        """"next due 28/11 16:00", or "REPOSITIONING OVERDUE since …" once it is."""
        if self.overdue(at):
            return self.said(Sign.OVERDUE, at, lang)
        return WORDS["due"][lang].format(due=f"{self.due_at.astimezone(at.tzinfo):%d/%m %H:%M}")


@dataclass(frozen=True)
class Assessed:
    """A pressure ulcer risk assessment (`record`), when, its Braden total and band."""

    record: RecordVersion
    assessed_at: datetime
    score: int
    band: Band

    def text(self, lang: Lang) -> str:
        """"Pressure ulcer risk: Braden 12, HIGH RISK (28/11 09:00)"."""
        return WORDS["risk"][lang].format(score=self.score, band=BANDS[self.band][lang],
                                          time=f"{self.assessed_at:%d/%m %H:%M}")


def assessed(record: RecordVersion) -> Assessed:
    score = total(record.data)
    return Assessed(record, datetime.fromisoformat(record.data["assessed_at"]), score, band_of(score))


# The latest risk assessment of each of these patients who has one.
risks = Chart(RISK_FORM, ordered(assessed, lambda one: one.assessed_at)).latest


def never_assessed(db: Database, patients: Sequence[PatientSummary], at: datetime) -> set[str]:
    """Those of these in-patients 18 or over (or of unknown age) with no pressure ulcer risk
    assessment this stay 6 hours after they came in (NICE QS89): said on the handover sheet with
    the screenings not done since admission (services.since_admission)."""
    found = risks(db, [patient.patient_id for patient in patients])
    return {patient.patient_id for patient in patients
            if patient.patient_id not in found and patient.stay in (None, StayStatus.IN)
            and elapsed.reached(first_due(patient, FIRST_WITHIN), at)
            and (patient.birth_date is None or age_in_years(patient.birth_date, at.date()) >= ADULTS_FROM_YEARS)}


def risk(db: Database, patient_id: str) -> Assessed | None:
    """The patient's latest risk assessment, if any."""
    return risks(db, [patient_id]).get(patient_id)


def turned(record: RecordVersion) -> Turned:
    at = datetime.fromisoformat(record.data["turned_at"])
    return Turned(record, at, next_due(at, int(record.data["next_in"])))


# The patient's standing changes of position, oldest first; and many patients' in one query.
CHART = Chart(FORM, ordered(turned, lambda one: one.turned_at))
chart, charts = CHART.of, CHART.of_each


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' pressure areas, for those
    with a risk assessed or a change of position: their latest risk, then the latest change with
    the position and skin, the next one due or overdue, and pressure damage found."""
    said = {patient_id: [found.text(lang)] for patient_id, found in risks(db, patient_ids).items()}
    for patient_id, turns in charts(db, patient_ids).items():
        latest = turns[-1]
        said.setdefault(patient_id, []).extend([WORDS["handover"][lang].format(
            turn=latest.text(forms[FORM], lang), time=f"{latest.turned_at:%d/%m %H:%M}"),
            latest.next_change(at, lang), *([latest.said(Sign.DAMAGE, at, lang)] if latest.damaged else [])])
    return {patient_id: semicolon(lang).join(lines) for patient_id, lines in said.items()}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (a move to another ward, a transfer to another
    hospital, a discharge) says of their pressure areas, one a line: their latest risk, how often
    they are turned and the latest change with the skin, and pressure damage found, which the
    receiving team goes on caring for."""
    assessed_risk = [found.text(lang)] if (found := risk(db, patient_id)) is not None else []
    turns = chart(db, patient_id)
    if not turns:
        return assessed_risk
    latest, spec = turns[-1], forms[FORM]
    return [*assessed_risk, WORDS["every"][lang].format(every=format_value(spec.field("next_in"), latest.record.data["next_in"], lang),
                                        turn=latest.text(spec, lang), time=f"{latest.turned_at:%d/%m %H:%M}"),
            *([latest.said(Sign.DAMAGE, at, lang)] if latest.damaged else [])]
