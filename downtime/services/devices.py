"""A patient's line and catheter chart: each look at a device (put in, checked, taken out), each
device followed by what it is and where; how long each still in has been in; what the latest
look at each asks of the nurse now (domain.devices): phlebitis, an infected or faulty site, a
device no longer needed, its check overdue; a device charted in during a stay that ended, followed
no more (a cannula) or asked whether still in (a PICC line, a catheter); a urinary catheter taken
out with no urine charted on the fluid chart since, 6 hours on; and, where a nasogastric tube whose
position is not confirmed would be used, a dose by it (asked at Save, said on the round, the MAR and
the dose dialog) or a feed charted through it (asked on screen); a nasogastric tube out, none in
since, while medicines or a feed go by it (the escalation list and the handover sheet). Never
stored: worked out from the standing records, the patient's movements, their fluid chart's urine
and feeds, their orders and their admission's diet."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import MovementEvent, left_after
from downtime.domain.clock import ward_time
from downtime.domain.devices import (DOCTOR, DRAINS_URINE, IN_AT_MOST, INSERTED, NO_NEXT_CHECK, OTHER, PH_AT_MOST,
                                     POSITION_CONFIRMED, REMOVED, SIGNS, STAY_IN_HOSPITAL, TREATED_VIP, Sign, by_tube,
                                     days_in, key, next_due, position_confirmed, resite_due, signs, told, void_due,
                                     voided)
from downtime.domain.medication import TUBE_FED, Check, DoseState, Order, Outcome, Warning, written_when
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.messages import message as field_message
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import QT_TRANSLATE_NOOP, Number, Phrase, decimal_text, message, semicolon
from downtime.services import followed
from downtime.services.census import movement_events
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.followed import charts_of, each_after, still_open
from downtime.storage.records import current_by_patient

FORM = "device_check"
URINE = "out_urine"
"""The fluid chart's route (forms/fluid_balance.yaml) of the urine passed or drained."""
ENTERAL = "in_enteral"
"""The fluid chart's route of a feed or water given by an enteral tube (a nasogastric tube, a PEG)."""
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
    "ended_stay": {"en": "charted in during the stay that ended {ended}",
                   "fr": "noté en place pendant le séjour terminé le {ended}"},
    "asked": {"en": "still in?", "fr": "toujours en place ?"},
    "lapsed": {"en": "no longer followed: stay ended {ended}", "fr": "plus suivi : séjour terminé le {ended}"},
    "checked": {"en": "{device}: {state} at {time}", "fr": "{device} : {state} le {time}"},
    "still_in": {"en": "Still in: {devices}.", "fr": "Encore en place : {devices}."},
    "in_already": {"en": "{device}, {site} is charted in already: name this one's place differently (e.g. “{site}, "
                         "wrist”) or record the other's removal first.",
                   "fr": "{device}, {site} : déjà noté en place. Nommer autrement le site de celui-ci (ex. « {site}, "
                         "poignet ») ou noter d’abord le retrait de l’autre."},
    "none_in": {"en": "{device}, {site}: none is charted in there at that time{others}: name its place as charted.",
                "fr": "{device}, {site} : non noté en place à cette heure{others} : nommer le site comme sur la "
                      "feuille."},
    "never_in": {"en": "{device}, {site}: never charted in{others}. If it is one of those, name its place as "
                       "charted; if it is another, never charted, chart a check of it first, then its removal.",
                 "fr": "{device}, {site} : jamais noté en place{others}. Si c’est l’un d’eux, nommer son site comme "
                       "sur la feuille ; si c’en est un autre, jamais noté, noter d’abord une surveillance, puis son "
                       "retrait."},
    "others": {"en": " (in then: {sites})", "fr": " (en place alors : {sites})"},
    "why": {"en": ": {why}", "fr": " : {why}"},
    "position": {"en": "position: {position}", "fr": "position : {position}"},
    "mark": {"en": "mark {mark} cm", "fr": "repère {mark} cm"},
    "ph": {"en": "aspirate pH {ph}", "fr": "pH de l’aspiration {ph}"},
    "moved": {"en": "mark {now} cm, {was} cm before", "fr": "repère {now} cm, {was} cm auparavant"},
    "kept": {"en": "kept in: {why}", "fr": "gardé : {why}"},
    "kept_since": {"en": "kept in past {hours} hours: {why} ({time})",
                   "fr": "gardé au-delà de {hours} heures : {why} ({time})"},
    "not_confirmed": {"en": "NG POSITION NOT CONFIRMED ({time}{why})", "fr": "POSITION DE LA SNG NON VÉRIFIÉE ({time}{why})"},
    "nothing_by_it": {"en": ": nothing by it until confirmed (aspirate pH {ph} or below, or an X-ray read by a doctor)",
                      "fr": " : rien par la sonde avant vérification (pH de l’aspiration {ph} ou moins, ou radiographie "
                            "interprétée par un médecin)"},
    "overdue_check": {"en": "NG POSITION CHECK OVERDUE (last checked {time}, due {due})",
                      "fr": "VÉRIFICATION DE LA POSITION DE LA SNG EN RETARD (dernière surveillance le {time}, prévue le "
                            "{due})"},
    "charted_out": {"en": "NG TUBE CHARTED OUT ({time}), none charted in since",
                    "fr": "SNG NOTÉE RETIRÉE ({time}), aucune notée en place depuis"},
    "if_put_back": {"en": ": if it was put back in, nothing by it until its position is confirmed (aspirate pH {ph} or "
                          "below, or an X-ray read by a doctor) and the tube charted",
                    "fr": " : si elle a été reposée, rien par la sonde avant vérification de sa position (pH de "
                          "l’aspiration {ph} ou moins, ou radiographie interprétée par un médecin) et notation de la "
                          "sonde"},
    "not_charted_but": {"en": "No NG tube charted in (in: {others}): if this goes by a nasogastric tube, chart the tube "
                              "and its position check on the line chart",
                        "fr": "Aucune SNG notée en place (en place : {others}) : si ce médicament passe par une SNG, "
                              "noter la sonde et la vérification de sa position sur la feuille des cathéters et sondes"},
    "not_charted": {"en": "NO NG TUBE CHARTED IN on the line chart: confirm its position before use (aspirate pH {ph} "
                          "or below, or an X-ray read by a doctor), and chart it",
                    "fr": "AUCUNE SNG NOTÉE EN PLACE sur la feuille des cathéters et sondes : vérifier sa position "
                          "avant utilisation (pH de l’aspiration {ph} ou moins, ou radiographie interprétée par un "
                          "médecin), et la noter"},
    "feed_unconfirmed": {"en": "{said}. Stop the feed and confirm the position now, then chart the check on the "
                               "Lines and catheters tab.",
                         "fr": "{said}. Arrêter l’alimentation et vérifier la position maintenant, puis noter la "
                               "surveillance dans l’onglet Cathéters et sondes."},
    "tube_out": {"en": "NG TUBE OUT since {time}, none charted in: {needs} — ask the doctor now for another route, or "
                        "a tube re-passed and its position confirmed",
                 "fr": "SNG RETIRÉE depuis le {time}, aucune notée en place : {needs} — demander maintenant au médecin "
                       "une autre voie, ou la pose d’une nouvelle sonde et la vérification de sa position"},
    "tube_out_review": {"en": "NG TUBE OUT since {time}, none charted in: {needs} — at the doctor's next review, ask for "
                              "another route, or a tube re-passed and its position confirmed",
                        "fr": "SNG RETIRÉE depuis le {time}, aucune notée en place : {needs} — à la prochaine visite du "
                              "médecin, demander une autre voie, ou la pose d’une nouvelle sonde et la vérification de "
                              "sa position"},
    "next_dose": {"en": "next dose by NG {time} ({drugs})", "fr": "prochaine dose par SNG le {time} ({drugs})"},
    "dose_late": {"en": "dose by NG due {time}, not recorded ({drugs})",
                  "fr": "dose par SNG prévue le {time}, non tracée ({drugs})"},
    "by_tube": {"en": "medicines by NG ({drugs})", "fr": "médicaments par SNG ({drugs})"},
    "tube_fed": {"en": "fed by tube (admission diet)", "fr": "nutrition par sonde (régime d’admission)"},
    "fed": {"en": "feed by tube charted {time}", "fr": "alimentation par sonde notée le {time}"},
    "name_other": {
        "en": "“{field}”: say what this device is (it is charted “Other”): every list names it by these notes.",
        "fr": "« {field} » : préciser ce qu’est ce dispositif (noté « Autre ») : chaque liste le nomme par ces "
              "remarques."},
}
NO_LONGER_NEEDED = "not_needed"
"""A removal's "Why it was taken out" (forms/device_check.yaml) of a device no longer needed: of a
nasogastric tube, its feeding ended on purpose (the patient weaned, eating), so that neither the
admission's diet "Tube fed" nor the feeds charted while it was in ask for another tube
(`tubes_needed`); an order still written by NG does (a prescribing question)."""
OPEN_DOSE = frozenset({DoseState.UPCOMING, DoseState.DUE, DoseState.LATE, DoseState.OVERDUE, DoseState.CHECK_PAPER})
"""A dose time with nothing recorded, still to give or perhaps given on the paper chart (through no
tube charted in): not one of an order stopped since."""
POSITION_BY, PH, MARK = "position_by", "ph", "mark_cm"
"""How a nasogastric tube's position was confirmed, its aspirate's pH and its external length mark
at the nostril (form version 2)."""
ASKED_FROM = 2
"""The form version asking a nasogastric tube's position and an "Other" device's notes (`_check_answers`)."""
KEPT_WHY = "kept_why"
"""Why a cannula in past its hours stays in (form version 2): answers the resite question a day."""
LOOK_KEPT = ("checked_at", "event", "device", "site")
"""What files a look on the chart: an amendment changing none of them is not checked again."""
DAY_ONE: dict[Lang, int] = {"en": 1, "fr": 0}
"""The number of the day a device was put in: day 1 on an English chart, as the line-day tallies
count; J0 on a French one (« J0 = jour de pose »)."""


