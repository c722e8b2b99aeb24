"""The medication administration record (MAR) as a paper chart, after the layout nurses know
from national inpatient charts: allergy banner first, each regular order with a row per
administration time and a column per day, then the as-required (PRN) doses, and the key of
not-given codes. Blank charts keep the same grid for handwriting."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from functools import cache, partial
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from downtime.domain import child_fluids, elapsed
from downtime.domain.anticoagulation import another_anticoagulant
from downtime.domain.devices import by_tube
from downtime.domain.age import CHILD_UNTIL, age_in_years, age_words
from downtime.domain.clock import DATED
from downtime.domain.elapsed import reached
from downtime.domain.laptops import Authors, Laptop
from downtime.domain.medication import (
    COVERT_MARK, NOT_GIVEN_CODES, Administration, AsRequiredStatus, DoseState, Frequency, NotGivenReason, Order, dose_text,
    prescribed_despite_allergies, review_due_at,
)
from downtime.domain.potassium import names_potassium, raises_potassium
from downtime.domain.swallow_screen import by_mouth, names_swallow
from downtime.formspec import FormSpec, Lang
from downtime.i18n import DAY_NAMES, decimal_text, semicolon
from downtime.pdf.census import resuscitation_line
from downtime.pdf.page import allergies_beyond_box, allergy_colour, allergy_line
from downtime.pdf.grid import PAD_X, Cell, Grid
from downtime.pdf.lines import Lines, text
from downtime.pdf.page import (
    ALERT,
    BAND,
    HINT,
    RULE,
    PageInfo,
    PatientMarker,
    body_width,
    build_pdf,
    in_words,
    style,
    ward_clock,
)
from downtime.services.medication import (
    OVERRIDDEN, MarCell, MarRow, NilByMouth, chart_devices, chart_dose_text, chart_doses, dose_words,
    holding, on_chart, order_flags, order_label, order_reading, overrides_text, prescriber_words, rule_words,
    stay_end_date, typed_words,
)
from downtime.services.chart_alerts import review_said
from downtime.services.infusion_checks import ChartLines
from downtime.services.infusion_rates import Carried, RateChange, change_words
from downtime.services.paper_gap import gap_said
from downtime.services.patients import PatientSummary
from downtime.services.reconciliation import Decision

WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Medication administration record", "fr": "Plan d’administration des médicaments"},
    "blank_title": {"en": "Medication administration record — blank {days}-day chart",
                    "fr": "Plan d’administration — vierge, {days} jours"},
    "period": {"en": "{first} to {last}", "fr": "du {first} au {last}"},
    "snapshot": {"en": "Doses recorded after {at} (when this was printed) are not shown.",
                 "fr": "Les doses tracées après le {at} (heure de cette impression) n’y figurent pas."},
    "weight": {"en": "Weight: {weight}", "fr": "Poids : {weight}"},
    "age": {"en": "Age: {age}", "fr": "Âge : {age}"},
    "not_weighed": {"en": "Weight: NOT RECORDED — weigh the child", "fr": "Poids : NON RENSEIGNÉ — peser l’enfant"},
    "height": {"en": "Height: {height}", "fr": "Taille : {height}"},
    "usual_medicines": {"en": "Medicines taken before admission: {medicines}", "fr": "Traitement habituel : {medicines}"},
    "usual_decided": {"en": "Held or stopped at the medicines reconciliation: {decided}",
                      "fr": "Suspendu ou arrêté à la conciliation médicamenteuse : {decided}"},
    "usual_unknown": {"en": "not recorded — ask the patient or family", "fr": "non renseigné — demander au patient "
                                                                           "ou à la famille"},
    "regular": {"en": "Regular medicines", "fr": "Traitements systématiques"},
    "once": {"en": "Once-only medicines", "fr": "Doses uniques"},
    "prn": {"en": "As required (PRN) medicines", "fr": "Traitements si besoin"},
    "medicine": {"en": "Medicine, dose, route", "fr": "Médicament, dose, voie"},
    "time": {"en": "Time", "fr": "Heure"},
    "prn_given": {"en": "Doses given (date time, dose, reason, by, witness)", "fr": "Doses données (date heure, dose, motif, par, témoin)"},
    "given_for": {"en": "for: {why}", "fr": "motif : {why}"},
    "continued": {"en": "{order} (continued)", "fr": "{order} (suite)"},
    "key": {"en": "Key: initials + time = given, followed by / witness's initials for a controlled drug, second "
                  "checker's for a high-alert medicine.",
            "fr": "Légende : initiales + heure = donné, suivies de / initiales du témoin pour un stupéfiant, du second "
                  "soignant pour un médicament à haut risque."},
    "letters_key": {"en": "Circled letter = not given: ", "fr": "Lettre entourée = non donné : "},
    "covert_key": {"en": "{mark} after the time = given covertly, disguised in food or drink (see the order's COVERT).",
                   "fr": "{mark} après l’heure = administré à l’insu du patient, dissimulé dans un aliment ou une "
                         "boisson (voir la prescription)."},
    "signatures": {"en": "Signatures: {who}", "fr": "Signatures : {who}"},
    "other_laptop_key": {"en": "Staff ID@number (nurse@002): recorded on another laptop, by that laptop's staff ID "
                               "(its staff list is not this one's).",
                         "fr": "Identifiant@numéro (nurse@002) : saisi sur un autre portable, sous l’identifiant du "
                               "personnel de ce portable (sa liste n’est pas celle d’ici)."},
    "due": {"en": "due", "fr": "à faire"},
    "late": {"en": "LATE", "fr": "RETARD"},
    "overdue": {"en": "OVERDUE", "fr": "DÉPASSÉ"},
    "not_recorded": {"en": "not recorded (stopped)", "fr": "non tracé (arrêté)"},
    "in_ehr": {"en": "in the EHR (before downtime)", "fr": "dans le DPI (avant la procédure dégradée)"},
    "not_in_hospital": {"en": "not in hospital", "fr": "non hospitalisé"},
    "check_paper": {"en": "NOT RECORDED — check the paper", "fr": "NON TRACÉE — vérifier le papier"},
    "none": {"en": "No medication orders.", "fr": "Aucune prescription."},
    # The French names them after the allergy recorded: a substance typed free has no article
    # that fits every one ("l’allergie à Chlorhexidine").
    "allergy_reason": {"en": "Prescribed despite the allergy to {allergies}: “{reason}”",
                       "fr": "Prescrit malgré l’allergie enregistrée — {allergies} : « {reason} »"},
    "allergies_reason": {"en": "Prescribed despite the allergies to {allergies}: “{reason}”",
                         "fr": "Prescrit malgré les allergies enregistrées — {allergies} : « {reason} »"},
    "allergy_since": {"en": "{allergies}: recorded after it was prescribed, not reviewed by the prescriber",
                      "fr": "{allergies} : enregistrée après la prescription, non revue par le prescripteur"},
    "dose_reason": {"en": "Prescribed above a usual first dose: “{reason}”",
                    "fr": "Prescrit au-dessus de la dose initiale habituelle : « {reason} »"},
    "swallow_reason": {"en": "Prescribed by mouth after a failed swallow screen: “{reason}”",
                       "fr": "Prescrit par la bouche après un dépistage de déglutition échoué : « {reason} »"},
    "potassium_reason": {"en": "Prescribed despite a high potassium: “{reason}”",
                         "fr": "Prescrit malgré une kaliémie élevée : « {reason} »"},
    "rate_reason": {"en": "Rate above the child’s maintenance: “{reason}”",
                    "fr": "Débit supérieur au débit d’entretien de l’enfant : « {reason} »"},
    "review_reason": {"en": "Long course / late review: “{reason}”",
                      "fr": "Traitement long / réévaluation tardive : « {reason} »"},
    "not_by_mouth": {"en": "NOT BY MOUTH: {why}", "fr": "PAS PAR LA BOUCHE : {why}"},
    "on_hold": {"en": "ON HOLD: another laptop wrote this order otherwise, check it",
                "fr": "EN ATTENTE : un autre portable a écrit cette prescription autrement, la vérifier"},
    "admission_on_hold": {"en": "ADMISSION ON HOLD: another laptop wrote it otherwise (allergies, bed…), check it",
                          "fr": "ADMISSION EN ATTENTE : un autre portable l’a écrite autrement (allergies, lit…), "
                                "la vérifier"},
    "earlier_stay": {"en": "Orders of an earlier stay: not to be given",
                     "fr": "Prescriptions d’un séjour antérieur : à ne pas donner"},
    "stopped_with_its_stay": {"en": "Stopped at the end of the stay of {date} — prescribe again if it still stands",
                              "fr": "Arrêtée à la fin du séjour du {date} — à prescrire à nouveau si elle "
                                    "reste indiquée"},
    "ordered_again": {"en": "Stopped at the end of the stay of {date} — ordered again: {orders}",
                      "fr": "Arrêtée à la fin du séjour du {date} — prescrite à nouveau : {orders}"},
    # "both" read wrongly of three orders or more.
    "also_ordered": {"en": "ALSO ORDERED: {orders} — ask the prescriber before giving more than one of these orders",
                     "fr": "AUSSI PRESCRIT : {orders} — demander au prescripteur avant de donner plus d’une de ces "
                           "prescriptions"},
    "not_printed": {"en": "This patient's medication chart could not be printed: part of it is longer than a page. "
                          "Copy their orders by hand onto a blank chart (the downtime binder's blank MAR) and tell "
                          "the administrator. The other patients' charts are in this pack.",
                    "fr": "Le plan d’administration de ce patient n’a pas pu être imprimé : une partie dépasse une "
                          "page. Recopier ses prescriptions à la main sur un plan vierge (celui du classeur de la "
                          "procédure dégradée) et prévenir l’administrateur. Les plans des autres patients sont "
                          "dans ce dossier."},
    "also_anticoagulated": {"en": "ALSO ON AN ANTICOAGULANT: {orders}", "fr": "AUSSI SOUS ANTICOAGULANT : {orders}"},
    "and_more": {"en": "{orders} and {count} more orders of it on this chart",
                 "fr": "{orders} et {count} autres prescriptions de ce médicament sur ce plan"},
    "dose_on_hold": {"en": "DOSE ON HOLD", "fr": "DOSE EN ATTENTE"},
    "dose_on_hold_key": {"en": "DOSE ON HOLD: another laptop recorded this dose otherwise (given, not given or withdrawn), "
                               "check it before giving or leaving the next dose",
                         "fr": "DOSE EN ATTENTE : un autre portable a tracé cette dose autrement (donnée, non donnée ou "
                               "annulée), la vérifier avant de donner ou non la dose suivante"},
    "overridden_key": {"en": "{mark} Recorded over a warning, given or not (the warning and the reason recorded):",
                       "fr": "{mark} Tracée malgré une alerte, donnée ou non (l’alerte et le motif tracés) :"},
    "overridden": {"en": "{mark}{number} {when} {order}: {overrides}", "fr": "{mark}{number} {when} {order} : {overrides}"},
    "not_given_key": {"en": "Not given, the reason written:", "fr": "Non donnée, le motif écrit :"},
    "not_given": {"en": "{when} {order}: ({code}) {detail}", "fr": "{when} {order} : ({code}) {detail}"},
    "withdrawn_here": {"en": "withdrawn here", "fr": "annulée ici"},
    "not_here": {"en": "not recorded here", "fr": "non tracée ici"},
    "start": {"en": "Start {when}", "fr": "Début {when}"},
    "stopped": {"en": "Stopped {when}", "fr": "Arrêt {when}"},
    "stopped_because": {"en": "Stopped {when}: {why}", "fr": "Arrêt {when} : {why}"},
    "until": {"en": "Until {when}", "fr": "Jusqu’au {when}"},
    "review_by": {"en": "Review by {when}", "fr": "Réévaluer le {when}"},
    "crossed_key": {"en": "Hatched box: no dose of the order at that time (before its start, after its stop): "
                          "not to be signed.",
                    "fr": "Case hachurée : aucune dose de la prescription à cette heure (avant son début, après son "
                          "arrêt) : ne pas signer."},
    "every": {"en": "min {hours} h apart, max {count}/24 h — for: {why}",
              "fr": "intervalle {hours} h, max {count}/24 h — pour : {why}"},
    "when_printed": {"en": "When printed: {status}", "fr": "À l’impression : {status}"},
    "last": {"en": "last {when}", "fr": "dernière {when}"},
    "last_from": {"en": "last {when} ({order})", "fr": "dernière {when} ({order})"},
    "no_last": {"en": "no dose recorded", "fr": "aucune dose tracée"},
    "next": {"en": "next possible from {when}", "fr": "prochaine possible à partir du {when}"},
    "in_24h": {"en": "{count} in 24 h (most {most})", "fr": "{count} sur 24 h (max {most})"},
    "in_24h_held": {"en": "{count} in 24 h (most {most}) + {held} on hold, perhaps given",
                    "fr": "{count} sur 24 h (max {most}) + {held} en attente, peut-être donnée(s)"},
    "ehr_before": {"en": "doses before {when} are on the EHR's chart: check its last print before giving",
                   "fr": "les doses d’avant le {when} sont dans le DPI : vérifier sa dernière impression avant "
                         "d’administrer"},
    "prescriber": {"en": "Prescriber signature and printed name", "fr": "Signature et nom du prescripteur"},
    "indication": {"en": "Indication: {why}", "fr": "Indication : {why}"},
    "prescribed_by": {"en": "Prescriber: {who}", "fr": "Prescripteur : {who}"},
    "rate_blank": {"en": "Infusion rate: ________ mL/h", "fr": "Perfusion, débit : ________ mL/h"},
    "indication_blank": {"en": "Indication", "fr": "Indication"},
    "start_blank": {"en": "Start (date, time)", "fr": "Début (date, heure)"},
    "stop_blank": {"en": "Stop (date) or duration", "fr": "Arrêt (date) ou durée"},
    "controlled_tick": {"en": "☐ CD — witness", "fr": "☐ Stupéfiant — témoin"},
    "high_alert_tick": {"en": "☐ High-alert", "fr": "☐ Haut risque"},
    "time_critical_tick": {"en": "☐ Time-critical", "fr": "☐ Horaire critique"},
    "prn_cols": {"en": "Medicine, dose, route|Indication|Interval, most in 24 h", "fr": "Médicament, dose, voie|Indication|"
                                                                              "Intervalle, max sur 24 h"},
    "prn_limits": {"en": "min ___ h apart\n\nmax ___ /24 h", "fr": "intervalle ___ h\n\nmax ___ /24 h"},
    "prn_dose_rows": {"en": "Date|Time|Dose|Reason|By / witness", "fr": "Date|Heure|Dose|Motif|Par / témoin"},
    "once_cols": {"en": "Medicine, dose, route|Tick if|Date and time to give|Prescriber signature and printed name|"
                        "Given (time, initials, witness)",
                  "fr": "Médicament, dose, voie|Cocher si|Date et heure prévues|Signature et nom du prescripteur|"
                        "Donnée (heure, initiales, témoin)"},
    "allergy_box": {"en": "ALLERGIES / ADVERSE REACTIONS:\n☐ none known\n☐ yes, one a line:",
                    "fr": "ALLERGIES / EFFETS INDÉSIRABLES :\n☐ aucune connue\n☐ oui, une par ligne :"},
    "weight_box": {"en": "Weight: ____ kg, weighed __/__\nAge: ____ Height: ____ cm\nChart ___ of ___",
                   "fr": "Poids : ____ kg, pesé le __/__\nÂge : ____ Taille : ____ cm\nFeuille ___ sur ___"},
    "usual_box": {"en": "MEDICINES TAKEN BEFORE ADMISSION (drug, dose, when last taken):   ☐ none",
                  "fr": "TRAITEMENT HABITUEL (médicament, dose, dernière prise) :   ☐ aucun"},
    "allergy_cols": {"en": "Drug or substance|Reaction|Allergy or intolerance",
                     "fr": "Médicament ou substance|Réaction|Allergie ou intolérance"},
    "usual_cols": {"en": "Medicine, dose, route|How often|Last taken (date, time)",
                   "fr": "Médicament, dose, voie|Fréquence|Dernière prise (date, heure)"},
}
KEY_WORDS: dict[Lang, dict[NotGivenReason, str]] = {
    "en": {NotGivenReason.REFUSED: "refused", NotGivenReason.NIL_BY_MOUTH: "fasting/nil by mouth",
           NotGivenReason.PATIENT_AWAY: "away", NotGivenReason.UNAVAILABLE: "not available",
           NotGivenReason.HELD: "withheld", NotGivenReason.VOMITED: "vomited", NotGivenReason.ASLEEP: "asleep",
           NotGivenReason.OTHER: "other", NotGivenReason.BY_RULE: "none by its rule (reading)"},
    "fr": {NotGivenReason.REFUSED: "refus", NotGivenReason.NIL_BY_MOUTH: "à jeun", NotGivenReason.PATIENT_AWAY: "absent",
           NotGivenReason.UNAVAILABLE: "non disponible", NotGivenReason.HELD: "suspendu",
           NotGivenReason.VOMITED: "vomissement", NotGivenReason.ASLEEP: "endormi", NotGivenReason.OTHER: "autre",
           NotGivenReason.BY_RULE: "aucune selon la règle (valeur)"}}


def code_names(lang: Lang) -> str:
    """The chart's key of not-given letters, in the order of the dose form's reasons."""
    return ", ".join(f"{NOT_GIVEN_CODES[lang][reason]} {KEY_WORDS[lang][reason]}" for reason in NotGivenReason)


def _key(lang: Lang, width: float, *more: str) -> KeepTogether:
    """The chart's key, a line for what a given dose's cell holds ("HL 08:00 / KB": the witness
    of a controlled drug after the slash, which it did not say) and one for the not-given
    letters (on one line the French key already reached the page's edge), then the lines `more`
    a filled chart's cells may need. All on one page: at a full page's foot the letters' line
    was pushed alone onto the next, and the letters read apart from what they are."""
    lines = [w("key", lang), w("letters_key", lang) + code_names(lang), *more]
    return KeepTogether([_p(line, width, size=7.5) for line in lines])


def w(key: str, lang: Lang, **values: object) -> str:
    return in_words(WORDS, key, lang, **values)


SIZE = 7.5


@cache
def _style(size: float, bold: bool, color: colors.Color) -> ParagraphStyle:
    return style(size=size, bold=bold, condensed=True, color=color, leading=size * 1.2)


def _p(value: str, width: float, size: float = SIZE, bold: bool = False,
       color: colors.Color = colors.black) -> Lines:
    return text(value, _style(size, bold, color), width)


@dataclass(frozen=True)
class PatientChart:
    patient: PatientSummary
    weight: str | None
    height: str | None
    usual_medicines: str | None
    """What the patient took before admission, as the admission recorded it (the paper chart's
    front page: a doctor rewriting the charts missed a home anticoagulant)."""
    usual_decided: Sequence[Decision]
    """The standing reconciliation's decision on each of them (services.reconciliation.answered),
    a held or stopped one printed under them with why: the metformin the pharmacist stopped was
    printed plainly among them, and the night nurse works from the paper."""
    rows: list[MarRow]
    held: frozenset[str] = frozenset()
    """The orders, and the admission, another laptop wrote otherwise (see records.on_hold): the
    paper chart a ward keeps when the laptop goes says so too (the allergies printed are this
    laptop's version's)."""
    as_required: Mapping[str, AsRequiredStatus] = field(default_factory=dict)
    """Where each running as-required order's doses stand as the chart is printed, by order id
    (services.medication.as_required_status, as the dose dialog reads them): on paper for the
    night, the nurse giving morphine at 04:00 had to add up the last dose's time and the 24
    hours' doses from the list of doses."""
    allergies_since: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """The allergies each order given an allergy reason matches that were recorded after the
    reason was given, by order id (services.medication.allergies_since): its reason is not
    printed for them."""
    allergies_on_hold: Sequence[str] = ()
    """The allergies only the version of the admission on hold records, said with their laptop
    (services.medication.allergies_on_hold): printed under this laptop's, in red, whatever this
    laptop's version says ("No known allergies" too)."""
    swallow: str | None = None
    """The swallow screen standing failed as the handover sheet and the dose dialog say it
    (services.swallow_screen.ward_lines: nil by mouth, or the SLT's plan by mouth), printed under
    the allergies in red: the chart listed the aspirin tablet OVERDUE with no word of it."""
    nil_by_mouth: NilByMouth | None = None
    """Why the patient is nil by mouth when printed (services.medication.nil_by_mouth): each
    running order whose route it stops reads "NOT BY MOUTH" and why, as the handover sheet says."""
    rate_changes: Mapping[str, Sequence[RateChange]] = field(default_factory=dict)
    """Each infusion bag's changes of rate, by its dose's id (services.infusion_rates.by_bag),
    those of the bag's own day printed under the bag's dose ("→ 4 mL/h 11:00 (glucose 14.2)"): the
    chart read the bag's first rate all day."""
    carried: Mapping[tuple[str, date], Carried] = field(default_factory=dict)
    """By (order id, day): a bag of an earlier day still up as the day starts, its rate then and
    its changes that day (services.infusion_rates.carried_into), at the top of the day's column of
    the order's first time, followed by its checks that day and when its rates empty it
    (`checks`, `_carried`)."""
    checks: ChartLines = field(default_factory=lambda: ChartLines({}, {}))
    """Each bag's checks (services.infusion_checks.chart_lines): each a short line (its time, its
    initials, the volume left, all well or its note's number), then when its rates empty it, those
    of the bag's day under its dose with its rate changes in time order, those of a later day
    after `carried`; those found amiss in full in the numbered notes under the chart (a
    300-character action in a 3-day column made the cell taller than a page, and the chart did
    not print)."""
    capacity: str | None = None
    """The patient's standing lack of capacity, as the handover sheet says it (services.capacity.
    ward_lines: "LACKS CAPACITY for medicines (assessed 02/12 by …; review by 09/12)"), printed
    under the allergies: the covert doses on the chart rest on it."""
    covert_unsupported: Mapping[str, str] = field(default_factory=dict)
    """What each order given covertly that no capacity assessment supports says, by order id
    (services.capacity.covert_flags), among its flags."""
    ng_position: str | None = None
    """What each running order by nasogastric tube says while the patient's tube in has its
    position to confirm when printed (services.devices.tubes_to_confirm: "NG POSITION NOT
    CONFIRMED (28/11 10:00: aspirate pH 6.5): nothing by it until confirmed (…)"), in red: the
    chart listed the levodopa by NG with no word of it."""


def _signed(rows: Sequence[MarRow]) -> Iterator[tuple[str, str]]:
    """Who gave or witnessed each dose the chart's cells and as-required lists print, as (staff
    ID, device id): the chart's key names them (`Authors.signatures`)."""
    for row in rows:
        for dose in (*(dose for cell in row.cells for dose in cell.recorded), *row.prn_doses):
            yield dose.given_by, dose.device_id
            if dose.witness:
                yield dose.witness, dose.device_id


def _stopped_with_its_stay(row: MarRow, order_form: FormSpec, lang: Lang, printed_at: datetime) -> list[str]:
    """What an order that ended with an earlier stay says (see medication.MarRow.stay_ended), as
    the screen says it, its day as the chart's times are printed (by the offset they were
    written with), the orders it was prescribed again as read when printed (one whose stop has
    passed said stopped, as the course under it: medication.order_reading); nothing for another."""
    if row.stay_ended is None:
        return []
    date = stay_end_date(row.stay_ended, row.stay_ended.tzinfo)
    if not row.ordered_again:
        return [w("stopped_with_its_stay", lang, date=date)]
    return [w("ordered_again", lang, date=date,
              orders=semicolon(lang).join(order_reading(other, order_form, lang, at=printed_at)
                                          for other in row.ordered_again))]


def _as_required_said(status: AsRequiredStatus, row: MarRow, names: Mapping[str, str], lang: Lang,
                      zone: tzinfo | None) -> str:
    """An as-required order's last dose (and its order when another's, of `names`: each order of
    the chart by id as its line heads it), the next dose allowed when not at once (and the
    medicine's limit holding it, see AsRequiredStatus.held_by), and the 24 hours' doses against
    the order's maximum, as of the chart's printing; for an order loaded from the EHR's snapshot,
    that its doses before a moment are on the EHR's chart (see AsRequiredStatus.ehr_before).
    Each time on the ward's clock (`zone`, see page.ward_clock)."""
    last = status.last
    parts = [w("no_last", lang) if last is None else
             w("last_from", lang, when=ward_clock(last.at, zone), order=names[last.order_id])
             if last.order_id != row.order.record_id and last.order_id in names else
             w("last", lang, when=ward_clock(last.at, zone))]
    if status.next_at is not None:
        # The medicine's own limit holding it, when not the order's (its interval from another
        # order's dose, its 24 hours' most): the next time alone sent the nurse to the order's line.
        held = f" ({status.held_by.text(lang)})" if status.held_by is not None else ""
        parts.append(w("next", lang, when=ward_clock(status.next_at, zone)) + held)
    if row.order.max_doses_24h is not None:
        parts.append(w("in_24h_held" if status.on_hold else "in_24h", lang, count=len(status.recent),
                       most=row.order.max_doses_24h, held=len(status.on_hold)))
    if status.ehr_before is not None:
        parts.append(w("ehr_before", lang, when=ward_clock(status.ehr_before, zone)))
    return w("when_printed", lang, status=" — ".join(parts))


@dataclass(frozen=True)
class _OrdersSaid:
    """What the chart says of each order besides its own answers, by order id."""

    held: frozenset[str]
    """The orders another laptop wrote otherwise."""
    reasons: Mapping[str, str]
    """Why an order the patient's allergies match was prescribed all the same, with the allergies
    it matches (`_prescribed_despite`)."""
    since: Mapping[str, Sequence[str]]
    """The allergies an order matches recorded after it was prescribed or its reason given
    (services.medication.allergies_since): printed on its row, not the banner's alone."""
    prescribers: Mapping[str, str]
    """Who prescribed it (medication.prescriber_words): the paper chart's printed name."""
    printed_at: datetime
    """When the chart is printed: an order's stop still ahead then reads "Until", not "Stopped"."""
    nil_by_mouth: NilByMouth | None = None
    """Why the patient is nil by mouth when printed (`PatientChart.nil_by_mouth`)."""
    covert_unsupported: Mapping[str, str] = field(default_factory=dict)
    """`PatientChart.covert_unsupported`."""
    ng_position: str | None = None
    """`PatientChart.ng_position`."""

    def _running(self, row: MarRow) -> bool:
        """Whether the order runs when printed (not one that ended with an earlier stay)."""
        return row.stay_ended is None and row.order.active_at(self.printed_at)

    def not_by_mouth(self, row: MarRow, lang: Lang) -> str | None:
        """"NOT BY MOUTH: failed swallow screen 10:20" of an order running when printed whose route
        the patient's nil by mouth stops; None else."""
        why = None if self.nil_by_mouth is None or not self._running(row) else self.nil_by_mouth.why(row.order.route)
        return None if why is None else w("not_by_mouth", lang, why=why[lang])

    def tube_unconfirmed(self, row: MarRow) -> str | None:
        """`ng_position` of an order by nasogastric tube running when printed (domain.devices.by_tube);
        None else."""
        return self.ng_position if self.ng_position and self._running(row) and by_tube(row.order.route) else None


def _prescribed_despite(order: Order, chart: PatientChart, lang: Lang) -> str | None:
    """The prescriber's reason to write the order despite the patient's allergies
    (domain.medication.prescribed_despite), with the allergies it matches as the admission
    describes them; None where it has none to give. Without them, a MAR page parted from the
    first, its identification box naming the first allergies of eight, read "Prescribed despite
    the allergy" beside chlorhexidine mouthwash and named no chlorhexidine allergy. Several
    matched are said as several."""
    allergies, described = chart.patient.allergies, chart.patient.allergies_in(lang)
    matched = prescribed_despite_allergies(order, allergies, described, chart.allergies_since.get(order.record_id, ()))
    if not matched:
        return None
    return w("allergy_reason" if len(matched) == 1 else "allergies_reason", lang, reason=order.allergy_reason,
             allergies=semicolon(lang).join(line for allergy, line in zip(allergies, described) if allergy in matched))


def _course(row: MarRow, printed_at: datetime, lang: Lang) -> str:
    """An order's start, and its stop as the dose dialog says it: stopped once reached, until it
    is ahead ("Stopped 30/11 08:00" printed on the 28th read as a course ended two days early);
    both on the clock of the printing (see page.ward_clock). Stopped, with the reason its stop was
    written with (medication.MarRow.stop_reason), as the paper chart's ceased box carries it:
    "held for AKI, restart when the creatinine is back" read as stopped for good. And, while it
    runs, when an antibiotic or an as-required opioid is to be reviewed (domain.medication.
    review_due_at), as the national antimicrobial charts' box says it."""
    order = row.order
    ended = reached(order.stop_at, printed_at)
    stop = [] if order.stop_at is None else [w(("stopped_because" if row.stop_reason else "stopped") if ended else "until",
                                               lang, when=ward_clock(order.stop_at, printed_at.tzinfo),
                                               why=row.stop_reason)]
    due = None if ended else review_due_at(order)
    review = [] if due is None else [w("review_by", lang, when=f"{due.astimezone(printed_at.tzinfo):%d/%m}")]
    return " — ".join([w("start", lang, when=ward_clock(order.start_at, printed_at.tzinfo)), *stop, *review])


# The other orders of a medicine an order's box names in full (see `_also_ordered`).
ALSO_NAMED = 3


def _also_ordered(order: Order, others: Sequence[Order], order_form: FormSpec, lang: Lang) -> str:
    """The flag of a medicine ordered more than once: the first `ALSO_NAMED` other orders as a
    nurse reads them, then how many more there are. Each order's box named every other one, so
    25 orders of one medicine made each box longer than a page and the chart did not print; the
    other orders have their own boxes on the chart, and the nurse needs to know they are there.
    One more is named, not counted ("and 1 more orders of it on this chart"). Another
    anticoagulant beside `order` is said as one ("ALSO ON AN ANTICOAGULANT", as the round says it)."""
    beside = [other for other in others if another_anticoagulant(order, other)]
    same = [other for other in others if other not in beside]
    shown = same if len(same) <= ALSO_NAMED + 1 else same[:ALSO_NAMED]
    named = semicolon(lang).join(order_reading(other, order_form, lang) for other in shown)
    if len(same) > len(shown):
        named = w("and_more", lang, orders=named, count=len(same) - len(shown))
    anticoagulants = semicolon(lang).join(order_reading(other, order_form, lang) for other in beside)
    return " — ".join(filter(None, (w("also_ordered", lang, orders=named) if named else "",
                                    w("also_anticoagulated", lang, orders=anticoagulants) if anticoagulants else "")))


def _dose_reason_words(order: Order, reason: str) -> str:
    """The words naming the question the prescriber's `reason` (services.medication.DOSE_REASON) answered:
    one field keeps every reason asked of an order's dose, and a one-tablet order by mouth after a
    failed swallow screen printed "Prescribed above a usual first dose" (review T1, defect 1). A
    child's fluid's is for its rate; one of an order by mouth naming the swallow answered a failed
    screen, one of a medicine raising the potassium naming it a high potassium, as services.medication
    asks them (only such a reason answers them); any other a dose above the usual."""
    if child_fluids.is_fluid(order):
        return "rate_reason"
    if by_mouth(order.route) and names_swallow(reason):
        return "swallow_reason"
    if raises_potassium(order) and names_potassium(reason):
        return "potassium_reason"
    return "dose_reason"


def _order_cell(row: MarRow, order_form: FormSpec, lang: Lang, said: _OrdersSaid, width: float,
                status: str | None = None) -> Lines:
    """The order as its chart line heads it; in bold red when another laptop wrote it otherwise,
    its medicine is ordered twice (see medication.also_ordered), it is not to be given by mouth
    (`_OrdersSaid.not_by_mouth`), it goes by a nasogastric tube whose position is not confirmed
    (`_OrdersSaid.tube_unconfirmed`), its next dose waits on a level
    or an AKI's review (medication.holding: not one its prescriber answered knowing the AKI; said
    short, medication.on_chart), or its review is past when the chart is printed
    (chart_alerts.review_said, as the escalation list says it; not one that ended with an earlier
    stay, which awaits its decision instead), the reason kept for a late review or a long course
    beside it (a TB course printed REVIEW OVERDUE without why it was decided). `status`: where
    an as-required order's doses stand (`_as_required_said`)."""
    order = row.order
    lines = [order_label(order, order_form, lang), *filter(None, [rule_words(order, lang)])]
    overdue = None if row.stay_ended is not None else review_said(order, said.printed_at, lang)
    not_by_mouth = said.not_by_mouth(row, lang)
    tube = said.tube_unconfirmed(row)
    flags = [overdue] if overdue else []
    flags += [not_by_mouth] if not_by_mouth else []
    flags += [tube] if tube else []
    flags += [w("review_reason", lang, reason=order.review_reason)] if order.review_reason else []
    flags += [w("on_hold", lang)] if order.record_id in said.held else []
    flags += _stopped_with_its_stay(row, order_form, lang, said.printed_at)
    flags += [_also_ordered(order, row.also_ordered, order_form, lang)] if row.also_ordered else []
    flags += [on_chart(warning).text(lang) for warning in row.levels]
    flags += order_flags(order, lang, said.printed_at)
    flags += [said.covert_unsupported[order.record_id]] if order.record_id in said.covert_unsupported else []
    flags += [said.reasons[order.record_id]] if order.record_id in said.reasons else []
    flags += [w("allergy_since", lang, allergies=", ".join(since))] if (since := said.since.get(order.record_id)) else []
    # A reason a level's line quotes (an AKI's, medication.on_chart; a high potassium's decision) is not said again.
    quoted = any(warning.values.get("reason") == order.dose_reason for warning in row.levels)
    flags += [w(_dose_reason_words(order, order.dose_reason), lang,
                reason=order.dose_reason)] if order.dose_reason and not quoted else []
    if order.frequency is Frequency.PRN:
        lines.append(w("every", lang, hours=decimal_text(order.min_interval_hours, lang), count=order.max_doses_24h,
                       why=order.prn_indication or ""))
    lines += [w("indication", lang, why=order.indication)] if order.indication else []
    lines.append(_course(row, said.printed_at, lang))
    lines.append(w("prescribed_by", lang, who=said.prescribers[order.record_id]))
    lines += [status] if status else []
    warned = (order.record_id in said.held or bool(row.also_ordered) or bool(overdue) or bool(holding(row.levels))
              or bool(not_by_mouth) or bool(tube))
    return _p("\n".join(lines + flags), width, bold=warned, color=ALERT if warned else colors.black)


def _marked(found: list[Administration], marks: Mapping[str, int]) -> str:
    """The marks of the doses given over a warning, each numbered as in the notes under the chart
    (the screen's cell says it in its tooltip)."""
    return "".join(f" {OVERRIDDEN}{marks[dose.record_id]}" for dose in found if dose.record_id in marks)


STATE_WORDS = {DoseState.LATE: "late", DoseState.OVERDUE: "overdue", DoseState.DUE: "due",
               DoseState.NOT_RECORDED: "not_recorded", DoseState.IN_EHR: "in_ehr",
               DoseState.NOT_IN_HOSPITAL: "not_in_hospital", DoseState.CHECK_PAPER: "check_paper"}
QUIET_STATES = (DoseState.DUE, DoseState.NOT_RECORDED, DoseState.IN_EHR, DoseState.NOT_IN_HOSPITAL)  # not in bold
GREY_FILL = colors.HexColor("#e0e0e0")
GREY_TEXT = HINT  # a blank box's prompt, lighter than what is written in it
# Room under each chart line, as on the paper chart.
BODY_PAD_BOTTOM = 6.0


def _shown(found: MarCell, order: Order, authors: Authors, laptops: Mapping[str, Laptop], order_form: FormSpec,
           lang: Lang, marks: Mapping[str, int], changes: Mapping[str, Sequence[RateChange]],
           checks: Mapping[str, Sequence[tuple[datetime, str]]], zone: tzinfo | None) -> str:
    """A cell's doses, each infusion bag's with its changes of rate and its checks of the same day
    under it, in time order (`changes` and `checks`, by dose, on the clock of `zone`; a later day's
    go in that day's column, see PatientChart.carried and .checks), or its state in words when none
    is recorded (empty for one to come), the doses as they happened (MarCell.as_happened)."""
    if found.recorded:
        return semicolon(lang).join("\n".join([
            chart_dose_text(dose, order, authors, laptops, order_form, lang, zone) + _marked([dose], marks),
            *(words for _, words in sorted(
                [*((change.at, change_words(change, dose.at, lang, zone)) for change in changes.get(dose.record_id, ())
                   if change.at.astimezone(zone).date() == dose.at.astimezone(zone).date()),
                 *((at, words) for at, words in checks.get(dose.record_id, ())
                   if at.astimezone(zone).date() == dose.at.astimezone(zone).date())],
                key=lambda line: elapsed.instant(line[0])))])
            for dose in found.as_happened)
    return w(STATE_WORDS[found.state], lang) if found.state in STATE_WORDS else ""


def _carried(bag: Carried | None, checks: Sequence[str]) -> list[str]:
    """A bag of an earlier day as the day's column starts with it: its rate and changes, then its
    checks that day and when it empties (PatientChart.checks)."""
    return [*(bag.lines if bag is not None else []), *checks]


# Times of a regular order under one box of its medicine: a page breaks between boxes, never inside
# one, so an hourly order's 24 times in one box were taller than a page and the chart did not
# print. Its times past the first twelve print under a box "… (continued)", as its doses' lines.
TIMES_PER_SPAN = 12


def _regular_table(rows: list[MarRow], days: list[date], authors: Authors, laptops: Mapping[str, Laptop],
                   order_form: FormSpec, lang: Lang, width: float, said: _OrdersSaid, marks: Mapping[str, int],
                   changes: Mapping[str, Sequence[RateChange]],
                   carried: Mapping[tuple[str, date], Carried], checks: ChartLines) -> Grid:
    day_w = width * 0.61 / max(len(days), 1)
    widths = [width * 0.32, width * 0.07] + [day_w] * len(days)

    def cell(value: str, column: int, bold: bool = False, color: colors.Color = colors.black) -> Lines:
        return _p(value, widths[column] - 2 * PAD_X, bold=bold, color=color)

    body: list[list[Cell]] = [[cell(w("medicine", lang), 0, bold=True), cell(w("time", lang), 1, bold=True)]
                              + [cell(f"{DAY_NAMES[lang][day.weekday()]} {day:%d/%m}", 2 + n, bold=True) for n, day in enumerate(days)]]
    spans = []
    crossed: list[tuple[int, int]] = []
    continued: dict[int, str] = {}
    for row in rows:
        times = row.clocks or ["—"]
        shown = partial(_shown, order=row.order, authors=authors, laptops=laptops, order_form=order_form, lang=lang,
                        marks=marks, changes=changes, checks=checks.printed, zone=said.printed_at.tzinfo)
        for index, clock in enumerate(times):
            if index % TIMES_PER_SPAN == 0:
                spans.append((len(body), len(body) + len(times[index:index + TIMES_PER_SPAN]) - 1))
                continued[len(body)] = w("continued", lang, order=order_label(row.order, order_form, lang))
            order = (_order_cell(row, order_form, lang, said, widths[0] - 2 * PAD_X) if index == 0 else
                     cell("\n".join([w("continued", lang, order=order_label(row.order, order_form, lang)),
                                     *order_flags(row.order, lang, said.printed_at)]), 0)
                     if index % TIMES_PER_SPAN == 0 else None)
            line: list[Cell] = [order, cell(clock, 1, bold=True)]
            for column, day in enumerate(days, start=2):
                found = row.cell_at(day, clock)
                # A bag of an earlier day still up: first in the day's column, above what the cell holds.
                running = _carried(carried.get((row.order.record_id, day)),
                                   checks.carried.get((row.order.record_id, day), ())) if index == 0 else []
                # Not hatched under its bag and checks: a once-only bag put up at 20:00 runs into the next day.
                if row.outside_course(day, clock) and not running:
                    crossed.append((len(body), column))
                if found is not None and found.held:
                    line.append(cell("\n".join(part for part in (*running, shown(found), w("dose_on_hold", lang))
                                               if part), column, bold=True, color=ALERT))
                elif found is not None and found.recorded:
                    line.append(cell("\n".join([*running, shown(found)]), column))
                elif found is not None and found.state in STATE_WORDS:
                    line.append(cell("\n".join([*running, shown(found)]), column,
                                     bold=found.state not in QUIET_STATES,
                                     color=ALERT))
                else:
                    line.append(cell("\n".join(running), column) if running else None)
            body.append(line)
    return Grid(widths, body, fill=GREY_FILL, rule=RULE, bottom_padding=BODY_PAD_BOTTOM, spans=spans,
                crossed=crossed, continued=continued)


# As-required doses per line of the chart: a page breaks between lines, so two weeks of
# four-hourly doses in one line were taller than a page and the chart did not print.
PRN_LINE = 12


def _prn_table(rows: list[MarRow], authors: Authors, laptops: Mapping[str, Laptop], order_form: FormSpec, lang: Lang,
               width: float, said: _OrdersSaid, marks: Mapping[str, int], statuses: Mapping[str, str]) -> Grid:
    """`statuses`: what `_as_required_said` says of each running order, by id."""
    widths = [width * 0.39, width * 0.61]
    order_w, doses_w = (column - 2 * PAD_X for column in widths)
    body: list[list[Cell]] = [[_p(w("medicine", lang), order_w, bold=True), _p(w("prn_given", lang), doses_w, bold=True)]]
    continued: dict[int, str] = {}
    for row in rows:
        doses_held = {found.dose.record_id: found for found in row.held}
        withdrawn = [found.dose for found in row.held if found.withdrawn and found.dose.scheduled_for is None]
        doses = [dose_text(dose, authors, laptops, lang, ward_clock(dose.at, said.printed_at.tzinfo))
                 + (f" — {dose_words(order_form, dose.dose, row.order.dose_unit, lang)}" if dose.dose is not None else "")
                 + typed_words(dose, lang, said.printed_at.tzinfo)
                 + (f" — {w('withdrawn_here' if doses_held[dose.record_id].here else 'not_here', lang)}"
                    if dose in withdrawn else "")
                 + (f" — {w('dose_on_hold', lang)}" if dose.record_id in doses_held else "")
                 + _marked([dose], marks)
                 + (f" — {w('given_for', lang, why=dose.given_for)}" if dose.given_for else "")
                 for dose in sorted([*row.prn_doses, *withdrawn], key=lambda d: d.at)]
        continued[len(body)] = w("continued", lang, order=order_label(row.order, order_form, lang))
        body.append([_order_cell(row, order_form, lang, said, order_w, statuses.get(row.order.record_id)),
                     _p("\n".join(doses[:PRN_LINE]) or "—", doses_w)])
        body += [[_p(w("continued", lang, order=order_label(row.order, order_form, lang)), order_w),
                  _p("\n".join(doses[start:start + PRN_LINE]), doses_w)]
                 for start in range(PRN_LINE, len(doses), PRN_LINE)]
    return Grid(widths, body, fill=GREY_FILL, rule=RULE, bottom_padding=BODY_PAD_BOTTOM, continued=continued)


def _earlier_stay_table(rows: list[MarRow], order_form: FormSpec, lang: Lang, width: float,
                        printed_at: datetime) -> Grid:
    """The orders that ended with an earlier stay awaiting a decision (see
    medication.MarRow.awaiting_decision), first on the chart and in red: none is given, and one
    still meant is prescribed again (as the screen's chart offers it)."""
    return Grid([width], [[_p(" — ".join([order_label(row.order, order_form, lang),
                                          *_stopped_with_its_stay(row, order_form, lang, printed_at)]),
                               width - 2 * PAD_X,
                               size=9, bold=True, color=ALERT)] for row in rows],
                fill=GREY_FILL, rule=RULE, header_rows=0, bottom_padding=BODY_PAD_BOTTOM)


# Days across one grid at most: a tenth of it is narrower than OVERDUE in bold or "(before
# downtime)", which broke inside their cells; a longer chart prints its days in blocks.
DAYS_PER_GRID = 9


def _blocks(days: list[date]) -> list[list[date]]:
    """The days in as few blocks as fit, of even length (a fortnight: two weeks of seven days)."""
    size = math.ceil(len(days) / math.ceil(len(days) / DAYS_PER_GRID))
    return [days[start:start + size] for start in range(0, len(days), size)]


def _band(value: str, width: float) -> Grid:
    return Grid([width], [[_p(value, width - 2 * PAD_X, size=9.5, bold=True, color=colors.white)]], fill=BAND)


def _section(title: str, grid: Grid, width: float) -> list[Flowable]:
    """A band and its grid. The band starts a page rather than sit alone at its foot, its
    orders on the next; a grid longer than the page left starts under it all the same (kept
    together, two weeks of as-required doses left a page all but empty before them). A grid
    whose first order is taller than the page under the band begins under it all the same, cut
    across the page (see grid.Grid): moved onto the next page, it left the band alone at the
    foot of one."""
    band = _band(title, width)
    grid.kept_under = band.height
    return [CondPageBreak(band.height + grid.lead_height()), band, grid, Spacer(1, 3 * mm)]


def _overridden(rows: list[MarRow], days: list[date], dose_form: FormSpec,
                lang: Lang) -> list[tuple[MarRow, str, list[Administration]]]:
    """The doses of the days shown given over a warning, one note per order and the same
    warnings with the same reasons (its doses in the order given), the notes in the order of
    their first dose: a patient whose allergies were not known yet had every dose recorded over
    that warning with one reason, and the chart listed it once a dose, two weeks of them a page
    of the same line."""
    found = [(dose, row) for row in rows for cell in row.cells if cell.slot.date() in days for dose in cell.recorded]
    found += [(dose, row) for row in rows for dose in row.prn_doses]
    notes: dict[tuple[str, str], tuple[MarRow, str, list[Administration]]] = {}
    for dose, row in sorted(((dose, row) for dose, row in found if dose.overrides), key=lambda item: item[0].at):
        said = overrides_text(dose_form, dose, lang)
        notes.setdefault((row.order.record_id, said), (row, said, []))[2].append(dose)
    return list(notes.values())


def _not_given_why(rows: list[MarRow], days: list[date]) -> list[tuple[Administration, MarRow]]:
    """The doses of the days shown not given with the nurse's reason written ("O — Other" asks for
    it), by their time: the chart's cell gives the code alone, and "(O)" told the pharmacist
    reviewing omitted doses nothing."""
    found = [(dose, row) for row in rows for cell in row.cells if cell.slot.date() in days for dose in cell.recorded]
    return sorted(((dose, row) for dose, row in found if dose.reason is not None and dose.detail),
                  key=lambda item: item[0].scheduled_for or item[0].at)


def _chart(chart: PatientChart, days: list[date], authors: Authors, laptops: Mapping[str, Laptop], order_form: FormSpec,
           dose_form: FormSpec, lang: Lang, width: float, printed_at: datetime,
           resuscitation_decided: str | None) -> list[Flowable]:
    story: list[Flowable] = [PatientMarker(chart.patient)]
    # The allergy status is each page's identification box's; here only what the box had no room
    # for, or this laptop's over the allergies only a version on hold records (a bare list else).
    if (allergies := allergy_line(chart.patient, lang) if chart.allergies_on_hold
            else allergies_beyond_box(chart.patient, lang)) is not None:
        story.append(_p(allergies, width, size=11, bold=True, color=allergy_colour(chart.patient)))
    if chart.allergies_on_hold:
        story.append(_p(semicolon(lang).join(chart.allergies_on_hold), width, size=11, bold=True, color=ALERT))
    if chart.swallow:
        story.append(_p(chart.swallow, width, size=11, bold=True, color=ALERT))
    if chart.capacity:
        story.append(_p(chart.capacity, width, size=11, bold=True, color=ALERT))
    if chart.patient.admission_record_id in chart.held:
        story.append(_p(w("admission_on_hold", lang), width, size=11, bold=True, color=ALERT))
    # Not for resuscitation, in the census's bold red, with who decided it and when: the MAR at the
    # bedside never said it, then said it with no doctor beside a NEWS2 chart naming one.
    if (dnacpr := resuscitation_line(chart.patient, lang, resuscitation_decided)) is not None:
        story.append(dnacpr)
    # A child's age in words and their weight, or that they were never weighed, in red: their
    # doses are worked out per kilogram, and the chart went from the allergies to the medicines.
    born, today = chart.patient.birth_date, printed_at.date()
    child = born is not None and age_in_years(born, today) < CHILD_UNTIL
    unweighed = child and not chart.weight
    measures = ([w("age", lang, age=age_words(born, today).text(lang))] if child and born is not None else []) + (
        [w("weight", lang, weight=chart.weight)] if chart.weight else []) + (
        [w("height", lang, height=chart.height)] if chart.height else [])
    if measures:
        story.append(_p(" — ".join(measures), width, size=9))
    if unweighed:
        story.append(_p(w("not_weighed", lang), width, size=11, bold=True, color=ALERT))
    story.append(_p(w("usual_medicines", lang, medicines=chart.usual_medicines or w("usual_unknown", lang)), width,
                    size=9))
    if decided := [f"{one.line} — {said}" for one in chart.usual_decided if (said := one.said(lang))]:
        story.append(_p(w("usual_decided", lang, decided=semicolon(lang).join(decided)), width, size=9))
    for said in gap_said(cell.on_paper for row in chart.rows for cell in row.cells):
        story.append(_p(said.text(lang), width, size=11, bold=True, color=ALERT))
    story.append(Spacer(1, 2 * mm))
    if earlier := [row for row in chart.rows if row.awaiting_decision]:
        story += _section(w("earlier_stay", lang), _earlier_stay_table(earlier, order_form, lang, width, printed_at), width)
    gridded = [row for row in chart.rows if row.on_the_grid]
    regular = [r for r in gridded if r.order.frequency is Frequency.SCHEDULED]
    once = [r for r in gridded if r.order.frequency is Frequency.ONCE]
    prn = [r for r in gridded if r.order.frequency is Frequency.PRN]
    if not chart.rows:
        story.append(_p(w("none", lang), width, size=10))
    overridden = _overridden(chart.rows, days, dose_form, lang)
    said = _OrdersSaid(chart.held, {row.order.record_id: reason for row in chart.rows
                                    if (reason := _prescribed_despite(row.order, chart, lang)) is not None},
                       chart.allergies_since,
                       {row.order.record_id: prescriber_words(row, authors, laptops, lang) for row in chart.rows},
                       printed_at, chart.nil_by_mouth, chart.covert_unsupported, chart.ng_position)
    marks = {dose.record_id: number for number, (_, _, doses) in enumerate(overridden, start=1) for dose in doses}
    blocks = _blocks(days)
    # A once-only order apart: under "Regular medicines" its one time read as a dose each day.
    for heading, rows in (("regular", regular), ("once", once)):
        for block in blocks if rows else []:
            title = w(heading, lang) + ("" if len(blocks) == 1 else " — " + w(
                "period", lang, first=f"{block[0]:%d/%m}", last=f"{block[-1]:%d/%m}"))
            story += _section(title, _regular_table(rows, block, authors, laptops, order_form, lang, width, said,
                                                    marks, chart.rate_changes, chart.carried, chart.checks), width)
    if prn:
        names = {row.order.record_id: order_label(row.order, order_form, lang) for row in chart.rows}
        statuses = {row.order.record_id: _as_required_said(chart.as_required[row.order.record_id], row, names, lang,
                                                           printed_at.tzinfo)
                    for row in prn if row.order.record_id in chart.as_required}
        story += _section(w("prn", lang), _prn_table(prn, authors, laptops, order_form, lang, width, said, marks,
                                                     statuses), width)
    more = [w("crossed_key", lang)] if regular or once else []
    if any(dose.covertly for dose in chart_doses(chart.rows)):  # a dose's cell is marked (dose_text)
        more.append(w("covert_key", lang, mark=COVERT_MARK[lang]))
    if {*chart_devices(chart.rows), *(device for _, device in chart.checks.signed)} - {authors.device_id}:
        more.append(w("other_laptop_key", lang))
    if who := authors.signatures(lang, [*_signed(chart.rows), *chart.checks.signed], laptops):
        more.append(w("signatures", lang, who=who))
    story.append(_key(lang, width, *more))
    if overridden:
        story.append(_p("\n".join([w("overridden_key", lang, mark=OVERRIDDEN)] + [
            w("overridden", lang, mark=OVERRIDDEN, number=number,
              when=", ".join(ward_clock(dose.at, printed_at.tzinfo) for dose in doses),
              order=order_label(row.order, order_form, lang), overrides=said)
            for number, (row, said, doses) in enumerate(overridden, start=1)]), width, size=7.5))
    if checked := chart.checks.notes.get(chart.patient.patient_id):
        story.append(_p(checked, width, size=7.5))
    if not_given := _not_given_why(chart.rows, days):
        story.append(_p("\n".join([w("not_given_key", lang)] + [
            w("not_given", lang, when=ward_clock(dose.scheduled_for or dose.at, printed_at.tzinfo),
              order=order_label(row.order, order_form, lang), code=NOT_GIVEN_CODES[lang][dose.reason],
              detail=dose.detail) for dose, row in not_given if dose.reason is not None]), width, size=7.5))
    if any(row.held for row in chart.rows):
        story.append(_p(w("dose_on_hold_key", lang), width, size=9, bold=True, color=ALERT))
    return story


def _period(first_day: date, days: int, lang: Lang) -> tuple[list[date], str]:
    shown = [first_day + timedelta(days=n) for n in range(days)]
    return shown, w("period", lang, first=f"{shown[0]:%d/%m/%Y}", last=f"{shown[-1]:%d/%m/%Y}")


def mar_pdf(charts: Sequence[PatientChart], out: Path, *, first_day: date, days: int, authors: Authors,
            laptops: Mapping[str, Laptop], order_form: FormSpec, dose_form: FormSpec, lang: Lang, printed_by: str, printed_at: datetime, device_name: str,
            not_printed: Collection[str] = (), resuscitation_decided: Mapping[str, str] | None = None) -> Path:
    """One patient's chart, or a ward pack: each patient starts a page that carries their
    identifiers, under a title that says which doses the chart leaves out: those recorded after
    its printing. `authors`, `laptops`: who gave and witnessed each dose (domain.laptops.Authors);
    `order_form`: the medication order form, whose words the doses are given in;
    `dose_form`: the dose's, whose the warnings given over are named in. `not_printed`: the
    patients whose charts could not be laid out: their page in the pack says so under their
    identifiers (one chart too long for its pages took the whole ward's
    pack down). `resuscitation_decided`: who decided each patient's DNACPR and when, by patient id
    (services.resuscitation.decided), said as the NEWS2 chart at the same bedside says it."""
    shown, period = _period(first_day, days, lang)
    info = PageInfo(title=w("title", lang), lang=lang, printed_by=printed_by, printed_at=printed_at,
                    device_name=device_name, patient=charts[0].patient if len(charts) == 1 else None,
                    landscape=True, place=True, allergies=True,
                    subtitle="\n".join([period, w("snapshot", lang,
                                                   at=ward_clock(printed_at, printed_at.tzinfo, DATED))]))
    width = body_width(info)
    story: list[Flowable] = []
    for index, chart in enumerate(charts):
        if index:
            story.append(PageBreak())
        if chart.patient.patient_id in not_printed:
            story += [PatientMarker(chart.patient), _p(w("not_printed", lang), width, size=11, bold=True, color=ALERT)]
        else:
            story += _chart(chart, shown, authors, laptops, order_form, dose_form, lang, width, printed_at,
                            (resuscitation_decided or {}).get(chart.patient.patient_id))
    return build_pdf(out, story, info)


# A blank chart for a downtime, as a paper inpatient chart runs: a week across, and as many
# regular and as-required orders as fill three pages and two (the chart had 3 days and 4
# as-required lines, each a box to write its doses in as they came). An as-required order
# takes a row more since each dose gives its reason, so two pages hold 6 of them, not 7.
BLANK_DAYS = 7
BLANK_REGULAR = 11
BLANK_PRN = 6
BLANK_ONCE = 7
# Each as-required order's doses, a column each: its date, time, dose, reason and who gave it.
PRN_DOSES = 8
BY_HAND = 7 * mm  # a box for initials, a time or a dose
# The reason an as-required dose was given ("pain 7/10"), the row of its column that takes
# words, not figures: a little taller than the others.
PRN_REASON_ROW = 3
PRN_REASON = 8 * mm
# A once-only dose's line: its medicine written above an infusion's rate, its two ticks.
ONCE_LINE = 10 * mm


def blank_mar_pdf(out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime, device_name: str,
                  regular: int = BLANK_REGULAR, prn: int = BLANK_PRN, once: int = BLANK_ONCE,
                  days: int = BLANK_DAYS) -> Path:
    """A blank chart for a new admission while the laptop is unavailable. Each order asks what
    the filled chart prints of it (start, indication, an as-required one's least interval and
    most in 24 hours) and a signature with the name printed beside it, as the national inpatient
    chart does; once-only doses have their own lines. The as-required and once-only orders each
    start a page, which can be printed on the back of the regular orders', each page after the
    first asking the allergy status beside its label box (PageInfo.allergies)."""
    info = PageInfo(title=w("blank_title", lang, days=days), lang=lang, printed_by=printed_by, printed_at=printed_at,
                    device_name=device_name, landscape=True, blank=True, allergies=True)
    width = body_width(info)
    story: list[Flowable] = [_allergy_box(width, lang), Spacer(1, 2 * mm),
                             _key(lang, width), Spacer(1, 2 * mm),
                             _band(w("regular", lang), width), _blank_regular(width, lang, regular, days), PageBreak(),
                             _band(w("prn", lang), width), _blank_prn(width, lang, prn), PageBreak(),
                             KeepTogether([_band(w("once", lang), width), _blank_once(width, lang, once)]),
                             Spacer(1, 2 * mm),
                             KeepTogether([_band(w("usual_box", lang), width), _blank_usual(width, lang)])]
    return build_pdf(out, story, info)


def _ruled(body: list[list[object]], widths: list[float], heights: list[float | None], *commands: tuple) -> Table:
    """A blank grid: ruled, its heading row shaded and repeated on each page it runs onto."""
    table = Table(body, colWidths=widths, rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE), ("BACKGROUND", (0, 0), (-1, 0), GREY_FILL),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), *commands]))
    return table


