"""Downtime numbers: temporary patient numbers that can never collide.

Each laptop is given a device number (1-999, written on its asset sticker by the hospital's
downtime plan). Its numbers are "DT-ddd-sssss-k": the "DT" prefix is never used by EHR
numbers, the device part keeps laptops apart, the sequence is per laptop, and a Luhn check
digit catches a mistyped or misread digit when the number is copied by hand.
"""

import re

MAX_DEVICE = 999
MAX_SEQUENCE = 99_999
_SHAPE = re.compile(r"^DT-(\d{3})-(\d{5})-(\d)$")


def luhn_digit(digits: str) -> int:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def format_downtime_number(device_number: int, sequence: int) -> str:
    if not 1 <= device_number <= MAX_DEVICE:
        raise ValueError(f"device number must be 1 to {MAX_DEVICE}, not {device_number}")
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise ValueError(f"sequence must be 1 to {MAX_SEQUENCE}, not {sequence}")
    digits = f"{device_number:03d}{sequence:05d}"
    return f"DT-{digits[:3]}-{digits[3:]}-{luhn_digit(digits)}"


def parse_downtime_number(text: str) -> tuple[int, int] | None:
    """(device number, sequence) of a well-formed number whose check digit holds, else None: one
    no laptop issues (device 000, sequence 00000) is none either, where it was read, and offered
    as what a misread number may be (`misread_numbers`)."""
    match = _SHAPE.match(text.strip().upper())
    if not match:
        return None
    device, sequence, check = match.groups()
    if luhn_digit(device + sequence) != int(check) or not int(device) or not int(sequence):
        return None
    return int(device), int(sequence)


def misread_numbers(text: str) -> list[str] | None:
    """The well-formed numbers a number of the right shape whose check digit fails may be read
    wrong from: one digit read wrong (the check digit too) or two neighbouring digits swapped,
    the misreadings the check digit is there to catch. None when the text is not of that shape
    or its check digit holds."""
    match = _SHAPE.match(text.strip().upper())
    if not match or parse_downtime_number(text) is not None:
        return None
    digits = "".join(match.groups())
    swapped = (digits[:at] + digits[at + 1] + digits[at] + digits[at + 2:] for at in range(len(digits) - 1))
    changed = (digits[:at] + other + digits[at + 1:] for at in range(len(digits)) for other in "0123456789")
    found = (f"DT-{near[:3]}-{near[3:8]}-{near[8]}" for near in (*swapped, *changed))
    return sorted({near for near in found if parse_downtime_number(near) is not None})


_IN_TEXT = re.compile(r"DT-\d{3}-\d{5}-\d", re.IGNORECASE)


def downtime_numbers_in(text: str) -> list[str]:
    """The well-formed numbers a note names, as they are written on wristbands."""
    return [found.upper() for found in _IN_TEXT.findall(text) if parse_downtime_number(found) is not None]


# Read back however it is typed off a list: capitals, spaces.
_TOLD_APART = re.compile(r"^(\S+)\s*\(\s*laptop\s+([0-9a-f]{8})\s*\)$", re.IGNORECASE)


def told_apart(number: str, device_id: str) -> str:
    """A number two laptops set up with one device number both gave (merged or imported with
    --shared-device-number), with the laptop that gave it to this patient: the start of its
    device id, random per database where the device number is not. One text, in every
    language, for the clerk's lists, the CSVs, the FHIR identifier and the search, so that the
    number typed off a paper form finds both patients and the one shown finds one."""
    return f"{number} (laptop {device_id[:8]})"


# As a barcode holds it (`in_bars`), its dashes optional: a scanner types it into Find.
_TOLD_APART_IN_BARS = re.compile(r"^DT-?(\d{3})-?(\d{5})-?(\d)\s*/\s*([0-9a-f]{8})$", re.IGNORECASE)


def taken_apart(text: str) -> tuple[str, str]:
    """(number, start of the device id) of a number `told_apart`, as the lists show it or as a
    barcode holds it (`in_bars`); (number, "") of another."""
    if match := _TOLD_APART.match(text.strip()):
        return match.group(1).upper(), match.group(2).lower()
    if match := _TOLD_APART_IN_BARS.match(text.strip()):
        device, sequence, check, laptop = match.groups()
        return f"DT-{device}-{sequence}-{check}", laptop.lower()
    return text.strip().upper(), ""


def in_bars(number: str) -> str:
    """A number as a Code128 holds it: as it is, but one `told_apart`, without its dashes,
    spaces and brackets ("DT007000011/c1ece659"). Whole, "DT-007-00001-1 (laptop c1ece659)" is
    387 bars wide, squeezed under 0.25 mm into a page's identification box; the number alone
    finds both laptops' patients. Found by the search as the number told apart is."""
    plain, laptop = taken_apart(number)
    return f"{plain.replace('-', '')}/{laptop}" if laptop else number
