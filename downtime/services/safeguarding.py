"""A safeguarding concern (domain.safeguarding), said where staff alone look: the handover sheet
("SAFEGUARDING concern raised 28/11 10:00: referral to adult social care made 11:00 (ref AS123)",
"… NOT made", or not referred on the safeguarding team's advice) and the escalation list
("Safeguarding": "referral NOT made (concern 28/11 10:00)", asking "refer today" on a working
day, "refer by the next working day (Mon 30/11)" at a weekend, "referral OVERDUE" once that day
has ended, urgent, or, for a child or an immediate danger, "refer now", urgent; "tell the
safeguarding team"; of a capable adult's refusal with no reason to share, only that). A patient
leaving with a concern not decided is asked of at the discharge (leaving.still_asked), and the
concern stays on the list, under those who left, until it is decided. On paper the concern was a sheet in the notes: its referral's
time and reference were lost, and the next shift could not tell whether a referral had been made.

Nothing is said on the Patients tab or the patient's strip, which family standing at the bedside
can read, nor a category or a detail anywhere but in the record itself and the transfer letter
to another hospital (`handed_on`, the categories and the referral, never the narrative): the person
who harms the patient may be the visitor reading the screen. The handover sheet and the escalation
list are staff-only, and say that a concern was raised and where its referral stands, no more."""

from __future__ import annotations

from collections.abc import Collection, Container, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.capacity import Assessment, of_other_named, standing_each
from downtime.domain.clock import answered_at, ward_day, ward_time, ward_zone
from downtime.domain.records import RecordVersion
from downtime.domain.safeguarding import (
    GIVEN,
    LACKS_CAPACITY,
    REFUSED,
    SHARING_ASSESSED,
    About,
    Concern,
    Kind,
    before_raised,
    categories_not_of,
    child_at,
    concern_of,
    connected_child_as_adult,
    danger_unanswered,
    due_day,
    not_referred_untold,
    shared_without_reason,
)
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError
from downtime.i18n import DAY_NAMES, french_de, semicolon
from downtime.services import capacity, settings
from downtime.services.bedside import Chart, ordered
from downtime.services.errors import ValidationFailed
from downtime.storage.records import list_current

FORM = "safeguarding_concern"
CARE = {Kind.ADULT: {"en": "adult social care", "fr": "aux services sociaux pour adultes"},
        Kind.CHILD: {"en": "children’s social care", "fr": "à l’aide sociale à l’enfance"}}
