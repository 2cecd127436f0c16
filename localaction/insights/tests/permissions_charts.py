"""The insights charts in the permission matrix: public pages and downloads, for everyone."""
from localaction.core.tests.matrix import PUBLIC

ENTRIES = {
    "insights:index": (None, PUBLIC),
    "insights:gaps": (None, PUBLIC),
    "insights:chart_csv": (lambda o: ["gcm"], PUBLIC),
}
