"""The French and Spanish catalogs are complete and in step with the code."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.LOCALE_PATHS[0])
CATALOGS = [LOCALE / lang / "LC_MESSAGES" / "django.po" for lang in ("fr", "es")]


def entry_keys(catalog):
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in catalog if not e.obsolete}


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_every_entry_is_translated_and_not_fuzzy(path):
    catalog = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalog.untranslated_entries()]
    fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy[:10]}"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_placeholders_survive_translation(path):
    import re

    placeholder = re.compile(r"%\((\w+)\)[sd]")
    for entry in polib.pofile(str(path)):
        expected = set(placeholder.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            # A singular form may leave the count out ("Une action"), never add or rename a placeholder.
            assert set(placeholder.findall(text)) <= expected | set(placeholder.findall(entry.msgid_plural)), entry.msgid
            if not entry.msgid_plural:
                assert set(placeholder.findall(text)) == expected, entry.msgid


def test_makemessages_would_not_change_the_catalogs(tmp_path):
    """Fails when interface text was added or changed without `make messages` and a translation."""
    if not shutil.which("xgettext"):
        if os.environ.get("LOCALACTION_REQUIRE_BROWSER") or os.environ.get("CI"):
            pytest.fail("GNU gettext (xgettext) is required in CI for the catalog check")
        pytest.skip("GNU gettext is not installed; CI runs this check")
    root = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    shutil.copytree(root / "localaction", copy / "localaction", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(LOCALE, copy / "locale")
    shutil.copy(root / "manage.py", copy / "manage.py")
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "-l", "es", "--no-location", "--no-obsolete"],
        cwd=copy, capture_output=True, text=True, env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/unused.sqlite3"},
    )
    assert result.returncode == 0, result.stderr
    for path in CATALOGS:
        relative = path.relative_to(root)
        fresh = entry_keys(polib.pofile(str(copy / relative)))
        committed = entry_keys(polib.pofile(str(path)))
        assert fresh == committed, (
            f"{relative} is stale; run `make messages` and translate. "
            f"New: {sorted(k[1] for k in fresh - committed)[:10]} Gone: {sorted(k[1] for k in committed - fresh)[:10]}"
        )
