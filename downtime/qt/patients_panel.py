"""The ward's patients: the live census (empty beds too) or a search across the site.

A table over one Qt item model, which sorts its own rows; never a widget per row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from downtime.domain import elapsed
from downtime.domain.census import StayStatus
from downtime.domain.clock import local_now, ward_time
from downtime.domain.news2 import Band
from downtime.errors import UserError
from downtime.i18n import QT_TR_NOOP, semicolon, stay_word
from downtime.qt.i18n import language, say, translate, word
from downtime.qt.observations_view import INCOMPLETE, RISK_SHADES
from downtime.qt.patient_header import ISOLATION, RESUSCITATION
from downtime.qt.style import ERROR_STYLE
from downtime.qt.tables import ColumnsCut, Index, TextTableModel, cut_column, make_table, wrap_columns
from downtime.qt.work import ListReader, ReadAgain
from downtime.qt.ward_choice import WardChoice
from downtime.services import capacity, census, missing_patient, observations, pews, printing, search, swallow_screen
from downtime.services import enhanced_observation
from downtime.services.context import Session
from downtime.services.observations import Watch
from downtime.services.patients import PatientSummary

SEX = {"female": QT_TR_NOOP("F"), "male": QT_TR_NOOP("M"), "unknown": QT_TR_NOOP("U")}
IDENTITY = {"provisional": QT_TR_NOOP("Provisional"), "validated": QT_TR_NOOP("Validated")}


# PatientTableModel.columns: what keeps a patient safe first (the bed, the name, the allergies, the
# resuscitation decision, the NEWS2), where a 1366-pixel screen at 125 % shows them; the allergies
# came after a 410-pixel NEWS2 and the downtime number, cut, the resuscitation decision off screen.
WARD, NAME, ALLERGIES, NEWS2, DATE_OF_BIRTH, ADMITTED, FORMERLY, REASON = 0, 2, 3, 5, 7, 11, 13, 14
# An unidentified patient's description ("INCONNU TRÈFLE (Unknown man, about 40, found at the
# station)") made the name column 495 pixels wide, and with the NEWS2 column the allergies went
# off a laptop's screen: names are wrapped there, onto a taller row, whole in their tooltip too.
# Cut at the column's edge, a name with its "SAME NAME: bed 20" lost the namesake's bed, the red
# colour alone left to say it.
NAME_CHARACTERS = 40
NAME_LEAST = 20
"""The name is never narrower, in characters, made so for the NEWS2 to stay in sight."""
# Allergies are wrapped, never cut, within so many characters: one patient's two allergies with
# their reactions made the column 830 pixels wide, the resuscitation decision beyond the screen.
ALLERGY_CHARACTERS = 36
# The NEWS2 column sorts the sickest first: by band, a patient with no set yet (an unknown risk
# is not a low one) between low-medium and low, then children NEWS2 does not score, then empty beds.
SICKEST_FIRST = {Band.HIGH: 0, Band.MEDIUM: 1, Band.LOW_MEDIUM: 2, None: 3, Band.LOW: 4}


@dataclass(frozen=True)
class Row:
    """`namesakes`: the beds of the ward's other patients sharing the patient's family name.
    `watch`: an in-patient's NEWS2 and next set, when read; `child`: a child's PEWS and next set
    instead, when charted. `formerly`: the earlier name a search found the patient by, or the name
    another laptop's identification on hold gives them that did, `exact`: whether the words
    searched are one of their numbers whole (search.Found)."""

    ward: str
    bed: str | None
    patient: PatientSummary | None
    namesakes: tuple[str, ...] = ()
    body: census.BodyOnWard | None = None
    """A bed with no patient, held by the body of one who died in it (census.CensusRow.body)."""
    watch: Watch | None = None
    child: pews.Watch | None = None
    formerly: str | None = None
    exact: bool = False
    held: bool = False
    """Whether another laptop's identification on hold found them (its name in `formerly`)."""
    theatre: str | None = None
    """An in-patient's operation in the next two days, with its fasting (printing.theatre_handover),
    said by their name as the name alert is: in a column of its own after the NEWS2, it began at the
    edge of a 1092-pixel list, its day, time and fasting (what the night nurse acts on) beyond it."""
    missing: str | None = None
    """An in-patient missing from the ward, or back and not reviewed, as the handover sheet says it
    (services.missing_patient.ward_lines), by their name in the warning colour: the bed looked
    occupied on the list while the patient was gone."""
    swallow: str | None = None
    """An in-patient whose swallow screen stands failed, as the handover sheet says it (services.
    swallow_screen.ward_lines: nil by mouth, no medicines by mouth), by their name in the warning
    colour: the tablets went by mouth on the next round, the screen a sheet in the notes."""
    capacity: str | None = None
    """An in-patient with a standing lack of capacity, as the handover sheet says it (services.
    capacity.ward_lines: "LACKS CAPACITY for medicines (…)", its review once due), by their name
    in the warning colour."""
    enhanced: str | None = None
    """An in-patient on a level of enhanced observation (services.enhanced_observation.ward_lines:
    "ENHANCED OBS within eyesight: entry OVERDUE since 14:00", not the risks nor DoLS), by their
    name in the warning colour."""


