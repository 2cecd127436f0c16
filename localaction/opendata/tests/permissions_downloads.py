"""Downloads, the data dictionary and the data package are public: everyone gets them, signed in or not."""
from localaction.core.tests.matrix import PUBLIC

ENTRIES = {
    "opendata:index": (None, PUBLIC),
    "opendata:dictionary": (None, PUBLIC),
    "opendata:datapackage": (None, PUBLIC),
    "opendata:actions_download": (lambda objects: ["csv"], PUBLIC),
    "opendata:download": (lambda objects: ["progress-updates", "xlsx"], PUBLIC),
}
