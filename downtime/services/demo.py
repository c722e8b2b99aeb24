"""A realistic demo ward, so a newcomer can try every screen without real patient data.

Deterministic (fixed seed): the same demo every time, which keeps the README's tour true.
The database is marked as demo, and the banner says so.
"""

from __future__ import annotations

import random
import weakref
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain import braden
from downtime.domain.census import StayStatus
from downtime.domain.clock import local_now, ward_day
from downtime.domain.medication import (ANTIBIOTIC_REVIEW_AFTER, NotGivenReason, allergies_not_known, antibacterial,
                                       flags_known, given_when_fasting, insulin, reason_offered)
from downtime.domain.nir import nir_key
from downtime.domain.pain import AFTER_OTHER
from downtime.domain.records import RecordVersion
from downtime.domain.staff import Role
from downtime.domain.vte import MEDICINE
from downtime.formspec import FormSpec
from downtime.services import records, settings, setup, staff, wards
from downtime.services.context import Clock, Session, Vault, load_device
from downtime.services.errors import SetupError
from downtime.services.patients import PatientSummary
from downtime.storage import keyslots, open_database
from downtime.storage.connection import StorageError

if TYPE_CHECKING:
    from downtime.domain.medication import Order
    from downtime.domain.staff import StaffMember

DEMO_DEVICE_NUMBER = 900
DEMO_WARD = "3B"

DEMO_ACCOUNTS: tuple[tuple[str, str, Role, str], ...] = (
    ("admin", "Alice Moreau", Role.ADMINISTRATOR, "0000"),
    ("nurse", "Hélène Lefèvre", Role.WARD_NURSE, "1111"),
    ("night", "Nadia Ferhat", Role.WARD_NURSE, "5555"),
    ("night2", "Julien Masson", Role.WARD_NURSE, "6666"),
    ("doctor", "Dr Karim Benali", Role.DOCTOR, "2222"),
    ("coord", "Chloé Martin", Role.SURGICAL_COORDINATOR, "3333"),
    ("records", "Rémi Durand", Role.RECORDS_STAFF, "4444"),
    ("hca", "Manon Petit", Role.HEALTHCARE_ASSISTANT, "7777"),
    ("student", "Lucas Girard", Role.STUDENT_NURSE, "8888"),
)

# (birth name, used name, first names, sex, year of birth, reason)
_PEOPLE = (
    ("Lefort", "", "Henriette Marie", "female", 1938, "Fall at home, hip pain, unable to stand."),
    ("Nguyen", "", "Van Minh", "male", 1951, "Community-acquired pneumonia, oxygen 2 L/min."),
    ("Dubois", "Garnier", "Élodie", "female", 1979, "Pyelonephritis, fever 39.2 °C."),
    ("Mansour", "", "Youssef", "male", 1964, "Decompensated heart failure."),
    ("Moreau", "", "Jean-Pierre", "male", 1947, "COPD exacerbation."),
    ("Da Silva", "", "Ana Luísa", "female", 1990, "Diabetic ketoacidosis, insulin infusion."),
    ("Rousseau", "Leroy", "Françoise", "female", 1942, "Confusion, suspected urinary infection."),
    ("O'Connor", "", "Patrick", "male", 1958, "Cellulitis of the left leg."),
    ("Fournier", "", "Noël", "male", 1933, "Dehydration and acute kidney injury."),
    ("Girard", "", "Zoé", "female", 2001, "Asthma attack, nebulisers."),
    ("Bonnet", "Haddad", "Inès", "female", 1985, "Pulmonary embolism, anticoagulated."),
    ("Lambert", "", "Gaëtan", "male", 1970, "Upper GI bleed, observation."),
    ("Mercier", "", "Bérénice", "female", 1955, "Stroke, left hemiparesis."),
    ("Kowalski", "", "Piotr", "male", 1962, "Alcohol withdrawal."),
    ("Faure", "Perrin", "Josiane", "female", 1929, "Recurrent falls, syncope work-up."),
    ("André", "", "Loïc", "male", 1994, "Sickle-cell crisis, pain control."),
    ("Chevalier", "", "Mathéo", "male", 1988, "Post-operative wound infection."),
    ("Diallo", "", "Aïssatou", "female", 1976, "Anaemia, transfusion planned."),
    ("Roux", "", "Émile", "male", 1940, "Parkinson's disease, medicines review after fall."),
    ("Blanc", "", "Cécile", "female", 1968, "Hyponatraemia."),
    ("Hoarau", "", "Jérôme", "male", 1981, "Pancreatitis, nil by mouth."),
    ("Schmitt", "Weber", "Marguerite", "female", 1936, "Palliative care, comfort measures."),
    ("Gauthier", "", "Thérèse", "female", 1949, "Sepsis of unknown origin."),
    ("Petit", "", "Léon", "male", 2004, "Overdose, observation 24 h."),
)

# Surgical ward and intensive care, so the census, moves and transfers out have a hospital.
_SURGICAL = (
    ("Marchand", "", "Sébastien", "male", 1972, "Acute appendicitis, theatre tonight."),
    ("Lemoine", "", "Agnès", "female", 1958, "Cholecystitis, awaiting cholecystectomy."),
    ("Caron", "", "Raphaël", "male", 1999, "Tibial fracture after a motorbike accident."),
    ("Vidal", "Arnaud", "Solène", "female", 1983, "Bowel obstruction, nasogastric tube."),
    ("Renaud", "", "Étienne", "male", 1945, "Total hip replacement, day 2."),
    ("Brun", "", "Maëlle", "female", 1967, "Mastectomy, day 1."),
    ("Picard", "", "Hugo", "male", 1991, "Abscess drainage."),
    ("Fontaine", "", "Geneviève", "female", 1939, "Femoral neck fracture, surgery delayed by the outage."),
    ("Morel", "", "Anthony", "male", 1978, "Perforated ulcer, post-operative."),
    ("Lucas", "", "Océane", "female", 2003, "Ovarian torsion, post-operative."),
)
_CRITICAL = (
    ("Adam", "", "Gérard", "male", 1950, "Septic shock, noradrenaline."),
    ("Colin", "", "Nadège", "female", 1961, "Post-cardiac-arrest care."),
    ("Meyer", "", "François", "male", 1956, "Severe pneumonia, non-invasive ventilation."),
)
# Children, on the paediatric ward (PEWS, not NEWS2): (birth name, given name, sex, days old,
# weight in kg, height in cm, reason for admission).
_CHILDREN = (
    ("Moreau", "Lina", "female", 125, 6.1, 62, "Bronchiolitis, oxygen and nasogastric feeds."),
    ("Garnier", "Adam", "male", 6 * 365 + 40, 21.0, 116, "Acute asthma, salbutamol weaned."),
    ("Rolland", "Inès", "female", 12 * 365 + 200, 41.5, 152, "Appendicectomy, day 1."),
)
PAEDIATRIC_WARD = "PED"
WARDS = (("3B", "Internal medicine", 28), ("4A", "General surgery", 20), ("ICU", "Intensive care", 8),
         (PAEDIATRIC_WARD, "Paediatrics", 12))

_ALLERGENS = (("Penicillin", "Rash", "moderate"), ("Amoxicillin", "Urticaria", "moderate"),
              ("Codeine", "Vomiting", "mild"), ("Latex", "Contact dermatitis", "mild"),
              ("Iodinated contrast", "Anaphylaxis", "severe"), ("Peanuts", "Angioedema", "severe"))
_CLINICIANS = ("Dr Benali", "Dr Lemaire", "Dr N'Diaye", "Dr Vasseur")
# What a few of them took at home, by birth name (the back-entry line and the bundle's MedicationStatement show it),
# each with the time of day it was last taken before arrival (`_usual_medicines`); the others "Nil". A medicine
# listed that the demo's chart does not order is the escalation list's "MEDICINES TAKEN BEFORE ADMISSION NOT
# CHARTED" a day after admission: plausible lists for the others put that line on each of them instead.
_USUAL_MEDICINES = {
    "Mansour": (("Bisoprolol 2.5 mg morning", time(8)), ("Furosemide 40 mg morning", time(8)),
                ("Ramipril 5 mg evening", time(20))),
    "Roux": (("Levodopa/carbidopa 100/25 mg four times a day", time(12)),),
    "Bonnet": (("Combined contraceptive pill", time(21)),),
}
_LIST_NOT_TAKEN = frozenset({"Gauthier", "Fontaine"})
"""Whose home medicines nobody has asked yet, their answer left blank: the ward's "MEDICINES TAKEN
BEFORE ADMISSION NOT RECORDED" once they are in for a day. Every list left blank had it on 32 of
the 39 in-patients, a ventilated patient's and the children's among them."""


def _usual_medicines(birth_name: str, arrival: datetime) -> str:
    """The home medicines `birth_name` came in on, each last taken at its time of day before
    `arrival`, said by its date: typed at arrival, "last today 08:00" of a patient who came in at
    05:09 was later than the admission, and was read as today days later. "Nil" of one who took none."""
    if birth_name not in _USUAL_MEDICINES:
        return "Nil"
    lines = []
    for medicine, taken_at in _USUAL_MEDICINES[birth_name]:
        taken = datetime.combine(arrival.date(), taken_at, arrival.tzinfo)
        taken = taken if taken <= arrival else datetime.combine(arrival.date() - timedelta(days=1), taken_at,
                                                                arrival.tzinfo)
        lines.append(f"{medicine}, last {taken:%d/%m %H:%M}")
    return "\n".join(lines)


@dataclass(frozen=True)
class DemoSummary:
    device_name: str
    patients: int
    accounts: tuple[tuple[str, str, Role, str], ...]


def _nir(rng: random.Random, sex: str, born: datetime) -> str:
    body = f"{1 if sex == 'male' else 2}{born.year % 100:02d}{born.month:02d}75{rng.randint(100, 120):03d}{rng.randint(1, 999):03d}"
    return f"{body}{nir_key(body):02d}"


def _admission(rng: random.Random, person: tuple[str, str, str, str, int, str], ward: str,
               bed: int, arrival: datetime) -> dict[str, Any]:
    birth_name, used_name, given, sex, year, reason = person
    born = datetime(year, rng.randint(1, 12), rng.randint(1, 28))
    validated = rng.random() < 0.7
    values: dict[str, Any] = {
        "unidentified": False, "birth_name": birth_name, "given_names": given, "sex": sex,
        "birth_date": born.date().isoformat(),
        "identity_status": "validated" if validated else "provisional",
        "arrival_at": arrival.isoformat(timespec="minutes"),
        "admission_mode": rng.choice(["emergency", "emergency", "direct", "planned"]),
        "reason": reason, "ward": ward, "bed": str(bed),
        "admitting_clinician": rng.choice(_CLINICIANS),
        "resuscitation": "dnacpr" if year < 1940 else rng.choice(["full", "full", "not_discussed"]),
        "weight_kg": round(rng.uniform(48, 105), 1), "height_cm": rng.randint(150, 190),
        "isolation": rng.choice(["none", "none", "none", "contact", "droplet"]),
        "diet": [rng.choice(["normal", "normal", "diabetic", "texture_modified"])],
        "nok_name": f"{rng.choice(['Marie', 'Paul', 'Sophie', 'Luc'])} {used_name or birth_name}",
        "nok_relationship": rng.choice(["spouse", "daughter", "son", "sister"]),
        "nok_phone": f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
    }
    if values["resuscitation"] == "dnacpr":
        # Decided by the admitting doctor on arrival (services.resuscitation asks who and when).
        values |= {"resuscitation_decided_by": values["admitting_clinician"],
                   "resuscitation_decided_at": values["arrival_at"]}
    if used_name:
        values["used_name"] = used_name
    if birth_name not in _LIST_NOT_TAKEN:
        values["usual_medicines"] = _usual_medicines(birth_name, arrival)
    if validated:
        values["identity_document"] = rng.choice(["national_id_card", "passport", "residence_permit"])
        values["nir"] = _nir(rng, sex, born)
    roll = rng.random()
    if roll < 0.35:
        values["allergy_status"] = "allergies"
        values["allergies"] = [dict(zip(("substance", "reaction", "severity"), allergen))
                               for allergen in rng.sample(_ALLERGENS, rng.randint(1, 2))]
    else:
        values["allergy_status"] = "nka" if roll < 0.9 else "unknown"
    return values


def build_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> DemoSummary:
    """Fill an empty database with a small hospital: accounts, three wards, 25 patients on the
    demo ward and more elsewhere, an amendment, a transfer, a discharge and a transfer out."""
    rng = random.Random(20261128)
    now = clock()
    admin_id, admin_name, _, admin_pin = DEMO_ACCOUNTS[0]
    device = setup.initialise(db, device_number=DEMO_DEVICE_NUMBER,
                              device_name="3B demo",
                              admin_id=admin_id, admin_name=admin_name, admin_pin=admin_pin,
                              is_demo=True, clock=clock)
    admin = Session(db, device, staff.sign_in(db, admin_id, admin_pin, clock), forms, clock)
    for staff_id, name, role, pin in DEMO_ACCOUNTS[1:]:
        staff.add_staff(admin, staff_id, name, role, pin)
    for code, name, count in WARDS:
        wards.add_ward(admin, code, name, [str(n) for n in range(1, count + 1)])
    settings.set_laptop_ward(admin, DEMO_WARD)  # its lists open on its ward, as a ward's laptop's do
    nurse = _signed_in(db, forms, clock, "nurse")
    beds = rng.sample(range(1, 29), len(_PEOPLE))
    saved = []
    for person, bed in zip(_PEOPLE, beds):
        arrival = _ago(now, hours=rng.randint(2, 72), minutes=rng.randint(0, 59))
        # Typed on arrival (to the minute, as the ward's times are), as the ward does: typed as the
        # demo was built, the allergies it records read as found after the orders written on
        # admission, and a morphine dose over a codeine intolerance was refused as not reviewed.
        values = _admission(rng, person, DEMO_WARD, bed, arrival)
        saved.append(records.save_new(_written_at(nurse, datetime.fromisoformat(values["arrival_at"])), "admission",
                                      values))
    elsewhere = [records.save_new(nurse, "admission", _admission(
        rng, person, ward, bed, _ago(now, hours=rng.randint(30, 96))))
        for people, ward in ((_SURGICAL, "4A"), (_CRITICAL, "ICU"))
        for bed, person in enumerate(people, start=1)]
    for bed, (family, given, sex, days, kg, cm, reason) in enumerate(_CHILDREN, start=1):
        born = _ago(now, days=days)
        child = _admission(rng, (family, "", given, sex, born.year, reason), PAEDIATRIC_WARD, bed,
                           _ago(now, hours=rng.randint(20, 40)))
        child.update(birth_date=born.date().isoformat(), weight_kg=kg, height_cm=cm, resuscitation="full",
                     diet=["normal"], nok_name=f"{rng.choice(['Claire', 'Julien', 'Amandine'])} {family}",
                     nok_relationship=rng.choice(["mother", "father"]),
                     **({"nir": _nir(rng, sex, born)} if "nir" in child else {}))
        records.save_new(nurse, "admission", child)
    unknown = {"unidentified": True, "descriptor": "Unknown man, about 40, found at the station",
               "temporary_name": "INCONNU Trèfle", "sex": "male", "identity_status": "provisional",
               "arrival_at": _ago(now, hours=5).isoformat(timespec="minutes"),
               "admission_mode": "emergency", "reason": "Found unconscious, head injury.",
               "ward": DEMO_WARD, "bed": str(next(b for b in range(1, 29) if b not in beds)),
               "admitting_clinician": "Dr Lemaire", "allergy_status": "unknown",
               "resuscitation": "full"}
    saved.append(records.save_new(nurse, "admission", unknown))
    first = saved[0]
    records.amend(nurse, first.record_id, {**first.data, "weight_kg": 54.0, "weight_confirmed_kg": 54.0},
                  "Weight re-measured on the ward scale (was an estimate).")
    _moves(nurse, elsewhere, now)
    build_swallow_demo(db, forms, clock)  # before the doses: those by mouth after it are not given
    build_medication_demo(db, forms, clock)
    build_time_critical_demo(db, forms, clock)
    build_syringe_driver_demo(db, forms, clock)
    build_theatre_demo(db, forms, clock)
    build_observations_demo(db, forms, clock)
    build_fluid_demo(db, forms, clock)
    build_catheter_demo(db, forms, clock)
    build_fluid_plan_demo(db, forms, clock)
    build_neuro_demo(db, forms, clock)
    build_glucose_demo(db, forms, clock)
    build_repositioning_demo(db, forms, clock)
    build_wound_demo(db, forms, clock)
    build_device_demo(db, forms, clock)
    build_bowel_demo(db, forms, clock)
    build_pews_demo(db, forms, clock)
    build_pain_demo(db, forms, clock)
    build_nutrition_demo(db, forms, clock)
    build_delirium_demo(db, forms, clock)
    build_fall_demo(db, forms, clock)
    build_falls_risk_demo(db, forms, clock)
    build_capacity_demo(db, forms, clock)
    build_safeguarding_demo(db, forms, clock)
    build_alcohol_withdrawal_demo(db, forms, clock)
    build_enhanced_observation_demo(db, forms, clock)
    build_sepsis_demo(db, forms, clock)
    build_vte_demo(db, forms, clock)
    build_transfusion_demo(db, forms, clock)
    build_lab_results_demo(db, forms, clock)
    return DemoSummary(device_name=device.name, patients=len(saved), accounts=DEMO_ACCOUNTS)


