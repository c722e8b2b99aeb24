"""What every import reports, whatever it read (an export, a merge or a snapshot), and how an
import or an export tells its progress."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from datetime import datetime

from downtime.domain.census import Movement
from downtime.domain.clock import DATED, local_now, ward_time
from downtime.domain.duplicates import ProbableDuplicate, SharedNumber, duplicate_lines
from downtime.domain.holds import Hold, SettledOtherwise, SettlementNotTaken
from downtime.domain.laptops import Authors, Laptop, laptop_name
from downtime.domain.tally import Tally
from downtime.errors import UserError
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Number, Said, message, translate
from downtime.services.back_entry import AS_REQUIRED_TWICE, GIVEN_AT, ORDER_STOPPED, SAME_DOSE, Conflict
from downtime.sync.missing import MISSING_IMPORT, MissingVersions

if TYPE_CHECKING:
    from downtime.formspec.schema import Text
    from downtime.services.back_entry import OnHold
    from downtime.services.printing import BandChange
    from downtime.services.theatre import ClashReport
    from downtime.sync.merge import LaterForms, NotExported

Progress = Callable[[int, int], None]
"""Told (done, total) as long work goes, for a progress bar."""


def untold(done: int, total: int) -> None:
    """The progress of work that no bar shows (the command line, the tests)."""


class ImportRefused(UserError):
    """Names the file and line (or bundle entry) and the field; nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    kind: str
    added: dict[str, int]
    unchanged: dict[str, int]
    """What was here already, unchanged, counted by kind as `added` is."""
    theatre_clashes: tuple[ClashReport, ...] = ()
    """Operations the import brought that stand at once with another where one forbids the
    other (two laptops' bookings), or outside their session (one laptop shortened the list, the
    other booked on it): imported all the same, for a coordinator to move one."""
    holds: tuple[Hold, ...] = ()
    """Records the import put versions on hold of (another laptop wrote them otherwise): the
    rest was imported, these versions kept aside, for a person to compare."""
    laptops: dict[str, Laptop] = field(default_factory=dict)
    """What is known of the laptops of its holds, by device id, to name them (domain.laptops)."""
    titles: dict[str, Text] = field(default_factory=dict)
    """The titles of its holds' forms, to name them to the nurse or clerk reading the result."""
    authors: Authors = field(default_factory=Authors)
    """Who wrote each version on hold, to name them to the one reading the result (see
    domain.holds.Authors)."""
    settlements_not_taken: tuple[SettlementNotTaken | SettledOtherwise, ...] = ()
    """Settlements of holds made at another office that mean otherwise here (another version
    stands here, or one here was not seen), whose record stays on hold here: said with who
    settled, their reason and why, so the clerk does not phone the ward again unawares; and
    those of holds this office settled otherwise, said with both clerks' choices."""
    to_check: tuple[Said, ...] = ()
    """What a snapshot loaded, or left, for the ward to check: its patients loaded though they
    look like a patient in hospital by name and birthday alone (admitted on the ward without NIR
    or IPP, or a twin); its lines that contradict themselves, loaded the safe way (an allergy
    listed beside "no known allergies", loaded as listed; sync.snapshot.SnapshotItem.notes); and
    the patients an earlier snapshot loaded that it leaves out, still in their beds here. For an
    export: this laptop's records dated after a death, discharge or transfer out it brought
    (`DatedAfterLeaving`), this laptop's doses that doses or a stopped order it brought
    contradict (`DoseToCheck`), and the beds it put a patient in whom another patient here holds
    (`BedShared`)."""
    shared_numbers: tuple[SharedNumber, ...] = ()
    """Downtime numbers the import gave a second patient, of another laptop set up with the same
    device number (imported with --shared-device-number), each with both patients."""
    duplicates: tuple[ProbableDuplicate, ...] = ()
    """Patients the import admitted (or whose admission it changed) who probably are a patient
    under another downtime number, not yet linked to EHR patients: the merge's PROBABLE
    DUPLICATE, for exports imported one by one."""

    compared: Mapping[str, OnHold] = field(default_factory=dict)
    """Each of its holds' versions with the answers they differ in, by record id, as the
    back-entry list shows them: said with each hold, so the clerk or the ward knows whether it
    is a typo in a comment or another dose."""

    missing: tuple[MissingVersions, ...] = ()
    """Versions of a laptop that none of its exports imported here hold, this one or any before:
    a --since-last stick that never came, said at every import until it does."""

    tally: Tally | None = None
    """The Back-entry list's records reconciled with the record versions here, once imported
    (services.back_entry.tally), for the records office (None where no one back-enters): the
    import counts versions, the list records, and the clerk checking nothing was lost read two
    numbers with no word of why."""

    not_exported: tuple[NotExported, ...] = ()
    """What the export's laptops say none of their exports holds (sync.merge.not_exported): the
    records lost to a restore from a backup, the drafts never saved at the latest export."""

    bands: tuple[BandChange, ...] = ()
    """Patients in hospital here whose wristband the import made wrong, with what in it
    (sync.importing.import_path): an allergy, a name or a birth date another laptop or the EHR
    recorded, or another laptop's version of the admission put on hold, which the band names
    too. Amended here, the nurse is offered a new band; brought by an import, the old band
    stayed on the patient and nobody knew."""

    later_forms: tuple[LaterForms, ...] = ()
    """The records the export's laptops' bundles left out or tagged, written with a later version
    of their form than the laptop's (sync.merge.later_forms): a merge said them, an office
    importing the sticks one by one was never told to post its own bundle for them."""

    def later_forms_text(self, lang: Lang) -> list[str]:
        """Each laptop's `later_forms`, a line each, after the exports not merged."""
        return [found.text(lang, self.laptops) for found in self.later_forms]

    def bands_text(self, lang: Lang) -> list[str]:
        """The `bands` to reprint, each patient by number and name with what changed; then the
        ID labels that read what was too, to destroy, as an amendment here says."""
        if not self.bands:
            return []
        said = [message(lang, BAND_OUT_OF_DATE, count=len(self.bands), patients="; ".join(
            message(lang, BAND_OF, number=band.patient.downtime_number, name=band.patient.display_name,
                    changed=", ".join(message(lang, BAND_CHANGED[part]) for part in band.parts))
            for band in self.bands))]
        if labelled := [band.patient for band in self.bands if band.labels_too]:
            said.append(message(lang, LABELS_OUT_OF_DATE, patients="; ".join(
                f"{patient.downtime_number} {patient.display_name}" for patient in labelled)))
        return said

    def not_exported_text(self, lang: Lang, titles: Mapping[str, str] | None = None) -> list[str]:
        """The `not_exported`, as the merge's report says them (`titles`: each form's title in `lang`)."""
        return [found.text(lang, titles) for found in self.not_exported]

    def listed_text(self, lang: Lang) -> list[str]:
        """The `tally` as the Back-entry tab's header says it, if any."""
        return [self.tally.listed_in(lang)] if self.tally is not None else []

    def missing_text(self, lang: Lang) -> list[str]:
        """The `missing`, in the merge's words for an import."""
        return [found.text(lang, self.laptops, MISSING_IMPORT) for found in self.missing]

    def duplicates_text(self, lang: Lang) -> list[str]:
        """The `duplicates`, as the merge's report says them."""
        return duplicate_lines(self.duplicates, lang)

    def holds_text(self, lang: Lang) -> list[str]:
        """Each hold the import brought, then each settlement it could not take."""
        titles = {form_id: title.get(lang) for form_id, title in self.titles.items()}
        return [*(hold.text(lang, self.laptops, titles, self.authors, self.compared[hold.record_id].text_in(lang))
                  for hold in self.holds),
                *(found.text(lang, self.laptops, titles, self.authors) for found in self.settlements_not_taken)]

    def added_text(self, lang: Lang) -> str:
        """What was added, counted by kind in words ("2 patient(s), 14 record version(s)")."""
        return _counted(lang, self.added)

    def unchanged_text(self, lang: Lang) -> str:
        """What was here already, likewise: patients and record versions added together made
        one number that was neither."""
        return _counted(lang, self.unchanged) or "0"

    def kind_in(self, lang: Lang) -> str:
        """What was imported, in words: the command line said "(export)" in every language."""
        return translate(lang, "ImportWizard", KINDS[self.kind])


