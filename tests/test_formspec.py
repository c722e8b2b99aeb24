import textwrap
from pathlib import Path

import pytest

from downtime.formspec import FormSpecError, load_form, load_forms
from downtime.formspec.schema import RepeatField
from downtime.formspec.values import validate
from downtime.paths import forms_dir

MINIMAL = """
id: {id}
version: 1
title: {{en: Test, fr: Test}}
sections:
  - id: main
    title: {{en: Main, fr: Principal}}
    fields:
{fields}
"""

NAME_FIELD = """\
      - id: name
        kind: text
        label: {en: Name, fr: Nom}
"""


def _write(tmp_path: Path, fields: str, form_id: str = "sample") -> Path:
    path = tmp_path / f"{form_id}.yaml"
    path.write_text(MINIMAL.format(id=form_id, fields=fields), encoding="utf-8")
    return path


def test_every_shipped_form_loads():
    forms = load_forms(forms_dir())
    assert "admission" in forms
    for spec in forms.values():
        assert list(spec.fields())


def test_admission_covers_the_identity_rules(forms):
    spec = forms["admission"]
    ids = {field.id for field in spec.fields()}
    assert {"birth_name", "used_name", "given_names", "sex", "birth_date", "birthplace_code",
            "nir", "identity_status", "identity_document", "unidentified", "descriptor",
            "temporary_name", "arrival_at", "admission_mode", "reason", "ward", "bed",
            "admitting_clinician", "allergy_status", "allergies", "weight_kg", "height_cm",
            "resuscitation", "isolation", "diet", "nok_name"} <= ids
    assert isinstance(spec.field("allergies"), RepeatField)


def test_a_yes_only_question_answered_no_is_refused_saying_why(tmp_path):
    spec = load_form(_write(tmp_path, """\
      - id: read_back
        kind: yes_no
        yes_only: {en: "read it back first.", fr: "le relire d’abord."}
        label: {en: Read back, fr: Relu}
"""))
    assert validate(spec, {"read_back": True}, "en") == []
    assert validate(spec, {}, "en") == []
    refused = validate(spec, {"read_back": False}, "fr")
    assert [(error.path, error.message) for error in refused] == [("read_back", "Relu : le relire d’abord.")]


def test_a_valid_minimal_form_loads(tmp_path):
    spec = load_form(_write(tmp_path, NAME_FIELD))
    assert spec.field("name").label.get("fr") == "Nom"


@pytest.mark.parametrize("fields, expected", [
    (NAME_FIELD.replace("kind: text", "kind: texte"), "field 'name'"),
    (NAME_FIELD + "        max_lenght: 10\n", "max_lenght"),
    (NAME_FIELD + NAME_FIELD, "id used twice"),
    (NAME_FIELD + "        relevant: {field: nowhere, equals: 1}\n", "unknown field 'nowhere'"),
    (NAME_FIELD.replace("{en: Name, fr: Nom}", "{en: Name}"), "fr"),
    (NAME_FIELD.replace("id: name", "id: Name"), "lower_snake_case"),
    ("""\
      - id: sex
        kind: choice
        label: {en: Sex, fr: Sexe}
        options:
          - {code: f, label: {en: F, fr: F}}
          - {code: f, label: {en: M, fr: M}}
""", "option codes repeat"),
    ("""\
      - id: weight
        kind: decimal
        min: 10
        max: 1
        label: {en: Weight, fr: Poids}
""", "min is above max"),
    ("""\
      - id: seen_at
        kind: datetime
        not_after: name
        label: {en: Seen at, fr: Vu le}
""", "not_after names no datetime field 'name'"),
    ("""\
      - id: dose_given
        kind: decimal
        unit_from: {record: name, field: dose_unit}
        label: {en: Dose given, fr: Dose donnée}
""", "unit_from names no record_ref field 'name'"),
    ("""\
      - id: gives
        kind: multi_choice
        within: {record: name, field: tests}
        label: {en: Tests it gives, fr: Examens donnés}
        options:
          - {code: fbc, label: {en: FBC, fr: NFS}}
          - {code: crp, label: {en: CRP, fr: CRP}}
""", "within names no record_ref field 'name'"),
    ("""\
      - id: discipline
        kind: choice
        label: {en: Written by a, fr: Rédigée par}
        by_role: {ward_nurse: nursing, porter: medical}
        options:
          - {code: nursing, label: {en: Nurse, fr: Infirmier}}
          - {code: other, label: {en: Other, fr: Autre}}
""", "by_role names no role or no option: porter: medical"),
    ("""\
      - id: every_days
        kind: choice
        label: {en: How often, fr: Fréquence}
        unanswered: "5"
        options:
          - {code: "1", label: {en: Every day, fr: Tous les jours}}
          - {code: "5", label: {en: Every 5 days, fr: Tous les 5 jours}, retired: true}
""", "unanswered names no option it offers: '5'"),
])
def test_broken_definitions_are_refused_naming_the_field(tmp_path, fields, expected):
    path = _write(tmp_path, fields)
    with pytest.raises(FormSpecError) as caught:
        load_form(path)
    text = str(caught.value)
    assert str(path) in text
    assert expected in text


