"""The release a medicine's name states (`domain.release`)."""
import pytest

from downtime.domain.release import Release, release_of


@pytest.mark.parametrize("name", ["OxyContin 10 mg", "Oxycodone MR 10 mg", "Skenan LP 30 mg", "Morphine sulfate SR",
                                  "MST Continus", "Zomorph", "Tramadol libération prolongée", "Morphine modified-release",
                                  # written against their number (review S9 #2: Zomorph30 came off the Oramorph page)
                                  "Zomorph30", "Oxycontin10", "MST10", "Morphine MR10", "Tramadol LP100"])
def test_modified_release_names(name: str) -> None:
    assert release_of(name) is Release.MODIFIED


@pytest.mark.parametrize("name", ["OxyNorm 5 mg", "Oramorph 10 mg/5 mL", "Actiskenan 5 mg", "Oxycodone IR capsules",
                                  "Morphine à libération immédiate", "Sevredol", "Oxynorm10mg", "Sevredol10"])
def test_immediate_release_names(name: str) -> None:
    assert release_of(name) is Release.IMMEDIATE


@pytest.mark.parametrize("name", ["Morphine 10 mg", "Paracetamol", "Morphine pour la douleur", "Zomorph IR", "Zydol 50 mg", ""])
def test_a_name_stating_no_release_or_both_says_nothing(name: str) -> None:
    assert release_of(name) is None