def _moves(nurse: Session, elsewhere: list[RecordVersion], now: datetime) -> None:
    """A post-operative patient to intensive care, a discharge home, and an intensive-care
    patient transferred to another hospital with the handover form: ventilated, his allergies
    not known yet, which the handover says rather than "checked"."""
    def at(hours: float) -> str:
        return _ago(now, hours=hours).isoformat(timespec="minutes")

    morel, lucas, meyer = elsewhere[8], elsewhere[9], elsewhere[12]
    records.save_new(nurse, "transfer", {"moved_at": at(20), "to_ward": "ICU", "to_bed": "4",
                                         "reason": "Post-operative bleeding, needs monitoring",
                                         "handover_notes": "Haemoglobin 7.9, two units requested."},
                     patient_id=morel.patient_id)
    records.save_new(nurse, "discharge", {"discharged_at": at(6), "destination": "home",
                                          "letter_given": True, "medicines_given": True,
                                          "follow_up": "Gynaecology clinic in 6 weeks."},
                     patient_id=lucas.patient_id)
    records.save_new(nurse, "transfer_out", {
        "departed_at": at(3), "receiving_hospital": "CHU Sud — Hôpital Bellevue",
        "receiving_unit": "Réanimation médicale, Dr Petit, 01 23 45 67 89",
        "receiving_clinician": "Dr Petit", "transport_mode": "mobile_icu", "escort": "doctor",
        "situation": "Severe pneumonia needing ECMO assessment, not available here.",
        "background": "COPD, ex-smoker, admitted 3 days ago, worsening despite ventilation.",
        "condition": "unstable", "assessment": "Hypoxaemic on FiO2 0.8.",
        "recommendation": "ECMO assessment on arrival. Allergies not known yet: wife not reached, GP closed.",
        "current_treatments": "Piperacillin-tazobactam 4 g IV 8-hourly (last 06:00); noradrenaline 0.2 µg/kg/min.",
        "devices": ["central_line", "urinary_catheter", "ventilator"], "allergies_checked": False,
        # As the form copies them from the admission, for the nurse to check.
        "resuscitation": meyer.data["resuscitation"],
        **({"isolation": meyer.data["isolation"]} if meyer.data.get("isolation") else {}),
        "obs_at": at(3.2), "resp_rate": 30, "spo2": 88, "on_oxygen": True, "systolic": 95, "diastolic": 50,
        "pulse": 118, "temperature": 38.6, "consciousness": "voice",
        "documents_sent": ["admission_record", "medication_chart", "observation_chart", "lab_results"],
        "handed_over_to": "SMUR team"}, patient_id=meyer.patient_id)


# (drug, dose, unit, route, times) of regular orders any patient may be on.
_REGULAR = (
    ("Paracetamol", 1.0, "g", "PO", "06:00 12:00 18:00"),
    ("Omeprazole", 20.0, "mg", "PO", "08:00"),
    ("Senna", 15.0, "mg", "PO", "22:00"),
)
# Those a patient is on for their reason for admission (lowercase words of it): drawn at random
# with the others, 12 of the 25 were on insulin glargine (asthma, a GI bleed…) and most adults
# on no anticoagulant had their VTE prophylaxis "decided, not on the medication chart".
_FOR_REASON = (("diabetic", ("Insulin glargine", 18.0, "units", "SC", "22:00")),
               ("heart failure", ("Furosemide", 40.0, "mg", "PO", "08:00")),
               ("pulmonary embolism", ("Apixaban", 5.0, "mg", "PO", "08:00 20:00")))
_VTE_PROPHYLAXIS = ("Enoxaparin", 4000.0, "units", "SC", "18:00")
"""The low-molecular-weight heparin the demo's doctor prescribes where they decide drug prophylaxis
(the usual dose, 40 mg: every demo adult weighs 48 to 105 kg)."""
_ANTIBIOTICS = (("Amoxicillin", 1.0, "g", "IV", "06:00 14:00 22:00"),
                ("Clarithromycin", 500.0, "mg", "IV", "08:00 20:00"))
# Why a dose is given to a patient whose allergies are not known yet, as a ward writes it.
_NOT_KNOWN_YET = "Patient confused, family not reached yet; no reaction to earlier doses: prescriber informed"
_MISSED = ("refused", "nil_by_mouth", "patient_away", "unavailable", "asleep", "vomited")


def _order_values(drug: str, dose: float, unit: str, route: str, times: str, start: datetime) -> dict[str, Any]:
    """An order ticked as its prescriber must for its medicine (the insulin high-alert and
    time-critical, the enoxaparin high-alert), an antibiotic's with its review at 72 hours
    (services.medication refuses one without)."""
    return {"drug": drug, "dose": dose, "dose_unit": unit, "route": route, "frequency": "scheduled",
            "times": times, "start_at": start.isoformat(timespec="minutes"), "controlled": False, "high_alert": False,
            **dict.fromkeys(flags_known(drug, route), True),
            **({"review_at": elapsed.later(start, ANTIBIOTIC_REVIEW_AFTER).isoformat(timespec="minutes")}
               if antibacterial(drug, route) else {})}


# The man with Parkinson's disease, his levodopa prescribed time-critical five times a day, each
# dose given on time until the last hour's.
_LEVODOPA = ("Co-careldopa 25/100", 1.0, "tablet", "PO", "06:00 10:00 14:00 18:00 22:00")


# The palliative patient's syringe driver (a continuous subcutaneous infusion over 24 hours) for
# the secretions of her last days, set up this morning (or just after she came in) and checked on
# the syringe-driver chart at set-up and 4-hourly (services.infusion_checks). Without it the demo
# had no infusion, and its checks showed nowhere.
_SYRINGE_DRIVER = {"drug": "Hyoscine butylbromide 60 mg in 17 mL water for injections", "dose": 60.0,
                   "dose_unit": "mg", "route": "SC", "form": "infusion", "rate_ml_h": 0.7, "frequency": "scheduled",
                   "controlled": False, "high_alert": False, "indication": "Respiratory secretions at the end of life"}
_DRIVER_SYRINGE_ML = 17.0
"""The volume the syringe is made up to, as its drug's name says."""


@dataclass(frozen=True)
class _DriverCheck:
    """A check of the demo's driver: its hours after the set-up, the site's code, what was done,
    and the mL then drawn from the syringe priming a new line (`primed_ml`), which every later
    reading is short of: a resite's line "primed again" with the next reading still exactly the
    rates' read as a chart contradicting its own action."""

    hours: int
    site: str
    action: str | None = None
    primed_ml: float = 0.0


_DRIVER_CHECKS = (_DriverCheck(0, "ok"),
                  _DriverCheck(4, "red", "Resited to the right upper chest, new line primed (1 mL)", 1.0),
                  _DriverCheck(8, "ok"))
"""The set-up check; the second found the site red, resited; the third, on the new site, all well."""
_DRIVER_SET_UP_HOURS_AGO = 9


def _driver_check_answers(check: _DriverCheck, at: datetime, primed_before_ml: float) -> dict[str, Any]:
    """`check`'s answers to the check form at `at`, by the service's names of its fields (a form
    version renaming one, as version 2 asked the pump's question under `pump_ok`, then refused the
    demo's own answers and `downtime demo` with them): the volume left what the rate ran in since
    the set-up and the priming before it (`primed_before_ml`) leave."""
    from downtime.services import infusion_checks

    rate = _SYRINGE_DRIVER["rate_ml_h"]
    return {infusion_checks.CHECKED_AT: at.isoformat(timespec="minutes"),
            infusion_checks.VOLUME_LEFT: round(_DRIVER_SYRINGE_ML - rate * check.hours - primed_before_ml, 1),
            infusion_checks.PUMP_RATE: rate, infusion_checks.SITE: check.site, infusion_checks.LINE_INTACT: True,
            infusion_checks.PUMP_WORKING: True, **({infusion_checks.ACTION: check.action} if check.action else {})}


def build_syringe_driver_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The palliative patient's syringe driver (`_SYRINGE_DRIVER`) prescribed, set up and checked
    (`_DRIVER_CHECKS`, those already due by now): its line on the MAR with its checks, and the
    escalation tab asking its next check. Returns the checks recorded."""
    from downtime.domain.medication import Check
    from downtime.services import census, infusion_checks, medication

    now = clock()
    doctor = _signed_in(db, forms, clock, "doctor")
    nurse, night = _nurses(db, forms, clock)
    patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD)
                   if "Palliative" in (each.reason or ""))
    set_up = max(_ago(now, hours=_DRIVER_SET_UP_HOURS_AGO),
                 datetime.fromisoformat(patient.admitted_at) + timedelta(minutes=40)).replace(second=0, microsecond=0)
    prescribed = elapsed.earlier(set_up, timedelta(minutes=20))
    order = records.save_new(_written_at(doctor, prescribed), "medication_order", {
        **_SYRINGE_DRIVER, "times": f"{set_up:%H:%M}", "start_at": prescribed.isoformat(timespec="minutes")},
        patient_id=patient.patient_id)
    at = set_up.isoformat(timespec="minutes")
    medication.record_dose(_written_at(_on_shift(nurse, night, set_up), elapsed.later(set_up, timedelta(minutes=2))),
                           order.record_id, {"outcome": "given", "given_at": at, "scheduled_for": at,
                                             "dose_given": _SYRINGE_DRIVER["dose"], "route": "SC",
                                             "rate_ml_h": _SYRINGE_DRIVER["rate_ml_h"]},
                           overrides={Check.ALLERGY: "Reviewed with the prescriber",
                                      Check.ALLERGY_UNKNOWN: _NOT_KNOWN_YET})
    checked, primed = 0, 0.0
    for check in _DRIVER_CHECKS:
        at_check = elapsed.later(set_up, timedelta(hours=check.hours))
        if not elapsed.reached(elapsed.later(at_check, timedelta(minutes=10)), now):
            break
        infusion_checks.record_check(
            _written_at(_on_shift(nurse, night, at_check), elapsed.later(at_check, timedelta(minutes=2))),
            order.record_id, _driver_check_answers(check, at_check, primed))
        checked, primed = checked + 1, primed + check.primed_ml
    return checked


def build_time_critical_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The levodopa of the man with Parkinson's disease (see `_LEVODOPA`). Returns the doses
    recorded."""
    from downtime.domain.medication import scheduled_slots
    from downtime.services import census, medication

    now = clock()
    patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD) if "Parkinson" in (each.reason or ""))
    doctor = _signed_in(db, forms, clock, "doctor")
    nurse, night = _nurses(db, forms, clock)
    ordered = datetime.fromisoformat(patient.admitted_at) + timedelta(minutes=30)
    order = records.save_new(_written_at(doctor, ordered), "medication_order",
                             _order_values(*_LEVODOPA, ordered), patient_id=patient.patient_id)
    found = medication.order(db, order.record_id)
    doses = 0
    for slot in scheduled_slots(found, ordered.date(), now.date(), now.tzinfo):
        if found.start_at <= slot <= _ago(now, hours=1):
            at = slot + timedelta(minutes=5)
            medication.record_dose(_written_at(_on_shift(nurse, night, at), at), order.record_id, {
                "given_at": at.isoformat(timespec="minutes"), "scheduled_for": slot.isoformat(timespec="minutes"),
                "outcome": "given", "dose_given": found.dose, "route": found.route})
            doses += 1
    return doses


