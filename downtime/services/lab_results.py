"""A patient's laboratory samples sent and results received on the ward, telephoned or on
paper, each with what it asks (domain.lab_results): a critical result not yet told to a doctor,
an abnormal one for a doctor to see, a sample whose result is overdue, an urgent one the
laboratory rejected or lost that no new sample replaces yet. Never stored: worked out from the
standing records."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import ward_time
from downtime.domain import aki, elapsed
from downtime.domain.census import StayStatus
from downtime.domain.lab_results import (SIGNS, Flag, Sign, awaited, back_by, doctor_told, level_above, outside_range,
                                         signs)
from downtime.domain.medication import levelled, medicine_name, medicines_known, names_alike, shares_a_medicine
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.roles import Role
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import QT_TRANSLATE_NOOP, decimal_text, labelled, semicolon
from downtime.services import census, settings
from downtime.services.bedside import Chart, in_present_stays, ordered
from downtime.services.context import Session
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.storage.records import current_by_patient, current_of, histories, list_current

FORM = "lab_result"
REQUEST_FORM = "lab_request"
FAILED = ("rejected", "lost")
"""A sample's outcomes (`outcome`) that give no result: the test is still wanted, unlike a cancelled one's."""
GIVEN = ("result", "units", "flag")
"""What the laboratory gave: a doctor told of it was told of these."""
FLAG_KEPT = "flag_kept"
"""The nurse's Yes that the laboratory flagged Normal a value outside its range (`check_flag`)."""
TOLD = ("told", "told_at", "acknowledged")
"""Who was told of a result, when, and that they took it."""
REGISTERED = frozenset({Role.WARD_NURSE, Role.DOCTOR})
"""Those of the form's authors who take a critical result alone (RCPath: it is phoned to a
registered professional), record a doctor told of it, or withdraw one no doctor is told of."""
STUDENT_REFUSED = QT_TRANSLATE_NOOP("messages", "A student nurse does not take a critical result, or record a doctor "
                                                "told of one, alone: hand the call or the report to a registered "
                                                "nurse, who records it.")
WITHDRAWAL_REFUSED = QT_TRANSLATE_NOOP("messages", "A critical result no doctor is told of yet is withdrawn only by a "
                                                   "registered nurse or a doctor: ask one to.")
HANDOVER_SINCE = timedelta(hours=24)
"""The handover sheet names the results of the last day not normal, and any still asking something."""
UNSEEN_NAMED = 3
"""How many of a patient's abnormal results no doctor has seen the discharge's confirm names."""
WORDS = {
    "handover": {"en": "RESULTS: {results}", "fr": "RÉSULTATS : {results}"},
    "received": {"en": "received {time}", "fr": "reçu le {time}"},
    "told": {"en": "{name} told {time}", "fr": "{name} prévenu le {time}"},
    "outside": {"en": "{result} is outside its reference range {range}, yet flagged Normal: check the flag with the "
                      "laboratory, and record it as the laboratory gives it (Abnormal, for a doctor to see, or "
                      "Critical). If the laboratory flagged it Normal, answer “{field}” Yes.",
                "fr": "{result} est en dehors des valeurs de référence {range}, mais signalé Normal : vérifier le "
                      "signalement auprès du laboratoire, et le noter comme le laboratoire le donne (Anormal, à "
                      "montrer à un médecin, ou Critique). Si le laboratoire l’a signalé Normal, répondre Oui à "
                      "« {field} »."},
    "awaiting": {"en": "awaiting its result, due by {time}", "fr": "résultat attendu, au plus tard le {time}"},
    "not_back": {"en": "RESULT NOT BACK since {time}: phone the laboratory",
                 "fr": "RÉSULTAT NON REÇU depuis le {time} : appeler le laboratoire"},
    "back": {"en": "{count} result(s) back", "fr": "{count} résultat(s) reçu(s)"},
    "samples": {"en": "SAMPLES AWAITING RESULTS: {samples}", "fr": "PRÉLÈVEMENTS EN ATTENTE DE RÉSULTAT : {samples}"},
    "sample": {"en": "{tests} ({urgency}) taken {time}", "fr": "{tests} ({urgency}) prélevé le {time}"},
    "partly_awaiting": {"en": "{tests} still awaited, due by {time}", "fr": "{tests} encore attendu(s), au plus tard le {time}"},
    "partly_not_back": {"en": "NOT ALL BACK since {time} ({tests} awaited): phone the laboratory",
                        "fr": "PAS TOUT REÇU depuis le {time} ({tests} attendu(s)) : appeler le laboratoire"},
    "awaited": {"en": "Result awaited: {sample}", "fr": "Résultat attendu : {sample}"},
    # A sample awaited as the patient leaves, as the letter says it: facts and who follows it up,
    # for the nurse to name, not the ward's "phone the laboratory" (`handed_on`).
    "letter_not_back": {"en": "not back (due by {time})", "fr": "non reçu (attendu au plus tard le {time})"},
    "letter_partly_not_back": {"en": "{tests} not back (due by {time})",
                               "fr": "{tests} non reçu(s) (attendu(s) au plus tard le {time})"},
    "phoned_to": {"en": "the laboratory will phone ward {ward}", "fr": "le laboratoire appellera le service {ward}"},
    "phoned_back": {"en": "the laboratory will phone the ward it was sent from",
                    "fr": "le laboratoire appellera le service d’où il a été envoyé"},
    "not_resent": {"en": "{closed}, not sent again", "fr": "{closed}, non renvoyé"},
    "followed_by": {"en": "followed up by: …", "fr": "suivi par : …"},
    # A result no doctor has seen as the patient leaves: asked before the save, then said on the
    # letter as a fact (`handed_on`), not as the ward's "tell one now".
    "unseen_asked": {"en": "ABNORMAL RESULT NO DOCTOR HAS SEEN: {result}: show it to a doctor, and record who and when",
                     "fr": "RÉSULTAT ANORMAL QU’AUCUN MÉDECIN N’A VU : {result} : le montrer à un médecin, et noter à "
                           "qui et quand"},
    "unseen_asked_many": {"en": "{count} ABNORMAL RESULTS NO DOCTOR HAS SEEN: {result}: show them to a doctor, and "
                                "record who and when",
                          "fr": "{count} RÉSULTATS ANORMAUX QU’AUCUN MÉDECIN N’A VUS : {result} : les montrer à un "
                                "médecin, et noter à qui et quand"},
    "and_more": {"en": "and {more} more (see Laboratory results)",
                 "fr": "et {more} autre(s) (voir Résultats de laboratoire)"},
    Sign.TELL_NOW: {"en": "not yet told to a doctor", "fr": "pas encore transmis à un médecin"},
    Sign.FOR_A_DOCTOR: {"en": "not yet seen by a doctor", "fr": "pas encore vu par un médecin"},
    "rejected": {"en": "REJECTED by the laboratory ({why})", "fr": "REFUSÉ par le laboratoire ({why})"},
    "lost": {"en": "LOST", "fr": "PERDU"},
    "cancelled": {"en": "CANCELLED (no longer needed)", "fr": "ANNULÉ (plus nécessaire)"},
    "closed_by": {"en": "{outcome}, said by {name} {time}", "fr": "{outcome}, signalé par {name} le {time}"},
    "resend": {"en": "{closed} — resend?", "fr": "{closed} — à renvoyer ?"},
    "resend_now": {"en": "{closed} — URGENT: send a new sample and record it as a new sample sent",
                   "fr": "{closed} — URGENT : envoyer un nouveau prélèvement et l’enregistrer comme un nouveau "
                         "prélèvement envoyé"},
    "resent": {"en": "{closed} — sent again {time}", "fr": "{closed} — renvoyé le {time}"},
    "told_earlier": {"en": "The doctor was told the earlier result: empty who was told to save this correction, "
                           "then tell a doctor this one and record it with “Doctor told…”, their acknowledgement "
                           "asked again.",
                     "fr": "Le médecin a été prévenu du résultat précédent : effacer le médecin prévenu pour "
                           "enregistrer cette correction, puis prévenir un médecin de celui-ci et le noter avec "
                           "« Médecin prévenu… », son accusé de réception étant demandé à nouveau."},
    StayStatus.DISCHARGED: {"en": "DISCHARGED: the doctor decides whether to call the patient back",
                            "fr": "SORTI : le médecin décide s’il faut rappeler le patient"},
    StayStatus.TRANSFERRED_OUT: {"en": "TRANSFERRED OUT: the doctor tells the hospital the patient went to",
                                 "fr": "TRANSFÉRÉ : le médecin prévient l’hôpital qui a reçu le patient"},
    StayStatus.DECEASED: {"en": "DECEASED: tell the doctor who certified the death",
                          "fr": "DÉCÉDÉ : prévenir le médecin qui a constaté le décès"},
    "moved_save": {"en": "This patient is on ward {ward} now (moved there {time}): phone the result to ward {ward}. "
                         "A critical one stays on this ward's escalation list until a doctor is recorded as told.",
                   "fr": "Ce patient est maintenant dans le service {ward} (muté le {time}) : téléphoner le résultat "
                         "au service {ward}. Un résultat critique reste sur la liste d’alertes de ce service jusqu’à "
                         "ce qu’un médecin soit noté comme prévenu."},
    # An acute kidney injury a creatinine rise shows (domain.aki), and the medicines running it
    # asks a doctor to review.
    "aki": {"en": "AKI STAGE {stage}: creatinine {value} µmol/L, {ratio}x the baseline {baseline} ({day})",
            "fr": "IRA STADE {stage} : créatinine {value} µmol/L, {ratio} fois la valeur de base {baseline} ({day})"},
    "aki_review": {"en": "review nephrotoxic medicines: {medicines}",
                   "fr": "réévaluer les médicaments néphrotoxiques : {medicines}"},
    "aki_doses": {"en": "review the doses of those the kidneys clear: {medicines}",
                  "fr": "réévaluer les doses de ceux qu’éliminent les reins : {medicines}"},
    "aki_none": {"en": "for the doctor to review", "fr": "à faire réévaluer par le médecin"},
    # The stay's worst AKI, said on a letter once the creatinine has come down (`worst_aki`).
    "aki_stay": {"en": "{aki}, on {day}, during this stay; latest creatinine {latest} µmol/L ({latest_day})",
                 "fr": "{aki}, le {day}, pendant ce séjour ; dernière créatinine {latest} µmol/L ({latest_day})"},
    # A drug level, by its drug as the nurse named it and its timing (lab_request version 4).
    "level": {"en": "{drug} level ({timing})", "fr": "Dosage de {drug} ({timing})"},
    # A result picked for a sample it cannot be of (`check_sample`).
    "other_sample": {"en": "“{field}”: taken {taken}, yet this result's sample was taken {other}: correct the "
                           "sample's time taken if it was typed wrong, or pick the sample it is of.",
                     "fr": "« {field} » : prélevé le {taken}, mais le prélèvement de ce résultat a été fait le "
                           "{other} : corriger l’heure du prélèvement si elle a été mal saisie, ou choisir le "
                           "prélèvement concerné."},
    "received_before": {"en": "“{field}”: taken {taken}, yet this result was received {other}: correct the sample's "
                              "time taken if it was typed wrong, or pick the sample it is of.",
                        "fr": "« {field} » : prélevé le {taken}, mais ce résultat a été reçu le {other} : corriger "
                              "l’heure du prélèvement si elle a été mal saisie, ou choisir le prélèvement concerné."},
    # A sample's answers against the patient's other records (`check_request`).
    "level_unmatched": {"en": "“{field}”: {drug} is not written as on the medication chart ({orders}, whose doses "
                              "wait on levels): write it as there, or the level holds none of their doses.",
                        "fr": "« {field} » : {drug} n’est pas écrit comme sur le plan d’administration ({orders}, "
                              "dont les doses attendent les dosages) : l’écrire comme là, sinon le dosage ne suspend "
                              "aucune de leurs doses."},
    "not_apart": {"en": "“{field}”: a second sample is taken apart from the first (taken {first}): from a new "
                        "venepuncture, at another time, the patient identified again.",
                  "fr": "« {field} » : un second prélèvement se fait à part du premier (prélevé le {first}) : par une "
                        "nouvelle ponction veineuse, à un autre moment, le patient identifié à nouveau."},
    # A patient moved to another ward since (census.moved_from): its laptop may never have it.
    "moved": {"en": "MOVED to {ward}: critical result no doctor is told of yet — phone ward {ward}",
              "fr": "MUTÉ en {ward} : résultat critique dont aucun médecin n’est encore prévenu — appeler le "
                    "service {ward}"},
}



