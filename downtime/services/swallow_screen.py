"""A failed bedside swallow screen (domain.swallow_screen), said where the ward looks: the handover
sheet and the Patients tab ("SWALLOW SCREEN FAILED 10:20 — nil by mouth, no medicines by mouth;
SLT referred 10:40"), the dose dialog, the escalation list (services.chart_alerts: the SLT
referral missing, urgent; no SLT assessment 24 hours after the first failed screen, urgent past
72; the doctor not told; a time-critical medicine ordered by mouth, which needs another route),
and at the dose: one given by mouth while the screen stands failed is asked (`dose_warnings`). On paper the
screen was a sheet in the notes: the tablets went by mouth on the next round, the nurse giving
them never having read it. Never stored: read from the standing records (forms/swallow_screen.yaml),
the SLT's assessment answered by amending the failed screen: its plan by mouth ends the nil by
mouth from its time, the line then saying the plan ("SLT 12:00: food IDDSI 4 Pureed, drinks IDDSI 2
Mildly thick; tablets: Crushed in puree"), nothing asked; its food alone by mouth ends the nil by
mouth but not the medicines' ("…; no medicines by mouth (another route)"), every dose by mouth
still asked, and the doctor asked for their route. A screen passed with advice is said in the same
places as the SLT's plan, in its words ("Swallow screen passed with advice 13:00: food IDDSI 4
Pureed, drinks IDDSI 2 Mildly thick; tablets: Crushed in puree"), nothing asked."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed, order_units
from downtime.domain.clock import ward_time
from downtime.domain.medication import Check, Order, Outcome, Warning, written_when
from downtime.domain.records import RecordVersion, loaded_from_snapshot
from downtime.domain.swallow_screen import Outcome as Swallow
from downtime.domain.swallow_screen import (
    SCREEN_WITHIN,
    Screen,
    before_screen,
    by_mouth,
    failed_steps,
    in_runs,
    no_medicines_by_mouth_at,
    said_at,
    screen_of,
    stroke_said,
    stroke_suspected,
)
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import LANGUAGES, QT_TRANSLATE_NOOP, Phrase, semicolon
from downtime.services import medication
from downtime.services.bedside import Asking, Chart, Escalation, in_order
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.infusion_checks import DUE_AT, DUE_ON

FORM = "swallow_screen"
WORDS = {
    "failed": {"en": "SWALLOW SCREEN FAILED {time} — nil by mouth, no medicines by mouth",
               "fr": "DÉPISTAGE DE DÉGLUTITION ÉCHOUÉ {time} — à jeun strict, aucun médicament par la bouche"},
    "referred": {"en": "SLT referred {time}", "fr": "orthophoniste demandé {time}"},
    "not_referred": {"en": "SLT not yet referred", "fr": "orthophoniste pas encore demandé"},
    "assessed": {"en": "SLT assessed {time}: nil by mouth continues",
                 "fr": "évalué par l’orthophoniste {time} : à jeun strict maintenu"},
    "oral": {"en": "SLT {time}: {diet}", "fr": "Orthophoniste {time} : {diet}"},
    "advice": {"en": "Swallow screen passed with advice {time}: {diet}",
               "fr": "Dépistage de déglutition réussi avec consignes {time} : {diet}"},
    "diet": {"en": "food IDDSI {food}, drinks IDDSI {drink}; {medicines}",
             "fr": "aliments IDDSI {food}, boissons IDDSI {drink} ; {medicines}"},
    "tablets": {"en": "tablets: {tablets}", "fr": "comprimés : {tablets}"},
    "tablets_unsaid": {"en": "not said on the screen", "fr": "non précisé au dépistage"},
    "no_medicines": {"en": "no medicines by mouth (another route)",
                     "fr": "aucun médicament par la bouche (autre voie)"},
    "refer": {"en": "refer to the speech and language therapist (SLT) now",
              "fr": "adresser à l’orthophoniste maintenant"},
    "tell_doctor": {"en": "tell the doctor: medicines, fluids and food by another route",
                    "fr": "prévenir le médecin : médicaments, hydratation et alimentation par une autre voie"},
    "tell_doctor_medicines": {"en": "tell the doctor: medicines by another route",
                              "fr": "prévenir le médecin : médicaments par une autre voie"},
    "slt_awaited": {"en": "no SLT assessment recorded 24 h after the failed screen of {failed} (at the latest {time})",
                    "fr": "aucune évaluation orthophonique notée 24 h après l’échec du {failed} (au plus tard {time})"},
    "slt_late": {"en": "no SLT assessment recorded 72 h after the failed screen of {failed}: tell the doctor",
                 "fr": "aucune évaluation orthophonique notée 72 h après l’échec du {failed} : prévenir le médecin"},
    "critical": {"en": "time-critical medicine ordered by mouth, another route needed: {orders}",
                 "fr": "médicament à horaire critique prescrit par la bouche, autre voie nécessaire : {orders}"},
    "nil_by_mouth": {"en": "failed swallow screen {time}",
                     "fr": "dépistage de déglutition échoué {time}"},
    "screened": {"en": "Bedside swallow screen FAILED {time}",
                 "fr": "Dépistage de déglutition au lit ÉCHOUÉ {time}"},
    "plan": {"en": "plan: {plan}", "fr": "conduite à tenir : {plan}"},
    "unscreened": {"en": "STROKE: SWALLOW NOT YET SCREENED — nothing by mouth, medicines included; {when}",
                   "fr": "AVC : DÉGLUTITION PAS ENCORE DÉPISTÉE — rien par la bouche, médicaments compris ; {when}"},
    "line_by": {"en": "screen by {time}", "fr": "dépister avant {time}"},
    "line_overdue": {"en": "screen OVERDUE since {time}", "fr": "dépistage EN RETARD depuis {time}"},
    "arrived": {"en": "STROKE: SWALLOW NOT YET SCREENED (arrived {time})",
                "fr": "AVC : DÉGLUTITION PAS ENCORE DÉPISTÉE (arrivée {time})"},
    "nothing": {"en": "nothing by mouth, medicines included, until a screen is passed",
                "fr": "rien par la bouche, médicaments compris, avant un dépistage réussi"},
    "screen_by": {"en": "screen the swallow by {time} (within 4 hours of arrival)",
                  "fr": "dépister la déglutition avant {time} (dans les 4 heures suivant l’arrivée)"},
    "screen_overdue": {"en": "swallow screen OVERDUE since {time} (4 hours after arrival): screen it now",
                       "fr": "dépistage de déglutition EN RETARD depuis {time} (4 heures après l’arrivée) : le faire "
                             "maintenant"},
    "nil_unscreened": {"en": "stroke, swallow not yet screened", "fr": "AVC, déglutition pas encore dépistée"},
}
"""`referred`, `assessed` and `nil_by_mouth` take their time with its preposition (`_at`): "à
10:40", "le 28/11 à 10:40" in French; the others a time as the ward reads it (`_time`)."""
REFUSALS = {
    "passed": {"en": "“{label}”: a pass is not possible after “{step}” ({answer}): the screen is failed.",
               "fr": "« {label} » : pas de réussite possible après « {step} » ({answer}) : le dépistage est échoué."},
    "before": {"en": "“{label}” is before the screen ({time}): check the time.",
               "fr": "« {label} » est avant le dépistage ({time}) : vérifier l’heure."},
}
ANSWERS = {False: {"en": "No", "fr": "Non"}, "sign": {"en": "a sign", "fr": "un signe"}}
"""How the refusal names the answer of the step that failed the screen."""


