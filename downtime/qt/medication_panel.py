"""The ward medication round: every scheduled dose due, late or overdue across the ward, worst
first, then those missed over 12 hours ago and still not recorded, with the state written out
(never colour alone). Enter records the selected dose."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from downtime.domain.devices import by_tube
from downtime.domain.medication import DoseState
from downtime.domain.staff import Action
from downtime.formspec import FormSpec
from downtime.i18n import QT_TR_NOOP
from downtime.qt.dialog_life import open_until_closed
from downtime.qt.i18n import language, translate, word
from downtime.qt.paper_doses_dialog import PaperDosesDialog
from downtime.qt.paper_notice import CHECK_PAPER, PaperNotice
from downtime.qt.dose_dialog import ORDER_ON_HOLD, ROUND_TICK_MS, DoseDialog, also_ordered_words, held_words
from downtime.qt.screen_fit import wrapped
from downtime.qt.patients_panel import NAME_CHARACTERS
from downtime.qt.tables import (
    ColumnsCut, Index, TextTableModel, cut_column, make_table, print_and_open, show_keeping_choice, wrap_columns,
)
from downtime.qt.ward_choice import ward_choice
from downtime.qt.work import ReadAgain
from downtime.services import (capacity, census, devices, drafts, infusion_rates, medication, missing_patient,
                               paper_doses, printing, records)
from downtime.services.context import Session
from downtime.services.medication import RoundItem

STATE = {DoseState.OVERDUE: QT_TR_NOOP("OVERDUE"), DoseState.LATE: QT_TR_NOOP("LATE"),
         DoseState.DUE: QT_TR_NOOP("Due now"), DoseState.UPCOMING: QT_TR_NOOP("Upcoming"),
         DoseState.CHECK_PAPER: CHECK_PAPER}
MISSED = QT_TR_NOOP("MISSED (over {hours} h)")
MISSING = QT_TR_NOOP("MISSING from the ward: record “A — Patient away from ward”")
"""By the name of a patient missing from the ward (services.missing_patient.missing_now): a dose
falling due while they are away is recorded so, the whole line in the tooltip, never left
blank to be read as forgotten."""
NOT_BY_MOUTH = QT_TR_NOOP("NOT BY MOUTH: {why}")
"""In the flags of a dose whose route the patient's nil by mouth stops (`RoundModel.nil_by_mouth`),
as the handover sheet and the printed chart say it: the round listed the paracetamol tablet "Due
now" with empty flags after the swallow screen failed."""
WINDOW_HOURS = f"{medication.ROUND_WINDOW.total_seconds() / 3600:g}"


# The round's columns. The alerts (ON HOLD, HIGH-ALERT, CD witness, also ordered) right after the
# medicine and its dose: last, after the route, they lay past a 1366-pixel screen's edge at 125 %.
STATUS, PATIENT, MEDICINE, FLAGS = 0, 3, 5, 7
NAME_LEAST = 20
"""The patient's name is never narrower, in characters: family name and first name. Wrapped
beyond, onto a taller row: cut at the column's edge, "NGUYEN Van Minh — SAME NAME: bed 20" lost
the namesake's bed, or the whole alert, the red colour alone left to say it."""
MEDICINE_CHARACTERS = 16
"""The medicine, wrapped beyond so many characters, as the alerts: with the state, "Co-careldopa
25/100" and a name at its least, the route (IV, PO, SC) lay past a 1024-pixel laptop's edge."""
FLAGS_CHARACTERS = 20
"""The alerts' column, wrapped beyond so many characters: an insulin is high-alert and
time-critical ("HAUT RISQUE, HORAIRE CRITIQUE — à 30 min près"), which put the route past a
laptop's edge (at 26 characters, a 1024-pixel one's with a full ward's round); an alert is never
cut, its row made taller."""
STATUS_CHARACTERS = 16
"""The dose's state, wrapped beyond so many characters, as the alerts: "NOT RECORDED — check the
paper" on one line put the route past a laptop's edge."""


