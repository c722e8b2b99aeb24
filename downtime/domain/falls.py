"""What a fall on the ward asks until it is done, as the NPSA's "Essential care after an
inpatient fall" (Rapid Response Report 2011) and NICE QS86 say: a patient with signs of a
fracture or spinal injury is not got up before a doctor has examined them (lifted flat if they
must be moved); a possible head injury in a patient on an anticoagulant is told to the doctor at
once (NICE NG232: a CT scan of the head within 8 hours); neuro obs (a GCS set) start at once when
a head injury cannot be excluded; a set of observations is taken; and every patient who falls is
examined by a doctor. Each is asked from the fall on until a record shows it done: a set taken at
or after the fall, the doctor's examination recorded on the fall. The CT head of a patient on an
anticoagulant is asked after the examination too, with the 8 hours' deadline, until the fall
records it done or not needed (form version 3): once the doctor had come, it was forgotten. An
anticoagulant stopped shortly before the fall still counts (domain.medication.anticoagulated_at).

After a possible head injury, neuro obs keep NICE's pace for a day (`neuro_interval`): one set
of any interval silenced the fall, and a set of GCS 14 saying "next in 4 hours" was accepted. The
pace counts from the patient's return to their usual GCS, when the fall records one below 15: a
patient with dementia whose usual GCS is 13 never reached 15, and was asked a set every half hour
for a day. In that day a set also says when NICE asks a CT head within 1 hour (`head_ct`): a GCS of
12 or less, not back to the usual GCS 2 hours after the fall, or a limb newly weaker (a focal
deficit); not once the fall records the CT head done before the set.

A patient found on the floor may have fallen any time since last seen well (form version 5): NICE
counts the 8 hours to a CT head, and the GCS at 2 hours, from the injury (`Fall.injured_from`);
found more than 8 hours after it, the CT is due within 1 hour of being found, and the CT within 1
hour of a sign from when it is found, the found time (`Fall.counted`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.clock import ward_day, ward_time
from downtime.domain.gcs import INJURY_NAMED, LIMBS, Alarm, Flag, Gcs, limbs_named
from downtime.domain.medication import Anticoagulated
from downtime.i18n import Phrase

HEAD_INJURY_POSSIBLE = frozenset({"yes", "not_excluded"})
"""The form's head injury answers that call for neuro obs."""
GCS_FULL = 15


class Ask(StrEnum):
    """In the order they are said: the most urgent first."""

    NOT_TO_MOVE = "not_to_move"
    CT_SIGNS = "ct_signs"
    CHILD_ONE_FACTOR = "child_one_factor"
    ANTICOAGULANT = "anticoagulant"
    CT_AGED = "ct_aged"
    NEURO = "neuro"
    OBSERVATIONS = "observations"
    REVIEW = "review"
    CT = "ct"


URGENT = frozenset({Ask.NOT_TO_MOVE, Ask.CT_SIGNS, Ask.CHILD_ONE_FACTOR, Ask.ANTICOAGULANT, Ask.CT_AGED, Ask.NEURO})
"""The asks that need acting on now: the escalation list gives them first. Ranked on their words,
"do not get the patient up" and "start neuro obs now" went to the bed's place, below a routine
cannula check (chart_alerts.asks_a_doctor_now knows "doctor now" only)."""
ASKS: Mapping[Ask, Mapping[str, str]] = {
    Ask.NOT_TO_MOVE: {"en": "POSSIBLE FRACTURE OR SPINAL INJURY: do not get the patient up (lift them flat); "
                            "the doctor examines them first",
                      "fr": "FRACTURE OU LÉSION RACHIDIENNE POSSIBLE : ne pas faire lever le patient (le relever à "
                            "plat) ; le médecin l’examine d’abord"},
    Ask.ANTICOAGULANT: {"en": "ON AN ANTICOAGULANT WITH {injury}: tell the doctor now ({ct})",
                        "fr": "SOUS ANTICOAGULANT AVEC {injury} : prévenir le médecin maintenant ({ct})"},
    Ask.CT_SIGNS: {"en": "{signs} AFTER {injury}: tell the doctor now ({ct}, NICE)",
                   "fr": "{signs} APRÈS {injury} : prévenir le médecin maintenant ({ct}, NICE)"},
    Ask.CHILD_ONE_FACTOR: {"en": "{factor} AFTER {injury} (UNDER 16): tell the doctor now (NICE, "
                                 "child: observe for 4 hours at least; CT head within 1 hour with another risk factor, "
                                 "or if {then}, the GCS falls below 15 or drowsiness recurs)",
                           "fr": "{factor} APRÈS {injury} (MOINS DE 16 ANS) : prévenir le médecin maintenant (NICE, "
                                 "enfant : surveillance de 4 heures au moins ; scanner cérébral dans l’heure avec un "
                                 "autre facteur de risque, ou si {then}, si le Glasgow passe sous 15 ou si la "
                                 "somnolence revient)"},
    Ask.CT_AGED: {"en": "LOSS OF CONSCIOUSNESS OR AMNESIA AT 65 OR OVER WITH {injury}: tell the doctor now ({ct}, "
                        "NICE)",
                  "fr": "PERTE DE CONNAISSANCE OU AMNÉSIE À 65 ANS OU PLUS AVEC {injury} : prévenir le médecin "
                        "maintenant ({ct}, NICE)"},
    Ask.NEURO: {"en": "HEAD INJURY NOT EXCLUDED: start neuro obs (GCS) now",
                "fr": "TRAUMATISME CRÂNIEN NON EXCLU : commencer la surveillance neurologique (Glasgow) maintenant"},
    Ask.OBSERVATIONS: {"en": "NO OBSERVATIONS SINCE THE FALL: take a set now",
                       "fr": "PAS DE CONSTANTES DEPUIS LA CHUTE : prendre les constantes maintenant"},
    Ask.REVIEW: {"en": "NOT EXAMINED BY A DOCTOR since the fall: ask for a medical review",
                 "fr": "PAS EXAMINÉ PAR UN MÉDECIN depuis la chute : demander un examen médical"},
    Ask.CT: {"en": "CT HEAD NOT RECORDED DONE: due by {due} ({why})",
             "fr": "SCANNER CÉRÉBRAL NON NOTÉ FAIT : à faire avant le {due} ({why})"},
}
HEAD_INJURY_NEURO = {"en": "HEAD INJURY: start neuro obs (GCS) now",
                     "fr": "TRAUMATISME CRÂNIEN : commencer la surveillance neurologique (Glasgow) maintenant"}