# A record of this laptop's dated after its patient left by a record an import brought, by how they left.
ASK_NOW = {
    Movement.DEATH: QT_TRANSLATE_NOOP("messages", "{patient}: {record}, recorded on this laptop by {by}, is dated after "
                                                  "this patient's death at {at}, recorded on {laptop} by {author}, "
                                                  "{time}: find out now whether it was another patient's, or whether "
                                                  "the death is right."),
    Movement.DISCHARGE: QT_TRANSLATE_NOOP("messages", "{patient}: {record}, recorded on this laptop by {by}, is dated "
                                                      "after this patient's discharge at {at}, recorded on {laptop} by "
                                                      "{author}, {time}: find out now whether it was another "
                                                      "patient's, or whether the discharge is right."),
    Movement.TRANSFER_OUT: QT_TRANSLATE_NOOP("messages", "{patient}: {record}, recorded on this laptop by {by}, is "
                                                         "dated after this patient's transfer to another hospital at "
                                                         "{at}, recorded on {laptop} by {author}, {time}: find out now "
                                                         "whether it was another patient's, or whether the transfer "
                                                         "is right.")}


@dataclass(frozen=True)
class DatedAfterLeaving:
    """A record this laptop holds dated after its patient's death, discharge or transfer out
    that an import brought from another laptop (services.back_entry.conflicts_among's
    AFTER_LEAVING, the records office's rule): the dose went to another patient, or a living
    patient is recorded dead, and the import said nothing while the patient left the census;
    the records office asked the ward days later."""

    patient: str
    """The patient's downtime number and name."""
    record: str
    """This laptop's record, as the records list labels it (services.records.record_label)."""
    by: str
    """Who recorded it here."""
    movement: Movement
    leaving: Conflict
    """The other laptop's record of the leaving, its laptop and who wrote it."""

    def text(self, lang: Lang) -> str:
        left = self.leaving.record
        laptops = {left.device_id: self.leaving.laptop}
        return message(lang, ASK_NOW[self.movement], patient=self.patient, record=self.record, by=self.by,
                       at=_on_the_clock(left.occurred_at), laptop=laptop_name(lang, left.device_id, laptops),
                       author=self.leaving.authors.of(lang, left.author, left.device_id, laptops),
                       time=_on_the_clock(left.recorded_at))


