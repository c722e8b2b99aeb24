"""The enhanced care chart ("specialling": forms/enhanced_observation.yaml, domain.enhanced_observation)
said where the nurse in charge looks: the handover sheet and the escalation list. Each in-patient
on a level: the level and the risks it answers, the last log entry and the next due ("ENHANCED
OBSERVATION within eyesight (leaving the ward, falls): last entry 13:00, entry OVERDUE since
14:00"), its review once due, and the Deprivation of Liberty Safeguards: a patient deprived of
their liberty (the acid test met) lacking capacity to consent with no authorisation ("tell the
nurse in charge now"), an urgent authorisation with no standard one requested, or expired; the
capacity assessment of the arrangements on record beside the lack of capacity, or that there is none (not under 16,
whom the Mental Capacity Act does not cover); a patient under 18, whom DoLS cannot authorise, the
routes of their age, asked now as an adult's unauthorised detention is. A level stopped asks nothing. The Patients tab,
seen by anyone at the bedside, says the level and the entry overdue alone: the risks ("self-harm")
and the DoLS answers are the handover's and the escalation list's. On paper the chart was a sheet on the bay's table: the ward did not know who was
on which level, an hour's entry missed showed only when the patient was found gone, and an
urgent authorisation ran out on its seventh day unnoticed. The records are written by
services.records, each with its audit entry; nothing here is stored: read from the standing
records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.capacity import of_other_named, standing_each
from downtime.domain.census import (
    Movement,
    MovementEvent,
    StayStatus,
    left_after,
    stays,
)
from downtime.domain.clock import DATED, ward_day, ward_time
from downtime.domain.enhanced_observation import (
    ARRANGEMENTS_ASSESSED,
    EXTENSION_AT_MOST,
    URGENT_LASTS,
    Decided,
    Decision,
    Kind,
    Level,
    Route,
    Watch,
    decision_of,
    in_force,
    kept_over,
    route,
    sheets,
    standing,
    watch_of,
    written,
)
from downtime.domain.fluid_balance import chart_day
from downtime.domain.medication import written_when
from downtime.domain.records import RecordVersion
from downtime.domain.roles import Role
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import semicolon
from downtime.services import capacity, census
from downtime.services.bedside import Asking, Chart, Escalation, ordered
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.patients import PatientSummary

FORM = "enhanced_observation"
DECIDERS = frozenset({Role.WARD_NURSE, Role.DOCTOR})
"""Who decides a level: a registered nurse (the nurse in charge) or a doctor. A student nurse, a
healthcare assistant writes the log."""
WORDS = {
    "level": {"en": "ENHANCED OBSERVATION {level} ({risks})", "fr": "SURVEILLANCE RAPPROCHÉE {level} ({risks})"},
    "tab": {"en": "ENHANCED OBS {level}", "fr": "SURV. RAPPROCHÉE {level}"},
    "every": {"en": "{level} every {minutes} min", "fr": "{level} toutes les {minutes} min"},
    "strip": {"en": "{level}: {asked}", "fr": "{level} : {asked}"},
    "last": {"en": "last entry {time}", "fr": "dernière ligne {time}"},
    "none_yet": {"en": "no entry yet", "fr": "aucune ligne encore"},
    "last_how": {"en": "{last} ({how}, with {by})", "fr": "{last} ({how}, avec {by})"},
    "due": {"en": "next entry DUE {due}", "fr": "prochaine ligne PRÉVUE à {due}"},
    "overdue": {"en": "entry OVERDUE since {due}", "fr": "ligne EN RETARD depuis {due}"},
    "review": {"en": "review by {review}", "fr": "réévaluation : {review}"},
    "over": {"en": "ENHANCED OBSERVATION {said}", "fr": "SURVEILLANCE RAPPROCHÉE {said}"},
    "printed": {"en": "{level}: an entry every {minutes} min", "fr": "{level} : une ligne toutes les {minutes} min"},
    "from": {"en": "from {time} {said}", "fr": "à partir de {time} {said}"},
    "stopped": {"en": "stopped at {time}", "fr": "arrêtée à {time}"},
    Movement.DISCHARGE: {"en": "discharged at {time}", "fr": "sortie à {time}"},
    Movement.DEATH: {"en": "died at {time}", "fr": "décès à {time}"},
    Movement.TRANSFER_OUT: {"en": "transferred to another hospital at {time}",
                            "fr": "transfert vers un autre établissement à {time}"},
    "review_due": {"en": "level review due (by {review}): review it with the nurse in charge",
                   "fr": "réévaluation du niveau due (le {review}) : la faire avec l’infirmier(ère) responsable"},
    "unauthorised": {"en": "deprived of liberty (acid test met, lacks capacity) with no DoLS authorisation: tell the "
                           "nurse in charge now",
                     "fr": "privé(e) de liberté (critère décisif rempli, sans capacité) sans autorisation DoLS : "
                           "prévenir l’infirmier(ère) responsable maintenant"},
    "child": {"en": "deprived of liberty (acid test met, lacks capacity), under 18: DoLS is for people 18 and over, and "
                    "this chart cannot record what authorises it: tell the nurse in charge now; ask the safeguarding "
                    "lead: {routes}",
              "fr": "privé(e) de liberté (critère décisif rempli, sans capacité), moins de 18 ans : le DoLS est pour les "
                    "18 ans et plus, et ce relevé ne peut noter ce qui l’autorise : prévenir l’infirmier(ère) "
                    "responsable maintenant ; demander au référent protection : {routes}"},
    "expired": {"en": "DoLS urgent authorisation EXPIRED {expires} with no standard authorisation: tell the nurse in "
                      "charge now",
                "fr": "autorisation urgente DoLS EXPIRÉE le {expires} sans autorisation standard : prévenir "
                      "l’infirmier(ère) responsable maintenant"},
    "unrequested": {"en": "DoLS urgent authorisation expires {expires}: standard authorisation requested?",
                    "fr": "autorisation urgente DoLS expire le {expires} : autorisation standard demandée ?"},
    "urgent": {"en": "DoLS urgent authorisation until {expires}, standard requested {requested}",
               "fr": "autorisation urgente DoLS jusqu’au {expires}, standard demandée le {requested}"},
    "standard": {"en": "DoLS standard authorisation granted {granted}",
                 "fr": "autorisation standard DoLS accordée le {granted}"},
    "in_force": {"en": "in force until {expires} (MCA Schedule A1 para 78)",
                 "fr": "en vigueur jusqu’au {expires} (MCA annexe A1 para 78)"},
    "extended": {"en": "in force until {expires}, extended (MCA Schedule A1 para 84)",
                 "fr": "en vigueur jusqu’au {expires}, prolongée (MCA annexe A1 para 84)"},
    "assessed": {"en": "capacity assessment on record: {day} by {by}, lacks capacity for {decision}",
                 "fr": "évaluation de la capacité enregistrée : le {day} par {by}, sans capacité de décider {decision}"},
    "unassessed": {"en": "no capacity assessment of the arrangements on record: assess capacity to consent to them "
                         "(MCA s.2-3; decision “Other”, in words “staying on the ward”)",
                   "fr": "aucune évaluation de la capacité à consentir à ces mesures enregistrée : l’évaluer "
                         "(MCA art. 2-3 ; décision « Autre », en clair « rester dans le service »)"},
}
ROUTES = {
    Route.COURT_OF_PROTECTION: {"en": "Court of Protection or the Mental Health Act",
                                "fr": "Cour de protection ou loi sur la santé mentale"},
    Route.HIGH_COURT: {"en": "High Court (inherent jurisdiction) or the Mental Health Act; Gillick competence, not an "
                             "MCA assessment",
                       "fr": "High Court (compétence inhérente) ou loi sur la santé mentale ; compétence de Gillick, "
                             "pas d’évaluation MCA"},
}
"""What may authorise a child's deprivation of liberty (domain.enhanced_observation.Route): under 16
the Mental Capacity Act does not apply (s.2(5)), so neither the Court of Protection nor its
assessment of capacity."""
REFUSALS = {
    "no_level": {"en": "“{label}”: no level of observation was set by then: record the decision first.",
                 "fr": "« {label} » : aucun niveau de surveillance n’était instauré à ce moment : noter d’abord "
                       "la décision."},
    "stopped": {"en": "“{label}”: the enhanced observation was stopped by then: set a level again first.",
                "fr": "« {label} » : la surveillance rapprochée était arrêtée à ce moment : instaurer d’abord "
                      "un niveau."},
    "unset": {"en": "“{label}”: no level stands to be {decided}: record “{set}” first.",
              "fr": "« {label} » : aucun niveau en cours à {decided} : noter d’abord « {set} »."},
    "child": {"en": "“{label}”: DoLS is for people 18 and over (MCA Schedule A1 para 13); the patient was {age} at "
                    "{time}: ask the safeguarding lead; {routes}.",
              "fr": "« {label} » : le DoLS est pour les 18 ans et plus (MCA annexe A1 para 13) ; le patient avait {age} "
                    "ans le {time} : demander au référent protection ; {routes}."},
    "second": {"en": "“{label}”: an urgent authorisation was given at {granted} in this stay: one is given for the same "
                     "detention (MCA Schedule A1 para 77); the local authority may extend it once (paras 84-85).",
               "fr": "« {label} » : une autorisation urgente a été accordée le {granted} pendant ce séjour : une seule "
                     "l’est pour la même privation de liberté (MCA annexe A1 para 77) ; la collectivité locale peut la "
                     "prolonger une fois (para 84-85)."},
    "lapsed": {"en": "“{label}”: the urgent authorisation ended at {ends}, before this decision: only one still in force "
                     "is extended (MCA Schedule A1 paras 84-85). If the local authority extended it before then, note "
                     "the decision at the time it did.",
               "fr": "« {label} » : l’autorisation urgente a pris fin le {ends}, avant cette décision : seule une "
                     "autorisation encore en vigueur est prolongée (MCA annexe A1 para 84-85). Si la collectivité "
                     "locale l’a prolongée avant, noter la décision à l’heure où elle l’a fait."},
    "urgent_period": {"en": "“{label}”: an urgent authorisation is in force for at most 7 days (MCA Schedule A1 para 78): "
                            "from {granted} to {latest} at the latest.",
                      "fr": "« {label} » : une autorisation urgente est en vigueur 7 jours au plus (MCA annexe A1 "
                            "para 78) : du {granted} au {latest} au plus tard."},
    "unrequested": {"en": "“{label}”: no standard authorisation has been requested: the local authority extends an "
                          "urgent authorisation only once it is (MCA Schedule A1 paras 84-85).",
                    "fr": "« {label} » : aucune autorisation standard n’a été demandée : la collectivité locale ne "
                          "prolonge une autorisation urgente qu’une fois celle-ci demandée (MCA annexe A1 para 84-85)."},
    "not_deprived": {"en": "“{label}”: the acid test is not met (“{test}”: No): there is no deprivation of liberty "
                           "to authorise.",
                     "fr": "« {label} » : le critère décisif n’est pas rempli (« {test} » : Non) : pas de privation "
                           "de liberté à autoriser."},
    "capable": {"en": "“{label}”: the person is answered able to consent to the arrangements: DoLS authorises the "
                      "deprivation of liberty of a person lacking that capacity (MCA Schedule A1).",
                "fr": "« {label} » : la personne est dite capable de consentir à ces mesures : le DoLS autorise la "
                      "privation de liberté d’une personne qui en est incapable (MCA annexe A1)."},
    "extension": {"en": "“{label}”: the urgent authorisation is extended once, by up to 7 days: from {ends} to "
                        "{latest} at the latest.",
                  "fr": "« {label} » : l’autorisation urgente est prolongée une fois, de 7 jours au plus : du "
                        "{ends} au {latest} au plus tard."},
    "no_urgent": {"en": "“{label}”: no urgent authorisation is recorded to extend.",
                  "fr": "« {label} » : aucune autorisation urgente enregistrée à prolonger."},
    "reviewed": {"en": "“{label}”: “{reviewed}” keeps the level standing ({standing}), and this decision says {asked}: "
                       "record “{changed}”, with what the patient and family were told.",
                 "fr": "« {label} » : « {reviewed} » garde le niveau en cours ({standing}), et cette décision indique "
                       "{asked} : noter « {changed} », avec ce qui a été dit au patient et à sa famille."},
    "role": {"en": "“{label}”: a level is decided by a registered nurse or a doctor; you are signed in as {role}.",
             "fr": "« {label} » : un niveau est décidé par un(e) infirmier(ère) diplômé(e) ou un médecin ; vous êtes "
                   "connecté(e) en tant que {role}."},
}
ROLE_WORDS = {Role.STUDENT_NURSE: {"en": "a student nurse", "fr": "étudiant(e) infirmier(ère)"},
              Role.HEALTHCARE_ASSISTANT: {"en": "a healthcare assistant", "fr": "aide-soignant(e)"}}
CHART = Chart(FORM, ordered(lambda record: record, lambda record: datetime.fromisoformat(record.data["noted_at"])))
EVERY_STAY = replace(CHART, this_stay=False)
"""The chart of every stay, for the printed log of a day of any: a readmitted patient's first
stay's log, printed for the records office, came out empty."""


