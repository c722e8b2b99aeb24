"""Records put on hold because two laptops wrote different versions of them: a record carried
from one laptop to another (an export imported on the ward the patient moved to) and then
amended on both has two versions 2. Neither may be back-entered as the record, nor dropped:
the versions both laptops agree on stand, and from the first that differs every version is
kept, side by side, for a person to compare. The merge, the import and the back-entry list
all name a hold the same way."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from downtime.domain.laptops import NOBODY, Authors, Laptop, laptop_name
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Listed, message, semicolon

ON_HOLD = QT_TRANSLATE_NOOP("messages", "ON HOLD, two laptops disagree from version {version}: record {record} "
                                        "({form}, patient {number}): {versions}")
HELD_VERSION = QT_TRANSLATE_NOOP("messages", "version {version} by {author} on {laptop} at {time}")
NO_PATIENT = QT_TRANSLATE_NOOP("messages", "none")


@dataclass(frozen=True)
class HeldVersion:
    """One version kept aside: which it is, who wrote it, on which laptop, when."""

    version: int
    author: str
    device_id: str
    recorded_at: str

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> HeldVersion:
        """From a record version's row, as stored or as an export's line holds it."""
        return cls(int(row["version"]), str(row["author"]), str(row["device_id"]), str(row["recorded_at"]))

    def text(self, lang: Lang, laptops: Mapping[str, Laptop] | None = None, authors: Authors = NOBODY) -> str:
        """"version 2 by nurse (laptop 002) on Ward 5A laptop 2 (no. 002) at 28/11/2026 14:10"
        (see Hold.text for `laptops` and `authors`)."""
        return message(lang, HELD_VERSION, version=self.version,
                       author=authors.of(lang, self.author, self.device_id, laptops or {}),
                       laptop=laptop_name(lang, self.device_id, laptops or {}),
                       time=f"{datetime.fromisoformat(self.recorded_at):%d/%m/%Y %H:%M}")


@dataclass(frozen=True)
class Hold:
    """A record whose versions from `from_version` on disagree; `versions` are all of them,
    each laptop's, in version order."""

    record_id: str
    form_id: str
    downtime_number: str
    """The patient's downtime number; empty for a record about no patient."""
    from_version: int
    versions: tuple[HeldVersion, ...]

    def as_json(self) -> dict[str, Any]:
        return {"record_id": self.record_id, "form_id": self.form_id, "downtime_number": self.downtime_number,
                "from_version": self.from_version,
                "versions": [{"version": held.version, "author": held.author, "device_id": held.device_id,
                              "recorded_at": held.recorded_at} for held in self.versions]}

    def text(self, lang: Lang, laptops: Mapping[str, Laptop] | None = None, titles: Mapping[str, str] | None = None,
             authors: Authors = NOBODY, versions: str = "") -> str:
        """`laptops`: what is known of each laptop by device id, to name it (domain.laptops);
        `titles`: each form's title in `lang`, and `authors` who wrote each version (see
        Authors), for the people reading it (a manifest keeps the form's id and the staff ID).
        `versions`: the versions said with the answers they differ in, as the back-entry list
        says them (services.back_entry.OnHold.text_in), where the caller has their answers:
        without them the clerk could not tell a comment's typo from another dose. Else each
        version by its author, laptop and time."""
        versions = versions or semicolon(lang).join(held.text(lang, laptops, authors) for held in self.versions)
        return message(lang, ON_HOLD, version=self.from_version, record=self.record_id,
                       form=(titles or {}).get(self.form_id, self.form_id),
                       number=self.downtime_number or message(lang, NO_PATIENT), versions=versions)


def held_order(row: Mapping[str, Any]) -> tuple[int, datetime, str]:
    """Where a set-aside version row goes among its record's: by version, then by the moment it
    was written (not its text: 02:40+02:00 is before 02:10+01:00 the night the clocks go back)."""
    return int(row["version"]), datetime.fromisoformat(str(row["recorded_at"])), json.dumps(dict(row), sort_keys=True)


def holds_of(rows: Iterable[Mapping[str, Any]], numbers: Mapping[str, str]) -> tuple[Hold, ...]:
    """The holds these set-aside version rows make, by record id; `numbers`: each patient's
    downtime number by patient id. Each record's versions in `held_order`."""
    by_record: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        by_record.setdefault(str(row["record_id"]), []).append(row)
    holds = []
    for record_id, found in sorted(by_record.items()):
        found.sort(key=held_order)
        patient = found[0]["patient_id"]
        holds.append(Hold(record_id, str(found[0]["form_id"]), numbers.get(patient, "") if patient else "",
                          int(found[0]["version"]), tuple(HeldVersion.of(row) for row in found)))
    return tuple(holds)


