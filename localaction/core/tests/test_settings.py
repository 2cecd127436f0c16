"""The settings module refuses to run production with development secrets."""
import os
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
    result = run_check(DEBUG="0", SECRET_KEY="x" * 60, ALLOWED_HOSTS="localaction.example.org")
    assert result.returncode == 0, result.stderr


def test_the_database_comes_from_database_url():
    import dj_database_url

    config = dj_database_url.parse("postgres://user:pw@db.example.org:5432/localaction")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert settings.DATABASES["default"]["ENGINE"] in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}
