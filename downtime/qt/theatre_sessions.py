"""Theatre sessions as a booking picks them: one short line each, its whole description over it.
The whole "T1 — Specialty: General surgery — Start: 02/12/2026 13:30 — End: 02/12/202" was
cut off at the box's edge, and the list began with the outage's first, long-ended lists."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate

from downtime.domain.theatre import TheatreSession
from downtime.qt.i18n import locale, translate
from downtime.services import theatre
from downtime.services.context import Session


def _day(moment: datetime) -> str:
    return locale().toString(QDate(moment.year, moment.month, moment.day), "ddd dd/MM")


def session_line(found: TheatreSession, ended: bool) -> str:
    """"Wed 02/12 08:00–13:00 T1 General surgery", the end's day said when it is another."""
    end = f"{found.end:%H:%M}" if found.end.date() == found.start.date() else f"{_day(found.end)} {found.end:%H:%M}"
    line = f"{_day(found.start)} {found.start:%H:%M}–{end} {found.theatre} {found.specialty}"
    return translate("FormView", "{session} — ended").format(session=line) if ended else line


def session_whole(found: TheatreSession) -> str:
    return translate("FormView", "Theatre {theatre} — {specialty} — from {start} to {end}").format(
        theatre=found.theatre, specialty=found.specialty, start=f"{found.start:%d/%m/%Y %H:%M}",
        end=f"{found.end:%d/%m/%Y %H:%M}")


def session_choices(session: Session) -> list[tuple[str, str, str]]:
    """Each standing session as (id, its line, its whole description): those still to run first,
    then those ended, marked so (see theatre.sessions_to_choose)."""
    return [(found.session_id, session_line(found, ended), session_whole(found))
            for found, ended in theatre.sessions_to_choose(session.db, session.clock())]