@dataclass(frozen=True)
class Checked:
    """A look at a device (`record`), when, when the next check falls due (None once taken
    out, or once the stay ended), when the device was put in (None when not known), its size (as
    the look said, else as a look before it did: "" when none said), and when the stay it was made
    in ended (`stay_ended`: the patient discharged, transferred out or dead since; None while it
    goes on)."""

    record: RecordVersion
    checked_at: datetime
    due_at: datetime | None
    inserted_at: datetime | None
    size: str
    stay_ended: datetime | None = None
    mark_was: float | None = None
    """A nasogastric tube's external mark as the looks before this one last charted it (None: none
    did)."""
    kept_at: datetime | None = None
    """When a check of the device last gave a reason to keep it in past its hours (`KEPT_WHY`;
    None if none did): domain.devices.resite_due counts from it."""
    kept_why: str = ""
    """That reason, which the handover gives while it answers the resite question (`kept_said`)."""
    named: str = ""
    """Of a device of no kind listed ("Other"), what the notes of its first look naming it said it
    is (a later check's notes say the dressing was changed, not what it is); "" for any other."""
    unconfirmed: bool = False
    """A nasogastric tube whose position is not confirmed (domain.devices.position_confirmed), as
    the latest look saying how it was charted it: a check from a laptop still on the form's version
    1, which has no place to say, cleared "NG POSITION NOT CONFIRMED" though nobody had confirmed
    it. A tube no look said of asks nothing."""
    voided: bool | None = None
    """Of a urinary catheter's removal read with the fluid chart (`charts`): whether urine was
    charted after it; None for any other look."""

    @property
    def key(self) -> str:
        """The device it follows (domain.devices.key)."""
        return key(self.record.data["device"], self.record.data["site"])

    @property
    def taken_out(self) -> bool:
        return self.record.data["event"] == REMOVED

    @property
    def lapsed(self) -> bool:
        """Left in, as charted, at the end of its stay, though of a kind no patient leaves hospital
        with (domain.devices.STAY_IN_HOSPITAL): taken out unrecorded, followed no more. A new stay
        starts clean: a readmitted patient's cannula of last week was on the handover, its check
        overdue for days."""
        return self._of_ended_stay and self.record.data["device"] in STAY_IN_HOSPITAL

    @property
    def asked(self) -> bool:
        """Left in, as charted, at the end of its stay, of a kind a patient may go home with (a
        PICC line, a catheter): whether it is still in is asked (Sign.STILL_IN) until a look of the
        new stay says."""
        return self._of_ended_stay and not self.lapsed

    @property
    def _of_ended_stay(self) -> bool:
        return self.stay_ended is not None and not self.taken_out

    @property
    def closed(self) -> bool:
        """Taken out, or lapsed: the device's chart ends."""
        return self.taken_out or self.lapsed

    def ended(self, at: datetime) -> str:
        """The day its stay ended ("28/11"), as read at `at`; "" while the stay goes on."""
        return "" if self.stay_ended is None else f"{self.stay_ended.astimezone(at.tzinfo):%d/%m}"

    @property
    def vip(self) -> int | None:
        return None if self.record.data.get("vip") is None else int(self.record.data["vip"])

    def called(self, spec: FormSpec, lang: Lang, whole: bool = False) -> str:
        """"Peripheral venous cannula, Left forearm"; `whole` as for `device`."""
        return WORDS["called"][lang].format(device=self.device(spec, lang, whole), site=self.site)

    def device(self, spec: FormSpec, lang: Lang, whole: bool = False) -> str:
        """What it is: "Peripheral venous cannula"; one of no kind listed as its notes name it,
        "Other: Epidural catheter, levobupivacaine 0.1 %" (domain.devices.told): "Other (say in the
        notes)" was handed over, an epidural's anticoagulant timing and removal left to guess.
        The notes cut on a list's line, `whole` for a letter or the printed chart."""
        said = format_value(spec.field("device"), self.record.data["device"], lang)
        return told(said, self.named, lang, whole) if self.named else said

    @property
    def site(self) -> str:
        """Where it is, as named: "Left forearm"."""
        return " ".join(self.record.data["site"].split())

    def state(self, spec: FormSpec, lang: Lang) -> str:
        """What the look found: "VIP 1", "Pus or discharge", "Put in", "Taken out"; a nasogastric
        tube's with how its position was confirmed (`position`)."""
        data = self.record.data
        if self.vip is not None:
            return WORDS["vip"][lang].format(vip=self.vip)
        found = format_value(spec.field("site_state" if data.get("site_state") else "event"),
                             data.get("site_state") or data["event"], lang)
        position = self.position(spec, lang)
        return f"{found}, {position}" if position else found

    def position(self, spec: FormSpec, lang: Lang) -> str:
        """How a nasogastric tube's position was confirmed, as the look charted it: "position: Aspirate
        pH 4.5, mark 55 cm"; "" when it did not say."""
        data = self.record.data
        if data.get(POSITION_BY) is None:
            return ""
        parts = [format_value(spec.field(POSITION_BY), data[POSITION_BY], lang),
                 *([decimal_text(data[PH], lang, 1)] if data.get(PH) is not None else [])]
        mark = [WORDS["mark"][lang].format(mark=decimal_text(data[MARK], lang, 1))] if data.get(MARK) is not None \
            else []
        return WORDS["position"][lang].format(position=", ".join([" ".join(parts), *mark]))

    def since(self, at: datetime, lang: Lang) -> str:
        """"28/11 09:00 (day 3)", "le 28/11 09:00 (J2)": when it was put in and its day at `at`,
        numbered from the language's DAY_ONE; or that it is not known; or, asked whether still in,
        that it was charted in during the stay that ended (its days counted from a stay long over
        were not its own unless it is)."""
        if self.asked:
            return WORDS["ended_stay"][lang].format(ended=self.ended(at))
        if self.inserted_at is None:
            return WORDS["unknown"][lang]
        return WORDS["since"][lang].format(date=ward_time(self.inserted_at, at.tzinfo),
                                           day=days_in(self.inserted_at, at) + DAY_ONE[lang])

    def in_since(self, at: datetime, lang: Lang) -> str:
        """"in since 28/11 09:00 (day 3)", or "charted in during the stay that ended 28/11"."""
        return self.since(at, lang) if self.asked else WORDS["in_since"][lang].format(since=self.since(at, lang))

    def text(self, spec: FormSpec, lang: Lang, zone: tzinfo | None = None, *, whole: bool = False) -> str:
        """"Peripheral venous cannula, Left forearm, 20 G: VIP 1 at 28/11 14:00", on the ward's clock
        (`zone`; as typed when not given): put in at 09:00 on a laptop set to UTC read "Put in at
        28/11 09:00; in since 28/11 10:00". `whole` as for `device`."""
        return WORDS["checked"][lang].format(device=self.called(spec, lang, whole)
                                             + (f", {self.size}" if self.size else ""),
                                             state=self.state(spec, lang),
                                             time=ward_time(self.checked_at, zone or self.checked_at.tzinfo))

    def signs(self, at: datetime) -> list[Sign]:
        """What it asks at `at`, as the latest look at its device (nothing once closed); asked
        whether still in, what it found then and that question, not a check overdue since the
        patient left."""
        if self.closed:
            return []
        data = self.record.data
        return [*signs(self.vip, data.get("site_state"), data.get("still_needed"), self.due_at, at,
                       self.resite_asked_at, self.unconfirmed),
                *([Sign.STILL_IN] if self.asked else [])]

    @property
    def mark_cm(self) -> float | None:
        """A nasogastric tube's external mark, as this look or, not said, the last before it charted it."""
        mark = self.record.data.get(MARK)
        return self.mark_was if mark is None else float(mark)

    def position_why(self, lang: Lang) -> str:
        """What says a tube's position is not confirmed, after its name: ": aspirate pH 6.5; mark
        48 cm, 55 cm before"; "" for none."""
        data, said = self.record.data, []
        if data.get(PH) is not None:
            said.append(WORDS["ph"][lang].format(ph=decimal_text(data[PH], lang, 1)))
        if data.get(MARK) is not None and self.mark_was is not None and float(data[MARK]) != self.mark_was:
            said.append(WORDS["moved"][lang].format(now=decimal_text(data[MARK], lang, 1),
                                                    was=decimal_text(self.mark_was, lang, 1)))
        return WORDS["why"][lang].format(why=semicolon(lang).join(said)) if said else ""

    @property
    def resite_at(self) -> datetime | None:
        """When it asks to be resited or kept with a reason (domain.devices.resite_due)."""
        return resite_due(self.record.data["device"], self.inserted_at, self.kept_at)

    @property
    def resite_asked_at(self) -> datetime | None:
        """When it asks to be resited or kept with a reason (`resite_at`), unless asked whether it
        is still in (its stay ended)."""
        return None if self.asked else self.resite_at

    def said(self, sign: Sign, spec: FormSpec, at: datetime, lang: Lang) -> str:
        due = "" if self.due_at is None else ward_time(self.due_at, at.tzinfo)
        site = self.record.data.get("site_state")
        return SIGNS[sign][lang].format(
            device=self.called(spec, lang), vip=self.vip, due=due, ended=self.ended(at),
            hours=IN_AT_MOST // timedelta(hours=1), why=self.position_why(lang),
            doctor=DOCTOR[lang] if (self.vip or 0) >= TREATED_VIP else "",
            site=format_value(spec.field("site_state"), site, lang).lower() if site else "")

    def asks(self, spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
        return [self.said(sign, spec, at, lang) for sign in self.signs(at)]

    def noted(self, lang: Lang) -> str:
        """This look's notes, after why it kept the cannula in past its hours ("kept in: veins
        difficult"): recorded, the reason was on no chart, nor the tab."""
        data = self.record.data
        why = " ".join(str(data.get(KEPT_WHY) or "").split())
        notes = " ".join((data.get("notes") or "").split())
        return semicolon(lang).join([*([WORDS["kept"][lang].format(why=why)] if why else []),
                                     *([notes] if notes else [])])

    def position_flag(self, at: datetime, lang: Lang, whole: bool = True) -> str:
        """"NG POSITION NOT CONFIRMED (28/11 10:00: aspirate pH 6.5): nothing by it until confirmed
        (…)", beside an order by the tube on the printed MAR and the dose dialog, this look's time on
        the clock of `at`; of a tube charted in during a stay that ended, that stay ("NG POSITION NOT
        CONFIRMED (charted in during the stay that ended 27/11)"); of one whose check is overdue at
        `at` (`to_confirm`), "NG POSITION CHECK OVERDUE (last checked 27/11 10:00, due 27/11 18:00)".
        Of a tube's removal with none charted in since (`tube_out`), "NG TUBE CHARTED OUT (27/11
        23:00), none charted in since: if it was put back in, nothing by it until …". Not `whole`,
        without what to do, as the round's row says it (its tooltip whole): whole, it made the row
        taller than the table."""
        zone = at.tzinfo
        ph = decimal_text(PH_AT_MOST, lang)
        if self.taken_out:
            said = WORDS["charted_out"][lang].format(time=ward_time(self.checked_at, zone))
            return said + WORDS["if_put_back"][lang].format(ph=ph) if whole else said
        said = (WORDS["not_confirmed"][lang].format(time=WORDS["ended_stay"][lang].format(ended=self.ended(at)), why="")
                if self.asked else
                WORDS["not_confirmed"][lang].format(time=ward_time(self.checked_at, zone), why=self.position_why(lang))
                if self.unconfirmed or self.due_at is None else
                WORDS["overdue_check"][lang].format(time=ward_time(self.checked_at, zone), due=ward_time(self.due_at, zone)))
        return said + WORDS["nothing_by_it"][lang].format(ph=ph) if whole else said

    def to_confirm(self, at: datetime) -> bool:
        """Whether this look at a nasogastric tube still in leaves its position to confirm before a
        use at `at`: not confirmed (`unconfirmed`); charted in during a stay that ended (`asked`: its
        position then says nothing of the tube now); or its next check, as the chart itself set it
        (`due_at`, from the look's "next check in"), reached by `at`: the handover said CHECK
        OVERDUE, and an X-ray of yesterday morning cleared today's doses. NPSA/2011/PSA002 has the
        position checked before each use; the chart holds only the checks charted, so a use is asked
        once the chart's own next check is reached, no interval of our own set: a dose between two
        charted checks is taken as checked at the bedside."""
        return self.unconfirmed or self.asked or (self.due_at is not None and elapsed.reached(self.due_at, at))

    def kept_said(self, at: datetime, lang: Lang) -> str:
        """"kept in past 72 hours: veins difficult (01/12 11:00)" while that reason answers the
        resite question at `at` (domain.devices.resite_due); "" otherwise: answered, the question
        left the handover and nothing said why the cannula stayed."""
        if self.kept_at is None or self.resite_at is None or elapsed.reached(self.resite_at, at):
            return ""
        return WORDS["kept_since"][lang].format(hours=IN_AT_MOST // timedelta(hours=1), why=self.kept_why,
                                                time=ward_time(self.kept_at, at.tzinfo))

    @property
    def void_due_at(self) -> datetime | None:
        """When this removal of a urinary catheter, no urine charted since, asks whether the patient
        passed urine (domain.devices.void_due); None for any other look, once urine is charted,
        or once its stay ended (the patient went home or elsewhere: the letter said so)."""
        if self.voided is None or not self.taken_out or self.stay_ended is not None:
            return None
        return void_due(self.record.data["device"], self.checked_at, self.voided)

    def void_said(self, spec: FormSpec, at: datetime, lang: Lang) -> str:
        """"NOT PASSED URINE since the urinary catheter came out at 29/11 06:00: bladder scan, tell
        the doctor", on the clock of `at`."""
        return SIGNS[Sign.NOT_VOIDED][lang].format(device=self.device(spec, lang).lower(),
                                                   time=ward_time(self.checked_at, at.tzinfo))

    def next_change(self, spec: FormSpec, at: datetime, lang: Lang) -> str:
        """"next check 28/11 22:00", "CHECK OVERDUE (…) since …" once it is, "taken out"; of an
        ended stay, "still in?" or "no longer followed: stay ended 28/11"."""
        if self.lapsed:
            return WORDS["lapsed"][lang].format(ended=self.ended(at))
        if self.asked:
            return WORDS["asked"][lang]
        if self.due_at is None:
            return WORDS["removed"][lang]
        if elapsed.reached(self.due_at, at):
            return self.said(Sign.OVERDUE, spec, at, lang)
        return WORDS["due"][lang].format(due=ward_time(self.due_at, at.tzinfo))


def _at(record: RecordVersion) -> datetime:
    return datetime.fromisoformat(record.data["checked_at"])


def looked(record: RecordVersion, before: Checked | None = None, events: Sequence[MovementEvent] = ()) -> Checked:
    """A look at a device, `before` the look at that device before it, if any: the device was put
    in at this look, or when the look said, else when the look before knew; its size as the look
    said, else as the look before knew; an "Other" named by the first notes naming it. One named
    as a device closed (taken out, or lapsed with its stay) is of another device, knowing nothing
    of it. `events`: the patient's movements, by
    which the stay the look was made in ended, if it has."""
    at, data = _at(record), record.data
    before = None if before is None or before.closed else before
    left = left_after(events, at)
    inserted = (at if data["event"] == INSERTED else datetime.fromisoformat(data["inserted_at"])
                if data.get("inserted_at") else None if before is None else before.inserted_at)
    size = " ".join((data.get("size") or "").split()) or ("" if before is None else before.size)
    named = ("" if before is None else before.named) or (
        " ".join((data.get("notes") or "").split()) if data["device"] == OTHER else "")
    why = " ".join(str(data.get(KEPT_WHY) or "").split())
    kept = at if why else None if before is None else before.kept_at
    unconfirmed = data["device"] in POSITION_CONFIRMED and (
        not position_confirmed(data[POSITION_BY], data.get(PH)) if data.get(POSITION_BY) is not None
        else before is not None and before.unconfirmed)
    due = None if data["event"] == REMOVED or left is not None else next_due(at, int(data["next_in"]), data["device"])
    return Checked(record, at, due, inserted, size, None if left is None else left.occurred_at,
                   mark_was=None if before is None else before.mark_cm, kept_at=kept,
                   kept_why=why or ("" if before is None else before.kept_why), named=named,
                   unconfirmed=unconfirmed)


def _charted(records: list[RecordVersion], events: Sequence[MovementEvent]) -> list[Checked]:
    """The looks in order, each knowing when its device was put in and when its stay ended (by
    the patient's `events`)."""
    return each_after(records, _at, lambda record: key(record.data["device"], record.data["site"]),
                      partial(looked, events=events))


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[Checked]]:
    return {patient_id: _with_urine(db, patient_id, looks)
            for patient_id, looks in charts_of(db, FORM, patient_ids, _charted).items()}


