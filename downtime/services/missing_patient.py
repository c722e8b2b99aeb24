"""A patient missing from the ward (domain.missing_patient), said where the nurse in charge looks:
the census and handover line ("MISSING since 14:20 (last seen: day room) — HIGH RISK: police
told 14:35"), the escalation list (services.chart_alerts: a HIGH-risk patient whose police call
is overdue first of all), the medication round (a dose falling while the patient is away is
recorded "A — Patient away from ward"), and once the patient is back, "missing from the ward
14:20, returned 16:05: doctor to review", with the time-critical doses missed while away, until
the record says who reviewed them and when, and, the police told of the disappearance, when they
were told the patient is found (usual practice: their search is stood down). On paper the
procedure was one sheet in the nurse in charge's office: the next shift learnt of a patient
missing since the afternoon from an empty bed. Never stored: read from the standing records, the
return being answered by amending the record (forms/missing_patient.yaml)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_words
from downtime.domain.clock import answered_at, ward_day, ward_time
from downtime.domain.medication import Check, DoseState, Order, Outcome, Warning, written_when
from downtime.domain.missing_patient import (CHILD_FACTOR, DETAINED_FACTOR, HIGH_FACTORS, STEPS, Missing, Risk, before_noticed,
                                             before_return, child_at, missing_of, risk_read)
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, semicolon
from downtime.services import census, medication
from downtime.services.bedside import Chart, ordered
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed

FORM = "missing_patient"
WORDS = {
    # The ward's lines, in a French the same for a man or a woman, as the letter's: "DISPARU
    # depuis 13:20 … s’il n’est pas retrouvé" was said of Mme Martin.
    "missing": {"en": "MISSING since {time} (last seen: {where})", "fr": "DISPARU(E) depuis {time} (vu(e) en dernier : {where})"},
    Risk.HIGH: {"en": "HIGH RISK", "fr": "RISQUE ÉLEVÉ"},
    Risk.MEDIUM: {"en": "medium risk", "fr": "risque moyen"},
    Risk.LOW: {"en": "low risk", "fr": "risque faible"},
    "police_told": {"en": "police told {time}", "fr": "police prévenue à {time}"},
    "police_not_told": {"en": "police NOT told yet", "fr": "police PAS ENCORE prévenue"},
    "police_later": {"en": "police to be told at {time} if not found",
                     "fr": "police à prévenir à {time} si non retrouvé(e)"},
    "tell_police": {"en": "tell the police now (due {time})", "fr": "prévenir la police maintenant (prévu à {time})"},
    "searched_at": {"en": "search the ward and grounds", "fr": "fouiller le service et l’enceinte"},
    "security_told_at": {"en": "tell security or the site manager",
                         "fr": "prévenir la sécurité ou le cadre de garde"},
    "doctor_told_at": {"en": "tell the doctor", "fr": "prévenir le médecin"},
    "next_of_kin_told_at": {"en": "tell the next of kin", "fr": "prévenir le proche"},
    "stand_down": {"en": "tell the police the patient is found (their search is stood down)",
                   "fr": "prévenir la police que le patient est retrouvé (elle arrête ses recherches)"},
    "still_missing": {"en": "still missing: keep in touch with the police", "fr": "toujours disparu(e) : rester en lien avec la police"},
    "line": {"en": "{since} — {risk}: {police}", "fr": "{since} — {risk} : {police}"},
    "returned": {"en": "missing from the ward {since}, returned {time}",
                 "fr": "disparu(e) du service à {since}, revenu(e) à {time}"},
    "said": {"en": "{latest}: {asks}", "fr": "{latest} : {asks}"},
    "review": {"en": "doctor to review", "fr": "à faire examiner par le médecin"},
    "missed": {"en": "time-critical dose missed while missing: {doses}",
               "fr": "dose à horaire critique manquée pendant la disparition : {doses}"},
    "round": {"en": "{line}: {away}", "fr": "{line} : {away}"},
    # A letter's words (`handed_on`), its French the same for a man or a woman.
    "handed": {"en": "Missing from the ward {since} to {back} (last seen: {where})",
               "fr": "Disparition du service du {since} au {back} (dernier lieu connu : {where})"},
    "handed_missing": {"en": "Missing from the ward since {since} (last seen: {where}), not returned",
                       "fr": "Disparition du service depuis le {since} (dernier lieu connu : {where}), pas de retour"},
    "left": {"en": "left: {how}", "fr": "départ : {how}"},
    "returned_where": {"en": "found: {said}", "fr": "retrouvé(e) : {said}"},
    "returned_condition": {"en": "on return: {said}", "fr": "au retour : {said}"},
    "reviewed": {"en": "reviewed on return by {by} {time}", "fr": "examen médical au retour par {by} le {time}"},
    "not_reviewed": {"en": "not reviewed by a doctor on return", "fr": "pas d’examen médical au retour"},
    "away": {"en": "record each dose due as “A — Patient away from ward”",
             "fr": "noter chaque dose due « A — Patient absent »"},
}
LEFT = {"absconded": {"en": "on purpose (absconded)", "fr": "volontaire (fugue)"},
        "wandered": {"en": "wandered off (confused, lost)", "fr": "errance (confusion, désorientation)"},
        "not_known": {"en": "not known", "fr": "inconnu"}}
"""How the patient left (the form's `how`) as a letter says it (`handed_on`), not as the form asks it."""
REFUSALS = {
    "factor": {"en": "“{label}”: a factor making the risk HIGH is ticked ({factor}): answer HIGH.",
               "fr": "« {label} » : un élément rendant le risque ÉLEVÉ est coché ({factor}) : répondre ÉLEVÉ."},
    "child": {"en": "“{label}”: a child ({age}) missing from hospital is at HIGH risk whatever is ticked: answer "
                    "HIGH, and tell the police once the immediate search is done.",
              "fr": "« {label} » : un enfant ({age}) disparu de l’hôpital est à risque ÉLEVÉ quels que soient "
                    "les éléments cochés : répondre ÉLEVÉ, et prévenir la police dès la recherche immédiate faite."},
    "before_noticed": {"en": "“{label}” is before the patient was noticed missing ({time}): check the time.",
                       "fr": "« {label} » est avant que l’absence du patient soit constatée ({time}) : "
                             "vérifier l’heure."},
    "before_return": {"en": "“{label}” is before the patient was found or returned ({time}).",
                      "fr": "« {label} » est avant le retour du patient ({time})."},
}


def check(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Mapping[str, Any] | None = None,
          born: date | None = None) -> None:
    """Refuse, naming the field: a factor making the risk HIGH ticked, or the patient a child when
    noticed missing (born `born`; None: not known, domain.missing_patient.child_at), with the
    risk answered medium or low (the police would be called an hour late); an action or the
    return timed before the patient was noticed missing; the review, or the police told the
    patient is found, before the return. A return after the stay ended is accepted: a patient
    discharged in their absence, or found dead after the death's estimated time, is found after
    it, and refusing it left the record open and the EHR's Flag active for good. None can fall before the stay: the
    records service holds noticed missing (the form's `occurred_at`) within it.
    Each new record, and each amendment changing what it checks (one saved before a rule is
    corrected as it was)."""
    def changed(*field_ids: str) -> bool:
        return before is None or any(data.get(name) != before.get(name) for name in field_ids)

    def label(field_id: str) -> str:
        return spec.field(field_id).label.get(lang)

    errors = []
    ticked = sorted(set(data.get("risk_factors") or ()) & HIGH_FACTORS)
    lower = bool(data.get("risk")) and data["risk"] != Risk.HIGH
    noticed = answered_at(data, "noticed_at")
    if born is not None and noticed is not None and lower and child_at(born, noticed) \
            and changed("risk", "noticed_at"):
        errors.append(FieldError("risk", REFUSALS["child"][lang].format(
            label=label("risk"), age=age_words(born, ward_day(noticed)).text(lang))))
    elif ticked and lower and changed("risk", "risk_factors"):
        factor = spec.field("risk_factors")
        named = ", ".join(option.label.get(lang) for option in factor.options if option.code in ticked)
        errors.append(FieldError("risk", REFUSALS["factor"][lang].format(label=label("risk"), factor=named)))
    for refusal, bound, fields in (("before_noticed", "noticed_at", before_noticed(data)),
                                   ("before_return", "returned_at", before_return(data))):
        errors.extend(FieldError(field_id, REFUSALS[refusal][lang].format(
            label=label(field_id), time=ward_time(datetime.fromisoformat(data[bound]), None)))
            for field_id in fields if changed(field_id, bound))
    if errors:
        raise ValidationFailed(errors)


@dataclass(frozen=True)
class Recorded:
    """A missing-patient record (`record`) as domain.missing_patient reads it."""

    record: RecordVersion
    missing: Missing

    def text(self, lang: Lang, at: datetime, missed: Sequence[str] = ()) -> str:
        """The ward's line at `at`, on its clock, of a record still open (`open_records`):
        "MISSING since 14:20 (last seen: day room) — HIGH RISK: police told 14:35" while missing;
        "missing from the ward 14:20, returned 16:05: doctor to review" once back, with the
        time-critical doses `missed` while away (a record reviewed, the police told the patient is
        found, is on no list)."""
        if self.missing.returned_at is None:
            return self.latest(lang, at)
        return WORDS["said"][lang].format(latest=self.latest(lang, at),
                                          asks=semicolon(lang).join(self.asks(lang, at, missed)))

    def latest(self, lang: Lang, at: datetime) -> str:
        """The escalation list's "Latest": the ward's line while missing, "missing from the ward
        14:20, returned 16:05" once back (what it asks in the next column, `asks`): "returned 16:05"
        alone named nothing where no column names the chart (the leaving confirmation, a patient's
        line on the census)."""
        one = self.missing
        if one.returned_at is not None:
            return WORDS["returned"][lang].format(since=written_when(one.last_seen_at, at, at.tzinfo),
                                                  time=written_when(one.returned_at, at, at.tzinfo))
        since = WORDS["missing"][lang].format(time=written_when(one.last_seen_at, at, at.tzinfo),
                                              where=one.last_seen_where)
        if one.police_told_at is not None:
            police = WORDS["police_told"][lang].format(time=written_when(one.police_told_at, at, at.tzinfo))
        elif one.risk is Risk.HIGH or elapsed.reached(one.police_due_at, at):
            police = WORDS["police_not_told"][lang]
        else:
            police = WORDS["police_later"][lang].format(time=written_when(one.police_due_at, at, at.tzinfo))
        return WORDS["line"][lang].format(since=since, risk=WORDS[one.risk][lang], police=police)

    def asks(self, lang: Lang, at: datetime, missed: Sequence[str] = ()) -> list[str]:
        """What the escalation list asks of it at `at`: while missing, the police call once
        overdue, each action not yet recorded (a search and a call recorded done were asked
        again, the doctor and the next of kin never), keeping in touch with the police once told,
        and each dose due recorded "away"; once back, the doctor's review, the police told the
        patient is found when they were told of the disappearance, and the time-critical doses
        `missed` while away."""
        one = self.missing
        if one.returned_at is not None:
            return [*([WORDS["review"][lang]] if one.review_awaited else []),
                    *([WORDS["stand_down"][lang]] if one.police_to_stand_down else []),
                    *([WORDS["missed"][lang].format(doses=", ".join(missed))] if missed else [])]
        due = written_when(one.police_due_at, at, at.tzinfo)
        overdue = [WORDS["tell_police"][lang].format(time=due)] if one.police_overdue(at) else []
        return [*overdue,
                *(WORDS[step][lang] for step in STEPS if getattr(one, step) is None),
                *([WORDS["still_missing"][lang]] if one.police_told_at is not None else []), WORDS["away"][lang]]


def recorded(record: RecordVersion) -> Recorded:
    return Recorded(record, missing_of(record.data))


CHART = Chart(FORM, ordered(recorded, lambda one: one.missing.last_seen_at))


def _charted(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str]) -> dict[str, list[Recorded]]:
    """`CHART` of each of these patients, each record read with the patient's birth date as it
    stands (domain.missing_patient.risk_read: a child not yet back is HIGH risk, the birth date
    recorded after the record or not)."""
    found = CHART.of_each(db, list(patient_ids))
    born = {patient_id: patient.birth_date
            for patient_id, patient in census.all_patients(db, dict(forms), list(found)).items()} if found else {}
    return {patient_id: [replace(one, missing=missing_of(one.record.data, born.get(patient_id))) for one in each]
            for patient_id, each in found.items()}