def test_not_yaml_is_refused_with_the_file_named(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(FormSpecError, match="bad.yaml.*not valid YAML"):
        load_form(path)


def test_a_yaml_mistake_is_shown_on_its_line_with_the_place_pointed_at(tmp_path):
    """Forms are read by libyaml; what it refuses is said in the words of PyYAML's own parser,
    which quotes the line (libyaml's message gives a line and column alone)."""
    path = _write(tmp_path, NAME_FIELD)
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title: Ward: form\n  old_title:", 1),
                    encoding="utf-8")
    with pytest.raises(FormSpecError) as caught:
        load_form(path)
    text = str(caught.value)
    assert "mapping values are not allowed here" in text, text
    assert "line 4, column 12:\n    title: Ward: form\n               ^" in text, text


def test_form_id_must_match_file_name(tmp_path):
    path = _write(tmp_path, NAME_FIELD, form_id="sample")
    path.rename(tmp_path / "other.yaml")
    with pytest.raises(FormSpecError, match="must match the file name"):
        load_form(tmp_path / "other.yaml")


def test_load_forms_reports_every_broken_file_together(tmp_path):
    _write(tmp_path, NAME_FIELD.replace("kind: text", "kind: nope"), "one")
    _write(tmp_path, NAME_FIELD + NAME_FIELD, "two")
    with pytest.raises(FormSpecError) as caught:
        load_forms(tmp_path)
    assert "one.yaml" in str(caught.value) and "two.yaml" in str(caught.value)


def test_regex_that_does_not_compile_is_refused(tmp_path):
    fields = NAME_FIELD + textwrap.indent(
        "pattern: {regex: '(', message: {en: x, fr: x}}\n", " " * 8)
    with pytest.raises(FormSpecError, match="regular expression"):
        load_form(_write(tmp_path, fields))


def test_a_summary_naming_no_field_of_the_form_is_refused(tmp_path):
    path = _write(tmp_path, NAME_FIELD)
    path.write_text(path.read_text(encoding="utf-8").replace("version: 1\n", "version: 1\nsummary: [name, nmae]\n"),
                    encoding="utf-8")
    with pytest.raises(FormSpecError, match="summary names unknown field 'nmae'"):
        load_form(path)


def test_a_unit_from_naming_no_answer_of_the_form_pointed_to_is_refused(tmp_path):
    """A dose's unit is its order's: a unit_from naming an answer the order does not have
    would leave every dose given without its unit, unsaid."""
    _write(tmp_path, NAME_FIELD + """\
      - id: dose_unit
        kind: text
        label: {en: Unit, fr: Unité}
""", "order")
    _write(tmp_path, """\
      - id: order
        kind: record_ref
        form: order
        label: {en: Order, fr: Prescription}
      - id: dose_given
        kind: decimal
        unit_from: {record: order, field: dose_units}
        label: {en: Dose given, fr: Dose donnée}
""", "dose")
    with pytest.raises(FormSpecError) as caught:
        load_forms(tmp_path)
    assert "dose.yaml" in str(caught.value) and "unit_from names unknown field 'dose_units' of 'order'" in str(caught.value)
    (tmp_path / "dose.yaml").write_text((tmp_path / "dose.yaml").read_text().replace("dose_units", "dose_unit"))
    assert load_forms(tmp_path)["dose"].field("dose_given").unit_from.field == "dose_unit"


