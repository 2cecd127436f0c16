"""Compiles locale/*/LC_MESSAGES/*.po into .mo files with polib.

Django's own compilemessages needs GNU gettext's msgfmt, which a fresh machine may not have; `make run` must
work with Python alone. Like msgfmt, polib leaves fuzzy and untranslated entries out.
"""
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the translation catalogs (.po) into .mo files without GNU gettext."

    def handle(self, *args, **options):
        count = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalog = polib.pofile(str(po_path))
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                catalog.save_as_mofile(str(mo_path))
                count += 1
        self.stdout.write(f"Compiled {count} catalog(s).")
