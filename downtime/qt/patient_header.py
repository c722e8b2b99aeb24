"""The identity strip every patient screen starts with: two identifiers (name and date of
birth), the downtime number, where the patient is, the allergies written out, then a decision not
to resuscitate and the isolation: a nurse at the round or a doctor called from the escalation list
read neither on any patient screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from downtime.domain.age import CHILD_UNTIL, age_in_years, age_words
from downtime.domain.census import StayStatus
from downtime.domain.clock import ward_time
from downtime.i18n import QT_TR_NOOP, QT_TRANSLATE_NOOP, message, semicolon, stay_word
from downtime.qt.screen_fit import Scrolled
from downtime.qt.tables import ListTable, TextTableModel, make_table
from downtime.qt.style import points, styled, warning_colour, warning_html, written
from downtime.qt.i18n import language, translate, word
from downtime.services import bowels, capacity, observations, records, resuscitation, weight
from downtime.services.weight import Weighed
from downtime.services.bowels import Isolated
from downtime.services.census import all_patients, name_alert, patient_with_location, with_namesakes
from downtime.services.context import Session
from downtime.services.patients import PatientSummary

# The admission's answers in words, as the patient list and the printed census give them: its code
# ("droplet") was English on a French ward.
RESUSCITATION = {"full": QT_TR_NOOP("For resuscitation"), "dnacpr": QT_TR_NOOP("DNACPR"),
                 "not_discussed": QT_TR_NOOP("Not discussed")}
ISOLATION = {"contact": QT_TR_NOOP("Contact precautions"), "droplet": QT_TR_NOOP("Droplet precautions"),
             "airborne": QT_TR_NOOP("Airborne precautions"), "protective": QT_TR_NOOP("Protective isolation")}
DNACPR = "dnacpr"


def allergies_text(patient: PatientSummary) -> str:
    """Words, not a colour: "none known" and "NOT KNOWN" must never look alike."""
    if patient.allergies:
        return semicolon(language()).join(patient.allergies_in(language()))
    if patient.allergy_status == "nka":
        return translate("PatientHeader", "none known")
    return translate("PatientHeader", "NOT KNOWN — ask")


def _place(patient: PatientSummary) -> str:
    """Where the patient is; one who has left is said to have, with the bed they left (now
    perhaps another patient's), never shown in it as if still there. Ward and bed are kept on
    one line ("3B / 26", a bed "Side room 2"): a wrapped strip left the bed alone on the next."""
    place = "\u00a0/\u00a0".join(escape(part or "—").replace(" ", "\u00a0") for part in (patient.ward, patient.bed))
    if patient.stay in (None, StayStatus.IN):
        return place
    return f"<b>{escape(stay_word(patient.stay, language()).upper())}</b> ({place})"


def admission_on_hold(session: Session, patient: PatientSummary) -> bool:
    """Whether another laptop wrote the patient's admission otherwise (see records.on_hold): the
    strip's allergies and place are this laptop's version's, and an allergy the other recorded
    would be missing from every screen that reads them."""
    return bool(records.on_hold(session, [patient.admission_record_id]))


def enteric_isolation(session: Session, patient: PatientSummary) -> Isolated | None:
    """The isolation the bowel chart asks for the patient now, for loose stools or C. difficile
    found (bowels.isolated), as the census and the handover sheet read it: the admission's answer
    alone said "None" of a patient isolated in the night for new diarrhoea."""
    return bowels.isolated(session.db, [patient.patient_id], session.clock()).get(patient.patient_id)


def _isolation_text(patient: PatientSummary, enteric: Isolated | None) -> str:
    """The admission's isolation in words, and the bowel chart's beside it (`enteric_isolation`),
    each with its reason: contact precautions for a resistant germ do not wash hands with soap and
    water, which C. difficile's spores ask. Empty when neither isolates the patient. Its day on the
    ward's clock: loose stools since 00:30 typed on a laptop set to UTC read "since" the day before."""
    said = [] if patient.isolation in (None, "none") else [word(ISOLATION.get(patient.isolation, patient.isolation))]
    if enteric is not None and enteric.found is not None:
        said.append(translate("PatientHeader", "Enteric (C. difficile found {day})").format(
            day=ward_time(enteric.found.received_at, None, "%d/%m")))
    elif enteric is not None:
        said.append(translate("PatientHeader", "Enteric (loose stools since {day})").format(
            day=ward_time(enteric.since, None, "%d/%m")))
    return semicolon(language()).join(said)


def decisions(session: Session, patient: PatientSummary) -> tuple[str | None, str | None, str | None]:
    """Who decided the patient's DNACPR and when (resuscitation.decided), the doctor's
    observation and escalation plan standing now (observations.plans), and a standing lack of
    capacity (services.capacity.ward_lines: "LACKS CAPACITY for medicines (assessed 02/12 by …;
    review by 09/12)"), in words: the strip said DNACPR with no doctor, and nothing of a dying
    patient's comfort care, nor of the assessment a covert dose rests on."""
    now = session.clock()
    plan = observations.plans(session.db, [patient], now).get(patient.patient_id)
    return (resuscitation.decided(session.db, [patient], now.tzinfo).get(patient.patient_id),
            plan.text(language(), now.tzinfo) if plan is not None else None,
            capacity.ward_lines(session.db, [patient.patient_id], now, language()).get(patient.patient_id))


def _decisions_html(patient: PatientSummary, enteric: Isolated | None, decided: str | None = None,
                    plan: str | None = None, lacking: str | None = None) -> str:
    """The strip's line under the allergies: not for resuscitation in the warning colour, with who
    decided it and when (`decided`), the doctor's observation and escalation plan (`plan`), a
    standing lack of capacity (`lacking`), the isolation in bold; nothing for a patient for
    resuscitation (or not yet discussed), with no plan, no lack of capacity and not isolated, as
    most are: a line saying so on every screen would be read past."""
    said = []
    if patient.resuscitation == DNACPR:
        said.append(warning_html(escape(" — ".join([translate("PatientHeader", "NOT FOR RESUSCITATION (DNACPR)"),
                                                   *([decided] if decided else [])]))))
    said += [f"<b>{escape(text)}</b>" for text in (plan, lacking) if text]
    isolation = _isolation_text(patient, enteric)
    if isolation:  # translated outside the f-string, where lupdate finds it for the French catalogue
        isolated = translate("PatientHeader", "ISOLATION: {isolation}").format(isolation=isolation)
        said.append(f"<b>{escape(isolated)}</b>")
    return f"<br>{' — '.join(said)}" if said else ""


def born_text(patient: PatientSummary) -> str:
    """"born 15/04/1990", or that the date is unknown (it read "born DOB unknown")."""
    if patient.birth_date is None:
        return translate("PatientHeader", "date of birth unknown")
    return translate("PatientHeader", "born {date}").format(date=patient.birth_date_in(language()))


def identity_html(patient: PatientSummary, with_place: bool = True, held: bool = False,
                  allergies_said: str | None = None, enteric: Isolated | None = None,
                  decided: tuple[str | None, str | None, str | None] = (None, None, None)) -> str:
    """The patient's name first, then, sharing a family name with others of their ward (see
    census.with_namesakes), the name alert as the patient list says it ("SAME NAME: bed 31"),
    in red. Under the allergies, a decision not to resuscitate and the isolation, the bowel
    chart's too (`enteric`: see `enteric_isolation`), then an interpreter needed, with the
    language spoken. `held`:
    the admission is on hold (`admission_on_hold`), said under the allergies.
    `allergies_said`: said instead of the patient's allergies, where they are not known yet (a
    hold on the admission, before the clerk chooses the version that settles it). `decided`: who
    decided a DNACPR, the doctor's plan and a lack of capacity (see `decisions`)."""
    place = f" — {_place(patient)}" if with_place else ""
    born = born_text(patient)
    allergies = translate("PatientHeader", "ALLERGIES: {allergies}").format(
        allergies=allergies_text(patient) if allergies_said is None else allergies_said)
    hold = translate("PatientHeader", "ADMISSION ON HOLD: another laptop wrote it otherwise (allergies, bed…): "
                                      "check it")
    same_name = name_alert(patient.namesakes, language())
    same_name = f" — {warning_html(escape(same_name))}" if same_name else ""
    interpreter = (translate("PatientHeader", "INTERPRETER NEEDED: {language}").format(language=patient.language)
                   if patient.language else translate("PatientHeader", "INTERPRETER NEEDED"))
    return (f"<span style='font-size:{points(2)}pt'><b>{escape(patient.display_name)}</b>{same_name} — {escape(born)} — "
            f"<b>{escape(patient.downtime_number)}</b>{place}</span><br>"
            + (warning_html(escape(allergies)) if patient.allergy_alert or allergies_said is not None
               else f"<b>{escape(allergies)}</b>")
            + _decisions_html(patient, enteric, *decided)
            + (f"<br><b>{escape(interpreter)}</b>" if patient.interpreter_needed else "")
            + (f"<br>{warning_html(escape(hold))}" if held else ""))


def child_html(patient: PatientSummary, weighed: Weighed | None, today: date) -> str:
    """A patient under 18's age in words and latest weight with when it was taken ("Age: 2
    months — Weight: 4 kg on admission (27/11/2026)"), or NOT WEIGHED in the warning colour;
    empty for an adult or a patient whose date of birth is not known. A child's doses are
    worked out per kilogram: the dose dialog gave the date of birth alone, and the weight was on
    the admission record."""
    if patient.birth_date is None or age_in_years(patient.birth_date, today) >= CHILD_UNTIL:
        return ""
    age = translate("PatientHeader", "Age: {age}").format(age=age_words(patient.birth_date, today).text(language()))
    if weighed is None:
        not_weighed = translate("PatientHeader", "NOT WEIGHED: weigh the child")
        return f"<b>{escape(age)}</b> — {warning_html(escape(not_weighed))}"
    said = translate("PatientHeader", "Weight: {weight}").format(weight=weighed.text(language()))
    return f"<b>{escape(age)} — {escape(said)}</b>"


def child_label(session: Session, patient: PatientSummary) -> QLabel | None:
    """The line of `child_html` under the strip, for a child (None for anyone else), its warning
    in the red of the mode shown."""
    weighed = weight.latest(session.db, session.forms, [patient]).get(patient.patient_id)
    today = session.clock().date()
    if not child_html(patient, weighed, today):
        return None
    label = written(QLabel(), lambda: child_html(patient, weighed, today))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    return label


def identity_label(patient: PatientSummary, with_place: bool = True, held: bool = False,
                   enteric: Isolated | None = None,
                   decided: tuple[str | None, str | None, str | None] = (None, None, None)) -> QLabel:
    """The strip, its warnings in the red and its name at the size of the mode and text size shown
    (see `style.written`): one written again must be so through `written` too."""
    label = written(QLabel(), lambda: identity_html(patient, with_place, held, enteric=enteric, decided=decided))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# A patient's tab names them in at most this many characters, then their bed: a name of a hundred
# characters opened a tab as wide as the window, pushing "Patients" out of the tab bar. Forty
# keep a married woman's both names whole ("MARTIN Hélène Marie (née LEFÈVRE)" is 33).
TAB_NAME_CHARACTERS = 40
BED = QT_TRANSLATE_NOOP("messages", "bed {bed}")


def tab_title(titled: str, patient: PatientSummary) -> str:
    """"MAR — MARTIN Jean — bed 12" (`titled`: "MAR — {name}"): the patient's name cut with "…"
    at `TAB_NAME_CHARACTERS`, then their bed (the downtime number of one not in a bed) and "SAME
    NAME" for one sharing a family name on their ward: both tabs of Mr Martin in bed 12 and Mr
    Martin in bed 31 read "MAR — MARTIN Jean"."""
    name = patient.display_name
    if len(name) > TAB_NAME_CHARACTERS:
        name = name[:TAB_NAME_CHARACTERS - 1].rstrip() + "…"
    where = (message(language(), BED, bed=patient.bed) if patient.bed and patient.stay in (None, StayStatus.IN)
             else patient.downtime_number)
    return titled.format(name=" — ".join(filter(None, (name, where,
                                                        name_alert(patient.namesakes, language(), short=True)))))


def tab_tooltip(titled: str, patient: PatientSummary) -> str:
    """The tab's patient whole, as their screen heads it: the name a long one's tab cuts, the
    namesakes' beds, the downtime number."""
    return f"<b>{escape(titled.format(name=patient.display_name))}</b><br>{identity_html(patient)}"


class PatientTab(QWidget):
    """A tab about one patient (chart, observations, records), their identity at its top.
    `open_record` fires with a record to open as a form: an order to stop, a dose or a set to
    correct."""

    open_record = Signal(object)
    titled = "{name}"
    """The tab's title in the screen's words, "MAR — {name}", set by each kind of tab (see `tab_title`)."""

    def __init__(self, session: Session, patient_id: str, with_place: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.patient_id, self.with_place = session, patient_id, with_place
        self.patient = with_namesakes(session.db, session.forms, [patient_with_location(session.db, session.forms,
                                                                                       patient_id)])[0]
        # The identity always in sight; under it the tab's own controls (`column`) scroll where
        # the screen is short: at 20 points and 125 % the Observations tab needed 839 pixels of
        # a 582-pixel screen's height, its buttons under the taskbar.
        outer = QVBoxLayout(self)
        self.identity = identity_label(self.patient, with_place, admission_on_hold(session, self.patient),
                                       enteric_isolation(session, self.patient), decisions(session, self.patient))
        outer.addWidget(self.identity)
        # A child's age and weight under it (see child_label), read as the tab opens.
        self.child = child_label(session, self.patient)
        if self.child is not None:
            outer.addWidget(self.child)
        body = QWidget()
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(Scrolled(body), 1)

    def read_identity(self) -> None:
        """Read the patient again after a save: an allergy added to the admission, or a move,
        must show on an open chart at once, not once the tab is opened again. A patient whose
        admission was just withdrawn has no standing identity: the chart keeps the one it shows."""
        found = all_patients(self.session.db, self.session.forms, [self.patient_id]).get(self.patient_id)
        if found is not None:
            self.patient = found = with_namesakes(self.session.db, self.session.forms, [found])[0]
            held, enteric = admission_on_hold(self.session, found), enteric_isolation(self.session, found)
            decided = decisions(self.session, found)
            written(self.identity, lambda: identity_html(found, self.with_place, held, enteric=enteric, decided=decided))

    @property
    def title(self) -> str:
        return tab_title(self.titled, self.patient)

    @property
    def tooltip(self) -> str:
        return tab_tooltip(self.titled, self.patient)


class ChartTab(PatientTab):
    """A patient's chart of one form's records (observations, fluids, neuro): its Record button
    opens a new record's form (`record_new`), Enter on a line opens that record, Print prints
    the chart."""

    record_new = Signal(str)

    def headline(self, name: str) -> None:
        """Over the chart, the latest reading in large type (`latest`, named `name` for a screen
        reader) and under it, in the warning colour, what it asks now (`alarms`, hidden when
        nothing: see `say`)."""
        self.latest = styled(QLabel(), lambda: f"font-size: {points(3)}pt; font-weight: bold;")
        self.latest.setWordWrap(True)
        self.latest.setAccessibleName(name)
        self.column.addWidget(self.latest)
        self.warning_lines()

    def warning_lines(self) -> None:
        """What the chart asks now, in the warning colour, under what the tab put in its column
        so far (`alarms`, hidden when nothing: see `warn`)."""
        self.alarms = styled(QLabel(), lambda: f"color: {warning_colour().name()}; font-weight: bold;")
        self.alarms.setWordWrap(True)
        self.column.addWidget(self.alarms)

    def say(self, latest: str, alarms: list[str]) -> None:
        self.latest.setText(latest)
        self.warn(alarms)

    def warn(self, alarms: list[str]) -> None:
        self.alarms.setText("\n".join(alarms))
        self.alarms.setVisible(bool(alarms))

    def chart_buttons(self, record: str, form_id: str, printed: str, print_chart: Callable[[], object],
                      *between: tuple[str, Callable[[], object], str]) -> None:
        """The buttons under the chart, in the tab's words: Record (a new record of `form_id`),
        those `between` (each with the form it writes), Print; each writing button offered only
        to those who may write its form (`offered`)."""
        buttons = QHBoxLayout()
        for text, pressed, writes in ((record, lambda: self.record_new.emit(self.patient_id), form_id), *between,
                                      (printed, print_chart, None)):
            button = QPushButton(text)
            button.clicked.connect(pressed)
            buttons.addWidget(button if writes is None else self.offered(button, writes))
        buttons.addStretch(1)
        self.column.addLayout(buttons)

    def offered(self, button: QPushButton, form_id: str) -> QPushButton:
        """`button`, which opens a record of `form_id` to type, hidden (its Alt letter with it)
        from whoever may not write that form (records.may_write), as the Record menu leaves it
        out: a healthcare assistant was offered Record a new set on the neuro chart, typed the
        whole set, and was refused at Save. Hidden only: shown before its layout gives it a
        parent, it would open as a window of its own."""
        if not records.may_write(self.session, self.session.form(form_id)):
            button.hide()
        return button

    def records_table(self, model: TextTableModel, name: str) -> ListTable:
        """The chart's list of records under what is already in its column, taking the height
        left; Enter on a line opens its record (`open_chosen`)."""
        table = make_table(model, name, lambda: self.open_chosen(table))
        self.column.addWidget(table, 1)
        return table

    def open_chosen(self, table: QTableView) -> None:
        """The record of the line chosen in `table`, whose model's rows each hold one (`record`)."""
        index = table.currentIndex()
        if index.isValid():
            self.open_record.emit(table.model().rows[index.row()].record)