def build_medication_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Orders for the demo ward's patients and two days of doses with a few omissions; the
    ward's controlled-drug register opens with the morphine counted at the outage's first
    handover, before any dose of it. Returns the doses recorded."""
    from downtime.domain.medication import Check, scheduled_slots
    from downtime.services import cd_register, census, medication

    rng = random.Random(4)
    now = clock()
    doctor = _signed_in(db, forms, clock, "doctor")
    nurse, night = _nurses(db, forms, clock)
    start = _outage_began(now)
    opened = datetime.combine(start.date(), _DAY_SHIFT[0], start.tzinfo)
    cd_register.cd_count(_written_at(nurse, opened), DEMO_WARD, "Morphine", "mg", 200, witness=_cd_witness(opened),
                         note="Ward stock at the start of the outage, counted at the handover")
    morphine: list[tuple[datetime, str]] = []
    patient_of: dict[str, PatientSummary] = {}
    doses = 0
    for patient in census.in_patients(db, forms, ward=DEMO_WARD):
        allergic = any("cillin" in a.casefold() for a in patient.allergies)
        chosen = [_ANTIBIOTICS[1] if allergic else _ANTIBIOTICS[0]] if rng.random() < 0.5 else []
        chosen += rng.sample(_REGULAR, rng.randint(1, 2)) + _ordered_for(patient)
        for drug in chosen:
            ordered = max(start, datetime.fromisoformat(patient.admitted_at) + timedelta(hours=1))
            order = records.save_new(_written_at(doctor, ordered), "medication_order", _order_values(*drug, ordered),
                                     patient_id=patient.patient_id)
            found = medication.order(db, order.record_id)
            for slot in scheduled_slots(found, start.date(), now.date(), now.tzinfo):
                if slot > _ago(now, hours=1) or rng.random() < 0.04:
                    continue
                at = max(slot + timedelta(minutes=rng.randint(-20, 40)), found.start_at)
                values: dict[str, Any] = {"given_at": at.isoformat(timespec="minutes"),
                                          "scheduled_for": slot.isoformat(timespec="minutes")}
                # A basal or premixed insulin is never left out (medication.basal_insulin_omitted): its dose is given.
                missed = rng.choice(_MISSED) if rng.random() < 0.06 and not given_when_fasting(found.drug) else None
                # Nil by mouth at the dose (the stroke patient's failed swallow screen, `_SWALLOW`):
                # one by mouth is not given, as a ward charts it. Charted before the screen was built,
                # her paracetamol read "given" beside the MAR's NOT BY MOUTH, the dose the screen stops.
                stopped = medication.nil_by_mouth(db, [patient.patient_id], at).get(patient.patient_id)
                reason = NotGivenReason.NIL_BY_MOUTH.value if stopped and stopped.why(found.route) else missed
                if reason is not None:  # nil by mouth only of a dose by mouth (reason_offered)
                    values |= {"outcome": "not_given",
                               "not_given_reason": reason if reason_offered(found, reason) else "unavailable"}
                else:
                    values |= {"outcome": "given", "dose_given": found.dose, "route": found.route}
                    _glucose_around_insulin(nurse, night, found, at, now)
                # Charted as it was given, as a ward does: typed at the end, every cell of the
                # demo's chart read "(typed 02/12 07:01)", a dose entered late from paper.
                medication.record_dose(_written_at(_on_shift(nurse, night, at), elapsed.later(at, timedelta(minutes=2))),
                                       order.record_id, values, overrides={
                    Check.ALLERGY: "Reviewed with the prescriber", Check.ALLERGY_UNKNOWN: _NOT_KNOWN_YET},
                                       witness=_cd_witness(at) if found.high_alert else None)
                doses += 1
        if rng.random() < 0.3:
            # Written when prescribed, at admission: written as the demo is built, the order came
            # after its doses, each charted as it was given.
            prescribed = _written_at(doctor, datetime.fromisoformat(patient.admitted_at))
            prn = records.save_new(prescribed, "medication_order", {
                "drug": "Morphine", "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
                "prn_indication": "Pain score above 4/10", "min_interval_hours": 4, "max_doses_24h": 6,
                "start_at": patient.admitted_at, "controlled": True, "high_alert": True,
                **({"allergy_reason": "Codeine made them vomit (intolerance, not allergy): morphine reviewed"}
                   if medication.allergy_reason_needed(doctor, patient.patient_id, {"drug": "Morphine"}) else {})},
                patient_id=patient.patient_id)
            hours_in = int((now - datetime.fromisoformat(patient.admitted_at)).total_seconds() // 3600)
            moments = [given for given in (_ago(now, hours=hours_ago, minutes=rng.randint(0, 50))
                                           for hours_ago in range(2 + rng.randint(0, 4), hours_in - 1, 5))
                       if given > opened and _before_pain_told(patient, given, now)]
            morphine += [(given, prn.record_id) for given in rng.sample(moments, min(3, len(moments)))]
            patient_of[prn.record_id] = patient
    for given, order_id in sorted(morphine):  # each charted as it was given: the register reads in time order
        if cd_register.cd_balance(db, DEMO_WARD, "Morphine", "mg") < 5.0:
            # The pharmacy's delivery when the cupboard runs out, as a ward's is: with the opening
            # stock alone, a demo built late in the morning gave a dose from an empty cupboard,
            # refused, and `downtime demo` failed.
            delivered = elapsed.earlier(given, timedelta(minutes=15))
            cd_register.cd_receive(_written_at(_on_shift(nurse, night, delivered), delivered), DEMO_WARD, "Morphine",
                                   "mg", 200, witness=_cd_witness(delivered), note="Pharmacy delivery")
        medication.record_dose(_written_at(_on_shift(nurse, night, given), elapsed.later(given, timedelta(minutes=2))), order_id, {
            "outcome": "given", "given_at": given.isoformat(timespec="minutes"),
            "dose_given": 5.0, "route": "SC", "given_for": "Pain score 6/10"}, witness=_cd_witness(given),
            overrides={Check.ALLERGY: "Codeine made them vomit (intolerance): morphine reviewed with the prescriber",
                       Check.ALLERGY_UNKNOWN: _NOT_KNOWN_YET})
        doses += 1
    for order_id, patient in patient_of.items():
        _pain_around_morphine(nurse, night, patient, sorted(given for given, one in morphine if one == order_id), now)
    return doses + _night_call(db, forms, nurse, night, now, opened)


def _before_pain_told(patient: PatientSummary, given: datetime, now: datetime) -> bool:
    """Whether a dose of morphine at `given` leaves the tour's story of the patient's pain
    (`_PAIN`) as written: given more than the hour before its first line, or the patient has no
    story. Given at random within it (built around midnight, an injection 8 minutes before the
    sickle-cell crisis's 6/10), the story's plan to assess again in an hour was refused, 30
    minutes after an injection, and `downtime demo` failed."""
    told = [hours for reason, entries in _PAIN if reason in (patient.reason or "") for hours, _ in entries]
    return not told or elapsed.between(given, _ago(now, hours=max(told))) > AFTER_OTHER


# Pain scored around each as-required morphine dose, as a ward charts it: the 6/10 the dose was
# given for, just before it; its effect 30 minutes after the injection; then, settled, with the
# observations every 12 hours until the next dose. Given with none charted, every patient on
# morphine was on the escalation list, "PAIN REASSESSMENT OVERDUE" since the day before, among
# which the tour's two pain lines were lost.
_BEFORE_DOSE = {"scale": "numeric", "score_numeric": 6, "action": ["analgesia"], "sedation": "0",
                "breathing_rate": 16, "reassess_in": "30"}
_SETTLED = {"scale": "numeric", "score_numeric": 2, "action": ["none_needed"], "reassess_in": "720"}
_SETTLED_FOR = timedelta(minutes=720)


def _pain_around_morphine(nurse: Session, night: Session, patient: PatientSummary, given: list[datetime],
                          now: datetime) -> None:
    """The pain assessments around each of these morphine doses (`given`, in time order) of a
    patient whose pain the tour does not tell (`_PAIN`, charted by build_pain_demo)."""
    if any(reason in (patient.reason or "") for reason, _ in _PAIN):
        return
    for number, at in enumerate(given):
        before_next = elapsed.earlier(given[number + 1], timedelta(minutes=5)) if number + 1 < len(given) else now
        charted = [(elapsed.earlier(at, timedelta(minutes=5)), _BEFORE_DOSE)]
        settled = elapsed.later(at, timedelta(minutes=30))
        while elapsed.instant(settled) < elapsed.instant(before_next):
            charted.append((settled, _SETTLED))
            settled = elapsed.later(settled, _SETTLED_FOR)
        for when, answers in charted:
            records.save_new(_written_at(_on_shift(nurse, night, when), when), "pain_assessment",
                             {"assessed_at": when.isoformat(timespec="minutes"), **answers},
                             patient_id=patient.patient_id)


_BEDTIME_GLUCOSE = 8.4
"""The capillary glucose of a patient on `_FOR_REASON`'s bedtime insulin, in mmol/L."""
_BREAKFAST = (time(7, 30), 6.9)
"""When the morning's capillary glucose is taken before breakfast, and what it reads, in mmol/L."""


def _glucose_around_insulin(nurse: Session, night: Session, found: Order, at: datetime, now: datetime) -> None:
    """The capillary glucose a dose of insulin is given on (services.glucose.before_insulin),
    charted ten minutes before it when the chart holds none it could be (the 22:00 glargine was
    given on no reading, questioned, and `downtime demo` failed), planning the next at breakfast;
    and the next morning's before breakfast, planning the next in a day (a once-daily basal
    insulin's), once that morning is past: with the bedtime reading alone, the demo's patients on
    insulin read "GLUCOSE CHECK OVERDUE" from 10:00. The last eight hours' readings are
    `build_glucose_demo`'s, hourly."""
    from downtime.services import glucose

    def chart(taken: datetime, timing: str, value: float, plan: str) -> None:
        records.save_new(_written_at(_on_shift(nurse, night, taken), taken), "blood_glucose", {
            "taken_at": taken.isoformat(timespec="minutes"), "timing": timing, "reading": "value",
            "glucose": value, "glucose_unit": "mmol_l", "next_in": plan}, patient_id=found.patient_id)

    if not insulin(found.drug):
        return
    if glucose.before_insulin(nurse.db, found, at):
        chart(elapsed.earlier(at, timedelta(minutes=10)), "bedtime", _BEDTIME_GLUCOSE, "720")
    morning = datetime.combine(at.date() + timedelta(days=1), _BREAKFAST[0], at.tzinfo)
    if morning < _ago(now, hours=_GLUCOSE[0][0]):
        chart(morning, "before_breakfast", _BREAKFAST[1], "1440")


def _night_call(db: Database, forms: dict[str, FormSpec], nurse: Session, night: Session, now: datetime,
                     opened: datetime) -> int:
    """The night nurse's call to the on-call doctor at 03:00 about the ward's patient longest in:
    the telephone order she took and its first dose, not countersigned yet (for the chart's
    flag, the ward's list to countersign and the doctor's Countersign to show), and her clinical
    note of it. Returns the doses recorded (one)."""
    from downtime.domain.medication import Check
    from downtime.services import census, medication

    patient = min(census.in_patients(db, forms, ward=DEMO_WARD),
                  key=lambda each: datetime.fromisoformat(each.admitted_at))
    called = _called_at(now)
    taken = max(called, opened, datetime.fromisoformat(patient.admitted_at) + timedelta(hours=1))
    order = records.save_new(_written_at(_on_shift(nurse, night, taken), taken), "medication_order", {
        "drug": "Ondansetron", "dose": 4.0, "dose_unit": "mg", "route": "IV", "frequency": "prn",
        "prn_indication": "Nausea or vomiting", "min_interval_hours": 8, "max_doses_24h": 3,
        "start_at": taken.isoformat(timespec="minutes"), "controlled": False, "high_alert": False,
        "telephone_order": True, "prescriber": "Dr Hugo Bernard (on call)", "read_back": True},
        patient_id=patient.patient_id)
    given = elapsed.later(taken, timedelta(minutes=10))
    medication.record_dose(_written_at(_on_shift(nurse, night, given), elapsed.later(given, timedelta(minutes=2))),
                           order.record_id, {"outcome": "given", "given_at": given.isoformat(timespec="minutes"),
                                             "dose_given": 4.0, "route": "IV", "given_for": "Vomiting twice"},
                           overrides={Check.ALLERGY_UNKNOWN: _NOT_KNOWN_YET})
    noted = elapsed.later(given, timedelta(minutes=20))
    records.save_new(_written_at(_on_shift(nurse, night, noted), noted), records.NOTE_FORM, {
        "written_at": noted.isoformat(timespec="minutes"), "discipline": "nursing", "focus": "Nausea and vomiting",
        "note": "Vomited twice, abdomen soft, observations unchanged. Dr Hugo Bernard (on call) phoned: ondansetron "
                "4 mg IV as required prescribed by telephone, read back and confirmed; first dose given at "
                f"{given:%H:%M}. Settled by {noted:%H:%M}, sips of water tolerated; to review at the morning round.",
        "written_by": _on_shift(nurse, night, noted).user.name}, patient_id=patient.patient_id)
    return 1


def _called_at(now: datetime) -> datetime:
    """When the night nurse called the on-call doctor: 03:00 last night (the night before when
    that is less than an hour ago)."""
    called = datetime.combine(now.date(), time(3, 0), now.tzinfo)
    return called if called <= _ago(now, hours=1) else datetime.combine(now.date() - timedelta(days=1), time(3, 0),
                                                                          now.tzinfo)


# The day shift; the night nurse signs from its end to its start. A chart signed by one nurse for
# three days and nights read as no ward's, and gave the back-entry clerk a single name.
_DAY_SHIFT = (time(7, 30), time(19, 30))


def _on_shift(day: Session, night: Session, at: datetime) -> Session:
    return day if _DAY_SHIFT[0] <= at.time() < _DAY_SHIFT[1] else night


# A controlled drug's (and a high-alert medicine's) second signature is someone's on the ward at
# the time: the other shift's nurse half an hour either side of a handover, the ward's doctor by
# day, the second night nurse by night. With a single night nurse, the demo gave morphine only
# between 07:00 and 20:00: a patient in pain at night went without, or every dose read witnessed
# by Dr Karim Benali.
_HANDOVER = timedelta(minutes=30)


def _cd_witness(at: datetime) -> tuple[str, str]:
    day = datetime.combine(at.date(), _DAY_SHIFT[0], at.tzinfo)
    evening = datetime.combine(at.date(), _DAY_SHIFT[1], at.tzinfo)
    by_day = _DAY_SHIFT[0] <= at.time() < _DAY_SHIFT[1]
    if abs(at - day) <= _HANDOVER or abs(at - evening) <= _HANDOVER:
        return ("night", "5555") if by_day else ("nurse", "1111")
    return ("doctor", "2222") if by_day else ("night2", "6666")


_SIGNED_IN: weakref.WeakKeyDictionary[Database, dict[str, StaffMember]] = weakref.WeakKeyDictionary()
"""The demo's people as each signed in to a demo database, once."""


def _signed_in(db: Database, forms: dict[str, FormSpec], clock: Clock, staff_id: str) -> Session:
    """A demo account's session, signed in once a demo: a PIN is checked at its cost by design (a
    twentieth of a second), and the demo signed its people in 69 times, 3 of the 12 seconds
    `downtime demo` took."""
    signed = _SIGNED_IN.setdefault(db, {})
    if staff_id not in signed:
        signed[staff_id] = staff.sign_in(db, staff_id, next(pin for who, _, _, pin in DEMO_ACCOUNTS if who == staff_id),
                                         clock)
    return Session(db, load_device(db), signed[staff_id], forms, clock)


def _written_at(session: Session, at: datetime) -> Session:
    """The session as if its entries were typed at `at`: the controlled-drug register is written
    as a ward keeps it, each line when it happens (every line written when the demo was built,
    its opening stock read dated after the doses given from it)."""
    return replace(session, clock=lambda: at)


def _nurses(db: Database, forms: dict[str, FormSpec], clock: Clock) -> tuple[Session, Session]:
    """The demo ward's day and night nurses, signed in once each."""
    return _signed_in(db, forms, clock, "nurse"), _signed_in(db, forms, clock, "night")


def _ago(now: datetime, **span: float) -> datetime:
    """The moment `span` before `now`, in now's zone, as a watch measures it (see `elapsed`).
    Taken off the wall clock, 50 minutes before 03:30 on the night the clocks go forward read
    02:40, an hour that night has not, which stood for 03:40: the demo built then decided an
    operation in the future, refused, and `downtime demo` failed."""
    return elapsed.earlier(now, timedelta(**span))


def _outage_began(now: datetime) -> datetime:
    """When the demo's outage began: midnight two days ago, where its charts' doses start."""
    return (now - timedelta(days=2)).replace(hour=0, minute=0, second=0, microsecond=0)


def _cancelled_at(rng: random.Random, booking: RecordVersion, now: datetime) -> datetime:
    """When the coordinator cancelled an operation of the outage's morning lists: before it was
    to start, the evening before (17:00 to 21:00) or early on its day (06:30 to 07:30, last
    minute then), after the outage began and an hour ago at the latest (the rebookings come
    after). Drawn up to 20 hours back from now, some were stamped after their operation had
    started, as no coordinator cancels for an outage."""
    day = datetime.fromisoformat(booking.data["planned_start"]).replace(hour=0, minute=0)
    evening_before = rng.random() < 0.5
    drawn = (day - timedelta(hours=7) if evening_before else day + timedelta(hours=6, minutes=30)) \
        + timedelta(minutes=rng.randint(0, 240 if evening_before else 60))
    # Never before the decision to operate, which the form refuses: built in the evening, the demo
    # drew an operation decided after the cancellation it then could not record.
    decided = datetime.fromisoformat(booking.data["decided_at"])
    return max(_outage_began(now), decided, min(drawn, _ago(now, hours=1)).replace(second=0, microsecond=0))


_SURGEONS = ("Dr Roux", "Dr Haddad", "Dr Marchetti", "Dr Nguyen", "Dr Lambert", "Dr Okafor")
_ANAESTHETISTS = ("Dr Klein", "Dr Morel", "Dr Sato", "Dr Petit")
# The operation an in-patient's reason for admission (its lowercase words) calls for this stay:
# (words, procedure, side, minutes, specialty, NCEPOD priority), each on its own specialty's lists,
# as a coordinator books them (and the rebook dialog offers them). Drawn at random, the unconscious
# unidentified man with a head injury was on today's list for an elective total hip replacement,
# and the woman of 88 in after a fall with hip pain on the ENT list for a tonsillectomy. A patient
# whose reason calls for none (a medical one's, a child's, one already operated on) is booked none.
_OPERATIONS = (("hip pain", "Hip hemiarthroplasty", "right", 90, "Orthopaedics", "urgent"),
               ("femoral neck fracture", "Hip hemiarthroplasty", "left", 90, "Orthopaedics", "urgent"),
               ("tibial fracture", "Intramedullary nailing of the tibia", "right", 120, "Orthopaedics", "urgent"),
               ("appendicitis", "Appendicectomy", "not_applicable", 60, "General surgery", "urgent"),
               ("bowel obstruction", "Laparotomy", "not_applicable", 120, "General surgery", "urgent"),
               ("abscess drainage", "Incision and drainage of abscess", "not_applicable", 30, "General surgery", "urgent"),
               ("wound infection", "Wound washout", "not_applicable", 45, "General surgery", "urgent"),
               ("cholecystitis", "Laparoscopic cholecystectomy", "not_applicable", 90, "General surgery", "expedited"),
               # Gallstones: the gallbladder out this stay (NICE CG188).
               ("pancreatitis", "Laparoscopic cholecystectomy", "not_applicable", 90, "General surgery", "expedited"),
               # Her heavy periods the cause, looked for before she goes home.
               ("anaemia", "Hysteroscopy", "not_applicable", 30, "Gynaecology", "expedited"))
_READY = timedelta(hours=4)  # from a patient's arrival to their operation at the earliest: fasted, consented, marked
_DECIDED_AFTER_ARRIVAL = timedelta(hours=1)  # an in-patient's operation, by the surgeon who saw them in
# The lists' planned patients, who come in on 4A the afternoon before (`_PLANNED_ARRIVAL`) and go
# home once operated (`_HOME_AFTER`), or once told of its cancellation: (birth name, first names,
# sex, year of birth, procedure, side, minutes, specialty, the operation's day from the outage's
# first, afternoon list). Each in a bed of its own (4A's 11 to 20), free of anyone else's stay.
_PLANNED = (("Perrot", "Michel", "male", 1961, "Laparoscopic cholecystectomy", "not_applicable", 90, "General surgery", 0, False),
            ("Barbier", "Monique", "female", 1950, "Knee arthroscopy", "right", 45, "Orthopaedics", 0, False),
            ("Guérin", "Sandrine", "female", 1972, "Hysteroscopy", "not_applicable", 30, "Gynaecology", 0, True),
            ("Lemaire", "Daniel", "male", 1955, "Inguinal hernia repair", "left", 60, "General surgery", 1, False),
            ("Clément", "Yannick", "male", 1980, "Septoplasty", "not_applicable", 60, "ENT", 1, False),
            ("Dupuis", "Jacqueline", "female", 1957, "Carpal tunnel release", "right", 30, "Orthopaedics", 1, True),
            ("Giraud", "Marcel", "male", 1949, "Inguinal hernia repair", "right", 60, "General surgery", 1, True),
            ("Fabre", "Laure", "female", 1991, "Laparoscopic ovarian cystectomy", "right", 90, "Gynaecology", 1, True),
            ("Aubert", "Pascale", "female", 1964, "Carpal tunnel release", "left", 30, "Orthopaedics", 2, False),
            ("Leclerc", "Camille", "female", 1998, "Carpal tunnel release", "right", 30, "Orthopaedics", 2, False))
_PLANNED_ARRIVAL = time(16, 0)
_HOME_AFTER = timedelta(hours=3)
# How long before now a planned patient's operation was decided on, in hours: days to months ago,
# in clinic. An in-patient's is decided once they are in (`_DECIDED_AFTER_ARRIVAL`): decided
# months ago, the demo's urgent operations read BREACH weeks before they were cancelled.
_ELECTIVE_DECIDED_HOURS_AGO = (3 * 24, 120 * 24)


def _operation_for(patient: PatientSummary) -> tuple[str, str, int, str, str] | None:
    """The operation `_OPERATIONS` gives the patient's reason for admission: (procedure, side,
    minutes, specialty, priority); None for one it gives none, or for a child or an unidentified
    patient (no adult list takes them)."""
    if patient.unidentified or patient.birth_date is None or age_in_years(
            patient.birth_date, datetime.fromisoformat(patient.admitted_at).date()) < 16:
        return None
    reason = (patient.reason or "").lower()
    return next((operation for words, *operation in _OPERATIONS if words in reason), None)  # type: ignore[misc]


def build_theatre_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """A week of sessions over four theatres, the lists' planned patients (`_PLANNED`) and each
    in-patient whose reason for admission calls for an operation (`_operation_for`) booked
    clash-free, and the outage's batch of cancellations (yesterday's and today's morning lists),
    two of them already rebooked and one sent to another hospital. Their patients, all in a bed
    then, were told of the cancellation in person on the ward, but the last one's, still to
    tell; of a new date by phone, but one. The planned patients go home after (`_planned_home`).
    Returns the number of bookings."""
    from downtime.domain.theatre import Booking, suggest_slots
    from downtime.services import census, theatre

    rng = random.Random(5)
    now = clock()
    coord = _signed_in(db, forms, clock, "coord")
    monday = (now - timedelta(days=2)).replace(hour=0, minute=0, second=0, microsecond=0)
    for day in range(5):
        for number in range(1, 5):
            for start, end in (((8, 0), (13, 0)), ((13, 30), (18, 0))):
                records.save_new(coord, "theatre_session", {
                    "theatre": f"T{number}", "specialty": ("General surgery", "Orthopaedics", "ENT", "Gynaecology")[number - 1],
                    "starts_at": (monday + timedelta(days=day, hours=start[0], minutes=start[1])).isoformat(timespec="minutes"),
                    "ends_at": (monday + timedelta(days=day, hours=end[0], minutes=end[1])).isoformat(timespec="minutes")})
    all_sessions = list(theatre.sessions(db).values())
    booked: list[Booking] = []
    made = []
    # The planned patients first, so the outage's last cancellation, still to tell, is an
    # in-patient's, who stays; then each in-patient whose reason for admission calls for one.
    nurse, _ = _nurses(db, forms, clock)  # signed in once: each sign-in stretches the PIN (a third of a second)
    planned = _planned_admissions(nurse, monday)
    wanted_operations = planned + [
        (patient.patient_id, datetime.fromisoformat(patient.admitted_at), *operation, None)
        for patient in census.in_patients(db, forms) if (operation := _operation_for(patient)) is not None]
    for patient_id, admitted, procedure, side, minutes, specialty, priority, list_start in wanted_operations:
        wanted = Booking("new", patient_id, None, None, minutes, rng.choice(_SURGEONS), rng.choice(_ANAESTHETISTS))
        # Once the patient is in and ready: an operation of the week gone by booked before its
        # patient's arrival (a man found at the station this morning, operated yesterday) read as
        # done before they came.
        # An in-patient's urgent operation on the first list free once they are ready.
        ready = admitted + _READY
        after = list_start or (ready if priority == "urgent" else max(monday + timedelta(hours=rng.randint(0, 80)), ready))
        slots = suggest_slots(wanted, all_sessions, booked, after=after, limit=1,
                              on=lambda session: session.specialty == specialty)
        if not slots:
            continue
        slot = slots[0]
        # Decided before the operation (one of the week gone by was decided after it had been
        # planned to take place, which its form refuses); an in-patient's at their first review.
        decided = min(_ago(now, hours=rng.randint(*_ELECTIVE_DECIDED_HOURS_AGO)), slot.start) if list_start \
            else admitted + _DECIDED_AFTER_ARRIVAL
        values = {"procedure": procedure, "laterality": side, "priority": priority,
                  "decided_at": decided.isoformat(timespec="minutes"),
                  "surgeon": wanted.surgeon, "anaesthetist": wanted.anaesthetist, "session": slot.session_id,
                  "planned_start": slot.start.isoformat(timespec="minutes"), "expected_minutes": minutes}
        made.append(theatre.book(coord, patient_id, values))
        booked.append(Booking(made[-1].record_id, patient_id, slot.session_id, slot.start, minutes,
                              wanted.surgeon, wanted.anaesthetist))
    outage = [b for b in made if now.date() - timedelta(days=1) <= datetime.fromisoformat(b.data["planned_start"]).date() <= now.date()
              and datetime.fromisoformat(b.data["planned_start"]).hour < 13]
    untold = outage[-1] if len(outage) > 3 else None
    for booking in outage:
        cancelled = _cancelled_at(rng, booking, now)
        # Last minute by the service's rule: on the operation's day, or its patient admitted then.
        theatre.cancel(coord, booking.record_id, {
            "cancelled_at": cancelled.isoformat(timespec="minutes"), "reason": "information_system",
            "last_minute": theatre.last_minute_by_rule(db, str(booking.patient_id), datetime.fromisoformat(
                booking.data["planned_start"]), cancelled, "information_system", now.tzinfo) is not None,
            "patient_told": "not_yet" if booking is untold else "in_person",
            "notes": "Cancelled: EHR outage, theatre systems unavailable."})
    # The coordinator's morning, the oldest decision first, each after every cancellation (made
    # an hour ago at the latest): yesterday's first operation agreed with its patient on the
    # phone as it was booked ("Patient told now"), the one sent to another hospital rung
    # afterwards ("Patient told…"), the one cancelled from today's list still to ring, so the
    # board shows PATIENT NOT TOLD YET beside operations told.
    def decided(minutes_ago: int) -> str:
        return _ago(now, minutes=minutes_ago).isoformat(timespec="minutes")

    for booking, minutes_ago, told in zip(outage[:2], (50, 30), (True, False)):
        slot = theatre.suggestions(db, booking.record_id, now, limit=1).slots[0]
        theatre.rebook(coord, booking.record_id, {"outcome": "rebooked", "session": slot.session_id,
                                                  "planned_start": slot.start.isoformat(timespec="minutes"),
                                                  "decided_at": decided(minutes_ago),
                                                  "reason": "Earliest clash-free slot",
                                                  **({"patient_told": "phone", "told_at": decided(minutes_ago)}
                                                     if told else {})})
    if len(outage) > 2:
        theatre.rebook(coord, outage[2].record_id, {"outcome": "transferred", "other_hospital": "CHU Sud",
                                                    "decided_at": decided(20),
                                                    "reason": "Cannot wait: operated at the partner hospital"})
        theatre.record_told(coord, outage[2].record_id, "phone", _ago(now, minutes=5))
    _operations_done(coord, rng, now)
    _checklist(db, forms, nurse, now)
    _planned_home(nurse, {patient_id for patient_id, *_ in planned} - {untold.patient_id if untold else ""}, now)
    return len(made)


def _planned_admissions(nurse: Session, monday: datetime) -> list[tuple[Any, ...]]:
    """`_PLANNED`'s patients admitted to 4A the afternoon before their list, each as
    `build_theatre_demo` books them: (patient id, arrival, procedure, side, minutes, specialty,
    priority, the list's start)."""
    rng = random.Random(6)
    made = []
    for bed, (family, given, sex, year, procedure, side, minutes, specialty, day, afternoon) in enumerate(
            _PLANNED, start=11):
        list_day = monday + timedelta(days=day)
        arrival = datetime.combine(list_day.date() - timedelta(days=1), _PLANNED_ARRIVAL, list_day.tzinfo)
        values = _admission(rng, (family, "", given, sex, year, f"Planned: {procedure.lower()}."), "4A", bed, arrival)
        admitted = records.save_new(_written_at(nurse, arrival), "admission", {**values, "admission_mode": "planned"})
        list_start = list_day.replace(hour=13, minute=30) if afternoon else list_day.replace(hour=8)
        made.append((admitted.patient_id, arrival, procedure, side, minutes, specialty, "elective", list_start))
    return made


def _planned_home(nurse: Session, patient_ids: set[str], now: datetime) -> None:
    """Each planned patient discharged home `_HOME_AFTER` their operation ended (recorded done or
    not), or an hour after they were told of its cancellation, once that is past: kept in, the
    week's planned patients filled the surgical ward."""
    from downtime.services import theatre

    for state in theatre.bookings(nurse.db, nurse.forms, keep=lambda facts: str(facts.record.patient_id) in patient_ids):
        if state.cancelled_at is not None:
            home = elapsed.later(state.cancelled_at, timedelta(hours=1))
        else:
            home = elapsed.later(state.done_at or state.start, timedelta(minutes=state.minutes) + _HOME_AFTER)
        if home <= _ago(now, minutes=5):
            records.save_new(_written_at(nurse, home), "discharge", {
                "discharged_at": home.isoformat(timespec="minutes"), "destination": "home", "letter_given": True,
                "medicines_given": False, "follow_up": "A new date to be given by phone" if state.cancelled_at
                else "Surgical clinic in 6 weeks"}, patient_id=str(state.record.patient_id))


# How late an operation of the demo began after its slot's start, and how long after it ended
# (its expected minutes after it began) the coordinator recorded it done, now at the latest.
_BEGUN_LATE = (0, 20)
_RECORDED_AFTER = (10, 45)


def _operations_done(coord: Session, rng: random.Random, now: datetime) -> None:
    """Each operation past recorded done, as the coordinator records it after it ends, but
    yesterday's last two, not recorded before the coordinator went home: with none recorded,
    every operation of the week gone by read "booked — OUTCOME NOT RECORDED" in red, and with
    all, "Past, not recorded" showed nothing. One took place in another theatre than its
    list's, moved on the day, to one free then. Each began late only by as much as its theatre
    was free after its slot: begun later, it ran on into the next operation there, and the two
    read as done in one theatre at once, which recording the second asks about."""
    from downtime.services import theatre

    past = sorted((entry for _, entries in theatre.not_recorded(coord.db, coord.forms, now) for entry in entries),
                  key=lambda entry: entry.start)
    forgotten = [entry for entry in past if entry.start.date() == now.date() - timedelta(days=1)][-2:]
    recorded = [entry for entry in past if entry not in forgotten]
    standing = [e for day in sorted({entry.start.date() for entry in past})
                for _, entries in theatre.day_list(coord.db, coord.forms, day) for e in entries if not e.struck]
    moved = False
    for entry in recorded:
        ends = elapsed.later(entry.start, timedelta(minutes=entry.state.minutes))
        free = min((elapsed.between(ends, other.start) for other in standing
                    if other.start > entry.start and _shares(entry, other)),
                   default=timedelta(minutes=_BEGUN_LATE[1]))
        done_at = elapsed.later(entry.start, min(timedelta(minutes=rng.randint(*_BEGUN_LATE)), free))
        written = min(elapsed.later(done_at, timedelta(minutes=entry.state.minutes + rng.randint(*_RECORDED_AFTER))),
                      now)
        values = {"done_at": done_at.isoformat(timespec="minutes"), "theatre": entry.theatre}
        elsewhere = None if moved else next(
            (other for other in _other_theatres(entry.theatre) if theatre.done_in_use(
                coord.db, coord.forms, {**values, "booking": entry.state.record.record_id, "theatre": other}) is None),
            None)
        if elsewhere is not None:
            values = {**values, "theatre": elsewhere, "notes": f"Moved on the day: {entry.theatre} out of use (lights)."}
            moved = True
        theatre.record_done(_written_at(coord, written), entry.state.record.record_id, values)


def _checklist(db: Database, forms: dict[str, FormSpec], nurse: Session, now: datetime) -> None:
    """The WHO checklist of each operation recorded done, typed by the ward's nurse from the
    theatre's paper after it (the first's swab count not right at first), but the latest's, not
    typed yet: its line says "NO SAFETY CHECKLIST recorded" (with one checklist in all, almost
    every operation done said it). "Known allergy" is answered as the patient's admission says
    (Yes for all printed "Known allergy ☒ Yes" under "No known allergies"); a patient whose
    allergies are not known yet has none typed, the checklist asking them on the admission first."""
    from downtime.services import census, theatre

    done = sorted(records.list_current(db, form_id=theatre.DONE_FORM), key=lambda record: record.occurred_at)
    for number, operation in enumerate(done[:-1]):
        patient = census.patient_with_location(db, forms, operation.patient_id)
        if allergies_not_known(patient.allergy_status, patient.allergies):
            continue
        at = datetime.fromisoformat(operation.data["done_at"])
        counted = ({"counts_correct": "not_correct",
                    "notes": "One swab short at the first count: found in the bin, count right at the second"}
                   if number == 0 else {"counts_correct": "correct"})
        records.save_new(_written_at(nurse, min(elapsed.later(at, timedelta(hours=2)), now)), theatre.CHECKLIST_FORM, {
            "booking": operation.data["booking"], "checked_at": at.isoformat(timespec="minutes"),
            "led_by": "Marie Roux (IBODE)", "consent_confirmed": True, "site_marked": "yes",
            "anaesthesia_checked": True, "oximeter_working": True,
            records.ALLERGY_KNOWN: bool(patient.allergies),
            "airway_risk": "no", "blood_loss_risk": "no", "team_confirmed": True, "antibiotic_prophylaxis": "yes",
            "imaging_displayed": "not_applicable", "procedure_recorded": True, "specimens_labelled": "not_applicable",
            **counted}, patient_id=operation.patient_id)


def _shares(entry: Any, other: Any) -> bool:
    """Whether the two operations share their theatre, surgeon, anaesthetist or patient: one
    begun late runs on into the next of any of them (built at 14:38, a surgeon's operation begun
    late in one theatre overlapped his next in another, a clash on yesterday's list)."""
    from downtime.domain.theatre import theatre_key

    mine, theirs = entry.state.booking, other.state.booking
    return (theatre_key(entry.theatre) == theatre_key(other.theatre) or mine.surgeon == theirs.surgeon
            or (mine.anaesthetist is not None and mine.anaesthetist == theirs.anaesthetist)
            or (mine.person or mine.patient_id) == (theirs.person or theirs.patient_id))


def _other_theatres(name: str) -> list[str]:
    """The demo's other theatres than `name` (T1 to T4), the next first."""
    number = int(name[1:])
    return [f"T{(number + step - 1) % 4 + 1}" for step in range(1, 4)]


# Readings of a patient getting worse, set by set: (RR, SpO2, systolic, pulse, consciousness, temperature).
_DETERIORATING = ((17, 97, 128, 84, "alert", 37.4), (19, 96, 121, 92, "alert", 37.9),
                  (20, 95, 114, 98, "alert", 38.2), (22, 94, 106, 104, "alert", 38.4))


def build_observations_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Four-hourly observations for the demo ward over the last day: most patients stable, two
    deteriorating (one now on oxygen, high; one medium), one whose only abnormal reading scores
    3. Returns the sets recorded."""
    from downtime.services import census

    rng = random.Random(6)
    now = clock()
    nurse, night = _nurses(db, forms, clock)
    made = 0
    for number, patient in enumerate(census.in_patients(db, forms, ward=DEMO_WARD)):
        admitted = datetime.fromisoformat(patient.admitted_at)
        moments = [_ago(now, hours=4 * back, minutes=rng.randint(5, 50)) for back in range(3, -1, -1)]
        for index, taken in enumerate(moment for moment in moments if moment > admitted + timedelta(minutes=20)):
            if number < 2:
                rate, spo2, systolic, pulse, conscious, temperature = _DETERIORATING[min(index, 3)]
            else:
                rate, spo2, systolic, pulse = rng.randint(13, 19), rng.randint(95, 99), rng.randint(112, 145), rng.randint(60, 88)
                conscious, temperature = "alert", round(rng.uniform(36.3, 37.6), 1)
                if number == 2 and taken == moments[-1]:
                    systolic = 88
            records.save_new(_on_shift(nurse, night, taken), "observations", {
                "taken_at": taken.isoformat(timespec="minutes"), "respiratory_rate": rate, "spo2": spo2,
                "spo2_scale": "scale_1", "on_oxygen": number == 0 and index >= 2,
                **({"oxygen_flow": 2.0} if number == 0 and index >= 2 else {}), "systolic_bp": systolic,
                "diastolic_bp": systolic - rng.randint(35, 55), "pulse": pulse, "consciousness": conscious,
                "temperature": temperature, **_told(number, index, taken)}, patient_id=patient.patient_id)
            made += 1
    return made


def build_fluid_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The fluid chart of the patient who vomited in the night (see `_night_call`) over the last
    day: an infusion bag recorded as each one ends, drinks by day, urine measured every few
    hours, and the night's two vomits. Returns the volumes recorded."""
    from downtime.services import census

    rng = random.Random(7)
    now = clock()
    nurse, night = _nurses(db, forms, clock)
    patient = min(census.in_patients(db, forms, ward=DEMO_WARD),
                  key=lambda each: datetime.fromisoformat(each.admitted_at))
    since = max(_ago(now, hours=24), datetime.fromisoformat(patient.admitted_at) + timedelta(minutes=30))
    called = _called_at(now)
    volumes = [(_ago(now, hours=back, minutes=rng.randint(0, 40)), "in_iv", 1000,
                f"Sodium chloride 0.9 % 1000 mL, bag {bag}") for bag, back in enumerate((17, 9, 1), start=1)]
    volumes += [(_ago(now, hours=back, minutes=rng.randint(0, 50)), "in_oral", rng.choice((100, 150, 200, 250)),
                 "Water, tea") for back in range(2, 24, 3)]
    volumes += [(_ago(now, hours=back, minutes=rng.randint(0, 50)), "out_urine", rng.randint(5, 9) * 50, "Urinal")
                for back in range(1, 24, 4)]
    volumes += [(called - timedelta(minutes=25), "out_vomit", 150, "Vomit"),
                (called - timedelta(minutes=5), "out_vomit", 100, "Vomit")]
    made = 0
    for at, route, volume, what in sorted(volumes):
        if since <= at <= _ago(now, minutes=5):
            records.save_new(_on_shift(nurse, night, at), "fluid_balance", {
                "measured_at": at.isoformat(timespec="minutes"), "route": route, "volume": volume, "what": what},
                patient_id=patient.patient_id)
            made += 1
    return made


# The patient with sepsis, catheterised, her urine bag read every hour: falling, as sepsis harms
# the kidneys (mL, the oldest first, the last in the hour before now).
_HOURLY_URINE = (45, 35, 30, 20, 20, 15, 15)


def build_catheter_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The sepsis patient's urine, measured every hour for the last seven: under 0.5 mL/kg/h for
    the last six, which her fluid chart, the escalation tab and the handover call out. Returns
    the volumes recorded."""
    from downtime.services import census

    now = clock()
    nurse, night = _nurses(db, forms, clock)
    patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD) if "Sepsis" in (each.reason or ""))
    hour_now = now.replace(minute=0, second=0, microsecond=0)
    made = 0
    for back, volume in zip(range(len(_HOURLY_URINE), 0, -1), _HOURLY_URINE):
        at = elapsed.later(elapsed.earlier(hour_now, timedelta(hours=back)), timedelta(minutes=50))
        if at > datetime.fromisoformat(patient.admitted_at) + timedelta(minutes=10):
            records.save_new(_on_shift(nurse, night, at), "fluid_balance", {
                "measured_at": at.isoformat(timespec="minutes"), "route": "out_urine", "volume": volume,
                "what": "Catheter bag"}, patient_id=patient.patient_id)
            made += 1
    return made


# Patients at risk of pressure ulcers, turned as their care plan says: (their reason for
# admission, every how many hours, each change: hours ago, position, skin, where). The woman in
# after a fall at home, 2-hourly, her sacrum reddening and her last change overdue; the woman in
# for palliative care, 3-hourly, a heel with redness that does not blanch.
_TURNS = (
    ("Fall at home", 2, ((8.5, "left", "intact", ""), (6.5, "back", "intact", ""), (4.5, "right", "blanching", "sacrum"),
                         (2.5, "left", "blanching", "sacrum"))),
    ("Palliative care", 3, ((7, "right", "intact", ""), (4, "left", "blanching", "left heel"),
                            (1, "right", "category_1", "left heel"))),
)


# Their Braden assessment on admission: the six items' scores (sensory, moisture, activity,
# mobility, nutrition, friction), 14 (moderate risk) and 10 (high risk).
_BRADEN = {"Fall at home": ("3", "3", "2", "2", "2", "2"), "Palliative care": ("2", "2", "1", "2", "2", "1")}


def build_repositioning_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Two patients at risk of pressure ulcers, their risk assessed on admission and turned
    through the day: the fall's last change overdue, the palliative patient's heel damaged, which
    their tab, the escalation tab and the handover sheet call out. Returns the changes recorded."""
    from downtime.services import census

    now = clock()
    nurse, night = _nurses(db, forms, clock)
    made = 0
    for reason, every, turns in _TURNS:
        patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD) if reason in (each.reason or ""))
        assessed = datetime.fromisoformat(patient.admitted_at) + timedelta(minutes=30)
        records.save_new(_on_shift(nurse, night, assessed), "braden_assessment", {
            "assessed_at": assessed.isoformat(timespec="minutes"),
            **dict(zip(braden.ITEMS, _BRADEN[reason]))},
            patient_id=patient.patient_id)
        for hours, position, skin, where in turns:
            if (at := _ago(now, hours=hours)) <= datetime.fromisoformat(patient.admitted_at) + timedelta(minutes=10):
                continue
            records.save_new(_on_shift(nurse, night, at), "repositioning", {
                "turned_at": at.isoformat(timespec="minutes"), "position": position, "skin": skin,
                **({"skin_where": where} if where else {}), "next_in": str(every),
                **({"notes": "Heels off-loaded on a pillow"} if "heel" in where else {})}, patient_id=patient.patient_id)
            made += 1
    return made


