"""The in-patients whose neurological observations, blood glucose, blood transfusion, fluid
balance, repositioning, wounds, lines and catheters, pain, bowels, paediatric observations, falls or laboratory
results ask something now: a set that needs a
doctor, a next set overdue, a hypo, ketones to check or tell, a hypo's recheck or the next glucose
reading overdue, a unit's observations overdue, a unit running at 4 hours, a reaction to report, a critical result no
doctor is told of yet, a sample whose result is overdue, an acute kidney injury a creatinine rise
shows (with the medicines to review), a low urine output measured hourly,
a fluid restriction exceeded or bladder irrigant not returned, a change of position overdue,
none charted for a patient at risk, or
pressure damage found, a wound infected or worse or
its dressing overdue, a line or catheter with phlebitis, an infected or faulty site, no longer
needed or its check overdue, a urinary catheter out 6 hours with no urine charted since, a
nasogastric tube out, none in since, while medicines or a feed go by it, loose
stools that may be infective, blood in the stool or bowels not opened for three days, pain that
matters left untreated or its reassessment overdue, a child's
paediatric early warning score of 8 or more, someone worried, a child not alert, the next set
overdue, a patient missing from the ward (a HIGH-risk one whose police are not told first of all)
or back and not reviewed by a doctor, a fall whose care is not all done (a possible fracture, a
possible head injury on an anticoagulant, neuro obs or observations not started, no doctor's examination yet), a VTE risk
assessment not made 14 hours after admission, its reassessment due, its medicine not prescribed or
stockings after an acute stroke, a 4AT finding possible delirium, a child's weight estimated or out of date on IV
fluids, an alcohol withdrawal check overdue, its red flags
(a seizure, delirium tremens, consciousness falling), a severe score or a patient unable to be
assessed no doctor is told of, no dose after a moderate score, no thiamine prescribed, a
time-critical medicine's dose late, overdue or not given, an order an allergy recorded since it
was written matches, not reviewed by its prescriber (medication.allergies_unreviewed), a medicine taken before admission no
order covers a day after admission (at once for a time-critical one: home_medicines), a running infusion or syringe driver's
check overdue or its last check finding something amiss, any other dose recorded not given, an antibiotic or an as-required opioid past its
review, a medicine given covertly past its decision's review, a telephone order not countersigned a day
after it was taken, a NEWS2 of 5 or more not screened for sepsis, red
flag sepsis whose Sepsis Six or doctor's review is not all done within the hour. The nurse in
charge reads them beside the NEWS2 escalation list: on paper each was on its patient's chart
alone, seen when that chart was next opened. And the patients who left the ward with a critical
result no doctor is told of, or alive with an abnormal one no doctor has seen: the laboratory
phones the ward the sample came from, hours after a discharge; and those who died on it whose
family is not told, certificate not done or implanted device not known (`deaths_unfinished`).
And, for the handover sheet, each patient's doses the medication round has overdue
(`doses_overdue`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import zip_longest
from datetime import datetime, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import ward_time
from downtime.domain import elapsed
from downtime.domain.medication import (Administration, DoseState, Frequency, NotGivenReason,
                                       Order, Outcome, Review, RoundPolicy, given_when_fasting, dose_state,
                                       left_out_with_meals, policy_for, prn_given, review_asked, review_due,
                                       review_due_at, same_medicine, spaced_from_as_required)
from downtime.domain.census import Location, StayStatus
from downtime.domain.fluid_balance import chart_day
from downtime.domain.lab_results import Flag
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.transfusion import Sign as TransfusionSign, signs as transfusion_signs
from downtime.formspec import FormSpec, Lang
from downtime.i18n import QT_TRANSLATE_NOOP, message, semicolon, stay_word
from downtime.services import (alcohol_withdrawal, bowels, capacity, census, covert, delirium, devices, falls, falls_risk, fluid_balance, followed, glucose,
                               home_medicines, infusion_checks, infusion_rates, lab_results, medication,
                               missing_patient, neuro, observations, pain, pews, repositioning,
                               safeguarding, sepsis, settings, swallow_screen, telephone_orders, transfusion, vte, wounds)
from downtime.services import enhanced_observation
from downtime.services import since_admission, weight
from downtime.services.patients import PatientSummary
from downtime.services.search import sort_key
from downtime.storage.records import current_of, list_current

DOSES_OVERDUE = {"en": "DOSES OVERDUE, NOT RECORDED: {doses}", "fr": "DOSES EN RETARD, NON TRACÉES : {doses}"}
GIVE_OR_RECORD = {False: {"en": "give or record it on the round",
                          "fr": "la donner ou la tracer au tour des médicaments"},
                  True: {"en": "give or record the latest on the round, record the others (given on paper, or not "
                               "given and why)",
                         "fr": "donner ou tracer la dernière au tour des médicaments, tracer les autres (données "
                               "sur papier, ou non données et pourquoi)"}}
"""What is done of an order's doses overdue within the round's window: its latest given or recorded,
any other of the order (earlier in the window, or missed) recorded (True): "give or record the
others on the round" of paracetamol's 10:00, 14:00 and 18:00 doses, followed as written, was 3 g
at once."""
MISSED_NOT_LATE = {"en": "do not give those MISSED late: tell the prescriber",
                   "fr": "ne pas donner en retard celles OMISES : prévenir le prescripteur"}
"""Said after `GIVE_OR_RECORD` of an order whose doses overdue within the window follow some missed."""
RECORD_MISSED = {"en": "record each MISSED (given on paper, or not given and why), do not give it late: tell the "
                       "prescriber",
                 "fr": "tracer chaque dose OMISE (donnée sur papier, ou non donnée et pourquoi), ne pas la donner en "
                       "retard : prévenir le prescripteur"}
"""What is done of a dose missed past the round's window: accounted for, not given late, taken to
the prescriber (the README's round). "Give or record each" was said of a paracetamol 49 hours old
and an enoxaparin missed overnight: a double dose, an anticoagulant at the wrong time."""
HELD_FOR = {"en": "HELD: {why} — prescriber to decide", "fr": "SUSPENDUE : {why} — décision du prescripteur"}
"""What is said of an order's doses overdue while its levels, a potassium, an INR or an AKI hold it
(`medication.holding`, why as the printed MAR's order box says it: `medication.on_chart`), as the
round and the sheet's own potassium line say it held: no dose to give or record on the round."""
NOT_BY_MOUTH = {False: {"en": "{why}: not by mouth — ask the doctor for another route, or record it not given",
                        "fr": "{why} : pas par la bouche — demander au médecin une autre voie, ou la tracer non "
                              "donnée"},
                True: {"en": "{why}: not by mouth — ask the doctor for another route, or record them not given",
                       "fr": "{why} : pas par la bouche — demander au médecin une autre voie, ou les tracer non "
                             "données"}}
"""What is said of an order's doses by mouth overdue while the patient is nil by mouth (on admission
or a swallow screen failed, each for its routes: `medication.nil_by_mouth`, `{why}`), as the time-critical list asks
(`medication.ANOTHER_ROUTE`)."""
REPLACED_THEN = {False: {"en": "{later}: record it (given on paper, or not given and why), do not give it late",
                         "fr": "{later} : la tracer (donnée sur papier, ou non donnée et pourquoi), ne pas la "
                               "donner en retard"},
                 True: {"en": "{later}: record them (given on paper, or not given and why), do not give them late",
                        "fr": "{later} : les tracer (données sur papier, ou non données et pourquoi), ne pas les "
                              "donner en retard"}}
"""What is said of an order's doses overdue that a dose of the medicine given or due since replaced
(`_replaced_by`, `{later}` it: `medication.LATER_DOSE`), as the time-critical list says it
(`medication.REPLACED_WORDS`)."""
MISSED = {"en": "MISSED, over {hours} h", "fr": "OMISE, plus de {hours} h"}
DOSES_NOT_GIVEN = {"en": "DOSES NOT GIVEN: {doses}", "fr": "DOSES NON ADMINISTRÉES : {doses}"}
DOSE_NOT_GIVEN = {"en": "{dose}: {said}", "fr": "{dose} : {said}"}
NOT_GIVEN = {"en": "NOT GIVEN ({why}) — {then}", "fr": "NON ADMINISTRÉE ({why}) — {then}"}
TELL_THE_PRESCRIBER = {"en": "tell the prescriber", "fr": "prévenir le prescripteur"}
OFFER_IT_AGAIN = {"en": "offer it again", "fr": "la proposer de nouveau"}
FOLLOW_UP = {NotGivenReason.UNAVAILABLE: {"en": "get it from pharmacy, or tell the prescriber",
                                          "fr": "l’obtenir de la pharmacie, ou prévenir le prescripteur"},
             NotGivenReason.ASLEEP: OFFER_IT_AGAIN, NotGivenReason.PATIENT_AWAY: OFFER_IT_AGAIN}
"""What the day team does of a dose not given, by its reason; any other (refused, vomited, nil by
mouth, other) `TELL_THE_PRESCRIBER`: the paper MAR's circled codes are what the morning nurse
scanned for, and a dose recorded not given left every list once saved."""
MISSED_RUN = {"en": "{first} to {last} ({count} MISSED, over {hours} h{marks})",
              "fr": "du {first} au {last} ({count} OMISES, plus de {hours} h{marks})"}
MISSED_LISTED = 2
"""An order's doses missed said one by one up to this many, those with nothing to check first and
those to check on the paper each; more are counted from the first to the last: a patient whose
doses no one recorded for a day had a line of a dozen, and one whose orders were copied from the
paper chart one and a half pages of the handover sheet."""
ON_PAPER = {"en": "check the paper first", "fr": "vérifier d’abord le papier"}
HELD = {"en": "another laptop recorded it otherwise: check it first",
        "fr": "un autre portable l’a tracée autrement : la vérifier d’abord"}
REVIEW_WORDS = {
    Review.ANTIBIOTIC: {"en": "REVIEW ANTIBIOTIC: {order}, day {day} (started {started}), review due {due} — the "
                              "doctor reviews it and writes its next review date, or stops it",
                        "fr": "RÉÉVALUER L’ANTIBIOTIQUE : {order}, jour {day} (débuté le {started}), réévaluation "
                              "prévue le {due} — le médecin le réévalue et écrit sa prochaine date de réévaluation, "
                              "ou l’arrête"},
    Review.AS_REQUIRED_OPIOID: {"en": "REVIEW AS-REQUIRED OPIOID: {order}, day {day} (started {started}), review due "
                                      "{due} — the doctor reviews it and writes its next review date, or stops it",
                                "fr": "RÉÉVALUER L’OPIOÏDE SI BESOIN : {order}, jour {day} (débuté le {started}), "
                                      "réévaluation prévue le {due} — le médecin le réévalue et écrit sa prochaine "
                                      "date de réévaluation, ou l’arrête"},
}
"""What the escalation list and the handover sheet say of an order past its review
(domain.medication.review_due): an antibiotic at 72 hours or its review date, an as-required
opioid after a week or its review date."""
REVIEW_OVERDUE = {
    Review.ANTIBIOTIC: {"en": "REVIEW OVERDUE (due {due}): day {day} of antibiotics",
                        "fr": "RÉÉVALUATION EN RETARD (prévue le {due}) : jour {day} d’antibiotique"},
    Review.AS_REQUIRED_OPIOID: {"en": "REVIEW OVERDUE (due {due}): day {day} of the as-required opioid",
                                "fr": "RÉÉVALUATION EN RETARD (prévue le {due}) : jour {day} de l’opioïde si besoin"},
}
"""What the printed MAR's order box, which names the order and its start already, says of one past
its review (`review_said`)."""
PATCH_STILL_ON = {"en": "PATCH STILL ON: {order}, applied {time}, {site} — its order is stopped: remove it, and "
                        "record it removed (the order's dose not given, previous patch removed)",
                  "fr": "PATCH TOUJOURS EN PLACE : {order}, posé le {time}, {site} — sa prescription est arrêtée : "
                        "le retirer, et tracer son retrait (dose de la prescription non administrée, patch précédent "
                        "retiré)"}
"""What the escalation list and the handover sheet say of a patch applied whose order is stopped
and which no one has recorded taken off (services.medication.patches_on_now): a fentanyl patch
stays on the skin, and goes on giving, after its order is stopped."""
NO_SITE = {"en": "site not recorded", "fr": "site non renseigné"}
PATCH_ON_BODY = {"last_offices": {
    "en": "PATCH ON: {order}, {site}, applied {time}: take it off at last offices and record it removed "
          "(the order's dose not given, previous patch removed)",
    "fr": "PATCH EN PLACE : {order}, {site}, posé le {time} : le retirer lors de la toilette mortuaire "
          "et tracer son retrait (dose de la prescription non administrée, patch précédent retiré)"},
    "coroner": {"en": "PATCH ON: {order}, {site}, applied {time}: the death is referred to the coroner: leave it on "
                      "for the coroner",
                "fr": "PATCH EN PLACE : {order}, {site}, posé le {time} : obstacle médico-légal (décès signalé au "
                      "procureur) : le laisser en place"}}
"""What is asked of a patch on the patient at their death (`patches_on_body`), before the death is
saved (services.leaving) and among its tasks after, until its removal is charted, or, of a death
referred to the coroner, left on for the coroner, no task (as lines are, `DIED_WITH`): a fentanyl
patch on the body was asked of no one, and the controlled drug, most of it still in the patch,
went to the mortuary unaccounted for (Hospice UK, Care after death 2022; NICE NG46). Nothing is
asked of its destruction: the CD register keeps no patch as wastage (cd_register), and a task
"destroy it, witnessed" cleared with its removal, the destruction recorded nowhere."""
BAG_PUT_UP = QT_TRANSLATE_NOOP("messages", "{drug} put up {time}")
"""A bag under "Left the ward", as its line names it."""
ASKING_FLAGS = (Flag.CRITICAL, Flag.ABNORMAL)
"""The flags of a result that asks a doctor while none is told of it (domain.lab_results.signs)."""
DEATH_FORM = "death"
DEATH_WORDS = {
    "died": {"en": "Died {time}", "fr": "Décès le {time}"},
    "unverified": {"en": "DEATH NOT VERIFIED YET: call the doctor",
                   "fr": "DÉCÈS NON ENCORE CONSTATÉ : appeler le médecin"},
    # An expected death the coroner need not hear of may be verified by a registered nurse trained
    # to (RCN 2019, AoMRC 2008: death form v5's verifier_role); in France the doctor alone.
    "unverified_expected": {"en": "DEATH NOT VERIFIED YET: call the doctor, or a registered nurse trained to verify "
                                  "an expected death",
                            "fr": "DÉCÈS NON ENCORE CONSTATÉ : appeler le médecin"},
    "family": {"en": "NEXT OF KIN NOT TOLD", "fr": "FAMILLE NON PRÉVENUE"},
    "certificate": {"en": "death certificate not done", "fr": "certificat de décès non établi"},
    "device_unknown": {"en": "implanted device not known: find out and tell the mortuary",
                       "fr": "dispositif implanté inconnu : le rechercher et prévenir la chambre mortuaire"},
    "device": {"en": "implanted device ({detail}): switch an ICD off, tell the mortuary, then answer Yes to "
                     "“{asked}”",
               "fr": "dispositif implanté ({detail}) : désactiver un défibrillateur, prévenir la chambre mortuaire, "
                     "puis répondre Oui à « {asked} »"},
    "device_named": {"en": "implanted device ({detail}): tell the mortuary",
                     "fr": "dispositif implanté ({detail}) : prévenir la chambre mortuaire"},
    "amend": {"en": "amend the death record once done", "fr": "corriger la fiche de décès une fois fait"},
}
"""What the escalation list and the handover sheet say of a death whose tasks are not all done
(`deaths_unfinished`), under "Left the ward". `device`: a task of a death first saved under the
form's version 5 (census.FINDINGS_ASKED), which asks `DEVICE_DEALT_WITH`; one of version 4 names its
device among its other tasks (`device_named`), as it did, and finished stays finished."""
DEVICE_DEALT_WITH = "device_dealt_with"


@dataclass(frozen=True)
class ChartAlert:
    """`form_id`: the chart's form (neuro.FORM, glucose.FORM, transfusion.FORM, lab_results.FORM or
    REQUEST_FORM, fluid_balance.FORM, repositioning.FORM, wounds.FORM, devices.FORM, pain.FORM,
    bowels.FORM, pews.FORM, falls.FORM, missing_patient.FORM, sepsis.FORM, medication.ORDER_FORM, vte.FORM,
    delirium.FORM, DEATH_FORM, infusion_checks.FORM, alcohol_withdrawal.FORM, enhanced_observation.FORM, safeguarding.FORM,
    weight.FORM);
    `latest`: its latest reading in words and when it was taken (a result or a sample, a wound,
    a device: the one asking)."""

    patient: PatientSummary
    form_id: str
    latest: str
    said: list[str]
    urgent: bool = False
    """Set by its chart when what it asks is to be done now, whatever its words: a hypo's "treat
    now", or its recheck overdue, came below a routine check 20 minutes late in a lower bed (see
    `asks_a_doctor_now`, which the charts saying "doctor now" are still ranked by)."""
    first: bool = False
    """Listed before every other line, urgent ones included: a HIGH-risk patient missing from the
    ward whose police call is overdue (services.missing_patient.Open), each minute counting."""


@dataclass(frozen=True)
class ChartAlerts:
    alerts: list[ChartAlert]
    next_due: datetime | None
    """When the next set or recheck not overdue yet falls due: the list is read again then."""


def alerts(db: Database, forms: dict[str, FormSpec], in_hospital: Sequence[PatientSummary], at: datetime, lang: Lang,
           *, ward: str | None, leaving: bool = False) -> ChartAlerts:
    """Those of `in_hospital` (`ward`'s in-patients at `at`, every ward's when None, as
    `census.in_patients` gives them, which the escalation tab reads once for its NEWS2 lists and
    this) whose chart asks something at `at`, those asking for a doctor now (`asks_a_doctor_now`)
    or to act now (`ChartAlert.urgent`: a hypo, an insulin infusion stopped with no insulin
    since) first, then the others; each in the census's
    order (by ward and bed), then the patients who left from `ward` with a critical result no
    doctor is told of (`left_untold`). Asked of one patient `leaving` (leaving.still_asked): not
    those who left (the discharge's confirm read everyone who ever left the ward to keep none of
    them), nor a home medicine held or stopped at reconciliation that is not time-critical, never to
    be charted, asked as open work at discharge though the letter says it, nor a child's weight to
    take again (a child going home was asked to be weighed)."""
    patients = {patient.patient_id: patient for patient in in_hospital}
    found, due = [], []
    for patient_id, sets in neuro.charts(db, patients).items():
        latest = sets[-1]
        if said := neuro.asking(latest, at, lang):
            found.append(ChartAlert(patients[patient_id], neuro.FORM,
                                    f"{latest.gcs.text(lang)} {ward_time(latest.taken_at, at.tzinfo)}"
                                    if latest.not_done is None else latest.text(lang, at.tzinfo),
                                    said, urgent=latest.urgent))
        if (coming := latest.coming(at)) is not None:
            due.append(coming)
    readings_of, insulins_of = glucose.watched(db, patients, at)
    on_insulin = glucose.unwatched(insulins_of, readings_of, at)
    for patient_id, readings in readings_of.items():
        latest = readings[-1]
        insulins = insulins_of.get(patient_id, [])
        if said := glucose.asking(readings, at, lang, insulins) + glucose.unwatched_asks(
                on_insulin.get(patient_id), at, lang):
            found.append(ChartAlert(patients[patient_id], glucose.FORM, f"{latest.text(lang)} {latest.when()}",
                                    said, urgent=glucose.urgent(latest, insulins, at)))
        if (coming := glucose.coming(readings, at)) is not None:
            due.append(coming)
    for patient_id, since in on_insulin.items():
        if said := glucose.unwatched_asks(since, at, lang):
            if patient_id not in readings_of:
                found.append(ChartAlert(patients[patient_id], glucose.FORM, glucose.WORDS["none"][lang], said))
        else:
            due.append(elapsed.later(since, glucose.UNWATCHED_AFTER))
    charted = transfusion.charts(db, patients)
    for patient_id, units in charted.items():
        if said := transfusion.asking(units, at, lang):
            latest_unit = units[-1]
            found.append(ChartAlert(patients[patient_id], transfusion.FORM,
                                    f"{latest_unit.what(forms[transfusion.FORM], lang)} "
                                    f"{latest_unit.state(forms[transfusion.END_FORM], lang)}", said,
                                    urgent=_transfusion_urgent(units, at)))
        if (coming := transfusion.next_after(units, at)) is not None:
            due.append(coming)
    reactions = transfusion.reactions_untold(db)
    found += [_reaction(patients[patient_id], one, forms, lang)
              for patient_id, units in transfusion.earlier_untold(reactions, charted).items() if patient_id in patients
              for one in units]
    results_of = lab_results.charts(db, patients)
    for patient_id, results in results_of.items():
        found.extend(ChartAlert(patients[patient_id], lab_results.FORM, one.heading(lang, at.tzinfo), one.said(lang))
                     for one in lab_results.critical_untold(results))
    found.extend(ChartAlert(patients[patient_id], lab_results.FORM, sign.text(lang, at.tzinfo),
                            [sign.said(lang, at.tzinfo)])
                 for patient_id, sign in lab_results.aki_signs(db, patients, at, results_of).items())
    for patient_id, sent in lab_results.samples_of(db, patients).items():
        found.extend(ChartAlert(patients[patient_id], lab_results.REQUEST_FORM,
                                one.line(forms[lab_results.REQUEST_FORM], lang, at.tzinfo),
                                [one.state(forms[lab_results.REQUEST_FORM], at, lang)])
                     for one in lab_results.overdue(sent, at))
        if (coming := lab_results.next_due(sent, at)) is not None:
            due.append(coming)
    for patient_id, areas in repositioning.pressure_areas(db, patients).items():
        if said := areas.asks(at, lang):
            found.append(ChartAlert(patients[patient_id], repositioning.FORM,
                                    areas.line(forms[repositioning.FORM], lang, at.tzinfo), said))
        if (coming := areas.coming(at)) is not None:
            due.append(coming)
    wounds_spec, devices_spec = forms[wounds.FORM], forms[devices.FORM]
    device_looks = devices.charts(db, patients)
    for form_id, charted, line, next_asks in (
            (wounds.FORM, wounds.charts(db, patients),
             lambda one: f"{one.text(wounds_spec, lang, at.tzinfo)} {ward_time(one.assessed_at, at.tzinfo)}",
             followed.coming),
            (devices.FORM, device_looks, lambda one: one.text(devices_spec, lang, at.tzinfo), devices.coming)):
        for patient_id, looks in charted.items():
            found.extend(ChartAlert(patients[patient_id], form_id, line(one), said)
                         for one in followed.still_open(looks) if (said := one.asks(forms[form_id], at, lang)))
            if (coming := next_asks(looks, at)) is not None:
                due.append(coming)
    for patient_id, looks in device_looks.items():
        if (removed := devices.awaiting_void(looks)) is None:
            continue
        if elapsed.reached(removed.void_due_at, at):
            found.append(ChartAlert(patients[patient_id], devices.FORM, removed.text(devices_spec, lang, at.tzinfo),
                                    [removed.void_said(devices_spec, at, lang)]))
        elif removed.void_due_at is not None:
            due.append(removed.void_due_at)
    # A nasogastric tube out, none in since, while medicines or a feed go by it (services.devices.tubes_needed):
    # urgent but of as-required orders alone, the doctor asked for another route or a tube re-passed
    # before the dose falls due.
    for patient_id, needed in devices.tubes_needed(db, device_looks, at, lang).items():
        found.append(ChartAlert(patients[patient_id], devices.FORM, needed.removal.text(devices_spec, lang, at.tzinfo),
                                [needed.said], urgent=needed.urgent))
        if needed.changes_at is not None:
            due.append(needed.changes_at)
    for patient_id, latest_pain in pain.latest_each(db, patients, at).items():
        if said := latest_pain.asks(forms[pain.FORM], at, lang):
            found.append(ChartAlert(patients[patient_id], pain.FORM, latest_pain.line("alert", forms[pain.FORM], lang),
                                    said))
        if not latest_pain.overdue(at):
            due.append(latest_pain.due_at)
    children = pews.charts(db, patients)
    # A plan limiting escalation (comfort care, a ward ceiling) is said on the line, as NEWS2's
    # list says it, and its call is not ranked first: a dying child's PEWS topped the list at every set.
    limited = observations.limiting(db, [patients[patient_id] for patient_id in children], at)
    for patient_id, lines in children.items():
        born = patients[patient_id].birth_date
        if said := pews.asking(lines, born, forms[pews.FORM], at, lang):
            # Who was told is asked only of a chart calling the doctor (PEWS 8 or more, a red flag,
            # not alert, someone worried): that line is to act on now, until a doctor reviews the
            # child on the calling set or a later one (`plan_by`).
            who = pews.told(lines, born, forms[pews.FORM], at, lang)
            plan = limited.get(patient_id)
            calling = pews.calling(lines, born, forms[pews.FORM], at, lang)
            found.append(ChartAlert(patients[patient_id], pews.FORM, pews.state(lines, born, forms[pews.FORM], at, lang),
                                    [*said, *pews.told_text(who, lang), *([plan.text(lang, at.tzinfo)] if plan else [])],
                                    urgent=bool(calling) and plan is None and not any(one.plan_by for one in calling)))
        if (coming := pews.coming(lines, at)) is not None:
            due.append(coming)
    unseen = pews.uncharted(patients.values(), children, at)
    first = observations.first_due(db, unseen)  # a child loaded from the EHR's snapshot: from the load
    found.extend(ChartAlert(child, pews.FORM, pews.WORDS["none"][lang],
                            [pews.first_set_asked(child, at, lang, first[child.patient_id])]) for child in unseen)
    for patient_id, lines in bowels.charts(db, patients).items():
        if said := bowels.asking(lines, forms[bowels.FORM], at, lang):
            found.append(ChartAlert(patients[patient_id], bowels.FORM, bowels.state(lines, forms[bowels.FORM], at, lang),
                                    said))
        if (coming := bowels.coming(lines, at)) is not None:
            due.append(coming)
    order_form = forms[medication.ORDER_FORM]
    # A patient missing from the ward, or back and not reviewed by a doctor (services.missing_patient):
    # the time-critical doses the return line names are its alone.
    missing = missing_patient.open_records(db, forms, list(patients), at, lang)
    time_critical = medication.time_critical(db, patients, at)
    for patient_id, critical in missing_patient.unsaid_on_return(time_critical, missing).items():
        found.extend(ChartAlert(patients[patient_id], medication.ORDER_FORM,
                                f"{medication.order_label(order, order_form, lang)} {ward_time(cell.slot, at.tzinfo)}",
                                [critical.said(cell, forms[medication.DOSE_FORM], lang)], urgent=not critical.told(cell))
                     for order, cell in critical.each)
        if critical.next_change is not None:
            due.append(critical.next_change)
    for patient_id, uncharted in home_medicines.unreconciled(db, list(patients.values()), at).items():
        if (said := (replace(uncharted, reconciled=()) if leaving else uncharted).said(at, lang)) is not None:
            found.append(ChartAlert(patients[patient_id], medication.ORDER_FORM, home_medicines.WORDS["heading"][lang],
                                    [said], urgent=bool(uncharted.critical)))
        if not elapsed.reached(uncharted.due_at, at):
            due.append(uncharted.due_at)
    found.extend(ChartAlert(patients[patient_id], medication.ORDER_FORM,
                            medication.order_label(order, forms[medication.ORDER_FORM], lang), [said], urgent=True)
                 for patient_id, unreviewed in medication.allergies_unreviewed(db, forms, lang, list(patients.values()),
                                                                               at).items()
                 for order, said in unreviewed)
    found.extend(ChartAlert(patients[patient_id], medication.ORDER_FORM, label, [said])
                 for patient_id, said_of in not_given(db, forms, list(patients), at, lang).items()
                 for label, said in said_of)
    reviews = reviews_due(db, forms, list(patients), at, lang)
    found.extend(ChartAlert(patients[patient_id], medication.ORDER_FORM, label, [said])
                 for patient_id, said_of in reviews.said.items() for label, said in said_of)
    due.extend(reviews.next_due)
    # A covert decision's review reached, as the round says it (services.covert.reviews_due).
    covert_reviews = covert.reviews_due(db, forms, list(patients), at, lang)
    found.extend(ChartAlert(patients[patient_id], medication.ORDER_FORM, label, [said])
                 for patient_id, said_of in covert_reviews.said.items() for label, said in said_of)
    if covert_reviews.next_due is not None:
        due.append(covert_reviews.next_due)
    # An order given covertly that no capacity assessment supports, and a lack of capacity whose
    # review is reached (services.capacity).
    capacities = capacity.escalation(db, forms, list(patients), at, lang)
    found.extend(ChartAlert(patients[one.patient_id], one.form_id, one.latest, one.said, urgent=one.urgent)
                 for one in capacities.asking)
    if capacities.next_change is not None:
        due.append(capacities.next_change)
    # A safeguarding concern whose referral is not made or whose safeguarding team is not told
    # (services.safeguarding): due by its working day, at once for a child or an immediate danger;
    # asked of a patient `leaving` named, and kept after they left (`left_untold`).
    concerns = safeguarding.escalation(db, list(patients), at, lang, leaving=leaving)
    found.extend(ChartAlert(patients[one.patient_id], safeguarding.FORM, one.latest, one.said, urgent=one.urgent)
                 for one in concerns)
    due.extend(one.next_change for one in concerns if one.next_change is not None)
    found.extend(ChartAlert(patients[patient_id], medication.ORDER_FORM, label, [said])
                 for patient_id, said_of in patches_left_on(db, forms, list(patients), at, lang).items()
                 for label, said in said_of)
    # A running infusion or syringe driver whose check is overdue, or whose last check found
    # something amiss (services.infusion_checks); a comfort-care patient's too: a syringe driver
    # matters most there.
    for patient_id, theirs in medication.orders_of_each(db, list(patients), at).items():
        for asking in infusion_checks.running_checked(db, theirs, at, forms[infusion_checks.FORM].field(
                infusion_checks.SITE), lang):
            if said := asking.said(at, lang):
                found.append(ChartAlert(patients[patient_id], infusion_checks.FORM,
                                        asking.bag_named(order_form, at, lang), said))
            due.extend(moment for moment in (asking.due_at, asking.runs_until)
                       if moment is not None and not elapsed.reached(moment, at))
    for patient_id, orders in telephone_orders.awaiting_orders(db, patients).items():
        found.extend(ChartAlert(patients[patient_id], medication.ORDER_FORM,
                                medication.order_label(order, order_form, lang), [said])
                     for order in orders if (said := telephone_orders.overdue_said(order, at, lang)))
        due.extend(coming for order in orders if (coming := telephone_orders.countersign_due(order, at)) is not None)
    # Asked of a patient `leaving`, the line says them missing too: a discharge in their absence
    # was confirmed on "search the ward and grounds" alone.
    found.extend(ChartAlert(patients[patient_id], missing_patient.FORM, one.latest(lang, at),
                            [one.latest(lang, at), *one.asks(lang, at)] if leaving else one.asks(lang, at),
                            urgent=one.one.missing.police_overdue(at), first=one.first)
                 for patient_id, each in missing.items() for one in each)
    if (coming := missing_patient.next_change(missing, at)) is not None:
        due.append(coming)
    # A failed swallow screen (services.swallow_screen): the SLT referral and assessment, the doctor
    # told, a time-critical medicine by mouth none of whose doses the time-critical lines say.
    swallows = swallow_screen.failed(db, forms, list(patients), at, lang, {
        order.record_id for critical in time_critical.values() for order, _ in critical.late})
    found.extend(ChartAlert(patients[patient_id], swallow_screen.FORM, one.latest(lang, at), said, urgent=one.urgent(at))
                 for patient_id, one in swallows.items() if (said := one.asks(lang, at)))
    if (coming := swallow_screen.next_change(swallows, at)) is not None:
        due.append(coming)
    # A patient admitted with a stroke whose swallow is not yet screened: due within 4 hours of arrival.
    strokes = swallow_screen.escalation(db, list(patients), at, lang)
    found.extend(ChartAlert(patients[one.patient_id], swallow_screen.FORM, one.latest, one.said, urgent=one.urgent)
                 for one in strokes.asking)
    if strokes.next_change is not None:
        due.append(strokes.next_change)
    for patient_id, known in falls.read(db, in_hospital).items():
        found.extend(ChartAlert(patients[patient_id], falls.FORM, one.text(lang, at.tzinfo, known.asks(one)), said,
                                urgent=known.urgent(one))
                     for one, said in falls.asking(known, lang, at))
        if (coming := known.coming(at)) is not None:
            due.append(coming)
    assessed = vte.escalation(db, forms, in_hospital, at, lang)
    found.extend(ChartAlert(patients[patient_id], vte.FORM, latest, said)
                 for patient_id, (latest, said) in assessed.asking.items())
    if assessed.next_change is not None:
        due.append(assessed.next_change)
    # A falls-risk reassessment overdue after a fall on the ward, a postural drop no doctor has
    # reviewed (services.falls_risk; one never made since admission is the handover's: since_admission).
    falls_risk_said = falls_risk.escalation(db, in_hospital, at, lang)
    found.extend(ChartAlert(patients[one.patient_id], falls_risk.FORM, one.latest, one.said)
                 for one in falls_risk_said.asking)
    if falls_risk_said.next_change is not None:
        due.append(falls_risk_said.next_change)
    found.extend(ChartAlert(patients[patient_id], delirium.FORM, latest, said)
                 for patient_id, (latest, said) in delirium.escalation(db, in_hospital, at, lang).items())
    # An alcohol withdrawal check overdue by its band, a red flag (the doctor now) or a severe score
    # no doctor is told of, a dose not recorded, no thiamine (services.alcohol_withdrawal).
    withdrawal = alcohol_withdrawal.escalation(db, in_hospital, at, lang)
    found.extend(ChartAlert(patients[one.patient_id], alcohol_withdrawal.FORM, one.latest, one.said, urgent=one.urgent)
                 for one in withdrawal.asking)
    if withdrawal.next_change is not None:
        due.append(withdrawal.next_change)
    # A child's weight to take again (estimated or stated, or a day old on IV fluids, NICE NG29),
    # in the handover sheet's words (services.since_admission.to_weigh): said on the sheet alone,
    # it waited for the next printing while the child's doses were worked out from it. Only while
    # something running is (`ToWeigh.dosing`), and not of a child leaving: no more ward doses, and
    # the letter says the weight was not weighed (weight.letter_line).
    weighings = {} if leaving else {patient_id: one for patient_id, one in since_admission.to_weigh(
        db, list(patients.values()), at).items() if one.dosing}
    for patient_id, one in weighings.items():
        if elapsed.reached(one.due_at, at):
            found.append(ChartAlert(patients[patient_id], weight.FORM, one.weighed.text(lang), [one.said(lang)]))
        else:
            due.append(one.due_at)
    # An enhanced observation entry overdue or its review due, a deprivation of liberty with no
    # DoLS authorisation in force, or none requested (services.enhanced_observation).
    watched = enhanced_observation.escalation(db, forms, in_hospital, at, lang)
    found.extend(ChartAlert(patients[one.patient_id], enhanced_observation.FORM, one.latest, one.said, urgent=one.urgent)
                 for one in watched.asking)
    if watched.next_change is not None:
        due.append(watched.next_change)
    for patient_id, known_sepsis in sepsis.read(db, in_hospital, at).items():
        if said := sepsis.asking(known_sepsis, patients[patient_id], at, lang):
            found.append(ChartAlert(patients[patient_id], sepsis.FORM, known_sepsis.state(at, lang)[0], said))
        if (coming := known_sepsis.next_change(at)) is not None:
            due.append(coming)
    outputs = fluid_balance.urine_outputs(db, forms, in_hospital, at)
    low = [patient_id for patient_id, output in outputs.items() if output.low]
    review = lab_results.to_review(db, low, at)
    # A dying patient's empty bag asks only that the catheter be checked (fluid_balance.urine_words);
    # her low output is not listed at all (fluid_balance.listed).
    comfort = observations.comfort_care(db, [patients[patient_id] for patient_id in low], at)
    for patient_id, output in outputs.items():
        if fluid_balance.listed(output, patient_id in comfort):
            found.append(ChartAlert(patients[patient_id], fluid_balance.FORM,
                                    fluid_balance.urine_words(output, lang, called=False),
                                    [fluid_balance.urine_words(output, lang, review=review[patient_id],
                                                               comfort=patient_id in comfort)]))
        due.append(output.moves_on)
    for patient_id, exceeded in fluid_balance.restrictions_exceeded(db, patients, at, lang).items():
        found.append(ChartAlert(patients[patient_id], fluid_balance.FORM, exceeded.plan, exceeded.said))
        due.append(exceeded.until)
    for patient_id, (irrigation, said) in fluid_balance.irrigant_not_returned(db, patients, at, lang).items():
        found.append(ChartAlert(patients[patient_id], fluid_balance.FORM, irrigation, said))
        due.append(fluid_balance.day_ends(chart_day(at), at))
    order = {patient_id: number for number, patient_id in enumerate(patients)}  # the census's, by ward and bed
    found.sort(key=lambda alert: (order[alert.patient.patient_id], alert.form_id))
    found += left_untold(db, forms, patients, ward, lang, reactions, at=at, zone=at.tzinfo) if not leaving else []
    # Stable: by bed within each.
    found.sort(key=lambda alert: (not alert.first, not acted_on_now(alert, lang)))
    return ChartAlerts(found, min(due, key=elapsed.instant, default=None))


DOCTOR_NOW = {"en": ("doctor now", "tell one now", "doctor to review now"),
              "fr": ("médecin maintenant", "médecin immédiatement", "transmettre maintenant")}
"""The words in which the charts ask for a doctor now (domain.gcs, falls, bowels, glucose, pews,
sepsis, lab_results: "tell the doctor now", a critical result's "tell one now")."""


def asks_a_doctor_now(alert: ChartAlert, lang: Lang) -> bool:
    """Whether the alert asks for a doctor now: the escalation list gives those lines first. In
    the census's order, an anticoagulated patient's possible head injury and a critical result
    no doctor was told of came after a cannula's check and a change of position overdue, below
    the four or five lines on screen."""
    return any(words in said for said in alert.said for words in DOCTOR_NOW[lang])


def acted_on_now(alert: ChartAlert, lang: Lang) -> bool:
    """Whether what the alert asks is to be done now (`first`, `urgent`, or a doctor asked for
    now): listed before the others, and the only lines the list says in red (every line's was,
    and a hypo to treat now read as a weight to record this week)."""
    return alert.first or alert.urgent or asks_a_doctor_now(alert, lang)


STOP_AND_CALL = frozenset({TransfusionSign.POSSIBLE_REACTION, TransfusionSign.REACTION_AFTER,
                           TransfusionSign.OVER_4_HOURS, TransfusionSign.REACTION})
"""A unit's signs (domain.transfusion.signs) that are acted on at once: a possible acute reaction
(stop the unit, call the doctor: BSH 2017), a unit still running 4 hours out of the fridge, a
reaction no one is told of. Their words name no "doctor now", and a reaction at 39.4 °C and a
systolic of 82 came 22nd of 33 lines, below a cannula's check and a pain reassessment."""


def _transfusion_urgent(units: Sequence[transfusion.Transfused], at: datetime) -> bool:
    """Whether one of the patient's units asks at `at` something `STOP_AND_CALL`."""
    return any(sign in STOP_AND_CALL for unit in units for sign, _ in transfusion_signs(unit.unit, unit.sets, at))


def left_untold(db: Database, forms: dict[str, FormSpec], staying: Collection[str], ward: str | None,
                lang: Lang, reactions: Mapping[str, list[transfusion.Transfused]], *, at: datetime,
                zone: tzinfo | None = None) -> list[ChartAlert]:
    """The critical results no doctor is told of, then, of those who left alive, the abnormal ones
    no doctor has seen phoned since they left, or in the day before while a day has not gone by
    since (lab_results.unseen_at_leaving, at `at`: an INR of 4.9 phoned after a discharge home on
    warfarin was on no list, where in a bed it stays on the handover until a doctor is told; a
    death ends the care they were for), and the reactions to blood not told to the
    doctor and the blood bank (`reactions`: transfusion.reactions_untold), the safeguarding concerns
    not decided or whose team is not told (safeguarding.asking_patients), of the patients who
    left from `ward` (any ward when None), `staying` the in-patients: each saying how they left
    and, for a result, who acts on it, by name; and the deaths whose tasks are not all done
    (`deaths_unfinished`), and the bags up as the others left never charted stopped (`_bags_left`:
    a syringe driver gone with a patient to a hospice, or left up, was on no list once they had
    gone, its controlled drug accounted for by no one); for a ward, the critical results no
    doctor is told of of its patients moved to another ward, received since they came onto it
    (census.moved_from), each saying to phone the ward they are on. The escalation list and the
    handover sheet list them after the ward's beds, those asking a doctor now first
    (`asks_a_doctor_now`: the sheet listed them by name, a critical potassium among a fortnight's
    mild ones). A result's time is on the clock of `zone` (the ward's; the laptop's when None)."""
    unfinished = deaths_unfinished(db)
    flagged = lab_results.untold_with(db, ASKING_FLAGS) - set(staying)
    concerns = safeguarding.asking_patients(db, at)
    left = census.left_from(db, forms, (flagged | infusion_rates.with_bags_unstopped(db) | set(reactions)
                                        | set(unfinished) | concerns) - set(staying), ward)
    moved = census.moved_from(db, flagged, ward) if ward is not None else {}
    results = lab_results.charts(db, [*(patient.patient_id for patient in left), *moved])
    places = census.locations(db, patient_ids=[patient.patient_id for patient in left])
    found = []
    for patient in sorted(left, key=lambda patient: (sort_key(patient.display_name), patient.patient_id)):
        if patient.stay is None or (place := places.get(patient.patient_id)) is None:
            continue
        theirs = results.get(patient.patient_id, [])
        found += [ChartAlert(patient, lab_results.FORM, one.heading(lang, zone),
                             [*one.said(lang), lab_results.WORDS[patient.stay][lang]])
                  for one in [*lab_results.critical_untold(theirs),
                              *(lab_results.unseen_at_leaving(theirs, place.since, at)
                                if patient.stay is not StayStatus.DECEASED else [])]]
        found += [_reaction(patient, one, forms, lang) for one in reactions.get(patient.patient_id, [])]
        # A safeguarding concern not referred (or its team not told) as the patient left: sent
        # home to the grandson it was about, it was on no list once they had gone.
        found += [ChartAlert(patient, safeguarding.FORM, semicolon(lang).join([
            one.latest, f"{stay_word(place.status, lang)} {ward_time(place.since, zone)}"]), one.said, urgent=one.urgent)
            for one in (safeguarding.escalation(db, [patient.patient_id], at, lang)
                        if patient.patient_id in concerns else [])]
        if patient.stay is StayStatus.DECEASED and (death := unfinished.get(patient.patient_id)) is not None:
            found.append(_death(db, forms, patient, death, lang, zone))
        elif patient.stay is not StayStatus.DECEASED:
            found += _bags_left(db, patient, place, lang, zone)
    for patient in sorted(census.all_patients(db, forms, moved).values(),
                          key=lambda patient: (sort_key(patient.display_name), patient.patient_id)):
        found += [ChartAlert(patient, lab_results.FORM, one.heading(lang, zone),
                             [*one.said(lang), lab_results.WORDS["moved"][lang].format(ward=patient.ward)])
                  for one in lab_results.critical_untold(results.get(patient.patient_id, []))
                  if elapsed.reached(moved[patient.patient_id], one.received_at)]
    # Stable: by name within each, as people file names (search.sort_key: ÉVRARD among the Es, it
    # came after ZOLA).
    found.sort(key=lambda alert: not acted_on_now(alert, lang))
    return found


def deaths_unfinished(db: Database) -> dict[str, RecordVersion]:
    """Each patient's standing death record that leaves something to do (`_death_tasks`, or a
    bag up at the death never charted stopped: infusion_rates.up_at_leaving), by patient id. Its
    answers reached only the records office's worklist, weeks later: the evening's handover read
    "bed 12 — empty —" of a death at 13:00 whose family no one had told."""
    standing = [record for record in list_current(db, form_id=DEATH_FORM)
                if record.status is not RecordStatus.ENTERED_IN_ERROR]
    asked = census.first_saved_from(db, [record.record_id for record in standing
                                         if record.data.get("implanted_device") == "present"], census.FINDINGS_ASKED)
    return {str(record.patient_id): record for record in standing
            if _death_tasks(record.data, record.record_id in asked) or _bags_up(db, record, "en", None)
            or record.data.get(census.CORONER) is not True
            and _patches_on(db, str(record.patient_id), datetime.fromisoformat(record.data["died_at"]))
            or _devices_in(db, record)}


def _bags_up(db: Database, death: RecordVersion, lang: Lang, zone: tzinfo | None) -> list[str]:
    """The death's bags never charted stopped, each a task until its stop is charted (and a
    controlled drug's until what was left in it is destroyed, but of a death referred to the
    coroner, which keeps it), each named with when it was put up
    as a bag left up at a discharge is (`_bags_left`): two morphine syringes up at a death, the
    first never taken down when the dose was increased, read as two identical lines."""
    return [semicolon(lang).join([message(lang, BAG_PUT_UP, drug=up.drug, time=ward_time(up.put_up, zone)), up.said])
            for up in infusion_rates.up_at_leaving(db, str(death.patient_id),
                                                   datetime.fromisoformat(death.data["died_at"]), lang, died=True,
                                                   coroner=death.data.get(census.CORONER) is True)]


def patches_on_body(db: Database, forms: Mapping[str, FormSpec], patient_id: str, died: datetime, lang: Lang,
                    zone: tzinfo | None, coroner: bool) -> list[str]:
    """Each patch on the patient at `died` (their death) not charted removed since, as
    `PATCH_ON_BODY` says it: asked before the death is
    saved (services.leaving.still_asked) and a task of the death until its removal is charted
    (`_death`; census.LAST_OFFICES lets it through while the body is laid out)."""
    order_form = forms[medication.ORDER_FORM]
    return [PATCH_ON_BODY["coroner" if coroner else "last_offices"][lang].format(order=medication.order_label(order, order_form, lang),
                                       site=dose.site or NO_SITE[lang], time=ward_time(dose.at, zone))
            for order, dose in _patches_on(db, patient_id, died)]


DIED_WITH = {"last_offices": {"en": "STILL IN: {device}, {since}: take it out at last offices and chart it removed",
                              "fr": "EN PLACE : {device}, {since} : le retirer lors de la toilette mortuaire et "
                                    "tracer son retrait"},
             "coroner": {"en": "STILL IN: {device}, {since}: the death is referred to the coroner: leave it in place "
                               "for the coroner",
                         "fr": "EN PLACE : {device}, {since} : obstacle médico-légal (décès signalé au procureur) : "
                               "le laisser en place"},
             "unverified": {"en": "STILL IN: {device}, {since}: the death awaits verification: leave it in place until "
                                  "the death is verified and it is known whether it is referred to the coroner",
                            "fr": "EN PLACE : {device}, {since} : décès en attente de constat : le laisser en place "
                                  "jusqu’au constat et jusqu’à ce que l’on sache s’il y a obstacle médico-légal"}}
"""What a death asks of each line, drain or catheter still in (`devices_in_body`): taken out at last
offices, or, of a death referred to the coroner, left in place for the coroner (Hospice UK, Care
after death 2022). Neither was asked, and a cannula was taken out of a coroner's case. Of a death
awaiting verification, left in place until it is verified, as the device chart then refuses its
removal (services.records.KEPT_IN): the save of a death found on a round said "take it out at
last offices and chart it removed"."""


def devices_in_body(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang,
                    coroner: bool, unverified: bool = False) -> list[str]:
    """Each line, drain or catheter still in, as `DIED_WITH` says it (`coroner`: of a death referred
    to the coroner; `unverified`: of one awaiting verification): asked before the death is saved
    (services.leaving.still_asked), and a task of the death until its removal is charted (`_death`,
    `_devices_in`), as a patch on the body is."""
    return [DIED_WITH["coroner" if coroner else "unverified" if unverified else "last_offices"][lang].format(
        device=one.called(forms[devices.FORM], lang), since=one.in_since(at, lang))
        for one in _in_at(db, patient_id, at)]


def _in_at(db: Database, patient_id: str, died: datetime) -> list[devices.Checked]:
    """The lines and devices in at `died` and not charted removed since: the latest look at each,
    not taken out, of a stay going on (the death not saved yet) or of the one the death ended,
    whose cannula's chart closes with it (devices.Checked.lapsed) though no one took it out."""
    latest = {one.key: one for one in devices.chart(db, patient_id)}
    return [latest[name] for name in sorted(latest) if not latest[name].taken_out
            and (latest[name].stay_ended is None or latest[name].stay_ended >= died)]


def _devices_in(db: Database, death: RecordVersion) -> bool:
    """Whether the death leaves a line or device to take out and chart removed (`devices_in_body`):
    not one referred to the coroner, nor awaiting verification, which keep them in
    (census.devices_kept)."""
    return (all(death.data.get(answer) is not True for answer in (census.CORONER, census.VERIFICATION_PENDING))
            and bool(_in_at(db, str(death.patient_id), datetime.fromisoformat(death.data["died_at"]))))


def _patches_on(db: Database, patient_id: str, died: datetime) -> list[tuple[medication.Order, Administration]]:
    """The patches on the patient at `died` and not charted removed since (`patches_on_body`)."""
    return [(order, dose) for order, dose in medication.patches_on_now(db, patient_id)
            if elapsed.reached(dose.at, died)]


def _bags_left(db: Database, patient: PatientSummary, place: Location, lang: Lang,
               zone: tzinfo | None) -> list[ChartAlert]:
    """The bags up as a patient discharged or transferred out left (`place`: where and when they
    left), never charted stopped (infusion_rates.up_at_leaving), each named with when it was put
    up and how and when they left (the sheet's cell said "Discharged 28/11 13:30" alone, the bag
    named only in what it asks). A death's are among its tasks (`_death`)."""
    return [ChartAlert(patient, medication.ORDER_FORM, semicolon(lang).join([
        message(lang, BAG_PUT_UP, drug=up.drug, time=ward_time(up.put_up, zone)),
        f"{stay_word(place.status, lang)} {ward_time(place.since, zone)}"]), [up.said])
            for up in infusion_rates.up_at_leaving(db, patient.patient_id, place.since, lang, died=False)]


def death_of(db: Database, patient_id: str) -> RecordVersion | None:
    """The patient's standing death record, which the escalation list opens from a death's line
    to amend it once its tasks are done."""
    return next((record for record in list_current(db, form_id=DEATH_FORM, patient_id=patient_id)
                 if record.status is not RecordStatus.ENTERED_IN_ERROR), None)


def _death_tasks(data: Mapping[str, Any], device_asked: bool) -> list[str]:
    """What a death's answers leave to do, as keys of DEATH_WORDS: the death not verified yet
    (death v4: found on a night round, the verifier called; an expected death not referred to the
    coroner may be verified by a trained nurse, which the line said nothing of), the next of kin not told (none
    known, death v3, is nothing left to do: the man with no family was "NEXT OF KIN NOT TOLD" for
    ever), the certificate not done (either not answered Yes), whether a device is implanted not
    known, a device implanted not yet dealt with (`device_asked`: a death first saved under v5,
    census.FINDINGS_ASKED; an ICD switched off, the mortuary told: it dropped off once the family
    were told, and a live ICD went to the mortuary)."""
    nurse_may_verify = data.get("expected") is True and data.get("referred_to_coroner") is not True
    return [task for task, left in (("unverified_expected" if nurse_may_verify else "unverified",
                                     data.get("verification_pending") is True),
                                    ("family", data.get("family_informed") is not True
                                     and data.get("no_next_of_kin") is not True),
                                    ("certificate", data.get("certificate_done") is not True),
                                    ("device_unknown", data.get("implanted_device") == "unknown"),
                                    ("device", device_asked and data.get("implanted_device") == "present"
                                     and data.get(DEVICE_DEALT_WITH) is not True)) if left]


def _death(db: Database, forms: Mapping[str, FormSpec], patient: PatientSummary, death: RecordVersion, lang: Lang,
           zone: tzinfo | None) -> ChartAlert:
    """A death whose tasks are not all done, listed under "Left the ward" until its record is
    amended to say them done, its bags until their stop is charted and its patches, lines and
    devices until their removal is (not those a coroner's case keeps: `_devices_in`); a device implanted is named by what the record says of it, for the mortuary (of a
    death of version 4, among its other tasks: `DEATH_WORDS`)."""
    data = death.data
    asked = bool(census.first_saved_from(db, [death.record_id], census.FINDINGS_ASKED))
    detail = {"detail": data.get("implanted_detail") or "",
              "asked": forms[DEATH_FORM].field(DEVICE_DEALT_WITH).label.get(lang)}
    said = [*(DEATH_WORDS[task][lang].format(**detail) for task in _death_tasks(data, asked)),
            *_bags_up(db, death, lang, zone),
            *(patches_on_body(db, forms, patient.patient_id, datetime.fromisoformat(data["died_at"]), lang, zone,
                              False) if data.get(census.CORONER) is not True else []),
            *(devices_in_body(db, forms, patient.patient_id, datetime.fromisoformat(data["died_at"]), lang, False)
              if _devices_in(db, death) else []),
            *([DEATH_WORDS["device_named"][lang].format(**detail)]
              if not asked and data.get("implanted_device") == "present" else [])]
    return ChartAlert(patient, DEATH_FORM, DEATH_WORDS["died"][lang].format(
        time=ward_time(datetime.fromisoformat(data["died_at"]), zone)), [*said, DEATH_WORDS["amend"][lang]])


def _reaction(patient: PatientSummary, one: transfusion.Transfused, forms: dict[str, FormSpec],
              lang: Lang) -> ChartAlert:
    """A unit's reaction still told to no one, as the transfusion chart says it (who is still to
    be told: `Transfused.reaction_asks`): urgent, as on the chart (`STOP_AND_CALL`)."""
    return ChartAlert(patient, transfusion.FORM, f"{one.what(forms[transfusion.FORM], lang)} "
                                                 f"{one.state(forms[transfusion.END_FORM], lang)}",
                      [one.reaction_asks(lang)], urgent=True)


def doses_overdue(db: Database, forms: dict[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
                  lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these in-patients' scheduled doses that the
    medication round lists with nothing recorded and overdue by its own rule (the ward's overdue
    threshold, `dose_state`), those missed over its window too: the sheet said only the
    time-critical ones, and omitted doses are a leading cause of harm from medicines (NPSA 2010).
    Each order once, its doses' times oldest first; a time-critical dose the sheet already says
    (`medication.time_critical_handover`), nor one missed that its line counts
    (`medication.TimeCritical.listed`), is not said again. The doses of an order stopped since that
    fell due before its stop are said too once overdue (`_due_before_stop`), which the round leaves
    off, never as due now."""
    wanted = {patient.patient_id for patient in patients}
    told = set().union(*(critical.listed for critical in medication.time_critical(db, wanted, at).values()))
    policy, order_form = settings.round_policy(db), forms[medication.ORDER_FORM]
    found: dict[str, dict[str, list[medication.RoundItem]]] = {}
    due: dict[str, list[medication.RoundItem]] = {}
    on_the_round = [item for ward in dict.fromkeys(patient.ward for patient in patients if patient.ward)
                    for item in medication.round_list(db, forms, ward, at)]
    for item in [*on_the_round, *_due_before_stop(db, [patient for patient in patients if patient.ward], at, policy)]:
        if (item.patient.patient_id in wanted and (item.order.record_id, item.slot) not in told
                and dose_state(item.slot, at, None, policy_for(item.order, policy)) is DoseState.OVERDUE):
            found.setdefault(item.patient.patient_id, {}).setdefault(item.order.record_id, []).append(item)
    # Due now only on the round: a stopped order's late dose is none to give, and read as due it
    # made the oral amoxicillin "not to give late" beside the IV stopped for it (review s66 S1).
    for item in on_the_round:
        if item.state in (DoseState.DUE, DoseState.LATE):
            due.setdefault(item.patient.patient_id, []).append(item)
    theirs = medication.orders_of_each(db, found, at) if found else {}
    given = {patient_id: medication.administrations(db, patient_id) for patient_id in found}
    fasting = medication.nil_by_mouth(db, found, at) if found else {}

    def said(patient_id: str, doses: list[medication.RoundItem]) -> tuple[str, str]:
        latest = max(doses, key=lambda item: elapsed.instant(item.slot))
        stop = latest.order.stop_at
        return _order_doses(doses, order_form, lang, at.tzinfo), _overdue_then(
            doses, lang, at.tzinfo, fasting.get(patient_id),
            _replaced_by(latest, theirs[patient_id], given[patient_id], due.get(patient_id, ())),
            stop if elapsed.reached(stop, at) else None)

    return {patient_id: DOSES_OVERDUE[lang].format(doses=_each_then(
        [said(patient_id, doses) for doses in sorted(
            orders.values(), key=lambda doses: min(elapsed.instant(item.slot) for item in doses))], lang))
        for patient_id, orders in found.items()}


def _due_before_stop(db: Database, patients: Sequence[PatientSummary], at: datetime,
                     policy: RoundPolicy) -> list[medication.RoundItem]:
    """These patients' doses of the round's window, of orders stopped by `at`, that fell due before
    the stop with nothing recorded (`medication.due_while_running`, the rule the time-critical list
    reads them by), as the round's items: the round leaves a stopped order's doses off, rightly (none
    is to give), and the sheet, which reads the round, said nothing of the paracetamol of 12:00
    whose order was stopped at 14:05; the next nurse never learnt it was not recorded. Only the
    charts of patients with an order stopped within the window are read."""
    since = elapsed.earlier(at, medication.ROUND_WINDOW)
    by_id = {patient.patient_id: patient for patient in patients}
    stopped = {str(record.patient_id)
               for record in list_current(db, form_id=medication.ORDER_FORM, patient_ids=by_id)
               if (stop := medication.order_of(record).stop_at) is not None and since < stop
               and elapsed.reached(stop, at)}
    if not stopped:
        return []
    return [medication.RoundItem(by_id[patient_id], row.order, cell.slot, cell.state, held=cell.held,
                                 on_paper=cell.on_paper)
            for patient_id, rows in medication.mar_grids(db, stopped, since.date(), (at.date() - since.date()).days + 1,
                                                         at).items()
            for row in rows if elapsed.reached(row.order.stop_at, at)
            for cell in medication.due_while_running(row.order, row.cells, at, policy_for(row.order, policy))
            if cell.slot >= since and cell.state in medication.NOT_RECORDED]


def _each_then(said: list[tuple[str, str]], lang: Lang) -> str:
    """Each order's doses and what is done of them, the orders next to each other whose doses are
    all missed told `RECORD_MISSED` once, after the last of them: the sheet wrote its 20 words after
    the senna and again after the amoxicillin of one patient's line."""
    parts: list[tuple[list[str], str]] = []
    for doses, then in said:
        if parts and then == parts[-1][1] == RECORD_MISSED[lang]:
            parts[-1][0].append(doses)
        else:
            parts.append(([doses], then))
    return semicolon(lang).join(f"{semicolon(lang).join(doses)} — {then}" for doses, then in parts)


def _replaced_by(item: medication.RoundItem, theirs: Sequence[Order], given: Sequence[Administration],
                 due: Sequence[medication.RoundItem]) -> tuple[datetime, DoseState] | None:
    """The time and state of the latest dose of the medicine (`same_medicine`: this order, or
    another giving a same medicine, as the time-critical list weighs it) given for `item`'s time or
    a later one, due now after it (`due`: the round's, late ones too), or given as required within
    that order's interval of it (`spaced_from_as_required`): `item`, with nothing recorded, is then
    no longer to give but to record (`REPLACED_THEN`). None when there is none. "Give or record it" was said of
    the amoxicillin of 08:00 beside the 14:00 given, and of the paracetamol tablet of 12:00 beside
    the infusion given for it: a double dose."""
    same = same_medicine(item.order, theirs)
    as_required = [order for order in theirs if order.record_id in same and order.frequency is Frequency.PRN]
    found = [(dose.scheduled_for, DoseState.GIVEN) for dose in given
             if dose.order_id in same and dose.outcome is Outcome.GIVEN and dose.scheduled_for is not None
             and elapsed.instant(dose.scheduled_for) >= elapsed.instant(item.slot)]
    found += [(one.slot, DoseState.DUE) for one in due
              if one.order.record_id in same and elapsed.instant(one.slot) > elapsed.instant(item.slot)]
    if as_required and spaced_from_as_required(item.slot, as_required, given):
        found += [(dose.at, DoseState.GIVEN) for dose in prn_given(
            as_required[0], given, {order.record_id for order in as_required})]
    return max(found, key=lambda one: elapsed.instant(one[0]), default=None)


def _overdue_then(doses: list[medication.RoundItem], lang: Lang, zone: tzinfo | None,
                  fasting: medication.NilByMouth | None, replaced: tuple[datetime, DoseState] | None,
                  stopped: datetime | None) -> str:
    """What is done of an order's doses overdue, said after them: those of an order `stopped` since
    recorded, not given (`REPLACED_THEN` with `medication.ORDER_STOPPED`, as the time-critical list
    says them), with the dose of the medicine that replaced them if any (`replaced`: "record it"
    alone, of the paracetamol tablet of 12:00 the infusion gave, put two doses of 12:00 on the
    record), whatever held it or stops its route, the order no longer running; none given while
    a level, a potassium, an INR or an AKI holds the order (`medication.holding`: `HELD_FOR`), nor by mouth
    while the patient is nil by mouth for its route (`fasting`, why: `NOT_BY_MOUTH`), nor once a dose of the
    medicine since replaced them (`replaced`, see `_replaced_by`: `REPLACED_THEN`), but recorded, the
    prescriber told of those missed; those missed alone recorded and taken to the prescriber
    (`RECORD_MISSED`); else the latest given or recorded, the others recorded (`GIVE_OR_RECORD`), and
    not given late if missed (`MISSED_NOT_LATE`). One ending for the patient's whole line said "give
    or record the others" of every order's every dose; and "give or record it" stood under the
    sheet's own "Ramipril held — prescriber to decide" and "SWALLOW SCREEN FAILED — no medicines by
    mouth"."""
    many, order = len(doses) > 1, doses[0].order
    later = [] if replaced is None else [medication.LATER_DOSE[replaced[1]][lang].format(
        time=ward_time(replaced[0], zone))]
    if stopped is not None:
        return REPLACED_THEN[many][lang].format(later=", ".join(
            [medication.ORDER_STOPPED[lang].format(time=ward_time(stopped, zone)), *later]))
    if held := medication.holding(doses[0].levels):
        return HELD_FOR[lang].format(why=semicolon(lang).join(
            medication.on_chart(warning).text(lang).rstrip(".") for warning in held))
    if fasting is not None and (why := fasting.why(order.route)) is not None:
        return NOT_BY_MOUTH[many][lang].format(why=why[lang])
    within = [item for item in doses if not item.missed]
    if not within:
        return RECORD_MISSED[lang]
    if replaced is not None:
        return ", ".join([REPLACED_THEN[many][lang].format(later=later[0]),
                          *([TELL_THE_PRESCRIBER[lang]] if len(within) < len(doses) else [])])
    return ", ".join([GIVE_OR_RECORD[len(doses) > 1][lang],
                      *([MISSED_NOT_LATE[lang]] if len(within) < len(doses) else [])])


def _order_doses(doses: list[medication.RoundItem], order_form: FormSpec, lang: Lang, zone: tzinfo | None) -> str:
    """An order's doses overdue, oldest first: "Amoxicillin 1 g IV 27/11 20:00 (MISSED, over 12 h),
    28/11 08:00"; those missed counted past `MISSED_LISTED`, those with nothing to check first
    apart from those to check on the paper. Those another laptop recorded otherwise (`held`) are
    said one by one: each is to check first."""
    doses = sorted(doses, key=lambda item: elapsed.instant(item.slot))
    missed = [[item for item in doses if item.missed and not item.held and (item.on_paper is not None) is on_paper]
              for on_paper in (False, True)]
    runs = [run for run in missed if len(run) > MISSED_LISTED]
    said = [(item.slot, _dose_time(item, lang, zone)) for item in doses if not any(item in run for run in runs)]
    said += [(run[0].slot, MISSED_RUN[lang].format(
        count=len(run), hours=medication.window_hours(), first=ward_time(run[0].slot, zone),
        last=ward_time(run[-1].slot, zone),
        marks=f", {ON_PAPER[lang]}" if run[0].on_paper is not None else "")) for run in runs]
    times = [text for _, text in sorted(said, key=lambda one: elapsed.instant(one[0]))]
    return f"{medication.order_label(doses[0].order, order_form, lang)} {', '.join(times)}"


def _dose_time(item: medication.RoundItem, lang: Lang, zone: tzinfo | None) -> str:
    """A dose's time, and whether it is missed past the round's window, or may be given already (on
    paper while this laptop was silent, or on another laptop): to check before giving it."""
    marks = [words for words, said in ((MISSED[lang].format(hours=medication.window_hours()), item.missed),
                                       (ON_PAPER[lang], item.on_paper is not None), (HELD[lang], bool(item.held)))
             if said]
    return ward_time(item.slot, zone) + (f" ({', '.join(marks)})" if marks else "")


def not_given(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
              lang: Lang) -> dict[str, list[tuple[str, str]]]:
    """Each of these patients' scheduled doses of the round's window recorded not given, but for a
    doctor's hold or none by its rule (medication.NOT_OMITTED; a basal or premixed insulin's held
    too, never to be omitted in type 1: glargine held "NBM for theatre" was said nowhere, nor
    NovoMix 30 held), until given for their time, as (the
    order's label and the dose's time, what to do of it by its reason: `FOLLOW_UP`): an
    anticoagulant not available, an antibiotic refused, a dose not given while the patient slept,
    each left the round once saved and was on no list. One to offer again, only until the order's
    next dose is due, or while it runs: then it is that one to give. One to tell the prescriber of,
    only while the order's version standing was written before the dose: stopped or changed since
    (its daily rewrite too), its prescriber has seen the chart, and the day team chased them. Those
    the time-critical list says (`medication.time_critical`) are not said again. An order's doses
    not given one after another up to its latest (`medication.doses_not_given_run`) are said as a
    run at the latest ("3 doses not given since 28/11 18:00"), even past the round's window, until
    a dose of it is given or its prescriber changes it (a single dose only until the order's next
    falls due, and none past the order's stop): enoxaparin refused three evenings running
    was said as the last refusal alone, and at 07:30 on no list. A run is the prescriber's to hear
    of, even when its latest was not given while the patient slept. One whose nurse wrote that a
    doctor was told of it (medication.decided_by_a_doctor) says to do as they said
    (medication.DOCTOR_IS_TOLD), not to tell the prescriber (but a basal insulin held: never to
    omit): "Dr Benali told" and "tell the prescriber" stood on one line for 12 hours, and the day
    team phoned him again."""
    told = set().union(*(critical.listed for critical in medication.time_critical(db, patient_ids, at).values()))
    since, back = elapsed.earlier(at, medication.ROUND_WINDOW), elapsed.earlier(at, medication.RUN_LOOKBACK)
    order_form, reasons = forms[medication.ORDER_FORM], forms[medication.DOSE_FORM].field("not_given_reason")
    grids = medication.mar_grids(db, patient_ids, back.date(), (at.date() - back.date()).days + 2, at)
    written = {order_id: version.recorded_at for order_id, version in current_of(
        db, {row.order.record_id for rows in grids.values() for row in rows}).items()}
    found: dict[str, list[tuple[datetime, str, str]]] = {}
    for patient_id, rows in grids.items():
        for row in rows:
            order = row.order
            run = medication.doses_not_given_run(row.cells, at, written[order.record_id], order.stop_at,
                                                 lambda dose: _omitted(order, dose))
            for cell, following in zip_longest(row.cells, row.cells[1:]):
                latest = run is not None and cell is run.latest
                if (cell.state is not DoseState.NOT_GIVEN or (dose := cell.administration) is None
                        or not _omitted(order, dose) or (order.record_id, cell.slot) in told
                        or not (latest or (since <= cell.slot <= at and (run is None or cell not in run.cells)))):
                    continue
                many = run is not None and latest and len(run.cells) > 1
                then = FOLLOW_UP.get(dose.reason, TELL_THE_PRESCRIBER) if dose.reason else TELL_THE_PRESCRIBER
                if then is OFFER_IT_AGAIN and not many:
                    if (following is not None and following.slot <= at) or elapsed.reached(order.stop_at, at):
                        continue
                elif then is OFFER_IT_AGAIN:
                    then = TELL_THE_PRESCRIBER
                elif written[order.record_id] > (dose.typed_at or dose.at):
                    continue  # its prescriber stopped or changed the order since: they have seen the chart
                # Her note says a doctor was told: not to phone them again; but a basal insulin held
                # (said only as never to omit, `_omitted`) is the prescriber's still, whoever decided.
                if then is not OFFER_IT_AGAIN and dose.reason not in medication.NOT_OMITTED \
                        and medication.decided_by_a_doctor(dose):
                    then = medication.DOCTOR_IS_TOLD
                why = semicolon(lang).join(said for said in (
                    medication.why_not_given(reasons, dose, lang),
                    run.said(at.tzinfo, lang) if run is not None and latest else "") if said)
                found.setdefault(patient_id, []).append((
                    cell.slot, f"{medication.order_label(order, order_form, lang)} {ward_time(cell.slot, at.tzinfo)}",
                    NOT_GIVEN[lang].format(why=why, then=then[lang])))
    return {patient_id: [(label, said) for _, label, said in sorted(doses, key=lambda dose: elapsed.instant(dose[0]))]
            for patient_id, doses in found.items()}


def _omitted(order: Order, dose: Administration) -> bool:
    """Whether a dose recorded not given is the lists' to say: not a doctor's hold nor none by its
    rule (medication.NOT_OMITTED), but a basal or premixed insulin held (`given_when_fasting`);
    nor a mealtime insulin left out with the meals, the app's own required practice, no omission
    for the time-critical list either (`left_out_with_meals`)."""
    return not left_out_with_meals(order, dose.reason) and (
        dose.reason not in medication.NOT_OMITTED or given_when_fasting(order.drug))


def doses_not_given(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
                    lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these in-patients' doses not given (`not_given`),
    oldest first: "DOSES NOT GIVEN: Enoxaparin 40 mg SC 28/11 22:00: NOT GIVEN (N — Drug not
    available) — get it from pharmacy, or tell the prescriber"."""
    return {patient_id: DOSES_NOT_GIVEN[lang].format(doses=semicolon(lang).join(
        DOSE_NOT_GIVEN[lang].format(dose=label, said=said) for label, said in said_of))
        for patient_id, said_of in not_given(db, forms, [patient.patient_id for patient in patients], at,
                                             lang).items()}


@dataclass(frozen=True)
class ReviewsDue:
    """`said`: each patient's orders past their review, as (the order's label and start, what the
    list says of it); `next_due`: when the next of the orders running falls due its review, at
    most one."""

    said: dict[str, list[tuple[str, str]]]
    next_due: list[datetime]


def reviews_due(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
                lang: Lang) -> ReviewsDue:
    """The orders of these patients running at `at` past their review (domain.medication.
    review_due): an antibiotic written on the outage's first day, with no review date nor stop,
    ran to its 31st with nothing asking for its review. Each as "REVIEW ANTIBIOTIC: Amoxicillin
    1 g IV, day 4 (started 27/11), review due 30/11", the day counted on the ward's calendar."""
    order_form = forms[medication.ORDER_FORM]
    found: dict[str, list[tuple[str, str]]] = {}
    coming: list[datetime] = []
    for patient_id, standing in medication.orders_of_each(db, patient_ids, at).items():
        for order in sorted(standing, key=lambda one: elapsed.instant(one.start_at)):
            due = review_due_at(order)
            if due is None:
                continue
            if (said := review_said(order, at, lang, order_form)) is not None:
                found.setdefault(patient_id, []).append((
                    f"{medication.order_label(order, order_form, lang)} {ward_time(order.start_at, at.tzinfo)}", said))
            elif not elapsed.reached(due, at) and not elapsed.reached(order.stop_at, due):
                coming.append(due)  # not when it stops first
    return ReviewsDue(found, [min(coming, key=elapsed.instant)] if coming else [])


def review_said(order: Order, at: datetime, lang: Lang, order_form: FormSpec | None = None) -> str | None:
    """What is said of an order past its review at `at` (domain.medication.review_due), None when
    it is not: with `order_form`, the escalation list's and the handover's line naming the order
    (`REVIEW_WORDS`); without, the printed MAR's in its order box (`REVIEW_OVERDUE`). One day of
    therapy, counted on the ward's calendar, and one due date for both: the paper chart the ward
    round reads while the laptop is elsewhere said "Review by 30/11" on 02/12 as on 28/11."""
    asked, due = review_asked(order), review_due_at(order)
    if asked is None or due is None or not review_due(order, at):
        return None
    started = order.start_at.astimezone(at.tzinfo)
    values = {"day": (at.date() - started.date()).days + 1, "started": f"{started:%d/%m}",
              "due": f"{due.astimezone(at.tzinfo):%d/%m}"}
    if order_form is None:
        return REVIEW_OVERDUE[asked][lang].format(**values)
    return REVIEW_WORDS[asked][lang].format(order=medication.order_label(order, order_form, lang), **values)


def reviews_handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
                     lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these patients' orders past their review, as the
    escalation list does (`reviews_due`)."""
    return {patient_id: semicolon(lang).join(said for _, said in said_of)
            for patient_id, said_of in reviews_due(db, forms, patient_ids, at, lang).said.items()}


def patches_left_on(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
                    lang: Lang) -> dict[str, list[tuple[str, str]]]:
    """Each of these patients' patches still on (services.medication.patches_on_now) whose order
    is stopped at `at`, as (the order's label and when it was applied, what the list says of it):
    stopping a patch order took nothing off the skin, and nothing said to."""
    order_form = forms[medication.ORDER_FORM]
    found: dict[str, list[tuple[str, str]]] = {}
    for patient_id in patient_ids:
        for order, dose in medication.patches_on_now(db, patient_id):
            if order.stop_at is None or not elapsed.reached(order.stop_at, at):
                continue
            label, applied = medication.order_label(order, order_form, lang), ward_time(dose.at, at.tzinfo)
            found.setdefault(patient_id, []).append((f"{label} {applied}", PATCH_STILL_ON[lang].format(
                order=label, time=applied, site=dose.site or NO_SITE[lang])))
    return found


def patches_handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
                     lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these patients' patches left on, as the escalation
    list does (`patches_left_on`)."""
    return {patient_id: semicolon(lang).join(said for _, said in said_of)
            for patient_id, said_of in patches_left_on(db, forms, patient_ids, at, lang).items()}
