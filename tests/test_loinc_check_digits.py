"""Every LOINC code the export sends (sync/fhir_codes.py) has LOINC's own check digit: a code
typed from memory with a wrong last digit names no LOINC term at all (three falls-risk blood
pressure codes did, 8455-0 for 8455-8), and neither fhir.resources nor check_codes would see it."""

from downtime.sync.fhir_codes import LOINC, SYSTEMS


def _check_digit(number: str) -> int:
    """LOINC's Mod 10: the digits in odd places from the right, read right to left as a number,
    doubled; the digits in even places from the right before it; 10 less the sum of the digits, mod 10."""
    backwards = number[::-1]
    digits = backwards[1::2] + str(int(backwards[0::2]) * 2)
    return (10 - sum(int(digit) for digit in digits) % 10) % 10


def test_the_check_digit_reads_loincs_own_example_and_a_known_code():
    assert _check_digit("12345") == 5 and _check_digit("8480") == 6 and _check_digit("85354") == 9


def test_every_loinc_code_sent_has_its_check_digit():
    codes = [code for code in SYSTEMS[LOINC] if code[0].isdigit()]
    assert codes
    assert [code for code in codes if _check_digit(code.split("-")[0]) != int(code.split("-")[1])] == []