@dataclass(frozen=True)
class Listed:
    """A list as read: `next_due`, when the first of its patients not overdue yet will be."""

    rows: list[Row]
    empty_beds: bool
    next_due: datetime | None


def allergy_text(patient: PatientSummary) -> str:
    """Worded, never colour alone: a screen reader and a colour-blind nurse read the same. Not
    known is a warning as a list is (it read "Unknown" in black): as on the strip and on paper."""
    if patient.allergies:
        return translate("PatientTableModel", "ALLERGY: {allergies}").format(allergies=semicolon(language()).join(patient.allergies_in(language())))
    return translate("", "NKA") if patient.allergy_status == "nka" else translate("PatientTableModel", "NOT KNOWN — ask")


def _time(moment: datetime, now: datetime) -> str:
    """The hour alone today, as the nurse in charge reads it; with the day otherwise. On the
    ward's clock: an admission typed before the clocks changed carries the offset of then."""
    moment = moment.astimezone(now.tzinfo)
    return f"{moment:%H:%M}" if moment.date() == now.date() else f"{moment:%d/%m %H:%M}"


def _score(watch: Watch, *, whole: bool) -> str:
    """The score that stands for the patient's risk (the escalation list's) and its band in words
    (never the colour alone), an incomplete set said; `whole`: the low-medium band's "3 in one"
    (parameter) too."""
    standing = watch.standing
    if standing is None:
        return translate("PatientTableModel", "No set")
    news2 = standing.news2
    score = f"{news2.total} {observations.band_word(news2.band, language())}"
    if whole and news2.band is Band.LOW_MEDIUM:
        score += " " + translate("PatientTableModel", "(3 in one)")
    if not news2.complete:
        score += " " + word(INCOMPLETE)
    return score


def _stopped(watch: Watch, *, whole: bool) -> str:
    """The score standing, if any, and that the doctor stopped routine observations."""
    return translate("PatientTableModel", "{score} — observations stopped").format(score=_score(watch, whole=whole))


def news2_text(watch: Watch, now: datetime, child: pews.Watch | None = None) -> str:
    """The score, then when the next set is due or since when it is overdue (with no set this
    stay, since admission); for a child, their paediatric chart's score, next set and what it
    asks, or that NEWS2 does not apply (a baby born today read "No set — OVERDUE"). The list's
    tooltip and what a screen reader reads of its cell. Observations a doctor stopped at the end
    of life (observations.ObservationPlan.stopped) are said so, no set due: "Not applicable
    (under 16)" was read of a dying woman of 84."""
    if watch.plan is not None and watch.plan.stopped:
        return _stopped(watch, whole=True)
    if watch.due_at is None:
        return child.said if child is not None else observations.not_applicable_text(language())
    due = translate("PatientTableModel", "OVERDUE since {time}") if watch.overdue else translate(
        "PatientTableModel", "due {time}")
    return f"{_score(watch, whole=True)} — {due.format(time=_time(watch.due_at, now))}"