@dataclass(frozen=True)
class Open:
    """A patient's record still open at `at` (`open_records`): missing, or back and what the
    return asks not all recorded; `missed` the time-critical doses not given while they were
    away, named, by (their order's id, their time): the lists leave them to this line
    (`unsaid_on_return`); `first`, listed before every other line then
    (chart_alerts.ChartAlert.first): a HIGH-risk patient whose police call is overdue, each
    minute counting. Before the call is due the line asks the immediate search, as any missing
    patient's, and sorts as they do."""

    one: Recorded
    missed: Mapping[tuple[str, datetime], str]
    first: bool

    def text(self, lang: Lang, at: datetime) -> str:
        return self.one.text(lang, at, list(self.missed.values()))

    def latest(self, lang: Lang, at: datetime) -> str:
        return self.one.latest(lang, at)

    def asks(self, lang: Lang, at: datetime) -> list[str]:
        return self.one.asks(lang, at, list(self.missed.values()))


def open_records(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str],
                 at: datetime, lang: Lang) -> dict[str, list[Open]]:
    """Each of these patients' records of their present stay still open at `at` (last seen by
    then, not back, or back and what the return asks not all recorded), oldest first."""
    order_form = forms[medication.ORDER_FORM]
    return {patient_id: [Open(one, _missed(db, order_form, patient_id, one.missing, at, lang) if one.missing.returned_at
                              else {}, one.missing.risk is Risk.HIGH and one.missing.police_overdue(at))
                         for one in still]
            for patient_id, each in _charted(db, forms, patient_ids).items()
            if (still := [one for one in each if one.missing.last_seen_at <= at and (
                one.missing.returned_at is None or one.missing.open_after_return)])}


