"""The FHIR value sets the export writes codes from, the maps from the forms' own codes onto
them, and a check that every code in a built bundle is in its value set.

fhir.resources checks structure and cardinality but not codes. A receiving EHR that rejects a
bundle weeks into back-entry is far worse than an export that stops at once, so a code outside
these tables is treated as our bug: the check raises and no bundle is written. Only codes that
truly fit are mapped; anything else travels as text."""

from __future__ import annotations

import functools
import re
import threading
import typing
from collections.abc import Iterator
from typing import Any

from fhir_core.types import Code
from pydantic import BaseModel

from downtime.sync.fr_core import (
    FR_CORE_IDENTIFIER_TYPE,
    FR_CORE_IDENTITY_STATUS,
    FR_CORE_VALIDATION_MODE,
    INSEE_COMMUNES,
)

ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
CONTACT_ROLE = "http://terminology.hl7.org/CodeSystem/v2-0131"
DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition"
# R4's URL; earlier exports wrote STU3's, http://hl7.org/fhir/reason-medication-not-given.
NOT_GIVEN_REASON = "http://terminology.hl7.org/CodeSystem/reason-medication-not-given"
ADMIN_FUNCTION = "http://terminology.hl7.org/CodeSystem/med-admin-perform-function"
CANCELLATION_REASON = "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason"
PROVENANCE_PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
OBSERVATION_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
LOCATION_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type"
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
PARTICIPATION_MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode"
# HL7 v3's participation types: RESP, the responsible party, accountable for an act another
# performs (a student nurse's dose, the ward nurse supervising it): med-admin-perform-function
# has only performer, verifier and witness, and a supervisor sent as a witness read as a
# controlled drug's.
PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
LOINC = "http://loinc.org"
FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
# HL7 v3 confidentiality: R, restricted (a safeguarding concern, fhir_safeguarding).
CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
# What a person must look at before a resource is entered, as a tag on the resource itself: an
# integration engine loads resources and does not read the Provenance's words (fhir_export).
REVIEW = "urn:downtime:review"

# "No known allergies" on the admission form: the IPS's code for an allergy list checked and empty.
NO_KNOWN_ALLERGY = "716186003"
_NEWS2 = "Royal College of Physicians NEWS2 (National Early Warning Score 2)"
# The NEWS2 score concepts of the SNOMED CT UK edition, by the chart row they score.
NEWS2_CODES = {"total": "1104051000000101", "respiratory_rate": "1104301000000104", "spo2_scale_1": "1104311000000102",
               "spo2_scale_2": "1104321000000108", "air_or_oxygen": "1104331000000105",
               "systolic_bp": "1104341000000101", "pulse": "1104351000000103", "consciousness": "1104361000000100",
               "temperature": "1104371000000107"}

# The order and dose forms' routes as SNOMED CT route-of-administration concepts (qualifier
# values, with their preferred terms). Inhaled and nebulised stay text only: which concept each
# is (respiratory tract route? inhalation?) was not certain enough to send.
ROUTES = {"PO": ("26643006", "Oral route"), "IV": ("47625008", "Intravenous route"),
          "IM": ("78421000", "Intramuscular route"), "SC": ("34206005", "Subcutaneous route"),
          "SL": ("37839007", "Sublingual route"), "PR": ("37161004", "Rectal route"),
          "TOP": ("6064005", "Topical route"), "NG": ("127492001", "Nasogastric route"),
          "TD": ("45890007", "Transdermal route"), "EYE": ("54485002", "Ophthalmic route"),
          "EAR": ("10547007", "Otic route"), "NAS": ("46713006", "Nasal route"), "BUC": ("54471007", "Buccal route")}
# The order form's units (and the rate's and the period's) as UCUM codes. A tablet, a puff or a
# drop is counted, not measured: it has none, and goes as the unit's words alone. "units" are
# international units (the form's French says unités, in full): insulin, heparin.
UCUM_UNITS = {"mg": "mg", "g": "g", "microgram": "ug", "mL": "mL", "units": "[IU]", "mmol": "mmol", "mL/h": "mL/h",
              "h": "h"}

