"""A check of a running infusion or syringe driver (forms/infusion_check.yaml), as the paper
monitoring chart has a line for each at set-up and at least every 4 hours: the volume left against
the volume expected, the rate on the pump, the site, the line and the pump (its rules:
domain.infusion_check). Before it, a running driver or bag was asked no check: one running too
fast, or an inflamed site, went unseen until someone looked.

Each check belongs to its bag, as a rate change does (a dose given of an infusion's order): a
check for no bag of this patient's, before the bag was put up, after it was stopped, after the
order's next bag was put up, or of a bag of an earlier stay is refused (`check`, run by `record_check`, and by services.records on
an amendment, as its form's own check); the form refuses one in the future. Written through
`record_check`, which finds the bag running at its time, works out the volume expected left from
the previous check (or the bag's volume), and the rates since (services.infusion_rates.run_in, as the fluid balance
counts what a bag gave), says back what the check found, in the nurse's language, and asks her
to tell the prescriber or the nurse in charge where the guidance does. A check with something
amiss asks what was done (`ACTION`), those the form cannot see (a volume or a rate off) here.
`running_checked` gives the escalation list each bag still running (`_asked`: a continuous
infusion until stopped, an intermittent dose until run in) whose check is overdue, or whose last
check found something amiss; `chart_lines` the printed MAR's line of each check under its bag."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, NoReturn

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import Location, StayStatus
from downtime.domain.clock import ward_time
from downtime.domain.infusion_check import (TREATED_VIP, Expected, Finding, InfusionCheck, findings, for_a_doctor,
                                            next_due, reading_slack, still_amiss)
from downtime.domain.medication import Administration, Order, Outcome, infused
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.values import FieldError
from downtime.i18n import Lang, decimal_text, message, semicolon
from downtime.services import census, infusion_rates, medication, records
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.laptops import authors, laptops_known
from downtime.services.patients import PatientSummary
from downtime.storage.records import current_of, first_authors

FORM = "infusion_check"
BAG, CHECKED_AT, VOLUME_LEFT, PUMP_RATE = "bag", "checked_at", "volume_left_ml", "pump_rate_ml_h"
SITE, VIP, LINE_INTACT, ACTION = "site", "vip", "line_intact", "action"
PUMP_WORKING = "pump_ok"
"""The pump's question: "Pump working (on hold if paused), battery good" (the form's version 2)."""
PUMP_RUNNING = "pump_working"
"""Version 1's pump question, "Pump running, battery good": read of its records with its own
meaning (domain.infusion_check.InfusionCheck.asked_on_hold), as an amendment carries it forward."""
PUMP_ASKED = {
    None: {"en": "Pump running (not on hold or alarming), battery good",
           "fr": "Pompe en marche (ni en pause ni en alarme), batterie chargée"},
    infusion_rates.PAUSED: {"en": "Pump on hold with no alarm, battery good",
                            "fr": "Pompe en pause sans alarme, batterie chargée"},
    infusion_rates.STOPPED: {"en": "Pump working (bag taken down), battery good",
                             "fr": "Pompe en état (poche retirée), batterie chargée"},
}
"""`PUMP_WORKING` as the check dialog asks it, by the bag's state at the check's time (`not_running`):
the form's one label, "Pump working (on hold if paused)", read the same at a running bag, and a
pump found on hold there by mistake, the patient given nothing, was answered Yes and found
nothing amiss. Its answer is read as the form's: No at a running bag is the pump not running
(Finding.PUMP), at a paused or stopped one the pump faulty (Finding.PUMP_FAULTY); a stopped bag's
(checked as it is taken down) is not said to be on hold. A running bag's is not asked "at the rate
set": the pump's rate has its own box and finding (Finding.RATE), and a pump running at a wrong
rate answered No was charted not running. The form's required message names the question asked
(`record_check`)."""

ABOVE_THE_BAG = {"en": "“{field}”: {left} mL is more than the bag or syringe put up at {at} held ({volume} mL): read "
                       "the volume again, or chart the bag put up since.",
                 "fr": "« {field} » : {left} mL, c’est plus que ne contenait la poche ou la seringue posée à {at} "
                       "({volume} mL) : relire le volume, ou enregistrer la poche posée depuis."}
"""A volume left above what the bag held (infusion_rates.most_left): a slip of the keyboard, or a
new bag hung uncharted, read as the old one running on for hours, its stop never asked."""
REPLACED = {"en": "“{field}”: another bag of this order was put up at {at}: check the bag running then.",
            "fr": "« {field} » : une autre poche de cette prescription a été posée à {at} : surveiller la poche "
                  "en cours à ce moment-là."}
EARLIER_STAY = {"en": "“{field}”: this bag was put up at {at}, in an earlier stay: chart its stop, not a check.",
                "fr": "« {field} » : cette poche a été posée le {at}, lors d’un séjour précédent : en noter l’arrêt, "
                      "pas une surveillance."}
"""A check of a bag up as the patient left an earlier stay (a driver gone home with them), typed
in the stay since: its stop is asked under "Left the ward" (infusion_rates.up_at_leaving)."""
ACTION_ASKED = {"en": "“{field}”: {found} Say what was done.",
                "fr": "« {field} » : {found} Indiquer la conduite tenue."}

FOUND = {
    Finding.FAST: {"en": "{left} mL left, {expected} mL expected: running faster than set.",
                   "fr": "{left} mL restants, {expected} mL attendus : passe plus vite que le débit réglé."},
    Finding.SLOW: {"en": "{left} mL left, {expected} mL expected: running slower than set.",
                   "fr": "{left} mL restants, {expected} mL attendus : passe moins vite que le débit réglé."},
    Finding.RATE: {"en": "The pump shows {pump} mL/h, the rate set is {rate} mL/h.",
                   "fr": "La pompe affiche {pump} mL/h, le débit réglé est de {rate} mL/h."},
    Finding.SITE: {"en": "The site: {site}.", "fr": "Le site : {site}."},
    Finding.LINE: {"en": "The line is not intact.", "fr": "La tubulure n’est pas intacte."},
    Finding.PUMP: {"en": "The pump is not running or its battery is low.",
                   "fr": "La pompe ne fonctionne pas ou sa batterie est faible."},
    Finding.PUMP_FAULTY: {"en": "The pump is faulty or its battery is low.",
                          "fr": "La pompe est défectueuse ou sa batterie est faible."},
}
"""What a check found, said back to the nurse, on the escalation list and in the export's note."""
DOCTOR = {"en": " VIP {vip} or more: tell the doctor (treatment).",
          "fr": " VIP {vip} ou plus : prévenir le médecin (traitement)."}
