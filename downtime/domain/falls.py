"""What a fall on the ward asks until it is done, as the NPSA's "Essential care after an
inpatient fall" (Rapid Response Report 2011) and NICE QS86 say: a patient with signs of a
fracture or spinal injury is not got up before a doctor has examined them (lifted flat if they
must be moved); a possible head injury in a patient on an anticoagulant is told to the doctor at
once (NICE NG232: a CT scan of the head within 8 hours); neuro obs (a GCS set) start at once when
a head injury cannot be excluded; a set of observations is taken; and every patient who falls is
examined by a doctor. Each is asked from the fall on until a record shows it done: a set taken at
or after the fall, the doctor's examination recorded on the fall."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from downtime.domain import elapsed

HEAD_INJURY_POSSIBLE = frozenset({"yes", "not_excluded"})
"""The form's head injury answers that call for neuro obs."""


class Ask(StrEnum):
    """In the order they are said: the most urgent first."""

    NOT_TO_MOVE = "not_to_move"
    ANTICOAGULANT = "anticoagulant"
    NEURO = "neuro"
    OBSERVATIONS = "observations"
    REVIEW = "review"


ASKS: Mapping[Ask, Mapping[str, str]] = {
    Ask.NOT_TO_MOVE: {"en": "POSSIBLE FRACTURE OR SPINAL INJURY: do not get the patient up (lift them flat); "
                            "the doctor examines them first",
                      "fr": "FRACTURE OU LÉSION RACHIDIENNE POSSIBLE : ne pas faire lever le patient (le relever à "
                            "plat) ; le médecin l’examine d’abord"},
    Ask.ANTICOAGULANT: {"en": "ON AN ANTICOAGULANT WITH A POSSIBLE HEAD INJURY: tell the doctor now (CT head "
                              "within 8 hours)",
                        "fr": "SOUS ANTICOAGULANT AVEC UN TRAUMATISME CRÂNIEN POSSIBLE : prévenir le médecin "
                              "maintenant (scanner cérébral dans les 8 heures)"},
    Ask.NEURO: {"en": "HEAD INJURY NOT EXCLUDED: start neuro obs (GCS) now",
                "fr": "TRAUMATISME CRÂNIEN NON EXCLU : commencer la surveillance neurologique (Glasgow) maintenant"},
    Ask.OBSERVATIONS: {"en": "NO OBSERVATIONS SINCE THE FALL: take a set now",
                       "fr": "PAS DE CONSTANTES DEPUIS LA CHUTE : prendre les constantes maintenant"},
    Ask.REVIEW: {"en": "NOT EXAMINED BY A DOCTOR since the fall: ask for a medical review",
                 "fr": "PAS EXAMINÉ PAR UN MÉDECIN depuis la chute : demander un examen médical"},
}


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

    @property
    def head_injury_possible(self) -> bool:
        return self.head_injury in HEAD_INJURY_POSSIBLE or self.found

    @property
    def examined(self) -> bool:
        """The doctor's examination recorded, at or after the fall (one dated before it was a
        typing slip that silenced the fall's most urgent asks)."""
        return self.reviewed_at is not None and elapsed.instant(self.reviewed_at) >= elapsed.instant(self.fell_at)


def _since(fall: Fall, taken: list[datetime]) -> bool:
    """Whether one of the sets `taken` was taken at or after the fall."""
    return any(elapsed.instant(at) >= elapsed.instant(fall.fell_at) for at in taken)


def asks(fall: Fall, observations: list[datetime], neuro: list[datetime]) -> list[Ask]:
    """What the fall asks now, given when the patient's observation sets (NEWS2 or PEWS) and
    neuro sets were taken: the doctor's examination until it is recorded (said as what not to do
    before it, or whom to tell now, when either applies), neuro obs and a set of observations
    until one is taken since the fall."""
    found = []
    if not fall.examined and fall.fracture_suspected:
        found.append(Ask.NOT_TO_MOVE)
    if not fall.examined and fall.head_injury_possible and fall.anticoagulated:
        found.append(Ask.ANTICOAGULANT)
    if fall.head_injury_possible and not _since(fall, neuro):
        found.append(Ask.NEURO)
    if not _since(fall, observations):
        found.append(Ask.OBSERVATIONS)
    if not fall.examined and not {Ask.NOT_TO_MOVE, Ask.ANTICOAGULANT} & set(found):
        found.append(Ask.REVIEW)
    return found