# Codings: for each code system, the codes written and their official displays.
SYSTEMS: dict[str, dict[str, str]] = {
    ACT_CODE: {"IMP": "inpatient encounter"},
    ALLERGY_CLINICAL: {"active": "Active"},
    ALLERGY_VERIFICATION: {"unconfirmed": "Unconfirmed", "confirmed": "Confirmed",
                           "entered-in-error": "Entered in Error"},
    CONTACT_ROLE: {"N": "Next-of-Kin"},
    DISCHARGE_DISPOSITION: {"home": "Home", "long": "Long-term care", "rehab": "Rehabilitation",
                            "aadvice": "Left against advice", "exp": "Expired",
                            "other-hcf": "Other healthcare facility", "oth": "Other"},
    NOT_GIVEN_REASON: {"b": "Away", "c": "Asleep", "d": "Vomit"},
    ADMIN_FUNCTION: {"performer": "Performer", "verifier": "Verifier", "witness": "Witness"},
    CANCELLATION_REASON: {"prov": "Provider", "pat": "Patient", "pat-dec": "Patient: Deceased",
                          "maint": "Equipment Maintenance/Repair", "oth-err": "Other: Error"},
    PROVENANCE_PARTICIPANT: {"author": "Author"},
    DATA_OPERATION: {"CREATE": "create", "UPDATE": "revise", "NULLIFY": "nullify"},
    OBSERVATION_CATEGORY: {"vital-signs": "Vital Signs", "survey": "Survey", "exam": "Exam",
                           "laboratory": "Laboratory", "therapy": "Therapy", "social-history": "Social History"},
    OBSERVATION_INTERPRETATION: {"L": "Low", "LL": "Critical low", "H": "High", "HH": "Critical high"},
    LOCATION_TYPE: {"wa": "Ward", "bd": "Bed"},
    # Unknown: a child's PEWS total with no date of birth to score it by (fhir_pews), which stopped
    # the whole export on a KeyError while it was missing here.
    DATA_ABSENT_REASON: {"not-applicable": "Not Applicable", "asked-declined": "Asked But Declined",
                         "not-performed": "Not Performed", "unknown": "Unknown"},
    PARTICIPATION_MODE: {"PHONE": "telephone", "WRITTEN": "written"},
    PARTICIPATION_TYPE: {"RESP": "responsible party"},
    FLAG_CATEGORY: {"safety": "Safety"},
    CONFIDENTIALITY: {"R": "restricted"},
    # What each means, not a display: code_only sends none (see FR_CORE_IDENTIFIER_TYPE).
    FR_CORE_IDENTIFIER_TYPE: {"INS-NIR": "INS of a registered person (NIR)",
                              "INS-NIA": "INS of a person awaiting registration (NIA)"},
    FR_CORE_IDENTITY_STATUS: {"PROV": "Identité provisoire", "VALI": "Identité validée"},
    FR_CORE_VALIDATION_MODE: {"CN": "Carte nationale d'identité", "PA": "Passeport", "CS": "Carte de séjour",
                              "LE": "Livret de famille", "AN": "Extrait d'acte de naissance"},
    REVIEW: {"on-hold": "On hold: two laptops disagree, not settled; do not take it as the record",
             "ask-the-ward": "Ask the ward before entering it: another laptop's record contradicts it",
             "not-to-be-entered": "Not to be entered: the ward said so",
             "later-form": "Written with a later version of its form than the exporting laptop's: export it from an "
                           "up-to-date laptop or the records office",
             "death-not-verified": "Death recorded before it was verified: do not record the death until a later "
                                   "version says verified"},
    LOINC: {"9279-1": "Respiratory rate", "2708-6": "Oxygen saturation in Arterial blood",
            "59408-5": "Oxygen saturation in Arterial blood by Pulse oximetry",
            "3151-8": "Inhaled oxygen flow rate", "8867-4": "Heart rate", "8310-5": "Body temperature",
            "85354-9": "Blood pressure panel with all children optional", "8480-6": "Systolic blood pressure",
            "8462-4": "Diastolic blood pressure", "8302-2": "Body height", "29463-7": "Body weight",
            # A falls-risk assessment's lying and standing blood pressure, by position (fhir_falls_risk).
            "8461-6": "Systolic blood pressure--supine", "8455-8": "Diastolic blood pressure--supine",
            "8460-8": "Systolic blood pressure--standing", "8454-1": "Diastolic blood pressure--standing",
            "8459-0": "Systolic blood pressure--sitting", "8453-3": "Diastolic blood pressure--sitting",
            "34746-8": "Nurse Note", "11506-3": "Progress note",
            "9269-2": "Glasgow coma score total", "9267-6": "Glasgow coma score eye opening",
            "9270-0": "Glasgow coma score verbal", "9268-4": "Glasgow coma score motor",
            "14743-9": "Glucose [Moles/volume] in Capillary blood by Glucometer"},
    SNOMED: {NO_KNOWN_ALLERGY: "No known allergy",
             "304251008": "Resuscitation status", "304253006": "Not for resuscitation",
             "735324008": "Treatment escalation plan", "133918004": "Comfort measures",
             NEWS2_CODES["total"]: f"{_NEWS2} total score",
             NEWS2_CODES["respiratory_rate"]: f"{_NEWS2} - respiration rate score",
             NEWS2_CODES["spo2_scale_1"]: f"{_NEWS2} - oxygen saturation scale 1 score",
             NEWS2_CODES["spo2_scale_2"]: f"{_NEWS2} - oxygen saturation scale 2 score",
             NEWS2_CODES["air_or_oxygen"]: f"{_NEWS2} - air or oxygen score",
             NEWS2_CODES["systolic_bp"]: f"{_NEWS2} - systolic blood pressure score",
             NEWS2_CODES["pulse"]: f"{_NEWS2} - pulse score",
             NEWS2_CODES["consciousness"]: f"{_NEWS2} - consciousness score",
             NEWS2_CODES["temperature"]: f"{_NEWS2} - temperature score",
             **{code: display for code, display in ROUTES.values()}},
}
# Code systems too large to list (France's communes), each with the form of its codes, sent
# without a display: a code of another form fails the check as one outside a listed system does.
PATTERNED: dict[str, re.Pattern[str]] = {INSEE_COMMUNES: re.compile(r"\d{5}|2[AB]\d{3}")}