def _split(records: Sequence[RecordVersion], leaving_out: str | None = None
           ) -> tuple[list[Decision], list[datetime]]:
    """A patient's records (oldest first) as the decisions and the entries' times."""
    kept = [record for record in records if record.record_id != leaving_out]
    return ([decision_of(record.data) for record in kept if record.data["kind"] == Kind.DECISION],
            [datetime.fromisoformat(record.data["noted_at"]) for record in kept if record.data["kind"] == Kind.ENTRY])


def check(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
          before: Mapping[str, Any] | None = None, record_id: str | None = None) -> None:
    """Refuse, naming the field: a decision by anyone but a registered nurse or a doctor; an entry
    with no level standing at its time (none set yet, or stopped), a review or a stop of no level;
    a review ("level unchanged") of another level, interval or staff than the one standing: a
    step down from within eyesight to general was saved as a review, with nothing said of what
    the patient and family were told, which a change asks; the DoLS answers `_dols_refused`
    refuses. The review time is the local policy's, not refused. Each new record, and each
    amendment changing what it checks."""
    lang = session.lang
    if not data.get("noted_at") or not data.get("kind"):
        return

    def label(field_id: str) -> str:
        return spec.field(field_id).label.get(lang)

    def changed(*field_ids: str) -> bool:
        return before is None or any(data.get(name) != before.get(name) for name in field_ids)

    at = datetime.fromisoformat(data["noted_at"])
    decisions, _ = _split(CHART.of(session.db, patient_id), record_id)
    found = in_force(decisions, at)
    errors: list[FieldError] = []
    if data["kind"] == Kind.ENTRY:
        if changed("noted_at", "kind") and (found is None or found.stopped):
            errors.append(FieldError("noted_at", REFUSALS["no_level" if found is None else "stopped"][lang].format(
                label=label("noted_at"))))
        if errors:
            raise ValidationFailed(errors)
        return
    if session.user.role not in DECIDERS:
        errors.append(FieldError("decision", REFUSALS["role"][lang].format(
            label=label("decision"), role=ROLE_WORDS[session.user.role][lang])))
    if data.get("decision") != "set" and (found is None or found.stopped) and changed("noted_at", "decision", "kind"):
        errors.append(FieldError("decision", REFUSALS["unset"][lang].format(
            label=label("decision"), decided=format_value(spec.field("decision"), data.get("decision"), lang).lower(),
            set=format_value(spec.field("decision"), "set", lang))))
    if data.get("decision") == Decided.REVIEWED and found is not None and not found.stopped and changed(
            "noted_at", "decision", "kind", "level", "interval_minutes", "two_staff") and watch_of(
            reviewed := decision_of(data)) != watch_of(found):
        errors.append(FieldError("decision", REFUSALS["reviewed"][lang].format(
            label=label("decision"), reviewed=format_value(spec.field("decision"), Decided.REVIEWED.value, lang),
            standing=_level_words(spec, found, lang), asked=_level_words(spec, reviewed, lang),
            changed=format_value(spec.field("decision"), Decided.CHANGED.value, lang))))
    born = census.patient_with_location(session.db, session.forms, patient_id).birth_date
    errors.extend(_dols_refused(spec, data, decisions, born, lang, changed))
    if errors:
        raise ValidationFailed(errors)


