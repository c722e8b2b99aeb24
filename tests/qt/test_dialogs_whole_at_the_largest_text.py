"""The rate, infusion check, wastage, not-to-be-entered and paper doses dialogs read whole at the
largest text, on a ward laptop's screen (1366×768 at 125 % or 150 %, less the taskbar)."""

from typing import NamedTuple

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from downtime.qt.infusion_check_dialog import InfusionCheckDialog
from downtime.qt.rate_dialog import RateDialog
from downtime.qt.screen_fit import room
from downtime.qt.style import TEXT_SIZES, change_text_size
from downtime.services import back_entry, cd_register, medication
from tests.test_back_entry import office_asking_the_ward
from tests.test_infusion_rates import syringe_running  # noqa: F401 (a fixture)

LAPTOP_125 = QSize(1092, 542)
"""A dialog's room on a 1366×768 screen at 125 %: less the taskbar and the dialog's title bar."""
LAPTOP_150 = QSize(910, 405)
"""The same at 150 %."""


def _largest_text() -> None:
    app = QApplication.instance()
    change_text_size(app, len(TEXT_SIZES))


def _inside(widget: QWidget, dialog: QWidget) -> bool:
    return dialog.rect().contains(QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size()))


class InfusionDialog(NamedTuple):
    """A dialog the MAR opens on a running bag, and the names of its boxes the tests measure."""

    opened: type[RateDialog | InfusionCheckDialog]
    time: str
    """Its time box, filled in with now."""
    typed: tuple[str, ...]
    """Boxes typed in, each to be wide enough to read."""
    last: str
    """Its last row's box."""


RATE = InfusionDialog(RateDialog, "changed_at", ("rate", "reason"), "witness_pin")
CHECK = InfusionDialog(InfusionCheckDialog, "checked_at", ("volume_left", "pump_rate", "action"), "action")