"""The neuro ask of a fall whose head injury is recorded Yes: "HEAD INJURY NOT EXCLUDED" was said
of a head injury seen."""
NOT_DONE: Mapping[str, Mapping[str, str]] = {
    "examined": {"en": "not examined by a doctor in hospital", "fr": "non examiné par un médecin à l’hôpital"},
    "ct": {"en": "CT head not done", "fr": "scanner cérébral non fait"},
    "neuro": {"en": "no neurological observations", "fr": "pas de surveillance neurologique"},
    "observations": {"en": "no observations after the fall", "fr": "pas de constantes après la chute"}}
"""What a fall's asks say on a letter handing the patient on, in this order: the facts, not the
ward's "now"."""
NOT_DONE_BY: Mapping[Ask, tuple[str, ...]] = {
    Ask.NOT_TO_MOVE: ("examined",), Ask.CT_SIGNS: ("examined", "ct"), Ask.CHILD_ONE_FACTOR: ("examined",),
    Ask.ANTICOAGULANT: ("examined", "ct"),
    Ask.CT_AGED: ("examined", "ct"), Ask.NEURO: ("neuro",),
    Ask.OBSERVATIONS: ("observations",), Ask.REVIEW: ("examined",), Ask.CT: ("ct",)}
"""The care not done each ask says (`NOT_DONE`)."""
CT_REQUESTED = {"en": "CT HEAD REQUESTED {time}, NOT RECORDED DONE: due by {due} ({why})",
                "fr": "SCANNER CÉRÉBRAL DEMANDÉ le {time}, NON NOTÉ FAIT : à faire avant le {due} ({why})"}
"""The CT ask once the fall records the CT requested: when, as the fall says it."""
CT_BEFORE = {"en": "CT HEAD RECORDED DONE {time}, BEFORE THE FALL: check its time; due by {due} ({why})",
             "fr": "SCANNER CÉRÉBRAL NOTÉ FAIT le {time}, AVANT LA CHUTE : vérifier l’heure ; à faire avant le {due} "
                   "({why})"}
"""The CT ask once the fall records the CT done at a time before it (`Fall.ct_done_before`): "CT
HEAD NOT RECORDED DONE" told the nurse who had recorded it that she had not, and nothing pointed
at the time typed."""
CT_WITHIN = timedelta(hours=8)
"""A possible head injury on an anticoagulant, or at 65 or over with a loss of consciousness or
amnesia: CT head within this of the injury (NICE NG232; `Fall.due`)."""
CT_SOON = timedelta(hours=1)
"""A possible head injury with one of `SIGNS`: CT head within this of the sign found (NICE NG232; `Fall.due`)."""
AGED = 65
"""From this age a loss of consciousness or amnesia after a head injury asks a CT head (NICE NG232)."""
SIGNS: Mapping[str, Mapping[str, str]] = {
    "vomited": {"en": "vomited more than once", "fr": "plus d’un vomissement"},
    "seizure": {"en": "seizure", "fr": "crise convulsive"},
    "skull_fracture": {"en": "signs of a skull fracture", "fr": "signes de fracture du crâne"}}
"""The signs after a head injury that ask a CT head within 1 hour (NICE NG232; form version 4)."""
CHILD_SIGNS: Mapping[str, Mapping[str, str]] = {
    "vomited": {"en": "vomited 3 times or more", "fr": "3 vomissements ou plus"}}