DOLS_TIMES = ("urgent_granted_at", "standard_requested_at", "extended_until", "standard_granted_at")
"""The DoLS answers that say an authorisation was given or sought: none for a person under 18 at
that time (an extension's, whose time is its end, at the decision noting it)."""


def _dols_refused(spec: FormSpec, data: Mapping[str, Any], decisions: Sequence[Decision], born: date | None,
                  lang: Lang, changed: Any) -> list[FieldError]:
    """The DoLS answers' refusals (`check`): any of a patient under 18 (born `born`) at its time;
    the urgent authorisation's grounds and its end, and a second one in the stay; its extension
    against its grant, its end (noted after it, the authorisation had lapsed) and the standard
    authorisation's request on this record or the stay's earlier decisions."""
    def label(field_id: str) -> str:
        return spec.field(field_id).label.get(lang)

    at = datetime.fromisoformat(data["noted_at"])
    young = []
    for name in DOLS_TIMES:
        if data.get(name) and changed(name, "noted_at"):
            when = at if name == "extended_until" else datetime.fromisoformat(data[name])
            if born is not None and (under := route(born, when)) is not Route.DOLS:
                young.append(FieldError(name, REFUSALS["child"][lang].format(
                    label=label(name), age=age_in_years(born, ward_day(when)), time=ward_time(when, None),
                    routes=ROUTES[under][lang])))
    if young:
        return young
    errors = []
    granted_here = data.get("urgent_granted_at")
    given = written(decisions, "urgent_granted_at")
    if granted_here and given is not None and changed("urgent_granted_at") and elapsed.instant(
            given) != elapsed.instant(datetime.fromisoformat(granted_here)):
        errors.append(FieldError("urgent_granted_at", REFUSALS["second"][lang].format(
            label=label("urgent_granted_at"), granted=ward_time(given, None))))
    if granted_here and changed("urgent_granted_at", "supervised", "not_free_to_leave", "lacks_capacity"):
        failed = next((name for name in ("supervised", "not_free_to_leave") if data.get(name) is False), None)
        if failed is not None:
            errors.append(FieldError("urgent_granted_at", REFUSALS["not_deprived"][lang].format(
                label=label("urgent_granted_at"), test=label(failed))))
        elif data.get("lacks_capacity") is False:
            errors.append(FieldError("urgent_granted_at", REFUSALS["capable"][lang].format(
                label=label("urgent_granted_at"))))
    ends_here = data.get("urgent_ends_at")
    if granted_here and ends_here and changed("urgent_granted_at", "urgent_ends_at"):
        granted_at = datetime.fromisoformat(granted_here)
        latest = elapsed.later(granted_at, URGENT_LASTS)
        if not elapsed.instant(granted_at) < elapsed.instant(datetime.fromisoformat(ends_here)) <= elapsed.instant(latest):
            errors.append(FieldError("urgent_ends_at", REFUSALS["urgent_period"][lang].format(
                label=label("urgent_ends_at"), granted=ward_time(granted_at, None), latest=ward_time(latest, None))))
    ends = datetime.fromisoformat(ends_here) if ends_here else written(decisions, "urgent_ends_at")
    requested = data.get("standard_requested_at") or written(decisions, "standard_requested_at")
    extended = data.get("extended_until")
    extended_before = written(decisions, "extended_until")
    if extended and changed("extended_until", "urgent_granted_at", "urgent_ends_at", "standard_requested_at",
                            "noted_at"):
        if not granted_here and given is None:
            errors.append(FieldError("extended_until", REFUSALS["no_urgent"][lang].format(label=label("extended_until"))))
        elif ends is not None and elapsed.reached(ends, at) and (extended_before is None or elapsed.instant(
                extended_before) != elapsed.instant(datetime.fromisoformat(extended))):
            errors.append(FieldError("extended_until", REFUSALS["lapsed"][lang].format(
                label=label("extended_until"), ends=ward_time(ends, None))))
        elif requested is None:
            errors.append(FieldError("extended_until", REFUSALS["unrequested"][lang].format(
                label=label("extended_until"))))
        elif ends is not None:
            latest = elapsed.later(ends, EXTENSION_AT_MOST)
            if not elapsed.instant(ends) < elapsed.instant(datetime.fromisoformat(extended)) <= elapsed.instant(latest):
                errors.append(FieldError("extended_until", REFUSALS["extension"][lang].format(
                    label=label("extended_until"), ends=ward_time(ends, None), latest=ward_time(latest, None))))
    return errors