def _on_the_clock(moment: datetime) -> str:
    """`moment` dated on this laptop's clock, the ward's (rules included), with its offset in the
    hour the clocks repeat (domain.clock.ward_time): "given at 25/10/2026 02:30" said neither which
    02:30 the other laptop's dose was, nor whether it was before this one; and the other laptop's
    writing was dated on its own offset."""
    return ward_time(moment, local_now().tzinfo, DATED)


# This laptop's dose that a record an import brought contradicts, by the records office's rule
# (services.back_entry.conflicts_among), as the ward is told at once.
DOSE_NOW = {
    SAME_DOSE: QT_TRANSLATE_NOOP("messages", "{patient}: {record}, recorded on this laptop by {by}, was given on "
                                             "{laptop} too by {author} ({given}): the dose may have been given twice. "
                                             "Check the patient now and tell the prescriber."),
    AS_REQUIRED_TWICE: QT_TRANSLATE_NOOP("messages", "{patient}: {record}, recorded on this laptop by {by}, and a dose "
                                                     "of the same order given on {laptop} by {author} ({given}) are "
                                                     "{minutes} min apart (ordered at least {hours} h apart): check "
                                                     "the patient now and tell the prescriber."),
    ORDER_STOPPED: QT_TRANSLATE_NOOP("messages", "{patient}: {record}, recorded on this laptop by {by}, was given after "
                                                 "its order was stopped at {stopped} on {laptop} by {author}: check "
                                                 "the patient now and ask the prescriber.")}


@dataclass(frozen=True)
class DoseToCheck:
    """A dose this laptop recorded that a record an import brought contradicts: the same
    scheduled dose given on the other laptop too, an as-required dose given there closer to it
    than the order allows, or the order stopped there before it. Each laptop weighed its doses
    against its own records only; the records office saw both days later, while the patient
    might have had a second dose of an opioid now."""

    patient: str
    """The patient's downtime number and name."""
    record: str
    """This laptop's dose, as the records list labels it (services.records.record_label)."""
    by: str
    """Who recorded it here."""
    other: Conflict
    """The other laptop's record, its laptop and who wrote it."""

    def text(self, lang: Lang) -> str:
        other = self.other.record
        laptops = {other.device_id: self.other.laptop}
        apart = self.other.apart
        stopped = other.data.get("stop_at")
        return message(lang, DOSE_NOW[self.other.said], patient=self.patient, record=self.record, by=self.by,
                       laptop=laptop_name(lang, other.device_id, laptops),
                       author=self.other.authors.of(lang, other.author, other.device_id, laptops),
                       given=message(lang, GIVEN_AT, time=_on_the_clock(other.occurred_at)),
                       minutes=apart.minutes if apart else 0, hours=Number(apart.hours) if apart else 0,
                       stopped=_on_the_clock(datetime.fromisoformat(str(stopped))) if stopped else "")


