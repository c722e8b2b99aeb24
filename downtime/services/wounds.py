"""A patient's wound chart: each look at a wound with the dressing put on, each wound followed by
its name; what the latest look at each wound still open asks of the nurse now
(domain.wounds): signs of infection, a pressure ulcer of category 2 or worse new on the chart (to
report as an incident), the wound worse than at the look before (larger, deeper, of a worse
category than the worst charted, its bed gone to slough or necrosis, its exudate risen to high,
open again once healed), its next dressing overdue; a wound still open when its stay ended asked
about. A pressure ulcer charted at a better category than its worst is refused (check_look).
Never stored: worked out from the standing records and the patient's movements."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import MovementEvent, left_after, locate
from downtime.domain.clock import ward_time
from downtime.domain.records import RecordVersion
from downtime.domain.devices import OTHER, told
from downtime.domain.wounds import (ARRIVED_WITH, ARRIVED_WITHIN, HEALED, PRESSURE_ULCER, REPORT_SAID_FOR, SIGNS,
                                    WARD_ONLY, Sign, area, first_reportable, key, larger, new_worst, next_due,
                                    reverse_staged, wetter, worse_bed, worse_category)
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import decimal_text, semicolon
from downtime.services.census import movement_events
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.followed import charts_of, each_after, still_open
from downtime.storage.records import current_by_patient, first_authors

if TYPE_CHECKING:  # the repositioning service reads the wound chart (its damage charted)
    from downtime.services.repositioning import Turned

FORM = "wound_care"
ALLERGY_REASON = "allergy_reason"
"""Why a dressing the patient's recorded allergies match is used all the same (form version 2)."""
PRESENT_ON_ADMISSION = "present_on_admission"
"""Whether a pressure ulcer was there when the patient came in (form version 3; "yes", "no",
"unknown")."""
ASKED_FROM = 3
"""The form version asking an "Other" wound's notes and whether a pressure ulcer was present on
admission (`_check_answers`)."""
RECLASSIFIED_WHY = "reclassified_why"
"""Why a wound charted a pressure ulcer before is charted now as something else (form version 3)."""
WORDS = {
    "handover": {"en": "WOUNDS: {wounds}", "fr": "PLAIES : {wounds}"},
    "named": {"en": "{wound}: {what}", "fr": "{wound} : {what}"},
    "exudate": {"en": "exudate {amount}", "fr": "exsudat {amount}"},
    "due": {"en": "next dressing {due}", "fr": "prochain pansement {due}"},
    "healed": {"en": "healed", "fr": "cicatrisée"},
    "open_again": {"en": "open again", "fr": "rouverte"},
    "asked": {"en": "still open?", "fr": "toujours ouverte ?"},
    "reverse_staged": {
        "en": "{wound}: charted a pressure ulcer {worst} on {date}. A pressure ulcer is not reverse staged "
              "(NPIAP/EPUAP/PPPIA 2019): healing, it keeps its category (a healing category 4 is still a category "
              "4). Chart {worst}; its size and bed show it healing.",
        "fr": "{wound} : escarre notée {worst} le {date}. Une escarre ne se reclasse pas à la baisse "
              "(NPIAP/EPUAP/PPPIA 2019) : en cicatrisation, elle garde sa catégorie (une catégorie 4 en voie de "
              "cicatrisation reste une catégorie 4). Noter {worst} ; sa taille et son fond montrent la "
              "cicatrisation."},
    "reclassified": {
        "en": "{wound}: charted a pressure ulcer {worst} on {date}, charted now as something else. Its worst "
              "category stays on the chart, the handover and the letters beside what it is now; the incident "
              "review asks who judged it no pressure ulcer and why: say so in “{field}”, or chart it a pressure "
              "ulcer.",
        "fr": "{wound} : escarre notée {worst} le {date}, notée maintenant comme autre chose. Sa pire catégorie "
              "reste sur la feuille, les transmissions et les courriers à côté de ce qu’elle est maintenant ; la "
              "revue des événements indésirables demande qui a jugé que ce n’est pas une escarre et pourquoi : le "
              "dire dans « {field} », ou la noter comme escarre."},
    "arrived_late": {
        "en": "“{field}”: {wound} is first charted here {hours} hours after the admission ({admitted}). A pressure "
              "ulcer first found more than 72 hours after admission counts as acquired here; answer “Yes” only at "
              "its first look within 72 hours.",
        "fr": "« {field} » : {wound} est notée ici pour la première fois {hours} heures après l’admission "
              "({admitted}). Une escarre constatée plus de 72 heures après l’admission compte comme acquise dans "
              "l’établissement ; ne répondre « Oui » qu’à sa première évaluation dans les 72 heures."},
    "arrived_again": {
        "en": "“{field}”: {wound} was charted before ({date}); whether it was present on admission is answered at "
              "its first look only.",
        "fr": "« {field} » : {wound} a déjà été notée ({date}) ; sa présence à l’admission se renseigne à sa "
              "première évaluation seulement."},
    "name_other": {
        "en": "“{field}”: say what this wound is (it is charted “Other”): every list names it by these notes.",
        "fr": "« {field} » : préciser ce qu’est cette plaie (notée « Autre ») : chaque liste la nomme par ces "
              "remarques."},
    "was": {"en": "{what} (charted {worst} on {date})", "fr": "{what} (notée {worst} le {date})"},
    "arrived": {"en": "{what} (present on admission)", "fr": "{what} (présente à l’admission)"},
    "arrived_at": {"en": "{what} (present on admission at {category})",
                   "fr": "{what} (présente à l’admission en {category})"},
    "late": {"en": "dressing overdue", "fr": "pansement en retard"},
    "then": {"en": "{before} on {date}, {now} now", "fr": "{before} le {date}, {now} maintenant"},
    "depth": {"en": "depth {depth}", "fr": "profondeur {depth}"},
    "dressing": {"en": "dressing: {dressing} ({time})", "fr": "pansement : {dressing} ({time})"},
    "allergy_matched": {"en": "“{field}”: {dressing} matches the recorded allergy: {allergies}. Use another dressing, "
                              "or say here why this one all the same.",
                        "fr": "« {field} » : {dressing} correspond à l’allergie enregistrée : {allergies}. Utilisez un "
                              "autre pansement, ou dites ici pourquoi celui-ci malgré tout."},
    "despite_allergy": {"en": "used despite the recorded allergy: “{reason}”",
                        "fr": "utilisé malgré l’allergie enregistrée : « {reason} »"},
}


