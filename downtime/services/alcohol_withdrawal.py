"""The alcohol withdrawal chart (forms/alcohol_withdrawal.yaml, domain.alcohol_withdrawal) said where
the nurse in charge looks: the escalation list and the handover sheet. Each in-patient on the chart
this stay: the latest check's CIWA-Ar and band ("CIWA-Ar 12 MODERATE (13:00)"), when the next check
is due by that band ("CIWA-Ar DUE 14:00", "CIWA-Ar OVERDUE since 14:00"), what the checks still ask
of the doctor (a red flag now: a seizure, hallucinations with disorientation, consciousness falling;
a severe score, a patient too drowsy or sedated to be scored), a moderate or severe score with no
symptom-triggered dose recorded, and no thiamine on the MAR ("No thiamine prescribed: ask the
doctor (NICE CG100)": Wernicke's encephalopathy, thiamine before glucose), or thiamine by mouth
alone while a check raises Wernicke's (a red flag, a severe score, a patient not scored for
drowsiness or confusion: oral thiamine is poorly absorbed, and CG100 gives it into a vein then). On paper the
CIWA-Ar chart lay in the bedside folder, and a 4-hourly check missed over a night was found at the
morning round with the patient hallucinating. The records are written by services.records, each
with its audit entry, as every form's; nothing here is stored: read from the standing records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.alcohol_withdrawal import (FINDINGS, RED_FLAGS, Flag, NotScored, delirium_tremens, dose_asked,
                                                flags, gives_thiamine, next_due, not_scored, said, score,
                                                scored_words, still_asked, symptom_triggered, told_at, unable)
from downtime.domain.census import StayStatus
from downtime.domain.clock import DATED, ward_time
from downtime.domain.medication import Administration, Frequency, Order, Outcome, in_force, written_when
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError
from downtime.i18n import decimal_text, semicolon
from downtime.services import medication
from downtime.services.bedside import Asking, Chart, Escalation, ordered
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.patients import PatientSummary

FORM = "alcohol_withdrawal"
ORAL_ROUTES = frozenset({"PO", "NG"})
"""Thiamine by these routes alone is poorly absorbed where Wernicke's is in question."""
WORDS = {
    "scored": {"en": "{scored} ({time})", "fr": "{scored} ({time})"},
    "asleep": {"en": "CIWA-Ar not scored, asleep ({time})", "fr": "CIWA-Ar non coté, endormi ({time})"},
    "drowsy": {"en": "CIWA-Ar not scored, drowsy or sedated ({time})",
               "fr": "CIWA-Ar non coté, somnolent ou sédaté ({time})"},
    "confused": {"en": "CIWA-Ar not scored, confused or agitated ({time})",
                 "fr": "CIWA-Ar non coté, confus ou agité ({time})"},
    "due": {"en": "CIWA-Ar DUE {due}", "fr": "CIWA-Ar PRÉVUE à {due}"},
    "overdue": {"en": "CIWA-Ar OVERDUE since {due}", "fr": "CIWA-Ar EN RETARD depuis {due}"},
    "dose": {"en": "no symptom-triggered dose recorded: give it per protocol, or tell the doctor why not",
             "fr": "aucune dose selon les symptômes notée : la donner selon le protocole, ou dire au médecin pourquoi"},
    "thiamine": {"en": "No thiamine prescribed: ask the doctor (NICE CG100)",
                 "fr": "Pas de thiamine prescrite : demander au médecin (NICE CG100)"},
    "oral": {"en": "Oral thiamine only: ask the doctor about IV Pabrinex (possible Wernicke’s, NICE CG100)",
             "fr": "Thiamine orale seule : demander au médecin la Pabrinex IV (Wernicke possible, NICE CG100)"},
    "not_scored": {"en": "not scored: doctor to be told", "fr": "non coté : médecin à prévenir"},
    "stopped": {"en": "CIWA-Ar chart stopped by {name}", "fr": "surveillance CIWA-Ar arrêtée par {name}"},
    "told": {"en": "doctor told: {name} {time}", "fr": "médecin prévenu : {name} le {time}"},
    "untold": {"en": "doctor NOT told", "fr": "médecin NON prévenu"},
    "flagged": {"en": "{finding} ({time}), {told}", "fr": "{finding} ({time}), {told}"},
    "doses": {"en": "symptom-triggered doses on the MAR in the last 24 h: {doses}",
              "fr": "doses selon les symptômes au plan d’administration sur les dernières 24 h : {doses}"},
    "drug_doses": {"en": "{drug}: {count}, {total} {unit} in all", "fr": "{drug} : {count}, {total} {unit} en tout"},
    "no_doses": {"en": "none", "fr": "aucune"},
    "not_on_mar": {"en": "dose ticked on the CIWA-Ar, not on the MAR: {times}",
                   "fr": "dose cochée sur la CIWA-Ar, absente du plan d’administration : {times}"},
    "thiamine_on": {"en": "thiamine prescribed: {routes}", "fr": "thiamine prescrite : {routes}"},
    "no_thiamine": {"en": "no thiamine prescribed", "fr": "pas de thiamine prescrite"},
}
REFUSALS = {
    "dose_before": {"en": "“{label}” ({given}) is before the check ({checked}): the symptom-triggered dose follows "
                          "the score; check the times.",
                    "fr": "« {label} » ({given}) précède l’évaluation ({checked}) : la dose selon les symptômes "
                          "suit le score ; vérifier les heures."},
    "dose_unscored": {"en": "“{label}”: this check has no score, so no symptom-triggered dose: a dose given is the "
                            "doctor’s decision, on the MAR; write who decided in Notes.",
                      "fr": "« {label} » : cette évaluation n’a pas de score, donc pas de dose selon les symptômes : "
                            "une dose donnée est la décision du médecin, au plan d’administration ; noter qui a "
                            "décidé dans Remarques."},
    "dose_falling": {"en": "“{label}”: this check records consciousness falling, so the symptom-triggered dose is "
                           "held: a dose given is the doctor’s decision, on the MAR; write who decided in Notes.",
                     "fr": "« {label} » : cette évaluation note une conscience en baisse, donc la dose selon les "
                           "symptômes est suspendue : une dose donnée est la décision du médecin, au plan "
                           "d’administration ; noter qui a décidé dans Remarques."},
}


