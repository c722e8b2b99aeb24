"""What an admission says of the patient's allergies, as AllergyIntolerance resources an EHR
can keep up to date from one bundle to the next.

Each allergy's id is derived from the admission record and the substance as domain.duplicates
folds it (case, accents and spacing aside), not from its place in the list: the EHR updates an
allergy on its identifier, and with ids by position, removing the first of [Latex, Codeine]
sent Codeine under Latex's identifier (Latex overwritten, Codeine twice) and removing the last
sent nothing (the allergy stayed active in the EHR). The substance is what the ward recognises
an allergy by, and the form keeps no id per row; the same substance listed twice on one
admission is told apart by its rank among its namesakes. Correcting a substance's spelling
beyond folding ("Codiene" to "Codeine") withdraws the first and sends the second.

"No known allergies" is an AllergyIntolerance coded SNOMED CT 716186003 "No known allergy",
confirmed, as the IPS writes it; "not known yet" sends nothing, FHIR's way of saying nothing is
known. Sending nothing for both left the EHR unable to tell a patient checked from one never
asked.

An allergy (or the "no known allergy") an earlier version of the admission stated and the
current one does not goes again with verificationStatus entered-in-error, built from the last
version that stated it, with the amendment that dropped it in a note. Entered in error, not
refuted: the ward amended the admission record, which says an earlier version was wrong, not
that the allergy was disproved clinically (refuted, which the EHR keeps on show as a fact about
the patient); nor resolved, which a ward says by keeping the allergy, not by deleting it.
Earlier versions are all in the database, from every laptop merged into it, so the withdrawal is
in every bundle that holds the patient, whichever database made the earlier bundles; posted
where the allergy was never sent, it creates only an entry already withdrawn.

Earlier releases' bundles (ids by place: `allergy-0`, `allergy-1`…) left the EHR allergies under
identifiers no bundle sends any more: each one this database's exports sent (storage.fhir_sent)
goes again entered in error, as an update, the allergies going under their own identifiers beside
it. Without that, removing an allergy after such a bundle left it active in the EHR.

An allergy whose severity is severe, or whose words say an immediate or severe reaction as the
drug checks read them (domain.medication.severe_reaction: anaphylaxis, angioedema…), goes with
criticality high: "Penicillin / Anaphylaxis / severe" reached the EHR with none, its
high-criticality alerts never raised. Any other goes without one, not low: FHIR's low is a
judgement that the next exposure is not dangerous, which a mild rash last time does not make.
A severity with no reaction written goes as "Reaction not recorded" (R4 requires a
manifestation in a reaction): the substance sent as its own reaction read "Latex: Latex".
Its category is sent where the substance is known to be one (`category`), so that an EHR does not
file latex and peanuts with the drug allergies it checks prescriptions against; none where
unknown, FHIR's way of not saying."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from downtime.domain import dose_limits
from downtime.domain.duplicates import fold
from downtime.domain.medication import (ALLERGY_CLASSES, ANTICOAGULANTS, CONTROLLED_DRUGS, HIGH_ALERT_DRUGS,
                                        HIGH_ALERT_INJECTED, INSULIN_NAMES, PRODUCTS, TIME_CRITICAL_DRUGS,
                                        allergy_matches, medicines_in, severe_reaction)
from downtime.domain.theatre import latex_allergic
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.sync.fhir_codes import ALLERGY_CLINICAL, ALLERGY_VERIFICATION, NO_KNOWN_ALLERGY, SEVERITY, SNOMED, coding
from downtime.sync.fhir_elements import derived_id, moment, record_identifier, reference

NO_KNOWN_ALLERGIES = "nka"
LISTED = "allergies"
_NO_KNOWN_KEY = "no-known-allergy"
BY_PLACE_WITHDRAWN = ("Allergy {place} of the admission's list, sent by an earlier bundle under an identifier made from its"
                      " place, which held {held}; the allergies now go under identifiers of their own")
REACTION_NOT_RECORDED = "Reaction not recorded"
MEDICINES = frozenset().union(*(medicines_in(name) for name in (
    *(member for _, members in ALLERGY_CLASSES.values() for member in members), *PRODUCTS, *CONTROLLED_DRUGS,
    *TIME_CRITICAL_DRUGS, *HIGH_ALERT_DRUGS, *HIGH_ALERT_INJECTED, *ANTICOAGULANTS, *INSULIN_NAMES,
    *dose_limits.RULES)))
"""The medicines the app's tables name, as `medicines_in` reads them (a brand as what it holds)."""
FOODS = frozenset({
    "gluten", "wheat", "ble", "crustacean", "crustace", "shellfish", "seafood", "fruit de mer", "prawn", "shrimp",
    "crevette", "crab", "crabe", "lobster", "homard", "egg", "oeuf", "fish", "poisson", "peanut", "arachide",
    "cacahuete", "soy", "soya", "soja", "milk", "lait", "dairy", "lactose", "nut", "tree nut", "fruit a coque", "noix",
    "hazelnut", "noisette", "almond", "amande", "walnut", "cashew", "cajou", "pistachio", "pistache", "pecan",
    "celery", "celeri", "mustard", "moutarde", "sesame", "lupin", "mollusc", "mollusque", "mussel", "oyster", "huitre"})