"""After the site's finding of a cannula scored for a doctor to see (domain.infusion_check.for_a_doctor)."""
TELL = {"en": "Tell the prescriber and the nurse in charge: a dose not running as prescribed is investigated.",
        "fr": "Prévenir le prescripteur et l’infirmier responsable : une dose qui ne passe pas comme "
              "prescrite doit être expliquée."}
ALL_WELL = {"en": "Checked: {left} mL left{expected}, nothing amiss.",
            "fr": "Surveillance faite : {left} mL restants{expected}, rien d’anormal."}
NEXT_BY = {"en": "Next check by {due}.", "fr": "Prochaine surveillance avant {due}."}
"""Said after ALL_WELL while the bag is still the one up and the patient in: not of a syringe
replaced since, typed late from paper, nor after a death."""
EXPECTED_LEFT = {"en": " ({expected} mL expected)", "fr": " ({expected} mL attendus)"}
"""The volume expected left, when the bag's volume or a check before says it (`expected_at`)."""
NOT_KNOWN = {"en": "not known", "fr": "inconnu"}
OVERDUE = {"en": "INFUSION CHECK OVERDUE (due {due}): check the volume left, the rate, the line and the site",
           "fr": "SURVEILLANCE DE LA PERFUSION EN RETARD (prévue {due}) : vérifier le volume restant, le débit, "
                 "la tubulure et le site"}
DUE_AT = {"en": "{time}", "fr": "à {time}"}
DUE_ON = {"en": "{day} {time}", "fr": "le {day} à {time}"}
"""OVERDUE's time, its day too when another than today's: "prévue le 28/11 à 14:30"."""
AMISS = {"en": "INFUSION CHECK {time} FOUND: {found} Check it again once put right.",
         "fr": "SURVEILLANCE DE LA PERFUSION DE {time} : {found} La refaire une fois corrigé."}
LINE = {"en": "check {time} {initials}: {left} mL left{expected}, pump {pump} mL/h, site {site}",
        "fr": "surv. {time} {initials} : {left} mL restants{expected}, pompe {pump} mL/h, site {site}"}
"""A check as the printed MAR writes it under its bag, beside the rate changes, signed by the
checker's initials as a dose is ("HL 08:00"): a paper monitoring chart is signed at each line."""
ON_THE_CHART = {
    Finding.FAST: {"en": "RUNNING FAST", "fr": "PASSE TROP VITE"},
    Finding.SLOW: {"en": "RUNNING SLOW", "fr": "PASSE TROP LENTEMENT"},
    Finding.RATE: {"en": "PUMP NOT AT THE RATE SET ({rate} mL/h)", "fr": "POMPE PAS AU DÉBIT RÉGLÉ ({rate} mL/h)"},
    Finding.LINE: {"en": "LINE NOT INTACT", "fr": "TUBULURE NON INTACTE"},
    Finding.PUMP: {"en": "PUMP NOT RUNNING OR BATTERY LOW", "fr": "POMPE ARRÊTÉE OU BATTERIE FAIBLE"},
    Finding.PUMP_FAULTY: {"en": "PUMP FAULTY OR BATTERY LOW", "fr": "POMPE DÉFECTUEUSE OU BATTERIE FAIBLE"},
}
"""What a check found, as the printed line adds it after what it says (the site is in the line)."""
LINE_AMISS = {"en": "{line} — {found}", "fr": "{line} — {found}"}
ACTION_TAKEN = {"en": "{line} → {action}", "fr": "{line} → {action}"}
"""A check that found something, with what was done: a finding printed without it read as unanswered."""
NOTE_MARK = "‡"
PRINTED = {"en": "check {time} {initials}: {left} mL left{found}", "fr": "surv. {time} {initials} : {left} mL restants{found}"}
PRINTED_WELL = {"en": ", all well", "fr": ", rien d’anormal"}
PRINTED_AMISS = {"en": " {mark}{number}", "fr": " {mark}{number}"}
"""A check as the printed MAR's day column writes it: its time, its initials and the volume left,
all well, or the mark and number of its note under the chart saying what it found (`NOTES`,
`NOTE`), on one line of the column. A column
is a third of the chart's width at 3 days: the whole line with a 300-character action made the
cell taller than a page, and the chart did not print at 4-hourly checks, nor at hourly ones."""
NOTES = {"en": "{mark} Infusion checks that found something amiss, in full:",
         "fr": "{mark} Surveillances de perfusion ayant trouvé une anomalie, en entier :"}
