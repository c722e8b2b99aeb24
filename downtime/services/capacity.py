"""A mental capacity assessment (domain.capacity), said where the ward looks: the handover sheet
and the Patients tab ("LACKS CAPACITY for medicines (assessed 02/12 by Dr Martin; review by
09/12)", "CAPACITY REVIEW DUE" once its review is reached), the escalation list (that review, and
an order given covertly that no assessment on record supports: `escalation`), and beside a covert
order (`covert_flags`). "HAS capacity" is said only where it answers an order's question: a
medicine given covertly to a person assessed as able to refuse it. On paper the assessment was a
sheet in the notes, and the covert decision on the prescription named an assessment no one could
find. Never stored: read from the standing records (forms/capacity_assessment.yaml)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.capacity import (
    Assessment,
    Decision,
    Outcome,
    assessment_of,
    imca_unsupported,
    mca_applies,
    move_without_imca,
    outcome_of,
    standing,
    standing_each,
    supports_covert,
    unable_to,
)
from downtime.domain.clock import ward_day, ward_time
from downtime.domain.medication import Check, Order, Warning, written_when
from downtime.domain.medication import Outcome as Dose
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import QT_TRANSLATE_NOOP, semicolon
from downtime.services import census, medication
from downtime.services.bedside import Chart, Escalation, ordered
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed

FORM = "capacity_assessment"
WORDS = {
    "lacks": {"en": "LACKS CAPACITY for {decision} (assessed {day} by {by}; review by {review})",
              "fr": "SANS CAPACITÉ DE DÉCIDER {decision} (évaluation du {day} par {by} ; réévaluer le {review})"},
    "review_due": {"en": "CAPACITY REVIEW DUE (by {review}): lacks capacity for {decision} (assessed {day} by {by})",
                   "fr": "RÉÉVALUATION DE LA CAPACITÉ DUE (le {review}) : sans capacité de décider {decision} "
                         "(évaluation du {day} par {by})"},
    "waits": {"en": "{line}: the decision waits until they may regain capacity",
              "fr": "{line} : la décision attend qu’il ou elle recouvre sa capacité"},
    "reassess": {"en": "assess capacity again (it may have returned) and review the decision made for them",
                 "fr": "réévaluer la capacité (elle a pu revenir) et la décision prise à sa place"},
    "reassess_waited": {"en": "assess capacity again: the decision has waited for it",
                        "fr": "réévaluer la capacité : la décision l’attend"},
    "no_assessment": {"en": "COVERT with no assessment of capacity for medicines on record: ask the doctor",
                      "fr": "À L’INSU DU PATIENT, aucune évaluation de sa capacité à décider de ses médicaments "
                            "enregistrée : demander au médecin"},
    "has": {"en": "COVERT, but HAS capacity for medicines (assessed {day} by {by}): a capable person may refuse; "
                  "ask the doctor",
            "fr": "À L’INSU DU PATIENT, mais EN CAPACITÉ de décider de ses médicaments (évaluation du {day} par "
                  "{by}) : une personne en capacité peut refuser ; demander au médecin"},
    "can_wait": {"en": "COVERT, but the capacity assessment of {day} says the decision can wait: ask the doctor",
                 "fr": "À L’INSU DU PATIENT, mais l’évaluation de la capacité du {day} dit que la décision peut "
                       "attendre : demander au médecin"},
}
"""The ward's line of a standing assessment lacking capacity, its review once reached (asking the
decision made for them reviewed, or, when it waited, capacity alone); and what a covert order's
flag and the escalation list say when no assessment supports it (domain.capacity.supports_covert).
"No assessment" names medicines: one of another decision on record is no answer to a covert order.
French says "sans capacité de décider", as the missing-patient form does: "incapable" reads as a
person under legal protection (an "incapable majeur")."""
DECISIONS = {Decision.MEDICINES: {"en": "medicines", "fr": "de ses médicaments"},
             Decision.DISCHARGE: {"en": "the discharge destination", "fr": "de son lieu de sortie"}}
"""A decision in the ward's line, with its French preposition; a treatment or another decision by
its words (`decision_detail`), as `NAMED` says them."""
NAMED = {"en": "{detail}", "fr": "de : {detail}"}
REFUSALS = {
    "child": {"en": "“{label}”: the patient was {age} then: the Mental Capacity Act applies from 16 (s.2(5)); a "
                    "child’s capacity to consent is judged by Gillick competence, not an MCA assessment.",
              "fr": "« {label} » : le patient avait {age} ans : la loi sur la capacité mentale (MCA) s’applique à partir "
                    "de 16 ans (art. 2(5)) ; la capacité d’un enfant à consentir se juge par la compétence de Gillick, "
                    "pas par une évaluation MCA."},
    "lacks": {"en": "“{label}”: LACKS capacity needs stage 1 Yes and a No at stage 2 (s.2-3); as answered, the "
                    "person HAS capacity for this decision.",
              "fr": "« {label} » : SANS CAPACITÉ suppose l’étape 1 Oui et un Non à l’étape 2 (art. 2-3) ; selon "
                    "les réponses, la personne est EN CAPACITÉ de prendre cette décision."},
    "has": {"en": "“{label}”: the person is unable to {abilities} because of the impairment: they LACK capacity "
                  "for this decision (s.3(1)).",
            "fr": "« {label} » : la personne ne peut pas {abilities} du fait de l’altération : elle est SANS "
                  "CAPACITÉ de prendre cette décision (art. 3(1))."},
    "move": {"en": "“{label}”: “{answer}”, but the discharge destination is a change of accommodation: with no one "
                   "to consult, it needs an IMCA instructed (s.39).",
             "fr": "« {label} » : « {answer} », mais le lieu de sortie est un changement de lieu de vie : sans "
                   "personne à consulter, il faut saisir un IMCA (art. 39)."},
    "imca": {"en": "“{label}”: “{answer}”, but none of family, an unpaid carer, an attorney or a deputy is ticked "
                   "in “{consulted}”: tick who was consulted, or instruct an IMCA.",
             "fr": "« {label} » : « {answer} », mais ni la famille, ni un aidant, ni un mandataire, ni un "
                   "représentant n’est coché dans « {consulted} » : cocher qui a été consulté, ou saisir un IMCA."},
}
ABILITIES = {"understands": {"en": "understand", "fr": "comprendre"}, "retains": {"en": "retain", "fr": "retenir"},
             "weighs": {"en": "use or weigh", "fr": "utiliser ou peser"},
             "communicates": {"en": "communicate", "fr": "communiquer"}}
"""How the HAS refused names each stage-2 ability answered No."""


def check(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Mapping[str, Any] | None = None,
          born: date | None = None) -> None:
    """Refuse, naming the field: an assessment of a patient (born `born`) under 16 when assessed,
    whom the Act does not cover; an outcome the two stages do not give (LACKS with no impairment or
    all four abilities, HAS with an impairment and an ability answered No), "IMCA not needed"
    with no one but staff consulted, and "neither serious treatment nor a move" of the discharge
    destination, a move itself. Each new record, and each amendment changing what it checks."""
    def changed(*field_ids: str) -> bool:
        return before is None or any(data.get(name) != before.get(name) for name in field_ids)

    def label(field_id: str) -> str:
        return spec.field(field_id).label.get(lang)

    errors = []
    assessed = data.get("assessed_at")
    if assessed and born is not None and not mca_applies(born, at := datetime.fromisoformat(assessed)) and changed(
            "assessed_at"):
        errors.append(FieldError("assessed_at", REFUSALS["child"][lang].format(
            label=label("assessed_at"), age=age_in_years(born, ward_day(at)))))
    given, answered = data.get("outcome"), outcome_of(data)
    if answered is not None and given not in (None, answered) and changed(
            "outcome", "impairment", "understands", "retains", "weighs", "communicates"):
        errors.append(FieldError("outcome", REFUSALS["lacks"][lang].format(label=label("outcome"))
                                 if given == Outcome.LACKS else REFUSALS["has"][lang].format(
            label=label("outcome"), abilities=", ".join(ABILITIES[one][lang] for one in unable_to(data)))))
    if imca_unsupported(data) and changed("imca", "consulted"):
        errors.append(FieldError("imca", REFUSALS["imca"][lang].format(
            label=label("imca"), answer=format_value(spec.field("imca"), data["imca"], lang),
            consulted=label("consulted"))))
    if move_without_imca(data) and changed("imca", "decision"):
        errors.append(FieldError("imca", REFUSALS["move"][lang].format(
            label=label("imca"), answer=format_value(spec.field("imca"), data["imca"], lang))))
    if errors:
        raise ValidationFailed(errors)


@dataclass(frozen=True)
class Recorded:
    """An assessment record (`record`) as domain.capacity reads it."""

    record: RecordVersion
    assessment: Assessment


CHART = Chart(FORM, ordered(lambda record: Recorded(record, assessment_of(record.data)),
                            lambda one: one.assessment.assessed_at))


def decision_words(one: Assessment, lang: Lang) -> str:
    """The decision assessed as the ward's lines say it ("medicines", "de ses médicaments", a
    treatment by its words): services.enhanced_observation names the lack its DoLS answers rest on."""
    return DECISIONS[one.decision][lang] if one.decision in DECISIONS else NAMED[lang].format(detail=one.detail or "")


def _by(one: Assessment) -> str:
    return " ".join(one.assessed_by.split())


def line(one: Assessment, at: datetime, lang: Lang) -> str:
    """A standing assessment lacking capacity as the ward reads it at `at`: "LACKS CAPACITY for
    medicines (assessed 02/12 by Dr Martin; review by 09/12)", "CAPACITY REVIEW DUE (by 09/12): …"
    once reached, and a decision that waits said so."""
    zone = at.tzinfo
    said = WORDS["review_due" if one.review_due(at) else "lacks"][lang].format(
        decision=decision_words(one, lang), day=ward_time(one.assessed_at, zone, "%d/%m"), by=_by(one),
        review=ward_time(one.review_by, zone, "%d/%m") if one.review_by else "?")
    return WORDS["waits"][lang].format(line=said) if one.can_wait else said


def _lacking(each: Sequence[Recorded], at: datetime) -> list[Assessment]:
    return [one for one in standing_each([recorded.assessment for recorded in each], at) if one.lacks]


def ward_lines(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet and the Patients tab say of each of these patients with a standing
    assessment lacking capacity at `at` (`line`, each decision's, joined). HAS capacity is not
    said: capacity is assumed (s.1(2)), and a line saying it read as a question settled for every
    decision."""
    said = {patient_id: [line(one, at, lang) for one in _lacking(each, at)]
            for patient_id, each in CHART.of_each(db, list(patient_ids)).items()}
    return {patient_id: semicolon(lang).join(lines) for patient_id, lines in said.items() if lines}


