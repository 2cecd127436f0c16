"""The account pages in the permission matrix: every signed-in person has their own; nobody sees another's."""
from localaction.core.tests.matrix import everyone, signed_in

ENTRIES = {
    "accounts:account": (None, signed_in(200)),
    "accounts:two_factor_setup": (None, signed_in(200)),
    # Personas signed in by the test client have passed the second factor; the others have no device to verify.
    "accounts:two_factor_verify": (None, signed_in(302)),
    "accounts:backup_codes": (None, everyone(405)),  # POST only
    "accounts:two_factor_disable": (None, everyone(405)),
    "accounts:data_export": (None, signed_in(200)),
    "accounts:delete_account": (None, signed_in(200)),
}