NOTE = {"en": "{mark}{number} {day} {order}: {line}", "fr": "{mark}{number} {day} {order} : {line}"}
"""A check found amiss, under the chart: the bag's order and the whole line (`LINE`, `LINE_AMISS`,
`ACTION_TAKEN`), numbered as its mark in the day's column."""
HANDOVER = {"en": "INFUSION CHECKS: {bags}", "fr": "SURVEILLANCE DES PERFUSIONS : {bags}"}
HANDED_OVER_DUE = {"en": "check overdue since {due}", "fr": "surveillance en retard depuis {due}"}
HANDED_OVER_FOUND = {"en": "{time} check found {found}", "fr": "surveillance de {time} : {found}"}
SITE_FOUND = {"en": "site {site}", "fr": "site {site}"}
"""The handover sheet's entry of a bag (`Asking.handed_over`), in the sheet's terse style ("DOSES
OVERDUE, NOT RECORDED: …"), what a check found in the printed chart's words (`ON_THE_CHART`, the
site by its label): the escalation list's sentences, instructions and all, repeated for each of
six bags filled a page of the sheet with one patient's cell."""
NAMED = {"en": "{bag}: {said}", "fr": "{bag} : {said}"}
"""A bag's check as the handover sheet and the leaving list say it, the bag named (`named`): the
leaving list said "INFUSION CHECK OVERDUE (due 12:00)" twice, of two bags it did not name."""


def check_of(record: RecordVersion) -> InfusionCheck:
    """A check as its record says it."""
    return _as_check(record.record_id, record.data, record.author, record.device_id)


def _as_check(record_id: str, data: Mapping[str, Any], author: str, device_id: str) -> InfusionCheck:
    """A check as these answers say it (a record's, or those about to be saved), written by
    `author` on `device_id`: its pump answer version 2's (`PUMP_WORKING`) when it has one, else
    version 1's (`PUMP_RUNNING`)."""
    asked_on_hold = data.get(PUMP_WORKING) is not None
    return InfusionCheck(record_id, str(data[BAG]), datetime.fromisoformat(data[CHECKED_AT]),
                         float(data[VOLUME_LEFT]), float(data[PUMP_RATE]), str(data[SITE]),
                         int(data[VIP]) if data.get(VIP) not in (None, "") else None,
                         bool(data[LINE_INTACT]), bool(data[PUMP_WORKING if asked_on_hold else PUMP_RUNNING]),
                         asked_on_hold, data.get(ACTION) or None, author, device_id)


def by_bag(db: Database, patient_ids: Iterable[str]) -> dict[str, list[InfusionCheck]]:
    """The standing checks of these patients' bags, by the bag's dose id, each bag's in time order."""
    return infusion_rates.standing_by_bag(db, FORM, patient_ids, check_of)


def expected_at(bag: Administration, found: Order, changes: Sequence[infusion_rates.RateChange],
                checks: Sequence[InfusionCheck], at: datetime) -> Expected:
    """What the bag's volume and rates say at `at`: the mL run in and left, the rate set, and
    whether it is on hold (its latest change by then a pause, or its stop: checked as it is taken
    down, the pump shows the rate it ran at). From the previous check (of `checks`, in time
    order, the last before `at`): the volume it found left, less what the rates ran in since, as
    the paper chart compares each line with the one before: judged from set-up, a 3 mL bolus
    found once and acted on was found again at every later check of the syringe. Before any
    check, from the bag's volume when its dose is in mL; a syringe driver dosed in mg (morphine
    10 mg in 17 mL) has none until its first check gives it."""
    bag = infusion_rates.at_its_rate(bag, found.rate_ml_h)
    before = [change for change in changes if change.at <= at]
    rate = infusion_rates.rate_at(bag, before, at)
    paused = not_running(changes, at) is not None
    volume = infusion_rates.bag_volume(bag, found)
    slack = reading_slack(volume, syringe=found.route.upper() == "SC")
    previous = next((one for one in reversed(checks) if elapsed.instant(one.at) < elapsed.instant(at)), None)
    if previous is None:
        ran = None if volume is None else infusion_rates.run_in(bag, before, at, volume)
        return Expected(ran, None if ran is None or volume is None else round(volume - ran, 1), rate, paused, slack)
    until_then, until_now = (infusion_rates.run_in(bag, before, when, None) for when in (previous.at, at))
    if until_then is None or until_now is None:
        return Expected(None, None, rate, paused, slack)
    ran = until_now - until_then
    return Expected(ran, round(max(previous.volume_left_ml - ran, 0.0), 1), rate, paused, slack)


def not_running(changes: Sequence[infusion_rates.RateChange], at: datetime) -> str | None:
    """Why the bag is not running at `at` by its `changes` (in time order): infusion_rates.PAUSED
    or STOPPED, its latest change by then; None while it runs."""
    latest = next((change for change in reversed(changes) if change.at <= at), None)
    return latest.change if latest is not None and latest.change in (infusion_rates.PAUSED,
                                                                     infusion_rates.STOPPED) else None


def pump_asked(changes: Sequence[infusion_rates.RateChange], at: datetime, lang: Lang) -> str:
    """The pump's question at a check at `at` of a bag with these `changes` (`PUMP_ASKED`)."""
    return PUMP_ASKED[not_running(changes, at)][lang]


def _pump_named(session: Session, found: Order, bag: Administration, at: datetime,
                values: dict[str, Any]) -> dict[str, Any]:
    """The form's values checked (records.checked_values), a refusal of the pump's answer naming
    the question the dialog asked (`pump_asked`), not the form's one label: the nurse was told
    "“Pump working (on hold if paused)…” is required" of a row that read "Pump running…"."""
    try:
        return records.checked_values(session, FORM, values)
    except ValidationFailed as refused:
        label = session.form(FORM).field(PUMP_WORKING).label.get(session.lang)
        asked = pump_asked(infusion_rates.by_bag(session.db, [found.patient_id]).get(bag.record_id, []), at,
                           session.lang)
        raise ValidationFailed([FieldError(error.path, error.message.replace(label, asked))
                                if error.path == PUMP_WORKING else error for error in refused.errors]) from None


def volume_held(bag: Administration, found: Order, checks: Sequence[InfusionCheck], at: datetime) -> float | None:
    """The mL the bag or syringe held, a check at `at` is held to (infusion_rates.most_left): its
    volume when its dose is in mL (infusion_rates.bag_volume), else the volume its first check
    before `at` found, as its set-up check gives a syringe driver dosed in mg its volume
    (`expected_at`): 170 mL read left in the demo's 17 mL hyoscine syringe was saved, and "170 mL
    left, 7.6 mL expected" asked for days. None before any check of such a bag."""
    if (volume := infusion_rates.bag_volume(bag, found)) is not None:
        return volume
    return next((one.volume_left_ml for one in checks if elapsed.instant(one.at) < elapsed.instant(at)), None)


