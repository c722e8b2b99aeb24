"""FR Core, Interop'Santé's French profiles of FHIR R4, where the export writes a Patient's
identity as identity vigilance reads it and the FHIR snapshot reader takes it back. Apart from
fhir_codes, which loads fhir_core, so the snapshot reader can share them without it. The URLs and
codes are those of FR Core's own sources (Interop-Sante/hl7.fhir.fr.core)."""

from __future__ import annotations

# FR Core's identifier types, which its Patient profile's INS identifier slices require: the INS
# is typed INS-NIR (a registered person's NIR) or INS-NIA (a number awaiting registration). FR Core
# 2.x publishes them at this URL; FR Core 1.x as http://interopsante.org/CodeSystem/v2-0203. Their
# displays could not be checked here (offline), and are sent with none: FHIR makes it optional.
FR_CORE_IDENTIFIER_TYPE = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203"
# How far the identity can be trusted: a complex extension on the Patient whose parts (relative
# URLs) say its status, and for a validated one the document seen and the day it was seen.
FR_CORE_IDENTITY_RELIABILITY = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability"
IDENTITY_STATUS_PART = "identityStatus"
VALIDATION_MODE_PART = "validationMode"
VALIDATION_DATE_PART = "validationDate"
FR_CORE_IDENTITY_STATUS = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445"
FR_CORE_VALIDATION_MODE = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity"
# The INSEE code of a place, as an extension of its Address (FR Core 2.1), coded in the NOS's
# communes: a commune's code, or 99 and a country's for a person born abroad.
FR_CORE_INSEE_CODE = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code"
INSEE_COMMUNES = "https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM"
BIRTHPLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace"

# The admission form's identity status and document seen, as FR Core codes them. An unidentified
# patient's identity is provisional whatever the form says.
STATUS_CODES = {"provisional": "PROV", "validated": "VALI"}
VALIDATION_MODES = {"national_id_card": "CN", "passport": "PA", "residence_permit": "CS",
                    "family_record_book": "LE", "birth_certificate": "AN"}