MISSED_NOT = frozenset({DoseState.GIVEN, DoseState.NOT_IN_HOSPITAL, DoseState.IN_EHR})
"""The states of a dose's time that are no dose missed while away: given, or a time the patient
was not in hospital, or one the EHR's own chart holds."""


def _missed(db: Database, order_form: FormSpec, patient_id: str, away: Missing, at: datetime,
            lang: Lang) -> dict[tuple[str, datetime], str]:
    """Each time-critical dose's time from last seen to the return (or `at`) not given (nothing
    recorded, or recorded not given, "A — Patient away" as the round asks), named as the MAR
    heads it: the doctor reviewing the patient on return decides what to give now. Read from the
    MAR over that span, not the escalation list's (medication.time_critical), which says a run of
    doses not given at its latest alone and keeps 12 hours: three levodopa doses recorded away
    were said as none once the next was refused."""
    first, last = (moment.astimezone(at.tzinfo).date() for moment in (away.last_seen_at, away.returned_at or at))
    return {(row.order.record_id, cell.slot):
            f"{medication.order_label(row.order, order_form, lang)} {written_when(cell.slot, at, at.tzinfo)}"
            for row in medication.mar_grids(db, [patient_id], first, (last - first).days + 1, at)[patient_id]
            if row.order.time_critical
            for cell in row.cells if cell.state not in MISSED_NOT and away.while_missing(cell.slot, at)}


