"""Messages relayed between governments without exposing addresses."""
from django.db import models  # noqa: F401
