"""Events of the Call: agenda, speakers, calendar files."""
from django.db import models  # noqa: F401