@dataclass(frozen=True)
class Received:
    """A result received (`record`), when, its flag, what it asks, and when it was typed in the app
    as it stands (`typed_at`, see `charts`)."""

    record: RecordVersion
    received_at: datetime
    flag: Flag
    signs: list[Sign]
    typed_at: datetime

    @property
    def known_at(self) -> datetime:
        """When a dose given could have been checked against it: once received, and once typed. A
        trough phoned at 11:30 into the paper book and typed at 14:00 was taken as known to the
        nurse who gave the 12:00 dose, whom nothing had asked, and held no dose after."""
        return max(self.received_at, self.typed_at, key=elapsed.instant)

    @property
    def told_at(self) -> datetime | None:
        """When a doctor took it; None while none has (`domain.lab_results.doctor_told`)."""
        return datetime.fromisoformat(self.record.data["told_at"]) if doctor_told(self.record.data) else None

    def words(self, *named: str) -> str:
        """Its `named` fields as typed, each with its spaces run together, leaving out the units when
        the result typed before them already ends with them: "Gentamicin 2.4 mg/L", where units typed
        with the value, as copied from the report, as well as in their own box were said twice ("2.4
        mg/L mg/L"). Only the units are weighed so: "CA 125" of 125 U/mL lost its value to the test's
        name (review S_GLN S5)."""
        parts = {name: " ".join(str(self.record.data.get(name) or "").split()) for name in named}
        result, units = parts.get("result", "").casefold(), parts.get("units", "").casefold()
        if units and result.endswith(units) and not result.removesuffix(units)[-1:].isalpha():
            parts["units"] = ""
        return " ".join(part for part in parts.values() if part)

    def text(self) -> str:
        """"Potassium 6.8 mmol/L (3.5–5.3)", as the laboratory gave it."""
        said, range_text = self.words("test", "result", "units"), self.words("range")
        return f"{said} ({range_text})" if range_text else said

    def told(self, lang: Lang, zone: tzinfo | None) -> str:
        """"Dr Martin told 28/11 03:20" on the clock of `zone`, or "" while no doctor is recorded as told."""
        told_at = self.told_at
        if told_at is None:
            return ""
        return WORDS["told"][lang].format(name=" ".join(self.record.data["told"].split()), time=ward_time(told_at, zone))

    def action(self) -> str:
        """The action taken or planned as typed, its spaces and lines run together; "" when none."""
        return " ".join(str(self.record.data.get("action") or "").split())

    def passed_on(self, lang: Lang, zone: tzinfo | None) -> str:
        """Who was told and the action (`told`, `action`): "Dr Martin told 28/11 03:20: calcium
        gluconate; repeat K at 06:00", or the action alone while no doctor is told ("Bleeped Dr
        Bernard 03:15, no answer", as the form asks): the next nurse saw "NOT YET TOLD" with no
        trace of the doctors already bleeped, nor of the repeat potassium due on their shift."""
        told, action = self.told(lang, zone), self.action()
        return labelled(told, action, lang) if told and action else told or action

    def heading(self, lang: Lang, zone: tzinfo | None) -> str:
        """The escalation list's line of it: the result, when it came on the clock of `zone`, and the
        action (`action`): "Potassium 6.9 mmol/L (3.5–5.3) 28/11 13:10: Bleeped Dr Bernard 13:15"."""
        said = f"{self.text()} {ward_time(self.received_at, zone)}"
        return labelled(said, action, lang) if (action := self.action()) else said

    def said(self, lang: Lang) -> list[str]:
        return [SIGNS[sign][lang] for sign in self.signs]

    def line(self, spec: FormSpec, lang: Lang, zone: tzinfo | None) -> str:
        """The result, its flag, when it came, who was told and the action (`passed_on`), on the
        clock of `zone`: "Potassium 6.8 mmol/L (3.5–5.3), Critical, received 28/11 03:10, Dr Martin
        told 28/11 03:20: calcium gluconate"."""
        flag = format_value(spec.field("flag"), self.flag.value, lang)
        return ", ".join(filter(None, (self.text(), flag, WORDS["received"][lang].format(
            time=ward_time(self.received_at, zone)), self.passed_on(lang, zone))))