def check(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Mapping[str, Any] | None = None) -> None:
    """Refuse, naming the field: a pass (with advice or not) after a No before the water or a sign
    at the water (tablets by mouth would follow it); a referral, the doctor told or the SLT's
    assessment timed before the screen. Each new record, and each amendment changing what it
    checks."""
    def changed(*field_ids: str) -> bool:
        return before is None or any(data.get(name) != before.get(name) for name in field_ids)

    def label(field_id: str) -> str:
        return spec.field(field_id).label.get(lang)

    errors = []
    steps = failed_steps(data)
    if steps and data.get("outcome") != Swallow.FAIL and changed("outcome", *steps):
        errors.append(FieldError("outcome", REFUSALS["passed"][lang].format(
            label=label("outcome"), step=label(steps[0]), answer=ANSWERS[data[steps[0]]][lang])))
    errors.extend(FieldError(field_id, REFUSALS["before"][lang].format(
        label=label(field_id), time=ward_time(datetime.fromisoformat(data["screened_at"]), None)))
        for field_id in before_screen(data) if changed(field_id, "screened_at"))
    if errors:
        raise ValidationFailed(errors)


@dataclass(frozen=True)
class Recorded:
    """A swallow screen record (`record`) as domain.swallow_screen reads it."""

    record: RecordVersion
    screen: Screen