# The allergies' ruled lines on the blank chart's front page: two side by side a line, each a
# drug or substance, its reaction and its type, as the national chart's front page asks them.
ALLERGY_LINES = 2
ALLERGY_LINE = 6.5 * mm
ALLERGY_SHARES = (0.41, 0.22, 0.37)  # each heading on one line at 7 pt, in French too
# The medicines taken before admission, under the once-only doses: two side by side a line.
USUAL_LINES = 4
USUAL_LINE = 6.5 * mm
USUAL_SHARES = (0.5, 0.22, 0.28)


def _side_by_side(width: float, shares: Sequence[float], headings: str, lines: int) -> list[list[object]]:
    """Ruled lines to write by hand, two entries side by side (`shares` of half `width` each),
    under the columns' `headings` ("a|b|c"), small and grey as a prompt is: their column widths
    and rows."""
    widths = [width / 2 * share for share in shares] * 2
    prompts = [_prompt_text(heading, column - 2 * PAD_X) for heading, column in zip(headings.split("|") * 2, widths)]
    return [widths, prompts, *([""] * len(widths) for _ in range(lines))]


def _allergy_box(width: float, lang: Lang) -> Table:
    """The allergies in red beside ruled lines, a drug or substance, its reaction and its type
    each (`ALLERGY_LINES` of two), then the weight, height and chart number, as the national
    chart's front page asks them. One box under the label's two lines left 8 mm to write every
    allergy in by hand; the medicines taken before admission, which shared the row, have their
    own lines on the once-only page (`_blank_usual`). Its height is the old box's and a little:
    the front page still holds three regular orders."""
    label, weight = width * 0.22, width * 0.16
    widths, *rows = _side_by_side(width - label - weight, ALLERGY_SHARES, w("allergy_cols", lang), ALLERGY_LINES)
    body = [[_p(w("allergy_box", lang), label - 2 * PAD_X, size=8, bold=True, color=ALERT), *rows[0],
             _p(w("weight_box", lang), weight - 2 * PAD_X, size=8)], *(["", *row, ""] for row in rows[1:])]
    sides = len(ALLERGY_SHARES)
    allergy = Table(body, colWidths=[label, *widths, weight], rowHeights=[None] + [ALLERGY_LINE] * ALLERGY_LINES)
    allergy.setStyle(TableStyle([
        ("SPAN", (0, 0), (0, -1)), ("SPAN", (-1, 0), (-1, -1)), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (1, 0), (-2, 0), 1), ("BOTTOMPADDING", (1, 0), (-2, 0), 1),
        ("GRID", (1, 0), (-2, -1), 0.5, ALERT), ("LINEAFTER", (sides, 0), (sides, -1), 1, ALERT),
        ("BOX", (0, 0), (-2, -1), 1.5, ALERT), ("BOX", (-1, 0), (-1, -1), 0.75, colors.black)]))
    return allergy