BED_SHARED = QT_TRANSLATE_NOOP("messages", "Bed {bed} of ward {ward} holds {patients} by the census here: the import "
                                           "brought {moved}'s move into it. Check who is in the bed and record where "
                                           "the other went; if they are one person admitted twice, tell the records "
                                           "office.")


@dataclass(frozen=True)
class BedShared:
    """A bed that a movement an import brought put a patient in while another patient holds it
    here: the stick is taken (refusing it would keep the moved patient's records off the ward),
    and the ward is told, by both patients' numbers and names (a ward that admitted the arrival
    again had one person as two patients in one bed, and nothing said so)."""

    ward: str
    bed: str
    moved: str
    """The patient the import moved in, by downtime number and name."""
    patients: tuple[str, ...]
    """Every patient in the bed now, likewise."""

    def text(self, lang: Lang) -> str:
        return message(lang, BED_SHARED, bed=self.bed, ward=self.ward, moved=self.moved,
                       patients=", ".join(self.patients))


BAND_OUT_OF_DATE = QT_TRANSLATE_NOOP("messages", "Wristband out of date for {count} patient(s): print a new one, put it "
                                                 "on the patient and remove the old one — {patients}.")
BAND_OF = QT_TRANSLATE_NOOP("messages", "{number} {name} ({changed})")
LABELS_OUT_OF_DATE = QT_TRANSLATE_NOOP("messages", "Their ID labels read what was too: destroy every one left, in the "
                                                   "patient's folder and at the nurses' station, and print a new sheet — "
                                                   "{patients}.")
# What changed on a band (services.printing.BAND_PARTS, and the check of another laptop's identity).
BAND_CHANGED = {"name": QT_TRANSLATE_NOOP("messages", "name changed"),
                "born": QT_TRANSLATE_NOOP("messages", "date of birth or sex changed"),
                "number": QT_TRANSLATE_NOOP("messages", "downtime number changed"),
                "ipp": QT_TRANSLATE_NOOP("messages", "IPP changed"),
                "allergies": QT_TRANSLATE_NOOP("messages", "allergies changed"),
                "identity": QT_TRANSLATE_NOOP("messages", "identity check changed")}

HELD = "records_on_hold"
"""The kind of an export's record versions an import put on hold, kept aside (sync.import_export)."""
WITHDRAWN_ALIKE = "withdrawals_kept_aside"
"""The kind of another laptop's withdrawals of a record withdrawn here, kept aside in the audit
(sync.import_export.WITHDRAWN_ALIKE_ACTION): counted "unchanged", though stored nowhere."""


def _counted(lang: Lang, counts: dict[str, int]) -> str:
    return ", ".join(message(lang, ADDED[kind], count=count) for kind, count in sorted(counts.items()))


KINDS = {"export": QT_TRANSLATE_NOOP("ImportWizard", "exports or a merge of exports"),
         "snapshot": QT_TRANSLATE_NOOP("ImportWizard", "a snapshot")}


# The kinds an import counts: a snapshot's lines, or an export's patients and record versions.
ADDED = {"patient": QT_TRANSLATE_NOOP("messages", "{count} patient(s)"),
         "patients": QT_TRANSLATE_NOOP("messages", "{count} patient(s)"),
         "order": QT_TRANSLATE_NOOP("messages", "{count} medication order(s)"),
         "session": QT_TRANSLATE_NOOP("messages", "{count} theatre session(s)"),
         "booking": QT_TRANSLATE_NOOP("messages", "{count} theatre booking(s)"),
         "records": QT_TRANSLATE_NOOP("messages", "{count} record version(s)"),
         HELD: QT_TRANSLATE_NOOP("messages", "{count} record version(s) put on hold (two laptops wrote them "
                                             "otherwise), kept aside"),
         "settlements": QT_TRANSLATE_NOOP("messages", "{count} hold(s) settled at another office"),
         WITHDRAWN_ALIKE: QT_TRANSLATE_NOOP("messages", "{count} withdrawal(s) of a record withdrawn here already, "
                                                        "made on another laptop too: kept aside in the import's "
                                                        "audit, not as a version")}