@dataclass(frozen=True)
class Sent:
    """A sample sent (`record`), when its results are due back, the results naming it, its
    tests no result gives yet (`awaited`, their codes), and when a sample sent after it asked
    one of those again (`resent_at`, None while none has)."""

    record: RecordVersion
    taken_at: datetime
    due_at: datetime
    results: list[Received]
    awaited: list[str]
    resent_at: datetime | None = None

    def tests(self, spec: FormSpec, lang: Lang, codes: Sequence[str] | None = None) -> str:
        """"Full blood count, CRP": the sample's tests, or those of `codes` (see `tests_named`)."""
        return tests_named(spec, self.record.data, lang, codes)

    @property
    def outcome(self) -> str | None:
        """"rejected", "lost" or "cancelled": the sample closed by amending it (form version 2),
        whose result will never come; None while its result may."""
        return self.record.data.get("outcome") or None

    @property
    def chased(self) -> bool:
        """Whether its results are chased with the laboratory: some not back, and the sample not
        closed (a haemolysed one was chased every shift for weeks)."""
        return bool(self.awaited) and self.outcome is None

    def to_send_again(self) -> bool:
        """An urgent sample the laboratory rejected or lost before all its results came, and no
        sample sent since for those tests (`_resent`): the test is still wanted now, and not
        silently dropped with the sample."""
        return (self.outcome in FAILED and self.record.data["urgency"] == "urgent" and bool(self.awaited)
                and self.resent_at is None)

    def overdue(self, at: datetime) -> bool:
        """Whether it asks the ward now: its result late, or a new sample to send (`to_send_again`)."""
        return self.to_send_again() or (self.chased and elapsed.instant(self.due_at) <= elapsed.instant(at))

    def closed(self, spec: FormSpec, lang: Lang, zone: tzinfo | None) -> str:
        """"REJECTED by the laboratory (haemolysed), said by Mme Roux, biochemistry 01/12 13:05":
        the outcome, who said so and when, on the clock of `zone`."""
        data = self.record.data
        why = (format_value(spec.field("rejected_because"), data["rejected_because"], lang).lower()
               if data["outcome"] == "rejected" else "")
        outcome = WORDS[data["outcome"]][lang].format(why=why)
        return WORDS["closed_by"][lang].format(outcome=outcome, name=" ".join(data["closed_by"].split()),
                                               time=ward_time(datetime.fromisoformat(data["closed_at"]), zone))

    def state(self, spec: FormSpec, at: datetime, lang: Lang) -> str:
        """"2 result(s) back", "awaiting its result, due by 28/11 10:00", "RESULT NOT BACK since
        …", and for a sample some of whose tests are back, those still awaited: "Full blood count
        still awaited, due by …", "NOT ALL BACK since … (Full blood count awaited): phone the
        laboratory"; and a sample closed, with what it asks: "REJECTED by the laboratory
        (haemolysed), said by … — resend?", an urgent one "… — URGENT: send a new sample …" until
        one is sent ("… — sent again 01/12 14:00")."""
        if self.outcome is not None:
            closed = self.closed(spec, lang, at.tzinfo)
            if self.outcome not in FAILED or not self.awaited:
                return closed
            if self.resent_at is not None:
                return WORDS["resent"][lang].format(closed=closed, time=ward_time(self.resent_at, at.tzinfo))
            return WORDS["resend_now" if self.to_send_again() else "resend"][lang].format(closed=closed)
        if not self.awaited:
            return WORDS["back"][lang].format(count=len(self.results))
        late = "not_back" if self.overdue(at) else "awaiting"
        return WORDS[f"partly_{late}" if self.results else late][lang].format(
            time=ward_time(self.due_at, at.tzinfo), tests=self.tests(spec, lang, self.awaited))

    def line(self, spec: FormSpec, lang: Lang, zone: tzinfo | None) -> str:
        """"Full blood count, CRP (Urgent) taken 28/11 08:00", on the clock of `zone`."""
        return WORDS["sample"][lang].format(tests=self.tests(spec, lang), time=ward_time(self.taken_at, zone),
                                            urgency=format_value(spec.field("urgency"), self.record.data["urgency"], lang))

    def named(self, spec: FormSpec, lang: Lang, zone: tzinfo | None) -> str:
        """The sample's `line` and its number: "CRP (Urgent) taken 28/11 11:40, B26-118842"."""
        return ", ".join(filter(None, (self.line(spec, lang, zone), self.record.data.get("sample_number"))))


LEVEL = "drug_level"
"""A sample's test (lab_request version 4) that is a drug's level, naming the drug (`level_drug`)."""


def _level_named(spec: FormSpec, sample: Mapping[str, Any], lang: Lang) -> str:
    return WORDS["level"][lang].format(drug=" ".join(sample["level_drug"].split()),
                                       timing=format_value(spec.field("level_timing"), sample["level_timing"], lang))


def tests_named(spec: FormSpec, sample: Mapping[str, Any], lang: Lang, codes: Sequence[str] | None = None) -> str:
    """"Full blood count, CRP, Gentamicine level (Trough), Magnesium": a
    sample's tests (or those of `codes`), a drug level by its drug and timing, the other tests'
    words for Other."""
    chosen = sample["tests"] if codes is None else codes
    named = [_level_named(spec, sample, lang) if code == LEVEL and sample.get("level_drug")
             else format_value(spec.field("tests"), [code], lang) for code in chosen if code != "other"]
    if "other" in chosen and sample.get("other_tests"):
        named.append(" ".join(sample["other_tests"].split()))
    return ", ".join(named)


def received(record: RecordVersion) -> Received:
    """A result of `record`, typed as it stands when `record` was (which `charts` puts back for an
    amendment that changed none of LEVEL_READ)."""
    data = record.data
    flag = Flag(data["flag"])
    return Received(record, datetime.fromisoformat(data["received_at"]), flag, signs(flag, doctor_told(data)),
                    record.recorded_at)


CHART = Chart(FORM, ordered(received, lambda one: one.received_at), this_stay=False)


LEVEL_READ = ("request", "gives", "test", "result", "units", "range", "flag")
"""What a result holds a dose by (`levels`): an amendment changing one of them is a new result to
whoever gives the next dose; one changing anything else (a doctor told) is not."""


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[Received]]:
    """Each of these patients' standing results, oldest first, in one query, and one more for when
    the amended ones were typed as they stand (`Received.typed_at`: the earliest of their latest
    versions with the same LEVEL_READ): a trough typed "0.4" before the 12:00 dose and corrected
    to 2.4 at 14:00 was known to no one who gave it; a doctor told of a result, recorded after the
    next dose, is no new result that dose was given without."""
    found = CHART.of_each(db, patient_ids)
    versions = histories(db, [one.record.record_id for results in found.values() for one in results
                              if one.record.version > 1])
    return {patient_id: [dataclasses.replace(one, typed_at=_typed_at(versions[one.record.record_id]))
                         if one.record.record_id in versions else one for one in results]
            for patient_id, results in found.items()}


