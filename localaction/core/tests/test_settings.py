"""The settings module refuses to run production with development secrets."""
import os
import secrets
import subprocess
import sys

from django.conf import settings


def run_check(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True
    )


def test_it_refuses_to_start_with_debug_off_and_the_default_secret_key():
    result = run_check(DEBUG="0")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_it_starts_with_debug_off_and_a_real_secret_key():
    result = run_check(
        DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="localaction.example.org",
        BASE_URL="https://localaction.example.org",
    )
    assert result.returncode == 0, result.stderr


def test_the_database_comes_from_database_url():
    import dj_database_url

    config = dj_database_url.parse("postgres://user:pw@db.example.org:5432/localaction")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert settings.DATABASES["default"]["ENGINE"] in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}


def test_files_go_to_the_storage_backend_the_environment_names(tmp_path):
    """Object storage is a matter of configuration: any Django storage backend with its options."""
    script = (
        "import django; django.setup(); from django.core.files.storage import storages; s = storages[\"default\"]; "
        "print(type(s).__name__, s.location)"
    )
    environment = {**os.environ, "FILE_STORAGE_BACKEND": "django.core.files.storage.FileSystemStorage",
                   "FILE_STORAGE_OPTIONS": '{"location": "%s"}' % tmp_path, "DJANGO_SETTINGS_MODULE": "localaction.settings"}
    result = subprocess.run([sys.executable, "-c", script], cwd=settings.BASE_DIR, env=environment,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["FileSystemStorage", str(tmp_path)]
