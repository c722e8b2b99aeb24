"""Hospital IT editing a form file: each mistake refused, told what is wrong and where (a line, a
field, the code that reads it), where `forms check` said ok and the ward met it later."""

import re
import shutil
from pathlib import Path

import pytest

from downtime.domain import pain
from downtime.formspec import FormSpecError, load_forms
from downtime.formspec.required_by_code import REQUIRED_BY_CODE, unread_problems
from downtime.paths import forms_dir

CODE = Path(__file__).resolve().parents[1] / "downtime"


def _refused(tmp_path: Path, name: str, edit, lang: str = "en") -> str:
    """What `forms check` says of the shipped forms with `name` edited (its text, `edit`ed)."""
    folder = tmp_path / "forms"
    shutil.copytree(forms_dir(), folder)
    path = folder / name
    edited = edit(path.read_bytes())
    assert edited != path.read_bytes(), "the edit changed nothing: the shipped form changed"
    path.write_bytes(edited)
    with pytest.raises(FormSpecError) as raised:
        load_forms(folder)
    return raised.value.text(lang)


def test_a_key_given_twice_is_refused_with_its_line_where_yaml_kept_the_last(tmp_path):
    """A pasted `required: false` under the note's `required: true` made the Note optional."""
    said = _refused(tmp_path, "clinical_note.yaml", lambda text: text.replace(
        b"        max_length: 4000\n", b"        max_length: 4000\n        required: false\n", 1))
    line = (tmp_path / "forms" / "clinical_note.yaml").read_text(encoding="utf-8").splitlines().index(
        "        required: false") + 1
    assert f"clinical_note.yaml: line {line}: 'required' given twice in 'note'" in said


def test_a_top_level_key_given_twice_is_refused_with_its_line(tmp_path):
    """The shipped move's version (4 since it hands on the swallow screen) given a second time."""
    said = _refused(tmp_path, "transfer.yaml",
                    lambda text: text.replace(b"version: 4\n", b"version: 4\nversion: 5\n", 1))
    line = (tmp_path / "forms" / "transfer.yaml").read_text(encoding="utf-8").splitlines().index("version: 5") + 1
    assert f"transfer.yaml: line {line}: 'version' given twice in 'transfer'" in said


def test_a_rule_comparing_a_choice_with_a_code_it_lacks_is_refused(tmp_path):
    """`equals: numerc` (a typo, or the option renamed and not its rule): the pain score was never
    asked nor required, whatever scale the nurse chose."""
    said = _refused(tmp_path, "pain_assessment.yaml", lambda text: text.replace(
        b"relevant: {field: scale, equals: numeric}", b"relevant: {field: scale, equals: numerc}", 1))
    assert ("pain_assessment.yaml: form: field 'score_numeric': relevant compares 'scale' with 'numerc', which is "
            "none of its answers (numeric, verbal,") in said


def test_a_rule_comparing_a_yes_no_with_a_word_is_refused(tmp_path):
    """`equals: yes` is the text "yes" to YAML's reader only when quoted; `equals: "true"` never holds."""
    said = _refused(tmp_path, "admission.yaml", lambda text: text.replace(
        b"required_when: {field: unidentified, equals: true}", b'required_when: {field: unidentified, equals: "true"}',
        1))
    assert "required_when compares 'unidentified' with 'true', which is none of its answers (true, false)" in said


def test_a_file_not_in_utf8_is_said_by_its_line_and_column_not_a_byte_offset(tmp_path):
    said = _refused(tmp_path, "transfer.yaml", lambda text: text.decode("utf-8").encode("latin-1", "replace"))
    lines = (tmp_path / "forms" / "transfer.yaml").read_bytes().split(b"\n")
    line = next(number for number, text in enumerate(lines, 1) if re.search(rb"[\x80-\xff]", text))
    column = re.search(rb"[\x80-\xff]", lines[line - 1]).start() + 1
    assert f"transfer.yaml: line {line}, column {column}: not UTF-8 text (save the file as UTF-8)" in said
    assert "position" not in said


def test_a_yaml_mistake_names_the_file_not_a_unicode_string(tmp_path):
    said = _refused(tmp_path, "admission.yaml", lambda text: text.replace(b"\n        kind:", b"\n\tkind:", 1))
    assert 'in "admission.yaml", line' in said
    assert "<unicode string>" not in said


