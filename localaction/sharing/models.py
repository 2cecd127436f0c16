"""Share metadata, server-made share images and embeddable widgets."""
from django.db import models  # noqa: F401