"""The signs as NICE counts them under 16 (NG232 1.4.11), where they differ from `SIGNS`."""
CHILD_UNDER = 16
"""Under this age NICE's rules for children apply (NG232 1.4.9-1.4.12)."""
CHILD_FACTORS: Mapping[str, Mapping[str, tuple[str, str]]] = {
    "vomited": {"en": ("VOMITED 3 TIMES OR MORE", "the vomiting recurs"),
                "fr": ("3 VOMISSEMENTS OU PLUS", "les vomissements reprennent")},
    "lost_consciousness": {"en": ("LOSS OF CONSCIOUSNESS OR AMNESIA", "the child vomits"),
                           "fr": ("PERTE DE CONNAISSANCE OU AMNÉSIE", "l’enfant vomit")}}
"""A child's one risk factor of NICE's for a CT head (NG232 1.4.11), as its ask names it, and what
would then ask the CT within 1 hour (1.4.12)."""
WHY: Mapping[str, Mapping[str, str]] = {
    "signs": {"en": "{after}: {signs}", "fr": "{after} : {signs}"},
    "anticoagulant": {"en": "{after}, on an anticoagulant", "fr": "{after}, sous anticoagulant"},
    "aged": {"en": "{after}, 65 or over with loss of consciousness or amnesia",
             "fr": "{after}, 65 ans ou plus avec perte de connaissance ou amnésie"}}
"""Why the CT head is asked, as its ask says it once a doctor has examined the patient, after what
its deadline counts from (`COUNTED`)."""
CHARTED_ANTICOAGULANT = {
    "en": "ON AN ANTICOAGULANT ({drugs} on the medication chart) WITH {injury}: tell the doctor now ({ct})",
    "fr": "SOUS ANTICOAGULANT ({drugs} sur le plan d’administration) AVEC {injury} : prévenir le médecin "
          "maintenant ({ct})"}
"""The anticoagulant ask when the medication chart says it: the nurse who answered "No" on the
fall reads why it is asked all the same."""
COUNTED: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "fall_8": {"within": {"en": "CT head within 8 hours", "fr": "scanner cérébral dans les 8 heures"},
               "after": {"en": "8 hours after the fall", "fr": "8 heures après la chute"}},
    "fall_1": {"within": {"en": "CT head within 1 hour", "fr": "scanner cérébral dans l’heure"},
               "after": {"en": "1 hour after the fall", "fr": "1 heure après la chute"}},
    "seen_well": {"within": {"en": "CT head within 8 hours of last seen well {seen}",
                             "fr": "scanner cérébral dans les 8 heures suivant le dernier constat d’état "
                                   "habituel ({seen})"},
                  "after": {"en": "8 hours after last seen well {seen}",
                            "fr": "8 heures après le dernier constat d’état habituel ({seen})"}},
    "found_late": {"within": {"en": "CT head within 1 hour of being found, more than 8 hours after last seen well "
                                    "{seen}",
                              "fr": "scanner cérébral dans l’heure suivant la découverte, plus de 8 heures après le "
                                    "dernier constat d’état habituel ({seen})"},
                   "after": {"en": "1 hour after being found, more than 8 hours after last seen well {seen}",
                             "fr": "1 heure après la découverte, plus de 8 heures après le dernier constat d’état "
                                   "habituel ({seen})"}}}
"""A CT head's deadline by what it counts from (`Fall.counted`), as asked before a doctor has
examined the patient ("within") and once past or with its reason ("after"): a patient found at
06:30, last seen well at 22:00, read "CT HEAD DUE BY 29/11 06:00, 8 hours after the fall — PASSED"
the moment she was found. The French says "le dernier constat d’état habituel": "la dernière fois
vu en bon état" was not French, and its "vu" a man's whoever was found."""
COUNTED_SPAN: Mapping[str, timedelta] = {"fall_8": CT_WITHIN, "fall_1": CT_SOON, "seen_well": CT_WITHIN,
                                         "found_late": CT_SOON}
"""How long after what it counts from (`COUNTED`) a CT head is due."""
CT_DUE = {"due": {"en": "{within}: by {due}", "fr": "{within} : avant le {due}"},
          "passed": {"en": "CT HEAD DUE BY {due}, {after} — PASSED", "fr": "SCANNER CÉRÉBRAL À FAIRE AVANT LE {due}, "
                                                                         "{after} — DÉPASSÉ"}}
"""The CT head of an ask before a doctor has examined the patient, with its deadline: "within 8
hours" alone was said the same at 10:30 as at 02:05, the deadline told only once a doctor had come
(`Ask.CT`)."""
PASSED = {"en": "{due} — PASSED", "fr": "{due} — DÉPASSÉ"}
"""The CT head ask's deadline once it has passed."""
AND = {"en": " and ", "fr": " et "}
UNTIL = {"en": "{drug} until {time}", "fr": "{drug} jusqu’au {time}"}
"""An anticoagulant stopped before the fall that still counts, and when it was stopped."""


