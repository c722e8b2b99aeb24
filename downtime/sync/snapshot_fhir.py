"""The FHIR snapshot: one R4 Bundle from the hospital system with Patient, Encounter (the current
stay), AllergyIntolerance, MedicationStatement (the medicines taken before admission),
MedicationRequest, and Appointment with its Slot and Schedule (the theatre session). The bundle is checked against the R4B models first; then each resource is
mapped onto the same items as the CSV snapshot, naming the entry when something cannot be used.

Where FHIR has no place for something the ward form must know, the safe answer is chosen and
the README says so: allergies absent from the bundle mean "not known", never "none" (which is an
AllergyIntolerance of its own, see `_no_known_allergy`); identity
stays provisional until a nurse sees a document, unless FR Core's identity reliability says the
EHR's staff validated it against one; an order is a controlled drug or high-alert
medicine only when the extensions below say so."""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from downtime.domain.laterality import BILATERAL, LEFT, NOT_APPLICABLE, RIGHT, side_of
from downtime.domain.medication import allergy_status_said
from downtime.i18n import QT_TRANSLATE_NOOP, Phrase
from downtime.formspec import FormSpec, load_form
from downtime.formspec.schema import holds
from downtime.formspec.values import ParseError, offered, parse_datetime
from downtime.paths import forms_dir
from downtime.sync.fr_core import (
    BIRTHPLACE,
    FR_CORE_IDENTITY_RELIABILITY,
    FR_CORE_IDENTITY_STATUS,
    FR_CORE_INSEE_CODE,
    FR_CORE_VALIDATION_MODE,
    IDENTITY_STATUS_PART,
    INSEE_COMMUNES,
    STATUS_CODES,
    VALIDATION_MODE_PART,
    VALIDATION_MODES,
)
from downtime.services.patients import display_name
from downtime.sync.outcome import ImportRefused
from downtime.sync.snapshot import PATIENT_FORM, SnapshotItem, option_named
from downtime.sync.snapshot_csv import NAMES_NO_ALLERGY, fit_allergies, no_time

# The INS's OIDs, as the ANS assigns them and FR Core's Patient INS profile slices them: a NIR, and
# an NIA (a temporary number, awaiting the NIR), each the patient's INS.
INS_SYSTEMS = {"urn:oid:1.2.250.1.213.1.4.8", "urn:oid:1.2.250.1.213.1.4.9"}
CONTROLLED_EXTENSION = "urn:downtime:controlled-drug"
HIGH_ALERT_EXTENSION = "urn:downtime:high-alert-medicine"
TIME_CRITICAL_EXTENSION = "urn:downtime:time-critical-medicine"
DOSE_RULE_EXTENSION = "urn:downtime:variable-dose-rule"
"""A variable-dose order's rule as its prescriber wrote it (insulin by capillary glucose, warfarin
by INR), on its dosage: R4's Dosage has no element for it, and its `text` says the whole dosage."""
ADMIT_SOURCE = {"emd": "emergency", "hosp-trans": "external_transfer", "outp": "planned", "gp": "direct"}
GENDER = {"female": "female", "male": "male", "other": "unknown", "unknown": "unknown"}
UNITS = {"mcg": "microgram", "µg": "microgram", "ug": "microgram", "ml": "mL", "tab": "tablet"}
# An Appointment's surgeon: the participant typed as primary performer (HL7 v3 ParticipationType,
# the value set FHIR binds participant.type to), as the SNOMED CT role Surgeon, or in words
# (English as this app's own FHIR export writes it, or French).
SURGEON_CODES = {("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PPRF"),
                 ("http://snomed.info/sct", "304292004")}
SURGEON_WORDS = {"surgeon", "chirurgien"}
# Its anaesthetist: typed as the SNOMED CT role Anesthesiologist, or in words, as this app's export
# writes it (it was dropped, and an anaesthetist could be booked in two theatres at once).
ANAESTHETIST_CODES = {("http://snomed.info/sct", "88189002")}
ANAESTHETIST_WORDS = {"anaesthetist", "anesthetist", "anaesthesiologist", "anesthesiologist", "anesthésiste"}
NCEPOD_NOTE = "NCEPOD priority:"
NO_PRIORITY = QT_TRANSLATE_NOOP("messages", "{where}: {patient}, {procedure}: no NCEPOD priority in the EHR's "
                                            "extract: loaded as Elective: amend it if more urgent.")
"""Said of each booking whose class neither a ServiceRequest nor its note gives, as most EHR
Appointment extracts are. Loaded as urgent, every hernia of the extract had an NCEPOD target of
hours counted from its decision days before: BREACH at the load, above the ward's own urgent cases;
the coordinator amends the few that are more urgent."""
PERSON_TYPES = {"Practitioner", "PractitionerRole", None}
# Where a refusal or a loaded record is in the bundle, in the words of whoever reads it (they were
# English on a French laptop, "bundle entry 3 (Patient …): Patient.name.family is missing").
ENTRY = QT_TRANSLATE_NOOP("messages", "entry {number} ({resource})")
IN_BUNDLE = QT_TRANSLATE_NOOP("messages", "bundle {where}")
REFUSED_IN_BUNDLE = QT_TRANSLATE_NOOP("messages", "bundle {where}: {problem}")
SNOMED = "http://snomed.info/sct"
NO_KNOWN_ALLERGY = "716186003"  # as sync.fhir_codes writes it (not imported: fhir_core is slow to load)
# SNOMED CT's no known allergy, then no known drug, food and environmental allergy: none is a
# substance the patient reacts to; each of the last three rules out one kind only, so none of
# them is the form's "No known allergies".
NO_ALLERGY_CODES = {NO_KNOWN_ALLERGY, "409137002", "429625007", "428607008"}
# An allergy the EHR withdrew (typed in error) or found not to be one: no allergy at all.
NOT_AN_ALLERGY = {"entered-in-error", "refuted"}