def expected_for(db: Database, found: Order, bag: Administration, at: datetime) -> Expected:
    """`expected_at` of the bag at `at`, its rates and checks read: the check dialog shows it."""
    return expected_at(bag, found, infusion_rates.by_bag(db, [found.patient_id]).get(bag.record_id, []),
                       by_bag(db, [found.patient_id]).get(bag.record_id, []), at)


def expected_words(expected: Expected, lang: Lang) -> str:
    """" (500 mL expected)", or nothing when the volume expected left is not known."""
    return "" if expected.left_ml is None else EXPECTED_LEFT[lang].format(expected=_number(expected.left_ml, lang))


def _number(value: float | None, lang: Lang) -> str:
    return NOT_KNOWN[lang] if value is None else decimal_text(round(value, 1), lang)


def found_words(check: InfusionCheck, expected: Expected, found: Sequence[Finding], site: str,
                lang: Lang) -> list[str]:
    """Each finding in words (`FOUND`), the site by its label, with the doctor to tell of a site
    scored for one (`DOCTOR`)."""
    return [FOUND[one][lang].format(left=_number(check.volume_left_ml, lang),
                                    expected=_number(expected.left_ml, lang),
                                    pump=_number(check.pump_rate_ml_h, lang), rate=_number(expected.rate_ml_h, lang),
                                    site=site)
            + (DOCTOR[lang].format(vip=TREATED_VIP) if one is Finding.SITE and for_a_doctor(check) else "")
            for one in found]


def site_label(spec_site: Any, check: InfusionCheck, lang: Lang) -> str:
    """The site's words, its VIP score with it when scored ("red, VIP 2"), in lower case as every
    line says them after "site" or a colon: "site No redness, swelling or leak" read as two."""
    label = next((option.label.get(lang) for option in spec_site.options if option.code == check.site), check.site)
    label = label[:1].lower() + label[1:]
    return label if check.vip is None else f"{label}, VIP {check.vip}"


def _bag_and_order(session: Session, patient_id: str | None, bag_id: str) -> tuple[Administration, Order] | None:
    """The bag a check names, when it is a dose given, standing, of an infusion of this patient's."""
    record = current_of(session.db, [bag_id]).get(bag_id)
    if (record is None or record.form_id != medication.DOSE_FORM or record.patient_id != patient_id
            or record.status is RecordStatus.ENTERED_IN_ERROR):
        return None
    bag = medication.administration_of(record)
    found = medication.order(session.db, bag.order_id)
    return (bag, found) if bag.outcome is Outcome.GIVEN and infused(found) else None


def check(session: Session, patient_id: str | None, data: Mapping[str, Any], record_id: str | None = None) -> None:
    """The rules of a check, new or amended (this module's docstring): its bag, its time within
    the bag's run, and what was done asked of a volume or a rate off (`ACTION_ASKED`)."""
    spec, lang = session.form(FORM), session.lang
    at = datetime.fromisoformat(str(data[CHECKED_AT]))
    zone = session.clock().tzinfo

    def refuse(field: str, text: str | Mapping[str, str], when: datetime | None = None, **more: str) -> NoReturn:
        """Refused, naming the field, and the time it clashes with: `text` a rate change's refusal
        (infusion_rates, a catalogue message) or this module's own, in both languages."""
        label = spec.field(field).label.get(lang)
        at_words = infusion_rates.clock_words(when, at, zone) if when is not None else ""
        said = message(lang, text, field=label, at=at_words) if isinstance(text, str) else text[lang].format(
            field=label, at=at_words, **more)
        raise ValidationFailed([FieldError(field, said)])

    if (bag_and_order := _bag_and_order(session, patient_id, str(data.get(BAG)))) is None:
        refuse(BAG, infusion_rates.NOT_A_BAG)
    bag, found = bag_and_order
    if elapsed.instant(at) < elapsed.instant(bag.at):  # at its minute: the set-up check
        refuse(CHECKED_AT, infusion_rates.BEFORE_THE_BAG, bag.at)
    if (location := census.location_at(session.db, found.patient_id, at)) is not None \
            and location.status is StayStatus.IN and not _in_stay(location, bag):
        refuse(CHECKED_AT, EARLIER_STAY, bag.at)
    changes = infusion_rates.by_bag(session.db, [found.patient_id]).get(bag.record_id, [])
    if (stop := infusion_rates.stopped_at(changes)) is not None and elapsed.instant(stop) < elapsed.instant(at):
        refuse(CHECKED_AT, infusion_rates.AFTER_THE_STOP, stop)
    later = next((dose for dose in sorted(medication.administrations(session.db, found.patient_id),
                                          key=lambda dose: elapsed.instant(dose.at))
                  if dose.order_id == found.record_id and dose.outcome is Outcome.GIVEN
                  and elapsed.instant(bag.at) < elapsed.instant(dose.at) <= elapsed.instant(at)), None)
    if later is not None:
        refuse(CHECKED_AT, REPLACED, later.at)
    theirs = [one for one in by_bag(session.db, [found.patient_id]).get(bag.record_id, []) if one.record_id != record_id]
    one = _as_check(record_id or "", data, session.user.staff_id, session.device.device_id)
    if (volume := volume_held(bag, found, theirs, at)) is not None \
            and one.volume_left_ml > infusion_rates.most_left(volume):
        refuse(VOLUME_LEFT, ABOVE_THE_BAG, bag.at, left=_number(one.volume_left_ml, lang), volume=_number(volume, lang))
    expected = expected_at(bag, found, changes, theirs, at)
    if not str(data.get(ACTION) or "").strip() and (unseen := [finding for finding in findings(one, expected)
                                                              if finding.tell]):
        refuse(ACTION, ACTION_ASKED, found=" ".join(found_words(one, expected, unseen, "", lang)))


