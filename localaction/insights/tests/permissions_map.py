"""The world map's entry in the permission matrix: a public page, like the catalog it follows."""
from localaction.core.tests.matrix import PUBLIC

ENTRIES = {
    "insights:map": (None, PUBLIC),
}
