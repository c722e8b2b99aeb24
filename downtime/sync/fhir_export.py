"""The FHIR R4 transaction bundle of an export: everything the records office must back-enter
into the EHR, in one self-contained bundle.

Each record becomes its resources (see fhir_patients, fhir_medication, fhir_theatre,
fhir_observations, fhir_notes, fhir_fluids, fhir_neuro, fhir_glucose, fhir_transfusion,
fhir_checklist, fhir_lab_results, fhir_skin, fhir_devices, fhir_pain, fhir_nutrition, fhir_delirium,
fhir_falls, fhir_missing, fhir_sepsis, fhir_vte, fhir_reconciliation, fhir_bowels, fhir_pews, fhir_weight, fhir_infusion_rates,
fhir_infusion_checks) plus a Provenance naming who wrote it, when it happened and when
it was typed, and how it was amended or withdrawn. The bundle holds the groups whose records changed in the exported range, plus
every group they reference (a dose's order, each resource's patient with the stays it names,
see fhir_stays), so every reference resolves inside the bundle. Ids are record UUIDs or derived from them, and each entry is a
conditional create on the record's identifier: posting the same bundle twice creates nothing
new, and exporting the same data twice gives the same resources. A resource an earlier export
of this database sent with other content (an order sent active, stopped since by a death; an
amended dose; a stay ended since) is a conditional update instead, on the same condition, so
the EHR's copy made from the earlier bundle takes the change (a conditional create left it as
it was); its `id` is left out, as the EHR gave its copy its own. So is a resource no export
of this database sent that another laptop's bundle may have sent with other content (the
patient moved and laptop 2 amended or withdrew laptop 1's order, or ended its stay; the records
office's first bundle, after the laptops' were posted, see `_carried`): where the EHR does not
hold it, the update creates it.

A record on hold (two laptops wrote different versions of it, see domain.holds) is not in the
bundle: posted, it would create one laptop's version in the EHR as if it were settled. Only
when another record's resources need its resources (a patient whose admission is on hold, and
who has an order) are they there, as they stand here, its Provenance says it is on hold, and each
of them carries the tag `on-hold` (fhir_codes.REVIEW): an integration engine loads resources and
never reads a Provenance's words.
Once settled (see services.holds) it is in every bundle after, whatever its versions' rowids:
it was in none before, and posting it again creates nothing new.

A record another laptop's record contradicts (the worklist's "ask the ward" lines, see
services.back_entry.conflicts_among: a dose recorded on two laptops, a dose whose order or a
record whose patient's admission another laptop withdrew) is a real record, a double dose may
really have been given: it is in the bundle, its Provenance says what the worklist's line says,
its resources carry the tag `ask-the-ward`, and the export names it, so whoever posts the bundle
asks the ward first. When the
contradiction arrives after the record went out in an earlier bundle (`--since-last` or whole),
the later bundle carries that record again, flagged, and names it as from an earlier export (as
storage.fhir_sent knows it): its resources are nothing new where the earlier bundle was posted,
its Provenance, changed, is an update, and whoever posts the later one learns of both sides.

A settled record whose hold another office settled otherwise (the worklist's "SETTLED OTHERWISE
AT ANOTHER OFFICE", see services.back_entry.Otherwise) is asked about likewise, until a clerk
ticks it off after the import that brought that settlement: the wards disagree, and the bundle
carries the version the first settlement left standing. A settled record is in every bundle, so
the one after the tick carries it plain, its Provenance an update again.

A record whose standing version the ward said is not to be entered (the worklist's "not entered",
services.back_entry.mark_not_entered: one dose recorded twice) is left out of the bundle, as one
on hold is, unless another record needs its resources, when its Provenance says "NOT TO BE
ENTERED" with the ward's answer and they carry the tag `not-to-be-entered`; the other record of
the dose says to enter it. An amendment brings it back. One an earlier bundle sent (as storage.fhir_sent knows its Provenance), which
the EHR may hold if that bundle was posted, goes in every bundle after, entered in error, an
update on its identifier, its Provenance a NULLIFY saying the ward's answer.

A record written with a later version of its form than this laptop's (`LaterForm`) is left out
as one on hold is, and tagged `later-form` where another record needs it; a death not verified
yet is asked about (AskTheWard.death_not_verified), as its Provenance alone said it, and that
Provenance alone carries the tag `death-not-verified`: nothing contradicts it, and the Patient and
her stay, which every other resource of hers references, load as they would."""

from __future__ import annotations

import gc
import json
import re
from array import array
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache, partial
from typing import Any, BinaryIO

import orjson
from pydantic_core import to_json
from sqlite_utils import Database

