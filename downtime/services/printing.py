"""Printing forms: every print is audited, because a printed page is a copy of patient data."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from importlib import import_module
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import partial
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from downtime.i18n import DAY_NAMES, QT_TRANSLATE_NOOP, Listed, message, semicolon
from downtime.domain.bounds import MOST_MAR_DAYS, PAPER_NUMBERS
from downtime.domain.clock import DATED, ward_time, ward_zone
from downtime.domain.elapsed import instant, reached
from downtime.domain.downtime_number import taken_apart
from downtime.domain.falls import anticoagulants_named
from downtime.domain.fluid_balance import chart_day
from downtime.domain.medication import DIET, DIET_NOTES, Frequency
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.staff import Action
from downtime.domain.theatre import Fasting, fasting_for, fasting_from, fasts, not_to_be_done
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.services import (alcohol_withdrawal, bowels, capacity, cd_register, chart_alerts, covert, delirium, devices, falls, falls_risk, fluid_balance, glucose,
                               home_medicines, infusion_checks, infusion_rates,
                               lab_results, medication, missing_patient, neuro, nutrition, observations, pain, paper_numbers, pews,
                               potassium, prefill, reconciliation,
                               repositioning, resuscitation, safeguarding, sepsis, settings, since_admission, swallow_screen,
                               telephone_orders, theatre,
                               transfusion, vte, weight, wounds)
from downtime.services import enhanced_observation
from downtime.services.census import all_patients, census, patient_for_record, patient_with_location, with_namesakes
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.back_entry import settled_on
from downtime.services.bedside import stays_began
from downtime.services.patients import PatientSummary, downtime_numbers, earlier_temporary_names, summarise
from downtime.services.records import ALLERGY_KNOWN, NOTE_FORM, current, history, on_hold, units_from
from downtime.services.laptops import authors, laptops_known
from downtime.services.staff import list_staff
from downtime.services.version_changes import amendments
from downtime.storage import audit
from downtime.storage.records import RECORD_COLUMNS, as_version, current_of, list_current, marks

if TYPE_CHECKING:
    from downtime.pdf.labels import OnHold
    from downtime.pdf.mar import PatientChart
    from downtime.services.back_entry import PatientWork

WRISTBAND = "wristband"
"""The label stock of wristband inserts (see pdf.labels.STOCKS), and how the audit names a print of one."""
BAND_READ = "band"
"""The key of a wristband print's audit detail holding what the band reads (`_audit_print`)."""
LABELS = "labels"
"""How the audit names a print of sheet labels, before the number (`_labels_printed`)."""
ANTICOAGULATED = "anticoagulated"
"""A fall's answer "On anticoagulant treatment" (forms/inpatient_fall.yaml)."""


def _audit_print(session: Session, what: str, out: Path, record_id: str | None = None,
                 patients: Iterable[PatientSummary] = (), ward: str | None = None,
                 band: Sequence[str] | None = None) -> None:
    """The entry names the patients whose data the paper copies (their ids, and their downtime
    numbers as printed on it) and the ward of a ward's pack: the log is asked "who printed Mrs
    Lefèvre's notes, and when?", and a kind and a file path (since deleted) did not answer. A
    wristband's entry keeps the lines it printed (`band`, in the print's language): what the band
    on the wrist reads is then known, not rebuilt from admissions (`band_out_of_date`)."""
    named = list(patients)
    detail: dict[str, Any] = {"what": what, "record_id": record_id, "file": str(out)}
    if named:
        detail |= {"patient_ids": [patient.patient_id for patient in named],
                   "downtime_numbers": [patient.downtime_number for patient in named]}
    if ward is not None:
        detail["ward"] = ward
    if band is not None:
        detail[BAND_READ] = {"lang": session.lang, "lines": list(band)}
    audit.append_reading(session.db, at=session.clock(), actor=session.user.staff_id,
                         device_id=session.device.device_id, action="print", detail=detail)


def blank_form(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None,
               printed_at: datetime, device_name: str) -> Path:
    """A blank paper form holds no patient data, so it needs no sign-in (the binder is
    printed before an outage, or on any machine during one): `printed_by` None says so."""
    from downtime.pdf.forms import blank_form_pdf

    return blank_form_pdf(spec, out, lang=lang, printed_by=printed_by, printed_at=printed_at,
                          device_name=device_name)


def blank(forms: dict[str, FormSpec], what: str, out: Path, *, lang: Lang, printed_by: str | None,
          printed_at: datetime, device_name: str) -> Path:
    """A blank form of `forms`, or one of the charts that are not forms (`BLANK_CHARTS`)."""
    if what in BLANK_CHARTS:
        return BLANK_CHARTS[what](forms, out, lang=lang, printed_by=printed_by, printed_at=printed_at,
                                  device_name=device_name)
    return blank_form(forms[what], out, lang=lang, printed_by=printed_by, printed_at=printed_at,
                      device_name=device_name)


def print_blank(session: Session, what: str, out: Path) -> Path:
    """A blank form or chart printed by the person signed in, who its pages name."""
    session.require(Action.PRINT)
    blank(session.forms, what, out, lang=session.lang, printed_by=session.user.name, printed_at=session.clock(),
          device_name=session.device.name)
    _audit_print(session, f"blank {what}", out)
    return out



def _printed(session: Session, patient: PatientSummary) -> PatientSummary:
    """The patient as every printed page's identification box shows them, with the beds of their
    ward's namesakes (the name alert, pdf.page): only the MAR said SAME NAME, and the transfusion
    record, NEWS2 chart and laboratory log of Mrs Martin in bed 12 read as those of Mrs Martin in
    bed 3 but for the bed and the number."""
    return with_namesakes(session.db, session.forms, [patient])[0]