# Elements of type code, by path from their resource: the codes written there.
ELEMENTS: dict[str, frozenset[str]] = {path: frozenset(codes) for path, codes in {
    "Bundle.type": {"transaction"},
    "Bundle.entry.request.method": {"POST", "PUT", "PATCH"},
    "Parameters.parameter.part.valueCode": {"add", "delete"},
    "Patient.identifier.use": {"temp", "usual", "official"},
    "Patient.name.use": {"temp", "usual", "official"},
    "Patient.gender": {"female", "male", "unknown"},
    "Patient.link.type": {"replaced-by"},
    "Patient.telecom.system": {"phone"},
    "Patient.contact.telecom.system": {"phone"},
    "Encounter.status": {"in-progress", "finished", "entered-in-error"},
    "Encounter.location.status": {"active", "completed"},
    "AllergyIntolerance.reaction.severity": {"mild", "moderate", "severe"},
    "AllergyIntolerance.criticality": {"high"},
    "AllergyIntolerance.category": {"food", "medication", "environment"},
    "MedicationRequest.status": {"active", "completed", "stopped", "entered-in-error"},
    "MedicationRequest.intent": {"order"},
    "MedicationStatement.status": {"active", "on-hold", "stopped", "entered-in-error"},
    "MedicationAdministration.status": {"in-progress", "on-hold", "completed", "stopped", "not-done",
                                        "entered-in-error"},
    "ServiceRequest.status": {"active", "completed", "revoked", "unknown", "entered-in-error"},
    "ServiceRequest.intent": {"order"},
    "ServiceRequest.priority": {"routine", "urgent", "asap", "stat"},
    "Appointment.status": {"booked", "fulfilled", "cancelled", "noshow", "entered-in-error"},
    "Appointment.participant.status": {"accepted", "needs-action"},
    "Provenance.entity.role": {"source"},
    "NutritionOrder.status": {"active", "completed", "entered-in-error"},
    "NutritionOrder.intent": {"order"},
    "Observation.status": {"final", "amended", "cancelled", "entered-in-error"},
    "RiskAssessment.status": {"final", "amended", "entered-in-error"},
    "DocumentReference.status": {"current", "entered-in-error"},
    "Procedure.status": {"in-progress", "completed", "stopped", "not-done", "entered-in-error"},
    "QuestionnaireResponse.status": {"completed", "amended", "entered-in-error"},
    "Communication.status": {"completed", "entered-in-error"},
    "Flag.status": {"active", "inactive", "entered-in-error"},
    "Communication.priority": {"routine", "stat"},
    "DocumentReference.docStatus": {"final", "amended"},
    "DocumentReference.content.attachment.contentType": {"text/plain; charset=utf-8"},
    "Observation.valueQuantity.code": {"/min", "%", "L/min", "Cel", "cm", "kg", "mL", "mmol/L", "{score}"},
    "Observation.valueQuantity.comparator": {"<", ">", ">="},
    "Observation.component.valueQuantity.comparator": {">"},
    "Observation.component.valueQuantity.code": {"mm[Hg]", "mm", "cm", "kg", "kg/m2", "mmol/L", "/min", "%", "L/min", "Cel",
                                                 "mL", "mL/h"},
    "NutritionOrder.oralDiet.nutrient.amount.code": {"mL"},
    "MedicationRequest.dosageInstruction.doseAndRate.doseQuantity.code": set(UCUM_UNITS.values()),
    "MedicationRequest.dosageInstruction.doseAndRate.doseRange.low.code": set(UCUM_UNITS.values()),
    "MedicationRequest.dosageInstruction.doseAndRate.doseRange.high.code": set(UCUM_UNITS.values()),
    "MedicationRequest.dosageInstruction.doseAndRate.rateQuantity.code": {"mL/h"},
    "MedicationRequest.dosageInstruction.maxDosePerPeriod.numerator.code": set(UCUM_UNITS.values()),
    "MedicationRequest.dosageInstruction.maxDosePerAdministration.code": set(UCUM_UNITS.values()),
    "MedicationRequest.dosageInstruction.maxDosePerPeriod.denominator.code": {"h"},
    "MedicationRequest.dosageInstruction.timing.repeat.periodUnit": {"d", "h"},
    "MedicationAdministration.dosage.dose.code": set(UCUM_UNITS.values()),
    "MedicationAdministration.dosage.rateQuantity.code": {"mL/h"},
}.items()}