class RoundModel(TextTableModel):
    columns = (QT_TR_NOOP("State"), QT_TR_NOOP("Due at"), QT_TR_NOOP("Bed"), QT_TR_NOOP("Patient"),
               QT_TR_NOOP("Date of birth"), QT_TR_NOOP("Medicine"), QT_TR_NOOP("Dose"), QT_TR_NOOP("Flags"),
               QT_TR_NOOP("Route"))
    warnings = TextTableModel.warnings | {CHECK_PAPER}
    whole_in_tooltip = frozenset({PATIENT})

    def __init__(self, order_form: FormSpec, now: datetime) -> None:
        super().__init__()
        self.order_form = order_form  # whose words the doses are given in
        self.held: set[str] = set()  # orders on hold (see records.on_hold), set before the rows
        # When the rows were read, set again before them (`MedicationPanel.refresh`, from the clock
        # reading the round list is made at): a covert order's review is due from it. Given at
        # construction, so a flag is never read at no time.
        self.now = now
        # What each infusion's bag runs at now (services.infusion_rates.running), beside its dose: the
        # next bag was put up at the prescribed rate of a heparin slowed after an APTT of 3.2.
        self.running: dict[str, str] = {}
        # What is asked of the prescriber of each order an allergy recorded since matches, by order
        # (services.medication.allergies_unreviewed), in its flags: the nurse drew up IV co-amoxiclav
        # from a plain "Due now" and learnt of the penicillin anaphylaxis at the save. Short on the
        # row, whole in the tooltip (`flag_words`).
        self.unreviewed: dict[str, medication.Unreviewed] = {}
        # The patients missing from the ward now, with the ward's line (`MISSING`), by patient id.
        self.missing: dict[str, str] = {}
        # Why each patient nil by mouth now is (services.medication.nil_by_mouth), by patient id.
        self.nil_by_mouth: dict[str, medication.NilByMouth] = {}
        # The latest look at each patient's nasogastric tube in whose position is to confirm now
        # (services.devices.tubes_to_confirm), by patient id: a dose by the tube says it.
        self.tubes: dict[str, devices.Checked] = {}
        # What each order given covertly that no capacity assessment supports says, by order id
        # (services.capacity.covert_flags), in its flags: "COVERT with no capacity assessment on
        # record: ask the doctor".
        self.capacity: dict[str, str] = {}

    def not_by_mouth(self, item: RoundItem) -> str:
        """`NOT_BY_MOUTH` and why, for a dose whose route the patient's nil by mouth stops; else empty."""
        fasting = self.nil_by_mouth.get(item.patient.patient_id)
        why = None if fasting is None else fasting.why(item.order.route)
        return "" if why is None else word(NOT_BY_MOUTH).format(why=why[language()])

    def tube_unconfirmed(self, item: RoundItem, whole: bool = False) -> str:
        """What a dose by nasogastric tube says while the patient's tube in has its position to
        confirm (`tubes`): "NG POSITION NOT CONFIRMED (28/11 10:00: aspirate pH 6.5)" on the row,
        what to do `whole` (the tooltip); else empty."""
        one = self.tubes.get(item.patient.patient_id)
        return "" if one is None or not by_tube(item.order.route) else one.position_flag(self.now, language(), whole)

    def is_warning(self, row: int, column: int) -> bool:
        """A dose missed over 12 hours ago is the gravest state on the round; an order another
        laptop wrote otherwise, one an allergy recorded since matches (`unreviewed`), a dose for that
        time withdrawn here that another laptop recorded
        otherwise (it may have been given), a medicine ordered twice, a level the dose waits on
        (medication.level_warnings), a dose of it recorded later than now by a clock that was
        ahead (medication.recorded_ahead), the dose recorded nil by mouth before its time
        (RoundItem.fasting: the operation may be cancelled), or one not to give by mouth
        (`not_by_mouth`), or one by a nasogastric tube whose position is not confirmed
        (`tube_unconfirmed`), is said in its flags; a patient sharing a family name with
        another of the ward, by their name, as on the patient list (census.name_alert)."""
        item = self.rows[row]
        if column == FLAGS:
            return (item.order.record_id in self.held or item.order.record_id in self.unreviewed
                    or item.order.record_id in self.capacity
                    or bool(item.held) or bool(item.also_ordered)
                    or bool(medication.holding(item.levels)) or bool(item.ahead) or bool(item.fasting)
                    or bool(self.not_by_mouth(item)) or bool(self.tube_unconfirmed(item)))
        if column == PATIENT:
            return bool(item.patient.namesakes) or item.patient.patient_id in self.missing
        return column == 0 and (item.missed or super().is_warning(row, column))

    def flag_words(self, row: int, *, whole: bool = False) -> str:
        """The dose's flags, a controlled drug and a high-alert medicine in the words of the chart
        and the paper (medication.ORDER_WORDS): the round said "STUP" where they say "STUPÉFIANT —
        témoin". An allergy recorded since the order short (medication.UNREVIEWED_FLAG), or
        `whole`, as the cell's tooltip says it: whole on the row, it made the row taller than the
        table at the largest text in French, its end out of reach."""
        item: RoundItem = self.rows[row]
        order = item.order
        unreviewed = self.unreviewed.get(order.record_id)
        allergy = "" if unreviewed is None else unreviewed if whole else unreviewed.flag
        not_by_mouth, tube = self.not_by_mouth(item), self.tube_unconfirmed(item, whole)
        return ", ".join((*medication.order_flags(order, language(), self.now),
                          *(f for f, on in ((self.capacity.get(order.record_id, ""), order.record_id in self.capacity),
                                            (not_by_mouth, bool(not_by_mouth)), (tube, bool(tube)),
                                            (allergy, bool(allergy)),
                                            (word(ORDER_ON_HOLD), order.record_id in self.held),
                                            (held_words(item.held), bool(item.held)),
                                            (also_ordered_words(order, item.also_ordered, self.order_form),
                                             bool(item.also_ordered))) if on),
                          *(warning.text(language()) for warning in (*item.levels, *item.ahead, *item.fasting))))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The flags' tooltip says them whole (`flag_words`)."""
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == FLAGS:
            return self.flag_words(index.row(), whole=True)
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == PATIENT and (
                said := self.missing.get(self.rows[index.row()].patient.patient_id)):
            return said
        return super().data(index, role)

    def texts(self, row: int) -> tuple[str, ...]:
        item: RoundItem = self.rows[row]
        order, patient = item.order, item.patient
        state = (word(MISSED).format(hours=WINDOW_HOURS) if item.missed and item.on_paper is None
                 else word(STATE[item.state]))
        name = " — ".join(filter(None, (patient.display_name, census.name_alert(patient.namesakes, language()),
                                        word(MISSING) if patient.patient_id in self.missing else "")))
        return (state, item.slot.strftime("%d/%m %H:%M"), f"{patient.ward}/{patient.bed or '—'}",
                name, patient.birth_date_in(language()), order.drug,
                " — ".join(filter(None, (medication.order_dose(order, self.order_form, language()),
                                         self.running.get(order.record_id)))), self.flag_words(row), order.route)


class MedicationPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        controls, self.ward = ward_choice(session, self.refresh)
        self.pack_button = QPushButton(translate("MedicationPanel", "Print the ward's MAR &pack"))
        self.pack_button.clicked.connect(self.print_pack)
        controls.addStretch(1)
        controls.addWidget(self.pack_button)
        layout.addLayout(controls)
        self.paper = PaperNotice()
        self.paper.enter_doses.connect(self.enter_from_paper)
        self.paper.enter_button.setEnabled(session.user.may(Action.RECORD_CARE))
        layout.addWidget(self.paper)
        # On a line of its own, wrapped: beside the ward and the print button, its French
        # ("… omise(s) depuis plus de 12 h, en fin de liste") made the round 1,330 pixels wide.
        self.count = wrapped(QLabel())
        layout.addWidget(self.count)
        self.model = RoundModel(session.form(medication.ORDER_FORM), session.clock())
        self.table = make_table(self.model, translate("MedicationPanel", "Medication round"), self.record_selected)
        # A long name (an unidentified patient's description, a birth name in brackets) is wrapped
        # as on the patient list, whole in its tooltip too: it made the column 500 pixels wide. And
        # narrowed further, down to NAME_LEAST, for the medicine, its dose, flags and route to stay
        # in sight: on a 1366×768 laptop at 125 % one unidentified patient's description put the
        # route (PO, SC) past the screen's edge at the normal text size.
        self.cut = ColumnsCut(self.table, (PATIENT,), self._fit_columns)
        # The route, last and stretched, is never narrower than it was when stretching began (Qt
        # keeps that width): a default section's 100 pixels for "IV" put 40 of them past a
        # 1024-pixel laptop's edge. Stretched again from the narrowest section.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.resizeSection(header.count() - 1, header.minimumSectionSize())
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.dialog: DoseDialog | None = None
        self.paper_dialog: PaperDosesDialog | None = None
        # A dose falls late, overdue or missed with time, not with a save: read again each minute.
        self.read_again = ReadAgain(self, self.refresh)

    def _fit_columns(self, fitted: Mapping[int, int]) -> None:
        """The state, the medicine and the alerts wrapped first (`STATUS_CHARACTERS`,
        `MEDICINE_CHARACTERS`, `FLAGS_CHARACTERS`), then the name narrowed for the columns after
        it to stay in sight, and wrapped at that width."""
        wrap_columns(self.table, {STATUS: STATUS_CHARACTERS, MEDICINE: MEDICINE_CHARACTERS, FLAGS: FLAGS_CHARACTERS})
        cut_column(self.table, PATIENT, NAME_CHARACTERS, fitted[PATIENT], least=NAME_LEAST, the_rest_in_sight=True)
        wrap_columns(self.table, {PATIENT: NAME_CHARACTERS})

    def refresh(self) -> None:
        """Read again after every dose: the dose chosen stays chosen, or, once recorded and gone
        from the list, the one that takes its line, so the nurse's next Enter records it. Another
        ward chosen starts with no line chosen."""
        if not self.ward.currentText():
            self.model.set_rows([])
            self.paper.show_gap([])
            self.count.setText(translate("MedicationPanel", "No ward set up: an administrator adds wards and beds first."))
            return
        ward = self.ward.currentText()
        self.model.now = self.session.clock()
        items = medication.round_list(self.session.db, self.session.forms, ward, self.model.now)
        same_ward = bool(self.model.rows) and self.model.rows[0].patient.ward == ward
        self.model.held = set(records.on_hold(self.session, {item.order.record_id for item in items}))
        self.model.running = infusion_rates.running(self.session.db, {item.order.record_id: item.order
                                                                      for item in items}.values(),
                                                    self.session.clock(), language())
        patients = {item.patient.patient_id: item.patient for item in items}
        self.model.missing = missing_patient.missing_now(self.session.db, self.session.forms, list(patients),
                                                         self.session.clock(), language())
        self.model.nil_by_mouth = medication.nil_by_mouth(self.session.db, list(patients), self.model.now)
        self.model.tubes = devices.tubes_to_confirm(self.session.db, list(patients), self.model.now)
        self.model.capacity = capacity.covert_flags(self.session.db, [item.order for item in items], self.model.now,
                                                    language())
        self.model.unreviewed = {order.record_id: said for unreviewed in medication.allergies_unreviewed(
            self.session.db, self.session.forms, language(), list(patients.values()), self.session.clock()).values()
            for order, said in unreviewed}
        show_keeping_choice(self.table, self.model, items, lambda item: (item.order.record_id, item.slot),
                            or_same_line=same_ward)
        self.paper.show_gap(item.on_paper for item in items)
        overdue = sum(i.state is DoseState.OVERDUE and not i.missed for i in items)
        text = translate("MedicationPanel", "{doses} dose(s) to give or record; {overdue} overdue").format(
            doses=len(items), overdue=overdue)
        if missed := sum(i.missed for i in items):
            text += translate("MedicationPanel", "; {missed} missed over {hours} h ago, at the end of the list").format(
                missed=missed, hours=WINDOW_HOURS)
        self.count.setText(text)
        self.read_again.after(ROUND_TICK_MS)

    def enter_from_paper(self) -> PaperDosesDialog | None:
        """The ward's doses due while the laptop was down, each row naming its patient, to type in
        from the paper charts on one screen."""
        ward = self.ward.currentText()
        if not ward:
            return None
        patients = sorted(census.in_patients(self.session.db, self.session.forms, ward=ward, at=self.session.clock()),
                          key=lambda patient: census.bed_order(patient.bed))
        return self._open_paper(PaperDosesDialog(self.session, [patient.patient_id for patient in patients], self))

    def resume_paper(self, draft: drafts.Draft) -> PaperDosesDialog:
        """The paper-doses screen its nurse left unsaved (see `PaperDosesDialog.resume`), one
        patient's or a ward's, reopened at her sign-in."""
        patient_ids = list(paper_doses.PaperDraft.model_validate(draft.data).patient_ids)
        return self._open_paper(PaperDosesDialog(self.session, patient_ids, self, draft=draft))

    def _open_paper(self, dialog: PaperDosesDialog) -> PaperDosesDialog:
        self.paper_dialog = dialog
        dialog.saved.connect(lambda saved: self.refresh())
        return open_until_closed(dialog, self._paper_closed)

    def _paper_closed(self) -> None:
        self.paper_dialog = None

    def print_pack(self) -> Path | None:
        """Every patient's MAR of the ward, three days each: the paper charts a handover or a
        laptop taken away leaves the ward with."""
        ward = self.ward.currentText()
        if not ward:
            return None
        return print_and_open(self, self.session, lambda own, out: printing.print_ward_mar_pack(own, ward, out), f"mar-pack-{ward}")

    def record_selected(self) -> DoseDialog | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        item = self.model.rows[index.row()]
        return self._open_dose(DoseDialog(self.session, item.order, item.slot, self))

    def resume_dose(self, draft: drafts.Draft) -> DoseDialog:
        """A dose its nurse left unsaved (see `DoseDialog.restore`), reopened at her sign-in."""
        slot = draft.data["scheduled_for"]
        dialog = DoseDialog(self.session, medication.order(self.session.db, draft.data["order"]),
                            datetime.fromisoformat(slot) if slot else None, self, draft_id=draft.draft_id)
        dialog.restore(draft.data, datetime.fromisoformat(draft.updated_at))
        return self._open_dose(dialog)

    def _open_dose(self, dialog: DoseDialog) -> DoseDialog:
        self.dialog = dialog
        dialog.recorded.connect(lambda record: self.refresh())
        return open_until_closed(dialog, self._dose_closed)

    def _dose_closed(self) -> None:
        self.dialog = None