class _Entry:
    """A bundle entry being read, so every complaint names it."""

    def __init__(self, number: int, resource: dict[str, Any], full_url: str | None):
        self.number, self.resource, self.full_url = number, resource, full_url
        self.where = Phrase(ENTRY, {"number": number,
                                    "resource": f"{resource.get('resourceType')} {resource.get('id', '')}".strip()})

    def refuse(self, template: str, **values: object) -> ImportRefused:
        """The entry named, then what is wrong with it: `template`, marked for the catalogue,
        filled with `values`."""
        return ImportRefused(REFUSED_IN_BUNDLE, where=self.where, problem=Phrase(template, values))

    def when(self, value: Any, what: str | Phrase) -> str:
        """A FHIR dateTime with its time of day, as the forms store it."""
        text = str(self.need(value, what))
        if "T" not in text:
            raise self.refuse(QT_TRANSLATE_NOOP("messages", "{what} needs a time of day, not only a date"), what=what)
        try:
            return parse_datetime(text).isoformat(timespec="minutes")
        except ParseError:
            raise self.refuse(QT_TRANSLATE_NOOP("messages", "{what} {text!r} is not a date and time"), what=what,
                              text=text) from None

    def need(self, value: Any, what: str | Phrase) -> Any:
        """`value`, unless the bundle left it out. `what`: its FHIR path, as a Phrase when it
        says more in words ("(the ward)")."""
        if value in (None, "", []):
            raise self.refuse(QT_TRANSLATE_NOOP("messages", "{what} is missing"), what=what)
        return value


def _composed(value: Any) -> Any:
    """Every text of the bundle in Unicode's composed form (NFC), as the ward types it: an EHR
    writing "Hélène" with its accents apart (NFD), written "\\u0301" or not, was another name to
    the duplicate checks, and was stored, printed and exported so. Without its null values: FHIR's
    JSON has none, absent is what they mean, and one the models let through ("given": null)
    escaped the reading as a TypeError, naming no entry. A list's null items are kept, to be
    refused (see `_null_item`)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_composed(item) for item in value]
    if isinstance(value, dict):
        return {key: _composed(item) for key, item in value.items() if item is not None}
    return value


def _null_item(value: Any, at: str) -> str | None:
    """Where in `value`, itself at `at`, a list holds a null ("Patient.name[0].given[1]"), if
    anywhere. Left out, one dose time of three was lost from the MAR, and an entry or a reaction
    from the allergies, nothing said: FHIR's JSON writes such a null only beside an extension
    saying why the item is absent, which the ward cannot act on. The nulls of a primitive's
    extensions ("_timeOfDay") mean no extension for that item: they are not looked at."""
    if isinstance(value, dict):
        return next((found for key, item in value.items()
                     if not key.startswith("_") and (found := _null_item(item, f"{at}.{key}"))), None)
    if isinstance(value, list):
        return next((found for index, item in enumerate(value)
                     if (found := f"{at}[{index}]" if item is None else _null_item(item, f"{at}[{index}]"))), None)
    return None


NULL_ITEM = QT_TRANSLATE_NOOP("messages", "{field} is null: an item of a list is left out or given, never null")


def _load(path: Path) -> tuple[list[_Entry], datetime | None]:
    """The bundle's entries and the time it says its state is of (`timestamp`, if given)."""
    from fhir.resources.R4B.bundle import Bundle

    try:
        raw = _composed(json.loads(path.read_bytes().decode("utf-8-sig")))
    except UnicodeDecodeError:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}: not UTF-8 text"),
                            path=path.name) from None
    except ValueError as problem:
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}: not JSON, or cut short ({problem})"),
                            path=path.name, problem=problem) from None
    if not isinstance(raw, dict) or raw.get("resourceType") != "Bundle":
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}: not a FHIR Bundle"),
                            path=path.name)
    listed = raw["entry"] if isinstance(raw.get("entry"), list) else []  # not a list: the models refuse it
    for number, entry in enumerate(listed, start=1):
        # Skipped, the patient's only allergy was lost, the admission's allergies left unknown.
        if not isinstance(entry, dict) or not isinstance(entry.get("resource"), dict):
            raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, entry {number}: it has no resource"),
                                path=path.name, number=number)
    entries = [_Entry(number, entry["resource"], entry.get("fullUrl")) for number, entry in enumerate(listed, start=1)]
    if untyped := next((entry for entry in entries if not entry.resource.get("resourceType")), None):
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, entry {number}: its resource has no resourceType"),
                            path=path.name, number=untyped.number)
    for entry in entries:
        if field := _null_item(entry.resource, entry.resource["resourceType"]):
            raise entry.refuse(NULL_ITEM, field=field)
    try:
        Bundle.model_validate(raw)
    except ValidationError as problem:
        first = problem.errors()[0]
        loc = list(first["loc"])
        place = (Phrase(QT_TRANSLATE_NOOP("messages", "entry {number}"), {"number": loc[1] + 1})
                 if len(loc) > 1 and loc[0] == "entry" and isinstance(loc[1], int)
                 else Phrase(QT_TRANSLATE_NOOP("messages", "bundle")))
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}, {place}: {field}: {first}"),
                            path=path.name, place=place, field='.'.join(str(p) for p in loc[2:]) or loc[-1], first=first['msg']) from None
    except (KeyError, TypeError, ValueError) as problem:
        # fhir.resources raises these, not a ValidationError, for e.g. an unknown resourceType.
        raise ImportRefused(QT_TRANSLATE_NOOP("messages", "{path}: not a valid FHIR R4 Bundle ({kind}: {problem})"),
                            path=path.name, kind=type(problem).__name__, problem=problem) from None
    return entries, datetime.fromisoformat(raw["timestamp"]) if raw.get("timestamp") else None


def _ref(reference: dict[str, Any] | None) -> str | None:
    """"Patient/123" and "urn:uuid:…" both name an entry by what follows the last slash or colon."""
    text = (reference or {}).get("reference")
    return text.replace("urn:uuid:", "").split("/")[-1] if text else None


def _text(concept: dict[str, Any] | None) -> str | None:
    concept = concept or {}
    return concept.get("text") or next((c.get("display") or c.get("code") for c in concept.get("coding", [])), None)


ORDER_FORM = "medication_order"


@functools.cache
def _order_form() -> FormSpec:
    """The order form as installed: its choices say what an order read from FHIR can be. A copy
    of them here went stale when the form grew (a 12-weekly depot refused the whole snapshot)."""
    return load_form(forms_dir() / f"{ORDER_FORM}.yaml")


