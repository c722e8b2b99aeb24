"""A controlled-drug register's quantity that is no number: the command line reads `--quantity`
and `--counted` as floats, which take "inf" and "nan": "inf" received made the page's balance
infinite, and "nan" stopped the line's write on the database after the witness's PIN was checked.
Refused, naming what was typed, and nothing written."""

import pytest
from hypothesis import given, strategies as st

from downtime.cli import main
from downtime.services import cd_register
from downtime.services.errors import ServiceError

WITNESS = ("doctor", "2222")
ENTRIES = {
    "receive": lambda nurse, quantity: cd_register.cd_receive(nurse, "3B", "Morphine", "mg", quantity, WITNESS),
    "supply": lambda nurse, quantity: cd_register.cd_supply(nurse, "3B", "Morphine", "mg", quantity, "p", WITNESS),
    "count": lambda nurse, quantity: cd_register.cd_count(nurse, "3B", "Morphine", "mg", quantity, WITNESS,
                                                          discrepancy_note="Sister told"),
    "waste": lambda nurse, quantity: cd_register.cd_waste(nurse, "a-dose", quantity, WITNESS),
}


@pytest.mark.parametrize("entry", sorted(ENTRIES))
@pytest.mark.parametrize("quantity", [float("inf"), float("-inf"), float("nan")])
def test_a_quantity_that_is_no_number_is_refused_and_nothing_written(session_for, medication_ward, entry, quantity):
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, WITNESS)
    lines = nurse.db.execute("SELECT COUNT(*) FROM cd_register").fetchone()[0]
    with pytest.raises(ServiceError) as refused:
        ENTRIES[entry](nurse, quantity)
    assert refused.value.text("en") == f"Controlled-drug register: “{quantity}” is not a quantity: give a number."
    assert refused.value.text("fr").startswith(f"Registre des stupéfiants : « {quantity} »")
    assert nurse.db.execute("SELECT COUNT(*) FROM cd_register").fetchone()[0] == lines


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_float_is_a_quantity_or_refused_as_none(quantity):
    """Whatever the command line reads as a float, `_a_number` takes it or refuses it in words."""
    try:
        cd_register._a_number(quantity)
    except ServiceError as refused:
        assert "is not a quantity" in refused.text("en")


def test_the_command_line_says_it(cli_demo, capsys):
    demo_db = str(cli_demo())
    capsys.readouterr()
    assert main(["cd", "receive", "--ward", "3B", "--drug", "Morphine", "--unit", "mg", "--quantity", "inf",
                 "--witness-user", "doctor", "--witness-pin", "2222", "--db", demo_db, "--user", "nurse",
                 "--pin", "1111"]) == 1
    assert "“inf” is not a quantity: give a number." in capsys.readouterr().err