@dataclass(frozen=True)
class Fall:
    """A fall as its record says it: `reviewed_at` None until the doctor's examination is recorded."""

    fell_at: datetime
    head_injury: str
    anticoagulated: bool
    fracture_suspected: bool
    reviewed_at: datetime | None

    found: bool = False
    """Found on the floor, not seen to fall: a head injury cannot be excluded, whatever the
    answer (the patient cannot always say, and NICE's head injury advice counts an unwitnessed
    fall as one)."""

    anticoagulants: tuple[Anticoagulated, ...] = ()
    """The anticoagulants the medication chart had in force at the fall, or stopped shortly before
    it (`domain.medication.anticoagulated_at`): an apixaban order, the fall's box left "No", asked
    no scan."""

    usual_gcs: int | None = None
    """The patient's usual GCS before the fall, as the fall records it (None when it does not, a
    fall of the form's version 1 among them: 15 is counted)."""

    born: date | None = None
    """The patient's date of birth (None when not known): at 65 or over, a loss of consciousness or
    amnesia asks a CT head (`aged`)."""

    lost_consciousness: str | None = None
    """Loss of consciousness or amnesia since the fall (yes, no, not_known; None unanswered, and on a
    fall of the form's versions 1 to 3)."""
    ct_signs: tuple[str, ...] = ()
    """NICE's signs for a CT head within 1 hour the fall records (codes of `SIGNS`; none on a fall
    of the form's versions 1 to 3): see `signs`."""

    weak_before: bool = False
    """Limb weakness known before the fall (an old stroke): of a fall that does not say which limbs
    (`weak_limbs`: version 4's Yes), one side weaker at the first neuro set is asked to be checked
    against it (`head_ct`)."""
    weak_limbs: tuple[str, ...] = ()
    """The limbs weak before the fall, as it records them (codes of domain.gcs.LIMBS, in their
    order; form version 5, which asks them of a Yes to `weak_before`, and the paper form alone:
    none on a fall of versions 1 to 4, whose Yes names no limbs)."""

    last_seen_well_at: datetime | None = None
    """When a patient found on the floor was last seen well (form version 5; None when not
    recorded): the injury may have been any time since (`injured_from`)."""

    ct_head: str | None = None
    """The fall's CT head answer (not_needed, requested, done; None unanswered, and on a fall of
    the form's version 1 or 2), and when it was requested or done (`ct_head_at`)."""
    ct_head_at: datetime | None = None

    def _ct_at(self, answer: str) -> datetime | None:
        """When the CT head was requested or done (`answer`), once the fall records it so at or after
        the fall: a CT dated before it (the admission's scan of the day before, taken from the notes)
        saw nothing of this injury, and silenced every CT the fall and its neuro sets asked."""
        at = self.ct_head_at
        if self.ct_head != answer or at is None or elapsed.instant(at) < elapsed.instant(self.fell_at):
            return None
        return at

    @property
    def ct_done_at(self) -> datetime | None:
        """When the CT head was done, once the fall records it done since the fall (`_ct_at`)."""
        return self._ct_at("done")

    @property
    def ct_requested_at(self) -> datetime | None:
        """When the CT head was requested, once the fall records it requested since the fall."""
        return self._ct_at("requested")

    @property
    def ct_done_before(self) -> datetime | None:
        """When the fall records the CT head done, once that is before the fall (06:00 typed for
        16:00): not counted done (`ct_done_at`), said to be checked."""
        at = self.ct_head_at
        return at if self.ct_head == "done" and at is not None and self.ct_done_at is None else None

    @property
    def ct_answered(self) -> bool:
        """The CT head recorded not needed, or done since the fall: its ask ends."""
        return self.ct_head == "not_needed" or self.ct_done_at is not None

    def answered_since(self, at: datetime) -> bool:
        """The doctor's examination or the CT head recorded at or after `at`: either answers what a
        set taken then asked of the fall's CT head (`head_ct`)."""
        done = self.ct_done_at
        return self.examined_since(at) or (done is not None and elapsed.instant(done) >= elapsed.instant(at))

    @property
    def noted_signs(self) -> list[str]:
        """NICE's signs for a CT head the fall records (`SIGNS`), after a possible head injury."""
        return [sign for sign in SIGNS if sign in self.ct_signs] if self.head_injury_possible else []

    @property
    def child(self) -> bool:
        """Under 16 at the fall (`CHILD_UNDER`), as the patient's date of birth says (an adult when
        not known)."""
        return self.born is not None and age_in_years(self.born, ward_day(self.fell_at)) < CHILD_UNDER

    @property
    def ct_now_at(self) -> int:
        """The GCS from which down a set asks a CT head within 1 hour, at the patient's age at the
        fall: a child's 13 of 15, a baby's 14, where a child with a GCS of 13 after a head injury
        was asked nothing at once, by the adult's 12."""
        if not self.child:
            return CT_NOW_AT
        baby = self.born is not None and age_in_years(self.born, ward_day(self.fell_at)) < 1
        return BABY_CT_NOW_AT if baby else CHILD_CT_NOW_AT

    @property
    def child_one_factor(self) -> str | None:
        """A child's one risk factor of NICE's for a CT head after a possible head injury, when the
        fall records that one alone (`CHILD_FACTORS`: NG232 1.4.11, observed for 4 hours, not
        scanned within 1 hour; with another, scanned): a 6-year-old who vomited twice was asked the
        adult's CT head within 1 hour, and one who lost consciousness was asked nothing of a doctor
        now."""
        if not self.child or not self.head_injury_possible:
            return None
        vomited, unconscious = self.noted_signs == ["vomited"], self.lost_consciousness == "yes"
        if vomited != unconscious and (vomited or not self.noted_signs):
            return "vomited" if vomited else "lost_consciousness"
        return None

    @property
    def signs(self) -> list[str]:
        """The signs the fall records that ask a CT head within 1 hour (`noted_signs`): a child's
        vomiting only with another risk factor (`child_one_factor`)."""
        return [] if self.child_one_factor == "vomited" else self.noted_signs

    def sign_words(self, sign: str, lang: str) -> str:
        """A sign the fall records, in words, as NICE counts it at the patient's age: a child's
        vomiting is "3 times or more" (`CHILD_SIGNS`)."""
        return (CHILD_SIGNS if self.child else {}).get(sign, SIGNS[sign])[lang]

    @property
    def aged(self) -> bool:
        """65 or over at the fall with a loss of consciousness or amnesia since a possible head injury."""
        return (self.head_injury_possible and self.lost_consciousness == "yes" and self.born is not None
                and age_in_years(self.born, ward_day(self.fell_at)) >= AGED)

    @property
    def ct_why(self) -> str | None:
        """Why the fall asks a CT head (`WHY`), the soonest due first: None when it asks none."""
        if self.signs:
            return "signs"
        if self.head_injury_possible and self.on_anticoagulant:
            return "anticoagulant"
        return "aged" if self.aged else None

    @property
    def ct_within(self) -> timedelta:
        """How soon the fall's CT head is asked (NICE NG232): within 1 hour with one of `SIGNS`, else 8."""
        return CT_SOON if self.signs else CT_WITHIN

    @property
    def ct_due(self) -> datetime:
        """When the fall's CT head is due (`ct_within`, `due`)."""
        return self.due(self.ct_within)

    @property
    def injured_from(self) -> datetime:
        """The earliest the injury may have been: when the patient found on the floor was last seen
        well, when the fall records it (the form refuses one after the found time), else the fall's
        time. NICE NG232 counts from the injury the 8 hours to a CT head and the GCS at 2 hours:
        counted from 06:00, the time found, a patient last seen well at 02:00 was asked the scan by
        14:00."""
        return self.last_seen_well_at or self.fell_at

    def counted(self, within: timedelta) -> str:
        """What a CT head asked `within` (`CT_WITHIN`, `CT_SOON`) counts from (a key of `COUNTED`),
        NICE NG232: 8 hours from the injury (`injured_from`), or 1 hour from being found when that
        was more than 8 hours after it ("within the hour in someone presenting more than 8 hours
        after the injury": counted from last seen well, it had passed before anyone could act); 1
        hour from the time found, when its sign was ("within 1 hour of the risk factor being
        identified"). Found 7 to 8 hours after last seen well, the injury may be as old, and its 8
        hours are what is left of them, under an hour: NICE gives the hour only past the 8 hours, and
        the ask says "tell the doctor now" from the moment the fall is recorded. Found 8 hours to the
        minute after, the hour is given (the 8 hours counted, it read PASSED as it was recorded)."""
        if within == CT_SOON:
            return "fall_1"
        if self.last_seen_well_at is None:
            return "fall_8"
        return "found_late" if elapsed.between(self.last_seen_well_at, self.fell_at) >= CT_WITHIN else "seen_well"

    def due(self, within: timedelta) -> datetime:
        """When a CT head asked `within` is due, from what it counts from (`counted`)."""
        counted = self.counted(within)
        return elapsed.later(self.injured_from if counted == "seen_well" else self.fell_at, COUNTED_SPAN[counted])

    def counted_words(self, within: timedelta, part: str, lang: str, zone: tzinfo | None = None) -> str:
        """A CT head's deadline asked `within` by what it counts from, in words (`COUNTED`, `part`
        "within" or "after"), the last seen well time on the clock of `zone`."""
        seen = ward_time(self.last_seen_well_at, zone) if self.last_seen_well_at is not None else ""
        return COUNTED[self.counted(within)][part][lang].format(seen=seen)

    def weak_limbs_named(self, lang: str) -> str:
        """The limbs weak before the fall, in words: "left arm and left leg"."""
        return limbs_named(self.weak_limbs)[lang]

    @property
    def usual(self) -> int:
        """The GCS the patient is back to after it: their usual one, else 15."""
        return self.usual_gcs or GCS_FULL

    def examined_since(self, at: datetime) -> bool:
        """The doctor's examination recorded at or after `at`: it answers what a set taken then
        asked of the fall (`head_ct`)."""
        return self.reviewed_at is not None and elapsed.instant(self.reviewed_at) >= elapsed.instant(at)

    @property
    def on_anticoagulant(self) -> bool:
        """On an anticoagulant as the fall's answer or the medication chart says."""
        return self.anticoagulated or bool(self.anticoagulants)

    @property
    def head_injury_seen(self) -> bool:
        """Whether the fall records a head injury (Yes), not one only not excluded."""
        return self.head_injury == "yes"

    @property
    def head_injury_possible(self) -> bool:
        return self.head_injury in HEAD_INJURY_POSSIBLE or self.found

    @property
    def injury_named(self) -> dict[str, Phrase]:
        """The head injury its alarms, its asks and its anticoagulant's dose name, as values of their
        words (domain.gcs.INJURY_NAMED, by `head_injury_seen`)."""
        return {"injury": Phrase(INJURY_NAMED[self.head_injury_seen])}

    @property
    def examined(self) -> bool:
        """The doctor's examination recorded, at or after the fall (one dated before it was a
        typing slip that silenced the fall's most urgent asks)."""
        return self.reviewed_at is not None and elapsed.instant(self.reviewed_at) >= elapsed.instant(self.fell_at)