PASSED_NOT_MEASURED = frozenset({"medium", "large"})
"""Amounts of urine not measured that are a void: a few drops in a pad after the catheter came out
are the overflow of the retention "not passed urine" asks a bladder scan for, and ended it."""


def _with_urine(db: Database, patient_id: str, looks: list[Checked]) -> list[Checked]:
    """The looks, each removal of a urinary catheter knowing whether urine was charted after it
    on the fluid chart (a volume out as urine, more than none, or urine passed not measured, in a
    pad or the toilet, more than a little (`PASSED_NOT_MEASURED`), after the bag's:
    domain.devices.voided): once its chart closed, nothing asked whether the patient had passed
    urine since, and retention went unseen for a shift."""
    removals = {id(one) for one in looks if one.taken_out and one.record.data["device"] in DRAINS_URINE}
    if not removals:
        return looks
    from downtime.services import fluid_balance  # which reads the doses through records, which checks looks here

    passed = [one.measure.at for one in fluid_balance.measures(db, patient_id)
              if one.measure.route == URINE and (one.measure.amount in PASSED_NOT_MEASURED if one.measure.volume is None
                                                 else one.measure.volume > 0)]
    return [dataclasses.replace(one, voided=voided(one.checked_at, passed))
            if id(one) in removals else one for one in looks]


