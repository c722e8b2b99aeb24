"""The order a patient's records are typed into the EHR, top to bottom. An EHR takes a record
only once it holds what the record is about: the patient and their stay (an order for a
patient it does not have yet is refused, or filed under a provisional identity the clerk
then has to find again), and the record it points to (a cancellation of a booking not
entered, a dose of an order not entered). Sorted by kind then time alone, a cancellation
typed at 06:36 came before the 11:00 booking it cancels, and the orders before the admission.

Each stay is entered in turn, from its admission to its leaving (a discharge closes the stay,
after which the EHR takes no more of it); within a stay, by kind (`step`) then time; and any
record after every listed record it points to, whatever its kind or time (a withdrawal before
the withdrawal of the record it points to); two of one time in the order they were written. A
leaving at the very minute a stay begins ends the stay before (discharged at 14:00 and
readmitted at 14:00, which the census takes: a bed left and taken at the same minute is free),
unless that stay was left already: taken for the new stay's, the first stay's discharge came
after the second stay's admission and records, and the EHR would have closed the second."""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ToEnter:
    """One line of the list as its order sees it. `step`: its kind's place in a stay (the
    admission first, the leaving last); `refers_to`: the records it points to (a dose's order,
    a cancellation's booking, a booking's theatre session)."""

    record_id: str
    step: int
    occurred_at: datetime
    refers_to: frozenset[str] = frozenset()
    admits: bool = False
    """An admission: first of its stay, whatever the time of the stay's other records."""
    leaves: bool = False
    """A discharge, a death or a transfer to another hospital: it ends a stay begun before it."""
    withdraws: bool = False
    """Its record is withdrawn (entered in error), to withdraw in the EHR: after the withdrawals
    of the records pointing to it, as the ward withdrew them (a dose before its order, which is
    refused with its doses standing). Listed before them, the order's withdrawal came while its
    doses stood in the EHR."""
    written: int = 0
    """When its record was first written, in the order of the audit log: two lines of one
    minute keep that order (a rebooking and the cancellation of its new date decided in the
    same minute). Told apart by their ids, at random, the cancellation came before the
    rebooking it cancels."""


def in_entry_order(lines: Sequence[ToEnter], admitted: Collection[datetime] = ()) -> list[ToEnter]:
    """These lines in the order to enter them. `admitted`: when each of the patient's stays
    began (its standing admissions), which a line belongs to by its time; a line before the
    first belongs to the first. Lines pointing, through others, back to themselves (no record
    can be written so), and those after them, go last, where their stay, kind and time put
    them: listed all the same."""
    starts = sorted(admitted)
    left = sorted(line.occurred_at for line in lines if line.leaves)

    def stay_of(line: ToEnter) -> int:
        """The stay `line` belongs to by its time; a leaving at the minute a stay begins, to the
        stay before when nothing left that one earlier."""
        stay = bisect_right(starts, line.occurred_at) - 1
        if (line.leaves and stay > 0 and starts[stay] == line.occurred_at
                and bisect_left(left, starts[stay - 1]) == bisect_left(left, starts[stay])):
            return stay - 1
        return max(stay, 0)

    def place(index: int) -> tuple[int, bool, int, datetime, int, str, int]:
        line = lines[index]
        return stay_of(line), not line.admits, line.step, line.occurred_at, line.written, line.record_id, index

    listed = {line.record_id: index for index, line in enumerate(lines)}
    waiting: list[set[int]] = [set() for _ in lines]
    for index, line in enumerate(lines):
        for target in (listed[target] for target in line.refers_to if target in listed):
            if target == index:
                continue
            if line.withdraws and lines[target].withdraws:
                waiting[target].add(index)
            else:
                waiting[index].add(target)
    after: dict[int, list[int]] = {}
    for index, targets in enumerate(waiting):
        for target in targets:
            after.setdefault(target, []).append(index)
    ready = [place(index) for index, targets in enumerate(waiting) if not targets]
    heapq.heapify(ready)
    ordered: list[int] = []
    while ready:
        index = heapq.heappop(ready)[-1]
        ordered.append(index)
        for follower in after.get(index, ()):
            waiting[follower].discard(index)
            if not waiting[follower]:
                heapq.heappush(ready, place(follower))
    looping = sorted(place(index) for index, targets in enumerate(waiting) if targets)
    return [lines[index] for index in ordered + [found[-1] for found in looping]]
