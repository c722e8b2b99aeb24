"""What the patient's age decides of a form on screen (S8 S4, S6): a letter's child's age and
weight, and a fluid plan's reason a child's volume is above their weight's, not shown for an
adult (prefill.answered_asked); the transfer letter's "Taken at" starred for a patient NEWS2
scores (prefill.news2_time_asked), as the save requires it, and not for a child."""


def _shown(form, field_id: str) -> bool:
    layout, cell = form.rows[field_id]
    return layout.isRowVisible(cell)


def test_an_adults_letter_and_plan_show_no_childs_field_and_star_taken_at(window, patient):
    session = window.session
    assert not _shown(window.open_new(session.form("discharge"), patient), "child_weight")
    assert not _shown(window.open_new(session.form("fluid_plan"), patient), "reason_above")
    transfer = window.open_new(session.form("transfer_out"), patient)
    assert not _shown(transfer, "child_weight")
    assert transfer.form_labels["obs_at"].text() == "Taken at *"


def test_a_childs_letter_shows_the_weight_and_does_not_star_taken_at(window, admit_to_paediatrics):
    toddler = admit_to_paediatrics("3", "2024-10-01", 12.0, "Noe")
    transfer = window.open_new(window.session.form("transfer_out"), toddler)
    assert _shown(transfer, "child_weight")
    assert transfer.form_labels["obs_at"].text() == "Taken at"