from downtime.domain.laptops import Authors, Laptop
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.i18n import Lang, message
from downtime.services.back_entry import (
    Conflict, NotEntered, Otherwise, conflicts_among, contradicted_links, ehr_numbers, otherwise_among,
    standing_not_entered, with_entries,
)
from downtime.services import settings
from downtime.services.context import load_device
from downtime.services.patients import downtime_numbers
from downtime.storage.fhir_sent import (
    hashed, identifier_condition, identity, provenance_condition, records_sent, sent_before,
)
from downtime.storage.records import as_version, held_from, on_hold
from downtime.sync.fhir_codes import (
    DATA_OPERATION,
    PROVENANCE_PARTICIPANT,
    REVIEW,
    CodeCheck,
    coding,
)
from downtime.sync.fhir_elements import (
    RECORD_SYSTEM,
    Context,
    Group,
    Made,
    derived_id,
    moment,
    named_as_before,
    reference,
)
from downtime.sync.fhir_medication import medication_groups
from downtime.sync.fhir_fluids import fluid_groups
from downtime.sync.fhir_capacity import capacity_groups
from downtime.sync.fhir_enhanced_observation import enhanced_observation_groups
from downtime.sync.fhir_safeguarding import safeguarding_groups
from downtime.sync.fhir_checklist import checklist_groups
from downtime.sync.fhir_glucose import glucose_groups
from downtime.sync.fhir_nutrition import nutrition_groups
from downtime.sync.fhir_delirium import delirium_groups
from downtime.sync.fhir_falls import fall_groups
from downtime.sync.fhir_missing import missing_groups
from downtime.sync.fhir_alcohol_withdrawal import alcohol_withdrawal_groups
from downtime.sync.fhir_falls_risk import falls_risk_groups
from downtime.sync.fhir_swallow import swallow_groups
from downtime.sync.fhir_sepsis import sepsis_groups
from downtime.sync.fhir_reconciliation import reconciliation_groups
from downtime.sync.fhir_vte import vte_groups
from downtime.sync.fhir_resuscitation import resuscitation_groups
from downtime.sync.fhir_observation_plan import observation_plan_groups
from downtime.sync.fhir_bowels import bowel_groups
from downtime.sync.fhir_pews import pews_groups
from downtime.sync.fhir_weight import weight_groups
from downtime.sync.fhir_infusion_rates import infusion_rate_groups
from downtime.sync.fhir_infusion_checks import infusion_check_groups
from downtime.sync.fhir_devices import device_groups
from downtime.sync.fhir_pain import pain_groups
from downtime.sync.fhir_skin import skin_groups
from downtime.sync.fhir_lab_results import lab_result_groups
from downtime.sync.fhir_transfusion import transfusion_groups
from downtime.sync.fhir_neuro import neuro_groups
from downtime.sync.fhir_notes import note_groups
from downtime.sync.fhir_observations import observation_groups
from downtime.sync.fhir_patients import (IPP_SYSTEM, UNVERIFIED_DEATH, deceased_patch, identity_as_before,
                                        patient_groups, unverified)
from downtime.sync.fhir_stays import read_stays
from downtime.sync.fhir_theatre import theatre_groups


PATIENTS_AT_ONCE = 1000  # whose records are read together: a hospital's 100,000 would not fit in memory


ASK_THE_WARD_WORDS = "ASK THE WARD: {why}"
NOT_TO_BE_ENTERED = "NOT TO BE ENTERED: {said}"
WITHDRAWN = ("Entered in error: version {version} was sent in an earlier bundle and is not to be entered in the EHR, as"
             " the ward said")
DEATH_NOT_VERIFIED = "death-not-verified"
"""The review tag of a death's Provenance while it is not verified (fhir_codes.REVIEW)."""
LATER_FORM = ("WRITTEN WITH A LATER FORM: version {form_version} of the form, this laptop has version {known}, whose "
              "mapping may leave out or misread its answers; enter it from the bundle of an up-to-date laptop or of the "
              "records office")


class UnresolvedReference(RuntimeError):
    """A resource points outside the bundle: a builder forgot a group it needs (our bug)."""


@dataclass(frozen=True)
class AskTheWard:
    """A record in the bundle that other laptops' records contradict (`conflicts`), or whose
    hold another office settled otherwise (`otherwise`, until a clerk ticks it off), which its
    Provenance says: whoever posts the bundle asks the ward first."""

    record_id: str
    form_id: str
    version: int
    version_id: str
    downtime_number: str
    conflicts: tuple[Conflict, ...]
    in_an_earlier_export: bool
    """An earlier export of this database sent it in its bundle (a `--since-last` one or a whole
    one): posted from that bundle, the EHR holds the record already, with its Provenance as it
    was then; this bundle's Provenance, where its words changed since, goes as an update."""
    otherwise: tuple[Otherwise, ...] = ()
    """Other offices' settlements of its hold not taken here, noted since a clerk last ticked it off."""
    death_not_verified: bool = False
    """A death recorded before it was verified (fhir_patients.unverified): said on its
    Provenance alone, it was in no list the clerk reads before posting the bundle."""

    @property
    def contradicted(self) -> bool:
        """Whether another laptop's record or another office's settlement contradicts it, rather
        than its being only a death not verified yet."""
        return bool(self.conflicts or self.otherwise)

    def why_in(self, lang: Lang) -> str:
        """The worklist's words for it, in the line's order."""
        return " — ".join([*(said.text_in(lang) for said in (*self.otherwise, *self.conflicts)),
                           *([message(lang, UNVERIFIED_DEATH)] if self.death_not_verified else [])])

    def words(self) -> str:
        """What its Provenance and its CSV line say, in English as the bundle is."""
        return ASK_THE_WARD_WORDS.format(why=self.why_in("en"))

    def as_json(self) -> dict[str, Any]:
        return {"record_id": self.record_id, "form_id": self.form_id, "version": self.version,
                "downtime_number": self.downtime_number, "why": self.why_in("en"),
                "in_an_earlier_export": self.in_an_earlier_export}