@dataclass(frozen=True)
class Recorded:
    """A check saved, and what it found said back to the nurse (`said`), `tell` when the guidance
    asks the prescriber and the nurse in charge told (Finding.tell), or the doctor told of the
    site (domain.infusion_check.for_a_doctor)."""

    record: RecordVersion
    said: list[str]
    tell: bool


def record_check(session: Session, order_id: str, values: dict[str, Any]) -> Recorded:
    """Record a check of the bag of `order_id` running at its time (`values` as the form, its bag
    chosen here), checked as `check` says, in one transaction with its audit entry
    (records.save_new; an amendment is held to `check` by services.records); refused for an order
    that is no infusion, or with no bag up then. Said back: each finding, and whom to tell; or all well with
    the next check's time."""
    records.require_writer(session, FORM)
    found = medication.order(session.db, order_id)
    lang = session.lang
    if not infused(found):
        raise ValidationFailed([FieldError(BAG, message(lang, infusion_rates.NOT_AN_INFUSION, drug=found.drug))])
    at = datetime.fromisoformat(str(values[CHECKED_AT])) if values.get(CHECKED_AT) else session.clock()
    if (bag := bag_checked(session.db, found, at)) is None:
        raise ValidationFailed([FieldError(BAG, message(lang, infusion_rates.NONE_RUNNING, drug=found.drug))])
    values = {key: value for key, value in {**values, BAG: bag.record_id, CHECKED_AT: values.get(CHECKED_AT)
                                           or at.isoformat(timespec="minutes")}.items() if value not in (None, "")}
    with session.db.atomic():
        check(session, found.patient_id, _pump_named(session, found, bag, at, values))
        saved = records.save_new(session, FORM, values, patient_id=found.patient_id)
    one = check_of(saved)
    expected = expected_for(session.db, found, bag, one.at)
    seen = findings(one, expected)
    if not seen:
        now = session.clock()
        up = infusion_rates.bag_up(session.db, found, now)
        next_by = [NEXT_BY[lang].format(due=infusion_rates.clock_words(
            next_due(bag.at, by_bag(session.db, [found.patient_id]).get(bag.record_id, [])), now, now.tzinfo))
        ] if up is not None and up.record_id == bag.record_id and _asked(session.db, found, bag, now) else []
        return Recorded(saved, [" ".join([ALL_WELL[lang].format(
            left=_number(one.volume_left_ml, lang), expected=expected_words(expected, lang)), *next_by])], False)
    tell = any(finding.tell for finding in seen)
    said = found_words(one, expected, seen, site_label(session.form(FORM).field(SITE), one, lang), lang)
    return Recorded(saved, [*said, *([TELL[lang]] if tell else [])], tell or for_a_doctor(one))


@dataclass(frozen=True)
class Asking:
    """A running bag whose check asks something now: overdue since `due_at`, or its last check
    found something amiss (`amiss`, with the words of what it found)."""

    order: Order
    bag: Administration
    due_at: datetime
    amiss: InfusionCheck | None
    found: tuple[str, ...] = ()
    charted: tuple[str, ...] = ()
    """What the last check found amiss in the printed chart's words (`ON_THE_CHART`, `SITE_FOUND`)."""

    ran_in: bool = False
    """Taken to have run in (`_ran_in`): asked no next check, the chart asking its stop, and listed
    for what its last check found until it is charted stopped or replaced, or checked well."""
    empty_at: datetime | None = None
    """When a continuous infusion's bag or syringe ran out (`run_out`), never charted stopped nor
    replaced, its order in force: said until one is (infusion_rates.RAN_OUT). Said on the MAR alone,
    the demo's hyoscine driver, empty at 03:51, left the escalation list and the handover with its
    checks. Of an order stopped, the MAR asks the bag stopped (infusion_rates.ORDER_STOPPED_RUNNING)
    and no next bag is to be asked."""
    runs_until: datetime | None = None
    """When the bag is taken to run in, still to come (`_runs_until`): the list changes then, its
    check no longer asked, its run-out said (services.chart_alerts reads it again then: a list left
    open said "check overdue" past the run-out)."""

    def said(self, at: datetime, lang: Lang, *, overdue: bool = True, run_out: bool = True) -> list[str]:
        """The escalation list's words: the overdue check, or the bag run out (`empty_at`; neither
        said when not `overdue`: the leaving list asking the bag taken down; no check of a bag
        `ran_in`; nor the run-out when not `run_out`: the leaving list's line of the bag says it),
        then what the last one found."""
        return [*([OVERDUE[lang].format(due=self._due_words(at, lang))]
                  if overdue and not self.ran_in and elapsed.reached(self.due_at, at)
                  else []),
                *(self._run_out(at, lang) if overdue and run_out else []),
                *([AMISS[lang].format(time=infusion_rates.clock_words(self.amiss.at, at, at.tzinfo),
                                      found=" ".join(self.found))] if self.amiss is not None else [])]

    def handed_over(self, at: datetime, lang: Lang) -> list[str]:
        """The handover sheet's words, as `said` in short (HANDED_OVER_DUE, HANDED_OVER_FOUND)."""
        return [*([HANDED_OVER_DUE[lang].format(due=infusion_rates.clock_words(self.due_at, at, at.tzinfo))]
                  if not self.ran_in and elapsed.reached(self.due_at, at) else []),
                *self._run_out(at, lang),
                *([HANDED_OVER_FOUND[lang].format(time=infusion_rates.clock_words(self.amiss.at, at, at.tzinfo),
                                                  found=", ".join(self.charted))] if self.amiss is not None else [])]

    def bag_named(self, order_form: FormSpec, at: datetime, lang: Lang) -> str:
        """The bag as the escalation list, the handover sheet and the leaving list name it
        (chart_alerts.BAG_PUT_UP: "Sodium chloride 0.9% 1 L IV put up 08:00")."""
        from downtime.services import chart_alerts  # chart_alerts reads this module's checks

        return message(lang, chart_alerts.BAG_PUT_UP, drug=medication.order_label(self.order, order_form, lang),
                       time=ward_time(self.bag.at, at.tzinfo))

    def _run_out(self, at: datetime, lang: Lang) -> list[str]:
        """The bag's run-out as the MAR says it (infusion_rates.RAN_OUT), when it ran out."""
        return [] if self.empty_at is None else [
            message(lang, infusion_rates.RAN_OUT, time=infusion_rates.clock_words(self.empty_at, at, at.tzinfo))]

    def _due_words(self, at: datetime, lang: Lang) -> str:
        """OVERDUE's time, its day too when another than `at`'s (DUE_AT, DUE_ON), its offset where the
        ward's clock reads it twice (domain.clock.said_twice): due at the first 02:30 the night the
        clocks go back, it read "due 02:30" at 02:10 winter time."""
        same_day = self.due_at.astimezone(at.tzinfo).date() == at.astimezone(at.tzinfo).date()
        return (DUE_AT if same_day else DUE_ON)[lang].format(
            day=ward_time(self.due_at, at.tzinfo, "%d/%m"), time=ward_time(self.due_at, at.tzinfo, "%H:%M"))


