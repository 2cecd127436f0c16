"""imports entries in the permission matrix (see core/tests/matrix.py)."""
from localaction.core.tests.matrix import members_of_a, only, reviewers
from localaction.factories import ActionFactory
from localaction.imports.models import ImportBatch

REVIEWERS = {"reviewer", "admin"}

ENTRIES = {
    "imports:batches": (None, reviewers()),
    "imports:upload": (None, reviewers()),
    "imports:batch": (lambda o: [o["import_batch"].pk], reviewers()),
    "imports:mapping": (lambda o: [o["import_batch"].pk], reviewers()),
    "imports:confirm": (lambda o: [o["import_batch"].pk], only(REVIEWERS, status=405)),  # POST only
    # The offline template: government A's members; everyone else (reviewers too) gets 404.
    "imports:template": (lambda o: [o["import_government"].slug], members_of_a()),
    "imports:template_download": (lambda o: [o["import_government"].slug], members_of_a()),
    "imports:template_export": (lambda o: [o["import_action"].public_id], members_of_a()),
}


def make_objects(personas):
    batch = ImportBatch.objects.create(source="matrix", filename="matrix.csv", headers=["id", "title"], file="imports/matrix.bin")
    return {
        "import_batch": batch,
        "import_government": personas.government_a,
        "import_action": ActionFactory(government=personas.government_a),
    }