def news2_cell(watch: Watch, now: datetime, child: pews.Watch | None = None) -> str:
    """What the list's cell shows: the score, its band and OVERDUE when a set is ("7 HIGH —
    OVERDUE"), else the time the next is due ("3 Low-medium · 14:45": the nurse in charge scans
    the list for whose observations fall due next, and hovering each line was no scan); the rest
    is in its tooltip (news2_text). The column is as wide as its longest line:
    in French "2 Faible-moyen (3 sur un paramètre) — EN RETARD depuis 27/11 06:29" pushed the
    downtime number and the date of birth off a laptop's screen, and a child's "NEWS2 non applicable
    (moins de 16 ans) : utiliser la feuille de surveillance pédiatrique (PEWS)" further still. A
    child's cell gives their PEWS as an adult's gives NEWS2 ("PEWS 9 · 14:20"): the nurse in charge
    of a children's ward scans the same column."""
    if watch.plan is not None and watch.plan.stopped:
        return _stopped(watch, whole=False)
    if watch.due_at is None and child is not None:
        score = child.short(language())
        if child.overdue:
            return translate("PatientTableModel", "{score} — OVERDUE").format(score=score)
        return f"{score} · {_time(child.due_at, now)}"
    if watch.due_at is None:
        return translate("PatientTableModel", "Not applicable (under 16)")
    score = _score(watch, whole=False)
    if watch.overdue:  # outside the f-string, where lupdate finds it for the French catalogue
        return translate("PatientTableModel", "{score} — OVERDUE").format(score=score)
    return f"{score} · {_time(watch.due_at, now)}"