def settler(staff_id: str, name: str | None, authors: Mapping[str, str]) -> str:
    """Who settled a hold, by the name their settlement carries ("Anne Durand (clerk)"): another
    office's staff list may lack their staff ID, or give it to someone else. One settled before
    settlements carried a name is named by this office's list (`authors`, staff.names_with_ids)."""
    return f"{name} ({staff_id})" if name else authors.get(staff_id, staff_id)


NOT_TAKEN = QT_TRANSLATE_NOOP("messages", "SETTLEMENT NOT TAKEN HERE, record {record} ({form}, patient {number}) "
                                          "stays on hold: at another office {settler} settled it on {time}, choosing "
                                          "version {chosen} on {laptop}, \"{reason}\"; but {why}. {advice}")
STANDS_HERE = QT_TRANSLATE_NOOP("messages", "{version} stands here, not the version it left standing")
NOT_SEEN = QT_TRANSLATE_NOOP("messages", "it did not see {versions}")
BOTH = QT_TRANSLATE_NOOP("messages", "{first}, and {second}")
CHOOSE_IT_HERE = QT_TRANSLATE_NOOP("messages", "Settle it here choosing that version, with the ward's word as its "
                                               "reason.")
ASK_AGAIN = QT_TRANSLATE_NOOP("messages", "Ask the ward again, naming the version it did not see, then settle it "
                                          "here.")


SETTLED_BY = QT_TRANSLATE_NOOP("messages", "{settler} settled it on {time}, choosing version {chosen} on {laptop}, "
                                           "\"{reason}\"")

@dataclass(frozen=True)
class Settlement:
    """Who settled a hold, when, choosing which version and why, as a settlement row (the
    database's or an export's) holds it."""

    settled_by: str
    settled_at: str
    reason: str
    chosen_id: str
    chosen_version: int
    chosen_device_id: str
    settled_by_name: str | None = None
    """Their name, as their office knew them (see `settler`); none in an older settlement."""

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Settlement:
        return cls(str(row["settled_by"]), str(row["settled_at"]), str(row["reason"]), str(row["chosen_id"]),
                   int(row["chosen_version"]), str(row["chosen_device_id"]), row.get("settled_by_name"))

    def text(self, lang: Lang, laptops: Mapping[str, Laptop], authors: Authors) -> str:
        return message(lang, SETTLED_BY, settler=settler(self.settled_by, self.settled_by_name, authors.names),
                       time=f"{datetime.fromisoformat(self.settled_at):%d/%m/%Y %H:%M}", chosen=self.chosen_version,
                       laptop=laptop_name(lang, self.chosen_device_id, laptops), reason=self.reason)


@dataclass(frozen=True)
class SettlementNotTaken:
    """A settlement of a hold made at another office that an import could not take, as it means
    otherwise here: the record stays on hold, and the clerk is told what the ward said there and
    why it does not hold here, so as to settle it without phoning the ward for what they said
    already (or to phone them about the version they were not asked about)."""

    hold: Hold
    settlement: Settlement
    standing: HeldVersion | None
    """The version standing here, when it is not the one the settlement left standing."""
    unseen: tuple[HeldVersion, ...]
    """The versions here the settlement did not see (a ward's later amendment, say)."""

    @property
    def form_id(self) -> str:
        return self.hold.form_id

    @property
    def device_ids(self) -> set[str]:
        return {held.device_id for held in self.hold.versions} | {self.settlement.chosen_device_id}

    def text(self, lang: Lang, laptops: Mapping[str, Laptop] | None = None, titles: Mapping[str, str] | None = None,
             authors: Authors = NOBODY) -> str:
        """As Hold.text names a hold (see there for `laptops`, `titles` and `authors`)."""
        why = [message(lang, STANDS_HERE, version=self.standing.text(lang, laptops, authors))] if self.standing else []
        if self.unseen:
            why.append(message(lang, NOT_SEEN, versions=semicolon(lang).join(held.text(lang, laptops, authors)
                                                                             for held in self.unseen)))
        return message(lang, NOT_TAKEN, record=self.hold.record_id,
                       form=(titles or {}).get(self.hold.form_id, self.hold.form_id),
                       number=self.hold.downtime_number or message(lang, NO_PATIENT),
                       settler=settler(self.settlement.settled_by, self.settlement.settled_by_name, authors.names),
                       time=f"{datetime.fromisoformat(self.settlement.settled_at):%d/%m/%Y %H:%M}",
                       chosen=self.settlement.chosen_version,
                       laptop=laptop_name(lang, self.settlement.chosen_device_id, laptops or {}),
                       reason=self.settlement.reason,
                       why=message(lang, BOTH, first=why[0], second=why[1]) if len(why) > 1 else why[0],
                       advice=message(lang, ASK_AGAIN if self.unseen else CHOOSE_IT_HERE))


