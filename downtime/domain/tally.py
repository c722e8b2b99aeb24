"""How many record versions and records each step of back-entry counts, and why the next step's
number differs, so a clerk checking that nothing was lost can reconcile them. The merge counts
record versions (468), its import the versions it adds (466: the versions on hold are kept aside),
and the Back-entry list records, one line each at its latest version (464: amendments are
versions of a record listed once, and a record withdrawn before anyone entered it, or loaded from
the EHR and unchanged, is not back-entered; one withdrawn after it was entered is listed, to
withdraw in the EHR). The three numbers stood side by side with no word of why."""

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
WITHDRAWN_MERGED = QT_TRANSLATE_NOOP("messages", "{count} record(s) withdrawn (entered in error): not listed, unless an "
                                                 "earlier merge's version of one was entered in the EHR, then listed to "
                                                 "withdraw there")
TO_WITHDRAW = QT_TRANSLATE_NOOP("messages", "{listed}. Of these, {count} record(s) this import brought withdrawn "
                                            "(entered in error) on a laptop after they were entered in the EHR: "
                                            "listed, to withdraw there")
WITHDRAWN_ALIKE = QT_TRANSLATE_NOOP("messages", "{count} withdrawal(s) of a record withdrawn on another laptop "
                                                "too, kept aside, not imported as its version (the manifest's "
                                                "withdrawn_alike)")
LOADED = QT_TRANSLATE_NOOP("messages", "{count} record(s) loaded from the EHR's snapshot and unchanged since, not "
                                       "listed")
LISTED = QT_TRANSLATE_NOOP("messages", "{listed} record(s) on the Back-entry list, one line a record at its latest "
                                       "version, from {counted}: {why}")
LISTED_ALL = QT_TRANSLATE_NOOP("messages", "{listed} record(s) on the Back-entry list, one line a record at its "
                                           "latest version, from {counted}")
IMPORTED = QT_TRANSLATE_NOOP("messages", "Imported, this merge adds {versions} record version(s) (those on hold kept "
                                         "aside) and {listed} record(s) to the Back-entry list, one line a record")
IMPORTED_OR_MORE = QT_TRANSLATE_NOOP("messages", "Imported, this merge adds {versions} record version(s) (those on "
                                                 "hold kept aside) and {listed} record(s) to the Back-entry list, one "
                                                 "line a record, and one more for each withdrawn record an office "
                                                 "entered from an earlier merge, to withdraw there")


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
    to_withdraw: int = 0
    """Records an import brought standing withdrawn whose earlier version was entered in the EHR:
    listed among the others, to withdraw there (the clerk looked for no such line)."""
    withdrawn_alike: int = 0
    """A merge's withdrawals of a record another laptop withdrew too, beside the one standing:
    kept aside (sync.merge._withdrawn_alike), their CSV lines kept; deleted, the merge's report
    said nothing of a nurse's withdrawal it no longer carried."""
    merged: bool = False
    """Counted by a merge, which cannot know what an office entered: its `withdrawn` are those
    no office entered, as far as it knows. Its report said them "withdrawn before anyone entered
    them in the EHR, not listed" of a record the office had entered from an earlier merge, and
    the clerk trusting it did not look for the line to withdraw the wrong patient's record."""

    @property
    def listed(self) -> int:
        """The Back-entry list's lines: every record but those it has nothing to enter of."""
        return self.records - self.withdrawn - self.loaded

    @property
    def counted(self) -> int:
        """Every version, the held and set aside ones too (the merge's CSV lines)."""
        return self.versions + self.held + self.set_aside + self.withdrawn_alike

    def counted_in(self, lang: Lang) -> str:
        """"468 record version(s) of 464 record(s)"."""
        return message(lang, VERSIONS_OF_RECORDS, versions=self.counted, records=self.records)

    def why_in(self, lang: Lang) -> list[str]:
        """Why the versions counted are not the records listed, nor the versions an import adds:
        each reason that has a count, with it."""
        said = [(LATER, self.counted - self.withdrawn_alike - self.records), (HELD, self.held),
                (SET_ASIDE, self.set_aside), (WITHDRAWN_ALIKE, self.withdrawn_alike),
                (WITHDRAWN_MERGED if self.merged else WITHDRAWN, self.withdrawn), (LOADED, self.loaded)]
        return [message(lang, phrase, count=count) for phrase, count in said if count]

    def listed_in(self, lang: Lang) -> str:
        """The Back-entry list's count, reconciled with the versions: "463 record(s) on the
        Back-entry list, from 468 record version(s) of 464 record(s): 4 of the versions are …"; then,
        a sentence of its own, those listed to withdraw in the EHR (`to_withdraw`): among the
        reasons, which each take versions down to lines, it took none, and the sum fell short."""
        why = self.why_in(lang)
        listed = message(lang, LISTED, listed=self.listed, counted=self.counted_in(lang),
                         why=semicolon(lang).join(why)) if why else message(
            lang, LISTED_ALL, listed=self.listed, counted=self.counted_in(lang))
        return message(lang, TO_WITHDRAW, listed=listed, count=self.to_withdraw) if self.to_withdraw else listed

    def imported_in(self, lang: Lang) -> str:
        """What a merge's import will add, said by the merge's report: the versions it counts
        added (those on hold are kept aside), and the lines of its records on the list, more
        where an office entered a record withdrawn since (see `merged`)."""
        return message(lang, IMPORTED_OR_MORE if self.withdrawn else IMPORTED, versions=self.versions,
                       listed=self.listed)

    def as_json(self) -> dict[str, int]:
        """For a merge's manifest (`record_versions`), the report's numbers."""
        return {"versions": self.counted, "standing": self.versions, "on_hold": self.held,
                "set_aside": self.set_aside, "withdrawn_alike": self.withdrawn_alike, "records": self.records, "withdrawn": self.withdrawn,
                "loaded_unchanged": self.loaded, "listed": self.listed}