@functools.cache
def _booking_form() -> FormSpec:
    """The operation booking form as installed: its priorities' labels are what a ServiceRequest's
    note names."""
    return load_form(forms_dir() / "operation_booking.yaml")


@functools.cache
def _admission_form() -> FormSpec:
    """The admission form as installed: its limits are what an allergy read from FHIR is fitted to."""
    return load_form(forms_dir() / f"{PATIENT_FORM}.yaml")


# A regular order's period in days by its FHIR unit, as the order form's choices give it (see
# Order.every_days): a weekly methotrexate loaded as daily was due every morning. The form's
# "3 months" is 13 weeks, a depot's interval, not a calendar's.
_PERIOD_DAYS = {"d": 1, "wk": 7, "mo": 91 / 3}


def _every_days(entry: _Entry, repeat: dict[str, Any]) -> str:
    """The order form's "How often" of a dosage's repeat with a period, refused when the form
    has no such choice."""
    period, unit = repeat["period"], repeat.get("periodUnit")
    days = round(period * _PERIOD_DAYS.get(str(unit), 0), 6)
    choices = {float(option.code): option.code
               for option in offered(_order_form().field("every_days"))}  # type: ignore[arg-type]
    if days not in choices:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "dosage repeats every {period} {unit}, which the order form "
                                                         "cannot say"), period=str(period), unit=str(unit))
    return choices[days]


# An as-required order's least interval by its FHIR unit, in the order form's hours; a stop given
# as a duration from the start, by its unit.
_PERIOD_HOURS = {"min": 1 / 60, "h": 1, "d": 24}
_DURATION = {"min": "minutes", "h": "hours", "d": "days", "wk": "weeks"}
# The daily maximum's period: the order form's is 24 hours, in hours or as a day.
_A_DAY = {(24, "h"), (1, "d")}


def _unit(entry: _Entry, quantity: dict[str, Any], what: str) -> str:
    """A quantity's unit in the order form's words (`UNITS`), so a dose and its daily maximum compare."""
    unit = str(entry.need(quantity.get("unit") or quantity.get("code"), what))
    return UNITS.get(unit.casefold(), unit)


def _least_interval(entry: _Entry, repeat: dict[str, Any]) -> float:
    """An as-required dosage's least interval between doses: its `timing.repeat` once per period
    ("every 4 to 6 hours", a `periodMax`, is at least 4 hours apart). Several times a period says
    no interval the form could take: it is refused, as is an order without one (the form requires
    it, and its label named no FHIR element the EHR's team could add)."""
    period = entry.need(repeat.get("period"), Phrase(QT_TRANSLATE_NOOP(
        "messages", "dosageInstruction.timing.repeat.period (the least interval between as-required doses)")))
    if repeat.get("frequency", 1) != 1:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "the as-required dosage is given {frequency} times every "
                                                         "{period} {unit}: give its least interval between doses as "
                                                         "timing.repeat frequency 1, period and periodUnit"),
                           frequency=str(repeat["frequency"]), period=str(period), unit=str(repeat.get("periodUnit")))
    hours = _PERIOD_HOURS.get(str(repeat.get("periodUnit")))
    if hours is None:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "dosage repeats every {period} {unit}, which the order form "
                                                         "cannot say"), period=str(period),
                           unit=str(repeat.get("periodUnit")))
    return period * hours


def _most_doses(entry: _Entry, dosage: dict[str, Any], dose: float, unit: str) -> int:
    """An as-required dosage's most doses in 24 hours: its `maxDosePerPeriod` over 24 hours, as
    this app's export writes it, in doses of the order's dose, rounded down (never more than the
    prescriber's maximum). A maximum over another period or in another unit than the dose is
    refused: converting either is a guess at a controlled drug's limit."""
    most = entry.need(dosage.get("maxDosePerPeriod"), Phrase(QT_TRANSLATE_NOOP(
        "messages", "dosageInstruction.maxDosePerPeriod (the most of an as-required medicine in 24 hours)")))
    amount, per = most.get("numerator") or {}, most.get("denominator") or {}
    per_unit = str(per.get("code") or per.get("unit"))
    if (per.get("value"), per_unit) not in _A_DAY:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "maxDosePerPeriod is per {value} {unit}: the order form's "
                                                         "maximum is per 24 h (denominator 24 h)"),
                           value=str(per.get("value")), unit=per_unit)
    amount_unit = _unit(entry, amount, "maxDosePerPeriod.numerator.unit")
    if amount_unit != unit:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "maxDosePerPeriod is in {unit}, the dose in {dose_unit}: give "
                                                         "it in the dose's unit"), unit=amount_unit, dose_unit=unit)
    doses = math.floor(round(entry.need(amount.get("value"), "maxDosePerPeriod.numerator.value") / dose, 6))
    if doses < 1:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "maxDosePerPeriod {value} {unit} is less than one dose"),
                           value=str(amount["value"]), unit=unit)
    return doses


def _as_required(entry: _Entry, dosage: dict[str, Any], dose: float, unit: str) -> dict[str, Any]:
    """When to give it (`asNeededCodeableConcept`, else the dosage's text, the prescriber's words),
    how far apart and how many a day: the order form requires all three, and an order loaded
    without its limits would let the dose dialog pass a seventh morphine an hour after the last."""
    reason = _text(dosage.get("asNeededCodeableConcept")) or dosage.get("text")
    return {"frequency": "prn",
            "prn_indication": entry.need(reason, Phrase(QT_TRANSLATE_NOOP(
                "messages", "dosageInstruction.asNeededCodeableConcept or text (what the as-required medicine is "
                            "given for)"))),
            "min_interval_hours": _least_interval(entry, (dosage.get("timing") or {}).get("repeat") or {}),
            "max_doses_24h": _most_doses(entry, dosage, dose, unit)}