# Where a form's own code has a FHIR code that means the same thing.
DISCHARGE_DESTINATION = {"home": "home", "home_with_support": "home", "care_home": "long",
                         "rehabilitation": "rehab", "against_advice": "aadvice", "other": "oth"}
# Refused, nil by mouth, not available, held and other have no code of their own ("a", None, is
# "no reason known"); vomited is "d", Vomit.
NOT_GIVEN = {"patient_away": "b", "asleep": "c", "vomited": "d"}
CANCELLED_BECAUSE = {"surgeon_unavailable": "prov", "anaesthetist_unavailable": "prov",
                     "theatre_staff_unavailable": "prov", "equipment_failure": "maint",
                     "administrative_error": "oth-err", "patient_declined": "pat", "did_not_attend": "pat",
                     "patient_died": "pat-dec"}
# NCEPOD classes onto request-priority, most urgent first in both: urgent (hours) is sooner
# than expedited (days), as asap is sooner than urgent.
NCEPOD_PRIORITY = {"immediate_a": "stat", "immediate_b": "stat", "urgent": "asap", "expedited": "urgent",
                   "elective": "routine"}
# A ServiceRequest's priority read back as an NCEPOD class: "stat" is either immediate class, read
# as the more urgent, life-saving one (the EHR's snapshot loaded every operation as elective).
NCEPOD_FROM_PRIORITY = {"stat": "immediate_a", "asap": "urgent", "urgent": "expedited", "routine": "elective"}
GENDER = {"female": "female", "male": "male", "unknown": "unknown"}
SEVERITY = {"mild": "mild", "moderate": "moderate", "severe": "severe"}


class CodeOutsideValueSet(RuntimeError):
    """The export wrote a code its value set does not hold: a bug in the export, never the
    user's doing, so it is not a UserError the command line would word politely."""