def _blank_usual(width: float, lang: Lang) -> Table:
    """The medicines taken before admission, a line each (`USUAL_LINES` of two): a patient's
    home medicines are often five to ten, and the front page's box left room for one line."""
    widths, *rows = _side_by_side(width, USUAL_SHARES, w("usual_cols", lang), USUAL_LINES)
    return _ruled(rows, widths, [None] + [USUAL_LINE] * USUAL_LINES, ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                  ("LINEAFTER", (len(USUAL_SHARES) - 1, 0), (len(USUAL_SHARES) - 1, -1), 1, colors.black))


def _blank_regular(width: float, lang: Lang, orders: int, days: int) -> Table:
    """Each order boxed as the national inpatient chart boxes it, for what the filled chart
    prints of it: its medicine (an infusion's rate at its foot) beside a tick for a controlled
    drug's witness, one for a high-alert medicine and one for a time-critical one (given within
    30 minutes of its time), its indication and start, its prescriber's
    signature and its stop; beside it four times, a box a day for each (it asked the medicine,
    start, indication and signature alone: no stop, rate, nor controlled drug)."""
    widths = [width * 0.20, width * 0.12, width * 0.07] + [width * 0.61 / days] * days
    inner = [column - 2 * PAD_X for column in widths]
    body: list[list[object]] = [[_p(w("medicine", lang), widths[0] + inner[1], bold=True), "",
                                 _p(w("time", lang), inner[2], bold=True)] + [_p("__/__", inner[3], bold=True)] * days]
    prompt = partial(_prompt, lang=lang)
    box = [[prompt("rate_blank", inner[0]), _p(w("controlled_tick", lang), inner[1])],
           ["", _p("\n".join([w("high_alert_tick", lang), w("time_critical_tick", lang)]), inner[1])],
           [prompt("indication_blank", inner[0]), prompt("start_blank", inner[1])],
           [_p(w("prescriber", lang), inner[0], size=7), prompt("stop_blank", inner[1])]]
    commands: list[tuple] = [("SPAN", (0, 0), (1, 0))]
    for _ in range(orders):
        start = len(body)
        body += [[*pair, ""] + [""] * days for pair in box]
        commands += [("SPAN", (0, start), (0, start + 1)), ("VALIGN", (0, start), (0, start + 1), "BOTTOM"),
                     ("VALIGN", (1, start), (1, start + 1), "MIDDLE"), ("NOSPLIT", (0, start), (-1, start + 3))]
    return _ruled(body, widths, [None] + [BY_HAND] * (len(body) - 1), *commands)