def awaiting_void(looks: Sequence[Checked]) -> Checked | None:
    """The removal of the patient's latest urinary catheter taken out (`looks` read by `charts`)
    while no urine is charted since and none is in (one put in again is followed as any device):
    the question stands from it until urine is charted."""
    if any(one.record.data["device"] in DRAINS_URINE for one in still_open(looks)):
        return None
    removed = [one for one in looks if one.taken_out and one.record.data["device"] in DRAINS_URINE]
    return removed[-1] if removed and removed[-1].void_due_at is not None else None


def void_asks(looks: Sequence[Checked], spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
    """What the latest urinary catheter's removal asks at `at` (`awaiting_void`), once its time has come."""
    removed = awaiting_void(looks)
    return [removed.void_said(spec, at, lang)] if removed is not None and elapsed.reached(removed.void_due_at, at) \
        else []


def coming(looks: Sequence[Checked], at: datetime) -> datetime | None:
    """When a device still in next asks something after `at`, the chart read again then: its check
    falling due (followed.coming), or a cannula reaching its hours (`Checked.resite_asked_at`). Read
    again at the checks alone, a cannula put in at 10:00 three days before, its check due at 21:00,
    was said "IN OVER 72 HOURS" on neither the escalation list nor the tab open since 09:30."""
    due = [followed.coming(looks, at), *(one.resite_asked_at for one in still_open(looks))]
    return min((one for one in due if one is not None and not elapsed.reached(one, at)), key=elapsed.instant,
               default=None)


def chart(db: Database, patient_id: str) -> list[Checked]:
    return charts(db, [patient_id]).get(patient_id, [])


def _charted_by(db: Database, patient_id: str, at: datetime, left_out: str | None = None) -> list[Checked]:
    """The patient's looks as the chart stood at `at`: those charted up to it, read with the
    movements up to it (a device of a stay ended by then is in only when asked about), the
    record `left_out` (one being amended) not among them."""
    instant = elapsed.instant(at)
    records = [record for record in current_by_patient(db, FORM, [patient_id]).get(patient_id, [])
               if record.record_id != left_out and elapsed.instant(_at(record)) <= instant]
    events = [event for event in movement_events(db, [patient_id]).get(patient_id, [])
              if elapsed.instant(event.occurred_at) <= instant]
    return _charted(records, events)


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
    records.settle_to). The chart is read as it stood then: a device of a stay ended by then
    is in only when asked about (`Checked.asked`), and a look of the new stay at one charted in
    an ended stay is a first look. Of a new look only, the answers form version 2 asks
    (`_check_answers`)."""
    before = _charted_by(db, patient_id, datetime.fromisoformat(data["checked_at"]),
                         None if amended is None else amended.record_id)
    still = {one.key: one for one in still_open(before)}
    here, event = key(data["device"], data["site"]), data["event"]
    if amended is None:
        _check_answers(spec, data, lang, still.get(here))
    elif all(amended.data.get(name) == data.get(name) for name in LOOK_KEPT):
        return
    kind = [one.site for one in still.values() if one.record.data["device"] == data["device"]]
    if event == INSERTED and here in still:
        said = WORDS["in_already"][lang]
    elif event != INSERTED and here not in still and any(one.key == here and one.stay_ended is None for one in before):
        said = WORDS["none_in"][lang]
    elif event == REMOVED and here not in still and kind:
        said = WORDS["never_in"][lang]
    else:
        return
    raise ValidationFailed([FieldError("site", said.format(
        device=format_value(spec.field("device"), data["device"], lang), site=" ".join(data["site"].split()),
        others=WORDS["others"][lang].format(sites=semicolon(lang).join(kind)) if kind else ""))])


def _check_answers(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Checked | None) -> None:
    """Refuse a new look (`before`: the look at its device still in before it, if any) leaving out
    what form version 2 asks: how a nasogastric tube's position was confirmed, at each look but its
    removal, and the notes naming a device of no kind listed at the look that first names it (a
    later check goes by them). Not in the form's YAML: a record of version 1 is corrected without
    them, no one having been asked then (a position invented, or "not confirmed" answered to get
    past, raised a false alarm); nor asked of a look typed on version 1."""
    if spec.version < ASKED_FROM:
        return
    if data["device"] in POSITION_CONFIRMED and data["event"] != REMOVED and data.get(POSITION_BY) is None:
        raise ValidationFailed([FieldError(POSITION_BY, field_message(
            "required", lang, spec.field(POSITION_BY).label.get(lang)))])
    if data["device"] == OTHER and not (before is not None and before.named) \
            and not str(data.get("notes") or "").strip():
        raise ValidationFailed([FieldError("notes", WORDS["name_other"][lang].format(
            field=spec.field("notes").label.get(lang)))])


def next_check(latest: Checked) -> dict[str, Any]:
    """What the next check of a device starts from: what and where it is, its size, how often it
    is checked and when it was put in, as its latest look knew them."""
    data = latest.record.data
    return {"event": "checked", "device": data["device"], "site": data["site"], "next_in": data["next_in"],
            **({"size": latest.size} if latest.size else {}),
            **({"inserted_at": latest.inserted_at.isoformat()} if latest.inserted_at is not None else {})}


def _lines(looks: Sequence[Checked], spec: FormSpec, at: datetime, lang: Lang, whole: bool = False) -> list[str]:
    """Each device still in: its latest look, how long it has been in, why it stays past its
    hours while that answers, what it asks, and its next check (or since when it is overdue),
    unless it asks to be taken out: "take it out; next check 04/12 18:26" left the night nurse to
    choose. One of an ended stay: what its latest look found and whether it is still in (the
    question says when its stay ended). `whole`: an "Other" named by its whole notes, as a letter
    gives it."""
    return [semicolon(lang).join([one.text(spec, lang, at.tzinfo, whole=whole),
                                  *([] if one.asked else [one.in_since(at, lang)]), *([kept] if kept else []),
                                  *(one.said(sign, spec, at, lang) for sign in signs if sign is not Sign.OVERDUE),
                                  *([] if NO_NEXT_CHECK & set(signs) else [one.next_change(spec, at, lang)])])
            for one in still_open(looks) for signs, kept in ((one.signs(at), one.kept_said(at, lang)),)]


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
    """What the handover sheet says at `at` of each of these patients' lines and catheters still in,
    a urinary catheter out with no urine charted since (`void_asks`), and a nasogastric tube out
    while medicines or a feed go by it (`tubes_needed`)."""
    looks_of = charts(db, patient_ids)
    needed = tubes_needed(db, looks_of, at, lang)
    return {patient_id: WORDS["handover"][lang].format(devices=" | ".join(lines))
            for patient_id, looks in looks_of.items()
            if (lines := [*_lines(looks, forms[FORM], at, lang), *void_asks(looks, forms[FORM], at, lang),
                          *([needed[patient_id].said] if patient_id in needed else [])])}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (a move to another ward, a transfer to another
    hospital, a discharge) says of their lines and catheters still in, one a line: what and where
    each is, since when, as last checked, which the receiving team goes on with (or, on a
    discharge, takes out before the patient leaves)."""
    return _lines(chart(db, patient_id), forms[FORM], at, lang, whole=True)