@dataclass(frozen=True)
class LaterForm:
    """A record written with a later version of its form than this laptop's (carried from an
    up-to-date laptop): this laptop's mapping predates its answers (the previous release sent a
    death "not verified yet" as a death), so it is left out of the bundle, unless another record
    needs its resources, when its Provenance says so and they carry the tag `later-form`."""

    record_id: str
    form_id: str
    version: int
    form_version: int
    known: int
    """The version of the form this laptop has."""
    downtime_number: str
    in_bundle: bool = False

    def words(self) -> str:
        """What its Provenance says, in English as the bundle is."""
        return LATER_FORM.format(form_version=self.form_version, known=self.known)

    def as_json(self) -> dict[str, Any]:
        return {"record_id": self.record_id, "form_id": self.form_id, "version": self.version,
                "form_version": self.form_version, "form_version_here": self.known,
                "downtime_number": self.downtime_number, "in_bundle": self.in_bundle, "why": self.words()}


@dataclass(frozen=True)
class Written:
    """What a bundle holds that its export reports: how many entries, which of its records
    to ask the ward about before it is posted (the manifest's `ask_the_ward`), and how many
    entries update a resource an earlier export sent; and what the export records as sent
    (storage.fhir_sent) once it stands: the identity and content hashes of the entries new or
    changed since."""

    entries: int
    ask_the_ward: tuple[AskTheWard, ...]
    updates: int
    sent: tuple[array[int], array[int]]
    withdrawn: int = 0
    """Records the ward said are not to be entered that an earlier bundle sent, in this one
    entered in error: where that bundle was posted, the EHR withdraws them."""
    left_out: int = 0
    """Records the ward said are not to be entered that this bundle would have carried and left
    out, as no earlier bundle sent them."""
    later_forms: tuple[LaterForm, ...] = ()
    """Records written with a later version of their form than this laptop's (see LaterForm)."""
    held_back: tuple[str, ...] = ()
    """The downtime numbers of the patients held back whole, their link contradicted by their
    admission since (back_entry.LinkContradicted): said in the export's report, whose clerk
    re-links them, as no later `--since-last` bundle carries what this one held back."""


@dataclass(frozen=True)
class _Page:
    """What a page of patients' records put in the bundle that its export reports."""

    ask_the_ward: list[AskTheWard]
    withdrawn: set[str]
    left_out: set[str]
    later_forms: list[LaterForm]


