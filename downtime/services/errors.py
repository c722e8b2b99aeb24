"""Errors a user can cause; each message is meant to be shown to them as it is."""

from downtime.errors import UserError
from downtime.formspec.values import FieldError


class ServiceError(UserError):
    """Base of errors that the GUI shows in a message box and the CLI prints without a traceback."""


class PermissionDenied(ServiceError):
    pass


class AccountDeactivated(PermissionDenied):
    """The signed-in person's account was deactivated since they signed in: the window signs
    them out."""


class SignInError(ServiceError):
    pass


class LockedOut(SignInError):
    """A staff ID refused without its PIN being tried: the attempt is no wrong PIN to count."""


class NotFound(ServiceError):
    pass


class SetupError(ServiceError):
    pass


class ValidationFailed(ServiceError):
    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("\n".join(error.message for error in errors))
