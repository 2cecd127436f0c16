"""The browser tests' chromium launch and axe options (tests/browser/conftest.py), reused rather than copied.

That folder is not a package, hence the load by path.
"""
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "browser_conftest", Path(__file__).resolve().parents[1] / "browser" / "conftest.py"
)
browser_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser_conftest)

browser = browser_conftest.browser
AXE_OPTIONS = browser_conftest.AXE_OPTIONS
TIMEOUT_MS = browser_conftest.TIMEOUT_MS