def _course(entry: _Entry, repeat: dict[str, Any]) -> dict[str, str]:
    """Start and stop: `timing.repeat.boundsPeriod` (as this app's export writes an order's), a
    stop as `boundsDuration` from the start, else the start is `authoredOn`. A stop already past
    is loaded as it is, the order stopped then, as a CSV line's `stop_at` is: an EHR leaves a
    finished course "active" until it is tidied, and refusing it would refuse the whole snapshot."""
    bounds = repeat.get("boundsPeriod") or {}
    start = (entry.when(bounds["start"], "timing.repeat.boundsPeriod.start") if bounds.get("start")
             else entry.when(entry.resource.get("authoredOn"), "MedicationRequest.authoredOn"))
    if bounds.get("end"):
        return {"start_at": start, "stop_at": entry.when(bounds["end"], "timing.repeat.boundsPeriod.end")}
    if duration := repeat.get("boundsDuration"):
        length, unit = duration.get("value"), str(duration.get("code") or duration.get("unit"))
        if unit not in _DURATION or length is None:
            raise entry.refuse(QT_TRANSLATE_NOOP("messages", "timing.repeat.boundsDuration {value} {unit}: give it in "
                                                             "min, h, d or wk, or give boundsPeriod.end"),
                               value=str(length), unit=unit)
        stop = datetime.fromisoformat(start) + timedelta(**{_DURATION[unit]: length})
        return {"start_at": start, "stop_at": stop.isoformat(timespec="minutes")}
    return {"start_at": start}


def _flag(resource: dict[str, Any], url: str) -> bool:
    return any(ext.get("url") == url and ext.get("valueBoolean") for ext in resource.get("extension", []))


def _identity(entry: _Entry) -> dict[str, Any]:
    patient = entry.resource
    gender = patient.get("gender", "unknown")
    if gender not in GENDER:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "Patient.gender {gender!r} is not a FHIR administrative gender"),
                           gender=gender)
    values: dict[str, Any] = {"identity_status": "provisional", "sex": GENDER[gender]}
    for identifier in patient.get("identifier", []):
        if identifier.get("system") in INS_SYSTEMS:
            values["nir"] = identifier.get("value")
        elif identifier.get("use") in ("usual", "official") and "ipp" not in values:
            values["ipp"] = identifier.get("value")
    names = patient.get("name", [])
    official = next((n for n in names if n.get("use") == "official"), names[0] if names else {})
    values["birth_name"] = entry.need(official.get("family"), "Patient.name.family")
    values["given_names"] = " ".join(official.get("given", []))
    usual = next((n for n in names if n.get("use") == "usual"), None)
    if usual and usual.get("family"):
        values["used_name"] = usual["family"]
    if born := patient.get("birthDate"):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(born)):  # a valid FHIR date ("1950"), the day of birth unknown
            raise entry.refuse(QT_TRANSLATE_NOOP("messages", "Patient.birthDate {born!r} is not a full date (YYYY-MM-DD): "
                                                             "the admission needs its day and month"), born=born)
        values["birth_date"] = born
    # The patient's own telephone, which the rescheduling list rings: the first not marked old
    # (a CSV snapshot's `phone` column; the FHIR one was not read).
    phone = next((telecom["value"] for telecom in patient.get("telecom", [])
                  if telecom.get("system") == "phone" and telecom.get("use") != "old" and telecom.get("value")), None)
    if phone:
        values["phone"] = phone
    values |= _reliability(entry)
    if birthplace := _birthplace(patient):
        values["birthplace_code"] = birthplace
    return values


def _extension(element: dict[str, Any], url: str) -> dict[str, Any]:
    return next((found for found in element.get("extension", []) if found.get("url") == url), {})


def _coded(extension: dict[str, Any], system: str) -> str | None:
    coding = extension.get("valueCoding") or {}
    return coding.get("code") if coding.get("system") == system else None


def _reliability(entry: _Entry) -> dict[str, str]:
    """The identity as validated, with the document seen, when FR Core's identity reliability
    says VALI; any other status (provisional, doubtful, fictitious) or none leaves it
    provisional. A validation whose document is not one the form lists is refused: the ward
    would take it as checked against nothing it can name."""
    reliability = _extension(entry.resource, FR_CORE_IDENTITY_RELIABILITY)
    if _coded(_extension(reliability, IDENTITY_STATUS_PART), FR_CORE_IDENTITY_STATUS) != STATUS_CODES["validated"]:
        return {}
    mode = _coded(_extension(reliability, VALIDATION_MODE_PART), FR_CORE_VALIDATION_MODE)
    document = next((ours for ours, code in VALIDATION_MODES.items() if code == mode), None)
    if document is None:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "the identity is validated (VALI) but its validationMode "
                                                         "{mode!r} is none of CN, PA, CS, LE, AN ({system})"),
                           mode=mode, system=FR_CORE_VALIDATION_MODE)
    return {"identity_status": "validated", "identity_document": document}


def _birthplace(patient: dict[str, Any]) -> str | None:
    """The birthplace's INSEE code: FR Core 2.1's coded extension of the birthPlace Address, else
    its `district`, where FR Core 2.0 and this app's earlier exports put it. The admission form
    checks its form, naming the entry."""
    address = _extension(patient, BIRTHPLACE).get("valueAddress") or {}
    return _coded(_extension(address, FR_CORE_INSEE_CODE), INSEE_COMMUNES) or address.get("district")


def _place(entry: _Entry) -> dict[str, str]:
    """Ward and bed are the encounter's current locations typed `wa` and `bd`."""
    found = {}
    for location in entry.resource.get("location", []):
        if location.get("status", "active") != "active":
            continue
        codes = {c.get("code") for c in (location.get("physicalType") or {}).get("coding", [])}
        name = (location.get("location") or {}).get("display")
        if "wa" in codes and name:
            found["ward"] = name
        if "bd" in codes and name:
            found["bed"] = name
    entry.need(found.get("ward"), Phrase(QT_TRANSLATE_NOOP("messages", "Encounter.location with physicalType 'wa' (the ward)")))
    return found


def _stay(entry: _Entry) -> dict[str, Any]:
    encounter = entry.resource
    source = ((encounter.get("hospitalization") or {}).get("admitSource") or {}).get("coding", [{}])[0].get("code")
    clinician = next((p["individual"].get("display") for p in encounter.get("participant", [])
                      if p.get("individual", {}).get("display")), None)
    values = {"arrival_at": entry.when((encounter.get("period") or {}).get("start"), "Encounter.period.start"),
              "admission_mode": ADMIT_SOURCE.get(source or "", "direct"),
              "reason": entry.need(_text((encounter.get("reasonCode") or [None])[0]), "Encounter.reasonCode"),
              "admitting_clinician": entry.need(clinician, "Encounter.participant.individual.display"),
              "resuscitation": "not_discussed", **_place(entry)}
    return values