def tubes_in(looks: Sequence[Checked]) -> list[Checked]:
    """The nasogastric tubes (domain.devices.POSITION_CONFIRMED) still in of `looks`, one charted
    in during a stay that ended and asked whether it is still in among them: the devices tab asked
    "STILL IN?" while the dose dialog said none was charted."""
    return [one for one in still_open(looks) if one.record.data["device"] in POSITION_CONFIRMED]


def tube_out(looks: Sequence[Checked]) -> Checked | None:
    """The removal of the patient's latest nasogastric tube taken out in the stay going on when no
    nasogastric tube is charted in since (`tubes_in`): a dose or a feed by the tube after it went
    down one put back in uncharted, its position confirmed by no look (a tube pulled out at 23:00,
    the 00:00 dose by NG was saved unasked, the feed charted silently, the round's flags empty).
    None while a tube is in, when the latest removal was in a stay that ended (a new stay starts
    clean), or once a device of no kind listed was put in since (a PEG, charted "Other", in place
    of the tube: its medicines, still written "NG", said as `tube_said` says them, not asked)."""
    if tubes_in(looks):
        return None
    removed = [one for one in looks if one.taken_out and one.record.data["device"] in POSITION_CONFIRMED]
    if not removed or removed[-1].stay_ended is not None:
        return None
    out = elapsed.instant(removed[-1].checked_at)
    return None if any(one.record.data["device"] == OTHER and one.inserted_at is not None
                       and elapsed.instant(one.inserted_at) >= out for one in still_open(looks)) else removed[-1]