def print_news2_chart(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's observations as the paper NEWS2 chart, for the bedside folder."""
    from downtime.pdf.news2 import news2_chart_pdf

    session.require(Action.PRINT)
    patient, now = _printed(session, patient_with_location(session.db, session.forms, patient_id)), session.clock()
    sets = observations.chart(session.db, patient)
    news2_chart_pdf(patient, sets, session.form(observations.FORM), out, authors=authors(session),
                    laptops=laptops_known(session, {found.record.device_id for found in sets}), lang=session.lang,
                    printed_by=session.user.name, printed_at=now, device_name=session.device.name,
                    plan=observations.plans(session.db, [patient], now).get(patient_id),
                    resuscitation_decided=resuscitation.decided(session.db, [patient], now.tzinfo).get(patient_id))
    _audit_print(session, "news2 chart", out, patients=[patient])
    return out



def print_fluid_chart(session: Session, patient_id: str, day: date, out: Path) -> Path:
    """A patient's fluid balance chart of one chart's day (07:00 to 07:00), for the bedside
    folder: its empty hours are carried on by hand while the laptop is away; over it the
    restriction or target in force and the day's intake against it, the bags given that day on
    the medication chart and not charted yet counted in and listed under the sums; it says a
    restriction exceeded (a target not reached, the day closed), and the chart under way a low
    urine output, as it is printed; the balance brought forward from the stay's earlier days and
    the patient's weight with its 0.5 mL/kg/h in mL/h, for the urine written by hand."""
    from downtime.pdf.fluid_balance import fluid_chart_pdf

    session.require(Action.PRINT)
    patient = _printed(session, patient_with_location(session.db, session.forms, patient_id))
    found = fluid_balance.day_chart(session.db, patient_id, day)
    now = session.clock()
    judged = fluid_balance.judged_day(session.db, patient_id, found.chart, now, session.lang,
                                      fluid_balance.child_kg(session.db, session.forms, patient, now))
    asks = list(judged.asks)
    urine = fluid_balance.urine_outputs(session.db, session.forms, [patient], now).get(patient_id)
    if urine is not None and urine.low and day == chart_day(now):
        asks.append(fluid_balance.urine_words(urine, session.lang,
                                              comfort=bool(observations.comfort_care(session.db, [patient], now))))
    fluid_chart_pdf(patient, day, found.chart, found.entries, session.form(fluid_balance.FORM), out,
                    authors=authors(session),
                    laptops=laptops_known(session, {one.record.device_id for one in found.entries}), lang=session.lang,
                    printed_by=session.user.name, printed_at=now, device_name=session.device.name, plan=judged.plan,
                    given=judged.given, alarms=asks,
                    amended=amendments(session.db, [one.record for one in found.entries]),
                    carried=fluid_balance.carried_words(fluid_balance.brought_forward(session.db, patient_id, day),
                                                        found.chart, session.lang),
                    weighed=fluid_balance.weight_words(session.db, session.forms, patient, session.lang))
    _audit_print(session, f"fluid balance chart {day.isoformat()}", out, patients=[patient])
    return out


def print_neuro_chart(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's neurological observations as the paper GCS chart, for the bedside folder."""
    from downtime.pdf.neuro import neuro_chart_pdf

    return _print_form_chart(session, patient_id, out, neuro.FORM, neuro.chart, neuro_chart_pdf, "neuro chart")


def print_glucose_chart(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's blood glucose readings as the paper monitoring chart, for the bedside folder,
    with their insulin orders: it says what the tab says of a hypo into an insulin infusion running
    and of a patient on insulin with no glucose (the bedside copy said the ordinary hypo line)."""
    from downtime.pdf.glucose import glucose_chart_pdf

    insulins = glucose.insulins_of_each(session.db, [patient_id], session.clock()).get(patient_id, [])
    return _print_form_chart(session, patient_id, out, glucose.FORM, glucose.chart,
                             partial(glucose_chart_pdf, insulins=insulins), "glucose chart")


def print_transfusion_record(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's units of blood as the paper transfusion record, for the bedside folder and the
    blood bank's traceability; a refusal of blood products the admission records first."""
    from downtime.pdf.transfusion import transfusion_record_pdf

    refused = transfusion.refusal(session.db, session.forms, patient_id)
    return _print_form_chart(session, patient_id, out, transfusion.FORM, transfusion.chart,
                             partial(transfusion_record_pdf, end_spec=session.form(transfusion.END_FORM),
                                     order_spec=session.form(transfusion.ORDER_FORM),
                                     prescribed=transfusion.prescriptions(session.db, patient_id),
                                     refusal=refused.text(session.form(transfusion.ADMISSION_FORM), session.lang)
                                     if refused else None),
                             "transfusion record", lambda unit: unit.records, amendable=True)


def print_lab_results(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's laboratory samples sent and results received on the ward as the paper log, for
    the notes: whose result is back, who phoned, that it was read back, which doctor was told when."""
    from downtime.pdf.lab_results import lab_results_pdf

    session.require(Action.PRINT)
    patient = _printed(session, patient_with_location(session.db, session.forms, patient_id))
    results = lab_results.chart(session.db, patient_id)
    sent = lab_results.samples(session.db, patient_id, results)
    lab_results_pdf(patient, results, session.form(lab_results.FORM), out,
                    request_spec=session.form(lab_results.REQUEST_FORM), sent=sent, authors=authors(session),
                    laptops=laptops_known(session, {one.record.device_id for one in (*results, *sent)}),
                    lang=session.lang, printed_by=session.user.name, printed_at=session.clock(),
                    device_name=session.device.name,
                    amended=amendments(session.db, [one.record for one in (*results, *sent)]))
    _audit_print(session, "laboratory results", out, patients=[patient])
    return out


def _print_form_chart(session: Session, patient_id: str, out: Path, form_id: str,
                      read: Callable[[Database, str], Sequence[Any]], pdf: Callable[..., Path], what: str,
                      written: Callable[[Any], Iterable[RecordVersion]] = lambda one: (one.record,),
                      amendable: bool = False) -> Path:
    """A patient's chart of one form's records (`read`: theirs, oldest first, each with its
    `record`) made by `pdf` in the form's words, naming who wrote each (`written`: the records a
    line of the chart is written from, whose laptops name their authors), audited as `what`.
    `amendable`: `pdf` marks the lines amended since they were saved, given their amendments
    (pdf.amendments), for a chart whose lines are read without them: a pain of 9/10 treated with
    morphine, amended to 3/10, printed as a 3/10 treated with morphine."""
    session.require(Action.PRINT)
    patient = _printed(session, patient_with_location(session.db, session.forms, patient_id))
    found = read(session.db, patient_id)
    more = ({"amended": amendments(session.db, [record for one in found for record in written(one)])}
            if amendable else {})
    pdf(patient, found, session.form(form_id), out, authors=authors(session),
        laptops=laptops_known(session, {record.device_id for one in found for record in written(one)}),
        lang=session.lang,
        printed_by=session.user.name, printed_at=session.clock(), device_name=session.device.name, **more)
    _audit_print(session, what, out, patients=[patient])
    return out


def print_repositioning_chart(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's changes of position and skin checks as the paper turning chart, for the bedside,
    with their pressure ulcer risk and the change it asks when none is charted (the paper chart
    said neither)."""
    from downtime.pdf.repositioning import repositioning_chart_pdf

    areas = repositioning.pressure_areas(session.db, [patient_id]).get(patient_id)
    return _print_form_chart(session, patient_id, out, repositioning.FORM, repositioning.chart,
                             partial(repositioning_chart_pdf, areas=areas), "repositioning chart", amendable=True)


def print_wound_chart(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's looks at their wounds and the dressings put on as the paper wound chart."""
    from downtime.pdf.wounds import wound_chart_pdf

    return _print_form_chart(session, patient_id, out, wounds.FORM, wounds.chart, wound_chart_pdf, "wound chart",
                             amendable=True)


def print_device_chart(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's lines and catheters, each look at them, as the paper line and catheter chart."""
    from downtime.pdf.devices import device_chart_pdf

    return _print_form_chart(session, patient_id, out, devices.FORM, devices.chart, device_chart_pdf,
                             "line and catheter chart", amendable=True)


def print_bowel_chart(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's bowel chart on paper, with the Bristol scale's key, for the bedside."""
    from downtime.pdf.bowels import bowel_chart_pdf

    return _print_form_chart(session, patient_id, out, bowels.FORM, bowels.chart, bowel_chart_pdf, "bowel chart",
                             amendable=True)


def print_enhanced_log(session: Session, patient_id: str, day: date, out: Path) -> Path:
    """A patient's enhanced care log of one chart's day (07:00 to 07:00) as the paper log's day and
    night sheets, its entries in their hours, the watches kept over each sheet's hours, how often
    and their review (not the handover's risks and DoLS: the log lies at the bedside), the hours
    with none left to carry on by hand."""
    from downtime.pdf.enhanced_observation import enhanced_log_pdf

    session.require(Action.PRINT)
    patient = _printed(session, patient_with_location(session.db, session.forms, patient_id))
    now = session.clock()
    entries = enhanced_observation.log_day(session.db, patient_id, day, now.tzinfo)
    enhanced_log_pdf(patient, day, entries, session.form(enhanced_observation.FORM), out, authors=authors(session),
                     laptops=laptops_known(session, {record.device_id for record in entries}), lang=session.lang,
                     printed_by=session.user.name, printed_at=now, device_name=session.device.name,
                     over=enhanced_observation.printed_over(session.db, session.forms, patient_id, day, now.tzinfo,
                                                            session.lang),
                     amended=amendments(session.db, entries))
    _audit_print(session, f"enhanced care log {day.isoformat()}", out, patients=[patient])
    return out


def print_pews_chart(session: Session, patient_id: str, out: Path) -> Path:
    """A child's paediatric observations as the paper PEWS chart, with the key of their age band."""
    from downtime.pdf.pews import pews_chart_pdf

    return _print_form_chart(session, patient_id, out, pews.FORM, pews.chart, pews_chart_pdf, "paediatric observation chart")


def print_pain_chart(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's pain assessments as the paper pain chart, for the bedside, each line read with
    the comfort-care plan standing when it is printed (pain.comforted), as the screen and the lists
    read it: the paper said "naloxone as prescribed" of a dying patient's slow breathing."""
    from downtime.pdf.pain import pain_chart_pdf

    patient, printed_at = patient_with_location(session.db, session.forms, patient_id), session.clock()
    return _print_form_chart(session, patient_id, out, pain.FORM,
                             lambda db, whose: [pain.comforted(db, patient, one, printed_at)
                                                for one in pain.chart(db, whose)],
                             pain_chart_pdf, "pain chart", amendable=True)


def print_notes(session: Session, patient_id: str, out: Path) -> Path:
    """A patient's clinical notes as continuation sheets, oldest first (by when each was written),
    for the notes folder and the next shift when the laptop is away; a note withdrawn is not one."""
    from downtime.pdf.notes import notes_pdf

    session.require(Action.PRINT)
    patient = _printed(session, patient_with_location(session.db, session.forms, patient_id))
    notes = sorted((note for note in list_current(session.db, form_id=NOTE_FORM, patient_id=patient_id)
                    if note.status is not RecordStatus.ENTERED_IN_ERROR),
                   key=lambda note: (note.occurred_at, note.recorded_at))
    notes_pdf(patient, notes, session.form(NOTE_FORM), out, lang=session.lang, printed_by=session.user.name,
              printed_at=session.clock(), device_name=session.device.name)
    _audit_print(session, "clinical notes", out, patients=[patient])
    return out


# The charts that are not forms, bookmarked in the binder's language (a French binder named
# them in English).
CHARTS: dict[str, dict[Lang, str]] = {
    "mar": {"en": "Medication chart (MAR)", "fr": "Plan d’administration des médicaments"},
    "news2": {"en": "NEWS2 observation chart", "fr": "Feuille de surveillance NEWS2"},
    "fluid": {"en": "Fluid balance chart", "fr": "Feuille de bilan entrées-sorties"},
    "neuro": {"en": "Neurological observation chart (GCS)", "fr": "Feuille de surveillance neurologique (Glasgow)"},
    "glucose": {"en": "Blood glucose monitoring chart", "fr": "Feuille de surveillance glycémique"},
    "transfusion": {"en": "Blood transfusion record", "fr": "Fiche de suivi transfusionnel"},
    "lab_results": {"en": "Laboratory results received (ward log)", "fr": "Résultats de laboratoire reçus (registre)"},
    "repositioning": {"en": "Repositioning and skin chart", "fr": "Feuille de changements de position"},
    "wounds": {"en": "Wound assessment and dressing chart", "fr": "Feuille de suivi des plaies"},
    "devices": {"en": "Line and catheter chart", "fr": "Feuille de surveillance des cathéters et sondes"},
    "pain": {"en": "Pain assessment chart", "fr": "Feuille d’évaluation de la douleur"},
    "bowels": {"en": "Bowel chart (Bristol stool scale)", "fr": "Feuille de surveillance des selles (Bristol)"},
    "pews": {"en": "Paediatric observation chart (PEWS)", "fr": "Feuille de surveillance pédiatrique (PEWS)"},
    "enhanced_log": {"en": "Enhanced care: observation log", "fr": "Surveillance rapprochée : relevé"},
}
# The binder's own title, which its print preview and the printer's queue show.
BINDER_TITLE: dict[Lang, str] = {"en": "Downtime binder", "fr": "Classeur de procédure dégradée"}
# The downtime binder for a 30-bed ward and 8 hours on paper: (what, copies). An observation
# chart and a clinical note for every bed, a fluid chart for a third of them (those on a drip,
# a catheter, a drain or after an operation), a glucose chart for the patients with diabetes, a
# repositioning chart for the quarter at risk of pressure ulcers and their risk assessments, a
# wound chart for the few with a wound dressed, a line and catheter chart for the two thirds
# with a cannula or a catheter in, a bowel chart for those with diarrhoea, constipation or a
# bleed to watch, a paediatric observation chart for a child on an adult ward (the children's
# wards keep their own supply), a pain chart for the third in pain (after an
# operation, a fracture, a sickle-cell crisis), a nutrition screening for each admission, a
# weighing for the few weighed again (a child, a patient on diuretics), a delirium screening
# for the patients 65 or over and any newly confused, a fall's record for the
# one or two falls of a shift, a sepsis screening for the two or three whose NEWS2 reaches 5, a VTE risk assessment
# and a medicines reconciliation for each admission, a neuro chart for the few
# after a head injury or a stroke, a transfusion record for the few given blood, an enhanced care
# decision and a day's log (its day's and night's sheets) for each of the one or two patients
# watched closely; the rest for the admissions, moves and theatre changes of a shift: a list added, an
# operation booked, cancelled, rebooked or done. Every form has its blank here, or is written
# on a chart that is (orders and doses on the MAR, observations on the NEWS2 chart, volumes in
# and out on the fluid chart with its restriction or target on its top line, the GCS on the
# neuro chart, glucose readings on the glucose chart, a unit of blood's start and end on the
# transfusion record, a sample sent and a result phoned by the laboratory on the ward's
# laboratory log, two pages for a shift): the binder predated "Operation done", and an
# operation done on paper had no form to say so.
BINDER = (("admission", 4), ("mar", 4), ("news2", 30), ("transfer", 4), ("discharge", 6), ("transfer_out", 2),
          ("death", 1), ("theatre_session", 1), ("operation_booking", 2), ("operation_cancellation", 4),
          ("operation_rebooking", 2), ("operation_done", 4), ("surgical_safety_checklist", 4),
          ("clinical_note", 30), ("fluid", 10), ("neuro", 4), ("glucose", 8), ("transfusion", 3),
          ("lab_results", 2), ("repositioning", 8), ("braden_assessment", 4),
          ("wounds", 4), ("devices", 20), ("pain", 10), ("bowels", 8), ("pews", 4), ("nutrition_screening", 4),
          ("weight", 4), ("delirium_screening", 4), ("inpatient_fall", 2), ("falls_risk", 4), ("missing_patient", 2), ("swallow_screen", 4),
          ("capacity_assessment", 2), ("safeguarding_concern", 2), ("alcohol_withdrawal", 12), ("enhanced_observation", 2), ("enhanced_log", 2),
          ("sepsis_screening", 3),
          ("vte_assessment", 6), ("medicines_reconciliation", 4))


def binder(forms: dict[str, FormSpec], out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
           device_name: str) -> Path:
    """Every blank form of `BINDER` in one PDF, each form bookmarked, so one print job fills
    the ward's contingency binder before (or at the start of) an outage. A form's copies are
    pages of their own drawing the one form read once: each copy read anew carried its own
    fonts and drawing (a binder of 14 MB, six seconds to make)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    with tempfile.TemporaryDirectory(prefix="downtime-binder-") as folder:
        for what, copies in BINDER:
            part = blank(forms, what, Path(folder) / f"{what}.pdf", lang=lang, printed_by=printed_by,
                         printed_at=printed_at, device_name=device_name)
            title = CHARTS[what][lang] if what in CHARTS else forms[what].title.get(lang)
            first, read = len(writer.pages), PdfReader(part)
            for _ in range(copies):
                writer.append(read)
            writer.add_outline_item(title=f"{title} × {copies}", page_number=first)
    writer.add_metadata({"/Title": BINDER_TITLE[lang], "/Creator": "Downtime"})
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        writer.write(handle)
    return out


def print_binder(session: Session, out: Path) -> Path:
    session.require(Action.PRINT)
    binder(session.forms, out, lang=session.lang, printed_by=session.user.name, printed_at=session.clock(),
           device_name=session.device.name)
    _audit_print(session, "downtime binder", out)
    return out


def print_record(session: Session, record_id: str, out: Path) -> Path:
    """The filled form, latest version, with its amendment history; one about no patient (a
    theatre session) as its blank form is, without the patient's box: it did not print at all. A
    set of observations says the doctor's plan standing when it was taken in place of the score's
    response when the plan limits escalation (pdf.forms._news2): a dying patient's printed set read
    "consider transfer to HDU or ICU". An enhanced care log entry prints as its day's log
    (`print_enhanced_log`), the paper log's sheets, not as a two-page form of its own."""
    from downtime.pdf.forms import filled_form_pdf

    session.require(Action.PRINT)
    record = current(session.db, record_id)
    if record.form_id == enhanced_observation.FORM and record.data.get("kind") == "entry" and record.patient_id:
        return print_enhanced_log(session, record.patient_id,
                                  chart_day(record.occurred_at.astimezone(session.clock().tzinfo)), out)
    versions = history(session.db, record_id)
    record = medication.as_printed(record, versions[0])
    spec = session.form(record.form_id)
    patient = None if record.patient_id is None else patient_for_record(session.db, session.forms, record)
    filled_form_pdf(spec, record, patient, out,
                    lang=session.lang, printed_by=session.user.name, printed_at=session.clock(),
                    device_name=session.device.name, history=versions, authors=authors(session),
                    laptops=laptops_known(session, {version.device_id for version in versions}),
                    refs=medication.reference_texts(session, spec, record.data),
                    asked=medication.asked_by_order(session, spec, record.data) | prefill.answered_asked(record.data),
                    units=units_from(session, spec, record.data),
                    settled=settled_on(session, [record_id]).get(record_id, []),
                    beside=BESIDE[record.form_id](session, record, patient) if record.form_id in BESIDE else {},
                    plan=observations.plans(session.db, [patient], record.occurred_at).get(patient.patient_id)
                    if patient is not None and any(section.news2 for section in spec.sections) else None)
    _audit_print(session, f"record {record.form_id}", out, record_id, patients=[patient] if patient else ())
    return out


def _allergies_beside(session: Session, record: RecordVersion, patient: PatientSummary | None) -> dict[str, str]:
    """A checklist's "Known allergy: Yes" with the allergies the admission lists, which the team
    reading the paper looks for (latex, the antibiotic given at induction): it printed a bare
    Yes, naming no allergen. One saved before the admission's allergy was withdrawn says so."""
    if patient is None or record.data.get(ALLERGY_KNOWN) is not True:
        return {}
    return {ALLERGY_KNOWN: semicolon(session.lang).join(patient.allergies_in(session.lang)) if patient.allergies
            else message(session.lang, QT_TRANSLATE_NOOP(
                "messages", "the admission lists no allergy now: ask the patient which, and record it there"))}


def _anticoagulants_beside(session: Session, record: RecordVersion, patient: PatientSummary | None) -> dict[str, str]:
    """A fall's "On anticoagulant treatment: No" with the anticoagulants the medication chart had
    at the fall (falls.charted), which the lists, the handover and the export count: the copy
    filed in the notes and sent with the incident report printed "☒ No" for a patient on
    apixaban, naming none."""
    fall = falls.charted(session.db, record)
    if record.data.get(ANTICOAGULATED) is True or not fall.anticoagulants:
        return {}
    return {ANTICOAGULATED: message(session.lang, QT_TRANSLATE_NOOP(
        "messages", "No on this form, but the medication chart had {drugs} at the fall"),
        drugs=anticoagulants_named(fall, session.lang, session.clock().tzinfo))}


BESIDE: dict[str, Callable[[Session, RecordVersion, PatientSummary | None], dict[str, str]]] = {
    theatre.CHECKLIST_FORM: _allergies_beside, falls.FORM: _anticoagulants_beside,
    falls_risk.FORM: falls_risk.printed_beside, alcohol_withdrawal.FORM: alcohol_withdrawal.printed_beside,
    enhanced_observation.FORM: enhanced_observation.printed_beside}
"""What a printed record's answers stand for that the record itself does not say, by form."""


def print_census(session: Session, out: Path, ward: str | None = None) -> Path:
    """The census and handover sheet of a ward (or the site) as it stands now."""
    from downtime.pdf.census import census_pdf

    session.require(Action.PRINT)
    now = session.clock()
    rows = census(session.db, session.forms, ward=ward, at=now)
    inside = [row.patient for row in rows if row.patient is not None]
    # Each child's PEWS, read once for their NEWS2 column and their handover line.
    children = pews.watches(session.db, session.forms, inside, now, session.lang)
    held = on_hold(session, [patient.admission_record_id for patient in inside])
    in_beds, gone = _to_countersign(session, ward, inside)
    census_pdf(rows, out, ward=ward, at=now,
               lang=session.lang, printed_by=session.user.name, printed_at=now,
               device_name=session.device.name,
               admission=next(spec for spec in session.forms.values() if spec.creates_patient),
               review=observations.review(session.db, session.forms, ward, now, inside),
               to_countersign=in_beds, left_to_countersign=gone, charted=_charted(session, inside, now, children),
               left=chart_alerts.left_untold(session.db, session.forms, [patient.patient_id for patient in inside],
                                             ward, session.lang, transfusion.reactions_untold(session.db),
                                             at=now, zone=now.tzinfo),
               children=children,
               isolated=bowels.isolated(session.db, [patient.patient_id for patient in inside], now),
               allergies_on_hold={patient.patient_id: _allergies_on_hold(session, patient, held) for patient in inside},
               diets=_diets(session, inside),
               resuscitation_decided=resuscitation.decided(session.db, inside, now.tzinfo))
    _audit_print(session, f"census {ward or 'all wards'}", out, patients=inside, ward=ward)
    return out


def _diets(session: Session, inside: list[PatientSummary]) -> dict[str, dict[str, Any]]:
    """Each in-patient's admission answers for their diet and its notes (see pdf.census._diet),
    by patient id: the admission is the only record of a diet, nil by mouth among them."""
    admissions = current_of(session.db, [patient.admission_record_id for patient in inside])
    return {patient.patient_id: {name: record.data.get(name) for name in (DIET, DIET_NOTES)} for patient in inside
            if (record := admissions.get(patient.admission_record_id)) is not None}


def _allergies_on_hold(session: Session, patient: PatientSummary, held: Collection[str]) -> list[str]:
    """The allergies only the version on hold of the patient's admission records, when it is on
    hold (`held`: the records on hold among those printed), as the dose dialog names them."""
    return medication.allergies_on_hold(session, patient) if patient.admission_record_id in held else []


def _charted(session: Session, patients: list[PatientSummary], at: datetime,
             children: Mapping[str, pews.Watch]) -> dict[str, list[str]]:
    """What each in-patient's operation soon (`theatre_handover`), neuro, glucose, transfusion, fluid, repositioning, wound, line and
    catheter, pain and bowel charts, infusion checks, nutrition, delirium and sepsis screenings, falls, VTE risk assessments,
    the alcohol withdrawal chart (its CIWA-Ar, the next check due, no thiamine prescribed),
    time-critical doses, the medicines given covertly (covert.handover), the home medicines no order covers (a line of their own: run on inside
    "NOT DONE SINCE ADMISSION", they read as one more screening), the other doses overdue, the
    orders past their review (an antibiotic's)
    or an allergy recorded since they were written (medication.unreviewed_handover),
    laboratory results and a high potassium's hold on the medicines that raise it (potassium.handover:
    the result's line goes once a doctor is told, the hold stays until the prescriber decides) say at the handover
    (`patients`: the census's)."""
    patient_ids = [patient.patient_id for patient in patients]
    found: dict[str, list[str]] = {}
    theatre_head = THEATRE_WORDS["head"][session.lang]
    for said in ({patient_id: theatre_head.format(operations=operations) for patient_id, operations
                  in theatre_handover(session.db, session.forms, patients, at, session.lang).items()},
                 missing_patient.ward_lines(session.db, session.forms, patient_ids, at, session.lang),
                 swallow_screen.ward_lines(session.db, session.forms, patient_ids, at, session.lang),
                 capacity.ward_lines(session.db, patient_ids, at, session.lang),
                 safeguarding.ward_lines(session.db, patient_ids, at, session.lang),
                 neuro.handover(session.db, patient_ids, at, session.lang),
                 glucose.handover(session.db, patient_ids, at, session.lang),
                 transfusion.handover(session.db, session.forms, patient_ids, at, session.lang),
                 lab_results.handover(session.db, session.forms, patient_ids, at, session.lang),
                 potassium.handover(session.db, patient_ids, at, session.lang),
                 repositioning.handover(session.db, session.forms, patient_ids, at, session.lang),
                 wounds.handover(session.db, session.forms, patient_ids, at, session.lang),
                 devices.handover(session.db, session.forms, patient_ids, at, session.lang),
                 pain.handover(session.db, session.forms, patient_ids, at, session.lang),
                 bowels.handover(session.db, session.forms, patient_ids, at, session.lang),
                 pews.handover(children, session.lang),
                 fluid_balance.handover(session.db, session.forms, patients, at, session.lang),
                 infusion_checks.handover(session.db, session.forms, patients, at, session.lang),
                 nutrition.handover(session.db, patients, at, session.lang),
                 since_admission.handover(session.db, patients, at, session.lang),
                 home_medicines.handover(session.db, patients, at, session.lang),
                 delirium.handover(session.db, patients, at, session.lang),
                 falls.handover(session.db, patients, at, session.lang),
                 sepsis.handover(session.db, patients, at, session.lang),
                 vte.handover(session.db, session.forms, patients, at, session.lang),
                 falls_risk.handover(session.db, patients, at, session.lang),
                 alcohol_withdrawal.handover(session.db, patients, at, session.lang),
                 enhanced_observation.handover(session.db, session.forms, patients, at, session.lang),
                 medication.time_critical_handover(session.db, session.forms, patient_ids, at, session.lang,
                                                   missing_patient.unsaid_on_return(
                                                       medication.time_critical(session.db, patient_ids, at),
                                                       missing_patient.open_records(session.db, session.forms,
                                                                                    patient_ids, at, session.lang))),
                 covert.handover(session.db, session.forms, patient_ids, at, session.lang),
                 medication.unreviewed_handover(session.db, session.forms, patients, at, session.lang),
                 chart_alerts.reviews_handover(session.db, session.forms, patient_ids, at, session.lang),
                 chart_alerts.patches_handover(session.db, session.forms, patient_ids, at, session.lang),
                 chart_alerts.doses_overdue(session.db, session.forms, patients, at, session.lang),
                 chart_alerts.doses_not_given(session.db, session.forms, patients, at, session.lang)):
        for patient_id, line in said.items():
            found.setdefault(patient_id, []).append(line)
    return found


THEATRE_AHEAD = timedelta(hours=48)
"""How far ahead the handover names a patient's operation: tonight's and tomorrow's night nurse
prepare the patient and fast them for it."""
EATING_ASKED_FOR = timedelta(hours=12)
"""How long after an operation's cancellation, or its cancelled slot if later, the handover asks
the surgical team whether the patient may eat and drink (`theatre_handover`): the ward asks within
the shift, and no record holds the answer; asked until a new date or the discharge, it stood on
every handover of the stay, beside the diet the patient was eating."""
THEATRE_WORDS: dict[str, dict[Lang, str]] = {
    "head": {"en": "THEATRE: {operations}", "fr": "BLOC : {operations}"},
    "operation": {"en": "{operation} {day} {time} {theatre}", "fr": "{operation} {day} {time} salle {theatre}"},
    "eat": {"en": "nothing to eat from {time}", "fr": "plus rien à manger à partir de {time}"},
    "eat_now": {"en": "nothing more to eat", "fr": "plus rien à manger"},
    "breast_milk": {"en": "breast milk until {time}", "fr": "lait maternel jusqu’à {time}"},
    "clear": {"en": "clear fluids until {time}", "fr": "liquides clairs jusqu’à {time}"},
    "nil_by_mouth": {"en": "nil by mouth", "fr": "à jeun strict"},
    "cancelled": {"en": "{operation} CANCELLED ({reason}) — not rebooked yet",
                  "fr": "{operation} ANNULÉE ({reason}) — pas encore reprogrammée"},
    "ask_eat": {"en": "{cancelled}: ask the surgical team whether the patient may eat and drink",
                "fr": "{cancelled} : demander à l’équipe chirurgicale si le patient peut manger et boire"},
    "cancelled_for_good": {"en": "{operation} CANCELLED ({reason}) — not to be rebooked",
                           "fr": "{operation} ANNULÉE ({reason}) — ne sera pas reprogrammée"},
}


def theatre_handover(db: Database, forms: Mapping[str, FormSpec], patients: Collection[PatientSummary],
                     at: datetime, lang: Lang) -> dict[str, str]:
    """Each of these patients' operations still to take place within `THEATRE_AHEAD` of `at`
    (theatre.coming_operations: under any number linked to theirs, and one whose list runs late
    still waiting), with its day, time and theatre (headed "THEATRE:" by whoever shows them: the
    sheet like its other items, `_charted`, the Patients tab by the patient's name), and for
    one under anaesthetic (`fasts`) when food and fluids stop, by patient id: a hernia repair
    rebooked to 08:00 tomorrow was on no ward sheet or screen, and the night nurse could not know
    to fast the patient from 02:00. A fasting time already past says so ("nothing more to eat"),
    as the letter does. A patient fasting on a time-critical Parkinson's medicine in force at the
    operation's start (domain.medication.parkinsons_medicine) has it named with how its doses go on through
    the fast, by its route and their diet (theatre.parkinsons_said, the theatre list's words):
    "nothing to eat from 02:00, clear fluids until 06:00" read as nil by mouth for the 06:00
    co-careldopa too. Then each operation cancelled during their stay and given no new date
    yet (theatre.awaiting_new_date) from a slot within `THEATRE_AHEAD` of `at` or already past
    during the stay, its date struck with why and, under anaesthetic (`fasts`), the surgical team
    to ask whether they may eat and drink, within `EATING_ASKED_FOR` of the cancellation or its
    slot, whichever is later, or while the admission records them nil by mouth (or, the patient
    having declined it, `not_to_be_done`, that it will not be rebooked): said of standing bookings
    alone, a cancelled one vanished, its patient kept fasting for nothing; said of any slot, the
    ward was asked of a repair two weeks on, or under local anaesthetic, whether a patient it never
    fasted may eat."""
    born = {patient.patient_id: patient.birth_date for patient in patients}
    coming = theatre.coming_operations(db, list(born), at, THEATRE_AHEAD)
    waiting = theatre.awaiting_new_date(db, {patient.patient_id: datetime.fromisoformat(patient.admitted_at)
                                             for patient in patients}, until=at + THEATRE_AHEAD)
    rooms = theatre.sessions(db, {*(facts.session_id for found in coming.values() for facts in found
                                    if facts.session_id is not None),
                                  *(facts.cancelled_from[-1].session_id for found in waiting.values() for facts in found)})
    booking_spec = forms[theatre.BOOKING_FORM]
    reasons = forms["operation_cancellation"].field("reason")
    orders = medication.orders_of_each(db, list(coming), at) if coming else {}
    fasting_nil = medication.recorded_nil_by_mouth(db, [patient.patient_id for patient in patients
                                                        if patient.patient_id in coming or patient.patient_id in waiting])

    def said_at(facts: theatre.BookingFacts, start: datetime, session_id: str | None) -> str:
        start = start.astimezone(ward_zone(at.tzinfo))
        return THEATRE_WORDS["operation"][lang].format(
            operation=theatre.procedure_and_side(facts.record.data, booking_spec, lang),
            day=f"{DAY_NAMES[lang][start.weekday()]} {ward_time(start, at.tzinfo, '%d/%m')}",
            time=ward_time(start, at.tzinfo, "%H:%M"), theatre=rooms[session_id].theatre if session_id in rooms else "—")

    said: dict[str, str] = {}
    for patient_id, birth_date in born.items():
        lines = []
        for facts in coming.get(patient_id, []):
            assert facts.start is not None
            start = facts.start.astimezone(ward_zone(at.tzinfo))
            line = said_at(facts, start, facts.session_id)
            if fasts(facts.record.data.get("anaesthetic")):
                line += " — " + _fasting_said(start, fasting_for(birth_date, start.date()), at, lang)
                if doses := theatre.parkinsons_in_force(orders[patient_id], start, patient_id in fasting_nil):
                    line += " — " + theatre.parkinsons_said(doses, lang)
            lines.append(line)
        for facts in waiting.get(patient_id, []):
            left, cancellation = facts.cancelled_from[-1], facts.told_of
            for_good = cancellation is not None and not_to_be_done(cancellation.data)
            line = THEATRE_WORDS["cancelled_for_good" if for_good else "cancelled"][lang].format(
                operation=said_at(facts, left.start, left.session_id),
                reason=format_value(reasons, left.reason.value, lang))
            assert facts.cancelled_at is not None
            still_open = patient_id in fasting_nil or not reached(
                max(facts.cancelled_at, left.start, key=instant) + EATING_ASKED_FOR, at)
            lines.append(THEATRE_WORDS["ask_eat"][lang].format(cancelled=line)
                         if not for_good and still_open and fasts(facts.record.data.get("anaesthetic")) else line)
        if lines:
            said[patient_id] = semicolon(lang).join(lines)
    return said


def _fasting_said(start: datetime, fasting: Fasting, at: datetime, lang: Lang) -> str:
    """When an operation's patient stops food, breast milk (a baby) and clear fluids (`fasting`),
    on the ward's clock, the day named when it is not the operation's (an 07:00 case fasts from
    the evening before); a time already past left out, food said stopped, and all of them past,
    nil by mouth: never a time gone by."""

    def when(before: timedelta) -> str | None:
        moment = fasting_from(start, before, at.tzinfo)
        if instant(moment) <= instant(at):
            return None
        local = moment.astimezone(ward_zone(at.tzinfo))
        time_said = ward_time(local, at.tzinfo, "%H:%M")
        return time_said if local.date() == start.date() else f"{DAY_NAMES[lang][local.weekday()]} {time_said}"

    clear = when(fasting.clear)
    if clear is None:
        return THEATRE_WORDS["nil_by_mouth"][lang]
    eat = when(fasting.eat)
    milk = when(fasting.breast_milk) if fasting.breast_milk is not None else None
    return ", ".join([THEATRE_WORDS["eat"][lang].format(time=eat) if eat else THEATRE_WORDS["eat_now"][lang],
                      *([THEATRE_WORDS["breast_milk"][lang].format(time=milk)] if milk else []),
                      THEATRE_WORDS["clear"][lang].format(time=clear)])


def _to_countersign(session: Session, ward: str | None, inside: list[PatientSummary]
                    ) -> tuple[dict[str, list[str]], list[tuple[PatientSummary, str]]]:
    """Each patient's telephone orders awaiting a countersignature (of `inside`, `ward`'s
    in-patients), as the chart heads them, with when each was taken and once overdue that it is
    (see telephone_orders.ToCountersign.sheet_line); and those of the patients who left from the
    ward, each with its patient, for the sheet's "Left the ward" (the furosemide IV taken by
    telephone on the day of a discharge was on the Telephone orders dialog alone, never on the
    paper the night doctor reads)."""
    order_form, zone = session.form(medication.ORDER_FORM), session.clock().tzinfo
    staying = {patient.patient_id for patient in inside}
    found: dict[str, list[str]] = {}
    gone: list[tuple[PatientSummary, str]] = []
    for item in telephone_orders.to_countersign(session, ward, inside):
        line = item.sheet_line(order_form, session.lang, zone)
        if item.patient.patient_id in staying:
            found.setdefault(item.patient.patient_id, []).append(line)
        else:
            gone.append((item.patient, line))
    return found, gone


def print_cd_page(session: Session, ward: str, drug: str, unit: str, out: Path) -> Path:
    """A drug's page of the ward's controlled-drug register, with empty lines to carry it on by
    hand while the laptop is away."""
    from downtime.pdf.cd_register import cd_page_pdf

    session.require(Action.PRINT)
    cd_page_pdf(cd_register.cd_lines(session.db, session.forms, ward, drug, unit), out, ward=ward, drug=drug, unit=unit,
                names={member.staff_id: member.name for member in list_staff(session.db)}, lang=session.lang,
                printed_by=session.user.name, printed_at=session.clock(), device_name=session.device.name)
    _audit_print(session, f"controlled-drug register {ward} {drug} {unit}", out)
    return out


def print_labels(session: Session, patient_id: str, out: Path, count: int | None = None,
                 stock: str | None = None) -> Path:
    """A sheet of ID labels on the ward's label stock, or one wristband insert where that stock
    is wristbands, unless `count` asks for more: a page of ten bands bearing one patient's
    identity and allergies was the spare band put on the wrong patient. A band or label of an
    admission on hold says what the other laptop's version says otherwise (`_held`), and one of
    a patient identified this stay the temporary names they had (`earlier_temporary_names`)."""
    from downtime.pdf.labels import STOCKS, labels_pdf, wristband_lines

    session.require(Action.PRINT)
    patient = patient_with_location(session.db, session.forms, patient_id)
    sheet = STOCKS[stock or settings.get(session.db, "label_stock")]
    # An unidentified patient's only name is the temporary one: an identification undone, or a
    # temporary name's typo corrected, printed "UNKNOWN MALE ALPHA … formerly UNKNOWN MALE ALPHA".
    admission = [] if patient.unidentified else history(session.db, patient.admission_record_id)
    labels_pdf(patient, out, stock=sheet.name, count=count or (1 if sheet.allergies else None),
               lang=session.lang, printed_by=session.user.name, printed_at=session.clock(),
               device_name=session.device.name, held=_held(session, patient),
               formerly=[earlier.name for earlier in earlier_temporary_names(session.form(admission[-1].form_id),
                                                                             admission)] if admission else [])
    _audit_print(session, f"{WRISTBAND if sheet.allergies else LABELS} {patient.downtime_number}", out,
                 patients=[patient], band=wristband_lines(patient, session.lang) if sheet.allergies else None)
    return out


def _held(session: Session, patient: PatientSummary) -> OnHold:
    """What the other laptops' versions of the patient's admission, on hold here, say otherwise
    that a band or label says too: the allergies only they record (as the MAR and census print
    them), and whether one gives another name, date of birth or sex. Each laptop's latest version
    is compared (its earlier ones may have read as this one does before it corrected them), and
    none entered in error."""
    from downtime.pdf.labels import NOT_ON_HOLD, OnHold, label_lines

    record_id = patient.admission_record_id
    held = on_hold(session, [record_id])
    if record_id not in held:
        return NOT_ON_HOLD
    latest: dict[str, RecordVersion] = {}
    for version in sorted((as_version(row) for row in session.db.query(
            f"SELECT {', '.join(RECORD_COLUMNS)} FROM unsettled_versions WHERE record_id = ?", [record_id])),
            key=lambda version: (version.version, version.recorded_at)):
        latest[version.device_id] = version
    identities = {label_lines(summarise(session.form(version.form_id), version, patient.downtime_number), session.lang)
                  for version in latest.values() if version.status is not RecordStatus.ENTERED_IN_ERROR}
    return OnHold(tuple(_allergies_on_hold(session, patient, held)),
                  bool(identities - {label_lines(patient, session.lang)}))


def print_wristband(session: Session, patient_id: str, out: Path) -> Path:
    """One wristband insert, with the patient's allergies, whatever stock the ward's labels are
    on: a nurse banding a patient could print only the ward's sheet labels. One, not a sheet:
    spare bands bearing a patient's identity get put on the wrong patient."""
    return print_labels(session, patient_id, out, count=1, stock=WRISTBAND)


def band_withdrawn(session: Session, withdrawn: RecordVersion) -> str | None:
    """The downtime number whose wristband and ID labels no longer name anyone once `withdrawn`,
    an admission marked entered in error, leaves its patient no standing admission (admitted twice,
    the duplicate withdrawn): its band stayed on the patient beside the right one, two numbers on
    one wrist, and its labels went on forms and tubes. None for any other record, or while another
    stay of the patient stands under the number."""
    spec = session.form(withdrawn.form_id)
    if not spec.creates_patient or withdrawn.patient_id is None or withdrawn.status is not RecordStatus.ENTERED_IN_ERROR:
        return None
    if any(record.status is not RecordStatus.ENTERED_IN_ERROR
           for record in list_current(session.db, form_id=spec.id, patient_id=withdrawn.patient_id)):
        return None
    return downtime_numbers(session.db, [withdrawn.patient_id]).get(withdrawn.patient_id)


def wristband_changes(session: Session, before: RecordVersion, after: RecordVersion) -> list[tuple[str, str]]:
    """Each line of the patient's wristband (see labels.wristband_lines) that an amendment of their
    admission from `before` to `after` changes, as it read and as it reads now; none when the band
    still reads true (a bed, a phone number or a reason amended)."""
    from downtime.pdf.labels import wristband_lines

    return _amended_lines(session, before, after, wristband_lines)


@dataclass(frozen=True)
class BandOutOfDate:
    """The patient's wristband as this laptop last printed it, which their admission amended since
    makes read otherwise (`band_out_of_date`)."""

    printed_at: datetime
    lines: tuple[tuple[str, str], ...]
    """Each line of the band (labels.wristband_lines) that reads otherwise now, as it read and as
    it reads now."""


def band_out_of_date(session: Session, patient_id: str) -> BandOutOfDate | None:
    """The band this laptop last printed for the patient, when it reads otherwise than it would
    now: a band printed at 10:00 reading 12-Mar-1954, the date of birth corrected at 11:00 and the
    new band not printed, was scanned at 14:05 and said "Band checked". What the band reads is
    the lines its print's audit entry kept; a print from before they were kept reads the identity
    as the screens then showed it (`_identity_when`); its date of birth in the months a band
    printed before the French ones were spelt as French writes them reads true (page.FORMER_MONTHS:
    "12-Mar-1954" was said out of date against "12-Mars-1954", nothing amended, every dose then
    asking an override). None when the band reads true, or this laptop never printed one."""
    from downtime.pdf.labels import wristband_lines
    from downtime.pdf.page import FORMER_MONTHS, birth_date_label

    patient = patient_with_location(session.db, session.forms, patient_id)
    said = [f"{WRISTBAND} {shown}" for shown in {patient.downtime_number, taken_apart(patient.downtime_number)[0]}]
    printed = session.db.execute(
        f"SELECT seq, at, detail FROM audit WHERE action = 'print' AND json_extract(detail, '$.what') IN ({marks(said)})"
        " ORDER BY seq DESC LIMIT 1", said).fetchone()
    if printed is None:
        return None
    kept = json.loads(printed[2]).get(BAND_READ)
    lang: Lang = kept["lang"] if kept else session.lang
    if kept:
        was: Sequence[str | None] = kept["lines"]
    else:
        then = _identity_when(session, patient_id, printed[0])
        if then is None:
            return None
        was = wristband_lines(summarise(session.form(then.form_id), then, patient.downtime_number), lang)
    spelt = birth_date_label(patient, lang), birth_date_label(patient, lang, FORMER_MONTHS)
    lines = tuple((old or "—", new or "—") for old, new in zip(was, wristband_lines(patient, lang))
                  if old not in (new, new.replace(*spelt)))
    return BandOutOfDate(datetime.fromisoformat(printed[1]).astimezone(session.clock().tzinfo), lines) if lines else None


def _identity_when(session: Session, patient_id: str, seq: int) -> RecordVersion | None:
    """The admission the screens took the patient's identity from just before audit entry `seq`,
    as `census._summaries` takes it now: each admission as it then stood, none entered in error,
    the latest stay. An earlier stay amended after a readmission, or a readmission withdrawn, is
    not what the band printed then read."""
    admissions = [spec.id for spec in session.forms.values() if spec.creates_patient]
    stood: dict[str, RecordVersion] = {}
    for row in session.db.query(
            "SELECT r.* FROM records r JOIN audit a ON a.entity = 'records' AND a.entity_id = r.id"
            f" WHERE r.patient_id = ? AND r.form_id IN ({marks(admissions)}) AND a.seq < ? ORDER BY a.seq",
            [patient_id, *admissions, seq]):
        version = as_version(row)
        stood[version.record_id] = version
    standing = [version for version in stood.values() if version.status is not RecordStatus.ENTERED_IN_ERROR]
    return max(standing, key=lambda version: version.occurred_at) if standing else None


BAND_PARTS = ("name", "born", "number", "ipp", "allergies")
"""What each line of labels.wristband_lines says, in its order, as an import's report names it."""
LABEL_PARTS = frozenset({"name", "born"})
"""The parts a sheet of ID labels says too (labels.label_lines, but for the number)."""


def bands(session: Session, patients: Iterable[PatientSummary]) -> dict[str, dict[str, str]]:
    """What each patient's wristband says as `print_wristband` prints it now, part by part
    (`BAND_PARTS`): its lines, the allergies with those only a version on hold records (`_held`),
    and under "identity" whether it bids check the identity another laptop's version gives.
    Read before and after an import (`band_changes`): brought by an import, an allergy or a
    corrected birth date left the band reading the old one, and nobody on the ward knew."""
    from downtime.pdf.labels import NOT_ON_HOLD, wristband_lines

    patients = list(patients)
    held = on_hold(session, [patient.admission_record_id for patient in patients])
    read: dict[str, dict[str, str]] = {}
    for patient in patients:
        other = _held(session, patient) if patient.admission_record_id in held else NOT_ON_HOLD
        parts = dict(zip(BAND_PARTS, wristband_lines(patient, session.lang)))
        read[patient.patient_id] = {**parts, "allergies": "\n".join((parts["allergies"], *other.allergies)),
                                    "identity": "check" if other.identity else ""}
    return read


@dataclass(frozen=True)
class BandChange:
    """A patient whose wristband no longer reads true (`band_changes`), and what in it."""

    patient: PatientSummary
    """As they are now, to be named by their number and name."""
    parts: tuple[str, ...]
    """Those of `BAND_PARTS` that changed, and "identity" where the band now (or no longer) bids
    check the identity another laptop's version gives."""

    @property
    def labels_too(self) -> bool:
        """The ID labels read what was too (name, date of birth or sex changed)."""
        return not LABEL_PARTS.isdisjoint(self.parts)


def band_changes(session: Session, before: Mapping[str, dict[str, str]]) -> tuple[BandChange, ...]:
    """Those patients whose band read `before` (`bands`) whose band now reads otherwise, in the
    order given, with what changed; a patient with no standing admission left has no band to
    print."""
    now = all_patients(session.db, session.forms, list(before))
    after = bands(session, now.values())
    return tuple(BandChange(now[patient_id], tuple(part for part, said in after[patient_id].items()
                                                   if said != was.get(part)))
                 for patient_id, was in before.items() if patient_id in after and after[patient_id] != was)


@dataclass(frozen=True)
class LabelChanges:
    """What an amendment makes wrong on the patient's sheet of ID labels (`label_changes`)."""

    lines: tuple[tuple[str, str], ...]
    """Each line the labels carry that it changes, as it read and as it reads now."""
    printed_at: datetime | None
    """When this laptop last printed the patient's ID labels (`_labels_printed`); None if never."""


def label_changes(session: Session, before: RecordVersion, after: RecordVersion) -> LabelChanges:
    """The lines of the patient's ID labels (labels.label_lines: name, date of birth, sex) that an
    amendment of their admission changes, and when their labels were last printed here: a
    corrected date of birth asked for a new band alone, and the sheet kept in the patient's
    folder went on being stuck on forms and sample tubes with the old one."""
    from downtime.pdf.labels import label_lines

    lines = tuple(_amended_lines(session, before, after, label_lines))
    return LabelChanges(lines, _labels_printed(session, after.patient_id) if lines and after.patient_id else None)


def _labels_printed(session: Session, patient_id: str) -> datetime | None:
    """When this laptop last printed a sheet of the patient's ID labels, from the audit (its
    number as printed then, told apart by its laptop since or not); None if it never did. A
    wristband printed before bands were audited apart from labels reads as labels."""
    number = patient_with_location(session.db, session.forms, patient_id).downtime_number
    said = [f"{LABELS} {shown}" for shown in {number, taken_apart(number)[0]}]
    found = session.db.execute(
        f"SELECT at FROM audit WHERE action = 'print' AND json_extract(detail, '$.what') IN ({marks(said)})"
        " ORDER BY seq DESC LIMIT 1", said).fetchone()
    return datetime.fromisoformat(found[0]).astimezone(session.clock().tzinfo) if found else None


def _amended_lines(session: Session, before: RecordVersion, after: RecordVersion,
                   lines_of: Callable[[PatientSummary, Lang], Sequence[str]]) -> list[tuple[str, str]]:
    """Each line `lines_of` a patient's band or labels that an amendment of their admission from
    `before` to `after` changes, as it read and as it reads now; none for another form, or an
    earlier stay's admission (the band and labels are the last stay's)."""
    spec = session.form(after.form_id)
    if not spec.creates_patient or after.patient_id is None:
        return []
    banded = patient_with_location(session.db, session.forms, after.patient_id)
    if banded.admission_record_id != after.record_id:
        return []
    was = lines_of(summarise(spec, before, banded.downtime_number), session.lang)
    return [(old or "—", new or "—") for old, new in zip(was, lines_of(banded, session.lang)) if old != new]


def print_paper_numbers(session: Session, out: Path, count: int = PAPER_NUMBERS) -> tuple[Path, list[str]]:
    """Reserve this laptop's next `count` numbers for patients admitted on paper and print them
    as labels for the binder, on the ward's sheet labels (never wristband inserts: a hand-written
    name and birth date need the room). Reserved first: a print that fails leaves numbers that no
    one is given, listed as unused, where printing first could hand out labels never reserved."""
    from downtime.pdf.labels import STOCKS, paper_numbers_pdf

    session.require(Action.PRINT)
    numbers = paper_numbers.reserve(session, count)
    stock = settings.get(session.db, "label_stock")
    if STOCKS[stock].allergies:
        stock = settings.DEFAULTS["label_stock"]
    paper_numbers_pdf(numbers, session.device.device_number, out, stock=stock,
                      lang=session.lang, printed_by=session.user.name, printed_at=session.clock(),
                      device_name=session.device.name)
    _audit_print(session, f"paper numbers {numbers[0]} to {numbers[-1]}", out)
    return out, numbers


def charts(session: Session, patient_ids: list[str], first_day: date, days: int,
           patients: Mapping[str, PatientSummary] | None = None) -> list[Any]:
    """Each patient's identity, weight, height, medicines before admission and MAR grid, read
    for all of them at once (a ward pack read them patient by patient, which cost more than
    drawing them). `patients`: their identities where already read (the ward pack's census), not
    read a second time."""
    from downtime.pdf.mar import PatientChart

    if patients is None:
        patients = all_patients(session.db, session.forms, patient_ids)
    if missing := [patient_id for patient_id in patient_ids if patient_id not in patients]:
        raise ServiceError(f"no standing admission for patient {missing[0]}")
    # Each chart's header box says the name alert (see pdf.page.place_line).
    patients = {patient.patient_id: patient for patient in with_namesakes(
        session.db, session.forms, [patients[patient_id] for patient_id in patient_ids])}
    admissions = current_of(session.db, {patients[patient_id].admission_record_id for patient_id in patient_ids})
    now = session.clock()
    grids = medication.mar_grids(session.db, patient_ids, first_day, days, now, medication.kidney_injury_by_urine(
        session.db, session.forms, list(patients.values()), now))
    held = frozenset(on_hold(session, [*(row.order.record_id for rows in grids.values() for row in rows),
                                       *(patients[patient_id].admission_record_id for patient_id in patient_ids)]))
    # Read by the function the dose dialog reads them by: the paper says what the screen would.
    as_required = {row.order.record_id: medication.as_required_status(session, row.order.record_id, now)
                   for rows in grids.values() for row in rows
                   if row.order.frequency is Frequency.PRN and row.stay_ended is None and row.order.active_at(now)}
    weights = weight.latest(session.db, session.forms, patients.values())
    rate_changes = infusion_rates.by_bag(session.db, patient_ids)
    shown_days = [first_day + timedelta(days=n) for n in range(days)]
    carried = infusion_rates.carried_into(session.db, [row.order for rows in grids.values() for row in rows],
                                          shown_days, now.tzinfo, session.lang)
    checks = infusion_checks.chart_lines(session, patient_ids, session.lang, now.tzinfo, shown_days)
    reconciled = reconciliation.answered(session.db, [patients[patient_id] for patient_id in patient_ids])
    # The swallow as the handover sheet says it, each time with its day (the paper is read on the
    # days after), and the orders it keeps from the mouth: the chart listed the aspirin tablet
    # OVERDUE with no word of the screen failed at 10:20.
    swallow = swallow_screen.ward_lines(session.db, session.forms, patient_ids, now, session.lang, dated=True)
    nil_by_mouth = medication.nil_by_mouth(session.db, patient_ids, now)
    # The lack of capacity the covert doses rest on, and a covert order none supports.
    lacking = capacity.ward_lines(session.db, patient_ids, now, session.lang)
    unsupported = capacity.covert_flags(session.db, [row.order for rows in grids.values() for row in rows], now,
                                        session.lang)
    # A nasogastric tube whose position is to confirm (not confirmed, its check overdue), said in
    # each order by it.
    tubes = {patient_id: one.position_flag(now, session.lang)
             for patient_id, one in devices.tubes_to_confirm(session.db, patient_ids, now).items()}
    charts = []
    for patient_id in patient_ids:
        patient = patients[patient_id]
        admission = admissions[patient.admission_record_id].data
        height = admission.get("height_cm")
        charts.append(PatientChart(patient, weighed.text(session.lang) if (weighed := weights.get(patient_id)) else None,
                                   f"{height} cm" if height else None, admission.get("usual_medicines") or None,
                                   list(reconciled.get(patient_id, reconciliation.NOTHING_RECONCILED).decided.values()),
                                   grids[patient_id], held, as_required,
                                   medication.allergies_since(session.db, session.forms, session.lang, patient,
                                                              [row.order for row in grids[patient_id]]),
                                   _allergies_on_hold(session, patient, held), swallow.get(patient_id),
                                   nil_by_mouth.get(patient_id), rate_changes, carried, checks,
                                   lacking.get(patient_id), unsupported, tubes.get(patient_id)))
    return charts


TOMORROW_FROM = time(12, 0)
"""A chart printed from midday on carries tomorrow too: it is the evening's and the night's paper
chart (handover, the laptop taken away or flat), and tonight's and tomorrow morning's doses need
their boxes. Printed in the morning, today's doses are what it is for."""


def mar_days(now: datetime, days: int) -> tuple[date, int]:
    """The first day and the number of days of a chart of the last `days` days printed `now`:
    and tomorrow from `TOMORROW_FROM` (yesterday's column stays: the day's nurse still checks it)."""
    return now.date() - timedelta(days=days - 1), days + (1 if now.time() >= TOMORROW_FROM else 0)


def mar_stay_began(db: Database, patient_id: str, now: datetime) -> date | None:
    """The day the patient's present stay began (their latest, gone since), on the ward's clock:
    the first a chart of theirs may begin on, as the paper MAR's first sheet in the binder. None
    for a patient never admitted."""
    began = stays_began(db, [patient_id]).get(patient_id)
    return None if began is None else began.astimezone(now.tzinfo).date()


def check_mar_from(db: Database, patient_ids: Collection[str], first_day: date, now: datetime) -> None:
    """Refuse a chart's first day chosen out of each patient's stay: before its admission (the
    orders of the stay before are not this chart's), or after today."""
    if first_day > now.date():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{day} is after today."), day=f"{first_day:%d/%m/%Y}")
    for patient_id in patient_ids:
        if (began := mar_stay_began(db, patient_id, now)) is not None and first_day < began:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "{day} is before this stay's admission on {admitted}."),
                               day=f"{first_day:%d/%m/%Y}", admitted=f"{began:%d/%m/%Y}")


def print_mar(session: Session, patient_ids: list[str], out: Path, days: int = 3, first_day: date | None = None,
              patients: Mapping[str, PatientSummary] | None = None, ward: str | None = None) -> Path:
    """MAR charts (one patient, or a ward pack) from `first_day` (default: see `mar_days`), a
    day of each patient's stay (`check_mar_from`): any sheet of a month's stay is printed, its
    first days included; `patients`: as `charts`; `ward`: the ward whose pack it is, which its
    audit entry names. A chart that cannot be laid out on its pages is refused in words (see
    `ChartsNotPrinted`), the pack printed with the others."""
    from reportlab.platypus.doctemplate import LayoutError

    from downtime.pdf.mar import mar_pdf

    session.require(Action.PRINT)
    if not 1 <= days <= MOST_MAR_DAYS:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Days: 1 to 14."))
    if not patient_ids:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "No patient to print a medication chart for."))
    now = session.clock()
    if first_day is not None:
        check_mar_from(session.db, patient_ids, first_day, now)
    first, days = (first_day, days) if first_day is not None else mar_days(now, days)
    shown = charts(session, patient_ids, first, days, patients)
    laid_out = partial(mar_pdf, first_day=first, days=days, authors=authors(session),
                       laptops=laptops_known(session, {
                           *medication.chart_devices([row for chart in shown for row in chart.rows]),
                           *(device for chart in shown for _, device in chart.checks.signed)}),
                       order_form=session.form(medication.ORDER_FORM), dose_form=session.form(medication.DOSE_FORM),
                       lang=session.lang, printed_by=session.user.name, printed_at=now, device_name=session.device.name,
                       resuscitation_decided=resuscitation.decided(session.db, [chart.patient for chart in shown],
                                                                   now.tzinfo))
    failed: list[PatientSummary] = []
    try:
        laid_out(shown, out)
    except LayoutError:
        failed = [chart.patient for chart in shown if not _lays_out(laid_out, chart, out)]
        if len(failed) == len(shown):
            raise ChartsNotPrinted(None, failed) from None
        laid_out(shown, out, not_printed={patient.patient_id for patient in failed})
    _audit_print(session, f"mar {len(patient_ids)} patient(s)", out, patients=[chart.patient for chart in shown],
                 ward=ward)
    if failed:
        raise ChartsNotPrinted(out, failed)
    return out


def _lays_out(laid_out: Callable[..., Path], chart: PatientChart, out: Path) -> bool:
    """Whether one patient's chart can be laid out on its pages, alone, into a file beside the
    pack's `out`, dropped after. Laid out in the system's temporary folder, which nothing of the
    app clears, a crash meanwhile left a patient's whole chart there; the prints folder is
    cleared at the next lock, sign-out or opening of the app."""
    from reportlab.platypus.doctemplate import LayoutError

    handle, name = tempfile.mkstemp(prefix=f"{out.stem}-trial-", suffix=".pdf", dir=out.parent)
    os.close(handle)
    try:
        laid_out([chart], Path(name))
    except LayoutError:
        return False
    finally:
        Path(name).unlink(missing_ok=True)
    return True


class ChartsNotPrinted(ServiceError):
    """Patients whose medication charts could not be laid out on their pages (a box longer than a
    page: see pdf.grid.Grid), by name and downtime number; `out`: the pack printed with the other
    patients' charts, each of theirs a page saying so, None when none could be printed. One such
    chart took a whole ward's pack down, with a generic "unexpected error"."""

    def __init__(self, out: Path | None, patients: Sequence[PatientSummary]) -> None:
        who = Listed(tuple(f"{patient.display_name} ({patient.downtime_number})" for patient in patients))
        if out is None:
            super().__init__(QT_TRANSLATE_NOOP("messages", "The medication chart of {who} could not be printed: part of "
                                               "it is longer than a page. Copy their orders by hand onto a blank "
                                               "chart (the downtime binder's blank MAR) and tell the administrator."),
                             who=who)
        else:
            super().__init__(QT_TRANSLATE_NOOP("messages", "The medication chart of {who} could not be printed: part of "
                                               "it is longer than a page. The other patients' charts are printed, "
                                               "and a page in their place says so. Copy their orders by hand onto a "
                                               "blank chart (the downtime binder's blank MAR) and tell the "
                                               "administrator."), who=who)
        self.out = out


def print_ward_mar_pack(session: Session, ward: str, out: Path, days: int = 3) -> Path:
    """Every patient of the ward's census, in its order, as the census read them: a patient whose
    chart cannot be laid out does not keep the others' from printing (see `print_mar`)."""
    patients = {row.patient.patient_id: row.patient for row in census(session.db, session.forms, ward=ward) if row.patient}
    return print_mar(session, list(patients), out, days, patients=patients, ward=ward)


@dataclass(frozen=True)
class BlankChart:
    """A blank chart that is not a form: `made` of `pdf.<module>`, imported only when printed
    (reportlab stays out of the app's start-up), given the forms of `form_ids`, whose words its
    key and columns use."""

    module: str
    made: str
    form_ids: tuple[str, ...] = ()

    def __call__(self, forms: Mapping[str, FormSpec], out: Path, *, lang: Lang, printed_by: str | None,
                 printed_at: datetime, device_name: str) -> Path:
        pdf = getattr(import_module(f"downtime.pdf.{self.module}"), self.made)
        return pdf(*(forms[form_id] for form_id in self.form_ids), out, lang=lang, printed_by=printed_by,
                   printed_at=printed_at, device_name=device_name)


blank_mar = BlankChart("mar", "blank_mar_pdf")
blank_news2_chart = BlankChart("news2", "blank_news2_chart_pdf")
# The blank charts that are not forms, by the names `downtime pdf blank` and the binder give them.
BLANK_CHARTS = {
    "mar": blank_mar, "news2": blank_news2_chart, "fluid": BlankChart("fluid_balance", "blank_fluid_chart_pdf"),
    "neuro": BlankChart("neuro", "blank_neuro_chart_pdf", (neuro.FORM,)),
    "glucose": BlankChart("glucose", "blank_glucose_chart_pdf", (glucose.FORM,)),
    "transfusion": BlankChart("transfusion", "blank_transfusion_record_pdf",
                              (transfusion.FORM, transfusion.END_FORM, transfusion.ORDER_FORM)),
    "lab_results": BlankChart("lab_results", "blank_lab_results_pdf", (lab_results.FORM, lab_results.REQUEST_FORM)),
    "repositioning": BlankChart("repositioning", "blank_repositioning_chart_pdf", (repositioning.FORM,)),
    "wounds": BlankChart("wounds", "blank_wound_chart_pdf", (wounds.FORM,)),
    "devices": BlankChart("devices", "blank_device_chart_pdf", (devices.FORM,)),
    "pain": BlankChart("pain", "blank_pain_chart_pdf", (pain.FORM,)),
    "bowels": BlankChart("bowels", "blank_bowel_chart_pdf", (bowels.FORM,)),
    "enhanced_log": BlankChart("enhanced_observation", "blank_enhanced_log_pdf", (enhanced_observation.FORM,)),
    "pews": BlankChart("pews", "blank_pews_chart_pdf", (pews.FORM,)),
}


def print_theatre_list(session: Session, day: date, out: Path, theatre_name: str | None = None) -> Path:
    """The day's list per theatre, in time order, cancelled operations struck through."""
    from downtime.pdf.theatre import theatre_list_pdf

    session.require(Action.PRINT)
    lines = theatre.day_list(session.db, session.forms, day, theatre_name, now=session.clock())
    theatre_list_pdf(day, lines, out,
                     theatre=theatre_name, booking_spec=session.form("operation_booking"),
                     cancel_spec=session.form("operation_cancellation"),
                     rebook_spec=session.form("operation_rebooking"), lang=session.lang,
                     printed_by=session.user.name, printed_at=session.clock(), device_name=session.device.name,
                     replaces=theatre.changed_since_printed(session.db, day, lines, session.forms))
    _audit_print(session, theatre.list_print_name(day, theatre_name), out)
    return out


def print_rescheduling(session: Session, out: Path) -> Path:
    from downtime.pdf.theatre import rescheduling_pdf

    session.require(Action.PRINT)
    now = session.clock()
    waiting, left = theatre.rescheduling(session.db, session.forms, now)
    rescheduling_pdf(waiting, out, left=left, booking_spec=session.form("operation_booking"),
                     cancel_spec=session.form("operation_cancellation"), lang=session.lang,
                     printed_by=session.user.name, printed_at=now, device_name=session.device.name)
    _audit_print(session, "rescheduling list", out)
    return out


def print_worklist(session: Session, out: Path, part: list[PatientWork] | None = None) -> Path:
    """The records office's back-entry list, grouped by patient, in the order to enter it: the
    whole list, or a part of it (`back_entry.worklist_part`), each patient probably admitted
    under another downtime number said so, and each given a number another patient has; first,
    each laptop's export not imported, whose records it lacks, as the screen says it, and each
    laptop's sticks and records (`back_entry.by_laptop`)."""
    from downtime.pdf.worklist import worklist_pdf
    from downtime.services.back_entry import by_laptop, missing_exports, tally, worklist, worklist_notes

    session.require(Action.PRINT)
    tallied = tally(session)
    worklist_pdf(worklist(session) if part is None else part, out, whole=part is None, printed_by=session.user.name,
                 printed_at=session.clock(), device_name=session.device.name, lang=session.lang,
                 same_person=worklist_notes(session), missing=missing_exports(session, session.lang),
                 reconciled=tallied.listed_in(session.lang) if tallied.counted else "",
                 laptops=[laptop.text_in(session.lang) for laptop in by_laptop(session)])
    _audit_print(session, "back-entry worklist", out)
    return out


def print_letter(session: Session, booking_id: str, out: Path) -> Path:
    """The patient's letter of the new date (in the session's language)."""
    from downtime.domain.theatre import CLINICAL_REASONS
    from downtime.pdf.theatre import letter_pdf

    session.require(Action.PRINT)
    state = next(iter(theatre.bookings(session.db, session.forms, lambda facts: facts.record.record_id == booking_id)), None)
    if state is None:
        raise ServiceError(f"no standing booking {booking_id}")
    if state.status not in (theatre.BookingStatus.REBOOKED, theatre.BookingStatus.TRANSFERRED):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "The letter gives the new date: rebook the operation first."))
    if state.died_at is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This patient's death is recorded ({died}): no letter of a new "
                                                         "date is printed; cancel the operation (patient died)."),
                           died=ward_time(state.died_at, None, DATED))
    booking_spec, cancel_spec = session.form("operation_booking"), session.form("operation_cancellation")
    data = state.record.data
    reason = format_value(cancel_spec.field("reason"), state.cancel_reason.value, session.lang) if state.cancel_reason else ""
    sessions = theatre.sessions(session.db)
    letter_pdf(out, patient=state.patient, procedure=data["procedure"],
               side=None if data["laterality"] == "not_applicable"
               else format_value(booking_spec.field("laterality"), data["laterality"], session.lang),
               old=state.cancelled_start or datetime.fromisoformat(data["planned_start"]), reason=reason,
               apologise=state.cancel_reason not in CLINICAL_REASONS, new=state.start,
               theatre=sessions[state.session_id].theatre if state.session_id in sessions else None,
               hospital=state.transferred_to,
               on_ward=theatre.on_a_ward(session.db, str(state.record.patient_id), state.start or session.clock()),
               fasting=fasting_for(state.patient.birth_date, (state.start or session.clock()).date())
               if fasts(data.get("anaesthetic")) else None,
               contact=settings.get(session.db, "letter_contact"), lang=session.lang,
               printed_by=session.user.name,
               printed_at=session.clock(), device_name=session.device.name)
    _audit_print(session, "patient letter", out, booking_id, patients=[state.patient])
    return out