@dataclass(frozen=True)
class Watched:
    """A patient's level standing at a time, their standing assessment lacking capacity to consent
    to the arrangements, if any, and what can authorise their detention then (`route`: DoLS at 18 or over, or age not known)."""

    patient_id: str
    watch: Watch
    assessed: capacity.Assessment | None
    route: Route


def read(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, Watched]:
    """Each of these in-patients on a level at `at` (none stopped), with their latest standing
    assessment lacking capacity to consent to the arrangements (an "Other" decision whose words
    name them: domain.enhanced_observation.ARRANGEMENTS_ASSESSED), which the lack of capacity to
    consent links to: one of another decision (her medicines) is no ground for it (MCA s.2(1)). A
    patient who has left asks nothing: the level was the ward's."""
    return _watched(db, {patient.patient_id: patient.birth_date for patient in patients
                         if patient.stay in (None, StayStatus.IN)}, at)


def _watched(db: Database, born: Mapping[str, date | None], at: datetime) -> dict[str, Watched]:
    """`read` of the patients born as `born` says."""
    found = {}
    for patient_id, records in CHART.of_each(db, list(born)).items():
        if (watch := standing(*_split(records), at)) is not None:
            found[patient_id] = watch
    lacking = capacity.CHART.of_each(db, [patient_id for patient_id, watch in found.items()
                                          if watch.liberty.lacks_capacity]) if found else {}
    return {patient_id: Watched(patient_id, watch, next(
        (one for one in reversed(standing_each([recorded.assessment for recorded in lacking.get(patient_id, [])], at))
         if one.lacks and of_other_named(one, ARRANGEMENTS_ASSESSED)), None), route(born[patient_id], at))
        for patient_id, watch in found.items()}