# Wounds charted: (the patient's reason for admission, each look: hours ago and its answers).
# The palliative patient's heel found with redness that does not blanch an hour ago (the
# repositioning chart's finding), off-loaded; the post-operative wound infection larger at its
# second dressing, its dressing leaking.
_WOUNDS = (
    ("Palliative care", ((1, {"wound": "Left heel", "kind": "pressure_ulcer", "category": "1", "length_cm": 2.0,
                              "width_cm": 1.5, "bed": "intact", "exudate": "none", "infection": False,
                              "dressing": "None: barrier film, heel off-loaded on a pillow", "next_in": "1"}),)),
    ("Post-operative wound infection", (
        (7, {"wound": "Right iliac fossa incision", "kind": "surgical", "length_cm": 5.0, "width_cm": 1.0,
             "depth_cm": 0.5, "bed": "sloughy", "exudate": "moderate", "infection": True,
             "dressing": "Alginate packing, absorbent pad", "next_in": "1", "notes": "Swab sent; Dr Lemaire told"}),
        (1.5, {"wound": "Right iliac fossa incision", "kind": "surgical", "length_cm": 6.0, "width_cm": 1.5,
               "depth_cm": 0.5, "bed": "sloughy", "exudate": "high", "infection": True,
               "dressing": "Alginate packing, absorbent pad", "next_in": "1",
               "notes": "Dressing leaked through: changed early"}))),
)