def check(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Mapping[str, Any] | None = None) -> None:
    """Refuse, naming the field, a symptom-triggered dose on a check not scored (the list kept
    saying "no dose" for a check recording one given), and a dose given before the check it
    answers: the dose follows the score, and one typed at the check before's time read as given for
    this one. The time: each new record, and each amendment changing either time. And a dose on a
    check recording consciousness falling, which holds it (the form's help said so, and one ticked
    given was saved): each new record, and each amendment that makes it so."""
    if unable(data) and data.get("dose_given"):
        raise ValidationFailed([FieldError("dose_given", REFUSALS["dose_unscored"][lang].format(
            label=spec.field("dose_given").label.get(lang)))])
    if _dosed_falling(data) and (before is None or not _dosed_falling(before)):
        raise ValidationFailed([FieldError("dose_given", REFUSALS["dose_falling"][lang].format(
            label=spec.field("dose_given").label.get(lang)))])
    given, checked = data.get("dose_given_at"), data.get("checked_at")
    if not given or not checked or (before is not None and all(
            data.get(name) == before.get(name) for name in ("dose_given_at", "checked_at"))):
        return
    given_at, checked_at = datetime.fromisoformat(given), datetime.fromisoformat(checked)
    if elapsed.instant(given_at) < elapsed.instant(checked_at):
        raise ValidationFailed([FieldError("dose_given_at", REFUSALS["dose_before"][lang].format(
            label=spec.field("dose_given_at").label.get(lang), given=ward_time(given_at, None),
            checked=ward_time(checked_at, None)))])


def _dosed_falling(data: Mapping[str, Any]) -> bool:
    return bool(data.get("dose_given") and data.get("consciousness_falling"))


@dataclass(frozen=True)
class Checked:
    """One check as the rules read it: when, and its total (None: not scored)."""

    record: RecordVersion
    checked_at: datetime
    score: int | None

    def text(self, lang: Lang, at: datetime, *, dated: bool = False) -> str:
        """"CIWA-Ar 12 MODERATE (13:00)", its day when not `at`'s, on the ward's clock; `dated`
        (a letter, read days later) with its day and year whatever the day."""
        time = ward_time(self.checked_at, at.tzinfo, DATED) if dated else written_when(self.checked_at, at,
                                                                                            at.tzinfo)
        if self.score is None:
            return WORDS[str(not_scored(self.record.data))][lang].format(time=time)
        return WORDS["scored"][lang].format(scored=scored_words(self.score, lang), time=time)


