"""Staff roles and what each may do, as plain enumerations: the command line lists the roles
in its help without loading the record models."""

from enum import StrEnum

from downtime.i18n import QT_TRANSLATE_NOOP


class Role(StrEnum):
    WARD_NURSE = "ward_nurse"
    STUDENT_NURSE = "student_nurse"
    HEALTHCARE_ASSISTANT = "healthcare_assistant"
    DOCTOR = "doctor"
    PHARMACIST = "pharmacist"
    SURGICAL_COORDINATOR = "surgical_coordinator"
    RECORDS_STAFF = "records_staff"
    ADMINISTRATOR = "administrator"


ROLE_NAMES: dict[str, str] = {
    Role.WARD_NURSE: QT_TRANSLATE_NOOP("Banner", "ward nurse"), Role.DOCTOR: QT_TRANSLATE_NOOP("Banner", "doctor"),
    Role.STUDENT_NURSE: QT_TRANSLATE_NOOP("Banner", "student nurse"),
    Role.HEALTHCARE_ASSISTANT: QT_TRANSLATE_NOOP("Banner", "healthcare assistant"),
    Role.PHARMACIST: QT_TRANSLATE_NOOP("Banner", "pharmacist"),
    Role.SURGICAL_COORDINATOR: QT_TRANSLATE_NOOP("Banner", "surgical coordinator"),
    Role.RECORDS_STAFF: QT_TRANSLATE_NOOP("Banner", "records staff"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Banner", "administrator")}
"""Each role in words, translated in the "Banner" context: the banner's, the staff list's, and a
refusal's, which gave the code ("surgical_coordinator", "doctor") on a French screen."""


class Action(StrEnum):
    RECORD_CARE = "record_care"
    AMEND_RECORD = "amend_record"
    MARK_ENTERED_IN_ERROR = "mark_entered_in_error"
    READ_RECORDS = "read_records"
    PRINT = "print"
    MANAGE_STAFF = "manage_staff"
    IMPORT_DATA = "import_data"
    BACK_ENTRY = "back_entry"
    SETTLE_HOLD = "settle_hold"


ACTION_NAMES: dict[str, str] = {
    Action.RECORD_CARE: QT_TRANSLATE_NOOP("messages", "record care"),
    Action.AMEND_RECORD: QT_TRANSLATE_NOOP("messages", "amend a record"),
    Action.MARK_ENTERED_IN_ERROR: QT_TRANSLATE_NOOP("messages", "mark a record entered in error"),
    Action.READ_RECORDS: QT_TRANSLATE_NOOP("messages", "read records"),
    Action.PRINT: QT_TRANSLATE_NOOP("messages", "print"),
    Action.MANAGE_STAFF: QT_TRANSLATE_NOOP("messages", "manage staff accounts"),
    Action.IMPORT_DATA: QT_TRANSLATE_NOOP("messages", "import data"),
    Action.BACK_ENTRY: QT_TRANSLATE_NOOP("messages", "back-enter records into the EHR"),
    Action.SETTLE_HOLD: QT_TRANSLATE_NOOP("messages", "settle a record on hold")}
"""What each action is, in words, for a refusal in the person's language."""

_CLINICAL = {Action.RECORD_CARE, Action.AMEND_RECORD, Action.MARK_ENTERED_IN_ERROR,
             Action.READ_RECORDS, Action.PRINT}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.WARD_NURSE: frozenset(_CLINICAL),
    Role.STUDENT_NURSE: frozenset(_CLINICAL),
    # Reads and prints; writes only the bedside charts whose forms name the role among their
    # authors (observations, fluid balance…): an assistant given a nurse's account recorded doses
    # and admissions, audited as a registered nurse's.
    Role.HEALTHCARE_ASSISTANT: frozenset({Action.READ_RECORDS, Action.PRINT}),
    Role.DOCTOR: frozenset(_CLINICAL),
    Role.PHARMACIST: frozenset({Action.READ_RECORDS, Action.PRINT}),
    Role.SURGICAL_COORDINATOR: frozenset({Action.READ_RECORDS, Action.PRINT}),
    Role.RECORDS_STAFF: frozenset({Action.READ_RECORDS, Action.PRINT, Action.IMPORT_DATA, Action.BACK_ENTRY,
                                   Action.SETTLE_HOLD}),
    Role.ADMINISTRATOR: frozenset({Action.MANAGE_STAFF, Action.READ_RECORDS, Action.PRINT, Action.IMPORT_DATA}),
}

SECOND_SIGNERS = frozenset({Role.WARD_NURSE, Role.DOCTOR})
"""Who signs a dose's second check (a controlled drug's witness, a high-alert medicine's double
check) or a controlled-drug register line's witness: a registered clinician, never a student,
who gives doses only under supervision (see `SUPERVISORS`)."""

SUPERVISED = frozenset({Role.STUDENT_NURSE})
"""Who gives a dose only under a registered nurse's supervision, confirmed with that nurse's PIN
(services.cd_register.SUPERVISION)."""

SUPERVISORS = frozenset({Role.WARD_NURSE})
"""Who supervises a student nurse's dose."""