def _infusion_dialog_shown(qtbot, running: tuple, session_for, lang: str, kind: InfusionDialog):
    """`kind` opened on the syringe driver's running bag and exposed as the MAR opens it, for the
    nurse signed in in `lang`: the tests of each dialog measure the same dialog."""
    _, patient, driver = running
    nurse = session_for("nurse", lang)
    order = medication.order(nurse.db, driver)
    bag = [dose for dose in medication.administrations(nurse.db, patient) if dose.order_id == driver][-1]
    dialog = kind.opened(nurse, order, bag)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("kind", [RATE, CHECK], ids=["rate", "check"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_infusion_dialogs_open_fitted_their_time_whole(qtbot, syringe_running, session_for, app_style, lang,
                                                           kind):
    """Opened at two thirds of the screen, whatever its rows asked, the change of rate at the
    largest text read "26 13:30" in its Time changed box, its other boxes as narrow beside their
    labels, and in French its rows were squashed, the dialog's least height more than Qt gave it.
    The check of the infusion, opened at its least size, had its eight rows overlapping, its
    volume and rate boxes 60 pixels wide, and its Save below a laptop's screen at 125 %; at 150 %
    in French its pump question, one line of 879 pixels, scrolled it sideways."""
    from downtime.qt.i18n import set_language
    from downtime.qt.screen_fit import Scrolled

    _largest_text()
    set_language(lang)
    try:
        dialog = _infusion_dialog_shown(qtbot, syringe_running, session_for, lang, kind)
        box = getattr(dialog, kind.time)
        assert box.width() >= box.fontMetrics().horizontalAdvance(box.text())
        assert dialog.height() >= dialog.minimumSizeHint().height()
        assert dialog.width() <= room(dialog).width() and dialog.height() <= room(dialog).height()
        assert _inside(dialog.save_button, dialog)
        dialog.resize(LAPTOP_150)  # a 1366-pixel screen at 150 %
        qtbot.waitUntil(lambda: dialog.size() == LAPTOP_150)
        assert box.width() >= box.fontMetrics().horizontalAdvance(box.text())
        for typed in (getattr(dialog, name) for name in kind.typed):
            assert typed.width() >= typed.fontMetrics().averageCharWidth() * 18, "a box wide enough to read"
        assert _inside(dialog.save_button, dialog)
        (body,) = dialog.findChildren(Scrolled)
        assert body.horizontalScrollBar().maximum() == 0, "nothing cut at the right: the banner, the bag, the volumes"
    finally:
        set_language("en")


@pytest.mark.parametrize("kind", [RATE, CHECK], ids=["rate", "check"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_infusion_dialogs_at_the_usual_text_do_not_scroll_on_a_laptop_at_125_percent(
        qtbot, syringe_running, session_for, app_style, monkeypatch, lang, kind):
    """Each box under its label at every text size made the change of rate 812×602 at 11 points
    (533×416 before): on a laptop at 125 % its rows scrolled, the witness's PIN below the fold.
    Its boxes beside their labels where they fit, each at least wide enough to read, it opens
    whole. The check of the infusion opened 533 pixels wide in French, its time box reading
    "8/11/2026 13:30"."""
    from downtime.qt import screen_fit
    from downtime.qt.i18n import set_language
    from downtime.qt.screen_fit import Scrolled

    monkeypatch.setattr(screen_fit, "room", lambda _: LAPTOP_125)
    change_text_size(QApplication.instance(), -len(TEXT_SIZES))
    set_language(lang)
    try:
        dialog = _infusion_dialog_shown(qtbot, syringe_running, session_for, lang, kind)
        (body,) = dialog.findChildren(Scrolled)
        assert body.verticalScrollBar().maximum() == 0, "its rows whole, unscrolled"
        last = getattr(dialog, kind.last)
        assert last.isVisible() and _inside(last, dialog)
        box = getattr(dialog, kind.time)
        assert box.width() >= box.fontMetrics().horizontalAdvance(box.text())
    finally:
        set_language("en")


@pytest.mark.parametrize("on_screen", [None, LAPTOP_150])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_dose_whose_wastage_is_recorded_is_shown_whole(qtbot, medication_ward, session_for, app_style,
                                                           monkeypatch, lang, on_screen):
    """A dose drawn up and charted not given, as its line in the list: the one-line list cut it
    before "not given" and its 5 mg, and at the largest text before the patient. The witness
    and the nurse choose a patient's line of the legal register and work out what is left of
    the ampoule from the dose: the dose chosen is shown whole under the list, on a laptop at
    150 % too (`on_screen`: the dialog's room there), where it was cut through its first line."""
    from downtime.qt import screen_fit
    from downtime.qt.cd_register_panel import WastageDialog
    from downtime.qt.i18n import set_language

    if on_screen is not None:
        monkeypatch.setattr(screen_fit, "room", lambda _: on_screen)
    _, _, morphine = medication_ward
    _largest_text()
    set_language(lang)
    try:
        nurse = session_for("nurse", lang)
        cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
        medication.record_dose(nurse, morphine, {"outcome": "not_given", "not_given_reason": "refused",
                                                 "given_at": "2026-11-28T13:30+01:00"})
        stock = cd_register.cd_stock(nurse.db, nurse.forms, "3B")
        dialog = WastageDialog(nurse, stock[0], cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg"))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        chosen = dialog.chosen
        assert chosen.text() == dialog.dose.currentText()
        for part in ("5 mg", "LEFÈVRE", "(refus)" if lang == "fr" else "not given"):
            assert part in chosen.text()
        assert chosen.isVisible() and chosen.height() >= chosen.heightForWidth(chosen.width())
        assert _inside(chosen, dialog) and _inside(dialog.save_button, dialog)
        assert screen_fit.fits_screen(dialog, dialog.size())
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_not_entered_dialog_scrolls_its_words_at_the_largest_text(qtbot, tmp_path, laptop, clock,
                                                                      admission_values, app_style, lang):
    """At 20 points on a laptop at 125 % the line's words stopped at "ask…": what to ask the ward,
    and that the line is closed only once it has answered, were cut. They scroll; the boxes and
    the button stay in sight."""
    from downtime.qt.i18n import set_language
    from downtime.qt.not_entered_dialog import NotEnteredDialog

    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    _largest_text()
    set_language(lang)
    try:
        office.lang = lang
        (work,) = [(patient, item) for patient in back_entry.worklist(office) for item in patient.items
                   if item.record.record_id == flagged[1]]
        dialog = NotEnteredDialog(office, work[1], work[0].patient)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        for size in (LAPTOP_125, LAPTOP_150):
            dialog.resize(size)
            qtbot.waitUntil(lambda size=size: dialog.size() == size.expandedTo(dialog.minimumSize()))
            assert dialog.height() <= size.height()
            for shown in (dialog.ward_said, dialog.reason, dialog.ok):
                assert _inside(shown, dialog)
            intro = max((label for label in dialog.findChildren(QLabel) if label.wordWrap() and label.isVisible()),
                        key=lambda label: len(label.text()))
            assert "Only once" in intro.text() or "Seulement" in intro.text()
            assert intro.height() >= intro.heightForWidth(intro.width()), "its lines cut"
    finally:
        set_language("en")


def test_the_paper_doses_fit_a_laptop_at_150_percent_at_the_largest_text_in_french(qtbot, paper_night, twin,
                                                                                   session_for, app_style):
    """At 150 % and 18 points in French the screen needed 957 pixels (1,065 at 20) on a screen 910
    wide: the as-required list and its Add button, Save all and Cancel, past its edge."""
    from downtime.qt.i18n import set_language
    from downtime.qt.paper_doses_dialog import PaperDosesDialog

    _, patient, _, _, _ = paper_night
    _largest_text()
    set_language("fr")
    try:
        dialog = PaperDosesDialog(session_for("nurse", "fr"), [patient, twin])
        qtbot.addWidget(dialog)
        dialog.add_as_required()
        assert dialog.minimumSizeHint().width() <= LAPTOP_150.width()
        dialog.resize(LAPTOP_150.width(), dialog.height())
        dialog.show()
        qtbot.waitExposed(dialog)
        for button in (dialog.add_button, dialog.save_button):
            assert _inside(button, dialog)
    finally:
        set_language("en")
