"""Background jobs of open data (run by `manage.py runjobs`; `manage.py periodic` enqueues them)."""
from . import archive


def build_archive():
    """Keep the latest snapshot of all published data in settings.LOCALACTION_ARCHIVE_DIR (a new archive only
    when the data changed since the last one; older ones pruned)."""
    archive.build()