def _status(concept: dict[str, Any] | None) -> str | None:
    return next((c.get("code") for c in (concept or {}).get("coding", [])), None)


def _snomed(allergy: dict[str, Any]) -> set[str]:
    return {c.get("code") for c in (allergy.get("code") or {}).get("coding", []) if c.get("system") == SNOMED}


def _no_known_allergy(allergy: dict[str, Any]) -> bool:
    """SNOMED CT 716186003 "No known allergy", as the IPS and this app's own export write "No
    known allergies"; only while it stands (active, confirmed, or saying neither): an unconfirmed
    or inactive one leaves the allergies not known, to be asked again."""
    return (NO_KNOWN_ALLERGY in _snomed(allergy)
            and _status(allergy.get("clinicalStatus")) in (None, "active")
            and _status(allergy.get("verificationStatus")) in (None, "confirmed"))


SEVERITIES = ("mild", "moderate", "severe")
"""FHIR's reaction severities, least first, as the admission form's codes."""


def _allergy(entry: _Entry) -> dict[str, Any]:
    """An allergy as the admission lists it: every manifestation of every reaction, once each
    ("; " between), the worst severity, and severe for the EHR's criticality high when no
    reaction gives one. The first reaction's first manifestation alone turned a penicillin rash
    then anaphylaxis into "Rash, mild", and a ramipril cough and angioedema into a cough."""
    allergy = entry.resource
    row: dict[str, Any] = {"substance": entry.need(_text(allergy.get("code")), "AllergyIntolerance.code")}
    reactions = allergy.get("reaction") or []
    said = (_text(manifestation) for reaction in reactions for manifestation in reaction.get("manifestation") or [])
    if manifestations := list(dict.fromkeys(text for text in said if text)):
        row["reaction"] = "; ".join(manifestations)
    severities = [reaction["severity"] for reaction in reactions if reaction.get("severity") in SEVERITIES]
    if severities:
        row["severity"] = max(severities, key=SEVERITIES.index)
    elif allergy.get("criticality") == "high":
        row["severity"] = "severe"
    return row


def _medicine(entry: _Entry) -> str:
    """One medicine taken at home as a line of the admission's answer: the drug, then its
    dosage as the EHR words it."""
    statement = entry.resource
    drug = entry.need(_text(statement.get("medicationCodeableConcept")), "MedicationStatement.medicationCodeableConcept")
    dosage = ((statement.get("dosage") or [{}])[0]).get("text")
    return f"{drug}, {dosage}" if dosage else str(drug)


def _order(entry: _Entry) -> dict[str, Any]:
    request = entry.resource
    dosages = request.get("dosageInstruction") or []
    if len(dosages) > 1:  # the second was dropped without a word: a split dose's 80 mg at 20:00
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "{count} dosageInstructions in one MedicationRequest: write "
                                                         "each dosage as its own order"), count=len(dosages))
    dosage = entry.need(dosages[0] if dosages else None, "MedicationRequest.dosageInstruction")
    timing = dosage.get("timing") or {}
    repeat = timing.get("repeat") or {}
    route = _route(entry, dosage.get("route") or {})
    values: dict[str, Any] = {
        "drug": entry.need(_text(request.get("medicationCodeableConcept")), "medicationCodeableConcept"),
        **_dose(entry, dosage), "route": route, **_side(entry, dosage, route),
        **_course(entry, repeat),
        "controlled": _flag(request, CONTROLLED_EXTENSION), "high_alert": _flag(request, HIGH_ALERT_EXTENSION),
        "time_critical": _flag(request, TIME_CRITICAL_EXTENSION)}
    if times := repeat.get("timeOfDay"):
        wrong = [time for time in times if not (isinstance(time, str) and re.fullmatch(r"\d\d:\d\d(:00(\.0+)?)?", time))]
        if wrong:
            # A number escaped as a TypeError, "08:00:30" was cut to 08:00 unsaid: the order's times are on the
            # minute. FHIR's time is hh:mm:ss(.sss): "08:00:00.000" is on it.
            raise entry.refuse(QT_TRANSLATE_NOOP("messages", "timing.repeat.timeOfDay {time!r} is not a time on the "
                                                             "minute (HH:MM:00)"), time=wrong[0])
        values["frequency"], values["times"] = "scheduled", " ".join(time[:5] for time in times)
        if repeat.get("period") is not None:  # else daily, as every order written before it was asked
            values["every_days"] = _every_days(entry, repeat)
    elif dosage.get("asNeededBoolean") or dosage.get("asNeededCodeableConcept"):
        values |= _as_required(entry, dosage, entry.need(values["dose"] or None, "doseQuantity.value"),
                               values["dose_unit"])
    elif len(timing.get("event") or []) == 1:  # a dose at one time, as fhir_medication writes a once-only order
        values["frequency"], values["start_at"] = "once", entry.when(timing["event"][0], "timing.event")
    else:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "dosage has neither timing.repeat.timeOfDay, asNeeded nor one "
                                                         "timing.event"))
    rate = ((dosage.get("doseAndRate") or [{}])[0]).get("rateQuantity") or {}
    if str(rate.get("unit") or rate.get("code") or "").casefold() == "ml/h" and rate.get("value") is not None:
        values["form"], values["rate_ml_h"] = "infusion", rate["value"]  # the order form's rate is in mL/h only
    if requester := (request.get("requester") or {}).get("display"):
        values["prescriber"] = requester
    if reasons := [text for concept in request.get("reasonCode") or [] if (text := _text(concept))]:
        values["indication"] = "; ".join(reasons)  # why it was prescribed, as the app's export sends it
    if identifiers := request.get("identifier"):
        values["ehr_order_id"] = identifiers[0].get("value")
    return values