def covert_said(found: Assessment | None, at: datetime, lang: Lang) -> str:
    """What a covert order says of the standing assessment of medicines `found`, which does not
    support it (`unsupported_covert`): none on record, HAS capacity, or a decision left to wait."""
    if found is None:
        return WORDS["no_assessment"][lang]
    day = ward_time(found.assessed_at, at.tzinfo, "%d/%m")
    return WORDS["has" if found.outcome is Outcome.HAS else "can_wait"][lang].format(day=day, by=_by(found))


def unsupported_covert(db: Database, orders: Sequence[Order], at: datetime) -> list[tuple[Order, Assessment | None]]:
    """Each of these orders running at `at` and given covertly whose patient's standing assessment
    of medicines (found, or None) does not support it (domain.capacity.supports_covert). Not of a
    child under 16, whom the Act does not cover (`mca_applies`): a child's covert medicines rest on
    the consent of those with parental responsibility, and the form refuses an assessment of them,
    so a 10-year-old's covert order asked "no assessment of capacity" on the round and the
    escalation list for good."""
    running = [order for order in orders if order.covert is not None and order.active_at(at)]
    born = census.births(db, list({order.patient_id for order in running})) if running else {}
    covert = [order for order in running if mca_applies(born.get(order.patient_id), at)]
    charts = CHART.of_each(db, list({order.patient_id for order in covert})) if covert else {}
    found = [(order, standing([one.assessment for one in charts.get(order.patient_id, [])], Decision.MEDICINES, at))
             for order in covert]
    return [(order, one) for order, one in found if not supports_covert(one)]