def build_wound_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Two patients' wounds, their tab, the escalation tab and the handover sheet calling out
    the infection and the wound grown larger. Returns the looks recorded."""
    return _charted_demo(db, forms, clock, "wound_care", "assessed_at", _WOUNDS)


def _charted_demo(db: Database, forms: dict[str, FormSpec], clock: Clock, form_id: str, when: str,
                  charted: tuple[tuple[str, tuple[tuple[float, dict[str, Any]], ...]], ...], ward: str = DEMO_WARD) -> int:
    """Records of `form_id` for the `ward`'s patients `charted` names by their reason for
    admission, each some hours ago (`when` its time's field) or, for a patient admitted since,
    just after they came in; an answer given as a `timedelta` is that much real time after it (a
    Sepsis Six item's time; a DoLS authorisation's 7 days, which a wall-clock week across the
    autumn clock change overran by an hour). Returns the records made."""
    from downtime.services import census

    now = clock()
    nurse, night = _nurses(db, forms, clock)
    made = 0
    for reason, entries in charted:
        patient = next(each for each in census.in_patients(db, forms, ward=ward) if reason in (each.reason or ""))
        for hours, answers in entries:
            at = max(_ago(now, hours=hours), datetime.fromisoformat(patient.admitted_at) + timedelta(minutes=20 + made))
            timed = {key: elapsed.later(at, value).isoformat(timespec="minutes") if isinstance(value, timedelta) else value
                     for key, value in answers.items()}
            records.save_new(_on_shift(nurse, night, at), form_id, {when: at.isoformat(timespec="minutes"), **timed},
                             patient_id=patient.patient_id)
            made += 1
    return made


# Lines and catheters charted: (the patient's reason for admission, each look: hours ago and its
# answers). The patient with sepsis, catheterised for her hourly urine, a cannula in each arm;
# the man with cellulitis, on intravenous antibiotics, his cannula's site now scored VIP 2
# (phlebitis: out it comes); the confused woman's catheter no longer needed once her retention
# settled; the young woman with ketoacidosis, her insulin running, her cannula's check overdue.
_CANNULA = {"event": "checked", "device": "peripheral", "still_needed": True, "next_in": "8"}
_DEVICES = (
    ("Sepsis of unknown origin", (
        (9, {"event": "inserted", "device": "urinary", "site": "Urethral", "size": "Ch 14", "next_in": "24",
             "notes": "Hourly urine measured"}),
        (4, {**_CANNULA, "site": "Right forearm", "size": "18 G", "vip": "0"}),
        (3.5, {**_CANNULA, "site": "Left antecubital fossa", "size": "20 G", "vip": "1",
               "notes": "Slight redness: flushed, watched"}))),
    ("Cellulitis of the left leg", (
        (30, {"event": "inserted", "device": "peripheral", "site": "Right hand", "size": "20 G", "next_in": "8"}),
        (1, {**_CANNULA, "site": "Right hand", "vip": "2", "notes": "Red and sore along the vein; antibiotics due 18:00"}))),
    ("Confusion, suspected urinary infection", (
        (2, {"event": "checked", "device": "urinary", "site": "Urethral", "size": "Ch 12", "site_state": "clean",
             "still_needed": False, "next_in": "24", "notes": "Retention settled: bladder scan 80 mL"}),)),
    ("Diabetic ketoacidosis", (
        (12, {"event": "inserted", "device": "peripheral", "site": "Left forearm", "size": "18 G", "next_in": "8"}),
        (10, {**_CANNULA, "site": "Left forearm", "vip": "0", "notes": "Insulin infusion running"}))),
)


def build_device_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Four patients' lines and catheters, their tab, the escalation tab and the handover sheet
    calling out the phlebitis, the catheter no longer needed and the check overdue. Returns the
    looks recorded."""
    return _charted_demo(db, forms, clock, "device_check", "checked_at", _DEVICES)


# Bowels charted: (the patient's reason for admission, each line: hours ago and its answers). The
# old man with dehydration, three watery stools since yesterday evening and no sample sent yet
# (C. difficile to rule out); the upper GI bleed's black tarry stool; the man with Parkinson's
# disease, constipated on his medicines, a hard stool then the day's check with none.
_BOWELS = (
    ("Dehydration and acute kidney injury", (
        (20, {"opened": "opened", "stool_type": "7", "amount": "large", "known_cause": False}),
        (9, {"opened": "opened", "stool_type": "6", "amount": "medium", "known_cause": False}),
        (2, {"opened": "opened", "stool_type": "7", "amount": "medium", "known_cause": False,
             "notes": "Incontinent, skin cleaned and barrier cream"}))),
    ("Upper GI bleed", (
        (3, {"opened": "opened", "stool_type": "6", "amount": "medium", "seen": ["melaena"],
             "notes": "Black and tarry; Dr Lemaire told"}),)),
    ("Parkinson's disease", (
        (30, {"opened": "opened", "stool_type": "1", "amount": "small"}),
        (6, {"opened": "not_opened", "notes": "Laxative given as prescribed"}))),
)


def build_bowel_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Three patients' bowel charts, their tab, the escalation tab and the handover sheet calling
    out the loose stools to isolate and sample and the black stool. Returns the lines charted."""
    return _charted_demo(db, forms, clock, "bowel_chart", "charted_at", _BOWELS)


# Children's observations charted on the paediatric ward: (the child's reason for admission, each
# set: hours ago and its readings). The baby with bronchiolitis tiring, her oxygen turned up and
# her mother worried (PEWS 9: the doctor now); the boy with asthma scored 8 on his nebulisers and
# settled since; the girl a day after her appendicectomy, her 4-hourly set overdue.
_PEWS = (
    ("Bronchiolitis", (
        (8, {"respiratory_rate": 48, "respiratory_effort": "mild", "spo2": 95, "oxygen": "low", "heart_rate": 150,
             "systolic_bp": 88, "capillary_refill": "under_3", "temperature": 37.8, "consciousness": "alert",
             "concern": False, "next_in": "120"}),
        (4, {"respiratory_rate": 56, "respiratory_effort": "moderate", "spo2": 93, "oxygen": "low", "heart_rate": 158,
             "systolic_bp": 90, "capillary_refill": "under_3", "temperature": 38.1, "consciousness": "alert",
             "concern": False, "next_in": "60"}),
        (0.3, {"respiratory_rate": 62, "respiratory_effort": "moderate", "spo2": 92, "oxygen": "high", "heart_rate": 160,
               "systolic_bp": 95, "capillary_refill": "under_3", "temperature": 38.3, "consciousness": "alert",
               "concern": True, "next_in": "30",
               "notes": "Mother says she is feeding less and more tired. Oxygen up to 4 L/min, Dr N'Diaye called."}))),
    ("Acute asthma", (
        (6, {"respiratory_rate": 34, "respiratory_effort": "moderate", "spo2": 93, "oxygen": "low", "heart_rate": 135,
             "systolic_bp": 105, "capillary_refill": "under_3", "temperature": 36.9, "consciousness": "alert",
             "concern": False, "next_in": "60", "notes": "Salbutamol nebulisers back to back, Dr Vasseur reviewed."}),
        (2, {"respiratory_rate": 26, "respiratory_effort": "mild", "spo2": 96, "oxygen": "room_air", "heart_rate": 112,
             "systolic_bp": 102, "capillary_refill": "under_3", "temperature": 36.8, "consciousness": "alert",
             "concern": False, "next_in": "240"}))),
    ("Appendicectomy", (
        (9, {"respiratory_rate": 18, "respiratory_effort": "normal", "spo2": 98, "oxygen": "room_air", "heart_rate": 96,
             "systolic_bp": 112, "capillary_refill": "under_3", "temperature": 37.4, "consciousness": "alert",
             "concern": False, "next_in": "240"}),)),
)


def build_pews_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Three children's paediatric observation charts, their tab, the escalation list and the
    handover sheet calling out the baby to review now and the set overdue. Returns the sets."""
    return _charted_demo(db, forms, clock, "paediatric_observations", "taken_at", _PEWS, PAEDIATRIC_WARD)


# Pain assessed: (the patient's reason for admission, each assessment: hours ago and its answers).
# The sickle-cell crisis scored every half hour to an hour as the morphine works, its last
# reassessment overdue; the confused woman who cannot say, scored on the Algoplus scale, with
# nothing done yet; the woman with hip pain after her fall, treated and settled.
_PAIN = (
    ("Sickle-cell crisis", (
        (3, {"scale": "numeric", "score_numeric": 9, "where": "Lower back and legs, at rest",
             "action": ["analgesia", "doctor"], "reassess_in": "30", "notes": "Morphine 5 mg SC as prescribed"}),
        (2.5, {"scale": "numeric", "score_numeric": 6, "where": "Lower back and legs, at rest",
               "action": ["analgesia", "non_drug"], "reassess_in": "60", "notes": "Warm packs; oral morphine"}),
        (1.25, {"scale": "numeric", "score_numeric": 3, "where": "Lower back, at rest", "action": ["non_drug"],
                "reassess_in": "60"}))),
    ("Confusion", ((0.5, {"scale": "algoplus", "score_algoplus": 3, "where": "Abdomen, when touched",
                          "action": ["non_drug"], "reassess_in": "60", "notes": "Grimacing, moaning"}),)),
    ("Fall at home", ((4, {"scale": "numeric", "score_numeric": 6, "where": "Right hip, moving", "action": ["analgesia"],
                           "reassess_in": "60"}),
                      (2.75, {"scale": "verbal", "score_verbal": "mild", "where": "Right hip, moving",
                              "action": ["none_needed"], "reassess_in": "240"}))),
)


def build_pain_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Three patients' pain charts: the tab, the escalation tab and the handover sheet calling out
    the confused woman's pain untreated and the sickle-cell crisis's reassessment overdue.
    Returns the assessments recorded."""
    return _charted_demo(db, forms, clock, "pain_assessment", "assessed_at", _PAIN)


# Malnutrition screened (MUST) on admission: the palliative patient thin and losing weight (high
# risk, the dietitian asked), the man with heart failure losing some (medium), the woman after
# her fall not at risk. The ward's other patients are not screened yet.
_SCREENED = (
    ("Palliative care", ((6, {"weight_kg": 46.5, "weight_confirmed_kg": 46.5, "height_cm": 162, "weight_loss": "over_10",
                              "acute_no_intake": False, "notes": "Dietitian asked; food chart started"}),)),
    ("heart failure", ((5, {"weight_kg": 86.0, "weight_confirmed_kg": 86.0, "height_cm": 175, "weight_loss": "5_to_10",
                            "acute_no_intake": False}),)),
    ("Fall at home", ((7, {"weight_kg": 61.0, "weight_confirmed_kg": 61.0, "height_cm": 158, "weight_loss": "under_5",
                           "acute_no_intake": False}),)),
)


def build_nutrition_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Three patients screened for malnutrition on admission. Returns the screenings recorded."""
    return _charted_demo(db, forms, clock, "nutrition_screening", "screened_at", _SCREENED)


# Delirium screened (4AT): the woman brought in confused, her daughter saying she has not been
# herself since Tuesday (possible delirium, the doctor told); the woman after her fall, a mistake
# and a slip in the months (possible cognitive impairment); the man with COPD, alert and right,
# his son not reached yet to say whether he has changed. The ward's other patients 65 or over are
# not screened yet.
_FOUR_AT = (
    ("Confusion, suspected", ((4, {"alertness": "normal", "amt4": "two_or_more", "attention": "fewer_than_seven",
                                   "acute_change": "yes", "doctor_told": "Dr Benali",
                                   "doctor_told_at": timedelta(minutes=15), "notes": "Daughter: muddled since Tuesday"}),)),
    ("Fall at home", ((6, {"alertness": "normal", "amt4": "one_mistake", "attention": "fewer_than_seven",
                           "acute_change": "no"}),)),
    ("COPD", ((5, {"alertness": "normal", "amt4": "no_mistake", "attention": "seven_or_more",
                   "acute_change": "not_known", "notes": "Lives alone; son not reached yet"}),)),
)


def build_delirium_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Three patients screened for delirium. Returns the screenings recorded."""
    return _charted_demo(db, forms, clock, "delirium_screening", "screened_at", _FOUR_AT)


# The woman in for recurrent falls found on the floor of her toilet half an hour ago, a graze on
# her elbow, a head injury not excluded: the escalation list asks for her neuro obs, a set of
# observations and the doctor.
_FALLS = (("Recurrent falls", ((0.5, {"witnessed": "found", "where": "toilet", "fracture_signs": "none",
                                      "head_injury": "not_excluded", "anticoagulated": False,
                                      "injuries": "Graze on the right elbow", "family_told": False,
                                      "notes": "Tried to get to the toilet alone; call bell out of reach"}),)),)


def build_fall_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """A fall on the ward last hour. Returns the falls recorded."""
    return _charted_demo(db, forms, clock, "inpatient_fall", "fell_at", _FALLS)


# Falls-risk assessments (with lying and standing BP): the man with Parkinson's disease, his
# pressure falling 34 mmHg at 3 minutes standing, dizzy, no doctor's review yet (the escalation
# list asks it); the man with COPD, steady; the confused woman, her pressure steady, her
# confusion and night-time restlessness planned for; the man with a kidney injury unable to stand,
# his sitting reading steady. The ward's other patients 65 or over are not assessed yet (the
# handover's screenings not done since admission).
_RAILS = {"bed_rails": "not_used", "bed_rails_reason": "Mobile: would climb over them", "call_bell": True,
          "bed_low": True}
_FALLS_RISK = (
    ("Parkinson's disease", ((3, {"why": "age_65", "factors": ["previous_falls", "mobility", "medicines"],
                                  "previous_falls_plan": "Falls history taken from his wife",
                                  "mobility_plan": "Physiotherapy; supervise walking", "walking_aid": "Frame, in reach",
                                  "medicines_plan": "Dr Lemaire asked to review levodopa timing",
                                  "lying_systolic": 138, "lying_diastolic": 78, "standing_1_systolic": 118,
                                  "standing_1_diastolic": 74, "standing_3_systolic": 104, "standing_3_diastolic": 70,
                                  "symptoms": True, **_RAILS}),)),
    ("COPD", ((5, {"why": "age_65", "factors": [], "lying_systolic": 132, "lying_diastolic": 76,
                   "standing_1_systolic": 128, "standing_1_diastolic": 74, "standing_3_systolic": 126,
                   "standing_3_diastolic": 76, **_RAILS}),)),
    ("Confusion, suspected", ((3.5, {"why": "age_65", "factors": ["cognition", "night_confusion"],
                                     "cognition_plan": "4AT done; bay in view of the desk; daughter to visit evenings",
                                     "lying_systolic": 124, "lying_diastolic": 70, "standing_1_systolic": 120,
                                     "standing_1_diastolic": 70, **_RAILS}),)),
    ("Dehydration", ((6, {"why": "age_65", "factors": ["continence"], "continence_plan": "Commode at the bedside",
                          "lying_systolic": 118, "lying_diastolic": 66, "unable_to_stand": True,
                          "sitting_systolic": 112, "sitting_diastolic": 64, **_RAILS}),)),
)


def build_falls_risk_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Four patients' falls-risk assessments, one with a postural drop awaiting the doctor's
    review. Returns the assessments recorded."""
    return _charted_demo(db, forms, clock, "falls_risk", "assessed_at", _FALLS_RISK)


# The confused woman refusing her tablets, sure they are poison: after her 4AT (`_FOUR_AT`, the
# doctor told), the doctor assesses her capacity to decide on her medicines (delirium; she cannot
# retain nor weigh what she is told), consults her daughter and the pharmacist, and decides that
# her medicine by mouth is given covertly, dispersed in yoghurt, if she refuses it openly: her
# order amended so, not a second antibiotic beside the one running in her drip. Without it the demo
# had no covert order and no assessment.
_CAPACITY = {"assessor_role": "doctor", "decision": "medicines", "impairment": True,
             "impairment_what": "Delirium (4AT {score}), suspected urinary infection, on a background of memory loss",
             "understands": True, "understands_how": "Said the tablets are for her stomach",
             "retains": False, "retains_how": "Five minutes later did not remember being told",
             "weighs": False, "weighs_how": "Sure the tablets are poison whatever she is told",
             "communicates": True, "communicates_how": "Says no clearly",
             "steps_taken": "Asked again when calmer, with her glasses and hearing aid, her daughter present; one "
                            "tablet at a time, shown the box",
             "outcome": "lacks", "can_wait": False, "consulted": ["family", "pharmacist"],
             "consulted_names": "Daughter, Mme Claire Leroy: her mother always took her medicines",
             "imca": "not_needed", "wishes": "Always took her medicines; wants to go home to her flat",
             "least_restrictive": "Offered openly at each dose first; covert only if refused",
             "decision_made": "{drug} given covertly, dispersed in yoghurt, if refused, as the pharmacist advised"}
_CAPACITY_REVIEW = timedelta(days=3)
"""The assessment's and the covert decision's review: the delirium may clear with the antibiotic."""


def build_capacity_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The confused woman's capacity assessment for her medicines, lacking, half an hour after the
    doctor was told of her 4AT, whose score it quotes, and her order by mouth the doctor then
    amends to be given covertly on that best-interests decision (`_CAPACITY`): the handover, the
    Patients tab and her strip say "LACKS CAPACITY for medicines", the round her covert dose.
    Returns the records made."""
    from downtime.domain import delirium
    from downtime.services import census

    doctor = _signed_in(db, forms, clock, "doctor")
    patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD) if "Confusion" in (each.reason or ""))
    screened = records.list_current(db, form_id="delirium_screening", patient_id=patient.patient_id)[-1].data
    assessed = elapsed.later(delirium.doctor_told_at(screened) or datetime.fromisoformat(screened["screened_at"]),
                             timedelta(minutes=30))
    review = elapsed.later(assessed, _CAPACITY_REVIEW).isoformat(timespec="minutes")
    tablets = next(order for order in records.list_current(db, form_id="medication_order", patient_id=patient.patient_id)
                   if order.data["route"] == "PO" and not antibacterial(order.data["drug"], order.data["route"]))
    records.save_new(_written_at(doctor, assessed), "capacity_assessment", {
        **_CAPACITY, "impairment_what": _CAPACITY["impairment_what"].format(score=delirium.total(screened)),
        "decision_made": _CAPACITY["decision_made"].format(drug=tablets.data["drug"]),
        "assessed_at": assessed.isoformat(timespec="minutes"), "assessed_by": doctor.user.name,
        "review_by": review}, patient_id=patient.patient_id)
    records.amend(_written_at(doctor, elapsed.later(assessed, timedelta(minutes=30))), tablets.record_id, {
        **tablets.data, "covert": True, "covert_how": "Dispersed in yoghurt, if refused when offered openly",
        "covert_decided_at": assessed.isoformat(timespec="minutes"), "covert_decided_by": f"{doctor.user.name}, doctor",
        "covert_pharmacist": "Inès Roux", "covert_review_by": review}, "Covert administration decided in her best interests")
    return 2


# The woman of 97 in for recurrent falls: fingertip bruises of different ages on both upper arms,
# which falls do not explain, and what she said of her grandson, who lives with her; no one else
# at home depends on her. Raised this morning, the safeguarding team told, then the referral to
# adult social care made with its reference: the handover says "SAFEGUARDING concern raised …:
# referral to adult social care made … (ref …)", the escalation list nothing, the Patients tab
# and her strip nothing (her grandson visits).
_SAFEGUARDING = (("Recurrent falls", ((5, {
    "raised_by": "Hélène Lefèvre", "raiser_role": "nurse", "about": "patient", "adult_or_child": "adult",
    "categories": ["physical", "psychological"],
    "seen_or_said": "Fingertip bruises of different ages on both upper arms, not where she fell. She said: “he "
                    "holds my arms hard when I’m slow, he gets cross”, of her grandson, who lives with her.",
    "dependants": False, "immediate_danger": False,
    "actions_taken": "Body map drawn; doctor examined her; visits by her grandson supervised by the nurse",
    "consent": "given", "team_told_at": timedelta(minutes=20), "team_told_who": "Safeguarding nurse, bleep 4410",
    "referral_decision": "referred", "referral_at": timedelta(minutes=50), "referral_by": "Hélène Lefèvre",
    "referral_ref": "ASC-2611-0417",
    "person_told": "told"}),),),)


def build_safeguarding_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The woman in for recurrent falls: a safeguarding concern referred (`_SAFEGUARDING`). Returns
    the records made."""
    return _charted_demo(db, forms, clock, "safeguarding_concern", "raised_at", _SAFEGUARDING)


# The confused woman watched within eyesight since she tried to leave the ward three hours ago
# (leaving, falls, delirium), the hospital's DoLS urgent authorisation granted then, the standard
# one not yet requested; her log written each hour until 90 minutes ago: the entry is overdue.
_WATCHED = {"where": "bay", "state": "settled", "observer": "Aïcha Benali (HCA)"}
_ENHANCED = (("Confusion, suspected urinary infection", (
    (3, {"kind": "decision", "decision": "set", "level": "eyesight", "risks": ["leaving", "falls", "delirium"],
         "decided_by": "Hélène Lefèvre", "decider_role": "nurse_in_charge", "review_by": timedelta(hours=12),
         "told": "Told her, and her daughter by phone, that a nurse stays with her while she is confused",
         "restrictions": ["door"], "supervised": True, "not_free_to_leave": True, "lacks_capacity": True,
         "urgent_granted_at": timedelta(minutes=10), "urgent_ends_at": timedelta(days=7, minutes=10),
         "urgent_reasons": "Delirium: she tries to leave to find her husband and would come to harm outside; "
                           "she cannot understand why she must stay, and her detention cannot wait"}),
    (2.5, {"kind": "entry", **_WATCHED, "where": "walking", "state": "agitated",
           "doing": "Walking to the ward door, brought back", "behaviour": "Looking for her husband", "engagement": "Walked with her to the day room"}),
    (1.5, {"kind": "entry", **_WATCHED, "doing": "By her bed, dozing", "engagement": "Tea and a photo album",
           "handed_to": "Marc Petit"}))),)


def build_enhanced_observation_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The confused woman's enhanced care chart (`_ENHANCED`). Her only capacity assessment is of her
    medicines, which says nothing of her capacity to consent to being kept on the ward (MCA s.2(1)):
    the lists ask one of the arrangements, as a ward would be asked. Returns the records made."""
    return _charted_demo(db, forms, clock, "enhanced_observation", "noted_at", _ENHANCED)


# The woman with a stroke, her swallow screened this morning: she coughed on the first teaspoon
# and her voice turned wet, so she is nil by mouth, her medicines by mouth stopped (the MAR's and
# the round's NOT BY MOUTH, her doses by mouth since charted not given); the SLT referred and the
# doctor told, the SLT not yet come.
_SWALLOW = (("Stroke", ((3, {"screened_by": "Hélène Lefèvre", "reason": "stroke", "alert_upright": True,
                             "cough_on_request": True, "controls_saliva": True, "teaspoons": "sign",
                             "signs": ["cough", "wet_voice"], "outcome": "fail", "slt_referral": "made",
                             "slt_referred_at": timedelta(minutes=20), "doctor_told_at": timedelta(minutes=25)}),)),)


def build_swallow_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The stroke patient's failed swallow screen, built before the doses (build_medication_demo
    charts hers by mouth since it not given). Returns the screens recorded."""
    return _charted_demo(db, forms, clock, "swallow_screen", "screened_at", _SWALLOW)


# The alcohol withdrawal chart: the man in withdrawal, severe on the night's first check (18: a
# dose, the doctor told), moderate twice after it (doses given: his chlordiazepoxide as required,
# `_SYMPTOM_TRIGGERED`, on the MAR), minimal 3 hours ago, his next check due within the hour; no
# thiamine on his MAR (the escalation list asks the doctor for it).
_CALM = {"nausea": "0", "tremor": "1", "sweats": "0", "anxiety": "1", "agitation": "0", "tactile": "0", "auditory": "0",
         "visual": "0", "headache": "1", "orientation": "0", "seizure": False, "consciousness_falling": False}
_WITHDRAWAL = (("Alcohol withdrawal", (
    (7, {**_CALM, "nausea": "4", "tremor": "4", "sweats": "4", "anxiety": "4", "agitation": "1", "headache": "1",
         "dose_given": True, "dose_given_at": timedelta(minutes=5), "doctor_told": "Dr Benali",
         "doctor_told_at": timedelta(minutes=10)}),
    (6, {**_CALM, "nausea": "1", "tremor": "4", "sweats": "4", "anxiety": "4", "dose_given": True,
         "dose_given_at": timedelta(minutes=5)}),
    (5, {**_CALM, "tremor": "4", "sweats": "1", "anxiety": "4", "headache": "2", "dose_given": True,
         "dose_given_at": timedelta(minutes=5)}),
    (3, {**_CALM, "tremor": "4", "sweats": "1", "anxiety": "1", "headache": "1"}),
)),)


_SYMPTOM_TRIGGERED = {
    "drug": "Chlordiazepoxide", "dose": 20.0, "dose_unit": "mg", "route": "PO", "frequency": "prn",
    "prn_indication": "CIWA-Ar 10 or more, per the alcohol withdrawal protocol", "min_interval_hours": 1,
    "max_doses_24h": 10, "controlled": False, "high_alert": False}
"""His symptom-triggered dose, prescribed at admission (CD Schedule 4: no register, no witness)."""


def build_alcohol_withdrawal_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """One patient's alcohol withdrawal chart, settling, with no thiamine prescribed, and each dose
    a check records given on his MAR at its time, from his chlordiazepoxide as required: the
    chart's ticks with no order behind them were doses his MAR never had (a nurse looking there
    for the last dose found none), and the letters handed on a count with no drug and no mg.
    Returns the checks and doses recorded."""
    from downtime.domain.medication import Check
    from downtime.services import alcohol_withdrawal, census, medication

    made = _charted_demo(db, forms, clock, "alcohol_withdrawal", "checked_at", _WITHDRAWAL)
    ((reason, _),) = _WITHDRAWAL
    patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD) if reason in (each.reason or ""))
    doctor = _signed_in(db, forms, clock, "doctor")
    nurse, night = _nurses(db, forms, clock)
    order = records.save_new(_written_at(doctor, datetime.fromisoformat(patient.admitted_at)), "medication_order",
                             {**_SYMPTOM_TRIGGERED, "start_at": patient.admitted_at}, patient_id=patient.patient_id)
    for check in alcohol_withdrawal.CHART.of(db, patient.patient_id):
        if check.record.data.get("dose_given"):
            given = datetime.fromisoformat(check.record.data["dose_given_at"])
            medication.record_dose(
                _written_at(_on_shift(nurse, night, given), elapsed.later(given, timedelta(minutes=2))),
                order.record_id, {"outcome": "given", "given_at": given.isoformat(timespec="minutes"),
                                  "dose_given": _SYMPTOM_TRIGGERED["dose"], "route": _SYMPTOM_TRIGGERED["route"],
                                  "given_for": f"CIWA-Ar {check.score}"},
                overrides={Check.ALLERGY_UNKNOWN: _NOT_KNOWN_YET})
            made += 1
    return made


