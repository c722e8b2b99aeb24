"""The set-up file read as IT typed it: a ward code or a bed written without quotes is its text
("012" stays 012, not ward 10), and a key written twice is refused by its line rather than the
first copy dropped (the wards pasted again: the first wards gone from every laptop)."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from downtime.services import settings, setup_file, wards
from downtime.services.errors import ServiceError
from downtime.storage import audit
from tests.test_setup_file import _set_up, admin_of  # noqa: F401 (fixture)


def _loaded(admin, tmp_path: Path, text: str) -> list[wards.Ward]:
    path = tmp_path / "setup.yaml"
    path.write_text(text, encoding="utf-8")
    setup_file.load(admin, setup_file.read(admin, path))
    return wards.wards(admin.db)


@pytest.mark.parametrize("code", ["012", "3.10", "010", "1:30", "1e3", "0x1F", "yes", "NO", "2026-11-28"])
def test_a_ward_code_typed_without_quotes_is_its_text(admin_of, tmp_path, code):  # noqa: F811 (the fixture)
    """012 was ward 10, 3.10 ward 3.1: the laptops set up by hand have "012" and "3.10"."""
    (ward,) = _loaded(admin_of(tmp_path / "laptop.sqlite", 2), tmp_path,
                      f"format: downtime-setup\nwards:\n  - code: {code}\n    name: Medicine\n    beds: 1-4\n")
    assert ward.ward == code


def test_beds_typed_without_quotes_are_their_text(admin_of, tmp_path):  # noqa: F811 (the fixture)
    (ward,) = _loaded(admin_of(tmp_path / "laptop.sqlite", 2), tmp_path,
                      "format: downtime-setup\nwards:\n  - {code: 3B, name: Medicine, beds: [01, 02, 010, 1.10, 1:30]}\n")
    assert ward.beds == ("01", "02", "010", "1.10", "1:30")


def test_numbers_typed_without_quotes_are_read_as_numbers(admin_of, tmp_path):  # noqa: F811 (the fixture)
    admin = admin_of(tmp_path / "laptop.sqlite", 2)
    _loaded(admin, tmp_path, "format: downtime-setup\nsettings:\n  idle_lock_minutes: 7\n  late_after_minutes: 45\n"
                             "  overdue_after_minutes: 90\nfirst_number: 43\n")
    assert [settings.get(admin.db, key) for key in ("idle_lock_minutes", "late_after_minutes",
                                                    "overdue_after_minutes")] == ["7", "45", "90"]


@pytest.mark.parametrize("text, says", [
    (("format: downtime-setup\nwards:\n  - {code: 3B, name: Medicine, beds: 1-4}\nsettings:\n  idle_lock_minutes: 7\n"
      "wards:\n  - {code: 4C, name: Surgery, beds: 1-10}\n"), "line 6: 'wards' is written twice (first at line 2)"),
    ("format: downtime-setup\nwards:\n  - {code: 3B, name: Medicine, beds: 1-4, name: Surgery}\n",
     "line 3: 'name' is written twice (first at line 3)"),
    ("format: downtime-setup\nsettings:\n  idle_lock_minutes: 7\n  idle_lock_minutes: 70\n",
     "line 4: 'idle_lock_minutes' is written twice (first at line 3)"),
    ("format: downtime-setup\nsettings:\n  idle_lock_minutes: 7.5\n",
     "line 3, settings.idle_lock_minutes: Input should be a valid integer"),
])
def test_a_key_written_twice_is_refused_by_its_line(admin_of, tmp_path, text, says):  # noqa: F811 (the fixture)
    admin = admin_of(tmp_path / "laptop.sqlite", 2)
    path = tmp_path / "setup.yaml"
    path.write_text(text, encoding="utf-8")
    before = _set_up(admin)
    with pytest.raises(ServiceError) as refused:
        setup_file.read(admin, path)
    assert f"{path}, {says}" in refused.value.text("en"), refused.value.text("en")
    assert _set_up(admin) == before
    assert audit.verify_chain(admin.db) is None


def test_a_key_written_twice_is_refused_in_french(admin_of, tmp_path, french):  # noqa: F811 (the fixture)
    french(setup_file.WRITTEN_TWICE, "{file}, ligne {line} : {key!r} est écrit deux fois (la première à la ligne "
                                     "{first}).")
    admin = admin_of(tmp_path / "laptop.sqlite", 2)
    path = tmp_path / "setup.yaml"
    path.write_text("format: downtime-setup\nfirst_number: 4\nfirst_number: 5\n", encoding="utf-8")
    with pytest.raises(ServiceError) as refused:
        setup_file.read(admin, path)
    assert refused.value.text("fr") == f"{path}, ligne 3 : 'first_number' est écrit deux fois (la première à la ligne 2)."


@pytest.mark.parametrize("copy", ["- <<: *w\n    code: 013\n", "- {<<: *w, code: 013}\n",
                                  "- {<<: [*w], code: 013}\n", "- {code: 013, name: *n, beds: *b}\n"])
def test_a_ward_copied_with_an_anchor_or_a_merge_key_is_read_as_typed(admin_of, tmp_path, copy):  # noqa: F811
    """A hand-edited file copying a ward's name and beds with `<<: *w`: read as "wards[2].name:
    Field required", though the name was there to merge; what is merged is read as typed too."""
    admin = admin_of(tmp_path / "laptop.sqlite", 2)
    text = "format: downtime-setup\nwards:\n  - &w {code: 012, name: &n Twelve, beds: &b [01, 010]}\n  " + copy
    assert [(ward.ward, ward.name, ward.beds) for ward in _loaded(admin, tmp_path, text)] == [
        ("012", "Twelve", ("01", "010")), ("013", "Twelve", ("01", "010"))]


def test_a_key_written_twice_beside_a_merge_key_is_refused_by_its_line(admin_of, tmp_path):  # noqa: F811
    """The merge key's own keys give way to the mapping's, as YAML has it; one written twice there is still twice."""
    admin = admin_of(tmp_path / "laptop.sqlite", 2)
    path = tmp_path / "setup.yaml"
    path.write_text("format: downtime-setup\nwards:\n  - &w {code: 3B, name: Medicine, beds: 1-4}\n"
                    "  - <<: *w\n    code: 4C\n    code: 4D\n", encoding="utf-8")
    with pytest.raises(ServiceError) as refused:
        setup_file.read(admin, path)
    assert refused.value.text("en") == f"{path}, line 6: 'code' is written twice (first at line 5)."


PLAIN = st.text(st.sampled_from("0123456789.:-+_eExXoOb"), min_size=1, max_size=8).filter(
    lambda text: text[0] not in "-:" and text[-1] != ":" and ": " not in text)


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=PLAIN, bed=PLAIN)
def test_any_code_or_bed_of_digits_and_points_is_stored_as_typed(admin_of, tmp_path_factory, code, bed):  # noqa: F811
    """Whatever YAML 1.1 would read as an octal, a sexagesimal, a float or a date."""
    folder = tmp_path_factory.mktemp("typed")
    admin = admin_of(folder / "laptop.sqlite", 2)
    path = folder / "setup.yaml"
    path.write_text(f"format: downtime-setup\nwards:\n  - code: {code}\n    name: Medicine\n    beds: [{bed}]\n",
                    encoding="utf-8")
    try:
        plan = setup_file.read(admin, path)
    except ServiceError as refused:  # a code or bed the Administration tab refuses too
        assert "line 3, ward" in refused.text("en") or "line 3: not readable" in refused.text("en"), refused.text("en")
        return
    assert [(ward.ward, ward.beds) for ward in plan.new_wards] == [(code, (bed,))]