def checked(record: RecordVersion) -> Checked:
    return Checked(record, datetime.fromisoformat(record.data["checked_at"]), score(record.data))


CHART = Chart(FORM, ordered(checked, lambda one: one.checked_at))
DOSES_OVER = timedelta(hours=24)
"""The span a letter counts the symptom-triggered doses over: the last day's need, which the
receiving team doses on."""
ON_THE_MAR_WITHIN = timedelta(minutes=30)
"""How far from a check's "dose given at" its dose on the MAR may be and still be that dose: the
chart's time is typed after the fact, as the MAR's is."""


@dataclass(frozen=True)
class Watch:
    """A patient's chart this stay, oldest first, and the routes of the orders running that give
    thiamine (none: no thiamine)."""

    patient_id: str
    checks: list[Checked]
    thiamine: frozenset[str]
    dosed: bool = False
    """Whether the MAR records a symptom-triggered dose given since the latest check (`_dosed`):
    read for the lists where that check asks one; a letter says the MAR's doses themselves."""

    @property
    def latest(self) -> Checked:
        return self.checks[-1]

    @property
    def stopped(self) -> bool:
        return bool(self.latest.record.data.get("chart_stopped"))

    @property
    def due_at(self) -> datetime | None:
        """When the next check is due (domain.next_due); None once the chart is stopped."""
        return next_due([one.record.data for one in self.checks])

    def overdue(self, at: datetime) -> bool:
        return self.due_at is not None and elapsed.reached(self.due_at, at)

    def coming(self, at: datetime) -> datetime | None:
        """When the next check falls due, if not yet: the lists are read again then."""
        return None if self.due_at is None or self.overdue(at) else self.due_at

    @property
    def asked(self) -> list[tuple[Flag, int]]:
        """What the checks still ask of the doctor (domain.still_asked)."""
        return still_asked([one.record.data for one in self.checks])

    @property
    def urgent(self) -> bool:
        """A red flag no doctor is told of: the doctor now, first on the escalation list."""
        return any(flag in RED_FLAGS for flag, _ in self.asked)

    def due_text(self, lang: Lang, at: datetime) -> str:
        """"CIWA-Ar DUE 14:00", "CIWA-Ar OVERDUE since 14:00" (the day when not today), or that the
        chart is stopped and by whom."""
        if self.due_at is None:
            stopped_by = self.latest.record.data.get("stopped_by") or ""
            return WORDS["stopped"][lang].format(name=" ".join(stopped_by.split()))
        return WORDS["overdue" if self.overdue(at) else "due"][lang].format(
            due=written_when(self.due_at, at, at.tzinfo))

    def asks(self, lang: Lang, at: datetime) -> list[str]:
        """What the escalation list asks: each flag untold (at its check's time when not the
        latest's, with no instruction: domain.said), the latest's dose recorded neither on it nor on
        the MAR (`dosed`), the next check overdue, and while on the chart no thiamine, or thiamine
        by mouth alone while a flag is asked."""
        asked = self.asked
        lines = [said(flag, lang) if index == len(self.checks) - 1 else
                 said(flag, lang, written_when(self.checks[index].checked_at, at, at.tzinfo))
                 for flag, index in asked]
        if dose_asked(self.latest.record.data) and not self.dosed:
            lines.append(WORDS["dose"][lang])
        if self.overdue(at):
            lines.append(self.due_text(lang, at))
        if not self.stopped and not self.thiamine:
            lines.append(WORDS["thiamine"][lang])
        elif not self.stopped and asked and self.thiamine <= ORAL_ROUTES:
            lines.append(WORDS["oral"][lang])
        return lines

    def told(self, lang: Lang, zone: tzinfo | None) -> list[str]:
        """The doctor the latest check records told, and when (domain.told_at: a time before the
        check tells no one, and is not said)."""
        data = self.latest.record.data
        if (moment := told_at(data)) is None:
            return []
        return [WORDS["told"][lang].format(name=" ".join(data["doctor_told"].split()), time=ward_time(moment, zone))]


def to_open(db: Database, patient_id: str) -> RecordVersion | None:
    """The check to open from the escalation list: while a red flag is untold, the latest check
    raising one, amended with the doctor told (which answers it and every flag before it:
    domain.still_asked); else None, a new check. A new check opened there asked all ten items
    scored again just to write the doctor's name."""
    checks = CHART.of(db, patient_id)
    raised = [index for flag, index in still_asked([one.record.data for one in checks]) if flag in RED_FLAGS]
    return checks[max(raised)].record if raised else None


