"""What a patient's charts still ask as they leave the hospital (discharged, transferred to
another hospital, or dead: their infusions, patches, lines and devices only), asked of the nurse
before the record is saved: once they have left, the escalation list and the handover sheet no
longer read their charts, and a hypo's recheck due in ten minutes or two levodopa doses missed
went with the patient, told to no one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlite_utils import Database

from downtime.domain.census import StayStatus
from downtime.domain.clock import ward_time
from downtime.domain.medication import DoseState, anticoagulant
from downtime.formspec import FormSpec, Lang
from downtime.formspec.schema import Meaning
from downtime.i18n import QT_TRANSLATE_NOOP, message, semicolon
from downtime.services import (census, chart_alerts, infusion_checks, infusion_rates, lab_results, medication,
                               theatre)
from downtime.services.patients import PatientSummary

WORDS = {"asked": {"en": "Still asked of this patient now:\n{asked}",
                   "fr": "Encore demandé pour ce patient maintenant :\n{asked}"},
         "due_soon": {"en": "DUE AT {due}: {order} (TIME-CRITICAL): give it before the patient leaves, or tell the "
                            "patient or carer when to take it",
                      "fr": "DOSE PRÉVUE À {due} : {order} (HORAIRE CRITIQUE) : la donner avant le départ du patient, "
                            "ou dire au patient ou à son aidant quand la prendre"},
         "due_soon_handed": {"en": "DUE AT {due}: {order} (TIME-CRITICAL): give it before the patient leaves, or "
                                   "tell the team taking over when it is due",
                             "fr": "DOSE PRÉVUE À {due} : {order} (HORAIRE CRITIQUE) : la donner avant le départ du "
                                   "patient, ou dire à l’équipe qui prend le relais quand elle est prévue"},
         "taken_down": {"en": "INFUSION RUNNING: {drug}, {running}: take it down and record its stop",
                        "fr": "PERFUSION EN COURS : {drug}, {running} : la retirer et noter son arrêt"},
         "anticoagulation_after": {"en": "{drug} is an anticoagulant: say on the letter what anticoagulation follows, "
                                         "if any",
                                   "fr": "{drug} est un anticoagulant : préciser sur la lettre le relais "
                                         "anticoagulant éventuel"},
         "continue_or_stop": {"en": "continue, stop or change? …", "fr": "poursuivre, arrêter ou modifier ? …"}}
"""`due_soon`: a time-critical dose falling due within `DUE_SOON` of the patient leaving (the
patient with Parkinson's travelled home through the 18:00 levodopa, nobody prompted: NPSA
RRR009), to tell the patient or carer of at a discharge home (`GOING_HOME`), the team taking over
otherwise (`due_soon_handed`: a transfer's, a move's, a care home's nurses give it). `taken_down`:
an intravenous bag running of a patient going home alone or leaving against advice, whom no team
takes on (`TAKEN_DOWN_AT`). `anticoagulation_after`: an anticoagulant's bag running, with what
anticoagulation follows (the letter said "running at 2 mL/h" of a heparin, and nothing of what
replaced it). `continue_or_stop`: the blank a going-home letter's question of a medicine taken at
home ends with (prefill's reconciliation), asked of before the save (`unfilled`)."""
DUE_SOON = timedelta(hours=1)
GOING_HOME = frozenset({"home", "home_with_support", "against_advice"})
"""The discharge's destinations where the patient or a carer gives the next dose, not a team."""
TAKEN_DOWN_AT = frozenset({"home", "against_advice"})
"""The discharge's destinations where no team takes on an intravenous bag running, taken down
("let it go with the patient" offered a heparin infusion the way home). Not a subcutaneous
syringe driver (`_bag_prompt`): a palliative patient goes home to die with one, the community
nurses running it (rapid discharge at the end of life; the French HAD), and "home" may be that
too: the nurse says which in the stop's reason (`GOING_WITH`), as with support, to a care home,
rehabilitation or another hospital, rather than being told to take down the symptom control and
destroy what is left of the morphine."""
BOOKED = QT_TRANSLATE_NOOP("messages", "Booked: {operation}: tell the patient when to come back, or tell the surgical "
                                       "coordinator to cancel")
BOOKED_ON_LETTER = QT_TRANSLATE_NOOP("messages", "Operation booked: {operation}; {told}")
TOLD_OF_IT = QT_TRANSLATE_NOOP("messages", "what the patient is told of it: …")
"""An operation booked as the letter says it, for the nurse to complete (`TOLD_OF_IT`, a blank:
see `unfilled`): the confirm's words, "tell the patient … or tell the surgical coordinator to
cancel", printed on the letter when not edited, the ward's instruction read by the patient and
the GP."""
UNFILLED = QT_TRANSLATE_NOOP("messages", "LETTER NOT COMPLETED: {field}: “{line}”: fill in the “…”")
RUNNING = QT_TRANSLATE_NOOP("messages", "INFUSION RUNNING: {drug}, {running}: record its stop, or take it down")
GOING_WITH = QT_TRANSLATE_NOOP("messages", "INFUSION RUNNING: {drug}, {running}: take it down or let it go with the "
                                           "patient, and record its stop, saying which in the reason")
"""A living patient's bag running as they leave: a syringe driver goes with them to a hospice or a
care home, and the prompt, which had words only for taking it down, left it unrecorded."""
MOVED = {"bag": {"en": "INFUSION RUNNING: {drug}, {running}: it goes with the patient: tell ward {ward}'s nurse; do "
                        "not chart a stop",
                  "fr": "PERFUSION EN COURS : {drug}, {running} : elle part avec le patient : le dire à l’infirmier(ère) "
                        "du service {ward} ; ne pas noter d’arrêt"},
         "booked": {"en": "Booked: {operation}: the booking stands: tell the surgical coordinator the patient is now "
                          "on ward {ward}",
                    "fr": "Intervention programmée : {operation} : elle est maintenue : dire au coordinateur du bloc "
                          "que le patient est maintenant dans le service {ward}"},
         "due_soon": {"en": "DUE AT {due}: {order} (TIME-CRITICAL): give it before the move, or tell ward {ward}'s "
                            "nurse when it is due",
                      "fr": "DOSE PRÉVUE À {due} : {order} (HORAIRE CRITIQUE) : la donner avant la mutation, ou dire "
                            "à l’infirmier(ère) du service {ward} quand elle est prévue"}}
"""What is asked of a patient moved to a ward another laptop may serve (`still_asked`'s
`moved_to`), who stays in hospital: the discharge's words told the nurse to chart a stop of a bag
still running on the new ward (read there, once the stick came, as a bag no longer up) and to
have the coordinator cancel the operation the patient was moved to be operated from."""
FOR_THE_CORONER = {"en": "INFUSION RUNNING: {drug}, {running}: the death is referred to the coroner: switch it off and "
                         "leave the syringe or bag, and what is in it, with the body for the coroner; record its stop",
                   "fr": "PERFUSION EN COURS : {drug}, {running} : obstacle médico-légal (décès signalé au procureur) : "
                         "l’arrêter et laisser la seringue ou la poche, et son contenu, avec le corps ; tracer son arrêt"}
"""What a death referred to the coroner asks of a bag running (`_bag_prompt`): what is in the syringe
is evidence (a suspected opioid death), and the save asked it taken down and destroyed (Hospice UK,
Care after death 2022)."""
FOLLOW_UP = "follow_up"
"""The discharge's field for the follow-up arranged, which starts with the operations booked."""


def left_at(spec: FormSpec, values: Mapping[str, Any], now: datetime) -> datetime:
    """When the patient leaves by a discharge or transfer-out's answers: the time typed, else
    now, and never later than now. A discharge at 14:00 typed at 22:00 asked the nurse of the
    16:00 and 20:00 levodopa doses, which fell due after the patient had gone. On `now`'s clock (the
    ward's, its summer-time rules), not the fixed offset the time was typed with, which the letters
    and the save's questions say the charts on: a discharge typed at 09:00 (+01:00) on 27/10 said
    a withdrawal seizure charted at 10:00 on 24/10, in summer time, "SEIZURE (24/10/2026 09:00)"."""
    field = spec.by_meaning(Meaning.OCCURRED_AT)
    typed = values.get(field.id) if field is not None else None
    if isinstance(typed, str):
        typed = datetime.fromisoformat(typed)
    return min(now, typed).astimezone(now.tzinfo) if isinstance(typed, datetime) else now


def still_asked(db: Database, forms: dict[str, FormSpec], patient_id: str, at: datetime, lang: Lang, *,
                died: bool = False, blanks: Sequence[str] = (), destination: str | None = None,
                moved_to: str | None = None, coroner: bool = False, unverified: bool = False) -> str | None:
    """What the escalation list asks of the patient at `at`, a line a chart, the doses the
    handover sheet says overdue and not recorded (chart_alerts.doses_overdue: a furosemide IV due
    at 13:30 and the day's amoxicillin went home unasked, the MAR's holes left for good), each
    abnormal result no doctor has seen (lab_results.unseen_asked: the list asks of critical ones),
    each bag still running (a drip up at discharge went unasked, where a unit of blood is
    refused), as `_bag_prompt` asks it by `destination` (None: a transfer to another hospital),
    an anticoagulant's with what anticoagulation follows, each bag's check overdue or found amiss
    with the bag named (its overdue check not of a bag asked taken down), each time-critical dose falling due
    within the hour (`due_soon`), and each operation booked from `at` on (sent home
    on Saturday for Monday's list, nobody told her when to come back), then `blanks` (the
    letter's, see `unfilled`), or None when nothing is (nor when they have left already: a
    discharge typed in afterwards). Of a death (`died`), only the bags, the patches on the skin
    (chart_alerts.patches_on_body: a fentanyl patch was asked of no one) and the lines and devices
    still in (chart_alerts.devices_in_body, by whether the death is referred to the coroner,
    `coroner`, or awaits verification, `unverified`): their stop
    and removal are charted at last offices, and what the charts ask of a living patient is asked
    of no one. Of a move to ward `moved_to` (another laptop's, perhaps), as `MOVED` says it: the
    patient stays in hospital."""
    patient = census.patient_with_location(db, forms, patient_id)
    if patient.stay is not StayStatus.IN:
        return None
    order_form = forms[medication.ORDER_FORM]
    orders = {order.record_id: order for order in medication.orders(db, patient_id, at)}
    running = [(orders[name], bag) for name, bag in infusion_rates.running(db, orders.values(), at, lang).items()]
    alerts = [] if died else chart_alerts.alerts(db, forms, [patient], at, lang, ward=patient.ward, leaving=True).alerts
    # A bag's check named by its bag (two "INFUSION CHECK OVERDUE" lines named neither), its overdue
    # check not asked of a bag this list asks taken down (`_bag_prompt`): one that may go with the
    # patient (a syringe driver, a bag to a care home) needs its last check for the team taking it
    # on. What a check found amiss is still told; its run-out not (infusion_rates.RAN_OUT): the
    # bag's own line below says it, and said twice it asked "record its stop", then "do not chart
    # a stop" of a bag going with the patient.
    taken_down = {order.record_id for order, _ in running
                  if moved_to is None and _bag_prompt(order, destination, died, coroner, lang).taken_down}
    checks = [] if died else [line for asking in infusion_checks.running_checked(
        db, orders.values(), at, forms[infusion_checks.FORM].field(infusion_checks.SITE), lang)
        if (line := infusion_checks.named(asking, order_form, at, lang,
                                          overdue=asking.order.record_id not in taken_down, run_out=False)) is not None]
    asked = [*(f"• {semicolon(lang).join(alert.said)}" for alert in alerts if alert.form_id != infusion_checks.FORM),
             *(f"• {line}" for line in checks),
             *(f"• {said}" for said in ([] if died else [
                 *chart_alerts.doses_overdue(db, forms, [patient], at, lang).values(),
                 *_due_soon(db, forms, patient, at, lang, MOVED["due_soon"] if moved_to is not None
                            else WORDS["due_soon" if destination in GOING_HOME else "due_soon_handed"], moved_to),
                 *lab_results.unseen_asked(db, forms, patient_id, at, lang)])),
             *("• " + MOVED["bag"][lang].format(drug=medication.order_label(order, order_form, lang), running=bag,
                                                ward=moved_to)
               for order, bag in running if moved_to is not None),
             *(f"• {prompt.format(drug=medication.order_label(order, order_form, lang), running=bag)}"
               + (f"\n  {message(lang, controlled, drug=order.drug)}" if order.controlled and controlled else "")
               + (f"\n  {WORDS['anticoagulation_after'][lang].format(drug=order.drug)}"
                  if not died and anticoagulant(order.drug) else "")
               for order, bag in running if moved_to is None
               for prompt, controlled, _ in [_bag_prompt(order, destination, died, coroner, lang)]),
             *(f"• {said}" for said in (chart_alerts.patches_on_body(db, forms, patient_id, at, lang, at.tzinfo,
                                                                     coroner)
                                        if died else [])),
             *(f"• {said}" for said in (chart_alerts.devices_in_body(db, forms, patient_id, at, lang, coroner,
                                                                     unverified)
                                        if died else [])),
             *(f"• {MOVED['booked'][lang].format(operation=operation, ward=moved_to)}" if moved_to is not None
               else f"• {message(lang, BOOKED, operation=operation)}"
               for operation in ([] if died else theatre.booked_from(db, forms, patient_id, at, lang))),
             *(f"• {blank}" for blank in blanks)]
    return WORDS["asked"][lang].format(asked="\n".join(asked)) if asked else None


class BagPrompt(NamedTuple):
    """What is asked of a bag running as the patient leaves (`_bag_prompt`)."""

    prompt: str
    controlled: str | None
    """Of a controlled drug's, the reminder of what is left (infusion_rates.CD_LEFT, CD_GONE; None:
    left with the body for the coroner)."""
    taken_down: bool
    """Asked taken down, not gone with the patient: its overdue check is not asked (`still_asked`)."""


def _bag_prompt(order: medication.Order, destination: str | None, died: bool, coroner: bool,
                lang: Lang) -> BagPrompt:
    """What is asked of a bag running as the patient leaves for `destination` (None: a transfer),
    and, of a controlled drug's, the reminder of what is left: at a death, its stop, and of one
    referred to the coroner (`coroner`) the bag left with the body, nothing destroyed
    (`FOR_THE_CORONER`); taken down where no team takes it on (`TAKEN_DOWN_AT`), but a
    subcutaneous syringe driver, which may go anywhere; else taken down or gone with the patient,
    saying which (`GOING_WITH`)."""
    if died and coroner:
        return BagPrompt(FOR_THE_CORONER[lang], None, True)
    if died:
        return BagPrompt(message(lang, RUNNING), infusion_rates.CD_LEFT, True)
    if destination in TAKEN_DOWN_AT and order.route.upper() != "SC":
        return BagPrompt(WORDS["taken_down"][lang], infusion_rates.CD_LEFT, True)
    return BagPrompt(message(lang, GOING_WITH), infusion_rates.CD_GONE, False)


def _due_soon(db: Database, forms: dict[str, FormSpec], patient: PatientSummary, at: datetime,
              lang: Lang, said: Mapping[str, str], ward: str | None) -> list[str]:
    """Each time-critical dose the round lists not recorded and falling due within `DUE_SOON` of
    `at` (those already late are the escalation list's), as `said` says it: `due_soon` (to the
    patient or carer), `due_soon_handed` (to the team taking over), or `MOVED`'s (to the nurse
    of `ward`, the patient moved there)."""
    order_form = forms[medication.ORDER_FORM]
    return [said[lang].format(due=ward_time(item.slot, at.tzinfo, "%H:%M"), ward=ward,
                              order=medication.order_label(item.order, order_form, lang))
            for item in (medication.round_list(db, forms, patient.ward, at, ahead=DUE_SOON) if patient.ward else [])
            if item.patient.patient_id == patient.patient_id and item.order.time_critical
            and item.state in (DoseState.UPCOMING, DoseState.DUE) and not item.missed]


def first_answers(db: Database, forms: dict[str, FormSpec], spec: FormSpec, patient_id: str, at: datetime,
                  lang: Lang) -> dict[str, Any]:
    """A discharge's follow-up starting with each operation booked from `at` on, for the nurse to
    say what the patient is told of it (`BOOKED_ON_LETTER`): the follow-up box started empty, and
    only the theatre board said, later, that she had gone."""
    booked = theatre.booked_from(db, forms, patient_id, at, lang)
    if FOLLOW_UP not in spec.field_ids or not booked:
        return {}
    return {FOLLOW_UP: "\n".join(message(lang, BOOKED_ON_LETTER, operation=operation, told=message(lang, TOLD_OF_IT))
                                 for operation in booked)}


def unfilled(spec: FormSpec, values: Mapping[str, Any], lang: Lang) -> list[str]:
    """Each line of the letter's answers still ending in a blank its prefill left for the nurse
    (who follows a result awaited up: lab_results.WORDS["followed_by"]; what the patient is told
    of an operation booked: TOLD_OF_IT; whether a medicine taken at home that no order in force
    gives as taken goes on: WORDS["continue_or_stop"]), in either language, to ask of before the save: saved as
    they stood, the GP's copy printed "followed up by: …", the result still named no one to act
    on it, and nothing had asked."""
    blanks = [*lab_results.WORDS["followed_by"].values(), *(message(other, TOLD_OF_IT) for other in ("en", "fr")),
              *WORDS["continue_or_stop"].values()]
    return [message(lang, UNFILLED, field=field.label.get(lang), line=line)
            for field in spec.fields() if isinstance(answer := values.get(field.id), str)
            for line in answer.splitlines() if line.rstrip().endswith(tuple(blanks))]
