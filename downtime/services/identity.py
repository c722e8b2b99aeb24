"""Doubts about a patient's identity worth a second look before saving, though not refusals.

The NIR on an admission form can pass its key and still be another person's: a relative's card
picked up at the desk, or a date of birth mistyped beside it. Either joins two people's records
at back-entry. A NIR that disagrees with the sex or the date of birth typed beside it is said
when saving, and the nurse decides: an EHR snapshot or another laptop's export is taken as it
is, the EHR being where identity is settled."""

from __future__ import annotations

from datetime import date
from typing import Any

from downtime.domain.nir import nir_disagreements, nir_problem
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.formspec.values import relevant_values
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message

TRAITS = {"sex": QT_TRANSLATE_NOOP("messages", "sex"), "year": QT_TRANSLATE_NOOP("messages", "year of birth"),
          "month": QT_TRANSLATE_NOOP("messages", "month of birth")}


def nir_doubt(spec: FormSpec, values: dict[str, Any], lang: Lang, before: dict[str, Any] | None = None) -> str:
    """Why the NIR typed on this form may not be this patient's, or "" when nothing says so; for
    an amendment of `before`, only once it changes the NIR, the sex or the date of birth (the
    nurse correcting an allergy is not asked again about a NIR the EHR sent)."""
    fields = {meaning: spec.by_meaning(meaning) for meaning in (Meaning.NIR, Meaning.BIRTH_DATE, Meaning.SEX)}
    kept = relevant_values(spec, values)
    typed = {meaning: kept.get(field.id) if field else None for meaning, field in fields.items()}
    if before is not None and all(relevant_values(spec, before).get(field.id) == typed[meaning]
                                  for meaning, field in fields.items() if field):
        return ""
    nir = typed[Meaning.NIR]
    if not isinstance(nir, str) or not nir or nir_problem(nir):
        return ""
    born = typed[Meaning.BIRTH_DATE]
    found = nir_disagreements(nir, date.fromisoformat(born) if isinstance(born, str) else None, typed[Meaning.SEX])
    if not found:
        return ""
    return message(lang, QT_TRANSLATE_NOOP(
        "messages", "The NIR does not agree with the {traits} typed on this form. Re-read the card and the date of "
                    "birth: it may be another person's card, whose number would join two people's records at "
                    "back-entry."), traits=", ".join(message(lang, TRAITS[trait]) for trait in found))