@dataclass(frozen=True)
class TubeNeeded:
    """A nasogastric tube out (`removal`, `tube_out`) while the patient still has medicines or a
    feed by it: what the escalation list and the handover sheet say (`said`), when it next
    changes with nothing saved (`changes_at`: the next dose's time passing; None when none will),
    and whether it is urgent (`urgent`: a scheduled dose by NG to come or late, or the patient fed
    by tube; not of as-required orders alone, which wait for the doctor's next review rather than
    a call at 3 a.m. for days, and say so: "ask the doctor now" put them among those asking a
    doctor now, chart_alerts.asks_a_doctor_now)."""

    removal: Checked
    said: str
    changes_at: datetime | None
    urgent: bool


def tubes_needed(db: Database, looks_of: Mapping[str, Sequence[Checked]], at: datetime,
                 lang: Lang) -> dict[str, TubeNeeded]:
    """Of these patients' charts (`charts`), each whose nasogastric tube is charted out with none in
    since (`tube_out`: not one of a stay that ended, nor once a tube or a PEG is charted in) while
    they still have, at `at`, an order running by the tube (domain.devices.by_tube), a feed charted
    through a tube on the fluid chart (`ENTERAL`) while the tube taken out was in (`_in_since`) or
    since, or the admission's diet fed by tube (`TUBE_FED`), by patient id. A tube taken out as no
    longer needed (`NO_LONGER_NEEDED`) counts the feeds since alone, not the diet nor the feeds
    before: a weaned patient was asked for a tube until discharge. Each dose by the tube asked
    whether its position is confirmed, but nothing said, before the dose fell due, that there was
    no tube to give it by: the nurse taking over met the 08:00 lansoprazole with the doctor asleep
    and nothing to give it through. Said: the earliest dose by NG due since the tube came out with
    nothing recorded, and the next to come (at or after `at`, when the list is read again): an
    unrecorded dose of the morning, before the tube came out, hid the evening's, the one with no
    tube. A tube out with neither says nothing."""
    out = {patient_id: one for patient_id, looks in looks_of.items() if (one := tube_out(looks)) is not None}
    if not out:
        return {}
    # Which reads the line chart through records, which checks the looks here.
    from downtime.services import fluid_balance, medication

    first_day = min(one.checked_at.astimezone(at.tzinfo).date() for one in out.values())
    grids = medication.mar_grids(db, list(out), first_day, (at.date() - first_day).days + 2, at)
    diets = medication.recorded_diets(db, list(out))
    found = {}
    for patient_id, removal in out.items():
        gone = elapsed.instant(removal.checked_at)
        weaned = removal.record.data.get("removed_why") == NO_LONGER_NEEDED
        fed_from = gone if weaned else elapsed.instant(_in_since(looks_of[patient_id], removal))
        rows = [row for row in grids.get(patient_id, []) if row.stay_ended is None and by_tube(row.order.route)]
        open_doses = sorted(((cell.slot, row.order) for row in rows for cell in row.cells if cell.state in OPEN_DOSE
                             and elapsed.instant(cell.slot) >= gone), key=lambda pair: elapsed.instant(pair[0]))
        late = next((slot for slot, _ in open_doses if not elapsed.reached(at, slot)), None)
        coming = next((slot for slot, _ in open_doses if elapsed.reached(at, slot)), None)
        running = [row.order for row in rows if row.order.active_at(at)]
        feeds = [one.measure.at for one in fluid_balance.measures(db, patient_id) if one.measure.route == ENTERAL
                 and elapsed.instant(one.measure.at) >= fed_from]
        feeding = [*([WORDS["tube_fed"][lang]] if not weaned and TUBE_FED in diets.get(patient_id, []) else []),
                   *([WORDS["fed"][lang].format(time=ward_time(max(feeds, key=elapsed.instant), at.tzinfo))]
                     if feeds else [])]
        doses = [WORDS[words][lang].format(time=ward_time(slot, at.tzinfo), drugs=_drugs(
            order for moment, order in open_doses if elapsed.instant(moment) == elapsed.instant(slot)))
            for words, slot in (("dose_late", late), ("next_dose", coming)) if slot is not None]
        if not doses and running:
            doses = [WORDS["by_tube"][lang].format(drugs=_drugs(running))]
        urgent = late is not None or coming is not None or bool(feeding)
        if needs := [*doses, *feeding]:
            found[patient_id] = TubeNeeded(removal, WORDS["tube_out" if urgent else "tube_out_review"][lang].format(
                time=ward_time(removal.checked_at, at.tzinfo), needs=semicolon(lang).join(needs)), coming, urgent)
    return found