def write_bundle(db: Database, forms: dict[str, FormSpec], first: int, last: int, at: datetime, bundle_id: str,
                 out: BinaryIO, laptops: Callable[[Collection[str]], Mapping[str, Laptop]], authors: Authors) -> Written:
    """Write the bundle of the records with a version in rowids first..last to `out` and return
    its number of entries, with the records in it to ask the ward about; it is empty when
    nothing changed. `at` is the bundle's timestamp and the moment an order's stop time is
    judged against; `laptops` names laptops by device id (services.laptops.laptops_known), and
    `authors` the people who wrote each record (services.laptops.authors).

    The bundle is written entry by entry (one JSON object a line), each checked as it goes, and
    its records are read a thousand patients at a time (each patient's resources, then their
    records' Provenance; every record's patient is in the patients table, a foreign key): a
    hospital's bundle, or all its records at once, do not fit in memory. Its codes are checked against their value sets,
    one resource of each shape is validated with the R4B models, and its references are
    resolved; a problem raises once the last entry is written, so the caller must discard `out`."""
    with _no_cycle_collection():
        return _write_bundle(db, forms, first, last, at, bundle_id, out, laptops, authors)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while the bundle is written, as it was if it was off (the
    app collects on its GUI thread, see qt.collector). A page's records and resources are
    hundreds of thousands of small dicts that live until the page is written, and every
    automatic collection walked them again: a fifth of the export. The export makes no cycles
    (a collection after it finds nothing to free), so nothing waits for the collector."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _write_bundle(db: Database, forms: dict[str, FormSpec], first: int, last: int, at: datetime, bundle_id: str,
                  out: BinaryIO, laptops: Callable[[Collection[str]], Mapping[str, Laptop]], authors: Authors) -> Written:
    amended = ("SELECT * FROM records WHERE version = 1"
               " AND record_id IN (SELECT record_id FROM records WHERE version > 1)")
    first_versions = {row["record_id"]: as_version(row) for row in db.query(amended)}
    links = ehr_numbers(db)
    changed = {record_id for (record_id,) in db.execute(
        "SELECT DISTINCT record_id FROM records WHERE rowid BETWEEN ? AND ?"
        " UNION SELECT record_id FROM hold_settlements", [first, last])}
    held = held_from(db)
    # Every version of the records on hold, by patient, for the doses a version on hold says
    # given: each page is handed its own patients' (all of them, for each page, was read again
    # and sorted a hundred times over at a hospital's scale).
    versions_held: dict[str | None, list[RecordVersion]] = {}
    for version in (as_version(row) for rows in on_hold(db, held).values() for row in rows):
        versions_held.setdefault(version.patient_id, []).append(version)
    sent = sent_before(db)
    here = load_device(db).device_id
    writer = _Writer(out, {"resourceType": "Bundle", "id": bundle_id, "type": "transaction",
                           "timestamp": at.isoformat()}, sent,
                     cache(lambda staff_id, device_id: authors.of("en", staff_id, device_id, laptops({device_id}))))
    numbers = downtime_numbers(db)
    # A patient whose link their admission contradicts since (back_entry.LinkContradicted) is
    # held back whole until the clerk re-links or confirms it: under the link, or under the
    # admission's new IPP that no one checked, every resource may go into another patient's file.
    held_back = contradicted_links(db, forms)
    patients = [patient_id for patient_id in numbers if patient_id not in held_back]
    noted = {record_id for (record_id,) in db.execute("SELECT DISTINCT record_id FROM settlements_otherwise")}
    not_entered = standing_not_entered(db, authors.names)
    withdrawn = records_sent(db, not_entered)
    ask: list[AskTheWard] = []
    # Sets of record ids, not counts: a record about no patient is read with every page.
    went_withdrawn: set[str] = set()
    left_out: set[str] = set()
    later = _later_forms(db, forms)
    later_forms: dict[str, LaterForm] = {}
    # What the bundle leaves out ends no other record's resource (Context.left_out).
    kept_out = held.keys() | (not_entered.keys() - withdrawn) | later.keys()
    days_off = settings.days_off(db)
    for start in range(0, len(patients), PATIENTS_AT_ONCE):
        ctx = Context(forms, authors, laptops, first_versions, at, links,
                      patient_ids=patients[start:start + PATIENTS_AT_ONCE], withdrawn=withdrawn, sent=sent,
                      left_out=kept_out, days_off=days_off)
        page_held = [version for patient_id in ctx.patient_ids for version in versions_held.get(patient_id, ())]
        page = _write_patients(db, ctx, changed, (held, not_entered, later), (page_held, authors), writer, laptops,
                               numbers, noted, partial(_carried, ctx, here))
        ask += page.ask_the_ward
        went_withdrawn |= page.withdrawn
        left_out |= page.left_out
        later_forms |= {found.record_id: found for found in page.later_forms}
    return Written(writer.finish(), tuple(ask), writer.updates, (writer.resources, writer.contents),
                   len(went_withdrawn), len(left_out),
                   tuple(sorted(later_forms.values(), key=lambda one: (one.downtime_number, one.form_id, one.record_id))),
                   tuple(sorted(numbers[patient_id] for patient_id in held_back if patient_id in numbers)))


def _later_forms(db: Database, forms: Mapping[str, FormSpec]) -> dict[str, int]:
    """The records written with a later version of their form than this laptop has, each with
    the latest version of the form one of its versions was written with: carried here from an
    up-to-date laptop (this one's forms, an IT-kept folder or an older release, are older)."""
    known = {form_id: spec.version for form_id, spec in forms.items()}
    if not known:
        return {}
    later = " OR ".join("(form_id = ? AND form_version > ?)" for _ in known)
    return {record_id: form_version for record_id, form_version in db.execute(
        f"SELECT record_id, MAX(form_version) FROM records WHERE {later} GROUP BY record_id",
        [value for pair in known.items() for value in pair])}