def coding(system: str, code: str) -> dict[str, str]:
    """A Coding with its official display; a code missing from the tables fails here, where
    the bug is, rather than in the final check."""
    return {"system": system, "code": code, "display": SYSTEMS[system][code]}


def code_only(system: str, code: str) -> dict[str, str]:
    """A Coding without a display, for a code system whose displays could not be checked; a
    code missing from the tables fails here, as in `coding`."""
    if code not in SYSTEMS[system]:
        raise KeyError(f"{system}|{code}")
    return {"system": system, "code": code}


def check_codes(bundle: dict[str, Any]) -> None:
    """Raise CodeOutsideValueSet naming every code of the bundle outside its value set, and
    every code-typed element or code system these tables do not cover."""
    check = CodeCheck({key: value for key, value in bundle.items() if key != "entry"})
    for entry in bundle["entry"]:
        check.add(entry)
    check.finish()


class _Learned:
    """What the R4B models have shown in this process: the shapes of entry they passed, the
    elements they found to be codes and codings, and each element's path by its parent's path and
    its name. Kept from one export to the next: a ward exports at every handover, and each
    export sent every shape through the models again, half of a small export's time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.shapes: set[tuple[str, frozenset[str]]] = set()
        self.codes: set[str] = set()
        self.codings: set[str] = set()
        self.children: dict[str, dict[str, str]] = {}
        self.learnt = 0
        """How many times the models have been through an entry: a check's `known` is current while
        it read them at this count (another thread's export may have learnt more since)."""


_LEARNED = _Learned()


class CodeCheck:
    """check_codes one entry at a time, so that a bundle can be checked as it is written.

    A month of a hospital is a million resources, and validating each with the FHIR models
    would take longer than the outage. Resources built by the same code have the same shape (the
    same elements), so one resource of each shape goes through the R4B models, once a process
    (`_Learned`), which check its structure and say which of its elements are codes and codings;
    every resource's values at those elements are then checked against the tables."""

    def __init__(self, head: dict[str, Any]) -> None:
        """`head` is the bundle without its entries."""
        self.head = head
        self.codes, self.codings, self.children = _LEARNED.codes, _LEARNED.codings, _LEARNED.children
        self.known: frozenset[str] = frozenset()
        self.learnt = -1
        self.problems: dict[str, None] = {}
        self._validate([])

    def _validate(self, entries: list[dict[str, Any]]) -> None:
        from fhir.resources.R4B.bundle import Bundle

        with _LEARNED.lock:
            self.problems.update(dict.fromkeys(_problems(Bundle.model_validate({**self.head, "entry": entries}),
                                                         "Bundle", self)))
            _LEARNED.learnt += 1
            self._know()

    def _know(self) -> None:
        self.known, self.learnt = frozenset(self.codes | self.codings), _LEARNED.learnt

    def add(self, entry: dict[str, Any]) -> list[str]:
        """Check one entry, the first of its shape going through the R4B models first, and
        return its literal references, which the same walk finds, for the bundle to resolve.

        The walk keeps the values at every element known so far to be a code or a coding: once
        a shape has been through the models, those are all of its own."""
        walk = _Walk(self.known, self.children, entry)
        shape = (entry["resource"]["resourceType"], frozenset(walk.paths))
        if shape not in _LEARNED.shapes:
            self._validate([entry])
            _LEARNED.shapes.add(shape)
            walk = _Walk(self.known, self.children, entry)
        elif self.learnt != _LEARNED.learnt:
            with _LEARNED.lock:
                self._know()
            walk = _Walk(self.known, self.children, entry)
        for path, value in walk.found:
            if isinstance(value, dict):
                if path in self.codings:
                    self._coding(path, value.get("system"), value.get("code"), value.get("display"))
            elif path in self.codes and not isinstance(value, list) and value not in ELEMENTS.get(path, ()):
                self.problems.update(dict.fromkeys(_code_problem(path, value)))
        return walk.references

    def _coding(self, path: str, system: Any, code: Any, display: Any) -> None:
        codes = SYSTEMS.get(system) if isinstance(system, str) else None
        if codes is None or code not in codes or (display is not None and display != codes[code]):
            self.problems.update(dict.fromkeys(_coding_problem(path, system, code, display)))

    def finish(self) -> None:
        if self.problems:
            raise CodeOutsideValueSet("FHIR export wrote codes outside their value sets: " + "; ".join(self.problems))


class _Walk:
    """The one walk each checked entry gets: every element's path as the FHIR models name it
    (list items share their element's path, and a resource starts its own paths), the values at
    the `watched` paths, and every literal reference."""

    __slots__ = ("watched", "children", "paths", "found", "references")

    def __init__(self, watched: frozenset[str], children: dict[str, dict[str, str]], entry: dict[str, Any]) -> None:
        self.watched = watched
        self.children = children
        self.paths: set[str] = set()
        self.found: list[tuple[str, Any]] = []
        self.references: list[str] = []
        self.members(entry, "Bundle.entry")

    def members(self, value: dict[str, Any], path: str) -> None:
        base = value["resourceType"] if "resourceType" in value else path
        names = self.children.get(base)
        if names is None:
            names = self.children[base] = {}
        paths, watched = self.paths, self.watched
        for key, item in value.items():
            child = names.get(key)
            if child is None:
                child = names[key] = f"{base}.{key}"
            paths.add(child)
            if child in watched:
                self.found.append((child, item))
            # Most values are plain strings: their type is asked first, and isinstance only of
            # anything else (a subclass of dict, list or str is walked as those are).
            kind = type(item)
            if kind is str:
                if key == "reference":
                    self.references.append(item)
            elif kind is dict or (kind is not list and isinstance(item, dict)):
                self.members(item, child)
            elif kind is list or isinstance(item, list):
                self.items(item, child)
            elif key == "reference" and isinstance(item, str):
                self.references.append(item)

    def items(self, value: list[Any], path: str) -> None:
        watched = path in self.watched
        for item in value:
            if watched:
                self.found.append((path, item))
            if isinstance(item, dict):
                self.members(item, path)
            elif isinstance(item, list):
                self.items(item, path)


def _coding_problem(path: str, system: Any, code: Any, display: Any) -> Iterator[str]:
    pattern = PATTERNED.get(str(system))
    if pattern is not None:
        if not (isinstance(code, str) and pattern.fullmatch(code)) or display is not None:
            yield f"{path}: {system}|{code} is not a code of that system, or has a display"
        return
    codes = SYSTEMS.get(str(system))
    if codes is None or code not in codes:
        yield f"{path}: {system}|{code} is not in the value set"
    elif display is not None and display != codes[str(code)]:
        yield f"{path}: {system}|{code} has display {display!r}, not {codes[str(code)]!r}"


def _code_problem(path: str, value: Any) -> Iterator[str]:
    allowed = ELEMENTS.get(path)
    if allowed is None:
        yield f"{path}: no value set is listed for this element"
    elif value not in allowed:
        yield f"{path}: {value!r} is not one of {sorted(allowed)}"


def _problems(model: BaseModel, path: str, kinds: CodeCheck) -> Iterator[str]:
    from fhir.resources.R4B.coding import Coding
    from fhir.resources.R4B.resource import Resource

    if isinstance(model, Coding):
        kinds.codings.add(path)
        yield from _coding_problem(path, model.system, model.code, model.display)
        return
    codes = _code_fields(type(model))
    for name in sorted(model.model_fields_set):
        value = getattr(model, name)
        element = f"{path}.{type(model).model_fields[name].alias or name}"
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Resource):
                yield from _problems(item, item.get_resource_type(), kinds)
            elif isinstance(item, BaseModel):
                yield from _problems(item, element, kinds)
            elif item is not None and name in codes:
                kinds.codes.add(element)
                yield from _code_problem(element, item)


@functools.cache
def _code_fields(model: type[BaseModel]) -> frozenset[str]:
    """The elements of type code of a FHIR model, read from its type annotations."""
    return frozenset(name for name, field in model.model_fields.items() if _is_code(field.annotation))


def _is_code(annotation: Any) -> bool:
    return any(isinstance(arg, Code) or _is_code(arg) for arg in typing.get_args(annotation))