def test_a_blank_label_is_refused(tmp_path):
    """`fr: " "` is one character: the French screen showed an option with no words."""
    said = _refused(tmp_path, "clinical_note.yaml", lambda text: text.replace("fr: Sage-femme".encode(), b'fr: " "', 1))
    assert "field 'discipline', options, item 3, label, fr: a label cannot be blank" in said


def test_removing_a_field_the_export_reads_is_refused(tmp_path):
    """The note's "Written by a" removed: forms check said ok, and the records office's export then
    stopped on sync/fhir_notes.py's data["discipline"]."""
    def without_discipline(text: bytes) -> bytes:
        note = text.decode("utf-8").replace("summary: [written_at, discipline, focus,", "summary: [written_at, focus,")
        return re.sub(r"      - id: discipline\n(?:        .*\n)+", "", note, count=1).encode("utf-8")

    said = _refused(tmp_path, "clinical_note.yaml", without_discipline)
    assert ("clinical_note.yaml: field 'discipline' is read by the app's code (pdf/notes.py, sync/fhir_notes.py) "
            "and cannot be removed or renamed") in said


def test_renaming_a_code_the_pain_chart_reads_is_refused(tmp_path):
    """The scale's `numeric` renamed `nrs`, its rules too: the nurse's save went through and the
    pain chart then stopped on services/pain.py's SCORED[data["scale"]]."""
    said = _refused(tmp_path, "pain_assessment.yaml",
                    lambda text: text.replace(b"code: numeric", b"code: nrs").replace(b"equals: numeric",
                                                                                        b"equals: nrs"))
    assert ("pain_assessment.yaml: option 'numeric' of field 'scale' is read by the app's code (domain/pain.py) "
            "and cannot be removed or renamed") in said


def test_an_admission_form_without_the_blood_refusal_is_refused_naming_the_code_that_reads_it(tmp_path):
    """Admission version 3 (an IT-kept folder, before the refusal of blood products): forms check
    said ok, and the laptop's export then stopped on sync/fhir_patients.py's KeyError for the
    first patient carried to it who refused blood: no stick could be made from that laptop."""
    def without_blood_products(text: bytes) -> bytes:
        admission = text.decode("utf-8").replace(" blood_refusal, blood_accepted, blood_refusal_details,", "")
        return re.sub(r"  - id: blood\n(?:    .*\n|      .*\n)+?(?=  - id: next_of_kin)", "", admission,
                      count=1).encode("utf-8")

    said = _refused(tmp_path, "admission.yaml", without_blood_products)
    assert ("admission.yaml: field 'blood_refusal' is read by the app's code (services/transfusion.py, "
            "sync/fhir_patients.py) and cannot be removed or renamed") in said
    assert "field 'blood_refusal_details' is read by the app's code (sync/fhir_patients.py)" in said


@pytest.mark.parametrize("name, old, new, said", [
    ("neuro_observations.yaml", b"code: away,", b"code: off_ward,",
     "neuro_observations.yaml: option 'away' of field 'not_done' is read by the app's code (domain/gcs.py, "
     "services/neuro.py)"),
    ("inpatient_fall.yaml", b"code: vomited,", b"code: vomiting,",
     "inpatient_fall.yaml: option 'vomited' of field 'ct_signs' is read by the app's code (domain/falls.py, "
     "services/falls.py)"),
    ("inpatient_fall.yaml", b"code: \"yes\", label: {en: \"Yes\", fr: \"Oui\"}}\n          - {code: not_known",
     b"code: \"oui\", label: {en: \"Yes\", fr: \"Oui\"}}\n          - {code: not_known",
     "inpatient_fall.yaml: option 'yes' of field 'lost_consciousness' is read by the app's code"),
])
def test_renaming_a_code_the_falls_and_neuro_obs_read_is_refused(tmp_path, name, old, new, said):
    """A set not done's `away` renamed: every reader of the chart, the ward's escalation list among
    them, stopped on the reason; the fall's `vomited` or loss of consciousness's `yes` renamed: the
    CT head it asks was asked of nobody."""
    assert said in _refused(tmp_path, name, lambda text: text.replace(old, new, 1))


def test_the_shipped_forms_have_every_field_and_code_the_code_reads():
    assert list(unread_problems(load_forms(forms_dir()))) == []