def _write_patients(db: Database, ctx: Context, changed: set[str],
                    left_out: tuple[dict[str, int], Mapping[str, NotEntered], Mapping[str, int]],
                    besides: tuple[Collection[RecordVersion], Authors], writer: _Writer,
                    laptops: Callable[[Collection[str]], Mapping[str, Laptop]],
                    numbers: Mapping[str, str], noted: Collection[str],
                    carried: Callable[[Collection[str]], bool]) -> _Page:
    """The groups of `ctx.patient_ids` whose records changed, or that a changed record
    contradicts, or whose hold another office settled otherwise and no clerk ticked off since
    (`noted`: every record with such a settlement), and none is left out (`left_out`: the
    records on hold, from their version, those the ward said are not to be entered, and those
    written with a later version of their form than this laptop's, with that version), with
    the groups they need (a group only ever needs its own patient's), then each record's
    Provenance; returns those of its records to ask the ward about, those withdrawn and those
    the ward said are not to be entered that it would have carried and left out. A record the
    ward said is not to be entered that an earlier bundle sent (`ctx.withdrawn`) is not left out:
    its groups go again, built with it entered in error, its Provenance saying why, and the other
    record of its dose goes with them, its Provenance saying to enter it. `besides`: what
    conflicts_among reads besides the page's records (every version on hold here, and who wrote
    each record). `carried` says of records whether another laptop's bundle may have sent what
    they make otherwise (`_carried`)."""
    stays = read_stays(db, ctx)
    groups = {**patient_groups(db, ctx, stays), **medication_groups(db, ctx, stays),
              **theatre_groups(db, ctx, stays), **observation_groups(db, ctx, stays),
              **note_groups(db, ctx, stays), **fluid_groups(db, ctx, stays), **neuro_groups(db, ctx, stays),
              **glucose_groups(db, ctx, stays), **skin_groups(db, ctx, stays), **device_groups(db, ctx, stays),
              **pain_groups(db, ctx, stays), **nutrition_groups(db, ctx, stays), **delirium_groups(db, ctx, stays),
              **fall_groups(db, ctx, stays), **missing_groups(db, ctx, stays), **falls_risk_groups(db, ctx, stays), **swallow_groups(db, ctx, stays),
              **alcohol_withdrawal_groups(db, ctx, stays), **enhanced_observation_groups(db, ctx, stays), **capacity_groups(db, ctx, stays), **safeguarding_groups(db, ctx, stays),
              **sepsis_groups(db, ctx, stays), **vte_groups(db, ctx, stays),
              **reconciliation_groups(db, ctx, stays),
              **resuscitation_groups(db, ctx, stays), **observation_plan_groups(db, ctx, stays),
              **bowel_groups(db, ctx, stays), **pews_groups(db, ctx, stays), **weight_groups(db, ctx, stays),
              **infusion_rate_groups(db, ctx, stays), **infusion_check_groups(db, ctx, stays),
              **transfusion_groups(db, ctx, stays),
              **checklist_groups(db, ctx, stays), **lab_result_groups(db, ctx, stays)}
    held_from, not_entered, later = left_out
    held, authors = besides
    conflicts = with_entries(conflicts_among(ctx.forms, ctx.records.values(), laptops, held, authors), {}, not_entered)
    otherwise = otherwise_among(db, [record for record_id, record in ctx.records.items()
                                     if record_id in noted and record_id not in held_from], laptops, authors)
    withdrawn = ctx.withdrawn
    contradicted = {record_id for record_id, said in conflicts.items()
                    if any(conflict.record.record_id in changed or conflict.record.record_id in withdrawn
                           for conflict in said)} | set(otherwise) | set(withdrawn)
    skipped = not_entered.keys() - withdrawn
    # Asked without building sets: `changed` is every record of a hospital's export, and its
    # union with `contradicted`, made again for each page, copied it a hundred times over.
    # A group made of a record written with a later form goes only for another record's sake (a
    # discharge typed here closes the stay its later-form admission opened), tagged `later-form`:
    # left out whole, the discharge went in no bundle, and nothing named it.
    chosen = _with_needs(groups, {key for key, group in groups.items()
                                  if any((source in changed or source in contradicted) and source not in later
                                         for sources in (group.sources, group.resend_with) for source in sources)
                                  and group.sources.isdisjoint(held_from) and group.sources.isdisjoint(skipped)})
    # The ward has answered of a record withdrawn: nothing to ask it before posting.
    pending = {record_id for record_id, record in ctx.records.items() if unverified(record)
               and record.status is not RecordStatus.ENTERED_IN_ERROR and record_id not in withdrawn}
    contradicts = {record_id for record_id in (*conflicts, *otherwise) if record_id not in withdrawn}
    asked = contradicts | pending
    review = {"on-hold": held_from.keys(), "ask-the-ward": contradicts, "not-to-be-entered": skipped,
              "later-form": later.keys()}
    targets: dict[str, list[str]] = {}
    for key, group in groups.items():
        if key in chosen:
            made = group.build()
            for resource in _tagged(made, review):
                made_of = _changes_with(made, resource, group.sources)
                writer.add(resource, resource["id"] not in made.unlike_before, carried(made_of),
                           _death_held(ctx, resource, made_of))
            for record_id, ids in made.made_from.items():
                targets.setdefault(record_id, []).extend(ids)
    ask = []
    newer = {record_id: LaterForm(record_id, record.form_id, record.version, later[record_id],
                                  ctx.forms[record.form_id].version, numbers.get(str(record.patient_id), ""),
                                  record_id in targets)
             for record_id, record in ctx.records.items() if record_id in later}
    for record_id, ids in targets.items():
        record = ctx.records[record_id]
        found = AskTheWard(record_id, record.form_id, record.version, record.id, numbers.get(str(record.patient_id), ""),
                           conflicts.get(record_id, ()), False, otherwise.get(record_id, ()), record_id in pending
                           ) if record_id in asked else None
        provenance = _provenance(record, ids, ctx, held_from.get(record_id), " — ".join(filter(None, (
            NOT_TO_BE_ENTERED.format(said=not_entered[record_id].text_in("en")) if record_id in not_entered else "",
            UNVERIFIED_DEATH if unverified(record) and not (found and found.death_not_verified) else "",
            newer[record_id].words() if record_id in newer else "",
            found.words() if found else ""))))
        if record_id in pending:
            provenance = {"resourceType": "Provenance", "id": provenance["id"],
                          "meta": {"tag": [coding(REVIEW, DEATH_NOT_VERIFIED)]}} | provenance
        if found is not None:
            # Its Provenance went in an earlier bundle (storage.fhir_sent), whatever its range; or,
            # the database keeping that only since m022_fhir_sent, the record is unchanged since
            # the range of the export before this `--since-last` one.
            found = replace(found, in_an_earlier_export=record_id not in changed or writer.was_sent(provenance))
        writer.add(provenance, carried=carried((record_id,)))
        ask += [found] if found else []
    left_out = {record_id for record_id in skipped if record_id in ctx.records and record_id not in targets
                and (record_id in changed or record_id in contradicted)}
    return _Page(ask, {record_id for record_id in targets if record_id in withdrawn}, left_out,
                 [found for record_id, found in newer.items() if record_id in changed or found.in_bundle])


