"""Run pip-audit on the installed virtualenv and fail on any known vulnerability.

pip-audit reports "no known vulnerabilities" when it could not look a package up at all (no vulnerability
service reachable), which would be a false all-clear. This wrapper tells the two apart: a vulnerability fails
the run; packages that could not be looked up are listed loudly as NOT AUDITED, and fail the run only with
--strict (where the vulnerability data is known to be reachable)."""
import json
import subprocess
import sys

strict = "--strict" in sys.argv[1:]
result = subprocess.run(
    [sys.executable, "-m", "pip_audit", "--format", "json", "--progress-spinner", "off"],
    capture_output=True, text=True,
)
try:
    report = json.loads(result.stdout)
except json.JSONDecodeError:
    print(result.stdout, result.stderr, sep="\n")
    sys.exit("pip-audit did not produce a report")
dependencies = report.get("dependencies", [])
vulnerable = [d for d in dependencies if d.get("vulns")]
skipped = [d for d in dependencies if d.get("skip_reason")]
for dependency in vulnerable:
    ids = ", ".join(v["id"] for v in dependency["vulns"])
    print(f"VULNERABLE {dependency['name']} {dependency.get('version', '')}: {ids}")
audited = len(dependencies) - len(skipped)
print(f"pip-audit: {audited} of {len(dependencies)} installed packages checked, {len(vulnerable)} vulnerable.")
if skipped:
    print(
        f"WARNING: {len(skipped)} packages NOT AUDITED (no vulnerability data reachable), e.g. "
        f"{skipped[0]['name']}: {skipped[0]['skip_reason']}"
    )
if vulnerable or (skipped and strict):
    sys.exit(1)
