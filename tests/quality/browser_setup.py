"""The browser tests' axe options and time-out (tests/browser/conftest.py), reused rather than copied; the
`browser` fixture itself is the root conftest's, shared by both folders.

That folder is not a package, hence the load by path.
"""
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "browser_conftest", Path(__file__).resolve().parents[1] / "browser" / "conftest.py"
)
browser_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser_conftest)

AXE_OPTIONS = browser_conftest.AXE_OPTIONS
TIMEOUT_MS = browser_conftest.TIMEOUT_MS