SETTLED_OTHERWISE = QT_TRANSLATE_NOOP("messages", "SETTLED OTHERWISE AT ANOTHER OFFICE, record {record} ({form}, "
                                                  "patient {number}): here {here}; at another office {there}. "
                                                  "Standing here: {standing}. {advice}")
SAME_CHOICE = QT_TRANSLATE_NOOP("messages", "Both chose the same version: nothing to put right.")
ASK_WHICH = QT_TRANSLATE_NOOP("messages", "Ask the ward which version is right and tell the other office; back-enter "
                                          "the record as the ward says, whichever version stands here (if it is in "
                                          "the EHR already, put it right there).")


SETTLED_AT_TWO_OFFICES = QT_TRANSLATE_NOOP("messages", "SETTLED OTHERWISE AT ANOTHER OFFICE, record {record} ({form}, "
                                                       "patient {number}): at one office {here}; at another office "
                                                       "{there}. Standing here: {standing}. {advice}")
NEITHER_TAKEN = QT_TRANSLATE_NOOP("messages", "Neither is taken here.")
FIRST_TAKEN = QT_TRANSLATE_NOOP("messages", "The first was taken here by an earlier import, the second is not.")
SETTLE_IT_HERE = QT_TRANSLATE_NOOP("messages", "The record is on hold here: ask the ward which version is right, tell "
                                               "both offices, then settle it here.")
ASK_BOTH = QT_TRANSLATE_NOOP("messages", "Ask the ward which version is right and tell both offices; back-enter the "
                                         "record as the ward says, whichever version stands here (if it is in the EHR "
                                         "already, put it right there).")


@dataclass(frozen=True)
class SettledOtherwise:
    """A hold this office settled that another office settled otherwise (another version chosen,
    or another reason given): the import takes nothing of theirs, and says so, as the record is
    no longer on hold here and nothing else would tell the clerk that two wards' words, or two
    clerks' choices, disagree. Or (`ours` false) a hold two other offices settled choosing
    different versions, and this office not: it takes neither (nor the second, the first taken
    by an earlier import): taken, the record read as one office's choice, or the other's
    amendment followed the first's settlement, and nothing was said."""

    record_id: str
    form_id: str
    downtime_number: str
    here: Settlement
    """This office's settlement, or (`ours` false) the earlier of the other offices'."""
    there: Settlement
    standing: HeldVersion
    """The version standing here now (another office's amendment, when its import followed)."""
    ours: bool = True
    first_taken: bool = False
    """(`ours` false) The earlier was taken here, by an earlier import."""
    on_hold: bool = False
    """(`ours` false) The record is on hold here (neither taken, or the later one's amendment set aside)."""

    @property
    def device_ids(self) -> set[str]:
        return {self.here.chosen_device_id, self.there.chosen_device_id, self.standing.device_id}

    @property
    def agrees(self) -> bool:
        """Both chose the same version (whoever took it down, for whatever reason)."""
        return self.here.chosen_id == self.there.chosen_id

    def text(self, lang: Lang, laptops: Mapping[str, Laptop] | None = None, titles: Mapping[str, str] | None = None,
             authors: Authors = NOBODY) -> str:
        """As Hold.text names a hold (see there for `laptops`, `titles` and `authors`)."""
        laptops = laptops or {}
        advice = message(lang, SAME_CHOICE if self.agrees else ASK_WHICH) if self.ours else " ".join((
            message(lang, FIRST_TAKEN if self.first_taken else NEITHER_TAKEN),
            message(lang, SETTLE_IT_HERE if self.on_hold else ASK_BOTH)))
        return message(lang, SETTLED_OTHERWISE if self.ours else SETTLED_AT_TWO_OFFICES, record=self.record_id,
                       form=(titles or {}).get(self.form_id, self.form_id),
                       number=self.downtime_number or message(lang, NO_PATIENT),
                       here=self.here.text(lang, laptops, authors), there=self.there.text(lang, laptops, authors),
                       standing=self.standing.text(lang, laptops, authors), advice=advice)


