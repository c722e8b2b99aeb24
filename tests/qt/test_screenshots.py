"""The README's screenshots come from the real windows on a fresh demo ward."""

from PySide6.QtGui import QImage

from downtime.qt.i18n import set_language
from downtime.qt.screenshots import take


def test_every_main_screen_is_taken_in_the_chosen_language(qapp, tmp_path):
    try:
        made = take(tmp_path, "fr")
    finally:
        set_language("en")
    assert [path.name for path in made] == [
        f"{name}-fr.png" for name in ("sign-in", "patients", "admission-form", "medication-round", "mar", "patient-records",
                                      "cd-register",
                                      "news2-escalation", "observations", "fluid-balance", "neuro", "glucose", "repositioning",
                                      "wounds", "devices", "pain", "bowels",
                                      "transfusion",
                                      "lab-results", "pews",
                                      "print-preview",
                                      "theatre",
                                      "back-entry", "administration")]
    for path in made:
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 400 and image.height() >= 150, path.name


def test_the_help_says_whole_sentences_and_what_each_argument_is(capsys, monkeypatch):
    """It stopped mid-sentence: "…so they show what"."""
    import pytest

    from downtime.qt.screenshots import main

    monkeypatch.setenv("COLUMNS", "1000")
    with pytest.raises(SystemExit):
        main(["--help"])
    said = capsys.readouterr().out
    assert ("The README's screenshots, taken from the real windows on a fresh demo ward, so they show what a ward sees "
            "today rather than what it saw when someone last remembered to update them.") in said
    assert "where the PNGs go" in said
    assert "the windows' language" in said and "QT_QPA_PLATFORM=offscreen" in said


def test_each_role_s_pictures_are_taken_as_the_account_the_tours_sign_in_with():
    """The night nurse, listed after the day nurse, took the nurse's pictures: the README's tour
    signs in as nurse/1111 and its pictures named Nadia Ferhat."""
    from downtime.domain.staff import Role
    from downtime.qt.screenshots import ACCOUNTS

    assert ACCOUNTS[Role.WARD_NURSE] == ("nurse", "1111") and ACCOUNTS[Role.RECORDS_STAFF] == ("records", "4444")