def unsaid_on_return(critical: Mapping[str, medication.TimeCritical],
                     opened: Mapping[str, list[Open]]) -> dict[str, medication.TimeCritical]:
    """The time-critical doses of each patient (`critical`: medication.time_critical) less those a
    return line of `opened` names, every dose a line says (a run's, at its latest) among them:
    the escalation list and the handover said the levodopa missed while away twice, its own line
    asking the doctor for "another route or medicine" of a patient back on the ward, and the
    return line the doctor's review of it. The return line is the one acted on: the doctor
    reviewing the patient decides what to give now, and it stands until that review is recorded.
    A run begun before the disappearance, or going on after the return, keeps its own line."""
    named = {patient_id: {dose for one in each for dose in one.missed} for patient_id, each in opened.items()}

    def said_on_return(patient_id: str, found: medication.TimeCritical, order: Order,
                       cell: medication.MarCell) -> bool:
        run = found.runs.get(cell.administration.record_id) if cell.administration is not None else None
        return all((order.record_id, one.slot) in named.get(patient_id, set())
                   for one in (run.cells if run is not None else (cell,)))

    return {patient_id: replace(found, late=[(order, cell) for order, cell in found.late
                                             if not said_on_return(patient_id, found, order, cell)])
            for patient_id, found in critical.items()}


