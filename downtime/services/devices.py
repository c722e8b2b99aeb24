"""A patient's line and catheter chart: each look at a device (put in, checked, taken out), each
device followed by what it is and where; how long each still in has been in; what the latest
look at each asks of the nurse now (domain.devices): phlebitis, an infected or faulty site, a
device no longer needed, its check overdue. Never stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.devices import DOCTOR, INSERTED, REMOVED, SIGNS, TAKE_OUT, TREATED_VIP, Sign, days_in, key, next_due, signs
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import semicolon
from downtime.services.bedside import Chart
from downtime.services.errors import ValidationFailed
from downtime.services.followed import each_after, still_open

FORM = "device_check"
LETTER_FIELD = "lines"
"""The field of the letters handing a patient on (a move, a transfer out, a discharge) that
lists their lines and catheters still in."""
WORDS = {
    "handover": {"en": "LINES AND CATHETERS: {devices}", "fr": "CATHÉTERS ET SONDES : {devices}"},
    "called": {"en": "{device}, {site}", "fr": "{device}, {site}"},
    "vip": {"en": "VIP {vip}", "fr": "VIP {vip}"},
    "in_since": {"en": "in since {since}", "fr": "en place depuis {since}"},
    "since": {"en": "{date} (day {day})", "fr": "le {date} (J{day})"},
    "unknown": {"en": "a date not known", "fr": "une date inconnue"},
    "due": {"en": "next check {due}", "fr": "prochaine surveillance {due}"},
    "late": {"en": "check overdue", "fr": "surveillance en retard"},
    "removed": {"en": "taken out", "fr": "retiré"},
    "checked": {"en": "{device}: {state} at {time}", "fr": "{device} : {state} le {time}"},
    "still_in": {"en": "Still in: {devices}.", "fr": "Encore en place : {devices}."},
    "in_already": {"en": "{device}, {site} is charted in already: name this one's place differently (e.g. “{site}, "
                         "wrist”) or record the other's removal first.",
                   "fr": "{device}, {site} : déjà noté en place. Nommer autrement le site de celui-ci (ex. « {site}, "
                         "poignet ») ou noter d’abord le retrait de l’autre."},
    "none_in": {"en": "{device}, {site}: none is charted in there at that time{others}: name its place as charted.",
                "fr": "{device}, {site} : non noté en place à cette heure{others} : nommer le site comme sur la "
                      "feuille."},
    "others": {"en": " (in then: {sites})", "fr": " (en place alors : {sites})"},
}
LOOK_KEPT = ("checked_at", "event", "device", "site")
"""What files a look on the chart: an amendment changing none of them is not checked again."""
DAY_ONE: dict[Lang, int] = {"en": 1, "fr": 0}
"""The number of the day a device was put in: day 1 on an English chart, as the line-day tallies
count; J0 on a French one (« J0 = jour de pose »)."""


@dataclass(frozen=True)
class Checked:
    """A look at a device (`record`), when, when the next check falls due (None once taken
    out), when the device was put in (None when not known) and its size (as the look said, else
    as a look before it did: "" when none said)."""

    record: RecordVersion
    checked_at: datetime
    due_at: datetime | None
    inserted_at: datetime | None
    size: str

    @property
    def key(self) -> str:
        """The device it follows (domain.devices.key)."""
        return key(self.record.data["device"], self.record.data["site"])

    @property
    def closed(self) -> bool:
        """Taken out: the device's chart ends."""
        return self.record.data["event"] == REMOVED

    @property
    def vip(self) -> int | None:
        return None if self.record.data.get("vip") is None else int(self.record.data["vip"])

    def called(self, spec: FormSpec, lang: Lang) -> str:
        """"Peripheral venous cannula, Left forearm"."""
        return WORDS["called"][lang].format(device=self.device(spec, lang), site=self.site)

    def device(self, spec: FormSpec, lang: Lang) -> str:
        """What it is: "Peripheral venous cannula"."""
        return format_value(spec.field("device"), self.record.data["device"], lang)

    @property
    def site(self) -> str:
        """Where it is, as named: "Left forearm"."""
        return " ".join(self.record.data["site"].split())

    def state(self, spec: FormSpec, lang: Lang) -> str:
        """What the look found: "VIP 1", "Pus or discharge", "Put in", "Taken out"."""
        data = self.record.data
        if self.vip is not None:
            return WORDS["vip"][lang].format(vip=self.vip)
        if data.get("site_state"):
            return format_value(spec.field("site_state"), data["site_state"], lang)
        return format_value(spec.field("event"), data["event"], lang)

    def since(self, at: datetime, lang: Lang) -> str:
        """"28/11 09:00 (day 3)", "le 28/11 09:00 (J2)": when it was put in and its day at `at`,
        numbered from the language's DAY_ONE; or that it is not known."""
        if self.inserted_at is None:
            return WORDS["unknown"][lang]
        return WORDS["since"][lang].format(date=f"{self.inserted_at.astimezone(at.tzinfo):%d/%m %H:%M}",
                                           day=days_in(self.inserted_at, at) + DAY_ONE[lang])

    def in_since(self, at: datetime, lang: Lang) -> str:
        """"in since 28/11 09:00 (day 3)"."""
        return WORDS["in_since"][lang].format(since=self.since(at, lang))

    def text(self, spec: FormSpec, lang: Lang) -> str:
        """"Peripheral venous cannula, Left forearm, 20 G: VIP 1 at 28/11 14:00"."""
        return WORDS["checked"][lang].format(device=self.called(spec, lang) + (f", {self.size}" if self.size else ""),
                                             state=self.state(spec, lang), time=f"{self.checked_at:%d/%m %H:%M}")

    def signs(self, at: datetime) -> list[Sign]:
        """What it asks at `at`, as the latest look at its device (nothing once taken out)."""
        if self.closed:
            return []
        data = self.record.data
        return signs(self.vip, data.get("site_state"), data.get("still_needed"), self.due_at, at)

    def said(self, sign: Sign, spec: FormSpec, at: datetime, lang: Lang) -> str:
        due = "" if self.due_at is None else f"{self.due_at.astimezone(at.tzinfo):%d/%m %H:%M}"
        site = self.record.data.get("site_state")
        return SIGNS[sign][lang].format(
            device=self.called(spec, lang), vip=self.vip, due=due,
            doctor=DOCTOR[lang] if (self.vip or 0) >= TREATED_VIP else "",
            site=format_value(spec.field("site_state"), site, lang).lower() if site else "")

    def asks(self, spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
        return [self.said(sign, spec, at, lang) for sign in self.signs(at)]

    def next_change(self, spec: FormSpec, at: datetime, lang: Lang) -> str:
        """"next check 28/11 22:00", "CHECK OVERDUE (…) since …" once it is, or "taken out"."""
        if self.due_at is None:
            return WORDS["removed"][lang]
        if elapsed.reached(self.due_at, at):
            return self.said(Sign.OVERDUE, spec, at, lang)
        return WORDS["due"][lang].format(due=f"{self.due_at.astimezone(at.tzinfo):%d/%m %H:%M}")


def _at(record: RecordVersion) -> datetime:
    return datetime.fromisoformat(record.data["checked_at"])


def looked(record: RecordVersion, before: Checked | None = None) -> Checked:
    """A look at a device, `before` the look at that device before it, if any: the device was put
    in at this look, or when the look said, else when the look before knew; its size as the look
    said, else as the look before knew."""
    at, data = _at(record), record.data
    inserted = (at if data["event"] == INSERTED else datetime.fromisoformat(data["inserted_at"])
                if data.get("inserted_at") else None if before is None else before.inserted_at)
    size = " ".join((data.get("size") or "").split()) or ("" if before is None else before.size)
    return Checked(record, at, None if data["event"] == REMOVED else next_due(at, int(data["next_in"]), data["device"]), inserted,
                   size)


def _charted(records: list[RecordVersion]) -> list[Checked]:
    """The looks in order, each knowing when its device was put in."""
    return each_after(records, _at, lambda record: key(record.data["device"], record.data["site"]), looked)


# The patient's standing looks at their lines and catheters, oldest first; and many patients' in one query.
CHART = Chart(FORM, _charted, this_stay=False)
chart, charts = CHART.of, CHART.of_each


def check_look(db: Database, spec: FormSpec, patient_id: str, data: Mapping[str, Any], lang: Lang,
               amended: RecordVersion | None = None) -> None:
    """Refuse a look the chart would misfile, by the looks charted up to its time: a device put
    in while one of its kind is charted in at the same place (the old one's removal would close
    the new one, which would leave every list), and a check or a removal naming no device in
    there then though one was charted there before, or a removal while others of its kind are
    in (a misspelt place, leaving the device it meant in). A first look at a device the patient
    came in with names a place never charted: it stands. The look `amended` is left out, and
    not checked again while its device, place, event and time stay (one written before this
    rule is corrected); one settled at the records office is not checked: it happened (see
    records.settle_to)."""
    if amended is not None and all(amended.data.get(name) == data.get(name) for name in LOOK_KEPT):
        return
    at = elapsed.instant(datetime.fromisoformat(data["checked_at"]))
    before = [one for one in chart(db, patient_id)
              if (amended is None or one.record.record_id != amended.record_id) and elapsed.instant(one.checked_at) <= at]
    still = {one.key: one for one in still_open(before)}
    here, event = key(data["device"], data["site"]), data["event"]
    kind = [one.site for one in still.values() if one.record.data["device"] == data["device"]]
    if event == INSERTED and here in still:
        said = WORDS["in_already"][lang]
    elif event != INSERTED and here not in still and (
            any(one.key == here for one in before) or (event == REMOVED and kind)):
        said = WORDS["none_in"][lang]
    else:
        return
    raise ValidationFailed([FieldError("site", said.format(
        device=format_value(spec.field("device"), data["device"], lang), site=" ".join(data["site"].split()),
        others=WORDS["others"][lang].format(sites=semicolon(lang).join(kind)) if kind else ""))])


def next_check(latest: Checked) -> dict[str, Any]:
    """What the next check of a device starts from: what and where it is, its size, how often it
    is checked and when it was put in, as its latest look knew them."""
    data = latest.record.data
    return {"event": "checked", "device": data["device"], "site": data["site"], "next_in": data["next_in"],
            **({"size": latest.size} if latest.size else {}),
            **({"inserted_at": latest.inserted_at.isoformat()} if latest.inserted_at is not None else {})}


def _lines(looks: Sequence[Checked], spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
    """Each device still in: its latest look, how long it has been in, what it asks, and its
    next check (or since when it is overdue), unless it asks to be taken out: "take it out; next
    check 04/12 18:26" left the night nurse to choose."""
    return [semicolon(lang).join([one.text(spec, lang), one.in_since(at, lang),
                                  *(one.said(sign, spec, at, lang) for sign in signs if sign is not Sign.OVERDUE),
                                  *([] if TAKE_OUT & set(signs) else [one.next_change(spec, at, lang)])])
            for one in still_open(looks) for signs in (one.signs(at),)]


def kinds_in(db: Database, patient_id: str) -> list[str]:
    """What each device still in is ("peripheral", "urinary"), for a letter's devices ticked."""
    return [one.record.data["device"] for one in still_open(chart(db, patient_id))]


def still_in(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> str | None:
    """What a discharge asks of the nurse before the patient leaves: each line or catheter still
    in, since when ("Still in: Peripheral venous cannula, Left forearm, in since 28/11 09:30 (day
    1)."), or None when none is. A patient sent home with a cannula in is a known harm; one who
    goes home with a catheter or a PICC line on purpose is not."""
    spec = forms[FORM]
    found = still_open(chart(db, patient_id))
    return WORDS["still_in"][lang].format(devices=semicolon(lang).join(
        f"{one.called(spec, lang)}, {one.in_since(at, lang)}" for one in found)) if found else None


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' lines and catheters still in."""
    return {patient_id: WORDS["handover"][lang].format(devices=" | ".join(lines))
            for patient_id, looks in charts(db, patient_ids).items()
            if (lines := _lines(looks, forms[FORM], at, lang))}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (a move to another ward, a transfer to another
    hospital, a discharge) says of their lines and catheters still in, one a line: what and where
    each is, since when, as last checked, which the receiving team goes on with (or, on a
    discharge, takes out before the patient leaves)."""
    return _lines(chart(db, patient_id), forms[FORM], at, lang)