def _in_runs(records: list[RecordVersion]) -> list[Recorded]:
    """A patient's screens in order, each failed one dated from the first failure of its run
    (domain.swallow_screen.in_runs), which the SLT's hours run from."""
    found = in_order(records, lambda record: Recorded(record, screen_of(record.data)), lambda one: one.screen.screened_at)
    return [Recorded(one.record, screen) for one, screen in zip(found, in_runs([one.screen for one in found]))]


CHART = Chart(FORM, _in_runs)


@dataclass(frozen=True)
class Failed:
    """A patient's screen the ward's lines say at `at` (domain.swallow_screen.said_at: failed, or
    passed with advice; `form`: its form), and their time-critical orders by mouth then (named),
    for which the doctor is to find another route while a failed one keeps their medicines from
    the mouth (nil by mouth, or food alone by mouth)."""

    one: Recorded
    critical: tuple[str, ...]
    form: FormSpec

    def latest(self, lang: Lang, at: datetime, dated: bool = False) -> str:
        """The ward's line: "SWALLOW SCREEN FAILED 10:20 — nil by mouth, no medicines by mouth;
        SLT referred 10:40" (or "SLT not yet referred"; "SLT assessed …: nil by mouth continues"),
        or once the SLT's plan by mouth stands, the plan: "SLT 12:00: food IDDSI 4 Pureed, drinks
        IDDSI 2 Mildly thick; tablets: Crushed in puree" (with food alone by mouth, "no medicines by
        mouth (another route)" for the tablets); a pass with advice, its own ("Swallow screen passed
        with advice 13:00: …"): what the nurse feeding the patient and giving the medicines reads.
        `dated`: each time with its day, as a letter read days later says it (`handed_on`)."""
        screen = self.one.screen
        if not screen.failed:
            return WORDS["advice"][lang].format(time=_time(screen.screened_at, at, dated), diet=self._diet(lang, at))
        if not screen.nil_by_mouth(at):
            return WORDS["oral"][lang].format(time=_time(screen.slt_assessed_at, at, dated), diet=self._diet(lang, at))
        slt = (WORDS["assessed"][lang].format(time=_at(screen.slt_assessed_at, at, lang, dated))
               if screen.slt_assessed_at
               else WORDS["referred"][lang].format(time=_at(screen.slt_referred_at, at, lang, dated))
               if screen.slt_referred_at else WORDS["not_referred"][lang])
        return semicolon(lang).join((WORDS["failed"][lang].format(time=_time(screen.screened_at, at, dated)), slt))

    def _diet(self, lang: Lang, at: datetime) -> str:
        """The textures and tablets of a plan by mouth, a pass with advice's or the SLT's, in one
        wording: "food IDDSI 4 Pureed, drinks IDDSI 2 Mildly thick; tablets: Crushed in puree"; the
        tablets "not said" of a pass with advice of version 3, which did not ask them (an empty
        answer read as no advice)."""
        data = self.one.record.data
        tablets = format_value(self.form.field("tablets"), data.get("tablets"), lang) or WORDS["tablets_unsaid"][lang]
        medicines = (WORDS["no_medicines"][lang] if self.one.screen.no_medicines_by_mouth(at)
                     else WORDS["tablets"][lang].format(tablets=tablets))
        return WORDS["diet"][lang].format(medicines=medicines, **{
            said: format_value(self.form.field(field_id), data.get(field_id), lang)
            for said, field_id in (("food", "food_level"), ("drink", "drink_level"))})

    def asks(self, lang: Lang, at: datetime) -> list[str]:
        """What the escalation list asks of it at `at` while it keeps the medicines from the mouth:
        the referral until made (or the SLT seen), the doctor told (of the medicines alone once the
        SLT allowed food), the SLT's assessment once 24 hours passed without it since the first
        failed screen (named), the time-critical medicines by mouth. Nothing once the SLT's plan
        with medicines by mouth stands, nor of a pass with advice."""
        screen = self.one.screen
        if not screen.no_medicines_by_mouth(at):
            return []
        told = WORDS["tell_doctor" if screen.nil_by_mouth(at) else "tell_doctor_medicines"][lang]
        first = _time(screen.failed_since, at, dated=True)
        return [*([WORDS["refer"][lang]] if screen.slt_referred_at is None and screen.slt_assessed_at is None else []),
                *([told] if screen.doctor_told_at is None else []),
                *([WORDS["slt_late"][lang].format(failed=first)] if screen.slt_late(at) else [
                    WORDS["slt_awaited"][lang].format(failed=first, time=written_when(
                        screen.slt_latest_at, at, at.tzinfo))] if screen.slt_awaited(at) else []),
                *([WORDS["critical"][lang].format(orders=", ".join(self.critical))] if self.critical else [])]

    def urgent(self, at: datetime) -> bool:
        """No referral made (the 24 hours run from the first failed screen), or the SLT not seen by
        72 hours, or a time-critical medicine with no route the patient can take."""
        screen = self.one.screen
        return screen.no_medicines_by_mouth(at) and (screen.slt_referred_at is None and screen.slt_assessed_at is None
                                                     or screen.slt_late(at) or bool(self.critical))