SETTLEMENTS_DIFFER = QT_TRANSLATE_NOOP("messages", "SETTLED OTHERWISE AT ANOTHER OFFICE, record {record} ({form}, "
                                                   "patient {number}): at one office {first}; at another office "
                                                   "{second}. An office importing this merge takes neither: ask the "
                                                   "ward which version is right and tell both offices.")


@dataclass(frozen=True)
class SettlementsDiffer:
    """Two offices' settlements of one hold, carried by the exports a merge merges, that chose
    different versions: the merge takes neither as settling the record, which it names on hold,
    and names both, so that the clerk knows before importing it (an office importing it takes
    neither either, see sync.import_export)."""

    record_id: str
    form_id: str
    downtime_number: str
    first: Settlement
    second: Settlement

    @property
    def device_ids(self) -> set[str]:
        return {self.first.chosen_device_id, self.second.chosen_device_id}

    def text(self, lang: Lang, laptops: Mapping[str, Laptop] | None = None, titles: Mapping[str, str] | None = None,
             authors: Authors = NOBODY) -> str:
        """As Hold.text names a hold (see there for `laptops`, `titles` and `authors`)."""
        laptops = laptops or {}
        return message(lang, SETTLEMENTS_DIFFER, record=self.record_id,
                       form=(titles or {}).get(self.form_id, self.form_id),
                       number=self.downtime_number or message(lang, NO_PATIENT),
                       first=self.first.text(lang, laptops, authors), second=self.second.text(lang, laptops, authors))


SETTLED_WHAT = QT_TRANSLATE_NOOP("messages", "the hold from version {version}: version {chosen} on {laptop} chosen, "
                                             "version {standing} stands")
# A combination ("Keep both changes") wrote the version it left standing: said as what it kept
# together, the way a choice says which version it took. Said as a choice, History read
# "version 3 on the records office's laptop chosen" under a reason saying "combined".
COMBINED_WHAT = QT_TRANSLATE_NOOP("messages", "the hold from version {version}: {versions} combined into version "
                                              "{standing}, which stands")
COMBINED_VERSION = QT_TRANSLATE_NOOP("messages", "version {version} on {laptop}")

SETTLED_LINE = QT_TRANSLATE_NOOP("messages", "hold settled by {author}, {time}: {what}; reason: {reason}")


@dataclass(frozen=True)
class Settled:
    """A settlement of a record's hold as History, the printed record and the worklist line say
    it, beside the versions: one that chose the version standing wrote no version, and its
    reason (who decided) was read in the audit log alone."""

    at: datetime
    by: str
    """The clerk's staff ID (named where read, see staff.names_with_ids)."""
    from_version: int
    chosen_version: int
    chosen_device_id: str
    standing_version: int
    reason: str
    laptops: Mapping[str, Laptop]
    """What is known of the chosen version's laptop, to name it (domain.laptops)."""
    authors: Mapping[str, str] = field(default_factory=dict, compare=False)
    """Each staff ID with the person's name (staff.names_with_ids), to name the clerk."""
    by_name: str | None = None
    """The clerk's name, as the settlement carries it (see `settler`); none in an older one."""
    combined: tuple[tuple[int, str], ...] = ()
    """The versions a combination kept together, each laptop's latest (version, device id);
    none for a choice, or a combination stored before they were kept (migration m028)."""

    @property
    def settler(self) -> str:
        """The clerk, as "Anne Durand (clerk)"."""
        return settler(self.by, self.by_name, self.authors)

    def text_in(self, lang: Lang) -> str:
        """On the worklist line of the version it left standing, until it is entered: which
        version the ward chose, who took it down, and the ward's word."""
        return message(lang, SETTLED_LINE, author=self.settler, time=f"{self.at:%d/%m/%Y %H:%M}",
                       what=self.what_in(lang), reason=self.reason)

    def what_in(self, lang: Lang) -> str:
        """As "the hold from version 2: version 2 on Ward 3B laptop 1 (no. 001) chosen, version 2 stands", or
        for a combination "the hold from version 2: version 2 on laptop 2 (no. 002); version 2 on laptop 1
        (no. 001) combined into version 3, which stands"."""
        if self.combined:
            return message(lang, COMBINED_WHAT, version=self.from_version, standing=self.standing_version,
                           versions=Listed(tuple(message(lang, COMBINED_VERSION, version=version,
                                                         laptop=laptop_name(lang, device_id, self.laptops))
                                                 for version, device_id in self.combined)))
        return message(lang, SETTLED_WHAT, version=self.from_version, chosen=self.chosen_version,
                       laptop=laptop_name(lang, self.chosen_device_id, self.laptops), standing=self.standing_version)