def _in_stay(location: Location, bag: Administration) -> bool:
    """Whether the bag was put up in the stay `location` is in: a driver gone home with the
    patient and never charted stopped was asked its checks, and accepted one, once they were
    readmitted; its stop is asked under "Left the ward" (infusion_rates.up_at_leaving)."""
    return elapsed.instant(location.admitted_at) <= elapsed.instant(bag.at)


def _asked(db: Database, found: Order, bag: Administration, at: datetime) -> bool:
    """Whether the bag, up at `at`, is still asked its checks then: the patient in, in the stay it
    was put up in (`_in_ward`), and the bag not taken to have run in (`_ran_in`)."""
    return _in_ward(db, found, bag, at) and not _ran_in(db, found, bag, at)


def _in_ward(db: Database, found: Order, bag: Administration, at: datetime) -> bool:
    """Whether the bag's patient is in at `at`, in the stay it was put up in (`_in_stay`)."""
    location = census.location_at(db, found.patient_id, at)
    return location is not None and location.status is StayStatus.IN and _in_stay(location, bag)


def _ran_in(db: Database, found: Order, bag: Administration, at: datetime) -> bool:
    """Whether the bag is taken to have run in by `at` (`_runs_until`: a bag its rates ran through
    from the volume left its last check by then found, whose stop the chart asks; an intermittent
    antibiotic's dose in g, an hour's infusion whose end nobody charts, nagged "overdue" until its
    next dose and after it)."""
    end = _runs_until(db, found, bag, at)
    return end is not None and elapsed.reached(end, at)


def _runs_until(db: Database, found: Order, bag: Administration, at: datetime) -> datetime | None:
    """When the bag is taken to run in, as its checks by `at` and its rates say (infusion_rates.runs_until)."""
    return infusion_rates.runs_until(found, bag, infusion_rates.by_bag(db, [found.patient_id]).get(bag.record_id, []),
                                     infusion_rates.last_checked(by_bag(db, [found.patient_id]).get(bag.record_id, []),
                                                                 at))


def bag_checked(db: Database, found: Order, at: datetime) -> Administration | None:
    """The bag of `found` a check at `at` is of: the one up then (put up at that very minute: its
    set-up check), else the one stopped at that minute (its last check, the volume left as it is
    taken down); None when there is none, or it was put up in an earlier stay than the patient's
    at `at` (`_in_stay`)."""
    bag = infusion_rates.bag_up(db, found, at)
    if bag is None and (before := infusion_rates.bag_up(db, found, at - timedelta(microseconds=1))) is not None:
        stop = infusion_rates.stopped_at(infusion_rates.by_bag(db, [found.patient_id]).get(before.record_id, []))
        bag = before if stop is not None and elapsed.instant(stop) == elapsed.instant(at) else None
    location = census.location_at(db, found.patient_id, at)
    return None if bag is None or (location is not None and not _in_stay(location, bag)) else bag


def running_checked(db: Database, orders: Iterable[Order], at: datetime, spec_site: Any,
                    lang: Lang) -> list[Asking]:
    """Each bag of these orders up at `at` and still asked its checks (`_asked`), with when its
    next check falls due and its last check's findings when it found something. A paused bag is
    asked too: its line is connected and its site in use, and a pause left for hours is itself
    something to look at. And a bag taken to have run in (`_ran_in`, `Asking.ran_in`) while its
    last check found something, until it is charted stopped or replaced, or checked well: a bag
    read 20 mL left where 500 were expected "ran in" from that very reading within minutes, and
    its finding left the escalation list and the handover before the nurse in charge saw it. And a
    continuous infusion's bag run out (`run_out`), until its next bag or its stop is charted: the
    syringe driver's run-out was said on the MAR alone; not once its order is stopped (the MAR asks
    the bag stopped)."""
    asked = []
    for found in orders:
        if not infused(found) or (bag := infusion_rates.bag_up(db, found, at)) is None \
                or not _in_ward(db, found, bag, at):
            continue
        changes = infusion_rates.by_bag(db, [found.patient_id]).get(bag.record_id, [])
        checks = [one for one in by_bag(db, [found.patient_id]).get(bag.record_id, [])
                  if elapsed.instant(one.at) <= elapsed.instant(at)]
        judged = [(one, findings(one, expected_at(bag, found, changes, checks, one.at))) for one in checks]
        ends = _runs_until(db, found, bag, at)
        ran_in = ends is not None and elapsed.reached(ends, at)
        empty = run_out(db, found, bag, changes, checks, at) \
            if ran_in and infusion_rates.continuous(found) and found.active_at(at) else None
        coming = None if ran_in else ends
        if ran_in and still_amiss(judged) is None and empty is None:
            continue  # run in, its last check all well, a dose given over its time: nothing to ask
        if amiss := still_amiss(judged):
            expected, site = expected_at(bag, found, changes, checks, amiss[0].at), site_label(spec_site, amiss[0], lang)
            asked.append(Asking(found, bag, next_due(bag.at, checks), amiss[0],
                                tuple(found_words(amiss[0], expected, amiss[1], site, lang)),
                                tuple(chart_words(amiss[1], expected, lang, site)), ran_in=ran_in, empty_at=empty,
                                runs_until=coming))
        else:
            asked.append(Asking(found, bag, next_due(bag.at, checks), None, ran_in=ran_in, empty_at=empty,
                                runs_until=coming))
    return asked


