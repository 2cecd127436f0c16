"""Bulk import of actions from spreadsheets, and offline templates."""
from django.db import models  # noqa: F401