WORDS = {
    "referred": {"en": "SAFEGUARDING concern raised {raised}: referral to {care} made {made}{ref}",
                 "fr": "SIGNALEMENT (protection) fait le {raised} : transmis {care} {made}{ref}"},
    "not_referred": {"en": "SAFEGUARDING concern raised {raised}: referral to {care} NOT made",
                     "fr": "SIGNALEMENT (protection) fait le {raised} : NON transmis {care}"},
    "advised": {"en": "SAFEGUARDING concern raised {raised}: not referred to {care} (safeguarding team’s advice)",
                "fr": "SIGNALEMENT (protection) fait le {raised} : non transmis {care} (avis de l’équipe de protection)"},
    "ref": {"en": " (ref {ref})", "fr": " (réf. {ref})"},
    "team_untold": {"en": "safeguarding team not told", "fr": "équipe de protection non prévenue"},
    "latest_not_referred": {"en": "referral NOT made (concern {raised})",
                            "fr": "signalement NON transmis (fait le {raised})"},
    "latest_referred": {"en": "referred {made} (concern {raised})", "fr": "transmis {made} (fait le {raised})"},
    "at": {"en": "{time}", "fr": "à {time}"},
    "on": {"en": "{time}", "fr": "le {time}"},
    "refer_today": {"en": "refer today (local policy: the same working day)",
                    "fr": "transmettre aujourd’hui (règle locale : le même jour ouvré)"},
    "refer_by": {"en": "refer by the next working day ({day}; local policy: the same working day)",
                 "fr": "transmettre au plus tard le jour ouvré suivant ({day} ; règle locale : le même jour ouvré)"},
    "overdue": {"en": "referral OVERDUE (due {day}): refer now", "fr": "signalement EN RETARD (dû le {day}) : transmettre maintenant"},
    "refer_child": {"en": "refer now: a child at risk of significant harm is referred at once "
                          "(out of hours: the council’s emergency duty team)",
                    "fr": "transmettre maintenant : un enfant en danger est signalé sans délai "
                          "(hors heures ouvrées : la permanence du département)"},
    "refer_danger": {"en": "refer now: immediate danger (out of hours: the council’s emergency duty team)",
                     "fr": "transmettre maintenant : danger immédiat (hors heures ouvrées : la permanence du département)"},
    "advice": {"en": "consent refused, no reason to share: record the safeguarding team’s advice",
               "fr": "consentement refusé, aucun motif de partage : noter l’avis de l’équipe de protection"},
    "tell_team": {"en": "tell the safeguarding team", "fr": "prévenir l’équipe de protection"},
    "leaving": {"en": "SAFEGUARDING: {latest}: {asks}", "fr": "PROTECTION : {latest} : {asks}"},
    "before_leaving": {"en": "refer before the patient leaves, or record why not",
                       "fr": "transmettre avant le départ du patient, ou noter pourquoi pas"},
}
"""The handover's line of each concern of the stay, and what the escalation list says of one whose
referral is not made or whose safeguarding team is not told: its "Latest" and what it asks."""
REFUSALS = {
    "child": {"en": "“{label}”: the patient is {age} years old when the concern is raised: a child (under 18).",
              "fr": "« {label} » : le patient a {age} ans au moment du signalement : un enfant (moins de 18 ans)."},
    "adult": {"en": "“{label}”: the patient is {age} years old when the concern is raised: an adult.",
              "fr": "« {label} » : le patient a {age} ans au moment du signalement : un adulte."},
    "category": {"en": "“{label}”: {named} is not a category for {kind}.",
                 "fr": "« {label} » : {named} n’est pas une catégorie pour {kind}."},
    "before": {"en": "“{label}”: before the concern was raised ({time}).",
               "fr": "« {label} » : avant le signalement ({time})."},
    "no_reason": {"en": "“{label}”: consent to share was refused and a referral is recorded: tick why it was shared "
                        "without consent, or remove the referral.",
                  "fr": "« {label} » : le consentement au partage a été refusé et un signalement est enregistré : "
                        "cocher pourquoi il a été partagé sans consentement, ou retirer le signalement."},
    "capacity": {"en": "“{label}”: no capacity assessment on record says the patient lacks capacity to decide on "
                       "sharing this concern (capacity is assumed, and is decision-specific: MCA 2005 s.1(2), "
                       "s.2(1)): record one first on the mental capacity assessment form (decision “Other”, in "
                       "words “sharing the safeguarding concern”), or answer Given or Refused.",
                 "fr": "« {label} » : aucune évaluation enregistrée ne dit le patient sans capacité de décider du "
                       "partage de ce signalement (la capacité est présumée, et propre à chaque décision : MCA 2005 "
                       "art. 1(2), 2(1)) : l’enregistrer d’abord sur le formulaire d’évaluation de la capacité "
                       "(décision « Autre », en clair « partage du signalement »), ou répondre Donné ou Refusé."},
    "assessed_lacking": {"en": "“{label}”: the capacity assessment of {day} by {by} says the patient lacks capacity to "
                               "decide on sharing this concern: their consent or refusal is not theirs to give (MCA "
                               "2005 s.2-3): answer Lacks capacity, shared in their best interests; if capacity has "
                               "returned, record a new assessment first.",
                         "fr": "« {label} » : l’évaluation de la capacité du {day} par {by} dit le patient sans capacité "
                               "de décider du partage de ce signalement : son consentement ou son refus ne vaut pas "
                               "(MCA 2005 art. 2-3) : répondre Sans capacité, partagé dans son intérêt ; si la capacité "
                               "est revenue, enregistrer d’abord une nouvelle évaluation."},
    "connected_child": {"en": "“{label}”: the concern is about a child connected to the patient: answer A child.",
                        "fr": "« {label} » : le signalement concerne un enfant lié au patient : répondre Un enfant."},
    "advised_untold": {"en": "“{label}”: not referred is the safeguarding team’s advice: record when they were told.",
                       "fr": "« {label} » : la non-transmission est l’avis de l’équipe de protection : noter quand elle a "
                             "été prévenue."},
    "police": {"en": "“{label}”: the person is in immediate danger and the police were not called: call 999, or "
                     "say why not.",
               "fr": "« {label} » : la personne est en danger immédiat et la police n’a pas été appelée : "
                     "l’appeler, ou dire pourquoi."},
}
KINDS = {Kind.ADULT: {"en": "an adult", "fr": "un adulte"}, Kind.CHILD: {"en": "a child", "fr": "un enfant"}}


