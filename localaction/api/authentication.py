"""API authentication by per-user token: `Authorization: Token <secret>`.

The API has no session authentication at all, so a signed-in browser cannot be made to call it from another site
(no CSRF exposure) and every write is made by a token its owner can revoke.
"""
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .models import ApiToken, digest

KEYWORD = "Token"
# last_used_at is for the owner's list of tokens, not an audit trail: a write per request would double the load
# of busy clients, so it is refreshed at most once per this interval.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class TokenAuthentication(authentication.BaseAuthentication):
    """Finds the token by the hash of the secret sent. The lookup compares digests in the database's unique
    index: no secret is ever compared character by character in Python, so response times say nothing about
    how much of a guess was right."""

    keyword = KEYWORD

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Invalid token header: send “Token” and the secret, separated by one space.")
            )
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from error
        return self.authenticate_secret(secret)

    def authenticate_secret(self, secret):
        token = ApiToken.objects.select_related("user").filter(secret_digest=digest(secret)).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        now = timezone.now()
        state = token.state(now)
        if state == ApiToken.State.REVOKED:
            raise exceptions.AuthenticationFailed(_("This token has been revoked."))
        if state == ApiToken.State.EXPIRED:
            raise exceptions.AuthenticationFailed(_("This token has expired."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("The account of this token is deactivated."))
        self.touch(token, now)
        return token.user, token

    @staticmethod
    def touch(token, now):
        """Record the use, at most once per LAST_USED_RESOLUTION (a conditional UPDATE: concurrent requests of the
        same token write once)."""
        if token.last_used_at is not None and now - token.last_used_at < LAST_USED_RESOLUTION:
            return
        ApiToken.objects.filter(pk=token.pk).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_RESOLUTION)
        ).update(last_used_at=now)
        token.last_used_at = now

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) when credentials are missing or wrong.
        return self.keyword


class TokenScheme(OpenApiAuthenticationExtension):
    """Documents the token header in the OpenAPI document's security schemes."""

    target_class = TokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "A personal API token, created in the workspace (API tokens page): send "
                "`Authorization: Token <secret>`. The token acts with its owner's memberships."
            ),
        }
