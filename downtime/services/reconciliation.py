"""The medicines reconciliation (forms/medicines_reconciliation.yaml): a prescriber's or a
pharmacist's decision on each medicine taken before admission (NICE NG5 1.3; HAS 2018, la
conciliation médicamenteuse), read against the admission's list as it stood when reconciled
(`home_list`, copied from it). A home medicine held or stopped was answered on the ward only by
writing an order and stopping it, which printed a row on the MAR and sent the EHR a prescription
never meant; the reconciliation answers it, and the ward line (services.home_medicines) names
only what neither an order nor the reconciliation answers. A line continued or changed is
answered by its order on the chart: a reconciliation saying "continued" with nothing charted is
the very omission the line is there to catch."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.medication import Order, in_force
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError
from downtime.i18n import semicolon
from downtime.services.errors import ValidationFailed
from downtime.services.home_medicines import HomeLine, elsewhere, home_lines, named
from downtime.services.patients import PatientSummary
from downtime.storage.records import current_by_patient

FORM = "medicines_reconciliation"
HOME_LIST, DECISIONS, MEDICINE, DECISION, REASON, UNTIL, SOURCES = (
    "home_list", "decisions", "medicine", "decision", "reason", "until", "sources")
ANSWERING = frozenset({"held", "stopped"})
"""The decisions that answer a home line without an order: continued or changed are charted."""
LIST_SOURCES = frozenset({"gp_letter", "own_medicines", "community_pharmacy", "care_home", "hospital_letter"})
"""The sources that are a list of the medicines taken: a reconciliation deciding none says so by
one ticked (`check`)."""

WORDS = {
    "undecided": {"en": "{field}: no decision for “{line}”, listed as taken before admission: add a row naming it "
                        "(continued, changed, held or stopped)",
                  "fr": "{field} : aucune décision pour « {line} », noté dans le traitement habituel : ajouter une "
                        "ligne le nommant (poursuivi, modifié, suspendu ou arrêté)"},
    "ambiguous": {"en": "{field}: “{named}” names both “{line}” and “{other}”: one row each, its medicine as on "
                        "the list",
                  "fr": "{field} : « {named} » nomme à la fois « {line} » et « {other} » : une ligne chacun, le "
                        "médicament comme sur la liste"},
    "none": {"en": "{field}: no medicine decided: add a row for each medicine taken, or, if none is, tick the "
                   "list checked (GP letter, pharmacy, care home chart…)",
             "fr": "{field} : aucun médicament décidé : ajouter une ligne par médicament pris ou, s’il n’y en a "
                   "aucun, cocher la liste vérifiée (ordonnance, pharmacie, fiche de l’EHPAD…)"},
    "twice": {"en": "{field}: two rows decide “{named}”, “{line}” and “{other}”: keep one",
              "fr": "{field} : deux lignes décident « {named} », « {line} » et « {other} » : n’en garder qu’une"},
    "held": {"en": "held in hospital", "fr": "suspendu à l’hôpital"},
    "stopped": {"en": "stopped in hospital", "fr": "arrêté à l’hôpital"},
    "until": {"en": "until {until}", "fr": "jusqu’à : {until}"},
}
"""A reconciliation refused for a line of its list given no decision (`check`); a medicine held
or stopped, as the going-home letter says it (`Decision.said`)."""


@dataclass(frozen=True)
class Decision:
    """A prescriber's or pharmacist's decision on a home line (`line`, as typed on the admission,
    or on the row for a medicine `found`), with why and until when as written, and when it was
    reconciled."""

    line: str
    decision: str
    reason: str | None
    until: str | None
    reconciled_at: datetime
    found: bool = False
    """A medicine the list left out that the reconciliation found (a row naming no list line)."""

    def said(self, lang: Lang) -> str | None:
        """A medicine held or stopped, why and until when, as the going-home letter says it
        ("held in hospital (Hb 78; until after endoscopy)"); None for one continued or changed,
        which its order says."""
        if self.decision not in ANSWERING:
            return None
        return WORDS[self.decision][lang] + (f" ({why})" if (why := self.why(lang)) else "")

    def why(self, lang: Lang) -> str:
        """Why, and until when, as written ("Hb 78; until after endoscopy"), for the letter and
        the handover (`home_medicines.Unreconciled.said`)."""
        return semicolon(lang).join([*([self.reason] if self.reason else []),
                                     *([WORDS["until"][lang].format(until=self.until)] if self.until else [])])


def _plain(text: object) -> str:
    """A medicine as typed, compared with a list line: spaces made single, capitals ignored."""
    return " ".join(str(text).split()).casefold()


@dataclass(frozen=True)
class Reading:
    """A reconciliation's rows read against its list (`read`): the row deciding each line, by line
    as typed; the lines no row decides (`undecided`); a row naming two lines it could decide, or a
    line two rows decide (`ambiguous`: "ambiguous" with the row's medicine and the two lines, or
    "twice" with the line and the two rows' medicines); and the rows naming no list line (`found`:
    a medicine the list left out, found in the GP letter), the first of each medicine as typed."""

    by_line: dict[str, Mapping[str, Any]]
    undecided: list[str]
    ambiguous: list[tuple[str, str, str, str]]
    found: dict[str, Mapping[str, Any]]


def read(data: Mapping[str, Any]) -> Reading:
    """Which row decides which line of the list: first the row typed as the line (every row is
    prefilled so), then, for a line with none, the one row naming its medicines (`named`:
    "Apixaban" decides "Apixaban 5 mg bd") that names no other line left undecided. A row decided
    every line naming its medicine: an Oramorph held held the MR morphine continued, a timolol
    stopped stopped latanoprost too. A line typed twice is one line (its statement one resource)."""
    lines = list({line.text: line for line in home_lines(data.get(HOME_LIST))}.values())
    rows = [row for row in data.get(DECISIONS) or [] if row.get(MEDICINE)]
    typed = {line.text: next((row for row in rows if _plain(row[MEDICINE]) == _plain(line.text)), None)
             for line in lines}
    exact = {id(row) for row in typed.values() if row is not None}
    candidates: dict[str, list[Mapping[str, Any]]] = {line.text: [] for line in lines}
    ambiguous: list[tuple[str, str, str, str]] = []
    found: dict[str, Mapping[str, Any]] = {}
    for row in (row for row in rows if id(row) not in exact):
        covers = [line.text for line in lines if line.names <= named(str(row[MEDICINE]))]
        targets = [line for line in covers if typed[line] is None] or covers
        if len(targets) > 1:
            ambiguous.append(("ambiguous", str(row[MEDICINE]), targets[0], targets[1]))
        elif targets:
            candidates[targets[0]].append(row)
        else:
            found.setdefault(" ".join(str(row[MEDICINE]).split()), row)
    by_line: dict[str, Mapping[str, Any]] = {}
    undecided = []
    for line in lines:
        deciding = [*([typed[line.text]] if typed[line.text] is not None else []), *candidates[line.text]]
        if len(deciding) > 1:
            ambiguous.append(("twice", line.text, str(deciding[0][MEDICINE]), str(deciding[1][MEDICINE])))
        elif deciding:
            by_line[line.text] = deciding[0]
        else:
            undecided.append(line.text)
    return Reading(by_line, undecided, ambiguous, found)


def decisions(data: Mapping[str, Any], reconciled_at: datetime) -> list[Decision]:
    """The decision on each line of a reconciliation's list its row gives (`read`), then on each
    medicine it found that the list left out (`Decision.found`)."""
    reading = read(data)
    return [Decision(line, str(row.get(DECISION)), row.get(REASON) or None, row.get(UNTIL) or None, reconciled_at,
                     found=line in reading.found)
            for line, row in (*reading.by_line.items(), *reading.found.items())]


def first_rows(home_list: object, standing: Mapping[str, Decision] = MappingProxyType({})) -> list[dict[str, str]]:
    """A new reconciliation's rows, one a medicine of the list copied from the admission, for
    the prescriber to decide each (the paper form's lines are the list's), each from the `standing`
    decision on its line, or on the one line decided of the same medicines (a dose respaced,
    "Apixaban 5mg bd"): a second reconciliation started blank, and a hurried "continued" on a
    re-entered row un-held apixaban. None standing for a form opened for no patient yet."""
    rows = []
    for line in home_lines(home_list):
        alike = [one for decided, one in standing.items() if not one.found and named(decided) == line.names]
        one = standing.get(line.text) or (alike[0] if len(alike) == 1 else None)
        rows.append({MEDICINE: line.text, **({DECISION: one.decision} if one else {}),
                     **({REASON: one.reason} if one and one.reason else {}),
                     **({UNTIL: one.until} if one and one.until else {})})
    return rows


def check(spec: FormSpec, data: Mapping[str, Any], lang: Lang) -> None:
    """Refuse a reconciliation leaving a line of its list undecided (the paper form's box is
    filled for every medicine, and an undecided one would be neither asked nor answered), or
    whose row could decide either of two lines, or a line two rows decide: which was meant is
    not for the app to guess; or deciding no medicine without a list checked (`LIST_SOURCES`):
    from the patient alone, it cleared "See GP list" on the ward, having got no list."""
    reading, field = read(data), spec.field(DECISIONS).label.get(lang)
    errors = [*([WORDS["none"][lang].format(field=field)] if not reading.by_line and not reading.found
                and not LIST_SOURCES & set(data.get(SOURCES) or []) else []),
              *(WORDS["undecided"][lang].format(field=field, line=line) for line in reading.undecided),
              *(WORDS[word][lang].format(field=field, named=one, line=line, other=other)
                for word, one, line, other in reading.ambiguous)]
    if errors:
        raise ValidationFailed([FieldError(DECISIONS, error) for error in errors])


def _of_stay(db: Database, patients: Sequence[PatientSummary]) -> dict[str, list[RecordVersion]]:
    """Each in-patient's standing reconciliations of this stay, oldest first (one of an earlier
    stay decides nothing: its medicines were another admission's)."""
    admitted = {patient.patient_id: datetime.fromisoformat(str(patient.admitted_at))
                for patient in patients if patient.admitted_at}
    return {patient_id: ordered for patient_id, records in current_by_patient(db, FORM, list(admitted)).items()
            if (ordered := sorted((record for record in records if record.status is not RecordStatus.ENTERED_IN_ERROR
                                   and record.occurred_at >= admitted[patient_id]),
                                  key=lambda record: record.occurred_at))}