def check(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Mapping[str, Any] | None = None,
          born: date | None = None, assessments: Sequence[Assessment] = ()) -> None:
    """Refuse, naming the field: a concern about the patient answered adult of one under 18 when
    raised (born `born`; None: not known), or child of one 18 or over; a category not of the
    person's kind; the safeguarding team told, the referral or the police told before the concern
    was raised; an adult's consent refused with no reason to share and a referral recorded;
    "lacks capacity" of the patient while none of their `assessments` of sharing the concern
    (domain.safeguarding.SHARING_ASSESSED) stands lacking at the concern's time (capacity is
    assumed, and decision-specific), and consent given or refused while one does (a refusal
    recorded of a patient assessed unable to decide held the referral back as a capable adult's
    would, the list asking only the team's advice); a child connected to the patient answered an adult; not
    referred with no safeguarding team told; an immediate danger with no police and no reason.
    Each new record, and each amendment changing what it checks."""
    def changed(*field_ids: str) -> bool:
        return before is None or any(data.get(name) != before.get(name) for name in field_ids)

    def label(field_id: str) -> str:
        return spec.field(field_id).label.get(lang)

    errors = []
    raised = answered_at(data, "raised_at")
    about_patient = data.get("about") == About.PATIENT
    # A time before the birth is no age: the stay's own check refuses it on the time raised.
    if about_patient and born is not None and raised is not None and raised.date() >= born \
            and data.get("adult_or_child") in tuple(Kind) and changed("adult_or_child", "raised_at", "about"):
        child = child_at(born, raised)
        if child != (data["adult_or_child"] == Kind.CHILD):
            errors.append(FieldError("adult_or_child", REFUSALS["child" if child else "adult"][lang].format(
                label=label("adult_or_child"), age=age_in_years(born, ward_day(raised)))))
    if connected_child_as_adult(data) and changed("about", "adult_or_child"):
        errors.append(FieldError("adult_or_child", REFUSALS["connected_child"][lang].format(
            label=label("adult_or_child"))))
    if (wrong := categories_not_of(data)) and changed("categories", "adult_or_child"):
        options = {option.code: option.label.get(lang) for option in spec.field("categories").options}
        errors.append(FieldError("categories", REFUSALS["category"][lang].format(
            label=label("categories"), named=", ".join(f"“{options[code]}”" for code in wrong),
            kind=KINDS[Kind(data["adult_or_child"])][lang])))
    errors.extend(FieldError(field_id, REFUSALS["before"][lang].format(
        label=label(field_id), time=ward_time(raised, None) if raised else ""))
        for field_id in before_raised(data) if changed(field_id, "raised_at"))
    if shared_without_reason(data) and changed("consent", "share_reasons", "referral_at"):
        errors.append(FieldError("share_reasons", REFUSALS["no_reason"][lang].format(label=label("share_reasons"))))
    assessed = sharing_assessed(assessments, raised) if about_patient and raised is not None else None
    if (about_patient and data.get("consent") == LACKS_CAPACITY and raised is not None
            and assessed is None and changed("consent", "about", "raised_at")):
        errors.append(FieldError("consent", REFUSALS["capacity"][lang].format(label=label("consent"))))
    if assessed is not None and data.get("consent") in (GIVEN, REFUSED) and changed("consent", "about", "raised_at"):
        errors.append(FieldError("consent", REFUSALS["assessed_lacking"][lang].format(
            label=label("consent"), day=ward_time(assessed.assessed_at, None, "%d/%m"),
            by=" ".join(assessed.assessed_by.split()))))
    if not_referred_untold(data) and changed("referral_decision", "team_told_at"):
        errors.append(FieldError("team_told_at", REFUSALS["advised_untold"][lang].format(label=label("team_told_at"))))
    if danger_unanswered(data) and changed("immediate_danger", "police_called", "no_police_reason"):
        errors.append(FieldError("no_police_reason", REFUSALS["police"][lang].format(
            label=label("no_police_reason"))))
    if errors:
        raise ValidationFailed(errors)


def sharing_assessed(assessments: Sequence[Assessment], at: datetime) -> Assessment | None:
    """The assessment of the patient's capacity to consent to sharing a concern that stands
    lacking at `at` (capacity is assumed, and decision-specific: MCA 2005 s.1(2), s.2(1))."""
    return next((one for one in standing_each(assessments, at) if one.lacks and of_other_named(one, SHARING_ASSESSED)),
                None)