def _read_by_name(module: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The answers a module reads by their id (`data["x"]`, `spec.field("x")`, `label(spec, "x", …)`),
    and the codes it compares one with (`data["x"] == "code"`)."""
    text = (CODE / module).read_text(encoding="utf-8")
    quoted = r"""["']([a-z_0-9]+)["']"""
    fields = set(re.findall(r"\b(?:data|answers)\[" + quoted + r"\]", text))
    fields |= set(re.findall(r"\.field\(" + quoted + r"\)", text))
    fields |= set(re.findall(r"\blabel\(\w+, " + quoted, text))  # sync.fhir_elements.label reads spec.field
    codes = set(re.findall(r"\b(?:data|answers)(?:\[" + quoted + r"\]|\.get\(" + quoted + r"\)) [!=]= " + quoted, text))
    return fields, {(field or got, code) for field, got, code in codes}


ANSWERED_ONLY = {("clinical_note", "sync/fhir_notes.py"): {"focus"}}
"""Read only where answered (`if data.get("focus")`), and left out of the table: a later version of
the note renames the focus (`formerly`), or drops it."""


EXPORT_ANSWERED_ONLY = {
    "sync/fhir_lab_results.py": {"taken_by"}, "sync/fhir_notes.py": {"focus"},
    "sync/fhir_observations.py": {"oxygen_flow"},
    "sync/fhir_theatre.py": {"clash_reason", "day_case", "equipment", "told_by"},
    "sync/fhir_transfusion.py": {"volume_ml"}, "sync/fhir_weight.py": {"notes"},
}
"""Answers the export reads with `data[…]` only where answered (`if data.get("taken_by")`), never
through the form's definition (`spec.field`, `label`): left out of the table."""


@pytest.mark.parametrize("module", sorted(str(path.relative_to(CODE)) for path in (CODE / "sync").glob("*.py")))
def test_the_table_holds_every_answer_the_export_and_the_merge_read_by_name(forms, module):
    """A field or a code the export reads by name that a form may lack stopped every stick of a
    laptop (admission v3's folder, and `blood_refusal`, read through `label(spec, …)`, which the
    scan of the two forms above missed). Each read is in the table, with the module, under one of
    the forms that have that field (a field no shipped form has is no form's: `.field` of
    something else)."""
    having: dict[str, set[str]] = {}
    for form_id, spec in forms.items():
        for each in spec.fields():
            having.setdefault(each.id, set()).add(form_id)
    fields, codes = _read_by_name(module)

    def listed(field: str, code: str | None = None) -> bool:
        return any(module in (read.by if code is None else read.codes.get(code, ()))
                   for form_id in having[field] if (read := REQUIRED_BY_CODE.get(form_id, {}).get(field)))

    assert {field for field in fields - EXPORT_ANSWERED_ONLY.get(module, set())
            if field in having and not listed(field)} == set()
    assert {(field, code) for field, code in codes if field in having and not listed(field, code)} == set()


@pytest.mark.parametrize("form, modules", [
    ("clinical_note", ["sync/fhir_notes.py", "pdf/notes.py"]),
    ("pain_assessment", ["domain/pain.py", "services/pain.py", "sync/fhir_pain.py", "pdf/pain.py"]),
])
def test_the_table_holds_what_the_code_reads_of_the_forms_it_broke(form, modules):
    """The forms an edit broke (an export's KeyError, a chart's): every answer and code their
    modules read by name is in the table, with the module; the pain scales by their code (SCORED)."""
    table = REQUIRED_BY_CODE[form]
    for module in modules:
        fields, codes = _read_by_name(module)
        fields -= ANSWERED_ONLY.get((form, module), set())
        assert {field for field in fields if field not in table or module not in table[field].by} == set(), module
        assert {(field, code) for field, code in codes
                if module not in table[field].codes.get(code, ())} == set(), module
    if form == "pain_assessment":
        assert set(pain.SCORED) <= set(table["scale"].codes)
        assert {item for scored in pain.SCORED.values() for item in scored.items} <= set(table)


def test_each_entry_of_the_table_is_read_by_the_modules_it_names():
    """An entry the code no longer reads would refuse an edit for nothing: each module named holds
    the field's id, and each code, by name."""
    def names(module: str, word: str) -> bool:
        text = (CODE / module).read_text(encoding="utf-8")
        return f'"{word}"' in text or f"'{word}'" in text

    stale = []
    for form, reads in REQUIRED_BY_CODE.items():
        for field, read in reads.items():
            stale += [(form, field, module) for module in read.by if not names(module, field)]
            stale += [(form, field, code, module) for code, modules in read.codes.items() for module in modules
                      if not names(module, code)]
    assert stale == []