def _typed_at(versions: Sequence[RecordVersion]) -> datetime:
    """When a result's `versions` (oldest first) first said what its last says of LEVEL_READ."""
    standing = [versions[-1].data.get(name) for name in LEVEL_READ]
    typed = versions[-1].recorded_at
    for version in reversed(versions):
        if [version.data.get(name) for name in LEVEL_READ] != standing:
            break
        typed = version.recorded_at
    return typed


def chart(db: Database, patient_id: str) -> list[Received]:
    """The patient's standing results, oldest first (`charts`)."""
    return charts(db, [patient_id]).get(patient_id, [])


def _sent(found: list[RecordVersion], results: list[Received]) -> list[Sent]:
    by_sample: dict[str, list[Received]] = {}
    for one in results:
        if one.record.data.get("request"):
            by_sample.setdefault(str(one.record.data["request"]), []).append(one)
    sent = []
    for record in found:
        if record.status is RecordStatus.ENTERED_IN_ERROR:
            continue
        taken, back = datetime.fromisoformat(record.data["taken_at"]), by_sample.get(record.record_id, [])
        left = awaited(record.data["tests"], [one.record.data.get("gives") for one in back])
        sent.append(Sent(record, taken, back_by(taken, record.data["urgency"] == "urgent", left), back, left))
    return [dataclasses.replace(one, resent_at=_resent(one, sent)) if one.outcome in FAILED else one
            for one in sorted(sent, key=lambda one: (elapsed.instant(one.taken_at), one.record.recorded_at))]


def _resent(closed: Sent, sent: list[Sent]) -> datetime | None:
    """When the first of `sent` taken once the sample `closed` was said rejected or lost (its
    `closed_at`) asks one of its tests still awaited: the sample sent again. A nurse sends it
    again once the laboratory has said so, and the alert is hers until she has; a sample taken
    before then was sent for something else (the morning's routine full blood count taken after
    the urgent one the laboratory later found haemolysed), and counted as the new sample, it
    silenced the call for the urgent one."""
    said = elapsed.instant(datetime.fromisoformat(closed.record.data["closed_at"]))
    return min((one.taken_at for one in sent if one.record.record_id != closed.record.record_id
                and said <= elapsed.instant(one.taken_at) and set(closed.awaited) & set(one.record.data["tests"])),
               key=elapsed.instant, default=None)


def samples(db: Database, patient_id: str, results: list[Received] | None = None) -> list[Sent]:
    """The patient's standing samples sent in their present stay, oldest first, each with the
    results naming it (`results`: the patient's `chart`, when read already). A sample of a stay
    that ended is not the ward's to chase: the letter that ended it said it was awaited (`handed_on`),
    and a result of it, when it comes, is recorded on the patient's results all the same."""
    found = in_present_stays(db, {patient_id: list_current(db, form_id=REQUEST_FORM, patient_id=patient_id)})
    return _sent(found.get(patient_id, []), chart(db, patient_id) if results is None else results)


def samples_of(db: Database, patient_ids: Collection[str]) -> dict[str, list[Sent]]:
    """`samples` of each of these patients who has sent one in their present stay."""
    results = charts(db, patient_ids)
    found = in_present_stays(db, current_by_patient(db, REQUEST_FORM, patient_ids))
    return {patient_id: sent for patient_id, standing in found.items()
            if (sent := _sent(standing, results.get(patient_id, [])))}


def overdue(sent: list[Sent], at: datetime) -> list[Sent]:
    return [one for one in sent if one.overdue(at)]


def next_due(sent: list[Sent], at: datetime) -> datetime | None:
    """When the next sample awaiting its result falls overdue after `at`: what asks is read again then."""
    return min((one.due_at for one in sent if one.chased and not one.overdue(at)), key=elapsed.instant,
               default=None)


@dataclass(frozen=True)
class Levels:
    """A medicine's levels its next dose waits on (see `levels`)."""

    awaited: list[Sent]
    above: list[tuple[Sent, Received]]
    above_unsent: list[Received] = dataclasses.field(default_factory=list)
    """Those above their range typed as results of no level sent from this laptop (its timing not
    known): a trough sent on the paper request and phoned back."""


def _level_given(one: Received) -> bool:
    gives = one.record.data.get("gives")
    return gives is None or LEVEL in gives


_LEVEL_ENDING = re.compile(r"(?<=\w)[ée]mies?\b", re.IGNORECASE)
"""French laboratories' name for a drug's level: "Gentamicinémie", "Vancomycinémie"."""


def names_level_of(drug: str, test: str) -> bool:
    """Whether a result's `test` names a level of `drug`, in English ("Gentamicin trough") or as
    French laboratories do ("Gentamicinémie résiduelle"): the trough phoned back so held nothing,
    and the next dose asked for a level that was taken."""
    return shares_a_medicine(drug, _LEVEL_ENDING.sub("", test))


def levels(sent: Sequence[Sent], drug: str, started: datetime, last_given: datetime | None,
           results: Sequence[Received] = ()) -> Levels:
    """The levels of `drug` among a patient's samples (`samples`) that its next dose waits on: those
    taken since its order `started` still awaiting their result, unless closed (a sample's level not
    back is checked before any later dose, whichever dose it followed); and the results of them
    above their range, or flagged where that cannot be read (domain.lab_results.level_above),
    received and typed since its `last_given` dose (None: none given yet; `Received.known_at`),
    which the nurse who gave that dose knew of. A gentamicin trough sent at 06:00
    awaited, then back at 2.4 mg/L for "< 1", left the 12:00 dose DUE like any other. And among
    the patient's `results`, those whose test names the drug, given for no level sent from this
    laptop, above their range and received since that dose (`Levels.above_unsent`): the trough
    sent on the paper request, the laptop elsewhere, then phoned back at 4.2 mg/L and typed as a
    result with no sample, as the form allows, held no dose."""
    mine = [one for one in sent if LEVEL in one.record.data["tests"] and elapsed.instant(started) <= elapsed.instant(
        one.taken_at) and shares_a_medicine(drug, str(one.record.data.get("level_drug") or ""))]
    since = elapsed.instant(last_given or started)

    def above(result: Received) -> bool:
        return since <= elapsed.instant(result.known_at) and level_above(
            str(result.record.data["result"]), result.record.data.get("range"), result.flag)

    given_for = {result.record.record_id for one in mine for result in one.results}
    return Levels([one for one in mine if LEVEL in one.awaited and one.outcome is None],
                  [(one, result) for one in mine for result in one.results if _level_given(result) and above(result)],
                  [result for result in results if result.record.record_id not in given_for
                   and names_level_of(drug, str(result.record.data.get("test") or "")) and above(result)])


def level_taken_since(sent: Sequence[Sent], results: Sequence[Received], drug: str, since: datetime) -> bool:
    """Whether a level of `drug` was taken at or after `since`: a level sent (`LEVEL`) not closed as
    rejected, lost or cancelled, or a result whose test names the drug, its sample taken (else
    received) then (see `levels`)."""
    start = elapsed.instant(since)
    return any(LEVEL in one.record.data["tests"] and one.outcome is None and start <= elapsed.instant(one.taken_at)
               and shares_a_medicine(drug, str(one.record.data.get("level_drug") or "")) for one in sent) or any(
        names_level_of(drug, str(one.record.data.get("test") or "")) and start <= elapsed.instant(
            datetime.fromisoformat(taken) if (taken := one.record.data.get("sample_taken_at")) else one.received_at)
        for one in results)


def _test_named(data: Mapping[str, Any]) -> str:
    """The test as the laboratory names it, its case and spaces aside: "troponin " is the Troponin
    the doctor heard of, Potassium another result."""
    return " ".join(str(data.get("test") or "").split()).casefold()


