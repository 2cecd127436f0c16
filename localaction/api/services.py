"""State changes of API tokens: creating one (its secret is returned once, never stored) and revoking it. Each is
recorded in the activity log, in one transaction."""
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from localaction.activity.services import record

from .models import PREFIX_LENGTH, SECRET_TAG, ApiToken, digest


def new_secret():
    """A fresh secret: the tag and 256 random bits, URL-safe."""
    return SECRET_TAG + secrets.token_urlsafe(32)


@transaction.atomic
def create_token(user, name, expires_in_days=None):
    """A new token of `user` named `name`, valid for `expires_in_days` days (None: until revoked).

    Returns (token, secret): the secret is shown to the user once and cannot be recovered afterwards."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    secret = new_secret()
    expires_at = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
    token = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=secret[:PREFIX_LENGTH], secret_digest=digest(secret),
        expires_at=expires_at,
    )
    record(user, "api_token.created", token, name=token.name, prefix=token.prefix,
           expires_at=expires_at.isoformat() if expires_at else None)
    return token, secret


@transaction.atomic
def revoke_token(token, by):
    """The owner revokes a token: it stops working at once. Revoking it again changes nothing."""
    if by is None or by.pk != token.user_id:
        raise PermissionDenied
    # Re-read under a lock so a double click records one revocation.
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at is not None:
        token.revoked_at = locked.revoked_at
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(by, "api_token.revoked", token, name=token.name, prefix=token.prefix)
    return token
