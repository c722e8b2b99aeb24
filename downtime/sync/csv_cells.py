"""A value as the CSVs for people write it (a form's records, the controlled-drug register):
lists as JSON, booleans as yes or no, typed text safe from a spreadsheet's formulas."""

from __future__ import annotations

import json
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    """Typed text as a spreadsheet shows it: a leading apostrophe makes a would-be formula plain
    text (the spreadsheet hides it). Only the CSVs for people carry it; the JSON lines the
    records office re-imports keep the value exactly."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def csv_cell(value: Any) -> str:
    """Lists and row groups as JSON so nothing is lost; booleans as yes/no for spreadsheets;
    numbers as they are (a negative one is a number, not a formula)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return _text(value)
    return str(value)
