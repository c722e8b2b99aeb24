"""Names typed outside the forms (a staff member's, a ward's and its beds', the laptop's) are
refused, as the forms refuse an answer, when the print fonts cannot draw them as typed: a nurse
added as "王小明 Wang" printed "Printed by □□□ Wang" at the foot of every page and on the MAR's
signatures, and a ward "جراحة" printed reversed on the census."""

from pathlib import Path

import pytest

from downtime.domain.staff import Role
from downtime.formspec.messages import message as form_message
from downtime.services import setup, staff, wards
from downtime.services.errors import ServiceError

CHINESE, ARABIC = "王小明 Wang", "جراحة"


def _refusal(label: str, characters: str) -> str:
    """The forms' own refusal of the same characters, for a field of that label."""
    return form_message("unprintable", "en", label, characters)


def test_a_staff_name_the_prints_cannot_draw_is_refused_as_the_forms_refuse_it(session_for):
    admin = session_for("admin")
    with pytest.raises(ServiceError) as refused:
        staff.add_staff(admin, "wang", CHINESE, Role.WARD_NURSE, "7777")
    assert refused.value.text("en") == _refusal("Name", "王 小 明")
    assert refused.value.text("fr").startswith("« Nom » : 王 小 明 ne peut pas être imprimé")
    assert staff.member_named(admin.db, "wang") is None
    staff.add_staff(admin, "lucja", "Łucja Wołodkowicz-Szczęsna", Role.WARD_NURSE, "7777")


def test_a_staff_name_corrected_to_one_the_prints_cannot_draw_is_refused(session_for):
    admin = session_for("admin")
    with pytest.raises(ServiceError) as refused:
        staff.correct_staff(admin, "nurse", "typed in Latin letters", name="هيلين لوفيفر")
    assert refused.value.text("en") == _refusal("Name", "ه ي ل ن و ف ر")
    assert staff.member_named(admin.db, "nurse").name == "Hélène Lefèvre"


@pytest.mark.parametrize("ward, name, beds, label, characters", [
    (ARABIC, "Surgery", ["1"], "Ward code", "ج ر ا ح ة"),
    ("3C", "جناح الجراحة", ["1"], "Ward name", "ج ن ا ح ل ر ة"),
    ("3C", "Surgery", ["1", "سرير1"], "Bed", "س ر ي"),
    ("3C", "Surgery", ["1", "床2"], "Bed", "床")])
def test_a_ward_or_bed_name_the_prints_cannot_draw_is_refused(session_for, ward, name, beds, label, characters):
    admin = session_for("admin")
    with pytest.raises(ServiceError) as refused:
        wards.add_ward(admin, ward, name, beds)
    assert refused.value.text("en") == _refusal(label, characters)
    assert wards.wards(admin.db) == []


def test_a_bed_added_with_a_name_the_prints_cannot_draw_is_refused(session_for):
    admin = session_for("admin")
    wards.add_ward(admin, "3B", "Médecine gériatrique", ["1", "Side rm 4A"])
    with pytest.raises(ServiceError) as refused:
        wards.add_beds(admin, "3B", ["2", "سرير3"])
    assert refused.value.text("en") == _refusal("Bed", "س ر ي")
    assert wards.wards(admin.db, "3B")[0].beds == ("1", "Side rm 4A")


def test_a_laptop_name_the_prints_cannot_draw_is_refused_at_set_up_and_when_corrected(
        session_for, new_database, tmp_path: Path):
    with pytest.raises(ServiceError) as refused:
        setup.initialise(new_database(tmp_path / "new.sqlite"), device_number=7, device_name="病房 3B laptop",
                         admin_id="admin", admin_name="Alice Admin", admin_pin="0000")
    assert refused.value.text("en") == _refusal("Device name", "病 房")
    admin = session_for("admin")
    with pytest.raises(ServiceError) as refused:
        setup.change_device(admin, name="حاسوب 3B")
    assert refused.value.text("en") == _refusal("Device name", "ح ا س و ب")
    assert admin.device.name == "Ward 3B laptop"