def chart_words(found: Sequence[Finding], expected: Expected, lang: Lang, site: str | None = None) -> list[str]:
    """What a check found in the printed chart's words (`ON_THE_CHART`), its site's too by its
    label (`SITE_FOUND`) when `site` is given: the chart's line says the site already."""
    return [SITE_FOUND[lang].format(site=site) if finding is Finding.SITE
            else ON_THE_CHART[finding][lang].format(rate=_number(expected.rate_ml_h, lang))
            for finding in found if finding in ON_THE_CHART or (finding is Finding.SITE and site is not None)]


def named(asking: Asking, order_form: FormSpec, at: datetime, lang: Lang, *, overdue: bool = True,
          run_out: bool = True) -> str | None:
    """What the bag's check asks (`Asking.said`), after the bag's name as the escalation list's
    line names it (chart_alerts.BAG_PUT_UP: "Sodium chloride 0.9% 1 L IV put up 08:00"); None when
    it asks nothing."""
    if not (said := asking.said(at, lang, overdue=overdue, run_out=run_out)):
        return None
    return NAMED[lang].format(bag=asking.bag_named(order_form, at, lang), said=semicolon(lang).join(said))


def handover(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' bags whose check is overdue
    or found something amiss (`running_checked`), under one heading, each bag named with its entry
    in short (`Asking.handed_over`): the night nurse took over a bag found leaking with its pump
    stopped, told of it by the escalation list alone."""
    order_form, spec_site = forms[medication.ORDER_FORM], forms[FORM].field(SITE)
    return {patient_id: HANDOVER[lang].format(bags=" | ".join(lines))
            for patient_id, theirs in medication.orders_of_each(db, [patient.patient_id for patient in patients],
                                                                at).items()
            if (lines := [NAMED[lang].format(bag=asking.bag_named(order_form, at, lang),
                                             said=semicolon(lang).join(said))
                          for asking in running_checked(db, theirs, at, spec_site, lang)
                          if (said := asking.handed_over(at, lang))])}


def run_out(db: Database, found: Order, bag: Administration, changes: Sequence[infusion_rates.RateChange],
            checks: Sequence[InfusionCheck], now: datetime) -> datetime | None:
    """When the bag's rates empty it (infusion_rates.ran_out, from the volume left its last check
    found), never charted stopped and still the bag up then and `now` (no later bag recorded, the
    patient not gone); None otherwise: what the MAR's screen and printed chart say after the bag's
    last line (`run_out_words`, `chart_lines`), one reading for both. Asked of every earlier bag,
    the daily litre's "record it stopped or the next bag" stayed under each once the next was
    recorded."""
    if infusion_rates.stopped_at(changes) is not None:
        return None
    empty = infusion_rates.ran_out(infusion_rates.at_its_rate(bag, found.rate_ml_h), changes,
                                   infusion_rates.bag_volume(bag, found), checks[-1] if checks else None)
    still = None if empty is None else infusion_rates.running_bag(db, found, max(empty, now))
    return empty if still is not None and still.record_id == bag.record_id else None


def run_out_words(empty: datetime, beside: datetime, now: datetime, lang: Lang, zone: tzinfo | None) -> str:
    """A bag's run-out (`run_out`) as the MAR writes it after the bag's lines, its time beside
    `beside`'s day (infusion_rates.clock_words): to come, infusion_rates.EMPTY_BY; past by `now`,
    as the chart's row says it (infusion_rates.RAN_OUT): "runs through about 16:00" read at 18:00
    was taken for a bag still running."""
    time = infusion_rates.clock_words(empty, beside, zone)
    return (f"→ {message(lang, infusion_rates.RAN_OUT, time=time)}" if empty <= now
            else infusion_rates.EMPTY_BY[lang].format(time=time))


@dataclass(frozen=True)
class ChartLines:
    """Each check as the MAR writes it: in full (`LINE`, with what it found, `LINE_AMISS`, and what
    was done, `ACTION_TAKEN`) on the screen and in the printed chart's notes, in short in the
    printed chart's day columns (`PRINTED`); and after a bag's last check when its rates empty it
    (`run_out`, infusion_rates.EMPTY_BY)."""

    under_bag: dict[str, list[tuple[datetime, str]]]
    """Every check of each bag in full, then when it empties, with their times, by the bag's dose
    id: the screen's cell writes them after the bag's dose with its rate changes, in time order."""
    carried: dict[tuple[str, date], list[str]]
    """The printed lines of a later day than the bag's, by (order id, day): the printed chart writes
    them at the top of that day's column, after the bag's rate then (infusion_rates.carried_into):
    a driver set up at 20:00 and checked at 02:00 is on the next day's column, and the hyoscine
    driver's run-out at 03:51 on the day after its syringe was put up."""
    signed: set[tuple[str, str]] = field(default_factory=set)
    """Who signed a check, as (staff ID, device id): the printed chart's key names them as it names
    the givers of its doses (Authors.signatures)."""
    printed: dict[str, list[tuple[datetime, str]]] = field(default_factory=dict)
    """Every check of each bag as the printed chart's day column writes it (`PRINTED`), then when
    it empties, by the bag's dose id: the chart writes those of the bag's own day under its dose (a
    litre put up at 08:00 and empty at 16:00 was printed "125 mL/h" alone)."""
    notes: dict[str, str] = field(default_factory=dict)
    """By patient id, the checks of the days printed that found something, in full and numbered
    (`NOTES`): printed under the patient's chart."""