def standing(db: Database, patients: Sequence[PatientSummary]) -> dict[str, dict[str, Decision]]:
    """Each in-patient's standing decisions of this stay, by home line as typed, the latest
    reconciliation's over an earlier one's."""
    return {patient_id: _latest(records) for patient_id, records in _of_stay(db, patients).items()}


def _latest(records: Sequence[RecordVersion]) -> dict[str, Decision]:
    """The decision on each home line, by line, of these reconciliations (oldest first): the latest's."""
    return {one.line: one for record in records for one in decisions(record.data, record.occurred_at)}


def unlisted(decided: Mapping[str, Decision], listed: Sequence[HomeLine]) -> list[HomeLine]:
    """The lines the stay's reconciliations decided (`standing`) that no line of the admission's
    list (`listed`) names alike (`named`: a dose respaced or corrected on the admission since is
    the same medicine): a list the prescriber typed under an admission left blank, or a medicine
    found beside it, which the ward (`home_medicines.unreconciled`) and the going-home letter
    (services.prefill) never read, or the ward only continued or changed."""
    alike = {line.names for line in listed}
    return [HomeLine(line, names) for line in decided if (names := named(line)) not in alike]


@dataclass(frozen=True)
class Reconciled:
    """What a patient's standing reconciliations of the stay say on the ward (`answered`): the
    latest decision on each line, by line as typed (`decided`), and the lines saying the list is
    elsewhere ("Voir ordonnance": `home_medicines.elsewhere`) that a reconciliation got
    (`pointed`: it decided a medicine or checked a list, `check`)."""

    decided: Mapping[str, Decision]
    pointed: frozenset[str]

    def answers(self, line: str, critical: bool) -> bool:
        """Whether `line` is answered without an order: held or stopped (`ANSWERING`), but a
        time-critical medicine only stopped (held, levodopa for nil by mouth is the omission
        Parkinson's UK's "Get It On Time" is about: an alternative route is asked, NICE NG71)."""
        one = self.decided.get(line)
        return one is not None and one.decision in ANSWERING and not (critical and one.decision == "held")

    def still_charted(self, line: HomeLine, orders: Sequence[Order], at: datetime) -> Decision | None:
        """The decision holding or stopping `line` that an order not stopped by `at`, started by the
        time it was reconciled, still gives (every medicine the line names, `named`), None when
        none does: apixaban charted at 10:00 and held at the 11:00 reconciliation for melaena was due
        on the round, its order "covering" the line, and nothing said so. An order started after the
        decision is the prescriber's restart."""
        one = self.decided.get(line.text)
        if one is None or one.decision not in ANSWERING:
            return None
        return one if any(line.names <= named(order.drug)
                          and elapsed.instant(order.start_at) <= elapsed.instant(one.reconciled_at)
                          and in_force(order, at) for order in orders) else None


NOTHING_RECONCILED = Reconciled({}, frozenset())
"""A patient with no standing reconciliation of the stay."""


def answered(db: Database, patients: Sequence[PatientSummary]) -> dict[str, Reconciled]:
    """What each patient's standing reconciliations of the stay answer (`Reconciled`). A line typed
    afterwards, or typed otherwise since (a dose corrected), is not decided and is asked again."""
    return {patient_id: Reconciled(_latest(records), frozenset(
        pointed for record in records if (pointed := elsewhere(record.data.get(HOME_LIST))) is not None))
        for patient_id, records in _of_stay(db, patients).items()}