"""The foods that cause most food allergies, the fourteen allergens food labels must name (EU
regulation 1169/2011, annex II, sulphites aside: medicines hold them too), in English and French,
as `_plain` writes them."""


def allergy_resources(spec: FormSpec, admission: RecordVersion, earlier: Sequence[RecordVersion],
                      patient_id: str, encounter_id: str, sent: Callable[[str], bool],
                      author: Callable[[RecordVersion], dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Each allergy of the patient's, asserted in the stay the admission opened (`encounter_id`):
    what the current version states, entered in error when the admission is; then what
    `earlier` versions of the admission (any order, the current one among them or not) stated
    and it no longer does, entered in error; then each identifier by place an earlier export
    sent (`sent`: whether an AllergyIntolerance went under it), entered in error. Each is
    recorded when the first version stating it was typed, by its author (`author`: who wrote a
    version, as the bundle refers to them; None names no recorder): an amendment elsewhere on
    the admission leaves it as the EHR has it, and the anaesthetist who added a chlorhexidine
    anaphylaxis is the one the EHR asks about it, not the nurse who admitted the patient."""
    versions = sorted((version for version in earlier if version.id != admission.id), key=lambda v: v.version)
    versions.append(admission)
    first_stated: dict[str, RecordVersion] = {}
    last_stated: dict[str, tuple[dict[str, Any] | None, int]] = {}
    for index, version in enumerate(versions):
        for key, row in _stated(spec, version).items():
            first_stated.setdefault(key, version)
            last_stated[key] = (row, index)
    current = _stated(spec, admission)
    about = {"patient": reference(patient_id), "encounter": reference(encounter_id)}
    withdrawn = admission.status is RecordStatus.ENTERED_IN_ERROR

    def stated(key: str, row: dict[str, Any] | None, withdrawn: bool, note: str | None) -> dict[str, Any]:
        first = first_stated[key]
        resource = _stated_resource(admission.record_id, key, row, first.recorded_at, about, withdrawn, note)
        return resource | {"recorder": author(first)} if author is not None else resource

    found = [stated(key, row, withdrawn, None) for key, row in current.items()]
    for key, (row, index) in last_stated.items():
        if key not in current:
            dropped_by = versions[index + 1]
            note = f"Removed from the admission record by its version {dropped_by.version}" + (
                f": {dropped_by.reason}" if dropped_by.reason else "")
            found.append(stated(key, row, True, note))
    return found + _by_place(spec, admission.record_id, versions, about, sent)


def _by_place(spec: FormSpec, record_id: str, versions: Sequence[RecordVersion], about: dict[str, Any],
              sent: Callable[[str], bool]) -> list[dict[str, Any]]:
    """The identifiers by place an earlier export sent, withdrawn. Which allergy the EHR's copy
    holds depends on the version that bundle carried, which is not known here: the resource
    names no substance (the EHR keeps the one it had in its history), and its note names each
    that place held, in turn."""
    rows_field = spec.by_meaning(Meaning.ALLERGIES)
    if rows_field is None:
        return []
    first_at: dict[int, datetime] = {}
    held: dict[int, list[str]] = {}
    for version in versions:
        for place, row in enumerate(version.data.get(rows_field.id) or []):
            first_at.setdefault(place, version.recorded_at)
            substances = held.setdefault(place, [])
            if str(row.get("substance")) not in substances:
                substances.append(str(row.get("substance")))
    found = []
    for place, substances in held.items():
        key = f"allergy-{place}"
        if sent(derived_id(record_id, key)):
            resource = _resource(record_id, key, about, first_at[place], "entered-in-error", None)
            resource["note"] = [{"text": BY_PLACE_WITHDRAWN.format(place=place + 1, held=", then ".join(substances))}]
            found.append(resource)
    return found


def _stated(spec: FormSpec, version: RecordVersion) -> dict[str, dict[str, Any] | None]:
    """Each allergy the version lists by its key (None for "no known allergies"), as the ward's
    safety checks read them (services.patients.summarise): listed rows count only under the
    status "Allergies listed below"."""
    status_field, rows_field = spec.by_meaning(Meaning.ALLERGY_STATUS), spec.by_meaning(Meaning.ALLERGIES)
    status = version.data.get(status_field.id) if status_field else None
    if status == NO_KNOWN_ALLERGIES:
        return {_NO_KNOWN_KEY: None}
    if status != LISTED or rows_field is None:
        return {}
    stated: dict[str, dict[str, Any] | None] = {}
    for row in version.data.get(rows_field.id) or []:
        base = f"allergy:{fold(str(row.get('substance') or ''))}"
        key, rank = base, 1
        while key in stated:
            rank += 1
            key = f"{base}:{rank}"
        stated[key] = row
    return stated


def _stated_resource(record_id: str, key: str, row: dict[str, Any] | None, recorded: datetime,
                     about: dict[str, Any], withdrawn: bool, note: str | None) -> dict[str, Any]:
    """One allergy (`row`) or the "no known allergy" (None). A listed allergy is unconfirmed: the
    ward wrote what the patient or family said, with no test behind it."""
    if row is None:
        code = {"coding": [coding(SNOMED, NO_KNOWN_ALLERGY)], "text": "No known allergies"}
    else:
        code = {"text": row["substance"]}
    verification = "entered-in-error" if withdrawn else "confirmed" if row is None else "unconfirmed"
    resource = _resource(record_id, key, about, recorded, verification, code)
    if row is not None:
        resource |= _judged(row)
    if row is not None and (row.get("reaction") or row.get("severity")):
        reaction: dict[str, Any] = {"manifestation": [{"text": row.get("reaction") or REACTION_NOT_RECORDED}]}
        if row.get("severity") in SEVERITY:
            reaction["severity"] = SEVERITY[row["severity"]]
        resource["reaction"] = [reaction]
    if note:
        resource["note"] = [{"text": note}]
    return resource


def _judged(row: dict[str, Any]) -> dict[str, Any]:
    """The allergy's category when its substance is known to be one (`category`), and its
    criticality high when its severity is severe or its words say an immediate or severe reaction
    (the substance's too: "Latex (anaphylaxis)" is often written in one box)."""
    judged: dict[str, Any] = {}
    kind = category(str(row.get("substance") or ""))
    if kind is not None:
        judged["category"] = [kind]
    if row.get("severity") == "severe" or severe_reaction(f"{row.get('substance') or ''} {row.get('reaction') or ''}"):
        judged["criticality"] = "high"
    return judged


@lru_cache(maxsize=1024)
def category(substance: str) -> str | None:
    """"environment" for latex (as the theatre list reads it, domain.theatre.latex_allergic),
    "food" for a substance naming one of `FOODS`, "medication" for one naming a medicine the
    app's tables know (`MEDICINES`) or a class of them (the allergy check's `ALLERGY_CLASSES`:
    "Pénicillines", "AINS"); None otherwise. Not the allergy check's misspellings: a wrong category
    misleads the EHR where none says nothing, and "Wasp stings" read as the brand Istin misspelt.
    Kept for each substance: an export reads the same few hundred names on every admission."""
    if latex_allergic([substance]):
        return "environment"
    plain = f" {_plain(substance)} "
    if any(f" {food} " in plain for food in FOODS):
        return "food"
    if medicines_in(substance) & MEDICINES or any(allergy_matches(named, [substance]) for named in ALLERGY_CLASSES):
        return "medication"
    return None


def _plain(text: str) -> str:
    """Its words without case, accents or a plural's final s, one space apart ("Œufs" is "oeuf",
    "Fruits à coque" "fruit a coque", "cow's milk" "cow milk")."""
    return " ".join(word for word in (fold(part).removesuffix("s") for part in re.split(r"\W+", text)) if word)


def _resource(record_id: str, key: str, about: dict[str, Any], recorded: datetime, verification: str,
              code: dict[str, Any] | None) -> dict[str, Any]:
    """An AllergyIntolerance without its reaction and note, of the patient and the stay `about`
    names; active unless entered in error (R4 forbids a clinical status on one entered in
    error, and requires one otherwise)."""
    ident = derived_id(record_id, key)
    resource: dict[str, Any] = {"resourceType": "AllergyIntolerance", "id": ident, "identifier": record_identifier(ident)}
    if verification != "entered-in-error":
        resource["clinicalStatus"] = {"coding": [coding(ALLERGY_CLINICAL, "active")]}
    resource["verificationStatus"] = {"coding": [coding(ALLERGY_VERIFICATION, verification)]}
    if code is not None:
        resource["code"] = code
    return resource | about | {"recordedDate": moment(recorded)}