def _drugs(orders: Iterable[Order]) -> str:
    """The orders' medicines, each once, as the order names it (its spaces tidied)."""
    return ", ".join(dict.fromkeys(" ".join(order.drug.split()) for order in orders))


def _in_since(looks: Sequence[Checked], removal: Checked) -> datetime:
    """When the tube `removal` took out was put in: as charted, else its first look since a tube
    of its place was last taken out (one the patient came in with, first charted at a check)."""
    if removal.inserted_at is not None:
        return removal.inserted_at
    first = removal.checked_at
    for one in looks:
        if one is removal:
            break
        if one.key == removal.key:
            first = removal.checked_at if one.taken_out else min(first, one.checked_at, key=elapsed.instant)
    return first


def tube_to_confirm(looks: Sequence[Checked], at: datetime) -> Checked | None:
    """The latest look at a nasogastric tube in (`tubes_in`) leaving its position to confirm before
    a use at `at` (`Checked.to_confirm`), else the removal of the latest tube with none charted in
    since (`tube_out`); None when neither."""
    return next((one for one in tubes_in(looks) if one.to_confirm(at)), None) or tube_out(looks)


def tubes_to_confirm(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, Checked]:
    """The latest look at each of these patients' nasogastric tube in leaving its position to
    confirm at `at`, or the removal of their latest tube with none charted in since
    (`tube_to_confirm`), by patient id: what each running order by the tube
    (domain.devices.by_tube) says on the round and the printed MAR (`Checked.position_flag`), as a
    failed swallow screen's "NOT BY MOUTH" is said: the line chart and the handover said "do not use
    it", and the round listed the levodopa by NG "Due now" with empty flags."""
    return {patient_id: one for patient_id, looks in charts(db, patient_ids).items()
            if (one := tube_to_confirm(looks, at)) is not None}


def tube_said(db: Database, patient_id: str, at: datetime, lang: Lang) -> str:
    """What the dose dialog of an order by nasogastric tube says of the patient's tube at `at`:
    its position to confirm (`Checked.position_flag`), or that no nasogastric tube in is charted
    (`WORDS["not_charted"]`: said, not asked at Save: the chart may be incomplete, a tube the patient came
    in with never charted); with another device charted in of no kind listed (a PEG, a jejunostomy
    are charted "Other"), that none is, naming those (`WORDS["not_charted_but"]`), no aspirate to
    test: the medicines of a patient fed by a gastrostomy are written "NG", as they may be, the
    order form having no other tube, and each of their doses told to check a pH. A tube charted taken
    out, none charted in since, says so (`tube_out`). "" once its position is confirmed."""
    looks = _charted_by(db, patient_id, at)
    if (one := tube_to_confirm(looks, at)) is not None:
        return one.position_flag(at, lang)
    if not tubes_in(looks):
        others = [WORDS["called"][lang].format(device=one.named, site=one.site) if one.named else one.site
                  for one in still_open(looks) if one.record.data["device"] == OTHER]
        return WORDS["not_charted_but"][lang].format(others=semicolon(lang).join(others)) if others \
            else WORDS["not_charted"][lang].format(ph=decimal_text(PH_AT_MOST, lang))
    return ""