def lines(opened: Mapping[str, list[Open]], at: datetime, lang: Lang) -> dict[str, str]:
    """What the census, the handover sheet and the Patients tab say of each patient of `opened`
    (`open_records`) at `at`."""
    return {patient_id: semicolon(lang).join(one.text(lang, at) for one in each) for patient_id, each in opened.items()}


def ward_lines(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
               lang: Lang) -> dict[str, str]:
    """What the census and the handover sheet say of each of these patients missing, or back
    and what the return asks not all recorded, at `at`."""
    return lines(open_records(db, forms, patient_ids, at, lang), at, lang)


def missing_now(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
                lang: Lang) -> dict[str, str]:
    """Those of these patients missing at `at`, with the round's words: each dose falling due
    while they are away is recorded "A — Patient away from ward" (forms/medication_administration.yaml),
    never left blank to be read as forgotten."""
    return {patient_id: WORDS["round"][lang].format(line=one.text(lang, at), away=WORDS["away"][lang])
            for patient_id, each in _charted(db, forms, patient_ids).items()
            for one in each if one.missing.missing_at(at)}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (transfer_out, discharge) says of their times missing
    from the ward: each of this stay by `at`, one a line, as facts (when, the risk, how they left,
    where found, the condition on return, the doctor's review or that none is recorded): wandered
    off and found in the car park, the episode reached the EHR's Flag alone, and the receiving
    hospital or care home planned no supervision for a patient who wanders. Nothing when never
    missing. In the letter's own words, not the form's questions ("How they left, if known"), and
    in a French the same for a man or a woman ("Comment il est parti" was printed of a woman).
    `forms` reads the patient's birth date (`_charted`)."""
    def when(moment: datetime) -> str:
        return ward_time(moment, at.tzinfo, "%d/%m %H:%M")

    said = []
    for one in _charted(db, forms, [patient_id]).get(patient_id, []):
        away, data = one.missing, one.record.data
        if elapsed.instant(away.last_seen_at) > elapsed.instant(at):
            continue
        back = away.returned_at is not None and elapsed.instant(away.returned_at) <= elapsed.instant(at)
        head = (WORDS["handed"][lang].format(since=when(away.last_seen_at), back=when(away.returned_at),
                                              where=away.last_seen_where) if back
                else WORDS["handed_missing"][lang].format(since=when(away.last_seen_at), where=away.last_seen_where))
        answered = [WORDS["left"][lang].format(how=LEFT[data["how"]][lang])] if data.get("how") else []
        answered += [WORDS[part][lang].format(said=data[part]) for part in ("returned_where", "returned_condition")
                     if back and data.get(part)]
        review = ([] if not back else [WORDS["not_reviewed"][lang]] if away.reviewed_at is None else
                  [WORDS["reviewed"][lang].format(by=data.get("reviewed_by"), time=when(away.reviewed_at))])
        said.append(semicolon(lang).join([head, WORDS[away.risk][lang], *answered, *review]))
    return said


GIVEN_WHILE_MISSING = QT_TRANSLATE_NOOP(
    "messages", "{drug} recorded given at {time}, while the patient is recorded missing from the ward (last seen "
                "{since}, {where}): record “A — Patient away from ward”, or record their return on the "
                "missing-patient record first.")


def dose_warnings(session: Session, found: Order, values: Mapping[str, Any]) -> list[Warning]:
    """A dose of `found` recorded given (medication.check_dose) at a time its patient is recorded
    missing from the ward: given to another patient, or the record of the return never made; the
    nurse overrides it with a reason (back on the ward, their return not yet typed in). The round
    said the patient missing by the name, the dose dialog nothing, and the dose was saved given.
    Both times on the ward's clock (None: the laptop's zone, its rules): read on the dose's fixed
    offset, a patient last seen at 01:30 the night the clocks went back read "last seen 00:30"."""
    if values.get("outcome") != Outcome.GIVEN.value:
        return []
    at = datetime.fromisoformat(values["given_at"])
    return [Warning(Check.GIVEN_WHILE_MISSING, GIVEN_WHILE_MISSING, {
        "drug": " ".join(found.drug.split()), "time": written_when(at, at),
        "since": written_when(one.missing.last_seen_at, at),
        "where": one.missing.last_seen_where}) for one in CHART.of(session.db, found.patient_id)
        if one.missing.missing_at(at)]


def next_change(opened: Mapping[str, list[Open]], at: datetime) -> datetime | None:
    """When the next police call not yet due falls due: the escalation list is read again then."""
    coming = [one.one.missing.police_due_at for each in opened.values() for one in each
              if one.one.missing.police_told_at is None and one.one.missing.returned_at is None
              and not elapsed.reached(one.one.missing.police_due_at, at)]
    return min(coming, key=elapsed.instant, default=None)


def first_answers(born: date | None, at: datetime, deprived_of_liberty: bool = False) -> dict[str, Any]:
    """What a new record starts with for a patient born `born` (None: not known), as it opens at
    `at` (services.prefill): a child's, the factor "A child or a vulnerable adult" ticked and the
    risk HIGH, which `check` holds it to (a missing 2-year-old's form opened blank, and was saved
    "low risk"); of a patient under a DoLS authorisation then (`deprived_of_liberty`:
    services.enhanced_observation.deprived_of_liberty), the factor "Detained … under a DoLS"
    ticked and the risk HIGH (it opened blank, and was saved "low risk", the police to be told an
    hour later, of a patient the hospital was authorised to keep from leaving)."""
    factors = [*([CHILD_FACTOR] if child_at(born, at) else []), *([DETAINED_FACTOR] if deprived_of_liberty else [])]
    return {"risk_factors": factors, "risk": Risk.HIGH.value} if factors else {}


def risk(data: Mapping[str, Any], born: date | None = None) -> Risk | None:
    """The record's risk as the rules read it (HIGH with any factor ticked, or for a child not yet
    back: domain.missing_patient.risk_read) for a patient born `born` (None: not known)."""
    return risk_read(data, born)


def to_open(db: Database, patient_id: str) -> RecordVersion:
    """The record to open from the escalation list: the patient's latest still open (to record
    the police told, the return, the doctor's review or the police told the patient is found by
    amending it), else their latest."""
    each = CHART.of(db, patient_id)
    return next((one for one in reversed(each) if one.missing.returned_at is None or one.missing.open_after_return),
                each[-1]).record