def fall_of(data: Mapping[str, Any]) -> Fall:
    """The fall a fall's answers say (the chart's anticoagulants and the patient's birth date apart:
    see `Fall.anticoagulants`, `Fall.born`); a fall of the form's versions 1 to 3 records none of
    NICE's other signs for a CT head, and of versions 1 to 4 the limbs weak before it and when a
    patient found was last seen well. Limbs beside a weakness known before answered No are not
    read: they silenced the new one-sided weakness of those limbs, the answer saying there was none
    (the paper form, which asks the limbs alone, leaves it unanswered)."""
    reviewed, ct_at, seen = data.get("reviewed_at"), data.get("ct_head_at"), data.get("last_seen_well_at")
    limbs = () if data.get("weak_before") is False else data.get("weak_limbs") or ()
    return Fall(datetime.fromisoformat(data["fell_at"]), data["head_injury"], data["anticoagulated"],
                data["fracture_signs"] == "suspected", datetime.fromisoformat(reviewed) if reviewed else None,
                data["witnessed"] == "found", usual_gcs=data.get("usual_gcs"),
                lost_consciousness=data.get("lost_consciousness"), ct_signs=tuple(data.get("ct_signs") or ()),
                weak_before=data.get("weak_before") is True,
                weak_limbs=tuple(limb for limb in LIMBS if limb in limbs),
                last_seen_well_at=datetime.fromisoformat(seen) if seen else None, ct_head=data.get("ct_head"),
                ct_head_at=datetime.fromisoformat(ct_at) if ct_at else None)