class _Writer:
    """Entries written as they come, with what the bundle's checks need kept meanwhile: the
    code check's shapes, every entry's fullUrl, and the references not resolved yet; and, for
    storage.fhir_sent, the hashes of the entries whose content an earlier export did not send
    (`sent` says what it did; `named` names staff as releases before staff identifiers did, see
    fhir_elements.named_as_before)."""

    def __init__(self, out: BinaryIO, head: dict[str, Any], sent: Callable[[int], int | None],
                 named: Callable[[str, str], str]) -> None:
        self.out = out
        self.codes = CodeCheck(head)
        self.inside: set[str] = set()
        self.pending: list[tuple[str, str]] = []
        self.count = 0
        self.sent = sent
        self.named = named
        self.updates = 0
        self.resources: array[int] = array("q")
        self.contents: array[int] = array("q")
        out.write(orjson.dumps(head)[:-1] + b',"entry":[')

    def was_sent(self, resource: dict[str, Any]) -> bool:
        """Whether an earlier export sent `resource`, with this content or another."""
        return self.sent(identity(resource["resourceType"], _condition(resource))) is not None

    def add(self, resource: dict[str, Any], as_before: bool = True, carried: bool = False,
            death_held: bool = False) -> None:
        """Write `resource`: an update when an earlier export sent it with other content, unless
        that content was `resource` as an earlier release wrote it and `as_before` allows that
        to stand for it; or when no export of this database sent it but `carried` (another
        laptop's bundle may have, with other content, see `_carried`), as a conditional update
        creates it where the EHR does not hold it; never for the EHR's own patient (`_the_ehrs`),
        whose death goes as a patch unless `death_held` (`_death_held`)."""
        kind, condition = resource["resourceType"], _condition(resource)
        full_url = f"urn:uuid:{resource['id']}"
        body = orjson.dumps(resource)
        known_by, content = identity(kind, condition), hashed(orjson.dumps(_untagged(resource)) if "meta" in resource
                                                              else body)
        before = self.sent(known_by)
        if before != content:
            self.resources.append(known_by)
            self.contents.append(content)
            if as_before and before is not None and any(before == hashed(orjson.dumps(form))
                                                        for form in self._as_before(resource)):
                before = content  # the content sent, as an earlier release wrote it: nothing to update
        if (before is None and not carried) or before == content or _the_ehrs(resource):
            request = {"method": "POST", "url": kind, "ifNoneExist": condition}
        else:
            resource = {name: value for name, value in resource.items() if name != "id"}
            body = orjson.dumps(resource)
            request = {"method": "PUT", "url": f"{kind}?{condition}"}
            self.updates += 1
        self._write(full_url, resource, body, request)
        if _the_ehrs(resource) and not death_held:
            self._deceased(resource, condition)

    def _write(self, full_url: str, resource: dict[str, Any], body: bytes, request: dict[str, str]) -> None:
        references = self.codes.add({"fullUrl": full_url, "resource": resource, "request": request})
        self.inside.add(full_url)
        self.pending += [(full_url, target) for target in references if target not in self.inside]
        self.out.write((b",\n" if self.count else b"\n") + b'{"fullUrl":' + orjson.dumps(full_url) + b',"resource":'
                       + body + b',"request":' + orjson.dumps(request) + b"}")
        self.count += 1

    def _deceased(self, patient: dict[str, Any], condition: str) -> None:
        """The death of the EHR's own patient (`_the_ehrs`), who is never updated: the Patient
        says it, but its conditional create finds the EHR's patient and changes nothing, so the
        death reached the EHR through the stay and the orders, never the patient's file. A
        conditional patch on the EHR number (fhir_patients.deceased_patch) sets the death alone,
        in every bundle carrying the patient while it stands (a transaction makes its creates
        before its patches, so a patient the EHR did not hold yet is created first). It carries
        the Patient's review tags: an engine must not apply unseen a death on hold or to ask the
        ward about. Once the death is withdrawn, one patch takes it out where an earlier bundle
        put it in, and only then: a death the EHR's own staff recorded is theirs, and one held
        until a doctor verifies it is not withdrawn (`add` is not asked then). Known by the
        downtime number's patient, not the EHR number: of two numbers linked to one EHR patient,
        the one that recorded no death takes nothing back."""
        died = patient.get("deceasedDateTime")
        patch = deceased_patch(died)
        known_by, content = identity("Patient.deceased", patient["id"]), hashed(orjson.dumps(patch))
        before = self.sent(known_by)
        if died is None and before in (None, content):
            return
        if before != content:
            self.resources.append(known_by)
            self.contents.append(content)
        tagged = patch | ({"meta": patient["meta"]} if "meta" in patient else {})
        self._write(f"urn:uuid:{derived_id(patient['id'], 'deceased')}", tagged, orjson.dumps(tagged),
                    {"method": "PATCH", "url": f"Patient?{condition}"})

    def _as_before(self, resource: dict[str, Any]) -> list[dict[str, Any]]:
        """`resource` as releases before staff identifiers, the identity's reliability, the INS
        type and the birthplace wrote it, without its review tags: an earlier export's record of
        what it sent is one of these forms' hash, and the EHR already holds what it says."""
        before = named_as_before(_untagged(resource), self.named)
        return identity_as_before(before) if before["resourceType"] == "Patient" else [before]

    def finish(self) -> int:
        self.out.write(b"\n]}\n")
        self.codes.finish()
        missing = sorted({(source, target) for source, target in self.pending if target not in self.inside})
        if missing:
            raise UnresolvedReference("FHIR export: references outside the bundle: "
                                      + "; ".join(f"{source} -> {target}" for source, target in missing))
        return self.count