def _level(spec: FormSpec, watch: Watch, lang: Lang) -> str:
    """"ENHANCED OBSERVATION within eyesight (leaving the ward, falls)": the level (`_level_words`)
    and the risks by their labels, apart by slashes: their labels have commas of their own."""
    risks = " / ".join(format_value(spec.field("risks"), [code], lang) for code in watch.latest.risks).lower()
    return WORDS["level"][lang].format(level=_level_words(spec, watch.latest, lang), risks=risks)


def _level_words(spec: FormSpec, decision: Decision, lang: Lang) -> str:
    """The level a decision keeps, its option label to its colon, lowered ("high-level intermittent
    every 15 min", "within arm’s length 2:1"): the watch's latest, or a review's (`check`)."""
    level, every = Level(decision.level), decision.every
    if level is Level.INTERMITTENT and every is not None:
        return WORDS["every"][lang].format(level=_level_name(spec, level, decision.two_staff, lang),
                                           minutes=_minutes(every))
    return _level_name(spec, level, decision.two_staff, lang)


def _level_name(spec: FormSpec, level: Level, two_staff: bool, lang: Lang) -> str:
    """The level's option label to its colon, lowered, "2:1" after a continuous level's two staff."""
    named = format_value(spec.field("level"), level.value, lang).split(":")[0].strip()
    lowered = named[:1].lower() + named[1:]
    return lowered + " 2:1" if level is not Level.INTERMITTENT and two_staff else lowered


def _minutes(every: timedelta) -> int:
    """How often a level asks a log entry, in minutes."""
    return int(every.total_seconds()) // 60


