"""Patients who look like one person under two downtime numbers: admitted on two laptops, or
loaded from the same snapshot on two. A person decides; these are only pointed out, at the
merge and on the records office's back-entry list, since each would become a second EHR file.
And the converse: two people under one number (SharedNumber), given by two laptops set up with
the same device number, which the records office took explicitly."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from itertools import combinations
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

from downtime.domain.downtime_number import downtime_numbers_in
from downtime.domain.names import PLAIN_LETTERS
from downtime.domain.records import RecordStatus
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message, semicolon, translate


SAME_NIR = QT_TRANSLATE_NOOP("messages", "the same NIR")
SAME_IPP = QT_TRANSLATE_NOOP("messages", "the same IPP")
SAME_NAME_AND_BIRTH = QT_TRANSLATE_NOOP("messages", "the same family name (birth or used), first name and date of "
                                                    "birth")
NAMES_SWAPPED = QT_TRANSLATE_NOOP("messages", "the same date of birth, and the family and first names swapped")
DAY_AND_MONTH_SWAPPED = QT_TRANSLATE_NOOP("messages", "the same family name and first name, and the day and month of "
                                                      "birth swapped")
SLIPS = (NAMES_SWAPPED, DAY_AND_MONTH_SWAPPED)
"""The same name and date of birth as one person typed with a slip on one laptop: her family and
first names each in the other's box (LEFÈVRE Hélène and HÉLÈNE Lefèvre, a French card writing the
family name first), or the day and the month of birth swapped (02/07 and 07/02, a date read the
English way). They were two people for the back-entry: two EHR files. Said only of numbers the
name and date of birth alike do not already group."""


@dataclass(frozen=True)
class ProbableDuplicate:
    """`told_apart`: every two of them told apart by the ward when admitting them. Found by a
    number of the person's own (`_ONE_PERSON_BY`), they are still listed, but as a question, not
    as one person: LEFEVRE Helene and DUPUIS Marie, born six years apart, were told to be linked to
    one EHR file where a NIR mistyped on one admission was likelier."""

    downtime_numbers: tuple[str, ...]
    why: str
    told_apart: bool = False


def fold(text: str) -> str:
    """Case, accents, spaces, hyphens and apostrophes aside, and letters such as œ spelled
    plainly: "Lecœur" from the EHR on one laptop is "LECOEUR" typed on another."""
    decomposed = unicodedata.normalize("NFKD", text.translate(PLAIN_LETTERS).casefold())
    return "".join(c for c in decomposed if c.isalnum())


# What separates the words of one family name: "Le Goff", "Martin-Dupont" (any dash).
_SPACES_AND_DASHES = r"\s\-\u2010-\u2015"
_NAME_WORDS = re.compile(f"[{_SPACES_AND_DASHES}]+")


def joined_names(names: Iterable[str]) -> list[str]:
    """Each of these family names of several words written as one, `fold`ed: "Le Goff", "de la
    Fontaine" and "Martin-Dupont" are also written LEGOFF, DELAFONTAINE and MARTINDUPONT. The
    search index holds them so, each once, beside the names as typed."""
    return list(dict.fromkeys(fold(name) for name in names if len(_NAME_WORDS.split(name.strip())) > 1))


T = TypeVar("T")


# The particles of family names (de la Fontaine, Le Goff, D'Almeida, van Damme, Ben Ali), which
# make no namesakes: DE LA FONTAINE and DE GAULLE are not alike.
_PARTICLES = frozenset({"de", "des", "du", "la", "le", "les", "van", "von", "der", "den", "di", "da", "del", "della",
                       "dos", "das", "el", "al", "ben"})
# What separates the parts of a compound family name, its particles cut off at their apostrophe.
_NAME_PARTS = re.compile(f"[{_SPACES_AND_DASHES}'’]+")


def _name_alike(name: str) -> set[str]:
    """A family name and each part of it, `fold`ed, by which a name reads like another: MARTIN
    beside MARTIN-DUPONT, GOFF beside LE GOFF (not its particles, nor a letter: D' or O')."""
    parts = {fold(part) for part in _NAME_PARTS.split(name)}
    return ({fold(name)} | {part for part in parts if len(part) > 1 and part not in _PARTICLES}) - {""}


def namesakes(items: Sequence[T], family_names: Callable[[T], Iterable[str]], *,
              place: Callable[[T], Hashable] = lambda _: None, person: Callable[[T], Hashable] = id) -> list[list[T]]:
    """For each of `items`, in their order, the others of its `place` sharing one of its family
    names or a part of one (`_name_alike`: "Lefèvre" is "LEFEVRE", MARTIN-DUPONT Jeanne is read
    as MARTIN Jean's namesake) and not the same `person`: the ward census's name alert and the
    theatre day's read the same names alike."""
    groups: dict[tuple[Hashable, str], list[T]] = defaultdict(list)
    for item in items:
        for name in {alike for name in family_names(item) for alike in _name_alike(name)}:
            groups[(place(item), name)].append(item)
    found: dict[int, dict[int, T]] = {id(item): {} for item in items}
    for group in groups.values():
        for item in group:
            found[id(item)].update((id(other), other) for other in group if person(other) != person(item))
    return [list(found[id(item)].values()) for item in items]


def _first_name(given_names: str) -> str:
    """The first part of the first given name: one person is "Jean-Pierre" on one laptop and
    "Jean Pierre" on another, and "Hélène Marie" on one and "Hélène" on another. Twins named
    Jean-Pierre and Jean-Luc are reported too; a person decides, where a missed duplicate
    would go unseen. Composed (NFC) first: "Hélène" with its accents apart (NFD) split at them, "He"."""
    return fold(next(iter(re.findall(r"[\w']+", unicodedata.normalize("NFC", given_names))), ""))


def _alike(admissions: Iterable[Mapping[str, Any]]) -> tuple[list[ProbableDuplicate], set[frozenset[str]]]:
    """Every group of numbers alike (see `probable_duplicates`), and the pairs the ward told
    apart: an admission saved as another person than the patients it looked like names them
    (the admission form's `not_same_as`)."""
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    apart: set[frozenset[str]] = set()
    for row in admissions:
        number = row.get("downtime_number", "")
        apart.update(frozenset((number, other)) for other in downtime_numbers_in(str(row.get("not_same_as") or ""))
                     if other != number)
        if row.get("nir"):
            groups[(SAME_NIR, fold(row["nir"]))].add(number)
        if row.get("ipp"):
            groups[(SAME_IPP, fold(row["ipp"]))].add(number)
        if row.get("birth_date"):
            born, first = str(row["birth_date"]), _first_name(row.get("given_names") or "")
            for name in _family_names(row):
                groups[(SAME_NAME_AND_BIRTH, f"{name}|{first}|{born}")].add(number)
                groups[(NAMES_SWAPPED, f"{'|'.join(sorted((name, first)))}|{born}")].add(number)
                groups[(DAY_AND_MONTH_SWAPPED, f"{name}|{first}|{_day_and_month_either_way(born)}")].add(number)
    same = [numbers for (why, _), numbers in groups.items() if why == SAME_NAME_AND_BIRTH]
    found = (ProbableDuplicate(tuple(sorted(numbers)), why) for (why, _), numbers in sorted(groups.items())
             if len(numbers) > 1 and not (why in SLIPS and any(numbers <= one for one in same)))
    return list(dict.fromkeys(found)), apart


def _day_and_month_either_way(born: str) -> str:
    """A date of birth ("1961-07-02") with its day and month in order, the year kept: 02/07 and
    07/02 read alike (`DAY_AND_MONTH_SWAPPED`)."""
    year, _, rest = born.partition("-")
    return f"{year}-{'-'.join(sorted(rest.split('-')))}"


def _family_names(row: Mapping[str, Any]) -> set[str]:
    """An admission's birth and used names, `fold`ed: a woman admitted as MARTIN née LEFÈVRE on one
    laptop is admitted again where the name she gives, Martin, is typed as her birth name. Her
    two names are one person's, found by either (a group found by both is said once)."""
    return {fold(str(row.get(key) or "")) for key in ("birth_name", "used_name")} - {""}


# What two people never share, twins included: a group found by it stays on the records office's
# list even when the ward told them apart (an unknown woman identified as Mrs Martin, in
# hospital, saved "another patient", her NIR Mrs Martin's: the pair left the list), marked so.
_ONE_PERSON_BY = (SAME_NIR, SAME_IPP)


def _told_apart(group: ProbableDuplicate, apart: set[frozenset[str]]) -> bool:
    """Every two of the group told apart by the ward: one pair not told apart is still a
    question for the records office."""
    return all(frozenset(pair) in apart for pair in combinations(group.downtime_numbers, 2))


def probable_duplicates(admissions: Iterable[Mapping[str, Any]]) -> list[ProbableDuplicate]:
    """Same NIR, same IPP (the hospital's own number: a snapshot's patient with no NIR nor date
    of birth, loaded on two laptops, has only that), or one family name (birth or used) + first
    name + date of birth the same, under different numbers, among these `standing` admission
    versions, unless the ward told them apart (`duplicates_and_namesakes`): twins of one name in
    beds 30 and 31, one allergic to penicillin, were listed as one person to link to a single
    EHR file."""
    return duplicates_and_namesakes(admissions)[0]


def duplicates_and_namesakes(admissions: Iterable[Mapping[str, Any]]
                             ) -> tuple[list[ProbableDuplicate], list[ProbableDuplicate]]:
    """`probable_duplicates`, and the groups it leaves out: alike, and told apart by the ward
    when admitting them; from one reading of the admissions (a hospital's are 100,000)."""
    found, apart = _alike(admissions)
    marked = [replace(group, told_apart=_told_apart(group, apart)) for group in found]
    return ([group for group in marked if not group.told_apart or group.why in _ONE_PERSON_BY],
            [group for group in marked if group.told_apart and group.why not in _ONE_PERSON_BY])


def standing(versions: Iterable[Mapping[str, Any]], held_from: Mapping[str, int] | None = None
             ) -> list[Mapping[str, Any]]:
    """Each record's latest version, and for one on hold (`held_from`: the version each record
    on hold is held from) each laptop's latest from there, unless it was withdrawn (entered in
    error): the merge reads every version in the CSVs, and an admission withdrawn as a
    duplicate, or an NIR mistyped then corrected, raised a false "probably one person" that
    the back-entry list, reading what stands, did not. One rule for both, before
    `probable_duplicates`. Kept by the highest version alone, an alias identified as GIRARD on
    one laptop (its version 2) and described twice on the other (versions 2 and 3) was read by
    its description alone, and the merge, the import and the office's list found no duplicate."""
    by_record: dict[str, list[Mapping[str, Any]]] = {}
    for row in versions:
        by_record.setdefault(str(row["record_id"]), []).append(row)
    kept: list[Mapping[str, Any]] = []
    for record_id, rows in by_record.items():
        top = max(int(row["version"]) for row in rows)
        latest: dict[str, int] = {}
        for row in rows:
            if int(row["version"]) >= (held_from or {}).get(record_id, top):
                device = str(row["device_id"])
                latest[device] = max(latest.get(device, 0), int(row["version"]))
        kept += [row for row in rows if int(row["version"]) == latest.get(str(row["device_id"]), top)]
    return [row for row in kept if row["status"] != RecordStatus.ENTERED_IN_ERROR.value]


def reasons_by_people(found: list[ProbableDuplicate]) -> dict[tuple[str, ...], list[str]]:
    """Each set of downtime numbers with every reason it was found by: the same NIR and the same
    name and date of birth are two reasons to think them one person, not two people to check
    (they were printed and shown as two)."""
    people: dict[tuple[str, ...], list[str]] = {}
    for duplicate in found:
        people.setdefault(duplicate.downtime_numbers, []).append(duplicate.why)
    return people


PROBABLE_DUPLICATE = QT_TRANSLATE_NOOP("messages", "PROBABLE DUPLICATE: {numbers} have {why}")


def duplicate_lines(found: Iterable[ProbableDuplicate], lang: Lang) -> list[str]:
    """What the merge's report, and an export's import, say of these: one line for each person,
    with every reason."""
    return [message(lang, PROBABLE_DUPLICATE, numbers=", ".join(numbers), why=semicolon(lang).join(message(lang, why) for why in whys))
            for numbers, whys in reasons_by_people(list(found)).items()]


SHARED_NUMBER = QT_TRANSLATE_NOOP("messages", "ONE DOWNTIME NUMBER, TWO PATIENTS: {number} was given by laptops set up "
                                              "with the same device number to {patients}. Tell their paper forms, "
                                              "wristbands and labels apart by name, date of birth and ward, and "
                                              "back-enter each under the number shown here.")
NUMBER_HOLDER = QT_TRANSLATE_NOOP("messages", "{name}, born {born}, ward {ward}, shown as {shown}")


@dataclass(frozen=True)
class NumberHolder:
    """A patient given a shared number: the number as every list shows it (told apart by the
    laptop, domain.downtime_number.told_apart) and who they are, to match the paper form."""

    shown: str
    name: str
    birth_date: date | None
    ward: str

    def as_json(self) -> dict[str, Any]:
        return {"shown_as": self.shown, "name": self.name,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None, "ward": self.ward}

    def text(self, lang: Lang) -> str:
        born = self.birth_date.strftime("%d/%m/%Y") if self.birth_date else translate(lang, "", "DOB unknown")
        return message(lang, NUMBER_HOLDER, name=self.name or "?", born=born, ward=self.ward or "?", shown=self.shown)


@dataclass(frozen=True)
class SharedNumber:
    """One downtime number two laptops set up with the same device number gave to two patients
    (`holders`, in the order of their laptops' device ids): merged or imported only when the
    records office said so (--shared-device-number), and then named wherever it is read."""

    number: str
    holders: tuple[NumberHolder, ...]

    def as_json(self) -> dict[str, Any]:
        return {"downtime_number": self.number, "patients": [holder.as_json() for holder in self.holders]}

    def text(self, lang: Lang) -> str:
        return message(lang, SHARED_NUMBER, number=self.number,
                       patients=semicolon(lang).join(holder.text(lang) for holder in self.holders))