def _since(fall: Fall, taken: list[datetime]) -> bool:
    """Whether one of the sets `taken` was taken at or after the fall."""
    return any(elapsed.instant(at) >= elapsed.instant(fall.fell_at) for at in taken)


WITHIN: Mapping[Ask, timedelta] = {Ask.CT_SIGNS: CT_SOON, Ask.ANTICOAGULANT: CT_WITHIN, Ask.CT_AGED: CT_WITHIN}
"""How soon the CT head each ask before the doctor's examination says is due (`Fall.due`)."""
TO_A_DOCTOR = frozenset({Ask.NOT_TO_MOVE, Ask.CT_SIGNS, Ask.CHILD_ONE_FACTOR, Ask.ANTICOAGULANT, Ask.CT_AGED})
"""The asks that ask the doctor's examination themselves: the fall's review is not asked beside them."""


def asks(fall: Fall, observations: list[datetime], neuro: list[datetime]) -> list[Ask]:
    """What the fall asks now, given when the patient's observation sets (NEWS2 or PEWS) and
    neuro sets were taken: the doctor's examination until it is recorded (said as what not to do
    before it, or whom to tell now, when either applies), neuro obs and a set of observations
    until one is taken since the fall; once the doctor told of the CT head (NICE's signs within 1
    hour, the anticoagulant, 65 or over with a loss of consciousness or amnesia) has examined the
    patient, the CT head until the fall records it done or not needed; a child's one risk factor
    alone, the doctor now, who observes 4 hours (`Fall.child_one_factor`). A CT head recorded done or
    not needed before the examination is recorded leaves the examination alone asked (the letter
    said "CT head done 14:00" and "CT head not done", the list "CT HEAD DUE BY 14:20 — PASSED")."""
    found = []
    ct_asked = not fall.examined and not fall.ct_answered
    if not fall.examined and fall.fracture_suspected:
        found.append(Ask.NOT_TO_MOVE)
    if ct_asked and fall.signs:
        found.append(Ask.CT_SIGNS)
    if ct_asked and fall.child_one_factor:
        found.append(Ask.CHILD_ONE_FACTOR)
    if ct_asked and fall.head_injury_possible and fall.on_anticoagulant:
        found.append(Ask.ANTICOAGULANT)
    if ct_asked and fall.ct_why == "aged":
        found.append(Ask.CT_AGED)
    if fall.head_injury_possible and not _since(fall, neuro):
        found.append(Ask.NEURO)
    if not _since(fall, observations):
        found.append(Ask.OBSERVATIONS)
    if not fall.examined and not TO_A_DOCTOR & set(found):
        found.append(Ask.REVIEW)
    if fall.examined and fall.ct_why is not None and not fall.ct_answered:
        found.append(Ask.CT)
    return found