def check_amended(before: Mapping[str, Any], data: Mapping[str, Any], lang: Lang) -> None:
    """Refuse an amendment changing what the doctor was told of (the test, or what the laboratory
    gave: result, units, flag) that still names a doctor told: the doctor heard the earlier one,
    and a corrected critical value would never reach the escalation list. Another name or time
    is not enough: the acknowledgement answered for the earlier result would carry over with them.
    The correction empties who was told; the doctor told of this one is then recorded afresh,
    their acknowledgement asked again."""
    if doctor_told(before) and data.get("told") and (
            _test_named(before) != _test_named(data) or any(before.get(name) != data.get(name) for name in GIVEN)):
        raise ValidationFailed([FieldError("told", WORDS["told_earlier"][lang])])


SAMPLES_APART = timedelta(minutes=5)
"""How far apart a group and screen's second sample is taken from the first at the least: times
are typed to the minute, and a new venepuncture with the patient identified again takes longer;
closer, it is a tube filled from the first's (BSH: the second sample taken independently)."""


def check_request(session: Session, patient_id: str, data: Mapping[str, Any], before: Mapping[str, Any] | None,
                  record_id: str | None) -> None:
    """A sample sent, new or amended (`before`, of record `record_id`), against the patient's
    other records, when what it checks changes: a drug level written like, yet not as, one of the
    patient's medicines whose doses its levels decide (`_check_level_drug`); a group and screen's
    second sample taken at the first's time (`_check_apart`)."""
    changed = before is None or any(before.get(name) != data.get(name)
                                    for name in ("taken_at", "tests", "level_drug", "group_sample"))
    if not changed:
        return
    if LEVEL in data.get("tests", []) and data.get("level_drug"):
        _check_level_drug(session, patient_id, data)
    if data.get("group_sample") == "second_sample":
        _check_apart(session, patient_id, data, record_id)


def _check_level_drug(session: Session, patient_id: str, data: Mapping[str, Any]) -> None:
    """Refuse a level's drug written like the medicine of one of the patient's orders whose doses
    its levels decide (domain.medication.levelled), running within LEVEL_COURSE_GAP of when it was
    taken, yet a name the tables know no medicine in and found in none of the patient's orders
    (`_written_like`, `_written_in`), those orders listed: "Gent", "Gentamycin" or "Vanc",
    matched to no order, held no dose of the gentamicin it was of (`levels`). Any other name is
    saved: a level of a medicine charted by its brand ("Tacrolimus" for "Prograf"), of another
    medicine ("Theophylline" for "Aminophylline") or of one not charted (lithium toxicity, a
    vancomycin given at dialysis elsewhere) holds no dose here, and the app cannot tell which."""
    from downtime.services import medication  # which reads the patients through records, which checks samples here

    taken = datetime.fromisoformat(data["taken_at"])
    theirs = medication.orders(session.db, patient_id, taken)
    drug = " ".join(str(data["level_drug"]).split())
    if medicines_known(drug) or any(_written_in(drug, order.drug) for order in theirs):
        return
    running = [order for order in sorted(theirs, key=lambda order: elapsed.instant(order.start_at))
               if elapsed.instant(order.start_at - medication.LEVEL_COURSE_GAP) <= elapsed.instant(taken)
               and (order.stop_at is None
                    or elapsed.instant(taken) <= elapsed.instant(order.stop_at + medication.LEVEL_COURSE_GAP))]
    like = list(dict.fromkeys(" ".join(order.drug.split()) for order in running
                              if levelled(order.drug, order.route) and _written_like(drug, order.drug)))
    if like:
        spec = session.form(REQUEST_FORM)
        raise ValidationFailed([FieldError("level_drug", WORDS["level_unmatched"][session.lang].format(
            field=spec.field("level_drug").label.get(session.lang), drug=drug, orders=", ".join(like)))])


def _name_words(name: str) -> tuple[str, ...]:
    """A drug name's words as the tables compare them (domain.medication.medicine_name: accents,
    capitals and salts aside)."""
    return tuple(re.findall(r"\w+", medicine_name(name)))


def _written_in(drug: str, order_drug: str) -> bool:
    """Whether `drug` is written word for word in an order's drug: "Tacrolimus" in "Tacrolimus
    (Adoport)", a name the tables do not know and so read whole."""
    words, theirs = _name_words(drug), _name_words(order_drug)
    return bool(words) and any(theirs[at:at + len(words)] == words for at in range(len(theirs)))


SHORTENED_FROM = 3
"""The fewest letters a drug's name is shortened to and still taken for it: "Gen", "Gent", "Vanc"."""


def _written_like(drug: str, order_drug: str) -> bool:
    """Whether `drug`, or one of its words, may be a medicine of `order_drug` misspelt
    (domain.medication.names_alike: "Gentamycin") or shortened (its first SHORTENED_FROM letters
    or more: "Gent")."""
    named = [" ".join(_name_words(drug)), *_name_words(drug)]
    return any(names_alike(one, medicine) or (len(one) >= SHORTENED_FROM and medicine.startswith(one))
               for medicine in medicines_known(order_drug) for one in named if any(c.isalpha() for c in one))


def _check_apart(session: Session, patient_id: str, data: Mapping[str, Any], record_id: str | None) -> None:
    """Refuse a group and screen's "second sample, taken apart" taken within SAMPLES_APART of a
    first sample of the patient's on record: saved at the first's minute, it was sent to the blood
    bank as the independent sample "wrong blood in tube" is caught by. With no first on record (one
    taken in the emergency department) it is the nurse's word."""
    taken = elapsed.instant(datetime.fromisoformat(data["taken_at"]))
    close = [first for first in list_current(session.db, form_id=REQUEST_FORM, patient_id=patient_id)
             if first.record_id != record_id and first.status is not RecordStatus.ENTERED_IN_ERROR
             and first.data.get("group_sample") == "first_sample"
             and abs(elapsed.instant(datetime.fromisoformat(first.data["taken_at"])) - taken) < SAMPLES_APART]
    if close:
        spec = session.form(REQUEST_FORM)
        raise ValidationFailed([FieldError("group_sample", WORDS["not_apart"][session.lang].format(
            field=spec.field("group_sample").label.get(session.lang),
            first=ward_time(datetime.fromisoformat(close[0].data["taken_at"]), session.clock().tzinfo)))])


SAMPLE_TIME_WITHIN = timedelta(minutes=15)
"""How far a result's own "Sample taken", or its receipt, may be from (or before) its sample's
time taken and still be of it: the time on a tube, written by hand, and the one typed from the
request differ by minutes; a repeat sample is taken later than that."""


def check_sample(session: Session, before: Mapping[str, Any] | None, data: Mapping[str, Any]) -> None:
    """Refuse a result picked for a sample (`request`) it cannot be of, when its sample, its
    receipt or its own "Sample taken" changes: its own sample taken another time or, that not
    given, received before that sample was taken, each beyond SAMPLE_TIME_WITHIN (a blood gas out
    of the analyser at 06:08, its sample typed as taken at 06:10, is of it). The paper report of
    the 06:00 potassium, typed against the only sample awaiting a result, the 12:00 repeat, closed
    the repeat, and nobody chased it (NPSA: a result is matched to its sample by the sample's
    identity)."""
    if not data.get("request") or (before is not None and all(
            before.get(name) == data.get(name) for name in ("request", "received_at", "sample_taken_at"))):
        return
    sample = current_of(session.db, [str(data["request"])]).get(str(data["request"]))
    if sample is None:
        return  # not a sample of the patient's: refused as such (services.records._check_picked)
    taken, zone = datetime.fromisoformat(sample.data["taken_at"]), session.clock().tzinfo
    received_at = datetime.fromisoformat(data["received_at"])
    other = datetime.fromisoformat(data["sample_taken_at"]) if data.get("sample_taken_at") else None
    if other is not None and abs(elapsed.instant(other) - elapsed.instant(taken)) > SAMPLE_TIME_WITHIN:
        key, when = "other_sample", other
    elif other is None and elapsed.instant(received_at + SAMPLE_TIME_WITHIN) < elapsed.instant(taken):
        key, when = "received_before", received_at
    else:
        return
    raise ValidationFailed([FieldError("request", WORDS[key][session.lang].format(
        field=session.form(FORM).field("request").label.get(session.lang), taken=ward_time(taken, zone),
        other=ward_time(when, zone)))])