def _dose(entry: _Entry, dosage: dict[str, Any]) -> dict[str, Any]:
    """The dose, or an as-required range's two ends (`doseRange`, as this app's export writes
    "30-60 mg"): its top is the order's dose, which the medicine's limits weigh, its bottom
    `dose_min`. Ends in two units are refused: which one the dose is in would be a guess. A
    variable dose (`_variable`) is its most, with its rule."""
    amount = (dosage.get("doseAndRate") or [{}])[0]
    span = amount.get("doseRange")
    if (variable := _variable(entry, dosage, amount)) is not None:
        return variable
    if span is None:
        quantity = entry.need(amount.get("doseQuantity"), "dosage doseQuantity")
        return {"dose": quantity.get("value"), "dose_unit": _unit(entry, quantity, "doseQuantity.unit")}
    low, high = entry.need(span.get("low"), "doseRange.low"), entry.need(span.get("high"), "doseRange.high")
    unit, low_unit = _unit(entry, high, "doseRange.high.unit"), _unit(entry, low, "doseRange.low.unit")
    if low_unit != unit:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "doseRange is from {low} {low_unit} to {high} {unit}: give "
                                                         "both ends in one unit"),
                           low=str(low.get("value")), low_unit=low_unit, high=str(high.get("value")), unit=unit)
    return {"dose_min": entry.need(low.get("value"), "doseRange.low.value"),
            "dose": entry.need(high.get("value"), "doseRange.high.value"), "dose_unit": unit}


def _variable(entry: _Entry, dosage: dict[str, Any], amount: dict[str, Any]) -> dict[str, Any] | None:
    """A variable dose's order (the order form's `dose_rule`): a dosage with its rule
    (`DOSE_RULE_EXTENSION`, as this app's export writes it), or one giving only the most one dose
    may be (a `doseRange` with no low, or no dose but a `maxDosePerAdministration`, as an EHR may
    write a sliding scale), its rule then the dosage's text. Its dose is that most; None for a
    dosage of a dose, or of a range of two ends, without a rule. The app's own bundle was
    refused ("dosage doseQuantity is missing"), its insulin by glucose sent with no dose."""
    span, quantity = amount.get("doseRange"), amount.get("doseQuantity")
    rule = _extension(dosage, DOSE_RULE_EXTENSION).get("valueString")
    up_to = span is not None and span.get("low") is None
    most_only = span is None and quantity is None and dosage.get("maxDosePerAdministration") is not None
    if rule is None and not up_to and not most_only:
        return None
    most = entry.need((span or {}).get("high") or dosage.get("maxDosePerAdministration") or quantity,
                      "dosageInstruction.maxDosePerAdministration")
    values = {"dose": entry.need(most.get("value"), "maxDosePerAdministration.value"),
              "dose_unit": _unit(entry, most, "maxDosePerAdministration.unit"),
              "dose_rule": entry.need(rule or dosage.get("text"), Phrase(QT_TRANSLATE_NOOP(
                  "messages", "dosageInstruction.text (the rule a variable dose is given by)")))}
    if span is not None and span.get("low") is not None:
        values["dose_min"] = span["low"].get("value")
    return values


def _route(entry: _Entry, route: dict[str, Any]) -> str:
    """The order form's route: by its SNOMED CT code where the dosage has one the export writes
    (fhir_codes.ROUTES: an eye drop's 54485002 is EYE), else by its words, the form's code or an
    option's label in English or French ("Inhaled", as the export words a route it has no code
    for), else as written, for the form to refuse. The text alone, upper-cased, read the export's
    "Eye" and "Intravenous (IV)" as no route of the form's."""
    from downtime.sync.fhir_codes import ROUTES  # with fhir.resources, loaded by _load, not at start-up

    by_code = {code: ours for ours, (code, _display) in ROUTES.items()}
    coded = [by_code[coding["code"]] for coding in route.get("coding", [])
             if coding.get("system") == SNOMED and coding.get("code") in by_code]
    if coded:
        return coded[0]
    text = str(entry.need(_text(route), "dosage route"))
    return option_named(_order_form().field("route"), text) or text.upper()  # type: ignore[arg-type]


# An eye, ear or nostril's side by the first word of a dosage's `site`, as this app's export
# writes it (fhir_medication._site: "left eye", "both ears").
_SITE_SIDES = {"left": LEFT, "right": RIGHT, "both": BILATERAL}


def _side(entry: _Entry, dosage: dict[str, Any], route: str) -> dict[str, str]:
    """Which eye, ear or nostril, for a route the order form asks it of: chloramphenicol to the
    left eye was refused "Side is required", its `site` unread. A site of another route (an
    injection's "left thigh") is not the form's question, and is not read."""
    field = _order_form().field("side")
    if field.relevant is not None and not holds(field.relevant, {"route": route}):
        return {}
    site = entry.need(_text(dosage.get("site")), Phrase(QT_TRANSLATE_NOOP(
        "messages", "dosageInstruction.site (the eye, ear or nostril: left, right or both)")))
    words = str(site).casefold().split()
    side = _SITE_SIDES.get(words[0]) if words else None
    if side is None:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "dosageInstruction.site {site!r} says neither left, right nor "
                                                         "both"), site=str(site))
    return {"side": side}


def _session(slot: _Entry, schedules: dict[str, _Entry]) -> dict[str, Any]:
    schedule = schedules.get(_ref(slot.resource.get("schedule")) or "")
    if schedule is None:
        raise slot.refuse(QT_TRANSLATE_NOOP("messages", "Slot.schedule does not name a Schedule in the bundle"))
    theatre = next((a.get("display") for a in schedule.resource.get("actor", []) if a.get("display")), None)
    specialty = _text((schedule.resource.get("serviceType") or slot.resource.get("serviceType") or [None])[0])
    return {"theatre": schedule.need(theatre, Phrase(QT_TRANSLATE_NOOP("messages", "Schedule.actor.display (the theatre)"))),
            "specialty": schedule.need(specialty, "Schedule.serviceType"),
            "starts_at": slot.when(slot.resource.get("start"), "Slot.start"),
            "ends_at": slot.when(slot.resource.get("end"), "Slot.end")}