def printed_beside(session: Session, record: RecordVersion, patient: PatientSummary | None) -> dict[str, str]:
    """What the printed check says beside its answers (printing.BESIDE): beside item 10, where the
    disorientation is scored, hallucinations with disorientation, which the rules read from the
    items and no box of the form says (the doctor reading the paper saw a 4 and a 2 among ten
    scores; beside the seizure box it read as that box's answer); beside a check too drowsy or
    confused to be scored that tells no doctor, that the doctor is to be told (the whole CIWA-Ar
    section is left off it, and nothing said so; a check recording the doctor told said it too, and
    the doctor was bleeped again)."""
    beside = {"orientation": said(Flag.DELIRIUM_TREMENS, session.lang)} if delirium_tremens(record.data) else {}
    if not_scored(record.data) in (NotScored.DROWSY, NotScored.CONFUSED) and told_at(record.data) is None:
        beside["unable_to_assess"] = WORDS["not_scored"][session.lang]
    return beside


def read(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, Watch]:
    """Each of these in-patients charted this stay, with the routes of the orders standing at `at`
    that give thiamine (`_thiamine`)."""
    ids = [patient.patient_id for patient in patients if patient.stay in (None, StayStatus.IN)]
    charts = CHART.of_each(db, ids)
    orders = medication.orders_of_each(db, list(charts), at) if charts else {}
    return {patient_id: Watch(patient_id, checks, _thiamine(orders.get(patient_id, []), at),
                              dose_asked(checks[-1].record.data) and _dosed(db, patient_id, orders.get(patient_id, []),
                                                                            checks[-1].checked_at, at))
            for patient_id, checks in charts.items()}


def _thiamine(orders: Sequence[Order], at: datetime) -> frozenset[str]:
    """The routes of those of a patient's orders standing on the chart at `at` that give thiamine
    (read by name: domain.gives_thiamine; one to start at the evening round stands already:
    domain.medication.in_force). Read by its first dose, thiamine written at 14:00 for the 20:00
    round said "No thiamine prescribed: ask the doctor" until 20:00."""
    return frozenset(order.route for order in orders if gives_thiamine(order.drug) and in_force(order, at))