def capable_at(db: Database, patient_id: str, at: datetime) -> Assessment | None:
    """The patient's standing assessment of medicines at `at` when it says HAS capacity: a dose
    given covertly then is given to a person able to refuse it (`dose_warnings`), and the dose
    dialog leaves "Given covertly" unticked."""
    found = standing([one.assessment for one in CHART.of(db, patient_id)], Decision.MEDICINES, at)
    return found if found is not None and found.outcome is Outcome.HAS else None


GIVEN_COVERTLY_TO_CAPABLE = QT_TRANSLATE_NOOP(
    "messages", "{drug} is recorded given covertly at {time}, and the capacity assessment of {assessed} says the "
                "patient HAS capacity for their medicines: a capable person may refuse them. Untick “Given covertly” "
                "if it was given openly; else say why in the reason, and tell the doctor.")


def dose_warnings(session: Session, found: Order, values: Mapping[str, Any]) -> list[Warning]:
    """A dose of `found` recorded given covertly (services.medication.GIVEN_COVERTLY) at a time the
    patient's standing assessment of medicines says HAS capacity (`capable_at`): asked, the nurse
    overriding with a reason, whichever way it is recorded (the dialog, the paper batch, the
    command line), as a dose by mouth over a failed swallow screen is. The escalation list called
    it urgent while the dose was saved "given covertly" with nothing asked (MCA s.1(2), s.1(4)).
    Both times on the ward's clock (None: the laptop's zone, its rules): read on the dose's fixed
    offset, an assessment made at 10:00 in summer time read "21/10 09:00" beside a dose in winter."""
    if values.get("outcome") != Dose.GIVEN.value or not values.get(medication.GIVEN_COVERTLY):
        return []
    at = datetime.fromisoformat(values["given_at"])
    one = capable_at(session.db, found.patient_id, at)
    if one is None:
        return []
    return [Warning(Check.COVERT_CAPABLE, GIVEN_COVERTLY_TO_CAPABLE, {
        "drug": " ".join(found.drug.split()), "time": written_when(at, at),
        "assessed": written_when(one.assessed_at, at)})]