@dataclass(frozen=True)
class Recorded:
    """A concern's record (`record`) as domain.safeguarding reads it."""

    record: RecordVersion
    concern: Concern


CHART = Chart(FORM, ordered(lambda record: Recorded(record, concern_of(record.data)),
                            lambda one: one.concern.raised_at))


def _made(one: Concern, at: datetime, lang: Lang) -> str:
    """The referral's time ("11:00", French "à 11:00"), its day said when it is not the concern's
    ("29/11 09:00", "le 29/11 09:00")."""
    made = one.referral_at
    assert made is not None
    zone = at.tzinfo
    same_day = ward_time(made, zone, "%d/%m") == ward_time(one.raised_at, zone, "%d/%m")
    return WORDS["at" if same_day else "on"][lang].format(
        time=ward_time(made, zone, "%H:%M" if same_day else "%d/%m %H:%M"))


def line(one: Concern, at: datetime, lang: Lang) -> str:
    """A concern as the handover sheet says it at `at`: when raised, where its referral stands,
    and the safeguarding team not told (no category, no detail, no name)."""
    raised, care = ward_time(one.raised_at, at.tzinfo), CARE[one.kind][lang]
    if one.not_referred:
        said = WORDS["advised"][lang].format(raised=raised, care=care)
    elif one.referred_by(at):
        said = WORDS["referred"][lang].format(raised=raised, care=care, made=_made(one, at, lang), ref=WORDS["ref"][lang].format(
            ref=one.referral_ref) if one.referral_ref else "")
    else:
        said = WORDS["not_referred"][lang].format(raised=raised, care=care)
    return said if one.told_by(at) else semicolon(lang).join((said, WORDS["team_untold"][lang]))