@dataclass(frozen=True)
class Dressed:
    """A look at a wound and its dressing (`record`), when, when the next falls due (None once
    healed, or once the stay it was made in ended), and the look at that wound before it
    (`before`, None for its first)."""

    record: RecordVersion
    assessed_at: datetime
    due_at: datetime | None
    before: RecordVersion | None
    worst_before: RecordVersion | None = None
    """The first earlier look at the wound charting its worst pressure ulcer category (None when
    none charted one), which a category is judged worse against: a category 4 reverse staged to 2
    (before the save refused it) then charted 3 read "WOUND WORSE"."""
    found_at: datetime | None = None
    """When the wound was first charted a pressure ulcer of category 2 or worse (at this look or
    one before it; None if never), as the chart says it."""
    found_typed_at: datetime | None = None
    """When that look was first typed (its version 1: a correction days later restarted the day):
    it asks to be reported as an incident for a day from whichever is later (`reporting`)."""
    arrived_with: bool = False
    """That look, the wound's first, said the pressure ulcer was present on admission: reported as
    one the patient came in with (domain.wounds.ARRIVED_WITH), not as the ward's. A category 1
    that came in with the patient and reached 2 or worse on the ward is the ward's."""
    stay_ended: datetime | None = None
    """When the stay the look was made in ended (discharged, transferred out, dead since; None
    while it goes on): a wound still open then is asked about, not its dressing chased."""
    named: str = ""
    """Of a wound of no kind listed ("Other"), what the notes of its first look naming it said it
    is (a later look's notes say the skin around it); "" for any other."""
    arrived_look: RecordVersion | None = None
    """The wound's first look, when it said the pressure ulcer was present on admission (form
    version 3): every list and chart says so (`what`), the answer printed nowhere once the day of
    its incident reminder had gone."""

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
    def worst(self) -> RecordVersion | None:
        """The first look up to this one charting the wound's worst pressure ulcer category."""
        return self.record if new_worst(_category(self.worst_before), self.record.data.get("category")) \
            else self.worst_before

    @property
    def category_worse(self) -> bool:
        """A pressure ulcer of a worse category than the worst charted before (never reverse staged)."""
        return worse_category(_category(self.worst_before), self.record.data.get("category"))

    @property
    def reopened(self) -> bool:
        """Open again at this look, the look before having found it healed: a wound broken down
        again (it had nothing to be larger than)."""
        return self.before is not None and self.before.data["bed"] == HEALED and not self.closed

    @property
    def asked(self) -> bool:
        """Open, as charted, when its stay ended: whether it still is is asked (Sign.STILL_OPEN)
        until a look of the new stay says."""
        return self.stay_ended is not None and not self.closed

    def reporting(self, at: datetime) -> bool:
        """A pressure ulcer first charted at category 2 or worse less than a day before `at`, counted
        from when that look happened or was typed, whichever is later: found at night, written on
        the paper chart and typed the next afternoon, its day had gone before anyone read it, and
        paper back-entry is when incidents are missed."""
        if self.found_at is None:
            return False
        since = max(self.found_at, self.found_typed_at or self.found_at, key=elapsed.instant)
        return not elapsed.reached(elapsed.later(since, REPORT_SAID_FOR), at)

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
        return not self.closed and (self.reopened or self.category_worse or self.grew or self.deeper
                                     or self.bed_worse or self.wetter)

    def worse(self, spec: FormSpec, lang: Lang, zone: tzinfo | None = None) -> str:
        """How it is worse than at the look before, each way it is: "healed on 26/11, open again
        now; Category 2 on 27/11, Category 3 now (the worst charted before); 2 × 1.5 cm on 27/11,
        3 × 2 cm now; depth 0.5 cm on 27/11, 2 cm now; Granulating (red) on 27/11, Necrosis (black)
        now; exudate low on 27/11, high now"; "" when it is not. Days on the ward's clock (`zone`;
        as charted when not given)."""
        if self.before is None or not self.deteriorated:
            return ""
        before, here = self.before, self.record.data

        def chosen(name: str, was: RecordVersion = before) -> tuple[str, str, RecordVersion]:
            """An answer as the look `was` gave it and as now, and that look (for its date)."""
            field = spec.field(name)
            return format_value(field, was.data[name], lang), format_value(field, here[name], lang), was

        def measured(*names: str) -> tuple[str, str, RecordVersion]:
            return _measured(before.data, names, lang), _measured(here, names, lang), before

        changes: list[tuple[str, str, RecordVersion]] = []
        if self.reopened:
            changes.append((WORDS["healed"][lang], WORDS["open_again"][lang], before))
        if self.category_worse and self.worst_before is not None:
            changes.append(chosen("category", self.worst_before))
        if self.grew:
            changes.append(measured("length_cm", "width_cm"))
        if self.deeper:
            was, now, _ = measured("depth_cm")
            changes.append((WORDS["depth"][lang].format(depth=was), now, before))
        if self.bed_worse:
            changes.append(chosen("bed"))
        if self.wetter:
            was, now, _ = chosen("exudate")
            changes.append((WORDS["exudate"][lang].format(amount=was.lower()), now.lower(), before))
        return semicolon(lang).join(WORDS["then"][lang].format(before=was, date=_day(_at(look), zone), now=now)
                                    for was, now, look in changes)

    def size(self, lang: Lang) -> str:
        """"3.5 × 2 × 0.5 cm" as measured, or "" when not."""
        return _measured(self.record.data, ("length_cm", "width_cm", "depth_cm"), lang)

    def what(self, spec: FormSpec, lang: Lang, zone: tzinfo | None = None, *, whole: bool = False) -> str:
        """"Pressure ulcer, Category 2", "Surgical wound", "Other: Fungating lesion" (named by the
        notes, as the option asks); a wound charted a pressure ulcer before and something else now
        with the worst category it was charted, "Moisture lesion (charted Pressure ulcer, Category
        4 on 28/11)": re-labelled, a category 4 left every list without a word; one its first look
        found present on admission says so, "Pressure ulcer, Category 3 (present on admission at
        category 1)" when worse since. The day on the ward's clock (`zone`; as charted when not
        given). An "Other"'s notes cut on a list's line, `whole` for a letter or the printed chart."""
        said = _kind(self.record, spec, lang, self.named, whole)
        worst = self.worst
        if worst is not None and self.record.data.get("kind") != PRESSURE_ULCER:
            said = WORDS["was"][lang].format(what=said, worst=_kind(worst, spec, lang, "", whole),
                                             date=_day(_at(worst), zone))
        if self.arrived_look is None:
            return said
        came = _category(self.arrived_look)
        if came == self.record.data.get("category"):
            return WORDS["arrived"][lang].format(what=said)
        return WORDS["arrived_at"][lang].format(what=said, category=format_value(spec.field("category"), came,
                                                                                 lang).lower())

    def bed(self, spec: FormSpec, lang: Lang) -> str:
        """"Slough (yellow), exudate high"."""
        data = self.record.data
        bed = format_value(spec.field("bed"), data["bed"], lang)
        if not data.get("exudate"):
            return bed
        amount = format_value(spec.field("exudate"), data["exudate"], lang).lower()
        return f"{bed}, {WORDS['exudate'][lang].format(amount=amount)}"

    def text(self, spec: FormSpec, lang: Lang, zone: tzinfo | None = None, *, whole: bool = False) -> str:
        """"Sacrum: Pressure ulcer, Category 2, 3.5 × 2 cm, Slough (yellow)"; `whole` as for `what`."""
        bed = format_value(spec.field("bed"), self.record.data["bed"], lang)
        return WORDS["named"][lang].format(wound=self.name, what=", ".join(
            part for part in (self.what(spec, lang, zone, whole=whole), self.size(lang), bed) if part))

    def signs(self, at: datetime) -> list[Sign]:
        """What it asks at `at`, as the latest look at its wound: infection first; of an ended
        stay, what it found then and whether it is still open, not a dressing overdue since the
        patient left."""
        if self.closed:
            return []
        return [*([Sign.INFECTION] if self.infected else []), *([Sign.REPORT] if self.reporting(at) else []),
                *([Sign.WORSE] if self.deteriorated else []), *([Sign.STILL_OPEN] if self.asked else []),
                *([Sign.OVERDUE] if elapsed.reached(self.due_at, at) else [])]

    def said(self, sign: Sign, spec: FormSpec, at: datetime, lang: Lang) -> str:
        due = "" if self.due_at is None else ward_time(self.due_at, at.tzinfo)
        worst = self.worst
        said = ARRIVED_WITH[lang] if sign is Sign.REPORT and self.arrived_with else SIGNS[sign][lang]
        return said.format(
            wound=self.name, how=self.worse(spec, lang, at.tzinfo), due=due,
            category=format_value(spec.field("category"), worst.data["category"], lang) if worst is not None else "",
            found="" if self.found_at is None else ward_time(self.found_at, at.tzinfo),
            ended="" if self.stay_ended is None else f"{self.stay_ended.astimezone(at.tzinfo):%d/%m}")

    def asks(self, spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
        return [self.said(sign, spec, at, lang) for sign in self.signs(at)]

    def next_change(self, spec: FormSpec, at: datetime, lang: Lang) -> str:
        """"next dressing 30/11 10:00", "DRESSING OVERDUE (…) since …" once it is, or "healed"; of
        an ended stay, "still open?"."""
        if self.asked:
            return WORDS["asked"][lang]
        if self.due_at is None:
            return WORDS["healed"][lang]
        if elapsed.reached(self.due_at, at):
            return self.said(Sign.OVERDUE, spec, at, lang)
        return WORDS["due"][lang].format(due=ward_time(self.due_at, at.tzinfo))


def _kind(look: RecordVersion, spec: FormSpec, lang: Lang, named: str, whole: bool = False) -> str:
    """What a look found the wound to be, and its category; an "Other" as `named`
    (domain.devices.told, `whole` or cut)."""
    data = look.data
    kind = format_value(spec.field("kind"), data["kind"], lang)
    if data["kind"] == OTHER:
        kind = told(kind, named, lang, whole)
    return ", ".join([kind, *([format_value(spec.field("category"), data["category"], lang)]
                              if data.get("category") else [])])


def _measured(data: Mapping[str, Any], names: tuple[str, ...], lang: Lang) -> str:
    """"3.5 × 2 cm" of the measures of `names` taken, in the language's decimals; "" for none."""
    measures = [decimal_text(data[name], lang, 1) for name in names if data.get(name) is not None]
    return f"{' × '.join(measures)} cm" if measures else ""


def _at(record: RecordVersion) -> datetime:
    return datetime.fromisoformat(record.data["assessed_at"])


def _day(moment: datetime, zone: tzinfo | None) -> str:
    """"28/11", the day of `moment` on the ward's clock (`zone`), as charted when not given."""
    return ward_time(moment, zone or moment.tzinfo, "%d/%m")


def _category(look: RecordVersion | None) -> str | None:
    return None if look is None else look.data.get("category")


def _area(record: RecordVersion) -> float | None:
    return None if record.data["bed"] == HEALED else area(record.data.get("length_cm"), record.data.get("width_cm"))


def looked(record: RecordVersion, before: Dressed | None = None, events: Sequence[MovementEvent] = (),
           first_typed: datetime | None = None) -> Dressed:
    """A look at a wound, `before` the look at that wound before it, if any, which knows the
    worst category charted of it and when it was first charted category 2 or worse. `events`:
    the patient's movements, by which the stay the look was made in ended, if it has (of every
    stay: a wound goes home and comes back, devices.looked reads a line the same way).
    `first_typed`: when the record's version 1 was typed, if it has been amended since."""
    at, data = _at(record), record.data
    left = left_after(events, at)
    worst = None if before is None else before.worst
    first = first_reportable(_category(worst), data.get("category"))
    found = at if first else None if before is None else before.found_at
    typed = (first_typed or record.recorded_at) if first else None if before is None else before.found_typed_at
    arrived = (before is None and data.get(PRESENT_ON_ADMISSION) == "yes") if first \
        else before is not None and before.arrived_with
    due = None if data["bed"] == HEALED or left is not None else next_due(at, int(data["next_in"]))
    named = ("" if before is None else before.named) or (
        " ".join((data.get("notes") or "").split()) if data["kind"] == OTHER else "")
    came = (record if data.get(PRESENT_ON_ADMISSION) == "yes" else None) if before is None else before.arrived_look
    return Dressed(record, at, due, None if before is None else before.record, worst, found, typed, arrived,
                   None if left is None else left.occurred_at, named, came)


def charted(records: list[RecordVersion], events: Sequence[MovementEvent] = (),
            first_typed: Mapping[str, datetime] | None = None) -> list[Dressed]:
    """The looks in order, oldest first, each with its wound's look before and knowing when its
    stay ended (by the patient's `events`) and, of those amended, when first typed (`first_typed`,
    by record id)."""
    typed = first_typed or {}
    return each_after(records, _at, lambda record: key(record.data["wound"]),
                      lambda record, before: looked(record, before, events, typed.get(record.record_id)))


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[Dressed]]:
    """Each patient's looks, those amended knowing when their version 1 was typed (a look's
    incident day counts from then: a dressing's name corrected four days on asked the incident
    again)."""
    def chart_of(records: list[RecordVersion], events: list[MovementEvent]) -> list[Dressed]:
        amended = [record.record_id for record in records if record.version > 1]
        return charted(records, events, {record_id: datetime.fromisoformat(typed)
                                         for record_id, (_, _, typed) in first_authors(db, amended).items()})

    return charts_of(db, FORM, patient_ids, chart_of)