@dataclass(frozen=True)
class Unscreened:
    """A patient admitted with a stroke (domain.swallow_screen.stroke_said) whose swallow no screen
    of the present stay has screened yet: nothing by mouth, medicines included, until one is
    passed, the screen due `SCREEN_WITHIN` after their arrival. On paper the admission said
    "stroke", and the morning's tablets went by mouth before anyone screened the swallow."""

    arrived: datetime
    suspected: bool

    @property
    def due_at(self) -> datetime:
        return elapsed.later(self.arrived, SCREEN_WITHIN)

    def overdue(self, at: datetime) -> bool:
        return elapsed.reached(self.due_at, at)

    def _when(self, lang: Lang, at: datetime, words: tuple[str, str], dated: bool = False) -> str:
        return WORDS[words[self.overdue(at)]][lang].format(time=_time(self.due_at, at, dated))

    def line(self, lang: Lang, at: datetime, dated: bool = False) -> str:
        """The ward's line: "STROKE: SWALLOW NOT YET SCREENED — nothing by mouth, medicines
        included; screen by 15:00", "screen OVERDUE since 15:00" once due; `dated` as a letter
        says it."""
        return WORDS["unscreened"][lang].format(when=self._when(lang, at, ("line_by", "line_overdue"), dated))

    def latest(self, lang: Lang, at: datetime) -> str:
        return WORDS["arrived"][lang].format(time=_time(self.arrived, at))

    def asks(self, lang: Lang, at: datetime) -> list[str]:
        return [self._when(lang, at, ("screen_by", "screen_overdue")), WORDS["nothing"][lang]]


def unscreened(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, Unscreened]:
    """Each of these patients whose latest admission (services.medication.latest_admissions) says
    a stroke (domain.swallow_screen.stroke_said), arrived by `at`, with no screen of the present
    stay by then (`Unscreened`). Not one whose admission came from the EHR's snapshot: screened or
    not under the EHR, which the ward cannot see (as services.bedside.first_due)."""
    strokes = {patient_id: admission for patient_id, admission in medication.latest_admissions(db, patient_ids).items()
               if stroke_said(str(admission.data.get("reason") or "")) and not loaded_from_snapshot(admission.record_id)
               and elapsed.reached(admission.occurred_at, at)}
    screened = CHART.of_each(db, list(strokes)) if strokes else {}
    return {patient_id: Unscreened(admission.occurred_at, stroke_suspected(str(admission.data.get("reason") or "")))
            for patient_id, admission in strokes.items()
            if not any(elapsed.reached(one.screen.screened_at, at) for one in screened.get(patient_id, []))}