def _tagged(made: Made, review: Mapping[str, Collection[str]]) -> list[dict[str, Any]]:
    """The group's resources, each made from a record its Provenance warns of tagged as such
    (`review`: the records by code of fhir_codes.REVIEW): an integration engine loads the
    resources and never reads the Provenance's words, and routes a tagged one to a person. Its
    own meta (a safeguarding concern's confidentiality label) is kept beside the tag."""
    codes: dict[str, set[str]] = {}
    for record_id, ids in made.made_from.items():
        said = {code for code, records in review.items() if record_id in records}
        for ident in ids if said else ():
            codes.setdefault(ident, set()).update(said)
    return [{"resourceType": resource["resourceType"], "id": resource["id"],
             "meta": resource.get("meta", {}) | {"tag": [coding(REVIEW, code) for code in review
                                                          if code in codes[resource["id"]]]}} | _untagged(resource)
            if resource["id"] in codes else resource for resource in made.resources]


def _untagged(resource: dict[str, Any]) -> dict[str, Any]:
    """A resource's content as storage.fhir_sent compares it: without its review tags, which
    say what to look at before entering it, not what it holds. Tagging one sent plain before
    (a dose asked about once its double arrived) made it an update replacing the EHR's copy,
    with any change made to it there since; posted as a conditional create, the engine still
    sees the tag and the copy is left as it is."""
    return {name: value for name, value in resource.items() if name != "meta"}


def _with_needs(groups: dict[str, Group], keys: set[str]) -> set[str]:
    chosen: set[str] = set()
    waiting = list(keys)
    while waiting:
        key = waiting.pop()
        if key not in chosen:
            chosen.add(key)
            waiting.extend(groups[key].needs)
    return chosen


def _provenance(record: RecordVersion, targets: list[str], ctx: Context, held_from: int | None,
                warned: str) -> dict[str, Any]:
    """Who wrote the record (and who amended it), when the care happened and when it was
    typed, and which version this is, with the reason for an amendment or a withdrawal; that it
    is on hold from `held_from`, when it is; and what the ward said of it or other laptops'
    records contradict in it (`warned`: NOT_TO_BE_ENTERED, AskTheWard.words, empty for none). A
    record `ctx.withdrawn` is a withdrawal, of the version an earlier bundle sent."""
    first = ctx.original(record)
    agents = [record] + ([first] if (first.author, first.device_id) != (record.author, record.device_id) else [])
    if record.record_id in ctx.withdrawn:
        operation, what = "NULLIFY", WITHDRAWN.format(version=record.version)
    elif record.status is RecordStatus.ENTERED_IN_ERROR:
        operation, what = "NULLIFY", f"Entered in error (version {record.version})"
    elif record.version > 1:
        operation, what = "UPDATE", f"Amended: version {record.version}"
    else:
        operation, what = "CREATE", "Recorded during the downtime (version 1)"
    if held_from is not None:
        what += (f" — ON HOLD: two laptops disagree from version {held_from}; not settled, do not take it as the"
                 " record (see the back-entry worklist)")
    if warned:
        what += f" — {warned}"
    title = ctx.forms[record.form_id].title.en if record.form_id in ctx.forms else record.form_id
    resource: dict[str, Any] = {
        "resourceType": "Provenance", "id": derived_id(record.record_id, "provenance"),
        "target": [reference(target) for target in targets], "occurredDateTime": moment(record.occurred_at),
        "recorded": moment(record.recorded_at),
        "activity": {"coding": [coding(DATA_OPERATION, operation)], "text": what},
        "agent": [{"type": {"coding": [coding(PROVENANCE_PARTICIPANT, "author")]},
                   "who": ctx.author(version)} for version in agents],
        "entity": [{"role": "source", "what": {
            "identifier": {"system": RECORD_SYSTEM, "value": record.record_id},
            "display": f"{title} {record.record_id}, version {record.version}"}}]}
    if record.reason:
        resource["reason"] = [{"text": record.reason}]
    return resource