def handed_on(db: Database, patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (transfer_out, discharge) says of their withdrawal, as
    facts, with no ward instruction (the next team has its own protocol): the latest check by `at`
    with its day ("CIWA-Ar 12 MODERATE (28/11/2026 13:00)"), the chart stopped and by whom, each
    red flag of the stay (its latest check raising it) and the doctor told of it or that none was
    (a check telling a doctor answers the flags before it: domain.still_asked), the
    symptom-triggered doses the MAR records over the last 24 hours and any the checks tick given
    that it lacks (`_doses`), and the thiamine running by its routes, or none. The letters said nothing of the chart: a team taking on
    a patient who had a withdrawal seizure the night before, with no thiamine prescribed, had
    neither to watch for nor to prescribe (NICE CG100). Nothing for a patient never on the chart
    this stay."""
    checks = [one for one in CHART.of(db, patient_id) if elapsed.instant(one.checked_at) <= elapsed.instant(at)]
    if not checks:
        return []
    zone = at.tzinfo
    orders = medication.orders_of_each(db, [patient_id], at)[patient_id]
    watch = Watch(patient_id, checks, _thiamine(orders, at))
    said = [watch.latest.text(lang, at, dated=True), *([watch.due_text(lang, at)] if watch.stopped else [])]
    raised = {flag: index for index, one in enumerate(checks) for flag in flags(one.record.data) if flag in RED_FLAGS}
    for flag, index in sorted(raised.items(), key=lambda pair: pair[1]):
        told = next(((one.record.data["doctor_told"], moment) for one in checks[index:]
                     if (moment := told_at(one.record.data)) is not None), None)
        said.append(WORDS["flagged"][lang].format(
            finding=FINDINGS[flag][lang], time=ward_time(checks[index].checked_at, zone, DATED),
            told=WORDS["untold"][lang] if told is None else WORDS["told"][lang].format(
                name=" ".join(told[0].split()), time=ward_time(told[1], zone, DATED))))
    said.extend(_doses(db, patient_id, orders, checks, at, lang))
    said.append(WORDS["thiamine_on"][lang].format(routes=", ".join(sorted(watch.thiamine))) if watch.thiamine
                else WORDS["no_thiamine"][lang])
    return [semicolon(lang).join(said)]


def _symptom_triggered(db: Database, patient_id: str,
                       orders: Sequence[Order]) -> tuple[dict[str, Order], list[Administration]]:
    """A patient's as-required orders of a benzodiazepine (domain.symptom_triggered), by id, and
    the doses the MAR records given on them."""
    as_required = {order.record_id: order for order in orders
                   if order.frequency is Frequency.PRN and symptom_triggered(order.drug)}
    given = [one for one in medication.administrations(db, patient_id)
             if one.order_id in as_required and one.outcome is Outcome.GIVEN] if as_required else []
    return as_required, given


def _dosed(db: Database, patient_id: str, orders: Sequence[Order], checked_at: datetime, at: datetime) -> bool:
    """Whether the MAR records a symptom-triggered dose given from the check at `checked_at` to
    `at`: chlordiazepoxide given on the MAR at 13:10 after a moderate check at 13:00, its box
    left unticked, was "no symptom-triggered dose recorded: give it per protocol", a second dose."""
    return any(elapsed.reached(checked_at, one.at) and elapsed.reached(one.at, at)
               for one in _symptom_triggered(db, patient_id, orders)[1])


def _doses(db: Database, patient_id: str, orders: Sequence[Order], checks: Sequence[Checked], at: datetime,
           lang: Lang) -> list[str]:
    """The symptom-triggered doses of the last 24 hours (`DOSES_OVER`) as the MAR records them,
    each drug with its count and total ("Chlordiazepoxide: 3, 60 mg in all": as-required doses of a
    benzodiazepine, domain.symptom_triggered), and the times of the checks' doses ticked given with
    none on the MAR within `ON_THE_MAR_WITHIN`. The letter counted the ticks: the demo's three,
    with no order behind them, went on as "3" with no drug nor mg, the receiving team's dosing
    need, while the MAR the nurse checked before a next dose had none. The MAR is what was given;
    a tick it lacks is said, not counted, as a dose to find out about, not one to add."""
    as_required, given = _symptom_triggered(db, patient_id, orders)

    def lately(moment: datetime) -> bool:
        return not elapsed.reached(moment, elapsed.earlier(at, DOSES_OVER)) and elapsed.reached(moment, at)

    by_drug: dict[tuple[str, str], list[Administration]] = {}
    for one in given:
        if lately(one.at):
            order = as_required[one.order_id]
            by_drug.setdefault((order.drug, order.dose_unit), []).append(one)
    doses = ", ".join(WORDS["drug_doses"][lang].format(
        drug=drug, count=len(each), unit=unit,
        total=decimal_text(sum(one.dose or as_required[one.order_id].dose for one in each), lang))
        for (drug, unit), each in by_drug.items())
    said = [WORDS["doses"][lang].format(doses=doses or WORDS["no_doses"][lang])]
    ticked = [moment for one in checks if one.record.data.get("dose_given")
              and lately(moment := datetime.fromisoformat(one.record.data["dose_given_at"]))]
    if missing := [moment for moment in ticked
                   if not any(abs(elapsed.between(moment, one.at)) <= ON_THE_MAR_WITHIN for one in given)]:
        said.append(WORDS["not_on_mar"][lang].format(
            times=", ".join(ward_time(moment, at.tzinfo, DATED) for moment in missing)))
    return said


def escalation(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> Escalation[Asking]:
    """What these in-patients' charts ask of the escalation list at `at` (`Watch.asks`)."""
    watches = read(db, patients, at)
    asking = [Asking(patient_id, watch.latest.text(lang, at), said, watch.urgent)
              for patient_id, watch in watches.items() if (said := watch.asks(lang, at))]
    return Escalation(asking, min((coming for watch in watches.values() if (coming := watch.coming(at)) is not None),
                                  key=elapsed.instant, default=None))


def handover(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these in-patients on the chart: the latest check,
    the doctor told on it, what the chart asks, and when the next check is due (or that it is
    overdue, or the chart stopped)."""
    said = {}
    for patient_id, watch in read(db, patients, at).items():
        asks = watch.asks(lang, at)
        due = [] if watch.overdue(at) else [watch.due_text(lang, at)]
        said[patient_id] = semicolon(lang).join([watch.latest.text(lang, at), *watch.told(lang, at.tzinfo), *asks,
                                                 *due])
    return said
