"""A patient's line and catheter chart: every look at a device newest first, each device still in
over them with its next check and, in the warning colour, what it asks now (phlebitis, an
infected or faulty site, a device no longer needed, a check overdue). "Check the chosen device"
starts the next look at a device from the last one's answers, so what and where it is stay those
the chart follows it by, and when it was put in is carried. A urinary catheter taken out with no
urine charted since asks, 6 hours on, whether the patient passed urine (devices.void_asks)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.domain.devices import INSERTED, Sign
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP
from downtime.qt.followed_tab import FollowedTab, LooksModel, TabWords
from downtime.qt.i18n import translate
from downtime.services import devices, printing
from downtime.services.context import Session
from downtime.services.devices import Checked

DEVICE, WHERE, DONE, NOTES = 1, 2, 3, 8
CUT_CHARACTERS = {DEVICE: 22, WHERE: 20}
"""Cut so the notes start in sight (the whole in the tooltip)."""
AT_THE_SITE = frozenset({Sign.PHLEBITIS, Sign.INFECTION, Sign.FAULT, Sign.POSITION})
"""What colours the site's cell: what the look found there, a nasogastric tube's position not confirmed
included (its cell says how it was checked)."""


class DeviceLooks(LooksModel):
    columns = (QT_TR_NOOP("Time"), QT_TR_NOOP("Device"), QT_TR_NOOP("Where, size"), QT_TR_NOOP("What was done"),
               QT_TR_NOOP("VIP or site"), QT_TR_NOOP("Still needed"), QT_TR_NOOP("In since"), QT_TR_NOOP("Next check"),
               QT_TR_NOOP("Notes"))
    SITE, NEEDED, IN_SINCE, NEXT = 4, 5, 6, 7
    whole_in_tooltip = frozenset({DEVICE, WHERE, DONE, NOTES})

    def is_warning(self, row: int, column: int) -> bool:
        """What the latest look at a device still in found that asks something, its days in once
        it asks to be resited, and its check once overdue (an earlier look's was done by the
        next)."""
        look: Checked = self.rows[row]
        if id(look) not in self.latest:
            return False
        said = set(look.signs(self.at))
        return ((column == self.SITE and bool(AT_THE_SITE & said)) or (column == self.NEEDED and Sign.NOT_NEEDED in said)
                or (column == self.IN_SINCE and Sign.RESITE in said)
                or (column == self.NEXT and (self.overdue(look) or Sign.STILL_IN in said)))

    def next_cell(self, look: Checked) -> str:
        """A device of a stay that ended, still in as charted: "still in?" on its latest look
        (nothing on an earlier one: its next check went with its stay), or why a cannula is followed
        no more ("taken out" would say a removal no one charted)."""
        if look.asked and id(look) not in self.latest:
            return ""
        if look.asked or look.lapsed:
            return look.next_change(self.spec, self.at, self.lang)
        return super().next_cell(look)

    def texts(self, row: int) -> tuple[str, ...]:
        look: Checked = self.rows[row]
        data, lang, spec = look.record.data, self.lang, self.spec
        why = format_value(spec.field("removed_why"), data.get("removed_why"), lang)
        return (ward_time(look.checked_at, self.at.tzinfo), look.device(spec, lang),
                look.site + (f", {look.size}" if look.size else ""),
                format_value(spec.field("event"), data["event"], lang) + (f" ({why.lower()})" if why else ""),
                look.position(spec, lang) if data["event"] == INSERTED else look.state(spec, lang),
                format_value(spec.field("still_needed"), data.get("still_needed"), lang),
                "" if look.closed else look.since(self.at, lang),
                self.next_cell(look), look.noted(lang))


class DevicesView(FollowedTab):
    """A device taken out is not checked again: another put in is a new device. One followed no
    more when its stay ended (a cannula) is: the patient came back with it in."""

    def __init__(self, session: Session, patient_id: str, parent: QWidget | None = None):
        spec, lang = session.form(devices.FORM), session.lang
        words = TabWords(
            title=translate("DevicesView", "Lines and catheters — {name}"),
            headline=translate("DevicesView", "Lines and catheters"),
            table=translate("DevicesView", "Looks at the lines and catheters"),
            record=translate("DevicesView", "Record a new &device"),
            printed=translate("DevicesView", "&Print the line and catheter chart"),
            next_look=translate("DevicesView", "&Check the chosen device…"),
            none=translate("DevicesView", "No line or catheter charted yet"),
            all_closed=translate("DevicesView", "Every line and catheter charted is out"),
            open=translate("DevicesView", "Still in: {open}"),
            choose=translate("DevicesView", "Choose the line or catheter in the list first."),
            late=devices.WORDS["late"][lang])
        taken_out = translate("DevicesView", "{device} was taken out on {time}: record a new device if another was "
                                             "put in.")

        def refused(latest: Checked) -> str | None:
            return taken_out.format(device=latest.called(spec, lang),
                                    time=ward_time(latest.checked_at, session.clock().tzinfo)) \
                if latest.taken_out else None

        super().__init__(session, patient_id, devices.FORM, DeviceLooks(spec, lang, session.clock(), words.late,
                                                                   devices.WORDS["removed"][lang]),
                         CUT_CHARACTERS, words, devices.chart, devices.next_check, refused,
                         (printing.print_device_chart, "devices"), parent)

    def refresh(self) -> None:
        """The chart's own, then what a urinary catheter taken out asks while no urine is charted
        since, its chart closed ("Every line and catheter charted is out" said nothing of it), and
        the tab read again when it comes."""
        super().refresh()
        looks, now, lang = self.model.rows[::-1], self.session.clock(), self.session.lang
        if said := devices.void_asks(looks, self.spec, now, lang):
            self.warn([*filter(None, self.alarms.text().split("\n")), *said])
        removed = devices.awaiting_void(looks)
        coming = [due for due in (devices.coming(looks, now), None if removed is None else removed.void_due_at)
                  if due is not None and not elapsed.reached(due, now)]
        self.read_again.when_due(min(coming, key=elapsed.instant, default=None), now)