def check(session: Session, before: Mapping[str, Any] | None, data: Mapping[str, Any]) -> None:
    """A result typed on the ward, new or amended (`before`: the answers it corrects): a correction
    of what a doctor was told of (`check_amended`); a sample it cannot be of (`check_sample`); what
    a student nurse does not record alone (`check_student`); a value outside its own range saved
    "Normal" (`check_flag`). Each held only to what an amendment changes."""
    if before is not None:
        check_amended(before, data, session.lang)
    check_sample(session, before, data)
    changed = before is None or _test_named(before) != _test_named(data) or any(
        before.get(name) != data.get(name) for name in ("range", *GIVEN, *TOLD, FLAG_KEPT))
    if changed:
        check_student(session, before, data)
        check_flag(session.form(FORM), data, session.lang)


def _untold_critical(data: Mapping[str, Any]) -> bool:
    return Sign.TELL_NOW in signs(Flag(data["flag"]), doctor_told(data))


def check_student(session: Session, before: Mapping[str, Any] | None, data: Mapping[str, Any]) -> None:
    """Refuse a student nurse (`REGISTERED`) a critical result, or a doctor told of one, recorded
    alone; and a change of the test, the value or the range of a critical result no doctor is told
    of: amended to Abnormal ("misclicked"), a ward nurse's potassium of 6.8 left the escalation list
    and the handover's NOT YET TOLD, and the student could then withdraw it."""
    if session.user.role in REGISTERED:
        return
    if data.get("flag") == Flag.CRITICAL or (before is not None and _untold_critical(before) and (
            _test_named(before) != _test_named(data) or any(before.get(name) != data.get(name)
                                                            for name in ("range", *GIVEN)))):
        raise PermissionDenied(STUDENT_REFUSED)


def check_flag(spec: FormSpec, data: Mapping[str, Any], lang: Lang) -> None:
    """Refuse, as `flag_doubt` asks, a value outside its range flagged Normal unless the nurse
    answered that the laboratory flagged it so: the form view asks first; the command line and
    any other way in are refused with the same words."""
    if doubt := flag_doubt(spec, data, lang):
        raise ValidationFailed([FieldError(FLAG_KEPT, doubt)])


def flag_doubt(spec: FormSpec, data: Mapping[str, Any], lang: Lang,
               before: Mapping[str, Any] | None = None) -> str | None:
    """What to ask of a value outside its own reference range (domain.lab_results.outside_range)
    flagged Normal, the nurse not having answered that the laboratory flagged it so (`FLAG_KEPT`,
    kept in the record); None when nothing. A potassium of 6.9 for "3.5–5.3" clicked Normal by
    mistake, or the flag misheard on the telephone, was on no list, and no doctor was asked to see
    it; but a refusal with no way past it made the nurse record a flag the laboratory never gave.
    Her answer covers one value and range: one carried from `before` (the answers an amendment
    corrects) to another result, units or range is asked again (a 5.4 kept Normal, corrected to 6.9)."""
    result, range_text = " ".join(str(data.get("result") or "").split()), " ".join(str(data.get("range") or "").split())
    carried = before is not None and before.get(FLAG_KEPT) is True and any(
        before.get(name) != data.get(name) for name in ("result", "units", "range"))
    if data.get("flag") != Flag.NORMAL or (data.get(FLAG_KEPT) is True and not carried) or not outside_range(
            result, range_text):
        return None
    return WORDS["outside"][lang].format(result=result, range=range_text, field=spec.field(FLAG_KEPT).label.get(lang))


def check_withdrawal(session: Session, latest: RecordVersion) -> None:
    """Called before a result is marked entered in error by a person: a critical one no doctor is
    told of is withdrawn only by a registered nurse or a doctor (`REGISTERED`). A student nurse's
    "duplicate" took the only record of a potassium of 6.9 off the tab, the escalation list and the
    handover, with no one asked to tell a doctor."""
    if session.user.role not in REGISTERED and _untold_critical(latest.data):
        raise PermissionDenied(WITHDRAWAL_REFUSED)


def moved_on(db: Database, record: RecordVersion, lang: Lang) -> str | None:
    """Said on saving a result for a patient now on another ward than this laptop's own
    (settings.laptop_ward) or, none set, than the one the sample was taken on: the laboratory
    phones the ward the sample came from, whose laptop the ward now caring for them does not read,
    and the save of a critical haemoglobin said nothing. None when they are on it, or out of
    hospital (the escalation list says who acts then)."""
    patient_id = str(record.patient_id)
    now = census.location_at(db, patient_id)
    if now is None or now.status is not StayStatus.IN or not now.ward:
        return None
    home = settings.laptop_ward(db)
    if home is None and (taken := _sample_taken_at(db, record)) is not None:
        home = was.ward if (was := census.location_at(db, patient_id, taken)) is not None else None
    if home is None or home.strip().casefold() == now.ward.strip().casefold():
        return None
    return WORDS["moved_save"][lang].format(ward=now.ward, time=ward_time(now.arrived.occurred_at, None))


def _sample_taken_at(db: Database, record: RecordVersion) -> datetime | None:
    """When the result's sample was taken, as the result gives it or, else, the sample it names."""
    if taken := record.data.get("sample_taken_at"):
        return datetime.fromisoformat(taken)
    sample = {one.record_id: one for one in list_current(db, form_id=REQUEST_FORM, patient_id=record.patient_id)}
    return datetime.fromisoformat(sample[request].data["taken_at"]) if (request := record.data.get("request")) in sample \
        else None


def critical_untold(results: list[Received]) -> list[Received]:
    """Those of `results` the laboratory gave as critical that no doctor is recorded as told of."""
    return [one for one in results if Sign.TELL_NOW in one.signs]


def unseen(results: list[Received]) -> list[Received]:
    """Those of `results` the laboratory gave as abnormal that no doctor is recorded as told of."""
    return [one for one in results if Sign.FOR_A_DOCTOR in one.signs]


def unseen_at_leaving(results: list[Received], left_at: datetime, at: datetime) -> list[Received]:
    """Those `unseen` still to list at `at` for a patient who left at `left_at`: phoned since
    they left, or typed since (from the paper results book), which no one could have asked of,
    until a doctor is told (an INR phoned before the leaving and typed after it dropped off every
    list); or received in the day before (HANDOVER_SINCE), for a day after it. Older ones were
    read on the rounds and never recorded told, as nothing on the in-bed lists asks it of an
    abnormal result, and the discharge's confirm asked of them: "Left the ward" kept every one of
    a fortnight's discharges, seven pages for an empty ward, its one critical result on page four."""
    left, now = elapsed.instant(left_at), elapsed.instant(at)
    return [one for one in unseen(results) if (received := elapsed.instant(one.received_at)) > left
            or elapsed.instant(one.record.recorded_at) > left
            or (left - HANDOVER_SINCE <= received and now < left + HANDOVER_SINCE)]


