"""A patient's wound chart: each look at a wound with the dressing put on, each wound followed by
its name; what the latest look at each wound still open asks of the nurse now
(domain.wounds): signs of infection, the wound worse than at the look before (larger, deeper, of
a worse category, its bed gone to slough or necrosis, its exudate risen to high), its next
dressing overdue. Never stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.domain.records import RecordVersion
from downtime.domain.wounds import HEALED, SIGNS, Sign, area, key, larger, next_due, wetter, worse_bed, worse_category
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import decimal_text, semicolon
from downtime.services.bedside import Chart
from downtime.services.followed import each_after, still_open
from downtime.services.repositioning import Turned

FORM = "wound_care"
WORDS = {
    "handover": {"en": "WOUNDS: {wounds}", "fr": "PLAIES : {wounds}"},
    "named": {"en": "{wound}: {what}", "fr": "{wound} : {what}"},
    "exudate": {"en": "exudate {amount}", "fr": "exsudat {amount}"},
    "due": {"en": "next dressing {due}", "fr": "prochain pansement {due}"},
    "healed": {"en": "healed", "fr": "cicatrisée"},
    "late": {"en": "dressing overdue", "fr": "pansement en retard"},
    "then": {"en": "{before} on {date}, {now} now", "fr": "{before} le {date}, {now} maintenant"},
    "depth": {"en": "depth {depth}", "fr": "profondeur {depth}"},
    "dressing": {"en": "dressing: {dressing} ({time})", "fr": "pansement : {dressing} ({time})"},
}


@dataclass(frozen=True)
class Dressed:
    """A look at a wound and its dressing (`record`), when, when the next falls due (None once
    healed), and the look at that wound before it (`before`, None for its first)."""

    record: RecordVersion
    assessed_at: datetime
    due_at: datetime | None
    before: RecordVersion | None

    @property
    def name(self) -> str:
        """The wound, as named."""
        return " ".join(self.record.data["wound"].split())

    @property
    def key(self) -> str:
        """The wound it follows (domain.wounds.key)."""
        return key(self.record.data["wound"])

    def called(self, spec: FormSpec, lang: Lang) -> str:
        return self.name

    @property
    def closed(self) -> bool:
        """Healed: the wound's chart ends."""
        return self.record.data["bed"] == HEALED

    @property
    def infected(self) -> bool:
        return self.record.data.get("infection") is True

    @property
    def category_worse(self) -> bool:
        """A pressure ulcer of a worse category than at the look before."""
        return self.before is not None and worse_category(self.before.data.get("category"),
                                                          self.record.data.get("category"))

    @property
    def grew(self) -> bool:
        """Longer times wider than at the look before (both measured)."""
        return self.before is not None and larger(_area(self.before), _area(self.record))

    @property
    def deeper(self) -> bool:
        """Deeper than at the look before (both measured)."""
        return self.before is not None and larger(self.before.data.get("depth_cm"), self.record.data.get("depth_cm"))

    @property
    def bed_worse(self) -> bool:
        """Its bed gone to slough or necrosis since the look before (domain.wounds.worse_bed)."""
        return self.before is not None and worse_bed(self.before.data["bed"], self.record.data["bed"])

    @property
    def wetter(self) -> bool:
        """Its exudate risen to high since the look before (domain.wounds.wetter)."""
        return self.before is not None and wetter(self.before.data.get("exudate"), self.record.data.get("exudate"))

    @property
    def deteriorated(self) -> bool:
        return not self.closed and (self.category_worse or self.grew or self.deeper or self.bed_worse or self.wetter)

    def worse(self, spec: FormSpec, lang: Lang) -> str:
        """How it is worse than at the look before, each way it is: "Category 2 on 27/11, Category
        3 now; 2 × 1.5 cm on 27/11, 3 × 2 cm now; depth 0.5 cm on 27/11, 2 cm now; Granulating (red)
        on 27/11, Necrosis (black) now; exudate low on 27/11, high now"; "" when it is not."""
        if self.before is None or not self.deteriorated:
            return ""
        then, here = self.before.data, self.record.data

        def chosen(name: str) -> tuple[str, str]:
            return format_value(spec.field(name), then[name], lang), format_value(spec.field(name), here[name], lang)

        def measured(*names: str) -> tuple[str, str]:
            return _measured(then, names, lang), _measured(here, names, lang)

        changes: list[tuple[str, str]] = []
        if self.category_worse:
            changes.append(chosen("category"))
        if self.grew:
            changes.append(measured("length_cm", "width_cm"))
        if self.deeper:
            was, now = measured("depth_cm")
            changes.append((WORDS["depth"][lang].format(depth=was), now))
        if self.bed_worse:
            changes.append(chosen("bed"))
        if self.wetter:
            was, now = chosen("exudate")
            changes.append((WORDS["exudate"][lang].format(amount=was.lower()), now.lower()))
        return semicolon(lang).join(WORDS["then"][lang].format(before=was, date=f"{_at(self.before):%d/%m}", now=now)
                                    for was, now in changes)

    def size(self, lang: Lang) -> str:
        """"3.5 × 2 × 0.5 cm" as measured, or "" when not."""
        return _measured(self.record.data, ("length_cm", "width_cm", "depth_cm"), lang)

    def what(self, spec: FormSpec, lang: Lang) -> str:
        """"Pressure ulcer, Category 2" or "Surgical wound"."""
        data = self.record.data
        return ", ".join(format_value(spec.field(name), data[name], lang)
                         for name in ("kind", "category") if data.get(name))

    def bed(self, spec: FormSpec, lang: Lang) -> str:
        """"Slough (yellow), exudate high"."""
        data = self.record.data
        bed = format_value(spec.field("bed"), data["bed"], lang)
        if not data.get("exudate"):
            return bed
        amount = format_value(spec.field("exudate"), data["exudate"], lang).lower()
        return f"{bed}, {WORDS['exudate'][lang].format(amount=amount)}"

    def text(self, spec: FormSpec, lang: Lang) -> str:
        """"Sacrum: Pressure ulcer, Category 2, 3.5 × 2 cm, Slough (yellow)"."""
        bed = format_value(spec.field("bed"), self.record.data["bed"], lang)
        return WORDS["named"][lang].format(wound=self.name, what=", ".join(
            part for part in (self.what(spec, lang), self.size(lang), bed) if part))

    def signs(self, at: datetime) -> list[Sign]:
        """What it asks at `at`, as the latest look at its wound: infection first."""
        if self.closed:
            return []
        return [*([Sign.INFECTION] if self.infected else []), *([Sign.WORSE] if self.deteriorated else []),
                *([Sign.OVERDUE] if elapsed.reached(self.due_at, at) else [])]

    def said(self, sign: Sign, spec: FormSpec, at: datetime, lang: Lang) -> str:
        due = "" if self.due_at is None else ward_time(self.due_at, at.tzinfo)
        return SIGNS[sign][lang].format(wound=self.name, how=self.worse(spec, lang), due=due)

    def asks(self, spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
        return [self.said(sign, spec, at, lang) for sign in self.signs(at)]

    def next_change(self, spec: FormSpec, at: datetime, lang: Lang) -> str:
        """"next dressing 30/11 10:00", "DRESSING OVERDUE (…) since …" once it is, or "healed"."""
        if self.due_at is None:
            return WORDS["healed"][lang]
        if elapsed.reached(self.due_at, at):
            return self.said(Sign.OVERDUE, spec, at, lang)
        return WORDS["due"][lang].format(due=ward_time(self.due_at, at.tzinfo))


def _measured(data: Mapping[str, Any], names: tuple[str, ...], lang: Lang) -> str:
    """"3.5 × 2 cm" of the measures of `names` taken, in the language's decimals; "" for none."""
    measures = [decimal_text(data[name], lang, 1) for name in names if data.get(name) is not None]
    return f"{' × '.join(measures)} cm" if measures else ""


def _at(record: RecordVersion) -> datetime:
    return datetime.fromisoformat(record.data["assessed_at"])


def _area(record: RecordVersion) -> float | None:
    return None if record.data["bed"] == HEALED else area(record.data.get("length_cm"), record.data.get("width_cm"))


def looked(record: RecordVersion, before: RecordVersion | None = None) -> Dressed:
    """A look at a wound, `before` the look at that wound before it, if any."""
    at = _at(record)
    return Dressed(record, at, None if record.data["bed"] == HEALED else next_due(at, int(record.data["next_in"])),
                   before)


def _charted(records: list[RecordVersion]) -> list[Dressed]:
    """The looks in order, each with its wound's look before."""
    return each_after(records, _at, lambda record: key(record.data["wound"]),
                      lambda record, before: looked(record, None if before is None else before.record))


# The patient's standing looks at their wounds, oldest first; and many patients' in one query.
CHART = Chart(FORM, _charted, this_stay=False)
chart, charts = CHART.of, CHART.of_each


def first_look(turn: Turned) -> dict[str, Any]:
    """What a wound's first look starts from when the repositioning chart found pressure damage
    (`turn`, its latest change of position, judged on the latest look at the skin: a decline
    after it did not see it): the place as the chart wrote it, a pressure ulcer, and for redness
    that does not blanch its category 1 on intact skin (broken skin's category is the nurse's to
    judge); nothing when the skin was not damaged."""
    if turn.seen is None or not turn.damage_found:
        return {}
    where = " ".join((turn.seen.data.get("skin_where") or "").split())
    first = turn.seen.data["skin"] == "category_1"
    return {**({"wound": where} if where else {}), "kind": "pressure_ulcer",
            **({"category": "1", "bed": "intact"} if first else {})}


def _lines(looks: Sequence[Dressed], spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
    """Each open wound, its latest look and dressing, what it asks, and its next dressing (or
    since when it is overdue)."""
    return [semicolon(lang).join([one.text(spec, lang), WORDS["dressing"][lang].format(
        dressing=" ".join(one.record.data["dressing"].split()), time=f"{one.assessed_at:%d/%m %H:%M}"),
        *(one.said(sign, spec, at, lang) for sign in one.signs(at) if sign is not Sign.OVERDUE),
        one.next_change(spec, at, lang)]) for one in still_open(looks)]


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' open wounds."""
    return {patient_id: WORDS["handover"][lang].format(wounds=" | ".join(lines))
            for patient_id, looks in charts(db, patient_ids).items()
            if (lines := _lines(looks, forms[FORM], at, lang))}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (a move to another ward, a transfer to another
    hospital, a discharge) says of their wounds, one a line: each open wound as last seen, its
    dressing and when the next falls due, which the receiving team goes on with."""
    return _lines(chart(db, patient_id), forms[FORM], at, lang)