def _prompt(key: str, width: float, lang: Lang) -> Lines:
    """What to write in a blank box, by its words' key (see `_prompt_text`)."""
    return _prompt_text(w(key, lang), width)


def _prompt_text(text: str, width: float) -> Lines:
    """What to write in a blank box, small and dark grey at its top (or foot), lighter than the
    writing: 7 pt, the least a photocopy keeps (6 pt in mid grey was lost)."""
    return _p(text, width, size=7, color=GREY_TEXT)


def _blank_prn(width: float, lang: Lang, orders: int) -> Table:
    """Each order: its medicine (an infusion's rate at its foot, the prescriber's line under it),
    its indication above its start and stop, its limits above the ticks for a controlled drug's
    witness and a high-alert medicine, then a column for each dose given, its date, time, dose,
    the reason it was given (which the laptop asks of each as-required dose) and who gave it (and
    witnessed it) a box each, as the national inpatient chart's as-required page has them."""
    widths = [width * share for share in (0.24, 0.13, 0.12, 0.07)]
    widths += [(width - sum(widths)) / PRN_DOSES] * PRN_DOSES
    inner = [column - 2 * PAD_X for column in widths]
    headings = [*w("prn_cols", lang).split("|"), w("prn_given", lang)]
    body: list[list[object]] = [[_p(heading, column, bold=True) for heading, column in zip(headings, inner)]
                                + [""] * (PRN_DOSES - 1)]
    commands: list[tuple] = [("SPAN", (3, 0), (-1, 0))]
    labels = w("prn_dose_rows", lang).split("|")
    prompt = partial(_prompt, lang=lang)
    # The order's boxes by row, its last two rows apart: start and stop, the two ticks.
    order = {0: [prompt("rate_blank", inner[0]), "", _p(w("prn_limits", lang), inner[2], size=7, color=GREY_TEXT)],
             len(labels) - 2: ["", prompt("start_blank", inner[1]), _p(w("controlled_tick", lang), inner[2])],
             len(labels) - 1: [_p(w("prescriber", lang), inner[0], size=7), prompt("stop_blank", inner[1]),
                               _p(w("high_alert_tick", lang), inner[2])]}
    heights: list[float | None] = [None]
    for _ in range(orders):
        start = len(body)
        body += [order.get(row, ["", "", ""]) + [_p(label, inner[3], size=7, color=GREY_TEXT)] + [""] * PRN_DOSES
                 for row, label in enumerate(labels)]
        last = start + len(labels) - 1
        commands += [("SPAN", (0, start), (0, last - 1)), ("VALIGN", (0, start), (0, last - 1), "BOTTOM"),
                     *[("SPAN", (column, start), (column, last - 2)) for column in (1, 2)],
                     ("VALIGN", (2, start), (3, last), "MIDDLE"), ("NOSPLIT", (0, start), (-1, last))]
        heights += [PRN_REASON if row == PRN_REASON_ROW else BY_HAND for row in range(len(labels))]
    return _ruled(body, widths, heights, *commands)


def _blank_once(width: float, lang: Lang, lines: int) -> Table:
    """A line a dose: its medicine (an infusion's rate at its foot), the ticks for a controlled
    drug's witness and a high-alert medicine, when to give it, the prescriber, and who gave it
    with their witness."""
    widths = [width * share for share in (0.30, 0.12, 0.15, 0.26, 0.17)]
    inner = [column - 2 * PAD_X for column in widths]
    body: list[list[object]] = [[_p(heading, column, bold=True)
                                 for heading, column in zip(w("once_cols", lang).split("|"), inner)]]
    ticks = _p("\n".join([w("controlled_tick", lang), w("high_alert_tick", lang)]), inner[1])
    body += [[_prompt("rate_blank", inner[0], lang), ticks] + [""] * (len(widths) - 2) for _ in range(lines)]
    return _ruled(body, widths, [None] + [ONCE_LINE] * lines, ("VALIGN", (0, 1), (0, -1), "BOTTOM"))
