"""French social-security number (NIR, also the INS matricule) and its check key.

A mistyped NIR merges two people's records at back-entry, so the key is always checked.
"""

import re
from datetime import date

_NIR_SHAPE = re.compile(r"^[123478]\d{2}(?:0[1-9]|1[0-2]|[23]\d|4[0-2]|[5-9]\d)(\d{2}|2A|2B)\d{6}$")
"""Sex, year, month (01 to 12, or 20 to 42 or 50 to 99 when the month of birth is not known: INSEE;
00, 13 to 19 and 43 to 49 are none, and a NIR so typed with its key right was taken), the
department (Corsica's 2A or 2B), the commune and the order number."""
_CORSICA = {"2A": "19", "2B": "18"}


def normalise_nir(raw: str) -> str:
    """Staff copy the NIR from a card printed with spaces; the stored form has none."""
    return re.sub(r"[\s.\-]", "", raw).upper()


def nir_key(body: str) -> int:
    """Key of a 13-character NIR body: 97 - (n mod 97), Corsica's 2A/2B read as 19/18."""
    digits = body[:5] + _CORSICA.get(body[5:7], body[5:7]) + body[7:]
    return 97 - int(digits) % 97


def nir_problem(raw: str) -> str | None:
    """Why this NIR cannot be right, or None when its shape and key are sound."""
    nir = normalise_nir(raw)
    if len(nir) != 15:
        return "length"
    body, key = nir[:13], nir[13:]
    if not _NIR_SHAPE.match(body) or not key.isdigit():
        return "shape"
    if nir_key(body) != int(key):
        return "key"
    return None


_SEX = {"1": "male", "3": "male", "7": "male", "2": "female", "4": "female", "8": "female"}


def nir_disagreements(nir: str, birth_date: date | None, sex: str | None) -> list[str]:
    """Which of "sex", "year" and "month" (of birth) a sound NIR contradicts: it encodes the sex
    (odd: male, even: female), then the year and the month of birth (20 to 42 or 50 to 99 mean
    the month was unknown). The key catches a slip in the number, not the wrong person's card."""
    body = normalise_nir(nir)
    found = []
    if sex in ("male", "female") and _SEX.get(body[0], sex) != sex:
        found.append("sex")
    if birth_date is not None:
        if int(body[1:3]) != birth_date.year % 100:
            found.append("year")
        if 1 <= int(body[3:5]) <= 12 and int(body[3:5]) != birth_date.month:
            found.append("month")
    return found