def covert_flags(db: Database, orders: Sequence[Order], at: datetime, lang: Lang) -> dict[str, str]:
    """What each of these orders given covertly and unsupported (`unsupported_covert`) says beside
    its covert flag (domain.covert.flag) on the round, the MARs and the dose dialog, by its record id."""
    return {order.record_id: covert_said(found, at, lang) for order, found in unsupported_covert(db, orders, at)}


@dataclass(frozen=True)
class Asking:
    """What the escalation list says of one thing: `form_id` (this form's, or the order form's for
    a covert order), `latest` its "Latest" column, `said` what it asks, `urgent` a medicine given
    covertly to a person assessed as able to refuse it."""

    patient_id: str
    form_id: str
    latest: str
    said: list[str]
    urgent: bool = False


def escalation(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
               lang: Lang) -> Escalation[Asking]:
    """What these patients' capacity asks of the escalation list at `at`: a standing assessment
    lacking capacity whose review is reached (capacity may have returned: Code 4.26-4.27), and
    each order running given covertly that no assessment supports ("COVERT with no assessment of
    capacity for medicines on record: ask the doctor"), urgent when the assessment says HAS capacity."""
    charts = CHART.of_each(db, list(patient_ids))
    asking: list[Asking] = []
    coming: list[datetime] = []
    for patient_id, each in charts.items():
        for one in _lacking(each, at):
            if one.review_due(at):
                asking.append(Asking(patient_id, FORM, line(one, at, lang),
                                     [WORDS["reassess_waited" if one.can_wait else "reassess"][lang]]))
            elif one.review_by is not None:
                coming.append(one.review_by)
    order_form = forms[medication.ORDER_FORM]
    orders = [order for each in medication.orders_of_each(db, list(patient_ids), at).values() for order in each]
    asking.extend(Asking(order.patient_id, medication.ORDER_FORM, medication.order_label(order, order_form, lang),
                         [covert_said(found, at, lang)], urgent=found is not None and found.outcome is Outcome.HAS)
                  for order, found in unsupported_covert(db, orders, at))
    return Escalation(asking, min(coming, key=elapsed.instant, default=None))


def to_open(db: Database, patient_id: str, at: datetime) -> RecordVersion | None:
    """The record the escalation list opens at `at`: the standing assessment lacking capacity whose
    review is reached (the earliest due first), amended with its review (or a new one made); else
    the patient's latest; None with none, a new one to be made. The latest alone opened a
    discharge HAS assessed since, and the medicines LACKS due was amended by no one."""
    each = CHART.of(db, patient_id)
    due = [one for one in _lacking(each, at) if one.review_due(at)]
    if due:
        first = min(due, key=lambda one: elapsed.instant(one.review_by))
        return next(recorded.record for recorded in each if recorded.assessment is first)
    return each[-1].record if each else None