def not_done(asked: Sequence[Ask], lang: str) -> list[str]:
    """The care after a fall that its asks (`asked`) say is not done, each once, in a letter's words:
    the letter said "Fell 28/11 13:20 (found on the floor, on an anticoagulant)" and nothing of the
    doctor's examination, the CT head and the neuro obs never done, as though the fall was dealt with."""
    keys = {key for ask in asked for key in NOT_DONE_BY[ask]}
    return [words[lang] for key, words in NOT_DONE.items() if key in keys]


def anticoagulants_named(fall: Fall, lang: str, zone: tzinfo | None) -> str:
    """The chart's anticoagulants at the fall, one stopped before it with when ("Warfarin until
    28/11 11:00"), its times on the clock of `zone`."""
    return AND[lang].join(one.drug if one.until is None else UNTIL[lang].format(
        drug=one.drug, time=ward_time(one.until, zone)) for one in fall.anticoagulants)


def said(ask: Ask, fall: Fall, lang: str, zone: tzinfo | None = None, at: datetime | None = None) -> str:
    """What `ask` of `fall` says at `at` (None: with no deadline passed), its times on the clock of
    `zone` (the laptop's when None): the anticoagulant ask names the chart's anticoagulants, when it
    has any, and both it and the CT head ask the CT's deadline (`ct_due`), said passed once `at`
    is past it; the CT head ask when it was requested once the fall says it; the neuro ask a head
    injury recorded Yes as one, not as one not excluded (`HEAD_INJURY_NEURO`), as do the asks to
    tell a doctor (`Fall.injury_named`, in capitals)."""
    if ask in WITHIN:
        deadline = fall.due(WITHIN[ask])
        ct = CT_DUE[_state(deadline, at)][lang].format(due=ward_time(deadline, zone),
                                                        within=fall.counted_words(WITHIN[ask], "within", lang, zone),
                                                        after=fall.counted_words(WITHIN[ask], "after", lang, zone))
        injury = fall.injury_named["injury"].text(lang).upper()
        if ask is Ask.CT_SIGNS:
            return ASKS[ask][lang].format(signs=_signs(fall, lang).upper(), ct=ct, injury=injury)
        if ask is Ask.ANTICOAGULANT and fall.anticoagulants:
            return CHARTED_ANTICOAGULANT[lang].format(drugs=anticoagulants_named(fall, lang, zone), ct=ct,
                                                      injury=injury)
        return ASKS[ask][lang].format(ct=ct, injury=injury)
    if ask is Ask.CT:
        due = ward_time(fall.ct_due, zone)
        due = PASSED[lang].format(due=due) if _state(fall.ct_due, at) == "passed" else due
        why = WHY[fall.ct_why or "anticoagulant"][lang].format(
            signs=_signs(fall, lang), after=fall.counted_words(fall.ct_within, "after", lang, zone))
        if (requested := fall.ct_requested_at) is not None:
            return CT_REQUESTED[lang].format(time=ward_time(requested, zone), due=due, why=why)
        if (before := fall.ct_done_before) is not None:
            return CT_BEFORE[lang].format(time=ward_time(before, zone), due=due, why=why)
        return ASKS[ask][lang].format(due=due, why=why)
    if ask is Ask.CHILD_ONE_FACTOR and (factor := fall.child_one_factor):
        named, then = CHILD_FACTORS[factor][lang]
        return ASKS[ask][lang].format(factor=named, then=then, injury=fall.injury_named["injury"].text(lang).upper())
    if ask is Ask.NEURO and fall.head_injury_seen:
        return HEAD_INJURY_NEURO[lang]
    return ASKS[ask][lang]


def deadline(ask: Ask, fall: Fall) -> datetime | None:
    """When the CT head `ask` of `fall` says is due, None for an ask of no CT head."""
    if ask is Ask.CT:
        return fall.ct_due
    return fall.due(WITHIN[ask]) if ask in WITHIN else None


def _state(deadline: datetime, at: datetime | None) -> str:
    """"passed" once `at` is at or past `deadline`, else "due" (`at` None: not passed)."""
    return "passed" if at is not None and elapsed.instant(at) >= elapsed.instant(deadline) else "due"


def _signs(fall: Fall, lang: str) -> str:
    """The fall's signs for a CT head within 1 hour, in words: "vomited more than once, seizure"."""
    return ", ".join(fall.sign_words(sign, lang) for sign in fall.signs)


NEURO_PACED_FOR = timedelta(hours=24)
"""How long after a fall with a possible head injury its neuro obs keep NICE's pace."""
UNTIL_FULL = timedelta(minutes=30)
NEURO_PACE = ((timedelta(hours=2), timedelta(minutes=30)), (timedelta(hours=6), timedelta(hours=1)))
"""NICE NG232 (CG176 1.8.2) from the first set of GCS 15, or of the patient's usual GCS: half-hourly
for 2 hours, then hourly for 4 hours; two-hourly after (`THEN`)."""
THEN = timedelta(hours=2)