# The woman with sepsis, screened three hours ago as her blood pressure fell: red flag sepsis
# (her systolic of 88, her lactate), the Sepsis Six done within the hour and the doctor's review.
# The ward's patient getting worse on oxygen is not screened yet: the escalation list asks.
_SEPSIS = (("Sepsis", ((3.1, {
    "infection": "likely", "source": "unknown", "respiratory_rate": 24, "spo2": 93, "spo2_scale": "scale_1",
    "on_oxygen": False, "systolic_bp": 88, "pulse": 118, "temperature": 38.9, "consciousness": "alert",
    "red_flags": ["lactate"], "oxygen_at": timedelta(minutes=10), "cultures_at": timedelta(minutes=15),
    "lactate_at": timedelta(minutes=15), "fluids_at": timedelta(minutes=20), "antibiotics_at": timedelta(minutes=35),
    "urine_at": timedelta(minutes=40), "reviewed_by": "Dr Benali", "reviewed_at": timedelta(minutes=12),
    "notes": "Lactate 3.1; 500 mL bolus, systolic 104 after it; meropenem (allergic to penicillin: a rash)"}),)),)


_SEPSIS_ANTIBIOTIC = {"drug": "Meropenem", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "once",
                      "indication": "Sepsis of unknown origin", "controlled": False, "high_alert": False,
                      "allergy_reason": "Penicillin: a rash, not anaphylaxis; meropenem agreed with microbiology"}