def untold_with(db: Database, flags: Collection[Flag]) -> set[str]:
    """The patients with a standing result the laboratory gave with one of `flags` that no doctor
    is recorded as told of (`domain.lab_results.doctor_told`, in SQL): found by the database,
    where a records office holds a hospital's results. Told ones are left out there: every patient
    who ever had one was read on each refresh of the escalation list, and a month of discharges
    cost it a quarter of a second for nothing to list."""
    return {row[0] for row in db.execute(
        "SELECT DISTINCT patient_id FROM current_records WHERE form_id = ? AND status != ?"
        f" AND json_extract(data, '$.flag') IN ({', '.join('?' for _ in flags)})"
        " AND NOT (COALESCE(json_extract(data, '$.told'), '') != ''"
        " AND COALESCE(json_type(data, '$.acknowledged'), 'true') = 'true')",
        [FORM, RecordStatus.ENTERED_IN_ERROR.value, *(flag.value for flag in flags)])}


def recent(results: list[Received], at: datetime) -> list[Received]:
    """Those of `results` a handover tells the next team: received in the day before `at` and not
    normal, or still asking something (no doctor told yet), whenever it came: an abnormal result
    no doctor has seen is not done with because a day went by."""
    since = elapsed.instant(at) - HANDOVER_SINCE
    return [one for one in results if one.signs or (
        one.flag is not Flag.NORMAL and since <= elapsed.instant(one.received_at) <= elapsed.instant(at))]