def pacing_fall(falls: Sequence[Fall], at: datetime) -> Fall | None:
    """The fall with a possible head injury whose day a set taken at `at` is in: the latest at or
    before it, if within `NEURO_PACED_FOR` of it."""
    taken = elapsed.instant(at)
    pacing = max((fall for fall in falls if fall.head_injury_possible and elapsed.instant(fall.fell_at) <= taken),
                 key=lambda fall: elapsed.instant(fall.fell_at), default=None)
    if pacing is None or taken - elapsed.instant(pacing.fell_at) >= NEURO_PACED_FOR:
        return None
    return pacing


CT_NOW_AT = 12
"""A GCS this low or lower after a head injury: CT head within 1 hour (NICE NG232 1.4.7: under 13)."""
CHILD_CT_NOW_AT = 13
"""A child's (`Fall.child`): NICE NG232 1.4.10, under 14."""
BABY_CT_NOW_AT = 14
"""A child under 1 year's, on the paediatric GCS: NICE NG232 1.4.10, under 15."""
CT_IF_NOT_BACK = timedelta(hours=2)
"""A GCS below 15 this long after the injury (`Fall.injured_from`): CT head within 1 hour (NICE NG232)."""


def head_ct(fall: Fall, taken_at: datetime, score: Gcs, focal: bool = False,
            one_sided: Sequence[str] | None = None) -> Flag | None:
    """What a set of GCS `score` taken at `taken_at`, in the day of `fall` (`pacing_fall`), says of
    NICE's CT head within 1 hour: a GCS of 12 or less (a child's 13, a baby's 14: `Fall.ct_now_at`),
    or below the usual GCS when that is lower
    (a patient whose usual GCS is 10 is not scanned for being herself); else a GCS below 15, or
    below the usual GCS, 2 hours or more after the injury (`Fall.injured_from`). A first set of 11
    after a fall, with no set before it to fall from, told nobody. A set with a component not
    testable is weighed at the best it can be (`Gcs.at_most`): ET V2 M6 is 12 at most, and said
    nothing when an eye swollen shut left it no total. A limb newly weaker asks it too (`focal`: NICE's focal
    neurological deficit), and so do limbs weaker than the other side on the first set that sees the limbs
    (`one_sided`, codes of domain.gcs.LIMBS: with no set before it, a hemiparesis since the fall
    said nothing), but for the limbs the fall records weak before it (`Fall.weak_limbs`): an old
    weakness of the left side silenced a new one of the right. A fall that records a weakness
    known before it without its limbs (version 4's Yes) asks it to be checked against that
    (`Alarm.CT_ONE_SIDED_BEFORE`). Nothing once the fall records the CT head done before the set:
    every set under 15 after it asked one within 1 hour again. Each names the head injury as the
    fall records it (`Fall.injury_named`)."""
    done = fall.ct_done_at
    if done is not None and elapsed.instant(done) <= elapsed.instant(taken_at):
        return None
    best, named = score.at_most, fall.injury_named
    low = best < fall.usual
    if low and best <= fall.ct_now_at:
        return Flag(Alarm.CT_NOW, score.values(total=best, **named))
    if focal:
        return Flag(Alarm.CT_FOCAL, named)
    if one_sided and (new := [limb for limb in one_sided if limb not in fall.weak_limbs]):
        unnamed = fall.weak_before and not fall.weak_limbs
        return Flag(Alarm.CT_ONE_SIDED_BEFORE if unnamed else Alarm.CT_ONE_SIDED, {"limbs": limbs_named(new), **named})
    if low and elapsed.between(fall.injured_from, taken_at) >= CT_IF_NOT_BACK:
        return Flag(Alarm.CT_AT_2_HOURS, score.values(total=best, usual=fall.usual, **named))
    return None


def neuro_interval(falls: Sequence[Fall], sets: Sequence[tuple[datetime, int | None]]) -> timedelta | None:
    """How soon NICE asks the set after the latest of `sets` (oldest first: when each was taken
    and its GCS total, None when a component could not be tested), in the first day after the
    latest of `falls` before it with a possible head injury: half-hourly until the patient is back
    to their usual GCS (`Fall.usual_gcs`, else 15), then as `NEURO_PACE` counts from the first set
    back to it since, and half-hourly again once the GCS is below it. None out of that day, or
    with no such fall: the set's own interval stands."""
    if not sets:
        return None
    latest = elapsed.instant(sets[-1][0])
    pacing = pacing_fall(falls, sets[-1][0])
    if pacing is None:
        return None
    usual, fell_at, back_since = pacing.usual, elapsed.instant(pacing.fell_at), None
    for taken_at, total in sets:
        if elapsed.instant(taken_at) >= fell_at:
            back_since = (back_since or taken_at) if total is not None and total >= usual else None
    if back_since is None:
        return UNTIL_FULL
    held = latest - elapsed.instant(back_since)
    return next((interval for within, interval in NEURO_PACE if held < within), THEN)
