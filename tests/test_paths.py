from downtime import paths


def test_installed_data_folder_wins_over_the_checkout(tmp_path, monkeypatch):
    package = tmp_path / "site" / "downtime"
    (package / "_data" / "forms").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE", package)
    assert paths.forms_dir() == package / "_data" / "forms"


def test_checkout_folder_is_used_when_not_installed(tmp_path, monkeypatch):
    package = tmp_path / "repo" / "downtime"
    package.mkdir(parents=True)
    (tmp_path / "repo" / "forms").mkdir()
    monkeypatch.setattr(paths, "_PACKAGE", package)
    assert paths.forms_dir() == tmp_path / "repo" / "forms"


def test_database_defaults_to_env_then_user_data(tmp_path, monkeypatch):
    assert paths.default_db_path() == paths.data_dir() / "downtime.sqlite"
    monkeypatch.setenv("DOWNTIME_DB", str(tmp_path / "x.sqlite"))
    assert paths.default_db_path() == tmp_path / "x.sqlite"
    assert paths.demo_db_path() != paths.default_db_path()