def _awaiting(sent: list[Sent], spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
    """Each sample still awaiting results, with its number, and where it stands once overdue or
    once some of its tests are back (which are still awaited); and an urgent one rejected or lost,
    asking for a new sample (`Sent.to_send_again`). A sample closed otherwise is no longer chased."""
    said = []
    for one in sent:
        if not (one.chased or one.to_send_again()):
            continue
        line = one.named(spec, lang, at.tzinfo)
        said.append(labelled(line, one.state(spec, at, lang), lang) if one.overdue(at) or one.results else line)
    return said


def _awaited(db: Database, patient_id: str, sent: list[Sent], spec: FormSpec, at: datetime,
             lang: Lang) -> list[tuple[str, str]]:
    """Each sample still awaiting results as a letter says it (see `_awaiting`), in full and short
    (for prefill's fitting): what is not back and by when it was due, then, in full only, the
    ward the laboratory will phone (the one it was sent from), and who follows it up, for the
    nurse to name (short too: a full box dropped it, and the discharge asked no one to name a
    follower of six results); an urgent one rejected or lost, not sent again. The letter given to the
    patient and the GP read "RESULT NOT BACK since 28/11 13:40: phone the laboratory", the ward's
    instruction to itself, and named no one to act on the result."""
    said = []
    for one in sent:
        if one.to_send_again():
            state, phoned = WORDS["not_resent"][lang].format(closed=one.closed(spec, lang, at.tzinfo)), []
        elif one.chased:
            due = ward_time(one.due_at, at.tzinfo)
            where = census.location_at(db, patient_id, one.taken_at)
            state = (WORDS["letter_partly_not_back"][lang].format(tests=one.tests(spec, lang, one.awaited), time=due)
                     if one.results else WORDS["letter_not_back"][lang].format(time=due))
            phoned = [WORDS["phoned_to"][lang].format(ward=where.ward) if where is not None and where.ward
                      else WORDS["phoned_back"][lang]]
        else:
            continue
        named = one.named(spec, lang, at.tzinfo)
        said.append((WORDS["awaited"][lang].format(sample=labelled(
            named, semicolon(lang).join([state, *phoned, WORDS["followed_by"][lang]]), lang)),
                     WORDS["awaited"][lang].format(sample=labelled(
                         named, semicolon(lang).join([state, WORDS["followed_by"][lang]]), lang))))
    return said


def creatinines(results: Sequence[Received], at: datetime) -> list[aki.Creatinine]:
    """The blood creatinines among `results` received by `at` whose value reads as one (domain.aki),
    each at its sample's time when the result gives it, else at its receipt: a result staged at its
    sample's 06:00 was not known to the nurse giving the 08:00 dose before it came back at 13:00."""
    found = []
    for one in results:
        data = one.record.data
        if elapsed.reached(one.received_at, at) and aki.is_creatinine(str(data.get("test") or "")) and (
                umol := aki.umol_per_l(str(data.get("result") or ""), data.get("units"))) is not None:
            taken = data.get("sample_taken_at")
            found.append(aki.Creatinine(datetime.fromisoformat(taken) if taken else one.received_at, umol))
    return found


@dataclass(frozen=True)
class Egfr:
    """An eGFR result: when its sample was taken (else received) and its value in mL/min/1.73 m²,
    perhaps said below it ("<30")."""

    at: datetime
    read: aki.EgfrValue


def egfr(results: Sequence[Received], at: datetime) -> Egfr | None:
    """The latest eGFR among `results` received by `at` (domain.aki.is_egfr), when its value reads
    as a number (domain.aki.egfr_value: not "> 90") and it is no older than domain.aki.
    EGFR_STANDS_FOR; None otherwise, a newer one above a number ("> 60") ending an older one's."""
    found = [(datetime.fromisoformat(taken) if (taken := one.record.data.get("sample_taken_at")) else one.received_at,
              aki.egfr_value(str(one.record.data.get("result") or "")))
             for one in results if elapsed.reached(one.received_at, at)
             and aki.is_egfr(str(one.record.data.get("test") or ""))]
    if not found:
        return None
    taken, value = max(found, key=lambda one: elapsed.instant(one[0]))
    return None if value is None or elapsed.between(taken, at) > aki.EGFR_STANDS_FOR else Egfr(taken, value)


@dataclass(frozen=True)
class AkiSign:
    """An AKI the patient's creatinine shows at a moment, and the medicines of their chart then that
    it asks a doctor to review (their names as ordered, oldest order first): the nephrotoxic ones,
    and those whose dose it asks to review (`doses`, domain.aki.dose_reviewed)."""

    found: aki.Aki
    medicines: list[str]
    doses: list[str] = dataclasses.field(default_factory=list)
    received: datetime | None = None
    """When the latest creatinine was received: what a doctor decided before it, they decided
    without it (services.medication: a dose's reason given since is the prescriber's answer)."""

    @property
    def ratio(self) -> float:
        """The ratio to the baseline as said, to a tenth, a half up: 260 for 80 is 3.3 times."""
        return math.floor(self.found.ratio * 10 + 0.5) / 10

    def text(self, lang: Lang, zone: tzinfo | None) -> str:
        """"AKI STAGE 3: creatinine 260 µmol/L, 3.3x the baseline 80 (27/11)", the baseline's day on
        the clock of `zone`."""
        found = self.found
        return WORDS["aki"][lang].format(stage=found.stage, value=round(found.latest.umol),
                                         ratio=decimal_text(self.ratio, lang, 1), baseline=round(found.baseline.umol),
                                         day=f"{found.baseline.at.astimezone(zone):%d/%m}")

    def said(self, lang: Lang, zone: tzinfo | None) -> str:
        """The stage and what it asks: "…: review nephrotoxic medicines: Gentamicin, Ibuprofen; review
        the doses of those the kidneys clear: Enoxaparin"."""
        asked = review_words(self.medicines, self.doses, lang) or WORDS["aki_none"][lang]
        return labelled(self.text(lang, zone), asked, lang)


def review_words(medicines: Sequence[str], doses: Sequence[str], lang: Lang) -> str:
    """What an AKI asks of the medicines running (`to_review`): "review nephrotoxic medicines:
    Gentamicin; review the doses of those the kidneys clear: Enoxaparin"; "" for none."""
    return semicolon(lang).join(WORDS[key][lang].format(medicines=", ".join(names))
                                for key, names in (("aki_review", medicines), ("aki_doses", doses)) if names)


def worst_aki(results: Sequence[Received], at: datetime) -> aki.Aki | None:
    """The worst AKI the creatinines among `results` (a patient's chart: their present stay)
    received by `at` showed, each staged at its own time: the highest stage, the highest ratio of
    it; None when none did. Most patients leave once the creatinine has come down, and the letter
    said nothing of the stay's AKI (NICE NG148, Think Kidneys: the GP is told of the episode)."""
    known = creatinines(results, at)
    return max((found for one in known if (found := aki.stage(known, one.at)) is not None),
               key=lambda found: (found.stage, found.ratio), default=None)


def _stay_aki_words(found: aki.Aki, results: Sequence[Received], at: datetime, medicines: tuple[list[str], list[str]],
                    lang: Lang) -> str:
    """"AKI STAGE 3: creatinine 250 µmol/L, 3.6x the baseline 70 (28/11), on 29/11, during this
    stay; latest creatinine 95 µmol/L (30/11): review nephrotoxic medicines: Ibuprofen"."""
    latest = max(creatinines(results, at), key=lambda one: elapsed.instant(one.at))
    said = WORDS["aki_stay"][lang].format(aki=AkiSign(found, []).text(lang, at.tzinfo),
                                          day=f"{found.latest.at.astimezone(at.tzinfo):%d/%m}",
                                          latest=round(latest.umol),
                                          latest_day=f"{latest.at.astimezone(at.tzinfo):%d/%m}")
    asked = review_words(*medicines, lang)
    return labelled(said, asked, lang) if asked else said


def aki_shown(results: Sequence[Received], at: datetime) -> AkiSign | None:
    """The AKI `results` (a patient's) show at `at`, the medicines to review not read: the printed
    log, which the medication chart beside it names them on."""
    found = aki.stage(creatinines(results, at), at)
    if found is None:
        return None
    return AkiSign(found, [], received=max((one.received_at for one in results if elapsed.reached(one.received_at, at)
                                            and aki.is_creatinine(str(one.record.data.get("test") or ""))),
                                           key=elapsed.instant))


def aki_signs(db: Database, patient_ids: Collection[str], at: datetime,
              results: Mapping[str, Sequence[Received]] | None = None) -> dict[str, AkiSign]:
    """Each of these patients whose latest creatinine received by `at` shows an AKI then (domain.aki.stage),
    with the medicines running then that it asks a doctor to review (domain.aki.reviewed):
    a creatinine tripled was one line of free text among the results, and once a doctor was told
    of it nothing said the gentamicin due that evening. `results`: their `charts`, when read already."""
    found = {patient_id: shown for patient_id, standing in (charts(db, patient_ids) if results is None
                                                            else results).items()
             if patient_id in patient_ids and (shown := aki_shown(standing, at)) is not None}
    running = to_review(db, list(found), at) if found else {}
    return {patient_id: dataclasses.replace(shown, medicines=running[patient_id][0], doses=running[patient_id][1])
            for patient_id, shown in found.items()}


def to_review(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, tuple[list[str], list[str]]]:
    """For each of these patients, the medicines running at `at` that an AKI asks a doctor to
    review (domain.aki.reviewed), their names as ordered, oldest order first: the nephrotoxic ones
    (domain.aki.harms_kidneys), then those whose dose it asks to review."""
    from downtime.services import medication  # which reads the patients through records, which checks results here

    running = medication.orders_of_each(db, patient_ids, at)

    def named(patient_id: str, nephrotoxic: bool) -> list[str]:
        return list(dict.fromkeys(" ".join(order.drug.split()) for order in sorted(
            running.get(patient_id, []), key=lambda order: elapsed.instant(order.start_at))
            if order.active_at(at) and aki.reviewed(order) and aki.harms_kidneys(order) is nephrotoxic))

    return {patient_id: (named(patient_id, True), named(patient_id, False)) for patient_id in patient_ids}


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' results (`recent`), each
    with who was told, then what they ask; an AKI their creatinine shows (`aki_signs`); and the
    samples awaiting their result, an overdue one said so, for the next shift to chase."""
    said: dict[str, list[str]] = {}
    found = charts(db, patient_ids)
    for patient_id, results in found.items():
        if told := recent(results, at):
            said[patient_id] = [WORDS["handover"][lang].format(
                results=semicolon(lang).join(one.line(forms[FORM], lang, at.tzinfo) for one in told)),
                *dict.fromkeys(text for one in told for text in one.said(lang))]
    for patient_id, sign in aki_signs(db, patient_ids, at, found).items():
        said.setdefault(patient_id, []).append(sign.said(lang, at.tzinfo))
    for patient_id, sent in samples_of(db, patient_ids).items():
        if awaiting := _awaiting(sent, forms[REQUEST_FORM], at, lang):
            said.setdefault(patient_id, []).append(WORDS["samples"][lang].format(samples=semicolon(lang).join(awaiting)))
    return {patient_id: semicolon(lang).join(lines) for patient_id, lines in said.items()}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime,
              lang: Lang) -> list[tuple[str, str]]:
    """What a letter handing the patient on (a transfer to another hospital, a discharge) says
    of their results, one a line in full and short (for prefill's fitting, which keeps the first
    lines): the results of the handover sheet still asking a doctor, the critical first, saying
    none is told of or has seen it yet (the GP read "INR 4.9 (2.0–3.0), Abnormal" as a result the
    ward had acted on); then the samples still awaiting a result, which the laboratory will give
    this ward and someone must follow up (`_awaited`), the ones nobody chases after a transfer or
    a discharge; then the others, with who was told. Said samples first, a full box cut its last
    lines, and an unseen INR of 4.9 was the one left off the letter. An AKI the creatinine shows
    (`aki_signs`) leads, with the medicines running that it asks to review, in full in its short
    form too: the handover sheet said "AKI STAGE 3 … review nephrotoxic medicines: Ibuprofen" while
    the discharge letter, its result told to a doctor the day before, said nothing of the AKI and
    listed the ibuprofen among the medicines to go on with (NICE NG148 asks the GP be told). Once
    the creatinine has come down, the stay's worst AKI (`worst_aki`) with the latest creatinine:
    the usual discharge, the letter said nothing of the AKI stage 3 of two days before."""
    found = chart(db, patient_id)
    results = recent(found, at)
    kidneys = [(sign.said(lang, at.tzinfo),) * 2
               for sign in aki_signs(db, [patient_id], at, {patient_id: found}).values()]
    if not kidneys and (worst := worst_aki(found, at)) is not None:
        kidneys = [(_stay_aki_words(worst, found, at, to_review(db, [patient_id], at)[patient_id], lang),) * 2]
    asking = sorted((one for one in results if one.signs), key=lambda one: Sign.TELL_NOW not in one.signs)

    def said(one: Received) -> tuple[str, str]:
        line = ", ".join([one.line(forms[FORM], lang, at.tzinfo), *(WORDS[sign][lang] for sign in one.signs)])
        return line, line

    return [*kidneys, *map(said, asking),
            *_awaited(db, patient_id, samples(db, patient_id), forms[REQUEST_FORM], at, lang),
            *(said(one) for one in results if not one.signs)]


def unseen_asked(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What is asked, before the patient leaves, of their abnormal results no doctor has seen by
    `at` (`unseen`), on one line: how many, the latest UNSEEN_NAMED named, the others counted
    (none when there are none). The escalation list, which the confirm reads, lists critical
    ones only, and an INR of 4.9 went home unseen, on a letter that read as if the ward had acted
    on it; a line each made a ten days' stay's confirm taller than the laptop's screen, its Yes
    and No below it."""
    asking = sorted((one for one in unseen(chart(db, patient_id)) if elapsed.reached(one.received_at, at)),
                    key=lambda one: elapsed.instant(one.received_at), reverse=True)
    if not asking:
        return []
    named = [one.line(forms[FORM], lang, at.tzinfo) for one in asking[:UNSEEN_NAMED]]
    if len(asking) > UNSEEN_NAMED:
        named.append(WORDS["and_more"][lang].format(more=len(asking) - UNSEEN_NAMED))
    return [WORDS["unseen_asked" if len(asking) == 1 else "unseen_asked_many"][lang].format(
        count=len(asking), result=semicolon(lang).join(named))]
