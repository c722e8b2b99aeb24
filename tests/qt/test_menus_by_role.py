"""The menu bar as each role finds it: nothing it offers is empty, nothing sits below Quit."""

import pytest

from downtime.services import records


def _shown(menu) -> list[str]:
    """The menu's visible entries as the person reads them, "----" for a separator."""
    return ["----" if action.isSeparator() else action.text() for action in menu.actions() if action.isVisible()]


@pytest.mark.parametrize("who", ["records", "admin"])
def test_a_role_that_may_write_no_patient_form_has_no_record_for_selected_patient_menu(session_for, window_for, who):
    """The records clerk and the administrator write no form about a patient: a "Record for
    selected patient" menu on their menu bar would open empty."""
    window = window_for(session_for(who))
    assert not [spec.id for spec in window.session.forms.values()
                if spec.about_patient and records.may_write(window.session, spec)]
    menus = [action for action in window.menuBar().actions() if action.isVisible()]
    assert "&Record for selected patient" not in [action.text() for action in menus]
    assert all(_shown(action.menu()) for action in menus)
    window.set_language("fr")  # the menus built again in French
    try:
        assert all(_shown(action.menu()) for action in window.menuBar().actions() if action.isVisible())
    finally:
        window.set_language("en")


def test_the_coordinators_new_theatre_session_is_above_close_sign_out_and_quit(session_for, window_for):
    """Added after the Ward menu's last entry, New theatre session sat below Quit."""
    window = window_for(session_for("coord"))
    ward = _shown(window.menuBar().actions()[0].menu())
    assert ward[-5:] == ["----", "&Close form", "Change my &PIN…", "Sign &out", "&Quit"], ward
    assert ward.index("New theatre session") < ward.index("----")
    nurse_ward = _shown(window_for(session_for("nurse")).menuBar().actions()[0].menu())
    assert nurse_ward[-5:] == ["----", "&Close form", "Change my &PIN…", "Sign &out", "&Quit"], nurse_ward
