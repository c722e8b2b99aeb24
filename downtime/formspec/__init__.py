"""Form definitions as data: one file in forms/ drives the screen, the PDFs and validation."""

from downtime.formspec.loader import FormSpecError, load_form, load_forms
from downtime.formspec.schema import Field, FormSpec, Lang

__all__ = ["Field", "FormSpec", "FormSpecError", "Lang", "load_form", "load_forms"]
