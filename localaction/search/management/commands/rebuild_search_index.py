"""`manage.py rebuild_search_index`: index every public action again (after bulk loads, or to restore publication
order); app processes notice the new generation and reload their facet index."""
import time

from django.core.management.base import BaseCommand

from localaction.search import facets, index


class Command(BaseCommand):
    help = "Rebuild the search index of the public catalog from the actions."

    def handle(self, *args, **options):
        started = time.perf_counter()

        def progress(done, total):
            if options["verbosity"] > 1 or done == total:
                self.stdout.write(f"  {done}/{total} actions indexed")

        count = index.rebuild(progress=progress)
        index.vacuum()
        built = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} public actions in {built:.1f} s."))
        if options["verbosity"] > 1:
            loaded = facets.FacetIndex().refresh()
            self.stdout.write(f"Facet index of one process: loaded in {loaded.loaded_in:.1f} s.")