def _changes_with(made: Made, resource: dict[str, Any], sources: frozenset[str]) -> Collection[str]:
    """The records a resource of a group may change with: the group's sources (a stay's end
    completes its diet and stops its orders, an operation done completes its request), but for
    a Patient only the records made into it (the admission that gives her identity, her death):
    her transfers and discharge do not change her, and an update would replace whole the
    identity the EHR's staff may have corrected since."""
    if resource["resourceType"] != "Patient":
        return sources
    return [record_id for record_id, ids in made.made_from.items() if resource["id"] in ids]


def _carried(ctx: Context, here: str, record_ids: Collection[str]) -> bool:
    """Whether another laptop's bundle may have sent what these records make (a resource, see
    `_changes_with`; a record's Provenance) with other content than here: a version of one came
    from another laptop (`here` is this database's device id), whose bundle may have sent it,
    and they hold more than one version between them, so that bundle may have been made before
    one: an amendment or a withdrawal, here or on that laptop after its bundle, or another
    record that changes it (a stay ended, an order stopped by a death or completed by its dose).
    The patient moved: laptop 2, which imported laptop 1's stick, doubled the dose of an order
    laptop 1's bundle had sent, or withdrew it, and its own bundle sent the order as a
    conditional create, which the EHR holding laptop 1's ignored; so did the records office's,
    its storage.fhir_sent empty of what the laptops' bundles sent. A single version that came
    from elsewhere stays a conditional create: an update would replace the EHR's copy whole,
    with any change made to it there, for nothing. Records not on the page (a linked number's
    leaving read with another page) are not judged."""
    known = [ctx.records[record_id] for record_id in record_ids if record_id in ctx.records]
    return (sum(record.version for record in known) > 1
            and any(version.device_id != here for record in known for version in (record, ctx.original(record))))


def _death_held(ctx: Context, resource: dict[str, Any], made_of: Collection[str]) -> bool:
    """Whether `resource` is a Patient whose death stands but is not verified yet (made from
    `made_of`, see `_changes_with`): she goes without `deceased` (fhir_patients.unverified), as
    she would once it is withdrawn, yet she died. Where an earlier bundle patched the EHR's
    patient deceased (verified was ticked by mistake), its patch taking the death out made a dead
    patient alive in the EHR, with nothing for a clerk to review; nothing is sent of her death
    until it is verified (its patch, again) or withdrawn (the delete)."""
    return resource["resourceType"] == "Patient" and any(
        unverified(ctx.records[record_id]) for record_id in made_of if record_id in ctx.records)


def _the_ehrs(resource: dict[str, Any]) -> bool:
    """A Patient found by the EHR's patient number (one the records office linked, see
    fhir_patients): the EHR's own patient, whose identity its staff keep. It is never updated:
    an update would replace that identity with the one typed on the ward. Its death goes as a
    patch of that alone (`_Writer._deceased`)."""
    return resource["resourceType"] == "Patient" and resource["identifier"][0]["system"] == IPP_SYSTEM


def _condition(resource: dict[str, Any]) -> str:
    """The search that finds the resource in the EHR: its first identifier (a Patient's EHR
    number once the records office linked it, its downtime number before, the record's own
    identifier otherwise); Provenance has no identifier, so it is
    found by the record it names as its source. A QuestionnaireResponse has a single identifier,
    not a list."""
    if resource["resourceType"] == "Provenance":
        return provenance_condition(resource["entity"][0]["what"]["identifier"]["value"])
    found = resource["identifier"]
    first = found if isinstance(found, dict) else found[0]
    return identifier_condition(first["system"], first["value"])


def references(value: Any) -> list[str]:
    """Every literal reference in a resource (or any part of one)."""
    return _references(to_json(value))


# A "reference" member with a string value, in JSON as pydantic_core writes it (no spaces); a
# quote inside a string is escaped, so text inside a value never matches.
_REFERENCE = re.compile(rb'"reference":"([^"\\]*(?:\\.[^"\\]*)*)"')


def _references(text: bytes) -> list[str]:
    return [json.loads(b'"' + found + b'"') if b"\\" in found else found.decode()
            for found in _REFERENCE.findall(text)]