def _entry(watch: Watch, at: datetime, lang: Lang) -> list[str]:
    """The last entry, and the next due or overdue."""
    last = watch.last_entry
    due = watch.next_entry_due
    return [WORDS["last"][lang].format(time=written_when(last, at, at.tzinfo)) if last else WORDS["none_yet"][lang],
            WORDS["overdue" if elapsed.reached(due, at) else "due"][lang].format(due=written_when(due, at, at.tzinfo))]


SAYS, ASKS, NOW = 0, 1, 2
"""How far a DoLS line goes: the handover's alone, asked on the escalation list, asked now (urgent)."""


def _liberty(one: Watched, at: datetime, lang: Lang) -> tuple[str, int] | None:
    """The DoLS line of a patient deprived of liberty lacking capacity to consent, and how far it
    goes (`SAYS`, `ASKS`, `NOW`): none in force now, an urgent one with no standard requested. A
    patient under 18, whom DoLS cannot authorise: the other routes, asked now as an adult's
    detention with none in force is, the chart recording no court's order nor Mental Health Act
    section that would authorise it."""
    liberty = one.watch.liberty
    zone = at.tzinfo
    if not liberty.deprived:
        return None
    if one.route is not Route.DOLS:
        return WORDS["child"][lang].format(routes=ROUTES[one.route][lang]), NOW
    if liberty.standard_granted_at is not None:
        return WORDS["standard"][lang].format(granted=ward_time(liberty.standard_granted_at, zone, "%d/%m")), SAYS
    if liberty.expires is None:
        return WORDS["unauthorised"][lang], NOW
    expires = ward_time(liberty.expires, zone)
    if not liberty.authorised(at):
        return WORDS["expired"][lang].format(expires=expires), NOW
    if liberty.standard_requested_at is None:
        return WORDS["unrequested"][lang].format(expires=expires), ASKS
    return WORDS["urgent"][lang].format(expires=expires, requested=ward_time(liberty.standard_requested_at, zone,
                                                                              "%d/%m")), SAYS


def _capacity(one: Watched, lang: Lang, zone: Any) -> str | None:
    """The capacity assessment the lack of capacity to consent links to, or that none stands; under
    16 none (the Act does not apply: the DoLS line says Gillick competence)."""
    if not one.watch.liberty.lacks_capacity or one.route is Route.HIGH_COURT:
        return None
    if (assessed := one.assessed) is None:
        return WORDS["unassessed"][lang]
    return WORDS["assessed"][lang].format(day=ward_time(assessed.assessed_at, zone, "%d/%m"),
                                          by=" ".join(assessed.assessed_by.split()),
                                          decision=capacity.decision_words(assessed, lang))