def _actor_type(actor: dict[str, Any] | None, types: dict[str, str]) -> str | None:
    """The resource type an actor is: the bundle entry whose fullUrl it names ("urn:uuid:…" says
    nothing by itself), else Reference.type, else the type in a "Location/or-1" reference; None
    for an actor named only by its display."""
    actor = actor or {}
    reference = str(actor.get("reference") or "")
    if reference in types:
        return types[reference]
    if actor.get("type"):
        return str(actor["type"]).split("/")[-1]
    parts = reference.split("/")
    return parts[-2] if len(parts) > 1 else None


def _typed_as(participant: dict[str, Any], names: set[str], codes: set[tuple[str, str]]) -> bool:
    """Whether a participant's type names it so, in words or by one of these (system, code)."""
    concepts = participant.get("type") or []
    words = {str(c.get("text") or "").casefold() for c in concepts}
    codings = [coding for c in concepts for coding in c.get("coding", [])]
    words |= {str(coding.get("display") or "").casefold() for coding in codings}
    return bool(words & names) or any((c.get("system"), c.get("code")) in codes for c in codings)


def _typed_surgeon(participant: dict[str, Any]) -> bool:
    return _typed_as(participant, SURGEON_WORDS, SURGEON_CODES)


def _anaesthetist(entry: _Entry, types: dict[str, str]) -> str | None:
    """The person typed as the anaesthetist, if one is; two are a guess the clash checks must not
    rest on: the entry is refused."""
    found = [(p.get("actor") or {}).get("display") for p in entry.resource.get("participant", [])
             if _actor_type(p.get("actor"), types) in PERSON_TYPES
             and _typed_as(p, ANAESTHETIST_WORDS, ANAESTHETIST_CODES)]
    if len(found) > 1:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "{count} participants are typed as the anaesthetist; give "
                                                         "one"), count=len(found))
    return str(entry.need(found[0], Phrase(QT_TRANSLATE_NOOP("messages", "Appointment.participant.actor.display (the "
                                                                         "anaesthetist)")))) if found else None


def _priority(entry: _Entry, requests: dict[str, _Entry]) -> str | None:
    """The booking's NCEPOD class, from the ServiceRequest its Appointment is based on: its note
    "NCEPOD priority: Urgent (hours)" as this app's export writes it (which tells the two immediate
    classes apart), else its priority (`NCEPOD_FROM_PRIORITY`): every operation of the EHR's snapshot
    was loaded as elective, and one cancelled by the outage ranked with the hernias, with no NCEPOD
    target. None when neither says (loaded elective all the same, and said: `NO_PRIORITY`)."""
    from downtime.sync.fhir_codes import NCEPOD_FROM_PRIORITY  # with fhir.resources, loaded by _load

    field = _booking_form().field("priority")
    for request in (requests.get(str(_ref(based))) for based in entry.resource.get("basedOn") or []):
        if request is None:
            continue
        for note in request.resource.get("note") or []:
            text = str(note.get("text") or "")
            if text.startswith(NCEPOD_NOTE) and (
                    code := option_named(field, text[len(NCEPOD_NOTE):].strip())) is not None:  # type: ignore[arg-type]
                return code
        if (code := NCEPOD_FROM_PRIORITY.get(str(request.resource.get("priority")))) is not None:
            return code
    return None


def _surgeon(entry: _Entry, types: dict[str, str]) -> str:
    """The participant typed as the surgeon; failing that, the only person given no type at all.
    A theatre, a patient, or a choice between two people is a guess a theatre list must not rest
    on: the entry is refused."""
    people = [p for p in entry.resource.get("participant", []) if _actor_type(p.get("actor"), types) in PERSON_TYPES]
    found = [p for p in people if _typed_surgeon(p)] or [p for p in people if not p.get("type")]
    if not found:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "no participant is the surgeon (a Practitioner with "
                                                         "participant.type PPRF, primary performer)"))
    if len(found) > 1:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "{count} participants could be the surgeon; give the "
                                                         "surgeon's participant.type PPRF (primary performer)"),
                           count=len(found))
    surgeon = (found[0].get("actor") or {}).get("display")
    return str(entry.need(surgeon, Phrase(QT_TRANSLATE_NOOP("messages",
                                                            "Appointment.participant.actor.display (the surgeon)"))))