def new_answers(db: Database, patient_id: str, at: datetime) -> dict[str, Any]:
    """What a new screen opened from the escalation list starts from: why, a stroke (or a suspected
    one) when the patient is `unscreened` at `at`."""
    found = unscreened(db, [patient_id], at).get(patient_id)
    return {} if found is None else {"reason": "suspected_stroke" if found.suspected else "stroke"}


def escalation(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> Escalation[Asking]:
    """The escalation list's line of each of these patients `unscreened` at `at`, urgent once its
    screen is overdue, and when the next falls due."""
    found = unscreened(db, patient_ids, at)
    return Escalation([Asking(patient_id, one.latest(lang, at), one.asks(lang, at), urgent=one.overdue(at))
                       for patient_id, one in found.items()],
                      min((one.due_at for one in found.values() if not one.overdue(at)), key=elapsed.instant,
                          default=None))


def standing(db: Database, patient_ids: Collection[str], at: datetime,
             found_by: Callable[[Sequence[Screen], datetime], Screen | None] = said_at) -> dict[str, Recorded]:
    """Each of these patients whose latest screen of the present stay by `at` the ward's lines say
    (failed, or passed with advice; or, by `found_by` = domain.swallow_screen.
    no_medicines_by_mouth_at, keeps their medicines from the mouth), and that screen."""
    return {patient_id: one for patient_id, each in CHART.of_each(db, list(patient_ids)).items()
            if (one := _failed_of(each, at, found_by)) is not None}


def nil_by_mouth(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, dict[Lang, str]]:
    """Each of these patients whose failed screen keeps their medicines from the mouth at `at` (no
    SLT's plan by mouth yet, or food alone by mouth), and how a line names why, in each language
    ("failed swallow screen 10:20"): the time-critical list, the MAR and the round
    (services.medication.nil_by_mouth) ask another route of their doses swallowed. So is each
    admitted with a stroke whose swallow is not yet screened (`unscreened`: "stroke, swallow not yet
    screened")."""
    failed_screens = {patient_id: {lang: WORDS["nil_by_mouth"][lang].format(time=_at(one.screen.screened_at, at, lang))
                                   for lang in LANGUAGES}
                      for patient_id, one in standing(db, patient_ids, at, no_medicines_by_mouth_at).items()}
    return {**{patient_id: {lang: WORDS["nil_unscreened"][lang] for lang in LANGUAGES}
               for patient_id in unscreened(db, patient_ids, at)}, **failed_screens}


def failed(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
           lang: Lang, listed: Collection[str] = ()) -> dict[str, Failed]:
    """Each of these patients whose latest screen of the present stay by `at` is failed or passed
    with advice (`standing`: the handover's, the MAR's and the dose dialog's line says its advice as
    it says the SLT's plan), with, while a failed one keeps their medicines from the mouth, their
    time-critical orders by mouth in force but those of `listed` (order ids): a dose of those is on
    the time-critical list (services.medication.TimeCritical), which asks another route of it with
    its time, and the two lines asked it twice, each urgent."""
    found = standing(db, patient_ids, at)
    order_form = forms[medication.ORDER_FORM]
    nil = [patient_id for patient_id, one in found.items() if one.screen.no_medicines_by_mouth(at)]
    orders = medication.orders_of_each(db, nil, at) if nil else {}
    return {patient_id: Failed(one, tuple(medication.order_label(order, order_form, lang)
                                          for order in orders.get(patient_id, [])
                                          if order.time_critical and order.active_at(at) and by_mouth(order.route)
                                          and order.record_id not in listed), forms[FORM])
            for patient_id, one in found.items()}


def _time(moment: datetime, at: datetime, dated: bool = False) -> str:
    """`moment` on the ward's clock read at `at`: its time alone the same day (written_when), else
    with its day; always with its day when `dated`."""
    return ward_time(moment, at.tzinfo) if dated else written_when(moment, at, at.tzinfo)


def _at(moment: datetime, at: datetime, lang: Lang, dated: bool = False) -> str:
    """`_time` with its preposition, as the infusion check's due time words it (DUE_AT, DUE_ON):
    "à 10:40" the same day, "le 28/11 à 10:40" else; the French read "demandé à 28/11 10:40"."""
    zone = at.tzinfo
    same_day = not dated and moment.astimezone(zone).date() == at.astimezone(zone).date()
    return (DUE_AT if same_day else DUE_ON)[lang].format(day=ward_time(moment, zone, "%d/%m"),
                                                         time=ward_time(moment, zone, "%H:%M"))


def _failed_of(each: list[Recorded], at: datetime,
               found_by: Callable[[Sequence[Screen], datetime], Screen | None] = said_at) -> Recorded | None:
    """The record of the screen `found_by` finds at `at` among a patient's (domain.swallow_screen.
    said_at: the one the ward's lines say, failed or passed with advice; no_medicines_by_mouth_at:
    the failed one keeping their medicines from the mouth)."""
    found = found_by([one.screen for one in each], at)
    return next(one for one in each if one.screen is found) if found is not None else None


def ward_lines(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
               lang: Lang, dated: bool = False) -> dict[str, str]:
    """What the handover sheet, the Patients tab, the dose dialog and the printed MAR say of each
    of these patients whose swallow screen stands failed, or passed with advice, at `at`, or who
    came in with a stroke and is not yet screened (`unscreened`); `dated`, each time with its day,
    as paper read on the days after says it."""
    return {**{patient_id: one.line(lang, at, dated) for patient_id, one in unscreened(db, patient_ids, at).items()},
            **{patient_id: one.latest(lang, at, dated)
               for patient_id, one in failed(db, forms, patient_ids, at, lang).items()}}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (transfer_out, discharge) says of their swallow: the
    screen standing at `at`, each time with its day: while nil by mouth, or passed with advice,
    the ward's line ("SWALLOW SCREEN FAILED 28/11 10:20 — nil by mouth, no medicines by mouth; SLT
    referred 28/11 10:40"; "Swallow screen passed with advice 28/11 13:00: food IDDSI 4 …"); once
    the SLT's plan by mouth stands, the screen and the plan with its textures, its tablets (with
    food alone by mouth, "no medicines by mouth") and the SLT's own words. The letter said nothing
    of either, and the next team gave thin fluids and whole tablets to a dysphagic stroke patient.
    Nothing with neither standing; a patient admitted with a stroke and not yet screened, that
    (`unscreened`), with its times' days."""
    one = _failed_of(CHART.of(db, patient_id), at)
    if one is None:
        return [waiting.line(lang, at, dated=True) for waiting in unscreened(db, [patient_id], at).values()]
    line = Failed(one, (), forms[FORM]).latest(lang, at, dated=True)
    if not one.screen.failed or one.screen.nil_by_mouth(at):
        return [line]
    plan = " ".join(str(one.record.data.get("slt_plan") or "").split())
    screened = WORDS["screened"][lang].format(time=_time(one.screen.screened_at, at, dated=True))
    return [semicolon(lang).join([screened, line, *([WORDS["plan"][lang].format(plan=plan)] if plan else [])])]