def test_a_within_naming_no_multiple_choice_of_its_codes_in_the_form_pointed_to_is_refused(tmp_path):
    """The tests a result gives are among its sample's: a `within` whose answer is missing, or
    offers a code the field does not, could keep no answer within it."""
    _write(tmp_path, NAME_FIELD + """\
      - id: tests
        kind: multi_choice
        label: {en: Tests, fr: Examens}
        options:
          - {code: fbc, label: {en: FBC, fr: NFS}}
          - {code: crp, label: {en: CRP, fr: CRP}}
          - {code: urine, label: {en: Urine, fr: ECBU}}
""", "sample")
    _write(tmp_path, """\
      - id: request
        kind: record_ref
        form: sample
        label: {en: Sample, fr: Prélèvement}
      - id: gives
        kind: multi_choice
        within: {record: request, field: tests}
        label: {en: Tests it gives, fr: Examens donnés}
        options:
          - {code: fbc, label: {en: FBC, fr: NFS}}
          - {code: crp, label: {en: CRP, fr: CRP}}
""", "result")
    with pytest.raises(FormSpecError) as caught:
        load_forms(tmp_path)
    assert "result.yaml" in str(caught.value) and (
        "within: 'tests' of 'sample' is no multiple choice of codes this field offers") in str(caught.value)
    (tmp_path / "result.yaml").write_text((tmp_path / "result.yaml").read_text().replace(
        "field: tests}", "field: test}"))
    with pytest.raises(FormSpecError, match="within names unknown field 'test' of 'sample'"):
        load_forms(tmp_path)
    (tmp_path / "sample.yaml").write_text((tmp_path / "sample.yaml").read_text().replace(
        "          - {code: urine, label: {en: Urine, fr: ECBU}}\n", ""))
    (tmp_path / "result.yaml").write_text((tmp_path / "result.yaml").read_text().replace("field: test}", "field: tests}"))
    assert load_forms(tmp_path)["result"].field("gives").within.field == "tests"


def test_a_records_line_reads_the_blank_forms_question_where_the_screens_speaks_to_the_typist(tmp_path):
    """"Given by (if not you)", the screen's words to the nurse typing, read as such on the clerk's
    worklist line: the line reads the blank form's "Given by", in both languages."""
    spec = load_form(_write(tmp_path, NAME_FIELD + """\
      - id: given_by
        kind: staff_ref
        label: {en: Given by (if not you), fr: Administré par (si autre que vous)}
        paper: {label: {en: Given by, fr: Administré par}}
"""))
    given_by, name = spec.field("given_by"), spec.field("name")
    assert (given_by.line_label("en"), given_by.line_label("fr")) == ("Given by", "Administré par")
    assert given_by.label.get("en") == "Given by (if not you)"
    assert (name.line_label("en"), name.line_label("fr")) == ("Name", "Nom")


@pytest.mark.parametrize(("flag", "said"), [
    # A section totalled as the Braden scale missing an item would show a total of five.
    ("total: braden", "braden holds no field 'sensory', 'moisture', 'activity', 'mobility', 'nutrition', 'friction'"),
    ("total: 4at", "4at holds no field 'alertness', 'amt4', 'attention', 'acute_change'"),
    ("total: must", "must holds no field 'weight_kg', 'height_cm', 'weight_loss', 'acute_no_intake'"),
    ("total: bmi", "total 'bmi' is none of 'braden', '4at', 'must'"),
    # A section scored as a child's PEWS missing an item would show a score lower than the child's.
    ("pews: true", "pews holds no field 'respiratory_rate', 'respiratory_effort', 'spo2', 'oxygen', 'heart_rate', "
                   "'systolic_bp', 'capillary_refill'"),
    # A sepsis outcome worked out without the infection question, or with no readings scored,
    # would never say red flag sepsis.
    ("sepsis: true", "sepsis reads no field 'infection', 'red_flags', 'respiratory_rate', 'systolic_bp', 'pulse', "
                     "'consciousness'"),
    ("sepsis: true", "sepsis needs a news2 section")])
def test_a_scored_section_must_hold_each_item_it_scores(tmp_path, flag, said):
    path = _write(tmp_path, NAME_FIELD)
    path.write_text(path.read_text(encoding="utf-8").replace("    fields:\n", f"    {flag}\n    fields:\n"),
                    encoding="utf-8")
    with pytest.raises(FormSpecError) as caught:
        load_form(path)
    assert f"section 'main': {said}" in str(caught.value)


def test_a_section_answered_by_amending_requires_none_of_its_fields(tmp_path):
    """A section only an amendment answers (a sample's outcome) is never shown on a new record:
    a field of it required could never be answered by the one who writes the record."""
    path = _write(tmp_path, NAME_FIELD + "        required: true\n")
    path.write_text(path.read_text(encoding="utf-8").replace("    fields:\n", "    amending: true\n    fields:\n"),
                    encoding="utf-8")
    with pytest.raises(FormSpecError) as caught:
        load_form(path)
    assert "section 'main': amending, yet requires 'name'" in str(caught.value)