def _booking(entry: _Entry, types: dict[str, str], priority: str) -> dict[str, Any]:
    appointment = entry.resource
    start = datetime.fromisoformat(entry.when(appointment.get("start"), "Appointment.start"))
    end = datetime.fromisoformat(entry.when(appointment.get("end"), "Appointment.end"))
    procedure = entry.need(_text((appointment.get("serviceType") or [None])[0]) or appointment.get("description"),
                           "Appointment.serviceType")
    # An appointment has no side of its own: its words give it, for the list to print it in full.
    side = side_of(procedure) if isinstance(procedure, str) else NOT_APPLICABLE
    values = {"procedure": procedure, "laterality": side, "priority": priority,
              "decided_at": entry.when(appointment.get("created"), "Appointment.created"),
              "surgeon": _surgeon(entry, types), "planned_start": start.isoformat(timespec="minutes"),
              "expected_minutes": int((end - start).total_seconds() // 60)}
    if anaesthetist := _anaesthetist(entry, types):
        values["anaesthetist"] = anaesthetist
    if identifiers := appointment.get("identifier"):
        values["ehr_booking_id"] = identifiers[0].get("value")
    return values


def _patient_of(entry: _Entry, field: str, patients: dict[str, _Entry]) -> str:
    reference = entry.resource.get(field)
    if field == "participant":
        reference = next((p.get("actor") for p in entry.resource.get("participant", [])
                          if "Patient" in (p.get("actor") or {}).get("reference", "")
                          or _ref(p.get("actor")) in patients), None)
    key = _ref(reference)
    if key not in patients:
        raise entry.refuse(QT_TRANSLATE_NOOP("messages", "{field} does not name a Patient in the bundle"), field=field)
    return str(key)


def _in_bundle(entry: _Entry) -> Phrase:
    """Where a loaded record came from, for the refusals of the records it makes."""
    return Phrase(IN_BUNDLE, {"where": entry.where})


def _listed_beside(where: Phrase, none_known: _Entry | None, listed: _Entry | None) -> tuple[Phrase, ...]:
    """An allergy listed beside a standing "No known allergy" (the allergy entered in the EHR
    after the status was set) is loaded as listed, as the CSV snapshot's is; and said in the
    import's result, both entries named, for the ward to check with the patient: loaded without
    a word, the contradiction in the EHR went unnoticed and unmended."""
    if none_known is None or listed is None:
        return ()
    return (Phrase(QT_TRANSLATE_NOOP("messages", "{where}: {none_known} says \"No known allergy\", but {listed} lists "
                                                 "an allergy: loaded as \"Allergies listed below\", the allergy kept. "
                                                 "Ask the ward to check the patient's allergies with them or their "
                                                 "family."),
                   {"where": where, "none_known": none_known.where, "listed": listed.where}),)


def read_fhir_snapshot(path: Path) -> list[SnapshotItem]:
    entries, as_of = _load(path)
    types = {entry.full_url: entry.resource["resourceType"] for entry in entries if entry.full_url}
    by_type: dict[str, dict[str, _Entry]] = {}
    for entry in entries:
        key = entry.need(entry.resource.get("id"), "id")
        by_type.setdefault(entry.resource["resourceType"], {})[key] = entry
    patients = by_type.get("Patient", {})
    stays: dict[str, tuple[_Entry, dict[str, Any]]] = {}
    for entry in by_type.get("Encounter", {}).values():
        if entry.resource.get("status") == "in-progress":
            patient = _patient_of(entry, "subject", patients)
            if patient in stays:  # the last one read was loaded, the other dropped without a word
                raise entry.refuse(QT_TRANSLATE_NOOP("messages", "Patient {patient} has another in-progress Encounter, "
                                                                 "{other}: which bed are they in? Leave the other out."),
                                   patient=patient, other=stays[patient][0].where)
            stays[patient] = (entry, _stay(entry))
    allergies: dict[str, list[dict[str, Any]]] = {}
    listed: dict[str, _Entry] = {}
    none_known: dict[str, _Entry] = {}
    said_instead: dict[str, list[Phrase]] = {}
    for entry in by_type.get("AllergyIntolerance", {}).values():
        patient = _patient_of(entry, "patient", patients)
        if _no_known_allergy(entry.resource):
            none_known.setdefault(patient, entry)
        elif _status(entry.resource.get("verificationStatus")) in NOT_AN_ALLERGY or _snomed(
                entry.resource) & NO_ALLERGY_CODES:
            continue
        elif allergy_status_said(substance := _text(entry.resource.get("code")) or "") is not None:
            # "No Known Allergies" in words only, uncoded: no allergy, the status left not known.
            said_instead.setdefault(patient, []).append(Phrase(NAMES_NO_ALLERGY, {"where": entry.where,
                                                                                  "substance": substance}))
        else:
            allergies.setdefault(patient, []).append(_allergy(entry))
            listed.setdefault(patient, entry)
    medicines: dict[str, list[str]] = {}
    for entry in by_type.get("MedicationStatement", {}).values():
        if entry.resource.get("status") == "active":
            medicines.setdefault(_patient_of(entry, "subject", patients), []).append(_medicine(entry))
    items = []
    for key, entry in patients.items():
        if key not in stays:
            raise entry.refuse(QT_TRANSLATE_NOOP("messages", "no in-progress Encounter for this patient (who is on the "
                                                             "ward?)"))
        encounter, stay = stays[key]
        # An allergy listed beside a "no known allergy" is listed: the dose checks must see it.
        status = "allergies" if key in allergies else "nka" if key in none_known else "unknown"
        values = {**_identity(entry), **stay, "allergy_status": status}
        # Both entries: a refused bed or reason is the Encounter's, not the Patient's.
        where = Phrase(QT_TRANSLATE_NOOP("messages", "bundle {where}, {encounter}"),
                       {"where": entry.where, "encounter": encounter.where})
        cut: tuple[Phrase, ...] = ()
        if key in allergies:
            values["allergies"], cut = fit_allergies(_admission_form(), allergies[key], where)
        if key in medicines:
            values["usual_medicines"] = "\n".join(medicines[key])
        items.append(SnapshotItem(where, "patient", key, PATIENT_FORM, values,
                                  notes=(*said_instead.get(key, ()),
                                         *_listed_beside(where, none_known.get(key), listed.get(key)), *cut)))
    # No timestamp: said as a CSV snapshot without its snapshot.csv is (its orders' doses before the
    # load were hidden as "in the EHR" without a word).
    untimed = () if as_of is not None else (no_time("Bundle.timestamp"),)
    for key, entry in by_type.get("MedicationRequest", {}).items():
        if entry.resource.get("status") == "active":
            items.append(SnapshotItem(_in_bundle(entry), "order", key, ORDER_FORM, _order(entry),
                                      _patient_of(entry, "subject", patients), notes=untimed, as_of=as_of))
    schedules, slots = by_type.get("Schedule", {}), by_type.get("Slot", {})
    for key, entry in by_type.get("Appointment", {}).items():
        if entry.resource.get("status") not in ("proposed", "pending", "booked"):
            continue
        slot_key = _ref((entry.resource.get("slot") or [None])[0])
        if slot_key not in slots:
            raise entry.refuse(QT_TRANSLATE_NOOP("messages", "Appointment.slot does not name a Slot in the bundle (the "
                                                             "theatre session)"))
        if not any(item.kind == "session" and item.key == slot_key for item in items):
            items.append(SnapshotItem(_in_bundle(slots[slot_key]), "session", str(slot_key),
                                      "theatre_session", _session(slots[slot_key], schedules)))
        priority, patient = _priority(entry, by_type.get("ServiceRequest", {})), _patient_of(entry, "participant", patients)
        booking = _booking(entry, types, priority or "elective")
        unsaid = () if priority else (Phrase(NO_PRIORITY, {
            "where": _in_bundle(entry), "procedure": booking["procedure"],
            "patient": display_name(_admission_form(), _identity(patients[patient]))}),)
        items.append(SnapshotItem(_in_bundle(entry), "booking", key, "operation_booking", booking, patient,
                                  {"session": ("session", str(slot_key))}, notes=unsaid))
    return items
