"""The workspace home in the permission matrix: every signed-in person has one."""
from localaction.core.tests.matrix import signed_in

ENTRIES = {
    "workspace:home": (None, signed_in(200)),
}
