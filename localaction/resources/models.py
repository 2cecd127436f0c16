"""The resource library: reports, guides, courses, recordings."""
from django.db import models  # noqa: F401