def chart(db: Database, patient_id: str) -> list[Dressed]:
    return charts(db, [patient_id]).get(patient_id, [])


def check_look(db: Database, spec: FormSpec, patient_id: str, data: Mapping[str, Any], lang: Lang,
               amended: RecordVersion | None = None) -> None:
    """Refuse a pressure ulcer charted at a better category than the worst charted of that wound
    up to its time (domain.wounds.reverse_staged): a category 4 charted 2 an hour later was taken,
    and its 3 after read "WOUND WORSE". Refuse too, without the nurse's reason, the look that
    charts such a wound as something else (a moisture lesion, a skin tear), a new one or its own
    look amended: the classic way a pressure ulcer caught on the ward leaves the incident count;
    asked once, not at each dressing after it (not on a look of a form version before 3, which
    has no place for the reason). Of a new look only (`_check_answers`), the answers form
    version 3 asks. The look `amended` is left out, and not checked again while its
    wound, time, kind and category stay (one written before these rules is corrected). The worst
    look's time on the ward's clock (`ward_time`), not on the offset the look was typed with: typed
    after the clocks went back, a category 4 charted at 10:00 in summer time read "on 24/10 09:00"."""
    typed = datetime.fromisoformat(data["assessed_at"])
    at = elapsed.instant(typed)
    records = [record for record in current_by_patient(db, FORM, [patient_id]).get(patient_id, [])
               if (amended is None or record.record_id != amended.record_id) and elapsed.instant(_at(record)) <= at
               and key(record.data["wound"]) == key(data["wound"])]
    looks = charted(records)
    if amended is None:
        _check_answers(db, spec, patient_id, data, lang, looks)
    elif all(amended.data.get(name) == data.get(name) for name in ("wound", "assessed_at", "kind", "category")):
        return
    before = looks[-1] if looks else None
    worst = None if before is None else before.worst
    ulcer = amended if amended is not None and amended.data["kind"] == PRESSURE_ULCER \
        else None if before is None or before.record.data["kind"] != PRESSURE_ULCER else before.record
    charted_worst = ulcer if ulcer is not None and new_worst(_category(worst), _category(ulcer)) else worst
    if charted_worst is None:
        return
    named = {"wound": " ".join(data["wound"].split()), "date": ward_time(_at(charted_worst), None),
             "worst": format_value(spec.field("category"), charted_worst.data["category"], lang).lower()}
    if worst is not None and reverse_staged(worst.data["category"], data.get("category")):
        raise ValidationFailed([FieldError("category", WORDS["reverse_staged"][lang].format(**named))])
    if ulcer is not None and data["kind"] != PRESSURE_ULCER \
            and RECLASSIFIED_WHY in spec.field_ids \
            and not str(data.get(RECLASSIFIED_WHY) or "").strip():
        raise ValidationFailed([FieldError(RECLASSIFIED_WHY, WORDS["reclassified"][lang].format(
            **named, field=spec.field(RECLASSIFIED_WHY).label.get(lang)))])