def ward_lines(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these patients with a concern of their present
    stay raised by `at` (`line`, each concern's, joined)."""
    said = {patient_id: [line(recorded.concern, at, lang) for recorded in each
                         if elapsed.reached(recorded.concern.raised_at, at)]
            for patient_id, each in CHART.of_each(db, list(patient_ids)).items()}
    return {patient_id: semicolon(lang).join(lines) for patient_id, lines in said.items() if lines}


LETTER = {
    "raised": {"en": "Safeguarding concern raised {day} about {about}: {categories} suspected",
               "fr": "Signalement (protection) du {day} concernant {about} : suspicion {categories}"},
    "patient": {"en": "the patient", "fr": "le patient"},
    "connected": {"en": "{kind} connected to the patient ({relation})",
                  "fr": "{kind} lié au patient ({relation})"},
    "team_told": {"en": "safeguarding team told {day}", "fr": "équipe de protection prévenue le {day}"},
    "team_untold": {"en": "safeguarding team NOT told", "fr": "équipe de protection NON prévenue"},
    "referred": {"en": "referred to {care} {day}{ref}", "fr": "transmis {care} le {day}{ref}"},
    "advised": {"en": "not referred to {care}, on the safeguarding team’s advice",
                "fr": "non transmis {care}, sur avis de l’équipe de protection"},
    "not_yet": {"en": "referral to {care} NOT YET MADE", "fr": "NON ENCORE transmis {care}"},
    "police": {"en": "police told {day}{ref}", "fr": "police informée le {day}{ref}"},
    "not_told": {"en": "the person was NOT told of the referral", "fr": "la personne n’a PAS été informée du signalement"},
    "refused": {"en": "consent to share REFUSED{shared}: share only with the team caring for the patient",
                "fr": "consentement au partage REFUSÉ{shared} : ne partager qu’avec l’équipe soignant le patient"},
    "shared_because": {"en": " (shared without it: {reasons})", "fr": " (partagé sans lui : {reasons})"},
    "lacks": {"en": "lacks capacity to consent to sharing it (assessed {day} by {by}): shared in their best interests",
              "fr": "sans capacité de consentir à son partage (évaluée le {day} par {by}) : partagé dans son intérêt"},
}
"""A letter's line of a concern (`handed_on`), need-to-know: the facts the receiving team acts on.
The French "suspicion" takes its "de" with the first category (i18n.french_de): "suspicion de
auto-négligence" was printed of a self-neglect, "de exploitation" of a child's."""
CATEGORIES = {
    "physical": {"en": "physical abuse", "fr": "maltraitance physique"},
    "domestic_abuse": {"en": "domestic abuse", "fr": "violences conjugales ou intrafamiliales"},
    "sexual": {"en": "sexual abuse", "fr": "violences sexuelles"},
    "psychological": {"en": "psychological abuse", "fr": "maltraitance psychologique"},
    "emotional": {"en": "emotional abuse", "fr": "maltraitance émotionnelle"},
    "financial": {"en": "financial or material abuse", "fr": "maltraitance financière ou matérielle"},
    "modern_slavery": {"en": "modern slavery", "fr": "esclavage moderne, traite"},
    "discriminatory": {"en": "discriminatory abuse", "fr": "maltraitance discriminatoire"},
    "organisational": {"en": "organisational abuse", "fr": "maltraitance institutionnelle"},
    "neglect": {"en": "neglect", "fr": "négligence"},
    "self_neglect": {"en": "self-neglect", "fr": "auto-négligence"},
    "exploitation": {"en": "exploitation", "fr": "exploitation"},
}
"""The categories as a letter's sentence says them (the form's labels are headings: "Physical",
"Psychological (adult)")."""
SHARE_REASONS = {
    "risk_to_others": {"en": "others at risk", "fr": "d’autres personnes en danger"},
    "serious_crime": {"en": "a serious crime", "fr": "un crime grave"},
    "vital_interests": {"en": "their life at risk", "fr": "sa vie en danger"},
    "child_at_risk": {"en": "a child at risk", "fr": "un enfant en danger"},
}


def _letter_line(recorded: Recorded, at: datetime, lang: Lang, assessments: Sequence[Assessment]) -> str:
    """One concern as a letter says it at `at` (see `handed_on`; `assessments`: the patient's of capacity)."""
    one, data, zone = recorded.concern, recorded.record.data, at.tzinfo

    def day(when: datetime) -> str:
        return ward_time(when, zone, "%d/%m/%Y")

    def ref(field_id: str) -> str:
        said = " ".join(str(data.get(field_id) or "").split())
        return WORDS["ref"][lang].format(ref=said) if said else ""

    care = CARE[one.kind][lang]
    about = (LETTER["patient"][lang] if one.about is About.PATIENT else LETTER["connected"][lang].format(
        kind=KINDS[one.kind][lang], relation=" ".join(str(data.get("about_relation") or "").split())))
    named = ", ".join(CATEGORIES[code][lang] for code in data.get("categories") or ())
    parts = [LETTER["raised"][lang].format(day=day(one.raised_at), about=about,
                                           categories=french_de(named) if lang == "fr" else named)]
    parts.append(LETTER["team_told"][lang].format(day=day(one.team_told_at)) if one.told_by(at)
                 and one.team_told_at is not None else LETTER["team_untold"][lang])
    if one.not_referred:
        parts.append(LETTER["advised"][lang].format(care=care))
    elif one.referred_by(at) and one.referral_at is not None:
        parts.append(LETTER["referred"][lang].format(care=care, day=day(one.referral_at), ref=ref("referral_ref")))
        if data.get("person_told") == "not_told":
            parts.append(LETTER["not_told"][lang])
    else:
        parts.append(LETTER["not_yet"][lang].format(care=care))
    if (police := answered_at(data, "police_told_at")) is not None and elapsed.reached(police, at):
        parts.append(LETTER["police"][lang].format(day=day(police), ref=ref("police_ref")))
    if data.get("consent") == REFUSED:
        reasons = [SHARE_REASONS[code][lang] for code in data.get("share_reasons") or ()]
        parts.append(LETTER["refused"][lang].format(shared=LETTER["shared_because"][lang].format(
            reasons=", ".join(reasons)) if reasons else ""))
    elif data.get("consent") == LACKS_CAPACITY and (
            assessed := sharing_assessed(assessments, one.raised_at)) is not None:
        parts.append(LETTER["lacks"][lang].format(day=day(assessed.assessed_at), by=" ".join(assessed.assessed_by.split())))
    return semicolon(lang).join(parts)


def handed_on(db: Database, patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What the transfer letter (transfer_out) says of each concern of the stay raised by `at`,
    one line each: a child on a child-protection referral, or an adult whose abuser must not learn
    where she went, reached the receiving hospital only if someone remembered to write it. Need to
    know only: the day raised, whom it is about (by relation, never a name), the categories
    suspected, the safeguarding team told, the referral (made, with its reference; not made on the
    team's advice; NOT YET MADE), the person not told of it, the police told, and an adult's
    consent to share refused, or lacking capacity to give it (the assessment's day and assessor:
    said here, not on the capacity line, `prefill._lacking_capacity`); never what was seen or said, nor who raised it. A concern entered in
    error is not said (`CHART` reads standing records). Never the discharge letter: handed to a
    patient going home, it may be read by the person they are at risk from."""
    concerns = [recorded for recorded in CHART.of(db, patient_id) if elapsed.reached(recorded.concern.raised_at, at)]
    assessments = [recorded.assessment for recorded in capacity.CHART.of(db, patient_id)] if concerns else []
    return [_letter_line(recorded, at, lang, assessments) for recorded in concerns]


@dataclass(frozen=True)
class Asking:
    """What the escalation list says of one concern: its "Latest" column, what it asks, urgent
    while a child's or an immediate danger's referral is not made."""

    patient_id: str
    latest: str
    said: list[str]
    urgent: bool
    next_change: datetime | None = None
    """When its words next change (domain.safeguarding.Concern.next_change): the list reads again then."""


def _refer(one: Concern, at: datetime, days_off: Container[date], lang: Lang) -> tuple[str, bool]:
    """What a concern not decided asks of its referral at `at`, and whether it is urgent: a child's
    or an immediate danger's at once; an adult's refusing with no reason to share, the team's
    advice (never "refer"); else by its working day (domain.safeguarding.due_day, the hospital's
    bank holidays `days_off`), then overdue."""
    if one.blocked:
        return WORDS["advice"][lang], False
    if one.urgent:
        return WORDS["refer_child" if one.kind is Kind.CHILD else "refer_danger"][lang], True
    due = due_day(one.raised_at, at.tzinfo, days_off)
    day = f"{DAY_NAMES[lang][due.weekday()]} {due.strftime('%d/%m')}"
    if one.overdue(at, days_off):
        return WORDS["overdue"][lang].format(day=day), True
    if at.astimezone(ward_zone(at.tzinfo)).date() == due:
        return WORDS["refer_today"][lang], False
    return WORDS["refer_by"][lang].format(day=day), False


def escalation(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang, *,
               leaving: bool = False) -> list[Asking]:
    """Each concern of these patients' present stays (or last, of those who left), raised by `at`,
    whose referral is not decided or whose safeguarding team is not told (`_refer`). Asked of a
    patient `leaving` (leaving.still_asked), the concern named first: "refer today; tell the
    safeguarding team", named nothing, read as any chart's task at the discharge."""
    asking, days_off = [], settings.days_off(db)
    for patient_id, each in CHART.of_each(db, list(patient_ids)).items():
        for one in (recorded.concern for recorded in each):
            if not one.asks(at):
                continue
            raised = ward_time(one.raised_at, at.tzinfo)
            said, urgent = [], False
            if one.not_referred:
                latest = WORDS["advised"][lang].format(raised=raised, care=CARE[one.kind][lang])
            elif one.referred_by(at):
                latest = WORDS["latest_referred"][lang].format(made=_made(one, at, lang), raised=raised)
            else:
                latest = WORDS["latest_not_referred"][lang].format(raised=raised)
                refer, urgent = _refer(one, at, days_off, lang)
                said.append(WORDS["before_leaving"][lang] if leaving and not one.blocked else refer)
            if not one.told_by(at):
                said.append(WORDS["tell_team"][lang])
            if leaving:
                said = [WORDS["leaving"][lang].format(latest=latest, asks=semicolon(lang).join(said))]
            asking.append(Asking(patient_id, latest, said, urgent=urgent, next_change=one.next_change(at, days_off)))
    return asking


def asking_patients(db: Database, at: datetime) -> set[str]:
    """The patients with a concern of their present (or last) stay still asking at `at`: kept on
    the escalation list after they have left (chart_alerts.left_untold)."""
    found = {str(record.patient_id) for record in list_current(db, form_id=FORM)}
    return {patient_id for patient_id, each in CHART.of_each(db, found).items()
            if any(recorded.concern.asks(at) for recorded in each)}


def to_open(db: Database, patient_id: str, at: datetime) -> RecordVersion | None:
    """The record the escalation list opens at `at`: the earliest concern still asking (amended
    with its referral or the team told); else the latest; None with none, a new one to be made."""
    each = CHART.of(db, patient_id)
    asking = [recorded for recorded in each if recorded.concern.asks(at)]
    if asking:
        return asking[0].record
    return each[-1].record if each else None
