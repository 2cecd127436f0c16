"""Shared by the token and write-endpoint tests: a test client that speaks JSON with an API token."""
import json

import pytest
from django.urls import reverse

from localaction.api import services


class TokenClient:
    """The Django test client, sending `Authorization: Token <secret>` (or no token) and JSON bodies."""

    def __init__(self, client, secret=None):
        self.client, self.secret = client, secret

    def _headers(self):
        return {"Authorization": f"Token {self.secret}"} if self.secret else {}

    def get(self, url, params=None):
        return self.client.get(url, params or {}, headers=self._headers())

    def post(self, url, data=None):
        return self.client.post(url, json.dumps(data or {}), content_type="application/json", headers=self._headers())

    def patch(self, url, data):
        return self.client.patch(url, json.dumps(data), content_type="application/json", headers=self._headers())

    def delete(self, url):
        return self.client.delete(url, headers=self._headers())


@pytest.fixture
def api_for(client, personas):
    """api_for("member_a") → a TokenClient with a fresh token of that persona; api_for("anonymous") has none."""

    def make(name):
        user = personas.get(name)
        client.logout()
        return TokenClient(client, services.create_token(user, "Tests")[1] if user else None)

    return make


def api_url(name, *args):
    return reverse(f"api:{name}", args=args)
