"""The charts' printed words put the space French typography wants before a colon, as every
translated sentence on them does (i18n.labelled): the PEWS chart's key read "Temps de
recoloration cutanée: Moins de 3 s 0" and "SpO2: > 94% 0", the neuro chart's notes in full
"28/11 10:20: …". The English keeps its colon."""

from datetime import datetime

import pytest

from downtime.services import printing, records
from tests.pdf_text import pdf_text
from tests.test_neuro import SET

KEY = {"en": ("Capillary refill: Under 3 s 0", "SpO2: > 94% 0"),
       "fr": ("Temps de recoloration cutanée : Moins de 3 s 0", "SpO2 : > 94% 0")}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_pews_key_labels_each_item_as_the_language_writes_it(forms, tmp_path, lang):
    text = pdf_text(printing.blank(forms, "pews", tmp_path / "pews.pdf", lang=lang, printed_by=None,
                                   printed_at=datetime.fromisoformat("2026-11-28T10:00+01:00"), device_name="3B"))
    assert all(said in text for said in KEY[lang]), text


@pytest.mark.parametrize("lang, said", [("en", "28/11 10:00: Bleeped"), ("fr", "28/11 10:00 : Bleeped")])
def test_the_neuro_notes_in_full_follow_their_time_as_the_language_writes_it(session_for, patient, clock, tmp_path,
                                                                           lang, said):
    records.save_new(session_for("nurse"), "neuro_observations", {
        **SET, "notes": "Bleeped Dr Benali 3 times at 02:10, 02:25 and 02:40, no answer; site manager called"},
        patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    assert said in pdf_text(printing.print_neuro_chart(session_for("nurse", lang), patient, tmp_path / "neuro.pdf"))
