"""An option a later version of a form retires (`retired: true`) is offered nowhere for a new
answer: not in the keys the blank bowel and devices charts print to be written against, nor
accepted from a snapshot's CSV; a record holding it is still read in its words."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from downtime.formspec import FormSpec, load_forms
from downtime.formspec.values import format_value
from downtime.paths import forms_dir
from downtime.pdf.bowels import blank_bowel_chart_pdf
from downtime.pdf.devices import blank_device_chart_pdf
from downtime.sync.outcome import ImportRefused
from downtime.sync.snapshot_csv import read_csv_snapshot
from tests.pdf_text import pdf_text

PRINTED_AT = datetime(2026, 11, 28, 14, 0, tzinfo=timezone.utc)
SNAPSHOT = Path(__file__).parent / "data" / "snapshot"


def retiring(tmp_path: Path, form_id: str, code: str) -> dict[str, FormSpec]:
    """The forms of a later release whose form `form_id` retires its option `code`, as the README
    says to withdraw one: its label kept, `retired: true` added, the form's version raised."""
    folder = tmp_path / f"forms_{form_id}_{code}"
    shutil.copytree(forms_dir(), folder)
    path = folder / f"{form_id}.yaml"
    text = re.sub(r"^version: (\d+)", lambda m: f"version: {int(m.group(1)) + 1}",
                  path.read_text(encoding="utf-8"), count=1, flags=re.M)
    text, found = re.subn(rf'^(\s*- \{{code: "?{re.escape(code)}"?, .*)\}}$', r"\1, retired: true}", text,
                          count=1, flags=re.M)
    assert found == 1, (form_id, code)
    path.write_text(text, encoding="utf-8")
    return load_forms(folder)


def test_the_blank_bowel_chart_keys_no_stool_type_the_form_retired(tmp_path):
    spec = retiring(tmp_path, "bowel_chart", "1")["bowel_chart"]
    text = pdf_text(blank_bowel_chart_pdf(spec, tmp_path / "bowels.pdf", lang="en", printed_by=None,
                                          printed_at=PRINTED_AT, device_name="Ward 3B laptop"))
    assert "2: lumpy sausage" in text
    assert "separate hard lumps" not in text
    assert format_value(spec.field("stool_type"), "1", "en") == "1: separate hard lumps"


def test_the_blank_devices_chart_keys_no_vip_score_the_form_retired(tmp_path):
    spec = retiring(tmp_path, "device_check", "3")["device_check"]
    text = pdf_text(blank_device_chart_pdf(spec, tmp_path / "devices.pdf", lang="en", printed_by=None,
                                           printed_at=PRINTED_AT, device_name="Ward 3B laptop"))
    assert "2: two of pain, redness, swelling at the site" in text
    assert "pain along the vein" not in text


def test_a_csv_snapshot_is_refused_a_code_the_form_retired(tmp_path):
    """Loaded, the line would be a new answer the form no longer offers, refused at saving."""
    forms = retiring(tmp_path, "medication_order", "PO")
    with pytest.raises(ImportRefused) as refused:
        read_csv_snapshot(SNAPSHOT, forms)
    assert str(refused.value).startswith("medication_orders.csv, line 2, column route: 'PO'")
