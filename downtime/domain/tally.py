"""How many record versions and records each step of back-entry counts, and why the next step's
number differs, so a clerk checking that nothing was lost can reconcile them. The merge counts
record versions (468), its import the versions it adds (466: the versions on hold are kept aside),
and the Back-entry list records, one line each at its latest version (464: amendments are
versions of a record listed once, and a record withdrawn before anyone entered it, or loaded from
the EHR and unchanged, is not back-entered). The three numbers stood side by side with no word
of why."""

from __future__ import annotations

from dataclasses import dataclass

from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message, semicolon

VERSIONS_OF_RECORDS = QT_TRANSLATE_NOOP("messages", "{versions} record version(s) of {records} record(s)")
LATER = QT_TRANSLATE_NOOP("messages", "{count} later version(s) of a record (amendments, or versions two laptops "
                                      "wrote otherwise)")
HELD = QT_TRANSLATE_NOOP("messages", "{count} version(s) on hold (two laptops wrote them otherwise), kept aside until "
                                     "the hold is settled")
SET_ASIDE = QT_TRANSLATE_NOOP("messages", "{count} version(s) set aside when their hold was settled")
WITHDRAWN = QT_TRANSLATE_NOOP("messages", "{count} record(s) withdrawn (entered in error) before anyone entered them "
                                          "in the EHR, not listed")
LOADED = QT_TRANSLATE_NOOP("messages", "{count} record(s) loaded from the EHR's snapshot and unchanged since, not "
                                       "listed")
LISTED = QT_TRANSLATE_NOOP("messages", "{listed} record(s) on the Back-entry list, one line a record at its latest "
                                       "version, from {counted}: {why}")
LISTED_ALL = QT_TRANSLATE_NOOP("messages", "{listed} record(s) on the Back-entry list, one line a record at its "
                                           "latest version, from {counted}")
IMPORTED = QT_TRANSLATE_NOOP("messages", "Imported, this merge adds {versions} record version(s) (those on hold kept "
                                         "aside) and {listed} record(s) to the Back-entry list, one line a record")


@dataclass(frozen=True)
class Tally:
    """The record versions of a merge or of a database, and their records."""

    versions: int
    """Versions that stand in turn: a merge's data/records.jsonl, a database's records."""
    held: int = 0
    """Versions on hold, kept aside (a merge's data/held.jsonl, a database's unsettled ones)."""
    set_aside: int = 0
    """Versions on hold once, which a settlement left aside."""
    records: int = 0
    """The records all these are versions of."""
    withdrawn: int = 0
    """Records standing withdrawn (entered in error) that nobody entered in the EHR, not on hold."""
    loaded: int = 0
    """Records loaded from the EHR's snapshot and not changed since, nobody entered, not on hold."""

    @property
    def listed(self) -> int:
        """The Back-entry list's lines: every record but those it has nothing to enter of."""
        return self.records - self.withdrawn - self.loaded

    @property
    def counted(self) -> int:
        """Every version, the held and set aside ones too (the merge's CSV lines)."""
        return self.versions + self.held + self.set_aside

    def counted_in(self, lang: Lang) -> str:
        """"468 record version(s) of 464 record(s)"."""
        return message(lang, VERSIONS_OF_RECORDS, versions=self.counted, records=self.records)

    def why_in(self, lang: Lang) -> list[str]:
        """Why the versions counted are not the records listed, nor the versions an import adds:
        each reason that has a count, with it."""
        said = [(LATER, self.counted - self.records), (HELD, self.held), (SET_ASIDE, self.set_aside),
                (WITHDRAWN, self.withdrawn), (LOADED, self.loaded)]
        return [message(lang, phrase, count=count) for phrase, count in said if count]

    def listed_in(self, lang: Lang) -> str:
        """The Back-entry list's count, reconciled with the versions: "463 record(s) on the
        Back-entry list, from 468 record version(s) of 464 record(s): 4 of the versions are …"."""
        why = self.why_in(lang)
        if not why:
            return message(lang, LISTED_ALL, listed=self.listed, counted=self.counted_in(lang))
        return message(lang, LISTED, listed=self.listed, counted=self.counted_in(lang), why=semicolon(lang).join(why))

    def imported_in(self, lang: Lang) -> str:
        """What a merge's import will add, said by the merge's report: the versions it counts
        added (those on hold are kept aside), and the lines of its records on the list."""
        return message(lang, IMPORTED, versions=self.versions, listed=self.listed)

    def as_json(self) -> dict[str, int]:
        """For a merge's manifest (`record_versions`), the report's numbers."""
        return {"versions": self.counted, "standing": self.versions, "on_hold": self.held,
                "set_aside": self.set_aside, "records": self.records, "withdrawn": self.withdrawn,
                "loaded_unchanged": self.loaded, "listed": self.listed}