def chart_lines(session: Session, patient_ids: Iterable[str], lang: Lang, zone: tzinfo | None,
                days: Collection[date] = ()) -> ChartLines:
    """These patients' checks as the MAR writes them (`ChartLines`), on the clock of `zone`, each
    signed by the initials of whoever made it (its first version's author: a doctor correcting the
    volume typed wrong is not the checker, as medication._givers has it of a dose) as this laptop
    names them (domain.laptops.Authors.initials); one with findings followed by what was done
    (`ACTION_TAKEN`). `days`: those a printed chart shows, whose checks found amiss are numbered
    in time order, patient by patient, in its notes."""
    db, patient_ids, spec_site = session.db, list(patient_ids), session.form(FORM).field(SITE)
    lines = ChartLines({}, {})
    checks = by_bag(db, patient_ids)
    first = first_authors(db, [one.record_id for theirs in checks.values() for one in theirs])
    signer = {one.record_id: first[one.record_id][:2] if one.record_id in first else (one.author, one.device_id)
              for theirs in checks.values() for one in theirs}
    who = authors(session)
    laptops = laptops_known(session, {device_id for _, device_id in signer.values()})
    doses = {dose.record_id: dose for patient_id in patient_ids for dose in medication.administrations(db, patient_id)}
    changes = infusion_rates.by_bag(db, patient_ids)
    order_form = session.form(medication.ORDER_FORM)
    orders: dict[str, Order] = {}
    amiss: list[tuple[Order, InfusionCheck, str]] = []
    short: list[tuple[Administration, InfusionCheck, str, str, bool]] = []  # the bag, the check, when, initials
    for bag_id, theirs in checks.items():
        if (bag := doses.get(bag_id)) is None:
            continue  # its bag withdrawn: its checks are not of a dose the chart prints
        found = orders.setdefault(bag.order_id, medication.order(db, bag.order_id))
        for one in theirs:
            author, device_id = signer[one.record_id]
            initials, when = who.initials(author, device_id, laptops), infusion_rates.clock_words(one.at, bag.at, zone)
            expected = expected_at(bag, found, changes.get(bag_id, []), theirs, one.at)
            line = LINE[lang].format(time=when, initials=initials, left=_number(one.volume_left_ml, lang),
                                     expected=expected_words(expected, lang), pump=_number(one.pump_rate_ml_h, lang),
                                     site=site_label(spec_site, one, lang))
            seen = findings(one, expected)
            if charted := chart_words(seen, expected, lang):
                line = LINE_AMISS[lang].format(line=line, found=semicolon(lang).join(charted))
            if seen and one.action:
                line = ACTION_TAKEN[lang].format(line=line, action=one.action)
            lines.under_bag.setdefault(bag_id, []).append((one.at, line))
            lines.signed.add((author, device_id))
            short.append((bag, one, when, initials, bool(seen)))
            if seen and one.at.astimezone(zone).date() in days:
                amiss.append((found, one, line))
    numbers: dict[str, int] = {}
    notes: dict[str, list[str]] = {}
    for found, one, line in sorted(amiss, key=lambda noted: elapsed.instant(noted[1].at)):
        said = notes.setdefault(found.patient_id, [NOTES[lang].format(mark=NOTE_MARK)])
        numbers[one.record_id] = len(said)
        said.append(NOTE[lang].format(mark=NOTE_MARK, number=len(said), day=f"{one.at.astimezone(zone):%d/%m}",
                                      order=medication.order_label(found, order_form, lang), line=line))
    lines.notes.update({patient_id: "\n".join(noted) for patient_id, noted in notes.items()})
    for bag, one, when, initials, seen in short:
        printed = PRINTED[lang].format(time=when, initials=initials, left=_number(one.volume_left_ml, lang), found=(
            PRINTED_AMISS[lang].format(mark=NOTE_MARK, number=numbers.get(one.record_id, "")) if seen
            else PRINTED_WELL[lang]))
        _printed_at(lines, bag, one.at, printed, printed, zone)
    now = session.clock()
    standing = {found.record_id: found for theirs in medication.orders_of_each(db, patient_ids, now).values()
                for found in theirs if infused(found)}
    for bag in doses.values():
        if (bag.outcome is not Outcome.GIVEN or (found := standing.get(bag.order_id)) is None
                or (empty := run_out(db, found, bag, changes.get(bag.record_id, []),
                                     checks.get(bag.record_id, []), now)) is None):
            continue
        said = run_out_words(empty, bag.at, now, lang, zone)
        lines.under_bag.setdefault(bag.record_id, []).append((empty, said))
        _printed_at(lines, bag, empty, said, run_out_words(empty, empty, now, lang, zone), zone)
    return lines


def _printed_at(lines: ChartLines, bag: Administration, at: datetime, under_dose: str, in_column: str,
                zone: tzinfo | None) -> None:
    """A line of the bag at `at` for the printed chart: under its dose (`under_dose`, the day said
    when another than the bag's), and on a later day than the bag's at the top of that day's
    column too (`in_column`, whose day the column says)."""
    lines.printed.setdefault(bag.record_id, []).append((at, under_dose))
    if (day := at.astimezone(zone).date()) != bag.at.astimezone(zone).date():
        lines.carried.setdefault((bag.order_id, day), []).append(in_column)