class PatientTableModel(TextTableModel):
    columns = (QT_TR_NOOP("Ward"), QT_TR_NOOP("Bed"), QT_TR_NOOP("Name"), QT_TR_NOOP("Allergies"),
               QT_TR_NOOP("Resuscitation"), QT_TR_NOOP("NEWS2"), QT_TR_NOOP("Downtime no."), QT_TR_NOOP("Date of birth"),
               QT_TR_NOOP("Sex"), QT_TR_NOOP("Isolation"), QT_TR_NOOP("Identity"), QT_TR_NOOP("Admitted"),
               QT_TR_NOOP("Status"), QT_TR_NOOP("Formerly"), QT_TR_NOOP("Reason for admission"))
    whole_in_tooltip = frozenset({NAME, FORMERLY, REASON})
    with_child = QT_TR_NOOP("NEWS2 / PEWS")
    """The score column's heading while the list shows a child, whose cell is their PEWS, as the
    ward's paper census heads it (pdf.census): "NEWS2" over "PEWS 9 · 14:20" was read against
    NEWS2's thresholds."""
    with_held = QT_TR_NOOP("Formerly / identified as")
    """The earlier name's heading while a line was found by another laptop's identification on
    hold (Row.held): "Formerly" stood over "identified as GIRARD … (on hold)", a name to come."""

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt's name)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (section == NEWS2 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and self.children):
            return word(self.with_child)
        if (section == FORMERLY and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and self.held):
            return word(self.with_held)
        return super().headerData(section, orientation, role)

    def texts(self, number: int) -> tuple[str, ...]:
        row: Row = self.rows[number]
        patient, bed = row.patient, row.bed or translate("", "(no bed)")
        if patient is None:
            held = census.body_text(row.body, language()) if row.body else translate("", "— empty bed —")
            return (row.ward, bed, held, *[""] * (len(self.columns) - 3))
        if patient.stay not in (None, StayStatus.IN):
            # Found after leaving, their line read "3B 12" as for a patient in that bed, its
            # "Discharged" in the last column, off the right of the screen.
            bed = translate("PatientTableModel", "{status} (left bed {bed})").format(
                status=stay_word(patient.stay, language()).upper(), bed=row.bed) if row.bed \
                else stay_word(patient.stay, language()).upper()
        admitted = ward_time(datetime.fromisoformat(patient.admitted_at), None)
        name = patient.display_name
        if row.namesakes:
            name += " — " + census.name_alert(row.namesakes, language())
        if row.missing:
            name += " — " + row.missing
        if row.swallow:
            name += " — " + row.swallow
        if row.capacity:
            name += " — " + row.capacity
        if row.enhanced:
            name += " — " + row.enhanced
        if row.theatre:
            name += " — " + printing.THEATRE_WORDS["head"][language()].format(operations=row.theatre)
        return (row.ward, bed, name, allergy_text(patient), word(RESUSCITATION.get(patient.resuscitation or "", "?")),
                "" if row.watch is None else news2_cell(row.watch, self.now, row.child), patient.downtime_number,
                patient.birth_date_in(language()), word(SEX.get(patient.sex or "", "?")),
                "" if patient.isolation in (None, "none") else word(ISOLATION.get(patient.isolation, patient.isolation)),
                word(IDENTITY.get(patient.identity_status or "", patient.identity_status or "")), admitted,
                stay_word(patient.stay, language()) if patient.stay else "", row.formerly or "",
                patient.reason or "")

    def is_warning(self, row: int, column: int) -> bool:
        patient, watch, child = self.rows[row].patient, self.rows[row].watch, self.rows[row].child
        if column == NEWS2 and child is not None:
            return child.asking
        if column == NEWS2:
            return watch is not None and (watch.overdue or watch.standing is not None
                                          and watch.standing.news2.band in (Band.MEDIUM, Band.HIGH))
        return patient is not None and (column == ALLERGIES and patient.allergy_alert or column == NAME and
                                        bool(self.rows[row].namesakes or self.rows[row].missing or self.rows[row].swallow
                                                                     or self.rows[row].capacity
                                                                     or self.rows[row].enhanced))

    def __init__(self) -> None:
        super().__init__()
        self.keys: dict[int, tuple[str, ...]] = {}
        self.order = (0, Qt.SortOrder.AscendingOrder)
        self.ranked = False
        """Rows kept in the order given (a search's: the patient whose number was scanned first),
        until a column's header is clicked."""
        self.now = local_now()
        """When the rows' NEWS2 were read: a time of that day reads without its date."""
        self.children = False
        """Whether a row shows a child's PEWS (`with_child`)."""
        self.held = False
        """Whether a row was found by another laptop's identification on hold (`with_held`)."""

    def set_read_rows(self, rows: list[Row], now: datetime) -> None:
        self.now = now
        self.set_rows(rows)

    def arrange(self) -> None:
        """New rows in the order chosen last (a click on a column's header), or as given; whether
        they show a child's PEWS (`with_child`), or one found by an identification on hold (`with_held`)."""
        self.keys = {}
        self.children = any(row.child is not None for row in self.rows)
        self.held = any(row.held for row in self.rows)
        if not self.ranked:
            self._sorted(*self.order)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, each row's keys worked out once, not by a proxy model asking Qt's way for
        two keys at each of the sort's comparisons: 57,000 for a hospital's 3,800 in-patients,
        a fifth of a second with the window frozen. The selection follows its rows. No column
        (the header showing none): the rows as given."""
        if column < 0:
            return
        self.ranked = False
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        moved_to = {old: new for new, old in enumerate(self._sorted(column, order))}
        self.changePersistentIndexList(kept, [self.index(moved_to[index.row()], index.column()) for index in kept])
        self.layoutChanged.emit()

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Put the rows in that column's order (ties keep their order) and return, for each new
        position, the row's old one."""
        self.order = (column, order)
        keys = [self.sort_keys(number)[column] for number in range(len(self.rows))]
        permutation = sorted(range(len(self.rows)), key=keys.__getitem__,
                             reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [self.rows[old] for old in permutation]
        self.read = {new: self.read[old] for new, old in enumerate(permutation) if old in self.read}
        self.keys = {new: self.keys[old] for new, old in enumerate(permutation)}
        return permutation

    def sort_keys(self, number: int) -> tuple[str, ...]:
        """Each column's sort key of that row, worked out once until the rows change. The ward and
        the bed's words as people file them (search.sort_key): casefolded alone, RÉA came after
        RHUMATO on a hospital-wide list, which opens sorted by ward."""
        found = self.keys.get(number)
        if found is None:
            row: Row = self.rows[number]
            digits, text = census.bed_order(row.bed)
            bed = f"{digits:07d}{search.sort_key(text)}"
            found = self.keys[number] = (f"{search.sort_key(row.ward)}\x00{bed}", bed,
                                         *(self._sort_text(number, column) for column in range(2, len(self.columns))))
        return found

    def _sort_text(self, number: int, column: int) -> str:
        """A date sorts as a date: shown day first, "01/12 09:00" sorted as text came before
        "30/11 08:00", and dates of birth by the day of the month. Words as people file them
        (search.sort_key): casefolded alone, ÉVRARD came after ZOLA."""
        patient, watch, child = self.rows[number].patient, self.rows[number].watch, self.rows[number].child
        if column == NEWS2:
            if watch is None:
                return "9"
            if watch.due_at is None:  # a child: by their PEWS (or the one standing), highest first, after the adults
                return f"8{99 - child.weighs if child else 99:02d}"
            news2 = watch.standing.news2 if watch.standing else None
            band = news2.band if news2 else None
            return (f"{SICKEST_FIRST[band]}{99 - (news2.total if news2 else 0):02d}{0 if watch.overdue else 1}"
                    f"{watch.due_at.astimezone(timezone.utc).isoformat()}")
        if patient is not None and column == DATE_OF_BIRTH and patient.birth_date:
            return patient.birth_date.isoformat()
        if patient is not None and column == ADMITTED:
            return datetime.fromisoformat(patient.admitted_at).astimezone(timezone.utc).isoformat()
        return search.sort_key(self.text(number, column))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()].patient
        if (index.column() == NEWS2 and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
                and (watch := self.rows[index.row()].watch) is not None):
            return news2_text(watch, self.now, self.rows[index.row()].child)
        if index.column() == NEWS2 and (shade := self._shade(index.row())) is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return shade
            if role == Qt.ItemDataRole.ForegroundRole:  # black on the pale shade, a dark theme's too
                return QColor(Qt.GlobalColor.black)
            if role == Qt.ItemDataRole.FontRole and self.is_warning(index.row(), index.column()):
                bold = QFont()  # a warning (OVERDUE, MEDIUM, HIGH) in bold: dark red is 5:1 on HIGH's shade
                bold.setBold(True)
                return bold
        return super().data(index, role)

    def _shade(self, number: int) -> QColor | None:
        watch = self.rows[number].watch
        return None if watch is None or watch.standing is None else QColor(RISK_SHADES[watch.standing.news2.band])