"""The sepsis patient's antibiotic, prescribed once and charted given at the time her screening
times it: a time on the screening alone is the dose the next nurse may give again."""


def build_sepsis_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The demo ward's patient with sepsis screened and treated, her antibiotic prescribed and
    charted given (`_SEPSIS_ANTIBIOTIC`). Returns the screenings recorded."""
    from downtime.domain.medication import Check
    from downtime.services import census, medication

    now = clock()
    patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD) if "Sepsis" in (each.reason or ""))
    ((_, ((hours, answers),)),) = _SEPSIS
    screened = max(_ago(now, hours=hours), datetime.fromisoformat(patient.admitted_at) + timedelta(minutes=20))
    given = screened + answers["antibiotics_at"]
    doctor = _signed_in(db, forms, clock, "doctor")
    nurse, night = _nurses(db, forms, clock)
    order = records.save_new(_written_at(doctor, given), "medication_order", {
        **_SEPSIS_ANTIBIOTIC, "start_at": given.isoformat(timespec="minutes")}, patient_id=patient.patient_id)
    medication.record_dose(_written_at(_on_shift(nurse, night, given), elapsed.later(given, timedelta(minutes=2))),
                           order.record_id, {"outcome": "given", "given_at": given.isoformat(timespec="minutes"),
                                             "scheduled_for": given.isoformat(timespec="minutes"), "dose_given": 1.0,
                                             "route": "IV"},
                           overrides={Check.ALLERGY: "Reviewed with the prescriber", Check.ALLERGY_UNKNOWN: _NOT_KNOWN_YET})
    return _charted_demo(db, forms, clock, "sepsis_screening", "screened_at", _SEPSIS)


# VTE risk assessed by the ward's doctor an hour after each admission, as the patient's reason
# for admission makes it (the answers that differ from medicine at the usual dose); the man with
# cellulitis, in since the day before, not yet: the handover sheet asks for his.
_VTE = {"Upper GI bleed": {"bleeding_risks": ["active_bleeding"], "prophylaxis": "mechanical",
                           "mechanical_device": "stockings"},
        "Stroke": {"bleeding_risks": ["acute_stroke"], "prophylaxis": "mechanical", "mechanical_device": "ipc"},
        "Pulmonary embolism": {"thrombosis_risks": ["vte_history"], "prophylaxis": "already_anticoagulated"},
        "Overdose": {"mobility": "medical_mobile", "prophylaxis": "not_needed"},
        "Asthma": {"mobility": "medical_mobile", "prophylaxis": "not_needed"},
        "Palliative": {"prophylaxis": "not_needed", "notes": "End of life care: comfort first"},
        "kidney injury": {"notes": "Enoxaparin once today's creatinine is back"},
        "head injury": {"prophylaxis": "mechanical", "mechanical_device": "ipc",
                        "notes": "Head injury: no anticoagulant until the CT head is reported"},
        "Cellulitis": None}
_PRESCRIBED_LATER = "kidney injury"
"""The reason for admission of the one patient whose enoxaparin the doctor decided and has not
prescribed yet, waiting for the creatinine: the escalation list's "VTE PROPHYLAXIS DECIDED …, NOT
ON THE MEDICATION CHART" (it was 15 patients' line, the doctor of the demo prescribing none)."""


def _vte_decided(patient: PatientSummary) -> dict[str, Any] | None:
    """The doctor's VTE answers for the patient's reason for admission (see `_VTE`): medicine at
    the usual dose unless it says otherwise; None for a patient not assessed yet."""
    changed = next((answers for reason, answers in _VTE.items() if reason in (patient.reason or "")), {})
    return None if changed is None else {"mobility": "medical_reduced", "prophylaxis": "pharmacological", **changed}


def _ordered_for(patient: PatientSummary) -> list[tuple[str, float, str, str, str]]:
    """What the patient is on for their reason for admission (`_FOR_REASON`) and the enoxaparin
    of the VTE prophylaxis the doctor decides for them (`_vte_decided`), but `_PRESCRIBED_LATER`'s."""
    reason = (patient.reason or "").lower()
    decided = _vte_decided(patient)
    return [drug for words, drug in _FOR_REASON if words in reason] + (
        [_VTE_PROPHYLAXIS] if decided is not None and decided["prophylaxis"] in MEDICINE
        and _PRESCRIBED_LATER not in reason else [])


# When the doctor assesses each patient after admission, and reassesses them (NICE NG89: within
# 24 hours of admission). Assessed only on admission, most of the ward read "VTE REASSESSMENT DUE".
_VTE_ASSESSED = (timedelta(hours=1), timedelta(hours=20))