def handover(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these patients on a level at `at`: the level and its
    risks, the last entry and the next due (or overdue), the review (or that it is due), the DoLS
    answers and the capacity assessment they rest on."""
    spec = forms[FORM]
    said = {}
    for patient_id, one in read(db, patients, at).items():
        watch = one.watch
        review = watch.latest.review_by
        lines = [_level(spec, watch, lang), *_entry(watch, at, lang)]
        if review is not None:
            lines.append(WORDS["review_due" if watch.review_due(at) else "review"][lang].format(
                review=written_when(review, at, at.tzinfo)))
        if (liberty := _liberty(one, at, lang)) is not None:
            lines.append(liberty[0])
        if (assessed := _capacity(one, lang, at.tzinfo)) is not None:
            lines.append(assessed)
        said[patient_id] = semicolon(lang).join(lines)
    return said


def printed_beside(session: Session, record: RecordVersion, patient: PatientSummary | None) -> dict[str, str]:
    """What the printed decision says beside its urgent authorisation (printing.BESIDE): until when
    it is in force as the record writes it (domain's `Authorisations.expires`: its extension, else
    the end the hospital gave it), so that the reader of a decision granting and extending it does
    not take the first end."""
    written_here = decision_of(record.data).authorisations
    if (expires := written_here.expires) is None:
        return {}
    return {"urgent_granted_at": WORDS["in_force" if written_here.extended_until is None else "extended"][
        session.lang].format(expires=ward_time(expires, None, DATED))}


def printed_over(db: Database, forms: Mapping[str, FormSpec], patient_id: str, day: date, zone: tzinfo | None,
                 lang: Lang) -> tuple[str, ...]:
    """What the printed log of the chart's `day` says over each of its sheets (domain's `sheets`,
    on the clock of `zone`): each watch kept over the sheet's hours, how often an entry was due,
    the time of each set or changed after the sheet began, and the review the latest decision asked
    ("ENHANCED OBSERVATION within eyesight: an entry every 60 min; from 14:20 high-level
    intermittent: an entry every 30 min; review by 29/11/2026 09:00"); nothing over a sheet with
    no level. Each sheet is of its own stay (`_stay_over`), read from every stay's records: a
    watch ends with the stay ("; discharged at 12:00"), a sheet after it says nothing (her night
    at home was headed "within eyesight", twelve hours unwatched at an incident review), and a
    readmitted patient's earlier stay printed empty. Headed with the level standing at print time,
    Monday's sheets printed on Wednesday said Wednesday's "30-minute checks" over Monday's watch
    within eyesight. The log lies on the
    bay's table all day: the risks ("self-harm"), the DoLS answers and the capacity are the
    handover's, for staff, and the last entry and the next due were stale once printed ("entry
    OVERDUE since 02:30")."""
    spec = forms[FORM]
    every, _ = _split(EVERY_STAY.of(db, patient_id))
    events = census.movement_events(db, [patient_id]).get(patient_id, [])
    over = []
    for start, end in sheets(day, zone):
        stay = _stay_over(events, start, end) if events else (None, None)
        if stay is None:
            over.append("")
            continue
        began, left = stay
        decisions = [one for one in every if (began is None or elapsed.instant(one.at) >= elapsed.instant(began))
                     and (left is None or elapsed.instant(one.at) < elapsed.instant(left.occurred_at))]
        gone = left is not None and elapsed.instant(left.occurred_at) < elapsed.instant(end)
        ends = left.occurred_at if left is not None and gone else end
        said = []
        for one in (kept := kept_over(decisions, start, ends)):
            time = ward_time(one.at, zone, "%H:%M")
            if one.level is None or one.every is None:
                said.append(WORDS["stopped"][lang].format(time=time))
                continue
            words = WORDS["printed"][lang].format(level=_level_name(spec, one.level, one.two_staff, lang),
                                                  minutes=_minutes(one.every))
            said.append(WORDS["from"][lang].format(time=time, said=words)
                        if elapsed.instant(one.at) > elapsed.instant(start) else words)
        if kept and kept[-1].level is not None and left is not None and gone:
            said.append(WORDS[left.movement][lang].format(time=ward_time(left.occurred_at, zone, "%H:%M")))
        elif kept and (made := [one for one in decisions if elapsed.instant(one.at) < elapsed.instant(end)]) and (
                review := made[-1].review_by) is not None and made[-1].level is not None:
            said.append(WORDS["review"][lang].format(review=ward_time(review, zone, DATED)))
        over.append(WORDS["over"][lang].format(said=semicolon(lang).join(said)) if said else "")
    return tuple(over)


def _stay_over(events: Sequence[MovementEvent], start: datetime, end: datetime
               ) -> tuple[datetime, MovementEvent | None] | None:
    """The stay in hospital a sheet from `start` to `end` is of: the one the patient was in at its
    start, else the first begun within it (None: neither); when it began and the movement ending it
    (None while it goes on). A move to another ward is the same stay, as the charts have it
    (services.bedside.stays_began): the level goes with the patient until a review changes it."""
    held: list[tuple[datetime, datetime | None]] = []
    for stay in stays(events):
        if held and held[-1][1] is not None and elapsed.instant(stay.since) == elapsed.instant(held[-1][1]):
            held[-1] = (held[-1][0], stay.until)
        else:
            held.append((stay.since, stay.until))
    return next(((began, left_after(events, began)) for began, until in held
                 if elapsed.instant(began) < elapsed.instant(end)
                 and (until is None or elapsed.instant(until) > elapsed.instant(start))), None)


@dataclass(frozen=True)
class WardLines:
    """What the Patients tab says by each patient's name (`lines`), and when it next changes."""

    lines: dict[str, str]
    next_change: datetime | None


def ward_lines(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
               lang: Lang) -> WardLines:
    """The Patients tab's line of each of these patients on a level at `at`, by their name in the
    warning colour, as the capacity and swallow lines are: the level, and the entry once overdue
    ("ENHANCED OBS within eyesight: entry OVERDUE since 14:00"), short enough for one line. The
    nurse looking for a bed for the next admission did not know the patient in bed 4 needed a nurse
    beside her. Not the risks ("self-harm or suicide") nor the DoLS answers: the tab is read by
    anyone at the bedside, visitors included; the handover and escalation list say them."""
    spec = forms[FORM]
    lines: dict[str, str] = {}
    coming: list[datetime] = []
    for patient_id, one in read(db, patients, at).items():
        due = one.watch.next_entry_due
        level = WORDS["tab"][lang].format(level=_level_words(spec, one.watch.latest, lang))
        if elapsed.reached(due, at):
            lines[patient_id] = WORDS["strip"][lang].format(
                level=level, asked=WORDS["overdue"][lang].format(due=written_when(due, at, at.tzinfo)))
        else:
            lines[patient_id] = level
            coming.append(due)
    return WardLines(lines, min(coming, key=elapsed.instant, default=None))


def escalation(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
               lang: Lang) -> Escalation[Asking]:
    """What these patients' levels ask of the escalation list at `at`: the entry overdue, the review
    due, a deprivation of liberty with no authorisation in force, or of a patient under 18 (urgent:
    the nurse in charge now), an urgent authorisation with no standard one requested, a lack of
    capacity to consent with no capacity assessment of the arrangements on record (16 and over)."""
    spec = forms[FORM]
    asking: list[Asking] = []
    coming: list[datetime] = []
    for patient_id, one in read(db, patients, at).items():
        watch = one.watch
        said: list[str] = []
        due = watch.next_entry_due
        if elapsed.reached(due, at):
            said.append(WORDS["overdue"][lang].format(due=written_when(due, at, at.tzinfo)))
        else:
            coming.append(due)
        if watch.review_due(at):
            said.append(WORDS["review_due"][lang].format(review=written_when(watch.latest.review_by, at, at.tzinfo)))
        elif watch.latest.review_by is not None:
            coming.append(watch.latest.review_by)
        liberty = _liberty(one, at, lang)
        if liberty is not None and liberty[1] >= ASKS:
            said.append(liberty[0])
        if (expires := watch.liberty.expires) is not None and not elapsed.reached(expires, at):
            coming.append(expires)
        if watch.liberty.deprived and one.assessed is None and one.route is not Route.HIGH_COURT:
            said.append(WORDS["unassessed"][lang])
        if said:
            latest = semicolon(lang).join([_level(spec, watch, lang), _entry(watch, at, lang)[0]])
            asking.append(Asking(patient_id, latest, said, liberty is not None and liberty[1] == NOW))
    return Escalation(asking, min(coming, key=elapsed.instant, default=None))


def new_answers(session: Session, patient_id: str) -> dict[str, Any]:
    """What the record the escalation list opens starts with now: the next log entry when it is
    due, or when the signed-in user does not decide levels (the healthcare assistant keeping the
    watch at 3 a.m. was given a review she could not save while the entry went unwritten); for a
    registered nurse or a doctor with no entry due, a review of the level standing (its level,
    risks and DoLS answers, to check and change) when its review is due or its DoLS answers ask
    something; else the next log entry."""
    db, at = session.db, session.clock()
    born = census.patient_with_location(db, session.forms, patient_id).birth_date
    one = _watched(db, {patient_id: born}, at).get(patient_id)
    if one is None or session.user.role not in DECIDERS or elapsed.reached(one.watch.next_entry_due, at):
        return {"kind": Kind.ENTRY.value}
    liberty = _liberty(one, at, "en")
    if not (one.watch.review_due(at) or liberty is not None and liberty[1] >= ASKS):
        return {"kind": Kind.ENTRY.value}
    standing_record = next(record for record in reversed(CHART.of(db, patient_id))
                           if record.data["kind"] == Kind.DECISION)
    kept = ("level", "interval_minutes", "two_staff", "risks", "restrictions", "supervised", "not_free_to_leave",
            "lacks_capacity")
    return {"kind": Kind.DECISION.value, "decision": "reviewed",
            **{name: standing_record.data[name] for name in kept if name in standing_record.data}}


def deprived_of_liberty(db: Database, patient_id: str, born: date | None, at: datetime) -> bool:
    """Whether a DoLS authorisation (a standard one granted, or an urgent one in force) stands at
    `at` for the patient (born `born`) on a level: a patient detained under it who goes missing is at
    HIGH risk (services.missing_patient.first_answers)."""
    one = _watched(db, {patient_id: born}, at).get(patient_id)
    return one is not None and one.watch.liberty.authorised(at)


def first_answers(at: datetime) -> dict[str, Any]:
    """A new record starts at `at` (now), as the dialogs of the charts' checks do: the watch at
    3 a.m. typed the date and time of each hour's entry in full."""
    return {"noted_at": at.isoformat(timespec="minutes")}


def notes(session: Session, patient_id: str) -> dict[str, str]:
    """What a new record of the chart says under "This record is" (prefill.notes): the level
    standing, its last entry (where and how the patient was, and by whom) and the next due, so the
    watch writes the hour's entry without opening the chart; nothing with no level standing."""
    spec, lang, at = session.form(FORM), session.lang, session.clock()
    one = read(session.db, [census.patient_with_location(session.db, session.forms, patient_id)], at).get(patient_id)
    if one is None:
        return {}
    last = next((record for record in reversed(CHART.of(session.db, patient_id))
                 if record.data["kind"] == Kind.ENTRY), None)
    said = _entry(one.watch, at, lang)
    if last is not None:
        how = ", ".join(format_value(spec.field(name), last.data.get(name), lang).lower() for name in ("where", "state"))
        said[0] = WORDS["last_how"][lang].format(last=said[0], how=how, by=" ".join(last.data["observer"].split()))
    return {"kind": semicolon(lang).join([_level(spec, one.watch, lang), *said])}


def log_day(db: Database, patient_id: str, day: date, zone: tzinfo | None) -> list[RecordVersion]:
    """The patient's log entries of the chart's `day` (07:00 to 07:00 on the clock of `zone`, the
    ward's: pdf.enhanced_observation's sheets), oldest first."""
    return [record for record in EVERY_STAY.of(db, patient_id) if record.data["kind"] == Kind.ENTRY
            and chart_day(datetime.fromisoformat(record.data["noted_at"]).astimezone(zone)) == day]