GIVEN_BY_UNCONFIRMED_TUBE = QT_TRANSLATE_NOOP(
    "messages", "{drug} is recorded given by nasogastric tube at {time}, and {tube}: through a misplaced tube it goes "
                "into the lungs. Confirm the position now (aspirate pH {ph} or below, or an X-ray read by a doctor) "
                "and chart it on the Lines and catheters tab; if it was confirmed before this dose, say how in the "
                "reason.")
TUBE_NOT_CONFIRMED = QT_TRANSLATE_NOOP(
    "messages", "the tube's position is not confirmed on the line chart ({site}, checked {checked})")
TUBE_OF_ENDED_STAY = QT_TRANSLATE_NOOP(
    "messages", "the tube was charted in during the stay that ended {ended}, its position not charted since ({site})")
TUBE_CHARTED_OUT = QT_TRANSLATE_NOOP(
    "messages", "the tube is charted taken out at {checked} ({site}) and none is charted in since")
TUBE_CHECK_OVERDUE = QT_TRANSLATE_NOOP(
    "messages", "the tube's position check is overdue on the line chart ({site}, checked {checked}, due {due})")


PAPER_DOSE_BY_UNCONFIRMED_TUBE = QT_TRANSLATE_NOOP(
    "messages", "{drug} is recorded given from the paper chart by nasogastric tube at {time}, and {tube}: given "
                "already through a tube whose position was not charted as confirmed. Report it as an incident and tell "
                "the doctor now (through a misplaced tube it goes into the lungs: watch for aspiration).")


PAPER_DOSE_TOLD = QT_TRANSLATE_NOOP("messages", "Given by an NG tube not charted as confirmed")
"""The title `paper_dose_said` is told under."""


def _by_tube_to_confirm(db: Database, found: Order, values: Mapping[str, Any]) -> dict[str, Any] | None:
    """What says a dose of `found` recorded given by nasogastric tube (the dose's route, else its
    order's: domain.devices.by_tube) went through a tube whose position was to confirm at its time,
    as the chart stood then (`tube_to_confirm`): the drug, the time, the tube (`TUBE_…`); None when
    it did not, or was not given."""
    if values.get("outcome") != Outcome.GIVEN.value or not by_tube(str(values.get("route") or found.route)):
        return None
    at = datetime.fromisoformat(values["given_at"])
    one = tube_to_confirm(_charted_by(db, found.patient_id, at), at)
    if one is None:
        return None
    checked = written_when(one.checked_at, at, at.tzinfo)
    tube = (Phrase(TUBE_CHARTED_OUT, {"checked": checked, "site": one.site}) if one.taken_out else
            Phrase(TUBE_OF_ENDED_STAY, {"ended": one.ended(at), "site": one.site}) if one.asked else
            Phrase(TUBE_NOT_CONFIRMED, {"site": one.site, "checked": checked}) if one.unconfirmed or one.due_at is None
            else Phrase(TUBE_CHECK_OVERDUE, {"site": one.site, "checked": checked,
                                             "due": written_when(one.due_at, at, at.tzinfo)}))
    return {"drug": " ".join(found.drug.split()), "time": written_when(at, at, at.tzinfo), "tube": tube,
            "ph": Number(PH_AT_MOST)}


def dose_warnings(session: Session, found: Order, values: Mapping[str, Any]) -> list[Warning]:
    """A dose of `found` recorded given by nasogastric tube while the tube was to confirm at its
    time (`_by_tube_to_confirm`: not confirmed, its check overdue by the chart's own next check,
    charted in during a stay that ended, or charted taken out with none in since): asked, the nurse
    overriding with a reason (how it was confirmed, its check not charted yet), as a dose by mouth
    over a failed swallow screen is: the line chart and the handover said "do not use it", and the
    dose was saved without a word. NPSA/2011/PSA002 has the position checked before each use; the
    app cannot see a check made at the bedside and not charted, nor measure "each use": it asks only
    while the chart itself says the position is to confirm. No tube charted in is said by the
    dialog (`tube_said`), not asked. Not asked of a dose typed from the paper chart (given already:
    `paper_dose_said` tells what to do), nor of one not given, as the swallow screen's."""
    # Which writes through records, which checks the looks here.
    from downtime.services.medication import TRANSCRIBED

    said = None if values.get(TRANSCRIBED) else _by_tube_to_confirm(session.db, found, values)
    return [] if said is None else [Warning(Check.NG_POSITION, GIVEN_BY_UNCONFIRMED_TUBE, said)]


def paper_dose_said(session: Session, order_id: str, values: Mapping[str, Any], lang: Lang) -> str:
    """What a dose typed from the paper chart (`TRANSCRIBED`) given by nasogastric tube while the
    tube was to confirm at its time (`_by_tube_to_confirm`) tells the nurse once saved: given
    already, nothing to ask (`dose_warnings` asks none), it was saved without a word; a dose
    through a tube whose position nobody charted is reported as an incident (a misplaced tube is a
    Never Event: NPSA/2011/PSA002) and the doctor told, to look for aspiration. "" for any other."""
    # Which writes through records, which checks the looks here.
    from downtime.services.medication import TRANSCRIBED, order

    said = _by_tube_to_confirm(session.db, order(session.db, order_id), values) if values.get(TRANSCRIBED) else None
    return "" if said is None else message(lang, PAPER_DOSE_BY_UNCONFIRMED_TUBE, **said)


def feed_asks(db: Database, patient_id: str, data: Mapping[str, Any], now: datetime, lang: Lang) -> str | None:
    """What a feed charted in by an enteral tube (`ENTERAL`, the fluid chart's way in) asks while
    the patient's nasogastric tube in leaves its position to confirm (`tube_to_confirm`) both at the
    feed's time and `now`, when it is charted: the fluid chart charted a feed through it without a
    word. None while no nasogastric tube is charted in (a gastrostomy, a PEG, is not checked by pH:
    its feed is not asked), or its position is confirmed; and None once confirmed since the feed
    (the 12:00 feed charted at 14:00, the tube confirmed at 13:30, was told to stop the feed and
    confirm now). Asked, not refused: the feed went in, and its volume is charted all the same."""
    if data.get("route") != ENTERAL or not data.get("measured_at"):
        return None
    at = datetime.fromisoformat(data["measured_at"])
    if tube_to_confirm(_charted_by(db, patient_id, at), at) is None:
        return None
    one = tube_to_confirm(_charted_by(db, patient_id, now), now)
    return None if one is None else WORDS["feed_unconfirmed"][lang].format(said=one.position_flag(now, lang))
