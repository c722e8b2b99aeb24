"""The one base class for errors a user can cause: shown to them as is, never as a traceback."""


class UserError(Exception):
    """A problem the person at the keyboard can understand and act on."""
