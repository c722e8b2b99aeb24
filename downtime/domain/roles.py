"""Staff roles and what each may do, as plain enumerations: the command line lists the roles
in its help without loading the record models."""

from enum import StrEnum


class Role(StrEnum):
    WARD_NURSE = "ward_nurse"
    DOCTOR = "doctor"
    SURGICAL_COORDINATOR = "surgical_coordinator"
    RECORDS_STAFF = "records_staff"
    ADMINISTRATOR = "administrator"


class Action(StrEnum):
    RECORD_CARE = "record_care"
    AMEND_RECORD = "amend_record"
    MARK_ENTERED_IN_ERROR = "mark_entered_in_error"
    READ_RECORDS = "read_records"
    PRINT = "print"
    MANAGE_STAFF = "manage_staff"
    IMPORT_DATA = "import_data"
    BACK_ENTRY = "back_entry"


_CLINICAL = {Action.RECORD_CARE, Action.AMEND_RECORD, Action.MARK_ENTERED_IN_ERROR,
             Action.READ_RECORDS, Action.PRINT}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.WARD_NURSE: frozenset(_CLINICAL),
    Role.DOCTOR: frozenset(_CLINICAL),
    Role.SURGICAL_COORDINATOR: frozenset({Action.READ_RECORDS, Action.PRINT}),
    Role.RECORDS_STAFF: frozenset({Action.READ_RECORDS, Action.PRINT, Action.IMPORT_DATA, Action.BACK_ENTRY}),
    Role.ADMINISTRATOR: frozenset({Action.MANAGE_STAFF, Action.READ_RECORDS, Action.PRINT, Action.IMPORT_DATA}),
}
