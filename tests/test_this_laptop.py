"""What the sign-in window says of the laptop before anyone signs in, an encrypted database's
included: its key-slot file keeps the name and ward the database gives."""

import json

from downtime.services import installation, settings, this_laptop, unlock
from downtime.services.context import Session, Vault, load_device
from downtime.services.this_laptop import Laptop
from downtime.services.wards import add_ward
from downtime.storage import keyslots


def _encrypted(tmp_path, forms, clock) -> tuple[Vault, Session]:
    vault, _ = unlock.create(tmp_path / "ward.sqlite", encrypted=True, device_number=3, device_name="Ward 3B laptop 1",
                             admin_id="it", admin_name="IT", admin_pin="2468", clock=clock)
    admin = Session(vault.db, load_device(vault.db), unlock.confirm_pin(vault.db, "it", "2468", clock), forms, clock,
                    vault=vault)
    add_ward(admin, "3B", "Medicine", ["1"])
    add_ward(admin, "4A", "Surgery", ["1"])
    return vault, admin


def test_a_copy_made_a_laptop_of_its_own_is_named_by_its_new_name_and_ward_before_a_pin(
        tmp_path, forms, clock, monkeypatch):
    """IT copying ward 3B's laptop to 4A's: the copy, once made a laptop of its own, must not
    greet 4A's nurses as 3B's."""
    vault, admin = _encrypted(tmp_path, forms, clock)
    settings.set_laptop_ward(admin, "3B")
    assert this_laptop.on_sign_in(Vault(vault.path)) == Laptop("Ward 3B laptop 1", "3B")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another computer"))
    installation.become_own_laptop(admin, 8, "Ward 4A laptop 1", "4A")
    assert this_laptop.on_sign_in(Vault(vault.path)) == Laptop("Ward 4A laptop 1", "4A")
    assert this_laptop.on_sign_in(vault) == Laptop("Ward 4A laptop 1", "4A"), "read from the open database"


def test_a_key_slot_file_from_before_names_no_laptop_until_the_next_sign_in(tmp_path, forms, clock):
    """Nothing is said rather than a guess, and the first sign-in brings the copy in; one
    edited by hand into nonsense names none either."""
    vault, admin = _encrypted(tmp_path, forms, clock)
    keys = keyslots.keys_path(vault.path)
    content = json.loads(keys.read_text())
    del content["laptop"]
    keys.write_text(json.dumps(content))
    assert this_laptop.on_sign_in(Vault(vault.path)) is None
    unlock.sign_in(Vault(vault.path), "it", "2468", clock)
    assert this_laptop.on_sign_in(Vault(vault.path)) == Laptop("Ward 3B laptop 1", None)
    keys.write_text(json.dumps({**content, "laptop": ["Ward 3B laptop 1"]}))
    assert this_laptop.on_sign_in(Vault(vault.path)) is None