def next_change(found: Mapping[str, Failed], at: datetime) -> datetime | None:
    """When the next SLT assessment not yet asked falls due (24 h, then 72 h after the first failed
    screen): the list is read again then."""
    coming = [moment for one in found.values() if one.one.screen.failed and one.one.screen.slt_assessed_at is None
              for moment in (one.one.screen.slt_due_at, one.one.screen.slt_latest_at) if not elapsed.reached(moment, at)]
    return min(coming, key=elapsed.instant, default=None)


GIVEN_AFTER_FAILED_SCREEN = QT_TRANSLATE_NOOP(
    "messages", "{drug} is recorded given {route} at {time}, and the patient failed the swallow screen at "
                "{screened}: no medicines by mouth. Give it by another route the doctor decides, "
                "or say who allowed it by mouth (doctor, SLT) in the reason.")


GIVEN_BEFORE_SCREEN = QT_TRANSLATE_NOOP(
    "messages", "{drug} is recorded given {route} at {time}, and the patient, admitted with a stroke at {arrived}, "
                "has no swallow screen recorded: nothing by mouth, medicines included, until a screen is passed. "
                "Screen the swallow first, or give it by another route the doctor decides, or say who allowed it "
                "by mouth in the reason.")


def dose_warnings(session: Session, found: Order, values: Mapping[str, Any]) -> list[Warning]:
    """A dose of `found` recorded given swallowed (`by_mouth`: PO) at a time its patient's latest
    swallow screen is failed: asked, not refused, the nurse overriding with a reason (the doctor
    decided). A tube's, an injection's, a patch's or a suppository's dose is the route the failed
    screen asks for, and is not asked, nor a buccal or sublingual one (unswallowed); nor one typed
    from the paper chart, given already (as domain.medication.given_nil_by_mouth). The route is the
    dose's, as recorded given (its order's when it says none): an order down the NG tube given PO
    was asked only that its route differs, and an oral one given down the tube, as the screen
    asks, was said "recorded given PO". So is one given swallowed to a patient admitted with a
    stroke whose swallow no screen has yet screened (`unscreened`, `GIVEN_BEFORE_SCREEN`)."""
    route = values.get("route") or found.route
    if values.get("outcome") != Outcome.GIVEN.value or values.get(medication.TRANSCRIBED) or not by_mouth(route):
        return []
    at = datetime.fromisoformat(values["given_at"])
    one = _failed_of(CHART.of(session.db, found.patient_id), at, no_medicines_by_mouth_at)
    if one is None:
        return [Warning(Check.NIL_BY_MOUTH_GIVEN, GIVEN_BEFORE_SCREEN, {
            "drug": " ".join(found.drug.split()), "route": route, "time": written_when(at, at, at.tzinfo),
            "arrived": written_when(waiting.arrived, at, at.tzinfo)})
            for waiting in unscreened(session.db, [found.patient_id], at).values()]
    return [Warning(Check.NIL_BY_MOUTH_GIVEN, GIVEN_AFTER_FAILED_SCREEN, {
        "drug": " ".join(found.drug.split()), "route": route, "time": written_when(at, at, at.tzinfo),
        "screened": written_when(one.screen.screened_at, at, at.tzinfo)})]


