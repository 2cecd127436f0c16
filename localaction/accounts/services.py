"""Account changes that are not Django's own (sign-in and passwords are handled by django.contrib.auth)."""
from django.db import transaction

from localaction.activity.services import record

from .models import User


@transaction.atomic
def sign_up(email, full_name, language, password):
    """Create an account for a person who signed up on the public site, and record it."""
    user = User.objects.create_user(email=email, password=password, full_name=full_name, language=language)
    record(user, "account.created", user, language=language)
    return user