def _check_answers(db: Database, spec: FormSpec, patient_id: str, data: Mapping[str, Any], lang: Lang,
                   looks: Sequence[Dressed]) -> None:
    """Refuse a new look (`looks`: those at its wound up to its time) leaving out what form
    version 3 asks: the notes naming a wound of kind "Other" at the look that first names it (a
    later dressing goes by them: its notes say the skin around it), and "present on admission"
    answered yes but at the wound's first look within 72 hours of the admission
    (domain.wounds.ARRIVED_WITHIN). Not in the form's YAML: a record of an earlier version is
    corrected without them, no one having been asked then; nor asked of a look typed on one. The
    first look's and the admission's times on the ward's clock, as `check_look` says its own."""
    if spec.version < ASKED_FROM:
        return
    if data["kind"] == OTHER and not (looks and looks[-1].named) and not str(data.get("notes") or "").strip():
        raise ValidationFailed([FieldError("notes", WORDS["name_other"][lang].format(
            field=spec.field("notes").label.get(lang)))])
    if data.get(PRESENT_ON_ADMISSION) != "yes":
        return
    field = spec.field(PRESENT_ON_ADMISSION).label.get(lang)
    typed = datetime.fromisoformat(data["assessed_at"])
    wound = " ".join(data["wound"].split())
    if looks:
        raise ValidationFailed([FieldError(PRESENT_ON_ADMISSION, WORDS["arrived_again"][lang].format(
            field=field, wound=wound, date=ward_time(looks[0].assessed_at, None)))])
    stay = locate(movement_events(db, [patient_id]).get(patient_id, []), typed)
    if stay is not None and (since := elapsed.between(stay.admitted_at, typed)) > ARRIVED_WITHIN:
        raise ValidationFailed([FieldError(PRESENT_ON_ADMISSION, WORDS["arrived_late"][lang].format(
            field=field, wound=wound, admitted=ward_time(stay.admitted_at, None),
            hours=int(since.total_seconds() // 3600)))])


def check_dressing(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any]) -> None:
    """Refuse a dressing, skin preparation or gel the patient's recorded allergies match, as the
    order's check matches a medicine (services.medication.allergy_reason_needed: a version of the
    admission on hold too), without the nurse's reason to use it all the same: an Inadine on an
    iodine anaphylaxis, a chlorhexidine line dressing, were charted without a word where the same
    product ordered as a medicine asked. Not on a look of the form's version 1, which has no
    place for the reason."""
    from downtime.services import medication  # which writes through the records service, which runs this

    if ALLERGY_REASON not in spec.field_ids or not data.get("dressing"):
        return
    matched = medication.allergy_reason_needed(session, patient_id, {"drug": data["dressing"],
                                                                     "allergy_reason": data.get(ALLERGY_REASON)})
    if matched:
        raise ValidationFailed([FieldError(ALLERGY_REASON, WORDS["allergy_matched"][session.lang].format(
            field=spec.field(ALLERGY_REASON).label.get(session.lang), dressing=" ".join(data["dressing"].split()),
            allergies=", ".join(matched)))])


def first_look(turn: Turned, spec: FormSpec) -> dict[str, Any]:
    """What a wound's first look (of the wound form `spec`) starts from when the repositioning
    chart found pressure damage (`turn`, its latest change of position, judged on the latest look
    at the skin: a decline after it did not see it): the place as the chart wrote it, when it fits
    the wound's name (the turning chart allows a longer place: the form opened refusing its own
    name), a pressure ulcer, and for redness that does not blanch its category 1 on intact skin
    (broken skin's category is the nurse's to judge); nothing when the skin was not damaged."""
    if turn.seen is None or not turn.damage_found:
        return {}
    where = " ".join((turn.seen.data.get("skin_where") or "").split())
    named = bool(where) and len(where) <= getattr(spec.field("wound"), "max_length", len(where))
    first = turn.seen.data["skin"] == "category_1"
    return {**({"wound": where} if named else {}), "kind": PRESSURE_ULCER,
            **({"category": "1", "bed": "intact"} if first else {})}


def _lines(looks: Sequence[Dressed], spec: FormSpec, at: datetime, lang: Lang,
           left_out: frozenset[Sign] = frozenset(), whole: bool = False) -> list[str]:
    """Each open wound, its latest look and dressing, what it asks (but `left_out`), and its next
    dressing (or since when it is overdue), or whether it is still open. `whole`: an "Other" named
    by its whole notes, as a letter gives it."""
    return [semicolon(lang).join([one.text(spec, lang, at.tzinfo, whole=whole), WORDS["dressing"][lang].format(
        dressing=" ".join(one.record.data["dressing"].split()), time=ward_time(one.assessed_at, at.tzinfo)),
        *([WORDS["despite_allergy"][lang].format(reason=reason)] if (reason := one.record.data.get(ALLERGY_REASON))
          else []),
        *(one.said(sign, spec, at, lang) for sign in one.signs(at) if sign not in left_out | {Sign.OVERDUE}),
        *([] if one.asked else [one.next_change(spec, at, lang)])]) for one in still_open(looks)]


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' open wounds."""
    return {patient_id: WORDS["handover"][lang].format(wounds=" | ".join(lines))
            for patient_id, looks in charts(db, patient_ids).items()
            if (lines := _lines(looks, forms[FORM], at, lang))}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (a move to another ward, a transfer to another
    hospital, a discharge) says of their wounds, one a line: each open wound as last seen, its
    dressing and when the next falls due, which the receiving team goes on with (not the incident
    the ward reports: domain.wounds.WARD_ONLY)."""
    return _lines(chart(db, patient_id), forms[FORM], at, lang, WARD_ONLY, whole=True)
