"""A patient's laboratory results received on the ward, telephoned or on paper, each with what
it asks (domain.lab_results): a critical result not yet told to a doctor, an abnormal one for a
doctor to see. Never stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.lab_results import SIGNS, Flag, Sign, signs
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.storage.records import current_by_patient, list_current

FORM = "lab_result"
HANDOVER_SINCE = timedelta(hours=24)
"""The handover sheet names the results of the last day not normal, and any still asking something."""
WORDS = {
    "handover": {"en": "RESULTS: {results}", "fr": "RÉSULTATS : {results}"},
    "received": {"en": "received {time}", "fr": "reçu le {time}"},
    "told": {"en": "{name} told {time}", "fr": "{name} prévenu à {time}"},
}


@dataclass(frozen=True)
class Received:
    record: RecordVersion
    received_at: datetime
    flag: Flag
    signs: list[Sign]

    @property
    def told_at(self) -> datetime | None:
        told = self.record.data.get("told_at")
        return None if told is None else datetime.fromisoformat(told)

    def text(self) -> str:
        """"Potassium 6.8 mmol/L (3.5–5.3)", as the laboratory gave it."""
        data = self.record.data
        said = " ".join(" ".join(str(part).split()) for part in (data["test"], data["result"], data.get("units")) if part)
        return f"{said} ({' '.join(data['range'].split())})" if data.get("range") else said

    def told(self, lang: Lang) -> str:
        """"Dr Martin told 28/11 03:20", or "" while no doctor is recorded as told."""
        told_at = self.told_at
        if told_at is None:
            return ""
        return WORDS["told"][lang].format(name=" ".join(self.record.data["told"].split()), time=f"{told_at:%d/%m %H:%M}")

    def said(self, lang: Lang) -> list[str]:
        return [SIGNS[sign][lang] for sign in self.signs]

    def line(self, spec: FormSpec, lang: Lang) -> str:
        """The result, its flag, when it came and who was told: "Potassium 6.8 mmol/L (3.5–5.3),
        Critical, received 28/11 03:10, Dr Martin told 28/11 03:20"."""
        flag = format_value(spec.field("flag"), self.flag.value, lang)
        return ", ".join(filter(None, (self.text(), flag, WORDS["received"][lang].format(
            time=f"{self.received_at:%d/%m %H:%M}"), self.told(lang))))


def received(record: RecordVersion) -> Received:
    data = record.data
    flag = Flag(data["flag"])
    return Received(record, datetime.fromisoformat(data["received_at"]), flag, signs(flag, bool(data.get("told"))))


def _received(found: list[RecordVersion]) -> list[Received]:
    results = [received(record) for record in found if record.status is not RecordStatus.ENTERED_IN_ERROR]
    return sorted(results, key=lambda one: (elapsed.instant(one.received_at), one.record.recorded_at))


def chart(db: Database, patient_id: str) -> list[Received]:
    """The patient's standing results, oldest first."""
    return _received(list_current(db, form_id=FORM, patient_id=patient_id))


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[Received]]:
    """`chart` of each of these patients who has a result."""
    return {patient_id: results for patient_id, found in current_by_patient(db, FORM, patient_ids).items()
            if (results := _received(found))}


def critical_untold(results: list[Received]) -> list[Received]:
    """Those of `results` the laboratory gave as critical that no doctor is recorded as told of."""
    return [one for one in results if Sign.TELL_NOW in one.signs]


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' results: those received in
    the last day that are not normal, and a critical one not yet told to a doctor whenever it came,
    each with who was told, then what they ask."""
    spec = forms[FORM]
    since = elapsed.instant(at) - HANDOVER_SINCE
    said = {}
    for patient_id, results in charts(db, patient_ids).items():
        told = [one for one in results if Sign.TELL_NOW in one.signs or (
            one.flag is not Flag.NORMAL and since <= elapsed.instant(one.received_at) <= elapsed.instant(at))]
        if told:
            said[patient_id] = "; ".join([WORDS["handover"][lang].format(
                results="; ".join(one.line(spec, lang) for one in told)),
                *dict.fromkeys(text for one in told for text in one.said(lang))])
    return said