class PatientsPanel(QWidget):
    """`open_patient` fires with a patient when Enter or a double-click opens one."""

    open_patient = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(translate("PatientsPanel",
                                                   "Find a patient: name, date of birth, downtime no., IPP or NIR (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.refresh)
        self.search_box.returnPressed.connect(self._focus_table)
        self.ward = WardChoice(session, translate("PatientsPanel", "All wards"))
        self.ward.currentIndexChanged.connect(self.refresh)
        self.empty_beds = QCheckBox(translate("PatientsPanel", "Show &empty beds"))
        self.empty_beds.setChecked(True)
        self.empty_beds.toggled.connect(self.refresh)
        search_label = QLabel(translate("PatientsPanel", "&Find:"))
        search_label.setBuddy(self.search_box)
        ward_label = QLabel(translate("PatientsPanel", "W&ard:"))  # Alt+W is the Ward menu's
        ward_label.setBuddy(self.ward)
        controls.addWidget(search_label)
        controls.addWidget(self.search_box, 3)
        controls.addWidget(ward_label)
        controls.addWidget(self.ward, 1)
        controls.addWidget(self.empty_beds)
        layout.addLayout(controls)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.model = PatientTableModel()
        self.table = make_table(self.model, translate("PatientsPanel", "Patients"), self._open_current)
        self.table.setSortingEnabled(True)
        # By the pixel: at the largest text a 1092×582 laptop keeps the list 111 pixels high, and
        # a row wrapped to 321 pixels (an operation and its fasting by the name), moved a whole row
        # at a time, never showed its last lines.
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.fit_columns()  # the headers with their sort arrow, until the list is read
        for fitted in (self.model.modelReset, self.model.rowsInserted):
            fitted.connect(lambda *_: cut_column(self.table, REASON, NAME_CHARACTERS))
            fitted.connect(self._show_formerly)
            fitted.connect(self._show_ward)
            fitted.connect(self._rows_unwrapped)
        self._wrapped_at: tuple[int, int] | None = None
        """The name's and the allergies' widths the rows were wrapped at, None for rows not yet
        wrapped: the window resized, a hospital's 3,900 rows are measured again only when those
        widths change."""
        # Once the ward's and the earlier name's columns are shown or hidden, and again as the
        # list's width changes.
        ColumnsCut(self.table, (NAME,), self._fit_columns)
        # Beside the name, where a laptop's screen shows it (after the status, it lay beyond the
        # screen's edge), and only when a search found someone by an earlier name.
        self.table.horizontalHeader().moveSection(FORMERLY, NAME + 1)
        self._show_formerly()
        self._show_ward()
        layout.addWidget(self.table, 1)
        self._searched = ""
        """The words last searched: a search read again (after a save) keeps the order its header
        was clicked to, a new one starts in the search's."""
        self.reader = ListReader(self)
        self.reader.found.connect(self._read)
        self.reader.refused.connect(self._refused)
        self.reader.slow.connect(self._say_reading)
        # A set falls due with time, not with a save: a list left on screen is read again then.
        self.read_again = ReadAgain(self, self.refresh)
        self.refresh()

    def _fit_columns(self, fitted: Mapping[int, int]) -> None:
        """The name bounded at `NAME_CHARACTERS`, and narrower, down to `NAME_LEAST`, for the
        columns up to the NEWS2 to stay in sight; then the name and the allergies wrapped. On a
        1024-pixel laptop in French the NEWS2 read "Aucun relevé — EN RET"."""
        cut_column(self.table, ALLERGIES, ALLERGY_CHARACTERS)
        header = self.table.horizontalHeader()
        others = sum(self.table.columnWidth(column) for column in map(header.logicalIndex, range(header.visualIndex(NEWS2) + 1))
                     if column != NAME and not self.table.isColumnHidden(column))
        if NAME not in self.table.by_hand:
            character = self.table.fontMetrics().averageCharWidth()
            self.table.setColumnWidth(NAME, min(fitted[NAME], character * NAME_CHARACTERS,
                                                max(self.table.viewport().width() - others, character * NAME_LEAST)))
        widths = (self.table.columnWidth(NAME), self.table.columnWidth(ALLERGIES))
        if widths != self._wrapped_at:
            wrap_columns(self.table, {NAME: NAME_CHARACTERS, ALLERGIES: ALLERGY_CHARACTERS})
            self._wrapped_at = widths

    def _rows_unwrapped(self) -> None:
        """Rows read again come at a list's height: wrapped again whatever the widths."""
        self._wrapped_at = None

    def reload_wards(self) -> None:
        self.ward.refill()
        self.refresh()

    def current_ward(self) -> str | None:
        return self.ward.currentData()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _focus_table(self) -> None:
        """Enter in Find: into the list, on the one patient the search leaves no doubt about, if
        any (`_choose`)."""
        self.table.setFocus()
        self._choose()

    def scanned(self, band: str) -> None:
        """A band scanned (qt.scan) is searched for, and its patient opened when it is one
        patient's number whole; otherwise the list says what it found, for the nurse to choose."""
        self.search_box.setText(band)
        chosen = self._choose()
        if chosen is not None:
            self.open_patient.emit(chosen)
        elif self.model.rowCount():
            self.table.setFocus()
        else:
            self.focus_search()

    def _choose(self) -> PatientSummary | None:
        """Select the patient Enter may open, and return them: the one whose number the search is
        whole, else the only one found, else (a list, not a search) the first line. None, and
        nothing selected, when the search leaves a choice: the EHR band of IPP 1234567 also found
        the patient of IPP 12345678, and the line Enter selected, the first by ward and bed, was his."""
        rows = self.model.rows
        exact = [number for number, row in enumerate(rows) if row.exact]
        if not self.search_box.text().strip() or len(rows) < 2 or len(exact) == 1:
            chosen = exact[0] if len(exact) == 1 else 0 if rows else None
        else:
            chosen = None
            self.count.setText(translate("PatientsPanel", "{count} patients — choose").format(count=len(rows)))
        if chosen is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            return None
        self.table.selectRow(chosen)
        return self.selected_patient()

    def refresh(self) -> None:
        """A search is read at once (at most 50 patients, by the search index, as the person
        types); a ward's or the hospital's list on a thread of its own, the rows already shown
        staying until it ends: the records office's "All wards" is thousands of patients, a
        second or more while the file is not yet in the disk's cache."""
        text = self.search_box.text().strip()
        if text != self._searched:
            self._ranked(bool(text))
            self._searched = text
        if text:
            self.reader.drop()
            found = search.find(self.session.db, self.session.forms, text)
            status = None if found else search.number_status(self.session.db, self.session.forms, text)
            self.count.setText(status.text(language()) if status else translate(
                "PatientsPanel", "{count} patient(s) found for “{text}” (all wards, any status)").format(
                count=len(found), text=text))
            self.count.setStyleSheet(ERROR_STYLE if status else "")
            self._show(_watched(self.session, [Row(f.patient.ward or "", f.patient.bed, f.patient, formerly=", ".join(
                filter(None, (f.formerly, f.held.text(language()) if f.held else None))) or None, exact=f.exact,
                held=f.held is not None)
                for f in found], False))
        else:
            self.count.setStyleSheet("")
            ward, empty_beds = self.current_ward(), self.empty_beds.isChecked()
            self.reader.read(self.session, lambda own, _: _listed(own, ward, empty_beds))

    def _ranked(self, ranked: bool) -> None:
        """A search's patients in its order, the patient whose number was scanned first, no column's
        arrow on the header until one is clicked; a list in the order its header shows."""
        if ranked == self.model.ranked:
            return
        self.model.ranked = ranked
        self.table.horizontalHeader().setSortIndicator(*((-1, Qt.SortOrder.AscendingOrder) if ranked else self.model.order))

    def _show_formerly(self) -> None:
        """The earlier name a search found a patient by, in a column of its own shown only then:
        the nurse holding a sample labelled INCONNU TRÈFLE was shown DUPONT Marie alone, and
        could not tell why that line came up; likewise the name of an identification on hold
        ("identified as GIRARD Thomas on another laptop (on hold)"), where the line showed an
        unknown man alone. Cut as the name is (an unidentified patient's description may be
        one), whole in its tooltip."""
        shown = any(row.formerly for row in self.model.rows)
        self.table.setColumnHidden(FORMERLY, not shown)
        if shown:  # fitted to its rows, which it was not while hidden
            self.table.resizeColumnToContents(FORMERLY)
            cut_column(self.table, FORMERLY, NAME_CHARACTERS)

    def _show_ward(self) -> None:
        """The ward column only when the list holds more than one ward's beds (all wards, a
        search): one ward's list said its ward on every line, in room the allergies needed."""
        self.table.setColumnHidden(WARD, len({row.ward for row in self.model.rows}) < 2)

    def _say_reading(self) -> None:
        self.count.setText(translate("PatientsPanel", "Reading the list…"))

    def _read(self, found: Listed) -> None:
        counts = census.bed_counts(found.rows)
        if found.empty_beds:
            header = translate("PatientsPanel", "{patients} patient(s), {empty} empty bed(s)").format(
                patients=counts.occupied, empty=counts.empty)
            self.count.setText(census.with_held(header, counts, language()))
        else:
            self.count.setText(translate("PatientsPanel", "{count} patient(s)").format(count=counts.occupied))
        self._show(found)

    def _show(self, listed: Listed) -> None:
        """The patient chosen stays chosen when the list is read again (after each save)."""
        chosen = self.selected_patient()
        now = self.session.clock()
        self.model.set_read_rows(listed.rows, now)
        self.read_again.when_due(listed.next_due, now)
        if chosen is not None:
            found = next((number for number, row in enumerate(self.model.rows)
                          if row.patient is not None and row.patient.patient_id == chosen.patient_id), None)
            if found is not None:
                self.table.selectRow(found)

    def _refused(self, problem: UserError) -> None:
        """No rows rather than an earlier list's, which may be another ward's than the one chosen."""
        self.count.setText(say(problem))
        self.model.set_rows([])
        self.read_again.stop()

    def selected_patient(self) -> PatientSummary | None:
        index = self.table.currentIndex()
        return self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _open_current(self) -> None:
        patient = self.selected_patient()
        if patient is not None:
            self.open_patient.emit(patient)


def _listed(session: Session, ward: str | None, empty_beds: bool) -> Listed:
    """A ward's beds, empty ones too, or only its patients; every ward's when `ward` is None; each
    patient's namesakes on their ward (census.name_alerts)."""
    db, forms = session.db, session.forms
    if empty_beds:
        rows = [Row(r.ward, r.bed, r.patient, body=r.body) for r in census.census(db, forms, ward=ward)]
    else:
        rows = [Row(p.ward or "", p.bed, p) for p in census.in_patients(db, forms, ward=ward)]
    namesakes = census.name_alerts(row.patient for row in rows if row.patient is not None)
    return _watched(session, [replace(row, namesakes=namesakes.get(row.patient.patient_id, ())) if row.patient
                              else row for row in rows], empty_beds)


def _watched(session: Session, rows: list[Row], empty_beds: bool) -> Listed:
    """Each in-patient's NEWS2 and next set, every patient's sets read at once (a search finds
    patients who have left too: they have none), and their operation in the next two days with
    its fasting, as the handover sheet gives it (printing.theatre_handover): a patient rebooked
    for 08:00 tomorrow was on no ward screen, and no one knew to fast them; and whether they are
    missing from the ward (services.missing_patient.lines), as the handover sheet says, the list
    read again when a police call falls due (missing_patient.next_change): left open, it said "to
    be told at 14:30 if not found" at 14:45."""
    inside = [row.patient for row in rows if row.patient is not None and row.patient.stay in (None, StayStatus.IN)]
    now = session.clock()
    watched = observations.watches(session.db, inside, now)
    children = pews.watches(session.db, session.forms, [patient for patient in inside
                                                        if not watched[patient.patient_id].news2_applies],
                            now, session.lang)
    operations = printing.theatre_handover(session.db, session.forms, inside, now, language())
    opened = missing_patient.open_records(session.db, session.forms, [patient.patient_id for patient in inside], now,
                                          language())
    missing = missing_patient.lines(opened, now, language())
    swallow = swallow_screen.ward_lines(session.db, session.forms, list(watched), now, language())
    lacking = capacity.ward_lines(session.db, list(watched), now, language())
    enhanced = enhanced_observation.ward_lines(session.db, session.forms, inside, now, language())
    rows = [replace(row, watch=watched[row.patient.patient_id], child=children.get(row.patient.patient_id),
                    theatre=operations.get(row.patient.patient_id), missing=missing.get(row.patient.patient_id),
                    swallow=swallow.get(row.patient.patient_id), capacity=lacking.get(row.patient.patient_id),
                    enhanced=enhanced.lines.get(row.patient.patient_id))
            if row.patient and row.patient.patient_id in watched else row for row in rows]
    return Listed(rows, empty_beds, min((due for due in (observations.next_due(watched.values()), *(
        child.due_at for child in children.values() if not child.overdue), missing_patient.next_change(opened, now),
        enhanced.next_change)
        if due is not None),
        key=elapsed.instant, default=None))
