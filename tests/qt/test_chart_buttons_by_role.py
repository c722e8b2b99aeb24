"""A chart tab offers its Record, Assess and Screen buttons only to whoever may write the form
each one opens (records.may_write): a healthcare assistant, who writes her seven bedside charts
alone, was offered Record a new set on the neuro chart, typed the whole set, and was refused at
Save. A nurse's buttons are those she had."""

import re

from PySide6.QtWidgets import QPushButton

from downtime.qt.main_window import MainWindow
from downtime.qt.patient_header import ChartTab
from downtime.services import (bowels, delirium, devices, fluid_balance, glucose, lab_results, neuro, nutrition,
                               observations, pain, pews, repositioning, sepsis, staff, transfusion, wounds)
from downtime.services.census import in_patients
from downtime.services.context import Session, load_device
from tests.conftest import STAFF
from tests.qt.test_mnemonics import _oldest_and_youngest
from tests.conftest import HCA_FORMS

WRITES = {
    "BowelsView": {"&Chart the bowels": bowels.FORM},
    "DevicesView": {"Record a new &device": devices.FORM, "&Check the chosen device…": devices.FORM},
    "FluidBalanceView": {"Record fluid &in or out": fluid_balance.FORM,
                         "Restriction or &target…": fluid_balance.PLAN_FORM,
                         "Chart a &bag from the medication chart": fluid_balance.FORM,
                         "Screen &nutrition (MUST)…": nutrition.FORM},
    "GlucoseView": {"Record a r&eading": glucose.FORM},
    "LabResultsView": {"Record a res&ult received": lab_results.FORM, "&Doctor told…": lab_results.FORM,
                       "Record a sample sen&t": lab_results.REQUEST_FORM},
    "NeuroView": {"Record a &new set": neuro.FORM},
    "ObservationsView": {"Record a &new set": observations.FORM, "Screen for &delirium (4AT)…": delirium.FORM,
                         "Screen for &sepsis…": sepsis.FORM},
    "PainView": {"&Assess the pain": pain.FORM},
    "PewsView": {"Record &observations": pews.FORM},
    "RepositioningView": {"Record a &change of position": repositioning.FORM,
                          "Assess the risk (&Braden)…": repositioning.RISK_FORM, "Chart the wou&nd…": wounds.FORM},
    "TransfusionView": {"Record a unit &started": transfusion.FORM, "Record the &end of the unit": transfusion.END_FORM,
                        "Pres&cribe blood…": transfusion.ORDER_FORM},
    "WoundsView": {"Record a &new wound": wounds.FORM, "&Dress the chosen wound…": wounds.FORM},
}
"""Each chart tab's buttons that open a form to type, and the form: the others read or print."""

FORMS_OPENED = {"open_sepsis_of", "open_vte_of"}
"""The escalation list's openers, of a form rather than a chart (a VTE assessment's opener tells
whoever is no doctor to ask one)."""

CHILD_HIDES = {nutrition.FORM, delirium.FORM, sepsis.FORM}
"""The screenings a child's charts offer no one (their forms are an adult's)."""


def _offered(window: MainWindow, db, forms) -> set[tuple[str, str, str]]:
    """(patient, tab, form) of every writing button shown on every chart tab the window opens (its
    `open_…_of` but `FORMS_OPENED`) for the demo's oldest patient and its youngest, a child;
    every button is checked to be one `WRITES` knows or one that reads or prints."""
    offered, unknown, charts = set(), [], set()
    for patient in _oldest_and_youngest(db, forms):
        for name in (name for name in dir(MainWindow)
                     if re.fullmatch(r"open_\w+_of", name) and name not in FORMS_OPENED):
            page = getattr(window, name)(patient.patient_id)
            if not isinstance(page, ChartTab):
                continue
            tab = type(page).__name__
            charts.add(tab)
            for button in page.findChildren(QPushButton):
                form = WRITES.get(tab, {}).get(button.text())
                if form is None and not re.search(r"&Print|Day|day|Chart under way|P&EWS", button.text()):
                    unknown.append((tab, button.text()))
                if form is not None and button.isVisibleTo(page):
                    offered.add((patient.patient_id, tab, form))
    assert charts == set(WRITES) and not unknown, (charts, unknown)  # the walk knew every chart's buttons
    return offered


def test_an_assistants_charts_offer_to_record_only_her_forms_and_a_nurses_all_hers(tmp_path, demo_database, forms,
                                                                                   clock, window_for):
    db = demo_database(tmp_path / "demo.sqlite")

    def offered_to(staff_id: str, pin: str) -> set[tuple[str, str, str]]:
        window = window_for(Session(db, load_device(db), staff.sign_in(db, staff_id, pin, clock), forms, clock))
        return _offered(window, db, forms)

    nurse = offered_to("nurse", STAFF["nurse"][2])
    oldest, youngest = (patient.patient_id for patient in _oldest_and_youngest(db, forms))
    every = {(patient, tab, form) for patient in (oldest, youngest) for tab, buttons in WRITES.items()
             for form in buttons.values() if not (patient == youngest and form in CHILD_HIDES)}
    # A nurse is offered every chart's buttons as before, but blood prescribed (a doctor's).
    assert nurse == {line for line in every if line[2] != transfusion.ORDER_FORM}
    assistant = offered_to("hca", "7777")  # the demo's healthcare assistant
    # A weighing and an enhanced care log entry have no chart tab of their own: each is recorded
    # from the Record menu (or, for a log entry due, Enter on the escalation list).
    assert {form for _, _, form in assistant} == HCA_FORMS - {"weight", "enhanced_observation"}
    assert assistant == {line for line in nurse if line[2] in HCA_FORMS}


def test_an_assistant_pressing_enter_on_a_sepsis_line_is_told_to_tell_the_nurse(tmp_path, demo_database, forms, clock,
                                                                                 window_for, answers):
    """Enter on the escalation list's "COULD THIS BE SEPSIS?" opened a blank screening she could
    not save; a nurse still gets the screening."""
    db = demo_database(tmp_path / "demo.sqlite")
    _, asked = answers
    patient = next(found.patient_id for found in in_patients(db, forms, ward="3B")
                   if sepsis.to_open(db, forms, found.patient_id, clock()) is None)
    hca = window_for(Session(db, load_device(db), staff.sign_in(db, "hca", "7777", clock), forms, clock))
    assert hca.open_sepsis_of(patient) is None
    assert asked == [("info", "A sepsis screening is made by a nurse or a doctor: tell the nurse looking after this "
                              "patient now.")]
    nurse = window_for(Session(db, load_device(db), staff.sign_in(db, "nurse", STAFF["nurse"][2], clock), forms, clock))
    assert nurse.open_sepsis_of(patient) is not None