ORDERED_AFTER_FAILED_SCREEN = QT_TRANSLATE_NOOP(
    "messages", "{drug} {route}: the patient failed the swallow screen at {screened}: no medicines by mouth. Choose "
                "another route (NG, IV, SC, PR, a patch), or give in “{field}” who allowed it by mouth (the SLT).")


def ordered_refusal(session: Session, new: Order) -> order_units.Refusal | None:
    """An order by mouth written, or amended to a route by mouth, while the patient's swallow
    screen stands failed (at the later of its start and now): asked on its route, the prescriber's
    reason kept in the order (services.medication.DOSE_REASON), as a high potassium's is; the
    nurse alone was asked, at the round, the tablets already prescribed."""
    if not by_mouth(new.route):
        return None
    at = max(new.start_at, session.clock(), key=elapsed.instant)
    one = _failed_of(CHART.of(session.db, new.patient_id), at, no_medicines_by_mouth_at)
    if one is None:
        return None
    return order_units.Refusal("route", Phrase(ORDERED_AFTER_FAILED_SCREEN, {
        "drug": " ".join(new.drug.split()), "route": new.route,
        "screened": written_when(one.screen.screened_at, at, at.tzinfo)}), asked=True)


def to_open(db: Database, patient_id: str) -> RecordVersion | None:
    """The record the escalation list opens: the patient's latest screen (a failed one is amended
    with the referral, the doctor told and the SLT's assessment); None, a new screen (`new_answers`),
    for a patient admitted with a stroke and not yet screened."""
    screens = CHART.of(db, patient_id)
    return screens[-1].record if screens else None