def build_vte_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The demo ward's adults assessed for VTE risk by the doctor (see `_VTE`), and reassessed
    alike once in for `_VTE_ASSESSED`'s second span. Returns the assessments recorded."""
    from downtime.services import census

    now = clock()
    doctor = _signed_in(db, forms, clock, "doctor")
    made = 0
    for patient in census.in_patients(db, forms, ward=DEMO_WARD):
        if (decided := _vte_decided(patient)) is None:
            continue
        admitted = datetime.fromisoformat(str(patient.admitted_at))
        for at in [min(admitted + _VTE_ASSESSED[0], now)] + [
                later for later in [admitted + _VTE_ASSESSED[1]] if later <= now]:
            older = patient.birth_date is not None and age_in_years(patient.birth_date, ward_day(at)) > 60
            records.save_new(_written_at(doctor, at), "vte_assessment", {
                "assessed_at": at.isoformat(timespec="minutes"), "thrombosis_risks": ["over_60"] if older else [],
                **decided}, patient_id=patient.patient_id)
            made += 1
    return made


# Restrictions and targets: (the patient's reason for admission, the plan, its volume, the
# drinks since the morning: hours ago and mL).
_PLANS = (("heart failure", "restriction", 1500, ((5, 250), (3, 200), (1, 300))),
          ("acute kidney injury", "target", 2500, ((6, 300), (4, 250), (2, 400))))


def build_fluid_plan_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The patient with heart failure restricted to 1.5 L a day, the one with a kidney injury
    encouraged to drink 2.5 L, each decided on the morning's round, with the day's drinks so far.
    Returns the plans recorded."""
    from downtime.services import census

    now = clock()
    nurse, night = _nurses(db, forms, clock)
    made = 0
    for reason, kind, volume, drinks in _PLANS:
        patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD)
                       if reason in (each.reason or "").lower())
        decided = max(_ago(now, hours=7), datetime.fromisoformat(patient.admitted_at) + timedelta(minutes=15))
        records.save_new(_on_shift(nurse, night, decided), "fluid_plan", {
            "decided_at": decided.isoformat(timespec="minutes"), "kind": kind, "volume": volume,
            "decided_by": "Dr Benali"}, patient_id=patient.patient_id)
        made += 1
        for back, drunk in drinks:
            if (at := _ago(now, hours=back)) > decided:
                records.save_new(_on_shift(nurse, night, at), "fluid_balance", {
                    "measured_at": at.isoformat(timespec="minutes"), "route": "in_oral", "volume": drunk,
                    "what": "Water"}, patient_id=patient.patient_id)
    return made


# The unknown man found at the station with a head injury, hourly since he came in: confused
# and opening his eyes to sound at first, then better.
_NEURO = (("3", "4", "5"), ("3", "4", "6"), ("4", "4", "6"), ("4", "5", "6"))


def build_neuro_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Hourly neurological observations of the demo's unidentified patient with a head injury
    (GCS 12 on arrival, 15 by the last set), pupils equal and brisk, limbs normal. Returns the
    sets recorded."""
    from downtime.services import census

    now = clock()
    nurse, night = _nurses(db, forms, clock)
    patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD) if each.unidentified)
    admitted = datetime.fromisoformat(patient.admitted_at)
    made = 0
    for index, (eyes, verbal, motor) in enumerate(_NEURO):
        taken = admitted + timedelta(minutes=20 + 60 * index)
        if taken > _ago(now, minutes=5):
            break
        records.save_new(_on_shift(nurse, night, taken), "neuro_observations", {
            "taken_at": taken.isoformat(timespec="minutes"), "eyes": eyes, "verbal": verbal, "motor": motor,
            "pupil_left_size": 3, "pupil_left_reaction": "brisk", "pupil_right_size": 3,
            "pupil_right_reaction": "brisk", "arm_left": "normal", "arm_right": "normal", "leg_left": "normal",
            "leg_right": "normal", "next_set_in": "60"}, patient_id=patient.patient_id)
        made += 1
    return made


# The patient in with diabetic ketoacidosis on an insulin infusion: (hours ago, glucose,
# ketones, action), hourly as it resolves, a hypo treated near the end, its recheck, and the
# hourly reading after it: the next is due in a quarter of an hour.
_GLUCOSE = ((8, 18.5, 3.4, "Insulin infusion as prescribed; Dr Benali told of the ketones"), (7, 16.2, 2.8, ""),
            (6, 14.0, 2.1, ""), (5, 12.1, 1.6, ""), (4, 10.5, 1.1, ""), (3, 9.0, 0.7, ""),
            (2, 3.6, None, "Hypo: 150 mL orange juice; insulin rate reviewed with Dr Benali"), (1.75, 5.8, None, ""),
            (0.75, 7.4, 0.4, ""))
_RECHECK = 1.75
"""The hypo's recheck, of the readings above."""


def build_glucose_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Hourly capillary glucose and ketones of the demo's patient with diabetic ketoacidosis, over
    the last eight hours of their stay, each planning the next in an hour (an insulin infusion's),
    a hypo treated and rechecked. Returns the readings."""
    from downtime.services import census

    now = clock()
    nurse, night = _nurses(db, forms, clock)
    patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD) if "ketoacidosis" in (each.reason or ""))
    admitted = datetime.fromisoformat(patient.admitted_at)
    made = 0
    for hours, value, ketones, action in _GLUCOSE:
        taken = _ago(now, hours=hours)
        if taken <= admitted + timedelta(minutes=10):
            continue
        records.save_new(_on_shift(nurse, night, taken), "blood_glucose", {
            "taken_at": taken.isoformat(timespec="minutes"), "reading": "value", "glucose": value, "glucose_unit": "mmol_l",
            **({"ketones": ketones} if ketones is not None else {}), **({"action": action} if action else {}),
            **({"timing": "recheck"} if hours == _RECHECK else {}), "next_in": "60"}, patient_id=patient.patient_id)
        made += 1
    return made


# The patient in with anaemia, given two units of red cells: (donation number, started hours ago,
# ended hours ago or None while it runs). The second started 12 minutes ago: its 15-minute set is due.
_UNITS = (("F0734 26 118042", 4.5, 2.5), ("F0734 26 118057", 0.2, None))
_STABLE = {"respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1", "on_oxygen": False, "systolic_bp": 118,
           "diastolic_bp": 72, "pulse": 84, "consciousness": "alert", "temperature": 36.8}


def build_transfusion_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """The demo's patient with anaemia: two units of red cells prescribed, one given in full with
    its observation sets before, at 15 minutes and after, the second running, its 15-minute set
    due. Returns the units started."""
    from downtime.services import census

    now = clock()
    nurse, night = _nurses(db, forms, clock)
    patient = next(each for each in census.in_patients(db, forms, ward=DEMO_WARD) if "Anaemia" in (each.reason or ""))
    admitted = datetime.fromisoformat(patient.admitted_at)

    def obs(at: datetime) -> None:
        records.save_new(_on_shift(nurse, night, at), "observations", {
            **_STABLE, "taken_at": at.isoformat(timespec="minutes")}, patient_id=patient.patient_id)

    ordered = _ago(now, hours=_UNITS[0][1] + 1)
    if ordered <= admitted + timedelta(minutes=10):
        return 0
    doctor = _signed_in(db, forms, clock, "doctor")
    order = records.save_new(_written_at(doctor, ordered), "blood_order", {
        "ordered_at": ordered.isoformat(timespec="minutes"), "component": "red_cells", "units": 2,
        "each_over": "2 hours", "indication": "Hb 68 g/L, breathless on exertion"}, patient_id=patient.patient_id)
    made = 0
    for number, started_ago, ended_ago in _UNITS:
        started = _ago(now, hours=started_ago)
        obs(_ago(started, minutes=15))
        unit = records.save_new(_on_shift(nurse, night, started), "blood_transfusion", {
            "order": order.record_id, "component": "red_cells", "unit_number": number, "unit_group": "a_pos",
            "patient_group": "a_pos", "use_by": (now + timedelta(days=20)).isoformat(timespec="minutes"),
            "identity_checked": True, "abo_card": "compatible", "started_at": started.isoformat(timespec="minutes"),
            "notes": "Over 2 hours as prescribed"}, patient_id=patient.patient_id)
        made += 1
        if ended_ago is None:
            continue
        obs(elapsed.later(started, timedelta(minutes=15)))
        ended = _ago(now, hours=ended_ago)
        records.save_new(_on_shift(nurse, night, ended), "transfusion_end", {
            "unit": unit.record_id, "ended_at": ended.isoformat(timespec="minutes"), "outcome": "completed",
            "volume": 285, "reaction": False}, patient_id=patient.patient_id)
        obs(elapsed.later(ended, timedelta(minutes=20)))
    return made


# Samples sent to the laboratory: (the patient's reason for admission, the sample's number,
# hours ago, answers). The sepsis patient's lactate and CRP, sent urgently 3 hours ago with the
# cultures, are not back: the escalation tab lists them.
_SAMPLES = (
    ("ketoacidosis", "B26-118842", 6, {"urgency": "urgent", "tests": ["electrolytes"], "requested_by": "Dr Benali"}),
    ("Sepsis", "M26-004512", 3, {"urgency": "urgent", "tests": ["blood_cultures"], "requested_by": "Dr Benali"}),
    ("Sepsis", "B26-118901", 3, {"urgency": "urgent", "tests": ["lactate", "crp"], "requested_by": "Dr Benali"}),
)
# Results the laboratory gave the ward: (the patient's reason for admission, hours ago, answers,
# minutes until a doctor was told or None); a result whose laboratory number is a sample's is of
# that sample. The sepsis
# patient's blood culture was phoned 25 minutes ago and no doctor is told yet: the escalation tab
# lists it.
_RESULTS = (
    ("ketoacidosis", 5, {"received_by": "telephone", "test": "Potassium", "result": "2.9", "units": "mmol/L",
                         "range": "3.5–5.0", "flag": "critical", "caller": "Mme Roux, biochemistry", "read_back": True,
                         "lab_number": "B26-118842", "gives": ["electrolytes"], "told": "Dr Benali",
                         "action": "Potassium chloride added to the infusion, as Dr Benali prescribed"}, 5),
    ("Anaemia", 6, {"received_by": "paper", "test": "Haemoglobin", "result": "68", "units": "g/L",
                    "range": "115–155", "flag": "abnormal", "lab_number": "H26-220419", "told": "Dr Benali",
                    "action": "Two units of red cells prescribed"}, 15),
    ("Sepsis", 25 / 60, {"received_by": "telephone", "test": "Blood culture",
                         "result": "Gram-negative bacilli in 2 of 2 bottles; identification to follow",
                         "flag": "critical", "caller": "M. Petit, microbiology", "read_back": True,
                         "lab_number": "M26-004512", "gives": ["blood_cultures"]}, None),
)

# A critical result phoned for the patient discharged home from 4A six hours ago, no doctor told
# yet: 4A's escalation tab and handover sheet list it after the ward's beds.
_WENT_HOME_RESULT = {"received_by": "telephone", "test": "Blood culture", "result": "Gram-positive cocci in clusters "
                     "in 1 of 2 bottles (taken before discharge)", "flag": "critical",
                     "caller": "M. Petit, microbiology", "read_back": True, "lab_number": "M26-004498"}


def build_lab_results_demo(db: Database, forms: dict[str, FormSpec], clock: Clock = local_now) -> int:
    """Samples sent for two of the demo's patients, and laboratory results phoned or brought up
    on paper for three, two told to the doctor, a critical blood culture not yet; the sepsis
    patient's lactate and CRP, sent with the cultures, not back; a critical blood culture for a
    patient discharged home, not told yet. Returns the results recorded."""
    from downtime.services import census

    now = clock()
    nurse, night = _nurses(db, forms, clock)
    in_patients = census.in_patients(db, forms, ward=DEMO_WARD)

    def patient_in(reason: str, at: datetime) -> PatientSummary | None:
        """The patient in for `reason`, when in by `at` (the demo's arrivals are drawn at random)."""
        found = next(each for each in in_patients if reason in (each.reason or ""))
        return found if at > datetime.fromisoformat(found.admitted_at) + timedelta(minutes=10) else None

    sent: dict[str, str] = {}
    for reason, number, hours, answers in _SAMPLES:
        taken = _ago(now, hours=hours)
        if (patient := patient_in(reason, taken)) is not None:
            sent[number] = records.save_new(_on_shift(nurse, night, taken), "lab_request", {
                **answers, "sample_number": number, "taken_at": taken.isoformat(timespec="minutes")},
                patient_id=patient.patient_id).record_id
    made = 0
    for reason, hours, answers, told_after in _RESULTS:
        received = _ago(now, hours=hours)
        if (patient := patient_in(reason, received)) is None:
            continue
        told = ({"told_at": elapsed.later(received, timedelta(minutes=told_after)).isoformat(timespec="minutes"),
                 "acknowledged": True} if told_after is not None else {})
        request = {"request": sent[answers["lab_number"]]} if answers["lab_number"] in sent else {}
        records.save_new(_on_shift(nurse, night, received), "lab_result", {
            **answers, **told, **request, "received_at": received.isoformat(timespec="minutes")},
            patient_id=patient.patient_id)
        made += 1
    went_home = next(each for each in census.all_patients(db, forms).values()
                     if "Ovarian" in (each.reason or "") and each.stay is StayStatus.DISCHARGED)
    received = _ago(now, hours=1)
    records.save_new(_on_shift(nurse, night, received), "lab_result", {
        **_WENT_HOME_RESULT, "received_at": received.isoformat(timespec="minutes")}, patient_id=went_home.patient_id)
    return made + 1


def _told(number: int, index: int, taken: datetime) -> dict[str, str]:
    """Who was told of the patient on oxygen, in the set's escalation notes; the other
    deteriorating patient's are left empty, for the escalation list to show as not recorded."""
    if number != 0 or index < 2:
        return {}
    return {"notes": f"Registrar Dr Marchetti told at {taken + timedelta(minutes=10):%H:%M}, came to review."}


def create_demo(path: Path, forms: dict[str, FormSpec], *, encrypted: bool,
                clock: Clock = local_now) -> tuple[Vault, DemoSummary]:
    """The demo as a file, encrypted like a real ward's unless asked otherwise: every demo
    account's PIN opens it, so the demo shows the same sign-in a ward will see."""
    key = keyslots.new_key() if encrypted else None
    if key is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for staff_id, _, _, pin in DEMO_ACCOUNTS:
            keyslots.add_slot(path, key, staff_id, pin)
    db = open_database(path, key=key)
    return Vault(path, db, key), build_demo(db, forms, clock)


def is_demo_database(path: Path) -> bool:
    """Whether a file is a demo (so `demo --fresh` may throw it away): an encrypted one must
    open with the demo administrator's PIN, and any database must say it is a demo."""
    key = None
    if keyslots.is_encrypted(path):
        admin_id, _, _, admin_pin = DEMO_ACCOUNTS[0]
        key = keyslots.unwrap(path, admin_id, admin_pin)
        if key is None:
            return False
    try:
        return load_device(open_database(path, create=False, key=key)).is_demo
    except (SetupError, StorageError):
        return False


def remove_demo(path: Path) -> None:
    for leftover in (path, keyslots.keys_path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
